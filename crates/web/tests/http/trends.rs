//! The trends of a case (issue 6) through the page and the API, held against hand-computed
//! series; the empty state; who does not find them; and the case as a FHIR bundle.

use crate::app::{TestApp, api};
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use steunkring_domain::Role;

async fn created(app: &TestApp, path: &str, token: &str, body: Value) -> Value {
    let r = api(app, Method::POST, path, token, Some(&body.to_string())).await;
    assert!(
        r.status == StatusCode::CREATED || r.status == StatusCode::OK,
        "{path}: {} {}",
        r.status,
        r.body
    );
    r.json()
}

async fn new_case(app: &TestApp, pro: &str) -> String {
    created(
        app,
        "/api/v1/cases",
        pro,
        json!({"youth": {"name": "Sanne <b>Steunkring</b>", "birth_date": "2010-04-01"}, "setting": "wijkteam",
               "parents": [{"name": "Ria de Boer", "gezag": true}]}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string()
}

async fn add_member(app: &TestApp, pro: &str, case: &str, name: &str, sector: &str) -> String {
    let support = if sector == "professional" {
        json!([{"type": "advice", "direction": "to_youth"}])
    } else {
        json!([{"type": "emotional", "direction": "to_youth"}])
    };
    created(
        app,
        &format!("/api/v1/cases/{case}/members"),
        pro,
        json!({"name": name, "relation": "bekende", "ring": 1, "sector": sector, "support": support}),
    )
    .await["id"]
        .as_str()
        .expect("member id")
        .to_string()
}

fn answer(member: &str, perceived: [i64; 3]) -> Value {
    json!({
        "member": member,
        "perceived_concrete": perceived[0], "perceived_emotional": perceived[1], "perceived_informational": perceived[2],
        "received_concrete": 1, "received_emotional": 1, "received_informational": 1,
        "criticalness": 1, "direction": "mutual", "closeness": 2, "seen": 2, "known": "one_to_five",
    })
}

/// The points of one measure as (date, value).
fn points(trends: &Value, measure: &str) -> Vec<(String, Option<f64>)> {
    trends["series"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["measure"] == measure)
        .unwrap_or_else(|| panic!("no series {measure}: {trends}"))["points"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p["on"].as_str().unwrap_or("").to_string(),
                p["value"].as_f64(),
            )
        })
        .collect()
}

fn today() -> String {
    steunkring_domain::consent::dutch_date(chrono::Utc::now()).to_string()
}

fn close(got: &[(String, Option<f64>)], want: &[(&str, f64)]) -> bool {
    got.len() == want.len()
        && got
            .iter()
            .zip(want)
            .all(|((d, v), (wd, wv))| d == wd && v.is_some_and(|v| (v - wv).abs() < 1e-9))
}

