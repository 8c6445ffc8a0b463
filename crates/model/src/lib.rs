//! The extraction contract: the records `khabar extract` writes, one [`Article`] per input
//! article, exactly as `shared/spec/EXTRACTION.md` describes them.
//!
//! This crate holds serde types and nothing else, so that every other crate can change behind it.
//! Offsets here are **Unicode code-point** offsets into the original article text (`end`
//! exclusive), as the spec requires; inside the engine, byte ranges are used and converted once.
//!
//! ```
//! use khabar_model::{Article, Date, Resolution};
//! let mut a = Article::new(Some("x".into()), None);
//! a.dates.push(Date { start: 0, end: 5, text: "الأحد".into(), value: "2022-01-09".into(), resolution: Resolution::Day });
//! let json = serde_json::to_string(&a).unwrap();
//! assert!(json.contains("\"resolution\":\"day\""));
//! ```
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An enum whose variants are written as fixed strings in JSON, with `as_str`, `Display`,
/// `FromStr` (the store reads them back from its columns) and `ALL`, from one list of pairs.
macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every variant, in the order of the contract.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The variant as the JSON writes it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // pad, so that width and alignment (`{:<8}`) apply as they do to strings
                f.pad(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;
            fn from_str(s: &str) -> Result<Self, UnknownValue> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue { kind: stringify!($name), value: s.to_string() }),
                }
            }
        }
    };
}

/// A string that names no variant of one of the contract's enums.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a {}", self.value, self.kind)
    }
}

impl std::error::Error for UnknownValue {}

string_enum! {
    /// What an entity is.
    EntityType {
        /// A person.
        Per = "PER",
        /// An organization: government bodies, ministries, armies, parties, companies, agencies.
        Org = "ORG",
        /// A place: countries, cities, regions, facilities.
        Loc = "LOC",
    }
}

string_enum! {
    /// What kind of place a geocoded entity is.
    PlaceLevel {
        /// A country; its point is the country's centroid (GDELT location type 1).
        Country = "country",
        /// A first-level division (governorate, state, province) or a territory filed at that
        /// level, such as the Gaza Strip or the West Bank; its point is the division's centre
        /// (GDELT type 2 in the United States, 5 elsewhere).
        Admin1 = "admin1",
        /// A populated place (GDELT type 3 in the United States, 4 elsewhere).
        City = "city",
    }
}

string_enum! {
    /// How a quotation reports what was said.
    QuoteKind {
        /// The words stand inside quotation marks and form the whole report.
        Direct = "direct",
        /// A paraphrase that quotes a few words.
        Partial = "partial",
        /// No quotation marks: a complement clause, or a paraphrase of the act.
        Indirect = "indirect",
    }
}

string_enum! {
    /// The people a figure counts, as in GDELT's Counts.
    Category {
        Kill = "KILL",
        Wound = "WOUND",
        Arrest = "ARREST",
        Kidnap = "KIDNAP",
        Missing = "MISSING",
        Displace = "DISPLACE",
        Protest = "PROTEST",
    }
}

string_enum! {
    /// How exact a figure is.
    Qualifier {
        Exact = "exact",
        /// نحو، حوالي، قرابة
        Approx = "approx",
        /// أكثر من
        MoreThan = "more_than",
        /// ما لا يقل عن، على الأقل
        AtLeast = "at_least",
        LessThan = "less_than",
        /// حتى، ما يصل إلى
        UpTo = "up_to",
        /// عشرات، مئات، آلاف (ACLED's tens, hundreds, thousands)
        Vague = "vague",
    }
}

string_enum! {
    /// What a figure totals. Daily incident totals add `incident` figures only.
    #[derive(Default)]
    Scope {
        /// One incident's figure (or the running toll of one incident): the default, not written.
        #[default]
        Incident = "incident",
        /// A toll summed over months or years: حصيلة الحرب منذ 2011، منذ بدء النزاع.
        Cumulative = "cumulative",
        /// A past event's toll, told again: الحرب العالمية الثانية، مجزرة عام 1982.
        Historical = "historical",
    }
}

