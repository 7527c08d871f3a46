//! The analyst's dashboard: aggregates with small cells suppressed, for analysts and the
//! administrator only, filters from fixed lists (422 otherwise, in the person's language), the
//! tables as CSV and XLSX without anything of one person, and the read in the audit trail.

use crate::app::{TestApp, api, operator_event};
use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use steunkring_domain::Role;
use steunkring_domain::case::{CaseDetails, CaseInput, Parent};
use steunkring_domain::network::{MemberId, NewMember, RawMember, RawSupport};
use steunkring_store::{CaseHistory, HistoryAction, ImportedCase, OrgScope};

/// The young people's names: none may appear in any answer.
fn name(i: usize) -> String {
    format!("Jongere Zeldzaam{i}")
}

/// 25 wijkteam cases (12 with an action held by their aunt, an informal member) and 4
/// residential cases (2 with such an action), all in the test team, opened in 2025.
async fn world(app: &TestApp) {
    let scope = OrgScope::operator(app.org.clone());
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut cases = Vec::new();
    for i in 0..29 {
        let input = CaseInput {
            youth_name: name(i),
            birth_date: "2012-02-29".into(),
            setting: if i < 25 { "wijkteam" } else { "residential" }.into(),
            team_id: app.team.to_string(),
            parents: vec![Parent {
                name: "Ouder Zeldzaam".into(),
                gezag: true,
            }],
            ..Default::default()
        };
        let aunt = NewMember::parse(&RawMember {
            name: format!("Tante Zeldzaam{i}"),
            relation: "tante".into(),
            ring: Some(steunkring_domain::network::NumberOrText::Number(1)),
            sector: "family".into(),
            support: vec![RawSupport {
                kind: "emotional".into(),
                direction: Some("to_youth".into()),
            }],
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e:?}"))
        .into_member(MemberId::generate());
        cases.push(ImportedCase {
            details: CaseDetails::parse(&input, today).unwrap_or_else(|e| panic!("{e:?}")),
            opened_on: today,
            members: vec![aunt],
            ties: Vec::new(),
        });
    }
    let ids = app
        .store
        .import_cases(&scope, &cases, operator_event(&app.org))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let histories: Vec<CaseHistory> = ids
        .iter()
        .zip(&cases)
        .enumerate()
        .map(|(i, (id, c))| {
            let aunt = &c.members[0];
            let in_plan = i < 12 || i == 25 || i == 26;
            CaseHistory {
                case: id.clone(),
                versions: Vec::new(),
                checks: Vec::new(),
                screenings: Vec::new(),
                self_reports: Vec::new(),
                outcomes: Vec::new(),
                figures: Vec::new(),
                actions: if in_plan {
                    vec![HistoryAction {
                        what: "Elke week samen eten".into(),
                        performer: format!("member:{}", aunt.id),
                        member: Some(aunt.id.clone()),
                        due_on: None,
                        status: "doing",
                    }]
                } else {
                    Vec::new()
                },
                concerns: Vec::new(),
                closed_on: None,
            }
        })
        .collect();
    app.store
        .import_case_history(&scope, &histories, operator_event(&app.org))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

fn figure<'a>(body: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    body["figures"]
        .as_array()
        .and_then(|f| f.iter().find(|f| f["key"] == key))
        .unwrap_or_else(|| panic!("no figure {key}: {body}"))
}

fn no_person(text: &str) {
    assert!(!text.contains("Zeldzaam"), "a name in: {text}");
}

#[tokio::test]
async fn analyst_sees_suppressed_aggregates() {
    let app = TestApp::new().await;
    world(&app).await;
    app.add_user("analist@test.nl", "Ans Analist", &[Role::Analyst])
        .await;
    let token = app.login_api("analist@test.nl").await;
    let reply = api(&app, Method::GET, "/api/v1/insights", &token, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    no_person(&reply.body);
    let body = reply.json();
    let f = figure(&body, "network_in_plan");
    let rows: Vec<&str> = f["rows"]
        .as_array()
        .map(|r| r.iter().filter_map(|x| x.as_str()).collect())
        .unwrap_or_default();
    let wijk = rows.iter().position(|r| *r == "wijkteam").unwrap_or(99);
    let res = rows.iter().position(|r| *r == "residential").unwrap_or(99);
    // Wijkteam: 12 in the plan, 13 not, 25 in all.
    assert_eq!(f["cells"][wijk], serde_json::json!([12, 13]));
    assert_eq!(f["row_totals"][wijk], 25);
    // Residential: 2 and 2 of 4: suppressed, its total too.
    assert_eq!(f["cells"][res], serde_json::json!([null, null]));
    assert!(f["row_totals"][res].is_null());
    // In all: 14 of 29 in the plan (the totals are published: the empty settings take part in
    // the complements).
    assert_eq!(f["column_totals"], serde_json::json!([14, 15]));
    assert_eq!(f["grand_total"], 29);
    let share = body["network_in_plan_share"].as_f64().unwrap_or(0.0);
    assert!((share - 14.0 / 29.0).abs() < 1e-9);
    assert_eq!(body["national_network_in_plan_share"], 0.4);
    assert_eq!(body["min_cell"], 10);
    // No saved maps: no means.
    assert!(body["network_means"].is_null());
    // The read is in the audit trail: the organisation's, no case.
    let audit = app.audit().await;
    let entry = audit
        .iter()
        .rev()
        .find(|r| r.event.object_type.as_deref() == Some("insights"))
        .unwrap_or_else(|| panic!("no audit entry"));
    assert_eq!(entry.event.case_id, None);
    assert_eq!(entry.event.object_id.as_deref(), Some(app.org.as_str()));

    // A setting filter shows that row only; the residential setting is too small to show.
    let reply = api(
        &app,
        Method::GET,
        "/api/v1/insights?setting=wijkteam&period=all",
        &token,
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let body = reply.json();
    let f = figure(&body, "network_in_plan");
    assert_eq!(f["rows"], serde_json::json!(["wijkteam"]));
    // 25 against 29 unfiltered: 4 left out, so the filtered total is suppressed (it would give
    // back the residential 4), and with it everything that would give it back.
    assert!(f["grand_total"].is_null());
    assert!(body["network_in_plan_share"].is_null());
    let reply = api(
        &app,
        Method::GET,
        &format!("/api/v1/insights?team={}", app.team),
        &token,
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["filter"]["team"], app.team.as_str());
}

#[tokio::test]
async fn others_are_refused_and_bad_filters_get_422() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let reply = api(&app, Method::GET, "/api/v1/insights", &pro, None).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let page = app.login_page("pro@test.nl").await;
    assert_eq!(
        app.get("/insights", Some(&page)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/insights/tables.csv", Some(&page)).await.status,
        StatusCode::FORBIDDEN
    );
    let admin = app.login_api("beheer@test.nl").await;
    let reply = api(
        &app,
        Method::GET,
        "/api/v1/insights?period=1999&setting=gevangenis&team=onbekend",
        &admin,
        None,
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = reply.json();
    assert_eq!(
        body["error"]["fields"]["period"],
        "Kies een periode uit de lijst."
    );
    assert_eq!(
        body["error"]["fields"]["setting"],
        "Kies een setting uit de lijst."
    );
    assert_eq!(
        body["error"]["fields"]["team"],
        "Kies een team uit de lijst."
    );
    let auth = format!("Bearer {admin}");
    let reply = app
        .send(
            Method::GET,
            "/api/v1/insights?period=soon",
            None,
            &[("authorization", &auth), ("accept-language", "en")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json()["error"]["fields"]["period"],
        "Choose a period from the list."
    );
    // The page shows the error above the unfiltered figures.
    let page = app.login_page("beheer@test.nl").await;
    let reply = app.get("/insights?period=1999", Some(&page)).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Kies een periode uit de lijst."));
}

#[tokio::test]
async fn page_and_downloads_hold_no_person() {
    let app = TestApp::new().await;
    world(&app).await;
    app.add_user("analist@test.nl", "Ans Analist", &[Role::Analyst])
        .await;
    let token = app.login_page("analist@test.nl").await;
    let page = app.get("/insights", Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    no_person(&page.body);
    assert!(page.body.contains("<h1>Inzicht</h1>"));
    assert!(
        page.body.contains("href=\"/insights\""),
        "in the navigation"
    );
    assert!(page.body.contains("minder dan 10"));
    assert!(page.body.contains("landelijk: 40 %"));
    assert!(page.body.contains("48 %"), "14 of 29");
    assert!(page.body.contains("<svg"));
    let csv = app.get("/insights/tables.csv", Some(&token)).await;
    assert_eq!(csv.status, StatusCode::OK);
    no_person(&csv.body);
    assert!(csv.body.starts_with('\u{FEFF}'));
    assert!(csv.body.contains("Netwerk betrokken bij het plan\r\n"));
    assert!(csv.body.contains("Wijkteam,12,13,25\r\n"), "{}", csv.body);
    assert!(csv.body.contains(
        "Residentieel (wonen in een instelling),minder dan 10,minder dan 10,minder dan 10\r\n"
    ));
    let xlsx = app
        .get("/insights/tables.xlsx?period=all", Some(&token))
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(&xlsx.bytes[..2], b"PK");
    let bad = app.get("/insights/tables.csv?team=x", Some(&token)).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
