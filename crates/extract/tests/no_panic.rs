//! No input makes the text layer or the extractors panic, and every record they return points
//! at exactly the text it claims: random Unicode (Arabic-heavy), random bytes, pathological
//! lengths, and the bundled example articles (which show every kind of record).
use khabar_extract::extract;
use khabar_text::{clitic, date, normalize, number, quotes, sentence, token};
use proptest::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// Every kind of record that points at text, by its place in the output.
const SPANS: [&str; 14] = [
    "entities[].mentions[]",
    "quotes[]",
    "quotes[].speaker",
    "counts[]",
    "counts[].attributed_to",
    "amounts[]",
    "dates[]",
    "hedges[]",
    "events[].trigger",
    "events[].source",
    "events[].target",
    "events[].location",
    "events[].attributed_to",
    "themes[]",
];

/// Checks every object of the output that carries `start` or `end` (entities' mentions, quotes
/// and their speakers, counts and their sources, amounts, dates, hedges, and any record added
/// later): `start <= end <=` the article's length in code points, and `text` is exactly the
/// code points `start..end` of the article. Counts the spans checked by their place (`SPANS`).
fn check_spans(chars: &[char], v: &Value, place: &str, seen: &mut BTreeMap<String, usize>) {
    match v {
        Value::Object(o) => {
            if o.contains_key("start") || o.contains_key("end") {
                let at = |k: &str| {
                    o.get(k).and_then(Value::as_u64).unwrap_or_else(|| panic!("{place}: `{k}` is not an offset: {v}"))
                        as usize
                };
                let (start, end) = (at("start"), at("end"));
                assert!(start <= end && end <= chars.len(), "{place}: {start}..{end} in {} code points", chars.len());
                let text = o.get("text").and_then(Value::as_str).unwrap_or_else(|| panic!("{place}: no text: {v}"));
                let slice: String = chars.iter().skip(start).take(end - start).collect();
                assert_eq!(slice, text, "{place}: {start}..{end}");
                *seen.entry(place.to_string()).or_default() += 1;
            }
            for (k, x) in o {
                let inner = if place.is_empty() { k.clone() } else { format!("{place}.{k}") };
                check_spans(chars, x, &inner, seen);
            }
        }
        Value::Array(a) => {
            for x in a {
                check_spans(chars, x, &format!("{place}[]"), seen);
            }
        }
        _ => {}
    }
}

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

fn check(text: &str) -> BTreeMap<String, usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut seen = BTreeMap::new();
    for published in [None, Some("2022-01-07T18:00:00+00:00".to_string())] {
        let a = extract(Some("p".into()), published, text);
        check_spans(&chars, &serde_json::to_value(&a).unwrap(), "", &mut seen);
        for c in &a.counts {
            assert!(c.value.is_finite() && c.value >= 0.0);
        }
        // every record has a tone; its shares are percentages that add up
        let t = a.tone.as_ref().expect("a record without tone");
        for x in [t.positive, t.negative, t.activity, t.self_group] {
            assert!(x.is_finite() && (0.0..=100.0).contains(&x), "{t:?}");
        }
        assert!(
            (t.tone - (t.positive - t.negative)).abs() < 1e-6 && (t.polarity - (t.positive + t.negative)).abs() < 1e-6
        );
        assert!(a.themes.iter().all(|th| !th.code.is_empty() && th.start < th.end));
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
    seen
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

/// The bundled example articles give every kind of record, so the check above is known to reach
/// each of them.
#[test]
fn example_articles_every_kind_of_record() {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for line in include_str!("../../../examples/articles.jsonl").lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        for (place, n) in check(v["text"].as_str().unwrap()) {
            *seen.entry(place).or_default() += n;
        }
    }
    for place in SPANS {
        assert!(seen.get(place).is_some_and(|&n| n > 0), "no {place} in the examples: {seen:?}");
    }
    assert_eq!(seen.keys().filter(|k| !SPANS.contains(&k.as_str())).count(), 0, "unlisted spans: {seen:?}");
}

/// Pieces an attacker repeats: a cue with a quotation mark that never closes, nested marks, a
/// name and a colon, an attribution, a figure, clitics piled up, long digit runs, bidi controls
/// around quotations, distinct names.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("قال: «".to_string()),
        Just("قال: \"".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("أردوغان: الأسد قاتل. ".to_string()),
        Just("قتل 5 بحسب الشرطة، ".to_string()),
        Just("بحسب مصادر، ".to_string()),
        Just("وقال المتحدث إن الوضع، مؤكدا أن ".to_string()),
        Just("وبالقتلى ".to_string()),
        Just("\u{202E}قال: \u{2067}«نعم»\u{2069} ".to_string()),
        "[0-9]{1,40}".prop_map(|d| format!("{d} ")),
        "[\u{0628}-\u{0648}]{4,7}".prop_map(|w| format!("وقال أحمد {w} إن الوضع جيد. ")),
    ]
}

/// Output stays within a small multiple of the input: every record is bounded and no text is
/// repeated over and over (20,000 × «قال: «» once gave 2 GB).
fn assert_bounded(text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let a = extract(Some("h".into()), None, text);
    let v = serde_json::to_value(&a).unwrap();
    check_spans(&chars, &v, "", &mut BTreeMap::new());
    let out = serde_json::to_string(&v).unwrap().len();
    assert!(out <= 32 * text.len() + 4096, "{out} bytes of output for {} bytes of input", text.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hostile_repetitions_stay_bounded(pieces in prop::collection::vec((hostile_piece(), 1usize..400), 1..6)) {
        let text: String = pieces.iter().map(|(p, n)| p.repeat(*n)).collect();
        assert_bounded(&text);
    }
}

#[test]
fn hostile_inputs_stay_bounded() {
    for piece in [
        "قال: «",
        "قال: ",
        "\u{202E}قال: \u{2067}«نعم»\u{2069} ",
        "قتل 5 بحسب الشرطة، ",
        "بحسب مصادر، ",
        "أردوغان: الأسد قاتل. ",
        "وقال المتحدث إن الوضع، مؤكدا أن ",
        "الرئيس دونالد ترامب ",
    ] {
        assert_bounded(&piece.repeat(5_000));
    }
    assert_bounded(&format!("قال: {}نعم{}", "«".repeat(5_000), "»".repeat(5_000)));
}
