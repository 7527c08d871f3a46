//! `POST /api/v1/login`, `POST /api/v1/logout`, `GET /api/v1/me`.

use super::ApiUser;
use crate::auth::{self, ClientAddr, CurrentSession, LoginOutcome};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use steunkring_domain::Role;
use steunkring_store::{SessionKind, SessionStage};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
    /// The current code of the second factor, for accounts that have one.
    #[serde(default)]
    pub totp: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UserSummary {
    pub id: String,
    pub name: String,
    #[schema(value_type = Vec<String>)]
    pub roles: Vec<Role>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`. Valid until logout, 30 minutes without use, or
    /// 12 hours after login.
    pub token: String,
    pub user: UserSummary,
}

/// Log in; answers a bearer token and also sets the browser session cookie.
#[utoipa::path(
    post,
    path = "/api/v1/login",
    tag = "session",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = LoginResponse),
        (status = 400, description = "Malformed body", body = ErrorBody),
        (status = 401, description = "Wrong e-mail or password, or the second-factor code is missing or wrong", body = ErrorBody),
        (status = 403, description = "The organisation requires a second factor the account has not set up", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
        (status = 429, description = "Too many failed attempts", body = ErrorBody)
    )
)]
pub async fn login(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Response {
    let outcome = auth::attempt_login(
        &state,
        &req.email,
        &req.password,
        req.totp.as_deref(),
        SessionKind::Api,
        &addr,
    )
    .await;
    match outcome {
        Ok(LoginOutcome::Started { token, stage }) => {
            if stage != SessionStage::Full {
                // Only the web pages can take someone through enrolment.
                let _ = state
                    .store
                    .delete_session(&auth::token_hash(&token), None)
                    .await;
                return ApiError::new(
                    StatusCode::FORBIDDEN,
                    "second_factor_enrolment_required",
                    lang,
                    "error-second-factor-enrolment",
                )
                .into_response();
            }
            let session = match state.store.find_session(&auth::token_hash(&token)).await {
                Ok(Some(s)) => s,
                Ok(None) => return ApiError::internal(lang, &"session vanished").into_response(),
                Err(e) => return ApiError::internal(lang, &e).into_response(),
            };
            let body = LoginResponse {
                user: UserSummary {
                    id: session.user_id.to_string(),
                    name: session.name.clone(),
                    roles: session.roles.clone(),
                },
                token: token.clone(),
            };
            let mut response = Json(body).into_response();
            response
                .headers_mut()
                .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
            response
        }
        Ok(LoginOutcome::Invalid) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
            lang,
            "login-invalid",
        )
        .into_response(),
        Ok(LoginOutcome::SecondFactorRequired) => ApiError::new(
            StatusCode::UNAUTHORIZED,
            "second_factor_required",
            lang,
            "error-second-factor-required",
        )
        .into_response(),
        Ok(LoginOutcome::Throttled) => ApiError::too_many(lang).into_response(),
        Err(e) => ApiError::internal(lang, &e).into_response(),
    }
}

/// Log out: ends the session or token at once.
#[utoipa::path(
    post,
    path = "/api/v1/logout",
    tag = "session",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Logged out"),
        (status = 401, description = "Not logged in", body = ErrorBody)
    )
)]
pub async fn logout(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
) -> Response {
    let Some(session) = current.0 else {
        return ApiError::unauthorized(lang).into_response();
    };
    if let Err(e) = auth::logout(&state, &session, &addr).await {
        return ApiError::internal(lang, &e).into_response();
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::clear_session_cookie(&state));
    response
}

/// Who is logged in.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "session",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The logged-in user", body = UserSummary),
        (status = 401, description = "Not logged in", body = ErrorBody)
    )
)]
pub async fn me(user: ApiUser) -> Json<UserSummary> {
    Json(UserSummary {
        id: user.actor.user_id.to_string(),
        name: user.actor.name.clone(),
        roles: user.actor.roles.clone(),
    })
}
