//! The shared store test-suite on SQLite, plus what only SQLite's side can show.

use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_store::Store;
use steunkring_store_sqlite::SqliteStore;

async fn fresh() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store = SqliteStore::open(&url).await.expect("open");
    (dir, store)
}

#[tokio::test]
async fn case_page_sees_changes_made_elsewhere() {
    let (dir, viewer) = fresh().await;
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let elsewhere = SqliteStore::open(&url).await.expect("a second store");
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
    let (_dir, store) = fresh().await;
    steunkring_store::testsuite::run_all(&store).await;
}

#[tokio::test]
async fn audit_trail_is_append_only_and_tamper_evident() {
    let (_dir, store) = fresh().await;
    let event = AuditEvent::new(chrono::Utc::now(), AuditAction::Read, Outcome::Success).case("c1");
    store
        .append_audit(vec![event.clone(), event.clone(), event])
        .await
        .expect("append");
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        None
    );

    let update = sqlx::query("UPDATE audit_log SET case_id = 'c2' WHERE seq = 2")
        .execute(store.pool())
        .await;
    assert!(update.is_err(), "the database refuses to change an entry");
    let delete = sqlx::query("DELETE FROM audit_log WHERE seq = 3")
        .execute(store.pool())
        .await;
    assert!(delete.is_err(), "the database refuses to remove an entry");

    // Someone with file access drops the guard and edits an entry: verify finds it.
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(store.pool())
        .await
        .expect("drop");
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
async fn removed_last_entry_is_detected() {
    let (_dir, store) = fresh().await;
    let event = AuditEvent::new(chrono::Utc::now(), AuditAction::Read, Outcome::Success);
    store
        .append_audit(vec![event.clone(), event])
        .await
        .expect("append");
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(store.pool())
        .await
        .expect("drop");
    sqlx::query("DELETE FROM audit_log WHERE seq = 2")
        .execute(store.pool())
        .await
        .expect("tamper");
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        Some(2)
    );
}

#[tokio::test]
async fn pragmas_are_set_for_durability() {
    let (_dir, store) = fresh().await;
    let mut conn = store.pool().acquire().await.expect("conn");
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut *conn)
        .await
        .expect("journal");
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *conn)
        .await
        .expect("sync");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .expect("fk");
    assert_eq!(journal, "wal");
    assert_eq!(sync, 2, "synchronous=FULL");
    assert_eq!(fk, 1);
}

#[tokio::test]
async fn backup_is_a_consistent_copy() {
    let (dir, store) = fresh().await;
    let org = store
        .create_org("Back-up", chrono::Utc::now())
        .await
        .expect("org");
    let target = dir.path().join("copy.db");
    store.backup_to(&target).await.expect("backup");
    let copy = SqliteStore::open(&format!("sqlite://{}", target.display()))
        .await
        .expect("open copy");
    assert_eq!(
        copy.find_org_by_name("Back-up")
            .await
            .expect("find")
            .map(|o| o.id),
        Some(org.id)
    );
    assert_eq!(
        copy.verify_audit().await.expect("verify").first_broken,
        None
    );
    assert!(
        store.backup_to(&target).await.is_err(),
        "never overwrites an existing file"
    );
}

/// Every table that holds case data — a `case_id` column, or a foreign key into such a table —
/// is one that `destroy_case` deletes from. A table added later without being listed in
/// `CASE_TABLES` fails here, so a destruction can never leave it behind.
#[tokio::test]
async fn destruction_covers_every_case_table() {
    let (_dir, store) = fresh().await;
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
         AND m.name NOT LIKE '_sqlx%' ORDER BY m.name",
    )
    .fetch_all(store.pool())
    .await
    .expect("tables");
    let mut holding = Vec::new();
    for table in &tables {
        let columns: Vec<String> = sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
            .bind(table)
            .fetch_all(store.pool())
            .await
            .expect("columns");
        let references: Vec<String> =
            sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_list($1)")
                .bind(table)
                .fetch_all(store.pool())
                .await
                .expect("foreign keys");
        let refers_to_case_data = references
            .iter()
            .any(|r| r != "cases" && steunkring_store::CASE_TABLES.contains(&r.as_str()));
        if columns.iter().any(|c| c == "case_id") || refers_to_case_data {
            holding.push(table.clone());
        }
    }
    assert!(!holding.is_empty());
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
