//! End-to-end tests of the `khabar` binary: input handling, bad lines, formats, messages; offsets
//! on a sample of the corpus and quality against the gold annotations, both kept in the project
//! (`tests/data`); and, over the reference data beside the project (`../shared`), offsets on the
//! whole corpus, ANERcorp and the seed article. The tests that need `../shared` are built as
//! ignored, with the reason, when it is not there (see `build.rs`).
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

/// The project's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The small data the tests need, kept in the project with its sources and licenses
/// (`tests/data/README.md`).
fn data() -> PathBuf {
    root().join("tests/data")
}

/// The reference data beside the project; only the tests built with `cfg(khabar_shared)` read it.
fn shared() -> PathBuf {
    let p = root().join("../shared");
    assert!(
        p.join("corpus/ant-news.jsonl.gz").exists(),
        "this test reads ../shared beside the project (see README): {} is missing",
        p.display()
    );
    p
}

fn tmp(name: &str, content: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn r2_broken_line_is_reported_and_the_rest_come_out() {
    let input = tmp(
        "broken.jsonl",
        concat!(
            r#"{"id": "a", "published": "2022-01-07T18:00:00+00:00", "text": "مقتل 26 شخصا الجمعة", "source": "x"}"#,
            "\n",
            r#"{"id": "b", "text": "مقتل 26 "#,
            "\n",
            r#"{"id": "c", "text": 42}"#,
            "\n",
            r#"{"id": "d", "text": "اعتقال 3 أشخاص"}"#,
            "\n",
        ),
    );
    let out = khabar().args(["extract"]).arg(&input).output().unwrap();
    assert!(!out.status.success(), "a bad line must make the exit status non-zero");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.jsonl:2: not JSON"), "{stderr}");
    assert!(stderr.contains("broken.jsonl:3: field `text`: must be a string"), "{stderr}");
    let got = lines(&out);
    let ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "d"]);
    assert_eq!(got[0]["counts"][0]["value"], 26.0);
    assert_eq!(got[0]["dates"][0]["value"], "2022-01-07");
    assert_eq!(got[0]["source"], "x", "other fields pass through");
    assert_eq!(got[1]["counts"][0]["category"], "ARREST");
}

/// The readers' hostile inputs (`crates/ingest/tests/fixtures`, described in its README): four
/// articles `a1`–`a4` with a line that is not UTF-8, or cut short.
fn fixture(name: &str) -> PathBuf {
    root().join("crates/ingest/tests/fixtures").join(name)
}

fn ids(out: &Output) -> Vec<String> {
    lines(out).iter().map(|v| v["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn r13_a_line_that_is_not_utf8_is_named_and_every_other_article_comes_out() {
    for (name, line) in [("bad-first-line.jsonl", 1), ("bad-middle-line.jsonl", 3), ("bad-line.jsonl.gz", 3)] {
        let out = khabar().arg("extract").arg(fixture(name)).output().unwrap();
        let e = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {e}");
        assert!(e.contains(&format!("{name}:{line}: not UTF-8: byte 0x")), "{e}");
        assert!(e.contains("1 input line(s) could not be read; 4 article(s) extracted"), "{e}");
        assert_eq!(ids(&out), ["a1", "a2", "a3", "a4"], "{name}");
    }
    let mut child = khabar()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&std::fs::read(fixture("bad-first-line.jsonl")).unwrap()).unwrap();
    let out = child.wait_with_output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("<stdin>:1: not UTF-8: byte 0xFF at offset 0 of the line"), "{e}");
    assert_eq!(ids(&out), ["a1", "a2", "a3", "a4"]);
    // a gzip file cut short: its whole lines, then where it stopped
    let out = khabar().arg("extract").arg(fixture("truncated.jsonl.gz")).output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("truncated.jsonl.gz:3: ") && e.contains("(the file cannot be read further)"), "{e}");
    assert_eq!(ids(&out), ["a1", "a2"]);
}

