//! Export as GDELT Global Knowledge Graph 2.1 rows (tab-separated, 27 columns, no header), so
//! that tools written for GKG files load our records. The mapping, column by column:
//!
//! | # | GKG column | from Khabar |
//! |---|------------|-------------|
//! | 1 | GKGRECORDID | `YYYYMMDDHHMMSS-N`: publication time (UTC) and N, a number made from the article's id (the first 32 bits of its BLAKE3 hash, in decimal), so that an article keeps its id whatever the export's range or order |
//! | 2 | V2.1DATE | publication time in UTC, `YYYYMMDDHHMMSS` (a time without offset is taken as UTC; 000000 when only the day is known) |
//! | 3 | V2SOURCECOLLECTIONIDENTIFIER | `1` (web) |
//! | 4 | V2SOURCECOMMONNAME | the article's `source` |
//! | 5 | V2DOCUMENTIDENTIFIER | its `url`, else `khabar:ID` |
//! | 6, 7 | V1COUNTS, V2.1COUNTS | counts: `TYPE#value#object#0######`, the codebook's 10 fields (count type, number, object type, then location type 0 and six empty location fields: no location is tied to a count); V2.1 adds the character offset as an 11th; TYPE is our category with DISPLACE → DISPLACED (GDELT's name); MISSING has no GDELT type and is kept as MISSING |
//! | 8, 9 | V1THEMES, V2ENHANCEDTHEMES | themes: V1 each code once, in order of first mention; V2 `CODE,offset` per mention |
//! | 10, 11 | V1LOCATIONS, V2ENHANCEDLOCATIONS | LOC entities: `type#name#country#ADM1#[ADM2#]lat#lon#featureid[#offset]`, GDELT's types: 1 a country (at its centroid), 2 a US state, 3 a US city, 4 a city elsewhere, 5 a first-level division elsewhere (a governorate, province, or a territory such as the Gaza Strip); the name is the Latin one when known; the country code is **FIPS 10-4**, as GDELT writes it (our ISO 3166 code mapped by `data/fips.tsv`, from GeoNames; empty for a country without a FIPS code); feature id is the GeoNames id |
//! | 12, 13 | V1PERSONS, V2ENHANCEDPERSONS | PER entities (canonical name; V2 once per mention `name,offset`) |
//! | 14, 15 | V1ORGANIZATIONS, V2ENHANCEDORGANIZATIONS | ORG entities, likewise |
//! | 16 | V1.5TONE | tone: `tone,positive,negative,polarity,activity,self_group,words` (empty for records without tone) |
//! | 17 | V2.1ENHANCEDDATES | dates: `resolution#month#day#year#offset`, resolution 3 day, 2 month, 1 year; a month or day not known is 0 |
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
use rustc_hash::FxHashMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// The 27 column names of GKG 2.1, as the codebook spells them (GDELT's files have no header).
pub const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

const FIPS_TSV: &str = include_str!("../data/fips.tsv");

/// ISO 3166 alpha-2 → FIPS 10-4, from `data/fips.tsv` (`#` lines are comments).
fn fips_table() -> &'static FxHashMap<&'static str, &'static str> {
    static TABLE: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        FIPS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// The FIPS 10-4 code GDELT writes for a country given by its ISO 3166 alpha-2 code; empty
/// when it has none.
pub fn fips(iso: &str) -> &'static str {
    fips_table().get(iso.to_ascii_uppercase().as_str()).copied().unwrap_or("")
}

pub(crate) fn clean(s: &str) -> String {
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

pub(crate) fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// `YYYYMMDDHHMMSS` in UTC of a `published` value (`2022-01-07T13:05:00+06:00` →
/// 20220107070500); a time without an offset is taken as UTC, a day alone as its midnight, and
/// a value that is no date gives zeros.
pub fn timestamp(published: Option<&str>) -> String {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    const OUT: &str = "%Y%m%d%H%M%S";
    let p = published.unwrap_or("").trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(p) {
        return t.naive_utc().format(OUT).to_string();
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z"] {
        if let Ok(t) = DateTime::parse_from_str(p, f) {
            return t.naive_utc().format(OUT).to_string();
        }
    }
    for f in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(p, f) {
            return t.format(OUT).to_string();
        }
    }
    match p.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        Some(d) => d.format("%Y%m%d000000").to_string(),
        None => "00000000000000".into(),
    }
}

