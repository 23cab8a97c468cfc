//! The store: SQLite by default, PostgreSQL when `DATABASE_URL` names one, through sqlx's `Any`
//! driver with one set of queries. Tables are created on first start (the schema is embedded).

use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Row};

use crate::forms::InvoiceForm;

const SQLITE_SCHEMA: &str = include_str!("schema_sqlite.sql");
const POSTGRES_SCHEMA: &str = include_str!("schema_postgres.sql");

/// A handle on the database; cheap to clone.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
}

/// An invoice as stored.
#[derive(Clone, Debug)]
pub struct Invoice {
    /// Its id.
    pub id: i64,
    /// `INV-0001`.
    pub number: String,
    /// Who pays.
    pub customer: String,
    /// Where it goes.
    pub email: String,
    /// The amount, in cents.
    pub amount_cents: i64,
    /// `pending`, `paid` or `draft`.
    pub status: String,
    /// Due date, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// Flagged.
    pub urgent: bool,
    /// Tags.
    pub tags: Vec<String>,
    /// The attachment's file name and type, if there is one.
    pub attachment: Option<(String, String)>,
    /// The lines.
    pub items: Vec<Item>,
}

/// One line of a stored invoice.
#[derive(Clone, Debug)]
pub struct Item {
    /// What was sold.
    pub description: String,
    /// How many.
    pub quantity: i64,
    /// Price of one, in cents.
    pub price_cents: i64,
}

/// A row of the list.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Its id.
    pub id: i64,
    /// `INV-0001`.
    pub number: String,
    /// Who pays.
    pub customer: String,
    /// The amount, in cents.
    pub amount_cents: i64,
    /// The status.
    pub status: String,
}

/// Why a write failed.
#[derive(Debug)]
pub enum WriteError {
    /// The invoice number is used by another invoice.
    NumberTaken,
    /// The database failed.
    Db(sqlx::Error),
}

impl From<sqlx::Error> for WriteError {
    fn from(error: sqlx::Error) -> Self {
        let unique = matches!(&error, sqlx::Error::Database(db) if db.is_unique_violation()
            || db.message().contains("UNIQUE constraint failed")
            || db.message().contains("duplicate key"));
        if unique { WriteError::NumberTaken } else { WriteError::Db(error) }
    }
}

/// Where a database URL points, without its password, for the log.
pub fn describe(url: &str) -> String {
    match url.split_once('@') {
        Some((scheme_and_user, host)) => {
            let scheme = scheme_and_user.split("://").next().unwrap_or("");
            format!("{scheme}://…@{host}")
        }
        None => url.to_owned(),
    }
}

fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

fn cents(amount: f64) -> i64 {
    (amount * 100.0).round() as i64
}

