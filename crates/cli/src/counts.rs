//! `khabar counts train | eval`: the trained count decision ([`khabar_extract::count_model`]).
use crate::gold::gold_files;
use anyhow::{bail, Context};
use clap::Subcommand;
use khabar_extract::count_model::{CountModel, Example};
use khabar_extract::counts::{candidates, Candidate};
use khabar_model::Category;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum CountsCommand {
    /// Train the count decision on gold articles and labelled corpus figures; writes the weights
    /// Khabar embeds. The same data and options give the same file byte for byte.
    Train {
        /// Gold articles (folders of gold JSON files, or files) whose counts label the figures
        /// in their text; never the held-out part.
        #[arg(long, required = true)]
        gold: Vec<PathBuf>,
        /// Corpus figures labelled by reading (JSON Lines: sentence, start, end in code points,
        /// categories); only the records of `--part` are trained on.
        #[arg(long, default_value = "data/counts/figures.jsonl")]
        figures: PathBuf,
        /// Which part of `--figures` to train on.
        #[arg(long, default_value = "train")]
        part: String,
        /// Where to write the weights.
        #[arg(short, long, default_value = "crates/extract/data/count_model.tsv")]
        output: PathBuf,
        /// Passes over the examples.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// The seed of the first example order.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// How many example orders (seeds `seed`, `seed + 1`…) to train in; the weights are
        /// their mean.
        #[arg(long, default_value_t = 10)]
        orders: usize,
    },
    /// How often the model (and the rules, as a baseline) give a labelled figure its category
    /// (or none): accuracy, and precision and recall of counts, over one part of `--figures`.
    Eval {
        #[arg(long, default_value = "data/counts/figures.jsonl")]
        figures: PathBuf,
        #[arg(long, default_value = "heldout")]
        part: String,
        /// A weights file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print every figure the model gets wrong, with the words around it.
        #[arg(long)]
        errors: bool,
    },
    /// Show how the model reads the figures of a text: each candidate category's score and the
    /// weights of its features.
    Explain {
        /// The text (a sentence or an article).
        text: String,
    },
}

/// A gold article's figures as examples: a figure whose value a gold count of the article gives
/// (each gold count once, in text order) takes its category; every other candidate is no count.
fn gold_examples(path: &Path) -> anyhow::Result<Vec<Example>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let g: serde_json::Value = serde_json::from_str(&text).with_context(|| path.display().to_string())?;
    let annotated = g["annotated"].as_array().is_none_or(|a| a.iter().any(|x| x == "counts"));
    if !annotated {
        return Ok(Vec::new());
    }
    let Some(body) = g["text"].as_str() else { bail!("{}: field \"text\": missing", path.display()) };
    let mut gold: Vec<(Category, f64)> = Vec::new();
    for (k, c) in g["counts"].as_array().into_iter().flatten().enumerate() {
        let cat = c["category"].as_str().unwrap_or_default();
        let cat: Category =
            cat.parse().map_err(|e| anyhow::anyhow!("{}: counts[{k}].category: {e}", path.display()))?;
        let Some(v) = c["value"].as_f64() else { bail!("{}: counts[{k}].value: not a number", path.display()) };
        gold.push((cat, v));
    }
    let mut used = vec![false; gold.len()];
    let mut out = Vec::new();
    for c in candidates(body, g["published"].as_str()) {
        for (cat, features) in c.pairs {
            // each gold count labels one figure: the first candidate of its category and value
            let hit = gold.iter().enumerate().position(|(k, g)| !used[k] && g.0 == cat && g.1 == c.value);
            if let Some(k) = hit {
                used[k] = true;
            }
            out.push(Example { features, count: hit.is_some() });
        }
    }
    Ok(out)
}

/// One labelled corpus figure.
struct Figure {
    sentence: String,
    /// Byte span of the figure in the sentence.
    span: std::ops::Range<usize>,
    /// The categories it counts (none: no count).
    categories: Vec<Category>,
}

fn read_figures(path: &Path, part: &str) -> anyhow::Result<Vec<Figure>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), n + 1);
        let r: serde_json::Value = serde_json::from_str(line).with_context(at)?;
        if r["part"].as_str() != Some(part) {
            continue;
        }
        let sentence = r["sentence"].as_str().with_context(|| format!("{}: field \"sentence\"", at()))?;
        let char_at = |field: &str| -> anyhow::Result<usize> {
            let c = r[field].as_u64().with_context(|| format!("{}: field {field:?}: not a number", at()))? as usize;
            sentence
                .char_indices()
                .map(|(b, _)| b)
                .chain(std::iter::once(sentence.len()))
                .nth(c)
                .with_context(|| format!("{}: field {field:?}: past the sentence's end", at()))
        };
        let span = char_at("start")?..char_at("end")?;
        let mut categories = Vec::new();
        for c in r["categories"].as_array().into_iter().flatten() {
            let c = c.as_str().unwrap_or_default();
            categories.push(c.parse().map_err(|e| anyhow::anyhow!("{}: field \"categories\": {e}", at()))?);
        }
        out.push(Figure { sentence: sentence.to_string(), span, categories });
    }
    Ok(out)
}

/// The candidate a labelled figure is (the one whose span overlaps it), if it is one.
fn figure_candidate(f: &Figure) -> Option<Candidate> {
    candidates(&f.sentence, None).into_iter().find(|c| c.span.start < f.span.end && f.span.start < c.span.end)
}

