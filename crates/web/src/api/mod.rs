//! The JSON API under `/api/v1` (see `shared/api-v1.md`), documented by the OpenAPI document
//! at `/api/openapi.json`, which is generated from these handlers.

mod cases;
mod checks;
mod fhir;
mod insights;
mod measurements;
mod network;
mod participants;
mod plan;
mod research;
mod rights;
mod session;
mod sharing;
mod support;
mod trends;

pub use network::{ExportKind, ExportParams, export_response, parse_version, version_or_current};
pub use plan::ics_response as meeting_ics_response;
pub use rights::{export_zip, parse_party};

use crate::auth::{CurrentSession, actor_of};
use crate::error::ApiError;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use steunkring_domain::Actor;
use steunkring_store::{SessionRecord, SessionStage};
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/v1/login", post(session::login))
        .route("/api/v1/logout", post(session::logout))
        .route("/api/v1/me", get(session::me))
        .route("/api/v1/cases", get(cases::list).post(cases::create))
        .route("/api/v1/cases/{case}", get(cases::get).patch(cases::patch))
        .route("/api/v1/cases/{case}/access-log", get(cases::access_log))
        .route(
            "/api/v1/cases/{case}/members",
            get(network::list_members).post(network::add_member),
        )
        .route(
            "/api/v1/cases/{case}/members/{member}",
            get(network::get_member)
                .patch(network::patch_member)
                .delete(network::delete_member),
        )
        .route(
            "/api/v1/cases/{case}/ties",
            get(network::list_ties).post(network::add_tie),
        )
        .route("/api/v1/cases/{case}/map.svg", get(network::map_svg))
        .route(
            "/api/v1/cases/{case}/invitations",
            get(participants::list).post(participants::create),
        )
        .route(
            "/api/v1/invitations/{code}",
            get(participants::status).post(participants::accept),
        )
        .route("/api/v1/cases/{case}/indicators", get(network::indicators))
        .route(
            "/api/v1/cases/{case}/export.graphml",
            get(network::export_graphml),
        )
        .route(
            "/api/v1/cases/{case}/members.csv",
            get(network::export_members_csv),
        )
        .route(
            "/api/v1/cases/{case}/ties.csv",
            get(network::export_ties_csv),
        )
        .route(
            "/api/v1/cases/{case}/versions",
            get(network::list_versions).post(network::save_version),
        )
        .route(
            "/api/v1/cases/{case}/versions/compare",
            get(network::compare_versions),
        )
        .route(
            "/api/v1/cases/{case}/consents",
            get(sharing::list).post(sharing::ask),
        )
        .route(
            "/api/v1/cases/{case}/consents/{consent}/give",
            post(sharing::give),
        )
        .route(
            "/api/v1/cases/{case}/consents/{consent}/withdraw",
            post(sharing::withdraw),
        )
        .route("/api/v1/cases/{case}/visibility", get(sharing::visibility))
        .route(
            "/api/v1/cases/{case}/destruction-request",
            get(rights::get_request).post(rights::create_request),
        )
        .route(
            "/api/v1/cases/{case}/destruction-request/refusal",
            post(rights::refuse),
        )
        .route(
            "/api/v1/cases/{case}/destruction-request/execution",
            post(rights::destroy),
        )
        .route("/api/v1/cases/{case}/export", get(rights::export))
        .merge(plan::routes())
        .merge(support::routes())
        .merge(checks::routes())
        .merge(measurements::routes())
        .merge(trends::routes())
        .merge(fhir::routes())
        .merge(research::routes())
        .merge(insights::routes())
        .route("/api/v1/{*rest}", axum::routing::any(unknown))
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Steunkring API",
        version = "1",
        description = "The JSON API of Steunkring. Errors have the form {\"error\": {\"code\", \"message\", \"fields\"}}; every /api/v1 call accepts `Authorization: Bearer <token>` from POST /api/v1/login."
    ),
    paths(
        session::login,
        session::logout,
        session::me,
        crate::health,
        cases::list,
        cases::create,
        cases::get,
        cases::patch,
        cases::access_log,
        network::list_members,
        network::add_member,
        network::get_member,
        network::patch_member,
        network::delete_member,
        network::list_ties,
        network::add_tie,
        network::map_svg,
        network::indicators,
        network::list_versions,
        network::save_version,
        network::compare_versions,
        network::export_graphml,
        network::export_members_csv,
        network::export_ties_csv,
        participants::list,
        participants::create,
        participants::status,
        participants::accept,
        sharing::list,
        sharing::ask,
        sharing::give,
        sharing::withdraw,
        sharing::visibility,
        rights::get_request,
        rights::create_request,
        rights::refuse,
        rights::destroy,
        rights::export
    ),
    components(schemas(crate::error::ErrorBody, crate::error::ErrorDetail)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document, as JSON: the core routes and those of each larger area, which keeps
/// its own list beside its handlers.
pub fn openapi_document() -> serde_json::Value {
    let mut doc = ApiDoc::openapi();
    doc.merge(plan::PlanApi::openapi());
    doc.merge(support::SupportApi::openapi());
    doc.merge(checks::ChecksApi::openapi());
    doc.merge(measurements::MeasurementsApi::openapi());
    doc.merge(trends::TrendsApi::openapi());
    doc.merge(fhir::FhirApi::openapi());
    doc.merge(research::ResearchApi::openapi());
    doc.merge(insights::InsightsApi::openapi());
    serde_json::to_value(doc).unwrap_or_default()
}

async fn openapi_json() -> Json<serde_json::Value> {
    Json(openapi_document())
}

async fn unknown(lang: Lang) -> ApiError {
    ApiError::not_found(lang)
}

/// A fully logged-in caller of the API (bearer token or session cookie); anyone else gets 401.
pub struct ApiUser {
    pub actor: Actor,
    pub session: SessionRecord,
    pub lang: Lang,
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        let lang = crate::auth::request_lang(&parts.headers);
        match parts
            .extensions
            .get::<CurrentSession>()
            .and_then(|c| c.0.clone())
        {
            Some(s) if s.stage == SessionStage::Full => Ok(ApiUser {
                actor: actor_of(&s),
                session: s,
                lang,
            }),
            _ => Err(ApiError::unauthorized(lang).into_response()),
        }
    }
}
