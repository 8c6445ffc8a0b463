//! Numbers as news writes them: digits of any script with separators (`3,800`, `٣٨٠٠`, `1.8`),
//! followed or not by a scale word (`1.8 مليون`, `50 ألف`); number words and their compounds in
//! every gender and case (ثلاثة، ثلاث، عشرين ألف، ألفي، مئتين وخمسين، خمسة وعشرون، ثلاثمئة);
//! fractions of scale words (`مليون ونصف`); vague quantities coded as ACLED does (عشرات = 10,
//! مئات = 100, آلاف = 1000, and عشرات الآلاف = 10000); and the qualifiers around a figure
//! (أكثر من، نحو، ما لا يقل عن، على الأقل…).
//!
//! Everything works on [`Token`]s, whose `norm` is the lossy normalization, so the tables below
//! are written in normalized spelling (ة → ه, ى → ي, أ → ا).
//!
//! ```
//! use khabar_text::{token::tokenize, number::{parse_number, qualifier_before, Qualifier}};
//! let toks = tokenize("اعتقل أكثر من 3,800 شخص");
//! let n = parse_number(&toks, 3).unwrap();
//! assert_eq!(n.value, 3800.0);
//! assert_eq!(qualifier_before(&toks, 3, 0).map(|q| q.0), Some(Qualifier::MoreThan));
//! ```
use crate::clitic::proclitic_splits;
use crate::token::{Token, TokenKind};
use rustc_hash::FxHashMap as HashMap;
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

/// Number words in normalized spelling.
static WORDS: LazyLock<HashMap<&'static str, Word>> = LazyLock::new(|| {
    use Word::*;
    let mut m = HashMap::default();
    let units: [(&[&str], f64); 9] = [
        (&["واحد", "واحده"], 1.0),
        (&["اثنان", "اثنين", "اثنتان", "اثنتين", "اثنا", "اثني", "اثنتا", "اثنتي"], 2.0),
        (&["ثلاث", "ثلاثه"], 3.0),
        (&["اربع", "اربعه"], 4.0),
        (&["خمس", "خمسه"], 5.0),
        (&["ست", "سته"], 6.0),
        (&["سبع", "سبعه"], 7.0),
        (&["ثماني", "ثمانيه", "ثمان"], 8.0),
        (&["تسع", "تسعه"], 9.0),
    ];
    for (ws, v) in units {
        for w in ws {
            m.insert(*w, Unit(v));
        }
    }
    m.insert("احد", One);
    m.insert("احدي", One);
    m.insert("عشر", Ten);
    m.insert("عشره", Ten);
    let tens = [
        ("عشر", 20.0),
        ("ثلاث", 30.0),
        ("اربع", 40.0),
        ("خمس", 50.0),
        ("ست", 60.0),
        ("سبع", 70.0),
        ("ثمان", 80.0),
        ("تسع", 90.0),
    ];
    for (stem, v) in tens {
        m.insert(leak(format!("{stem}ون")), Tens(v));
        m.insert(leak(format!("{stem}ين")), Tens(v));
    }
    for w in ["مئه", "مائه", "ميه"] {
        m.insert(w, Hundred(100.0));
    }
    for w in ["مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مئتي", "مائتا", "مائتي"]
    {
        m.insert(w, Hundred(200.0));
    }
    let hundreds = [
        ("ثلاث", 300.0),
        ("ثلث", 300.0),
        ("اربع", 400.0),
        ("خمس", 500.0),
        ("ست", 600.0),
        ("سبع", 700.0),
        ("ثمان", 800.0),
        ("ثماني", 800.0),
        ("تسع", 900.0),
    ];
    for (stem, v) in hundreds {
        m.insert(leak(format!("{stem}مئه")), Hundred(v));
        m.insert(leak(format!("{stem}مائه")), Hundred(v));
    }
    for w in ["الف", "الفا"] {
        m.insert(w, Scale(1e3));
    }
    for w in ["الفان", "الفين", "الفي", "الفا"] {
        m.entry(w).or_insert(Unit(2e3));
    }
    m.insert("الاف", PluralScale(1e3));
    for w in ["مليون", "مليونا"] {
        m.insert(w, Scale(1e6));
    }
    for w in ["مليونان", "مليونين", "مليوني"] {
        m.insert(w, Unit(2e6));
    }
    m.insert("ملايين", PluralScale(1e6));
    for w in ["مليار", "مليارا", "بليون"] {
        m.insert(w, Scale(1e9));
    }
    for w in ["ملياران", "مليارين"] {
        m.insert(w, Unit(2e9));
    }
    m.insert("مليارات", PluralScale(1e9));
    m.insert("نصف", Fraction(0.5));
    m.insert("ربع", Fraction(0.25));
    for w in ["عشرات", "العشرات"] {
        m.insert(w, Vague(10.0));
    }
    for w in ["مئات", "المئات", "مئات", "ميات"] {
        m.insert(w, Vague(100.0));
    }
    m.insert("الالاف", Vague(1e3));
    m.insert("الملايين", Vague(1e6));
    m
});

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
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

