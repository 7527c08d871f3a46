//! Errors a person sees: what went wrong and what to do, in their language. Internals go to the
//! log only, under an id the person can quote.

use crate::i18n::{Lang, Tr};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::collections::BTreeMap;
use steunkring_domain::FieldError;
use steunkring_store::StoreError;

/// An error of the JSON API, rendered as `{"error": {"code", "message", "fields"}}`.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub fields: BTreeMap<String, String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// A stable machine code, e.g. `invalid_input`, `not_found`, `too_many_attempts`.
    pub code: String,
    /// What went wrong, in the caller's language.
    pub message: String,
    /// Per offending field: why it was refused.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, lang: Lang, key: &str) -> ApiError {
        ApiError {
            status,
            code,
            message: Tr::new(lang).t(key),
            fields: BTreeMap::new(),
        }
    }

    pub fn bad_request(lang: Lang, code: &'static str, key: &str) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, lang, key)
    }
    pub fn unauthorized(lang: Lang) -> ApiError {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "not_logged_in",
            lang,
            "error-not-logged-in",
        )
    }
    pub fn forbidden(lang: Lang) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", lang, "error-forbidden")
    }
    pub fn not_found(lang: Lang) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", lang, "error-not-found")
    }
    pub fn too_many(lang: Lang) -> ApiError {
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            lang,
            "error-too-many-attempts",
        )
    }
    pub fn conflict(lang: Lang, key: &str) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, "conflict", lang, key)
    }

    /// 422 with per-field reasons.
    pub fn invalid(lang: Lang, errors: &[FieldError]) -> ApiError {
        let tr = Tr::new(lang);
        let mut e = ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_input",
            lang,
            "error-invalid-input",
        );
        for fe in errors {
            e.fields
                .entry(fe.field.to_string())
                .or_insert_with(|| tr.t(fe.key));
        }
        e
    }

    pub fn with_field(mut self, field: impl Into<String>, why: impl Into<String>) -> ApiError {
        self.fields.insert(field.into(), why.into());
        self
    }

    /// An unexpected failure: logged with an incident id; the caller gets the id only.
    pub fn internal(lang: Lang, err: &dyn std::fmt::Display) -> ApiError {
        let incident = incident_id();
        tracing::error!(%incident, error = %err, "internal error");
        let mut e = ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            lang,
            "error-internal",
        );
        e.message = Tr::new(lang).t1("error-internal-incident", "incident", &incident);
        e
    }

    pub fn from_store(lang: Lang, err: StoreError) -> ApiError {
        match err {
            StoreError::NotFound => ApiError::not_found(lang),
            StoreError::Conflict("email") => ApiError::conflict(lang, "error-email-taken"),
            StoreError::Conflict(_) => ApiError::conflict(lang, "error-conflict"),
            other => ApiError::internal(lang, &other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code.to_string(),
                message: self.message,
                fields: self.fields,
            },
        };
        (self.status, axum::Json(body)).into_response()
    }
}

/// A short random id that ties a person's error page to the log line.
pub fn incident_id() -> String {
    let bytes: [u8; 5] = rand::random();
    hex::encode(bytes)
}
