//! The shapes that cross the JavaScript boundary of an embedded Linli: the options of
//! `mount`, the summary `importData` returns, and the `detail` of each event the host
//! hears (README "Embedding" documents them).
//!
//! They are serde types, so what the host sees is written once, as fields: `embed`
//! converts them with serde-wasm-bindgen (its JSON-compatible serializer: plain objects
//! and arrays, numbers as JS numbers, `None` as `null`), and `tests/embed_api.rs` checks
//! them against the README's tables. This module is compiled natively too, for that test; checking an
//! option's value (a namespace's letters, a colour) is `embed`'s work.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::domain::Points;

/// An option as the host gave it: text, or anything else (a number, an object…), which
/// `mount` refuses by the option's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Given {
    Text(String),
    NotText,
}

/// `mount(element, options)`'s options, or the same as `data-*` attributes of a
/// `<div data-linli>`. A missing, `undefined` or `null` option is `None` (the default);
/// other properties are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MountOptions<V = Given> {
    /// The prefix of every storage key.
    pub namespace: Option<V>,
    /// `zh-CN` or `en`: the language until the person picks one.
    pub locale: Option<V>,
    /// The community's name, shown under the app's.
    pub community: Option<V>,
    /// The accent colour, `#rgb` or `#rrggbb`.
    pub theme: Option<V>,
    /// `memory` (the default) or `hash`.
    pub routing: Option<V>,
}

impl MountOptions {
    /// Every option as text, or the name of the first that is not text.
    pub fn texts(self) -> Result<MountOptions<String>, &'static str> {
        fn text(given: Option<Given>, name: &'static str) -> Result<Option<String>, &'static str> {
            match given {
                None => Ok(None),
                Some(Given::Text(text)) => Ok(Some(text)),
                Some(Given::NotText) => Err(name),
            }
        }
        Ok(MountOptions {
            namespace: text(self.namespace, "namespace")?,
            locale: text(self.locale, "locale")?,
            community: text(self.community, "community")?,
            theme: text(self.theme, "theme")?,
            routing: text(self.routing, "routing")?,
        })
    }
}

impl Serialize for Given {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Given::Text(text) => serializer.serialize_str(text),
            Given::NotText => serializer.serialize_unit(),
        }
    }
}

/// Any value is accepted: a string as [`Given::Text`], everything else (including what
/// the deserializer cannot describe, such as a JS function) as [`Given::NotText`], so
/// the error that follows can name the option.
impl<'de> Deserialize<'de> for Given {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Given, D::Error> {
        Ok(deserializer
            .deserialize_any(GivenVisitor)
            .unwrap_or(Given::NotText))
    }
}

struct GivenVisitor;

impl<'de> Visitor<'de> for GivenVisitor {
    type Value = Given;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Given, E> {
        Ok(Given::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Given, E> {
        Ok(Given::Text(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    fn visit_none<E: de::Error>(self) -> Result<Given, E> {
        Ok(Given::NotText)
    }
    // A list or an object is read to its end (a format such as JSON needs that to go
    // on), its contents ignored.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Given, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Given::NotText)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Given, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(Given::NotText)
    }
}

/// What `importData` did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    /// Events new to this device, now stored.
    pub added: usize,
    /// Events it already had.
    pub known: usize,
    /// Events not imported: refused, unreadable, conflicting, unsigned…
    pub refused: usize,
    /// Events that were new but could not be stored (storage filled up midway).
    pub not_stored: usize,
    /// The file's records that were refused, with why.
    pub rejected: Vec<RejectedRecord>,
    /// Ids this device knows with other content.
    pub conflicts: Vec<String>,
}

/// A record of a backup file that was not imported.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RejectedRecord {
    /// Its place in the file's `events`, from 0.
    pub index: usize,
    /// Its id, when one could be read (`null` otherwise).
    pub id: Option<String>,
    pub reason: String,
}

/// An event the host hears: its name and its `detail`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum HostDetail {
    Change(ChangeDetail),
    Points(PointsDetail),
    Error(ErrorDetail),
}

impl HostDetail {
    /// The DOM event's name.
    pub fn name(&self) -> &'static str {
        match self {
            HostDetail::Change(_) => "linli:change",
            HostDetail::Points(_) => "linli:points",
            HostDetail::Error(_) => "linli:error",
        }
    }
}

/// Where the events of a `linli:change` came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// An action done in this app.
    Action,
    /// Another tab or window of the same namespace wrote them.
    Tab,
    /// A backup file was imported.
    Import,
    /// Another device's events arrived through live sync.
    Sync,
}

impl Source {
    pub const ALL: [Source; 4] = [Source::Action, Source::Tab, Source::Import, Source::Sync];
}

/// `linli:change`: events were recorded here, arrived from another tab, or imported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChangeDetail {
    pub source: Source,
    pub events: Vec<RecordedEvent>,
}

/// One event of a `linli:change`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordedEvent {
    /// The action's name in the backup format (`award_points`…).
    pub kind: String,
    /// `"<replica>-<seq>"`.
    pub id: String,
    /// Milliseconds since 1970.
    pub at: f64,
}

/// `linli:points`: an action here credited points to a volunteer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PointsDetail {
    /// The id of the event that credited them.
    pub event: String,
    /// The volunteer's id.
    pub volunteer: String,
    /// The masked name (王*明).
    pub who: String,
    /// The points credited, as a number (`2.5`).
    pub points: f64,
    /// The balance after.
    pub balance: f64,
}

/// `linli:error`: what the banner shows, with a stable code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
}

/// Points as the number the host sees: `Points(250)` is `2.5`.
pub fn points_number(points: Points) -> f64 {
    points.0 as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_option_is_text_and_anything_else_is_named() {
        let read = |json: &str| serde_json::from_str::<MountOptions>(json).map(MountOptions::texts);
        assert_eq!(read("{}").ok(), Some(Ok(MountOptions::default())));
        let given = read(r#"{"namespace": "xingfu", "routing": null, "other": 1}"#);
        assert_eq!(
            given.ok(),
            Some(Ok(MountOptions {
                namespace: Some("xingfu".to_owned()),
                ..MountOptions::default()
            }))
        );
        for value in ["5", "true", "[]", r#"{"a": 1}"#] {
            let json = format!(r#"{{"theme": {value}}}"#);
            assert_eq!(read(&json).ok(), Some(Err("theme")), "{json}");
        }
    }

    #[test]
    fn points_are_numbers_of_whole_points() {
        assert_eq!(points_number(Points(250)), 2.5);
        assert_eq!(points_number(Points(-100)), -1.0);
    }
}
