//! Date expressions and their resolution against the publication date.
//!
//! Recognized: weekdays (الجمعة, الأربعاء الماضي, الأحد المقبل); month names of the three
//! families — Gregorian (يناير), Syriac as used in the Levant and Iraq (كانون الثاني) and
//! Maghrebi (جانفي) — alone or combined (`شباط/فبراير`, `أبريل/ نيسان`), with a day (`3 سبتمبر`,
//! `الخامس من آذار`), a year (`مارس 2015`) or a relative word (`مارس الماضي`, `21 يونيو الجاري`);
//! years (`عام 2011`, `1989 إلى 2019`); and relative words (اليوم، أمس، غدا، أول أمس، الأسبوع
//! الماضي، الشهر المقبل، العام الجاري…).
//!
//! Resolution follows the spec: a weekday in past reporting is the latest such day on or before
//! the publication day (strictly before with الماضي); with a future or until-marker (a verb in
//! سـ, حتى, المقرر, المقبل…) it is the next one (strictly after with المقبل). A week resolves to
//! the month of its Monday. A month without a year takes the year that puts it nearest to the
//! publication date, unless الماضي / المقبل / الجاري says which.
//!
//! ```
//! use khabar_text::{token::tokenize, sentence::sentences, date::{find_dates, parse_published}};
//! let text = "أعلن مطار الماتي انه سيبقى مغلقا حتى الاحد. وبدأت الحركة الأحد.";
//! let toks = tokenize(text);
//! let pub_day = parse_published("2022-01-07T18:00:00+00:00").unwrap();
//! let dates = find_dates(&toks, &sentences(&toks), Some(pub_day));
//! let values: Vec<_> = dates.iter().map(|d| d.value.clone()).collect();
//! assert_eq!(values, ["2022-01-09", "2022-01-02"]);
//! ```
use crate::clitic::{frequency, proclitic_splits};
use crate::lexicon::{Lazy, Lexicon};
use crate::token::{Token, TokenKind};
use chrono::{Datelike, Duration, NaiveDate};
use std::ops::Range;

/// The contract's resolution of a date (day, month, year).
pub use khabar_model::Resolution;

/// A date expression: tokens `tokens` (the first may carry a proclitic of `clitic_letters`
/// letters, which is not part of the expression), resolved to `value` at `resolution`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    pub tokens: Range<usize>,
    pub clitic_letters: usize,
    pub value: String,
    pub resolution: Resolution,
}

/// The calendar day a publication timestamp names, in its own time zone (`2022-01-07T18:00:00+00:00`
/// → 2022-01-07). Accepts anything that starts with `YYYY-MM-DD`.
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// The weekday names (normalized) with the day's number counted from Monday = 0, for the lists of
/// other components that include them (`lexicon.and(&WEEKDAYS)`).
pub static WEEKDAYS: Lazy<u32> = crate::lexicon!("weekdays", |t| t.parse().ok().filter(|&d| d < 7));

/// One-word month names (normalized) with the month, and whether the word is also a common other
/// word and so needs support (a day, a year, a second spelling, a relative word or a preposition)
/// to count.
static MONTHS: Lazy<(u32, bool)> = crate::lexicon!("months", |t| {
    let (month, weak) = t.split_once('\t').unwrap_or((t, ""));
    let month = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    match weak {
        "" => Some((month, false)),
        "weak" => Some((month, true)),
        _ => None,
    }
});

/// Two-token Syriac month names: كانون الثاني, تشرين الأول…
const MONTHS2: &[(&str, &str, u32)] = &[
    ("كانون", "الثاني", 1),
    ("كانون", "الاول", 12),
    ("تشرين", "الاول", 10),
    ("تشرين", "الثاني", 11),
    ("كانون", "ثاني", 1),
    ("كانون", "اول", 12),
    ("تشرين", "اول", 10),
    ("تشرين", "ثاني", 11),
];

// the dual and plural agree with two dates (من 14 حزيران إلى 15 تموز المقبلين)
const PAST: &[&str] =
    &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفائته", "السابق", "الماضيين", "المنصرمين"];
const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "المقبلين", "القادمين"];
const CURRENT: &[&str] = &["الجاري", "الحالي", "الجاريه", "الحاليه"];

/// Words before a year that make a four-digit number a year on their own.
static YEAR_STRONG: Lazy = crate::lexicon!("year_strong");
/// Words naming a recurring event, whose edition a year after them names (كأس العالم 2018).
static YEAR_EDITIONS: Lazy = crate::lexicon!("year_editions");
/// Prepositions that make one a year only when no noun follows it (في 2015 vs في 1500 حاله).
const YEAR_WEAK: &[&str] = &["في", "من", "الي", "حتي", "بين", "قبل", "بعد", "خلال", "و"];

/// Words before a weekday that put it in the future.
static FUTURE_WORDS: Lazy = crate::lexicon!("future_words");
/// Words before a weak month name that make it a month.
static MONTH_SUPPORT: Lazy = crate::lexicon!("month_support");
/// Words after a number that leave it free to be a year after a weak preposition.
static YEAR_FREE_AFTER: Lazy = crate::lexicon!("year_free_after");
/// Words that open a relative date (اليوم، أمس، الأسبوع…).
static RELATIVE_DAYS: Lazy<Relative> = crate::lexicon!("relative_days", Relative::parse);

/// Ordinal words for a day of the month (الخامس، الحادي، العشرين) with the day they give alone.
static ORDINAL_DAYS: Lazy<u32> = crate::lexicon!("ordinal_days", |t| t.parse().ok().filter(|d| (1..=30).contains(d)));

