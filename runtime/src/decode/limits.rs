//! How much a single submission may contain, checked while decoding.

/// Upper bounds on what one submission may contain, checked while the body is decoded so an
/// oversized submission is rejected as soon as it crosses a limit.
///
/// The defaults are generous enough that a real form never trips them by accident (the counts are
/// Django's): 1,000 fields, 100 files, 1 MiB per text value, 10 MiB per file and 1 KiB per field
/// name. Exceeding any of them is a [`DecodeError`](super::DecodeError) for which
/// [`is_limit`](super::DecodeError::is_limit) answers true (answer it with `413 Payload Too Large`).
///
/// These limits are per entry. The size of the whole body is not capped here: put a body limit in
/// front of the handler (axum's `DefaultBodyLimit`, or tower-http's `RequestBodyLimitLayer`).
///
/// ```
/// use formaction::Limits;
///
/// let limits = Limits::default().with_max_files(5).with_max_file_bytes(2 * 1024 * 1024);
/// assert_eq!(limits.max_fields, 1000);
/// assert_eq!(limits.max_files, 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most entries a submission may have, text values and files together (a repeated name
    /// counts once per value).
    pub max_fields: usize,
    /// The largest text value, in bytes after decoding.
    pub max_field_bytes: usize,
    /// The most files a multipart submission may have (empty file inputs count too).
    pub max_files: usize,
    /// The largest file, in bytes.
    pub max_file_bytes: usize,
    /// The longest field name, in bytes after decoding (for JSON bodies: the flattened name, such
    /// as `items[0].name`).
    pub max_name_bytes: usize,
}

impl Limits {
    /// The default number of entries: 1,000.
    pub const DEFAULT_MAX_FIELDS: usize = 1000;
    /// The default size of a text value: 1 MiB.
    pub const DEFAULT_MAX_FIELD_BYTES: usize = 1024 * 1024;
    /// The default number of files: 100.
    pub const DEFAULT_MAX_FILES: usize = 100;
    /// The default size of a file: 10 MiB.
    pub const DEFAULT_MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
    /// The default length of a field name: 1 KiB.
    pub const DEFAULT_MAX_NAME_BYTES: usize = 1024;

    /// The default limits (the same as [`Limits::default`]).
    pub const fn new() -> Self {
        Limits {
            max_fields: Self::DEFAULT_MAX_FIELDS,
            max_field_bytes: Self::DEFAULT_MAX_FIELD_BYTES,
            max_files: Self::DEFAULT_MAX_FILES,
            max_file_bytes: Self::DEFAULT_MAX_FILE_BYTES,
            max_name_bytes: Self::DEFAULT_MAX_NAME_BYTES,
        }
    }

    /// Sets [`max_fields`](Limits::max_fields).
    pub const fn with_max_fields(mut self, max_fields: usize) -> Self {
        self.max_fields = max_fields;
        self
    }

    /// Sets [`max_field_bytes`](Limits::max_field_bytes).
    pub const fn with_max_field_bytes(mut self, max_field_bytes: usize) -> Self {
        self.max_field_bytes = max_field_bytes;
        self
    }

    /// Sets [`max_files`](Limits::max_files).
    pub const fn with_max_files(mut self, max_files: usize) -> Self {
        self.max_files = max_files;
        self
    }

    /// Sets [`max_file_bytes`](Limits::max_file_bytes).
    pub const fn with_max_file_bytes(mut self, max_file_bytes: usize) -> Self {
        self.max_file_bytes = max_file_bytes;
        self
    }

    /// Sets [`max_name_bytes`](Limits::max_name_bytes).
    pub const fn with_max_name_bytes(mut self, max_name_bytes: usize) -> Self {
        self.max_name_bytes = max_name_bytes;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_ones() {
        let limits = Limits::default();
        assert_eq!(limits.max_fields, 1000);
        assert_eq!(limits.max_field_bytes, 1_048_576);
        assert_eq!(limits.max_files, 100);
        assert_eq!(limits.max_file_bytes, 10_485_760);
        assert_eq!(limits.max_name_bytes, 1024);
    }

    #[test]
    fn setters_change_one_limit_each() {
        let limits = Limits::default()
            .with_max_fields(1)
            .with_max_field_bytes(2)
            .with_max_files(3)
            .with_max_file_bytes(4)
            .with_max_name_bytes(5);
        assert_eq!(
            limits,
            Limits { max_fields: 1, max_field_bytes: 2, max_files: 3, max_file_bytes: 4, max_name_bytes: 5 }
        );
    }
}
