//! The plan and network meetings in the JSON API: `/plan`, `/plan/versions`, `/plan.pdf` and
//! `/meetings` under a case.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::Tr;
use crate::plan::{Performers, PlanInput, plan_from_input};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::meeting::{Meeting, RawHeld, RawMeeting};
use steunkring_domain::network::MemberId;
use steunkring_domain::plan::{Plan, compare, parse_progress};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, PlanVersionSummary, StoreError};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/cases/{case}/plan", get(get_plan).put(put_plan))
        .route(
            "/api/v1/cases/{case}/plan/actions/{action}/progress",
            post(action_progress),
        )
        .route(
            "/api/v1/cases/{case}/plan/versions",
            get(list_versions).post(adopt),
        )
        .route(
            "/api/v1/cases/{case}/plan/versions/compare",
            get(compare_versions),
        )
        .route(
            "/api/v1/cases/{case}/plan/versions/{version}",
            get(get_version),
        )
        .route("/api/v1/cases/{case}/plan.pdf", get(plan_pdf))
        .route(
            "/api/v1/cases/{case}/meetings",
            get(list_meetings).post(create_meeting),
        )
        .route("/api/v1/cases/{case}/meetings/{meeting}", get(get_meeting))
        .route(
            "/api/v1/cases/{case}/meetings/{meeting}/held",
            post(record_held),
        )
        .route(
            "/api/v1/cases/{case}/meetings/{meeting}/invitation.ics",
            get(meeting_ics),
        )
}

#[derive(OpenApi)]
#[openapi(paths(
    get_plan,
    put_plan,
    action_progress,
    list_versions,
    adopt,
    compare_versions,
    get_version,
    plan_pdf,
    list_meetings,
    create_meeting,
    get_meeting,
    record_held,
    meeting_ics
))]
pub struct PlanApi;

// ----- JSON shapes -----

