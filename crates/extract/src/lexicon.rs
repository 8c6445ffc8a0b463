//! The extraction crate's tagged word lists: the count lexicon (`data/counts.tsv`: each word's
//! roles around a figure and the category it names there) and the reporting cues
//! (`data/cues.tsv`: the quotation a word opens, and how it names the source of figures).
//! Both are [`Lexicon`]s, looked up through its one clitic-aware [`Lexicon::find_map`].
use khabar_model::Category;
use khabar_text::lexicon;
use khabar_text::lexicon::Lazy;
#[cfg(test)]
use khabar_text::lexicon::Lexicon;
use khabar_text::token::{Token, TokenKind};

/// Whether a cue verb `rest`, found in `norm` under the proclitic letters `letters`, is a verbal
/// noun there: a verb takes و or ف, and ل only on its present (ليؤكد); after ب، ك or ل a past form
/// is a verbal noun (بحث "discussed" is no ب + حث; بنقل، لكشف are "by moving", "to uncover").
pub(crate) fn verbal_noun_after_proclitic(norm: &str, letters: usize, rest: &str) -> bool {
    let prefix = &norm[..khabar_text::clitic::letters_to_byte(norm, letters)];
    prefix.contains(['ب', 'ك']) || prefix.contains('ل') && !rest.starts_with(['ي', 'ت'])
}

/// Where a count word stands to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// An event noun or verb before the figure (مقتل 26).
    Event,
    /// A word before the figure whose category the noun after decides (سقوط).
    Neutral,
    /// A noun of the counted state after the figure (18 قتيلا).
    State,
    /// A verb after the figure (30 شخصا قتلوا).
    After,
    /// A verb in the dual after two people (طفلين قتلا), read by that rule only.
    AfterTwo,
    /// A dual noun of people: two (شخصين).
    Dual,
    /// A single indefinite person after an event word: one (مقتل جندي).
    Single,
    /// A noun of things, not people (نقطة، دولار).
    Unit,
}

/// One line of the count lexicon: a role and, for the roles that name one, a category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountWord {
    pub role: Role,
    pub category: Option<Category>,
}

impl CountWord {
    fn parse(tag: &str) -> Option<CountWord> {
        let (role, cat) = tag.split_once('\t')?;
        let role = match role {
            "event" => Role::Event,
            "neutral" => Role::Neutral,
            "state" => Role::State,
            "after" => Role::After,
            "after_two" => Role::AfterTwo,
            "dual" => Role::Dual,
            "single" => Role::Single,
            "unit" => Role::Unit,
            _ => return None,
        };
        // `-` for the roles that name no category
        let category = if cat == "-" { None } else { Some(cat.parse().ok()?) };
        Some(CountWord { role, category })
    }
}

pub static COUNTS: Lazy<CountWord> = lexicon!("counts", CountWord::parse);

/// Whether a token is a count word in `role` (the word, or the word without its conjunction and
/// preposition: بمقتل، وإصابة، والقتلى): the category the role names there, if any, and the
/// proclitic letters taken off.
pub fn count_role(t: &Token, role: Role) -> Option<(Option<Category>, usize)> {
    if t.kind != TokenKind::Arabic {
        return if role == Role::Unit && t.norm == "%" { Some((None, 0)) } else { None };
    }
    count_word_role(&t.norm, role)
}

/// [`count_role`] for a normalized Arabic word that is no token of the text (a verbal noun
/// with its article put back, as after لل).
pub fn count_word_role(norm: &str, role: Role) -> Option<(Option<Category>, usize)> {
    COUNTS.find_map(norm, |w| (w.role == role).then_some(w.category))
}

/// What a reporting cue opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// Content after أن/إن, a colon or quotation marks (قال، أعلن).
    Say,
    /// A paraphrase of the act after the speaker (دعا، حذر، نفى).
    Act,
    /// A participle continuing the speaker before (مؤكدا).
    Part,
    /// قوله in نقل عن X قوله: X speaks.
    Qawl,
    /// An attribution after the fact (بحسب، وفقا).
    Attr,
}

/// How a cue names the source of the figures in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceUse {
    /// The verb's subject gives the figures after it (أعلنت وزارة الداخلية مقتل 26).
    Subject,
    /// The phrase after it names their source (بحسب السلطات، نقلا عن الشرطة).
    Phrase,
}

/// One line of the cue list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The quotation it opens; none for words that only source figures (نشرت، بث، نقلا).
    pub role: Option<CueRole>,
    pub source: Option<SourceUse>,
}

impl Cue {
    fn parse(tag: &str) -> Option<Cue> {
        let (role, source) = tag.split_once('\t').unwrap_or((tag, ""));
        let role = match role {
            "say" => Some(CueRole::Say),
            "act" => Some(CueRole::Act),
            "part" => Some(CueRole::Part),
            "qawl" => Some(CueRole::Qawl),
            "attr" => Some(CueRole::Attr),
            "-" => None,
            _ => return None,
        };
        let source = match source {
            "subject" => Some(SourceUse::Subject),
            "phrase" => Some(SourceUse::Phrase),
            "" => None,
            _ => return None,
        };
        Some(Cue { role, source })
    }
}