impl Scope {
    /// Whether the figure is one incident's (serde skips writing the default).
    pub fn is_incident(&self) -> bool {
        *self == Scope::Incident
    }
}

string_enum! {
    /// How much of a date is known.
    Resolution {
        Day = "day",
        Month = "month",
        Year = "year",
    }
}

string_enum! {
    /// What a hedge says of a claim.
    HedgeKind {
        /// It could not be checked.
        Unverified = "unverified",
        /// It is alleged or disputed.
        Disputed = "disputed",
    }
}

string_enum! {
    /// A PLOVER event type (the four the gold annotates; the other twelve are to come).
    EventType {
        /// Demonstrations, strikes, riots, sit-ins, hunger strikes, boycotts.
        Protest = "PROTEST",
        /// Violence against people or property: shooting, shelling, air strikes, bombings,
        /// stabbings, executions, armed clashes, abductions, taking a place by force.
        Assault = "ASSAULT",
        /// Arrests, detentions, raids, bans, curfews, deportations, seizures, sieges, dispersals.
        Coerce = "COERCE",
        /// Troops or police deployed, forces put on alert.
        Mobilize = "MOBILIZE",
    }
}

string_enum! {
    /// Whether an event happened, as the article tells it.
    EventStatus {
        /// It happened.
        Asserted = "asserted",
        /// A party denies it happened.
        Denied = "denied",
        Threatened = "threatened",
        /// Announced for the future.
        Planned = "planned",
        Hypothetical = "hypothetical",
    }
}

string_enum! {
    /// A CAMEO-style actor role.
    ActorRole {
        /// Government, ministries.
        Gov = "GOV",
        /// Army.
        Mil = "MIL",
        /// Police, security forces.
        Cop = "COP",
        /// Rebels, armed groups.
        Reb = "REB",
        /// Unidentified armed men.
        Uaf = "UAF",
        /// Criminals.
        Crm = "CRM",
        /// Opposition.
        Opp = "OPP",
        /// A party.
        Pty = "PTY",
        /// Parliament.
        Leg = "LEG",
        /// Judiciary.
        Jud = "JUD",
        /// Civilians, protesters, people.
        Cvl = "CVL",
        /// Media.
        Med = "MED",
        /// Students, universities.
        Edu = "EDU",
        /// Clergy.
        Rel = "REL",
        /// Refugees.
        Ref = "REF",
        /// Business.
        Bus = "BUS",
        /// The UN, international bodies.
        Igo = "IGO",
    }
}

/// One article's extraction output.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: Option<String>,
    pub published: Option<String>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub counts: Vec<Count>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<Date>,
    pub hedges: Vec<Hedge>,
    /// Absent from records written before events were extracted.
    #[serde(default)]
    pub events: Vec<Event>,
    /// GDELT GKG themes, one per mention that evidences one (in text order). Absent from
    /// records written before themes were extracted.
    #[serde(default)]
    pub themes: Vec<Theme>,
    /// GDELT's seven V2Tone numbers; null when the tone component was skipped (and absent from
    /// records written before it existed).
    #[serde(default)]
    pub tone: Option<Tone>,
}

impl Article {
    pub fn new(id: Option<String>, published: Option<String>) -> Self {
        Article { id, published, ..Default::default() }
    }
}

/// A stretch of the article: `text == article[start..end]` in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    pub country: String,
    /// The place's GeoNames id (geonames.org/ID), so that consumers join on it instead of names;
    /// 0 for the few regions GeoNames files no place for (hand-listed in tools/gazetteer).
    pub geonameid: u64,
    /// Whether the place is a country, a first-level division or a populated place.
    pub level: PlaceLevel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub name: String,
    pub latin: Option<String>,
    pub mentions: Vec<Mention>,
    pub geo: Option<Geo>,
}

