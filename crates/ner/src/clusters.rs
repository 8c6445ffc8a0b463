//! Word clusters learned without labels from a news corpus, for the tagger: words that occur in
//! the same contexts (رامسفيلد next to وزير الدفاع, قال …) share a cluster, so a name never seen
//! in the labeled data still looks like the names that were.
//!
//! Each frequent word (clitics off, article kept) gets a vector of its left and right neighbours
//! (positive PMI over the most frequent context words), randomly projected to a few dozen
//! dimensions and normalized; spherical k-means then groups the words at two granularities.
//! Everything is seeded, so the same corpus gives the same clusters.
use khabar_text::clitic::analyze;
use khabar_text::token::{tokenize, TokenKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

const CONTEXTS: usize = 2000;
const DIMS: usize = 96;
const MIN_COUNT: u32 = 5;
const MAX_WORDS: usize = 60_000;

#[derive(Clone, Default)]
pub struct Clusters {
    /// Word → (coarse cluster, fine cluster).
    map: FxHashMap<String, (u16, u16)>,
    /// Word → how a first tagger labeled it across the unlabeled corpus (see [`label_stats`]).
    stats: FxHashMap<String, u16>,
    /// Word → how often it follows a title or a relative adjective (see [`learn`]), bucketed.
    title_ctx: FxHashMap<String, u8>,
    /// The three above in one map, so that a token costs one look-up (rebuilt when they change).
    combined: FxHashMap<String, WordInfo>,
}

/// Everything the unlabeled corpus says of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    pub cluster: (u16, u16),
    pub stat: u16,
    /// Title context in the low two bits, first-name context in the next two.
    pub ctx: u8,
}

impl Default for WordInfo {
    fn default() -> Self {
        WordInfo { cluster: (u16::MAX, u16::MAX), stat: u16::MAX, ctx: 0 }
    }
}

impl Clusters {
    pub fn get(&self, word: &str) -> Option<(u16, u16)> {
        self.map.get(word).copied()
    }
    pub fn len(&self) -> usize {
        self.map.len()
    }
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &(u16, u16))> {
        self.map.iter()
    }
    pub fn from_entries(entries: impl IntoIterator<Item = (String, (u16, u16))>) -> Self {
        let mut c = Clusters { map: entries.into_iter().collect(), ..Default::default() };
        c.rebuild();
        c
    }

    fn rebuild(&mut self) {
        let mut m: FxHashMap<String, WordInfo> = FxHashMap::default();
        for (w, &c) in &self.map {
            m.entry(w.clone()).or_default().cluster = c;
        }
        for (w, &s) in &self.stats {
            m.entry(w.clone()).or_default().stat = s;
        }
        for (w, &c) in &self.title_ctx {
            m.entry(w.clone()).or_default().ctx = c;
        }
        self.combined = m;
    }

    /// What the corpus says of a word, in one look-up.
    pub fn info(&self, word: &str) -> WordInfo {
        self.combined.get(word).copied().unwrap_or_default()
    }
    /// How often the word follows a title or a relative adjective in the corpus: 0 (under 5%),
    /// 1 (5%), 2 (15%), 3 (35% or more). First names do.
    pub fn title_context(&self, word: &str) -> u8 {
        self.title_ctx.get(word).copied().unwrap_or(0) & 3
    }
    /// How often the word follows a first name (a word of title context 2 or more), bucketed
    /// the same way. Family names do.
    pub fn name_context(&self, word: &str) -> u8 {
        self.title_ctx.get(word).copied().unwrap_or(0) >> 2
    }
    pub fn title_contexts(&self) -> impl Iterator<Item = (&String, &u8)> {
        self.title_ctx.iter()
    }
    pub fn set_title_contexts(&mut self, m: FxHashMap<String, u8>) {
        self.title_ctx = m;
        self.rebuild();
    }
    pub fn stat(&self, word: &str) -> Option<u16> {
        self.stats.get(word).copied()
    }
    pub fn stats(&self) -> impl Iterator<Item = (&String, &u16)> {
        self.stats.iter()
    }
    pub fn set_stats(&mut self, stats: FxHashMap<String, u16>) {
        self.stats = stats;
        self.rebuild();
    }
}

/// Aggregates the labels a first tagger gave each word over a whole corpus into one code per
/// word: its most frequent entity type (by index in `types`, 0 = O) times 4 plus how dominant it
/// was (0: under a fifth, 1: a fifth, 2: half, 3: four fifths). Words seen fewer than three times
/// get no code. Evidence from every context a name appears in, in every article, reaches the
/// sentences where its own context says little (Ratinov and Roth 2009, "context aggregation").
pub fn label_stats(counts: &FxHashMap<String, Vec<u32>>) -> FxHashMap<String, u16> {
    let mut out = FxHashMap::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        if total < 3 {
            continue;
        }
        let (best, &n) = c.iter().enumerate().skip(1).max_by_key(|(_, &n)| n).unwrap_or((0, &0));
        let share = n as f64 / total as f64;
        let bucket = if share >= 0.8 {
            3
        } else if share >= 0.5 {
            2
        } else if share >= 0.2 {
            1
        } else {
            0
        };
        out.insert(w.clone(), (best * 4 + bucket) as u16);
    }
    out
}

