//! `/api/v1/cases/{case}/destruction-request` and `/api/v1/cases/{case}/export`: the rights of
//! the young person and parents (destruction on request, Jeugdwet 7.3.9; access, GDPR art. 15).

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::Party;
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::rights::DestructionGround;
use steunkring_store::{Case, DestructionRequest, NewDestructionRequest, OrgScope, StoreError};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct DestructionRequestJson {
    pub id: String,
    /// The party that asked: `youth`, `parent:<index>` or `guardian`.
    pub requested_by: String,
    pub received_on: NaiveDate,
    /// Three months after receipt (Jeugdwet 7.3.9).
    pub deadline: NaiveDate,
    /// Whether the deadline has passed while the request is still open.
    pub overdue: bool,
    pub note: Option<String>,
    /// `requested` or `refused_exception`.
    pub status: String,
    /// The legal exception invoked, when refused.
    pub exception_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

pub fn request_json(d: &DestructionRequest) -> DestructionRequestJson {
    DestructionRequestJson {
        id: d.id.clone(),
        requested_by: d.requested_by.as_code(),
        received_on: d.received_on,
        deadline: d.deadline,
        overdue: d.status == steunkring_domain::rights::DestructionStatus::Requested
            && d.deadline < Utc::now().date_naive(),
        note: d.note.clone(),
        status: d.status.as_str().to_string(),
        exception_reason: d.exception_reason.clone(),
        decided_at: d.decided_at,
        created_at: d.created_at,
    }
}

/// Checks a party code against the case: the young person, a parent the case has, or a
/// guardian.
pub fn parse_party(case: &Case, raw: &str) -> Option<Party> {
    let party = Party::parse_code(raw)?;
    match party {
        Party::Parent(i) if usize::from(i) >= case.parents.len() => None,
        p => Some(p),
    }
}

async fn open(
    state: &AppState,
    user: &ApiUser,
    addr: &str,
    case: String,
    action: CaseAction,
) -> Result<(CaseId, Case), ApiError> {
    let id = CaseId::from_stored(case);
    let case = open_case(state, &user.actor, &id, action, addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    Ok((id, case))
}

fn store_error(user: &ApiUser, e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict("destruction_request") => {
            ApiError::conflict(user.lang, "error-destruction-conflict")
        }
        other => ApiError::from_store(user.lang, other),
    }
}

/// The case's current request to destroy the file (the latest, open or refused).
#[utoipa::path(get, path = "/api/v1/cases/{case}/destruction-request", tag = "rights", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = DestructionRequestJson), (status = 404, body = ErrorBody, description = "no such case, or no request recorded")))]
pub async fn get_request(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<DestructionRequestJson>, ApiError> {
    let (id, _) = open(&state, &user, &addr, case, CaseAction::HandleDestruction).await?;
    let found = state
        .store
        .destruction_request(&OrgScope::of(&user.actor), &id)
        .await
        .map_err(|e| store_error(&user, e))?;
    found
        .map(|d| Json(request_json(&d)))
        .ok_or_else(|| ApiError::not_found(user.lang))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDestructionRequestJson {
    /// Who asked: `youth`, `parent:<index>` (into the case's parents) or `guardian`.
    pub requested_by: String,
    /// The day the request was received.
    pub received_on: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
}

/// Records a request from the young person or a parent to destroy the file. The deadline is
/// three months after receipt. 409 while another request is open.
#[utoipa::path(post, path = "/api/v1/cases/{case}/destruction-request", tag = "rights", params(("case" = String, Path)),
    request_body = NewDestructionRequestJson, security(("bearer" = [])),
    responses((status = 201, body = DestructionRequestJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create_request(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewDestructionRequestJson>,
) -> Result<Response, ApiError> {
    let (id, case) = open(&state, &user, &addr, case, CaseAction::HandleDestruction).await?;
    let mut errors = Vec::new();
    let party = parse_party(&case, &body.requested_by);
    if party.is_none() {
        errors.push(FieldError::new("requested_by", "error-unknown-value"));
    }
    if body.received_on > Utc::now().date_naive() {
        errors.push(FieldError::new("received_on", "rights-error-future"));
    }
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if note.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        errors.push(FieldError::new("note", "error-too-long"));
    }
    let Some(requested_by) = party.filter(|_| errors.is_empty()) else {
        return Err(ApiError::invalid(user.lang, &errors));
    };
    let created = state
        .store
        .record_destruction_request(
            &OrgScope::of(&user.actor),
            &id,
            &NewDestructionRequest {
                requested_by,
                received_on: body.received_on,
                note,
            },
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok((StatusCode::CREATED, Json(request_json(&created))).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefusalJson {
    /// The legal exception that applies, e.g. the data is of considerable importance to someone
    /// else, or a law requires keeping it (Jeugdwet 7.3.9 lid 2).
    pub reason: String,
}

/// Refuses the open request because a legal exception applies, with its reason.
#[utoipa::path(post, path = "/api/v1/cases/{case}/destruction-request/refusal", tag = "rights", params(("case" = String, Path)),
    request_body = RefusalJson, security(("bearer" = [])),
    responses((status = 200, body = DestructionRequestJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn refuse(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<RefusalJson>,
) -> Result<Json<DestructionRequestJson>, ApiError> {
    let (id, _) = open(&state, &user, &addr, case, CaseAction::HandleDestruction).await?;
    let reason = body.reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        return Err(ApiError::invalid(
            user.lang,
            &[FieldError::new("reason", "error-required")],
        ));
    }
    let refused = state
        .store
        .refuse_destruction(
            &OrgScope::of(&user.actor),
            &id,
            reason,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(request_json(&refused)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DestructionJson {
    /// Must be `true`: destruction cannot be undone.
    pub confirm: bool,
}

#[derive(Serialize, ToSchema)]
pub struct DestructionDoneJson {
    /// Rows removed per table.
    pub removed: std::collections::BTreeMap<String, u64>,
    /// Participant accounts that take part in no other case and were disabled.
    pub disabled_accounts: usize,
}

/// Destroys the file on an open request: every piece of case data is removed from the
/// database. The audit trail keeps that it happened, not what it was.
#[utoipa::path(post, path = "/api/v1/cases/{case}/destruction-request/execution", tag = "rights", params(("case" = String, Path)),
    request_body = DestructionJson, security(("bearer" = [])),
    responses((status = 200, body = DestructionDoneJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "no open request"), (status = 422, body = ErrorBody)))]
pub async fn destroy(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<DestructionJson>,
) -> Result<Json<DestructionDoneJson>, ApiError> {
    let (id, _) = open(&state, &user, &addr, case, CaseAction::HandleDestruction).await?;
    if !body.confirm {
        return Err(ApiError::invalid(
            user.lang,
            &[FieldError::new("confirm", "rights-error-confirm")],
        ));
    }
    let report = state
        .store
        .destroy_case(
            &OrgScope::of(&user.actor),
            &id,
            DestructionGround::Request,
            case_event(&user.actor, AuditAction::Delete, &id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(DestructionDoneJson {
        removed: report
            .rows
            .iter()
            .map(|(t, n)| ((*t).to_string(), *n))
            .collect(),
        disabled_accounts: report.disabled_accounts.len(),
    }))
}

/// Builds the access export of a case the caller may export, and audits it as an export.
pub async fn export_zip(
    state: &AppState,
    actor: &steunkring_domain::Actor,
    case: Case,
    addr: &str,
) -> Result<Response, StoreError> {
    let id = case.id.clone();
    let scope = OrgScope::of(actor);
    let data = crate::rights::gather(state.store.as_ref(), &scope, case).await?;
    let bytes = crate::rights::zip_bytes(&data).map_err(|e| StoreError::Backend(e.into()))?;
    state
        .audit
        .record(
            case_event(actor, AuditAction::Export, &id, addr)
                .object("access_export", id.as_str())
                .purpose("access_request"),
        )
        .await?;
    let name = format!("inzage-{}.zip", id.as_str());
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// Everything on the case for a request for access (GDPR art. 15): a ZIP with
/// `samenvatting.html` (readable, in Dutch) and `gegevens.json`. For the professionals of the
/// team, who check it before handing it over.
#[utoipa::path(get, path = "/api/v1/cases/{case}/export", tag = "rights", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, content_type = "application/zip", description = "the ZIP"), (status = 404, body = ErrorBody)))]
pub async fn export(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Response, ApiError> {
    let (_, case) = open(
        &state,
        &user,
        &addr,
        case,
        CaseAction::ExportForAccessRequest,
    )
    .await?;
    export_zip(&state, &user.actor, case, &addr)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))
}
