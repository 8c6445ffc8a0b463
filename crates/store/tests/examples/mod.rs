//! The bundled examples and the article made of markup, extracted, as a batch to store. Shared by
//! the store's and the server's tests (the server's includes this file by path).
use khabar_store::NewArticle;
use std::path::Path;

pub fn batch() -> Vec<NewArticle> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for f in ["examples/articles.jsonl", "web/test/xss.jsonl"] {
        for line in std::fs::read_to_string(root.join(f)).unwrap().lines().filter(|l| !l.trim().is_empty()) {
            let mut fields: serde_json::Map<String, serde_json::Value> = serde_json::from_str(line).unwrap();
            let mut take = |k: &str| fields.remove(k).and_then(|v| v.as_str().map(str::to_string));
            let (id, text, published) = (take("id"), take("text").unwrap(), take("published"));
            let (id, hash) = NewArticle::key_of(id.as_deref(), &text, published.as_deref(), &fields);
            let record = khabar_extract::extract(Some(id.clone()), published.clone(), &text);
            out.push(NewArticle::from_input(id, hash, published, text, fields, record));
        }
    }
    out
}
