//! Logging in and out, throttling, session lifetime and rotation, disabled users, TOTP.

use crate::app::{PASSWORD, TestApp};
use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_store::{NewSession, OrgScope, SessionKind, SessionStage};
use steunkring_web::WebConfig;

#[tokio::test]
async fn login_page_success_sets_a_safe_cookie_and_shows_home() {
    let app = TestApp::new().await;
    let reply = app
        .post_form(
            "/login",
            &format!("email=pro%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(reply.location(), "/");
    let set_cookie = reply
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    let token = reply.session_token().expect("token");
    assert!(token.len() >= 43, "256-bit token");
    let home = app.get("/", Some(&token)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.body.contains("Welkom, Pim Professional"),
        "{}",
        home.body
    );
    let audit = app.audit().await;
    assert!(audit.iter().any(|r| r.event.action == AuditAction::Login
        && r.event.user_id.as_ref() == Some(&app.professional)));
}

#[tokio::test]
async fn wrong_password_and_unknown_account_get_the_same_answer() {
    let app = TestApp::new().await;
    let wrong = app
        .post_form(
            "/login",
            "email=pro%40test.nl&password=not-the-password",
            None,
        )
        .await;
    let unknown = app
        .post_form(
            "/login",
            "email=nobody%40test.nl&password=not-the-password",
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert!(wrong.session_token().is_none() && unknown.session_token().is_none());
    assert!(
        wrong
            .body
            .contains("Het e-mailadres of het wachtwoord klopt niet.")
    );
    assert!(
        unknown
            .body
            .contains("Het e-mailadres of het wachtwoord klopt niet.")
    );
    let api_wrong = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(r#"{"email":"pro@test.nl","password":"nope-nope-nope"}"#),
            &[],
        )
        .await;
    let api_unknown = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(r#"{"email":"x@test.nl","password":"nope-nope-nope"}"#),
            &[],
        )
        .await;
    assert_eq!(api_wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api_wrong.json()["error"], api_unknown.json()["error"]);
    let failures = app
        .audit()
        .await
        .iter()
        .filter(|r| r.event.action == AuditAction::LoginFailed)
        .count();
    assert_eq!(
        failures, 2,
        "the failures within the organisation are audited"
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_without_revealing_it_exists() {
    let app = TestApp::new().await;
    for who in ["pro%40test.nl", "ghost%40test.nl"] {
        for _ in 0..5 {
            let r = app
                .post_form(
                    "/login",
                    &format!("email={who}&password=wrong-password-1"),
                    None,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        // Even the right password is refused now, and an unknown account looks the same.
        let r = app
            .post_form("/login", &format!("email={who}&password={PASSWORD}"), None)
            .await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{who}");
        assert!(r.session_token().is_none());
        assert!(r.body.contains("Wacht 15 minuten"));
    }
    let api = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(&format!(
                r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#
            )),
            &[],
        )
        .await;
    assert_eq!(api.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(api.json()["error"]["code"], "too_many_attempts");
    // Another account is not affected.
    let other = app
        .post_form(
            "/login",
            &format!("email=beheer%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(other.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    let app = TestApp::new().await;
    for i in 0..50 {
        let r = app
            .send_from(
                Method::POST,
                "/api/v1/login",
                Some(&format!(
                    r#"{{"email":"spray{i}@test.nl","password":"wrong-password-1"}}"#
                )),
                &[],
                "198.51.100.9:1",
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
    let body = format!(r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#);
    let locked = app
        .send_from(
            Method::POST,
            "/api/v1/login",
            Some(&body),
            &[],
            "198.51.100.9:2",
        )
        .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = app
        .send_from(
            Method::POST,
            "/api/v1/login",
            Some(&body),
            &[],
            "198.51.100.10:2",
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::OK);
}

/// Fifty failed logins from one client, sent through `proxy` with `X-Forwarded-For`.
async fn spray_through(app: &TestApp, proxy: &str, client: &str) {
    for i in 0..50 {
        let r = app
            .send_from(
                Method::POST,
                "/api/v1/login",
                Some(&format!(
                    r#"{{"email":"spray{i}@test.nl","password":"wrong-password-1"}}"#
                )),
                &[("x-forwarded-for", client)],
                proxy,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_forwarded_client_is_throttled_not_everyone() {
    let app = TestApp::with_config(WebConfig {
        trusted_proxies: vec!["10.0.0.2".parse().expect("address")],
        ..WebConfig::default()
    })
    .await;
    spray_through(&app, "10.0.0.2:1", "198.51.100.9").await;
    let body = format!(r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#);
    let login_via = |proxy: &'static str, client: &'static str| {
        let (app, body) = (&app, body.clone());
        async move {
            app.send_from(
                Method::POST,
                "/api/v1/login",
                Some(&body),
                &[("x-forwarded-for", client)],
                proxy,
            )
            .await
            .status
        }
    };
    assert_eq!(
        login_via("10.0.0.2:2", "198.51.100.9").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the sprayer is locked out"
    );
    assert_eq!(
        login_via("10.0.0.2:3", "198.51.100.10").await,
        StatusCode::OK,
        "another person behind the same proxy is not"
    );
    // A client that is not the proxy cannot pick its address with the header.
    assert_eq!(
        login_via("198.51.100.9:4", "198.51.100.77").await,
        StatusCode::TOO_MANY_REQUESTS,
        "an untrusted sender's header is ignored"
    );
    // The audit trail names the forwarded client.
    assert!(
        app.audit()
            .await
            .iter()
            .any(|e| e.event.source_addr.as_deref() == Some("198.51.100.10")),
        "the successful login is audited with the client's address"
    );
}

#[tokio::test]
async fn without_trusted_proxies_the_forwarded_header_is_ignored() {
    let app = TestApp::new().await;
    spray_through(&app, "10.0.0.2:1", "198.51.100.9").await;
    let body = format!(r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#);
    let other = app
        .send_from(
            Method::POST,
            "/api/v1/login",
            Some(&body),
            &[("x-forwarded-for", "198.51.100.10")],
            "10.0.0.2:2",
        )
        .await;
    assert_eq!(
        other.status,
        StatusCode::TOO_MANY_REQUESTS,
        "everything from the proxy counts as one address"
    );
}

#[tokio::test]
async fn logout_really_ends_the_session_and_the_token() {
    let app = TestApp::new().await;
    let token = app.login_page("pro%40test.nl").await;
    let out = app.post_form("/logout", "", Some(&token)).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/", Some(&token)).await.location(), "/login");

    let bearer = app.login_api("pro@test.nl").await;
    assert_eq!(
        app.api_get("/api/v1/me", &bearer).await.status,
        StatusCode::OK
    );
    let auth = format!("Bearer {bearer}");
    let out = app
        .send(
            Method::POST,
            "/api/v1/logout",
            None,
            &[("authorization", &auth)],
        )
        .await;
    assert_eq!(out.status, StatusCode::NO_CONTENT);
    let after = app.api_get("/api/v1/me", &bearer).await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED);
    assert_eq!(after.json()["error"]["code"], "not_logged_in");
    assert!(
        app.audit()
            .await
            .iter()
            .filter(|r| r.event.action == AuditAction::Logout)
            .count()
            >= 2
    );
}

#[tokio::test]
async fn api_login_answers_token_user_and_cookie() {
    let app = TestApp::new().await;
    let reply = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(&format!(
                r#"{{"email":"Pro@Test.nl","password":"{PASSWORD}"}}"#
            )),
            &[],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    let json = reply.json();
    assert_eq!(json["user"]["name"], "Pim Professional");
    assert_eq!(json["user"]["roles"], serde_json::json!(["professional"]));
    assert_eq!(json["user"]["id"], app.professional.as_str());
    assert_eq!(reply.session_token().as_deref(), json["token"].as_str());
}

async fn plant_session(
    app: &TestApp,
    token: &str,
    created: chrono::DateTime<Utc>,
    stage: SessionStage,
) {
    app.store
        .create_session(
            NewSession {
                token_hash: steunkring_web::auth::token_hash(token),
                user_id: app.professional.clone(),
                kind: SessionKind::Browser,
                stage,
                created_at: created,
            },
            AuditEvent::new(created, AuditAction::Login, Outcome::Success),
        )
        .await
        .expect("session");
}

#[tokio::test]
async fn idle_and_absolute_timeouts_end_sessions() {
    let app = TestApp::new().await;
    let now = Utc::now();
    plant_session(
        &app,
        "fresh-token",
        now - Duration::minutes(29),
        SessionStage::Full,
    )
    .await;
    plant_session(
        &app,
        "idle-token",
        now - Duration::minutes(31),
        SessionStage::Full,
    )
    .await;
    assert_eq!(
        app.get("/", Some("fresh-token")).await.status,
        StatusCode::OK
    );
    assert_eq!(app.get("/", Some("idle-token")).await.location(), "/login");
    // The idle session is gone from the database, not just refused.
    assert!(
        app.store
            .find_session(&steunkring_web::auth::token_hash("idle-token"))
            .await
            .expect("find")
            .is_none()
    );

    plant_session(
        &app,
        "old-token",
        now - Duration::hours(12) - Duration::minutes(1),
        SessionStage::Full,
    )
    .await;
    app.store
        .touch_session(&steunkring_web::auth::token_hash("old-token"), now)
        .await
        .expect("touch");
    assert_eq!(
        app.get("/", Some("old-token")).await.location(),
        "/login",
        "absolute timeout despite activity"
    );
}

#[tokio::test]
async fn login_rotates_the_session_id() {
    let app = TestApp::new().await;
    let first = app.login_page("pro%40test.nl").await;
    // Logging in again while holding a session gives a new id.
    let cookie = format!("steunkring={first}");
    let reply = app
        .send(
            Method::POST,
            "/login",
            Some(&format!("email=pro%40test.nl&password={PASSWORD}")),
            &[("cookie", &cookie), ("sec-fetch-site", "same-origin")],
        )
        .await;
    let second = reply.session_token().expect("new session");
    assert_ne!(first, second);
}

#[tokio::test]
async fn disabling_a_user_ends_their_sessions_and_blocks_login() {
    let app = TestApp::new().await;
    let pro = app.login_page("pro%40test.nl").await;
    let bearer = app.login_api("pro@test.nl").await;
    let admin = app.login_page("beheer%40test.nl").await;
    let r = app
        .post_form(
            &format!("/admin/users/{}/disable", app.professional),
            "",
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(app.get("/", Some(&pro)).await.location(), "/login");
    assert_eq!(
        app.api_get("/api/v1/me", &bearer).await.status,
        StatusCode::UNAUTHORIZED
    );
    let again = app
        .post_form(
            "/login",
            &format!("email=pro%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(
        again.status,
        StatusCode::UNAUTHORIZED,
        "same answer as a wrong password"
    );
    // Re-enabled, the account works again.
    app.post_form(
        &format!("/admin/users/{}/enable", app.professional),
        "",
        Some(&admin),
    )
    .await;
    app.login_page("pro%40test.nl").await;
}

fn code_for(secret: &str) -> String {
    steunkring_web::totp::current_code(secret).expect("code")
}

/// The code `steps` time steps (30 s) from now: each login needs a code not used before.
fn code_in(secret: &str, steps: i64) -> String {
    let at = steunkring_web::totp::now_unix().saturating_add_signed(steps * 30);
    steunkring_web::totp::code_at(secret, at).expect("code")
}

#[tokio::test]
async fn totp_enrolment_and_two_step_login() {
    let app = TestApp::new().await;
    let token = app.login_page("pro%40test.nl").await;
    let form = app.get("/account/second-factor", Some(&token)).await;
    assert_eq!(form.status, StatusCode::OK);
    let secret = form
        .body
        .split("name=\"secret\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("secret in form")
        .to_string();

    let wrong = app
        .post_form(
            "/account/second-factor",
            &format!("secret={secret}&code=000000"),
            Some(&token),
        )
        .await;
    let expected_wrong = if code_for(&secret) == "000000" {
        StatusCode::SEE_OTHER
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    assert_eq!(wrong.status, expected_wrong);
    let ok = app
        .post_form(
            "/account/second-factor",
            &format!("secret={secret}&code={}", code_in(&secret, -1)),
            Some(&token),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location(), "/account?done=second-factor");

    // Now a password alone is not enough.
    let step1 = app
        .post_form(
            "/login",
            &format!("email=pro%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(step1.location(), "/login/code");
    let pending = step1.session_token().expect("pending session");
    assert_eq!(
        app.get("/", Some(&pending)).await.location(),
        "/login/code",
        "no access before the code"
    );
    let bad = app
        .post_form("/login/code", "code=12345x", Some(&pending))
        .await;
    assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    // The code that enrolled the app is spent.
    let spent = app
        .post_form(
            "/login/code",
            &format!("code={}", code_in(&secret, -1)),
            Some(&pending),
        )
        .await;
    assert_eq!(
        spent.status,
        StatusCode::UNAUTHORIZED,
        "the enrolment code again"
    );
    let now_code = code_for(&secret);
    let good = app
        .post_form("/login/code", &format!("code={now_code}"), Some(&pending))
        .await;
    assert_eq!(good.status, StatusCode::SEE_OTHER);
    let full = good.session_token().expect("full session");
    assert_ne!(full, pending, "rotated after the second factor");
    assert_eq!(
        app.get("/", Some(&pending)).await.location(),
        "/login",
        "the pending id is dead"
    );
    assert_eq!(app.get("/", Some(&full)).await.status, StatusCode::OK);

    // The API needs the code in the login body.
    let no_code = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(&format!(
                r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#
            )),
            &[],
        )
        .await;
    assert_eq!(no_code.status, StatusCode::UNAUTHORIZED);
    assert_eq!(no_code.json()["error"]["code"], "second_factor_required");
    let login_with = |code: String| {
        let body = format!(r#"{{"email":"pro@test.nl","password":"{PASSWORD}","totp":"{code}"}}"#);
        let app = &app;
        async move {
            app.send(Method::POST, "/api/v1/login", Some(&body), &[])
                .await
        }
    };
    // A code seen once (the page login's) does not log in again (OWASP ASVS 2.8.4).
    let replayed = login_with(now_code.clone()).await;
    assert_eq!(
        replayed.status,
        StatusCode::UNAUTHORIZED,
        "{}",
        replayed.body
    );
    assert_eq!(replayed.json()["error"]["code"], "invalid_credentials");
    let next_code = code_in(&secret, 1);
    let with_code = login_with(next_code.clone()).await;
    assert_eq!(with_code.status, StatusCode::OK, "{}", with_code.body);
    let again = login_with(next_code).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "{}", again.body);
}

#[tokio::test]
async fn organisation_can_require_totp_for_professionals() {
    let app = TestApp::new().await;
    let admin = app.login_page("beheer%40test.nl").await;
    let r = app
        .post_form("/admin/settings", "require_totp=on", Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        app.store
            .get_org(&OrgScope::operator(app.org.clone()))
            .await
            .expect("org")
            .require_totp
    );

    let step1 = app
        .post_form(
            "/login",
            &format!("email=pro%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    assert_eq!(step1.location(), "/account/second-factor");
    let limited = step1.session_token().expect("session");
    assert_eq!(
        app.get("/", Some(&limited)).await.location(),
        "/account/second-factor"
    );
    assert_eq!(
        app.get("/admin/users", Some(&limited)).await.location(),
        "/account/second-factor"
    );
    let api = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(&format!(
                r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#
            )),
            &[],
        )
        .await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    assert_eq!(
        api.json()["error"]["code"],
        "second_factor_enrolment_required"
    );

    let form = app.get("/account/second-factor", Some(&limited)).await;
    let secret = form
        .body
        .split("name=\"secret\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("secret")
        .to_string();
    let done = app
        .post_form(
            "/account/second-factor",
            &format!("secret={secret}&code={}", code_for(&secret)),
            Some(&limited),
        )
        .await;
    assert_eq!(done.location(), "/");
    let full = done.session_token().expect("rotated");
    assert_ne!(full, limited);
    assert_eq!(app.get("/", Some(&full)).await.status, StatusCode::OK);
}

#[tokio::test]
async fn password_change_checks_policy_and_ends_other_sessions() {
    let app = TestApp::new().await;
    let here = app.login_page("pro%40test.nl").await;
    let elsewhere = app.login_api("pro@test.nl").await;
    let weak = app
        .post_form(
            "/account/password",
            &format!("current={PASSWORD}&new=wachtwoord123&repeat=wachtwoord123"),
            Some(&here),
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("te makkelijk te raden"));
    let wrong = app
        .post_form(
            "/account/password",
            "current=not-it-at-all&new=een-nieuwe-zin-77&repeat=een-nieuwe-zin-77",
            Some(&here),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let ok = app
        .post_form(
            "/account/password",
            &format!("current={PASSWORD}&new=een-nieuwe-zin-77&repeat=een-nieuwe-zin-77"),
            Some(&here),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get("/", Some(&here)).await.status,
        StatusCode::OK,
        "this session stays"
    );
    assert_eq!(
        app.api_get("/api/v1/me", &elsewhere).await.status,
        StatusCode::UNAUTHORIZED,
        "others end"
    );
    let new_login = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(r#"{"email":"pro@test.nl","password":"een-nieuwe-zin-77"}"#),
            &[],
        )
        .await;
    assert_eq!(new_login.status, StatusCode::OK);
}
