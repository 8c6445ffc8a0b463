//! Export as GDELT Global Knowledge Graph 2.1 rows (tab-separated, 27 columns, no header), so
//! that tools written for GKG files load our records. The mapping, column by column:
//!
//! | # | GKG column | from Khabar |
//! |---|------------|-------------|
//! | 1 | GKGRECORDID | `YYYYMMDDHHMMSS-N`: publication time and the row's number in this export |
//! | 2 | V2.1DATE | publication time, `YYYYMMDDHHMMSS` (UTC offset ignored; 000000 when only the day is known) |
//! | 3 | V2SOURCECOLLECTIONIDENTIFIER | `1` (web) |
//! | 4 | V2SOURCECOMMONNAME | the article's `source` |
//! | 5 | V2DOCUMENTIDENTIFIER | its `url`, else `khabar:ID` |
//! | 6, 7 | V1COUNTS, V2.1COUNTS | counts: `TYPE#value#object#0#####[#offset]`; TYPE is our category with DISPLACE → DISPLACED (GDELT's name); MISSING has no GDELT type and is kept as MISSING |
//! | 8, 9 | V1THEMES, V2ENHANCEDTHEMES | themes: V1 each code once, in order of first mention; V2 `CODE,offset` per mention |
//! | 10, 11 | V1LOCATIONS, V2ENHANCEDLOCATIONS | LOC entities: `type#name#country#ADM1#[ADM2#]lat#lon#featureid[#offset]`, GDELT's types: 1 a country (at its centroid), 2 a US state, 3 a US city, 4 a city elsewhere, 5 a first-level division elsewhere (a governorate, province, or a territory such as the Gaza Strip); the name is the Latin one when known; **country codes are ISO 3166 alpha-2**, where GDELT writes FIPS 10-4; feature id is the GeoNames id |
//! | 12, 13 | V1PERSONS, V2ENHANCEDPERSONS | PER entities (canonical name; V2 once per mention `name,offset`) |
//! | 14, 15 | V1ORGANIZATIONS, V2ENHANCEDORGANIZATIONS | ORG entities, likewise |
//! | 16 | V1.5TONE | tone: `tone,positive,negative,polarity,activity,self_group,words` (empty for records without tone) |
//! | 17 | V2.1ENHANCEDDATES | dates: `resolution#month#day#year#offset`, resolution 3 day, 2 month, 1 year |
//! | 18–22 | GCAM, images, embeds | empty |
//! | 23 | V2.1QUOTATIONS | quotes: `offset|length|cue|text`, joined by `#` |
//! | 24 | V2.1ALLNAMES | every entity mention, `name,offset` |
//! | 25 | V2.1AMOUNTS | amounts: `value,object,offset` |
//! | 26 | V2.1TRANSLATIONINFO | `srclc:ara;eng:khabar` — the source was read in Arabic, not translated |
//! | 27 | V2EXTRASXML | `<PAGE_TITLE>`, and `<KHABAR_SPEAKERS>` with each quote's speaker (GKG has no field for it) |
//!
//! Offsets are character (code point) offsets into the article text, as in GKG. Delimiters that
//! would break a field (tab, newline, `;`, `#`, `,`, `|`) are replaced by spaces inside values.
use crate::views::ArticleView;
use khabar_model::{Article, Category, EntityType, Geo, PlaceLevel};
use std::fmt::Write;

fn clean(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '\t' | '\n' | '\r' | ';' | '#' | ',' | '|') { ' ' } else { c }).collect()
}

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `YYYYMMDDHHMMSS` of a `published` value (`2022-01-07T13:05:00+06:00` → 20220107130500).
fn timestamp(published: Option<&str>) -> String {
    let digits: String = published.unwrap_or("").chars().filter(|c| c.is_ascii_digit()).take(14).collect();
    if digits.len() >= 8 {
        format!("{digits:0<14}")
    } else {
        "00000000000000".into()
    }
}

/// One GKG 2.1 row (without the trailing newline).
pub fn row(a: &ArticleView, n: usize) -> String {
    let r = &a.record;
    let ts = timestamp(a.summary.published.as_deref());
    let mut cols: Vec<String> = vec![String::new(); 27];
    cols[0] = format!("{ts}-{n}");
    cols[1] = ts;
    cols[2] = "1".into();
    cols[3] = clean(a.summary.source.as_deref().unwrap_or(""));
    cols[4] = clean(a.summary.url.clone().unwrap_or_else(|| format!("khabar:{}", a.summary.id)).as_str());
    [cols[5], cols[6]] = counts(r);
    let e = Entities::of(r);
    [cols[9], cols[10], cols[11], cols[12], cols[13], cols[14]] =
        [e.v1loc, e.v2loc, e.v1per, e.v2per, e.v1org, e.v2org].map(|v| v.join(";"));
    cols[16] = dates(r);
    cols[22] = r
        .quotes
        .iter()
        .map(|q| format!("{}|{}|{}|{}", q.start, q.end - q.start, clean(&q.cue), clean(&q.text)))
        .collect::<Vec<_>>()
        .join("#");
    cols[23] = e.all.join(";");
    cols[24] = r
        .amounts
        .iter()
        .map(|m| format!("{},{},{}", number(m.value), clean(m.object.as_deref().unwrap_or("")), m.start))
        .collect::<Vec<_>>()
        .join(";");
    cols[25] = "srclc:ara;eng:khabar".into();
    cols[26] = extras(a);
    [cols[7], cols[8]] = themes(r);
    cols[15] = tone(r);
    cols.join("\t")
}

