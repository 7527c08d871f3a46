//! Support checks (measurements): the story through the API and the pages — start, answer
//! three of four members, pause, resume at the fourth, finish, and the scores held against a
//! hand-computed example; bad input; the young person answering from their own page, a parent
//! without consent for measurements refused, and another team's professional not finding it.

use crate::app::{PASSWORD, TestApp, api};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use steunkring_domain::Role;
use steunkring_store::OrgScope;

pub(crate) struct Story {
    pub(crate) app: TestApp,
    pub(crate) pro: String,
    pub(crate) case: String,
    /// Oma, Coach, Buurvrouw, Tante: the map's order.
    pub(crate) members: Vec<String>,
}

pub(crate) async fn created(app: &TestApp, path: &str, token: &str, body: Value) -> Value {
    let r = api(app, Method::POST, path, token, Some(&body.to_string())).await;
    assert_eq!(r.status, StatusCode::CREATED, "{path}: {}", r.body);
    r.json()
}

pub(crate) async fn story() -> Story {
    let app = TestApp::new().await;
    let pro = app.login_api("pro@test.nl").await;
    let case = created(
        &app,
        "/api/v1/cases",
        &pro,
        json!({"youth": {"name": "Sanne Steunkring", "birth_date": "2010-04-01"}, "setting": "wijkteam",
               "parents": [{"name": "Ria de Boer", "gezag": true}]}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let path = format!("/api/v1/cases/{case}/members");
    let mut members = Vec::new();
    for (name, sector) in [
        ("Oma Joke", "family"),
        ("Coach Sam", "leisure"),
        ("Buurvrouw Els", "neighbourhood"),
        ("Tante Mies", "family"),
    ] {
        let m = created(
            &app,
            &path,
            &pro,
            json!({"name": name, "relation": "bekende", "ring": 1, "sector": sector}),
        )
        .await;
        members.push(m["id"].as_str().expect("id").to_string());
    }
    Story {
        app,
        pro,
        case,
        members,
    }
}

/// An answer: perceived (concrete, emotional, informational), received (the same),
/// criticalness, direction, closeness, seen (0–4), known.
#[allow(clippy::too_many_arguments)]
fn answer(
    member: &str,
    perceived: [i64; 3],
    received: [i64; 3],
    criticalness: i64,
    direction: &str,
    closeness: i64,
    seen: i64,
    known: &str,
) -> Value {
    json!({
        "member": member,
        "perceived_concrete": perceived[0], "perceived_emotional": perceived[1], "perceived_informational": perceived[2],
        "received_concrete": received[0], "received_emotional": received[1], "received_informational": received[2],
        "criticalness": criticalness, "direction": direction, "closeness": closeness, "seen": seen, "known": known,
    })
}

/// The form of the same answer, as a browser posts it.
#[allow(clippy::too_many_arguments)]
fn form(
    member: &str,
    perceived: [i64; 3],
    received: [i64; 3],
    criticalness: i64,
    direction: &str,
    closeness: i64,
    seen: i64,
    known: &str,
    then: &str,
) -> String {
    format!(
        "member={member}&perceived_concrete={}&perceived_emotional={}&perceived_informational={}\
         &received_concrete={}&received_emotional={}&received_informational={}&criticalness={criticalness}\
         &direction={direction}&closeness={closeness}&seen={seen}&known={known}&then={then}",
        perceived[0], perceived[1], perceived[2], received[0], received[1], received[2]
    )
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[tokio::test]
async fn start_answer_pause_resume_finish_and_the_scores() {
    let s = story().await;
    let base = format!("/api/v1/cases/{}/support-checks", s.case);
    let list = s.app.api_get(&base, &s.pro).await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    assert_eq!(list.json()["items"], json!([]));
    assert_eq!(list.json()["next"], Value::Null);

    // Started through the API; the first two members answered there.
    let check = created(&s.app, &base, &s.pro, json!({"respondent": "youth"})).await;
    let id = check["id"].as_str().expect("id").to_string();
    assert_eq!(check["progress"], json!({"answered": 0, "total": 4}));
    assert_eq!(check["next_member"], json!(s.members[0]));
    let answers = format!("{base}/{id}/answers");
    let m = &s.members;
    for body in [
        answer(
            &m[0],
            [3, 3, 2],
            [3, 2, 1],
            1,
            "mutual",
            3,
            4,
            "more_than_five",
        ),
        answer(
            &m[1],
            [2, 2, 3],
            [1, 1, 2],
            2,
            "to_youth",
            2,
            3,
            "one_to_five",
        ),
    ] {
        let r = api(
            &s.app,
            Method::POST,
            &answers,
            &s.pro,
            Some(&body.to_string()),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }

    // The third on the page, one member per screen: "Opslaan en pauzeren".
    let page = s.app.login_page("pro@test.nl").await;
    let check_page = format!("/cases/{}/checks/{id}", s.case);
    let r = s.app.get(&check_page, Some(&page)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("2 van 4"), "progress shown");
    assert!(
        r.body.contains("Buurvrouw Els"),
        "the third member's screen"
    );
    assert!(!r.body.contains("Tante Mies"), "one member per screen");
    assert!(r.body.contains("Opslaan en pauzeren"));
    assert!(r.body.contains("class=\"big-choice\""));
    let r = s
        .app
        .post_form(
            &format!("{check_page}/answers"),
            &form(
                &m[2],
                [1, 2, 1],
                [1, 1, 1],
                1,
                "to_youth",
                1,
                2,
                "more_than_five",
                "pause",
            ),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with(&format!("/cases/{}/checks", s.case))
    );
    let list = s.app.get(r.location(), Some(&page)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("id=\"paused\""), "saved, to go on later");
    assert!(list.body.contains("3 van 4"));
    assert!(list.body.contains("Metingen"));

    // Resuming later: the API and the page both go on at the fourth.
    let r = s.app.api_get(&format!("{base}/{id}"), &s.pro).await;
    assert_eq!(r.json()["next_member"], json!(m[3]));
    assert_eq!(r.json()["progress"], json!({"answered": 3, "total": 4}));
    let r = s.app.get(&check_page, Some(&page)).await;
    assert!(r.body.contains("3 van 4"));
    assert!(r.body.contains("Tante Mies"));
    let r = s
        .app
        .post_form(
            &format!("{check_page}/answers"),
            &form(
                &m[3],
                [3, 1, 2],
                [2, 1, 1],
                3,
                "mutual",
                3,
                1,
                "less_than_one",
                "next",
            ),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s.app.get(&check_page, Some(&page)).await;
    assert!(r.body.contains("4 van 4"));
    assert!(r.body.contains("Steunmeting afronden"));
    let r = s
        .app
        .post_form(&format!("{check_page}/finish"), "", Some(&page))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s.app.get(&check_page, Some(&page)).await;
    assert!(r.body.contains("Afgerond op"));
    assert!(r.body.contains("Uitkomsten"));
    assert!(
        r.body.contains("<td>2,0</td>"),
        "perceived emotional 2.0 shown with a comma"
    );
    assert!(r.body.contains("<td>50%</td>"), "half seen weekly");

    // The scores, by hand: perceived concrete (3+2+1+3)/4, emotional (3+2+2+1)/4,
    // informational (2+3+1+2)/4; received concrete (3+1+1+2)/4; two of four mutual; closeness
    // (3+2+1+3)/4; seen weekly or more: Oma (daily) and Coach (weekly); known over five years:
    // Oma and the neighbour; criticalness (1+2+1+3)/4.
    let r = s.app.api_get(&format!("{base}/{id}"), &s.pro).await;
    assert_eq!(r.status, StatusCode::OK);
    let c = r.json();
    assert!(c["finished_on"].is_string());
    let all = &c["scores"]["all"];
    assert_eq!(all["members"], 4);
    assert!(close(&all["perceived"]["concrete"]["mean"], 2.25), "{all}");
    assert_eq!(all["perceived"]["concrete"]["almost_always"], 2);
    assert!(close(&all["perceived"]["emotional"]["mean"], 2.0));
    assert!(close(&all["perceived"]["informational"]["mean"], 2.0));
    assert!(close(&all["received"]["concrete"]["mean"], 1.75));
    assert!(close(&all["received"]["emotional"]["mean"], 1.25));
    assert_eq!(all["reciprocal"], 2);
    assert!(close(&all["reciprocity"], 0.5));
    assert!(close(&all["mean_closeness"], 2.25));
    assert_eq!(all["seen_weekly"], 2);
    assert_eq!(all["known_over_five"], 2);
    assert!(close(&all["mean_criticalness"], 1.75));
    assert_eq!(all["often_critical"], 1);

    // Finished: no more answers (409), no second finish (409).
    let again = answer(
        &m[0],
        [1, 1, 1],
        [1, 1, 1],
        1,
        "mutual",
        1,
        1,
        "one_to_five",
    );
    let r = api(
        &s.app,
        Method::POST,
        &answers,
        &s.pro,
        Some(&again.to_string()),
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = api(
        &s.app,
        Method::POST,
        &format!("{base}/{id}/finish"),
        &s.pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let r = s
        .app
        .post_form(
            &format!("{check_page}/answers"),
            &form(
                &m[0],
                [1, 1, 1],
                [1, 1, 1],
                1,
                "mutual",
                1,
                1,
                "one_to_five",
                "next",
            ),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // The list: the check with its progress; the next one due three months after it.
    let list = s.app.api_get(&base, &s.pro).await.json();
    assert_eq!(list["items"][0]["id"], json!(id));
    assert_eq!(
        list["items"][0]["progress"],
        json!({"answered": 4, "total": 4})
    );
    assert!(list["next_due"].is_string());

    // Every change is in the audit trail with the case.
    let audit = s.app.audit().await;
    let changes = audit
        .iter()
        .filter(|e| {
            e.event.object_type.as_deref() == Some("support_check")
                && e.event.case_id.as_deref() == Some(s.case.as_str())
        })
        .count();
    assert_eq!(changes, 6, "start, four answers, finish");
}

#[tokio::test]
async fn bad_input_is_refused_per_field() {
    let s = story().await;
    let base = format!("/api/v1/cases/{}/support-checks", s.case);
    let check = created(&s.app, &base, &s.pro, json!({})).await;
    assert_eq!(check["respondent"], "professional");
    let id = check["id"].as_str().expect("id").to_string();
    let answers = format!("{base}/{id}/answers");
    let m = &s.members;
    let post = |body: Value| {
        let answers = answers.clone();
        let app = &s.app;
        let pro = s.pro.clone();
        async move { api(app, Method::POST, &answers, &pro, Some(&body.to_string())).await }
    };

    // Finishing before anyone was answered.
    let r = api(
        &s.app,
        Method::POST,
        &format!("{base}/{id}/finish"),
        &s.pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.json()["error"]["fields"]["answers"].is_string());

    // A rating of 4, closeness 0, seen 5, an unknown direction: each field named.
    let r = post(answer(
        &m[0],
        [4, 2, 2],
        [2, 2, 2],
        1,
        "sideways",
        0,
        5,
        "one_to_five",
    ))
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields = &r.json()["error"]["fields"];
    for f in ["perceived_concrete", "direction", "closeness", "seen"] {
        assert!(fields[f].is_string(), "{f}: {fields}");
    }
    assert!(fields["perceived_emotional"].is_null());
    // Missing fields.
    let r = post(json!({"member": m[0]})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["known"].is_string());
    // A text where a number belongs.
    let mut text = answer(
        &m[0],
        [2, 2, 2],
        [2, 2, 2],
        1,
        "mutual",
        2,
        2,
        "one_to_five",
    );
    text["criticalness"] = json!("<script>alert(1)</script>");
    let r = post(text).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!r.body.contains("<script>"));
    // An unknown member, and a member of another case.
    let r = post(answer(
        "nobody",
        [2, 2, 2],
        [2, 2, 2],
        1,
        "mutual",
        2,
        2,
        "one_to_five",
    ))
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["member"].is_string());
    let other = created(
        &s.app,
        "/api/v1/cases",
        &s.pro,
        json!({"youth": {"name": "Bas Anders", "birth_date": "2012-01-01"}, "setting": "wijkteam"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let stranger = created(
        &s.app,
        &format!("/api/v1/cases/{other}/members"),
        &s.pro,
        json!({"name": "Buurman Piet", "relation": "buurman", "ring": 2, "sector": "neighbourhood"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let r = post(answer(
        &stranger,
        [2, 2, 2],
        [2, 2, 2],
        1,
        "mutual",
        2,
        2,
        "one_to_five",
    ))
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.json()["error"]["fields"]["member"].is_string());
    // Unknown fields, and an unknown respondent.
    let r = post(json!({"member": m[0], "rating": 2})).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = api(
        &s.app,
        Method::POST,
        &base,
        &s.pro,
        Some(r#"{"respondent": "oma"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.json()["error"]["fields"]["respondent"].is_string());
    // A check of this case is not found under the other one.
    let r = s
        .app
        .api_get(
            &format!("/api/v1/cases/{other}/support-checks/{id}"),
            &s.pro,
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Nothing was recorded.
    let r = s.app.api_get(&format!("{base}/{id}"), &s.pro).await;
    assert_eq!(r.json()["progress"]["answered"], 0);

    // The page names the field in error and keeps what was chosen.
    let page = s.app.login_page("pro@test.nl").await;
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/checks/{id}/answers", s.case),
            &format!(
                "member={}&perceived_concrete=4&perceived_emotional=2&then=next",
                m[0]
            ),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#q-perceived_concrete\""));
    assert!(r.body.contains("value=\"2\" checked"), "the choice is kept");
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/checks/{id}/answers", s.case),
            &format!("member={stranger}&then=next"),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Invites a participant and accepts with a new account: (participant id, token).
pub(crate) async fn participant(s: &Story, invite: Value, email: &str) -> (String, String) {
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

#[tokio::test]
async fn the_young_person_answers_from_their_own_page_and_others_are_refused() {
    let s = story().await;
    let (youth_p, youth) = participant(
        &s,
        json!({"kind": "youth", "name": "Sanne"}),
        "sanne@test.nl",
    )
    .await;
    let (parent_p, parent) = participant(
        &s,
        json!({"kind": "parent", "name": "Ria", "parent_index": 0}),
        "ria@test.nl",
    )
    .await;
    let (oma_p, oma) = participant(
        &s,
        json!({"kind": "support_figure", "name": "Oma Joke", "member_id": s.members[0]}),
        "oma@test.nl",
    )
    .await;

    // The young person: a link on her page, her own check, one member per screen.
    let mine = s.app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert_eq!(mine.status, StatusCode::OK);
    assert!(mine.body.contains(&format!("/mijn/{youth_p}/checks")));
    let r = s
        .app
        .post_form(&format!("/mijn/{youth_p}/checks"), "", Some(&youth))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let check_page = r.location().to_string();
    assert!(check_page.starts_with(&format!("/mijn/{youth_p}/checks/")));
    let r = s.app.get(&check_page, Some(&youth)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("0 van 4"));
    assert!(r.body.contains("Oma Joke"));
    let r = s
        .app
        .post_form(
            &format!("{check_page}/answers"),
            &form(
                &s.members[0],
                [3, 3, 3],
                [3, 3, 3],
                1,
                "mutual",
                3,
                4,
                "more_than_five",
                "pause",
            ),
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s.app.get(&check_page, Some(&youth)).await;
    assert!(r.body.contains("1 van 4"));
    assert!(r.body.contains("Coach Sam"), "resumes at the next member");

    // The professional sees it, answered by the young person.
    let list = s
        .app
        .api_get(&format!("/api/v1/cases/{}/support-checks", s.case), &s.pro)
        .await
        .json();
    assert_eq!(list["items"][0]["respondent"], "youth");
    assert_eq!(list["items"][0]["progress"]["answered"], 1);
    let their_id = list["items"][0]["id"].as_str().expect("id").to_string();

    // The parent of a 16-year-old has no consent for measurements: 403, no link.
    let page = s.app.get(&format!("/mijn/{parent_p}"), Some(&parent)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(&format!("/mijn/{parent_p}/checks")));
    for path in [
        format!("/mijn/{parent_p}/checks"),
        format!("/mijn/{parent_p}/checks/{their_id}"),
    ] {
        let r = s.app.get(&path, Some(&parent)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!r.body.contains("Oma Joke"));
    }
    let r = s
        .app
        .post_form(&format!("/mijn/{parent_p}/checks"), "", Some(&parent))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // A support figure does not answer checks.
    let r = s
        .app
        .get(&format!("/mijn/{oma_p}/checks"), Some(&oma))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Someone else's page is not found.
    let r = s
        .app
        .get(&format!("/mijn/{youth_p}/checks"), Some(&oma))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // A professional's check is not on the young person's page.
    let pro_check = created(
        &s.app,
        &format!("/api/v1/cases/{}/support-checks", s.case),
        &s.pro,
        json!({}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    let r = s
        .app
        .get(&format!("/mijn/{youth_p}/checks/{pro_check}"), Some(&youth))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn another_teams_professional_and_the_administrator_find_nothing() {
    let s = story().await;
    let scope = OrgScope::operator(s.app.org.clone());
    let team_b = s
        .app
        .store
        .create_team(
            &scope,
            "Wijkteam Zuid",
            crate::app::operator_event(&s.app.org),
        )
        .await
        .expect("team");
    s.app
        .add_user_in(
            &s.app.org,
            std::slice::from_ref(&team_b.id),
            "zuid@test.nl",
            "Zoë Zuid",
            &[Role::Professional],
        )
        .await;
    let base = format!("/api/v1/cases/{}/support-checks", s.case);
    let id = created(&s.app, &base, &s.pro, json!({})).await["id"]
        .as_str()
        .expect("id")
        .to_string();
    for email in ["zuid@test.nl", "beheer@test.nl"] {
        let token = s.app.login_api(email).await;
        for path in [base.clone(), format!("{base}/{id}")] {
            let r = s.app.api_get(&path, &token).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {path}");
            assert!(!r.body.contains("Sanne"));
        }
        let r = api(&s.app, Method::POST, &base, &token, Some("{}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        let page = s.app.login_page(email).await;
        for path in [
            format!("/cases/{}/checks", s.case),
            format!("/cases/{}/checks/{id}", s.case),
        ] {
            let r = s.app.get(&path, Some(&page)).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {path}");
            assert!(!r.body.contains("Sanne"));
        }
    }
    // The team's own professional sees the tab.
    let page = s.app.login_page("pro@test.nl").await;
    let r = s.app.get(&format!("/cases/{}", s.case), Some(&page)).await;
    assert!(r.body.contains(&format!("/cases/{}/checks", s.case)));
}
