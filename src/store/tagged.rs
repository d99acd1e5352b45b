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

/// The action's name, as `"t"` holds it (`award_points`).
pub fn kind(action: &Action) -> String {
    match to_value(action) {
        Ok(Value::Object(mut fields)) => match fields.remove(TAG) {
            Some(Value::String(kind)) => kind,
            _ => String::new(),
        },
        _ => String::new(),
    }
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

macro_rules! refuse {
    ($($method:ident ( $($arg:ty),* ) -> $ret:ty;)*) => {$(
        fn $method(self, $(_: $arg),*) -> Result<$ret, S::Error> {
            Err(S::Error::custom(NOT_AN_ACTION))
        }
    )*};
}

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

    refuse! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct(&'static str, usize) -> Self::SerializeStruct;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom(NOT_AN_ACTION))
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom(NOT_AN_ACTION))
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom(NOT_AN_ACTION))
    }
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
