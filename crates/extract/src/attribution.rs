//! Attribution: who the words naming a source are. One policy links every quote's speaker and
//! every figure's source (and, later, every event's actors) to the article's entities.
use crate::component::Component;
use crate::entities::EntityRec;
use crate::quotes::{is_comma, role};
use crate::{Doc, SourceRec, Span};
use khabar_model::EntityType;
use khabar_ner::triggers::TITLES;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};

/// The article's entity mentions in text order, for look-ups by position in time logarithmic in
/// their number (a component that asked every entity for every cue would be quadratic in the
/// article's length). Mentions never overlap: entity extraction keeps the longer of two.
pub struct Mentions<'e> {
    entities: &'e [EntityRec],
    /// (span, entity index), by start.
    items: Vec<(Span, usize)>,
    /// The persons' among them.
    persons: Vec<(Span, usize)>,
}

impl<'e> Mentions<'e> {
    pub fn new(entities: &'e [EntityRec]) -> Self {
        let mut items: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span.clone(), i)))
            .collect();
        items.sort_by_key(|(s, _)| s.start);
        debug_assert!(items.windows(2).all(|w| w[0].0.end <= w[1].0.start), "mentions overlap");
        let persons = items.iter().filter(|(_, e)| entities[*e].kind == EntityType::Per).cloned().collect();
        Mentions { entities, items, persons }
    }

    /// The last person's mention inside `span`.
    pub fn last_person_within(&self, span: &Span) -> Option<&(Span, usize)> {
        self.persons_within(span).next_back()
    }

    /// The persons' mentions inside `span`, in text order (from either end).
    pub fn persons_within(&self, span: &Span) -> impl DoubleEndedIterator<Item = &(Span, usize)> {
        let from = self.persons.partition_point(|(s, _)| s.start < span.start);
        let to = self.persons.partition_point(|(s, _)| s.end <= span.end).max(from);
        self.persons[from..to].iter()
    }

    /// The type of entity `e`.
    pub fn kind(&self, e: usize) -> EntityType {
        self.entities[e].kind
    }

    /// Mentions that overlap `span`, in text order (from either end).
    pub fn overlapping(&self, span: &Span) -> std::slice::Iter<'_, (Span, usize)> {
        let from = self.items.partition_point(|(s, _)| s.end <= span.start);
        let to = self.items.partition_point(|(s, _)| s.start < span.end).max(from);
        self.items[from..to].iter()
    }

    /// Mentions inside `span`, in text order (from either end).
    pub fn within(&self, span: &Span) -> impl DoubleEndedIterator<Item = &(Span, usize)> {
        let (start, end) = (span.start, span.end);
        self.overlapping(span).filter(move |(s, _)| s.start >= start && s.end <= end)
    }

    /// The entity a span names: of the entities with a mention overlapping it, a person before
    /// an organization before a place, and of those the mention that ends last (الناطق باسم
    /// الكرملين ديمتري بيسكوف → Peskov; وزارة الصحة في غزة → the ministry).
    pub fn entity_at(&self, span: &Span) -> Option<usize> {
        let rank = |k: EntityType| match k {
            EntityType::Per => 3,
            EntityType::Org => 2,
            EntityType::Loc => 1,
        };
        self.overlapping(span).map(|(s, e)| (rank(self.kind(*e)), s.end, *e)).max().map(|x| x.2)
    }
}

/// Links quote speakers and count sources to entities.
pub struct Attribution;

