//! Consent in a real browser on a phone-sized window: a professional invites a 14-year-old, a
//! parent with gezag and a support figure; the young person rejects someone and chooses a
//! support figure; the support figure sees the map only after both the young person and the
//! parent consented, and loses it at once when the young person withdraws.

use crate::app::api;
use crate::harness::Browser;
use axum::http::Method;

/// Reads the code from the "invitation made" page.
pub(crate) async fn invite(
    b: &Browser,
    case: &str,
    kind: &str,
    name: &str,
    member: Option<&str>,
    parent: Option<&str>,
) -> String {
    b.goto(&format!("/cases/{case}#deelnemers")).await;
    b.select("#inv-kind", kind).await;
    b.fill("#inv-name", name).await;
    if let Some(m) = member {
        b.select("#inv-member", m).await;
    }
    if let Some(p) = parent {
        b.select("#inv-parent", p).await;
    }
    b.click(".invite-form button").await;
    b.wait_text("h1", "Uitnodiging gemaakt").await;
    b.text("#invitation-code").await
}

pub(crate) async fn accept(b: &Browser, code: &str, name: &str, email: &str) {
    b.goto(&format!("/invite/{code}")).await;
    b.fill("#name", name).await;
    b.fill("#email", email).await;
    b.fill("#password", "mijn-eigen-lange-zin").await;
    b.fill("#repeat", "mijn-eigen-lange-zin").await;
    b.click("form.stack button.primary").await;
    b.wait_path("/").await;
}

pub(crate) async fn open_my_case(b: &Browser) {
    b.click(".card h2 a").await;
    b.wait_contains("h1", "etwerk").await;
}

#[tokio::test]
async fn a_support_figure_sees_the_map_only_with_both_consents_on_a_phone() {
    let Some(b) = Browser::start(360, 800).await else {
        return;
    };
    let app = &b.app;
    // The case and its network, set up through the API.
    let pro = app.login_api("pro@test.nl").await;
    let birth =
        (chrono::Utc::now().date_naive() - chrono::Duration::days(14 * 365 + 30)).to_string();
    let body = format!(
        r#"{{"youth": {{"name": "Noa Jansen", "birth_date": "{birth}"}}, "setting": "wijkteam", "parents": [{{"name": "Ria Jansen", "gezag": true}}]}}"#
    );
    let case = api(app, Method::POST, "/api/v1/cases", &pro, Some(&body))
        .await
        .json()["id"]
        .as_str()
        .expect("id")
        .to_string();
    let add = |body: &'static str| {
        let case = case.clone();
        let pro = pro.clone();
        async move {
            api(
                app,
                Method::POST,
                &format!("/api/v1/cases/{case}/members"),
                &pro,
                Some(body),
            )
            .await
            .json()["id"]
                .as_str()
                .expect("id")
                .to_string()
        }
    };
    let coach =
        add(r#"{"name": "Coach Mo", "relation": "coach", "ring": 2, "sector": "leisure"}"#).await;
    let oom =
        add(r#"{"name": "Oom Karel", "relation": "oom", "ring": 2, "sector": "family"}"#).await;

    // The professional invites the young person, the parent and the support figure, and asks
    // consent to share the map with support figures.
    b.login("pro@test.nl").await;
    let youth_code = invite(&b, &case, "youth", "Noa", None, None).await;
    let parent_code = invite(&b, &case, "parent", "Ria", None, Some("0")).await;
    let sf_code = invite(&b, &case, "support_figure", "Coach Mo", Some(&coach), None).await;
    b.goto(&format!("/cases/{case}/sharing")).await;
    b.select("#ask-category", "network_map").await;
    b.select("#ask-recipient", "role:support_figures").await;
    b.click("#toestemmingen form.filters button.primary").await;
    b.wait_contains(".consents", "Wacht op toestemming").await;
    b.logout().await;

    // The young person joins on their phone, rejects Oom Karel, chooses Coach Mo, consents.
    accept(&b, &youth_code, "Noa", "noa@test.nl").await;
    open_my_case(&b).await;
    b.assert_no_horizontal_scroll().await;
    b.select(&format!("#stance-{oom}"), "rejected").await;
    b.click(&format!("li[data-member='{oom}'] .stance-form button"))
        .await;
    b.wait_contains(&format!("li[data-member='{oom}']"), "Oom Karel")
        .await;
    b.select(&format!("#stance-{coach}"), "chosen").await;
    b.click(&format!("li[data-member='{coach}'] .stance-form button"))
        .await;
    b.wait_contains(&format!("li[data-member='{coach}']"), "Coach Mo")
        .await;
    b.click(".consent form[action$='/give'] button").await;
    b.wait_contains(".consent", "Wacht op toestemming").await;
    b.screenshot("youth-phone").await;
    let members = api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/members"),
        &pro,
        None,
    )
    .await
    .json();
    let stance = |id: &str| {
        members["items"]
            .as_array()
            .and_then(|ms| ms.iter().find(|m| m["id"] == id))
            .map(|m| m["stance"].clone())
            .unwrap_or_default()
    };
    assert_eq!(
        stance(&oom),
        "rejected",
        "the young person rejected Oom Karel"
    );
    assert_eq!(stance(&coach), "chosen", "and chose Coach Mo");
    b.logout().await;

    // The support figure joins: no map yet (only one of the two deciders consented).
    accept(&b, &sf_code, "Mo", "mo@test.nl").await;
    open_my_case(&b).await;
    b.wait_contains("#map-hidden", "toestemming").await;
    assert!(
        !b.source().await.contains("<svg"),
        "no map before both consented"
    );
    b.logout().await;

    // The parent with gezag joins and consents.
    accept(&b, &parent_code, "Ria", "ria@test.nl").await;
    open_my_case(&b).await;
    b.click(".consent form[action$='/give'] button").await;
    b.wait_contains(".consent", "Geldt").await;
    b.logout().await;

    // Now the support figure sees the map.
    b.login_with("mo@test.nl", "mijn-eigen-lange-zin").await;
    open_my_case(&b).await;
    assert!(
        b.source().await.contains("<svg"),
        "both consented: the map is shared"
    );
    b.screenshot("support-figure-phone").await;
    b.logout().await;

    // The young person withdraws; the support figure loses the map at once.
    b.login_with("noa@test.nl", "mijn-eigen-lange-zin").await;
    open_my_case(&b).await;
    b.click(".consent form[action$='/withdraw'] button").await;
    b.wait_contains(".consent", "Ingetrokken").await;
    b.logout().await;
    b.login_with("mo@test.nl", "mijn-eigen-lange-zin").await;
    open_my_case(&b).await;
    b.wait_contains("#map-hidden", "ingetrokken").await;
    assert!(!b.source().await.contains("<svg"), "withdrawn at once");
    b.close().await;
}
