//! Cases through the API and the pages: open, read, search, change, close, the access log;
//! who may reach which case; bad input.

use crate::app::{TestApp, api};
use axum::http::{Method, StatusCode};
use steunkring_domain::Role;
use steunkring_domain::audit::{AuditAction, Outcome};

const NEW_CASE: &str = r#"{"youth": {"name": "Sam de Boer", "birth_date": "2012-04-01"}, "setting": "wijkteam",
    "parents": [{"name": "Ria de Boer", "gezag": true}]}"#;

#[tokio::test]
async fn a_professional_opens_reads_changes_and_closes_a_case() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let created = api(&app, Method::POST, "/api/v1/cases", &pro, Some(NEW_CASE)).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let case = created.json();
    let id = case["id"].as_str().expect("id").to_string();
    assert_eq!(case["youth"]["name"], "Sam de Boer");
    assert_eq!(
        case["team"]["id"],
        app.team.as_str(),
        "the professional's only team by default"
    );
    assert_eq!(case["parents"][0]["gezag"], true);
    assert_eq!(case["status"], "open");

    let read = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{id}"),
        &pro,
        None,
    )
    .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["youth"]["birth_date"], "2012-04-01");

    let list = api(&app, Method::GET, "/api/v1/cases?q=sam", &pro, None).await;
    assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(1));
    assert!(list.json()["next"].is_null());
    let none = api(&app, Method::GET, "/api/v1/cases?q=zzz", &pro, None).await;
    assert_eq!(none.json()["items"].as_array().map(Vec::len), Some(0));

    let patched = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{id}"),
        &pro,
        Some(r#"{"setting": "crisis", "youth": {"preferred_name": "Sammie"}}"#),
    )
    .await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.body);
    assert_eq!(patched.json()["setting"], "crisis");
    assert_eq!(patched.json()["youth"]["preferred_name"], "Sammie");
    assert_eq!(
        patched.json()["youth"]["name"],
        "Sam de Boer",
        "unsent fields stay"
    );

    let closed = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{id}"),
        &pro,
        Some(r#"{"status": "closed"}"#),
    )
    .await;
    assert_eq!(closed.json()["status"], "closed");
    assert!(closed.json()["closed_on"].is_string());
    let open_list = api(&app, Method::GET, "/api/v1/cases", &pro, None).await;
    assert_eq!(open_list.json()["items"].as_array().map(Vec::len), Some(0));
    let all = api(
        &app,
        Method::GET,
        "/api/v1/cases?include_closed=true",
        &pro,
        None,
    )
    .await;
    assert_eq!(all.json()["items"].as_array().map(Vec::len), Some(1));

    let log = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{id}/access-log"),
        &pro,
        None,
    )
    .await;
    assert_eq!(log.status, StatusCode::OK);
    let items = log.json()["items"].as_array().cloned().unwrap_or_default();
    let actions: Vec<&str> = items.iter().filter_map(|i| i["action"].as_str()).collect();
    for a in ["create", "read", "update"] {
        assert!(actions.contains(&a), "{a} in the access log: {actions:?}");
    }
    assert!(items.iter().all(|i| i["who"] == "Pim Professional"));
}

#[tokio::test]
async fn guessing_another_teams_case_gives_404_and_an_audit_entry() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let id = api(&app, Method::POST, "/api/v1/cases", &pro, Some(NEW_CASE))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();

    // A professional of another team, an analyst and a coordinator.
    let other_team = app
        .store
        .create_team(
            &steunkring_store::OrgScope::operator(app.org.clone()),
            "Ander team",
            crate::app::operator_event(&app.org),
        )
        .await
        .expect("team");
    let outsider = app
        .add_user("ander@test.nl", "Olga Ander", &[Role::Professional])
        .await;
    app.store
        .set_user_teams(
            &steunkring_store::OrgScope::operator(app.org.clone()),
            &outsider,
            &[other_team.id],
            crate::app::operator_event(&app.org),
        )
        .await
        .expect("teams");
    app.add_user("analist@test.nl", "Ana Analist", &[Role::Analyst])
        .await;
    for who in ["ander@test.nl", "analist@test.nl"] {
        let token = app.login_api(who).await;
        let r = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{id}"),
            &token,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{who}");
        let missing = api(
            &app,
            Method::GET,
            "/api/v1/cases/does-not-exist",
            &token,
            None,
        )
        .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(
            r.json()["error"],
            missing.json()["error"],
            "indistinguishable from a missing case"
        );
        let p = api(
            &app,
            Method::PATCH,
            &format!("/api/v1/cases/{id}"),
            &token,
            Some(r#"{"setting":"crisis"}"#),
        )
        .await;
        assert_eq!(p.status, StatusCode::NOT_FOUND);
        let list = api(&app, Method::GET, "/api/v1/cases", &token, None).await;
        assert_eq!(
            list.json()["items"].as_array().map(Vec::len),
            Some(0),
            "{who} lists nothing"
        );
    }
    let denied = app
        .audit()
        .await
        .into_iter()
        .filter(|r| {
            r.event.case_id.as_deref() == Some(id.as_str()) && r.event.outcome == Outcome::Denied
        })
        .count();
    assert!(denied >= 4, "every refused attempt is audited: {denied}");
    let case = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{id}"),
        &pro,
        None,
    )
    .await
    .json();
    assert_eq!(case["setting"], "wijkteam", "nothing changed");
}