/// The unit a cluster is learned for: the normalized word without conjunction and preposition.
pub fn unit(norm: &str) -> String {
    analyze(norm).word.into_owned()
}

/// A deterministic generator (xorshift64*), so that clusters and training are reproducible.
pub(crate) struct Rng(u64);
impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
    }
}

/// A corpus as unit ids (see [`unit`]): each unit's spelling and count, each document's ids.
struct Units {
    names: Vec<String>,
    count: Vec<u32>,
    docs: Vec<Vec<u32>>,
}

impl Units {
    fn read<'a>(texts: impl Iterator<Item = &'a str>) -> Units {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut u = Units { names: Vec::new(), count: Vec::new(), docs: Vec::new() };
        for text in texts {
            let mut doc = Vec::new();
            for t in tokenize(text) {
                let name = if t.kind == TokenKind::Arabic {
                    unit(&t.norm)
                } else if t.kind == TokenKind::Number {
                    "<num>".to_string()
                } else {
                    t.norm
                };
                let id = *ids.entry(name.clone()).or_insert_with(|| {
                    u.names.push(name);
                    u.count.push(0);
                    (u.names.len() - 1) as u32
                });
                u.count[id as usize] += 1;
                doc.push(id);
            }
            u.docs.push(doc);
        }
        u
    }

    /// The vocabulary to cluster (frequent units with a letter, most frequent first) and the
    /// context units (the most frequent of all), each as a map to its row.
    fn vocabulary(&self) -> (Vec<u32>, FxHashMap<u32, usize>) {
        let (names, count) = (&self.names, &self.count);
        let mut by_freq: Vec<u32> = (0..names.len() as u32).collect();
        by_freq.sort_by(|&a, &b| {
            count[b as usize].cmp(&count[a as usize]).then(names[a as usize].cmp(&names[b as usize]))
        });
        let ctx_index: FxHashMap<u32, usize> =
            by_freq.iter().take(CONTEXTS).enumerate().map(|(k, &w)| (w, k)).collect();
        let vocab: Vec<u32> = by_freq
            .iter()
            .copied()
            .filter(|&w| count[w as usize] >= MIN_COUNT && names[w as usize].chars().any(|c| c.is_alphabetic()))
            .take(MAX_WORDS)
            .collect();
        (vocab, ctx_index)
    }

    /// Each vocabulary word's left and right context counts (sparse), and the totals per context.
    fn contexts(&self, vocab: &[u32], ctx_index: &FxHashMap<u32, usize>) -> (Vec<FxHashMap<u32, f32>>, Vec<f64>) {
        let row: FxHashMap<u32, usize> = vocab.iter().enumerate().map(|(k, &w)| (w, k)).collect();
        let mut ctx: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); vocab.len()];
        let mut ctx_total = vec![0f64; 2 * CONTEXTS];
        for doc in &self.docs {
            for (i, &w) in doc.iter().enumerate() {
                let Some(&r) = row.get(&w) else { continue };
                if i > 0 {
                    if let Some(&c) = ctx_index.get(&doc[i - 1]) {
                        *ctx[r].entry(c as u32).or_default() += 1.0;
                        ctx_total[c] += 1.0;
                    }
                }
                if let Some(&c) = doc.get(i + 1).and_then(|n| ctx_index.get(n)) {
                    *ctx[r].entry((CONTEXTS + c) as u32).or_default() += 1.0;
                    ctx_total[CONTEXTS + c] += 1.0;
                }
            }
        }
        (ctx, ctx_total)
    }

    /// How often each vocabulary word stands right after a title (الرئيس ترامب) or a relative
    /// adjective (الأمريكي ترامب) — names of people do, verbs and common nouns rarely — in the
    /// low two bits, and after such a first name (دونالد ترامب: family names) in the next two.
    fn title_contexts(&self, vocab: &[u32]) -> FxHashMap<String, u8> {
        let (names, count) = (&self.names, &self.count);
        let is_title: Vec<bool> =
            names.iter().map(|n| crate::triggers::TITLES.contains(n) || is_nisba_unit(n)).collect();
        let mut after_title = vec![0u32; names.len()];
        for doc in &self.docs {
            for w in doc.windows(2) {
                if is_title[w[0] as usize] {
                    after_title[w[1] as usize] += 1;
                }
            }
        }
        let bucket = |n: u32, of: u32| {
            let share = n as f64 / of.max(1) as f64;
            if share >= 0.35 {
                3u8
            } else if share >= 0.15 {
                2
            } else if share >= 0.05 {
                1
            } else {
                0
            }
        };
        let title_b: Vec<u8> = (0..names.len()).map(|w| bucket(after_title[w], count[w])).collect();
        let mut after_first = vec![0u32; names.len()];
        for doc in &self.docs {
            for w in doc.windows(2) {
                if title_b[w[0] as usize] >= 2 && !is_title[w[0] as usize] && count[w[0] as usize] >= MIN_COUNT {
                    after_first[w[1] as usize] += 1;
                }
            }
        }
        vocab
            .iter()
            .filter_map(|&w| {
                let w = w as usize;
                let b = title_b[w] | (bucket(after_first[w], count[w]) << 2);
                (b > 0).then(|| (names[w].clone(), b))
            })
            .collect()
    }
}

