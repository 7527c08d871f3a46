//! Real-browser tests: headless Chromium driven over WebDriver (Debian's `chromium` and
//! `chromedriver`) against a real server on a loopback port.
//!
//! Without chromedriver on the machine the tests are skipped with a message — except under
//! `CI=true`, where that is a failure (`.ci/run` installs it).

#[path = "../http/app.rs"]
#[allow(dead_code)]
mod app;
mod harness;
mod measure;
mod network;
mod plan;
mod session;
mod sharing;
