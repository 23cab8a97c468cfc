//! The same app on PostgreSQL: the test starts Debian's PostgreSQL server on 127.0.0.1 in a
//! temporary directory (as the `postgres` user, since the server refuses to run as root), points
//! `DATABASE_URL`-style at it, walks create, edit, search, mark paid, upload and delete, and stops
//! the server it started.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use example_invoices::actions::{create_invoice, delete_invoice, mark_paid, update_invoice};
use support::{App, bound_for, id_from, invoice, pairs};

/// A PostgreSQL server started by this test, stopped when dropped.
struct Postgres {
    bin: PathBuf,
    data: tempfile::TempDir,
    port: u16,
}

impl Postgres {
    fn start() -> Postgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| versions.filter_map(Result::ok).map(|v| v.path().join("bin")).find(|b| b.join("pg_ctl").exists()))
            .expect("PostgreSQL server binaries not found under /usr/lib/postgresql: scripts/test.sh installs Debian's `postgresql`");
        let data = tempfile::Builder::new().prefix("formaction-pg").tempdir().expect("temp dir");
        let owner = uid_gid("postgres");
        std::os::unix::fs::chown(data.path(), Some(owner.0), Some(owner.1))
            .expect("chown the data dir to postgres");
        let port = {
            let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
            listener.local_addr().expect("address").port()
        };
        let cluster = data.path().join("cluster");
        run_as_postgres(
            &bin.join("initdb"),
            &["-D", path(&cluster), "-A", "trust", "-U", "postgres", "--no-sync"],
        );
        let options =
            format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off", path(data.path()));
        let log = data.path().join("server.log");
        run_as_postgres(
            &bin.join("pg_ctl"),
            &["-D", path(&cluster), "-o", &options, "-l", path(&log), "-w", "start"],
        );
        Postgres { bin, data, port }
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let cluster = self.data.path().join("cluster");
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join("pg_ctl"))
            .args(["-D", path(&cluster), "-m", "immediate", "stop"])
            .status();
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn uid_gid(user: &str) -> (u32, u32) {
    let passwd = std::fs::read_to_string("/etc/passwd").expect("/etc/passwd");
    let line = passwd
        .lines()
        .find(|line| line.split(':').next() == Some(user))
        .unwrap_or_else(|| panic!("no `{user}` user: install Debian's `postgresql` (scripts/test.sh does)"));
    let fields: Vec<&str> = line.split(':').collect();
    (fields[2].parse().expect("uid"), fields[3].parse().expect("gid"))
}

