//! An article's tone as GDELT measures it (GKG 2.1, V1.5TONE / V2Tone): the share of its words
//! that are positive and negative, their difference (tone) and sum (polarity), the share of
//! words of acting and moving (activity density), of personal pronouns (self/group reference
//! density), and the word count.
//!
//! One pass over the tokens with one look-up per Arabic word in the tone lexicon
//! (`data/tone.tsv`: a word or word-beginning, its class and weight; seeded by hand, widened by
//! distributional similarity over the corpus with `tools/tone/lexicon.py`, checked by hand). Unlike
//! GDELT, a negator (لا، لم، عدم، غير…) reverses the tone words within the next two words
//! (عدم الاستقرار is negative), up to the next punctuation mark. Every word also carries a small
//! weight of the weak tier (`data/tone_weak.tsv`, [`WEAK`]), which decides text the listed words
//! leave at zero.
//!
//! ```
//! use khabar_extract::tone::tone;
//! let doc = khabar_extract::Doc::new("نجح الفريق في الفوز، لكن الهجوم أوقع قتلى.", None);
//! let r = tone(&doc);
//! assert_eq!(r.words, 8);
//! // نجح and الفوز are positive; الهجوم and قتلى negative, أوقع mildly (weight 0.5)
//! assert_eq!((r.positive, r.negative), (2.0, 2.5));
//! // the weak tier adds a few hundredths per word
//! assert!(r.weak_positive + r.weak_negative < 0.5);
//! let t = r.to_model();
//! assert!(t.tone < 0.0 && t.polarity > 56.0);
//! ```
use crate::component::Component;
use crate::lexicon::{find_form, Starts};
use crate::Doc;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::TokenKind;
use std::sync::LazyLock;

/// What a word of the tone lexicon counts towards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Positive,
    Negative,
    /// A word of acting or moving (activity reference density).
    Active,
    /// A personal pronoun (self/group reference density).
    Pronoun,
    /// Reverses the tone words right after it.
    Negator,
    /// Lessens what follows: a negative word right after it counts as positive, and the
    /// reducer's own negative weight is withdrawn (خفض العجز، الحد من الإدمان، نزع السلاح).
    Reducer,
}

/// One line of the tone lexicon.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ToneWord {
    pub class: Class,
    pub weight: f64,
    /// The line matches only the whole word, never a word that begins with it.
    pub whole_word: bool,
}

impl ToneWord {
    fn parse(tag: &str) -> Option<ToneWord> {
        let mut cols = tag.split('\t');
        let class = match cols.next()? {
            "positive" => Class::Positive,
            "negative" => Class::Negative,
            "active" => Class::Active,
            "pronoun" => Class::Pronoun,
            "negator" => Class::Negator,
            "reducer" => Class::Reducer,
            _ => return None,
        };
        let weight = match cols.next() {
            None | Some("") => 1.0,
            Some(w) => w.parse::<f64>().ok().filter(|w| w.is_finite() && *w > 0.0)?,
        };
        let whole_word = match cols.next() {
            None | Some("stem") => false,
            Some("word") => true,
            Some(_) => return None,
        };
        cols.next().is_none().then_some(ToneWord { class, weight, whole_word })
    }
}

pub static TONE: Lazy<ToneWord> = lexicon!("tone", ToneWord::parse);

static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(TONE.iter()));

/// The weak tier (`data/tone_weak.tsv`): every word seen ten times or more in the corpus, without
/// its article and clitics ([`bare`]), with a small signed weight, its distributional polarity
/// (made by `tools/tone/lexicon.py weak`, not read by hand), counted on the words no listed
/// positive or negative line tones. A few hundredths per word, it moves
/// the tone of text the listed words leave at zero, or balanced, towards what the words it is
/// made of usually come with (a goal, a title: positive; a raid, a verdict: negative), and
/// hardly moves the rest. Place names and nationality adjectives carry none.
pub static WEAK: Lazy<f64> = lexicon!("tone_weak", |w: &str| w.parse::<f64>().ok().filter(|x| x.is_finite()));

/// A normalized word without its article, and without a conjunction or preposition before the
/// article (والقتلى → قتلي، للفوز → فوز), as the weak tier lists it; a word without an article is
/// kept whole (a leading و or ف may be a letter of the word: وفاة).
pub fn bare(norm: &str) -> &str {
    let longer = |rest: &str, n: usize| rest.chars().nth(n - 1).is_some();
    for p in ["وال", "فال", "بال", "كال", "ال"] {
        if let Some(rest) = norm.strip_prefix(p).filter(|r| longer(r, 3)) {
            return rest;
        }
    }
    match norm.strip_prefix("لل") {
        Some(rest) if longer(rest, 3) => rest,
        _ => norm,
    }
}

/// How many words after a negator it reverses.
const NEGATION_REACH: usize = 2;
/// How many words after a reducer it reaches (الحد من | الإدمان: past a preposition).
const REDUCTION_REACH: usize = 3;

