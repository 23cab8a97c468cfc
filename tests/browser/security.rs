//! The enhancement script against hostile answers and markup, on sites of their own (servers on
//! 127.0.0.1 started by each test, beside the app; another port is another origin):
//!
//! - `redirect_elsewhere`: a JSON answer redirecting to a script URL (in every spelling the URL
//!   parser accepts), to another site or to nothing parseable is refused with a form-level error:
//!   no navigation, no script run; a redirect within the site is followed;
//! - `foreign_forms`: a `data-enhance` form posting to another origin (by its action or by its
//!   button's `formaction`) is left to the browser: no fetch, one plain submission;
//! - `unreadable_answer`: an answer that arrived but cannot be read (JSON cut off by the server or
//!   on the wire, not JSON, not the shape expected) is shown as a form-level error, and the form
//!   is not sent again: the action ran once;
//! - `strict_csp`: the runtime's form on a site answering with a strict Content-Security-Policy
//!   (`script-src 'self'`, no inline script or style) that requires Trusted Types: errors shown,
//!   a list row added and an action's own page shown (both parsed with DOMParser), a redirect
//!   followed, and not one violation (seen in the page and reported to the site); one made on
//!   purpose at the end proves both witnesses work;
//! - `leaving_the_site`: an action that chose another site (`Redirect::to_external`) is followed
//!   there, and so is an action's own redirect to another site (answered to the script as JSON,
//!   not followed by `fetch`): each action runs once.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Form, Json, Router};
use bytes::Bytes;
use formaction::render::{FormView, script_path, script_route};
use formaction::{ActionError, FormState, Redirect, RouterExt, action, form, page};
use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::app::{document, escape, flash_page};
use crate::enhance::{mark, marker};
use crate::harness::{Tab, eventually};
use crate::support::{Log, Server};

/// The page of a form whose answer redirects to one of [`Site::targets`].
const REDIRECT: &str = "/sec/redirect";
/// Where that form posts.
const ANSWER: &str = "/sec/answer";
/// A page of the site to land on.
const LANDING: &str = "/sec/landing";
/// The page of forms posting to another site, `?there=<that site's base URL>`.
const FOREIGN: &str = "/sec/foreign";
/// The page of a form whose action answers the script with something it cannot read.
const UNREADABLE: &str = "/sec/unreadable";
/// Where that form posts.
const BROKEN: &str = "/sec/broken";
/// The kinds of broken answers [`BROKEN`] gives, by the form's `kind`.
const BROKEN_KINDS: [&str; 6] = ["truncated", "cut-off", "empty", "not-json", "null", "odd-errors"];
/// What the form-level error says when an answer cannot be read.
const UNREADABLE_ERROR: &str = "The server's answer could not be read. Check before sending again.";
/// The one path of the other site.
const TAKE: &str = "/take";

/// What the form-level error says when a redirect is refused.
const REFUSED: &str = "The form was sent, but the next page could not be opened.";

/// The state of a test's own site.
#[derive(Clone, Default)]
struct Site {
    /// The redirects [`ANSWER`] gives, by the index the form sends.
    targets: Arc<Mutex<Vec<String>>>,
    /// Each post to [`ANSWER`]: `fetch <case>` (the script's) or `plain <case>`.
    posts: Log,
}

impl Site {
    /// Sets the redirects [`ANSWER`] gives.
    fn set_targets(&self, targets: &[String]) {
        *self.targets.lock().expect("the targets' lock") = targets.to_vec();
    }
}

fn site(state: Site) -> Router {
    Router::new()
        .route(REDIRECT, get(redirect_page))
        .route(ANSWER, post(answer))
        .route(LANDING, get(|| async { document("Landing", "<p id=\"landed\">Landed.</p>") }))
        .route(FOREIGN, get(foreign_page))
        .route(UNREADABLE, get(unreadable_page))
        .route(BROKEN, post(broken))
        .route(script_path(), script_route())
        .with_state(state)
}