#[test]
fn r13_ingest_stores_every_article_around_a_line_that_is_not_utf8() {
    let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("r13-not-utf8");
    let _ = std::fs::remove_dir_all(&db);
    let out = khabar().args(["ingest", "--db"]).arg(&db).arg(fixture("bad-first-line.jsonl")).output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{e}");
    assert!(e.contains("bad-first-line.jsonl:1: not UTF-8: byte 0xFF at offset 0 of the line"), "{e}");
    assert!(
        e.contains(": 4 stored, 0 unchanged, 0 replaced, 1 rejected") && e.contains("rejected: 1 × not UTF-8"),
        "{e}"
    );
    let out = khabar().args(["stats", "--json", "--db"]).arg(&db).output().unwrap();
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["articles"], 4);
}

#[test]
fn plain_text_file_and_stdin() {
    let f = tmp("مقال.txt", "أعلنت الشرطة الأحد اعتقال أكثر من 3800 شخص.");
    let out = khabar().args(["extract", "--published", "2022-01-07"]).arg(&f).output().unwrap();
    assert!(out.status.success());
    let v = &lines(&out)[0];
    assert_eq!(v["id"], "مقال");
    assert_eq!(v["counts"][0]["qualifier"], "more_than");
    assert_eq!(v["counts"][0]["attributed_to"]["text"], "الشرطة");
    assert_eq!(v["dates"][0]["value"], "2022-01-02");

    let mut child = khabar().args(["extract", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all("سقوط 18 قتيلا".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(lines(&out)[0]["counts"][0]["value"], 18.0);
}

#[test]
fn bad_published_and_missing_file_are_clear_errors() {
    let f = tmp("a.txt", "نص");
    let out = khabar().args(["extract", "--published", "yesterday"]).arg(&f).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
    let out = khabar().args(["extract", "/nonexistent/file.jsonl"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.jsonl"));
}

#[test]
fn skip_refuses_to_leave_out_what_a_kept_component_requires() {
    let f = tmp("s.txt", "وأفادت الشرطة بسقوط 18 قتيلا في المدينة.");
    let out = khabar().args(["extract", "--skip", "counts"]).arg(&f).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot leave out counts: amounts requires it"), "{err}");
    assert!(out.stdout.is_empty());
    // leaving out both is fine, and only their lists stay empty
    let out = khabar().args(["extract", "--skip", "counts,amounts"]).arg(&f).output().unwrap();
    assert!(out.status.success());
    let a = &lines(&out)[0];
    assert_eq!(a["counts"].as_array().map(Vec::len), Some(0));
    assert_eq!(a["amounts"].as_array().map(Vec::len), Some(0));
    assert!(!a["entities"].as_array().unwrap().is_empty());
}

#[test]
fn ingest_without_a_path_says_what_is_missing() {
    let out = khabar().args(["ingest"]).output().unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("required") && e.contains("<PATHS>..."), "{e}");
}

#[test]
fn ingest_of_a_missing_path_names_it_and_creates_nothing() {
    let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("never-created");
    let _ = std::fs::remove_dir_all(&db);
    let out = khabar().args(["ingest", "--db"]).arg(&db).arg("/nonexistent/articles.jsonl").output().unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("/nonexistent/articles.jsonl: no such file or folder"), "{e}");
    assert!(!db.exists(), "no store is created for input that is not there");
    // a folder without articles is named too
    let empty = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-articles-here");
    std::fs::create_dir_all(&empty).unwrap();
    let out = khabar().args(["ingest", "--db"]).arg(&db).arg(&empty).output().unwrap();
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && e.contains(&format!("no input files under {}", empty.display())), "{e}");
    assert!(!db.exists());
}

#[test]
fn serve_checks_the_address_before_the_store() {
    let db = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-store-here");
    let _ = std::fs::remove_dir_all(&db);
    let out = khabar().args(["serve", "--addr", "bad", "--db"]).arg(&db).output().unwrap();
    assert!(!out.status.success());
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("'bad'") && e.contains("--addr") && e.contains("HOST:PORT"), "{e}");
    assert!(!e.contains("no-store-here"), "the address is checked first: {e}");
    let ex = root().join("examples/articles.jsonl");
    let out = khabar().args(["serve", "--addr", "bad", "--db"]).arg(&db).arg("--ingest").arg(&ex).output().unwrap();
    assert!(!out.status.success() && !db.exists(), "nothing is ingested before the address is checked");
}

#[test]
fn report_format() {
    let f = tmp("r.txt", "وأفادت الشرطة بسقوط 18 قتيلا. لكن لم يتسن التأكد من هذه الارقام بشكل مستقل.");
    let out = khabar().args(["extract", "--format", "report", "--published", "2022-01-07"]).arg(&f).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Counts") && s.contains("KILL") && s.contains("18") && s.contains("الشرطة"), "{s}");
    assert!(s.contains("Unverified or disputed") && s.contains("unverified"), "{s}");
}

/// Extracts `corpus` (JSON Lines) and checks that every record's `text` equals the article slice
/// its code-point offsets point at; returns how many articles and records were checked.
fn offsets_hold(corpus: &Path, name: &str) -> (usize, usize) {
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-out.jsonl"));
    let st = khabar().args(["extract", "--keep-text"]).arg(corpus).arg("-o").arg(&out_path).status().unwrap();
    assert!(st.success());
    let data = std::fs::read_to_string(&out_path).unwrap();
    let (mut articles, mut records) = (0, 0);
    for line in data.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        articles += 1;
        for e in v["entities"].as_array().unwrap() {
            for m in e["mentions"].as_array().unwrap() {
                let (a, b) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
                assert_eq!(text[a..b].iter().collect::<String>(), m["text"].as_str().unwrap(), "{} entity", v["id"]);
                records += 1;
            }
        }
        // every record carries its tone (GDELT's seven numbers)
        assert!(
            v["tone"]["words"].as_u64().is_some() && v["tone"]["tone"].is_number(),
            "{} tone: {}",
            v["id"],
            v["tone"]
        );
        for field in ["counts", "amounts", "dates", "hedges", "quotes", "themes"] {
            for r in v[field].as_array().unwrap() {
                let mut spans = vec![r];
                for inner in ["attributed_to", "speaker"] {
                    if r.get(inner).is_some_and(|a| !a.is_null()) {
                        spans.push(&r[inner]);
                    }
                }
                for s in spans {
                    let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                    assert!(a < b && b <= text.len(), "{} {field}: bad range {a}..{b}", v["id"]);
                    let slice: String = text[a..b].iter().collect();
                    assert_eq!(slice, s["text"].as_str().unwrap(), "{} {field}", v["id"]);
                    records += 1;
                }
            }
        }
        for e in v["events"].as_array().unwrap() {
            for part in ["trigger", "source", "target", "location", "attributed_to"] {
                let s = &e[part];
                if s.is_null() {
                    continue;
                }
                let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
                assert!(a < b && b <= text.len(), "{} event {part}: bad range {a}..{b}", v["id"]);
                assert_eq!(
                    text[a..b].iter().collect::<String>(),
                    s["text"].as_str().unwrap(),
                    "{} event {part}",
                    v["id"]
                );
                records += 1;
            }
            for k in e["counts"].as_array().unwrap() {
                assert!(
                    (k.as_u64().unwrap() as usize) < v["counts"].as_array().unwrap().len(),
                    "{} event count {k}",
                    v["id"]
                );
            }
        }
    }
    (articles, records)
}

