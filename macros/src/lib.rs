//! Procedural macros for formaction. Use them through the `formaction` crate.
