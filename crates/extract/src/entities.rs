//! Entities: the tagger's mentions of persons, organizations and places, grouped so that each
//! real thing in the article is one entity.
//!
//! A mention starts after its first word's conjunction and preposition (بألماتي → ألماتي) and
//! keeps the article (الكرملين). Mentions join one entity when their normalized forms are equal
//! (ألماتي / الماتي), when one person's name is the tail or a part of a fuller one
//! (توكاييف ↔ قاسم جومرت توكاييف), or when two single-word names differ by one edit of a long
//! word (أبليازوف / ألبيازوف). The entity's type is the one most of its mentions got; its name is
//! its fullest form. Places carry coordinates, country and Latin name from the gazetteer.
use crate::{Doc, Span};
use khabar_model::EntityType;
use khabar_ner::gazetteer::{Place, GAZETTEER};
use khabar_ner::model::Model;
use khabar_ner::persons::PERSONS;
use khabar_ner::triggers::{is_head, Use, ORG_HEADS, PLACE_HEADS, TITLES};
use khabar_text::date::WEEKDAYS;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::normalize::normalize;
use khabar_text::token::{Token, TokenKind};

#[derive(Debug, Clone, PartialEq)]
pub struct MentionRec {
    pub span: Span,
    pub kind: EntityType,
    /// Normalized text, for grouping.
    pub key: String,
    pub tokens: std::ops::Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EntityRec {
    pub kind: EntityType,
    pub mentions: Vec<MentionRec>,
    /// Index of the mention whose text is the entity's name.
    pub name: usize,
    /// The gazetteer's place for a `LOC` it knows: coordinates, country, GeoNames id, Latin name.
    pub place: Option<&'static Place>,
    /// A person's name in Latin letters, where every part of it is known (`khabar_ner::persons`).
    pub latin: Option<String>,
}

/// The tagger's entity types (ANERcorp's labels) as the contract's, one way and the other: the
/// only place they meet. `MISC` has no contract type.
fn contract_type(tagger: &str) -> Option<EntityType> {
    match tagger {
        "PERS" => Some(EntityType::Per),
        "LOC" => Some(EntityType::Loc),
        "ORG" => Some(EntityType::Org),
        _ => None,
    }
}

fn tagger_type(t: EntityType) -> &'static str {
    match t {
        EntityType::Per => "PERS",
        EntityType::Loc => "LOC",
        EntityType::Org => "ORG",
    }
}

/// Organizations named on their own (`data/orgs.tsv`), several words in one line.
static ORGS: Lazy = lexicon!("orgs");
/// First words of the listed organizations, so that only they build multiword keys.
static ORG_FIRST: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| ORGS.iter().map(|o| o.split(' ').next().unwrap_or(o)).collect());

/// Participles that relate an organization to another rather than name it (جبهة التحرير
/// الوطنية | التابعة لـ…، شركة الغاز | الخاضعة لسيطرة…).
pub(crate) static RELATIONAL: Lazy = lexicon!("relational");

/// Words that end a name chain whatever their form.
static CHAIN_STOP: Lazy = lexicon!("chain_stop" and WEEKDAYS);
/// Pronouns that link a subject to its predicate (`copula_pronouns.tsv`).
static COPULA_PRONOUNS: Lazy = lexicon!("copula_pronouns");

/// A definite relative adjective (nisba): الروسي، السورية، البيلاروسيون.
fn is_nisba(norm: &str) -> bool {
    norm.starts_with("ال")
        && norm.chars().count() >= 5
        && (norm.ends_with('ي') || norm.ends_with("يه") || norm.ends_with("يون") || norm.ends_with("يين"))
}

/// Organizations found by rule: listed names, and chains headed by an organization word.
fn org_rules(doc: &Doc) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let t = &toks[i];
            // Latin acronyms: CNN, BBC, TRT
            if t.kind == TokenKind::Word {
                let w = &doc.text[t.start..t.end];
                if (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()) {
                    out.push(MentionRec {
                        span: t.start..t.end,
                        kind: EntityType::Org,
                        key: normalize(w),
                        tokens: i..i + 1,
                    });
                }
                i += 1;
                continue;
            }
            if t.kind != TokenKind::Arabic {
                i += 1;
                continue;
            }
            let a = doc.analysis(i);
            let word = a.word.as_str();
            // listed names, longest first (up to four words)
            let mut listed = None;
            for n in (1..=if ORG_FIRST.contains(word) { 4 } else { 0 }).rev() {
                if i + n > sent.end || toks[i..i + n].iter().any(|x| x.kind != TokenKind::Arabic) {
                    continue;
                }
                let mut key = word.to_string();
                for x in &toks[i + 1..i + n] {
                    key.push(' ');
                    key.push_str(&x.norm);
                }
                if ORGS.contains(key.as_str()) {
                    listed = Some(n);
                    break;
                }
            }
            let national = is_head(&ORG_HEADS, word, Use::National)
                && i + 1 < sent.end
                && doc.analysis(i + 1).article
                && crate::events::words::nationality(&toks[i + 1]).is_some();
            let chain_head =
                is_head(&ORG_HEADS, word, Use::Chain) || is_head(&ORG_HEADS, word, Use::Definite) || national;
            let end = if let Some(n) = listed {
                // a listed name may still go on (وكالة فرانس برس → listed; الجيش السوري الحر)
                i + n
            } else if national && !is_head(&ORG_HEADS, word, Use::Definite) {
                // the name is the head and its nationality (الإدارة الأمريكية | النظام الإيراني)
                i + 2
            } else if chain_head {
                let mut k = i + 1;
                let mut prev_definite = a.article;
                let mut indefinite = 0;
                while k < sent.end && k < i + 6 {
                    let x = &toks[k];
                    if x.kind != TokenKind::Arabic || CHAIN_STOP.contains(x.norm.as_str()) {
                        break;
                    }
                    let xa = doc.analysis(k);
                    if xa.conj.is_some() || xa.prep.is_some() || RELATIONAL.contains(&x.norm) {
                        break;
                    }
                    // after a definite word only definite words (adjectives, more idafa) follow;
                    // one indefinite word may stand in the construct (هيئة تحرير الشام)
                    if !xa.article {
                        indefinite += 1;
                        if prev_definite || indefinite > 1 {
                            break;
                        }
                    }
                    prev_definite = xa.article;
                    k += 1;
                }
                // the chain must end in a definite word or a name (a rare word): not in a plain
                // adjective (قوات خاصة، صحيفة إسرائيلية، مؤتمر صحافي)
                while k > i + 1 {
                    let last = &toks[k - 1].norm;
                    if last.starts_with("ال") || khabar_text::clitic::frequency(last) < 50 {
                        break;
                    }
                    k -= 1;
                }
                // a definite head names one organization with a relative adjective after it
                if k == i + 1 || (a.article && !is_nisba(&toks[i + 1].norm)) {
                    i += 1;
                    continue;
                }
                k
            } else {
                i += 1;
                continue;
            };
            if end > i {
                let start = doc.start_after_clitic(i, a.clitic_letters);
                let span = start..toks[end - 1].end;
                out.push(MentionRec { key: key_of(doc, i..end), span, kind: EntityType::Org, tokens: i..end });
            }
            i = end.max(i + 1);
        }
    }
    out
}

/// Whether a word can continue a place's name: a known place, a rare word, or a definite word
/// that is not a common noun of the corpus (الدولي، الغربي، العدوية).
fn place_word(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    // one letter is a clitic written apart (لـ"العربية"), never a name
    if t.kind != TokenKind::Arabic || CHAIN_STOP.contains(t.norm.as_str()) || t.norm.chars().nth(1).is_none() {
        return false;
    }
    let a = doc.analysis(k);
    if a.conj.is_some() || a.prep.is_some() {
        return false;
    }
    GAZETTEER.place_normalized(&t.norm).is_some() || khabar_text::clitic::frequency(&t.norm) < 300 || is_nisba(&t.norm)
}

/// Places found by rule: a head and the name after it.
fn place_rules(doc: &Doc) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let mut i = sent.start;
        while i < sent.end {
            let t = &toks[i];
            if t.kind != TokenKind::Arabic {
                i += 1;
                continue;
            }
            let a = doc.analysis(i);
            let head = a.word.as_str();
            let with_head = is_head(&PLACE_HEADS, head, Use::InName);
            if !with_head && !is_head(&PLACE_HEADS, head, Use::Kind) {
                i += 1;
                continue;
            }
            let mut k = i + 1;
            // the name proper: a known place or a rare word first, then adjectives and more names;
            // after a known place or an adjective only more of those (مدينة جدة السعودية | عقدا،
            // مدينة كيوتو | مقرا لها، جزيرة إمرالي التركية | قبالة إسطنبول)
            let mut known = false;
            while k < sent.end
                && k < i + 5
                && place_word(doc, k)
                && (k > i + 1 || !is_nisba(&toks[k].norm) || GAZETTEER.place_normalized(&toks[k].norm).is_some())
            {
                let placed = GAZETTEER.place_normalized(&toks[k].norm).is_some() || is_nisba(&toks[k].norm);
                if known && !placed {
                    break;
                }
                known |= placed;
                k += 1;
            }
            // after مدينة/قرية the name must be a known place or a rare word (مدينة أشباح is no name)
            let named = with_head
                || GAZETTEER.place_normalized(&toks[i + 1].norm).is_some()
                || khabar_text::clitic::frequency(&toks[i + 1].norm) < 30;
            if k > i + 1 && named {
                let (first, letters) = if with_head { (i, a.clitic_letters) } else { (i + 1, 0) };
                let start = doc.start_after_clitic(first, letters);
                let span = start..toks[k - 1].end;
                out.push(MentionRec { key: key_of(doc, first..k), span, kind: EntityType::Loc, tokens: first..k });
            }
            i = k;
        }
    }
    out
}

/// Places the tagger missed that the gazetteer knows well: a country or a city of 100,000 people
/// or more, written as a word that is not mostly something else in the corpus (مشهد is a scene
/// more often than Mashhad).
fn gazetteer_places(doc: &Doc) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Arabic {
            continue;
        }
        let a = doc.analysis(i);
        let Some(place) = GAZETTEER.major_place_normalized(&a.word) else { continue };
        let f = khabar_text::clitic::frequency(&a.word);
        let big = place.is_country || place.population >= 500_000;
        if !big
            || (f >= 2000 && !corpus_says(&a.word, EntityType::Loc, 2))
            || (corpus_says_common(&a.word) && !place.is_country)
        {
            continue;
        }
        let start = doc.start_after_clitic(i, a.clitic_letters);
        out.push(MentionRec {
            span: start..t.end,
            kind: EntityType::Loc,
            key: key_of(doc, i..i + 1),
            tokens: i..i + 1,
        });
    }
    out
}

/// Whether a word looks like part of a person's name: not a common word (or a listed name),
/// no conjunction or preposition on it.
pub(crate) fn name_like(doc: &Doc, k: usize, first: bool) -> bool {
    let t = &doc.tokens[k];
    // one letter is a clitic written apart (لـ"العربية"), never a name
    if t.kind != TokenKind::Arabic || CHAIN_STOP.contains(t.norm.as_str()) || t.norm.chars().nth(1).is_none() {
        return false;
    }
    let a = doc.analysis(k);
    if a.conj.is_some() || a.prep.is_some() {
        return false;
    }
    let f = khabar_text::clitic::frequency(&t.norm);
    let listed = GAZETTEER.name_type(&t.norm) == Some("PER");
    // a family name follows first names across the corpus, whatever its shape (تركي المالكي)
    if !first && name_context(&a.word) >= 2 && !is_place_word(&t.norm) {
        return true;
    }
    if a.article {
        // الكسندر، السبيعي: a name may carry ال, but then it is rare and no adjective
        return !is_nisba(&t.norm) && f < if first { 60 } else { 300 };
    }
    // a first name may be common (عمر، جمال); what follows it must be rare or known as a
    // person's name across the corpus, which keeps the verb after a name out (شي جينبينغ أشاد)
    if is_place_word(&t.norm) && !listed {
        return false;
    }
    // a very rare word is a name whatever the first tagger made of it (سيشنز)
    listed
        || title_context(&a.word) >= 2
        || (!first && f < 50)
        || (f < if first { 2000 } else { 150 } && !corpus_says_common(&a.word))
        || corpus_says(&a.word, EntityType::Per, 2)
}

fn is_place_word(norm: &str) -> bool {
    GAZETTEER.major_place_normalized(norm).is_some()
}

/// How often the word follows a title or a relative adjective across the corpus (0–3): first
/// names do.
fn title_context(word: &str) -> u8 {
    Model::embedded().map(|m| m.clusters().title_context(word)).unwrap_or(0)
}

/// How often the word follows a first name across the corpus (0–3): family names do.
fn name_context(word: &str) -> u8 {
    Model::embedded().map(|m| m.clusters().name_context(word)).unwrap_or(0)
}

/// Whether the tagger, run over the whole unlabeled corpus, gave this word mostly `ty` (at
/// least the given share bucket: 2 = half, 3 = four fifths).
fn corpus_says(word: &str, ty: EntityType, bucket: u8) -> bool {
    Model::embedded().and_then(|m| m.corpus_type(word)).is_some_and(|(t, b)| t == tagger_type(ty) && b >= bucket)
}

/// Whether the corpus says a word is mostly no name at all (under a fifth of its occurrences).
fn corpus_says_common(word: &str) -> bool {
    Model::embedded().and_then(|m| m.corpus_type(word)).is_some_and(|(_, b)| b == 0)
}

/// Persons found by rule: a title, its adjectives, then the name (الرئيس الأمريكي دونالد ترامب،
/// وزير الخارجية الأميركي انتوني بلينكن).
fn person_rules(doc: &Doc) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        for i in sent.clone() {
            let t = &toks[i];
            if t.kind != TokenKind::Arabic || !TITLES.contains(&doc.analysis(i).word) {
                continue;
            }
            let mut j = i + 1;
            // the title's complements: adjectives and constructs (وزير الخارجية الأميركي), and
            // باسم with what it names (الناطق باسم الكرملين)
            while j < sent.end && j < i + 5 && toks[j].kind == TokenKind::Arabic {
                let n = &toks[j].norm;
                let skip = n == "باسم"
                    || (n.starts_with("ال") && (is_nisba(n) || khabar_text::clitic::frequency(n) >= 100))
                    || GAZETTEER.major_place_normalized(n).is_some() && !place_as_first_name(doc, j, sent.end);
                if !skip {
                    break;
                }
                j += 1;
            }
            // رئيسة الوزراء البريطانية، تيريزا ماي
            if j < sent.end && j > i + 1 && matches!(toks[j].norm.as_str(), "،" | ",") {
                j += 1;
            }
            let mut k = j;
            let after_rank = j == i + 1 && RANK_TITLES.contains(t.norm.as_str());
            if j < sent.end && place_as_first_name(doc, j, sent.end)
                || after_rank && common_first_rare_surname(doc, j, sent.end)
            {
                k += 2;
            } else {
                // (a linking pronoun after two name words ends the name: ترمب هو …; see trim)
                while k < sent.end
                    && k < j + 4
                    && name_like(doc, k, k == j)
                    && !(k >= j + 2 && COPULA_PRONOUNS.contains(toks[k].norm.as_str()))
                {
                    k += 1;
                }
            }
            // one word right after the title with a place after it is the title's complement in
            // construct, not a name (رئيس وزراء | الهند، وزيرة خارجية | #مصر)
            let place_at = |p: usize| {
                let p = if p < sent.end && hashtag_mark(toks, p) { p + 1 } else { p };
                p < sent.end
                    && doc.analysis(p).prep.is_none()
                    && GAZETTEER.major_place_normalized(&toks[p].norm).is_some()
            };
            if k == j + 1 && j == i + 1 && place_at(k) {
                continue;
            }
            if k > j {
                let span = toks[j].start..toks[k - 1].end;
                out.push(MentionRec {
                    key: normalize(&doc.text[span.clone()]),
                    span,
                    kind: EntityType::Per,
                    tokens: j..k,
                });
            }
        }
    }
    out
}

