//! A load run against the invoices app on 127.0.0.1 that checks nothing is lost.
//!
//! `--connections` clients create invoices through the JavaScript-off path (urlencoded POST of the
//! new-invoice form) for `--seconds`, in a fixed mix: `--invalid` percent of the submissions break
//! a rule (422 expected, nothing stored), `--abandon` percent are posts the client abandons midway
//! (raw TCP: the headers and part of the body, then the connection closed, or half-closed to read
//! what the server says; nothing stored), and the rest are valid (303 expected, one row stored).
//!
//! Every request carries a unique marker in the invoice's `notes`, so after each round the run
//! reads the database back and checks exactly: no 5xx and no unexpected answer, every 303 has its
//! row (the id of its `Location`, with its marker and both line items), no row without a 303, no
//! marker stored twice, no row for an invalid or an abandoned post.
//!
//! Run with: `cargo run --release -p bench-invoices-load -- --connections 64 --seconds 60`
//! (`benches/invoices-load/run.sh` runs SQLite, then PostgreSQL on a server it starts).
//!
//! The invoice number pattern (`INV-` and four digits) allows 9,999 invoices per database, which
//! this machine creates in a few seconds; so the run goes in rounds, each on a fresh database, until
//! the time is up, and checks every round. SQLite (the default, `--database sqlite`): a fresh file
//! per round in a temporary directory. PostgreSQL (`--database postgres://user@host:port/db`, any
//! database the user may connect to): each round creates its own database on that server, and the
//! run drops them at the end.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use example_invoices::Db;
use example_invoices::actions::create_invoice;
use sqlx::Row;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// `INV-0001` to `INV-9999`.
const MAX_NUMBERS: u32 = 9_999;
/// How long one request may take before it counts as failed.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

type Error = Box<dyn std::error::Error + Send + Sync>;

struct Options {
    connections: usize,
    seconds: u64,
    database: Option<String>,
    invalid_percent: u64,
    abandon_percent: u64,
}

fn options() -> Result<Options, String> {
    let mut options =
        Options { connections: 64, seconds: 60, database: None, invalid_percent: 20, abandon_percent: 5 };
    let mut args = std::env::args().skip(1);
    let usage =
        "--connections N --seconds N --database sqlite|postgres://... --invalid PERCENT --abandon PERCENT";
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |name: &str| value.parse::<u64>().map_err(|_| format!("{name} takes a number"));
        match flag.as_str() {
            "--connections" => options.connections = number("--connections")? as usize,
            "--seconds" => options.seconds = number("--seconds")?,
            "--invalid" => options.invalid_percent = number("--invalid")?,
            "--abandon" => options.abandon_percent = number("--abandon")?,
            "--database" if value == "sqlite" => options.database = None,
            "--database" if value.starts_with("postgres://") || value.starts_with("postgresql://") => {
                options.database = Some(value)
            }
            "--database" => {
                return Err(format!("--database takes `sqlite` or a postgres:// URL, not `{value}`"));
            }
            other => return Err(format!("unknown flag {other}: {usage}")),
        }
    }
    if options.connections == 0 || options.connections > 1024 {
        return Err("--connections takes 1 to 1024".to_owned());
    }
    if options.seconds == 0 || options.seconds > 3600 {
        return Err("--seconds takes 1 to 3600".to_owned());
    }
    if options.invalid_percent + options.abandon_percent > 100 {
        return Err("--invalid and --abandon add up to more than 100".to_owned());
    }
    Ok(options)
}

/// What a submission is meant to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// Every rule passes: 303 and one row.
    Valid,
    /// A rule is broken: 422, the values kept, no row.
    Invalid,
    /// The client closes the connection before the body is complete: no row.
    Abandoned,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Valid, Kind::Invalid, Kind::Abandoned];

    /// The kind of request number `sequence`: within every 100 consecutive requests exactly
    /// `abandon` are abandoned and `invalid` invalid, spread out (37 is coprime with 100, so
    /// `sequence * 37 % 100` visits every slot once per hundred).
    fn of(sequence: u64, invalid: u64, abandon: u64) -> Kind {
        let slot = sequence * 37 % 100;
        if slot < abandon {
            Kind::Abandoned
        } else if slot < abandon + invalid {
            Kind::Invalid
        } else {
            Kind::Valid
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Valid => "valid",
            Kind::Invalid => "invalid",
            Kind::Abandoned => "abandoned",
        }
    }
}

