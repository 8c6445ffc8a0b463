//! The tagger: an averaged structured perceptron (Collins 2002) over BIO labels with first-order
//! label transitions, decoded by Viterbi restricted to valid sequences.
use crate::clusters::{Clusters, Rng};
use crate::features::{
    context_features, features, mark_gazetteer, token_info, with_sentence, word_features, word_statics, Prepared,
    WordStatics, ROWS,
};
use crate::{Error, Result};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use std::io::{Read, Write};
use std::sync::LazyLock;

static EMBEDDED: &[u8] = include_bytes!("../data/model.bin.gz");
static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| decode_embedded(EMBEDDED));

/// The embedded model: none when `data/model.bin.gz` is empty (no model trained yet); a panic
/// when it does not decode, since a corrupt embedded asset is a build defect and a tagger that
/// silently finds no entity would hide it.
fn decode_embedded(bytes: &[u8]) -> Option<Model> {
    if bytes.is_empty() {
        return None;
    }
    match Model::from_bytes(bytes) {
        Ok(m) => Some(m),
        Err(e) => panic!(
            "the embedded NER model (crates/ner/data/model.bin.gz, {} bytes) does not decode: {e}; \
             restore it from git or retrain it with `khabar ner train`",
            bytes.len()
        ),
    }
}

const MAGIC: &[u8; 6] = b"KNER02";

/// The owner of a word cache (a model's address), and by word as written: its statics and the
/// summed scores of its own features.
type WordScores = (usize, rustc_hash::FxHashMap<Box<str>, (WordStatics, [f32; MAX_LABELS])>);

/// The most labels a model may have (the word-score cache holds them inline).
const MAX_LABELS: usize = 16;

thread_local! {
    /// Per thread: the summed weights of each word's own features, by the word as written. The
    /// cache belongs to one model at a time: tagging with another clears it.
    static WORD_SCORES: std::cell::RefCell<WordScores> = std::cell::RefCell::new((0, rustc_hash::FxHashMap::default()));
}

/// Costs of the loss-augmented training decoder (see [`train`]).
const COST_MISS: f32 = 3.0;
const COST_FALSE: f32 = 1.0;

#[derive(Clone)]
pub struct Model {
    labels: Vec<String>,
    /// `ROWS × L` emission weights, while training; empty once the model is packed.
    weights: Vec<f32>,
    /// `(L + 1) × L` transition weights; row L is the start of the sentence.
    trans: Vec<f32>,
    /// Word clusters learned from unlabeled text (empty without `--unlabeled`).
    clusters: Clusters,
    /// One bit per weight row of a packed model: set where the row has a weight. A feature the
    /// training data never gave weight to (most word pairs and trigrams of new text) is skipped
    /// without touching the weights.
    live: Vec<u64>,
    /// Live rows before each 64-row block: the rank of a live row is `rank[f / 64]` plus the
    /// live bits below it in its block. Bits (128 KB) and ranks (64 KB) stay in the L2 cache.
    rank: Vec<u32>,
    /// The live rows only, in row order (`rank × L`), as 16-bit steps of [`Model::scale`]: a
    /// fraction of the full table's size, so that scoring, which is one random read per feature,
    /// misses the cache less. The rounding (at most half a step, about 1/65,000 of the largest
    /// weight) changes no tag on ANERcorp's test set.
    packed: Vec<i16>,
    scale: f32,
}

/// Whether `cur` may follow `prev` (`None`: the start of a sentence) in BIO.
fn allowed(labels: &[String], prev: Option<usize>, cur: usize) -> bool {
    match labels[cur].strip_prefix("I-") {
        None => true,
        Some(t) => prev.is_some_and(|p| labels[p].get(2..) == Some(t) && labels[p] != "O"),
    }
}

