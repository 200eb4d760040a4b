//! The keys users may write, read off the serde definitions themselves, so the reference in
//! the book (and anything else that lists keys) can never drift from what the parser accepts.
//!
//! `fields_of::<T>()` asks `T`'s derived `Deserialize` for its field list: serde hands the list
//! to `Deserializer::deserialize_struct`, which this module's deserializer records and then
//! stops with an error, without reading any input.

use serde::de::{self, Deserialize, Visitor};

/// One table users write: where it appears and the keys it takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// `prongsai.toml`, `[organization]`, `front matter`, `[[progress]]`, …
    pub name: &'static str,
    pub keys: Vec<&'static str>,
}

/// Every table of `prongsai.toml` and of the front matter, in the order the book lists them.
pub fn tables() -> Vec<Table> {
    use super::{analysis, front, measure, memo, o_item};
    let table = |name, keys| Table { name, keys };
    vec![
        table("prongsai.toml", fields_of::<crate::config::Config>()),
        table("[organization]", fields_of::<crate::config::Organization>()),
        table("front matter", fields_of::<front::RawFront>()),
        table("[[links]]", fields_of::<o_item::Link>()),
        table("[[progress]]", measure::progress_keys()),
        table("[[findings]]", fields_of::<analysis::Finding>()),
        table("[memo]", memo::cover_keys()),
        table("[[signatures]]", fields_of::<memo::Signature>()),
    ]
}

/// The field names of a struct deriving `Deserialize`, as written in TOML (after renames).
pub fn fields_of<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
    let mut fields = Vec::new();
    let _ = T::deserialize(FieldRecorder { fields: &mut fields });
    fields
}

struct FieldRecorder<'a> {
    fields: &'a mut Vec<&'static str>,
}

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<M: std::fmt::Display>(_: M) -> Stop {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for FieldRecorder<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        self.fields.extend_from_slice(fields);
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_fields_are_listed_as_written() {
        let front = fields_of::<super::super::front::RawFront>();
        assert!(front.contains(&"ref"), "{front:?}");
        assert!(!front.contains(&"reference"));
        assert!(front.contains(&"title") && front.contains(&"progress"));
    }

    #[test]
    fn every_table_has_keys() {
        for table in tables() {
            assert!(!table.keys.is_empty(), "{} has no keys", table.name);
        }
    }

    #[test]
    fn a_type_that_is_not_a_struct_has_no_fields() {
        assert!(fields_of::<String>().is_empty());
    }
}