/// What a word that opens a relative date says (see `data/relative_days.tsv`).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Relative {
    /// A day `days` from the publication day (none: only with `then` after it), or the day `then`
    /// gives when its word follows (أمس الأول, أول أمس).
    Day { days: Option<i64>, then: Option<(&'static str, i64)> },
    /// هذا، هذه: this week, month or year.
    This,
    /// الأسبوع، الشهر، العام before الماضي، المقبل، الجاري.
    Unit(Unit),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Week,
    Month,
    Year,
}

impl Relative {
    /// Reads a line's columns: `days [word days]`, `this`, `week`, `month` or `year`.
    fn parse(tag: &'static str) -> Option<Relative> {
        let mut cols = tag.split('\t');
        let kind = match cols.next()? {
            "this" => Relative::This,
            "week" => Relative::Unit(Unit::Week),
            "month" => Relative::Unit(Unit::Month),
            "year" => Relative::Unit(Unit::Year),
            days => {
                let days = if days == "-" { None } else { Some(days.parse().ok()?) };
                let then = match cols.next() {
                    Some(word) => Some((word, cols.next()?.parse().ok()?)),
                    None => None,
                };
                if days.is_none() && then.is_none() {
                    return None;
                }
                Relative::Day { days, then }
            }
        };
        cols.next().is_none().then_some(kind)
    }
}

/// Whether the token is an Arabic word in `words`, as written.
fn is(t: &Token, words: &[&str]) -> bool {
    t.kind == TokenKind::Arabic && words.contains(&t.norm.as_str())
}

/// Whether the token is an Arabic word in `list`, as written.
fn is_listed(t: &Token, list: &Lexicon) -> bool {
    t.kind == TokenKind::Arabic && list.contains(&t.norm)
}

/// A clitic-aware look-up of an Arabic token in a list: (letters taken, the word's tag).
fn find<T: Copy>(t: &Token, list: &Lexicon<T>) -> Option<(usize, T)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    list.find(&t.norm).map(|(&v, letters)| (letters, v))
}

fn weekday(t: &Token) -> Option<(usize, u32)> {
    find(t, &WEEKDAYS)
}

/// A month name at token `i`: (month, tokens used, clitic letters, needs support).
fn month_name(tokens: &[Token], i: usize) -> Option<(u32, usize, usize, bool)> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Arabic {
        return None;
    }
    for (letters, rest) in proclitic_splits(&t.norm) {
        let second = tokens.get(i + 1).map(|n| n.norm.as_str());
        if let Some(&(_, _, m)) = MONTHS2.iter().find(|(a, b, _)| *a == rest && second == Some(*b)) {
            return Some((m, 2, letters, false));
        }
        if let Some(&(m, weak)) = MONTHS.get(&rest) {
            // ماي, اب: only bare (a clitic on them is much likelier another word)
            if letters > 0 && weak {
                continue;
            }
            return Some((m, 1, letters, weak));
        }
    }
    None
}

/// A month expression at `i` with its second spelling (`شباط/فبراير`, `أبريل/ نيسان`,
/// `مارس (آذار)`): (month, tokens used, clitic letters, needs support).
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize, usize, bool)> {
    let (m, n, letters, weak) = month_name(tokens, i)?;
    let j = i + n;
    if tokens.get(j).is_some_and(|t| t.is_punct('/') || t.is_punct('-')) {
        if let Some((m2, n2, 0, _)) = month_name(tokens, j + 1) {
            if m2 == m {
                return Some((m, n + 1 + n2, letters, false));
            }
        }
    }
    // أيار (مايو) 2008
    if tokens.get(j).is_some_and(|t| t.is_punct('(')) {
        if let Some((m2, n2, 0, _)) = month_name(tokens, j + 1) {
            if m2 == m && tokens.get(j + 1 + n2).is_some_and(|t| t.is_punct(')')) {
                return Some((m, n + 2 + n2, letters, false));
            }
        }
    }
    Some((m, n, letters, weak))
}

/// Ordinal day words for `الخامس من آذار`: (day, tokens used).
fn ordinal_day(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let (_, mut d) = find(tokens.get(i)?, &ORDINAL_DAYS)?;
    let mut n = 1;
    match tokens.get(i + 1).map(|t| t.norm.as_str()) {
        Some("عشر") if d < 10 => {
            d += 10;
            n = 2;
        }
        Some("والعشرين") if d < 10 => {
            d += 20;
            n = 2;
        }
        Some("والثلاثين") if d < 2 => {
            d += 30;
            n = 2;
        }
        _ => {}
    }
    Some((d, n))
}

fn day_number(t: &Token) -> Option<u32> {
    if t.kind != TokenKind::Number || t.norm.contains([',', '.']) {
        return None;
    }
    let d: u32 = t.norm.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_number(t: &Token, lo: i32, hi: i32) -> Option<i32> {
    if t.kind != TokenKind::Number || t.norm.len() != 4 {
        return None;
    }
    let y: i32 = t.norm.parse().ok()?;
    (lo..=hi).contains(&y).then_some(y)
}

/// The Arabic word right before `i`, within the sentence that starts at `floor`.
fn prev_word(tokens: &[Token], i: usize, floor: usize) -> Option<&str> {
    (i > floor && tokens[i - 1].kind == TokenKind::Arabic).then(|| tokens[i - 1].norm.as_str())
}

/// Whether the word before `i` (within the sentence) is one of `words`, clitics allowed.
fn prev_is(tokens: &[Token], i: usize, floor: usize, words: &[&str]) -> bool {
    prev_word(tokens, i, floor).is_some_and(|w| proclitic_splits(w).any(|(_, r)| words.contains(&r.as_ref())))
}

/// Whether the word before `i` (within the sentence) is in `list`, clitics allowed.
fn prev_in(tokens: &[Token], i: usize, floor: usize, list: &Lexicon) -> bool {
    prev_word(tokens, i, floor).is_some_and(|w| list.has(w))
}

/// A verb with the future prefix سـ (سيعقد، ستجري، وسيبقى): the remainder must be a likelier word
/// than the whole, which keeps سيارة، ستة، سنة، سابق out.
fn is_future_verb(t: &Token) -> bool {
    if t.kind != TokenKind::Arabic {
        return false;
    }
    let w = t.norm.strip_prefix('و').or_else(|| t.norm.strip_prefix('ف')).unwrap_or(&t.norm);
    let Some(rest) = w.strip_prefix('س') else { return false };
    rest.chars().count() >= 3 && rest.starts_with(['ي', 'ت', 'ن', 'ا']) && frequency(rest) > 2 * frequency(w).max(1)
}

fn future_context(tokens: &[Token], sent: &Range<usize>, i: usize) -> bool {
    let from = i.saturating_sub(8).max(sent.start);
    if i > sent.start && tokens[i - 1].norm == "حتي"
        || i > sent.start + 1 && tokens[i - 2].norm == "حتي" && tokens[i - 1].norm == "يوم"
    {
        return true;
    }
    // an imperfective verb right before the weekday schedules (الذي يبدأ الاثنين ولاية جديدة)
    let mut v = i;
    if v > sent.start && tokens[v - 1].norm == "يوم" {
        v -= 1;
    }
    if v > sent.start && is_imperfective(&tokens[v - 1]) {
        return true;
    }
    tokens[from..i].iter().any(|t| is_future_verb(t) || is_listed(t, &FUTURE_WORDS))
}

/// An imperfective verb of the third person (يبدأ، يجتمع، يزور): a word in ي that the lexicon
/// also knows in the perfect (بدأ), which keeps nouns in ي (يوم، يونيو، يمين) out.
fn is_imperfective(t: &Token) -> bool {
    if t.kind != TokenKind::Arabic {
        return false;
    }
    let Some(rest) = t.norm.strip_prefix('ي') else { return false };
    let n = rest.chars().count();
    (3..=5).contains(&n)
        && frequency(rest) > 0
        && !matches!(t.norm.as_str(), "يوم" | "يونيو" | "يوليو" | "يناير" | "يمين" | "يهود")
}

fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

fn ym(d: NaiveDate) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

fn add_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let k = y * 12 + m as i32 - 1 + delta;
    (k.div_euclid(12), (k.rem_euclid(12) + 1) as u32)
}