impl Model {
    /// The model shipped with Khabar, if one was trained into `data/model.bin.gz`.
    pub fn embedded() -> Option<&'static Model> {
        MODEL.as_ref()
    }

    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// The types corpus label statistics are indexed by: `O`, then each `B-` label's type.
    pub fn entity_types(&self) -> Vec<&str> {
        std::iter::once("O").chain(self.labels.iter().filter_map(|l| l.strip_prefix("B-"))).collect()
    }

    /// How the tagger labeled a word (clitics off) across the unlabeled corpus: its most frequent
    /// entity type and that type's share bucket (0: under a fifth … 3: four fifths or more).
    pub fn corpus_type(&self, word: &str) -> Option<(&str, u8)> {
        let code = self.clusters.stat(word)?;
        let k = (code / 4) as usize;
        let ty = if k == 0 { "O" } else { self.labels.iter().filter_map(|l| l.strip_prefix("B-")).nth(k - 1)? };
        Some((ty, (code % 4) as u8))
    }

    fn emissions(&self, feats: &[Vec<u32>]) -> Vec<f32> {
        let l = self.labels.len();
        let mut e = vec![0f32; feats.len() * l];
        for (i, fs) in feats.iter().enumerate() {
            self.add_emissions(fs, &mut e[i * l..(i + 1) * l]);
        }
        e
    }

    /// Keeps only the rows with a weight (see [`Model::packed`]); the full table is dropped.
    fn pack(&mut self) {
        let l = self.labels.len();
        let mut live = vec![0u64; ROWS / 64];
        let mut rank = vec![0u32; ROWS / 64];
        let mut packed = Vec::new();
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        for r in 0..ROWS {
            if r % 64 == 0 {
                rank[r / 64] = (packed.len() / l) as u32;
            }
            let w = &self.weights[r * l..(r + 1) * l];
            if w.iter().any(|w| *w != 0.0) {
                live[r / 64] |= 1 << (r % 64);
                packed.extend(w.iter().map(|w| (w / scale).round() as i16));
            }
        }
        self.live = live;
        self.rank = rank;
        self.packed = packed;
        self.scale = scale;
        self.weights = Vec::new();
    }

    /// [`Model::pack`] from the rows that have weights, `(row, position in values)`, without the
    /// full table: the same packed model (a row given twice keeps its last weights).
    fn pack_rows(&mut self, mut index: Vec<(usize, usize)>, values: &[f32]) {
        let l = self.labels.len();
        index.sort_by_key(|&(row, n)| (row, std::cmp::Reverse(n)));
        index.dedup_by_key(|x| x.0);
        let row = |n: usize| &values[n * l..(n + 1) * l];
        index.retain(|&(_, n)| row(n).iter().any(|w| *w != 0.0));
        let max = index.iter().flat_map(|&(_, n)| row(n)).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let mut live = vec![0u64; ROWS / 64];
        let mut rank = vec![0u32; ROWS / 64];
        let mut packed = Vec::with_capacity(index.len() * l);
        let mut next = index.iter().peekable();
        for block in 0..ROWS / 64 {
            rank[block] = (packed.len() / l) as u32;
            while let Some(&&(r, n)) = next.peek().filter(|(r, _)| r / 64 == block) {
                live[block] |= 1 << (r % 64);
                packed.extend(row(n).iter().map(|w| (w / scale).round() as i16));
                next.next();
            }
        }
        self.live = live;
        self.rank = rank;
        self.packed = packed;
        self.scale = scale;
    }

    /// The rank of feature row `f` among the live rows of a packed model, if it has weights.
    #[inline]
    fn packed_index(&self, f: usize) -> Option<usize> {
        let block = self.live[f / 64];
        let bit = 1u64 << (f % 64);
        if block & bit == 0 {
            return None;
        }
        Some(self.rank[f / 64] as usize + (block & (bit - 1)).count_ones() as usize)
    }

    /// The packed weights of feature row `f` (in steps of `scale`), if it has any.
    #[inline]
    fn packed_row(&self, f: usize) -> Option<&[i16]> {
        let l = self.labels.len();
        self.packed_index(f).map(|d| &self.packed[d * l..(d + 1) * l])
    }

    /// Adds the packed rows of features `fs` to `acc`, for a model of `L` labels.
    #[inline(always)]
    fn sum_rows<const L: usize>(&self, fs: &[u32], acc: &mut [i32; MAX_LABELS]) {
        for &f in fs {
            let Some(d) = self.packed_index(f as usize) else { continue };
            if let Some(w) = self.packed.get(d * L..(d + 1) * L) {
                for k in 0..L {
                    acc[k] += w[k] as i32;
                }
            }
        }
    }

    /// The weights of feature row `f`, if it has any (for saving).
    fn row(&self, f: usize) -> Option<Vec<f32>> {
        let l = self.labels.len();
        if !self.weights.is_empty() {
            return Some(self.weights[f * l..(f + 1) * l].to_vec());
        }
        self.packed_row(f).map(|w| w.iter().map(|&x| x as f32 * self.scale).collect())
    }

    /// Adds the weights of features `fs` to one token's label scores.
    #[inline]
    fn add_emissions(&self, fs: &[u32], row: &mut [f32]) {
        let l = self.labels.len();
        if !self.weights.is_empty() {
            // training: the full table
            for &f in fs {
                let w = &self.weights[f as usize * l..(f as usize + 1) * l];
                for (r, x) in row.iter_mut().zip(w) {
                    *r += x;
                }
            }
            return;
        }
        // integer sums, scaled once: exact, and no conversion per weight
        let mut acc = [0i32; MAX_LABELS];
        match l {
            // four entity types in BIO, as every model trained here has: the row length known
            // to the compiler, so that the sum is unrolled and vectorized
            9 => self.sum_rows::<9>(fs, &mut acc),
            _ => {
                for &f in fs {
                    if let Some(w) = self.packed_row(f as usize) {
                        for (a, &x) in acc.iter_mut().zip(w) {
                            *a += x as i32;
                        }
                    }
                }
            }
        }
        for (r, a) in row.iter_mut().zip(&acc[..l]) {
            *r += *a as f32 * self.scale;
        }
    }

    fn viterbi(&self, em: &[f32], n: usize) -> Vec<usize> {
        const M: usize = MAX_LABELS;
        let l = self.labels.len();
        if n == 0 {
            return Vec::new();
        }
        // the transitions with the pairs BIO forbids at minus infinity, worked out once per
        // sentence, in rows of M so that the loop below runs over whole rows without a branch
        let mut t = [f32::NEG_INFINITY; (M + 1) * M];
        for p in 0..=l {
            for c in 0..l {
                if allowed(&self.labels, if p == l { None } else { Some(p) }, c) {
                    t[p * M + c] = self.trans[p * l + c];
                }
            }
        }
        let mut score = vec![f32::NEG_INFINITY; n * l];
        let mut back = vec![0u8; n * l];
        for c in 0..l {
            score[c] = t[l * M + c] + em[c];
        }
        for i in 1..n {
            let (done, rest) = score.split_at_mut(i * l);
            let prev = &done[(i - 1) * l..];
            let mut best = [f32::NEG_INFINITY; M];
            let mut arg = [0u8; M];
            // the first best predecessor wins a tie, as a strict comparison in label order gives
            for (p, &sp) in prev.iter().enumerate() {
                let row = &t[p * M..(p + 1) * M];
                for c in 0..M {
                    let s = sp + row[c];
                    if s > best[c] {
                        best[c] = s;
                        arg[c] = p as u8;
                    }
                }
            }
            for c in 0..l {
                rest[c] = best[c] + em[i * l + c];
            }
            back[i * l..(i + 1) * l].copy_from_slice(&arg[..l]);
        }
        let mut last = (0..l).max_by(|&a, &b| score[(n - 1) * l + a].total_cmp(&score[(n - 1) * l + b])).unwrap_or(0);
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = last;
            last = back[i * l + last] as usize;
        }
        out
    }

    fn decode(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        let em = self.emissions(feats);
        self.viterbi(&em, feats.len())
    }

    /// BIO tags for the words of one sentence.
    pub fn tag<S: AsRef<str>>(&self, words: &[S]) -> Vec<&str> {
        let feats = sentence_features(words, &self.clusters);
        self.decode(&feats).into_iter().map(|k| self.labels[k].as_str()).collect()
    }

    /// BIO tags for a sentence of prepared words (see [`Prepared`]).
    pub fn tag_prepared(&self, words: &[Prepared]) -> Vec<&str> {
        let l = self.labels.len();
        let mut em = vec![0f32; words.len() * l];
        let mut buf = Vec::with_capacity(64);
        let mut info = Vec::with_capacity(words.len());
        WORD_SCORES.with(|cache| {
            let mut guard = cache.borrow_mut();
            let (owner, cache) = &mut *guard;
            let me = self as *const Model as usize;
            if *owner != me || cache.len() > 200_000 {
                cache.clear();
                *owner = me;
            }
            // a word's own information and the sum of its own features' weights are the same
            // wherever it stands: worked out once per word and thread (look up before inserting:
            // the entry API would allocate a key on every hit)
            for (i, w) in words.iter().enumerate() {
                let row = &mut em[i * l..(i + 1) * l];
                match cache.get(w.raw) {
                    Some((st, scores)) => {
                        info.push(token_info(w, st));
                        row.copy_from_slice(&scores[..l]);
                    }
                    None => {
                        let st = word_statics(w, &self.clusters);
                        let t = token_info(w, &st);
                        buf.clear();
                        word_features(&t, &mut buf);
                        let mut r = [0f32; MAX_LABELS];
                        self.add_emissions(&buf, &mut r[..l]);
                        row.copy_from_slice(&r[..l]);
                        cache.insert(w.raw.into(), (st, r));
                        info.push(t);
                    }
                }
            }
        });
        mark_gazetteer(&mut info);
        for i in 0..words.len() {
            buf.clear();
            context_features(&info, i, &mut buf);
            self.add_emissions(&buf, &mut em[i * l..(i + 1) * l]);
        }
        self.viterbi(&em, words.len()).into_iter().map(|k| self.labels[k].as_str()).collect()
    }

    /// Serializes the model, gzipped: weights rows that are all zero are left out.
    pub fn to_bytes(&self) -> Vec<u8> {
        let l = self.labels.len();
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&(l as u32).to_le_bytes());
        for name in &self.labels {
            put_str(&mut raw, name);
        }
        for w in &self.trans {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let rows: Vec<(usize, Vec<f32>)> = (0..ROWS)
            .filter_map(|r| self.row(r).map(|w| (r, w)))
            .filter(|(_, w)| w.iter().any(|w| w.abs() > 1e-6))
            .collect();
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (r, ws) in rows {
            raw.extend_from_slice(&(r as u32).to_le_bytes());
            for w in ws {
                raw.extend_from_slice(&w.to_le_bytes());
            }
        }
        raw.extend_from_slice(&(self.clusters.len() as u32).to_le_bytes());
        let mut entries: Vec<_> = self.clusters.iter().collect();
        entries.sort();
        for (w, (c, f)) in entries {
            put_str(&mut raw, w);
            raw.extend_from_slice(&c.to_le_bytes());
            raw.extend_from_slice(&f.to_le_bytes());
        }
        let mut stats: Vec<_> = self.clusters.stats().collect();
        stats.sort();
        raw.extend_from_slice(&(stats.len() as u32).to_le_bytes());
        for (w, code) in stats {
            put_str(&mut raw, w);
            raw.extend_from_slice(&code.to_le_bytes());
        }
        let mut ctx: Vec<_> = self.clusters.title_contexts().collect();
        ctx.sort();
        raw.extend_from_slice(&(ctx.len() as u32).to_le_bytes());
        for (w, b) in ctx {
            put_str(&mut raw, w);
            raw.push(*b);
        }
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::best());
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }

    pub fn from_bytes(gz: &[u8]) -> Result<Model> {
        let mut raw = Vec::new();
        GzDecoder::new(gz).read_to_end(&mut raw).map_err(|e| Error::Model(e.to_string()))?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.take(6)? != MAGIC {
            return Err(Error::Model("not a Khabar NER model".into()));
        }
        let l = r.u32()? as usize;
        if l == 0 || l > MAX_LABELS {
            return Err(Error::Model(format!("bad label count {l}")));
        }
        let mut labels = Vec::with_capacity(l);
        for _ in 0..l {
            labels.push(r.string()?);
        }
        let mut trans = vec![0f32; (l + 1) * l];
        for t in trans.iter_mut() {
            *t = r.f32()?;
        }
        // the rows with weights only, packed from there: the full table (ROWS × labels, tens of
        // megabytes, all but a few rows zero) is never made, which kept every start waiting
        // for the kernel to clear its pages
        let rows = r.u32()? as usize;
        let mut index: Vec<(usize, usize)> = Vec::with_capacity(rows);
        let mut values = Vec::with_capacity(rows.min(ROWS) * l);
        for n in 0..rows {
            let idx = r.u32()? as usize;
            if idx >= ROWS {
                return Err(Error::Model(format!("row {idx} out of range")));
            }
            for _ in 0..l {
                values.push(r.f32()?);
            }
            index.push((idx, n));
        }
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let w = r.string()?;
            entries.push((w, (r.u16()?, r.u16()?)));
        }
        let mut clusters = Clusters::from_entries(entries);
        let n = r.u32()? as usize;
        let mut stats = rustc_hash::FxHashMap::default();
        for _ in 0..n {
            let w = r.string()?;
            stats.insert(w, r.u16()?);
        }
        clusters.set_stats(stats);
        let n = r.u32()? as usize;
        let mut ctx = rustc_hash::FxHashMap::default();
        for _ in 0..n {
            let w = r.string()?;
            ctx.insert(w, r.take(1)?[0]);
        }
        clusters.set_title_contexts(ctx);
        let mut model = Model {
            labels,
            weights: Vec::new(),
            trans,
            clusters,
            live: Vec::new(),
            rank: Vec::new(),
            packed: Vec::new(),
            scale: 1.0,
        };
        model.pack_rows(index, &values);
        Ok(model)
    }
}