/// وزير الدفاع الأمريكي الأسبق ليون بانيتا: after a title and its adjectives, a place's name
/// that Wikidata gives as the first name of several people ([`PLACE_FIRST_NAME_PEOPLE`]) is one where a
/// name's word follows it and no word of the title's complement stands right before it (رئيس
/// بلدية ليون is the city's). The name is two words: the first and a word that follows first names
/// across the corpus or one it hardly knows.
fn place_as_first_name(doc: &Doc, j: usize, end: usize) -> bool {
    let toks = &doc.tokens;
    let after_adjective = j > 0 && (toks[j - 1].norm.starts_with("ال") || TITLES.contains(&doc.analysis(j - 1).word));
    j + 1 < end
        && after_adjective
        && is_place_word(&toks[j].norm)
        && PERSONS.given_people(&toks[j].norm) >= PLACE_FIRST_NAME_PEOPLE
        && (name_context(&doc.analysis(j + 1).word) >= 3 && doc.analysis(j + 1).prep.is_none()
            || rare_surname(doc, j + 1))
}

/// Military and police ranks (`rank_titles.tsv`).
static RANK_TITLES: Lazy = lexicon!("rank_titles");

/// العميد هيكل حنتف: right after a rank (`rank_titles.tsv`), a first name that is also a common word (هيكل, a
/// structure) opens a two-word name where a word the corpus hardly knows follows it: a plain word
/// each (no clitic, no article), neither a place nor a cue nor a word that stops a name.
fn common_first_rare_surname(doc: &Doc, j: usize, end: usize) -> bool {
    let toks = &doc.tokens;
    if j + 1 >= end {
        return false;
    }
    let plain = |k: usize| {
        let (t, a) = (&toks[k], doc.analysis(k));
        t.kind == TokenKind::Arabic
            && a.clitic_letters == 0
            && !a.article
            && t.norm.chars().count() >= 3
            && !CHAIN_STOP.contains(t.norm.as_str())
            && !is_place_word(&t.norm)
            && crate::quotes::role(t).is_none()
    };
    plain(j) && plain(j + 1) && khabar_text::clitic::frequency(&toks[j + 1].norm) < 30 && !name_like(doc, j, true)
}

/// A word the corpus hardly knows, with no article or conjunction, whose remainder after a
/// preposition it hardly knows either: a surname the clitic analysis split (بانيتا is no ب +
/// أنيتا). Read only where a first name stands before it in a title's context.
fn rare_surname(doc: &Doc, k: usize) -> bool {
    let (t, a) = (&doc.tokens[k], doc.analysis(k));
    let rare = |w: &str| khabar_text::clitic::frequency(w) < 50;
    t.kind == TokenKind::Arabic && a.prep.is_some() && a.conj.is_none() && !a.article && rare(&t.norm) && rare(&a.word)
}

/// How many people Wikidata must give a place's name as their first name for it to be one after
/// a title (ليون: 6; Wikidata's Arabic labels name few people).
const PLACE_FIRST_NAME_PEOPLE: u32 = 5;

/// Adjectives of direction belong to place names (آسيا الوسطى، كوريا الشمالية، الضفة الغربية).
static DIRECTIONS: Lazy = lexicon!("directions");

/// Trims a person's or place's mention: nationality adjectives at its edges (البيلاروسي الكسندر
/// لوكاشنكو، إدلب السورية) and anything from a word with a preposition on (ألبيازوف لفرانس برس).
fn trim(doc: &Doc, m: MentionRec) -> Option<MentionRec> {
    if m.kind == EntityType::Org {
        return Some(m);
    }
    let toks = &doc.tokens;
    let (mut a, mut b) = (m.tokens.start, m.tokens.end);
    // a conjunction or preposition inside the mention ends it (the conjunction only as و: ف may
    // begin a name)
    if let Some(k) = (a + 1..b).find(|&k| {
        let x = doc.analysis(k);
        x.prep.is_some() || (x.conj.is_some() && toks[k].norm.starts_with('و'))
    }) {
        b = k;
    }
    while a < b && is_nisba(&doc.analysis(a).word) && GAZETTEER.place_normalized(&toks[a].norm).is_none() {
        a += 1;
    }
    // على spelled with its ى is the preposition, not علي (ثبوت التهمة على | المرداسي)
    if m.kind == EntityType::Per && b > a + 1 && &doc.text[toks[a].start..toks[a].end] == "على" {
        a += 1;
    }
    // a preposition or particle the tagger took in at the end goes (مونرو أمام)
    while b > a + 1
        && (CHAIN_STOP.contains(toks[b - 1].norm.as_str())
            || matches!(toks[b - 1].norm.as_str(), "امام" | "خلف" | "لدي" | "عند" | "حيث" | "ايضا"))
    {
        b -= 1;
    }
    // a pronoun that links the name to what is said of it goes after a name of two words
    // (فضل شاكر | هو من سيتولى), not after one (ليو هي is Liu He)
    while b > a + 2 && COPULA_PRONOUNS.contains(toks[b - 1].norm.as_str()) {
        b -= 1;
    }
    // a trailing adjective goes when what remains is a known place and the whole is not
    // (إدلب السورية → إدلب; الضفة الغربية stays)
    while b > a + 1 && is_nisba(&toks[b - 1].norm) && !DIRECTIONS.contains(&toks[b - 1].norm) {
        let whole = normalize(&doc.text[toks[a].start..toks[b - 1].end]);
        let rest = normalize(&doc.text[toks[a].start..toks[b - 2].end]);
        if m.kind == EntityType::Loc && (GAZETTEER.place(&whole).is_some() || GAZETTEER.place(&rest).is_none()) {
            break;
        }
        // a family name is often a nisba (عبد الملك الحوثي، عاصي الحلاني): after a given name
        // Wikidata knows, a person's mention loses only a nationality (… الروسي); after no
        // known name the tagger more likely ran a verb or a noun into a name (أدين المهداوي)
        if m.kind == EntityType::Per
            && crate::events::words::nationality(&toks[b - 1]).is_none()
            && (a..b - 1).any(|k| PERSONS.is_name_word(&toks[k].norm, true))
        {
            break;
        }
        b -= 1;
    }
    // a place's mention ends where the name the gazetteer knows ends, unless an adjective of its
    // own follows (كوريا الشمالية | ترامب ومون; الضفة الغربية | المحتلة)
    if m.kind == EntityType::Loc && b > a + 1 && GAZETTEER.place(&doc.text[toks[a].start..toks[b - 1].end]).is_none() {
        let known = |c: usize| {
            GAZETTEER.place(&doc.text[toks[a].start..toks[c - 1].end]).is_some_and(|p| {
                p.is_country || p.level == khabar_ner::gazetteer::Level::Admin1 || p.population >= 100_000
            })
        };
        if let Some(c) = (a + 1..b).rev().find(|&c| known(c)) {
            let next = &toks[c].norm;
            if !DIRECTIONS.contains(next.as_str()) && !is_nisba(next) {
                b = c;
            }
        }
    }
    // a person's name does not start with a country's (كوريا الشمالية | ترامب) nor run across
    // one (أنطونيو | إيران | غوتيريس: the longer side stays)
    if m.kind == EntityType::Per {
        let country =
            |c: usize| GAZETTEER.place(&doc.text[toks[a].start..toks[c - 1].end]).is_some_and(|p| p.is_country);
        if let Some(c) = (a + 1..b).rev().find(|&c| country(c)) {
            a = c;
        }
        if let Some(k) = (a + 1..b.saturating_sub(1))
            .find(|&k| GAZETTEER.place_normalized(&toks[k].norm).is_some_and(|p| p.is_country))
        {
            if b - (k + 1) > k - a {
                a = k + 1;
            } else {
                b = k;
            }
        }
    }
    if a == b {
        return None;
    }
    if (a, b) == (m.tokens.start, m.tokens.end) {
        return Some(m);
    }
    let letters = if a == m.tokens.start { doc.analysis(a).clitic_letters } else { 0 };
    let start = doc.start_after_clitic(a, letters);
    let span = start..toks[b - 1].end;
    Some(MentionRec { key: key_of(doc, a..b), span, kind: m.kind, tokens: a..b })
}

/// A title or a kin noun (`kin_heads.tsv`) with a possessive pronoun on it: نائبه، زوجته،
/// مستشارها، شقيقهم. The feminine ة before the pronoun is written ت (زوجته → زوجه).
pub(crate) fn possessed_person_noun(word: &str) -> bool {
    let listed = |w: &str| TITLES.contains(w) || crate::quotes::KIN_HEADS.contains(w);
    ["هما", "هم", "ها", "ه"].iter().filter_map(|p| word.strip_suffix(p)).any(|base| {
        base.chars().count() >= 2 && (listed(base) || base.strip_suffix('ت').is_some_and(|b| listed(&format!("{b}ه"))))
    })
}

/// Adjectives that describe an organization after its name (`data/org_descriptions.tsv`).
static ORG_DESCRIPTIONS: Lazy = lexicon!("org_descriptions");

/// The edges of a tagger's or a rule's mention, once they are merged: a place's as
/// [`trim_place`] says; an organization's ends where its name ends, not at an adjective that
/// describes it (صحيفة الأهرام | الرسمية), a title that opens the next name (جامعة تعز | الدكتور), nor at the
/// nationality of a name that is no common noun (نادي ليفربول | الإنجليزي، TRT | التركية; the
/// nationality of a definite head stays: الحكومة البريطانية، وكالة الأنباء الإماراتية).
fn trim_edges(doc: &Doc, m: MentionRec) -> MentionRec {
    // a preposition written apart (محمد الحجوري لـ"العربية") opens the listener: not the name's
    let toks = &doc.tokens;
    let mut m = m;
    while m.tokens.len() > 1 && matches!(toks[m.tokens.end - 1].norm.as_str(), "ل" | "ب" | "ك" | "و" | "ف") {
        let b = m.tokens.end - 1;
        m = ending_at(doc, m, b);
    }
    if m.kind == EntityType::Loc {
        return trim_place(doc, m);
    }
    if m.kind == EntityType::Per {
        // a verb in the future is the sentence going on, not a name's word (سيرجيو ماتاريلا |
        // سيكون، عباس | سيبقى): س on a present form the corpus knows well, and no name Wikidata
        // knows (ستريب، سيلفا are names: their remainder is rare)
        // (and what the tagger ran on into after it: سيرجيو ماتاريلا | سيكون دمية)
        if let Some(k) = (m.tokens.start + 1..m.tokens.end).find(|&k| future_verb(doc, k)) {
            m = ending_at(doc, m, k);
        }
        // a title or kin noun with a possessive pronoun is another person (سلفا كير | نائبه
        // السابق رياك مشار، ترامب | زوجته ميلانيا)
        return match (m.tokens.start + 1..m.tokens.end).find(|&k| possessed_person_noun(&doc.analysis(k).word)) {
            Some(k) => ending_at(doc, m, k),
            None => m,
        };
    }
    if m.kind != EntityType::Org {
        return m;
    }
    // a noun of a person before it is who works there, not the name (مراسل | بي بي سي)
    let mut a = m.tokens.start;
    while m.tokens.end - a > 1 && PERSON_NOUNS.contains(&doc.analysis(a).word) {
        a += 1;
    }
    if a != m.tokens.start {
        m.tokens.start = a;
        m.span.start = toks[a].start;
        m.key = key_of(doc, a..m.tokens.end);
    }
    let (a, mut b) = (m.tokens.start, m.tokens.end);
    // the first describing adjective ends the name, and what the chain took after it
    if let Some(k) = (a + 2..b).find(|&k| ORG_DESCRIPTIONS.contains(&toks[k].norm)) {
        b = k;
    }
    // an indefinite nationality ends an indefinite name, and a definite word after it is another
    // phrase (أطلقت قوات إسرائيلية | النار، محكمة هندية | الممثل): an adjective agrees with its
    // noun in definiteness
    if let Some(k) = (a + 1..b.saturating_sub(1)).find(|&k| {
        let (adj, next) = (doc.analysis(k), doc.analysis(k + 1));
        toks[k].kind == TokenKind::Arabic
            && !adj.article
            && adj.prep.is_none()
            && !doc.analysis(k - 1).article
            && crate::events::words::nationality(&toks[k]).is_some()
            && next.article
            && next.prep.is_none()
    }) {
        b = k + 1;
    }
    // a major place right after a definite word is no word of the name but the next phrase (ويتهم
    // التحالف | إيران، مجلس الأمن الدولي | إيران، الناتو | موسكو): a definite noun takes no
    // noun in construct (not after a place: بنك الإمارات دبي)
    if b > a + 1 && b == m.tokens.end {
        let (last, before) = (doc.analysis(b - 1), doc.analysis(b - 2));
        if toks[b - 1].kind == TokenKind::Arabic
            && !last.article
            && last.prep.is_none()
            && last.conj.is_none()
            && is_place_word(&toks[b - 1].norm)
            && before.article
            && before.prep.is_none()
            && !is_place_word(&toks[b - 2].norm)
        {
            b -= 1;
        }
    }
    while b > a + 1 {
        let last = doc.analysis(b - 1);
        let (name, name_word) = (&toks[b - 2], doc.analysis(b - 2));
        let titled = TITLES.contains(&last.word) && b < toks.len() && name_like(doc, b, true);
        let described = ORG_DESCRIPTIONS.contains(&toks[b - 1].norm) || titled;
        // a bare word before a definite nationality is a name of its own when it is no kind of
        // organization and no common word (بشكتاش | التركي، حماس | الفلسطينية): Arabic puts no
        // definite adjective after a bare common noun
        let own_name = name.kind == TokenKind::Arabic
            && !name_word.article
            && name_word.prep.is_none()
            && !is_head(&ORG_HEADS, &name_word.word, Use::Chain)
            && (b > a + 2
                || ORG_HEADS.get(&name_word.word).is_none()
                    && !MEDIA_HEADS.contains(&name_word.word)
                    && !corpus_says_common(&name_word.word));
        let national = last.article
            && toks[b - 1].kind == TokenKind::Arabic
            && (name.kind == TokenKind::Word || own_name)
            && crate::events::words::nationality(&toks[b - 1]).is_some();
        // what is left must still name something: a Latin name, a name of its own, or two words
        // (قوات | المعارضة stays)
        let left_names = b - 1 > a + 1 || toks[a].kind == TokenKind::Word || national && own_name;
        if !(described || national) || !left_names {
            break;
        }
        b -= 1;
    }
    ending_at(doc, m, b)
}

