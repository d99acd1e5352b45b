//! The app's texts (`src/ui/i18n.rs`), read as source: the UI compiles for the browser
//! only, and this check needs no browser. `texts!` already refuses a key without both
//! languages; this refuses a key whose Chinese and English texts carry different
//! placeholders (`{0}`, `{1}`…), which `Lang::f` would leave unreplaced or drop.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

/// One string literal at the start of `text` (after spaces and a comma): its content
/// with escapes kept as written, and the rest of the line.
fn literal(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start_matches([' ', ',']);
    let body = text.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some((&body[..i], &body[i + 1..])),
            _ => {}
        }
    }
    None
}

/// The placeholders in a text: each `{n}`, once.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            let inside = &rest[..close];
            if !inside.is_empty() && inside.chars().all(|c| c.is_ascii_digit()) {
                found.insert(format!("{{{inside}}}"));
            }
        }
    }
    found
}

/// Every `Key => "zh", "en";` line of the `texts!` blocks (the screens' `T`, the
/// developers' `Dev`).
fn texts() -> Vec<(String, String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/i18n.rs");
    let source = std::fs::read_to_string(&path).unwrap();
    let mut texts = Vec::new();
    let mut rest = source.as_str();
    while let Some(start) = rest.find("\ntexts! {\n") {
        let block = &rest[start + "\ntexts! {\n".len()..];
        let end = block.find("\n}\n").expect("the end of a texts! block");
        rest = &block[end..];
        for line in block[..end].lines().map(str::trim) {
            // Blank lines, comments, the enum's doc, name and closing brace.
            if line.is_empty() || line.starts_with("//") || line.ends_with(" {") || line == "}" {
                continue;
            }
            let (key, rest) = line
                .split_once(" => ")
                .unwrap_or_else(|| panic!("not a text line: {line}"));
            let (zh, rest) = literal(rest).unwrap_or_else(|| panic!("no Chinese text: {line}"));
            let (en, rest) = literal(rest).unwrap_or_else(|| panic!("no English text: {line}"));
            assert_eq!(rest.trim(), ";", "one text in each language: {line}");
            texts.push((key.to_owned(), zh.to_owned(), en.to_owned()));
        }
    }
    assert!(
        texts.iter().any(|(key, ..)| key == "ApiNotText"),
        "the Dev block was read"
    );
    texts
}

#[test]
fn every_text_has_the_same_placeholders_in_both_languages() {
    let texts = texts();
    assert!(texts.len() > 500, "only {} texts were read", texts.len());
    let differ: Vec<String> = texts
        .iter()
        .filter(|(_, zh, en)| placeholders(zh) != placeholders(en))
        .map(|(key, zh, en)| format!("{key}: {zh:?} / {en:?}"))
        .collect();
    assert!(
        differ.is_empty(),
        "placeholders differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn placeholders_and_literals_are_read_as_the_app_writes_them() {
    assert_eq!(
        placeholders("余额 {0}，{1} 与 {0}"),
        BTreeSet::from(["{0}".to_owned(), "{1}".to_owned()])
    );
    assert!(placeholders("{} {x} {").is_empty());
    assert_eq!(
        literal(r#" "a \"b\" {0}", "c";"#),
        Some((r#"a \"b\" {0}"#, r#", "c";"#))
    );
}

/// Issue 16: the reasons stored data could not be read (`codec_error_text`, shown on
/// the recovery screen and in the import report) and the demo's texts are Chinese in
/// Chinese: no English word inside a Chinese screen.
#[test]
fn storage_reasons_and_the_demo_are_chinese_in_chinese() {
    let texts = texts();
    let ours: Vec<_> = texts
        .iter()
        .filter(|(key, _, _)| {
            key.starts_with("Codec") || key.starts_with("Demo") || key.ends_with("Demo")
        })
        .collect();
    assert!(ours.len() >= 12, "only {} texts", ours.len());
    let english: Vec<String> = ours
        .iter()
        .filter(|(_, zh, _)| zh.chars().any(|c| c.is_ascii_alphabetic()))
        .map(|(key, zh, _)| format!("{key}: {zh:?}"))
        .collect();
    assert!(
        english.is_empty(),
        "English in Chinese texts:\n{}",
        english.join("\n")
    );
    // Every reason `CodecError` has is given a text of its own, never its `Display`.
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui/i18n.rs"))
            .unwrap();
    let body = &source[source
        .find("pub fn codec_error_text")
        .expect("codec_error_text")..];
    let body = &body[..body.find("\n}\n").unwrap()];
    for variant in ["Malformed", "NewerFormat", "WrongReplica", "Event", "Meta"] {
        assert!(
            body.contains(&format!("CodecError::{variant}")),
            "{variant}"
        );
    }
    assert!(!body.contains("to_string"), "no Display text");
}
