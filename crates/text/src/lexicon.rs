//! Word lists as data: every list of words a component tests tokens against lives in a TSV file
//! under its crate's `data/` (the first `#` line says what it is, where it came from and its
//! license), embedded with `include_str!` and parsed once into a [`Lexicon`].
//!
//! A line is a normalized word (see [`crate::normalize::normalize`]), or several words separated
//! by spaces for a phrase, then optional tab-separated columns that the list's owner reads as a
//! tag. Lines starting with `#` and empty lines are skipped. One word may stand on several lines
//! with different tags (a count word that is an event before a figure and a state after it).
//!
//! [`Lexicon::find`] is the one clitic-aware look-up every component uses: the word as written,
//! then without its conjunction and preposition ([`crate::proclitic::proclitic_splits`]: وقال → قال,
//! بمقتل → مقتل, للقتلى → القتلى).
//!
//! ```
//! use khabar_text::lexicon::Lexicon;
//! let cues = Lexicon::tagged("cues", "# cues\nقال\tsay\nدعا\tact\n", |t| Some(t.to_string()));
//! assert!(cues.contains("قال"));
//! assert_eq!(cues.find("وقال"), Some((&"say".to_string(), 1)));
//! assert_eq!(cues.find("مقال"), None);
//! ```
use crate::proclitic::{may_have_proclitic, proclitic_splits};
use rustc_hash::FxHashMap;

/// A word list from a data file, each word with the tags its lines give it.
pub struct Lexicon<T: 'static = ()> {
    name: &'static str,
    /// The words in file order (a word on several lines once).
    words: Vec<&'static str>,
    tags: FxHashMap<&'static str, Vec<T>>,
}

impl Lexicon<()> {
    /// A plain word list: the first column of each line.
    pub fn words(name: &'static str, text: &'static str) -> Lexicon<()> {
        Lexicon::tagged(name, text, |_| Some(()))
    }
}

impl<T: 'static> Lexicon<T> {
    /// A list whose lines carry a tag: `tag` reads the columns after the word (joined by tabs)
    /// and says `None` for a line it cannot read, which is a defect of the embedded file: the
    /// panic names the list and the line, and every list is loaded by a test.
    pub fn tagged(name: &'static str, text: &'static str, tag: impl Fn(&'static str) -> Option<T>) -> Lexicon<T> {
        let mut words = Vec::new();
        let mut tags: FxHashMap<&'static str, Vec<T>> = FxHashMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (word, rest) = line.split_once('\t').unwrap_or((line, ""));
            let Some(t) = tag(rest) else {
                panic!("word list {name}, line {}: cannot read {rest:?} after {word:?}", n + 1);
            };
            let entry = tags.entry(word).or_default();
            if entry.is_empty() {
                words.push(word);
            }
            entry.push(t);
        }
        Lexicon { name, words, tags }
    }

    /// This list and the words of `other` that it lacks (with the default tag): lists that
    /// include a shared one (the weekdays among the words that end a name) say so in code
    /// rather than repeat it.
    pub fn and<U>(mut self, other: &Lexicon<U>) -> Lexicon<T>
    where
        T: Default,
    {
        for w in other.iter() {
            if !self.tags.contains_key(w) {
                self.words.push(w);
                self.tags.insert(w, vec![T::default()]);
            }
        }
        self
    }

    /// The list's name (its file's stem), for messages.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Whether a normalized word (or phrase) is in the list as written.
    pub fn contains(&self, norm: &str) -> bool {
        self.tags.contains_key(norm)
    }

    /// The tags of a normalized word as written (empty when it is not listed).
    pub fn tags(&self, norm: &str) -> &[T] {
        self.tags.get(norm).map_or(&[], Vec::as_slice)
    }

    /// The first tag of a word as written.
    pub fn get(&self, norm: &str) -> Option<&T> {
        self.tags(norm).first()
    }

    /// The clitic-aware look-up: the word as written, else without its conjunction and
    /// preposition; the first tag found and how many proclitic letters were taken off.
    pub fn find(&self, norm: &str) -> Option<(&T, usize)> {
        self.find_map(norm, Some)
    }

    /// [`Lexicon::find`] for the first tag that `f` accepts: the same splits in the same order,
    /// each word's tags in file order.
    pub fn find_map<'a, R>(&'a self, norm: &str, f: impl Fn(&'a T) -> Option<R>) -> Option<(R, usize)> {
        if !may_have_proclitic(norm) {
            // the common case, without the splits
            return self.tags.get(norm)?.iter().find_map(&f).map(|r| (r, 0));
        }
        proclitic_splits(norm)
            .find_map(|(letters, rest)| self.tags.get(rest.as_ref())?.iter().find_map(&f).map(|r| (r, letters)))
    }

    /// Whether the word, or the word without its conjunction and preposition, is listed.
    pub fn has(&self, norm: &str) -> bool {
        self.find(norm).is_some()
    }

    /// The words in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// A [`Lexicon`] embedded from the calling crate's `data/NAME.tsv`, parsed on first use:
/// `static TITLES: Lazy = lexicon!("titles");`; with the words of shared lists,
/// `lexicon!("chain_stop" and WEEKDAYS)`; with a tag reader, `lexicon!("cues", |t| t.parse().ok())`.
#[macro_export]
macro_rules! lexicon {
    ($name:literal) => {
        ::std::sync::LazyLock::new(|| {
            $crate::lexicon::Lexicon::words(
                $name,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name, ".tsv")),
            )
        })
    };
    ($name:literal and $($other:expr),+) => {
        ::std::sync::LazyLock::new(|| {
            $crate::lexicon::Lexicon::words(
                $name,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name, ".tsv")),
            )
            $(.and(&*$other))+
        })
    };
    ($name:literal, $tag:expr) => {
        ::std::sync::LazyLock::new(|| {
            $crate::lexicon::Lexicon::tagged(
                $name,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $name, ".tsv")),
                $tag,
            )
        })
    };
}

/// The type of a `static` made by [`lexicon!`].
pub type Lazy<T = ()> = std::sync::LazyLock<Lexicon<T>>;

/// Checks an embedded list as a test would: every word already normalized (a list in another
/// spelling never matches a token), no word listed twice with the same tag, a header line.
pub fn check<T: PartialEq + std::fmt::Debug>(list: &Lexicon<T>, text: &str) -> Result<(), String> {
    let name = list.name();
    if !text.starts_with('#') {
        return Err(format!("{name}: the file must open with a `#` line saying what it is and where it came from"));
    }
    for w in list.iter() {
        let words: Vec<&str> = w.split(' ').collect();
        if words.iter().any(|x| crate::normalize::normalize(x) != *x || x.is_empty()) {
            return Err(format!("{name}: {w:?} is not in normalized spelling"));
        }
        let tags = list.tags(w);
        if tags.iter().enumerate().any(|(i, t)| tags[..i].contains(t)) {
            return Err(format!("{name}: {w:?} is listed twice with one tag"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_aware_lookup() {
        let l = Lexicon::tagged("t", "# t\nمقتل\tevent\nالقتلي\tstate\nالقتلي\tother\n", Some);
        assert_eq!(l.find("بمقتل"), Some((&"event", 1)));
        assert_eq!(l.find("وبمقتل"), Some((&"event", 2)));
        assert_eq!(l.find("للقتلي"), Some((&"state", 1)));
        assert_eq!(l.find_map("والقتلي", |t| (*t == "other").then_some(7)), Some((7, 1)));
        assert_eq!(l.tags("القتلي"), &["state", "other"]);
        assert_eq!(l.iter().collect::<Vec<_>>(), ["مقتل", "القتلي"]);
        assert!(!l.contains("بمقتل"));
    }

    #[test]
    fn defects_are_named() {
        let l = Lexicon::words("t", "# t\nالقتلى\n");
        assert!(check(&l, "# t\nالقتلى\n").unwrap_err().contains("normalized"));
        let l = Lexicon::words("t", "مقتل\n");
        assert!(check(&l, "مقتل\n").unwrap_err().contains("`#` line"));
        let r = std::panic::catch_unwind(|| Lexicon::tagged("t", "# t\nمقتل\tx\n", |_| None::<()>));
        assert!(r.is_err());
    }
}