#[derive(Clone, Copy, PartialEq)]
enum Rel {
    Past,
    Next,
    Current,
    None,
}

impl Rel {
    /// The units from the publication's week, month or year: -1, 1, 0, or none without a word.
    fn delta(self) -> Option<i32> {
        match self {
            Rel::Past => Some(-1),
            Rel::Next => Some(1),
            Rel::Current => Some(0),
            Rel::None => None,
        }
    }
}

/// The word at `k` if it stands before `end`, else "" (no word matches it).
fn word_at(tokens: &[Token], k: usize, end: usize) -> &str {
    tokens.get(k).filter(|_| k < end).map_or("", |t| t.norm.as_str())
}

fn rel_at(tokens: &[Token], i: usize) -> Rel {
    match tokens.get(i) {
        Some(t) if is(t, PAST) => Rel::Past,
        Some(t) if is(t, NEXT) => Rel::Next,
        Some(t) if is(t, CURRENT) => Rel::Current,
        _ => Rel::None,
    }
}

/// Finds and resolves every date expression. Without a publication date, only expressions that
/// carry their own year are resolved.
pub fn find_dates(tokens: &[Token], sentences: &[Range<usize>], published: Option<NaiveDate>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    for sent in sentences {
        let mut i = sent.start;
        while i < sent.end {
            match date_at(tokens, sent, i, published, &mut out) {
                Some(next) => i = next.max(i + 1),
                None => i += 1,
            }
        }
    }
    out
}

fn push(out: &mut Vec<DateExpr>, tokens: Range<usize>, clitic_letters: usize, value: String, resolution: Resolution) {
    out.push(DateExpr { tokens, clitic_letters, value, resolution });
}

/// What one kind of expression makes of token `i`: `None` when none starts there (the next kind
/// is tried), else what [`date_at`] returns (`Some(None)`: none at `i`, go on with the next token).
type Tried = Option<Option<usize>>;

/// Tries a date at token `i`; pushes what it finds and returns the token after it.
fn date_at(
    tokens: &[Token],
    sent: &Range<usize>,
    i: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateExpr>,
) -> Option<usize> {
    if let Some(next) = numeric_date(tokens, sent.end, i, out) {
        return Some(next);
    }
    if let Some(next) = day_month_date(tokens, sent, i, published, out) {
        return next;
    }
    if let Some(next) = month_date(tokens, sent, i, published, out) {
        return next;
    }
    if let Some(next) = year_date(tokens, sent, i, out) {
        return Some(next);
    }
    let pubd = published?;
    if let Some(next) = month_day_date(tokens, sent, i, pubd, out) {
        return next;
    }
    if let Some(next) = same_day_date(tokens, sent, i, pubd, out) {
        return next;
    }
    if let Some(next) = weekday_date(tokens, sent, i, pubd, out) {
        return next;
    }
    relative_date(tokens, sent, i, pubd, out)
}

/// A date in figures, day first (`26/7/2018`, `17-6-2018`) or year first (`2018/7/11`): three
/// numbers joined by one separator, without spaces. A year outside 1900–2100 (`14/10/1439`, of
/// the Hijri calendar) is not read.
fn numeric_date(tokens: &[Token], end: usize, i: usize, out: &mut Vec<DateExpr>) -> Option<usize> {
    let t = tokens.get(i..i + 5).filter(|_| i + 5 <= end)?;
    let sep = t[1].norm.chars().next().filter(|&c| matches!(c, '/' | '-') && t[1].kind == TokenKind::Punct)?;
    let joined = t[1..].iter().all(|x| !x.space_before);
    let numbers = [&t[0], &t[2], &t[4]].iter().all(|x| x.kind == TokenKind::Number && !x.norm.contains([',', '.']));
    if !joined || !numbers || !t[3].is_punct(sep) {
        return None;
    }
    let n = |x: &Token| x.norm.parse::<u32>().ok();
    let (y, m, d) = match (t[0].norm.len(), t[4].norm.len()) {
        (1 | 2, 4) => (n(&t[4])?, n(&t[2])?, n(&t[0])?),
        (4, 1 | 2) => (n(&t[0])?, n(&t[2])?, n(&t[4])?),
        _ => return None,
    };
    if !(1900..=2100).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y as i32, m, d)?;
    push(out, i..i + 5, 0, date.to_string(), Resolution::Day);
    Some(i + 5)
}

/// A day of this, the last or the next month: `29 من الشهر الجاري`, `الثالث من الشهر الحالي`,
/// `العاشر من الشهر الماضي`.
fn month_day_date(tokens: &[Token], sent: &Range<usize>, i: usize, pubd: NaiveDate, out: &mut Vec<DateExpr>) -> Tried {
    // the cheap test first: الشهر two or three words on (this runs at every word)
    if !(i + 2..i + 4).any(|k| word_at(tokens, k, sent.end) == "الشهر") {
        return None;
    }
    let (day, n) = match day_number(&tokens[i]) {
        Some(d) => (d, 1),
        None => ordinal_day(tokens, i)?,
    };
    let j = i + n + 1;
    if j + 1 >= sent.end || tokens[i + n].norm != "من" || tokens[j].norm != "الشهر" {
        return None;
    }
    let delta = rel_at(tokens, j + 1).delta()?;
    let (y, m) = add_months(pubd.year(), pubd.month(), delta);
    let date = NaiveDate::from_ymd_opt(y, m, day)?;
    push(out, i..j + 2, 0, date.to_string(), Resolution::Day);
    Some(Some(j + 2))
}

