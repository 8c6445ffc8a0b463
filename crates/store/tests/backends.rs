//! Every backend of the `Store` trait gives the same answers for the same articles: SQLite always;
//! PostgreSQL in a test that is ignored unless asked for (`cargo test -- --ignored`), and then
//! fails without `KHABAR_TEST_POSTGRES` naming a database for tests (`.ci/run` starts one:
//! `postgres://khabar:khabar@127.0.0.1:5432/khabar_test`; the database is emptied first, so
//! its name must contain "test").
use examples::batch;
use khabar_store::{
    ActorFilter, Corpus, EventFilter, FigureFilter, NewArticle, PgStore, SearchQuery, SqliteStore, Store,
};
use serde_json::{json, Value};
use std::path::Path;

mod examples;

/// Writes the examples, rewrites them, changes one, and reads everything back.
fn exercise(store: &dyn Store) -> Value {
    let mut b = batch();
    let w = store.write(&b).unwrap();
    assert_eq!((w.stored, w.replaced, w.unchanged), (b.len(), 0, 0));
    let w = store.write(&b).unwrap();
    assert_eq!((w.stored, w.replaced, w.unchanged), (0, 0, b.len()), "the same articles again change nothing");
    // one article changed: its records are replaced
    let changed = b.iter_mut().find(|a| a.id == "xss-1").unwrap();
    changed.text.push_str(" وأعلنت الشرطة اعتقال 5 أشخاص.");
    changed.hash = NewArticle::key_of(Some(&changed.id), &changed.text, changed.published.as_deref(), &changed.extra).1;
    changed.record = khabar_extract::extract(Some(changed.id.clone()), changed.published.clone(), &changed.text);
    let w = store.write(&b[..]).unwrap();
    assert_eq!((w.stored, w.replaced), (0, 1));
    let stats = store.stats().unwrap();
    assert_eq!(stats.articles, b.len() as u64);
    let unindexed = store.unindexed(100).unwrap();
    store.mark_indexed(&unindexed.iter().map(|d| d.id.clone()).collect::<Vec<_>>()).unwrap();
    assert!(store.unindexed(100).unwrap().is_empty());
    let mut hashes: Vec<_> = store.hashes().unwrap().into_iter().collect();
    hashes.sort();
    let ents = store.entities(None, None, 500, 0).unwrap().items;
    let almaty = store.resolve_entity("الماتى").unwrap();
    assert_eq!(almaty.len(), 1, "one place under any spelling");
    let place = store.entity(&almaty[0]).unwrap().unwrap();
    let xss = store.article("xss-1").unwrap().unwrap();
    assert!(xss.record.counts.iter().any(|c| c.value == 5.0));
    // themes and tone are stored with the record, and the GKG export writes them
    let extracted = &b.iter().find(|a| a.id == "xss-1").unwrap().record;
    assert_eq!((&xss.record.themes, &xss.record.tone), (&extracted.themes, &extracted.tone));
    let gkg = khabar_store::gkg::row(&xss);
    let gkg: Vec<&str> = gkg.split('\t').collect();
    assert!(gkg[7].split(';').any(|c| c == "ARREST"), "V1THEMES: {}", gkg[7]);
    assert_eq!(gkg[15].split(',').count(), 7, "V1.5TONE: {}", gkg[15]);
    let ids: Vec<String> = b.iter().map(|a| a.id.clone()).collect();
    let events = events(store, &b);
    json!({
        "events": events,
        "stats": stats,
        "hashes": hashes,
        "entities": ents.iter().map(|e| json!([e.id, e.kind, e.name, e.articles, e.latin])).collect::<Vec<_>>(),
        "surname": store.resolve_entity("توكاييف").unwrap(),
        "place": [place.summary.name, place.summary.latin, place.geonameid, place.variants.len(), place.article_list.total, place.quotes.total, place.figures.total, place.quotes_by_month],
        "links": xss.links,
        "series": store.count_series(&FigureFilter { category: Some("KILL".into()), ..FigureFilter::default() }).unwrap(),
        "series_all": store.count_series(&FigureFilter::default()).unwrap(),
        "figures": (0..6).step_by(2).flat_map(|o| store.figures(&FigureFilter::default(), 2, o).unwrap().items).collect::<Vec<_>>(),
        "figures_total": store.figures(&FigureFilter { scope: Some("incident".into()), ..FigureFilter::default() }, 1, 0).unwrap().total,
        "figure_countries": store.figure_countries(&FigureFilter::default()).unwrap(),
        "between": store.articles_between(Some(20180101), Some(20181231), 100, 0).unwrap().iter().map(|a| a.summary.id.clone()).collect::<Vec<_>>(),
        "between_paged": store.articles_between(None, None, 3, 2).unwrap().iter().map(|a| a.summary.id.clone()).collect::<Vec<_>>(),
        "lists": lists(store, &ents[0].id),
        "places": places(store),
        "latin": store.entities(Some("ALMATY"), None, 10, 0).unwrap().items.iter().map(|e| e.id.clone()).collect::<Vec<_>>(),
        "entity_pages": (0..ents.len()).step_by(4).flat_map(|o| store.entities(None, None, 4, o).unwrap().items).map(|e| e.id).collect::<Vec<_>>(),
        "entities_total": store.entities(None, Some("LOC"), 1, 1_000_000).unwrap().total,
        "summaries": store.summaries(&ids).unwrap().iter().map(|s| s.id.clone()).collect::<Vec<_>>(),
        "hits": store.hits(&ids).unwrap().iter().map(|h| json!([h.summary.id, h.quotes, h.counts])).collect::<Vec<_>>(),
        "missing": [store.article("nope").unwrap().is_none(), store.entity("nope").unwrap().is_none()],
        "gkg": [gkg[7], gkg[8], gkg[15]],
    })
}

