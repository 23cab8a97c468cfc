//! Raw HTTP/1.1 against the invoices app on 127.0.0.1: bytes no client library would send, lying
//! headers, sealed values made by hand. Shared by the hostile corpus and the security tests.

use std::net::SocketAddr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use example_invoices::Db;
use example_invoices::actions::create_invoice;
use formaction::protect::Protection;
use formaction::seal::Keys;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::invoice;

/// The key every in-process server of this file seals with.
pub const KEY: [u8; 32] = [7; 32];

/// Installs [`KEY`] for this process before anything is sealed (every test calls it first).
pub fn install_key() {
    let _ = formaction::seal::install(Keys::new(KEY));
}

/// The app on 127.0.0.1, served by `formaction::protect` in this process on its own SQLite file
/// (or by a process of its own, for the key rotation), and its database.
pub struct Server {
    pub addr: SocketAddr,
    pub db: Db,
    /// The database's directory and the serving task, when this process serves.
    pub own: Option<(tempfile::TempDir, tokio::task::JoinHandle<()>)>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some((_, task)) = &self.own {
            task.abort();
        }
    }
}

impl Server {
    pub async fn start(protection: Protection) -> Server {
        install_key();
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("invoices.db").display());
        let db = Db::connect(&url).await.expect("database");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("address");
        let app = example_invoices::app_with(db.clone(), &protection);
        let task = tokio::spawn(async move {
            protection.serve(listener, app, std::future::pending()).await.expect("serve");
        });
        Server { addr, db, own: Some((dir, task)) }
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Everything stored, to compare before and after a request.
    pub async fn snapshot(&self) -> String {
        let mut all = format!("count {:?}\n", self.db.count().await);
        for summary in self.db.list("").await.expect("list") {
            let invoice = self.db.get(summary.id).await.expect("get");
            let attachment = self.db.attachment(summary.id).await.expect("attachment");
            all.push_str(&format!("{invoice:?}\n{attachment:?}\n"));
        }
        all
    }

    /// A normal request, on a new connection: the list page.
    pub async fn still_serves(&self) {
        let answer = exchange(self.addr, &Request::get("/invoices").bytes(self)).await;
        assert_eq!(answer.status, 200, "the list page after a hostile request: {}", answer.body);
        assert!(answer.body.contains("<title>"), "{}", answer.body);
    }

    /// Creates a valid invoice numbered `number`; its id.
    pub async fn create(&self, number: &str) -> i64 {
        let request = Request::post(&new_url(create_invoice::bind()), FORM, &urlencoded(&invoice(number)));
        let answer = exchange(self.addr, &request.bytes(self)).await;
        assert_eq!(answer.status, 303, "{}", answer.body);
        let location = answer.header("location").expect("Location");
        location.trim_start_matches("/invoices/").parse().expect("an invoice id")
    }
}

pub const FORM: &str = "application/x-www-form-urlencoded";
pub const JSON: &str = "application/json";

pub fn new_url(action: formaction::BoundAction) -> String {
    format!("/invoices/new{}", action.url())
}

pub fn urlencoded(fields: &[(&str, String)]) -> Vec<u8> {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in fields {
        out.append_pair(name, value);
    }
    out.finish().into_bytes()
}

/// A valid invoice with one field replaced (or added).
pub fn invoice_with(number: &str, name: &str, value: &str) -> Vec<(&'static str, String)> {
    let mut fields = invoice(number);
    fields.retain(|(field, _)| *field != name);
    let name: &'static str = Box::leak(name.to_owned().into_boxed_str());
    fields.push((name, value.to_owned()));
    fields
}

/// A valid invoice, urlencoded, with `raw` (already encoded) appended.
pub fn invoice_and(number: &str, raw: &str) -> Vec<u8> {
    let mut body = urlencoded(&invoice(number));
    body.extend_from_slice(b"&");
    body.extend_from_slice(raw.as_bytes());
    body
}

/// A valid invoice, urlencoded, with raw bytes appended (not necessarily UTF-8).
pub fn invoice_and_bytes(raw: &[u8]) -> Vec<u8> {
    [urlencoded(&invoice("INV-0100")), b"&".to_vec(), raw.to_vec()].concat()
}

/// How the body's length is told.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// `Content-Length` with the body's real length.
    Exact,
    /// No length header at all.
    Omitted,
    /// `Transfer-Encoding: chunked`, in chunks of 64 KiB.
    Chunked,
}

/// One raw HTTP/1.1 request; `{origin}` and `{host}` in header values are replaced by the
/// server's.
#[derive(Clone)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub length: Length,
}

impl Request {
    pub fn get(target: &str) -> Request {
        Request {
            method: "GET".into(),
            target: target.into(),
            headers: vec![("Host".into(), "{host}".into())],
            body: Vec::new(),
            length: Length::Omitted,
        }
    }

    /// A same-origin POST, as a browser sends it.
    pub fn post(target: &str, content_type: &str, body: &[u8]) -> Request {
        Request {
            method: "POST".into(),
            target: target.into(),
            headers: vec![
                ("Host".into(), "{host}".into()),
                ("Origin".into(), "{origin}".into()),
                ("Content-Type".into(), content_type.into()),
            ],
            body: body.to_vec(),
            length: Length::Exact,
        }
    }