/// Another site: records every request to [`TAKE`] as `<method> <path> <Sec-Fetch-Mode>`, with
/// ` x-formaction` when the script's header came, and answers with a page of its own.
fn other_site(log: Log) -> Router {
    Router::new().route(TAKE, any(take)).with_state(log)
}

async fn take(State(log): State<Log>, method: Method, uri: Uri, headers: HeaderMap) -> Html<String> {
    let mode = headers.get("sec-fetch-mode").and_then(|mode| mode.to_str().ok()).unwrap_or("-");
    let script = if headers.contains_key("x-formaction") { " x-formaction" } else { "" };
    log.record(format!("{method} {} {mode}{script}", uri.path()));
    document("Another site", "<p>The other site's page.</p>")
}

/// The form's fields: which redirect to answer with (none: a state answer).
#[derive(Deserialize)]
struct Case {
    case: Option<usize>,
}

/// Answers the script with a redirect to `targets[case]` (or a state), and a plain submission
/// with a page that says so.
async fn answer(State(site): State<Site>, headers: HeaderMap, Form(Case { case }): Form<Case>) -> Response {
    let how = if headers.contains_key("x-formaction") { "fetch" } else { "plain" };
    site.posts.record(format!("{how} {}", case.map_or_else(|| "home".to_owned(), |case| case.to_string())));
    if how == "plain" {
        return document("Plain answer", "<p id=\"plain\">A plain submission.</p>").into_response();
    }
    match case {
        Some(case) => {
            let to = site.targets.lock().expect("the targets' lock").get(case).cloned().unwrap_or_default();
            Json(json!({ "ok": true, "redirect": to })).into_response()
        }
        None => Json(json!({ "ok": true, "state": { "answer": "home" } })).into_response(),
    }
}

async fn redirect_page() -> Html<String> {
    document(
        "Redirect",
        &format!(
            "<form id=\"go\" method=\"post\" action=\"{ANSWER}\" data-enhance>\n\
             <input type=\"hidden\" name=\"case\" value=\"0\">\n\
             <button type=\"submit\">Go</button>\n</form>"
        ),
    )
}

/// Opens `url` (of any site) and waits for it to load.
async fn open(tab: &Tab, url: &str) {
    tab.client.goto(url).await.unwrap_or_else(|error| panic!("could not open {url}: {error}"));
}

/// Whether a script ran, whether the document is the one marked, the form `id`'s summary and
/// whether it is pending, as the page says: `null` for each that is absent.
async fn outcome(tab: &Tab, id: &str) -> Option<Value> {
    let script =
        "const f = document.getElementById(arguments[0]), s = f && f.querySelector(':scope > .fa-summary');
                  return { pwned: window.__pwned === undefined ? null : window.__pwned,
                           marker: window.__marker === undefined ? null : window.__marker,
                           summary: s ? s.textContent : null,
                           busy: f ? f.hasAttribute('aria-busy') : null };";
    tab.client.execute(script, vec![json!(id)]).await.ok()
}

