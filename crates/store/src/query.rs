//! The search language users type, parsed by our grammar and never handed to a backend's own
//! query syntax (tantivy's exposed fields, ranges, boosts and wildcards: `title:*` was a 500).
//!
//! ```text
//! query  = { clause }                    clauses are all required
//! clause = [ "-" ] alts                  "-" excludes the articles that match
//! alts   = atom { "OR" atom }            any of the atoms
//! atom   = phrase | word
//! phrase = '"' … '"' | '«' … '»' | '“' … '”'   the words in this order
//! word   = anything else up to a space
//! ```
//!
//! Anything else is words: `title:*` is the words `title` and nothing (`*` has no letters), an
//! unclosed quotation mark is a space, a `-` or `OR` with nothing to act on is dropped. Each
//! backend turns an atom's text into its own terms with the shared analyzers
//! ([`crate::analysis::word_terms`]); an atom that analyzes to no term is dropped.

/// One atom: a word, or a phrase whose words must stand in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    Word(String),
    Phrase(String),
}

impl Atom {
    pub fn text(&self) -> &str {
        match self {
            Atom::Word(t) | Atom::Phrase(t) => t,
        }
    }
}

/// One clause: any of its atoms; an excluded clause removes what it matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub any: Vec<Atom>,
    pub exclude: bool,
}

/// A parsed search: every clause applies.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextQuery {
    pub clauses: Vec<Clause>,
}

/// The closing mark of a phrase opened by `c`.
fn closing(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '«' => Some('»'),
        '“' => Some('”'),
        _ => None,
    }
}

#[derive(Debug, PartialEq)]
enum Lexeme {
    Atom(Atom, bool),
    Or,
}

fn lex(input: &str) -> Vec<Lexeme> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else { break };
        let (exclude, body) = match rest.strip_prefix('-') {
            Some(b) if b.chars().next().is_some_and(|c| !c.is_whitespace()) => (true, b),
            _ => (false, rest),
        };
        let open = body.chars().next().unwrap_or(first);
        if let Some(close) = closing(open) {
            let inner = &body[open.len_utf8()..];
            if let Some(end) = inner.find(close) {
                out.push(Lexeme::Atom(Atom::Phrase(inner[..end].to_string()), exclude));
                rest = &inner[end + close.len_utf8()..];
                continue;
            }
            // unclosed: the mark is a space
            rest = inner;
            continue;
        }
        let end = body.find(|c: char| c.is_whitespace() || closing(c).is_some()).unwrap_or(body.len());
        let word = &body[..end];
        rest = &body[end..];
        if word == "OR" && !exclude {
            out.push(Lexeme::Or);
        } else if !word.is_empty() && word != "-" {
            out.push(Lexeme::Atom(Atom::Word(word.to_string()), exclude));
        }
    }
    out
}

/// Parses what a user typed; never fails. Atoms with no term under the analyzers are dropped
/// by `keep` (the backends pass one that asks the analyzers).
pub fn parse_with(input: &str, keep: impl Fn(&Atom) -> bool) -> TextQuery {
    let mut clauses: Vec<Clause> = Vec::new();
    let mut join_next = false;
    for l in lex(input) {
        match l {
            Lexeme::Or => join_next = !clauses.is_empty(),
            Lexeme::Atom(a, exclude) => {
                if !keep(&a) {
                    continue;
                }
                match clauses.last_mut() {
                    // a OR b: one clause; a OR -b reads as a OR b
                    Some(last) if join_next => last.any.push(a),
                    _ => clauses.push(Clause { any: vec![a], exclude }),
                }
                join_next = false;
            }
        }
    }
    TextQuery { clauses }
}

/// Parses with the shared analyzers: an atom is kept when it has at least one term.
pub fn parse(input: &str) -> TextQuery {
    parse_with(input, |a| !crate::analysis::word_terms(a.text()).is_empty())
}

impl TextQuery {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether some clause requires words (a query of exclusions only matches every other
    /// article).
    pub fn has_required(&self) -> bool {
        self.clauses.iter().any(|c| !c.exclude)
    }

    /// The atoms that select (not the excluded ones): what snippets highlight.
    pub fn wanted(&self) -> impl Iterator<Item = &Atom> {
        self.clauses.iter().filter(|c| !c.exclude).flat_map(|c| c.any.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Atom {
        Atom::Word(s.into())
    }

    fn show(q: &TextQuery) -> String {
        q.clauses
            .iter()
            .map(|c| {
                let alts: Vec<String> = c
                    .any
                    .iter()
                    .map(|a| match a {
                        Atom::Word(t) => t.clone(),
                        Atom::Phrase(t) => format!("\"{t}\""),
                    })
                    .collect();
                format!("{}{}", if c.exclude { "-" } else { "" }, alts.join("|"))
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn the_grammar() {
        let cases = [
            ("الرئيس توكاييف", "الرئيس توكاييف"),
            ("\"الرئيس توكاييف\" ألماتي", "\"الرئيس توكاييف\" ألماتي"),
            ("«مجلس الأمن» -روسيا", "\"مجلس الأمن\" -روسيا"),
            ("قتلى OR ضحايا ألماتي", "قتلى|ضحايا ألماتي"),
            ("a OR b OR c", "a|b|c"),
            ("OR a OR", "a"),
            ("- a -", "a"),
            ("-\"a b\"", "-\"a b\""),
            ("\"unclosed words", "unclosed words"),
            ("title:* body:[a TO b] x^3", "title:* body:[a TO b] x^3"),
            ("*", ""),
            ("", ""),
            ("أو", "أو"),
        ];
        for (input, want) in cases {
            assert_eq!(show(&parse(input)), want, "{input:?}");
        }
    }

    #[test]
    fn only_exclusions_require_nothing() {
        let q = parse_with("-a -b", |_| true);
        assert_eq!(q.clauses.len(), 2);
        assert!(!q.has_required());
        assert_eq!(parse_with("x -a", |_| true).wanted().collect::<Vec<_>>(), vec![&w("x")]);
    }
}
