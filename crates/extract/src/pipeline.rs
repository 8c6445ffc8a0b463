//! Extraction as a pipeline of components, as in spaCy: each component reads the [`Doc`] and the
//! records earlier components assigned, and assigns its own. [`PIPELINE`] is the one ordered list;
//! a component names what it requires (it cannot run without those records) and what it uses when
//! present, and [`Pipeline::skipping`] turns components off, refusing to leave out what a kept
//! component requires.
//!
//! ```
//! use khabar_extract::pipeline::Pipeline;
//! let p = Pipeline::skipping(&["entities", "quotes"]).unwrap();
//! assert_eq!(p.names(), ["dates", "counts", "amounts", "hedges", "attribution", "scope", "events", "themes", "tone"]);
//! let err = Pipeline::skipping(&["counts"]).unwrap_err();
//! assert_eq!(err.to_string(), "cannot leave out counts: amounts requires it (leave out amounts too)");
//! ```
pub use crate::component::Component;
use crate::Doc;

/// Every component, in the order they run.
pub static PIPELINE: &[&dyn Component] = &[
    &crate::dates::Dates,
    &crate::counts::Counts,
    &crate::amounts::Amounts,
    &crate::hedges::Hedges,
    &crate::entities::Entities,
    &crate::quotes::Quotes,
    &crate::attribution::Attribution,
    &crate::scope::CountScope,
    &crate::events::Events,
    &crate::themes::Themes,
    &crate::tone::Tone,
];

/// The names of [`PIPELINE`]'s components, in order.
pub const NAMES: &[&str] =
    &["dates", "counts", "amounts", "hedges", "entities", "quotes", "attribution", "scope", "events", "themes", "tone"];

/// A choice of components that can run together.
#[derive(Clone)]
pub struct Pipeline {
    components: Vec<&'static dyn Component>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("no component is called {name:?} (the components: {})", NAMES.join(", "))]
    Unknown { name: String },
    #[error("cannot leave out {skipped}: {by} requires it (leave out {by} too)")]
    Required { skipped: &'static str, by: &'static str },
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline { components: PIPELINE.to_vec() }
    }
}

impl Pipeline {
    /// Every component.
    pub fn all() -> Pipeline {
        Pipeline::default()
    }

    /// Every component but the named ones.
    pub fn skipping<S: AsRef<str>>(skip: &[S]) -> Result<Pipeline, Error> {
        for s in skip {
            if !NAMES.contains(&s.as_ref()) {
                return Err(Error::Unknown { name: s.as_ref().to_string() });
            }
        }
        let skipped = |name: &str| skip.iter().any(|s| s.as_ref() == name);
        let components: Vec<&'static dyn Component> = PIPELINE.iter().copied().filter(|c| !skipped(c.name())).collect();
        for c in &components {
            if let Some(&r) = c.requires().iter().find(|r| skipped(r)) {
                let skipped = NAMES.iter().copied().find(|n| *n == r).unwrap_or(r);
                return Err(Error::Required { skipped, by: c.name() });
            }
        }
        Ok(Pipeline { components })
    }

    /// The components that run, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.components.iter().map(|c| c.name()).collect()
    }

    /// Runs every component over a document.
    pub fn run(&self, doc: &mut Doc) {
        for c in &self.components {
            c.run(doc);
        }
    }

    /// One article from text to the contract's records.
    pub fn extract(&self, id: Option<String>, published: Option<String>, text: &str) -> khabar_model::Article {
        let mut doc = Doc::new(text, published.as_deref());
        self.run(&mut doc);
        crate::output::to_article(id, published, &doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_runs_what_it_needs_first() {
        assert_eq!(PIPELINE.iter().map(|c| c.name()).collect::<Vec<_>>(), NAMES);
        for (i, c) in PIPELINE.iter().enumerate() {
            for r in c.requires().iter().chain(c.uses()) {
                let at = NAMES.iter().position(|n| n == r).unwrap_or_else(|| panic!("{}: unknown {r}", c.name()));
                assert!(at < i, "{} runs before {r}, which it needs", c.name());
            }
        }
    }

    #[test]
    fn skipping() {
        assert_eq!(Pipeline::skipping::<&str>(&[]).unwrap().names(), NAMES);
        assert_eq!(Pipeline::skipping(&["amounts", "counts"]).unwrap().names().len(), NAMES.len() - 2);
        assert_eq!(Pipeline::skipping(&["dates"]).unwrap_err(), Error::Required { skipped: "dates", by: "amounts" });
        assert!(Pipeline::skipping(&["sentiment"]).unwrap_err().to_string().contains("the components: dates"));
        // quotes use entities when they ran, but run without them
        let p = Pipeline::skipping(&["entities"]).unwrap();
        let a = p.extract(None, None, "وقال الرئيس إن الوضع مستقر تماما.");
        assert!(a.entities.is_empty() && a.quotes.len() == 1);
    }
}
