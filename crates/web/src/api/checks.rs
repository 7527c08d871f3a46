//! Support checks in the JSON API: `/support-checks` under a case. For the professionals of the
//! case's team (anyone else gets 404, never learning the case exists). The young person and the
//! parents answer their own checks from their own pages.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::checks::{map_members, member_ids, next_check_due, parse_answer};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::Lang;
use crate::state::AppState;
use crate::support::{new_id, today};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{RawMemberAnswer, Respondent, SupportCheck};
use steunkring_domain::network::{NetworkMember, NumberOrText};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, StoreError, StoredSupportCheck};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/cases/{case}/support-checks",
            get(list_checks).post(start_check),
        )
        .route("/api/v1/cases/{case}/support-checks/{id}", get(get_check))
        .route(
            "/api/v1/cases/{case}/support-checks/{id}/answers",
            post(answer_check),
        )
        .route(
            "/api/v1/cases/{case}/support-checks/{id}/finish",
            post(finish_check),
        )
}

#[derive(OpenApi)]
#[openapi(paths(list_checks, start_check, get_check, answer_check, finish_check))]
pub struct ChecksApi;

// ----- JSON shapes -----

#[derive(Serialize, ToSchema)]
pub struct ProgressJson {
    pub answered: usize,
    pub total: usize,
}

/// A support check. `scores` (only on a single check) follows the Social Support Network Map:
/// per group (`all`, `informal`, `formal`, per sector) the mean of each support type, perceived
/// and received, closeness, how often seen, criticalness and their shares.
#[derive(Serialize, ToSchema)]
pub struct CheckJson {
    pub id: String,
    /// `youth`, `parent` or `professional`.
    pub respondent: String,
    pub started_on: NaiveDate,
    pub finished_on: Option<NaiveDate>,
    pub progress: ProgressJson,
    /// The member to ask about next; `null` when everyone was answered.
    pub next_member: Option<String>,
    /// The answers per member, as recorded.
    #[schema(value_type = Vec<Object>)]
    pub answers: Vec<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores: Option<serde_json::Value>,
}

#[derive(Serialize, ToSchema)]
pub struct CheckList {
    pub items: Vec<CheckJson>,
    pub next: Option<String>,
    /// When the next check is due: the case's interval (see `check-schedule`; by default three
    /// months) after the last finished one.
    pub next_due: NaiveDate,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartBody {
    /// `youth`, `parent` or `professional` (the default).
    #[serde(default)]
    pub respondent: Option<String>,
}

/// One member's answer. Ratings 1 (hardly ever) – 3 (almost always); closeness 1–3; `seen`
/// 0 (not at all) – 4 (daily); `direction` `to_youth`, `from_youth` or `mutual`; `known`
/// `less_than_one`, `one_to_five` or `more_than_five`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    #[serde(default)]
    pub member: String,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub perceived_concrete: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub perceived_emotional: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub perceived_informational: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub received_concrete: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub received_emotional: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub received_informational: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub criticalness: Option<NumberOrText>,
    #[serde(default)]
    pub direction: Option<String>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub closeness: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub seen: Option<NumberOrText>,
    #[serde(default)]
    pub known: Option<String>,
}

impl AnswerBody {
    fn raw(self) -> RawMemberAnswer {
        RawMemberAnswer {
            member: self.member,
            perceived_concrete: self.perceived_concrete,
            perceived_emotional: self.perceived_emotional,
            perceived_informational: self.perceived_informational,
            received_concrete: self.received_concrete,
            received_emotional: self.received_emotional,
            received_informational: self.received_informational,
            criticalness: self.criticalness,
            direction: self.direction,
            closeness: self.closeness,
            seen: self.seen,
            known: self.known,
        }
    }
}

/// A check as JSON; with `scores` when `with_scores`.
pub fn check_json(
    id: &str,
    check: &SupportCheck,
    members: &[NetworkMember],
    with_scores: bool,
) -> CheckJson {
    let ids = member_ids(members);
    let progress = check.progress(&ids);
    CheckJson {
        id: id.to_string(),
        respondent: check.respondent().as_str().to_string(),
        started_on: check.started_on(),
        finished_on: check.finished_on(),
        progress: ProgressJson {
            answered: progress.answered,
            total: progress.total,
        },
        next_member: check.next_unanswered(&ids).map(|m| m.as_str().to_string()),
        answers: check
            .answers()
            .iter()
            .filter_map(|a| serde_json::to_value(a).ok())
            .collect(),
        scores: with_scores
            .then(|| serde_json::to_value(check.scores(members)).ok())
            .flatten(),
    }
}

// ----- helpers -----

/// The case, for those who may record its measurements; 404 for anyone else.
pub(super) async fn open(
    state: &AppState,
    user: &ApiUser,
    addr: &str,
    case: String,
) -> Result<Case, ApiError> {
    open_case(
        state,
        &user.actor,
        &CaseId::from_stored(case),
        CaseAction::RecordMeasurements,
        addr,
    )
    .await
    .map_err(|e| ApiError::from_case(user.lang, e))
}

