//! The test-only pages in a browser: instances of one form kept apart by their key, an action's
//! state shown, the enhancement script's fallback to a plain submission, errors cleared once
//! fixed, and two enhanced forms on one page.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::app;
use crate::harness::{Js, Tab, eventually};
use crate::support::Server;

/// Marks the document, so a page load (which drops the mark) can be told from an update in place.
pub(crate) async fn mark(tab: &Tab) {
    tab.script("window.__marker = 1").await;
}

/// The mark, `null` once another document was loaded.
pub(crate) async fn marker(tab: &Tab) -> Value {
    tab.script("return window.__marker === undefined ? null : window.__marker").await
}

/// What form `css` shows of errors: `(field wrappers marked invalid, error messages, controls
/// marked aria-invalid, has a summary)`.
async fn errors_in(tab: &Tab, css: &str) -> (usize, Vec<String>, usize, bool) {
    (
        tab.count(&format!("{css} .fa-invalid")).await,
        tab.texts(&format!("{css} .fa-errors li")).await,
        tab.count(&format!("{css} [aria-invalid]")).await,
        tab.count(&format!("{css} .fa-summary")).await == 1,
    )
}

/// Form `css` shows no error at all.
async fn assert_no_errors(tab: &Tab, css: &str, what: &str) {
    assert_eq!(errors_in(tab, css).await, (0, Vec::new(), 0, false), "{what}: no error shown");
}

/// Clicks the button `label` and waits for the server's answer to show: a page load with
/// JavaScript off, `css` matching with it on (no page load: the mark survives).
async fn submit(tab: &Tab, label: &str, shown: &str) {
    let button = tab.button(label).await;
    match tab.js {
        Js::Off => tab.click_and_load(button).await,
        Js::On => {
            mark(tab).await;
            button.click().await.unwrap_or_else(|error| panic!("click {label}: {error}"));
            tab.wait_for(shown).await;
            assert_eq!(marker(tab).await, json!(1), "no page load after {label}");
        }
    }
}

/// A table with an instance of the rename form in each row: an invalid value sent from row 2 is
/// shown, with its error, by row 2 alone.
pub(crate) async fn keyed_rows(tab: Tab) {
    tab.goto(app::ROWS).await;
    for (id, _) in app::ROW_NAMES {
        let key = tab.find(&format!("#row-{id} input[name=\"$key\"]")).await;
        assert_eq!(key.attr("value").await.expect("value").as_deref(), Some(id.to_string().as_str()));
    }
    tab.fill("#row-2-name", "alpha").await;
    submit(&tab, "Rename Beta", "#row-2 .fa-errors").await;
    match tab.js {
        Js::Off => {
            let path = tab.path().await;
            assert!(path.starts_with(&format!("{}?_action=", app::ROWS)), "the page again: {path}");
            assert_eq!(tab.status().await, 422);
        }
        Js::On => assert_eq!(tab.path().await, app::ROWS),
    }

    assert_eq!(
        errors_in(&tab, "#row-2").await,
        (1, vec!["Row 1 is called alpha already".to_owned()], 1, true),
        "row 2 shows its error"
    );
    let wrapper = "#row-2 [data-field=\"name\"]";
    assert!(tab.attr(wrapper, "class").await.unwrap_or_default().contains("fa-invalid"));
    assert_eq!(tab.attr("#row-2-name", "aria-invalid").await.as_deref(), Some("true"));
    assert_eq!(tab.attr("#row-2-name", "aria-describedby").await.as_deref(), Some("row-2-name-error"));
    assert_eq!(tab.attr(&format!("{wrapper} > .fa-errors"), "id").await.as_deref(), Some("row-2-name-error"));
    assert_eq!(tab.value("#row-2-name").await, "alpha", "row 2 keeps its value");
    for other in [1, 3] {
        assert_eq!(tab.value(&format!("#row-{other}-name")).await, "", "row {other} is empty");
        assert_no_errors(&tab, &format!("#row-{other}"), &format!("row {other}")).await;
    }
    assert_eq!(tab.count(".fa-errors").await, 1, "one error list on the page");
    assert_eq!(tab.count(".fa-summary").await, 1, "one summary on the page");

    // A valid name in row 3 runs the action bound to row 3.
    tab.fill("#row-3-name", "Delta").await;
    tab.click_and_load(tab.button("Rename Gamma").await).await;
    assert_eq!(tab.path().await, app::ROWS);
    assert_eq!(tab.text(".flash").await, "Row 3 renamed to Delta");
    for id in [1, 2, 3] {
        assert_eq!(tab.value(&format!("#row-{id}-name")).await, "", "row {id} is empty after the redirect");
    }
    assert_no_errors(&tab, "table", "after the redirect").await;
}