/// Every record's `text` equals the article slice its code-point offsets point at, on every
/// article of the corpus.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the ANT corpus), not found beside the project")]
fn r2_offsets_hold_on_the_whole_corpus() {
    let (articles, records) = offsets_hold(&shared().join("corpus/ant-news.jsonl.gz"), "corpus");
    assert_eq!(articles, 17_815);
    assert!(records > 100_000, "only {records} records on the corpus");
}

/// The same on the corpus sample kept in the project (every 59th article).
#[test]
fn r2_offsets_hold_on_the_corpus_sample() {
    let (articles, records) = offsets_hold(&data().join("ant-sample.jsonl.gz"), "sample");
    assert_eq!(articles, 302);
    assert!(records > 10_000, "only {records} records on the sample");
}

/// Extracts the gold articles (`gold_to_input.py`) and scores the output with the project's
/// scorer (`score.py --json`, both in `tests/data/tools`); `name` keeps the temporary files of
/// each test apart.
fn score_gold(gold: &[PathBuf], name: &str) -> Value {
    let tools = data().join("tools");
    let input = Command::new("python3")
        .arg(tools.join("gold_to_input.py"))
        .args(gold)
        .output()
        .expect("python3 runs the scorer");
    assert!(input.status.success(), "{}", String::from_utf8_lossy(&input.stderr));
    let in_path = tmp(&format!("{name}-in.jsonl"), std::str::from_utf8(&input.stdout).unwrap());
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-out.jsonl"));
    assert!(khabar().arg("extract").arg(&in_path).arg("-o").arg(&out_path).status().unwrap().success());
    let score = Command::new("python3")
        .arg(tools.join("score.py"))
        .args(gold)
        .arg("--system")
        .arg(&out_path)
        .arg("--json")
        .output()
        .unwrap();
    assert!(score.status.success(), "{}", String::from_utf8_lossy(&score.stderr));
    serde_json::from_slice(&score.stdout).unwrap()
}

