//! The other measurements of a case in the JSON API: `/screenings` (the multi-problem screening
//! of Bodden & Deković), `/self-reports` (the young person's grades and open answer),
//! `/outcomes` (what the help led to) and `/check-schedule` (how often the support check is
//! due). For the professionals of the case's team; anyone else gets 404, never learning that the
//! case exists. The young person gives their own self-report from their own page.

use super::ApiUser;
use super::checks::open;
use crate::auth::ClientAddr;
use crate::cases::case_event;
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::measurements::{
    Measurement, parse_interval, parse_outcome, parse_screening, parse_self_report, save, schedule,
};
use crate::state::AppState;
use crate::support::today;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::measure::{
    MULTI_PROBLEM_THRESHOLD, RawDomainAnswer, RawOutcome, RawSelfReport, ScreeningDomain,
};
use steunkring_domain::network::NumberOrText;
use steunkring_store::{Case, OrgScope, StoredOutcome, StoredScreening, StoredSelfReport};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/cases/{case}/screenings",
            get(list_screenings).post(record_screening),
        )
        .route(
            "/api/v1/cases/{case}/self-reports",
            get(list_self_reports).post(record_self_report),
        )
        .route(
            "/api/v1/cases/{case}/outcomes",
            get(list_outcomes).post(record_outcome),
        )
        .route("/api/v1/cases/{case}/outcomes/{id}", delete(delete_outcome))
        .route(
            "/api/v1/cases/{case}/check-schedule",
            get(get_schedule).put(set_schedule),
        )
}

#[derive(OpenApi)]
#[openapi(paths(
    list_screenings,
    record_screening,
    list_self_reports,
    record_self_report,
    list_outcomes,
    record_outcome,
    delete_outcome,
    get_schedule,
    set_schedule
))]
pub struct MeasurementsApi;

// ----- JSON shapes -----

/// The answer on one domain.
#[derive(Serialize, ToSchema)]
pub struct DomainJson {
    /// `child`, `parent`, `parenting`, `family_functioning`, `context`, `social_network` or
    /// `help_history`.
    pub domain: String,
    pub problem: bool,
    pub note: Option<String>,
}

