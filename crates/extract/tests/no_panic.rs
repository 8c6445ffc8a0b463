//! No input makes the text layer or the extractors panic, and every record they return points
//! at exactly the text it claims: random Unicode (Arabic-heavy), random bytes, pathological
//! lengths.
use khabar_extract::extract;
use khabar_text::{clitic, date, normalize, number, quotes, sentence, token};
use proptest::prelude::*;

/// Arabic letters, diacritics, digits of three scripts, quotation marks, punctuation, spaces,
/// newlines, and some characters from elsewhere (emoji, combining marks, RTL marks).
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        8 => "[\u{0621}-\u{064A}]{1,8}",
        2 => "[\u{064B}-\u{0652}\u{0640}]",
        2 => "[0-9\u{0660}-\u{0669}\u{06F0}-\u{06F9}]{1,5}",
        2 => "[\"«»“”„‹›'/()،.؟!,:\\-%]",
        4 => "[ \n\t\u{00A0}]",
        1 => "[\u{200C}-\u{200F}\u{FEFF}\u{FB50}-\u{FDFF}\u{FE70}-\u{FEFF}]",
        1 => "\\PC{1,3}",
        3 => prop::sample::select(vec!["مقتل", "عشرات", "الجمعة", "أكثر من", "ألف", "مليون ونصف", "لم يتسن التأكد", "شباط/فبراير", "بحسب", "قتيلا", "عام", "الماضي", "حتى", "بين", "ال", "و", "لل"]).prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..120).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    for published in [None, Some("2022-01-07T18:00:00+00:00".to_string())] {
        let a = extract(Some("p".into()), published, text);
        let slice = |s: usize, e: usize| -> String { chars[s..e].iter().collect() };
        for c in &a.counts {
            assert_eq!(slice(c.start, c.end), c.text);
            if let Some(src) = &c.attributed_to {
                assert_eq!(slice(src.start, src.end), src.text);
            }
            assert!(c.value.is_finite() && c.value >= 0.0);
        }
        for m in &a.amounts {
            assert_eq!(slice(m.start, m.end), m.text);
        }
        for d in &a.dates {
            assert_eq!(slice(d.start, d.end), d.text);
        }
        for h in &a.hedges {
            assert_eq!(slice(h.start, h.end), h.text);
        }
    }
    // the text layer on its own
    let toks = token::tokenize(text);
    let sents = sentence::sentences(&toks);
    let _ = date::find_dates(&toks, &sents, date::parse_published("2018-03-04"));
    for i in 0..toks.len() {
        let _ = number::parse_number(&toks, i);
        let _ = number::qualifier_before(&toks, i, 0);
        let _ = clitic::analyze(&toks[i].norm);
    }
    let _ = normalize::normalize(text);
    let _ = normalize::normalize_lossless(text);
    for p in quotes::quote_pairs(text) {
        assert!(text.is_char_boundary(p.open) && text.is_char_boundary(p.close));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_arabic_heavy_text(text in arabicish()) {
        check(&text);
    }

    #[test]
    fn random_unicode(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn pathological_lengths() {
    let cases = [
        "9".repeat(100_000),
        "9,".repeat(20_000),
        "ق".repeat(200_000),
        "\"".repeat(50_000),
        "« ".repeat(20_000),
        "مقتل ".repeat(20_000),
        "عشرات ".repeat(10_000),
        "ألف ".repeat(10_000),
        "مليون ونصف ".repeat(5_000),
        "خمسة وعشرون ".repeat(5_000),
        "\u{064B}".repeat(10_000),
        "\n".repeat(50_000),
        "الجمعة الماضي ".repeat(5_000),
        "لم يتسن التأكد ".repeat(5_000),
        "1".repeat(400) + " ألف",
        String::new(),
    ];
    for c in &cases {
        check(c);
    }
}