/// Each F1 of `s` named in `floors` is at least its floor. The floors sit about three points
/// under what the shipped extractors measure (README, "Quality"), so that a regression fails.
fn at_least(s: &Value, floors: &[(&str, f64)]) {
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap_or_else(|| panic!("no {k} in the scores: {s}"));
    eprintln!("{}", floors.iter().map(|(k, _)| format!("{k} {:.3}", f1(k))).collect::<Vec<_>>().join(", "));
    let low: Vec<String> = floors
        .iter()
        .filter(|(k, floor)| f1(k) < *floor)
        .map(|(k, floor)| format!("{k} {:.3} < {floor}", f1(k)))
        .collect();
    assert!(low.is_empty(), "under the floor: {}", low.join(", "));
}

/// The project's own gold (`data/gold`, README "Our own gold"): the part tuned on and the part
/// only scored, each with floors about three points under what is measured.
#[test]
fn project_gold_train_and_heldout() {
    let s = score_gold(&[root().join("data/gold/train")], "own-train");
    // measured: entity 0.947 (the tagger trains on these articles), quote 0.853, attributed 0.762,
    // count 0.937 (the count decision trains on them too), date 0.935, hedge 0.842 (9 gold),
    // event 0.835 (the event classifier trains on them too)
    at_least(
        &s,
        &[
            ("entity.ALL", 0.91),
            ("quote", 0.82),
            ("quote.attributed", 0.72),
            ("count", 0.90),
            ("date", 0.90),
            ("hedge", 0.78),
            ("event", 0.79),
        ],
    );
    let s = score_gold(&[root().join("data/gold/heldout")], "own-heldout");
    // measured: entity 0.781, quote 0.825, attributed 0.645, count 0.860, date 0.940, hedge 0.923
    // (6 gold), event 0.616, event source 0.586
    at_least(
        &s,
        &[
            ("entity.ALL", 0.76),
            ("quote", 0.79),
            ("quote.attributed", 0.61),
            ("count", 0.83),
            ("date", 0.91),
            ("hedge", 0.85),
            ("event", 0.58),
            ("event.source", 0.55),
        ],
    );
    // the 12 held-out articles of the later batch (`heldout2`): measured entity 0.834, ORG 0.720
    let s = score_gold(&[root().join("data/gold/heldout2")], "own-heldout2");
    at_least(&s, &[("entity.ALL", 0.80), ("entity.ORG", 0.68)]);
    // the 11 held-out articles of the fourth batch (`heldout3`): measured entity 0.819, quote 0.844,
    // attributed 0.682, date 1.000
    let s = score_gold(&[root().join("data/gold/heldout3")], "own-heldout3");
    at_least(&s, &[("entity.ALL", 0.79), ("quote", 0.79), ("quote.attributed", 0.64), ("date", 0.95)]);
}

