//! Typed paths of a form's fields, for the errors an action finds: `#[form]` writes
//! `<Name>Paths`, one [`FieldPath`] per field (a nested group's own paths, a list's
//! [`ListPaths`]), and `Name::paths()`, so that a misspelt field is a compile error rather than
//! an error shown in the summary only.
//!
//! ```
//! use formaction::{form, ActionError};
//!
//! #[form]
//! struct Item {
//!     name: String,
//! }
//!
//! #[form]
//! struct Order {
//!     email: String,
//!     items: Vec<Item>,
//! }
//!
//! let taken = ActionError::field(Order::paths().email, "That email is taken");
//! assert!(taken.errors().unwrap().has_field_error("email"));
//! assert_eq!(Order::paths().items.at(2).name.as_str(), "items[2].name");
//! ```

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use crate::names::indexed_name;
use crate::parse::{FromForm, kind};

/// The HTML name of one field of a form (`email`, `address.city`, `items[0].name`), as
/// `Name::paths()` gives it: what [`ActionError::field`](crate::ActionError::field) and
/// [`FormErrors::add`](crate::FormErrors::add) take to put an error beside that field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FieldPath(Cow<'static, str>);

impl FieldPath {
    /// The path named `name`: for generated code, and for a name made at run time.
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        FieldPath(name.into())
    }

    /// The field's HTML name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for FieldPath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> Self {
        path.0.into_owned()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The paths of a list's fields: the list itself (an error on it, "Add at least one item", takes
/// it as it is) and, by [`ListPaths::at`], each of its items.
pub struct ListPaths<K: KindPaths + ?Sized> {
    name: FieldPath,
    kind: PhantomData<fn() -> K>,
}

impl<K: KindPaths + ?Sized> ListPaths<K> {
    /// The paths of item `index` (`items[2]`, or the fields of the group there:
    /// `items[2].name`).
    pub fn at(&self, index: usize) -> K::Paths {
        K::paths(FieldPath(Cow::Owned(indexed_name(&self.name.0, index))))
    }

    /// The list's own HTML name.
    pub fn as_str(&self) -> &str {
        self.name.as_str()
    }
}

impl<K: KindPaths + ?Sized> AsRef<str> for ListPaths<K> {
    fn as_ref(&self) -> &str {
        self.name.as_str()
    }
}

impl<K: KindPaths + ?Sized> From<ListPaths<K>> for String {
    fn from(paths: ListPaths<K>) -> Self {
        paths.name.into()
    }
}

impl<K: KindPaths + ?Sized> fmt::Debug for ListPaths<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ListPaths").field(&self.name.as_str()).finish()
    }
}

/// A form's typed paths: `#[form]` implements it with its `<Name>Paths` struct.
///
/// `Paths` has a lifetime it does not use, as the typed views have: a field of a type that cannot
/// be read from a form then makes one error, at the field, rather than one more at each place
/// the compiler would check that the struct has a size.
#[doc(hidden)]
pub trait FormPaths {
    /// One path per field (generated as `<Name>Paths`).
    type Paths<'a>;

    /// The paths of this form's fields inside the group named `prefix` (`""` at the top).
    fn paths_at<'a>(prefix: &str) -> Self::Paths<'a>;
}

/// The paths of a field, by its kind ([`FromForm::Kind`]).
#[doc(hidden)]
pub trait KindPaths {
    /// A [`FieldPath`] for a value, the group's `<Name>Paths` for a group, [`ListPaths`] for a
    /// list.
    type Paths;

    /// The paths of a field of this kind named `name`.
    fn paths(name: FieldPath) -> Self::Paths;
}

/// The paths of a field of type `T`.
#[doc(hidden)]
pub type PathsOf<T> = <<T as FromForm>::Kind as KindPaths>::Paths;

/// The paths of a field of type `T` named `name`.
#[doc(hidden)]
pub fn paths_of<T: FromForm>(name: Cow<'static, str>) -> PathsOf<T>
where
    T::Kind: KindPaths,
{
    <T::Kind as KindPaths>::paths(FieldPath(name))
}

impl KindPaths for kind::Value {
    type Paths = FieldPath;

    fn paths(name: FieldPath) -> FieldPath {
        name
    }
}

impl<F: FormPaths + ?Sized> KindPaths for kind::Group<F> {
    type Paths = F::Paths<'static>;

    fn paths(name: FieldPath) -> F::Paths<'static> {
        F::paths_at(name.as_str())
    }
}

impl<K: KindPaths + ?Sized> KindPaths for kind::List<K> {
    type Paths = ListPaths<K>;

    fn paths(name: FieldPath) -> ListPaths<K> {
        ListPaths { name, kind: PhantomData }
    }
}
