//! `/api/v1/cases/{case}/invitations` and `/api/v1/invitations/{code}`.

use super::ApiUser;
use crate::auth::{self, ClientAddr};
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::invitations::{code_hash, expires_from, new_code};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::MemberId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::{Email, FieldError, Password, PersonName};
use steunkring_store::{
    NewParticipant, NewUser, OrgScope, ParticipantEntry, ParticipantKind, SessionKind, StoreError,
};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ParticipantJson {
    pub id: String,
    /// `youth`, `parent` or `support_figure`
    pub kind: String,
    pub name: String,
    pub member_id: Option<String>,
    pub parent_index: Option<u8>,
    /// Whether the person has accepted and has an account.
    pub active: bool,
    pub invitation: Option<InvitationJson>,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationJson {
    pub id: String,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Only in the answer that created it: the code itself is never stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

fn to_json(e: &ParticipantEntry, code: Option<String>) -> ParticipantJson {
    ParticipantJson {
        id: e.participant.id.clone(),
        kind: e.participant.kind.as_str().to_string(),
        name: e.participant.display_name.clone(),
        member_id: e.participant.member_id.as_ref().map(|m| m.to_string()),
        parent_index: e.participant.parent_index,
        active: e.participant.user_id.is_some(),
        invitation: e.invitation.as_ref().map(|i| InvitationJson {
            id: i.id.clone(),
            expires_at: i.expires_at,
            used_at: i.used_at,
            revoked_at: i.revoked_at,
            code: code.clone(),
        }),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ParticipantList {
    pub items: Vec<ParticipantJson>,
    pub next: Option<String>,
}

/// Who takes part in the case, with their invitations.
#[utoipa::path(get, path = "/api/v1/cases/{case}/invitations", tag = "participants", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ParticipantList), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<ParticipantList>, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(
        &state,
        &user.actor,
        &id,
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    .map_err(|e| ApiError::from_case(user.lang, e))?;
    let entries = state
        .store
        .list_participants(&OrgScope::of(&user.actor), &id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(ParticipantList {
        items: entries.iter().map(|e| to_json(e, None)).collect(),
        next: None,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitationJson {
    /// `youth`, `parent` or `support_figure`
    pub kind: String,
    pub name: String,
    /// The network member this person is, if any.
    #[serde(default)]
    pub member_id: Option<String>,
    #[serde(default)]
    pub parent_index: Option<u8>,
}

/// Invites a person: answers the one-time code (valid 7 days), which is never shown again.
#[utoipa::path(post, path = "/api/v1/cases/{case}/invitations", tag = "participants", params(("case" = String, Path)), request_body = NewInvitationJson,
    security(("bearer" = [])), responses((status = 201, body = ParticipantJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewInvitationJson>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(case);
    open_case(
        &state,
        &user.actor,
        &id,
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    .map_err(|e| ApiError::from_case(lang, e))?;
    let mut errors = Vec::new();
    let kind = ParticipantKind::parse(&body.kind);
    if kind.is_none() {
        errors.push(FieldError::new("kind", "error-unknown-value"));
    }
    let name = PersonName::parse("name", &body.name)
        .map_err(|e| errors.push(e))
        .ok();
    let (Some(kind), Some(name)) = (kind, name) else {
        return Err(ApiError::invalid(lang, &errors));
    };
    let code = new_code();
    let new = NewParticipant {
        kind,
        display_name: name.as_str().to_string(),
        member_id: body
            .member_id
            .filter(|m| !m.trim().is_empty())
            .map(MemberId::from_stored),
        parent_index: body.parent_index,
        code_hash: code_hash(&code),
        expires_at: expires_from(Utc::now()),
    };
    match state
        .store
        .invite(
            &OrgScope::of(&user.actor),
            &id,
            &new,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(entry) => Ok((StatusCode::CREATED, Json(to_json(&entry, Some(code)))).into_response()),
        Err(StoreError::NotFound) => Err(ApiError::invalid(
            lang,
            &[FieldError::new("member_id", "error-tie-members-unknown")],
        )),
        Err(e) => Err(ApiError::from_store(lang, e)),
    }
}

#[derive(Serialize, ToSchema)]
pub struct InvitationStatus {
    /// Whether the code can still be used.
    pub valid: bool,
    /// `youth`, `parent` or `support_figure`, when valid.
    pub kind: Option<String>,
    pub name: Option<String>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// What an invitation code is for (without revealing anything about the case).
#[utoipa::path(get, path = "/api/v1/invitations/{code}", tag = "participants", params(("code" = String, Path)),
    responses((status = 200, body = InvitationStatus), (status = 429, body = ErrorBody)))]
pub async fn status(
    State(state): State<AppState>,
    lang: crate::i18n::Lang,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
) -> Result<Json<InvitationStatus>, ApiError> {
    if locked(&state, &addr).await {
        return Err(ApiError::too_many(lang));
    }
    let found = state
        .store
        .find_invitation(&code_hash(&code))
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    match found.filter(|f| f.invitation.open_at(Utc::now()) && f.participant.user_id.is_none()) {
        Some(f) => Ok(Json(InvitationStatus {
            valid: true,
            kind: Some(f.participant.kind.as_str().to_string()),
            name: Some(f.participant.display_name),
            expires_at: Some(f.invitation.expires_at),
        })),
        None => {
            bad_code(&state, &addr).await;
            Ok(Json(InvitationStatus {
                valid: false,
                kind: None,
                name: None,
                expires_at: None,
            }))
        }
    }
}

async fn locked(state: &AppState, addr: &str) -> bool {
    let since = Utc::now() - steunkring_domain::throttle::WINDOW;
    let n = state
        .store
        .login_failures_for_addr(addr, since)
        .await
        .unwrap_or(0);
    steunkring_domain::throttle::address_locked(usize::try_from(n).unwrap_or(usize::MAX))
}

async fn bad_code(state: &AppState, addr: &str) {
    let event = AuditEvent::new(Utc::now(), AuditAction::LoginFailed, Outcome::Failure)
        .object("invitation", "unknown")
        .from_addr(Some(addr.to_string()));
    let _ = state
        .store
        .record_login_failure("invitation", addr, event)
        .await;
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptJson {
    pub name: String,
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct AcceptedJson {
    pub token: String,
    pub user_id: String,
}

/// Accepts an invitation with a new account; answers a bearer token (and sets the session cookie).
#[utoipa::path(post, path = "/api/v1/invitations/{code}", tag = "participants", params(("code" = String, Path)), request_body = AcceptJson,
    responses((status = 201, body = AcceptedJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody), (status = 429, body = ErrorBody)))]
pub async fn accept(
    State(state): State<AppState>,
    lang: crate::i18n::Lang,
    ClientAddr(addr): ClientAddr,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<AcceptJson>,
) -> Result<Response, ApiError> {
    if locked(&state, &addr).await {
        return Err(ApiError::too_many(lang));
    }
    let hash = code_hash(&code);
    let found = state
        .store
        .find_invitation(&hash)
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    let Some(found) =
        found.filter(|f| f.invitation.open_at(Utc::now()) && f.participant.user_id.is_none())
    else {
        bad_code(&state, &addr).await;
        return Err(ApiError::not_found(lang));
    };
    let mut errors = Vec::new();
    let name = PersonName::parse("name", &body.name)
        .map_err(|e| errors.push(e))
        .ok();
    let email = Email::parse(&body.email).map_err(|e| errors.push(e)).ok();
    let password = Password::parse(&body.password)
        .map_err(|p| errors.push(FieldError::new("password", p.key())))
        .ok();
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return Err(ApiError::invalid(lang, &errors));
    };
    let now = Utc::now();
    let password_hash = crate::password::hash(&password)
        .await
        .map_err(|e| ApiError::internal(lang, &e))?;
    let user = NewUser {
        email,
        name,
        roles: vec![found.participant.kind.role()],
        teams: Vec::new(),
        password_hash,
        at: now,
    };
    let event = AuditEvent::new(now, AuditAction::Create, Outcome::Success)
        .purpose("care")
        .from_addr(Some(addr.clone()));
    let user_id = match state
        .store
        .accept_invitation_new(&hash, user, now, event)
        .await
    {
        Ok(id) => id,
        Err(StoreError::Conflict("email")) => {
            return Err(ApiError::conflict(lang, "invite-email-taken"));
        }
        Err(StoreError::Conflict(_)) => return Err(ApiError::not_found(lang)),
        Err(e) => return Err(ApiError::from_store(lang, e)),
    };
    let token = auth::start_session(
        &state,
        &user_id,
        &found.org_id,
        found.participant.kind.role(),
        SessionKind::Api,
        &addr,
    )
    .await
    .map_err(|e| ApiError::from_store(lang, e))?;
    let mut response = (
        StatusCode::CREATED,
        Json(AcceptedJson {
            token: token.clone(),
            user_id: user_id.to_string(),
        }),
    )
        .into_response();
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
    Ok(response)
}
