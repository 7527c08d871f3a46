//! The error format of the API: every bad input gets a JSON error naming the field, never a 500.

use crate::app::TestApp;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use tower::ServiceExt;

fn assert_error_shape(json: &serde_json::Value) {
    let e = &json["error"];
    assert!(e["code"].is_string(), "code: {json}");
    assert!(
        e["message"].as_str().is_some_and(|m| !m.is_empty()),
        "message: {json}"
    );
}

#[tokio::test]
async fn bad_login_bodies_name_the_field() {
    let app = TestApp::new().await;
    let cases: &[(&str, StatusCode, &str)] = &[
        (
            r#"{"email": "a@b.nl", "password": "#,
            StatusCode::BAD_REQUEST,
            "body",
        ),
        (
            r#"{"email": 5, "password": "x"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "email",
        ),
        (
            r#"{"password": "x"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "email",
        ),
        (
            r#"{"email": "a@b.nl", "password": "x", "role": "admin"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "role",
        ),
        (r#"[1, 2]"#, StatusCode::UNPROCESSABLE_ENTITY, "[0]"),
        ("", StatusCode::BAD_REQUEST, "body"),
    ];
    for (body, status, field) in cases {
        let r = app
            .send(Method::POST, "/api/v1/login", Some(body), &[])
            .await;
        assert_eq!(r.status, *status, "{body}: {}", r.body);
        let json = r.json();
        assert_error_shape(&json);
        assert!(
            json["error"]["fields"][field].is_string(),
            "{body} names {field}: {json}"
        );
    }
}

#[tokio::test]
async fn errors_speak_the_callers_language() {
    let app = TestApp::new().await;
    let nl = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(r#"{"password": "x"}"#),
            &[],
        )
        .await;
    assert_eq!(
        nl.json()["error"]["fields"]["email"],
        "Dit veld is verplicht."
    );
    let en = app
        .send(
            Method::POST,
            "/api/v1/login",
            Some(r#"{"password": "x"}"#),
            &[("accept-language", "en-GB,en")],
        )
        .await;
    assert_eq!(
        en.json()["error"]["fields"]["email"],
        "This field is required."
    );
}

#[tokio::test]
async fn invalid_utf8_and_oversized_bodies_are_refused_cleanly() {
    let app = TestApp::new().await;
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/login")
        .header("content-type", "application/json")
        .body(Body::from(
            b"{\"email\":\"\xff\xfe\",\"password\":\"x\"}".to_vec(),
        ))
        .expect("request");
    let r = app.router.clone().oneshot(req).await.expect("response");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let huge = format!(
        r#"{{"email":"a@b.nl","password":"{}"}}"#,
        "x".repeat(1024 * 1024 + 10)
    );
    let r = app
        .send(Method::POST, "/api/v1/login", Some(&huge), &[])
        .await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "{}",
        &r.body[..r.body.len().min(200)]
    );
    assert_eq!(r.json()["error"]["code"], "body_too_large");
    assert!(r.json()["error"]["fields"]["body"].is_string());
}

#[tokio::test]
async fn unknown_api_paths_and_missing_login_answer_json() {
    let app = TestApp::new().await;
    let r = app
        .send(Method::GET, "/api/v1/nothing-here", None, &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_error_shape(&r.json());
    let r = app.send(Method::GET, "/api/v1/me", None, &[]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["error"]["code"], "not_logged_in");
    let r = app
        .send(
            Method::GET,
            "/api/v1/me",
            None,
            &[("authorization", "Bearer made-up")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn health_answers_ok() {
    let app = TestApp::new().await;
    let r = app.send(Method::GET, "/healthz", None, &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body, "ok");
}

/// The OpenAPI document never changes by accident. After an intended change, run the tests
/// with `UPDATE_SNAPSHOTS=1` and commit the new snapshot.
#[tokio::test]
async fn openapi_document_matches_snapshot() {
    let app = TestApp::new().await;
    let r = app.send(Method::GET, "/api/openapi.json", None, &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc: serde_json::Value = r.json();
    assert_eq!(
        doc["openapi"].as_str().map(|v| v.starts_with("3.")),
        Some(true)
    );
    for path in ["/api/v1/login", "/api/v1/logout", "/healthz"] {
        assert!(doc["paths"][path].is_object(), "{path} documented");
    }
    let pretty = serde_json::to_string_pretty(&doc).expect("json") + "\n";
    let snapshot = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok() {
        std::fs::write(snapshot, &pretty).expect("write snapshot");
    }
    let expected = std::fs::read_to_string(snapshot).unwrap_or_default();
    assert!(
        expected == pretty,
        "the OpenAPI document changed; if intended, run with UPDATE_SNAPSHOTS=1 and commit tests/snapshots/openapi.json"
    );
}
