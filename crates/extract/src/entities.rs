//! Entities: the tagger's mentions of persons, organizations and places, grouped so that each
//! real thing in the article is one entity.
//!
//! A mention starts after its first word's conjunction and preposition (بألماتي → ألماتي) and
//! keeps the article (الكرملين). Mentions join one entity when their normalized forms are equal
//! (ألماتي / الماتي), when one person's name is the tail or a part of a fuller one
//! (توكاييف ↔ قاسم جومرت توكاييف), or when two single-word names differ by one edit of a long
//! word (أبليازوف / ألبيازوف). The entity's type is the one most of its mentions got; its name is
//! its fullest form. Places carry coordinates, country and Latin name from the gazetteer.
use crate::{Doc, Span};
use khabar_ner::gazetteer::GAZETTEER;
use khabar_ner::model::Model;
use khabar_text::clitic::analyze;
use khabar_text::normalize::normalize;
use khabar_text::token::TokenKind;

#[derive(Debug, Clone, PartialEq)]
pub struct MentionRec {
    pub span: Span,
    pub kind: &'static str,
    /// Normalized text, for grouping.
    pub key: String,
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityRec {
    pub kind: &'static str,
    pub mentions: Vec<MentionRec>,
    /// Index of the mention whose text is the entity's name.
    pub name: usize,
    pub geo: Option<(f64, f64, &'static str)>,
    pub latin: Option<&'static str>,
}

fn contract_type(t: &str) -> Option<&'static str> {
    match t {
        "PERS" | "PER" => Some("PER"),
        "LOC" => Some("LOC"),
        "ORG" => Some("ORG"),
        _ => None,
    }
}

/// The tagger's mentions, sentence by sentence.
pub fn mentions(doc: &Doc, model: &Model) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let words: Vec<&str> = toks[sent.clone()].iter().map(|t| &doc.text[t.start..t.end]).collect();
        let tags = model.tag(&words);
        for (ty, s, e) in khabar_ner::conll::chunks(&tags) {
            let Some(kind) = contract_type(&ty) else { continue };
            let (first, last) = (sent.start + s, sent.start + e - 1);
            // a mention is words; punctuation at its edges is not part of it
            if toks[first].kind != TokenKind::Arabic && toks[first].kind != TokenKind::Word {
                continue;
            }
            let letters = if toks[first].kind == TokenKind::Arabic { analyze(&toks[first].norm).clitic_letters } else { 0 };
            let start = doc.start_after_clitic(first, letters);
            let span = start..toks[last].end;
            if span.is_empty() {
                continue;
            }
            let key = normalize(&doc.text[span.clone()]);
            out.push(MentionRec { span, kind, key, tokens: first..last + 1 });
        }
    }
    out
}

/// Damerau–Levenshtein distance of at most one (one substitution, insertion, deletion or
/// transposition of neighbours).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if p == a.len() && p == b.len() {
        return true;
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    ra.get(1..) == rb.get(1..) // substitution
        || ra.get(1..) == Some(rb) // deletion
        || Some(ra) == rb.get(1..) // insertion
        || (ra.len() >= 2 && rb.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..]) // transposition
}

fn words_of(key: &str) -> Vec<&str> {
    key.split(' ').collect()
}

