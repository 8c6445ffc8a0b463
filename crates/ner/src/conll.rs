//! CoNLL files (`word<TAB>tag`, a blank line between sentences) and conlleval-style scoring:
//! exact chunks, where an I- tag after O or after another type starts a chunk, as conlleval does.
use crate::{Error, Result};
use std::collections::BTreeMap;

pub type Sentence = (Vec<String>, Vec<String>);

/// Reads a CoNLL file; a line without a tab is an error naming its line.
pub fn parse(text: &str, path: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let (mut words, mut tags) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !words.is_empty() {
                out.push((std::mem::take(&mut words), std::mem::take(&mut tags)));
            }
            continue;
        }
        let mut f = line.split('\t');
        let (Some(w), Some(t)) = (f.next(), f.next()) else {
            return Err(Error::Conll { path: path.into(), line: n + 1, message: "expected word<TAB>tag".into() });
        };
        let t = t.trim();
        if t != "O" && !(t.starts_with("B-") || t.starts_with("I-")) {
            return Err(Error::Conll {
                path: path.into(),
                line: n + 1,
                message: format!("tag {t:?} is not O, B-X or I-X"),
            });
        }
        words.push(w.to_string());
        tags.push(t.to_string());
    }
    if !words.is_empty() {
        out.push((words, tags));
    }
    Ok(out)
}

/// Chunks (type, start, end) of a tag sequence, conlleval semantics.
pub fn chunks(tags: &[&str]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, usize)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (bio, ty) = if *t == "O" { ("O", "") } else { (&t[..1], &t[2..]) };
        let continues = bio == "I" && cur.as_ref().is_some_and(|(c, _)| c == ty);
        if !continues {
            if let Some((c, s)) = cur.take() {
                out.push((c, s, i));
            }
            if bio != "O" {
                cur = Some((ty.to_string(), i));
            }
        }
    }
    if let Some((c, s)) = cur {
        out.push((c, s, tags.len()));
    }
    out
}

/// Precision, recall and F1 per type and micro/macro over types.
#[derive(Debug, Default)]
pub struct Scores {
    pub per_type: BTreeMap<String, (usize, usize, usize)>, // (correct, predicted, gold)
}

impl Scores {
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &g {
            self.per_type.entry(c.0.clone()).or_default().2 += 1;
        }
        for c in &p {
            let e = self.per_type.entry(c.0.clone()).or_default();
            e.1 += 1;
            if g.contains(c) {
                e.0 += 1;
            }
        }
    }
    fn prf(c: usize, p: usize, g: usize) -> (f64, f64, f64) {
        let pr = if p > 0 { c as f64 / p as f64 } else { 0.0 };
        let rc = if g > 0 { c as f64 / g as f64 } else { 0.0 };
        let f = if pr + rc > 0.0 { 2.0 * pr * rc / (pr + rc) } else { 0.0 };
        (pr, rc, f)
    }
    pub fn micro(&self) -> (f64, f64, f64) {
        let (c, p, g) = self.per_type.values().fold((0, 0, 0), |a, x| (a.0 + x.0, a.1 + x.1, a.2 + x.2));
        Self::prf(c, p, g)
    }
    pub fn macro_f1(&self) -> f64 {
        let fs: Vec<f64> = self.per_type.values().map(|&(c, p, g)| Self::prf(c, p, g).2).collect();
        fs.iter().sum::<f64>() / fs.len().max(1) as f64
    }
    /// A table: type, precision, recall, F1, gold and predicted chunks; then micro and macro.
    pub fn table(&self) -> String {
        let mut s = format!("{:8} {:>7} {:>7} {:>7} {:>7} {:>7}\n", "type", "P", "R", "F1", "gold", "pred");
        for (t, &(c, p, g)) in &self.per_type {
            let (pr, rc, f) = Self::prf(c, p, g);
            s += &format!("{t:8} {:7.2} {:7.2} {:7.2} {g:7} {p:7}\n", pr * 100.0, rc * 100.0, f * 100.0);
        }
        let (pr, rc, f) = self.micro();
        s += &format!(
            "{:8} {:7.2} {:7.2} {:7.2}\n{:8} {:>7} {:>7} {:7.2}\n",
            "micro",
            pr * 100.0,
            rc * 100.0,
            f * 100.0,
            "macro",
            "",
            "",
            self.macro_f1() * 100.0
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_chunks() {
        assert_eq!(
            chunks(&["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]),
            vec![("PER".into(), 0, 2), ("LOC".into(), 3, 4), ("LOC".into(), 4, 5), ("ORG".into(), 5, 6)]
        );
    }

    #[test]
    fn scores() {
        let mut s = Scores::default();
        s.add(&["B-PER", "I-PER", "O", "B-LOC"], &["B-PER", "I-PER", "O", "B-ORG"]);
        let (p, r, f) = s.micro();
        assert_eq!((p, r, f), (0.5, 0.5, 0.5));
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("a\tO\nb\n", "x.conll").err().unwrap().to_string();
        assert_eq!(e, "x.conll:2: expected word<TAB>tag");
    }
}