#[tokio::test]
async fn administrators_manage_cases_but_do_not_open_the_network() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let id = api(&app, Method::POST, "/api/v1/cases", &pro, Some(NEW_CASE))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let admin = app.login_api("beheer@test.nl").await;
    assert_eq!(
        api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{id}"),
            &admin,
            None
        )
        .await
        .status,
        StatusCode::OK
    );
    let lead = format!(r#"{{"network_lead": "{}"}}"#, app.professional);
    let r = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{id}"),
        &admin,
        Some(&lead),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["network_lead"]["name"], "Pim Professional");
    let no_team = api(&app, Method::POST, "/api/v1/cases", &admin, Some(NEW_CASE)).await;
    assert_eq!(
        no_team.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an admin must name the team"
    );
    assert!(no_team.json()["error"]["fields"]["team_id"].is_string());
}

#[tokio::test]
async fn bad_case_input_is_refused_with_the_fields_named() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let long = "x".repeat(10_000);
    let cases = [
        (
            r#"{"youth": {"name": "A", "birth_date": "01-04-2012"}, "setting": "wijkteam"}"#
                .to_string(),
            "youth.birth_date",
        ),
        (
            r#"{"youth": {"name": "A", "birth_date": "2099-01-01"}, "setting": "wijkteam"}"#
                .to_string(),
            "youth.birth_date",
        ),
        (
            r#"{"youth": {"name": "A", "birth_date": "2012-04-01"}, "setting": "gevangenis"}"#
                .to_string(),
            "setting",
        ),
        (
            format!(
                r#"{{"youth": {{"name": "{long}", "birth_date": "2012-04-01"}}, "setting": "wijkteam"}}"#
            ),
            "youth.name",
        ),
        (
            r#"{"youth": {"name": "", "birth_date": "2012-04-01"}, "setting": "wijkteam"}"#
                .to_string(),
            "youth.name",
        ),
        (
            r#"{"youth": {"name": "A"}, "setting": "wijkteam"}"#.to_string(),
            "youth.birth_date",
        ),
        (
            r#"{"youth": {"name": "A", "birth_date": "2012-04-01"}, "setting": 3}"#.to_string(),
            "setting",
        ),
    ];
    for (body, field) in &cases {
        let r = api(&app, Method::POST, "/api/v1/cases", &pro, Some(body)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {}",
            r.body
        );
        assert!(
            r.json()["error"]["fields"][field].is_string(),
            "{field} named: {}",
            r.body
        );
    }
    let elsewhere = r#"{"youth": {"name": "A", "birth_date": "2012-04-01"}, "setting": "wijkteam", "team_id": "elders"}"#;
    let r = api(&app, Method::POST, "/api/v1/cases", &pro, Some(elsewhere)).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "not a team of the professional"
    );
    let list = api(&app, Method::GET, "/api/v1/cases", &pro, None).await;
    assert_eq!(
        list.json()["items"].as_array().map(Vec::len),
        Some(0),
        "nothing written"
    );
}

#[tokio::test]
async fn case_pages_open_edit_and_close_with_names_escaped() {
    let app = TestApp::new().await;
    let token = app.login_page("pro%40test.nl").await;
    let new = app.get("/cases/new", Some(&token)).await;
    assert_eq!(new.status, StatusCode::OK);
    let form = format!(
        "youth_name=%3Cscript%3Ealert(1)%3C%2Fscript%3E&birth_date=2010-06-15&setting=foster_care&team_id={}&network_lead={}&parent1_name=Ria&parent1_gezag=on",
        app.team, app.professional
    );
    let r = app.post_form("/cases", &form, Some(&token)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let case_path = r.location().to_string();
    let page = app.get(&case_path, Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<script>alert(1)"), "escaped");
    assert!(page.body.contains("Pleegzorg"));
    assert!(page.body.contains("heeft gezag"));
    let list = app.get("/cases?q=script", Some(&token)).await;
    assert!(list.body.contains(&case_path));
    assert!(!list.body.contains("<script>alert(1)"));

    let bad = app
        .post_form(
            &format!("{case_path}/edit"),
            &format!(
                "youth_name=&birth_date=morgen&setting=x&team_id={}",
                app.team
            ),
            Some(&token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Dit veld is verplicht"));
    assert!(bad.body.contains("jjjj-mm-dd"));
    let ok = app
        .post_form(
            &format!("{case_path}/edit"),
            &format!(
                "youth_name=Noor&birth_date=2010-06-15&setting=crisis&team_id={}",
                app.team
            ),
            Some(&token),
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let closed = app
        .post_form(&format!("{case_path}/close"), "", Some(&token))
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let page = app.get(&case_path, Some(&token)).await;
    assert!(page.body.contains("Noor") && page.body.contains("Dossier heropenen"));
    let actions: Vec<AuditAction> = app.audit().await.iter().map(|r| r.event.action).collect();
    assert!(actions.contains(&AuditAction::Search));
}