/// The count decision's weights are what `khabar counts train` makes from the committed data,
/// byte for byte, and the model beats the rules on the held-out corpus figures it never saw.
#[test]
fn count_model_retrains_to_the_committed_weights() {
    let out = std::env::temp_dir().join(format!("khabar-count-model-{}.tsv", std::process::id()));
    let r = khabar()
        .current_dir(root())
        .args(["counts", "train", "--gold", "tests/data/gold/dev", "--gold", "tests/data/gold/dev-counts"])
        .args(["--gold", "data/gold/train", "--gold", "data/gold/train2", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let trained = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    let committed = std::fs::read_to_string(root().join("crates/extract/data/count_model.tsv")).unwrap();
    assert!(trained == committed, "retrain with `khabar counts train` (README, Counts): the weights differ");
    let r = khabar().current_dir(root()).args(["counts", "eval"]).output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = String::from_utf8_lossy(&r.stdout);
    let f1 = |who: &str| -> f64 {
        let line = text.lines().find(|l| l.starts_with(who)).unwrap_or_else(|| panic!("no {who} line in {text}"));
        line.split("F1 ").nth(1).and_then(|x| x.split_whitespace().next()).and_then(|x| x.parse().ok()).unwrap()
    };
    // measured: model 0.837, rules 0.768 (382 held-out figures, 110 of them counts)
    assert!(f1("model") >= 0.81, "{text}");
    assert!(f1("model") > f1("rules"), "{text}");
}

/// Counts, dates and hedges on the dev articles (`tests/data/gold`), by the project's scorer.
#[test]
fn r2_quality_against_gold() {
    let gold = [data().join("gold/dev"), data().join("gold/dev-counts")];
    let s = score_gold(&gold, "gold");
    // measured: count 0.971, qualifier agreement 1.000, date 0.978, hedge 0.833 (5 gold)
    at_least(&s, &[("count", 0.94), ("count.qualifier", 0.97), ("date", 0.95), ("hedge", 0.80)]);
}

/// Events (issue 16) on the dev articles of `tests/data/gold`: the classifier is trained on
/// them (with the seed), so this guards against regressions and measures nothing; README
/// "Events" gives the cross-validated figures.
#[test]
fn r16_events_against_gold() {
    let s = score_gold(&[data().join("gold/dev")], "events-dev");
    // measured: event 0.896, source 0.476, target 0.250, location 0.451
    at_least(&s, &[("event", 0.87), ("event.source", 0.44), ("event.target", 0.22), ("event.location", 0.42)]);
}

/// Events on the seed article (trained on, as above).
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the seed article), not found beside the project")]
fn r16_seed_events() {
    let s = score_gold(&[shared().join("seed/kazakhstan-unrest.gold.json")], "events-seed");
    // measured: event 0.883, location 0.488
    at_least(&s, &[("event", 0.85), ("event.location", 0.45)]);
}

/// `khabar events train` on the gold it was trained on gives the embedded weights byte for byte.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the seed article, trained on), not found beside the project")]
fn r16_event_model_retrains_byte_for_byte() {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("event_model.txt");
    let st = khabar()
        .args(["events", "train", "--gold"])
        .arg(data().join("gold/dev"))
        .arg(shared().join("seed/kazakhstan-unrest.gold.json"))
        .arg(root().join("data/gold/train"))
        .arg(root().join("data/gold/train-events"))
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(st.success());
    let ours = std::fs::read(root().join("crates/extract/data/event_model.txt")).unwrap();
    assert!(std::fs::read(&out).unwrap() == ours, "retraining does not reproduce crates/extract/data/event_model.txt");
}

/// Counts, dates, hedges and entities on the seed article (`../shared/seed`).
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the seed article), not found beside the project")]
fn r2_seed_quality_against_gold() {
    let s = score_gold(&[shared().join("seed/kazakhstan-unrest.gold.json")], "gold-seed");
    // measured: counts, qualifiers, dates and hedges all 1.000 (7, 7, 7, 2 gold); entities 0.772
    at_least(&s, &[("count", 0.97), ("count.qualifier", 0.97), ("date", 0.97), ("hedge", 0.97), ("entity.ALL", 0.72)]);
}

/// ANERcorp test (CAMeL split, rebuilt), tagged by `khabar ner tag --conll` and scored by an
/// independent conlleval (`tools/conlleval.py`). The floors guard what the shipped model reaches
/// (micro 72.54, LOC 86.31, PERS 71.50, ORG 58.44, MISC 56.38); the issue's goal of 80 is not
/// reached yet.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (ANERcorp), not found beside the project")]
fn r3_anercorp_scored_by_independent_conlleval() {
    let test = shared().join("ner/anercorp/test.conll");
    let tagged = khabar().args(["ner", "tag", "--conll"]).arg(&test).output().unwrap();
    assert!(tagged.status.success(), "{}", String::from_utf8_lossy(&tagged.stderr));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/conlleval.py");
    let mut child =
        Command::new("python3").arg(script).arg("--json").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&tagged.stdout).unwrap();
    let out = child.wait_with_output().unwrap();
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap();
    eprintln!(
        "ANERcorp micro {:.4} PERS {:.4} LOC {:.4} ORG {:.4} MISC {:.4}",
        f1("micro"),
        f1("PERS"),
        f1("LOC"),
        f1("ORG"),
        f1("MISC")
    );
    assert!(f1("micro") >= 0.70, "micro F1 {}", f1("micro"));
    assert!(f1("LOC") >= 0.85, "LOC F1 {}", f1("LOC"));
    assert!(f1("PERS") >= 0.68, "PERS F1 {}", f1("PERS"));
    assert!(f1("ORG") >= 0.55, "ORG F1 {}", f1("ORG"));
    assert!(f1("MISC") >= 0.53, "MISC F1 {}", f1("MISC"));
}

