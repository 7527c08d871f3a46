//! The home page: what each role does here, with the way to it.

use super::{PageUser, Shell, render};
use askama::Template;
use axum::response::Response;
use steunkring_domain::Role;
use steunkring_domain::policy::{OrgAction, permits_in_org};

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    title: String,
    roles: Vec<String>,
    is_admin: bool,
    is_professional: bool,
    is_coordinator: bool,
    is_analyst: bool,
    my_cases: Vec<(String, String, String)>,
    /// Open requests to destroy a file, nearest deadline first.
    destruction_requests: Vec<super::rights::OpenRow>,
    shows_destruction: bool,
    /// A participant's open tasks in the plans they may see.
    tasks: Vec<super::mine_plan::HomeTask>,
    /// Actions past their date in the professional's teams' cases.
    overdue: Vec<(String, String, String, String)>,
    /// Support checks due in the professional's teams' cases: (case id, young person, since).
    checks_due: Vec<(String, String, String)>,
}

pub async fn home(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    user: PageUser,
) -> Response {
    let links = if user.actor.roles.iter().any(|r| !r.is_staff()) {
        state
            .store
            .participant_links(&user.actor.user_id)
            .await
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    let shows_destruction = super::rights::sees_open_requests(&user.actor);
    let destruction_requests = if shows_destruction {
        super::rights::open_requests(&state, &user.actor).await
    } else {
        Vec::new()
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/");
    let tasks = super::mine_plan::home_tasks(&state, &shell.tr, &user.actor, &links).await;
    let overdue = overdue_actions(&state, &user.actor).await;
    let checks_due = checks_due(&state, &user.actor).await;
    let a = &user.actor;
    let page = HomePage {
        title: shell.tr.t("home-title"),
        roles: a.roles.iter().map(|r| shell.role_name(r)).collect(),
        is_admin: permits_in_org(a, OrgAction::ManageUsers, &a.org_id),
        is_professional: a.has_role(Role::Professional),
        is_coordinator: a.has_role(Role::Coordinator),
        is_analyst: a.has_role(Role::Analyst),
        my_cases: links
            .iter()
            .map(|l| {
                let name = l
                    .youth_preferred_name
                    .clone()
                    .unwrap_or_else(|| l.youth_name.clone());
                let label = match l.participant.kind {
                    steunkring_store::ParticipantKind::Youth => shell.tr.t("home-my-network"),
                    _ => shell.tr.t1("home-network-of", "name", &name),
                };
                (
                    l.participant.id.clone(),
                    label,
                    super::participants::kind_name(&shell.tr, l.participant.kind),
                )
            })
            .collect(),
        destruction_requests,
        shows_destruction,
        tasks,
        overdue,
        checks_due,
        shell,
    };
    render(user.lang, &page)
}

/// Overdue actions in the cases of a professional's teams: (case id, young person, action,
/// due date), oldest first, at most 20.
async fn overdue_actions(
    state: &crate::state::AppState,
    actor: &steunkring_domain::Actor,
) -> Vec<(String, String, String, String)> {
    if !actor.has_role(Role::Professional) || actor.team_ids.is_empty() {
        return Vec::new();
    }
    let today = steunkring_domain::consent::dutch_date(chrono::Utc::now());
    match state
        .store
        .overdue_actions(
            &steunkring_store::OrgScope::of(actor),
            &actor.team_ids,
            today,
            20,
        )
        .await
    {
        Ok(rows) => rows
            .into_iter()
            .map(|o| {
                (
                    o.case_id.to_string(),
                    o.youth_name,
                    o.what,
                    crate::plan::day(o.due_on),
                )
            })
            .collect(),
        Err(e) => {
            tracing::error!(error = %e, "overdue actions");
            Vec::new()
        }
    }
}

/// How many checks due the home page lists.
const SHOWN_DUE: u32 = 20;

/// Support checks due in the cases of a professional's teams, by each case's interval after its
/// last finished check (or its opening): (case id, young person, due date), the longest due
/// first, at most [`SHOWN_DUE`]. One query (the first that many per interval, from an index);
/// the calendar-month rule is the domain's.
async fn checks_due(
    state: &crate::state::AppState,
    actor: &steunkring_domain::Actor,
) -> Vec<(String, String, String)> {
    if !actor.has_role(Role::Professional) || actor.team_ids.is_empty() {
        return Vec::new();
    }
    let today = steunkring_domain::consent::dutch_date(chrono::Utc::now());
    match state
        .store
        .check_schedules(
            &steunkring_store::OrgScope::of(actor),
            &actor.team_ids,
            today,
            SHOWN_DUE,
        )
        .await
    {
        Ok(rows) => {
            let mut due: Vec<_> = rows
                .into_iter()
                .map(|s| (s.due_on(), s))
                .filter(|(on, _)| *on <= today)
                .collect();
            due.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.case_id.cmp(&b.1.case_id)));
            due.into_iter()
                .take(SHOWN_DUE as usize)
                .map(|(on, s)| (s.case_id.to_string(), s.youth_name, crate::plan::day(on)))
                .collect()
        }
        Err(e) => {
            tracing::error!(error = %e, "support checks due");
            Vec::new()
        }
    }
}