/// How often the present form under a future's س must be in the corpus to read the word as a
/// verb (سيكون is يكون 2,950 times; ستريب's تريب 36, سيدي's يدي 45).
const FUTURE_PRESENT_FROM: u32 = 50;

/// A verb in the future: س, a prefix of the present (ي، ت، ن), and a present form common in the
/// corpus, in a word that is no name word in Wikidata's labels.
fn future_verb(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    let Some(present) = t.norm.strip_prefix('س') else { return false };
    t.kind == TokenKind::Arabic
        && present.starts_with(['ي', 'ت', 'ن'])
        && present.chars().count() >= 3
        && khabar_text::clitic::frequency(present) >= FUTURE_PRESENT_FROM
        && !PERSONS.is_name_word(&t.norm, false)
        && !PERSONS.is_name_word(&t.norm, true)
}

/// Whether only one space stands between tokens `x` and `y` (no comma, no line break).
fn spaced(doc: &Doc, x: usize, y: usize) -> bool {
    doc.text[doc.tokens[x].end..doc.tokens[y].start] == *" "
}

/// `m` ending before token `b` (its end as it was, or earlier).
fn ending_at(doc: &Doc, mut m: MentionRec, b: usize) -> MentionRec {
    if b != m.tokens.end {
        m.tokens.end = b;
        m.span.end = doc.tokens[b - 1].end;
        m.key = key_of(doc, m.tokens.start..b);
    }
    m
}

/// Nouns of direction before a place (`data/locators.tsv`: شمال، غرب، وسط).
pub(crate) static LOCATORS: Lazy = lexicon!("locators");

/// A place's mention ends where its name ends: before where it lies (مقاطعة ساسكاتشوان | غرب
/// كندا) and before the nationality of its country (ميناء العقبة | الأردني، عفرين | السورية),
/// unless the gazetteer knows the whole (شبه الجزيرة الكورية).
fn trim_place(doc: &Doc, m: MentionRec) -> MentionRec {
    let toks = &doc.tokens;
    let (a, mut b) = (m.tokens.start, m.tokens.end);
    if let Some(k) = (a + 2..b).find(|&k| LOCATORS.contains(&toks[k].norm)) {
        b = k;
    }
    let known = |b: usize| GAZETTEER.place(&doc.text[toks[a].start..toks[b - 1].end]).is_some();
    while b > a + 1
        && doc.analysis(b - 1).article
        && crate::events::words::nationality(&toks[b - 1]).is_some()
        && !DIRECTIONS.contains(&toks[b - 1].norm)
        && !known(b)
    {
        b -= 1;
    }
    ending_at(doc, m, b)
}

/// A one-word place the gazetteer does not know that is a common word of the corpus (الولايات،
/// الضفة، الاتحاد without the rest of their names).
fn common_place_word(doc: &Doc, m: &MentionRec) -> bool {
    m.kind == EntityType::Loc
        && m.tokens.len() == 1
        && GAZETTEER.major_place_normalized(&m.key).is_none()
        && khabar_text::clitic::frequency(&doc.analysis(m.tokens.start).word) > 1500
}

/// A one-word person or organization that is a common word (على، لديها، انتقادات، المستبد):
/// the tagger's guess on a word that names nothing.
fn common_single_word(doc: &Doc, m: &MentionRec) -> bool {
    if m.kind == EntityType::Loc || m.tokens.len() != 1 || ORGS.contains(m.key.as_str()) {
        return false;
    }
    let w = &doc.analysis(m.tokens.start).word;
    (corpus_says_common(w) && title_context(w) < 2 && name_context(w) < 2)
        || (GAZETTEER.name_type(w).is_none() && w.starts_with("ال") && khabar_text::clitic::frequency(w) > 100)
}

/// A one-word organization that is a relative adjective right after a word it qualifies
/// (باللغة العربية، القوات العربية، الدول العربية): no name, unless the word before heads an
/// organization's name (قناة العربية) or a quotation mark sets it apart ("العربية"), or the
/// word is a listed group named by a plural (`orgs.tsv`: الحوثيون).
fn adjective_after_noun(doc: &Doc, m: &MentionRec) -> bool {
    let k = m.tokens.start;
    if m.kind != EntityType::Org || m.tokens.len() != 1 || k == 0 || !is_nisba(&doc.analysis(k).word) {
        return false;
    }
    // a group news names by a plural relative adjective (إن الحوثيين، تجنيد الحوثيين) is listed;
    // it qualifies only a plural of people before it (المتمردين الحوثيين), never a feminine or
    // singular noun as العربية does (الدول العربية)
    let plural = |w: &str| w.ends_with("ين") || w.ends_with("ون");
    if ORGS.contains(m.key.as_str()) && plural(&m.key) && !plural(&doc.tokens[k - 1].norm) {
        return false;
    }
    let prev = &doc.tokens[k - 1];
    prev.kind == TokenKind::Arabic
        && doc.sentences.iter().any(|s| s.contains(&(k - 1)) && s.contains(&k))
        && ORG_HEADS.get(&doc.analysis(k - 1).word).is_none()
        && !TITLES.contains(&doc.analysis(k - 1).word)
}

/// Indefinite nouns of people (مسؤولان أميركيان، مصدر أمني، شهود عيان): a person described,
/// not named.
static PERSON_NOUNS: Lazy = lexicon!("person_nouns");

/// A person's mention that describes rather than names: it begins with an indefinite noun of
/// people (مسؤولان أميركيان). (A lone nationality adjective is left alone: طهراني، رفسنجاني،
/// ميسي are names shaped like one.)
fn described_person(doc: &Doc, m: &MentionRec) -> bool {
    m.kind == EntityType::Per && PERSON_NOUNS.contains(&doc.analysis(m.tokens.start).word)
}

/// Words that open a credit, byline or source line (`data/credit_openers.tsv`).
static CREDIT_OPENERS: Lazy = lexicon!("credit_openers");

/// Whether a mention is a credit rather than something the article speaks of: any name on a line
/// that credits a picture or a source (مصدر الصورة Getty Images، المصدر: …) or that lists
/// agencies (فرانس 24/ أ ف ب/ رويترز). A dateline's agency (دبي (CNN)-- …) is a mention: the
/// article reports through it, and every gold article with one names it.
fn credit(doc: &Doc, span: &Span) -> bool {
    let text = doc.text;
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..].find('\n').map_or(text.len(), |i| span.end + i);
    let line = text[line_start..line_end].trim();
    let words: Vec<String> = line
        .split(|c: char| c.is_whitespace() || c == ':' || c == '/')
        .filter(|w| !w.is_empty())
        .take(2)
        .map(normalize)
        .collect();
    if words.first().is_some_and(|w| CREDIT_OPENERS.contains(w))
        || (words.len() == 2 && CREDIT_OPENERS.contains(&words.join(" ")))
    {
        return true;
    }
    // a list of agencies: short parts between slashes
    line.contains('/')
        && line.split_whitespace().count() <= 10
        && line.split('/').all(|part| part.split_whitespace().count() <= 3)
}

/// Tagger mentions and rule mentions together: where they overlap, the longer wins (a rule's
/// organization over a tagger's shorter guess), and listed organizations keep their type.
fn merge(tagged: Vec<MentionRec>, rules: Vec<MentionRec>) -> Vec<MentionRec> {
    let mut all: Vec<(MentionRec, bool)> =
        tagged.into_iter().map(|m| (m, false)).chain(rules.into_iter().map(|m| (m, true))).collect();
    all.sort_by_key(|(m, rule)| (std::cmp::Reverse(m.tokens.len()), !*rule, m.tokens.start));
    let mut kept: Vec<MentionRec> = Vec::new();
    for (m, _) in all {
        if kept.iter().any(|k| k.tokens.start < m.tokens.end && m.tokens.start < k.tokens.end) {
            continue;
        }
        kept.push(m);
    }
    kept.sort_by_key(|m| m.tokens.start);
    kept
}