#[derive(Serialize, ToSchema)]
pub struct GoalJson {
    pub id: String,
    pub text: String,
    /// `youth`, `parent`, `network` or `professional`.
    pub holder: String,
    pub how_we_know: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ProgressJson {
    pub at: DateTime<Utc>,
    pub by: String,
    pub note: Option<String>,
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct ActionJson {
    pub id: String,
    pub what: String,
    /// `youth`, `parent:<index>`, `member:<id>` or `professional:<user id>`.
    pub who: String,
    /// The name of who holds it.
    pub who_name: String,
    pub due_on: Option<NaiveDate>,
    /// `open`, `doing`, `done` or `stopped`.
    pub status: String,
    pub overdue: bool,
    pub goal_id: Option<String>,
    pub progress: Vec<ProgressJson>,
}

#[derive(Serialize, ToSchema)]
pub struct AgreementJson {
    pub id: String,
    pub concern: String,
    pub agreement: String,
    pub who_watches: String,
    pub if_wrong: String,
}

#[derive(Serialize, ToSchema)]
pub struct SafetyJson {
    pub worries: Option<String>,
    pub working_well: Option<String>,
    pub needs_to_happen: Option<String>,
    pub agreements: Vec<AgreementJson>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanJson {
    /// Send it back with a change; raised by every change.
    pub revision: i64,
    pub goals: Vec<GoalJson>,
    pub actions: Vec<ActionJson>,
    pub safety: SafetyJson,
}

#[derive(Serialize, ToSchema)]
pub struct SignOffJson {
    pub participant_id: String,
    pub name: String,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanVersionJson {
    pub id: String,
    pub number: i64,
    pub adopted_on: NaiveDate,
    pub adopted_at: DateTime<Utc>,
    pub meeting_id: Option<String>,
    pub sign_offs: Vec<SignOffJson>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanVersionList {
    pub items: Vec<PlanVersionJson>,
    pub next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PlanVersionDetail {
    pub version: PlanVersionJson,
    pub plan: PlanJson,
}

fn plan_json(tr: &Tr, plan: &Plan, revision: i64, performers: &Performers) -> PlanJson {
    PlanJson {
        revision,
        goals: plan
            .goals
            .iter()
            .map(|g| GoalJson {
                id: g.id.clone(),
                text: g.text.clone(),
                holder: g.holder.as_str().into(),
                how_we_know: g.how_we_know.clone(),
            })
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| ActionJson {
                id: a.id.clone(),
                what: a.what.clone(),
                who: a.who.as_code(),
                who_name: performers.name(tr, &a.who),
                due_on: a.due_on,
                status: a.status.as_str().into(),
                overdue: crate::plan::overdue(a),
                goal_id: a.goal_id.clone(),
                progress: a
                    .progress
                    .iter()
                    .map(|n| ProgressJson {
                        at: n.at,
                        by: n.by.clone(),
                        note: n.text.clone(),
                        status: n.status.as_str().into(),
                    })
                    .collect(),
            })
            .collect(),
        safety: SafetyJson {
            worries: plan.safety.worries.clone(),
            working_well: plan.safety.working_well.clone(),
            needs_to_happen: plan.safety.needs_to_happen.clone(),
            agreements: plan
                .safety
                .agreements
                .iter()
                .map(|a| AgreementJson {
                    id: a.id.clone(),
                    concern: a.concern.clone(),
                    agreement: a.agreement.clone(),
                    who_watches: a.who_watches.clone(),
                    if_wrong: a.if_wrong.clone(),
                })
                .collect(),
        },
    }
}

fn version_json(v: &PlanVersionSummary) -> PlanVersionJson {
    PlanVersionJson {
        id: v.id.clone(),
        number: v.number,
        adopted_on: v.adopted_on,
        adopted_at: v.adopted_at,
        meeting_id: v.meeting_id.clone(),
        sign_offs: v
            .sign_offs
            .iter()
            .map(|s| SignOffJson {
                participant_id: s.participant_id.clone(),
                name: s.name.clone(),
                at: s.at,
            })
            .collect(),
    }
}

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

fn store_error(user: &ApiUser, e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict("plan") => ApiError::conflict(user.lang, "plan-error-conflict"),
        other => ApiError::from_store(user.lang, other),
    }
}

async fn current_json(state: &AppState, user: &ApiUser, case: &Case) -> Result<PlanJson, ApiError> {
    let scope = OrgScope::of(&user.actor);
    let (current, network) = tokio::try_join!(
        state.store.plan(&scope, &case.id),
        state.store.network(&scope, &case.id)
    )
    .map_err(|e| store_error(user, e))?;
    let performers =
        Performers::load(state, &scope, case, &network.members, &current.plan, None).await;
    Ok(plan_json(
        &Tr::new(user.lang),
        &current.plan,
        current.revision,
        &performers,
    ))
}

/// The current plan: goals, actions with their progress, and the safety section.
#[utoipa::path(get, path = "/api/v1/cases/{case}/plan", tag = "plan", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PlanJson), (status = 404, body = ErrorBody)))]
pub async fn get_plan(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<PlanJson>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    Ok(Json(current_json(&state, &user, &case).await?))
}

/// Replaces the plan as a whole. Items keep the ids they are sent with, so progress on an
/// action stays with it; `revision` must be the one read (409 otherwise).
#[utoipa::path(put, path = "/api/v1/cases/{case}/plan", tag = "plan", params(("case" = String, Path)), request_body = PlanInput, security(("bearer" = [])),
    responses((status = 200, body = PlanJson), (status = 409, body = ErrorBody, description = "the plan changed since this revision"),
              (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn put_plan(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<Json<PlanJson>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ChangePlan).await?;
    let scope = OrgScope::of(&user.actor);
    let network = state
        .store
        .network(&scope, &case.id)
        .await
        .map_err(|e| store_error(&user, e))?;
    let members: Vec<MemberId> = network.members.iter().map(|m| m.id.clone()).collect();
    let plan = plan_from_input(&input, &members, case.parents.len()).map_err(|errors| {
        let tr = Tr::new(user.lang);
        errors
            .iter()
            .fold(ApiError::invalid(user.lang, &[]), |e, (path, fe)| {
                e.with_field(path.clone(), tr.t(fe.key))
            })
    })?;
    state
        .store
        .save_plan(
            &scope,
            &case.id,
            &plan,
            input.revision,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(current_json(&state, &user, &case).await?))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressInput {
    /// `open`, `doing`, `done` or `stopped`.
    pub status: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// Records progress on an action (and its new status).
#[utoipa::path(post, path = "/api/v1/cases/{case}/plan/actions/{action}/progress", tag = "plan",
    params(("case" = String, Path), ("action" = String, Path)), request_body = ProgressInput, security(("bearer" = [])),
    responses((status = 200, body = PlanJson), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn action_progress(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, action)): Path<(String, String)>,
    ApiJson(input): ApiJson<ProgressInput>,
) -> Result<Json<PlanJson>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ChangePlan).await?;
    let note = parse_progress(
        &input.status,
        input.note.as_deref().unwrap_or(""),
        &user.actor.name,
        Utc::now(),
    )
    .map_err(|e| ApiError::invalid(user.lang, &e))?;
    state
        .store
        .record_progress(
            &OrgScope::of(&user.actor),
            &case.id,
            &action,
            &note,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(current_json(&state, &user, &case).await?))
}

/// Adopted versions, newest first, with who signed them off.
#[utoipa::path(get, path = "/api/v1/cases/{case}/plan/versions", tag = "plan", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PlanVersionList), (status = 404, body = ErrorBody)))]
pub async fn list_versions(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<PlanVersionList>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let versions = state
        .store
        .plan_versions(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(PlanVersionList {
        items: versions.iter().map(version_json).collect(),
        next: None,
    }))
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct AdoptInput {
    /// The network meeting that adopted the plan, if any.
    #[serde(default)]
    pub meeting_id: Option<String>,
}

/// Adopts the current plan as the next version.
#[utoipa::path(post, path = "/api/v1/cases/{case}/plan/versions", tag = "plan", params(("case" = String, Path)), request_body = AdoptInput, security(("bearer" = [])),
    responses((status = 201, body = PlanVersionJson), (status = 404, body = ErrorBody, description = "no such case or meeting")))]
pub async fn adopt(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(input): ApiJson<AdoptInput>,
) -> Result<(StatusCode, Json<PlanVersionJson>), ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ChangePlan).await?;
    let meeting = input.meeting_id.filter(|m| !m.trim().is_empty());
    let v = crate::pages::plan_adopt(&state, &user.actor, &case, meeting, &addr)
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok((StatusCode::CREATED, Json(version_json(&v))))
}

/// One adopted version with what it held.
#[utoipa::path(get, path = "/api/v1/cases/{case}/plan/versions/{version}", tag = "plan",
    params(("case" = String, Path), ("version" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = PlanVersionDetail), (status = 404, body = ErrorBody)))]
