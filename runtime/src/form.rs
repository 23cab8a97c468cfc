//! The [`Form`] trait: what `#[form]` gives a struct.

use crate::schema::FormSchema;
use crate::{FormData, FormErrors, FromForm};

/// A form: a struct whose fields are read from a submission, checked by their rules, and described
/// for rendering. Put `#[form]` on a struct with named fields to implement it.
///
/// ```
/// use formaction::{form, Form, FormData};
///
/// #[form]
/// #[derive(Debug)]
/// struct SignUp {
///     #[validate(length(min = 1, max = 50))]
///     name: String,
///     #[validate(email)]
///     email: String,
///     #[validate(range(min = 13, max = 130))]
///     age: u8,
/// }
///
/// let data = FormData::from_pairs([("name", ""), ("email", "ada@"), ("age", "12")]);
/// let errors = SignUp::parse(&data).unwrap_err();
/// assert_eq!(
///     serde_json::to_value(errors.flatten()).unwrap(),
///     serde_json::json!({
///         "formErrors": [],
///         "fieldErrors": {
///             "name": ["This field is required"],
///             "email": ["Enter a valid email address"],
///             "age": ["Must be at least 13"]
///         }
///     })
/// );
///
/// let data = FormData::from_pairs([("name", "Ada"), ("email", "ada@example.com"), ("age", "36")]);
/// let sign_up = SignUp::parse(&data).unwrap();
/// assert_eq!(sign_up.age, 36);
/// assert_eq!(SignUp::schema().field("email").unwrap().constraints.to_html(), " required");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a form: put `#[form]` on `{Self}`",
    label = "not a form",
    note = "`#[form]` on a struct with named fields implements `formaction::Form`"
)]
pub trait Form: FromForm {
    /// The fields, their controls and constraints; built once.
    fn schema() -> &'static FormSchema;

    /// This value as a browser would submit it: to fill in a form for editing.
    fn to_form_data(&self) -> FormData {
        let mut data = FormData::new();
        self.write("", &mut data);
        data
    }

    /// Reads and checks a submission: the value, or every error (parse failures and rule failures
    /// of every field together, and form-level errors).
    fn parse(data: &FormData) -> Result<Self, FormErrors> {
        crate::parse::parse(data)
    }

    /// Removes from `data` every value that must never be echoed back (`secret` fields, such as
    /// passwords), and every file, so what is left can be put back into a re-rendered page.
    fn redact(data: &mut FormData) {
        let schema = Self::schema();
        // Nothing to look up in a form without secrets, and nothing to drop when every value is
        // text: the usual case.
        if !schema.has_secret() && data.iter().all(|(_, value)| value.as_text().is_some()) {
            return;
        }
        data.retain(|name, value| value.as_text().is_some() && !schema.is_secret(name));
    }
}

#[cfg(test)]
mod tests {
    use crate::{Form, FormData, form};

    #[form]
    #[derive(Debug)]
    struct Login {
        #[field(secret)]
        pin: String,
    }

    #[form]
    #[derive(Debug)]
    struct Outer {
        name: String,
        login: Login,
    }

    #[form]
    #[derive(Debug)]
    struct Plain {
        name: String,
    }

    #[test]
    fn a_secret_nested_in_a_group_is_still_redacted() {
        assert!(Outer::schema().has_secret());
        assert!(!Plain::schema().has_secret());
        let mut data = FormData::from_pairs([("name", "Ada"), ("login.pin", "1234")]);
        <Outer as Form>::redact(&mut data);
        assert_eq!(data.iter().map(|(name, _)| name).collect::<Vec<_>>(), ["name"]);
        let mut data = FormData::from_pairs([("name", "Ada"), ("login.pin", "1234")]);
        <Plain as Form>::redact(&mut data);
        assert_eq!(data.iter().count(), 2);
    }
}
