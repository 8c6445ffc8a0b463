//! Events in the store: what each backend keeps of an article's events (one row per event, the
//! columns a query filters on beside the event itself as JSON, its entities by global id), the
//! filter of `/api/events`, and incidents — the same event told by several articles, grouped so
//! that totals count it once.
//!
//! Both backends write the rows [`stored`] makes and read them back whole, and incidents are
//! grouped here in Rust from what either returns, so that SQLite and PostgreSQL give the same
//! answers by construction.
use crate::article::{day_number, day_string};
use crate::views::Page;
use khabar_model::{Actor, Article, Event, Resolution};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A stretch of the article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// An event's actor as stored: its words, the global entity they name, and its CAMEO-style code
/// (`KAZCOP`: the country's ISO alpha-3 then the role; either may be missing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventActor {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
    /// Country then role, as CAMEO writes actor codes (empty when neither is known).
    pub code: String,
    pub country: Option<String>,
    pub role: Option<String>,
}

/// An event's place: its words, the global entity, and where it is when geocoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
    /// The place's canonical name in the article, and its Latin name when known.
    pub name: Option<String>,
    pub latin: Option<String>,
    /// ISO 3166-1 alpha-2, as places and figures have it.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    /// `country`, `admin1` or `city`.
    pub level: Option<String>,
}

/// A figure that measures an event (one of the article's counts).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventFigure {
    /// Its position in the article's `counts`.
    pub index: usize,
    pub category: String,
    pub value: f64,
    pub qualifier: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Who reports the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventParty {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
}

/// One event as the store keeps it: the article's event with its entities by global id, its
/// place located, its figures written out, and the day it is counted on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub status: String,
    pub trigger: Span,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub location: Option<EventPlace>,
    /// The event's date as the article resolves it (ISO, at its resolution).
    pub date: Option<String>,
    /// The day it is counted on (`YYYY-MM-DD`): its date when known to the day, else the
    /// article's publication day.
    pub day: Option<String>,
    pub figures: Vec<EventFigure>,
    pub attributed_to: Option<EventParty>,
}

/// An event of the corpus with its article (`/api/events`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub article: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// Its position in the article's `events`.
    pub index: usize,
    #[serde(flatten)]
    pub event: StoredEvent,
}

/// The rows of a stored article's events, for stores made before events were kept: its record
/// as stored (JSON), and its entity links (article-local id → global id), read only when it has
/// events.
pub(crate) fn rows_of_stored(
    record: &str,
    published: Option<&str>,
    links: impl FnOnce() -> crate::error::Result<rustc_hash::FxHashMap<String, String>>,
) -> crate::error::Result<Vec<EventRow>> {
    let record: Article = serde_json::from_str(record)?;
    if record.events.is_empty() {
        return Ok(Vec::new());
    }
    let links = links()?;
    Ok(rows(&record, published, |l| links.get(l).cloned()))
}

/// An event read back: its article's id, title, URL and publication, its position, its JSON.
pub(crate) fn read_view(
    (article, title, url, published, index, body): (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        String,
    ),
) -> crate::error::Result<EventView> {
    Ok(EventView { article, title, url, published, index: index as usize, event: serde_json::from_str(&body)? })
}

/// The columns a query filters on, taken from a [`StoredEvent`].
#[derive(Debug, Clone)]
pub struct EventRow {
    pub index: i64,
    pub kind: String,
    pub mode: Option<String>,
    pub status: String,
    pub day: Option<i64>,
    pub country: Option<String>,
    pub place_entity: Option<String>,
    pub source_entity: Option<String>,
    pub target_entity: Option<String>,
    pub attributed_entity: Option<String>,
    pub source_country: Option<String>,
    pub source_role: Option<String>,
    pub target_country: Option<String>,
    pub target_role: Option<String>,
    /// The [`StoredEvent`] as JSON.
    pub body: String,
}

