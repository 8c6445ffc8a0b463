//! The article files under the paths given.
use std::path::PathBuf;

/// Files under the given paths: a folder contributes every article file beneath it
/// (`.jsonl`, `.jsonl.gz`, `.json.gz`, `.ndjson`, `.txt`), sorted by path.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
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
        } else {
            out.push(p.clone());
        }
    }
    out
}
