//! The API on a corpus of the bundled examples plus an article made of markup: statuses, error
//! messages, bounds, and the shapes the page relies on.
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use khabar_store::Corpus;
use serde_json::Value;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

#[path = "../../store/tests/examples/mod.rs"]
mod examples;

fn corpus() -> &'static (tempfile::TempDir, Arc<khabar_server::AppState>) {
    static C: OnceLock<(tempfile::TempDir, Arc<khabar_server::AppState>)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let batch = examples::batch();
        let c = Corpus::open(dir.path()).unwrap();
        c.write(&batch).unwrap();
        c.index.close().unwrap();
        drop(c);
        let state = khabar_server::AppState::new(Corpus::open_read_only(dir.path()).unwrap());
        (dir, state)
    })
}

async fn call(req: Request<Body>) -> (StatusCode, String) {
    let app = khabar_server::router(corpus().1.clone());
    let resp = app.oneshot(req).await.unwrap();
    let status = resp.status();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn get(uri: &str) -> (StatusCode, String) {
    call(Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn json(uri: &str) -> Value {
    let (s, b) = get(uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {b}");
    serde_json::from_str(&b).unwrap()
}

fn post(uri: &str, ctype: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri).header("content-type", ctype).body(body.into()).unwrap()
}

fn enc(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::NON_ALPHANUMERIC).to_string()
}

#[tokio::test]
async fn search_finds_any_spelling_and_filters() {
    let st = json("/api/stats").await;
    assert_eq!(st["articles"], 7);
    // the XSS article spells ألماتي with hamza; a query without it finds it
    let r = json(&format!("/api/articles?q={}", enc("الماتي"))).await;
    assert_eq!(r["items"][0]["id"], "xss-1");
    let snip = &r["items"][0]["snippet"];
    assert!(!snip["highlights"].as_array().unwrap().is_empty());
    let r = json(&format!("/api/articles?q={}&from=2023-01-01", enc("الماتي"))).await;
    assert_eq!(r["total"], 0);
    let r = json(&format!("/api/articles?entity={}", enc("توكاييف"))).await;
    assert_eq!(r["items"][0]["id"], "xss-1", "entity filter by a partial name");
    let r = json("/api/articles?source=france24").await;
    assert!(r["total"].as_u64().unwrap() >= 1);
    assert!(r["items"].as_array().unwrap().iter().all(|a| a["source"] == "france24"));
}

#[tokio::test]
async fn articles_and_entities_link_up() {
    let a = json("/api/articles/xss-1").await;
    assert!(a["text"].as_str().unwrap().contains("<script>"));
    let links = a["links"].as_object().unwrap();
    let loc = a["record"]["entities"].as_array().unwrap().iter().find(|e| e["type"] == "LOC").unwrap();
    let global = links[loc["id"].as_str().unwrap()].as_str().unwrap();
    let e = json(&format!("/api/entities/{global}")).await;
    assert_eq!(e["latin"], "Almaty");
    assert!((e["geo"]["lat"].as_f64().unwrap() - 43.25).abs() < 1.0);
    assert!(e["variants"][0]["reason"].as_str().unwrap().len() > 3);
    let list = json(&format!("/api/entities?q={}&type=LOC", enc("الماتى"))).await;
    assert_eq!(list["items"][0]["id"], global);
    // Latin letters find the Latin name, letter case aside
    let list = json("/api/entities?q=aLMAty").await;
    assert_eq!(list["items"][0]["id"], global, "{list}");
    let series = json("/api/counts?category=KILL").await;
    assert!(series["series"].as_array().unwrap().iter().any(|p| p["day"] == "2022-01-07" && p["sum"] == 26.0));
}

#[tokio::test]
async fn counts_keep_categories_apart_and_a_bar_opens_its_figures() {
    let all = json("/api/counts?scope=all").await;
    let points = all["series"].as_array().unwrap();
    assert!(points.len() > 1);
    let mut seen = std::collections::HashSet::new();
    for p in points {
        let (day, cat) = (p["day"].as_str().unwrap(), p["category"].as_str().unwrap());
        assert!(seen.insert((day.to_string(), cat.to_string())), "a day and a category once: {p}");
        // the bar's figures: the same filter, that day and category
        let f = json(&format!("/api/figures?day={day}&category={cat}&scope=all&limit=1000")).await;
        assert_eq!(f["total"], p["records"], "{p}");
        let sum: f64 = f["items"].as_array().unwrap().iter().map(|x| x["value"].as_f64().unwrap()).sum();
        assert_eq!(sum, p["sum"].as_f64().unwrap(), "{p}");
        assert!(f["items"].as_array().unwrap().iter().all(|x| x["category"] == cat && x["article"].is_string()));
    }
    // the default is one incident's figures, and says so
    let incident = json("/api/counts").await;
    assert_eq!(incident["scope"], "incident");
    let n = |v: &Value| v["series"].as_array().unwrap().iter().map(|p| p["records"].as_u64().unwrap()).sum::<u64>();
    assert!(n(&incident) <= n(&all));
    // a country filter: the figures the countries list says
    for k in all["countries"].as_array().unwrap() {
        let c = k["country"].as_str().unwrap();
        let f = json(&format!("/api/figures?country={c}&scope=all&limit=1")).await;
        assert_eq!(f["total"], k["records"], "{c}");
    }
    // paging joins up
    let whole = json("/api/figures?scope=all&limit=1000").await;
    let mut paged = Vec::new();
    for o in (0..whole["total"].as_u64().unwrap()).step_by(2) {
        paged.extend(
            json(&format!("/api/figures?scope=all&limit=2&offset={o}")).await["items"].as_array().unwrap().clone(),
        );
    }
    assert_eq!(&paged, whole["items"].as_array().unwrap());
    for (uri, what) in [
        ("/api/figures?day=2022-01-07&from=2022-01-01", "`day`"),
        ("/api/figures?scope=daily", "`scope`"),
        ("/api/counts?scope=daily", "`scope`"),
        ("/api/counts?country=Syria", "`country`"),
        ("/api/figures?category=DEAD", "`category`"),
        ("/api/figures?limit=0", "`limit`"),
        ("/api/figures?x=1", "unknown field `x"),
    ] {
        let (s, b) = get(uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {b}");
        assert!(b.contains(what), "{uri}: {b}");
    }
}

#[tokio::test]
async fn client_errors_say_what_was_wrong() {
    let (s, b) = get("/api/articles/nope").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(b.contains("no article"), "{b}");
    let (s, _) = get("/api/entities/nope").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, b) = get("/api/articles?from=yesterday").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("`from`"), "{b}");
    let (s, b) = get("/api/articles?limit=0").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("`limit`"), "{b}");
    let (s, b) = get("/api/articles?qq=x").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
    assert!(b.contains("qq"), "unknown parameters are named: {b}");
    // unknown parameters are refused the same way on every route, those without parameters too
    for uri in [
        "/api/articles?x=1",
        "/api/articles/xss-1?x=1",
        "/api/entities?x=1",
        "/api/entities/nope?x=1",
        "/api/entities/nope/quotes?x=1",
        "/api/counts?x=1",
        "/api/export/gkg?x=1",
        "/api/stats?x=1",
        "/api/places?x=1",
    ] {
        let (s, b) = get(uri).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {b}");
        assert!(b.contains("unknown field `x"), "{uri}: {b}");
    }
    let (s, b) = get("/api/counts?category=DEAD").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("category"), "{b}");
    let (s, b) = get("/api/entities?type=THING").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
    let (s, b) = call(post("/api/extract", "application/json", "{\"text\": ")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(serde_json::from_str::<Value>(&b).unwrap()["error"].as_str().unwrap().len() > 5);
    let (s, b) = call(post("/api/extract", "application/json", "{\"txt\": \"x\"}")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "well-formed JSON of the wrong shape: {b}");
    assert!(b.contains("txt") || b.contains("text"), "{b}");
    let (s, _) = call(post("/api/extract", "text/plain", "{}")).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let big = format!("{{\"text\": \"{}\"}}", "ا".repeat(khabar_server::MAX_BODY));
    let (s, _) = call(post("/api/extract", "application/json", big)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    let (s, b) = get("/nowhere").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(b.contains("error"));
    let (s, b) = call(post("/api/extract", "application/json", "{\"text\": \"قال\\u0000\"}")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "NUL refused as in JSON Lines: {b}");
    assert!(b.contains("U+0000"), "{b}");
    // every error is the JSON error body, a wrong method too
    let (s, b) = call(post("/api/stats", "application/json", "{}")).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(serde_json::from_str::<Value>(&b).unwrap()["error"].as_str().unwrap().contains("POST"), "{b}");
    // dates are exactly YYYY-MM-DD, days that exist
    for bad in ["2018-01-01' OR 1=1--", "2018-01-01T00:00", "2018-02-30", "2018-1-01", " 2018-01-01", "٢٠١٨-٠١-٠١"]
    {
        let (s, b) = get(&format!("/api/articles?from={}", enc(bad))).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad:?}: {b}");
        let (s, _) = get(&format!("/api/counts?to={}", enc(bad))).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad:?}");
    }
    let (s, _) = get("/api/articles?from=2018-01-01&to=2024-02-29").await;
    assert_eq!(s, StatusCode::OK);
    // a body announced too large is refused before it is read
    let req = Request::post("/api/extract")
        .header("content-type", "application/json")
        .header("content-length", (khabar_server::MAX_BODY + 1).to_string())
        .header("expect", "100-continue")
        .body(Body::empty())
        .unwrap();
    let (s, b) = call(req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(b.contains("error"), "{b}");
}

