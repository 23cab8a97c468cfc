//! Typed views of a form's fields for templates: what `#[form]` generates as `<Name>Fields` (one
//! view per field, so a misspelt name in a template is a compile error), and the view each kind of
//! field has: a [`FieldView`] for a value, a [`GroupView`] for a nested form, a [`ListView`] for a
//! list of them.

use std::ops::Deref;

use super::view::{FieldView, ViewCx, row_names};
use crate::parse::kind;
use crate::{Form, FromForm};

/// A form's typed field views: `#[form]` implements it with its `<Name>Fields` struct.
// The same words as `Form`'s: a struct that lacks `#[form]` is told so in one way, wherever it
// is used as a form.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a form: put `#[form]` on `{Self}`",
    label = "not a form",
    note = "`#[form]` on a struct with named fields implements `formaction::Form`"
)]
pub trait FormFields: Form {
    /// One typed view per field, for templates (generated as `<Name>Fields`).
    type Fields<'a>;

    /// The typed views of this form's fields inside the group named `prefix` (`""` at the top).
    fn fields<'a>(cx: &ViewCx<'a>, prefix: &str) -> Self::Fields<'a>;
}

/// The view of a field in a template, by the field's kind ([`FromForm::Kind`]).
#[doc(hidden)]
pub trait KindView {
    /// The view of a field of this kind: a [`FieldView`] for a single control, a [`GroupView`]
    /// for a nested form, a [`ListView`] for a list of them.
    type View<'a>;

    /// The view of a list of fields of this kind.
    type ListView<'a>;

    /// Makes the view of a field of this kind from its plain view.
    fn view<'a>(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self::View<'a>;

    /// Makes the view of a list of fields of this kind from its plain view.
    fn list_view<'a>(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self::ListView<'a>;
}

/// The view of a field of type `T` in a template.
#[doc(hidden)]
pub type ViewOf<'a, T> = <<T as FromForm>::Kind as KindView>::View<'a>;

/// Makes the view of a field of type `T` from its plain view.
#[doc(hidden)]
pub fn view_of<'a, T: FromForm>(cx: &ViewCx<'a>, base: FieldView<'a>) -> ViewOf<'a, T>
where
    T::Kind: KindView,
{
    <T::Kind as KindView>::view(cx, base)
}

impl KindView for kind::Value {
    type View<'a> = FieldView<'a>;
    type ListView<'a> = FieldView<'a>;

    fn view<'a>(_: &ViewCx<'a>, base: FieldView<'a>) -> Self::View<'a> {
        base
    }

    fn list_view<'a>(_: &ViewCx<'a>, base: FieldView<'a>) -> Self::ListView<'a> {
        base
    }
}

impl<F: FormFields> KindView for kind::Group<F> {
    type View<'a> = GroupView<'a, F>;
    type ListView<'a> = ListView<'a, F>;

    fn view<'a>(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self::View<'a> {
        GroupView::new(cx, base)
    }

    fn list_view<'a>(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self::ListView<'a> {
        ListView::new(cx, base)
    }
}

impl<K: KindView + ?Sized> KindView for kind::List<K> {
    type View<'a> = K::ListView<'a>;
    type ListView<'a> = FieldView<'a>;

    fn view<'a>(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self::View<'a> {
        K::list_view(cx, base)
    }

    fn list_view<'a>(_: &ViewCx<'a>, base: FieldView<'a>) -> Self::ListView<'a> {
        base
    }
}

/// A nested group in a template: the group's own view, and its typed fields through `Deref`
/// (`form.address.city`).
pub struct GroupView<'a, F: FormFields> {
    /// The group itself: its name, label, and errors on the group as a whole.
    pub group: FieldView<'a>,
    fields: F::Fields<'a>,
}

impl<'a, F: FormFields> GroupView<'a, F> {
    /// The view of the group `base`.
    #[doc(hidden)]
    pub fn new(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self {
        let fields = F::fields(cx, &base.name);
        GroupView { group: base, fields }
    }
}

impl<'a, F: FormFields> Deref for GroupView<'a, F> {
    type Target = F::Fields<'a>;

    fn deref(&self) -> &Self::Target {
        &self.fields
    }
}

/// A list of groups in a template: the list's own view and typed rows.
pub struct ListView<'a, F: FormFields> {
    /// The list itself: its name, label, and errors on the list as a whole ("add at least one").
    pub list: FieldView<'a>,
    rows: Vec<(String, F::Fields<'a>)>,
}

impl<'a, F: FormFields> ListView<'a, F> {
    /// The view of the list `base`.
    #[doc(hidden)]
    pub fn new(cx: &ViewCx<'a>, base: FieldView<'a>) -> Self {
        let rows = row_names(cx, &base).into_iter().map(|name| {
            let fields = F::fields(cx, &name);
            (name, fields)
        });
        ListView { rows: rows.collect(), list: base }
    }

    /// Each row: its name (`items[3]`) and its typed fields.
    pub fn rows(&self) -> &[(String, F::Fields<'a>)] {
        &self.rows
    }
}
