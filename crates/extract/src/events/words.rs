//! The events' word lists (`data/event_*.tsv`, `data/nationalities.tsv`, `data/countries.tsv`)
//! and the look-ups that read a token against them.
use khabar_model::{ActorRole, EventStatus, EventType};
use khabar_text::clitic::proclitic_splits;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// One line of `event_triggers.tsv` (or one form of a verb line's paradigm).
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerWord {
    pub kind: EventType,
    pub mode: Option<&'static str>,
    /// A verb (else a noun: a verbal noun or an event noun).
    pub verb: bool,
    /// The words one of which must follow (إطلاق النار, not إطلاق سراح); empty for any.
    pub next: Vec<&'static str>,
    /// The line's word: a verb's perfect stem for every form of its paradigm, else the form.
    pub lemma: &'static str,
}

/// The trigger list: each form with the words it stands for, the forms of a verb line made by
/// [`paradigm`]. A form written on its own line comes before the same form made by a paradigm
/// (and a paradigm form of a type the form already has is not added twice).
pub struct Triggers {
    forms: FxHashMap<String, Vec<TriggerWord>>,
}

impl TriggerWord {
    /// The columns after a line's word: the word (its `lemma`) is filled in by the caller; the
    /// flag says the word is a verb's perfect stem (`V`), standing for its [`paradigm`].
    fn parse(tag: &'static str) -> Option<(TriggerWord, bool)> {
        let mut cols = tag.split('\t');
        let kind = cols.next()?.parse().ok()?;
        let mode = cols.next().filter(|m| *m != "-");
        let (verb, stem) = match cols.next()? {
            "v" => (true, false),
            "n" => (false, false),
            "V" => (true, true),
            _ => return None,
        };
        let next = match cols.next()? {
            "-" => Vec::new(),
            list => list.split(',').collect(),
        };
        cols.next().is_none().then_some((TriggerWord { kind, mode, verb, next, lemma: "" }, stem))
    }
}

impl Triggers {
    /// The list's lines, read as every word list is ([`lexicon::Lexicon`]: a line it cannot read
    /// is a defect of the embedded file, named by the panic), then the verb lines' paradigms.
    fn parse(text: &'static str) -> Triggers {
        let lines = lexicon::Lexicon::tagged("event_triggers", text, TriggerWord::parse);
        let mut forms: FxHashMap<String, Vec<TriggerWord>> = FxHashMap::default();
        let mut paradigms = Vec::new();
        for word in lines.iter() {
            for (tw, stem) in lines.tags(word) {
                let tw = TriggerWord { lemma: word, ..tw.clone() };
                if *stem {
                    paradigms.push((word, tw));
                } else {
                    forms.entry(word.to_string()).or_default().push(tw);
                }
            }
        }
        for (stem, tw) in paradigms {
            for form in paradigm(stem) {
                let entry = forms.entry(form).or_default();
                if !entry.iter().any(|w| w.kind == tw.kind) {
                    entry.push(tw.clone());
                }
            }
        }
        Triggers { forms }
    }

    /// The words a form stands for, in the list's order.
    pub fn tags(&self, form: &str) -> &[TriggerWord] {
        self.forms.get(form).map_or(&[], Vec::as_slice)
    }