pub async fn get_version(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, version)): Path<(String, String)>,
) -> Result<Json<PlanVersionDetail>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let scope = OrgScope::of(&user.actor);
    let ((v, plan), network) = tokio::try_join!(
        state.store.plan_version(&scope, &case.id, &version),
        state.store.network(&scope, &case.id)
    )
    .map_err(|e| store_error(&user, e))?;
    let performers = Performers::load(&state, &scope, &case, &network.members, &plan, None).await;
    Ok(Json(PlanVersionDetail {
        version: version_json(&v),
        plan: plan_json(&Tr::new(user.lang), &plan, v.number, &performers),
    }))
}

#[derive(Deserialize)]
pub struct CompareParams {
    a: String,
    b: String,
}

/// What changed between two versions: goals, actions (who, when, status) and agreements added,
/// removed or changed. Items keep their ids across versions.
#[utoipa::path(get, path = "/api/v1/cases/{case}/plan/versions/compare", tag = "plan",
    params(("case" = String, Path), ("a" = String, Query, description = "the older version"), ("b" = String, Query, description = "the newer version")),
    security(("bearer" = [])),
    responses((status = 200, body = Object, description = "goals_added, goals_removed, goals_changed, actions_added, actions_removed, actions_changed, agreements_added, agreements_removed, agreements_changed, safety_texts_changed"),
              (status = 404, body = ErrorBody)))]
pub async fn compare_versions(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    Query(q): Query<CompareParams>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let scope = OrgScope::of(&user.actor);
    let ((_, a), (_, b)) = tokio::try_join!(
        state.store.plan_version(&scope, &case.id, &q.a),
        state.store.plan_version(&scope, &case.id, &q.b)
    )
    .map_err(|e| store_error(&user, e))?;
    serde_json::to_value(compare(&a, &b))
        .map(Json)
        .map_err(|e| ApiError::internal(user.lang, &e))
}