    pub fn method(mut self, method: &str) -> Request {
        self.method = method.into();
        self
    }

    /// Sets (or adds) a header; `None` removes it.
    pub fn header(mut self, name: &str, value: Option<&str>) -> Request {
        self.headers.retain(|(existing, _)| !existing.eq_ignore_ascii_case(name));
        if let Some(value) = value {
            self.headers.push((name.into(), value.into()));
        }
        self
    }

    /// Adds a header even when one of that name exists.
    pub fn extra_header(mut self, name: &str, value: &str) -> Request {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn length(mut self, length: Length) -> Request {
        self.length = length;
        self
    }

    pub fn json(self) -> Request {
        self.header("Accept", Some(JSON))
    }

    pub fn bytes(&self, server: &Server) -> Vec<u8> {
        let host = server.addr.to_string();
        let origin = server.origin();
        let mut head = format!("{} {} HTTP/1.1\r\n", self.method, self.target).into_bytes();
        for (name, value) in &self.headers {
            let value = value.replace("{origin}", &origin).replace("{host}", &host);
            head.extend_from_slice(name.as_bytes());
            head.extend_from_slice(b": ");
            head.extend_from_slice(value.as_bytes());
            head.extend_from_slice(b"\r\n");
        }
        match self.length {
            Length::Exact => {
                head.extend_from_slice(format!("Content-Length: {}\r\n", self.body.len()).as_bytes())
            }
            Length::Chunked => head.extend_from_slice(b"Transfer-Encoding: chunked\r\n"),
            Length::Omitted => {}
        }
        head.extend_from_slice(b"Connection: close\r\n\r\n");
        match self.length {
            Length::Chunked => {
                for chunk in self.body.chunks(64 * 1024) {
                    head.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                    head.extend_from_slice(chunk);
                    head.extend_from_slice(b"\r\n");
                }
                head.extend_from_slice(b"0\r\n\r\n");
            }
            _ => head.extend_from_slice(&self.body),
        }
        head
    }
}

/// A response as read off the wire.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
        })
    }
}

/// Sends `request` on a new connection and reads the answer until the server closes it. The
/// request is written while the answer is read, so a server that answers early (413) and closes
/// is seen answering, not as a failed write.
pub async fn exchange(addr: SocketAddr, request: &[u8]) -> Answer {
    let stream = TcpStream::connect(addr).await.expect("connect");
    let (mut reader, mut writer) = stream.into_split();
    let request = request.to_vec();
    let writing = tokio::spawn(async move {
        // The server may stop reading and close once it has answered: a failed write is expected then.
        let _ = writer.write_all(&request).await;
        writer
    });
    let mut raw = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), async {
        let mut buffer = vec![0; 64 * 1024];
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) => break,
                Ok(n) => raw.extend_from_slice(&buffer[..n]),
                // A reset after the answer (the server closed with part of a large body unread).
                Err(_) if !raw.is_empty() => break,
                Err(error) => panic!("reading the answer failed: {error}"),
            }
        }
    })
    .await;
    assert!(read.is_ok(), "no complete answer within 30 s; read so far: {}", String::from_utf8_lossy(&raw));
    writing.abort();
    parse_answer(&raw)
}

pub fn parse_answer(raw: &[u8]) -> Answer {
    let text = String::from_utf8_lossy(raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"));
    let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
    let body = if chunked { dechunk(body) } else { body.to_owned() };
    Answer { status, head: head.to_owned(), body }
}

pub fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else { break };
        if size == 0 || rest.len() < size {
            break;
        }
        out.push_str(&rest[..size]);
        body = rest[size..].trim_start_matches("\r\n");
    }
    out
}

/// What no answer may show: where the code lives, Rust's names, a panic.
pub const INTERNALS: &[&str] = &[
    "panicked",
    "thread '",
    "RUST_BACKTRACE",
    "/work/",
    "/home/",
    "/root/",
    ".rs:",
    "src/",
    "std::",
    "core::",
    "alloc::",
    "sqlx",
    "Sqlite",
    "Utf8Error",
    "ParseIntError",
    "Error {",
    "Some(",
    "Box<",
    "`i64`",
    "`u32`",
];

pub fn assert_no_internals(case: &str, answer: &Answer) {
    for internal in INTERNALS {
        assert!(!answer.body.contains(internal), "{case}: the answer shows `{internal}`: {}", answer.body);
    }
}

/// One hostile request and its exact answer.
pub struct Case {
    pub name: String,
    pub request: Request,
    pub status: u16,
    /// Words the answer must contain; `None` for the few requests hyper refuses before the app
    /// sees them (it answers those with a status and an empty body).
    pub message: Option<&'static str>,
}

pub fn case(name: &str, request: Request, status: u16, message: &'static str) -> Case {
    Case { name: name.to_owned(), request, status, message: Some(message) }
}

