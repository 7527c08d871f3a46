//! The test application: a fresh database per test, an organisation with users of each role.

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use std::net::SocketAddr;
use std::sync::Arc;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::{Email, OrgId, PersonName, Role, TeamId, UserId};
use steunkring_store::{NewUser, OrgScope, Store};
use steunkring_web::{AppState, WebConfig};
use tower::ServiceExt;

pub const PASSWORD: &str = "correct-horse-battery";

pub struct TestApp {
    pub store: Arc<dyn Store>,
    pub router: Router,
    pub org: OrgId,
    pub team: TeamId,
    pub admin: UserId,
    pub professional: UserId,
    _dir: Option<tempfile::TempDir>,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent (for files such as PDFs).
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    /// The session token from `Set-Cookie`, if one was set (and not cleared).
    pub fn session_token(&self) -> Option<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| cookie::Cookie::parse(v.to_string()).ok())
            .find(|c| c.name() == "steunkring" && !c.value().is_empty())
            .map(|c| c.value().to_string())
    }
}

async fn open_store() -> (Arc<dyn Store>, Option<tempfile::TempDir>) {
    if let Ok(url) = std::env::var("STEUNKRING_TEST_DATABASE_URL") {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let schema = format!("w_{nanos:x}_{:x}", std::process::id());
        let store = steunkring_store_postgres::PgStore::open_in_schema(&url, &schema)
            .await
            .expect("postgres");
        return (Arc::new(store), None);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("web.db").display());
    let store = steunkring_store_sqlite::SqliteStore::open(&url)
        .await
        .expect("sqlite");
    (Arc::new(store), Some(dir))
}

pub fn operator_event(org: &OrgId) -> AuditEvent {
    let mut e = AuditEvent::new(chrono::Utc::now(), AuditAction::Create, Outcome::Success);
    e.org_id = Some(org.clone());
    e
}

impl TestApp {
    pub async fn new() -> TestApp {
        TestApp::with_config(WebConfig::default()).await
    }

    pub async fn with_config(config: WebConfig) -> TestApp {
        let (store, dir) = open_store().await;
        let org = store
            .create_org("Jeugdhulp Test", chrono::Utc::now())
            .await
            .expect("org");
        let scope = OrgScope::operator(org.id.clone());
        let team = store
            .create_team(&scope, "Wijkteam Test", operator_event(&org.id))
            .await
            .expect("team");
        let mut app = TestApp {
            router: steunkring_web::router(AppState::new(store.clone(), config)),
            store,
            org: org.id.clone(),
            team: team.id.clone(),
            admin: UserId::from_stored(""),
            professional: UserId::from_stored(""),
            _dir: dir,
        };
        app.admin = app
            .add_user("beheer@test.nl", "Bea Beheer", &[Role::Admin])
            .await;
        app.professional = app
            .add_user("pro@test.nl", "Pim Professional", &[Role::Professional])
            .await;
        app
    }

    pub async fn add_user(&self, email: &str, name: &str, roles: &[Role]) -> UserId {
        let hash = steunkring_web::password::hash(
            &steunkring_domain::Password::parse(PASSWORD).expect("policy"),
        )
        .await
        .expect("hash");
        self.store
            .create_user(
                &OrgScope::operator(self.org.clone()),
                NewUser {
                    email: Email::parse(email).expect("email"),
                    name: PersonName::parse("name", name).expect("name"),
                    roles: roles.to_vec(),
                    teams: vec![self.team.clone()],
                    password_hash: hash,
                    at: chrono::Utc::now(),
                },
                operator_event(&self.org),
            )
            .await
            .expect("user")
            .id
    }

