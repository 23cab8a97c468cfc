//! `application/json` bodies, flattened into the names a browser form would send.
//!
//! A non-browser client (a script, a mobile app, a test) can post JSON to the same action a form
//! posts to; flattening it into [`FormData`] means one parser serves both.

use std::fmt;

use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use super::{DecodeError, Limits};
use crate::FormData;

/// How deeply a JSON body may nest objects and arrays: the top-level object is level 1, so
/// `{"a":{"b":1}}` is 2 levels deep. Deeper bodies are rejected with
/// [`DecodeError::JsonTooDeep`], so hostile input cannot exhaust the stack.
pub const MAX_JSON_DEPTH: usize = 32;

/// Decodes a JSON body into the names and values a browser form would send for the same data.
///
/// The top level must be an object. Then:
///
/// - a string is the value as-is; `true` and `false` are `"true"` and `"false"`; `null` is left
///   out, as an empty form input would be absent;
/// - a number is its decimal text as `serde_json` prints it: integers that fit 64 bits exactly,
///   other numbers as the nearest `f64` (so `1.50` arrives as `"1.5"`; send numbers that need
///   every digit as strings);
/// - a nested object becomes dotted names: `{"address":{"city":"Oslo"}}` is `address.city=Oslo`;
/// - an array of scalars becomes a repeated name: `{"tags":["a","b"]}` is `tags=a&tags=b`;
/// - an object (or array) inside an array becomes an indexed name, counted by its position in
///   the array: `{"items":[{"name":"a"}]}` is `items[0].name=a`.
///
/// The entries come in the order of the document, and `limits` apply to the flattened entries
/// (`max_name_bytes` to the flattened names) as the body is read, so a huge body is rejected as
/// soon as it crosses a limit.
///
/// # Errors
///
/// A body that is not JSON, not an object, nested deeper than [`MAX_JSON_DEPTH`], or beyond
/// `limits`.
///
/// ```
/// use formaction::decode::decode_json;
/// use formaction::Limits;
///
/// let body = br#"{"name":"Ada","address":{"city":"Oslo"},"tags":["a","b"],"items":[{"qty":2}]}"#;
/// let data = decode_json(body, &Limits::default())?;
/// assert_eq!(data.text("address.city"), Some("Oslo"));
/// assert_eq!(data.texts("tags").collect::<Vec<_>>(), ["a", "b"]);
/// assert_eq!(data.text("items[0].qty"), Some("2"));
/// # Ok::<(), formaction::DecodeError>(())
/// ```
pub fn decode_json(body: &[u8], limits: &Limits) -> Result<FormData, DecodeError> {
    let mut flattener = Flattener { data: FormData::new(), limits, failure: None };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let parsed = deserializer
        .deserialize_any(TopLevel { flattener: &mut flattener })
        .and_then(|()| deserializer.end());
    match (parsed, flattener.failure) {
        // A limit (or the shape) was refused: that is the error, not the parser's wrapping of it.
        (Err(_), Some(failure)) => Err(failure),
        (Err(error), None) => Err(DecodeError::InvalidJson { reason: error.to_string() }),
        (Ok(()), _) => Ok(flattener.data),
    }
}

/// The flattened entries so far, and the reason flattening stopped, if it did.
struct Flattener<'l> {
    data: FormData,
    limits: &'l Limits,
    failure: Option<DecodeError>,
}

