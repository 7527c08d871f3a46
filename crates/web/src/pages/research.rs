//! `/exports/research`: the analysts' page for the pseudonymised research dataset — what it
//! holds, which cases are in it, and the downloads (served by `/api/v1/exports/research`).

use super::{PageUser, Shell, render};
use crate::research::ResearchFormat;
use askama::Template;
use axum::Router;
use axum::response::Response;
use axum::routing::get;
use steunkring_domain::policy::OrgAction;

use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/exports/research", get(page))
}

pub struct DownloadLink {
    pub href: String,
    pub label: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "research.html")]
struct ResearchPage {
    shell: Shell,
    title: String,
    downloads: Vec<DownloadLink>,
}

/// `GET /exports/research`, for analysts only.
pub async fn page(user: PageUser) -> Response {
    if let Some(refused) = user.refusal(OrgAction::ExportResearch) {
        return refused;
    }
    let shell = Shell::for_actor(user.lang, &user.actor, "/exports/research");
    let tr = &shell.tr;
    let downloads = ResearchFormat::ALL
        .iter()
        .map(|f| DownloadLink {
            href: format!("/api/v1/exports/research?format={}", f.as_str()),
            label: tr.t(&format!("research-download-{}", f.as_str())),
            note: tr.t(&format!("research-download-{}-note", f.as_str())),
        })
        .collect();
    let page = ResearchPage {
        title: tr.t("research-title"),
        downloads,
        shell,
    };
    render(user.lang, &page)
}