/// Writes a string as its length (u16, little-endian) and its bytes.
fn put_str(raw: &mut Vec<u8>, s: &str) {
    raw.extend_from_slice(&(s.len() as u16).to_le_bytes());
    raw.extend_from_slice(s.as_bytes());
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let s = self.b.get(self.at..self.at + n).ok_or_else(|| Error::Model("truncated".into()))?;
        self.at += n;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2)?.try_into().unwrap_or([0; 2])))
    }
    /// A string written by [`put_str`].
    fn string(&mut self) -> Result<String> {
        let len = self.u16()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|e| Error::Model(e.to_string()))
    }
    fn u32(&mut self) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap_or([0; 4])))
    }
    fn f32(&mut self) -> Result<f32> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap_or([0; 4])))
    }
}

/// Features of every token of a sentence.
pub fn sentence_features<S: AsRef<str>>(words: &[S], clusters: &Clusters) -> Vec<Vec<u32>> {
    with_sentence(words, clusters, |info| {
        (0..words.len())
            .map(|i| {
                let mut f = Vec::with_capacity(64);
                features(info, i, &mut f);
                f
            })
            .collect()
    })
}

/// Trains a model on sentences of (words, BIO tags), `epochs` passes in an order shuffled by
/// `seed`. Averaged weights: w − u / c, with u accumulating each update times its step.
pub fn train(
    sentences: &[(Vec<String>, Vec<String>)],
    clusters: Clusters,
    epochs: usize,
    seed: u64,
    progress: impl FnMut(usize, f64),
) -> Model {
    train_with(sentences, clusters, &TrainOptions { epochs, seed, drop: 0.0 }, progress)
}

