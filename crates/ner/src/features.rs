//! Token features for the tagger, hashed into a fixed table.
//!
//! Feature strings are never built: each feature is hashed as (template, value), by a hash
//! written here by hand because the model's weights are indexed by these hashes, so the hash must
//! stay the same forever (a general-purpose hasher may change between versions).
use crate::clusters::Clusters;
use crate::gazetteer::GAZETTEER;
use crate::triggers::{is_head, Use, Uses, ORG_HEADS, PLACE_HEADS, TITLES};
use khabar_text::clitic::{analyze, frequency, OwnedAnalysis};
use khabar_text::lexicon::Lazy;
use khabar_text::normalize::{is_arabic_letter, normalize};

/// log2 of the number of weight rows.
pub const BITS: u32 = 20;
pub const ROWS: usize = 1 << BITS;

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Hashes (template, parts) eight bytes at a time with the multiply-rotate step of FxHash,
/// written out here so the values never change under the model.
#[inline]
fn fnv(template: u8, parts: &[&[u8]]) -> u32 {
    #[inline]
    fn mix(h: u64, x: u64) -> u64 {
        (h.rotate_left(5) ^ x).wrapping_mul(SEED)
    }
    let mut h = mix(0, template as u64 + 1);
    for p in parts {
        let mut chunks = p.chunks_exact(8);
        for c in &mut chunks {
            h = mix(h, u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        // the last bytes little-endian, zero-padded, by hand: a copy into a padded buffer costs
        // a call to memcpy for every feature
        let last = rest.iter().enumerate().fold(0u64, |v, (k, &b)| v | (b as u64) << (8 * k));
        h = mix(h, last ^ ((rest.len() as u64) << 56));
        h = mix(h, 0xff);
    }
    // fold the high bits in: the multiply leaves the low ones weakest
    ((h >> 32) ^ (h >> 7)) as u32 & (ROWS as u32 - 1)
}

/// Word → trigger class; a word in several lists takes the title's class first, then the
/// organization's, then the place's.
static CLASSES: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    std::sync::LazyLock::new(|| {
        let mut m = rustc_hash::FxHashMap::default();
        let tagger = |list: &'static Lazy<Uses>| list.iter().filter(move |w| is_head(list, w, Use::Tagger));
        for w in tagger(&PLACE_HEADS) {
            m.insert(w, "P");
        }
        for w in tagger(&ORG_HEADS) {
            m.insert(w, "O");
        }
        for w in TITLES.iter() {
            m.insert(w, "T");
        }
        m
    });

/// The trigger class of a word: title `T`, organization head `O`, place head `P`, or `-`.
fn class_of(word: &str) -> &'static str {
    CLASSES.get(word).copied().unwrap_or("-")
}

/// What the features need to know of one token, computed once per sentence.
pub struct TokenInfo<'a> {
    norm: &'a str,
    /// The word without conjunction and preposition (article kept).
    word: &'a str,
    /// Without any proclitic.
    stem: &'a str,
    flags: u8,
    shape: &'static str,
    freq: u8,
    stem_freq: u8,
    class: &'static str,
    /// Gazetteer span tag covering the token (`B-LOC`, `I-PER`…), or empty.
    gaz: &'static str,
    /// Word clusters (coarse, fine); `u16::MAX` when the word has none.
    cluster: (u16, u16),
    /// Corpus label statistics code, `u16::MAX` when none.
    stat: u16,
    /// How often the word follows a title (low two bits) and a first name (high two bits).
    title_ctx: u8,
}

fn bucket(n: u32) -> u8 {
    match n {
        0 => 0,
        1..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => 5,
    }
}

fn shape(w: &str) -> &'static str {
    let mut arabic = false;
    let mut latin = false;
    let mut digit = false;
    let mut upper = false;
    let mut other = false;
    for c in w.chars() {
        if is_arabic_letter(c) {
            arabic = true;
        } else if c.is_ascii_digit() || khabar_text::normalize::digit_value(c).is_some() {
            digit = true;
        } else if c.is_alphabetic() {
            latin = true;
            upper |= c.is_uppercase();
        } else {
            other = true;
        }
    }
    let n = w.chars().count();
    match (arabic, latin, digit, other) {
        (true, false, false, _) if n <= 2 => "a-short",
        (true, false, false, _) if n >= 8 => "a-long",
        (true, false, false, _) => "a",
        (false, true, false, _) if upper => "L",
        (false, true, false, _) => "l",
        (false, false, true, _) => "d",
        (false, false, false, true) => "p",
        _ => "mixed",
    }
}