impl Component for Attribution {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn uses(&self) -> &'static [&'static str] {
        &["counts", "entities", "quotes"]
    }
    fn assigns(&self) -> &'static str {
        "the entity of every quote's speaker and every count's source"
    }
    fn run(&self, doc: &mut Doc) {
        let (toks, r) = (&doc.tokens, &mut doc.records);
        let mentions = Mentions::new(&r.entities);
        let mut looked_up = 0;
        let mut link = |s: &mut SourceRec| {
            // bounded: an article of thousands of described speakers is not read thousands of times
            looked_up += 1;
            let bounded = looked_up <= MAX_DESCRIBED;
            let described = if bounded { described_person(toks, &mentions, &s.span) } else { None };
            s.entity = described
                .or_else(|| mentions.entity_at(&s.span))
                .or_else(|| titled_surname(toks, &mentions, &s.span))
                .or_else(|| if bounded { definite_head(toks, &mentions, &s.span) } else { None })
                .or_else(|| if bounded { document_issuer(toks, &mentions, &s.span) } else { None });
        };
        r.quotes.iter_mut().filter_map(|q| q.speaker.as_mut()).for_each(&mut link);
        r.counts.iter_mut().filter_map(|c| c.source.as_mut()).for_each(&mut link);
    }
}

/// Sources looked up as descriptions or definite heads per article, and how far back (in tokens)
/// the description is sought.
const MAX_DESCRIBED: usize = 512;
const DESCRIBED_WINDOW: usize = 4_000;
/// How many tokens after an earlier description its person's name may come.
const NAME_REACH: usize = 10;

/// The person a description names when no person is named in it: the words of the source
/// (الرئيس الأميركي، المتحدثة باسم البيت الأبيض: two words at least, or a title alone such as
/// الملك, or الوزير after وزير الخزانة) written earlier right before
/// a person's name (الرئيس الأميركي دونالد ترمب), the nearest such place.
fn described_person(toks: &[Token], mentions: &Mentions, span: &Span) -> Option<usize> {
    if mentions.last_person_within(span).is_some() {
        return None;
    }
    let from = toks.partition_point(|t| t.start < span.start);
    let to = toks.partition_point(|t| t.end <= span.end);
    // two words at least, or one title (الملك after الملك محمد السادس)
    let titled = to == from + 1 && TITLES.contains(toks[from].norm.trim_start_matches('و'));
    if to < from + 1 || (to < from + 2 && !titled) || toks[from..to].iter().any(|t| !t.is_word()) {
        return None;
    }
    let words = &toks[from..to];
    let n = words.len();
    // the first word may carry a conjunction the earlier one lacks (والرئيس / الرئيس)
    let first = |a: &str, b: &str| a == b || a.strip_prefix('و') == Some(b) || b.strip_prefix('و') == Some(a);
    let earliest = from.saturating_sub(DESCRIBED_WINDOW);
    // the same words first; then, for a title alone, definite, the title written before
    // indefinite, in construct with what it is of (الوزير after وزير الخزانة الأميركي، ستيف
    // منوتشين): الرئيس is the president named so before any head of another body
    let search = |construct: bool| {
        (earliest..from.saturating_sub(n)).rev().find_map(|j| {
            let next = toks.get(j + n)?;
            let same = if construct {
                // (not where what it is of is a person, or one spoken for: محامي ستورمي دانييلز،
                // متحدث باسم رئيسة الوزراء تيريزا ماي name the lawyer's client, the one spoken for)
                let of_person = mentions.persons.iter().any(|(m, _)| m.start >= next.start && m.start < next.end);
                words[0].norm.strip_prefix("ال").is_some_and(|t| first(&toks[j].norm, t))
                    && !of_person
                    && next.norm != "باسم"
            } else {
                first(&toks[j].norm, &words[0].norm) && (1..n).all(|k| toks[j + k].norm == words[k].norm)
            };
            if !same {
                return None;
            }
            // the name right after, or after the rest of the description (المتحدث باسم الحكومة
            // البريطانية في الشرق الأوسط وشمال أفريقيا، إدوين سموأل) within the sentence
            let reach = toks[j + n..toks.len().min(j + n + NAME_REACH)]
                .iter()
                .take_while(|t| !matches!(t.norm.as_str(), "." | "؟" | "!" | ":" | "؛"))
                .last()?;
            let at = mentions.persons.partition_point(|(s, _)| s.start < next.start);
            mentions.persons.get(at).filter(|(s, _)| s.start < reach.end).map(|(_, e)| *e)
        })
    };
    search(false).or_else(|| if titled { search(true) } else { None })
}

