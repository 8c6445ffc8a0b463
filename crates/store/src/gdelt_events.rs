//! Export as GDELT 2.0 Event rows (tab-separated, 61 columns, no header, one row per event), so
//! that tools written for GDELT's event files load our events. The mapping, column by column:
//!
//! | # | GDELT column | from Khabar |
//! |---|--------------|-------------|
//! | 1 | GLOBALEVENTID | a number made from the article's id and the event's position: the first 40 bits of the id's BLAKE3 hash × 1000 + position, the same in every export |
//! | 2–5 | SQLDATE, MonthYear, Year, FractionDate | the day the event is counted on (its own date when known to the day, else the publication day); zeros when neither is known |
//! | 6–15 | Actor1… | the event's `source`: Code = its CAMEO-style code (`KAZCOP`), Name = its entity's Latin name when known, else its words, CountryCode = ISO alpha-3, Type1Code = role; KnownGroup, Ethnic, Religion and Type2/3 empty |
//! | 16–25 | Actor2… | the event's `target`, likewise |
//! | 26 | IsRootEvent | 1 when the trigger is in the article's first paragraph (GDELT: the lead), else 0 |
//! | 27–31 | EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale | from PLOVER `type` and `mode` by `data/plover_cameo.tsv` (the mapping and its sources are written there) |
//! | 32–34 | NumMentions, NumSources, NumArticles | 1, 1, 1: one row is one article's report (incidents, `/api/incidents`, join the reports of one event) |
//! | 35 | AvgTone | the article's tone |
//! | 36–43, 44–51 | Actor1Geo…, Actor2Geo… | type 0 and empty: an actor's place is not extracted |
//! | 52–59 | ActionGeo… | the event's `location` when geocoded: Type as in the GKG export (1 country, 2 US state, 3 US city, 4 city, 5 first-level division), FullName (Latin when known), CountryCode FIPS 10-4, ADM1Code the FIPS code for a country (our places carry no ADM1 code), ADM2Code empty, Lat, Long, FeatureID = GeoNames id |
//! | 60 | DATEADDED | the publication time in UTC, `YYYYMMDDHHMMSS` |
//! | 61 | SOURCEURL | the article's `url`, else `khabar:ID` |
//!
//! Only events the article asserts are exported: GDELT's event files hold what happened, and
//! have no field for a denied, planned or threatened event (those are in `/api/events`).
use crate::events::{stored, StoredEvent};
use crate::gkg::{clean, fips, level_type, number, timestamp};
use crate::views::ArticleView;
use khabar_model::{Actor, Article, EventStatus};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// How many columns a row has.
pub const COLUMNS: usize = 61;

const PLOVER_CAMEO: &str = include_str!("../data/plover_cameo.tsv");

/// A CAMEO event code with its QuadClass and Goldstein value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cameo {
    pub code: &'static str,
    pub quad: u8,
    pub goldstein: f64,
}

/// `(type, mode)` → CAMEO, from `data/plover_cameo.tsv` (mode `-` for the type itself).
fn table() -> &'static FxHashMap<(&'static str, &'static str), Cameo> {
    static TABLE: OnceLock<FxHashMap<(&'static str, &'static str), Cameo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PLOVER_CAMEO
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                // the table is ours, compiled in, and read by a unit test: a bad line is a bug
                let bad = || -> ! { panic!("data/plover_cameo.tsv: a bad line: {l:?}") };
                if f.len() != 5 {
                    bad()
                }
                let cameo = Cameo {
                    code: f[2],
                    quad: f[3].parse().unwrap_or_else(|_| bad()),
                    goldstein: f[4].parse().unwrap_or_else(|_| bad()),
                };
                ((f[0], f[1]), cameo)
            })
            .collect()
    })
}

/// The CAMEO code of a PLOVER type and mode: the mode's own when listed, else the type's.
pub fn cameo(kind: &str, mode: Option<&str>) -> Option<Cameo> {
    let t = table();
    mode.and_then(|m| t.get(&(kind, m))).or_else(|| t.get(&(kind, "-"))).copied()
}

/// GLOBALEVENTID of an article's event.
pub fn event_id(article: &str, index: usize) -> u64 {
    let h = blake3::hash(article.as_bytes());
    let mut b = [0u8; 8];
    b[3..].copy_from_slice(&h.as_bytes()[..5]);
    u64::from_be_bytes(b) * 1000 + index as u64
}

