//! Date records: the text layer's date expressions, with the proclitic taken off their first word
//! (والجمعة → الجمعة) and repeats of one text with one value kept once, as the spec asks.
use crate::{DateRec, Doc};
use khabar_text::date::find_dates;
use khabar_text::normalize::normalize;
use std::collections::HashSet;

pub fn extract(doc: &Doc) -> Vec<DateRec> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for d in find_dates(&doc.tokens, &doc.sentences, doc.published) {
        let start = doc.start_after_clitic(d.tokens.start, d.clitic_letters);
        let span = start..doc.tokens[d.tokens.end - 1].end;
        if seen.insert((normalize(&doc.text[span.clone()]), d.value.clone())) {
            out.push(DateRec { span, value: d.value, resolution: d.resolution, tokens: d.tokens });
        }
    }
    out
}

/// The dates component.
pub struct Dates;

impl crate::component::Component for Dates {
    fn name(&self) -> &'static str {
        "dates"
    }
    fn assigns(&self) -> &'static str {
        "date expressions resolved against the publication day"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.dates = extract(doc);
    }
}