/// A word of a sentence with its normalization and clitic analysis already done (a caller that
/// has them, like the extractors, saves doing them twice).
pub struct Prepared<'a> {
    pub raw: &'a str,
    pub norm: &'a str,
    /// Without conjunction and preposition, article kept.
    pub word: &'a str,
    /// Without any proclitic.
    pub stem: &'a str,
    /// conj | prep << 1 | article << 2.
    pub flags: u8,
}

impl<'a> Prepared<'a> {
    /// A prepared word from its raw and normalized forms and its clitic analysis.
    pub fn new(raw: &'a str, norm: &'a str, a: &'a OwnedAnalysis) -> Self {
        Prepared {
            raw,
            norm,
            word: &a.word,
            stem: &a.stem,
            flags: (a.conj.is_some() as u8) | ((a.prep.is_some() as u8) << 1) | ((a.article as u8) << 2),
        }
    }
}

/// Runs `f` on the token information of a sentence of raw words (normalized and analyzed here),
/// with gazetteer spans marked by longest match over the clitic-free words.
pub fn with_sentence<S: AsRef<str>, R>(words: &[S], clusters: &Clusters, f: impl FnOnce(&[TokenInfo]) -> R) -> R {
    let norms: Vec<String> = words.iter().map(|w| normalize(w.as_ref())).collect();
    let analyses: Vec<_> = norms.iter().map(|n| analyze(n).to_owned_analysis()).collect();
    let prepared: Vec<Prepared> =
        words.iter().zip(&norms).zip(&analyses).map(|((w, n), a)| Prepared::new(w.as_ref(), n, a)).collect();
    f(&analyze_prepared(&prepared, clusters))
}

/// What a token's information holds that depends on the word alone (its raw form decides it):
/// worth keeping per word by a caller that sees the same words again.
#[derive(Clone, Copy)]
pub struct WordStatics {
    shape: &'static str,
    freq: u8,
    stem_freq: u8,
    class: &'static str,
    info: crate::clusters::WordInfo,
}

/// The word-only information of a prepared word: three hash look-ups and a shape.
pub fn word_statics(p: &Prepared, clusters: &Clusters) -> WordStatics {
    WordStatics {
        shape: shape(p.raw),
        freq: bucket(frequency(p.norm)),
        stem_freq: bucket(frequency(p.word)),
        class: class_of(p.word),
        info: clusters.info(p.word),
    }
}

/// A token's information from its prepared word and its statics, before gazetteer marking.
pub fn token_info<'a>(p: &Prepared<'a>, st: &WordStatics) -> TokenInfo<'a> {
    TokenInfo {
        shape: st.shape,
        freq: st.freq,
        stem_freq: st.stem_freq,
        class: st.class,
        flags: p.flags,
        gaz: "",
        cluster: st.info.cluster,
        stat: st.info.stat,
        title_ctx: st.info.ctx,
        norm: p.norm,
        word: p.word,
        stem: p.stem,
    }
}

/// Token information for prepared words, with gazetteer spans marked by longest match over the
/// clitic-free words.
pub fn analyze_prepared<'a>(words: &[Prepared<'a>], clusters: &Clusters) -> Vec<TokenInfo<'a>> {
    let mut out: Vec<TokenInfo> = words.iter().map(|p| token_info(p, &word_statics(p, clusters))).collect();
    mark_gazetteer(&mut out);
    out
}

/// Marks gazetteer spans (`B-LOC`, `I-LOC`…) by longest match over the clitic-free words.
pub fn mark_gazetteer(out: &mut [TokenInfo]) {
    let max = GAZETTEER.max_words;
    // the words from i on joined by spaces, with where each prefix of n words ends: one buffer
    // for the sentence rather than a string per look-up
    let mut joined = String::new();
    let mut ends = Vec::with_capacity(max + 1);
    let mut i = 0;
    while i < out.len() {
        let mut found = None;
        // only a word that starts some listed name can start a multiword match
        let longest = if GAZETTEER.starts_name(out[i].word) { max.min(out.len() - i) } else { 1 };
        if longest > 1 {
            joined.clear();
            ends.clear();
            ends.push(0);
            for (k, t) in out[i..i + longest].iter().enumerate() {
                if k > 0 {
                    joined.push(' ');
                }
                joined.push_str(t.word);
                ends.push(joined.len());
            }
        }
        for n in (1..=longest).rev() {
            let hit = if n == 1 {
                GAZETTEER.name_type(out[i].word).or_else(|| {
                    if out[i].word != out[i].stem {
                        GAZETTEER.name_type(out[i].stem)
                    } else {
                        None
                    }
                })
            } else {
                GAZETTEER.name_type(&joined[..ends[n]])
            };
            if let Some(t) = hit {
                found = Some((n, t));
                break;
            }
        }
        if let Some((n, t)) = found {
            for (k, tok) in out[i..i + n].iter_mut().enumerate() {
                tok.gaz = match (k, t) {
                    (0, "LOC") => "B-LOC",
                    (0, "PER") => "B-PER",
                    (0, _) => "B-ORG",
                    (_, "LOC") => "I-LOC",
                    (_, "PER") => "I-PER",
                    _ => "I-ORG",
                };
            }
            i += n;
        } else {
            i += 1;
        }
    }
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((b, _)) => &s[..b],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let b = s.char_indices().nth(count - n).map(|(b, _)| b).unwrap_or(0);
    &s[b..]
}

