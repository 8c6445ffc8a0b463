//! `khabar ner train | tag | eval`.
use anyhow::{bail, Context};
use clap::Subcommand;
use khabar_ner::clusters::{self, Clusters};
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
        /// The training data (CoNLL: word<TAB>tag, BIO tags).
        #[arg(long)]
        train: PathBuf,
        /// Where to write the model (gzipped); the default is the model Khabar embeds.
        #[arg(short, long, default_value = "crates/ner/data/model.bin.gz")]
        output: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Random seed (sentence order, word clusters, dropped features): the same seed, the same model.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Unlabeled news (JSON Lines, optionally gzipped, with "text") to learn word clusters from.
        #[arg(long)]
        unlabeled: Option<PathBuf>,
        /// Score this CoNLL file after training.
        #[arg(long)]
        eval: Option<PathBuf>,
        /// The share of training tokens (drawn anew each epoch) trained without the features
        /// that name the word itself, so that context, affixes, shape and clusters learn to find
        /// names the training data never had.
        #[arg(long, default_value_t = 0.0)]
        drop_lexical: f32,
        /// Take the word clusters and corpus statistics of this model instead of learning them
        /// from `--unlabeled` (quicker, for trying training settings).
        #[arg(long, conflicts_with = "unlabeled")]
        clusters_from: Option<PathBuf>,
        /// Gold articles (a folder of gold JSON files, e.g. `data/gold/train`; never the held-out
        /// part) whose entity mentions, as BIO over the tagger's tokens, are trained on too.
        #[arg(long)]
        gold: Vec<PathBuf>,
        /// How many times the gold articles' sentences are trained on in each epoch.
        #[arg(long, default_value_t = 1)]
        gold_repeat: usize,
        /// Let the gold articles' untagged tokens be O or MISC, whichever the weights prefer
        /// (the gold annotates no MISC).
        #[arg(long)]
        gold_loose_misc: bool,
    },
    /// Print gold articles' entity mentions as BIO over the tagger's tokens (word<TAB>tag), as
    /// `train --gold` trains on them.
    GoldConll {
        /// Folders of gold JSON files (or files).
        paths: Vec<PathBuf>,
    },
    /// Tag a CoNLL file: prints word<TAB>gold<TAB>predicted for any conlleval.
    Tag {
        /// The CoNLL file to tag (its tags are printed as the gold column).
        #[arg(long)]
        conll: PathBuf,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Precision, recall and F1 per type, micro and macro, on a CoNLL file.
    Eval {
        /// The CoNLL file to score against.
        file: PathBuf,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn read(path: &Path) -> anyhow::Result<Vec<conll::Sentence>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(conll::parse(&text, &path.display().to_string())?)
}

/// The "text" (and "title") of every line of a JSON Lines file, gzipped or not.
fn read_texts(path: &Path) -> anyhow::Result<Vec<String>> {
    let mut out = Vec::new();
    for item in crate::input::open_all(&[path.to_path_buf()], None) {
        match item {
            crate::input::Item::Article(r) => {
                if let Some(serde_json::Value::String(t)) = r.extra.get("title") {
                    out.push(t.clone());
                }
                out.push(r.text);
            }
            crate::input::Item::Bad(e) => eprintln!("khabar: {e}"),
        }
    }
    Ok(out)
}

/// Tags every sentence of `texts` and counts, per word (clitics off), the entity types given.
fn corpus_label_stats(m: &Model, texts: &[String]) -> rustc_hash::FxHashMap<String, u16> {
    use khabar_text::{sentence::sentences, token::tokenize};
    let types: Vec<String> = m.entity_types().into_iter().map(String::from).collect();
    let counts = texts
        .par_iter()
        .fold(rustc_hash::FxHashMap::<String, Vec<u32>>::default, |mut acc, text| {
            let toks = tokenize(text);
            for s in sentences(&toks) {
                let words: Vec<&str> = toks[s.clone()].iter().map(|t| &text[t.start..t.end]).collect();
                let tags = m.tag(&words);
                for (t, tag) in toks[s].iter().zip(tags) {
                    if t.kind != khabar_text::token::TokenKind::Arabic {
                        continue;
                    }
                    let k = tag.get(2..).and_then(|ty| types.iter().position(|x| x == ty)).unwrap_or(0);
                    let e = acc.entry(clusters::unit(&t.norm)).or_insert_with(|| vec![0; types.len()]);
                    e[k] += 1;
                }
            }
            acc
        })
        .reduce(rustc_hash::FxHashMap::default, |mut a, b| {
            for (w, c) in b {
                let e = a.entry(w).or_insert_with(|| vec![0; c.len()]);
                for (x, y) in e.iter_mut().zip(c) {
                    *x += y;
                }
            }
            a
        });
    clusters::label_stats(&counts)
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

/// The tagger's type of a gold entity type (the gold has no MISC).
fn gold_type(ty: &str) -> Option<&'static str> {
    match ty {
        "PER" => Some("PERS"),
        "ORG" => Some("ORG"),
        "LOC" => Some("LOC"),
        _ => None,
    }
}

/// The sentences of gold articles with their entity mentions as BIO tags over the tagger's tokens
/// (the tokenizer and sentence splitter `extract` uses). Gold lists each entity's mention forms,
/// not their places: every occurrence of a form is tagged, longest form first; a form's first word
/// also matches a token carrying a clitic (وموسكو, للولايات). Returns the sentences and the forms
/// found nowhere in their article's text.
pub fn gold_sentences(paths: &[PathBuf]) -> anyhow::Result<(Vec<conll::Sentence>, Vec<String>)> {
    use khabar_text::{sentence::sentences, token::tokenize, token::TokenKind};
    let files = crate::gold::gold_files(paths)?;
    let (mut out, mut missing) = (Vec::new(), Vec::new());
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| format!("reading {}", f.display()))?;
        let g: serde_json::Value = serde_json::from_str(&text).with_context(|| f.display().to_string())?;
        let body = g["text"].as_str().unwrap_or_default();
        // (normalized words, type), longest first; the first listed wins a tie
        let mut forms: Vec<(Vec<String>, &str, String)> = Vec::new();
        for e in g["entities"].as_array().into_iter().flatten() {
            let Some(ty) = e["type"].as_str().and_then(gold_type) else { continue };
            for m in e["mentions"].as_array().into_iter().flatten() {
                let form = m.as_str().or_else(|| m["text"].as_str()).unwrap_or_default();
                let words: Vec<String> = tokenize(form).into_iter().map(|t| t.norm).collect();
                if !words.is_empty() && !forms.iter().any(|(w, _, _)| *w == words) {
                    forms.push((words, ty, form.to_string()));
                }
            }
        }
        forms.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        let toks = tokenize(body);
        let mut found = vec![false; forms.len()];
        for s in sentences(&toks) {
            let ts = &toks[s.clone()];
            let mut tags = vec!["O".to_string(); ts.len()];
            let first_matches = |t: &khabar_text::token::Token, w: &str| {
                t.norm == w
                    || (t.kind == TokenKind::Arabic
                        && (khabar_text::clitic::analyze(&t.norm).word == w
                            || t.norm.strip_prefix(['و', 'ف', 'ب', 'ل', 'ك']) == Some(w)))
            };
            let mut i = 0;
            while i < ts.len() {
                let hit = forms.iter().position(|(w, _, _)| {
                    i + w.len() <= ts.len()
                        && first_matches(&ts[i], &w[0])
                        && ts[i + 1..i + w.len()].iter().zip(&w[1..]).all(|(t, w)| t.norm == *w)
                });
                match hit {
                    Some(k) => {
                        let (w, ty, _) = &forms[k];
                        found[k] = true;
                        tags[i] = format!("B-{ty}");
                        for t in &mut tags[i + 1..i + w.len()] {
                            *t = format!("I-{ty}");
                        }
                        i += w.len();
                    }
                    None => i += 1,
                }
            }
            let words = ts.iter().map(|t| body[t.start..t.end].to_string()).collect();
            out.push((words, tags));
        }
        let id = g["id"].as_str().unwrap_or_default();
        missing.extend(
            forms.iter().zip(&found).filter(|(_, f)| !**f).map(|((_, ty, form), _)| format!("{id}\t{ty}\t{form}")),
        );
    }
    Ok((out, missing))
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
        NerCommand::Train {
            train,
            output,
            epochs,
            seed,
            unlabeled,
            eval: eval_path,
            drop_lexical,
            clusters_from,
            gold,
            gold_repeat,
            gold_loose_misc,
        } => {
            let mut data = read(&train)?;
            if !gold.is_empty() {
                let (sents, missing) = gold_sentences(&gold)?;
                let n = sents.iter().map(|(w, _)| w.len()).sum::<usize>();
                eprintln!(
                    "{} gold sentences ({n} tokens) × {gold_repeat}; {} mention forms not found in their text",
                    sents.len(),
                    missing.len()
                );
                for _ in 0..gold_repeat {
                    data.extend(sents.iter().cloned().map(|(w, t)| {
                        let t =
                            t.into_iter().map(|x| if gold_loose_misc && x == "O" { model::LOOSE_O.into() } else { x });
                        (w, t.collect())
                    }));
                }
            }
            let t = Instant::now();
            let opts = model::TrainOptions { epochs, seed, drop: drop_lexical };
            let clusters = match (unlabeled, clusters_from) {
                (_, Some(p)) => (load(&Some(p))?.clusters().clone(), None),
                (Some(p), None) => {
                    let texts = read_texts(&p)?;
                    let c = clusters::learn(texts.iter().map(String::as_str), 128, 1024, 8, seed);
                    eprintln!("{} word clusters from {} texts ({:.1?})", c.len(), texts.len(), t.elapsed());
                    (c, Some(texts))
                }
                (None, None) => (Clusters::default(), None),
            };
            let (clusters, texts) = clusters;
            // with unlabeled text: a first model tags it, and what it says of each word across
            // the whole corpus becomes a feature of the second
            let clusters = match texts {
                Some(texts) => {
                    let first = model::train_with(&data, clusters.clone(), &opts, |_, _| {});
                    let stats = corpus_label_stats(&first, &texts);
                    eprintln!("label statistics for {} words ({:.1?})", stats.len(), t.elapsed());
                    let mut c = clusters;
                    c.set_stats(stats);
                    c
                }
                None => clusters,
            };
            let m = model::train_with(&data, clusters, &opts, |e, acc| {
                eprintln!("epoch {e}: token accuracy {:.4} ({:.0?})", acc, t.elapsed())
            });
            let bytes = m.to_bytes();
            std::fs::write(&output, &bytes).with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "{} sentences, {:.1?}; model {} ({:.1} MB)",
                data.len(),
                t.elapsed(),
                output.display(),
                bytes.len() as f64 / 1e6
            );
            if let Some(p) = eval_path {
                print!("{}", eval(&m, &read(&p)?).table());
            }
        }
        NerCommand::GoldConll { paths } => {
            let (sents, missing) = gold_sentences(&paths)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for (words, tags) in &sents {
                for (w, t) in words.iter().zip(tags) {
                    writeln!(out, "{w}\t{t}")?;
                }
                writeln!(out)?;
            }
            out.flush()?;
            for m in &missing {
                eprintln!("not found: {m}");
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