/// The rows of an article's asserted events (without trailing newlines).
pub fn rows(a: &ArticleView) -> Vec<String> {
    let r = &a.record;
    let published = a.summary.published.as_deref();
    let lead_end = a.text.find('\n').map_or(usize::MAX, |b| a.text[..b].chars().count());
    r.events
        .iter()
        .enumerate()
        .filter(|(_, ev)| ev.status == EventStatus::Asserted)
        .map(|(i, ev)| {
            let s = stored(r, ev, published, |l| a.links.get(l).cloned());
            let mut cols: Vec<String> = vec![String::new(); COLUMNS];
            cols[0] = event_id(&a.summary.id, i).to_string();
            [cols[1], cols[2], cols[3], cols[4]] = day_columns(s.day.as_deref());
            cols[5..15].clone_from_slice(&actor(r, ev.source.as_ref()));
            cols[15..25].clone_from_slice(&actor(r, ev.target.as_ref()));
            cols[25] = u8::from(ev.trigger.start < lead_end).to_string();
            if let Some(c) = cameo(&s.kind, s.mode.as_deref()) {
                cols[26] = c.code.to_string();
                cols[27] = c.code[..3].to_string();
                cols[28] = c.code[..2].to_string();
                cols[29] = c.quad.to_string();
                cols[30] = number(c.goldstein);
            }
            cols[31] = "1".into();
            cols[32] = "1".into();
            cols[33] = "1".into();
            cols[34] = r.tone.as_ref().map(|t| number(t.tone)).unwrap_or_default();
            cols[35] = "0".into();
            cols[43] = "0".into();
            cols[51..59].clone_from_slice(&place(&s));
            cols[59] = timestamp(published);
            cols[60] = clean(a.summary.url.as_deref().map_or(&format!("khabar:{}", a.summary.id), |u| u));
            cols.iter().map(|c| tab_free(c)).collect::<Vec<_>>().join("\t")
        })
        .collect()
}

/// A value with no tab or line break in it.
fn tab_free(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }).collect()
}

/// SQLDATE, MonthYear, Year, FractionDate of a `YYYY-MM-DD` day.
fn day_columns(day: Option<&str>) -> [String; 4] {
    use chrono::{Datelike, NaiveDate};
    match day.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        Some(d) => [
            d.format("%Y%m%d").to_string(),
            d.format("%Y%m").to_string(),
            d.year().to_string(),
            format!("{:.4}", d.year() as f64 + d.ordinal0() as f64 / 365.0),
        ],
        None => ["0".into(), "0".into(), "0".into(), "0".into()],
    }
}

/// The ten actor columns of an actor.
fn actor(r: &Article, a: Option<&Actor>) -> [String; 10] {
    let mut cols: [String; 10] = Default::default();
    let Some(a) = a else { return cols };
    let latin =
        a.entity.as_deref().and_then(|id| r.entities.iter().find(|e| e.id == id)).and_then(|e| e.latin.as_deref());
    let country = a.code.country.clone().unwrap_or_default();
    let role = a.code.role.map(|r| r.as_str().to_string()).unwrap_or_default();
    cols[0] = format!("{country}{role}");
    cols[1] = clean(&latin.map_or_else(|| a.text.clone(), str::to_uppercase));
    cols[2] = country;
    cols[7] = role;
    cols
}