/// The person a titled surname names when the tagger left it untagged (العقيد المالكي after
/// تركي المالكي; ستايلي after جيس ستايلي): the span's last word is the last word of a person's
/// mention of two words or more, and every word before it is a title (`titles.tsv`). The
/// person's mention nearest before the span wins; one after it only when none is before.
fn titled_surname(toks: &[Token], mentions: &Mentions, span: &Span) -> Option<usize> {
    let from = toks.partition_point(|t| t.start < span.start);
    let to = toks.partition_point(|t| t.end <= span.end);
    let words = toks.get(from..to)?;
    let (last, before) = words.split_last()?;
    if !last.is_word() || TITLES.contains(&last.norm) || before.iter().any(|t| !TITLES.contains(&t.norm)) {
        return None;
    }
    let surname_of = |m: &Span| {
        let a = toks.partition_point(|t| t.start < m.start);
        let b = toks.partition_point(|t| t.end <= m.end);
        b >= a + 2 && toks[b - 1].norm == last.norm
    };
    let before_span = mentions.persons.iter().rev().filter(|(m, _)| m.end <= span.start);
    let after_span = mentions.persons.iter().filter(|(m, _)| m.start >= span.end);
    before_span.chain(after_span).find(|(m, _)| surname_of(m)).map(|(_, e)| *e)
}

/// The organization a definite head noun alone stands for (الشركة after شركة موانئ دبي العالمية,
/// المنظمة after منظمة العفو الدولية): the span is one word, ال and a noun of three letters or
/// more (and up to two relative adjectives), and the nearest organization mention before it
/// begins with that noun. No list of heads:
/// the article's own names say which nouns head an organization.
fn definite_head(toks: &[Token], mentions: &Mentions, span: &Span) -> Option<usize> {
    // (the span may start after the ل of an attribution inside its word: وفقا لل|منظمة)
    let from = toks.partition_point(|t| t.end <= span.start);
    let to = toks.partition_point(|t| t.end <= span.end);
    // (and after it, relative adjectives that say which: النادي القطري after نادي الدحيل; a
    // mention with another one is another body: الحكومة السورية is no الحكومة التركية)
    let relative = |t: &Token| {
        t.kind == TokenKind::Arabic && t.norm.starts_with("ال") && (t.norm.ends_with('ي') || t.norm.ends_with("يه"))
    };
    let (word, adjectives) = match toks.get(from..to)? {
        [word] => (word, &[][..]),
        [word, rest @ ..] if rest.len() <= 2 && rest.iter().all(relative) => (word, rest),
        _ => return None,
    };
    let bare = word.norm.trim_start_matches('و');
    let head = bare.strip_prefix("ال").or_else(|| bare.strip_prefix("لل")).filter(|h| h.chars().count() >= 3)?;
    let before = mentions.items.partition_point(|(m, _)| m.end <= span.start);
    mentions.items[..before].iter().rev().find_map(|(m, e)| {
        if mentions.kind(*e) != EntityType::Org {
            return None;
        }
        if !adjectives.is_empty() {
            let (a, b) = (toks.partition_point(|t| t.end <= m.start), toks.partition_point(|t| t.end <= m.end));
            let other = toks[a..b.min(toks.len())]
                .iter()
                .any(|t| relative(t) && t.norm != word.norm && !adjectives.iter().any(|x| x.norm == t.norm));
            // a nationality must be the body's own: written with one of its mentions (صحيفة
            // لوموند الفرنسية … الصحيفة الفرنسية), not guessed (النادي الفرنسي is no دورتموند)
            let said = |x: &Token| {
                mentions.items.iter().filter(|(_, f)| f == e).any(|(n, _)| {
                    let k = toks.partition_point(|t| t.end <= n.end);
                    toks[k.min(toks.len())..(k + 3).min(toks.len())].iter().any(|t| t.norm == x.norm)
                })
            };
            let unsaid = adjectives.iter().any(|x| crate::events::words::nationality(x).is_some() && !said(x));
            if other || unsaid {
                return None;
            }
        }
        // the token the mention starts in, and its word from there (a mention may start after
        // a clitic: ل|وزارة الصحة)
        let k = toks.partition_point(|t| t.end <= m.start);
        let first = toks.get(k)?;
        // (a clitic of one or two letters before the head, inside the mention or not)
        let after_clitic = first.norm.ends_with(head) && first.norm.chars().count() <= head.chars().count() + 2 && {
            let clitics = &first.norm[..first.norm.len() - head.len()];
            clitics.chars().all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
        };
        if (after_clitic || first.norm.trim_start_matches('و') == head) && first.end < m.end {
            return Some(*e);
        }
        // or the kind right before a name that is the mention (صحيفة "نيويورك تايمز"، وكالة رويترز)
        let mut j = k;
        while j > 0 && toks[j - 1].kind == TokenKind::Punct && matches!(toks[j - 1].norm.as_str(), "\"" | "«") {
            j -= 1;
        }
        let kind_before = j > 0 && {
            let w = toks[j - 1].norm.as_str();
            let bare = ["و", "ل", "ب", "ول", "وب", "ف"].iter().find_map(|c| w.strip_prefix(c)).filter(|b| *b == head);
            w == head || bare.is_some()
        };
        (kind_before && k > 0 && MEDIA_KINDS.contains(&head)).then_some(*e)
    })
}

