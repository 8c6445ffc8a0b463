//! `khabar serve`: the JSON API (described by `/openapi.json`) and the web page, over a corpus
//! made by `khabar ingest`.
//!
//! Every handler that touches the store runs on tokio's blocking pool; client mistakes are 4xx
//! with a JSON `{"error": "..."}` that says what was wrong; internal errors are logged and
//! answered with a generic 500. Request bodies are bounded ([`MAX_BODY`]).
use axum::body::Body;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use khabar_store::{Corpus, Page, SearchQuery, Slice};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};

pub mod fonts;
pub mod listen;
pub mod load;

/// Largest accepted request body: a long article is well under 1 MB.
pub const MAX_BODY: usize = 2 << 20;

/// Longest a request may take, from its headers to its answer, body reading included: a client
/// that sends its body too slowly gets 408.
pub const REQUEST_TIME: Duration = Duration::from_secs(30);

/// Longest one `/api/extract` may compute (extraction is bounded by the article's length; this
/// is the second line): 503 after it.
pub const EXTRACT_TIME: Duration = Duration::from_secs(10);

pub const OPENAPI: &str = include_str!("../openapi.json");
const INDEX_HTML: &str = include_str!("../../../web/dist/index.html");
const APP_JS: &str = include_str!("../../../web/dist/app.js");
const APP_CSS: &str = include_str!("../../../web/dist/app.css");

/// What the page and the API may load: our own scripts and styles only, no inline script, so an
/// article's text can never run even if it reached the DOM as markup.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

pub struct AppState {
    pub corpus: Corpus,
    /// Store work admitted at once: a few per core. More would only open more SQLite connections
    /// that compete for the same cores and page cache; the rest wait their turn in order.
    permits: tokio::sync::Semaphore,
}

impl AppState {
    pub fn new(corpus: Corpus) -> Arc<AppState> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(AppState { corpus, permits: tokio::sync::Semaphore::new(cores * 2) })
    }
}

#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    /// A rejection by an extractor, with its own status (413 too large, 415 not JSON, 422 JSON
    /// of the wrong shape; 400 for JSON that does not parse).
    Rejected(StatusCode, String),
    NotFound(String),
    Internal(anyhow::Error),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, msg) = match self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m),
            ApiError::Rejected(s, m) => (s, m),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m),
            ApiError::Internal(e) => {
                tracing::error!("internal error: {e:#}");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error".to_string())
            }
        };
        (status, Json(json!({ "error": msg }))).into_response()
    }
}

impl From<khabar_store::Error> for ApiError {
    fn from(e: khabar_store::Error) -> Self {
        ApiError::Internal(e.into())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> Self {
        ApiError::BadRequest(e.body_text())
    }
}

impl From<JsonRejection> for ApiError {
    fn from(e: JsonRejection) -> Self {
        ApiError::Rejected(e.status(), e.body_text())
    }
}

type ApiResult = Result<Response, ApiError>;

/// Runs store work off the async threads.
async fn blocking<T: Send + 'static>(
    state: &Arc<AppState>,
    f: impl FnOnce(&Corpus) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _permit = state.permits.acquire().await.map_err(|e| ApiError::Internal(e.into()))?;
    let state = state.clone();
    tokio::task::spawn_blocking(move || f(&state.corpus)).await.map_err(|e| ApiError::Internal(e.into()))?
}

/// A `from`/`to` parameter: exactly `YYYY-MM-DD`, a day that exists ([`khabar_store::exact_day`]).
fn day(s: &Option<String>, name: &str) -> Result<Option<i64>, ApiError> {
    let Some(v) = s.as_deref().filter(|s| !s.is_empty()) else { return Ok(None) };
    khabar_store::exact_day(v)
        .map(Some)
        .ok_or_else(|| ApiError::BadRequest(format!("`{name}` must be a date YYYY-MM-DD, got {v:?}")))
}

