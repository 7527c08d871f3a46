//! The plan and network meetings in the JSON API: `/plan`, `/plan/versions`, `/plan.pdf` and
//! `/meetings` under a case.

use crate::state::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
}

#[derive(OpenApi)]
#[openapi(paths())]
pub struct PlanApi;