/// A JSON answer whose redirect is a script URL, another site or no URL at all: the script
/// navigates nowhere and runs nothing, and says so in the form. A redirect within the site,
/// absolute or relative, is followed.
pub(crate) async fn redirect_elsewhere(tab: Tab) {
    let elsewhere = Log::default();
    let other = Server::start(other_site(elsewhere.clone())).await;
    let state = Site::default();
    let site = Server::start(site(state.clone())).await;
    let (here, there) = (site.addr.port(), other.addr.port());
    let script = "window.__pwned=1";
    let refused = [
        format!("javascript:{script}"),
        format!("JavaScript:{script}"),
        format!("JAVASCRIPT:{script}"),
        format!(" javascript:{script}"),
        format!("\u{1}\u{1f} javascript:{script}"),
        format!("java\tscript:{script}"),
        format!("java\nscript:{script}"),
        format!("\tjava\r\nscript:{script}\n"),
        format!("javascript://%0A{script}"),
        format!("data:text/html,<script>{script}</script>"),
        format!("vbscript:{script}"),
        format!("blob:http://127.0.0.1:{here}/0b2c3d4e-0000-4000-8000-000000000000"),
        "//other.invalid/".to_owned(),
        "https://other.invalid/".to_owned(),
        "HTTPS://OTHER.INVALID/".to_owned(),
        "http://bücher.invalid/".to_owned(),
        format!("//127.0.0.1:{there}{TAKE}"),
        format!("/\\127.0.0.1:{there}{TAKE}"),
        format!("\\\\127.0.0.1:{there}{TAKE}"),
        format!("http://127.0.0.1:{there}{TAKE}"),
        format!("https:127.0.0.1:{there}{TAKE}"),
        format!("http://127.0.0.1:{here}@127.0.0.1:{there}{TAKE}"),
        format!("https://127.0.0.1:{here}{LANDING}"),
        format!("http://localhost:{here}{LANDING}"),
        format!("http://[::1]:{here}{LANDING}"),
        "http://[::1".to_owned(),
        "http://127.0.0.1:99999/".to_owned(),
    ];
    let followed = [
        (format!("http://127.0.0.1:{here}{LANDING}?from=absolute"), format!("{LANDING}?from=absolute")),
        ("landing?from=relative".to_owned(), format!("{LANDING}?from=relative")),
        (format!("/%2F127.0.0.1:{there}{TAKE}"), format!("/%2F127.0.0.1:{there}{TAKE}")),
    ];
    let targets: Vec<String> =
        refused.iter().cloned().chain(followed.iter().map(|(target, _)| target.clone())).collect();
    state.set_targets(&targets);

    let page = site.url(REDIRECT);
    open(&tab, &page).await;
    mark(&tab).await;
    for (case, target) in refused.iter().enumerate() {
        let choose = "document.querySelector('#go > .fa-summary')?.remove();
                      document.querySelector('#go [name=case]').value = arguments[0];";
        tab.client.execute(choose, vec![json!(case.to_string())]).await.expect("choose the answer");
        tab.button("Go").await.click().await.expect("click Go");
        let seen = eventually(&format!("the answer redirecting to {target:?} to show"), || async {
            let seen = outcome(&tab, "go").await?;
            let done =
                seen["summary"] != Value::Null || seen["pwned"] != Value::Null || seen["marker"] != json!(1);
            done.then_some(seen)
        })
        .await;
        assert_eq!(seen["pwned"], Value::Null, "{target:?}: no script ran");
        assert_eq!(seen["marker"], json!(1), "{target:?}: no page load");
        let summary = seen["summary"].as_str().unwrap_or_default();
        assert!(summary.contains(REFUSED), "{target:?}: a form-level error, not {summary:?}");
        assert_eq!(seen["busy"], json!(false), "{target:?}: the form is no longer pending");
        let url = tab.client.current_url().await.expect("the current URL");
        assert_eq!(url.as_str(), page, "{target:?}: the browser stayed");
    }
    // Any navigation started would have replaced the page by now.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seen = outcome(&tab, "go").await.expect("the page");
    assert_eq!((&seen["pwned"], &seen["marker"]), (&Value::Null, &json!(1)), "still no script, no page load");
    assert_eq!(elsewhere.runs(), Vec::<String>::new(), "the other site saw nobody");
    let fetches: Vec<String> = (0..refused.len()).map(|case| format!("fetch {case}")).collect();
    assert_eq!(state.posts.runs(), fetches, "each answer asked for once, by the script");

    for (offset, (target, path)) in followed.iter().enumerate() {
        open(&tab, &page).await;
        mark(&tab).await;
        let case = refused.len() + offset;
        let choose = "document.querySelector('#go [name=case]').value = arguments[0]";
        tab.client.execute(choose, vec![json!(case.to_string())]).await.expect("choose the answer");
        let document = tab.find("html").await;
        tab.button("Go").await.click().await.expect("click Go");
        tab.wait_for_new_document(&document).await;
        let url = tab.client.current_url().await.expect("the current URL");
        assert_eq!(url.as_str(), site.url(path), "{target:?} is followed, within the site");
        assert_eq!(marker(&tab).await, Value::Null, "{target:?}: a page load");
    }
    assert_eq!(elsewhere.runs(), Vec::<String>::new(), "the other site still saw nobody");
}

