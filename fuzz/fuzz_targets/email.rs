//! The `email` rule against the `validator` crate's own `ValidateEmail`.
//!
//! formaction answers plain ASCII addresses itself, byte by byte, and hands everything else to
//! validator (see `formaction::__private::rules::email`). The property: for every input, the rule's
//! answer is exactly validator's. The input is taken as text as it is (lossily when it is not
//! UTF-8) and also with a plain local part and domain around it, so that the fuzzer reaches
//! the domain grammar quickly.
#![no_main]

use formaction::__private::{RuleOptions, rules::email};
use formaction::{FormData, ParseCx};
use libfuzzer_sys::fuzz_target;
use validator::ValidateEmail;

fn agree(text: &str) {
    let data = FormData::default();
    let mut cx = ParseCx::new(&data);
    let ours = email(&mut cx, "e", &text, RuleOptions::default());
    let errors = cx.into_errors();
    assert_eq!(ours, errors.is_empty(), "the rule's answer and its errors disagree on {text:?}");
    assert_eq!(ours, text.validate_email(), "formaction and validator disagree on {text:?}");
}

fuzz_target!(|input: &[u8]| {
    let text = String::from_utf8_lossy(input);
    agree(&text);
    agree(&format!("ada@{text}"));
    agree(&format!("{text}@example.com"));
    agree(&format!("ada@example.{text}"));
});