pub static CUES: Lazy<Cue> = lexicon!("cues", Cue::parse);

/// What may follow a listed word-beginning in a word that begins with it (count cues, theme and
/// tone words): nothing, a plural or dual, the feminine, a pronoun suffix (توفيت، توفوا،
/// القتلى، إصابته), never another letter of a longer word (توفير).
pub(crate) const ENDINGS: &[&str] = &[
    "", "ا", "ت", "و", "وا", "ون", "ين", "ه", "ها", "هم", "هن", "ي", "ات", "ان", "تان", "تين", "يه", "يين", "يون",
    "ته", "تهم", "تها", "وه", "وهم", "اء", "ى",
];

/// The first three letters (or the whole, when shorter) of every form a list holds: every form
/// that [`find_form`] may find in a word begins with the word's first three letters.
pub(crate) struct Starts(rustc_hash::FxHashSet<&'static str>);

impl Starts {
    pub(crate) fn of(forms: impl Iterator<Item = &'static str>) -> Starts {
        Starts(forms.map(first_three).collect())
    }

    fn admits(&self, w: &str) -> bool {
        self.0.contains(first_three(w))
    }
}

fn first_three(w: &str) -> &str {
    &w[..w.char_indices().nth(3).map_or(w.len(), |(b, _)| b)]
}

/// The look-up by word-beginning that the theme and tone lists share: `f` is asked about each
/// form a normalized word may be listed under, in this order, until it answers: for each way of
/// taking its conjunction and preposition off ([`proclitic_splits`]), the word, then each
/// beginning of 3+ letters that one of [`ENDINGS`] completes (longest first), then the same for
/// the word without its article. `f` is told whether the form is the whole word. Answers what
/// `f` said and how many proclitic letters were taken off.
///
/// `starts` holds the first three letters of every listed form: a word that does not begin
/// with one of them is no form of the list and costs one look-up instead of several. At most
/// three endings are tried per form (the longest ending has three letters).
pub(crate) fn find_form<R>(
    norm: &str,
    starts: &Starts,
    mut f: impl FnMut(&str, bool) -> Option<R>,
) -> Option<(R, usize)> {
    for (letters, r) in khabar_text::clitic::proclitic_splits(norm) {
        let r: &str = &r;
        let bare = r.strip_prefix("ال").filter(|w| w.chars().nth(2).is_some());
        for w in std::iter::once(r).chain(bare) {
            if !starts.admits(w) {
                continue;
            }
            if let Some(x) = f(w, true) {
                return Some((x, letters));
            }
            // where an ending of one to three letters may start, after a beginning of 3+ letters
            let n = w.chars().count();
            let (mut cuts, mut m) = ([0usize; 3], 0);
            for (k, (b, _)) in w.char_indices().enumerate() {
                if k >= 3 && k + 3 >= n {
                    cuts[m] = b;
                    m += 1;
                }
            }
            for &b in cuts[..m].iter().rev() {
                if ENDINGS.contains(&&w[b..]) {
                    if let Some(x) = f(&w[..b], false) {
                        return Some((x, letters));
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list under `data/`: a header, normalized spelling, no line twice.
    #[test]
    fn every_list_is_clean() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut n = 0;
        for f in std::fs::read_dir(dir).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "tsv") {
                let text: &'static str = std::fs::read_to_string(&path).unwrap().leak();
                let list = Lexicon::tagged("list", text, Some);
                lexicon::check(&list, text).map_err(|e| format!("{}: {e}", path.display())).unwrap();
                n += 1;
            }
        }
        assert!(n >= 20, "{n} lists");
        // the tagged ones parse
        assert!(COUNTS.len() > 200 && CUES.len() > 200);
    }

    #[test]
    fn lookups() {
        let tok = |w: &str| khabar_text::token::tokenize(w).remove(0);
        assert_eq!(count_role(&tok("مقتل"), Role::Event), Some((Some(Category::Kill), 0)));
        assert_eq!(count_role(&tok("بمقتل"), Role::Event), Some((Some(Category::Kill), 1)));
        assert_eq!(count_role(&tok("جريحا"), Role::State), Some((Some(Category::Wound), 0)));
        assert_eq!(count_role(&tok("مقتل"), Role::State), None);
        assert_eq!(CUES.find("وقال").map(|(c, l)| (c.role, l)), Some((Some(CueRole::Say), 1)));
        assert!(CUES.get("بث").is_some_and(|c| c.source == Some(SourceUse::Subject) && c.role.is_none()));
        assert!(CUES.get("بحسب").is_some_and(|c| c.source == Some(SourceUse::Phrase) && c.role == Some(CueRole::Attr)));
    }
}
