//! The import graph of `src/`, file by file: no two files import each other. A module
//! may re-export its own children and a child may use its parent's items; any other
//! pair that imports both ways is a cycle to break with a leaf module that both import
//! (as `domain/text.rs`, `store/segment.rs` and `ui/words/` are).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/a/b.rs` and `src/a/b/mod.rs` are module `a::b`; `lib.rs` and `main.rs` the root.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts == ["lib"] || parts == ["main"] {
        parts.clear();
    }
    parts
}

/// The code of a file without comments and without its unit tests.
fn code(text: &str) -> String {
    let text = text
        .split("#[cfg(test)]\nmod tests")
        .next()
        .unwrap_or_default();
    text.lines()
        .map(|line| line.split_once("//").map_or(line, |(code, _)| code))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree names, `{…}` groups expanded: `a::{b, c::d}` is `a::b`, `a::c::d`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    let (Some(open), Some(close)) = (tree.find('{'), tree.rfind('}')) else {
        let path = tree.split(" as ").next().unwrap_or_default().trim();
        out.push(format!("{prefix}{path}"));
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let Some(inner) = tree.get(open + 1..close) else {
        return;
    };
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&head, &inner[start..i], out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if !inner[start..].trim().is_empty() {
        expand(&head, &inner[start..], out);
    }
}

/// Every path a file names from `crate`, `super` or `self`: in its `use` items and in
/// paths written in its code.
fn named_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(end) = rest.find(';') {
            expand("", &rest[..end], &mut paths);
        }
    }
    for root in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(root) {
            let before = rest[..at].chars().next_back();
            let path: String = rest[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            rest = &rest[at + root.len()..];
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                paths.push(path);
            }
        }
    }
    paths
}

/// The module file a path from module `from` lands in: the longest prefix that is one.
fn resolve(modules: &BTreeSet<Module>, from: &Module, path: &str) -> Option<Module> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut full: Module = match segments.peek().copied() {
        Some("crate") => {
            segments.next();
            Vec::new()
        }
        Some("self") => {
            segments.next();
            from.clone()
        }
        Some("super") => {
            let mut base = from.clone();
            while segments.peek() == Some(&"super") {
                segments.next();
                base.pop();
            }
            base
        }
        _ => return None,
    };
    full.extend(segments.map(str::to_owned));
    (0..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|m| modules.contains(m))
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let texts: BTreeMap<Module, String> = files
        .iter()
        .map(|f| (module_of(&src, f), code(&fs::read_to_string(f).unwrap())))
        .collect();
    let modules: BTreeSet<Module> = texts.keys().cloned().collect();
    texts
        .iter()
        .map(|(module, code)| {
            let imports = named_paths(code)
                .iter()
                .filter_map(|path| resolve(&modules, module, path))
                .filter(|target| target != module)
                .collect();
            (module.clone(), imports)
        })
        .collect()
}

#[test]
fn no_two_files_import_each_other() {
    let graph = graph();
    assert!(graph.len() > 50, "only {} files were read", graph.len());
    let within = |a: &Module, b: &Module| b.starts_with(a) || a.starts_with(b);
    let mut cycles = Vec::new();
    for (a, imports) in &graph {
        for b in imports {
            if a < b && !within(a, b) && graph.get(b).is_some_and(|i| i.contains(a)) {
                cycles.push(format!("{} <-> {}", a.join("/"), b.join("/")));
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "files that import each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_reader_follows_use_trees_and_relative_paths() {
    let mut paths = Vec::new();
    expand("", "super::{a, b::{c, d as e}}", &mut paths);
    assert_eq!(paths, ["super::a", "super::b::c", "super::b::d"]);
    let modules: BTreeSet<Module> = [vec![], vec!["domain".to_owned()]].into_iter().collect();
    let state = vec!["domain".to_owned(), "state".to_owned()];
    assert_eq!(
        resolve(&modules, &state, "super::error::DomainError"),
        Some(vec!["domain".to_owned()])
    );
    // The graph sees a cycle where there is one: wish/plan.rs imports wish/privacy.rs.
    let graph = graph();
    let plan = ["domain", "wish", "plan"].map(str::to_owned).to_vec();
    let privacy = ["domain", "wish", "privacy"].map(str::to_owned).to_vec();
    assert!(graph[&plan].contains(&privacy));
}