/// Which events a list or the incidents take: each filter applies when given. `actor` is a
/// CAMEO-style code or part of it — a role (`COP`), a country (`KAZ`) or both (`KAZCOP`) —
/// matched against the source or the target; `country` is the ISO alpha-2 country of the event's
/// place; `entity` a global entity id that is the source, target, place or reporter. Days as
/// 20180301, inclusive, on the day the event is counted on.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<String>,
    pub mode: Option<String>,
    pub status: Option<String>,
    pub actor: Option<ActorFilter>,
    pub country: Option<String>,
    pub entity: Option<String>,
    pub from: Option<i64>,
    pub to: Option<i64>,
}

/// An actor code to match: the country, the role, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFilter {
    pub country: Option<String>,
    pub role: Option<String>,
}

impl ActorFilter {
    /// Reads `KAZ`, `COP` or `KAZCOP` (letter case aside): a three-letter code is a role when it
    /// is one of the roles, else a country. `None` for anything else.
    pub fn parse(code: &str) -> Option<ActorFilter> {
        let c = code.trim().to_ascii_uppercase();
        if !c.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let is_role = |r: &str| r.parse::<khabar_model::ActorRole>().is_ok();
        match c.len() {
            3 if is_role(&c) => Some(ActorFilter { country: None, role: Some(c) }),
            3 => Some(ActorFilter { country: Some(c), role: None }),
            6 if is_role(&c[3..]) => Some(ActorFilter { country: Some(c[..3].into()), role: Some(c[3..].into()) }),
            _ => None,
        }
    }
}

fn actor(a: &Actor, global: &impl Fn(&str) -> Option<String>) -> EventActor {
    let country = a.code.country.clone();
    let role = a.code.role.map(|r| r.as_str().to_string());
    EventActor {
        start: a.start,
        end: a.end,
        text: a.text.clone(),
        entity: a.entity.as_deref().and_then(global),
        code: format!("{}{}", country.as_deref().unwrap_or(""), role.as_deref().unwrap_or("")),
        country,
        role,
    }
}

/// The stored form of `record.events[i]`: local entity ids made global by `global`, the place
/// located from its entity, the figures written out; `published` gives the day when the event's
/// own date is not a day.
pub fn stored(
    record: &Article,
    ev: &Event,
    published: Option<&str>,
    global: impl Fn(&str) -> Option<String>,
) -> StoredEvent {
    let location = ev.location.as_ref().map(|l| {
        let e = l.entity.as_deref().and_then(|id| record.entities.iter().find(|e| e.id == id));
        let geo = e.and_then(|e| e.geo.as_ref());
        EventPlace {
            start: l.start,
            end: l.end,
            text: l.text.clone(),
            entity: l.entity.as_deref().and_then(&global),
            name: e.map(|e| e.name.clone()),
            latin: e.and_then(|e| e.latin.clone()),
            country: geo.map(|g| g.country.clone()),
            lat: geo.map(|g| g.lat),
            lon: geo.map(|g| g.lon),
            geonameid: geo.map(|g| g.geonameid),
            level: geo.map(|g| g.level.as_str().to_string()),
        }
    });
    let own_day = ev.date.as_ref().filter(|d| d.resolution == Resolution::Day).and_then(|d| day_number(Some(&d.value)));
    let day = own_day.or_else(|| day_number(published)).map(day_string);
    StoredEvent {
        kind: ev.kind.as_str().to_string(),
        mode: ev.mode.clone(),
        status: ev.status.as_str().to_string(),
        trigger: Span { start: ev.trigger.start, end: ev.trigger.end, text: ev.trigger.text.clone() },
        source: ev.source.as_ref().map(|a| actor(a, &global)),
        target: ev.target.as_ref().map(|a| actor(a, &global)),
        location,
        date: ev.date.as_ref().map(|d| d.value.clone()),
        day,
        figures: ev
            .counts
            .iter()
            .filter_map(|&i| {
                let c = record.counts.get(i)?;
                Some(EventFigure {
                    index: i,
                    category: c.category.as_str().to_string(),
                    value: c.value,
                    qualifier: c.qualifier.as_str().to_string(),
                    start: c.start,
                    end: c.end,
                    text: c.text.clone(),
                })
            })
            .collect(),
        attributed_to: ev.attributed_to.as_ref().map(|s| EventParty {
            start: s.start,
            end: s.end,
            text: s.text.clone(),
            entity: s.entity.as_deref().and_then(&global),
        }),
    }
}

