//! `khabar extract`: articles in, one output object per article out, in input order, on every
//! core. Input is read in chunks, each chunk extracted in parallel and written before the next
//! is read, so memory stays flat however large the corpus.
use crate::input::{open_all, Item, Record};
use crate::{report, ExtractArgs, Format};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use khabar_extract::Pipeline;
use rayon::prelude::*;
use serde_json::Value;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::time::Instant;

const CHUNK: usize = 1024;

/// Extracts one record into its output line (JSON) or block (report).
fn render(rec: Record, format: Format, keep_text: bool, pipeline: &Pipeline) -> String {
    let article = pipeline.extract(rec.id, rec.published, &rec.text);
    match format {
        Format::Report => report::render(&article, &rec.text),
        Format::Json => {
            // the input's other fields pass through; the contract's own keys win
            let obj = khabar_ingest::output::record(&article, rec.extra, keep_text.then_some(rec.text));
            let mut line = serde_json::to_string(&Value::Object(obj)).unwrap_or_default();
            line.push('\n');
            line
        }
    }
}

/// Runs the command; `Ok(false)` when some input lines were bad (reported on standard error).
pub fn extract(args: ExtractArgs) -> anyhow::Result<bool> {
    let pipeline = Pipeline::skipping(&args.skip).context("--skip")?;
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().context("starting worker threads")?;
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("creating {}", p.display()))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let bar = if io::stderr().is_terminal() {
        let b = ProgressBar::new_spinner();
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles, {per_sec}, {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        // shown only once the input proves large: a single article needs no bar
        b.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        Some(b)
    } else {
        None
    };
    let started = Instant::now();
    let (mut articles, mut bytes, mut bad) = (0usize, 0usize, 0usize);
    let mut items = open_all(&args.paths, args.published.as_deref());
    loop {
        let chunk: Vec<Item> = items.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let mut records = Vec::with_capacity(chunk.len());
        for item in chunk {
            match item {
                Item::Article(r) => records.push(r),
                Item::Bad(e) => {
                    bad += 1;
                    if let Some(b) = &bar {
                        b.suspend(|| eprintln!("khabar: {e}"));
                    } else {
                        eprintln!("khabar: {e}");
                    }
                }
            }
        }
        articles += records.len();
        bytes += records.iter().map(|r| r.text.len()).sum::<usize>();
        let rendered: Vec<String> =
            records.into_par_iter().map(|r| render(r, args.format, args.keep_text, &pipeline)).collect();
        for s in &rendered {
            out.write_all(s.as_bytes()).context("writing output")?;
        }
        if let Some(b) = &bar {
            if articles >= CHUNK && b.is_hidden() {
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            b.set_position(articles as u64);
        }
    }
    out.flush().context("writing output")?;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    if args.stats {
        eprintln!(
            "khabar: {articles} articles, {:.1} MB in {secs:.2} s: {:.0} articles/s, {:.2} MB/s, {} threads",
            bytes as f64 / 1e6,
            articles as f64 / secs,
            bytes as f64 / 1e6 / secs,
            rayon::current_num_threads()
        );
    }
    if bad > 0 {
        eprintln!("khabar: {bad} input line(s) could not be read; {articles} article(s) extracted");
    }
    Ok(bad == 0)
}