/// The other site's base URL, for [`FOREIGN`].
#[derive(Deserialize)]
struct There {
    there: String,
}

/// The forms of [`FOREIGN`] that post to the other site: their ids, each with a button
/// `Send <id>`.
const FOREIGN_FORMS: [&str; 7] = [
    "away",
    "away-no-scheme",
    "away-backslash",
    "away-upper-case",
    "away-intent",
    "away-multipart",
    "away-by-button",
];

async fn foreign_page(Query(There { there }): Query<There>) -> Html<String> {
    let there = escape(&there);
    let authority = there.trim_start_matches("http://");
    let form = |id: &str, action: &str, extra: &str, button: &str| {
        format!(
            "<form id=\"{id}\" method=\"post\" action=\"{action}\"{extra} data-enhance>\n\
             <input type=\"hidden\" name=\"text\" value=\"{id}\">\n{button}\n</form>\n"
        )
    };
    let send = |id: &str| format!("<button type=\"submit\">Send {id}</button>");
    let forms = [
        form("away", &format!("{there}{TAKE}"), "", &send("away")),
        form("away-no-scheme", &format!("//{authority}{TAKE}"), "", &send("away-no-scheme")),
        form("away-backslash", &format!("/\\{authority}{TAKE}"), "", &send("away-backslash")),
        form(
            "away-upper-case",
            &format!("HTTP://{}{TAKE}", authority.to_uppercase()),
            "",
            &send("away-upper-case"),
        ),
        // An intent's request carries no header of the script's own: without a preflight, a
        // fetch would reach the other site.
        form(
            "away-intent",
            &format!("{there}{TAKE}"),
            "",
            "<button type=\"submit\" name=\"$intent\" value=\"add:items\">Send away-intent</button>",
        ),
        form(
            "away-multipart",
            &format!("{there}{TAKE}"),
            " enctype=\"multipart/form-data\"",
            &send("away-multipart"),
        ),
        form(
            "away-by-button",
            ANSWER,
            "",
            &format!("<button type=\"submit\" formaction=\"{there}{TAKE}\">Send away-by-button</button>"),
        ),
        // The other way round: the button posts to this site, so the script takes the form.
        form(
            "home",
            &format!("{there}{TAKE}"),
            "",
            &format!(
                "<button type=\"submit\" formaction=\"{ANSWER}\">Send home</button>\n\
                 <output id=\"home-answer\" data-action-state=\"answer\"></output>"
            ),
        ),
    ];
    document("Forms", &forms.concat())
}

