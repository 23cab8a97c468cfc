//! The README's 30-second tour, done as a newcomer does it: its code copied into a fresh binary
//! crate, built, run, and its page asked for over HTTP on 127.0.0.1.
//!
//! How the tour's blocks make the crate (the README's section "The 30-second tour", up to the
//! next `## ` heading):
//!
//! - its one `toml` block is the `[dependencies]` of `Cargo.toml`, with `formaction` pointed at
//!   this workspace's `runtime/` (the crate is not fetched from a registry);
//! - its `rust` blocks, in order, are `src/main.rs`;
//! - its one `html` block is the template the code's `#[template(path = "...")]` names, under
//!   `templates/`.
//!
//! The crate builds offline with this workspace's `Cargo.lock` (the same versions), into
//! `target/tmp/readme-tour` (so its dependencies are built once, then reused), with warnings denied.
//! The binary runs with `PORT=0` and prints the URL it listens on; the test asks for the page,
//! submits the form invalid then valid, and kills the process it started, whatever happens.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The longest a build may take: the first one compiles every dependency (axum, tokio, askama,
/// validator, ...) on a busy machine; later ones only the tour.
const BUILD_DEADLINE: Duration = Duration::from_secs(20 * 60);
/// The longest the binary may take to say where it listens.
const START_DEADLINE: Duration = Duration::from_secs(60);

/// The workspace's root: the parent of this crate's folder.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The tour's fenced blocks, by language, in order.
struct Tour {
    toml: Vec<String>,
    rust: Vec<String>,
    html: Vec<String>,
}

fn tour(readme: &str) -> Tour {
    let start =
        readme.find("\n## The 30-second tour\n").expect("the README has a section `## The 30-second tour`");
    let rest = &readme[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |end| end + 3);
    let section = &rest[..end];
    let mut tour = Tour { toml: Vec::new(), rust: Vec::new(), html: Vec::new() };
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        let Some(language) = line.strip_prefix("```") else { continue };
        let mut block = String::new();
        for line in lines.by_ref() {
            if line.starts_with("```") {
                break;
            }
            block.push_str(line);
            block.push('\n');
        }
        match language.trim() {
            "toml" => tour.toml.push(block),
            "rust" => tour.rust.push(block),
            "html" => tour.html.push(block),
            other => panic!("the tour has a ```{other} block, which is neither toml, rust nor html"),
        }
    }
    tour
}

/// The tour's dependencies with `formaction` at `runtime`: `formaction = "0.1"` becomes a path,
/// and an inline table gets the path beside what it says.
fn dependencies(toml: &str, runtime: &Path) -> String {
    let path = format!("path = {:?}", runtime.display().to_string());
    let mut found = false;
    let lines: Vec<String> = toml
        .lines()
        .map(|line| {
            let Some(value) = line.strip_prefix("formaction =").map(str::trim) else {
                return line.to_owned();
            };
            found = true;
            match value.strip_prefix('{') {
                Some(table) => format!("formaction = {{ {path}, {}", table.trim_start()),
                None => format!("formaction = {{ {path} }}"),
            }
        })
        .collect();
    assert!(found, "the tour's dependencies name no `formaction`:\n{toml}");
    lines.join("\n") + "\n"
}

