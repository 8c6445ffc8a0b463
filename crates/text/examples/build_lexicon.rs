//! Builds `data/lexicon.tsv`, the word-frequency lexicon the clitic analyzer consults, from the
//! ANT corpus (Apache-2.0; Chouigui, Ben Khiroun, Elayeb, AICCSA 2017).
//!
//! `cargo run --release -p khabar-text --example build_lexicon -- ../shared/corpus/ant-news.jsonl.gz crates/text/data/lexicon.tsv`
//!
//! Every Arabic token of every article's title and text is normalized (lossy) and counted; forms
//! seen at least `MIN_COUNT` times are written, most frequent first, after a header naming the
//! source and license.
use khabar_text::token::{tokenize, TokenKind};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const MIN_COUNT: u32 = 5;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match args.as_slice() {
        [_, i, o] => (i.clone(), o.clone()),
        _ => return Err("usage: build_lexicon CORPUS.jsonl.gz OUT.tsv".into()),
    };
    let file = std::fs::File::open(&input)?;
    let reader: Box<dyn BufRead> = if input.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut articles = 0;
    for line in reader.lines() {
        let line = line?;
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        articles += 1;
        for field in ["title", "text"] {
            if let Some(text) = v.get(field).and_then(|t| t.as_str()) {
                for t in tokenize(text) {
                    if t.kind == TokenKind::Arabic && t.norm.chars().count() >= 2 {
                        *counts.entry(t.norm).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut rows: Vec<(String, u32)> = counts.into_iter().filter(|&(_, n)| n >= MIN_COUNT).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = std::io::BufWriter::new(std::fs::File::create(&output)?);
    writeln!(
        out,
        "# Normalized Arabic word forms and their counts in the ANT Corpus v2.1 ({articles} articles; Apache-2.0;"
    )?;
    writeln!(out, "# Chouigui, Ben Khiroun, Elayeb, AICCSA 2017). Forms seen at least {MIN_COUNT} times. Built by examples/build_lexicon.rs.")?;
    for (w, n) in &rows {
        writeln!(out, "{w}\t{n}")?;
    }
    eprintln!("{} forms from {articles} articles -> {output}", rows.len());
    Ok(())
}
