//! Counts of people: killed, injured, arrested, abducted, missing, displaced, protesting.
//!
//! A figure (any number the text layer parses, a dual noun such as شخصين, or one indefinite
//! person right after an event word, as in مقتل جندي) is a count when the words around it name
//! a category, in this order of trust:
//! 1. an event word before it (مقتل 26، أصيب نحو 120، اعتقال 1029، تظاهرت 100), with qualifiers
//!    and quotation marks allowed between;
//! 2. a noun of the category right after it (18 قتيلا، عشرات القتلى، 1.8 مليون لاجئ);
//! 3. a verb after it and its noun (14 مدنيا على الأقل قتلوا، 16 شخصا قد لقوا مصرعهم);
//! 4. a total named before it (ارتفع عدد القتلى إلى 30);
//! 5. `بينهم`/`منهم` before it, which takes the category of the count before (بينهم 10 صحافيين).
//!
//! A unit after the figure (سنوات، دولار، كيلومترا، %) means it counts no people.
use crate::count_model::CountModel;
use crate::lexicon::{count_role, count_word_role, CueRole, Role, COUNTS};
use crate::source::source_for;
use crate::{CountRec, Doc, SourceRec};
use khabar_model::Category;
use khabar_ner::gazetteer::GAZETTEER;
use khabar_text::clitic::proclitic_splits;
use khabar_text::date::WEEKDAYS;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::number::{parse_number, qualifier_after, qualifier_before, NumberMatch, Qualifier};
use khabar_text::token::{Token, TokenKind};
use std::ops::Range;

/// [`count_role`] for the roles that name a category (event, state, after).
fn category_of(t: &Token, role: Role) -> Option<(Category, usize)> {
    count_role(t, role).and_then(|(c, letters)| Some((c?, letters)))
}

fn is_quote_mark(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | "«" | "“" | "„" | "'")
}

/// Words that are never the noun a figure counts.
static FUNCTION_WORDS: Lazy = lexicon!("count_function_words");

/// Words that link a named total to its figure.
static LINKS: Lazy = lexicon!("total_links");

/// Words of a date that may stand between an event word and its figure.
fn is_date_word(norm: &str) -> bool {
    matches!(norm, "اليوم" | "امس" | "يوم") || WEEKDAYS.contains(norm)
}

static PROTEST_NOUNS: Lazy = lexicon!("protest_nouns");
/// Every word that names a protest in a sentence: those nouns, more of them, and the adjective.
static PROTEST_WORDS: Lazy = lexicon!("protest_words" and PROTEST_NOUNS);

/// Perfective verbs whose subject may stand between them and the figure (اعتقلت الشرطة 3
/// أشخاص، قتلت القوات الإسرائيلية 4 فلسطينيين): the agent of an arrest, a killing, a wounding or
/// an abduction is named first.
static VERBS_WITH_SUBJECT: Lazy<Option<Category>> =
    lexicon!("verbs_with_subject", |tag| if tag.is_empty() { Some(None) } else { tag.parse().ok().map(Some) });

/// A subject of up to three words between such a verb and the figure: (category, verb token,
/// its clitic letters). The words are plain words, not figures, function words or punctuation,
/// and the first is definite (الشرطة، القوات) so that a verb's object is not taken for its subject.
fn verb_and_subject_before(doc: &Doc, sent: &Range<usize>, p: usize) -> Option<(Category, usize, usize)> {
    let toks = &doc.tokens;
    for k in 1..=3 {
        if p < sent.start + k + 1 {
            return None;
        }
        let w = &toks[p - k];
        if !w.is_word()
            || w.kind == TokenKind::Number
            || FUNCTION_WORDS.contains(&w.norm)
            || count_role(w, Role::Event).is_some()
        {
            return None;
        }
        let v = &toks[p - k - 1];
        let definite = |t: &Token| proclitic_splits(&t.norm).any(|(_, r)| r.starts_with("ال") && r.chars().count() > 3);
        let first_definite = definite(w)
            // a noun in construct with a definite one (ميليشيات الحوثي، قوات الأمن)
            || (k >= 2 && w.kind == TokenKind::Arabic && !w.norm.starts_with('و') && definite(&toks[p - k + 1]))
            // a country acts as a subject too (اعتقلت تركيا جنديين)
            || (k == 1 && GAZETTEER.major_place_normalized(&w.norm).is_some_and(|p| p.is_country));
        if !first_definite {
            continue;
        }
        if let Some((own, letters)) = VERBS_WITH_SUBJECT.find(&v.norm) {
            if let Some((cat, letters)) = own.map(|c| (c, letters)).or_else(|| category_of(v, Role::Event)) {
                return Some((cat, p - k - 1, letters));
            }
        }
    }
    None
}

/// What stands before a figure and names its category: (category, first token of the count,
/// its clitic letters). No category means a neutral word: the noun after must decide.
fn category_before(
    doc: &Doc,
    sent: &Range<usize>,
    at: usize,
    inherited: Option<Category>,
) -> Option<(Option<Category>, usize, usize)> {
    let toks = &doc.tokens;
    let mut p = at;
    // quotation marks and date words may stand between (اعتقلت اليوم السبت ما يزيد على ألف)
    let mut skipped = 0;
    while p > sent.start && (is_quote_mark(&toks[p - 1]) || (skipped < 3 && is_date_word(&toks[p - 1].norm))) {
        skipped += 1;
        p -= 1;
    }
    if p == sent.start {
        return None;
    }
    let t = &toks[p - 1];
    if let Some((cat, letters)) = category_of(t, Role::Event) {
        // مقتل وجرح 30: the first of coordinated event words
        let (mut cat, mut first, mut letters) = (cat, p - 1, letters);
        while first > sent.start && toks[first].norm.starts_with('و') {
            match category_of(&toks[first - 1], Role::Event) {
                Some((c, l)) => {
                    cat = c;
                    letters = l;
                    first -= 1;
                }
                None => break,
            }
        }
        return Some((Some(cat), first, letters));
    }
    if let Some((_, letters)) = count_role(t, Role::Neutral) {
        return Some((None, p - 1, letters));
    }
    // القبض على 30
    if t.norm == "علي"
        && p >= sent.start + 2
        && proclitic_splits(&toks[p - 2].norm)
            .any(|(_, r)| matches!(r.as_ref(), "القبض" | "قبض" | "قبضت" | "يقبض" | "تقبض"))
    {
        return Some((Some(Category::Arrest), p - 2, 0));
    }
    // التظاهرة التي شارك فيها حوالي 150 شخصا
    let took_part = matches!(t.norm.as_str(), "فيها" | "فيه" | "في")
        && p >= sent.start + 2
        && proclitic_splits(&toks[p - 2].norm).any(|(_, r)| matches!(r.as_ref(), "شارك" | "شاركت" | "يشارك" | "تشارك"));
    if took_part && toks[sent.clone()].iter().any(|x| PROTEST_NOUNS.has(&x.norm)) {
        return Some((Some(Category::Protest), p - 2, 0));
    }
    // من بين القتلى اثنان
    if let Some((cat, _)) = category_of(t, Role::State) {
        if p >= sent.start + 2 && toks[p - 2].norm.ends_with("بين") {
            return Some((Some(cat), p - 1, 0));
        }
    }
    // بينهم 10 صحافيين، ومنهم ثلاثة
    if let Some(cat) = inherited {
        if of_whom(t) {
            return Some((Some(cat), p - 1, 0));
        }
    }
    None
}

/// A word that opens a breakdown of the people counted before (بينهم، ومنهم، بينهن).
fn of_whom(t: &Token) -> bool {
    proclitic_splits(&t.norm).any(|(_, r)| matches!(r.as_ref(), "بينهم" | "بينهن" | "منهم" | "منهن"))
}

/// Readings of a figure made after the model's decision: the model was trained without them, and
/// giving them as a rule's feature or a lexicon's word would move its other decisions. The figure
/// counts people (a noun of people after it, of no state of its own: أسر 3 شهداء is "families of
/// three martyrs"), and before it stand
/// - an event word the model has not seen (`count_late_events.tsv`: أسر 11 حوثياً): the word
///   right before names the category, whatever the model found (أسر 4 حوثيين وقتل …), or
/// - where the model found no count, an event verb and a word pointing back to the event or to
///   its people (`count_resumptive.tsv`: قتل خلالها 80، أصيب فيه 7، قتل منهم 268).
fn read_after_decision(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, found: Option<Found>) -> Option<Found> {
    let toks = &doc.tokens;
    let p = qualifier_before(toks, n.start, sent.start).map_or(n.start, |(_, s, _)| s);
    let people = toks
        .get(n.end())
        .is_some_and(|noun| n.end() < sent.end && person_like(noun) && category_of(noun, Role::State).is_none());
    if p == sent.start || !people {
        return found;
    }
    let before = &toks[p - 1];
    let late =
        proclitic_splits(&before.norm).find_map(|(letters, w)| LATE_EVENTS.get(w.as_ref()).map(|&c| (c, letters)));
    if let Some((category, letters)) = late {
        let f = found.unwrap_or_else(|| model_found(doc, sent, n, category));
        return Some(Found { category, first: p - 1, first_letters: letters, also: Vec::new(), shown_from: None, ..f });
    }
    if found.is_some() || p < sent.start + 2 || !RESUMPTIVE.contains(before.norm.as_str()) {
        return found;
    }
    category_of(&toks[p - 2], Role::Event).map(|(category, _)| model_found(doc, sent, n, category))
}

/// Verbs after a figure and its noun that the model was not trained with (`count_late_after.tsv`).
static LATE_AFTER: Lazy<Category> = lexicon!("count_late_after", |tag| tag.parse().ok());

/// Where the model found no count, a figure of people (a person noun after it, of no state of
/// its own) and right after the noun
/// - a verb the model has not seen (`count_late_after.tsv`: 220 مهاجرا غرقوا), or
/// - a verbal noun of an event after ل، على or إلى, with no object of its own, the people the
///   event befell (دفعت المعارك 32 ألف شخص للنزوح، اضطر 5 آلاف شخص إلى الفرار، تعرض 3 صحفيين
///   للاعتقال; in دعا 5 نواب إلى اعتقال المتهمين the five are the ones who ask).
fn late_after(doc: &Doc, sent: &Range<usize>, n: &NumberMatch) -> Option<Found> {
    let toks = &doc.tokens;
    let (k, state) = noun_after(toks, n.end(), sent.end)?;
    if state.is_some() || !person_like(&toks[k]) || k + 1 >= sent.end {
        return None;
    }
    let next = &toks[k + 1];
    if let Some(&category) = LATE_AFTER.get(next.norm.as_str()) {
        return Some(Found { last: k + 1, ..model_found(doc, sent, n, category) });
    }
    let (event, at) = if matches!(next.norm.as_str(), "علي" | "الي") && k + 2 < sent.end {
        (&toks[k + 2], k + 2)
    } else if next.norm.starts_with("لل") {
        (next, k + 1)
    } else {
        return None;
    };
    // (ل before the article drops its alif: للنزوح is ل + النزوح)
    let lookup = |w: &str| count_word_role(w, Role::Event).and_then(|(c, _)| c);
    let stem = event.norm.strip_prefix("لل").or_else(|| event.norm.strip_prefix("ال"))?;
    let category = lookup(stem).or_else(|| lookup(&format!("ال{stem}")))?;
    // دعا 50 ناشطا إلى التظاهر: people called on to act are not yet the ones it befell
    let p = qualifier_before(toks, n.start, sent.start).map_or(n.start, |(_, s, _)| s);
    let called = (p.saturating_sub(4).max(sent.start)..p)
        .any(|j| crate::lexicon::CUES.find(&toks[j].norm).is_some_and(|(c, _)| c.role == Some(CueRole::Act)));
    if called {
        return None;
    }
    let object = toks.get(at + 1).is_some_and(|o| {
        at + 1 < sent.end
            && (o.kind == TokenKind::Number
                || o.kind == TokenKind::Arabic
                    && (o.norm.starts_with("ال") || person_like(o))
                    && !FUNCTION_WORDS.has(&o.norm))
    });
    (!object).then(|| Found { last: at, ..model_found(doc, sent, n, category) })
}

