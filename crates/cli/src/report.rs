//! `--format report`: what a journalist glances at. Arabic runs are wrapped in Unicode bidi
//! isolates (RLI … PDI) so that they read right to left on a terminal without dragging numbers
//! and labels around them.
use khabar_model::{Article, EntityType};
use std::fmt::Write;

const RLI: char = '\u{2067}';
const PDI: char = '\u{2069}';

fn rtl(s: &str) -> String {
    let flat: String = terminal_safe(s).split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{RLI}{flat}{PDI}")
}

/// Article text made safe to print on a terminal: control characters (an escape sequence in an
/// article could recolour or retitle the reader's terminal) become spaces, and the bidi
/// embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069: `\u{202E}gpj.exe`
/// reads "exe.jpg") are dropped — the report isolates Arabic runs itself.
pub fn terminal_safe(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{v}")
    }
}

/// One article as a block of text: its entities, who said what, its figures, dates and hedges.
pub fn render(a: &Article, text: &str) -> String {
    let mut s = String::new();
    let title: String = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").chars().take(70).collect();
    let (id, published) = (a.id.as_deref().unwrap_or("(no id)"), a.published.as_deref().unwrap_or("no date"));
    let _ = writeln!(s, "══ {} · {} ══", terminal_safe(id), terminal_safe(published));
    let _ = writeln!(s, "   {}", rtl(&title));
    if a.entities.is_empty()
        && a.quotes.is_empty()
        && a.counts.is_empty()
        && a.dates.is_empty()
        && a.hedges.is_empty()
        && a.amounts.is_empty()
    {
        let _ = writeln!(s, "   (nothing found)");
    }
    entities(&mut s, a);
    quotes(&mut s, a);
    figures(&mut s, a);
    s.push('\n');
    s
}

/// People, organizations and places, each with its other spellings, Latin name and place.
fn entities(s: &mut String, a: &Article) {
    for (kind, title) in [(EntityType::Per, "People"), (EntityType::Org, "Organizations"), (EntityType::Loc, "Places")]
    {
        let ents: Vec<_> = a.entities.iter().filter(|e| e.kind == kind).collect();
        if ents.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n  {title}");
        for e in ents {
            let mut variants: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).filter(|t| *t != e.name).collect();
            variants.sort();
            variants.dedup();
            let extra = [
                e.latin.clone().unwrap_or_default(),
                e.geo.as_ref().map(|g| format!("{:.2}, {:.2} {}", g.lat, g.lon, g.country)).unwrap_or_default(),
            ]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            let also = if variants.is_empty() {
                String::new()
            } else {
                format!("  (also {})", variants.iter().map(|v| rtl(v)).collect::<Vec<_>>().join(", "))
            };
            let _ = writeln!(
                s,
                "    {:<4} ×{:<2} {}{}{}",
                e.id,
                e.mentions.len(),
                rtl(&e.name),
                if extra.is_empty() { String::new() } else { format!("  [{extra}]") },
                also
            );
        }
    }
}

/// Quotations grouped by speaker.
fn quotes(s: &mut String, a: &Article) {
    if !a.quotes.is_empty() {
        // grouped by speaker: the entity's name where linked, else the words that name it
        let name_of = |q: &khabar_model::Quote| -> String {
            match &q.speaker {
                Some(sp) => sp
                    .entity
                    .as_ref()
                    .and_then(|id| a.entities.iter().find(|e| &e.id == id))
                    .map(|e| e.name.clone())
                    .unwrap_or_else(|| sp.text.clone()),
                None => "(speaker unknown)".to_string(),
            }
        };
        let mut speakers: Vec<String> = Vec::new();
        for q in &a.quotes {
            let n = name_of(q);
            if !speakers.contains(&n) {
                speakers.push(n);
            }
        }
        let _ = writeln!(s, "\n  Who said what");
        for sp in &speakers {
            let _ = writeln!(s, "    {}", rtl(sp));
            for q in a.quotes.iter().filter(|q| &name_of(q) == sp) {
                let text: String = q.text.chars().take(110).collect();
                let more = if q.text.chars().count() > 110 { "…" } else { "" };
                let _ = writeln!(s, "      {:<8} {}  {}{}", q.kind, rtl(&q.cue), rtl(&text), more);
            }
        }
    }
}

/// Counts, dates, hedges and other figures.
fn figures(s: &mut String, a: &Article) {
    if !a.counts.is_empty() {
        let _ = writeln!(s, "\n  Counts");
        for c in &a.counts {
            let src = c.attributed_to.as_ref().map(|x| format!("  ← {}", rtl(&x.text))).unwrap_or_default();
            let _ = writeln!(
                s,
                "    {:<8} {:>10}  {:<9}  {}{}",
                c.category,
                value(c.value),
                c.qualifier,
                rtl(&c.text),
                src
            );
        }
    }
    if !a.dates.is_empty() {
        let _ = writeln!(s, "\n  Dates");
        for d in &a.dates {
            let _ = writeln!(s, "    {:<10} {:<5}  {}", d.value, d.resolution, rtl(&d.text));
        }
    }
    if !a.hedges.is_empty() {
        let _ = writeln!(s, "\n  Unverified or disputed");
        for h in &a.hedges {
            let _ = writeln!(s, "    {:<10} {}", h.kind, rtl(&h.text));
        }
    }
    if !a.amounts.is_empty() {
        let _ = writeln!(s, "\n  Other figures");
        for m in &a.amounts {
            let _ = writeln!(s, "    {:>14}  {}", value(m.value), rtl(&m.text));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_never_reach_the_terminal() {
        assert_eq!(terminal_safe("a\x1b]0;owned\x07b\n"), "a ]0;owned b ");
        assert!(!rtl("\x1b[31mنص").contains('\x1b'));
        assert_eq!(terminal_safe("\u{202E}gpj.exe \u{2067}نص\u{2069}"), "gpj.exe نص");
        let a = Article::new(Some("\u{1b}]0;pwned\u{7}".into()), Some("\u{202E}2022".into()));
        let r = render(&a, "نص");
        assert!(!r.contains('\u{1b}') && !r.contains('\u{7}') && !r.contains('\u{202E}'), "{r:?}");
    }
}
