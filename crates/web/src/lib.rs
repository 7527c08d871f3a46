//! Steunkring's web layer: server-rendered pages that work without JavaScript, and the JSON
//! API under `/api/v1`. Handlers ask the domain's policy; they never decide who may see what.

pub mod api;
pub mod audit;
pub mod auth;
pub mod cases;
pub mod checks;
pub mod drawn;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod insights;
pub mod invitations;
pub mod measurements;
pub mod network;
pub mod pages;
pub mod password;
pub mod plan;
pub mod recent_sessions;
pub mod research;
pub mod rights;
pub mod security;
pub mod sharing;
pub mod state;
pub mod support;
pub mod totp;
pub mod trends;

use axum::extract::{DefaultBodyLimit, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Router, middleware};
use std::sync::Arc;
use std::time::Duration;
use steunkring_store::Store;

pub use state::AppState;

/// Settings of the web layer.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Served over HTTPS (directly or behind a proxy that terminates TLS): cookies get `Secure`
    /// and the `__Host-` prefix, and HSTS is sent.
    pub https: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed: behind one, the client's address
    /// (for login throttling and the audit trail) is the nearest address in that header that
    /// is not itself a trusted proxy. Empty: the header is ignored, as anyone can send it.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// The whole application as one router: pages, API, health, static assets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .route("/healthz", get(health))
        .route("/static/app.css", get(stylesheet))
        .route("/static/app.js", get(script))
        .fallback(pages::not_found)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            auth::resolve_session,
        ))
        .layer(tower_http::csrf::CsrfLayer::new())
        .layer(DefaultBodyLimit::max(extract::BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .with_state(state)
}

/// `200 ok` when the process can reach its database.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    responses(
        (status = 200, description = "The database answers", body = String),
        (status = 503, description = "The database does not answer", body = String)
    )
)]
pub async fn health(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn stylesheet() -> Response {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../static/app.css"),
    )
        .into_response()
}

async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../static/app.js"),
    )
        .into_response()
}

/// Runs the server on `listener` until the process is asked to stop (Ctrl-C, SIGTERM).
/// Expired sessions and old login failures are swept every five minutes.
pub async fn serve(
    store: Arc<dyn Store>,
    config: WebConfig,
    listener: tokio::net::TcpListener,
) -> anyhow::Result<()> {
    let state = AppState::new(store.clone(), config);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(300));
        loop {
            tick.tick().await;
            if let Err(e) = store.delete_expired_sessions(chrono::Utc::now()).await {
                tracing::warn!(error = %e, "session sweep failed");
            }
        }
    });
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
