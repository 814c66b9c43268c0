//! Writes a value of the data model as a Rust constant expression, for build.rs: the
//! data files become `static` items that the app reads in place (no decoder in the
//! browser build, nothing decoded at start-up). A serde `Serializer` that prints:
//! structs as struct literals, strings as `Cow::Borrowed("…")`, lists as
//! `Cow::Borrowed(&[…])`, tables as `Map(Cow::Borrowed(&[("name", value), …]))`,
//! unit enum variants as `Type::Variant` (serde's lower-case name, capitalised).

use serde::ser::{self, Serialize};
use std::fmt::{self, Display};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

type Result<T = ()> = std::result::Result<T, Error>;

fn unsupported(what: &str) -> Error {
    Error(format!(
        "the data model has no {what}: literal.rs cannot write it"
    ))
}

/// `value` as a Rust constant expression.
pub fn to_rust<T: Serialize>(value: &T) -> Result<String> {
    let mut w = Writer { out: String::new() };
    value.serialize(&mut w)?;
    Ok(w.out)
}

struct Writer {
    out: String,
}

impl Writer {
    fn push(&mut self, s: &str) -> Result {
        self.out.push_str(s);
        Ok(())
    }
}

/// Integers print as themselves.
macro_rules! integers {
    ($($name:ident: $ty:ty),*) => {
        $(fn $name(self, v: $ty) -> Result {
            self.push(&v.to_string())
        })*
    };
}

impl ser::Serializer for &mut Writer {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result {
        self.push(if v { "true" } else { "false" })
    }
    integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64
    );
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result {
        if !v.is_finite() {
            return Err(Error(format!("{v} is not a finite number")));
        }
        // `{:?}` prints the shortest text that reads back as the same f64.
        self.push(&format!("{v:?}_f64"))
    }
    fn serialize_char(self, v: char) -> Result {
        self.push(&format!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.push(&format!("::std::borrow::Cow::Borrowed({v:?})"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Result {
        self.push("None")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        self.push("Some(")?;
        value.serialize(&mut *self)?;
        self.push(")")
    }
    fn serialize_unit(self) -> Result {
        self.push("()")
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result {
        self.push(name)
    }
    fn serialize_unit_variant(self, name: &'static str, _: u32, variant: &'static str) -> Result {
        let mut chars = variant.chars();
        let first = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .unwrap_or_default();
        self.push(&format!("{name}::{first}{}", chars.as_str()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result {
        self.push(&format!("{name}("))?;
        value.serialize(&mut *self)?;
        self.push(")")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result {
        Err(unsupported("enum variant with data"))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self> {
        self.push("::std::borrow::Cow::Borrowed(&[")?;
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(unsupported("tuple"))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(unsupported("tuple struct"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(unsupported("tuple variant"))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self> {
        self.push("Map(::std::borrow::Cow::Borrowed(&[")?;
        Ok(self)
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Self> {
        self.push(&format!("{name} {{"))?;
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(unsupported("struct variant"))
    }
}

impl ser::SerializeSeq for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)?;
        self.push(",")
    }
    fn end(self) -> Result {
        self.push("])")
    }
}

impl ser::SerializeMap for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.push("(")?;
        key.serialize(&mut **self)?;
        self.push(",")
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut **self)?;
        self.push("),")
    }
    fn end(self) -> Result {
        self.push("]))")
    }
}

impl ser::SerializeStruct for &mut Writer {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.push(&format!("{key}: "))?;
        value.serialize(&mut **self)?;
        self.push(",")
    }
    fn end(self) -> Result {
        self.push("}")
    }
}
