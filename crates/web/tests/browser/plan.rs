//! The one plan in a real browser on a phone-sized window: the professional plans a network
//! meeting with four invitees from the map (and is warned that they have no consent yet),
//! records that it was held, writes the plan — two goals, five actions of which three are held
//! by network members, one safety agreement — and adopts it from the meeting. The young person
//! and a support figure join; the young person shares the plan (not the safety section) with
//! support figures and signs off; the support figure marks her own action done and signs off;
//! the professional sees both; the support figure's handout holds the actions but not the
//! safety section. Along the way the young person names the support figure herself (JIM), the
//! professional screens her, and she says yes from her own account.

use crate::app::api;
use crate::harness::Browser;
use crate::sharing::{accept, invite};
use axum::http::Method;
use serde_json::json;

async fn add_member(
    app: &crate::app::TestApp,
    pro: &str,
    case: &str,
    name: &str,
    relation: &str,
    sector: &str,
) -> String {
    let body = json!({"name": name, "relation": relation, "ring": 1, "sector": sector});
    api(
        app,
        Method::POST,
        &format!("/api/v1/cases/{case}/members"),
        pro,
        Some(&body.to_string()),
    )
    .await
    .json()["id"]
        .as_str()
        .expect("member id")
        .to_string()
}

/// Opens every folded form on the page (a person clicks the summary; the test does not
/// depend on whether it was open already).
async fn unfold(b: &Browser) {
    b.client
        .execute(
            "document.querySelectorAll('details').forEach(d => d.open = true);",
            vec![],
        )
        .await
        .expect("unfold");
}

/// Adds one action through the plan page's form.
async fn add_action(b: &Browser, case: &str, what: &str, who: &str, due: &str) {
    // Without a fragment: always a fresh page with the plan's current revision.
    b.goto(&format!("/cases/{case}/plan")).await;
    unfold(b).await;
    b.fill("#action-what", what).await;
    // Through the DOM: choosing the option that is already chosen leaves Chromium's list open.
    b.set_value("action-who", who).await;
    b.set_value("action-due", due).await;
    // The form's own submission (as its button does, validation included): at the foot of a
    // long page on a phone-sized window, headless Chromium's pointer click does not always
    // reach the button.
    b.submit("#acties form.stack").await;
    b.wait_contains("#acties table", what).await;
}

