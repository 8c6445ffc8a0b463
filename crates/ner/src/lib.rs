//! Arabic named-entity recognition for Khabar.
//!
//! * [`gazetteer`]: places (GeoNames, with coordinates, country and Latin name) and ANERGazet
//!   name lists, built by `tools/gazetteer` into `data/` and embedded;
//! * [`features`]: the features of a token in its sentence (word, normalized form, clitic-free
//!   stem, affixes, shape, neighbours, gazetteer spans, trigger words, corpus frequency);
//! * [`model`]: an averaged structured perceptron over BIO labels, decoded by Viterbi that never
//!   emits an invalid sequence (I-X only after B-X or I-X), trained by [`model::train`];
//! * [`persons`]: Latin spellings of persons' names (Wikidata and a curated list);
//! * [`triggers`]: the titles and head words that announce a name (data files shared with the
//!   extraction rules);
//! * [`conll`]: reading `word<TAB>tag` files and conlleval-style scoring.
//!
//! The trained model (`data/model.bin.gz`) is embedded; `khabar ner train` rebuilds it.
//!
//! ```
//! if let Some(tagger) = khabar_ner::model::Model::embedded() {
//!     let words = ["قال", "الرئيس", "الروسي", "فلاديمير", "بوتين", "في", "موسكو"];
//!     let tags = tagger.tag(&words);
//!     assert_eq!(tags.len(), words.len());
//! }
//! ```
pub mod clusters;
pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod persons;
pub mod triggers;

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}: {message}")]
    Conll { path: String, line: usize, message: String },
    #[error("model: {0}")]
    Model(String),
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

pub type Result<T> = std::result::Result<T, Error>;
