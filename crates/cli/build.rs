//! Sets `cfg(khabar_shared)` when the reference data (`../shared` beside the project: the whole
//! ANT corpus, ANERcorp, the seed article) is there, so that the tests needing it run, and are
//! listed by cargo as ignored, with the reason, when it is not. Nothing in the binary uses it.
use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(khabar_shared)");
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let shared = Path::new(&dir).join("../../../shared");
    if shared.join("corpus/ant-news.jsonl.gz").is_file() {
        println!("cargo:rustc-cfg=khabar_shared");
        // noticed when it goes away
        println!("cargo:rerun-if-changed={}", shared.display());
    } else {
        // A path that does not exist would make cargo run this again, and rebuild the binary, on
        // every build; so a `../shared` added later is noticed after `touch crates/cli/build.rs`
        // (the tests' ignore reason says so).
        println!("cargo:rerun-if-changed=build.rs");
    }
}