#[tokio::test]
async fn extract_returns_the_contract() {
    let body =
        serde_json::json!({"text": "أعلنت وزارة الداخلية مقتل 26 شخصا الجمعة.", "published": "2022-01-09"}).to_string();
    let (s, b) = call(post("/api/extract", "application/json", body)).await;
    assert_eq!(s, StatusCode::OK, "{b}");
    let v: Value = serde_json::from_str(&b).unwrap();
    assert_eq!(v["counts"][0]["value"], 26.0);
    assert_eq!(v["dates"][0]["value"], "2022-01-07");
    let (s, b) = call(post("/api/extract", "application/json", r#"{"text": "x", "published": "soon"}"#)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(b.contains("published"));
}

#[tokio::test]
async fn gkg_rows_have_27_columns() {
    let (s, b) = get("/api/export/gkg").await;
    assert_eq!(s, StatusCode::OK);
    let rows: Vec<&str> = b.lines().collect();
    assert_eq!(rows.len(), 7);
    for r in &rows {
        khabar_store::gkg::check_row(r).unwrap_or_else(|e| panic!("{e}\n{r}"));
    }
    let xss = rows.iter().find(|r| r.contains("Almaty")).unwrap();
    let cols: Vec<&str> = xss.split('\t').collect();
    assert!(cols[5].starts_with("KILL#26#"), "{}", cols[5]);
    assert!(cols[10].contains("#KZ###43."), "Kazakhstan is KZ in FIPS too: {}", cols[10]);
    // an article keeps its GKGRECORDID whatever the export's range and paging
    let id_of = |rows: &str, article: &str| {
        rows.lines().find(|r| r.contains(article)).map(|r| r.split('\t').next().unwrap().to_string())
    };
    let all = id_of(&b, "Almaty").unwrap();
    for uri in [
        "/api/export/gkg?from=2022-01-01&to=2022-12-31",
        "/api/export/gkg?limit=1&offset=6",
        "/api/export/gkg?offset=0",
    ] {
        let (_, part) = get(uri).await;
        if let Some(id) = id_of(&part, "Almaty") {
            assert_eq!(id, all, "{uri}");
        }
    }
    let (_, paged) = get("/api/export/gkg?limit=3&offset=3").await;
    assert_eq!(paged.lines().collect::<Vec<_>>(), rows[3..6]);
    assert!(cols[26].contains("&lt;img"), "titles are escaped in the XML column");
}

#[tokio::test]
async fn page_and_headers() {
    let app = khabar_server::router(corpus().1.clone());
    let resp = app.oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let csp = resp.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), "{csp}");
    let html = String::from_utf8(resp.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
    let (s, js) = get("/assets/app.js").await;
    assert_eq!(s, StatusCode::OK);
    assert!(js.len() > 10_000);
    // our page code never parses markup (the libraries it bundles are not ours to police)
    let src = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/src/app.js")).unwrap();
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!src.contains(sink), "web/src/app.js uses {sink}");
    }
    let doc = json("/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
}