/// Parses a digit string with separators: `3,800`, `1.8`, `1.000.000`, `2,5`.
pub fn parse_digits(s: &str) -> Option<f64> {
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

/// Looks a word up in the number table, allowing proclitics on it (وخمسة، بعشرات، لألفي).
/// Returns the entry and the clitic letters taken.
fn word_at(t: &Token, allow_clitic: bool) -> Option<(Word, usize, bool)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    if let Some(&w) = WORDS.get(t.norm.as_str()) {
        return Some((w, 0, false));
    }
    if !allow_clitic {
        return None;
    }
    for (letters, rest) in proclitic_splits(&t.norm).skip(1) {
        if let Some(&w) = WORDS.get(rest.as_ref()) {
            let conj = t.norm.starts_with('و') && letters == 1;
            return Some((w, letters, conj));
        }
    }
    None
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
        let mut value = parse_digits(&t.norm)?;
        let mut len = 1;
        if let Some(scale) = scale_after(tokens, i + 1) {
            value *= scale;
            len += 1;
            if let Some((Word::Fraction(f), 1, true)) = tokens.get(i + 2).and_then(|t| word_at(t, true)) {
                value += f * scale;
                len += 1;
            }
        }
        return Some(NumberMatch { value, start: i, len, clitic_letters: 0, vague: false, digits: true });
    }
    let (first, clitic_letters, _) = word_at(t, true)?;
    if let Word::Vague(v) = first {
        // عشرات الآلاف, مئات الآلاف
        let mut value = v;
        let mut len = 1;
        if let Some((Word::Vague(s), 0, _)) = tokens.get(i + 1).and_then(|t| word_at(t, false)) {
            if s > v {
                value *= s;
                len = 2;
            }
        }
        return Some(NumberMatch { value, start: i, len, clitic_letters, vague: true, digits: false });
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
    // compound: total of completed scale groups + the group being built
    let (mut total, mut cur, mut last_scale) = (0.0f64, 0.0f64, 0.0f64);
    let mut prev: Option<Word> = None;
    let mut j = i;
    while j < tokens.len() {
        let (w, _, conj) = if j == i {
            (first, clitic_letters, false)
        } else {
            match word_at(&tokens[j], true) {
                Some(x) => x,
                None => break,
            }
        };
        if j > i && tokens[j].newline_before {
            break;
        }
        let ok = match (prev, w, conj) {
            (None, Word::One, _) => tokens.get(j + 1).and_then(|t| word_at(t, false)).is_some_and(|x| x.0 == Word::Ten),
            (None, _, _) => true,
            // teens: خمسة عشر, احد عشر
            (Some(Word::Unit(u)), Word::Ten, false) if u < 10.0 => {
                cur += 10.0;
                prev = Some(w);
                j += 1;
                continue;
            }
            (Some(Word::One), Word::Ten, false) => {
                cur += 11.0;
                prev = Some(w);
                j += 1;
                continue;
            }
            // ثلاث مئة
            (Some(Word::Unit(u)), Word::Hundred(100.0), false) if u < 10.0 => {
                cur += u * 100.0 - u;
                prev = Some(Word::Hundred(u * 100.0));
                j += 1;
                continue;
            }
            (Some(_), Word::Scale(_) | Word::PluralScale(_), false) => true,
            (Some(Word::Scale(_) | Word::PluralScale(_)), Word::Fraction(_), true) => true,
            (Some(_), Word::Unit(_) | Word::Tens(_) | Word::Hundred(_) | Word::One, true) => true,
            (Some(_), Word::Scale(_), true) if cur == 0.0 => true,
            _ => false,
        };
        if !ok {
            break;
        }
        match w {
            // a dual scale (ألفين، مليونين) closes a group of its own
            Word::Unit(v) if v >= 1e3 => {
                total += cur + v;
                cur = 0.0;
                last_scale = v / 2.0;
            }
            Word::Unit(v) | Word::Tens(v) | Word::Hundred(v) => cur += v,
            Word::One => cur += 0.0,
            Word::Ten => cur += 10.0,
            Word::Scale(v) | Word::PluralScale(v) => {
                if cur == 0.0 {
                    cur = 1.0;
                }
                total += cur * v;
                cur = 0.0;
                last_scale = v;
            }
            Word::Fraction(f) => total += f * last_scale,
            Word::Vague(_) => break,
        }
        prev = Some(w);
        j += 1;
    }
    let value = total + cur;
    if j == i || value == 0.0 {
        return None;
    }
    Some(NumberMatch { value, start: i, len: j - i, clitic_letters, vague: false, digits: false })
}