/// GKGRECORDID: the publication time in UTC and a number made from the article's id, the same
/// in every export.
pub fn record_id(id: &str, published: Option<&str>) -> String {
    let h = blake3::hash(id.as_bytes());
    let n = u32::from_be_bytes(h.as_bytes()[..4].try_into().expect("a BLAKE3 hash has 32 bytes"));
    format!("{}-{n}", timestamp(published))
}

/// One GKG 2.1 row (without the trailing newline).
pub fn row(a: &ArticleView) -> String {
    let r = &a.record;
    let ts = timestamp(a.summary.published.as_deref());
    let mut cols: Vec<String> = vec![String::new(); 27];
    cols[0] = record_id(&a.summary.id, a.summary.published.as_deref());
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
                format!(
                    "{}#{}#{}#0######",
                    kind(c.category),
                    number(c.value),
                    clean(c.object.as_deref().unwrap_or(""))
                ),
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
                        .map(|g| (g.lat.to_string(), g.lon.to_string(), fips(&g.country).to_string()))
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
pub(crate) fn location_type(geo: Option<&Geo>) -> u8 {
    level_type(geo.map(|g| (g.level, g.country.as_str())))
}

/// [`location_type`] of a place's level and ISO country code.
pub(crate) fn level_type(place: Option<(PlaceLevel, &str)>) -> u8 {
    match place.map(|(level, country)| (level, country == "US")) {
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
            // GDELT's numbers: no leading zeros, 0 for what is not known
            let p: Vec<u32> = d.value.split('-').map(|x| x.parse().unwrap_or(0)).collect();
            let (res, y, m, day) = match p.as_slice() {
                [y, m, dd] => (3, *y, *m, *dd),
                [y, m] => (2, *y, *m, 0),
                [y] => (1, *y, 0, 0),
                _ => (0, 0, 0, 0),
            };
            format!("{res}#{m}#{day}#{y}#{}", d.start)
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

/// The blocks of a column: none when it is empty.
fn blocks(v: &str, sep: char) -> Vec<&str> {
    if v.is_empty() {
        vec![]
    } else {
        v.split(sep).collect()
    }
}

/// Checks one row against the GKG 2.1 codebook's grammar, column by column: 27 tab-separated
/// columns; GKGRECORDID `YYYYMMDDHHMMSS-N`; V2.1DATE 14 digits of a real time; counts blocks
/// of 10 (V1) and 11 (V2.1) `#`-fields; locations of 7 (V1) and 9 (V2) fields with a FIPS
/// country code; names `name,offset`; dates `resolution#month#day#year#offset` with numbers
/// (0 for unknown); quotations `offset|length|verb|quote`; amounts `amount,object,offset`.
/// The error names the column and the block.
pub fn check_row(row: &str) -> Result<(), String> {
    let cols: Vec<&str> = row.split('\t').collect();
    if cols.len() != 27 {
        return Err(format!("{} columns, not 27", cols.len()));
    }
    let err = |c: usize, what: &str, v: &str| Err(format!("column {} {}: {what}: {v:?}", c + 1, COLUMNS[c]));
    let int = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
    let num = |v: &str| v.parse::<f64>().is_ok_and(f64::is_finite);
    let opt_num = |v: &str| v.is_empty() || num(v);
    let country = |v: &str| v.is_empty() || fips_table().values().any(|f| *f == v);
    let (id, date) = (cols[0], cols[1]);
    let valid_time = |t: &str| {
        t.len() == 14
            && int(t)
            && (t == "00000000000000" || chrono::NaiveDateTime::parse_from_str(t, "%Y%m%d%H%M%S").is_ok())
    };
    match id.split_once('-') {
        Some((t, n)) if valid_time(t) && int(n.strip_prefix('T').unwrap_or(n)) => {}
        _ => return err(0, "not YYYYMMDDHHMMSS-N", id),
    }
    if !valid_time(date) {
        return err(1, "not a time YYYYMMDDHHMMSS", date);
    }
    if !matches!(cols[2], "1" | "2" | "3" | "4" | "5" | "6") {
        return err(2, "not a collection 1-6", cols[2]);
    }
    for (c, n) in [(5, 10), (6, 11)] {
        for b in blocks(cols[c], ';') {
            let f: Vec<&str> = b.split('#').collect();
            if f.len() != n {
                return err(c, &format!("{} fields, not {n}", f.len()), b);
            }
            if f[0].is_empty() || !num(f[1]) || !int(f[3]) || !country(f[5]) || !opt_num(f[7]) || !opt_num(f[8]) {
                return err(c, "a field of the wrong kind", b);
            }
            if n == 11 && !int(f[10]) {
                return err(c, "offset not a number", b);
            }
        }
    }
    for (c, n) in [(9, 7), (10, 9)] {
        for b in blocks(cols[c], ';') {
            let f: Vec<&str> = b.split('#').collect();
            if f.len() != n {
                return err(c, &format!("{} fields, not {n}", f.len()), b);
            }
            let (lat, lon) = if n == 7 { (f[4], f[5]) } else { (f[5], f[6]) };
            if !matches!(f[0], "1" | "2" | "3" | "4" | "5") || !country(f[2]) || !opt_num(lat) || !opt_num(lon) {
                return err(c, "a field of the wrong kind (type 1-5, FIPS country, lat, lon)", b);
            }
            if n == 9 && !int(f[8]) {
                return err(c, "offset not a number", b);
            }
        }
    }
    for c in [12, 14, 23] {
        for b in blocks(cols[c], ';') {
            match b.rsplit_once(',') {
                Some((name, off)) if !name.is_empty() && int(off) => {}
                _ => return err(c, "not name,offset", b),
            }
        }
    }
    for b in blocks(cols[16], ';') {
        let f: Vec<&str> = b.split('#').collect();
        let ok = f.len() == 5
            && f.iter().all(|x| int(x))
            && matches!(f[0], "1" | "2" | "3" | "4")
            && f[1].parse::<u32>().is_ok_and(|m| m <= 12)
            && f[2].parse::<u32>().is_ok_and(|d| d <= 31);
        if !ok {
            return err(16, "not resolution#month#day#year#offset", b);
        }
    }
    for b in blocks(cols[22], '#') {
        let f: Vec<&str> = b.split('|').collect();
        if f.len() != 4 || !int(f[0]) || !int(f[1]) {
            return err(22, "not offset|length|verb|quote", b);
        }
    }
    for b in blocks(cols[24], ';') {
        let f: Vec<&str> = b.split(',').collect();
        if f.len() != 3 || !num(f[0]) || !int(f[2]) {
            return err(24, "not amount,object,offset", b);
        }
    }
    let t = cols[25];
    if !(t.is_empty() || t.starts_with("srclc:") && t.contains(";eng:")) {
        return err(25, "not srclc:xxx;eng:yyy", t);
    }
    Ok(())
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
            scope: Default::default(),
            country: None,
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
        let row = row(&a);
        check_row(&row).unwrap();
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 27);
        assert_eq!(cols[0], record_id("x", Some("2022-01-07T13:05:00+06:00")));
        assert!(cols[0].starts_with("20220107070500-"), "{}", cols[0]);
        assert_eq!(cols[1], "20220107070500", "UTC");
        assert_eq!(cols[5], "KILL#26#شخصا#0######");
        assert_eq!(cols[5].split('#').count(), 10);
        assert_eq!(cols[6], "KILL#26#شخصا#0#######10");
        assert_eq!(cols[6].split('#').count(), 11);
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
        let row = row(&a);
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols[7], "KILL;PROTEST");
        assert_eq!(cols[8], "KILL,5;PROTEST,20;KILL,40");
        assert_eq!(cols[15], "-2.5,1.25,3.75,5,10,0,80");
        // a record without tone (stored before tone existed) leaves the column empty
        let mut a = a;
        a.record.tone = None;
        a.record.themes.clear();
        let row = super::row(&a);
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!((cols[7], cols[8], cols[15]), ("", "", ""));
    }

    #[test]
    fn times_in_utc() {
        for (p, want) in [
            ("2022-01-07T13:05:00+06:00", "20220107070500"),
            ("2022-01-07T02:05:00+06:00", "20220106200500"),
            ("2018-03-01T23:30:00-02:00", "20180302013000"),
            ("2018-03-01T23:30:00Z", "20180301233000"),
            ("2018-03-01T23:30:00", "20180301233000"),
            ("2018-03-01", "20180301000000"),
            ("no date", "00000000000000"),
        ] {
            assert_eq!(timestamp(Some(p)), want, "{p}");
        }
        assert_eq!(timestamp(None), "00000000000000");
    }

    #[test]
    fn ids_are_the_articles_own() {
        let a = record_id("ant-1", Some("2018-03-01T10:00:00+03:00"));
        assert_eq!(a, record_id("ant-1", Some("2018-03-01T10:00:00+03:00")));
        assert_ne!(a, record_id("ant-2", Some("2018-03-01T10:00:00+03:00")));
        assert!(a.starts_with("20180301070000-"));
    }

    #[test]
    fn fips_codes_from_the_data_file() {
        assert_eq!(fips("DE"), "GM");
        assert_eq!(fips("GB"), "UK");
        assert_eq!(fips("IQ"), "IZ");
        assert_eq!(fips("kz"), "KZ");
        assert_eq!(fips("XX"), "");
        // every line of the file is ISO<TAB>FIPS, two letters each
        for (n, l) in FIPS_TSV.lines().enumerate().filter(|(_, l)| !l.starts_with('#')) {
            let ok = l.split('\t').count() == 2
                && l.split('\t').all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()));
            assert!(ok, "data/fips.tsv line {}: {l:?}", n + 1);
        }
        assert!(fips_table().len() > 240);
    }

    #[test]
    fn unknown_month_and_day_are_zero() {
        let mut r = Article::default();
        for (v, s) in [("2018", 1), ("2018-03", 2), ("2018-03-05", 3)] {
            r.dates.push(khabar_model::Date {
                start: s,
                end: s + 1,
                text: "x".into(),
                value: v.into(),
                resolution: khabar_model::Resolution::Day,
            });
        }
        assert_eq!(dates(&r), "1#0#0#2018#1;2#3#0#2018#2;3#3#5#2018#3");
    }

    #[test]
    fn the_grammar_refuses_what_the_codebook_does_not_allow() {
        let good = [
            "20180301070000-1",
            "20180301070000",
            "1",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "srclc:ara;eng:khabar",
            "",
        ];
        assert_eq!(check_row(&good.join("\t")), Ok(()));
        for (col, bad) in [
            (0, "20180301070000"),
            (1, "20181301070000"),
            (5, "KILL#26#x#0#####"),
            (6, "KILL#26#x#0######"),
            (9, "1#Germany#DE##51#9#2921044"),
            (10, "4#Berlin#GM###52.5#13.4#2950159"),
            (16, "1##0#2018#5"),
            (22, "3|6|said"),
            (23, "name"),
        ] {
            let mut row = good;
            row[col] = bad;
            assert!(check_row(&row.join("\t")).is_err(), "column {}: {bad}", col + 1);
        }
    }
}
