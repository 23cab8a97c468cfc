//! A load run against the invoices app on 127.0.0.1: `--connections` clients create invoices
//! through the JavaScript-off path for `--seconds`, then the run checks that nothing was lost:
//! no error answer, and exactly one stored row for every 303.
//!
//! Run with: `cargo run --release -p bench-invoices-load -- --connections 32 --seconds 20`
//!
//! By default the app runs in this process on a fresh SQLite file in a temporary directory;
//! `--database <url>` points it at another database (a `postgres://` URL, say). The invoice
//! number pattern (`INV-` and four digits) allows 9,999 invoices, which a fast machine creates in
//! a few seconds; so on SQLite the run goes in rounds, each on a fresh file, until the time is up,
//! and checks every round. With `--database`, one round (bounded by the 9,999 numbers or the time).

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use example_invoices::Db;
use example_invoices::actions::create_invoice;

struct Options {
    connections: usize,
    seconds: u64,
    database: Option<String>,
}

fn options() -> Result<Options, String> {
    let mut options = Options { connections: 32, seconds: 20, database: None };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--connections" => {
                options.connections = value.parse().map_err(|_| "--connections takes a number")?
            }
            "--seconds" => options.seconds = value.parse().map_err(|_| "--seconds takes a number")?,
            "--database" => options.database = Some(value),
            other => return Err(format!("unknown flag {other}: --connections N --seconds N --database URL")),
        }
    }
    Ok(options)
}

/// What one client saw.
#[derive(Default)]
struct Tally {
    see_other: u64,
    other_status: Vec<u16>,
    failures: u64,
    latencies_us: Vec<u64>,
}

fn body(number: u32) -> String {
    format!(
        "number=INV-{number:04}&customer=Load+Test&email=load%40example.com&amount=99.95&status=pending\
         &tags=billing&items%5B0%5D.description=Work&items%5B0%5D.quantity=3&items%5B0%5D.price=33.3"
    )
}

/// What one round saw, and what it stored.
struct Round {
    tally: Tally,
    rows: i64,
}

async fn round(
    url: &str,
    connections: usize,
    deadline: Instant,
) -> Result<Round, Box<dyn std::error::Error>> {
    let db = Db::connect(url).await?;
    let before = db.count().await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let app = example_invoices::app(db.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let target = format!("{base}/invoices/new{}", create_invoice::bind().url());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(connections)
        .build()?;
    let next = Arc::new(AtomicU32::new(1));
    let mut clients = Vec::new();
    for _ in 0..connections {
        let (client, target, origin, next) = (client.clone(), target.clone(), base.clone(), next.clone());
        clients.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            while Instant::now() < deadline {
                let number = next.fetch_add(1, Ordering::Relaxed);
                if number > 9_999 {
                    break;
                }
                let sent = Instant::now();
                let response = client
                    .post(&target)
                    .header("origin", &origin)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body(number))
                    .timeout(Duration::from_secs(30))
                    .send()
                    .await;
                tally.latencies_us.push(sent.elapsed().as_micros() as u64);
                match response {
                    Ok(response) if response.status() == 303 => tally.see_other += 1,
                    Ok(response) => tally.other_status.push(response.status().as_u16()),
                    Err(_) => tally.failures += 1,
                }
            }
            tally
        }));
    }
    let mut tally = Tally::default();
    for client in clients {
        let part = client.await?;
        tally.see_other += part.see_other;
        tally.other_status.extend(part.other_status);
        tally.failures += part.failures;
        tally.latencies_us.extend(part.latencies_us);
    }
    server.abort();
    let rows = db.count().await? - before;
    Ok(Round { tally, rows })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let options = options()?;
    let dir = tempfile::tempdir()?;
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let started = Instant::now();
    let mut total = Tally::default();
    let mut problems = Vec::new();
    let mut rounds = 0;
    let mut rows_total = 0;
    let mut url = String::new();
    while Instant::now() < deadline {
        rounds += 1;
        url = match &options.database {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", dir.path().join(format!("load-{rounds}.db")).display()),
        };
        let Round { tally, rows } = round(&url, options.connections, deadline).await?;
        if rows != tally.see_other as i64 {
            problems
                .push(format!("round {rounds}: {rows} rows stored for {} answers of 303", tally.see_other));
        }
        rows_total += rows;
        total.see_other += tally.see_other;
        total.other_status.extend(tally.other_status);
        total.failures += tally.failures;
        total.latencies_us.extend(tally.latencies_us);
        if options.database.is_some() {
            break;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();

    total.latencies_us.sort_unstable();
    let percentile = |p: f64| {
        let index = ((total.latencies_us.len() as f64 - 1.0) * p).round() as usize;
        total.latencies_us.get(index).copied().unwrap_or(0) as f64 / 1000.0
    };
    let requests = total.latencies_us.len();
    println!("database            {}", example_invoices::db::describe(&url));
    println!("connections         {}", options.connections);
    println!("duration_s          {elapsed:.1}");
    println!("rounds              {rounds}");
    println!("requests            {requests}");
    println!("requests_per_s      {:.0}", requests as f64 / elapsed);
    println!("p50_ms              {:.2}", percentile(0.50));
    println!("p99_ms              {:.2}", percentile(0.99));
    println!("answers_303         {}", total.see_other);
    println!("other_answers       {}", total.other_status.len());
    println!("failed_requests     {}", total.failures);
    println!("rows_stored         {rows_total}");

    if !total.other_status.is_empty() {
        let mut statuses = total.other_status.clone();
        statuses.sort_unstable();
        statuses.dedup();
        problems.push(format!("{} answers were not 303 (statuses {statuses:?})", total.other_status.len()));
    }
    if total.failures > 0 {
        problems.push(format!("{} requests failed without an answer", total.failures));
    }
    if problems.is_empty() {
        println!("result              ok: no error answer, one row per 303 in every round");
        Ok(())
    } else {
        Err(problems.join("; ").into())
    }
}
