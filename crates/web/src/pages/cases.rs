//! Case pages: the list with search, opening a case, the case page, editing and closing.

use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{CaseAccessError, case_event, may, open_case};
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::case::{CaseDetails, CaseInput, CaseStatus, Parent, Setting, age_on};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::{CaseAction, CaseListScope, case_list_scope, may_open_case};
use steunkring_domain::{FieldError, Role};
use steunkring_store::{Case, CaseQuery, OrgScope, StoreError};

pub fn internal(lang: Lang, e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "case page");
    error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
}

pub fn access_error(lang: Lang, e: CaseAccessError) -> Response {
    match e {
        CaseAccessError::NotFound => error_page(lang, StatusCode::NOT_FOUND, "error-not-found"),
        CaseAccessError::Internal(e) => internal(lang, &e),
    }
}

pub struct CaseRow {
    pub id: String,
    pub name: String,
    pub age: i32,
    pub setting: String,
    pub team: String,
    pub closed: bool,
}

#[derive(Template)]
#[template(path = "cases.html")]
struct CasesPage {
    shell: Shell,
    title: String,
    rows: Vec<CaseRow>,
    q: String,
    include_closed: bool,
    may_open: bool,
    next: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    after: Option<String>,
}

const PAGE: u32 = 50;

pub async fn list(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<ListQuery>,
) -> Response {
    let teams = match case_list_scope(&user.actor) {
        CaseListScope::Nothing => {
            return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
        }
        CaseListScope::Teams(t) => Some(t),
        CaseListScope::Organisation => None,
    };
    let search = Some(q.q.trim().to_string()).filter(|s| !s.is_empty());
    let query = CaseQuery {
        teams,
        search: search.clone(),
        include_closed: q.closed.is_some(),
        after: q.after.clone(),
        limit: PAGE,
    };
    let found = match state
        .store
        .list_cases(&OrgScope::of(&user.actor), &query)
        .await
    {
        Ok(f) => f,
        Err(e) => return internal(user.lang, &e),
    };
    let action = if search.is_some() {
        AuditAction::Search
    } else {
        AuditAction::Read
    };
    let event = AuditEvent::new(Utc::now(), action, Outcome::Success)
        .by(&user.actor)
        .object("case_list", found.len().to_string())
        .purpose("care")
        .from_addr(Some(addr));
    if let Err(e) = state.audit.record(event).await {
        return internal(user.lang, &e);
    }
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let today = Utc::now().date_naive();
    let rows = found
        .iter()
        .map(|c| CaseRow {
            id: c.id.to_string(),
            name: c.youth_name.clone(),
            age: age_on(c.birth_date, today),
            setting: setting_name(&shell.tr, c.setting),
            team: c.team_name.clone(),
            closed: c.status == CaseStatus::Closed,
        })
        .collect();
    let next = (found.len() == PAGE as usize)
        .then(|| found.last().map(|c| c.id.to_string()))
        .flatten();
    let page = CasesPage {
        title: shell.tr.t("cases-title"),
        rows,
        q: q.q.clone(),
        include_closed: q.closed.is_some(),
        may_open: user.actor.has_role(Role::Admin)
            || (user.actor.has_role(Role::Professional) && !user.actor.team_ids.is_empty()),
        next,
        shell,
    };
    render(user.lang, &page)
}

