//! The [`Store`] trait: what every backend of the corpus does — batch writes with entity
//! linking, queued writes for distributed workers, and the reads behind the CLI and the API.
use crate::article::NewArticle;
use crate::error::{Error, Result};
use crate::events::{EventFilter, EventView, Incidents};
use crate::search::IndexDoc;
use crate::views::{
    ArticleSummary, ArticleView, CountPoint, CountryFigures, EntityHead, EntitySummary, EntityView, Figure,
    FigureFilter, FigureView, HitRow, MonthCount, Page, PlaceCount, QuoteView, Related, Slice, Stats, Written,
};
use rustc_hash::FxHashMap;

/// One message taken from a queue: its sequence number in the stream, and its article when it
/// held a usable one that is not stored unchanged already.
#[derive(Debug, Clone)]
pub struct Queued {
    pub seq: i64,
    pub article: Option<NewArticle>,
}

/// The storage behind the corpus. Reads take `&self` and may run on many threads at once.
pub trait Store: Send + Sync {
    /// Content hash of every stored article, by id.
    fn hashes(&self) -> Result<FxHashMap<String, String>>;
    /// Content hashes of those of these articles that are stored.
    fn hashes_of(&self, ids: &[String]) -> Result<FxHashMap<String, String>>;
    /// Stores a batch in one transaction: new articles added, changed ones replaced with their
    /// records, entities linked across articles. An index beside the store (tantivy) finds the
    /// articles written left unindexed; a store that is its own index (PostgreSQL) indexes them
    /// in the same transaction.
    fn write(&self, batch: &[NewArticle]) -> Result<Written>;
    /// Queued writes, for workers that share a queue: stores articles taken from a queue stream
    /// (`stream` names the stream and its creation, so that a new stream starts a new count;
    /// `first` is the first sequence number it holds) beside other writers, without linking their
    /// entities: that waits for [`Store::link_queued`], which links in stream order. Every message
    /// is logged, article or not, so that the order has no holes; a message delivered twice
    /// changes nothing the first stored. A store with a single writer (the embedded one) takes
    /// none.
    fn write_queued(&self, stream: &str, first: i64, items: &[Queued]) -> Result<Written> {
        let _ = (stream, first, items);
        Err(no_queue())
    }
    /// Links the entities of queued articles in stream order, as far as the log has no holes (a
    /// message still with a worker, or redelivered after one died, is a hole until stored);
    /// returns how many messages it took past. The same order as one process reading the input
    /// gives the same entities, whatever the number of workers.
    fn link_queued(&self, stream: &str) -> Result<usize> {
        let _ = stream;
        Err(no_queue())
    }
    /// Messages stored from a stream whose entities wait for an earlier one.
    fn queued_unlinked(&self, stream: &str) -> Result<u64> {
        let _ = stream;
        Err(no_queue())
    }
    /// Up to `limit` articles not yet in the search index.
    fn unindexed(&self, limit: usize) -> Result<Vec<IndexDoc>>;
    fn mark_indexed(&self, ids: &[String]) -> Result<()>;
    fn stats(&self) -> Result<Stats>;
    fn article(&self, id: &str) -> Result<Option<ArticleView>>;
    fn summaries(&self, ids: &[String]) -> Result<Vec<ArticleSummary>>;
    /// For search results: each known id's summary, text, and how many quotes and counts it has.
    fn hits(&self, ids: &[String]) -> Result<Vec<HitRow>>;
    /// An entity with the first [`ENTITY_PAGE`] of its articles, quotes and figures (its
    /// companions are [`Store::entity_related`]).
    fn entity(&self, id: &str) -> Result<Option<EntityView>> {
        let Some(head) = self.entity_head(id)? else { return Ok(None) };
        let first = Slice::first(ENTITY_PAGE);
        Ok(Some(EntityView {
            summary: head.summary,
            geonameid: head.geonameid,
            variants: head.variants,
            article_list: self.entity_articles(id, &first)?,
            quotes: self.entity_quotes(id, &first)?,
            figures: self.entity_figures(id, &first)?,
            quotes_by_month: self.entity_quote_months(id)?,
        }))
    }
    /// An entity itself: its summary, GeoNames id and spellings.
    fn entity_head(&self, id: &str) -> Result<Option<EntityHead>>;
    /// The articles that mention an entity, newest first (then by id).
    fn entity_articles(&self, id: &str, s: &Slice) -> Result<Page<ArticleSummary>>;
    /// The quotes an entity is the speaker of, newest first (then by article, place in it).
    fn entity_quotes(&self, id: &str, s: &Slice) -> Result<Page<QuoteView>>;
    /// The figures attributed to an entity, newest first.
    fn entity_figures(&self, id: &str, s: &Slice) -> Result<Page<FigureView>>;
    /// The entities mentioned in the same articles (those of the slice's days), most shared
    /// first (then by name, id).
    fn entity_related(&self, id: &str, s: &Slice) -> Result<Page<Related>>;
    /// An entity's quotes counted by month of publication, oldest first (undated ones left out).
    fn entity_quote_months(&self, id: &str) -> Result<Vec<MonthCount>>;
    /// Entities whose name or a variant contains the query under search folding, or whose Latin
    /// name holds it (letter case aside), most mentioned first.
    fn entities(&self, q: Option<&str>, kind: Option<&str>, limit: usize, offset: usize)
        -> Result<Page<EntitySummary>>;
    /// Global ids for an entity id or any spelling of its name.
    fn resolve_entity(&self, id_or_name: &str) -> Result<Vec<String>>;
    /// The daily sums of the figures the filter takes, one point per day and category (never
    /// added across categories), days as YYYY-MM-DD, oldest first; duplicate articles left out.
    fn count_series(&self, f: &FigureFilter) -> Result<Vec<CountPoint>>;
    /// The figures the filter takes, newest day first (then article, position); duplicate
    /// articles left out.
    fn figures(&self, f: &FigureFilter, limit: usize, offset: usize) -> Result<Page<Figure>>;
    /// How many figures the filter takes in each country (its `country` aside), most first.
    fn figure_countries(&self, f: &FigureFilter) -> Result<Vec<CountryFigures>>;
    /// The located places (LOC entities with coordinates) mentioned in the articles published
    /// between two days (inclusive, as 20180301; undated articles count only when neither is
    /// given), each with how many of those articles mention it, most articles first (then by
    /// name, id): `limit` of them from `offset`, with the total.
    fn places(&self, from: Option<i64>, to: Option<i64>, limit: usize, offset: usize) -> Result<Page<PlaceCount>>;
    /// The events the filter takes, newest day first (then article, position in it), `limit` of
    /// them from `offset`, with the total; duplicate articles left out.
    fn events(&self, f: &EventFilter, limit: usize, offset: usize) -> Result<Page<EventView>>;
    /// The events the filter takes grouped into incidents (see [`crate::events::incidents`]):
    /// `limit` of them from `offset`, with the total and the daily series. Grouped from the
    /// events themselves, so that every backend groups alike.
    fn incidents(&self, f: &EventFilter, limit: usize, offset: usize) -> Result<Incidents> {
        let all = self.events(f, usize::MAX, 0)?;
        Ok(crate::events::incidents(all.items, limit, offset))
    }
    /// Articles published in a range, in date order (then by id), with records, for export:
    /// `limit` of them from `offset`.
    fn articles_between(
        &self,
        from: Option<i64>,
        to: Option<i64>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ArticleView>>;
}

/// How many of each of an entity's lists [`Store::entity`] gives.
pub const ENTITY_PAGE: usize = 20;

fn no_queue() -> Error {
    Error::Unsupported(
        "this store takes no queued writes: the embedded store has one writer (`khabar ingest`); workers write to \
         PostgreSQL"
            .into(),
    )
}
