//! The one plan and network meetings end to end: the plan through the API and the pages, the
//! revision that refuses lost work, bad input refused with reasons, versions with sign-off, the
//! holder of an action reporting from their own account, the PDF handout without the safety
//! section for a reader without that consent, meetings with warnings and a calendar file.

use crate::app::{TestApp, api};
use crate::sharing::{attr_after, join};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

/// The text of a PDF as an independent reader extracts it, whitespace runs as one space.
pub fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Case of a 17-year-old (who decides on sharing alone) with three people on the map.
async fn case_with_network(app: &TestApp, pro: &str) -> (String, Vec<String>) {
    let birth =
        (chrono::Utc::now().date_naive() - chrono::Duration::days(17 * 365 + 100)).to_string();
    let body = format!(
        r#"{{"youth": {{"name": "Sanne", "birth_date": "{birth}"}}, "setting": "wijkteam", "parents": [{{"name": "Karin", "gezag": true}}]}}"#
    );
    let case = api(app, Method::POST, "/api/v1/cases", pro, Some(&body))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let mut members = Vec::new();
    for (name, relation, sector) in [
        ("Oma Ria", "oma", "family"),
        ("Buurman Ahmed", "buurman", "neighbourhood"),
        ("Coach Mo", "coach", "leisure"),
    ] {
        let body = json!({"name": name, "relation": relation, "ring": 1, "sector": sector});
        let r = api(
            app,
            Method::POST,
            &format!("/api/v1/cases/{case}/members"),
            pro,
            Some(&body.to_string()),
        )
        .await;
        members.push(r.json()["id"].as_str().expect("member id").to_string());
    }
    (case, members)
}

fn plan_body(revision: i64, members: &[String]) -> Value {
    json!({
        "revision": revision,
        "goals": [
            {"id": "g1", "text": "Ik wil weer elke dag naar school 🙂 — één stap tegelijk", "holder": "youth", "how_we_know": "Vier weken zonder verzuim"},
            {"id": "g2", "text": "Rust in huis", "holder": "parent"}
        ],
        "actions": [
            {"id": "a1", "what": "Sanne ’s ochtends ophalen 🚲", "who": format!("member:{}", members[0]), "due_on": "2026-01-15", "goal_id": "g1"},
            {"id": "a2", "what": "Huiswerk samen plannen", "who": format!("member:{}", members[1])},
            {"id": "a3", "what": "Voetbaltraining op woensdag", "who": format!("member:{}", members[2])},
            {"id": "a4", "what": "<script>alert(1)</script> wekker zetten", "who": "youth"},
            {"id": "a5", "what": "Gesprek met de mentor", "who": "parent:0", "status": "doing"}
        ],
        "safety": {
            "worries": "Ruzie als vader gedronken heeft",
            "agreements": [{"id": "s1", "concern": "Vader drinkt", "agreement": "Sanne slaapt dan bij oma", "who_watches": "Oma Ria", "if_wrong": "Oma belt het wijkteam"}]
        }
    })
}