/// Events: every one listed with its article's words at its offsets, paged lists joining up into
/// the whole, each filter taking what it names, incidents, and the GDELT events export.
fn events(store: &dyn Store, b: &[NewArticle]) -> Value {
    let all = store.events(&EventFilter::default(), 1000, 0).unwrap();
    let place = all.items.iter().find_map(|v| v.event.location.as_ref()?.entity.clone()).expect("a located event");
    let place = place.as_str();
    assert!(all.total >= 3, "the examples have events: {}", all.total);
    assert_eq!(all.total, store.stats().unwrap().events, "no duplicate articles among the examples");
    for v in &all.items {
        let a = b.iter().find(|a| a.id == v.article).unwrap();
        let words = |s: usize, e: usize| a.text.chars().skip(s).take(e - s).collect::<String>();
        let t = &v.event.trigger;
        assert_eq!(words(t.start, t.end), t.text, "{}: trigger", v.article);
        for x in [&v.event.source, &v.event.target].into_iter().flatten() {
            assert_eq!(words(x.start, x.end), x.text, "{}: actor", v.article);
        }
        assert_eq!(v.event.kind, a.record.events[v.index].kind.as_str());
    }
    let paged: Vec<_> = (0..all.items.len())
        .step_by(2)
        .flat_map(|o| store.events(&EventFilter::default(), 2, o).unwrap().items)
        .collect();
    assert_eq!(paged, all.items, "pages join up");
    let take = |f: EventFilter, pred: &dyn Fn(&khabar_store::EventView) -> bool| {
        let got = store.events(&f, 1000, 0).unwrap();
        let want: Vec<_> = all.items.iter().filter(|v| pred(v)).cloned().collect();
        assert_eq!(got.items, want, "{f:?}");
        assert_eq!(got.total, want.len() as u64);
        want.len()
    };
    let f = EventFilter::default;
    let assault = take(EventFilter { kind: Some("ASSAULT".into()), ..f() }, &|v| v.event.kind == "ASSAULT");
    let cop = take(EventFilter { actor: ActorFilter::parse("COP"), ..f() }, &|v| {
        [&v.event.source, &v.event.target].into_iter().flatten().any(|a| a.role.as_deref() == Some("COP"))
    });
    let kz = take(EventFilter { country: Some("KZ".into()), ..f() }, &|v| {
        v.event.location.as_ref().and_then(|l| l.country.as_deref()) == Some("KZ")
    });
    let at = take(EventFilter { entity: Some(place.to_string()), ..f() }, &|v| {
        v.event.location.as_ref().and_then(|l| l.entity.as_deref()) == Some(place)
            || [&v.event.source, &v.event.target].into_iter().flatten().any(|a| a.entity.as_deref() == Some(place))
    });
    let day = take(EventFilter { from: Some(20220105), to: Some(20220106), ..f() }, &|v| {
        v.event.day.as_deref().is_some_and(|d| ("2022-01-05"..="2022-01-06").contains(&d))
    });
    assert!(assault > 0 && at > 0, "filters that take something: assault {assault}, at the place {at}");
    let incidents = store.incidents(&EventFilter::default(), 1000, 0).unwrap();
    assert!(incidents.page.total > 0 && incidents.page.total <= all.total);
    assert_eq!(incidents.page.items.iter().map(|i| i.events).sum::<u64>(), all.total);
    let gdelt: Vec<String> =
        b.iter().flat_map(|a| khabar_store::gdelt_events::rows(&store.article(&a.id).unwrap().unwrap())).collect();
    assert!(!gdelt.is_empty());
    assert!(gdelt.iter().all(|r| r.split('\t').count() == khabar_store::gdelt_events::COLUMNS));
    json!({"all": all, "counts": [assault, cop, kz, at, day], "incidents": incidents, "gdelt": gdelt})
}