/// Who a quote or a figure is attributed to: an entity id where one is known, and the words of
/// the article that name the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub entity: Option<String>,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub speaker: Option<Source>,
    pub cue: String,
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A figure of people in one of the seven categories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Count {
    pub category: Category,
    pub value: f64,
    pub qualifier: Qualifier,
    pub object: Option<String>,
    pub attributed_to: Option<Source>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `cumulative` or `historical` when the figure is not one incident's (absent: incident).
    #[serde(default, skip_serializing_if = "Scope::is_incident")]
    pub scope: Scope,
    /// ISO 3166-1 alpha-2 code of the country the figure is counted in: the country of the
    /// geocoded place nearest it in its sentence, else of the place the article names most.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// Any other quantity worth a number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub value: f64,
    pub object: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Date {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO date at the resolution: `2022-01-07`, `2022-01` or `2022`.
    pub value: String,
    pub resolution: Resolution,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: HedgeKind,
}

/// A mention that evidences a GDELT GKG theme: `text == article[start..end]` in code points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// GDELT's theme code (`KILL`, `ARREST`, `ECON_INFLATION`…).
    pub code: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// GDELT's V2Tone fields (GKG 2.1 codebook, V1.5TONE): percentages of the article's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// `positive - negative` (−100 to 100; news mostly −10 to 10).
    pub tone: f64,
    /// Percentage of the words that are positive (weighted by the lexicon).
    pub positive: f64,
    /// Percentage of the words that are negative.
    pub negative: f64,
    /// `positive + negative`: how emotionally charged the text is.
    pub polarity: f64,
    /// Activity reference density: percentage of words of acting and moving.
    pub activity: f64,
    /// Self/group reference density: percentage of words that are personal pronouns.
    pub self_group: f64,
    /// The number of words.
    pub words: usize,
}

/// Who did what to whom, where and when: one event reported in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventType,
    /// PLOVER's sub-type where the words say it (`firearms`, `aerial`, `arrest`, `riot`…).
    pub mode: Option<String>,
    pub status: EventStatus,
    /// The words that name the event.
    pub trigger: Mention,
    /// The actor who acts.
    pub source: Option<Actor>,
    /// The actor (or thing) acted upon.
    pub target: Option<Actor>,
    /// The place of the clause or sentence, else the article's dateline.
    pub location: Option<Source>,
    /// A resolved date of the sentence, else the publication day.
    pub date: Option<EventDate>,
    /// Indexes into the article's `counts` of the figures that measure the event.
    pub counts: Vec<usize>,
    /// Who reports it, when the sentence is inside a report (a quote's speaker, a figure's source).
    pub attributed_to: Option<Source>,
}

/// An event's actor: the words, the entity they name where one exists, and a CAMEO-style code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub entity: Option<String>,
    pub code: ActorCode,
}

/// CAMEO-style actor code: country (ISO 3166 alpha-3) and role, each where known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorCode {
    pub country: Option<String>,
    pub role: Option<ActorRole>,
}

/// An event's date: an ISO date at its resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    pub value: String,
    pub resolution: Resolution,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_read_and_write_their_contract_spelling() {
        for &c in Category::ALL {
            assert_eq!(c.as_str().parse::<Category>(), Ok(c));
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{c}\""));
        }
        assert_eq!(serde_json::from_str::<Qualifier>("\"more_than\"").unwrap(), Qualifier::MoreThan);
        assert!("kill".parse::<Category>().unwrap_err().to_string().contains("not a Category"));
        // width and alignment apply, as to the strings they replace (the report's columns)
        assert_eq!(format!("{:<8}|{:>5}", QuoteKind::Direct, Resolution::Day), "direct  |  day");
        assert_eq!("MOBILIZE".parse::<EventType>(), Ok(EventType::Mobilize));
        assert_eq!(serde_json::to_string(&ActorRole::Uaf).unwrap(), "\"UAF\"");
    }

    #[test]
    fn records_written_before_events_still_read() {
        let a: Article = serde_json::from_str(
            r#"{"id":"x","published":null,"entities":[],"quotes":[],"counts":[],"amounts":[],"dates":[],"hedges":[]}"#,
        )
        .unwrap();
        assert!(a.events.is_empty());
    }
}
