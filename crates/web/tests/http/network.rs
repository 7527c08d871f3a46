//! The network through the API and the pages: members, ties, the circle, indicators, versions.

use crate::app::{TestApp, api};
use axum::http::{Method, StatusCode};

async fn new_case(app: &TestApp, token: &str, name: &str) -> String {
    let body = format!(
        r#"{{"youth": {{"name": "{name}", "birth_date": "2011-09-01"}}, "setting": "wijkteam"}}"#
    );
    let r = api(app, Method::POST, "/api/v1/cases", token, Some(&body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_str().expect("id").to_string()
}

async fn add(app: &TestApp, token: &str, case: &str, body: &str) -> String {
    let r = api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        token,
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    r.json()["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn members_ties_map_and_indicators_through_the_api() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Jesse").await;
    let oma = add(&app, &t, &case, r#"{"name": "Oma Truus", "relation": "oma", "ring": 1, "sector": "family",
        "support": [{"type": "emotional", "direction": "mutual"}, {"type": "practical", "direction": "to_youth"}], "tie_quality": "supportive"}"#).await;
    let oom = add(
        &app,
        &t,
        &case,
        r#"{"name": "Oom Kees", "relation": "oom", "ring": 2, "sector": "family",
        "support": [{"type": "emotional", "direction": "to_youth"}]}"#,
    )
    .await;
    let juf = add(&app, &t, &case, r#"{"name": "Juf Anke", "relation": "mentor", "ring": 3, "sector": "school_work",
        "level": "professional_individual", "support": [{"type": "advice", "direction": "to_youth"}]}"#).await;
    let vader = add(
        &app,
        &t,
        &case,
        r#"{"name": "Vader", "relation": "vader", "ring": 2, "sector": "family",
        "stance": "rejected", "tie_quality": "broken", "risk": "Dreigt met geweld"}"#,
    )
    .await;

    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{oma}", "to": "{oom}", "kind": "supportive"}}"#
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{oom}", "to": "{vader}", "kind": "stressful"}}"#
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);

    let members = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &t,
        None,
    )
    .await
    .json();
    assert_eq!(members["items"].as_array().map(Vec::len), Some(4));
    assert_eq!(members["items"][0]["ring"], 1);
    assert_eq!(
        members["items"][0]["support"][0],
        serde_json::json!({"type": "emotional", "direction": "mutual"})
    );
    let ties = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        None,
    )
    .await
    .json();
    assert_eq!(ties["items"].as_array().map(Vec::len), Some(2));

    // Hand-computed: N = 4, L = 2 → density 2·2/(4·3) = 1/3; Juf Anke is an isolate;
    // informal = 3 of 4; emotional providers (informal, to the youth): Oma, Oom → no gap;
    // practical: Oma only → gap; strained: the broken tie quality of Vader + the stressful tie.
    let ind = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/indicators"),
        &t,
        None,
    )
    .await
    .json();
    let i = &ind["indicators"];
    assert!(
        (i["density"].as_f64().unwrap_or(-1.0) - 1.0 / 3.0).abs() < 1e-9,
        "{i}"
    );
    assert_eq!(i["size"]["all"], 4, "{i}");
    assert_eq!(i["size"]["informal"], 3, "{i}");
    assert_eq!(i["isolates"].as_array().map(Vec::len), Some(1), "{i}");
    assert!(ind["sentences"].as_array().is_some_and(|s| !s.is_empty()));
    let text = ind["sentences"].to_string();
    assert!(text.contains("4 mensen in het netwerk"), "{text}");

    let svg = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/map.svg"),
        &t,
        None,
    )
    .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(
        svg.headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("image/svg+xml"))
    );
    assert!(svg.body.contains("<title>") && svg.body.contains("Oma Truus"));
    let pseudo = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/map.svg?pseudonymise=true"),
        &t,
        None,
    )
    .await;
    assert!(
        !pseudo.body.contains("Oma Truus") && !pseudo.body.contains("Jesse"),
        "no names when pseudonymised"
    );
    let no_pros = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/map.svg?without_professionals=true"),
        &t,
        None,
    )
    .await;
    assert!(
        !no_pros.body.contains(&format!("data-member=\"{juf}\"")),
        "the teacher is left out"
    );
    assert!(no_pros.body.contains(&format!("data-member=\"{oma}\"")));
    let hidden = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/map.svg?hide_rejected=true"),
        &t,
        None,
    )
    .await;
    assert!(
        !hidden.body.contains(&format!("data-member=\"{vader}\"")),
        "rejected are absent, not greyed"
    );

    // Change and remove.
    let p = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{case}/members/{oom}"),
        &t,
        Some(r#"{"ring": 1}"#),
    )
    .await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_eq!(p.json()["ring"], 1);
    assert_eq!(p.json()["name"], "Oom Kees");
    let d = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/cases/{case}/members/{vader}"),
        &t,
        None,
    )
    .await;
    assert_eq!(d.status, StatusCode::NO_CONTENT);
    let ties = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        None,
    )
    .await
    .json();
    assert_eq!(
        ties["items"].as_array().map(Vec::len),
        Some(1),
        "the removed member's tie went too"
    );
}

