//! The invoices app: `cargo run -p example-invoices`.
//!
//! Run with: `cargo run -p example-invoices` (then open the URL it prints).
//!
//! - `PORT`: the port on 127.0.0.1 (default 3000).
//! - `DATABASE_URL`: `sqlite://invoices.db` by default (created with its tables on first start), or
//!   a `postgres://` URL.
//! - `FORMACTION_SECRET`: base64 of 32 bytes, the key that seals bound arguments and flash
//!   messages; without it, a random key for this process (fine for trying it out).
//! - `FORMACTION_PREVIOUS_SECRETS`: comma-separated keys still accepted, never used to seal (key
//!   rotation; see the README's "Deployment" section).
//! - `FORMACTION_ORIGIN`: the app's own origins, comma-separated (`https://invoices.example.com`):
//!   the only hosts it answers to, and the scheme its posts and flash cookies expect. Without it,
//!   only loopback names (`localhost`, `127.0.0.1`, `[::1]`) are served, as in development.
//! - `FORMACTION_TRUST_PROXY=1`: read the host and scheme from the proxy's `X-Forwarded-Host`,
//!   `X-Forwarded-Proto` or `Forwarded` (the entry it wrote, the last one); only behind a proxy
//!   that sets them.
//! - `FORMACTION_ALLOWED_ORIGINS`: other sites allowed to post (`https://admin.example.com,*.example.com`).
//! - `FORMACTION_BODY_BUDGET`: the bytes of request bodies held at once by all actions (64 MiB by
//!   default; past it, 503 with `Retry-After`).
//!
//! SIGTERM or Ctrl-C stops it once the requests in flight are answered.

use std::net::SocketAddr;

use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")))
        .init();
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| format!("PORT must be a port number, not `{port}`"))?,
        Err(_) => 3000,
    };
    // A FORMACTION_SECRET that is set but unusable stops the app here, with its reason, rather than
    // at the first page that seals a value.
    match formaction::seal::Keys::from_env() {
        Ok(Some(keys)) => {
            let _ = formaction::seal::install(keys);
        }
        Ok(None) => {}
        Err(error) => {
            eprintln!("example-invoices: {error}");
            std::process::exit(2);
        }
    }
    // So does an invalid FORMACTION_ORIGIN.
    if let Err(error) = formaction::security::OriginPolicy::try_from_env() {
        eprintln!("example-invoices: {error}");
        std::process::exit(2);
    }
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://invoices.db".to_owned());
    let db = example_invoices::Db::connect(&url).await?;
    // A form sent twice (a double click, a retry) runs its action once, on any instance sharing
    // this database.
    let once = formaction::protect::OnceSettings::new(db.once_store().await?);
    let protection = formaction::protect::Protection::default().once_store(once);
    let app = example_invoices::app_with(db, &protection);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("Invoices app listening on http://{addr}/ (database: {})", example_invoices::db::describe(&url));
    // Like `axum::serve`, plus a deadline on request headers (slow clients are cut off).
    protection.serve(listener, app, shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    // Ctrl-C, or SIGTERM (what systemd, Docker and rolling restarts send), stops the server after
    // the requests in flight have been answered.
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}