/// The hashed features of token `i`, appended to `out`: those of the word itself and those of
/// its context.
pub fn features(toks: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    word_features(&toks[i], out);
    context_features(toks, i, out);
}

/// Features that depend on the word alone (its forms, affixes, shape, classes, clusters, character
/// trigrams): the same wherever the word stands, so a tagger may keep their sum per word.
pub fn word_features(t: &TokenInfo, out: &mut Vec<u32>) {
    out.push(fnv(0, &[]));
    word_forms(t, out);
    for n in 1..=3 {
        out.push(fnv(10 + n as u8, &[prefix(t.stem, n).as_bytes()]));
        out.push(fnv(14 + n as u8, &[suffix(t.stem, n).as_bytes()]));
    }
    out.push(fnv(18, &[t.shape.as_bytes()]));
    out.push(fnv(19, &[&[t.flags]]));
    out.push(fnv(25, &[t.class.as_bytes()]));
    out.push(fnv(26, &[&[t.freq, t.stem_freq]]));
    out.push(fnv(33, &[&t.cluster.0.to_le_bytes()]));
    out.push(fnv(34, &[&t.cluster.1.to_le_bytes()]));
    // character trigrams of the stem: transliterated foreign names have shapes of their own
    if t.shape.starts_with('a') {
        let chars: Vec<char> = std::iter::once('^').chain(t.stem.chars()).chain(std::iter::once('$')).collect();
        let mut buf = [0u8; 12];
        for w in chars.windows(3) {
            let mut n = 0;
            for c in w {
                n += c.encode_utf8(&mut buf[n..]).len();
            }
            out.push(fnv(47, &[&buf[..n]]));
        }
    }
}

/// The features of token `i` that name the word itself (its forms, and the word pairs it is in):
/// the ones a tagger memorizes names by. Training leaves them out of some tokens (see
/// [`crate::model::TrainOptions`]) so that the rest of the features learn to find names never seen.
pub fn lexical_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    word_forms(&toks[i], out);
    word_pairs(toks, i, out);
}

/// The word's own forms (normalized, without conjunction and preposition, without any proclitic).
fn word_forms(t: &TokenInfo, out: &mut Vec<u32>) {
    out.push(fnv(1, &[t.norm.as_bytes()]));
    out.push(fnv(6, &[t.word.as_bytes()]));
    out.push(fnv(7, &[t.stem.as_bytes()]));
}

/// The normalized word with the one before it and with the one after it.
fn word_pairs(toks: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    let norm = |k: isize| {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else {
            toks.get(j as usize).map(|t| t.norm).unwrap_or("</s>")
        }
    };
    out.push(fnv(27, &[norm(-1).as_bytes(), toks[i].norm.as_bytes()]));
    out.push(fnv(28, &[toks[i].norm.as_bytes(), norm(1).as_bytes()]));
}

