//! Claims and remembered answers in SQLite or PostgreSQL, through sqlx's `Any` driver: several
//! instances sharing the database agree on which request runs a form's action.

use std::sync::atomic::{AtomicI64, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use futures_util::future::BoxFuture;
use sqlx::{AnyPool, Row};

use super::{Claim, OnceStore, Remembered, StoreError, Ticket, now_ms};

/// The table, created when missing. The index on `expires_at` lets expired rows be found without
/// reading the others.
const SCHEMA: [&str; 2] = [
    "CREATE TABLE IF NOT EXISTS formaction_once (\
     key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, expires_at BIGINT NOT NULL, \
     lease_until BIGINT NOT NULL, answer TEXT)",
    "CREATE INDEX IF NOT EXISTS formaction_once_expires ON formaction_once (expires_at)",
];

/// How many expired rows one claim removes at most: the request path never pays for a backlog.
const PURGE_BATCH: i64 = 64;

/// How often (milliseconds) a process looks for expired rows.
const PURGE_EVERY_MS: i64 = 1_000;

/// Claims and remembered answers in one table, `formaction_once`, of a SQLite or PostgreSQL
/// database (features `sqlite`, `postgres`): what instances behind a load balancer share.
///
/// A claim is one `INSERT ... ON CONFLICT (key) DO NOTHING`: of two instances claiming the same
/// token at once, the database lets one insert. Expired rows are removed a bounded batch at a
/// time, found through an index on their expiry, at most once a second per process.
///
/// The pool is sqlx's `AnyPool` (call `sqlx::any::install_default_drivers()` before connecting).
#[derive(Debug)]
pub struct SqlStore {
    pool: AnyPool,
    last_purge: AtomicI64,
}

fn failed(error: sqlx::Error) -> StoreError {
    StoreError(Box::new(error))
}

impl SqlStore {
    /// The store on `pool`, its table created when missing.
    ///
    /// # Errors
    ///
    /// When the table cannot be created.
    pub async fn new(pool: AnyPool) -> Result<Self, StoreError> {
        for statement in SCHEMA {
            sqlx::query(statement).execute(&pool).await.map_err(failed)?;
        }
        Ok(SqlStore { pool, last_purge: AtomicI64::new(0) })
    }

    async fn purge(&self, now: i64) -> Result<(), StoreError> {
        let last = self.last_purge.load(Ordering::Relaxed);
        if now - last < PURGE_EVERY_MS
            || self.last_purge.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_err()
        {
            return Ok(());
        }
        sqlx::query(
            "DELETE FROM formaction_once WHERE key IN \
             (SELECT key FROM formaction_once WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2)",
        )
        .bind(now)
        .bind(PURGE_BATCH)
        .execute(&self.pool)
        .await
        .map_err(failed)?;
        Ok(())
    }

    async fn claim_now(&self, ticket: &Ticket) -> Result<Claim, StoreError> {
        let now = now_ms();
        self.purge(now).await?;
        // A row found expired is deleted and the insert tried again; a row deleted by another
        // instance between the two statements, likewise. Three rounds settle any such race.
        for _ in 0..3 {
            let inserted = sqlx::query(
                "INSERT INTO formaction_once (key, fingerprint, expires_at, lease_until) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING",
            )
            .bind(&ticket.key)
            .bind(&ticket.fingerprint)
            .bind(ticket.expires_at)
            .bind(ticket.lease_until)
            .execute(&self.pool)
            .await
            .map_err(failed)?
            .rows_affected();
            if inserted == 1 {
                return Ok(Claim::Fresh);
            }
            let row = sqlx::query(
                "SELECT fingerprint, expires_at, lease_until, answer FROM formaction_once WHERE key = $1",
            )
            .bind(&ticket.key)
            .fetch_optional(&self.pool)
            .await
            .map_err(failed)?;
            let Some(row) = row else { continue };
            let fingerprint: String = row.try_get(0).map_err(failed)?;
            let expires_at: i64 = row.try_get(1).map_err(failed)?;
            let lease_until: i64 = row.try_get(2).map_err(failed)?;
            let answer: Option<String> = row.try_get(3).map_err(failed)?;
            if expires_at <= now {
                sqlx::query("DELETE FROM formaction_once WHERE key = $1 AND expires_at <= $2")
                    .bind(&ticket.key)
                    .bind(now)
                    .execute(&self.pool)
                    .await
                    .map_err(failed)?;
                continue;
            }
            return Ok(if fingerprint != ticket.fingerprint {
                Claim::DifferentValues
            } else if let Some(answer) = answer {
                Claim::Done(decode(&answer)?)
            } else if lease_until > now {
                Claim::Running
            } else {
                Claim::Abandoned
            });
        }
        Err(StoreError("a claim kept changing under this one".into()))
    }
}

/// A remembered answer as the table keeps it: JSON, its body in base64.
fn encode(answer: &Remembered) -> String {
    serde_json::json!({
        "status": answer.status,
        "json": answer.json,
        "location": answer.location,
        "cookies": answer.cookies,
        "content_type": answer.content_type,
        "body": STANDARD.encode(&answer.body),
    })
    .to_string()
}

fn decode(text: &str) -> Result<Remembered, StoreError> {
    #[derive(serde::Deserialize)]
    struct Stored {
        status: u16,
        json: bool,
        location: Option<String>,
        cookies: Vec<String>,
        content_type: Option<String>,
        body: String,
    }
    let stored: Stored = serde_json::from_str(text).map_err(|error| StoreError(Box::new(error)))?;
    let body = STANDARD.decode(stored.body).map_err(|error| StoreError(Box::new(error)))?;
    Ok(Remembered {
        status: stored.status,
        json: stored.json,
        location: stored.location,
        cookies: stored.cookies,
        content_type: stored.content_type,
        body,
    })
}

impl OnceStore for SqlStore {
    fn claim<'a>(&'a self, ticket: &'a Ticket) -> BoxFuture<'a, Result<Claim, StoreError>> {
        Box::pin(self.claim_now(ticket))
    }

    fn complete<'a>(&'a self, key: &'a str, answer: Remembered) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            sqlx::query("UPDATE formaction_once SET answer = $1 WHERE key = $2")
                .bind(encode(&answer))
                .bind(key)
                .execute(&self.pool)
                .await
                .map_err(failed)?;
            Ok(())
        })
    }

    fn release<'a>(&'a self, key: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            sqlx::query("DELETE FROM formaction_once WHERE key = $1 AND answer IS NULL")
                .bind(key)
                .execute(&self.pool)
                .await
                .map_err(failed)?;
            Ok(())
        })
    }
}

