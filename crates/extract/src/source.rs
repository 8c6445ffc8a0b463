//! Who gives a figure: the source a sentence names for the facts in it.
//!
//! Two constructions are read: an attribution phrase (`بحسب السلطات`، `وفقا لوزارة الصحة`،
//! `نقلا عن الشرطة`، `حسبما أفادت وكالة …`) and a reporting verb with its subject before the
//! fact (`أعلنت وزارة الداخلية الجمعة مقتل 26`، `وأفادت الشرطة بسقوط 18`). The subject runs from
//! the word after the verb to the first word that cannot belong to it: punctuation, a date word,
//! أن/إن, a preposition, a word of the fact itself. Media that only carry the report
//! (`لفرانس برس`) are never taken: a name after ل is a listener, not a subject.
use crate::lexicon::{count_role, verbal_noun_after_proclitic, Role, SourceUse, CUES};
use crate::{Doc, Span};
use khabar_text::clitic::proclitic_splits;
use khabar_text::date::WEEKDAYS;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::TokenKind;
use std::ops::Range;

const WINDOW: usize = 40;

/// Words a subject or a source phrase stops before.
static STOP: Lazy = lexicon!("source_stop" and WEEKDAYS);

/// Whether a token (the word, or without its conjunction and preposition) names the source of
/// figures in the given way. A reporting verb after ب، ك, or ل on its past, is a verbal noun
/// ([`verbal_noun_after_proclitic`]: لكشف ملابسات وفاة "to uncover the circumstances of a death"
/// names no source).
fn names_source(t: &khabar_text::token::Token, how: SourceUse) -> bool {
    if t.kind != TokenKind::Arabic {
        return false;
    }
    let names = |w: &str| CUES.tags(w).iter().any(|c| c.source == Some(how));
    if names(&t.norm) {
        return true;
    }
    if !khabar_text::proclitic::may_have_proclitic(&t.norm) {
        return false;
    }
    proclitic_splits(&t.norm).skip(1).any(|(letters, rest)| {
        names(rest.as_ref()) && !(how == SourceUse::Subject && verbal_noun_after_proclitic(&t.norm, letters, &rest))
    })
}

/// A noun phrase from token `i`: at most six words, stopping as described above, and after a
/// definite word at an indefinite one that is not a name in quotation marks (الجيش المصري |
/// نتائج…; مدير المرصد | رامي…), so that a verb's object does not join its subject.
fn phrase(doc: &Doc, i: usize, limit: usize) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    let mut k = i;
    let mut prev_definite = false;
    while k < limit && k < i + 6 {
        let t = &toks[k];
        // a name in quotation marks: وكالة "سانا"
        if k > i && t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | "«") {
            let close = (k + 1..limit.min(k + 6)).find(|&j| matches!(toks[j].norm.as_str(), "\"" | "»"));
            match close {
                Some(j) if j > k + 1 => {
                    k = j + 1;
                    break;
                }
                _ => break,
            }
        }
        if t.kind != TokenKind::Arabic && t.kind != TokenKind::Word {
            break;
        }
        if STOP.contains(&t.norm) || count_role(t, Role::Event).is_some() || count_role(t, Role::Neutral).is_some() {
            break;
        }
        let a = khabar_text::clitic::analyze(&t.norm);
        if k == i && a.prep == Some('ل') {
            return None;
        }
        if k > i {
            // a preposition or a conjunction starts a complement or a new clause (بسقوط، لفرانس،
            // ويدعى), except in باسم
            if (a.prep.is_some() && t.norm != "باسم") || a.conj.is_some() {
                break;
            }
            if prev_definite && !a.article && t.kind == TokenKind::Arabic {
                break;
            }
        }
        prev_definite = a.article;
        k += 1;
    }
    (k > i).then_some(i..k)
}