/// A figure of people coordinated with the count that ends right before it (بينهم 20 جنديا و10
/// مدنيين، مقتل 193 هولنديا و43 ماليزيا): the same category, read after the model's decision where
/// it found none. The و may be written apart from digits or onto a number in words (وخمسة).
fn coordinated_figure(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, prev: Option<&CountRec>) -> Option<Found> {
    let toks = &doc.tokens;
    let prev = prev?;
    // (a comma may close the item before, and where its people were: بينهم 31 امرأة، و92 طفلا؛
    // اثنان في رفح جنوب القطاع و13 في مدينة غزة)
    let follows = |end: usize| {
        let mut e = end;
        if e > prev.tokens.end && toks[e - 1].is_punct('،') {
            e -= 1;
        }
        let between = &toks[prev.tokens.end.min(e)..e];
        between.is_empty()
            || between.len() <= 5
                && between[0].norm == "في"
                && between[1..].iter().all(|t| t.kind == TokenKind::Arabic && !t.norm.starts_with('و'))
    };
    let joined = if n.clitic_letters == 1 && toks[n.start].norm.starts_with('و') {
        follows(n.start)
    } else {
        n.start > sent.start + 1 && toks[n.start - 1].norm == "و" && follows(n.start - 1)
    };
    // بين 270 ألفا و330 ألف: the upper bound of a range is no count of its own
    let range = (prev.tokens.start.saturating_sub(1).max(sent.start)..prev.tokens.end)
        .any(|k| toks[k].norm == "بين" && parse_number(toks, k + 1).is_some());
    if !joined || range || prev.tokens.start < sent.start {
        return None;
    }
    let (k, state) = match noun_after(toks, n.end(), sent.end) {
        Some(found) => found,
        // the noun left out where the list says where each part was (اثنان في رفح و13 في غزة):
        // a place after في, no share (3 في المئة)
        None if elided_noun(toks, sent, n) => {
            return Some(Found {
                first: n.start,
                first_letters: usize::from(n.clitic_letters == 1),
                shown_from: None,
                ..model_found(doc, sent, n, prev.category)
            });
        }
        None => return None,
    };
    if !person_like(&toks[k]) || state.is_some_and(|c| c != prev.category) {
        return None;
    }
    // (the و on a number in words is left out of the words shown; one written apart is before them)
    let first_letters = usize::from(n.clitic_letters == 1);
    Some(Found { first: n.start, first_letters, shown_from: None, ..model_found(doc, sent, n, prev.category) })
}

/// A figure with no noun of its own, a place after it (و13 في مدينة غزة): the parts of a list
/// whose noun the first part named.
fn elided_noun(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    let at = |k: usize| toks.get(k).filter(|_| k < sent.end);
    at(n.end()).is_some_and(|t| t.norm == "في")
        && at(n.end() + 1).is_some_and(|t| {
            // (3 في حالة خطرة، في المستشفى: a state, not a place of the event)
            t.kind == TokenKind::Arabic
                && !matches!(t.norm.as_str(), "المئه" | "المائه" | "الالف" | "العام" | "عام" | "حاله" | "المستشفي")
        })
}

/// A total named right before its figure with no word linking them, the figure its predicate
/// (عدد قتلى هذا الحادث 65 وليس 66، حصيلة القتلى في الهجوم 12 شخصا): عدد، حصيلة or إجمالي, a noun
/// of the category, and up to three plain words of its complement; the figure counts no things.
/// Read after the model's decision where it found none.
fn unlinked_total(doc: &Doc, sent: &Range<usize>, n: &NumberMatch) -> Option<Found> {
    let toks = &doc.tokens;
    // (وليس 66 after it is no noun it counts)
    let noun = noun_after(toks, n.end(), sent.end).map(|(k, _)| &toks[k]);
    let denied = noun.is_some_and(|t| is_negation(&t.norm));
    if !denied && noun.is_some_and(|t| !person_like(t)) {
        return None;
    }
    let p = qualifier_before(toks, n.start, sent.start).map_or(n.start, |(_, s, _)| s);
    for k in (p.saturating_sub(5).max(sent.start + 1)..p).rev() {
        let t = &toks[k];
        if let Some((category, _)) = category_of(t, Role::State) {
            let letters = proclitic_splits(&toks[k - 1].norm)
                .find_map(|(letters, r)| matches!(r.as_ref(), "عدد" | "حصيله" | "اجمالي").then_some(letters))?;
            let found = model_found(doc, sent, n, category);
            let (last, object) = if denied { (n.end() - 1, None) } else { (found.last, found.object.clone()) };
            return Some(Found { first: k - 1, first_letters: letters, shown_from: None, last, object, ..found });
        }
        let plain = t.kind == TokenKind::Arabic
            && !LINKS.has(&t.norm)
            && !is_negation(&t.norm)
            && category_of(t, Role::Event).is_none()
            && category_of(t, Role::After).is_none();
        if !plain {
            return None;
        }
    }
    None
}

/// What wounds, after إصابة بـ (`wounding.tsv`: جراح، رصاص، شظايا…).
static WOUNDING: Lazy = lexicon!("wounding");

/// A figure whose counted noun is the event itself, one case per person (أسفرت المواجهات عن 120
/// إصابة، سجلت 37 حالة وفاة، 15 حالة اعتقال): a verbal noun of a category right after the figure,
/// or after حالة/حالات. Read after the model's decision where it found none; the sick are left
/// out after it like any other count (500 إصابة جديدة بالكوليرا).
fn cases_counted(doc: &Doc, sent: &Range<usize>, n: &NumberMatch) -> Option<Found> {
    let toks = &doc.tokens;
    let at = |k: usize| toks.get(k).filter(|t| k < sent.end && t.kind == TokenKind::Arabic);
    let mut k = n.end();
    let cases = at(k).is_some_and(|t| matches!(t.norm.as_str(), "حاله" | "حالات"));
    if cases {
        k += 1;
    }
    let noun = at(k)?;
    // (the verbal noun itself, with no clitic: 120 إصابة, not 12 وإصابة; a plural counts the
    // cases only after حالات: 3 إصابات is as often a team's injuries)
    let (category, letters) = category_of(noun, Role::Event)?;
    let plain = noun.norm == "اصابه" || cases;
    if letters > 0 || !plain {
        return None;
    }
    // an injury is a wound by what wounded (بجراح، بالرصاص), not an illness or a shock (إصابة
    // بصدمة نفسية، بسوء التغذية), a muscle's (عضلية) or someone's (إصابة نجم الفريق)
    if category == Category::Wound {
        let next = at(k + 1);
        let by_illness = next
            .is_some_and(|_| doc.analysis(k + 1).prep == Some('ب') && !WOUNDING.has(doc.analysis(k + 1).word.as_ref()));
        let construct = next.is_some_and(|t| {
            doc.analysis(k + 1).prep.is_none()
                && !t.norm.starts_with("ال")
                && !FUNCTION_WORDS.has(&t.norm)
                && !matches!(t.norm.as_str(), "منها" | "بينها" | "بينهم" | "منهم")
        });
        if by_illness || construct || next.is_some_and(|t| t.norm.starts_with("عضلي")) {
            return None;
        }
        // (in an article that names a disease, a case of إصابة is an infection: تسجيل حالة وفاة
        // واحدة، وأكثر من 100 إصابة; the article's words are read last, only for a figure that
        // passed the rest)
        if doc.tokens.iter().any(|t| t.kind == TokenKind::Arabic && DISEASES.has(&t.norm)) {
            return None;
        }
    }
    Some(Found { last: k, object: Some(k..k + 1), ..model_found(doc, sent, n, category) })
}

/// A range (ما بين 6 و10 أشخاص، يتراوح بين 270 ألفا و330 ألفا) is counted by its lower bound, at
/// least, as the gold codes it: the figure right after بين, with و and a second figure after it.
/// (Read after the model's decision, so the figure's features stay those it was trained on.)
fn range_lower_bound(toks: &[Token], sent: &Range<usize>, n: &NumberMatch, f: Found) -> Found {
    let after_bain = n.start > sent.start && n.clitic_letters == 0 && toks[n.start - 1].norm == "بين";
    let upper = match toks.get(n.end()).filter(|_| n.end() < sent.end) {
        Some(t) if t.norm == "و" => parse_number(toks, n.end() + 1).is_some(),
        Some(_) => parse_number(toks, n.end()).is_some_and(|m| m.clitic_letters == 1),
        None => false,
    };
    if after_bain && upper && f.qualifier == Qualifier::Exact {
        Found { qualifier: Qualifier::AtLeast, ..f }
    } else {
        f
    }
}

/// A vague quantity in construct with a plural scale (خرج عشرات آلاف الأشخاص، مقتل مئات آلاف
/// الشيشان), whichever of the two was counted: tens or hundreds of thousands. The text layer reads
/// عشرات الآلاف as one figure but عشرات آلاف as two, of which the second is the count; read after
/// the model's decision (as one figure the words around it would move the model's features).
fn times_vague_before(toks: &[Token], sent: &Range<usize>, n: &NumberMatch, f: Found) -> Found {
    if !n.vague {
        return f;
    }
    // the vague quantity counted, the scale after it (مقتل مئات آلاف الشيشان)
    if n.len == 1 && n.end() < sent.end {
        if let Some(m) = parse_number(toks, n.end()).filter(|m| m.vague && m.clitic_letters == 0 && m.value > n.value) {
            let last = f.last.max(m.end() - 1);
            let object = noun_after(toks, m.end(), sent.end).map(|(k, _)| k..k + 1).or(f.object.clone());
            let last = object.as_ref().map_or(last, |o| last.max(o.end - 1));
            return Found { value: f.value * m.value, last, object, ..f };
        }
    }
    if n.start == sent.start || n.clitic_letters != 0 {
        return f;
    }
    match parse_number(toks, n.start - 1) {
        Some(m) if m.vague && m.len == 1 && m.value < n.value => {
            let (first, first_letters) =
                if f.first >= n.start { (n.start - 1, m.clitic_letters) } else { (f.first, f.first_letters) };
            Found { value: m.value * f.value, first, first_letters, ..f }
        }
        _ => f,
    }
}

/// Words after an event verb that point back to the event or to its people (`count_resumptive.tsv`).
static RESUMPTIVE: Lazy = lexicon!("count_resumptive");

/// Event words read only after the model's decision (`count_late_events.tsv`), with their category.
static LATE_EVENTS: Lazy<Category> = lexicon!("count_late_events", |tag| tag.parse().ok());

/// Broken plurals of people that end like no sound plural.
static PERSON_PLURALS: Lazy = lexicon!("person_plurals");

/// Whether the noun after a figure counts people (شخصا، فلسطينيين، رجال…), not things (أضعاف).
fn person_like(t: &Token) -> bool {
    proclitic_splits(&t.norm).any(|(_, r)| {
        let r = r.strip_prefix("ال").unwrap_or(&r);
        PERSON_PLURALS.contains(r)
            || r.ends_with("ين")
            || r.ends_with("ون")
            || (r.ends_with('ا') && r.chars().count() >= 4)
    }) || count_role(t, Role::Single).is_some()
        || count_role(t, Role::State).is_some()
        // the singular after a scale word: 700 ألف سوري، آلاف الفلسطينيين
        || crate::events::words::nationality(t).is_some()
}

