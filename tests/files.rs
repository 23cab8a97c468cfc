//! File fields over real HTTP on 127.0.0.1: `#[field(accept = ..., max_size = ...)]` checked on
//! the server, not only by the browser's file picker. A file of a type outside `accept`, one whose
//! first bytes contradict the type it declares, and one over `max_size` are field errors, all
//! at once with the form's other errors, beside their field (422), never a refusal of the whole
//! request.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use formaction::{ActionError, FormState, FormView, Redirect, RouterExt, UploadedFile, action, form, page};
use reqwest::StatusCode;
use reqwest::multipart::{Form, Part};
use serde_json::{Value, json};
use support::Server;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0";

#[form]
struct Profile {
    #[validate(length(min = 1))]
    name: String,
    #[field(accept = "image/png")]
    avatar: UploadedFile,
    #[field(accept = " image/png , .PDF ", max_size = "1KB")]
    scan: Option<UploadedFile>,
    #[field(max_size = "64B")]
    notes: Option<UploadedFile>,
}

type Saved = Arc<Mutex<Vec<String>>>;

#[action]
async fn save(State(saved): State<Saved>, #[form] profile: Profile) -> Result<Redirect, ActionError> {
    let scan = profile.scan.map(|file| file.file_name).unwrap_or_default();
    saved.lock().unwrap().push(format!("{} {} {scan}", profile.name, profile.avatar.file_name));
    Ok(Redirect::to("/done"))
}

async fn show(state: FormState<Profile>) -> Html<String> {
    Html(FormView::from_state(&state, save::bind()).to_string())
}

async fn start() -> (Server, Saved) {
    let saved = Saved::default();
    let app = Router::new().page("/", page(show).action::<save>()).with_state(saved.clone());
    (Server::start(app).await, saved)
}

fn file(name: &str, content_type: &str, bytes: &[u8]) -> Part {
    Part::bytes(bytes.to_vec()).file_name(name.to_owned()).mime_str(content_type).unwrap()
}

/// Posts `form` as a script would (JSON answer): the status and the body.
async fn post_json(server: &Server, form: Form) -> (StatusCode, Value) {
    let url = format!("/{}", save::bind().url());
    let response =
        server.post(&url).header("accept", "application/json").multipart(form).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn a_file_outside_accept_is_an_error_beside_its_field() {
    let (server, saved) = start().await;
    let form =
        Form::new().text("name", "Ada").part("avatar", file("tool.exe", "application/x-msdownload", EXE));
    let (status, json) = post_json(&server, form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{json}");
    assert_eq!(json["fieldErrors"], json!({"avatar": ["This type of file is not accepted"]}));
    assert_eq!(json["issues"][0]["code"], "file_type");
    assert_eq!(json["issues"][0]["accept"], "image/png");

    // A forged content type: its bytes are not a PNG's.
    let form = Form::new().text("name", "Ada").part("avatar", file("tool.exe", "image/png", EXE));
    let (status, json) = post_json(&server, form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["fieldErrors"], json!({"avatar": ["The contents of this file do not match its type"]}));
    assert!(saved.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_file_whose_bytes_are_not_its_declared_type_is_refused() {
    let (server, saved) = start().await;
    let form = Form::new().text("name", "Ada").part("avatar", file("photo.png", "image/png", EXE));
    let (status, json) = post_json(&server, form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["fieldErrors"], json!({"avatar": ["The contents of this file do not match its type"]}));
    assert_eq!(json["issues"][0]["code"], "file_content");

    let form = Form::new()
        .text("name", "Ada")
        .part("avatar", file("photo.png", "image/png", PNG))
        .part("scan", file("scan.pdf", "application/pdf", PNG));
    let (status, json) = post_json(&server, form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json["fieldErrors"], json!({"scan": ["The contents of this file do not match its type"]}));
    assert!(saved.lock().unwrap().is_empty());
}

#[tokio::test]
async fn files_of_accepted_types_pass() {
    let (server, saved) = start().await;
    let form = Form::new().text("name", "Ada").part("avatar", file("photo.PNG", "image/png", PNG));
    let (status, json) = post_json(&server, form).await;
    assert_eq!((status, &json), (StatusCode::OK, &json!({"ok": true, "redirect": "/done"})));
    let form = Form::new()
        .text("name", "Bea")
        .part("avatar", file("photo.png", "image/png", PNG))
        .part("scan", file("scan.pdf", "application/pdf", PDF));
    let (status, json) = post_json(&server, form).await;
    assert_eq!((status, &json), (StatusCode::OK, &json!({"ok": true, "redirect": "/done"})));
    assert_eq!(*saved.lock().unwrap(), ["Ada photo.PNG ", "Bea photo.png scan.pdf"]);
}

#[tokio::test]
async fn a_file_over_max_size_is_a_field_error_with_the_limit() {
    let (server, saved) = start().await;
    let big_pdf = [PDF, &[b' '; 1024]].concat();
    let form = Form::new()
        .text("name", "Ada")
        .part("avatar", file("photo.png", "image/png", PNG))
        .part("scan", file("scan.pdf", "application/pdf", &big_pdf))
        .part("notes", file("notes.txt", "text/plain", &[b'a'; 65]));
    let (status, json) = post_json(&server, form).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not a 413 for the whole request: {json}");
    assert_eq!(
        json["fieldErrors"],
        json!({"scan": ["The file must be at most 1 KB"], "notes": ["The file must be at most 64 B"]})
    );
    assert_eq!(json["issues"][0]["code"], "file_too_large");
    assert_eq!(json["issues"][0]["max"], 1024);
    assert!(saved.lock().unwrap().is_empty());
}

#[tokio::test]
async fn file_errors_come_with_every_other_error_and_beside_their_field_with_javascript_off() {
    let (server, saved) = start().await;
    let form = Form::new()
        .text("name", "")
        .part("avatar", file("tool.exe", "application/x-msdownload", EXE))
        .part("scan", file("scan.pdf", "application/pdf", &[PDF, &[b' '; 2048]].concat()));
    let url = format!("/{}", save::bind().url());
    let response = server.post(&url).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    // Each error in the list beside its own input, which points at it.
    for (field, message) in [
        ("name", "This field is required"),
        ("avatar", "This type of file is not accepted"),
        ("scan", "The file must be at most 1 KB"),
    ] {
        let list = format!("id=\"profile-{field}-error\"");
        let at = html.find(&list).unwrap_or_else(|| panic!("no error list for {field}: {html}"));
        let end = at + html[at..].find("</ul>").unwrap();
        assert!(html[at..end].contains(message), "{field}: {}", &html[at..end]);
        assert!(html.contains(&format!("aria-describedby=\"profile-{field}-error\"")), "{field}: {html}");
    }
    assert!(html.contains("accept=\"image/png\""), "the browser is told too: {html}");
    assert!(saved.lock().unwrap().is_empty());
}