fn seed_output() -> Value {
    let seed = shared().join("seed/kazakhstan-unrest.txt");
    let out = khabar().args(["extract", "--published", "2022-01-07T18:00:00+00:00"]).arg(&seed).output().unwrap();
    assert!(out.status.success());
    lines(&out).remove(0)
}

/// The seed's entities: one entity per real thing, across spellings and partial names, and
/// places with coordinates and Latin names.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the seed article), not found beside the project")]
fn r3_seed_entities() {
    let v = seed_output();
    let ents = v["entities"].as_array().unwrap();
    let with = |t: &str| -> Vec<&Value> {
        ents.iter().filter(|e| e["mentions"].as_array().unwrap().iter().any(|m| m["text"] == t)).collect()
    };
    let almaty = with("ألماتي");
    assert_eq!(almaty.len(), 1);
    assert!(
        almaty[0]["mentions"].as_array().unwrap().iter().any(|m| m["text"] == "الماتي"),
        "ألماتي and الماتي are one entity"
    );
    assert_eq!(almaty[0]["type"], "LOC");
    let tokayev: Vec<&Value> = ents
        .iter()
        .filter(|e| e["mentions"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains("توكاييف")))
        .collect();
    assert_eq!(tokayev.len(), 1, "all of Tokayev's mentions are one entity");
    assert_eq!(tokayev[0]["name"], "قاسم جومرت توكاييف");
    for (name, latin, lat, lon) in
        [("ألماتي", "Almaty", 43.24, 76.89), ("باريس", "Paris", 48.86, 2.35), ("موسكو", "Moscow", 55.76, 37.62)]
    {
        let e = with(name);
        assert_eq!(e.len(), 1, "{name}");
        assert_eq!(e[0]["latin"], latin);
        let g = &e[0]["geo"];
        assert!(
            (g["lat"].as_f64().unwrap() - lat).abs() < 1.0 && (g["lon"].as_f64().unwrap() - lon).abs() < 1.0,
            "{name}: {g}"
        );
    }
    // mentions exclude attached clitics and point at their words
    let text = std::fs::read_to_string(shared().join("seed/kazakhstan-unrest.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for e in ents {
        for m in e["mentions"].as_array().unwrap() {
            let (a, b) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[a..b].iter().collect::<String>(), m["text"].as_str().unwrap());
            assert!(!m["text"].as_str().unwrap().starts_with("بألماتي"));
        }
    }
}

/// Entity quality on the dev articles (`tests/data/gold/dev`), by the project's scorer.
#[test]
fn r3_entity_quality_against_gold() {
    let s = score_gold(&[data().join("gold/dev")], "gold-ent");
    // measured: 0.826, PER 0.855, ORG 0.801, LOC 0.834
    at_least(&s, &[("entity.ALL", 0.79), ("entity.PER", 0.82), ("entity.ORG", 0.77), ("entity.LOC", 0.80)]);
}

