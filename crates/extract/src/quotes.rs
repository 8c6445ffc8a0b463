//! Who said what: quotations with speaker, cue and kind.
//!
//! A reporting cue (`data/cues.tsv`) opens a report; what follows it is read in this order:
//! the speaker (a noun phrase right after the verb — an entity mention when there is one — or,
//! for a cue with no subject of its own such as وأضاف or a participle such as مؤكدا, the speaker
//! of the report before), adverbials (a date, في بيان, لفرانس برس: the medium is a listener,
//! never the speaker), then the content, which starts after أن/إن (at أنه/إنها, which carry the
//! subject), after a colon, at a quotation mark, or — for verbs that report an act (دعا، حذر،
//! أشاد، نفى) — right after the speaker and its preposition. The content runs to the end of the
//! sentence (or of its quotation, which may span sentences), stopping before a trailing
//! attribution (بحسب …) and before a participle cue that opens the next report (، مؤكدا).
//!
//! Kind: `direct` when the content is one quotation, `partial` when it quotes some words,
//! `indirect` otherwise. `نقلت الوكالة عن المسؤول قوله "…"` gives the inner speaker.
use crate::attribution::Mentions;
use crate::entities::EntityRec;
use crate::lexicon::{CueRole as Role, CUES};
use crate::{Doc, SourceRec, Span};
use khabar_model::{EntityType, QuoteKind};
use khabar_ner::triggers::{is_head, Use, ORG_HEADS, TITLES};
use khabar_text::clitic::proclitic_splits;
use khabar_text::date::WEEKDAYS;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::quotes::{quote_pairs, QuotePair};
use khabar_text::token::{Token, TokenKind};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRec {
    pub speaker: Option<SourceRec>,
    pub cue: Span,
    pub kind: QuoteKind,
    pub span: Span,
}

/// Words after a cue that are not its subject: time words, prepositions that open adverbials.
static ADVERBIAL: Lazy = lexicon!("adverbial" and WEEKDAYS);
/// Verbs of saying after which عن followed by a content says what about (قال عن التجربة إنها):
/// `say_about.tsv`.
static SAY_ABOUT: Lazy = lexicon!("say_about");
/// Words that end a speaker phrase.
static SPEAKER_STOP: Lazy = lexicon!("speaker_stop");
/// `pronoun_prepositions.tsv`: prepositions and adverbs that take an attached pronoun.
static PRONOUN_PREPOSITIONS: Lazy = lexicon!("pronoun_prepositions");

/// Whether a word is a preposition or an adverb carrying a pronoun (فوقها، أمامهم، لديه، له،
/// عنهم): after a cue it stands between the verb and its subject (قال عنهم ترامب، أشار إليه
/// جون ألترمان), and no speaker begins with it.
fn pronoun_preposition(norm: &str) -> bool {
    // (not in the first person: قبلي، نحوي، تحتي are adjectives)
    ["هما", "هم", "هن", "ها", "ه", "كما", "كم", "ك", "نا"].iter().any(|p| {
        norm.strip_suffix(p).is_some_and(|stem| {
            PRONOUN_PREPOSITIONS.contains(stem)
                // (منا، عنا: the ن of من and عن doubles; له، بها: a one-letter preposition)
                || *p == "نا" && matches!(stem, "م" | "ع")
                || matches!(stem, "ل" | "ب")
        })
    })
}

const SUBJECT_MARKERS: &[&str] = &["انه", "انها", "انهم", "انهما", "انهن", "بانه", "بانها", "بانهم", "بانهن"];

/// The cue role of a token and the proclitic letters on it (وقال → say, 1).
pub(crate) fn role(t: &khabar_text::token::Token) -> Option<(Role, usize)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    if let Some(r) = CUES.tags(&t.norm).iter().find_map(|c| c.role) {
        return Some((r, 0));
    }
    if !khabar_text::proclitic::may_have_proclitic(&t.norm) {
        return None;
    }
    // (a verb's past form after ب، ك or ل is a verbal noun: بحث is no ب + حث)
    proclitic_splits(&t.norm).skip(1).find_map(|(letters, rest)| {
        let role = CUES.tags(rest.as_ref()).iter().find_map(|c| c.role)?;
        let verb = matches!(role, Role::Say | Role::Act | Role::Part);
        (!(verb && crate::lexicon::verbal_noun_after_proclitic(&t.norm, letters, &rest))).then_some((role, letters))
    })
}

/// Where the source of an attribution cue (بحسب، وفقا) starts, from token `s` after the cue: past
/// ل, عن and ما, and past the verb of a ما-clause with its preposition (بحسب ما جاء في القرار،
/// وفق ما ورد في التقرير، بحسب ما ذكرت الصحيفة): the document or the subject after them is the
/// source, not the verb.
/// The cue at `cue` may carry the ما itself (حسبما ذكرت الوكالة), and ل may carry it (طبقا لما
/// قالته الوكالة).
/// Returns the source's start and whether a ما-clause stood before it.
fn attribution_source(toks: &[khabar_text::token::Token], cue: usize, end: usize) -> (usize, bool) {
    let mut s = cue + 1;
    let mut after_ma = toks[cue].norm.ends_with("ما");
    while s < end && matches!(toks[s].norm.as_str(), "ل" | "عن" | "ما" | "لما") {
        after_ma |= toks[s].norm.ends_with("ما");
        s += 1;
    }
    // (the verb may carry the pronoun of what it stated: بحسب ما نقلته الوكالة، وفق ما ذكره)
    let stated = |n: &str| {
        let bare = ["ها", "ه"].iter().find_map(|p| n.strip_suffix(p)).filter(|b| b.chars().count() >= 3);
        [Some(n), bare].into_iter().flatten().any(|w| CUES.find(w).is_some() || STATED_IN.contains(w))
    };
    if after_ma && s + 1 < end && toks[s].kind == TokenKind::Arabic && stated(&toks[s].norm) {
        s += 1;
        // (بحسب ما نشرته الاثنين صحيفة …)
        while s + 1 < end && ADVERBIAL.contains(toks[s].norm.as_str()) {
            s += 1;
        }
        if s + 1 < end && matches!(toks[s].norm.as_str(), "في" | "فيه" | "فيها" | "به" | "بها" | "عن" | "من")
        {
            s += 1;
        }
    }
    (s, after_ma)
}

/// Whether the verb at token `k` is the one of an attribution's ما-clause (بحسب ما أفادت به
/// الرئاسة، وفق ما أعلنت الوزارة), or follows an attribution cue right away (حسبما أعلنت).
fn in_attribution(toks: &[khabar_text::token::Token], k: usize) -> bool {
    let attr = |j: usize| role(&toks[j]).is_some_and(|(r, _)| r == Role::Attr);
    (k >= 1 && attr(k - 1)) || (k >= 2 && toks[k - 1].norm == "ما" && attr(k - 2))
}

/// Pronouns and demonstratives after which a cue's spelling is a predicate noun.
static PREDICATE_SUBJECTS: Lazy = lexicon!("predicate_subjects");

/// Verbs of a text stating something, in «ما جاء في …» after an attribution cue.
static STATED_IN: Lazy = lexicon!("stated_in");

fn is_open_quote(t: &khabar_text::token::Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | "«" | "“" | "„")
}

/// A name in quotation marks at `s`, right after a verb, that is its subject (وقالت "بلومبرغ" إن
/// …، ونقلت "رويترز" عن مصدر …، وذكرت "وول ستريت جورنال" أن …): an entity's mention fills the
/// marks, and the content's marker, a source's عن, or an adverbial (في بيان، عبر موقعها) follows.
/// Returns the closing mark's index. (Words quoted for themselves are no mention, and a report
/// in quotation marks goes on past a name: قال "ترامب كاذب".)
fn quoted_name_end(doc: &Doc, mentions: &Mentions, s: usize, limit: usize) -> Option<usize> {
    let toks = &doc.tokens;
    if s >= limit || !is_open_quote(&toks[s]) {
        return None;
    }
    let close = (s + 2..limit.min(s + 7)).find(|&k| toks[k].kind == TokenKind::Punct)?;
    if !matches!(toks[close].norm.as_str(), "\"" | "»" | "”") || close + 1 >= limit {
        return None;
    }
    let inner = toks[s + 1].start..toks[close - 1].end;
    let filled = mentions.overlapping(&inner).any(|(m, _)| m.start <= inner.start && m.end >= inner.end);
    let next = &toks[close + 1];
    let n = next.norm.as_str();
    // the content's marker, or a source's عن or an adverbial
    let marked = that_marker(next);
    let follows = marked || next.is_punct(':') || matches!(n, "عن" | "في" | "عبر" | "الي");
    // a short name no tagger knows (وذكرت "واس" بأن): one or two words, the content's marker
    // right after
    let short_name = close <= s + 3
        && toks[s + 1..close]
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Arabic | TokenKind::Word) && !SPEAKER_STOP.contains(t.norm.as_str()));
    ((filled && follows) || (marked && short_name)).then_some(close)
}

/// Nouns that head a speaker who is described rather than named (مصدر عسكري، مسؤولون،
/// المتحدث باسم…, شهود) — a phrase after a cue is its subject only if it names an entity or
/// starts with one of these or a title; otherwise it is what was said (ووصف الدعوات…).
static SPEAKER_HEADS: Lazy = lexicon!("speaker_heads");

/// Definite heads that take a ل-complement naming whose they are.
static OF_WHOM: Lazy = lexicon!("of_whom");

/// Nouns of a document or of figures that are a source after an attribution cue:
/// `source_documents.tsv`.
static SOURCE_DOCUMENTS: Lazy = lexicon!("source_documents");

/// Verbs that issue a document whose words a speaker then says (أصدر، نشر: `publishing_verbs.tsv`).
pub(crate) static PUBLISHING: Lazy = lexicon!("publishing_verbs");

/// Nouns of a medium that, with ل, name the listener: `listener_heads.tsv`.
static LISTENER_HEADS: Lazy = lexicon!("listener_heads");

/// What a speaker said something in (في المؤتمر الصحفي، في البيان): no complement of the speaker.
static SPEECH_OCCASIONS: Lazy = lexicon!("speech_occasions");

/// Words without the article that belong to the definite noun before them (غير الحكومية، نفسه).
static DEFINITE_FOLLOWERS: Lazy = lexicon!("definite_followers");

/// Cues that before أن are an impersonal passive (يذكر أن، يشار إلى أن): `impersonal_cues.tsv`.
static IMPERSONAL_CUES: Lazy = lexicon!("impersonal_cues");

/// Particles with a pronoun (لكنه) that before a cue with no subject say the last speaker
/// speaks: `pronoun_particles.tsv`.
static PRONOUN_PARTICLES: Lazy = lexicon!("pronoun_particles");

/// Verbs of belief, reports only with a named subject and a that-clause: `belief_cues.tsv`.
static BELIEF_CUES: Lazy = lexicon!("belief_cues");

/// Cues whose whole object may be one word (ونفت حماس ذلك): `lone_object_cues.tsv`.
static LONE_OBJECT_CUES: Lazy = lexicon!("lone_object_cues");

/// Cues that take an object before their complement (اتهم X بـ، حث X على), and the complement's
/// opening: `object_first_cues.tsv`.
static OBJECT_FIRST_CUES: Lazy<String> = lexicon!("object_first_cues", |tag| Some(tag.to_string()));

/// Whether the verb at `i` takes an object before its complement (`object_first_cues.tsv`) and
/// the word at `next` opens that complement: a word with ب on it (بأنه، باستغلال) or على.
fn object_first(doc: &Doc, i: usize, next: usize) -> bool {
    OBJECT_FIRST_CUES.get(&doc.analysis(i).word).is_some_and(|opening| match opening.as_str() {
        "ب" => doc.tokens[next].kind == TokenKind::Arabic && doc.analysis(next).prep == Some('ب'),
        o => doc.tokens[next].norm == o,
    })
}

/// What a speaker withholds after a cue (رفض الكشف عن هويته، طلب عدم ذكر اسمه): `withheld.tsv`.
static WITHHELD: Lazy<bool> = lexicon!("withheld", |tag| match tag {
    "alone" => Some(true),
    "whose" => Some(false),
    _ => None,
});

/// The present يعتبر, mostly the passive "is considered", and the words that make it so right
/// after its subject (`considered.tsv`): true for the verb.
static CONSIDERED: Lazy<bool> = lexicon!("considered", |tag| match tag {
    "verb" => Some(true),
    "predicate" => Some(false),
    _ => None,
});

/// Speaker heads naming a body or a group, after which a person's name is the object:
/// `body_heads.tsv`.
static BODY_HEADS: Lazy = lexicon!("body_heads");

/// Definite adjectives without a relative ending that follow a title (الأمين العام، الرئيس السابق).
static TITLE_ADJECTIVES: Lazy = lexicon!("title_adjectives");

fn is_speaker_head(doc: &Doc, i: usize) -> bool {
    let w = doc.analysis(i).word.as_str();
    SPEAKER_HEADS.contains(w) || TITLES.contains(w)
}

/// [`is_speaker_head`], or a head the lists hold without the article it carries here (السفيرة،
/// الوزير: most heads are listed bare).
fn is_definite_speaker_head(doc: &Doc, i: usize) -> bool {
    let w = doc.analysis(i).word.trim_start_matches("ال");
    is_speaker_head(doc, i) || SPEAKER_HEADS.contains(w) || TITLES.contains(w)
}

/// Whether a word is a relative or nationality adjective by its shape (المصرية، حقوقية،
/// سياسيون، روس); a bare ـي without the article is left out, as it also ends a construct
/// plural (مساعدي ترامب).
fn is_adjective(t: &khabar_text::token::Token) -> bool {
    let n = t.norm.as_str();
    t.kind == TokenKind::Arabic
        && n.chars().nth(2).is_some()
        && !SPEAKER_STOP.contains(n)
        && (["يه", "يون", "يين", "يان"].iter().any(|e| n.ends_with(e))
            || (n.starts_with("ال") && n.ends_with('ي'))
            || crate::events::words::nationality(t).is_some())
}

/// Whether كل من at token `i` opens parties named together (كل من بريطانيا وفرنسا).
fn parties_at(toks: &[Token], i: usize) -> bool {
    toks[i].norm == "كل" && toks.get(i + 1).is_some_and(|t| t.norm == "من")
}

/// Whether token `i` is the definite head of an organization's name (الشركة، المحكمة، النقابات،
/// الحكومة): `org_heads.tsv` of the tagger, with the article.
fn definite_body(doc: &Doc, i: usize) -> bool {
    use khabar_ner::triggers::{is_head, Use, ORG_HEADS};
    let a = doc.analysis(i);
    if !a.article || a.prep.is_some() {
        return false;
    }
    // (the analysis may keep the article on the word or not)
    let bare = a.word.strip_prefix("ال").unwrap_or(&a.word);
    let full = format!("ال{bare}");
    // (a feminine head's sound plural too: النقابات، الشركات)
    let singular = bare.strip_suffix("ات").map(|stem| format!("{stem}ه"));
    [Use::Tagger, Use::Chain]
        .iter()
        .any(|&u| is_head(&ORG_HEADS, bare, u) || singular.as_deref().is_some_and(|w| is_head(&ORG_HEADS, w, u)))
        || [Use::Definite, Use::National].iter().any(|&u| is_head(&ORG_HEADS, &full, u))
}

/// Whether a person's name the tagger found starts at token `t`.
fn person_starts_at(mentions: &Mentions, t: &Token) -> bool {
    mentions
        .overlapping(&(t.start..t.end))
        .next()
        .is_some_and(|(m, e)| m.start == t.start && m.end > t.end && mentions.kind(*e) == EntityType::Per)
}

/// The speaker phrase from token `i`: an entity mention starting there, else a noun phrase of up
/// to six words. `None` when what follows is no subject (a date, a preposition, the content).
fn speaker_at(doc: &Doc, mentions: &Mentions, i: usize, limit: usize) -> Option<Range<usize>> {
    speaker_phrase(doc, mentions, i, limit, false, false)
}

/// [`speaker_at`] after a verb of acting, whose object may follow the subject (انتقد الرئيس ترامب
/// | حلفاء الولايات المتحدة).
fn speaker_of_act(doc: &Doc, mentions: &Mentions, i: usize, limit: usize) -> Option<Range<usize>> {
    speaker_phrase(doc, mentions, i, limit, false, true)
}

