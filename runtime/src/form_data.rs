//! The submission as the browser sent it: an ordered multimap of names to text values and files.
//!
//! Every wire format (urlencoded bodies, multipart bodies, GET query strings) decodes into one
//! [`FormData`], so parsing a `#[form]` struct never depends on how the browser encoded it.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use bytes::Bytes;

/// Above this many entries, lookups go through an index built on first use (the entries sorted
/// by name); below it a linear scan over a handful of short names is faster.
const INDEX_THRESHOLD: usize = 32;

/// One value of a submission: text, or a file from `<input type=file>`.
#[derive(Clone, PartialEq, Eq)]
pub enum FieldValue {
    /// A text value (inputs, textareas, selects, checkboxes, and multipart parts without a file name).
    Text(String),
    /// An uploaded file (a multipart part with a `filename`).
    File(UploadedFile),
}

impl FieldValue {
    /// The text, if this is a text value.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FieldValue::Text(text) => Some(text),
            FieldValue::File(_) => None,
        }
    }

    /// The file, if this is a file.
    pub fn as_file(&self) -> Option<&UploadedFile> {
        match self {
            FieldValue::Text(_) => None,
            FieldValue::File(file) => Some(file),
        }
    }

    /// Whether this value stands for "nothing entered": text that is empty or only white space,
    /// or the empty part a browser sends for a file input left empty.
    pub fn is_blank(&self) -> bool {
        match self {
            // Trimmed at once when both ends are visible ASCII, as Unicode says otherwise.
            FieldValue::Text(text) => crate::text::trim(text).is_empty(),
            FieldValue::File(file) => file.is_empty_selection(),
        }
    }
}

impl fmt::Debug for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(text) => fmt::Debug::fmt(text, f),
            FieldValue::File(file) => fmt::Debug::fmt(file, f),
        }
    }
}

/// A file uploaded through `<input type=file>`: its name and type as the browser declared them,
/// and its bytes.
///
/// The declared content type is the browser's word, not a check. On a `#[form]` field,
/// `#[field(accept = "...")]` checks it and the file name's extension on the server, and the
/// first bytes of the types the runtime knows (PNG, JPEG, GIF, WebP, PDF, ZIP...); sniff the bytes
/// yourself for any other type where it matters.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct UploadedFile {
    /// The file name the browser sent (`filename=` of the part), without any directory.
    pub file_name: String,
    /// The declared content type (`Content-Type` of the part), if any.
    pub content_type: Option<String>,
    /// The file's bytes.
    pub bytes: Bytes,
}

impl UploadedFile {
    /// Whether this is the empty part browsers send for a file input with no file chosen: an
    /// empty file name and no bytes.
    pub fn is_empty_selection(&self) -> bool {
        self.file_name.is_empty() && self.bytes.is_empty()
    }

    /// The size in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the file has no bytes.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl fmt::Debug for UploadedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UploadedFile")
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// A decoded submission: names and values in the order they were sent, repeated names kept.
///
/// ```
/// use formaction::FormData;
///
/// let data = FormData::from_pairs([("tags", "billing"), ("name", "Ada"), ("tags", "support")]);
/// assert_eq!(data.text("name"), Some("Ada"));
/// let tags: Vec<&str> = data.texts("tags").collect();
/// assert_eq!(tags, ["billing", "support"]);
/// ```
#[derive(Default)]
pub struct FormData {
    /// Every entry's name, one after another: a submission's names take one allocation rather
    /// than one each. Each entry holds the range of its name.
    names: String,
    entries: Vec<Entry>,
    /// For large submissions, the positions of the entries sorted by name (and by position
    /// among equal names), built on the first lookup that needs it: a name, or every name that
    /// starts with a prefix (a list's rows, a group's fields), is then a binary search away.
    index: OnceLock<Vec<usize>>,
}

/// One entry: where its name is in the buffer of names, and its value.
#[derive(Clone)]
struct Entry {
    name: Range<usize>,
    value: FieldValue,
}

impl Clone for FormData {
    fn clone(&self) -> Self {
        FormData { names: self.names.clone(), entries: self.entries.clone(), index: OnceLock::new() }
    }
}

impl PartialEq for FormData {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl fmt::Debug for FormData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl FormData {
    /// An empty submission.
    pub const fn new() -> Self {
        FormData { names: String::new(), entries: Vec::new(), index: OnceLock::new() }
    }

