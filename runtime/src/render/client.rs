//! The messages the enhancement script shows before a submission, delivered with the form.
//!
//! For each field with a check the browser can make (see
//! [`FieldSchema::client_errors`](crate::schema::FieldSchema::client_errors)), the message the
//! server would answer for that failure, written by the same function the page uses for a
//! field's errors (so in the same words, and the same language). They go in one data block at the
//! end of an enhanced form, which no policy forbids (a `<script>` of type `application/json` is
//! never run):
//!
//! ```html
//! <script type="application/json" data-fa-messages>{"email":{"valueMissing":"This field is required",
//! "typeMismatch":"Enter a valid email address"},"items[].name":{"valueMissing":"..."}}</script>
//! ```
//!
//! A field inside a list is named with `[]` for every index, as its rows share it. A
//! `#[field(live)]` field has a `"live"` entry too: the script asks the server about it.

use std::fmt::{self, Write};

use crate::schema::FormSchema;

/// Writes the data block of `schema`'s messages after a newline, or nothing when no field has any.
pub(crate) fn messages(out: &mut String, schema: &FormSchema) -> fmt::Result {
    let start = out.len();
    out.write_str("\n<script type=\"application/json\" data-fa-messages>{")?;
    let opened = out.len();
    fields(out, schema, &mut String::new())?;
    if out.len() == opened {
        out.truncate(start);
        return Ok(());
    }
    out.write_str("}</script>")
}

/// Each field of `schema` (inside the group named by `prefix`) with messages, as `"name":{...}`.
fn fields(out: &mut String, schema: &FormSchema, prefix: &mut String) -> fmt::Result {
    for field in &schema.fields {
        let at = prefix.len();
        prefix.push_str(field.name);
        if let Some(group) = field.group() {
            prefix.push_str(if field.control == crate::schema::Control::List { "[]." } else { "." });
            fields(out, group, prefix)?;
        } else if !field.client_errors().is_empty() || field.live {
            comma(out);
            string(out, prefix)?;
            out.write_str(":{")?;
            let opened = out.len();
            let mut keys: Vec<&str> = Vec::new();
            for (key, error) in field.client_errors() {
                // The first of a key is the one the server records first.
                if keys.contains(&key.as_ref()) {
                    continue;
                }
                keys.push(key);
                if out.len() > opened {
                    out.push(',');
                }
                string(out, key)?;
                out.push(':');
                string(out, &super::html::message(error))?;
            }
            if field.live {
                // Asked about as the user types (`X-Formaction-Live`, see `live.rs`).
                out.write_str(if out.len() > opened { ",\"live\":\"\"" } else { "\"live\":\"\"" })?;
            }
            out.push('}');
        }
        prefix.truncate(at);
    }
    Ok(())
}

fn comma(out: &mut String) {
    if !out.ends_with('{') {
        out.push(',');
    }
}

/// `text` as a JSON string that cannot end the `<script>` element or open a comment in it: `<`,
/// `>` and `&` written as `\u003c`, `\u003e` and `\u0026`.
fn string(out: &mut String, text: &str) -> fmt::Result {
    let json = serde_json::to_string(text).map_err(|_| fmt::Error)?;
    for c in json.chars() {
        match c {
            '<' => out.write_str("\\u003c")?,
            '>' => out.write_str("\\u003e")?,
            '&' => out.write_str("\\u0026")?,
            c => out.write_char(c)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldError;
    use crate::schema::{FieldSchema, Shape};

    #[test]
    fn messages_are_json_that_cannot_leave_the_block() {
        let mut field = FieldSchema::new("name", "Name", Shape::input(crate::schema::InputType::Text));
        field.client_error("valueMissing", FieldError::new("required").with_message("</script><b>&"));
        field.client_error("valueMissing", FieldError::new("required"));
        field.client_error("tooShort", FieldError::new("too_short").with_param("min", 2));
        let schema = FormSchema::new(vec![
            field,
            FieldSchema::new("other", "Other", Shape::input(crate::schema::InputType::Text)),
        ]);
        let mut out = String::new();
        messages(&mut out, &schema).unwrap();
        assert_eq!(
            out,
            "\n<script type=\"application/json\" data-fa-messages>{\"name\":{\"valueMissing\":\
             \"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\",\"tooShort\":\"Must be at least 2 characters\"}}</script>"
        );
        let json = out.split_once('>').unwrap().1.trim_end_matches("</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["name"]["valueMissing"], "</script><b>&");
        let mut none = String::new();
        messages(&mut none, &FormSchema::new(vec![])).unwrap();
        assert_eq!(none, "");
    }
}
