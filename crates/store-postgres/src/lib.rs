//! Steunkring on PostgreSQL, for deployments that outgrow one machine: several `steunkring
//! serve` processes share one database, and nothing a request needs lives in process memory.

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Pool, Postgres, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use steunkring_store::{StoreError, StoreResult};

/// The PostgreSQL implementation of [`steunkring_store::Store`].
#[derive(Clone)]
pub struct PgStore {
    pool: Pool<Postgres>,
    /// Parsed networks per case and revision, for the case page (shared by clones).
    networks: std::sync::Arc<steunkring_store::KeptNetworks>,
    /// The case page's other lists per case and parts revision (shared by clones).
    page_lists: std::sync::Arc<steunkring_store::KeptPageLists>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl PgStore {
    /// Connects to a `postgres://` URL and applies the migrations.
    pub async fn open(url: &str) -> Result<PgStore, sqlx::Error> {
        Self::open_with(PgConnectOptions::from_str(url)?).await
    }

    /// Connects with the given options (tests use them to work in a schema of their own).
    pub async fn open_with(options: PgConnectOptions) -> Result<PgStore, sqlx::Error> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(PgStore {
            pool,
            networks: std::sync::Arc::new(steunkring_store::KeptNetworks::new(
                steunkring_store::KEPT_NETWORKS,
            )),
            page_lists: std::sync::Arc::new(steunkring_store::KeptPageLists::new(
                steunkring_store::KEPT_PAGE_LISTS,
            )),
        })
    }

    /// Connects to a `postgres://` URL working inside `schema` (created if missing), so that
    /// several Steunkring databases — or tests — can share one PostgreSQL database.
    pub async fn open_in_schema(url: &str, schema: &str) -> Result<PgStore, sqlx::Error> {
        if !schema
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            || schema.is_empty()
        {
            return Err(sqlx::Error::Configuration(
                "schema names are letters, digits and _".into(),
            ));
        }
        let options = PgConnectOptions::from_str(url)?;
        {
            let pool = PgPoolOptions::new()
                .max_connections(1)
                .connect_with(options.clone())
                .await?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}"
            )))
            .execute(&pool)
            .await?;
            pool.close().await;
        }
        Self::open_with(options.options([("search_path", schema)])).await
    }

    /// Every writer takes the audit chain's head first, as SQLite's `BEGIN IMMEDIATE` does:
    /// every write appends to the chain anyway, and with one order for all locks (the head,
    /// then rows) two writers can never wait for each other, whatever rows the triggers that
    /// keep derived data (network revision, `case_insight`) touch.
    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT 1 AS one FROM audit_head WHERE id = 1 FOR UPDATE")
            .execute(&mut *tx)
            .await?;
        Ok(tx)
    }

    /// PostgreSQL has its own tools for consistent copies; the command line prints how.
    async fn backup_into(&self, _path: &Path) -> StoreResult<()> {
        Err(StoreError::Unsupported("backup: use pg_dump"))
    }

    /// The pool, for the backend's own tests.
    pub fn pool(&self) -> &Pool<Postgres> {
        &self.pool
    }
}

steunkring_store::impl_sql_store!(
    PgStore,
    db = sqlx::Postgres,
    backend = "postgres",
    lock = " FOR UPDATE",
    teams_agg = "string_agg(tm.team_id, ',')",
    json_agg = "json_agg",
    json_object = "json_build_object"
);
