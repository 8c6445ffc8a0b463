//! Entities across articles: each article's entities (already one per real thing within the
//! article) are joined to corpus-wide entities with stable ids. Every join is recorded with its
//! reason, so that `khabar entity show ID` can explain a merge.
//!
//! Rules, tried in order for an article entity of type T:
//! 1. **same name**: its canonical name's search key (hamza, ya, ta marbuta and diacritics
//!    folded; see [`crate::analysis::key`]) is a known key of a T entity;
//! 2. **same place**: a `LOC` that extraction geocoded to a GeoNames id already joined;
//! 3. **known spelling**: one of its multi-word mentions is a known key of a T entity;
//! 4. **longer form**: a `PER` name of three or more words whose first two or more words are a
//!    known person (دونالد ترامب الاعتراف, a tagger's overreach, or a name with a patronymic);
//! 5. **surname**: a one-word `PER` name that is the last word of exactly one known person;
//! 6. otherwise a new entity, whose id is a hash of its type and key (so the same name gets the
//!    same id in any corpus, whatever the ingest order).
//!
//! Every key seen (canonical name, mention spellings, GeoNames id) is then recorded as pointing to
//! the entity. Rule 4 only joins when it is unambiguous; a surname shared by two known people stays
//! its own entity.
use crate::analysis::key;
use khabar_model::{Entity, EntityType};
use rustc_hash::{FxHashMap, FxHashSet};

/// A key that led to an entity, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewKey {
    pub key: String,
    pub variant: String,
    pub reason: String,
}

/// The outcome of linking one article entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub entity: String,
    /// True when the entity did not exist before.
    pub created: bool,
    /// Keys to record as pointing to it; the first is the canonical name's.
    pub keys: Vec<NewKey>,
    pub geonameid: Option<u64>,
}

/// In-memory view of the key tables, loaded once per writer and kept in step with what it writes.
#[derive(Default)]
pub struct Linker {
    /// `TYPE|key` → entity id.
    keys: FxHashMap<String, String>,
    /// `PER` surname → entity ids with that last word.
    surnames: FxHashMap<String, FxHashSet<String>>,
}

/// A key of the key tables: `TYPE|key`.
pub fn typed(kind: EntityType, k: &str) -> String {
    format!("{kind}|{k}")
}

pub fn entity_id(kind: EntityType, k: &str) -> String {
    let h = blake3::hash(typed(kind, k).as_bytes());
    format!("e{}", &h.to_hex()[..11])
}

/// The longest proper prefix of two or more words of a person's key that is a known person.
fn known_prefix(keys: &FxHashMap<String, String>, k: &str) -> Option<(String, String)> {
    let words: Vec<&str> = k.split(' ').collect();
    (2..words.len()).rev().find_map(|n| {
        let prefix = words[..n].join(" ");
        keys.get(&typed(EntityType::Per, &prefix)).map(|id| (id.clone(), prefix))
    })
}

fn surname(k: &str) -> Option<&str> {
    let mut words = k.split(' ');
    let last = words.next_back()?;
    (words.next().is_some() && last.chars().count() >= 3).then_some(last)
}

impl Linker {
    pub fn add_key(&mut self, typed_key: String, entity: String) {
        if let Some((kind, k)) = typed_key.split_once('|') {
            if kind == EntityType::Per.as_str() {
                if let Some(s) = surname(k) {
                    self.surnames.entry(s.to_string()).or_default().insert(entity.clone());
                }
            }
        }
        self.keys.entry(typed_key).or_insert(entity);
    }

    pub fn get(&self, typed_key: &str) -> Option<&String> {
        self.keys.get(typed_key)
    }

