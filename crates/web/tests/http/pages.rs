//! Pages: languages, role-based access, administration, the audit trail, organisation isolation.

use crate::app::{PASSWORD, TestApp, operator_event};
use axum::http::{Method, StatusCode};
use steunkring_domain::Role;
use steunkring_domain::audit::AuditAction;
use steunkring_store::OrgScope;

/// English words that must never show on a Dutch page.
const ENGLISH: &[&str] = &[
    "Log in with",
    "Login",
    "Password",
    "Logout",
    "Log out",
    "Home",
    "Welcome",
    "Users",
    "Account",
    "Settings",
    "Audit trail",
    "Error",
    "Submit",
    "Save",
    "Cancel",
    "Email address",
    "Name<",
    "Role",
    "Search",
    "Create",
];

fn assert_dutch(body: &str, path: &str) {
    assert!(
        body.contains("<html lang=\"nl\">"),
        "{path} is marked Dutch"
    );
    for word in ENGLISH {
        // The language switch names the other language in that language, marked lang="en".
        let cleaned = body.replace(
            "<button type=\"submit\" name=\"lang\" value=\"en\" lang=\"en\">English</button>",
            "",
        );
        assert!(!cleaned.contains(word), "{path} contains English {word:?}");
    }
}

#[tokio::test]
async fn pages_are_dutch_by_default_and_english_on_request() {
    let app = TestApp::new().await;
    let token = app.login_page("beheer%40test.nl").await;
    for path in [
        "/login",
        "/",
        "/account",
        "/admin/users",
        "/admin/teams",
        "/admin/audit",
        "/does-not-exist",
    ] {
        let r = app
            .get(path, if path == "/login" { None } else { Some(&token) })
            .await;
        assert_dutch(&r.body, path);
    }
    let cookie = format!("steunkring={token}");
    let en = app
        .send(
            Method::GET,
            "/",
            None,
            &[("cookie", &cookie), ("accept-language", "en-US,en;q=0.9")],
        )
        .await;
    assert!(en.body.contains("<html lang=\"en\">") && en.body.contains("Welcome, Bea Beheer"));
}

#[tokio::test]
async fn the_language_switch_sticks() {
    let app = TestApp::new().await;
    let r = app
        .post_form("/language", "lang=en&back=%2Flogin", None)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/login");
    let set = r
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(set.starts_with("lang=en"), "{set}");
    let page = app
        .send(
            Method::GET,
            "/login",
            None,
            &[("cookie", "lang=en"), ("accept-language", "nl")],
        )
        .await;
    assert!(page.body.contains("<html lang=\"en\">"));
    // The way back is only ever a local path.
    let r = app
        .post_form("/language", "lang=nl&back=https%3A%2F%2Fevil.example", None)
        .await;
    assert_eq!(r.location(), "/");
    let r = app
        .post_form("/language", "lang=nl&back=%2F%2Fevil.example", None)
        .await;
    assert_eq!(r.location(), "/");
}

