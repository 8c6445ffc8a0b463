//! The corpus commands: `ingest`, `stats`, `search`, `entity`.
use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use khabar_ingest::files::expand;
use khabar_ingest::{Event, Ingested};
use khabar_store::{Corpus, SearchQuery};
use serde_json::{json, Value};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// `khabar ingest`: the pipeline ([`khabar_ingest::ingest`]) with a progress bar and a summary.
/// Returns whether every input line was usable.
pub fn ingest(db: &Path, paths: &[PathBuf], published: Option<&str>, quiet: bool) -> anyhow::Result<bool> {
    let started = Instant::now();
    let files = expand(paths)?;
    if files.is_empty() {
        bail!("no input files under {}", paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
    }
    let waiting = &mut || eprintln!("khabar: waiting for another ingest into {} to finish", db.display());
    let corpus =
        Corpus::open_waiting(db, waiting).with_context(|| format!("opening the corpus in {}", db.display()))?;
    let bar = ProgressBar::with_draw_target(
        None,
        if io::stderr().is_terminal() && !quiet { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() },
    );
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles read, {per_sec}, {elapsed} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let done = khabar_ingest::ingest(&corpus, &files, published, &mut |event| match event {
        Event::Rejected(e) => bar.suspend(|| eprintln!("khabar: {e}")),
        Event::Read => bar.inc(1),
    })?;
    bar.finish_and_clear();
    print_summary(db, &done, started.elapsed().as_secs_f64());
    Ok(done.rejected.is_empty())
}

fn print_summary(db: &Path, s: &Ingested, seconds: f64) {
    let w = &s.written;
    let n = w.stored + w.replaced + w.unchanged;
    eprintln!(
        "khabar: {n} articles in {:.1} s ({:.0}/s) into {}: {} stored, {} unchanged, {} replaced, {} rejected",
        seconds,
        n as f64 / seconds.max(1e-9),
        db.display(),
        w.stored,
        w.unchanged,
        w.replaced,
        s.rejected.values().sum::<usize>()
    );
    for (reason, k) in &s.rejected {
        eprintln!("khabar:   rejected: {k} × {reason}");
    }
}

pub fn stats(db: &Path, as_json: bool) -> anyhow::Result<bool> {
    let corpus = open_existing(db)?;
    let s = corpus.store.stats()?;
    if as_json {
        out!("{}", serde_json::to_string(&s)?);
    } else {
        out!(
            "articles  {}\ncopies    {} (the same text, date, title and source under another id: counted once)\nentities  {}\nquotes    {}\ncounts    {}\ndates     {}\nindexed   {}",
            s.articles,
            s.duplicates,
            s.entities,
            s.quotes,
            s.counts,
            s.dates,
            corpus.index.num_docs()?
        );
    }
    Ok(true)
}

pub fn open_existing(db: &Path) -> anyhow::Result<Corpus> {
    Corpus::open_read_only(db).map_err(|e| anyhow::anyhow!("{e}"))
}

/// A YYYY-MM-DD argument as a day number: exactly that, as the API's `from`/`to`.
pub fn day_arg(s: &str, what: &str) -> anyhow::Result<i64> {
    khabar_store::exact_day(s).with_context(|| format!("{what} {s:?}: expected a date YYYY-MM-DD"))
}

#[derive(clap::Args)]
pub struct SearchArgs {
    /// Words to find (any spelling of hamza and ya; "quoted phrase", -word, OR).
    pub query: Vec<String>,
    /// The corpus (a directory, or postgres://…).
    #[arg(long, default_value = "khabar-data")]
    pub db: PathBuf,
    /// Only articles that mention this entity (an entity id or a name in any spelling).
    #[arg(long)]
    pub entity: Option<String>,
    /// Only articles from this source.
    #[arg(long)]
    pub source: Option<String>,
    /// Published on or after this day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Published on or before this day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// How many articles to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Builds a store query from API or CLI parameters; `Ok(None)` when an entity filter names no
/// known entity (nothing can match).
pub fn build_query(
    corpus: &Corpus,
    text: Option<String>,
    entity: Option<&str>,
    source: Option<String>,
    from: Option<&str>,
    to: Option<&str>,
    limit: usize,
) -> anyhow::Result<Option<SearchQuery>> {
    let entities = match entity {
        Some(e) => {
            let ids = corpus.store.resolve_entity(e)?;
            if ids.is_empty() {
                return Ok(None);
            }
            ids
        }
        None => vec![],
    };
    let from = from.map(|s| day_arg(s, "--from")).transpose()?;
    let to = to.map(|s| day_arg(s, "--to")).transpose()?;
    Ok(Some(SearchQuery { text, entities, source, from, to, limit, offset: 0 }))
}

pub fn search(args: SearchArgs) -> anyhow::Result<bool> {
    let corpus = open_existing(&args.db)?;
    let text = Some(args.query.join(" ")).filter(|t| !t.trim().is_empty());
    let started = Instant::now();
    let Some(q) = build_query(
        &corpus,
        text.clone(),
        args.entity.as_deref(),
        args.source.clone(),
        args.from.as_deref(),
        args.to.as_deref(),
        args.limit,
    )?
    else {
        eprintln!("khabar: no entity known as {:?}", args.entity.unwrap_or_default());
        return Ok(false);
    };
    let results = corpus.index.search(&q)?;
    let ids: Vec<String> = results.hits.iter().map(|h| h.id.clone()).collect();
    let rows = corpus.store.hits(&ids)?;
    let snippets = text.as_deref().map(|t| corpus.index.snippets(t)).transpose()?;
    let mut hits = Vec::new();
    for (h, r) in results.hits.iter().filter(|h| rows.iter().any(|r| r.summary.id == h.id)).zip(rows.iter()) {
        let snippet = snippets.as_ref().map(|sn| sn.make(&r.text));
        hits.push((h.score, r.summary.clone(), snippet));
    }
    let took = started.elapsed().as_secs_f64() * 1e3;
    if args.json {
        let hits: Vec<Value> = hits.iter().map(|(score, s, snip)| json!({"id": s.id, "score": score, "title": s.title, "source": s.source, "published": s.published, "url": s.url, "snippet": snip})).collect();
        out!("{}", serde_json::to_string_pretty(&json!({"total": results.total, "took_ms": took, "hits": hits}))?);
        return Ok(true);
    }
    let tty = io::stdout().is_terminal();
    out!("{} articles match ({took:.1} ms)", results.total);
    for (i, (score, s, snip)) in hits.iter().enumerate() {
        let safe = |x: Option<&str>| crate::report::terminal_safe(x.unwrap_or(""));
        out!(
            "\n{}. {}  [{}]  {} {}  score {score:.2}",
            i + 1,
            safe(s.title.as_deref().or(Some("(no title)"))),
            safe(Some(&s.id)),
            safe(s.published.as_deref().map(|p| p.get(..10).unwrap_or(p))),
            safe(s.source.as_deref())
        );
        if let Some(sn) = snip {
            out!("   {}", mark(&sn.text, &sn.highlights, tty));
        }
    }
    Ok(true)
}

/// The snippet with its matched words marked: bold on a terminal, ⟦…⟧ otherwise.
fn mark(text: &str, highlights: &[(usize, usize)], tty: bool) -> String {
    let (open, close) = if tty { ("\x1b[1;33m", "\x1b[0m") } else { ("⟦", "⟧") };
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if highlights.iter().any(|h| h.0 == i) {
            out.push_str(open);
        }
        if highlights.iter().any(|h| h.1 == i) {
            out.push_str(close);
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    if highlights.iter().any(|h| h.1 == text.chars().count()) {
        out.push_str(close);
    }
    out
}

pub fn entity_show(db: &Path, id: &str, as_json: bool) -> anyhow::Result<bool> {
    let corpus = open_existing(db)?;
    let ids = corpus.store.resolve_entity(id)?;
    let Some(first) = ids.first() else {
        eprintln!("khabar: no entity {id:?} (an id such as e1a2b3c4d5e6, or a name)");
        return Ok(false);
    };
    let Some(e) = corpus.store.entity(first)? else { return Ok(false) };
    if as_json {
        out!("{}", serde_json::to_string_pretty(&e)?);
        return Ok(true);
    }
    let s = &e.summary;
    let safe = crate::report::terminal_safe;
    out!(
        "{}  {}  {}{}",
        s.id,
        s.kind,
        safe(&s.name),
        s.latin.as_deref().map(|l| format!("  ({l})")).unwrap_or_default()
    );
    if let Some(g) = &s.geo {
        out!(
            "at {:.4}, {:.4} ({}){}",
            g.lat,
            g.lon,
            g.country,
            e.geonameid.map(|g| format!(", GeoNames {g}")).unwrap_or_default()
        );
    }
    out!("in {} articles; {} quotes; {} figures claimed", s.articles, e.quotes.total, e.figures.total);
    out!("\nspellings and why they were joined:");
    for v in &e.variants {
        out!(
            "  {:<30} {}{}",
            safe(&v.text),
            safe(&v.reason),
            v.first_article.as_deref().map(|a| format!(" [first in {}]", safe(a))).unwrap_or_default()
        );
    }
    if ids.len() > 1 {
        out!("\n(other entities answer to this name: {})", ids[1..].join(", "));
    }
    let related = corpus.store.entity_related(first, &khabar_store::Slice::first(10))?;
    if !related.items.is_empty() {
        out!(
            "\nseen with: {}",
            related
                .items
                .iter()
                .take(10)
                .map(|r| format!("{} ({})", safe(&r.name), r.shared_articles))
                .collect::<Vec<_>>()
                .join("، ")
        );
    }
    Ok(true)
}

pub fn entity_list(
    db: &Path,
    q: Option<&str>,
    kind: Option<&str>,
    limit: usize,
    as_json: bool,
) -> anyhow::Result<bool> {
    let corpus = open_existing(db)?;
    let list = corpus.store.entities(q, kind, limit, 0)?;
    if as_json {
        out!("{}", serde_json::to_string_pretty(&list)?);
    } else {
        for e in list.items {
            out!(
                "{}  {}  {:>5} articles  {}{}",
                e.id,
                e.kind,
                e.articles,
                crate::report::terminal_safe(&e.name),
                e.latin.map(|l| format!(" ({l})")).unwrap_or_default()
            );
        }
    }
    Ok(true)
}