    /// An empty submission with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        FormData { names: String::new(), entries: Vec::with_capacity(capacity), index: OnceLock::new() }
    }

    /// Reserves room for `additional` more bytes of names (a decoder that knows roughly how much
    /// it is about to push).
    pub(crate) fn reserve_names(&mut self, additional: usize) {
        self.names.reserve(additional);
    }

    /// A submission of text values, in order.
    pub fn from_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Self
    where
        K: Into<String>,
        V: Into<String>,
    {
        let mut data = FormData::new();
        for (name, value) in pairs {
            data.push_text(name, value);
        }
        data
    }

    /// Appends a value under `name`, after every value already there.
    pub fn push(&mut self, name: impl Into<String>, value: FieldValue) {
        self.push_named(&name.into(), value);
    }

    /// Appends a value under `name` without making a `String` of the name first.
    pub(crate) fn push_named(&mut self, name: &str, value: FieldValue) {
        self.index.take();
        let start = self.names.len();
        self.names.push_str(name);
        self.entries.push(Entry { name: start..self.names.len(), value });
    }

    /// Appends a text value under `name`.
    pub fn push_text(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.push(name, FieldValue::Text(value.into()));
    }

    /// Appends a file under `name`.
    pub fn push_file(&mut self, name: impl Into<String>, file: UploadedFile) {
        self.push(name, FieldValue::File(file));
    }

    /// The number of entries (a repeated name counts once per value).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing was submitted.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry in submission order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &FieldValue)> {
        self.entries.iter().map(|entry| (self.name(entry), &entry.value))
    }