/// The rows of an article's events, in their order.
pub fn rows(record: &Article, published: Option<&str>, global: impl Fn(&str) -> Option<String>) -> Vec<EventRow> {
    record
        .events
        .iter()
        .enumerate()
        .map(|(i, ev)| {
            let s = stored(record, ev, published, &global);
            let part = |a: &Option<EventActor>| {
                a.as_ref().map_or((None, None, None), |a| (a.entity.clone(), a.country.clone(), a.role.clone()))
            };
            let (source_entity, source_country, source_role) = part(&s.source);
            let (target_entity, target_country, target_role) = part(&s.target);
            EventRow {
                index: i as i64,
                kind: s.kind.clone(),
                mode: s.mode.clone(),
                status: s.status.clone(),
                day: s.day.as_deref().and_then(|d| day_number(Some(d))),
                country: s.location.as_ref().and_then(|l| l.country.clone()),
                place_entity: s.location.as_ref().and_then(|l| l.entity.clone()),
                source_entity,
                target_entity,
                attributed_entity: s.attributed_to.as_ref().and_then(|a| a.entity.clone()),
                source_country,
                source_role,
                target_country,
                target_role,
                body: serde_json::to_string(&s).expect("an event serializes"),
            }
        })
        .collect()
}

/// One incident: events of one type, on one day, at one place, told by one or more articles.
/// Events with no located place are an incident of their article alone (nothing says two
/// unlocated reports are of the same event).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incident {
    #[serde(rename = "type")]
    pub kind: String,
    pub day: Option<String>,
    /// The place (entity id, name, coordinates) its events share; none when unlocated.
    pub place: Option<EventPlace>,
    pub country: Option<String>,
    /// How many articles tell it, and how many events they have of it.
    pub articles: u64,
    pub events: u64,
    /// For each category, the largest figure any of its events gives: reports of one incident
    /// are not added together (that would count its dead once per article).
    pub figures: BTreeMap<String, f64>,
    /// Its events (article, index, trigger), the first [`INCIDENT_EVENTS`] of them.
    pub reports: Vec<IncidentReport>,
}

/// Where an incident is told: the article and the event's place in it, with its trigger.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentReport {
    pub article: String,
    pub title: Option<String>,
    pub index: usize,
    pub trigger: Span,
}

/// How many of an incident's events it lists.
pub const INCIDENT_EVENTS: usize = 10;

/// How many incidents of each type there are on a day (the page's timeline).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncidentDay {
    pub day: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub incidents: u64,
}

/// A page of incidents, with the daily series over all of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Incidents {
    #[serde(flatten)]
    pub page: Page<Incident>,
    pub days: Vec<IncidentDay>,
}

