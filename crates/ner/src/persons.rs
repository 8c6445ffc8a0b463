//! Latin spellings of persons' names, so that a reader without Arabic can follow who is named.
//!
//! Two tables, embedded from `data/`:
//! * `persons.tsv`, Wikidata's person names (CC0): whole names and single name words by role
//!   (`given`, `surname`, `unknown`), each with its most used Latin spelling and how many people
//!   carry it (built by `tools/gazetteer`);
//! * `persons_curated.tsv`, name words this project spelled by hand (CC0): name particles
//!   (بن → bin) and the name words most frequent in 2018 news that Wikidata's Arabic labels lack
//!   (ترامب → Trump), each the spelling the English-language press uses for the person, and a
//!   few whole names Wikidata spells as another person of the same Arabic name (تيريزا ماي).
//!
//! A whole name the table knows is spelled as Wikidata spells it. Otherwise every word must be
//! known — the curated table first, then Wikidata's word for its role (the first name word is a
//! given name, the later ones surnames), kept only when at least [`MIN_PEOPLE`] people carry it —
//! and the name is their spellings in order. One unknown word and there is no Latin name: a
//! guessed transliteration would be an invented spelling.
use khabar_text::normalize::normalize;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

static PERSONS_TSV: &str = include_str!("../data/persons.tsv");
static CURATED_TSV: &str = include_str!("../data/persons_curated.tsv");

/// A name word Wikidata knows from fewer people than this is not trusted on its own: one
/// Algerian surname بوتين spelled "Boutine" must not spell Putin.
pub const MIN_PEOPLE: u32 = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Given,
    Surname,
    Unknown,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "given" => Role::Given,
            "surname" => Role::Surname,
            "unknown" => Role::Unknown,
            _ => return None,
        })
    }
}

#[derive(Default)]
struct Word {
    /// Spelling and people, per role, from Wikidata.
    roles: Vec<(Role, &'static str, u32)>,
    /// The curated spelling, which wins.
    curated: Option<&'static str>,
    /// A curated particle (بن، ابو، آل): spelled as listed wherever it stands, and no name alone.
    particle: bool,
}

pub struct Persons {
    /// Whole name → spelling and how many people carry it.
    full: FxHashMap<&'static str, (&'static str, u32)>,
    words: FxHashMap<&'static str, Word>,
    /// Whole names spelled by hand where Wikidata's label for the same Arabic name is another
    /// person's (تيريزا ماي) or is not the person's own spelling.
    curated_full: FxHashMap<&'static str, &'static str>,
}

pub static PERSONS: LazyLock<Persons> = LazyLock::new(|| {
    let mut full = FxHashMap::default();
    let mut words: FxHashMap<&'static str, Word> = FxHashMap::default();
    let mut curated_full = FxHashMap::default();
    for line in PERSONS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&'static str> = line.split('\t').collect();
        let [key, role, latin, people] = f[..] else { continue };
        if role == "full" {
            full.insert(key, (latin, people.parse().unwrap_or(1)));
        } else if let Some(r) = Role::parse(role) {
            words.entry(key).or_default().roles.push((r, latin, people.parse().unwrap_or(1)));
        }
    }
    for line in CURATED_TSV.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&'static str> = line.split('\t').collect();
        let [key, latin, role] = f[..] else { continue };
        if role == "full" {
            curated_full.insert(key, latin);
            continue;
        }
        let w = words.entry(key).or_default();
        w.curated = Some(latin);
        w.particle = role == "particle";
    }
    Persons { full, curated_full, words }
});

impl Persons {
    /// Whether a normalized word is a given name (`given`) or a surname of at least
    /// [`MIN_PEOPLE`] people in Wikidata's labels.
    pub fn is_name_word(&self, w: &str, given: bool) -> bool {
        let want = if given { Role::Given } else { Role::Surname };
        self.words.get(w).is_some_and(|x| x.roles.iter().any(|&(r, _, n)| r == want && n >= MIN_PEOPLE))
    }

