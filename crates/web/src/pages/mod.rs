//! Server-rendered pages. They work without JavaScript, read well on a 360 px phone, and speak
//! Dutch unless the person chose English.

mod account;
mod admin;
pub mod cases;
pub(crate) mod checks;
mod guide;
mod home;
mod insights;
mod login;
pub(crate) mod measurements;
mod meetings;
mod mine;
mod mine_plan;
pub(crate) mod network;
mod participants;
mod plan;
mod research;
pub(crate) mod rights;
mod sharing;
mod support;
mod team;
pub(crate) mod trends;

use crate::auth::{CurrentSession, actor_of};
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::de::DeserializeOwned;
use steunkring_domain::policy::{OrgAction, permits_in_org};
use steunkring_domain::{Actor, Role};
use steunkring_store::{SessionRecord, SessionStage};

pub use meetings::{MeetingError, plan_meeting};
pub use plan::{
    adopt_plan as plan_adopt, pdf_response as pdf_download, plan_pdf as plan_handout_pdf,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/login", get(login::form).post(login::submit))
        .route(
            "/login/code",
            get(login::code_form).post(login::code_submit),
        )
        .route("/logout", post(login::logout))
        .route("/language", post(login::language))
        .route("/account", get(account::page))
        .route("/account/password", post(account::change_password))
        .route(
            "/account/second-factor",
            get(account::second_factor_form).post(account::second_factor_enrol),
        )
        .route(
            "/account/second-factor/remove",
            post(account::second_factor_remove),
        )
        .route("/cases", get(cases::list).post(cases::create))
        .route("/cases/new", get(cases::new_form))
        .route("/cases/{id}", get(network::show))
        .route("/cases/{id}/members", post(network::add))
        .route(
            "/cases/{id}/members/{member}",
            get(network::edit).post(network::update),
        )
        .route("/cases/{id}/members/{member}/place", post(network::place))
        .route("/cases/{id}/members/{member}/remove", post(network::remove))
        .route("/cases/{id}/ties", post(network::add_tie))
        .route("/cases/{id}/ties/remove", post(network::remove_tie))
        .route("/cases/{id}/versions", post(network::save_version))
        .route(
            "/cases/{id}/versions/compare",
            get(network::compare_versions),
        )
        .route("/cases/{id}/print", get(network::print))
        .route("/cases/{id}/download", get(network::download))
        .route("/cases/{id}/invitations", post(participants::invite))
        .route(
            "/cases/{id}/invitations/{inv}/revoke",
            post(participants::revoke),
        )
        .route(
            "/cases/{id}/participants/{p}/reinvite",
            post(participants::reinvite),
        )
        .route(
            "/invite",
            get(participants::code_form).post(participants::code_submit),
        )
        .route("/cases/{id}/sharing", get(sharing::page))
        .route(
            "/cases/{id}/sharing/guide",
            get(guide::page).post(guide::decide),
        )
        .route(
            "/cases/{id}/sharing/framework",
            post(sharing::set_framework),
        )
        .route("/cases/{id}/consents", post(sharing::ask))
        .route("/cases/{id}/consents/{c}/give", post(sharing::record_given))
        .route("/cases/{id}/consents/{c}/withdraw", post(sharing::withdraw))
        .route("/cases/{id}/withholdings", post(sharing::withhold))
        .route("/cases/{id}/withholdings/{w}/lift", post(sharing::lift))
        .route("/mijn/{p}", get(mine::page))
        .route("/mijn/{p}/members", post(mine::add_person))
        .route("/mijn/{p}/members/{m}/stance", post(mine::set_stance))
        .route("/mijn/{p}/consents/{c}/give", post(mine::give))
        .route("/mijn/{p}/consents/{c}/withdraw", post(mine::withdraw))
        .route("/mijn/{p}/log", get(mine::log))
        .route(
            "/invite/{code}",
            get(participants::open).post(participants::accept),
        )
        .route(
            "/cases/{id}/edit",
            get(cases::edit_form).post(cases::update),
        )
        .route("/cases/{id}/close", post(cases::close))
        .route("/cases/{id}/reopen", post(cases::reopen))
        .route("/admin/users", get(admin::users).post(admin::create_user))
        .route("/admin/users/{id}/disable", post(admin::disable_user))
        .route("/admin/users/{id}/enable", post(admin::enable_user))
        .route("/admin/teams", get(admin::teams).post(admin::create_team))
        .route("/admin/settings", post(admin::settings))
        .route("/admin/audit", get(admin::audit))
        .route("/cases/{id}/rights", get(rights::page))
        .route("/cases/{id}/rights/export", get(rights::export))
        .route("/cases/{id}/rights/request", post(rights::record))
        .route("/cases/{id}/rights/refuse", post(rights::refuse))
        .route("/cases/{id}/rights/destroy", post(rights::destroy))
        .route("/admin/retention", get(rights::retention))
        .route(
            "/admin/retention/{id}/destroy",
            post(rights::retention_destroy),
        )
        .merge(plan::routes())
        .merge(meetings::routes())
        .merge(mine_plan::routes())
        .merge(support::routes())
        .merge(checks::routes())
        .merge(measurements::routes())
        .merge(trends::routes())
        .merge(team::routes())
        .merge(research::routes())
        .merge(insights::routes())
}