#[tokio::test]
async fn unknown_pages_get_a_friendly_translated_404() {
    let app = TestApp::new().await;
    let r = app.get("/nergens", None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("Niet gevonden"));
    let r = app
        .send(Method::GET, "/nergens", None, &[("cookie", "lang=en")])
        .await;
    assert!(r.body.contains("Not found"));
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login() {
    let app = TestApp::new().await;
    for path in ["/", "/account", "/admin/users", "/admin/audit"] {
        let r = app.get(path, None).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert_eq!(r.location(), "/login", "{path}");
    }
}

#[tokio::test]
async fn only_admins_reach_administration() {
    let app = TestApp::new().await;
    app.add_user("analist@test.nl", "Ana Analist", &[Role::Analyst])
        .await;
    app.add_user("coord@test.nl", "Cor Coördinator", &[Role::Coordinator])
        .await;
    for who in ["pro%40test.nl", "analist%40test.nl", "coord%40test.nl"] {
        let token = app.login_page(who).await;
        for path in ["/admin/users", "/admin/teams", "/admin/audit"] {
            let r = app.get(path, Some(&token)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} {path}");
            assert!(r.body.contains("Geen toegang"));
        }
        let r = app
            .post_form("/admin/teams", "name=Stiekem", Some(&token))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} creating a team");
        let r = app
            .post_form(
                &format!("/admin/users/{}/disable", app.admin),
                "",
                Some(&token),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} disabling the admin");
        let home = app.get("/", Some(&token)).await;
        assert!(
            !home.body.contains("href=\"/admin/users\""),
            "{who} sees no admin links"
        );
    }
    let admin = app.login_page("beheer%40test.nl").await;
    assert_eq!(
        app.get("/admin/users", Some(&admin)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn admin_creates_teams_and_users_and_bad_input_changes_nothing() {
    let app = TestApp::new().await;
    let admin = app.login_page("beheer%40test.nl").await;
    let r = app
        .post_form("/admin/teams", "name=Wijkteam+Zuid", Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let dup = app
        .post_form("/admin/teams", "name=Wijkteam+Zuid", Some(&admin))
        .await;
    assert_eq!(dup.status, StatusCode::CONFLICT);
    let teams = app
        .store
        .list_teams(&OrgScope::operator(app.org.clone()))
        .await
        .expect("teams");
    let zuid = teams
        .iter()
        .find(|t| t.name == "Wijkteam Zuid")
        .expect("created");

    let form = format!(
        "name=Nina+Nieuw&email=nina%40test.nl&roles=professional&roles=coordinator&teams={}&password=een-goede-zin-12",
        zuid.id
    );
    let r = app.post_form("/admin/users", &form, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let users = app
        .store
        .list_users(&OrgScope::operator(app.org.clone()))
        .await
        .expect("users");
    let nina = users
        .iter()
        .find(|u| u.email == "nina@test.nl")
        .expect("nina");
    assert_eq!(nina.roles, vec![Role::Professional, Role::Coordinator]);
    assert_eq!(nina.teams, vec![zuid.id.clone()]);

    let before = users.len();
    for bad in [
        "name=X&email=not-an-email&roles=professional&password=een-goede-zin-12",
        "name=X&email=x%40test.nl&roles=professional&password=kort",
        "name=X&email=x%40test.nl&roles=youth&password=een-goede-zin-12",
        "name=X&email=x%40test.nl&password=een-goede-zin-12",
        "name=&email=x%40test.nl&roles=professional&password=een-goede-zin-12",
        "name=X&email=nina%40test.nl&roles=professional&password=een-goede-zin-12",
        "name=X&email=x%40test.nl&roles=professional&teams=no-such-team&password=een-goede-zin-12",
    ] {
        let r = app.post_form("/admin/users", bad, Some(&admin)).await;
        assert!(r.status.is_client_error(), "{bad}: {}", r.status);
        assert!(r.body.contains("role=\"alert\""), "{bad} explains");
    }
    let after = app
        .store
        .list_users(&OrgScope::operator(app.org.clone()))
        .await
        .expect("users")
        .len();
    assert_eq!(before, after, "nothing half-written");

    let script = app
        .post_form(
            "/admin/teams",
            "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            Some(&admin),
        )
        .await;
    assert_eq!(script.status, StatusCode::SEE_OTHER);
    let page = app.get("/admin/teams", Some(&admin)).await;
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || page.body.contains("&lt;script&gt;"),
        "escaped"
    );
    assert!(!page.body.contains("<script>alert(1)"));
}

#[tokio::test]
async fn the_audit_trail_records_actions_and_can_be_filtered() {
    let app = TestApp::new().await;
    let admin = app.login_page("beheer%40test.nl").await;
    app.post_form(
        "/login",
        "email=pro%40test.nl&password=wrong-password-1",
        None,
    )
    .await;
    app.post_form("/admin/teams", "name=Team+Logboek", Some(&admin))
        .await;

    let page = app.get("/admin/audit", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Inloggen mislukt"));
    assert!(page.body.contains("Aangemaakt"));
    let filtered = app
        .get(&format!("/admin/audit?user={}", app.admin), Some(&admin))
        .await;
    assert!(
        !filtered.body.contains("Inloggen mislukt"),
        "only the admin's own entries"
    );
    let bad = app.get("/admin/audit?from=gisteren", Some(&admin)).await;
    assert_eq!(bad.status, StatusCode::OK);
    assert!(bad.body.contains("Een datum is niet goed"));

    let entries = app.audit().await;
    let actions: Vec<AuditAction> = entries.iter().map(|r| r.event.action).collect();
    for expected in [
        AuditAction::Login,
        AuditAction::LoginFailed,
        AuditAction::Create,
        AuditAction::Read,
        AuditAction::Search,
    ] {
        assert!(
            actions.contains(&expected),
            "{expected:?} recorded: {actions:?}"
        );
    }
    let read = entries
        .iter()
        .find(|r| r.event.action == AuditAction::Read)
        .expect("read entry");
    assert_eq!(read.event.user_id.as_ref(), Some(&app.admin));
    assert_eq!(read.event.source_addr.as_deref(), Some("203.0.113.5"));
    assert!(read.event.role.is_some());
    assert_eq!(
        app.store.verify_audit().await.expect("verify").first_broken,
        None
    );
}

#[tokio::test]
async fn organisations_never_see_each_other() {
    let app = TestApp::new().await;
    let other = app
        .store
        .create_org("Andere Organisatie", chrono::Utc::now())
        .await
        .expect("org");
    let scope = OrgScope::operator(other.id.clone());
    let hash = steunkring_web::password::hash(
        &steunkring_domain::Password::parse(PASSWORD).expect("policy"),
    )
    .await
    .expect("hash");
    let outsider = app
        .store
        .create_user(
            &scope,
            steunkring_store::NewUser {
                email: steunkring_domain::Email::parse("ander@elders.nl").expect("email"),
                name: steunkring_domain::PersonName::parse("name", "Otto Elders").expect("name"),
                roles: vec![Role::Admin],
                teams: vec![],
                password_hash: hash,
                at: chrono::Utc::now(),
            },
            operator_event(&other.id),
        )
        .await
        .expect("outsider");
    let admin = app.login_page("beheer%40test.nl").await;
    let users = app.get("/admin/users", Some(&admin)).await;
    assert!(!users.body.contains("Otto Elders"));
    let r = app
        .post_form(
            &format!("/admin/users/{}/disable", outsider.id),
            "",
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(
        !app.store
            .get_user(&scope, &outsider.id)
            .await
            .expect("still there")
            .disabled
    );

    let theirs = app.login_page("ander%40elders.nl").await;
    let their_users = app.get("/admin/users", Some(&theirs)).await;
    assert!(!their_users.body.contains("Pim Professional"));
    let their_audit = app.get("/admin/audit", Some(&theirs)).await;
    assert!(!their_audit.body.contains("Bea Beheer"));
}