/// A `limit` parameter: `default` when absent, else between 1 and `max`.
fn bounded_limit(v: Option<usize>, default: usize, max: usize) -> Result<usize, ApiError> {
    let limit = v.unwrap_or(default);
    if !(1..=max).contains(&limit) {
        return Err(ApiError::BadRequest(format!("`limit` must be between 1 and {max}, got {limit}")));
    }
    Ok(limit)
}

/// A JSON answer with an ETag (a hash of its bytes): `304 Not Modified` when the request's
/// `If-None-Match` names it already. Clients (the page, a cache) check again each time
/// (`Cache-Control: no-cache`) and get the body only when it changed. The tag is weak (`W/`):
/// the same JSON may travel compressed or not.
fn tagged_json(headers: &HeaderMap, v: &impl Serialize) -> ApiResult {
    let body = serde_json::to_vec(v).map_err(|e| ApiError::Internal(e.into()))?;
    let tag = format!("\"{}\"", &blake3::hash(&body).to_hex()[..32]);
    let etag = HeaderValue::from_str(&format!("W/{tag}")).map_err(|e| ApiError::Internal(e.into()))?;
    let matches =
        headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
            |t| {
                let t = t.trim();
                t == "*" || t.strip_prefix("W/").unwrap_or(t) == tag
            },
        );
    let cache = (header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, [(header::ETAG, etag), cache]).into_response());
    }
    Ok(([(header::CONTENT_TYPE, HeaderValue::from_static("application/json")), (header::ETAG, etag), cache], body)
        .into_response())
}

/// The parameters of a route that takes none: any parameter is refused, as on every route
/// (unknown parameters are a 400 everywhere, never ignored).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoParams {}

fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractBody {
    text: String,
    id: Option<String>,
    published: Option<String>,
}