    /// Every value submitted under `name`, in order.
    pub fn get_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a FieldValue> + 'a {
        let indexed = self.index_if_large().map(|index| self.named(index, name));
        let (scan, positions) = match indexed {
            Some(positions) => (None, Some(positions.iter())),
            None => (Some(self.entries.iter()), None),
        };
        let scanned = scan
            .into_iter()
            .flatten()
            .filter(move |entry| self.is_named(entry, name))
            .map(|entry| &entry.value);
        let looked_up = positions.into_iter().flatten().map(|&i| &self.entries[i].value);
        scanned.chain(looked_up)
    }

    /// The last value submitted under `name`.
    ///
    /// A single-valued field takes the last value when a name repeats, as Django and Rails do; that
    /// is what makes the "hidden input before a checkbox" pattern work.
    pub fn get(&self, name: &str) -> Option<&FieldValue> {
        match self.index_if_large() {
            Some(index) => self.named(index, name).last().map(|&i| &self.entries[i].value),
            None => {
                self.entries.iter().rev().find(|entry| self.is_named(entry, name)).map(|entry| &entry.value)
            }
        }
    }

    /// The last text value under `name` (files are skipped).
    pub fn text(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(FieldValue::as_text)
    }

    /// Every text value under `name`, in order (files are skipped).
    pub fn texts<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.get_all(name).filter_map(FieldValue::as_text)
    }

    /// The last file under `name`.
    pub fn file(&self, name: &str) -> Option<&UploadedFile> {
        self.get(name).and_then(FieldValue::as_file)
    }

    /// Whether any value was submitted under `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Every entry whose name starts with `prefix`, in order.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a FieldValue)> + 'a {
        self.iter().filter(move |(name, _)| name.starts_with(prefix))
    }

    /// Removes every value under `name`.
    pub fn remove(&mut self, name: &str) {
        self.retain(|n, _| n != name);
    }

    /// Keeps only the entries for which `keep` answers true.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &FieldValue) -> bool) {
        // Ask first, so that a `keep` that panics leaves the submission as it was.
        let kept: Vec<bool> = self.iter().map(|(name, value)| keep(name, value)).collect();
        // Usually nothing goes (a page rendered again redacts what has no secret): nothing to
        // rebuild then.
        if !kept.contains(&false) {
            return;
        }
        self.index.take();
        let mut names = String::with_capacity(self.names.len());
        let mut kept = kept.into_iter();
        self.entries.retain_mut(|entry| {
            if !kept.next().unwrap_or(false) {
                return false;
            }
            let start = names.len();
            names.push_str(&self.names[entry.name.clone()]);
            entry.name = start..names.len();
            true
        });
        self.names = names;
    }

    fn name(&self, entry: &Entry) -> &str {
        &self.names[entry.name.clone()]
    }

    /// Whether `entry` is named `name`: the lengths first, then the bytes (equal bytes are equal
    /// text; slicing the names as text would check character boundaries on every entry).
    fn is_named(&self, entry: &Entry, name: &str) -> bool {
        entry.name.len() == name.len()
            && self.names.as_bytes().get(entry.name.clone()) == Some(name.as_bytes())
    }

    fn index_if_large(&self) -> Option<&[usize]> {
        if self.entries.len() <= INDEX_THRESHOLD {
            return None;
        }
        Some(self.index.get_or_init(|| {
            let mut sorted: Vec<usize> = (0..self.entries.len()).collect();
            // Stable: equal names keep their submission order.
            sorted.sort_by(|&a, &b| self.name(&self.entries[a]).cmp(self.name(&self.entries[b])));
            sorted
        }))
    }

    /// The positions of the entries named `name`, in order, from the sorted `index`.
    fn named<'a>(&self, index: &'a [usize], name: &str) -> &'a [usize] {
        let start = index.partition_point(|&i| self.name(&self.entries[i]) < name);
        let len = index[start..].partition_point(|&i| self.name(&self.entries[i]) == name);
        &index[start..start + len]
    }

    /// Every entry whose name starts with `head` followed by `tail` (`items` and `[`: the rows
    /// of a list), with its position: for a large submission, in order of name from its index,
    /// so that a list's rows cost a binary search and those rows rather than a look at every
    /// entry; in submission order otherwise.
    pub(crate) fn starting_with<'a>(
        &'a self,
        head: &'a str,
        tail: &'a str,
    ) -> impl Iterator<Item = (usize, &'a str, &'a FieldValue)> + 'a {
        let (head_bytes, tail_bytes) = (head.as_bytes(), tail.as_bytes());
        let starts = move |name: &str| {
            name.as_bytes().strip_prefix(head_bytes).is_some_and(|rest| rest.starts_with(tail_bytes))
        };
        let (sorted, scan) = match self.index_if_large() {
            Some(index) => {
                let first = index.partition_point(|&i| {
                    compare_joined(self.name(&self.entries[i]).as_bytes(), head_bytes, tail_bytes)
                        == Ordering::Less
                });
                let sorted = index[first..].iter().copied();
                (Some(sorted.take_while(move |&i| starts(self.name(&self.entries[i])))), None)
            }
            None => (None, Some(0..self.entries.len())),
        };
        sorted.into_iter().flatten().chain(scan.into_iter().flatten()).filter_map(move |i| {
            #[cfg(test)]
            crate::work::looked_at(1);
            let entry = &self.entries[i];
            let name = self.name(entry);
            starts(name).then_some((i, name, &entry.value))
        })
    }
}

/// How `name` compares with `head` followed by `tail`, without joining them.
fn compare_joined(name: &[u8], head: &[u8], tail: &[u8]) -> Ordering {
    let split = name.len().min(head.len());
    name[..split]
        .cmp(&head[..split])
        .then_with(|| if name.len() < head.len() { Ordering::Less } else { name[head.len()..].cmp(tail) })
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for FormData {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        FormData::from_pairs(iter)
    }
}