    /// How many forms the list has, its paradigms made.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// The forms of a verb from its perfect stem (normalized spelling, so unvocalized: the passive
/// is written as the active): the perfect with the subject endings of the third person and of
/// "we" (قصف، قصفت، قصفوا، قصفا، قصفتا، قصفنا), and the imperfect with its prefixes and the
/// endings of the plural, the dual and the subjunctive plural (يقصف، تقصف، نقصف، يقصفون،
/// يقصفوا، يقصفان…). The imperfect of a stem that begins with a connecting alef drops it
/// (اعتقل → يعتقل, استهدف → يستهدف, أحرق → يحرق); a weak final letter (اعتدى) is not handled,
/// so such verbs are listed form by form. Written by hand: no crate conjugates Arabic verbs.
pub fn paradigm(perfect: &str) -> Vec<String> {
    let imperfect = perfect.strip_prefix('ا').filter(|s| s.chars().count() >= 3).unwrap_or(perfect);
    let mut out = vec![perfect.to_string()];
    for ending in ["ت", "وا", "ا", "تا", "نا"] {
        out.push(format!("{perfect}{ending}"));
    }
    for prefix in ['ي', 'ت', 'ن'] {
        for ending in ["", "ون", "وا", "ان"] {
            out.push(format!("{prefix}{imperfect}{ending}"));
        }
    }
    out
}

pub static TRIGGERS: std::sync::LazyLock<Triggers> = std::sync::LazyLock::new(|| {
    Triggers::parse(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/event_triggers.tsv")))
});
/// Actors' head nouns and their roles.
pub static ROLES: Lazy<ActorRole> = lexicon!("event_roles", |t| t.parse().ok());
/// Nationality adjectives → ISO alpha-3.
pub static NATIONALITIES: Lazy<&'static str> = lexicon!("nationalities", |t| (t.len() == 3).then_some(t));
/// ISO alpha-2 → alpha-3.
pub static COUNTRIES: Lazy<&'static str> = lexicon!("countries", |t| (t.len() == 3).then_some(t));
/// Words before a trigger that make it other than asserted.
pub static STATUS: Lazy<EventStatus> = lexicon!("event_status", |t| t.parse().ok());
/// Words of fields where event words mean something else (sport, economy…).
pub static CONTEXT: Lazy<&'static str> = lexicon!("event_context", Some);
/// Adjectives of an event noun (غارات جوية).
pub static MODIFIERS: Lazy = lexicon!("event_modifiers");

/// The fields in which a sentence's event words are no events.
pub const VETO_FIELDS: [&str; 4] = ["sport", "culture", "tech", "disaster"];

/// Pronoun suffixes taken off a trigger word (اعتقالهم، تدميرهم، أجبروهم), longest first.
const PRONOUNS: [&str; 5] = ["هما", "هم", "هن", "ها", "ه"];

/// A trigger word found in a token.
#[derive(Debug, Clone)]
pub struct Found {
    pub word: &'static TriggerWord,
    /// The form the list has (without clitics, article or pronoun).
    pub form: String,
    /// Proclitic letters before the form's word (its span starts after them).
    pub letters: usize,
    /// The token carries the future prefix س (ستعتقل).
    pub future: bool,
}

/// The forms of a word without its conjunction and preposition: as written, without the article,
/// without a pronoun suffix, and a verb without the future prefix; each with that future flag.
fn forms(rest: &str, mut f: impl FnMut(&str, bool) -> bool) -> bool {
    if f(rest, false) {
        return true;
    }
    let bare = rest.strip_prefix("ال").filter(|b| b.chars().count() >= 3);
    if let Some(b) = bare {
        if f(b, false) {
            return true;
        }
    }
    for base in [Some(rest), bare].into_iter().flatten() {
        for p in PRONOUNS {
            if let Some(stem) = base.strip_suffix(p).filter(|s| s.chars().count() >= 3) {
                if f(stem, false) {
                    return true;
                }
                // أجبروهم: the plural's alef is dropped before a pronoun
                if stem.ends_with('و') && f(&format!("{stem}ا"), false) {
                    return true;
                }
                // حملته، مسيرتهم: a feminine noun's ة is written ت before a pronoun
                if let Some(fem) = stem.strip_suffix('ت').filter(|s| s.chars().count() >= 3) {
                    if f(&format!("{fem}ه"), false) {
                        return true;
                    }
                }
            }
        }
    }
    // حصارا، قصفا: a noun's indefinite accusative ending
    for base in [Some(rest), bare].into_iter().flatten() {
        if let Some(stem) = base.strip_suffix('ا').filter(|s| s.chars().count() >= 3) {
            if f(stem, false) {
                return true;
            }
        }
    }
    // ستعتقل، سنلاحقهم: the future prefix before an imperfect verb
    if let Some(v) = rest.strip_prefix('س').filter(|v| v.starts_with(['ي', 'ت', 'ن', 'ا']) && v.chars().count() >= 3)
    {
        if f(v, true) {
            return true;
        }
    }
    false
}

/// Whether token `next` is one of `words` (with its conjunction or preposition off).
fn next_is(next: Option<&Token>, words: &[&str]) -> bool {
    let Some(t) = next else { return false };
    proclitic_splits(&t.norm).any(|(_, r)| words.contains(&r.as_ref()))
}

/// The trigger word in `toks[i]`, if any, whose required next word (if it has one) follows:
/// every grammatical split of its proclitics tried.
pub fn trigger_at(toks: &[Token], i: usize) -> Option<Found> {
    if toks[i].kind != TokenKind::Arabic {
        return None;
    }
    trigger_in(toks, i, proclitic_splits(&toks[i].norm))
}

/// [`trigger_at`] for a token whose clitic analysis is known (the pipeline's, computed once per
/// token): its word without conjunction and preposition only; a future prefix the analysis took
/// off marks the verb future.
pub fn trigger_analyzed(toks: &[Token], i: usize, a: &khabar_text::clitic::OwnedAnalysis) -> Option<Found> {
    if toks[i].kind != TokenKind::Arabic {
        return None;
    }
    let mut f = trigger_in(toks, i, std::iter::once((a.clitic_letters, Cow::Borrowed(a.word.as_str()))))?;
    f.future |= a.prep == Some('س');
    Some(f)
}

fn trigger_in<'a>(toks: &[Token], i: usize, splits: impl Iterator<Item = (usize, Cow<'a, str>)>) -> Option<Found> {
    // the next word, past a quotation mark (ألقت "القبض)
    let next = toks[i + 1..].iter().take(2).find(|x| x.kind != TokenKind::Punct || !x.is_punct('"'));
    let mut found = None;
    for (letters, rest) in splits {
        let hit = forms(&rest, |form, future| {
            let list: &'static Triggers = &TRIGGERS;
            match list.tags(form).iter().find(|w| w.next.is_empty() || next_is(next, &w.next)) {
                Some(word) => {
                    found = Some(Found { word, form: form.to_string(), letters, future });
                    true
                }
                None => false,
            }
        });
        if hit {
            return found;
        }
    }
    None
}

