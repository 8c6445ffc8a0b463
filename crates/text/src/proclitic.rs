//! The grammatical splits of a word's proclitics (conjunction و ف, then preposition ب ل ك, with
//! ل + ال contracted to لل), without judging which is likely: [`crate::clitic::analyze`] judges
//! with the corpus lexicon, [`crate::lexicon::Lexicon::find`] with a word list.
use std::borrow::Cow;

pub(crate) const CONJ: [char; 2] = ['و', 'ف'];
const PREP: [char; 3] = ['ب', 'ل', 'ك'];

/// Every grammatical way of taking conjunction and preposition off a normalized word, including
/// none, as (letters taken, word with its article). `لل` yields `ال…`. The remainder has at least
/// two letters. For callers that look the remainder up in a lexicon of their own.
///
/// An iterator over at most five splits held inline: this runs for every token many times, so it
/// allocates only for the rare لل contraction.
pub fn proclitic_splits(w: &str) -> Splits<'_> {
    let mut out = Splits { items: Default::default(), len: 0, pos: 0 };
    out.push(0, Cow::Borrowed(w));
    // most words start with no clitic letter at all
    if !w.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) {
        return out;
    }
    let mut cs = [(0usize, '\0'); 4];
    for (k, x) in w.char_indices().take(4).enumerate() {
        cs[k] = x;
    }
    let n = w.chars().take(5).count();
    let at = |k: usize| if k < n.min(4) { Some(cs[k].1) } else { None };
    let byte = |k: usize| if k < n.min(4) { cs[k].0 } else { w.len() };
    let conj = at(0).is_some_and(|c| CONJ.contains(&c));
    for s in 0..if conj { 2 } else { 1 } {
        if s == 1 && n >= 3 {
            out.push(1, Cow::Borrowed(&w[byte(1)..]));
        }
        if let Some(p) = at(s) {
            if PREP.contains(&p) && n >= s + 3 {
                if p == 'ل' && at(s + 1) == Some('ل') && n >= s + 4 {
                    // لل: ل + ال with the alef dropped
                    out.push(s + 1, Cow::Owned(format!("ا{}", &w[byte(s + 1)..])));
                } else {
                    out.push(s + 1, Cow::Borrowed(&w[byte(s + 1)..]));
                }
            }
        }
    }
    out
}

/// The splits of one word (see [`proclitic_splits`]).
pub struct Splits<'a> {
    items: [Option<(usize, Cow<'a, str>)>; 5],
    len: usize,
    pos: usize,
}

impl<'a> Splits<'a> {
    fn push(&mut self, letters: usize, rest: Cow<'a, str>) {
        if self.len < self.items.len() {
            self.items[self.len] = Some((letters, rest));
            self.len += 1;
        }
    }
}

impl<'a> Iterator for Splits<'a> {
    type Item = (usize, Cow<'a, str>);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.len {
            return None;
        }
        self.pos += 1;
        self.items[self.pos - 1].take()
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len - self.pos, Some(self.len - self.pos))
    }
}

impl ExactSizeIterator for Splits<'_> {}
