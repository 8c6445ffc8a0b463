//! Gazetteers, embedded from `data/` (see `tools/gazetteer` for how they are built and from what).
use crate::triggers::{Use, PLACE_HEADS};
use khabar_text::normalize::normalize;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

static PLACES_TSV: &str = include_str!("../data/places.tsv");
static NAMES_TSV: &str = include_str!("../data/names.tsv");
static NOT_PLACES_TSV: &str = include_str!("../data/not_places.tsv");

/// Names not geocoded as a town or a division (`data/not_places.tsv`), normalized.
fn not_places() -> rustc_hash::FxHashSet<String> {
    NOT_PLACES_TSV
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| normalize(l.trim()))
        .collect()
}

/// What kind of place a gazetteer entry is (GDELT's location types: country 1, first-level
/// division 2 or 5, city 3 or 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Country,
    /// A first-level division (governorate, state, province) or a territory filed at that level
    /// (قطاع غزة، الضفة الغربية، إقليم كردستان).
    Admin1,
    City,
}

/// A place with coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub latin: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub country: &'static str,
    pub population: u64,
    /// True for a country (its point is the country's centroid).
    pub is_country: bool,
    pub level: Level,
}

/// Cities of at least this many people take their name before a first-level division of the
/// same name (عدن the city, not محافظة عدن; حضرموت has no such city).
const CITY_BEFORE_DIVISION: u64 = 50_000;

impl Place {
    /// The order in which places of one name are preferred: a country, a sizable city, a
    /// first-level division, then any other city; within a kind, the more populous.
    fn rank(&self) -> (u8, u64) {
        let class = match self.level {
            Level::Country => 3,
            Level::City if self.population >= CITY_BEFORE_DIVISION => 2,
            Level::Admin1 => 1,
            Level::City => 0,
        };
        (class, self.population)
    }
}

pub struct Gazetteer {
    /// Normalized name → the place that name most likely means ([`Place::rank`]).
    places: FxHashMap<&'static str, Place>,
    /// Normalized name → the most populous first-level division of that name, and city.
    divisions: FxHashMap<&'static str, Place>,
    cities: FxHashMap<&'static str, Place>,
    /// Normalized multiword name → type (`LOC`, `PER`, `ORG`), for tagger features.
    names: FxHashMap<&'static str, &'static str>,
    /// Longest entry in words.
    pub max_words: usize,
    /// First words of the multiword names.
    first_words: rustc_hash::FxHashSet<&'static str>,
}

/// Places below this population are kept for geocoding but not offered to the tagger as a hint:
/// small towns are often named with common words.
const FEATURE_MIN_POPULATION: u64 = 20_000;

pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut places: FxHashMap<&'static str, Place> = FxHashMap::default();
    let mut divisions: FxHashMap<&'static str, Place> = FxHashMap::default();
    let mut cities: FxHashMap<&'static str, Place> = FxHashMap::default();
    let mut names: FxHashMap<&'static str, &'static str> = FxHashMap::default();
    let not_places = not_places();
    for line in PLACES_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let level = match f[1] {
            "country" => Level::Country,
            "admin1" => Level::Admin1,
            _ => Level::City,
        };
        let p = Place {
            geonameid: f[2].parse().unwrap_or(0),
            latin: f[3],
            lat: f[4].parse().unwrap_or(f64::NAN),
            lon: f[5].parse().unwrap_or(f64::NAN),
            country: f[6],
            population: f[7].parse().unwrap_or(0),
            is_country: level == Level::Country,
            level,
        };
        // divisions are left out of the tagger's hints: its weights were trained without them
        if p.is_country || (level == Level::City && p.population >= FEATURE_MIN_POPULATION) {
            names.insert(f[0], "LOC");
        }
        // the hint above stays as the tagger was trained with it; the place is not geocoded
        if !p.is_country && not_places.contains(f[0]) {
            continue;
        }
        let by_level = match level {
            Level::Admin1 => Some(&mut divisions),
            Level::City => Some(&mut cities),
            Level::Country => None,
        };
        if let Some(m) = by_level {
            if m.get(f[0]).is_none_or(|q| p.population > q.population) {
                m.insert(f[0], p.clone());
            }
        }
        let better = match places.get(f[0]) {
            None => true,
            Some(q) => p.rank() > q.rank(),
        };
        if better {
            places.insert(f[0], p);
        }
    }
    for line in NAMES_TSV.lines().filter(|l| !l.starts_with('#')) {
        if let Some((n, t)) = line.split_once('\t') {
            names.entry(n).or_insert(t);
        }
    }
    let max_words = names.keys().map(|k| k.split(' ').count()).max().unwrap_or(1).min(6);
    let first_words = names.keys().filter_map(|k| k.split_once(' ').map(|(f, _)| f)).collect();
    Gazetteer { places, divisions, cities, names, max_words, first_words }
});

