//! Network meetings (*netwerkberaad*): planning one with the family's own question and
//! invitees from the map (with a warning for invitees who have no consent for what the meeting
//! covers), the invitation to print or add to a calendar, and recording that it was held.

use super::cases::{CaseView, access_error, internal};
use super::plan::labelled_errors;
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::i18n::Tr;
use crate::plan::day;
use crate::sharing::{Sharing, participant_viewer};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::Viewer;
use steunkring_domain::ids::CaseId;
use steunkring_domain::meeting::{
    InviteeWarning, Meeting, MeetingKind, MeetingStatus, RawHeld, RawMeeting, invitee_warnings,
    meeting_day, meeting_time,
};
use steunkring_domain::network::MemberId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::{Actor, FieldError};
use steunkring_store::{Case, OrgScope, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/meetings", get(list).post(create))
        .route("/cases/{id}/meetings/{m}", get(show))
        .route("/cases/{id}/meetings/{m}/held", post(held))
        .route("/cases/{id}/meetings/{m}/invitation", get(invitation))
        .route("/cases/{id}/meetings/{m}/invitation.ics", get(ics))
}

/// Why a meeting could not be planned.
pub enum MeetingError {
    Invalid(Vec<FieldError>),
    Store(StoreError),
}

/// The warnings for a meeting's invitees, by the consent rules as they stand now: an invitee
/// with an account is the viewer they are; someone on the map without one is an outsider.
pub async fn warnings(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    meeting: &Meeting,
) -> Result<Vec<InviteeWarning>, StoreError> {
    let scope = OrgScope::of(actor);
    let (sharing, participants, plan) = tokio::try_join!(
        Sharing::load(state, &scope, case),
        state.store.list_participants(&scope, &case.id),
        state.store.plan(&scope, &case.id),
    )?;
    let viewer_of = |member: &MemberId| {
        participants
            .iter()
            .find(|p| p.participant.member_id.as_ref() == Some(member))
            .map(|p| participant_viewer(case, &p.participant))
            .unwrap_or(Viewer::Outsider)
    };
    Ok(invitee_warnings(
        &meeting.invitees,
        viewer_of,
        !plan.plan.safety.is_empty(),
        &sharing.context(case),
        Utc::now(),
    ))
}

/// Plans a meeting: checks it, stores it, and answers the warnings for its invitees.
pub async fn plan_meeting(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    raw: &RawMeeting,
    addr: &str,
) -> Result<(Meeting, Vec<InviteeWarning>), MeetingError> {
    let scope = OrgScope::of(actor);
    let network = state
        .store
        .network(&scope, &case.id)
        .await
        .map_err(MeetingError::Store)?;
    let members: Vec<(MemberId, String)> = network
        .members
        .iter()
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect();
    let id = steunkring_domain::ids::AuditId::generate().to_string();
    let meeting = raw.parse(id, &members).map_err(MeetingError::Invalid)?;
    state
        .store
        .create_meeting(
            &scope,
            &case.id,
            &meeting,
            case_event(actor, AuditAction::Create, &case.id, addr),
        )
        .await
        .map_err(MeetingError::Store)?;
    let warnings = warnings(state, actor, case, &meeting)
        .await
        .map_err(MeetingError::Store)?;
    Ok((meeting, warnings))
}

fn when(tr: &Tr, m: &Meeting) -> String {
    tr.message(
        "meeting-when-value",
        &[
            ("date", day(meeting_day(m)).into()),
            ("time", meeting_time(m).format("%H:%M").to_string().into()),
            ("minutes", i64::from(m.minutes).into()),
        ],
    )
}

pub struct MeetingRow {
    pub id: String,
    pub when: String,
    pub kind: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "meetings.html")]
struct MeetingsPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    errors: Vec<String>,
    meetings: Vec<MeetingRow>,
    kinds: Vec<(String, String)>,
    members: Vec<(String, String)>,
}