/// An action answering with a state: the page shows it, rendered from `Option<ActionState<_>>`
/// with status 200 without JavaScript, set in place (`data-action-state`) with it.
pub(crate) async fn state_answer(tab: Tab) {
    tab.goto(app::GREET).await;
    let heading = tab.find("h1").await;
    if tab.js == Js::On {
        tab.script("document.addEventListener('formaction:state', (e) => { window.__state = e.detail; })")
            .await;
    }
    assert_eq!(tab.text("#greet-message").await, "", "no state before a submission");
    tab.fill("#greet-name", "Ada").await;
    tab.fill("#greet-email", "ada@example.com").await;
    let message = "Hello, Ada (ada@example.com)";
    match tab.js {
        Js::Off => {
            tab.click_and_load(tab.button("Greet").await).await;
            let path = tab.path().await;
            assert!(path.starts_with(&format!("{}?_action=", app::GREET)), "the page again: {path}");
            assert_eq!(tab.status().await, 200);
        }
        Js::On => {
            mark(&tab).await;
            tab.button("Greet").await.click().await.expect("click Greet");
            eventually("the state to show", || async {
                (tab.text("#greet-message").await == message).then_some(())
            })
            .await;
            assert_eq!(marker(&tab).await, json!(1), "no page load: the marker survives");
            assert!(tab.is_attached(&heading).await, "no page load: the heading is the same element");
            assert_eq!(tab.path().await, app::GREET);
            assert_eq!(
                tab.script("return window.__state").await,
                json!({ "message": message }),
                "the formaction:state event carries the state"
            );
        }
    }
    assert_eq!(tab.text("#greet-message").await, message, "the state's `message`");
    let whole: Value =
        serde_json::from_str(&tab.text("#greet-state").await).expect("the whole state as JSON");
    assert_eq!(whole, json!({ "message": message }), "an empty key shows the whole state");
    assert_eq!(tab.value("#greet-name").await, "Ada", "the values stay");
    assert_eq!(tab.value("#greet-email").await, "ada@example.com");
    assert_no_errors(&tab, "#greet", "a state answer").await;
}

/// The greeting sent twice with other values, as a user greets one person and then another: the
/// second runs too (once only keys each rendered form; with JavaScript on, the answer to the first
/// carried a fresh token that the script put into the form that stayed; with it off, the page
/// rendered again has one of its own).
pub(crate) async fn state_answer_twice(tab: Tab) {
    tab.goto(app::GREET).await;
    for (name, email) in [("Ada", "ada@example.com"), ("Grace", "grace@example.com")] {
        tab.fill("#greet-name", name).await;
        tab.fill("#greet-email", email).await;
        let message = format!("Hello, {name} ({email})");
        match tab.js {
            Js::Off => {
                tab.click_and_load(tab.button("Greet").await).await;
                assert_eq!(tab.status().await, 200, "greeting {name}");
            }
            Js::On => {
                tab.button("Greet").await.click().await.expect("click Greet");
                eventually("the state to show", || async {
                    (tab.text("#greet-message").await == message).then_some(())
                })
                .await;
            }
        }
        assert_eq!(tab.text("#greet-message").await, message);
        assert_no_errors(&tab, "#greet", "a second greeting").await;
    }
}

