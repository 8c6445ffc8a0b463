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
use crate::attribution::entity_at;
use crate::entities::EntityRec;
use crate::lexicon::{CueRole as Role, CUES};
use crate::{Doc, SourceRec, Span};
use khabar_model::{EntityType, QuoteKind};
use khabar_ner::triggers::TITLES;
use khabar_text::clitic::proclitic_splits;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::quotes::{quote_pairs, QuotePair};
use khabar_text::token::TokenKind;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRec {
    pub speaker: Option<SourceRec>,
    pub cue: Span,
    pub kind: QuoteKind,
    pub span: Span,
}

/// Words after a cue that are not its subject: time words, prepositions that open adverbials.
static ADVERBIAL: Lazy = lexicon!("adverbial");
/// Words that end a speaker phrase.
static SPEAKER_STOP: Lazy = lexicon!("speaker_stop");
const SUBJECT_MARKERS: &[&str] = &["انه", "انها", "انهم", "انهما", "انهن", "بانه", "بانها", "بانهم", "بانهن"];

/// The cue role of a token and the proclitic letters on it (وقال → say, 1).
fn role(t: &khabar_text::token::Token) -> Option<(Role, usize)> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    CUES.find_map(&t.norm, |c| c.role)
}

fn is_open_quote(t: &khabar_text::token::Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.norm.as_str(), "\"" | "«" | "“" | "„")
}

/// Nouns that head a speaker who is described rather than named (مصدر عسكري، مسؤولون،
/// المتحدث باسم…, شهود) — a phrase after a cue is its subject only if it names an entity or
/// starts with one of these or a title; otherwise it is what was said (ووصف الدعوات…).
static SPEAKER_HEADS: Lazy = lexicon!("speaker_heads");

/// Definite heads that take a ل-complement naming whose they are.
static OF_WHOM: Lazy = lexicon!("of_whom");

fn is_speaker_head(doc: &Doc, i: usize) -> bool {
    let w = doc.analysis(i).word.as_str();
    SPEAKER_HEADS.contains(w) || TITLES.contains(w)
}