/// [`speaker_at`]; with `glued`, the first word may carry the ل of an attribution (وفقا
/// للصحيفة الأمريكية، وفقا لوكالة رويترز); with `acting`, the phrase is the subject of a verb of
/// acting, whose object may follow it.
fn speaker_phrase(
    doc: &Doc,
    mentions: &Mentions,
    i: usize,
    limit: usize,
    glued: bool,
    acting: bool,
) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    // وأعلن #البيت_الأبيض: a hashtag's mark before the name
    if i + 1 < limit && toks[i].norm == "#" && !toks[i + 1].space_before && toks[i + 1].kind == TokenKind::Arabic {
        return speaker_phrase(doc, mentions, i + 1, limit, glued, acting);
    }
    if i >= limit || toks[i].kind != TokenKind::Arabic {
        return None;
    }
    // كل من بريطانيا وفرنسا: the first of the parties named
    if parties_at(toks, i) {
        return speaker_at(doc, mentions, i + 2, limit);
    }
    // قال عنهم ترامب، وأشار إليه جون ألترمان: a preposition with a pronoun before the subject
    // (what follows must be named or a speaker's kind: تكشف فيها موقفها is no subject; and after
    // a verb of acting and فيه it is the object: بيانا دعت فيه السلطات، التي اتهمت فيها موسكو)
    if pronoun_preposition(&toks[i].norm) && !glued {
        let j = i + 1;
        // (in it: the document the subject named before issued; واتهمت بعدها المحكمة، التي
        // تطالب بها بكين still name the subject after)
        let acting = i > 0 && role(&toks[i - 1]).is_some_and(|r| r.0 == Role::Act) && toks[i].norm.starts_with("في");
        let subject = !acting
            && j < limit
            && toks[j].kind == TokenKind::Arabic
            && (mentions
                .overlapping(&(toks[j].start..toks[j].end))
                .next()
                .is_some_and(|(m, _)| m.start >= toks[j].start)
                || is_speaker_head(doc, j) && doc.analysis(j).prep.is_none());
        let phrase = if subject { speaker_phrase(doc, mentions, j, limit, glued, acting) } else { None };
        // (in a relative clause the pronoun is the antecedent's, which is what was said, unless
        // a that-clause or a quotation follows: النتائج التي خلص إليها التحقيق | بشأن … is no
        // report, الذي يقول عنه خبراء | إنه … is; the phrase is then read as before)
        let relative = i >= 2 && is_relative_pronoun(&toks[i - 2]);
        let opens = |t: &Token| that_marker(t) || is_open_quote(t) || t.norm == ":";
        match phrase {
            Some(p) if !relative || toks.get(p.end).is_some_and(opens) => return Some(p),
            _ if !relative => return None,
            _ => {}
        }
    }
    let first = doc.analysis(i);
    // (a ك the analysis takes off is mostly the word's own letter: وكالات، كبار)
    // (a ل written apart opens the listener: كشف لـCNN)
    // (بسام، لينا: a given name whole is no preposition and a word)
    if first.prep.is_some_and(|p| p != 'ك' && !(glued && p == 'ل'))
        && !crate::entities::whole_given_name(&toks[i], first)
        // (a clitic letter written apart: لـCNN، يشيد بـ"الموهبة")
        || matches!(toks[i].norm.as_str(), "ب" | "ل" | "ك" | "و" | "ف")
        // (علي spells the preposition على and the given name: a person's name starting here speaks,
        // قال علي بن محمد الرميحي إن)
        || SPEAKER_STOP.contains(toks[i].norm.as_str()) && !person_starts_at(mentions, &toks[i])
        || ADVERBIAL.contains(toks[i].norm.as_str())
        || role(&toks[i]).is_some()
    {
        return None;
    }
    // an entity mention that starts here, with the words that describe it before (الناطق
    // باسم الكرملين ديمتري بيسكوف) when they run into it
    let mut k = i;
    // an indefinite described speaker keeps one complement saying where it is from (مسؤول كبير
    // في الإدارة الأمريكية، مصدر مقرب من التحقيق): في or من before a definite word or a name
    let described = !first.article && SPEAKER_HEADS.contains(&first.word);
    let mut complement = false;
    let named = |k: usize| mentions.overlapping(&(toks[k].start..toks[k].end)).next().is_some();
    // (whether the phrase opens with a body's definite head: its object may follow it)
    let body_head = definite_body(doc, i);
    while k < limit && k < i + 8 {
        let t = &toks[k];
        if t.kind != TokenKind::Arabic && !(t.kind == TokenKind::Word) {
            // (the underscore inside a hashtag joins its words: #البيت_الأبيض)
            let joins = t.norm == "_" && !t.space_before && toks.get(k + 1).is_some_and(|n| !n.space_before);
            if joins && k > i && k + 1 < limit {
                k += 1;
                continue;
            }
            break;
        }
        let a = doc.analysis(k);
        // مسؤول بالبيت الأبيض، مراسل بي بي سي: a described speaker may say where it is from;
        // القيادة العامة للقوات المسلحة: a command, a body or an office says whose it is
        // (مصدر بوزارة الدفاع، مصدر قضائي بالنيابة العامة: ب before a noun in construct with a
        // definite word, and after an adjective of the head)
        let construct_next = || {
            toks.get(k + 1).is_some_and(|n| {
                n.kind == TokenKind::Arabic
                    && (doc.analysis(k + 1).article && doc.analysis(k + 1).prep.is_none() || named(k + 1))
            })
        };
        let from_where = (a.prep == Some('ب') && a.article && k == i + 1 && is_speaker_head(doc, i))
            || (a.prep == Some('ب')
                && described
                && !complement
                && (k == i + 1
                    || k == i + 2 && {
                        let b = doc.analysis(i + 1);
                        b.prep.is_none()
                            && b.conj.is_none()
                            && (is_adjective(&toks[i + 1]) || toks[i + 1].norm.ends_with('ي'))
                    })
                && (a.article || a.conj.is_none() && construct_next())
                && !matches!(t.norm.as_str(), "بيان" | "ببيان" | "باسم" | "بهذا" | "بهذه"))
            // (المكتب الإعلامي لرئيس مجلس الوزراء، لمنطقة روستوف، المتحدث الرسمي لوزارة الخارجية:
            // or a noun in construct with a definite word or a name, itself no name of a person
            // nor one of a body that opens with no kind of body, which is the listener: وقال
            // المتحدث لفوكس نيوز)
            || (a.prep == Some('ل')
                && (a.article
                    || a.conj.is_none()
                        && construct_next()
                        && !mentions.overlapping(&(t.start..t.end)).any(|(_, e)| match mentions.kind(*e) {
                            EntityType::Per => true,
                            EntityType::Org => !is_head(&ORG_HEADS, &a.word, Use::Chain),
                            _ => false,
                        }))
                && k <= i + 2
                && OF_WHOM.contains(&doc.analysis(i).word));
        // (مدافعة عن حقوق الإنسان: a participle keeps its own preposition; في كل من قطر
        // وتركيا, في #البيت_الأبيض: the complement's first word comes after those)
        let participle_before = k > i + 1
            && toks[k - 1].norm.starts_with('م')
            && !doc.analysis(k - 1).article
            && !is_adjective(&toks[k - 1]);
        let mut n = k + 1;
        while n + 1 < limit && (toks[n].norm == "#" || (toks[n].norm == "كل" && toks[n + 1].norm == "من")) {
            n += if toks[n].norm == "#" { 1 } else { 2 };
        }
        let every_one_of = n >= k + 3 && toks[k + 1].norm == "كل";
        let opens_complement = (described || every_one_of && first.article)
            && !complement
            && k > i
            // (متحدث باسم السفارة الفرنسية | في تل أبيب: the office spoken for says where)
            && (k <= i + 3 || k <= i + 4 && (participle_before || toks[i + 1].norm == "باسم"))
            && (matches!(t.norm.as_str(), "في" | "من") || matches!(t.norm.as_str(), "عن" | "علي") && participle_before)
            && n < limit
            && toks[n].kind == TokenKind::Arabic
            && (doc.analysis(n).article && doc.analysis(n).prep.is_none()
                || named(n)
                // مسؤولون في إدارة ترامب: an indefinite noun in construct with a definite word or a name
                || (n + 1 < limit
                    && toks[n + 1].kind == TokenKind::Arabic
                    && doc.analysis(n).prep.is_none()
                    && !SPEAKER_STOP.contains(toks[n].norm.as_str())
                    && (doc.analysis(n + 1).article && doc.analysis(n + 1).prep.is_none() || named(n + 1))))
            && !SPEECH_OCCASIONS.contains(doc.analysis(n).word.trim_start_matches("ال"));
        if opens_complement {
            complement = true;
            k = n;
            continue;
        }
        // في كل من قطر وتركيا: names joined in the complement
        if complement && a.conj == Some('و') && named(k) && named(k - 1) {
            k += 1;
            continue;
        }
        // (a name's word whose first letter looks like a clitic stays in it: مايك ويد، نجية
        // بونعيم — the entity's mention says so)
        let same_name = k > i
            && mentions
                .overlapping(&(toks[k - 1].start..toks[k - 1].end))
                .any(|(m, _)| m.start <= toks[k - 1].start && m.end >= t.end);
        if k > i
            && !from_where
            && !same_name
            && (SPEAKER_STOP.contains(t.norm.as_str()) && t.norm != "من"
                || (a.prep.is_some() && t.norm != "باسم")
                || a.conj.is_some()
                || ADVERBIAL.contains(t.norm.as_str())
                || role(t).is_some_and(|r| r.0 == Role::Part)
                // مصادر تحدثت لـCNN: a verb of saying after the head is a clause describing it
                || (!a.article && t.kind == TokenKind::Arabic && CUES.find(&t.norm).is_some()))
        {
            break;
        }
        // وطالب المتظاهرون | الأمم المتحدة: a definite noun takes no name in construct, so a
        // name right after a described speaker's definite head is the verb's object
        // (after a title only a person's name stands in apposition: ودعا الملك | الحكومة)
        let titled = TITLES.contains(&first.word);
        if k == i + 1
            && first.article
            && (SPEAKER_HEADS.contains(&first.word) || titled)
            && mentions.overlapping(&(toks[i].start..toks[i].end)).next().is_none()
            // (a relative adjective is no name: السلطات السعودية; المستشار بالديوان الملكي says
            // where the speaker is from)
            && !(t.norm.ends_with('ي') || t.norm.ends_with("يه"))
            && a.prep.is_none()
            && a.conj.is_none()
            && mentions
                .overlapping(&(t.start..t.end))
                .next()
                .is_some_and(|(m, e)| m.start >= t.start && !(titled && mentions.kind(*e) == EntityType::Per))
        {
            break;
        }
        // ودعا الملك | الحكومة: after a definite title a definite word is an adjective of it (a
        // relative one, or one of the few others), a name, or the verb's object
        if k == i + 1
            && titled
            && first.article
            && a.article
            && a.prep.is_none()
            && !(t.norm.ends_with('ي') || t.norm.ends_with("يه"))
            // a participle (المخضرم، المحتمل، المكلف) describes
            && !t.norm.starts_with("الم")
            && !TITLE_ADJECTIVES.contains(&t.norm)
            && mentions.overlapping(&(t.start..t.end)).next().is_none()
        {
            break;
        }
        if k > i && (t.norm == "من" || crate::entities::RELATIONAL.contains(&t.norm)) {
            break;
        }
        // أمهل رئيس الحكومة | الوزير المقال: a definite title after a title's construct, no
        // person named after it, is the verb's object (a rank before a name is apposition: قائد
        // الجيش الجنرال مين أونغ هلاينغ)
        if k > i + 1
            && a.article
            && a.prep.is_none()
            && a.conj.is_none()
            && TITLES.contains(a.word.trim_start_matches("ال"))
            && TITLES.contains(&first.word)
            && !first.article
            && doc.analysis(k - 1).article
            && !(k + 1..limit.min(k + 4)).any(named)
        {
            break;
        }
        // ورفضت المحكمة العليا | السماح: after a body's definite head and its adjectives, a
        // definite word of the other gender (by its ending: an adjective agrees) that is no name
        // is the verb's object
        // (so is a quantifier that opens it: دعت الهيئة | كافة المستهلكين)
        if k > i && body_head && matches!(t.norm.as_str(), "كافه" | "جميع" | "كل") {
            break;
        }
        if k > i && a.article && a.prep.is_none() && a.conj.is_none() && !is_adjective(t) && body_head && !named(k) {
            let head = toks[i].norm.as_str();
            let feminine = head.ends_with('ه') || head.ends_with("ات");
            let w = t.norm.as_str();
            let agrees = if feminine {
                w.ends_with('ه') || w.ends_with('ي') || w.ends_with('ا')
            } else {
                !w.ends_with('ه') && !w.ends_with("ات")
            };
            if !agrees {
                break;
            }
        }
        let mention_here = mentions.overlapping(&(t.start..t.end)).next();
        let person_starts =
            mention_here.is_some_and(|(m, e)| m.start >= t.start && mentions.kind(*e) == EntityType::Per);
        // اتهمت السلطات المصرية | أبو الفتوح: a body or a group stands in apposition with no
        // person, so a person named after it is the verb's object
        // (right after the head and its adjectives: مسؤولون في إدارة ترامب names whose they are)
        let adjectives_only = || {
            (i + 1..k).all(|j| {
                let b = doc.analysis(j);
                toks[j].kind == TokenKind::Arabic
                    && b.prep.is_none()
                    && b.conj.is_none()
                    && (is_adjective(&toks[j]) || toks[j].norm == "غير")
                    && !named(j)
            })
        };
        if k > i && person_starts && BODY_HEADS.contains(&first.word) && !complement && adjectives_only() {
            break;
        }
        // اتهم ناشطون سياسيون روس | الرئيس الشيشاني: a definite word after an indefinite
        // relative or nationality adjective belongs to no phrase of it (an adjective agrees in
        // definiteness, and an adjective heads no construct), nor does a name (اتهمت منظمات
        // حقوقية | فرنسا)
        let name_starts = mention_here.is_some_and(|(m, _)| m.start >= t.start);
        // (after a described speaker's indefinite head only: وزيرة خارجية | الاتحاد is a construct
        // of a title, and خارجية a noun)
        if k > i + 1
            && described
            && !complement
            && (a.article && mention_here.is_none() || name_starts)
            && a.prep.is_none()
            && a.conj.is_none()
            && adjectives_only()
        {
            // (its words are adjectives without a preposition: the last must be one of shape, and
            // indefinite)
            let n = &toks[k - 1].norm;
            if !doc.analysis(k - 1).article && !n.starts_with("ال") && is_adjective(&toks[k - 1]) {
                break;
            }
        }
        // اتهم الرئيس سلفا كير | نائبه السابق: after a person's name, a noun with a possessive
        // pronoun starts the object (a title after the name is its apposition: قال نوري محمود
        // المتحدث باسم …)
        let after_person = mentions
            .overlapping(&(toks[k - 1].start..toks[k - 1].end))
            .next()
            .is_some_and(|(m, e)| m.end <= t.start && mentions.kind(*e) == EntityType::Per);
        if k > i && after_person && mention_here.is_none() && a.prep.is_none() && a.conj.is_none() {
            let raw = &doc.text[t.start..t.end];
            if raw.ends_with('ه')
                && (!crate::entities::name_like(doc, k, false) || crate::entities::possessed_person_noun(&a.word))
            {
                break;
            }
            // انتقد الرئيس ترامب | حلفاء الولايات المتحدة: after a verb of acting, an indefinite
            // noun in construct with a definite word or a name, itself no title, is the object
            // (after a verb of saying it is apposition: قال كاظم غريب آبادي مبعوث إيران)
            // (nor after a title the tagger took into the name: معجب الزهراني مدير | عام معهد)
            if acting
                && !a.article
                && k + 1 < limit
                && construct_next()
                && t.kind == TokenKind::Arabic
                && !is_speaker_head(doc, k)
                && !is_speaker_head(doc, k - 1)
                && !crate::entities::name_like(doc, k, false)
            {
                break;
            }
        }
        // وأوقفت السلطات | المئات: a figure is the object
        if k > i && mention_here.is_none() && khabar_text::number::parse_number(toks, k).is_some() {
            break;
        }
        // مصدر أمني لـCNN: a ل written apart (with a tatweel) opens the listener
        if k > i && t.norm == "ل" {
            break;
        }
        // لم يؤكد الجيش حصول أي ملاحقة: an indefinite word after a definite one is no modifier of
        // it (an adjective agrees in definiteness) but the object, unless it is a name
        // (or after the name that ends a described speaker's complement: مسؤول في حماس | مزاعم)
        if k > i
            && (doc.analysis(k - 1).article || complement && named(k - 1))
            && mention_here.is_none()
            && !a.article
            && a.prep.is_none()
            && t.norm != "باسم"
            && !DEFINITE_FOLLOWERS.contains(&t.norm)
            && t.kind == TokenKind::Arabic
            && !crate::entities::name_like(doc, k, true)
        {
            break;
        }
        k += 1;
    }
    // prefer ending at the end of an entity mention inside the phrase
    let span = toks[i].start..toks[k - 1].end;
    // a name right after the name that opens the phrase is the verb's object, not the same
    // speaker (وتطالب واشنطن | كوريا الشمالية بنزع السلاح)
    let mut named = mentions.within(&span);
    let first_end = match (named.next(), named.next()) {
        (Some((m1, e1)), Some((m2, e2))) if e1 != e2 && m1.start < toks[i].end => {
            let j = doc.token_at(m1.end);
            toks.get(j).filter(|t| t.start <= m2.start && m2.start < t.end).map(|_| m1.end)
        }
        _ => None,
    };
    let last_end = first_end.or_else(|| mentions.within(&span).map(|(m, _)| m.end).max());
    let mut out = if let Some(end) = last_end {
        let mut last = (i..k).rev().find(|&j| toks[j].end <= end).unwrap_or(i);
        // and the adjectives after the name (المتحدث باسم الشرطة الألمانية)
        while last + 1 < k
            && toks[last + 1].norm.starts_with("ال")
            && (toks[last + 1].norm.ends_with('ي') || toks[last + 1].norm.ends_with("يه"))
        {
            last += 1;
        }
        i..last + 1
    } else {
        // (a complement may take a few more: منظمات غير حكومية مدافعة عن حقوق الإنسان)
        i..k.min(i + if complement { 9 } else { 6 })
    };
    // a name in quotation marks after its kind (صحيفة "ساسكاتون ستار فينيكس")
    if out.end < limit && is_open_quote(&toks[out.end]) {
        if let Some(close) = (out.end + 1..limit.min(out.end + 7))
            .find(|&j| toks[j].kind == TokenKind::Punct && matches!(toks[j].norm.as_str(), "\"" | "»" | "”"))
        {
            if close > out.end + 1 {
                out.end = close + 1;
            }
        }
    }
    Some(out)
}

/// The first run of two or more name-like words between `from` and `to` (… المقيم في فرنسا
/// مختار أبليازوف الخميس أن; الخبير الكيميائي، فيل ميرزايانوف).
fn name_run_before(doc: &Doc, from: usize, to: usize) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    // the first run after the description, past commas and a place of residence
    let mut k = from;
    while k < to {
        if toks[k].kind == TokenKind::Punct {
            k += 1;
            continue;
        }
        // a cue is no name (المتحدث … في الشرق الأوسط قائلا)
        let named = |k: usize, first: bool| crate::entities::name_like(doc, k, first) && role(&toks[k]).is_none();
        if named(k, true) {
            let start = k;
            k += 1;
            while k < to && k < start + 4 && named(k, false) {
                k += 1;
            }
            if k >= start + 2 {
                return Some(start..k);
            }
            continue;
        }
        k += 1;
    }
    None
}

/// `NAME: words` — a person or organization named and followed by a colon, as headlines and
/// captions report speech (وأردوغان: الأسد "قاتل").
fn colon_report(doc: &Doc, mentions: &Mentions, pairs: &[QuotePair], sent: &Range<usize>) -> Option<QuoteRec> {
    let toks = &doc.tokens;
    let colon = (sent.start + 1..sent.end.min(sent.start + 6)).find(|&k| toks[k].is_punct(':'))?;
    let before = toks[colon - 1].end;
    // the mention that ends right before it (mentions never overlap: at most one)
    let (m, e) = mentions
        .overlapping(&(before - 1..before))
        .find(|(m, e)| {
            m.end == before
                && m.start >= toks[sent.start].start
                && matches!(mentions.kind(*e), EntityType::Per | EntityType::Org)
        })
        .cloned()?;
    // nothing but the name (a conjunction glued to it aside) before the colon
    if (sent.start..colon).any(|k| toks[k].is_word() && toks[k].end <= m.start) {
        return None;
    }
    let from = colon + 1;
    if from >= sent.end {
        return None;
    }
    let (span, kind) = match pair_at(pairs, toks[from].start) {
        Some(p) if is_open_quote(&toks[from]) && toks[sent.end - 1].end <= p.close + p.close_len + 2 => {
            (p.inner(), QuoteKind::Direct)
        }
        _ => {
            let end = content_end(doc, from, sent.end);
            let span = toks[from].start..toks[end.max(from + 1) - 1].end;
            let quoted = quotes_inside(pairs, &span);
            (span, if quoted { QuoteKind::Partial } else { QuoteKind::Direct })
        }
    };
    (doc.text[span.clone()].split_whitespace().count() >= 2).then(|| QuoteRec {
        speaker: Some(SourceRec { span: m.clone(), entity: Some(e) }),
        cue: toks[colon].start..toks[colon].end,
        kind,
        span,
    })
}

/// Whether a word is a preposition that governs the phrase after it (في تكساس، مع ماكرون): a name
/// there is where or with whom, not who.
fn governing_preposition(t: &Token) -> bool {
    matches!(t.norm.as_str(), "في" | "من" | "الي" | "علي" | "عن" | "مع" | "عبر" | "امام" | "خلال" | "بين" | "داخل")
}

/// A named subject right before the cue (up to two words between: a time word, قد): the
/// entity mention that ends there.
fn subject_before(doc: &Doc, mentions: &Mentions, floor: usize, cue: usize) -> Option<(Span, Option<usize>)> {
    let toks = &doc.tokens;
    let mut k = cue;
    let mut skipped = 0;
    // (a time word, قد, a form of كان: الحكومة كانت قد طالبت)
    while k > floor
        && skipped < 3
        && (ADVERBIAL.contains(toks[k - 1].norm.as_str())
            || matches!(toks[k - 1].norm.as_str(), "قد" | "كان" | "كانت" | "كانوا"))
    {
        k -= 1;
        skipped += 1;
    }
    // لكن مسؤولا حكوميا، رفض الكشف عن هويته، قال: the subject stands before a clause between
    // commas that describes it (two to twelve words, a relative clause or one that withholds a
    // name, `withheld.tsv`; no name, quotation or colon in it: a name there is the subject's
    // own, which the speaker carried over already finds)
    if k > floor + 1 && is_comma(&toks[k - 1]) {
        let open = (k.saturating_sub(14).max(floor)..k - 1).rev().find(|&j| is_comma(&toks[j]));
        if let Some(c) = open.filter(|&c| {
            let first = &toks[c + 1];
            c > floor
                && k > c + 3
                && doc.analysis(c + 1).conj.is_none()
                && (is_relative_pronoun(first) || toks[c + 1..k - 1].iter().any(|t| WITHHELD.get(&t.norm).is_some()))
                && toks[c + 1..k - 1].iter().all(|t| t.kind != TokenKind::Punct)
                && mentions.overlapping(&(toks[c + 1].start..toks[k - 2].end)).next().is_none()
        }) {
            k = c;
        }
    }
    if k == floor {
        return None;
    }
    let end = toks[k - 1].end;
    // a mention ending there, or before at most two adjectives (the first entity's, in text
    // order, when two qualify)
    let near = toks[k.saturating_sub(3)].start..end;
    let found = mentions
        .overlapping(&near)
        .filter(|(m, _)| m.end == end || (m.end < end && is_trailing_adjectives(doc, m.end, k)))
        .min_by_key(|(m, e)| (*e, m.start))
        .map(|(m, e)| (m.clone(), *e));
    if let Some((span, e)) = found {
        let first = doc.token_at(span.start);
        // (a place after a preposition is where, not who: في تكساس الأميركية كانت قد رفضت)
        let governed = doc.analysis(first).prep.is_some() || (first > floor && governing_preposition(&toks[first - 1]));
        if governed && mentions.kind(e) == EntityType::Loc {
            return None;
        }
        // (أوساط مقربة من ماكرون قد قالت: a name after a participle's من is its complement, and
        // the phrase from where the subject opens speaks)
        if governed && first >= floor + 2 && toks[first - 1].norm == "من" && toks[first - 2].norm.starts_with('م') {
            if let Some(h) = (first.saturating_sub(5).max(floor)..first - 1)
                .rev()
                .find(|&h| opens_subject(doc, floor, h) && !SUBJECT_OPENERS.contains(&toks[h].norm))
            {
                return Some((toks[h].start..end, None));
            }
        }
        // (أسرة أبو الفتوح نفت: the family speaks; المتحدث باسم القوات المسلحة قد أكد: its
        // spokesman does)
        if let Some((_, kin)) = kin_phrase(doc, floor, &span).or_else(|| spokesman_phrase(doc, floor, &span)) {
            return Some((kin, None));
        }
        // (وزير خارجية قطر أكد، وكيل أول وزارة الداخلية أشاد: the title in construct with the
        // body or the place speaks)
        if mentions.kind(e) != EntityType::Per {
            if let Some(h) = title_in_construct(doc, floor, doc.token_at(span.start)) {
                return Some((toks[h].start..span.end, None));
            }
        }
        return Some((span, Some(e)));
    }
    // a name the tagger missed: two or three name-like words right before the verb
    let mut start = k;
    while start > floor && start + 3 > k && crate::entities::name_like(doc, start - 1, false) {
        start -= 1;
    }
    if k >= start + 2 && crate::entities::name_like(doc, start, true) {
        return Some((doc.span(start..k), None));
    }
    described_before(doc, floor, k, true)
        .map(|r| {
            // (past the ل of whose a document is)
            let clitic = usize::from(doc.analysis(r.start).prep == Some('ل'));
            (doc.start_after_clitic(r.start, clitic)..toks[r.end - 1].end, None)
        })
        .or_else(|| definite_subject(doc, mentions, floor, k, cue))
}

/// Words after which a verb's shape is its verbal noun (`verbal_noun_governors.tsv`).
static VERBAL_NOUN_GOVERNORS: Lazy = lexicon!("verbal_noun_governors");

/// Whether the word at `i` is a masculine singular verb by its shape: neither the past's ـت
/// (قالت، دعت) nor the present's تـ (تقول، تدعو), and no verbal noun — a word with a
/// preposition (بنفي) or after one or an adverb (بعد رفض الحكومة، رغم نفي السلطات).
fn masculine_verb(doc: &Doc, i: usize) -> bool {
    let a = doc.analysis(i);
    let w = a.word.as_str();
    let governed = a.prep.is_some() || i > 0 && VERBAL_NOUN_GOVERNORS.contains(&doc.tokens[i - 1].norm);
    !governed && !w.ends_with('ت') && !w.starts_with('ت')
}

/// Whether the word at `h` is a body or an organization in the feminine (حكومة، الوزارة،
/// السلطات، القوات): a body's or an organization's head ending in ة or ات.
fn feminine_body(doc: &Doc, h: usize) -> bool {
    let w = doc.analysis(h).word.as_str();
    let bare = w.strip_prefix("ال").unwrap_or(w);
    (bare.ends_with('ه') || bare.ends_with("ات"))
        && [w, bare].iter().any(|w| {
            use khabar_ner::triggers::{is_head, Use, ORG_HEADS};
            BODY_HEADS.contains(w) || is_head(&ORG_HEADS, w, Use::Tagger) || is_head(&ORG_HEADS, w, Use::Chain)
        })
}

/// A subject neither the tagger nor the lists know, opening its clause right before the verb at
/// `cue` (لكن إدارة ناديه الأهلي نفت، لكن الميليشيا الكردية تنفي): one to four words from where a
/// subject may open (see [`opens_subject`]), the first without a conjunction or preposition, a
/// definite word among them, none a verb of saying or a word that ends a speaker; a masculine
/// verb takes no feminine head (لكن الحكومة قال is no subject and verb). The phrase is a noun
/// phrase (at most three words, no word without the article after one with it, no و) and
/// names someone who may speak: its head is a speaker's, a body's or an organization's
/// (الميليشيا، الجهات المعنية، البرلمان), or a person or organization is named in it (إدارة
/// ناديه الأهلي). A thing (التعادل نقل، هذه الحركات تؤكد) says nothing.
fn definite_subject(
    doc: &Doc,
    mentions: &Mentions,
    floor: usize,
    k: usize,
    cue: usize,
) -> Option<(Span, Option<usize>)> {
    let toks = &doc.tokens;
    let h = (k.saturating_sub(4).max(floor)..k)
        .find(|&h| opens_subject(doc, floor, h) && !SUBJECT_OPENERS.contains(&toks[h].norm))?;
    let a = doc.analysis(h);
    if a.prep.is_some() || a.conj.is_some() {
        return None;
    }
    let plain = |j: usize| {
        let t = &toks[j];
        t.kind == TokenKind::Arabic
            && doc.analysis(j).prep.is_none()
            && CUES.find(&t.norm).is_none()
            && !SPEAKER_STOP.contains(t.norm.as_str())
            && !SUBJECT_OPENERS.contains(&t.norm)
            && !is_relative_pronoun(t)
    };
    if k - h > 3 || !(h..k).all(plain) || !(h..k).any(|j| doc.analysis(j).article) {
        return None;
    }
    // a noun phrase: construct words, then the definite noun and its definite adjectives
    let first_definite = (h..k).find(|&j| doc.analysis(j).article).unwrap_or(h);
    if (first_definite..k).any(|j| !doc.analysis(j).article) || (h..k).any(|j| doc.analysis(j).conj.is_some()) {
        return None;
    }
    let head = a.word.as_str();
    let span = doc.span(h..k);
    let bare = head.strip_prefix("ال").unwrap_or(head);
    let org_head = |w: &str| {
        use khabar_ner::triggers::{is_head, Use, ORG_HEADS};
        is_head(&ORG_HEADS, w, Use::Tagger)
            || is_head(&ORG_HEADS, w, Use::Chain)
            || is_head(&ORG_HEADS, w, Use::Definite)
    };
    let speaks = is_speaker_head(doc, h)
        || [head, bare].iter().any(|w| SPEAKER_HEADS.contains(w) || BODY_HEADS.contains(w) || org_head(w))
        || mentions.within(&span).any(|(_, e)| mentions.kind(*e) != EntityType::Loc);
    if !speaks {
        return None;
    }
    let verb = doc.analysis(cue).word.as_str();
    let masculine_verb = verb.starts_with('ي') || !(verb.ends_with('ت') || verb.starts_with('ت'));
    if masculine_verb && (head.ends_with('ه') || head.ends_with("ات")) {
        return None;
    }
    Some((span, None))
}

/// A described speaker that ends right before token `k` (مشرعين جمهوريين | قالوا، ناشطون يمنيون،
/// حيث | أكدوا): a head of `speaker_heads.tsv` and up to two relative or nationality adjectives,
/// past حيث and a comma when `past_haythu`, opening its clause (see [`opens_subject`]).
fn described_before(doc: &Doc, floor: usize, mut k: usize, past_haythu: bool) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    if past_haythu && k > floor && toks[k - 1].norm == "حيث" {
        k -= 1;
        if k > floor && is_comma(&toks[k - 1]) {
            k -= 1;
        }
    }
    // (an indefinite plural or feminine word agrees with the head as an adjective does:
    // سياسيين معارضين، مصادر مطلعة)
    let agrees = |j: usize| {
        let (t, b) = (&toks[j], doc.analysis(j));
        is_adjective(t)
            // (a relative adjective in the accusative after an accusative head: مسؤولا أمريكيا)
            || (j > floor && toks[j - 1].norm.ends_with('ا') && t.norm.ends_with("يا") && t.norm.chars().nth(3).is_some())
            || (t.kind == TokenKind::Arabic
                && !b.article
                && b.prep.is_none()
                && b.conj.is_none()
                && t.norm.chars().nth(3).is_some()
                && ["ون", "ين", "ه"].iter().any(|e| t.norm.ends_with(e)))
    };
    // (or with the ل of whose a document is: تصريحات لمسؤولين ترجح أن, the officials speak)
    let of_document = |h: usize| {
        let a = doc.analysis(h);
        a.prep == Some('ل') && !a.article && h > floor && SOURCE_DOCUMENTS.contains(toks[h - 1].norm.as_str())
    };
    // the nearest head with only such words after it
    let h = (k.saturating_sub(3).max(floor)..k).rev().find(|&h| {
        let a = doc.analysis(h);
        // (after إن, أن or لكن the head is in the accusative: إلا أن مسؤولا كشف)
        toks[h].kind == TokenKind::Arabic
            && (a.prep.is_none() || of_document(h))
            && (SPEAKER_HEADS.contains(&a.word)
                || h > floor
                    && matches!(toks[h - 1].norm.as_str(), "ان" | "لان" | "بان" | "لكن" | "ولكن")
                    && a.word.strip_suffix('ا').is_some_and(|w| SPEAKER_HEADS.contains(w)))
    });
    if let Some(h) = h {
        return ((h + 1..k).all(agrees) && (of_document(h) || opens_subject(doc, floor, h))).then_some(h..k);
    }
    // a title in construct with a definite noun, and up to two adjectives (وكان وزير البيئة
    // النمساوي اليميني قد قال، رئيس الوزراء البريطاني قال)
    let t = (k.saturating_sub(4).max(floor)..k.saturating_sub(1)).rev().find(|&t| {
        let a = doc.analysis(t);
        toks[t].kind == TokenKind::Arabic && a.prep.is_none() && !a.article && TITLES.contains(&a.word)
    })?;
    let construct = doc.analysis(t + 1);
    (toks[t + 1].kind == TokenKind::Arabic
        && construct.article
        && construct.prep.is_none()
        && construct.conj.is_none()
        && (t + 2..k).all(|j| is_adjective(&toks[j]) && doc.analysis(j).article)
        && opens_subject(doc, floor, t))
    .then_some(t..k)
}

