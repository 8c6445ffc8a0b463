//! Numbers as news writes them: digits of any script with separators (`3,800`, `٣٨٠٠`, `1.8`),
//! followed or not by a scale word (`1.8 مليون`, `50 ألف`); number words and their compounds in
//! every gender and case (ثلاثة، ثلاث، عشرين ألف، ألفي، مئتين وخمسين، خمسة وعشرون، ثلاثمئة);
//! fractions of scale words (`مليون ونصف`); vague quantities coded as ACLED does (عشرات = 10,
//! مئات = 100, آلاف = 1000, and عشرات الآلاف = 10000); and the qualifiers around a figure
//! (أكثر من، نحو، ما لا يقل عن، على الأقل…).
//!
//! Everything works on [`Token`]s, whose `norm` is the lossy normalization, so the word lists
//! (`data/number_words.tsv`, `data/qualifiers_before.tsv`, `data/qualifiers_after.tsv`) are
//! written in normalized spelling (ة → ه, ى → ي, أ → ا).
//!
//! ```
//! use khabar_text::{token::tokenize, number::{parse_number, qualifier_before, Qualifier}};
//! let toks = tokenize("اعتقل أكثر من 3,800 شخص");
//! let n = parse_number(&toks, 3).unwrap();
//! assert_eq!(n.value, 3800.0);
//! assert_eq!(qualifier_before(&toks, 3, 0).map(|q| q.0), Some(Qualifier::MoreThan));
//! ```
use crate::clitic::proclitic_splits;
use crate::lexicon::{Lazy, Lexicon};
use crate::token::{Token, TokenKind};
use std::sync::LazyLock;

/// The contract's qualifier of a figure (exact, approx, more_than…).
pub use khabar_model::Qualifier;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Word {
    Unit(f64),
    /// احد / احدي: only in 11 (احد عشر).
    One,
    /// عشر/عشره after a unit makes a teen.
    Ten,
    Tens(f64),
    Hundred(f64),
    Scale(f64),
    /// Plural scale (آلاف، ملايين): a multiplier after a unit, a vague quantity alone.
    PluralScale(f64),
    Fraction(f64),
    Vague(f64),
}

/// Number words in normalized spelling, with their class and value.
static WORDS: Lazy<Word> = crate::lexicon!("number_words", Word::parse);

impl Word {
    /// Reads a line's columns: the class, then the value for the classes that carry one.
    fn parse(tag: &str) -> Option<Word> {
        let (class, value) = match tag.split_once('\t') {
            Some((class, value)) => (class, Some(value.parse::<f64>().ok()?)),
            None => (tag, None),
        };
        Some(match (class, value) {
            ("one", None) => Word::One,
            ("ten", None) => Word::Ten,
            ("unit", Some(v)) => Word::Unit(v),
            ("tens", Some(v)) => Word::Tens(v),
            ("hundred", Some(v)) => Word::Hundred(v),
            ("scale", Some(v)) => Word::Scale(v),
            ("plural_scale", Some(v)) => Word::PluralScale(v),
            ("fraction", Some(v)) => Word::Fraction(v),
            ("vague", Some(v)) => Word::Vague(v),
            _ => return None,
        })
    }
}

/// A number found at a token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberMatch {
    pub value: f64,
    /// First token of the number, and how many tokens it spans.
    pub start: usize,
    pub len: usize,
    /// How many letters of the first token are a proclitic (و in وخمسة, ب in بعشرات).
    pub clitic_letters: usize,
    /// A vague quantity (عشرات، مئات، آلاف).
    pub vague: bool,
    /// Written with digits (as opposed to words).
    pub digits: bool,
}

