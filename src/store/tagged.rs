//! Actions as JSON, the way format-1 segments and backup files write them: one object
//! whose `"t"` names the action, beside its fields:
//! `{"t":"reverse_entry","entry":"a-1","reason":"录错"}`.
//!
//! [`Action`] itself serializes with the variant outside its fields (serde's default),
//! the shape the compact form needs; this module moves the name in and out, so that the
//! JSON people and older versions read never changes.

use serde::ser::{Error as _, Impossible, SerializeMap, SerializeStructVariant};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::domain::Action;

/// The key that names the action.
const TAG: &str = "t";

/// Refuses, with `$error`, every value but a struct variant: both serializers here meet
/// only actions, and every action is a struct variant.
macro_rules! refuse_all_but_struct_variants {
    ($error:expr) => {
        refuse_all_but_struct_variants! {
            $error;
            serialize_bool(bool) -> Self::Ok;
            serialize_i8(i8) -> Self::Ok;
            serialize_i16(i16) -> Self::Ok;
            serialize_i32(i32) -> Self::Ok;
            serialize_i64(i64) -> Self::Ok;
            serialize_u8(u8) -> Self::Ok;
            serialize_u16(u16) -> Self::Ok;
            serialize_u32(u32) -> Self::Ok;
            serialize_u64(u64) -> Self::Ok;
            serialize_f32(f32) -> Self::Ok;
            serialize_f64(f64) -> Self::Ok;
            serialize_char(char) -> Self::Ok;
            serialize_str(&str) -> Self::Ok;
            serialize_bytes(&[u8]) -> Self::Ok;
            serialize_none() -> Self::Ok;
            serialize_unit() -> Self::Ok;
            serialize_unit_struct(&'static str) -> Self::Ok;
            serialize_unit_variant(&'static str, u32, &'static str) -> Self::Ok;
            serialize_seq(Option<usize>) -> Self::SerializeSeq;
            serialize_tuple(usize) -> Self::SerializeTuple;
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
            serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
            serialize_map(Option<usize>) -> Self::SerializeMap;
            serialize_struct(&'static str, usize) -> Self::SerializeStruct;
            <T> serialize_some(&T) -> Self::Ok;
            <T> serialize_newtype_struct(&'static str, &T) -> Self::Ok;
            <T> serialize_newtype_variant(&'static str, u32, &'static str, &T) -> Self::Ok;
        }
    };
    ($error:expr; $($(<$t:ident>)? $method:ident ( $($arg:ty),* ) -> $ret:ty;)*) => {$(
        fn $method$(<$t: ?Sized + Serialize>)?(self, $(_: $arg),*) -> Result<$ret, Self::Error> {
            Err($error)
        }
    )*};
}

/// The action as tagged JSON.
pub fn to_value(action: &Action) -> Result<Value, String> {
    serde_json::to_value(Tagged(action)).map_err(|e| e.to_string())
}

/// Reads tagged JSON back into an action.
pub fn from_value(value: Value) -> Result<Action, String> {
    let Value::Object(mut fields) = value else {
        return Err("an action must be an object".to_owned());
    };
    let kind = match fields.remove(TAG) {
        Some(Value::String(kind)) => kind,
        _ => return Err("missing field `t`".to_owned()),
    };
    let mut outer = Map::with_capacity(1);
    outer.insert(kind, Value::Object(fields));
    serde_json::from_value(Value::Object(outer)).map_err(|e| e.to_string())
}

/// The action's name, as `"t"` holds it (`award_points`). Read by a serializer that
/// stops at the name: the action's fields are never visited, so this costs a jump table,
/// not a copy of the action's serialization.
pub fn kind(action: &Action) -> &'static str {
    match action.serialize(NameOnly) {
        Err(Named(name)) | Ok(name) => name,
    }
}

/// Finds the variant's name and stops there, with the name as its "error".
struct NameOnly;

/// The variant's name (empty for anything that is not a struct variant).
#[derive(Debug)]
struct Named(&'static str);

impl std::fmt::Display for Named {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Named {}

impl serde::ser::Error for Named {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Named("")
    }
}

impl Serializer for NameOnly {
    type Ok = &'static str;
    type Error = Named;
    type SerializeSeq = Impossible<&'static str, Named>;
    type SerializeTuple = Impossible<&'static str, Named>;
    type SerializeTupleStruct = Impossible<&'static str, Named>;
    type SerializeTupleVariant = Impossible<&'static str, Named>;
    type SerializeMap = Impossible<&'static str, Named>;
    type SerializeStruct = Impossible<&'static str, Named>;
    type SerializeStructVariant = Impossible<&'static str, Named>;

    #[inline]
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Named> {
        Err(Named(variant))
    }

    refuse_all_but_struct_variants!(Named(""));
}

/// Serializes an action as tagged JSON: `"t"` first, then the fields in the order they
/// are declared.
#[derive(Clone, Copy, Debug)]
pub struct Tagged<'a>(pub &'a Action);

impl Serialize for Tagged<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(TagInside(serializer))
    }
}

/// Takes serde's `{"variant": {fields}}` and writes `{"t": "variant", fields}`. Every
/// action is a struct variant; anything else is refused.
struct TagInside<S>(S);

const NOT_AN_ACTION: &str = "only an action is written with its tag inside";

impl<S: Serializer> Serializer for TagInside<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = Impossible<S::Ok, S::Error>;
    type SerializeStructVariant = Inside<S::SerializeMap>;

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        let mut map = self.0.serialize_map(Some(len + 1))?;
        map.serialize_entry(TAG, variant)?;
        Ok(Inside(map))
    }

    refuse_all_but_struct_variants!(S::Error::custom(NOT_AN_ACTION));
}

/// The action's fields, written into the map after its tag.
struct Inside<M>(M);

impl<M: SerializeMap> SerializeStructVariant for Inside<M> {
    type Ok = M::Ok;
    type Error = M::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), M::Error> {
        self.0.serialize_entry(key, value)
    }

    fn end(self) -> Result<M::Ok, M::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_are_written_with_a_readable_tag_first() {
        let action = Action::ReverseEntry {
            entry: "a-1".parse().unwrap(),
            reason: "录错".into(),
        };
        let json = serde_json::to_string(&Tagged(&action)).unwrap();
        assert_eq!(
            json,
            r#"{"t":"reverse_entry","entry":"a-1","reason":"录错"}"#
        );
        assert_eq!(kind(&action), "reverse_entry");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(from_value(value).unwrap(), action);
    }

    #[test]
    fn every_action_kind_is_the_tag_its_json_carries() {
        let events = crate::sample::generate(crate::sample::Size::Small, 7);
        let mut kinds = std::collections::BTreeSet::new();
        for event in &events {
            let tag = match to_value(&event.action).unwrap() {
                Value::Object(mut fields) => fields.remove(TAG).unwrap(),
                other => panic!("not an object: {other}"),
            };
            assert_eq!(Value::from(kind(&event.action)), tag);
            kinds.insert(kind(&event.action));
        }
        // The sample uses most actions; every name is a real one.
        assert!(kinds.len() > 20, "{kinds:?}");
        assert!(!kinds.contains(""));
    }

    #[test]
    fn untagged_or_unknown_actions_are_refused_with_a_reason() {
        for json in [
            r#"[]"#,
            r#"{"entry":"a-1"}"#,
            r#"{"t":7}"#,
            r#"{"t":"no_such"}"#,
        ] {
            let value: Value = serde_json::from_str(json).unwrap();
            assert!(from_value(value).is_err(), "{json}");
        }
    }
}