impl Flattener<'_> {
    /// Records why flattening stops, and answers the error that unwinds the parser.
    fn fail<E: de::Error>(&mut self, failure: DecodeError) -> E {
        self.failure = Some(failure);
        E::custom("stopped")
    }

    fn push<E: de::Error>(&mut self, name: &str, value: String) -> Result<(), E> {
        if self.data.len() >= self.limits.max_fields {
            return Err(self.fail(DecodeError::TooManyFields { limit: self.limits.max_fields }));
        }
        if value.len() > self.limits.max_field_bytes {
            let limit = self.limits.max_field_bytes;
            return Err(self.fail(DecodeError::FieldTooLarge { name: name.to_owned(), limit }));
        }
        self.data.push_text(name, value);
        Ok(())
    }

    /// `parent.key`, or `key` at the top level (`None`), checked against `max_name_bytes`. A
    /// member named `""` is a parent like any other: `{"": {"b": 1}}` is `.b`, never `b`.
    fn child_name<E: de::Error>(&mut self, parent: Option<&str>, key: &str) -> Result<String, E> {
        let name = match parent {
            None => key.to_owned(),
            Some(parent) => format!("{parent}.{key}"),
        };
        self.check_name(name)
    }

    fn check_name<E: de::Error>(&mut self, name: String) -> Result<String, E> {
        if name.len() > self.limits.max_name_bytes {
            return Err(self.fail(DecodeError::name_too_long(name.as_bytes(), self.limits.max_name_bytes)));
        }
        Ok(name)
    }

    /// Walks the members of an object at `depth`, naming them after `prefix` (`None` at the top
    /// level).
    fn members<'de, A: MapAccess<'de>>(
        &mut self,
        prefix: Option<&str>,
        depth: usize,
        mut map: A,
    ) -> Result<(), A::Error> {
        if depth > MAX_JSON_DEPTH {
            return Err(self.fail(DecodeError::JsonTooDeep { limit: MAX_JSON_DEPTH }));
        }
        while let Some(key) = map.next_key::<String>()? {
            let name = self.child_name(prefix, &key)?;
            map.next_value_seed(Member { flattener: self, name: &name, index: None, depth })?;
        }
        Ok(())
    }
}

/// The whole body: it must be an object, whose members have undotted names.
struct TopLevel<'f, 'l> {
    flattener: &'f mut Flattener<'l>,
}

impl<'de> Visitor<'de> for TopLevel<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        self.flattener.members(None, 1, map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Err(self.flattener.fail(DecodeError::JsonNotObject))
    }
}

/// A value inside the object: a member named `name` (`index: None`), or the element at `index`
/// of the array named `name`. `depth` is the level of the object or array it is in.
struct Member<'f, 'l> {
    flattener: &'f mut Flattener<'l>,
    name: &'f str,
    index: Option<usize>,
    depth: usize,
}

