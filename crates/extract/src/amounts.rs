//! Amounts: every figure that is not a count of people and not part of a date — money, troops,
//! checkpoints, population, percentages, ages — with its value and the noun it counts.
use crate::{AmountRec, CountRec, DateRec, Doc};
use khabar_text::number::parse_number;
use khabar_text::token::TokenKind;

pub fn extract(doc: &Doc, counts: &[CountRec], dates: &[DateRec]) -> Vec<AmountRec> {
    let toks = &doc.tokens;
    let taken = |i: usize| counts.iter().any(|c| c.tokens.contains(&i)) || dates.iter().any(|d| d.tokens.contains(&i));
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let Some(n) = parse_number(toks, i) else {
                i += 1;
                continue;
            };
            let end = n.end().min(sent.end);
            if (n.start..end).any(taken) || (i > sent.start && toks[i - 1].norm == "رقم") {
                i = end;
                continue;
            }
            let mut last = end - 1;
            let mut object = None;
            if let Some(t) = toks.get(end).filter(|_| end < sent.end) {
                if t.norm == "%" {
                    object = Some(t.start..t.end);
                    last = end;
                } else if t.kind == TokenKind::Arabic && !taken(end) {
                    let mut o = end;
                    // في المئة / بالمئة after the figure
                    if t.norm == "في" && toks.get(end + 1).is_some_and(|x| x.norm == "المئه" || x.norm == "المائه") {
                        o = end + 1;
                    }
                    object = Some(toks[end].start..toks[o].end);
                    last = o;
                }
            }
            let start = doc.start_after_clitic(n.start, n.clitic_letters);
            out.push(AmountRec { value: n.value, object, span: start..toks[last].end });
            i = end;
        }
    }
    out
}