/// A nationality adjective's country (الروسية، الأمريكيين، أميركيان → RUS, USA).
pub fn nationality(t: &Token) -> Option<&'static str> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    for (_, rest) in proclitic_splits(&t.norm) {
        let w = rest.strip_prefix("ال").unwrap_or(&rest);
        let mut tries: Vec<Cow<str>> = vec![Cow::Borrowed(w)];
        for suffix in ["ين", "ون", "ان", "ه", "ات"] {
            if let Some(s) = w.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) {
                tries.push(Cow::Borrowed(s));
            }
        }
        if let Some(c) = tries.iter().find_map(|x| NATIONALITIES.get(x)) {
            return Some(c);
        }
    }
    None
}

/// ISO alpha-3 of an alpha-2 country code.
pub fn alpha3(alpha2: &str) -> Option<&'static str> {
    COUNTRIES.get(alpha2).copied()
}

/// The role an actor's head word names: two words (قوات الأمن) before one (قوات); the words
/// without conjunction, preposition or article.
pub fn role_at(toks: &[Token], i: usize) -> Option<(ActorRole, usize)> {
    let t = &toks[i];
    if t.kind != TokenKind::Arabic {
        return None;
    }
    for (_, rest) in proclitic_splits(&t.norm) {
        let w = rest.strip_prefix("ال").filter(|b| b.chars().count() >= 2).unwrap_or(&rest);
        if let Some(n) = toks.get(i + 1).filter(|n| n.kind == TokenKind::Arabic && PHRASE_HEADS.contains(w)) {
            if let Some(r) = ROLES.get(&format!("{w} {}", n.norm)) {
                return Some((*r, 2));
            }
        }
        if let Some(r) = ROLES.get(w) {
            return Some((*r, 1));
        }
    }
    None
}

/// The first words of the two-word heads of [`ROLES`].
static PHRASE_HEADS: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
    std::sync::LazyLock::new(|| ROLES.iter().filter_map(|w| w.split_once(' ').map(|(h, _)| h)).collect());

