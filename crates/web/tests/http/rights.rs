//! Rights of the young person and parents: a destruction request with its deadline, a legal
//! exception, destruction with confirmation (API and pages), the access export (ZIP) and the
//! retention review.

use crate::app::{TestApp, api, operator_event};
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use chrono::{Months, TimeZone, Utc};
use http_body_util::BodyExt;
use std::io::Read;
use std::net::SocketAddr;
use steunkring_domain::Role;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::case::{CaseDetails, CaseInput, CaseStatus, Parent};
use steunkring_store::OrgScope;
use tower::ServiceExt;

async fn new_case(app: &TestApp, token: &str, member: &str) -> String {
    let r = api(
        app,
        Method::POST,
        "/api/v1/cases",
        token,
        Some(r#"{"youth": {"name": "Fenna", "birth_date": "2012-03-01"}, "setting": "wijkteam", "parents": [{"name": "Ria", "gezag": true}]}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let case = r.json()["id"].as_str().expect("id").to_string();
    let body =
        serde_json::json!({"name": member, "relation": "coach", "ring": 2, "sector": "leisure"});
    let m = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        token,
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(m.status, StatusCode::CREATED, "{}", m.body);
    case
}

/// A GET whose body is kept as bytes (the ZIP).
pub(crate) async fn get_bytes(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let mut builder = Request::builder().method(Method::GET).uri(path);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    let mut req = builder.body(Body::empty()).expect("request");
    let socket: SocketAddr = "203.0.113.5:40000".parse().expect("addr");
    req.extensions_mut().insert(ConnectInfo(socket));
    let response = app.router.clone().oneshot(req).await.expect("infallible");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, headers, bytes.to_vec())
}

async fn outsiders(app: &TestApp) -> Vec<String> {
    let scope = OrgScope::operator(app.org.clone());
    let other_team = app
        .store
        .create_team(&scope, "Ander team", operator_event(&app.org))
        .await
        .expect("team");
    app.add_user_in(
        &app.org,
        std::slice::from_ref(&other_team.id),
        "ander@test.nl",
        "Otto Ander",
        &[Role::Professional],
    )
    .await;
    app.add_user("analist@test.nl", "Anna Analist", &[Role::Analyst])
        .await;
    vec![
        app.login_api("ander@test.nl").await,
        app.login_api("analist@test.nl").await,
    ]
}

#[tokio::test]
async fn destruction_through_the_api_removes_the_case() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro, "Coach Mo").await;
    let path = format!("/api/v1/cases/{case}/destruction-request");

    let none = api(&app, Method::GET, &path, &pro, None).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    let wrong = api(
        &app,
        Method::POST,
        &path,
        &pro,
        Some(r#"{"requested_by": "parent:3", "received_on": "2026-01-05"}"#),
    )
    .await;
    assert_eq!(
        wrong.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        wrong.body
    );
    assert!(wrong.json()["error"]["fields"]["requested_by"].is_string());

    let received = Utc::now().date_naive() - chrono::Duration::days(100);
    let body = serde_json::json!({"requested_by": "parent:0", "received_on": received, "note": "Per brief"});
    let made = api(&app, Method::POST, &path, &pro, Some(&body.to_string())).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.body);
    let json = made.json();
    let deadline = received.checked_add_months(Months::new(3)).expect("date");
    assert_eq!(json["deadline"], deadline.to_string());
    assert_eq!(json["status"], "requested");
    assert_eq!(json["overdue"], true, "100 days is more than 3 months");
    let again = api(&app, Method::POST, &path, &pro, Some(&body.to_string())).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        api(&app, Method::GET, &path, &pro, None).await.json()["id"],
        json["id"]
    );

    for outsider in outsiders(&app).await {
        assert_eq!(
            api(&app, Method::GET, &path, &outsider, None).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            api(
                &app,
                Method::POST,
                &format!("{path}/execution"),
                &outsider,
                Some(r#"{"confirm": true}"#)
            )
            .await
            .status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.api_get(&format!("/api/v1/cases/{case}/export"), &outsider)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }

    let unconfirmed = api(
        &app,
        Method::POST,
        &format!("{path}/execution"),
        &pro,
        Some(r#"{"confirm": false}"#),
    )
    .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.api_get(&format!("/api/v1/cases/{case}"), &pro)
            .await
            .status,
        StatusCode::OK
    );

    let done = api(
        &app,
        Method::POST,
        &format!("{path}/execution"),
        &pro,
        Some(r#"{"confirm": true}"#),
    )
    .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert_eq!(done.json()["removed"]["members"], 1);
    assert_eq!(done.json()["removed"]["cases"], 1);
    assert_eq!(
        app.api_get(&format!("/api/v1/cases/{case}"), &pro)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let counts = app
        .store
        .case_data_counts(
            &OrgScope::operator(app.org.clone()),
            &steunkring_domain::ids::CaseId::from_stored(case.clone()),
        )
        .await
        .expect("counts");
    assert!(counts.iter().all(|(_, n)| *n == 0), "{counts:?}");

    let trail = app.audit().await;
    let deletion = trail
        .iter()
        .find(|r| {
            r.event.action == AuditAction::Delete && r.event.object_type.as_deref() == Some("case")
        })
        .expect("the destruction is in the audit trail");
    assert_eq!(deletion.event.case_id.as_deref(), Some(case.as_str()));
    assert_eq!(
        deletion.event.purpose.as_deref(),
        Some("destruction_request")
    );
    assert_eq!(deletion.event.user_id.as_ref(), Some(&app.professional));
}

#[tokio::test]
async fn a_legal_exception_blocks_destruction() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro, "Coach Mo").await;
    let path = format!("/api/v1/cases/{case}/destruction-request");
    let body = serde_json::json!({"requested_by": "youth", "received_on": Utc::now().date_naive()});
    assert_eq!(
        api(&app, Method::POST, &path, &pro, Some(&body.to_string()))
            .await
            .status,
        StatusCode::CREATED
    );
    let empty = api(
        &app,
        Method::POST,
        &format!("{path}/refusal"),
        &pro,
        Some(r#"{"reason": "  "}"#),
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = api(
        &app,
        Method::POST,
        &format!("{path}/refusal"),
        &pro,
        Some(r#"{"reason": "Van aanmerkelijk belang voor een ander"}"#),
    )
    .await;
    assert_eq!(refused.status, StatusCode::OK, "{}", refused.body);
    assert_eq!(refused.json()["status"], "refused_exception");
    assert_eq!(refused.json()["overdue"], false);
    let blocked = api(
        &app,
        Method::POST,
        &format!("{path}/execution"),
        &pro,
        Some(r#"{"confirm": true}"#),
    )
    .await;
    assert_eq!(blocked.status, StatusCode::CONFLICT);
    assert_eq!(
        app.api_get(&format!("/api/v1/cases/{case}"), &pro)
            .await
            .status,
        StatusCode::OK
    );

    let page_token = app.login_page("pro%40test.nl").await;
    let page = app
        .get(&format!("/cases/{case}/rights"), Some(&page_token))
        .await;
    assert!(page.body.contains("Van aanmerkelijk belang voor een ander"));
    let via_page = app
        .post_form(
            &format!("/cases/{case}/rights/destroy"),
            "confirm=yes",
            Some(&page_token),
        )
        .await;
    assert_eq!(via_page.status, StatusCode::CONFLICT);
    assert_eq!(
        app.api_get(&format!("/api/v1/cases/{case}"), &pro)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn destruction_through_the_pages_asks_to_confirm_and_shows_the_deadline() {
    let app = TestApp::new().await;
    let bearer = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &bearer, "Coach Mo").await;
    let pro = app.login_page("pro%40test.nl").await;

    let casepage = app.get(&format!("/cases/{case}"), Some(&pro)).await;
    assert!(
        casepage.body.contains(&format!("/cases/{case}/rights")),
        "the case page links to the rights"
    );
    let rights = app.get(&format!("/cases/{case}/rights"), Some(&pro)).await;
    assert_eq!(rights.status, StatusCode::OK);
    assert!(rights.body.contains("Ria (ouder)"));

    let future = app
        .post_form(
            &format!("/cases/{case}/rights/request"),
            "requested_by=youth&received_on=2999-01-01",
            Some(&pro),
        )
        .await;
    assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY);
    let recorded = app
        .post_form(
            &format!("/cases/{case}/rights/request"),
            "requested_by=parent%3A0&received_on=2026-01-31&note=Telefonisch",
            Some(&pro),
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);

    // The deadline (three months later, end of April) on the rights page, the case page and home.
    let rights = app.get(&format!("/cases/{case}/rights"), Some(&pro)).await;
    assert!(rights.body.contains("30-04-2026"), "{}", rights.body);
    assert!(rights.body.contains("Telefonisch"));
    let casepage = app.get(&format!("/cases/{case}"), Some(&pro)).await;
    assert!(
        casepage
            .body
            .contains("Er is gevraagd om dit dossier te vernietigen")
    );
    assert!(casepage.body.contains("30-04-2026"));
    let home = app.get("/", Some(&pro)).await;
    assert!(home.body.contains("Verzoeken om vernietiging"));
    assert!(home.body.contains("uiterlijk 30-04-2026"));

    // Another team's professional does not see it.
    let scope = OrgScope::operator(app.org.clone());
    let other_team = app
        .store
        .create_team(&scope, "Ander team", operator_event(&app.org))
        .await
        .expect("team");
    app.add_user_in(
        &app.org,
        std::slice::from_ref(&other_team.id),
        "ander@test.nl",
        "Otto",
        &[Role::Professional],
    )
    .await;
    let other = app.login_page("ander%40test.nl").await;
    assert_eq!(
        app.get(&format!("/cases/{case}/rights"), Some(&other))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/", Some(&other)).await.body.contains("30-04-2026"));
    assert_eq!(
        app.post_form(
            &format!("/cases/{case}/rights/destroy"),
            "confirm=yes",
            Some(&other)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );

    // First post: the question. Nothing is removed yet.
    let ask = app
        .post_form(&format!("/cases/{case}/rights/destroy"), "", Some(&pro))
        .await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(ask.body.contains("Weet u het zeker?"));
    assert!(ask.body.contains("name=\"confirm\" value=\"yes\""));
    assert!(ask.body.contains("Mensen in het netwerk: 1"));
    assert_eq!(
        app.get(&format!("/cases/{case}"), Some(&pro)).await.status,
        StatusCode::OK
    );

    // Second post, confirmed: gone.
    let done = app
        .post_form(
            &format!("/cases/{case}/rights/destroy"),
            "confirm=yes",
            Some(&pro),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Het dossier is vernietigd"));
    assert_eq!(
        app.get(&format!("/cases/{case}"), Some(&pro)).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/", Some(&pro)).await.body.contains("30-04-2026"));
}

#[tokio::test]
async fn the_access_export_is_a_zip_with_a_summary_and_the_data() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro, "<script>alert(1)</script> Mo").await;
    // A plan with a goal, an action and a safety agreement, and a network meeting: the
    // export holds everything on the file.
    let plan = serde_json::json!({
        "revision": 0,
        "goals": [{"text": "Weer naar <b>school</b>", "holder": "youth"}],
        "actions": [{"what": "Ophalen op maandag", "who": "youth"}],
        "safety": {"agreements": [{"concern": "Ruzie", "agreement": "Bij oma slapen",
            "who_watches": "Oma", "if_wrong": "Bellen"}]}
    });
    let r = crate::app::api(
        &app,
        axum::http::Method::PUT,
        &format!("/api/v1/cases/{case}/plan"),
        &pro,
        Some(&plan.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = crate::app::api(
        &app,
        axum::http::Method::POST,
        &format!("/api/v1/cases/{case}/meetings"),
        &pro,
        Some(r#"{"kind": "network_meeting", "own_question": "Hoe verder?", "starts_at": "2027-01-12T19:30"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let path = format!("/api/v1/cases/{case}/export");
    let auth = format!("Bearer {pro}");
    let (status, headers, bytes) = get_bytes(&app, &path, &[("authorization", &auth)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .expect("ascii")
            .contains("attachment")
    );

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid ZIP");
    let mut names: Vec<String> = archive
        .file_names()
        .map(|n| n.expect("name").to_string())
        .collect();
    names.sort();
    assert_eq!(names, vec!["gegevens.json", "samenvatting.html"]);
    let mut html = String::new();
    archive
        .by_name("samenvatting.html")
        .expect("summary")
        .read_to_string(&mut html)
        .expect("utf-8");
    let mut raw = String::new();
    archive
        .by_name("gegevens.json")
        .expect("data")
        .read_to_string(&mut raw)
        .expect("utf-8");

    let data: serde_json::Value = serde_json::from_str(&raw).expect("the JSON parses");
    assert_eq!(data["case"]["youth_name"], "Fenna");
    assert_eq!(
        data["network"]["members"][0]["name"],
        "<script>alert(1)</script> Mo"
    );
    assert!(data["access_log"].as_array().is_some_and(|l| !l.is_empty()));
    assert_eq!(
        data["plan"]["plan"]["goals"][0]["text"],
        "Weer naar <b>school</b>"
    );
    assert_eq!(
        data["plan"]["plan"]["safety"]["agreements"][0]["agreement"],
        "Bij oma slapen"
    );
    assert_eq!(data["meetings"][0]["own_question"], "Hoe verder?");
    assert!(data["support_figures"].as_array().is_some());
    assert!(html.contains("Weer naar &lt;b&gt;school&lt;/b&gt;"));
    assert!(html.contains("Ophalen op maandag") && html.contains("Bij oma slapen"));
    assert!(html.contains("Hoe verder?"));

    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("Gegevens van Fenna"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Mo"));
    assert!(!html.contains("<script>"), "every text is escaped");
    assert!(html.contains("Ria"));
    assert!(html.contains("Wie keek of veranderde iets"));

    let exported = app
        .audit()
        .await
        .into_iter()
        .find(|r| {
            r.event.action == AuditAction::Export
                && r.event.object_type.as_deref() == Some("access_export")
        })
        .expect("the export is audited");
    assert_eq!(exported.event.case_id.as_deref(), Some(case.as_str()));
    assert_eq!(exported.event.user_id.as_ref(), Some(&app.professional));

    // The download button on the rights page, with the session cookie.
    let page = app.login_page("pro%40test.nl").await;
    let rights = app.get(&format!("/cases/{case}/rights"), Some(&page)).await;
    assert!(
        rights
            .body
            .contains(&format!("/cases/{case}/rights/export"))
    );
    let cookie = format!("steunkring={page}");
    let (status, _, bytes) = get_bytes(
        &app,
        &format!("/cases/{case}/rights/export"),
        &[("cookie", &cookie)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok());

    // Administrators are not involved in the help: no export.
    let admin = app.login_api("beheer@test.nl").await;
    assert_eq!(
        app.api_get(&path, &admin).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn closed_files_past_retention_are_reviewed_and_destroyed_by_the_admin() {
    let app = TestApp::new().await;
    let scope = OrgScope::operator(app.org.clone());
    let long_ago = Utc
        .with_ymd_and_hms(2001, 5, 1, 9, 0, 0)
        .single()
        .expect("time");
    let at = |t, action| {
        let mut e = AuditEvent::new(t, action, Outcome::Success);
        e.org_id = Some(app.org.clone());
        e
    };
    let input = CaseInput {
        youth_name: "Oud Dossier".into(),
        birth_date: "1990-01-01".into(),
        setting: "wijkteam".into(),
        team_id: app.team.to_string(),
        parents: vec![Parent {
            name: "Ouder".into(),
            gezag: true,
        }],
        ..Default::default()
    };
    let details = CaseDetails::parse(&input, long_ago.date_naive()).expect("valid");
    let old = app
        .store
        .create_case(
            &scope,
            &details,
            long_ago.date_naive(),
            at(long_ago, AuditAction::Create),
        )
        .await
        .expect("case");
    app.store
        .set_case_status(
            &scope,
            &old.id,
            CaseStatus::Closed,
            long_ago.date_naive(),
            at(long_ago, AuditAction::Update),
        )
        .await
        .expect("close");
    let recent = app
        .store
        .create_case(
            &scope,
            &details,
            long_ago.date_naive(),
            at(Utc::now(), AuditAction::Create),
        )
        .await
        .expect("case");
    app.store
        .set_case_status(
            &scope,
            &recent.id,
            CaseStatus::Closed,
            Utc::now().date_naive(),
            at(Utc::now(), AuditAction::Update),
        )
        .await
        .expect("close");

    let pro = app.login_page("pro%40test.nl").await;
    assert_eq!(
        app.get("/admin/retention", Some(&pro)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_form(
            &format!("/admin/retention/{}/destroy", old.id),
            "confirm=yes",
            Some(&pro)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );

    let admin = app.login_page("beheer%40test.nl").await;
    let list = app.get("/admin/retention", Some(&admin)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(
        list.body
            .contains(&format!("/admin/retention/{}/destroy", old.id))
    );
    assert!(
        !list
            .body
            .contains(&format!("/admin/retention/{}/destroy", recent.id))
    );
    assert!(list.body.contains("01-05-2001"));

    let ask = app
        .post_form(
            &format!("/admin/retention/{}/destroy", old.id),
            "",
            Some(&admin),
        )
        .await;
    assert_eq!(ask.status, StatusCode::OK);
    assert!(
        ask.body
            .contains("De bewaartermijn van 20 jaar is voorbij.")
    );
    let done = app
        .post_form(
            &format!("/admin/retention/{}/destroy", old.id),
            "confirm=yes",
            Some(&admin),
        )
        .await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(matches!(
        app.store.get_case(&scope, &old.id).await,
        Err(steunkring_store::StoreError::NotFound)
    ));
    let refused = app
        .post_form(
            &format!("/admin/retention/{}/destroy", recent.id),
            "confirm=yes",
            Some(&admin),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::CONFLICT,
        "a recent file is not past retention"
    );
    assert!(app.store.get_case(&scope, &recent.id).await.is_ok());

    let deletion = app
        .audit()
        .await
        .into_iter()
        .find(|r| {
            r.event.action == AuditAction::Delete
                && r.event.case_id.as_deref() == Some(old.id.as_str())
        })
        .expect("audited");
    assert_eq!(
        deletion.event.purpose.as_deref(),
        Some("retention_period_ended")
    );
    assert_eq!(deletion.event.user_id.as_ref(), Some(&app.admin));
}
