//! Bound arguments over real HTTP on 127.0.0.1: sealed into the page by `name::bind(...)`, opened
//! by the action, and refused with a 400 (the action not run) when changed, cut, replayed to
//! another action, expired or missing; and the keys that seal them, shared by several instances
//! and rotated.
//!
//! Every instance here seals with keys of its own (`page(...).keys(...)`), so a test can seal a
//! value by hand with the same keys, and two servers can stand for two instances of one app.

#[allow(unreachable_pub, dead_code, reason = "shared by several test targets, each using a part")]
mod support;

use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::State;
use axum::response::Html;
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use formaction::seal::Keys;
use formaction::security::OriginPolicy;
use formaction::{ActionError, Flash, Redirect, RouterExt, action, endpoint_with, form, page};
use reqwest::StatusCode;
use serde_json::json;
use support::{Log, Server};
use tokio::task::JoinSet;

#[form]
#[derive(Debug)]
struct Rename {
    #[validate(length(min = 1))]
    name: String,
}

#[action]
async fn rename(
    State(log): State<Log>,
    #[bind] team: String,
    #[form] input: Rename,
) -> Result<Redirect, ActionError> {
    log.record(format!("rename {team} {}", input.name));
    Ok(Redirect::to(format!("/teams/{team}")).with_flash(format!("Renamed to {}", input.name)))
}

#[action]
async fn archive(State(log): State<Log>, #[bind] team: String) -> Result<Redirect, ActionError> {
    log.record(format!("archive {team}"));
    Ok(Redirect::to("/teams"))
}

#[action(max_age = "1s")]
async fn quick(State(log): State<Log>, #[bind] team: String) -> Result<Redirect, ActionError> {
    log.record(format!("quick {team}"));
    Ok(Redirect::to("/teams"))
}

/// The team page: one form per action, each with its sealed `team`.
async fn show(flash: Flash) -> Html<String> {
    let forms: String = [
        ("rename", rename::bind(TEAM.into())),
        ("archive", archive::bind(TEAM.into())),
        ("quick", quick::bind(TEAM.into())),
    ]
    .iter()
    .map(|(name, bound)| {
        format!("<form id={name} method=post action=\"{}\">{}</form>", bound.url(), bound.hidden_input())
    })
    .collect();
    Html(format!("{forms}<p id=flash>{}</p>", flash.into_message().unwrap_or_default()))
}

const TEAM: &str = "team-42";

fn app(keys: Keys) -> (Router, Log) {
    let log = Log::default();
    let page = page(show)
        .action::<rename>()
        .action::<archive>()
        .action::<quick>()
        .keys(keys.clone())
        .origin_policy(OriginPolicy::default());
    // Where a rename leads: the flash message shows there.
    let renamed = formaction::page(show).keys(keys.clone()).origin_policy(OriginPolicy::default());
    let api = endpoint_with::<rename, Log>(OriginPolicy::default(), Some(keys));
    let router = Router::new().page("/team", page).page("/teams/{team}", renamed);
    (router.route("/api/rename", api).with_state(log.clone()), log)
}

async fn start(keys: Keys) -> (Server, Log) {
    let (app, log) = app(keys);
    (Server::start(app).await, log)
}

/// The sealed value of the form `form` in the team page of `server`.
async fn sealed(server: &Server, form: &str) -> String {
    let page = server.client.get(server.url("/team")).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    let start = html.find(&format!("<form id={form} ")).unwrap_or_else(|| panic!("form {form} in {html}"));
    let marker = "name=\"$bound\" value=\"";
    let value = start + html[start..].find(marker).unwrap() + marker.len();
    html[value..].split('"').next().unwrap().to_owned()
}

/// Posts `name=New` and the bound value (if any) to the action `action` of the team page, as a
/// browser would: the status, and the message of a refusal.
async fn post(server: &Server, action: &str, bound: Option<&str>) -> (StatusCode, String) {
    let mut fields = vec![("name", "New")];
    fields.extend(bound.map(|bound| ("$bound", bound)));
    let response = server.post(&format!("/team?_action={action}")).form(&fields).send().await.unwrap();
    let status = response.status();
    if status.is_redirection() {
        return (status, String::new());
    }
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/html"), "a page for a browser: {content_type}");
    (status, message_of(&response.text().await.unwrap()))
}

/// The message of a refusal's page: `<main><h1>Bad Request</h1><p>message</p></main>`.
fn message_of(html: &str) -> String {
    let start = html.find("<main>").and_then(|main| html[main..].find("<p>").map(|p| main + p + 3));
    let start = start.unwrap_or_else(|| panic!("a refusal page: {html}"));
    html[start..start + html[start..].find("</p>").unwrap()].to_owned()
}