/// Whether mention keys `a` and `b` name the same thing, for entities of type `kind`.
fn same(kind: &str, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let strip = |s: &str| s.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(s).to_string();
    if kind != "PER" {
        // وكالة فرانس برس / فرانس برس, وزارة الداخلية الكازاخستانية / وزارة الداخلية
        let (wa, wb) = (words_of(a), words_of(b));
        let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
        if short.len() >= 2 && long.windows(short.len()).any(|w| w == short.as_slice()) {
            return true;
        }
        if short.len() == 1 && long.len() == 2 && long[1] == short[0] && short[0].chars().count() >= 4 && kind == "ORG" {
            return true;
        }
        return strip(a) == strip(b);
    }
    let (wa, wb) = (words_of(a), words_of(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    // a part of a fuller name: its last word, or a tail of two words or more
    if short.len() < long.len() && long.ends_with(short) {
        return true;
    }
    if short.len() == 1 && long.len() >= 2 && long.contains(&short[0]) && short[0].chars().count() >= 5 && *long.last().unwrap_or(&"") != short[0] {
        // a family name in the middle (نور سلطان نزارباييف ↔ نزارباييف is the tail; this is for
        // the rarer first-name-only mention of a long first name)
        return false;
    }
    // one edit apart on the last word (أبليازوف / ألبيازوف), the rest equal
    let (la, lb) = (wa.last().copied().unwrap_or(""), wb.last().copied().unwrap_or(""));
    la.chars().count() >= 6 && within_one_edit(la, lb) && (wa.len() == 1 || wb.len() == 1 || wa[..wa.len() - 1] == wb[..wb.len() - 1])
}

/// Groups mentions into entities.
pub fn group(mentions: Vec<MentionRec>) -> Vec<EntityRec> {
    // longest mentions first, so that a short one joins the fullest name it is part of
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].key.split(' ').count()), mentions[i].span.start));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        let m = &mentions[i];
        let found = groups.iter().position(|g| {
            g.iter().any(|&j| {
                let o = &mentions[j];
                (o.kind == m.kind || o.key == m.key) && same(m.kind, &o.key, &m.key)
            })
        });
        match found {
            Some(g) => groups[g].push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut out: Vec<EntityRec> = groups
        .into_iter()
        .map(|mut g| {
            g.sort_by_key(|&i| mentions[i].span.start);
            let ms: Vec<MentionRec> = g.iter().map(|&i| mentions[i].clone()).collect();
            let mut votes: Vec<(&'static str, usize)> = Vec::new();
            for m in &ms {
                match votes.iter_mut().find(|v| v.0 == m.kind) {
                    Some(v) => v.1 += 1,
                    None => votes.push((m.kind, 1)),
                }
            }
            let kind = votes.iter().max_by_key(|v| v.1).map(|v| v.0).unwrap_or("ORG");
            let name = (0..ms.len()).max_by_key(|&k| (ms[k].key.chars().count(), std::cmp::Reverse(k))).unwrap_or(0);
            let mut e = EntityRec { kind, mentions: ms, name, geo: None, latin: None };
            if kind == "LOC" {
                // the fullest form the gazetteer knows
                let mut keys: Vec<&str> = e.mentions.iter().map(|m| m.key.as_str()).collect();
                keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
                if let Some(p) = keys.iter().find_map(|k| GAZETTEER.place(k)) {
                    if p.lat.is_finite() && p.lon.is_finite() {
                        e.geo = Some((p.lat, p.lon, p.country));
                    }
                    e.latin = Some(p.latin);
                }
            }
            e
        })
        .collect();
    out.sort_by_key(|e| e.mentions[0].span.start);
    out
}

/// Entities of a document, if a tagger is embedded.
pub fn extract(doc: &Doc) -> Vec<EntityRec> {
    match Model::embedded() {
        Some(m) => group(mentions(doc, m)),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits() {
        assert!(within_one_edit("ابليازوف", "البيازوف"));
        assert!(within_one_edit("توكاييف", "توكايف"));
        assert!(!within_one_edit("موسكو", "كييف"));
    }

    #[test]
    fn same_thing() {
        assert!(same("PER", "قاسم جومرت توكاييف", "توكاييف"));
        assert!(same("PER", "قاسم جومرت توكاييف", "جومرت توكاييف"));
        assert!(same("PER", "مختار ابليازوف", "البيازوف"));
        assert!(!same("PER", "فلاديمير بوتين", "ديمتري بيسكوف"));
        assert!(same("ORG", "وكاله فرانس برس", "فرانس برس"));
        assert!(same("ORG", "وزاره الداخليه الكازاخستانيه", "وزاره الداخليه"));
        assert!(same("LOC", "الماتي", "الماتي"));
    }
}
