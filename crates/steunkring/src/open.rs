//! Opening the store a database URL names, and showing that URL without its password.

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};
use std::path::PathBuf;
use std::sync::Arc;
use steunkring_store::Store;
use steunkring_store_postgres::PgStore;
use steunkring_store_sqlite::SqliteStore;
use url::Url;

/// Which backend a database URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// `postgres://` and `postgresql://` are PostgreSQL; `sqlite:…` and anything without a
    /// scheme (a file path) are SQLite; any other scheme is refused.
    pub fn of(url: &str) -> anyhow::Result<Backend> {
        let lower = url.trim_start().to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(Backend::Postgres);
        }
        if lower.starts_with("sqlite:") {
            return Ok(Backend::Sqlite);
        }
        if let Some((scheme, _)) = lower.split_once("://")
            && !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        {
            bail!(
                "unsupported database URL scheme `{scheme}://`: use sqlite://FILE, a file \
                 path, or postgres://…"
            );
        }
        Ok(Backend::Sqlite)
    }
}

/// Opens an existing database: for SQLite a missing file is an error here, not a new empty
/// database (a mistyped path would otherwise verify or back up an empty database, or leave a
/// stray file behind).
pub async fn open_existing(url: &SecretString) -> anyhow::Result<Arc<dyn Store>> {
    if let Some(path) = sqlite_file(url.expose_secret().trim())
        && !path.exists()
    {
        bail!(
            "there is no database at {} (give --database-url, or run from the directory that \
             holds it)",
            path.display()
        );
    }
    open(url).await
}

/// Opens the store for a URL (creating a SQLite file if missing) and applies its migrations.
pub async fn open(url: &SecretString) -> anyhow::Result<Arc<dyn Store>> {
    let raw = url.expose_secret().trim();
    let shown = redact(raw);
    let store: Arc<dyn Store> = match Backend::of(raw)? {
        Backend::Postgres => Arc::new(
            PgStore::open(raw)
                .await
                .with_context(|| format!("could not open the PostgreSQL database {shown}"))?,
        ),
        Backend::Sqlite => Arc::new(
            SqliteStore::open(&sqlite_url(raw))
                .await
                .with_context(|| format!("could not open the SQLite database {shown}"))?,
        ),
    };
    tracing::debug!(database = %shown, backend = store.backend(), "database open and migrated");
    Ok(store)
}

