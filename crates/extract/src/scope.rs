//! What each figure totals and where it is counted: the `scope` and `country` of a count.
//!
//! A daily chart of the dead adds figures of single incidents. A war's toll since 2011, or the
//! dead of the Second World War told again in an anniversary piece, are figures too, and one of
//! them outweighs a month of incidents. The clause of each figure (its sentence, cut at commas
//! and semicolons) is read for the phrases of `data/count_scope.tsv` (منذ بدء النزاع،
//! الحصيلة الإجمالية → cumulative; الحرب العالمية → historical), for منذ followed by a date or a
//! year (cumulative), and for a date or year at least two years before the article's own
//! (historical); a hundred thousand or more killed, wounded, arrested, abducted or missing (a
//! million displaced) is a statistic (cumulative), never one incident. A figure's country is that of the geocoded place nearest it in its sentence,
//! else of the place the article names most.
//!
//! ```
//! use khabar_extract::pipeline::Pipeline;
//! use khabar_model::Scope;
//! let text = "قتل 5 أشخاص في غارة على حلب، فيما قتل 350 ألفا منذ بدء النزاع في سوريا.";
//! let a = Pipeline::all().extract(None, Some("2018-03-01".into()), text);
//! let scopes: Vec<_> = a.counts.iter().map(|c| (c.value, c.scope)).collect();
//! assert_eq!(scopes, [(5.0, Scope::Incident), (350000.0, Scope::Cumulative)]);
//! assert!(a.counts.iter().all(|c| c.country.as_deref() == Some("SY")));
//! ```
use crate::component::Component;
use crate::Doc;
use khabar_model::{EntityType, Scope};
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};
use std::ops::Range;

/// The phrases of the list, each tagged with the scope it gives the figures of its clause.
static PHRASES: Lazy<Scope> = lexicon!("count_scope", |t: &str| t.parse().ok().filter(|s| *s != Scope::Incident));

/// The scope of figures and their country.
pub struct CountScope;

impl Component for CountScope {
    fn name(&self) -> &'static str {
        "scope"
    }
    fn uses(&self) -> &'static [&'static str] {
        &["counts", "dates", "entities"]
    }
    fn assigns(&self) -> &'static str {
        "each count's scope (one incident's, a cumulative or a historical toll) and its country"
    }
    fn run(&self, doc: &mut Doc) {
        let scopes: Vec<Scope> =
            doc.records.counts.iter().map(|c| aggregate(c, scope_of(doc, c.tokens.clone()))).collect();
        // a breakdown (بينهم 63 ألف جندي، منهم 20 ألف طفل) totals what the figure before it totals
        let mut scopes = scopes;
        for i in 1..scopes.len() {
            let (prev, this) = (&doc.records.counts[i - 1], &doc.records.counts[i]);
            let (ps, ts) = (sentence_of(doc, prev.tokens.start), sentence_of(doc, this.tokens.start));
            let near = ps == ts || ps.end == ts.start;
            if scopes[i] == Scope::Incident && scopes[i - 1] != Scope::Incident && near && breakdown(doc, &this.tokens)
            {
                scopes[i] = scopes[i - 1];
            }
        }
        let countries: Vec<Option<&'static str>> =
            doc.records.counts.iter().map(|c| country_of(doc, c.tokens.clone())).collect();
        for ((c, s), k) in doc.records.counts.iter_mut().zip(scopes).zip(countries) {
            c.scope = s;
            c.country = k;
        }
    }
}

/// How many killed, wounded, arrested, abducted or missing no one incident in the news reaches:
/// a figure this large is a statistic (a war's dead, a disease's cases, a country's detainees)
/// or a misreading, and is kept out of daily incident totals either way. The deadliest single
/// events of the century (the 2004 tsunami, the 2010 Haiti earthquake) are the rare exceptions
/// this gives up; in the corpus, every such figure is Syria's war toll, a disease's, or history.
const AGGREGATE_MIN: f64 = 100_000.0;
/// The displaced reach a hundred thousand in one offensive, but not a million: past it, a
/// country's or the world's stock of refugees.
const DISPLACED_AGGREGATE_MIN: f64 = 1_000_000.0;

fn aggregate(c: &crate::CountRec, found: Scope) -> Scope {
    use khabar_model::Category::*;
    let min = match c.category {
        Kill | Wound | Arrest | Kidnap | Missing => AGGREGATE_MIN,
        Displace => DISPLACED_AGGREGATE_MIN,
        Protest => return found,
    };
    if found == Scope::Incident && c.value >= min {
        Scope::Cumulative
    } else {
        found
    }
}

