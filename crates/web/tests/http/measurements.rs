//! Screenings, self-reports, outcomes and the check schedule: the story through the API and the
//! Metingen tab, bad input (changing nothing, fields marked, free text escaped), the young
//! person's own self-report with others refused, another team finding nothing, and the support
//! checks due on the professional's home page.

use crate::app::api;
use crate::checks::{Story, created, participant, story};
use axum::http::{Method, StatusCode};
use chrono::NaiveDate;
use serde_json::{Value, json};
use steunkring_domain::Role;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_store::OrgScope;

const DOMAINS: [&str; 7] = [
    "child",
    "parent",
    "parenting",
    "family_functioning",
    "context",
    "social_network",
    "help_history",
];

/// A screening body with problems on the domains marked `true`, in [`DOMAINS`] order.
fn screening(problems: [bool; 7]) -> Value {
    json!({
        "domains": DOMAINS
            .iter()
            .zip(problems)
            .map(|(d, p)| json!({"domain": d, "problem": p}))
            .collect::<Vec<_>>()
    })
}

fn today() -> NaiveDate {
    steunkring_domain::consent::dutch_date(chrono::Utc::now())
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn dutch(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

async fn post(s: &Story, path: &str, body: Value) -> crate::app::Reply {
    api(&s.app, Method::POST, path, &s.pro, Some(&body.to_string())).await
}

#[tokio::test]
async fn screenings_self_reports_outcomes_and_the_schedule_through_api_and_pages() {
    let s = story().await;
    let base = format!("/api/v1/cases/{}", s.case);
    let opened = today();

    // A screening: problems everywhere but the social network, 6 of 7: multi-problem.
    let mut body = screening([true, true, true, true, true, false, true]);
    body["domains"][0]["note"] = json!("Slaapt slecht");
    let made = created(&s.app, &format!("{base}/screenings"), &s.pro, body).await;
    assert_eq!(made["problem_count"], 6);
    assert_eq!(made["multi_problem"], true);
    assert_eq!(made["screened_on"], iso(opened));
    assert_eq!(
        made["domains"][0],
        json!({"domain": "child", "problem": true, "note": "Slaapt slecht"})
    );
    assert_eq!(made["domains"][5]["problem"], false);
    // Five of seven is not.
    let five = created(
        &s.app,
        &format!("{base}/screenings"),
        &s.pro,
        screening([true, true, false, true, true, false, true]),
    )
    .await;
    assert_eq!(five["multi_problem"], false);
    let list = s.app.api_get(&format!("{base}/screenings"), &s.pro).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(list.json()["threshold"], 6);

    // A self-report written down by the professional; the support-figure grade is optional.
    let report = created(
        &s.app,
        &format!("{base}/self-reports"),
        &s.pro,
        json!({"feels_supported": 6, "satisfied_with_help": 8, "open_answer": "Oma helpt."}),
    )
    .await;
    assert_eq!(report["feels_supported"], 6);
    assert_eq!(report["satisfied_with_support_figures"], Value::Null);
    assert_eq!(report["by_young_person"], false);
    assert_eq!(report["answered_on"], iso(opened));

    // Outcomes, the most recent first; one recorded in error is removed.
    let prevented = created(
        &s.app,
        &format!("{base}/outcomes"),
        &s.pro,
        json!({"kind": "placement_prevented", "date": iso(opened), "note": "Oma vangt op"}),
    )
    .await;
    assert_eq!(prevented["kind"], "placement_prevented");
    let wrong = created(
        &s.app,
        &format!("{base}/outcomes"),
        &s.pro,
        json!({"kind": "formal_help_ended", "date": iso(opened)}),
    )
    .await;
    let wrong_id = wrong["id"].as_str().expect("id");
    let r = api(
        &s.app,
        Method::DELETE,
        &format!("{base}/outcomes/{wrong_id}"),
        &s.pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = api(
        &s.app,
        Method::DELETE,
        &format!("{base}/outcomes/{wrong_id}"),
        &s.pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let list = s
        .app
        .api_get(&format!("{base}/outcomes"), &s.pro)
        .await
        .json();
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(list["items"][0]["note"], "Oma vangt op");

    // The schedule: every three months after opening; six after a change; also in the support
    // checks' list.
    let sched = s
        .app
        .api_get(&format!("{base}/check-schedule"), &s.pro)
        .await;
    assert_eq!(sched.status, StatusCode::OK);
    let in_months = |m: u32| {
        opened
            .checked_add_months(chrono::Months::new(m))
            .expect("date")
    };
    assert_eq!(
        sched.json(),
        json!({"every_months": 3, "last_check": null, "next_due": iso(in_months(3)), "due_now": false})
    );
    let r = api(
        &s.app,
        Method::PUT,
        &format!("{base}/check-schedule"),
        &s.pro,
        Some(r#"{"every_months": 6}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["every_months"], 6);
    assert_eq!(r.json()["next_due"], iso(in_months(6)));
    let checks = s
        .app
        .api_get(&format!("{base}/support-checks"), &s.pro)
        .await
        .json();
    assert_eq!(checks["next_due"], iso(in_months(6)));

    // The Metingen tab shows it all.
    let page = s.app.login_page("pro@test.nl").await;
    let tab = format!("/cases/{}/checks", s.case);
    let r = s.app.get(&tab, Some(&page)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("6 van de 7 gebieden met problemen"));
    assert!(r.body.contains("5 van de 7 gebieden met problemen"));
    assert_eq!(
        r.body.matches("class=\"flag multi-problem\"").count(),
        1,
        "only the first is flagged"
    );
    assert!(r.body.contains("Slaapt slecht"));
    assert!(r.body.contains("Oma helpt."));
    assert!(r.body.contains("Uithuisplaatsing voorkomen"));
    assert!(r.body.contains("name=\"every_months\" type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"24\" required value=\"6\""));
    assert!(
        r.body
            .contains(&format!("Volgende steunmeting: {}", dutch(in_months(6))))
    );

    // The same through the forms.
    let mut form: Vec<String> = DOMAINS.iter().map(|d| format!("{d}=no")).collect();
    form.push("social_network=yes".into());
    form.retain(|f| f != "social_network=no");
    form.push("social_network_note=Weinig+vrienden".into());
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/screenings", s.case),
            &form.join("&"),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{tab}#screenings"));
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/self-reports", s.case),
            "feels_supported=3&satisfied_with_help=4&satisfied_with_support_figures=9&open_answer=",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/outcomes", s.case),
            &format!(
                "kind=placement_network_foster_family&date={}&note=",
                iso(opened)
            ),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/check-schedule", s.case),
            "every_months=2",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let screenings = s
        .app
        .api_get(&format!("{base}/screenings"), &s.pro)
        .await
        .json();
    assert_eq!(screenings["items"].as_array().map(Vec::len), Some(3));
    let newest = screenings["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|x| x["problem_count"] == 1)
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        newest["domains"][5],
        json!({"domain": "social_network", "problem": true, "note": "Weinig vrienden"})
    );
    let reports = s
        .app
        .api_get(&format!("{base}/self-reports"), &s.pro)
        .await
        .json();
    assert_eq!(reports["items"].as_array().map(Vec::len), Some(2));
    let outcomes = s
        .app
        .api_get(&format!("{base}/outcomes"), &s.pro)
        .await
        .json();
    assert_eq!(outcomes["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        s.app
            .api_get(&format!("{base}/check-schedule"), &s.pro)
            .await
            .json()["every_months"],
        2
    );
    let r = s.app.get(&tab, Some(&page)).await;
    assert!(r.body.contains("Geplaatst in een netwerkpleeggezin"));
    assert!(r.body.contains("Steunfiguren: <strong>9</strong>"));

    // Deleting through the page.
    let id = prevented["id"].as_str().expect("id");
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/outcomes/{id}/delete", s.case),
            "",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let outcomes = s
        .app
        .api_get(&format!("{base}/outcomes"), &s.pro)
        .await
        .json();
    assert_eq!(outcomes["items"].as_array().map(Vec::len), Some(1));

    // Each change is in the audit trail with its object.
    let audit = s.app.audit().await;
    let about = |kind: &str| {
        audit
            .iter()
            .filter(|e| e.event.object_type.as_deref() == Some(kind))
            .count()
    };
    assert_eq!(about("screening"), 3);
    assert_eq!(about("self_report"), 2);
    assert_eq!(about("outcome"), 5, "three recorded, two removed");
    assert_eq!(about("check_schedule"), 2);

    // The access export holds them: in gegevens.json and in the readable summary.
    let auth = format!("Bearer {}", s.pro);
    let (status, _, bytes) = crate::rights::get_bytes(
        &s.app,
        &format!("{base}/export"),
        &[("authorization", &auth)],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a valid ZIP");
    let read = |archive: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).expect("file"), &mut text)
            .expect("utf-8");
        text
    };
    let data: Value = serde_json::from_str(&read(&mut archive, "gegevens.json")).expect("JSON");
    assert_eq!(data["screenings"].as_array().map(Vec::len), Some(3));
    assert_eq!(data["self_reports"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        data["outcomes"][0]["outcome"]["kind"],
        "placement_network_foster_family"
    );
    assert_eq!(data["support_checks"], json!([]));
    let html = read(&mut archive, "samenvatting.html");
    assert!(html.contains("<h3>Screening meervoudige problematiek</h3>"));
    assert!(html.contains("<td>6 van 7</td>"));
    assert!(html.contains("Geplaatst in een netwerkpleeggezin"));
}

#[tokio::test]
async fn bad_input_is_refused_per_field_and_changes_nothing() {
    let s = story().await;
    let base = format!("/api/v1/cases/{}", s.case);
    let tomorrow = today() + chrono::Duration::days(1);
    let yesterday = today() - chrono::Duration::days(1);
    let fields = |r: &crate::app::Reply| r.json()["error"]["fields"].clone();

    // A grade of 11, a grade missing.
    let r = post(
        &s,
        &format!("{base}/self-reports"),
        json!({"feels_supported": 11, "satisfied_with_help": 5}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&r)["feels_supported"].is_string());
    let r = post(
        &s,
        &format!("{base}/self-reports"),
        json!({"feels_supported": 5}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&r)["satisfied_with_help"].is_string());
    // An unknown domain, a domain left out, a domain without yes or no, a date in the future.
    let mut body = screening([false; 7]);
    body["domains"][0]["domain"] = json!("school");
    let r = post(&s, &format!("{base}/screenings"), body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&r)["domain"].is_string());
    assert!(fields(&r)["child"].is_string(), "and child is then missing");
    let mut body = screening([false; 7]);
    body["domains"].as_array_mut().map(|d| d.remove(2));
    let r = post(&s, &format!("{base}/screenings"), body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&r).as_object().map(|o| o.len()), Some(1));
    assert!(fields(&r)["parenting"].is_string());
    let mut body = screening([false; 7]);
    body["domains"][3] = json!({"domain": "family_functioning"});
    body["screened_on"] = json!(iso(tomorrow));
    let r = post(&s, &format!("{base}/screenings"), body).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&r)["family_functioning"].is_string());
    assert!(fields(&r)["screened_on"].is_string());
    // Outcomes: a date in the future, before the case was opened, an unknown kind.
    let r = post(
        &s,
        &format!("{base}/outcomes"),
        json!({"kind": "returned_home", "date": iso(tomorrow)}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(fields(&r)["date"], "Deze datum ligt in de toekomst.");
    let r = post(
        &s,
        &format!("{base}/outcomes"),
        json!({"kind": "returned_home", "date": iso(yesterday)}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        fields(&r)["date"],
        "Deze datum ligt voor de start van het dossier."
    );
    let r = post(
        &s,
        &format!("{base}/outcomes"),
        json!({"kind": "adopted", "date": iso(today())}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(fields(&r)["kind"].is_string());
    // The interval outside 1–24, and a field that does not exist.
    for bad in [
        r#"{"every_months": 25}"#,
        r#"{"every_months": 0}"#,
        r#"{"every_months": "vaak"}"#,
        r#"{}"#,
    ] {
        let r = api(
            &s.app,
            Method::PUT,
            &format!("{base}/check-schedule"),
            &s.pro,
            Some(bad),
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(fields(&r)["every_months"].is_string(), "{bad}");
    }
    let r = post(
        &s,
        &format!("{base}/outcomes"),
        json!({"kind": "returned_home", "date": iso(today()), "who": "x"}),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Nothing was recorded.
    for list in ["screenings", "self-reports", "outcomes"] {
        let r = s.app.api_get(&format!("{base}/{list}"), &s.pro).await;
        assert_eq!(r.json()["items"], json!([]), "{list}");
    }
    assert_eq!(
        s.app
            .api_get(&format!("{base}/check-schedule"), &s.pro)
            .await
            .json()["every_months"],
        3
    );

    // The forms come back with the fields marked, in Dutch, what was typed kept.
    let page = s.app.login_page("pro@test.nl").await;
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/self-reports", s.case),
            "feels_supported=11&satisfied_with_help=7&open_answer=Gaat+wel",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#sr-feels_supported\""));
    assert!(r.body.contains("Dit getal valt buiten wat kan."));
    assert!(
        r.body
            .contains("name=\"satisfied_with_help\" value=\"7\" checked")
    );
    assert!(r.body.contains(">Gaat wel</textarea>"));
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/screenings", s.case),
            "child=yes&parent=no&child_note=Moe",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#scr-parenting\""));
    assert!(r.body.contains("name=\"child\" value=\"yes\" checked"));
    assert!(r.body.contains(">Moe</textarea>"));
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/outcomes", s.case),
            &format!("kind=returned_home&date={}&note=", iso(yesterday)),
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"out-date-error\""));
    assert!(
        r.body
            .contains("Deze datum ligt voor de start van het dossier.")
    );
    let r = s
        .app
        .post_form(
            &format!("/cases/{}/check-schedule", s.case),
            "every_months=25",
            Some(&page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"ms-every_months-error\""));
    assert!(r.body.contains("value=\"25\""));
    for list in ["screenings", "self-reports", "outcomes"] {
        let r = s.app.api_get(&format!("{base}/{list}"), &s.pro).await;
        assert_eq!(r.json()["items"], json!([]), "{list}");
    }

    // Markup in free text is stored as typed and shown escaped.
    let script = "<script>alert(1)</script>";
    let r = post(
        &s,
        &format!("{base}/outcomes"),
        json!({"kind": "returned_home", "date": iso(today()), "note": script}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json()["note"], script);
    let mut body = screening([true; 7]);
    body["domains"][1]["note"] = json!(script);
    assert_eq!(
        post(&s, &format!("{base}/screenings"), body).await.status,
        StatusCode::CREATED
    );
    let r = post(
        &s,
        &format!("{base}/self-reports"),
        json!({"feels_supported": 1, "satisfied_with_help": 1, "open_answer": script}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = s
        .app
        .get(&format!("/cases/{}/checks", s.case), Some(&page))
        .await;
    assert!(!r.body.contains(script));
    // Askama escapes < and > as numeric references.
    assert_eq!(
        r.body
            .matches("&#60;script&#62;alert(1)&#60;/script&#62;")
            .count(),
        3,
        "the outcome's note, the screening's note and the open answer"
    );
}

#[tokio::test]
async fn the_young_person_gives_their_own_self_report_and_others_are_refused() {
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
    let own = format!("/mijn/{youth_p}/self-report");

    // A link on her page; the form in plain language with eleven large choices per question.
    let mine = s.app.get(&format!("/mijn/{youth_p}"), Some(&youth)).await;
    assert!(mine.body.contains(&own));
    let r = s.app.get(&own, Some(&youth)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Hoeveel steun voel jij van de mensen om je heen?")
    );
    assert_eq!(r.body.matches("class=\"grade\"").count(), 33);
    // A grade of 11: the form again, the field marked, her words kept.
    let r = s
        .app
        .post_form(
            &own,
            "feels_supported=11&satisfied_with_help=8&open_answer=Fijn+%3Cb%3E",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#sr-feels_supported\""));
    assert!(r.body.contains("Fijn &#60;b&#62;</textarea>"));
    let r = s
        .app
        .post_form(
            &own,
            "feels_supported=7&satisfied_with_help=8&open_answer=Fijn+%3Cb%3E",
            Some(&youth),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("{own}?sent=1"));
    let r = s.app.get(r.location(), Some(&youth)).await;
    assert!(r.body.contains("Dank je wel!"));
    assert!(
        r.body
            .contains("<q class=\"open-answer\">Fijn &#60;b&#62;</q>")
    );

    // The professional sees it as given by the young person.
    let list = s
        .app
        .api_get(&format!("/api/v1/cases/{}/self-reports", s.case), &s.pro)
        .await
        .json();
    assert_eq!(list["items"][0]["feels_supported"], 7);
    assert_eq!(list["items"][0]["by_young_person"], true);
    // Only her own reports are on her page, not one the professional wrote down.
    post(
        &s,
        &format!("/api/v1/cases/{}/self-reports", s.case),
        json!({"feels_supported": 2, "satisfied_with_help": 2, "open_answer": "Door de hulpverlener"}),
    )
    .await;
    let r = s.app.get(&own, Some(&youth)).await;
    assert!(!r.body.contains("Door de hulpverlener"));

    // A parent and a support figure do not give the young person's self-report.
    for (p, token) in [(&parent_p, &parent), (&oma_p, &oma)] {
        let page = s.app.get(&format!("/mijn/{p}"), Some(token)).await;
        assert!(!page.body.contains("/self-report"));
        let path = format!("/mijn/{p}/self-report");
        let r = s.app.get(&path, Some(token)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        let r = s
            .app
            .post_form(
                &path,
                "feels_supported=1&satisfied_with_help=1",
                Some(token),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        // Nor do they reach the professional's forms.
        let r = s
            .app
            .post_form(
                &format!("/cases/{}/self-reports", s.case),
                "feels_supported=1&satisfied_with_help=1",
                Some(token),
            )
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
    // Someone else's page is not found.
    let r = s.app.get(&own, Some(&oma)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let list = s
        .app
        .api_get(&format!("/api/v1/cases/{}/self-reports", s.case), &s.pro)
        .await
        .json();
    assert_eq!(list["items"].as_array().map(Vec::len), Some(2));
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
    let base = format!("/api/v1/cases/{}", s.case);
    let outcome = created(
        &s.app,
        &format!("{base}/outcomes"),
        &s.pro,
        json!({"kind": "returned_home", "date": iso(today()), "note": "Sanne is thuis"}),
    )
    .await["id"]
        .as_str()
        .expect("id")
        .to_string();
    for email in ["zuid@test.nl", "beheer@test.nl"] {
        let token = s.app.login_api(email).await;
        for list in ["screenings", "self-reports", "outcomes", "check-schedule"] {
            let r = s.app.api_get(&format!("{base}/{list}"), &token).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {list}");
            assert!(!r.body.contains("Sanne"));
        }
        for (method, path, body) in [
            (
                Method::POST,
                format!("{base}/screenings"),
                screening([false; 7]).to_string(),
            ),
            (
                Method::POST,
                format!("{base}/self-reports"),
                r#"{"feels_supported": 1, "satisfied_with_help": 1}"#.to_string(),
            ),
            (
                Method::POST,
                format!("{base}/outcomes"),
                json!({"kind": "returned_home", "date": iso(today())}).to_string(),
            ),
            (
                Method::PUT,
                format!("{base}/check-schedule"),
                r#"{"every_months": 1}"#.to_string(),
            ),
            (
                Method::DELETE,
                format!("{base}/outcomes/{outcome}"),
                String::new(),
            ),
        ] {
            let body = (!body.is_empty()).then_some(body.as_str());
            let r = api(&s.app, method.clone(), &path, &token, body).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {method} {path}");
        }
        let page = s.app.login_page(email).await;
        for path in [
            "screenings",
            "self-reports",
            "outcomes",
            "check-schedule",
            &format!("outcomes/{outcome}/delete"),
        ] {
            let r = s
                .app
                .post_form(
                    &format!("/cases/{}/{path}", s.case),
                    "every_months=1",
                    Some(&page),
                )
                .await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{email} {path}");
        }
    }
    // Nothing changed.
    let r = s
        .app
        .api_get(&format!("{base}/outcomes"), &s.pro)
        .await
        .json();
    assert_eq!(r["items"].as_array().map(Vec::len), Some(1));
    let r = s
        .app
        .api_get(&format!("{base}/check-schedule"), &s.pro)
        .await
        .json();
    assert_eq!(r["every_months"], 3);
    for list in ["screenings", "self-reports"] {
        let r = s.app.api_get(&format!("{base}/{list}"), &s.pro).await;
        assert_eq!(r.json()["items"], json!([]));
    }
    // An outcome of this case is not found under another one.
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
    let r = api(
        &s.app,
        Method::DELETE,
        &format!("/api/v1/cases/{other}/outcomes/{outcome}"),
        &s.pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_home_page_lists_the_support_checks_due_by_each_cases_interval() {
    let s = story().await;
    let scope = OrgScope::operator(s.app.org.clone());
    let event = || {
        let mut e = AuditEvent::new(chrono::Utc::now(), AuditAction::Create, Outcome::Success);
        e.org_id = Some(s.app.org.clone());
        e
    };
    // Opened on 31 January 2025: with every three months, due on 30 April 2025 (April has no
    // 31st).
    let opened = NaiveDate::from_ymd_opt(2025, 1, 31).expect("date");
    let input = steunkring_domain::case::CaseInput {
        youth_name: "Oud Dossier".into(),
        preferred_name: None,
        birth_date: "2011-05-05".into(),
        gender: None,
        setting: "wijkteam".into(),
        team_id: s.app.team.to_string(),
        network_lead: None,
        parents: Vec::new(),
    };
    let details = steunkring_domain::case::CaseDetails::parse(&input, today()).expect("valid");
    let old = s
        .app
        .store
        .create_case(&scope, &details, opened, event())
        .await
        .expect("case");

    let page = s.app.login_page("pro@test.nl").await;
    let home = s.app.get("/", Some(&page)).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains("Steunmetingen aan de beurt"));
    assert!(home.body.contains(&format!(
        "<a href=\"/cases/{}/checks\">Oud Dossier</a> · aan de beurt sinds 30-04-2025",
        old.id
    )));
    // Sanne's case opened today: not due.
    assert!(!home.body.contains(&format!("/cases/{}/checks", s.case)));

    // Every six months: 31 July 2025.
    let r = api(
        &s.app,
        Method::PUT,
        &format!("/api/v1/cases/{}/check-schedule", old.id),
        &s.pro,
        Some(r#"{"every_months": 6}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["next_due"], "2025-07-31");
    assert_eq!(r.json()["due_now"], true);
    let home = s.app.get("/", Some(&page)).await;
    assert!(home.body.contains("aan de beurt sinds 31-07-2025"));

    // A participant's home page has no such list.
    let (_, youth) = participant(
        &s,
        json!({"kind": "youth", "name": "Sanne"}),
        "sanne@test.nl",
    )
    .await;
    let home = s.app.get("/", Some(&youth)).await;
    assert!(!home.body.contains("Steunmetingen aan de beurt"));
}
