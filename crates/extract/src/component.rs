//! What a stage of the [`crate::pipeline`] is: a component reads the [`Doc`] and the records
//! earlier components assigned, and assigns its own.
use crate::Doc;

/// One stage of extraction.
pub trait Component: Sync {
    /// The name `--skip` takes: the output field it fills, or the job it does.
    fn name(&self) -> &'static str;
    /// Components whose records it cannot do without.
    fn requires(&self) -> &'static [&'static str] {
        &[]
    }
    /// Components whose records it reads when they ran (quotes name speakers by entity).
    fn uses(&self) -> &'static [&'static str] {
        &[]
    }
    /// What it assigns, in words (for documentation and `--help`).
    fn assigns(&self) -> &'static str;
    fn run(&self, doc: &mut Doc);
}
