//! Steunkring on SQLite: the embedded default, one file beside the binary.
//!
//! WAL so that readers never wait for the writer; `synchronous=FULL` because case data must
//! survive a power cut; foreign keys on; a busy timeout; and every write transaction opens with
//! `BEGIN IMMEDIATE`, so that two writers queue instead of failing halfway with a lock upgrade.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Pool, Sqlite, Transaction};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use steunkring_store::{StoreError, StoreResult};

/// The SQLite implementation of [`steunkring_store::Store`].
#[derive(Clone)]
pub struct SqliteStore {
    pool: Pool<Sqlite>,
    /// Parsed networks per case and revision, for the case page (shared by clones).
    networks: std::sync::Arc<steunkring_store::KeptNetworks>,
    /// The case page's other lists per case and parts revision (shared by clones).
    page_lists: std::sync::Arc<steunkring_store::KeptPageLists>,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl SqliteStore {
    /// Opens (creating if needed) the database at a `sqlite://` URL or plain path, and applies
    /// the migrations.
    pub async fn open(url: &str) -> Result<SqliteStore, sqlx::Error> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Reads through a memory map instead of a read() call and a copy per page. In WAL
            // mode every commit (the audit trail commits all the time) empties the page cache
            // of every other connection, so without it each request read its pages again.
            .pragma("mmap_size", "268435456");
        let pool = SqlitePoolOptions::new()
            // A local file does not drop connections; pinging before every checkout cost about
            // a fifth of the CPU of a simple request (docs/benchmarks.md).
            .test_before_acquire(false)
            .max_connections(8)
            .min_connections(1)
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(SqliteStore {
            pool,
            networks: std::sync::Arc::new(steunkring_store::KeptNetworks::new(
                steunkring_store::KEPT_NETWORKS,
            )),
            page_lists: std::sync::Arc::new(steunkring_store::KeptPageLists::new(
                steunkring_store::KEPT_PAGE_LISTS,
            )),
        })
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    /// A consistent copy of the live database, taken with `VACUUM INTO` while others keep
    /// reading and writing.
    async fn backup_into(&self, path: &Path) -> StoreResult<()> {
        if path.exists() {
            return Err(StoreError::Conflict("file"));
        }
        let target = path
            .to_str()
            .ok_or(StoreError::Unsupported("a backup path that is not UTF-8"))?;
        sqlx::query("VACUUM INTO $1")
            .bind(target)
            .execute(&self.pool)
            .await
            .map_err(|e| StoreError::Backend(Box::new(e)))?;
        Ok(())
    }

    /// The pool, for the backend's own tests (e.g. proving that the audit trail refuses edits).
    pub fn pool(&self) -> &Pool<Sqlite> {
        &self.pool
    }
}

steunkring_store::impl_sql_store!(
    SqliteStore,
    db = sqlx::Sqlite,
    backend = "sqlite",
    lock = "",
    teams_agg = "group_concat(tm.team_id, ',')",
    json_agg = "json_group_array",
    json_object = "json_object"
);