/// The plan as a PDF handout (for the professional: with the safety section).
#[utoipa::path(get, path = "/api/v1/cases/{case}/plan.pdf", tag = "plan", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404, body = ErrorBody)))]
pub async fn plan_pdf(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Response, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let bytes = crate::pages::plan_handout_pdf(
        &state,
        &user.actor,
        &case,
        &user.actor.name,
        true,
        user.lang,
    )
    .await
    .map_err(|e| store_error(&user, e))?;
    Ok(crate::pages::pdf_download(bytes, "plan.pdf"))
}

// ----- meetings -----

#[derive(Serialize, ToSchema)]
pub struct InviteeJson {
    pub member_id: String,
    pub name: String,
    pub attended: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingJson {
    pub id: String,
    /// `network_meeting`, `family_group_conference` or `signs_of_safety`.
    pub kind: String,
    /// The family's own question, in its own words.
    pub own_question: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: u16,
    pub location: Option<String>,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    pub invitees: Vec<InviteeJson>,
    /// Minutes the family spent without professionals.
    pub private_minutes: Option<u16>,
    pub notes: Option<String>,
    pub plan_version: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingList {
    pub items: Vec<MeetingJson>,
    pub next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WarningJson {
    pub member_id: String,
    pub name: String,
    /// The categories of information the meeting covers that this invitee has no consent for.
    pub categories: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct MeetingCreated {
    pub meeting: MeetingJson,
    /// Invitees who would hear what they have no consent for.
    pub warnings: Vec<WarningJson>,
}

pub fn meeting_json(m: &Meeting) -> MeetingJson {
    MeetingJson {
        id: m.id.clone(),
        kind: m.kind.as_str().into(),
        own_question: m.own_question.clone(),
        starts_at: m.starts_at,
        minutes: m.minutes,
        location: m.location.clone(),
        status: m.status.as_str().into(),
        invitees: m
            .invitees
            .iter()
            .map(|i| InviteeJson {
                member_id: i.member_id.to_string(),
                name: i.name.clone(),
                attended: i.attended,
            })
            .collect(),
        private_minutes: m.private_minutes,
        notes: m.notes.clone(),
        plan_version: m.plan_version.clone(),
    }
}

/// The network meetings of a case.
#[utoipa::path(get, path = "/api/v1/cases/{case}/meetings", tag = "plan", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = MeetingList), (status = 404, body = ErrorBody)))]
pub async fn list_meetings(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<MeetingList>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let meetings = state
        .store
        .meetings(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(MeetingList {
        items: meetings.iter().map(meeting_json).collect(),
        next: None,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeetingInput {
    /// `network_meeting`, `family_group_conference` or `signs_of_safety`.
    pub kind: String,
    pub own_question: String,
    /// RFC 3339, or a Dutch local time `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    /// Length in minutes (15–720; default 120).
    #[serde(default)]
    pub minutes: Option<u16>,
    #[serde(default)]
    pub location: Option<String>,
    /// Member ids from the map.
    #[serde(default)]
    pub invitees: Vec<String>,
}

/// Plans a network meeting with invitees from the map; answers who would hear what they have
/// no consent for.
#[utoipa::path(post, path = "/api/v1/cases/{case}/meetings", tag = "plan", params(("case" = String, Path)), request_body = MeetingInput, security(("bearer" = [])),
    responses((status = 201, body = MeetingCreated), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn create_meeting(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(input): ApiJson<MeetingInput>,
) -> Result<(StatusCode, Json<MeetingCreated>), ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ChangePlan).await?;
    let raw = RawMeeting {
        kind: input.kind,
        own_question: input.own_question,
        starts_at: input.starts_at,
        minutes: input.minutes.map(|m| m.to_string()).unwrap_or_default(),
        location: input.location.unwrap_or_default(),
        invitees: input.invitees,
    };
    let (meeting, warnings) = crate::pages::plan_meeting(&state, &user.actor, &case, &raw, &addr)
        .await
        .map_err(|e| match e {
            crate::pages::MeetingError::Invalid(errors) => ApiError::invalid(user.lang, &errors),
            crate::pages::MeetingError::Store(e) => store_error(&user, e),
        })?;
    Ok((
        StatusCode::CREATED,
        Json(MeetingCreated {
            meeting: meeting_json(&meeting),
            warnings: warnings
                .into_iter()
                .map(|w| WarningJson {
                    member_id: w.member_id.to_string(),
                    name: w.name,
                    categories: w.categories.iter().map(|c| c.as_str().into()).collect(),
                })
                .collect(),
        }),
    ))
}

/// One network meeting.
#[utoipa::path(get, path = "/api/v1/cases/{case}/meetings/{meeting}", tag = "plan",
    params(("case" = String, Path), ("meeting" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = MeetingJson), (status = 404, body = ErrorBody)))]
pub async fn get_meeting(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, meeting)): Path<(String, String)>,
) -> Result<Json<MeetingJson>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let m = state
        .store
        .meeting(&OrgScope::of(&user.actor), &case.id, &meeting)
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(meeting_json(&m)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HeldInput {
    /// Member ids of the invitees who came.
    #[serde(default)]
    pub attended: Vec<String>,
    /// Minutes the family spent without professionals.
    #[serde(default)]
    pub private_minutes: Option<u16>,
    #[serde(default)]
    pub notes: Option<String>,
}

/// Records that a meeting was held: who came, private family time, notes.
#[utoipa::path(post, path = "/api/v1/cases/{case}/meetings/{meeting}/held", tag = "plan",
    params(("case" = String, Path), ("meeting" = String, Path)), request_body = HeldInput, security(("bearer" = [])),
    responses((status = 200, body = MeetingJson), (status = 422, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn record_held(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, meeting)): Path<(String, String)>,
    ApiJson(input): ApiJson<HeldInput>,
) -> Result<Json<MeetingJson>, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ChangePlan).await?;
    let scope = OrgScope::of(&user.actor);
    let m = state
        .store
        .meeting(&scope, &case.id, &meeting)
        .await
        .map_err(|e| store_error(&user, e))?;
    let held = RawHeld {
        attended: input.attended,
        private_minutes: input
            .private_minutes
            .map(|m| m.to_string())
            .unwrap_or_default(),
        notes: input.notes.unwrap_or_default(),
    }
    .apply(&m)
    .map_err(|e| ApiError::invalid(user.lang, &e))?;
    state
        .store
        .update_meeting(
            &scope,
            &case.id,
            &held,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(Json(meeting_json(&held)))
}

/// The meeting as a calendar invitation (`text/calendar`).
#[utoipa::path(get, path = "/api/v1/cases/{case}/meetings/{meeting}/invitation.ics", tag = "plan",
    params(("case" = String, Path), ("meeting" = String, Path)), security(("bearer" = [])),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ErrorBody)))]
