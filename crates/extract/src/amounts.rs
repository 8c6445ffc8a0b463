//! Amounts: every figure that is not a count of people and not part of a date — money, troops,
//! checkpoints, population, percentages, ages — with its value and the noun it counts.
use crate::{AmountRec, CountRec, DateRec, Doc};
use khabar_text::clitic::analyze;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::number::parse_number;
use khabar_text::token::TokenKind;

static FUNCTION_WORDS: Lazy = lexicon!("amount_function_words");

/// A word that cannot be the noun an amount counts: a particle, or a word carrying a
/// conjunction or preposition (بين 16 و21 عاما، الـ16 بمحافظة).
fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(w) || {
        let a = analyze(w);
        a.conj.is_some() || a.prep.is_some()
    }
}

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
                } else if t.norm == "في" && toks.get(end + 1).is_some_and(|x| x.norm == "المئه" || x.norm == "المائه")
                {
                    // في المئة after the figure
                    object = Some(t.start..toks[end + 1].end);
                    last = end + 1;
                } else if t.kind == TokenKind::Arabic && !taken(end) && !is_function_word(&t.norm) {
                    let o = end;
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

/// The amounts component.
pub struct Amounts;

impl crate::component::Component for Amounts {
    fn name(&self) -> &'static str {
        "amounts"
    }
    fn requires(&self) -> &'static [&'static str] {
        &["counts", "dates"]
    }
    fn assigns(&self) -> &'static str {
        "every other figure, with the noun it counts"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.amounts = extract(doc, &doc.records.counts, &doc.records.dates);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(f64, Option<String>)> {
        let doc = Doc::new(text, None);
        extract(&doc, &[], &[]).into_iter().map(|a| (a.value, a.object.map(|o| text[o].to_string()))).collect()
    }

    #[test]
    fn figures_and_their_nouns() {
        assert_eq!(amounts("إقامة سبعين نقطة تفتيش"), vec![(70.0, Some("نقطة".into()))]);
        assert_eq!(amounts("تعد 19 مليون نسمة"), vec![(19e6, Some("نسمة".into()))]);
        assert_eq!(amounts("ارتفع 5 في المئة"), vec![(5.0, Some("في المئة".into()))]);
        assert_eq!(amounts("بين 16 و21 عاما"), vec![(16.0, None), (21.0, Some("عاما".into()))]);
    }
}