pub fn setting_name(tr: &Tr, s: Setting) -> String {
    tr.t(&format!("setting-{}", s.as_str().replace('_', "-")))
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The fields of the case form, as typed.
#[derive(Deserialize, Default, Clone)]
pub struct CaseForm {
    #[serde(default)]
    pub youth_name: String,
    #[serde(default)]
    pub preferred_name: String,
    #[serde(default)]
    pub birth_date: String,
    #[serde(default)]
    pub gender: String,
    #[serde(default)]
    pub setting: String,
    #[serde(default)]
    pub team_id: String,
    #[serde(default)]
    pub network_lead: String,
    #[serde(default)]
    pub parent1_name: String,
    #[serde(default)]
    pub parent1_gezag: Option<String>,
    #[serde(default)]
    pub parent2_name: String,
    #[serde(default)]
    pub parent2_gezag: Option<String>,
}

impl CaseForm {
    fn from_case(c: &Case) -> CaseForm {
        let parent = |i: usize| c.parents.get(i);
        CaseForm {
            youth_name: c.youth_name.clone(),
            preferred_name: c.preferred_name.clone().unwrap_or_default(),
            birth_date: c.birth_date.to_string(),
            gender: c.gender.clone().unwrap_or_default(),
            setting: c.setting.as_str().to_string(),
            team_id: c.team_id.to_string(),
            network_lead: c
                .network_lead
                .as_ref()
                .map(|u| u.to_string())
                .unwrap_or_default(),
            parent1_name: parent(0).map(|p| p.name.clone()).unwrap_or_default(),
            parent1_gezag: parent(0).filter(|p| p.gezag).map(|_| "on".into()),
            parent2_name: parent(1).map(|p| p.name.clone()).unwrap_or_default(),
            parent2_gezag: parent(1).filter(|p| p.gezag).map(|_| "on".into()),
        }
    }

    fn input(&self) -> CaseInput {
        let mut parents = Vec::new();
        for (name, gezag) in [
            (&self.parent1_name, &self.parent1_gezag),
            (&self.parent2_name, &self.parent2_gezag),
        ] {
            if !name.trim().is_empty() {
                parents.push(Parent {
                    name: name.clone(),
                    gezag: gezag.is_some(),
                });
            }
        }
        CaseInput {
            youth_name: self.youth_name.clone(),
            preferred_name: Some(self.preferred_name.clone()),
            birth_date: self.birth_date.clone(),
            gender: Some(self.gender.clone()),
            setting: self.setting.clone(),
            team_id: self.team_id.clone(),
            network_lead: Some(self.network_lead.clone()),
            parents,
        }
    }
}

#[derive(Template)]
#[template(path = "case_form.html")]
struct CaseFormPage {
    shell: Shell,
    title: String,
    action: String,
    form: CaseForm,
    settings: Vec<Choice>,
    teams: Vec<Choice>,
    leads: Vec<Choice>,
    errors: Vec<String>,
    cancel: String,
}

async fn form_page(
    state: &AppState,
    user: &PageUser,
    status: StatusCode,
    form: CaseForm,
    errors: Vec<String>,
    editing: Option<&CaseId>,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (teams, users) = match tokio::try_join!(
        state.store.list_teams(&scope),
        state.store.list_users(&scope)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let settings = Setting::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str().into(),
            label: setting_name(&shell.tr, *s),
            selected: form.setting == s.as_str(),
        })
        .collect();
    let teams = teams
        .iter()
        .filter(|t| may_open_case(&user.actor, &t.id) || t.id.as_str() == form.team_id)
        .map(|t| Choice {
            value: t.id.to_string(),
            label: t.name.clone(),
            selected: form.team_id == t.id.as_str(),
        })
        .collect();
    let leads = users
        .iter()
        .filter(|u| u.roles.contains(&Role::Professional) && !u.disabled)
        .map(|u| Choice {
            value: u.id.to_string(),
            label: u.name.clone(),
            selected: form.network_lead == u.id.as_str(),
        })
        .collect();
    let (title, action, cancel) = match editing {
        Some(id) => (
            shell.tr.t("case-edit-title"),
            format!("/cases/{id}/edit"),
            format!("/cases/{id}"),
        ),
        None => (
            shell.tr.t("case-new-title"),
            "/cases".to_string(),
            "/cases".to_string(),
        ),
    };
    let page = CaseFormPage {
        title,
        action,
        form,
        settings,
        teams,
        leads,
        errors,
        cancel,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

pub async fn new_form(State(state): State<AppState>, user: PageUser) -> Response {
    let form = CaseForm {
        team_id: user
            .actor
            .team_ids
            .first()
            .map(|t| t.to_string())
            .unwrap_or_default(),
        network_lead: if user.actor.has_role(Role::Professional) {
            user.actor.user_id.to_string()
        } else {
            String::new()
        },
        setting: Setting::Wijkteam.as_str().into(),
        ..Default::default()
    };
    form_page(&state, &user, StatusCode::OK, form, Vec::new(), None).await
}

fn messages(tr: &Tr, errors: &[FieldError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                tr.t(&format!("case-field-{}", e.field.replace('_', "-"))),
                tr.t(e.key)
            )
        })
        .collect()
}

pub async fn create(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<CaseForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let details = match CaseDetails::parse(&form.input(), Utc::now().date_naive()) {
        Ok(d) => d,
        Err(errors) => {
            return form_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                messages(&tr, &errors),
                None,
            )
            .await;
        }
    };
    if !may_open_case(&user.actor, &details.team_id) {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let event = AuditEvent::new(Utc::now(), AuditAction::Create, Outcome::Success)
        .by(&user.actor)
        .purpose("care")
        .from_addr(Some(addr));
    match state
        .store
        .create_case(
            &OrgScope::of(&user.actor),
            &details,
            Utc::now().date_naive(),
            event,
        )
        .await
    {
        Ok(case) => see_other(&format!("/cases/{}", case.id)),
        Err(StoreError::NotFound) => {
            form_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                vec![tr.t("error-team-or-lead-unknown")],
                None,
            )
            .await
        }
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let id = CaseId::from_stored(id);
    match open_case(&state, &user.actor, &id, CaseAction::UpdateDetails, &addr).await {
        Ok(case) => {
            form_page(
                &state,
                &user,
                StatusCode::OK,
                CaseForm::from_case(&case),
                Vec::new(),
                Some(&id),
            )
            .await
        }
        Err(e) => access_error(user.lang, e),
    }
}

