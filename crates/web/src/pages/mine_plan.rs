//! The plan on a participant's own page (`/mijn/{p}`): the plan as the consent rules let them
//! see it (the safety section only with consent for it), their own tasks with a way to report
//! progress, confirming the adopted version, and the PDF handout of what they may see.

use super::cases::internal;
use super::mine::{my_link, refused};
use super::plan::{note_lines, pdf_response, version_label};
use super::{PageForm, PageUser, error_page, see_other};
use crate::auth::ClientAddr;
use crate::cases::case_event;
use crate::i18n::Tr;
use crate::plan::{Performers, day, overdue, statuses};
use crate::sharing::{Sharing, participant_viewer};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{Category, Viewer};
use steunkring_domain::plan::{Holder, Plan, parse_progress};
use steunkring_domain::policy::{ParticipantAction, participant_may};
use steunkring_store::{Case, OrgScope, Participant, ParticipantLink, SignOff, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mijn/{p}/plan.pdf", get(pdf))
        .route("/mijn/{p}/plan/sign-off", post(sign_off))
        .route("/mijn/{p}/plan/actions/{a}/progress", post(progress))
}

/// One task of the person, with its progress form.
pub struct TaskRow {
    pub id: String,
    pub what: String,
    pub due: String,
    pub status: String,
    pub overdue: bool,
    pub notes: Vec<String>,
    pub statuses: Vec<(String, String, bool)>,
}

/// An action as everyone sees it in the plan.
pub struct PlanActionRow {
    pub what: String,
    pub who: String,
    pub due: String,
    pub status: String,
}

/// The plan as this participant may see it.
pub struct MinePlan {
    pub version: Option<String>,
    pub version_id: Option<String>,
    pub signed: bool,
    pub may_sign: bool,
    pub goals: Vec<(String, String)>,
    pub actions: Vec<PlanActionRow>,
    pub tasks: Vec<TaskRow>,
    /// Worries, working well, needs to happen (as label, text), and the agreements; `None`
    /// without consent for the safety section.
    pub safety: Option<(Vec<Labelled>, Vec<Vec<Labelled>>)>,
}

/// A label and its text.
pub type Labelled = (String, String);

/// Who the participant is, as a holder of actions.
fn holder<'a>(viewer: &'a Viewer, p: &'a Participant) -> Holder<'a> {
    Holder::Participant {
        viewer,
        member: p.member_id.as_ref(),
    }
}

/// The plan section of the participant page, or `None` when the consent rules keep the plan
/// from them (the map's reasons already say why).
pub async fn section(
    state: &AppState,
    tr: &Tr,
    case: &Case,
    participant: &Participant,
    viewer: &Viewer,
    sharing: &Sharing,
    scope: &OrgScope,
) -> Result<Option<MinePlan>, StoreError> {
    if !sharing.visibility(case, viewer, Category::Plan).allowed {
        return Ok(None);
    }
    let with_safety = sharing
        .visibility(case, viewer, Category::SafetySection)
        .allowed;
    let (current, network, versions) = tokio::try_join!(
        state.store.plan(scope, &case.id),
        state.store.network(scope, &case.id),
        state.store.plan_versions(scope, &case.id),
    )?;
    let plan = &current.plan;
    let performers = Performers::load(state, scope, case, &network.members, plan, None).await;
    let latest = versions.first();
    let signed = latest.is_some_and(|v| {
        v.sign_offs
            .iter()
            .any(|s| s.participant_id == participant.id)
    });
    let safety = (with_safety && !plan.safety.is_empty()).then(|| {
        let s = &plan.safety;
        let texts = [
            ("plan-safety-worries", &s.worries),
            ("plan-safety-working-well", &s.working_well),
            ("plan-safety-needs", &s.needs_to_happen),
        ]
        .into_iter()
        .filter_map(|(k, t)| t.as_ref().map(|t| (tr.t(k), t.clone())))
        .collect();
        let agreements = s
            .agreements
            .iter()
            .map(|a| {
                vec![
                    (tr.t("plan-agreement-concern"), a.concern.clone()),
                    (tr.t("plan-agreement-agreement"), a.agreement.clone()),
                    (tr.t("plan-agreement-who-watches"), a.who_watches.clone()),
                    (tr.t("plan-agreement-if-wrong"), a.if_wrong.clone()),
                ]
            })
            .collect();
        (texts, agreements)
    });
    Ok(Some(MinePlan {
        version: latest.map(|v| version_label(tr, v)),
        version_id: latest.map(|v| v.id.clone()),
        signed,
        may_sign: participant_may(viewer, ParticipantAction::SignOffPlan),
        goals: plan
            .goals
            .iter()
            .map(|g| (g.text.clone(), tr.t(g.holder.label_key())))
            .collect(),
        actions: plan
            .actions
            .iter()
            .map(|a| PlanActionRow {
                what: a.what.clone(),
                who: performers.name(tr, &a.who),
                due: a.due_on.map(day).unwrap_or_default(),
                status: tr.t(a.status.label_key()),
            })
            .collect(),
        tasks: plan
            .tasks_of(&holder(viewer, participant))
            .into_iter()
            .map(|a| TaskRow {
                id: a.id.clone(),
                what: a.what.clone(),
                due: a.due_on.map(day).unwrap_or_default(),
                status: tr.t(a.status.label_key()),
                overdue: overdue(a),
                notes: note_lines(tr, a),
                statuses: statuses(tr, a.status),
            })
            .collect(),
        safety,
    }))
}