/// Whether a figure opens a breakdown of the one before: بينهم، من بينهم، منهم، بينها among the
/// three words before it (after the last comma) or its first two.
fn breakdown(doc: &Doc, figure: &Range<usize>) -> bool {
    let clause = clause_of(doc, figure);
    (clause.start.max(figure.start.saturating_sub(3))..(figure.start + 2).min(figure.end))
        .any(|i| ["بينهم", "منهم", "بينها", "منها", "بينهن", "منهن"].iter().any(|w| same_word(&doc.tokens[i], w)))
}

/// The sentence (token range) holding token `i`.
fn sentence_of(doc: &Doc, i: usize) -> Range<usize> {
    let at = doc.sentences.partition_point(|s| s.end <= i);
    doc.sentences.get(at).cloned().unwrap_or(i..i + 1)
}

/// The clause of a figure: its sentence, cut at the commas and semicolons around it.
fn clause_of(doc: &Doc, figure: &Range<usize>) -> Range<usize> {
    let sent = sentence_of(doc, figure.start);
    let cut = |t: &Token| t.kind == TokenKind::Punct && matches!(t.norm.chars().next(), Some('،' | ',' | '؛' | ';'));
    let start = (sent.start..figure.start).rev().find(|&i| cut(&doc.tokens[i])).map_or(sent.start, |i| i + 1);
    let end = (figure.end.min(sent.end)..sent.end).find(|&i| cut(&doc.tokens[i])).unwrap_or(sent.end);
    start..end
}

/// A word of the text as a word of the list: itself, or without one proclitic letter (و، ف، ب، ل).
fn same_word(t: &Token, w: &str) -> bool {
    t.norm == w
        || t.norm.strip_prefix(['و', 'ف', 'ب', 'ل']).is_some_and(|rest| rest == w && rest.chars().count() >= 2)
        || t.norm.strip_prefix("وب").or_else(|| t.norm.strip_prefix("ول")).is_some_and(|rest| rest == w)
}