impl IntoIterator for FormData {
    type Item = (String, FieldValue);
    type IntoIter = std::vec::IntoIter<(String, FieldValue)>;

    fn into_iter(self) -> Self::IntoIter {
        let names = self.names;
        let pairs: Vec<(String, FieldValue)> =
            self.entries.into_iter().map(|entry| (names[entry.name].to_owned(), entry.value)).collect();
        pairs.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_repeats_and_last_wins() {
        let data = FormData::from_pairs([("a", "1"), ("b", "2"), ("a", "3")]);
        assert_eq!(data.text("a"), Some("3"));
        assert_eq!(data.texts("a").collect::<Vec<_>>(), ["1", "3"]);
        assert_eq!(data.len(), 3);
        assert!(!data.contains("c"));
    }

    #[test]
    fn large_submissions_use_the_index_with_the_same_answers() {
        let mut data = FormData::new();
        for i in 0..100 {
            data.push_text(format!("f{}", i % 10), i.to_string());
        }
        assert_eq!(
            data.texts("f3").collect::<Vec<_>>(),
            ["3", "13", "23", "33", "43", "53", "63", "73", "83", "93"]
        );
        assert_eq!(data.text("f9"), Some("99"));
        data.push_text("f9", "last");
        assert_eq!(data.text("f9"), Some("last"), "a push invalidates the index");
        assert_eq!(data.get_all("missing").count(), 0);
    }

    #[test]
    fn names_starting_with_a_prefix_are_the_same_with_and_without_the_index() {
        let names = [
            "items[1].a",
            "items",
            "items[10].a",
            "item",
            "items[1]",
            "items[.",
            "itemsx",
            "a",
            "z",
            "items[1].b",
            "items[",
        ];
        for copies in [1, 10] {
            let mut data = FormData::new();
            for copy in 0..copies {
                for name in names {
                    data.push_text(name, copy.to_string());
                }
            }
            assert_eq!(data.len() > INDEX_THRESHOLD, copies == 10);
            for (head, tail) in [
                ("items", "["),
                ("items[1]", "."),
                ("items[1]", "["),
                ("", ""),
                ("item", "s"),
                ("items[", ""),
                ("zz", ""),
            ] {
                let mut found: Vec<(usize, &str)> =
                    data.starting_with(head, tail).map(|(at, name, _)| (at, name)).collect();
                found.sort_unstable();
                let prefix = format!("{head}{tail}");
                let expected: Vec<(usize, &str)> = data
                    .iter()
                    .enumerate()
                    .filter(|(_, (name, _))| name.starts_with(&prefix))
                    .map(|(at, (name, _))| (at, name))
                    .collect();
                assert_eq!(found, expected, "{head:?} {tail:?}, {copies} copies");
            }
            assert_eq!(data.texts("items[1]").count(), copies);
        }
        assert_eq!(compare_joined(b"ab", b"a", b"b"), Ordering::Equal);
        assert_eq!(compare_joined(b"a", b"a", b"b"), Ordering::Less);
        assert_eq!(compare_joined(b"abc", b"a", b"b"), Ordering::Greater);
        assert_eq!(compare_joined(b"b", b"ab", b""), Ordering::Greater);
        assert_eq!(compare_joined(b"a", b"ab", b""), Ordering::Less);
    }

    #[test]
    fn blank_values() {
        assert!(FieldValue::Text("  ".into()).is_blank());
        assert!(!FieldValue::Text(" x ".into()).is_blank());
        assert!(FieldValue::File(UploadedFile::default()).is_blank());
        let named = UploadedFile { file_name: "a.txt".into(), ..Default::default() };
        assert!(!FieldValue::File(named).is_blank(), "an empty file that was chosen is still a file");
    }
}