/// V1COUNTS and V2.1COUNTS.
fn counts(r: &Article) -> [String; 2] {
    // GDELT's Counts spell the displaced category DISPLACED
    let kind = |c: Category| if c == Category::Displace { "DISPLACED" } else { c.as_str() };
    let counts: Vec<(String, usize)> = r
        .counts
        .iter()
        .map(|c| {
            (
                format!("{}#{}#{}#0#####", kind(c.category), number(c.value), clean(c.object.as_deref().unwrap_or(""))),
                c.start,
            )
        })
        .collect();
    [
        counts.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>().join(";"),
        counts.iter().map(|(s, o)| format!("{s}#{o}")).collect::<Vec<_>>().join(";"),
    ]
}

/// The entity columns: locations, persons, organizations (V1 and V2 each), and all names.
#[derive(Default)]
struct Entities {
    v1loc: Vec<String>,
    v2loc: Vec<String>,
    v1per: Vec<String>,
    v2per: Vec<String>,
    v1org: Vec<String>,
    v2org: Vec<String>,
    all: Vec<String>,
}

impl Entities {
    fn of(r: &Article) -> Entities {
        let mut c = Entities::default();
        for e in &r.entities {
            let name = clean(e.latin.as_deref().unwrap_or(&e.name));
            for m in &e.mentions {
                c.all.push(format!("{},{}", clean(&m.text), m.start));
            }
            match e.kind {
                EntityType::Loc => {
                    let (lat, lon, cc) = e
                        .geo
                        .as_ref()
                        .map(|g| (g.lat.to_string(), g.lon.to_string(), g.country.clone()))
                        .unwrap_or_default();
                    let t = location_type(e.geo.as_ref());
                    let fid = e.geo.as_ref().map(|g| g.geonameid.to_string()).unwrap_or_default();
                    c.v1loc.push(format!("{t}#{name}#{cc}##{lat}#{lon}#{fid}"));
                    for m in &e.mentions {
                        c.v2loc.push(format!("{t}#{name}#{cc}###{lat}#{lon}#{fid}#{}", m.start));
                    }
                }
                EntityType::Per => {
                    c.v1per.push(clean(&e.name));
                    c.v2per.extend(e.mentions.iter().map(|m| format!("{},{}", clean(&e.name), m.start)));
                }
                EntityType::Org => {
                    c.v1org.push(clean(&e.name));
                    c.v2org.extend(e.mentions.iter().map(|m| format!("{},{}", clean(&e.name), m.start)));
                }
            }
        }
        c
    }
}

/// GDELT's location type: 1 a country, 2 a US state, 3 a US city, 4 a city elsewhere, 5 a
/// first-level division elsewhere. A place without a point is written as a city, as before levels.
fn location_type(geo: Option<&Geo>) -> u8 {
    match geo.map(|g| (g.level, g.country == "US")) {
        Some((PlaceLevel::Country, _)) => 1,
        Some((PlaceLevel::Admin1, true)) => 2,
        Some((PlaceLevel::Admin1, false)) => 5,
        Some((PlaceLevel::City, true)) => 3,
        Some((PlaceLevel::City, false)) | None => 4,
    }
}

