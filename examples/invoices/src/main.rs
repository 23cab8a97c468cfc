//! The invoices app: `cargo run -p example-invoices`.
//!
//! Run with: `cargo run -p example-invoices` (then open the URL it prints).
//!
//! - `PORT`: the port on 127.0.0.1 (default 3000).
//! - `DATABASE_URL`: `sqlite://invoices.db` by default (created with its tables on first start), or
//!   a `postgres://` URL.
//! - `FORMACTION_SECRET`: base64 of 32 bytes, the key that seals bound arguments and flash
//!   messages; without it, a random key for this process (fine for trying it out).

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
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://invoices.db".to_owned());
    let db = example_invoices::Db::connect(&url).await?;
    let app = example_invoices::app(db);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!("Invoices app listening on http://{addr}/ (database: {})", example_invoices::db::describe(&url));
    axum::serve(listener, app).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    // Ctrl-C stops the server after the requests in flight have been answered.
    let _ = tokio::signal::ctrl_c().await;
}