/// How [`train_with`] trains.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// The share of tokens, drawn anew each epoch, whose lexical features (the word's forms and
    /// the word pairs it is in, see [`crate::features::lexical_features`]) are left out: the
    /// context, shape, affix, cluster and gazetteer features then have to find those names on
    /// their own, as they must for every name the training data never had.
    pub drop: f32,
}

/// A training sentence's tokens: each token's features, its lexical ones first, and their number.
type TrainingSentence = Vec<(Vec<u32>, usize)>;

/// Features of every token of a sentence for training (see [`TrainingSentence`]).
fn training_features<S: AsRef<str>>(words: &[S], clusters: &Clusters) -> TrainingSentence {
    with_sentence(words, clusters, |info| {
        (0..words.len())
            .map(|i| {
                let mut lex = Vec::with_capacity(64);
                crate::features::lexical_features(info, i, &mut lex);
                let mut all = Vec::with_capacity(64);
                features(info, i, &mut all);
                // the rest: every feature but one occurrence of each lexical one
                let mut rest = all;
                for f in &lex {
                    if let Some(k) = rest.iter().position(|x| x == f) {
                        rest.swap_remove(k);
                    }
                }
                let n = lex.len();
                lex.extend(rest);
                (lex, n)
            })
            .collect()
    })
}