/// What happened to one request.
struct Record {
    kind: Kind,
    marker: String,
    /// The answer's status; `None` when there was none (an abandoned post closed at once, or a
    /// failure).
    status: Option<u16>,
    /// The invoice id of a 303's `Location`.
    id: Option<i64>,
    /// A transport failure or an answer that is not what the kind expects.
    problem: Option<String>,
    latency_us: u64,
}

/// Two line items, so that a stored invoice without both of them shows a write torn apart.
const ITEMS: &str = "&items%5B0%5D.description=Work&items%5B0%5D.quantity=3&items%5B0%5D.price=33.3\
                     &items%5B1%5D.description=Travel&items%5B1%5D.quantity=1&items%5B1%5D.price=0.05";

fn valid_body(number: u32, marker: &str) -> String {
    format!(
        "notes={marker}&number=INV-{number:04}&customer=Load+Test&email=load%40example.com&amount=99.95\
         &status=pending&tags=billing{ITEMS}"
    )
}

/// Four ways to break the form's rules, each with the marker in `notes`.
fn invalid_body(sequence: u64, marker: &str) -> String {
    let base = "customer=Load+Test&email=load%40example.com&amount=99.95&status=pending";
    match sequence % 4 {
        0 => format!(
            "notes={marker}&number=INV-0000&customer=Load+Test&email=not-an-email&amount=5&status=pending{ITEMS}"
        ),
        1 => format!(
            "notes={marker}&number=INV-0000&customer=Load+Test&email=load%40example.com&amount=0&status=pending{ITEMS}"
        ),
        2 => format!("notes={marker}&number=INV-12&{base}{ITEMS}"),
        _ => format!(
            "notes={marker}&number=INV-0000&customer=&email=load%40example.com&amount=1&status=pending"
        ),
    }
}

/// What the clients of one round share.
struct Shared {
    client: reqwest::Client,
    addr: SocketAddr,
    target: String,
    path: String,
    origin: String,
    round: u32,
    sequence: AtomicU64,
    numbers: AtomicU32,
    out_of_numbers: AtomicBool,
    deadline: Instant,
    invalid_percent: u64,
    abandon_percent: u64,
}

async fn client_loop(shared: Arc<Shared>) -> Vec<Record> {
    let mut records = Vec::new();
    while Instant::now() < shared.deadline && !shared.out_of_numbers.load(Ordering::Relaxed) {
        let sequence = shared.sequence.fetch_add(1, Ordering::Relaxed);
        let kind = Kind::of(sequence, shared.invalid_percent, shared.abandon_percent);
        let marker = format!("load-{}-{sequence}", shared.round);
        let body = match kind {
            Kind::Invalid => invalid_body(sequence, &marker),
            Kind::Valid | Kind::Abandoned => {
                let number = shared.numbers.fetch_add(1, Ordering::Relaxed) + 1;
                if number > MAX_NUMBERS {
                    shared.out_of_numbers.store(true, Ordering::Relaxed);
                    break;
                }
                valid_body(number, &marker)
            }
        };
        let sent = Instant::now();
        let mut record = match kind {
            Kind::Abandoned => abandon(&shared, &body, sequence).await,
            Kind::Valid | Kind::Invalid => submit(&shared, body, kind, &marker).await,
        };
        record.latency_us = sent.elapsed().as_micros() as u64;
        record.marker = marker;
        records.push(record);
    }
    records
}

fn record(kind: Kind) -> Record {
    Record { kind, marker: String::new(), status: None, id: None, problem: None, latency_us: 0 }
}

