//! What a file input's `accept` admits, checked on the server: the file's declared type (the
//! part's `Content-Type` and its name's extension) against `accept`, and its first bytes against
//! the declared type where the runtime can recognise it. A browser's `accept` only filters its
//! file picker, and a request can say anything.
//!
//! `accept` is a comma-separated list of MIME types (`image/png`), wildcards (`image/*`) and
//! extensions (`.pdf`), case-insensitive, as in HTML. The declared type decides: the part's
//! `Content-Type` when it says something, else (none, `application/octet-stream`, a type no token
//! can be compared with) the name's extension; a file that declares nothing is refused. A forged
//! type does not get a file in: its first bytes must then be of that type, where the runtime can
//! recognise it, and a download is named by the checked type, never by the uploaded name.

use crate::{FieldError, UploadedFile};

/// Extensions and the MIME types a browser declares for them (several where browsers differ:
/// Windows sends `.csv` as `application/vnd.ms-excel`). An extension missing here is compared
/// only with `.ext` tokens; its file is then judged by its content type.
const EXTENSIONS: &[(&str, &[&str])] = &[
    ("png", &["image/png"]),
    ("jpg", &["image/jpeg", "image/pjpeg"]),
    ("jpeg", &["image/jpeg", "image/pjpeg"]),
    ("jfif", &["image/jpeg"]),
    ("gif", &["image/gif"]),
    ("webp", &["image/webp"]),
    ("avif", &["image/avif"]),
    ("heic", &["image/heic"]),
    ("heif", &["image/heif"]),
    ("bmp", &["image/bmp"]),
    ("tif", &["image/tiff"]),
    ("tiff", &["image/tiff"]),
    ("ico", &["image/vnd.microsoft.icon", "image/x-icon"]),
    ("svg", &["image/svg+xml"]),
    ("pdf", &["application/pdf"]),
    ("zip", &["application/zip", "application/x-zip-compressed"]),
    ("gz", &["application/gzip", "application/x-gzip"]),
    ("txt", &["text/plain"]),
    ("csv", &["text/csv", "application/vnd.ms-excel", "text/plain"]),
    ("json", &["application/json"]),
    ("xml", &["application/xml", "text/xml"]),
    ("html", &["text/html"]),
    ("htm", &["text/html"]),
    ("js", &["text/javascript", "application/javascript"]),
    ("md", &["text/markdown", "text/plain"]),
    ("doc", &["application/msword"]),
    ("docx", &["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]),
    ("xls", &["application/vnd.ms-excel"]),
    ("xlsx", &["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]),
    ("pptx", &["application/vnd.openxmlformats-officedocument.presentationml.presentation"]),
    ("odt", &["application/vnd.oasis.opendocument.text"]),
    ("ods", &["application/vnd.oasis.opendocument.spreadsheet"]),
    ("epub", &["application/epub+zip"]),
    ("mp3", &["audio/mpeg"]),
    ("wav", &["audio/wav", "audio/x-wav"]),
    ("mp4", &["video/mp4"]),
    ("webm", &["video/webm"]),
    ("exe", &["application/vnd.microsoft.portable-executable", "application/x-msdownload"]),
    ("dll", &["application/vnd.microsoft.portable-executable", "application/x-msdownload"]),
    ("msi", &["application/x-msi"]),
    ("bat", &["application/x-bat"]),
    ("sh", &["application/x-sh"]),
    ("jar", &["application/java-archive"]),
    ("apk", &["application/vnd.android.package-archive"]),
];

/// The first bytes of the types the runtime recognises. A file declared as one of these (by its
/// content type or its extension) must start with them.
const SIGNATURES: &[(&str, &[&[u8]])] = &[
    ("image/png", &[b"\x89PNG\r\n\x1a\n"]),
    ("image/jpeg", &[b"\xff\xd8\xff"]),
    ("image/gif", &[b"GIF87a", b"GIF89a"]),
    ("application/pdf", &[b"%PDF-"]),
    ("application/zip", ZIP),
    ("application/gzip", &[b"\x1f\x8b"]),
    ("image/bmp", &[b"BM"]),
    ("image/tiff", &[b"II*\0", b"MM\0*"]),
    // Office, OpenDocument, EPUB, Java and Android archives are ZIP files.
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP),
    ("application/vnd.oasis.opendocument.text", ZIP),
    ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ("application/epub+zip", ZIP),
    ("application/java-archive", ZIP),
    ("application/vnd.android.package-archive", ZIP),
];

/// A ZIP file starts with a local file header, or is empty (the end of its central directory).
const ZIP: &[&[u8]] = &[b"PK\x03\x04", b"PK\x05\x06"];

/// Why a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Its declared type is outside `accept`.
    Type,
    /// Its first bytes contradict its declared type.
    Content,
}

impl Refusal {
    /// The field error, `file_type` or `file_content`, with `accept` as written.
    pub(crate) fn error(self, accept: &str) -> FieldError {
        let code = match self {
            Refusal::Type => "file_type",
            Refusal::Content => "file_content",
        };
        FieldError::new(code).with_param("accept", accept)
    }
}

/// Whether `accept` admits `file`: its declared type first, then its first bytes.
pub(crate) fn check(accept: &str, file: &UploadedFile) -> Result<(), Refusal> {
    let content_type = file.content_type.as_deref().map(essence);
    let content_type = content_type.filter(|t| !t.is_empty() && t != "application/octet-stream");
    let extension = extension(&file.file_name);
    if !admits(accept, content_type.as_deref(), extension.as_deref()) {
        return Err(Refusal::Type);
    }
    let mut declared: Vec<&str> = content_type.as_deref().into_iter().collect();
    if let Some(extension) = &extension {
        declared.extend(mimes_of(extension).iter().take(1));
    }
    for mime in declared {
        let signature = SIGNATURES.iter().find(|(known, _)| *known == mime || alias(mime) == Some(*known));
        if let Some((_, starts)) = signature
            && !starts.iter().any(|start| file.bytes.starts_with(start))
        {
            return Err(Refusal::Content);
        }
    }
    if content_type.as_deref().is_some_and(|t| t == "image/webp") || extension.as_deref() == Some("webp") {
        // RIFF, four bytes of length, then WEBP.
        let b = &file.bytes;
        if !(b.len() >= 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP") {
            return Err(Refusal::Content);
        }
    }
    Ok(())
}

/// Other names browsers use for a type with a signature.
fn alias(mime: &str) -> Option<&'static str> {
    match mime {
        "image/pjpeg" => Some("image/jpeg"),
        "application/x-zip-compressed" => Some("application/zip"),
        "application/x-gzip" => Some("application/gzip"),
        _ => None,
    }
}

/// The declaration's verdict.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Admit,
    Refuse,
    Silent,
}