/// A link in the main navigation.
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// What every page's frame needs: words, the person, the navigation.
pub struct Shell {
    pub tr: Tr,
    pub user_name: Option<String>,
    pub nav: Vec<NavLink>,
}

impl Shell {
    /// The frame for a logged-in person, with the navigation their roles allow.
    pub fn for_actor(lang: Lang, actor: &Actor, current: &str) -> Shell {
        let tr = Tr::new(lang);
        let mut nav = vec![("/", "nav-home")];
        if steunkring_domain::policy::case_list_scope(actor)
            != steunkring_domain::policy::CaseListScope::Nothing
        {
            nav.push(("/cases", "nav-cases"));
        }
        if permits_in_org(actor, OrgAction::ViewTeamOverview, &actor.org_id) {
            nav.push(("/team", "nav-team"));
        }
        if permits_in_org(actor, OrgAction::ManageUsers, &actor.org_id) {
            nav.push(("/admin/users", "nav-users"));
            nav.push(("/admin/teams", "nav-teams"));
        }
        if permits_in_org(actor, OrgAction::ViewInsights, &actor.org_id) {
            nav.push(("/insights", "nav-insights"));
        }
        if permits_in_org(actor, OrgAction::ViewAuditTrail, &actor.org_id) {
            nav.push(("/admin/audit", "nav-audit"));
        }
        if permits_in_org(actor, OrgAction::ReviewRetention, &actor.org_id) {
            nav.push(("/admin/retention", "nav-retention"));
        }
        if permits_in_org(actor, OrgAction::ExportResearch, &actor.org_id) {
            nav.push(("/exports/research", "nav-research"));
        }
        nav.push(("/account", "nav-account"));
        let nav = nav
            .into_iter()
            .map(|(href, key)| NavLink {
                href,
                label: tr.t(key),
                current: href == current,
            })
            .collect();
        Shell {
            tr,
            user_name: Some(actor.name.clone()),
            nav,
        }
    }

    /// The frame for someone not (fully) logged in.
    pub fn anonymous(lang: Lang) -> Shell {
        Shell {
            tr: Tr::new(lang),
            user_name: None,
            nav: Vec::new(),
        }
    }

    /// A role's name in the page's language.
    pub fn role_name(&self, role: &Role) -> String {
        self.tr
            .t(&format!("role-{}", role.as_str().replace('_', "-")))
    }
}

/// Renders a template, or the friendly error page if rendering fails.
pub fn render<T: Template>(lang: Lang, page: &T) -> Response {
    match page.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            let incident = crate::error::incident_id();
            tracing::error!(%incident, error = %e, "template failed");
            error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    shell: Shell,
    title: String,
    message: String,
    status: u16,
}

/// A translated error page (403, 404, 429, 500 …) that says what to do next.
pub fn error_page(lang: Lang, status: StatusCode, key: &str) -> Response {
    let shell = Shell::anonymous(lang);
    let page = ErrorPage {
        title: shell.tr.t(&format!("error-title-{}", status.as_u16())),
        message: shell.tr.t(key),
        status: status.as_u16(),
        shell,
    };
    let body = page
        .render()
        .unwrap_or_else(|_| "Er ging iets mis. Something went wrong.".to_string());
    (status, Html(body)).into_response()
}

/// The unknown-page answer (the router's fallback).
pub async fn not_found(lang: Lang) -> Response {
    error_page(lang, StatusCode::NOT_FOUND, "error-not-found")
}

/// A fully logged-in person on a page. Anyone else is sent to where they must go next:
/// the login page, the second-factor step, or the enrolment page.
pub struct PageUser {
    pub actor: Actor,
    pub session: SessionRecord,
    pub lang: Lang,
}

impl FromRequestParts<AppState> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let lang = crate::auth::request_lang(&parts.headers);
        let session = parts
            .extensions
            .get::<CurrentSession>()
            .and_then(|c| c.0.clone());
        match session {
            Some(s) if s.stage == SessionStage::Full => Ok(PageUser {
                actor: actor_of(&s),
                session: s,
                lang,
            }),
            Some(s) if s.stage == SessionStage::AwaitingSecondFactor => {
                Err(Redirect::to("/login/code").into_response())
            }
            Some(_) => Err(Redirect::to("/account/second-factor").into_response()),
            None => Err(Redirect::to("/login").into_response()),
        }
    }
}

impl PageUser {
    /// The 403 page, unless the policy allows `action`.
    pub fn refusal(&self, action: OrgAction) -> Option<Response> {
        (!permits_in_org(&self.actor, action, &self.actor.org_id))
            .then(|| error_page(self.lang, StatusCode::FORBIDDEN, "error-forbidden"))
    }
}

/// A submitted form (repeated keys become lists); a malformed one gets a 400 page.
pub struct PageForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequest<S> for PageForm<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = crate::auth::request_lang(req.headers());
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| error_page(lang, StatusCode::BAD_REQUEST, "error-unreadable-body"))?;
        serde_html_form::from_bytes(&bytes)
            .map(PageForm)
            .map_err(|_| error_page(lang, StatusCode::BAD_REQUEST, "error-unreadable-body"))
    }
}

/// A redirect after a form post (303, so that reload does not post again).
pub fn see_other(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, to.to_string())]).into_response()
}