/// V2.1ENHANCEDDATES.
fn dates(r: &Article) -> String {
    r.dates
        .iter()
        .map(|d| {
            let p: Vec<&str> = d.value.split('-').collect();
            let (res, y, m, day) = match p.as_slice() {
                [y, m, dd] => (3, *y, *m, *dd),
                [y, m] => (2, *y, *m, "0"),
                [y] => (1, *y, "0", "0"),
                _ => (0, "0", "0", "0"),
            };
            format!("{res}#{}#{}#{y}#{}", m.trim_start_matches('0'), day.trim_start_matches('0'), d.start)
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// V2EXTRASXML: the page title and the quotes' speakers.
fn extras(a: &ArticleView) -> String {
    let mut extras = String::new();
    if let Some(t) = &a.summary.title {
        let _ = write!(extras, "<PAGE_TITLE>{}</PAGE_TITLE>", xml(t));
    }
    let speakers: Vec<String> = a
        .record
        .quotes
        .iter()
        .filter_map(|q| {
            q.speaker.as_ref().map(|s| format!("<QUOTE offset=\"{}\" speaker=\"{}\"/>", q.start, xml(&s.text)))
        })
        .collect();
    if !speakers.is_empty() {
        let _ = write!(extras, "<KHABAR_SPEAKERS>{}</KHABAR_SPEAKERS>", speakers.concat());
    }
    extras
}

/// V1THEMES (each code once, in order of first mention) and V2ENHANCEDTHEMES (`CODE,offset`).
fn themes(r: &Article) -> [String; 2] {
    let mut v1: Vec<&str> = Vec::new();
    for t in &r.themes {
        if !v1.contains(&t.code.as_str()) {
            v1.push(&t.code);
        }
    }
    let v2: Vec<String> = r.themes.iter().map(|t| format!("{},{}", clean(&t.code), t.start)).collect();
    [v1.iter().map(|c| clean(c)).collect::<Vec<_>>().join(";"), v2.join(";")]
}

/// V1.5TONE: the seven numbers, comma-separated.
fn tone(r: &Article) -> String {
    r.tone
        .as_ref()
        .map(|t| {
            [t.tone, t.positive, t.negative, t.polarity, t.activity, t.self_group, t.words as f64].map(number).join(",")
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::ArticleSummary;
    use khabar_model::{Article, Count, Quote};

    #[test]
    fn location_types_are_gdelts() {
        let geo = |level, country: &str| Geo { lat: 0.0, lon: 0.0, country: country.into(), geonameid: 1, level };
        assert_eq!(location_type(Some(&geo(PlaceLevel::Country, "SY"))), 1);
        assert_eq!(location_type(Some(&geo(PlaceLevel::Admin1, "US"))), 2);
        assert_eq!(location_type(Some(&geo(PlaceLevel::City, "US"))), 3);
        assert_eq!(location_type(Some(&geo(PlaceLevel::City, "YE"))), 4);
        assert_eq!(location_type(Some(&geo(PlaceLevel::Admin1, "PS"))), 5);
        assert_eq!(location_type(None), 4);
    }

    #[test]
    fn twenty_seven_columns_and_clean_values() {
        let mut r = Article::default();
        r.counts.push(Count {
            category: Category::Kill,
            value: 26.0,
            qualifier: khabar_model::Qualifier::Exact,
            object: Some("شخصا".into()),
            attributed_to: None,
            start: 10,
            end: 15,
            text: "x".into(),
        });
        r.quotes.push(Quote {
            speaker: None,
            cue: "قال".into(),
            kind: khabar_model::QuoteKind::Direct,
            start: 3,
            end: 9,
            text: "a\tb#c|d".into(),
        });
        let a = ArticleView {
            summary: ArticleSummary {
                id: "x".into(),
                title: Some("<b>".into()),
                source: None,
                url: None,
                published: Some("2022-01-07T13:05:00+06:00".into()),
            },
            text: String::new(),
            record: r,
            links: Default::default(),
        };
        let row = row(&a, 1);
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 27);
        assert_eq!(cols[0], "20220107130500-1");
        assert_eq!(cols[6], "KILL#26#شخصا#0######10");
        assert_eq!(cols[22], "3|6|قال|a b c d");
        assert_eq!(cols[26], "<PAGE_TITLE>&lt;b&gt;</PAGE_TITLE>");
    }

    #[test]
    fn themes_and_tone_columns() {
        let theme =
            |code: &str, start| khabar_model::Theme {
                code: code.into(), start, end: start + 4, text: "مقتل".into()
            };
        let tone = khabar_model::Tone {
            tone: -2.5,
            positive: 1.25,
            negative: 3.75,
            polarity: 5.0,
            activity: 10.0,
            self_group: 0.0,
            words: 80,
        };
        let r = Article {
            themes: vec![theme("KILL", 5), theme("PROTEST", 20), theme("KILL", 40)],
            tone: Some(tone),
            ..Default::default()
        };
        let a = ArticleView {
            summary: ArticleSummary { id: "x".into(), title: None, source: None, url: None, published: None },
            text: String::new(),
            record: r,
            links: Default::default(),
        };
        let row = row(&a, 1);
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols[7], "KILL;PROTEST");
        assert_eq!(cols[8], "KILL,5;PROTEST,20;KILL,40");
        assert_eq!(cols[15], "-2.5,1.25,3.75,5,10,0,80");
        // a record without tone (stored before tone existed) leaves the column empty
        let mut a = a;
        a.record.tone = None;
        a.record.themes.clear();
        let row = super::row(&a, 1);
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!((cols[7], cols[8], cols[15]), ("", "", ""));
    }
}
