//! `khabar bench search | api | workers`: latency and throughput of the stored corpus, each
//! against a baseline measured in the same run.
use crate::corpus::open_existing;
use khabar_store::{Corpus, SearchQuery};
use std::path::Path;
use std::time::{Duration, Instant};

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len().max(1)) - 1;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

/// Query words drawn from the corpus itself, deterministically: the words of every 37th title
/// (three letters or more) as one-word queries, and adjacent pairs of them as two-word queries.
fn queries(corpus: &Corpus, n: usize) -> anyhow::Result<(Vec<String>, Vec<String>)> {
    let listed = corpus.index.search(&SearchQuery { limit: 20_000, ..Default::default() })?;
    let ids: Vec<String> = listed.hits.iter().step_by(37).map(|h| h.id.clone()).collect();
    let (mut one, mut two) = (Vec::new(), Vec::new());
    for s in corpus.store.summaries(&ids)? {
        let words: Vec<String> = s
            .title
            .unwrap_or_default()
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|w| w.chars().count() >= 3)
            .collect();
        for w in &words {
            if one.len() < n && !one.contains(w) {
                one.push(w.clone());
            }
        }
        for p in words.windows(2) {
            if two.len() < n {
                two.push(format!("{} {}", p[0], p[1]));
            }
        }
    }
    Ok((one, two))
}

/// One search as a user sees it: ranked top 10, their titles and snippets.
fn search_once(corpus: &Corpus, q: &str) -> anyhow::Result<usize> {
    let res = corpus.index.search(&SearchQuery { text: Some(q.to_string()), limit: 10, ..Default::default() })?;
    let sn = corpus.index.snippets(q)?;
    let ids: Vec<String> = res.hits.iter().map(|h| h.id.clone()).collect();
    for r in corpus.store.hits(&ids)? {
        std::hint::black_box(sn.make(&r.text));
    }
    Ok(res.total)
}

pub fn search(db: &Path, n: usize) -> anyhow::Result<bool> {
    let corpus = open_existing(db)?;
    let (one, two) = queries(&corpus, n)?;
    if one.is_empty() {
        anyhow::bail!("{}: the corpus is empty", db.display());
    }
    for q in one.iter().chain(&two).take(20) {
        search_once(&corpus, q)?; // warm the page cache
    }
    out!("search over {} articles, top 10 with titles and snippets, one thread:", corpus.index.num_docs()?);
    let mut medians = Vec::new();
    for (label, qs) in [("one word", &one), ("two words", &two)] {
        let mut lat = Vec::with_capacity(qs.len());
        let mut slow = Vec::new();
        let started = Instant::now();
        for q in qs.iter() {
            let t = Instant::now();
            search_once(&corpus, q)?;
            lat.push(t.elapsed());
            slow.push((t.elapsed(), q));
        }
        slow.sort();
        if std::env::var_os("KHABAR_BENCH_SLOWEST").is_some() {
            for (d, q) in slow.iter().rev().take(5) {
                out!("    slowest: {:.1} ms  {q}", d.as_secs_f64() * 1e3);
            }
        }
        let secs = started.elapsed().as_secs_f64();
        lat.sort();
        out!(
            "  {label:<9} {} queries: p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms, {:.0} queries/s",
            qs.len(),
            pct(&lat, 0.5),
            pct(&lat, 0.95),
            pct(&lat, 0.99),
            pct(&lat, 1.0),
            qs.len() as f64 / secs
        );
        medians.push(pct(&lat, 0.5));
    }
    // Baseline: what search costs without the index — every article read from the database and
    // its normalized text scanned for the word (the first 10 one-word queries).
    let all = corpus.store.articles_between(None, None, usize::MAX >> 1, 0)?;
    let texts: Vec<String> = all.iter().map(|a| khabar_store::analysis::key(&a.text)).collect();
    let mut lat = Vec::new();
    for q in one.iter().take(10) {
        let t = Instant::now();
        let k = khabar_store::analysis::key(q);
        std::hint::black_box(texts.iter().filter(|t| t.contains(&k)).count());
        lat.push(t.elapsed());
    }
    lat.sort();
    let base = pct(&lat, 0.5);
    out!("  baseline: scanning the {} normalized texts in memory, p50 {:.2} ms per one-word query → the index is {:.0}× faster at the median", texts.len(), base, base / medians[0].max(1e-6));
    Ok(true)
}