pub async fn update(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<CaseForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let id = CaseId::from_stored(id);
    let case = match open_case(&state, &user.actor, &id, CaseAction::UpdateDetails, &addr).await {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let details = match CaseDetails::parse(&form.input(), Utc::now().date_naive()) {
        Ok(d) => d,
        Err(errors) => {
            return form_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                messages(&tr, &errors),
                Some(&id),
            )
            .await;
        }
    };
    if details.team_id != case.team_id && !may_open_case(&user.actor, &details.team_id) {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    match state
        .store
        .update_case(
            &OrgScope::of(&user.actor),
            &id,
            &details,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{id}")),
        Err(StoreError::NotFound) => {
            form_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                form,
                vec![tr.t("error-team-or-lead-unknown")],
                Some(&id),
            )
            .await
        }
        Err(e) => internal(user.lang, &e),
    }
}

async fn set_status(
    state: AppState,
    user: PageUser,
    addr: String,
    id: String,
    status: CaseStatus,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(&state, &user.actor, &id, CaseAction::Close, &addr).await {
        return access_error(user.lang, e);
    }
    let event = case_event(&user.actor, AuditAction::Update, &id, &addr)
        .object("case_status", status.as_str());
    match state
        .store
        .set_case_status(
            &OrgScope::of(&user.actor),
            &id,
            status,
            Utc::now().date_naive(),
            event,
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{id}")),
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn close(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    set_status(state, user, addr, id, CaseStatus::Closed).await
}

pub async fn reopen(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    set_status(state, user, addr, id, CaseStatus::Open).await
}

/// What the case page shows about the case itself.
pub struct CaseView {
    pub id: String,
    pub name: String,
    pub preferred_name: Option<String>,
    pub age: i32,
    pub birth_date: String,
    pub setting: String,
    pub team: String,
    pub lead: String,
    pub parents: Vec<(String, bool)>,
    pub closed: bool,
    pub opened_on: String,
    pub closed_on: String,
    pub may_edit: bool,
    pub may_close: bool,
    pub may_network: bool,
    /// May handle a request to destroy the file, or download the access export.
    pub may_rights: bool,
    /// May manage support figures, concerns and moral deliberations.
    pub may_support: bool,
    /// May start and answer support checks (the "Metingen" tab).
    pub may_measure: bool,
    /// May see the case over time (the "Verloop" tab).
    pub may_trends: bool,
    /// An open request to destroy the file, with its deadline (filled in by the case page).
    pub destruction: Option<super::rights::DeadlineNotice>,
}

impl CaseView {
    pub fn new(tr: &Tr, user: &PageUser, c: &Case) -> CaseView {
        CaseView {
            id: c.id.to_string(),
            name: c.youth_name.clone(),
            preferred_name: c.preferred_name.clone(),
            age: age_on(c.birth_date, Utc::now().date_naive()),
            birth_date: c.birth_date.format("%d-%m-%Y").to_string(),
            setting: setting_name(tr, c.setting),
            team: c.team_name.clone(),
            lead: c
                .network_lead_name
                .clone()
                .unwrap_or_else(|| tr.t("case-no-lead")),
            parents: c
                .parents
                .iter()
                .map(|p| (p.name.clone(), p.gezag))
                .collect(),
            closed: c.status == CaseStatus::Closed,
            opened_on: c.opened_on.format("%d-%m-%Y").to_string(),
            closed_on: c
                .closed_on
                .map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_default(),
            may_edit: may(&user.actor, CaseAction::UpdateDetails, c),
            may_close: may(&user.actor, CaseAction::Close, c),
            may_network: may(&user.actor, CaseAction::ReadNetwork, c),
            may_rights: may(&user.actor, CaseAction::HandleDestruction, c)
                || may(&user.actor, CaseAction::ExportForAccessRequest, c),
            may_support: may(&user.actor, CaseAction::ManageSupportFigures, c),
            may_measure: may(&user.actor, CaseAction::RecordMeasurements, c),
            may_trends: may(&user.actor, CaseAction::ReadTrends, c),
            destruction: None,
        }
    }
}