/// A screening: the seven domains, how many have problems, and whether that makes the family
/// multi-problem (six or more).
#[derive(Serialize, ToSchema)]
pub struct ScreeningJson {
    pub id: String,
    pub screened_on: NaiveDate,
    pub domains: Vec<DomainJson>,
    pub problem_count: usize,
    pub multi_problem: bool,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ScreeningList {
    pub items: Vec<ScreeningJson>,
    pub next: Option<String>,
    /// Problems on at least this many domains is multi-problem.
    pub threshold: usize,
}

/// One domain as posted.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DomainBody {
    #[serde(default)]
    pub domain: String,
    /// Required: "no problems" must be said, not assumed.
    #[serde(default)]
    pub problem: Option<bool>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A screening: an answer on each of the seven domains, once.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreeningBody {
    /// `YYYY-MM-DD`, not in the future; today when left out.
    #[serde(default)]
    pub screened_on: Option<String>,
    #[serde(default)]
    pub domains: Vec<DomainBody>,
}

/// A self-report: grades 0–10.
#[derive(Serialize, ToSchema)]
pub struct SelfReportJson {
    pub id: String,
    pub answered_on: NaiveDate,
    pub feels_supported: u8,
    pub satisfied_with_help: u8,
    /// `null` when there is no support figure, or the question was skipped.
    pub satisfied_with_support_figures: Option<u8>,
    pub open_answer: Option<String>,
    /// Whether the young person gave it from their own page.
    pub by_young_person: bool,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct SelfReportList {
    pub items: Vec<SelfReportJson>,
    pub next: Option<String>,
}

/// A self-report as the young person gave it, written down by the professional (answered
/// today). Grades are whole numbers 0–10.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SelfReportBody {
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub feels_supported: Option<NumberOrText>,
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub satisfied_with_help: Option<NumberOrText>,
    /// Leave out when there is no support figure.
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub satisfied_with_support_figures: Option<NumberOrText>,
    #[serde(default)]
    pub open_answer: Option<String>,
}

/// An outcome of the help.
#[derive(Serialize, ToSchema)]
pub struct OutcomeJson {
    pub id: String,
    /// `placement_prevented`, `placement_happened`, `placement_network_foster_family`,
    /// `returned_home`, `specialist_care_scaled_down` or `formal_help_ended`.
    pub kind: String,
    pub date: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct OutcomeList {
    pub items: Vec<OutcomeJson>,
    pub next: Option<String>,
}

/// An outcome: its kind and the day it happened (between the case's opening and today).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeBody {
    #[serde(default)]
    pub kind: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// How often the support check is due, and when the next one is.
#[derive(Serialize, ToSchema)]
pub struct ScheduleJson {
    /// Months between checks, 1–24 (default 3).
    pub every_months: u32,
    /// The day the last support check was finished.
    pub last_check: Option<NaiveDate>,
    /// `every_months` after the last check, or after the case was opened.
    pub next_due: NaiveDate,
    /// Whether the check is due today.
    pub due_now: bool,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleBody {
    /// Months between checks, 1–24.
    #[schema(value_type = Option<i64>)]
    #[serde(default)]
    pub every_months: Option<NumberOrText>,
}

pub fn screening_json(s: &StoredScreening) -> ScreeningJson {
    ScreeningJson {
        id: s.id.clone(),
        screened_on: s.screening.screened_on(),
        domains: ScreeningDomain::ALL
            .iter()
            .filter_map(|d| {
                s.screening.answer(*d).map(|a| DomainJson {
                    domain: d.as_str().to_string(),
                    problem: a.problem,
                    note: a.note.as_ref().map(|n| n.to_string()),
                })
            })
            .collect(),
        problem_count: s.screening.problem_count(),
        multi_problem: s.screening.is_multi_problem(),
        recorded_by: s.recorded_by.clone(),
        created_at: s.created_at,
    }
}

pub fn self_report_json(s: &StoredSelfReport) -> SelfReportJson {
    let r = &s.report;
    SelfReportJson {
        id: s.id.clone(),
        answered_on: r.answered_on,
        feels_supported: r.feels_supported.value(),
        satisfied_with_help: r.satisfied_with_help.value(),
        satisfied_with_support_figures: r.satisfied_with_support_figures.map(|g| g.value()),
        open_answer: r.open_answer.as_ref().map(|a| a.to_string()),
        by_young_person: s.participant_id.is_some(),
        recorded_by: s.recorded_by.clone(),
        created_at: s.created_at,
    }
}

pub fn outcome_json(o: &StoredOutcome) -> OutcomeJson {
    OutcomeJson {
        id: o.id.clone(),
        kind: o.outcome.kind.as_str().to_string(),
        date: o.outcome.on,
        note: o.outcome.note.as_ref().map(|n| n.to_string()),
        recorded_by: o.recorded_by.clone(),
        created_at: o.created_at,
    }
}

// ----- helpers -----

fn created<T: Serialize>(body: T) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

/// Stores a new measurement and answers 201 with it.
async fn record(
    state: &AppState,
    user: &ApiUser,
    addr: &str,
    case: &Case,
    m: Measurement,
) -> Result<Response, ApiError> {
    save(state, &user.actor, case, &m, addr)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(match &m {
        Measurement::Screening(s) => created(screening_json(s)),
        Measurement::SelfReport(r) => created(self_report_json(r)),
        Measurement::Outcome(o) => created(outcome_json(o)),
        Measurement::Interval(_) => StatusCode::NO_CONTENT.into_response(),
    })
}

// ----- handlers -----

/// The case's screenings, the most recent first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/screenings", tag = "measurements", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ScreeningList), (status = 404, body = ErrorBody)))]
pub async fn list_screenings(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<ScreeningList>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    let list = state
        .store
        .screenings(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(ScreeningList {
        items: list.iter().map(screening_json).collect(),
        next: None,
        threshold: MULTI_PROBLEM_THRESHOLD,
    }))
}

/// Records a screening. 422 per field: a domain left out or without `problem` (field: the
/// domain), an unknown domain (field `domain`), a domain twice, a date in the future.
#[utoipa::path(post, path = "/api/v1/cases/{case}/screenings", tag = "measurements", params(("case" = String, Path)),
    request_body = ScreeningBody, security(("bearer" = [])),
    responses((status = 201, body = ScreeningJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_screening(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<ScreeningBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let raw: Vec<RawDomainAnswer> = body
        .domains
        .into_iter()
        .map(|d| RawDomainAnswer {
            domain: d.domain,
            problem: d.problem,
            note: d.note,
        })
        .collect();
    let screening = parse_screening(&raw, body.screened_on.as_deref().unwrap_or(""), today())
        .map_err(|e| ApiError::invalid(lang, &e))?;
    record(
        &state,
        &user,
        &addr,
        &case,
        Measurement::screening(&user.actor, screening),
    )
    .await
}

/// The case's self-reports, the most recent first: those the young person gave on their own
/// page and those a professional wrote down.
#[utoipa::path(get, path = "/api/v1/cases/{case}/self-reports", tag = "measurements", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = SelfReportList), (status = 404, body = ErrorBody)))]
pub async fn list_self_reports(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<SelfReportList>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    let list = state
        .store
        .self_reports(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(SelfReportList {
        items: list.iter().map(self_report_json).collect(),
        next: None,
    }))
}

/// Records a self-report the young person gave (answered today). 422 per field: a grade
/// missing or outside 0–10, an open answer too long.
#[utoipa::path(post, path = "/api/v1/cases/{case}/self-reports", tag = "measurements", params(("case" = String, Path)),
    request_body = SelfReportBody, security(("bearer" = [])),
    responses((status = 201, body = SelfReportJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_self_report(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<SelfReportBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let raw = RawSelfReport {
        feels_supported: body.feels_supported,
        satisfied_with_help: body.satisfied_with_help,
        satisfied_with_support_figures: body.satisfied_with_support_figures,
        open_answer: body.open_answer,
    };
    let report = parse_self_report(&raw, today()).map_err(|e| ApiError::invalid(lang, &e))?;
    record(
        &state,
        &user,
        &addr,
        &case,
        Measurement::self_report(&user.actor, report, None),
    )
    .await
}

/// The case's outcomes, the most recent first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/outcomes", tag = "measurements", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = OutcomeList), (status = 404, body = ErrorBody)))]
pub async fn list_outcomes(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<OutcomeList>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    let list = state
        .store
        .outcomes(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(OutcomeList {
        items: list.iter().map(outcome_json).collect(),
        next: None,
    }))
}

/// Records an outcome. 422 per field: an unknown kind, a date in the future or before the
/// case was opened, a note too long.
#[utoipa::path(post, path = "/api/v1/cases/{case}/outcomes", tag = "measurements", params(("case" = String, Path)),
    request_body = OutcomeBody, security(("bearer" = [])),
    responses((status = 201, body = OutcomeJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_outcome(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<OutcomeBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let raw = RawOutcome {
        kind: body.kind,
        date: body.date,
        note: body.note,
    };
    let outcome = parse_outcome(&raw, &case, today()).map_err(|e| ApiError::invalid(lang, &e))?;
    record(
        &state,
        &user,
        &addr,
        &case,
        Measurement::outcome(&user.actor, outcome),
    )
    .await
}

/// Removes an outcome recorded in error.
#[utoipa::path(delete, path = "/api/v1/cases/{case}/outcomes/{id}", tag = "measurements", params(("case" = String, Path), ("id" = String, Path)),
    security(("bearer" = [])), responses((status = 204, description = "removed"), (status = 404, body = ErrorBody)))]
pub async fn delete_outcome(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    state
        .store
        .delete_outcome(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            case_event(&user.actor, AuditAction::Delete, &case.id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(StatusCode::NO_CONTENT)
}

async fn schedule_json(
    state: &AppState,
    user: &ApiUser,
    case: &Case,
) -> Result<ScheduleJson, ApiError> {
    let s = schedule(state, &OrgScope::of(&user.actor), case)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(ScheduleJson {
        every_months: s.every.months(),
        last_check: s.last_check,
        next_due: s.due,
        due_now: today() >= s.due,
    })
}

/// How often the case's support check is due, and when the next one is.
#[utoipa::path(get, path = "/api/v1/cases/{case}/check-schedule", tag = "measurements", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ScheduleJson), (status = 404, body = ErrorBody)))]
pub async fn get_schedule(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<ScheduleJson>, ApiError> {
    let case = open(&state, &user, &addr, case).await?;
    Ok(Json(schedule_json(&state, &user, &case).await?))
}

/// Sets how often the case's support check is due (1–24 months). 422 outside that range.
#[utoipa::path(put, path = "/api/v1/cases/{case}/check-schedule", tag = "measurements", params(("case" = String, Path)),
    request_body = ScheduleBody, security(("bearer" = [])),
    responses((status = 200, body = ScheduleJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn set_schedule(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<ScheduleBody>,
) -> Result<Json<ScheduleJson>, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case).await?;
    let every =
        parse_interval(body.every_months.as_ref()).map_err(|e| ApiError::invalid(lang, &e))?;
    save(
        &state,
        &user.actor,
        &case,
        &Measurement::Interval(every),
        &addr,
    )
    .await
    .map_err(|e| ApiError::from_store(lang, e))?;
    Ok(Json(schedule_json(&state, &user, &case).await?))
}