async fn extract(body: Result<Json<ExtractBody>, JsonRejection>) -> ApiResult {
    let Json(b) = body?;
    // as in JSON Lines input: U+0000 is no text (PostgreSQL cannot store it, no article means it)
    for (field, v) in [("text", Some(&b.text)), ("id", b.id.as_ref()), ("published", b.published.as_ref())] {
        if v.is_some_and(|v| v.contains('\0')) {
            let msg = format!("field `{field}`: contains U+0000 (NUL), which is not text");
            return Err(ApiError::Rejected(StatusCode::UNPROCESSABLE_ENTITY, msg));
        }
    }
    if let Some(p) = &b.published {
        if khabar_text::date::parse_published(p).is_none() {
            return Err(ApiError::BadRequest(format!("`published` must start with a date YYYY-MM-DD, got {p:?}")));
        }
    }
    let work = tokio::task::spawn_blocking(move || khabar_extract::extract(b.id, b.published, &b.text));
    let a = tokio::time::timeout(EXTRACT_TIME, work)
        .await
        .map_err(|_| {
            ApiError::Rejected(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("extraction took longer than {} s", EXTRACT_TIME.as_secs()),
            )
        })?
        .map_err(|e| ApiError::Internal(e.into()))?;
    Ok(Json(a).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ArticlesParams {
    q: Option<String>,
    entity: Option<String>,
    source: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn articles(State(s): State<Arc<AppState>>, p: Result<Query<ArticlesParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let from = day(&p.from, "from")?;
    let to = day(&p.to, "to")?;
    let limit = bounded_limit(p.limit, 20, 100)?;
    // every offset is answered: past the end, no items and the true total
    let offset = p.offset.unwrap_or(0);
    let q = nonempty(p.q);
    let v = blocking(&s, move |c| {
        let entities = match nonempty(p.entity) {
            Some(e) => {
                let ids = c.store.resolve_entity(&e)?;
                if ids.is_empty() {
                    return Ok(json!({"items": [], "total": 0, "offset": offset, "limit": limit}));
                }
                ids
            }
            None => vec![],
        };
        let query = SearchQuery { text: q.clone(), entities, source: nonempty(p.source), from, to, limit, offset };
        let res = c.index.search(&query)?;
        let snippets = q.as_deref().map(|t| c.index.snippets(t)).transpose()?;
        let ids: Vec<String> = res.hits.iter().map(|h| h.id.clone()).collect();
        let rows = c.store.hits(&ids)?;
        let mut out = Vec::with_capacity(rows.len());
        for (h, a) in res.hits.iter().filter(|h| rows.iter().any(|r| r.summary.id == h.id)).zip(&rows) {
            let snippet = snippets.as_ref().map(|sn| sn.make(&a.text));
            let mut v = serde_json::to_value(&a.summary).map_err(|e| ApiError::Internal(e.into()))?;
            v["score"] = json!(h.score);
            v["snippet"] = json!(snippet);
            v["counts"] = json!(a.counts);
            v["quotes"] = json!(a.quotes);
            out.push(v);
        }
        Ok(json!({"items": out, "total": res.total, "offset": offset, "limit": limit}))
    })
    .await?;
    Ok(Json(v).into_response())
}

async fn article(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    p: Result<Query<NoParams>, QueryRejection>,
) -> ApiResult {
    p?;
    let a =
        blocking(&s, move |c| c.store.article(&id)?.ok_or_else(|| ApiError::NotFound(format!("no article {id:?}"))))
            .await?;
    tagged_json(&headers, &a)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesParams {
    q: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn entities(State(s): State<Arc<AppState>>, p: Result<Query<EntitiesParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let kind = nonempty(p.kind);
    if let Some(k) = &kind {
        if !matches!(k.as_str(), "PER" | "ORG" | "LOC") {
            return Err(ApiError::BadRequest(format!("`type` must be PER, ORG or LOC, got {k:?}")));
        }
    }
    let limit = bounded_limit(p.limit, 50, 500)?;
    let offset = p.offset.unwrap_or(0);
    let list =
        blocking(&s, move |c| Ok(c.store.entities(nonempty(p.q).as_deref(), kind.as_deref(), limit, offset)?)).await?;
    Ok(Json(list).into_response())
}

async fn entity(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    p: Result<Query<NoParams>, QueryRejection>,
) -> ApiResult {
    p?;
    let e = blocking(&s, move |c| c.store.entity(&id)?.ok_or_else(|| ApiError::NotFound(format!("no entity {id:?}"))))
        .await?;
    tagged_json(&headers, &e)
}

/// The parameters of an entity's lists.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityListParams {
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// One of an entity's lists (`/api/entities/{id}/articles|quotes|figures|related`).
#[derive(Clone, Copy)]
enum EntityList {
    Articles,
    Quotes,
    Figures,
    Related,
}

async fn entity_list(
    s: Arc<AppState>,
    id: String,
    headers: HeaderMap,
    p: Result<Query<EntityListParams>, QueryRejection>,
    which: EntityList,
) -> ApiResult {
    let Query(p) = p?;
    let slice = Slice {
        from: day(&p.from, "from")?,
        to: day(&p.to, "to")?,
        text: nonempty(p.q),
        limit: bounded_limit(p.limit, 20, 500)?,
        offset: p.offset.unwrap_or(0),
    };
    let page = blocking(&s, move |c| {
        if c.store.entity_head(&id)?.is_none() {
            return Err(ApiError::NotFound(format!("no entity {id:?}")));
        }
        fn json<T: Serialize>(p: Page<T>) -> Result<serde_json::Value, ApiError> {
            serde_json::to_value(p).map_err(|e| ApiError::Internal(e.into()))
        }
        match which {
            EntityList::Articles => json(c.store.entity_articles(&id, &slice)?),
            EntityList::Quotes => json(c.store.entity_quotes(&id, &slice)?),
            EntityList::Figures => json(c.store.entity_figures(&id, &slice)?),
            EntityList::Related => json(c.store.entity_related(&id, &slice)?),
        }
    })
    .await?;
    tagged_json(&headers, &page)
}

async fn entity_articles(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    h: HeaderMap,
    p: Result<Query<EntityListParams>, QueryRejection>,
) -> ApiResult {
    entity_list(s, id, h, p, EntityList::Articles).await
}

async fn entity_quotes(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    h: HeaderMap,
    p: Result<Query<EntityListParams>, QueryRejection>,
) -> ApiResult {
    entity_list(s, id, h, p, EntityList::Quotes).await
}

async fn entity_figures(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    h: HeaderMap,
    p: Result<Query<EntityListParams>, QueryRejection>,
) -> ApiResult {
    entity_list(s, id, h, p, EntityList::Figures).await
}

async fn entity_related(
    State(s): State<Arc<AppState>>,
    Path(id): Path<String>,
    h: HeaderMap,
    p: Result<Query<EntityListParams>, QueryRejection>,
) -> ApiResult {
    entity_list(s, id, h, p, EntityList::Related).await
}

const CATEGORIES: [&str; 7] = ["KILL", "WOUND", "ARREST", "KIDNAP", "MISSING", "DISPLACE", "PROTEST"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountsParams {
    category: Option<String>,
    country: Option<String>,
    scope: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresParams {
    category: Option<String>,
    country: Option<String>,
    scope: Option<String>,
    from: Option<String>,
    to: Option<String>,
    day: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// A `country` parameter: two letters (any case), as an ISO 3166-1 alpha-2 code; the error gives
/// `example` and ends with `more`.
fn country_code(country: Option<String>, example: &str, more: &str) -> Result<Option<String>, ApiError> {
    let country = nonempty(country).map(|c| c.trim().to_uppercase());
    if let Some(c) = &country {
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ApiError::BadRequest(format!(
                "`country` must be an ISO 3166-1 alpha-2 code such as {example}, got {c:?}{more}"
            )));
        }
    }
    Ok(country)
}

const SCOPES: [&str; 4] = ["incident", "cumulative", "historical", "all"];

/// The figures a query names: a category of the seven, a country as two letters, a scope
/// (`incident` when not given: daily totals add one incident's figures only; `all` for every
/// scope), and a range of days.
fn figure_filter(
    category: Option<String>,
    country: Option<String>,
    scope: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
) -> Result<khabar_store::FigureFilter, ApiError> {
    let category = nonempty(category).map(|c| c.trim().to_uppercase());
    if let Some(c) = &category {
        if !CATEGORIES.contains(&c.as_str()) {
            return Err(ApiError::BadRequest(format!(
                "`category` must be one of {}, got {c:?}",
                CATEGORIES.join(", ")
            )));
        }
    }
    let country = country_code(country, "SY", "")?;
    let scope = nonempty(scope).map(|s| s.trim().to_lowercase()).unwrap_or_else(|| "incident".into());
    if !SCOPES.contains(&scope.as_str()) {
        return Err(ApiError::BadRequest(format!("`scope` must be one of {}, got {scope:?}", SCOPES.join(", "))));
    }
    let scope = (scope != "all").then_some(scope);
    Ok(khabar_store::FigureFilter { category, country, scope, from, to })
}

async fn counts(State(s): State<Arc<AppState>>, p: Result<Query<CountsParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let (from, to) = (day(&p.from, "from")?, day(&p.to, "to")?);
    let f = figure_filter(p.category, p.country, p.scope, from, to)?;
    let shown = json!({"category": f.category, "country": f.country, "scope": f.scope.as_deref().unwrap_or("all")});
    let (series, countries) =
        blocking(&s, move |c| Ok((c.store.count_series(&f)?, c.store.figure_countries(&f)?))).await?;
    let mut body = shown;
    body["series"] = json!(series);
    body["countries"] = json!(countries);
    Ok(Json(body).into_response())
}

async fn figures(State(s): State<Arc<AppState>>, p: Result<Query<FiguresParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let (mut from, mut to) = (day(&p.from, "from")?, day(&p.to, "to")?);
    if let Some(d) = day(&p.day, "day")? {
        if from.is_some() || to.is_some() {
            return Err(ApiError::BadRequest("give `day`, or `from` and `to`, not both".into()));
        }
        (from, to) = (Some(d), Some(d));
    }
    let f = figure_filter(p.category, p.country, p.scope, from, to)?;
    let limit = bounded_limit(p.limit, 50, 1000)?;
    let offset = p.offset.unwrap_or(0);
    let page = blocking(&s, move |c| Ok(c.store.figures(&f, limit, offset)?)).await?;
    Ok(Json(page).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeParams {
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The located places mentioned in the articles of a date range, most articles first (the
/// page's map).
async fn places(State(s): State<Arc<AppState>>, p: Result<Query<RangeParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let (from, to) = (day(&p.from, "from")?, day(&p.to, "to")?);
    let limit = bounded_limit(p.limit, 200, 1000)?;
    let offset = p.offset.unwrap_or(0);
    let page = blocking(&s, move |c| Ok(c.store.places(from, to, limit, offset)?)).await?;
    Ok(Json(page).into_response())
}

async fn export_gkg(State(s): State<Arc<AppState>>, p: Result<Query<RangeParams>, QueryRejection>) -> ApiResult {
    tsv_export(&s, p?.0, |a| vec![khabar_store::gkg::row(a)]).await
}

/// The rows `rows` makes of each article published in a range, as tab-separated values; pages
/// go by articles (`limit` up to 20,000), so that no article's rows are split between pages.
async fn tsv_export(
    s: &Arc<AppState>,
    p: RangeParams,
    rows: fn(&khabar_store::ArticleView) -> Vec<String>,
) -> ApiResult {
    let (from, to) = (day(&p.from, "from")?, day(&p.to, "to")?);
    let limit = bounded_limit(p.limit, 1000, 20_000)?;
    let offset = p.offset.unwrap_or(0);
    let body = blocking(s, move |c| {
        let mut out = String::new();
        for a in c.store.articles_between(from, to, limit, offset)? {
            for row in rows(&a) {
                out.push_str(&row);
                out.push('\n');
            }
        }
        Ok(out)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, "text/tab-separated-values; charset=utf-8")], body).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsParams {
    #[serde(rename = "type")]
    kind: Option<String>,
    mode: Option<String>,
    status: Option<String>,
    actor: Option<String>,
    country: Option<String>,
    entity: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The event filter a query names, each part checked: a PLOVER type the extractor reports, a
/// mode as PLOVER spells them (lower-case letters), a status, an actor code (`COP`, `KAZ`,
/// `KAZCOP`), a country as two letters, an entity (its id, or a name: the most mentioned entity
/// of that name), a range of days. `status` defaults to `default_status` (incidents count what
/// happened).
fn event_filter(
    c: &Corpus,
    p: EventsParams,
    default_status: Option<&str>,
) -> Result<khabar_store::EventFilter, ApiError> {
    use khabar_model::{EventStatus, EventType};
    let kind = nonempty(p.kind).map(|k| k.trim().to_uppercase());
    if let Some(k) = &kind {
        if k.parse::<EventType>().is_err() {
            let all: Vec<&str> = EventType::ALL.iter().map(|t| t.as_str()).collect();
            return Err(ApiError::BadRequest(format!("`type` must be one of {}, got {k:?}", all.join(", "))));
        }
    }
    let mode = nonempty(p.mode).map(|m| m.trim().to_lowercase());
    if let Some(m) = &mode {
        if m.len() > 32 || !m.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(ApiError::BadRequest(format!(
                "`mode` must be a PLOVER mode such as firearms or arrest, got {m:?}"
            )));
        }
    }
    let status = match nonempty(p.status).map(|s| s.trim().to_lowercase()) {
        Some(s) if s == "all" => None,
        Some(s) => {
            if s.parse::<EventStatus>().is_err() {
                let all: Vec<&str> = EventStatus::ALL.iter().map(|t| t.as_str()).collect();
                return Err(ApiError::BadRequest(format!(
                    "`status` must be one of {} or all, got {s:?}",
                    all.join(", ")
                )));
            }
            Some(s)
        }
        None => default_status.map(str::to_string),
    };
    let actor = match nonempty(p.actor) {
        Some(a) => Some(khabar_store::ActorFilter::parse(&a).ok_or_else(|| {
            ApiError::BadRequest(format!(
                "`actor` must be a CAMEO-style code: a role (COP), a country (ISO alpha-3, KAZ) or both (KAZCOP), got {a:?}"
            ))
        })?),
        None => None,
    };
    let country = country_code(p.country, "KZ (the event's place)", "; an actor's country is `actor`")?;
    let entity = match nonempty(p.entity) {
        Some(e) => Some(c.store.resolve_entity(e.trim())?.into_iter().next().unwrap_or(e)),
        None => None,
    };
    let (from, to) = (day(&p.from, "from")?, day(&p.to, "to")?);
    Ok(khabar_store::EventFilter { kind, mode, status, actor, country, entity, from, to })
}

/// The events a filter takes, newest first, with their actors, place, figures and the words
/// they came from.
async fn events(State(s): State<Arc<AppState>>, p: Result<Query<EventsParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let limit = bounded_limit(p.limit, 50, 1000)?;
    let offset = p.offset.unwrap_or(0);
    let page = blocking(&s, move |c| {
        let f = event_filter(c, p, None)?;
        Ok(c.store.events(&f, limit, offset)?)
    })
    .await?;
    Ok(Json(page).into_response())
}

/// The events a filter takes grouped into incidents (one type, day and place, however many
/// articles tell it), with their largest figures and a daily series: the page's map and timeline.
async fn incidents(State(s): State<Arc<AppState>>, p: Result<Query<EventsParams>, QueryRejection>) -> ApiResult {
    let Query(p) = p?;
    let limit = bounded_limit(p.limit, 200, 5000)?;
    let offset = p.offset.unwrap_or(0);
    let page = blocking(&s, move |c| {
        let f = event_filter(c, p, Some("asserted"))?;
        Ok(c.store.incidents(&f, limit, offset)?)
    })
    .await?;
    Ok(Json(page).into_response())
}

/// The asserted events of the articles published in a range as GDELT 2.0 Event rows; pages go
/// by articles, as the GKG export's.
async fn export_events(State(s): State<Arc<AppState>>, p: Result<Query<RangeParams>, QueryRejection>) -> ApiResult {
    tsv_export(&s, p?.0, khabar_store::gdelt_events::rows).await
}

async fn stats(State(s): State<Arc<AppState>>, p: Result<Query<NoParams>, QueryRejection>) -> ApiResult {
    p?;
    let st = blocking(&s, |c| Ok(c.store.stats()?)).await?;
    Ok(Json(st).into_response())
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

async fn not_found() -> ApiError {
    ApiError::NotFound("no such route (see /openapi.json)".into())
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::Rejected(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {} (see /openapi.json)", uri.path()),
    )
}

/// Refuses a body announced larger than [`MAX_BODY`] before reading any of it (and before
/// hyper answers `Expect: 100-continue`), and bounds the whole request by [`REQUEST_TIME`].
async fn guard(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let announced = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|n| n > MAX_BODY as u64) {
        let msg = format!("the body may be at most {MAX_BODY} bytes");
        return ApiError::Rejected(StatusCode::PAYLOAD_TOO_LARGE, msg).into_response();
    }
    match tokio::time::timeout(REQUEST_TIME, next.run(req)).await {
        Ok(r) => r,
        Err(_) => {
            let msg = format!("the request was not complete within {} s", REQUEST_TIME.as_secs());
            let mut r = ApiError::Rejected(StatusCode::REQUEST_TIMEOUT, msg).into_response();
            r.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
    }
}

/// The whole application. The GET routes of the API answer cross-origin requests (CORS, with
/// preflight); every answer is compressed (gzip or brotli) when the client accepts it.
pub fn router(state: Arc<AppState>) -> Router {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::ACCEPT, header::IF_NONE_MATCH])
        .expose_headers([header::ETAG])
        .max_age(Duration::from_secs(86_400));
    let reads = Router::new()
        .route("/openapi.json", get(|| async { asset("application/json", OPENAPI) }))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/entities/{id}/articles", get(entity_articles))
        .route("/api/entities/{id}/quotes", get(entity_quotes))
        .route("/api/entities/{id}/figures", get(entity_figures))
        .route("/api/entities/{id}/related", get(entity_related))
        .route("/api/counts", get(counts))
        .route("/api/places", get(places))
        .route("/api/figures", get(figures))
        .route("/api/export/gkg", get(export_gkg))
        .route("/api/events", get(events))
        .route("/api/incidents", get(incidents))
        .route("/api/export/events", get(export_events))
        .route("/api/stats", get(stats))
        // before the CORS layer, so that it wraps this fallback too and answers preflights
        .method_not_allowed_fallback(method_not_allowed)
        .layer(cors);
    Router::new()
        .route("/", get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }))
        .route("/assets/app.js", get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }))
        .route("/assets/app.css", get(|| async { asset("text/css; charset=utf-8", APP_CSS) }))
        .route("/assets/fonts/{name}", get(fonts::font))
        .route("/api/extract", post(extract))
        .merge(reads)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(guard))
        .layer(axum::middleware::map_response(security_headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

async fn security_headers(mut r: Response<Body>) -> Response<Body> {
    let h = r.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r
}

/// Serves until Ctrl-C.
pub async fn serve(corpus: Corpus, addr: &str) -> anyhow::Result<()> {
    let listener =
        tokio::net::TcpListener::bind(addr).await.map_err(|e| anyhow::anyhow!("listening on {addr}: {e}"))?;
    let local = listener.local_addr()?;
    eprintln!("khabar: serving http://{local}/ (API description at http://{local}/openapi.json); Ctrl-C stops");
    let app = router(AppState::new(corpus));
    listen::run(listener, app, listen::Limits::default(), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}

/// Paths of the API, as the router has them and the OpenAPI document must describe them.
pub const API_PATHS: [&str; 17] = [
    "/api/extract",
    "/api/articles",
    "/api/articles/{id}",
    "/api/entities",
    "/api/entities/{id}",
    "/api/entities/{id}/articles",
    "/api/entities/{id}/quotes",
    "/api/entities/{id}/figures",
    "/api/entities/{id}/related",
    "/api/counts",
    "/api/figures",
    "/api/export/gkg",
    "/api/stats",
    "/api/places",
    "/api/events",
    "/api/incidents",
    "/api/export/events",
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn openapi_describes_every_route() {
        let doc: Value = serde_json::from_str(OPENAPI).unwrap();
        for p in API_PATHS {
            assert!(doc["paths"].get(p).is_some(), "{p} is missing from openapi.json");
        }
        assert_eq!(doc["paths"].as_object().unwrap().len(), API_PATHS.len());
    }

    #[test]
    fn openapi_operations_have_ids_and_lists_the_envelope() {
        let doc: Value = serde_json::from_str(OPENAPI).unwrap();
        let mut ids = std::collections::HashSet::new();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path}: no operationId"));
                assert!(ids.insert(id.to_string()), "operationId {id} twice");
            }
        }
        let schemas = &doc["components"]["schemas"];
        for list in ["ArticleList", "EntityList", "EntityArticles", "EntityQuotes", "EntityFigures", "EntityRelated"] {
            let required: Vec<&str> =
                schemas[list]["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
            assert_eq!(required, ["items", "total", "offset", "limit"], "{list}");
        }
        assert!(schemas["ArticleList"]["example"]["items"].is_array());
    }

    #[test]
    fn openapi_lists_places_in_the_envelope() {
        let doc: Value = serde_json::from_str(OPENAPI).unwrap();
        assert_eq!(doc["paths"]["/api/places"]["get"]["operationId"], "listPlaces");
        let list = &doc["components"]["schemas"]["PlaceList"];
        assert_eq!(list["required"], serde_json::json!(["items", "total", "offset", "limit"]));
        let place = &doc["components"]["schemas"]["Place"];
        for field in ["id", "name", "latin", "level", "country", "lat", "lon", "articles"] {
            assert!(place["properties"].get(field).is_some(), "Place.{field}");
            assert!(list["example"]["items"][0].get(field).is_some(), "the example has {field}");
        }
    }
}
