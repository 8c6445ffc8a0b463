//! GDELT GKG themes: every mention of a word or phrase of the theme list (`data/themes.tsv`,
//! GDELT's theme codes with the Arabic words and phrases that evidence them), in one pass over
//! the tokens with a hash look-up per word.
//!
//! A theme record is one mention: the code and the words (without their conjunction or
//! preposition), as GDELT's V2EnhancedThemes lists each theme with the offset of each mention.
//! Where phrases of different lengths begin at a word, the longest that matches wins (وقف إطلاق
//! النار is a CEASEFIRE); a word of several themes gives a record for each.
//!
//! ```
//! use khabar_extract::themes::themes;
//! let text = "أعلنت الحكومة وقف إطلاق النار بعد مقتل 26.";
//! let doc = khabar_extract::Doc::new(text, None);
//! let found: Vec<_> = themes(&doc).into_iter().map(|t| (t.code, &text[t.span])).collect();
//! assert_eq!(found, [("GENERAL_GOVERNMENT", "الحكومة"), ("CEASEFIRE", "وقف إطلاق النار"), ("KILL", "مقتل")]);
//! ```
use crate::component::Component;
use crate::lexicon::{find_form, Starts};
use crate::{Doc, Span};
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// One line's tag: the theme code and whether the line matches whole words only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeTag {
    pub code: &'static str,
    pub whole_word: bool,
}

fn parse(tag: &'static str) -> Option<ThemeTag> {
    let mut cols = tag.split('\t');
    let code = cols.next()?;
    let valid = !code.is_empty() && code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    let whole_word = match cols.next() {
        None => false,
        Some("word") => true,
        Some(_) => return None,
    };
    (valid && cols.next().is_none()).then_some(ThemeTag { code, whole_word })
}

pub static THEMES: Lazy<ThemeTag> = lexicon!("themes", parse);

/// A line of the list, keyed by its first word: the words after it and its tags.
struct Phrase {
    rest: Vec<&'static str>,
    tags: &'static [ThemeTag],
}

/// The list's lines by first word, the longest phrases first.
static BY_FIRST: LazyLock<FxHashMap<&'static str, Vec<Phrase>>> = LazyLock::new(|| {
    let list: &'static lexicon::Lexicon<ThemeTag> = &THEMES;
    let mut map: FxHashMap<&'static str, Vec<Phrase>> = FxHashMap::default();
    for line in list.iter() {
        let mut words = line.split(' ');
        let first = words.next().unwrap_or(line);
        map.entry(first).or_default().push(Phrase { rest: words.collect(), tags: list.tags(line) });
    }
    for phrases in map.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
    }
    map
});

/// The first three letters of every word of the list (a phrase's later words too).
static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(THEMES.iter().flat_map(|line| line.split(' '))));

/// A mention of a theme, in bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRec {
    pub code: &'static str,
    pub span: Span,
}

/// Whether a token is the listed word `w` (whole, or `w` followed by an ending).
fn is_word(t: &Token, w: &str, whole_only: bool) -> bool {
    t.kind == TokenKind::Arabic
        && find_form(&t.norm, &STARTS, |form, whole| (form == w && (whole || !whole_only)).then_some(())).is_some()
}

/// Every theme mention of a document, in text order.
pub fn themes(doc: &Doc) -> Vec<ThemeRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != TokenKind::Arabic {
            i += 1;
            continue;
        }
        let found = find_form(&t.norm, &STARTS, |form, whole| BY_FIRST.get(form).map(|phrases| (phrases, whole)));
        let mut next = i + 1;
        if let Some(((phrases, whole), letters)) = found {
            for p in phrases {
                let end = i + 1 + p.rest.len();
                let whole_only = p.tags.iter().all(|t| t.whole_word);
                if end > toks.len()
                    || (whole_only && !whole)
                    || !p.rest.iter().zip(&toks[i + 1..end]).all(|(w, t)| is_word(t, w, whole_only))
                {
                    continue;
                }
                let span = doc.start_after_clitic(i, letters)..toks[end - 1].end;
                for tag in p.tags.iter().filter(|t| whole || !t.whole_word) {
                    out.push(ThemeRec { code: tag.code, span: span.clone() });
                }
                next = end;
                break;
            }
        }
        i = next;
    }
    out
}

/// The pipeline's theme component.
pub struct Themes;

impl Component for Themes {
    fn name(&self) -> &'static str {
        "themes"
    }
    fn assigns(&self) -> &'static str {
        "GDELT GKG theme codes, one record per mention that evidences one"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.themes = themes(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, &str)> {
        let doc = Doc::new(text, None);
        themes(&doc).into_iter().map(|t| (t.code, &text[t.span])).collect()
    }

    #[test]
    fn words_phrases_and_clitics() {
        assert_eq!(found("وبمقتل"), [("KILL", "مقتل")]);
        assert_eq!(found("والمتظاهرين"), [("PROTEST", "المتظاهرين")]);
        // a phrase needs all its words, in order
        assert_eq!(found("ارتفاع أسعار النفط"), [("ECON_OILPRICE", "أسعار النفط")]);
        assert!(found("أسعار مرتفعة").is_empty());
        // a word that only begins with a listed one is not it
        assert!(found("توجيه").is_empty());
        // whole-word lines: الفقر is poverty, فقرة a paragraph
        assert_eq!(found("الفقر"), [("POVERTY", "الفقر")]);
        assert!(found("الفقرة").is_empty());
    }

    #[test]
    fn the_list_is_gdelt_codes() {
        let codes: std::collections::BTreeSet<_> = THEMES.iter().flat_map(|w| THEMES.tags(w)).map(|t| t.code).collect();
        assert!(codes.len() >= 60, "{} codes", codes.len());
        assert_eq!(parse("KILL"), Some(ThemeTag { code: "KILL", whole_word: false }));
        assert_eq!(parse("kill"), None);
        assert_eq!(parse("KILL\tstem"), None);
    }
}