/// Word vectors from context counts: positive PMI, randomly projected to [`DIMS`] dimensions,
/// normalized.
fn ppmi_vectors(ctx: &[FxHashMap<u32, f32>], ctx_total: &[f64], rng: &mut Rng) -> Vec<[f32; DIMS]> {
    let grand: f64 = ctx_total.iter().sum::<f64>().max(1.0);
    let proj: Vec<f32> = (0..2 * CONTEXTS * DIMS).map(|_| rng.unit()).collect();
    ctx.iter()
        .map(|m| {
            let total: f32 = m.values().sum::<f32>().max(1.0);
            let mut v = [0f32; DIMS];
            for (&c, &n) in m {
                let pmi = ((n as f64 / total as f64) / (ctx_total[c as usize] / grand)).ln();
                if pmi > 0.0 {
                    let p = &proj[c as usize * DIMS..(c as usize + 1) * DIMS];
                    for d in 0..DIMS {
                        v[d] += pmi as f32 * p[d];
                    }
                }
            }
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|x| *x /= norm);
            v
        })
        .collect()
}

/// Learns clusters from texts: `coarse` and `fine` clusters, `iters` rounds of k-means.
pub fn learn<'a>(
    texts: impl Iterator<Item = &'a str>,
    coarse: usize,
    fine: usize,
    iters: usize,
    seed: u64,
) -> Clusters {
    let units = Units::read(texts);
    let (vocab, ctx_index) = units.vocabulary();
    let (ctx, ctx_total) = units.contexts(&vocab, &ctx_index);
    let mut rng = Rng::new(seed);
    let vecs = ppmi_vectors(&ctx, &ctx_total, &mut rng);
    let title_ctx = units.title_contexts(&vocab);
    let coarse_ids = kmeans(&vecs, coarse, iters, &mut rng);
    let fine_ids = kmeans(&vecs, fine, iters, &mut rng);
    let mut c = Clusters::from_entries(
        vocab.iter().enumerate().map(|(k, &w)| (units.names[w as usize].clone(), (coarse_ids[k], fine_ids[k]))),
    );
    c.set_title_contexts(title_ctx);
    c
}

/// A definite relative adjective (الأمريكي، الروسية).
fn is_nisba_unit(n: &str) -> bool {
    n.starts_with("ال") && n.chars().count() >= 5 && (n.ends_with('ي') || n.ends_with("يه"))
}

/// Spherical k-means; centroids start at the most frequent words spread over the vocabulary.
fn kmeans(vecs: &[[f32; DIMS]], k: usize, iters: usize, rng: &mut Rng) -> Vec<u16> {
    let k = k.min(vecs.len()).max(1);
    let mut cent: Vec<[f32; DIMS]> = (0..k).map(|_| vecs[(rng.next() % vecs.len() as u64) as usize]).collect();
    let mut assign: Vec<u16> = vec![0u16; vecs.len()];
    for _ in 0..iters {
        assign = vecs
            .par_iter()
            .map(|v| {
                let mut best = (f32::NEG_INFINITY, 0);
                for (c, m) in cent.iter().enumerate() {
                    let s: f32 = v.iter().zip(m).map(|(a, b)| a * b).sum();
                    if s > best.0 {
                        best = (s, c);
                    }
                }
                best.1 as u16
            })
            .collect();
        let mut sums = vec![[0f32; DIMS]; k];
        for (i, v) in vecs.iter().enumerate() {
            let s = &mut sums[assign[i] as usize];
            for d in 0..DIMS {
                s[d] += v[d];
            }
        }
        for (c, s) in sums.iter().enumerate() {
            let n = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if n > 1e-9 {
                for d in 0..DIMS {
                    cent[c][d] = s[d] / n;
                }
            }
        }
    }
    assign
}