/// A total named before the figure and linked to it: ارتفع عدد القتلى إلى 30، بلغت حصيلة
/// الضحايا 30، عدد القتلى بلغ 30 شخصا. Returns (category, first token).
fn total_before(doc: &Doc, sent: &Range<usize>, p: usize) -> Option<(Category, usize)> {
    let toks = &doc.tokens;
    let mut p = p;
    while p > sent.start && is_quote_mark(&toks[p - 1]) {
        p -= 1;
    }
    if p == sent.start || !LINKS.has(&toks[p - 1].norm) {
        return None;
    }
    let from = p.saturating_sub(7).max(sent.start + 1);
    for k in (from..p).rev() {
        if toks[k].kind == TokenKind::Punct {
            break;
        }
        if let Some((cat, _)) = category_of(&toks[k], Role::State) {
            if proclitic_splits(&toks[k - 1].norm).any(|(_, r)| matches!(r.as_ref(), "عدد" | "حصيله" | "اجمالي"))
            {
                return Some((cat, k - 1));
            }
        }
    }
    None
}

/// نقل 8 أشخاص إلى المستشفى: a verb of taking people to hospital right before the figure and
/// إلى المستشفى within three words after it: the verb's clitic letters.
fn to_hospital(toks: &[Token], sent: &Range<usize>, at: usize, after: usize) -> Option<usize> {
    if at == sent.start {
        return None;
    }
    let (_, letters) = HOSPITAL_VERBS.find(&toks[at - 1].norm)?;
    toks[after..sent.end.min(after + 4)]
        .windows(2)
        .any(|w| {
            matches!(w[0].norm.as_str(), "الي" | "في")
                && proclitic_splits(&w[1].norm).any(|(_, r)| r.trim_start_matches("ال").starts_with("مستشفي"))
        })
        .then_some(letters)
}

/// The noun a figure counts, past an optional من: (token index, category if it names one).
fn noun_after(toks: &[Token], end: usize, limit: usize) -> Option<(usize, Option<Category>)> {
    let mut k = end;
    while k < limit && is_quote_mark(&toks[k]) {
        k += 1;
    }
    if k < limit && toks[k].norm == "من" {
        k += 1;
    }
    if k >= limit || !toks[k].is_word() || FUNCTION_WORDS.contains(&toks[k].norm) {
        return None;
    }
    let mut cat = category_of(&toks[k], Role::State).map(|x| x.0);
    // no noun but the next event (مقتل 5 وجرح 20) or the verb after (50 قتلوا): no people named
    let next_event = toks[k].norm.starts_with('و') && category_of(&toks[k], Role::Event).is_some();
    if cat.is_none() && (next_event || category_of(&toks[k], Role::After).is_some()) {
        return None;
    }
    // a person noun, then the state: 50 شخصا مصابين بجروح, 10 أشخاص في عداد المفقودين
    if cat.is_none() && k + 1 < limit {
        let state = if toks[k + 1].norm == "في" && toks.get(k + 2).is_some_and(|t| t.norm == "عداد") && k + 3 < limit
        {
            k + 3
        } else {
            k + 1
        };
        cat = category_of(&toks[state], Role::State).filter(|&(_, l)| l == 0).map(|x| x.0);
    }
    Some((k, cat))
}

/// Nouns after which an event word is a verbal noun in construct (بتهمة قتل), not a verb.
static CONSTRUCT_HEADS: Lazy = lexicon!("construct_heads");

/// Verbs of taking people to hospital (نقل 8 أشخاص إلى المستشفى).
static HOSPITAL_VERBS: Lazy = lexicon!("hospital_verbs");

/// A verb after the figure and its noun that names the category: (category, its token).
fn verb_after(toks: &[Token], from: usize, limit: usize) -> Option<(Category, usize)> {
    for (k, t) in toks.iter().enumerate().take(limit.min(from + 5)).skip(from) {
        if t.kind == TokenKind::Punct && !is_quote_mark(t) {
            return None;
        }
        // بتهم قتل: a verbal noun in construct, the charge and not the act
        if k > from && CONSTRUCT_HEADS.has(&toks[k - 1].norm) {
            return None;
        }
        // وأصيب after a figure opens a clause of its own
        if let Some((cat, 0)) = category_of(t, Role::After) {
            return Some((cat, k));
        }
    }
    None
}

struct Found {
    category: Category,
    value: f64,
    qualifier: Qualifier,
    first: usize,
    first_letters: usize,
    last: usize,
    object: Option<Range<usize>>,
    /// Other categories coordinated with the first event word (مقتل وإصابة 30: the figure is
    /// reported for each).
    also: Vec<Category>,
    /// Where the words shown start, when not at `first` (token, clitic letters): a count's words
    /// never reach back past another figure to the event word they share.
    shown_from: Option<(usize, usize)>,
}

fn count_at_number(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, inherited: Option<Category>) -> Option<Found> {
    let toks = &doc.tokens;
    let (q_before, q_start, q_letters) = match qualifier_before(toks, n.start, sent.start) {
        Some((q, s, l)) => (Some(q), s, l),
        None => (None, n.start, n.clitic_letters),
    };
    let noun = noun_after(toks, n.end(), sent.end);
    // اعتقلت الشرطة 3 أشخاص: a verb, its subject, then the figure of the people it acted on
    let before = category_before(doc, sent, q_start, inherited).or_else(|| {
        let (k, _) = noun?;
        if !person_like(&toks[k]) {
            return None;
        }
        verb_and_subject_before(doc, sent, q_start).map(|(cat, v, letters)| (Some(cat), v, letters))
    });
    if let Some((k, _)) = noun {
        if count_role(&toks[k], Role::Unit).is_some() {
            return None;
        }
    }
    if toks.get(n.end()).is_some_and(|t| t.norm == "%") {
        return None;
    }
    let state = noun.and_then(|(_, c)| c);
    let after_from = noun.map(|(k, _)| k + 1).unwrap_or(n.end());
    let verb = verb_after(toks, after_from, sent.end);
    let total = || {
        total_before(doc, sent, q_start).map(|(cat, f)| (cat, f, 0)).or_else(|| {
            let person = noun.is_none_or(|(k, _)| person_like(&toks[k]));
            let letters = to_hospital(toks, sent, q_start, after_from).filter(|_| person)?;
            Some((Category::Wound, q_start - 1, letters))
        })
    };
    let (category, first, first_letters) = match before {
        Some((Some(cat), first, letters)) => (cat, first, letters),
        Some((None, first, letters)) => match state.or(verb.map(|v| v.0)) {
            Some(cat) => (cat, first, letters),
            None => total()?,
        },
        None => match state.or(verb.map(|v| v.0)) {
            Some(cat) => (cat, q_start, q_letters),
            None => total()?,
        },
    };
    let mut last = noun.map(|(k, _)| k).unwrap_or(n.end() - 1).max(n.end() - 1);
    // a second word that agrees with the noun (مجرما مسلحا، قتيلا فلسطينيا)
    let mut object = noun.map(|(k, _)| k..k + 1);
    if let Some((k, _)) = noun {
        if let Some(next) = toks.get(k + 1).filter(|_| k + 1 < sent.end) {
            let agree = next.kind == TokenKind::Arabic
                && next.norm.chars().count() > 3
                && toks[k].norm.ends_with('ا')
                && next.norm.ends_with('ا')
                && !next.norm.starts_with("ال");
            if agree {
                object = Some(k..k + 2);
                last = k + 1;
            }
        }
    }
    let mut qualifier = q_before;
    for at in [n.end(), last + 1] {
        if qualifier.is_none() {
            if let Some((q, e)) = qualifier_after(toks, at, sent.end) {
                qualifier = Some(q);
                last = last.max(e - 1);
            }
        }
    }
    if let Some((_, k)) = verb {
        if before.is_none() && state.is_none() {
            last = last.max(k);
        }
    }
    let qualifier = qualifier.unwrap_or(if n.vague { Qualifier::Vague } else { Qualifier::Exact });
    let value = whole_people(toks, n);
    // قتل وأصيب 30، مقتل وجرح مئات: each coordinated event word has the figure
    let mut also = Vec::new();
    if matches!(before, Some((Some(_), _, _))) {
        for t in &toks[first + 1..q_start] {
            match category_of(t, Role::Event) {
                Some((c, _)) if t.norm.starts_with('و') => {
                    if c != category && !also.contains(&c) {
                        also.push(c);
                    }
                }
                _ => break,
            }
        }
    }
    Some(Found { category, value, qualifier, first, first_letters, last, object, also, shown_from: None })
}

/// People are counted in whole numbers: a figure in digits with a period before exactly three
/// digits and no scale word (100.000 نازح، 1.500 قتيل) groups thousands as French-style copy
/// writes them — a hundred thousand, never a hundred (an amount keeps the decimal: 1.985 دينار).
fn whole_people(toks: &[Token], n: &NumberMatch) -> f64 {
    if n.digits && n.len == 1 {
        if let Some((int, frac)) = toks[n.start].norm.split_once('.') {
            if (1..=3).contains(&int.len()) && frac.len() == 3 && !int.starts_with('0') {
                return format!("{int}{frac}").parse().unwrap_or(n.value);
            }
        }
    }
    n.value
}

/// Whether a word (no clitic) is listed with `role` in the count lexicon.
fn listed(word: &str, role: Role) -> bool {
    COUNTS.find_map(word, |w| (w.role == role).then_some(())).is_some_and(|(_, letters)| letters == 0)
}

/// A dual of a person noun the lexicon lists in the singular: شرطيتين، الضحيتان (a feminine in
/// ـتين/ـتان, never a plural), جنديان (a masculine nominative in ـان). The masculine oblique in
/// ـين is left to the dual list: it is also the sound plural (متظاهرين).
fn derived_dual(norm: &str) -> bool {
    let w = norm.strip_prefix("ال").unwrap_or(norm);
    let person = |base: &str| listed(base, Role::Single) || listed(base, Role::State);
    if let Some(stem) = w.strip_suffix("تين").or_else(|| w.strip_suffix("تان")) {
        if stem.chars().count() >= 2 && (person(&format!("{stem}ه")) || person(stem)) {
            return true;
        }
    }
    // four letters at least: فتيان is the plural of فتى, صحفيان the dual of صحفي
    w.strip_suffix("ان").is_some_and(|stem| stem.chars().count() >= 4 && listed(stem, Role::Single))
}

/// The figure a word gives for one or two people, with the category its noun names: شخصين،
/// قتيلين، جندي, and with `coordinated` the same after و (شرطيتين وطالب).
fn word_figure(t: &Token, coordinated: bool) -> Option<(f64, Option<Category>)> {
    let letters_ok = |l: usize| l == 0 || (coordinated && l == 1 && t.norm.starts_with('و'));
    let bare = if coordinated { t.norm.strip_prefix('و').unwrap_or(&t.norm) } else { &t.norm };
    if matches!(bare, "قتيلين" | "قتيلان" | "جريحين" | "جريحان") {
        return Some((2.0, category_of(t, Role::State).map(|x| x.0)));
    }
    if count_role(t, Role::Dual).is_some_and(|(_, l)| letters_ok(l)) || derived_dual(bare) {
        return Some((2.0, None));
    }
    if count_role(t, Role::Single).is_some_and(|(_, l)| letters_ok(l)) {
        return Some((1.0, category_of(t, Role::State).map(|x| x.0)));
    }
    // استشهد فلسطيني، مقتل إسرائيلية: an indefinite nationality in the singular is one person
    let letters = t.norm.chars().count() - bare.chars().count();
    if letters_ok(letters)
        && !bare.starts_with("ال")
        && (bare.ends_with('ي') || bare.ends_with("يه"))
        && crate::events::words::nationality(t).is_some()
    {
        return Some((1.0, None));
    }
    // استشهد فلسطينيان، أصيبت إسرائيليتان: and in the dual of the nominative, two (the oblique
    // ـيين is also the plural)
    if letters_ok(letters)
        && !bare.starts_with("ال")
        && (bare.ends_with("يان") || bare.ends_with("يتان"))
        && crate::events::words::nationality(t).is_some()
    {
        return Some((2.0, None));
    }
    None
}

