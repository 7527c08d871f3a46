//! Support figures, concerns and moral deliberations in the JSON API: `/support-figures`,
//! `/concerns` and `/deliberations` under a case. For the professionals of the case's team
//! (the administrator is not in the help and gets 404, like everyone else who may not know the
//! case). The young person nominates and the support figure accepts from their own pages.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::support::{map_people, new_id, nominable_people, record_read, today};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::concern::{
    Concern, Deliberation, RawConcern, RawDeliberation, parse_closure,
};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::support_figure::{
    LogEntry, LogKind, Nominator, RawAgreement, RawEnding, RawLogEntry, RawNomination,
    RawScreening, SupportFigure, SupportStep,
};
use steunkring_store::{Case, OrgScope, StoreError};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/cases/{case}/support-figures",
            get(list_figures).post(nominate),
        )
        .route(
            "/api/v1/cases/{case}/support-figures/{id}",
            get(get_figure).patch(patch_figure),
        )
        .route(
            "/api/v1/cases/{case}/support-figures/{id}/log",
            get(list_log).post(add_log),
        )
        .route(
            "/api/v1/cases/{case}/concerns",
            get(list_concerns).post(register_concern),
        )
        .route("/api/v1/cases/{case}/concerns/{id}", patch(close_concern))
        .route(
            "/api/v1/cases/{case}/deliberations",
            get(list_deliberations).post(record_deliberation),
        )
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list_figures,
        nominate,
        get_figure,
        patch_figure,
        list_log,
        add_log,
        list_concerns,
        register_concern,
        close_concern,
        list_deliberations,
        record_deliberation
    ),
    components(schemas(
        SupportFigureJson,
        SupportFigureList,
        ScreeningJson,
        AcceptanceJson,
        AgreementJson,
        EndingJson,
        NominationBody,
        ScreeningBody,
        AgreementBody,
        EndingBody,
        SupportPatch,
        LogEntryJson,
        LogList,
        LogBody,
        ConcernJson,
        ConcernList,
        ConcernBody,
        ConcernPatch,
        DeliberationJson,
        DeliberationList,
        DeliberationBody
    ))
)]
pub struct SupportApi;

// ---------------------------------------------------------------------------------------------
// Shapes
// ---------------------------------------------------------------------------------------------