/// A `data-enhance` form whose action (or its button's `formaction`) is on another origin, in
/// any spelling: the script leaves it to the browser, which posts it there once, plainly (no
/// preflight, no fetch). A form whose button posts to the page's own site is enhanced.
pub(crate) async fn foreign_forms(tab: Tab) {
    let elsewhere = Log::default();
    let other = Server::start(other_site(elsewhere.clone())).await;
    let state = Site::default();
    let site = Server::start(site(state.clone())).await;
    let page = site.url(&format!("{FOREIGN}?there={}", other.base));
    for id in FOREIGN_FORMS {
        open(&tab, &page).await;
        mark(&tab).await;
        let before = elsewhere.runs().len();
        let document = tab.find("html").await;
        tab.button(&format!("Send {id}"))
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("click {id}: {error}"));
        tab.wait_for_new_document(&document).await;
        let url = tab.client.current_url().await.expect("the current URL");
        assert_eq!(url.as_str(), other.url(TAKE), "{id}: the browser went there");
        assert_eq!(marker(&tab).await, Value::Null, "{id}: by a page load");
        assert_eq!(
            elsewhere.runs()[before..],
            [format!("POST {TAKE} navigate")],
            "{id}: one plain submission"
        );
    }
    assert_eq!(state.posts.runs(), Vec::<String>::new(), "nothing was posted to the page's own site");

    open(&tab, &page).await;
    mark(&tab).await;
    let before = elsewhere.runs().len();
    tab.button("Send home").await.click().await.expect("click Send home");
    eventually("the state answer", || async { (tab.text("#home-answer").await == "home").then_some(()) })
        .await;
    assert_eq!(marker(&tab).await, json!(1), "no page load");
    assert_eq!(state.posts.runs(), ["fetch home"], "the script posted it");
    assert_eq!(elsewhere.runs().len(), before, "the other site saw nothing of it");
}

/// Which broken answer to give.
#[derive(Deserialize)]
struct Kind {
    kind: String,
}

/// Records the run (`fetch <kind>` or `plain <kind>`), then answers the script with the broken
/// answer `kind`, and a plain submission (a second run) with a page.
async fn broken(State(site): State<Site>, headers: HeaderMap, Form(Kind { kind }): Form<Kind>) -> Response {
    let how = if headers.contains_key("x-formaction") { "fetch" } else { "plain" };
    site.posts.record(format!("{how} {kind}"));
    if how == "plain" {
        return document("Ran again", "<p id=\"again\">The action ran a second time.</p>").into_response();
    }
    let json = [(CONTENT_TYPE, "application/json")];
    match kind.as_str() {
        "truncated" => (json, "{\"ok\":true,\"redirect\":\"/sec/landing\"").into_response(),
        // The head and the first bytes go out, then the connection is cut.
        "cut-off" => {
            let parts = futures_util::stream::iter([
                Ok(Bytes::from_static(b"{\"ok\":true,\"redi")),
                Err(std::io::Error::other("cut off")),
            ]);
            let parts = parts.then(|part| async move {
                if part.is_err() {
                    tokio::time::sleep(Duration::from_millis(300)).await;
                }
                part
            });
            (json, Body::from_stream(parts)).into_response()
        }
        "empty" => (json, "").into_response(),
        "not-json" => (json, "<!doctype html><p>Not JSON at all</p>").into_response(),
        "null" => (json, "null").into_response(),
        // Errors for a field the form does not have, as a number instead of a list.
        _ => (
            StatusCode::UNPROCESSABLE_ENTITY,
            json,
            "{\"ok\":false,\"formErrors\":[],\"fieldErrors\":{\"text\":5}}",
        )
            .into_response(),
    }
}

async fn unreadable_page() -> Html<String> {
    document(
        "Unreadable",
        &format!(
            "<form id=\"odd\" method=\"post\" action=\"{BROKEN}\" data-enhance>\n\
             <input type=\"hidden\" name=\"kind\" value=\"\">\n\
             <button type=\"submit\">Send</button>\n</form>"
        ),
    )
}