#[tokio::test]
async fn trends_follow_the_saved_versions_the_finished_checks_and_today() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let page = app.login_page("pro@test.nl").await;
    let case = new_case(&app, &pro).await;
    let api_path = format!("/api/v1/cases/{case}/trends");
    let page_path = format!("/cases/{case}/trends");
    let now = today();

    // Nothing yet: the empty state, no chart; the API has today's empty map only.
    let r = app.get(&page_path, Some(&page)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains(r#"id="trends-empty""#), "{}", r.body);
    assert!(!r.body.contains("<svg"));
    assert!(
        r.body.contains(r#"aria-current="page">Verloop</a>"#),
        "the tab"
    );
    assert!(
        r.body.contains("Sanne &#60;b&#62;Steunkring") && !r.body.contains("<b>Steunkring"),
        "escaped name: {}",
        r.body
    );
    let t = app.api_get(&api_path, &pro).await;
    assert_eq!(t.status, StatusCode::OK, "{}", t.body);
    let t = t.json();
    assert_eq!(t["series"].as_array().map(Vec::len), Some(10));
    assert!(close(&points(&t, "network_size"), &[(&now, 0.0)]));
    assert!(points(&t, "perceived_concrete").is_empty());
    assert_eq!(t["saved_versions"], 0);

    // 15 January: Oma (family, emotional support) and a social worker; saved as a version.
    let oma = add_member(&app, &pro, &case, "Oma Joke", "family").await;
    add_member(&app, &pro, &case, "Maatschappelijk werker", "professional").await;
    created(
        &app,
        &format!("/api/v1/cases/{case}/versions"),
        &pro,
        json!({"title": "Start", "taken_on": "2026-01-15"}),
    )
    .await;
    // Since then Opa joined, also with emotional support.
    let opa = add_member(&app, &pro, &case, "Opa Kees", "family").await;
    // A finished check: Oma (3, 2, 1) and Opa (2, 2, 2).
    let checks = format!("/api/v1/cases/{case}/support-checks");
    let check = created(&app, &checks, &pro, json!({"respondent": "youth"})).await;
    let id = check["id"].as_str().expect("check id");
    for a in [answer(&oma, [3, 2, 1]), answer(&opa, [2, 2, 2])] {
        let r = api(
            &app,
            Method::POST,
            &format!("{checks}/{id}/answers"),
            &pro,
            Some(&a.to_string()),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let r = api(
        &app,
        Method::POST,
        &format!("{checks}/{id}/finish"),
        &pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // A second check, still open: not in the trends.
    created(&app, &checks, &pro, json!({"respondent": "parent"})).await;

    let t = app.api_get(&api_path, &pro).await.json();
    let v = "2026-01-15";
    assert!(
        close(&points(&t, "network_size"), &[(v, 2.0), (&now, 3.0)]),
        "{t}"
    );
    assert!(
        close(&points(&t, "informal_size"), &[(v, 1.0), (&now, 2.0)]),
        "{t}"
    );
    assert!(
        close(
            &points(&t, "informal_share"),
            &[(v, 0.5), (&now, 2.0 / 3.0)]
        ),
        "{t}"
    );
    // Seven kinds of support; emotional has two informal providers only since Opa: 7 → 6.
    assert!(
        close(&points(&t, "support_gaps"), &[(v, 7.0), (&now, 6.0)]),
        "{t}"
    );
    assert!(
        close(&points(&t, "perceived_concrete"), &[(&now, 2.5)]),
        "{t}"
    );
    assert!(
        close(&points(&t, "perceived_emotional"), &[(&now, 2.0)]),
        "{t}"
    );
    assert!(
        close(&points(&t, "perceived_informational"), &[(&now, 1.5)]),
        "{t}"
    );
    assert!(points(&t, "feels_supported").is_empty());
    assert_eq!(t["saved_versions"], 1);
    assert_eq!(t["finished_checks"], 1);
    let share = t["series"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["measure"] == "informal_share")
        .cloned()
        .unwrap_or_default();
    assert_eq!(share["chart"], "informal_share");
    assert_eq!(share["label"], "Informeel deel");

    // The page: four charts, each an accessible SVG with a table that says the same.
    let r = app.get(&page_path, Some(&page)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let body = &r.body;
    assert!(!body.contains(r#"id="trends-empty""#));
    assert_eq!(body.matches(r#"role="img""#).count(), 4, "{body}");
    assert_eq!(body.matches("<table>").count(), 4);
    assert_eq!(body.matches("<caption>").count(), 4);
    assert_eq!(
        body.matches(r#"role="img" font-family="sans-serif"><title>"#)
            .count(),
        4,
        "every chart has its accessible name"
    );
    for id in [
        "trend-network-size",
        "trend-informal-share",
        "trend-support-gaps",
        "trend-perceived-support",
    ] {
        assert!(body.contains(&format!(r#"id="{id}""#)), "{id}");
    }
    assert!(
        !body.contains(r#"id="trend-self-report""#),
        "no self-reports yet"
    );
    assert!(body.contains("<td>67%</td>"), "2 of 3 informal");
    assert!(body.contains("<td>2,5</td>"), "Dutch decimal comma");
    assert!(
        body.contains("15-01-2026") || body.contains("15 januari 2026"),
        "{body}"
    );
    assert!(
        body.contains("<desc>Iedereen op de kaart: van 2 op"),
        "{body}"
    );

    // In English.
    let r = app
        .send(
            Method::GET,
            &page_path,
            None,
            &[
                ("cookie", &format!("steunkring={page}")),
                ("accept-language", "en-GB,en"),
            ],
        )
        .await;
    if r.body.contains(r#"lang="en""#) {
        assert!(r.body.contains("Size of the network"), "{}", r.body);
        assert!(r.body.contains(">Trends</a>"));
    }

    // The young person's self-report today (through the professional) joins as its own chart.
    created(
        &app,
        &format!("/api/v1/cases/{case}/self-reports"),
        &pro,
        json!({"feels_supported": 7, "satisfied_with_help": 8}),
    )
    .await;
    let t = app.api_get(&api_path, &pro).await.json();
    assert!(close(&points(&t, "feels_supported"), &[(&now, 7.0)]), "{t}");
    assert!(
        close(&points(&t, "satisfied_with_help"), &[(&now, 8.0)]),
        "{t}"
    );
    assert_eq!(
        points(&t, "satisfied_with_support_figures"),
        vec![(now.clone(), None)],
        "skipped: unknown, not 0"
    );
    let r = app.get(&page_path, Some(&page)).await;
    assert!(r.body.contains(r#"id="trend-self-report""#), "{}", r.body);
    assert_eq!(r.body.matches(r#"role="img""#).count(), 5);

    // Every view is audited as a read of the trends.
    let reads = app
        .audit()
        .await
        .into_iter()
        .filter(|e| {
            e.event.case_id.as_deref() == Some(case.as_str())
                && e.event.object_type.as_deref() == Some("trends")
        })
        .count();
    assert!(reads >= 4, "page and API views audited: {reads}");
}

#[tokio::test]
async fn others_do_not_find_the_trends_nor_the_fhir_bundle() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro).await;
    let admin = app.login_api("beheer@test.nl").await;
    let admin_page = app.login_page("beheer@test.nl").await;
    app.add_user("analist@test.nl", "Ana Analist", &[Role::Analyst])
        .await;
    let analyst = app.login_api("analist@test.nl").await;
    for token in [&admin, &analyst] {
        for path in ["trends", "fhir"] {
            let r = app
                .api_get(&format!("/api/v1/cases/{case}/{path}"), token)
                .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.body);
            assert!(!r.body.contains("Sanne"));
        }
    }
    let r = app
        .get(&format!("/cases/{case}/trends"), Some(&admin_page))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The administrator's case page has no "Verloop" tab.
    let r = app.get(&format!("/cases/{case}"), Some(&admin_page)).await;
    assert!(!r.body.contains("/trends\""), "{}", r.body);
    let denied = app
        .audit()
        .await
        .into_iter()
        .filter(|e| {
            e.event.case_id.as_deref() == Some(case.as_str())
                && e.event.outcome == steunkring_domain::audit::Outcome::Denied
        })
        .count();
    assert!(denied >= 5, "denied attempts audited: {denied}");
    let r = app.get(&format!("/api/v1/cases/{case}/trends"), None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// The case as a FHIR bundle: the structure a receiver relies on.
#[tokio::test]
async fn the_case_as_a_fhir_bundle() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro).await;
    let oma = add_member(&app, &pro, &case, "Oma Joke", "family").await;
    add_member(&app, &pro, &case, "Opa Kees", "family").await;
    add_member(&app, &pro, &case, "Maatschappelijk werker", "professional").await;
    let plan = json!({
        "revision": 0,
        "goals": [{"id": "g1", "text": "Weer naar school", "holder": "youth"}],
        "actions": [
            {"id": "a1", "what": "Sanne ophalen", "who": format!("member:{oma}"), "due_on": "2026-01-15", "goal_id": "g1"},
            {"id": "a2", "what": "Wekker zetten", "who": "youth"}
        ],
        "safety": {"worries": "Geheim", "agreements": [{"id": "s1", "concern": "Vader drinkt", "agreement": "Slapen bij oma", "who_watches": "Oma", "if_wrong": "Bellen"}]}
    });
    let r = api(
        &app,
        Method::PUT,
        &format!("/api/v1/cases/{case}/plan"),
        &pro,
        Some(&plan.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    let r = app
        .api_get(&format!("/api/v1/cases/{case}/fhir"), &pro)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(
        r.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/fhir+json")),
        "{:?}",
        r.headers
    );
    let b = r.json();
    assert_eq!(b["resourceType"], "Bundle");
    assert_eq!(b["type"], "collection");
    let entries = b["entry"].as_array().cloned().unwrap_or_default();
    assert!(!entries.is_empty());
    for e in &entries {
        let url = e["fullUrl"].as_str().unwrap_or("");
        assert!(url.starts_with("urn:uuid:"), "{e}");
        assert_eq!(e["resource"]["id"].as_str(), url.strip_prefix("urn:uuid:"));
        assert!(e["resource"]["resourceType"].is_string(), "{e}");
    }
    let of = |kind: &str| -> Vec<Value> {
        entries
            .iter()
            .filter(|e| e["resource"]["resourceType"] == kind)
            .map(|e| e["resource"].clone())
            .collect()
    };
    let patients = of("Patient");
    assert_eq!(patients.len(), 1);
    assert_eq!(patients[0]["birthDate"], "2010-04-01");
    let related = of("RelatedPerson");
    for name in ["Oma Joke", "Opa Kees"] {
        assert!(
            related.iter().any(|p| p.to_string().contains(name)),
            "a RelatedPerson for {name}: {related:?}"
        );
    }
    let plans = of("CarePlan");
    assert_eq!(plans.len(), 1);
    let activities = plans[0]["activity"].as_array().map(Vec::len);
    assert_eq!(activities, Some(2), "{}", plans[0]);
    assert!(!b.to_string().contains("Vader drinkt"), "no safety section");
    assert!(!of("Observation").is_empty(), "the indicators");
    let exports = app
        .audit()
        .await
        .into_iter()
        .filter(|e| e.event.object_type.as_deref() == Some("fhir_bundle"))
        .count();
    assert_eq!(exports, 1, "the export is audited");
}