/// Pieces of every query syntax a user (or an attacker) may type: ours, the index's (fields,
/// ranges, boosts, wildcards, regexes, grouping), SQL, and Arabic words.
fn query_piece() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        prop::sample::select(vec![
            "title:*",
            "body:",
            "*",
            "?",
            "~2",
            "^3",
            "[a TO z]",
            "{1 TO 2}",
            "(",
            ")",
            "\"",
            "«",
            "»",
            "-",
            "+",
            "OR",
            "AND",
            "NOT",
            "&&",
            "||",
            "!",
            ":",
            "\\",
            "/re.*/",
            "IN [a b]",
            "' OR 1=1--",
            "\u{202E}",
            "\u{0}",
            "الرئيس",
            "قتلى",
            "مجلس الأمن",
            " ",
            "  ",
            "\t",
            "٣",
            "1e309",
            "day:>2018",
        ])
        .prop_map(str::to_string),
        "\\PC{0,6}",
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 300, ..Default::default() })]

    /// No query string gives a 500: whatever is typed is parsed by our grammar into words.
    #[test]
    fn no_query_gives_a_500(pieces in proptest::collection::vec(query_piece(), 0..8)) {
        let q: String = pieces.concat();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        for uri in [format!("/api/articles?q={}", enc(&q)), format!("/api/entities?q={}", enc(&q))] {
            let (s, b) = rt.block_on(get(&uri));
            proptest::prop_assert!(s == StatusCode::OK || s == StatusCode::BAD_REQUEST, "{q:?}: {s} {b}");
            proptest::prop_assert!(serde_json::from_str::<Value>(&b).is_ok(), "{q:?}: {b}");
        }
    }
}

