//! The real `steunkring` binary against a SQLite file of its own per test (and, when
//! `STEUNKRING_TEST_DATABASE_URL` is set, against PostgreSQL in a schema of its own).
//!
//! What the binary wrote is checked by opening the same database with the store.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::{Email, OrgId};
use steunkring_store::{
    AuditFilter, CaseQuery, CaseSummary, NewSession, OrgScope, PlanStore, SessionKind,
    SessionStage, Store,
};
use steunkring_store_sqlite::SqliteStore;

const PASSWORD: &str = "een-lange-zin-42";

/// Settings from the machine running the tests must not leak into them.
const OUR_VARS: [&str; 5] = [
    "STEUNKRING_DATABASE_URL",
    "STEUNKRING_CONFIG",
    "STEUNKRING_BIND",
    "STEUNKRING_HTTPS",
    "STEUNKRING_LOG",
];

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn ok(self) -> Out {
        assert_eq!(
            self.code,
            Some(0),
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout,
            self.stderr
        );
        self
    }

    fn failed(self) -> Out {
        assert!(
            self.code.is_some_and(|c| c != 0),
            "expected failure, got {:?}\nstdout: {}\nstderr: {}",
            self.code,
            self.stdout,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("backtrace"),
            "{}",
            self.stderr
        );
        self
    }
}

fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_steunkring"));
    cmd.current_dir(dir);
    for var in OUR_VARS {
        cmd.env_remove(var);
    }
    cmd
}

fn run_cmd(mut cmd: Command, stdin: Option<&str>) -> Out {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start steunkring");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(text) = stdin {
            // A command refused before it reads its input (a bad flag) may already be gone.
            match input.write_all(text.as_bytes()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
                _ => {}
            }
        }
    }
    let out = child.wait_with_output().expect("wait");
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temporary directory with a database URL in it.
struct Db {
    dir: tempfile::TempDir,
    url: String,
}

impl Db {
    fn sqlite() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("test.db").display());
        Db { dir, url }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_stdin(args, None)
    }

    fn run_stdin(&self, args: &[&str], stdin: Option<&str>) -> Out {
        let mut cmd = command(self.dir.path());
        cmd.env("STEUNKRING_DATABASE_URL", &self.url).args(args);
        run_cmd(cmd, stdin)
    }

    fn user_add(&self, org: &str, email: &str, roles: &str, password: &str) -> Out {
        self.run_stdin(
            &[
                "user",
                "add",
                "--org",
                org,
                "--email",
                email,
                "--name",
                "Anna de Boer",
                "--role",
                roles,
                "--password-stdin",
            ],
            Some(&format!("{password}\n")),
        )
    }

    /// The number of audit entries, as `audit verify` reports them.
    fn audit_entries(&self) -> u64 {
        entries_checked(&self.run(&["audit", "verify"]).ok().stdout)
    }

    async fn store(&self) -> SqliteStore {
        SqliteStore::open(&self.url).await.expect("open")
    }
}

fn entries_checked(stdout: &str) -> u64 {
    stdout
        .split_whitespace()
        .zip(stdout.split_whitespace().skip(1))
        .find(|(_, next)| *next == "entries")
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or_else(|| panic!("no entry count in {stdout:?}"))
}

fn email(raw: &str) -> Email {
    Email::parse(raw).expect("email")
}

/// The id `demo` printed for the benchmark case.
fn benchmark_id(stdout: &str) -> CaseId {
    let id = stdout
        .lines()
        .find_map(|l| l.strip_prefix("Benchmark case: "))
        .unwrap_or_else(|| panic!("no benchmark case in {stdout:?}"));
    CaseId::from_stored(id.trim())
}

