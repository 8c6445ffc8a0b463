//! One writer at a time in a corpus directory: an advisory lock on `DIR/khabar.lock`, taken by
//! [`crate::Corpus::open`] and held until the corpus is dropped.
//!
//! SQLite alone would let two processes write batches in turn, but tantivy allows one index
//! writer at a time and keeps it for a whole run, so a second ingest into the same directory
//! waits here for the first to finish, then finds what the first stored unchanged. The lock is
//! the operating system's (`flock`), so it goes with its process however that ends (`kill -9`
//! included); readers (search, stats, the server) never take it.
use crate::error::{Error, Result};
use fs4::fs_std::FileExt;
use std::fs::{File, OpenOptions};
use std::path::Path;

/// The lock file's name in a corpus directory.
pub const LOCK_FILE: &str = "khabar.lock";

/// Held while a process writes to a corpus directory; released when dropped.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Takes the lock on `dir`; when another process holds it, calls `waiting` once, then waits
    /// for it.
    pub fn acquire(dir: &Path, waiting: &mut dyn FnMut()) -> Result<WriterLock> {
        let path = dir.join(LOCK_FILE);
        let io = |source| Error::Io { path: path.display().to_string(), source };
        let file = OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io)?;
        if !file.try_lock_exclusive().map_err(io)? {
            waiting();
            file.lock_exclusive().map_err(io)?;
        }
        Ok(WriterLock { _file: file })
    }
}