#[tokio::test]
async fn index_syntax_is_only_words() {
    // the index's field syntax once reached tantivy: "not a fast field", a 500
    let v = json("/api/articles?q=title%3A*").await;
    assert!(v["total"].is_number(), "{v}");
    // a phrase, an exclusion and OR
    let all = json(&format!("/api/articles?q={}", enc("الرئيس"))).await["total"].as_u64().unwrap();
    let without = json(&format!("/api/articles?q={}", enc("الرئيس -توكاييف"))).await["total"].as_u64().unwrap();
    let only = json(&format!("/api/articles?q={}", enc("الرئيس توكاييف"))).await["total"].as_u64().unwrap();
    assert!(all >= 1 && only >= 1, "{all} {only}");
    assert_eq!(without + only, all, "-word removes exactly what the word adds");
    let either = json(&format!("/api/articles?q={}", enc("توكاييف OR الماتي"))).await["total"].as_u64().unwrap();
    let t = json(&format!("/api/articles?q={}", enc("توكاييف"))).await["total"].as_u64().unwrap();
    assert!(either >= t, "{either} {t}");
}

/// Pages through a list route to its end: every item once, as many as `total` says.
async fn all_pages(route: &str, limit: usize) -> Vec<Value> {
    let sep = if route.contains('?') { '&' } else { '?' };
    let mut items = Vec::new();
    let mut total = None;
    loop {
        let v = json(&format!("{route}{sep}limit={limit}&offset={}", items.len())).await;
        assert_eq!(v.as_object().unwrap().keys().collect::<Vec<_>>(), ["items", "limit", "offset", "total"], "{v}");
        assert_eq!(v["offset"], items.len());
        assert_eq!(v["limit"], limit);
        let t = v["total"].as_u64().unwrap();
        assert_eq!(*total.get_or_insert(t), t, "the total stays the same from page to page");
        let page = v["items"].as_array().unwrap();
        assert!(page.len() <= limit);
        if page.is_empty() {
            break;
        }
        items.extend(page.iter().cloned());
    }
    assert_eq!(items.len() as u64, total.unwrap(), "{route}: paging reaches every item");
    items
}

