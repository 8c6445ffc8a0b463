//! The count lexicon (`data/counts.tsv`), parsed once.
use khabar_model::Category;
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Event,
    Neutral,
    State,
    After,
    Dual,
    Single,
    Unit,
}

pub struct CountLexicon {
    words: HashMap<&'static str, Vec<(Role, Option<Category>)>>,
}

static TSV: &str = include_str!("../data/counts.tsv");

pub static COUNTS: LazyLock<CountLexicon> = LazyLock::new(|| {
    let mut words: HashMap<&'static str, Vec<(Role, Option<Category>)>> = HashMap::default();
    for line in TSV.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut f = line.split('\t');
        let (Some(w), Some(role), Some(cat)) = (f.next(), f.next(), f.next()) else { continue };
        let role = match role {
            "event" => Role::Event,
            "neutral" => Role::Neutral,
            "state" => Role::State,
            "after" => Role::After,
            "dual" => Role::Dual,
            "single" => Role::Single,
            "unit" => Role::Unit,
            _ => continue,
        };
        // `-` for the roles that name no category
        let cat = cat.parse::<Category>().ok();
        words.entry(w).or_default().push((role, cat));
    }
    CountLexicon { words }
});

impl CountLexicon {
    /// Whether `word` (normalized) has `role`, and the category it names there (none for the
    /// neutral, dual, single and unit roles).
    pub fn get(&self, word: &str, role: Role) -> Option<Option<Category>> {
        self.words.get(word)?.iter().find(|(r, _)| *r == role).map(|(_, c)| *c)
    }
    #[cfg(test)]
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_text::normalize::normalize;

    #[test]
    fn every_entry_is_normalized() {
        for w in COUNTS.entries() {
            assert_eq!(normalize(w), w, "{w}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(COUNTS.get("مقتل", Role::Event), Some(Some(Category::Kill)));
        assert_eq!(COUNTS.get("جريحا", Role::State), Some(Some(Category::Wound)));
        assert_eq!(COUNTS.get("مقتل", Role::State), None);
    }
}