/// A form POST as a browser with JavaScript off sends it.
async fn submit(shared: &Shared, body: String, kind: Kind, marker: &str) -> Record {
    let mut out = record(kind);
    let response = shared
        .client
        .post(&shared.target)
        .header("origin", &shared.origin)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .timeout(REQUEST_TIMEOUT)
        .send()
        .await;
    let response = match response {
        Ok(response) => response,
        Err(error) => {
            out.problem = Some(format!("no answer: {error}"));
            return out;
        }
    };
    let status = response.status().as_u16();
    out.status = Some(status);
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_owned);
    let text = response.text().await;
    match (kind, status) {
        (Kind::Valid, 303) => {
            out.id =
                location.as_deref().and_then(|l| l.strip_prefix("/invoices/")).and_then(|id| id.parse().ok());
            if out.id.is_none() {
                out.problem = Some(format!("303 without an invoice Location: {location:?}"));
            }
        }
        (Kind::Invalid, 422) => match text {
            // The page again with every value kept: the marker is in the notes field.
            Ok(page) if page.contains(marker) => {}
            Ok(_) => out.problem = Some("422 page without the submitted values".to_owned()),
            Err(error) => out.problem = Some(format!("422 page not read: {error}")),
        },
        (kind, status) => out.problem = Some(format!("{} submission answered {status}", kind.name())),
    }
    out
}

/// A post abandoned midway on its own connection: the headers announce the whole body, the client
/// sends a prefix that is itself a complete valid form (so a server that acted on a partial body
/// would store a row), waits a moment so the server is reading, and then either closes the
/// connection (even sequence numbers) or half-closes it and reads what the server answers (odd).
async fn abandon(shared: &Shared, body: &str, sequence: u64) -> Record {
    let mut out = record(Kind::Abandoned);
    let rest = "&items%5B2%5D.description=Never+sent&items%5B2%5D.quantity=1&items%5B2%5D.price=1";
    let head = format!(
        "POST {} HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\n\r\n",
        shared.path,
        shared.addr,
        shared.origin,
        body.len() + rest.len()
    );
    let attempt = async {
        let mut stream = tokio::net::TcpStream::connect(shared.addr).await?;
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body.as_bytes()).await?;
        stream.flush().await?;
        tokio::time::sleep(Duration::from_millis(2)).await;
        if sequence.is_multiple_of(2) {
            drop(stream);
            return Ok::<_, std::io::Error>(None);
        }
        stream.shutdown().await?;
        let mut answer = Vec::new();
        // The server may answer (400: the body could not be read) or just close.
        match stream.read_to_end(&mut answer).await {
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => {}
            Err(error) => return Err(error),
        }
        let status = std::str::from_utf8(&answer)
            .ok()
            .and_then(|text| text.strip_prefix("HTTP/1.1 "))
            .and_then(|text| text.get(..3))
            .and_then(|code| code.parse::<u16>().ok());
        Ok(status)
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, attempt).await {
        Ok(Ok(status)) => {
            out.status = status;
            if let Some(status) = status.filter(|status| *status != 400) {
                out.problem = Some(format!("abandoned post answered {status}"));
            }
        }
        Ok(Err(error)) => out.problem = Some(format!("abandoned post failed: {error}")),
        Err(_) => out.problem = Some("abandoned post: no end within the timeout".to_owned()),
    }
    out
}

/// Where each round's fresh database lives.
enum Store {
    Sqlite(tempfile::TempDir),
    Postgres { admin: sqlx::AnyPool, url: String, created: Vec<String> },
}

impl Store {
    async fn new(database: Option<&str>) -> Result<Store, Error> {
        sqlx::any::install_default_drivers();
        match database {
            None => Ok(Store::Sqlite(tempfile::tempdir()?)),
            Some(url) => {
                let admin = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(url).await?;
                Ok(Store::Postgres { admin, url: url.to_owned(), created: Vec::new() })
            }
        }
    }

    /// The URL of a fresh, empty database for `round`.
    async fn fresh(&mut self, round: u32) -> Result<String, Error> {
        match self {
            Store::Sqlite(dir) => {
                Ok(format!("sqlite://{}", dir.path().join(format!("load-{round}.db")).display()))
            }
            Store::Postgres { admin, url, created } => {
                let name = format!("formaction_load_{}_{round}", std::process::id());
                sqlx::raw_sql(&format!("CREATE DATABASE {name}")).execute(&*admin).await?;
                created.push(name.clone());
                let (base, query) = match url.split_once('?') {
                    Some((base, query)) => (base, format!("?{query}")),
                    None => (url.as_str(), String::new()),
                };
                let server = match base.split_once("://") {
                    Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or(rest)),
                    None => return Err(format!("not a URL: {}", example_invoices::db::describe(url)).into()),
                };
                Ok(format!("{server}/{name}{query}"))
            }
        }
    }

    /// Drops the databases the rounds created (SQLite files go with the temporary directory).
    async fn clean_up(self) -> Result<(), Error> {
        if let Store::Postgres { admin, created, .. } = self {
            for name in created {
                sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&admin)
                    .await?;
            }
        }
        Ok(())
    }
}

