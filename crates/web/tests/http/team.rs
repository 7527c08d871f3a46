//! The team overview (issue: "the team's" dashboard): per open case of the professional's own
//! teams whether there is an informal support figure, the plan's state and overdue actions,
//! when the support check is due, open concerns; the counts; the team filter; the CSV and XLSX
//! downloads (formula injection guarded); who may reach it; every view audited.

use crate::app::{TestApp, api, operator_event};
use axum::http::{Method, StatusCode, header};
use chrono::{Duration, Utc};
use serde_json::json;
use steunkring_domain::audit::{AuditAction, Outcome};
use steunkring_domain::case::{CaseDetails, CaseInput};
use steunkring_domain::ids::CaseId;
use steunkring_domain::support_figure::{
    Acceptance, Agreement, Nominator, Screening, ScreeningDecision, SupportFigure, SupportKind,
    SupportStatus, SupportStep,
};
use steunkring_domain::{Role, TeamId};
use steunkring_store::OrgScope;

async fn open(app: &TestApp, team: &TeamId, name: &str, days_ago: i64) -> CaseId {
    let opened = (Utc::now() - Duration::days(days_ago)).date_naive();
    let input = CaseInput {
        youth_name: name.into(),
        birth_date: "2011-05-05".into(),
        setting: "wijkteam".into(),
        team_id: team.to_string(),
        ..Default::default()
    };
    app.store
        .create_case(
            &OrgScope::operator(app.org.clone()),
            &CaseDetails::parse(&input, opened).expect("valid case"),
            opened,
            operator_event(&app.org),
        )
        .await
        .expect("case")
        .id
}

/// Oma on the map of `case`, nominated, screened, agreed and accepted: an active support
/// figure.
async fn active_figure(app: &TestApp, pro: &str, case: &CaseId) {
    let m = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        pro,
        Some(
            &json!({"name": "Oma Joke", "relation": "oma", "ring": 1, "sector": "family"})
                .to_string(),
        ),
    )
    .await;
    assert_eq!(m.status, StatusCode::CREATED, "{}", m.body);
    let member = m.json()["id"].as_str().expect("id").to_string();
    let scope = OrgScope::operator(app.org.clone());
    let today = Utc::now().date_naive();
    let figure = SupportFigure {
        id: format!("sf-{case}"),
        member_id: Some(steunkring_domain::network::MemberId::from_stored(&member)),
        member_name: "Oma Joke".into(),
        kind: SupportKind::Jim,
        status: SupportStatus::Nominated,
        nominated_on: today,
        nominated_by: Nominator::Youth,
        own_words: "Oma".into(),
        screening: None,
        acceptance: None,
        agreement: None,
        ending: None,
    };
    app.store
        .nominate_support_figure(&scope, case, &figure, operator_event(&app.org))
        .await
        .expect("nominate");
    for step in [
        SupportStep::Screen(Screening {
            on: today,
            safety_concerns: None,
            decision: ScreeningDecision::Approve,
            reason: "Bekend".into(),
            by: None,
        }),
        SupportStep::Agree(Agreement {
            on: today,
            roles: vec![],
            contact_how: "Bellen".into(),
            contact_frequency: "wekelijks".into(),
            meetings_part: None,
        }),
        SupportStep::Accept(Acceptance {
            on: today,
            participant: "p-oma".into(),
        }),
    ] {
        app.store
            .step_support_figure(&scope, case, &figure.id, &step, operator_event(&app.org))
            .await
            .expect("step");
    }
}

struct World {
    app: TestApp,
    zuid: TeamId,
    /// Professional of the test team only.
    pro_page: String,
    /// Professional of both teams.
    both_page: String,
    sanne: CaseId,
}

