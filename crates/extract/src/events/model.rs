//! The trigger classifier: a multiclass averaged perceptron (Collins 2002; Freund and Schapire's
//! averaging) over the features of a candidate word ([`super::features`]), deciding whether it
//! names an event and of which type. Trained by [`train`] (`khabar events train`); the weights
//! are a text file (`data/event_model.txt`: one feature a line with its five weights) that the
//! build embeds, so that a retraining shows as a diff and reproduces the file byte for byte.
use khabar_model::EventType;
use rustc_hash::FxHashMap;
use std::fmt::Write;
use std::sync::LazyLock;

/// What the classifier decides: no event, or one of the four types.
pub const LABELS: [Option<EventType>; 5] =
    [None, Some(EventType::Protest), Some(EventType::Assault), Some(EventType::Coerce), Some(EventType::Mobilize)];
const L: usize = LABELS.len();

static EMBEDDED: &str = include_str!("../../data/event_model.txt");
static MODEL: LazyLock<Model> = LazyLock::new(|| match Model::parse(EMBEDDED) {
    Ok(m) => m,
    // a corrupt embedded asset is a build defect, and a classifier that silently finds no
    // event would hide it (a test loads it)
    Err(e) => panic!(
        "the embedded event model (crates/extract/data/event_model.txt) does not read: {e}; \
         restore it from git or retrain it with `khabar events train`"
    ),
});

/// Weights by feature, one per label.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    weights: FxHashMap<String, [f32; L]>,
}

impl Model {
    /// The model Khabar ships.
    pub fn embedded() -> &'static Model {
        &MODEL
    }

    /// The label index with the highest score for these features (ties to the lower index,
    /// "no event" first) and the margin of that label over "no event".
    pub fn predict(&self, feats: &[String]) -> (usize, f32) {
        let s = self.scores(feats);
        let best = (0..L).fold(0, |b, k| if s[k] > s[b] { k } else { b });
        (best, s[best] - s[0])
    }

    fn scores(&self, feats: &[String]) -> [f32; L] {
        let mut s = [0f32; L];
        for f in feats {
            if let Some(w) = self.weights.get(f.as_str()) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The text form: a header, then `feature<TAB>w0 w1 w2 w3 w4` sorted by feature, weights
    /// rounded to four decimals (what [`Model::parse`] reads back to the same model).
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# Khabar's event trigger classifier: averaged perceptron weights (labels: none PROTEST ASSAULT COERCE MOBILIZE), \
             trained by `khabar events train` on gold event annotations written for Khabar (Apache-2.0).\n",
        );
        let mut rows: Vec<(&String, [f32; L])> = self.weights.iter().map(|(f, w)| (f, round(w))).collect();
        rows.retain(|(_, w)| w.iter().any(|x| *x != 0.0));
        rows.sort_by(|a, b| a.0.cmp(b.0));
        for (f, w) in rows {
            let _ = write!(out, "{f}\t");
            for (k, x) in w.iter().enumerate() {
                let _ = write!(out, "{}{}", if k > 0 { " " } else { "" }, fmt(*x));
            }
            out.push('\n');
        }
        out
    }

    /// Reads [`Model::to_text`]'s form; the error names the line.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut weights = FxHashMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |what: &str| format!("line {}: {what}", n + 1);
            let (f, ws) = line.split_once('\t').ok_or_else(|| bad("no tab after the feature"))?;
            let mut w = [0f32; L];
            let mut k = 0;
            for x in ws.split(' ') {
                if k == L {
                    return Err(bad("more than five weights"));
                }
                w[k] = x.parse().map_err(|_| bad(&format!("{x:?} is not a number")))?;
                k += 1;
            }
            if k != L {
                return Err(bad("fewer than five weights"));
            }
            weights.insert(f.to_string(), w);
        }
        Ok(Model { weights })
    }
}

fn round(w: &[f32; L]) -> [f32; L] {
    w.map(|x| {
        let r = (x * 10_000.0).round() / 10_000.0;
        if r == 0.0 {
            0.0
        } else {
            r
        }
    })
}

