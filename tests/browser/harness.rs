//! The browser side of the browser tests: chromedriver as a child process of the test, a headless
//! Chromium session with JavaScript on or off, and [`run`], which gives each test its own app,
//! database file and browser, bounds it in time, and keeps a screenshot when it fails.

use std::any::Any;
use std::future::Future;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use crate::app::App;

/// The longest a whole test may take, browser start included.
const TEST_TIMEOUT: Duration = Duration::from_secs(90);
/// The longest a test waits for one thing to show up in the page.
pub(crate) const WAIT: Duration = Duration::from_secs(15);
/// The size of the browser window (and so of every screenshot).
pub(crate) const WINDOW: (u32, u32) = (900, 1200);

/// Whether the session runs the pages' scripts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Js {
    /// Chrome's content setting blocks every page script (WebDriver's own scripts still run).
    Off,
    /// A plain browser.
    On,
}

/// The repository's root (the parent of this crate).
pub(crate) fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is inside the repository")
        .to_owned()
}

/// Where failing tests leave their screenshot and page source.
pub(crate) fn artifacts_dir() -> PathBuf {
    repo_root().join("target").join("browser-artifacts")
}

/// A program the tests need: `$env` when set, else `name` in /usr/bin or on the `PATH`. Missing is a
/// failure that says how to install it, never a skipped test.
fn program(env: &str, name: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(env) {
        let path = PathBuf::from(path);
        assert!(path.is_file(), "{env} names {}, which is not a file", path.display());
        return path;
    }
    let usr_bin = Path::new("/usr/bin").join(name);
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths).map(|dir| dir.join(name)).find(|path| path.is_file())
    });
    match (usr_bin.is_file(), on_path) {
        (true, _) => usr_bin,
        (false, Some(path)) => path,
        (false, None) => panic!(
            "the browser tests need `{name}`, which is not installed (nor named by ${env}): \
             run scripts/browser-deps.sh, which installs Debian's chromium and chromium-driver"
        ),
    }
}

/// A port nobody listens on right now.
pub(crate) fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local address").port()
}

