//! The trained count decision: every figure with a word of the seven categories near it is a
//! candidate, with every category those words name; averaged perceptrons (Collins 2002), the mean
//! of several trained in different example orders, score each (figure, category) pair from the
//! words around the figure and the category's words among them, and the best pair above zero is
//! the count. The features say how a category's words stand to the figure rather than which
//! category it is, so the categories with few examples learn from the others. What the rules in [`crate::counts`] would say is one of the features,
//! so the model learns where they hold and where they do not, from gold articles and from corpus
//! figures labelled by reading (`data/counts/figures.jsonl`).
//!
//! The weights are `data/count_model.tsv`, written by `khabar counts train` from the committed
//! training data; the same data and options give the same file byte for byte. Hand-written
//! because the model is forty lines and no crate of the field gives an averaged perceptron over
//! string features with a deterministic, diffable text format.
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The model's weights: one for every feature it knows. A (figure, category) pair is a count
/// when the weights of its features sum above zero.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct CountModel {
    weights: FxHashMap<String, f32>,
}

/// One training example: the features of a (figure, category) pair and whether the figure
/// counts people of that category.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<String>,
    pub count: bool,
}

const HEADER: &str = "# Count decision weights (the mean of averaged perceptrons trained in several example orders, over (figure, category) pairs), written by `khabar counts train`; Apache-2.0 (the project's license).\n\
# Trained on the gold articles in tests/data/gold (dev, dev-counts), data/gold/train and data/gold/train2, and on the train part of the corpus figures in data/counts/figures.jsonl (texts: ANT Corpus v2.1, Apache-2.0).\n\
# feature\tweight\n";

impl CountModel {
    /// The committed model.
    pub fn embedded() -> &'static CountModel {
        static M: LazyLock<CountModel> = LazyLock::new(|| {
            CountModel::from_tsv(include_str!("../data/count_model.tsv"))
                .unwrap_or_else(|e| panic!("data/count_model.tsv (built into the binary): {e}"))
        });
        &M
    }

    /// The score of a pair's features: a count above zero.
    pub fn score<S: AsRef<str>>(&self, features: &[S]) -> f32 {
        features.iter().filter_map(|f| self.weights.get(f.as_ref())).sum()
    }

    /// Averaged perceptron over the examples, `epochs` passes in an order drawn from `seed`.
    pub fn train(examples: &[Example], epochs: usize, seed: u64) -> CountModel {
        let mut w: FxHashMap<&str, f32> = FxHashMap::default();
        // the running sum of each weight's updates weighted by when they happened (the averaging
        // trick of Daumé's thesis): average = w - total / steps
        let mut total: FxHashMap<&str, f32> = FxHashMap::default();
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed.max(1);
        let mut step = 1f32;
        for _ in 0..epochs {
            // Fisher–Yates with xorshift64: a fixed seed gives a fixed order on every machine
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &i in &order {
                let ex = &examples[i];
                let s: f32 = ex.features.iter().filter_map(|f| w.get(f.as_str())).sum();
                if (s > 0.0) != ex.count {
                    let delta = if ex.count { 1.0 } else { -1.0 };
                    for f in &ex.features {
                        *w.entry(f.as_str()).or_default() += delta;
                        *total.entry(f.as_str()).or_default() += delta * step;
                    }
                }
                step += 1.0;
            }
        }
        let mut weights = FxHashMap::default();
        for (f, v) in w {
            // rounded as the text file keeps it, so a trained model equals its reloaded file
            let avg = round(v - total.get(f).copied().unwrap_or_default() / step);
            if avg != 0.0 {
                weights.insert(f.to_string(), avg);
            }
        }
        CountModel { weights }
    }

    /// The mean of `orders` perceptrons, each trained in the order drawn from `seed`, `seed + 1`…
    /// With a few hundred examples one order's model turns on which examples come last: adding
    /// a word to the lexicon moved dozens of corpus figures either way. The mean keeps what
    /// every order learns (the bagging of Breiman 1996, here over orders rather than samples).
    pub fn train_orders(examples: &[Example], epochs: usize, seed: u64, orders: usize) -> CountModel {
        let orders = orders.max(1);
        let mut sum: FxHashMap<String, f32> = FxHashMap::default();
        for k in 0..orders as u64 {
            for (f, v) in CountModel::train(examples, epochs, seed.wrapping_add(k)).weights {
                *sum.entry(f).or_default() += v;
            }
        }
        let weights = sum.into_iter().map(|(f, v)| (f, round(v / orders as f32))).filter(|&(_, v)| v != 0.0).collect();
        CountModel { weights }
    }

    /// The weights as the text file keeps them: features sorted, four decimals.
    pub fn to_tsv(&self) -> String {
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        let mut out = String::from(HEADER);
        for k in keys {
            out.push_str(&format!("{k}\t{:.4}\n", self.weights[k]));
        }
        out
    }

    /// Reads the text file; an error names the line.
    pub fn from_tsv(text: &str) -> Result<CountModel, String> {
        let mut weights = FxHashMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let Some((feature, w)) = line.split_once('\t') else {
                return Err(format!("line {}: no weight after the feature", n + 1));
            };
            let w: f32 = w.parse().map_err(|_| format!("line {}: weight {w:?} is not a number", n + 1))?;
            weights.insert(feature.to_string(), w);
        }
        Ok(CountModel { weights })
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

fn round(x: f32) -> f32 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(f: &[&str], count: bool) -> Example {
        Example { features: f.iter().map(|s| s.to_string()).collect(), count }
    }

    #[test]
    fn learns_separable_data_and_round_trips() {
        let data = vec![
            ex(&["w=قتل", "person"], true),
            ex(&["w=اصابه", "person"], true),
            ex(&["w=نقطه", "unit"], false),
            ex(&["year"], false),
        ];
        let m = CountModel::train(&data, 10, 7);
        for e in &data {
            assert_eq!(m.score(&e.features) > 0.0, e.count, "{:?}", e.features);
        }
        let back = CountModel::from_tsv(&m.to_tsv()).unwrap();
        assert_eq!(back, m);
        assert_eq!(CountModel::train(&data, 10, 7).to_tsv(), m.to_tsv());
        let mean = CountModel::train_orders(&data, 10, 7, 5);
        for e in &data {
            assert_eq!(mean.score(&e.features) > 0.0, e.count, "{:?}", e.features);
        }
        assert_eq!(CountModel::train_orders(&data, 10, 7, 1), m);
    }

    #[test]
    fn bad_weights_name_the_line() {
        assert!(CountModel::from_tsv("# x\nbias").unwrap_err().starts_with("line 2"));
        assert!(CountModel::from_tsv("b\tx").unwrap_err().contains("\"x\""));
    }

    #[test]
    fn the_committed_model_loads() {
        assert!(!CountModel::embedded().is_empty());
    }
}