/// The demo organisation's scope and all its cases.
async fn demo_cases(store: &SqliteStore) -> (OrgScope, Vec<CaseSummary>) {
    let org = store
        .find_org_by_name("Jeugdhulp Demostad")
        .await
        .expect("find")
        .expect("demo org");
    let scope = OrgScope::operator(org.id);
    let cases = store
        .list_cases(
            &scope,
            &CaseQuery {
                include_closed: true,
                limit: 500,
                ..CaseQuery::default()
            },
        )
        .await
        .expect("cases");
    (scope, cases)
}

#[test]
fn version() {
    let dir = tempfile::tempdir().expect("dir");
    let out = run_cmd(
        {
            let mut c = command(dir.path());
            c.arg("--version");
            c
        },
        None,
    )
    .ok();
    assert_eq!(
        out.stdout.trim(),
        format!("steunkring {}", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test]
async fn org_add_prints_the_new_id_and_refuses_a_second_with_that_name() {
    let db = Db::sqlite();
    let out = db.run(&["org", "add", "--name", "Jeugdhulp Noord"]).ok();
    let id = out.stdout.trim();
    let org = db
        .store()
        .await
        .find_org_by_name("Jeugdhulp Noord")
        .await
        .expect("find")
        .expect("created");
    assert_eq!(org.id.as_str(), id);

    let out = db
        .run(&["org", "add", "--name", "Jeugdhulp Noord"])
        .failed();
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    let out = db.run(&["org", "add", "--name", "  "]).failed();
    assert!(out.stderr.contains("must not be empty"), "{}", out.stderr);
}

#[tokio::test]
async fn user_add_reads_the_password_from_stdin_and_writes_audit_entries() {
    let db = Db::sqlite();
    let org_id = db.run(&["org", "add", "--name", "Wijk"]).ok().stdout;
    let out = db
        .run_stdin(
            &[
                "user",
                "add",
                "--org",
                org_id.trim(), // by id; by name in the other tests
                "--email",
                "Anna@Example.NL",
                "--name",
                "Anna de Boer",
                "--role",
                "professional,admin",
                "--team",
                "Wijkteam Oost",
                "--team",
                "Wijkteam West",
                "--password-stdin",
            ],
            Some(&format!("{PASSWORD}\r\n")),
        )
        .ok();
    assert!(out.stdout.contains("anna@example.nl"), "{}", out.stdout);
    assert!(!out.stdout.contains(PASSWORD) && !out.stderr.contains(PASSWORD));

    let store = db.store().await;
    let login = store
        .find_login(&email("anna@example.nl"))
        .await
        .expect("find")
        .expect("created");
    assert_eq!(login.org_id.as_str(), org_id.trim());
    assert!(
        steunkring_web::password::verify(PASSWORD, Some(&login.password_hash)).await,
        "the stored hash is of the line read, without its line ending"
    );
    let scope = OrgScope::operator(login.org_id.clone());
    let user = store.get_user(&scope, &login.user_id).await.expect("user");
    assert_eq!(
        user.roles,
        [
            steunkring_domain::Role::Admin,
            steunkring_domain::Role::Professional
        ]
    );
    assert_eq!(user.teams.len(), 2);
    let teams = store.list_teams(&scope).await.expect("teams");
    assert_eq!(teams.len(), 2, "teams created in the organisation");

    // A second account in an existing team does not create it again.
    db.run_stdin(
        &[
            "user",
            "add",
            "--org",
            "Wijk",
            "--email",
            "bram@example.nl",
            "--name",
            "Bram",
            "--role",
            "coordinator",
            "--team",
            "Wijkteam Oost",
            "--password-stdin",
        ],
        Some(PASSWORD),
    )
    .ok();
    assert_eq!(store.list_teams(&scope).await.expect("teams").len(), 2);

    // Organisation, two teams, the user, the second user: each with its audit entry.
    let audit = store
        .list_audit(
            &scope,
            &AuditFilter {
                limit: 100,
                ..AuditFilter::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(audit.len(), 5);
    for entry in audit
        .iter()
        .filter(|e| e.event.object_type.as_deref() != Some("organisation"))
    {
        assert_eq!(entry.event.action, AuditAction::Create);
        assert_eq!(
            entry.event.on_behalf_of.as_deref(),
            Some("operator (command line)")
        );
        assert_eq!(entry.event.purpose.as_deref(), Some("administration"));
        assert_eq!(entry.event.org_id.as_ref(), Some(&login.org_id));
    }
    assert_eq!(db.audit_entries(), 5);
}

#[tokio::test]
async fn weak_password_is_refused_and_nothing_is_written() {
    let db = Db::sqlite();
    db.run(&["org", "add", "--name", "Wijk"]).ok();
    let before = db.audit_entries();
    for (password, rule) in [
        ("kort", "at least 10 characters"),
        ("wachtwoord123", "too common"),
        ("", "at least 10 characters"),
    ] {
        let out = db
            .user_add("Wijk", "anna@example.nl", "admin", password)
            .failed();
        assert!(out.stderr.contains(rule), "{password:?}: {}", out.stderr);
    }
    assert_eq!(db.audit_entries(), before);
    assert!(
        db.store()
            .await
            .find_login(&email("anna@example.nl"))
            .await
            .expect("find")
            .is_none()
    );
}

#[tokio::test]
async fn duplicate_email_is_refused_plainly() {
    let db = Db::sqlite();
    db.run(&["org", "add", "--name", "Wijk"]).ok();
    db.run(&["org", "add", "--name", "Ander"]).ok();
    db.user_add("Wijk", "anna@example.nl", "admin", PASSWORD)
        .ok();
    let before = db.audit_entries();

    // Another organisation, other capitals, and a team that would be new: still refused, and
    // the team is not created either.
    let out = db
        .run_stdin(
            &[
                "user",
                "add",
                "--org",
                "Ander",
                "--email",
                "ANNA@example.nl",
                "--name",
                "Anna",
                "--role",
                "admin",
                "--team",
                "Nieuw team",
                "--password-stdin",
            ],
            Some(PASSWORD),
        )
        .failed();
    assert!(
        out.stderr
            .contains("an account with the e-mail address anna@example.nl already exists"),
        "{}",
        out.stderr
    );
    assert_eq!(db.audit_entries(), before);
}

#[test]
fn unknown_role_org_and_bad_input_are_refused() {
    let db = Db::sqlite();
    db.run(&["org", "add", "--name", "Wijk"]).ok();

    let out = db
        .user_add("Wijk", "anna@example.nl", "root", PASSWORD)
        .failed();
    assert!(out.stderr.contains("unknown role"), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("admin, professional, coordinator, analyst"),
        "{}",
        out.stderr
    );
    let out = db
        .user_add("Wijk", "anna@example.nl", "youth", PASSWORD)
        .failed();
    assert!(
        out.stderr
            .contains("admin, professional, coordinator, analyst"),
        "{}",
        out.stderr
    );

    let out = db
        .user_add("Nergens", "anna@example.nl", "admin", PASSWORD)
        .failed();
    assert!(out.stderr.contains("no organisation"), "{}", out.stderr);

    let out = db
        .user_add("Wijk", "anna-at-example.nl", "admin", PASSWORD)
        .failed();
    assert!(
        out.stderr.contains("not a valid e-mail address"),
        "{}",
        out.stderr
    );

    let out = db
        .run_stdin(
            &[
                "user", "add", "--org", "Wijk", "--email", "a@b.nl", "--name", "A", "--role",
                "admin",
            ],
            Some(PASSWORD),
        )
        .failed();
    assert!(out.stderr.contains("--password-stdin"), "{}", out.stderr);
    assert_eq!(db.audit_entries(), 1, "only the organisation");
}

#[tokio::test]
async fn demo_twice_is_idempotent_and_prints_the_logins() {
    // No database URL: the default SQLite file in the working directory.
    let dir = tempfile::tempdir().expect("dir");
    let demo = || {
        let mut c = command(dir.path());
        c.arg("demo");
        run_cmd(c, None).ok()
    };
    let verify = || {
        let mut c = command(dir.path());
        c.args(["audit", "verify"]);
        entries_checked(&run_cmd(c, None).ok().stdout)
    };

    let first = demo();
    assert!(dir.path().join("steunkring.db").exists());
    for needle in [
        "beheerder@demo.steunkring.nl",
        "professional@demo.steunkring.nl",
        "coordinator@demo.steunkring.nl",
        "analist@demo.steunkring.nl",
        "demo-steunkring",
        "trying Steunkring out only",
    ] {
        assert!(first.stdout.contains(needle), "{needle}: {}", first.stdout);
    }
    let entries = verify();
    let second = demo();
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(verify(), entries, "a second run writes nothing");

    let store = SqliteStore::open(&format!(
        "sqlite://{}",
        dir.path().join("steunkring.db").display()
    ))
    .await
    .expect("open");
    let org = store
        .find_org_by_name("Jeugdhulp Demostad")
        .await
        .expect("find")
        .expect("demo org");
    let scope = OrgScope::operator(org.id.clone());
    let mut teams: Vec<String> = store
        .list_teams(&scope)
        .await
        .expect("teams")
        .into_iter()
        .map(|t| t.name)
        .collect();
    teams.sort();
    assert_eq!(teams, ["Wijkteam Centrum", "Wijkteam Noord"]);
    assert_eq!(store.list_users(&scope).await.expect("users").len(), 4);
    // A fresh organisation gets a dozen cases, the first of them the benchmark case.
    let (_, cases) = demo_cases(&store).await;
    assert_eq!(cases.len(), 12);
    assert!(cases.iter().any(|c| c.id == benchmark_id(&first.stdout)));
    let login = store
        .find_login(&email("beheerder@demo.steunkring.nl"))
        .await
        .expect("find")
        .expect("admin");
    assert_eq!(login.roles, [steunkring_domain::Role::Admin]);
    assert!(steunkring_web::password::verify("demo-steunkring", Some(&login.password_hash)).await);
}

#[tokio::test]
async fn user_disable_ends_the_sessions() {
    let db = Db::sqlite();
    db.run(&["org", "add", "--name", "Wijk"]).ok();
    db.user_add("Wijk", "anna@example.nl", "professional", PASSWORD)
        .ok();
    let store = db.store().await;
    let login = store
        .find_login(&email("anna@example.nl"))
        .await
        .expect("find")
        .expect("user");
    let now = chrono::Utc::now();
    store
        .create_session(
            NewSession {
                token_hash: "hash-of-a-token".into(),
                user_id: login.user_id.clone(),
                kind: SessionKind::Browser,
                stage: SessionStage::Full,
                created_at: now,
            },
            steunkring_domain::audit::AuditEvent::new(
                now,
                AuditAction::Login,
                steunkring_domain::audit::Outcome::Success,
            ),
        )
        .await
        .expect("session");
    let before = db.audit_entries();

    let out = db
        .run(&["user", "disable", "--email", "Anna@example.nl"])
        .ok();
    assert!(
        out.stdout.contains("Disabled anna@example.nl"),
        "{}",
        out.stdout
    );
    let login = store
        .find_login(&email("anna@example.nl"))
        .await
        .expect("find")
        .expect("user");
    assert!(login.disabled);
    assert!(
        store
            .find_session("hash-of-a-token")
            .await
            .expect("find")
            .is_none()
    );
    assert_eq!(db.audit_entries(), before + 1);

    // Again: nothing to do, nothing written.
    db.run(&["user", "disable", "--email", "anna@example.nl"])
        .ok();
    assert_eq!(db.audit_entries(), before + 1);
    let out = db
        .run(&["user", "disable", "--email", "niemand@example.nl"])
        .failed();
    assert!(out.stderr.contains("no account"), "{}", out.stderr);
}

#[test]
fn backup_creates_a_copy_and_never_overwrites() {
    let db = Db::sqlite();
    db.run(&["org", "add", "--name", "Wijk"]).ok();
    let target = db.path("copy.db");
    let target_str = target.display().to_string();
    let out = db.run(&["backup", "--to", &target_str]).ok();
    assert!(out.stdout.contains("Backup written"), "{}", out.stdout);
    assert!(target.exists());

    let modified = std::fs::metadata(&target)
        .expect("meta")
        .modified()
        .expect("time");
    let out = db.run(&["backup", "--to", &target_str]).failed();
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    assert_eq!(
        std::fs::metadata(&target)
            .expect("meta")
            .modified()
            .expect("time"),
        modified
    );

    // The copy is a whole database with the same audit trail.
    let mut c = command(db.dir.path());
    c.args(["--database-url", &target_str, "audit", "verify"]);
    assert_eq!(entries_checked(&run_cmd(c, None).ok().stdout), 1);
}

#[test]
fn backup_on_postgres_prints_pg_dump_without_the_password() {
    let dir = tempfile::tempdir().expect("dir");
    let mut c = command(dir.path());
    c.env(
        "STEUNKRING_DATABASE_URL",
        "postgres://anna:geheim@db.example.nl/steunkring",
    )
    .args(["backup", "--to", "steunkring.dump"]);
    let out = run_cmd(c, None).ok();
    assert!(
        out.stdout.contains(
            "pg_dump --format=custom --file steunkring.dump postgres://anna@db.example.nl/steunkring"
        ),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("geheim") && !out.stderr.contains("geheim"));
}

#[tokio::test]
async fn audit_verify_passes_fresh_and_fails_on_a_tampered_copy() {
    let db = Db::sqlite();
    // A mistyped path is not an empty, intact database.
    let out = db.run(&["audit", "verify"]).failed();
    assert!(
        out.stderr.contains("there is no database at"),
        "{}",
        out.stderr
    );
    assert!(!db.path("test.db").exists(), "no stray file left behind");

    let out = db.run(&["migrate"]).ok();
    assert!(out.stdout.contains("up to date"), "{}", out.stdout);
    let out = db.run(&["audit", "verify"]).ok();
    assert_eq!(entries_checked(&out.stdout), 0);

    db.run(&["org", "add", "--name", "Wijk"]).ok();
    db.user_add("Wijk", "anna@example.nl", "admin", PASSWORD)
        .ok();
    db.user_add("Wijk", "bram@example.nl", "analyst", PASSWORD)
        .ok();
    assert_eq!(db.audit_entries(), 3);

    let copy = db.path("tampered.db");
    db.run(&["backup", "--to", &copy.display().to_string()])
        .ok();
    let copy_url = format!("sqlite://{}", copy.display());
    {
        let pool = sqlx::SqlitePool::connect(&copy_url)
            .await
            .expect("open copy");
        sqlx::query("DROP TRIGGER audit_log_no_update")
            .execute(&pool)
            .await
            .expect("drop guard");
        sqlx::query("UPDATE audit_log SET purpose = 'curiosity' WHERE seq = 2")
            .execute(&pool)
            .await
            .expect("tamper");
        pool.close().await;
    }

    let mut c = command(db.dir.path());
    c.args(["--database-url", &copy_url, "audit", "verify"]);
    let out = run_cmd(c, None);
    assert_eq!(out.code, Some(1), "{} {}", out.stdout, out.stderr);
    assert!(out.stdout.contains("BROKEN at entry 2"), "{}", out.stdout);

    // The original is untouched.
    assert_eq!(db.audit_entries(), 3);
}

#[test]
fn config_file_env_and_flag_choose_the_database() {
    let dir = tempfile::tempdir().expect("dir");
    let config = dir.path().join("steunkring.toml");
    std::fs::write(&config, "database_url = \"sqlite://from-file.db\"\n").expect("write");
    let org_add = |name: &str, env_url: Option<&str>, flag_url: Option<&str>| {
        let mut c = command(dir.path());
        c.env("STEUNKRING_CONFIG", &config);
        if let Some(url) = env_url {
            c.env("STEUNKRING_DATABASE_URL", url);
        }
        if let Some(url) = flag_url {
            c.args(["--database-url", url]);
        }
        c.args(["org", "add", "--name", name]);
        run_cmd(c, None).ok();
    };
    org_add("A", None, None);
    assert!(dir.path().join("from-file.db").exists());
    org_add("B", Some("sqlite://from-env.db"), None);
    assert!(dir.path().join("from-env.db").exists());
    org_add(
        "C",
        Some("sqlite://from-env.db"),
        Some("sqlite://from-flag.db"),
    );
    assert!(dir.path().join("from-flag.db").exists());
    assert!(!dir.path().join("steunkring.db").exists());

    std::fs::write(&config, "database_ulr = \"x\"\n").expect("write");
    let mut c = command(dir.path());
    c.env("STEUNKRING_CONFIG", &config).args(["migrate"]);
    let out = run_cmd(c, None).failed();
    assert!(out.stderr.contains("database_ulr"), "{}", out.stderr);
}

#[test]
fn database_passwords_stay_out_of_errors() {
    let dir = tempfile::tempdir().expect("dir");
    let mut c = command(dir.path());
    // Refused before any connection is tried (a refused connection takes the pool's 10 s).
    c.env(
        "STEUNKRING_DATABASE_URL",
        "postgres://anna:geheim@127.0.0.1:1/steunkring?sslmode=bogus",
    )
    .args(["migrate"]);
    let out = run_cmd(c, None).failed();
    assert!(
        out.stderr.contains("anna:***@127.0.0.1:1"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("geheim"), "{}", out.stderr);

    let mut c = command(dir.path());
    c.env("STEUNKRING_DATABASE_URL", "mysql://anna:geheim@db/x")
        .args(["migrate"]);
    let out = run_cmd(c, None).failed();
    assert!(out.stderr.contains("unsupported"), "{}", out.stderr);
    assert!(!out.stderr.contains("geheim"), "{}", out.stderr);
}

#[test]
fn serve_prints_its_address_and_answers() {
    let db = Db::sqlite();
    let mut cmd = command(db.dir.path());
    cmd.env("STEUNKRING_DATABASE_URL", &db.url)
        .args(["serve", "--bind", "127.0.0.1:0", "--demo"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().expect("start");
    let stdout = child.stdout.take().expect("stdout");
    let mut printed = String::new();
    let mut addr = None;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("line");
        if let Some(rest) = line.strip_prefix("Steunkring: http://") {
            addr = Some(rest.to_string());
            break;
        }
        printed.push_str(&line);
        printed.push('\n');
    }
    let answer = addr.map(|addr| {
        let mut stream = std::net::TcpStream::connect(&addr).expect("connect");
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .expect("request");
        let mut answer = String::new();
        stream.read_to_string(&mut answer).expect("response");
        answer
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        printed.contains("beheerder@demo.steunkring.nl"),
        "{printed}"
    );
    let answer = answer.expect("the address line");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

/// org add, user add and audit verify on PostgreSQL, in a fresh schema chosen with the URL's
/// `options` parameter (sqlx passes it to the server as given).
#[tokio::test]
async fn postgres_org_user_and_audit_verify() {
    let Ok(base) = std::env::var("STEUNKRING_TEST_DATABASE_URL") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true")
                || std::env::var("STEUNKRING_TEST_SQLITE_ONLY").is_ok(),
            "CI must run the PostgreSQL tests: set STEUNKRING_TEST_DATABASE_URL"
        );
        eprintln!("skipped: STEUNKRING_TEST_DATABASE_URL is not set");
        return;
    };
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let schema = format!("cli_{nanos:x}{:x}", std::process::id());
    let pool = sqlx::PgPool::connect(&base).await.expect("connect");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
        .execute(&pool)
        .await
        .expect("create schema");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-c%20search_path%3D{schema}");
    let db = Db {
        dir: tempfile::tempdir().expect("dir"),
        url,
    };

    let org_id = db.run(&["org", "add", "--name", "Wijk"]).ok().stdout;
    db.user_add("Wijk", "anna@example.nl", "admin", PASSWORD)
        .ok();
    let out = db
        .user_add("Wijk", "anna@example.nl", "admin", PASSWORD)
        .failed();
    assert!(out.stderr.contains("already exists"), "{}", out.stderr);
    assert_eq!(db.audit_entries(), 2);

    // Everything landed in the schema of this test.
    let orgs: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT count(*) FROM {schema}.orgs WHERE id = $1"
    )))
    .bind(OrgId::from_stored(org_id.trim()).as_str())
    .fetch_one(&pool)
    .await
    .expect("count");
    assert_eq!(orgs, 1);

    sqlx::query(sqlx::AssertSqlSafe(format!("DROP SCHEMA {schema} CASCADE")))
        .execute(&pool)
        .await
        .expect("drop schema");
    pool.close().await;
}

#[tokio::test]
async fn demo_cases_are_added_once_with_a_40_member_benchmark_case() {
    let db = Db::sqlite();
    let out = db.run(&["demo", "--cases", "30"]).ok();
    assert!(out.stderr.contains("30/30 cases"), "{}", out.stderr);
    let id = benchmark_id(&out.stdout);

    let store = db.store().await;
    let (scope, cases) = demo_cases(&store).await;
    assert_eq!(cases.len(), 30);
    let mut teams: Vec<&str> = cases.iter().map(|c| c.team_name.as_str()).collect();
    teams.sort();
    teams.dedup();
    assert_eq!(teams, ["Wijkteam Centrum", "Wijkteam Noord"]);

    let case = store.get_case(&scope, &id).await.expect("benchmark case");
    assert_eq!(case.youth_name, "Benchmark Bakker");
    assert_eq!(
        case.team_name, "Wijkteam Centrum",
        "the demo professional's team"
    );
    let lead = store
        .find_login(&email("professional@demo.steunkring.nl"))
        .await
        .expect("find")
        .expect("professional");
    assert_eq!(case.network_lead.as_ref(), Some(&lead.user_id));
    let network = store.network(&scope, &id).await.expect("network");
    assert_eq!(network.members.len(), 40);
    assert_eq!(network.ties.len(), 60);
    // The first demo cases come with an adopted plan in which the network holds actions.
    let plan = store.plan(&scope, &id).await.expect("plan");
    assert!(
        plan.plan.actions.iter().any(|a| a.who.is_member()),
        "{plan:?}"
    );
    assert_eq!(
        store
            .plan_versions(&scope, &id)
            .await
            .expect("versions")
            .len(),
        1
    );
    for c in &cases {
        let n = store.network(&scope, &c.id).await.expect("network");
        assert!((3..=40).contains(&n.members.len()), "{}", n.members.len());
    }
    let entries = db.audit_entries();

    // Again without --cases: nothing is added, and the same benchmark case is named.
    let again = db.run(&["demo"]).ok();
    assert_eq!(benchmark_id(&again.stdout), id);
    assert_eq!(demo_cases(&store).await.1.len(), 30);
    assert_eq!(db.audit_entries(), entries, "a second run writes nothing");

    // More when asked for, each with its audit entries; still one benchmark case.
    let more = db.run(&["demo", "--cases", "5"]).ok();
    assert_eq!(benchmark_id(&more.stdout), id);
    assert_eq!(demo_cases(&store).await.1.len(), 35);
    assert_eq!(
        db.audit_entries(),
        entries + 10,
        "per case its creation and its measurement history"
    );
    let named = store
        .list_cases(
            &scope,
            &CaseQuery {
                search: Some("Benchmark".into()),
                limit: 10,
                ..CaseQuery::default()
            },
        )
        .await
        .expect("search");
    assert_eq!(named.len(), 1);
}
