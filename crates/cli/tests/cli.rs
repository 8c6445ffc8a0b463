//! End-to-end tests of the `khabar` binary: input handling, bad lines, formats, and — over the
//! shared material beside the project (`../shared`) — offsets on the whole corpus and quality
//! against the gold annotations.
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn khabar() -> Command {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
}

fn shared() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    assert!(
        p.join("corpus/ant-news.jsonl.gz").exists(),
        "these tests read ../shared beside the project (see README): {} is missing",
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
fn report_format() {
    let f = tmp("r.txt", "وأفادت الشرطة بسقوط 18 قتيلا. لكن لم يتسن التأكد من هذه الارقام بشكل مستقل.");
    let out = khabar().args(["extract", "--format", "report", "--published", "2022-01-07"]).arg(&f).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("Counts") && s.contains("KILL") && s.contains("18") && s.contains("الشرطة"), "{s}");
    assert!(s.contains("Unverified or disputed") && s.contains("unverified"), "{s}");
}

/// Every record's `text` equals the article slice its code-point offsets point at, on every
/// article of the corpus.
#[test]
fn r2_offsets_hold_on_the_whole_corpus() {
    let corpus = shared().join("corpus/ant-news.jsonl.gz");
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("corpus-out.jsonl");
    let st = khabar().args(["extract", "--keep-text"]).arg(&corpus).arg("-o").arg(&out_path).status().unwrap();
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
        for field in ["counts", "amounts", "dates", "hedges", "quotes"] {
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
    }
    assert_eq!(articles, 17_815);
    assert!(records > 100_000, "only {records} records on the corpus");
}

/// Extracts the gold articles (`gold_to_input.py`) and scores the output with the project's
/// scorer (`score.py --json`); `name` keeps the temporary files of each test apart.
fn score_gold(gold: &[PathBuf], name: &str) -> Value {
    let sh = shared();
    let input = Command::new("python3")
        .arg(sh.join("tools/gold_to_input.py"))
        .args(gold)
        .output()
        .expect("python3 runs the scorer");
    assert!(input.status.success(), "{}", String::from_utf8_lossy(&input.stderr));
    let in_path = tmp(&format!("{name}-in.jsonl"), std::str::from_utf8(&input.stdout).unwrap());
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-out.jsonl"));
    assert!(khabar().arg("extract").arg(&in_path).arg("-o").arg(&out_path).status().unwrap().success());
    let score = Command::new("python3")
        .arg(sh.join("tools/score.py"))
        .args(gold)
        .arg("--system")
        .arg(&out_path)
        .arg("--json")
        .output()
        .unwrap();
    assert!(score.status.success(), "{}", String::from_utf8_lossy(&score.stderr));
    serde_json::from_slice(&score.stdout).unwrap()
}

/// Quality against the gold annotations, scored by the project's scorer (`shared/tools/score.py`)
/// on real output: the thresholds of issue 2.
#[test]
fn r2_quality_against_gold() {
    let sh = shared();
    let gold = [sh.join("seed/kazakhstan-unrest.gold.json"), sh.join("gold/dev"), sh.join("gold/dev-counts")];
    let s = score_gold(&gold, "gold");
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap();
    eprintln!(
        "count {:.3} qualifier {:.3} date {:.3} hedge {:.3}",
        f1("count"),
        f1("count.qualifier"),
        f1("date"),
        f1("hedge")
    );
    assert!(f1("count") >= 0.80, "count F1 {}", f1("count"));
    assert!(f1("count.qualifier") >= 0.80, "qualifier agreement {}", f1("count.qualifier"));
    assert!(f1("date") >= 0.75, "date F1 {}", f1("date"));
    assert!(f1("hedge") >= 0.60, "hedge F1 {}", f1("hedge"));
}

/// ANERcorp test (CAMeL split, rebuilt), tagged by `khabar ner tag --conll` and scored by an
/// independent conlleval (`tools/conlleval.py`). The floor guards what the shipped model reaches
/// (72.0 micro F1); the issue's goal of 80 is not reached yet.
#[test]
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

/// Entity quality on the seed and the dev articles, by the project's scorer: the thresholds of
/// issue 3.
#[test]
fn r3_entity_quality_against_gold() {
    let sh = shared();
    let gold = [sh.join("seed/kazakhstan-unrest.gold.json"), sh.join("gold/dev")];
    let s = score_gold(&gold, "gold-ent");
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap();
    eprintln!(
        "entity {:.3} PER {:.3} ORG {:.3} LOC {:.3}",
        f1("entity.ALL"),
        f1("entity.PER"),
        f1("entity.ORG"),
        f1("entity.LOC")
    );
    assert!(f1("entity.ALL") >= 0.75, "entity F1 {}", f1("entity.ALL"));
    assert!(f1("entity.PER") >= 0.75, "PER F1 {}", f1("entity.PER"));
    assert!(f1("entity.LOC") >= 0.80, "LOC F1 {}", f1("entity.LOC"));
}

/// Quotations on the seed: the thresholds of issue 4, by the project's scorer, and Tokayev's
/// reports linked to his entity.
#[test]
fn r4_seed_quotes() {
    let sh = shared();
    let gold = [sh.join("seed/kazakhstan-unrest.gold.json")];
    let s = score_gold(&gold, "gold-q");
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap();
    eprintln!("seed quote {:.3} attributed {:.3}", f1("quote"), f1("quote.attributed"));
    assert!(f1("quote") >= 0.85, "quote F1 {}", f1("quote"));
    assert!(f1("quote.attributed") >= 0.80, "attributed F1 {}", f1("quote.attributed"));

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

/// Quotations on the dev articles: the thresholds of issue 4 (quote F1 0.80, attributed 0.70).
#[test]
fn r4_dev_quotes() {
    let sh = shared();
    let gold = [sh.join("gold/dev")];
    let s = score_gold(&gold, "gold-qd");
    let f1 = |k: &str| s[k]["f1"].as_f64().unwrap();
    eprintln!("dev quote {:.3} attributed {:.3}", f1("quote"), f1("quote.attributed"));
    assert!(f1("quote") >= 0.80, "quote F1 {}", f1("quote"));
    assert!(f1("quote.attributed") >= 0.70, "attributed F1 {}", f1("quote.attributed"));
}
