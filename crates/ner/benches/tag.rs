//! Tagger throughput in tokens per second on sentences of the bundled example articles, next to
//! a baseline in the same run: computing the features alone (no weights, no Viterbi).
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use khabar_ner::model::{sentence_features, Model};
use khabar_text::{sentence::sentences, token::tokenize};

fn bench(c: &mut Criterion) {
    let Some(model) = Model::embedded() else { panic!("no embedded model") };
    let data = include_str!("../../../examples/articles.jsonl");
    let mut sents: Vec<Vec<String>> = Vec::new();
    for line in data.lines() {
        let text = line
            .split("\"text\": \"")
            .nth(1)
            .unwrap_or("")
            .split("\"}")
            .next()
            .unwrap_or("")
            .replace("\\n", "\n")
            .replace("\\\"", "\"");
        let toks = tokenize(&text);
        for s in sentences(&toks) {
            sents.push(toks[s].iter().map(|t| text[t.start..t.end].to_string()).collect());
        }
    }
    let n: usize = sents.iter().map(Vec::len).sum();
    assert!(n > 1000);
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("features-baseline", |b| {
        b.iter(|| {
            assert_eq!(
                sents.iter().map(|s| sentence_features(black_box(s), &Default::default()).len()).sum::<usize>(),
                n
            )
        })
    });
    g.bench_function("tag", |b| {
        b.iter(|| assert_eq!(sents.iter().map(|s| model.tag(black_box(s)).len()).sum::<usize>(), n))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