/// Figures written as words for one or two people: مقتل جندي، سقوط قتيل، مقتل شخصين، قتيلين،
/// مقتل أحد الطلاب; and after a count that ends right before, و and one or two more people of
/// its category (أودى بحياة شرطيتين وطالب).
fn count_at_word(
    doc: &Doc,
    sent: &Range<usize>,
    i: usize,
    prev: Option<&CountRec>,
    inherited: Option<Category>,
) -> Option<Found> {
    let toks = &doc.tokens;
    let t = &toks[i];
    let after_prev = prev.filter(|c| c.tokens.end == i && t.norm.starts_with('و') && i > sent.start);
    if let Some(c) = after_prev {
        // 1000 قتيل وجريح: a noun of another state is the same figure's second category, not a person more
        let (value, state) = word_figure(t, true)?;
        if state.is_some() {
            return None;
        }
        return Some(Found {
            category: c.category,
            value,
            qualifier: Qualifier::Exact,
            first: i,
            first_letters: 1,
            last: i,
            object: Some(i..i + 1),
            also: Vec::new(),
            shown_from: None,
        });
    }
    // مقتل أحد الطلاب، أحد عناصر الشرطة: one of a definite group of people
    let one_of = matches!(t.norm.as_str(), "احد" | "احدي")
        && i + 1 < sent.end
        && (toks[i + 1].norm.starts_with("ال") && person_like(&toks[i + 1]) || group_in_construct(toks, sent, i + 1));
    let said_one = toks.get(i + 1).is_some_and(|n| i + 1 < sent.end && is_one(&n.norm));
    let (value, noun_cat) = match word_figure(t, false) {
        _ if one_of => (1.0, None),
        Some(x) => x,
        // شخصا واحدا: the accusative of a listed person noun
        None if said_one && t.norm.strip_suffix('ا').is_some_and(|w| listed(w, Role::Single)) => (1.0, None),
        None => return None,
    };
    // (بينهم طفلان، منهم امرأة: a breakdown in words takes the category of the count before)
    let mut before = if i > sent.start { category_before(doc, sent, i, inherited) } else { None };
    // استشهد فلسطيني: an event word the model was not trained with, right before
    if before.is_none() && i > sent.start {
        let late = proclitic_splits(&toks[i - 1].norm).find_map(|(l, w)| LATE_EVENTS.get(w.as_ref()).map(|&c| (c, l)));
        before = late.map(|(cat, letters)| (Some(cat), i - 1, letters));
    }
    // اعتقلت الشرطة شخصين، اعتقلت تركيا جنديين: a verb and its subject before two people
    if before.is_none() && value == 2.0 {
        before = verb_and_subject_before(doc, sent, i).map(|(cat, v, letters)| (Some(cat), v, letters));
    }
    // طفلين قتلا، شخصا واحدا أصيب: two people, or one said to be one, and the verb after them
    let one = !one_of && value == 1.0 && said_one;
    let told_after = if before.is_none() && noun_cat.is_none() && (value == 2.0 || one) {
        let from = if one { i + 2 } else { i + 1 };
        let verb = toks.get(from).filter(|_| from < sent.end);
        let role = if one { Role::After } else { Role::AfterTwo };
        verb.and_then(|v| category_of(v, role)).map(|(cat, _)| (cat, from))
    } else {
        None
    };
    let (category, first, first_letters) = match (before, noun_cat, told_after) {
        (_, _, Some((cat, _))) => (cat, i, 0),
        // مقتل جندي
        (Some((Some(cat), first, letters)), _, _) if toks[i - 1].end <= t.start => (cat, first, letters),
        // سقوط قتيل
        (Some((None, first, letters)), Some(cat), _) => (cat, first, letters),
        // قتيلين alone
        (None, Some(cat), _) if value == 2.0 => (cat, i, 0),
        _ => return None,
    };
    if value == 1.0 && first + 1 != i && told_after.is_none() {
        return None;
    }
    // وإصابة آخر is one more person hurt; تجمع آخر, another rally, is no protester
    if t.norm == "اخر" && matches!(category, Category::Protest | Category::Displace) {
        return None;
    }
    // a nationality after an event word in construct with a noun before it describes that noun
    // (طالب لجوء سوري، مذكرة توقيف إسبانية), and after a word of displacement it is no one
    let national = count_role(t, Role::Single).is_none() && !one_of && crate::events::words::nationality(t).is_some();
    if national
        && (category == Category::Displace
            || first > sent.start && !doc.analysis(first - 1).article && {
                let w = doc.analysis(first - 1).word.as_str();
                matches!(w, "طالب" | "طالبي" | "مذكره" | "مذكرات" | "امر" | "اوامر" | "قرار")
            })
    {
        return None;
    }
    let mut last = match told_after {
        Some((_, verb)) => verb,
        // (قتل شخص واحد: the واحد said after the noun is no figure of its own)
        None if one_of || value == 1.0 && said_one => i + 1,
        None => i,
    };
    let mut qualifier = None;
    if let Some((q, e)) = qualifier_after(toks, last + 1, sent.end) {
        qualifier = Some(q);
        last = e - 1;
    }
    Some(Found {
        category,
        value,
        qualifier: qualifier.unwrap_or(Qualifier::Exact),
        first,
        first_letters,
        last,
        object: Some(i..if one_of { i + 2 } else { i + 1 }),
        also: Vec::new(),
        shown_from: None,
    })
}

/// A plural of people in construct at `k`, the group one of whom is counted (أحد عناصر الشرطة،
/// إحدى موظفات السفارة، أحد موظفيها): a plural the lexicon lists (عناصر، أفراد) or the sound plural
/// of a listed person noun (موظفي، موظفات), with a pronoun on it or a definite word after it.
fn group_in_construct(toks: &[Token], sent: &Range<usize>, k: usize) -> bool {
    let w = toks[k].norm.as_str();
    if toks[k].kind != TokenKind::Arabic || w.starts_with("ال") {
        return false;
    }
    let suffix = ["هما", "ها", "هم", "هن", "نا", "كم", "ه"].into_iter().find_map(|p| w.strip_suffix(p));
    let base = suffix.filter(|b| b.chars().count() >= 3).unwrap_or(w);
    // a pronoun on it, or a definite word after it
    let bounded = suffix.is_some() || toks.get(k + 1).is_some_and(|n| k + 1 < sent.end && n.norm.starts_with("ال"));
    // the sound masculine plural loses its ن in construct (موظفي); ئ before a pronoun is ء (ابنائه)
    let person = PERSON_PLURALS.contains(base)
        || base.strip_suffix('ي').is_some_and(|s| listed(s, Role::Single))
        || base.strip_suffix("ات").is_some_and(|s| listed(&format!("{s}ه"), Role::Single));
    bounded && person
}

/// واحد after a person noun: the one is said, not implied (شخص واحد، جنديا واحدا).
fn is_one(norm: &str) -> bool {
    matches!(norm, "واحد" | "واحدا" | "واحده" | "واحدة")
}

/// Words before a figure that deny what it counts (لم يقتل أحد، نفى اعتقال).
fn is_negation(norm: &str) -> bool {
    proclitic_splits(norm).any(|(_, r)| matches!(r.as_ref(), "لم" | "لن" | "لا" | "ليس" | "غير" | "دون" | "نفي" | "نفت"))
}

/// A bucket of a distance in tokens: 1, 2, 3 (three or four), 5 (five and more).
fn bucket(d: usize) -> usize {
    match d {
        0..=2 => d.max(1),
        3 | 4 => 3,
        _ => 5,
    }
}

/// A word without its conjunction, preposition and article: the form features name.
fn bare(norm: &str) -> &str {
    let w = norm.strip_prefix('و').filter(|r| r.chars().count() > 2).unwrap_or(norm);
    let w = ["بال", "لل", "كال", "ال"]
        .iter()
        .find_map(|p| w.strip_prefix(p).filter(|r| r.chars().count() > 1))
        .unwrap_or(w);
    w
}

/// How far before and after a figure the model looks for words of the categories.
const WINDOW: usize = 8;

/// Beginnings of words that say a figure near them may count people of a category (قتل،
/// ضحي، مصرع، محتجز، نزوح…), wider than the count lexicon: they make a figure a candidate.
static CUES: Lazy<Category> = lexicon!("count_cues", |t| t.parse().ok());

/// The count cue a word begins with (after its proclitics and article), longest first: its
/// category and the cue.
fn cue(t: &Token) -> Option<(Category, String)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    proclitic_splits(&t.norm).find_map(|(_, r)| {
        let w = r.strip_prefix("ال").filter(|w| w.chars().count() >= 3).unwrap_or(&r);
        let ends: Vec<usize> = w.char_indices().map(|(b, _)| b).skip(3).chain(std::iter::once(w.len())).collect();
        ends.into_iter()
            .rev()
            .filter(|&e| crate::lexicon::ENDINGS.contains(&&w[e..]))
            .find_map(|e| CUES.get(&w[..e]).map(|&c| (c, w[..e].to_string())))
    })
}

/// A word of a category near a figure: which list names it (`e` event, `s` state, `a` verb
/// after, `c` cue), on which side (`b` before, `a` after), how far, and the word itself.
struct Evidence {
    category: Category,
    kind: char,
    side: char,
    distance: usize,
    word: String,
}

/// What the model reads around a figure: the features every category shares, and the words of
/// each category near it. None when the figure is no candidate (no word of a category within
/// [`WINDOW`] words of it in its sentence and no rule reading).
struct FigureContext {
    shared: Vec<String>,
    evidence: Vec<Evidence>,
    /// The categories it may count: the rules' and those its words name.
    categories: Vec<Category>,
}