/// Nouns that make a person's name after them another person: `kin_heads.tsv`.
pub(crate) static KIN_HEADS: Lazy = lexicon!("kin_heads");

/// Whether token `k` is a kin noun in construct with what follows (no article, no preposition).
fn is_kin(doc: &Doc, k: usize) -> bool {
    let a = doc.analysis(k);
    doc.tokens[k].kind == TokenKind::Arabic && !a.article && a.prep.is_none() && KIN_HEADS.contains(&a.word)
}

/// The phrase a kin noun makes of a person's mention `m` (أسرة أبو الفتوح، زوجة مينغ): from the
/// kin noun's token (after `floor`) to the mention's end, when one stands right before it.
fn kin_phrase(doc: &Doc, floor: usize, m: &Span) -> Option<(usize, Span)> {
    let first = doc.token_at(m.start);
    (first > floor && is_kin(doc, first - 1)).then(|| (first - 1, doc.tokens[first - 1].start..m.end))
}

/// A speaker named for whom it speaks, ending with mention `m`: a head of `speaker_heads.tsv`
/// or a title, at most one adjective, then باسم (المتحدث باسم الجيش، الناطق الرسمي باسم
/// الحكومة): its first token and span.
fn spokesman_phrase(doc: &Doc, floor: usize, m: &Span) -> Option<(usize, Span)> {
    let toks = &doc.tokens;
    let first = doc.token_at(m.start);
    if first < floor + 2 || toks[first - 1].norm != "باسم" {
        return None;
    }
    let h = (first.saturating_sub(3).max(floor)..first - 1).find(|&h| is_speaker_head(doc, h))?;
    ((h + 1..first - 1).all(|j| is_adjective(&toks[j]) || TITLE_ADJECTIVES.contains(&toks[j].norm)))
        .then(|| (h, toks[h].start..m.end))
}

/// The farthest title or speaker head (وزير، رئيس، مدير) within three words before token
/// `first` that stands in construct with what follows: every word from it to `first` indefinite,
/// without a preposition or a conjunction, and no cue (رئيس وزراء | إسرائيل، وكيل أول | وزارة).
fn title_in_construct(doc: &Doc, floor: usize, first: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let mut best = None;
    let mut j = first;
    while j > floor && first - j < 3 {
        let p = j - 1;
        let a = doc.analysis(p);
        if toks[p].kind != TokenKind::Arabic
            || a.article
            || a.prep.is_some()
            || a.conj.is_some()
            || role(&toks[p]).is_some()
        {
            break;
        }
        // (a document is no title: بيان اليونسكو speaks as اليونسكو)
        if is_speaker_head(doc, p) && !SOURCE_DOCUMENTS.contains(a.word.as_str()) {
            best = Some(p);
        }
        j = p;
    }
    best
}

/// Whether a verb carries an object pronoun (تعتبرها، انتقدهم): what is left is a verb of the
/// cue lists (a pronoun's letters may be the verb's own: اتهم).
fn object_pronoun(t: &khabar_text::token::Token) -> bool {
    let n = t.norm.as_str();
    ["ه", "ها", "هم", "هما", "هن"]
        .iter()
        .any(|p| n.strip_suffix(p).is_some_and(|v| v.chars().count() >= 3 && CUES.find(v).is_some()))
}

/// الذي، التي، الذين and their duals.
fn is_relative_pronoun(t: &khabar_text::token::Token) -> bool {
    matches!(t.norm.as_str(), "الذي" | "التي" | "الذين" | "اللذان" | "اللتان")
}

/// Words after which a noun phrase before a verb is its subject: `subject_openers.tsv`.
static SUBJECT_OPENERS: Lazy = lexicon!("subject_openers");

/// Whether a subject may start at token `h`: at the sentence start, after a comma or colon, or
/// after a word that opens a clause with its subject (أن، لكن، وكانت); else the phrase is
/// governed by what comes before it (بمباراة بارما ويوفنتوس، فريق الخبراء، على التقرير).
fn opens_subject(doc: &Doc, floor: usize, h: usize) -> bool {
    let toks = &doc.tokens;
    if h == floor {
        return true;
    }
    let p = &toks[h - 1];
    is_comma(p) || p.is_punct(':') || SUBJECT_OPENERS.contains(&p.norm)
}