/// Kinds of a medium or a body written before its name without being part of the mention
/// (صحيفة "نيويورك تايمز"، وكالة رويترز، شركة أبل).
const MEDIA_KINDS: [&str; 9] = ["صحيفه", "وكاله", "قناه", "شبكه", "مجله", "موقع", "شركه", "اذاعه", "منظمه"];

/// Nouns of a document that has an issuer, each form with its bare noun: `issued_documents.tsv`.
static ISSUED: Lazy<&'static str> = lexicon!("issued_documents", Some);

/// The document noun a token is a form of (وبيان، البيان، ببيان، بيانا → بيان).
fn document_noun(t: &Token) -> Option<&'static str> {
    (t.kind == TokenKind::Arabic).then(|| ISSUED.find(&t.norm).map(|(n, _)| *n)).flatten()
}

/// How many earlier mentions of a definite document's noun are asked for its issuer, and how far
/// back (in tokens).
const DOCUMENT_LOOKS: usize = 6;
const DOCUMENT_WINDOW: usize = 3_000;

/// Whose a document speaking is (وقال بيان للرابطة، وأضاف البيان، وذكر التقرير): the entity that
/// issued it, named right after the noun (بيان الخارجية، بيان صادر عن النيابة، تقرير نشرته دورية
/// "إي لايف") or — for the definite noun alone — at an earlier mention of the same noun: after it
/// as above, as the subject of the verb that issued it (أصدرت الوزارة بيانا), or as the speaker
/// who spoke in it (وقالت الوزارة في بيان). The speaker's words stay the document's; the link says
/// who stands behind it.
fn document_issuer(toks: &[Token], mentions: &Mentions, span: &Span) -> Option<usize> {
    let from = toks.partition_point(|t| t.end <= span.start);
    let to = toks.partition_point(|t| t.end <= span.end);
    let noun = document_noun(toks.get(from)?)?;
    if mentions.within(span).next().is_some() {
        return None;
    }
    if let Some(e) = issuer_after(toks, mentions, from) {
        return Some(e);
    }
    // the definite noun alone refers back to the document named before
    if to != from + 1 || !is_definite(&toks[from]) {
        return None;
    }
    (from.saturating_sub(DOCUMENT_WINDOW)..from)
        .rev()
        // (the noun's letters first: a cheap test before the clitic-aware look-up)
        .filter(|&o| toks[o].norm.contains(noun) && document_noun(&toks[o]) == Some(noun))
        .take(DOCUMENT_LOOKS)
        .find_map(|o| issuer_after(toks, mentions, o).or_else(|| issuer_before(toks, mentions, o)))
}

