//! Support figures (JIM), concerns and moral deliberations: the story from a young person's
//! nomination to a support figure's contact moments, through the API, the professional's pages
//! and the participants' own pages; and bad input, refused steps and who may reach them.

use crate::app::{PASSWORD, Reply, TestApp, api};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

struct Story {
    app: TestApp,
    pro: String,
    case: String,
    oma: String,
    coach: String,
}

async fn created(app: &TestApp, path: &str, token: &str, body: Value) -> Value {
    let r = api(app, Method::POST, path, token, Some(&body.to_string())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{path}: {}", r.body);
    r.json()
}

async fn story() -> Story {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = created(
        &app,
        "/api/v1/cases",
        &pro,
        json!({"youth": {"name": "Sanne Steunkring", "birth_date": "2010-04-01"}, "setting": "wijkteam"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let member =
        |name: &str| json!({"name": name, "relation": "familie", "ring": 1, "sector": "family"});
    let members = format!("/api/v1/cases/{case}/members");
    let oma = created(&app, &members, &pro, member("Oma Joke")).await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let coach = created(&app, &members, &pro, member("Coach Sam")).await["id"]
        .as_str()
        .expect("id")
        .to_string();
    Story {
        app,
        pro,
        case,
        oma,
        coach,
    }
}

/// Invites a participant and accepts with a new account: (participant id, token).
async fn participant(s: &Story, invite: Value, email: &str) -> (String, String) {
    let made = created(
        &s.app,
        &format!("/api/v1/cases/{}/invitations", s.case),
        &s.pro,
        invite,
    )
    .await;
    let code = made["invitation"]["code"].as_str().expect("code");
    let accept = s
        .app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(&json!({"name": "Deelnemer", "email": email, "password": PASSWORD}).to_string()),
            &[],
        )
        .await;
    assert_eq!(accept.status, StatusCode::CREATED, "{}", accept.body);
    (
        made["id"].as_str().expect("participant").to_string(),
        accept.json()["token"].as_str().expect("token").to_string(),
    )
}

fn enc(raw: &str) -> String {
    raw.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

async fn patch(s: &Story, figure: &str, body: Value) -> Reply {
    api(
        &s.app,
        Method::PATCH,
        &format!("/api/v1/cases/{}/support-figures/{figure}", s.case),
        &s.pro,
        Some(&body.to_string()),
    )
    .await
}

#[tokio::test]
async fn from_the_young_persons_choice_to_contact_moments() {
    let s = story().await;
    let (youth_p, youth) = participant(
        &s,
        json!({"kind": "youth", "name": "Sanne"}),
        "sanne@test.nl",
    )
    .await;
    let (oma_p, oma) = participant(
        &s,
        json!({"kind": "support_figure", "name": "Oma Joke", "member_id": s.oma}),
        "oma@test.nl",
    )
    .await;

    // The young person nominates oma from their own page, in their own words.
    let mine = s.app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains("id=\"steunfiguren\""), "{}", mine.body);
    assert!(mine.body.contains(&s.oma), "oma is offered from the map");
    let words = "Oma luistert écht naar me 💛 — ook als ik boos ben.";
    let r = s
        .app
        .post_form(
            &format!("/mijn/{youth_p}/support-figures"),
            &format!("member_id={}&own_words={}", s.oma, enc(words)),
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let list = s
        .app
        .api_get(&format!("/api/v1/cases/{}/support-figures", s.case), &s.pro)
        .await;
    assert_eq!(list.status, StatusCode::OK);
    let items = list.json()["items"].clone();
    assert_eq!(list.json()["next"], Value::Null);
    assert_eq!(items.as_array().map(Vec::len), Some(1));
    let figure = items[0]["id"].as_str().expect("id").to_string();
    assert_eq!(
        items[0]["own_words"], words,
        "emoji and diacritics round-trip"
    );
    assert_eq!(items[0]["nominated_by"], "youth");
    assert_eq!(items[0]["status"], "nominated");

    // Oma sees her nomination but cannot accept before the screening.
    let page = s.app.get(&format!("/mijn/{oma_p}"), Some(&oma)).await;
    assert!(page.body.contains("écht naar me 💛"), "she reads why");
    assert!(!page.body.contains("/accept"));
    let early = s
        .app
        .post_form(
            &format!("/mijn/{oma_p}/support-figures/{figure}/accept"),
            "",
            Some(&oma),
        )
        .await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    // An agreement before the screening is refused too.
    let r = patch(&s, &figure, json!({"agreement": {"roles": ["practical"], "contact_how": "x", "contact_frequency": "y"}})).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);

    // The professional screens and agrees.
    let r = patch(&s, &figure, json!({"screening": {"decision": "approve", "reason": "Kent het gezin al jaren", "safety_concerns": "Geen"}})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "screened");
    assert_eq!(r.json()["approved"], true);
    let r = patch(&s, &figure, json!({"agreement": {"roles": ["socio_emotional", "role_model"], "contact_how": "Samen eten", "contact_frequency": "elke week", "meetings_part": "Spreekt namens Sanne"}})).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.json()["agreement"]["roles"],
        json!(["socio_emotional", "role_model"])
    );

    // Oma accepts and logs a contact moment; the professional coaches.
    let page = s.app.get(&format!("/mijn/{oma_p}"), Some(&oma)).await;
    assert!(
        page.body
            .contains(&format!("/mijn/{oma_p}/support-figures/{figure}/accept"))
    );
    let r = s
        .app
        .post_form(
            &format!("/mijn/{oma_p}/support-figures/{figure}/accept"),
            "",
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = s
        .app
        .post_form(
            &format!("/mijn/{oma_p}/support-figures/{figure}/accept"),
            "",
            Some(&oma),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT, "accepted once");
    let r = s
        .app
        .post_form(
            &format!("/mijn/{oma_p}/support-figures/{figure}/contacts"),
            &format!("text={}", enc("Samen naar de markt ☀️")),
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let log = format!("/api/v1/cases/{}/support-figures/{figure}/log", s.case);
    created(
        &s.app,
        &log,
        &s.pro,
        json!({"text": "Gesprek over grenzen"}),
    )
    .await;
    let entries = s.app.api_get(&log, &s.pro).await.json();
    let kinds: Vec<_> = entries["items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(kinds.len(), 2);
    assert!(kinds.contains(&"contact".to_string()) && kinds.contains(&"coaching".to_string()));
    let one = s
        .app
        .api_get(
            &format!("/api/v1/cases/{}/support-figures/{figure}", s.case),
            &s.pro,
        )
        .await
        .json();
    assert_eq!(one["status"], "active");
    assert_eq!(one["acceptance"]["on"], one["started_on"]);
    let page = s.app.get(&format!("/mijn/{oma_p}"), Some(&oma)).await;
    assert!(
        page.body.contains("Samen naar de markt ☀️"),
        "her contact moments"
    );
    assert!(
        !page.body.contains("Gesprek over grenzen"),
        "the coaching notes stay with the professional"
    );

    // The professional's pages.
    let pro_page = s.app.login_page("pro@test.nl").await;
    let case_page = s
        .app
        .get(&format!("/cases/{}", s.case), Some(&pro_page))
        .await;
    assert!(
        case_page
            .body
            .contains(&format!("/cases/{}/support", s.case)),
        "linked from the case"
    );
    let support = s
        .app
        .get(&format!("/cases/{}/support", s.case), Some(&pro_page))
        .await;
    assert_eq!(support.status, StatusCode::OK);
    assert!(support.body.contains("Oma Joke") && support.body.contains("Actief"));
    let figure_page = s
        .app
        .get(
            &format!("/cases/{}/support/figures/{figure}", s.case),
            Some(&pro_page),
        )
        .await;
    assert_eq!(figure_page.status, StatusCode::OK);
    assert!(figure_page.body.contains("Gesprek over grenzen"));

    // The end, through the page; nothing after it.
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/figures/{figure}/end", s.case),
            "reason=Oma+verhuist&youth_view=Jammer",
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = patch(&s, &figure, json!({"end": {"reason": "nog eens"}})).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json()["error"]["code"], "conflict");
    let r = s
        .app
        .post_form(
            &format!("/mijn/{oma_p}/support-figures/{figure}/contacts"),
            "text=na+het+einde",
            Some(&oma),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // The young person sees the end; a parent has no such section.
    let mine = s.app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert!(mine.body.contains("Gestopt"));
}

#[tokio::test]
async fn bad_input_is_refused_field_by_field() {
    let s = story().await;
    let other = created(
        &s.app,
        "/api/v1/cases",
        &s.pro,
        json!({"youth": {"name": "Bas Ander", "birth_date": "2011-01-01"}, "setting": "wijkteam"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let stranger = created(
        &s.app,
        &format!("/api/v1/cases/{other}/members"),
        &s.pro,
        json!({"name": "Buurman Ander", "relation": "buur", "ring": 3, "sector": "neighbourhood"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let rejected = created(
        &s.app,
        &format!("/api/v1/cases/{}/members", s.case),
        &s.pro,
        json!({"name": "Vader Weg", "relation": "vader", "ring": 3, "sector": "family", "stance": "rejected"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let path = format!("/api/v1/cases/{}/support-figures", s.case);
    let post = |body: Value| {
        let path = path.clone();
        let pro = s.pro.clone();
        let app = &s.app;
        async move { api(app, Method::POST, &path, &pro, Some(&body.to_string())).await }
    };
    for (body, field) in [
        (
            json!({"member_id": "nobody", "own_words": "x"}),
            "member_id",
        ),
        (
            json!({"member_id": stranger, "own_words": "x"}),
            "member_id",
        ),
        // The young person rejected him: not someone to nominate.
        (
            json!({"member_id": rejected, "own_words": "x"}),
            "member_id",
        ),
        (
            json!({"member_id": s.oma, "own_words": "a".repeat(10_000)}),
            "own_words",
        ),
        (json!({"member_id": s.oma, "own_words": "  "}), "own_words"),
        (
            json!({"member_id": s.oma, "own_words": "x", "nominated_on": "2999-01-01"}),
            "nominated_on",
        ),
        (
            json!({"member_id": s.oma, "own_words": "x", "kind": "uncle"}),
            "kind",
        ),
        (json!({"member_id": s.oma}), "own_words"),
        (
            json!({"member_id": s.oma, "own_words": "x", "extra": 1}),
            "extra",
        ),
    ] {
        let r = post(body.clone()).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.body
        );
        assert!(
            r.json()["error"]["fields"][field].is_string(),
            "{field}: {}",
            r.body
        );
    }
    // Escaped where shown.
    let r =
        post(json!({"member_id": s.coach, "own_words": "<script>alert(1)</script> & co"})).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let figure = r.json()["id"].as_str().expect("id").to_string();
    let dup = post(json!({"member_id": s.coach, "own_words": "nog eens"})).await;
    assert_eq!(
        dup.status,
        StatusCode::CONFLICT,
        "one running nomination per person"
    );
    let pro_page = s.app.login_page("pro@test.nl").await;
    let page = s
        .app
        .get(
            &format!("/cases/{}/support/figures/{figure}", s.case),
            Some(&pro_page),
        )
        .await;
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<script>alert(1)"));

    // PATCH: one step at a time, fields named under their step; declined means no agreement.
    let r = patch(&s, &figure, json!({})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = patch(
        &s,
        &figure,
        json!({"screening": {"decision": "maybe", "reason": ""}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields = &r.json()["error"]["fields"];
    assert!(
        fields["screening.decision"].is_string() && fields["screening.reason"].is_string(),
        "{fields}"
    );
    let r = patch(
        &s,
        &figure,
        json!({"screening": {"decision": "decline", "reason": "Zorgen over veiligheid"}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = patch(&s, &figure, json!({"agreement": {"roles": ["practical"], "contact_how": "x", "contact_frequency": "y"}})).await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "no agreement after a declining screening"
    );
    let r = patch(
        &s,
        &figure,
        json!({"screening": {"decision": "approve", "reason": "toch"}}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "screened once");
    let r = api(
        &s.app,
        Method::POST,
        &format!("{path}/{figure}/log"),
        &s.pro,
        Some(r#"{"text": "x"}"#),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "no coaching of a declined nomination"
    );
    let r = api(&s.app, Method::GET, &format!("{path}/nobody"), &s.pro, None).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    // A form with problems answers 422 with the summary, linked to the fields, and keeps the text.
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/figures", s.case),
            &format!("member_id={}&own_words=&nominated_on=2999-01-01", s.oma),
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("role=\"alert\"") && r.body.contains("href=\"#nom-own_words\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("aria-invalid=\"true\""));
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/concerns", s.case),
            &format!(
                "about=informal_support&what={}&seriousness=urgent",
                enc("Zorg <b>vet</b>")
            ),
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("Zorg &#60;b&#62;vet&#60;/b&#62;"),
        "the typed text comes back, escaped"
    );

    // Concerns and deliberations through the API.
    let concerns = format!("/api/v1/cases/{}/concerns", s.case);
    for (body, field) in [
        (
            json!({"about": stranger, "what": "x", "seriousness": "low"}),
            "about",
        ),
        (
            json!({"about": "informal_support", "what": "x", "seriousness": "urgent"}),
            "seriousness",
        ),
        (
            json!({"about": "informal_support", "what": "x".repeat(10_000), "seriousness": "low"}),
            "what",
        ),
    ] {
        let r = api(
            &s.app,
            Method::POST,
            &concerns,
            &s.pro,
            Some(&body.to_string()),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        assert!(r.json()["error"]["fields"][field].is_string(), "{}", r.body);
    }
    let r = api(
        &s.app,
        Method::POST,
        &format!("/api/v1/cases/{}/deliberations", s.case),
        &s.pro,
        Some(r#"{"question": "q", "participants": [], "considerations": "c", "decision": "d"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["participants"].is_string());
}

#[tokio::test]
async fn concerns_stay_visible_until_closed_and_deliberations_are_kept() {
    let s = story().await;
    let pro_page = s.app.login_page("pro@test.nl").await;
    let concerns = format!("/api/v1/cases/{}/concerns", s.case);
    let c = created(
        &s.app,
        &concerns,
        &s.pro,
        json!({"about": s.coach, "what": "Coach praat onveiligheid goed", "seriousness": "high"}),
    )
    .await;
    assert_eq!(
        (c["status"].as_str(), c["about_name"].as_str()),
        (Some("open"), Some("Coach Sam"))
    );
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/concerns", s.case),
            &format!(
                "about=informal_support&what={}&seriousness=medium",
                enc("Niemand weet of dit helpt")
            ),
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = s
        .app
        .get(&format!("/cases/{}/support", s.case), Some(&pro_page))
        .await;
    assert!(
        page.body.contains("id=\"open-zorgen\""),
        "open concerns at the top"
    );
    assert!(
        page.body.contains("Er staan 2 zorgen open"),
        "{}",
        page.body
    );

    let id = c["id"].as_str().expect("id");
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/concerns/{id}/close", s.case),
            "what_was_done=Gesprek+met+coach",
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let again = api(
        &s.app,
        Method::PATCH,
        &format!("{concerns}/{id}"),
        &s.pro,
        Some(r#"{"status": "closed", "what_was_done": "nog eens"}"#),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let listed = s.app.api_get(&concerns, &s.pro).await.json();
    let closed = listed["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["id"] == id)
        .cloned()
        .unwrap_or_default();
    assert_eq!(closed["status"], "closed");
    assert_eq!(closed["what_was_done"], "Gesprek met coach");
    let page = s
        .app
        .get(&format!("/cases/{}/support", s.case), Some(&pro_page))
        .await;
    assert!(page.body.contains("Er staat één zorg open"));

    // A deliberation from the page: participants one per line.
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/support/deliberations", s.case),
            &format!(
                "question={}&participants={}&considerations=Afwegen&decision=Ja",
                enc("Mag Sanne bij oma slapen?"),
                enc("Sanne (jongere)\r\nOma Joke\r\nZoë (gedragswetenschapper)")
            ),
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let list = s
        .app
        .api_get(&format!("/api/v1/cases/{}/deliberations", s.case), &s.pro)
        .await
        .json();
    assert_eq!(
        list["items"][0]["participants"],
        json!(["Sanne (jongere)", "Oma Joke", "Zoë (gedragswetenschapper)"])
    );
}

#[tokio::test]
async fn only_the_teams_professionals_reach_it() {
    let s = story().await;
    let admin = s.app.login_api("beheer@test.nl").await;
    for path in [
        format!("/api/v1/cases/{}/support-figures", s.case),
        format!("/api/v1/cases/{}/concerns", s.case),
        format!("/api/v1/cases/{}/deliberations", s.case),
    ] {
        let r = s.app.api_get(&path, &admin).await;
        assert_eq!(
            r.status,
            StatusCode::NOT_FOUND,
            "the administrator is not in the help: {path}"
        );
        assert!(!r.body.contains("Sanne"));
    }
    let admin_page = s.app.login_page("beheer@test.nl").await;
    let r = s
        .app
        .get(&format!("/cases/{}/support", s.case), Some(&admin_page))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let case_page = s
        .app
        .get(&format!("/cases/{}", s.case), Some(&admin_page))
        .await;
    assert!(
        !case_page.body.contains("/support\""),
        "no link for those who may not"
    );
    // A young person may not accept; a support figure may not nominate.
    let (youth_p, youth) = participant(
        &s,
        json!({"kind": "youth", "name": "Sanne"}),
        "sanne@test.nl",
    )
    .await;
    let (coach_p, coach) = participant(
        &s,
        json!({"kind": "support_figure", "name": "Coach", "member_id": s.coach}),
        "coach@test.nl",
    )
    .await;
    let r = s
        .app
        .post_form(
            &format!("/mijn/{coach_p}/support-figures"),
            &format!("member_id={}&own_words=ik", s.coach),
            Some(&coach),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = s
        .app
        .post_form(
            &format!("/mijn/{youth_p}/support-figures/x/accept"),
            "",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nobody accepts someone else's nomination.
    let figure = created(
        &s.app,
        &format!("/api/v1/cases/{}/support-figures", s.case),
        &s.pro,
        json!({"member_id": s.oma, "own_words": "Oma"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    patch(
        &s,
        &figure,
        json!({"screening": {"decision": "approve", "reason": "ok"}}),
    )
    .await;
    let r = s
        .app
        .post_form(
            &format!("/mijn/{coach_p}/support-figures/{figure}/accept"),
            "",
            Some(&coach),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
