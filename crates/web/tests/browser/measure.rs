//! Measuring in a real browser on a phone-sized window: the young person answers a support
//! check about the eight people on her map, one person per screen, stops halfway and comes
//! back later to where she left off, and finishes it; the professional sees the new point on
//! the trend of perceived support; the analyst sees the aggregate change when her network takes
//! on an action in the plan, but cannot find or open any single case.

use crate::app::api;
use crate::harness::Browser;
use crate::sharing::{accept, invite};
use axum::http::Method;
use serde_json::json;

/// The eight people on the map: name, relation, sector.
const NETWORK: [(&str, &str, &str); 8] = [
    ("Oma Ria", "oma", "family"),
    ("Tante Els", "tante", "family"),
    ("Buurman Ahmed", "buurman", "neighbourhood"),
    ("Coach Mo", "coach", "leisure"),
    ("Vriendin Lisa", "vriendin", "friends"),
    ("Juf Petra", "mentor", "school_work"),
    ("Opa Henk", "opa", "family"),
    ("Jeugdprofessional Kim", "wijkteam", "professional"),
];

/// Answers the member on screen: for every question the choice at `pick` (1-based, the
/// last one where a question has fewer), clicked as a person would, then one of the two
/// buttons. Returns the member's name as shown.
async fn answer_screen(b: &Browser, pick: usize, then: &str) -> String {
    let name = b.text(".check-member").await;
    let fields = b
        .client
        .execute(
            "return Array.from(document.querySelectorAll('form.check-screen fieldset'))\
             .map(f => [f.id, f.querySelectorAll('input[type=radio]').length]);",
            vec![],
        )
        .await
        .expect("fieldsets");
    let fields: Vec<(String, usize)> = serde_json::from_value(fields).expect("ids and counts");
    assert!(
        fields.len() >= 8,
        "a screen asks every question: {fields:?}"
    );
    for (id, count) in fields {
        let n = pick.min(count);
        b.click(&format!("#{id} label:nth-of-type({n}) input"))
            .await;
    }
    b.click(&format!("form.check-screen button[value={then}]"))
        .await;
    name
}