/// The source named in sentence `sent` for a fact whose first token is `at`.
pub fn source_for(doc: &Doc, sent: &Range<usize>, at: usize) -> Option<Span> {
    let toks = &doc.tokens;
    // an attribution phrase anywhere in the sentence, nearest the fact first
    let mut best: Option<(usize, Range<usize>)> = None;
    // a source stands within a few dozen words of its fact; the window keeps very long
    // "sentences" (tables, lists without punctuation) linear
    let window = at.saturating_sub(WINDOW).max(sent.start)..(at + WINDOW).min(sent.end);
    for k in window.clone() {
        if names_source(&toks[k], SourceUse::Phrase) {
            let mut s = k + 1;
            // وفقا لـ، نقلا عن، حسبما أفادت
            while s < sent.end
                && (matches!(toks[s].norm.as_str(), "ل" | "لـ" | "عن" | "ما" | "ـ")
                    || names_source(&toks[s], SourceUse::Subject))
            {
                s += 1;
            }
            let r = if s < sent.end {
                let t = &toks[s];
                // وفقا لوزارة: the preposition is glued to the name
                let glued = t.norm.starts_with('ل') && khabar_text::clitic::analyze(&t.norm).prep == Some('ل');
                if glued {
                    phrase_after_prep(doc, s, sent.end)
                } else {
                    phrase(doc, s, sent.end)
                }
            } else {
                None
            };
            if let Some(r) = r {
                let d = k.abs_diff(at);
                if best.as_ref().is_none_or(|b| d < b.0) {
                    best = Some((d, r));
                }
            }
        }
    }
    // a reporting verb before the fact, and its subject
    for k in (window.start..at).rev() {
        if names_source(&toks[k], SourceUse::Subject) {
            if let Some(r) = phrase(doc, k + 1, at) {
                return Some(doc.start_after_clitic(r.start, 0)..toks[r.end - 1].end);
            }
            break;
        }
    }
    best.map(|(_, r)| {
        let first = &toks[r.start];
        let letters = if first.norm.starts_with('ل') && khabar_text::clitic::analyze(&first.norm).prep == Some('ل') {
            1
        } else {
            0
        };
        doc.start_after_clitic(r.start, letters)..toks[r.end - 1].end
    })
}

/// A phrase whose first word carries the preposition ل (وفقا لوزارة الصحة).
fn phrase_after_prep(doc: &Doc, i: usize, limit: usize) -> Option<Range<usize>> {
    let mut k = i + 1;
    while k < limit && k < i + 6 {
        let t = &doc.tokens[k];
        if t.kind != TokenKind::Arabic || STOP.contains(&t.norm) {
            break;
        }
        k += 1;
    }
    Some(i..k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str, at_word: &str) -> Option<String> {
        let doc = Doc::new(text, None);
        let at = doc.tokens.iter().position(|t| &text[t.start..t.end] == at_word).unwrap();
        let sent = doc.sentences.iter().find(|s| s.contains(&at)).unwrap().clone();
        source_for(&doc, &sent, at).map(|r| text[r].to_string())
    }

    #[test]
    fn subject_of_reporting_verb() {
        assert_eq!(
            src("أعلنت وزارة الداخلية الكازاخستانية الجمعة مقتل 26", "مقتل").as_deref(),
            Some("وزارة الداخلية الكازاخستانية")
        );
        assert_eq!(src("وأفادت الشرطة بسقوط 18 قتيلا", "بسقوط").as_deref(), Some("الشرطة"));
    }

    #[test]
    fn attribution_phrases() {
        assert_eq!(src("سقوط عشرات القتلى بحسب السلطات.", "سقوط").as_deref(), Some("السلطات"));
        assert_eq!(src("مقتل 5 وفقا لوزارة الصحة", "مقتل").as_deref(), Some("وزارة الصحة"));
        assert_eq!(src("مقتل 5 نقلا عن الشرطة", "مقتل").as_deref(), Some("الشرطة"));
    }

    #[test]
    fn subject_stops_before_the_object() {
        assert_eq!(src("كشف الجيش المصري نتائج البيان رقم 28 معلنا مقتل 52", "مقتل").as_deref(), Some("الجيش المصري"));
        assert_eq!(
            src("وقال رئيس الوزراء الفرنسي إدوار فيليب خلال زيارة إن 86 قتلوا", "86").as_deref(),
            Some("رئيس الوزراء الفرنسي")
        );
        assert_eq!(src("وذكرت وكالة \"سانا\" مقتل 5", "مقتل").as_deref(), Some("وكالة \"سانا\""));
    }

    #[test]
    fn media_carrying_the_report_are_not_sources() {
        assert_eq!(src("وقال لفرانس برس إن 5 قتلوا", "5"), None);
    }
}