/// Qualifiers written before a figure, in normalized spelling, longest first.
static BEFORE: &[(&[&str], Qualifier)] = &[
    (&["ما", "لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["ما", "لا", "يقل", "عدده", "عن"], Qualifier::AtLeast),
    (&["لا", "يقل", "عن"], Qualifier::AtLeast),
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["ما", "يزيد", "عن"], Qualifier::MoreThan),
    (&["ما", "يزيد", "علي"], Qualifier::MoreThan),
    (&["يزيد", "عن"], Qualifier::MoreThan),
    (&["يزيد", "علي"], Qualifier::MoreThan),
    (&["ما", "يربو", "علي"], Qualifier::MoreThan),
    (&["يربو", "علي"], Qualifier::MoreThan),
    (&["ما", "يفوق"], Qualifier::MoreThan),
    (&["يفوق"], Qualifier::MoreThan),
    (&["اكثر", "من"], Qualifier::MoreThan),
    (&["ازيد", "من"], Qualifier::MoreThan),
    (&["اقل", "من"], Qualifier::LessThan),
    (&["ما", "يقل", "عن"], Qualifier::LessThan),
    (&["ما", "يقارب"], Qualifier::Approx),
    (&["ما", "يقرب", "من"], Qualifier::Approx),
    (&["ما", "يناهز"], Qualifier::Approx),
    (&["يناهز"], Qualifier::Approx),
    (&["يقارب"], Qualifier::Approx),
    (&["نحو"], Qualifier::Approx),
    (&["حوالي"], Qualifier::Approx),
    (&["قرابه"], Qualifier::Approx),
    (&["زهاء"], Qualifier::Approx),
    (&["تقريبا"], Qualifier::Approx),
    (&["ما", "يصل", "الي"], Qualifier::UpTo),
    (&["يصل", "الي"], Qualifier::UpTo),
    (&["حتي"], Qualifier::UpTo),
];

/// Qualifiers written after a figure (and its counted noun).
static AFTER: &[(&[&str], Qualifier)] = &[
    (&["علي", "الاقل"], Qualifier::AtLeast),
    (&["علي", "اقل", "تقدير"], Qualifier::AtLeast),
    (&["تقريبا"], Qualifier::Approx),
    (&["او", "اكثر"], Qualifier::AtLeast),
];

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
    for (words, q) in BEFORE {
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
    for (words, q) in AFTER {
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
        assert_eq!(num("سبعين نقطة"), Some((70.0, 1, false)));
        assert_eq!(num("عشرة أشخاص"), Some((10.0, 1, false)));
        assert_eq!(num("اثنان"), Some((2.0, 1, false)));
    }

    #[test]
    fn fractions_of_scales() {
        assert_eq!(num("مليون ونصف"), Some((1_500_000.0, 2, false)));
        assert_eq!(num("3 ملايين ونصف"), Some((3_500_000.0, 3, false)));
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