    /// Links one article entity; the caller records the returned keys (and calls
    /// [`Linker::add_key`] for each, which [`Linker::link`] already did in memory).
    pub fn link(&mut self, e: &Entity) -> Option<Link> {
        let kind = e.kind;
        let name_key = key(&e.name);
        if name_key.is_empty() {
            return None;
        }
        let geonameid = e.geo.as_ref().map(|g| g.geonameid).filter(|&g| g > 0);
        let geo_key = geonameid.map(|g| typed(EntityType::Loc, &format!("geonames:{g}")));
        let name_typed = typed(kind, &name_key);
        let mut variants: Vec<(String, &str)> = Vec::new();
        for m in &e.mentions {
            let k = key(&m.text);
            if !k.is_empty() && k != name_key && !variants.iter().any(|(v, _)| *v == k) {
                variants.push((k, m.text.as_str()));
            }
        }
        let (entity, reason) = if let Some(id) = self.keys.get(&name_typed) {
            (id.clone(), format!("same name as a known spelling once folded ({name_key})"))
        } else if let Some(id) = geo_key.as_ref().and_then(|g| self.keys.get(g)) {
            (id.clone(), format!("same GeoNames place ({})", geonameid.unwrap_or(0)))
        } else if let Some((id, v)) = variants
            .iter()
            .filter(|(k, _)| k.contains(' '))
            .find_map(|(k, v)| self.keys.get(&typed(kind, k)).map(|id| (id.clone(), *v)))
        {
            (id, format!("its mention «{v}» is a known spelling"))
        } else if let Some((id, prefix)) =
            (kind == EntityType::Per).then(|| known_prefix(&self.keys, &name_key)).flatten()
        {
            (id, format!("begins with the known person «{prefix}»"))
        } else if let Some(id) = (kind == EntityType::Per && !name_key.contains(' '))
            .then(|| self.surnames.get(&name_key))
            .flatten()
            .filter(|s| s.len() == 1)
            .and_then(|s| s.iter().next())
        {
            (id.clone(), format!("«{}» is the surname of exactly one known person", e.name))
        } else {
            (String::new(), String::new())
        };
        let created = entity.is_empty();
        let (entity, reason) =
            if created { (entity_id(kind, &name_key), "first seen".to_string()) } else { (entity, reason) };
        let mut keys = vec![NewKey { key: name_typed, variant: e.name.clone(), reason: reason.clone() }];
        if let Some(g) = geo_key {
            keys.push(NewKey {
                key: g,
                variant: e.name.clone(),
                reason: format!("GeoNames place {}", geonameid.unwrap_or(0)),
            });
        }
        for (k, v) in variants {
            keys.push(NewKey {
                key: typed(kind, &k),
                variant: v.to_string(),
                reason: format!("mentioned as «{v}» beside «{}» in one article", e.name),
            });
        }
        for k in &keys {
            self.add_key(k.key.clone(), entity.clone());
        }
        Some(Link { entity, created, keys, geonameid })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_model::Mention;

    fn ent(kind: EntityType, name: &str, mentions: &[&str]) -> Entity {
        Entity {
            id: "T1".into(),
            kind,
            name: name.into(),
            latin: None,
            mentions: mentions.iter().map(|m| Mention { start: 0, end: 0, text: m.to_string() }).collect(),
            geo: None,
        }
    }

    #[test]
    fn spellings_and_surnames_join() {
        let mut l = Linker::default();
        let a = l.link(&ent(EntityType::Per, "قاسم جومرت توكاييف", &["قاسم جومرت توكاييف", "توكاييف"])).unwrap();
        assert!(a.created);
        let b = l.link(&ent(EntityType::Per, "قاسم جومرت توكاييف", &[])).unwrap();
        assert_eq!((b.entity.as_str(), b.created), (a.entity.as_str(), false));
        // a one-word name joins through its surname (and through the recorded mention)
        let c = l.link(&ent(EntityType::Per, "توكاييف", &["توكاييف"])).unwrap();
        assert_eq!(c.entity, a.entity);
        let d = l.link(&ent(EntityType::Per, "قاسم جومرت توكاييف اليوم", &[])).unwrap();
        assert_eq!(d.entity, a.entity);
        // hamza spellings of a place
        let p = l.link(&ent(EntityType::Loc, "ألماتي", &["ألماتي"])).unwrap();
        let q = l.link(&ent(EntityType::Loc, "الماتي", &["الماتي"])).unwrap();
        assert_eq!(p.entity, q.entity);
        // types never mix
        let o = l.link(&ent(EntityType::Org, "توكاييف", &[])).unwrap();
        assert_ne!(o.entity, a.entity);
    }

    #[test]
    fn ambiguous_surnames_stay_apart() {
        let mut l = Linker::default();
        let a = l.link(&ent(EntityType::Per, "محمد علي حسن", &[])).unwrap();
        let b = l.link(&ent(EntityType::Per, "أحمد كمال حسن", &[])).unwrap();
        assert_ne!(a.entity, b.entity);
        let c = l.link(&ent(EntityType::Per, "حسن", &[])).unwrap();
        assert!(c.created);
    }

    #[test]
    fn ids_do_not_depend_on_order() {
        assert_eq!(entity_id(EntityType::Loc, &key("ألماتي")), entity_id(EntityType::Loc, &key("الماتى")));
    }
}