impl Member<'_, '_> {
    /// The name a nested object or array takes: `name`, or `name[index]` inside an array.
    fn container_name<E: de::Error>(&mut self) -> Result<String, E> {
        match self.index {
            None => Ok(self.name.to_owned()),
            Some(index) => self.flattener.check_name(format!("{}[{index}]", self.name)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Member<'_, '_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Member<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<(), E> {
        self.flattener.push(self.name, value.to_owned())
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<(), E> {
        self.flattener.push(self.name, value)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<(), E> {
        self.flattener.push(self.name, value.to_string())
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<(), E> {
        self.flattener.push(self.name, value.to_string())
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<(), E> {
        self.flattener.push(self.name, value.to_string())
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<(), E> {
        // Printed as `serde_json::Value` prints it (`1.0`, `0.1`), not as Rust's `Display` does.
        let text = match serde_json::Number::from_f64(value) {
            Some(number) => number.to_string(),
            None => value.to_string(),
        };
        self.flattener.push(self.name, text)
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let prefix = self.container_name()?;
        self.flattener.members(Some(&prefix), self.depth + 1, map)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let depth = self.depth + 1;
        if depth > MAX_JSON_DEPTH {
            return Err(self.flattener.fail(DecodeError::JsonTooDeep { limit: MAX_JSON_DEPTH }));
        }
        let name = self.container_name()?;
        let mut index = 0;
        while seq
            .next_element_seed(Member { flattener: self.flattener, name: &name, index: Some(index), depth })?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::test_support::{message, pairs};

    fn decode(body: &str) -> Result<FormData, DecodeError> {
        decode_json(body.as_bytes(), &Limits::default())
    }

    #[test]
    fn a_member_named_empty_is_a_parent_like_any_other() {
        // Found by the fuzzer: the empty key's members took top-level names, `b` twice.
        let data = decode(r#"{"c":1,"":{"b":3},"b":4}"#).unwrap();
        assert_eq!(pairs(&data), [("c", "1"), (".b", "3"), ("b", "4")]);
    }

    #[test]
    fn scalars() {
        let data = decode(
            r#"{"name":"Ada \"L\" 🦀\n","age":36,"neg":-7,"big":18446744073709551615,"pi":3.25,
                "one":1.0,"exp":1e2,"yes":true,"no":false,"gone":null,"empty":""}"#,
        )
        .unwrap();
        assert_eq!(
            pairs(&data),
            [
                ("name", "Ada \"L\" 🦀\n"),
                ("age", "36"),
                ("neg", "-7"),
                ("big", "18446744073709551615"),
                ("pi", "3.25"),
                ("one", "1.0"),
                ("exp", "100.0"),
                ("yes", "true"),
                ("no", "false"),
                ("empty", ""),
            ]
        );
    }

    #[test]
    fn nested_objects_become_dotted_names() {
        let data = decode(r#"{"address":{"city":"Oslo","geo":{"lat":59.9}},"after":1}"#).unwrap();
        assert_eq!(pairs(&data), [("address.city", "Oslo"), ("address.geo.lat", "59.9"), ("after", "1")]);
    }

    #[test]
    fn arrays_of_scalars_repeat_the_name() {
        let data = decode(r#"{"tags":["a","b",3,true,null,"c"],"none":[]}"#).unwrap();
        assert_eq!(
            pairs(&data),
            [("tags", "a"), ("tags", "b"), ("tags", "3"), ("tags", "true"), ("tags", "c")]
        );
    }

    #[test]
    fn arrays_of_objects_become_indexed_names() {
        let data = decode(
            r#"{"items":[{"name":"a","qty":1},{"name":"b","opts":{"gift":true},"tags":["x","y"]}],"n":2}"#,
        )
        .unwrap();
        assert_eq!(
            pairs(&data),
            [
                ("items[0].name", "a"),
                ("items[0].qty", "1"),
                ("items[1].name", "b"),
                ("items[1].opts.gift", "true"),
                ("items[1].tags", "x"),
                ("items[1].tags", "y"),
                ("n", "2"),
            ]
        );
    }

    #[test]
    fn arrays_in_arrays_are_indexed_by_position() {
        let data = decode(r#"{"grid":[[1,2],"loose",[3]],"mixed":[{"a":1},"x",{"a":2}]}"#).unwrap();
        assert_eq!(
            pairs(&data),
            [
                ("grid[0]", "1"),
                ("grid[0]", "2"),
                ("grid", "loose"),
                ("grid[2]", "3"),
                ("mixed[0].a", "1"),
                ("mixed", "x"),
                ("mixed[2].a", "2"),
            ]
        );
    }

    #[test]
    fn repeated_keys_are_kept_in_order() {
        let data = decode(r#"{"a":"1","b":"2","a":"3"}"#).unwrap();
        assert_eq!(pairs(&data), [("a", "1"), ("b", "2"), ("a", "3")]);
        assert!(decode("{}").unwrap().is_empty());
        assert!(decode(" {\"a\":{}} \n").unwrap().is_empty());
    }

    #[test]
    fn the_top_level_must_be_an_object() {
        for body in ["[]", "[{\"a\":1}]", "\"text\"", "1", "-1", "1.5", "true", "null"] {
            assert_eq!(message(decode(body)), "the JSON body must be an object", "{body}");
        }
    }

    #[test]
    fn invalid_json() {
        assert_eq!(message(decode("")), "invalid JSON: EOF while parsing a value at line 1 column 0");
        assert_eq!(
            message(decode("{\"a\":1")),
            "invalid JSON: EOF while parsing an object at line 1 column 6"
        );
        assert_eq!(message(decode("{\"a\":1} x")), "invalid JSON: trailing characters at line 1 column 9");
        assert_eq!(message(decode("{'a':1}")), "invalid JSON: key must be a string at line 1 column 2");
        assert_eq!(
            message(decode_json(b"{\"a\":\"\xff\"}", &Limits::default())),
            "invalid JSON: invalid unicode code point at line 1 column 7"
        );
    }

    #[test]
    fn depth_is_limited() {
        let nested = |levels: usize| format!("{}1{}", "{\"a\":".repeat(levels), "}".repeat(levels));
        let data = decode(&nested(MAX_JSON_DEPTH)).unwrap();
        assert_eq!(data.len(), 1);
        assert_eq!(data.iter().next().map(|(name, _)| name.len()), Some(2 * MAX_JSON_DEPTH - 1));
        assert_eq!(
            message(decode(&nested(MAX_JSON_DEPTH + 1))),
            "the JSON body is nested deeper than the limit of 32 levels"
        );

        let arrays =
            |levels: usize| format!("{{\"a\":{}1{}}}", "[".repeat(levels - 1), "]".repeat(levels - 1));
        assert_eq!(decode(&arrays(MAX_JSON_DEPTH)).unwrap().len(), 1);
        assert_eq!(
            message(decode(&arrays(MAX_JSON_DEPTH + 1))),
            "the JSON body is nested deeper than the limit of 32 levels"
        );
        // Far deeper than serde_json's own recursion limit: still our error, and no overflow.
        let hostile = format!("{{\"a\":{}", "[".repeat(100_000));
        assert_eq!(message(decode(&hostile)), "the JSON body is nested deeper than the limit of 32 levels");
        assert!(!DecodeError::JsonTooDeep { limit: 32 }.is_limit());
    }

    #[test]
    fn field_limit_counts_flattened_entries() {
        let limits = Limits::default().with_max_fields(3);
        let at_limit = decode_json(br#"{"a":1,"b":{"c":2},"d":[3,null],"e":null}"#, &limits).unwrap();
        assert_eq!(at_limit.len(), 3);
        let error = decode_json(br#"{"a":1,"b":{"c":2},"d":[3,4]}"#, &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 3");
        // Stops at the limit, before the syntax error further on.
        let error = decode_json(br#"{"a":[1,2,3,4,5] oops"#, &limits).unwrap_err();
        assert_eq!(error.to_string(), "too many fields: the limit is 3");
    }

    #[test]
    fn value_limit_counts_bytes() {
        let limits = Limits::default().with_max_field_bytes(4);
        assert!(decode_json("{\"notes\":\"éé\",\"n\":1234}".as_bytes(), &limits).is_ok());
        let error = decode_json(br#"{"notes":"abcde"}"#, &limits).unwrap_err();
        assert_eq!(error.to_string(), "the value of `notes` is larger than the limit of 4 bytes");
        let error = decode_json(br#"{"list":["ok",{"deep":"abcde"}]}"#, &limits).unwrap_err();
        assert_eq!(error.to_string(), "the value of `list[1].deep` is larger than the limit of 4 bytes");
    }

    #[test]
    fn name_limit_counts_flattened_names() {
        let limits = Limits::default().with_max_name_bytes(7);
        assert!(decode_json(br#"{"abc":{"def":1},"xs":[{"a":1}]}"#, &limits).is_ok());
        let error = decode_json(br#"{"abc":{"defg":1}}"#, &limits).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a field name is longer than the limit of 7 bytes (it starts with `abc.defg`)"
        );
        let error = decode_json(br#"{"abcdefgh":null}"#, &limits).unwrap_err();
        assert!(error.is_limit());
        let error = decode_json(br#"{"abcdef":[{"x":1}]}"#, &limits).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a field name is longer than the limit of 7 bytes (it starts with `abcdef[0]`)"
        );
    }
}