pub fn api(db: &Path, addr: Option<String>, requests: usize, concurrency: usize) -> anyhow::Result<bool> {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        let (addr, corpus_for_paths) = match addr {
            Some(a) => (a.parse()?, open_existing(db)?),
            None => {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
                let a = listener.local_addr()?;
                let app = khabar_server::router(khabar_server::AppState::new(open_existing(db)?));
                tokio::spawn(async move { axum::serve(listener, app).await });
                (a, open_existing(db)?)
            }
        };
        let paths = tokio::task::spawn_blocking(move || api_paths(&corpus_for_paths)).await??;
        out!("{requests} requests at concurrency {concurrency} against http://{addr}/ ({} distinct paths: searches, articles, entities, series, stats)", paths.len());
        let base = khabar_server::load::run(addr, vec!["/openapi.json".to_string()], requests, concurrency).await;
        let r = khabar_server::load::run(addr, paths, requests, concurrency).await;
        for (label, x) in [("baseline: a static document", &base), ("the API", &r)] {
            out!("  {label:<28} {} requests, {} errors, {:.0} req/s, p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms", x.requests, x.errors, x.per_second, x.p50_ms, x.p90_ms, x.p99_ms, x.max_ms);
        }
        out!("  the API serves {:.2}× the static document's request rate", r.per_second / base.per_second.max(1e-9));
        Ok(r.errors == 0 && base.errors == 0)
    })
}

/// A realistic mix of API paths from the corpus itself.
fn api_paths(corpus: &Corpus) -> anyhow::Result<Vec<String>> {
    let listed = corpus.index.search(&SearchQuery { limit: 200, ..Default::default() })?;
    let ents = corpus.store.entities(None, None, 50, 0)?.items;
    let (one, two) = queries(corpus, 50)?;
    // everything but the unreserved characters of RFC 3986 escaped
    const ESCAPE: &percent_encoding::AsciiSet =
        &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');
    let enc = |s: &str| percent_encoding::utf8_percent_encode(s, ESCAPE).to_string();
    let mut paths = Vec::new();
    for i in 0..200 {
        paths.push(match i % 8 {
            0 | 1 => format!("/api/articles?q={}", enc(&one[i % one.len().max(1)])),
            2 => format!("/api/articles?q={}", enc(two.get(i % two.len().max(1)).map(String::as_str).unwrap_or("خبر"))),
            3 | 4 => format!("/api/articles/{}", enc(&listed.hits[i % listed.hits.len().max(1)].id)),
            5 => format!("/api/entities/{}", ents.get(i % ents.len().max(1)).map(|e| e.id.as_str()).unwrap_or("none")),
            6 => "/api/counts?category=KILL".to_string(),
            _ => "/api/entities?type=PER&limit=20".to_string(),
        });
    }
    Ok(paths)
}

/// `khabar bench workers`: the input through the queue into PostgreSQL with 1 worker, then with
/// 2 (each a `khabar worker --drain` process; the database and the queue emptied before each run,
/// the publishing not timed), the articles/s of each and the ratio. The database is dropped
/// and made again, so its name must contain "bench".
pub fn workers(queue: &str, db: &str, input: &[std::path::PathBuf], counts: &[usize]) -> anyhow::Result<bool> {
    let name = db.rsplit('/').next().unwrap_or("").split('?').next().unwrap_or("");
    anyhow::ensure!(
        name.contains("bench"),
        "--db {db}: the benchmark empties its database, so the database's name must contain \"bench\""
    );
    let exe = std::env::current_exe()?;
    let mut rates = Vec::new();
    for &n in counts {
        khabar_store::PgStore::reset(db)?;
        khabar_queue::Queue::connect(queue)?.purge()?;
        let ok = std::process::Command::new(&exe)
            .arg("ingest")
            .arg("--queue")
            .arg(queue)
            .args(input)
            .stderr(std::process::Stdio::null())
            .status()?;
        anyhow::ensure!(
            ok.success(),
            "publishing {} to {queue} failed",
            input.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" ")
        );
        let started = Instant::now();
        let children: Vec<_> = (0..n)
            .map(|_| {
                std::process::Command::new(&exe)
                    .args(["worker", "--queue", queue, "--db", db, "--drain", "--quiet"])
                    .stderr(std::process::Stdio::null())
                    .spawn()
            })
            .collect::<Result<_, _>>()?;
        for mut c in children {
            anyhow::ensure!(
                c.wait()?.success(),
                "a worker failed (run `khabar worker --queue {queue} --db {db} --drain` to see why)"
            );
        }
        let secs = started.elapsed().as_secs_f64();
        let stats = khabar_store::Store::stats(&khabar_store::PgStore::open(db)?)?;
        let rate = stats.articles as f64 / secs;
        out!(
            "{n} worker{}: {} articles in {secs:.1} s = {rate:.0} articles/s ({} entities, {} quotes, {} counts)",
            if n == 1 { "" } else { "s" },
            stats.articles,
            stats.entities,
            stats.quotes,
            stats.counts
        );
        rates.push(rate);
    }
    if rates.len() >= 2 {
        out!(
            "{} workers reach {:.2}× the throughput of {}",
            counts[counts.len() - 1],
            rates[rates.len() - 1] / rates[0].max(1e-9),
            counts[0]
        );
    }
    Ok(true)
}