/// An entity's lists, whole and paged by two, filtered by day and by text: the pages must join
/// up into the whole list, and the totals must count it.
fn lists(store: &dyn Store, id: &str) -> Value {
    use khabar_store::{Page, Slice};
    fn whole<T: serde::Serialize>(get: &dyn Fn(&Slice) -> Page<T>, base: &Slice) -> Value {
        let all = get(&Slice { limit: 1000, ..base.clone() });
        let mut paged = Vec::new();
        loop {
            let p = get(&Slice { limit: 2, offset: paged.len(), ..base.clone() });
            assert_eq!(p.total, all.total);
            if p.items.is_empty() {
                break;
            }
            paged.extend(p.items);
        }
        let (a, b) = (json!(all.items), json!(paged));
        assert_eq!(a, b, "pages join up into the whole list");
        assert_eq!(all.total as usize, all.items.len());
        a
    }
    let mut out = serde_json::Map::new();
    for (name, base) in [
        ("all", Slice::default()),
        ("2022", Slice { from: Some(20220101), to: Some(20221231), ..Slice::default() }),
        ("text", Slice { text: Some("ال".into()), ..Slice::default() }),
    ] {
        out.insert(
            name.into(),
            json!([
                whole(&|s| store.entity_articles(id, s).unwrap(), &base),
                whole(&|s| store.entity_quotes(id, s).unwrap(), &base),
                whole(&|s| store.entity_figures(id, s).unwrap(), &base),
                whole(&|s| store.entity_related(id, s).unwrap(), &base),
            ]),
        );
    }
    out.insert("months".into(), json!(store.entity_quote_months(id).unwrap()));
    Value::Object(out)
}

/// The places in the news, whole, paged by two and for a range of days: the pages join up, the
/// total counts every located place, and each place's count is the number of its articles in
/// the range (as its own article list counts them).
fn places(store: &dyn Store) -> Value {
    use khabar_store::Slice;
    let mut out = serde_json::Map::new();
    for (name, from, to) in
        [("all", None, None), ("spring 2018", Some(20180301), Some(20180430)), ("none", Some(20300101), None)]
    {
        let all = store.places(from, to, 1000, 0).unwrap();
        assert_eq!(all.total as usize, all.items.len(), "{name}");
        let mut paged = Vec::new();
        loop {
            let p = store.places(from, to, 2, paged.len()).unwrap();
            assert_eq!((p.total, p.offset, p.limit), (all.total, paged.len(), 2), "{name}");
            if p.items.is_empty() {
                break;
            }
            paged.extend(p.items);
        }
        assert_eq!(paged, all.items, "{name}: pages join up into the whole list");
        assert!(all.items.windows(2).all(|w| w[0].articles >= w[1].articles), "{name}: most articles first");
        for p in &all.items {
            let own = store.entity_articles(&p.id, &Slice { from, to, ..Slice::first(1) }).unwrap().total;
            assert_eq!(p.articles, own, "{name}: {} is in {own} articles of the range", p.name);
            assert!(p.articles > 0);
        }
        out.insert(name.into(), json!(all.items));
    }
    // every place with coordinates that an article mentions, and nothing else
    let located: Vec<String> = store
        .entities(None, Some("LOC"), 500, 0)
        .unwrap()
        .items
        .into_iter()
        .filter(|e| e.geo.is_some())
        .map(|e| e.id)
        .collect();
    let mut all: Vec<String> = store.places(None, None, 1000, 0).unwrap().items.into_iter().map(|p| p.id).collect();
    let mut want = located.clone();
    all.sort();
    want.sort();
    assert_eq!(all, want, "the places are the located places");
    assert!(!all.is_empty(), "the examples name located places");
    assert!(out["spring 2018"].as_array().unwrap().len() < all.len(), "the range leaves places out");
    assert!(out["none"].as_array().unwrap().is_empty());
    Value::Object(out)
}

fn sqlite(dir: &Path) -> Value {
    let sqlite = exercise(&SqliteStore::open(&dir.join("k.db")).unwrap());
    assert_eq!(sqlite["stats"]["articles"], 7);
    assert_eq!(sqlite["missing"], json!([true, true]));
    sqlite
}

#[test]
fn sqlite_backend() {
    sqlite(tempfile::tempdir().unwrap().path());
}