pub async fn meeting_ics(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, meeting)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let case = open(&state, &user, &addr, case, CaseAction::ReadPlan).await?;
    let m = state
        .store
        .meeting(&OrgScope::of(&user.actor), &case.id, &meeting)
        .await
        .map_err(|e| store_error(&user, e))?;
    Ok(ics_response(
        &Tr::new(user.lang),
        &case,
        &m,
        &user.actor.name,
    ))
}

/// The `.ics` download of a meeting: the kind and the young person's first name in the title,
/// the family's question as the description.
pub fn ics_response(tr: &Tr, case: &Case, m: &Meeting, organiser: &str) -> Response {
    let name = case
        .preferred_name
        .clone()
        .unwrap_or_else(|| case.youth_name.clone());
    let body = steunkring_export::meeting_ics(&steunkring_export::MeetingInvite {
        uid: m.id.clone(),
        start: m.starts_at,
        end: m.ends_at(),
        summary: tr.message(
            "meeting-ics-summary",
            &[
                ("kind", tr.t(m.kind.label_key()).into()),
                ("name", name.into()),
            ],
        ),
        location: m.location.clone(),
        description: Some(m.own_question.clone()),
        organiser_name: organiser.to_string(),
        stamp: Utc::now(),
    });
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"netwerkberaad.ics\"",
            ),
        ],
        body,
    )
        .into_response()
}
