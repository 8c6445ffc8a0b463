//! Khabar's extractors: from one Arabic news article to the records of the extraction contract
//! (`khabar-model`). Each extractor is one module that reads a [`Doc`] (the text with its tokens
//! and sentences, built once) and adds records:
//!
//! * [`counts`]: people killed, injured, arrested, abducted, missing, displaced or protesting,
//!   with value, qualifier, counted noun and source (needs numbers; uses [`source`]);
//! * [`amounts`]: every other quantity (needs the numbers counts and dates did not take);
//! * [`dates`]: date expressions resolved against the publication date;
//! * [`hedges`]: clauses that say a claim is unverified or disputed.
//!
//! Inside, offsets are byte ranges into the original text; [`to_article`] converts them once to
//! the code-point offsets the contract uses.
//!
//! ```
//! let a = khabar_extract::extract(Some("x".into()), Some("2022-01-07T18:00:00+00:00".into()),
//!     "أعلنت وزارة الداخلية الجمعة مقتل 26 مسلحا.");
//! assert_eq!(a.counts[0].value, 26.0);
//! assert_eq!(a.counts[0].category, khabar_model::Category::Kill);
//! assert_eq!(a.counts[0].attributed_to.as_ref().unwrap().text, "وزارة الداخلية");
//! assert_eq!(a.dates[0].value, "2022-01-07");
//! ```
pub mod amounts;
pub mod counts;
pub mod dates;
pub mod entities;
pub mod hedges;
mod lexicon;
pub mod quotes;
pub mod source;

use chrono::NaiveDate;
use khabar_model as model;
use khabar_model::{Category, HedgeKind, Qualifier, Resolution};
use khabar_text::clitic::letters_to_byte;
use khabar_text::date::parse_published;
use khabar_text::sentence::sentences;
use khabar_text::token::{tokenize, Token};
use std::ops::Range;

/// An article ready for the extractors: the text, its tokens and sentences, its publication day.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
    pub published: Option<NaiveDate>,
    /// The clitic analysis of every token, computed on first use (entities need it many times
    /// per token; counts and dates never).
    analyses: std::sync::OnceLock<Vec<khabar_text::clitic::OwnedAnalysis>>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, published: Option<&str>) -> Self {
        let tokens = tokenize(text);
        let sentences = sentences(&tokens);
        Doc {
            text,
            tokens,
            sentences,
            published: published.and_then(parse_published),
            analyses: std::sync::OnceLock::new(),
        }
    }

    /// The clitic analysis of token `i` (empty for tokens that are not Arabic words).
    pub fn analysis(&self, i: usize) -> &khabar_text::clitic::OwnedAnalysis {
        &self.analyses.get_or_init(|| {
            self.tokens
                .iter()
                .map(|t| {
                    if t.kind == khabar_text::token::TokenKind::Arabic {
                        khabar_text::clitic::analyze(&t.norm).to_owned_analysis()
                    } else {
                        Default::default()
                    }
                })
                .collect()
        })[i]
    }

    /// Byte offset where token `i` starts once `letters` proclitic letters are taken off it.
    pub fn start_after_clitic(&self, i: usize, letters: usize) -> usize {
        let t = &self.tokens[i];
        if letters == 0 {
            return t.start;
        }
        t.start + letters_to_byte(&self.text[t.start..t.end], letters)
    }

    /// The byte range covering tokens `r` (non-empty).
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.tokens[r.start].start..self.tokens[r.end - 1].end
    }
}

/// A record's place in the text, in bytes.
pub type Span = Range<usize>;

#[derive(Debug, Clone, PartialEq)]
pub struct CountRec {
    pub category: Category,
    pub value: f64,
    pub qualifier: Qualifier,
    pub object: Option<Span>,
    pub source: Option<Span>,
    pub span: Span,
    /// Tokens the count used (so that amounts skip them).
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AmountRec {
    pub value: f64,
    pub object: Option<Span>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateRec {
    pub span: Span,
    pub value: String,
    pub resolution: Resolution,
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HedgeRec {
    pub span: Span,
    pub kind: HedgeKind,
}

/// Everything found in one article, with byte spans.
#[derive(Debug, Default)]
pub struct Extraction {
    pub entities: Vec<entities::EntityRec>,
    pub quotes: Vec<quotes::QuoteRec>,
    pub counts: Vec<CountRec>,
    pub amounts: Vec<AmountRec>,
    pub dates: Vec<DateRec>,
    pub hedges: Vec<HedgeRec>,
}

/// Which extractors run; all by default. Amounts need counts and dates (a figure they take is
/// no amount), so they run those internally whatever is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    pub entities: bool,
    pub quotes: bool,
    pub counts: bool,
    pub amounts: bool,
    pub dates: bool,
    pub hedges: bool,
}

impl Default for Fields {
    fn default() -> Self {
        Fields { entities: true, quotes: true, counts: true, amounts: true, dates: true, hedges: true }
    }
}

/// Runs every extractor over a document.
pub fn run(doc: &Doc) -> Extraction {
    run_fields(doc, Fields::default())
}

/// Runs the chosen extractors over a document; the others' lists stay empty.
pub fn run_fields(doc: &Doc, f: Fields) -> Extraction {
    let mut dates = if f.dates || f.amounts { dates::extract(doc) } else { Vec::new() };
    let mut counts = if f.counts || f.amounts { counts::extract(doc) } else { Vec::new() };
    let amounts = if f.amounts { amounts::extract(doc, &counts, &dates) } else { Vec::new() };
    if !f.dates {
        dates.clear();
    }
    if !f.counts {
        counts.clear();
    }
    let hedges = if f.hedges { hedges::extract(doc) } else { Vec::new() };
    let entities = if f.entities { entities::extract(doc) } else { Vec::new() };
    // quotes name their speakers by entity where entities were extracted
    let quotes = if f.quotes { quotes::extract(doc, &entities) } else { Vec::new() };
    Extraction { entities, quotes, counts, amounts, dates, hedges }
}

/// Byte offsets to code-point offsets, for one text.
pub struct CharIndex {
    /// `chars[b]` is the code-point index of byte `b` (meaningful at char boundaries).
    chars: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut chars = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (b, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                chars[b + k] = n;
            }
            n += 1;
        }
        chars[text.len()] = n;
        CharIndex { chars }
    }
    pub fn at(&self, byte: usize) -> usize {
        self.chars[byte] as usize
    }
}