/// An answer that arrived but cannot be read, for each way it can break: the user is told, in
/// the form, without a page load; the form is no longer pending; and it was not sent again, so
/// the action ran once.
pub(crate) async fn unreadable_answer(tab: Tab) {
    let state = Site::default();
    let site = Server::start(site(state.clone())).await;
    open(&tab, &site.url(UNREADABLE)).await;
    mark(&tab).await;
    for kind in BROKEN_KINDS {
        let choose = "document.querySelector('#odd > .fa-summary')?.remove();
                      document.querySelector('#odd [name=kind]').value = arguments[0];";
        tab.client.execute(choose, vec![json!(kind)]).await.expect("choose the answer");
        let before = state.posts.runs().len();
        tab.button("Send").await.click().await.expect("click Send");
        let seen = eventually(&format!("the {kind} answer to show"), || async {
            let seen = outcome(&tab, "odd").await?;
            (seen["summary"] != Value::Null || seen["marker"] != json!(1)).then_some(seen)
        })
        .await;
        // Long enough for a second submission to arrive, were one sent.
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(state.posts.runs()[before..], [format!("fetch {kind}")], "{kind}: the action ran once");
        assert_eq!(seen["marker"], json!(1), "{kind}: no page load");
        let summary = seen["summary"].as_str().unwrap_or_default();
        assert!(summary.contains(UNREADABLE_ERROR), "{kind}: a form-level error, not {summary:?}");
        let seen = outcome(&tab, "odd").await.expect("the page");
        assert_eq!(seen["busy"], json!(false), "{kind}: the form is no longer pending");
        let disabled = tab.script("return document.querySelector('#odd button').disabled").await;
        assert_eq!(disabled, json!(false), "{kind}: its button works again");
    }
}

/// The page of the team form, on the strict site.
const TEAM: &str = "/csp/team";
/// Where saving the team leads.
const TEAM_SAVED: &str = "/csp/saved";
/// Where the browser reports violations of the policy.
const CSP_REPORTS: &str = "/csp/reports";
/// The policy of every answer of the strict site.
const STRICT_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; \
                          base-uri 'none'; form-action 'self'; frame-ancestors 'self'; \
                          require-trusted-types-for 'script'; trusted-types formaction; report-uri /csp/reports";

/// A member of a team.
#[form]
#[derive(Debug)]
struct Member {
    #[validate(length(min = 1, max = 40, message = "Enter the member's name"))]
    name: String,
}

/// A team and its members: a list, so rows can be added.
#[form]
#[derive(Debug)]
struct Team {
    #[validate(length(min = 1, max = 40, message = "Name the team"))]
    name: String,
    #[field(label = "Members")]
    members: Vec<Member>,
}

/// Saves the team (records `saved <name>`) and redirects.
#[action]
async fn save_team(State(log): State<Log>, #[form] team: Team) -> Result<Redirect, ActionError> {
    log.record(format!("saved {}", team.name));
    Ok(Redirect::to(TEAM_SAVED).with_flash(format!(
        "{} saved with {} members",
        team.name,
        team.members.len()
    )))
}

/// Answers with a page of its own (records `own page`).
#[action]
async fn show_page(State(log): State<Log>, #[form] team: Team) -> Result<Response, ActionError> {
    log.record("own page");
    let body = format!("<p id=\"own\">A page of the action's own for {}.</p>", escape(&team.name));
    Ok(document("Own page", &body).into_response())
}

async fn team_page(state: FormState<Team>) -> Html<String> {
    let form = FormView::from_state(&state, save_team::bind())
        .id("team")
        .submit_label("Save team")
        .button("Show a page", show_page::bind());
    document("Team", &form.to_string())
}

/// Records a violation report (`report <body>`).
async fn csp_report(State(log): State<Log>, body: String) {
    log.record(format!("report {body}"));
}

async fn strict_policy(mut response: Response) -> Response {
    response.headers_mut().insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(STRICT_CSP));
    response
}

/// The team form with every answer under [`STRICT_CSP`]. The log gets the actions' runs and the
/// browser's violation reports.
fn strict_site(log: Log) -> Router {
    Router::new()
        .page(TEAM, page(team_page).action::<save_team>().action::<show_page>())
        .route(TEAM_SAVED, get(flash_page))
        .route(CSP_REPORTS, post(csp_report))
        .route(script_path(), script_route())
        .with_state(log)
        .layer(middleware::map_response(strict_policy))
}