/// Whether `accept` admits a file declared with `content_type` (lowercase, without parameters)
/// and `extension` (lowercase, without the dot).
fn admits(accept: &str, content_type: Option<&str>, extension: Option<&str>) -> bool {
    let tokens: Vec<Token<'_>> = accept.split(',').filter_map(Token::parse).collect();
    let by_type = content_type.map_or(Verdict::Silent, |t| type_verdict(&tokens, t));
    let by_extension = extension.map_or(Verdict::Silent, |e| extension_verdict(&tokens, e));
    match by_type {
        Verdict::Silent => by_extension == Verdict::Admit,
        decided => decided == Verdict::Admit,
    }
}

fn type_verdict(tokens: &[Token<'_>], content_type: &str) -> Verdict {
    let mut comparable = false;
    for token in tokens {
        match token {
            Token::Mime(pattern) => {
                comparable = true;
                if mime_matches(pattern, content_type) {
                    return Verdict::Admit;
                }
            }
            Token::Extension(extension) => {
                let mimes = mimes_of(extension);
                comparable |= !mimes.is_empty();
                if mimes.contains(&content_type) {
                    return Verdict::Admit;
                }
            }
        }
    }
    if comparable { Verdict::Refuse } else { Verdict::Silent }
}

fn extension_verdict(tokens: &[Token<'_>], extension: &str) -> Verdict {
    let mimes = mimes_of(extension);
    let mut comparable = false;
    for token in tokens {
        match token {
            Token::Extension(wanted) => {
                comparable = true;
                if wanted.eq_ignore_ascii_case(extension) {
                    return Verdict::Admit;
                }
            }
            Token::Mime(pattern) => {
                comparable |= !mimes.is_empty();
                if mimes.iter().any(|mime| mime_matches(pattern, mime)) {
                    return Verdict::Admit;
                }
            }
        }
    }
    if comparable { Verdict::Refuse } else { Verdict::Silent }
}

/// One token of `accept`.
enum Token<'a> {
    /// `image/png`, `image/*` or `*/*`, trimmed.
    Mime(&'a str),
    /// `pdf` of `.pdf`.
    Extension(&'a str),
}

impl<'a> Token<'a> {
    fn parse(text: &'a str) -> Option<Self> {
        let text = text.trim();
        if let Some(extension) = text.strip_prefix('.') {
            return (!extension.is_empty()).then_some(Token::Extension(extension));
        }
        // HTML ignores a token that is neither an extension nor a type.
        text.contains('/').then_some(Token::Mime(text))
    }
}

/// Whether `pattern` (`image/png`, `image/*`, `*/*`, any case) matches `mime` (lowercase).
fn mime_matches(pattern: &str, mime: &str) -> bool {
    let pattern = essence(pattern);
    match pattern.strip_suffix("/*") {
        Some("*") => true,
        Some(kind) => mime.split_once('/').is_some_and(|(mime_kind, _)| mime_kind == kind),
        None => pattern == mime,
    }
}

/// A media type without its parameters, trimmed and lowercase: `Text/Plain; charset=utf-8` is
/// `text/plain`.
fn essence(mime: &str) -> String {
    mime.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// The extension of a file name, lowercase and without the dot; none for `README` or `.env`.
fn extension(file_name: &str) -> Option<String> {
    let (stem, extension) = file_name.rsplit_once('.')?;
    (!stem.is_empty() && !extension.is_empty()).then(|| extension.to_ascii_lowercase())
}

/// The MIME types browsers declare for `extension` (any case); empty when it is not in the table.
fn mimes_of(extension: &str) -> &'static [&'static str] {
    EXTENSIONS.iter().find(|(known, _)| known.eq_ignore_ascii_case(extension)).map_or(&[], |(_, mimes)| mimes)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0";

    fn file(name: &str, content_type: Option<&str>, bytes: &[u8]) -> UploadedFile {
        UploadedFile {
            file_name: name.to_owned(),
            content_type: content_type.map(str::to_owned),
            bytes: bytes::Bytes::copy_from_slice(bytes),
        }
    }

    fn verdict(accept: &str, name: &str, content_type: Option<&str>, bytes: &[u8]) -> Result<(), Refusal> {
        check(accept, &file(name, content_type, bytes))
    }

    #[test]
    fn a_type_is_matched_exactly_and_in_any_case() {
        assert_eq!(verdict("image/png", "a.png", Some("image/png"), PNG), Ok(()));
        assert_eq!(verdict("IMAGE/PNG", "A.PNG", Some("Image/Png"), PNG), Ok(()));
        assert_eq!(verdict("image/png", "a.png", Some("image/png; name=a.png"), PNG), Ok(()));
        assert_eq!(verdict("image/png", "a.exe", Some("application/x-msdownload"), EXE), Err(Refusal::Type));
        assert_eq!(verdict("image/png", "a.gif", Some("image/gif"), b"GIF89a"), Err(Refusal::Type));
    }

    #[test]
    fn white_space_around_commas_and_empty_tokens_are_ignored() {
        assert_eq!(verdict(" image/png ,  .pdf ,", "a.pdf", Some("application/pdf"), PDF), Ok(()));
        assert_eq!(verdict("image/png,,application/pdf", "a.pdf", Some("application/pdf"), PDF), Ok(()));
        assert_eq!(
            verdict(" image/png ,  .pdf ", "a.exe", Some("application/x-msdownload"), EXE),
            Err(Refusal::Type)
        );
    }

    #[test]
    fn a_wildcard_matches_its_kind() {
        assert_eq!(verdict("image/*", "a.png", Some("image/png"), PNG), Ok(()));
        assert_eq!(verdict("image/*", "a.gif", Some("image/gif"), b"GIF87a..."), Ok(()));
        assert_eq!(verdict("Image/*", "a.pdf", Some("application/pdf"), PDF), Err(Refusal::Type));
        assert_eq!(verdict("*/*", "a.exe", Some("application/x-msdownload"), EXE), Ok(()));
        // An image the tables do not know, declared as an image: judged by its type.
        assert_eq!(verdict("image/*", "a.jxl", Some("image/jxl"), b"\xff\x0a"), Ok(()));
    }

    #[test]
    fn an_extension_matches_the_file_name_and_the_types_browsers_declare_for_it() {
        assert_eq!(verdict(".pdf", "report.PDF", Some("application/pdf"), PDF), Ok(()));
        assert_eq!(verdict(".PDF", "report.pdf", None, PDF), Ok(()));
        // The declared type decides; the name's extension only when the type says nothing.
        assert_eq!(verdict(".pdf", "report.exe", Some("application/pdf"), PDF), Ok(()));
        // The extension matches, the declared type is another one that `.pdf` is never sent as.
        assert_eq!(verdict(".pdf", "report.pdf", Some("image/png"), PNG), Err(Refusal::Type));
        // Windows declares a CSV file as Excel's.
        assert_eq!(verdict(".csv", "a.csv", Some("application/vnd.ms-excel"), b"a,b\n"), Ok(()));
        // An extension the tables do not know, with a type no token is compared with.
        assert_eq!(verdict(".gpx", "walk.gpx", Some("application/gpx+xml"), b"<gpx/>"), Ok(()));
        assert_eq!(verdict(".gpx", "walk.kml", None, b"<kml/>"), Err(Refusal::Type));
    }

    #[test]
    fn a_type_token_judges_the_extension_through_the_table() {
        // A forged content type: the bytes give it away.
        assert_eq!(verdict("image/png", "a.exe", Some("image/png"), EXE), Err(Refusal::Content));
        assert_eq!(verdict("image/*", "a.svg", Some("image/svg+xml"), b"<svg/>"), Ok(()));
    }

    #[test]
    fn without_an_extension_the_content_type_decides() {
        assert_eq!(verdict("image/png", "photo", Some("image/png"), PNG), Ok(()));
        assert_eq!(verdict("image/png", "photo", Some("application/x-msdownload"), EXE), Err(Refusal::Type));
        assert_eq!(
            verdict("image/png", ".png", Some("image/png"), PNG),
            Ok(()),
            "a dot file has no extension"
        );
    }

    #[test]
    fn without_a_content_type_the_extension_decides() {
        assert_eq!(verdict("image/png", "a.png", None, PNG), Ok(()));
        assert_eq!(verdict("image/png", "a.png", Some("application/octet-stream"), PNG), Ok(()));
        assert_eq!(verdict("image/png", "a.exe", None, EXE), Err(Refusal::Type));
        assert_eq!(verdict("image/png", "a.png", Some(""), PNG), Ok(()));
    }

    #[test]
    fn a_file_that_declares_nothing_is_refused() {
        assert_eq!(verdict("image/png", "photo", None, PNG), Err(Refusal::Type));
        assert_eq!(verdict(".pdf", "", Some("application/octet-stream"), PDF), Err(Refusal::Type));
    }

    #[test]
    fn an_accept_without_a_token_admits_nothing() {
        assert_eq!(verdict("", "a.png", Some("image/png"), PNG), Err(Refusal::Type));
        assert_eq!(verdict(" , png", "a.png", Some("image/png"), PNG), Err(Refusal::Type));
    }

    #[test]
    fn first_bytes_must_match_a_type_the_runtime_recognises() {
        assert_eq!(verdict("image/png", "a.png", Some("image/png"), EXE), Err(Refusal::Content));
        assert_eq!(verdict("image/png", "a.png", None, b"not a png"), Err(Refusal::Content));
        assert_eq!(verdict("image/png", "a.png", Some("image/png"), b""), Err(Refusal::Content));
        assert_eq!(verdict("image/*", "a.jpg", Some("image/jpeg"), b"\xff\xd8\xff\xe0"), Ok(()));
        assert_eq!(verdict("image/*", "a.jpg", Some("image/jpeg"), PNG), Err(Refusal::Content));
        assert_eq!(verdict("image/*", "a.gif", Some("image/gif"), PNG), Err(Refusal::Content));
        assert_eq!(verdict("image/webp", "a.webp", Some("image/webp"), b"RIFF\x10\0\0\0WEBPVP8 "), Ok(()));
        assert_eq!(
            verdict("image/webp", "a.webp", Some("image/webp"), b"RIFF\x10\0\0\0WAVEfmt "),
            Err(Refusal::Content)
        );
        assert_eq!(verdict(".pdf", "a.pdf", Some("application/pdf"), PDF), Ok(()));
        assert_eq!(verdict(".pdf", "a.pdf", Some("application/pdf"), PNG), Err(Refusal::Content));
        assert_eq!(verdict(".zip", "a.zip", Some("application/x-zip-compressed"), b"PK\x03\x04"), Ok(()));
        assert_eq!(verdict(".docx", "a.docx", None, b"PK\x03\x04"), Ok(()));
        assert_eq!(verdict(".docx", "a.docx", None, PDF), Err(Refusal::Content));
        // Types without a signature here are not sniffed.
        assert_eq!(verdict(".txt", "a.txt", Some("text/plain"), EXE), Ok(()));
    }

    #[test]
    fn the_errors_carry_their_code_and_accept() {
        let error = Refusal::Type.error("image/png");
        assert_eq!(error.code(), "file_type");
        assert_eq!(error.param("accept"), Some(&serde_json::Value::from("image/png")));
        assert_eq!(Refusal::Content.error("image/png").code(), "file_content");
    }
}