impl NumberMatch {
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// The most digits a figure may have: 15, what a double holds exactly.
const MAX_DIGITS: usize = 15;

/// Parses a digit string with separators: `3,800`, `1.8`, `1.000.000`, `2,5`.
pub fn parse_digits(s: &str) -> Option<f64> {
    // a run of more digits than a double holds exactly is a code, a phone number or noise, never
    // a figure a reader could check (and 10,000 digits would overflow to infinity)
    if s.chars().filter(|c| c.is_ascii_digit()).count() > MAX_DIGITS {
        return None;
    }
    let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.is_empty() {
        return s.parse().ok();
    }
    let groups: Vec<&str> = s.split([',', '.']).collect();
    let thousands = groups.len() >= 2
        && groups[1..].iter().all(|g| g.len() == 3)
        && (seps.iter().all(|&c| c == seps[0]) && (seps[0] == ',' || groups.len() > 2));
    if thousands {
        groups.concat().parse().ok()
    } else if seps.len() == 1 {
        s.replace(',', ".").parse().ok()
    } else {
        // 1,234.5: commas group thousands, the last period is decimal
        let last = s.rfind('.')?;
        let int: String = s[..last].chars().filter(|c| c.is_ascii_digit()).collect();
        format!("{int}.{}", &s[last + 1..]).parse().ok()
    }
}

/// Looks a word up in the number table, allowing proclitics on it (وخمسة، بعشرات، لألفي) when
/// `allow_clitic`. Returns the entry, the clitic letters taken and whether they are a lone و.
fn word_at(t: &Token, allow_clitic: bool) -> Option<(Word, usize, bool)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    if !allow_clitic {
        return WORDS.get(&t.norm).map(|&w| (w, 0, false));
    }
    let (&w, letters) = WORDS.find(&t.norm)?;
    let conj = t.norm.starts_with('و') && letters == 1;
    Some((w, letters, conj))
}

fn scale_after(tokens: &[Token], i: usize) -> Option<f64> {
    match tokens.get(i).and_then(|t| word_at(t, false)) {
        Some((Word::Scale(v), _, _)) | Some((Word::PluralScale(v), _, _)) => Some(v),
        Some((Word::Vague(v), _, _)) if v >= 1e3 => Some(v),
        _ => None,
    }
}

/// Parses the number that starts at token `i`, if any.
pub fn parse_number(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let t = tokens.get(i)?;
    if t.kind == TokenKind::Number {
        return digits_number(tokens, i);
    }
    let (first, clitic_letters, _) = word_at(t, true)?;
    if let Word::Vague(v) = first {
        return Some(vague_number(tokens, i, v, clitic_letters));
    }
    if let Word::PluralScale(v) = first {
        return Some(NumberMatch { value: v, start: i, len: 1, clitic_letters, vague: true, digits: false });
    }
    if matches!(first, Word::Fraction(_) | Word::Ten)
        && !matches!(
            tokens.get(i + 1).and_then(|t| word_at(t, false)),
            Some((Word::Scale(_) | Word::PluralScale(_), _, _))
        )
    {
        // عشر alone is a tenth as often as ten; نصف alone is a half
        if first == Word::Ten {
            return Some(NumberMatch { value: 10.0, start: i, len: 1, clitic_letters, vague: false, digits: false });
        }
        return None;
    }
    compound_number(tokens, i, first, clitic_letters)
}

/// A number in digits, with the scale word after it (`1.8 مليون`) and a fraction of that scale
/// after the scale (`3 ملايين ونصف`).
fn digits_number(tokens: &[Token], i: usize) -> Option<NumberMatch> {
    let mut value = parse_digits(&tokens[i].norm)?;
    let mut len = 1;
    if let Some(scale) = scale_after(tokens, i + 1) {
        value *= scale;
        len += 1;
        if let Some((Word::Fraction(f), 1, true)) = tokens.get(i + 2).and_then(|t| word_at(t, true)) {
            value += f * scale;
            len += 1;
        } else if let Some((rest, rest_len)) = lower_digits_after(tokens, i + 2, scale) {
            value += rest;
            len += rest_len;
        }
    }
    Some(NumberMatch { value, start: i, len, clitic_letters: 0, vague: false, digits: true })
}