/// Quotations on the seed, by the project's scorer, and Tokayev's reports linked to his entity.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (the seed article), not found beside the project")]
fn r4_seed_quotes() {
    let s = score_gold(&[shared().join("seed/kazakhstan-unrest.gold.json")], "gold-q");
    // measured: 0.952, attributed 0.889
    at_least(&s, &[("quote", 0.92), ("quote.attributed", 0.85)]);

    let v = seed_output();
    let tokayev: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["mentions"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains("توكاييف")))
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(tokayev.len(), 1);
    let his = v["quotes"].as_array().unwrap().iter().filter(|q| q["speaker"]["entity"] == tokayev[0]).count();
    assert!(his >= 8, "{his} quotes point at Tokayev's entity");
    // every quote's text, speaker and cue point at their words
    let text: Vec<char> =
        std::fs::read_to_string(shared().join("seed/kazakhstan-unrest.txt")).unwrap().chars().collect();
    for q in v["quotes"].as_array().unwrap() {
        for r in [q, &q["speaker"]] {
            if r.is_null() {
                continue;
            }
            let (a, b) = (r["start"].as_u64().unwrap() as usize, r["end"].as_u64().unwrap() as usize);
            assert_eq!(text[a..b].iter().collect::<String>(), r["text"].as_str().unwrap());
        }
        assert!(matches!(q["kind"].as_str().unwrap(), "direct" | "partial" | "indirect"));
    }
}

/// Quotations on the dev articles (`tests/data/gold/dev`), by the project's scorer.
#[test]
fn r4_dev_quotes() {
    let s = score_gold(&[data().join("gold/dev")], "gold-qd");
    // measured: 0.862, attributed 0.748
    at_least(&s, &[("quote", 0.83), ("quote.attributed", 0.71)]);
}

/// The copies in `tests/data` are what `../shared` holds: the gold files and the scorer unchanged,
/// the sample every 59th line of the corpus.
#[test]
#[cfg_attr(not(khabar_shared), ignore = "needs ../shared (gold, scorer and corpus), not found beside the project")]
fn tests_data_is_a_faithful_copy_of_shared() {
    let sh = shared();
    let mut files = vec!["tools/score.py".to_string(), "tools/gold_to_input.py".to_string()];
    for dir in ["gold/dev", "gold/dev-counts"] {
        let mut names: Vec<String> = std::fs::read_dir(sh.join(dir))
            .unwrap()
            .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        let mut ours: Vec<String> = std::fs::read_dir(data().join(dir))
            .unwrap()
            .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        ours.sort();
        assert_eq!(ours, names, "tests/data/{dir} holds the files of ../shared/{dir}");
        files.extend(names);
    }
    for f in files {
        let (ours, theirs) = (std::fs::read(data().join(&f)).unwrap(), std::fs::read(sh.join(&f)).unwrap());
        assert!(ours == theirs, "tests/data/{f} differs from ../shared/{f}");
    }
    let read = |p: PathBuf| -> Vec<String> {
        use std::io::BufRead;
        let f = flate2::read::MultiGzDecoder::new(std::fs::File::open(p).unwrap());
        std::io::BufReader::new(f).lines().map(|l| l.unwrap()).filter(|l| !l.trim().is_empty()).collect()
    };
    let corpus = read(sh.join("corpus/ant-news.jsonl.gz"));
    let every_59th: Vec<String> = corpus.into_iter().step_by(59).collect();
    assert!(read(data().join("ant-sample.jsonl.gz")) == every_59th, "the sample is every 59th article of the corpus");
}

/// Persons carry a Latin spelling (`khabar_ner::persons`) on most news articles: the share of
/// person entities with `latin` on the corpus sample, and every spelling in Latin letters.
#[test]
fn persons_carry_latin_on_the_corpus_sample() {
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("latin-out.jsonl");
    let st = khabar().arg("extract").arg(data().join("ant-sample.jsonl.gz")).arg("-o").arg(&out_path).status().unwrap();
    assert!(st.success());
    let (mut persons, mut latin) = (0usize, 0usize);
    for line in std::fs::read_to_string(&out_path).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        for e in v["entities"].as_array().unwrap().iter().filter(|e| e["type"] == "PER") {
            persons += 1;
            if let Some(l) = e["latin"].as_str() {
                assert!(
                    l.chars()
                        .all(|c| c.is_alphabetic() && !('\u{0600}'..='\u{06FF}').contains(&c) || " '-.".contains(c)),
                    "{l}"
                );
                latin += 1;
            }
        }
    }
    let share = latin as f64 / persons as f64;
    eprintln!("{latin} of {persons} persons carry latin ({share:.3})");
    assert!(persons > 500 && share >= 0.60, "{latin} of {persons} persons carry latin ({share:.3})");
}
