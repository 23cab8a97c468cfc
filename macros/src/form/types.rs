//! What the macro can tell about a field's type from its tokens alone: enough to refuse a rule
//! that cannot apply (`length` on a number) with a clear message, and to look inside `Option`.
//! A type it does not recognise is `Other` and gets the benefit of the doubt: the trait bounds
//! then decide, with errors pointing at the type.

use syn::{GenericArgument, PathArguments, Type};

/// The broad kind of a type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Char,
    Bool,
    Integer,
    Float,
    Decimal,
    DateTime,
    File,
    List,
    Other,
}

impl Kind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Char => "a character",
            Kind::Bool => "a checkbox (`bool`)",
            Kind::Integer | Kind::Float | Kind::Decimal => "a number",
            Kind::DateTime => "a date or time",
            Kind::File => "a file",
            Kind::List => "a list",
            Kind::Other => "another type",
        }
    }

    pub(crate) fn is_number(self) -> bool {
        matches!(self, Kind::Integer | Kind::Float | Kind::Decimal)
    }
}

/// A field's type, with `Option` looked through.
pub(crate) struct FieldType<'a> {
    /// Whether the field is an `Option<...>`.
    pub(crate) optional: bool,
    /// The type inside `Option`, or the type itself.
    pub(crate) inner: &'a Type,
    /// The kind of `inner`.
    pub(crate) kind: Kind,
}

impl<'a> FieldType<'a> {
    pub(crate) fn of(ty: &'a Type) -> Self {
        match generic_argument(ty, "Option") {
            Some(inner) => FieldType { optional: true, inner, kind: kind_of(inner) },
            None => FieldType { optional: false, inner: ty, kind: kind_of(ty) },
        }
    }
}

/// The single type argument of `ty` when its last path segment is `wrapper`.
fn generic_argument<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &segment.arguments else { return None };
    match args.args.first() {
        Some(GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

fn kind_of(ty: &Type) -> Kind {
    let Type::Path(path) = ty else { return Kind::Other };
    let Some(segment) = path.path.segments.last() else { return Kind::Other };
    match segment.ident.to_string().as_str() {
        "String" => Kind::Text,
        "char" => Kind::Char,
        "bool" => Kind::Bool,
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            Kind::Integer
        }
        "f32" | "f64" => Kind::Float,
        "Decimal" => Kind::Decimal,
        "Date" | "Time" | "PrimitiveDateTime" => Kind::DateTime,
        "UploadedFile" => Kind::File,
        "Vec" => Kind::List,
        _ => Kind::Other,
    }
}