/// Groups events (as a list gives them) into incidents: newest day first, then by type, place
/// and the first article; `limit` of them from `offset`, with the total and the daily series.
pub fn incidents(events: Vec<EventView>, limit: usize, offset: usize) -> Incidents {
    // (day, type, place key) → incident; the place key is the place entity, else the article
    type Key = (Option<String>, String, String);
    let mut groups: BTreeMap<Key, (Incident, std::collections::BTreeSet<String>)> = BTreeMap::new();
    for v in events {
        let e = v.event;
        let located = e.location.as_ref().filter(|l| l.entity.is_some() && l.lat.is_some());
        let place_key = match located {
            Some(l) => format!("e:{}", l.entity.as_deref().unwrap_or_default()),
            None => format!("a:{}", v.article),
        };
        let key = (e.day.clone(), e.kind.clone(), place_key);
        let (inc, articles) = groups.entry(key).or_insert_with(|| {
            (
                Incident {
                    kind: e.kind.clone(),
                    day: e.day.clone(),
                    place: located.cloned(),
                    country: e.location.as_ref().and_then(|l| l.country.clone()),
                    articles: 0,
                    events: 0,
                    figures: BTreeMap::new(),
                    reports: Vec::new(),
                },
                Default::default(),
            )
        });
        inc.events += 1;
        articles.insert(v.article.clone());
        for f in &e.figures {
            let best = inc.figures.entry(f.category.clone()).or_insert(f.value);
            *best = best.max(f.value);
        }
        if inc.reports.len() < INCIDENT_EVENTS {
            inc.reports.push(IncidentReport { article: v.article, title: v.title, index: v.index, trigger: e.trigger });
        }
    }
    let mut all: Vec<Incident> = groups
        .into_values()
        .map(|(mut inc, articles)| {
            inc.articles = articles.len() as u64;
            inc.reports.sort_by(|a, b| (&a.article, a.index).cmp(&(&b.article, b.index)));
            inc
        })
        .collect();
    // newest first; then type, place entity, first article: one order whatever the backend
    fn first(i: &Incident) -> Option<(&str, usize)> {
        i.reports.first().map(|r| (r.article.as_str(), r.index))
    }
    fn place(i: &Incident) -> Option<&str> {
        i.place.as_ref().and_then(|p| p.entity.as_deref())
    }
    all.sort_by(|a, b| {
        b.day
            .cmp(&a.day)
            .then_with(|| a.kind.cmp(&b.kind))
            .then_with(|| place(a).cmp(&place(b)))
            .then_with(|| first(a).cmp(&first(b)))
    });
    let mut days: BTreeMap<(String, String), u64> = BTreeMap::new();
    for i in &all {
        if let Some(d) = &i.day {
            *days.entry((d.clone(), i.kind.clone())).or_default() += 1;
        }
    }
    let total = all.len() as u64;
    let items = all.into_iter().skip(offset).take(limit).collect();
    Incidents {
        page: Page { items, total, offset, limit },
        days: days.into_iter().map(|((day, kind), incidents)| IncidentDay { day, kind, incidents }).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_model::{ActorCode, ActorRole, Entity, EntityType, EventDate, EventStatus, EventType, Geo, Mention};

    fn article() -> Article {
        let mut a = Article::new(Some("a1".into()), Some("2022-01-07".into()));
        a.entities.push(Entity {
            id: "e1".into(),
            kind: EntityType::Loc,
            name: "ألماتي".into(),
            latin: Some("Almaty".into()),
            mentions: vec![Mention { start: 30, end: 36, text: "ألماتي".into() }],
            geo: Some(Geo {
                lat: 43.25,
                lon: 76.9,
                country: "KZ".into(),
                geonameid: 1526384,
                level: khabar_model::PlaceLevel::City,
            }),
        });
        a.events.push(Event {
            kind: EventType::Assault,
            mode: Some("firearms".into()),
            status: EventStatus::Asserted,
            trigger: Mention { start: 0, end: 5, text: "أطلقت".into() },
            source: Some(Actor {
                start: 6,
                end: 15,
                text: "قوات الأمن".into(),
                entity: None,
                code: ActorCode { country: Some("KAZ".into()), role: Some(ActorRole::Cop) },
            }),
            target: None,
            location: Some(khabar_model::Source {
                entity: Some("e1".into()),
                text: "ألماتي".into(),
                start: 30,
                end: 36,
            }),
            date: Some(EventDate { value: "2022-01".into(), resolution: Resolution::Month }),
            counts: vec![7],
            attributed_to: None,
        });
        a
    }

    #[test]
    fn a_stored_event_has_global_ids_a_located_place_and_the_publication_day() {
        let a = article();
        let rows = rows(&a, a.published.as_deref(), |l| (l == "e1").then(|| "g42".to_string()));
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!((r.kind.as_str(), r.day, r.country.as_deref()), ("ASSAULT", Some(20220107), Some("KZ")));
        assert_eq!(r.place_entity.as_deref(), Some("g42"));
        assert_eq!((r.source_country.as_deref(), r.source_role.as_deref()), (Some("KAZ"), Some("COP")));
        let s: StoredEvent = serde_json::from_str(&r.body).unwrap();
        assert_eq!(s.source.unwrap().code, "KAZCOP");
        // a month is no day: the event is counted on the publication day; a figure index that
        // is not in the article's counts is dropped, not a panic
        assert_eq!((s.date.as_deref(), s.day.as_deref()), (Some("2022-01"), Some("2022-01-07")));
        assert!(s.figures.is_empty());
        assert_eq!(s.location.unwrap().lat, Some(43.25));
    }

    #[test]
    fn actor_codes_read_as_role_country_or_both() {
        let f = |s| ActorFilter::parse(s);
        assert_eq!(f("cop"), Some(ActorFilter { country: None, role: Some("COP".into()) }));
        assert_eq!(f("KAZ"), Some(ActorFilter { country: Some("KAZ".into()), role: None }));
        assert_eq!(f("KAZCOP"), Some(ActorFilter { country: Some("KAZ".into()), role: Some("COP".into()) }));
        assert_eq!(f("KAZXYZ"), None);
        assert_eq!(f("K'Z"), None);
        assert_eq!(f("KA"), None);
    }

    fn view(article: &str, kind: &str, day: &str, place: Option<&str>, killed: f64) -> EventView {
        EventView {
            article: article.into(),
            title: None,
            url: None,
            published: Some(day.into()),
            index: 0,
            event: StoredEvent {
                kind: kind.into(),
                mode: None,
                status: "asserted".into(),
                trigger: Span { start: 0, end: 1, text: "x".into() },
                source: None,
                target: None,
                location: place.map(|p| EventPlace {
                    start: 0,
                    end: 1,
                    text: p.into(),
                    entity: Some(p.into()),
                    name: None,
                    latin: None,
                    country: Some("KZ".into()),
                    lat: Some(1.0),
                    lon: Some(2.0),
                    geonameid: None,
                    level: None,
                }),
                date: None,
                day: Some(day.into()),
                figures: vec![EventFigure {
                    index: 0,
                    category: "KILLED".into(),
                    value: killed,
                    qualifier: "exact".into(),
                    start: 0,
                    end: 1,
                    text: "x".into(),
                }],
                attributed_to: None,
            },
        }
    }

    #[test]
    fn the_same_event_told_twice_is_one_incident_and_its_dead_are_not_added() {
        let evs = vec![
            view("a1", "ASSAULT", "2022-01-05", Some("g1"), 26.0),
            view("a2", "ASSAULT", "2022-01-05", Some("g1"), 20.0),
            // another place, another type, an unlocated report: three incidents more
            view("a3", "ASSAULT", "2022-01-05", Some("g2"), 3.0),
            view("a3", "PROTEST", "2022-01-05", Some("g1"), 0.0),
            view("a4", "ASSAULT", "2022-01-05", None, 5.0),
            view("a5", "ASSAULT", "2022-01-04", None, 5.0),
        ];
        let got = incidents(evs, 10, 0);
        assert_eq!(got.page.total, 5);
        let almaty = got.page.items.iter().find(|i| i.kind == "ASSAULT" && i.articles == 2).unwrap();
        assert_eq!(almaty.figures["KILLED"], 26.0);
        assert_eq!(almaty.events, 2);
        let killed: f64 = got.page.items.iter().filter_map(|i| i.figures.get("KILLED")).sum();
        assert_eq!(killed, 26.0 + 3.0 + 0.0 + 5.0 + 5.0);
        // newest day first; the series counts incidents by day and type
        assert_eq!(got.page.items.last().unwrap().day.as_deref(), Some("2022-01-04"));
        assert_eq!(got.days.iter().map(|d| d.incidents).sum::<u64>(), 5);
        assert_eq!(incidents(Vec::new(), 10, 0).page.total, 0);
        let second = incidents(
            vec![
                view("a1", "ASSAULT", "2022-01-05", Some("g1"), 1.0),
                view("a2", "ASSAULT", "2022-01-06", Some("g1"), 1.0),
            ],
            1,
            1,
        );
        assert_eq!((second.page.total, second.page.items[0].day.as_deref()), (2, Some("2022-01-05")));
    }
}
