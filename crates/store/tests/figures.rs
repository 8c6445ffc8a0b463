//! Totals that mean something: series never add categories together, the figures of a series
//! point add up to it, scopes split the figures without loss, and an article stored twice (same
//! text, date, title and source under another id and URL) counts once.
use examples::batch;
use khabar_store::{Corpus, FigureFilter, Store};

mod examples;

fn all() -> FigureFilter {
    FigureFilter::default()
}

#[test]
fn series_points_are_their_figures_and_a_copy_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let c = Corpus::open(dir.path()).unwrap();
    let b = batch();
    c.write(&b).unwrap();
    let s = &c.store;

    let series = s.count_series(&all()).unwrap();
    assert!(!series.is_empty());
    // one point per day and category
    let mut keys: Vec<(&str, &str)> = series.iter().map(|p| (p.day.as_str(), p.category.as_str())).collect();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "a day and category once");
    // each point is the sum of the figures a filter of its day and category lists
    for p in &series {
        let d: i64 = p.day.replace('-', "").parse().unwrap();
        let f = FigureFilter { category: Some(p.category.clone()), from: Some(d), to: Some(d), ..all() };
        let figs = s.figures(&f, 1000, 0).unwrap();
        assert_eq!(figs.total, p.records, "{p:?}");
        assert_eq!(figs.items.iter().map(|x| x.value).sum::<f64>(), p.sum, "{p:?}");
        assert!(figs.items.iter().all(|x| x.category == p.category));
    }
    // the scopes split every figure, none lost, none twice
    let total = s.figures(&all(), 1, 0).unwrap().total;
    let by_scope: u64 = ["incident", "cumulative", "historical"]
        .iter()
        .map(|sc| s.figures(&FigureFilter { scope: Some(sc.to_string()), ..all() }, 1, 0).unwrap().total)
        .sum();
    assert_eq!(by_scope, total);
    assert_eq!(total, s.stats().unwrap().counts);
    // a country filter takes that country's figures, as many as the country list says
    for k in s.figure_countries(&all()).unwrap() {
        let figs = s.figures(&FigureFilter { country: Some(k.country.clone()), ..all() }, 1000, 0).unwrap();
        assert_eq!(figs.total, k.records);
        assert!(figs.items.iter().all(|x| x.country.as_deref() == Some(k.country.as_str())));
    }

    // the article with the most figures, again under another id and URL (another section)
    let most = b.iter().max_by_key(|a| a.record.counts.len()).unwrap();
    assert!(!most.record.counts.is_empty());
    let mut copy = most.clone();
    copy.id = format!("{}-another-section", most.id);
    copy.url = Some("https://example.org/another/section".into());
    copy.record.id = Some(copy.id.clone());
    assert_eq!(c.write(&[copy]).unwrap().stored, 1);
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.duplicates), (b.len() as u64 + 1, 1), "stored, reachable, known as a copy");
    assert_eq!(s.count_series(&all()).unwrap(), series, "the copy adds nothing to any total");
    assert_eq!(s.figures(&all(), 1, 0).unwrap().total, total);
    assert!(s.article(&format!("{}-another-section", most.id)).unwrap().is_some());
}