/// A year written in digits, as a number.
fn year(t: &Token) -> Option<i32> {
    (t.kind == TokenKind::Number && t.norm.len() == 4)
        .then(|| t.norm.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

fn scope_of(doc: &Doc, figure: Range<usize>) -> Scope {
    let clause = clause_of(doc, &figure);
    let toks = &doc.tokens[clause.clone()];
    // the listed phrases, the longest reading first: a historical war outranks a cumulative "since"
    let mut found: Option<Scope> = None;
    for (i, _) in toks.iter().enumerate() {
        for line in PHRASES.iter() {
            let words: Vec<&str> = line.split(' ').collect();
            if toks.len() - i >= words.len() && words.iter().zip(&toks[i..]).all(|(w, t)| same_word(t, w)) {
                let s = PHRASES.tags(line)[0];
                found = Some(found.map_or(s, |f| f.max(s)));
            }
        }
    }
    if found == Some(Scope::Historical) {
        return Scope::Historical;
    }
    // منذ followed by a date record or a year: summed since then
    let since: Vec<usize> = (clause.clone()).filter(|&i| same_word(&doc.tokens[i], "منذ")).collect();
    for &i in &since {
        let next = i + 1..(i + 4).min(clause.end);
        // since a month or a year, or a day two months back or more (منذ الجمعة is the running
        // toll of one incident)
        let long_ago = |d: &crate::DateRec| match (d.resolution, doc.published) {
            (khabar_model::Resolution::Day, Some(p)) => {
                chrono::NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").is_ok_and(|day| (p - day).num_days() >= 60)
            }
            (khabar_model::Resolution::Day, None) => false,
            _ => true,
        };
        let dated =
            doc.records.dates.iter().any(|d| d.tokens.start >= next.start && d.tokens.start < next.end && long_ago(d));
        if dated || next.clone().any(|j| year(&doc.tokens[j]).is_some()) {
            found = Some(Scope::Cumulative);
        }
    }
    if found.is_some() {
        return found.unwrap_or_default();
    }
    // a date or a year two years or more before the article's: a past event's figure
    let Some(published) = doc.published else { return Scope::Incident };
    use chrono::Datelike;
    let old = |y: i32| y <= published.year() - 2;
    let dated_old =
        doc.records.dates.iter().filter(|d| d.tokens.start >= clause.start && d.tokens.end <= clause.end).any(|d| {
            d.value.get(..4).and_then(|y| y.parse().ok()).is_some_and(old)
                && !since.iter().any(|&s| s < d.tokens.start && d.tokens.start <= s + 3)
        });
    let year_old = clause.clone().filter(|&j| !figure.contains(&j)).any(|j| {
        year(&doc.tokens[j]).is_some_and(old)
            && j > 0
            && ["عام", "سنه", "العام", "في"].iter().any(|w| same_word(&doc.tokens[j - 1], w))
    });
    if dated_old || year_old {
        // منذ anywhere before it in the clause: summed since then (قتل 10 آلاف منذ تدخل التحالف في 2015)
        if since.is_empty() {
            Scope::Historical
        } else {
            Scope::Cumulative
        }
    } else {
        Scope::Incident
    }
}

/// The country of the geocoded place nearest the figure in its clause, else in its sentence (at
/// equal distance the place after it: قتل 4 في اليمن), else of the geocoded place the article
/// mentions most (the first of equals).
fn country_of(doc: &Doc, figure: Range<usize>) -> Option<&'static str> {
    let places =
        doc.records.entities.iter().filter(|e| e.kind == EntityType::Loc).filter_map(|e| e.place.map(|p| (e, p)));
    let distance = |m: &Range<usize>| {
        if m.end <= figure.start {
            (figure.start - m.end, 1)
        } else {
            (m.start.saturating_sub(figure.end), 0)
        }
    };
    let nearest_in = |within: Range<usize>| {
        places
            .clone()
            .flat_map(|(e, p)| {
                e.mentions
                    .iter()
                    .filter(|m| m.tokens.start >= within.start && m.tokens.end <= within.end)
                    .map(move |m| (distance(&m.tokens), p))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, p)| p.country)
    };
    let near = nearest_in(clause_of(doc, &figure)).or_else(|| nearest_in(sentence_of(doc, figure.start)));
    near.or_else(|| {
        let mut best: Option<(usize, &'static str)> = None;
        for (e, p) in places {
            if best.is_none_or(|(n, _)| e.mentions.len() > n) {
                best = Some((e.mentions.len(), p.country));
            }
        }
        best.map(|(_, c)| c)
    })
    .filter(|c| !c.is_empty())
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;
    use khabar_model::Scope;

    fn scopes(text: &str) -> Vec<(f64, Scope)> {
        Pipeline::all()
            .extract(None, Some("2018-05-01".into()), text)
            .counts
            .iter()
            .map(|c| (c.value, c.scope))
            .collect()
    }

    #[test]
    fn the_list_loads() {
        assert!(super::PHRASES.len() > 10);
    }

    #[test]
    fn incident_cumulative_historical() {
        assert_eq!(scopes("قتل 12 شخصا في تفجير انتحاري وسط بغداد."), [(12.0, Scope::Incident)]);
        assert_eq!(scopes("وأسفر النزاع عن مقتل أكثر من 350 ألف شخص منذ عام 2011."), [(350000.0, Scope::Cumulative)]);
        assert_eq!(scopes("وبلغت الحصيلة الإجمالية لضحايا الحرب 10 آلاف قتيل."), [(10000.0, Scope::Cumulative)]);
        assert_eq!(scopes("قتل 60 مليون شخص خلال الحرب العالمية الثانية."), [(60_000_000.0, Scope::Historical)]);
        assert_eq!(scopes("وكان 3 آلاف شخص قد قتلوا في مجزرة عام 1982 في حماة."), [(3000.0, Scope::Historical)]);
        // a million wounded is a statistic; a rate is no incident; accounts are not people
        assert_eq!(scopes("وأصيب نحو 216 مليون شخص بجروح."), [(216_000_000.0, Scope::Cumulative)]);
        // the sick are not the wounded: no count (counts.rs)
        assert_eq!(scopes("وأصيب نحو 216 مليون شخص بالملاريا."), []);
        assert_eq!(scopes("ويقتل 30 شخصا يوميا في حوادث السير."), [(30.0, Scope::Cumulative)]);
        assert_eq!(scopes("وأوقفت الشركة 583 مليون حساب وهمي."), []);
        assert_eq!(
            scopes("وقتل أكثر من 350 ألف شخص منذ بدء النزاع في 2011، بينهم 63 ألف جندي. وقتل 5 أشخاص أمس."),
            [(350000.0, Scope::Cumulative), (63000.0, Scope::Cumulative), (5.0, Scope::Incident)]
        );
        // a recent date is no history
        assert_eq!(scopes("وقتل 7 متظاهرين في عام 2018 في المدينة."), [(7.0, Scope::Incident)]);
        assert_eq!(
            scopes("وقتل نحو 10 آلاف شخص في اليمن منذ تدخل التحالف في عام 2015."),
            [(10000.0, Scope::Cumulative)]
        );
    }

    #[test]
    fn countries() {
        let a = Pipeline::all().extract(None, None, "قتل 4 جنود في اليمن، وأصيب 3 آخرون في مصر.");
        let c: Vec<_> = a.counts.iter().map(|c| c.country.as_deref()).collect();
        assert_eq!(c, [Some("YE"), Some("EG")]);
    }
}
