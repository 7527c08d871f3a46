//! `/api/v1/exports/research`: the pseudonymised research dataset for analysts (see
//! [`crate::research`]).

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::error::{ApiError, ErrorBody};
use crate::research::{ResearchFormat, research_download};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use serde::Deserialize;
use steunkring_domain::FieldError;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/exports/research", get(export_research))
}

#[derive(OpenApi)]
#[openapi(paths(export_research))]
pub struct ResearchApi;

#[derive(Deserialize)]
pub struct ResearchParams {
    #[serde(default)]
    pub format: Option<String>,
}

/// The pseudonymised research dataset: one row per case whose consent covers research today
/// (a research consent on the measurements, given by everyone who decides, not withdrawn,
/// within its period). No names, the birth year only, months instead of dates; cases are
/// known by codes drawn afresh for every download, so they are stable within one file and
/// differ between files. `format`: `csv` (default), `xlsx` (sheets `data` and `codebook`) or
/// `codebook` (the codebook alone, as CSV). Analysts only; audited as an export.
#[utoipa::path(get, path = "/api/v1/exports/research", tag = "research",
    params(("format" = Option<String>, Query, description = "csv (default), xlsx or codebook")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The file, as an attachment: the dataset or the codebook as CSV (UTF-8 with BOM, cells guarded against formulas), or the workbook (binary)",
            content(
                (String = "text/csv"),
                (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            )),
        (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
pub async fn export_research(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Query(p): Query<ResearchParams>,
) -> Result<Response, ApiError> {
    let Some(format) = ResearchFormat::parse(p.format.as_deref()) else {
        return Err(ApiError::invalid(
            user.lang,
            &[FieldError::new("format", "error-unknown-value")],
        ));
    };
    research_download(&state, &user.actor, user.lang, format, &addr).await
}
