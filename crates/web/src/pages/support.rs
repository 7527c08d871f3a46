//! Support figures (JIM), concerns and moral deliberations: the professional's pages under `/cases/{id}/support`.

use crate::state::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