#[cfg(all(test, feature = "sqlite"))]
mod tests {
    use super::*;

    fn ticket(key: &str, fingerprint: &str) -> Ticket {
        let now = now_ms();
        Ticket {
            key: key.into(),
            fingerprint: fingerprint.into(),
            expires_at: now + 60_000,
            lease_until: now + 60_000,
        }
    }

    #[tokio::test]
    async fn two_pools_on_one_file_agree() {
        sqlx::any::install_default_drivers();
        let dir = std::env::temp_dir().join(format!("formaction-once-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = format!("sqlite://{}?mode=rwc", dir.join("once.db").display());
        let a = SqlStore::new(AnyPool::connect(&url).await.unwrap()).await.unwrap();
        let b = SqlStore::new(AnyPool::connect(&url).await.unwrap()).await.unwrap();
        let t = ticket("k", "f");
        assert_eq!(a.claim(&t).await.unwrap(), Claim::Fresh);
        assert_eq!(b.claim(&t).await.unwrap(), Claim::Running);
        assert_eq!(b.claim(&ticket("k", "g")).await.unwrap(), Claim::DifferentValues);
        let answer = Remembered {
            status: 303,
            json: false,
            location: Some("/invoices/7".into()),
            cookies: vec!["flash=x; Path=/".into()],
            content_type: None,
            body: vec![0, 255, 1],
        };
        a.complete("k", answer.clone()).await.unwrap();
        assert_eq!(b.claim(&t).await.unwrap(), Claim::Done(answer));
        assert_eq!(b.claim(&ticket("r", "f")).await.unwrap(), Claim::Fresh);
        a.release("r").await.unwrap();
        assert_eq!(a.claim(&ticket("r", "f")).await.unwrap(), Claim::Fresh, "released");
        let mut old = ticket("old", "f");
        old.expires_at = now_ms() - 1;
        assert_eq!(a.claim(&old).await.unwrap(), Claim::Fresh);
        assert_eq!(b.claim(&ticket("old", "f")).await.unwrap(), Claim::Fresh, "expired: claimed anew");
        let mut lapsed = ticket("lapsed", "f");
        lapsed.lease_until = now_ms() - 1;
        assert_eq!(a.claim(&lapsed).await.unwrap(), Claim::Fresh);
        assert_eq!(b.claim(&lapsed).await.unwrap(), Claim::Abandoned);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