async fn open_for(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &str,
    action: CaseAction,
) -> Result<Case, Response> {
    open_case(state, &user.actor, &CaseId::from_stored(id), action, addr)
        .await
        .map_err(|e| access_error(user.lang, e))
}

async fn list_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (meetings, network) = match tokio::try_join!(
        state.store.meetings(&scope, &case.id),
        state.store.network(&scope, &case.id)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let page = MeetingsPage {
        title: tr.t("meetings-title"),
        case: CaseView::new(tr, user, case),
        tab: "meetings",
        errors,
        meetings: meetings
            .iter()
            .rev()
            .map(|m| MeetingRow {
                id: m.id.clone(),
                when: when(tr, m),
                kind: tr.t(m.kind.label_key()),
                status: tr.t(m.status.label_key()),
            })
            .collect(),
        kinds: MeetingKind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), tr.t(k.label_key())))
            .collect(),
        members: network
            .members
            .iter()
            .map(|m| (m.id.to_string(), format!("{} ({})", m.name, m.relation)))
            .collect(),
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

/// `GET /cases/{id}/meetings`
async fn list(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    match open_for(&state, &user, &addr, &id, CaseAction::ReadPlan).await {
        Ok(case) => list_page(&state, &user, &case, StatusCode::OK, Vec::new()).await,
        Err(r) => r,
    }
}

/// `POST /cases/{id}/meetings`
async fn create(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(raw): PageForm<RawMeeting>,
) -> Response {
    let case = match open_for(&state, &user, &addr, &id, CaseAction::ChangePlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match plan_meeting(&state, &user.actor, &case, &raw, &addr).await {
        Ok((m, _)) => see_other(&format!("/cases/{}/meetings/{}", case.id, m.id)),
        Err(MeetingError::Invalid(errors)) => {
            let errors = meeting_errors(&Tr::new(user.lang), &errors);
            list_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await
        }
        Err(MeetingError::Store(e)) => internal(user.lang, &e),
    }
}

fn meeting_errors(tr: &Tr, errors: &[FieldError]) -> Vec<String> {
    labelled_errors(tr, "meeting", errors)
}

pub struct MeetingView {
    pub id: String,
    pub when: String,
    pub location: String,
    pub status: String,
    pub own_question: String,
    pub private_time: String,
    pub notes: String,
    /// (name, came / did not come / empty while planned)
    pub invitees: Vec<(String, String)>,
    pub invitee_ids: Vec<(String, String)>,
    pub planned: bool,
    pub adoptable: bool,
}

#[derive(Template)]
#[template(path = "meeting.html")]
struct MeetingPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    errors: Vec<String>,
    m: MeetingView,
    warnings: Vec<String>,
}

async fn meeting_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    meeting: &Meeting,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let found = match warnings(state, &user.actor, case, meeting).await {
        Ok(w) => w,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let warnings = found
        .iter()
        .map(|w| {
            let what: Vec<String> = w.categories.iter().map(|c| tr.t(c.label_key())).collect();
            tr.message(
                "meeting-warning",
                &[
                    ("name", w.name.clone().into()),
                    ("what", what.join(", ").into()),
                ],
            )
        })
        .collect();
    let m = meeting;
    let page = MeetingPage {
        title: tr.t(m.kind.label_key()),
        case: CaseView::new(tr, user, case),
        tab: "meetings",
        errors,
        m: MeetingView {
            id: m.id.clone(),
            when: when(tr, m),
            location: m.location.clone().unwrap_or_default(),
            status: tr.t(m.status.label_key()),
            own_question: m.own_question.clone(),
            private_time: m
                .private_minutes
                .map(|p| tr.tn("meeting-minutes-value", "minutes", i64::from(p)))
                .unwrap_or_default(),
            notes: m.notes.clone().unwrap_or_default(),
            invitees: m
                .invitees
                .iter()
                .map(|i| {
                    let came = match i.attended {
                        Some(true) => tr.t("meeting-came"),
                        Some(false) => tr.t("meeting-did-not-come"),
                        None => String::new(),
                    };
                    (i.name.clone(), came)
                })
                .collect(),
            invitee_ids: m
                .invitees
                .iter()
                .map(|i| (i.member_id.to_string(), i.name.clone()))
                .collect(),
            planned: m.status == MeetingStatus::Planned,
            adoptable: m.plan_version.is_none() && m.status != MeetingStatus::Cancelled,
        },
        warnings,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

async fn load(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &str,
    meeting: &str,
    action: CaseAction,
) -> Result<(Case, Meeting), Response> {
    let case = open_for(state, user, addr, id, action).await?;
    match state
        .store
        .meeting(&OrgScope::of(&user.actor), &case.id, meeting)
        .await
    {
        Ok(m) => Ok((case, m)),
        Err(StoreError::NotFound) => Err(error_page(
            user.lang,
            StatusCode::NOT_FOUND,
            "error-not-found",
        )),
        Err(e) => Err(internal(user.lang, &e)),
    }
}

/// `GET /cases/{id}/meetings/{m}`
async fn show(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, meeting)): Path<(String, String)>,
) -> Response {
    match load(&state, &user, &addr, &id, &meeting, CaseAction::ReadPlan).await {
        Ok((case, m)) => meeting_page(&state, &user, &case, &m, StatusCode::OK, Vec::new()).await,
        Err(r) => r,
    }
}

