//! The ingest error type.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path that is neither a file, a folder nor `-`.
    #[error("{}: no such file or folder", .0.display())]
    Missing(std::path::PathBuf),
    #[error(transparent)]
    Store(#[from] khabar_store::Error),
    /// A batch of queued messages the store refused (they were handed back to the queue).
    #[error("writing messages {first}–{last}: {error}")]
    Write { first: u64, last: u64, error: khabar_store::Error },
    #[error(transparent)]
    Queue(Box<dyn std::error::Error + Send + Sync>),
    #[error("the writer thread panicked")]
    WriterPanicked,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
