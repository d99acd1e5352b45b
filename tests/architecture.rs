//! Architecture invariants that the compiler does not check (see src/lib.rs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

fn src(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir)
}

/// Lines of code, without comments, so a doc comment may name what is absent.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(n, l)| (n + 1, l.to_owned()))
        .collect()
}

#[test]
fn the_domain_imports_no_web_crates_and_reads_no_clock() {
    let forbidden = [
        "yew",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
        "SystemTime",
        "Instant",
        "Date::now",
        "getrandom",
    ];
    let files = rust_files(&src("domain"));
    assert!(files.len() >= 5, "the domain files were found");
    for path in files {
        for (n, line) in code_lines(&path) {
            for word in forbidden {
                assert!(
                    !line.contains(word),
                    "{}:{n} uses `{word}`: the domain must stay pure",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn only_the_store_touches_browser_storage() {
    for path in rust_files(&src("")) {
        if path.starts_with(src("store")) {
            continue;
        }
        for (n, line) in code_lines(&path) {
            for word in [
                "local_storage",
                "localStorage",
                "web_sys::Storage",
                "set_item",
            ] {
                assert!(
                    !line.contains(word),
                    "{}:{n} uses `{word}`: only src/store may touch storage",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn no_unwrap_or_expect_outside_tests() {
    for path in rust_files(&src("")) {
        let text = fs::read_to_string(&path).unwrap();
        // Unit tests sit at the end of a file, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for word in [".unwrap()", ".expect("] {
                assert!(
                    !line.contains(word),
                    "{}:{} uses `{word}` outside tests",
                    path.display(),
                    n + 1
                );
            }
        }
    }
}