/// Notes every `securitypolicyviolation` of the page in the tab's session storage (which outlives
/// the document) as `<directive> <blocked URI>`.
async fn listen_for_violations(tab: &Tab) {
    tab.script(
        "document.addEventListener('securitypolicyviolation', (e) => {
           const seen = JSON.parse(sessionStorage.getItem('violations') || '[]');
           seen.push(e.effectiveDirective + ' ' + e.blockedURI);
           sessionStorage.setItem('violations', JSON.stringify(seen));
         });",
    )
    .await;
}

/// The violations the page saw, and those the browser reported to the site.
async fn violations(tab: &Tab, log: &Log) -> (Value, Vec<String>) {
    let seen = tab.script("return JSON.parse(sessionStorage.getItem('violations') || '[]')").await;
    let reported = log.runs().into_iter().filter(|run| run.starts_with("report ")).collect();
    (seen, reported)
}

/// The runs of the strict site's actions.
fn runs(log: &Log) -> Vec<String> {
    log.runs().into_iter().filter(|run| !run.starts_with("report ")).collect()
}

/// The enhanced form under a strict CSP that requires Trusted Types: everything the script does
/// works, without one violation.
pub(crate) async fn strict_csp(tab: Tab) {
    let log = Log::default();
    let site = Server::start(strict_site(log.clone())).await;
    for path in [TEAM, script_path()] {
        let answer = site.client.get(site.url(path)).send().await.expect("GET");
        assert_eq!(answer.headers()["content-security-policy"], STRICT_CSP, "{path} is under the policy");
    }
    open(&tab, &site.url(TEAM)).await;
    listen_for_violations(&tab).await;
    mark(&tab).await;

    // The server's errors, in place.
    tab.script("document.getElementById('team').noValidate = true").await;
    tab.button("Save team").await.click().await.expect("click Save team");
    tab.wait_for("#team > .fa-summary").await;
    assert_eq!(tab.texts("#team .fa-errors li").await, ["Name the team", "Enter the member's name"]);
    assert_eq!(marker(&tab).await, json!(1), "errors shown without a page load");

    // A row more: the page's HTML parsed with DOMParser, the new form in the old one's place.
    let form = tab.find("#team").await;
    tab.fill("#team-name", "Owls").await;
    tab.button("Add a row to Members").await.click().await.expect("click Add");
    tab.wait_for_count("#team .fa-row", 2).await;
    assert!(!tab.is_attached(&form).await, "the form was replaced by the server's");
    assert_eq!(tab.value("#team-name").await, "Owls", "what was typed is kept");
    assert_eq!(marker(&tab).await, json!(1), "a row added without a page load");

    // An action's own page, parsed and shown in place; the action ran once.
    tab.fill("#team-members-0-name", "Ada").await;
    tab.fill("#team-members-1-name", "Grace").await;
    let document = tab.find("html").await;
    tab.button("Show a page").await.click().await.expect("click Show a page");
    tab.wait_for_new_document(&document).await;
    assert_eq!(tab.text("#own").await, "A page of the action's own for Owls.");
    assert_eq!(marker(&tab).await, json!(1), "shown in place");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(runs(&log), ["own page"], "the action ran once");

    // A redirect followed.
    open(&tab, &site.url(TEAM)).await;
    listen_for_violations(&tab).await;
    mark(&tab).await;
    tab.fill("#team-name", "Owls").await;
    tab.fill("#team-members-0-name", "Ada").await;
    let document = tab.find("html").await;
    tab.button("Save team").await.click().await.expect("click Save team");
    tab.wait_for_new_document(&document).await;
    assert_eq!(tab.path().await, TEAM_SAVED);
    assert_eq!(tab.text(".flash").await, "Owls saved with 1 members");
    assert_eq!(runs(&log), ["own page", "saved Owls"]);
    listen_for_violations(&tab).await;

    // Reports are sent apart from the page: give them time to arrive.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(violations(&tab, &log).await, (json!([]), Vec::new()), "no violation, seen or reported");

    // One of each on purpose (HTML through a sink without a TrustedHTML, an inline style): both
    // witnesses see them.
    tab.script(
        "try { document.body.innerHTML = '<p>plain HTML</p>'; } catch (e) {}
         document.body.setAttribute('style', 'color: red');",
    )
    .await;
    let (seen, reported) = eventually("the violations made on purpose to be reported", || async {
        let (seen, reported) = violations(&tab, &log).await;
        (reported.len() >= 2).then_some((seen, reported))
    })
    .await;
    let directives: Vec<&str> =
        seen.as_array().expect("a list").iter().filter_map(|v| v.as_str()?.split(' ').next()).collect();
    assert_eq!(directives, ["require-trusted-types-for", "style-src-attr"], "seen in the page: {seen}");
    assert_eq!(reported.len(), 2, "reported: {reported:?}");
    assert!(reported.iter().any(|report| report.contains("require-trusted-types-for")), "{reported:?}");
    assert!(reported.iter().any(|report| report.contains("style-src-attr")), "{reported:?}");
}