    /// Sends a request; `body` is sent as JSON for `/api/` paths and as a form otherwise.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
        headers: &[(&str, &str)],
    ) -> Reply {
        self.send_from(method, path, body, headers, "203.0.113.5:40000")
            .await
    }

    pub async fn send_from(
        &self,
        method: Method,
        path: &str,
        body: Option<&str>,
        headers: &[(&str, &str)],
        addr: &str,
    ) -> Reply {
        let mut builder = Request::builder().method(method).uri(path);
        if body.is_some() {
            let kind = if path.starts_with("/api/") {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            };
            builder = builder.header(header::CONTENT_TYPE, kind);
        }
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        let mut req = builder
            .body(
                body.map(|b| Body::from(b.to_string()))
                    .unwrap_or_else(Body::empty),
            )
            .expect("request");
        let socket: SocketAddr = addr.parse().expect("addr");
        req.extensions_mut().insert(ConnectInfo(socket));
        let response = self.router.clone().oneshot(req).await.expect("infallible");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        let cookie = token.map(|t| format!("steunkring={t}"));
        let headers: Vec<(&str, &str)> = cookie.iter().map(|c| ("cookie", c.as_str())).collect();
        self.send(Method::GET, path, None, &headers).await
    }

    pub async fn post_form(&self, path: &str, form: &str, token: Option<&str>) -> Reply {
        let cookie = token.map(|t| format!("steunkring={t}"));
        let mut headers: Vec<(&str, &str)> =
            cookie.iter().map(|c| ("cookie", c.as_str())).collect();
        headers.push(("sec-fetch-site", "same-origin"));
        self.send(Method::POST, path, Some(form), &headers).await
    }

    /// Logs in through the login page and returns the session token.
    pub async fn login_page(&self, email: &str) -> String {
        let reply = self
            .post_form(
                "/login",
                &format!("email={email}&password={PASSWORD}"),
                None,
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "login of {email}: {}",
            reply.body
        );
        reply.session_token().expect("session cookie")
    }

    /// Logs in through the API and returns the bearer token.
    pub async fn login_api(&self, email: &str) -> String {
        let reply = self
            .send(
                Method::POST,
                "/api/v1/login",
                Some(&format!(r#"{{"email":"{email}","password":"{PASSWORD}"}}"#)),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()["token"].as_str().expect("token").to_string()
    }

    pub async fn api_get(&self, path: &str, token: &str) -> Reply {
        let auth = format!("Bearer {token}");
        self.send(Method::GET, path, None, &[("authorization", &auth)])
            .await
    }

    /// Audit entries of the test organisation, newest first.
    pub async fn audit(&self) -> Vec<steunkring_domain::audit::AuditRecord> {
        self.store
            .list_audit(
                &OrgScope::operator(self.org.clone()),
                &steunkring_store::AuditFilter {
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await
            .expect("audit")
    }
}

/// An API call with a bearer token; `body` is JSON.
pub async fn api(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    body: Option<&str>,
) -> Reply {
    let auth = format!("Bearer {token}");
    app.send(method, path, body, &[("authorization", &auth)])
        .await
}

impl TestApp {
    /// Adds a user to any organisation and any of its teams (`add_user` puts everyone in the
    /// test organisation's one team).
    pub async fn add_user_in(
        &self,
        org: &OrgId,
        teams: &[TeamId],
        email: &str,
        name: &str,
        roles: &[Role],
    ) -> UserId {
        let hash = steunkring_web::password::hash(
            &steunkring_domain::Password::parse(PASSWORD).expect("policy"),
        )
        .await
        .expect("hash");
        self.store
            .create_user(
                &OrgScope::operator(org.clone()),
                NewUser {
                    email: Email::parse(email).expect("email"),
                    name: PersonName::parse("name", name).expect("name"),
                    roles: roles.to_vec(),
                    teams: teams.to_vec(),
                    password_hash: hash,
                    at: chrono::Utc::now(),
                },
                operator_event(org),
            )
            .await
            .expect("user")
            .id
    }

    /// Audit entries of any organisation, newest first, narrowed by `filter`.
    pub async fn audit_in(
        &self,
        org: &OrgId,
        filter: &steunkring_store::AuditFilter,
    ) -> Vec<steunkring_domain::audit::AuditRecord> {
        self.store
            .list_audit(&OrgScope::operator(org.clone()), filter)
            .await
            .expect("audit")
    }
}
