//! Normalization of Arabic text, in two strengths that are kept apart:
//!
//! * **lossless** folding changes how a character is encoded, never which letter it is: Unicode
//!   canonical composition (ا + ◌ٔ → أ), Arabic presentation forms to their letters (NFKC of the
//!   `FB50–FDFF`, `FE70–FEFF` blocks: ﻻ → لا), compatibility spaces to a space, tatweel and
//!   invisible format marks (ZWJ, ZWNJ, LRM, RLM, BOM) dropped, Arabic-Indic and Persian digits to
//!   ASCII digits.
//! * **lossy** folding, on top of that, merges spellings that writers use interchangeably and that
//!   the gold scorer merges too: diacritics dropped, أ إ آ ٱ → ا, ى → ي, ة → ه (and the Persian
//!   letters ی ک → ي ك). Search and lexicon look-ups use the lossy form; display uses the original.
//!
//! ```
//! use khabar_text::normalize::{normalize, normalize_lossless};
//! assert_eq!(normalize("الإمــارات"), "الامارات");
//! assert_eq!(normalize_lossless("ﻻ ٣٨٠٠"), "لا 3800");
//! ```
use unicode_normalization::UnicodeNormalization;

/// Tatweel (kashida), a stretching mark with no meaning.
pub const TATWEEL: char = '\u{0640}';

/// Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks).
#[inline]
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Invisible format characters that carry no letter.
#[inline]
pub fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}' | TATWEEL)
}

#[inline]
fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}')
}

/// The ASCII digit for an ASCII, Arabic-Indic (٠–٩) or Persian (۰–۹) digit.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Lossless folding of one character that is not a presentation form: `None` drops it.
#[inline]
fn lossless_char(c: char) -> Option<char> {
    if is_format(c) {
        None
    } else if let Some(d) = digit_value(c) {
        Some(char::from(b'0' + d as u8))
    } else if c.is_whitespace() && c != '\n' && c != '\r' && c != '\t' {
        Some(' ')
    } else {
        Some(c)
    }
}

/// Lossless folding of one character, pushed onto `out`.
#[inline]
fn push_lossless(c: char, out: &mut String) {
    if is_presentation_form(c) {
        // NFKC is safe on these blocks: they only encode positional shapes of letters.
        for k in std::iter::once(c).nfkc() {
            if !is_format(k) {
                out.push(k);
            }
        }
    } else if let Some(k) = lossless_char(c) {
        out.push(k);
    }
}

/// Lossy folding of one already lossless character; `None` drops it.
#[inline]
fn lossy(c: char) -> Option<char> {
    if is_diacritic(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        _ => c,
    })
}

/// Lossless normalization (see the module documentation).
pub fn normalize_lossless(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        push_lossless(c, &mut out);
    }
    out
}

/// Full (lossy) normalization: the form used for search keys and lexicon look-ups.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// [`normalize`] appending to a buffer. Fast path: text that holds no combining hamza needs no
/// canonical composition, which is by far the common case; and a character that lossless folding
/// leaves alone (all but presentation forms) is folded lossily at once, with no buffer between.
pub fn normalize_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let needs_nfc = s.chars().any(|c| matches!(c, '\u{0653}'..='\u{0655}'));
    let mut push = |c: char| {
        if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
            // a basic Arabic letter: lossless folding leaves it as it is, only the lossy folds apply
            out.extend(lossy(c));
        } else if is_presentation_form(c) {
            // the one case where lossless folding yields several characters
            let mut tmp = String::new();
            push_lossless(c, &mut tmp);
            out.extend(tmp.chars().filter_map(lossy));
        } else if let Some(k) = lossless_char(c) {
            if let Some(k) = lossy(k) {
                out.push(k);
            }
        }
    };
    if needs_nfc {
        s.nfc().for_each(&mut push);
    } else {
        s.chars().for_each(&mut push);
    }
}

/// Whether a character is a letter of the Arabic script (after folding), diacritics excluded.
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
}

/// Whether a character belongs inside an Arabic word: a letter, a diacritic, tatweel, a
/// presentation form or a joiner.
#[inline]
pub fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c)
        || is_diacritic(c)
        || c == TATWEEL
        || is_presentation_form(c)
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0653}'..='\u{0655}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossless_keeps_letters() {
        assert_eq!(normalize_lossless("أحمد"), "أحمد");
        assert_eq!(normalize_lossless("مــدينة"), "مدينة");
        assert_eq!(normalize_lossless("\u{FEFB}"), "لا");
        assert_eq!(normalize_lossless("ﺑﻴﺮﻭﺕ"), "بيروت");
        assert_eq!(normalize_lossless("١٢٣ ۴۵۶"), "123 456");
        assert_eq!(normalize_lossless("a\u{00A0}b\u{200F}"), "a b");
        // canonical composition: alef + combining hamza above is أ
        assert_eq!(normalize_lossless("\u{0627}\u{0654}"), "أ");
    }

    #[test]
    fn lossy_folds_spellings() {
        assert_eq!(normalize("إِسْرَائِيل"), "اسرائيل");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("الجمعة"), "الجمعه");
        assert_eq!(normalize("آذار"), "اذار");
        assert_eq!(normalize("ٱلله"), "الله");
        assert_eq!(normalize("\u{0627}\u{0655}"), "ا");
        assert_eq!(normalize("فارسی"), "فارسي");
        assert_eq!(normalize("٣٨٠٠"), "3800");
    }

    proptest::proptest! {
        /// The fast paths of [`normalize_into`] give what folding each character losslessly and
        /// then lossily gives.
        #[test]
        fn fast_paths_fold_as_the_two_steps(s in "[\u{0600}-\u{06FF}\u{FB50}-\u{FB60}\u{FE70}-\u{FEFF} a1\u{200C}-\u{200F}\u{00A0}\n]{0,24}") {
            let mut lossless = String::new();
            for c in s.nfc() {
                push_lossless(c, &mut lossless);
            }
            let expected: String = lossless.chars().filter_map(lossy).collect();
            proptest::prop_assert_eq!(normalize(&s), expected);
        }
    }

    #[test]
    fn lossy_is_idempotent() {
        for s in ["أورسولا فون دير لايين", "ﻻ", "قتيلاً", "١٩٨٩"] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once);
        }
    }
}