/// Clicks the button `label` of a form whose answer is not JSON (a page of the action's own), and
/// checks that the script shows that page in place, as a plain submission would have, and that the
/// action ran once: the script never sends a submission the server already answered.
async fn shows_the_answer(tab: &Tab, label: &str, title: &str) {
    tab.goto(app::UNEXPECTED).await;
    tab.fill("#odd-text", "Buy milk").await;
    mark(tab).await;
    let document = tab.find("html").await;
    let before = tab.app.posts.seen().len();
    tab.button(label).await.click().await.unwrap_or_else(|error| panic!("click {label}: {error}"));
    tab.wait_for_new_document(&document).await;

    assert_eq!(tab.text("h1").await, title, "the server's page for {label}");
    assert_eq!(tab.text("#said").await, "Buy milk", "the answer to the script's submission");
    assert_eq!(marker(tab).await, json!(1), "shown in place: no page load");
    assert_eq!(tab.app.posts.seen()[before..], ["fetch"], "the action ran once, for the script's request");
}

/// An answer the script does not expect (a page of the action's own, 500 or 200) is shown as it
/// is, each button its own action.
pub(crate) async fn unexpected_answer(tab: Tab) {
    shows_the_answer(&tab, "Fail", "Server trouble").await;
    shows_the_answer(&tab, "Plain page", "Plain answer").await;
}

/// An internal error answered in JSON: the script says so in the form's summary, with nothing of
/// the error itself, without a page load and without sending the form again.
pub(crate) async fn internal_error(tab: Tab) {
    tab.goto(app::UNEXPECTED).await;
    tab.fill("#odd-text", "Buy milk").await;
    mark(&tab).await;
    let before = tab.app.posts.seen().len();
    tab.button("Break").await.click().await.expect("click Break");
    tab.wait_for("#odd > .fa-summary").await;
    let summary = tab.text("#odd > .fa-summary").await;
    assert!(summary.contains("Something went wrong on our side. Please try again."), "{summary}");
    let page = tab.script("return document.documentElement.outerHTML").await;
    assert!(!page.as_str().unwrap_or("").contains("secret-detail"), "nothing of the error is shown");
    assert_eq!(marker(&tab).await, json!(1), "no page load");
    assert_eq!(tab.app.posts.seen()[before..], ["fetch"], "the action ran once");
}

/// The server gone (stopped, its connections closed) after the page loaded: the script's fetch
/// gets no answer at all, so the form is submitted plainly and the browser leaves the page for its
/// error page.
pub(crate) async fn network_error(tab: Tab) {
    let site = Server::start(app::offline_site()).await;
    let action = site.url(app::NOWHERE);
    let page = site.url(app::OFFLINE);
    tab.client.goto(&page).await.unwrap_or_else(|error| panic!("could not open {page}: {error}"));
    mark(&tab).await;
    // Notes in a cookie that the script's fetch failed: a cookie of 127.0.0.1 is sent to every port
    // of it, so the app's own page can read it once this site is gone.
    tab.script(
        "const fetch = window.fetch;
         window.fetch = (...args) => fetch(...args).catch((error) => {
           document.cookie = 'failed=' + encodeURIComponent(String(args[0])) + '; path=/';
           throw error;
         });",
    )
    .await;
    let document = tab.find("html").await;
    site.stop().await;
    tab.button("Send").await.click().await.expect("click Send");
    eventually("the browser to leave the page", || async {
        (!tab.is_attached(&document).await).then_some(())
    })
    .await;
    let url = tab.client.current_url().await.expect("the current URL");
    assert_eq!(url.as_str(), action, "the browser went to the form's action");
    assert_eq!(marker(&tab).await, Value::Null, "a page load: the marker is gone");
    tab.goto(app::JS_PROBE).await;
    let failed = tab
        .script(
            "const m = document.cookie.match(/(?:^|; )failed=([^;]*)/); return m && decodeURIComponent(m[1])",
        )
        .await;
    assert_eq!(failed, json!(action), "the script's fetch was tried first, and failed");
}