/// The publication day in another year: `نفس اليوم من عام 1869`, `في مثل هذا اليوم من عام 1990`,
/// `اليوم ذاته من العام الماضي`.
fn same_day_date(tokens: &[Token], sent: &Range<usize>, i: usize, pubd: NaiveDate, out: &mut Vec<DateExpr>) -> Tried {
    let t = &tokens[i];
    // the cheap test first (this runs at every word): اليوم one or two words on, or this word
    let word = |k: usize| word_at(tokens, k, sent.end);
    if t.kind != TokenKind::Arabic || !(i..i + 3).any(|k| word(k) == "اليوم") {
        return None;
    }
    let (letters, n) = proclitic_splits(&t.norm).find_map(|(letters, rest)| match rest.as_ref() {
        "نفس" if word(i + 1) == "اليوم" => Some((letters, 2)),
        "مثل" if word(i + 1) == "هذا" && word(i + 2) == "اليوم" => Some((letters, 3)),
        "اليوم" if matches!(word(i + 1), "ذاته" | "نفسه") => Some((letters, 2)),
        _ => None,
    })?;
    let mut j = i + n;
    if word(j) != "من" {
        return None;
    }
    j += 1;
    let (y, k) = match word(j) {
        "العام" | "السنه" if rel_at(tokens, j + 1) == Rel::Past => (pubd.year() - 1, j + 2),
        w => {
            let skip = usize::from(matches!(w, "عام" | "سنه"));
            let y = tokens.get(j + skip).filter(|_| j + skip < sent.end).and_then(|x| year_number(x, 1000, 2100))?;
            (y, j + skip + 1)
        }
    };
    let date = NaiveDate::from_ymd_opt(y, pubd.month(), pubd.day())?;
    push(out, i..k, letters, date.to_string(), Resolution::Day);
    Some(Some(k))
}

/// A day that can open a date at `i`: a number of 1 to 31, or an ordinal followed by من:
/// (day, tokens up to the month). `14 من نيسان`: a number, من, a month without a clitic.
fn day_first(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    if let Some(d) = day_number(&tokens[i]) {
        // 14 من نيسان، 14 من شهر نيسان
        let of = tokens.get(i + 1).is_some_and(|x| x.norm == "من");
        let month_word = of && tokens.get(i + 2).is_some_and(|x| x.norm == "شهر");
        let min = of && month_at(tokens, i + 2 + usize::from(month_word)).is_some_and(|m| m.2 == 0);
        return Some((d, if min { 2 + usize::from(month_word) } else { 1 }));
    }
    let (d, n) = ordinal_day(tokens, i)?;
    // الثالث من شهر أغسطس
    let month_word = usize::from(tokens.get(i + n + 1).is_some_and(|t| t.norm == "شهر"));
    (tokens.get(i + n)?.norm == "من").then_some((d, n + 1 + month_word))
}

/// Day and month: `3 سبتمبر`, `18 و27 فبراير`, `الخامس من آذار`, `14 من نيسان`.
fn day_month_date(
    tokens: &[Token],
    sent: &Range<usize>,
    i: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateExpr>,
) -> Tried {
    let (day, n) = day_first(tokens, i)?;
    let future = || future_context(tokens, sent, i);
    let end = sent.end;
    // 18 و27 فبراير: the first day shares the second's month
    if tokens[i].kind == TokenKind::Number && tokens.get(i + 1).is_some_and(|x| x.norm == "و") {
        if let Some(d2) = tokens.get(i + 2).and_then(day_number) {
            if let Some((m, mn, 0, _)) = month_at(tokens, i + 3) {
                let Some((y, _, _)) = month_year(tokens, i + 3 + mn, end, m, Some(d2), published, future) else {
                    return Some(None);
                };
                if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
                    push(out, i..i + 1, 0, d.to_string(), Resolution::Day);
                }
                return Some(Some(i + 2));
            }
        }
    }
    let Some((m, mn, 0, _)) = month_at(tokens, i + n) else { return None };
    let Some((y, k, written)) = month_year(tokens, i + n + mn, end, m, Some(day), published, future) else {
        return Some(None);
    };
    // هجمات 11 سبتمبر، أحداث 11 أيلول: the attacks of 2001, whatever the article's year
    let attacks = i > sent.start
        && tokens[i - 1].kind == TokenKind::Arabic
        && proclitic_splits(&tokens[i - 1].norm)
            .any(|(_, w)| matches!(w.as_ref(), "هجمات" | "الهجمات" | "احداث" | "اعتداءات" | "اعتداءت" | "تفجيرات"));
    let y = if (day, m) == (11, 9) && attacks && !written { 2001 } else { y };
    if let Some(d) = NaiveDate::from_ymd_opt(y, m, day) {
        push(out, i..k, 0, d.to_string(), Resolution::Day);
    }
    Some(Some(k))
}

/// A month without a day: `شباط/فبراير`, `مارس 2015`, `جانفي الماضي`; a month name that is also
/// another word (مارس) only with a year, a relative word or a supporting word before it.
fn month_date(
    tokens: &[Token],
    sent: &Range<usize>,
    i: usize,
    published: Option<NaiveDate>,
    out: &mut Vec<DateExpr>,
) -> Tried {
    let (m, mn, letters, weak) = month_at(tokens, i)?;
    let after = i + mn;
    let supported = !weak
        || tokens
            .get(after)
            .is_some_and(|x| year_number(x, 1000, 2100).is_some() || rel_at(tokens, after) != Rel::None)
        || prev_in(tokens, i, sent.start, &MONTH_SUPPORT);
    if !supported {
        return None;
    }
    let future = || future_context(tokens, sent, i);
    let Some((y, k, _)) = month_year(tokens, after, sent.end, m, None, published, future) else {
        return Some(None);
    };
    push(out, i..k, letters, format!("{y:04}-{m:02}"), Resolution::Month);
    Some(Some(k))
}

