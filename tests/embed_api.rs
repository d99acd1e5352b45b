//! The README's "Embedding" section against the types of the JavaScript boundary
//! (`linli::api`): every option, every field of the import summary and every event and
//! field of its `detail` that the README names exists in the types, and the other way
//! round. The names are read from what serde makes of the types (JSON here; the browser
//! gets the same shape from serde-wasm-bindgen's JSON-compatible serializer).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use linli::api::{
    ChangeDetail, ErrorDetail, HostDetail, ImportSummary, MountOptions, PointsDetail,
    RecordedEvent, RejectedRecord, Source,
};
use serde_json::Value;

/// README.md's "## Embedding" section.
fn embedding() -> String {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme.find("\n## Embedding").expect("an Embedding section");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |at| at + 3);
    rest[..end].to_owned()
}

/// The texts between backticks on a line.
fn quoted(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

/// The fields a shape such as `{a, b: [{c, d}], e: [id]}` names, as paths: `a`,
/// `b[].c`, `b[].d`, `e[]`.
fn paths_of_shape(text: &str) -> BTreeSet<String> {
    fn value(chars: &[char], at: &mut usize, prefix: &str, out: &mut BTreeSet<String>) {
        skip_spaces(chars, at);
        match chars.get(*at) {
            Some('{') => {
                *at += 1;
                loop {
                    skip_spaces(chars, at);
                    if chars.get(*at) == Some(&'}') {
                        *at += 1;
                        return;
                    }
                    let key = word(chars, at);
                    assert!(!key.is_empty(), "a field name at {at} of the shape");
                    let path = if prefix.is_empty() {
                        key
                    } else {
                        format!("{prefix}.{key}")
                    };
                    skip_spaces(chars, at);
                    if chars.get(*at) == Some(&':') {
                        *at += 1;
                        value(chars, at, &path, out);
                    } else {
                        out.insert(path);
                    }
                    skip_spaces(chars, at);
                    if chars.get(*at) == Some(&',') {
                        *at += 1;
                    }
                }
            }
            Some('[') => {
                *at += 1;
                value(chars, at, &format!("{prefix}[]"), out);
                skip_spaces(chars, at);
                assert_eq!(chars.get(*at), Some(&']'), "a closed list in the shape");
                *at += 1;
            }
            _ => {
                // A placeholder for a plain value (`id`).
                word(chars, at);
                out.insert(prefix.to_owned());
            }
        }
    }
    fn skip_spaces(chars: &[char], at: &mut usize) {
        while chars.get(*at).is_some_and(|c| c.is_whitespace()) {
            *at += 1;
        }
    }
    fn word(chars: &[char], at: &mut usize) -> String {
        let start = *at;
        while chars
            .get(*at)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            *at += 1;
        }
        chars[start..*at].iter().collect()
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = BTreeSet::new();
    let mut at = 0;
    value(&chars, &mut at, "", &mut out);
    assert_eq!(at, chars.len(), "the whole shape `{text}` was read");
    out
}

/// The same paths for a value serde made (lists hold one sample element).
fn paths_of_value(value: &Value) -> BTreeSet<String> {
    fn walk(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(fields) => {
                for (key, field) in fields {
                    let path = if prefix.is_empty() {
                        key.clone()
                    } else {
                        format!("{prefix}.{key}")
                    };
                    walk(field, &path, out);
                }
            }
            Value::Array(items) => {
                let first = items.first().expect("a sample list with one element");
                walk(first, &format!("{prefix}[]"), out);
            }
            _ => {
                out.insert(prefix.to_owned());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(value, "", &mut out);
    out
}

fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn the_shape_reader_reads_nested_lists() {
    assert_eq!(
        paths_of_shape("{a, b: [{c, d}], e: [id]}"),
        set(&["a", "b[].c", "b[].d", "e[]"])
    );
}

#[test]
fn mount_options_are_the_readmes_options_and_attributes() {
    let section = embedding();
    let fields: BTreeSet<String> = match json(&MountOptions::<String>::default()) {
        Value::Object(fields) => fields.keys().cloned().collect(),
        other => panic!("options are an object, not {other}"),
    };

    // The options object of the snippet: `name: value,` lines inside `mount(element, {`.
    let snippet: BTreeSet<String> = section
        .lines()
        .skip_while(|line| !line.contains("mount(element, {"))
        .skip(1)
        .take_while(|line| !line.trim_start().starts_with("});"))
        .filter_map(|line| line.trim().split_once(':'))
        .map(|(name, _)| name.to_owned())
        .filter(|name| name.chars().all(|c| c.is_ascii_lowercase()))
        .collect();
    assert_eq!(
        snippet, fields,
        "the options in README's mount(element, {{…}})"
    );

    // The declarative form's attributes.
    let attributes: BTreeSet<String> = section
        .lines()
        .flat_map(quoted)
        .filter_map(|q| q.strip_prefix("data-"))
        .filter(|name| *name != "linli" && !name.contains(['=', ' ']))
        .map(str::to_owned)
        .collect();
    assert_eq!(attributes, fields, "the data-* attributes README lists");

    // And every option is read, and named when it is not text.
    for name in &fields {
        let given: MountOptions =
            serde_json::from_str(&format!(r#"{{"{name}": 5}}"#)).expect("any value is read");
        assert_eq!(given.texts(), Err(name.as_str()), "{name} is named");
    }
}

#[test]
fn the_import_summary_is_the_readmes() {
    let section = embedding();
    let row = section
        .lines()
        .find(|line| line.starts_with("| `handle.importData(text)`"))
        .expect("README's importData row");
    let shape = quoted(row)
        .into_iter()
        .find(|q| q.starts_with('{'))
        .expect("the summary's shape in the row");
    let sample = ImportSummary {
        rejected: vec![RejectedRecord::default()],
        conflicts: vec![String::new()],
        ..ImportSummary::default()
    };
    assert_eq!(paths_of_value(&json(&sample)), paths_of_shape(shape));
}

/// One detail of each event the host hears.
fn samples() -> Vec<HostDetail> {
    let samples = vec![
        HostDetail::Change(ChangeDetail {
            source: Source::Action,
            events: vec![RecordedEvent {
                kind: "award_points".into(),
                id: "1a-2".into(),
                at: 0.0,
            }],
        }),
        HostDetail::Points(PointsDetail {
            event: "1a-2".into(),
            volunteer: "1a-1".into(),
            who: "王*明".into(),
            points: 2.5,
            balance: 2.5,
        }),
        HostDetail::Error(ErrorDetail {
            code: "refused".into(),
            message: String::new(),
        }),
    ];
    for detail in &samples {
        // A new kind of event does not compile here until it has a sample above.
        match detail {
            HostDetail::Change(_) | HostDetail::Points(_) | HostDetail::Error(_) => {}
        }
    }
    samples
}

#[test]
fn every_event_and_detail_field_is_the_readmes() {
    let section = embedding();
    let rows: Vec<&str> = section
        .lines()
        .filter(|line| line.starts_with("| `linli:"))
        .collect();
    let documented: BTreeSet<String> = rows.iter().map(|row| quoted(row)[0].to_owned()).collect();
    let samples = samples();
    let names: BTreeSet<String> = samples.iter().map(|d| d.name().to_owned()).collect();
    assert_eq!(documented, names, "the events in README's table");

    for detail in &samples {
        let row = rows
            .iter()
            .find(|row| quoted(row)[0] == detail.name())
            .expect("the event's row");
        let detail_column = row.rsplit(" | ").next().expect("a detail column");
        let shape = quoted(detail_column)
            .into_iter()
            .find(|q| q.starts_with('{'))
            .expect("the detail's shape");
        assert_eq!(
            paths_of_value(&json(detail)),
            paths_of_shape(shape),
            "{}'s detail",
            detail.name()
        );
    }

    // `source` is one of the values the change row names.
    let change = rows
        .iter()
        .find(|row| row.starts_with("| `linli:change`"))
        .expect("the change row");
    let when = change.split(" | ").nth(1).expect("a when column");
    let named: BTreeSet<String> = when
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    let sources: BTreeSet<String> = Source::ALL
        .iter()
        .map(|s| json(s).as_str().expect("a source is a string").to_owned())
        .collect();
    assert_eq!(named, sources, "the sources README names");
}
