//! The one plan: the professional's pages under `/cases/{id}/plan` (goals, actions, the safety
//! section, adopting a version, comparing versions, the PDF handout). Network meetings have
//! their own pages (`meetings.rs`).

use super::cases::{CaseView, access_error, internal};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::i18n::Tr;
use crate::plan::{EditError, Performers, PlanEdit, day, overdue, statuses};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::plan::{
    GoalHolder, Plan, PlanChanges, RawAction, RawAgreement, RawGoal, RawSafety, compare,
    parse_progress,
};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, PlanAdoption, PlanVersionSummary, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/plan", get(page))
        .route("/cases/{id}/plan.pdf", get(pdf))
        .route("/cases/{id}/plan/goals", post(add_goal))
        .route("/cases/{id}/plan/goals/{g}/remove", post(remove_goal))
        .route("/cases/{id}/plan/actions", post(add_action))
        .route("/cases/{id}/plan/actions/{a}/remove", post(remove_action))
        .route("/cases/{id}/plan/actions/{a}/progress", post(progress))
        .route("/cases/{id}/plan/safety", post(safety))
        .route("/cases/{id}/plan/agreements", post(add_agreement))
        .route(
            "/cases/{id}/plan/agreements/{s}/remove",
            post(remove_agreement),
        )
        .route("/cases/{id}/plan/adopt", post(adopt))
        .route("/cases/{id}/plan/compare", get(compare_page))
}

pub struct GoalRow {
    pub id: String,
    pub text: String,
    pub holder: String,
    pub how_we_know: String,
}

pub struct ActionRow {
    pub id: String,
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: String,
    pub overdue: bool,
    pub notes: Vec<String>,
    pub statuses: Vec<(String, String, bool)>,
}

pub struct AgreementRow {
    pub id: String,
    pub concern: String,
    pub agreement: String,
    pub who_watches: String,
    pub if_wrong: String,
}

pub struct LatestVersion {
    pub label: String,
    pub signed: Vec<String>,
    pub unsigned: Vec<String>,
}

#[derive(Template)]
#[template(path = "plan.html")]
struct PlanPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    errors: Vec<String>,
    revision: i64,
    latest: Option<LatestVersion>,
    goals: Vec<GoalRow>,
    holders: Vec<(String, String)>,
    actions: Vec<ActionRow>,
    performers: Vec<(String, String)>,
    worries: String,
    working_well: String,
    needs_to_happen: String,
    agreements: Vec<AgreementRow>,
    meetings: Vec<(String, String)>,
    versions: Vec<(String, String)>,
}

/// "Version 2 of 3 March 2026".
pub fn version_label(tr: &Tr, v: &PlanVersionSummary) -> String {
    tr.message(
        "plan-version-label",
        &[
            ("number", v.number.into()),
            ("date", day(v.adopted_on).into()),
        ],
    )
}

/// The notes under an action, oldest first: "12-03-2026 · Oma Ria · done: note".
pub fn note_lines(tr: &Tr, a: &steunkring_domain::plan::Action) -> Vec<String> {
    a.progress
        .iter()
        .map(|n| {
            let mut line = format!(
                "{} · {} · {}",
                day(steunkring_domain::consent::dutch_date(n.at)),
                n.by,
                tr.t(n.status.label_key())
            );
            if let Some(t) = &n.text {
                line.push_str(": ");
                line.push_str(t);
            }
            line
        })
        .collect()
}

/// Everyone invited to the case (participant id, name) who could sign off.
async fn signers(state: &AppState, scope: &OrgScope, case: &Case) -> Vec<(String, String)> {
    match state.store.list_participants(scope, &case.id).await {
        Ok(ps) => ps
            .into_iter()
            .filter(|p| p.participant.user_id.is_some())
            .map(|p| (p.participant.id, p.participant.display_name))
            .collect(),
        Err(e) => {
            tracing::error!(error = %e, "participants for sign-off");
            Vec::new()
        }
    }
}

pub fn latest_version(
    tr: &Tr,
    versions: &[PlanVersionSummary],
    invited: &[(String, String)],
) -> Option<LatestVersion> {
    let v = versions.first()?;
    let signed_ids: Vec<String> = v
        .sign_offs
        .iter()
        .map(|s| s.participant_id.clone())
        .collect();
    let (_, unsigned) = steunkring_domain::plan::sign_off_status(invited, &signed_ids);
    Some(LatestVersion {
        label: version_label(tr, v),
        signed: v.sign_offs.iter().map(|s| s.name.clone()).collect(),
        unsigned: unsigned.iter().map(|(_, n)| n.clone()).collect(),
    })
}

