//! Lexicon-aware analysis of Arabic proclitics.
//!
//! Arabic attaches the conjunctions و ف, the prepositions ب ل ك, the future marker س and the
//! article ال (with ل + ال contracted to لل) to the front of a word. A blind rule that strips
//! every leading و or ال breaks real words (وزير, بيروت, لندن, البانيا, كازاخستان), so a split is
//! accepted only when the lexicon says the remainder is the likelier word: the remainder is seen
//! more often in the corpus than the whole form. Words the lexicon has never seen are split only
//! before an article (وال…, بال…, لل…), where a word that merely starts with those letters is rare.
//!
//! The lexicon (`data/lexicon.tsv`) holds normalized word frequencies counted on the ANT corpus
//! (Apache-2.0) by `cargo run --release -p khabar-text --example build_lexicon`.
//!
//! ```
//! use khabar_text::clitic::analyze;
//! let a = analyze("وبيروت");
//! assert_eq!((a.conj, a.prep, a.word.as_ref()), (Some('و'), None, "بيروت"));
//! assert_eq!(analyze("بيروت").word, "بيروت");
//! let b = analyze("للجيش");
//! assert_eq!((b.prep, b.article, b.word, b.stem), (Some('ل'), true, "الجيش".into(), "جيش"));
//! ```
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

static LEXICON_TSV: &str = include_str!("../data/lexicon.tsv");

static LEXICON: LazyLock<HashMap<&'static str, u32>> = LazyLock::new(|| {
    LEXICON_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (w, n) = l.split_once('\t')?;
            Some((w, n.parse().ok()?))
        })
        .collect()
});

/// Function words that are whole words even when a shorter word hides inside them (كما, لكن).
static NEVER_SPLIT: crate::lexicon::Lazy = crate::lexicon!("never_split");

/// How often a normalized word form occurs in the corpus (0 when unseen).
pub fn frequency(norm: &str) -> u32 {
    LEXICON.get(norm).copied().unwrap_or(0)
}

/// Number of entries in the embedded lexicon.
pub fn lexicon_len() -> usize {
    LEXICON.len()
}

/// The analysis of one normalized word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis<'a> {
    /// و or ف.
    pub conj: Option<char>,
    /// ب, ل, ك, or س (the future marker on verbs).
    pub prep: Option<char>,
    /// The word begins with the article ال (after the clitics above).
    pub article: bool,
    /// The word without conjunction and preposition, with its article (الجيش for للجيش).
    pub word: Cow<'a, str>,
    /// The word without any proclitic (جيش).
    pub stem: &'a str,
    /// How many letters of the original word the conjunction and preposition take (the article is
    /// kept): 2 for وب in وبيروت, 1 for لل in للجيش.
    pub clitic_letters: usize,
}

use crate::proclitic::CONJ;
pub use crate::proclitic::{proclitic_splits, Splits};

/// The word without its article, when ال is one (not in البانيا, which the lexicon knows whole).
fn without_article(word: &str) -> &str {
    if let Some(stem) = word.strip_prefix("ال") {
        let letters = stem.chars().count();
        if letters >= 2 && !(frequency(word) > 0 && frequency(stem) == 0 && letters >= 3) {
            return stem;
        }
    }
    word
}

/// Analyzes one normalized word (see the module documentation).
pub fn analyze(w: &str) -> Analysis<'_> {
    let whole = frequency(w);
    let mut best: Option<(usize, Cow<'_, str>, u32)> = None;
    let conj_first = CONJ.contains(&w.chars().next().unwrap_or(' '));
    if !NEVER_SPLIT.contains(w) {
        for (letters, rest) in proclitic_splits(w).skip(1) {
            let rest_letters = rest.chars().count();
            // a preposition before a stem of two letters is almost always a word of its own (كان)
            let min = if letters == 1 && conj_first { 2 } else { 3 };
            if rest_letters < min {
                continue;
            }
            let f = frequency(&rest);
            // A conjunction before a known word is the rule (وقال is commoner than قال), so the
            // remainder need only be a word in its own right; after a bare preposition the
            // remainder must be nearly as common as the whole (بحث is not ب + حث).
            let ratio = if conj_first { 0.05 } else { 0.5 };
            let accept = if whole == 0 && f == 0 {
                rest.starts_with("ال") && rest_letters >= 4
            } else {
                f > 0 && f as f64 >= ratio * whole as f64
            };
            if accept && best.as_ref().is_none_or(|b| f > b.2 || (f == b.2 && letters > b.0)) {
                best = Some((letters, rest, f));
            }
        }
    }
    let (letters, word) = match best {
        Some((l, r, _)) => (l, r),
        None => (0, Cow::Borrowed(w)),
    };
    let mut first = w.chars();
    let (c0, c1) = (first.next(), first.next());
    let (conj, prep) = match letters {
        0 => (None, None),
        1 if c0.is_some_and(|c| CONJ.contains(&c)) => (c0, None),
        1 => (None, c0),
        _ => (c0, c1),
    };
    let stem: &str = match &word {
        Cow::Borrowed(b) => without_article(b),
        Cow::Owned(_) => {
            // لل: the stem is what follows لل in the original word
            let skip: usize = w.char_indices().nth(letters + 1).map(|(b, _)| b).unwrap_or(w.len());
            &w[skip..]
        }
    };
    let article = stem.len() < word.len();
    Analysis { conj, prep, article, word, stem, clitic_letters: letters }
}