fn fmt(x: f32) -> String {
    if x == 0.0 {
        "0".into()
    } else {
        format!("{x:.4}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One training example: a candidate's features and its label (an index into [`LABELS`]).
pub type Example = (Vec<String>, usize);

/// xorshift64*: a fixed sequence for a seed, so that training is reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// How many perceptrons, each over its own order of the examples, [`train`] averages: one
/// order's weights move with any change of a feature (a few events more or fewer on the same
/// gold); the mean of several is steadier.
pub const ORDERS: u64 = 25;

/// Trains on examples for `epochs` passes, [`ORDERS`] times in orders shuffled from `seed`; the
/// weights returned are each run's average over every step (w − u / c, with u summing each
/// update times its step), averaged over the runs, as four-decimal values (the model as it is
/// saved).
pub fn train(examples: &[Example], epochs: usize, seed: u64) -> Model {
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let data: Vec<(Vec<usize>, usize)> = examples
        .iter()
        .map(|(fs, y)| {
            let ids = fs
                .iter()
                .map(|f| {
                    *index.entry(f.as_str()).or_insert_with(|| {
                        names.push(f.as_str());
                        names.len() - 1
                    })
                })
                .collect();
            (ids, *y)
        })
        .collect();
    let n = names.len();
    let mut sum = vec![[0f64; L]; n];
    for run in 0..ORDERS {
        let avg = train_one(&data, n, epochs, seed.wrapping_add(run));
        for (s, a) in sum.iter_mut().zip(&avg) {
            for k in 0..L {
                s[k] += a[k];
            }
        }
    }
    let weights = names
        .iter()
        .enumerate()
        .map(|(f, name)| {
            let avg: [f32; L] = std::array::from_fn(|k| (sum[f][k] / ORDERS as f64) as f32);
            (name.to_string(), round(&avg))
        })
        .filter(|(_, w)| w.iter().any(|x| *x != 0.0))
        .collect();
    Model { weights }
}

/// One averaged perceptron over `data` (feature ids, label) with `n` features.
fn train_one(data: &[(Vec<usize>, usize)], n: usize, epochs: usize, seed: u64) -> Vec<[f64; L]> {
    let mut w = vec![[0f64; L]; n];
    let mut u = vec![[0f64; L]; n];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(seed.max(1));
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &e in &order {
            let (fs, y) = &data[e];
            let mut s = [0f64; L];
            for &f in fs {
                for k in 0..L {
                    s[k] += w[f][k];
                }
            }
            let p = (0..L).fold(0, |b, k| if s[k] > s[b] { k } else { b });
            if p != *y {
                for &f in fs {
                    w[f][*y] += 1.0;
                    w[f][p] -= 1.0;
                    u[f][*y] += c;
                    u[f][p] -= c;
                }
            }
            c += 1.0;
        }
    }
    w.iter().zip(&u).map(|(w, u)| std::array::from_fn(|k| w[k] - u[k] / c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(fs: &[&str], y: usize) -> Example {
        (fs.iter().map(|s| s.to_string()).collect(), y)
    }

    #[test]
    fn learns_round_trips_and_reproduces() {
        let data = vec![
            ex(&["b", "w=هجوم", "ctx=sport"], 0),
            ex(&["b", "w=هجوم", "near=LOC"], 2),
            ex(&["b", "w=اعتقال"], 3),
            ex(&["b", "w=تظاهره", "ctx=culture"], 0),
            ex(&["b", "w=تظاهره"], 1),
        ];
        let m = train(&data, 10, 7);
        let f = |fs: &[&str]| m.predict(&fs.iter().map(|s| s.to_string()).collect::<Vec<_>>()).0;
        assert_eq!(f(&["b", "w=هجوم", "ctx=sport"]), 0);
        assert_eq!(f(&["b", "w=هجوم", "near=LOC"]), 2);
        assert_eq!(f(&["b", "w=اعتقال"]), 3);
        let text = m.to_text();
        let back = Model::parse(&text).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.to_text(), text);
        assert_eq!(train(&data, 10, 7).to_text(), text, "the same data and seed give the same bytes");
        assert!(Model::parse("x\t1 2").unwrap_err().contains("line 1"));
        assert!(Model::parse("x\t1 2 a 4 5").unwrap_err().contains("\"a\""));
    }

    #[test]
    fn the_embedded_model_reads() {
        let m = Model::parse(EMBEDDED).expect("data/event_model.txt reads");
        assert!(m.len() > 100, "{} features", m.len());
    }
}
