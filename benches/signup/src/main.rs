//! The signup benchmark server: `bench-signup formaction|axum|guarded <port>`, or
//! `bench-signup formaction-once <port> memory|sqlite:<file>`: formaction behind the protection
//! layer, the answers of forms sent once kept in memory or in a SQLite file (`once.sh`).

use bench_signup::by_hand_guarded::{self, Sealer};
use bench_signup::{Store, by_hand, with_formaction};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "formaction".to_owned());
    let port: u16 = args.next().as_deref().unwrap_or("3200").parse()?;
    let store = Store::default();
    let app = match which.as_str() {
        "formaction" => with_formaction::app(store),
        "formaction-once" => {
            use formaction::protect::{MemoryStore, OnceSettings, Protection, SqlStore};
            let settings = match args.next().as_deref().unwrap_or("memory") {
                "memory" => OnceSettings::new(MemoryStore::default()),
                other => {
                    let file = other.strip_prefix("sqlite:").ok_or("the store is memory or sqlite:<file>")?;
                    sqlx::any::install_default_drivers();
                    let pool = sqlx::any::AnyPoolOptions::new()
                        .max_connections(8)
                        .after_connect(|connection, _| {
                            Box::pin(async move {
                                // As the invoices app: WAL, and a writer waits for another.
                                for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA busy_timeout = 5000"] {
                                    sqlx::Executor::execute(&mut *connection, pragma).await?;
                                }
                                Ok(())
                            })
                        })
                        .connect(&format!("sqlite://{file}?mode=rwc"))
                        .await?;
                    OnceSettings::new(SqlStore::new(pool).await?)
                }
            };
            with_formaction::app(store).layer(Protection::default().once_store(settings).layer())
        }
        "axum" => by_hand::app(store),
        "guarded" => by_hand_guarded::app(store, Sealer::from_env()?, &format!("http://127.0.0.1:{port}")),
        other => return Err(format!("unknown implementation `{other}`: formaction, axum or guarded").into()),
    };
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("{which} signup on http://127.0.0.1:{port}/signup");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