/// An [`Analysis`] that owns its strings, to keep beside a token.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnedAnalysis {
    pub conj: Option<char>,
    pub prep: Option<char>,
    pub article: bool,
    pub word: String,
    pub stem: String,
    pub clitic_letters: usize,
}

impl Analysis<'_> {
    pub fn to_owned_analysis(&self) -> OwnedAnalysis {
        OwnedAnalysis {
            conj: self.conj,
            prep: self.prep,
            article: self.article,
            word: self.word.to_string(),
            stem: self.stem.to_string(),
            clitic_letters: self.clitic_letters,
        }
    }
}

/// Byte offset in an original (unnormalized) word after its first `letters` letters, skipping
/// diacritics, tatweel and format characters: maps [`Analysis::clitic_letters`] back to the text.
pub fn letters_to_byte(raw: &str, letters: usize) -> usize {
    let mut seen = 0;
    for (i, c) in raw.char_indices() {
        if crate::normalize::is_diacritic(c) || crate::normalize::is_format(c) {
            continue;
        }
        if seen == letters {
            return i;
        }
        seen += 1;
    }
    raw.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn word(w: &str) -> String {
        analyze(&normalize(w)).word.into_owned()
    }

    #[test]
    fn lexicon_is_loaded_and_normalized() {
        assert!(lexicon_len() > 10_000);
        for (w, _) in LEXICON.iter().take(5000) {
            assert_eq!(normalize(w), *w);
        }
    }

    #[test]
    fn never_split_list_is_well_formed() {
        crate::lexicon::check(&NEVER_SPLIT, include_str!("../data/never_split.tsv")).unwrap();
        assert_eq!(NEVER_SPLIT.len(), 57);
        for w in ["كما", "لكن", "بين", "فيما", "اللاتي"] {
            assert_eq!(word(w), w, "{w}");
        }
    }

    #[test]
    fn names_that_start_like_clitics_stay_whole() {
        for w in ["بيروت", "ألبانيا", "لندن", "كازاخستان", "وزير", "لبنان", "فلسطين", "بوتين", "كما", "كان", "والد"]
        {
            assert_eq!(word(w), normalize(w), "{w}");
        }
    }

    #[test]
    fn clitics_come_off() {
        assert_eq!(word("وبيروت"), "بيروت");
        assert_eq!(word("ولندن"), "لندن");
        assert_eq!(word("بألماتي"), "الماتي");
        assert_eq!(word("والحكومة"), "الحكومه");
        assert_eq!(word("فالرئيس"), "الرئيس");
        assert_eq!(word("وقال"), "قال");
        assert_eq!(word("بكازاخستان"), "كازاخستان");
    }

    #[test]
    fn contraction_lil() {
        let a = analyze("للجيش");
        assert_eq!(a.prep, Some('ل'));
        assert!(a.article);
        assert_eq!(a.stem, "جيش");
        assert_eq!(a.clitic_letters, 1);
    }

    #[test]
    fn conj_and_prep() {
        let a = analyze("وبالحكومه");
        assert_eq!((a.conj, a.prep, a.article, a.stem), (Some('و'), Some('ب'), true, "حكومه"));
        assert_eq!(a.clitic_letters, 2);
    }

    #[test]
    fn offsets_back_into_raw_text() {
        assert_eq!(letters_to_byte("بِألماتي", 1), "بِ".len());
        assert_eq!(letters_to_byte("وبـبيروت", 2), "وبـ".len());
    }
}
