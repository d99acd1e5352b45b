//! Writing one record in the compact form: serde's data model as varints, with strings
//! and replica ids replaced by indexes into the segment's tables.
//!
//! - integers: LEB128 varints (signed ones zigzagged); `bool` one byte;
//! - strings: the index of the string in the segment's string table;
//! - replica ids (the newtype [`REPLICA_NEWTYPE`]): the index in the replica table;
//! - options: 0 or 1, then the value; sequences and maps: the length, then the items;
//! - tuples: the items; enums: the variant's index, then its content;
//! - structs: a bit mask of the fields present (serde skips some), then those fields
//!   in declaration order, so a field added later with a default reads old records.

use std::collections::HashMap;

use serde::Serialize;
use serde::ser;

use super::Error;
use crate::domain::REPLICA_NEWTYPE;

/// The strings and replica ids a segment's records name, each stored once.
#[derive(Debug, Default)]
pub(super) struct Tables {
    pub strings: Vec<String>,
    string_index: HashMap<String, u32>,
    pub replicas: Vec<u64>,
    replica_index: HashMap<u64, u32>,
}

impl Tables {
    pub fn replica(&mut self, replica: u64) -> u32 {
        let next = len_u32(self.replicas.len());
        *self.replica_index.entry(replica).or_insert_with(|| {
            self.replicas.push(replica);
            next
        })
    }

    fn string(&mut self, text: &str) -> u32 {
        if let Some(&index) = self.string_index.get(text) {
            return index;
        }
        let index = len_u32(self.strings.len());
        self.strings.push(text.to_owned());
        self.string_index.insert(text.to_owned(), index);
        index
    }
}

fn len_u32(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(u32::MAX)
}

pub(super) fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(super) fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

/// Writes records into `out`, naming strings and replicas through `tables`.
pub(super) struct Writer<'t> {
    pub out: Vec<u8>,
    tables: &'t mut Tables,
    /// Set by the replica newtype: the number that follows is a replica id.
    replica_next: bool,
}

impl<'t> Writer<'t> {
    pub fn new(tables: &'t mut Tables) -> Self {
        Writer {
            out: Vec::new(),
            tables,
            replica_next: false,
        }
    }

    pub fn varint(&mut self, value: u64) {
        put_varint(&mut self.out, value);
    }

    /// The replica's index in the segment's table, adding it if new.
    pub fn replica_index(&mut self, replica: u64) -> u64 {
        self.tables.replica(replica).into()
    }

    fn replica(&mut self, replica: u64) {
        let index = self.replica_index(replica);
        self.varint(index);
    }

    fn length(&mut self, len: Option<usize>) -> Result<(), Error> {
        let len = len.ok_or_else(|| Error::new("a sequence of unknown length"))?;
        self.varint(len as u64);
        Ok(())
    }
}

impl<'a, 't> ser::Serializer for &'a mut Writer<'t> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Fields<'a, 't>;
    type SerializeStructVariant = Fields<'a, 't>;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push(u8::from(v));
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.varint(zigzag(v));
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        if std::mem::take(&mut self.replica_next) {
            self.replica(v);
        } else {
            self.varint(v);
        }
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(Error::new("fractional numbers are not stored"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(Error::new("fractional numbers are not stored"))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_u32(v.into())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        let index = self.tables.string(v);
        self.varint(index.into());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.varint(v.len() as u64);
        self.out.extend_from_slice(v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.out.push(0);
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        self.out.push(1);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
    ) -> Result<(), Error> {
        self.varint(index.into());
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.replica_next = name == REPLICA_NEWTYPE;
        value.serialize(&mut *self)?;
        self.replica_next = false;
        Ok(())
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.varint(index.into());
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Error> {
        self.length(len)?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Error> {
        self.varint(index.into());
        Ok(self)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Error> {
        self.length(len)?;
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'a, 't>, Error> {
        Ok(Fields::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        index: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Fields<'a, 't>, Error> {
        self.varint(index.into());
        Ok(Fields::new(self))
    }
}

/// A struct's fields: each present one is written and marked in the mask, which goes
/// in front of them once all are known.
pub(super) struct Fields<'a, 't> {
    writer: &'a mut Writer<'t>,
    start: usize,
    mask: u64,
    next: u32,
}

impl<'a, 't> Fields<'a, 't> {
    fn new(writer: &'a mut Writer<'t>) -> Self {
        let start = writer.out.len();
        Fields {
            writer,
            start,
            mask: 0,
            next: 0,
        }
    }

    fn field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if self.next >= 64 {
            return Err(Error::new("more than 64 fields"));
        }
        self.mask |= 1 << self.next;
        self.next += 1;
        value.serialize(&mut *self.writer)
    }

    fn skip(&mut self) {
        self.next += 1;
    }

    fn finish(self) {
        let mut mask = Vec::new();
        put_varint(&mut mask, self.mask);
        self.writer.out.splice(self.start..self.start, mask);
    }
}

/// Structs and struct variants are written alike.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Fields<'_, '_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                _: &'static str,
                value: &T,
            ) -> Result<(), Error> {
                self.field(value)
            }
            fn skip_field(&mut self, _: &'static str) -> Result<(), Error> {
                self.skip();
                Ok(())
            }
            fn end(self) -> Result<(), Error> {
                self.finish();
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

macro_rules! items {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for &mut Writer<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}

items!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for &mut Writer<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}