/// What the checks of one round found.
#[derive(Default)]
struct Findings {
    rows: u64,
    line_items: u64,
    see_other_with_row: u64,
    see_other_without_row: u64,
    see_other_wrong_row: u64,
    duplicate_markers: u64,
    rows_without_303: u64,
    rows_of_invalid: u64,
    rows_of_abandoned: u64,
    problems: Vec<String>,
}

async fn check_round(url: &str, records: &[Record]) -> Result<Findings, Error> {
    let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(url).await?;
    let rows = sqlx::query("SELECT id, notes FROM invoices").fetch_all(&pool).await?;
    let line_items: i64 =
        sqlx::query("SELECT COUNT(*) FROM line_items").fetch_one(&pool).await?.try_get(0)?;
    pool.close().await;

    let mut stored: HashMap<String, Vec<i64>> = HashMap::new();
    for row in &rows {
        let id: i64 = row.try_get(0)?;
        let notes: Option<String> = row.try_get(1)?;
        stored.entry(notes.unwrap_or_default()).or_default().push(id);
    }
    let by_marker: HashMap<&str, &Record> = records.iter().map(|r| (r.marker.as_str(), r)).collect();
    let mut findings =
        Findings { rows: rows.len() as u64, line_items: line_items as u64, ..Findings::default() };
    for record in records.iter().filter(|r| r.kind == Kind::Valid && r.status == Some(303)) {
        match (stored.get(&record.marker).map(Vec::as_slice), record.id) {
            (Some([id]), Some(answered)) if *id == answered => findings.see_other_with_row += 1,
            (None, _) => findings.see_other_without_row += 1,
            _ => findings.see_other_wrong_row += 1,
        }
    }
    for (marker, ids) in &stored {
        if ids.len() > 1 {
            findings.duplicate_markers += 1;
        }
        match by_marker.get(marker.as_str()) {
            Some(record) if record.kind == Kind::Valid && record.status == Some(303) => {}
            Some(record) => {
                findings.rows_without_303 += ids.len() as u64;
                match record.kind {
                    Kind::Invalid => findings.rows_of_invalid += ids.len() as u64,
                    Kind::Abandoned => findings.rows_of_abandoned += ids.len() as u64,
                    Kind::Valid => {}
                }
            }
            None => findings.rows_without_303 += ids.len() as u64,
        }
    }
    let f = &findings;
    for (count, what) in [
        (f.see_other_without_row, "303 answers without their row"),
        (f.see_other_wrong_row, "303 answers whose row is not the one of their Location"),
        (f.duplicate_markers, "markers stored more than once"),
        (f.rows_without_303, "rows without a 303"),
    ] {
        if count > 0 {
            findings.problems.push(format!("{count} {what}"));
        }
    }
    if findings.line_items != 2 * findings.rows {
        findings
            .problems
            .push(format!("{} line items for {} invoices of two lines", findings.line_items, findings.rows));
    }
    Ok(findings)
}