#[derive(Deserialize, Default)]
pub struct HeldForm {
    #[serde(default)]
    attended: Vec<String>,
    #[serde(default)]
    private_minutes: String,
    #[serde(default)]
    notes: String,
}

/// `POST /cases/{id}/meetings/{m}/held`
async fn held(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, meeting)): Path<(String, String)>,
    PageForm(form): PageForm<HeldForm>,
) -> Response {
    let (case, m) = match load(&state, &user, &addr, &id, &meeting, CaseAction::ChangePlan).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let raw = RawHeld {
        attended: form.attended,
        private_minutes: form.private_minutes,
        notes: form.notes,
    };
    let held = match raw.apply(&m) {
        Ok(h) => h,
        Err(errors) => {
            let errors = meeting_errors(&Tr::new(user.lang), &errors);
            return meeting_page(
                &state,
                &user,
                &case,
                &m,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await;
        }
    };
    match state
        .store
        .update_meeting(
            &OrgScope::of(&user.actor),
            &case.id,
            &held,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/meetings/{}", case.id, m.id)),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Template)]
#[template(path = "meeting_invitation.html")]
struct InvitationPage {
    shell: Shell,
    title: String,
    intro: String,
    when: String,
    location: String,
    own_question: String,
    invitees: Vec<String>,
    case_id: String,
    meeting_id: String,
}

/// `GET /cases/{id}/meetings/{m}/invitation`: a printable invitation.
async fn invitation(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, meeting)): Path<(String, String)>,
) -> Response {
    let (case, m) = match load(&state, &user, &addr, &id, &meeting, CaseAction::ReadPlan).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let name = case
        .preferred_name
        .clone()
        .unwrap_or_else(|| case.youth_name.clone());
    let page = InvitationPage {
        title: shell.tr.t(m.kind.label_key()),
        intro: shell.tr.t1("meeting-invitation-intro", "name", &name),
        when: when(&shell.tr, &m),
        location: m.location.clone().unwrap_or_default(),
        own_question: m.own_question.clone(),
        invitees: m.invitees.iter().map(|i| i.name.clone()).collect(),
        case_id: case.id.to_string(),
        meeting_id: m.id.clone(),
        shell,
    };
    render(user.lang, &page)
}

/// `GET /cases/{id}/meetings/{m}/invitation.ics`
async fn ics(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, meeting)): Path<(String, String)>,
) -> Response {
    match load(&state, &user, &addr, &id, &meeting, CaseAction::ReadPlan).await {
        Ok((case, m)) => {
            crate::api::meeting_ics_response(&Tr::new(user.lang), &case, &m, &user.actor.name)
        }
        Err(r) => r,
    }
}