/// Trains a model on sentences of (words, BIO tags) as [`TrainOptions`] say. Averaged weights:
/// w − u / c, with u accumulating each update times its step.
pub fn train_with(
    sentences: &[(Vec<String>, Vec<String>)],
    clusters: Clusters,
    opts: &TrainOptions,
    mut progress: impl FnMut(usize, f64),
) -> Model {
    let (epochs, seed) = (opts.epochs, opts.seed);
    let labels = label_set(sentences);
    let l = labels.len();
    let index = |t: &str| labels.iter().position(|x| x == t).unwrap_or(0);
    let data: Vec<(TrainingSentence, Vec<usize>, Vec<bool>)> = sentences
        .iter()
        .map(|(w, t)| {
            (
                training_features(w, &clusters),
                t.iter().map(|x| index(x)).collect(),
                t.iter().map(|x| x == LOOSE_O).collect(),
            )
        })
        .collect();
    // the labels a loose O may take: O or any MISC
    let loose_ok: Vec<bool> = labels.iter().map(|x| x == "O" || x.get(2..) == Some("MISC")).collect();
    let drop_below = (opts.drop.clamp(0.0, 1.0) as f64 * u32::MAX as f64) as u64;
    let mut drops = Rng::new(seed ^ 0x9e37_79b9_7f4a_7c15);
    let mut feats: Vec<Vec<u32>> = Vec::new();
    // during training every row may change: the full table is used, and packed at the end
    let mut model = Model {
        labels: labels.clone(),
        weights: vec![0f32; ROWS * l],
        trans: vec![0f32; (l + 1) * l],
        clusters,
        live: Vec::new(),
        rank: Vec::new(),
        packed: Vec::new(),
        scale: 1.0,
    };
    let mut avg = Averaged { acc_w: vec![0f64; ROWS * l], acc_t: vec![0f64; (l + 1) * l], c: 1.0 };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(seed);
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let (mut wrong, mut total) = (0usize, 0usize);
        for &s in &order {
            let (toks, gold, loose) = &data[s];
            if toks.is_empty() {
                continue;
            }
            feats.clear();
            for (f, lexical) in toks {
                // a draw for every token whatever `drop` is, so that the order of draws, and
                // with it the model, depends on the seed alone
                let skip = if (drops.next() >> 32) < drop_below { *lexical } else { 0 };
                feats.push(f[skip..].to_vec());
            }
            total += gold.len();
            let latent;
            let gold = if loose.iter().any(|&x| x) {
                // the best sequence the current weights give among those the gold allows
                let mut em = model.emissions(&feats);
                for (i, &g) in gold.iter().enumerate() {
                    for k in 0..l {
                        let ok = if loose[i] { loose_ok[k] } else { k == g };
                        if !ok {
                            em[i * l + k] = -1e9;
                        }
                    }
                }
                latent = model.viterbi(&em, feats.len());
                &latent
            } else {
                gold
            };
            wrong += model.train_sentence(&mut avg, &feats, gold);
        }
        progress(epoch + 1, 1.0 - wrong as f64 / total.max(1) as f64);
    }
    for (w, a) in model.weights.iter_mut().zip(&avg.acc_w) {
        *w = (*w as f64 - a / avg.c) as f32;
    }
    for (w, a) in model.trans.iter_mut().zip(&avg.acc_t) {
        *w = (*w as f64 - a / avg.c) as f32;
    }
    model.pack();
    model
}