/// The token after the asides that may stand between a subject and its content's marker, from
/// token `k`: a relative clause between commas (، الذين هددوا بإغلاق المضيق،) or, without them,
/// up to a colon, time words and a year (الأسبوع الماضي، عام 2016), and, when `ila`, the إلى of
/// إلى أن.
fn past_asides(doc: &Doc, mut k: usize, end: usize, ila: bool) -> usize {
    let toks = &doc.tokens;
    while k < end {
        let n = toks[k].norm.as_str();
        if is_comma(&toks[k]) && toks.get(k + 1).is_some_and(is_relative_pronoun) {
            match (k + 2..end.min(k + 24)).find(|&j| is_comma(&toks[j])) {
                Some(close) => k = close + 1,
                None => break,
            }
        } else if is_relative_pronoun(&toks[k]) && k > 0 && toks[k - 1].kind != TokenKind::Punct {
            // (وقال الخليفي الذي زار نيمار في فيلته، وهو منتجع …: "…": a relative clause with no
            // commas around it runs to the colon that opens the content)
            match (k + 2..end.min(k + 30)).find(|&j| toks[j].is_punct(':') || toks[j].is_punct('.')) {
                Some(colon) if toks[colon].is_punct(':') => k = colon,
                _ => break,
            }
        } else if ADVERBIAL.contains(n) || is_comma(&toks[k]) || matches!(n, "الاسبوع" | "الشهر") || (ila && n == "الي")
        {
            k += 1;
        } else if n == "عام" && toks.get(k + 1).is_some_and(|y| y.kind == TokenKind::Number) {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// Whether the words from byte `from` to token `to` are only adjectives (البيلاروسية).
fn is_trailing_adjectives(doc: &Doc, from: usize, to: usize) -> bool {
    let toks = &doc.tokens;
    let first = match (0..to).rev().take_while(|&j| toks[j].start >= from).last() {
        Some(f) => f,
        None => return false,
    };
    to - first <= 2
        && (first..to)
            .all(|j| toks[j].norm.starts_with("ال") && (toks[j].norm.ends_with('ي') || toks[j].norm.ends_with("يه")))
}

/// Whether token `j` opens the listener: a ل written apart, or a medium's noun with ل (لوكالة،
/// لصحيفة; `listener_heads.tsv`).
fn is_listener(doc: &Doc, j: usize) -> bool {
    doc.tokens[j].norm == "ل" || doc.analysis(j).prep == Some('ل') && LISTENER_HEADS.contains(&doc.analysis(j).word)
}

/// The token after a medium's name in quotation marks at token `k` that follows a listener's ل
/// (لوكالة "برس أسوسيشن"، لصحيفة "الحياة"): the name is the listener's, no content.
fn listener_name_end(doc: &Doc, k: usize, limit: usize) -> Option<usize> {
    let toks = &doc.tokens;
    if k == 0 || k + 2 >= limit || !is_open_quote(&toks[k]) || !is_listener(doc, k - 1) {
        return None;
    }
    (k + 2..limit.min(k + 7)).find(|&j| is_quote_mark(&toks[j])).map(|close| close + 1)
}

/// Where the content of a report starts, scanning from token `i`: (first token of the content,
/// whether it began at a marker). Returns `None` when no marker comes within reach.
fn content_start(doc: &Doc, i: usize, limit: usize) -> Option<usize> {
    content_start_with(doc, i, limit, true)
}

/// [`content_start`]; with `quote_ok` false a quotation mark is not a marker (after a
/// participle, مؤكدة اعتقال "الجاني" quotes a word of the content).
fn content_start_with(doc: &Doc, i: usize, limit: usize, quote_ok: bool) -> Option<usize> {
    let toks = &doc.tokens;
    // (لوكالة "برس أسوسيشن": "…": a short quotation right after a listener's ل names the
    // listener; the content opens after it)
    let mut named_until = i;
    // a speaker may carry a long apposition between commas before the content
    for k in i..limit.min(i + 28) {
        if k < named_until {
            continue;
        }
        let t = &toks[k];
        let n = t.norm.as_str();
        if k > i && k < i + 4 {
            if let Some(end) = listener_name_end(doc, k, limit) {
                named_until = end;
                continue;
            }
        }
        // a quotation opens the content right away, or after an adverbial phrase (في خطاب
        // متلفز، لفرانس برس في باريس); elsewhere it quotes words inside the content
        if is_open_quote(t) && quote_ok {
            let lead = &toks[i];
            let adverbial = k == i
                || matches!(lead.norm.as_str(), "في" | "خلال" | "امام" | "عبر")
                || ADVERBIAL.contains(lead.norm.as_str())
                || doc.analysis(i).prep == Some('ل')
                // (وكتب فوقها "…"، قالت له "…": right after it)
                || pronoun_preposition(&lead.norm) && k == i + 1
                || lead.is_punct(':')
                || lead.is_punct('،');
            if adverbial {
                return Some(k);
            }
        }
        // past the first words, the marker must follow a comma-delimited apposition
        if k >= i + 14 && !matches!(toks[k - 1].norm.as_str(), "،" | ",") {
            continue;
        }
        if t.kind == TokenKind::Punct && n == ":" {
            return Some(k + 1);
        }
        if t.kind == TokenKind::Arabic {
            if SUBJECT_MARKERS.contains(&n)
                || proclitic_splits(n).skip(1).any(|(_, r)| SUBJECT_MARKERS.contains(&r.as_ref()))
            {
                return Some(k);
            }
            if n == "ان" || n == "بان" || n == "وان" {
                return Some(k + 1);
            }
        }
    }
    None
}

/// Words that open a clause of the reporter's after the reported one (، وذلك في كلمة …، إذ …، على
/// حد تعبيره), each with the word it needs after it and whether it must follow a comma.
static CLAUSE_END: Lazy<(Option<&'static str>, bool)> = lexicon!("quote_clause_end", |t| {
    let (next, place) = t.split_once('\t')?;
    let anywhere = match place {
        "comma" => false,
        "any" => true,
        _ => return None,
    };
    Some(((!next.is_empty()).then_some(next), anywhere))
});

/// Where a clause of the reporter's opens at token `k`: the index its punctuation starts at (the
/// comma before it, and a closing mark before that comma), or `None`.
fn clause_end_at(toks: &[khabar_text::token::Token], k: usize) -> Option<usize> {
    let t = &toks[k];
    if t.kind != TokenKind::Arabic {
        return None;
    }
    let comma = if k >= 1 && is_comma(&toks[k - 1]) {
        Some(k - 1)
    } else if k >= 2 && is_comma(&toks[k - 2]) && toks[k - 1].kind == TokenKind::Punct && is_quote_mark(&toks[k - 1]) {
        Some(k - 2)
    } else {
        None
    };
    let next = toks.get(k + 1).map(|n| n.norm.as_str());
    CLAUSE_END.tags(&t.norm).iter().find_map(|&(need, anywhere)| {
        if need.is_some_and(|w| next != Some(w)) {
            return None;
        }
        match comma {
            Some(c) => Some(c),
            None if anywhere => Some(k),
            None => None,
        }
    })
}

pub(crate) fn is_quote_mark(t: &khabar_text::token::Token) -> bool {
    matches!(t.norm.as_str(), "\"" | "«" | "»" | "“" | "”" | "„")
}

/// Where the content ends: the sentence end, before a trailing attribution, a participle cue
/// after a comma or a clause of the reporter's (`quote_clause_end.tsv`).
fn content_end(doc: &Doc, from: usize, sent_end: usize) -> usize {
    content_end_past(doc, from, from, sent_end)
}

/// [`content_end`] for a content starting at `from` that runs at least past token `past` (the
/// closing mark of the quotation it opens with).
fn content_end_past(doc: &Doc, from: usize, past: usize, sent_end: usize) -> usize {
    let toks = &doc.tokens;
    // a run-on "sentence" (a list, a text without full stops) does not make one report of it all
    let sent_end = sent_end.min(from + MAX_CONTENT_TOKENS).max(past + 1).min(toks.len());
    for k in past + 1..sent_end {
        let t = &toks[k];
        if k > from + 2 {
            if let Some(e) = clause_end_at(toks, k) {
                return e;
            }
        }
        if let Some((r, letters)) = role(t) {
            let after_comma = k > 0 && matches!(toks[k - 1].norm.as_str(), "،" | ",");
            // وقال … after the content opens a report of its own
            let new_report =
                matches!(r, Role::Say | Role::Act) && letters > 0 && t.norm.starts_with('و') && k > from + 2;
            // (and so does a participle after a comma or with و: ، مؤكدا أن، ومشيرا إلى أن)
            let part = r == Role::Part && (after_comma || letters > 0 && t.norm.starts_with('و') && k > from + 2);
            if r == Role::Attr && k > from + 2 || part || new_report {
                return if after_comma { k - 1 } else { k };
            }
            // ، كما قال …، لكنه أضاف …: the reporter goes on to another report
            if matches!(r, Role::Say | Role::Act)
                && letters == 0
                && k >= from + 3
                && (toks[k - 1].norm == "كما" || PRONOUN_PARTICLES.contains(&toks[k - 1].norm))
                && is_comma(&toks[k - 2])
            {
                return k - 2;
            }
            // … تعديل القانون موضحا أنه: a participle that opens its own that-clause opens a
            // report of its own, comma or not (after a content of a few words: دعا إلى "الجهاد"
            // مؤكدا أن keeps its one word with the rest)
            if r == Role::Part
                && letters == 0
                && (from..k).filter(|&j| toks[j].is_word()).count() >= 3
                && toks.get(k + 1).is_some_and(that_marker)
            {
                return k;
            }
        }
    }
    // no trailing full stop in the content
    let mut e = sent_end;
    while e > from + 1
        && toks[e - 1].kind == TokenKind::Punct
        && matches!(toks[e - 1].norm.as_str(), "." | "،" | "," | "؛" | ";" | ":")
    {
        e -= 1;
    }
    e
}

/// The pair whose opening mark is at `byte` (pairs are sorted by it).
fn pair_at(pairs: &[QuotePair], byte: usize) -> Option<&QuotePair> {
    pairs.binary_search_by_key(&byte, |p| p.open).ok().map(|k| &pairs[k])
}

/// Whether a quotation opens and closes inside `span`.
fn quotes_inside(pairs: &[QuotePair], span: &Span) -> bool {
    let from = pairs.partition_point(|p| p.open < span.start);
    pairs[from..].iter().take_while(|p| p.open < span.end).any(|p| p.close < span.end)
}

/// A speaker: the words naming it and the entity they name, when known.
type Speaker = (Span, Option<usize>);

/// What a cue opened: who speaks, when the words say so, and where the content starts.
struct Opening {
    speaker: Option<Speaker>,
    content_from: Option<usize>,
    /// Whether the content is a quotation a speaker's aside stood before
    /// ([`Reader::quotation_past_aside`]).
    past_aside: bool,
}

/// Reads an article's reports sentence by sentence, remembering the last speaker (a cue with no
/// subject continues it) and how far a direct quotation already took the text.
struct Reader<'d, 'a> {
    doc: &'d Doc<'a>,
    mentions: Mentions<'d>,
    pairs: Vec<QuotePair>,
    out: Vec<QuoteRec>,
    last_speaker: Option<Speaker>,
    /// Byte offset up to which a direct quotation already took the text.
    covered_until: usize,
    /// In the current sentence: the last قوله cue (a verb before it reports through it)…
    qawl_last: Option<usize>,
    /// … the contents of the reports read so far (a report whose cue stands inside
    /// [`MAX_NESTING`] of them is not read unless it is a direct quotation: a report inside a
    /// report is, a third level would make the output grow with the square of the sentence, as
    /// `قال: «` repeated does)…
    contents: Vec<Span>,
    /// … and where the fact of an attribution after it may start (after the last report).
    floor: usize,
    /// Whether an attribution in this sentence already took the whole sentence as its fact.
    sentence_taken: bool,
    /// The sentence before the current one.
    previous: Option<Range<usize>>,
}

/// How many reports' contents a cue may stand inside and still be read.
const MAX_NESTING: usize = 2;

/// The most tokens a report's content runs to (the corpus's longest is 227 words).
const MAX_CONTENT_TOKENS: usize = 400;

/// Every report of the document, in text order.
pub fn extract(doc: &Doc, entities: &[EntityRec]) -> Vec<QuoteRec> {
    let mut r = Reader {
        doc,
        mentions: Mentions::new(entities),
        pairs: quote_pairs(doc.text),
        out: Vec::new(),
        last_speaker: None,
        covered_until: 0,
        qawl_last: None,
        contents: Vec::new(),
        floor: 0,
        sentence_taken: false,
        previous: None,
    };
    for sent in &doc.sentences {
        r.sentence(sent);
        r.previous = Some(sent.clone());
    }
    r.out
}

/// Whether a token opens a report's content right away: أن or إن (with their pronouns, not
/// بأنه, which follows an act's object too), a colon or a quotation mark.
fn opens_content(t: &khabar_text::token::Token) -> bool {
    let n = t.norm.as_str();
    is_open_quote(t) || t.is_punct(':') || n == "ان" || (SUBJECT_MARKERS.contains(&n) && !n.starts_with('ب'))
}

pub(crate) fn is_comma(t: &khabar_text::token::Token) -> bool {
    matches!(t.norm.as_str(), "،" | ",")
}

impl Reader<'_, '_> {
    fn sentence(&mut self, sent: &Range<usize>) {
        let toks = &self.doc.tokens;
        let roles: Vec<Option<Role>> = toks[sent.clone()].iter().map(|t| role(t).map(|r| r.0)).collect();
        // (a verb inside an attribution, بحسب ما أفادت به الرئاسة، reports nothing of its own)
        let first_report = roles
            .iter()
            .enumerate()
            .position(|(k, r)| {
                matches!(r, Some(Role::Say | Role::Act | Role::Qawl | Role::Part))
                    && !in_attribution(toks, sent.start + k)
            })
            .map(|k| sent.start + k);
        self.qawl_last = roles.iter().rposition(|r| *r == Some(Role::Qawl)).map(|k| sent.start + k);
        self.contents.clear();
        self.floor = toks.get(sent.start).map_or(0, |t| t.start);
        self.sentence_taken = false;
        // أردوغان: وصلنا للنهاية — a named speaker and a colon
        if let Some(q) = colon_report(self.doc, &self.mentions, &self.pairs, sent) {
            if q.span.start >= self.covered_until {
                self.last_speaker = q.speaker.as_ref().map(|s| (s.span.clone(), s.entity));
                self.covered_until = self.covered_until.max(q.span.end);
                self.emit(q);
            }
        }
        let mut i = sent.start;
        while i < sent.end {
            i = self.report_at(sent, i, first_report);
        }
    }

    /// Reads the report whose cue is token `i`, if it is one; returns the token to go on from.
    fn report_at(&mut self, sent: &Range<usize>, i: usize, first_report: Option<usize>) -> usize {
        let doc = self.doc;
        let t = &doc.tokens[i];
        if t.start < self.covered_until {
            return i + 1;
        }
        let Some((r, letters)) = role(t) else { return i + 1 };
        // after هو, هي, هذا or هذه a cue's spelling is the predicate, a verbal noun (وهو رفض
        // ومواجهة للتطرف: "it is a rejection"), not a verb of saying
        if i > sent.start
            && letters == 0
            && matches!(r, Role::Say | Role::Act)
            && PREDICATE_SUBJECTS.contains(&doc.tokens[i - 1].norm)
        {
            return i + 1;
        }
        // يذكر أن، يشار إلى أن: the reporter's background in an impersonal passive, no one's report
        let next = doc.tokens.get(i + 1).filter(|_| i + 1 < sent.end).map(|n| n.norm.as_str());
        let that_next = next.is_some_and(|n| n == "الي" || SUBJECT_MARKERS.contains(&n) || n == "ان");
        if that_next && IMPERSONAL_CUES.contains(&doc.analysis(i).word) {
            return i + 1;
        }
        let raw = &doc.text[t.start..t.end];
        // رأي كتابها: the noun (written with ي), unless أن follows as after the verb (رأى أن)
        if doc.analysis(i).word == "راي" && raw.ends_with('ي') && !that_next {
            return i + 1;
        }
        // مضيفه: "its host", a noun with a pronoun (written with ه), not the participle مضيفة
        if r == Role::Part && t.norm.ends_with('ه') && raw.ends_with('ه') {
            return i + 1;
        }
        if matches!(r, Role::Say | Role::Act) && in_attribution(&doc.tokens, i) {
            return i + 1;
        }
        let cue = doc.start_after_clitic(i, letters)..t.end;
        let opening = match r {
            Role::Say | Role::Act => self.verb_report(sent, i, r, letters),
            Role::Part => Some(Opening {
                speaker: None,
                content_from: content_start_with(doc, i + 1, sent.end, false).or(Some(i + 1)),
                past_aside: false,
            }),
            Role::Qawl => Some(self.qawl_report(sent, i)),
            Role::Attr if i <= sent.start + 1 => self.attribution_first(sent, i),
            Role::Attr => {
                // an attribution after a fact, when no verb of saying before it already reports it
                if first_report.is_none_or(|f| f > i) {
                    self.attribution_after(sent, i, cue);
                }
                return i + 1;
            }
        };
        let Some(Opening { speaker, content_from, past_aside }) = opening else { return i + 1 };
        // a verb of belief reports only with its subject named and a that-clause (ويعتقد
        // المحققون أن …): alone it is the impersonal passive (ويعتقد على نطاق واسع أن، مما كان
        // يعتقد، يعتقد 9 من كل 10 أشخاص أن)
        if BELIEF_CUES.contains(&doc.analysis(i).word)
            && (speaker.is_none() || !content_from.is_some_and(|c| that_clause(doc, sent, i, c)))
        {
            return i + 1;
        }
        let speaker = speaker
            .or_else(|| self.pronoun_subject(sent, i))
            .or_else(|| if r == Role::Part { self.sentence_subject(sent, i) } else { self.person_earlier(sent, i) })
            .or_else(|| self.previous_subject(sent, i))
            .or_else(|| self.last_speaker.clone());
        // مسؤول، رفض الكشف عن هويته، قال؛ ورفض المتحدث التعليق: withholding is no report, though
        // whoever withheld stays the one the next cue without a subject carries over
        let withheld = matches!(r, Role::Say | Role::Act | Role::Part)
            && (i + 1 < sent.end && self.withheld(sent, i + 1)
                || content_from.is_some_and(|c| c < sent.end && self.withheld(sent, c)));
        if withheld {
            if speaker.is_some() {
                self.last_speaker = speaker;
            }
            return i + 1;
        }
        let Some(from) = content_from.filter(|&c| c < sent.end) else { return i + 1 };
        let nesting = self.contents.iter().filter(|c| c.contains(&t.start)).count();
        let Some((span, kind, next)) = self.content(sent, from, r, past_aside) else { return i + 1 };
        // a direct quotation bounds its own span; any other content runs on, and is not read
        // inside too many others
        if kind != QuoteKind::Direct && nesting >= MAX_NESTING {
            return i + 1;
        }
        if span.is_empty()
            || (doc.text[span.clone()].split_whitespace().count() < 2
                && !lone_object(doc, i, r, speaker.is_some(), from, next, sent))
        {
            return i + 1;
        }
        self.emit(QuoteRec {
            speaker: speaker.as_ref().map(|s| SourceRec { span: s.0.clone(), entity: s.1 }),
            cue,
            kind,
            span,
        });
        if speaker.is_some() {
            self.last_speaker = speaker;
        }
        // a report inside the content (قالت الصحيفة إن الممثلة … أضافت: …) is read too;
        // quotations already taken stay skipped
        if kind == QuoteKind::Direct {
            next.max(i + 1)
        } else {
            from.max(i + 1)
        }
    }

    /// Whether a content starting at token `object` is what its speaker withheld (الكشف عن
    /// هويته، عدم ذكر اسمه، التعليق): `withheld.tsv`.
    fn withheld(&self, sent: &Range<usize>, object: usize) -> bool {
        let toks = &self.doc.tokens;
        let object = if toks[object].norm == "عدم" { object + 1 } else { object };
        let whose = |k: usize| {
            k < sent.end && toks[k].kind == TokenKind::Arabic && {
                let n = &toks[k].norm;
                ["ه", "ها", "هم", "هما"].iter().any(|p| n.ends_with(p)) && n.chars().count() >= 4
            }
        };
        (object < sent.end).then(|| WITHHELD.get(&toks[object].norm)).flatten().is_some_and(|&alone| {
            alone || whose(object + 1) || object + 1 < sent.end && toks[object + 1].norm == "عن" && whose(object + 2)
        })
    }

    /// Keeps a report, and where it ends in its sentence.
    fn emit(&mut self, q: QuoteRec) {
        let end = q.speaker.as_ref().map_or(0, |s| s.span.end).max(q.span.end).max(q.cue.end);
        self.floor = self.floor.max(end);
        self.contents.push(q.span.clone());
        self.out.push(q);
    }

    /// A verb of saying or of an act at `i`: its speaker and where its content starts. `None`
    /// when the sentence reports through قوله further on (نقلت الوكالة عن المسؤول قوله: the
    /// inner report is the one).
    fn verb_report(&self, sent: &Range<usize>, i: usize, r: Role, letters: usize) -> Option<Opening> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        if self.qawl_last.is_some_and(|q| q > i) {
            return None;
        }
        let (mut speaker, mut s) = self.speaker_after(sent, i, r);
        let named_after = speaker.is_some() && s > i + 1;
        // دعا حكومة بغداد إلى، اتهم السلطات ب: a verb agrees with the subject after it, so a
        // masculine verb before a feminine body is the verb's object, and the subject is the one
        // before (or the speaker carried over)
        if speaker.as_ref().is_some_and(|(sp, _)| masculine_verb(doc, i) && feminine_body(doc, doc.token_at(sp.start)))
        {
            speaker = None;
        }
        // واتهم | الاتحاد الأوروبي بأنه، وحثت | إيران على: a verb that must take an object before its
        // complement, with one phrase before the complement, has that phrase as its object (the
        // accused, the one urged); the subject is the one before or the one carried over
        // The phrase must be one name and nothing else: with words before the name or a second
        // name, the subject and the object both stand after the verb (واتهمت الدول الأربع |
        // الدوحة، اتهمت منظمة العفو الدولية | إسرائيل); a name that goes on with ب is no
        // complement (لجنة الشؤون الخارجية بمجلس العموم).
        let one_name = |sp: &Span| {
            let mut names = self.mentions.overlapping(sp);
            names.next().is_some_and(|(m, _)| m.start <= sp.start && m.end >= sp.end) && names.next().is_none()
        };
        if named_after
            && s < sent.end
            && object_first(doc, i, s)
            && speaker.as_ref().is_some_and(|(sp, _)| one_name(sp))
            && self.mentions.overlapping(&doc.span(s..s + 1)).next().is_none()
        {
            speaker = None;
            s = i + 1;
        }
        // السفيرة التي اتهمت | الحكومة الروسية: a verb of acting right after a relative pronoun
        // and agreeing with it has the noun before as its subject, and the phrase after is its
        // object — when that noun may speak. Not where the verb has an object pronoun or a
        // preposition with one after it (the noun before is then the object: المفاوضات التي
        // يدعو إليها ماكرون), nor where the verb does not agree (الهجوم الذي تتهم الحكومة
        // السورية بشنه, اعتداء سالزبري الذي اتُهمت روسيا بتدبيره).
        if r == Role::Act
            && letters == 0
            && i > sent.start
            && is_relative_pronoun(&toks[i - 1])
            && !object_pronoun(&toks[i])
            && !toks.get(i + 1).is_some_and(|t| pronoun_preposition(&t.norm))
            && match toks[i - 1].norm.as_str() {
                "الذي" => masculine_verb(doc, i),
                "التي" => !masculine_verb(doc, i),
                _ => true,
            }
        {
            if let Some(sub) = self.antecedent(sent, i - 1) {
                speaker = Some(sub);
                s = i + 1;
            }
        }
        // a parenthesis after the speaker (محمود عباس (83 عاما)) is no content
        if s < sent.end && toks[s].is_punct('(') {
            if let Some(close) = (s + 1..sent.end.min(s + 8)).find(|&k| toks[k].is_punct(')')) {
                s = close + 1;
            }
        }
        // نقلت الوكالة عن مصدر ميداني أن …: the source after عن is the speaker
        if s < sent.end && toks[s].norm == "عن" && doc.analysis(i).word.starts_with("نقل") {
            if let Some(sp) = speaker_at(doc, &self.mentions, s + 1, sent.end) {
                let span = doc.span(sp.clone());
                speaker = Some((span.clone(), self.mentions.entity_at(&span)));
                s = sp.end;
            }
        }
        if speaker.is_none() {
            // وأصدرت الجامعة بيانا قالت فيه: the one who issued the document
            speaker = self.publisher_before(sent, i);
        }
        if speaker.is_none() && letters == 0 {
            // the subject before the verb: لكن الرئيس الصيني شي جينبينغ أشاد، وكالة بيلتا نقلت
            // (a verb with و and no subject continues the report before: وقال إنها …)
            speaker = subject_before(doc, &self.mentions, sent.start, i);
        } else if speaker.is_some() && letters == 0 && !(r == Role::Say && s < sent.end && opens_content(&toks[s])) {
            // لكن الأخير اتهم | الاتحاد الأوروبي، سياسيين معارضين انتقدوا | الحكومة: a subject
            // right before a verb without و makes the phrase after it the verb's object (after a
            // verb of saying, a phrase the content follows is its subject all the same)
            if let Some(sub) = self.subject_adjacent(sent, i) {
                speaker = Some(sub);
                s = i + 1;
            }
        }
        let (content_from, past_aside) = self.content_after_speaker(sent, i, r, s, speaker.is_some());
        // ويعتبر من أبرز، التي تعتبر الأكثر فقرا: the present يعتبر reports only with a
        // that-clause or with a subject named right after it and no predicate of the passive next
        if CONSIDERED.get(&doc.analysis(i).word) == Some(&true) {
            let that = content_from.is_some_and(|c| that_clause(doc, sent, i, c));
            let object_next = named_after
                && s < sent.end
                && (toks[s].kind == TokenKind::Arabic || is_open_quote(&toks[s]))
                && CONSIDERED.get(&toks[s].norm) != Some(&false);
            if !that && !object_next {
                return None;
            }
        }
        Some(Opening { speaker, content_from, past_aside })
    }

    /// The speaker of a verb at `i` that says what a document says (أصدرت الجامعة بيانا قالت فيه،
    /// نشر المنتخب تغريدة ذكر فيها): the subject of the verb that issued it
    /// (`publishing_verbs.tsv`), between that verb and the document's noun.
    fn publisher_before(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        if !toks.get(i + 1).is_some_and(|t| i + 1 < sent.end && matches!(t.norm.as_str(), "فيه" | "فيها")) {
            return None;
        }
        // the document's noun, with an adjective or two after it (بيانا مكتوبا، بياناً رئاسياً)
        let d = (i.saturating_sub(3).max(sent.start)..i).rev().find(|&k| {
            let w = doc.analysis(k).word.trim_end_matches('ا').to_string();
            toks[k].kind == TokenKind::Arabic && SOURCE_DOCUMENTS.contains(&w)
        })?;
        let v = (d.saturating_sub(9).max(sent.start)..d).rev().find(|&k| PUBLISHING.contains(&doc.analysis(k).word))?;
        let mut s = v + 1;
        while s < d && (ADVERBIAL.contains(toks[s].norm.as_str()) || is_comma(&toks[s])) {
            s += 1;
        }
        let sp = speaker_at(doc, &self.mentions, s, d)?;
        let span = doc.span(sp);
        let entity = self.mentions.entity_at(&span);
        Some((span, entity))
    }

    /// The subject that ends right before the verb at `i`, with nothing between: an entity
    /// mention not governed by a preposition (مع بوتين قال، في موسكو قال), a described speaker, or
    /// the noun a relative pronoun continues (السفيرة التي اتهمت).
    fn subject_adjacent(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let mut k = i;
        if k > sent.start && is_relative_pronoun(&toks[k - 1]) {
            // (a verb with an object pronoun has the noun before as its object: الوحدات التي
            // تعتبرها أنقرة)
            if object_pronoun(&toks[i]) {
                return None;
            }
            k -= 1;
        }
        if k == sent.start {
            return None;
        }
        let end = toks[k - 1].end;
        if let Some((m, e)) = self.mentions.overlapping(&(end - 1..end)).find(|(m, _)| m.end == end) {
            let mut first = doc.token_at(m.start);
            if first < sent.start || doc.analysis(first).prep.is_some() {
                return None;
            }
            // the words describing the name before it (الرئيس الفرنسي إيمانويل ماكرون), a
            // speaker of whom it is said (متحدث باسم الجيش), and a relative or a lawyer of the
            // person (أسرة أبو الفتوح نفت): then the phrase is the subject, not the name
            if let Some((start, kin)) = kin_phrase(doc, sent.start, m) {
                return opens_subject(doc, sent.start, start).then_some((kin, None));
            }
            let mut start = first;
            while start > sent.start && start + 4 > first && {
                let b = doc.analysis(start - 1);
                // (a hashtag's mark: الرئيس #دونالد_ترمب)
                toks[start - 1].norm == "#"
                    || toks[start - 1].kind == TokenKind::Arabic
                        && b.prep.is_none()
                        && (is_speaker_head(doc, start - 1)
                            || is_adjective(&toks[start - 1])
                            || toks[start - 1].norm == "باسم")
            } {
                start -= 1;
            }
            if !opens_subject(doc, sent.start, start) {
                return None;
            }
            if start < first && toks[first - 1].norm == "باسم" {
                first = start;
            }
            let span = toks[first].start..m.end;
            let entity = (span == *m).then_some(*e);
            return Some((span, entity));
        }
        if let Some(r) = described_before(doc, sent.start, k, false) {
            return Some((doc.span(r), None));
        }
        // a definite speaker head or title with the relative pronoun after it (السفيرة التي،
        // الوزير الذي: the lists hold most heads without their article)
        (k < i
            && k > sent.start
            && doc.analysis(k - 1).article
            && doc.analysis(k - 1).prep.is_none()
            && is_definite_speaker_head(doc, k - 1)
            && opens_subject(doc, sent.start, k - 1))
        .then(|| (doc.span(k - 1..k), None))
    }

    /// The noun a relative pronoun at `rel` continues, when it may speak: a person's or a body's
    /// name ending right before it, or before the comma before it (لكريستين بلازي فورد، التي),
    /// or a definite speaker's kind or title (لما ذكرته السفيرة التي). Whatever governs it, it is
    /// the relative clause's subject.
    fn antecedent(&self, sent: &Range<usize>, rel: usize) -> Option<Speaker> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let mut j = rel;
        if j > sent.start && is_comma(&toks[j - 1]) {
            j -= 1;
        }
        if j == sent.start {
            return None;
        }
        let comma = j < rel;
        // a person named before the comma that opens a description (ميك مولفاني، مدير الموازنة
        // في البيت الأبيض، الذي أعرب; مارلين شيابا، وهي الوزيرة التي طالبت)
        let person_before_description = |from: usize| {
            let c = (from.saturating_sub(10).max(sent.start)..from).rev().find(|&k| is_comma(&toks[k]))?;
            let end = toks.get(c.checked_sub(1)?)?.end;
            let (m, e) = self
                .mentions
                .overlapping(&(end - 1..end))
                .find(|(m, e)| m.end == end && self.mentions.kind(*e) == EntityType::Per)?;
            (c > sent.start).then(|| (m.clone(), Some(*e)))
        };
        let end = toks[j - 1].end;
        if let Some((m, e)) = self
            .mentions
            .overlapping(&(end - 1..end))
            .find(|(m, e)| m.end == end && self.mentions.kind(*e) != EntityType::Loc)
        {
            if comma && self.mentions.kind(*e) != EntityType::Per {
                if let Some(p) = person_before_description(doc.token_at(m.start)) {
                    return Some(p);
                }
            }
            return Some((m.clone(), Some(*e)));
        }
        let a = doc.analysis(j - 1);
        if !(toks[j - 1].kind == TokenKind::Arabic && a.article && is_definite_speaker_head(doc, j - 1)) {
            return None;
        }
        if j >= 2 && matches!(toks[j - 2].norm.as_str(), "وهي" | "وهو" | "هي" | "هو") {
            if let Some(p) = person_before_description(j - 1) {
                return Some(p);
            }
        }
        Some((doc.start_after_clitic(j - 1, a.clitic_letters)..end, None))
    }

    /// The speaker right after a verb of role `r` at `i` (past adverbials of time), and the token
    /// after it.
    fn speaker_after(&self, sent: &Range<usize>, i: usize, r: Role) -> (Option<Speaker>, usize) {
        let (doc, toks, mentions) = (self.doc, &self.doc.tokens, &self.mentions);
        let mut s = i + 1;
        // (and a time word's head: نهاية الشهر الماضي، مطلع الشهر الحالي، هذا الأسبوع)
        let time_head = |s: usize| {
            matches!(toks[s].norm.as_str(), "نهايه" | "بدايه" | "مطلع" | "اواخر" | "اوائل" | "منتصف" | "هذا" | "خلال")
                && toks.get(s + 1).is_some_and(|n| s + 1 < sent.end && ADVERBIAL.contains(n.norm.as_str()))
        };
        while s < sent.end && (ADVERBIAL.contains(toks[s].norm.as_str()) || is_comma(&toks[s]) || time_head(s)) {
            s += 1;
        }
        // أبدوا قلقهم، طلبوا مساعدة الشرطة: a verb with the plural's وا carries its subject, so
        // the phrase after it is its object
        // (طلبت من موسكو نشر قوات: whom an act asks is no subject)
        if toks[i].norm.ends_with("وا") && matches!(r, Role::Say | Role::Act)
            || r == Role::Act && i + 1 < sent.end && toks[i + 1].norm == "من"
        {
            return (None, s);
        }
        if let Some(close) = quoted_name_end(doc, mentions, s, sent.end) {
            let span = toks[s + 1].start..toks[close - 1].end;
            let entity = mentions.entity_at(&span);
            return (Some((span, entity)), close + 1);
        }
        let phrase = if r == Role::Act {
            speaker_of_act(doc, mentions, s, sent.end)
        } else {
            speaker_at(doc, mentions, s, sent.end)
        };
        // نقل الموقع عن مصدر ميداني أن …: whoever carries it, the source after عن speaks
        // (ونقلت وكالة الحوثيين، عن مصدر قضائي: past a comma; ونقلت شبكة "إيه بي سي نيوز"
        // الأميركية عن …: past the adjectives after a quoted name)
        let via = phrase
            .as_ref()
            .map(|p| {
                let mut e = p.end;
                while e < sent.end && e < p.end + 2 && toks[e].norm.starts_with("ال") && is_adjective(&toks[e]) {
                    e += 1;
                }
                if e + 1 < sent.end && is_comma(&toks[e]) {
                    e + 1
                } else {
                    e
                }
            })
            .filter(|&e| e < sent.end && toks[e].norm == "عن" && doc.analysis(i).word.starts_with("نقل"));
        if let Some(e) = via {
            return (None, e);
        }
        let Some(sp) = phrase else { return (None, s) };
        let span = doc.span(sp.clone());
        let entity = mentions.entity_at(&span);
        // a phrase followed by the content's marker is the subject whatever it is (وقالت إحدى
        // الممثلات إنهن …); without one it may be the object (ووصف الدعوات)
        // (after a verb of an act, إلى follows its object: دعا الإنسان إلى أن …)
        let after = past_asides(doc, sp.end, sent.end, r != Role::Act);
        // (the tokens of a medium's quoted name between: لإذاعة "أوروب 1")
        let listener_name_len = |from: usize, to: usize| {
            (from..to).find_map(|k| listener_name_end(doc, k, sent.end).map(|e| e - k)).unwrap_or(0)
        };
        let marked = content_start(doc, sp.end, sent.end).is_some_and(|c| {
            // right after it, or after a listener or a place (لفرانس برس في باريس), or after
            // asides (see [`past_asides`]: وقال الحوثيون، الذين …، الأسبوع الماضي إنهم)
            c <= after + 1
                // (or after a person named between commas: المكتب الإعلامي لرئيس الوزراء، سعد
                // الحريري، أنه)
                || self.apposition_after(sp.end, sent.end).is_some_and(|close| c <= close + 2)
                || (c <= sp.end + 7 + listener_name_len(sp.end, c) && sp.end < sent.end && {
                    let n = &toks[sp.end];
                    doc.analysis(sp.end).prep == Some('ل')
                        // (أفاد التلفزيون الرسمي نقلا عن وزارة الصحة بأن: the source it carries)
                        || matches!(n.norm.as_str(), "في" | "خلال" | "امام" | "عبر" | "نقلا")
                        || ADVERBIAL.contains(n.norm.as_str())
                })
        });
        // (or a body by its definite head, the subject a verb puts first: وكشفت الشركة عن،
        // ورفضت المحكمة العليا السماح)
        let titled = is_speaker_head(doc, sp.start);
        let body = BODY_HEADS.contains(&doc.analysis(sp.start).word) || definite_body(doc, sp.start);
        if entity.is_none() && !titled && !body && !marked {
            // وقال مفتش في الشرطة الملكية الكندية تيد مونرو في مؤتمر صحافي … إن: a description
            // no list knows, with a person named in it before the content's marker, is the subject
            // (a verb of saying puts its subject first); see [`Reader::described_subject`]
            if let Some(found) = self.described_subject(sent, s, sp.end, r) {
                return found;
            }
            // وهدد الحوثيون بإغلاق المضيق: a definite sound plural in the nominative is the subject
            // (the object would end in ين)
            let a = doc.analysis(sp.start);
            let nominative = sp.len() == 1
                && toks[sp.start].kind == TokenKind::Arabic
                && a.article
                && a.prep.is_none()
                && a.word.chars().count() >= 5
                && a.word.strip_suffix("ون").is_some_and(|stem| {
                    // (a sound plural has its oblique too; القانون، التلفزيون have none)
                    khabar_text::clitic::frequency(&format!("{stem}ين")) >= 5
                });
            if !nominative {
                return (None, s);
            }
        }
        // a name further on before the content (المعارض … المقيم في فرنسا مختار أبليازوف;
        // المتحدث باسم الحكومة البريطانية إدوين سموأل), only for a description: an
        // organization that speaks keeps the floor
        // (never after a body or a group: the person after السلطات is the object)
        // a relative named between commas after it (وأعربت زوجة إيكاردي، واندا نارا، عن …): she
        // speaks, not the person she is related to
        let kin_named =
            is_kin(doc, sp.start).then(|| self.apposition_after(sp.end, sent.end)).flatten().and_then(|close| {
                let first = &toks[sp.end + 1];
                let (m, e) = mentions.overlapping(&(first.start..first.end)).next()?;
                Some((Some((m.clone(), Some(*e))), close + 1))
            });
        let (speaker, mut end) = if let Some(named) = kin_named {
            named
        } else if !body && (entity.is_none() || (titled && entity.is_some_and(|e| mentions.kind(e) != EntityType::Per)))
        {
            self.name_after_description(sent, sp.end).unwrap_or((Some((span, entity)), sp.end))
        } else {
            (Some((span, entity)), sp.end)
        };
        // كل من بريطانيا وفرنسا وألمانيا: the first party speaks, the others, each a name or
        // words describing one before its name (ووزيرة خارجية الاتحاد الأوروبي فيديريكا موغيريني),
        // are no content
        if parties_at(toks, s) {
            // the token after the first mention between tokens `from` and `to`
            let past_mention = |from: usize, to: usize| {
                mentions.overlapping(&(toks[from].start..toks[to - 1].end)).next().map(|(m, _)| doc.token_at(m.end))
            };
            while end < sent.end && toks[end].norm.starts_with('و') {
                let reach = (end + 6).min(sent.end);
                let within = toks[end..reach].iter().position(|t| !t.is_word()).map_or(reach, |p| end + p);
                let Some(next) = past_mention(end, within) else { break };
                end = next;
                // a name right after the description's own (الاتحاد الأوروبي | فيديريكا موغيريني)
                while let Some(next) = (end < sent.end).then(|| past_mention(end, end + 1)).flatten() {
                    end = next;
                }
            }
        }
        (speaker, end)
    }

    /// The subject of a verb of saying at token `s` whose first phrase (ending before `phrase_end`)
    /// names nobody and opens with no known head, when a person is named in what follows before
    /// the أن/إن of the content with nothing between that ends a clause (وقال مفتش في الشرطة
    /// الملكية الكندية تيد مونرو في مؤتمر صحافي الجمعة إن …): the words before the name
    /// describe the person, so the person speaks. Not a document (بيان صادر عن مكتب الرئيس),
    /// a relative (زوجة), nor a name in construct with the word before it (عائلة محمد, حكومة
    /// رئيس الوزراء …): the word right before the name is definite, a relative adjective or a
    /// title.
    fn described_subject(
        &self,
        sent: &Range<usize>,
        s: usize,
        phrase_end: usize,
        r: Role,
    ) -> Option<(Option<Speaker>, usize)> {
        let (doc, toks, mentions) = (self.doc, &self.doc.tokens, &self.mentions);
        if r != Role::Say || s >= sent.end {
            return None;
        }
        let head = doc.analysis(s);
        if SOURCE_DOCUMENTS.contains(head.word.as_str()) || is_kin(doc, s) || BODY_HEADS.contains(&head.word) {
            return None;
        }
        let c = content_start_with(doc, phrase_end, sent.end, false)?;
        // the content opens at أن/إن (not at a quotation or a ب-complement), close enough
        let marker = &toks[c.checked_sub(1)?];
        if c > s + 16
            || c <= phrase_end
            || !(marker.norm.starts_with("ان") || marker.norm.starts_with("بان"))
            || c >= 2 && matches!(toks[c - 2].norm.as_str(), "بعد" | "قبل" | "منذ" | "حتي" | "دون" | "من" | "الا")
        {
            return None;
        }
        // (an indefinite word in the accusative is the verb's object: رأت عددا من الرجال)
        if !head.article && toks[s].norm.ends_with('ا') {
            return None;
        }
        // nothing between that ends a clause or opens another report
        if (s..c - 1).any(|k| !toks[k].is_word() || role(&toks[k]).is_some() || is_relative_pronoun(&toks[k])) {
            return None;
        }
        // the first person named there, within eight words of the verb's subject
        let (m, e) = mentions
            .within(&(toks[s].start..toks[c - 2].end))
            .filter(|(_, e)| mentions.kind(*e) == EntityType::Per)
            .min_by_key(|(m, _)| m.start)
            .map(|(m, e)| (m.clone(), *e))?;
        let first = doc.token_at(m.start);
        if first <= s || first > s + 8 || (s..first).any(|k| is_listener(doc, k)) {
            return None;
        }
        let before = &toks[first - 1];
        let a = doc.analysis(first - 1);
        if !(a.article || is_adjective(before) || is_speaker_head(doc, first - 1)) || a.prep.is_some() {
            return None;
        }
        let end = doc.token_at(m.end).max(first + 1);
        Some((Some((m, Some(e))), end))
    }

    /// A person named after a described speaker that ends before token `s`, before the
    /// content: the tagger's mention (with the rest of the name it left out) or a run of
    /// name-like words it missed.
    fn name_after_description(&self, sent: &Range<usize>, s: usize) -> Option<(Option<Speaker>, usize)> {
        let (doc, toks, mentions) = (self.doc, &self.doc.tokens, &self.mentions);
        // (a relative clause describes the speaker; the names in it are others: وقال الخليفي
        // الذي زار نيمار: "…")
        if toks.get(s).is_some_and(is_relative_pronoun) {
            return None;
        }
        let mut reach = content_start(doc, s, sent.end).unwrap_or(s + 6).min(sent.end);
        // (مصدر مطلع لوكالة برس أسوسيشن: a name after the listener's ل is the listener's)
        if let Some(l) = (s..reach).find(|&k| is_listener(doc, k)) {
            reach = l;
        }
        if reach <= s {
            return None;
        }
        let from = toks[s.min(toks.len() - 1)].start;
        let to = toks[reach.max(s + 1).min(toks.len()) - 1].end;
        // the first person named there, nearest the description (its apposition: وقال المتحدث
        // باسم البيت الأبيض، جوش رافل، الذي يعمل مع … صهر الرئيس دونالد ترمب، إن …)
        let named = mentions
            .within(&(from..to))
            .filter(|(_, e)| mentions.kind(*e) == EntityType::Per)
            .min_by_key(|(m, _)| m.start)
            .map(|(m, e)| (m.clone(), *e));
        if let Some((mut m, e)) = named {
            // and the rest of the name the tagger left out (جيف | سيشنز)
            let mut k = (s..sent.end).find(|&k| toks[k].start >= m.end).unwrap_or(sent.end);
            while k < sent.end && k < reach && crate::entities::name_like(doc, k, false) {
                m.end = toks[k].end;
                k += 1;
            }
            return Some((Some((m, Some(e))), k));
        }
        // or a name the tagger missed, right before the content: the words of it no place or
        // body the tagger knows stands on (المدعي العام لنيويورك | إريك شنايدمان; not عبّر الرئيس
        // الأميركي عن ثقته في التزام كوريا الشمالية)
        // (a given name Wikidata knows opens a person's name, and a surname it knows ends one, even
        // where the tagger ran a body's name into it: وزير الخزانة الأمريكي ستيف منوتشين)
        let given = |k: usize| khabar_ner::persons::PERSONS.is_name_word(&toks[k].norm, true);
        let other = |k: usize| {
            mentions.overlapping(&(toks[k].start..toks[k].end)).any(|(_, e)| mentions.kind(*e) != EntityType::Per)
        };
        let mut from = s;
        loop {
            let mut run = name_run_before(doc, from, reach)?;
            from = run.end;
            while run.start < run.end && other(run.start) && !given(run.start) {
                run.start += 1;
            }
            let surname = |k: usize| khabar_ner::persons::PERSONS.is_name_word(&toks[k].norm, false);
            if run.len() >= 2 && (given(run.start) || surname(run.end - 1) || !run.clone().any(other)) {
                return Some((Some((doc.span(run.clone()), None)), run.end));
            }
        }
    }

    /// Where the content of a verb's report starts, its speaker ending before token `s`, and
    /// whether it is a quotation past the speaker's aside ([`Reader::quotation_past_aside`]).
    fn content_after_speaker(
        &self,
        sent: &Range<usize>,
        i: usize,
        r: Role,
        s: usize,
        has_speaker: bool,
    ) -> (Option<usize>, bool) {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let marked = content_start(doc, s, sent.end);
        let aside =
            if marked.is_none() && r == Role::Say && has_speaker { self.quotation_past_aside(sent, s) } else { None };
        let mut content_from = marked.or(aside);
        // whether the marker found belongs to another report further on (أعلن ترامب انسحاب
        // بلاده، مؤكدا أن …، أعلنت الرئاسة عن …، وقالت إن …): a cue after a comma or with و
        // stands between
        let marker_elsewhere = content_from.is_some_and(|f| {
            (s + 1..f).any(|k| {
                role(&toks[k]).is_some_and(|(r, letters)| {
                    (r == Role::Part && (is_comma(&toks[k - 1]) || letters > 0))
                        || (matches!(r, Role::Say | Role::Act) && letters > 0)
                })
            })
        });
        // أفاد المصدر بمقتل 30: a ب-complement right after the speaker
        // (past adverbials and an occasion between commas: أعلن الجيش، في بيان مقتضب الأربعاء،
        // عن تحرير …)
        let mut c = s;
        loop {
            while c < sent.end && (ADVERBIAL.contains(toks[c].norm.as_str()) || is_comma(&toks[c])) {
                c += 1;
            }
            let occasion = c + 1 < sent.end
                && c > s
                && is_comma(&toks[c - 1])
                && matches!(toks[c].norm.as_str(), "في" | "خلال" | "عبر")
                && SPEECH_OCCASIONS.contains(doc.analysis(c + 1).word.trim_start_matches("ال"));
            match (c + 2..sent.end.min(c + 10)).find(|&k| is_comma(&toks[k])).filter(|_| occasion) {
                Some(comma) => c = comma + 1,
                None => break,
            }
        }
        if c < sent.end
            && has_speaker
            && doc.analysis(c).prep == Some('ب')
            && !matches!(toks[c].norm.as_str(), "بيان" | "ببيان" | "باسم")
            && !SPEAKER_STOP.contains(toks[c].norm.as_str())
            && content_from.is_none_or(|f| f > c + 1)
        {
            content_from = Some(c);
        }
        // أعلن الجيش عن تحرير …، كشفت اللجنة عن اعتماد …: an عن-complement right after the
        // speaker of a verb of saying is what it said (نقل عن X names a source instead)
        if c < sent.end
            && has_speaker
            && r == Role::Say
            && toks[c].norm == "عن"
            && !doc.analysis(i).word.starts_with("نقل")
            // (with a content further on, عن says what about: قال عن التجربة إنها …; when that
            // content is another report's, عن after أعلن or كشف is what was announced)
            && (content_from.is_none() || marker_elsewhere && !SAY_ABOUT.contains(&doc.analysis(i).word))
            // (تقرير صادر عن المنظمة: whose it is)
            && !matches!(toks[c - 1].norm.as_str(), "صادر" | "الصادر" | "صادره" | "الصادره" | "صدر")
            // (لم تكشف السلطات عن أعمارهم: what was not disclosed is not said)
            && !(i > sent.start && matches!(toks[i - 1].norm.as_str(), "لم" | "لا" | "لن" | "ما" | "ولم" | "ولا"))
        {
            content_from = Some(c);
        }
        // أعلنت الوزارة، الجمعة، تفاصيل مقتل …: an object right after the speaker (also when
        // the marker further on belongs to another cue: أعلن ترامب انسحاب بلاده، مؤكدا أن …)
        if (content_from.is_none() || marker_elsewhere && !SUBJECT_OPENERS.contains(&toks[c].norm))
            && r == Role::Say
            && has_speaker
            && c < sent.end
            && toks[c].kind == TokenKind::Arabic
        {
            let a = doc.analysis(c);
            if a.prep.is_none()
                && a.conj.is_none()
                && !SPEAKER_STOP.contains(toks[c].norm.as_str())
                && role(&toks[c]).is_none()
            {
                content_from = Some(c);
            }
        }
        if (content_from.is_none() || marker_elsewhere) && r == Role::Act {
            // دعا X إلى …، حذر X من …، نفى X … (also when the marker further on is another
            // report's: وأعربت عن أسفها …، وقالت: …)
            let mut c = s;
            loop {
                while c < sent.end
                    && (ADVERBIAL.contains(toks[c].norm.as_str())
                        || matches!(toks[c].norm.as_str(), "الي" | "من" | "فيه" | "فيها" | "،" | ","))
                {
                    c += 1;
                }
                // واتهم لافروف، الذي كان يتحدث في أستانا، بريطانيا بـ…: a relative clause between
                // commas describes the speaker; the object follows it
                match self.relative_aside(sent, c) {
                    Some(close) => c = close + 1,
                    None => break,
                }
            }
            content_from = Some(c);
        }
        if content_from.is_none() && r == Role::Say && !has_speaker {
            // أكد الجمعة إعادة النظام: the content follows the adverbials
            content_from = Some(s);
        }
        (content_from, aside.is_some() && content_from == aside)
    }

    /// Where a quotation that a speaker's aside stands before opens, when no marker opened a
    /// content before it (وكتب ترامب على تويتر "…"، وقال السفير على هامش مؤتمر صحافي الثلاثاء
    /// "…"، وقالت خديجة وهي معلمة في الحديدة «…»). The words after the speaker describe it or
    /// say where and to whom it spoke: they open with punctuation, a preposition, a relative or
    /// a personal pronoun — not with an object (أعلنت الشركة الثلاثاء إطلاق "…" quotes a name
    /// inside the content) — and end with punctuation, a time or a name. The quotation has four
    /// words at least (fewer name a thing: أعلنت المجموعة الجمعة "حالة تأهب مرتفعة"), ends the
    /// sentence (or a relative clause of the reporter's follows it), and no other report opens
    /// before it.
    fn quotation_past_aside(&self, sent: &Range<usize>, s: usize) -> Option<usize> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let limit = sent.end.min(s + 48);
        let k = (s..limit).find(|&k| is_open_quote(&toks[k])).filter(|&k| k > s)?;
        let p = pair_at(&self.pairs, toks[k].start)?;
        let close = (k..sent.end).find(|&j| toks[j].start >= p.close)?;
        let after = (close + 1..sent.end).find(|&j| toks[j].is_word());
        if after.is_some_and(|j| !(is_relative_pronoun(&toks[j]) || j > close + 1 && is_comma(&toks[j - 1]))) {
            return None;
        }
        let first = (s..k).find(|&j| !ADVERBIAL.contains(toks[j].norm.as_str()))?;
        let t = &toks[first];
        // (رافضا كشف اسمه: who would not be named)
        let unnamed = role(t).is_some_and(|(r, _)| r == Role::Part) && self.withheld(sent, first + 1) && k <= first + 5;
        if (k + 1..close).filter(|&j| toks[j].is_word()).count() < if unnamed { 1 } else { 4 } {
            return None;
        }
        let aside = unnamed
            || t.kind != TokenKind::Arabic
            || doc.analysis(first).prep.is_some()
            || is_relative_pronoun(t)
            || matches!(t.norm.as_str(), "هو" | "هي" | "وهو" | "وهي" | "وهم")
            || PRONOUN_PREPOSITIONS.contains(t.norm.as_str());
        // (the word before the mark closes the aside: punctuation, a time, a name — على تويتر،
        // لماكرون — not a word governing the quotation: بعنوان، سماه، دعا إلى)
        let before = &toks[k - 1];
        let closed = unnamed
            || before.kind != TokenKind::Arabic
            || ADVERBIAL.contains(before.norm.as_str())
            || self.mentions.overlapping(&(before.start..before.end)).next().is_some();
        let another = (s..k).any(|j| {
            role(&toks[j]).is_some_and(|(_, letters)| letters > 0) || that_marker(&toks[j]) || toks[j].norm == "وان"
        });
        (aside && closed && !another).then_some(k)
    }

    /// The closing comma of a relative clause between commas that opens at `c` (، الذي كان يتحدث
    /// في أستانا عاصمة كازاخستان،): up to 20 words, with no cue of another report, no quotation
    /// mark, and words after it in the sentence.
    fn relative_aside(&self, sent: &Range<usize>, c: usize) -> Option<usize> {
        let toks = &self.doc.tokens;
        if c >= sent.end || c == 0 || !is_comma(&toks[c - 1]) || !is_relative_pronoun(&toks[c]) {
            return None;
        }
        let close = (c + 2..sent.end.min(c + 22)).find(|&k| is_comma(&toks[k]) || is_quote_mark(&toks[k]))?;
        (is_comma(&toks[close])
            && close + 1 < sent.end
            && toks[close + 1].is_word()
            && (c + 1..close).all(|k| role(&toks[k]).is_none()))
        .then_some(close)
    }

    /// قوله at `i`: the speaker is who stands after عن before it (نقلت الوكالة عن المسؤول قوله).
    fn qawl_report(&self, sent: &Range<usize>, i: usize) -> Opening {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let mut speaker = None;
        // عن مسؤول تركي، لم تكشف عن هويته، قوله: an aside between commas right before قوله is
        // no source, nor is the عن inside it
        let last_an = |to: usize| (sent.start..to).rev().find(|&k| toks[k].norm == "عن");
        let aside_open = (i > sent.start + 1 && is_comma(&toks[i - 1]))
            .then(|| (sent.start..i - 1).rev().find(|&k| is_comma(&toks[k])))
            .flatten();
        if let Some(an) = aside_open.and_then(last_an).or_else(|| last_an(i)) {
            // عن مسؤولين أمريكيين، لم تسمهم، قولهم: the source ends at a comma or a parenthesis
            // (or where it is described: عن مصادر لم يسمها القول، عن متحدث (لم تسمه) قوله)
            let end = (an + 1..i)
                .find(|&k| {
                    is_comma(&toks[k])
                        || toks[k].is_punct('(')
                        || k > an + 1 && (matches!(toks[k].norm.as_str(), "لم" | "لا") || is_relative_pronoun(&toks[k]))
                })
                .unwrap_or(i);
            if an + 1 < end {
                let span = doc.span(an + 1..end);
                speaker = Some((span.clone(), self.mentions.entity_at(&span)));
            }
        }
        Opening { speaker, content_from: content_start(doc, i + 1, sent.end).or(Some(i + 1)), past_aside: false }
    }

    /// An attribution that opens its sentence (وبحسب الشرطة، فإن …؛ ووفقا لمشروع القانون
    /// ستعتقل …): the source first, then the content.
    fn attribution_first(&self, sent: &Range<usize>, i: usize) -> Option<Opening> {
        let toks = &self.doc.tokens;
        let (s, _) = attribution_source(toks, i, sent.end);
        let (sp, span) = self.attribution_phrase(sent, s)?;
        let speaker = Some((span.clone(), self.mentions.entity_at(&span)));
        let mut c = sp.end;
        while c < sent.end
            && (matches!(toks[c].norm.as_str(), "،" | "," | "فان" | "فقد" | "فانه" | "فانها") || toks[c].is_punct(':'))
        {
            c += 1;
        }
        Some(Opening { speaker, content_from: Some(c), past_aside: false })
    }

    /// The source named at token `s` after an attribution cue, and its span without the ل
    /// glued to it (وفقا لمشروع القانون، وفقا لوكالة رويترز).
    fn attribution_phrase(&self, sent: &Range<usize>, s: usize) -> Option<(Range<usize>, Span)> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let glued = s < sent.end && doc.analysis(s).prep == Some('ل');
        let sp = if glued {
            // a name after the ل (وفقا لوكالة أنباء رويترز), else its word and the definite words
            // after it (وفقا لمشروع القانون، وفقا للصحيفة الأمريكية)
            // (a name within its first words: ووفقا لمشروع القانون | ستعتقل الشرطة)
            let near = (s + 3).min(sent.end);
            speaker_phrase(doc, &self.mentions, s, sent.end, true, false)
                .filter(|sp| {
                    self.mentions
                        .within(&doc.span(sp.clone()))
                        .next()
                        .is_some_and(|(m, _)| m.start < toks[near - 1].end)
                })
                .unwrap_or_else(|| {
                    let mut e = s + 1;
                    // definite words after it, its adjectives or its complement (للصحيفة
                    // الأمريكية، لمشروع القانون); after an indefinite word, indefinite
                    // adjectives, relative or participial (لتقارير حقوقية، لمصادر طبية محلية،
                    // لمصادر مطلعة)
                    let indefinite = !doc.analysis(s).article
                        && toks.get(e).is_some_and(|t| t.kind == TokenKind::Arabic && !t.norm.starts_with("ال"));
                    let adjective = |k: usize| {
                        let (t, a) = (&toks[k], doc.analysis(k));
                        let n = t.norm.as_str();
                        if !indefinite {
                            return n.starts_with("ال");
                        }
                        !a.article
                            && a.prep.is_none()
                            && a.conj.is_none()
                            && n.chars().count() >= 4
                            && (n.ends_with("يه")
                                || n.ends_with("يين")
                                || n.ends_with("يون")
                                || n.ends_with('ي')
                                || n.starts_with('م') && (n.ends_with('ه') || n.ends_with("ين") || n.ends_with("ون")))
                    };
                    while e < sent.end && e < s + 4 && toks[e].kind == TokenKind::Arabic && adjective(e) {
                        e += 1;
                    }
                    s..e
                })
        } else {
            speaker_at(doc, &self.mentions, s, sent.end)?
        };
        let sp = self.named_at_end(sent, sp.clone()).unwrap_or(sp);
        let first = doc.start_after_clitic(sp.start, if glued { 1 } else { 0 });
        let span = first..toks[sp.end - 1].end;
        Some((sp, span))
    }

    /// A person named after a comma that follows a source who names no person, where the name
    /// ends the sentence or stands between commas (حسب مراسلة بي بي سي في تونس، رنا جواد): the
    /// source runs through the name, which is who it is.
    fn named_at_end(&self, sent: &Range<usize>, sp: Range<usize>) -> Option<Range<usize>> {
        let (doc, toks, mentions) = (self.doc, &self.doc.tokens, &self.mentions);
        if mentions.within(&doc.span(sp.clone())).any(|(_, e)| mentions.kind(*e) == EntityType::Per) {
            return None;
        }
        // (the words between say where the source is from: في تونس; no verb, no other mark)
        let comma = (sp.end..(sp.end + 4).min(sent.end)).find(|&k| is_comma(&toks[k]))?;
        if (sp.end..comma).any(|k| toks[k].kind != TokenKind::Arabic || role(&toks[k]).is_some()) {
            return None;
        }
        let first = toks.get(comma + 1).filter(|_| comma + 1 < sent.end)?;
        let (span, e) = mentions.overlapping(&(first.start..first.end)).next()?;
        // (a name's first word, not a particle the tagger took in: وبحسب الشرطة، فإن فلان)
        if mentions.kind(*e) != EntityType::Per
            || span.start != first.start
            || !crate::entities::name_like(doc, comma + 1, true)
        {
            return None;
        }
        let after = (comma + 1..sent.end).find(|&j| toks[j].start >= span.end).unwrap_or(sent.end);
        let ends = after == sent.end
            || is_comma(&toks[after])
            || toks[after].kind == TokenKind::Punct && matches!(toks[after].norm.as_str(), "." | "؛" | ";");
        ends.then_some(sp.start..after)
    }

    /// An attribution after a fact (… ، بحسب الشرطة): the fact before it is what the source
    /// reports.
    fn attribution_after(&mut self, sent: &Range<usize>, i: usize, cue: Span) {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let (s, after_ma) = attribution_source(toks, i, sent.end);
        let Some((sp, span)) = self.attribution_phrase(sent, s) else { return };
        let entity = self.mentions.entity_at(&span);
        // the subject of a verb (بحسب ما قال …), a name, or a word of a source (بحسب الشرطة،
        // وفقا لبيانات …); other nouns say how, not who (حسب طول اليد، وفقا للإجراء المعروف)
        let after_verb = after_ma && s > i + 1 && toks[s - 1].norm != "ل";
        let word = &doc.analysis(sp.start).word;
        let source_word = is_speaker_head(doc, sp.start)
            || BODY_HEADS.contains(word)
            || LISTENER_HEADS.contains(word)
            || SOURCE_DOCUMENTS.contains(word);
        if !after_verb && entity.is_none() && self.mentions.within(&span).next().is_none() && !source_word {
            return;
        }
        let mut e = i;
        while e > sent.start + 1 && is_comma(&toks[e - 1]) {
            e -= 1;
        }
        // not read inside too many reports already read (each would repeat the sentence)
        if self.contents.iter().filter(|c| c.contains(&cue.start)).count() >= MAX_NESTING {
            return;
        }
        // the fact starts after the last report of the sentence (… بحسب X، … بحسب Y)
        let after_floor = toks.partition_point(|t| t.start < self.floor).max(sent.start);
        let first = match (after_floor..e).find(|&k| toks[k].kind != TokenKind::Punct) {
            Some(first) => first,
            // the reports read earlier run up to this attribution: the whole sentence is what this
            // source says, once (… بحسب X، بحسب Y، بحسب Z would repeat it for every source)
            None if !self.sentence_taken => {
                self.sentence_taken = true;
                sent.start
            }
            None => return,
        };
        if e > first + 2 {
            self.emit(QuoteRec {
                speaker: Some(SourceRec { span, entity }),
                cue,
                kind: QuoteKind::Indirect,
                span: toks[first].start..toks[e - 1].end,
            });
        }
    }

    /// The one a particle's pronoun right before the cue at `i` stands for (لكنه أضاف): the
    /// speaker of a report earlier in the sentence (وقال X إنه …، لكنه أضاف), else the first
    /// person the sentence names, its subject (وقد أوقف الرئيس ترامب …، لكنه يقول) — not a person
    /// named in between (لاستهداف سكريبال، لكنه أضاف).
    fn pronoun_subject(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let toks = &self.doc.tokens;
        if i == sent.start || !PRONOUN_PARTICLES.contains(&toks[i - 1].norm) {
            return None;
        }
        let here = toks[sent.start].start..toks[i].start;
        if self.contents.iter().any(|c| here.contains(&c.start)) {
            // (only when the pronoun agrees with the verb of that report: after وقالت إحدى
            // الممثلات …، لكنه قال the man named in between speaks)
            let earlier = (sent.start..i)
                .rev()
                .find(|&k| role(&toks[k]).is_some_and(|(r, _)| matches!(r, Role::Say | Role::Act)));
            let feminine_verb = earlier.is_some_and(|k| self.doc.analysis(k).word.ends_with('ت'));
            let particle = toks[i - 1].norm.as_str();
            let agrees = if particle.ends_with("ها") {
                feminine_verb
            } else if particle.ends_with('ه') {
                !feminine_verb
            } else {
                true
            };
            if agrees {
                return self.last_speaker.clone();
            }
            // (else the last person named before it, in that report's content or not)
            let (m, e) = self.mentions.persons_within(&here).last()?;
            return Some((m.clone(), Some(*e)));
        }
        let (m, e) = self.mentions.persons_within(&here).next()?;
        Some((m.clone(), Some(*e)))
    }

    /// Who a participle with no report before it in its sentence continues (وعرض رئيس اللجنة
    /// مولاي حفيظ العلمي … لمضامين الملف، شارحا أن …): the sentence's subject, the first person
    /// named in it that no preposition governs. After a report in the sentence the participle
    /// continues that report's speaker instead. A person only: a body named first is more often
    /// what the sentence is about than who speaks in it.
    fn sentence_subject(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let toks = &self.doc.tokens;
        let here = toks[sent.start].start..toks[i].start;
        if self.out.last().is_some_and(|q| q.cue.start >= here.start) {
            return None;
        }
        let (m, e) = self.mentions.persons_within(&here).next()?;
        let at = self.doc.token_at(m.start);
        let governed = self.doc.analysis(at).prep.is_some() || at > sent.start && governing_preposition(&toks[at - 1]);
        (!governed && !self.contents.iter().any(|c| c.start <= m.start && m.end <= c.end))
            .then(|| (m.clone(), Some(*e)))
    }

    /// A cue opening its sentence with no subject, after a sentence that reported nothing and
    /// opened with a verb and its subject (وتطرق تقرير فريق خبراء الأمم المتحدة إلى … . وذكر أن):
    /// that subject goes on, not the last one who spoke before it.
    fn previous_subject(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        let prev = self.previous.clone().filter(|p| i == sent.start && p.end == sent.start && p.len() > 2)?;
        // (only where no subject can follow the cue: its content, a preposition or a time word
        // comes next; a noun there is a subject the phrase reader did not take, ووصف آزمون …)
        let next = toks.get(i + 1).filter(|_| i + 1 < sent.end)?;
        if !(opens_content(next)
            || governing_preposition(next)
            || doc.analysis(i + 1).prep.is_some()
            || ADVERBIAL.contains(next.norm.as_str()))
        {
            return None;
        }
        if self.out.last().is_some_and(|q| q.cue.start >= toks[prev.start].start) {
            return None;
        }
        let v = &toks[prev.start];
        // (a sentence that starts inside a quotation is someone's words, not the reporter's)
        if self.pairs[..self.pairs.partition_point(|p| p.open < v.start)].iter().any(|p| p.close > v.start) {
            return None;
        }
        let a = doc.analysis(prev.start);
        if v.kind != TokenKind::Arabic
            || a.article
            || a.prep.is_some()
            || governing_preposition(v)
            || ADVERBIAL.contains(v.norm.as_str())
            || is_speaker_head(doc, prev.start)
            || role(v).is_some()
            || self.mentions.overlapping(&(v.start..v.end)).next().is_some()
        {
            return None;
        }
        // (a person or a body named, or a described source: a verb's subject, not any phrase)
        let h = prev.start + 1;
        let head = doc.analysis(h);
        // (a medium's name the tagger glued to the listener's ل is no subject: وتحدثت لبي بي سي)
        let listener =
            toks[h].norm.starts_with('ل') && !toks[h].norm.starts_with("ال") && !head.word.starts_with("لجن");
        let named = self.mentions.overlapping(&(toks[h].start..toks[h].end)).next().is_some_and(|(m, e)| {
            m.start == toks[h].start
                && match self.mentions.kind(*e) {
                    EntityType::Per => true,
                    EntityType::Org => !listener,
                    _ => false,
                }
        });
        if head.prep.is_some() || !named && !is_definite_speaker_head(doc, h) && !SOURCE_DOCUMENTS.contains(&head.word)
        {
            return None;
        }
        let sp = speaker_at(doc, &self.mentions, h, prev.end)?;
        let span = doc.span(sp);
        let entity = self.mentions.entity_at(&span);
        Some((span, entity))
    }

    /// A cue with no subject: the person named last in the sentence before it (وخرجت يوليا …
    /// ولكنها قالت), not one named in what was reported before the cue (وأشار الحارس إلى أن
    /// فريقه استعد لمواجهة راموس، وتابع: the keeper goes on; راموس is spoken of). A cue inside
    /// a report's content may take a person of that content (قالت الصحيفة إن الممثلة … أضافت).
    fn person_earlier(&self, sent: &Range<usize>, i: usize) -> Option<Speaker> {
        let toks = &self.doc.tokens;
        let here = toks[sent.start].start..toks[i].start;
        let cue_at = toks[i].start;
        let spoken_of =
            |m: &Span| self.contents.iter().any(|c| c.start <= m.start && m.end <= c.end && !c.contains(&cue_at));
        // (جاء ذلك في مقابلة لبانيتا مع مذيعة شبكة CNN كريستيان أمانبور، حيث قال: the one
        // spoken with, after مع and the words describing them, is the listener when a person
        // is named before to speak; alone, as in مقابلة مع رئيسه التنفيذي X، أكد فيها, they speak)
        let listener = |m: &Span| {
            let at = self.doc.token_at(m.start);
            let with = (at.saturating_sub(5).max(sent.start)..at)
                .rev()
                .take_while(|&k| toks[k].is_word())
                .find(|&k| toks[k].norm == "مع");
            with.is_some_and(|k| {
                self.mentions.persons_within(&(toks[sent.start].start..toks[k].start)).next().is_some()
            })
        };
        // (التقى تركي آل الشيخ برئيس الاتحاد، كارلوس كورديرو، وأشاد: one a preposition governs,
        // or named in apposition to a description it governs, is whom the subject met, spoke of
        // or wrote to; the last person no preposition governs speaks, when there is one)
        // (with the ل of whose a document is, the one named speaks: بعد تغريدة لترامب، قال فيها)
        let governed = |m: &Span| {
            let at = self.doc.token_at(m.start);
            let after_preposition = |k: usize| k > sent.start && governing_preposition(&toks[k - 1]);
            let a = self.doc.analysis(at);
            let of_document =
                a.prep == Some('ل') && at > sent.start && SOURCE_DOCUMENTS.contains(toks[at - 1].norm.as_str());
            if a.prep.is_some() && !of_document || after_preposition(at) {
                return true;
            }
            // a description between commas before the name, from the comma before: a preposition
            // opens it, or the preposition's noun (برئيس الاتحاد، على الكلمة التي ألقاها رئيس
            // الوزراء، X); a ل on a verb is no preposition (ليجري الرئيس الإيراني، حسن روحاني)
            at > sent.start + 1 && is_comma(&toks[at - 1]) && {
                let floor = at.saturating_sub(10).max(sent.start);
                let open = (floor..at - 1).rev().find(|&k| toks[k].kind == TokenKind::Punct).map_or(floor, |k| k + 1);
                open < at - 1
                    && (governing_preposition(&toks[open])
                        || after_preposition(open)
                        || is_definite_speaker_head(self.doc, open) && self.doc.analysis(open).prep.is_some())
            }
        };
        let free = |m: &Span| !listener(m) && !spoken_of(m);
        // (after الذي the nearest person is the antecedent, governed or not: ردا من سعود
        // القحطاني، المستشار في الديوان الملكي، الذي قال)
        let relative = i > sent.start && is_relative_pronoun(&toks[i - 1]);
        let (m, e) = self
            .mentions
            .persons_within(&here)
            .rev()
            .find(|(m, _)| free(m) && (relative || !governed(m)))
            .or_else(|| self.mentions.persons_within(&here).rev().find(|(m, _)| free(m)))?;
        // (وجهت زوجة مينغ نداء … وقالت: the wife speaks, not مينغ)
        Some(match kin_phrase(self.doc, sent.start, m) {
            Some((_, kin)) => (kin, None),
            None => (m.clone(), Some(*e)),
        })
    }

    /// The comma that closes a person's name set off by the comma at `k` (، دونالد ترامب،), if
    /// one does before `end`.
    fn apposition_after(&self, k: usize, end: usize) -> Option<usize> {
        let toks = &self.doc.tokens;
        let first = toks.get(k + 1).filter(|_| k + 1 < end)?;
        let (span, e) = self.mentions.overlapping(&(first.start..first.end)).next()?;
        if self.mentions.kind(*e) != EntityType::Per || span.start != first.start {
            return None;
        }
        let close = (k + 1..end).find(|&j| toks[j].start >= span.end)?;
        is_comma(&toks[close]).then_some(close)
    }

    /// The content from token `from`: its span, kind and the token after it. A quotation that
    /// opens the content may run past the sentence; it is direct when nothing of the report
    /// follows its closing mark (or, `past_aside`, only a relative clause of the reporter's).
    fn content(
        &mut self,
        sent: &Range<usize>,
        from: usize,
        r: Role,
        past_aside: bool,
    ) -> Option<(Span, QuoteKind, usize)> {
        let (doc, toks) = (self.doc, &self.doc.tokens);
        if let Some(p) = pair_at(&self.pairs, toks[from].start).filter(|_| is_open_quote(&toks[from])) {
            let inner = p.inner();
            let close_tok = (from..toks.len()).find(|&k| toks[k].start >= p.close).unwrap_or(toks.len());
            let rest_end = content_end(doc, close_tok, sent.end.max(close_tok + 1));
            let words_after = (close_tok + 1..rest_end.min(toks.len())).filter(|&k| toks[k].is_word()).count();
            // قال السفير على هامش مؤتمر صحافي "هذه التظاهرة جزء من مبادرة الحوار" التي انطلقت
            // …: a relative clause outside the marks after a quotation an aside stood before is
            // the reporter's (elsewhere it may go on the speaker's words: أن "رسوم الحماية"
            // التي يرغب …)
            let relative_after = past_aside && toks.get(close_tok + 1).is_some_and(is_relative_pronoun);
            if words_after == 0 || relative_after {
                self.covered_until = p.close;
                return Some((inner, QuoteKind::Direct, close_tok + 1));
            }
            // the content runs at least to the closing mark: a cue's spelling inside the
            // quotation (أكد "أهمية …، ورفض الاستغلال …") ends nothing
            let end = content_end_past(doc, from, close_tok, sent.end);
            return Some((toks[from].start..toks[end - 1].end, QuoteKind::Partial, end));
        }
        let mut end = content_end(doc, from, sent.end);
        // a paraphrased act is a clause: it ends at its first comma, but not at the commas around
        // a person's name in apposition (عقوبات إدارة الرئيس الأمريكي، دونالد ترامب، المفروضة …)
        if r == Role::Act {
            let mut k = from + 6;
            while k < end {
                if is_comma(&toks[k]) {
                    match self.apposition_after(k, end) {
                        Some(close) => k = close,
                        None => {
                            end = k;
                            break;
                        }
                    }
                }
                k += 1;
            }
        }
        if end <= from {
            return None;
        }
        // وقال إيمري: المنتخب الوطني لم يحقق ما يريده. أريده أن …: after a colon and no
        // quotation mark, the speaker's words go on through the sentences of the paragraph that
        // speak in the first person and report nothing of their own
        if r == Role::Say && from > sent.start && toks[from - 1].is_punct(':') && self.runs_to_sentence_end(sent, end) {
            // (the sentences are in text order: the next one is found by bisection)
            let mut at = doc.sentences.partition_point(|x| x.start < sent.end);
            let mut s = sent.end;
            while let Some(next) = doc.sentences.get(at).filter(|x| x.start == s) {
                if !self.speaker_goes_on(next) {
                    break;
                }
                end = content_end(doc, next.start, next.end).max(next.start + 1);
                self.covered_until = toks[end - 1].end;
                s = next.end;
                at += 1;
            }
        }
        let span = toks[from].start..toks[end - 1].end;
        let quoted = quotes_inside(&self.pairs, &span);
        Some((span, if quoted { QuoteKind::Partial } else { QuoteKind::Indirect }, end))
    }

    /// Whether a content ending at token `end` took its sentence to the end (nothing but
    /// punctuation after it).
    fn runs_to_sentence_end(&self, sent: &Range<usize>, end: usize) -> bool {
        (end..sent.end).all(|k| self.doc.tokens[k].kind == TokenKind::Punct)
    }

    /// Whether a sentence goes on with the words of a speaker who opened them with a colon: in
    /// the same paragraph, in the first person (`first_person.tsv`), with no quotation mark and
    /// no cue of the reporter's (one that opens the sentence or carries و or ف: وأضاف، وتابع;
    /// a participle; an attribution). A verb of saying inside the speaker's own clause is theirs
    /// (خروج ألمانيا أثبت لنا أنه).
    fn speaker_goes_on(&self, next: &Range<usize>) -> bool {
        let toks = &self.doc.tokens[next.clone()];
        let reporters = |(k, t): (usize, &Token)| {
            role(t).is_some_and(|(r, letters)| {
                k < 2
                    || letters > 0 && (t.norm.starts_with('و') || t.norm.starts_with('ف'))
                    || matches!(r, Role::Part | Role::Attr)
            })
        };
        !toks.is_empty()
            && !toks[0].newline_before
            && toks.len() <= MAX_CONTENT_TOKENS
            && !toks.iter().any(is_quote_mark)
            && !toks.iter().enumerate().any(reporters)
            && toks.iter().any(first_person)
    }
}