/// Joins a person's name the tagger cut in two (قاسم جومرت | توكاييف).
fn join_adjacent(doc: &Doc, ms: Vec<MentionRec>) -> Vec<MentionRec> {
    let mut out: Vec<MentionRec> = Vec::with_capacity(ms.len());
    for m in ms {
        if let Some(prev) = out.last_mut() {
            // two names side by side, not two people (ترامب | وكيم، أردوغان | لترامب)
            let linked = doc.analysis(m.tokens.start).conj.is_some()
                || doc.analysis(m.tokens.start).prep.is_some()
                || unseen_after_and(&doc.tokens[m.tokens.start]);
            if prev.kind == EntityType::Per && m.kind == EntityType::Per && prev.tokens.end == m.tokens.start && !linked
            {
                prev.tokens.end = m.tokens.end;
                prev.span.end = m.span.end;
                prev.key = key_of(doc, prev.tokens.clone());
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Whether a word opens with و and the corpus never saw it whole (ومحيسن): likelier "and" and a
/// name than a word of its own, though the clitic analysis, knowing no remainder either, leaves
/// it whole.
fn unseen_after_and(t: &Token) -> bool {
    t.norm.starts_with('و') && khabar_text::clitic::frequency(&t.norm) == 0
}

/// The letters a name's first word gives its conjunction and preposition: the clitic analysis's,
/// or the و of an unseen word in و ([`unseen_after_and`]); not of a name Wikidata knows whole
/// (وليم، وينفريد).
fn name_clitic(doc: &Doc, i: usize) -> usize {
    let (t, a) = (&doc.tokens[i], doc.analysis(i));
    let unseen_and = a.clitic_letters == 0
        && t.kind == TokenKind::Arabic
        && unseen_after_and(t)
        && t.norm.strip_prefix('و').is_some_and(|rest| {
            // وينستاين، وايت: W and a vowel, unless what follows و is a given name (ويوسف)
            rest.chars().count() >= 3 && (!rest.starts_with(['ي', 'ا']) || PERSONS.is_name_word(rest, true))
        })
        // وليم، وينفريد: a name of its own in W
        && !PERSONS.is_name_word(&t.norm, true)
        && !PERSONS.is_name_word(&t.norm, false);
    if unseen_and {
        1
    } else if whole_given_name(t, a) {
        0
    } else {
        a.clitic_letters
    }
}

/// Whether a word the clitic analysis splits is a given name whole: وليد، فيصل، كمال، بسام،
/// كريم are no و + ليد, ف + يصل, ك + مال, ب + سام, ك + ريم. The name must be one many people in
/// Wikidata carry (at least [`WHOLE_NAME_PEOPLE`]) and at least twice as many as carry the
/// remainder as theirs (وسام against سام), so that a conjunction before a name (وعلي) still
/// splits.
pub(crate) fn whole_given_name(t: &Token, a: &khabar_text::clitic::OwnedAnalysis) -> bool {
    if a.clitic_letters == 0 || t.kind != TokenKind::Arabic {
        return false;
    }
    let whole = PERSONS.given_people(&t.norm);
    whole >= WHOLE_NAME_PEOPLE && whole >= 2 * PERSONS.given_people(&a.word)
}

/// See [`whole_given_name`]: below this, a word (وعد، ولاء) is likelier a clitic and a word.
const WHOLE_NAME_PEOPLE: u32 = 10;

/// The grouping key of a mention over tokens `r`: normalized words, the first without its
/// conjunction and preposition and with its article whole (للشرطة → الشرطه).
fn key_of(doc: &Doc, r: std::ops::Range<usize>) -> String {
    let toks = &doc.tokens;
    let mut key = if toks[r.start].kind == TokenKind::Arabic {
        let letters = name_clitic(doc, r.start);
        if letters > doc.analysis(r.start).clitic_letters {
            toks[r.start].norm['و'.len_utf8()..].to_string()
        } else if letters == 0 {
            toks[r.start].norm.clone()
        } else {
            doc.analysis(r.start).word.clone()
        }
    } else {
        toks[r.start].norm.clone()
    };
    for (i, t) in toks.iter().enumerate().take(r.end).skip(r.start + 1) {
        if !hashtag_mark(toks, i) {
            key.push(' ');
            key.push_str(&t.norm);
        }
    }
    key
}

/// A hashtag's marks, which stand for spaces in a name (#دونالد_ترمب): `#` right before a word,
/// and `_` between two words with no space on either side.
fn hashtag_mark(toks: &[Token], i: usize) -> bool {
    let word = |k: usize| toks.get(k).is_some_and(|t| t.is_word() && t.kind != TokenKind::Number && !t.space_before);
    match toks[i].norm.as_str() {
        "#" => word(i + 1),
        "_" => i > 0 && toks[i - 1].is_word() && !toks[i].space_before && word(i + 1),
        _ => false,
    }
}

/// The tagger's mentions, sentence by sentence.
pub fn mentions(doc: &Doc, model: &Model) -> Vec<MentionRec> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for sent in &doc.sentences {
        // the tagger reads a hashtag's words as words (#دونالد_ترمب as دونالد ترمب)
        let at: Vec<usize> = sent.clone().filter(|&i| !hashtag_mark(toks, i)).collect();
        let words: Vec<khabar_ner::features::Prepared> = at
            .iter()
            .map(|&i| {
                let (t, a) = (&toks[i], doc.analysis(i));
                let mut p = khabar_ner::features::Prepared::new(&doc.text[t.start..t.end], &t.norm, a);
                if t.kind != TokenKind::Arabic {
                    // only Arabic words are analyzed; the others stand for themselves
                    (p.word, p.stem) = (&t.norm, &t.norm);
                }
                p
            })
            .collect();
        let tags = model.tag_prepared(&words);
        for (ty, s, e) in khabar_ner::conll::chunks(&tags) {
            let Some(kind) = contract_type(&ty) else { continue };
            let (first, last) = (at[s], at[e - 1]);
            // a mention is words; punctuation at its edges is not part of it
            if toks[first].kind != TokenKind::Arabic && toks[first].kind != TokenKind::Word {
                continue;
            }
            let start = doc.start_after_clitic(first, name_clitic(doc, first));
            let span = start..toks[last].end;
            if span.is_empty() {
                continue;
            }
            let key = key_of(doc, first..last + 1);
            out.push(MentionRec { span, kind, key, tokens: first..last + 1 });
        }
    }
    out
}

/// Damerau–Levenshtein distance of at most one (one substitution, insertion, deletion or
/// transposition of neighbours).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if p == a.len() && p == b.len() {
        return true;
    }
    let (ra, rb) = (&a[p..], &b[p..]);
    ra.get(1..) == rb.get(1..) // substitution
        || ra.get(1..) == Some(rb) // deletion
        || Some(ra) == rb.get(1..) // insertion
        || (ra.len() >= 2 && rb.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
    // transposition
}

fn words_of(key: &str) -> Vec<&str> {
    key.split(' ').collect()
}

/// Whether mention keys `a` and `b` name the same thing, for entities of type `kind`.
#[cfg(test)]
fn same(kind: EntityType, a: &str, b: &str) -> bool {
    a == b || same_words(kind, a, &words_of(a), b, &words_of(b))
}

/// [`same`] with the keys' words already split (grouping compares every pair of mentions).
fn same_words(kind: EntityType, a: &str, wa: &[&str], b: &str, wb: &[&str]) -> bool {
    if a == b {
        return true;
    }
    let strip = |s: &str| s.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(s).to_string();
    if kind != EntityType::Per {
        // وكالة فرانس برس / فرانس برس, وزارة الداخلية الكازاخستانية / وزارة الداخلية
        let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
        if short.len() >= 2 && long.windows(short.len()).any(|w| w == short) {
            return true;
        }
        if short.len() == 1
            && long.len() == 2
            && long[1] == short[0]
            && short[0].chars().count() >= 4
            && kind == EntityType::Org
        {
            return true;
        }
        return strip(a) == strip(b);
    }
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    // a part of a fuller name: its last word, or a tail of two words or more
    if short.len() < long.len() && long.ends_with(short) {
        return true;
    }
    // the first names of a fuller name (قاسم جومرت ↔ قاسم جومرت توكاييف; إيمانويل ↔ إيمانويل ماكرون)
    if short.len() < long.len() && long.starts_with(short) && short[0].chars().count() >= 3 {
        return true;
    }
    if short.len() == 1
        && long.len() >= 2
        && long.contains(&short[0])
        && short[0].chars().count() >= 5
        && *long.last().unwrap_or(&"") != short[0]
    {
        // a family name in the middle (نور سلطان نزارباييف ↔ نزارباييف is the tail; this is for
        // the rarer first-name-only mention of a long first name)
        return false;
    }
    // one edit apart on the last word (أبليازوف / ألبيازوف), the rest equal
    let (la, lb) = (wa.last().copied().unwrap_or(""), wb.last().copied().unwrap_or(""));
    la.chars().count() >= 6
        && within_one_edit(la, lb)
        && (wa.len() == 1 || wb.len() == 1 || wa[..wa.len() - 1] == wb[..wb.len() - 1])
}

/// The placed mentions that [`same_words`] could join a new one to, found by the forms they
/// share instead of by comparing every pair (which grows with the square of the article): the
/// same key or the same key without its article; a proper prefix, suffix or window of two words
/// or more of one that is the other whole; for two-word names, the last word alone; for a last
/// word of six letters or more, the forms one deletion away (two words one edit apart share one).
/// A mention of a group whose kind and key another one already stands for is not indexed again
/// (the comparison depends on nothing else): a name repeated a thousand times is one candidate.
#[derive(Default)]
struct Candidates {
    by: rustc_hash::FxHashMap<(u8, String), Vec<usize>>,
    indexed: rustc_hash::FxHashSet<(usize, EntityType, String)>,
}

const KEY: u8 = 0;
const STRIPPED: u8 = 1;
const PREFIX: u8 = 2;
const SUFFIX: u8 = 3;
const WINDOW: u8 = 4;
const LAST_OF_TWO: u8 = 5;
const DELETION: u8 = 6;

fn without_article(key: &str) -> &str {
    key.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(key)
}

/// A word and every form of it one letter shorter.
fn deletions(w: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(w.to_string())
        .chain(w.char_indices().map(|(b, c)| format!("{}{}", &w[..b], &w[b + c.len_utf8()..])))
}

impl Candidates {
    fn add(&mut self, j: usize, group: usize, kind: EntityType, key: &str, w: &[&str]) {
        if !self.indexed.insert((group, kind, key.to_string())) {
            return;
        }
        let n = w.len();
        let mut put = |kind: u8, form: String| self.by.entry((kind, form)).or_default().push(j);
        put(KEY, key.to_string());
        put(STRIPPED, without_article(key).to_string());
        for p in 1..n {
            put(PREFIX, w[..p].join(" "));
            put(SUFFIX, w[p..].join(" "));
        }
        for a in 0..n {
            for b in a + 2..=n {
                if b - a < n {
                    put(WINDOW, w[a..b].join(" "));
                }
            }
        }
        if n == 2 {
            put(LAST_OF_TWO, w[1].to_string());
        }
        if let Some(last) = w.last().filter(|l| l.chars().count() >= 6) {
            for d in deletions(last) {
                put(DELETION, d);
            }
        }
    }

    /// The placed mentions that may name what `key` names (a superset; some repeated).
    fn of(&self, key: &str, w: &[&str]) -> Vec<usize> {
        let n = w.len();
        let mut forms: Vec<(u8, String)> = vec![
            (KEY, key.to_string()),
            (STRIPPED, without_article(key).to_string()),
            (PREFIX, key.to_string()),
            (SUFFIX, key.to_string()),
            (WINDOW, key.to_string()),
        ];
        for p in 1..n {
            forms.push((KEY, w[..p].join(" ")));
            forms.push((KEY, w[p..].join(" ")));
        }
        for a in 0..n {
            for b in a + 2..=n {
                if b - a < n {
                    forms.push((KEY, w[a..b].join(" ")));
                }
            }
        }
        if n == 1 {
            forms.push((LAST_OF_TWO, w[0].to_string()));
        }
        if let Some(last) = w.last() {
            forms.extend(deletions(last).map(|d| (DELETION, d)));
        }
        forms.iter().filter_map(|f| self.by.get(f)).flatten().copied().collect()
    }
}

/// Groups mentions into entities.
pub fn group(doc: &Doc, mentions: Vec<MentionRec>) -> Vec<EntityRec> {
    // longest mentions first, so that a short one joins the fullest name it is part of
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(mentions[i].key.split(' ').count()), mentions[i].span.start));
    let words: Vec<Vec<&str>> = mentions.iter().map(|m| words_of(&m.key)).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of = vec![usize::MAX; mentions.len()];
    let mut index = Candidates::default();
    for &i in &order {
        let m = &mentions[i];
        // the first group with a mention that names the same thing; only mentions that share a
        // form with this one can (see Candidates), so only they are compared
        let found = index
            .of(&m.key, &words[i])
            .into_iter()
            .filter(|&j| {
                let o = &mentions[j];
                (o.kind == m.kind || o.key == m.key) && same_words(m.kind, &o.key, &words[j], &m.key, &words[i])
            })
            .map(|j| group_of[j])
            .min();
        let g = match found {
            Some(g) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(i);
        group_of[i] = g;
        index.add(i, g, m.kind, &m.key, &words[i]);
    }
    let mut out: Vec<EntityRec> = groups
        .into_iter()
        .map(|mut g| {
            g.sort_by_key(|&i| mentions[i].span.start);
            let ms: Vec<MentionRec> = g.iter().map(|&i| mentions[i].clone()).collect();
            let mut votes: Vec<(EntityType, usize)> = Vec::new();
            for m in &ms {
                match votes.iter_mut().find(|v| v.0 == m.kind) {
                    Some(v) => v.1 += 1,
                    None => votes.push((m.kind, 1)),
                }
            }
            let kind = votes.iter().max_by_key(|v| v.1).map(|v| v.0).unwrap_or(EntityType::Org);
            // the fullest form, written whole (الشرطة rather than لشرطة cut from للشرطة)
            let whole = |k: usize| normalize(&doc.text[ms[k].span.clone()]) == ms[k].key;
            let name =
                (0..ms.len()).max_by_key(|&k| (ms[k].key.chars().count(), whole(k), std::cmp::Reverse(k))).unwrap_or(0);
            let mut e = EntityRec { kind, mentions: ms, name, place: None, latin: None };
            if kind == EntityType::Loc {
                // the fullest form the gazetteer knows
                let mut keys: Vec<&str> = e.mentions.iter().map(|m| m.key.as_str()).collect();
                keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
                e.place = keys.iter().find_map(|k| GAZETTEER.place_normalized(k));
            }
            if kind == EntityType::Per {
                e.latin = PERSONS.latin_normalized(&e.mentions[e.name].key);
            }
            e
        })
        .collect();
    out.sort_by_key(|e| e.mentions[0].span.start);
    out
}

/// Entities of a document, if a tagger is embedded.
pub fn extract(doc: &Doc) -> Vec<EntityRec> {
    let tagged = match Model::embedded() {
        Some(m) => mentions(doc, m).into_iter().filter_map(|x| trim(doc, x)).collect(),
        None => Vec::new(),
    };
    let mut rules = org_rules(doc);
    rules.extend(person_rules(doc));
    rules.extend(place_rules(doc));
    let tagged: Vec<MentionRec> = tagged
        .into_iter()
        .filter(|m| !common_place_word(doc, m) && !common_single_word(doc, m) && !described_person(doc, m))
        .collect();
    let mut found: Vec<MentionRec> = merge(tagged, rules).into_iter().map(|m| trim_edges(doc, m)).collect();
    // what the gazetteer adds fills gaps only
    for m in gazetteer_places(doc) {
        if !found.iter().any(|k| k.tokens.start < m.tokens.end && m.tokens.start < k.tokens.end) {
            found.push(m);
        }
    }
    // a listed name is no name either where it is an adjective (العربية after اللغة)
    found.retain(|m| !credit(doc, &m.span) && !adjective_after_noun(doc, m) && !generic_org(doc, m));
    found.sort_by_key(|m| m.tokens.start);
    for m in &mut found {
        if medium(doc, m) {
            m.kind = EntityType::Org;
        }
    }
    let mut found = split_people(doc, found);
    complete_persons(doc, &mut found);
    full_names(doc, &mut found);
    regnal(doc, &mut found);
    regions(doc, &mut found);
    let mut found = join_adjacent(doc, found);
    repeats(doc, &mut found);
    short_names(doc, &mut found);
    surnames(doc, &mut found);
    lone_definite_persons(doc, &mut found);
    group(doc, found)
}

/// Words of a name that make the next word a father's or a family's, not the person's own
/// surname (محمد بن سلمان is not سلمان, خالد آل خليفة not خليفة).
const PATRONYMIC: [&str; 9] = ["بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال", "الي", "ولد"];

/// A person named in full (حيدر العبادي، مايك بومبيو) is the same person where the last word of
/// the name stands alone later in the article (أعلن العبادي، وقال بومبيو), bare or after one
/// clitic letter: news names a person once in full and then by the surname. Only a surname no
/// other person of the article shares, that looks like a name's word and is no common word,
/// place or kind of body; and not where a given name stands right before it (another person of
/// the family) or a surname right after it.
fn surnames(doc: &Doc, found: &mut Vec<MentionRec>) {
    let toks = &doc.tokens;
    // surname -> whether one person alone carries it, and the words of that person's names
    let mut by_surname: rustc_hash::FxHashMap<&str, (bool, Vec<&str>)> = rustc_hash::FxHashMap::default();
    // (a one-word mention says nothing of whose surname it is)
    for m in found.iter().filter(|m| m.kind == EntityType::Per && m.tokens.len() >= 2) {
        let words: Vec<&str> = m.key.split(' ').collect();
        let last = m.tokens.end - 1;
        let first = m.tokens.start;
        let sound = words.len() == m.tokens.len()
            // (every word a name's, none a kind of body's: a tagger's نجم كرة القدم is no name)
            // (or a given name in Wikidata the corpus takes for a common word: جينا هاسبل)
            && (m.span.start > toks[first].start
                || name_like(doc, first, true)
                || PERSONS.given_people(&toks[first].norm) >= 1
                    && !CHAIN_STOP.contains(toks[first].norm.as_str())
                    && !doc.analysis(first).article
                    // (نجمة بوليوود: a title, in the feminine too)
                    && !TITLES.contains(&doc.analysis(first).word)
                    && !doc.analysis(first).word.strip_suffix('ه').is_some_and(|w| TITLES.contains(w)))
            && (first + 1..m.tokens.end).all(|k| name_like(doc, k, false))
            && m.tokens.clone().all(|k| ORG_HEADS.get(&doc.analysis(k).word).is_none())
            && !PATRONYMIC.contains(&words[words.len() - 2])
            && toks[last].kind == TokenKind::Arabic
            && words[words.len() - 1].chars().count() >= 4
            && name_like(doc, last, false)
            && !corpus_says_common(&doc.analysis(last).word)
            // (a surname Wikidata knows and the corpus does not take for a body or a place, a
            // word the corpus takes for a person's, or one it never saw)
            && {
                let w = &doc.analysis(last).word;
                let other = corpus_says(w, EntityType::Org, 2) || corpus_says(w, EntityType::Loc, 2);
                PERSONS.is_name_word(&toks[last].norm, false) && !other
                    || corpus_says(w, EntityType::Per, 1)
                    || Model::embedded().is_some_and(|m| m.corpus_type(w).is_none())
            }
            && !is_place_word(words[words.len() - 1])
            && ORG_HEADS.get(&doc.analysis(last).word).is_none();
        // (a person's other words are no one else's surname: الملك سلمان and محمد بن سلمان)
        for (k, w) in words.iter().enumerate() {
            let own = sound && k + 1 == words.len();
            let entry = by_surname.entry(w).or_insert((true, Vec::new()));
            // (two full names of it with no other word in common are two people: بشار العبادي،
            // حيدر العبادي)
            let another = own && !entry.1.is_empty() && !words[..k].iter().any(|x| entry.1.contains(x));
            entry.0 &= own && !another;
            if own {
                for x in &words[..k] {
                    if !entry.1.contains(x) {
                        entry.1.push(x);
                    }
                }
            }
        }
    }
    by_surname.retain(|_, (alone, _)| *alone);
    if by_surname.is_empty() {
        return;
    }
    let mut taken = vec![false; toks.len()];
    for m in found.iter() {
        taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    for p in 0..toks.len() {
        if taken[p] || toks[p].kind != TokenKind::Arabic {
            continue;
        }
        let norm = toks[p].norm.as_str();
        let (clitic, surname, others) = match by_surname.get_key_value(norm) {
            Some((w, (_, others))) => (0, *w, others),
            None => match norm.strip_prefix(REPEAT_CLITICS).and_then(|rest| by_surname.get_key_value(rest)) {
                Some((w, (_, others))) => (1, *w, others),
                None => continue,
            },
        };
        // the person's other words right before (هارفي واينستين, #محمد_السبكي where the tagger
        // took neither) make one mention with it
        let mut first = p;
        while clitic == 0 && first > 0 && !taken[first - 1] {
            let q = if first >= 2 && hashtag_mark(toks, first - 1) { first - 2 } else { first - 1 };
            if taken[q] || !others.contains(&toks[q].norm.as_str()) || !name_like(doc, q, true) {
                break;
            }
            first = q;
        }
        // (a particle spelled as a name is none: أن هاسبل is no آن هاسبل)
        let name_word = |t: &khabar_text::token::Token, given: bool| {
            t.kind == TokenKind::Arabic && !CHAIN_STOP.contains(t.norm.as_str()) && PERSONS.is_name_word(&t.norm, given)
        };
        let family = first > 0 && name_word(&toks[first - 1], true) && !taken[first - 1]
            || toks.get(p + 1).is_some_and(|n| name_word(n, false));
        if family {
            continue;
        }
        let tokens = first..p + 1;
        added.push(MentionRec {
            span: doc.start_after_clitic(first, if first == p { clitic } else { 0 })..toks[p].end,
            kind: EntityType::Per,
            key: if first == p { surname.to_string() } else { key_of(doc, tokens.clone()) },
            tokens: tokens.clone(),
        });
        taken[tokens].iter_mut().for_each(|t| *t = true);
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.tokens.start);
    }
}

/// A person named by one definite word (الراحلة، المحكمون، الحائز، المستقيل) is a description the
/// tagger took for a name, unless the word is a family name: a nisba (السيسي، المهدي), a name word
/// Wikidata knows, or the last word of a person the article names in full. The article's
/// ال is written with a bare alif: أليسون and إليانور are names.
fn lone_definite_persons(doc: &Doc, found: &mut Vec<MentionRec>) {
    let toks = &doc.tokens;
    let surnames: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Per && m.tokens.len() >= 2)
        .map(|m| toks[m.tokens.end - 1].norm.as_str())
        .collect();
    let description = |m: &MentionRec| {
        if m.kind != EntityType::Per || m.tokens.len() != 1 {
            return false;
        }
        let k = m.tokens.start;
        let a = doc.analysis(k);
        let raw = &doc.text[m.span.clone()];
        toks[k].kind == TokenKind::Arabic
            && a.article
            && raw.starts_with("ال")
            && !a.word.ends_with('ي')
            && !PERSONS.is_name_word(&a.word, false)
            && !PERSONS.is_name_word(&a.word, true)
            && !surnames.contains(&a.word.as_str())
            && !surnames.contains(&toks[k].norm.as_str())
    };
    found.retain(|m| !description(m));
}

