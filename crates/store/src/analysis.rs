//! Arabic analysis for the search index, built on the text layer rather than on a generic
//! segmenter (charabia splits every word that starts with ال and the Snowball stemmer turns وزير
//! into زير; see the brief). Two analyzers share one tokenizer:
//!
//! * [`EXACT`]: each word, lossy-normalized ([`khabar_text::normalize`]: diacritics, أ إ آ → ا,
//!   ى → ي, ة → ه) and further folded for search: the hamza seats ؤ and ئ → ء, so that مسؤول and
//!   مسئول, or any hamza or ya spelling of a name, are one term. Names are found here, untouched by stemming.
//! * [`STEM`]: the same, then the proclitics the lexicon-aware analyzer finds (و ف ب ل ك ال لل)
//!   and a few frequent suffixes removed, so that والحكومة and حكومات meet حكومة.
//!
//! Offsets are byte offsets into the original text (tantivy's convention), so snippets point at
//! the article's own words.
use khabar_text::token::{tokenize, TokenKind};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Name under which [`ArabicTokenizer::exact`] is registered.
pub const EXACT: &str = "khabar_ar";
/// Name under which [`ArabicTokenizer::stemmed`] is registered.
pub const STEM: &str = "khabar_ar_stem";

/// Folds a lossy-normalized word further for search: hamza seats that writers interchange
/// (ؤ ئ → ء; the alef seats are already folded by the lossy normalizer), and Latin case.
pub fn search_fold(norm: &str) -> String {
    norm.chars()
        .map(|c| match c {
            'ؤ' | 'ئ' => 'ء',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect()
}

/// The search key of a phrase: its words folded and joined by single spaces. Used for entity
/// keys too, so that an entity found by name search is found under any spelling.
pub fn key(text: &str) -> String {
    terms(text, false).join(" ")
}

/// One word of a text under both analyzers.
pub struct WordTerms {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub exact: String,
    pub stem: String,
}

/// The one pass over a text that every analyzer shares: each word (punctuation left out) with
/// its byte range, its exact term and, when `stems` is set, its stemmed term (the stem of an
/// Arabic word; other words stem to themselves). The stem is the costly part, so an analyzer
/// that does not need it does not pay for it.
fn for_each_word(text: &str, stems: bool, mut f: impl FnMut(usize, usize, String, Option<String>)) {
    for t in tokenize(text) {
        if matches!(t.kind, TokenKind::Punct) || t.norm.is_empty() {
            continue;
        }
        let exact = search_fold(&t.norm);
        let st = stems.then(|| if matches!(t.kind, TokenKind::Arabic) { stem(&exact) } else { exact.clone() });
        f(t.start, t.end, exact, st);
    }
}

/// Every word of a text with both its terms, in one pass.
pub fn word_terms(text: &str) -> Vec<WordTerms> {
    let mut out = Vec::new();
    for_each_word(text, true, |start, end, exact, stem| {
        out.push(WordTerms { start, end, exact, stem: stem.unwrap_or_default() })
    });
    out
}

const SUFFIXES: [&str; 7] = ["هما", "ات", "ون", "ين", "ان", "ها", "هم"];

/// A light stem of a folded word: proclitics and the article off, then one frequent suffix if
/// at least three letters remain.
pub fn stem(folded: &str) -> String {
    let a = khabar_text::clitic::analyze(folded);
    let mut s: &str = a.stem;
    for suf in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suf) {
            if rest.chars().count() >= 3 {
                s = rest;
                break;
            }
        }
    }
    if let Some(rest) = s.strip_suffix('ه') {
        if rest.chars().count() >= 3 {
            s = rest;
        }
    }
    s.to_string()
}

#[derive(Clone)]
pub struct ArabicTokenizer {
    stemmed: bool,
}

impl ArabicTokenizer {
    pub fn exact() -> Self {
        ArabicTokenizer { stemmed: false }
    }
    pub fn stemmed() -> Self {
        ArabicTokenizer { stemmed: true }
    }
}

pub struct ArabicTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> ArabicTokenStream {
        let mut tokens = Vec::new();
        for_each_word(text, self.stemmed, |start, end, exact, stem| {
            let term = stem.unwrap_or(exact);
            if !term.is_empty() {
                tokens.push(Token {
                    offset_from: start,
                    offset_to: end,
                    position: tokens.len(),
                    text: term,
                    position_length: 1,
                });
            }
        });
        ArabicTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for ArabicTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &mut ArabicTokenizer, s: &str) -> Vec<String> {
        let mut out = vec![];
        let mut st = t.token_stream(s);
        while st.advance() {
            out.push(st.token().text.clone());
        }
        out
    }

    #[test]
    fn spellings_meet() {
        let mut e = ArabicTokenizer::exact();
        assert_eq!(terms(&mut e, "ألماتي"), terms(&mut e, "الماتى"));
        assert_eq!(terms(&mut e, "مسؤول"), terms(&mut e, "مسئول"));
        assert_eq!(terms(&mut e, "إيران"), terms(&mut e, "ايران"));
    }

    #[test]
    fn stems_join_clitics_and_plurals() {
        let mut s = ArabicTokenizer::stemmed();
        assert_eq!(terms(&mut s, "والحكومة"), terms(&mut s, "حكومة"));
        assert_eq!(terms(&mut s, "وزير"), vec!["وزير".to_string()]);
    }

    #[test]
    fn doc_terms_count_what_the_analyzers_emit() {
        // PostgreSQL's BM25 reads these counts where tantivy reads its own: they must agree
        let (title, body) = ("الحكومة تعلن", "قال وزير الخارجية إن الحكومة والحكومات ستجتمع، وقال: «نعم» 3 مرات.");
        let d = DocTerms::of(title, body);
        let count = |t: &mut ArabicTokenizer, s: &str| terms(t, s);
        let fields = [
            count(&mut ArabicTokenizer::exact(), title),
            count(&mut ArabicTokenizer::exact(), body),
            count(&mut ArabicTokenizer::stemmed(), title),
            count(&mut ArabicTokenizer::stemmed(), body),
        ];
        for (f, toks) in fields.iter().enumerate() {
            assert_eq!(d.lens[f] as usize, toks.len(), "field {f}");
            for t in toks {
                let tf = d.postings.iter().find(|p| &p.0 == t).map(|p| p.1[f]);
                assert_eq!(tf, Some(toks.iter().filter(|x| *x == t).count() as u32), "{t} in field {f}");
            }
        }
        assert_eq!(d.postings.iter().map(|p| p.1[1]).sum::<u32>(), d.lens[1]);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "قال الرئيسُ «نعم»";
        let mut e = ArabicTokenizer::exact();
        let mut st = e.token_stream(text);
        while st.advance() {
            let t = st.token();
            assert!(text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to));
        }
    }
}

