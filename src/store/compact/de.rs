//! Reading one record of the compact form (see `ser` for the layout). Every count and
//! index is checked against what the segment holds: bad bytes give an error, never a
//! panic or a huge allocation.

use serde::de::value::{StrDeserializer, U32Deserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

use super::Error;
use crate::domain::REPLICA_NEWTYPE;

/// The tables a segment's records index into.
#[derive(Debug, Default)]
pub(super) struct Names {
    pub strings: Vec<String>,
    pub replicas: Vec<u64>,
}

impl Names {
    /// The replica id at `index` of the table.
    pub fn replica(&self, index: u64) -> Result<u64, Error> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.replicas.get(i).copied())
            .ok_or_else(|| Error::new("a replica index outside the table"))
    }
}

/// Reads records from `input`, resolving indexes through `names`.
pub(super) struct Reader<'a> {
    input: &'a [u8],
    names: &'a Names,
    replica_next: bool,
}

impl<'a> Reader<'a> {
    pub fn new(input: &'a [u8], names: &'a Names) -> Self {
        Reader {
            input,
            names,
            replica_next: false,
        }
    }

    /// What has not been read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.input
    }

    pub fn is_empty(&self) -> bool {
        self.input.is_empty()
    }

    #[inline(always)]
    pub fn byte(&mut self) -> Result<u8, Error> {
        let (&first, rest) = self.input.split_first().ok_or_else(Error::end)?;
        self.input = rest;
        Ok(first)
    }

    /// An unsigned LEB128 number. Most are below 128, one byte: that case is inlined
    /// into every caller (it is most of what decoding does).
    #[inline(always)]
    pub fn varint(&mut self) -> Result<u64, Error> {
        match self.input.split_first() {
            Some((&first, rest)) if first < 0x80 => {
                self.input = rest;
                Ok(u64::from(first))
            }
            _ => self.long_varint(),
        }
    }

    fn long_varint(&mut self) -> Result<u64, Error> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Error::new("a number longer than 64 bits"))
    }

    /// A count of items still to read: never more than bytes are left, since each item
    /// takes at least one byte (or none: then the count is only a loop bound).
    pub fn count(&mut self) -> Result<usize, Error> {
        let count = self.varint()?;
        usize::try_from(count)
            .ok()
            .filter(|&c| c <= self.input.len().max(64))
            .ok_or_else(|| Error::new("a count larger than the record"))
    }

    pub fn take(&mut self, len: usize) -> Result<&'a [u8], Error> {
        if len > self.input.len() {
            return Err(Error::end());
        }
        let (head, rest) = self.input.split_at(len);
        self.input = rest;
        Ok(head)
    }

    fn replica(&mut self) -> Result<u64, Error> {
        let index = self.varint()?;
        self.names.replica(index)
    }

    /// A signed number, zigzagged (see `ser::zigzag`).
    pub fn signed_varint(&mut self) -> Result<i64, Error> {
        let raw = self.varint()?;
        Ok(((raw >> 1) as i64) ^ -((raw & 1) as i64))
    }

    fn string(&mut self) -> Result<&'a str, Error> {
        let index = self.varint()?;
        usize::try_from(index)
            .ok()
            .and_then(|i| self.names.strings.get(i))
            .map(String::as_str)
            .ok_or_else(|| Error::new("a string index outside the table"))
    }

    fn unsigned<T: TryFrom<u64>>(&mut self) -> Result<T, Error> {
        let value = if std::mem::take(&mut self.replica_next) {
            self.replica()?
        } else {
            self.varint()?
        };
        T::try_from(value).map_err(|_| Error::new("a number out of range"))
    }

    fn signed<T: TryFrom<i64>>(&mut self) -> Result<T, Error> {
        let value = self.signed_varint()?;
        T::try_from(value).map_err(|_| Error::new("a number out of range"))
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $read:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.$visit(self.$read()?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Error;

    fn is_human_readable(&self) -> bool {
        false
    }

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error::new(
            "the compact form needs to know the type it reads",
        ))
    }

    numbers!(
        deserialize_u8 visit_u8 unsigned, deserialize_u16 visit_u16 unsigned,
        deserialize_u32 visit_u32 unsigned, deserialize_u64 visit_u64 unsigned,
        deserialize_i8 visit_i8 signed, deserialize_i16 visit_i16 signed,
        deserialize_i32 visit_i32 signed, deserialize_i64 visit_i64 signed
    );

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.byte()? {
            0 => visitor.visit_bool(false),
            1 => visitor.visit_bool(true),
            _ => Err(Error::new("a flag that is neither 0 nor 1")),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let code: u32 = self.unsigned()?;
        visitor.visit_char(char::from_u32(code).ok_or_else(|| Error::new("not a character"))?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.string()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let len = self.count()?;
        visitor.visit_borrowed_bytes(self.take(len)?)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.byte()? {
            0 => visitor.visit_none(),
            1 => visitor.visit_some(self),
            _ => Err(Error::new("an option that is neither 0 nor 1")),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.replica_next = name == REPLICA_NEWTYPE;
        let value = visitor.visit_newtype_struct(&mut *self);
        self.replica_next = false;
        value
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let left = self.count()?;
        visitor.visit_seq(Items { reader: self, left })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(Items {
            reader: self,
            left: len,
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let left = self.count()?;
        visitor.visit_map(Items { reader: self, left })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let mask = self.varint()?;
        if fields.len() < 64 && mask >> fields.len() != 0 {
            return Err(Error::new("a field this version does not know"));
        }
        visitor.visit_map(Present {
            reader: self,
            fields,
            mask,
            at: 0,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }
}

/// The items of a sequence, tuple or map, counted.
struct Items<'r, 'de> {
    reader: &'r mut Reader<'de>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.reader).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Error;

    /// A map is its keys and values in turn, counted by entry: a key is read as the
    /// next item of a sequence.
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        de::SeqAccess::next_element_seed(self, seed)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }
}

/// A struct's present fields, named from its declaration as the mask says.
struct Present<'r, 'de> {
    reader: &'r mut Reader<'de>,
    fields: &'static [&'static str],
    mask: u64,
    at: usize,
}

impl<'de> de::MapAccess<'de> for Present<'_, 'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        while self.at < self.fields.len() && self.mask & (1 << self.at) == 0 {
            self.at += 1;
        }
        let Some(&name) = self.fields.get(self.at) else {
            return Ok(None);
        };
        self.at += 1;
        let key: StrDeserializer<'_, Error> = name.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let index: u32 = self.unsigned()?;
        let key: U32Deserializer<Error> = index.into_deserializer();
        Ok((seed.deserialize(key)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_struct(self, "", fields, visitor)
    }
}
