//! Hedges: clauses that say a claim could not be verified (لم يتسن التأكد، لا يمكن التحقق،
//! تعذر التحقق، من دون أن يؤكد، لا تستطيع تأكيد…) or is only alleged (بحسب مزاعم، ما زعمت).
//!
//! A hedge runs from its trigger to the end of its clause: the sentence end, a comma or colon, or
//! a word that opens a new clause (ولم، لكن، بينما…), and at most twenty words.
use crate::{Doc, HedgeRec};
use khabar_model::HedgeKind;
use khabar_text::clitic::proclitic_splits;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};
use std::ops::Range;

/// Words that name checking (after a negated verb of being able).
static CHECK: Lazy = lexicon!("hedge_check");
static CAN: Lazy = lexicon!("hedge_can");
static ALLEGE: Lazy = lexicon!("hedge_allege");
static CLAUSE_END: Lazy = lexicon!("hedge_clause_end");

fn stem_in(t: &Token, list: &Lazy) -> bool {
    t.kind == TokenKind::Arabic && list.has(&t.norm)
}

/// A hedge trigger at token `i`: (first token, kind).
fn trigger(toks: &[Token], sent: &Range<usize>, i: usize) -> Option<(usize, HedgeKind)> {
    let t = &toks[i];
    let w = t.norm.as_str();
    let window =
        |from: usize, n: usize| toks[from.min(sent.end)..(from + n).min(sent.end)].iter().any(|x| stem_in(x, &CHECK));
    // لم يتسن التأكد، لا يمكن التحقق، تعذر التحقق، لم يتم التأكد
    if matches!(w, "لم" | "لا" | "ولم" | "ولا") && i + 1 < sent.end && stem_in(&toks[i + 1], &CAN) && window(i + 2, 4)
    {
        return Some((i, HedgeKind::Unverified));
    }
    let impossible =
        t.kind == TokenKind::Arabic && proclitic_splits(&t.norm).any(|(_, r)| matches!(r.as_ref(), "تعذر" | "يتعذر"));
    if impossible && window(i + 1, 3) {
        return Some((i, HedgeKind::Unverified));
    }
    // من دون أن يؤكد، دون تأكيد، لم تؤكد
    if w == "دون" || w == "بدون" {
        let from = if i > sent.start && toks[i - 1].norm == "من" { i - 1 } else { i };
        let n1 = toks.get(i + 1).map(|x| x.norm.as_str());
        let n2 = toks.get(i + 2).map(|x| x.norm.as_str());
        if matches!(n1, Some("تاكيد" | "التحقق" | "التاكد"))
            || (n1 == Some("ان") && matches!(n2, Some("يؤكد" | "تؤكد" | "يتسني" | "يتسن" | "يتم")))
        {
            return Some((from, HedgeKind::Unverified));
        }
    }
    if matches!(w, "غير") && toks.get(i + 1).is_some_and(|x| matches!(x.norm.as_str(), "مؤكده" | "مؤكد" | "مؤكدا"))
    {
        return Some((i, HedgeKind::Unverified));
    }
    if stem_in(t, &ALLEGE) {
        let from = if i > sent.start && matches!(toks[i - 1].norm.as_str(), "ما" | "بحسب" | "حسب" | "وفق") {
            i - 1
        } else {
            i
        };
        return Some((from, HedgeKind::Disputed));
    }
    None
}

pub fn extract(doc: &Doc) -> Vec<HedgeRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let Some((first, kind)) = trigger(toks, sent, i) else {
                i += 1;
                continue;
            };
            // an allegation is a short clause (ما زعمت أنه تسريبات …); an unverified claim may
            // run on (لم يتسن التحقق من هذه المعلومات لدى مصدر مستقل)
            let max = if kind == HedgeKind::Disputed { 9 } else { 20 };
            let mut k = i + 1;
            while k < sent.end && k < first + max {
                let t = &toks[k];
                if t.kind == TokenKind::Punct
                    && matches!(t.norm.as_str(), "،" | "," | ";" | "؛" | ":" | "." | "(" | ")" | "؟" | "!")
                {
                    break;
                }
                if k > i + 2 && CLAUSE_END.contains(&t.norm) {
                    break;
                }
                k += 1;
            }
            out.push(HedgeRec { span: toks[first].start..toks[k - 1].end, kind });
            i = k;
        }
    }
    out
}

/// The hedges component.
pub struct Hedges;

impl crate::component::Component for Hedges {
    fn name(&self) -> &'static str {
        "hedges"
    }
    fn assigns(&self) -> &'static str {
        "clauses that say a claim is unverified or disputed"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.hedges = extract(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedges(text: &str) -> Vec<String> {
        let doc = Doc::new(text, None);
        extract(&doc).into_iter().map(|h| text[h.span].to_string()).collect()
    }

    #[test]
    fn unverified() {
        assert_eq!(
            hedges("لكن لم يتسن التأكد من هذه الارقام بشكل مستقل ولم تدل الحكومة بأي حصيلة."),
            vec!["لم يتسن التأكد من هذه الارقام بشكل مستقل"]
        );
        assert_eq!(hedges("لا تستطيع تأكيد هذه المعلومات على الفور."), vec!["لا تستطيع تأكيد هذه المعلومات على الفور"]);
        assert_eq!(hedges("من دون أن يؤكد خبراً أوردته وسائل إعلام."), vec!["من دون أن يؤكد خبراً أوردته وسائل إعلام"]);
        assert_eq!(hedges("لم يتسن لفرانس برس التحقق منها."), vec!["لم يتسن لفرانس برس التحقق منها"]);
    }

    #[test]
    fn disputed() {
        assert_eq!(
            hedges("بسبب ما زعمت أنه تسريبات لمعلومات استخباراتية."),
            vec!["ما زعمت أنه تسريبات لمعلومات استخباراتية"]
        );
        assert_eq!(
            hedges("بسبب ما زعمت أنه تسريبات لمعلومات استخباراتية رجحت أن بيونغيانغ حدثت مواقع تخصيب اليورانيوم.")[0]
                .split(' ')
                .count(),
            9
        );
    }

    #[test]
    fn no_hedge() {
        assert!(hedges("أكدت الوزارة مقتل 5.").is_empty());
        assert!(hedges("لا يمكن القبول بذلك.").is_empty());
    }
}
