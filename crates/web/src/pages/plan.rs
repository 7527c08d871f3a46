//! The one plan and network meetings: the professional's pages under `/cases/{id}/plan` and `/cases/{id}/meetings`.

use crate::state::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