/// The eight ActionGeo columns of an event's place.
fn place(s: &StoredEvent) -> [String; 8] {
    let mut cols: [String; 8] = Default::default();
    cols[0] = "0".into();
    let Some(l) = &s.location else { return cols };
    let (Some(lat), Some(lon), Some(country)) = (l.lat, l.lon, l.country.as_deref()) else { return cols };
    let level = l.level.as_deref().and_then(|v| v.parse().ok());
    let t = level_type(level.map(|level| (level, country)));
    cols[0] = t.to_string();
    cols[1] = clean(l.latin.as_deref().or(l.name.as_deref()).unwrap_or(&l.text));
    cols[2] = fips(country).to_string();
    if t == 1 {
        cols[3] = cols[2].clone();
    }
    cols[5] = lat.to_string();
    cols[6] = lon.to_string();
    cols[7] = l.geonameid.map(|g| g.to_string()).unwrap_or_default();
    cols
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::ArticleSummary;
    use khabar_model::{ActorCode, ActorRole, Entity, EntityType, Event, EventType, Geo, Mention, PlaceLevel, Source};

    #[test]
    fn every_type_and_listed_mode_has_a_code_and_the_codes_are_well_formed() {
        for ((kind, mode), c) in table() {
            assert!(matches!(c.code.len(), 3 | 4) && c.code.bytes().all(|b| b.is_ascii_digit()), "{kind} {mode}");
            let root: u8 = c.code[..2].parse().unwrap();
            let quad = match root {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(c.quad, quad, "{kind} {mode}: QuadClass of root {root}");
            assert!((-10.0..=10.0).contains(&c.goldstein));
        }
        for kind in ["PROTEST", "ASSAULT", "COERCE", "MOBILIZE"] {
            assert!(cameo(kind, None).is_some(), "{kind}");
            // a mode the table does not list falls back to the type
            assert_eq!(cameo(kind, Some("unlisted")), cameo(kind, None));
        }
        assert_eq!(cameo("COERCE", Some("arrest")).unwrap().code, "173");
        assert_eq!(cameo("ASSAULT", Some("aerial")).unwrap().code, "195");
    }

    fn view() -> ArticleView {
        let text = "أطلقت قوات الأمن النار\tفي ألماتي.\nوتظاهر آلاف.";
        let mut r = Article::new(Some("a1".into()), Some("2022-01-07T10:00:00+06:00".into()));
        r.entities.push(Entity {
            id: "e1".into(),
            kind: EntityType::Loc,
            name: "ألماتي".into(),
            latin: Some("Almaty".into()),
            mentions: vec![],
            geo: Some(Geo { lat: 43.25, lon: 76.9, country: "KZ".into(), geonameid: 1526384, level: PlaceLevel::City }),
        });
        let ev = |kind, status, start| Event {
            kind,
            mode: Some("firearms".into()),
            status,
            trigger: Mention { start, end: start + 5, text: "x".into() },
            source: Some(Actor {
                start: 6,
                end: 16,
                text: "قوات\tالأمن".into(),
                entity: None,
                code: ActorCode { country: Some("KAZ".into()), role: Some(ActorRole::Cop) },
            }),
            target: None,
            location: Some(Source { entity: Some("e1".into()), text: "ألماتي".into(), start: 26, end: 32 }),
            date: None,
            counts: vec![],
            attributed_to: None,
        };
        r.events.push(ev(EventType::Assault, EventStatus::Asserted, 0));
        r.events.push(ev(EventType::Protest, EventStatus::Planned, 40));
        r.events.push(ev(EventType::Protest, EventStatus::Asserted, 40));
        ArticleView {
            summary: ArticleSummary {
                id: "a1".into(),
                title: None,
                source: None,
                url: None,
                published: Some("2022-01-07T10:00:00+06:00".into()),
            },
            text: text.into(),
            record: r,
            links: [("e1".to_string(), "g7".to_string())].into(),
        }
    }

    #[test]
    fn an_asserted_event_is_one_row_of_61_columns() {
        let rows = rows(&view());
        // the planned protest is left out
        assert_eq!(rows.len(), 2);
        let c: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(c.len(), COLUMNS);
        assert_eq!(c[0], event_id("a1", 0).to_string());
        assert_eq!((c[1], c[2], c[3]), ("20220107", "202201", "2022"));
        assert_eq!((c[5], c[6], c[7], c[12]), ("KAZCOP", "قوات الأمن", "KAZ", "COP"));
        assert_eq!(c[15], "");
        assert_eq!((c[25], c[26], c[27], c[28], c[29], c[30]), ("1", "193", "193", "19", "4", "-10"));
        assert_eq!((c[51], c[52], c[53], c[56], c[58]), ("4", "Almaty", "KZ", "43.25", "1526384"));
        assert_eq!(c[59], "20220107040000");
        assert_eq!(c[60], "khabar:a1");
        let second: Vec<&str> = rows[1].split('\t').collect();
        // the protest is after the first line: not the lead; its id follows its position
        assert_eq!((second[25], second[26]), ("0", "140"));
        assert_eq!(second[0], event_id("a1", 2).to_string());
        assert_ne!(event_id("a1", 0), event_id("a2", 0));
    }
}
