//! The signup benchmark server: `bench-signup formaction|axum|guarded <port>`.

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