/// The page of the actions that send the browser to another site.
const AWAY: &str = "/away/page";

/// The state of [`away_site`]: the runs of its actions, and the other site's base URL.
#[derive(Clone)]
struct Away {
    log: Log,
    there: String,
}

/// Sends the browser to the other site, as the action chose (`Redirect::to_external`).
#[action]
async fn pay(State(away): State<Away>) -> Result<Redirect, ActionError> {
    away.log.record("paid");
    Ok(Redirect::to_external(format!("{}{TAKE}?from=pay", away.there)))
}

/// Sends the browser to the other site with a redirect of its own making (axum's).
#[action]
async fn hand_off(State(away): State<Away>) -> Result<Response, ActionError> {
    away.log.record("handed off");
    Ok(axum::response::Redirect::to(&format!("{}{TAKE}?from=hand-off", away.there)).into_response())
}

async fn away_page() -> Html<String> {
    let form = |id: &str, url: String, label: &str| {
        format!(
            "<form id=\"{id}\" method=\"post\" action=\"{url}\" data-enhance><button>{label}</button></form>\n"
        )
    };
    let forms = form("pay", pay::bind().url(), "Pay") + &form("hand-off", hand_off::bind().url(), "Hand off");
    document("Away", &forms)
}

fn away_site(away: Away) -> Router {
    Router::new()
        .page(AWAY, page(away_page).action::<pay>().action::<hand_off>())
        .route(script_path(), script_route())
        .with_state(away)
}

/// An action that sends the browser to another site gets it there, with JavaScript on as off:
/// once, whether it chose the site with `Redirect::to_external` or answered with a redirect of
/// its own, which `fetch` would otherwise follow, fail on (the other site allows no CORS), and
/// the script then send again.
pub(crate) async fn leaving_the_site(tab: Tab) {
    let elsewhere = Log::default();
    let other = Server::start(other_site(elsewhere.clone())).await;
    let log = Log::default();
    let site = Server::start(away_site(Away { log: log.clone(), there: other.url("") })).await;
    for (label, run) in [("Pay", "paid"), ("Hand off", "handed off")] {
        let (runs_before, visits_before) = (log.runs().len(), elsewhere.runs().len());
        open(&tab, &site.url(AWAY)).await;
        mark(&tab).await;
        let document = tab.find("html").await;
        tab.button(label).await.click().await.expect("click");
        tab.wait_for_new_document(&document).await;
        let url = tab.client.current_url().await.expect("the current URL");
        assert_eq!(url.origin(), reqwest::Url::parse(&other.url("")).expect("a URL").origin(), "{label}");
        assert_eq!(url.path(), TAKE, "{label}");
        // A second submission would have arrived by now.
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert_eq!(log.runs()[runs_before..], [run], "{label}: the action ran once");
        let visits = &elsewhere.runs()[visits_before..];
        assert_eq!(visits, [format!("GET {TAKE} navigate")], "{label}: one visit, the browser's own");
    }
}
