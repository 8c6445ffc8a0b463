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

/// Time against length: the same text repeated 1, 4 and 16 times, for a real article and for
/// hostile repetitions (an unclosed quotation after every cue, an attribution after every fact,
/// a different name in every sentence). Throughput is in bytes, so a flat throughput across the
/// three lengths is a linear slope; a quadratic step would show as throughput falling fourfold
/// at each step.
fn scaling(c: &mut Criterion) {
    let arts = articles();
    let (whole, _) = arts.iter().max_by_key(|a| a.0.len()).unwrap().clone();
    let names: String = (0..200)
        .map(|i| format!("وقال أحمد {} إن الوضع جيد. ", ["سليم", "كريم", "نبيل", "جميل"][i % 4].repeat(1 + i / 4)))
        .collect();
    let bases = [
        ("article", whole),
        ("unclosed-quotes", "قال: «".repeat(200)),
        ("attributions", "قتل 5 بحسب الشرطة، ".repeat(200)),
        ("distinct-names", names),
    ];
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for (name, base) in &bases {
        for times in [1, 4, 16] {
            let text = base.repeat(times);
            g.throughput(Throughput::Bytes(text.len() as u64));
            let records = |a: &khabar_model::Article| a.quotes.len() + a.counts.len() + a.entities.len();
            let n = records(&khabar_extract::extract(None, None, &text));
            assert!(n > 0, "{name}: nothing extracted");
            g.bench_function(format!("{name}/x{times}"), |b| {
                b.iter(|| assert_eq!(records(&khabar_extract::extract(None, None, black_box(&text))), n))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