async fn world() -> World {
    let app = TestApp::new().await;
    let zuid = app
        .store
        .create_team(
            &OrgScope::operator(app.org.clone()),
            "Team Zuid",
            operator_event(&app.org),
        )
        .await
        .expect("team")
        .id;
    app.add_user_in(
        &app.org,
        &[app.team.clone(), zuid.clone()],
        "beide@test.nl",
        "Bo Beide",
        &[Role::Professional],
    )
    .await;
    let pro = app.login_api("pro@test.nl").await;
    // Sanne: opened four months ago (a check is due), an active support figure, a plan with
    // an action past its date, an open concern.
    let sanne = open(&app, &app.team, "Sanne", 120).await;
    active_figure(&app, &pro, &sanne).await;
    let plan = json!({"revision": 0, "goals": [], "actions": [
        {"id": "a1", "what": "Bellen", "who": "youth", "due_on": "2026-01-15"},
        {"id": "a2", "what": "Later", "who": "youth"}
    ]});
    let r = api(
        &app,
        Method::PUT,
        &format!("/api/v1/cases/{sanne}/plan"),
        &pro,
        Some(&plan.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{sanne}/concerns"),
        &pro,
        Some(&json!({"about": "informal_support", "what": "Oma vergeet afspraken", "seriousness": "medium"}).to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // A name a spreadsheet would run as a formula, opened today: nothing due yet.
    open(&app, &app.team, "=SUM(1+1) Bas", 0).await;
    // Ali, of Team Zuid.
    open(&app, &zuid, "Ali", 10).await;
    World {
        pro_page: app.login_page("pro@test.nl").await,
        both_page: app.login_page("beide@test.nl").await,
        app,
        zuid,
        sanne,
    }
}

fn count(body: &str, key_text: &str) -> Option<u32> {
    // "<strong>N</strong> text"
    body.split("<li class=\"card\"><strong>")
        .skip(1)
        .find(|chunk| chunk.contains(&format!("</strong> {key_text}</li>")))
        .and_then(|chunk| chunk.split("</strong>").next())
        .and_then(|n| n.parse().ok())
}

#[tokio::test]
async fn the_overview_lists_the_own_teams_cases_with_what_needs_attention() {
    let w = world().await;
    let app = &w.app;

    let r = app.get("/team", Some(&w.pro_page)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let body = &r.body;
    assert!(body.contains("Sanne") && body.contains("=SUM(1+1) Bas"));
    assert!(
        !body.contains("Ali"),
        "not a case of this professional's team"
    );
    assert_eq!(count(body, "Open dossiers"), Some(2), "{body}");
    assert_eq!(count(body, "Zonder informele steunfiguur"), Some(1));
    assert_eq!(count(body, "Zonder vastgesteld plan"), Some(2));
    assert_eq!(count(body, "Met acties te laat"), Some(1));
    assert_eq!(count(body, "Steunmeting nodig"), Some(1));
    assert_eq!(count(body, "Met open zorgen"), Some(1));
    assert!(
        body.contains("<caption>Open dossiers van Wijkteam Test</caption>"),
        "{body}"
    );
    assert!(body.contains(&format!("href=\"/cases/{}\"", w.sanne)));
    assert!(body.contains("concept"), "Sanne's plan is a draft");
    assert!(body.contains("geen plan"));
    assert!(body.contains("nodig sinds"), "Sanne's check is due");

    // The professional of both teams sees all three, and can narrow to one team.
    let r = app.get("/team", Some(&w.both_page)).await;
    assert!(r.body.contains("Ali") && r.body.contains("Sanne"));
    assert_eq!(count(&r.body, "Open dossiers"), Some(3));
    let r = app
        .get(&format!("/team?team={}", w.zuid), Some(&w.both_page))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Ali") && !r.body.contains("Sanne"));
    assert_eq!(count(&r.body, "Open dossiers"), Some(1));
    assert!(
        r.body
            .contains("<caption>Open dossiers van Team Zuid</caption>")
    );
    // Another team's filter is refused, not silently widened.
    let r = app
        .get(&format!("/team?team={}", w.zuid), Some(&w.pro_page))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!r.body.contains("Ali"));

    // The home page and the navigation lead there.
    let home = app.get("/", Some(&w.pro_page)).await;
    assert!(home.body.contains(r#"href="/team""#));

    // Views are audited.
    let views = app
        .audit()
        .await
        .into_iter()
        .filter(|e| {
            e.event.object_type.as_deref() == Some("team_overview")
                && e.event.action == AuditAction::Read
                && e.event.outcome == Outcome::Success
        })
        .count();
    assert_eq!(views, 3);
}

#[tokio::test]
async fn the_overview_downloads_as_csv_and_xlsx() {
    let w = world().await;
    let app = &w.app;
    let r = app.get("/team/overview.csv", Some(&w.pro_page)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let ct = |r: &crate::app::Reply| {
        r.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert!(ct(&r).starts_with("text/csv"));
    let lines: Vec<&str> = r.body.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(
        lines[0],
        "Jongere,Team,Informele steunfiguur,Plan,Acties te laat,Volgende steunmeting,Steunmeting nodig,Open zorgen"
    );
    assert_eq!(lines.len(), 3, "{}", r.body);
    assert!(
        lines.iter().any(|l| l.starts_with("'=SUM(1+1) Bas,")),
        "the formula is defused: {}",
        r.body
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Sanne,Wijkteam Test,ja,concept,1,") && l.ends_with(",ja,1")),
        "{}",
        r.body
    );
    let r = app.get("/team/overview.xlsx", Some(&w.pro_page)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(ct(&r).contains("spreadsheetml"));
    assert!(r.bytes.starts_with(b"PK"), "a zip");
    let exports = app
        .audit()
        .await
        .into_iter()
        .filter(|e| {
            e.event.object_type.as_deref() == Some("team_overview")
                && e.event.action == AuditAction::Export
        })
        .count();
    assert_eq!(exports, 2, "both downloads audited");
}

#[tokio::test]
async fn only_professionals_reach_the_overview() {
    let w = world().await;
    let app = &w.app;
    app.add_user("analist@test.nl", "Ana Analist", &[Role::Analyst])
        .await;
    app.add_user("coord@test.nl", "Cor Coördinator", &[Role::Coordinator])
        .await;
    for email in ["beheer@test.nl", "analist@test.nl", "coord@test.nl"] {
        let token = app.login_page(email).await;
        for path in ["/team", "/team/overview.csv", "/team/overview.xlsx"] {
            let r = app.get(path, Some(&token)).await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{email} {path}");
            assert!(!r.body.contains("Sanne"), "{email} {path}");
        }
        let home = app.get("/", Some(&token)).await;
        assert!(!home.body.contains(r#"href="/team""#), "{email}");
    }
    let denied = app
        .audit()
        .await
        .into_iter()
        .filter(|e| {
            e.event.object_type.as_deref() == Some("team_overview")
                && e.event.outcome == Outcome::Denied
        })
        .count();
    assert_eq!(denied, 9, "every refused attempt audited");
    let r = app.get("/team", None).await;
    assert!(r.status.is_redirection() && r.location().starts_with("/login"));
}
