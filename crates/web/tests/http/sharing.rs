//! Consent and sharing end to end: a 14-year-old and a parent with gezag must both consent
//! before a support figure sees the map; withdrawal ends it at once; the young person may
//! reject people and see who looked at the file.

use crate::app::{TestApp, api};
use axum::http::{Method, StatusCode};

pub(crate) fn attr_after<'a>(body: &'a str, marker: &str, attr: &str) -> Option<&'a str> {
    let at = body.find(marker)?;
    let rest = &body[at..];
    let start = rest.find(&format!("{attr}=\""))? + attr.len() + 2;
    rest[start..].split('"').next()
}

pub(crate) async fn join(
    app: &TestApp,
    pro: &str,
    case: &str,
    kind: &str,
    name: &str,
    email: &str,
    extra: &str,
) -> (String, String) {
    let body = format!(r#"{{"kind": "{kind}", "name": "{name}"{extra}}}"#);
    let created = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        pro,
        Some(&body),
    )
    .await
    .json();
    let code = created["invitation"]["code"]
        .as_str()
        .expect("code")
        .to_string();
    let accept =
        format!(r#"{{"name": "{name}", "email": "{email}", "password": "een-goede-zin-{kind}"}}"#);
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(&accept),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    (
        created["id"].as_str().expect("participant").to_string(),
        r.json()["token"].as_str().expect("token").to_string(),
    )
}

#[tokio::test]
async fn a_support_figure_sees_the_map_only_while_both_deciders_consent() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let birth =
        (chrono::Utc::now().date_naive() - chrono::Duration::days(14 * 365 + 100)).to_string();
    let case_body = format!(
        r#"{{"youth": {{"name": "Noa", "birth_date": "{birth}"}}, "setting": "wijkteam", "parents": [{{"name": "Ria", "gezag": true}}]}}"#
    );
    let case = api(&app, Method::POST, "/api/v1/cases", &pro, Some(&case_body))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let coach = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        Some(r#"{"name": "Coach Mo", "relation": "coach", "ring": 2, "sector": "leisure"}"#),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let oom = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        Some(r#"{"name": "Oom Karel", "relation": "oom", "ring": 2, "sector": "family"}"#),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (youth_p, youth) = join(&app, &pro, &case, "youth", "Noa", "noa@test.nl", "").await;
    let (parent_p, parent) = join(
        &app,
        &pro,
        &case,
        "parent",
        "Ria",
        "ria@test.nl",
        r#", "parent_index": 0"#,
    )
    .await;
    let (sf_p, sf) = join(
        &app,
        &pro,
        &case,
        "support_figure",
        "Coach Mo",
        "mo@test.nl",
        &format!(r#", "member_id": "{coach}""#),
    )
    .await;

    // Without consent the support figure sees no map, and is told why.
    let page = app.get(&format!("/mijn/{sf_p}"), Some(&sf)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("<svg") && page.body.contains("geen toestemming"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Oom Karel"), "no names either");
    // The professional routes stay closed to participants.
    assert_eq!(
        api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{case}/members"),
            &sf,
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    // Someone else's participant page is not reachable.
    assert_eq!(
        app.get(&format!("/mijn/{youth_p}"), Some(&sf)).await.status,
        StatusCode::NOT_FOUND
    );

    // The professional asks consent: a 14-year-old and the parent with gezag must both give it.
    let web = app.login_page("pro%40test.nl").await;
    let r = app
        .post_form(
            &format!("/cases/{case}/consents"),
            "category=network_map&recipient=role%3Asupport_figures",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let sharing = app.get(&format!("/cases/{case}/sharing"), Some(&web)).await;
    assert!(
        sharing.body.contains("12 tot en met 15"),
        "the rule is explained"
    );
    let consent = attr_after(&sharing.body, "class=\"consent\"", "data-consent")
        .expect("consent id")
        .to_string();

    let youth_page = app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert!(youth_page.body.contains("Ik geef toestemming"));
    let r = app
        .post_form(
            &format!("/mijn/{youth_p}/consents/{consent}/give"),
            "",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        !app.get(&format!("/mijn/{sf_p}"), Some(&sf))
            .await
            .body
            .contains("<svg"),
        "one of two is not enough"
    );
    let r = app
        .post_form(
            &format!("/mijn/{parent_p}/consents/{consent}/give"),
            "",
            Some(&parent),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/mijn/{sf_p}"), Some(&sf)).await;
    assert!(
        page.body.contains("<svg") && page.body.contains("Oom Karel"),
        "both consented: the map is shared"
    );

    // The young person rejects Oom Karel and can hide him from their own view.
    let r = app
        .post_form(
            &format!("/mijn/{youth_p}/members/{oom}/stance"),
            "stance=rejected",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let members = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        None,
    )
    .await
    .json();
    let karel = members["items"]
        .as_array()
        .and_then(|ms| ms.iter().find(|m| m["id"] == oom.as_str()))
        .cloned()
        .unwrap_or_default();
    assert_eq!(karel["stance"], "rejected");
    let hidden = app
        .get(&format!("/mijn/{youth_p}?hide_rejected=true"), Some(&youth))
        .await;
    assert!(
        !hidden.body.contains("Oom Karel"),
        "rejected people are absent from the young person's own view"
    );
    // Only the young person decides stances.
    let r = app
        .post_form(
            &format!("/mijn/{parent_p}/members/{oom}/stance"),
            "stance=chosen",
            Some(&parent),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Withdrawal by the young person ends it at once.
    let r = app
        .post_form(
            &format!("/mijn/{youth_p}/consents/{consent}/withdraw"),
            "",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/mijn/{sf_p}"), Some(&sf)).await;
    assert!(
        !page.body.contains("<svg") && page.body.contains("ingetrokken"),
        "withdrawn at once"
    );

    // The young person sees who looked at the file; the support figure may not.
    let log = app.get(&format!("/mijn/{youth_p}/log"), Some(&youth)).await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(
        log.body.contains("Coach Mo") && log.body.contains("Pim Professional"),
        "who looked"
    );
    assert_eq!(
        app.get(&format!("/mijn/{sf_p}/log"), Some(&sf))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // Who can see what, and why: the matrix says it in words.
    let sharing = app.get(&format!("/cases/{case}/sharing"), Some(&web)).await;
    assert!(
        sharing.body.contains("De toestemming is ingetrokken"),
        "why the support figure cannot see it"
    );
    assert!(
        sharing.body.contains("wettelijk vertegenwoordiger"),
        "why the parent can"
    );
}

#[tokio::test]
async fn withholding_wins_over_legal_representation_and_needs_a_reason() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let birth = (chrono::Utc::now().date_naive() - chrono::Duration::days(10 * 365)).to_string();
    let case_body = format!(
        r#"{{"youth": {{"name": "Tim", "birth_date": "{birth}"}}, "setting": "wijkteam", "parents": [{{"name": "Vader", "gezag": true}}]}}"#
    );
    let case = api(&app, Method::POST, "/api/v1/cases", &pro, Some(&case_body))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        Some(r#"{"name": "Buurvrouw", "relation": "buur", "ring": 2, "sector": "neighbourhood"}"#),
    )
    .await;
    let (parent_p, parent) = join(
        &app,
        &pro,
        &case,
        "parent",
        "Vader",
        "vader@test.nl",
        r#", "parent_index": 0"#,
    )
    .await;
    assert!(
        app.get(&format!("/mijn/{parent_p}"), Some(&parent))
            .await
            .body
            .contains("<svg"),
        "a parent with gezag of a 10-year-old sees the map"
    );

    let web = app.login_page("pro%40test.nl").await;
    let r = app
        .post_form(
            &format!("/cases/{case}/withholdings"),
            "category=network_map&recipient=role%3Aparents&reason=",
            Some(&web),
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let r = app
        .post_form(
            &format!("/cases/{case}/withholdings"),
            "category=network_map&recipient=role%3Aparents&reason=Vader+zoekt+de+buurvrouw+op",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/mijn/{parent_p}"), Some(&parent)).await;
    assert!(!page.body.contains("<svg"), "withheld");
    assert!(
        !page.body.contains("zoekt de buurvrouw"),
        "the professional's reason is not shown to the parent"
    );
    let audit = app.audit().await;
    assert!(
        audit
            .iter()
            .any(|r| r.event.object_type.as_deref() == Some("withholding")),
        "withholding is audited"
    );
}

#[tokio::test]
async fn the_sharing_guide_asks_step_by_step_and_records_the_decision() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = api(
        &app,
        Method::POST,
        "/api/v1/cases",
        &pro,
        Some(r#"{"youth": {"name": "Sem", "birth_date": "2012-01-01"}, "setting": "wijkteam"}"#),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let web = app.login_page("pro%40test.nl").await;
    let base = format!("/cases/{case}/sharing/guide?recipient=School&information=Crisis");
    let step1 = app.get(&base, Some(&web)).await;
    assert!(
        step1.body.contains("Is de ontvanger direct betrokken"),
        "first question"
    );
    let step2 = app
        .get(&format!("{base}&directly_involved=no"), Some(&web))
        .await;
    assert!(
        step2
            .body
            .contains("Heeft de juiste persoon toestemming gegeven?")
    );
    let no_all = app
        .get(&format!("{base}&directly_involved=no&consent_given=no&legal_duty=no&right_to_report=no&conflict_of_duties=no"), Some(&web))
        .await;
    assert!(
        no_all.body.contains("Niet delen"),
        "advice when nothing allows sharing"
    );
    let r = app
        .post_form(
            &format!("/cases/{case}/sharing/guide"),
            "answers=directly_involved%3Dno%2Cconsent_given%3Dno%2Clegal_duty%3Dno%2Cright_to_report%3Dno%2Cconflict_of_duties%3Dno&recipient=School&information=Crisis&decision=do_not_share&reasons=Geen+grond",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app
        .get(&format!("/cases/{case}/sharing/guide"), Some(&web))
        .await;
    assert!(
        page.body.contains("Geen grond"),
        "the decision is on record"
    );
    let incomplete = app
        .post_form(&format!("/cases/{case}/sharing/guide"), "answers=directly_involved%3Dno&recipient=School&information=Crisis&decision=share&reasons=x", Some(&web))
        .await;
    assert_eq!(
        incomplete.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no decision without advice"
    );
}

#[tokio::test]
async fn consent_and_visibility_through_the_api() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let birth = (chrono::Utc::now().date_naive() - chrono::Duration::days(17 * 365)).to_string();
    let body = format!(
        r#"{{"youth": {{"name": "Lea", "birth_date": "{birth}"}}, "setting": "wijkteam", "parents": [{{"name": "Mama", "gezag": true}}]}}"#
    );
    let case = api(&app, Method::POST, "/api/v1/cases", &pro, Some(&body))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let (sf_p, _) = join(
        &app,
        &pro,
        &case,
        "support_figure",
        "Tante Jo",
        "jo@test.nl",
        "",
    )
    .await;

    let asked = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents"),
        &pro,
        Some(r#"{"category": "plan", "recipient": "role:support_figures"}"#),
    )
    .await;
    assert_eq!(asked.status, StatusCode::CREATED, "{}", asked.body);
    let consent = asked.json();
    assert_eq!(
        consent["required"],
        serde_json::json!(["youth"]),
        "at 17 the young person decides alone"
    );
    assert_eq!(consent["status"], "pending");
    let id = consent["id"].as_str().expect("id").to_string();

    let bad = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents"),
        &pro,
        Some(r#"{"category": "dagboek", "recipient": "iedereen"}"#),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.json()["error"]["fields"]["category"].is_string()
            && bad.json()["error"]["fields"]["recipient"].is_string()
    );
    let parent = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents/{id}/give"),
        &pro,
        Some(r#"{"party": "parent:0", "how": "telefonisch"}"#),
    )
    .await;
    assert_eq!(
        parent.status,
        StatusCode::CONFLICT,
        "the parent of a 17-year-old need not consent"
    );
    let youth = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents/{id}/give"),
        &pro,
        Some(r#"{"party": "youth", "how": "in het gesprek"}"#),
    )
    .await;
    assert_eq!(youth.status, StatusCode::NO_CONTENT);

    let vis = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/visibility"),
        &pro,
        None,
    )
    .await
    .json();
    let tante = vis["items"]
        .as_array()
        .and_then(|i| i.iter().find(|p| p["participant"] == sf_p.as_str()))
        .cloned()
        .expect("support figure");
    assert_eq!(tante["categories"]["plan"]["allowed"], true);
    assert_eq!(tante["categories"]["network_map"]["allowed"], false);
    assert!(
        tante["categories"]["network_map"]["reasons"][0]
            .as_str()
            .is_some_and(|r| r.contains("geen toestemming"))
    );
    let admin = vis["items"]
        .as_array()
        .and_then(|i| i.iter().find(|p| p["kind"] == "administrator"))
        .cloned()
        .expect("admin");
    assert_eq!(admin["categories"]["plan"]["allowed"], false);

    let w = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents/{id}/withdraw"),
        &pro,
        Some(r#"{"party": "youth"}"#),
    )
    .await;
    assert_eq!(w.status, StatusCode::NO_CONTENT);
    let list = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/consents"),
        &pro,
        None,
    )
    .await
    .json();
    assert_eq!(list["items"][0]["status"], "withdrawn");
    let analyst_token = {
        app.add_user("ana@test.nl", "Ana", &[steunkring_domain::Role::Analyst])
            .await;
        app.login_api("ana@test.nl").await
    };
    assert_eq!(
        api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{case}/visibility"),
            &analyst_token,
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}