/// The terms of a text under one analyzer, in order.
pub fn terms(text: &str, stemmed: bool) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, stemmed, |_, _, exact, stem| {
        let term = stem.unwrap_or(exact);
        if !term.is_empty() {
            out.push(term);
        }
    });
    out
}

/// Snippets cut by our own analyzers, for a search backend that has none (PostgreSQL): the
/// first stretch of text around a word whose exact or stemmed term is one of the query's.
pub struct TermSnippets {
    exact: rustc_hash::FxHashSet<String>,
    stems: rustc_hash::FxHashSet<String>,
}

impl TermSnippets {
    pub fn new(query: &str) -> TermSnippets {
        // the words of what the query selects, not of what it excludes
        let words: Vec<WordTerms> = crate::query::parse(query).wanted().flat_map(|a| word_terms(a.text())).collect();
        TermSnippets {
            exact: words.iter().map(|w| w.exact.clone()).collect(),
            stems: words.into_iter().map(|w| w.stem).filter(|s| !s.is_empty()).collect(),
        }
    }
}

impl crate::search::Snippets for TermSnippets {
    fn make(&self, text: &str) -> crate::search::Snippet {
        const WIDTH: usize = 220;
        let hits: Vec<(usize, usize)> = word_terms(text)
            .into_iter()
            .filter(|w| self.exact.contains(&w.exact) || self.stems.contains(&w.stem))
            .map(|w| (w.start, w.end))
            .collect();
        let Some(&(first, _)) = hits.first() else {
            return crate::search::Snippet { text: text.chars().take(200).collect(), highlights: vec![] };
        };
        // start a little before the first hit, at a character boundary; WIDTH characters on
        let start_char = text[..first].chars().count().saturating_sub(40);
        let start = text.char_indices().nth(start_char).map_or(0, |(i, _)| i);
        let end = text[start..].char_indices().nth(WIDTH).map_or(text.len(), |(i, _)| start + i);
        let frag = &text[start..end];
        let to_chars = |byte: usize| text[start..byte.clamp(start, end)].chars().count();
        let highlights =
            hits.iter().filter(|h| h.0 >= start && h.1 <= end).map(|h| (to_chars(h.0), to_chars(h.1))).collect();
        crate::search::Snippet { text: frag.to_string(), highlights }
    }
}

/// The four searched fields, in the order the query parser scores them: title and body under
/// [`EXACT`], title and body under [`STEM`].
pub const FIELDS: usize = 4;
/// Each field's boost: a word in the title counts twice; a stem-only match counts less.
pub const BOOSTS: [f32; FIELDS] = [2.0, 1.0, 1.0, 0.4];

/// What BM25 needs of one article: the number of tokens in each field, and each distinct term
/// with its frequency in each field (an exact term and a stem share a row when they are the
/// same string).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct DocTerms {
    pub lens: [u32; FIELDS],
    pub postings: Vec<(String, [u32; FIELDS])>,
}

impl DocTerms {
    pub fn of(title: &str, body: &str) -> DocTerms {
        let mut lens = [0u32; FIELDS];
        let mut tf: rustc_hash::FxHashMap<String, [u32; FIELDS]> = Default::default();
        for (text, exact_field) in [(title, 0), (body, 1)] {
            for w in word_terms(text) {
                lens[exact_field] += 1;
                tf.entry(w.exact).or_default()[exact_field] += 1;
                if !w.stem.is_empty() {
                    lens[exact_field + 2] += 1;
                    tf.entry(w.stem).or_default()[exact_field + 2] += 1;
                }
            }
        }
        let mut postings: Vec<_> = tf.into_iter().collect();
        postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        DocTerms { lens, postings }
    }

    /// Distinct terms of the exact fields (`stems` false) or of the stemmed ones.
    pub fn terms(&self, stems: bool) -> Vec<&str> {
        let at = if stems { 2 } else { 0 };
        self.postings.iter().filter(|(_, f)| f[at] + f[at + 1] > 0).map(|(t, _)| t.as_str()).collect()
    }
}