/// The status word in a token (نفت، هدد، تعتزم، إذا).
pub fn status_word(t: &Token) -> Option<EventStatus> {
    if t.kind != TokenKind::Arabic {
        return None;
    }
    STATUS.find(&t.norm).map(|(s, _)| *s)
}

/// The field a word belongs to (sport, economy, culture, tech, disaster), from its clitic
/// analysis: the word without conjunction and preposition.
pub fn context_word(a: &khabar_text::clitic::OwnedAnalysis) -> Option<&'static str> {
    CONTEXT.get(&a.word).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use khabar_text::token::tokenize;

    fn at(text: &str, i: usize) -> Option<(EventType, &'static str, usize, bool)> {
        let toks = tokenize(text);
        trigger_at(&toks, i).map(|f| (f.word.kind, f.form.leak() as &str, f.letters, f.future))
    }

    #[test]
    fn triggers() {
        assert_eq!(at("واعتقلت الشرطة", 0), Some((EventType::Coerce, "اعتقلت", 1, false)));
        assert_eq!(at("بعد اعتقالهم", 1), Some((EventType::Coerce, "اعتقال", 0, false)));
        assert_eq!(at("والتظاهرات", 0), Some((EventType::Protest, "تظاهرات", 1, false)));
        assert_eq!(at("ستعتقل العائلات", 0), Some((EventType::Coerce, "تعتقل", 0, true)));
        assert_eq!(at("أجبروهم على", 0), Some((EventType::Coerce, "اجبروا", 0, false)));
        // إطلاق names an event only before fire, bullets, rockets
        assert_eq!(at("إطلاق النار", 0).map(|x| x.0), Some(EventType::Assault));
        assert_eq!(at("إطلاق سراح", 0), None);
        assert_eq!(at("ألقت \"القبض", 0).map(|x| x.0), Some(EventType::Coerce));
        assert_eq!(at("نشرت الصحيفة", 0), None);
        assert_eq!(at("نشرت روسيا قوات", 0), None);
        assert_eq!(at("نشرت قوات", 0).map(|x| x.0), Some(EventType::Mobilize));
        assert_eq!(at("المدينة", 0), None);
        // a verb line stands for its paradigm; a connecting alef drops in the imperfect
        assert_eq!(at("يقصفون المدينة", 0).map(|x| (x.0, x.1)), Some((EventType::Assault, "يقصفون")));
        assert_eq!(at("وسيعتقلون", 0).map(|x| (x.0, x.3)), Some((EventType::Coerce, true)));
        assert_eq!(at("توقف", 0), None);
        // ة written ت before a pronoun; an indefinite accusative
        assert_eq!(at("حملته الجوية", 0).map(|x| x.1), Some("حمله"));
        assert_eq!(at("حصارا خانقا", 0).map(|x| x.0), Some(EventType::Coerce));
    }

    #[test]
    fn paradigms() {
        let p = paradigm("اعتقل");
        for f in ["اعتقل", "اعتقلت", "اعتقلوا", "يعتقل", "تعتقلون", "نعتقل", "يعتقلان"]
        {
            assert!(p.iter().any(|x| x == f), "{f}");
        }
        assert!(paradigm("قصف").iter().any(|x| x == "يقصفوا"));
        // every form of every verb line is in the list, with the line's stem as its lemma
        assert!(TRIGGERS.tags("يداهمون").iter().any(|w| w.kind == EventType::Coerce && w.lemma == "داهم"));
        assert!(TRIGGERS.len() > 600);
    }

    #[test]
    fn actors() {
        let toks = tokenize("قوات الأمن والجيش التركي والمتظاهرين الأمريكيين");
        assert_eq!(role_at(&toks, 0), Some((ActorRole::Cop, 2)));
        assert_eq!(role_at(&toks, 2), Some((ActorRole::Mil, 1)));
        assert_eq!(nationality(&toks[3]), Some("TUR"));
        assert_eq!(role_at(&toks, 4), Some((ActorRole::Cvl, 1)));
        assert_eq!(nationality(&toks[5]), Some("USA"));
        assert_eq!(alpha3("KZ"), Some("KAZ"));
    }
}