#[tokio::test]
async fn bad_member_input_is_refused_and_names_are_escaped_everywhere() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Noor").await;
    let other = new_case(&app, &t, "Ander").await;
    let long = "x".repeat(10_000);
    let cases = [
        (r#"{"name": "A", "relation": "x", "ring": 4, "sector": "family"}"#.to_string(), "ring"),
        (r#"{"name": "A", "relation": "x", "ring": 0, "sector": "family"}"#.to_string(), "ring"),
        (r#"{"name": "A", "relation": "x", "ring": 1, "sector": "ruimtevaart"}"#.to_string(), "sector"),
        (format!(r#"{{"name": "{long}", "relation": "x", "ring": 1, "sector": "family"}}"#), "name"),
        (r#"{"name": "A", "relation": "x", "ring": 1, "sector": "family", "support": [{"type": "magic", "direction": "to_youth"}]}"#.to_string(), "support"),
        (r#"{"name": "A", "relation": "x", "ring": 1, "sector": "family", "stance": "hostile"}"#.to_string(), "stance"),
        (r#"{"name": "A", "relation": "x", "ring": "een", "sector": "family"}"#.to_string(), "ring"),
    ];
    for (body, field) in &cases {
        let r = api(
            &app,
            Method::POST,
            &format!("/api/v1/cases/{case}/members"),
            &t,
            Some(body),
        )
        .await;
        assert!(
            r.status == StatusCode::UNPROCESSABLE_ENTITY,
            "{field}: {} {}",
            r.status,
            r.body
        );
        let fields = r.json()["error"]["fields"].clone();
        assert!(
            fields
                .as_object()
                .is_some_and(|f| f.keys().any(|k| k.starts_with(field))),
            "{field} named: {fields}"
        );
    }
    let members = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &t,
        None,
    )
    .await
    .json();
    assert_eq!(
        members["items"].as_array().map(Vec::len),
        Some(0),
        "nothing written"
    );

    let evil = add(&app, &t, &case, r#"{"name": "<script>alert('x')</script> & \"co\"", "relation": "<b>buur</b>", "ring": 1, "sector": "neighbourhood"}"#).await;
    let elsewhere = add(
        &app,
        &t,
        &other,
        r#"{"name": "Buurman", "relation": "buur", "ring": 1, "sector": "neighbourhood"}"#,
    )
    .await;
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{evil}", "to": "{elsewhere}", "kind": "knows"}}"#
        )),
    )
    .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a tie to a member of another case: {}",
        r.body
    );
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{evil}", "to": "{evil}", "kind": "knows"}}"#
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let svg = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/map.svg"),
        &t,
        None,
    )
    .await
    .body;
    assert!(
        !svg.contains("<script>") && !svg.contains("<b>"),
        "escaped in SVG"
    );
    let token = app.login_page("pro%40test.nl").await;
    let page = app.get(&format!("/cases/{case}"), Some(&token)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        !page.body.contains("<script>alert") && !page.body.contains("<b>buur"),
        "escaped in HTML"
    );
    assert!(page.body.contains("&lt;script&gt;") || page.body.contains("&#60;script&#62;"));
}

#[tokio::test]
async fn the_network_is_for_those_involved_in_the_help() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Lisa").await;
    add(
        &app,
        &t,
        &case,
        r#"{"name": "Tante Mo", "relation": "tante", "ring": 1, "sector": "family"}"#,
    )
    .await;
    let admin = app.login_api("beheer@test.nl").await;
    for path in ["members", "ties", "map.svg", "indicators", "versions"] {
        let r = api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{case}/{path}"),
            &admin,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "admin {path}");
    }
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        &admin,
        Some(r#"{"name": "X", "relation": "x", "ring": 1, "sector": "family"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let admin_page = app.login_page("beheer%40test.nl").await;
    let page = app.get(&format!("/cases/{case}"), Some(&admin_page)).await;
    assert_eq!(
        page.status,
        StatusCode::OK,
        "the admin sees the case record"
    );
    assert!(
        !page.body.contains("Tante Mo") && !page.body.contains("<svg"),
        "but not the network"
    );
}

#[tokio::test]
async fn mapping_in_the_browser_flow_without_javascript() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Daan").await;
    let token = app.login_page("pro%40test.nl").await;
    for (name, ring, sector) in [
        ("Mama", "1", "family"),
        ("Buurvrouw Els", "2", "neighbourhood"),
        ("Trainer Bas", "3", "leisure"),
    ] {
        let r = app
            .post_form(
                &format!("/cases/{case}/members"),
                &format!(
                    "name={}&relation=x&ring={ring}&sector={sector}",
                    name.replace(' ', "+")
                ),
                Some(&token),
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location().ends_with("#snel"), "back to the fast form");
    }
    let bad = app
        .post_form(
            &format!("/cases/{case}/members"),
            "name=&relation=x&ring=4&sector=maan",
            Some(&token),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Kies cirkel 1, 2 of 3."),
        "{}",
        bad.body.len()
    );

    let page = app.get(&format!("/cases/{case}"), Some(&token)).await;
    assert!(page.body.contains("<svg") && page.body.contains("Buurvrouw Els"));
    assert!(
        page.body
            .contains("data-ring=\"2\" data-sector=\"neighbourhood\"")
    );
    let members = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &t,
        None,
    )
    .await
    .json();
    let els = members["items"][1]["id"].as_str().expect("id").to_string();
    let mama = members["items"][0]["id"].as_str().expect("id").to_string();

    // The member form moves Els to the inner ring and adds support; the place route does what
    // dragging does.
    let edit = app
        .get(&format!("/cases/{case}/members/{els}"), Some(&token))
        .await;
    assert_eq!(edit.status, StatusCode::OK);
    let r = app
        .post_form(&format!("/cases/{case}/members/{els}"), "name=Buurvrouw+Els&relation=buur&ring=1&sector=neighbourhood&stance=chosen&support_practical=to_youth&available=on&is_adult=on", Some(&token))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post_form(
            &format!("/cases/{case}/members/{mama}/place"),
            "ring=2&sector=family",
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post_form(
            &format!("/cases/{case}/ties"),
            &format!("from={mama}&to={els}&kind=stressful"),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post_form(
            &format!("/cases/{case}/versions"),
            "title=Eerste+gesprek",
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post_form(
            &format!("/cases/{case}/members"),
            "name=Opa+Jan&relation=opa&ring=1&sector=family",
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let versions = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/versions"),
        &t,
        None,
    )
    .await
    .json();
    let v1 = versions["items"][0]["id"]
        .as_str()
        .expect("version")
        .to_string();
    let cmp = app
        .get(
            &format!("/cases/{case}/versions/compare?from={v1}&to=current"),
            Some(&token),
        )
        .await;
    assert_eq!(cmp.status, StatusCode::OK);
    assert!(
        cmp.body.contains("Opa Jan") && cmp.body.contains("kwam erbij"),
        "who joined"
    );
    let api_cmp = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/versions/compare?from={v1}&to=current"),
        &t,
        None,
    )
    .await
    .json();
    assert_eq!(
        api_cmp["comparison"]["joined"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(api_cmp["from"]["size"]["all"], 3);
    assert_eq!(api_cmp["to"]["size"]["all"], 4);

    let print = app.get(&format!("/cases/{case}/print"), Some(&token)).await;
    assert_eq!(print.status, StatusCode::OK);
    assert!(print.body.contains("<svg"));
    for view in ["quadrant", "levels"] {
        let r = app
            .get(&format!("/cases/{case}?view={view}"), Some(&token))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{view}");
    }
}

#[tokio::test]
async fn exports_are_audited_escaped_and_guarded() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Mila").await;
    let a = add(&app, &t, &case, r#"{"name": "=HYPERLINK(\"http://x\")", "relation": "+31 6 123", "ring": 1, "sector": "friends"}"#).await;
    let b = add(
        &app,
        &t,
        &case,
        r#"{"name": "Zoë <b>&</b> 🙂", "relation": "tante", "ring": 2, "sector": "family"}"#,
    )
    .await;
    api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{a}", "to": "{b}", "kind": "knows"}}"#
        )),
    )
    .await;

    let g = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/export.graphml"),
        &t,
        None,
    )
    .await;
    assert_eq!(g.status, StatusCode::OK);
    assert!(
        g.body.contains("<graphml") && g.body.contains("Zoë &lt;b&gt;&amp;&lt;/b&gt; 🙂"),
        "escaped, diacritics and emoji kept"
    );
    assert_eq!(g.body.matches("<node ").count(), 3, "ego and two members");
    assert!(
        g.headers
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("attachment"))
    );
    let pseudo = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/export.graphml?pseudonymise=true"),
        &t,
        None,
    )
    .await;
    assert!(!pseudo.body.contains("Zoë") && !pseudo.body.contains("Mila"));

    let csv = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members.csv"),
        &t,
        None,
    )
    .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        csv.body.contains("\"'=HYPERLINK(\"\"http://x\"\")\"") || csv.body.contains("'=HYPERLINK"),
        "formula neutralised: {}",
        csv.body
    );
    assert!(
        !csv.body.contains(",=HYPERLINK") && !csv.body.contains(",+31"),
        "no cell starts with a formula character"
    );
    assert!(csv.body.contains("Naam of bijnaam"), "Dutch column names");
    let ties = api(
        &app,
        Method::GET,
        &format!("/api/v1/cases/{case}/ties.csv"),
        &t,
        None,
    )
    .await;
    assert_eq!(ties.status, StatusCode::OK);

    let token = app.login_page("pro%40test.nl").await;
    let svg = app
        .get(&format!("/cases/{case}/download?what=svg"), Some(&token))
        .await;
    assert_eq!(svg.status, StatusCode::OK);
    assert!(svg.body.starts_with("<svg") && !svg.body.contains("<b>"));
    let exports = app
        .audit()
        .await
        .into_iter()
        .filter(|r| {
            r.event.action == steunkring_domain::audit::AuditAction::Export
                && r.event.case_id.as_deref() == Some(case.as_str())
        })
        .count();
    assert_eq!(exports, 5, "every export is in the audit trail");

    let admin = app.login_api("beheer@test.nl").await;
    assert_eq!(
        api(
            &app,
            Method::GET,
            &format!("/api/v1/cases/{case}/export.graphml"),
            &admin,
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn corrections_keep_their_history() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Rik").await;
    let m = add(
        &app,
        &t,
        &case,
        r#"{"name": "Tante Els", "relation": "tante", "ring": 3, "sector": "family"}"#,
    )
    .await;
    let r = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{case}/members/{m}"),
        &t,
        Some(r#"{"name": "Tante Elsje", "ring": 1}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let token = app.login_page("pro%40test.nl").await;
    let page = app
        .get(&format!("/cases/{case}/members/{m}"), Some(&token))
        .await;
    assert!(page.body.contains("Geschiedenis"));
    assert!(
        page.body.contains("Tante Els → Tante Elsje"),
        "the correction shows what it replaced"
    );
    assert!(page.body.contains("Pim Professional"), "and who made it");
}

/// The case page keeps what it draws from the network in memory, per network revision: every
/// change through the API shows on the very next view (map, table and ties).
#[tokio::test]
async fn the_case_page_shows_every_change_at_once() {
    let app = TestApp::new().await;
    let t = app.login_api("pro@test.nl").await;
    let case = new_case(&app, &t, "Noor").await;
    let token = app.login_page("pro%40test.nl").await;
    let oma = add(
        &app,
        &t,
        &case,
        r#"{"name": "Oma Truus", "relation": "oma", "ring": 1, "sector": "family"}"#,
    )
    .await;
    let oom = add(
        &app,
        &t,
        &case,
        r#"{"name": "Oom Kees", "relation": "oom", "ring": 2, "sector": "family"}"#,
    )
    .await;
    let page = || async {
        let r = app.get(&format!("/cases/{case}"), Some(&token)).await;
        assert_eq!(r.status, StatusCode::OK);
        r.body
    };
    let removes = |body: &str| {
        body.matches(&format!("action=\"/cases/{case}/ties/remove\""))
            .count()
    };
    let first = page().await;
    assert!(first.contains("Oma Truus") && first.contains("Oom Kees"));
    assert_eq!(removes(&first), 0);
    assert_eq!(page().await, first, "kept, and the same");

    let r = api(
        &app,
        Method::PATCH,
        &format!("/api/v1/cases/{case}/members/{oma}"),
        &t,
        Some(r#"{"name": "Opa Jan"}"#),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let renamed = page().await;
    assert!(renamed.contains("Opa Jan") && !renamed.contains("Oma Truus"));
    let r = api(
        &app,
        Method::POST,
        &format!("/api/v1/cases/{case}/ties"),
        &t,
        Some(&format!(
            r#"{{"from": "{oma}", "to": "{oom}", "kind": "supportive"}}"#
        )),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(removes(&page().await), 1, "the new tie is listed");

    let r = api(
        &app,
        Method::DELETE,
        &format!("/api/v1/cases/{case}/members/{oom}"),
        &t,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let gone = page().await;
    assert!(!gone.contains("Oom Kees"), "the removed member is gone");
    assert_eq!(removes(&gone), 0, "and so is the tie");
}