/// Whether a word carries the article, after its conjunction and a ب or ل (البيان، وبالبيان،
/// للبيان).
fn is_definite(t: &Token) -> bool {
    let w = t.norm.trim_start_matches(['و', 'ف']);
    w.starts_with("ال") || w.starts_with("بال") || w.starts_with("لل")
}

/// The entity named right after a document's noun at `j`, past its adjectives (two words at
/// most) and the words of issuing (صادر عن، الصادرة من، نشرته): a mention that starts there, or a
/// definite head standing for an organization named before (بيان للرابطة).
fn issuer_after(toks: &[Token], mentions: &Mentions, j: usize) -> Option<usize> {
    // (an adjective agrees with the noun in definiteness: بيان مشترك، البيان الرسمي)
    let noun_definite = is_definite(&toks[j]);
    let (mut skipped, mut after_issuing) = (0, false);
    for k in j + 1..toks.len().min(j + 7) {
        let t = &toks[k];
        if t.kind == TokenKind::Punct {
            // (a name in quotation marks: تقرير نشرته دورية "إي لايف"; not a quotation opening)
            let name_next = toks.get(k + 1).is_some_and(|n| mentions.overlapping(&(n.start..n.end)).next().is_some());
            if matches!(t.norm.as_str(), "\"" | "«" | "»" | "“" | "”") && (name_next || after_issuing) {
                continue;
            }
            return None;
        }
        let w = t.norm.as_str();
        // a name right after the noun (بيان الخارجية), or after its adjectives through ل or a
        // word of issuing (تقرير جديد للأمم المتحدة); not after ب, which says what the document
        // asks or does (يطالب البيان بمقاطعة …), nor an object after an adjective (حمل بيان
        // حقوقي الميليشيات المسؤولية)
        if let Some((_, e)) = mentions.overlapping(&(t.start..t.end)).find(|(m, _)| m.start >= t.start) {
            let quoted = toks[k - 1].kind == TokenKind::Punct;
            let joined = skipped == 0 || after_issuing || quoted || w.starts_with('ل');
            return (!w.starts_with('ب') && joined).then_some(*e);
        }
        // what the document says, or where it was said, begins: no issuer follows
        if matches!(
            w,
            "ان" | "انه"
                | "انها"
                | "انهم"
                | "بان"
                | "بانه"
                | "بانها"
                | "بانهم"
                | "الي"
                | "علي"
                | "في"
                | "خلال"
        ) {
            return None;
        }
        let issuing = matches!(w, "صادر" | "الصادر" | "صادره" | "الصادره" | "صدر" | "عن" | "من")
            || ["ه", "ها"].iter().any(|p| w.strip_suffix(p).is_some_and(|v| crate::quotes::PUBLISHING.contains(v)));
        after_issuing = issuing;
        if issuing {
            continue;
        }
        if let Some(e) = definite_head(toks, mentions, &(t.start..t.end)) {
            return Some(e);
        }
        // an adjective of the noun, not a noun of its own (تقرير لمركز القدس: the centre's)
        let adjective = is_definite(t) == noun_definite && !w.starts_with('ل') && !w.starts_with('ب');
        skipped += 1;
        if skipped > 2 || !adjective {
            return None;
        }
    }
    None
}

