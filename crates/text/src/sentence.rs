//! Sentence segmentation over tokens.
//!
//! A sentence ends after `.`, `!`, `?`, `؟`, `…` (with any closing quotation marks or brackets
//! that follow them), and before a line break. A period inside a number never ends one (the
//! tokenizer keeps `1.8` whole).
//!
//! ```
//! use khabar_text::{token::tokenize, sentence::sentences};
//! let text = "قال \"نعم.\" ثم غادر.\nوعاد";
//! let toks = tokenize(text);
//! let s = sentences(&toks);
//! assert_eq!(s.len(), 3);
//! assert_eq!(&text[toks[s[0].start].start..toks[s[0].end - 1].end], "قال \"نعم.\"");
//! ```
use crate::token::Token;
use std::ops::Range;

#[inline]
fn is_terminal(t: &Token) -> bool {
    t.is_punct('.') || t.is_punct('!') || t.is_punct('?') || t.is_punct('؟') || t.is_punct('…')
}

#[inline]
fn is_closer(t: &Token) -> bool {
    ["\"", "»", "”", "“", "’", "›", ")", "]", "'"].iter().any(|c| t.norm == *c)
}

/// A period inside an abbreviation written with dots (بي.بي.سي، د.ب.أ، أ.ف.ب، U.S.): glued to a
/// word of one or two letters before it and to a word after it.
#[inline]
fn is_abbreviation_dot(tokens: &[Token], i: usize) -> bool {
    tokens[i].is_punct('.')
        && i > 0
        && !tokens[i].space_before
        && tokens[i - 1].is_word()
        && tokens[i - 1].norm.chars().nth(2).is_none()
        && tokens.get(i + 1).is_some_and(|n| n.is_word() && !n.space_before && !n.newline_before)
}

/// Sentences as ranges of token indices, covering every token once, in order.
pub fn sentences(tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > start && tokens[i].newline_before {
            out.push(start..i);
            start = i;
        }
        if is_terminal(&tokens[i]) && !is_abbreviation_dot(tokens, i) {
            let mut j = i + 1;
            while j < tokens.len() && is_terminal(&tokens[j]) && !tokens[j].space_before {
                j += 1;
            }
            // a closing mark right after the terminal belongs to this sentence (unless it opens
            // the next one after a space, which a straight quote may do)
            while j < tokens.len() && is_closer(&tokens[j]) && !tokens[j].space_before && !tokens[j].newline_before {
                j += 1;
            }
            out.push(start..j);
            start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn split(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        sentences(&toks).into_iter().map(|r| text[toks[r.start].start..toks[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn arabic_and_latin_punctuation() {
        assert_eq!(split("ما هذا؟ لا شيء! حسنا."), vec!["ما هذا؟", "لا شيء!", "حسنا."]);
        assert_eq!(split("بلغ 1.8 مليون. ثم"), vec!["بلغ 1.8 مليون.", "ثم"]);
    }

    #[test]
    fn dots_inside_an_abbreviation_end_nothing() {
        assert_eq!(
            split("وقال لتلفزيون (بي.بي.سي)، إن التحقيق جار. وأضاف"),
            vec!["وقال لتلفزيون (بي.بي.سي)، إن التحقيق جار.", "وأضاف"]
        );
        // a longer word before a dot with no space after it still ends the sentence
        assert_eq!(split("الماضي.وقال"), vec!["الماضي.", "وقال"]);
    }

    #[test]
    fn newlines_end_sentences() {
        assert_eq!(split("عنوان\nنص الخبر"), vec!["عنوان", "نص الخبر"]);
    }

    #[test]
    fn closing_quote_stays() {
        assert_eq!(split("قال «انتهى.» ومضى"), vec!["قال «انتهى.»", "ومضى"]);
    }

    #[test]
    fn covers_every_token() {
        let toks = tokenize("أ. ب؟ ج\nد...");
        let s = sentences(&toks);
        assert_eq!(s.first().unwrap().start, 0);
        assert_eq!(s.last().unwrap().end, toks.len());
        for w in s.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