/// With the browser's checks off for the first submission, the server's errors show; typing a
/// value the browser finds valid removes that field's errors, a value it finds invalid does not;
/// a valid submission then clears everything.
pub(crate) async fn errors_cleared(tab: Tab) {
    tab.goto(app::GREET).await;
    mark(&tab).await;
    tab.script("document.getElementById('greet').noValidate = true").await;
    tab.button("Greet").await.click().await.expect("click Greet");
    tab.wait_for("#greet > .fa-summary").await;
    let shown = (2, vec!["Enter your name".to_owned(), "This field is required".to_owned()], 2, true);
    assert_eq!(errors_in(&tab, "#greet").await, shown, "both fields invalid");
    assert_eq!(tab.attr("#greet-name", "aria-describedby").await.as_deref(), Some("greet-name-error"));

    tab.fill("#greet-name", "Ada").await;
    let name = "#greet [data-field=\"name\"]";
    assert_eq!(tab.count(&format!("{name} .fa-errors")).await, 0, "the name's errors are gone");
    assert!(!tab.attr(name, "class").await.unwrap_or_default().contains("fa-invalid"));
    assert_eq!(tab.attr("#greet-name", "aria-invalid").await, None, "aria-invalid removed");
    assert_eq!(tab.attr("#greet-name", "aria-describedby").await, None, "no longer described by errors");

    tab.fill("#greet-email", "ada").await;
    let left = (1, vec!["This field is required".to_owned()], 1, true);
    assert_eq!(errors_in(&tab, "#greet").await, left, "an address the browser finds invalid keeps its error");
    assert_eq!(tab.attr("#greet-email", "aria-invalid").await.as_deref(), Some("true"));

    // A value set without typing (no input event): its error stays until the submission.
    tab.script("document.getElementById('greet-email').value = 'ada@example.com'").await;
    assert_eq!(errors_in(&tab, "#greet").await, left);
    tab.button("Greet").await.click().await.expect("click Greet");
    tab.wait_for_count("#greet .fa-summary", 0).await;
    assert_no_errors(&tab, "#greet", "after a valid submission").await;
    assert_eq!(tab.attr("#greet-email", "aria-describedby").await, None);
    assert_eq!(tab.text("#greet-message").await, "Hello, Ada (ada@example.com)");
    assert_eq!(marker(&tab).await, json!(1), "no page load");
}

/// Whether form `id` is pending, and whether each of its buttons is disabled.
async fn pending(tab: &Tab, id: &str) -> Value {
    let script = "const f = document.getElementById(arguments[0]);
                  return { busy: f.getAttribute('aria-busy') === 'true', pending: f.hasAttribute('data-pending'),
                           disabled: [...f.querySelectorAll('button')].map((b) => b.disabled) };";
    tab.client.execute(script, vec![json!(id)]).await.expect("read a form's state")
}