fn name_of(c: Option<Category>) -> String {
    c.map_or("-".into(), |c| c.to_string())
}

/// The model's category for a candidate: the best pair above zero.
fn predict(m: &CountModel, c: &Candidate) -> Option<Category> {
    c.pairs
        .iter()
        .map(|(cat, f)| (*cat, m.score(f)))
        .filter(|&(_, s)| s > 0.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|x| x.0)
}

/// Accuracy, and precision and recall of counts (a count is right when its category is one the
/// figure counts).
fn report(name: &str, pairs: &[(Vec<Category>, Option<Category>)]) {
    let right = |(g, p): &&(Vec<Category>, Option<Category>)| match p {
        Some(p) => g.contains(p),
        None => g.is_empty(),
    };
    let n_right = pairs.iter().filter(right).count();
    let tp = pairs.iter().filter(|x| x.1.is_some()).filter(right).count();
    let said = pairs.iter().filter(|x| x.1.is_some()).count();
    let gold = pairs.iter().filter(|x| !x.0.is_empty()).count();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, said), ratio(tp, gold));
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    println!(
        "{name}: accuracy {:.3} ({n_right}/{}), counts P {p:.3} R {r:.3} F1 {f:.3} ({tp} right of {said} given, {gold} in gold)",
        ratio(n_right, pairs.len()),
        pairs.len()
    );
}

pub fn run(cmd: CountsCommand) -> anyhow::Result<bool> {
    match cmd {
        CountsCommand::Train { gold, figures, part, output, epochs, seed, orders } => {
            let mut examples = Vec::new();
            let files = gold_files(&gold)?;
            for f in &files {
                examples.extend(gold_examples(f)?);
            }
            let from_gold = examples.len();
            let figs = read_figures(&figures, &part)?;
            let mut skipped = 0;
            for f in &figs {
                match figure_candidate(f) {
                    Some(c) => {
                        for (cat, features) in c.pairs {
                            examples.push(Example { features, count: f.categories.contains(&cat) });
                        }
                    }
                    None => skipped += 1,
                }
            }
            let positive = examples.iter().filter(|e| e.count).count();
            eprintln!(
                "{} (figure, category) pairs, {positive} of them counts: {from_gold} from {} gold articles, the rest from {} of {} labelled figures ({skipped} are no candidate)",
                examples.len(),
                files.len(),
                figs.len() - skipped,
                figs.len()
            );
            let m = CountModel::train_orders(&examples, epochs, seed, orders);
            let right = examples.iter().filter(|e| (m.score(&e.features) > 0.0) == e.count).count();
            eprintln!("on its training pairs: {right} of {} right", examples.len());
            std::fs::write(&output, m.to_tsv()).with_context(|| format!("writing {}", output.display()))?;
            eprintln!("wrote {} ({} weights)", output.display(), m.len());
            Ok(true)
        }
        CountsCommand::Explain { text } => {
            let m = CountModel::embedded();
            for c in candidates(&text, None) {
                println!("[{}] value {} (rules: {})", &text[c.span.clone()], c.value, name_of(c.rule));
                for (cat, features) in &c.pairs {
                    println!("  {cat}: {:.3}", m.score(features));
                    let mut w: Vec<(f32, &String)> =
                        features.iter().map(|f| (m.score(std::slice::from_ref(f)), f)).filter(|x| x.0 != 0.0).collect();
                    w.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
                    for (x, f) in w {
                        println!("    {x:+.3} {f}");
                    }
                }
            }
            Ok(true)
        }
        CountsCommand::Eval { figures, part, model, errors } => {
            let m = match model {
                Some(p) => {
                    let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
                    CountModel::from_tsv(&text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?
                }
                None => CountModel::embedded().clone(),
            };
            let figs = read_figures(&figures, &part)?;
            let (mut model_pairs, mut rule_pairs) = (Vec::new(), Vec::new());
            for f in &figs {
                // a figure that is no candidate is no count, for the model and the rules alike
                let c = figure_candidate(f);
                let (p, r) = c.as_ref().map_or((None, None), |c| (predict(&m, c), c.rule));
                let wrong = match p {
                    Some(p) => !f.categories.contains(&p),
                    None => !f.categories.is_empty(),
                };
                if errors && wrong {
                    let s = &f.sentence;
                    let from = s[..f.span.start].char_indices().rev().nth(50).map_or(0, |(b, _)| b);
                    let to = s[f.span.end..].char_indices().nth(40).map_or(s.len(), |(b, _)| f.span.end + b);
                    println!(
                        "gold {} model {} rules {}{}\t{}[{}]{}",
                        f.categories.first().map_or("-".into(), |c| c.to_string()),
                        name_of(p),
                        name_of(r),
                        if c.is_none() { " (no candidate)" } else { "" },
                        &s[from..f.span.start],
                        &s[f.span.clone()],
                        &s[f.span.end..to]
                    );
                }
                model_pairs.push((f.categories.clone(), p));
                rule_pairs.push((f.categories.clone(), r));
            }
            println!("{} figures of part {part:?} in {}", figs.len(), figures.display());
            report("model", &model_pairs);
            report("rules", &rule_pairs);
            Ok(true)
        }
    }
}
