//! Gazetteers, embedded from `data/` (see `tools/gazetteer` for how they are built and from what).
use khabar_text::normalize::normalize;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

static PLACES_TSV: &str = include_str!("../data/places.tsv");
static NAMES_TSV: &str = include_str!("../data/names.tsv");

/// A place with coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub latin: &'static str,
    pub lat: f64,
    pub lon: f64,
    pub country: &'static str,
    pub population: u64,
    pub is_country: bool,
}

pub struct Gazetteer {
    /// Normalized name → the most populous place of that name (countries first).
    places: FxHashMap<&'static str, Place>,
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
    let mut names: FxHashMap<&'static str, &'static str> = FxHashMap::default();
    for line in PLACES_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&'static str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let p = Place {
            geonameid: f[2].parse().unwrap_or(0),
            latin: f[3],
            lat: f[4].parse().unwrap_or(f64::NAN),
            lon: f[5].parse().unwrap_or(f64::NAN),
            country: f[6],
            population: f[7].parse().unwrap_or(0),
            is_country: f[1] == "country",
        };
        if p.is_country || p.population >= FEATURE_MIN_POPULATION {
            names.insert(f[0], "LOC");
        }
        let better = match places.get(f[0]) {
            None => true,
            Some(q) => (p.is_country, p.population) > (q.is_country, q.population),
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
    Gazetteer { places, names, max_words, first_words }
});

impl Gazetteer {
    /// The place a name (any spelling) most likely means.
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.place_normalized(&normalize(name))
    }

    /// [`Gazetteer::place`] for a name already normalized (lossy), as tokens carry it: no
    /// normalization and no allocation.
    pub fn place_normalized(&self, n: &str) -> Option<&Place> {
        self.places.get(n).or_else(|| n.strip_prefix("ال").and_then(|b| self.places.get(b)))
    }
    /// A country, or a city of at least 100,000 people, of that name: a place a word is likelier
    /// to mean than anything else.
    pub fn major_place(&self, name: &str) -> Option<&Place> {
        self.place(name).filter(|p| p.is_country || p.population >= 100_000)
    }

    /// [`Gazetteer::major_place`] for a normalized name.
    pub fn major_place_normalized(&self, n: &str) -> Option<&Place> {
        self.place_normalized(n).filter(|p| p.is_country || p.population >= 100_000)
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
    fn names_for_features() {
        assert_eq!(GAZETTEER.name_type("فرنسا"), Some("LOC"));
        assert!(GAZETTEER.max_words >= 2);
    }
}