/// The text of a PDF as an independent reader extracts it, whitespace runs as one space.
fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).unwrap_or_else(|e| panic!("not a PDF: {e}"));
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).expect("text");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn a_network_meeting_ends_in_one_plan_that_everyone_acts_on() {
    let Some(b) = Browser::start(360, 800).await else {
        return;
    };
    let app = &b.app;
    let pro = app.login_api("pro@test.nl").await;
    let birth =
        (chrono::Utc::now().date_naive() - chrono::Duration::days(17 * 365 + 40)).to_string();
    let body = json!({"youth": {"name": "Sanne de Wit", "birth_date": birth}, "setting": "wijkteam",
        "parents": [{"name": "Karin de Wit", "gezag": true}]});
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
    let oma = add_member(app, &pro, &case, "Oma Ria", "oma", "family").await;
    let ahmed = add_member(
        app,
        &pro,
        &case,
        "Buurman Ahmed",
        "buurman",
        "neighbourhood",
    )
    .await;
    let mo = add_member(app, &pro, &case, "Coach Mo", "coach", "leisure").await;
    let els = add_member(app, &pro, &case, "Tante Els", "tante", "family").await;

    // The professional plans the meeting with four invitees from the map.
    b.login("pro@test.nl").await;
    b.goto(&format!("/cases/{case}/meetings")).await;
    b.select("#mt-kind", "family_group_conference").await;
    b.fill(
        "#mt-question",
        "Hoe kan Sanne thuis blijven wonen en weer naar school gaan? Één vraag, in onze woorden 💬",
    )
    .await;
    b.set_value("mt-start", "2027-01-12T19:30").await;
    b.fill("#mt-location", "Buurthuis De Wiek").await;
    for m in [&oma, &ahmed, &mo, &els] {
        b.click(&format!("#inv-{m}")).await;
    }
    b.click("#plannen button.primary").await;
    b.wait_contains("#meeting-status", "Gepland").await;
    b.wait_contains("#waarschuwingen", "Oma Ria: geen toestemming voor")
        .await;
    assert!(
        b.text(".own-question")
            .await
            .contains("Één vraag, in onze woorden 💬")
    );
    assert!(b.source().await.contains("invitation.ics"));
    b.fill("#held-private", "45").await;
    b.click(&format!("#att-{els}")).await; // Tante Els could not come.
    b.click("#gehouden button.primary").await;
    b.wait_contains("#meeting-status", "Gehouden").await;
    assert!(b.source().await.contains("Tante Els · was er niet"));

    // The plan: two goals, five actions (three by network members), one safety agreement.
    b.goto(&format!("/cases/{case}/plan")).await;
    for (text, holder) in [
        ("Ik wil weer elke dag naar school", "youth"),
        ("Rust in huis na het avondeten", "parent"),
    ] {
        b.goto(&format!("/cases/{case}/plan")).await;
        unfold(&b).await;
        b.fill("#goal-text", text).await;
        b.set_value("goal-holder", holder).await;
        b.submit("#doelen form.stack").await;
        b.wait_contains("#doelen ol", text).await;
    }
    add_action(
        &b,
        &case,
        "Sanne ’s ochtends ophalen voor school 🚲",
        &format!("member:{oma}"),
        "2027-02-01",
    )
    .await;
    add_action(
        &b,
        &case,
        "Huiswerk samen plannen op dinsdag",
        &format!("member:{ahmed}"),
        "2027-02-15",
    )
    .await;
    add_action(
        &b,
        &case,
        "Voetbaltraining op woensdag",
        &format!("member:{mo}"),
        "2027-03-01",
    )
    .await;
    add_action(&b, &case, "Wekker zetten om 7 uur", "youth", "2027-01-20").await;
    add_action(&b, &case, "Gesprek met de mentor", "parent:0", "2027-01-25").await;
    b.goto(&format!("/cases/{case}/plan")).await;
    unfold(&b).await;
    b.fill("#ag-concern", "Ruzie als vader gedronken heeft")
        .await;
    b.fill("#ag-agreement", "Sanne slaapt dan bij oma").await;
    b.fill("#ag-watch", "Oma Ria").await;
    b.fill("#ag-wrong", "Oma belt het wijkteam").await;
    b.assert_no_horizontal_scroll().await;
    b.submit("#veiligheid details form.stack").await;
    b.wait_contains("#veiligheid", "Sanne slaapt dan bij oma")
        .await;
    b.goto(&format!("/cases/{case}/plan#vaststellen")).await;
    let meeting = api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/meetings"),
        &pro,
        None,
    )
    .await
    .json()["items"][0]["id"]
        .as_str()
        .expect("meeting")
        .to_string();
    b.select("#adopt-meeting", &meeting).await;
    b.submit("#vaststellen form").await;
    b.wait_contains("#plan-status", "Versie 1").await;

    // The young person and the support figure (Oma Ria) are invited; the plan is to be
    // shared with support figures, without the safety section.
    let youth_code = invite(&b, &case, "youth", "Sanne", None, None).await;
    let oma_code = invite(&b, &case, "support_figure", "Oma Ria", Some(&oma), None).await;
    b.goto(&format!("/cases/{case}/sharing")).await;
    b.select("#ask-category", "plan").await;
    b.select("#ask-recipient", "role:support_figures").await;
    b.click("#toestemmingen form.filters button.primary").await;
    b.wait_contains(".consents", "Wacht op toestemming").await;
    b.logout().await;

    // The young person (17) gives consent and signs off on her phone.
    accept(&b, &youth_code, "Sanne", "sanne@test.nl").await;
    b.click(".card h2 a").await;
    b.wait_contains("#plan", "Versie 1").await;
    b.assert_no_horizontal_scroll().await;
    assert!(
        b.text("#plan").await.contains("Sanne slaapt dan bij oma"),
        "her own safety section"
    );
    b.click(".consent form[action$='/give'] button").await;
    b.wait_contains(".consent", "Geldt").await;
    b.click("#plan form[action$='/sign-off'] button").await;
    b.wait_contains("#signed", "akkoord").await;
    b.screenshot("plan-youth-phone").await;
    // She names Oma Ria as her support figure (JIM), in her own words.
    b.set_value("mine-nominate-member", &oma).await;
    b.fill(
        "#mine-nominate-words",
        "Oma is er altijd voor me ❤️ — ook ’s nachts",
    )
    .await;
    b.submit("#steunfiguren form.stack").await;
    b.wait_contains("#steunfiguren", "Voorgedragen").await;
    b.logout().await;

    // The professional screens the nomination and approves it.
    b.login("pro@test.nl").await;
    let figure = api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/support-figures"),
        &pro,
        None,
    )
    .await
    .json()["items"][0]["id"]
        .as_str()
        .expect("the nomination")
        .to_string();
    b.goto(&format!("/cases/{case}/support/figures/{figure}"))
        .await;
    assert!(
        b.source()
            .await
            .contains("Oma is er altijd voor me ❤️ — ook ’s nachts")
    );
    b.click("input[name='decision'][value='approve']").await;
    b.fill(
        "#screening-reason",
        "Kent Sanne al jaren; geen zorgen over veiligheid",
    )
    .await;
    b.submit("#screening form").await;
    b.wait_contains("#figure-status", "Goedgekeurd").await;
    b.logout().await;

    // Oma Ria joins, says yes to being Sanne's support figure, finds her task on her home
    // page, marks it done and signs off.
    accept(&b, &oma_code, "Oma Ria", "ria@test.nl").await;
    b.wait_contains("#mijn-taken", "Sanne ’s ochtends ophalen voor school")
        .await;
    b.click("#mijn-taken a").await;
    b.wait_contains("#plan", "Mijn taken").await;
    b.submit("#steunfiguren form[action$='/accept']").await;
    b.wait_contains("#steunfiguren", "Actief").await;
    b.wait_contains("#plan", "Mijn taken").await;
    b.assert_no_horizontal_scroll().await;
    let page = b.text("#plan").await;
    assert!(
        !page.contains("Sanne slaapt dan bij oma"),
        "no consent for the safety section"
    );
    assert!(
        page.contains("Voetbaltraining op woensdag"),
        "the whole plan"
    );
    b.select("[data-action] select", "done").await;
    b.fill("[data-action] textarea", "Gelukt, elke dag op tijd 👍")
        .await;
    b.click("[data-action] form button").await;
    b.wait_contains("[data-action] .status", "Klaar").await;
    b.click("#plan form[action$='/sign-off'] button").await;
    b.wait_contains("#signed", "akkoord").await;
    b.screenshot("plan-support-figure-phone").await;
    // Her handout: the actions, not the safety section.
    assert!(b.source().await.contains("plan.pdf"));
    let cookie = b
        .client
        .get_named_cookie("steunkring")
        .await
        .expect("session cookie")
        .value()
        .to_string();
    let oma_p = b.path().await;
    let pdf = app.get(&format!("{oma_p}/plan.pdf"), Some(&cookie)).await;
    assert_eq!(pdf.status, axum::http::StatusCode::OK);
    let text = pdf_text(&pdf.bytes);
    assert!(
        text.contains("Sanne ’s ochtends ophalen voor school 🚲"),
        "{text}"
    );
    assert!(text.contains("Gesprek met de mentor"));
    assert!(!text.contains("Sanne slaapt dan bij oma"), "{text}");
    b.logout().await;

    // The professional sees who agreed, and that Oma's action is done.
    b.login("pro@test.nl").await;
    b.goto(&format!("/cases/{case}/plan")).await;
    let signed = b.text("#signed-by").await;
    assert!(
        signed.contains("Sanne") && signed.contains("Oma Ria"),
        "{signed}"
    );
    let row = b.text("#acties table tbody tr:first-child").await;
    assert!(
        row.contains("Klaar") && row.contains("Gelukt, elke dag op tijd 👍"),
        "{row}"
    );
    b.close().await;
}
