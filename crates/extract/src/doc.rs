//! The [`Doc`]: an article's text layer (tokens, sentences, clitic analyses) and the records
//! the pipeline's components assign to it, as spaCy's `Doc` owns its tokens and annotations.
use crate::Extraction;
use chrono::NaiveDate;
use khabar_text::clitic::letters_to_byte;
use khabar_text::date::parse_published;
use khabar_text::sentence::sentences;
use khabar_text::token::{tokenize, Token};
use std::ops::Range;

/// An article on its way through the pipeline: the text, its tokens and sentences and its
/// publication day, built once, and every record the components have assigned so far.
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
    pub published: Option<NaiveDate>,
    /// The clitic analysis of every token, computed on first use (entities need it many times
    /// per token; counts and dates never).
    analyses: std::sync::OnceLock<Vec<khabar_text::clitic::OwnedAnalysis>>,
    /// What the components found, with byte spans.
    pub records: Extraction,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, published: Option<&str>) -> Self {
        let tokens = tokenize(text);
        let sentences = sentences(&tokens);
        Doc {
            text,
            tokens,
            sentences,
            published: published.and_then(parse_published),
            analyses: std::sync::OnceLock::new(),
            records: Extraction::default(),
        }
    }

    /// The clitic analysis of token `i` (empty for tokens that are not Arabic words).
    pub fn analysis(&self, i: usize) -> &khabar_text::clitic::OwnedAnalysis {
        &self.analyses.get_or_init(|| {
            self.tokens
                .iter()
                .map(|t| {
                    if t.kind == khabar_text::token::TokenKind::Arabic {
                        khabar_text::clitic::analyze(&t.norm).to_owned_analysis()
                    } else {
                        Default::default()
                    }
                })
                .collect()
        })[i]
    }

    /// Byte offset where token `i` starts once `letters` proclitic letters are taken off it.
    pub fn start_after_clitic(&self, i: usize, letters: usize) -> usize {
        let t = &self.tokens[i];
        if letters == 0 {
            return t.start;
        }
        t.start + letters_to_byte(&self.text[t.start..t.end], letters)
    }

    /// The index of the first token that ends after byte `b`: the token holding `b`, or the one
    /// after it (the first token of a span starting at `b`).
    pub fn token_at(&self, b: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= b)
    }

    /// The byte range covering tokens `r` (non-empty).
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.tokens[r.start].start..self.tokens[r.end - 1].end
    }
}