/// Clitics a repeated name may carry in front (وقال وي فان … ويؤكد وي فان، لدان فاهدات).
const REPEAT_CLITICS: [char; 4] = ['و', 'ف', 'ب', 'ل'];

/// A name of two words or more found once is the same name wherever its words stand again in
/// the article, bare or after one clitic letter: the tagger reads each sentence on its own and
/// may miss the second time what it took the first (label consistency within a document,
/// Krishnan & Manning 2006). Only whole runs of the same normalized words, in no other mention;
/// a one-word name is left to the tagger (too many are also common words: أمل، سعيد).
fn repeats(doc: &Doc, found: &mut Vec<MentionRec>) {
    let toks = &doc.tokens;
    let mut names: Vec<(Vec<&str>, EntityType)> = Vec::new();
    for m in found.iter().filter(|m| m.tokens.len() >= 2) {
        // the name's words as the key has them (the first without the clitic the mention left
        // out), each a word; a person's words must look like a name's and no kind of
        // organization's (a tagger's مجلس إدارة is no person to repeat), and a
        // mention that opens with a preposition or a conjunction is no name to repeat (بأن غسان)
        let words: Vec<&str> = m.key.split(' ').collect();
        let first = m.tokens.start;
        // (a mention that leaves its first token's clitic out is bare by its span)
        let clitic_cut = m.span.start > toks[first].start;
        let bare = clitic_cut || {
            let a = doc.analysis(first);
            a.prep.is_none() && a.conj.is_none()
        };
        let sound = words.len() == m.tokens.len()
            && bare
            && toks[m.tokens.clone()].iter().all(|t| matches!(t.kind, TokenKind::Arabic | TokenKind::Word))
            && (m.kind != EntityType::Per
                || (clitic_cut || name_like(doc, first, true))
                    && (first + 1..m.tokens.end).all(|k| name_like(doc, k, false))
                    && m.tokens.clone().all(|k| ORG_HEADS.get(&doc.analysis(k).word).is_none()));
        if sound && !names.iter().any(|(w, _)| *w == words) {
            names.push((words, m.kind));
        }
    }
    if names.is_empty() {
        return;
    }
    // names by their second word, which a repeat has bare (one look-up per token)
    let mut by_second: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (n, (words, _)) in names.iter().enumerate() {
        by_second.entry(words[1]).or_default().push(n);
    }
    let mut taken = vec![false; toks.len()];
    for m in found.iter() {
        taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    for p in 0..toks.len().saturating_sub(1) {
        let Some(candidates) = by_second.get(toks[p + 1].norm.as_str()) else { continue };
        let first = toks[p].norm.as_str();
        for &n in candidates {
            let (words, kind) = &names[n];
            let end = p + words.len();
            if end > toks.len() || toks[p + 2..end].iter().zip(&words[2..]).any(|(t, w)| t.norm != *w) {
                continue;
            }
            // the first word bare, or after one clitic letter
            let clitic = if first == words[0] {
                0
            } else if first.strip_prefix(REPEAT_CLITICS).is_some_and(|rest| rest == words[0]) {
                1
            } else {
                continue;
            };
            if taken[p..end].iter().any(|&t| t) {
                continue;
            }
            let tokens = p..end;
            added.push(MentionRec {
                span: doc.start_after_clitic(p, clitic)..toks[end - 1].end,
                kind: *kind,
                key: key_of(doc, tokens.clone()),
                tokens: tokens.clone(),
            });
            taken[tokens].iter_mut().for_each(|t| *t = true);
            break;
        }
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.tokens.start);
    }
}

static SHORT_NAME_HEADS: Lazy = lexicon!("short_name_heads");

/// An organization named once with its kind and a definite one-word name (نادي الهلال، صحيفة
/// الأهرام; `short_name_heads.tsv`) is the same organization where the name stands alone later in
/// the article (فاز الهلال، ولاعب الهلال، وقالت الأهرام), bare or after one clitic letter. Not where a definite word follows that may be its adjective (الهلال الأحمر
/// is another body, العولمة الاقتصادية an adjective) nor inside another mention.
fn short_names(doc: &Doc, found: &mut Vec<MentionRec>) {
    let toks = &doc.tokens;
    let mut names: Vec<&str> = Vec::new();
    for m in found.iter().filter(|m| m.kind == EntityType::Org && m.tokens.len() == 2) {
        let (head, name) = (doc.analysis(m.tokens.start), doc.analysis(m.tokens.start + 1));
        let n = toks[m.tokens.start + 1].norm.as_str();
        // (نادى الجميع is a verb: the kind is spelled with its ي)
        let head_raw = &doc.text[toks[m.tokens.start].start..toks[m.tokens.start].end];
        if !head.article
            && head.prep.is_none()
            && SHORT_NAME_HEADS.contains(&head.word)
            && !head_raw.ends_with('ى')
            && toks[m.tokens.start + 1].kind == TokenKind::Arabic
            && name.article
            && name.prep.is_none()
            && name.conj.is_none()
            && n.starts_with("ال")
            && n.chars().count() >= 5
            // (قناة النادي is the club's channel: a kind of body is no name)
            && ORG_HEADS.get(n).is_none()
            && ORG_HEADS.get(&n["ال".len()..]).is_none()
            && !names.contains(&n)
        {
            names.push(n);
        }
    }
    if names.is_empty() {
        return;
    }
    let mut taken = vec![false; toks.len()];
    for m in found.iter() {
        taken[m.tokens.clone()].iter_mut().for_each(|t| *t = true);
    }
    let mut added = Vec::new();
    for (p, t) in toks.iter().enumerate() {
        if taken[p] || t.kind != TokenKind::Arabic {
            continue;
        }
        let n = t.norm.as_str();
        let (clitic, name) = match names.iter().find(|w| **w == n) {
            Some(w) => (0, *w),
            None => match n.strip_prefix(REPEAT_CLITICS).and_then(|rest| names.iter().find(|w| **w == rest)) {
                Some(w) => (1, *w),
                None => continue,
            },
        };
        // (nor where it may be an adjective of the definite noun before: العولمة الاقتصادية)
        let adjective_after = toks.get(p + 1).is_some_and(|a| a.kind == TokenKind::Arabic && a.norm.starts_with("ال"));
        let adjective_of = clitic == 0
            && p > 0
            && toks[p - 1].kind == TokenKind::Arabic
            && doc.analysis(p - 1).article
            && doc.analysis(p - 1).prep.is_none();
        if adjective_after || adjective_of {
            continue;
        }
        let key = name.to_string();
        added.push(MentionRec {
            span: doc.start_after_clitic(p, clitic)..t.end,
            kind: EntityType::Org,
            key,
            tokens: p..p + 1,
        });
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| m.tokens.start);
    }
}

/// A person's mention the tagger ran over two people joined by و (صالح النعيمة ومحيسن الجمعان):
/// one mention each. The second person must open with a given name Wikidata knows, or both sides
/// be two words or more; a word that only looks like و and a name (ولد، وليد) is one word, as the
/// clitic analysis and the corpus say.
fn split_people(doc: &Doc, found: Vec<MentionRec>) -> Vec<MentionRec> {
    // the words that name a place or a body on their own elsewhere in the article
    let bodies: rustc_hash::FxHashMap<&str, EntityType> = found
        .iter()
        .filter(|o| o.kind != EntityType::Per && o.tokens.len() == 1)
        .map(|o| (doc.analysis(o.tokens.start).word.as_str(), o.kind))
        .collect();
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        if m.kind != EntityType::Per || m.tokens.len() < 2 {
            out.push(m);
            continue;
        }
        let (a, b) = (m.tokens.start, m.tokens.end);
        // رئيس باراغواي هوراسيو كارتيس، رئيس فريق برونكوس كيفن غارينغر، المتحدث باسم طالبان
        // ذبيح الله مجاهد: after a title, a kind of body or باسم, a word that names a place or a
        // body (elsewhere in the article, or a major place) says whose the title is; the person's
        // name is what follows
        if b - a >= 3 && a > 0 && doc.tokens[a].kind == TokenKind::Arabic {
            let before = doc.analysis(a - 1).word.as_str();
            let governs = TITLES.contains(before) || is_head(&ORG_HEADS, before, Use::Chain) || before == "باسم";
            let first = doc.analysis(a);
            // (the person's name opens with a given name Wikidata knows, and the word before it
            // is none: رئيس فلاديمير is no place's title, ماري جي بلايج no place's singer)
            let given = |k: usize| PERSONS.is_name_word(&doc.tokens[k].norm, true);
            let opens_name = |k: usize| {
                let w = &doc.analysis(k).word;
                !matches!(w.as_str(), "دي" | "دو" | "دا" | "ديل" | "لا" | "سان")
                    && (given(k) || title_context(w) >= 2 || corpus_says(w, EntityType::Per, 2))
            };
            let whose = if first.prep.is_some()
                || first.conj.is_some()
                || given(a)
                || corpus_says(&first.word, EntityType::Per, 2)
                || is_nisba(&doc.tokens[a].norm)
                || !opens_name(a + 1)
            {
                None
            } else if let Some(&kind) = bodies.get(first.word.as_str()) {
                Some(kind)
            } else {
                is_place_word(&doc.tokens[a].norm).then_some(EntityType::Loc)
            };
            if let Some(kind) = whose.filter(|_| governs && (a + 1..b).all(|k| name_like(doc, k, k == a + 1))) {
                out.push(MentionRec {
                    span: doc.tokens[a].start..doc.tokens[a].end,
                    kind,
                    key: key_of(doc, a..a + 1),
                    tokens: a..a + 1,
                });
                out.push(MentionRec {
                    span: doc.tokens[a + 1].start..m.span.end,
                    kind: EntityType::Per,
                    key: key_of(doc, a + 1..b),
                    tokens: a + 1..b,
                });
                continue;
            }
        }
        let joined = (a + 1..b).find(|&k| {
            let (t, x) = (&doc.tokens[k], doc.analysis(k));
            let Some(rest) = t.norm.strip_prefix('و') else { return false };
            // و and a word, or a word in و the corpus never saw whole (ومحيسن)
            let conj = x.conj == Some('و') && x.prep.is_none() || unseen_after_and(t);
            conj && rest.chars().count() >= 3 && (PERSONS.is_name_word(rest, true) || (k - a >= 2 && b - k >= 2))
        });
        if let Some(k) = joined {
            let second = MentionRec {
                span: doc.start_after_clitic(k, 1)..m.span.end,
                kind: EntityType::Per,
                key: key_of(doc, k..b),
                tokens: k..b,
            };
            out.push(ending_at(doc, m, k));
            out.push(second);
            continue;
        }
        out.push(m);
    }
    out
}

static MEDIA_HEADS: Lazy = lexicon!("media_heads");
static CANAL_NAMES: Lazy = lexicon!("canal_names");

/// Whether a mention of two words or more is a medium's name by its head (قناة النهار، صحيفة
/// الأهرام), which is an organization; قناة before a canal's name (قناة السويس) is not.
fn medium(doc: &Doc, m: &MentionRec) -> bool {
    let head = &doc.analysis(m.tokens.start).word;
    m.tokens.len() >= 2
        && MEDIA_HEADS.contains(head)
        && !(head.ends_with("قناه") && CANAL_NAMES.contains(&doc.tokens[m.tokens.start + 1].norm))
}

/// An organization's kind and an indefinite adjective (جامعة أمريكية، حزب سياسي، معهد تقني) is a
/// description, not a name: a name is definite or a name of its own (جامعة هارفارد، شركة
/// هيونداي, which the corpus takes for a name).
fn generic_org(doc: &Doc, m: &MentionRec) -> bool {
    let toks = &doc.tokens;
    if m.kind != EntityType::Org || m.tokens.len() != 2 {
        return false;
    }
    let (head, adj) = (m.tokens.start, m.tokens.start + 1);
    let (h, a) = (doc.analysis(head), doc.analysis(adj));
    let n = toks[adj].norm.as_str();
    toks[adj].kind == TokenKind::Arabic
        && !h.article
        && is_head(&ORG_HEADS, &h.word, Use::Chain)
        && !a.article
        && a.prep.is_none()
        && (n.ends_with('ي') || n.ends_with("يه"))
        && khabar_text::clitic::frequency(n) >= COMMON_FROM
        && corpus_says_common(&a.word)
}

/// Corpus frequency under which a word after a given name is taken for its family name.
const RARE_SURNAME: u32 = 20;
/// Corpus frequency from which the tagger's share of a word's occurrences says it is no name.
const COMMON_FROM: u32 = 50;