/// A year (`عام 2011`, `من 1989 إلى 2019`, a number alone in 1950–2035): the token after it.
/// Not a figure (أكثر من 2000, في 1500 حالة) nor a year of the Hijri calendar.
fn year_date(tokens: &[Token], sent: &Range<usize>, i: usize, out: &mut Vec<DateExpr>) -> Option<usize> {
    let y = year_number(&tokens[i], 1000, 2100)?;
    let end = sent.end;
    let strong = prev_in(tokens, i, sent.start, &YEAR_STRONG);
    let next_word = tokens.get(i + 1).filter(|n| i + 1 < end && n.kind == TokenKind::Arabic);
    let hijri = next_word.is_some_and(|n| n.norm == "ه" || n.norm == "هجري" || n.norm == "هجريه");
    let free_after = next_word.is_none_or(|n| n.norm.starts_with('و') || is_listed(n, &YEAR_FREE_AFTER));
    let punct_after = tokens.get(i + 1).is_none_or(|n| i + 1 >= end || n.kind == TokenKind::Punct);
    let weak = prev_is(tokens, i, sent.start, YEAR_WEAK) && ((1900..=2100).contains(&y) || punct_after);
    // أكثر من 2000: a figure, not a year
    let qualified = crate::number::qualifier_before(tokens, i, sent.start).is_some();
    let alone = (1950..=2035).contains(&y)
        && next_word.is_none()
        && !prev_is(tokens, i, sent.start, &["نحو", "حوالي", "قرابه", "زهاء", "من", "عن"]);
    // كأس العالم 2018، مونديال روسيا 2018: the edition of a recurring event
    let edition = (1900..=2100).contains(&y)
        && (prev_in(tokens, i, sent.start, &YEAR_EDITIONS)
            || i > sent.start + 1
                && tokens[i - 1].kind == TokenKind::Arabic
                && prev_in(tokens, i - 1, sent.start, &YEAR_EDITIONS));
    if !hijri && !qualified && (strong || (weak && free_after) || alone || edition) {
        push(out, i..i + 1, 0, format!("{y:04}"), Resolution::Year);
        return Some(i + 1);
    }
    None
}

/// A weekday (الجمعة، الأربعاء الماضي، الأحد المقبل), resolved against the publication day.
fn weekday_date(tokens: &[Token], sent: &Range<usize>, i: usize, pubd: NaiveDate, out: &mut Vec<DateExpr>) -> Tried {
    let (letters, wd) = weekday(&tokens[i])?;
    let next = tokens.get(i + 1).filter(|_| i + 1 < sent.end);
    // الأحد عشر (the eleven), صلاة الجمعة, بين الاثنين (the two)
    if next.is_some_and(|n| n.norm == "عشر")
        || prev_is(tokens, i, sent.start, &["صلاه", "خطبه", "صلوات", "خطب", "بين", "كلا", "احد"])
        || (wd == 0 && next.is_some_and(|n| n.norm == "من"))
    {
        return Some(None);
    }
    let rel = rel_at(tokens, i + 1);
    let pub_wd = pubd.weekday().num_days_from_monday();
    let future = rel == Rel::Next || (rel == Rel::None && future_context(tokens, sent, i));
    let day = if future {
        let mut d = (wd + 7 - pub_wd) % 7;
        if d == 0 && rel == Rel::Next {
            d = 7;
        }
        pubd + Duration::days(d as i64)
    } else {
        let mut d = (pub_wd + 7 - wd) % 7;
        if d == 0 && rel == Rel::Past {
            d = 7;
        }
        pubd - Duration::days(d as i64)
    };
    let k = if matches!(rel, Rel::Past | Rel::Next) { i + 2 } else { i + 1 };
    let day = written_after(tokens, sent, k, pubd).filter(|d| d.weekday().num_days_from_monday() == wd).unwrap_or(day);
    push(out, i..k, letters, day.to_string(), Resolution::Day);
    Some(Some(k))
}

/// The day a date written right after a weekday names (يوم الاثنين 2 أبريل المقبل، الخميس الموافق
/// 26/7/2018), which says which such weekday is meant when the two agree.
fn written_after(tokens: &[Token], sent: &Range<usize>, k: usize, pubd: NaiveDate) -> Option<NaiveDate> {
    let j = k + usize::from(tokens.get(k).is_some_and(|t| t.norm == "الموافق" || t.is_punct(',') || t.is_punct('،')));
    if j >= sent.end {
        return None;
    }
    let mut written = Vec::new();
    if numeric_date(tokens, sent.end, j, &mut written).is_none() {
        day_month_date(tokens, sent, j, Some(pubd), &mut written);
    }
    let d = written.first().filter(|d| d.tokens.start == j && d.resolution == Resolution::Day)?;
    NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok()
}

/// A relative date (see `data/relative_days.tsv`): اليوم، أمس، أول أمس، غدا، هذا الأسبوع، الشهر
/// المقبل، العام الماضي…
fn relative_date(
    tokens: &[Token],
    sent: &Range<usize>,
    i: usize,
    pubd: NaiveDate,
    out: &mut Vec<DateExpr>,
) -> Option<usize> {
    let (letters, word) = find(&tokens[i], &RELATIVE_DAYS)?;
    let next = tokens.get(i + 1).filter(|_| i + 1 < sent.end).map(|n| n.norm.as_str());
    let day = |delta: i64| (pubd + Duration::days(delta)).to_string();
    match word {
        Relative::Day { then: Some((then, days)), .. } if next == Some(then) => {
            push(out, i..i + 2, letters, day(days), Resolution::Day)
        }
        Relative::Day { days: Some(0), .. } => {
            if !is_today(tokens, sent, i) {
                return None;
            }
            push(out, i..i + 1, letters, day(0), Resolution::Day);
        }
        Relative::Day { days: Some(days), .. } => push(out, i..i + 1, letters, day(days), Resolution::Day),
        Relative::Day { days: None, .. } => return None,
        Relative::This => {
            let unit = match RELATIVE_DAYS.get(next?) {
                Some(&Relative::Unit(unit)) => unit,
                _ => return None,
            };
            let (k, v) = unit_value(unit, 0, pubd);
            push(out, i..i + 2, letters, v, k);
            return Some(i + 2);
        }
        Relative::Unit(unit) => {
            next?;
            let delta = rel_at(tokens, i + 1).delta()?;
            let (k, v) = unit_value(unit, delta, pubd);
            push(out, i..i + 2, letters, v, k);
            return Some(i + 2);
        }
    }
    Some(i + 1)
}

/// Whether اليوم at `i` is today: not a day of something (اليوم التالي، اليوم الأول، اليوم
/// العالمي), not the end of a quoted title ("إسرائيل اليوم"), not في اليوم نفسه.
fn is_today(tokens: &[Token], sent: &Range<usize>, i: usize) -> bool {
    let next = tokens.get(i + 1).filter(|_| i + 1 < sent.end).map(|n| n.norm.as_str());
    let other = next.is_some_and(|n| n.starts_with("ال") && !WEEKDAYS.contains(n));
    let title = tokens.get(i + 1).is_some_and(|n| !n.space_before && matches!(n.norm.as_str(), "\"" | "»" | "”"));
    let same = prev_is(tokens, i, sent.start, &["ذلك", "نفس", "هذا", "في"]) && next.is_some_and(|n| n == "نفسه");
    !(other || title || same)
}

