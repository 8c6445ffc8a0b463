//! The words that announce a name, one list each, shared by the tagger's features and the
//! extraction rules: titles before a person (`data/titles.tsv`), heads of organizations
//! (`data/org_heads.tsv`) and heads of places (`data/place_heads.tsv`). A head's line says what
//! uses it ([`Uses`]): the tagger's feature (fixed by the trained model, so changing it means
//! retraining) and the rules that build names from it.
//!
//! ```
//! use khabar_ner::triggers::{Use, ORG_HEADS, TITLES};
//! assert!(TITLES.contains("الرئيس"));
//! assert!(ORG_HEADS.get("وزاره").is_some_and(|u| u.has(Use::Chain)));
//! ```
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;

/// One use of a head word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// The tagger's organization-head or place-head feature.
    Tagger,
    /// An indefinite head of an organization's name chain (وزارة الداخلية).
    Chain,
    /// A definite head that names one organization with a relative adjective (الجيش التركي).
    Definite,
    /// A definite head that names an organization only with a nationality after it (الإدارة
    /// الأمريكية، النظام الإيراني): with any other adjective it is a common noun (النظام الغذائي).
    National,
    /// A head that is part of a place's name (مطار صنعاء).
    InName,
    /// A head that says what kind of place follows, not part of its name (مدينة سورابايا).
    Kind,
    /// A head of a first-level division's name (محافظة إدلب، ولاية كاليفورنيا): the gazetteer
    /// reads the name after it as the division's rather than a city's.
    Division,
    /// A head of a populated place's name (مدينة إدلب): the name after it is the city's.
    Town,
}

impl Use {
    fn parse(s: &str) -> Option<Use> {
        Some(match s {
            "tagger" => Use::Tagger,
            "chain" => Use::Chain,
            "definite" => Use::Definite,
            "national" => Use::National,
            "name" => Use::InName,
            "kind" => Use::Kind,
            "division" => Use::Division,
            "town" => Use::Town,
            _ => return None,
        })
    }
}

/// The uses a head word's line lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Uses(u8);

impl Uses {
    fn parse(s: &str) -> Option<Uses> {
        s.split(',').try_fold(Uses(0), |u, x| Some(Uses(u.0 | 1 << Use::parse(x)? as u8)))
    }

    pub fn has(self, u: Use) -> bool {
        self.0 & (1 << u as u8) != 0
    }
}

/// Titles and functions before a person's name (الرئيس، وزير، الشيخ).
pub static TITLES: Lazy = lexicon!("titles");
/// Heads of organizations' names.
pub static ORG_HEADS: Lazy<Uses> = lexicon!("org_heads", Uses::parse);
/// Heads of places' names.
pub static PLACE_HEADS: Lazy<Uses> = lexicon!("place_heads", Uses::parse);

/// Whether `word` heads an organization (or a place) in the given use.
pub fn is_head(list: &Lazy<Uses>, word: &str, u: Use) -> bool {
    list.get(word).is_some_and(|x| x.has(u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_are_clean() {
        lexicon::check(&TITLES, include_str!("../data/titles.tsv")).unwrap();
        lexicon::check(&ORG_HEADS, include_str!("../data/org_heads.tsv")).unwrap();
        lexicon::check(&PLACE_HEADS, include_str!("../data/place_heads.tsv")).unwrap();
        assert!(is_head(&PLACE_HEADS, "مطار", Use::InName));
        assert!(is_head(&PLACE_HEADS, "مدينه", Use::Kind));
        assert!(is_head(&ORG_HEADS, "الجيش", Use::Definite));
        assert!(!is_head(&ORG_HEADS, "الجيش", Use::Tagger));
    }
}