fn store_error(lang: Lang, e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict("support_check_finished") => {
            ApiError::conflict(lang, "error-support-check-finished")
        }
        StoreError::Conflict("support_check_empty") => ApiError::invalid(
            lang,
            &[FieldError::new("answers", "error-support-check-empty")],
        ),
        other => ApiError::from_store(lang, other),
    }
}

async fn members(
    state: &AppState,
    user: &ApiUser,
    case: &Case,
) -> Result<Vec<NetworkMember>, ApiError> {
    map_members(state, &OrgScope::of(&user.actor), case)
        .await
        .map_err(|e| store_error(user.lang, e))
}

async fn stored(
    state: &AppState,
    user: &ApiUser,
    case: &Case,
    id: &str,
) -> Result<StoredSupportCheck, ApiError> {
    state
        .store
        .support_check(&OrgScope::of(&user.actor), &case.id, id)
        .await
        .map_err(|e| store_error(user.lang, e))
}

// ----- handlers -----

/// The case's support checks, the most recent first, with their progress, and when the next
/// one is due.
#[utoipa::path(get, path = "/api/v1/cases/{case}/support-checks", tag = "measurements", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = CheckList), (status = 404, body = ErrorBody)))]
pub async fn list_checks(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<CheckList>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    let members = members(&state, &user, &case).await?;
    let scope = OrgScope::of(&user.actor);
    let (checks, every) = tokio::try_join!(
        state.store.support_checks(&scope, &case.id),
        state.store.check_interval(&scope, &case.id)
    )
    .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(CheckList {
        items: checks
            .iter()
            .map(|c| check_json(&c.id, &c.check, &members, false))
            .collect(),
        next: None,
        next_due: next_check_due(&case, &checks, every),
    }))
}

/// Starts a support check today.
#[utoipa::path(post, path = "/api/v1/cases/{case}/support-checks", tag = "measurements", params(("case" = String, Path)),
    request_body = StartBody, security(("bearer" = [])),
    responses((status = 201, body = CheckJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn start_check(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<StartBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let respondent = match body.respondent.as_deref().map(str::trim) {
        None | Some("") => Respondent::Professional,
        Some(raw) => Respondent::parse(raw).ok_or_else(|| {
            ApiError::invalid(
                lang,
                &[FieldError::new("respondent", "error-unknown-value")],
            )
        })?,
    };
    let check = StoredSupportCheck {
        id: new_id(),
        check: SupportCheck::start(respondent, today()),
        participant_id: None,
        created_at: Utc::now(),
    };
    state
        .store
        .start_support_check(
            &OrgScope::of(&user.actor),
            &case.id,
            &check,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    let members = members(&state, &user, &case).await?;
    Ok((
        StatusCode::CREATED,
        Json(check_json(&check.id, &check.check, &members, true)),
    )
        .into_response())
}

/// One support check with its answers and scores.
#[utoipa::path(get, path = "/api/v1/cases/{case}/support-checks/{id}", tag = "measurements", params(("case" = String, Path), ("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = CheckJson), (status = 404, body = ErrorBody)))]
pub async fn get_check(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<CheckJson>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    let check = stored(&state, &user, &case, &id).await?;
    let members = members(&state, &user, &case).await?;
    Ok(Json(check_json(&check.id, &check.check, &members, true)))
}

/// Records the answer about one member (an answer again replaces the first). 422 per field,
/// also for a member not on this case's map; 409 once the check is finished.
#[utoipa::path(post, path = "/api/v1/cases/{case}/support-checks/{id}/answers", tag = "measurements", params(("case" = String, Path), ("id" = String, Path)),
    request_body = AnswerBody, security(("bearer" = [])),
    responses((status = 200, body = CheckJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn answer_check(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<AnswerBody>,
) -> Result<Json<CheckJson>, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let current = stored(&state, &user, &case, &id).await?;
    if current.check.is_finished() {
        return Err(ApiError::conflict(lang, "error-support-check-finished"));
    }
    let members = members(&state, &user, &case).await?;
    let answer = parse_answer(&body.raw(), &current.check, &member_ids(&members))
        .map_err(|e| ApiError::invalid(lang, &e))?;
    let check = state
        .store
        .record_support_answer(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            &answer,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok(Json(check_json(&id, &check, &members, true)))
}

/// Finishes the check today. 409 when it was finished already; 422 when nobody was answered.
#[utoipa::path(post, path = "/api/v1/cases/{case}/support-checks/{id}/finish", tag = "measurements", params(("case" = String, Path), ("id" = String, Path)),
    security(("bearer" = [])),
    responses((status = 200, body = CheckJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn finish_check(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<CheckJson>, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let check = state
        .store
        .finish_support_check(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    let members = members(&state, &user, &case).await?;
    Ok(Json(check_json(&id, &check, &members, true)))
}