/// The file a SQLite URL or path names; `None` for in-memory databases, for names with
/// percent-escapes, and for other backends.
fn sqlite_file(raw: &str) -> Option<PathBuf> {
    if !matches!(Backend::of(raw), Ok(Backend::Sqlite)) {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    let rest = if lower.starts_with("sqlite://") {
        raw.get("sqlite://".len()..)?
    } else if lower.starts_with("sqlite:") {
        raw.get("sqlite:".len()..)?
    } else {
        return Some(PathBuf::from(raw));
    };
    let (path, params) = rest.split_once('?').unwrap_or((rest, ""));
    if path.is_empty() || path == ":memory:" || params.contains("mode=memory") || path.contains('%')
    {
        return None;
    }
    Some(PathBuf::from(path))
}

/// A file path as sqlx's SQLite URL: `?` and `%` in a plain path are part of the file name.
fn sqlite_url(raw: &str) -> String {
    if raw.trim_start().to_ascii_lowercase().starts_with("sqlite:") {
        raw.to_string()
    } else {
        raw.replace('%', "%25").replace('?', "%3F")
    }
}

/// The URL as it may be shown and logged: the password (in the user part or as a `password`
/// parameter) replaced by `***`. SQLite URLs and paths hold no password and are shown as given.
pub fn redact(raw: &str) -> String {
    if matches!(Backend::of(raw), Ok(Backend::Sqlite)) {
        return raw.to_string();
    }
    let Ok(mut url) = Url::parse(raw) else {
        return "(a database URL that could not be read)".to_string();
    };
    if url.password().is_some() {
        // Only fails for URLs that cannot have a password, which this one has.
        let _ = url.set_password(Some("***"));
    }
    rewrite_query(&mut url, |key, value| {
        let value = if key == "password" { "***" } else { value };
        Some((key.to_string(), value.to_string()))
    });
    url.to_string()
}

/// A PostgreSQL URL as libpq tools (pg_dump, psql) take it: without the password, which they
/// ask for or read from `PGPASSWORD` or `~/.pgpass`; sqlx's own spellings of parameters turned
/// into libpq's, and parameters libpq does not know left out.
pub fn libpq_url_without_password(raw: &str) -> anyhow::Result<String> {
    let mut url =
        Url::parse(raw).map_err(|e| anyhow::anyhow!("the database URL is not valid: {e}"))?;
    let _ = url.set_password(None);
    let mut options: Vec<String> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (key, value) in url.query_pairs() {
        let libpq_key = match &*key {
            "ssl-mode" => "sslmode",
            "ssl-root-cert" | "ssl-ca" => "sslrootcert",
            "ssl-cert" => "sslcert",
            "ssl-key" => "sslkey",
            "options" => {
                options.push(value.to_string());
                continue;
            }
            k @ ("host" | "hostaddr" | "port" | "dbname" | "user" | "application_name"
            | "sslmode" | "sslrootcert" | "sslcert" | "sslkey" | "connect_timeout") => k,
            k => {
                if let Some(setting) = k.strip_prefix("options[").and_then(|k| k.strip_suffix(']'))
                {
                    options.push(format!("-c {setting}={value}"));
                }
                continue;
            }
        };
        pairs.push((libpq_key.to_string(), value.to_string()));
    }
    if !options.is_empty() {
        pairs.push(("options".to_string(), options.join(" ")));
    }
    set_query(&mut url, &pairs);
    Ok(url.to_string())
}

fn rewrite_query(url: &mut Url, f: impl Fn(&str, &str) -> Option<(String, String)>) {
    if url.query().is_none() {
        return;
    }
    let pairs: Vec<(String, String)> = url.query_pairs().filter_map(|(k, v)| f(&k, &v)).collect();
    set_query(url, &pairs);
}

/// Writes query parameters with spaces as `%20`: libpq does not read `+` as a space.
fn set_query(url: &mut Url, pairs: &[(String, String)]) {
    let encode = |s: &str| {
        url::form_urlencoded::byte_serialize(s.as_bytes())
            .collect::<String>()
            .replace('+', "%20")
    };
    let query = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    url.set_query((!query.is_empty()).then_some(query.as_str()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_from_url() {
        assert_eq!(
            Backend::of("postgres://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(
            Backend::of("PostgreSQL://u@h/db").ok(),
            Some(Backend::Postgres)
        );
        assert_eq!(Backend::of("sqlite://x.db").ok(), Some(Backend::Sqlite));
        assert_eq!(Backend::of("sqlite::memory:").ok(), Some(Backend::Sqlite));
        assert_eq!(
            Backend::of("data/steunkring.db").ok(),
            Some(Backend::Sqlite)
        );
        assert_eq!(Backend::of("/var/lib/x.db").ok(), Some(Backend::Sqlite));
        let err = Backend::of("mysql://u@h/db").expect_err("refused");
        assert!(err.to_string().contains("mysql://"));
    }

    #[test]
    fn sqlite_file_names() {
        let file = |raw| sqlite_file(raw).map(|p| p.display().to_string());
        assert_eq!(
            file("sqlite://steunkring.db").as_deref(),
            Some("steunkring.db")
        );
        assert_eq!(
            file("sqlite:///var/lib/s.db?mode=rwc").as_deref(),
            Some("/var/lib/s.db")
        );
        assert_eq!(file("sqlite:s.db").as_deref(), Some("s.db"));
        assert_eq!(file("data/s.db").as_deref(), Some("data/s.db"));
        assert_eq!(file("sqlite::memory:"), None);
        assert_eq!(file("sqlite://?mode=memory"), None);
        assert_eq!(file("postgres://db/x"), None);
    }

    #[test]
    fn plain_paths_keep_question_marks() {
        assert_eq!(sqlite_url("a?b%.db"), "a%3Fb%25.db");
        assert_eq!(
            sqlite_url("sqlite://a.db?mode=rwc"),
            "sqlite://a.db?mode=rwc"
        );
    }

    #[test]
    fn redaction_hides_passwords() {
        let shown = redact("postgres://anna:geheim@db.example.nl:5432/steunkring?sslmode=require");
        assert_eq!(
            shown,
            "postgres://anna:***@db.example.nl:5432/steunkring?sslmode=require"
        );
        let shown = redact("postgres://db/steunkring?user=anna&password=geheim");
        assert!(!shown.contains("geheim"), "{shown}");
        assert!(shown.contains("user=anna"), "{shown}");
        assert_eq!(redact("postgres://db/x"), "postgres://db/x");
        assert_eq!(redact("sqlite://steunkring.db"), "sqlite://steunkring.db");
        assert!(!redact("postgres://anna:gehe im@[bad").contains("gehe"));
    }

    #[test]
    fn libpq_url_leaves_out_the_password() {
        let url = libpq_url_without_password(
            "postgres://anna:geheim@db:5432/steunkring?password=geheim&ssl-mode=require\
             &statement-cache-capacity=10&options=-c%20search_path%3Ds1",
        )
        .expect("valid");
        assert_eq!(
            url,
            "postgres://anna@db:5432/steunkring?sslmode=require&options=-c%20search_path%3Ds1"
        );
        let url =
            libpq_url_without_password("postgres://db/x?options[search_path]=s2").expect("valid");
        assert_eq!(url, "postgres://db/x?options=-c%20search_path%3Ds2");
    }
}
