//! The sign-up page rendered with maud: `cargo run -p example-maud`, then open the URL it prints.
//!
//! `PORT` sets the port on 127.0.0.1 (3000 by default, `0` for any free one).

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = std::env::var("PORT").ok().and_then(|port| port.parse().ok()).unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("Sign-up page (maud) on http://{}/", listener.local_addr()?);
    axum::serve(listener, example_maud::app()).await?;
    Ok(())
}