/// The lower part of a number in digits after its scale word (13 ألفا و672، 3 ملايين و500 ألف):
/// و at `at`, then digits below `scale`, with a smaller scale word of their own. Its value and
/// how many tokens it takes, و included.
fn lower_digits_after(tokens: &[Token], at: usize, scale: f64) -> Option<(f64, usize)> {
    let and = tokens.get(at)?;
    let figure = tokens.get(at + 1)?;
    if and.norm != "و" || figure.kind != TokenKind::Number || figure.newline_before {
        return None;
    }
    let mut value = parse_digits(&figure.norm)?;
    let mut len = 2;
    if let Some(s) = scale_after(tokens, at + 2) {
        value *= s;
        len += 1;
    }
    (value < scale).then_some((value, len))
}

/// A vague quantity `v` at `i`, times a larger one right after it (عشرات الآلاف, مئات الآلاف).
fn vague_number(tokens: &[Token], i: usize, v: f64, clitic_letters: usize) -> NumberMatch {
    let mut value = v;
    let mut len = 1;
    if let Some((Word::Vague(s), 0, _)) = tokens.get(i + 1).and_then(|t| word_at(t, false)) {
        if s > v {
            value *= s;
            len = 2;
        }
    }
    NumberMatch { value, start: i, len, clitic_letters, vague: true, digits: false }
}

/// A number in words from `i`, whose first word `first` is already read: the words that continue
/// it are added up by [`Compound::take`].
fn compound_number(tokens: &[Token], i: usize, first: Word, clitic_letters: usize) -> Option<NumberMatch> {
    let mut number = Compound::default();
    let mut j = i;
    while j < tokens.len() {
        let (w, conj) = if j == i {
            (first, false)
        } else {
            match word_at(&tokens[j], true) {
                Some((w, _, conj)) => (w, conj),
                None => break,
            }
        };
        if j > i && tokens[j].newline_before {
            break;
        }
        let ten_after = || tokens.get(j + 1).and_then(|t| word_at(t, false)).is_some_and(|x| x.0 == Word::Ten);
        if !number.take(w, conj, ten_after) {
            break;
        }
        j += 1;
    }
    let value = number.total + number.cur;
    if j == i || value == 0.0 {
        return None;
    }
    Some(NumberMatch { value, start: i, len: j - i, clitic_letters, vague: false, digits: false })
}

/// A number in words being read: the total of its completed scale groups, the group being built,
/// the last scale (for a fraction after it) and the last word.
#[derive(Default)]
struct Compound {
    total: f64,
    cur: f64,
    last_scale: f64,
    prev: Option<Word>,
    /// A fraction of the last scale was just added (مليونان ونصف): the scale named again after
    /// it (… ونصف مليون) belongs to the fraction and adds nothing.
    fraction_added: bool,
}

