//! The grammatical splits of a word's proclitics (conjunction و ف, then preposition ب ل ك, with
//! ل + ال contracted to لل), without judging which is likely: [`crate::clitic::analyze`] judges
//! with the corpus lexicon, [`crate::lexicon::Lexicon::find`] with a word list.
use std::borrow::Cow;

pub(crate) const CONJ: [char; 2] = ['و', 'ف'];

/// Every grammatical way of taking conjunction and preposition off a normalized word, including
/// none, as (letters taken, word with its article). `لل` yields `ال…`. The remainder has at least
/// two letters. For callers that look the remainder up in a lexicon of their own.
///
/// An iterator over at most five splits held inline as byte offsets: this runs for every token
/// many times, so it is a few bytes to build and allocates only when the rare لل contraction is
/// taken.
pub fn proclitic_splits(w: &str) -> Splits<'_> {
    let mut out = Splits { word: w, items: [Split::default(); 5], len: 0, pos: 0 };
    out.push(0, 0, false);
    // Read as bytes: the five clitic letters are two bytes each in UTF-8, so the k-th letter of a
    // run of them starts at byte 2k, and a letter of any other length never matches.
    // most words start with no clitic letter at all
    if !may_have_proclitic(w) {
        return out;
    }
    let b = w.as_bytes();
    let first = letter_at(b, 0);
    // letters in the word, counted up to five (a letter starts at every non-continuation byte)
    let n = b.iter().filter(|&&x| x & 0xC0 != 0x80).take(5).count();
    let conj = matches!(first, Some(WAW | FA));
    for s in 0..if conj { 2 } else { 1 } {
        if s == 1 && n >= 3 {
            out.push(1, 2, false);
        }
        let p = letter_at(b, 2 * s);
        if matches!(p, Some(BA | LAM | KAF)) && n >= s + 3 {
            // لل: ل + ال with the alef dropped
            let contracted = p == Some(LAM) && letter_at(b, 2 * s + 2) == Some(LAM) && n >= s + 4;
            out.push(s + 1, 2 * s + 2, contracted);
        }
    }
    out
}

/// The UTF-8 bytes of و ف ب ل ك.
const WAW: [u8; 2] = [0xD9, 0x88];
const FA: [u8; 2] = [0xD9, 0x81];
const BA: [u8; 2] = [0xD8, 0xA8];
const LAM: [u8; 2] = [0xD9, 0x84];
const KAF: [u8; 2] = [0xD9, 0x83];

/// The two bytes at `i`, if the word has them.
#[inline]
fn letter_at(b: &[u8], i: usize) -> Option<[u8; 2]> {
    match b.get(i..i + 2) {
        Some(&[x, y]) => Some([x, y]),
        _ => None,
    }
}

/// Whether a normalized word begins with a letter that can be a proclitic (و ف ب ل ك): when it
/// does not, [`proclitic_splits`] gives the word alone.
#[inline]
pub fn may_have_proclitic(w: &str) -> bool {
    matches!(letter_at(w.as_bytes(), 0), Some(WAW | FA | BA | LAM | KAF))
}

/// One split: letters taken, the byte where the rest starts, and whether an alef is put back
/// before the rest (لل → ال).
#[derive(Clone, Copy, Default)]
struct Split {
    letters: u8,
    start: u8,
    alef: bool,
}

/// The splits of one word (see [`proclitic_splits`]).
pub struct Splits<'a> {
    word: &'a str,
    items: [Split; 5],
    len: u8,
    pos: u8,
}

impl Splits<'_> {
    fn push(&mut self, letters: usize, start: usize, alef: bool) {
        // proclitics are at most three two-byte letters, so offsets fit a byte
        if (self.len as usize) < self.items.len() {
            self.items[self.len as usize] = Split { letters: letters as u8, start: start as u8, alef };
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
        let s = self.items[self.pos as usize];
        self.pos += 1;
        let rest = &self.word[s.start as usize..];
        Some((s.letters as usize, if s.alef { Cow::Owned(format!("ا{rest}")) } else { Cow::Borrowed(rest) }))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.len - self.pos) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Splits<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn splits(w: &str) -> Vec<(usize, String)> {
        proclitic_splits(w).map(|(k, r)| (k, r.into_owned())).collect()
    }

    #[test]
    fn every_grammatical_split() {
        let own = |v: &[(usize, &str)]| v.iter().map(|&(k, r)| (k, r.to_string())).collect::<Vec<_>>();
        assert_eq!(splits("قال"), own(&[(0, "قال")]));
        assert_eq!(splits("وقال"), own(&[(0, "وقال"), (1, "قال")]));
        assert_eq!(splits("وبالمدينه"), own(&[(0, "وبالمدينه"), (1, "بالمدينه"), (2, "المدينه")]));
        assert_eq!(splits("بيروت"), own(&[(0, "بيروت"), (1, "يروت")]));
        // لل is ل + ال
        assert_eq!(splits("للجيش"), own(&[(0, "للجيش"), (1, "الجيش")]));
        assert_eq!(splits("وللجيش"), own(&[(0, "وللجيش"), (1, "للجيش"), (2, "الجيش")]));
        // the rest keeps at least two letters
        assert_eq!(splits("وب"), own(&[(0, "وب")]));
        assert_eq!(splits("ولد"), own(&[(0, "ولد"), (1, "لد")]));
        assert_eq!(splits("لل"), own(&[(0, "لل")]));
        // letters of another length never count as clitics
        assert_eq!(splits("وa"), own(&[(0, "وa")]));
        assert_eq!(splits("و€ب"), own(&[(0, "و€ب"), (1, "€ب")]));
        assert_eq!(splits(""), own(&[(0, "")]));
        assert!(!may_have_proclitic("قال") && may_have_proclitic("وقال") && !may_have_proclitic(""));
    }
}