/// A person's mention that the tagger cut inside the name gets the rest of it: the family name
/// after a given name (مازن | فقها، ناصر | الخليفي), the given name before a family name (توما |
/// مونييه). The word must stand right beside the mention, bare (no conjunction or preposition),
/// no title, cue or word that ends a name, not a word the tagger mostly took for no name across
/// the corpus, in no other mention, and a name word of its role in Wikidata's labels
/// (`persons.tsv`) — or, after a given name, a word this rare in the corpus.
fn complete_persons(doc: &Doc, found: &mut [MentionRec]) {
    let toks = &doc.tokens;
    // `after`: the word after the mention (a family name), else before it (a given name)
    let bare = |k: usize, after: bool| {
        let t = &toks[k];
        let a = doc.analysis(k);
        // a family name whose first letter the clitic analysis takes for a conjunction or a
        // preposition (ويد، بونعيم، لوفن): no article after the letter (بالقصيم، للشطرنج،
        // والفارابي), and Wikidata knows the whole word as a family name, or — after a letter
        // other than و or ف (وهينيسي is "and Hennessy") — the whole word and what is left
        // without the letter are both rare in the corpus
        let article_after_letter = t.norm.chars().skip(1).take(2).eq("ال".chars()) || t.norm.starts_with("لل");
        let clitic_letter = || {
            after
                && !a.article
                && !article_after_letter
                && (PERSONS.is_name_word(&t.norm, false)
                    || a.conj.is_none()
                        && khabar_text::clitic::frequency(&t.norm) < RARE_SURNAME
                        && khabar_text::clitic::frequency(&a.word) < RARE_SURNAME
                        && !PERSONS.is_name_word(&a.word, true)
                        && !PERSONS.is_name_word(&a.word, false))
        };
        t.kind == TokenKind::Arabic
            && (a.conj.is_none() && a.prep.is_none() || clitic_letter())
            && t.norm.chars().nth(2).is_some()
            && !TITLES.contains(&a.word)
            && !CHAIN_STOP.contains(t.norm.as_str())
            && crate::lexicon::CUES.find(&t.norm).is_none()
            && !hashtag_mark(toks, k)
            // a word the tagger, over the whole corpus, mostly took for no name (كان، خلف، نظام،
            // هدافا), unless it is a rare one that Wikidata knows as a name of its role
            && (!corpus_says_common(&a.word)
                || khabar_text::clitic::frequency(&t.norm) < COMMON_FROM && PERSONS.is_name_word(&t.norm, !after))
    };
    // only a space between (no comma, no line break)
    let beside = |x: usize, y: usize| spaced(doc, x, y);
    for i in 0..found.len() {
        // a chain of given names (أحمد بن محمد، عبدالعزيز سعود سعد) may be cut before its family name too
        if found[i].kind != EntityType::Per || found[i].tokens.len() > 4 {
            continue;
        }
        let (a, b) = (found[i].tokens.start, found[i].tokens.end);
        let free_before = i == 0 || found[i - 1].tokens.end < a;
        let free_after = found.get(i + 1).is_none_or(|n| n.tokens.start > b);
        if free_after
            && b < toks.len()
            && beside(b - 1, b)
            && bare(b, true)
            && PERSONS.is_name_word(&toks[b - 1].norm, true)
            && (PERSONS.is_name_word(&toks[b].norm, false)
                || khabar_text::clitic::frequency(&toks[b].norm) < RARE_SURNAME && !is_place_word(&toks[b].norm))
        {
            let m = &mut found[i];
            m.tokens.end = b + 1;
            m.span.end = toks[b].end;
            m.key = key_of(doc, m.tokens.clone());
            continue;
        }
        if found[i].tokens.len() == 1
            && free_before
            && a > 0
            && beside(a - 1, a)
            && bare(a - 1, false)
            && PERSONS.is_name_word(&toks[a - 1].norm, true)
            && PERSONS.is_name_word(&toks[a].norm, false)
        {
            let m = &mut found[i];
            m.tokens.start = a - 1;
            m.span.start = toks[a - 1].start;
            m.key = key_of(doc, m.tokens.clone());
        }
    }
}

/// A person's mention the tagger cut short of a whole name gets the rest of it: the words beside
/// it that make, with it, a name Wikidata's labels know whole (هيفاء | وهبي، عبدالفتاح | السيسي،
/// حازم | إمام; `persons.tsv`), and the word after a name that ends in a particle of
/// descent, which no name ends in (زين العابدين بن | علي، عبد الملك آل | الشيخ). A known whole
/// name is safer than the name words alone that [`complete_persons`] goes by: إمام is a common
/// word, but not after حازم. Up to two words after and one before; only words with nothing but a
/// space between them, no conjunction or preposition on them, and no title or cue; a mention the
/// longer name covers joins it.
fn full_names(doc: &Doc, found: &mut Vec<MentionRec>) {
    let toks = &doc.tokens;
    let beside = |x: usize, y: usize| spaced(doc, x, y);
    let bare = |k: usize| {
        let a = doc.analysis(k);
        toks[k].kind == TokenKind::Arabic
            && a.conj.is_none()
            && a.prep.is_none()
            && !hashtag_mark(toks, k)
            && !TITLES.contains(&a.word)
            && !CHAIN_STOP.contains(toks[k].norm.as_str())
            && crate::lexicon::CUES.find(&toks[k].norm).is_none()
    };
    // (آل and أم, not إل or إم: كيم جونغ إل ends in a name word, جون إم. in an initial)
    let particle = |k: usize| {
        let n = toks[k].norm.as_str();
        let raw = &doc.text[toks[k].start..];
        PATRONYMIC.contains(&n) && (n != "ال" || raw.starts_with('آ')) && (n != "ام" || raw.starts_with(['أ', 'ا']))
    };
    let mut i = 0;
    while i < found.len() {
        if found[i].kind != EntityType::Per || found[i].tokens.len() > 3 {
            i += 1;
            continue;
        }
        let (a, b) = (found[i].tokens.start, found[i].tokens.end);
        // the words after that the name may take: beside each other and bare
        let mut reach = b;
        while reach < toks.len() && reach < b + 2 && beside(reach - 1, reach) && bare(reach) {
            reach += 1;
        }
        // (after a particle any word is the name's: بن علي, though علي reads as a preposition)
        let particle_end = particle(b - 1)
            && b < toks.len()
            && beside(b - 1, b)
            && toks[b].kind == TokenKind::Arabic
            && !hashtag_mark(toks, b)
            // (صدام ابن عم والده: a kin noun makes ابن "son" of another person)
            && !crate::quotes::KIN_HEADS.contains(&doc.analysis(b).word)
            && found.get(i + 1).is_none_or(|n| n.tokens.start > b || n.kind == EntityType::Per);
        // (a person named right after the particle is the rest of the name: محمد بن | سلمان)
        let next_person = found.get(i + 1).filter(|n| particle_end && n.tokens.start == b).map(|n| n.tokens.end);
        if particle_end && reach == b && b + 1 < toks.len() && beside(b, b + 1) && bare(b + 1) {
            reach = b + 2;
        }
        let mut range = (b + 1..=reach)
            .rev()
            .find(|&e| PERSONS.is_full_name(&key_of(doc, a..e)))
            .map(|e| a..e)
            .or_else(|| particle_end.then(|| a..next_person.unwrap_or(b + 1)));
        if range.is_none() && a > 0 && beside(a - 1, a) && bare(a - 1) && PERSONS.is_full_name(&key_of(doc, a - 1..b)) {
            range = Some(a - 1..b);
        }
        let Some(r) = range else {
            // no name ends in a particle of descent: one that takes no name after it is none of
            // this name (صدام ابن عم والده)
            if b - a >= 2
                && particle(b - 1)
                && !hashtag_mark(toks, b - 2)
                && (b == toks.len() || !hashtag_mark(toks, b))
            {
                found[i] = ending_at(doc, found[i].clone(), b - 1);
            }
            i += 1;
            continue;
        };
        // other mentions inside the longer name join it; one that reaches beyond it keeps it short
        let others = |m: &MentionRec| m.tokens.start < r.end && r.start < m.tokens.end;
        if found
            .iter()
            .enumerate()
            .any(|(j, m)| j != i && others(m) && (m.tokens.start < r.start || m.tokens.end > r.end))
        {
            i += 1;
            continue;
        }
        // (the start stays after a clitic the mention left out)
        let start = if r.start == a { found[i].span.start } else { toks[r.start].start };
        let m = &mut found[i];
        m.tokens = r.clone();
        m.span = start..toks[r.end - 1].end;
        m.key = key_of(doc, r.clone());
        let keep = found[i].clone();
        found.retain(|m| !(m.tokens.start >= r.start && m.tokens.end <= r.end) || *m == keep);
        i = found.iter().position(|m| *m == keep).map_or(found.len(), |p| p + 1);
    }
}

/// Titles of monarchs and popes (الملك، البابا، السلطان).
static REGNAL_TITLES: Lazy = lexicon!("regnal_titles");
/// The ordinals in their names (الثاني، الثانية، السادس).
static REGNAL_ORDINALS: Lazy = lexicon!("regnal_ordinals");

/// A monarch's or a pope's name ends with its ordinal: الملك عبدالله الثاني، الملكة إليزابيث الثانية،
/// البابا بنديكت السادس عشر. The tagger leaves the ordinal out (it reads like an adjective), and
/// then the ruler's given name alone joins another person of that name. Only after a regal
/// title (in the mention or up to two words before it, its adjectives between: العاهل الأردني
/// الملك) — a name and an ordinal without one is a rank (حل فيتل الثاني) — and then the same name
/// with the same ordinal elsewhere in the article too.
fn regnal(doc: &Doc, found: &mut [MentionRec]) {
    let toks = &doc.tokens;
    let beside = |x: usize, y: usize| spaced(doc, x, y);
    // the ordinal words after a mention ending at `b` (with عشر after the ordinal), if any
    let ordinal_end = |b: usize| -> Option<usize> {
        if b >= toks.len() || !beside(b - 1, b) || !REGNAL_ORDINALS.contains(&toks[b].norm) {
            return None;
        }
        let teen = b + 1 < toks.len() && beside(b, b + 1) && matches!(toks[b + 1].norm.as_str(), "عشر" | "عشره");
        Some(if teen { b + 2 } else { b + 1 })
    };
    // a title in the mention, or before it with only words between (no comma, no full stop)
    let titled = |a: usize, b: usize| {
        (a.saturating_sub(3)..b).any(|k| {
            toks[k].kind == TokenKind::Arabic
                && REGNAL_TITLES.contains(&doc.analysis(k).word)
                && (k..a).all(|j| toks[j].kind == TokenKind::Arabic && (j + 1 >= a || beside(j, j + 1)))
        })
    };
    let mut named: Vec<(String, String)> = Vec::new();
    for pass in 0..2 {
        for i in 0..found.len() {
            if found[i].kind != EntityType::Per {
                continue;
            }
            let (a, b) = (found[i].tokens.start, found[i].tokens.end);
            let Some(end) = ordinal_end(b) else { continue };
            if found.get(i + 1).is_some_and(|n| n.tokens.start < end) {
                continue;
            }
            let ordinal = key_of(doc, b..end);
            let known = || named.iter().any(|(k, o)| *k == found[i].key && *o == ordinal);
            if pass == 0 && !titled(a, b) || pass == 1 && !known() {
                continue;
            }
            named.push((found[i].key.clone(), ordinal));
            let m = &mut found[i];
            m.tokens.end = end;
            m.span.end = toks[end - 1].end;
            m.key = key_of(doc, m.tokens.clone());
        }
    }
}

/// Nouns of direction that make a region of a continent after them (شمال أفريقيا).
static REGION_DIRECTIONS: Lazy = lexicon!("region_directions");
/// The continents they do (not a country: شمال سوريا is Syria).
static REGION_CONTINENTS: Lazy = lexicon!("region_continents");

/// A continent's mention with nouns of direction right before it becomes the region they name:
/// شمال أفريقيا، جنوب شرق آسيا (the direction's own conjunction or preposition left out).
fn regions(doc: &Doc, found: &mut [MentionRec]) {
    let toks = &doc.tokens;
    for i in 0..found.len() {
        let a = found[i].tokens.start;
        if found[i].kind != EntityType::Loc
            || found[i].tokens.len() != 1
            || toks[a].kind != TokenKind::Arabic
            || doc.analysis(a).clitic_letters != 0
            || !REGION_CONTINENTS.contains(&toks[a].norm)
        {
            continue;
        }
        let floor = if i == 0 { 0 } else { found[i - 1].tokens.end };
        let mut first = a;
        while first > floor
            && toks[first - 1].kind == TokenKind::Arabic
            && doc.text[toks[first - 1].end..toks[first].start] == *" "
            && REGION_DIRECTIONS.contains(&doc.analysis(first - 1).word)
        {
            first -= 1;
            // only the first word may carry a conjunction or preposition (وشمال أفريقيا)
            if doc.analysis(first).clitic_letters != 0 {
                break;
            }
        }
        if first < a {
            let m = &mut found[i];
            m.tokens.start = first;
            m.span.start = doc.start_after_clitic(first, doc.analysis(first).clitic_letters);
            m.key = key_of(doc, m.tokens.clone());
        }
    }
}

/// The entities component.
pub struct Entities;