impl Compound {
    /// Adds the next word `w` (`conj`: it carries the conjunction و) when it continues the
    /// number; says whether it did. `ten_after`: whether عشر follows, which makes احد a number.
    fn take(&mut self, w: Word, conj: bool, ten_after: impl FnOnce() -> bool) -> bool {
        if self.fraction_added && !conj && w == Word::Scale(self.last_scale) {
            self.fraction_added = false;
            self.prev = Some(w);
            return true;
        }
        self.fraction_added = false;
        let ok = match (self.prev, w, conj) {
            (None, Word::One, _) => ten_after(),
            (None, _, _) => true,
            // teens: خمسة عشر, احد عشر
            (Some(Word::Unit(u)), Word::Ten, false) if u < 10.0 => {
                self.cur += 10.0;
                self.prev = Some(w);
                return true;
            }
            (Some(Word::One), Word::Ten, false) => {
                self.cur += 11.0;
                self.prev = Some(w);
                return true;
            }
            // ثلاث مئة
            (Some(Word::Unit(u)), Word::Hundred(100.0), false) if u < 10.0 => {
                self.cur += u * 100.0 - u;
                self.prev = Some(Word::Hundred(u * 100.0));
                return true;
            }
            (Some(_), Word::Scale(_) | Word::PluralScale(_), false) => true,
            (Some(Word::Scale(_) | Word::PluralScale(_)), Word::Fraction(_), true) => true,
            // مليونان ونصف: a fraction after a dual scale
            (Some(Word::Unit(u)), Word::Fraction(_), true) if u >= 1e3 => true,
            (Some(_), Word::Unit(_) | Word::Tens(_) | Word::Hundred(_) | Word::One, true) => true,
            (Some(_), Word::Scale(_), true) if self.cur == 0.0 => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        match w {
            // a dual scale (ألفين، مليونين) closes a group of its own
            Word::Unit(v) if v >= 1e3 => {
                self.total += self.cur + v;
                self.cur = 0.0;
                self.last_scale = v / 2.0;
            }
            Word::Unit(v) | Word::Tens(v) | Word::Hundred(v) => self.cur += v,
            Word::One => self.cur += 0.0,
            Word::Ten => self.cur += 10.0,
            Word::Scale(v) | Word::PluralScale(v) => {
                if self.cur == 0.0 {
                    self.cur = 1.0;
                }
                self.total += self.cur * v;
                self.cur = 0.0;
                self.last_scale = v;
            }
            // نصف مليون: a fraction first multiplies the scale after it
            Word::Fraction(f) if self.prev.is_none() => self.cur = f,
            Word::Fraction(f) => {
                self.total += f * self.last_scale;
                self.fraction_added = true;
            }
            Word::Vague(_) => return false,
        }
        self.prev = Some(w);
        true
    }
}

/// Qualifiers written before a figure, in file order (a longer phrase before a shorter one it
/// ends with).
static BEFORE_LIST: Lazy<Qualifier> = crate::lexicon!("qualifiers_before", |t| t.parse().ok());
/// Qualifiers written after a figure (and its counted noun).
static AFTER_LIST: Lazy<Qualifier> = crate::lexicon!("qualifiers_after", |t| t.parse().ok());

static BEFORE: LazyLock<Vec<(Vec<&str>, Qualifier)>> = LazyLock::new(|| phrases(&BEFORE_LIST));
static AFTER: LazyLock<Vec<(Vec<&str>, Qualifier)>> = LazyLock::new(|| phrases(&AFTER_LIST));

/// A list's phrases split into their words, with their qualifier, in file order.
fn phrases(list: &Lexicon<Qualifier>) -> Vec<(Vec<&'static str>, Qualifier)> {
    list.iter().filter_map(|p| Some((p.split(' ').collect(), *list.get(p)?))).collect()
}

/// Whether token `t` is the word `w`; the first word of a phrase may carry a conjunction or
/// preposition (وأكثر من، بنحو، لنحو). Returns the clitic letters.
fn word_eq(t: &Token, w: &str, first: bool) -> Option<usize> {
    if t.norm == w {
        return Some(0);
    }
    if !first || t.kind != TokenKind::Arabic {
        return None;
    }
    proclitic_splits(&t.norm).skip(1).find(|(_, r)| r == w).map(|(l, _)| l)
}

/// A qualifier that ends right before token `i` and starts no earlier than `floor`: the
/// qualifier, its first token, and the proclitic letters on that token.
pub fn qualifier_before(tokens: &[Token], i: usize, floor: usize) -> Option<(Qualifier, usize, usize)> {
    for (words, q) in BEFORE.iter() {
        let n = words.len();
        if i < floor + n {
            continue;
        }
        let s = i - n;
        let Some(letters) = word_eq(&tokens[s], words[0], true) else { continue };
        if words.iter().enumerate().skip(1).all(|(k, w)| word_eq(&tokens[s + k], w, false).is_some()) {
            return Some((*q, s, letters));
        }
    }
    None
}

/// A qualifier that starts at token `i` (or at `i + 1` past one noun): the qualifier and the
/// token after it.
pub fn qualifier_after(tokens: &[Token], i: usize, limit: usize) -> Option<(Qualifier, usize)> {
    for (words, q) in AFTER.iter() {
        let n = words.len();
        if i + n > limit.min(tokens.len()) {
            continue;
        }
        if words.iter().enumerate().all(|(k, w)| tokens[i + k].norm == *w) {
            return Some((*q, i + n));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn num(text: &str) -> Option<(f64, usize, bool)> {
        let toks = tokenize(text);
        parse_number(&toks, 0).map(|n| (n.value, n.len, n.vague))
    }

    #[test]
    fn runs_of_digits_too_long_to_be_figures_are_none() {
        assert_eq!(num("123456789012345").map(|n| n.0), Some(123456789012345.0));
        assert_eq!(num("1234567890123456"), None);
        assert_eq!(num(&"1".repeat(10_000)), None);
        assert_eq!(parse_digits("999,999,999,999,999"), Some(999_999_999_999_999.0));
        assert_eq!(parse_digits("1,000,000,000,000,000"), None);
    }

    #[test]
    fn word_lists_are_well_formed() {
        use crate::lexicon::check;
        check(&WORDS, include_str!("../data/number_words.tsv")).unwrap();
        check(&BEFORE_LIST, include_str!("../data/qualifiers_before.tsv")).unwrap();
        check(&AFTER_LIST, include_str!("../data/qualifiers_after.tsv")).unwrap();
        for list in [&*BEFORE_LIST, &*AFTER_LIST] {
            assert!(list.iter().all(|p| list.tags(p).len() == 1), "{}: a phrase with two qualifiers", list.name());
        }
        assert_eq!((BEFORE.len(), AFTER.len()), (35, 4));
        assert_eq!(BEFORE[0], (vec!["ما", "يقدر", "بنحو"], Qualifier::Approx));
        assert_eq!(BEFORE[6], (vec!["ما", "لا", "يقل", "عن"], Qualifier::AtLeast));
        assert_eq!(BEFORE[34], (vec!["حتي"], Qualifier::UpTo));
        // a longer phrase stands before every shorter one it ends with, which would match first
        for (k, (long, _)) in BEFORE.iter().enumerate() {
            for (short, _) in &BEFORE[..k] {
                assert!(!(long.len() > short.len() && long.ends_with(short)), "{long:?} after {short:?}");
            }
        }
        assert_eq!(AFTER[3], (vec!["او", "اكثر"], Qualifier::AtLeast));
    }

    /// The table as the code that built it before it became `data/number_words.tsv` made it
    /// (compared whole then), plus the trillions added since: its size, each class's size and
    /// sum, and words of every class.
    #[test]
    fn number_words_as_before() {
        assert_eq!(WORDS.len(), 104);
        assert!(WORDS.iter().all(|w| WORDS.tags(w).len() == 1), "a number word with two entries");
        let mut classes: Vec<(&str, usize, f64)> = Vec::new();
        for w in WORDS.iter() {
            let (class, v) = match WORDS.get(w).unwrap() {
                Word::Unit(v) => ("unit", *v),
                Word::One => ("one", 0.0),
                Word::Ten => ("ten", 0.0),
                Word::Tens(v) => ("tens", *v),
                Word::Hundred(v) => ("hundred", *v),
                Word::Scale(v) => ("scale", *v),
                Word::PluralScale(v) => ("plural_scale", *v),
                Word::Fraction(v) => ("fraction", *v),
                Word::Vague(v) => ("vague", *v),
            };
            match classes.iter_mut().find(|c| c.0 == class) {
                Some(c) => {
                    c.1 += 1;
                    c.2 += v;
                }
                None => classes.push((class, 1, v)),
            }
        }
        assert_eq!(
            classes,
            [
                (
                    "unit",
                    33,
                    2.0 * 1.0
                        + 8.0 * 2.0
                        + 2.0 * (3.0 + 4.0 + 5.0 + 6.0 + 7.0)
                        + 3.0 * 8.0
                        + 2.0 * 9.0
                        + 3e3 * 2.0
                        + 3.0 * 2e6
                        + 2.0 * 2e9
                ),
                ("one", 2, 0.0),
                ("ten", 2, 0.0),
                ("tens", 16, 2.0 * (20.0 + 30.0 + 40.0 + 50.0 + 60.0 + 70.0 + 80.0 + 90.0)),
                (
                    "hundred",
                    29,
                    3.0 * 100.0
                        + 8.0 * 200.0
                        + 2.0 * (300.0 * 2.0 + 400.0 + 500.0 + 600.0 + 700.0 + 800.0 * 2.0 + 900.0)
                ),
                ("scale", 9, 2e3 + 2e6 + 3e9 + 2e12),
                ("plural_scale", 4, 1e3 + 1e6 + 1e9 + 1e12),
                ("fraction", 2, 0.75),
                ("vague", 7, 2.0 * 10.0 + 3.0 * 100.0 + 1e3 + 1e6),
            ]
        );
        let spot = [
            ("واحده", Word::Unit(1.0)),
            ("اثنتي", Word::Unit(2.0)),
            ("ثمان", Word::Unit(8.0)),
            ("الفين", Word::Unit(2e3)),
            ("مليوني", Word::Unit(2e6)),
            ("مليارين", Word::Unit(2e9)),
            ("احدي", Word::One),
            ("عشره", Word::Ten),
            ("عشرون", Word::Tens(20.0)),
            ("تسعين", Word::Tens(90.0)),
            ("ميه", Word::Hundred(100.0)),
            ("مائتي", Word::Hundred(200.0)),
            ("ثلثمائه", Word::Hundred(300.0)),
            ("ثمانيمئه", Word::Hundred(800.0)),
            ("الفا", Word::Scale(1e3)),
            ("بليون", Word::Scale(1e9)),
            ("الاف", Word::PluralScale(1e3)),
            ("مليارات", Word::PluralScale(1e9)),
            ("ربع", Word::Fraction(0.25)),
            ("العشرات", Word::Vague(10.0)),
            ("ميات", Word::Vague(100.0)),
            ("الملايين", Word::Vague(1e6)),
        ];
        for (w, v) in spot {
            assert_eq!(WORDS.get(w), Some(&v), "{w}");
        }
        assert_eq!(Word::parse("one\t1"), None);
        assert_eq!(Word::parse("unit"), None);
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(num("3,800 شخص"), Some((3800.0, 1, false)));
        assert_eq!(num("٣٨٠٠"), Some((3800.0, 1, false)));
        assert_eq!(num("1.8 مليون"), Some((1_800_000.0, 2, false)));
        assert_eq!(num("50 ألف شخص"), Some((50_000.0, 2, false)));
        assert_eq!(num("3 آلاف"), Some((3000.0, 2, false)));
        assert_eq!(num("1.000.000"), Some((1_000_000.0, 1, false)));
        assert_eq!(num("2,5"), Some((2.5, 1, false)));
        assert_eq!(num("١٫٥ مليار"), Some((1.5e9, 2, false)));
    }

    #[test]
    fn number_words_every_gender_and_case() {
        assert_eq!(num("ثلاثة"), Some((3.0, 1, false)));
        assert_eq!(num("ثلاث"), Some((3.0, 1, false)));
        assert_eq!(num("عشرين ألف مجرم"), Some((20_000.0, 2, false)));
        assert_eq!(num("ألفي"), Some((2000.0, 1, false)));
        assert_eq!(num("مئتين وخمسين"), Some((250.0, 2, false)));
        assert_eq!(num("خمسة وعشرون"), Some((25.0, 2, false)));
        assert_eq!(num("خمسة عشر"), Some((15.0, 2, false)));
        assert_eq!(num("إحدى عشرة"), Some((11.0, 2, false)));
        assert_eq!(num("ثلاثمئة"), Some((300.0, 1, false)));
        assert_eq!(num("ثلاث مئة"), Some((300.0, 2, false)));
        assert_eq!(num("ثلاثة آلاف وخمسمائة"), Some((3500.0, 3, false)));
        assert_eq!(num("مليونين وخمسمئة ألف"), Some((2_500_000.0, 3, false)));
        // digits below the scale after و belong to the number; a larger figure is another one
        assert_eq!(num("13 ألفا و672 شخصا").map(|(v, len, _)| (v, len)), Some((13_672.0, 4)));
        assert_eq!(num("3 ملايين و500 ألف لاجئ").map(|(v, len, _)| (v, len)), Some((3_500_000.0, 5)));
        assert_eq!(num("5 آلاف و6000 شخص").map(|(v, len, _)| (v, len)), Some((5_000.0, 2)));
        assert_eq!(num("سبعين نقطة"), Some((70.0, 1, false)));
        assert_eq!(num("عشرة أشخاص"), Some((10.0, 1, false)));
        assert_eq!(num("اثنان"), Some((2.0, 1, false)));
    }

    #[test]
    fn fractions_of_scales() {
        assert_eq!(num("مليون ونصف"), Some((1_500_000.0, 2, false)));
        assert_eq!(num("3 ملايين ونصف"), Some((3_500_000.0, 3, false)));
        assert_eq!(num("1.500 مليون"), Some((1_500_000.0, 2, false)));
        assert_eq!(num("1.408 تريليون"), Some((1_408_000_000_000.0, 2, false)));
        // a fraction first multiplies its scale (نصف مليون once read 1,000,000)
        assert_eq!(num("نصف مليون شخص"), Some((500_000.0, 2, false)));
        assert_eq!(num("ربع مليون"), Some((250_000.0, 2, false)));
        assert_eq!(num("مليونين ونصف مليون"), Some((2_500_000.0, 3, false)));
        assert_eq!(num("مليون ونصف مليون"), Some((1_500_000.0, 3, false)));
        assert_eq!(num("نصف"), None);
    }

    #[test]
    fn vague_quantities() {
        assert_eq!(num("عشرات القتلى"), Some((10.0, 1, true)));
        assert_eq!(num("مئات"), Some((100.0, 1, true)));
        assert_eq!(num("آلاف"), Some((1000.0, 1, true)));
        assert_eq!(num("عشرات الآلاف"), Some((10_000.0, 2, true)));
        assert_eq!(num("بعشرات"), Some((10.0, 1, true)));
    }

    #[test]
    fn clitic_on_number_word() {
        let toks = tokenize("وخمسة جرحى");
        let n = parse_number(&toks, 0).unwrap();
        assert_eq!((n.value, n.clitic_letters), (5.0, 1));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(num("أحد"), None);
        assert_eq!(num("نصف"), None);
        assert_eq!(num("وزير"), None);
        assert_eq!(num("الأحد"), None);
    }

    #[test]
    fn qualifiers() {
        let t = tokenize("ما لا يقل عن 30 عنصراً على الأقل");
        assert_eq!(qualifier_before(&t, 4, 0), Some((Qualifier::AtLeast, 0, 0)));
        assert_eq!(qualifier_after(&t, 6, t.len()), Some((Qualifier::AtLeast, 8)));
        let t = tokenize("بنحو 40 شخصا");
        assert_eq!(qualifier_before(&t, 1, 0), Some((Qualifier::Approx, 0, 1)));
        let t = tokenize("وأكثر من ألف جريح");
        assert_eq!(qualifier_before(&t, 2, 0), Some((Qualifier::MoreThan, 0, 1)));
        let t = tokenize("ما يزيد على ألف");
        assert_eq!(qualifier_before(&t, 3, 0), Some((Qualifier::MoreThan, 0, 0)));
        assert_eq!(qualifier_before(&t, 3, 1), Some((Qualifier::MoreThan, 1, 0)));
    }
}