fn figure_context(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, rule: Option<&Found>) -> Option<FigureContext> {
    let toks = &doc.tokens;
    let q_start = qualifier_before(toks, n.start, sent.start).map_or(n.start, |(_, s, _)| s);
    let mut shared: Vec<String> = vec!["bias".into()];
    let mut evidence = Vec::new();
    let lo = q_start.saturating_sub(WINDOW).max(sent.start);
    let hi = (n.end() + WINDOW).min(sent.end);
    for k in (lo..q_start).chain(n.end()..hi) {
        let t = &toks[k];
        let (side, distance) = if k < q_start { ('b', q_start - k) } else { ('a', k + 1 - n.end()) };
        let stem = |letters: usize| t.norm.char_indices().nth(letters).map_or("", |(b, _)| &t.norm[b..]).to_string();
        for (role, kind) in [(Role::Event, 'e'), (Role::State, 's'), (Role::After, 'a')] {
            if let Some((category, letters)) = category_of(t, role) {
                evidence.push(Evidence { category, kind, side, distance, word: stem(letters) });
            }
        }
        if let Some((category, word)) = cue(t) {
            evidence.push(Evidence { category, kind: 'c', side, distance, word });
        }
        if count_role(t, Role::Neutral).is_some() {
            shared.push(format!("neutral{side}{}", bucket(distance)));
        }
        if count_role(t, Role::Unit).is_some() {
            shared.push(format!("unit{side}{}", bucket(distance)));
        }
        if side == 'b' && distance <= 4 && is_negation(&t.norm) {
            shared.push("neg".into());
        }
        if t.kind == TokenKind::Number {
            shared.push(format!("figure{side}"));
        }
    }
    let mut categories: Vec<Category> = Vec::new();
    for c in rule
        .iter()
        .flat_map(|r| std::iter::once(r.category).chain(r.also.iter().copied()))
        .chain(evidence.iter().map(|e| e.category))
    {
        if !categories.contains(&c) {
            categories.push(c);
        }
    }
    if categories.is_empty() {
        return None;
    }
    // the words right around the figure
    for (name, k) in [
        ("p1", q_start.checked_sub(1)),
        ("p2", q_start.checked_sub(2)),
        ("n1", Some(n.end())),
        ("n2", Some(n.end() + 1)),
    ] {
        match k.filter(|&k| k >= sent.start && k < sent.end) {
            Some(k) if toks[k].is_word() => shared.push(format!("{name}={}", bare(&toks[k].norm))),
            Some(k) if toks[k].kind == TokenKind::Number => shared.push(format!("{name}=#")),
            Some(k) => shared.push(format!("{name}={}", toks[k].norm)),
            None => shared.push(format!("{name}=^")),
        }
    }
    match noun_after(toks, n.end(), sent.end) {
        Some((k, _)) => {
            shared.push(format!("noun={}", bare(&toks[k].norm)));
            shared.push(format!("person={}", person_like(&toks[k])));
        }
        None => shared.push("noun=-".into()),
    }
    if q_start < n.start {
        shared.push("qualified".into());
    }
    // a figure written onto a word is part of a name (فرانس24، G20)
    if !toks[n.start].space_before && n.start > sent.start && toks[n.start - 1].is_word() {
        shared.push("glued".into());
    }
    let value = whole_people(toks, n);
    if is_year(toks, sent, n) {
        shared.push("year".into());
    }
    shared.push(format!("digits={}", n.digits));
    shared.push(format!("vague={}", n.vague));
    let size = if value < 1.5 { 0 } else { (value.log10().floor() as i32 + 1).min(7) };
    shared.push(format!("size={size}"));
    Some(FigureContext { shared, evidence, categories })
}

/// The features of a (figure, category) pair: the shared ones, what the rules say of the
/// category, and how the category's words stand to the figure.
fn pair_features(ctx: &FigureContext, c: Category, rule: Option<&Found>) -> Vec<String> {
    let mut f = ctx.shared.clone();
    f.push(format!("cat={c}"));
    f.push(
        match rule {
            Some(r) if r.category == c => "rule=same",
            Some(r) if r.also.contains(&c) => "rule=also",
            Some(_) => "rule=other",
            None => "rule=none",
        }
        .into(),
    );
    let mine = ctx.evidence.iter().filter(|e| e.category == c);
    let mut nearest: Option<&Evidence> = None;
    for e in mine {
        f.push(format!("{}{}{}", e.kind, e.side, bucket(e.distance)));
        f.push(format!("{}{}", e.kind, e.side));
        f.push(format!("w{}={}", e.side, e.word));
        if nearest.is_none_or(|x| e.distance < x.distance) {
            nearest = Some(e);
        }
    }
    f.sort();
    f.dedup();
    match nearest {
        Some(e) => {
            f.push(format!("near{}{}", e.side, bucket(e.distance)));
            f.push(format!("near{}{}{}", e.kind, e.side, bucket(e.distance)));
            if ctx.evidence.iter().any(|o| o.category != c && o.distance < e.distance) {
                f.push("other_nearer".into());
            }
        }
        None => f.push("no_word".into()),
    }
    f
}

/// A count the model keeps where the rules found none, or of another category than theirs: the
/// words from the nearest word of its category before the figure (else the figure and its
/// qualifier) to the noun after it.
fn model_found(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, category: Category) -> Found {
    let toks = &doc.tokens;
    let (qualifier, q_start, q_letters) = match qualifier_before(toks, n.start, sent.start) {
        Some((q, s, l)) => (Some(q), s, l),
        None => (None, n.start, n.clitic_letters),
    };
    let lo = q_start.saturating_sub(WINDOW).max(sent.start);
    let before = (lo..q_start)
        .rev()
        .find_map(|k| category_of(&toks[k], Role::Event).filter(|&(c, _)| c == category).map(|(_, l)| (k, l)));
    let (first, first_letters) = before.unwrap_or((q_start, q_letters));
    // the words shown stop at another figure between: those of مقتل 193 هولنديا و43 ماليزيا that
    // give 43 are 43 ماليزيا, the event word is the first figure's
    // (a year is no figure: قتل في 2014 خمسة أشخاص)
    let figure_between = (first + 1..q_start)
        .any(|k| parse_number(toks, k).is_some_and(|m| !is_year(toks, sent, &m) && !in_date(doc, &m)));
    let shown_from = figure_between.then_some((q_start, q_letters));
    let noun = noun_after(toks, n.end(), sent.end);
    let mut last = noun.map_or(n.end() - 1, |(k, _)| k).max(n.end() - 1);
    let mut qualifier = qualifier;
    if qualifier.is_none() {
        if let Some((q, e)) = qualifier_after(toks, last + 1, sent.end) {
            qualifier = Some(q);
            last = e - 1;
        }
    }
    Found {
        category,
        value: whole_people(toks, n),
        qualifier: qualifier.unwrap_or(if n.vague { Qualifier::Vague } else { Qualifier::Exact }),
        first,
        first_letters,
        last,
        object: noun.map(|(k, _)| k..k + 1),
        also: Vec::new(),
        shown_from,
    }
}

/// The model's decision on a figure the rules read as `rule`: the best-scoring category above
/// zero, with the rules' count where they agree (with their coordinated categories), else a
/// count of the category the model picks; or none.
fn decide(
    doc: &Doc,
    sent: &Range<usize>,
    n: &NumberMatch,
    rule: Option<Found>,
    model: &CountModel,
    ctx: &FigureContext,
) -> Option<Found> {
    let scored: Vec<(Category, f32)> =
        ctx.categories.iter().map(|&c| (c, model.score(&pair_features(ctx, c, rule.as_ref())))).collect();
    let &(category, best) = scored.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
    if best <= 0.0 {
        return None;
    }
    match rule {
        // the categories coordinated with the first event word (مقتل وجرح 30) share its figure:
        // the construction says so, and the model's decision on the figure holds for them all
        // (scored on their own, a second category's words stand farther from the figure)
        Some(r) if r.category == category => Some(r),
        Some(r) => Some(Found { category, also: Vec::new(), ..r }),
        None if adds_no_count(doc, sent, n, category) => None,
        None => Some(model_found(doc, sent, n, category)),
    }
}

/// Where the rules found no count, what the language says the model may not add: a figure of
/// things (4 أضعاف), or a category named only by a verbal noun in construct, the charge and not
/// the act (سبعة جنود بتهم قتل قرويين).
fn adds_no_count(doc: &Doc, sent: &Range<usize>, n: &NumberMatch, category: Category) -> bool {
    let toks = &doc.tokens;
    if noun_after(toks, n.end(), sent.end).is_some_and(|(k, _)| !person_like(&toks[k])) {
        return true;
    }
    let lo = n.start.saturating_sub(WINDOW).max(sent.start);
    let hi = (n.end() + WINDOW).min(sent.end);
    let named = |k: usize| {
        category_of(&toks[k], Role::Event).is_some_and(|(c, _)| c == category)
            || cue(&toks[k]).is_some_and(|(c, _)| c == category)
    };
    let words: Vec<usize> = (lo..hi).filter(|&k| named(k)).collect();
    !words.is_empty() && words.iter().all(|&k| k > sent.start && CONSTRUCT_HEADS.has(&toks[k - 1].norm))
}

/// A year written alone (اعتداءات 2009، 2013 - وفاة): four digits from 1900 to 2100 with no
/// noun of people after them and neither a qualifier nor an event word right before them.
fn is_year(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    // a qualifier (أكثر من 2000، نحو 2000) or an event word (وجرح 2000) right before makes it a
    // figure; not a plural one, which names the year's events (اعتقالات 2016)
    let counted = qualifier_before(toks, n.start, sent.start).is_some()
        || n.start > sent.start
            && !toks[n.start - 1].norm.ends_with("ات")
            && category_of(&toks[n.start - 1], Role::Event).is_some();
    n.digits
        && n.len == 1
        && toks[n.start].norm.len() == 4
        && (1900.0..=2100.0).contains(&n.value)
        && !counted
        && noun_after(toks, n.end(), sent.end).is_none_or(|(k, _)| !person_like(&toks[k]))
}

/// A figure joined to another by a dash (فوز ليفربول 2-1، الفوز 3-0، التعادل 1 - 1، طريقة
/// 3-5-2): a score or a formation, unless people are counted right after it (قتل 5-6 أشخاص).
fn is_score(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    let dash = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "-" | "–" | "—"))
    };
    let figure = |k: usize| k < sent.end && toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let before = n.start >= sent.start + 2 && dash(n.start - 1) && figure(n.start - 2);
    let after = dash(n.end()) && figure(n.end() + 1);
    if !before && !after {
        return false;
    }
    // the last figure of the run, and whether people follow it
    let mut last = n.end() - 1;
    while dash(last + 1) && figure(last + 2) {
        last += 2;
    }
    noun_after(toks, last + 1, sent.end).is_none_or(|(k, _)| !person_like(&toks[k]))
}

/// A figure that is no number of people an event befell but a share (3 في المئة، 12%), the base
/// of a rate (لكل 100 ألف شخص) or, when the event word stands before it (`first`), the whole a part was taken from
/// (قتل سبعة إيرانيين من بين 14 شخصا); a whole that names its own event is one (من أصل 68,5
/// مليون نازح، من بين 53 معتقلا).
fn is_rate_or_total(toks: &[Token], sent: &Range<usize>, n: &NumberMatch, first: usize) -> bool {
    let p = qualifier_before(toks, n.start, sent.start).map_or(n.start, |(_, s, _)| s);
    let word = |k: usize| toks[k].norm.as_str();
    // a share of a whole: 3 في المئة، 40 بالمائة، 12%
    let at = |k: usize| (k < sent.end).then(|| word(k));
    let share = matches!(at(n.end()), Some("%" | "٪" | "بالمئه" | "بالمائه"))
        || at(n.end()) == Some("في") && matches!(at(n.end() + 1), Some("المئه" | "المائه"));
    share
        || (p > sent.start && word(p - 1) == "لكل")
        || (p > sent.start + 1
            && first + 2 < p
            && word(p - 2) == "من"
            && matches!(word(p - 1), "بين" | "اصل" | "مجموع" | "اجمالي"))
}

/// Things of sport and games a figure counts (`count_things.tsv`).
static THINGS: Lazy = lexicon!("count_things");

/// A figure that counts things right after it (خطف ثلاث نقاط، حصد 5 ميداليات), not people.
fn counts_things(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    noun_after(toks, n.end(), sent.end).is_some_and(|(k, _)| {
        let w = toks[k].norm.as_str();
        THINGS.contains(w.strip_prefix("ال").unwrap_or(w))
    })
}

/// Words of disease and infection (`diseases.tsv`).
static DISEASES: Lazy = lexicon!("diseases");