/// The week, month or year `delta` units from the publication day.
fn unit_value(unit: Unit, delta: i32, pubd: NaiveDate) -> (Resolution, String) {
    match unit {
        Unit::Week => (Resolution::Month, ym(monday_of(pubd + Duration::days(7 * delta as i64)))),
        Unit::Month => {
            let (y, m) = add_months(pubd.year(), pubd.month(), delta);
            (Resolution::Month, format!("{y:04}-{m:02}"))
        }
        Unit::Year => (Resolution::Year, format!("{:04}", pubd.year() + delta)),
    }
}

/// The year of month `m` whose name ends before token `i`: an explicit year (`مارس 2015`,
/// `مارس من عام 2015`), a relative word (الماضي، المقبل، الجاري), or the nearest year to the
/// publication date. `future` (asked only for a month named alone far ahead) says whether a word
/// of the future stands before it. Returns (year, token after the expression, explicit).
fn month_year(
    tokens: &[Token],
    i: usize,
    end: usize,
    m: u32,
    day: Option<u32>,
    published: Option<NaiveDate>,
    future: impl FnOnce() -> bool,
) -> Option<(i32, usize, bool)> {
    let j = i;
    let word = |k: usize| word_at(tokens, k, end);
    // مارس 2015، مارس عام 2015، آذار/مارس العام 2015، مارس من عام 2015، أكتوبر من العام الماضي
    let mut p = j + usize::from(word(j) == "من");
    let unit = word(p);
    let unit_named = matches!(unit, "عام" | "العام" | "سنه" | "السنه");
    p += usize::from(unit_named);
    if let Some(y) = tokens.get(p).filter(|_| p < end).and_then(|t| year_number(t, 1000, 2100)) {
        return Some((y, p + 1, true));
    }
    if let Some(pubd) = published.filter(|_| matches!(unit, "العام" | "السنه")) {
        if let Some(delta) = rel_at(tokens, p).delta().filter(|_| p < end) {
            return Some((pubd.year() + delta, p + 1, true));
        }
    }
    // بين آب/أغسطس وتشرين الأول/أكتوبر 2015، من 14 حزيران إلى 15 تموز 2018: the year written
    // after the second month of a range or a pair
    let second = second_month(tokens, j, end);
    if let Some((m2, after)) = second {
        if let Some(y2) = tokens.get(after).filter(|_| after < end).and_then(|x| year_number(x, 1000, 2100)) {
            return Some((if m2 < m { y2 - 1 } else { y2 }, j, true));
        }
    }
    let pubd = published?;
    let rel = if j < end { rel_at(tokens, j) } else { Rel::None };
    // … إلى 15 تموز/يوليو المقبلين: the second date's relative word holds for the first
    let shared = second.filter(|&(_, after)| after < end).map_or(Rel::None, |(_, after)| rel_at(tokens, after));
    // the token after the expression: past its own relative word, not the second date's
    let k = if rel == Rel::None { j } else { j + 1 };
    let rel = if rel == Rel::None { shared } else { rel };
    let py = pubd.year();
    let target = |y: i32| NaiveDate::from_ymd_opt(y, m, day.unwrap_or(1).min(28)).unwrap_or(pubd);
    let pub_key = (pubd.year(), pubd.month(), if day.is_some() { pubd.day() } else { 1 });
    let key = |y: i32| (y, m, day.unwrap_or(1));
    let y = match rel {
        Rel::Past => {
            if key(py) < pub_key {
                py
            } else {
                py - 1
            }
        }
        Rel::Next => {
            if key(py) > pub_key {
                py
            } else {
                py + 1
            }
        }
        Rel::Current => py,
        Rel::None => {
            let y = (py - 1..=py + 1).min_by_key(|&y| (target(y) - pubd).num_days().abs()).unwrap_or(py);
            // وجرى آخر لقاء بينهما في نوفمبر (published in June): in reporting without a word of
            // the future, a month named alone three or more ahead is last year's. A day and month
            // that far ahead is more often a schedule (تواجه سويسرا يوم 17 يونيو) and keeps the
            // nearest year.
            let ahead = (y * 12 + m as i32) - (py * 12 + pubd.month() as i32);
            if ahead >= 3 && day.is_none() && !future() {
                y - 1
            } else {
                y
            }
        }
    };
    Some((y, k, false))
}

