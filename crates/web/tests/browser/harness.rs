//! Starts the app on a loopback port, a chromedriver, and a headless Chromium session.

use crate::app::TestApp;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    pub base: String,
    pub app: TestApp,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn find(program: &str) -> Option<String> {
    let path = std::env::var("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
}

impl Browser {
    /// A browser on a fresh app, with a window of `width` × `height` CSS pixels. `None` when
    /// the machine has no chromedriver (and this is not CI).
    pub async fn start(width: u32, height: u32) -> Option<Browser> {
        let Some(driver_path) = find("chromedriver") else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI must run the browser tests: install chromium-driver"
            );
            eprintln!("skipped: chromedriver is not installed");
            return None;
        };
        let chromium = ["chromium", "chromium-browser", "google-chrome"]
            .into_iter()
            .find_map(find)
            .expect("chromium");

        let app = TestApp::new().await;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let router = app
            .router
            .clone()
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });

        let port = free_port();
        let driver = Command::new(driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = tempfile::tempdir().expect("profile dir");
        let caps = serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                    "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=nl-NL",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "prefs": { "intl.accept_languages": "nl-NL,nl" }
            }
        });
        let mut caps = caps.as_object().cloned().expect("object");
        if width < 500 {
            // Desktop windows do not get narrower than 500 px; a phone is emulated instead.
            caps["goog:chromeOptions"]["mobileEmulation"] = serde_json::json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": 1.0, "touch": true }
            });
        }
        let url = format!("http://127.0.0.1:{port}");
        let mut client = None;
        for _ in 0..100 {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => {
                    client = Some(c);
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        let client = client.expect("a WebDriver session within 10 s");
        Some(Browser {
            client,
            base,
            app,
            driver,
            _profile: profile,
        })
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .expect("navigate");
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.client.find(Locator::Css(css)).await.expect(css);
        field.clear().await.expect("clear");
        field.send_keys(value).await.expect("type");
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .expect(css)
            .select_by_value(value)
            .await
            .expect("select");
    }

    /// Sets a value through the DOM (date inputs take typed keys in the browser's locale).
    pub async fn set_value(&self, id: &str, value: &str) {
        self.client
            .execute(
                "document.getElementById(arguments[0]).value = arguments[1];",
                vec![serde_json::json!(id), serde_json::json!(value)],
            )
            .await
            .expect("set value");
    }

    /// Logs in through the login page.
    pub async fn login(&self, email: &str) {
        self.login_with(email, crate::app::PASSWORD).await;
    }

    pub async fn login_with(&self, email: &str, password: &str) {
        self.goto("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", password).await;
        self.click("button.primary").await;
        self.wait_path("/").await;
    }

    /// Logs out through the button in the navigation.
    pub async fn logout(&self) {
        self.click(".nav .who button").await;
        self.wait_path("/login").await;
    }

    /// The page's HTML.
    pub async fn source(&self) -> String {
        self.client.source().await.expect("source")
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .expect(css)
            .click()
            .await
            .expect("click");
    }

    /// Submits a form as its submit button would (`requestSubmit`: validation included).
    pub async fn submit(&self, form_css: &str) {
        self.client
            .execute(
                "document.querySelector(arguments[0]).requestSubmit();",
                vec![serde_json::json!(form_css)],
            )
            .await
            .expect("submit");
    }

    pub async fn text(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .expect(css)
            .text()
            .await
            .expect("text")
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        url.path().to_string()
    }

    /// Waits (up to 10 s) until the browser is on `expected`, then checks it.
    pub async fn wait_path(&self, expected: &str) {
        for _ in 0..100 {
            if self.path().await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(self.path().await, expected);
    }

    /// Waits (up to 10 s) until the element shows `expected`, then checks it.
    pub async fn wait_text(&self, css: &str, expected: &str) {
        for _ in 0..100 {
            if let Ok(el) = self.client.find(Locator::Css(css)).await
                && el.text().await.is_ok_and(|t| t == expected)
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(self.text(css).await, expected);
    }

    /// Waits (up to 10 s) until the element's text contains `needle`.
    pub async fn wait_contains(&self, css: &str, needle: &str) {
        for _ in 0..100 {
            if let Ok(el) = self.client.find(Locator::Css(css)).await
                && el.text().await.is_ok_and(|t| t.contains(needle))
            {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let text = self.text(css).await;
        assert!(text.contains(needle), "{css}: {text:?} lacks {needle:?}");
    }

    /// The page is no wider than the window: nothing to scroll sideways on a phone.
    pub async fn assert_no_horizontal_scroll(&self) {
        let v = self
            .client
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .expect("script");
        let (scroll, inner) = (v[0].as_i64().unwrap_or(0), v[1].as_i64().unwrap_or(0));
        assert!(
            scroll <= inner,
            "page is {scroll}px wide in a {inner}px window"
        );
    }

    /// Saves a screenshot under `target/browser-screenshots/` for people to look at.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let dir = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../target/browser-screenshots"
            );
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(format!("{dir}/{name}.png"), png);
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