async fn round(
    url: &str,
    round: u32,
    options: &Options,
    deadline: Instant,
) -> Result<(Vec<Record>, Findings), Error> {
    let db = Db::connect(url).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let origin = format!("http://{addr}");
    let app = example_invoices::app(db);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let path = format!("/invoices/new{}", create_invoice::bind().url());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(options.connections)
        .build()?;
    let shared = Arc::new(Shared {
        client,
        addr,
        target: format!("{origin}{path}"),
        path,
        origin,
        round,
        sequence: AtomicU64::new(0),
        numbers: AtomicU32::new(0),
        out_of_numbers: AtomicBool::new(false),
        deadline,
        invalid_percent: options.invalid_percent,
        abandon_percent: options.abandon_percent,
    });
    let clients: Vec<_> =
        (0..options.connections).map(|_| tokio::spawn(client_loop(shared.clone()))).collect();
    let mut records = Vec::new();
    for client in clients {
        records.extend(client.await?);
    }
    server.abort();
    let findings = check_round(url, &records).await?;
    Ok((records, findings))
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or(0) as f64 / 1000.0
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let options = options()?;
    let mut store = Store::new(options.database.as_deref()).await?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let mut records = Vec::new();
    let mut total = Findings::default();
    let mut rounds = 0;
    let mut url = String::new();
    while Instant::now() < deadline {
        rounds += 1;
        url = store.fresh(rounds).await?;
        let (round_records, findings) = round(&url, rounds, &options, deadline).await?;
        records.extend(round_records);
        total.rows += findings.rows;
        total.line_items += findings.line_items;
        total.see_other_with_row += findings.see_other_with_row;
        total.see_other_without_row += findings.see_other_without_row;
        total.see_other_wrong_row += findings.see_other_wrong_row;
        total.duplicate_markers += findings.duplicate_markers;
        total.rows_without_303 += findings.rows_without_303;
        total.rows_of_invalid += findings.rows_of_invalid;
        total.rows_of_abandoned += findings.rows_of_abandoned;
        total.problems.extend(findings.problems.into_iter().map(|p| format!("round {rounds}: {p}")));
    }
    let elapsed = started.elapsed().as_secs_f64();
    store.clean_up().await?;

    println!("database               {}", example_invoices::db::describe(&url));
    println!("connections            {}", options.connections);
    println!(
        "mix                    {}% invalid, {}% abandoned, the rest valid",
        options.invalid_percent, options.abandon_percent
    );
    println!("duration_s             {elapsed:.1}");
    println!("rounds                 {rounds}");
    println!("requests               {}", records.len());
    println!("requests_per_s         {:.0}", records.len() as f64 / elapsed);
    for kind in Kind::ALL {
        let mut latencies: Vec<u64> =
            records.iter().filter(|r| r.kind == kind).map(|r| r.latency_us).collect();
        latencies.sort_unstable();
        let mut statuses: HashMap<Option<u16>, u64> = HashMap::new();
        for record in records.iter().filter(|r| r.kind == kind) {
            *statuses.entry(record.status).or_default() += 1;
        }
        let mut statuses: Vec<_> = statuses.into_iter().collect();
        statuses.sort_unstable();
        let statuses: Vec<String> = statuses
            .into_iter()
            .map(|(status, n)| match status {
                Some(status) => format!("{status}: {n}"),
                None => format!("no answer: {n}"),
            })
            .collect();
        println!(
            "{:<22} {} requests, {:.0}/s, p50 {:.2} ms, p99 {:.2} ms, answers {{{}}}",
            kind.name(),
            latencies.len(),
            latencies.len() as f64 / elapsed,
            percentile(&latencies, 0.50),
            percentile(&latencies, 0.99),
            statuses.join(", ")
        );
    }
    let five_xx = records.iter().filter(|r| r.status.is_some_and(|s| s >= 500)).count();
    let unexpected: Vec<&Record> = records.iter().filter(|r| r.problem.is_some()).collect();
    println!("answers_5xx            {five_xx}");
    println!("unexpected_or_failed   {}", unexpected.len());
    println!("rows_stored            {}", total.rows);
    println!("line_items_stored      {}", total.line_items);
    println!("303_with_their_row     {}", total.see_other_with_row);
    println!("303_without_row        {}", total.see_other_without_row);
    println!("303_with_another_row   {}", total.see_other_wrong_row);
    println!("rows_without_303       {}", total.rows_without_303);
    println!("rows_of_invalid_posts  {}", total.rows_of_invalid);
    println!("rows_of_abandoned      {}", total.rows_of_abandoned);
    println!("duplicate_markers      {}", total.duplicate_markers);

    let mut problems = total.problems;
    if five_xx > 0 {
        problems.push(format!("{five_xx} answers were 5xx"));
    }
    if !unexpected.is_empty() {
        let mut kinds: HashMap<&str, u64> = HashMap::new();
        for record in &unexpected {
            *kinds.entry(record.problem.as_deref().unwrap_or("")).or_default() += 1;
        }
        let mut kinds: Vec<_> = kinds.into_iter().collect();
        kinds.sort_unstable_by_key(|kind| std::cmp::Reverse(kind.1));
        let listed: Vec<String> = kinds.iter().take(5).map(|(what, n)| format!("{n}× {what}")).collect();
        problems.push(format!("{} unexpected answers or failures ({})", unexpected.len(), listed.join("; ")));
    }
    if problems.is_empty() {
        println!(
            "result                 ok: no 5xx, every answer as expected, every 303 has exactly its row, no other row"
        );
        Ok(())
    } else {
        Err(problems.join("; ").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(kind: Kind, marker: &str, status: Option<u16>, id: Option<i64>) -> Record {
        Record { marker: marker.to_owned(), status, id, ..record(kind) }
    }

    /// The checks find each kind of loss in a real SQLite file: they are what the run relies on.
    #[tokio::test]
    async fn the_checks_find_every_kind_of_loss() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("check.db").display());
        Db::connect(&url).await.unwrap();
        let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(&url).await.unwrap();
        // id 1: its 303; id 2 and 3: one marker twice; 4: an invalid post's; 5: an abandoned post's;
        // 6: nobody's; 7: a 303 that named another id.
        for (id, marker) in [
            (1, "ok"),
            (2, "twice"),
            (3, "twice"),
            (4, "invalid"),
            (5, "abandoned"),
            (6, "nobody"),
            (7, "moved"),
        ] {
            sqlx::query(
                "INSERT INTO invoices (id, number, customer, email, amount_cents, status, notes, urgent, tags, \
                 created_at) VALUES ($1, $2, 'c', 'e@example.com', 1, 'pending', $3, 0, '', 0)",
            )
            .bind(id)
            .bind(format!("INV-{id:04}"))
            .bind(marker)
            .execute(&pool)
            .await
            .unwrap();
        }
        for invoice in [1, 1] {
            sqlx::query(
                "INSERT INTO line_items (invoice_id, position, description, quantity, price_cents) \
                 VALUES ($1, 0, 'x', 1, 1)",
            )
            .bind(invoice)
            .execute(&pool)
            .await
            .unwrap();
        }
        pool.close().await;
        let records = [
            answered(Kind::Valid, "ok", Some(303), Some(1)),
            answered(Kind::Valid, "lost", Some(303), Some(8)),
            answered(Kind::Valid, "twice", Some(303), Some(2)),
            answered(Kind::Invalid, "invalid", Some(422), None),
            answered(Kind::Abandoned, "abandoned", None, None),
            answered(Kind::Valid, "moved", Some(303), Some(9)),
        ];
        let found = check_round(&url, &records).await.unwrap();
        assert_eq!(found.rows, 7);
        assert_eq!(found.see_other_with_row, 1, "only `ok` has exactly its row");
        assert_eq!(found.see_other_without_row, 1, "`lost`");
        assert_eq!(found.see_other_wrong_row, 2, "`twice` has two rows, `moved` another id");
        assert_eq!(found.duplicate_markers, 1);
        assert_eq!((found.rows_of_invalid, found.rows_of_abandoned), (1, 1));
        assert_eq!(found.rows_without_303, 3, "the invalid, the abandoned and nobody's");
        assert_eq!(found.problems.len(), 5, "{:?}", found.problems);
        assert!(
            found.problems.iter().any(|p| p.contains("2 line items for 7 invoices")),
            "{:?}",
            found.problems
        );
    }

    #[test]
    fn the_mix_is_exact_in_every_hundred() {
        for start in [0, 100, 12_300] {
            let kinds: Vec<Kind> = (start..start + 100).map(|s| Kind::of(s, 20, 5)).collect();
            assert_eq!(kinds.iter().filter(|k| **k == Kind::Abandoned).count(), 5);
            assert_eq!(kinds.iter().filter(|k| **k == Kind::Invalid).count(), 20);
            assert_eq!(kinds.iter().filter(|k| **k == Kind::Valid).count(), 75);
        }
    }
}
