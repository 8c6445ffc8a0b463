//! `extract` throughput (everything: tokens, sentences, counts, amounts, dates, hedges, JSON
//! records) on a short sentence, a paragraph and a whole article, with a baseline in the same
//! run: tokenizing alone, so the ratio says what extraction costs on top of reading the text.
//! Each benchmark asserts what it produced.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const SHORT: &str = "وأفادت الشرطة بسقوط 18 قتيلا و748 جريحا في صفوفها.";
const MEDIUM: &str = "وأدت أعمال الشغب التي تخللها تبادل إطلاق نار بأسلحة نارية، إلى سقوط عشرات القتلى وأكثر من ألف جريح بحسب السلطات. وأفادت الشرطة بسقوط 18 قتيلا و748 جريحا في صفوفها. واعتقل أكثر من 3800 شخص في جميع أنحاء البلاد، حسب أحدث الأرقام التي بثها التلفزيون. لكن لم يتسن التأكد من هذه الارقام بشكل مستقل ولم تدل الحكومة بأي حصيلة للمدنيين غير المتظاهرين. وقال توكاييف الجمعة \"عملية مكافحة الارهاب مستمرة\".";

fn articles() -> Vec<(String, String)> {
    include_str!("../../../examples/articles.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (v["text"].as_str().unwrap().to_string(), v["published"].as_str().unwrap().to_string())
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let (whole, published) = arts.iter().max_by_key(|a| a.0.len()).unwrap().clone();
    let inputs = [("short", SHORT.to_string()), ("medium", MEDIUM.to_string()), ("whole", whole)];
    let mut g = c.benchmark_group("extract");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let expected = khabar_extract::extract(None, Some(published.clone()), text);
        let n = expected.counts.len() + expected.dates.len() + expected.hedges.len() + expected.amounts.len();
        assert!(!expected.counts.is_empty());
        g.bench_function(format!("tokenize-baseline/{name}"), |b| {
            b.iter(|| assert!(!khabar_text::token::tokenize(black_box(text)).is_empty()))
        });
        g.bench_function(format!("extract/{name}"), |b| {
            b.iter(|| {
                let a = khabar_extract::extract(None, Some(published.clone()), black_box(text));
                assert_eq!(a.counts.len() + a.dates.len() + a.hedges.len() + a.amounts.len(), n);
            })
        });
    }
    // all bundled articles, reported per article
    g.throughput(Throughput::Elements(arts.len() as u64));
    g.bench_function("extract/examples-per-article", |b| {
        b.iter(|| {
            let total: usize = arts
                .iter()
                .map(|(t, p)| khabar_extract::extract(None, Some(p.clone()), black_box(t)).counts.len())
                .sum();
            assert!(total > 10);
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