/// A task on the participant's home page: the case, and what to do by when.
pub struct HomeTask {
    pub participant: String,
    pub what: String,
    pub due: String,
    pub overdue: bool,
}

/// The open tasks of a participant account across their cases, for the home page. Only
/// cases whose plan the consent rules show them count.
pub async fn home_tasks(
    state: &AppState,
    tr: &Tr,
    actor: &steunkring_domain::Actor,
    links: &[ParticipantLink],
) -> Vec<HomeTask> {
    let scope = OrgScope::of(actor);
    let mut out = Vec::new();
    for link in links {
        let Ok(case) = state
            .store
            .get_case(&scope, &link.participant.case_id)
            .await
        else {
            continue;
        };
        let Ok(sharing) = Sharing::load(state, &scope, &case).await else {
            continue;
        };
        let viewer = participant_viewer(&case, &link.participant);
        if !sharing.visibility(&case, &viewer, Category::Plan).allowed {
            continue;
        }
        let Ok(current) = state.store.plan(&scope, &case.id).await else {
            continue;
        };
        for a in current.plan.tasks_of(&holder(&viewer, &link.participant)) {
            if a.status.is_pending() {
                out.push(HomeTask {
                    participant: link.participant.id.clone(),
                    what: a.what.clone(),
                    due: a
                        .due_on
                        .map(|d| tr.t1("home-task-due", "date", day(d)))
                        .unwrap_or_default(),
                    overdue: overdue(a),
                });
            }
        }
    }
    out
}

/// The participant, their case, viewer and sharing state, refusing (404, audited as the
/// participant pages do) when the page is not theirs.
async fn me(
    state: &AppState,
    user: &PageUser,
    participant: &str,
) -> Result<(ParticipantLink, Case, Viewer, Sharing), Response> {
    let (link, case) = my_link(state, user, participant).await?;
    let sharing = Sharing::load(state, &OrgScope::of(&user.actor), &case)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let viewer = participant_viewer(&case, &link.participant);
    Ok((link, case, viewer, sharing))
}

/// `GET /mijn/{p}/plan.pdf`: the handout of what this reader may see.
async fn pdf(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
) -> Response {
    let (link, case, viewer, sharing) = match me(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if !sharing.visibility(&case, &viewer, Category::Plan).allowed {
        refused(&state, &user, &case.id, "plan", &addr).await;
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let with_safety = sharing
        .visibility(&case, &viewer, Category::SafetySection)
        .allowed;
    let read = case_event(&user.actor, AuditAction::Export, &case.id, &addr)
        .object("plan", link.participant.id.as_str());
    if let Err(e) = state.audit.record(read).await {
        return internal(user.lang, &e);
    }
    match super::plan::plan_pdf(
        &state,
        &user.actor,
        &case,
        &link.participant.display_name,
        with_safety,
        user.lang,
    )
    .await
    {
        Ok(bytes) => pdf_response(bytes, "plan.pdf"),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct SignOffForm {
    #[serde(default)]
    version: String,
}

/// `POST /mijn/{p}/plan/sign-off`: confirms the latest version from one's own account.
async fn sign_off(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
    PageForm(form): PageForm<SignOffForm>,
) -> Response {
    let (link, case, viewer, sharing) = match me(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let may = participant_may(&viewer, ParticipantAction::SignOffPlan)
        && sharing.visibility(&case, &viewer, Category::Plan).allowed;
    if !may {
        refused(&state, &user, &case.id, "plan_sign_off", &addr).await;
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let sign = SignOff {
        participant_id: link.participant.id.clone(),
        name: link.participant.display_name.clone(),
        at: Utc::now(),
    };
    match state
        .store
        .sign_off(
            &OrgScope::of(&user.actor),
            &case.id,
            form.version.trim(),
            &sign,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) | Err(StoreError::Conflict(_)) => see_other(&format!("/mijn/{participant}#plan")),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct ProgressForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
}

/// `POST /mijn/{p}/plan/actions/{a}/progress`: the holder of an action reports on it.
async fn progress(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, action)): Path<(String, String)>,
    PageForm(form): PageForm<ProgressForm>,
) -> Response {
    let (link, case, viewer, sharing) = match me(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let scope = OrgScope::of(&user.actor);
    let current = match state.store.plan(&scope, &case.id).await {
        Ok(p) => p,
        Err(e) => return internal(user.lang, &e),
    };
    let plan: &Plan = &current.plan;
    let holds = plan
        .actions
        .iter()
        .find(|a| a.id == action)
        .is_some_and(|a| a.who.is_held_by(&holder(&viewer, &link.participant)));
    let may = holds
        && participant_may(&viewer, ParticipantAction::UpdateOwnAction)
        && sharing.visibility(&case, &viewer, Category::Plan).allowed;
    if !may {
        refused(&state, &user, &case.id, "plan_action", &addr).await;
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let note = match parse_progress(
        &form.status,
        &form.note,
        &link.participant.display_name,
        Utc::now(),
    ) {
        Ok(n) => n,
        Err(_) => {
            return error_page(
                user.lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                "error-invalid-input",
            );
        }
    };
    match state
        .store
        .record_progress(
            &scope,
            &case.id,
            &action,
            &note,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/mijn/{participant}#mijn-taken")),
        Err(e) => internal(user.lang, &e),
    }
}
