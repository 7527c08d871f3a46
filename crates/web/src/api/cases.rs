//! `/api/v1/cases`: list, open, read, change and close cases; the access log.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{CaseAccessError, case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::Lang;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::Role;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::case::{CaseDetails, CaseInput, CaseStatus, Parent};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::{CaseAction, CaseListScope, case_list_scope, may_open_case};
use steunkring_store::{AuditFilter, Case, CaseQuery, CaseSummary, OrgScope, StoreError};
use utoipa::{IntoParams, ToSchema};

impl ApiError {
    pub fn from_case(lang: Lang, e: CaseAccessError) -> ApiError {
        match e {
            CaseAccessError::NotFound => ApiError::not_found(lang),
            CaseAccessError::Internal(e) => ApiError::internal(lang, &e),
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema, Default, Clone)]
pub struct YouthJson {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// `YYYY-MM-DD`
    pub birth_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct RefJson {
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Deserialize, ToSchema, Clone)]
pub struct ParentJson {
    pub name: String,
    /// Holds *gezag* (legal authority).
    #[serde(default)]
    pub gezag: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CaseJson {
    pub id: String,
    pub youth: YouthJson,
    /// `wijkteam`, `ambulant_specialist`, `residential`, `jeugdzorgplus`, `foster_care`, `crisis`
    pub setting: String,
    pub team: RefJson,
    pub network_lead: Option<RefJson>,
    pub parents: Vec<ParentJson>,
    /// `open` or `closed`
    pub status: String,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub updated_at: chrono::DateTime<Utc>,
}

impl From<&Case> for CaseJson {
    fn from(c: &Case) -> Self {
        CaseJson {
            id: c.id.to_string(),
            youth: YouthJson {
                name: c.youth_name.clone(),
                preferred_name: c.preferred_name.clone(),
                birth_date: c.birth_date.to_string(),
                gender: c.gender.clone(),
            },
            setting: c.setting.as_str().to_string(),
            team: RefJson {
                id: c.team_id.to_string(),
                name: c.team_name.clone(),
            },
            network_lead: c.network_lead.as_ref().map(|id| RefJson {
                id: id.to_string(),
                name: c.network_lead_name.clone().unwrap_or_default(),
            }),
            parents: c
                .parents
                .iter()
                .map(|p| ParentJson {
                    name: p.name.clone(),
                    gezag: p.gezag,
                })
                .collect(),
            status: c.status.as_str().to_string(),
            opened_on: c.opened_on,
            closed_on: c.closed_on,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CaseSummaryJson {
    pub id: String,
    pub youth_name: String,
    pub birth_date: NaiveDate,
    pub setting: String,
    pub team: RefJson,
    pub status: String,
    pub opened_on: NaiveDate,
}

impl From<&CaseSummary> for CaseSummaryJson {
    fn from(c: &CaseSummary) -> Self {
        CaseSummaryJson {
            id: c.id.to_string(),
            youth_name: c.youth_name.clone(),
            birth_date: c.birth_date,
            setting: c.setting.as_str().to_string(),
            team: RefJson {
                id: c.team_id.to_string(),
                name: c.team_name.clone(),
            },
            status: c.status.as_str().to_string(),
            opened_on: c.opened_on,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct CaseList {
    pub items: Vec<CaseSummaryJson>,
    /// Pass as `cursor` for the next page; `null` on the last page.
    pub next: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct ListParams {
    /// Part of the young person's name.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub include_closed: bool,
    #[serde(default)]
    pub cursor: Option<String>,
}

const PAGE: u32 = 50;

/// The cases the caller may see, newest first.
#[utoipa::path(get, path = "/api/v1/cases", tag = "cases", params(ListParams), security(("bearer" = [])),
    responses((status = 200, body = CaseList), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Query(p): Query<ListParams>,
) -> Result<Json<CaseList>, ApiError> {
    let teams = match case_list_scope(&user.actor) {
        CaseListScope::Nothing => {
            return Ok(Json(CaseList {
                items: Vec::new(),
                next: None,
            }));
        }
        CaseListScope::Teams(t) => Some(t),
        CaseListScope::Organisation => None,
    };
    let query = CaseQuery {
        teams,
        search: p.q.clone(),
        include_closed: p.include_closed,
        after: p.cursor,
        limit: PAGE,
    };
    let found = state
        .store
        .list_cases(&OrgScope::of(&user.actor), &query)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    let mut event = steunkring_domain::audit::AuditEvent::new(
        Utc::now(),
        AuditAction::Search,
        steunkring_domain::audit::Outcome::Success,
    )
    .by(&user.actor)
    .object("case_list", found.len().to_string())
    .purpose("care")
    .from_addr(Some(addr));
    if p.q.is_none() {
        event.action = AuditAction::Read;
    }
    state
        .audit
        .record(event)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    let next = (found.len() == PAGE as usize)
        .then(|| found.last().map(|c| c.id.to_string()))
        .flatten();
    Ok(Json(CaseList {
        items: found.iter().map(CaseSummaryJson::from).collect(),
        next,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCaseJson {
    pub youth: YouthJson,
    pub setting: String,
    /// Needed when the caller is in more than one team, or an administrator.
    #[serde(default)]
    pub team_id: Option<String>,
    #[serde(default)]
    pub network_lead: Option<String>,
    #[serde(default)]
    pub parents: Vec<ParentJson>,
}

fn field_names(errors: &mut [steunkring_domain::FieldError]) {
    for e in errors.iter_mut() {
        e.field = match e.field {
            "youth_name" => "youth.name",
            "preferred_name" => "youth.preferred_name",
            "birth_date" => "youth.birth_date",
            "gender" => "youth.gender",
            other => other,
        };
    }
}

fn parse_details(lang: Lang, input: &CaseInput) -> Result<CaseDetails, ApiError> {
    CaseDetails::parse(input, Utc::now().date_naive()).map_err(|mut errors| {
        field_names(&mut errors);
        ApiError::invalid(lang, &errors)
    })
}

fn reference_error(lang: Lang, e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound => ApiError::invalid(
            lang,
            &[steunkring_domain::FieldError::new(
                "team_id",
                "error-team-or-lead-unknown",
            )],
        ),
        other => ApiError::from_store(lang, other),
    }
}

/// Opens a case.
#[utoipa::path(post, path = "/api/v1/cases", tag = "cases", request_body = NewCaseJson, security(("bearer" = [])),
    responses((status = 201, body = CaseJson), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    ApiJson(body): ApiJson<NewCaseJson>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let team_id = match (&body.team_id, user.actor.team_ids.as_slice()) {
        (Some(t), _) => t.clone(),
        (None, [only]) if user.actor.has_role(Role::Professional) => only.to_string(),
        _ => String::new(),
    };
    let input = CaseInput {
        youth_name: body.youth.name,
        preferred_name: body.youth.preferred_name,
        birth_date: body.youth.birth_date,
        gender: body.youth.gender,
        setting: body.setting,
        team_id,
        network_lead: body.network_lead,
        parents: body
            .parents
            .into_iter()
            .map(|p| Parent {
                name: p.name,
                gezag: p.gezag,
            })
            .collect(),
    };
    let details = parse_details(lang, &input)?;
    if !may_open_case(&user.actor, &details.team_id) {
        return Err(ApiError::forbidden(lang));
    }
    let event = steunkring_domain::audit::AuditEvent::new(
        Utc::now(),
        AuditAction::Create,
        steunkring_domain::audit::Outcome::Success,
    )
    .by(&user.actor)
    .purpose("care")
    .from_addr(Some(addr));
    let case = state
        .store
        .create_case(
            &OrgScope::of(&user.actor),
            &details,
            Utc::now().date_naive(),
            event,
        )
        .await
        .map_err(|e| reference_error(lang, e))?;
    Ok((StatusCode::CREATED, Json(CaseJson::from(&case))).into_response())
}

/// One case.
#[utoipa::path(get, path = "/api/v1/cases/{case}", tag = "cases", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CaseJson), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Result<Json<CaseJson>, ApiError> {
    let case = open_case(
        &state,
        &user.actor,
        &CaseId::from_stored(id),
        CaseAction::ReadDetails,
        &addr,
    )
    .await
    .map_err(|e| ApiError::from_case(user.lang, e))?;
    Ok(Json(CaseJson::from(&case)))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct YouthPatch {
    pub name: Option<String>,
    pub preferred_name: Option<String>,
    pub birth_date: Option<String>,
    pub gender: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CasePatch {
    #[serde(default)]
    pub youth: Option<YouthPatch>,
    pub setting: Option<String>,
    pub team_id: Option<String>,
    pub network_lead: Option<String>,
    pub parents: Option<Vec<ParentJson>>,
    /// `open` or `closed`
    pub status: Option<String>,
}

/// Changes a case: only the fields sent change.
#[utoipa::path(patch, path = "/api/v1/cases/{case}", tag = "cases", params(("case" = String, Path)), request_body = CasePatch,
    security(("bearer" = [])),
    responses((status = 200, body = CaseJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CasePatch>,
) -> Result<Json<CaseJson>, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(id);
    let case = open_case(&state, &user.actor, &id, CaseAction::UpdateDetails, &addr)
        .await
        .map_err(|e| ApiError::from_case(lang, e))?;
    let status = match body.status.as_deref() {
        None => None,
        Some(raw) => Some(CaseStatus::parse(raw).ok_or_else(|| {
            ApiError::invalid(
                lang,
                &[steunkring_domain::FieldError::new(
                    "status",
                    "error-unknown-value",
                )],
            )
        })?),
    };
    let youth = body.youth.unwrap_or_default();
    let input = CaseInput {
        youth_name: youth.name.unwrap_or(case.youth_name.clone()),
        preferred_name: youth.preferred_name.or(case.preferred_name.clone()),
        birth_date: youth.birth_date.unwrap_or(case.birth_date.to_string()),
        gender: youth.gender.or(case.gender.clone()),
        setting: body.setting.unwrap_or(case.setting.as_str().to_string()),
        team_id: body.team_id.unwrap_or(case.team_id.to_string()),
        network_lead: body
            .network_lead
            .or(case.network_lead.as_ref().map(|u| u.to_string())),
        parents: body
            .parents
            .map(|ps| {
                ps.into_iter()
                    .map(|p| Parent {
                        name: p.name,
                        gezag: p.gezag,
                    })
                    .collect()
            })
            .unwrap_or(case.parents.clone()),
    };
    let details = parse_details(lang, &input)?;
    if details.team_id != case.team_id && !may_open_case(&user.actor, &details.team_id) {
        return Err(ApiError::forbidden(lang));
    }
    let scope = OrgScope::of(&user.actor);
    let mut updated = state
        .store
        .update_case(
            &scope,
            &id,
            &details,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
        .map_err(|e| reference_error(lang, e))?;
    if let Some(status) = status.filter(|s| *s != case.status) {
        if !crate::cases::may(&user.actor, CaseAction::Close, &updated) {
            return Err(ApiError::forbidden(lang));
        }
        let today = Utc::now().date_naive();
        state
            .store
            .set_case_status(
                &scope,
                &id,
                status,
                today,
                case_event(&user.actor, AuditAction::Update, &id, &addr),
            )
            .await
            .map_err(|e| ApiError::from_store(lang, e))?;
        updated.status = status;
        updated.closed_on = (status == CaseStatus::Closed).then_some(today);
    }
    Ok(Json(CaseJson::from(&updated)))
}

#[derive(Serialize, ToSchema)]
pub struct AccessEntry {
    pub at: chrono::DateTime<Utc>,
    /// `read`, `create`, `update`, `delete`, `export`, `search`
    pub action: String,
    /// `success`, `failure`, `denied`
    pub outcome: String,
    pub who: String,
    pub role: Option<String>,
    pub object: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AccessLog {
    pub items: Vec<AccessEntry>,
    pub next: Option<String>,
}

#[derive(Deserialize, IntoParams)]
pub struct AccessParams {
    /// From this date (`YYYY-MM-DD`).
    pub from: Option<NaiveDate>,
    /// Up to and including this date.
    pub until: Option<NaiveDate>,
    pub cursor: Option<i64>,
}

/// Who read or changed this case, newest first (the client view of the audit trail).
#[utoipa::path(get, path = "/api/v1/cases/{case}/access-log", tag = "cases", params(("case" = String, Path), AccessParams),
    security(("bearer" = [])),
    responses((status = 200, body = AccessLog), (status = 404, body = ErrorBody)))]
pub async fn access_log(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(p): Query<AccessParams>,
) -> Result<Json<AccessLog>, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(id);
    open_case(&state, &user.actor, &id, CaseAction::ViewAccessLog, &addr)
        .await
        .map_err(|e| ApiError::from_case(lang, e))?;
    state
        .audit
        .record(
            case_event(&user.actor, AuditAction::Read, &id, &addr)
                .object("access_log", id.as_str()),
        )
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    let scope = OrgScope::of(&user.actor);
    let filter = AuditFilter {
        from: p
            .from
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc()),
        until: p
            .until
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc()),
        case_id: Some(id.to_string()),
        before_seq: p.cursor,
        limit: 100,
        ..Default::default()
    };
    let (records, users) = tokio::try_join!(
        state.store.list_audit(&scope, &filter),
        state.store.list_users(&scope)
    )
    .map_err(|e| ApiError::from_store(lang, e))?;
    let name = |uid: &Option<steunkring_domain::UserId>| {
        uid.as_ref()
            .and_then(|u| users.iter().find(|x| &x.id == u).map(|x| x.name.clone()))
            .unwrap_or_default()
    };
    let next = (records.len() == 100)
        .then(|| records.last().map(|r| r.seq.to_string()))
        .flatten();
    Ok(Json(AccessLog {
        items: records
            .iter()
            .map(|r| AccessEntry {
                at: r.event.at,
                action: r.event.action.as_str().to_string(),
                outcome: r.event.outcome.as_str().to_string(),
                who: name(&r.event.user_id),
                role: r.event.role.map(|x| x.as_str().to_string()),
                object: r.event.object_type.clone(),
            })
            .collect(),
        next,
    }))
}
