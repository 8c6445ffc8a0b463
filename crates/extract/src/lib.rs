//! Khabar's extractors: from one Arabic news article to the records of the extraction contract
//! (`khabar-model`), as a [`pipeline`] of components over a [`Doc`] (the text with its tokens and
//! sentences, built once, and the records assigned so far). In the order they run:
//!
//! * [`dates`]: date expressions resolved against the publication date;
//! * [`counts`]: people killed, injured, arrested, abducted, missing, displaced or protesting,
//!   with value, qualifier, counted noun and the words naming their source ([`source`]);
//! * [`amounts`]: every other quantity (requires counts and dates: a figure they took is no
//!   amount);
//! * [`hedges`]: clauses that say a claim is unverified or disputed;
//! * [`entities`]: persons, organizations and places, one entity per real thing, places geocoded;
//! * [`quotes`]: who said what, with cue and kind (uses entities to tell a speaker when they ran);
//! * [`attribution`]: links every speaker and source to the entity it names, by one policy;
//! * [`events`]: PLOVER events (protests, assaults, coercion, mobilization) with status, actors,
//!   place, date, figures and source, from a trigger list and a trained classifier;
//! * [`themes`]: GDELT GKG theme codes, one record per mention of a word that evidences one;
//! * [`tone`]: GDELT's seven V2Tone numbers (tone, positive and negative %, polarity, activity
//!   and self/group reference density, word count) from a tone lexicon.
//!
//! Word lists are data files (`data/*.tsv`, see [`khabar_text::lexicon`]). Inside, offsets are
//! byte ranges into the original text; [`output::to_article`] converts them once to the
//! code-point offsets the contract uses.
//!
//! ```
//! let a = khabar_extract::extract(Some("x".into()), Some("2022-01-07T18:00:00+00:00".into()),
//!     "أعلنت وزارة الداخلية الجمعة مقتل 26 مسلحا.");
//! assert_eq!(a.counts[0].value, 26.0);
//! assert_eq!(a.counts[0].category, khabar_model::Category::Kill);
//! assert_eq!(a.counts[0].attributed_to.as_ref().unwrap().text, "وزارة الداخلية");
//! assert_eq!(a.dates[0].value, "2022-01-07");
//! ```
pub mod amounts;
pub mod attribution;
mod component;
pub mod count_model;
pub mod counts;
pub mod dates;
mod doc;
pub mod entities;
pub mod events;
pub mod hedges;
mod lexicon;
pub mod output;
pub mod pipeline;
pub mod quotes;
mod records;
pub mod scope;
pub mod source;
pub mod themes;
pub mod tone;

pub use doc::Doc;
pub use pipeline::Pipeline;
pub use records::*;

/// Extracts one article with every component: the whole pipeline from text to contract records.
pub fn extract(id: Option<String>, published: Option<String>, text: &str) -> khabar_model::Article {
    static ALL: std::sync::LazyLock<Pipeline> = std::sync::LazyLock::new(Pipeline::all);
    ALL.extract(id, published, text)
}
