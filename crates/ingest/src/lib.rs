//! Ingest: how articles get into a corpus, as a library, so that the `khabar` binary only parses
//! arguments, wires and shows progress.
//!
//! * [`input`]: reading articles (JSON Lines, plain or gzipped; plain text; standard input), a
//!   bad line an error naming its file, line and field;
//! * [`files`]: the article files under the paths given;
//! * [`output`]: the object `khabar extract` writes for an article (also the Python module's);
//! * [`pipeline`]: `khabar ingest` — read → leave out what is stored unchanged → extract (in
//!   parallel) → store a batch → index it, storing on a second thread while the next chunk is
//!   extracted;
//! * [`queue`]: the same through a queue — a record as a message for publishing, and the
//!   worker's loop (take messages → leave out the unchanged → extract → queued write through the
//!   [`khabar_store::Store`] trait → acknowledge → link in stream order). The queue itself is a
//!   trait ([`queue::Jobs`]): this crate does not depend on NATS; `khabar` implements it over
//!   `khabar-queue`.
//!
//! A crate of its own rather than a module of `khabar-store`, because it needs the extractors
//! (`khabar-extract`, and through it the tagger's model), which the store does not.
//! Dependencies: `khabar-store`, `khabar-extract`, `khabar-text`; nothing depends on this but
//! the binary.

pub mod error;
pub mod files;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod queue;

pub use error::{Error, Result};
pub use pipeline::{extracted, ingest, Event, Ingested};
