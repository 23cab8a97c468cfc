//! The enhancement script's own checks (issue 21): a form with a field for every check the
//! browser can make, and tests that the message shown when a field is left, and on submit, is
//! byte for byte the one the server answers when the same values are submitted with the script
//! removed.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::Router;
use axum::http::HeaderMap;
use axum::response::Html;
use formaction::render::{FormView, script_tag};
use formaction::{ActionError, FormState, Redirect, RouterExt, UploadedFile, action, form, page};
use regex::Regex;
use serde_json::json;

use crate::harness::Tab;

/// The page of the form with every check.
pub(crate) const CHECKS: &str = "/__test/checks";
/// The cookie that serves [`CHECKS`] without the enhancement script.
const BARE: &str = "fa_bare";

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new("^[A-Z]{3}-[0-9]{2}$").expect("a regex"));

/// One field per check the browser can make.
#[form]
#[derive(Debug)]
pub(crate) struct Checks {
    #[validate(length(min = 3, max = 8, message = "Between 3 and 8 letters"))]
    name: String,
    #[validate(length(min = 2, max = 6))]
    code: String,
    #[validate(range(min = 1, max = 10))]
    count: Option<u32>,
    #[validate(range(min = 0.5, max = 100))]
    #[field(scale = 2)]
    price: Option<f64>,
    #[validate(email)]
    email: Option<String>,
    #[validate(url)]
    site: Option<String>,
    #[validate(regex(path = *TAG, message = "Like ABC-12"))]
    tag: Option<String>,
    #[field(secret)]
    password: Option<String>,
    #[validate(must_match(other = "password"))]
    #[field(secret, label = "Password again")]
    confirm: Option<String>,
    #[validate(required(message = "Accept the terms"))]
    terms: bool,
    #[field(accept = ".txt,text/plain", max_size = "16B")]
    note: Option<UploadedFile>,
    #[field(live)]
    #[validate(custom(function = free))]
    handle: Option<String>,
}

/// Handles already taken: a rule only the server can check.
fn free(handle: &str) -> Result<(), validator::ValidationError> {
    if handle.trim() == "ada" {
        return Err(validator::ValidationError::new("taken").with_message("That handle is taken".into()));
    }
    Ok(())
}

/// How many times the action ran, and how many questions about a live field came (to its URL).
static RUNS: AtomicUsize = AtomicUsize::new(0);
static QUESTIONS: AtomicUsize = AtomicUsize::new(0);

async fn count_questions(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if request.headers().contains_key("x-formaction-live")
        && request.uri().query().is_some_and(|query| query.contains("_action=save_checks"))
    {
        QUESTIONS.fetch_add(1, Ordering::SeqCst);
    }
    next.run(request).await
}

#[action]
async fn save_checks(#[form] input: Checks) -> Result<Redirect, ActionError> {
    let _ = input;
    RUNS.fetch_add(1, Ordering::SeqCst);
    Ok(Redirect::to(CHECKS))
}

async fn checks_page(headers: HeaderMap, state: FormState<Checks>) -> Html<String> {
    let bare = headers
        .get_all("cookie")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|cookie| cookie.split(';').any(|pair| pair.trim() == format!("{BARE}=1")));
    let form = FormView::from_state(&state, save_checks::bind()).id("checks").submit_label("Save");
    Html(format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Checks</title>\n{}\n</head>\n\
         <body>\n<main>\n<h1>Checks</h1>\n{form}\n</main>\n</body>\n</html>\n",
        if bare { "" } else { script_tag() }
    ))
}

/// The routes of the page, to merge into the app.
pub(crate) fn pages() -> Router {
    Router::new()
        .page(CHECKS, page(checks_page).action::<save_checks>())
        .layer(axum::middleware::from_fn(count_questions))
}