impl Db {
    /// Connects to `url` and creates the tables if they are missing. A SQLite file is created when
    /// it does not exist yet.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        install_default_drivers();
        let postgres = url.starts_with("postgres://") || url.starts_with("postgresql://");
        let url = if !postgres && !url.contains("mode=") {
            format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
        } else {
            url.to_owned()
        };
        let options = AnyPoolOptions::new().max_connections(if postgres { 16 } else { 8 });
        let options = if postgres {
            options
        } else {
            options.after_connect(|connection, _| {
                Box::pin(async move {
                    // WAL lets readers go on while one writer writes; a writer waits up to five
                    // seconds for another instead of failing at once.
                    for pragma in [
                        "PRAGMA journal_mode = WAL",
                        "PRAGMA busy_timeout = 5000",
                        "PRAGMA foreign_keys = ON",
                    ] {
                        sqlx::Executor::execute(&mut *connection, pragma).await?;
                    }
                    Ok(())
                })
            })
        };
        let pool = options.connect(&url).await?;
        let schema = if postgres { POSTGRES_SCHEMA } else { SQLITE_SCHEMA };
        sqlx::raw_sql(schema).execute(&pool).await?;
        Ok(Db { pool })
    }

    /// The store where the app remembers the answers of forms sent once: a table in this same
    /// database, so every instance sharing it agrees (see formaction's "Once only").
    pub async fn once_store(&self) -> Result<formaction::protect::SqlStore, formaction::protect::StoreError> {
        formaction::protect::SqlStore::new(self.pool.clone()).await
    }

    /// Stores a new invoice with `status`, and returns its id.
    pub async fn insert(&self, form: &InvoiceForm, status: &str) -> Result<i64, WriteError> {
        let mut tx = self.pool.begin().await?;
        let (name, content_type, bytes) = attachment_columns(form);
        let id: i64 = sqlx::query(
            "INSERT INTO invoices (number, customer, email, amount_cents, status, due, notes, urgent, tags, \
             created_at, attachment_name, attachment_type, attachment) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
        )
        .bind(&form.number)
        .bind(&form.customer)
        .bind(&form.email)
        .bind(cents(form.amount))
        .bind(status)
        .bind(due_text(form))
        .bind(form.notes.as_deref())
        .bind(i64::from(form.urgent))
        .bind(tags_text(form))
        .bind(now())
        .bind(name)
        .bind(content_type)
        .bind(bytes)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        insert_items(&mut tx, id, form).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces invoice `id` with `form` (keeping its attachment when none is given); false when
    /// there is no such invoice.
    pub async fn update(&self, id: i64, form: &InvoiceForm) -> Result<bool, WriteError> {
        let mut tx = self.pool.begin().await?;
        let updated = sqlx::query(
            "UPDATE invoices SET number = $1, customer = $2, email = $3, amount_cents = $4, status = $5, \
             due = $6, notes = $7, urgent = $8, tags = $9 WHERE id = $10",
        )
        .bind(&form.number)
        .bind(&form.customer)
        .bind(&form.email)
        .bind(cents(form.amount))
        .bind(status_text(form))
        .bind(due_text(form))
        .bind(form.notes.as_deref())
        .bind(i64::from(form.urgent))
        .bind(tags_text(form))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            return Ok(false);
        }
        if form.attachment.is_some() {
            let (name, content_type, bytes) = attachment_columns(form);
            sqlx::query("UPDATE invoices SET attachment_name = $1, attachment_type = $2, attachment = $3 WHERE id = $4")
                .bind(name)
                .bind(content_type)
                .bind(bytes)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM line_items WHERE invoice_id = $1").bind(id).execute(&mut *tx).await?;
        insert_items(&mut tx, id, form).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The invoice `id`, with its lines.
    pub async fn get(&self, id: i64) -> Result<Option<Invoice>, sqlx::Error> {
        let Some(row) = sqlx::query(
            "SELECT id, number, customer, email, amount_cents, status, due, notes, urgent, tags, \
             attachment_name, attachment_type FROM invoices WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let items = sqlx::query(
            "SELECT description, quantity, price_cents FROM line_items WHERE invoice_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|item| {
            Ok(Item { description: item.try_get(0)?, quantity: item.try_get(1)?, price_cents: item.try_get(2)? })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
        let tags: String = row.try_get(9)?;
        let attachment_name: Option<String> = row.try_get(10)?;
        let attachment_type: Option<String> = row.try_get(11)?;
        Ok(Some(Invoice {
            id: row.try_get(0)?,
            number: row.try_get(1)?,
            customer: row.try_get(2)?,
            email: row.try_get(3)?,
            amount_cents: row.try_get(4)?,
            status: row.try_get(5)?,
            due: row.try_get(6)?,
            notes: row.try_get(7)?,
            urgent: row.try_get::<i64, _>(8)? != 0,
            tags: tags.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect(),
            attachment: attachment_name.zip(attachment_type),
            items,
        }))
    }

    /// Invoices, newest first, whose customer or number contains `query` (any case).
    pub async fn list(&self, query: &str) -> Result<Vec<Summary>, sqlx::Error> {
        let pattern = format!("%{}%", query.trim().to_lowercase());
        sqlx::query(
            "SELECT id, number, customer, amount_cents, status FROM invoices \
             WHERE lower(customer) LIKE $1 OR lower(number) LIKE $1 ORDER BY id DESC LIMIT 500",
        )
        .bind(pattern)
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(|row| {
            Ok(Summary {
                id: row.try_get(0)?,
                number: row.try_get(1)?,
                customer: row.try_get(2)?,
                amount_cents: row.try_get(3)?,
                status: row.try_get(4)?,
            })
        })
        .collect()
    }

    /// Marks invoice `id` paid; false when there is no such invoice.
    pub async fn mark_paid(&self, id: i64) -> Result<bool, sqlx::Error> {
        let done = sqlx::query("UPDATE invoices SET status = 'paid' WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    /// Deletes invoice `id` and its lines; false when there is no such invoice.
    pub async fn delete(&self, id: i64) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM line_items WHERE invoice_id = $1").bind(id).execute(&mut *tx).await?;
        let done = sqlx::query("DELETE FROM invoices WHERE id = $1").bind(id).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(done.rows_affected() > 0)
    }

    /// The attachment of invoice `id`: file name, content type, bytes.
    pub async fn attachment(&self, id: i64) -> Result<Option<(String, String, Vec<u8>)>, sqlx::Error> {
        let row = sqlx::query(
            "SELECT attachment_name, attachment_type, attachment FROM invoices WHERE id = $1 AND attachment IS NOT NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))).transpose()
    }

    /// How many invoices there are.
    pub async fn count(&self) -> Result<i64, sqlx::Error> {
        sqlx::query("SELECT COUNT(*) FROM invoices").fetch_one(&self.pool).await?.try_get(0)
    }
}

async fn insert_items(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: i64,
    form: &InvoiceForm,
) -> Result<(), sqlx::Error> {
    for (position, item) in form.items.iter().enumerate() {
        sqlx::query(
            "INSERT INTO line_items (invoice_id, position, description, quantity, price_cents) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(position as i64)
        .bind(&item.description)
        .bind(i64::from(item.quantity))
        .bind(cents(item.price))
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

fn attachment_columns(form: &InvoiceForm) -> (Option<String>, Option<String>, Option<Vec<u8>>) {
    match &form.attachment {
        Some(file) => (
            Some(file.file_name.clone()),
            Some(file.content_type.clone().unwrap_or_else(|| "application/octet-stream".to_owned())),
            Some(file.bytes.to_vec()),
        ),
        None => (None, None, None),
    }
}

fn due_text(form: &InvoiceForm) -> Option<String> {
    form.due.map(|due| {
        let (year, month, day) = (due.year(), u8::from(due.month()), due.day());
        format!("{year:04}-{month:02}-{day:02}")
    })
}

fn tags_text(form: &InvoiceForm) -> String {
    form.tags.iter().map(|tag| formaction::Choices::value(tag)).collect::<Vec<_>>().join(",")
}

fn status_text(form: &InvoiceForm) -> &'static str {
    formaction::Choices::value(&form.status)
}
