//! The queue with real servers (NATS JetStream and PostgreSQL; `.ci/run` starts both, sets
//! `KHABAR_TEST_NATS` and `KHABAR_TEST_POSTGRES` and runs this with `--ignored`; asked for without
//! them, it fails): the whole corpus (`../shared`) published once, three workers, one killed with
//! SIGKILL midway and started again; then exactly the corpus in PostgreSQL, no record twice, the
//! same totals as the embedded store gives for the same input, and the same search answers from
//! `/api/articles?q=` over either store.
use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use khabar_store::{Corpus, PgStore, Store};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

fn worker(nats: &str, pg: &str) -> Child {
    khabar().args(["worker", "--queue", nats, "--db", pg, "--drain", "--quiet"]).stderr(Stdio::piped()).spawn().unwrap()
}

fn stats_json(db: &str) -> Value {
    let out = khabar().args(["stats", "--json", "--db", db]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

async fn articles(corpus: &std::sync::Arc<khabar_server::AppState>, q: &str) -> Value {
    let uri = format!(
        "/api/articles?limit=20&q={}",
        percent_encoding::utf8_percent_encode(q, percent_encoding::NON_ALPHANUMERIC)
    );
    let resp =
        khabar_server::router(corpus.clone()).oneshot(Request::get(uri).body(Body::empty()).unwrap()).await.unwrap();
    assert!(resp.status().is_success());
    serde_json::from_slice(&resp.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

#[test]
#[ignore = "needs NATS JetStream, PostgreSQL and ../shared: set KHABAR_TEST_NATS and KHABAR_TEST_POSTGRES (.ci/run starts both)"]
fn r6_corpus_through_three_workers_one_killed() {
    let var = |name: &str, example: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!("{name} must be set, e.g. {name}={example} (.ci/run starts the server and sets it)")
        })
    };
    let nats = var("KHABAR_TEST_NATS", "nats://127.0.0.1:4222");
    let pg = var("KHABAR_TEST_POSTGRES", "postgres://khabar:khabar@127.0.0.1:5432/khabar_test");
    assert!(pg.contains("test"), "KHABAR_TEST_POSTGRES must name a test database (it is emptied): {pg}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let corpus = root.join("../shared/corpus/ant-news.jsonl.gz");
    assert!(corpus.exists(), "{} is needed: the reference data beside the project (see README)", corpus.display());
    PgStore::reset(&pg).unwrap();
    khabar_queue::Queue::connect(&nats).unwrap().purge().unwrap();

    let o = khabar().args(["ingest", "--queue", &nats]).arg(&corpus).output().unwrap();
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && e.contains("17815 queued, 0 already queued, 0 rejected"), "{e}");
    // publishing again within the duplicate window queues nothing
    let o = khabar().args(["ingest", "--queue", &nats]).arg(&corpus).output().unwrap();
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("0 queued, 17815 already queued"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    let mut workers: Vec<Child> = (0..3).map(|_| worker(&nats, &pg)).collect();
    let store = PgStore::open(&pg).unwrap();
    let started = Instant::now();
    while store.stats().unwrap().articles < 4000 && started.elapsed() < Duration::from_secs(900) {
        std::thread::sleep(Duration::from_millis(200));
    }
    workers[0].kill().unwrap(); // SIGKILL: its messages in flight are delivered again later
    assert!(!workers[0].wait().unwrap().success(), "the first worker was killed before the queue drained");
    let status = khabar().args(["queue", "status", "--queue", &nats, "--db", &pg]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("in flight"),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
    workers[0] = worker(&nats, &pg);
    for w in &mut workers {
        let out = std::mem::replace(w, khabar().arg("--version").stdout(Stdio::null()).spawn().unwrap());
        let out = out.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    // exactly the corpus, nothing twice
    let s = stats_json(&pg);
    assert_eq!(s["articles"], 17_815);
    let mut c = ::postgres::Client::connect(&pg, ::postgres::NoTls).unwrap();
    for (what, sql) in [
        ("articles", "SELECT COUNT(*) - COUNT(DISTINCT id) FROM articles"),
        ("mentions", "SELECT COUNT(*) - COUNT(DISTINCT (article, local)) FROM mentions"),
        ("quotes", "SELECT COUNT(*) - COUNT(DISTINCT (article, start_pos, end_pos, kind)) FROM quotes"),
        ("dates", "SELECT COUNT(*) - COUNT(DISTINCT (article, start_pos, end_pos)) FROM dates"),
        ("postings", "SELECT (SELECT COUNT(*) FROM articles) - docs FROM search_totals"),
        ("unlinked", "SELECT COUNT(*) FROM queue_log"),
    ] {
        assert_eq!(c.query_one(sql, &[]).unwrap().get::<_, i64>(0), 0, "{what}: rows twice, or left over");
    }

    // the embedded store, from the same input in one process, holds the same
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("queue-embedded");
    let _ = std::fs::remove_dir_all(&dir);
    let o = khabar().args(["ingest", "-q", "--db"]).arg(&dir).arg(&corpus).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stats_json(dir.to_str().unwrap()), s, "the same articles, entities, quotes, counts and dates");

    // and the API answers the same searches from either
    let embedded = khabar_server::AppState::new(Corpus::open_read_only(&dir).unwrap());
    let postgres = khabar_server::AppState::new(Corpus::open_read_only(Path::new(&pg)).unwrap());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    for q in [
        "الرئيس",
        "وزير الخارجية",
        "الحكومة السورية",
        "قتلى",
        "مسئول",
        "ترامب",
        "الأمم المتحدة",
        "إيران",
        "كرة القدم",
        "الاحتجاجات",
    ] {
        let (a, b) = rt.block_on(async { (articles(&embedded, q).await, articles(&postgres, q).await) });
        assert_eq!(a["total"], b["total"], "{q}");
        let (ha, hb) = (a["items"].as_array().unwrap(), b["items"].as_array().unwrap());
        assert!(!ha.is_empty(), "{q}: no result to compare");
        assert_eq!(ha.len(), hb.len(), "{q}");
        for (x, y) in ha.iter().zip(hb) {
            let (sx, sy) = (x["score"].as_f64().unwrap(), y["score"].as_f64().unwrap());
            assert!((sx - sy).abs() <= 1e-4 * sx.abs().max(1.0), "{q}: {} {sx} vs {} {sy}", x["id"], y["id"]);
            if x["id"] != y["id"] {
                // only among equal scores (which may straddle the end of the page)
                let same = |h: &Value| (h["score"].as_f64().unwrap() - sx).abs() <= 1e-4 * sx.abs().max(1.0);
                assert!(
                    hb.iter().any(|h| h["id"] == x["id"] && same(h)) || same(&hb[hb.len() - 1]),
                    "{q}: {} ranks differently",
                    x["id"]
                );
            }
        }
    }
}