#[test]
#[ignore = "needs PostgreSQL: set KHABAR_TEST_POSTGRES (.ci/run starts it)"]
fn sqlite_and_postgres_agree() {
    let url = std::env::var("KHABAR_TEST_POSTGRES").expect(
        "KHABAR_TEST_POSTGRES must name a PostgreSQL database for tests, e.g. \
         postgres://khabar:khabar@127.0.0.1:5432/khabar_test (.ci/run starts one and sets it)",
    );
    assert!(url.contains("test"), "KHABAR_TEST_POSTGRES must name a test database (it is emptied): {url}");
    let dir = tempfile::tempdir().unwrap();
    let sqlite = sqlite(dir.path());
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    c.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;").unwrap();
    drop(c);
    let pg = exercise(&PgStore::open(&url).unwrap());
    for k in sqlite.as_object().unwrap().keys() {
        assert_eq!(sqlite[k], pg[k], "the backends differ on {k}");
    }
    // migrations run once: opening again keeps the data
    assert_eq!(PgStore::open(&url).unwrap().stats().unwrap().articles, 7);

    // search: the same articles match in PostgreSQL's text search as in the tantivy index, in the
    // same order with the same BM25 scores
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    c.batch_execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;").unwrap();
    drop(c);
    let embedded = Corpus::open(&dir.path().join("corpus")).unwrap();
    let pg = Corpus::open(Path::new(&url)).unwrap();
    for corpus in [&embedded, &pg] {
        corpus.write(&batch()).unwrap();
    }
    assert_eq!(embedded.index.num_docs().unwrap(), pg.index.num_docs().unwrap());
    let queries = [
        "الرئيس",
        "الماتي",
        "ألماتي",
        "قتل",
        "مقتل",
        "كندا",
        "الشرطة",
        "حافلة",
        "فريق هوكي",
        "الولايات المتحدة",
        "والحكومة",
        "مسئول",
        "ترامب",
        "xyzzy",
        // our grammar, read alike by both backends: exclusion, OR, the index's syntax as words
        "الرئيس -ترامب",
        "قتل OR الشرطة",
        "title:*",
    ];
    for text in queries {
        for (source, from, to) in
            [(None, None, None), (Some("france24"), None, None), (None, Some(20180401), Some(20181231))]
        {
            let q = SearchQuery {
                text: Some(text.into()),
                source: source.map(str::to_string),
                from,
                to,
                limit: 100,
                ..Default::default()
            };
            let (a, b) = (embedded.index.search(&q).unwrap(), pg.index.search(&q).unwrap());
            assert_same_ranking(&a, &b, &format!("{text} {source:?} {from:?}"));
        }
    }
    // an entity filter selects the same articles, ranked as they are without it
    let place = embedded.store.resolve_entity("ألماتي").unwrap();
    assert_eq!(place, pg.store.resolve_entity("الماتى").unwrap());
    let mut found = 0;
    for text in ["الرئيس", "قتل", "الشرطة"] {
        let q = SearchQuery { text: Some(text.into()), entities: place.clone(), limit: 100, ..Default::default() };
        let (a, b) = (embedded.index.search(&q).unwrap(), pg.index.search(&q).unwrap());
        assert_same_ranking(&a, &b, &format!("{text} in ألماتي"));
        found += a.total;
    }
    assert!(found > 0, "the entity filter was exercised");
    let e = pg.store.resolve_entity("توكاييف").unwrap();
    let q = SearchQuery { entities: e, limit: 100, ..Default::default() };
    assert_eq!(pg.index.search(&q).unwrap().hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["xss-1"]);
}

/// Same total, same hits with the same scores (to f32 rounding: the backends add a query's terms
/// in different orders), in the same order except among equal scores.
fn assert_same_ranking(a: &khabar_store::Results, b: &khabar_store::Results, what: &str) {
    assert_eq!(a.total, b.total, "{what}: totals");
    assert_eq!(a.hits.len(), b.hits.len(), "{what}: hits");
    let close = |x: f32, y: f32| (x - y).abs() <= 1e-4 * x.abs().max(1.0);
    let score_of = |r: &khabar_store::Results, id: &str| r.hits.iter().find(|h| h.id == id).map(|h| h.score);
    for (i, (x, y)) in a.hits.iter().zip(&b.hits).enumerate() {
        assert!(close(x.score, y.score), "{what}: rank {i}: {} {} vs {} {}", x.id, x.score, y.id, y.score);
        assert!(
            score_of(b, &x.id).is_some_and(|s| close(s, x.score)),
            "{what}: {} scores {} in one backend, {:?} in the other",
            x.id,
            x.score,
            score_of(b, &x.id)
        );
    }
}
