//! Reading survives bad bytes: a line that is not UTF-8 is named (file, line, the offset of its
//! first bad byte) and skipped, and the lines after it are read, in plain and gzipped files; a
//! gzip file cut short gives its whole lines, then an error naming the line it stopped in. The
//! inputs are the fixtures in `tests/fixtures` (see its README).
use khabar_ingest::input::{open_all, InputError, Item};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// The ids read and the errors (as their messages, the fixtures' folder left out).
fn read(name: &str) -> (Vec<String>, Vec<String>) {
    let dir = format!("{}/", fixtures().display());
    let (mut ids, mut errors) = (Vec::new(), Vec::new());
    for item in open_all(&[fixture(name)], None) {
        match item {
            Item::Article(r) => ids.push(r.id.unwrap_or_default()),
            Item::Bad(e) => errors.push(e.to_string().replace(&dir, "")),
        }
    }
    (ids, errors)
}

#[test]
fn a_bad_first_line_is_named_and_the_rest_read() {
    let (ids, errors) = read("bad-first-line.jsonl");
    assert_eq!(ids, ["a1", "a2", "a3", "a4"]);
    assert_eq!(errors, ["bad-first-line.jsonl:1: not UTF-8: byte 0xFF at offset 0 of the line"]);
}

#[test]
fn a_bad_middle_line_is_named_and_the_rest_read() {
    let (ids, errors) = read("bad-middle-line.jsonl");
    assert_eq!(ids, ["a1", "a2", "a3", "a4"], "CRLF line ends are taken off as before");
    assert_eq!(errors, ["bad-middle-line.jsonl:3: not UTF-8: byte 0xD8 at offset 26 of the line"]);
}

#[test]
fn a_bad_line_in_a_gzip_file_is_named_and_the_rest_read() {
    let (ids, errors) = read("bad-line.jsonl.gz");
    assert_eq!(ids, ["a1", "a2", "a3", "a4"]);
    assert_eq!(errors, ["bad-line.jsonl.gz:3: not UTF-8: byte 0xD8 at offset 26 of the line"]);
}

#[test]
fn a_truncated_gzip_file_gives_its_whole_lines_then_names_where_it_stopped() {
    let (ids, errors) = read("truncated.jsonl.gz");
    assert_eq!(ids, ["a1", "a2"]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    let e = &errors[0];
    assert!(e.starts_with("truncated.jsonl.gz:3: ") && e.ends_with("(the file cannot be read further)"), "{e}");
}

#[test]
fn a_plain_text_article_that_is_not_utf8_is_named_and_the_next_file_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("article.txt");
    std::fs::write(&text, b"\xd9\x86\xd8\xb5\n\xd9\x86\xd8\xb5 \xff\xfe\n").unwrap();
    let items: Vec<Item> = open_all(&[text.clone(), fixture("bad-first-line.jsonl")], None).collect();
    let Item::Bad(e @ InputError::Utf8 { .. }) = &items[0] else { panic!("the article is refused") };
    assert_eq!(e.to_string(), format!("{}:2: not UTF-8: byte 0xFF at offset 5 of the line", text.display()));
    assert_eq!(e.reason(), "not UTF-8");
    assert_eq!(items.iter().filter(|i| matches!(i, Item::Article(_))).count(), 4, "the next file is read");
}

#[test]
fn a_plain_text_article_with_nul_is_refused_as_in_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("article.txt");
    std::fs::write(&text, "قال المتحدث\nإن\0 الوضع مستقر\n").unwrap();
    let items: Vec<Item> = open_all(&[text.clone(), fixture("bad-first-line.jsonl")], None).collect();
    let Item::Bad(e) = &items[0] else { panic!("the article is refused") };
    assert_eq!(e.to_string(), format!("{}:2: field `text`: contains U+0000 (NUL), which is not text", text.display()));
    assert_eq!(items.iter().filter(|i| matches!(i, Item::Article(_))).count(), 4, "the next file is read");
}
