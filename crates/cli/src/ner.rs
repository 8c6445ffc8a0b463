//! `khabar ner train | tag | eval`.
use anyhow::{bail, Context};
use clap::Subcommand;
use khabar_ner::conll::{self, Scores};
use khabar_ner::model::{self, Model};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Subcommand)]
pub enum NerCommand {
    /// Train the tagger on a CoNLL file (word<TAB>tag, blank line between sentences).
    Train {
        #[arg(long)]
        train: PathBuf,
        /// Where to write the model (gzipped); the default is the model Khabar embeds.
        #[arg(short, long, default_value = "crates/ner/data/model.bin.gz")]
        output: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Score this CoNLL file after training.
        #[arg(long)]
        eval: Option<PathBuf>,
    },
    /// Tag a CoNLL file: prints word<TAB>gold<TAB>predicted for any conlleval.
    Tag {
        #[arg(long)]
        conll: PathBuf,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Precision, recall and F1 per type, micro and macro, on a CoNLL file.
    Eval {
        file: PathBuf,
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn read(path: &Path) -> anyhow::Result<Vec<conll::Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text, &path.display().to_string())?)
}

fn load(path: &Option<PathBuf>) -> anyhow::Result<std::borrow::Cow<'static, Model>> {
    match path {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            Ok(std::borrow::Cow::Owned(Model::from_bytes(&bytes).with_context(|| p.display().to_string())?))
        }
        None => match Model::embedded() {
            Some(m) => Ok(std::borrow::Cow::Borrowed(m)),
            None => bail!("no model is embedded: run `khabar ner train` first"),
        },
    }
}

fn tag_all<'m>(m: &'m Model, data: &[conll::Sentence]) -> Vec<Vec<&'m str>> {
    data.par_iter().map(|(w, _)| m.tag(w)).collect()
}

fn eval(m: &Model, data: &[conll::Sentence]) -> Scores {
    let pred = tag_all(m, data);
    let mut s = Scores::default();
    for ((_, gold), p) in data.iter().zip(&pred) {
        let g: Vec<&str> = gold.iter().map(String::as_str).collect();
        s.add(&g, p);
    }
    s
}

pub fn run(cmd: NerCommand) -> anyhow::Result<bool> {
    match cmd {
        NerCommand::Train { train, output, epochs, seed, eval: eval_path } => {
            let data = read(&train)?;
            let t = Instant::now();
            let m = model::train(&data, epochs, seed, |e, acc| eprintln!("epoch {e}: token accuracy {:.4} ({:.0?})", acc, t.elapsed()));
            let bytes = m.to_bytes();
            std::fs::write(&output, &bytes).with_context(|| format!("writing {}", output.display()))?;
            eprintln!("{} sentences, {:.1?}; model {} ({:.1} MB)", data.len(), t.elapsed(), output.display(), bytes.len() as f64 / 1e6);
            if let Some(p) = eval_path {
                print!("{}", eval(&m, &read(&p)?).table());
            }
        }
        NerCommand::Tag { conll: path, model } => {
            let m = load(&model)?;
            let data = read(&path)?;
            let pred = tag_all(&m, &data);
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for ((words, gold), p) in data.iter().zip(&pred) {
                for ((w, g), t) in words.iter().zip(gold).zip(p) {
                    writeln!(out, "{w}\t{g}\t{t}")?;
                }
                writeln!(out)?;
            }
            out.flush()?;
        }
        NerCommand::Eval { file, model } => {
            let m = load(&model)?;
            print!("{}", eval(&m, &read(&file)?).table());
        }
    }
    Ok(true)
}