/// A figure of the sick, not the injured: a word of disease in its clause, within the window
/// before or after it (أصيب نحو 216 مليون شخص بالملاريا، عدد المرضى المصابين بالإيدز حوالي 37
/// مليون، 500 ألف حالة إصابة جديدة بالفيروس). إصابة is both a wound and an infection; the disease
/// named beside it says which. A comma or a full stop ends the clause.
fn infection(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    let clause_end =
        |k: usize| toks[k].kind == TokenKind::Punct && matches!(toks[k].norm.as_str(), "،" | "," | "؛" | ";" | ".");
    let disease = |k: usize| {
        let t = &toks[k];
        t.kind == TokenKind::Arabic
            && (DISEASES.has(&t.norm) || k + 1 < sent.end && DISEASES.has(&format!("{} {}", t.norm, toks[k + 1].norm)))
    };
    let after = (n.end()..(n.end() + WINDOW).min(sent.end)).take_while(|&k| !clause_end(k)).any(disease);
    let before =
        (n.start.saturating_sub(WINDOW).max(sent.start)..n.start).rev().take_while(|&k| !clause_end(k)).any(disease);
    after || before
}

/// Words of saving (`life_saving.tsv`).
static LIFE_SAVING: Lazy = lexicon!("life_saving");

/// A count of KILL whose words (starting at `first`) follow a word of saving: lives saved (أنقذ
/// حياة طفل، تنقذ أرواح خمسة أطفال، انتشال جثث 35 مهاجرا وإنقاذ 67 آخرين), not the dead.
fn saved(toks: &[Token], sent: &Range<usize>, first: usize) -> bool {
    (first.saturating_sub(2).max(sent.start)..=first)
        .any(|k| toks[k].kind == TokenKind::Arabic && LIFE_SAVING.has(&toks[k].norm))
}

/// A figure of people taking part (يشارك 58 لاعبا، يشارك أكثر من 200 شرطي في حملة مداهمات) with no
/// protest in its sentence: the only words of PROTEST near it are verbs of taking part, and no
/// noun or event word of a protest stands anywhere in the sentence. Taking part is a protest's
/// only where a protest is named (شارك فيها الآلاف after مظاهرات).
fn joined_no_protest(toks: &[Token], sent: &Range<usize>, n: &NumberMatch) -> bool {
    let lo = n.start.saturating_sub(WINDOW).max(sent.start);
    let hi = (n.end() + WINDOW).min(sent.end);
    // the cue stems of taking part in `count_cues.tsv` (شاركت، يشاركون end one of them)
    let joining = |w: &str| matches!(w, "شارك" | "يشارك");
    let cues: Vec<String> =
        (lo..hi).filter_map(|k| cue(&toks[k]).filter(|(c, _)| *c == Category::Protest).map(|(_, w)| w)).collect();
    let protest_named = toks[sent.clone()].iter().any(|t| {
        PROTEST_WORDS.has(&t.norm) || category_of(t, Role::Event).is_some_and(|(c, _)| c == Category::Protest)
    });
    !cues.is_empty() && cues.iter().all(|w| joining(w)) && !protest_named
}

/// Whether a figure is part of a date the dates component found (it runs first).
fn in_date(doc: &Doc, n: &NumberMatch) -> bool {
    let figure = doc.span(n.start..n.end());
    doc.records.dates.iter().any(|d| d.span.start < figure.end && figure.start < d.span.end)
}

/// A figure the model decides on, as `khabar counts train` labels it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The figure's byte span in the text.
    pub span: Range<usize>,
    /// The number of people it gives.
    pub value: f64,
    /// Each category it may count, with the pair's features.
    pub pairs: Vec<(Category, Vec<String>)>,
    /// The rules' reading (their category), a baseline for `khabar counts eval`.
    pub rule: Option<Category>,
}

/// Every figure the model decides on in a text, with its features, as the rules read the text
/// (dates found first, as in the pipeline): what `khabar counts train` labels and learns from.
pub fn candidates(text: &str, published: Option<&str>) -> Vec<Candidate> {
    let mut doc = Doc::new(text, published);
    doc.records.dates = crate::dates::extract(&doc);
    let mut out = Vec::new();
    run(&doc, None, &mut |n, rule, ctx| {
        out.push(Candidate {
            span: doc.span(n.start..n.end()),
            value: whole_people(&doc.tokens, n),
            pairs: ctx.categories.iter().map(|&c| (c, pair_features(ctx, c, rule))).collect(),
            rule: rule.map(|r| r.category),
        })
    });
    out
}

/// Every count in the document, in text order, as the committed model decides.
pub fn extract(doc: &Doc) -> Vec<CountRec> {
    run(doc, Some(CountModel::embedded()), &mut |_, _, _| ())
}

/// Every count in the document, in text order: with a model, the model decides on every
/// candidate figure; without, the rules do. `seen` gets every candidate's features.
fn run(
    doc: &Doc,
    model: Option<&CountModel>,
    seen: &mut dyn FnMut(&NumberMatch, Option<&Found>, &FigureContext),
) -> Vec<CountRec> {
    let toks = &doc.tokens;
    let mut out: Vec<CountRec> = Vec::new();
    // the category a breakdown (بينهم 10) takes: that of the nearest figure of people before,
    // when it was counted; such a figure counted as nothing in between (وصل 1,910 مهاجرين، من
    // بينهم 39 امرأة) breaks the chain
    let mut inherited: Option<Category> = None;
    for sent in &doc.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let mut figure = false;
            let (found, next) = match parse_number(toks, i) {
                // a figure in a date (توفي في 17 تشرين الثاني) or a year alone (2013 الذي قتل)
                // is never a count
                Some(n) if n.end() <= sent.end && (in_date(doc, &n) || is_year(toks, sent, &n)) => (None, n.end()),
                Some(n) if n.end() <= sent.end => {
                    let rule = count_at_number(doc, sent, &n, inherited);
                    let ctx = figure_context(doc, sent, &n, rule.as_ref());
                    if let Some(ctx) = &ctx {
                        seen(&n, rule.as_ref(), ctx);
                    }
                    let found = match (model, ctx) {
                        (Some(m), Some(ctx)) => decide(doc, sent, &n, rule, m, &ctx),
                        _ => rule,
                    };
                    // a score, a figure of things, the sick and people taking part in no protest
                    // are never counts, whatever the words around them say (a filter after the
                    // decision: the model is trained on every candidate as before)
                    let excluded = |f: &Found| {
                        is_score(toks, sent, &n)
                            || is_rate_or_total(toks, sent, &n, f.first)
                            // (no fraction of a person: 111.33 جريمة قتل لكل 100 ألف)
                            || f.value.fract() != 0.0
                            || counts_things(toks, sent, &n)
                            || f.category == Category::Wound && infection(toks, sent, &n)
                            || f.category == Category::Protest && joined_no_protest(toks, sent, &n)
                    };
                    // (with a model only: training reads the rules alone)
                    let found = if model.is_some() {
                        read_after_decision(doc, sent, &n, found)
                            .or_else(|| late_after(doc, sent, &n))
                            .or_else(|| coordinated_figure(doc, sent, &n, out.last()))
                            .or_else(|| unlinked_total(doc, sent, &n))
                            .or_else(|| cases_counted(doc, sent, &n))
                    } else {
                        found
                    };
                    let found = found
                        .filter(|f| !excluded(f))
                        .map(|f| range_lower_bound(toks, sent, &n, f))
                        .map(|f| times_vague_before(toks, sent, &n, f));
                    // a figure of people (ستة مصارف is none) that is no count breaks the chain
                    figure = toks.get(n.end()).is_some_and(person_like);
                    (found, n.end())
                }
                Some(n) => (None, n.end()),
                None => {
                    let found = count_at_word(doc, sent, i, out.last(), inherited);
                    // past the words it took (شخصا واحدا أصيب: واحدا is no figure of its own)
                    let next = found.as_ref().map_or(i + 1, |f| f.last.max(i) + 1);
                    (found, next)
                }
            };
            // lives saved are not the dead (a filter on both paths: أنقذ حياة طفل has no figure)
            let found = found.filter(|f| {
                let saving = saved(toks, sent, f.first) || f.shown_from.is_some_and(|(k, _)| saved(toks, sent, k));
                !(f.category == Category::Kill && saving)
            });
            if figure && found.is_none() {
                inherited = None;
            }
            if let Some(f) = found {
                let (from, letters) = f.shown_from.unwrap_or((f.first, f.first_letters));
                let start = doc.start_after_clitic(from, letters);
                let span = start..toks[f.last].end;
                let object = f.object.map(|r| doc.span(r));
                let source = source_for(doc, sent, f.first).map(|span| SourceRec { span, entity: None });
                inherited = Some(f.also.last().copied().unwrap_or(f.category));
                for category in std::iter::once(f.category).chain(f.also.iter().copied()) {
                    out.push(CountRec {
                        category,
                        value: f.value,
                        qualifier: f.qualifier,
                        object: object.clone(),
                        source: source.clone(),
                        span: span.clone(),
                        tokens: f.first..f.last + 1,
                        scope: Default::default(),
                        country: None,
                    });
                }
                // a breakdown the count's words took in (13 مدنيا بينهم 4 أطفال لقوا مصرعهم) is read
                // on its own: the scan goes on after the figure (with a model only: training reads
                // the figures the rules read)
                let breakdown =
                    model.is_some() && (next..f.last).any(|k| of_whom(&toks[k]) && parse_number(toks, k + 1).is_some());
                i = if breakdown { next } else { next.max(f.last + 1) };
            } else {
                i = next;
            }
        }
    }
    out
}

/// The counts component.
pub struct Counts;