/// The crate a newcomer makes from the tour, in `dir`.
fn write_crate(dir: &Path, tour: &Tour) {
    let [toml] = tour.toml.as_slice() else {
        panic!("the tour needs exactly one ```toml block (its [dependencies]), found {}", tour.toml.len())
    };
    assert!(
        toml.trim_start().starts_with("[dependencies]"),
        "the tour's toml block starts with [dependencies]:\n{toml}"
    );
    assert!(!tour.rust.is_empty(), "the tour has no ```rust block");
    let main = tour.rust.join("\n");
    let manifest = format!(
        "[package]\nname = \"readme-tour\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # A workspace of its own, wherever the folder is.\n[workspace]\n\n{}",
        dependencies(toml, &workspace().join("runtime"))
    );
    std::fs::create_dir_all(dir.join("src")).expect("src/ made");
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("Cargo.toml written");
    std::fs::write(dir.join("src/main.rs"), &main).expect("main.rs written");
    std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock")).expect("Cargo.lock copied");

    let paths: Vec<&str> = main
        .split("#[template(path = \"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default())
        .collect();
    match (paths.as_slice(), tour.html.as_slice()) {
        ([], []) => {}
        ([path], [html]) => {
            let file = dir.join("templates").join(path);
            std::fs::create_dir_all(file.parent().expect("a template has a folder"))
                .expect("templates/ made");
            std::fs::write(file, html).expect("template written");
        }
        _ => panic!(
            "the tour has {} ```html block(s) for {} #[template(path = ...)]: one template, one block",
            tour.html.len(),
            paths.len()
        ),
    }
}

/// A process this test started, killed (and reaped) when dropped, whatever happened.
struct Started(Child);

impl Drop for Started {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Runs `command` to its end within `deadline`, with its stderr; panics with it when it fails.
fn run(mut command: Command, deadline: Duration, what: &str) {
    let mut child =
        Started(command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn().expect("cargo runs"));
    // Read on a thread, so that a chatty build never blocks on a full pipe.
    let mut stderr = child.0.stderr.take().expect("stderr piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("the build can be waited for") {
            break status;
        }
        assert!(started.elapsed() < deadline, "{what} took longer than {deadline:?}");
        std::thread::sleep(Duration::from_millis(200));
    };
    let stderr = reader.join().unwrap_or_default();
    assert!(status.success(), "{what} failed ({status}):\n{stderr}");
}

#[test]
fn the_tour_builds_as_written_and_serves_its_page() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md read");
    let tour_at = readme.find("\n## The 30-second tour\n").expect("a tour");
    let commands_at = readme.find("\n## The two commands\n").expect("the two commands");
    assert!(tour_at < commands_at, "the README shows the tour first, then the two commands");

    let dir = tempfile::tempdir().expect("a temporary folder");
    write_crate(dir.path(), &tour(&readme));

    // Under this workspace's target, so that each run reuses the dependencies the first built.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-tour");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(&cargo);
    build
        .args(["build", "--offline", "--quiet", "--manifest-path"])
        .arg(dir.path().join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", &target)
        // The tour must build without a warning, as a newcomer would want it.
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        // A plain build, even when the tests run under a wrapper (clippy's, say).
        .env_remove("RUSTC_WORKSPACE_WRAPPER");
    run(build, BUILD_DEADLINE, "building the README's tour");

    let binary = target.join("debug").join(format!("readme-tour{}", std::env::consts::EXE_SUFFIX));
    let mut run = Command::new(&binary);
    // The defaults a newcomer gets: none of this machine's FORMACTION_* settings.
    for (name, _) in std::env::vars_os() {
        if name.to_string_lossy().starts_with("FORMACTION_") {
            run.env_remove(name);
        }
    }
    let mut server = Started(
        run.current_dir(dir.path())
            .env("PORT", "0")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the tour's binary runs"),
    );
    let stdout = server.0.stdout.take().expect("stdout piped");
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    // The first line that names where it listens: http://127.0.0.1:<port>/...
    let started = Instant::now();
    let url = loop {
        let left = START_DEADLINE.saturating_sub(started.elapsed());
        let line = lines.recv_timeout(left).expect("the tour's binary prints the URL it listens on");
        if let Some(url) = line.split_whitespace().find(|word| word.starts_with("http://127.0.0.1:")) {
            break url.to_owned();
        }
    };

    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
        .block_on(async { tokio::time::timeout(Duration::from_secs(60), ask(&url)).await })
        .expect("the page answered within a minute");
    drop(server);
}

/// What a browser does with the tour's page: reads it, submits the form invalid, then valid.
async fn ask(url: &str) {
    let client =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("a client");
    let page = client.get(url).send().await.expect("the page answers");
    assert_eq!(page.status(), 200);
    assert_eq!(page.headers()["content-type"], "text/html; charset=utf-8");
    let html = page.text().await.expect("a body");
    for expected in [
        r#"method="post" action="?_action=create_invoice."#,
        r#"<input type="hidden" name="$bound" value=""#,
        r#"name="customer""#,
        r#"type="email""#,
        r#"name="amount""#,
        r#"type="checkbox""#,
        r#"<button type="submit">"#,
    ] {
        assert!(html.contains(expected), "the page has `{expected}`:\n{html}");
    }
    assert!(!html.contains("&#60;form"), "the form is markup, not escaped text:\n{html}");

    let between =
        |start: &str| html.split(start).nth(1).and_then(|rest| rest.split('"').next()).unwrap_or_default();
    let action = format!("{url}{}", between(r#"action=""#));
    let sealed = between(r#"name="$bound" value=""#).to_owned();
    let origin = url.split('/').take(3).collect::<Vec<_>>().join("/");
    let post = |fields: String| {
        client
            .post(&action)
            .header("origin", &origin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("{fields}&%24bound={sealed}"))
            .send()
    };

    let invalid = post("customer=&email=nope&amount=0".to_owned()).await.expect("an answer");
    assert_eq!(invalid.status(), 422);
    let html = invalid.text().await.expect("a body");
    assert!(
        html.contains("Enter the customer&#39;s name") || html.contains("Enter the customer's name"),
        "{html}"
    );
    assert!(html.contains(r#"name="email" value="nope""#), "{html}");

    let valid =
        post("customer=Ada&email=ada%40example.com&amount=12.50".to_owned()).await.expect("an answer");
    assert_eq!(valid.status(), 303);
    let location = valid.headers()["location"].to_str().expect("a location").to_owned();
    let cookie = valid.headers()["set-cookie"]
        .to_str()
        .expect("a cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    let next = client
        .get(format!("{origin}{location}"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("the next page");
    assert_eq!(next.status(), 200);
    let html = next.text().await.expect("a body");
    assert!(html.contains("Invoice 1 created"), "the flash shows on the page the redirect leads to:\n{html}");
}
