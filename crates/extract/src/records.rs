//! The records components assign, with byte spans into the original text ([`crate::output`]
//! turns them into the contract's code-point records).
use crate::{entities, quotes};
use khabar_model::{Category, HedgeKind, Qualifier, Resolution};
use std::ops::Range;

/// A record's place in the text, in bytes.
pub type Span = Range<usize>;

/// Words that name who said or gave something (a quote's speaker, a figure's source), and the
/// entity they name, which the attribution component links.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRec {
    pub span: Span,
    /// Index into the article's entities.
    pub entity: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountRec {
    pub category: Category,
    pub value: f64,
    pub qualifier: Qualifier,
    pub object: Option<Span>,
    /// Who gives the figure.
    pub source: Option<SourceRec>,
    pub span: Span,
    /// Tokens the count used (so that amounts skip them).
    pub tokens: Range<usize>,
    /// One incident's figure, or a cumulative or historical toll ([`crate::scope`]).
    pub scope: khabar_model::Scope,
    /// The ISO code of the country it is counted in ([`crate::scope`]).
    pub country: Option<&'static str>,
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
    pub events: Vec<crate::events::EventRec>,
    pub themes: Vec<crate::themes::ThemeRec>,
    /// None when the tone component did not run.
    pub tone: Option<crate::tone::ToneRec>,
}
