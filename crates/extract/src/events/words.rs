//! The events' word lists (`data/event_*.tsv`, `data/nationalities.tsv`, `data/countries.tsv`)
//! and the look-ups that read a token against them.
use khabar_model::{ActorRole, EventStatus, EventType};
use khabar_text::clitic::proclitic_splits;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
use khabar_text::token::{Token, TokenKind};
use std::borrow::Cow;

/// One line of `event_triggers.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct TriggerWord {
    pub kind: EventType,
    pub mode: Option<&'static str>,
    /// A verb (else a noun: a verbal noun or an event noun).
    pub verb: bool,
    /// The words one of which must follow (إطلاق النار, not إطلاق سراح); empty for any.
    pub next: Vec<&'static str>,
}

impl TriggerWord {
    fn parse(tag: &'static str) -> Option<TriggerWord> {
        let mut cols = tag.split('\t');
        let kind = cols.next()?.parse().ok()?;
        let mode = cols.next().filter(|m| *m != "-");
        let verb = match cols.next()? {
            "v" => true,
            "n" => false,
            _ => return None,
        };
        let next = match cols.next()? {
            "-" => Vec::new(),
            list => list.split(',').collect(),
        };
        cols.next().is_none().then_some(TriggerWord { kind, mode, verb, next })
    }
}

pub static TRIGGERS: Lazy<TriggerWord> = lexicon!("event_triggers", TriggerWord::parse);
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
            let lexicon: &'static lexicon::Lexicon<TriggerWord> = &TRIGGERS;
            match lexicon.tags(form).iter().find(|w| w.next.is_empty() || next_is(next, &w.next)) {
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
