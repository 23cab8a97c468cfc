//! The todos example (htmx 2 from `target/npm`, served by the app) in the browser: the same walk
//! with JavaScript on, where htmx swaps each answer into the page (no page load), and off, where
//! each form posts and the page loads again.

use axum::Router;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use fantoccini::Locator;
use fantoccini::elements::Element;
use formaction::{ActionError, RouterExt, action, page};

use crate::harness::{Js, Tab, eventually, repo_root};
use crate::support::Server;

/// htmx 2's script, from the npm package `scripts/browser-deps.sh` installs.
fn htmx_path() -> std::path::PathBuf {
    let htmx = repo_root().join("target/npm/node_modules/htmx.org/dist/htmx.min.js");
    assert!(htmx.is_file(), "htmx 2 is missing at {}: run scripts/browser-deps.sh", htmx.display());
    htmx
}

/// The todos app on a SQLite file in `dir`, serving htmx from the npm package when `htmx`.
async fn todos(dir: &std::path::Path, htmx: bool) -> Server {
    let htmx = htmx.then(|| htmx_path().display().to_string());
    let url = format!("sqlite://{}", dir.join("todos.db").display());
    let app = example_todos::App::open(&url, htmx).await.expect("open the todos file");
    Server::start(example_todos::app(app)).await
}

/// The button labelled `label` inside the element `within` (a CSS id).
async fn button_in(tab: &Tab, within: &str, label: &str) -> Element {
    let xpath = format!("//*[@id='{within}']//button[normalize-space()='{label}']");
    match tab.client.find(Locator::XPath(&xpath)).await {
        Ok(button) => button,
        Err(error) => panic!("no button `{label}` in #{within}: {error}"),
    }
}

/// Presses `button`: with JavaScript off, waits for the page the post leads to; with it on,
/// marks the page first, so that [`same_page`] can tell that htmx swapped rather than loaded.
async fn press(tab: &Tab, button: Element) {
    match tab.js {
        Js::Off => tab.click_and_load(button).await,
        Js::On => {
            tab.script("window.__samePage = true; return true").await;
            button.click().await.expect("click");
        }
    }
}

/// With JavaScript on, that no page was loaded since [`press`] (htmx swapped the answer in).
async fn same_page(tab: &Tab, what: &str) {
    if tab.js == Js::On {
        assert_eq!(tab.script("return window.__samePage === true").await, true, "{what}: a page was loaded");
    }
}

/// Waits until `css`'s text is `text`.
async fn wait_text(tab: &Tab, css: &str, text: &str) {
    eventually(&format!("`{css}` to say {text:?}"), || async {
        let found = tab.client.find(Locator::Css(css)).await.ok()?.text().await.ok()?;
        (found.trim() == text).then_some(())
    })
    .await;
}

async fn add(tab: &Tab, title: &str, rows: usize) {
    tab.fill("#new-todo [name=title]", title).await;
    press(tab, button_in(tab, "new-todo", "Add").await).await;
    tab.wait_for_count("#todos > li", rows).await;
    same_page(tab, "Add").await;
    assert_eq!(tab.value("#new-todo [name=title]").await, "", "the form is empty again");
}