/// `first_person.tsv`.
static FIRST_PERSON: Lazy = lexicon!("first_person");

/// A word of the first person: listed (with a third person's pronoun after it: أريده), or a word
/// with the suffix نا on a stem of three letters or more that does not end in ا (فريقنا، لكننا;
/// not أحيانا).
fn first_person(t: &Token) -> bool {
    t.kind == TokenKind::Arabic
        && proclitic_splits(&t.norm).any(|(_, w)| {
            let w = w.as_ref();
            FIRST_PERSON.contains(w)
                || ["ه", "ها", "هم", "هما", "هن", "ك", "كم"]
                    .iter()
                    .any(|p| w.strip_suffix(p).is_some_and(|stem| FIRST_PERSON.contains(stem)))
                || w.strip_suffix("نا").is_some_and(|stem| stem.chars().count() >= 3 && !stem.ends_with('ا'))
        })
}

/// A content's that-marker: أن، بأن، أنه، بأنها ….
fn that_marker(t: &khabar_text::token::Token) -> bool {
    let n = t.norm.as_str();
    matches!(n, "ان" | "بان") || SUBJECT_MARKERS.contains(&n)
}

/// Whether the content from `c` of the cue at `i` is a that-clause: it opens at its marker or
/// right after it (يعتبر أن، ويعتقد المحققون أن …).
fn that_clause(doc: &Doc, sent: &Range<usize>, i: usize, c: usize) -> bool {
    let marker = |k: usize| k < sent.end && that_marker(&doc.tokens[k]);
    marker(c) || c > i + 1 && marker(c - 1)
}

