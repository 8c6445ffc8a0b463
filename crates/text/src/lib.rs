//! The Arabic text layer of Khabar: everything the extractors stand on.
//!
//! * [`normalize`]: lossless and lossy folding of Arabic script;
//! * [`token`]: tokens with byte offsets into the original text;
//! * [`sentence`]: sentence segmentation;
//! * [`quotes`]: pairing of quotation marks of every kind;
//! * [`clitic`]: lexicon-aware proclitic analysis;
//! * [`lexicon`]: word lists as data files, with one clitic-aware look-up;
//! * [`number`]: numbers in digits and in words, scale words, vague quantities, qualifiers;
//! * [`date`]: calendar words (weekdays, three month-name families, relative days) and their
//!   resolution against a publication date.
//!
//! Offsets are byte ranges into the text as given; normalizing never moves them.
//!
//! ```
//! use khabar_text::{token::tokenize, number::parse_number};
//! let toks = tokenize("قتل خمسة وعشرون شخصا");
//! let n = parse_number(&toks, 1).unwrap();
//! assert_eq!((n.value, n.len), (25.0, 2));
//! ```
pub mod clitic;
pub mod date;
pub mod lexicon;
pub mod normalize;
pub mod number;
pub mod proclitic;
pub mod quotes;
pub mod sentence;
pub mod token;
