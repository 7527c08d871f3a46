//! The shared store test-suite on PostgreSQL, plus what only PostgreSQL's side can show.
//!
//! Needs `STEUNKRING_TEST_DATABASE_URL` (a `postgres://` URL); each test works in a schema of
//! its own. Without it the tests are skipped — except under `CI=true`, where that is a failure.

use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_store::Store;
use steunkring_store_postgres::PgStore;

async fn fresh() -> Option<PgStore> {
    fresh_with_schema().await.map(|(store, _, _)| store)
}

/// A store in a schema of its own, with the URL and schema to open it again.
async fn fresh_with_schema() -> Option<(PgStore, String, String)> {
    let Ok(url) = std::env::var("STEUNKRING_TEST_DATABASE_URL") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true")
                || std::env::var("STEUNKRING_TEST_SQLITE_ONLY").is_ok(),
            "CI must run the PostgreSQL tests: set STEUNKRING_TEST_DATABASE_URL"
        );
        eprintln!("skipped: STEUNKRING_TEST_DATABASE_URL is not set");
        return None;
    };
    let schema = format!("t_{}", uuid_like());
    let store = PgStore::open_in_schema(&url, &schema).await.expect("open");
    Some((store, url, schema))
}

fn uuid_like() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{nanos:x}{:x}", std::process::id())
}

#[tokio::test]
async fn case_page_sees_changes_made_elsewhere() {
    let Some((viewer, url, schema)) = fresh_with_schema().await else {
        return;
    };
    let elsewhere = PgStore::open_in_schema(&url, &schema)
        .await
        .expect("a second store");
    let pool = viewer.pool().clone();
    steunkring_store::testsuite::case_page_sees_changes_made_elsewhere(
        &viewer,
        &elsewhere,
        |member| async move {
            sqlx::query("UPDATE members SET name = 'Oma Rechtstreeks' WHERE id = $1")
                .bind(member.as_str())
                .execute(&pool)
                .await
                .expect("plain SQL");
        },
    )
    .await;
}

#[tokio::test]
async fn store_suite() {
    let Some(store) = fresh().await else { return };
    steunkring_store::testsuite::run_all(&store).await;
}

#[tokio::test]
async fn audit_trail_is_append_only_and_tamper_evident() {
    let Some(store) = fresh().await else { return };
    let event = AuditEvent::new(chrono::Utc::now(), AuditAction::Read, Outcome::Success).case("c1");
    store
        .append_audit(vec![event.clone(), event.clone(), event])
        .await
        .expect("append");
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        None
    );

    assert!(
        sqlx::query("UPDATE audit_log SET case_id = 'c2' WHERE seq = 2")
            .execute(store.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log WHERE seq = 3")
            .execute(store.pool())
            .await
            .is_err()
    );
    assert!(
        sqlx::query("TRUNCATE audit_log")
            .execute(store.pool())
            .await
            .is_err()
    );

    sqlx::query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        .execute(store.pool())
        .await
        .expect("disable guard");
    sqlx::query("UPDATE audit_log SET case_id = 'c2' WHERE seq = 2")
        .execute(store.pool())
        .await
        .expect("tamper");
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        Some(2)
    );
}

#[tokio::test]
async fn concurrent_writers_keep_one_chain() {
    let Some(store) = fresh().await else { return };
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..10 {
                let e = AuditEvent::new(chrono::Utc::now(), AuditAction::Read, Outcome::Success);
                s.append_audit(vec![e]).await.expect("append");
            }
        }));
    }
    for t in tasks {
        t.await.expect("task");
    }
    let report = store.verify_audit().await.expect("verify");
    assert_eq!(report.first_broken, None);
    assert_eq!(report.checked, 80);
}

#[tokio::test]
async fn backup_points_to_pg_dump() {
    let Some(store) = fresh().await else { return };
    assert!(matches!(
        store.backup_to(std::path::Path::new("/tmp/x.db")).await,
        Err(steunkring_store::StoreError::Unsupported(_))
    ));
}

/// Every table that holds case data — a `case_id` column, or a foreign key into such a table —
/// is one that `destroy_case` deletes from. A table added later without being listed in
/// `CASE_TABLES` fails here, so a destruction can never leave it behind.
#[tokio::test]
async fn destruction_covers_every_case_table() {
    let Some(store) = fresh().await else { return };
    let with_case_id: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND column_name = 'case_id'",
    )
    .fetch_all(store.pool())
    .await
    .expect("columns");
    let references: Vec<(String, String)> = sqlx::query_as(
        "SELECT tc.table_name::text, ccu.table_name::text FROM information_schema.table_constraints tc \
         JOIN information_schema.constraint_column_usage ccu \
           ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema \
         WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()",
    )
    .fetch_all(store.pool())
    .await
    .expect("foreign keys");
    assert!(!with_case_id.is_empty());
    let holding = with_case_id.into_iter().chain(
        references
            .into_iter()
            .filter(|(_, to)| to != "cases" && steunkring_store::CASE_TABLES.contains(&to.as_str()))
            .map(|(from, _)| from),
    );
    for table in holding {
        // The audit trail keeps that something happened to a case, never its content.
        if table == "audit_log" {
            continue;
        }
        assert!(
            steunkring_store::CASE_TABLES.contains(&table.as_str()),
            "{table} holds case data but destroy_case does not delete from it: add it to CASE_TABLES"
        );
    }
}
