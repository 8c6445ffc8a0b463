//! What the store answers: statistics, write counts, and the views of articles and entities that
//! the CLI and the API show.
use khabar_model::Article;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub articles: u64,
    /// Articles stored again under another id (another section or URL) with the same text, date,
    /// title and source: reachable, but their figures are left out of totals and series.
    pub duplicates: u64,
    pub entities: u64,
    pub quotes: u64,
    pub counts: u64,
    pub dates: u64,
    pub events: u64,
}

/// What a batch write did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    pub stored: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, w: Written) {
        self.stored += w.stored;
        self.replaced += w.replaced;
        self.unchanged += w.unchanged;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GeoView {
    pub lat: f64,
    pub lon: f64,
    pub country: String,
    /// `country`, `admin1` (a first-level division or territory) or `city`; none for a place
    /// stored before levels were recorded.
    pub level: Option<String>,
}

/// An article in a list.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
}

/// A search result's article: what a result list shows, and the text to cut a snippet from.
#[derive(Debug, Clone)]
pub struct HitRow {
    pub summary: ArticleSummary,
    pub text: String,
    pub quotes: u64,
    pub counts: u64,
}

/// An article with its text, every record, and the global id of each of its entities.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub text: String,
    pub record: Article,
    /// Article-local entity id → global entity id.
    pub links: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntitySummary {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub latin: Option<String>,
    pub geo: Option<GeoView>,
    pub articles: u64,
}

/// A spelling of an entity and why it was joined to it.
#[derive(Debug, Clone, Serialize)]
pub struct Variant {
    pub text: String,
    pub key: String,
    pub reason: String,
    pub first_article: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteView {
    pub article: String,
    pub published: Option<String>,
    pub kind: String,
    pub cue: String,
    pub speaker: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    pub article: String,
    pub published: Option<String>,
    pub category: String,
    pub value: f64,
    pub qualifier: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub shared_articles: u64,
}

/// One page of a list: the items from `offset` on (at most `limit`), and how many the whole list
/// holds. Every list of the API answers in this envelope.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub offset: usize,
    pub limit: usize,
}

/// Which part of one of an entity's lists (its articles, quotes, figures, companions): published
/// between two days (inclusive, as 20180301), with a text holding `text` (quotes and figures:
/// the quote or the figure's sentence; articles: the title; companions: the name), from
/// `offset`, at most `limit`.
#[derive(Debug, Clone, Default)]
pub struct Slice {
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub text: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

impl Slice {
    /// The first `limit`, unfiltered.
    pub fn first(limit: usize) -> Slice {
        Slice { limit, ..Slice::default() }
    }

    /// The text filter, trimmed: what a text must hold, exactly (`None` for none).
    pub fn needle(&self) -> Option<&str> {
        self.text.as_deref().map(str::trim).filter(|t| !t.is_empty())
    }
}

/// How many quotes an entity was given in one month (`YYYY-MM`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MonthCount {
    pub month: String,
    pub quotes: u64,
}

/// An entity: its spellings, and the first page of its articles, quotes and figures (they and
/// its companions — the entities seen with it, an aggregate over all its articles that costs
/// more than the rest together — are paged by the API's
/// `/api/entities/{id}/articles|quotes|figures|related`), with its quotes counted month by
/// month over all of them.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView {
    #[serde(flatten)]
    pub summary: EntitySummary,
    pub geonameid: Option<u64>,
    pub variants: Vec<Variant>,
    pub article_list: Page<ArticleSummary>,
    pub quotes: Page<QuoteView>,
    pub figures: Page<FigureView>,
    pub quotes_by_month: Vec<MonthCount>,
}

/// What every backend reads of an entity itself.
#[derive(Debug, Clone)]
pub struct EntityHead {
    pub summary: EntitySummary,
    pub geonameid: Option<u64>,
    pub variants: Vec<Variant>,
}

/// A place in the news: a located place entity (type LOC, with coordinates) and how many
/// articles of a date range mention it (`/api/places`, the page's map).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub id: String,
    pub name: String,
    pub latin: Option<String>,
    /// `country`, `admin1` or `city` (none for a place stored before levels were recorded).
    pub level: Option<String>,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// Articles published in the range that mention it.
    pub articles: u64,
}

/// One day of one category of a count series (categories are never added together).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountPoint {
    pub day: String,
    pub category: String,
    /// Sum of the figures' values that day.
    pub sum: f64,
    /// How many figures.
    pub records: u64,
    /// How many articles gave them.
    pub articles: u64,
}

/// Which figures a count series or a list of figures takes: each filter applies when given;
/// `scope` `None` takes every scope. Days as 20180301, inclusive.
#[derive(Debug, Clone, Default)]
pub struct FigureFilter {
    pub category: Option<String>,
    pub country: Option<String>,
    pub scope: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// One figure of the corpus, with its article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub article: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub category: String,
    pub value: f64,
    pub qualifier: String,
    pub scope: String,
    pub country: Option<String>,
    /// Who gives the figure, as the article names them.
    pub source: Option<String>,
    pub source_entity: Option<String>,
    pub start: u64,
    pub end: u64,
    pub text: String,
}

/// How many figures of a filter each country has.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CountryFigures {
    pub country: String,
    pub records: u64,
}