impl crate::component::Component for Counts {
    fn name(&self) -> &'static str {
        "counts"
    }
    fn uses(&self) -> &'static [&'static str] {
        // a figure inside a date is no count
        &["dates"]
    }
    fn assigns(&self) -> &'static str {
        "figures of people with category, qualifier, counted noun and the words naming their source"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.counts = extract(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(text: &str) -> Vec<(String, f64, String, String)> {
        let doc = Doc::new(text, None);
        extract(&doc)
            .into_iter()
            .map(|c| (c.category.to_string(), c.value, c.qualifier.to_string(), text[c.span].to_string()))
            .collect()
    }

    fn c(cat: &str, v: f64, q: &str, t: &str) -> (String, f64, String, String) {
        (cat.into(), v, q.into(), t.into())
    }

    #[test]
    fn the_sick_lives_saved_and_people_taking_part_are_no_counts() {
        for text in [
            // إصابة with a disease beside it is an infection, not a wound
            "وأصيب نحو 216 مليون شخص بالملاريا في 91 دولة.",
            "ويبلغ عدد المرضى المصابين بالإيدز حوالي 37 مليون شخص.",
            // lives saved, people taking part in no protest, units of time
            "وقالت إن هذه الأعضاء من الممكن أن تنقذ أرواح خمسة أطفال آخرين.",
            "وساهم في إنقاذ حياة 20 شخصا.",
            "وأنقذ حياة طفل.",
            "ويشارك 58 لاعبا ولاعبة من روسيا في البطولة.",
            "ويجب فقدان 90 ثانية للوصول إلى القرار.",
        ] {
            assert_eq!(counts(text), vec![], "{text}");
        }
        // the dead of a disease stay dead, a wound a clause away from a disease stays a wound, and
        // the dead and a protest's participants stay counts
        for (text, want) in [
            ("وتوفي 90 شخصا بسبب المرض.", c("KILL", 90.0, "exact", "توفي 90 شخصا")),
            ("وأصيب 20 شخصا بجروح، وكان المرض قد انتشر.", c("WOUND", 20.0, "exact", "أصيب 20 شخصا")),
            ("أودى الهجوم بحياة 20 شخصا.", c("KILL", 20.0, "exact", "حياة 20 شخصا")),
            ("وشارك آلاف الأردنيين في وقفات احتجاجية.", c("PROTEST", 1000.0, "vague", "آلاف الأردنيين")),
            ("وانطلقت مظاهرة حاشدة شارك فيها 400 شخص.", c("PROTEST", 400.0, "exact", "شارك فيها 400 شخص")),
        ] {
            assert_eq!(counts(text), vec![want], "{text}");
        }
    }

    #[test]
    fn a_figure_like_a_year_after_an_event_word_counts() {
        let cases: [(&str, Vec<_>); 4] = [
            (
                "وأسفرت المواجهات عن مقتل 5 وجرح 2000.",
                vec![c("KILL", 5.0, "exact", "مقتل 5"), c("WOUND", 2000.0, "exact", "جرح 2000")],
            ),
            ("وأسفرت المواجهات عن جرح أكثر من 2000.", vec![c("WOUND", 2000.0, "more_than", "جرح أكثر من 2000")]),
            // years stay years
            ("وشهدت البلاد اعتقالات 2016 الواسعة.", vec![]),
            ("وقتل في 2014 خمسة أشخاص.", vec![c("KILL", 5.0, "exact", "قتل في 2014 خمسة أشخاص")]),
        ];
        for (text, want) in cases {
            assert_eq!(counts(text), want, "{text}");
        }
    }

    #[test]
    fn event_before_figure() {
        assert_eq!(
            counts("أعلنت الوزارة مقتل 26 \"مجرما مسلحا\" وإصابة 18 آخرين بجروح."),
            vec![c("KILL", 26.0, "exact", "مقتل 26 \"مجرما مسلحا"), c("WOUND", 18.0, "exact", "إصابة 18 آخرين")]
        );
        assert_eq!(
            counts("واعتقل أكثر من 3800 شخص في جميع أنحاء البلاد"),
            vec![c("ARREST", 3800.0, "more_than", "اعتقل أكثر من 3800 شخص")]
        );
        assert_eq!(
            counts("أدت إلى مقتل وجرح ما لا يقل عن 30 عنصراً"),
            vec![
                c("KILL", 30.0, "at_least", "مقتل وجرح ما لا يقل عن 30 عنصراً"),
                c("WOUND", 30.0, "at_least", "مقتل وجرح ما لا يقل عن 30 عنصراً")
            ]
        );
        // X قتل وأصيب N: one was killed, N wounded (the rules once gave N killed too)
        assert_eq!(
            counts("إن رجلا واحدا على الأقل قتل وأصيب 6 مدنيين في الغارات."),
            vec![c("WOUND", 6.0, "exact", "قتل وأصيب 6 مدنيين")]
        );
        assert_eq!(counts("مقتل نحو عشرة آلاف شخص"), vec![c("KILL", 10000.0, "approx", "مقتل نحو عشرة آلاف شخص")]);
        // a period grouping thousands (100.000 once gave 100)
        assert_eq!(counts("ونزح 100.000 شخص."), vec![c("DISPLACE", 100000.0, "exact", "نزح 100.000 شخص")]);
        assert_eq!(counts("مقتل 1.500 شخص"), vec![c("KILL", 1500.0, "exact", "مقتل 1.500 شخص")]);
    }

    #[test]
    fn noun_after_figure() {
        let missing = counts("ولا يزال 10 أشخاص في عداد المفقودين.");
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert_eq!((missing[0].0.as_str(), missing[0].1), ("MISSING", 10.0));
        assert_eq!(
            counts("إلى سقوط عشرات القتلى وأكثر من ألف جريح بحسب السلطات"),
            vec![c("KILL", 10.0, "vague", "سقوط عشرات القتلى"), c("WOUND", 1000.0, "more_than", "أكثر من ألف جريح")]
        );
        assert_eq!(
            counts("بسقوط 18 قتيلا و748 جريحا في صفوفها"),
            vec![c("KILL", 18.0, "exact", "سقوط 18 قتيلا"), c("WOUND", 748.0, "exact", "748 جريحا")]
        );
    }

    #[test]
    fn verb_after_figure() {
        assert_eq!(counts("إن 130 انقلابياً قتلوا"), vec![c("KILL", 130.0, "exact", "130 انقلابياً قتلوا")]);
        assert_eq!(counts("14 مدنيا على الأقل قتلوا"), vec![c("KILL", 14.0, "at_least", "14 مدنيا على الأقل قتلوا")]);
    }

    #[test]
    fn a_rate_a_whole_or_a_fraction_is_no_count() {
        assert!(counts("وسجلت 111.33 جريمة قتل لكل 100 ألف شخص").is_empty());
        assert_eq!(counts("وقتل سبعة إيرانيين من بين 14 شخصا"), vec![c("KILL", 7.0, "exact", "قتل سبعة إيرانيين")]);
        assert_eq!(counts("واعتقل 10 من أصل 30 شخصا").len(), 1);
        // a whole that names its own event is one
        assert_eq!(counts("ويشكلون 25 مليون شخص من أصل 68 مليون نازح").last().map(|c| c.1), Some(68_000_000.0));
        // a fraction with its scale word is a whole number of people
        assert_eq!(counts("وقتل 1.5 مليون شخص").first().map(|c| c.1), Some(1_500_000.0));
    }

    #[test]
    fn words_for_one_or_two() {
        assert_eq!(counts("أدى إلى مقتل شخصين على الأقل"), vec![c("KILL", 2.0, "at_least", "مقتل شخصين على الأقل")]);
        assert_eq!(counts("أسفر عن مقتل جندي"), vec![c("KILL", 1.0, "exact", "مقتل جندي")]);
        // one said after the noun is the same one
        assert_eq!(counts("وقتل شخص واحد على الأقل"), vec![c("KILL", 1.0, "at_least", "قتل شخص واحد على الأقل")]);
        assert_eq!(counts("مقتل الجندي"), vec![]);
        // a person by trade or by nationality, one
        assert_eq!(counts("وأعلن الجيش مقتل مدرب أمريكي"), vec![c("KILL", 1.0, "exact", "مقتل مدرب")]);
        assert_eq!(counts("وقتل فلسطيني برصاص الجيش"), vec![c("KILL", 1.0, "exact", "قتل فلسطيني")]);
        // two in the dual of the nominative; the oblique is also the plural
        assert_eq!(counts("واستشهد فلسطينيان برصاص الجيش"), vec![c("KILL", 2.0, "exact", "استشهد فلسطينيان")]);
        assert_eq!(counts("وقتل فلسطينيين برصاص الجيش"), vec![]);
        assert_eq!(counts("وأصيب الإسرائيليان في الهجوم"), vec![]);
        // but not a nationality that describes the noun before the event word
        assert_eq!(counts("بموجب مذكرة توقيف إسبانية"), vec![]);
        assert_eq!(counts("تورط طالب لجوء سوري في الحادث"), vec![]);
        // a feminine dual of a listed noun, and a person coordinated after a count
        assert_eq!(
            counts("الهجوم الذي أودى بحياة شرطيتين وطالب في المدينة"),
            vec![c("KILL", 2.0, "exact", "حياة شرطيتين"), c("KILL", 1.0, "exact", "طالب")]
        );
        assert_eq!(counts("أسفر عن مقتل أحد الطلاب"), vec![c("KILL", 1.0, "exact", "مقتل أحد الطلاب")]);
        // a plural in ـين is no dual
        assert_eq!(counts("أدى إلى اعتقال متظاهرين"), vec![]);
        assert_eq!(counts("مقتل أحد الأسباب"), vec![]);
        assert_eq!(counts("إلى سقوط قتيلان"), vec![c("KILL", 2.0, "exact", "سقوط قتيلان")]);
        assert_eq!(counts("ما يقارب 1000 قتيل وجريح").len(), 1);
        assert!(counts("إجلاء الفتيان").is_empty());
        // a verb and its subject (a country, or definite) before a dual
        assert_eq!(counts("واعتقلت تركيا جنديين يونانيين"), vec![c("ARREST", 2.0, "exact", "اعتقلت تركيا جنديين")]);
        assert_eq!(counts("واعتقلت الشرطة شخصين"), vec![c("ARREST", 2.0, "exact", "اعتقلت الشرطة شخصين")]);
        assert_eq!(
            counts("وتعتقل ميليشيات الحوثي آلاف المدنيين"),
            vec![c("ARREST", 1000.0, "vague", "تعتقل ميليشيات الحوثي آلاف المدنيين")]
        );
        // two people, or one said to be one, and the verb after them
        assert_eq!(counts("وقالت الشرطة إن طفلين قتلا في الحادث"), vec![c("KILL", 2.0, "exact", "طفلين قتلا")]);
        assert_eq!(counts("إن شخصاً واحداً أصيب بجروح"), vec![c("WOUND", 1.0, "exact", "شخصاً واحداً أصيب")]);
        assert!(counts("إن شخصا أصيب بجروح").is_empty());
        assert!(counts("إن طفلين لعبا في الحديقة").is_empty());
        // a country as the object of a preposition is no subject
        assert!(counts("قتل في تركيا شخصين").iter().all(|x| x.3 != "قتل في تركيا شخصين"));
        // one other person after an event word; another rally is no protester
        assert_eq!(
            counts("أودى بحياة طفل وإصابة آخر"),
            vec![c("KILL", 1.0, "exact", "حياة طفل"), c("WOUND", 1.0, "exact", "إصابة آخر")]
        );
        assert!(counts("دعت جماعة إلى تجمع آخر في برشلونة").is_empty());
        assert!(counts("وقع هجوم آخر في المدينة").is_empty());
        // one of a group of people in construct: with a definite word after it or a pronoun on it
        assert_eq!(counts("وقتل أحد عناصر الشرطة"), vec![c("KILL", 1.0, "exact", "قتل أحد عناصر")]);
        assert_eq!(counts("وأصيب أحد موظفيها بجروح"), vec![c("WOUND", 1.0, "exact", "أصيب أحد موظفيها")]);
        assert_eq!(counts("وقتلت إحدى موظفات البنك"), vec![c("KILL", 1.0, "exact", "قتلت إحدى موظفات")]);
        assert!(counts("وقتل أحد عناصر").is_empty());
        assert!(counts("مقتل أحد أسباب الأزمة").is_empty());
        assert!(counts("اعتقال أحد مباني الوزارة").is_empty());
    }

    #[test]
    fn the_cases_a_figure_counts_are_its_people() {
        assert_eq!(
            counts("وأسفرت المواجهات عن 120 إصابة في صفوف المتظاهرين."),
            vec![c("WOUND", 120.0, "exact", "120 إصابة")]
        );
        assert_eq!(counts("ووثقت المنظمة 15 حالة اعتقال تعسفي."), vec![c("ARREST", 15.0, "exact", "15 حالة اعتقال")]);
        assert_eq!(counts("وسجلت الوزارة 37 حالة وفاة بين المحتجين.")[0].1, 37.0);
        // not an illness, a shock, a muscle's injury or someone's
        for text in [
            "وأظهر المسح 1464 حالة إصابة بسوء التغذية.",
            "وأوقع الهجوم 1360 إصابة بصدمة نفسية.",
            "لم تكن هناك سوى ثلاث حالات إصابة عضلية.",
            "تتناول هذه الحلقة من رياضة 24 إصابة نجم باريس سان جرمان.",
            "تفشت الكوليرا في المدينة. وسجلت الوزارة أكثر من 100 إصابة في أسبوعين.",
        ] {
            assert!(counts(text).is_empty(), "{text}: {:?}", counts(text));
        }
        // a figure in digits goes on after its scale word with و
        assert_eq!(counts("وبلغ عدد الإصابات 13 ألف و672 إصابة.")[0].1, 13_672.0);
    }

    #[test]
    fn a_figure_coordinated_with_a_count_a_range_and_tens_of_thousands() {
        // a figure of people after و and a count is one more of its category, shown alone
        assert_eq!(
            counts("وقتل 30 شخصا بينهم 20 جنديا و10 مدنيين"),
            vec![
                c("KILL", 30.0, "exact", "قتل 30 شخصا"),
                c("KILL", 20.0, "exact", "بينهم 20 جنديا"),
                c("KILL", 10.0, "exact", "10 مدنيين")
            ]
        );
        assert_eq!(counts("وقتل 5 أشخاص و3 منازل").len(), 1);
        // after a comma, and after where the part before was; the noun left out before a place
        assert_eq!(
            counts("وأعلنت الوزارة مقتل 52 شخصا، بينهم 30 مقاتلا، و16 مدنيا.")[2],
            c("KILL", 16.0, "exact", "16 مدنيا")
        );
        assert_eq!(
            counts("وأعلنت الوزارة عن إصابة 15 فلسطينيا، اثنان في رفح جنوب القطاع و13 في مدينة غزة.")[2],
            c("WOUND", 13.0, "exact", "13")
        );
        assert_eq!(counts("وقتل 5 أشخاص و3 في المئة من السكان").len(), 1);
        // a breakdown inside the words of its total is read on its own
        assert_eq!(
            counts("وقالت إن 13 مدنيا بينهم 4 أطفال وامرأتان لقوا مصرعهم."),
            vec![
                c("KILL", 13.0, "exact", "13 مدنيا بينهم 4 أطفال وامرأتان لقوا"),
                c("KILL", 4.0, "exact", "بينهم 4 أطفال"),
                c("KILL", 2.0, "exact", "امرأتان")
            ]
        );
        assert!(counts("مقتل 193 هولنديا و43 ماليزيا").iter().all(|x| !x.3.contains("193") || x.1 == 193.0));
        // a range by its lower bound, at least; its upper bound is no count
        assert_eq!(
            counts("وتسببت المعارك بنزوح عدد يراوح بين 270 ألفا و330 ألف سوري"),
            vec![c("DISPLACE", 270_000.0, "at_least", "نزوح عدد يراوح بين 270 ألفا")]
        );
        // a vague quantity in construct with a plural scale
        assert_eq!(counts("وخرج عشرات آلاف الأشخاص إلى الشوارع")[0].1, 10_000.0);
        assert_eq!(counts("وأسفرت الحرب عن مقتل مئات آلاف الشيشان")[0].1, 100_000.0);
        assert_eq!(counts("وتظاهر آلاف الأشخاص")[0].1, 1_000.0);
        // a total and its figure with no word between, and none of things
        assert_eq!(
            counts("وأعلنت الشركة أن عدد قتلى هذا الحادث 65 وليس 66"),
            vec![c("KILL", 65.0, "exact", "عدد قتلى هذا الحادث 65")]
        );
        assert!(counts("وعدد الجرحى في الحادث 3 أضعاف").is_empty());
        // a verb after the people the model has not seen; the event they were driven to
        assert_eq!(
            counts("وذكرت المفوضية أن 220 مهاجرا غرقوا في البحر"),
            vec![c("KILL", 220.0, "exact", "220 مهاجرا غرقوا")]
        );
        assert_eq!(
            counts("ودفعت أعمال العنف نحو 32 ألف شخص للنزوح في حزيران"),
            vec![c("DISPLACE", 32_000.0, "approx", "نحو 32 ألف شخص للنزوح")]
        );
        assert_eq!(counts("وتعرض 3 صحفيين للاعتقال"), vec![c("ARREST", 3.0, "exact", "3 صحفيين للاعتقال")]);
        // but not people called on to act, nor an act with its own object
        assert!(counts("ودعا 50 ناشطا إلى التظاهر أمام البرلمان").is_empty());
        assert!(counts("وطالب 5 نواب بالإسراع إلى اعتقال المتهمين").is_empty());
        assert!(counts("وسافر 20 شخصا لحضور الاجتماع").is_empty());
        // attacks are counted, not people; the rescued are not the dead
        assert_eq!(counts("وقتل 133 شخصا خلال 80 هجوما").len(), 1);
        assert_eq!(counts("وتم انتشال جثث 35 مهاجرا وإنقاذ 67 آخرين").len(), 1);
    }

    #[test]
    fn wider_kinds() {
        assert_eq!(
            counts("وأسفرت الحرب عن مقتل ما يقدر بنحو نصف مليون شخص"),
            vec![c("KILL", 500000.0, "approx", "مقتل ما يقدر بنحو نصف مليون شخص")]
        );
        assert_eq!(counts("وقالت إنها قبضت على ستة"), vec![c("ARREST", 6.0, "exact", "قبضت على ستة")]);
        assert_eq!(
            counts("ونقل ما لا يقل عن ثمانية أشخاص إلى المستشفى"),
            vec![c("WOUND", 8.0, "at_least", "نقل ما لا يقل عن ثمانية أشخاص")]
        );
        // نقل of things is no one injured
        assert!(counts("ونقل 8 أطنان إلى المستشفى").is_empty());
        // a charge of killing is no killing
        assert!(counts("حكم على سبعة جنود بتهم قتل قرويين").iter().all(|x| x.0 != "KILL"));
        assert_eq!(counts("وخرج 500 شخص يتظاهرون في المدينة")[0].0, "PROTEST");
        // captured in battle is held; evacuated by the authorities is displaced
        assert_eq!(counts("وتمكن الجيش من أسر 11 حوثياً")[0].0, "ARREST");
        assert_eq!(counts("وأسرت القوات أربعة عناصر")[0].0, "ARREST");
        assert_eq!(counts("وكانت السلطات قد أجلت نحو 2000 شخص")[0].0, "DISPLACE");
        // the word right before names the category, whatever follows
        assert_eq!(
            counts("أسفرت عن أسر 4 حوثيين وقتل وجرح عناصر أخرى"),
            vec![c("ARREST", 4.0, "exact", "أسر 4 حوثيين")]
        );
        // families of martyrs are no one captured
        assert!(counts("وزار الوزير أسر 3 شهداء").iter().all(|x| x.0 != "ARREST"));
    }

    #[test]
    fn a_word_pointing_back_between_the_verb_and_the_figure() {
        for (text, want) in [
            (
                "بعد معارك عنيفة قتل خلالها أكثر من 80 عنصراً من الميليشيات",
                c("KILL", 80.0, "more_than", "قتل خلالها أكثر من 80 عنصراً"),
            ),
            ("وقتل خلاله 20 عنصراً من الميليشيات وجرح آخرون", c("KILL", 20.0, "exact", "قتل خلاله 20 عنصراً")),
            (
                "لقي خلالها ما لا يقل عن 30 عنصراً من الميليشيا",
                c("KILL", 30.0, "at_least", "لقي خلالها ما لا يقل عن 30 عنصراً"),
            ),
        ] {
            assert_eq!(counts(text), vec![want], "{text}");
        }
        // a figure of things after it is none
        assert!(counts("وقتل خلالها 20 دقيقة من المباراة").is_empty());
    }

    #[test]
    fn verb_then_subject_then_figure() {
        assert_eq!(counts("اعتقلت الشرطة 3 أشخاص."), vec![c("ARREST", 3.0, "exact", "اعتقلت الشرطة 3 أشخاص")]);
        assert_eq!(
            counts("وقتلت القوات الإسرائيلية أربعة فلسطينيين."),
            vec![c("KILL", 4.0, "exact", "قتلت القوات الإسرائيلية أربعة فلسطينيين")]
        );
        // an object is not a subject: the figure here is not of people killed
        assert!(counts("قتل مسلحون في 3 هجمات").is_empty());
        assert!(counts("أوقف التفاوض بطلبه 4 أضعاف").is_empty());
    }

    #[test]
    fn not_counts() {
        assert!(counts("قتل قبل 5 سنوات").is_empty());
        assert!(counts("هاجمه عشرين ألف مجرم").is_empty());
        assert!(counts("يضم 24 لاعبا").is_empty());
        // a score or a formation
        assert!(counts("وأصيب نيمار بالتواء في الكاحل خلال الفوز 3-0 على مرسيليا").is_empty());
        assert!(counts("وأصيب المدافع خلال فوز ليفربول 2 - 1 على كريستال بالاس").is_empty());
        assert!(counts("وخطف هدف التعادل 1 - 1 على ملعب أرسنال").is_empty());
        assert!(counts("ونجح الأهلي بخطف ثلاث نقاط ثمينة من أمام مضيفه").is_empty());
        // but a range of people is counted
        assert!(!counts("وقتل 5-6 أشخاص في الهجوم").is_empty());
    }

    #[test]
    fn inherited_category() {
        // a breakdown in words: a dual or a single person
        let found = counts("أصيب 12 شخصا بينهم شرطيان. وقتل 5 أشخاص بينهم امرأة.");
        assert_eq!(
            found.iter().map(|x| (x.0.as_str(), x.1)).collect::<Vec<_>>(),
            [("WOUND", 12.0), ("WOUND", 2.0), ("KILL", 5.0), ("KILL", 1.0)]
        );
        // not after a figure that was no count
        assert_eq!(counts("وصل 1,910 مهاجرين من بينهم طفلان.").len(), 0);
        assert_eq!(counts("وجرح 14 آخرين بينهم ثلاثة إصاباتهم خطرة").len(), 2);
        assert_eq!(counts("وجرح 14 آخرين بينهم ثلاثة إصاباتهم خطرة")[1].0, "WOUND");
        assert_eq!(counts("ومن بين الجرحى اثنان في حالة خطرة"), vec![c("WOUND", 2.0, "exact", "الجرحى اثنان")]);
        // the breakdown belongs to the nearest figure of people, which is no count here
        assert!(counts("وأنقذ خفر السواحل 20 شخصا. وقتل 5 أشخاص. وأنقذ 68 شخصا من بينهم 60 تونسيا")
            .iter()
            .all(|r| r.1 != 60.0));
        // a figure of things in between does not break the chain
        assert_eq!(counts("وتم توقيف 22 شخصا بعد السطو على ستة مصارف، بينهم خمسة من زعماء العصابة")[1].0, "ARREST");
    }

    #[test]
    fn named_totals() {
        assert_eq!(counts("أن عدد القتلى بلغ 30 شخصا."), vec![c("KILL", 30.0, "exact", "عدد القتلى بلغ 30 شخصا")]);
        // the noun after the figure wins over the total named before it
        assert_eq!(
            counts("حصيلة الضحايا بلغت 16 قتيلا وقرابة 32 جريحا")[1],
            c("WOUND", 32.0, "approx", "قرابة 32 جريحا")
        );
        // a figure not linked to the total is not counted
        assert_eq!(counts("ارتفع عدد الضحايا إلى 46 قتيلا منذ 17 يونيو").len(), 1);
    }

    #[test]
    fn date_words_between() {
        assert_eq!(
            counts("اعتقلت اليوم السبت ما يزيد على ألف من المشاركين"),
            vec![c("ARREST", 1000.0, "more_than", "اعتقلت اليوم السبت ما يزيد على ألف من المشاركين")]
        );
    }
}
