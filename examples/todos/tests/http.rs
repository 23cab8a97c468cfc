//! The todos example as a newcomer runs it: the binary on a free port of 127.0.0.1, its row
//! buttons pressed over HTTP as a browser with JavaScript off presses them.

mod support;

use support::Server;

#[tokio::test]
async fn each_row_button_acts_on_its_own_row_only() {
    let server = Server::start();
    for title in ["Buy milk", "Write the report"] {
        let answer = server.press(&server.page().await, None, "Add", &[("title", title)]).await;
        assert_eq!(answer.status(), 303, "{title}");
    }
    // Nothing to do: 422, the error beside the field, nothing added.
    let answer = server.press(&server.page().await, None, "Add", &[("title", "")]).await;
    assert_eq!(answer.status(), 422);
    assert!(answer.text().await.expect("the page").contains("Write what there is to do"));

    // Done on the second row marks that row, and only it.
    let html = server.page().await;
    let answer = server.press(&html, Some("Write the report"), "Done", &[]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    assert!(html.contains("<s>Write the report</s>"), "{html}");
    assert!(!html.contains("<s>Buy milk</s>"), "{html}");

    // Delete on the first row deletes that row.
    let answer = server.press(&html, Some("Buy milk"), "Delete", &[]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    assert!(!html.contains("Buy milk") && html.contains("Write the report"), "{html}");
}

#[tokio::test]
async fn a_failed_row_button_shows_its_message_with_javascript_off() {
    let server = Server::start();
    for title in ["Buy milk", "Write the report"] {
        let answer = server.press(&server.page().await, None, "Add", &[("title", title)]).await;
        assert_eq!(answer.status(), 303, "{title}");
    }
    // Two tabs on the same list: one deletes "Buy milk", the other then marks it done.
    let other_tab = server.page().await;
    let answer = server.press(&server.page().await, Some("Buy milk"), "Delete", &[]).await;
    assert_eq!(answer.status(), 303);
    let answer = server.press(&other_tab, Some("Buy milk"), "Done", &[]).await;
    assert_eq!(answer.status(), 422);
    let html = answer.text().await.expect("the page");
    assert!(html.contains(r#"<ul class="fa-errors" role="alert"><li>This todo is gone</li></ul>"#), "{html}");
}

#[tokio::test]
async fn a_changed_row_id_is_refused() {
    let server = Server::start();
    let answer = server.press(&server.page().await, None, "Add", &[("title", "Buy milk")]).await;
    assert_eq!(answer.status(), 303);
    let html = server.page().await;
    // The sealed id, changed by one character: the action never runs.
    let sealed =
        html.split(r#"name="$bound" value=""#).nth(1).expect("a sealed id").split('"').next().expect("it");
    let mut forged = sealed.to_owned();
    let last = if forged.ends_with('A') { 'B' } else { 'A' };
    forged.pop();
    forged.push(last);
    let forged_html = html.replacen(sealed, &forged, 1);
    let answer = server.press(&forged_html, Some("Buy milk"), "Done", &[]).await;
    assert_eq!(answer.status(), 400);
    assert!(!server.page().await.contains("<s>Buy milk</s>"));
}