impl crate::component::Component for Entities {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn assigns(&self) -> &'static str {
        "persons, organizations and places, one per real thing, places geocoded"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.entities = extract(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn described_people_are_not_named_entities() {
        let doc = Doc::new("وقال مسؤولان أميركيان إن الرئيس دونالد ترامب سيزور باريس.", None);
        let ents = extract(&doc);
        let names: Vec<(EntityType, &str)> =
            ents.iter().flat_map(|e| e.mentions.iter().map(move |m| (e.kind, &doc.text[m.span.clone()]))).collect();
        assert!(names.iter().all(|(_, n)| !n.contains("مسؤولان")), "{names:?}");
        if Model::embedded().is_some() {
            assert!(names.iter().any(|(k, n)| *k == EntityType::Per && n.contains("ترامب")), "{names:?}");
        }
    }

    /// A mention over `words` (the first of them found in the text), as a tagger may have marked it.
    fn mention_at(doc: &Doc, words: &[&str], kind: EntityType) -> MentionRec {
        let k = doc.tokens.iter().position(|t| &doc.text[t.start..t.end] == words[0]).unwrap();
        let e = k + words.len();
        MentionRec { span: doc.tokens[k].start..doc.tokens[e - 1].end, kind, key: key_of(doc, k..e), tokens: k..e }
    }

    /// The mention a step leaves of `words` (the first of them found in `text`, as a tagger may
    /// have marked it), as text.
    fn after_step(text: &str, words: &[&str], kind: EntityType, step: fn(&Doc, &mut [MentionRec])) -> String {
        let doc = Doc::new(text, None);
        let mut ms = vec![mention_at(&doc, words, kind)];
        step(&doc, &mut ms);
        doc.text[ms[0].span.clone()].to_string()
    }

    #[test]
    fn two_people_joined_by_and_are_two_mentions() {
        let split = |text: &str, words: &[&str]| {
            let doc = Doc::new(text, None);
            split_people(&doc, vec![mention_at(&doc, words, EntityType::Per)])
                .iter()
                .map(|m| (m.kind, doc.text[m.span.clone()].to_string()))
                .collect::<Vec<_>>()
        };
        let per = |t: &str| (EntityType::Per, t.to_string());
        assert_eq!(
            split("وحضر صالح النعيمة ومحيسن الجمعان المباراة", &["صالح", "النعيمة", "ومحيسن", "الجمعان"]),
            [per("صالح النعيمة"), per("محيسن الجمعان")]
        );
        assert_eq!(split("والتقى ترامب ومحمد في البيت", &["ترامب", "ومحمد"]), [per("ترامب"), per("محمد")]);
        // a mention the tagger opens on an unseen word in و starts after it
        let doc = Doc::new("حضر صالح النعيمة ومحيسن الجمعان ووينستاين", None);
        let at = |w: &str| doc.tokens.iter().position(|t| &doc.text[t.start..t.end] == w).unwrap();
        assert_eq!(name_clitic(&doc, at("ومحيسن")), 1);
        assert_eq!(key_of(&doc, at("ومحيسن")..at("ومحيسن") + 2), "محيسن الجمعان");
        assert_eq!(name_clitic(&doc, at("ووينستاين")), 1);
        assert_eq!(name_clitic(&doc, at("صالح")), 0);
        // one person: a word in و that is a word of its own
        assert_eq!(
            split("وقال محمد ولد عبد العزيز إن", &["محمد", "ولد", "عبد", "العزيز"]),
            [per("محمد ولد عبد العزيز")]
        );
    }

    #[test]
    fn a_given_name_that_opens_like_a_clitic_stays_whole() {
        let doc = Doc::new("قال وليد المعلم وفيصل المقداد ووليد جنبلاط وكمال داود وعلي حسن وسامي وعد", None);
        let at = |w: &str| doc.tokens.iter().position(|t| &doc.text[t.start..t.end] == w).unwrap();
        // the analysis splits them (و + ليد, ف + يصل, ك + مال); the name keeps its letter
        assert_eq!(name_clitic(&doc, at("وليد")), 0);
        assert_eq!(key_of(&doc, at("وليد")..at("وليد") + 2), "وليد المعلم");
        assert_eq!(key_of(&doc, at("وفيصل")..at("وفيصل") + 2), "فيصل المقداد");
        assert_eq!(key_of(&doc, at("ووليد")..at("ووليد") + 2), "وليد جنبلاط");
        assert_eq!(key_of(&doc, at("وكمال")..at("وكمال") + 2), "كمال داود");
        // a conjunction before a name still splits, and a rare given name (وعد) is a word
        assert_eq!(key_of(&doc, at("وعلي")..at("وعلي") + 2), "علي حسن");
        let i = at("وعد");
        assert!(!whole_given_name(&doc.tokens[i], doc.analysis(i)) || doc.analysis(i).clitic_letters == 0);
        // the speaker after a cue whose name the analysis reads as ب + سام
        let doc = Doc::new("ويقول بسام بونني إن البلاد شهدت تراجعا ملحوظا في المخاطر.", None);
        let at = |w: &str| doc.tokens.iter().position(|t| &doc.text[t.start..t.end] == w).unwrap();
        assert!(whole_given_name(&doc.tokens[at("بسام")], doc.analysis(at("بسام"))));
    }

    #[test]
    fn a_medium_s_name_is_an_organization_and_a_canal_a_place() {
        let medium_of = |text: &str, words: &[&str]| {
            let doc = Doc::new(text, None);
            medium(&doc, &mention_at(&doc, words, EntityType::Loc))
        };
        assert!(medium_of("وقال في مقابلة مع قناة النهار المصرية", &["قناة", "النهار"]));
        assert!(medium_of("ونشرت جريدة الرياض تقريرا", &["جريدة", "الرياض"]));
        assert!(medium_of("وقال لإذاعة صوت أمريكا إن", &["لإذاعة", "صوت", "أمريكا"]));
        assert!(!medium_of("وعبرت السفينة قناة السويس", &["قناة", "السويس"]));
        assert!(!medium_of("ونشرت الجريدة تقريرا", &["الجريدة"]));
    }

    #[test]
    fn an_indefinite_nationality_ends_an_organization() {
        let trimmed = |text: &str, words: &[&str]| {
            let doc = Doc::new(text, None);
            let m = trim_edges(&doc, mention_at(&doc, words, EntityType::Org));
            doc.text[m.span].to_string()
        };
        assert_eq!(trimmed("إثر إطلاق قوات إسرائيلية النار عليهما.", &["قوات", "إسرائيلية", "النار"]), "قوات إسرائيلية");
        assert_eq!(trimmed("وقضت محكمة هندية الممثل بالسجن.", &["محكمة", "هندية", "الممثل"]), "محكمة هندية");
        // a major place after a definite word is the next phrase (ويتهم التحالف | إيران)
        assert_eq!(trimmed("ويتهم التحالف إيران بتهريب الأسلحة.", &["التحالف", "إيران"]), "التحالف");
        assert_eq!(trimmed("وقال بنك الإمارات دبي إن", &["بنك", "الإمارات", "دبي"]), "بنك الإمارات دبي");
        // a definite name keeps its definite adjectives
        assert_eq!(trimmed("وقال الجيش السوري الحر إن", &["الجيش", "السوري", "الحر"]), "الجيش السوري الحر");
    }

    #[test]
    fn a_person_cut_inside_the_name_gets_the_rest_of_it() {
        // the mention as a tagger may leave it, one word of the name
        let completed = |text: &str, word: &str| after_step(text, &[word], EntityType::Per, complete_persons);
        assert_eq!(completed("اغتالت الأيدي ذاتها الشهيد مازن فقها أحد قياديي الكتائب.", "مازن"), "مازن فقها");
        assert_eq!(completed("ونقلت القناة على لسان ناصر الخليفي قوله إنه سعيد.", "ناصر"), "ناصر الخليفي");
        // a word mostly no name across the corpus, a comma, a cue: the mention stays as it was
        assert_eq!(completed("وأكد أن صلاح كان أفضل لاعب.", "صلاح"), "صلاح");
        assert_eq!(completed("ونقلت القناة عن ناصر، الخليفي قوله.", "ناصر"), "ناصر");
        assert_eq!(completed("وقال ناصر قال إنه سعيد.", "ناصر"), "ناصر");
        // a chain of given names, cut before the family name
        let chain = |text: &str| after_step(text, &["أحمد", "بن", "محمد"], EntityType::Per, complete_persons);
        assert_eq!(chain("وقال أحمد بن محمد المنصوري إن العمل بدأ."), "أحمد بن محمد المنصوري");
        assert_eq!(chain("وقال أحمد بن محمد، المنصوري إن العمل بدأ."), "أحمد بن محمد");

        // a family name whose first letter looks like a clitic (و، ب): known to Wikidata, or rare
        // with and without the letter; never with the article after it, nor "and" with a name
        assert_eq!(completed("وقال مايك ويد، نائب مدير قسم الحماية الصحية.", "مايك"), "مايك ويد");
        assert_eq!(completed("وقالت نجية بونعيم، النائبة الإقليمية للمنظمة.", "نجية"), "نجية بونعيم");
        assert_eq!(completed("وافتتح عبدالله بالقصيم مركزا جديدا.", "عبدالله"), "عبدالله");
        assert_eq!(completed("وفاز سلمان للشطرنج بالبطولة.", "سلمان"), "سلمان");
        assert_eq!(completed("والتقى محمد وبوتين في موسكو.", "محمد"), "محمد");
    }

    #[test]
    fn a_person_cut_short_of_a_whole_name_wikidata_knows_gets_the_rest() {
        let whole = |text: &str, words: &[&str]| {
            let doc = Doc::new(text, None);
            let mut ms = vec![mention_at(&doc, words, EntityType::Per)];
            full_names(&doc, &mut ms);
            ms.iter().map(|m| doc.text[m.span.clone()].to_string()).collect::<Vec<_>>()
        };
        // a whole name the labels know, after the mention or before it; إمام is a common word
        // alone, and a compound written as one word finds the name written as two
        assert_eq!(whole("وقال حازم إمام إن الفريق جيد.", &["حازم"]), ["حازم إمام"]);
        assert_eq!(whole("وقال إن عبدالفتاح السيسي سيبقى.", &["عبدالفتاح"]), ["عبدالفتاح السيسي"]);
        assert_eq!(whole("وقال مولاي حفيظ العلمي إن", &["حفيظ", "العلمي"]), ["مولاي حفيظ العلمي"]);
        // no name ends in a particle of descent: the word after it is the name's…
        assert_eq!(whole("في عهد زين العابدين بن علي.", &["زين", "العابدين", "بن"]), ["زين العابدين بن علي"]);
        // …unless it makes ابن a son of someone else, and then the particle is none of the name
        assert_eq!(whole("كما قتل صدام ابن عم والده.", &["صدام", "ابن"]), ["صدام"]);
        // (إل and إم are Latin letters, not آل and أم)
        assert_eq!(whole("المغني المفضل لدى كيم جونغ إل، والد الزعيم.", &["كيم", "جونغ", "إل"]), ["كيم جونغ إل"]);
        // a comma, a conjunction or a cue between: the mention stays as it was
        assert_eq!(whole("وقال حازم، إمام المسجد.", &["حازم"]), ["حازم"]);
        assert_eq!(whole("وقال حازم وإمام المسجد.", &["حازم"]), ["حازم"]);
        // a person named right after the particle joins the name
        let doc = Doc::new("وقال محمد بن سلمان إن", None);
        let mut ms =
            vec![mention_at(&doc, &["محمد", "بن"], EntityType::Per), mention_at(&doc, &["سلمان"], EntityType::Per)];
        full_names(&doc, &mut ms);
        assert_eq!(ms.len(), 1);
        assert_eq!(&doc.text[ms[0].span.clone()], "محمد بن سلمان");
    }

    #[test]
    fn a_ruler_s_name_ends_with_its_ordinal() {
        let regnal_step = |text: &str, words: &[&str]| after_step(text, words, EntityType::Per, regnal);
        assert_eq!(
            regnal_step("وأكد العاهل الأردني الملك عبدالله الثاني أن الأوطان لا تبنى.", &["عبدالله"]),
            "عبدالله الثاني"
        );
        assert_eq!(regnal_step("واستقبلت الملكة إليزابيث الثانية الوفد.", &["إليزابيث"]), "إليزابيث الثانية");
        assert_eq!(regnal_step("وقال البابا بنديكت السادس عشر إن السلام ممكن.", &["بنديكت"]), "بنديكت السادس عشر");
        // no regal title: a rank, not a name
        assert_eq!(regnal_step("وحل فيتل الثاني في السباق.", &["فيتل"]), "فيتل");
        assert_eq!(regnal_step("وجاء محمد صلاح الثاني في ترتيب الهدافين.", &["محمد", "صلاح"]), "محمد صلاح");
        // a comma between: the ordinal belongs to what follows
        assert_eq!(regnal_step("واستقبل الملك عبدالله، الثاني من نوعه.", &["عبدالله"]), "عبدالله");
    }

    #[test]
    fn a_continent_after_nouns_of_direction_is_their_region() {
        let region = |text: &str, word: &str| after_step(text, &[word], EntityType::Loc, regions);
        assert_eq!(region("وتعاني دول شمال أفريقيا من الجفاف.", "أفريقيا"), "شمال أفريقيا");
        assert_eq!(region("ووصل إلى بلدان جنوب شرق آسيا.", "آسيا"), "جنوب شرق آسيا");
        assert_eq!(region("وزار وجنوب أفريقيا.", "أفريقيا"), "جنوب أفريقيا");
        // a country stays itself, and a comma parts the words
        assert_eq!(region("وتقدم الجيش في شمال سوريا.", "سوريا"), "سوريا");
        assert_eq!(region("من الشمال، أفريقيا.", "أفريقيا"), "أفريقيا");
    }

    #[test]
    fn a_place_chain_ends_after_its_known_words() {
        let names =
            named("ومنحت الشركة مقاولا في مدينة جدة السعودية عقدا قيمته 620 مليون ريال. وتتخذ من مدينة كيوتو مقرا لها.");
        assert!(names.iter().any(|(k, n)| *k == EntityType::Loc && n.contains("جدة")), "{names:?}");
        assert!(names.iter().all(|(_, n)| !n.contains("عقدا") && !n.contains("مقرا")), "{names:?}");
    }

    #[test]
    fn an_organization_kind_and_an_adjective_is_no_name() {
        let names = named("وقالت جامعة أمريكية إن الدراسة شملت ألف شخص. وأسس حزب سياسي جديد. وقالت جامعة هارفارد إن");
        assert!(names.iter().all(|(_, n)| n != "جامعة أمريكية" && n != "حزب سياسي"), "{names:?}");
    }

    /// Every mention's text with its entity's type.
    fn named(text: &str) -> Vec<(EntityType, String)> {
        let doc = Doc::new(text, None);
        extract(&doc)
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| (e.kind, doc.text[m.span.clone()].to_string())).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn credits_are_not_mentions() {
        let doc = Doc::new("دبي، الإمارات العربية المتحدة (CNN)-- قالت شبكة CNN إن الوفد وصل.\nمصدر الصورة Getty Images\nفرانس 24/ أ ف ب/ رويترز", None);
        let at = |s: &str, n: usize| {
            let b = doc.text.match_indices(s).nth(n).unwrap().0;
            b..b + s.len()
        };
        assert!(!credit(&doc, &at("CNN", 0)), "the dateline's agency");
        assert!(!credit(&doc, &at("CNN", 1)), "the network the article speaks of");
        assert!(credit(&doc, &at("Getty", 0)), "a picture credit");
        assert!(credit(&doc, &at("رويترز", 0)), "a list of agencies");
        assert!(!credit(&doc, &at("الإمارات", 0)));
        let names = named("واشنطن (CNN)-- قال الرئيس دونالد ترامب إن CNN تكذب.");
        assert_eq!(names.iter().filter(|(_, n)| n == "CNN").count(), 2, "{names:?}");
    }

    #[test]
    fn a_national_head_names_an_organization_only_with_a_nationality() {
        let names = named("وقالت الإدارة الأمريكية إنها سترد. واتهم الوزير النظام الإيراني بدعم الهجوم. ويحتاج النظام الغذائي إلى تغيير.");
        for org in ["الإدارة الأمريكية", "النظام الإيراني"] {
            assert!(names.contains(&(EntityType::Org, org.to_string())), "{org}: {names:?}");
        }
        assert!(!names.iter().any(|(_, n)| n.contains("الغذائي")), "{names:?}");
    }

    #[test]
    fn an_organization_ends_where_its_name_ends() {
        let names = named("ونقلت صحيفة الأهرام الرسمية الخبر. ووقع نادي ليفربول الإنجليزي مع اللاعب. وقالت الحكومة البريطانية إنها سترد.");
        for org in ["صحيفة الأهرام", "نادي ليفربول", "الحكومة البريطانية"] {
            assert!(names.contains(&(EntityType::Org, org.to_string())), "{org}: {names:?}");
        }
    }

    #[test]
    fn a_person_s_name_ends_before_a_verb_in_the_future() {
        let doc = Doc::new("وأضاف أن سيرجيو ماتاريلا سيكون دمية. وقالت ميريل ستريب إن", None);
        let m = trim_edges(&doc, mention_at(&doc, &["سيرجيو", "ماتاريلا", "سيكون", "دمية"], EntityType::Per));
        assert_eq!(&doc.text[m.span], "سيرجيو ماتاريلا");
        // a name word after a name stays (تريب is rare as a verb)
        let m = trim_edges(&doc, mention_at(&doc, &["ميريل", "ستريب"], EntityType::Per));
        assert_eq!(&doc.text[m.span], "ميريل ستريب");
    }

    #[test]
    fn a_pronoun_or_was_after_a_name_is_the_sentence_going_on() {
        let doc = Doc::new("وقال إن فضل شاكر هو الأقدر. وكانت تيريزا ماي كانت تفضل الحل. وتحدث ليو هي مع الوزير.", None);
        let trimmed = |words: &[&str]| {
            let m = trim(&doc, mention_at(&doc, words, EntityType::Per)).unwrap();
            doc.text[m.span].to_string()
        };
        assert_eq!(trimmed(&["فضل", "شاكر", "هو"]), "فضل شاكر");
        assert_eq!(trimmed(&["تيريزا", "ماي", "كانت"]), "تيريزا ماي");
        // after one word the pronoun may be the name's (Liu He)
        assert_eq!(trimmed(&["ليو", "هي"]), "ليو هي");
    }

    #[test]
    fn one_definite_word_names_no_person_unless_it_is_a_family_name() {
        let doc = Doc::new("وقال الحائز على الجائزة إنه سعيد. وقال الرئيس عبد الفتاح السيسي إن السيسي سعيد.", None);
        let mut ms = vec![
            mention_at(&doc, &["الحائز"], EntityType::Per),
            mention_at(&doc, &["عبد", "الفتاح", "السيسي"], EntityType::Per),
        ];
        let k = doc.tokens.iter().rposition(|t| &doc.text[t.start..t.end] == "السيسي").unwrap();
        ms.push(MentionRec {
            span: doc.tokens[k].start..doc.tokens[k].end,
            kind: EntityType::Per,
            key: "السيسي".into(),
            tokens: k..k + 1,
        });
        lone_definite_persons(&doc, &mut ms);
        let left: Vec<&str> = ms.iter().map(|m| &doc.text[m.span.clone()]).collect();
        assert_eq!(left, ["عبد الفتاح السيسي", "السيسي"]);
    }

    #[test]
    fn a_family_name_in_the_form_of_a_nisba_stays_after_a_known_given_name() {
        let doc = Doc::new(
            "وقال عبد الملك الحوثي إن. والتقى بوتين الروسي. وثبتت التهمة على المرداسي. وقال أدين المهداوي.",
            None,
        );
        let trimmed = |words: &[&str]| {
            let m = trim(&doc, mention_at(&doc, words, EntityType::Per)).unwrap();
            doc.text[m.span].to_string()
        };
        assert_eq!(trimmed(&["عبد", "الملك", "الحوثي"]), "عبد الملك الحوثي");
        // a nationality goes; so does a nisba after no known given name
        assert_eq!(trimmed(&["بوتين", "الروسي"]), "بوتين");
        assert_eq!(trimmed(&["أدين", "المهداوي"]), "أدين");
        // على with its ى is the preposition
        assert_eq!(trimmed(&["على", "المرداسي"]), "المرداسي");
    }

    #[test]
    fn a_name_of_its_own_ends_before_its_nationality() {
        let names = named("وخسر بشكتاش التركي أمام الفريق. وقالت حركة حماس إنها سترد.");
        assert!(names.contains(&(EntityType::Org, "بشكتاش".to_string())), "{names:?}");
        // a kind of organization keeps its adjective
        let names = named("وقالت وكالة الأنباء السورية إن الوفد وصل.");
        assert!(names.contains(&(EntityType::Org, "وكالة الأنباء السورية".to_string())), "{names:?}");
    }

    #[test]
    fn the_place_a_title_is_of_is_no_part_of_the_name() {
        let names =
            named("وكان رئيس نيكاراغوا دانيال أورتيغا رفض حتى الآن فتح تحقيق. وتشهد نيكاراغوا احتجاجات منذ شهرين.");
        assert!(names.contains(&(EntityType::Per, "دانيال أورتيغا".to_string())), "{names:?}");
        assert!(names.contains(&(EntityType::Loc, "نيكاراغوا".to_string())), "{names:?}");
        // the word in construct between a title and its place is the title's, not a name
        let names = named("ونعاها رئيس وزراء الهند بعبارات مؤثرة. وقالت وزيرة خارجية السودان إن الوفد وصل.");
        assert!(!names.iter().any(|(k, _)| *k == EntityType::Per), "{names:?}");
    }

    #[test]
    fn a_city_s_name_after_a_title_s_adjectives_may_be_a_first_name() {
        let names = named("وقال وزير الدفاع الأمريكي الأسبق ليون بانيتا إن على واشنطن العمل مع روسيا.");
        assert!(names.contains(&(EntityType::Per, "ليون بانيتا".to_string())), "{names:?}");
        assert!(!names.iter().any(|(t, n)| *t == EntityType::Loc && n == "ليون"), "{names:?}");
        // the city a title is of stays a city; a verb after a first name is no surname
        let names = named("وزار رئيس بلدية ليون المدينة. وعندما ماتت الملكة ماري بعد أربع سنوات فقط من الزواج.");
        assert!(!names.iter().any(|(_, n)| n.contains("بعد") || n.contains("المدينة")), "{names:?}");
    }

    #[test]
    fn a_rank_opens_a_name_whose_first_word_is_a_common_word() {
        let names = named("وقال قائد اللواء العميد هيكل حنتف إن المعارك مستمرة.");
        assert!(names.contains(&(EntityType::Per, "هيكل حنتف".to_string())), "{names:?}");
        // not two common words, nor after a title that is no rank
        let names = named("وقال العميد مساء الخميس إن المعارك مستمرة. وأكد الوزير هيكل الوزارة الجديد.");
        assert!(!names.iter().any(|(_, n)| n.contains("مساء") || n.contains("هيكل")), "{names:?}");
    }

    #[test]
    fn a_name_found_once_is_found_where_it_stands_again() {
        let doc = Doc::new("وقال وي فان إن الشركة جيدة. ويؤكد وي فان على أن المشروع مفتوح.", None);
        let fan = extract(&doc).into_iter().find(|e| e.mentions.iter().any(|m| &doc.text[m.span.clone()] == "وي فان"));
        let spans: Vec<&str> = fan.iter().flat_map(|e| e.mentions.iter().map(|m| &doc.text[m.span.clone()])).collect();
        assert_eq!(spans, ["وي فان", "وي فان"], "{spans:?}");
        // a mention that opens with a preposition is repeated nowhere; a sound one is
        let doc = Doc::new("قال بأن غسان جاء، ثم قال بأن غسان ذهب.", None);
        let at = |words: std::ops::Range<usize>| MentionRec {
            span: doc.tokens[words.start].start..doc.tokens[words.end - 1].end,
            kind: EntityType::Per,
            key: key_of(&doc, words.clone()),
            tokens: words,
        };
        assert_eq!(&doc.text[at(1..3).span], "بأن غسان");
        let mut found = vec![at(1..3)];
        repeats(&doc, &mut found);
        assert_eq!(found.len(), 1);
        let doc = Doc::new("وصل جون سميث أمس، وقال جون سميث إنه سعيد.", None);
        let mut found = vec![MentionRec {
            span: doc.tokens[1].start..doc.tokens[2].end,
            kind: EntityType::Per,
            key: key_of(&doc, 1..3),
            tokens: 1..3,
        }];
        repeats(&doc, &mut found);
        let spans: Vec<&str> = found.iter().map(|m| &doc.text[m.span.clone()]).collect();
        assert_eq!(spans, ["جون سميث", "جون سميث"]);
    }

    #[test]
    fn a_surname_alone_is_the_person_named_in_full_before() {
        let doc = Doc::new("وقال رئيس الوزراء حيدر العبادي إن الوضع جيد. فيما أعلن العبادي متابعته للمشاريع.", None);
        let abadi = extract(&doc).into_iter().find(|e| e.kind == EntityType::Per).expect("a person");
        let spans: Vec<&str> = abadi.mentions.iter().map(|m| &doc.text[m.span.clone()]).collect();
        assert_eq!(spans, ["حيدر العبادي", "العبادي"], "{spans:?}");
        let person = |doc: &Doc, words: std::ops::Range<usize>| MentionRec {
            span: doc.tokens[words.start].start..doc.tokens[words.end - 1].end,
            kind: EntityType::Per,
            key: key_of(doc, words.clone()),
            tokens: words,
        };
        // a surname two people of the article carry, or one after a patronymic, is no one's alone
        let doc = Doc::new("التقى حيدر العبادي وسليم العبادي، ثم قال العبادي إن اللقاء جيد.", None);
        let mut found = vec![person(&doc, 1..3)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 3, "the test names are sound: {:?}", found.iter().map(|m| &m.key).collect::<Vec<_>>());
        let mut found = vec![person(&doc, 1..3), person(&doc, 3..5)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 2);
        // a particle spelled as a given name before it is no family's (أن العبادي is no آن العبادي)
        let doc = Doc::new("التقى حيدر العبادي الوفد، وقال المتحدث إن العبادي سيزور باريس.", None);
        let mut found = vec![person(&doc, 1..3)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 2, "{:?}", found.iter().map(|m| &m.key).collect::<Vec<_>>());
        let doc = Doc::new("وصل محمد بن سلمان إلى باريس، وقال سلمان إن الزيارة مهمة.", None);
        let mut found = vec![person(&doc, 1..4)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 1);
        // a given name Wikidata knows that the corpus reads as a common word (جينا: we came)
        let doc = Doc::new("رشحت الإدارة جينا هاسبل للمنصب. ويذكر أن هاسبل تعهدت بعدم استئناف البرنامج.", None);
        let mut found = vec![person(&doc, 2..4)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 2, "{:?}", found.iter().map(|m| &m.key).collect::<Vec<_>>());
        // not after a title, in the feminine too (نجمة بوليوود is a star of Bollywood)
        let doc = Doc::new("وقالت نجمة بوليوود إنها سعيدة. وتنتج بوليوود مئات الأفلام.", None);
        let mut found = vec![person(&doc, 1..3)];
        surnames(&doc, &mut found);
        assert_eq!(found.len(), 1, "{:?}", found.iter().map(|m| &m.key).collect::<Vec<_>>());
    }

    #[test]
    fn a_place_ends_before_where_it_lies() {
        let names = named("ووصل الوفد إلى مقاطعة ساسكاتشوان غرب كندا، ثم إلى ميناء العقبة الأردني.");
        for place in ["مقاطعة ساسكاتشوان", "ميناء العقبة"] {
            assert!(names.contains(&(EntityType::Loc, place.to_string())), "{place}: {names:?}");
        }
    }

    #[test]
    fn a_possessed_title_or_kin_noun_ends_a_name() {
        for (text, name) in [
            ("عندما اتهم الرئيس سلفا كير نائبه السابق رياك مشار بالتخطيط للانقلاب.", "سلفا كير"),
            ("ووصل الرئيس دونالد ترامب وزوجته ميلانيا إلى باريس.", "دونالد ترامب"),
        ] {
            let names = named(text);
            assert!(names.iter().any(|(k, n)| *k == EntityType::Per && n == name), "{text}: {names:?}");
            assert!(!names.iter().any(|(_, n)| n.contains("نائبه") || n.contains("زوجته")), "{text}: {names:?}");
        }
        assert!(possessed_person_noun("نائبه") && possessed_person_noun("زوجته") && possessed_person_noun("مستشارها"));
        assert!(!possessed_person_noun("عبدالله") && !possessed_person_noun("طه"));
    }

    #[test]
    fn two_people_side_by_side_stay_two() {
        let names = named("وعقد اللقاء بين الرئيس دونالد ترامب وكيم جونغ أون في سنغافورة.");
        assert!(
            !names.iter().any(|(k, n)| *k == EntityType::Per && n.contains("ترامب") && n.contains("كيم")),
            "{names:?}"
        );
    }

    #[test]
    fn an_adjective_is_no_organization() {
        let names = named("وتحدث الوزير باللغة العربية مع القوات العربية، وقال لقناة العربية إن الجيش وصل.");
        let arabiya: Vec<&(EntityType, String)> = names.iter().filter(|(_, n)| n == "العربية").collect();
        assert!(arabiya.len() <= 1, "{names:?}");
        // a group named by a plural relative adjective is one, after a verb or a particle
        let names = named("وقال التحالف إن الحوثيين أطلقوا صاروخا. وهدد الحوثيون بإغلاق المضيق.");
        let houthis = names.iter().filter(|(t, n)| *t == EntityType::Org && n.starts_with("الحوثي")).count();
        assert!(houthis >= 1, "{names:?}");
    }

    #[test]
    fn an_organization_named_with_its_kind_is_named_alone_later() {
        let names = named("وقال رئيس نادي الهلال إن الفريق جاهز. وفاز الهلال على ضيفه، وقال لاعب الهلال إنه سعيد. ووصلت طواقم الهلال الأحمر. ونادى الجميع بالهدوء، وحضر الجميع.");
        // twice alone, not in الهلال الأحمر
        let alone = names.iter().filter(|(t, n)| *t == EntityType::Org && n == "الهلال").count();
        assert_eq!(alone, 2, "{names:?}");
        // نادى is a verb, and its object no club
        assert!(names.iter().all(|(_, n)| n != "الجميع"), "{names:?}");
    }

    #[test]
    fn a_place_ends_where_its_name_ends() {
        if Model::embedded().is_none() {
            return;
        }
        let names = named("وتحدث عن كوريا الشمالية ترامب ومون جاي إن في سنغافورة، وعن الضفة الغربية المحتلة.");
        assert!(names.iter().all(|(_, n)| !n.contains("الشمالية ترامب")), "{names:?}");
        assert!(names.iter().all(|(_, n)| n != "الضفة الغربية المحتلة"), "{names:?}");
    }

    #[test]
    fn edits() {
        assert!(within_one_edit("ابليازوف", "البيازوف"));
        assert!(within_one_edit("توكاييف", "توكايف"));
        assert!(!within_one_edit("موسكو", "كييف"));
    }

    #[test]
    fn same_thing() {
        assert!(same(EntityType::Per, "قاسم جومرت توكاييف", "توكاييف"));
        assert!(same(EntityType::Per, "قاسم جومرت توكاييف", "جومرت توكاييف"));
        assert!(same(EntityType::Per, "مختار ابليازوف", "البيازوف"));
        assert!(!same(EntityType::Per, "فلاديمير بوتين", "ديمتري بيسكوف"));
        assert!(same(EntityType::Org, "وكاله فرانس برس", "فرانس برس"));
        assert!(same(EntityType::Org, "وزاره الداخليه الكازاخستانيه", "وزاره الداخليه"));
        assert!(same(EntityType::Loc, "الماتي", "الماتي"));
    }
}
