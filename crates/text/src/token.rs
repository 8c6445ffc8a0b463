//! Tokenization with byte offsets into the original text.
//!
//! A token is a run of word characters (Arabic letters with their diacritics and tatweel, or
//! Latin letters), a number (digits of any script, with `,` `.` `٫` `٬` between digits), or one
//! punctuation character. Whitespace separates tokens and is not a token; whether a newline
//! came before a token is recorded, since newlines end sentences and paragraphs.
//!
//! ```
//! use khabar_text::token::{tokenize, TokenKind};
//! let text = "قُتل 3,800 شخص.";
//! let toks = tokenize(text);
//! assert_eq!(toks.len(), 4);
//! assert_eq!(toks[0].norm, "قتل");
//! assert_eq!(toks[1].kind, TokenKind::Number);
//! assert_eq!(&text[toks[1].start..toks[1].end], "3,800");
//! ```
use crate::normalize::{digit_value, is_arabic_word_char, is_diacritic, is_format, normalize_into};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Arabic-script word.
    Arabic,
    /// Word in another script (Latin letters, mixed).
    Word,
    /// Digits, possibly with separators.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Lossy-normalized form (see [`crate::normalize`]); for numbers, ASCII digits and separators.
    pub norm: String,
    /// A line break stands between the previous token and this one.
    pub newline_before: bool,
    /// Whitespace stands between the previous token and this one.
    pub space_before: bool,
}

impl Token {
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.norm.starts_with(c)
    }
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Arabic | TokenKind::Word)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Latin,
    Digit,
    Space,
    Newline,
    Other,
}

#[inline]
fn class(c: char) -> Class {
    // the common cases first: the basic Arabic letters (and tatweel), and a space
    if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0640}'..='\u{064A}') {
        return Class::Arabic;
    }
    if c == ' ' {
        return Class::Space;
    }
    if is_arabic_word_char(c) {
        Class::Arabic
    } else if digit_value(c).is_some() {
        Class::Digit
    } else if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
        Class::Newline
    } else if c.is_whitespace() || is_format(c) {
        Class::Space
    } else if c.is_alphanumeric() || is_mark(c) {
        Class::Latin
    } else {
        Class::Other
    }
}

/// Combining marks (Latin accents written as combining characters, Arabic diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}') || is_diacritic(c)
}

/// Tokenizes `text`; offsets are byte offsets into it.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6);
    let mut it = text.char_indices().peekable();
    let mut newline = false;
    let mut space = false;
    while let Some((i, c)) = it.next() {
        let cl = class(c);
        let mut end = i + c.len_utf8();
        let kind = match cl {
            Class::Newline => {
                newline = true;
                space = true;
                continue;
            }
            Class::Space => {
                space = true;
                continue;
            }
            Class::Other => TokenKind::Punct,
            Class::Arabic | Class::Latin => {
                let mut arabic = cl == Class::Arabic;
                while let Some(&(j, d)) = it.peek() {
                    let k = class(d);
                    if k == Class::Arabic || k == Class::Latin {
                        // Arabic and Latin letters do not share a word; a combining mark or a
                        // format character joins whatever it follows.
                        let mark = is_mark(d) || d == '\u{200C}' || d == '\u{200D}' || d == crate::normalize::TATWEEL;
                        if !mark && (k == Class::Arabic) != arabic {
                            break;
                        }
                        if !mark && k == Class::Arabic {
                            arabic = true;
                        }
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                if arabic {
                    TokenKind::Arabic
                } else {
                    TokenKind::Word
                }
            }
            Class::Digit => {
                loop {
                    match it.peek() {
                        Some(&(j, d)) if digit_value(d).is_some() => {
                            end = j + d.len_utf8();
                            it.next();
                        }
                        Some(&(_, d)) if matches!(d, ',' | '.' | '٫' | '٬') => {
                            // a separator belongs to the number only when a digit follows it
                            let rest = &text[end + d.len_utf8()..];
                            if rest.chars().next().is_some_and(|n| digit_value(n).is_some()) {
                                end += d.len_utf8();
                                it.next();
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                TokenKind::Number
            }
        };
        let raw = &text[i..end];
        let mut norm = String::with_capacity(raw.len());
        match kind {
            TokenKind::Number => norm.extend(raw.chars().map(|c| match digit_value(c) {
                Some(d) => char::from(b'0' + d as u8),
                None if c == '٫' => '.',
                None if c == '٬' => ',',
                None => c,
            })),
            TokenKind::Punct => norm.push(c),
            _ => normalize_into(raw, &mut norm),
        }
        out.push(Token { start: i, end, kind, norm, newline_before: newline, space_before: space || out.is_empty() });
        newline = false;
        space = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn splits_words_numbers_punct() {
        assert_eq!(words("وقال: \"نعم\"، 1.8 مليون"), vec!["وقال", ":", "\"", "نعم", "\"", "،", "1.8", "مليون"]);
        assert_eq!(words("بـ26 قتيلا."), vec!["بـ", "26", "قتيلا", "."]);
        assert_eq!(words("عام 2018."), vec!["عام", "2018", "."]);
        assert_eq!(words("كوفيد-19"), vec!["كوفيد", "-", "19"]);
        assert_eq!(words("The Voice"), vec!["The", "Voice"]);
    }

    #[test]
    fn keeps_diacritics_and_tatweel_inside_words() {
        let t = tokenize("قتيلاً مــدينة");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].norm, "قتيلا");
        assert_eq!(t[1].norm, "مدينه");
    }

    #[test]
    fn arabic_indic_numbers() {
        let t = tokenize("٣٨٠٠ و١٬٥٠٠ و۱۲");
        assert_eq!(t[0].norm, "3800");
        assert_eq!(t[2].norm, "1,500");
        assert_eq!(t[4].norm, "12");
    }

    #[test]
    fn records_newlines() {
        let t = tokenize("أ\nب ج");
        assert!(!t[0].newline_before);
        assert!(t[1].newline_before);
        assert!(!t[2].newline_before && t[2].space_before);
    }

    #[test]
    fn offsets_are_char_boundaries() {
        let text = "😀 قال́ e\u{301} ٣٫٥";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
    }
}
