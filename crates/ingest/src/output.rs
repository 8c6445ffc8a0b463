//! The object `khabar extract` writes for one article, shared by the binary and the Python
//! module so that both give the same record.
use khabar_model::Article;
use serde_json::{Map, Value};

/// The output object of one article: the input's other fields (`extra`), the contract's keys over
/// them (the contract's own keys win), and `text` when it is given (`--keep-text`). Keys are in
/// `serde_json`'s map order (sorted), as they are written.
pub fn record(article: &Article, extra: Map<String, Value>, text: Option<String>) -> Map<String, Value> {
    let mut obj = extra;
    // an Article is plain data (strings, numbers, lists): it always serializes to an object
    if let Ok(Value::Object(contract)) = serde_json::to_value(article) {
        obj.extend(contract);
    }
    if let Some(text) = text {
        obj.insert("text".into(), Value::String(text));
    }
    obj
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_wins_over_input_fields_and_the_text_is_kept_when_asked() {
        let a = Article::new(Some("a1".into()), None);
        let extra: Map<String, Value> =
            serde_json::from_str(r#"{"id": "ignored", "source": "BBC", "entities": 3}"#).unwrap();
        let obj = record(&a, extra, Some("نص".into()));
        assert_eq!(obj["id"], "a1");
        assert_eq!(obj["source"], "BBC");
        assert_eq!(obj["entities"], Value::Array(vec![]));
        assert_eq!(obj["text"], "نص");
        assert!(!record(&a, Map::new(), None).contains_key("text"));
    }
}