/// A second date right after `j` (و, إلى, حتى or a dash, a day perhaps, then a month): its month
/// and the token after it, where the year or relative word a first month without one shares stands.
fn second_month(tokens: &[Token], j: usize, end: usize) -> Option<(u32, usize)> {
    let mut p = j;
    let t = tokens.get(p).filter(|_| p < end)?;
    if matches!(t.norm.as_str(), "و" | "الي" | "حتي") || t.is_punct('-') {
        p += 1;
    }
    if tokens.get(p).and_then(day_number).is_some() {
        p += 1;
    } else if let Some((_, n)) = ordinal_day(tokens, p) {
        p += n + usize::from(tokens.get(p + n).is_some_and(|x| x.norm == "من"));
    }
    let (m2, n2, letters, _) = month_at(tokens, p)?;
    // only the conjunction may sit on the month (وتشرين), and only when nothing stands before it
    if letters > 0 && (p != j || !tokens[p].norm.starts_with('و')) {
        return None;
    }
    Some((m2, p + n2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::sentences;
    use crate::token::tokenize;

    fn dates(text: &str, published: &str) -> Vec<(String, String)> {
        let toks = tokenize(text);
        let d = find_dates(&toks, &sentences(&toks), parse_published(published));
        d.into_iter()
            .map(|d| {
                let s = toks[d.tokens.start].start
                    + crate::clitic::letters_to_byte(&text[toks[d.tokens.start].start..], d.clitic_letters);
                (text[s..toks[d.tokens.end - 1].end].to_string(), d.value)
            })
            .collect()
    }

    fn pair(t: &str, v: &str) -> (String, String) {
        (t.to_string(), v.to_string())
    }

    #[test]
    fn word_lists_are_well_formed() {
        use crate::lexicon::check;
        check(&WEEKDAYS, include_str!("../data/weekdays.tsv")).unwrap();
        check(&MONTHS, include_str!("../data/months.tsv")).unwrap();
        check(&ORDINAL_DAYS, include_str!("../data/ordinal_days.tsv")).unwrap();
        check(&YEAR_STRONG, include_str!("../data/year_strong.tsv")).unwrap();
        check(&YEAR_EDITIONS, include_str!("../data/year_editions.tsv")).unwrap();
        check(&FUTURE_WORDS, include_str!("../data/future_words.tsv")).unwrap();
        check(&MONTH_SUPPORT, include_str!("../data/month_support.tsv")).unwrap();
        check(&YEAR_FREE_AFTER, include_str!("../data/year_free_after.tsv")).unwrap();
        check(&RELATIVE_DAYS, include_str!("../data/relative_days.tsv")).unwrap();
        // one name a day, Monday = 0
        let days: Vec<u32> = WEEKDAYS.iter().map(|w| *WEEKDAYS.get(w).unwrap()).collect();
        assert_eq!(days, (0..7).collect::<Vec<_>>());
        assert_eq!(WEEKDAYS.get("الجمعه"), Some(&4));
        // each word one month; every month named; the weak words
        assert!(MONTHS.iter().all(|w| MONTHS.tags(w).len() == 1));
        assert!((1..=12).all(|m| MONTHS.iter().any(|w| MONTHS.get(w).unwrap().0 == m)));
        let weak: Vec<&str> = MONTHS.iter().filter(|w| MONTHS.get(w).unwrap().1).collect();
        assert_eq!(weak, ["مارس", "اب", "ماي", "اوت"]);
        assert_eq!(MONTHS.get("اذار"), Some(&(3, false)));
        assert_eq!((MONTHS.len(), YEAR_STRONG.len(), FUTURE_WORDS.len(), ORDINAL_DAYS.len()), (29, 21, 22, 13));
        // the word after a relative word is in normalized spelling too
        for w in RELATIVE_DAYS.iter() {
            if let Some(&Relative::Day { then: Some((then, _)), .. }) = RELATIVE_DAYS.get(w) {
                assert_eq!(crate::normalize::normalize(then), then);
            }
        }
        assert_eq!(RELATIVE_DAYS.get("اول"), Some(&Relative::Day { days: None, then: Some(("امس", -2)) }));
        assert_eq!(RELATIVE_DAYS.get("السنه"), Some(&Relative::Unit(Unit::Year)));
        assert_eq!(Relative::parse("-"), None);
        assert_eq!(Relative::parse("week\t1"), None);
    }

    #[test]
    fn weekdays_past_and_future() {
        let p = "2022-01-07T18:00:00+00:00"; // a Friday
        assert_eq!(dates("رفض الرئيس الجمعة", p), vec![pair("الجمعة", "2022-01-07")]);
        assert_eq!(dates("بدأت الأحد في المقاطعات", p), vec![pair("الأحد", "2022-01-02")]);
        assert_eq!(dates("سيبقى مغلقا حتى الاحد", p), vec![pair("الاحد", "2022-01-09")]);
        assert_eq!(
            dates("أضرمت النيران الأربعاء والخميس", p),
            vec![pair("الأربعاء", "2022-01-05"), pair("الخميس", "2022-01-06")]
        );
        assert_eq!(dates("وقع الجمعة الماضي", p), vec![pair("الجمعة الماضي", "2021-12-31")]);
        assert_eq!(dates("يعقد الاجتماع الجمعة المقبل", p), vec![pair("الجمعة المقبل", "2022-01-14")]);
        assert_eq!(dates("صلاة الجمعة", p), vec![]);
        assert_eq!(
            dates("أردوغان الذي يبدأ الاثنين ولاية جديدة", "2018-07-08T18:32:06+00:00"),
            vec![pair("الاثنين", "2018-07-09")]
        );
        assert_eq!(dates("في صحيفة \"إسرائيل اليوم\" المجانية", p), vec![]);
        // a date written after the weekday says which one, when the two agree; when they
        // disagree (the last), the weekday is read as before
        for (text, published, weekday, written) in [
            (
                "أن تعلن الهيئة عن الفائز يوم الاثنين 2 أبريل/ نيسان المقبل",
                "2018-03-26T18:25:16+00:00",
                ("الاثنين", "2018-04-02"),
                ("2 أبريل/ نيسان المقبل", "2018-04-02"),
            ),
            (
                "التوقيع النهائي في يوم الخميس الموافق 26/7/2018",
                "2018-07-18T07:43:21+00:00",
                ("الخميس", "2018-07-26"),
                ("26/7/2018", "2018-07-26"),
            ),
            ("وصل الاثنين 2 أبريل", "2018-04-05T00:00:00+00:00", ("الاثنين", "2018-04-02"), ("2 أبريل", "2018-04-02")),
            ("وصل الثلاثاء 2 أبريل", "2018-04-05T00:00:00+00:00", ("الثلاثاء", "2018-04-03"), ("2 أبريل", "2018-04-02")),
        ] {
            assert_eq!(dates(text, published), vec![pair(weekday.0, weekday.1), pair(written.0, written.1)], "{text}");
        }
    }

    #[test]
    fn dates_in_figures_and_days_of_this_month() {
        let p = "2018-07-07T15:45:02+00:00";
        assert_eq!(dates("بتاريخ 17-6-2018 والمباراة", p), vec![pair("17-6-2018", "2018-06-17")]);
        assert_eq!(dates("صباح هذا اليوم 2018/7/11 إنا لله", p)[1..], [pair("2018/7/11", "2018-07-11")]);
        // the Hijri calendar's years are not read; nor two numbers alone
        assert_eq!(dates("بتاريخ 16/8/1439. ثانيا", p), vec![]);
        assert_eq!(dates("فاز 2/1 على", p), vec![]);
        assert_eq!(dates("الاستئناف يوم 29 من الشهر الجاري.", p), vec![pair("29 من الشهر الجاري", "2018-07-29")]);
        assert_eq!(dates("في الثالث من الشهر الماضي", p), vec![pair("الثالث من الشهر الماضي", "2018-06-03")]);
        assert_eq!(
            dates("في التاسع والعشرين من الشهر المقبل", p),
            vec![pair("التاسع والعشرين من الشهر المقبل", "2018-08-29")]
        );
        // a day of another year
        let p = "2018-10-02T07:53:27+00:00";
        assert_eq!(dates("وفي نفس اليوم من عام 1869 ولد", p), vec![pair("نفس اليوم من عام 1869", "1869-10-02")]);
        assert_eq!(dates("وبنفس اليوم من عام 2017، أسفرت", p), vec![pair("نفس اليوم من عام 2017", "2017-10-02")]);
        assert_eq!(
            dates("في مثل هذا اليوم من العام الماضي", p),
            vec![pair("مثل هذا اليوم من العام الماضي", "2017-10-02")]
        );
    }

    #[test]
    fn months_in_three_families() {
        let p = "2018-05-28T12:54:12+00:00";
        assert_eq!(dates("في شباط/فبراير", p), vec![pair("شباط/فبراير", "2018-02")]);
        assert_eq!(dates("في 20 أيار/مايو", p), vec![pair("20 أيار/مايو", "2018-05-20")]);
        assert_eq!(dates("في كانون الثاني/يناير 2016", p), vec![pair("كانون الثاني/يناير 2016", "2016-01")]);
        assert_eq!(dates("في تشرين الثاني/نوفمبر الماضي", p), vec![pair("تشرين الثاني/نوفمبر الماضي", "2017-11")]);
        assert_eq!(dates("منذ جانفي الماضي", p), vec![pair("جانفي الماضي", "2018-01")]);
        assert_eq!(dates("الخامس من آذار/ مارس", p), vec![pair("الخامس من آذار/ مارس", "2018-03-05")]);
        assert_eq!(dates("في 18 و27 فبراير", p), vec![pair("18", "2018-02-18"), pair("27 فبراير", "2018-02-27")]);
        assert_eq!(dates("21 يونيو الجاري", p), vec![pair("21 يونيو الجاري", "2018-06-21")]);
        assert_eq!(dates("في 14 من نيسان/أبريل", p), vec![pair("14 من نيسان/أبريل", "2018-04-14")]);
        assert_eq!(
            dates("في 3 أكتوبر/تشرين أول من عام 1924", p),
            vec![pair("3 أكتوبر/تشرين أول من عام 1924", "1924-10-03")]
        );
        // a range's first month takes the year written after the second
        assert_eq!(
            dates("منذ الفترة بين آب/أغسطس وتشرين الأول/أكتوبر 2015 (12 مباراة)", p),
            vec![pair("آب/أغسطس", "2015-08"), pair("تشرين الأول/أكتوبر 2015", "2015-10")]
        );
        assert_eq!(
            dates("في روسيا من 14 حزيران/يونيو إلى 15 تموز/يوليو المقبلين", "2018-03-13T21:20:35+00:00"),
            vec![pair("14 حزيران/يونيو", "2018-06-14"), pair("15 تموز/يوليو المقبلين", "2018-07-15")]
        );
        assert_eq!(dates("اجتياح بيروت في أيار (مايو) 2008، وبين", p), vec![pair("أيار (مايو) 2008", "2008-05")]);
        assert_eq!(dates("ليبدأ في الثالث من شهر أغسطس، كما", p), vec![pair("الثالث من شهر أغسطس", "2018-08-03")]);
        assert_eq!(dates("في أكتوبر من العام الماضي.", p), vec![pair("أكتوبر من العام الماضي", "2017-10")]);
        assert_eq!(dates("في آذار/مارس العام 2015 دعما", p), vec![pair("آذار/مارس العام 2015", "2015-03")]);
        assert_eq!(dates("بين ديسمبر ويناير 2016", p), vec![pair("ديسمبر", "2015-12"), pair("يناير 2016", "2016-01")]);
        // past reporting of a month three or more ahead: last year's; with a word of the future, this year's
        let june = "2018-06-28T00:00:46+00:00";
        assert_eq!(
            dates("وجرى آخر لقاء بينهما في فيتنام في نوفمبر/تشرين الثاني.", june),
            vec![pair("نوفمبر/تشرين الثاني", "2017-11")]
        );
        assert_eq!(
            dates("الانتخابات المقررة في نوفمبر/تشرين الثاني.", june),
            vec![pair("نوفمبر/تشرين الثاني", "2018-11")]
        );
        assert_eq!(dates("وسيزور موريتانيا مطلع تموز/يوليو.", june), vec![pair("تموز/يوليو", "2018-07")]);
        // مارس is also a verb: alone it needs support
        assert_eq!(dates("مارس الضغط على الحكومة", p), vec![]);
    }

    #[test]
    fn years() {
        let p = "2022-01-07T18:00:00+00:00";
        assert_eq!(dates("حكم البلاد من 1989 إلى 2019 وما زال", p), vec![pair("1989", "1989"), pair("2019", "2019")]);
        assert_eq!(dates("في عام ١٨٩٦", p), vec![pair("١٨٩٦", "1896")]);
        assert_eq!(dates("عامي 2004 و2014", p), vec![pair("2004", "2004"), pair("2014", "2014")]);
        assert_eq!(dates("اعتقال 1500 شخص", p), vec![]);
        assert_eq!(dates("في 1500 حالة", p), vec![]);
        assert_eq!(dates("وفي 1783، اعترفت", p), vec![pair("1783", "1783")]);
        assert_eq!(dates("وجرح أكثر من 2000 في ذكرى النكبة", p), vec![]);
        assert_eq!(dates("لبطولة كأس العالم 2018 بروسيا", p), vec![pair("2018", "2018")]);
        assert_eq!(dates("مونديال روسيا 2018 الذي", p), vec![pair("2018", "2018")]);
        assert_eq!(dates("كأس العالم 1500 مشجع", p), vec![]);
        // the attacks of 11 September are 2001's, not the article's year's; a meeting is not
        let p = "2018-09-10T18:00:00+00:00";
        assert_eq!(dates("التخطيط لهجمات 11 سبتمبر/أيلول بالولايات المتحدة", p)[0].1, "2001-09-11");
        assert_eq!(dates("الذكرى الـ17 لأحداث 11 سبتمبر/ أيلول.", p)[0].1, "2001-09-11");
        assert_eq!(dates("ويعقد الاجتماع في 11 سبتمبر/أيلول", p)[0].1, "2018-09-11");
    }

    #[test]
    fn relative_words() {
        let p = "2018-06-27T14:53:12+00:00"; // a Wednesday
        assert_eq!(dates("قال أمس", p), vec![pair("أمس", "2018-06-26")]);
        assert_eq!(dates("أعلن اليوم", p), vec![pair("اليوم", "2018-06-27")]);
        assert_eq!(dates("في اليوم التالي", p), vec![]);
        assert_eq!(dates("الأسبوع الماضي", p), vec![pair("الأسبوع الماضي", "2018-06")]);
        assert_eq!(dates("العام الماضي", p), vec![pair("العام الماضي", "2017")]);
        assert_eq!(dates("الشهر المقبل", p), vec![pair("الشهر المقبل", "2018-07")]);
        assert_eq!(dates("هذا الأسبوع", "2018-03-04T05:50:44+00:00"), vec![pair("هذا الأسبوع", "2018-02")]);
        assert_eq!(
            dates("أمس الجمعة", "2018-03-31T00:00:00+00:00"),
            vec![pair("أمس", "2018-03-30"), pair("الجمعة", "2018-03-30")]
        );
    }
}