async fn plan_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let loaded = tokio::try_join!(
        state.store.plan(&scope, &case.id),
        state.store.network(&scope, &case.id),
        state.store.plan_versions(&scope, &case.id),
        state.store.meetings(&scope, &case.id),
    );
    let (current, network, versions, meetings) = match loaded {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let invited = signers(state, &scope, case).await;
    let performers = Performers::load(
        state,
        &scope,
        case,
        &network.members,
        &current.plan,
        Some(&user.actor),
    )
    .await;
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let plan = &current.plan;
    let page = PlanPage {
        title: tr.t("plan-title"),
        case: CaseView::new(tr, user, case),
        tab: "plan",
        errors,
        revision: current.revision,
        latest: latest_version(tr, &versions, &invited),
        goals: plan
            .goals
            .iter()
            .map(|g| GoalRow {
                id: g.id.clone(),
                text: g.text.clone(),
                holder: tr.t(g.holder.label_key()),
                how_we_know: g.how_we_know.clone().unwrap_or_default(),
            })
            .collect(),
        holders: GoalHolder::ALL
            .iter()
            .map(|h| (h.as_str().to_string(), tr.t(h.label_key())))
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| ActionRow {
                id: a.id.clone(),
                what: a.what.clone(),
                who: performers.name(tr, &a.who),
                due: a.due_on.map(day).unwrap_or_default(),
                status: tr.t(a.status.label_key()),
                overdue: overdue(a),
                notes: note_lines(tr, a),
                statuses: statuses(tr, a.status),
            })
            .collect(),
        performers: performers.choices(tr),
        worries: plan.safety.worries.clone().unwrap_or_default(),
        working_well: plan.safety.working_well.clone().unwrap_or_default(),
        needs_to_happen: plan.safety.needs_to_happen.clone().unwrap_or_default(),
        agreements: plan
            .safety
            .agreements
            .iter()
            .map(|a| AgreementRow {
                id: a.id.clone(),
                concern: a.concern.clone(),
                agreement: a.agreement.clone(),
                who_watches: a.who_watches.clone(),
                if_wrong: a.if_wrong.clone(),
            })
            .collect(),
        meetings: meetings
            .iter()
            .filter(|m| m.plan_version.is_none())
            .map(|m| {
                (
                    m.id.clone(),
                    format!(
                        "{} · {}",
                        day(steunkring_domain::meeting::meeting_day(m)),
                        tr.t(m.kind.label_key())
                    ),
                )
            })
            .collect(),
        versions: versions
            .iter()
            .map(|v| (v.id.clone(), version_label(tr, v)))
            .collect(),
        shell,
    };
    (status, render(user.lang, &page)).into_response()
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

/// `GET /cases/{id}/plan`
async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    match open_for(&state, &user, &addr, &id, CaseAction::ReadPlan).await {
        Ok(case) => plan_page(&state, &user, &case, StatusCode::OK, Vec::new()).await,
        Err(r) => r,
    }
}

/// Field errors as sentences for the error summary: the field's label (the message
/// `{prefix}-field-{field}`) and what is wrong.
pub fn labelled_errors(tr: &Tr, prefix: &str, errors: &[FieldError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                tr.t(&format!("{prefix}-field-{}", e.field.replace('_', "-"))),
                tr.t(e.key)
            )
        })
        .collect()
}

fn field_errors(tr: &Tr, errors: &[FieldError]) -> Vec<String> {
    labelled_errors(tr, "plan", errors)
}

/// Runs one edit from a form and answers the page again: on success a redirect to the part
/// that changed, otherwise the page with what went wrong.
async fn edit_from_form(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &str,
    revision: &str,
    edit: PlanEdit,
    anchor: &str,
) -> Response {
    let case = match open_for(state, user, addr, id, CaseAction::ChangePlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let Ok(revision) = revision.trim().parse::<i64>() else {
        return plan_page(
            state,
            user,
            &case,
            StatusCode::CONFLICT,
            vec![tr.t("plan-error-conflict")],
        )
        .await;
    };
    match crate::plan::edit(state, &user.actor, &case, revision, edit, addr).await {
        Ok(_) => see_other(&format!("/cases/{}/plan#{anchor}", case.id)),
        Err(EditError::Invalid(errors)) => {
            let errors = field_errors(&tr, &errors);
            plan_page(state, user, &case, StatusCode::UNPROCESSABLE_ENTITY, errors).await
        }
        Err(EditError::Conflict) => {
            let errors = vec![tr.t("plan-error-conflict")];
            plan_page(state, user, &case, StatusCode::CONFLICT, errors).await
        }
        Err(EditError::NotFound) => error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found"),
        Err(EditError::Store(e)) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct Revision {
    #[serde(default)]
    revision: String,
}

#[derive(Deserialize, Default)]
pub struct GoalForm {
    #[serde(default)]
    revision: String,
    #[serde(flatten)]
    goal: RawGoal,
}

async fn add_goal(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<GoalForm>,
) -> Response {
    let edit = PlanEdit::AddGoal(form.goal);
    edit_from_form(&state, &user, &addr, &id, &form.revision, edit, "doelen").await
}

async fn remove_goal(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, goal)): Path<(String, String)>,
    PageForm(form): PageForm<Revision>,
) -> Response {
    let edit = PlanEdit::RemoveGoal(goal);
    edit_from_form(&state, &user, &addr, &id, &form.revision, edit, "doelen").await
}

#[derive(Deserialize, Default)]
pub struct ActionForm {
    #[serde(default)]
    revision: String,
    #[serde(flatten)]
    action: RawAction,
}

async fn add_action(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<ActionForm>,
) -> Response {
    let edit = PlanEdit::AddAction(form.action);
    edit_from_form(&state, &user, &addr, &id, &form.revision, edit, "acties").await
}

async fn remove_action(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, action)): Path<(String, String)>,
    PageForm(form): PageForm<Revision>,
) -> Response {
    let edit = PlanEdit::RemoveAction(action);
    edit_from_form(&state, &user, &addr, &id, &form.revision, edit, "acties").await
}

