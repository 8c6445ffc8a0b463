//! `khabar events train | cv`: the event trigger classifier from gold articles.
use anyhow::{bail, Context};
use clap::Subcommand;
use khabar_extract::events::{self, model, GoldEvent};
use khabar_extract::{output, Doc, Pipeline};
use khabar_model::EventType;
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum EventsCommand {
    /// Train the classifier on gold articles whose "annotated" list names events.
    Train {
        /// Gold JSON files or folders of them (never a held-out part).
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Where to write the weights; the default is the model Khabar embeds.
        #[arg(short, long, default_value = "crates/extract/data/event_model.txt")]
        output: PathBuf,
        /// Passes over the examples.
        #[arg(long, default_value_t = events::EPOCHS)]
        epochs: usize,
        /// Random seed (the order of examples): the same seed, the same weights.
        #[arg(long, default_value_t = events::SEED)]
        seed: u64,
    },
    /// Cross-validation: splits the gold articles into folds, extracts each fold with a model
    /// trained on the others, and writes the output (JSON Lines) for `score.py`.
    Cv {
        /// Gold JSON files or folders of them.
        #[arg(long, required = true, num_args = 1..)]
        gold: Vec<PathBuf>,
        /// Where to write the output.
        #[arg(short, long)]
        output: PathBuf,
        /// Number of folds (article k goes to fold k mod N, in file-name order).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        #[arg(long, default_value_t = events::EPOCHS)]
        epochs: usize,
        #[arg(long, default_value_t = events::SEED)]
        seed: u64,
    },
}

/// A gold article that annotates events.
struct Gold {
    id: Option<String>,
    published: Option<String>,
    text: String,
    events: Vec<GoldEvent>,
}

/// The gold files under `paths` (files, or folders of `.json` files in name order) whose
/// "annotated" list names events.
fn read_gold(paths: &[PathBuf]) -> anyhow::Result<Vec<Gold>> {
    let files = crate::gold::gold_files(paths)?;
    let mut out = Vec::new();
    for f in files {
        if let Some(g) = read_one(&f).with_context(|| format!("reading gold file {}", f.display()))? {
            out.push(g);
        }
    }
    if out.is_empty() {
        bail!("no gold file among {} annotates events (\"annotated\" must name \"events\")", paths.len());
    }
    Ok(out)
}

fn read_one(path: &Path) -> anyhow::Result<Option<Gold>> {
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let annotated = v["annotated"].as_array().is_some_and(|a| a.iter().any(|x| x == "events"));
    if !annotated {
        return Ok(None);
    }
    let text = v["text"].as_str().context("no \"text\"")?.to_string();
    let mut evs = Vec::new();
    for (k, e) in v["events"].as_array().map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
        let ty = e["type"].as_str().with_context(|| format!("events[{k}]: no \"type\""))?;
        let Ok(kind) = ty.parse::<EventType>() else {
            continue; // a type the classifier does not learn yet
        };
        let trigger = e["trigger"].as_str().with_context(|| format!("events[{k}]: no \"trigger\""))?;
        evs.push(GoldEvent { kind, trigger: trigger.to_string() });
    }
    Ok(Some(Gold {
        id: v["id"].as_str().map(String::from),
        published: v["published"].as_str().map(String::from),
        text,
        events: evs,
    }))
}

/// The pipeline without events: what the classifier's features read.
fn before_events() -> Pipeline {
    Pipeline::skipping(&["events"]).expect("nothing requires events")
}

fn examples(gold: &[&Gold]) -> (Vec<model::Example>, events::Alignment) {
    let p = before_events();
    let parts: Vec<_> = gold
        .par_iter()
        .map(|g| {
            let mut doc = Doc::new(&g.text, g.published.as_deref());
            p.run(&mut doc);
            events::training_examples(&doc, &g.events)
        })
        .collect();
    let mut all = Vec::new();
    let mut stats = events::Alignment::default();
    for (ex, s) in parts {
        all.extend(ex);
        stats.gold += s.gold;
        stats.aligned += s.aligned;
        stats.candidates += s.candidates;
    }
    (all, stats)
}

pub fn run(cmd: EventsCommand) -> anyhow::Result<()> {
    match cmd {
        EventsCommand::Train { gold, output, epochs, seed } => {
            let gold = read_gold(&gold)?;
            let refs: Vec<&Gold> = gold.iter().collect();
            let (ex, stats) = examples(&refs);
            let m = model::train(&ex, epochs, seed);
            std::fs::write(&output, m.to_text()).with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "{} articles, {} gold events, {} found on a candidate word; {} candidates; {} features -> {}",
                gold.len(),
                stats.gold,
                stats.aligned,
                stats.candidates,
                m.len(),
                output.display()
            );
        }
        EventsCommand::Cv { gold, output, folds, epochs, seed } => {
            if folds < 2 {
                bail!("--folds must be at least 2");
            }
            let gold = read_gold(&gold)?;
            let mut out = std::io::BufWriter::new(
                std::fs::File::create(&output).with_context(|| format!("creating {}", output.display()))?,
            );
            let p = before_events();
            for f in 0..folds {
                let train: Vec<&Gold> =
                    gold.iter().enumerate().filter(|(k, _)| k % folds != f).map(|(_, g)| g).collect();
                let (ex, _) = examples(&train);
                let m = model::train(&ex, epochs, seed);
                for g in gold.iter().enumerate().filter(|(k, _)| k % folds == f).map(|(_, g)| g) {
                    let mut doc = Doc::new(&g.text, g.published.as_deref());
                    p.run(&mut doc);
                    doc.records.events = events::extract_with(&doc, &m);
                    let a = output::to_article(g.id.clone(), g.published.clone(), &doc);
                    writeln!(out, "{}", serde_json::to_string(&a)?)?;
                }
            }
            out.flush()?;
            eprintln!("{} articles in {folds} folds -> {}", gold.len(), output.display());
        }
    }
    Ok(())
}
