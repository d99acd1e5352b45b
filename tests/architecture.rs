//! Architecture invariants that the compiler does not check (the list, with the test of
//! each, is in src/lib.rs's crate documentation).

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

/// The module path of a file under src/ (`src/domain/wish/plan.rs` is
/// `["domain", "wish", "plan"]`; a `mod.rs` is its folder's module).
fn module_of(path: &Path) -> Vec<String> {
    let relative = path.strip_prefix(src("")).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    parts
}

/// The crate's top-level modules that the paths on a line reach (`crate::store::…`,
/// `super::super::ui::…` from deep enough), as the first segment after the root.
fn top_modules_named(module: &[String], line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let word_at = |rest: &str| -> String {
        if rest.starts_with('{') {
            return "{".to_owned();
        }
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in line.match_indices("crate::") {
        let before = line[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        found.push(word_at(&line[at + "crate::".len()..]));
    }
    let mut rest = line;
    while let Some(at) = rest.find("super::") {
        let before = rest[..at].chars().last();
        let mut supers = 0;
        let mut tail = &rest[at..];
        while let Some(next) = tail.strip_prefix("super::") {
            supers += 1;
            tail = next;
        }
        if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && supers >= module.len() {
            found.push(word_at(tail));
        }
        rest = tail;
    }
    found
}

#[test]
fn the_domain_imports_nothing_else_of_the_crate() {
    let files = rust_files(&src("domain"));
    for path in files {
        let module = module_of(&path);
        for (n, line) in code_lines(&path) {
            for top in top_modules_named(&module, &line) {
                assert_eq!(
                    top,
                    "domain",
                    "{}:{n} reaches `crate::{top}`: the domain imports neither store nor ui, nor \
                     anything else of the crate (a grouped `crate::{{…}}` is refused too)",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_module_path_reader_sees_through_super_and_groups() {
    let plan: Vec<String> = ["domain", "wish", "plan"].map(String::from).to_vec();
    let named = |line: &str| top_modules_named(&plan, line);
    assert_eq!(named("use crate::domain::id::EventId;"), ["domain"]);
    assert_eq!(named("use crate::store::Store;"), ["store"]);
    assert_eq!(named("use crate::{domain, ui};"), ["{"]);
    assert_eq!(named("use super::privacy;"), Vec::<String>::new());
    assert_eq!(named("use super::super::text;"), Vec::<String>::new());
    assert_eq!(named("use super::super::super::ui::host;"), ["ui"]);
    assert_eq!(named("let x = my_crate::store::y;"), Vec::<String>::new());
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

/// Every test that src/lib.rs's invariants name, written `path::function`, exists.
#[test]
fn every_invariant_names_a_test_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lib = fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let section = lib
        .split("//! ## Architecture invariants")
        .nth(1)
        .expect("src/lib.rs has an invariants section");
    let docs: Vec<&str> = section
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("//!"))
        .map(|line| line.trim_start_matches("//!").trim())
        .collect();
    // One invariant per bullet; its continuation lines join it.
    let mut invariants: Vec<String> = Vec::new();
    for line in docs {
        if let Some(first) = line.strip_prefix("- ") {
            invariants.push(first.to_owned());
        } else if let Some(last) = invariants.last_mut() {
            last.push(' ');
            last.push_str(line);
        }
    }
    assert!(
        invariants.len() >= 10,
        "the invariants were read: {invariants:?}"
    );
    for invariant in &invariants {
        let tests: Vec<&str> = invariant
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|q| q.contains(".rs::"))
            .collect();
        assert!(
            !tests.is_empty(),
            "this invariant names no test (`path.rs::function`): {invariant}"
        );
        for test in tests {
            let (file, function) = test.split_once("::").unwrap();
            let text = fs::read_to_string(root.join(file))
                .unwrap_or_else(|_| panic!("{file}, named by an invariant, exists"));
            assert!(
                text.contains(&format!("fn {function}("))
                    || text.contains(&format!("fn {function}<")),
                "{file} has no `fn {function}`, which an invariant names"
            );
        }
    }
}
