//! The article files under the paths given.
use crate::{Error, Result};
use std::path::PathBuf;

/// Files under the given paths: a folder contributes every article file beneath it
/// (`.jsonl`, `.jsonl.gz`, `.json.gz`, `.ndjson`, `.txt`), sorted by path; a path that does not
/// exist (other than `-`, standard input) is an error naming it, before anything is opened.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| {
                    let s = f.to_string_lossy();
                    [".jsonl", ".jsonl.gz", ".json.gz", ".ndjson", ".txt"].iter().any(|x| s.ends_with(x))
                })
                .collect();
            files.sort();
            out.extend(files);
        } else if p.as_os_str() == "-" || p.exists() {
            out.push(p.clone());
        } else {
            return Err(Error::Missing(p.clone()));
        }
    }
    Ok(out)
}
