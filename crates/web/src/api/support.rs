//! Support figures, concerns and moral deliberations in the JSON API: `/support-figures`,
//! `/concerns` and `/deliberations` under a case.

use crate::state::AppState;
use axum::Router;
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new()
}

#[derive(OpenApi)]
#[openapi(paths())]
pub struct SupportApi;