impl Gazetteer {
    /// The place a name (any spelling) most likely means.
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.place_normalized(&normalize(name))
    }

    /// [`Gazetteer::place`] for a name already normalized (lossy), as tokens carry it: no
    /// normalization and no allocation.
    pub fn place_normalized(&self, n: &str) -> Option<&Place> {
        self.places.get(n).or_else(|| n.strip_prefix("ال").and_then(|b| self.places.get(b))).or_else(|| {
            // a head the name is filed without: محافظة إدلب is the division, مدينة إدلب the city
            let (head, rest) = n.split_once(' ')?;
            let uses = PLACE_HEADS.get(head)?;
            let by_level = if uses.has(Use::Division) {
                self.divisions.get(rest)
            } else if uses.has(Use::Town) {
                self.cities.get(rest)
            } else if uses.has(Use::Kind) {
                // a head that says what follows is a place of some kind: دولة قطر is قطر
                return self.places.get(rest);
            } else {
                return None;
            };
            by_level.or_else(|| self.places.get(rest).filter(|p| !p.is_country))
        })
    }
    /// A country, or a city of at least 100,000 people, of that name: a place a word is likelier
    /// to mean than anything else.
    pub fn major_place(&self, name: &str) -> Option<&Place> {
        self.major_place_normalized(&normalize(name))
    }

    /// [`Gazetteer::major_place`] for a normalized name.
    pub fn major_place_normalized(&self, n: &str) -> Option<&Place> {
        self.place_normalized(n).filter(|p| p.is_country || (p.level == Level::City && p.population >= 100_000))
    }

    /// Whether a normalized word starts a listed name of two words or more.
    pub fn starts_name(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The type of a normalized (multiword) name, if listed.
    pub fn name_type(&self, norm: &str) -> Option<&'static str> {
        self.names.get(norm).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_resolve_with_coordinates() {
        let almaty = GAZETTEER.place("ألماتي").unwrap();
        assert_eq!((almaty.latin, almaty.country), ("Almaty", "KZ"));
        assert!((almaty.lat - 43.25).abs() < 1.0 && (almaty.lon - 76.9).abs() < 1.0);
        let paris = GAZETTEER.place("باريس").unwrap();
        assert_eq!(paris.country, "FR", "the most populous Paris");
        assert_eq!(GAZETTEER.place("موسكو").unwrap().latin, "Moscow");
        assert_eq!(GAZETTEER.place("روسيا").unwrap().country, "RU");
    }

    #[test]
    fn common_words_and_far_namesakes_are_no_places() {
        for w in ["الخليج", "الساحل الغربي", "دولة", "هزة", "كان", "أوباما", "ملقا"]
        {
            assert_eq!(GAZETTEER.place(w), None, "{w}");
        }
        // a listed name is read in the list's normalized spelling, and a country is still one
        assert!(not_places().iter().all(|n| *n == normalize(n)));
        assert_eq!(GAZETTEER.place("الخليج العربي"), None);
        assert_eq!(GAZETTEER.place("دبي").unwrap().country, "AE");
        // a head that says a place follows: the place
        assert_eq!(GAZETTEER.place("دولة قطر").unwrap().country, "QA");
    }

    /// Great-circle distance in km.
    fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
        let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
        let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().asin()
    }

    #[test]
    fn countries_sit_at_their_centroid() {
        // every country row has a point
        let countries: Vec<&Place> = GAZETTEER.places.values().filter(|p| p.is_country).collect();
        assert!(countries.len() >= 200, "{} countries", countries.len());
        assert!(countries.iter().all(|p| p.lat.is_finite() && p.lon.is_finite() && p.level == Level::Country));
        // not on their biggest city (New York, Jeddah, Istanbul, Aleppo, Shanghai, Almaty)
        for (name, centre, km_max) in [
            ("الولايات المتحدة", (39.8, -98.6), 800.0),
            ("أمريكا", (39.8, -98.6), 800.0),
            ("أميركا", (39.8, -98.6), 800.0),
            ("السعودية", (24.0, 45.0), 400.0),
            ("تركيا", (39.0, 35.2), 300.0),
            ("سوريا", (35.0, 38.5), 200.0),
            ("الصين", (35.0, 103.0), 800.0),
            ("كازاخستان", (48.0, 67.0), 500.0),
        ] {
            let p = GAZETTEER.place(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(p.level, Level::Country, "{name}");
            let d = km((p.lat, p.lon), centre);
            assert!(d < km_max, "{name} at {},{}: {d:.0} km from its centre", p.lat, p.lon);
        }
    }

    #[test]
    fn divisions_and_territories_have_their_own_point() {
        for (name, cc, centre, km_max) in [
            ("قطاع غزة", "PS", (31.42, 34.38), 30.0),
            ("الضفة الغربية", "PS", (31.95, 35.25), 60.0),
            ("حضرموت", "YE", (16.0, 49.0), 250.0),
            ("محافظة حضرموت", "YE", (16.0, 49.0), 250.0),
            ("الأنبار", "IQ", (33.4, 42.0), 250.0),
            ("محافظة إدلب", "SY", (35.8, 36.6), 70.0),
            ("ريف دمشق", "SY", (33.5, 36.6), 120.0),
            ("إقليم كردستان", "IQ", (36.2, 44.2), 250.0),
            ("ولاية كاليفورنيا", "US", (37.2, -119.5), 400.0),
            ("تكساس", "US", (31.0, -99.0), 500.0),
        ] {
            let p = GAZETTEER.place(name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!((p.level, p.country), (Level::Admin1, cc), "{name}");
            let d = km((p.lat, p.lon), centre);
            assert!(d < km_max, "{name} at {},{}: {d:.0} km from its centre", p.lat, p.lon);
        }
    }

    #[test]
    fn a_head_says_division_or_city() {
        assert_eq!(GAZETTEER.place("محافظة إدلب").unwrap().level, Level::Admin1);
        assert_eq!(GAZETTEER.place("مدينة إدلب").unwrap().level, Level::City);
        // a big city keeps its name, a capital is a city, never its country
        assert_eq!(GAZETTEER.place("حلب").unwrap().level, Level::City);
        assert_eq!(GAZETTEER.place("عدن").unwrap().level, Level::City);
        let w = GAZETTEER.place("واشنطن").unwrap();
        assert_eq!((w.level, w.country, w.geonameid), (Level::City, "US", 4140963));
        // a direction alone is no division
        assert!(GAZETTEER.place("الشرقية").is_none_or(|p| p.level != Level::Admin1));
    }

    #[test]
    fn arab_countries_divisions_are_all_named_and_placed() {
        // the Arab League's members: every one has divisions with Arabic names and points
        let arab = [
            "AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD",
            "SO", "SY", "TN", "YE",
        ];
        for cc in arab {
            let n = GAZETTEER
                .divisions
                .values()
                .filter(|p| p.country == cc && p.lat.is_finite() && p.lon.is_finite())
                .count();
            assert!(n >= 2, "{cc}: {n} divisions placed");
        }
    }

    #[test]
    fn names_for_features() {
        assert_eq!(GAZETTEER.name_type("فرنسا"), Some("LOC"));
        assert!(GAZETTEER.max_words >= 2);
    }
}