/// Two enhanced forms on one page: while the note's slow action runs (its form pending), the
/// greeting submits and is answered, and the note's form is still pending; then the note's
/// redirect is followed.
pub(crate) async fn independent_forms(tab: Tab) {
    tab.goto(app::TWO_FORMS).await;
    tab.fill("#note-text", "Buy milk").await;
    tab.fill("#greet-name", "Ada").await;
    tab.fill("#greet-email", "ada@example.com").await;
    mark(&tab).await;
    let document = tab.find("html").await;
    let busy = json!({ "busy": true, "pending": true, "disabled": [true] });
    let idle = json!({ "busy": false, "pending": false, "disabled": [false] });

    let clicked = Instant::now();
    tab.button("Save note").await.click().await.expect("click Save note");
    assert_eq!(pending(&tab, "note").await, busy, "the note's form is pending");
    assert_eq!(pending(&tab, "greet").await, idle, "the greeting's form is not");

    tab.button("Greet").await.click().await.expect("click Greet");
    eventually("the greeting's state", || async {
        (tab.text("#greet-message").await == "Hello, Ada (ada@example.com)").then_some(())
    })
    .await;
    assert_eq!(pending(&tab, "greet").await, idle, "the greeting's form is done");
    assert_eq!(pending(&tab, "note").await, busy, "the note's form is still pending");
    assert!(clicked.elapsed() < app::SLOWER_ACTION, "all that while the note's action ran");
    assert_eq!(marker(&tab).await, json!(1), "no page load yet");
    assert_eq!(tab.app.slow_runs(), 1);

    tab.wait_for_new_document(&document).await;
    assert!(clicked.elapsed() >= app::SLOWER_ACTION);
    assert_eq!(tab.path().await, "/__test/slow/done");
    assert_eq!(tab.text(".flash").await, "Saved Buy milk");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(tab.app.slow_runs(), 1, "the note was saved once");
}

/// A list whose rows each have a "Delete" button, an action without a form: the failure of row 2's
/// is shown beside that button alone, named by its `aria-describedby` (the 422 page without
/// JavaScript; in place, focused, with it). With JavaScript, a form without an `id` gets a summary
/// with an id of its own.
pub(crate) async fn row_errors(tab: Tab) {
    tab.goto(app::TODOS).await;
    submit(&tab, "Delete Gone", "#todo-2 .fa-action-error").await;
    if tab.js == Js::Off {
        let path = tab.path().await;
        assert!(path.starts_with(&format!("{}?_action=", app::TODOS)), "the page again: {path}");
        assert_eq!(tab.status().await, 422);
    }
    assert_eq!(tab.texts("#todo-2 .fa-action-error li").await, ["No such todo"]);
    assert_eq!(tab.count(".fa-errors").await, 1, "one error list on the page, in row 2");
    let list = tab.attr("#todo-2 .fa-action-error", "id").await.expect("the list's id");
    assert!(!list.is_empty() && tab.count(&format!("[id=\"{list}\"]")).await == 1, "{list:?}");
    assert_eq!(tab.attr("#todo-2 button", "aria-describedby").await, Some(list.clone()));
    assert_eq!(tab.attr("#todo-2 .fa-action-error", "role").await.as_deref(), Some("alert"));
    for other in [1, 3] {
        assert_eq!(tab.attr(&format!("#todo-{other} button"), "aria-describedby").await, None, "row {other}");
    }
    if tab.js == Js::Off {
        return;
    }
    assert_eq!(tab.script("return document.activeElement.id").await, json!(list), "focus on the message");

    // Pressed again, the error is replaced, not added to.
    submit(&tab, "Delete Gone", "#todo-2 .fa-action-error").await;
    assert_eq!(tab.count(".fa-errors").await, 1);
    assert_eq!(tab.texts("#todo-2 .fa-action-error li").await, ["No such todo"]);
    assert_eq!(tab.attr("#todo-2 button", "aria-describedby").await, Some(list));

    // A form without an id: its summary still has one, and its title is found by it.
    submit(&tab, "Clear all", "form:not([id]) > .fa-summary").await;
    let summary = tab.attr("form:not([id]) > .fa-summary", "id").await.expect("the summary's id");
    assert!(summary.starts_with("fa-form-") && summary.ends_with("-summary"), "{summary:?}");
    let title = tab.attr("form:not([id]) > .fa-summary", "aria-labelledby").await.expect("labelled");
    assert_eq!(tab.text(&format!("[id=\"{title}\"]")).await, "There is a problem");
    assert!(tab.text("form:not([id]) > .fa-summary").await.contains("Nothing to clear"));
}
