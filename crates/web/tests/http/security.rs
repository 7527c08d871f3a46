//! Security headers, CSRF refusal, cache rules, cookie flags over HTTPS.

use crate::app::{PASSWORD, TestApp};
use axum::http::{Method, StatusCode};
use steunkring_web::WebConfig;

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let app = TestApp::new().await;
    for path in [
        "/login",
        "/",
        "/healthz",
        "/api/openapi.json",
        "/nope",
        "/static/app.css",
    ] {
        let r = app.get(path, None).await;
        let h = |name: &str| {
            r.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        let csp = h("content-security-policy");
        for part in [
            "default-src 'none'",
            "script-src 'self'",
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(part), "{path}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(h("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(h("referrer-policy"), "no-referrer", "{path}");
        assert!(
            h("strict-transport-security").is_empty(),
            "no HSTS over plain HTTP"
        );
        if path.starts_with("/static/") {
            assert!(h("cache-control").contains("max-age"), "{path}");
        } else {
            assert_eq!(h("cache-control"), "no-store", "{path}");
        }
    }
}

#[tokio::test]
async fn pages_have_no_inline_script_or_style() {
    let app = TestApp::new().await;
    let token = app.login_page("beheer%40test.nl").await;
    for path in [
        "/login",
        "/",
        "/account",
        "/admin/users",
        "/admin/teams",
        "/admin/audit",
        "/account/second-factor",
    ] {
        let r = app
            .get(path, if path == "/login" { None } else { Some(&token) })
            .await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(!r.body.contains("<script>"), "{path} has inline script");
        assert!(!r.body.contains("style="), "{path} has inline style");
        assert!(!r.body.contains("<style"), "{path} has a style block");
    }
}

#[tokio::test]
async fn cross_site_form_posts_are_refused_and_change_nothing() {
    let app = TestApp::new().await;
    let token = app.login_page("beheer%40test.nl").await;
    let cookie = format!("steunkring={token}");
    let before = app
        .store
        .list_teams(&steunkring_store::OrgScope::operator(app.org.clone()))
        .await
        .expect("teams")
        .len();
    let r = app
        .send(
            Method::POST,
            "/admin/teams",
            Some("name=Kwaadaardig"),
            &[
                ("cookie", &cookie),
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://evil.example"),
                ("host", "steunkring.test"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.body.contains("andere website"),
        "translated refusal: {}",
        r.body
    );
    let r = app
        .send(
            Method::POST,
            "/admin/teams",
            Some("name=Kwaadaardig"),
            &[
                ("cookie", &cookie),
                ("origin", "https://evil.example"),
                ("host", "steunkring.test"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "origin mismatch without fetch metadata"
    );
    let r = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(&format!(
                r#"{{"email":"pro@test.nl","password":"{PASSWORD}"}}"#
            )),
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json()["error"]["code"], "cross_site_request");
    let after = app
        .store
        .list_teams(&steunkring_store::OrgScope::operator(app.org.clone()))
        .await
        .expect("teams")
        .len();
    assert_eq!(before, after);
    // The same post from the same origin works.
    let ok = app
        .send(
            Method::POST,
            "/admin/teams",
            Some("name=Goedaardig"),
            &[
                ("cookie", &cookie),
                ("origin", "http://steunkring.test"),
                ("host", "steunkring.test"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn state_never_changes_on_get() {
    let app = TestApp::new().await;
    let token = app.login_page("pro%40test.nl").await;
    for path in [
        "/logout",
        "/admin/settings",
        "/account/password",
        "/language",
    ] {
        let r = app.get(path, Some(&token)).await;
        assert!(
            r.status == StatusCode::METHOD_NOT_ALLOWED || r.status == StatusCode::NOT_FOUND,
            "{path}: {}",
            r.status
        );
    }
    assert_eq!(
        app.get("/", Some(&token)).await.status,
        StatusCode::OK,
        "still logged in"
    );
}

#[tokio::test]
async fn over_https_cookies_are_secure_host_prefixed_and_hsts_is_sent() {
    let app = TestApp::with_config(WebConfig {
        https: true,
        ..WebConfig::default()
    })
    .await;
    let r = app
        .post_form(
            "/login",
            &format!("email=pro%40test.nl&password={PASSWORD}"),
            None,
        )
        .await;
    let set_cookie = r
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(set_cookie.starts_with("__Host-steunkring="), "{set_cookie}");
    assert!(
        set_cookie.contains("Secure") && set_cookie.contains("Path=/"),
        "{set_cookie}"
    );
    assert!(!set_cookie.contains("Domain"), "{set_cookie}");
    let hsts = r
        .headers
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    assert!(hsts.contains("max-age="), "{hsts}");
}