fn ids(items: &[Value], key: &str) -> Vec<String> {
    items.iter().map(|v| v[key].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn every_list_pages_to_its_end() {
    let articles = all_pages("/api/articles", 2).await;
    let mut seen = ids(&articles, "id");
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 7, "each article once");
    // far past the end: no items, the true total, no clamp
    let v = json("/api/articles?offset=1000000000000").await;
    assert_eq!((v["items"].as_array().unwrap().len(), v["total"].as_u64()), (0, Some(7)));
    let words = all_pages(&format!("/api/articles?q={}", enc("الرئيس")), 1).await;
    assert!(!words.is_empty());
    let entities = all_pages("/api/entities", 7).await;
    let all = json("/api/entities?limit=500").await;
    assert_eq!(ids(&entities, "id"), ids(all["items"].as_array().unwrap(), "id"), "pages join up in order");
    // an entity's lists, each to its end, and the first page the entity came with
    let busiest = json("/api/entities?limit=1").await["items"][0]["id"].as_str().unwrap().to_string();
    let e = json(&format!("/api/entities/{busiest}")).await;
    for (list, key) in [("articles", "article_list"), ("quotes", "quotes"), ("figures", "figures")] {
        let items = all_pages(&format!("/api/entities/{busiest}/{list}"), 2).await;
        assert_eq!(e[key]["total"], items.len(), "{list}");
        let first = e[key]["items"].as_array().unwrap();
        assert_eq!(first[..], items[..first.len()], "{list}");
    }
    assert_eq!(e["article_list"]["total"], e["articles"], "every article of the entity is listed");
    let related = all_pages(&format!("/api/entities/{busiest}/related"), 2).await;
    assert!(!related.is_empty() && related.iter().all(|r| r["id"] != busiest.as_str()));
    let months: u64 = e["quotes_by_month"].as_array().unwrap().iter().map(|m| m["quotes"].as_u64().unwrap()).sum();
    let dated = all_pages(&format!("/api/entities/{busiest}/quotes"), 50).await;
    assert_eq!(months, dated.iter().filter(|q| q["published"].is_string()).count() as u64);
}

#[tokio::test]
async fn entity_lists_filter_by_date_and_text() {
    // the first entity, most mentioned first, that is quoted
    let mut tok = String::new();
    for e in json("/api/entities?limit=500").await["items"].as_array().unwrap() {
        let id = e["id"].as_str().unwrap();
        if json(&format!("/api/entities/{id}/quotes?limit=1")).await["total"].as_u64().unwrap() > 0 {
            tok = id.to_string();
            break;
        }
    }
    assert!(!tok.is_empty(), "someone is quoted in the examples");
    let quotes = all_pages(&format!("/api/entities/{tok}/quotes"), 3).await;
    assert!(!quotes.is_empty());
    let word = quotes[0]["text"].as_str().unwrap().split_whitespace().max_by_key(|w| w.chars().count()).unwrap();
    let hold = all_pages(&format!("/api/entities/{tok}/quotes?q={}", enc(word)), 3).await;
    assert!(!hold.is_empty() && hold.len() <= quotes.len());
    assert!(hold.iter().all(|q| q["text"].as_str().unwrap().contains(word)));
    let day = &quotes[0]["published"].as_str().unwrap()[..10];
    let that_day = all_pages(&format!("/api/entities/{tok}/quotes?from={day}&to={day}"), 3).await;
    assert!(!that_day.is_empty() && that_day.iter().all(|q| q["published"].as_str().unwrap().starts_with(day)));
    let none = json(&format!("/api/entities/{tok}/articles?from=2030-01-01")).await;
    assert_eq!(none["total"], 0);
    let (s, b) = get(&format!("/api/entities/{tok}/quotes?from=soon")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{b}");
    let (s, _) = get("/api/entities/nope/quotes").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn cors_compression_and_etags() {
    let app = || khabar_server::router(corpus().1.clone());
    // a cross-origin GET, and its preflight
    let req = Request::get("/api/stats").header("origin", "https://elsewhere.example").body(Body::empty()).unwrap();
    let resp = app().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["access-control-allow-origin"], "*");
    let req = Request::options("/api/articles")
        .header("origin", "https://elsewhere.example")
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .unwrap();
    let resp = app().oneshot(req).await.unwrap();
    assert!(resp.status().is_success(), "preflight: {}", resp.status());
    assert_eq!(resp.headers()["access-control-allow-origin"], "*");
    assert!(resp.headers()["access-control-allow-methods"].to_str().unwrap().contains("GET"));
    // compressed when asked, the same JSON once decompressed
    let plain = json("/api/entities?limit=100").await;
    for enc in ["gzip", "br"] {
        let req = Request::get("/api/entities?limit=100").header("accept-encoding", enc).body(Body::empty()).unwrap();
        let resp = app().oneshot(req).await.unwrap();
        assert_eq!(resp.headers()["content-encoding"], enc);
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        let mut out = Vec::new();
        match enc {
            "gzip" => std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&body[..]), &mut out).unwrap(),
            _ => std::io::Read::read_to_end(&mut brotli_decompressor::Decompressor::new(&body[..], 4096), &mut out)
                .unwrap(),
        };
        assert_eq!(serde_json::from_slice::<Value>(&out).unwrap(), plain, "{enc}");
        assert!(body.len() < out.len(), "{enc}: {} → {}", out.len(), body.len());
    }
    let resp = app().oneshot(Request::get("/api/stats").body(Body::empty()).unwrap()).await.unwrap();
    assert!(resp.headers().get("content-encoding").is_none(), "not compressed unless asked");
    // ETag: the same answer is 304 when the client has it
    for uri in [
        "/api/articles/xss-1",
        &format!("/api/entities/{}", json("/api/entities?limit=1").await["items"][0]["id"].as_str().unwrap()),
    ] {
        let resp = app().oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
        let tag = resp.headers()["etag"].clone();
        let req = Request::get(uri).header("if-none-match", tag.clone()).body(Body::empty()).unwrap();
        let resp = app().oneshot(req).await.unwrap();
        assert_eq!(resp.status(), StatusCode::NOT_MODIFIED, "{uri}");
        assert_eq!(resp.headers()["etag"], tag);
        let req = Request::get(uri).header("if-none-match", "\"other\"").body(Body::empty()).unwrap();
        assert_eq!(app().oneshot(req).await.unwrap().status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn places_in_the_news_page_and_filter_by_range() {
    let all = all_pages("/api/places", 2).await;
    assert!(!all.is_empty(), "the examples name located places");
    let whole = json("/api/places?limit=1000").await;
    assert_eq!(whole["items"].as_array().unwrap()[..], all[..], "pages join up in order");
    for p in &all {
        let keys: Vec<&String> = p.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["articles", "country", "id", "lat", "latin", "level", "lon", "name"], "{p}");
        assert!(p["lat"].is_f64() && p["lon"].is_f64() && p["articles"].as_u64().unwrap() > 0, "{p}");
    }
    let counts: Vec<u64> = all.iter().map(|p| p["articles"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most articles first: {counts:?}");
    // Almaty is in the 2022 article made of markup only
    let almaty = json(&format!("/api/entities?type=LOC&q={}", enc("الماتي"))).await["items"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let in_2022 = all_pages("/api/places?from=2022-01-01&to=2022-12-31", 5).await;
    assert!(in_2022.iter().any(|p| p["id"] == almaty.as_str() && p["articles"] == 1), "{in_2022:?}");
    let in_2018 = all_pages("/api/places?from=2018-01-01&to=2018-12-31", 5).await;
    assert!(!in_2018.iter().any(|p| p["id"] == almaty.as_str()), "the range leaves Almaty out");
    assert!(in_2018.len() < all.len() && !in_2018.is_empty());
    // each place's count is its articles in the range
    for p in &in_2018 {
        let id = p["id"].as_str().unwrap();
        let own = json(&format!("/api/entities/{id}/articles?from=2018-01-01&to=2018-12-31&limit=1")).await;
        assert_eq!(own["total"], p["articles"], "{p}");
    }
    let none = json("/api/places?from=2030-01-01").await;
    assert_eq!((none["total"].as_u64(), none["items"].as_array().unwrap().len()), (Some(0), 0));
    let past = json("/api/places?offset=1000000").await;
    assert_eq!(past["total"].as_u64(), Some(all.len() as u64), "past the end, the true total");
    for (bad, name) in
        [("from=2018-13-01", "`from`"), ("to=yesterday", "`to`"), ("limit=0", "`limit`"), ("limit=1001", "`limit`")]
    {
        let (s, b) = get(&format!("/api/places?{bad}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {b}");
        assert!(b.contains(name), "{bad}: {b}");
    }
}

#[tokio::test]
async fn the_page_font_is_served_from_the_binary() {
    let (s, css) = get("/assets/app.css").await;
    assert_eq!(s, StatusCode::OK);
    let urls: Vec<&str> =
        css.match_indices("/assets/fonts/").map(|(i, _)| &css[i..i + css[i..].find(')').unwrap()]).collect();
    assert_eq!(urls.len(), 2, "two faces, regular and bold: {urls:?}");
    for url in urls {
        let url = url.trim_end_matches(['"', '\'']);
        let app = khabar_server::router(corpus().1.clone());
        let resp = app.oneshot(Request::get(url).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{url}");
        assert_eq!(resp.headers()["content-type"], "font/woff2");
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        assert!(body.starts_with(b"wOF2") && body.len() > 20_000, "{url}: {} bytes", body.len());
    }
    let (s, b) = get("/assets/fonts/other.woff2").await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    assert!(b.contains("no font"), "{b}");
}

#[tokio::test]
async fn events_page_filter_group_and_export() {
    let all = all_pages("/api/events", 3).await;
    assert!(all.len() >= 3, "the examples have events");
    assert_eq!(json("/api/stats").await["events"], all.len());
    // every event links to the words it came from
    for e in &all {
        let a = json(&format!("/api/articles/{}", enc(e["article"].as_str().unwrap()))).await;
        let text: Vec<char> = a["text"].as_str().unwrap().chars().collect();
        let t = &e["trigger"];
        let (s, end) = (t["start"].as_u64().unwrap() as usize, t["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..end].iter().collect::<String>(), t["text"].as_str().unwrap());
        assert_eq!(a["record"]["events"][e["index"].as_u64().unwrap() as usize]["type"], e["type"]);
    }
    let assaults = all_pages("/api/events?type=assault", 50).await;
    assert!(!assaults.is_empty() && assaults.iter().all(|e| e["type"] == "ASSAULT"));
    let cops = all_pages("/api/events?actor=COP", 50).await;
    assert!(cops.iter().all(|e| e["source"]["role"] == "COP" || e["target"]["role"] == "COP"));
    let located = all.iter().find(|e| e["location"]["country"].is_string()).expect("a geocoded event");
    let cc = located["location"]["country"].as_str().unwrap();
    let here = all_pages(&format!("/api/events?country={cc}"), 50).await;
    assert_eq!(here.len(), all.iter().filter(|e| e["location"]["country"] == cc).count());
    let place = located["location"]["entity"].as_str().unwrap();
    let at = all_pages(&format!("/api/events?entity={place}"), 50).await;
    assert!(at.iter().any(|e| e["location"]["entity"] == place));
    // a name finds the entity as its id does
    let name = located["location"]["name"].as_str().unwrap();
    assert_eq!(all_pages(&format!("/api/events?entity={}", enc(name)), 50).await, at);
    for bad in [
        "type=RIOT",
        "status=maybe",
        "actor=K1Z",
        "actor=KAZXYZ",
        "country=KAZ",
        "mode=fire%20arms",
        "from=2022-13-01",
        "limit=0",
        "kind=x",
    ] {
        let (s, b) = get(&format!("/api/events?{bad}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {b}");
        assert!(b.contains("\"error\""), "{bad}: {b}");
    }
    // incidents: asserted events by default, each counted once however many reports
    let inc = json("/api/incidents?limit=1000").await;
    let asserted = all.iter().filter(|e| e["status"] == "asserted").count() as u64;
    let items = inc["items"].as_array().unwrap();
    assert_eq!(items.iter().map(|i| i["events"].as_u64().unwrap()).sum::<u64>(), asserted);
    assert_eq!(inc["total"], items.len());
    let days: u64 = inc["days"].as_array().unwrap().iter().map(|d| d["incidents"].as_u64().unwrap()).sum();
    assert_eq!(days, items.iter().filter(|i| i["day"].is_string()).count() as u64);
    let all_status = json("/api/incidents?status=all&limit=1000").await;
    assert!(all_status["total"].as_u64() >= inc["total"].as_u64());
    // the GDELT events export: one row of 61 columns per asserted event
    let (s, tsv) = get("/api/export/events").await;
    assert_eq!(s, StatusCode::OK);
    let rows: Vec<&str> = tsv.lines().collect();
    assert_eq!(rows.len() as u64, asserted);
    assert!(rows.iter().all(|r| r.split('\t').count() == 61), "{tsv}");
    let (s, _) = get("/api/export/events?limit=0").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}