/// Features that look at the neighbours or at gazetteer spans.
pub fn context_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u32>) {
    const BOS: &str = "<s>";
    const EOS: &str = "</s>";
    let at = |k: isize| -> Option<&TokenInfo> {
        let j = i as isize + k;
        if j < 0 {
            None
        } else {
            toks.get(j as usize)
        }
    };
    let norm = |k: isize| at(k).map(|t| t.norm).unwrap_or(if k < 0 { BOS } else { EOS });
    let word = |k: isize| at(k).map(|t| t.word).unwrap_or(if k < 0 { BOS } else { EOS });
    let t = &toks[i];
    out.push(fnv(2, &[norm(-1).as_bytes()]));
    out.push(fnv(3, &[norm(1).as_bytes()]));
    out.push(fnv(4, &[norm(-2).as_bytes()]));
    out.push(fnv(5, &[norm(2).as_bytes()]));
    out.push(fnv(8, &[word(-1).as_bytes()]));
    out.push(fnv(9, &[word(1).as_bytes()]));
    out.push(fnv(20, &[t.gaz.as_bytes()]));
    out.push(fnv(21, &[at(-1).map(|x| x.gaz).unwrap_or(BOS).as_bytes()]));
    out.push(fnv(22, &[at(1).map(|x| x.gaz).unwrap_or(EOS).as_bytes()]));
    out.push(fnv(23, &[at(-1).map(|x| x.class).unwrap_or(BOS).as_bytes()]));
    out.push(fnv(24, &[at(-2).map(|x| x.class).unwrap_or(BOS).as_bytes()]));
    word_pairs(toks, i, out);
    out.push(fnv(
        29,
        &[
            t.shape.as_bytes(),
            at(-1).map(|x| x.shape).unwrap_or(BOS).as_bytes(),
            at(1).map(|x| x.shape).unwrap_or(EOS).as_bytes(),
        ],
    ));
    out.push(fnv(30, &[at(1).map(|x| x.class).unwrap_or(EOS).as_bytes()]));
    out.push(fnv(31, &[&[t.freq], t.gaz.as_bytes(), at(-1).map(|x| x.class).unwrap_or(BOS).as_bytes()]));
    out.push(fnv(32, &[&[at(-1).map(|x| x.freq).unwrap_or(9), t.freq, at(1).map(|x| x.freq).unwrap_or(9)]]));
    let cl = |k: isize| at(k).map(|x| x.cluster).unwrap_or((u16::MAX - 1, u16::MAX - 1));
    let (c0, f0) = cl(0);
    out.push(fnv(35, &[&cl(-1).0.to_le_bytes()]));
    out.push(fnv(36, &[&cl(1).0.to_le_bytes()]));
    out.push(fnv(37, &[&cl(-1).1.to_le_bytes()]));
    out.push(fnv(38, &[&cl(1).1.to_le_bytes()]));
    out.push(fnv(39, &[&c0.to_le_bytes(), &cl(-1).0.to_le_bytes()]));
    out.push(fnv(40, &[&f0.to_le_bytes(), at(-1).map(|x| x.class).unwrap_or(BOS).as_bytes()]));
    out.push(fnv(41, &[&f0.to_le_bytes(), t.gaz.as_bytes()]));
    out.push(fnv(
        48,
        &[&[t.title_ctx, at(-1).map(|x| x.title_ctx).unwrap_or(9), at(1).map(|x| x.title_ctx).unwrap_or(9)]],
    ));
    out.push(fnv(49, &[&[t.title_ctx], t.class.as_bytes(), at(-1).map(|x| x.class).unwrap_or(BOS).as_bytes()]));
    if t.stat != u16::MAX || at(-1).is_some_and(|x| x.stat != u16::MAX) || at(1).is_some_and(|x| x.stat != u16::MAX) {
        let st = |k: isize| at(k).map(|x| x.stat).unwrap_or(u16::MAX - 1);
        out.push(fnv(42, &[&st(0).to_le_bytes()]));
        out.push(fnv(43, &[&st(-1).to_le_bytes()]));
        out.push(fnv(44, &[&st(1).to_le_bytes()]));
        out.push(fnv(45, &[&st(0).to_le_bytes(), &st(-1).to_le_bytes()]));
        out.push(fnv(46, &[&st(0).to_le_bytes(), &st(1).to_le_bytes()]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_spans_over_clitics() {
        let gaz = with_sentence(
            &["زار", "بوتين", "وفرنسا", "والولايات", "المتحدة"],
            &Clusters::default(),
            |toks| toks.iter().map(|t| t.gaz).collect::<Vec<_>>(),
        );
        assert_eq!(&gaz[2..], ["B-LOC", "B-LOC", "I-LOC"]);
    }

    #[test]
    fn hashes_are_stable() {
        // the embedded model depends on these exact values
        assert_eq!(fnv(1, &["موسكو".as_bytes()]), fnv(1, &["موسكو".as_bytes()]));
        assert_eq!(fnv(0, &[]), fnv(0, &[]));
        assert_ne!(fnv(1, &["ab".as_bytes()]), fnv(1, &["ba".as_bytes()]));
        assert_ne!(fnv(1, &["a".as_bytes(), "b".as_bytes()]), fnv(1, &["ab".as_bytes()]));
    }
}