#[tokio::test]
async fn the_plan_through_the_api_with_versions_and_a_guard_against_lost_work() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let (case, members) = case_with_network(&app, &pro).await;
    let path = format!("/api/v1/cases/{case}/plan");

    let empty = api(&app, Method::GET, &path, &pro, None).await;
    assert_eq!(empty.status, StatusCode::OK, "{}", empty.body);
    assert_eq!(empty.json()["revision"], 0);

    let body = plan_body(0, &members).to_string();
    let saved = api(&app, Method::PUT, &path, &pro, Some(&body)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let plan = saved.json();
    assert_eq!(plan["revision"], 1);
    assert_eq!(
        plan["goals"][0]["text"],
        "Ik wil weer elke dag naar school 🙂 — één stap tegelijk"
    );
    assert_eq!(plan["actions"][0]["who_name"], "Oma Ria");
    assert_eq!(plan["actions"][0]["overdue"], true, "15 January has passed");
    assert_eq!(plan["actions"][4]["who_name"], "Karin");
    assert_eq!(plan["safety"]["agreements"][0]["who_watches"], "Oma Ria");

    // The same body again: its revision is stale now.
    let stale = api(&app, Method::PUT, &path, &pro, Some(&body)).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);

    // Bad input: every problem named by its path; nothing changes.
    let bad = json!({
        "revision": 1,
        "goals": [{"text": "x".repeat(10_000), "holder": "everyone"}],
        "actions": [
            {"what": "Iets", "who": "member:iemand-van-een-ander-dossier"},
            {"what": "", "who": "member:m", "due_on": "morgen"},
            {"what": "Koken", "who": "parent:7"}
        ]
    });
    let r = api(&app, Method::PUT, &path, &pro, Some(&bad.to_string())).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields = r.json()["error"]["fields"].clone();
    for f in [
        "goals[0].text",
        "goals[0].holder",
        "actions[0].who",
        "actions[1].what",
        "actions[1].due_on",
        "actions[2].who",
    ] {
        assert!(fields.get(f).is_some(), "{f} in {fields}");
    }
    assert_eq!(
        api(&app, Method::GET, &path, &pro, None).await.json()["revision"],
        1,
        "a refused change changes nothing"
    );
    let unknown = api(
        &app,
        Method::PUT,
        &path,
        &pro,
        Some(r#"{"revision": 1, "extra": true}"#),
    )
    .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Progress by the professional, then adopt two versions and compare them.
    let r = api(
        &app,
        Method::POST,
        &format!("{path}/actions/a2/progress"),
        &pro,
        Some(r#"{"status": "done", "note": "Gelukt ✔"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["actions"][1]["progress"][0]["note"], "Gelukt ✔");
    let r = api(
        &app,
        Method::POST,
        &format!("{path}/actions/a2/progress"),
        &pro,
        Some(r#"{"status": "finished"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v1 = api(
        &app,
        Method::POST,
        &format!("{path}/versions"),
        &pro,
        Some("{}"),
    )
    .await;
    assert_eq!(v1.status, StatusCode::CREATED, "{}", v1.body);
    assert_eq!(v1.json()["number"], 1);
    let current = api(&app, Method::GET, &path, &pro, None).await.json();
    let mut next = plan_body(current["revision"].as_i64().expect("revision"), &members);
    next["actions"][1]["status"] = json!("done");
    next["actions"][2]["status"] = json!("done");
    next["actions"].as_array_mut().expect("actions").remove(3);
    let r = api(&app, Method::PUT, &path, &pro, Some(&next.to_string())).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.json()["actions"][1]["progress"][0]["note"],
        "Gelukt ✔",
        "progress stays with the action"
    );
    let v2 = api(
        &app,
        Method::POST,
        &format!("{path}/versions"),
        &pro,
        Some("{}"),
    )
    .await
    .json();
    let versions = api(&app, Method::GET, &format!("{path}/versions"), &pro, None)
        .await
        .json();
    assert_eq!(versions["items"][0]["number"], 2);
    let cmp = api(
        &app,
        Method::GET,
        &format!(
            "{path}/versions/compare?a={}&b={}",
            v1.json()["id"].as_str().expect("id"),
            v2["id"].as_str().expect("id")
        ),
        &pro,
        None,
    )
    .await;
    assert_eq!(cmp.status, StatusCode::OK, "{}", cmp.body);
    let cmp = cmp.json();
    assert_eq!(cmp["actions_removed"][0]["id"], "a4");
    assert_eq!(cmp["actions_changed"][0]["id"], "a3");
    assert_eq!(cmp["actions_changed"][0]["status"], json!(["open", "done"]));

    // The PDF handout.
    let pdf = app
        .send(
            Method::GET,
            &format!("/api/v1/cases/{case}/plan.pdf"),
            None,
            &[("authorization", &format!("Bearer {pro}"))],
        )
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.body.starts_with("%PDF-"));

    // Another team's professional cannot know the plan exists.
    let elsewhere = app
        .store
        .create_team(
            &steunkring_store::OrgScope::operator(app.org.clone()),
            "Ander team",
            crate::app::operator_event(&app.org),
        )
        .await
        .expect("team");
    app.add_user_in(
        &app.org,
        &[elsewhere.id],
        "ander@test.nl",
        "Ander Team",
        &[steunkring_domain::Role::Professional],
    )
    .await;
    let stranger = app.login_api("ander@test.nl").await;
    assert_eq!(
        api(&app, Method::GET, &path, &stranger, None).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn plan_pages_escape_text_and_explain_refusals() {
    let app = TestApp::new().await;
    let bearer = app.login_api("pro@test.nl").await;
    let web = app.login_page("pro%40test.nl").await;
    let (case, members) = case_with_network(&app, &bearer).await;
    let page = app.get(&format!("/cases/{case}/plan"), Some(&web)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Dit plan is nog niet vastgesteld"));

    let r = app
        .post_form(
            &format!("/cases/{case}/plan/goals"),
            "revision=0&text=%3Cscript%3Ealert(1)%3C%2Fscript%3E+weer+naar+school+%C3%A9%C3%A9n&holder=youth",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post_form(
            &format!("/cases/{case}/plan/actions"),
            &format!(
                "revision=1&what=Ophalen&who=member%3A{}&due_on=2030-01-01",
                members[0]
            ),
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&format!("/cases/{case}/plan"), Some(&web)).await;
    assert!(!page.body.contains("<script>alert(1)"), "escaped");
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
    );
    assert!(page.body.contains("weer naar school één"));
    assert!(page.body.contains("Oma Ria"));

    // Stale revision: 409 and a sentence saying what to do; an unknown holder: 422.
    let r = app
        .post_form(
            &format!("/cases/{case}/plan/goals"),
            "revision=0&text=Nog+een&holder=youth",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.body
            .contains("Iemand anders heeft het plan net veranderd")
    );
    let r = app
        .post_form(
            &format!("/cases/{case}/plan/actions"),
            "revision=2&what=&who=member%3Anobody&due_on=15-01-2026",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Wat: Dit veld is verplicht."), "{}", r.body);
    assert!(
        r.body
            .contains("Wanneer klaar: Vul een datum in als jjjj-mm-dd.")
    );
    let r = app
        .post_form(
            &format!("/cases/{case}/plan/goals"),
            &format!("revision=2&text={}&holder=youth", "x".repeat(10_000)),
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Deze tekst is te lang"));
    let plan = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/plan"),
        &bearer,
        None,
    )
    .await
    .json();
    assert_eq!(plan["goals"].as_array().map(Vec::len), Some(1));
    assert_eq!(plan["actions"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn holders_report_progress_sign_off_and_read_only_what_they_may() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let web = app.login_page("pro%40test.nl").await;
    let (case, members) = case_with_network(&app, &pro).await;
    let path = format!("/api/v1/cases/{case}/plan");
    let r = api(
        &app,
        Method::PUT,
        &path,
        &pro,
        Some(&plan_body(0, &members).to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let (youth_p, youth) = join(&app, &pro, &case, "youth", "Sanne", "sanne@test.nl", "").await;
    let (oma_p, oma) = join(
        &app,
        &pro,
        &case,
        "support_figure",
        "Oma Ria",
        "ria@test.nl",
        &format!(r#", "member_id": "{}""#, members[0]),
    )
    .await;

    // Without consent the support figure sees no plan.
    let page = app.get(&format!("/mijn/{oma_p}"), Some(&oma)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Mijn taken"), "{}", page.body);
    let r = app
        .post_form(
            &format!("/mijn/{oma_p}/plan/actions/a1/progress"),
            "status=done",
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get(&format!("/mijn/{oma_p}/plan.pdf"), Some(&oma))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The 17-year-old consents to sharing the plan (not the safety section) with support figures.
    let r = app
        .post_form(
            &format!("/cases/{case}/consents"),
            "category=plan&recipient=role%3Asupport_figures",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let sharing = app.get(&format!("/cases/{case}/sharing"), Some(&web)).await;
    let consent = attr_after(&sharing.body, "class=\"consent\"", "data-consent")
        .expect("consent id")
        .to_string();
    let r = app
        .post_form(
            &format!("/mijn/{youth_p}/consents/{consent}/give"),
            "",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let page = app.get(&format!("/mijn/{oma_p}"), Some(&oma)).await;
    assert!(page.body.contains("Mijn taken"));
    assert!(page.body.contains("Sanne ’s ochtends ophalen 🚲"));
    assert!(
        !page.body.contains("Sanne slaapt dan bij oma"),
        "no safety consent"
    );
    let home = app.get("/", Some(&oma)).await;
    assert!(
        home.body.contains("Sanne ’s ochtends ophalen"),
        "my tasks on the home page"
    );

    // Oma finishes her own action; someone else's is refused and left alone.
    let r = app
        .post_form(
            &format!("/mijn/{oma_p}/plan/actions/a1/progress"),
            "status=done&note=Gelukt+%F0%9F%91%8D",
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post_form(
            &format!("/mijn/{oma_p}/plan/actions/a2/progress"),
            "status=done",
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let plan = api(&app, Method::GET, &path, &pro, None).await.json();
    assert_eq!(plan["actions"][0]["status"], "done");
    assert_eq!(plan["actions"][0]["progress"][0]["by"], "Oma Ria");
    assert_eq!(plan["actions"][0]["progress"][0]["note"], "Gelukt 👍");
    assert_eq!(plan["actions"][1]["status"], "open");

    // Adopt; the young person signs off; the plan page shows who has and who has not.
    let v = api(
        &app,
        Method::POST,
        &format!("{path}/versions"),
        &pro,
        Some("{}"),
    )
    .await
    .json();
    let version = v["id"].as_str().expect("version").to_string();
    let r = app
        .post_form(
            &format!("/mijn/{youth_p}/plan/sign-off"),
            &format!("version={version}"),
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/cases/{case}/plan"), Some(&web)).await;
    let signed = page.body.split("id=\"signed-by\">").nth(1).unwrap_or("");
    assert!(signed.starts_with("Sanne"), "{}", page.body);
    let unsigned = page.body.split("id=\"unsigned-by\">").nth(1).unwrap_or("");
    assert!(unsigned.starts_with("Oma Ria"));
    let youth_page = app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert!(youth_page.body.contains("U hebt akkoord gegeven"));
    assert!(
        youth_page.body.contains("Sanne slaapt dan bij oma"),
        "her own safety section"
    );

    // The handouts: the young person's has the safety section, Oma's has not.
    let own = app
        .get(&format!("/mijn/{youth_p}/plan.pdf"), Some(&youth))
        .await;
    let theirs = app
        .get(&format!("/mijn/{oma_p}/plan.pdf"), Some(&oma))
        .await;
    assert_eq!(own.status, StatusCode::OK);
    assert_eq!(theirs.status, StatusCode::OK);
    let own = pdf_text(&own.bytes);
    let theirs = pdf_text(&theirs.bytes);
    for text in [&own, &theirs] {
        assert!(text.contains("Sanne ’s ochtends ophalen 🚲"), "{text}");
        assert!(text.contains("Voetbaltraining op woensdag"));
        assert!(text.contains("<script>alert(1)</script> wekker zetten"));
    }
    assert!(own.contains("Sanne slaapt dan bij oma"), "{own}");
    assert!(
        !theirs.contains("Sanne slaapt dan bij oma") && !theirs.contains("Veiligheid"),
        "no safety section without consent for it: {theirs}"
    );
    assert!(theirs.contains("Afgedrukt voor: Oma Ria"));
}

#[tokio::test]
async fn a_network_meeting_warns_about_invitees_without_consent() {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let web = app.login_page("pro%40test.nl").await;
    let (case, members) = case_with_network(&app, &pro).await;
    let body = json!({
        "kind": "family_group_conference",
        "own_question": "Hoe blijft Sanne veilig thuis wonen? — in onze woorden 💬",
        "starts_at": "2027-01-12T19:30",
        "minutes": 150,
        "location": "Buurthuis De Wiek",
        "invitees": members
    });
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/meetings"),
        &pro,
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let created = r.json();
    assert_eq!(created["meeting"]["starts_at"], "2027-01-12T18:30:00Z");
    assert_eq!(created["warnings"].as_array().map(Vec::len), Some(3));
    let meeting = created["meeting"]["id"].as_str().expect("id").to_string();

    let page = app
        .get(&format!("/cases/{case}/meetings/{meeting}"), Some(&web))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Oma Ria: geen toestemming voor"));
    let ics = app
        .get(
            &format!("/cases/{case}/meetings/{meeting}/invitation.ics"),
            Some(&web),
        )
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics.body.contains("DTSTART:20270112T183000Z"));
    assert!(ics.body.contains("BEGIN:VEVENT"));

    let r = app
        .post_form(
            &format!("/cases/{case}/meetings/{meeting}/held"),
            &format!(
                "attended={}&attended={}&private_minutes=40&notes=Goed",
                members[0], members[1]
            ),
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let v = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/plan/versions"),
        &pro,
        Some(&json!({"meeting_id": meeting}).to_string()),
    )
    .await;
    assert_eq!(v.status, StatusCode::CREATED, "{}", v.body);
    let m = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/meetings/{meeting}"),
        &pro,
        None,
    )
    .await
    .json();
    assert_eq!(m["status"], "held");
    assert_eq!(m["private_minutes"], 40);
    assert_eq!(m["invitees"][2]["attended"], false);
    assert_eq!(m["plan_version"], v.json()["id"]);

    // Invitees must come from this case's map; bad times and kinds are named.
    let bad = json!({"kind": "party", "own_question": "", "starts_at": "morgen", "invitees": ["iemand-anders"]});
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/meetings"),
        &pro,
        Some(&bad.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = r.json()["error"]["fields"].clone();
    for f in ["kind", "own_question", "starts_at", "invitees"] {
        assert!(fields.get(f).is_some(), "{f}");
    }
    let r = app
        .post_form(
            &format!("/cases/{case}/meetings"),
            "kind=network_meeting&own_question=&starts_at=2027-01-12T19%3A30",
            Some(&web),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("De eigen vraag: Dit veld is verplicht."));
}