    /// Whether a normalized name of several words is a whole person's name Wikidata's labels
    /// (or the curated table) know, with a compound written as one word (عبدالفتاح) or as two.
    pub fn is_full_name(&self, key: &str) -> bool {
        let known = |k: &str| self.full.contains_key(k) || self.curated_full.contains_key(k);
        if known(key) {
            return true;
        }
        let split: Vec<String> = key
            .split(' ')
            .map(|w| {
                ["عبد", "ابو"]
                    .iter()
                    .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() >= 3).map(|r| format!("{p} {r}")))
                    .unwrap_or_else(|| w.to_string())
            })
            .collect();
        let split = split.join(" ");
        split != key && known(&split)
    }

    /// How many people in Wikidata's labels carry a normalized word as their given name (0 when
    /// none).
    pub fn given_people(&self, w: &str) -> u32 {
        self.words.get(w).and_then(|x| x.roles.iter().find(|&&(r, _, _)| r == Role::Given)).map_or(0, |&(_, _, n)| n)
    }

    /// The Latin spelling of a person's name (any Arabic spelling), if every part of it is known.
    pub fn latin(&self, name: &str) -> Option<String> {
        self.latin_normalized(&normalize(&name.replace(['_', '#'], " ")))
    }

    /// [`Persons::latin`] for a name already normalized.
    pub fn latin_normalized(&self, key: &str) -> Option<String> {
        // كيم جونغ-أون: a hyphen joins name words as a space does
        let key =
            key.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
        if key.is_empty() {
            return None;
        }
        if let Some(l) = self.curated_full.get(key.as_str()) {
            return Some(l.to_string());
        }
        let full = self.full.get(key.as_str());
        if let Some(&(l, _)) = full.filter(|f| f.1 >= MIN_PEOPLE) {
            return Some(l.to_string());
        }
        // a whole name only one person in Wikidata carries (تيريزا ماي, a Teresa May) gives way
        // to the curated spellings of its words, which name the person the news means
        let by_words = self.spelled_by_words(&key);
        match (by_words, full) {
            (Some((s, true)), _) => Some(s),
            (_, Some(&(l, _))) => Some(l.to_string()),
            (by_words, None) => by_words.map(|(s, _)| s),
        }
    }

    /// The name spelled word by word, and whether every word's spelling is a curated one.
    fn spelled_by_words(&self, key: &str) -> Option<(String, bool)> {
        let ws: Vec<&str> = key.split(' ').collect();
        let mut out: Vec<String> = Vec::new();
        let mut all_curated = true;
        let mut named = false;
        let mut i = 0;
        while i < ws.len() {
            // a compound the table lists as one word (عبد الله، ابو بكر) before its parts
            let (spelled, used) = match ws.get(i + 1).map(|n| format!("{} {n}", ws[i])) {
                Some(pair) if self.words.contains_key(pair.as_str()) => match self.word(&pair, named) {
                    Some(s) => (Some(s), 2),
                    None => (self.word(ws[i], named), 1),
                },
                _ => (self.word(ws[i], named).or_else(|| self.joined(ws[i], named)), 1),
            };
            let (s, particle, curated) = spelled?;
            all_curated &= curated;
            named |= !particle;
            out.push(s);
            i += used;
        }
        named.then(|| (out.join(" "), all_curated))
    }

    /// One word's spelling and whether it is a particle; `later` when a name word came before it.
    fn word(&self, w: &str, later: bool) -> Option<(String, bool, bool)> {
        let e = self.words.get(w)?;
        if let Some(c) = e.curated {
            return Some((c.to_string(), e.particle, true));
        }
        let want = if later { Role::Surname } else { Role::Given };
        let people: u32 = e.roles.iter().map(|r| r.2).sum();
        if people < MIN_PEOPLE {
            return None;
        }
        // the role the word stands in counts three times: عباس first is a given name
        e.roles
            .iter()
            .max_by_key(|r| (if r.0 == want { 3 * r.2 } else { r.2 }, std::cmp::Reverse(r.1)))
            .map(|r| (r.1.to_string(), false, false))
    }

    /// A compound written as one word (عبدالعزيز، ابوبكر) spelled as its two words.
    fn joined(&self, w: &str, later: bool) -> Option<(String, bool, bool)> {
        ["عبد", "ابو"].iter().find_map(|p| {
            let rest = w.strip_prefix(p).filter(|r| r.chars().count() >= 2)?;
            self.word(&format!("{p} {rest}"), later)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_names_known_with_compounds_joined_or_apart() {
        assert!(PERSONS.is_full_name("عبد الفتاح السيسي"));
        assert!(PERSONS.is_full_name("عبدالفتاح السيسي"));
        assert!(!PERSONS.is_full_name("عبدالفتاح"));
        assert!(!PERSONS.is_full_name("حازم المسجد"));
    }

    #[test]
    fn whole_names_then_words_by_role() {
        assert_eq!(PERSONS.latin("بشار الأسد").as_deref(), Some("Bashar al-Assad"));
        // word by word: a given name, then a surname
        let l = PERSONS.latin("محمد الحريري").expect("both words known");
        assert!(l.starts_with("Mohamed ") || l.starts_with("Muhammad "), "{l}");
        // one unknown word: nothing invented
        assert_eq!(PERSONS.latin("محمد قسطنطينوفيتشيان"), None);
        // particles alone are no name
        assert_eq!(PERSONS.latin("بن"), None);
        assert_eq!(PERSONS.latin(""), None);
    }

    #[test]
    fn a_rare_wikidata_word_does_not_spell_a_famous_one() {
        // one Algerian "Boutine" in Wikidata; the curated table spells Putin
        assert_eq!(PERSONS.latin("بوتين").as_deref(), Some("Putin"));
        assert_eq!(PERSONS.latin("فلاديمير بوتين").as_deref(), Some("Vladimir Putin"));
        // and a whole name one other person carries gives way to the curated words
        assert_eq!(PERSONS.latin("دونالد ترامب").as_deref(), Some("Donald Trump"));
        assert_eq!(PERSONS.latin("تيريزا ماي").as_deref(), Some("Theresa May"));
    }

    #[test]
    fn compounds_and_particles() {
        let joined = PERSONS.latin("عبدالله").expect("joined compound");
        assert_eq!(Some(joined), PERSONS.latin("عبد الله"));
        let l = PERSONS.latin("محمد بن سلمان").expect("known");
        assert!(l.contains(" bin "), "{l}");
        assert_eq!(PERSONS.latin("#محمد_بن_سلمان").as_deref(), Some(l.as_str()));
    }
}