pub fn multipart(boundary: &str, parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut body = Vec::new();
    for (headers, content) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n{headers}\r\n\r\n").as_bytes());
        body.extend_from_slice(content);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

/// The text fields of a valid invoice as multipart parts, and an attachment part.
pub fn invoice_multipart(number: &str, attachment: Option<(&str, &str, &[u8])>) -> Vec<u8> {
    let fields = invoice(number);
    let headers: Vec<String> =
        fields.iter().map(|(name, _)| format!("Content-Disposition: form-data; name=\"{name}\"")).collect();
    let mut parts: Vec<(&str, &[u8])> =
        fields.iter().zip(&headers).map(|((_, value), header)| (header.as_str(), value.as_bytes())).collect();
    let attachment_header;
    if let Some((file_name, content_type, bytes)) = attachment {
        attachment_header = format!(
            "Content-Disposition: form-data; name=\"attachment\"; filename=\"{file_name}\"\r\nContent-Type: {content_type}"
        );
        parts.push((attachment_header.as_str(), bytes));
    }
    multipart("XyZ", &parts)
}

/// The text fields of a valid invoice as multipart parts, and one more part as given.
pub fn invoice_multipart_raw(number: &str, part_headers: &str, content: &[u8]) -> Vec<u8> {
    let fields = invoice(number);
    let headers: Vec<String> =
        fields.iter().map(|(name, _)| format!("Content-Disposition: form-data; name=\"{name}\"")).collect();
    let mut parts: Vec<(&str, &[u8])> =
        fields.iter().zip(&headers).map(|((_, value), header)| (header.as_str(), value.as_bytes())).collect();
    parts.push((part_headers, content));
    multipart("XyZ", &parts)
}

pub const MULTIPART: &str = "multipart/form-data; boundary=XyZ";

pub fn pdf(len: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize(len.max(9), b'x');
    bytes
}

/// The purpose a bound argument of action `id` is sealed for (the runtime's: the action id as
/// associated data, so a value sealed for one action opens for no other).
pub fn bound_purpose(id: &str) -> Vec<u8> {
    [b"formaction:bound:".as_slice(), id.as_bytes()].concat()
}

/// `json` sealed for action `id` with `keys`, stamped `age` ago.
pub fn sealed_at(keys: &Keys, id: &str, json: &str, age: Duration) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).expect("clock").as_secs();
    let mut plaintext = (now - age.as_secs()).to_be_bytes().to_vec();
    plaintext.extend_from_slice(json.as_bytes());
    keys.seal(&bound_purpose(id), &plaintext).expect("a bound value of a test seals")
}

pub fn bound_body(sealed: &str) -> Vec<u8> {
    urlencoded(&[("$bound", sealed.to_owned())])
}

/// The app's own binary, started with `FORMACTION_SECRET` and `FORMACTION_PREVIOUS_SECRETS` as
/// a deployment sets them; killed (by its handle) when dropped.
pub struct Process {
    pub child: std::process::Child,
    pub addr: SocketAddr,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn base64_key(key: [u8; 32]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in key.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    out
}

pub fn start_process(database: &str, secret: [u8; 32], previous: &[[u8; 32]]) -> Process {
    start_process_with(database, secret, previous, &[])
}

/// [`start_process`] with more environment variables (`FORMACTION_ORIGIN`, ...).
pub fn start_process_with(
    database: &str,
    secret: [u8; 32],
    previous: &[[u8; 32]],
    env: &[(&str, &str)],
) -> Process {
    use std::io::BufRead;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("address")
        .port();
    let previous: Vec<String> = previous.iter().map(|key| base64_key(*key)).collect();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_example-invoices"))
        .env("PORT", port.to_string())
        .env("DATABASE_URL", database)
        .env("FORMACTION_SECRET", base64_key(secret))
        .env("FORMACTION_PREVIOUS_SECRETS", previous.join(","))
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start the app");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufReader::new(stdout).lines();
    // Its first lines, up to the one saying it listens (the output ends if it exits instead).
    let mut seen = Vec::new();
    for line in lines.by_ref() {
        let line = line.unwrap_or_default();
        let listening = line.contains("listening on");
        seen.push(line);
        if listening {
            break;
        }
    }
    assert!(seen.last().is_some_and(|line| line.contains("listening on")), "the app did not start: {seen:?}");
    // Keep reading its output so the pipe never fills.
    std::thread::spawn(move || for _ in lines {});
    Process { child, addr: SocketAddr::from(([127, 0, 0, 1], port)) }
}

/// The app's binary on a new SQLite file with [`KEY`] and more environment, and a [`Server`] view
/// of it (for `Request::bytes` and the database); the file lives as long as the directory.
pub async fn start_binary(env: &[(&str, &str)]) -> (Process, Server, tempfile::TempDir) {
    install_key();
    let dir = tempfile::tempdir().expect("temp dir");
    let database = format!("sqlite://{}", dir.path().join("invoices.db").display());
    let app = start_process_with(&database, KEY, &[], env);
    let db = Db::connect(&database).await.expect("database");
    let server = Server { addr: app.addr, db, own: None };
    (app, server, dir)
}
