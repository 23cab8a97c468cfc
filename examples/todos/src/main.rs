//! The todos app: `cargo run -p example-todos` (see the library's documentation for what it
//! does and its environment: `PORT`, `DATABASE_URL`, `FORMACTION_SECRET`, `HTMX_JS`).

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let port: u16 = match std::env::var("PORT") {
        Ok(port) => port.parse().map_err(|_| format!("PORT must be a port number, not `{port}`"))?,
        Err(_) => 3000,
    };
    match formaction::seal::Keys::from_env() {
        Ok(Some(keys)) => {
            let _ = formaction::seal::install(keys);
        }
        Ok(None) => {}
        Err(error) => {
            eprintln!("example-todos: {error}");
            std::process::exit(2);
        }
    }
    let url = std::env::var("DATABASE_URL").unwrap_or_else(|_| "sqlite://todos.db".to_owned());
    let htmx = std::env::var("HTMX_JS").ok().filter(|path| !path.is_empty());
    let app = example_todos::App::open(&url, htmx).await?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("Todos on http://{}/", listener.local_addr()?);
    axum::serve(listener, example_todos::app(app)).await?;
    Ok(())
}