/// What a user does to a field before leaving it.
#[derive(Clone, Copy)]
pub(crate) enum Step {
    /// Types the text into the control named so (after emptying it).
    Type(&'static str, &'static str),
    /// Sets the value without typing, then types one Backspace (the browser then checks the
    /// length, as it does only for values a user edited).
    SetThenBackspace(&'static str, &'static str),
    /// Clicks the control named so.
    Click(&'static str),
    /// Chooses a file of this name and content in the file input named so.
    File(&'static str, &'static str, &'static [u8]),
}

/// A case: the field whose messages are compared, and the steps (the last one's field is left).
pub(crate) struct Case {
    pub(crate) field: &'static str,
    pub(crate) steps: &'static [Step],
    pub(crate) expected: &'static [&'static str],
}

const BACKSPACE: &str = "\u{E003}";

async fn perform(tab: &Tab, steps: &[Step]) {
    for step in steps {
        match *step {
            Step::Type(name, text) => {
                let css = format!("#checks [name=\"{name}\"]");
                // Nothing typed: a character typed and taken back, so the field was changed.
                if text.is_empty() {
                    tab.fill(&css, "x").await;
                    tab.find(&css).await.send_keys(BACKSPACE).await.expect("type Backspace");
                } else {
                    tab.fill(&css, text).await;
                }
            }
            Step::SetThenBackspace(name, text) => {
                let css = format!("#checks [name=\"{name}\"]");
                let element = tab.find(&css).await;
                let value = serde_json::to_value(&element).expect("an element as JSON");
                tab.client
                    .execute(
                        "arguments[0].value = arguments[1]; arguments[0].focus()",
                        vec![value, json!(text)],
                    )
                    .await
                    .expect("set a value");
                element.send_keys(BACKSPACE).await.expect("type Backspace");
            }
            Step::Click(name) => {
                tab.find(&format!("#checks [name=\"{name}\"]")).await.click().await.expect("click");
            }
            Step::File(name, file, bytes) => {
                let path = tab.app.write_file(file, bytes);
                let input = tab.find(&format!("#checks [name=\"{name}\"]")).await;
                input.send_keys(&path.display().to_string()).await.expect("choose a file");
            }
        }
    }
}

/// Leaves the control named `name` (focus, then blur, as tabbing away does).
async fn leave(tab: &Tab, name: &str) {
    let element = tab.find(&format!("#checks [name=\"{name}\"]")).await;
    let value = serde_json::to_value(&element).expect("an element as JSON");
    tab.client.execute("arguments[0].focus(); arguments[0].blur()", vec![value]).await.expect("blur");
}

fn wrapper(field: &str) -> String {
    format!("#checks [data-field=\"{field}\"]")
}

async fn messages(tab: &Tab, field: &str) -> Vec<String> {
    tab.texts(&format!("{} > .fa-errors li", wrapper(field))).await
}

/// The field shows its errors as the server renders them: the list beside it, the wrapper
/// marked, the control `aria-invalid` and described by the list.
async fn assert_marked(tab: &Tab, field: &str) {
    let class = tab.attr(&wrapper(field), "class").await.unwrap_or_default();
    assert!(class.split(' ').any(|c| c == "fa-invalid"), "{field} marked invalid: {class}");
    let list = tab.attr(&format!("{} > .fa-errors", wrapper(field)), "id").await.expect("the list's id");
    let control = format!("#checks [name=\"{field}\"]");
    assert_eq!(tab.attr(&control, "aria-invalid").await.as_deref(), Some("true"), "{field} aria-invalid");
    let described = tab.attr(&control, "aria-describedby").await.unwrap_or_default();
    assert!(described.split(' ').any(|id| id == list), "{field} described by {list}: {described}");
}

/// How many requests the page's scripts made (none, when the script's checks stop a submission).
async fn fetches(tab: &Tab) -> serde_json::Value {
    tab.script(
        "return performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'fetch').length",
    )
    .await
}

/// For each case: the message shown on leaving the field, then on submitting (no request made),
/// then the server's, with the script removed; all three the same, and the case's.
pub(crate) async fn compare(tab: &Tab, cases: &[Case]) {
    for case in cases {
        let last = match case.steps.last() {
            Some(
                Step::Type(name, _)
                | Step::SetThenBackspace(name, _)
                | Step::Click(name)
                | Step::File(name, ..),
            ) => *name,
            None => case.field,
        };
        tab.script(&format!("document.cookie = '{BARE}=; path=/; max-age=0'")).await;
        tab.goto(CHECKS).await;
        assert_eq!(tab.attr("#checks", "novalidate").await.as_deref(), Some("true"), "set by the script");
        perform(tab, case.steps).await;
        leave(tab, last).await;
        let on_leaving = messages(tab, case.field).await;
        assert_eq!(on_leaving, case.expected, "{}: shown on leaving the field", case.field);
        assert_marked(tab, case.field).await;

        tab.button("Save").await.click().await.expect("click Save");
        tab.wait_for("#checks > .fa-summary").await;
        assert_eq!(messages(tab, case.field).await, case.expected, "{}: shown on submit", case.field);
        assert_marked(tab, case.field).await;
        let summary = tab.texts("#checks > .fa-summary li a").await;
        for message in case.expected {
            assert!(
                summary.iter().any(|m| m == message),
                "{}: {message} in the summary {summary:?}",
                case.field
            );
        }
        assert_eq!(fetches(tab).await, json!(0), "{}: nothing sent", case.field);
        assert_eq!(tab.path().await, CHECKS, "{}: no page load", case.field);

        // The script removed: the browser's own checks switched off, the server answers.
        tab.script(&format!("document.cookie = '{BARE}=1; path=/'")).await;
        tab.goto(CHECKS).await;
        assert_eq!(tab.count("script[src]").await, 0, "the page without the script");
        tab.script("document.getElementById('checks').noValidate = true").await;
        perform(tab, case.steps).await;
        tab.click_and_load(tab.button("Save").await).await;
        assert_eq!(messages(tab, case.field).await, case.expected, "{}: the server's answer", case.field);
    }
    tab.script(&format!("document.cookie = '{BARE}=; path=/; max-age=0'")).await;
}

/// Text: empty, blank, too short, too long, with a rule's own message and the catalogue's.
pub(crate) async fn checks_text(tab: Tab) {
    compare(
        &tab,
        &[
            Case { field: "name", steps: &[Step::Type("name", "")], expected: &["Between 3 and 8 letters"] },
            Case {
                field: "name",
                steps: &[Step::Type("name", "   ")],
                expected: &["Between 3 and 8 letters"],
            },
            Case {
                field: "name",
                steps: &[Step::Type("name", "ab")],
                expected: &["Between 3 and 8 letters"],
            },
            Case {
                field: "name",
                steps: &[Step::SetThenBackspace("name", "abcdefghijk")],
                expected: &["Between 3 and 8 letters"],
            },
            Case { field: "code", steps: &[Step::Type("code", "")], expected: &["This field is required"] },
            Case {
                field: "code",
                steps: &[Step::Type("code", "a")],
                expected: &["Must be at least 2 characters"],
            },
            Case {
                field: "code",
                steps: &[Step::SetThenBackspace("code", "abcdefgh")],
                expected: &["Must be at most 6 characters"],
            },
        ],
    )
    .await;
}

/// Numbers (below, above, too many decimals), email, URL, pattern.
pub(crate) async fn checks_values(tab: Tab) {
    compare(
        &tab,
        &[
            Case { field: "count", steps: &[Step::Type("count", "0")], expected: &["Must be at least 1"] },
            Case { field: "count", steps: &[Step::Type("count", "11")], expected: &["Must be at most 10"] },
            Case {
                field: "price",
                steps: &[Step::Type("price", "0.25")],
                expected: &["Must be at least 0.5"],
            },
            Case { field: "price", steps: &[Step::Type("price", "101")], expected: &["Must be at most 100"] },
            Case {
                field: "price",
                steps: &[Step::Type("price", "1.234")],
                expected: &["Use at most 2 decimal places"],
            },
            Case {
                field: "email",
                steps: &[Step::Type("email", "not-an-email")],
                expected: &["Enter a valid email address"],
            },
            Case {
                field: "site",
                steps: &[Step::Type("site", "not a url")],
                expected: &["Enter a valid URL"],
            },
            Case { field: "tag", steps: &[Step::Type("tag", "abc-12")], expected: &["Like ABC-12"] },
        ],
    )
    .await;
}

/// Two fields that must match, a box that must be ticked, a file's type and size.
pub(crate) async fn checks_others(tab: Tab) {
    compare(
        &tab,
        &[
            Case {
                field: "confirm",
                steps: &[Step::Type("password", "secret one"), Step::Type("confirm", "secret two")],
                expected: &["Must match Password"],
            },
            Case {
                field: "terms",
                steps: &[Step::Click("terms"), Step::Click("terms")],
                expected: &["Accept the terms"],
            },
            Case {
                field: "note",
                steps: &[Step::File("note", "scan.pdf", b"%PDF-1.4\n")],
                expected: &["This type of file is not accepted"],
            },
            Case {
                field: "note",
                steps: &[Step::File("note", "long.txt", b"more than sixteen bytes of text\n")],
                expected: &["The file must be at most 16 B"],
            },
        ],
    )
    .await;
}

/// A field fixed and left again loses its error; a valid form is sent once.
pub(crate) async fn checks_cleared(tab: Tab) {
    tab.goto(CHECKS).await;
    perform(&tab, &[Step::Type("code", "a")]).await;
    leave(&tab, "code").await;
    assert_eq!(messages(&tab, "code").await, ["Must be at least 2 characters"]);
    perform(&tab, &[Step::Type("code", "abc")]).await;
    assert!(messages(&tab, "code").await.is_empty(), "gone once valid, while typing");
    assert_eq!(tab.attr("#checks [name=\"code\"]", "aria-invalid").await, None);
    perform(&tab, &[Step::Type("name", "Ada"), Step::Click("terms")]).await;
    tab.click_and_load(tab.button("Save").await).await;
    assert_eq!(tab.count("#checks .fa-errors").await, 0, "valid: saved, and the page again");
}

/// axe-core finds nothing while the script's own errors are shown, beside the fields and in the
/// summary.
pub(crate) async fn checks_accessible(tab: Tab) {
    tab.goto(CHECKS).await;
    perform(&tab, &[Step::Type("code", "a"), Step::Type("email", "nope")]).await;
    leave(&tab, "email").await;
    tab.assert_accessible("errors shown on leaving a field").await;
    tab.button("Save").await.click().await.expect("click Save");
    tab.wait_for("#checks > .fa-summary").await;
    assert_eq!(fetches(&tab).await, json!(0));
    tab.assert_accessible("errors shown on submit").await;
}

/// While an action runs, the button pressed alone says so (`aria-busy`), its label kept; the
/// other button does not; both are disabled, so nothing is sent twice; after the answer, nothing
/// is left busy.
pub(crate) async fn pressed_button_pending(tab: Tab) {
    tab.goto(crate::app::SLOW).await;
    tab.fill("#note-text", "Buy tea").await;
    let document = tab.find("html").await;
    tab.button("Archive note").await.click().await.expect("click Archive note");
    let state = tab
        .script(
            "return [...document.querySelectorAll('#note button')].map((b) =>
                 [b.textContent, b.getAttribute('aria-busy'), b.disabled]);",
        )
        .await;
    assert_eq!(
        state,
        json!([["Save note", null, true], ["Archive note", "true", true]]),
        "the pressed button pending, its label kept"
    );
    assert_eq!(tab.app.slow_runs(), 1, "the action is running");
    tab.wait_for_new_document(&document).await;
    assert_eq!(tab.app.slow_runs(), 1, "sent once");
}

