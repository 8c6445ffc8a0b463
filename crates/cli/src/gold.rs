//! Gold files, as the training commands (`ner`, `counts`, `events`) take them.
use anyhow::{bail, Context};
use std::path::PathBuf;

/// The gold JSON files under `paths`: each folder's `*.json` in name order, and files as given;
/// a path that is neither is an error naming it.
pub fn gold_files(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut names: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("reading {}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .collect();
            names.sort();
            files.extend(names);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            bail!("{}: no such file or folder", p.display());
        }
    }
    Ok(files)
}
