//! The invoices app as a library, so tests can run it in-process on a real SQLite file.

pub mod actions;
pub mod db;
pub mod forms;
pub mod language;
pub mod pages;

use axum::Router;
use axum::response::Redirect;
use axum::routing::get;
use formaction::RouterExt;
use formaction::page;

pub use db::Db;

/// The whole app, with the default [`Protection`](formaction::protect::Protection): a panic is a
/// blank 500 page (details in the log), a request has 30 seconds.
pub fn app(db: Db) -> Router {
    app_with(db, &formaction::protect::Protection::default())
}

/// The whole app, with the given protection (tests use short timeouts).
pub fn app_with(db: Db, protection: &formaction::protect::Protection) -> Router {
    // Once per process; an app made again (tests make several) finds them installed.
    let _ = language::languages().install();
    Router::new()
        .route("/", get(|| async { Redirect::to("/invoices") }))
        .route("/invoices", get(pages::list))
        .page(
            "/invoices/new",
            page(pages::new_invoice).action::<actions::create_invoice>().action::<actions::save_draft>(),
        )
        .page(
            "/invoices/{id}",
            page(pages::show).action::<actions::mark_paid>().action::<actions::delete_invoice>(),
        )
        .page("/invoices/{id}/edit", page(pages::edit).action::<actions::update_invoice>())
        .route("/invoices/{id}/attachment", get(pages::attachment))
        .route(formaction::render::script_path(), formaction::render::script_route())
        .route("/app.css", get(pages::stylesheet))
        .route("/language", get(language::switch))
        .fallback(pages::not_found)
        .with_state(db)
        // Last, so it covers every route and the fallback.
        .layer(protection.layer())
}