/// The raw sums of one article: weights of positive and negative words (of the listed words and
/// of the weak tier apart), counts of active words and pronouns, and the number of words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ToneRec {
    pub positive: f64,
    pub negative: f64,
    pub weak_positive: f64,
    pub weak_negative: f64,
    pub active: f64,
    pub pronouns: f64,
    pub words: usize,
}

/// A percentage of the words, to three decimals.
fn percent(x: f64, words: usize) -> f64 {
    if words == 0 {
        return 0.0;
    }
    round3(100.0 * x / words as f64)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl ToneRec {
    /// GDELT's seven numbers: percentages of the word count (three decimals), the weak tier's
    /// weights counted with the listed words'; tone and polarity from the rounded positive and
    /// negative shares, so that they add up as shown.
    pub fn to_model(&self) -> khabar_model::Tone {
        let positive = percent(self.positive + self.weak_positive, self.words);
        let negative = percent(self.negative + self.weak_negative, self.words);
        khabar_model::Tone {
            tone: round3(positive - negative),
            positive,
            negative,
            polarity: round3(positive + negative),
            activity: percent(self.active, self.words),
            self_group: percent(self.pronouns, self.words),
            words: self.words,
        }
    }
}

/// The tone lexicon's lines for a normalized word: the first form of it that has lines it may
/// match (see [`find_form`]), with whether that form is the whole word.
pub fn lookup(norm: &str) -> Option<(&'static [ToneWord], bool)> {
    let lex: &'static lexicon::Lexicon<ToneWord> = &TONE;
    let find = |norm: &str| {
        find_form(norm, &STARTS, |form, whole| {
            let tags = lex.tags(form);
            tags.iter().any(|w| whole || !w.whole_word).then_some((tags, whole))
        })
        .map(|(x, _)| x)
    };
    // a word in the accusative (اقتتالا، قياسيا) is the listed whole word it ends
    find(norm).or_else(|| {
        norm.strip_suffix('ا').filter(|w| w.chars().nth(2).is_some()).and_then(|w| find(w).map(|(t, _)| (t, true)))
    })
}

/// Whether a punctuation token is a quotation mark.
fn is_quotation_mark(p: &str) -> bool {
    p.chars().all(|c| matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‹' | '›'))
}

/// The tone sums of a document's text, in one pass over its tokens. Words are the tokens of
/// letters (Arabic or Latin); numbers and punctuation are not words.
pub fn tone(doc: &Doc) -> ToneRec {
    let mut r = ToneRec::default();
    // the last word (1-based) that a negator before reverses
    let mut reversed_until = 0;
    // the last word a reducer before reaches, and the negative weight the reducer itself added
    let (mut reduced_until, mut reducer_weight) = (0, 0.0);
    for t in &doc.tokens {
        if !t.is_word() {
            // a punctuation mark ends the clause a negator or reducer reaches into; a quotation
            // mark does not (وليس "الاحتفال به"، تحد من "الإدمان")
            if t.kind == TokenKind::Punct && !is_quotation_mark(&doc.text[t.start..t.end]) {
                reversed_until = 0;
                reduced_until = 0;
            }
            continue;
        }
        r.words += 1;
        if t.kind != TokenKind::Arabic {
            continue;
        }
        let found = lookup(&t.norm);
        // the lines the word may match (none when it is not listed)
        let lines =
            || found.into_iter().flat_map(|(lines, whole)| lines.iter().filter(move |w| whole || !w.whole_word));
        // the weak tier weighs only the words no positive or negative line tones (so that no
        // word weighs more than its listed weight, and no share passes 100 %)
        if !lines().any(|w| matches!(w.class, Class::Positive | Class::Negative)) {
            match WEAK.get(bare(&t.norm)) {
                Some(&x) if x > 0.0 => r.weak_positive += x,
                Some(&x) => r.weak_negative -= x,
                None => {}
            }
        }
        if found.is_none() {
            continue;
        }
        let reversed = r.words <= reversed_until;
        let reduced = !reversed && r.words <= reduced_until && lines().any(|w| w.class == Class::Negative);
        if reduced {
            // what lessens harm is good news: the harm counts as positive, the reducer as nothing
            r.negative -= std::mem::take(&mut reducer_weight);
            reduced_until = 0;
        }
        for w in lines() {
            match w.class {
                Class::Positive if reversed => r.negative += w.weight,
                Class::Positive => r.positive += w.weight,
                Class::Negative if reversed || reduced => r.positive += w.weight,
                Class::Negative => r.negative += w.weight,
                Class::Active => r.active += w.weight,
                Class::Pronoun => r.pronouns += w.weight,
                Class::Negator => reversed_until = r.words + NEGATION_REACH,
                Class::Reducer if !reversed => {
                    reduced_until = r.words + REDUCTION_REACH;
                    reducer_weight = lines().filter(|x| x.class == Class::Negative).map(|x| x.weight).sum();
                }
                Class::Reducer => {}
            }
        }
    }
    r
}

/// The pipeline's tone component.
pub struct Tone;

impl Component for Tone {
    fn name(&self) -> &'static str {
        "tone"
    }
    fn assigns(&self) -> &'static str {
        "GDELT's seven V2Tone numbers: tone, positive and negative %, polarity, activity and self/group density, words"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.tone = Some(tone(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> khabar_model::Tone {
        tone(&Doc::new(text, None)).to_model()
    }

    /// The listed words' sums alone, without the weak tier.
    fn listed(text: &str) -> khabar_model::Tone {
        ToneRec { weak_positive: 0.0, weak_negative: 0.0, ..tone(&Doc::new(text, None)) }.to_model()
    }

    #[test]
    fn words_and_classes() {
        // 5 words: a positive one behind a conjunction and article, a negative one behind a
        // preposition, a pronoun; the number and the full stop are no words
        let t = listed("والنجاح بمقتل هو 26 رجلا هناك.");
        assert_eq!(t.words, 5);
        assert_eq!((t.positive, t.negative, t.self_group), (20.0, 20.0, 20.0));
        assert_eq!(t.tone, 0.0);
        // a word-beginning with an ending: فشلوا
        assert!(listed("فشلوا").negative > 0.0);
        // a longer word that only begins with the letters of a listed one is not it (توجيه ≠ توج)
        assert_eq!(listed("توجيه").polarity, 0.0);
    }

    #[test]
    fn negators_reverse_what_follows_within_the_clause() {
        assert!(listed("عدم الاستقرار").tone < 0.0);
        assert!(listed("الاستقرار").tone > 0.0);
        assert!(listed("لم يحقق النجاح").tone < 0.0);
        // a punctuation mark ends the negator's reach; a quotation mark does not
        assert!(listed("لا، الاستقرار").tone > 0.0);
        assert!(listed("وليس \"الاحتفال\"").tone < 0.0);
        assert!(listed("تحد من «الإدمان»").tone > 0.0);
    }

    #[test]
    fn reducers_turn_the_harm_they_lessen_into_good_news() {
        // خفض is mildly negative alone; with the harm after it, the whole is positive
        assert!(listed("خفض").tone < 0.0);
        let t = listed("خفض العجز");
        assert!(t.tone > 0.0 && t.negative == 0.0, "{t:?}");
        assert!(listed("الحد من الإدمان").tone > 0.0);
        assert!(listed("العجز").tone < 0.0);
        // nothing harmful after it: the reducer keeps its own weight; a comma ends its reach
        assert!(listed("خفض الأسعار").tone < 0.0);
        assert!(listed("خفض، العجز").tone < 0.0);
        // a word in the accusative is the listed word it ends
        assert!(listed("اقتتالا").tone < 0.0);
    }

    #[test]
    fn the_weak_tier_decides_what_the_listed_words_leave_at_zero() {
        // no listed word: a goal and a top scorer come with good news, "as a result of" with bad
        for (text, sign) in [("وسجل هدفا", 1.0), ("هداف الفريق", 1.0), ("جراء", -1.0)] {
            let t = of(text);
            assert_eq!(listed(text).tone.min(0.0), 0.0, "{text}");
            assert_eq!(t.tone.signum(), sign, "{text}: {t:?}");
        }
        // a few hundredths per word: one listed word outweighs a sentence of weak ones
        let r = tone(&Doc::new("وقال المتحدث باسم الحكومة في المؤتمر الصحفي إن الاجتماع فشل", None));
        assert!(r.weak_positive + r.weak_negative < 0.5, "{r:?}");
        assert!(of("وقال المتحدث باسم الحكومة في المؤتمر الصحفي إن الاجتماع فشل").tone < 0.0);
        // a place or a nationality carries none; the article and clitics are taken off
        for w in ["الفلسطينيين", "سوريا", "الإسرائيلي"] {
            assert_eq!(WEAK.get(bare(&khabar_text::normalize::normalize(w))), None, "{w}");
        }
        assert_eq!(bare("والقتلي"), "قتلي");
        assert_eq!(bare("للفوز"), "فوز");
        assert_eq!(bare("وفاه"), "وفاه");
        assert_eq!(bare("الي"), "الي");
    }

    #[test]
    fn empty_text_has_no_words_and_no_division_by_zero() {
        let t = of("");
        assert_eq!((t.words, t.tone, t.activity), (0, 0.0, 0.0));
        let t = of("2022 ... 17");
        assert_eq!((t.words, t.polarity), (0, 0.0));
    }

    #[test]
    fn the_list_parses_with_its_columns() {
        assert!(TONE.len() > 500);
        assert_eq!(
            ToneWord::parse("positive\t0.5"),
            Some(ToneWord { class: Class::Positive, weight: 0.5, whole_word: false })
        );
        assert_eq!(ToneWord::parse("negative\t1\tword").map(|w| w.whole_word), Some(true));
        assert_eq!(ToneWord::parse("negative\t-1"), None);
        assert_eq!(ToneWord::parse("neutral"), None);
        assert_eq!(ToneWord::parse("negative\t1\tword\textra"), None);
    }
}