/// Converts an extraction to the contract's records, with code-point offsets and texts that
/// equal the article slices they point at.
pub fn to_article(id: Option<String>, published: Option<String>, doc: &Doc, ex: &Extraction) -> model::Article {
    let ix = CharIndex::new(doc.text);
    let slice = |s: &Span| doc.text[s.clone()].to_string();
    let mut a = model::Article::new(id, published);
    a.entities = ex
        .entities
        .iter()
        .enumerate()
        .map(|(k, e)| model::Entity {
            id: format!("e{}", k + 1),
            kind: e.kind,
            name: slice(&e.mentions[e.name].span),
            latin: e.place.map(|p| p.latin.to_string()),
            mentions: e
                .mentions
                .iter()
                .map(|m| model::Mention { start: ix.at(m.span.start), end: ix.at(m.span.end), text: slice(&m.span) })
                .collect(),
            geo: e.place.filter(|p| p.lat.is_finite() && p.lon.is_finite()).map(|p| model::Geo {
                lat: p.lat,
                lon: p.lon,
                country: p.country.to_string(),
                geonameid: p.geonameid,
                level: if p.is_country { model::PlaceLevel::Country } else { model::PlaceLevel::City },
            }),
        })
        .collect();
    let entity_id = |k: usize| format!("e{}", k + 1);
    let source = |s: &Span, entity: Option<usize>| model::Source {
        entity: entity.map(entity_id),
        text: slice(s),
        start: ix.at(s.start),
        end: ix.at(s.end),
    };
    let overlapping = |s: &Span| {
        ex.entities.iter().position(|e| e.mentions.iter().any(|m| m.span.start < s.end && s.start < m.span.end))
    };
    a.quotes = ex
        .quotes
        .iter()
        .map(|q| model::Quote {
            speaker: q.speaker.as_ref().map(|s| source(s, q.speaker_entity)),
            cue: slice(&q.cue),
            kind: q.kind,
            start: ix.at(q.span.start),
            end: ix.at(q.span.end),
            text: slice(&q.span),
        })
        .collect();
    a.counts = ex
        .counts
        .iter()
        .map(|c| model::Count {
            category: c.category,
            value: c.value,
            qualifier: c.qualifier,
            object: c.object.as_ref().map(slice),
            attributed_to: c.source.as_ref().map(|s| source(s, overlapping(s))),
            start: ix.at(c.span.start),
            end: ix.at(c.span.end),
            text: slice(&c.span),
        })
        .collect();
    a.amounts = ex
        .amounts
        .iter()
        .map(|m| model::Amount {
            value: m.value,
            object: m.object.as_ref().map(slice),
            start: ix.at(m.span.start),
            end: ix.at(m.span.end),
            text: slice(&m.span),
        })
        .collect();
    a.dates = ex
        .dates
        .iter()
        .map(|d| model::Date {
            start: ix.at(d.span.start),
            end: ix.at(d.span.end),
            text: slice(&d.span),
            value: d.value.clone(),
            resolution: d.resolution,
        })
        .collect();
    a.hedges = ex
        .hedges
        .iter()
        .map(|h| model::Hedge {
            start: ix.at(h.span.start),
            end: ix.at(h.span.end),
            text: slice(&h.span),
            kind: h.kind,
        })
        .collect();
    a
}

/// Extracts one article: the whole pipeline from text to contract records.
pub fn extract(id: Option<String>, published: Option<String>, text: &str) -> model::Article {
    extract_fields(id, published, text, Fields::default())
}

/// [`extract`] with a choice of extractors.
pub fn extract_fields(id: Option<String>, published: Option<String>, text: &str, fields: Fields) -> model::Article {
    let doc = Doc::new(text, published.as_deref());
    let ex = run_fields(&doc, fields);
    to_article(id, published, &doc, &ex)
}