pub(crate) async fn htmx_todos(tab: Tab) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let server = todos(dir.path(), true).await;
    tab.client.goto(&server.url("/")).await.expect("open the todos");
    if tab.js == Js::On {
        eventually("htmx to load", || async {
            (tab.script("return !!window.htmx").await == true).then_some(())
        })
        .await;
    }

    // Add, three times.
    add(&tab, "Buy milk", 1).await;
    add(&tab, "Buy bread", 2).await;
    add(&tab, "Write the report", 3).await;
    assert_eq!(tab.texts("#todos > li > span").await, ["Buy milk", "Buy bread", "Write the report"]);

    // An invalid Add (the browser's own check taken away, as an old browser would not have it):
    // the error beside the field, focus on it, the list as it was.
    tab.script("document.querySelector('#new-todo [name=title]').removeAttribute('required'); return true")
        .await;
    tab.fill("#new-todo [name=title]", "").await;
    let sent = tab.find("#new-todo").await;
    press(&tab, button_in(&tab, "new-todo", "Add").await).await;
    let error = eventually("the title's error", || async {
        let text = tab.client.find(Locator::Css("#new-todo .fa-errors")).await.ok()?.text().await.ok()?;
        (!text.is_empty()).then_some(text)
    })
    .await;
    assert!(error.contains("Write what there is to do"), "{error}");
    same_page(&tab, "invalid Add").await;
    if tab.js == Js::Off {
        assert_eq!(tab.status().await, 422);
    } else {
        // htmx swapped a new form in (the enhancement script, which fills errors into the same
        // form, left it alone, as it leaves every form htmx drives).
        assert!(!tab.is_attached(&sent).await, "the form sent was replaced by htmx");
        eventually("focus on the invalid title", || async {
            (tab.script("return document.activeElement && document.activeElement.name").await == "title")
                .then_some(())
        })
        .await;
    }
    assert_eq!(tab.count("#todos > li").await, 3);
    assert_eq!(tab.attr("#new-todo [name=title]", "aria-invalid").await.as_deref(), Some("true"));
    tab.assert_accessible("the todos with the new todo's error").await;

    // Done, then Undo, on the first row: the row changes, with the flash.
    press(&tab, button_in(&tab, "todo-1", "Done").await).await;
    tab.wait_for("#todo-1 > s").await;
    wait_text(&tab, "#flash", "Done: Buy milk").await;
    same_page(&tab, "Done").await;
    button_in(&tab, "todo-1", "Undo").await;
    press(&tab, button_in(&tab, "todo-1", "Undo").await).await;
    tab.wait_for("#todo-1 > span").await;
    wait_text(&tab, "#flash", "Not done: Buy milk").await;
    same_page(&tab, "Undo").await;

    // Delete the second: gone, and "Deleted" in the flash region.
    press(&tab, button_in(&tab, "todo-2", "Delete").await).await;
    tab.wait_for_count("#todos > li", 2).await;
    wait_text(&tab, "#flash", "Deleted").await;
    same_page(&tab, "Delete").await;
    assert_eq!(tab.texts("#todos > li > span").await, ["Buy milk", "Write the report"]);

    // The filter: htmx narrows the list as the user types; with JavaScript off, "Filter" does.
    tab.fill("#q", "milk").await;
    if tab.js == Js::Off {
        tab.click_and_load(button_in(&tab, "filter", "Filter").await).await;
    }
    tab.wait_for_count("#todos > li", 1).await;
    assert_eq!(tab.texts("#todos > li > span").await, ["Buy milk"]);
    // Too long (the browser's `maxlength` taken away): every todo, and the error beside the field.
    tab.script("document.getElementById('q').removeAttribute('maxlength'); return true").await;
    tab.fill("#q", &"y".repeat(61)).await;
    if tab.js == Js::Off {
        tab.click_and_load(button_in(&tab, "filter", "Filter").await).await;
    }
    wait_text(&tab, "#q-error", "Search for at most 60 characters").await;
    tab.wait_for_count("#todos > li", 2).await;

    // A refusal: a row's sealed id changed in the page; its message is shown, nothing changed.
    tab.client.goto(&server.url("/")).await.expect("open the todos");
    if tab.js == Js::On {
        eventually("htmx to load", || async {
            (tab.script("return !!window.htmx").await == true).then_some(())
        })
        .await;
    }
    tab.script(
        "const input = document.querySelector('#todo-1 form input[name=\"$bound\"]');
         input.value = input.value.slice(0, -1) + (input.value.endsWith('A') ? 'B' : 'A');
         return true",
    )
    .await;
    press(&tab, button_in(&tab, "todo-1", "Done").await).await;
    let message = match tab.js {
        Js::Off => {
            assert_eq!(tab.status().await, 400);
            tab.text("main p").await
        }
        Js::On => {
            let shown = eventually("the refusal's message in the form", || async {
                let text = tab
                    .client
                    .find(Locator::Css("#todo-1 form .fa-htmx-error"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (!text.is_empty()).then_some(text)
            })
            .await;
            same_page(&tab, "refusal").await;
            assert_eq!(
                tab.script("return document.activeElement && document.activeElement.classList.contains('fa-htmx-error')")
                    .await,
                true,
                "focus on the message"
            );
            shown
        }
    };
    assert!(message.contains("the bound arguments were changed"), "{message}");
    tab.client.goto(&server.url("/")).await.expect("open the todos");
    assert_eq!(tab.count("#todo-1 > s").await, 0, "the refused Done did not run");

    // "Clear done" answers a plain redirect: htmx follows it as `HX-Location` (the list loaded
    // and swapped in, no page load), and the flash shows there.
    if tab.js == Js::On {
        eventually("htmx to load", || async {
            (tab.script("return !!window.htmx").await == true).then_some(())
        })
        .await;
    }
    press(&tab, button_in(&tab, "todo-3", "Done").await).await;
    tab.wait_for("#todo-3 > s").await;
    press(&tab, tab.button("Clear done").await).await;
    wait_text(&tab, "#flash", "Cleared 1 done").await;
    tab.wait_for_count("#todos > li", 1).await;
    same_page(&tab, "Clear done").await;
    assert_eq!(tab.path().await, "/");
}

/// Answers with the id bound to it, as a fragment.
#[action]
async fn pick(#[bind] id: u32) -> Result<Response, ActionError> {
    Ok(Html(format!(r#"<p id="picked">Picked {id}</p>"#)).into_response())
}

/// A page with a button outside any form, made by `BoundAction::hx_attributes`.
async fn pick_page() -> Html<String> {
    Html(format!(
        r##"<!doctype html><html lang="en"><head><title>Pick</title><script src="/htmx.min.js"></script></head>
    <body><main><button type="button" {} hx-target="#out">Pick 7</button><div id="out"></div></main></body></html>"##,
        pick::bind(7).hx_attributes()
    ))
}

/// A bound button for htmx alone (`hx-post` and the sealed id in `hx-vals`): htmx posts it, the
/// action opens the id, and its fragment is swapped in.
pub(crate) async fn bound_button(tab: Tab) {
    let htmx = htmx_path();
    let app = Router::new().page("/", page(pick_page).action::<pick>()).route(
        "/htmx.min.js",
        get(move || {
            let htmx = htmx.clone();
            async move { ([("content-type", "text/javascript")], std::fs::read(htmx).expect("htmx")) }
        }),
    );
    let server = Server::start(app).await;
    tab.client.goto(&server.url("/")).await.expect("open the page");
    press(&tab, tab.button("Pick 7").await).await;
    wait_text(&tab, "#out #picked", "Picked 7").await;
    same_page(&tab, "the bound button").await;
}

/// The todos without htmx, JavaScript on: every button still works (the enhancement script
/// submits the Add form, the row buttons post), each answer a page load.
pub(crate) async fn without_htmx(tab: Tab) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let server = todos(dir.path(), false).await;
    tab.client.goto(&server.url("/")).await.expect("open the todos");
    assert_eq!(tab.script("return typeof window.htmx").await, "undefined");
    tab.fill("#new-todo [name=title]", "Buy milk").await;
    tab.click_and_load(button_in(&tab, "new-todo", "Add").await).await;
    assert_eq!(tab.texts("#todos > li > span").await, ["Buy milk"]);
    tab.click_and_load(button_in(&tab, "todo-1", "Done").await).await;
    tab.wait_for("#todo-1 > s").await;
    assert_eq!(tab.text("#flash").await, "Done: Buy milk");
    tab.click_and_load(button_in(&tab, "todo-1", "Delete").await).await;
    assert_eq!(tab.count("#todos > li").await, 0);
    assert_eq!(tab.text("#flash").await, "Deleted");
}