/// A `live` field asks the server once per pause in typing, through the action's own URL, and
/// shows its answer (a rule only the server knows) beside the field; the action never runs.
pub(crate) async fn live_field(tab: Tab) {
    tab.goto(CHECKS).await;
    let (runs, asked) = (RUNS.load(Ordering::SeqCst), QUESTIONS.load(Ordering::SeqCst));
    let field = "#checks [name=\"handle\"]";
    tab.find(field).await.send_keys("ada").await.expect("type");
    crate::harness::eventually("the server's answer beside the field", || async {
        (messages(&tab, "handle").await == ["That handle is taken"]).then_some(())
    })
    .await;
    assert_marked(&tab, "handle").await;
    // Well past the pause: one question for three keys.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(QUESTIONS.load(Ordering::SeqCst) - asked, 1, "one question per pause");

    tab.find(field).await.send_keys("ms").await.expect("type");
    crate::harness::eventually("the error gone", || async {
        messages(&tab, "handle").await.is_empty().then_some(())
    })
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(QUESTIONS.load(Ordering::SeqCst) - asked, 2, "one more pause, one more question");
    assert_eq!(RUNS.load(Ordering::SeqCst), runs, "the action never ran");
    assert_eq!(tab.attr(field, "aria-invalid").await, None);
}