#[derive(Serialize, ToSchema)]
pub struct ScreeningJson {
    pub on: NaiveDate,
    pub safety_concerns: Option<String>,
    /// `approve` or `decline`
    pub decision: String,
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct AcceptanceJson {
    pub on: NaiveDate,
}

#[derive(Serialize, ToSchema)]
pub struct AgreementJson {
    pub on: NaiveDate,
    /// Of `socio_emotional`, `practical`, `guidance`, `role_model`, `mobilising`.
    pub roles: Vec<String>,
    pub contact_how: String,
    pub contact_frequency: String,
    pub meetings_part: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EndingJson {
    pub on: NaiveDate,
    pub reason: String,
    pub youth_view: Option<String>,
}

/// A support figure: JIM, citizen guardian or network foster family.
#[derive(Serialize, ToSchema)]
pub struct SupportFigureJson {
    pub id: String,
    /// The member on the map; `null` once they were removed from it.
    pub member_id: Option<String>,
    pub member_name: String,
    /// `jim`, `citizen_guardian` or `network_foster_family`
    pub kind: String,
    /// `nominated`, `screened`, `active` or `ended`
    pub status: String,
    /// Approved by the screening.
    pub approved: bool,
    pub nominated_on: NaiveDate,
    /// `youth` or `professional` (on the young person's behalf)
    pub nominated_by: String,
    /// Why this person, in the young person's own words.
    pub own_words: String,
    pub screening: Option<ScreeningJson>,
    pub acceptance: Option<AcceptanceJson>,
    pub agreement: Option<AgreementJson>,
    pub ending: Option<EndingJson>,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
}

pub fn figure_json(f: &SupportFigure) -> SupportFigureJson {
    SupportFigureJson {
        id: f.id.clone(),
        member_id: f.member_id.as_ref().map(ToString::to_string),
        member_name: f.member_name.clone(),
        kind: f.kind.as_str().into(),
        status: f.status.as_str().into(),
        approved: f.is_approved(),
        nominated_on: f.nominated_on,
        nominated_by: f.nominated_by.as_str().into(),
        own_words: f.own_words.clone(),
        screening: f.screening.as_ref().map(|s| ScreeningJson {
            on: s.on,
            safety_concerns: s.safety_concerns.clone(),
            decision: s.decision.as_str().into(),
            reason: s.reason.clone(),
        }),
        acceptance: f.acceptance.as_ref().map(|a| AcceptanceJson { on: a.on }),
        agreement: f.agreement.as_ref().map(|a| AgreementJson {
            on: a.on,
            roles: a.roles.iter().map(|r| r.as_str().to_string()).collect(),
            contact_how: a.contact_how.clone(),
            contact_frequency: a.contact_frequency.clone(),
            meetings_part: a.meetings_part.clone(),
        }),
        ending: f.ending.as_ref().map(|e| EndingJson {
            on: e.on,
            reason: e.reason.clone(),
            youth_view: e.youth_view.clone(),
        }),
        started_on: f.started_on(),
        ended_on: f.ended_on(),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SupportFigureList {
    pub items: Vec<SupportFigureJson>,
    pub next: Option<String>,
}

/// A nomination, on the young person's behalf.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NominationBody {
    /// A member of this case's map.
    pub member_id: String,
    /// Why this person, in the young person's own words.
    pub own_words: String,
    /// `YYYY-MM-DD`; today when left out.
    #[serde(default)]
    pub nominated_on: Option<String>,
    /// `jim` (default), `citizen_guardian` or `network_foster_family`
    #[serde(default)]
    pub kind: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreeningBody {
    /// `approve` or `decline`
    pub decision: String,
    pub reason: String,
    #[serde(default)]
    pub safety_concerns: Option<String>,
    /// `YYYY-MM-DD`; today when left out.
    #[serde(default)]
    pub on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AgreementBody {
    /// At least one of `socio_emotional`, `practical`, `guidance`, `role_model`, `mobilising`.
    pub roles: Vec<String>,
    /// How they keep contact.
    pub contact_how: String,
    /// How often, in words.
    pub contact_frequency: String,
    /// Their part in meetings with parents and professionals.
    #[serde(default)]
    pub meetings_part: Option<String>,
    #[serde(default)]
    pub on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EndingBody {
    pub reason: String,
    /// What the young person thinks of it, in their words.
    #[serde(default)]
    pub youth_view: Option<String>,
    #[serde(default)]
    pub on: Option<String>,
}

/// One step at a time: exactly one of `screening`, `agreement`, `end`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupportPatch {
    #[serde(default)]
    pub screening: Option<ScreeningBody>,
    #[serde(default)]
    pub agreement: Option<AgreementBody>,
    #[serde(default)]
    pub end: Option<EndingBody>,
}

#[derive(Serialize, ToSchema)]
pub struct LogEntryJson {
    pub id: String,
    /// `coaching` (the professional) or `contact` (the support figure)
    pub kind: String,
    pub on: NaiveDate,
    pub text: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

fn log_json(e: &LogEntry) -> LogEntryJson {
    LogEntryJson {
        id: e.id.clone(),
        kind: e.kind.as_str().into(),
        on: e.on,
        text: e.text.clone(),
        by: e.by.clone(),
        at: e.at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct LogList {
    pub items: Vec<LogEntryJson>,
    pub next: Option<String>,
}

/// A coaching note.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogBody {
    pub text: String,
    #[serde(default)]
    pub on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ConcernJson {
    pub id: String,
    /// A member id, or `informal_support`.
    pub about: String,
    pub about_name: Option<String>,
    pub what: String,
    /// `low`, `medium` or `high`
    pub seriousness: String,
    pub registered_by_name: String,
    pub registered_at: DateTime<Utc>,
    /// `open` or `closed`
    pub status: String,
    pub closed_at: Option<DateTime<Utc>>,
    pub what_was_done: Option<String>,
}

fn concern_json(c: &Concern) -> ConcernJson {
    ConcernJson {
        id: c.id.clone(),
        about: c.about_code(),
        about_name: c.about_name.clone(),
        what: c.what.clone(),
        seriousness: c.seriousness.as_str().into(),
        registered_by_name: c.registered_by_name.clone(),
        registered_at: c.registered_at,
        status: c.status.as_str().into(),
        closed_at: c.closure.as_ref().map(|x| x.at),
        what_was_done: c.closure.as_ref().map(|x| x.what_was_done.clone()),
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConcernList {
    pub items: Vec<ConcernJson>,
    pub next: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcernBody {
    /// A member id of this case's map, or `informal_support`.
    pub about: String,
    pub what: String,
    /// `low`, `medium` or `high`
    pub seriousness: String,
}

/// Closing a concern.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcernPatch {
    /// `closed`
    pub status: String,
    pub what_was_done: String,
}

#[derive(Serialize, ToSchema)]
pub struct DeliberationJson {
    pub id: String,
    pub held_on: NaiveDate,
    pub question: String,
    pub participants: Vec<String>,
    pub considerations: String,
    pub decision: String,
    pub follow_up: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

fn deliberation_json(d: &Deliberation) -> DeliberationJson {
    DeliberationJson {
        id: d.id.clone(),
        held_on: d.held_on,
        question: d.question.clone(),
        participants: d.participants.clone(),
        considerations: d.considerations.clone(),
        decision: d.decision.clone(),
        follow_up: d.follow_up.clone(),
        recorded_at: d.recorded_at,
    }
}

#[derive(Serialize, ToSchema)]
pub struct DeliberationList {
    pub items: Vec<DeliberationJson>,
    pub next: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliberationBody {
    /// The dilemma, as a question.
    pub question: String,
    /// Who took part (the young person, family and network can).
    pub participants: Vec<String>,
    pub considerations: String,
    pub decision: String,
    #[serde(default)]
    pub follow_up: Option<String>,
    /// `YYYY-MM-DD`; today when left out.
    #[serde(default)]
    pub held_on: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

async fn open(
    state: &AppState,
    user: &ApiUser,
    addr: &str,
    case: String,
    action: CaseAction,
) -> Result<Case, ApiError> {
    open_case(state, &user.actor, &CaseId::from_stored(case), action, addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))
}

async fn read(
    state: &AppState,
    user: &ApiUser,
    addr: &str,
    case: String,
    action: CaseAction,
    object: &str,
) -> Result<Case, ApiError> {
    let case = open(state, user, addr, case, action).await?;
    record_read(state, &user.actor, &case, object, addr)
        .await
        .map_err(|e| ApiError::internal(user.lang, &e))?;
    Ok(case)
}

/// 422 with the fields under `prefix` (`screening.reason`), or at the top without one.
fn invalid(lang: Lang, prefix: &str, errors: &[FieldError]) -> ApiError {
    if prefix.is_empty() {
        return ApiError::invalid(lang, errors);
    }
    let tr = Tr::new(lang);
    errors.iter().fold(ApiError::invalid(lang, &[]), |e, fe| {
        e.with_field(format!("{prefix}.{}", fe.field), tr.t(fe.key))
    })
}

fn owned(raw: &Option<String>) -> String {
    raw.clone().unwrap_or_default()
}

fn store_error(lang: Lang, e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict("support_figure_open") => {
            ApiError::conflict(lang, "support-error-open")
        }
        StoreError::Conflict("support_log") => ApiError::conflict(lang, "support-error-log"),
        StoreError::Conflict("concern_closed") => ApiError::conflict(lang, "concern-error-closed"),
        other => ApiError::from_store(lang, other),
    }
}

// ---------------------------------------------------------------------------------------------
// Support figures
// ---------------------------------------------------------------------------------------------

/// The young person's support figures, oldest nomination first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/support-figures", tag = "support", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = SupportFigureList), (status = 404, body = ErrorBody)))]
pub async fn list_figures(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<SupportFigureList>, ApiError> {
    let case = read(
        &state,
        &user,
        &addr,
        case,
        CaseAction::ManageSupportFigures,
        "support_figures",
    )
    .await?;
    let figures = state
        .store
        .support_figures(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(SupportFigureList {
        items: figures.iter().map(figure_json).collect(),
        next: None,
    }))
}

/// Nominates someone from the map on the young person's behalf, in their own words. 409 while
/// that person has a nomination that has not ended.
#[utoipa::path(post, path = "/api/v1/cases/{case}/support-figures", tag = "support", params(("case" = String, Path)),
    request_body = NominationBody, security(("bearer" = [])),
    responses((status = 201, body = SupportFigureJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn nominate(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NominationBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::ManageSupportFigures).await?;
    let people = nominable_people(&state, &user.actor, &case)
        .await
        .map_err(|e| store_error(lang, e))?;
    let figure = RawNomination {
        member_id: body.member_id,
        kind: owned(&body.kind),
        nominated_on: owned(&body.nominated_on),
        own_words: body.own_words,
    }
    .parse(new_id(), Nominator::Professional, &people, today())
    .map_err(|e| invalid(lang, "", &e))?;
    state
        .store
        .nominate_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok((StatusCode::CREATED, Json(figure_json(&figure))).into_response())
}

/// One support figure.
#[utoipa::path(get, path = "/api/v1/cases/{case}/support-figures/{id}", tag = "support", params(("case" = String, Path), ("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = SupportFigureJson), (status = 404, body = ErrorBody)))]
pub async fn get_figure(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<SupportFigureJson>, ApiError> {
    let case = read(
        &state,
        &user,
        &addr,
        case,
        CaseAction::ManageSupportFigures,
        "support_figures",
    )
    .await?;
    let figure = state
        .store
        .support_figure(&OrgScope::of(&user.actor), &case.id, &id)
        .await
        .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(figure_json(&figure)))
}

/// The next step for a support figure: the screening (approve or decline, with safety concerns
/// and a reason), the agreement (roles, contact, part in meetings) or the end. 409 when the
/// status does not allow the step (e.g. an agreement after a declining screening).
#[utoipa::path(patch, path = "/api/v1/cases/{case}/support-figures/{id}", tag = "support", params(("case" = String, Path), ("id" = String, Path)),
    request_body = SupportPatch, security(("bearer" = [])),
    responses((status = 200, body = SupportFigureJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch_figure(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<SupportPatch>,
) -> Result<Json<SupportFigureJson>, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::ManageSupportFigures).await?;
    let day = today();
    let step = match (body.screening, body.agreement, body.end) {
        (Some(s), None, None) => RawScreening {
            on: owned(&s.on),
            safety_concerns: owned(&s.safety_concerns),
            decision: s.decision,
            reason: s.reason,
        }
        .parse(Some(user.actor.user_id.to_string()), day)
        .map(SupportStep::Screen)
        .map_err(|e| invalid(lang, "screening", &e))?,
        (None, Some(a), None) => RawAgreement {
            on: owned(&a.on),
            roles: a.roles,
            contact_how: a.contact_how,
            contact_frequency: a.contact_frequency,
            meetings_part: owned(&a.meetings_part),
        }
        .parse(day)
        .map(SupportStep::Agree)
        .map_err(|e| invalid(lang, "agreement", &e))?,
        (None, None, Some(e)) => RawEnding {
            on: owned(&e.on),
            reason: e.reason,
            youth_view: owned(&e.youth_view),
        }
        .parse(day)
        .map(SupportStep::End)
        .map_err(|e| invalid(lang, "end", &e))?,
        _ => {
            return Err(ApiError::invalid(lang, &[])
                .with_field("body", Tr::new(lang).t("support-error-one-step")));
        }
    };
    let changed = state
        .store
        .step_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            &step,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| match e {
            StoreError::Conflict("support_step") => ApiError::conflict(lang, step.refusal_key()),
            other => store_error(lang, other),
        })?;
    Ok(Json(figure_json(&changed)))
}

/// The log of a support figure: the professional's coaching and the support figure's contact
/// moments, newest first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/support-figures/{id}/log", tag = "support", params(("case" = String, Path), ("id" = String, Path)),
    security(("bearer" = [])), responses((status = 200, body = LogList), (status = 404, body = ErrorBody)))]
pub async fn list_log(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
) -> Result<Json<LogList>, ApiError> {
    let case = read(
        &state,
        &user,
        &addr,
        case,
        CaseAction::ManageSupportFigures,
        "support_log",
    )
    .await?;
    let entries = state
        .store
        .support_log(&OrgScope::of(&user.actor), &case.id, &id)
        .await
        .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(LogList {
        items: entries.iter().map(log_json).collect(),
        next: None,
    }))
}

/// A coaching note by the professional. 409 unless the screening approved the support figure.
#[utoipa::path(post, path = "/api/v1/cases/{case}/support-figures/{id}/log", tag = "support", params(("case" = String, Path), ("id" = String, Path)),
    request_body = LogBody, security(("bearer" = [])),
    responses((status = 201, body = LogEntryJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_log(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<LogBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::ManageSupportFigures).await?;
    let entry = RawLogEntry {
        on: owned(&body.on),
        text: body.text,
    }
    .parse(
        new_id(),
        LogKind::Coaching,
        &user.actor.name,
        Utc::now(),
        today(),
    )
    .map_err(|e| invalid(lang, "", &e))?;
    state
        .store
        .add_support_log(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            &entry,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok((StatusCode::CREATED, Json(log_json(&entry))).into_response())
}

// ---------------------------------------------------------------------------------------------
// Concerns and deliberations
// ---------------------------------------------------------------------------------------------

/// Concerns about network members or the informal support itself, newest first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/concerns", tag = "support", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ConcernList), (status = 404, body = ErrorBody)))]
pub async fn list_concerns(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<ConcernList>, ApiError> {
    let case = read(
        &state,
        &user,
        &addr,
        case,
        CaseAction::RecordConcerns,
        "concerns",
    )
    .await?;
    let concerns = state
        .store
        .concerns(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(ConcernList {
        items: concerns.iter().map(concern_json).collect(),
        next: None,
    }))
}

/// Registers a concern about a member of the map or (`about: "informal_support"`) about the
/// informal support itself.
#[utoipa::path(post, path = "/api/v1/cases/{case}/concerns", tag = "support", params(("case" = String, Path)),
    request_body = ConcernBody, security(("bearer" = [])),
    responses((status = 201, body = ConcernJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register_concern(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<ConcernBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::RecordConcerns).await?;
    let people = map_people(&state, &user.actor, &case)
        .await
        .map_err(|e| store_error(lang, e))?;
    let concern = RawConcern {
        about: body.about,
        what: body.what,
        seriousness: body.seriousness,
    }
    .parse(
        new_id(),
        &people,
        Some(user.actor.user_id.to_string()),
        &user.actor.name,
        Utc::now(),
    )
    .map_err(|e| invalid(lang, "", &e))?;
    state
        .store
        .register_concern(
            &OrgScope::of(&user.actor),
            &case.id,
            &concern,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok((StatusCode::CREATED, Json(concern_json(&concern))).into_response())
}

/// Closes a concern with what was done: `{"status": "closed", "what_was_done": "…"}`. 409 when
/// it was closed already.
#[utoipa::path(patch, path = "/api/v1/cases/{case}/concerns/{id}", tag = "support", params(("case" = String, Path), ("id" = String, Path)),
    request_body = ConcernPatch, security(("bearer" = [])),
    responses((status = 200, body = ConcernJson), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn close_concern(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ConcernPatch>,
) -> Result<Json<ConcernJson>, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::RecordConcerns).await?;
    let mut errors = Vec::new();
    if body.status.trim() != "closed" {
        errors.push(FieldError::new("status", "error-unknown-value"));
    }
    let closure = parse_closure(
        &body.what_was_done,
        Some(user.actor.user_id.to_string()),
        Utc::now(),
    );
    if let Err(e) = &closure {
        errors.extend(e.iter().cloned());
    }
    let closure = match closure {
        Ok(c) if errors.is_empty() => c,
        _ => return Err(invalid(lang, "", &errors)),
    };
    let closed = state
        .store
        .close_concern(
            &OrgScope::of(&user.actor),
            &case.id,
            &id,
            &closure,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok(Json(concern_json(&closed)))
}

/// Moral deliberations, the latest first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/deliberations", tag = "support", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = DeliberationList), (status = 404, body = ErrorBody)))]
pub async fn list_deliberations(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<DeliberationList>, ApiError> {
    let case = read(
        &state,
        &user,
        &addr,
        case,
        CaseAction::RecordConcerns,
        "deliberations",
    )
    .await?;
    let found = state
        .store
        .deliberations(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| store_error(user.lang, e))?;
    Ok(Json(DeliberationList {
        items: found.iter().map(deliberation_json).collect(),
        next: None,
    }))
}

/// Records a moral deliberation on a risk dilemma: question, who took part, considerations,
/// decision and follow-up.
#[utoipa::path(post, path = "/api/v1/cases/{case}/deliberations", tag = "support", params(("case" = String, Path)),
    request_body = DeliberationBody, security(("bearer" = [])),
    responses((status = 201, body = DeliberationJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn record_deliberation(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<DeliberationBody>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = open(&state, &user, &addr, case, CaseAction::RecordConcerns).await?;
    let deliberation = RawDeliberation {
        held_on: owned(&body.held_on),
        question: body.question,
        participants: body.participants,
        considerations: body.considerations,
        decision: body.decision,
        follow_up: owned(&body.follow_up),
    }
    .parse(
        new_id(),
        Some(user.actor.user_id.to_string()),
        Utc::now(),
        today(),
    )
    .map_err(|e| invalid(lang, "", &e))?;
    state
        .store
        .record_deliberation(
            &OrgScope::of(&user.actor),
            &case.id,
            &deliberation,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(lang, e))?;
    Ok((StatusCode::CREATED, Json(deliberation_json(&deliberation))).into_response())
}
