//! Logging in through the login page on a phone-sized window.

use crate::app::PASSWORD;
use crate::harness::Browser;

#[tokio::test]
async fn log_in_through_the_login_page_and_see_home() {
    let Some(b) = Browser::start(360, 800).await else {
        return;
    };
    b.goto("/").await;
    assert_eq!(
        b.path().await,
        "/login",
        "anonymous visitors land on the login page"
    );
    assert_eq!(b.text("h1").await, "Inloggen");
    b.assert_no_horizontal_scroll().await;
    b.screenshot("login-360").await;

    // A wrong password first: an error the person can read, focus on it.
    b.fill("#email", "pro@test.nl").await;
    b.fill("#password", "niet-het-wachtwoord").await;
    b.click("button.primary").await;
    b.wait_text(
        "#login-error",
        "Het e-mailadres of het wachtwoord klopt niet.",
    )
    .await;

    b.fill("#password", PASSWORD).await;
    b.click("button.primary").await;
    b.wait_path("/").await;
    b.wait_text("h1", "Welkom, Pim Professional").await;
    b.assert_no_horizontal_scroll().await;
    b.screenshot("home-360").await;
    let logins = b
        .app
        .audit()
        .await
        .into_iter()
        .filter(|r| r.event.action == steunkring_domain::audit::AuditAction::Login)
        .count();
    assert_eq!(logins, 1, "the login is in the audit trail");

    // Switch to English; it sticks on the next page.
    b.click(".lang-switch button").await;
    b.wait_text("h1", "Welcome, Pim Professional").await;
    b.goto("/account").await;
    b.wait_text("h1", "My account").await;

    // Log out; the home page is closed again.
    b.screenshot("account-en-360").await;
    b.click(".nav .who button").await;
    b.wait_path("/login").await;
    b.goto("/").await;
    b.wait_path("/login").await;
    b.close().await;
}

#[tokio::test]
async fn keyboard_users_can_skip_to_the_content() {
    let Some(b) = Browser::start(1024, 768).await else {
        return;
    };
    b.goto("/login").await;
    let first = b
        .client
        .execute(
            "document.activeElement.blur(); document.body.focus(); return document.querySelector('a').className;",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(
        first.as_str(),
        Some("skip-link"),
        "the first link is the skip link"
    );
    let main = b
        .client
        .execute("return document.querySelector('main').id;", vec![])
        .await
        .expect("script");
    assert_eq!(main.as_str(), Some("main"));
    b.close().await;
}
