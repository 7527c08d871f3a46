//! Security headers on every response (ASVS 14.4) and the translated refusal of cross-site
//! form posts.

use crate::auth::request_lang;
use crate::pages::error_page;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// No inline script or style anywhere: everything comes from `/static`.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; \
frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Adds the security headers, and `Cache-Control: no-store` to everything but static assets
/// (pages and API answers carry personal data).
pub async fn headers(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    req.extensions_mut().insert(crate::auth::TrustedProxies(
        state.config.trusted_proxies.clone().into(),
    ));
    let is_static = req.uri().path().starts_with("/static/");
    let lang = request_lang(req.headers());
    let is_api = req.uri().path().starts_with("/api/");
    let mut response = next.run(req).await;

    // The CSRF layer answers a bare 403; give the person a page (or JSON) they can read.
    if response
        .extensions()
        .get::<tower_http::csrf::ProtectionError>()
        .is_some()
    {
        response = if is_api {
            crate::error::ApiError::new(
                StatusCode::FORBIDDEN,
                "cross_site_request",
                lang,
                "error-cross-site",
            )
            .into_response()
        } else {
            error_page(lang, StatusCode::FORBIDDEN, "error-cross-site")
        };
    }

    let h = response.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    set(
        h,
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if state.config.https {
        set(
            h,
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    if is_static {
        set(h, header::CACHE_CONTROL, "public, max-age=3600");
    } else {
        set(h, header::CACHE_CONTROL, "no-store");
        set(h, header::PRAGMA, "no-cache");
    }
    response
}
