//! A real server on 127.0.0.1 for tests: started on a free port, stopped when the test ends.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;

/// A server running `app` on 127.0.0.1, and a client for it.
pub struct Server {
    /// `http://127.0.0.1:<port>`
    pub base: String,
    /// The address.
    pub addr: SocketAddr,
    /// A client that does not follow redirects (tests look at the 303 itself).
    pub client: reqwest::Client,
    task: tokio::task::JoinHandle<()>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Server {
    /// Starts `app` on a free port.
    pub async fn start(app: Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let stopped = async {
                let _ = stopped.await;
            };
            axum::serve(listener, app).with_graceful_shutdown(stopped).await.expect("server");
        });
        let client =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Server { base: format!("http://{addr}"), addr, client, task, stop: Some(stop) }
    }

    /// Stops the server as if its process had gone: it accepts no more connections and closes the
    /// open ones (idle keep-alive ones at once). Returns once the port is closed.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = (&mut self.task).await;
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A POST to `path` with this site's own `Origin`, as a browser sends it.
    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.client.post(self.url(path)).header("origin", &self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What the actions of one test's app ran: each test's app has its own, in router state, so tests
/// running in parallel never see each other's runs.
#[derive(Clone, Default)]
pub struct Log(Arc<Mutex<Vec<String>>>);

impl Log {
    /// Records one run.
    pub fn record(&self, what: impl Into<String>) {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).push(what.into());
    }

    /// Every run so far, in order.
    pub fn runs(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }
}

/// What `tracing` events wrote while [`capture_log`]'s guard was held, as bytes.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// The captured log as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())).into_owned()
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures the log of everything this (current-thread) test runs, its server included, until
/// the guard drops.
pub fn capture_log() -> (Captured, tracing::subscriber::DefaultGuard) {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    (captured, tracing::subscriber::set_default(subscriber))
}
