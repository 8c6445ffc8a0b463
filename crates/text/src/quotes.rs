//! Pairing of quotation marks of every kind: `"…"`, `«…»`, `“…”`, `„…“`/`„…”`, `‹…›`, and the
//! reversed `»…«` some writers use. Unbalanced marks are tolerated: a closer with no opener is
//! ignored, and openers left open at the end of a paragraph (a line break) are dropped.
//!
//! ```
//! use khabar_text::quotes::quote_pairs;
//! let text = "قال \"نعم\" و«لا»";
//! let pairs = quote_pairs(text);
//! assert_eq!(pairs.len(), 2);
//! assert_eq!(&text[pairs[0].inner()], "نعم");
//! assert_eq!(&text[pairs[1].inner()], "لا");
//! ```
use std::ops::Range;

/// One matched pair; byte offsets of the two marks in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotePair {
    pub open: usize,
    pub open_len: usize,
    pub close: usize,
    pub close_len: usize,
}

impl QuotePair {
    /// The quoted text, marks excluded.
    pub fn inner(&self) -> Range<usize> {
        self.open + self.open_len..self.close
    }
    /// The quoted text with its marks.
    pub fn outer(&self) -> Range<usize> {
        self.open..self.close + self.close_len
    }
}

/// What closes a given opener.
fn closes(open: char, c: char) -> bool {
    match open {
        '"' => c == '"',
        '«' => c == '»',
        '»' => c == '«',
        '“' => c == '”' || c == '“',
        '„' => c == '“' || c == '”',
        '‹' => c == '›',
        '›' => c == '‹',
        _ => false,
    }
}

/// Every pair of quotation marks in `text`, ordered by their opening mark.
pub fn quote_pairs(text: &str) -> Vec<QuotePair> {
    let mut out = Vec::new();
    let mut stack: Vec<(usize, char)> = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '\n' | '\u{2029}' => stack.clear(),
            '"' | '«' | '»' | '“' | '”' | '„' | '‹' | '›' => {
                // close the innermost opener this mark closes, dropping unclosed ones above it
                if let Some(k) = stack.iter().rposition(|&(_, o)| closes(o, c)) {
                    let (o, oc) = stack[k];
                    stack.truncate(k);
                    out.push(QuotePair { open: o, open_len: oc.len_utf8(), close: i, close_len: c.len_utf8() });
                } else if c != '”' {
                    // ” only ever closes; every other mark may open
                    stack.push((i, c));
                }
            }
            _ => {}
        }
    }
    out.sort_by_key(|p| p.open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<&str> {
        quote_pairs(text).iter().map(|p| &text[p.inner()]).collect()
    }

    #[test]
    fn every_kind() {
        assert_eq!(inner("“أ” „ب“ ‹ج› »د«"), vec!["أ", "ب", "ج", "د"]);
    }

    #[test]
    fn nested() {
        assert_eq!(inner("«قال \"نعم\" ثم»"), vec!["قال \"نعم\" ثم", "نعم"]);
    }

    #[test]
    fn unbalanced_is_tolerated() {
        assert_eq!(inner("قال \"أ\" ثم \"ب\nج\" د\""), vec!["أ", " د"]);
        assert_eq!(inner("» وحده"), Vec::<&str>::new());
        assert_eq!(inner("”"), Vec::<&str>::new());
        assert_eq!(inner("«أ \"ب»"), vec!["أ \"ب"]);
    }
}