#[derive(Deserialize, Default)]
pub struct SafetyForm {
    #[serde(default)]
    revision: String,
    #[serde(flatten)]
    safety: RawSafety,
}

async fn safety(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<SafetyForm>,
) -> Response {
    let edit = PlanEdit::SetSafety(form.safety);
    edit_from_form(
        &state,
        &user,
        &addr,
        &id,
        &form.revision,
        edit,
        "veiligheid",
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct AgreementForm {
    #[serde(default)]
    revision: String,
    #[serde(flatten)]
    agreement: RawAgreement,
}

async fn add_agreement(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<AgreementForm>,
) -> Response {
    let edit = PlanEdit::AddAgreement(form.agreement);
    edit_from_form(
        &state,
        &user,
        &addr,
        &id,
        &form.revision,
        edit,
        "veiligheid",
    )
    .await
}

async fn remove_agreement(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, agreement)): Path<(String, String)>,
    PageForm(form): PageForm<Revision>,
) -> Response {
    let edit = PlanEdit::RemoveAgreement(agreement);
    edit_from_form(
        &state,
        &user,
        &addr,
        &id,
        &form.revision,
        edit,
        "veiligheid",
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ProgressForm {
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub note: String,
}

/// `POST /cases/{id}/plan/actions/{a}/progress`: the professional records progress.
async fn progress(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, action)): Path<(String, String)>,
    PageForm(form): PageForm<ProgressForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, &id, CaseAction::ChangePlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let note = match parse_progress(&form.status, &form.note, &user.actor.name, Utc::now()) {
        Ok(n) => n,
        Err(errors) => {
            let errors = field_errors(&tr, &errors);
            return plan_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await;
        }
    };
    match state
        .store
        .record_progress(
            &OrgScope::of(&user.actor),
            &case.id,
            &action,
            &note,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/plan#actie-{action}", case.id)),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct AdoptForm {
    #[serde(default)]
    meeting_id: String,
}

/// `POST /cases/{id}/plan/adopt`: the plan as it stands becomes the next version.
async fn adopt(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<AdoptForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, &id, CaseAction::ChangePlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let meeting = Some(form.meeting_id.trim().to_string()).filter(|m| !m.is_empty());
    match adopt_plan(&state, &user.actor, &case, meeting, &addr).await {
        Ok(_) => see_other(&format!("/cases/{}/plan#plan-status", case.id)),
        Err(StoreError::NotFound) => {
            let tr = Tr::new(user.lang);
            let errors = vec![tr.t("plan-error-meeting")];
            plan_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                errors,
            )
            .await
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// Adopts the current plan as the next version, optionally as the outcome of a meeting.
pub async fn adopt_plan(
    state: &AppState,
    actor: &steunkring_domain::Actor,
    case: &Case,
    meeting: Option<String>,
    addr: &str,
) -> Result<PlanVersionSummary, StoreError> {
    let now = Utc::now();
    state
        .store
        .adopt_plan(
            &OrgScope::of(actor),
            &case.id,
            &PlanAdoption {
                id: steunkring_domain::ids::AuditId::generate().to_string(),
                adopted_on: steunkring_domain::consent::dutch_date(now),
                adopted_at: now,
                adopted_by: Some(actor.user_id.clone()),
                meeting_id: meeting,
            },
            case_event(actor, AuditAction::Create, &case.id, addr),
        )
        .await
}

#[derive(Template)]
#[template(path = "plan_compare.html")]
struct ComparePage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    lines: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct CompareQuery {
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
}

/// What changed between two versions, in sentences.
pub fn change_lines(tr: &Tr, c: &PlanChanges, performers: &Performers) -> Vec<String> {
    let mut out = Vec::new();
    for g in &c.goals_added {
        out.push(tr.t1("plan-change-goal-added", "text", &g.text));
    }
    for g in &c.goals_removed {
        out.push(tr.t1("plan-change-goal-removed", "text", &g.text));
    }
    for (_, g) in &c.goals_changed {
        out.push(tr.t1("plan-change-goal-changed", "text", &g.text));
    }
    for a in &c.actions_added {
        out.push(tr.message(
            "plan-change-action-added",
            &[
                ("text", a.what.clone().into()),
                ("who", performers.name(tr, &a.who).into()),
            ],
        ));
    }
    for a in &c.actions_removed {
        out.push(tr.t1("plan-change-action-removed", "text", &a.what));
    }
    for a in &c.actions_changed {
        if let Some((from, to)) = a.status {
            out.push(tr.message(
                "plan-change-action-status",
                &[
                    ("text", a.what.clone().into()),
                    ("from", tr.t(from.label_key()).into()),
                    ("to", tr.t(to.label_key()).into()),
                ],
            ));
        }
        if let Some((_, to)) = &a.who {
            out.push(tr.message(
                "plan-change-action-who",
                &[
                    ("text", a.what.clone().into()),
                    ("who", performers.name(tr, to).into()),
                ],
            ));
        }
        if let Some((_, to)) = a.due_on {
            out.push(tr.message(
                "plan-change-action-due",
                &[
                    ("text", a.what.clone().into()),
                    ("date", to.map(day).unwrap_or_else(|| "—".into()).into()),
                ],
            ));
        }
        if a.what_changed {
            out.push(tr.t1("plan-change-action-text", "text", &a.what));
        }
    }
    for a in &c.agreements_added {
        out.push(tr.t1("plan-change-agreement-added", "text", &a.agreement));
    }
    for a in &c.agreements_removed {
        out.push(tr.t1("plan-change-agreement-removed", "text", &a.agreement));
    }
    for (_, a) in &c.agreements_changed {
        out.push(tr.t1("plan-change-agreement-changed", "text", &a.agreement));
    }
    if c.safety_texts_changed {
        out.push(tr.t("plan-change-safety"));
    }
    out
}

/// `GET /cases/{id}/plan/compare?a=&b=`
async fn compare_page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Response {
    let case = match open_for(&state, &user, &addr, &id, CaseAction::ReadPlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let scope = OrgScope::of(&user.actor);
    let loaded = tokio::try_join!(
        state.store.plan_version(&scope, &case.id, q.a.trim()),
        state.store.plan_version(&scope, &case.id, q.b.trim()),
        state.store.network(&scope, &case.id),
    );
    let ((va, pa), (vb, pb), network) = match loaded {
        Ok(v) => v,
        Err(StoreError::NotFound) => {
            return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
        }
        Err(e) => return internal(user.lang, &e),
    };
    let both = Plan {
        actions: pa.actions.iter().chain(&pb.actions).cloned().collect(),
        ..Plan::default()
    };
    let performers = Performers::load(&state, &scope, &case, &network.members, &both, None).await;
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let page = ComparePage {
        title: shell.tr.message(
            "plan-compare-title",
            &[("from", va.number.into()), ("to", vb.number.into())],
        ),
        case: CaseView::new(&shell.tr, &user, &case),
        tab: "plan",
        lines: change_lines(&shell.tr, &compare(&pa, &pb), &performers),
        shell,
    };
    render(user.lang, &page)
}

/// A PDF answer with a file name.
pub fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

/// `GET /cases/{id}/plan.pdf`: the handout of the current plan, for the professional (who
/// sees the safety section).
async fn pdf(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let case = match open_for(&state, &user, &addr, &id, CaseAction::ReadPlan).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match plan_pdf(
        &state,
        &user.actor,
        &case,
        &user.actor.name,
        true,
        user.lang,
    )
    .await
    {
        Ok(bytes) => pdf_response(bytes, "plan.pdf"),
        Err(e) => internal(user.lang, &e),
    }
}

/// The handout of the current plan with its latest version's sign-offs.
pub async fn plan_pdf(
    state: &AppState,
    actor: &steunkring_domain::Actor,
    case: &Case,
    reader: &str,
    with_safety: bool,
    lang: crate::i18n::Lang,
) -> Result<Vec<u8>, StoreError> {
    let scope = OrgScope::of(actor);
    let (current, network, versions) = tokio::try_join!(
        state.store.plan(&scope, &case.id),
        state.store.network(&scope, &case.id),
        state.store.plan_versions(&scope, &case.id),
    )?;
    let performers =
        Performers::load(state, &scope, case, &network.members, &current.plan, None).await;
    let tr = Tr::new(lang);
    Ok(crate::plan::handout(
        &tr,
        case,
        &current.plan,
        versions.first(),
        &performers,
        reader,
        with_safety,
    ))
}