/// The entity that issued the document whose noun is at `o`: the subject right after a verb of
/// issuing a few words before it (أصدرت الوزارة بيانا), or a speaker named right after a cue a
/// few words before في + the noun (وقالت الوزارة في بيان).
fn issuer_before(toks: &[Token], mentions: &Mentions, o: usize) -> Option<usize> {
    let earliest = o.saturating_sub(8);
    let after_verb = |v: usize| {
        let next = toks.get(v + 1).filter(|_| v + 1 < o)?;
        mentions.overlapping(&(next.start..next.end)).find(|(m, _)| m.start == next.start).map(|(_, e)| *e)
    };
    let in_doc = o > 0 && (toks[o].norm.starts_with('ب') || toks[o - 1].norm == "في");
    (earliest..o).rev().take_while(|&k| toks[k].kind != TokenKind::Punct || is_comma(&toks[k])).find_map(|k| {
        let w = toks[k].norm.trim_start_matches(['و', 'ف']);
        let publishing = crate::quotes::PUBLISHING.contains(w);
        let cue = in_doc && role(&toks[k]).is_some();
        if publishing || cue {
            after_verb(k)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;
    use khabar_model::Article;

    /// The name of the entity a record links to.
    fn entity<'a>(a: &'a Article, id: &Option<String>) -> Option<&'a str> {
        a.entities.iter().find(|e| Some(&e.id) == id.as_ref()).map(|e| e.name.as_str())
    }

    #[test]
    fn speakers_and_sources_link_by_one_policy() {
        let a = Pipeline::all().extract(
            None,
            None,
            "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الوضع مستقر. وأعلنت وزارة الصحة في غزة مقتل 5 أشخاص.",
        );
        let speaker = a.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(entity(&a, &speaker.entity), Some("ديمتري بيسكوف"));
        let source = a.counts[0].attributed_to.as_ref().unwrap();
        assert_eq!(source.text, "وزارة الصحة");
        assert_eq!(entity(&a, &source.entity), Some("وزارة الصحة"));
    }

    #[test]
    fn a_definite_head_after_an_attributions_l_names_the_organization() {
        let a = Pipeline::all().extract(
            None,
            None,
            "نشرت منظمة العفو الدولية تقريرا جديدا. ويظهر الفيديو جنودا يحملون قنابل عنقودية، وفقا للمنظمة.",
        );
        let q = a.quotes.iter().find(|q| q.cue == "وفقا").expect("the attribution is read");
        let speaker = q.speaker.as_ref().unwrap();
        assert_eq!(entity(&a, &speaker.entity), Some("منظمة العفو الدولية"));
    }

    #[test]
    fn a_description_names_the_person_it_introduced() {
        let a = Pipeline::all().extract(
            None,
            None,
            "التقى الرئيس الأميركي دونالد ترامب نظيره الفرنسي في باريس. وقال الرئيس الأميركي إن اللقاء كان مثمرا.",
        );
        let speaker = a.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.text, "الرئيس الأميركي");
        assert_eq!(entity(&a, &speaker.entity), Some("دونالد ترامب"));
    }

    #[test]
    fn a_description_names_the_person_named_after_its_apposition() {
        let a = Pipeline::all().extract(
            None,
            None,
            "وأكد المتحدث باسم الحكومة البريطانية في الشرق الأوسط، إدوين سموأل، أن بلاده تتحقق من الوقائع. وأضاف المتحدث باسم الحكومة البريطانية قائلا إن التحقيق مستمر.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(speaker.text, "المتحدث باسم الحكومة البريطانية");
        assert_eq!(entity(&a, &speaker.entity), Some("إدوين سموأل"));
    }

    #[test]
    fn a_title_alone_names_the_person_it_introduced() {
        let a = Pipeline::all().extract(
            None,
            None,
            "ألقى العاهل المغربي الملك محمد السادس كلمة متلفزة. ودعا الملك الحكومة إلى إعادة هيكلة البرامج.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(speaker.text, "الملك");
        assert_eq!(entity(&a, &speaker.entity), Some("محمد السادس"), "{:?}", a.quotes);
        // written before indefinite, in construct with what the title is of
        let a = Pipeline::all().extract(
            None,
            None,
            "قال وزير الخزانة الأميركي، ستيف منوتشين، إن الرئيس لا ينوي التراجع. وأبلغ الوزير قناة فوكس نيوز قائلا \"سنمضي قدما في رسومنا الجمركية\".",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(entity(&a, &speaker.entity), Some("ستيف منوتشين"), "{:?}", a.quotes);
    }

    #[test]
    fn a_definite_head_names_the_organization_it_heads() {
        let a = Pipeline::all().extract(
            None,
            None,
            "رفعت شركة موانئ دبي العالمية دعوى أمام المحكمة. وقالت الشركة إنها بدأت إجراءات التحكيم.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(speaker.text, "الشركة");
        assert_eq!(entity(&a, &speaker.entity), Some("شركة موانئ دبي العالمية"), "{:?}", a.quotes);
        // with a relative adjective after it; a nationality only where the body was given it
        let text = "وقالت صحيفة لوموند الفرنسية إن الحكومة ستستقيل. وأضافت الصحيفة الفرنسية أن الرئيس لم يعلق.";
        let a = Pipeline::all().extract(None, None, text);
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(entity(&a, &speaker.entity).map(|n| n.contains("لوموند")), Some(true), "{:?}", a.quotes);
        let text = "وقالت صحيفة لوموند إن الحكومة ستستقيل. وأضافت الصحيفة البريطانية أن الرئيس لم يعلق.";
        let a = Pipeline::all().extract(None, None, text);
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(entity(&a, &speaker.entity), None, "{:?}", a.quotes);
    }

    #[test]
    fn a_document_speaks_for_whoever_issued_it() {
        // the issuer after the noun, through ل and a definite head
        let a = Pipeline::all().extract(
            None,
            None,
            "وأكدت رابطة البرامج الإلكترونية أنها ستحضر الاجتماع. وقال بيان للرابطة إن الاجتماع فرصة للنقاش.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(speaker.text, "بيان");
        assert_eq!(entity(&a, &speaker.entity), Some("رابطة البرامج الإلكترونية"), "{:?}", a.quotes);
        // the definite noun alone: the one who spoke in it before
        let a = Pipeline::all().extract(
            None,
            None,
            "وقالت وزارة الخارجية السويدية في بيان إن الوزيرين ناقشا الفرص. وأضاف البيان أن السويد تدعو إلى الحوار.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(speaker.text, "البيان");
        assert_eq!(entity(&a, &speaker.entity), Some("وزارة الخارجية السويدية"), "{:?}", a.quotes);
        // what a document asks is not who issued it
        let a = Pipeline::all().extract(None, None, "وطالب البيان بمقاطعة شركة أرامكو السعودية فورا.");
        assert!(a.quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.entity.is_none())), "{:?}", a.quotes);
    }

    #[test]
    fn a_definite_kind_names_the_body_named_before_after_a_clitic_or_before_its_name() {
        for (text, want) in [
            ("وبحسب لوزارة الصحة فإن الوضع صعب. وقالت الوزارة إن المستشفيات ممتلئة.", "وزارة الصحة"),
            ("ونشرت صحيفة \"واشنطن بوست\" تقريرا عن الأزمة. وقالت الصحيفة إن الأزمة تتفاقم.", "واشنطن بوست"),
        ] {
            let a = Pipeline::all().extract(None, None, text);
            let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
            assert_eq!(entity(&a, &speaker.entity), Some(want), "{text}: {:?}", a.quotes);
        }
    }

    #[test]
    fn a_titled_surname_names_the_person_of_that_surname() {
        let a = Pipeline::all().extract(
            None,
            None,
            "وقال المتحدث باسم التحالف تركي المالكي إن العملية مستمرة. وأضاف العقيد المالكي أن القوات تتقدم.",
        );
        let speaker = a.quotes.last().and_then(|q| q.speaker.as_ref()).unwrap();
        assert_eq!(entity(&a, &speaker.entity), Some("تركي المالكي"), "{:?}", a.quotes);
    }
}
