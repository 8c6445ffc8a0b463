//! Text layer throughput on a short sentence, a paragraph and a whole article (bundled examples).
//! Each benchmark asserts what it produced, so a broken fast path cannot look fast.
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use khabar_text::{date, normalize, number, sentence, token};

const SHORT: &str = "وأفادت الشرطة بسقوط 18 قتيلا و748 جريحا في صفوفها.";
const MEDIUM: &str = "وأدت أعمال الشغب التي تخللها تبادل إطلاق نار بأسلحة نارية، إلى سقوط عشرات القتلى وأكثر من ألف جريح بحسب السلطات. وأفادت الشرطة بسقوط 18 قتيلا و748 جريحا في صفوفها. واعتقل أكثر من 3800 شخص في جميع أنحاء البلاد، حسب أحدث الأرقام التي بثها التلفزيون. لكن لم يتسن التأكد من هذه الارقام بشكل مستقل ولم تدل الحكومة بأي حصيلة للمدنيين غير المتظاهرين. وقال توكاييف الجمعة \"عملية مكافحة الارهاب مستمرة\".";

fn whole() -> String {
    let data = include_str!("../../../examples/articles.jsonl");
    data.lines()
        .map(|l| l.split("\"text\": \"").nth(1).unwrap_or("").split("\"}").next().unwrap_or("").replace("\\n", "\n"))
        .max_by_key(|t| t.len())
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let whole = whole();
    let inputs = [("short", SHORT.to_string()), ("medium", MEDIUM.to_string()), ("whole", whole)];
    let mut g = c.benchmark_group("text");
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        let n_tokens = token::tokenize(text).len();
        assert!(n_tokens > 5);
        g.bench_function(format!("normalize/{name}"), |b| {
            b.iter(|| assert!(!normalize::normalize(black_box(text)).is_empty()))
        });
        g.bench_function(format!("tokenize/{name}"), |b| {
            b.iter(|| assert_eq!(token::tokenize(black_box(text)).len(), n_tokens))
        });
        let toks = token::tokenize(text);
        let sents = sentence::sentences(&toks);
        let numbers = (0..toks.len()).filter(|&i| number::parse_number(&toks, i).is_some()).count();
        assert!(numbers > 0);
        g.bench_function(format!("numbers/{name}"), |b| {
            b.iter(|| {
                assert_eq!(
                    (0..toks.len()).filter(|&i| number::parse_number(black_box(&toks), i).is_some()).count(),
                    numbers
                )
            })
        });
        let published = date::parse_published("2022-01-07");
        let n_dates = date::find_dates(&toks, &sents, published).len();
        g.bench_function(format!("dates/{name}"), |b| {
            b.iter(|| assert_eq!(date::find_dates(black_box(&toks), &sents, published).len(), n_dates))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