/// The labels of the training data, `O` first, the others in order.
/// A training tag for a token that is not a PER, ORG or LOC of a gold that has no MISC: `O` or
/// any MISC label, whichever the current weights prefer (gold articles annotate no MISC).
pub const LOOSE_O: &str = "O?";

fn label_set(sentences: &[(Vec<String>, Vec<String>)]) -> Vec<String> {
    let mut labels: Vec<String> = sentences
        .iter()
        .flat_map(|(_, t)| t.iter().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    labels.retain(|x| x != "O" && x != LOOSE_O);
    labels.insert(0, "O".into());
    labels
}

/// What averaging needs: every update times its step, summed, and the step.
struct Averaged {
    acc_w: Vec<f64>,
    acc_t: Vec<f64>,
    c: f64,
}

impl Model {
    /// One perceptron step on a sentence: decodes, and where the prediction is wrong moves the
    /// weights toward the gold labels. Returns the number of wrong tokens.
    fn train_sentence(&mut self, avg: &mut Averaged, feats: &[Vec<u32>], gold: &[usize]) -> usize {
        let l = self.labels.len();
        // loss-augmented decoding: every wrong label gets a head start, more so for missing an
        // entity than for inventing one, so updates keep a margin and the tagger does not
        // settle for O on the names it has not seen
        let mut em = self.emissions(feats);
        for (i, &g) in gold.iter().enumerate() {
            for k in 0..l {
                if k != g {
                    em[i * l + k] += if g != 0 { COST_MISS } else { COST_FALSE };
                }
            }
        }
        let pred = self.viterbi(&em, feats.len());
        if pred == gold {
            avg.c += 1.0;
            return 0;
        }
        let c = avg.c;
        let mut wrong = 0;
        for i in 0..gold.len() {
            let (g, p) = (gold[i], pred[i]);
            if g != p {
                wrong += 1;
                for &f in &feats[i] {
                    let f = f as usize;
                    self.weights[f * l + g] += 1.0;
                    self.weights[f * l + p] -= 1.0;
                    avg.acc_w[f * l + g] += c;
                    avg.acc_w[f * l + p] -= c;
                }
            }
            let (gp, pp) = (if i == 0 { l } else { gold[i - 1] }, if i == 0 { l } else { pred[i - 1] });
            if (gp, g) != (pp, p) {
                self.trans[gp * l + g] += 1.0;
                self.trans[pp * l + p] -= 1.0;
                avg.acc_t[gp * l + g] += c;
                avg.acc_t[pp * l + p] -= c;
            }
        }
        avg.c += 1.0;
        wrong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(words: &str, tags: &str) -> (Vec<String>, Vec<String>) {
        (words.split(' ').map(String::from).collect(), tags.split(' ').map(String::from).collect())
    }

    #[test]
    fn learns_and_round_trips() {
        let data = vec![
            s("زار سامي باريس أمس", "O B-PERS B-LOC O"),
            s("قال سامي إن باريس جميلة", "O B-PERS O B-LOC O"),
            s("وصل كريم إلى لندن", "O B-PERS O B-LOC"),
        ];
        let m = train(&data, Clusters::default(), 5, 7, |_, _| {});
        assert_eq!(m.tag(&["زار", "سامي", "باريس"]), vec!["O", "B-PERS", "B-LOC"]);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.tag(&["وصل", "كريم", "إلى", "لندن"]), m.tag(&["وصل", "كريم", "إلى", "لندن"]));
        assert!(Model::from_bytes(b"junk").is_err());
    }

    #[test]
    fn loading_packs_the_rows_as_the_full_table_packs() {
        let labels: Vec<String> = ["O", "B-PERS", "I-PERS"].map(String::from).to_vec();
        let l = labels.len();
        let mut weights = vec![0f32; ROWS * l];
        let mut x = 7u64;
        for r in (0..ROWS).step_by(997).chain([1, 2, 63, 64, 65, ROWS - 1]) {
            for k in 0..l {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                weights[r * l + k] = ((x >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 8.0;
            }
        }
        let mut full = Model {
            labels,
            weights,
            trans: vec![0.5; (l + 1) * l],
            clusters: Clusters::default(),
            live: Vec::new(),
            rank: Vec::new(),
            packed: Vec::new(),
            scale: 1.0,
        };
        let bytes = full.to_bytes();
        full.pack();
        let loaded = Model::from_bytes(&bytes).unwrap();
        assert!(loaded.weights.is_empty());
        assert_eq!(loaded.scale, full.scale);
        assert!(loaded.live == full.live && loaded.rank == full.rank && loaded.packed == full.packed);
    }

    #[test]
    fn the_embedded_model_decodes() {
        assert!(!EMBEDDED.is_empty(), "crates/ner/data/model.bin.gz is empty");
        let m = Model::from_bytes(EMBEDDED).expect("the embedded model decodes");
        assert!(m.labels().len() > 2, "{:?}", m.labels());
        assert!(Model::embedded().is_some());
    }

    #[test]
    #[should_panic(expected = "the embedded NER model (crates/ner/data/model.bin.gz, 4 bytes) does not decode")]
    fn a_corrupt_embedded_model_is_a_loud_failure() {
        decode_embedded(b"junk");
    }

    #[test]
    fn never_emits_an_invalid_sequence() {
        let data = vec![s("أ ب ج", "B-ORG I-ORG O"), s("د ب", "O I-ORG")];
        let m = train(&data, Clusters::default(), 3, 1, |_, _| {});
        let tags = m.tag(&["د", "ب", "ب", "ج"]);
        for (i, t) in tags.iter().enumerate() {
            if let Some(ty) = t.strip_prefix("I-") {
                assert!(i > 0 && tags[i - 1].ends_with(ty), "{tags:?}");
            }
        }
    }
}