/// A chromedriver started by this test, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver on a free port and waits until it says it is ready.
    async fn start() -> Driver {
        let path = program("CHROMEDRIVER", "chromedriver");
        let port = free_port();
        let child = Command::new(&path)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("could not start {}: {error}", path.display()));
        let mut driver = Driver { child, url: format!("http://127.0.0.1:{port}") };
        let http = reqwest::Client::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let status = http.get(format!("{}/status", driver.url)).send().await;
            if let Ok(response) = status
                && let Ok(body) = response.json::<Value>().await
                && body["value"]["ready"] == true
            {
                return driver;
            }
            if let Ok(Some(exit)) = driver.child.try_wait() {
                panic!("{} exited before answering ({exit})", path.display());
            }
            assert!(
                Instant::now() < deadline,
                "{} did not answer on port {port} within 20 s",
                path.display()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// A new headless Chromium session, with its own empty profile in `profile`.
    async fn session(&self, js: Js, profile: &Path) -> Client {
        let chromium = program("CHROMIUM", "chromium");
        let mut options = json!({
            "binary": chromium,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--lang=en-US",
                "--hide-scrollbars",
                format!("--window-size={},{}", WINDOW.0, WINDOW.1),
                format!("--user-data-dir={}", profile.display()),
            ],
        });
        if js == Js::Off {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert("goog:chromeOptions".into(), options);
        capabilities
            .insert("timeouts".into(), json!({ "pageLoad": 20_000, "script": 20_000, "implicit": 0 }));
        let connect =
            ClientBuilder::new(HttpConnector::new()).capabilities(capabilities).connect(&self.url).await;
        match connect {
            Ok(client) => client,
            Err(error) => panic!("chromedriver could not start {}: {error}", chromium.display()),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Only the chromedriver this test started, by its handle.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs one browser test: its own chromedriver, browser (JavaScript as `js` says, checked on a
/// probe page first), app and SQLite file. When the test panics or takes longer than
/// [`TEST_TIMEOUT`], a screenshot and the page source go to `target/browser-artifacts/<name>.*`.
pub(crate) async fn run<F, Fut>(name: &str, js: Js, test: F)
where
    F: FnOnce(Tab) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let driver = Driver::start().await;
    let profile = tempfile::tempdir().expect("a temporary browser profile");
    let client = tokio::time::timeout(Duration::from_secs(40), driver.session(js, profile.path()))
        .await
        .expect("Chromium did not start within 40 s");
    let tab = Tab { client: client.clone(), js, app: Arc::new(App::start().await) };
    let probe = tab.clone();
    let body = test(tab);
    let mut task = tokio::spawn(async move {
        probe.assert_javascript().await;
        body.await;
    });
    let failure = match tokio::time::timeout(TEST_TIMEOUT, &mut task).await {
        Ok(Ok(())) => None,
        Ok(Err(error)) if error.is_panic() => Some(panic_message(error.into_panic())),
        Ok(Err(error)) => Some(format!("the test's task failed: {error}")),
        Err(_) => {
            task.abort();
            Some(format!("the test took longer than {TEST_TIMEOUT:?}"))
        }
    };
    let kept = keep_artifacts(&client, name, failure.is_some()).await;
    let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
    drop(driver);
    drop(profile);
    if let Some(message) = failure {
        panic!("browser test `{name}` ({js:?}) failed: {message}\n{kept}");
    }
}

fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(payload) => {
            payload.downcast_ref::<&str>().map_or("(a panic without a message)", |m| m).to_owned()
        }
    }
}

/// On failure, saves the screenshot and the page source; on success, removes those of an earlier
/// failure. Says what it kept.
async fn keep_artifacts(client: &Client, name: &str, failed: bool) -> String {
    let dir = artifacts_dir();
    let png = dir.join(format!("{name}.png"));
    let html = dir.join(format!("{name}.html"));
    if !failed {
        let _ = std::fs::remove_file(&png);
        let _ = std::fs::remove_file(&html);
        return String::new();
    }
    if let Err(error) = std::fs::create_dir_all(&dir) {
        return format!("(could not create {}: {error})", dir.display());
    }
    let mut kept = Vec::new();
    if let Ok(Ok(bytes)) = tokio::time::timeout(Duration::from_secs(10), client.screenshot()).await
        && std::fs::write(&png, bytes).is_ok()
    {
        kept.push(png.display().to_string());
    }
    if let Ok(Ok(source)) = tokio::time::timeout(Duration::from_secs(10), client.source()).await
        && std::fs::write(&html, source).is_ok()
    {
        kept.push(html.display().to_string());
    }
    if kept.is_empty() {
        "(no screenshot could be taken)".to_owned()
    } else {
        format!("kept: {}", kept.join(", "))
    }
}

/// Polls `probe` every 50 ms until it gives a value; panics after [`WAIT`], naming `what`.
pub(crate) async fn eventually<T, F, Fut>(what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(Instant::now() < deadline, "waited {WAIT:?} for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// One test's browser and app.
#[derive(Clone)]
pub(crate) struct Tab {
    /// The WebDriver session.
    pub(crate) client: Client,
    /// Whether pages run their scripts.
    pub(crate) js: Js,
    /// The invoices app (and the test-only pages), with its database.
    pub(crate) app: Arc<App>,
}

impl Tab {
    /// Opens `path` of the app and waits for it to load.
    pub(crate) async fn goto(&self, path: &str) {
        let url = self.app.server.url(path);
        self.client.goto(&url).await.unwrap_or_else(|error| panic!("could not open {url}: {error}"));
    }

    /// The current URL's path and query.
    pub(crate) async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("the current URL");
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// The element `css` matches; panics when there is none.
    pub(crate) async fn find(&self, css: &str) -> Element {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element,
            Err(error) => panic!("no element matches `{css}` on {}: {error}", self.path().await),
        }
    }

    /// Every element `css` matches.
    pub(crate) async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("find_all `{css}`: {error}"))
    }

    /// How many elements `css` matches.
    pub(crate) async fn count(&self, css: &str) -> usize {
        self.find_all(css).await.len()
    }

    /// The submit button of the invoice form (or any form) whose text is `label`.
    pub(crate) async fn button(&self, label: &str) -> Element {
        let xpath = format!("//button[normalize-space()='{label}']");
        match self.client.find(Locator::XPath(&xpath)).await {
            Ok(element) => element,
            Err(error) => panic!("no button `{label}` on {}: {error}", self.path().await),
        }
    }

    /// The HTTP status of the document shown (the navigation's, as the browser received it).
    pub(crate) async fn status(&self) -> u64 {
        let script = "const [nav] = performance.getEntriesByType('navigation'); return nav ? nav.responseStatus : null";
        match self.script(script).await.as_u64() {
            Some(status) => status,
            None => panic!("no status for the document of {}", self.path().await),
        }
    }

    /// The visible text of `css`.
    pub(crate) async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.unwrap_or_else(|error| panic!("text of `{css}`: {error}"))
    }

    /// The texts of everything `css` matches.
    pub(crate) async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.find_all(css).await {
            texts.push(element.text().await.unwrap_or_else(|error| panic!("text of `{css}`: {error}")));
        }
        texts
    }

    /// The current value of the control `css` (what the user typed, not the attribute).
    pub(crate) async fn value(&self, css: &str) -> String {
        self.find(css).await.prop("value").await.expect("value").unwrap_or_default()
    }

    /// The attribute `name` of `css`.
    pub(crate) async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.find(css)
            .await
            .attr(name)
            .await
            .unwrap_or_else(|error| panic!("attribute {name} of `{css}`: {error}"))
    }

    /// Whether the checkbox or radio `css` is checked.
    pub(crate) async fn is_checked(&self, css: &str) -> bool {
        self.find(css).await.is_selected().await.expect("is_selected")
    }

    /// Replaces the text of the control `css` with `text`, typed key by key.
    pub(crate) async fn fill(&self, css: &str, text: &str) {
        let element = self.find(css).await;
        element.clear().await.unwrap_or_else(|error| panic!("clear `{css}`: {error}"));
        if !text.is_empty() {
            element.send_keys(text).await.unwrap_or_else(|error| panic!("type into `{css}`: {error}"));
        }
    }

    /// Runs `script` in the page (WebDriver's script, which runs with the page's scripts off too).
    pub(crate) async fn script(&self, script: &str) -> Value {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap_or_else(|error| panic!("script `{script}`: {error}"))
    }

    /// Clicks `element` and waits until the browser has loaded another document (a form posted
    /// without JavaScript, or a redirect followed by the enhancement script).
    pub(crate) async fn click_and_load(&self, element: Element) {
        let old = self.client.find(Locator::Css("html")).await.expect("the document");
        element.click().await.expect("click");
        self.wait_for_new_document(&old).await;
    }

    /// Waits until `old` (an element of the previous document) is gone with its document, and the
    /// new one has loaded.
    pub(crate) async fn wait_for_new_document(&self, old: &Element) {
        eventually("a new document to load", || async { (!self.is_attached(old).await).then_some(()) }).await;
        eventually("the new document to finish loading", || async {
            (self.client.execute("return document.readyState", Vec::new()).await.ok()? == "complete")
                .then_some(())
        })
        .await;
    }

    /// Whether `element` still belongs to the page shown (no document was loaded since).
    pub(crate) async fn is_attached(&self, element: &Element) -> bool {
        let element = serde_json::to_value(element).expect("an element as JSON");
        match self.client.execute("return arguments[0].isConnected", vec![element]).await {
            Ok(connected) => connected == true,
            Err(error) if is_gone(&error) => false,
            Err(error) => panic!("element lookup failed: {error}"),
        }
    }

    /// Waits until `css` matches `count` elements.
    pub(crate) async fn wait_for_count(&self, css: &str, count: usize) {
        eventually(&format!("{count} elements matching `{css}`"), || async {
            (self.client.find_all(Locator::Css(css)).await.ok()?.len() == count).then_some(())
        })
        .await;
    }

    /// Waits until `css` matches something, and returns it.
    pub(crate) async fn wait_for(&self, css: &str) -> Element {
        eventually(&format!("an element matching `{css}`"), || async {
            self.client.find(Locator::Css(css)).await.ok()
        })
        .await
    }

    /// Checks that pages run their scripts exactly when the session says so, on a probe page whose
    /// inline script writes a marker and whose `<noscript>` shows only with scripts off.
    async fn assert_javascript(&self) {
        self.goto(crate::app::JS_PROBE).await;
        let marker = self.text("#js").await;
        let noscript = self.count("#noscript").await;
        match self.js {
            Js::Off => {
                assert_eq!(marker, "scripts did not run", "JavaScript should be off in this session");
                assert_eq!(noscript, 1, "<noscript> should be shown with JavaScript off");
            }
            Js::On => {
                assert_eq!(marker, "scripts ran", "JavaScript should be on in this session");
                assert_eq!(noscript, 0, "<noscript> should not be shown with JavaScript on");
            }
        }
    }

    /// Runs axe-core on the page and returns its violations, each as
    /// `{id, impact, help, nodes: [{target, html, summary}]}`.
    pub(crate) async fn axe_violations(&self) -> Vec<Value> {
        self.client.execute(&axe_source(), Vec::new()).await.expect("inject axe-core");
        if self.js == Js::Off {
            // With the page's scripts off, Chrome fires no timers, even for WebDriver's scripts;
            // promises still settle. axe-core only defers work with short timers (its long ones are
            // guards that never fire in a passing run, and preloading stylesheets is off here), so
            // those run as promise jobs and the long ones are dropped.
            let shim = "window.setTimeout = (f, ms, ...a) => { if (!(ms > 100)) Promise.resolve().then(() => f(...a)); return 0; };
                        window.clearTimeout = () => {};";
            self.client.execute(shim, Vec::new()).await.expect("timers for axe-core");
        }
        let run = r#"
            const [preload, done] = arguments;
            axe.run(document, { resultTypes: ["violations"], preload }).then(
              (result) => done(result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
              }))),
              (error) => done({ error: String(error) }),
            );
        "#;
        let result =
            self.client.execute_async(run, vec![json!(self.js == Js::On)]).await.expect("run axe-core");
        match result {
            Value::Array(violations) => violations,
            other => panic!("axe-core failed: {other}"),
        }
    }

    /// Asserts that axe-core finds nothing on the page, `when` saying which state it is in.
    pub(crate) async fn assert_accessible(&self, when: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core found {} violation(s) on {} ({when}, JavaScript {:?}):\n{}",
            violations.len(),
            self.path().await,
            self.js,
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        );
    }
}

/// Whether `error` says the element is gone: from an earlier document, or removed from this one.
fn is_gone(error: &CmdError) -> bool {
    error.is_stale_element_reference()
        || error.is_no_such_element()
        || error.to_string().contains("does not belong to the document")
}

/// axe-core's script, installed by scripts/browser-deps.sh (or named by `$AXE_CORE_JS`).
fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS").map(PathBuf::from).unwrap_or_else(|| {
        repo_root().join("target").join("npm").join("node_modules").join("axe-core").join("axe.min.js")
    });
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "the browser tests need axe-core at {} ({error}): run scripts/browser-deps.sh, which installs it \
             from the npm registry",
            path.display()
        )
    })
}
