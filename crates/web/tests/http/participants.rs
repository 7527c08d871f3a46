//! Inviting people to a case and accepting: single use, 7 days, revocable, throttled.

use crate::app::{TestApp, api};
use axum::http::{Method, StatusCode};

async fn case_with_member(app: &TestApp, token: &str) -> (String, String) {
    let r = api(app, Method::POST, "/api/v1/cases", token, Some(r#"{"youth": {"name": "Fenna", "birth_date": "2012-03-01"}, "setting": "wijkteam", "parents": [{"name": "Ria", "gezag": true}]}"#)).await;
    let case = r.json()["id"].as_str().expect("id").to_string();
    let m = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        token,
        Some(r#"{"name": "Coach Mo", "relation": "coach", "ring": 2, "sector": "leisure"}"#),
    )
    .await;
    (case, m.json()["id"].as_str().expect("id").to_string())
}

#[tokio::test]
async fn a_professional_invites_and_the_young_person_accepts_through_the_pages() {
    let app = TestApp::new().await;
    let pro = app.login_page("pro%40test.nl").await;
    let bearer = app.login_api("pro@test.nl").await;
    let (case, _) = case_with_member(&app, &bearer).await;
    let r = app
        .post_form(
            &format!("/cases/{case}/invitations"),
            "kind=youth&name=Fenna",
            Some(&pro),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let code = r
        .body
        .split("id=\"invitation-code\">")
        .nth(1)
        .and_then(|s| s.split('<').next())
        .expect("code shown")
        .to_string();
    assert_eq!(code.len(), 19);

    let open = app.get(&format!("/invite/{code}"), None).await;
    assert_eq!(open.status, StatusCode::OK);
    assert!(open.body.contains("als de jongere"), "{}", open.body);
    let weak = app
        .post_form(
            &format!("/invite/{code}"),
            "name=Fenna&email=fenna%40test.nl&password=kort&repeat=kort",
            None,
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Typed in lower case with spaces: still the same code.
    let typed = code.to_lowercase().replace('-', "%20");
    let ok = app
        .post_form(
            &format!("/invite/{typed}"),
            "name=Fenna&email=fenna%40test.nl&password=mijn-eigen-zin-1&repeat=mijn-eigen-zin-1",
            None,
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let session = ok.session_token().expect("logged in");
    let home = app.get("/", Some(&session)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Fenna"));

    let again = app.get(&format!("/invite/{code}"), None).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "single use");
    let page = app.get(&format!("/cases/{case}"), Some(&pro)).await;
    assert!(page.body.contains("doet mee"));
}

#[tokio::test]
async fn invitations_through_the_api_can_be_revoked_and_expire() {
    let app = TestApp::new().await;
    let bearer = app.login_api("pro@test.nl").await;
    let (case, coach) = case_with_member(&app, &bearer).await;
    let body =
        format!(r#"{{"kind": "support_figure", "name": "Coach Mo", "member_id": "{coach}"}}"#);
    let created = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        &bearer,
        Some(&body),
    )
    .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let json = created.json();
    let code = json["invitation"]["code"]
        .as_str()
        .expect("code once")
        .to_string();
    let inv = json["invitation"]["id"].as_str().expect("id").to_string();
    let listed = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/invitations"),
        &bearer,
        None,
    )
    .await
    .json();
    assert!(
        listed["items"][0]["invitation"]["code"].is_null(),
        "the code is never shown again"
    );

    let status = app
        .send(
            Method::GET,
            &format!("/api/v1/invitations/{code}"),
            None,
            &[],
        )
        .await
        .json();
    assert_eq!(status["valid"], true);
    assert_eq!(status["kind"], "support_figure");

    let token = app.login_page("pro%40test.nl").await;
    let r = app
        .post_form(
            &format!("/cases/{case}/invitations/{inv}/revoke"),
            "",
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let status = app
        .send(
            Method::GET,
            &format!("/api/v1/invitations/{code}"),
            None,
            &[],
        )
        .await
        .json();
    assert_eq!(status["valid"], false, "revoked at once");
    let accept = app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(r#"{"name": "Mo", "email": "mo@test.nl", "password": "een-sterke-zin-9"}"#),
            &[],
        )
        .await;
    assert_eq!(accept.status, StatusCode::NOT_FOUND);

    let bad = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        &bearer,
        Some(r#"{"kind": "buurman", "name": ""}"#),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = bad.json()["error"]["fields"].clone();
    assert!(
        fields["kind"].is_string() && fields["name"].is_string(),
        "{fields}"
    );

    // A new invitation is accepted through the API.
    let created = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        &bearer,
        Some(&body),
    )
    .await
    .json();
    let code = created["invitation"]["code"]
        .as_str()
        .expect("code")
        .to_string();
    let accept = app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(r#"{"name": "Mo", "email": "mo@test.nl", "password": "een-sterke-zin-9"}"#),
            &[],
        )
        .await;
    assert_eq!(accept.status, StatusCode::CREATED, "{}", accept.body);
    let me = api(
        &app,
        Method::GET,
        "/api/v1/me",
        accept.json()["token"].as_str().expect("token"),
        None,
    )
    .await
    .json();
    assert_eq!(me["roles"], serde_json::json!(["support_figure"]));
}

#[tokio::test]
async fn guessing_invitation_codes_is_throttled_and_only_the_team_invites() {
    let app = TestApp::new().await;
    let bearer = app.login_api("pro@test.nl").await;
    let (case, _) = case_with_member(&app, &bearer).await;
    for i in 0..50 {
        let r = app
            .send_from(
                Method::GET,
                &format!("/invite/GUES-SGUE-SSGU-{i:04}"),
                None,
                &[],
                "198.51.100.77:1",
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    let r = app
        .send_from(
            Method::GET,
            "/invite/ABCD-ABCD-ABCD-ABCD",
            None,
            &[],
            "198.51.100.77:1",
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);

    let admin = app.login_api("beheer@test.nl").await;
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        &admin,
        Some(r#"{"kind": "youth", "name": "Fenna"}"#),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::NOT_FOUND,
        "administrators are not involved in the help"
    );
}