/// The speaker phrase from token `i`: an entity mention starting there, else a noun phrase of up
/// to six words. `None` when what follows is no subject (a date, a preposition, the content).
fn speaker_at(doc: &Doc, entities: &[EntityRec], i: usize, limit: usize) -> Option<Range<usize>> {
    let toks = &doc.tokens;
    if i >= limit || toks[i].kind != TokenKind::Arabic {
        return None;
    }
    let first = doc.analysis(i);
    if first.prep.is_some()
        || SPEAKER_STOP.contains(toks[i].norm.as_str())
        || ADVERBIAL.contains(toks[i].norm.as_str())
        || role(&toks[i]).is_some()
    {
        return None;
    }
    // an entity mention that starts here, with the words that describe it before (الناطق
    // باسم الكرملين ديمتري بيسكوف) when they run into it
    let mut k = i;
    while k < limit && k < i + 8 {
        let t = &toks[k];
        if t.kind != TokenKind::Arabic && !(t.kind == TokenKind::Word) {
            break;
        }
        let a = doc.analysis(k);
        // مسؤول بالبيت الأبيض، مراسل بي بي سي: a described speaker may say where it is from;
        // القيادة العامة للقوات المسلحة: a command, a body or an office says whose it is
        let from_where = (a.prep == Some('ب') && a.article && k == i + 1 && is_speaker_head(doc, i))
            || (a.prep == Some('ل') && a.article && k <= i + 2 && OF_WHOM.contains(&doc.analysis(i).word));
        if k > i
            && !from_where
            && (SPEAKER_STOP.contains(t.norm.as_str()) && t.norm != "من"
                || (a.prep.is_some() && t.norm != "باسم")
                || a.conj.is_some()
                || ADVERBIAL.contains(t.norm.as_str())
                || role(t).is_some_and(|r| r.0 == Role::Part))
        {
            break;
        }
        if k > i && (t.norm == "من" || crate::entities::RELATIONAL.contains(&t.norm)) {
            break;
        }
        k += 1;
    }
    // prefer ending at the end of an entity mention inside the phrase
    let span = toks[i].start..toks[k - 1].end;
    let ends: Vec<usize> = entities
        .iter()
        .flat_map(|e| e.mentions.iter())
        .filter(|m| m.span.start >= span.start && m.span.end <= span.end)
        .map(|m| m.span.end)
        .collect();
    let mut out = if let Some(&end) = ends.iter().max() {
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
        i..k.min(i + 6)
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
        if crate::entities::name_like(doc, k, true) {
            let start = k;
            k += 1;
            while k < to && k < start + 4 && crate::entities::name_like(doc, k, false) {
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
fn colon_report(doc: &Doc, entities: &[EntityRec], pairs: &[QuotePair], sent: &Range<usize>) -> Option<QuoteRec> {
    let toks = &doc.tokens;
    let colon = (sent.start + 1..sent.end.min(sent.start + 6)).find(|&k| toks[k].is_punct(':'))?;
    let before = toks[colon - 1].end;
    let (e, m) = entities.iter().enumerate().find_map(|(i, e)| {
        if !matches!(e.kind, EntityType::Per | EntityType::Org) {
            return None;
        }
        e.mentions
            .iter()
            .find(|m| m.span.end == before && m.span.start >= toks[sent.start].start)
            .map(|m| (i, m.span.clone()))
    })?;
    // nothing but the name (a conjunction glued to it aside) before the colon
    if (sent.start..colon).any(|k| toks[k].is_word() && toks[k].end <= m.start) {
        return None;
    }
    let from = colon + 1;
    if from >= sent.end {
        return None;
    }
    let (span, kind) = match pairs.iter().find(|p| p.open == toks[from].start) {
        Some(p) if is_open_quote(&toks[from]) && toks[sent.end - 1].end <= p.close + p.close_len + 2 => {
            (p.inner(), QuoteKind::Direct)
        }
        _ => {
            let end = content_end(doc, from, sent.end);
            let span = toks[from].start..toks[end.max(from + 1) - 1].end;
            let quoted = pairs.iter().any(|p| p.open >= span.start && p.close < span.end);
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

/// A named subject right before the cue (up to two words between: a time word, قد): the
/// entity mention that ends there.
fn subject_before(doc: &Doc, entities: &[EntityRec], floor: usize, cue: usize) -> Option<(Span, Option<usize>)> {
    let toks = &doc.tokens;
    let mut k = cue;
    let mut skipped = 0;
    while k > floor && skipped < 2 && (ADVERBIAL.contains(toks[k - 1].norm.as_str()) || toks[k - 1].norm == "قد") {
        k -= 1;
        skipped += 1;
    }
    if k == floor {
        return None;
    }
    let end = toks[k - 1].end;
    let found = entities.iter().enumerate().find_map(|(i, e)| {
        e.mentions
            .iter()
            .find(|m| m.span.end == end || (m.span.end < end && is_trailing_adjectives(doc, m.span.end, k)))
            .map(|m| (m.span.clone(), i))
    });
    if let Some((span, e)) = found {
        return Some((span, Some(e)));
    }
    // a name the tagger missed: two or three name-like words right before the verb
    let mut start = k;
    while start > floor && start + 3 > k && crate::entities::name_like(doc, start - 1, false) {
        start -= 1;
    }
    (k >= start + 2 && crate::entities::name_like(doc, start, true)).then(|| (doc.span(start..k), None))
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

/// Where the content of a report starts, scanning from token `i`: (first token of the content,
/// whether it began at a marker). Returns `None` when no marker comes within reach.
fn content_start(doc: &Doc, i: usize, limit: usize) -> Option<usize> {
    content_start_with(doc, i, limit, true)
}

/// [`content_start`]; with `quote_ok` false a quotation mark is not a marker (after a
/// participle, مؤكدة اعتقال "الجاني" quotes a word of the content).
fn content_start_with(doc: &Doc, i: usize, limit: usize, quote_ok: bool) -> Option<usize> {
    let toks = &doc.tokens;
    // a speaker may carry a long apposition between commas before the content
    for k in i..limit.min(i + 28) {
        let t = &toks[k];
        let n = t.norm.as_str();
        // a quotation opens the content right away, or after an adverbial phrase (في خطاب
        // متلفز، لفرانس برس في باريس); elsewhere it quotes words inside the content
        if is_open_quote(t) && quote_ok {
            let lead = &toks[i];
            let adverbial = k == i
                || matches!(lead.norm.as_str(), "في" | "خلال" | "امام" | "عبر")
                || ADVERBIAL.contains(lead.norm.as_str())
                || doc.analysis(i).prep == Some('ل')
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

/// Where the content ends: the sentence end, before a trailing attribution or a participle cue
/// after a comma.
fn content_end(doc: &Doc, from: usize, sent_end: usize) -> usize {
    let toks = &doc.tokens;
    for k in from + 1..sent_end {
        let t = &toks[k];
        if let Some((r, letters)) = role(t) {
            let after_comma = k > 0 && matches!(toks[k - 1].norm.as_str(), "،" | ",");
            // وقال … after the content opens a report of its own
            let new_report =
                matches!(r, Role::Say | Role::Act) && letters > 0 && t.norm.starts_with('و') && k > from + 2;
            if r == Role::Attr && k > from + 2 || (r == Role::Part && after_comma) || new_report {
                return if after_comma { k - 1 } else { k };
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

fn pair_at(pairs: &[QuotePair], byte: usize) -> Option<&QuotePair> {
    pairs.iter().find(|p| p.open == byte)
}

pub fn extract(doc: &Doc, entities: &[EntityRec]) -> Vec<QuoteRec> {
    let toks = &doc.tokens;
    let pairs = quote_pairs(doc.text);
    let mut out: Vec<QuoteRec> = Vec::new();
    let mut last_speaker: Option<(Span, Option<usize>)> = None;
    let mut covered_until = 0usize; // byte offset up to which a direct quote already took the text
    for sent in &doc.sentences {
        let mut i = sent.start;
        let has_qawl = |from: usize| (from..sent.end).any(|k| role(&toks[k]).is_some_and(|r| r.0 == Role::Qawl));
        let say_in_sentence = toks[sent.clone()]
            .iter()
            .any(|t| role(t).is_some_and(|r| matches!(r.0, Role::Say | Role::Act | Role::Qawl | Role::Part)));
        // أردوغان: وصلنا للنهاية — a named speaker and a colon
        if let Some(q) = colon_report(doc, entities, &pairs, sent) {
            if q.span.start >= covered_until {
                last_speaker = q.speaker.as_ref().map(|s| (s.span.clone(), s.entity));
                covered_until = covered_until.max(q.span.end);
                out.push(q);
            }
        }
        while i < sent.end {
            let t = &toks[i];
            if t.start < covered_until {
                i += 1;
                continue;
            }
            let Some((r, letters)) = role(t) else {
                i += 1;
                continue;
            };
            let cue = doc.start_after_clitic(i, letters)..t.end;
            let mut speaker: Option<(Span, Option<usize>)> = None;
            let mut content_from: Option<usize>;
            match r {
                Role::Say | Role::Act => {
                    // نقلت الوكالة عن المسؤول قوله: the inner report is the one
                    if has_qawl(i + 1) {
                        i += 1;
                        continue;
                    }
                    // the speaker after the verb, past adverbials of time
                    let mut s = i + 1;
                    while s < sent.end
                        && (ADVERBIAL.contains(toks[s].norm.as_str()) || matches!(toks[s].norm.as_str(), "،" | ","))
                    {
                        s += 1;
                    }
                    let phrase = speaker_at(doc, entities, s, sent.end);
                    // نقل الموقع عن مصدر ميداني أن …: whoever carries it, the source after عن speaks
                    let via = phrase
                        .as_ref()
                        .map(|p| p.end)
                        .filter(|&e| e < sent.end && toks[e].norm == "عن" && doc.analysis(i).word.starts_with("نقل"));
                    if let Some(e) = via {
                        s = e;
                    } else if let Some(sp) = phrase {
                        let span = doc.span(sp.clone());
                        let entity = entity_at(entities, &span);
                        // a phrase followed by the content's marker is the subject whatever it is
                        // (وقالت إحدى الممثلات إنهن …); without one it may be the object (ووصف الدعوات)
                        let marked = content_start(doc, sp.end, sent.end).is_some_and(|c| {
                            // right after it, or after a listener or a place (لفرانس برس في باريس)
                            c <= sp.end + 1
                                || (c <= sp.end + 7 && sp.end < sent.end && {
                                    let n = &toks[sp.end];
                                    doc.analysis(sp.end).prep == Some('ل')
                                        || matches!(n.norm.as_str(), "في" | "خلال" | "امام" | "عبر")
                                        || ADVERBIAL.contains(n.norm.as_str())
                                })
                        });
                        if entity.is_some() || is_speaker_head(doc, sp.start) || marked {
                            speaker = Some((span, entity));
                            s = sp.end;
                            // a name further on before the content (المعارض … المقيم في فرنسا مختار أبليازوف;
                            // المتحدث باسم الحكومة البريطانية إدوين سموأل)
                            // (only for a description: an organization that speaks keeps the floor)
                            let titled = is_speaker_head(doc, sp.start);
                            if entity.is_none()
                                || (titled && entity.is_some_and(|e| entities[e].kind != EntityType::Per))
                            {
                                let reach = content_start(doc, s, sent.end).unwrap_or(s + 6).min(sent.end);
                                let named = entities.iter().position(|e| {
                                    e.kind == EntityType::Per
                                        && e.mentions.iter().any(|m| {
                                            m.span.start >= toks[s.min(toks.len() - 1)].start
                                                && m.span.end <= toks[reach.max(s + 1).min(toks.len()) - 1].end
                                        })
                                });
                                if let Some(e) = named {
                                    let m = entities[e]
                                        .mentions
                                        .iter()
                                        .find(|m| m.span.start >= toks[s.min(toks.len() - 1)].start)
                                        .map(|m| m.span.clone());
                                    if let Some(mut m) = m {
                                        // and the rest of the name the tagger left out (جيف | سيشنز)
                                        let mut k = (s..sent.end).find(|&k| toks[k].start >= m.end).unwrap_or(sent.end);
                                        while k < sent.end && k < reach && crate::entities::name_like(doc, k, false) {
                                            m.end = toks[k].end;
                                            k += 1;
                                        }
                                        speaker = Some((m.clone(), Some(e)));
                                        s = k;
                                    }
                                } else if let Some(run) = name_run_before(doc, s, reach) {
                                    // or a name the tagger missed, right before the content
                                    speaker = Some((doc.span(run.clone()), None));
                                    s = run.end;
                                }
                            }
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
                        if let Some(sp) = speaker_at(doc, entities, s + 1, sent.end) {
                            let span = doc.span(sp.clone());
                            speaker = Some((span.clone(), entity_at(entities, &span)));
                            s = sp.end;
                        }
                    }
                    if speaker.is_none() && letters == 0 {
                        // the subject before the verb: لكن الرئيس الصيني شي جينبينغ أشاد، وكالة بيلتا نقلت
                        // (a verb with و and no subject continues the report before: وقال إنها …)
                        speaker = subject_before(doc, entities, sent.start, i);
                    }
                    content_from = content_start(doc, s, sent.end);
                    // أفاد المصدر بمقتل 30: a ب-complement right after the speaker
                    let mut c = s;
                    while c < sent.end
                        && (ADVERBIAL.contains(toks[c].norm.as_str()) || matches!(toks[c].norm.as_str(), "،" | ","))
                    {
                        c += 1;
                    }
                    if c < sent.end
                        && speaker.is_some()
                        && doc.analysis(c).prep == Some('ب')
                        && !matches!(toks[c].norm.as_str(), "بيان" | "ببيان" | "باسم")
                        && !SPEAKER_STOP.contains(toks[c].norm.as_str())
                        && content_from.is_none_or(|f| f > c + 2)
                    {
                        content_from = Some(c);
                    }
                    // أعلنت الوزارة، الجمعة، تفاصيل مقتل …: an object right after the speaker
                    if content_from.is_none()
                        && r == Role::Say
                        && speaker.is_some()
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
                    if content_from.is_none() && r == Role::Act {
                        // دعا X إلى …، حذر X من …، نفى X …
                        let mut c = s;
                        while c < sent.end
                            && (ADVERBIAL.contains(toks[c].norm.as_str())
                                || matches!(toks[c].norm.as_str(), "الي" | "من" | "،" | ","))
                        {
                            c += 1;
                        }
                        content_from = Some(c);
                    }
                    if content_from.is_none() && r == Role::Say && speaker.is_none() {
                        // أكد الجمعة إعادة النظام: the content follows the adverbials
                        content_from = Some(s);
                    }
                }
                Role::Part => {
                    content_from = content_start_with(doc, i + 1, sent.end, false).or(Some(i + 1));
                }
                Role::Qawl => {
                    // عن X قوله
                    if let Some(an) = (sent.start..i).rev().find(|&k| toks[k].norm == "عن") {
                        // عن مسؤولين أمريكيين، لم تسمهم، قولهم: the source ends at a comma
                        let end = (an + 1..i).find(|&k| matches!(toks[k].norm.as_str(), "،" | ",")).unwrap_or(i);
                        if an + 1 < end {
                            let span = doc.span(an + 1..end);
                            speaker = Some((span.clone(), entity_at(entities, &span)));
                        }
                    }
                    content_from = content_start(doc, i + 1, sent.end).or(Some(i + 1));
                }
                Role::Attr if i <= sent.start + 1 => {
                    // وبحسب الشرطة، فإن …؛ ووفقا لمشروع القانون ستعتقل …: the source first
                    let mut s = i + 1;
                    while s < sent.end && matches!(toks[s].norm.as_str(), "ل" | "عن" | "ما") {
                        s += 1;
                    }
                    let Some(sp) = speaker_at(doc, entities, s, sent.end).or_else(|| {
                        // وفقا لمشروع القانون: the source is glued to ل
                        (s < sent.end && doc.analysis(s).prep == Some('ل')).then(|| {
                            let mut e = s + 1;
                            while e < sent.end
                                && e < s + 4
                                && toks[e].kind == TokenKind::Arabic
                                && toks[e].norm.starts_with("ال")
                            {
                                e += 1;
                            }
                            s..e
                        })
                    }) else {
                        i += 1;
                        continue;
                    };
                    let first =
                        doc.start_after_clitic(sp.start, if doc.analysis(sp.start).prep == Some('ل') { 1 } else { 0 });
                    let span = first..toks[sp.end - 1].end;
                    speaker = Some((span.clone(), entity_at(entities, &span)));
                    let mut c = sp.end;
                    while c < sent.end
                        && (matches!(toks[c].norm.as_str(), "،" | "," | "فان" | "فقد" | "فانه" | "فانها")
                            || toks[c].is_punct(':'))
                    {
                        c += 1;
                    }
                    content_from = Some(c);
                }
                Role::Attr => {
                    // an attribution after a fact, when no verb of saying already reports it
                    if say_in_sentence {
                        i += 1;
                        continue;
                    }
                    let mut s = i + 1;
                    while s < sent.end && matches!(toks[s].norm.as_str(), "ل" | "عن" | "ما") {
                        s += 1;
                    }
                    if let Some(sp) = speaker_at(doc, entities, s, sent.end) {
                        let span = doc.span(sp.clone());
                        let entity = entity_at(entities, &span);
                        let mut e = i;
                        while e > sent.start + 1 && matches!(toks[e - 1].norm.as_str(), "،" | ",") {
                            e -= 1;
                        }
                        let first = (sent.start..e).find(|&k| toks[k].kind != TokenKind::Punct).unwrap_or(sent.start);
                        if e > first + 2 {
                            out.push(QuoteRec {
                                speaker: Some(SourceRec { span, entity }),
                                cue,
                                kind: QuoteKind::Indirect,
                                span: toks[first].start..toks[e - 1].end,
                            });
                        }
                    }
                    i += 1;
                    continue;
                }
            }
            // no subject: a person named earlier in the sentence (وخرجت يوليا … ولكنها قالت)
            // before the speaker of the report before
            let speaker = speaker.or_else(|| {
                let here = toks[sent.start].start..toks[i].start;
                entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.kind == EntityType::Per)
                    .flat_map(|(k, e)| {
                        e.mentions
                            .iter()
                            .filter(|m| m.span.start >= here.start && m.span.end <= here.end)
                            .map(move |m| (m.span.clone(), k))
                    })
                    .max_by_key(|(sp, _)| sp.end)
                    .map(|(sp, k)| (sp, Some(k)))
                    .filter(|_| r != Role::Part)
            });
            let speaker = speaker.or_else(|| last_speaker.clone());
            let Some(from) = content_from.filter(|&c| c < sent.end) else {
                i += 1;
                continue;
            };
            // a quotation that opens the content may run past the sentence
            let (span, kind, next) = match pair_at(&pairs, toks[from].start) {
                Some(p) if is_open_quote(&toks[from]) => {
                    let inner = p.inner();
                    let close_tok = (from..toks.len()).find(|&k| toks[k].start >= p.close).unwrap_or(toks.len());
                    // direct when nothing of the report follows the closing mark
                    let rest_end = content_end(doc, close_tok, sent.end.max(close_tok + 1));
                    let words_after = (close_tok + 1..rest_end.min(toks.len())).filter(|&k| toks[k].is_word()).count();
                    if words_after == 0 {
                        covered_until = p.close;
                        (inner, QuoteKind::Direct, close_tok + 1)
                    } else {
                        let end = content_end(doc, from, sent.end);
                        (toks[from].start..toks[end - 1].end, QuoteKind::Partial, end)
                    }
                }
                _ => {
                    let mut end = content_end(doc, from, sent.end);
                    // a paraphrased act is a clause: it ends at its first comma
                    if r == Role::Act {
                        if let Some(k) = (from + 6..end).find(|&k| matches!(toks[k].norm.as_str(), "،" | ",")) {
                            end = k;
                        }
                    }
                    if end <= from {
                        i += 1;
                        continue;
                    }
                    let span = toks[from].start..toks[end - 1].end;
                    let quoted = pairs.iter().any(|p| p.open >= span.start && p.close < span.end);
                    (span, if quoted { QuoteKind::Partial } else { QuoteKind::Indirect }, end)
                }
            };
            if span.is_empty() || doc.text[span.clone()].split_whitespace().count() < 2 {
                i += 1;
                continue;
            }
            out.push(QuoteRec {
                speaker: speaker.as_ref().map(|s| SourceRec { span: s.0.clone(), entity: s.1 }),
                cue,
                kind,
                span,
            });
            if speaker.is_some() {
                last_speaker = speaker;
            }
            // a report inside the content (قالت الصحيفة إن الممثلة … أضافت: …) is read too;
            // quotations already taken stay skipped
            i = if kind == QuoteKind::Direct { next.max(i + 1) } else { from.max(i + 1) };
        }
    }
    out
}

/// The quotes component.
pub struct Quotes;

impl crate::pipeline::Component for Quotes {
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
}
