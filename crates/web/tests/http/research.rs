//! The research dataset end to end: consent for research recorded through the sharing API and
//! page, the analyst's download of the pseudonymised dataset (CSV, XLSX, codebook) with only
//! the consented cases, no names, the birth year only, fresh codes per download, formulas kept
//! inert, and everyone else refused.

use crate::app::{TestApp, api, operator_event};
use axum::http::{Method, StatusCode, header};
use chrono::{Datelike, Duration, NaiveDate, Utc};
use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use steunkring_domain::Role;
use steunkring_domain::case::{CaseDetails, CaseInput, Parent};
use steunkring_domain::consent::{Category, Consent, Given, Party, Recipient, RecipientRole};
use steunkring_store::OrgScope;

/// Names of the people in the cases below; none may ever reach the dataset.
const NAMES: [&str; 6] = ["Zuidema", "Noa", "Ria", "Gerrit", "Hendrikje", "Wubbo"];
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";

fn birth(years: i64) -> NaiveDate {
    Utc::now().date_naive() - Duration::days(years * 365 + 100)
}

/// A case of the test team through the API: `youth` with a parent with gezag, a grandparent on
/// the map.
async fn new_case(app: &TestApp, pro: &str, youth: &str, born: NaiveDate) -> String {
    let body = format!(
        r#"{{"youth": {{"name": "{youth} Zuidema", "birth_date": "{born}"}}, "setting": "wijkteam", "parents": [{{"name": "Ria Zuidema", "gezag": true}}]}}"#
    );
    let r = api(app, Method::POST, "/api/v1/cases", pro, Some(&body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let case = r.json()["id"].as_str().expect("id").to_string();
    let r = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        pro,
        Some(r#"{"name": "Opa Gerrit Zuidema", "relation": "opa van Hendrikje", "ring": 1, "sector": "family", "risk": "Wubbo"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    case
}

/// Asks consent for research on `category` and records it for `parties`; the consent's id.
async fn research_consent(
    app: &TestApp,
    pro: &str,
    case: &str,
    category: &str,
    parties: &[&str],
) -> String {
    let r = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents"),
        pro,
        Some(&format!(
            r#"{{"category": "{category}", "recipient": "role:research"}}"#
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_str().expect("id").to_string();
    for party in parties {
        let r = api(
            app,
            Method::POST,
            &format!("/api/v1/cases/{case}/consents/{id}/give"),
            pro,
            Some(&format!(
                r#"{{"party": "{party}", "how": "op het formulier onderzoek"}}"#
            )),
        )
        .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    }
    id
}

/// The CSV as rows of column name → value (the BOM dropped; no cell here holds a comma).
fn csv_rows(csv: &str) -> Vec<BTreeMap<String, String>> {
    let mut lines = csv.trim_start_matches('\u{FEFF}').split("\r\n");
    let header: Vec<String> = lines
        .next()
        .unwrap_or_default()
        .split(',')
        .map(str::to_string)
        .collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            header
                .iter()
                .cloned()
                .zip(l.split(',').map(str::to_string))
                .collect()
        })
        .collect()
}

/// Every part of a workbook, unpacked: name → text.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("the workbook is a zip");
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("part");
        let name = file.name().map(|n| n.to_string()).unwrap_or_default();
        let mut text = String::new();
        file.read_to_string(&mut text).expect("a text part");
        parts.insert(name, text);
    }
    parts
}

fn disposition(r: &crate::app::Reply) -> String {
    r.headers
        .get(header::CONTENT_DISPOSITION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn only_consented_cases_reach_the_dataset_without_names() {
    let app = TestApp::new().await;
    app.add_user("analist@test.nl", "Ada Analist", &[Role::Analyst])
        .await;
    let pro = app.login_api("pro@test.nl").await;
    let analyst = app.login_api("analist@test.nl").await;

    // 14 years old: the young person and the mother with gezag both consent.
    let both_born = birth(14);
    let both = new_case(&app, &pro, "Noa", both_born).await;
    research_consent(&app, &pro, &both, "measurements", &["youth", "parent:0"]).await;
    research_consent(&app, &pro, &both, "network_map", &["youth", "parent:0"]).await;
    // 17 years old: the young person decides alone.
    let alone = new_case(&app, &pro, "Hendrikje", birth(17)).await;
    research_consent(&app, &pro, &alone, "measurements", &["youth"]).await;
    // Only the young person of 14 consented: not yet.
    let half = new_case(&app, &pro, "Noa", birth(14)).await;
    research_consent(&app, &pro, &half, "measurements", &["youth"]).await;
    // Consented, then withdrawn.
    let withdrawn = new_case(&app, &pro, "Noa", birth(17)).await;
    let id = research_consent(&app, &pro, &withdrawn, "measurements", &["youth"]).await;
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{withdrawn}/consents/{id}/withdraw"),
        &pro,
        Some(r#"{"party": "youth"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.body);
    // Consent for the map only, and consent on the measurements for the parents: not research.
    let map_only = new_case(&app, &pro, "Noa", birth(17)).await;
    research_consent(&app, &pro, &map_only, "network_map", &["youth"]).await;
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{map_only}/consents"),
        &pro,
        Some(r#"{"category": "measurements", "recipient": "role:parents"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    // No consent at all.
    new_case(&app, &pro, "Noa", birth(15)).await;

    let r = app
        .api_get("/api/v1/exports/research?format=csv", &analyst)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("text/csv; charset=utf-8")
    );
    let today = steunkring_domain::consent::dutch_date(Utc::now());
    assert_eq!(
        disposition(&r),
        format!("attachment; filename=\"steunkring-onderzoek-{today}.csv\"")
    );
    let rows = csv_rows(&r.body);
    assert_eq!(rows.len(), 2, "the two consented cases: {}", r.body);
    let mut years: Vec<String> = rows.iter().map(|row| row["birth_year"].clone()).collect();
    years.sort();
    let mut expected = vec![birth(17).year().to_string(), both_born.year().to_string()];
    expected.sort();
    assert_eq!(years, expected);
    // The network comes along only where research consent covers the map.
    let noa = rows
        .iter()
        .find(|row| row["birth_year"] == both_born.year().to_string())
        .expect("the 14-year-old");
    assert_eq!(noa["net_latest_size"], "1");
    assert_eq!(noa["team"], "Wijkteam Test");
    let hendrikje = rows
        .iter()
        .find(|row| row["birth_year"] == birth(17).year().to_string())
        .expect("the 17-year-old");
    assert_eq!(hendrikje["net_latest_size"], "");
    for row in &rows {
        let code = &row["code"];
        assert!(code.starts_with('P') && code.len() == 17, "{code}");
    }
    assert_ne!(rows[0]["code"], rows[1]["code"]);
    for name in NAMES {
        assert!(!r.body.contains(name), "{name} is in the CSV");
    }
    for format in ["%Y-%m-%d", "%d-%m-%Y"] {
        assert!(!r.body.contains(&both_born.format(format).to_string()));
    }
    assert!(!r.body.contains(&both), "no case id");

    // A second download: other codes for the same cases.
    let again = csv_rows(&app.api_get("/api/v1/exports/research", &analyst).await.body);
    assert_eq!(again.len(), 2);
    for row in &again {
        assert!(rows.iter().all(|first| first["code"] != row["code"]));
    }

    // The workbook: a real XLSX with the data and the codebook, and no names in any part.
    let r = app
        .api_get("/api/v1/exports/research?format=xlsx", &analyst)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        disposition(&r),
        format!("attachment; filename=\"steunkring-onderzoek-{today}.xlsx\"")
    );
    assert!(r.bytes.starts_with(b"PK"));
    let parts = unzip(&r.bytes);
    let workbook = parts.get("xl/workbook.xml").expect("workbook");
    assert!(workbook.contains("name=\"data\"") && workbook.contains("name=\"codebook\""));
    let data = parts.get("xl/worksheets/sheet1.xml").expect("data sheet");
    assert_eq!(data.matches("<row ").count(), 3, "header and two rows");
    for (part, text) in &parts {
        for name in NAMES {
            assert!(!text.contains(name), "{name} is in {part}");
        }
    }

    // The codebook alone, in the reader's language.
    let r = app
        .api_get("/api/v1/exports/research?format=codebook", &analyst)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        disposition(&r),
        "attachment; filename=\"steunkring-codeboek.csv\""
    );
    assert!(r.body.starts_with("\u{FEFF}Kolom,Soort,Waarden,Eenheid,"));
    assert!(r.body.contains("\r\nbirth_year,integer,YYYY,a,Geboortejaar van de jongere,Birth year of the young person\r\n"));
    let auth = format!("Bearer {analyst}");
    let r = app
        .send(
            Method::GET,
            "/api/v1/exports/research?format=codebook",
            None,
            &[("authorization", &auth), ("accept-language", "en-GB,en")],
        )
        .await;
    assert!(r.body.starts_with("\u{FEFF}Column,Type,Values,Unit,"));

    // Every download of the data is one export entry for the organisation, with the count.
    let exports: Vec<_> = app
        .audit()
        .await
        .into_iter()
        .filter(|e| e.event.object_type.as_deref() == Some("research_dataset"))
        .collect();
    assert_eq!(
        exports.len(),
        3,
        "csv, csv and xlsx; the codebook holds no case data"
    );
    for e in &exports {
        assert_eq!(e.event.object_id.as_deref(), Some("2"));
        assert_eq!(e.event.action.as_str(), "export");
        assert_eq!(e.event.purpose.as_deref(), Some("research"));
        assert_eq!(e.event.case_id, None);
    }

    // An unknown format is a field error, and nothing is read.
    let r = app
        .api_get("/api/v1/exports/research?format=pdf", &analyst)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.json()["error"]["fields"]["format"].is_string(),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn a_formula_in_a_team_name_stays_text() {
    let app = TestApp::new().await;
    app.add_user("analist@test.nl", "Ada Analist", &[Role::Analyst])
        .await;
    let analyst = app.login_api("analist@test.nl").await;
    let scope = OrgScope::operator(app.org.clone());
    let team = app
        .store
        .create_team(&scope, FORMULA, operator_event(&app.org))
        .await
        .expect("team");
    let today = Utc::now().date_naive();
    let input = CaseInput {
        youth_name: "Wubbo Zuidema".into(),
        birth_date: birth(17).to_string(),
        setting: "foster_care".into(),
        team_id: team.id.to_string(),
        parents: vec![Parent {
            name: "Ria Zuidema".into(),
            gezag: true,
        }],
        ..Default::default()
    };
    let case = app
        .store
        .create_case(
            &scope,
            &CaseDetails::parse(&input, today).expect("valid"),
            today,
            operator_event(&app.org),
        )
        .await
        .expect("case");
    let consent = Consent {
        id: "r-1".into(),
        category: Category::Measurements,
        recipient: Recipient::Role(RecipientRole::Research),
        valid_from: today - Duration::days(1),
        valid_until: None,
        required: vec![Party::Youth],
        given: vec![Given {
            party: Party::Youth,
            at: Utc::now(),
            how: "op papier".into(),
            by_user: None,
        }],
        withdrawn: None,
    };
    app.store
        .ask_consent(&scope, &case.id, &consent, operator_event(&app.org))
        .await
        .expect("consent");

    let r = app
        .api_get("/api/v1/exports/research?format=csv", &analyst)
        .await;
    assert!(
        r.body
            .contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\","),
        "{}",
        r.body
    );
    assert!(r.body.contains(",foster_care,"));
    let parts = unzip(
        &app.api_get("/api/v1/exports/research?format=xlsx", &analyst)
            .await
            .bytes,
    );
    let data = parts.get("xl/worksheets/sheet1.xml").expect("data sheet");
    assert!(!data.contains("<f>"), "no formula cell");
    let strings = parts.get("xl/sharedStrings.xml").expect("strings");
    assert!(
        strings.contains("=HYPERLINK(&quot;http://evil.example&quot;")
            || strings.contains("=HYPERLINK(\"http://evil.example\""),
        "{strings}"
    );
}

#[tokio::test]
async fn only_analysts_download_and_research_sees_nothing() {
    let app = TestApp::new().await;
    app.add_user("analist@test.nl", "Ada Analist", &[Role::Analyst])
        .await;
    let pro = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &pro, "Noa", birth(17)).await;
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/invitations"),
        &pro,
        Some(r#"{"kind": "youth", "name": "Noa"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let code = r.json()["invitation"]["code"]
        .as_str()
        .expect("code")
        .to_string();
    let r = app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(r#"{"name": "Noa", "email": "noa@test.nl", "password": "een-goede-zin-jongere"}"#),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let youth = r.json()["token"].as_str().expect("token").to_string();
    research_consent(&app, &pro, &case, "measurements", &["youth"]).await;

    let admin = app.login_api("beheer@test.nl").await;
    for (who, token) in [("professional", &pro), ("admin", &admin), ("youth", &youth)] {
        for format in ["csv", "xlsx", "codebook"] {
            let r = app
                .api_get(&format!("/api/v1/exports/research?format={format}"), token)
                .await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{who} {format}");
            assert!(!r.body.contains("birth_year"), "{who} {format}");
        }
    }
    let r = app
        .send(Method::GET, "/api/v1/exports/research", None, &[])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // The page: for the analyst, in the menu, with the three downloads; refused to others.
    let analyst_page = app.login_page("analist@test.nl").await;
    let r = app.get("/exports/research", Some(&analyst_page)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("<h1>Onderzoeksdata</h1>"), "{}", r.body);
    assert!(r.body.contains("href=\"/exports/research\""), "in the menu");
    for format in ["csv", "xlsx", "codebook"] {
        assert!(r.body.contains(&format!(
            "href=\"/api/v1/exports/research?format={format}\""
        )));
    }
    let r = app
        .get("/api/v1/exports/research?format=csv", Some(&analyst_page))
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "the page's link works with the session"
    );
    let pro_page = app.login_page("pro@test.nl").await;
    let r = app.get("/exports/research", Some(&pro_page)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app.get("/cases", Some(&pro_page)).await;
    assert!(
        !r.body.contains("href=\"/exports/research\""),
        "not in the menu"
    );

    // Research is offered on the sharing page, only for the dataset's categories, and can
    // never be the one something is withheld from.
    let r = app
        .get(&format!("/cases/{case}/sharing"), Some(&pro_page))
        .await;
    assert!(
        r.body
            .contains("<option value=\"role:research\">onderzoek (gepseudonimiseerd)</option>")
    );
    assert_eq!(
        r.body.matches("value=\"role:research\"").count(),
        1,
        "not for withholding"
    );
    let r = app
        .post_form(
            &format!("/cases/{case}/consents"),
            "category=notes&recipient=role%3Aresearch",
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Toestemming voor onderzoek kan alleen"));
    let r = app
        .post_form(
            &format!("/cases/{case}/withholdings"),
            "category=measurements&recipient=role%3Aresearch&reason=test",
            Some(&pro_page),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/consents"),
        &pro,
        Some(r#"{"category": "safety_section", "recipient": "role:research"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.json()["error"]["fields"]["category"]
            .as_str()
            .is_some_and(|m| m.starts_with("Toestemming voor onderzoek")),
        "{}",
        r.body
    );

    // The active research consent shows nobody anything: the visibility answer is the same
    // as without it, and it lists research as nobody.
    let r = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/visibility"),
        &pro,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    for person in r.json()["items"].as_array().expect("items") {
        if person["kind"] != "youth" {
            assert_eq!(
                person["categories"]["measurements"]["allowed"], false,
                "{person}"
            );
        }
    }
}