/// A wijkteam case with one informal member who holds an action in its plan; its id.
async fn case_with_network_in_plan(app: &crate::app::TestApp, pro: &str, youth: &str) -> String {
    let body = json!({"youth": {"name": youth, "birth_date": "2011-05-05"}, "setting": "wijkteam"});
    let case = api(
        app,
        Method::POST,
        "/api/v1/cases",
        pro,
        Some(&body.to_string()),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let kees = add_family(app, pro, &case, "Oom Kees").await;
    plan_action_by(app, pro, &case, &kees, 0).await;
    case
}

/// Adds an informal member to the case; their id.
async fn add_family(app: &crate::app::TestApp, pro: &str, case: &str, name: &str) -> String {
    let member = json!({"name": name, "relation": "familie", "ring": 1, "sector": "family"});
    api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        pro,
        Some(&member.to_string()),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("member id")
        .to_string()
}

/// Writes the case's plan (at `revision`) with one action held by `member`.
async fn plan_action_by(
    app: &crate::app::TestApp,
    pro: &str,
    case: &str,
    member: &str,
    revision: i64,
) {
    let plan = json!({"revision": revision,
        "goals": [{"text": "Weer elke dag naar school", "holder": "youth"}],
        "actions": [{"what": "Elke week samen eten", "who": format!("member:{member}")}]});
    let r = api(
        app,
        Method::PUT,
        &format!("/api/v1/cases/{case}/plan"),
        pro,
        Some(&plan.to_string()),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

/// The analyst's page: the number of cases whose network holds an action in the plan (the
/// first column's total of the first figure), as the page shows it.
async fn network_in_plan_count(b: &Browser) -> String {
    b.goto("/insights").await;
    b.wait_contains("h1", "nzicht").await;
    let cell = b
        .client
        .execute(
            "const rows = document.querySelector('section table tbody').rows;\
             return rows[rows.length - 1].cells[1].textContent.trim();",
            vec![],
        )
        .await
        .expect("cell");
    cell.as_str().unwrap_or_default().to_string()
}

/// On the trend page's perceived-support chart: the points drawn, the table's rows, and the
/// table cells that read 3.
async fn trend_point_counts(b: &Browser) -> (u64, u64, u64) {
    let counts = b
        .client
        .execute(
            "const s = document.getElementById('trend-perceived-support');\
             const cells = Array.from(s.querySelectorAll('tbody td'));\
             return [s.querySelectorAll('svg circle').length, s.querySelectorAll('tbody tr').length,\
                     cells.filter(td => td.textContent.trim() === '3').length];",
            vec![],
        )
        .await
        .expect("counts");
    serde_json::from_value(counts).expect("three counts")
}

#[tokio::test]
async fn a_young_person_answers_a_support_check_on_a_phone_pausing_once() {
    let Some(b) = Browser::start(360, 800).await else {
        return;
    };
    let app = &b.app;
    let pro = app.login_api("pro@test.nl").await;
    // Eleven other cases in which the network holds an action in the plan and ten in which it
    // does not (a count under 10, zero included, would be suppressed); the analyst looks.
    let mut others = Vec::new();
    for i in 0..11 {
        others.push(case_with_network_in_plan(app, &pro, &format!("Jongere Anoniem{i}")).await);
    }
    for i in 11..21 {
        let body = json!({"youth": {"name": format!("Jongere Anoniem{i}"), "birth_date": "2012-06-06"},
            "setting": "wijkteam"});
        let r = api(
            app,
            Method::POST,
            "/api/v1/cases",
            &pro,
            Some(&body.to_string()),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
    }
    app.add_user(
        "analist@test.nl",
        "Ans Analist",
        &[steunkring_domain::Role::Analyst],
    )
    .await;
    b.login("analist@test.nl").await;
    let before = network_in_plan_count(&b).await;
    assert_eq!(before, "11", "eleven cases; Iris's is not there yet");
    b.logout().await;

    let birth =
        (chrono::Utc::now().date_naive() - chrono::Duration::days(16 * 365 + 60)).to_string();
    let body = json!({"youth": {"name": "Iris Bakker", "birth_date": birth}, "setting": "wijkteam",
        "parents": [{"name": "Mirjam Bakker", "gezag": true}]});
    let case = api(
        app,
        Method::POST,
        "/api/v1/cases",
        &pro,
        Some(&body.to_string()),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    for (name, relation, sector) in NETWORK {
        let body = json!({"name": name, "relation": relation, "ring": 2, "sector": sector});
        let reply = api(
            app,
            Method::POST,
            &format!("/api/v1/cases/{case}/members"),
            &pro,
            Some(&body.to_string()),
        )
        .await;
        assert_eq!(reply.status, 201, "{}", reply.body);
    }

    // The professional invites Iris; she makes her own account.
    b.login("pro@test.nl").await;
    let code = invite(&b, &case, "youth", "Iris", None, None).await;
    b.logout().await;
    accept(&b, &code, "Iris", "iris@example.nl").await;
    b.click(".card h2 a").await;
    b.click("#steunmeting a.button").await;
    b.wait_contains("h1", "steunmeting").await;
    b.click("form.stack button.primary").await;
    b.wait_contains("#progress", "0 van 8").await;
    b.assert_no_horizontal_scroll().await;

    // Four people, then "save and pause".
    let mut answered = Vec::new();
    for i in 0..4 {
        let then = if i == 3 { "pause" } else { "next" };
        answered.push(answer_screen(&b, 3, then).await);
        if i < 3 {
            b.wait_contains("#progress", &format!("{} van 8", i + 1))
                .await;
        }
    }
    b.wait_contains("#paused", "later verdergaan").await;
    let list = b.source().await;
    assert!(list.contains("4 van 8"), "the list shows how far she got");

    // Later: she picks up where she left off, with someone she has not answered yet.
    b.click(".check-row a").await;
    b.wait_contains("#progress", "4 van 8").await;
    let next = b.text(".check-member").await;
    assert!(
        !answered
            .iter()
            .any(|a| next.starts_with(a.as_str()) || a.starts_with(&next)),
        "resuming shows someone not answered yet ({next}), not one of {answered:?}"
    );
    for i in 4..8 {
        answered.push(answer_screen(&b, 3, "next").await);
        if i < 7 {
            b.wait_contains("#progress", &format!("{} van 8", i + 1))
                .await;
        }
    }
    b.wait_contains("#all-answered", "Iedereen is ingevuld")
        .await;
    b.assert_no_horizontal_scroll().await;
    b.click("form[action$='/finish'] button").await;
    b.wait_contains("#finished", "Afgerond op").await;
    for (name, _, _) in NETWORK {
        assert!(
            answered.iter().any(|a| a.starts_with(name)),
            "{name} was asked about once: {answered:?}"
        );
    }

    // The professional sees the new point on the trend of perceived support: everyone
    // "almost always", so 3 for each kind of support, on today's row.
    b.logout().await;
    b.login("pro@test.nl").await;
    b.goto(&format!("/cases/{case}/trends")).await;
    b.wait_contains("#trend-perceived-support h3", "steun")
        .await;
    let (points, rows, threes) = trend_point_counts(&b).await;
    assert!(points >= 3, "three series, one point each: {points}");
    assert_eq!(rows, 1, "one finished check, one row");
    assert_eq!(threes, 3, "perceived support 3 of 3 for each kind");
    b.assert_no_horizontal_scroll().await;

    // Oma Ria takes on an action in Iris's plan: the analyst sees the aggregate change, and
    // nothing that leads to a single case.
    let members = api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        None,
    )
    .await
    .json();
    let oma = members["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["name"] == "Oma Ria")
        .and_then(|m| m["id"].as_str())
        .unwrap_or_else(|| panic!("Oma Ria in {members}"))
        .to_string();
    plan_action_by(app, &pro, &case, &oma, 0).await;
    b.logout().await;
    b.login("analist@test.nl").await;
    assert_eq!(network_in_plan_count(&b).await, "12");
    b.assert_no_horizontal_scroll().await;
    let page = b.source().await;
    for needle in [
        "Iris",
        "Bakker",
        "Anoniem",
        "Oma Ria",
        "Oom Kees",
        case.as_str(),
    ] {
        assert!(!page.contains(needle), "{needle} on the analyst's page");
    }
    assert!(!page.contains("href=\"/cases/"), "no link to a case");
    for id in others.iter().chain([&case]) {
        b.goto(&format!("/cases/{id}")).await;
        let shown = b.source().await;
        assert!(
            !shown.contains("Iris") && !shown.contains("Anoniem"),
            "the analyst cannot open a case"
        );
    }
    b.goto("/cases?q=Iris").await;
    assert!(!b.source().await.contains("Iris Bakker"), "nor find one");

    // The finished check with its scores in the API.
    let checks = api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/support-checks"),
        &pro,
        None,
    )
    .await
    .json();
    let check = &checks["items"][0];
    assert_eq!(check["respondent"], "youth", "{checks}");
    assert!(check["finished_on"].is_string(), "{checks}");
    assert_eq!(check["progress"]["answered"], 8, "{checks}");
    assert_eq!(check["progress"]["total"], 8, "{checks}");
}