fn run_as_postgres(program: &Path, args: &[&str]) {
    let output = Command::new("runuser")
        .args(["-u", "postgres", "--"])
        .arg(program)
        .args(args)
        .output()
        .expect("run a PostgreSQL command with runuser (the tests run as root)");
    assert!(
        output.status.success(),
        "{} failed: {}{}",
        program.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_works_on_postgresql() {
    let server = Postgres::start();
    let app = App::start(&server.url()).await;

    let new = format!("/invoices/new{}", create_invoice::bind().url());
    let created = app.post_form(&new, &pairs(&invoice("INV-0001"))).await;
    assert_eq!(created.status(), 303);
    let id = id_from(&created);
    let stored = app.db.get(id).await.unwrap().unwrap();
    assert_eq!(
        (stored.customer.as_str(), stored.amount_cents, stored.urgent, stored.items.len()),
        ("Ada Lovelace", 12050, true, 2)
    );

    let taken = app.post_form(&new, &pairs(&invoice("INV-0001"))).await;
    assert_eq!(taken.status(), 422, "the unique constraint is a field error on PostgreSQL too");
    assert!(taken.text().await.unwrap().contains("INV-0001 is already taken"));

    let (_, edit) = app.get(&format!("/invoices/{id}/edit")).await;
    let action = update_invoice::bind(id).url();
    let mut fields = invoice("INV-0002");
    fields.push(("$bound", bound_for(&edit, &action)));
    let saved = app.post_form(&format!("/invoices/{id}/edit{action}"), &pairs(&fields)).await;
    assert_eq!(saved.status(), 303);
    assert_eq!(app.db.get(id).await.unwrap().unwrap().number, "INV-0002");

    // PostgreSQL's text cannot hold a NUL character: the form refuses it (422) before the insert
    // would fail (a 500).
    let mut nul = invoice("INV-0009");
    nul.iter_mut().find(|(name, _)| *name == "notes").unwrap().1 = "before\0after".to_owned();
    let refused = app.post_form(&new, &pairs(&nul)).await;
    assert_eq!(refused.status(), 422);
    assert!(refused.text().await.unwrap().contains("Must not contain control characters"));
    assert_eq!(app.db.count().await.unwrap(), 1);

    let (_, found) = app.get("/invoices?q=inv-0002").await;
    assert!(found.contains("INV-0002"));

    let mut form = reqwest::multipart::Form::new();
    for (name, value) in invoice("INV-0003") {
        form = form.text(name, value);
    }
    let png = b"\x89PNG\r\n\x1a\n\x00\x01\x02binary\r\n--".to_vec();
    let part =
        reqwest::multipart::Part::bytes(png.clone()).file_name("logo.png").mime_str("image/png").unwrap();
    let uploaded = app
        .client
        .post(app.url(&new))
        .header("origin", &app.base)
        .multipart(form.part("attachment", part))
        .send()
        .await
        .unwrap();
    assert_eq!(uploaded.status(), 303);
    let with_file = id_from(&uploaded);
    let bytes = app
        .client
        .get(app.url(&format!("/invoices/{with_file}/attachment")))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(bytes.as_ref(), png.as_slice());

    let (_, show) = app.get(&format!("/invoices/{id}")).await;
    let paid = mark_paid::bind(id).url();
    let response =
        app.post_form(&format!("/invoices/{id}{paid}"), &[("$bound", &bound_for(&show, &paid))]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(app.db.get(id).await.unwrap().unwrap().status, "paid");
    let delete = delete_invoice::bind(id).url();
    let response =
        app.post_form(&format!("/invoices/{id}{delete}"), &[("$bound", &bound_for(&show, &delete))]).await;
    assert_eq!(response.status(), 303);
    assert!(app.db.get(id).await.unwrap().is_none());
    assert_eq!(app.db.count().await.unwrap(), 1);
}

/// Once only on PostgreSQL: two instances (each with its own pool and store on the same
/// database) receive the same rendered form at the same moment; one invoice, the same answer.
#[tokio::test(flavor = "multi_thread")]
async fn a_form_sent_to_two_instances_at_once_creates_one_invoice_on_postgresql() {
    let server = Postgres::start();
    let (a, b) = (App::start(&server.url()).await, App::start(&server.url()).await);
    let new = format!("/invoices/new{}", create_invoice::bind().url());
    for round in 0..10 {
        let (_, html) = a.get("/invoices/new").await;
        let marker = r#"name="$once" value=""#;
        let at = html.find(marker).expect("the form's one-time token") + marker.len();
        let mut fields = invoice(&format!("INV-{round:04}"));
        fields.push(("$once", html[at..].split('"').next().unwrap().to_owned()));
        let sent = pairs(&fields);
        let (first, second) = tokio::join!(a.post_form(&new, &sent), b.post_form(&new, &sent));
        assert_eq!(first.status(), 303, "round {round}");
        assert_eq!(first.headers().get("location"), second.headers().get("location"), "round {round}");
        assert_eq!(
            first.headers().get_all("set-cookie").iter().collect::<Vec<_>>(),
            second.headers().get_all("set-cookie").iter().collect::<Vec<_>>()
        );
        assert_eq!(a.db.count().await.unwrap(), round + 1, "round {round}");
    }
    // Sent again later with other values, to the other instance: 409, the values kept.
    let (_, html) = a.get("/invoices/new").await;
    let marker = r#"name="$once" value=""#;
    let at = html.find(marker).unwrap() + marker.len();
    let mut fields = invoice("INV-0100");
    fields.push(("$once", html[at..].split('"').next().unwrap().to_owned()));
    assert_eq!(a.post_form(&new, &pairs(&fields)).await.status(), 303);
    fields.iter_mut().find(|(name, _)| *name == "customer").unwrap().1 = "Grace Hopper".to_owned();
    let resent = b.post_form(&new, &pairs(&fields)).await;
    assert_eq!(resent.status(), 409);
    assert!(resent.text().await.unwrap().contains(r#"value="Grace Hopper""#));
    assert_eq!(a.db.count().await.unwrap(), 11);
}