const CHANGED: &str = "the bound arguments were changed, belong to another action, or were sealed with a key that is no longer accepted";

/// Posts every value to `rename` at the same time; each must be refused with a 400.
async fn all_refused(server: &Server, values: Vec<String>) -> usize {
    let mut requests = JoinSet::new();
    for value in values {
        let client = server.client.clone();
        let (url, origin) =
            (server.url(&format!("/team{}", rename::bind(String::new()).url())), server.base.clone());
        requests.spawn(async move {
            let form = [("name", "New"), ("$bound", value.as_str())];
            let response = client.post(url).header("origin", origin).form(&form).send().await.unwrap();
            (value, response.status(), response.text().await.unwrap())
        });
    }
    let mut count = 0;
    while let Some(done) = requests.join_next().await {
        let (value, status, body) = done.unwrap();
        assert_eq!(status, StatusCode::BAD_REQUEST, "{value}: {body}");
        assert!(
            body.contains(CHANGED) || body.contains("the bound arguments are malformed"),
            "{value}: {body}"
        );
        count += 1;
    }
    count
}

#[tokio::test]
async fn every_byte_of_a_sealed_value_is_authenticated() {
    let (server, log) = start(Keys::new([9; 32])).await;
    let sealed = sealed(&server, "rename").await;
    let bytes = URL_SAFE_NO_PAD.decode(&sealed).unwrap();
    // A 12-byte nonce (AES-256-GCM-SIV), the time (8), `["team-42"]` (11) and the 16-byte tag.
    assert_eq!(bytes.len(), 12 + 8 + 11 + 16);

    let mut values = Vec::new();
    for position in 0..bytes.len() {
        for bit in [0x01, 0x80] {
            let mut changed = bytes.clone();
            changed[position] ^= bit;
            values.push(URL_SAFE_NO_PAD.encode(changed));
        }
    }
    assert_eq!(all_refused(&server, values).await, 2 * bytes.len());

    // Every character of the text, replaced by another base64url character.
    let values: Vec<String> = (0..sealed.len())
        .map(|i| {
            let other = if &sealed[i..=i] == "A" { "B" } else { "A" };
            format!("{}{other}{}", &sealed[..i], &sealed[i + 1..])
        })
        .collect();
    assert_eq!(all_refused(&server, values).await, sealed.len());
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // The value as sealed still opens.
    assert_eq!(post(&server, rename::ID, Some(&sealed)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["rename team-42 New"]);
}

#[tokio::test]
async fn cut_or_garbled_values_are_refused() {
    let (server, log) = start(Keys::new([9; 32])).await;
    let sealed = sealed(&server, "rename").await;
    let mut values: Vec<String> = (0..sealed.len()).map(|len| sealed[..len].to_owned()).collect();
    values.extend((1..sealed.len()).map(|start| sealed[start..].to_owned()));
    values.extend([
        format!("{sealed}A"),
        format!("{sealed}AAAA"),
        format!("{sealed}="),
        "not base64!".to_owned(),
    ]);
    values.push(sealed.replace('-', "+").replace('_', "/"));
    values.retain(|value| *value != sealed);
    let count = values.len();
    assert_eq!(all_refused(&server, values).await, count);
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

#[tokio::test]
async fn a_value_sealed_for_one_action_is_refused_by_another() {
    let (server, log) = start(Keys::new([9; 32])).await;
    let for_rename = sealed(&server, "rename").await;
    let for_archive = sealed(&server, "archive").await;

    for (action, value) in [(archive::ID, &for_rename), (rename::ID, &for_archive), (quick::ID, &for_rename)]
    {
        let (status, body) = post(&server, action, Some(value)).await;
        assert_eq!((status, body.as_str()), (StatusCode::BAD_REQUEST, CHANGED), "{action}");
    }
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    assert_eq!(post(&server, archive::ID, Some(&for_archive)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(post(&server, rename::ID, Some(&for_rename)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["archive team-42", "rename team-42 New"]);
}

/// Seals `json` for the action `id` with `keys`, stamped `age` seconds ago: what
/// `name::bind(...)` does, with a clock of the test's choosing.
fn seal_aged(keys: &Keys, id: &str, age: u64, json: &str) -> String {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    let mut plaintext = (now - age).to_be_bytes().to_vec();
    plaintext.extend_from_slice(json.as_bytes());
    let mut purpose = b"formaction:bound:".to_vec();
    purpose.extend_from_slice(id.as_bytes());
    keys.seal(&purpose, &plaintext).expect("a bound value of a test seals")
}

#[tokio::test]
async fn a_value_older_than_max_age_is_refused() {
    let keys = Keys::new([9; 32]);
    let (server, log) = start(keys.clone()).await;

    for age in [2, 60, 86_400] {
        let old = seal_aged(&keys, quick::ID, age, r#"["team-42"]"#);
        let (status, body) = post(&server, quick::ID, Some(&old)).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::BAD_REQUEST, "the bound arguments have expired: reload the page and try again"),
            "{age} s old"
        );
    }
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    // A fresh value, sealed the same way or by the page, opens; an action without max_age takes old ones.
    let fresh = seal_aged(&keys, quick::ID, 0, r#"["fresh"]"#);
    assert_eq!(post(&server, quick::ID, Some(&fresh)).await.0, StatusCode::SEE_OTHER);
    let rendered = sealed(&server, "quick").await;
    assert_eq!(post(&server, quick::ID, Some(&rendered)).await.0, StatusCode::SEE_OTHER);
    let old = seal_aged(&keys, archive::ID, 86_400, r#"["old"]"#);
    assert_eq!(post(&server, archive::ID, Some(&old)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["quick fresh", "quick team-42", "archive old"]);
}

#[tokio::test]
async fn missing_or_misshapen_values_are_refused() {
    let keys = Keys::new([9; 32]);
    let (server, log) = start(keys.clone()).await;

    let (status, body) = post(&server, rename::ID, None).await;
    assert_eq!(
        (status, body.as_str()),
        (StatusCode::BAD_REQUEST, "the bound arguments of this action are missing")
    );
    let (status, body) = post(&server, rename::ID, Some("")).await;
    assert_eq!((status, body.as_str()), (StatusCode::BAD_REQUEST, "the bound arguments are malformed"));
    for json in [r#"[42]"#, r#"["a", "b"]"#, r#"{"team": "a"}"#, "not json"] {
        let value = seal_aged(&keys, rename::ID, 0, json);
        let (status, body) = post(&server, rename::ID, Some(&value)).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::BAD_REQUEST, "the bound arguments do not have the expected shape"),
            "{json}"
        );
    }
    assert!(log.runs().is_empty(), "{:?}", log.runs());
}

#[tokio::test]
async fn refusals_answer_json_callers_and_endpoints_in_json() {
    let (server, log) = start(Keys::new([9; 32])).await;
    let response = server
        .post(&format!("/team?_action={}", rename::ID))
        .header("accept", "application/json")
        .form(&[("name", "New"), ("$bound", "AAAA")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, json!({"ok": false, "error": "the bound arguments are malformed"}));

    let response = server
        .post(&format!("/team?_action={}", archive::ID))
        .header("x-formaction", "1")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, json!({"ok": false, "error": "the bound arguments of this action are missing"}));

    // An endpoint, with the page's keys: JSON without asking, for refusals too.
    let sealed = sealed(&server, "rename").await;
    let mut tampered = URL_SAFE_NO_PAD.decode(&sealed).unwrap();
    tampered[30] ^= 0x01;
    let tampered = URL_SAFE_NO_PAD.encode(tampered);
    let response =
        server.post("/api/rename").json(&json!({"name": "Api", "$bound": tampered})).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, json!({"ok": false, "error": CHANGED}));
    assert!(log.runs().is_empty(), "{:?}", log.runs());

    let response =
        server.post("/api/rename").json(&json!({"name": "Api", "$bound": sealed})).send().await.unwrap();
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, json!({"ok": true, "redirect": "/teams/team-42"}));
    assert_eq!(log.runs(), ["rename team-42 Api"]);
}

#[tokio::test]
async fn instances_with_the_same_keys_accept_each_others_forms() {
    let (one, one_log) = start(Keys::new([9; 32])).await;
    let (two, two_log) = start(Keys::new([9; 32])).await;

    let from_one = sealed(&one, "rename").await;
    let response = two
        .post(&format!("/team{}", rename::bind(String::new()).url()))
        .form(&[("name", "Two"), ("$bound", &from_one)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(two_log.runs(), ["rename team-42 Two"]);
    // The flash set by one instance shows on the other, once, on the page the redirect leads to:
    // the page that shows it clears it.
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let shown = one.client.get(one.url(&location)).header("cookie", cookie).send().await.unwrap();
    let cleared = shown.headers().get_all("set-cookie").iter().any(|value| {
        let value = value.to_str().unwrap();
        value.starts_with("formaction_flash=;") && value.contains("Max-Age=0")
    });
    assert!(cleared, "the flash cookie is cleared: {:?}", shown.headers());
    let page = shown.text().await.unwrap();
    assert!(page.contains("<p id=flash>Renamed to Two</p>"), "{page}");

    let from_two = sealed(&two, "archive").await;
    assert_eq!(post(&one, archive::ID, Some(&from_two)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(one_log.runs(), ["archive team-42"]);

    // Another app's keys open nothing of these.
    let (other, other_log) = start(Keys::new([8; 32])).await;
    assert_eq!(
        post(&other, rename::ID, Some(&from_one)).await,
        (StatusCode::BAD_REQUEST, CHANGED.to_owned())
    );
    assert!(other_log.runs().is_empty());
}

#[tokio::test]
async fn keys_rotate_without_breaking_open_pages() {
    let (old, new) = ([1; 32], [2; 32]);
    let (a, a_log) = start(Keys::new(old)).await;
    let (b, b_log) = start(Keys::new(new).with_previous(Keys::new(old))).await;
    let (c, c_log) = start(Keys::new(new)).await;

    // A page rendered before the rotation is still accepted during it...
    let from_a = sealed(&a, "rename").await;
    assert_eq!(post(&b, rename::ID, Some(&from_a)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(b_log.runs(), ["rename team-42 New"]);
    // ...and refused once the old key is gone.
    assert_eq!(post(&c, rename::ID, Some(&from_a)).await, (StatusCode::BAD_REQUEST, CHANGED.to_owned()));
    assert!(c_log.runs().is_empty());

    // During the rotation pages are sealed with the new key: an instance with only the old key
    // refuses them, one with only the new key accepts them.
    let from_b = sealed(&b, "rename").await;
    assert_eq!(post(&a, rename::ID, Some(&from_b)).await, (StatusCode::BAD_REQUEST, CHANGED.to_owned()));
    assert!(a_log.runs().is_empty());
    assert_eq!(post(&c, rename::ID, Some(&from_b)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(c_log.runs(), ["rename team-42 New"]);
}

/// The sealed value of the form `form` in a page's HTML.
fn sealed_in(html: &str, form: &str) -> String {
    let start = html.find(&format!("<form id={form} ")).unwrap_or_else(|| panic!("form {form} in {html}"));
    let marker = "name=\"$bound\" value=\"";
    let value = start + html[start..].find(marker).unwrap() + marker.len();
    html[value..].split('"').next().unwrap().to_owned()
}

/// Posts an invalid rename (empty name) with `bound`: the page rendered again, 422.
async fn post_invalid_rename(server: &Server, bound: &str) -> String {
    let response = server
        .post(&format!("/team?_action={}", rename::ID))
        .form(&[("name", ""), ("$bound", bound)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_page_rendered_again_reuses_the_submitted_value_only_where_it_is_the_same() {
    let (old, new) = ([3; 32], [4; 32]);
    let (server, log) = start(Keys::new(old)).await;
    let submitted = sealed(&server, "rename").await;
    let page = post_invalid_rename(&server, &submitted).await;
    // The same team bound to the same action, in answer to the request that proved it holds it:
    // the text it sent comes back, and still works.
    assert_eq!(sealed_in(&page, "rename"), submitted);
    // Other actions bind the same team: sealed afresh (their purpose differs anyway), and distinct.
    let (archive, quick) = (sealed_in(&page, "archive"), sealed_in(&page, "quick"));
    assert!(archive != submitted && quick != submitted && archive != quick);
    assert_eq!(post(&server, archive::ID, Some(&archive)).await.0, StatusCode::SEE_OTHER);
    // Nothing is kept across requests: every plain page seals anew.
    assert_ne!(sealed(&server, "rename").await, sealed(&server, "rename").await);
    assert_ne!(sealed(&server, "rename").await, submitted);
    assert_eq!(post(&server, rename::ID, Some(&submitted)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(log.runs(), ["archive team-42", "rename team-42 New"]);

    // While rotating, a value sealed with the previous key is sealed again with the current one:
    // an instance with only the new key accepts what the page now carries.
    let (rotating, _) = start(Keys::new(new).with_previous(Keys::new(old))).await;
    let page = post_invalid_rename(&rotating, &submitted).await;
    let resealed = sealed_in(&page, "rename");
    assert_ne!(resealed, submitted);
    let (only_new, only_new_log) = start(Keys::new(new)).await;
    assert_eq!(post(&only_new, rename::ID, Some(&resealed)).await.0, StatusCode::SEE_OTHER);
    assert_eq!(only_new_log.runs(), ["rename team-42 New"]);
}