/// A denial or condemnation whose whole object is one word that ends the sentence is still a
/// report (ونفت حماس ذلك، وأدان الرئيس العنف، ودانت الخارجية الواقعة): a demonstrative or a
/// definite noun, with a speaker found. Any other single word (an adverb, an indefinite) is not
/// taken.
fn lone_object(doc: &Doc, i: usize, r: Role, has_speaker: bool, from: usize, next: usize, sent: &Range<usize>) -> bool {
    let toks = &doc.tokens;
    if r != Role::Act || !has_speaker || next != from + 1 || !LONE_OBJECT_CUES.contains(&doc.analysis(i).word) {
        return false;
    }
    // the sentence ends right after the word (a full stop or the end of the text)
    let ends = next >= sent.end || ['.', '؟', '!'].iter().any(|&c| toks[next].is_punct(c));
    let w = toks[from].norm.as_str();
    let definite = w.starts_with("ال") || w.starts_with("بال");
    ends && toks[from].is_word() && (matches!(w, "ذلك" | "هذا" | "هذه" | "تلك") || definite && w.chars().count() >= 5)
}

/// The quotes component.
pub struct Quotes;

impl crate::component::Component for Quotes {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn uses(&self) -> &'static [&'static str] {
        &["entities"]
    }
    fn assigns(&self) -> &'static str {
        "quotations with speaker, cue and kind"
    }
    fn run(&self, doc: &mut Doc) {
        doc.records.quotes = extract(doc, &doc.records.entities);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(word: &str) -> Option<(Role, usize)> {
        role(&khabar_text::token::tokenize(word)[0])
    }

    #[test]
    fn cues_are_found_through_their_clitics_only() {
        for (word, want) in [
            ("قال", Some((Role::Say, 0))),
            ("وقال", Some((Role::Say, 1))),
            ("فأكد", Some((Role::Say, 1))),
            ("ودعا", Some((Role::Act, 1))),
            ("مؤكدا", Some((Role::Part, 0))),
            ("بحسب", Some((Role::Attr, 0))),
            // a noun with the contraction لل is no verb of saying (للكشف عن، للمطالبة بـ، لرأي)
            ("للكشف", None),
            ("للمطالبة", None),
            ("للرأي", None),
            // وفاتهم is "their deaths", not و + ف + اتهم
            ("وفاتهم", None),
        ] {
            assert_eq!(cue(word), want, "{word}");
        }
    }

    /// (speaker, cue, kind, content) of every report, through the whole pipeline (speakers are
    /// told by the entities).
    fn reports(text: &str) -> Vec<(Option<String>, String, &'static str, String)> {
        crate::extract(None, None, text)
            .quotes
            .into_iter()
            .map(|q| (q.speaker.map(|s| s.text), q.cue, q.kind.as_str(), q.text))
            .collect()
    }

    #[test]
    fn the_present_considers_reports_only_with_a_that_clause_or_a_subject_and_its_object() {
        for text in [
            "ويعتبر بانكسي من أبرز الفنانين البريطانيين في العالم.",
            "وهي الدولة التي تعتبر الأكثر فقرا في الأمريكيتين منذ عقود.",
            "ويعتبر هذا الاقتراح بمثابة يد ممدودة للمحافظين في الحكومة.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
        for text in [
            "وتعتبر أنقرة وحدات حماية الشعب الكردية جماعة إرهابية مرتبطة بالحزب.",
            "ويعتبر المكسيك أن الرسوم الأمريكية انتهاك لاتفاقات التجارة العالمية.",
        ] {
            assert_eq!(reports(text).len(), 1, "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn a_preposition_with_a_pronoun_between_the_verb_and_the_subject_is_no_speaker() {
        for (text, speaker) in [
            ("وقال عنه الرئيس الأمريكي دونالد ترامب إن لديه سمعة رائعة.", "الرئيس الأمريكي دونالد ترامب"),
            ("ستحمي منتجي الصلب الذين يقول عنهم ترامب إنهم عنصر حيوي للأمن القومي.", "ترامب"),
            ("وهي التهمة التي يقول عنها نافالني إنها ملفقة.", "نافالني"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(speaker), "{text}: {r:?}");
        }
        // a quotation right after it opens the content; the pronoun is no speaker
        let r = reports("ونشر صورة تجمعه بصديقه وكتب فوقها \"سعدت بلقاء رئيس الاتحاد الأمريكي لكرة القدم\".");
        assert!(r.iter().any(|q| q.3 == "سعدت بلقاء رئيس الاتحاد الأمريكي لكرة القدم"), "{r:?}");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("فوقها")), "{r:?}");
        // nor is a clitic letter written apart
        let r = reports("نشر الاتحاد تقريرا يشيد بـ\"الموهبة الفذة والشخصية الجذابة\" للاعب.");
        assert!(r.iter().all(|q| q.0.as_deref().is_none_or(|s| s.chars().count() > 2)), "{r:?}");
        // after a verb of acting and فيه, the noun is the object; what follows a noun with a
        // pronoun is no subject; in a relative clause with no that-clause the pronoun is what was
        // concluded
        for (text, not) in [
            ("وكانت مجموعة من الحقوقيين أصدرت بيانا دعت فيه السلطات المصرية لإطلاق سراحه.", "السلطات المصرية"),
            ("وقال إنه تلقى رسالة من الحركة تكشف فيها موقفها من الأوضاع في البلاد.", "موقفها"),
            ("واتهم لافروف جونسون بتشويه النتائج التي خلص إليها تحقيق المنظمة بشأن عملية التسميم.", "تحقيق المنظمة"),
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| q.0.as_deref().is_none_or(|s| !s.contains(not))), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_verb_of_acting_in_a_relative_clause_has_the_noun_before_as_its_subject() {
        for (text, speaker) in [
            ("وأطلقوا حملة بطاقات لكريستين بلازي فورد، التي اتهمت القاضي كافانو بأنه اعتدى عليها.", "كريستين بلازي فورد"),
            ("استجابة لتوجيهات صندوق النقد الدولي الذي طالب الأردن بإصلاحات اقتصادية.", "صندوق النقد الدولي"),
            (
                "وهو ما لقي استحسان ميك مولفاني، مدير الموازنة في البيت الأبيض، الذي أعرب عن تفاؤله بتسوية.",
                "ميك مولفاني",
            ),
            ("وأثنت مارلين شيابا، وهي الوزيرة التي طالبت بالقانون، على قرار المحكمة.", "مارلين شيابا"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(speaker), "{text}: {r:?}");
        }
        // a verb that does not agree with the relative pronoun, or with a preposition and a
        // pronoun after it, has another subject
        for (text, not) in [
            ("وبحث المسؤولون الرد على الهجوم الكيميائي الذي تتهم الحكومة السورية بشنه على دوما.", "الهجوم"),
            ("وفي حال نجحت المفاوضات التي يدعو إليها ماكرون فإن الأزمة قد تنتهي.", "المفاوضات"),
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| q.0.as_deref().is_none_or(|s| !s.contains(not))), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_given_name_read_as_a_preposition_and_a_word_speaks() {
        for (text, speaker) in [
            ("ويقول بسام بونني إن البلاد شهدت تراجعا ملحوظا في المخاطر.", "بسام بونني"),
            ("وقال فيصل المقداد إن البلاد شهدت تراجعا ملحوظا.", "فيصل المقداد"),
            ("وقال علي بن محمد الرميحي إن النظام حريص على المشاركة.", "علي بن محمد الرميحي"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(speaker), "{text}: {r:?}");
        }
        // a preposition before a word is still no speaker
        let r = reports("وقال بصوت مرتفع إن البلاد شهدت تراجعا ملحوظا.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("بصوت مرتفع")), "{r:?}");
    }

    #[test]
    fn a_title_in_construct_with_a_body_or_a_place_before_the_verb_speaks() {
        for (text, speaker) in [
            ("وزير خارجية قطر أكد أن الأزمة مستمرة.", "وزير خارجية قطر"),
            ("وكيل أول وزارة الداخلية أشاد في كلمة للجنود بأدائهم العالي.", "وكيل أول وزارة الداخلية"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(speaker), "{text}: {r:?}");
        }
        // a document speaks as its issuer
        let r = reports("بيان اليونسكو أكد أن الواحة موقع تراث عالمي.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("بيان اليونسكو")), "{r:?}");
    }

    #[test]
    fn a_person_named_in_an_unlisted_description_before_the_content_speaks() {
        let r = reports("وقال مفتش في الشرطة الملكية الكندية تيد مونرو في مؤتمر صحافي الجمعة إن هناك قتلى بين الركاب.");
        assert!(
            r.iter().any(|q| q.0.as_deref().is_some_and(|s| s.contains("مونرو")) && q.3.starts_with("هناك")),
            "{r:?}"
        );
        // a document speaks for its issuer, and a relative for herself
        for text in [
            "وقال بيان صادر عن مكتب الرئيس الفلسطيني محمود عباس إن المفاوضات متوقفة.",
            "وقالت زوجة الصحفي المعتقل أحمد سعيد إن زوجها مريض.",
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| q.0.as_deref().is_none_or(|s| !s.contains("عباس") && s != "أحمد سعيد")), "{r:?}");
        }
    }

    #[test]
    fn a_definite_sound_plural_in_the_nominative_is_the_subject() {
        let r = reports("وهدد الحوثيون بإغلاق المضيق.");
        assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some("الحوثيون"), "{r:?}");
        // a singular that only ends like one is not (القانون has no القانين)
        let r = reports("وأقر القانون بأغلبية 62 صوتا أن القرار بيد الحكومة.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("القانون")), "{r:?}");
    }

    #[test]
    fn a_denial_or_condemnation_of_one_word_is_a_report() {
        let r = reports("ونفى الجيش الإسرائيلي ذلك. وأدان الرئيس الفلسطيني محمود عباس العنف.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (Some("الجيش الإسرائيلي"), "ذلك"), "{r:?}");
        assert_eq!(r[1].3, "العنف", "{r:?}");
        // not other acts (رفض التعليق is withholding), not an indefinite or an adverb, not when
        // the sentence goes on
        for text in
            ["ورفض الوزير التعليق.", "وانتقد الوزير أمس.", "ونفى الوزير مجددا.", "ونفى الوزير ذلك ثم غادر القاعة."]
        {
            let r = reports(text);
            assert!(r.iter().all(|q| q.3.split_whitespace().count() >= 2), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_relative_clause_between_commas_after_the_speaker_is_no_content() {
        let r = reports("واتهم لافروف، الذي كان يتحدث في أستانا عاصمة كازاخستان، بريطانيا بانتهاك القانون الدولي.");
        assert_eq!(r.first().map(|q| q.3.as_str()), Some("بريطانيا بانتهاك القانون الدولي"), "{r:?}");
        // a relative clause that runs to the end of the sentence is all there is
        let r = reports("وانتقد كودلو، الذي عمل مستشارا غير رسمي لحملة ترمب.");
        assert!(r.iter().all(|q| q.3 != "مستشارا غير رسمي لحملة ترمب"), "{r:?}");
    }

    #[test]
    fn a_content_ends_where_the_reporter_or_another_report_takes_over() {
        // ، لكنه أضاف: the next report
        let r =
            reports("واعتبر لافروف أن ليس لبلاده أي دافع لاستهداف سكريبال، لكنه أضاف أن آخرين يمكن أن يستخدموا التسميم.");
        let considered = r.iter().find(|q| q.1 == "اعتبر").expect("اعتبر");
        assert_eq!(considered.3, "ليس لبلاده أي دافع لاستهداف سكريبال", "{r:?}");
        // ، في إشارة إلى: the reporter's own words
        let r = reports(
            "وقال المتحدث إن \"المملكة لن تسمح للحوثي أن يصبح حزب الله آخر\"، في إشارة إلى الصراع الدائر في اليمن.",
        );
        assert!(r.first().is_some_and(|q| !q.3.contains("إشارة")), "{r:?}");
        // a participle with its own that-clause, comma or not
        let r =
            reports("وأعلن نتانياهو أنه لا يعتزم تعديل القانون موضحا أنه من دون هذا النص لن يكون ممكنا ضمان المستقبل.");
        assert_eq!(r.first().map(|q| q.3.as_str()), Some("أنه لا يعتزم تعديل القانون"), "{r:?}");
        // … but a content of one or two words keeps it: دعا إلى "الجهاد" مؤكدا أن
        let r = reports("ودعا زعيم التنظيم أيمن الظواهري في تسجيل إلى \"الجهاد\" مؤكدا أن القرار دليل على الفشل.");
        assert!(r.iter().any(|q| q.1 == "دعا"), "{r:?}");
        // a participle that opens no that-clause stays in the content
        let r = reports("وقال الوزير إن الحكومة ستبقى في مكانها منوها بالجهود.");
        assert!(r.first().is_some_and(|q| q.3.contains("منوها")), "{r:?}");
    }

    #[test]
    fn a_source_carried_between_the_subject_and_the_content_leaves_the_subject_speaking() {
        let r = reports("وأفاد التلفزيون الرسمي التركي نقلا عن وزارة الصحة بأن القطار خرج عن سكته.");
        assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some("التلفزيون الرسمي التركي"), "{r:?}");
    }

    #[test]
    fn the_person_named_right_after_a_description_speaks_not_one_named_earlier_in_the_article() {
        let r = reports(
            "قال الرئيس دونالد ترمب إن الاتفاق جيد. وقال المتحدث باسم البيت الأبيض، جوش رافل، الذي يعمل مع جاريد كوشنر، صهر الرئيس دونالد ترمب، إن التصريحات \"مغلوطة\".",
        );
        assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some("جوش رافل"), "{r:?}");
    }

    #[test]
    fn whose_a_document_is_speaks_through_a_verb_after_it() {
        let r = reports("ونشرت واشنطن بوست تصريحات لمسؤولين ترجح أن كوريا الشمالية تطور صاروخا.");
        assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some("مسؤولين"), "{r:?}");
    }

    #[test]
    fn a_place_named_after_a_description_is_no_speaker() {
        let r = reports("ووصف الرئيس الأمريكي إعلان كوريا الشمالية وقف التجارب النووية بأنه \"أخبار جيدة جدا\".");
        assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some("الرئيس الأمريكي"), "{r:?}");
        // a person's name after the place the description names still speaks
        let r = reports("وقال المدعي العام لنيويورك إريك شنايدمان يوم الأحد إنه رفع دعوى قضائية ضد الشركة.");
        assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some("إريك شنايدمان"), "{r:?}");
    }

    #[test]
    fn a_pronoun_on_lakin_is_the_one_who_spoke_or_the_subject() {
        let r = reports(
            "واعتبر لافروف أن ليس لبلاده أي مصلحة في استهداف سكريبال، لكنه أضاف أن آخرين يمكن أن يستخدموا التسميم.",
        );
        let added = r.iter().find(|q| q.1 == "أضاف").expect("أضاف");
        assert_eq!(added.0.as_deref(), Some("لافروف"), "{r:?}");
        // with no report before it in the sentence, the subject the sentence opens with
        let r = reports("وقال بوتين إن الاتفاق قائم. وقد أوقف الرئيس ترامب فصل الأسر الآن، لكنه يقول إنه ملتزم بسياسته.");
        let says = r.iter().find(|q| q.1 == "يقول").expect("يقول");
        assert!(says.0.as_deref().is_some_and(|s| s.ends_with("ترامب")), "{r:?}");
        // a masculine pronoun after a woman's report is the man named in between
        let r = reports(
            "وقالت إحدى الممثلات إنهن توجهن نحو رئيس البرلمان، اسماعيل كهرمان، لكنه قال إن النساء لن يصعدن إلى المسرح.",
        );
        let said = r.iter().find(|q| q.1 == "قال").expect("قال");
        assert_ne!(said.0.as_deref(), Some("إحدى الممثلات"), "{r:?}");
    }

    #[test]
    fn a_verb_of_belief_reports_only_with_its_subject_and_a_that_clause() {
        let r = reports("وتعتقد الشرطة أن المهاجم تصرف بمفرده.");
        assert_eq!(
            r.first().map(|q| (q.0.as_deref(), q.3.as_str())),
            Some((Some("الشرطة"), "المهاجم تصرف بمفرده")),
            "{r:?}"
        );
        for text in [
            "وقال الوزير إن الوضع خطير. ويعتقد أن المهاجم فر إلى الخارج.",
            "وقال الوزير إن الوضع خطير. ويعتقد على نطاق واسع أن إسرائيل تملك أسلحة نووية.",
            "وقال الوزير إن المساحة المتضررة أكبر مما كان يعتقد في البداية.",
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| !q.1.contains("عتقد")), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_person_named_after_a_described_source_at_the_end_is_the_source() {
        let r = reports("ولقي أكثر من مائة شخص حتفهم في الحادث، حسب مراسلة بي بي سي في تونس، رنا جواد.");
        assert!(r.iter().any(|q| q.0.as_deref().is_some_and(|s| s.ends_with("رنا جواد"))), "{r:?}");
    }

    #[test]
    fn a_cue_inside_a_quotation_ends_nothing_and_kama_opens_another_report() {
        let r = reports(
            "وأكد المجلس الوزاري \"أهمية إبعاد الصراعات عن البصرة، ورفض الاستغلال السياسي لمطالب المواطنين\"، كما طالب المجلس الجهات السياسية بعدم استخدام الملف الأمني.",
        );
        assert!(r.iter().all(|q| q.1 != "رفض"), "{r:?}");
        assert!(r[0].3.contains("ورفض الاستغلال السياسي لمطالب المواطنين"), "{r:?}");
        let r = reports("وقال واينستين إنه لم يكن له أي دور في اختيار طاقم العمل، كما نفى محاولته عرقلة مسيرتها.");
        assert_eq!(r[0].3, "إنه لم يكن له أي دور في اختيار طاقم العمل", "{r:?}");
    }

    #[test]
    fn a_spokesman_before_the_verb_speaks_not_whom_he_speaks_for() {
        let r = reports("وكان المتحدث باسم القوات المسلحة المصرية قد أكد أن الحفاظ على حياة المدنيين أولوية.");
        assert_eq!(r[0].0.as_deref(), Some("المتحدث باسم القوات المسلحة المصرية"), "{r:?}");
        // after أن the described speaker is in the accusative, and so are its adjectives
        let r = reports("ولم تكشف الوزارة عن نوع الأسلحة، إلا أن مسؤولا كشف لـCNN أنها كانت تحمل صواريخ كروز.");
        assert_eq!(r.last().and_then(|x| x.0.as_deref()), Some("مسؤولا"), "{r:?}");
        let r = reports("وذكرت الصحيفة أن مسؤولا أمريكيا قال إن الهجوم وقع أمس.");
        assert_eq!(r.last().and_then(|x| x.0.as_deref()), Some("مسؤولا أمريكيا"), "{r:?}");
        // a title in construct with a definite noun and its adjectives, before the verb
        let r = reports(
            "وقال السفير مارتن فايس إن السياسيين سيبحثون الأمر. وكان وزير البيئة النمساوي اليميني قد قال إنه يريد ذلك.",
        );
        assert_eq!(r.last().and_then(|x| x.0.as_deref()), Some("وزير البيئة النمساوي اليميني"), "{r:?}");
        // the body itself, named alone before the verb, still speaks
        let r = reports("وكانت القوات المسلحة المصرية قد أكدت أن الحفاظ على حياة المدنيين أولوية.");
        assert_eq!(r[0].0.as_deref(), Some("القوات المسلحة المصرية"), "{r:?}");
    }

    #[test]
    fn a_speaker_keeps_the_whole_name_the_entity_has() {
        // ويد begins with a letter the clitic analysis takes for و: the entity's mention keeps it
        let r = reports("وقال مايك ويد، نائب مدير قسم الحماية الصحية: \"لا تزال النصيحة هي نفسها\".");
        assert_eq!(r[0].0.as_deref(), Some("مايك ويد"), "{r:?}");
    }

    #[test]
    fn the_one_spoken_with_is_the_listener_when_someone_else_is_named_to_speak() {
        let r = reports("جاء ذلك في مؤتمر صحفي عقده بوتين مع المستشارة الألمانية أنغيلا ميركل، حيث قال إن الاتفاق قائم.");
        assert_eq!(r[0].0.as_deref(), Some("بوتين"), "{r:?}");
        // alone, the one an interview is with speaks
        let r = reports("ونشر الموقع مقابلة مع رئيسه التنفيذي كارل هاينتس رومينيغه، حيث قال إن المدرب باق.");
        assert_eq!(r[0].0.as_deref(), Some("كارل هاينتس رومينيغه"), "{r:?}");
    }

    #[test]
    fn of_parties_named_together_the_first_speaks_and_the_others_are_no_content() {
        let r = reports("وطالبت كل من بريطانيا وفرنسا وألمانيا بإجراء تحقيق موثوق.");
        assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (Some("بريطانيا"), "بإجراء تحقيق موثوق"), "{r:?}");
        let r = reports(
            "ودعا كل من الأمين العام للأمم المتحدة أنطونيو غوتيريس ووزيرة خارجية الاتحاد الأوروبي فيديريكا موغيريني إلى إجراء تحقيق مستقل.",
        );
        assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (Some("أنطونيو غوتيريس"), "إجراء تحقيق مستقل"), "{r:?}");
    }

    #[test]
    fn a_name_in_quotation_marks_after_the_verb_is_its_subject() {
        for (text, speaker, content) in [
            ("وقالت \"بلومبرغ\" إن عملية البيع ستتأخر حتى العام المقبل.", Some("بلومبرغ"), "عملية البيع ستتأخر حتى العام المقبل"),
            ("وذكرت \"وول ستريت جورنال\" أن ليو سيزور واشنطن.", Some("وول ستريت جورنال"), "ليو سيزور واشنطن"),
            // a source after عن still speaks
            ("ونقلت \"رويترز\" عن مصدر مطلع أن الصفقة ألغيت.", Some("مصدر مطلع"), "الصفقة ألغيت"),
            // past the adjectives after a medium's quoted name too
            (
                "ونقلت شبكة \"إيه بي سي نيوز\" الأميركية عن المتحدثة باسم البيت الأبيض، سارة ساندرز، إن ترمب لن يلتقي كيم.",
                Some("المتحدثة باسم البيت الأبيض"),
                "ترمب لن يلتقي كيم",
            ),
        ] {
            let r = reports(text);
            assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (speaker, content), "{text}: {r:?}");
        }
        // nor a short name no tagger knows, with the content's marker right after
        let r = reports("وذكرت \"واس\" بأن المشاريع ستوفر الوظائف.");
        assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (Some("واس"), "المشاريع ستوفر الوظائف"), "{r:?}");
        // a report in quotation marks is no name
        let r = reports("وقال \"ترامب كاذب\" في كل ما يقول.");
        assert!(r.iter().all(|x| x.0.is_none()), "{r:?}");
    }

    #[test]
    fn a_hashtag_s_name_speaks_and_so_does_who_issued_the_document() {
        for (text, speaker, content) in [
            ("وأعلن #البيت_الأبيض، مساء الجمعة، أن الرئيس لن يلتقي كيم.", "البيت_الأبيض", "الرئيس لن يلتقي كيم"),
            ("وأصدرت الجامعة بيانا قالت فيه إن عمليات الإنقاذ ما زالت قائمة.", "الجامعة", "عمليات الإنقاذ ما زالت قائمة"),
            ("ونشر المنتخب الأرجنتيني تغريدة ذكر فيها أن ميسي جاهز.", "المنتخب الأرجنتيني", "ميسي جاهز"),
            ("وأصدر مجلس الأمن، الخميس، بالإجماع، بياناً رئاسياً دعا فيه إلى وقف القتال.", "مجلس الأمن", "وقف القتال"),
        ] {
            let r = reports(text);
            assert_eq!((r[0].0.as_deref(), r[0].3.as_str()), (Some(speaker), content), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_possessed_title_after_a_name_opens_the_object() {
        let r = reports("عندما اتهم الرئيس سلفا كير نائبه السابق رياك مشار بالتخطيط للانقلاب عليه.");
        assert_eq!(r[0].0.as_deref(), Some("الرئيس سلفا كير"), "{r:?}");
    }

    #[test]
    fn a_name_after_a_body_or_an_adjective_is_the_object() {
        for (text, want) in [
            // a body stands in apposition with no person
            ("واتهمت السلطات المصرية عبد المنعم أبو الفتوح باستغلال منصبه.", "السلطات المصرية"),
            // a definite word or a name after an indefinite adjective belongs to no phrase of it
            ("واتهم ناشطون سياسيون روس الرئيس الشيشاني رمضان قديروف باستغلال اللاعب.", "ناشطون سياسيون روس"),
            ("وطالبت منظمات غير حكومية حقوقية فرنسا بوقف بيع الأسلحة لمصر.", "منظمات غير حكومية حقوقية"),
            // but a complement says whose they are, and a construct plural is no adjective
            ("وقال مسؤولون في إدارة ترامب إن العقوبات باقية.", "مسؤولون في إدارة ترامب"),
            ("وقال أحد مساعدي ترامب إنها تسرعت.", "أحد مساعدي ترامب"),
            // and a title is in construct with what follows it
            (
                "وقالت وزيرة خارجية الاتحاد الأوروبي فيديريكا موغريني إن الاتفاق صامد.",
                "وزيرة خارجية الاتحاد الأوروبي فيديريكا موغريني",
            ),
        ] {
            let got = reports(text).first().and_then(|r| r.0.clone());
            assert_eq!(got.as_deref(), Some(want), "{text}");
        }
    }

    /// The speaker and content of the one report in `text`.
    fn only_report(text: &str) -> (Option<String>, String) {
        let mut r = reports(text);
        assert_eq!(r.len(), 1, "{r:?}");
        let (speaker, _, _, content) = r.remove(0);
        (speaker, content)
    }

    #[test]
    fn what_a_verb_of_saying_announces_after_an() {
        assert_eq!(
            only_report("وأعلن الجيش اليمني عن تحرير أولى مناطق مدينة الحديدة."),
            (Some("الجيش اليمني".into()), "عن تحرير أولى مناطق مدينة الحديدة".into())
        );
        // with a content further on, عن says what about
        let r = reports("وقال الوزير عن الاتفاق إنه جيد للبلدين.");
        assert_eq!(r[0].3, "إنه جيد للبلدين", "{r:?}");
        // what was not disclosed is not said
        assert!(reports("ولم تكشف السلطات الأمريكية عن أعمار الأطفال المفصولين عن ذويهم.").is_empty());
        // and نقل عن names the source
        let r = reports("ونقلت الوكالة عن مصدر أمني أن الهجوم فشل.");
        assert_eq!(r[0].0.as_deref(), Some("مصدر أمني"), "{r:?}");
    }

    #[test]
    fn a_quotation_past_the_speaker_s_aside_is_the_content() {
        // where and when it was said, or who the speaker is, stands before the quotation
        let (speaker, content) = only_report(
            "وقال السفير الفرنسي لودوفيك بوي على هامش مؤتمر صحافي في مبنى السفارة الثلاثاء \"هذه التظاهرة جزء من مبادرة الحوار الثقافي\" التي انطلقت العام الماضي.",
        );
        assert_eq!(speaker.as_deref(), Some("السفير الفرنسي لودوفيك بوي"));
        assert_eq!(content, "هذه التظاهرة جزء من مبادرة الحوار الثقافي");
        let (_, content) = only_report("وقالت خديجة وهي معلمة في الحديدة «الوضع مأساوي ولا نعرف كيف النهاية».");
        assert_eq!(content, "الوضع مأساوي ولا نعرف كيف النهاية");
        // not a name the speaker's object quotes, nor a short quotation naming a thing
        let r = reports("وأطلق الوزير على تويتر حملة بعنوان \"معا من أجل مدينة نظيفة وخضراء\".");
        assert!(r.iter().all(|q| !q.3.starts_with("معا")), "{r:?}");
        let r = reports("وأعلن الوزير على هامش المؤتمر الجمعة \"حالة تأهب مرتفعة\".");
        assert!(r.iter().all(|q| q.3 != "حالة تأهب مرتفعة"), "{r:?}");
    }

    #[test]
    fn a_verb_with_the_plural_s_wa_has_its_object_after_it() {
        let r = reports("وكان المشرعون قد أبدوا قلقهم إزاء تعيين هاسبل في هذا المنصب.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0.as_deref(), Some("المشرعون"), "{r:?}");
        assert_eq!(r[0].3, "قلقهم إزاء تعيين هاسبل في هذا المنصب", "{r:?}");
        // whom an act asks after من is not who asked
        let r = reports("وتأمل الحكومة في ذلك بعدما طلبت من موسكو نشر قوات على أراضيها.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("موسكو")), "{r:?}");
    }

    #[test]
    fn a_participle_with_no_report_before_it_continues_the_sentence_s_subject() {
        let text = "وقال المتحدث باسم الحكومة إن المحادثات ستستأنف. وعرض رئيس اللجنة مولاي حفيظ العلمي خلال مؤتمر صحافي مضامين الملف، شارحا أن المملكة ستخصص استثمارات هامة.";
        let r = reports(text);
        let explained = r.iter().find(|q| q.3.starts_with("المملكة")).expect("the participle's report");
        assert!(explained.0.as_deref().is_some_and(|s| s.starts_with("مولاي حفيظ")), "{r:?}");
    }

    #[test]
    fn who_would_not_be_named_speaks_the_quotation_after() {
        let (speaker, content) = only_report("وقال أحد السكان رافضا كشف اسمه \"نحن جميعا قلقون (...)\".");
        assert_eq!(speaker.as_deref(), Some("أحد السكان"));
        assert_eq!(content, "نحن جميعا قلقون (...)");
    }

    #[test]
    fn a_report_ends_where_the_reporter_goes_on() {
        // a clause of the reporter's after a comma ends the content …
        let r = reports("وقال الوزير إنه يأمل في علاقة أفضل، وذلك في كلمة ألقاها أمام البرلمان.");
        assert_eq!(r[0].3, "إنه يأمل في علاقة أفضل", "{r:?}");
        let r = reports("وأكدت الشرطة أن ستة أشخاص قتلوا، في حين لم تؤكد المستشفيات الرقم.");
        assert_eq!(r[0].3, "ستة أشخاص قتلوا", "{r:?}");
        // … but not a comma inside the clause, nor one without such a word after it
        let r = reports("وقالت الوزارة إن القصف استهدف مدرسة، ومستشفى في المدينة.");
        assert_eq!(r[0].3, "القصف استهدف مدرسة، ومستشفى في المدينة", "{r:?}");
        // a person's name between commas does not end a paraphrased act
        let r = reports(
            "وأعرب الوزير عن رفضه لعقوبات إدارة الرئيس الأمريكي، دونالد ترامب، المفروضة على موسكو، وغادر القاعة.",
        );
        assert_eq!(r[0].3, "عن رفضه لعقوبات إدارة الرئيس الأمريكي، دونالد ترامب، المفروضة على موسكو", "{r:?}");
    }

    #[test]
    fn verbs_of_saying_with_an_object_pronoun() {
        assert_eq!(
            only_report("ويقيم غولن في الولايات المتحدة، وتتهمه الحكومة التركية بتنظيم محاولة الانقلاب."),
            (Some("الحكومة التركية".into()), "بتنظيم محاولة الانقلاب".into())
        );
    }

    #[test]
    fn one_report_per_cue_role() {
        type Want<'a> = &'a [(Option<&'a str>, &'a str, &'a str, &'a str)];
        let cases: &[(&str, &str, Want)] = &[
            (
                "say: the speaker after the verb, the content after إن",
                "وقال وزير الخارجية الروسي سيرغي لافروف إن المحادثات كانت مثمرة.",
                &[(Some("وزير الخارجية الروسي سيرغي لافروف"), "قال", "indirect", "المحادثات كانت مثمرة")],
            ),
            (
                "say: a quotation after a colon is the whole report",
                "وقال الرئيس: \"لن نتراجع عن قرارنا أبدا\".",
                &[(Some("الرئيس"), "قال", "direct", "لن نتراجع عن قرارنا أبدا")],
            ),
            (
                "say: after a colon and no quotation mark, the first person goes on through the paragraph",
                "وقال المدرب: الفريق لم يحقق ما يريده. أريده أن يرتاح قليلا. وانضم اللاعب إلى الفريق في 2016.",
                &[(Some("المدرب"), "قال", "indirect", "الفريق لم يحقق ما يريده. أريده أن يرتاح قليلا")],
            ),
            (
                "say: after a colon, the reporter's sentence and the next paragraph are not the speaker's",
                "وقال المدرب: الفريق لم يحقق ما يريده. وأضاف أننا سنعود.\nنحن هنا.",
                &[
                    (Some("المدرب"), "قال", "indirect", "الفريق لم يحقق ما يريده"),
                    (Some("المدرب"), "أضاف", "indirect", "أننا سنعود"),
                ],
            ),
            (
                "say: quoted words inside the content",
                "وأكدت الوزارة أن الهجوم \"عمل إرهابي جبان\" استهدف المدنيين.",
                &[(Some("الوزارة"), "أكدت", "partial", "الهجوم \"عمل إرهابي جبان\" استهدف المدنيين")],
            ),
            (
                "act: the paraphrase after إلى ends at its comma; a participle continues the speaker",
                "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش إلى وقف فوري لإطلاق النار في المدينة، مشيرا إلى تدهور الوضع.",
                &[
                    (Some("أنطونيو غوتيريش"), "دعا", "indirect", "وقف فوري لإطلاق النار في المدينة"),
                    (Some("أنطونيو غوتيريش"), "مشيرا", "indirect", "إلى تدهور الوضع"),
                ],
            ),
            (
                "part: مؤكدا after a comma opens a report of the same speaker",
                "وقال المتحدث باسم الشرطة إن الوضع تحت السيطرة، مؤكدا اعتقال ثلاثة مشتبه بهم.",
                &[
                    (Some("المتحدث باسم الشرطة"), "قال", "indirect", "الوضع تحت السيطرة"),
                    (Some("المتحدث باسم الشرطة"), "مؤكدا", "indirect", "اعتقال ثلاثة مشتبه بهم"),
                ],
            ),
            (
                "qawl: the source after عن speaks, not the agency",
                "ونقلت وكالة رويترز عن مسؤول أمني قوله إن الانفجار وقع قرب السفارة.",
                &[(Some("مسؤول أمني"), "قوله", "indirect", "الانفجار وقع قرب السفارة")],
            ),
            (
                "attr first: the source, then the content after فإن",
                "وبحسب الشرطة، فإن المهاجم فر من المكان بعد الحادث.",
                &[(Some("الشرطة"), "بحسب", "indirect", "المهاجم فر من المكان بعد الحادث")],
            ),
            (
                "attr after: the fact before the attribution",
                "وقتل خمسة أشخاص في الهجوم على السوق، بحسب مصادر طبية.",
                &[(Some("مصادر طبية"), "بحسب", "indirect", "وقتل خمسة أشخاص في الهجوم على السوق")],
            ),
            (
                "attr first, «ما جاء في»: the document is the source, not the verb",
                "وبحسب ما جاء في القرار، فإن حسابات الشركة ستجمد لستة أشهر.",
                &[(Some("القرار"), "بحسب", "indirect", "حسابات الشركة ستجمد لستة أشهر")],
            ),
            (
                "attr after, «ما ورد في»",
                "وجمدت الحكومة حسابات الشركة، وفق ما ورد في التقرير.",
                &[(Some("التقرير"), "وفق", "indirect", "وجمدت الحكومة حسابات الشركة")],
            ),
            (
                "a name and a colon, as headlines report speech",
                "أردوغان: الأسد قاتل ولا مكان له في مستقبل سوريا",
                &[(Some("أردوغان"), ":", "direct", "الأسد قاتل ولا مكان له في مستقبل سوريا")],
            ),
            (
                "the subject before the verb",
                "لكن الرئيس الصيني شي جينبينغ أشاد بالاتفاق الجديد مع واشنطن.",
                &[(Some("شي جينبينغ"), "أشاد", "indirect", "بالاتفاق الجديد مع واشنطن")],
            ),
            (
                "a cue with no subject continues the speaker before",
                "وقال رئيس الوزراء إن الحكومة ستستقيل. وأضاف أن الانتخابات ستجرى في الربيع.",
                &[
                    (Some("رئيس الوزراء"), "قال", "indirect", "الحكومة ستستقيل"),
                    (Some("رئيس الوزراء"), "أضاف", "indirect", "الانتخابات ستجرى في الربيع"),
                ],
            ),
            (
                "a speaker described by a relative clause up to a colon, not a name inside it",
                "وقال الخليفي الذي زار نيمار في فيلته، وهو منتجع: \"إنه سعيد ومتحمس جدا للعودة\".",
                &[(Some("الخليفي"), "قال", "direct", "إنه سعيد ومتحمس جدا للعودة")],
            ),
            (
                "a relative named between commas speaks, and her act ends before the next report",
                "وأعربت زوجة ايكاردي، واندا نارا، عن شعورها بالأسف لغياب زوجها، وقالت: ماورو هو مستقبل المنتخب.",
                &[
                    (Some("واندا نارا"), "أعربت", "indirect", "عن شعورها بالأسف لغياب زوجها"),
                    (Some("واندا نارا"), "قالت", "indirect", "ماورو هو مستقبل المنتخب"),
                ],
            ),
            (
                "a source described in parentheses ends before them",
                "ونقلت الصحيفة عن متحدث باسم الحزب (لم تسمه) قوله \"تم وقف العضو وتجري السلطات تحقيقا\".",
                &[(Some("متحدث باسم الحزب"), "قوله", "direct", "تم وقف العضو وتجري السلطات تحقيقا")],
            ),
            (
                "a person spoken of in the report before is not who goes on",
                "وأشار الحارس الروسي إلى أن فريقه استعد لمواجهة مدافعها سيرخيو راموس، وتابع قائلا: سنرد بنفس الخشونة.",
                &[
                    (Some("الحارس الروسي"), "أشار", "indirect", "فريقه استعد لمواجهة مدافعها سيرخيو راموس"),
                    (Some("الحارس الروسي"), "تابع", "indirect", "سنرد بنفس الخشونة"),
                ],
            ),
            (
                "a described speaker keeps where it is from, not where it spoke",
                "وقال مسؤول كبير في الإدارة الأمريكية إن القرار نهائي. وقال مصدر في البيان إن الوضع هادئ.",
                &[
                    (Some("مسؤول كبير في الإدارة الأمريكية"), "قال", "indirect", "القرار نهائي"),
                    (Some("مصدر"), "قال", "indirect", "الوضع هادئ"),
                ],
            ),
            (
                "the listener after a ل written apart is not the speaker",
                "وقال مصدر أمني لـCNN إن الظرف أرسل إلى البنتاغون.",
                &[(Some("مصدر أمني"), "قال", "indirect", "الظرف أرسل إلى البنتاغون")],
            ),
            (
                "an indefinite word after a definite speaker is the object",
                "ولم يؤكد الجيش حصول أي ملاحقة قضائية. وقالت المنظمات غير الحكومية إن القمع مستمر.",
                &[
                    (Some("الجيش"), "يؤكد", "indirect", "حصول أي ملاحقة قضائية"),
                    (Some("المنظمات غير الحكومية"), "قالت", "indirect", "القمع مستمر"),
                ],
            ),
            ("an impersonal passive before أن is background", "ويذكر أن بريطانيا شهدت حوادث مشابهة عدة.", &[]),
            ("the noun رأي is no cue", "جميع المقالات المنشورة تمثل رأي كتابها فقط.", &[]),
            ("its host is no participle", "ويواجه أرسنال مضيفه سيسكا موسكو يوم الخميس.", &[]),
            ("a noun after لل is no cue", "وخرج آلاف المتظاهرين للمطالبة بإسقاط الحكومة في العاصمة.", &[]),
            (
                "a verbal noun after هو is no cue",
                "وأوضح أن افتتاح المعرض هو رفض ومواجهة للتطرف.",
                &[(None, "أوضح", "indirect", "افتتاح المعرض هو رفض ومواجهة للتطرف")],
            ),
            (
                "a name right after the speaker's name is the object",
                "وتطالب واشنطن كوريا الشمالية بنزع السلاح النووي.",
                &[(Some("واشنطن"), "تطالب", "indirect", "كوريا الشمالية بنزع السلاح النووي")],
            ),
            (
                "a name right after a described speaker's definite head is the object",
                "وطالب السكان الأمم المتحدة بوقف العملية العسكرية.",
                &[(Some("السكان"), "طالب", "indirect", "الأمم المتحدة بوقف العملية العسكرية")],
            ),
            (
                "after a definite title a definite noun is the object",
                "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق قريب. ودعا الرئيس الحكومة إلى الاستقالة.",
                &[
                    (Some("الرئيس الأمريكي دونالد ترامب"), "قال", "indirect", "الاتفاق قريب"),
                    (Some("الرئيس"), "دعا", "indirect", "الحكومة إلى الاستقالة"),
                ],
            ),
            (
                "a described speaker's complement ends at its name",
                "ورفض مسؤول في حماس مزاعم اسرائيل بأن الجماعة تضع قائمة أسعار.",
                &[(Some("مسؤول في حماس"), "رفض", "indirect", "الجماعة تضع قائمة أسعار")],
            ),
            (
                "a preposition written apart opens the listener",
                "وقال العميد محمد الحجوري لـ\"العربية\"، إن قواته قطعت الطريق.",
                &[(Some("العميد محمد الحجوري"), "قال", "indirect", "قواته قطعت الطريق")],
            ),
        ];
        for (what, text, want) in cases {
            let want: Vec<_> =
                want.iter().map(|(s, c, k, t)| (s.map(str::to_string), c.to_string(), *k, t.to_string())).collect();
            assert_eq!(reports(text), want, "{what}");
        }
    }

    #[test]
    fn a_feminine_body_after_a_masculine_verb_is_its_object() {
        // دعا حكومة بغداد: the verb would be دعت with the government as subject
        let r = reports("وقال أردوغان إن تركيا ستتحرك. ودعا أيضا حكومة بغداد إلى التحرك ضد القواعد.");
        assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some("أردوغان"), "{r:?}");
        // the feminine verb agrees: the body speaks
        let r = reports("وقال أردوغان إن تركيا ستتحرك. وأعلنت الحكومة أن الطريق مفتوح.");
        assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some("الحكومة"), "{r:?}");
        // a verbal noun after a preposition has the body as its subject (رغم نفي السلطات)
        assert!(!super::masculine_verb(&Doc::new("رغم نفي السلطات تطويره", None), 1));
        assert!(super::masculine_verb(&Doc::new("ودعا حكومة بغداد", None), 0));
    }

    #[test]
    fn an_unnamed_subject_that_may_speak_opens_its_clause() {
        // no entity, no listed description: a body's or an organization's head, or a phrase
        // naming one, before the verb is its subject (not the speaker carried over)
        for (text, want) in [
            (
                "وبحسب المجلة الفرنسية فإن ناديين يسعيان إلى ضم اللاعب. لكن الميليشيا الكردية تنفي وجود أي صلة بالحزب.",
                "الميليشيا الكردية",
            ),
            ("وقالت الصحيفة إن الأزمة تتفاقم. لكن الحكومة المحلية أكدت أن الوضع مستقر.", "الحكومة المحلية"),
        ] {
            let r = reports(text);
            assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some(want), "{text} {r:?}");
        }
        // a thing says nothing; verbs are no noun phrase
        for (text, not) in [
            ("وقال المدرب إن الفريق جاهز. لكن التعادل نقل الحسم للجولة الأخيرة.", "التعادل"),
            ("وقال المدرب إن الفريق جاهز. لكن القصر الملكي تجنب التعليق على الخبر.", "القصر الملكي تجنب"),
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| q.0.as_deref() != Some(not)), "{text} {r:?}");
        }
    }

    #[test]
    fn a_subject_before_the_verb_makes_the_phrase_after_it_the_object() {
        for (text, want) in [
            // a described subject with no name before a plural verb
            ("وأعلن الرئيس أنه لن يوقع، على الرغم من أن مشرعين جمهوريين قالوا إنه يؤيده.", "مشرعين جمهوريين"),
            // a name or a described subject opening its clause
            ("وكان من المقرر أن يغادر، لكن مسؤولين فلسطينيين أكدوا اليوم أنه باق.", "مسؤولين فلسطينيين"),
            ("وكانت واشنطن وصفت النعيمي بأنه ممول للتنظيم.", "واشنطن"),
            ("لكن سياسيين معارضين انتقدوا الحكومة على تقصيرها.", "سياسيين معارضين"),
        ] {
            let r = reports(text);
            assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some(want), "{text} {r:?}");
        }
        // a phrase governed by a preposition or a construct is no subject
        for text in [
            "وعندما طلبت الوكالة منه التعليق على التقرير قال \"لم نسمع شيئا\".",
            "وفي المكسيك تعهد المرشح اليساري أندريس لوبيز بمراجعة الاتفاق.",
        ] {
            let r = reports(text);
            assert!(r.iter().all(|q| !matches!(q.0.as_deref(), Some("التقرير" | "المكسيك"))), "{text} {r:?}");
        }
        // past a form of كان; a place after a preposition is where, not who
        let r = reports("وقال المسؤول إن الحكومة الأمريكية كانت قد طالبت برفع الحصانة عن الدبلوماسي.");
        assert_eq!(r.last().and_then(|q| q.0.as_deref()), Some("الحكومة الأمريكية"), "{r:?}");
        let r = reports("وتبين أن إحدى الضحايا في تكساس الأميركية كانت قد رفضت العرض.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("تكساس")), "{r:?}");
        // a relative or a lawyer of a person speaks, not the person
        let r = reports("غير أن أسرة أبو الفتوح نفت أن تكون المزرعة ملكا له.");
        assert_eq!(r[0].0.as_deref(), Some("أسرة أبو الفتوح"), "{r:?}");
        // a verb with an object pronoun after a relative has the noun before as its object
        let r = reports("وقصفت الطائرات مواقع الوحدات التي تعتبرها أنقرة منظمة إرهابية.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("الوحدات")), "{r:?}");
    }

    #[test]
    fn a_cue_with_no_subject_carries_the_person_no_preposition_governs() {
        let r = reports(
            "التقى رئيس الهيئة العامة للرياضة، تركي آل الشيخ، برئيس الاتحاد الأمريكي لكرة القدم، كارلوس كورديرو، \
             وأشاد بقوة الملف المشترك.",
        );
        assert_eq!(r[0].0.as_deref(), Some("تركي آل الشيخ"), "{r:?}");
        let r = reports(
            "رد بهرام قاسمي، المتحدث باسم وزارة الخارجية الإيرانية، على الكلمة التي أدلى بها رئيس الوزراء \
             الإسرائيلي، بنيامين نتنياهو، والتي عرض فيها وثائق، مؤكدا رفض ذلك جملة وتفصيلا.",
        );
        assert!(r.iter().all(|q| q.0.as_deref() == Some("بهرام قاسمي")), "{r:?}");
        // whose a document is, after its ل, speaks through it
        let r = reports("وأقامت دانيلز الدعوى، بعد تغريدة لترامب، قال فيها إنها لفقت قصة.");
        assert_eq!(r[0].0.as_deref(), Some("ترامب"), "{r:?}");
    }

    #[test]
    fn a_cue_opening_its_sentence_continues_the_subject_of_the_sentence_before() {
        let r = reports(
            "وتطرق تقرير فريق خبراء الأمم المتحدة إلى مساعي الحوثيين لبناء إمبراطورية مالية. وذكر أن الحوثيين \
             وضعوا استراتيجية للسيطرة على واردات النفط.",
        );
        assert_eq!(r[0].0.as_deref(), Some("تقرير فريق خبراء الأمم المتحدة"), "{r:?}");
        let r = reports(
            "قال الوزير أحمد إن الحكومة مستعدة. وتمكنت الشرطة الصينية من اعتقال المشتبه به. وقالت إن المشتبه به \
             يدعى جاو.",
        );
        assert_eq!(r[1].0.as_deref(), Some("الشرطة الصينية"), "{r:?}");
        // not past a sentence that reported, nor the listener after ل, nor before a subject
        // the cue has of its own
        let r = reports("قال الوزير أحمد إن الحكومة مستعدة. وأضاف أن الموعد قريب.");
        assert_eq!(r[1].0.as_deref(), Some("الوزير أحمد"), "{r:?}");
        let r = reports("قال الوزير أحمد إن الحكومة مستعدة. وتحدثت لبي بي سي عن المبادرة. وقالت إن الهدف واضح.");
        assert_ne!(r[1].0.as_deref(), Some("لبي بي سي"), "{r:?}");
    }

    #[test]
    fn a_body_named_by_its_definite_head_speaks_and_its_object_follows() {
        for (text, want, content) in [
            ("وكشفت الشركة عن انخفاض عدد المشتركين.", "الشركة", "عن انخفاض عدد المشتركين"),
            ("ورفضت المحكمة العليا السماح لأربع ولايات بمنع عرض الفيلم.", "المحكمة العليا", "السماح"),
            ("دعت الهيئة كافة المستهلكين إلى استخدام التطبيق.", "الهيئة", "كافة المستهلكين"),
            ("ودعت النقابات المهنية إلى تنفيذ إضراب جديد.", "النقابات المهنية", "تنفيذ إضراب"),
            ("وطالب المجلس الجهات السياسية بعدم استخدام الملف.", "المجلس", "الجهات السياسية"),
            ("وأمهل رئيس الحكومة الوزير المقال مهلة 48 ساعة.", "رئيس الحكومة", "الوزير المقال"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(want), "{text}: {r:?}");
            assert!(r[0].3.starts_with(content), "{text}: {r:?}");
        }
    }

    #[test]
    fn a_described_speaker_keeps_its_complement_whole() {
        for (text, want) in [
            ("قال مسؤولون كبار في #البيت_الأبيض إن الصواريخ لم تضع أهدافا إيرانية.", "مسؤولون كبار في #البيت_الأبيض"),
            ("وأعلنت السلطات النقدية في كل من قطر وتركيا أنها وقعت اتفاقا.", "السلطات النقدية في كل من قطر وتركيا"),
            (
                "قالت منظمات غير حكومية مدافعة عن حقوق الإنسان إن فرنسا قدمت أسلحة لمصر.",
                "منظمات غير حكومية مدافعة عن حقوق الإنسان",
            ),
            (
                "وذكرت التحقيقات الأولية للنيابة العامة المصرية أن الجدة طلبت البيع.",
                "التحقيقات الأولية للنيابة العامة المصرية",
            ),
        ] {
            assert_eq!(only_report(text).0.as_deref(), Some(want), "{text}");
        }
        // but عن after the head itself or after a relative adjective is what was said
        let r = reports("وكشفت مصادر ميدانية عن استكمال الاستعدادات للمعركة.");
        assert_eq!(r[0].0.as_deref(), Some("مصادر ميدانية"), "{r:?}");
    }

    #[test]
    fn the_one_accused_or_urged_is_no_speaker() {
        // one name between the verb and its complement is the object; the speaker carries over
        let r = reports("وقال ترامب إن الصين تسرق الوظائف. واتهم الاتحاد الأوروبي بأنه لم يعامل بلاده بإنصاف.");
        assert_eq!(r[1].0.as_deref(), Some("ترامب"), "{r:?}");
        let r = reports("وقال الوزير إن الوضع خطير. وحث إيران على الالتزام بالاتفاق.");
        assert_eq!((r[1].0.as_deref(), r[1].1.as_str()), (Some("الوزير"), "حث"), "{r:?}");
        // a subject and an object after the verb: the subject speaks
        let r = reports("واتهم لافروف بريطانيا بانتهاك القانون الدولي.");
        assert_eq!(r[0].0.as_deref(), Some("لافروف"), "{r:?}");
        let r = reports("واتهمت منظمة العفو الدولية إسرائيل بارتكاب جرائم حرب.");
        assert_eq!(r[0].0.as_deref(), Some("منظمة العفو الدولية"), "{r:?}");
    }

    #[test]
    fn the_object_of_an_act_ends_the_name_before_it() {
        let r = reports("وانتقد الرئيس ترامب حلفاء الولايات المتحدة فيما يتعلق بالتجارة.");
        assert_eq!(r[0].0.as_deref(), Some("الرئيس ترامب"), "{r:?}");
        let r = reports("ووصف جواد ظريف تصريحات نتانياهو بالسيرك الهزلي.");
        assert_eq!(r[0].0.as_deref(), Some("جواد ظريف"), "{r:?}");
        // after a verb of saying, a title after the name is its apposition
        let r = reports("وقال كاظم غريب آبادي مبعوث إيران إن أوبك يجب أن تنأى بنفسها عن السياسة.");
        assert!(r[0].0.as_deref().is_some_and(|s| s.contains("آبادي")), "{r:?}");
        assert!(!r[0].3.contains("مبعوث"), "{r:?}");
    }

    #[test]
    fn a_verbal_noun_after_a_preposition_is_no_cue() {
        // بحث "discussed" is no ب + حث, بنقل "by moving" no ب + نقل; ل takes a present verb
        for text in [
            "وبحث الوزير مع نظيره الأمريكي سبل التعاون بين البلدين.",
            "وسمحت الوزارة للعاملين بنقل خدماتهم إلى منشآت أخرى.",
            "وبحثت الدراسة في تطور الموسيقى على مدار العقود الثلاثة.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
        assert_eq!(reports("وخرج الوزير ليؤكد أن الحكومة لن تستقيل.").len(), 1);
    }

    #[test]
    fn time_words_and_conjunctions_are_no_speaker() {
        for text in [
            "وقال ممثلو الادعاء الأسبوع الماضي إن التحقيقات لم تكشف شيئا.",
            "وكانت أوساط مقربة من ماكرون قد قالت الأسبوع الماضي: \"علينا ألا نفصل بين العملين\".",
            "وكان المدير قد قال، نهاية الشهر الماضي، إن السوريين لن تطول إقامتهم.",
        ] {
            let speaker = only_report(text).0.unwrap_or_default();
            assert!(!speaker.contains("الأسبوع") && !speaker.contains("نهاية"), "{text}: {speaker}");
        }
        assert_eq!(
            only_report("وكانت أوساط مقربة من ماكرون قد قالت الأسبوع الماضي: \"علينا ألا نفصل بين العملين\".")
                .0
                .as_deref(),
            Some("أوساط مقربة من ماكرون")
        );
        let r = reports("انتظرت تيريزا ماي نهاية التصفيق ثم قالت \"لا سبيل لإعادة الاستفتاء\".");
        assert!(r[0].0.as_deref().is_none_or(|s| !s.contains("ثم")), "{r:?}");
    }

    #[test]
    fn what_was_announced_follows_the_occasion_between_commas() {
        for (text, content) in [
            (
                "أعلن الجيش اليمني، في بيان مقتضب الأربعاء، عن تحرير أولى مناطق مدينة الحديدة.",
                "عن تحرير أولى مناطق مدينة الحديدة",
            ),
            (
                "أعلن الرئيس الأمريكي، دونالد ترامب، فجر السبت، عن شن ضربات على مواقع كيماوية.",
                "عن شن ضربات على مواقع كيماوية",
            ),
        ] {
            assert_eq!(only_report(text).1, content, "{text}");
        }
    }

    #[test]
    fn an_attribution_after_the_fact_names_who_reports_it() {
        for (text, want) in [
            ("وشهد المصنع إنتاج أول صاروخ باليستي، وفقا للصحيفة الأمريكية.", "لصحيفة الأمريكية"),
            ("وأظهرت الصور أن مركبات تتحرك من وإلى الموقع، وفقا لوكالة أنباء رويترز.", "وكالة أنباء رويترز"),
            // the verb of the ما-clause reports nothing of its own, and adverbials may follow it
            ("وقد عولج من التهاب في الرئة، بحسب ما أفادت به الرئاسة الفلسطينية.", "الرئاسة الفلسطينية"),
            (
                "وقرر الرئيس تمديد الإعفاءات شهرا إضافيا، بحسب ما نشرته الاثنين صحيفة وول ستريت جورنال.",
                "صحيفة وول ستريت جورنال",
            ),
            // the ما on the cue (حسبما) or on the ل (لما)
            ("تعتزم بكين إرسال مسؤول كبير إلى واشنطن، حسبما أعلنت وزارة التجارة الصينية.", "وزارة التجارة الصينية"),
            ("واستهدف الجيش مواقع تابعة للحركة، طبقا لما قالته وكالة رويترز.", "وكالة رويترز"),
            // an indefinite source keeps its adjectives, a definite one its definite words
            ("وقتل خمسة أشخاص، وفقا لمصادر طبية في المدينة.", "مصادر طبية"),
            ("وقتل خمسة أشخاص، وفقا لمشروع القانون الجديد.", "مشروع القانون الجديد"),
        ] {
            let r = reports(text);
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(r[0].0.as_deref(), Some(want), "{text}");
        }
        // a noun that is no source says how, not who
        for text in
            ["ويختار الأطفال الآلة المناسبة لهم، حسب طول اليد.", "وسيتم تسليم البضائع للمشترين، وفقا للإجراء المعروف."]
        {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn a_described_speaker_says_where_it_is_from_and_whom_it_told() {
        for (text, want, content) in [
            (
                "وقال مصدر بوزارة الدفاع الأمريكية إن بارجة شاركت في الضربات.",
                "مصدر بوزارة الدفاع الأمريكية",
                "بارجة شاركت في الضربات",
            ),
            (
                "وقالت مصادر ميدانية بمحافظة تعز إن الحوثيين قتلوا أحد عناصرهم.",
                "مصادر ميدانية بمحافظة تعز",
                "الحوثيين قتلوا أحد عناصرهم",
            ),
            ("وكشف مصدر مطلع على التفاصيل أن الوثائق تحوي معلومات.", "مصدر مطلع على التفاصيل", "الوثائق تحوي معلومات"),
            (
                "وقال متحدث باسم السفارة الفرنسية في تل أبيب: \"نأخذ القضية على محمل الجد\".",
                "متحدث باسم السفارة الفرنسية في تل أبيب",
                "نأخذ القضية على محمل الجد",
            ),
            // a medium named after the listener's ل is no speaker and no content
            (
                "وقال مصدر مطلع على التحقيقات لوكالة \"برس أسوسيشن\": \"نعرف المشتبه بهم\".",
                "مصدر مطلع على التحقيقات",
                "نعرف المشتبه بهم",
            ),
            ("وقال ترمب لصحيفة \"صن\" إن الخطة ستقتل الاتفاق.", "ترمب", "الخطة ستقتل الاتفاق"),
            // the source after نقل … عن speaks, past a comma, without what describes it
            (
                "ونقلت وكالة الحوثيين، عن مصدر قضائي بالنيابة العامة أن القضايا صنفت.",
                "مصدر قضائي بالنيابة العامة",
                "القضايا صنفت",
            ),
            ("ونقل التقرير عن مصادر لم يسمها القول إن القادة يفكرون في الهرب.", "مصادر", "القادة يفكرون في الهرب"),
        ] {
            let (speaker, got) = only_report(text);
            assert_eq!(speaker.as_deref(), Some(want), "{text}");
            assert_eq!(got, content, "{text}");
        }
        // a definite head keeps no ب-phrase: it is what the verb governs
        let r = reports("ورحب الرئيس الأميركي بالخطاب ورأى فيه نهاية للخلاف.");
        assert_eq!(r[0].0.as_deref(), Some("الرئيس الأميركي"), "{r:?}");
        // and a ل that says whose the office is names no listener (الأمين العام للأمم المتحدة)
        let r = reports("وقال الأمين العام للأمم المتحدة أنطونيو غوتيريس إن الوضع خطير.");
        assert_eq!(r[0].0.as_deref(), Some("أنطونيو غوتيريس"), "{r:?}");
    }

    #[test]
    fn a_subject_is_marked_past_asides_before_its_content() {
        for (text, want) in [
            ("وقال الحوثيون، الذين هددوا بإغلاق المضيق، الأسبوع الماضي إنهم يملكون القدرة.", "الحوثيون"),
            ("وخلصت وكالات الاستخبارات الأمريكية عام 2016 إلى أن التدخل الروسي كان السبب.", "وكالات الاستخبارات الأمريكية"),
            ("وأشارت المجلة العريقة إلى أن مسؤولي النادي أجروا اتصالات.", "المجلة العريقة"),
        ] {
            assert_eq!(only_report(text).0.as_deref(), Some(want), "{text}");
        }
        // after a verb of an act the phrase before إلى is its object
        let r = reports("والدين يدعو الإنسان إلى أن يرعى حق جاره.");
        assert!(r.iter().all(|q| q.0.as_deref() != Some("الإنسان")), "{r:?}");
    }

    #[test]
    fn an_office_says_whose_it_is_through_a_construct() {
        for (text, want) in [
            ("وقال المكتب الإعلامي لمنطقة روستوف في بيان إن الشرطة تلقت تهديدات.", "المكتب الإعلامي لمنطقة روستوف"),
            (
                "وذكر المكتب الصحفي لرئيس الوزراء اللبناني أنه تلقى دعوة لزيارة المملكة.",
                "المكتب الصحفي لرئيس الوزراء اللبناني",
            ),
            // a name of a body that opens with no kind of body is the listener
            ("وقال المتحدث لفوكس نيوز إن الوضع خطير.", "المتحدث"),
        ] {
            assert_eq!(only_report(text).0.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn withholding_a_name_or_a_comment_is_no_report() {
        // the subject stands before the aside that withholds its name
        let r = reports("لكن مسؤولا حكوميا، رفض الكشف عن هويته، قال لوكالة رويترز: \"أقال الشاهد وزير الداخلية\".");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!((r[0].0.as_deref(), r[0].1.as_str()), (Some("مسؤولا حكوميا"), "قال"), "{r:?}");
        // a source's aside after عن is no source: the one before it speaks
        let (speaker, _) =
            only_report("ونقلت وكالة فرانس برس عن مسؤول تركي، لم تكشف عن هويته، قوله إن بومبيو اطلع على التسجيل.");
        assert_eq!(speaker.as_deref(), Some("مسؤول تركي"));
        for text in ["ورفض المتحدث التعليق على التقارير.", "وطلب المصدر عدم الكشف عن اسمه لأنه غير مخول."]
        {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
        // revealing something is a report all the same
        assert_eq!(reports("وأكد الجيش الكشف عن خلية إرهابية في المدينة.").len(), 1);
    }

    #[test]
    fn a_marker_of_another_report_further_on_leaves_the_object_its_content() {
        let r = reports("أعلن الرئيس الأمريكي، دونالد ترامب، الثلاثاء، انسحاب بلاده من الاتفاق، مؤكدا أن العقوبات ستعود.");
        assert_eq!(r[0].3, "انسحاب بلاده من الاتفاق", "{r:?}");
        let r = reports("أعلنت وزارة الداخلية، الأحد، عن عدم وجود حسابات للأئمة، وقالت إن الحسابات مزورة.");
        assert_eq!(r[0].3, "عن عدم وجود حسابات للأئمة", "{r:?}");
        // but عن after قال says what about, and after صادر whose it is
        let r = reports("وقال الوزير عن الاتفاق إنه جيد، مؤكدا أن العمل مستمر.");
        assert_eq!(r[0].3, "إنه جيد", "{r:?}");
        let r = reports("وذكر تقرير صادر عن المنظمة أن الوظائف ستزيد.");
        assert_eq!(r[0].3, "الوظائف ستزيد", "{r:?}");
    }

    #[test]
    fn an_attribution_through_a_verb_with_its_pronoun_names_who_stated_it() {
        for (text, want) in [
            ("وبحسب ما نقلته وكالة الأنباء الرسمية، فإن الجنود الأربعة قتلوا.", "وكالة الأنباء الرسمية"),
            ("ووفق ما ذكره المتحدث باسم الجيش، فإن الهجوم فشل.", "المتحدث باسم الجيش"),
            ("وحسب ما نشر من التحقيقات فإن المتهمة اعترفت بالواقعة.", "التحقيقات"),
        ] {
            let r = reports(text);
            assert_eq!(r.first().and_then(|q| q.0.as_deref()), Some(want), "{text} {r:?}");
        }
    }
}
