//! Administration: accounts, teams, the second-factor requirement, and the audit trail.

use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, AuditRecord, Outcome};
use steunkring_domain::policy::OrgAction;
use steunkring_domain::{Email, Password, PersonName, Role, TeamId, UserId};
use steunkring_store::{AuditFilter, NewUser, OrgScope, StoreError, Team, User};

fn internal(lang: crate::i18n::Lang, e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "admin page");
    error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
}

fn event(user: &PageUser, action: AuditAction, addr: String) -> AuditEvent {
    AuditEvent::new(Utc::now(), action, Outcome::Success)
        .by(&user.actor)
        .purpose("administration")
        .from_addr(Some(addr))
}

pub struct UserRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub roles: String,
    pub teams: String,
    pub disabled: bool,
    pub totp: bool,
    pub is_self: bool,
}

pub struct RoleOption {
    pub code: &'static str,
    pub label: String,
    pub checked: bool,
}

pub struct TeamOption {
    pub id: String,
    pub name: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
struct UsersPage {
    shell: Shell,
    title: String,
    users: Vec<UserRow>,
    roles: Vec<RoleOption>,
    teams: Vec<TeamOption>,
    require_totp: bool,
    form: NewUserForm,
    errors: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct NewUserForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub teams: Vec<String>,
    #[serde(default)]
    pub password: String,
}

async fn users_page(
    state: &AppState,
    user: &PageUser,
    status: StatusCode,
    form: NewUserForm,
    errors: Vec<String>,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (users, teams, org) = match tokio::try_join!(
        state.store.list_users(&scope),
        state.store.list_teams(&scope),
        state.store.get_org(&scope)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/admin/users");
    let team_name = |id: &TeamId| {
        teams
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let rows = users
        .iter()
        .map(|u: &User| UserRow {
            id: u.id.to_string(),
            name: u.name.clone(),
            email: u.email.clone(),
            roles: u
                .roles
                .iter()
                .map(|r| shell.role_name(r))
                .collect::<Vec<_>>()
                .join(", "),
            teams: u.teams.iter().map(team_name).collect::<Vec<_>>().join(", "),
            disabled: u.disabled,
            totp: u.totp_enabled,
            is_self: u.id == user.actor.user_id,
        })
        .collect();
    let roles = Role::STAFF
        .iter()
        .map(|r| RoleOption {
            code: r.as_str(),
            label: shell.role_name(r),
            checked: form.roles.iter().any(|c| c == r.as_str()),
        })
        .collect();
    let team_options = teams
        .iter()
        .map(|t: &Team| TeamOption {
            id: t.id.to_string(),
            name: t.name.clone(),
            checked: form.teams.iter().any(|c| c == t.id.as_str()),
        })
        .collect();
    let page = UsersPage {
        title: shell.tr.t("admin-users-title"),
        users: rows,
        roles,
        teams: team_options,
        require_totp: org.require_totp,
        form,
        errors,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

pub async fn users(State(state): State<AppState>, user: PageUser) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageUsers) {
        return r;
    }
    users_page(
        &state,
        &user,
        StatusCode::OK,
        NewUserForm::default(),
        Vec::new(),
    )
    .await
}

pub async fn create_user(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<NewUserForm>,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageUsers) {
        return r;
    }
    let tr = crate::i18n::Tr::new(user.lang);
    let mut errors = Vec::new();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.push(format!("{}: {}", tr.t("field-email"), tr.t(e.key))))
        .ok();
    let name = PersonName::parse("name", &form.name)
        .map_err(|e| errors.push(format!("{}: {}", tr.t("field-name"), tr.t(e.key))))
        .ok();
    let roles: Vec<Role> = form
        .roles
        .iter()
        .filter_map(|r| Role::parse(r))
        .filter(|r| r.is_staff())
        .collect();
    if roles.is_empty() || roles.len() != form.roles.len() {
        errors.push(tr.t("admin-users-role-required"));
    }
    let password = Password::parse(&form.password)
        .map_err(|p| errors.push(format!("{}: {}", tr.t("field-password"), tr.t(p.key()))))
        .ok();
    let (Some(email), Some(name), Some(password)) = (email, name, password) else {
        return users_page(
            &state,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            NewUserForm {
                password: String::new(),
                ..form
            },
            errors,
        )
        .await;
    };
    if !errors.is_empty() {
        return users_page(
            &state,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            NewUserForm {
                password: String::new(),
                ..form
            },
            errors,
        )
        .await;
    }
    let hash = match crate::password::hash(&password).await {
        Ok(h) => h,
        Err(e) => return internal(user.lang, &e),
    };
    let new = NewUser {
        email,
        name,
        roles,
        teams: form.teams.iter().map(TeamId::from_stored).collect(),
        password_hash: hash,
        at: Utc::now(),
    };
    match state
        .store
        .create_user(
            &OrgScope::of(&user.actor),
            new,
            event(&user, AuditAction::Create, addr),
        )
        .await
    {
        Ok(_) => see_other("/admin/users"),
        Err(StoreError::Conflict(_)) => {
            users_page(
                &state,
                &user,
                StatusCode::CONFLICT,
                NewUserForm {
                    password: String::new(),
                    ..form
                },
                vec![tr.t("error-email-taken")],
            )
            .await
        }
        Err(StoreError::NotFound) => {
            users_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                NewUserForm {
                    password: String::new(),
                    ..form
                },
                vec![tr.t("admin-users-team-unknown")],
            )
            .await
        }
        Err(e) => internal(user.lang, &e),
    }
}

async fn set_disabled(
    state: AppState,
    user: PageUser,
    addr: String,
    id: String,
    disabled: bool,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageUsers) {
        return r;
    }
    let id = UserId::from_stored(id);
    if id == user.actor.user_id && disabled {
        return error_page(user.lang, StatusCode::CONFLICT, "admin-users-not-self");
    }
    let ev = event(&user, AuditAction::Update, addr).object("user", id.as_str());
    match state
        .store
        .set_user_disabled(&OrgScope::of(&user.actor), &id, disabled, ev)
        .await
    {
        Ok(()) => see_other("/admin/users"),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn disable_user(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    set_disabled(state, user, addr, id, true).await
}

pub async fn enable_user(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    set_disabled(state, user, addr, id, false).await
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    require_totp: Option<String>,
}

pub async fn settings(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<SettingsForm>,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageSettings) {
        return r;
    }
    let require = form.require_totp.is_some();
    let ev = event(&user, AuditAction::Update, addr)
        .object("organisation_settings", user.actor.org_id.as_str());
    match state
        .store
        .set_org_require_totp(&OrgScope::of(&user.actor), require, ev)
        .await
    {
        Ok(()) => see_other("/admin/users"),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Template)]
#[template(path = "admin_teams.html")]
struct TeamsPage {
    shell: Shell,
    title: String,
    teams: Vec<Team>,
    name: String,
    errors: Vec<String>,
}

async fn teams_page(
    state: &AppState,
    user: &PageUser,
    status: StatusCode,
    name: String,
    errors: Vec<String>,
) -> Response {
    let teams = match state.store.list_teams(&OrgScope::of(&user.actor)).await {
        Ok(t) => t,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/admin/teams");
    let page = TeamsPage {
        title: shell.tr.t("admin-teams-title"),
        teams,
        name,
        errors,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

pub async fn teams(State(state): State<AppState>, user: PageUser) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageTeams) {
        return r;
    }
    teams_page(&state, &user, StatusCode::OK, String::new(), Vec::new()).await
}

#[derive(Deserialize)]
pub struct TeamForm {
    #[serde(default)]
    name: String,
}

pub async fn create_team(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<TeamForm>,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ManageTeams) {
        return r;
    }
    let tr = crate::i18n::Tr::new(user.lang);
    let name = match PersonName::parse("name", &form.name) {
        Ok(n) => n,
        Err(e) => {
            return teams_page(
                &state,
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                form.name,
                vec![tr.t(e.key)],
            )
            .await;
        }
    };
    match state
        .store
        .create_team(
            &OrgScope::of(&user.actor),
            name.as_str(),
            event(&user, AuditAction::Create, addr),
        )
        .await
    {
        Ok(_) => see_other("/admin/teams"),
        Err(StoreError::Conflict(_)) => {
            teams_page(
                &state,
                &user,
                StatusCode::CONFLICT,
                form.name,
                vec![tr.t("admin-teams-exists")],
            )
            .await
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    case: String,
    #[serde(default)]
    before: Option<i64>,
}

pub struct AuditRow {
    pub seq: i64,
    pub at: String,
    pub action: String,
    pub outcome: String,
    pub user: String,
    pub role: String,
    pub case_id: String,
    pub object: String,
    pub source: String,
}

pub struct UserOption {
    pub id: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "admin_audit.html")]
struct AuditPage {
    shell: Shell,
    title: String,
    rows: Vec<AuditRow>,
    users: Vec<UserOption>,
    from: String,
    until: String,
    case: String,
    older: Option<String>,
    errors: Vec<String>,
}

const AUDIT_PAGE: u32 = 100;

fn day_start(raw: &str) -> Result<Option<DateTime<Utc>>, ()> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| ())
        .and_then(|d| d.and_hms_opt(0, 0, 0).ok_or(()))
        .map(|d| Some(d.and_utc()))
}

/// The audit trail, newest first, filtered by period, user and case. Reading it is itself
/// audited: the trail names clients.
pub async fn audit(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<AuditQuery>,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ViewAuditTrail) {
        return r;
    }
    let tr = crate::i18n::Tr::new(user.lang);
    let mut errors = Vec::new();
    let from = day_start(&q.from).unwrap_or_else(|_| {
        errors.push(tr.t("audit-bad-date"));
        None
    });
    let until = day_start(&q.until).unwrap_or_else(|_| {
        errors.push(tr.t("audit-bad-date"));
        None
    });
    let filter = AuditFilter {
        from,
        until: until.map(|u| u + chrono::Duration::days(1)),
        user_id: (!q.user.is_empty()).then(|| UserId::from_stored(q.user.clone())),
        case_id: (!q.case.trim().is_empty()).then(|| q.case.trim().to_string()),
        before_seq: q.before,
        limit: AUDIT_PAGE,
    };
    let filtered = filter.from.is_some()
        || filter.until.is_some()
        || filter.user_id.is_some()
        || filter.case_id.is_some();
    let mut read = event(
        &user,
        if filtered {
            AuditAction::Search
        } else {
            AuditAction::Read
        },
        addr,
    )
    .object("audit_trail", user.actor.org_id.as_str());
    read.case_id = filter.case_id.clone();
    if let Err(e) = state.audit.record(read).await {
        return internal(user.lang, &e);
    }
    let scope = OrgScope::of(&user.actor);
    let (records, users) = match tokio::try_join!(
        state.store.list_audit(&scope, &filter),
        state.store.list_users(&scope)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/admin/audit");
    let user_name = |id: &Option<UserId>| match id {
        Some(id) => users
            .iter()
            .find(|u| &u.id == id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.to_string()),
        None => shell.tr.t("audit-operator"),
    };
    let rows: Vec<AuditRow> = records
        .iter()
        .map(|r: &AuditRecord| AuditRow {
            seq: r.seq,
            at: r.event.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            action: shell.tr.t(&format!(
                "audit-action-{}",
                r.event.action.as_str().replace('_', "-")
            )),
            outcome: shell
                .tr
                .t(&format!("audit-outcome-{}", r.event.outcome.as_str())),
            user: user_name(&r.event.user_id),
            role: r
                .event
                .role
                .map(|role| shell.role_name(&role))
                .unwrap_or_default(),
            case_id: r.event.case_id.clone().unwrap_or_default(),
            object: match (&r.event.object_type, &r.event.object_id) {
                (Some(t), Some(id)) => format!("{t} {id}"),
                (Some(t), None) => t.clone(),
                _ => String::new(),
            },
            source: r.event.source_addr.clone().unwrap_or_default(),
        })
        .collect();
    let older = (rows.len() == AUDIT_PAGE as usize).then(|| {
        let last = rows.last().map(|r| r.seq).unwrap_or(0);
        let enc = |s: &str| {
            s.bytes()
                .map(|b| {
                    if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                        char::from(b).to_string()
                    } else {
                        format!("%{b:02X}")
                    }
                })
                .collect::<String>()
        };
        format!(
            "/admin/audit?from={}&until={}&user={}&case={}&before={last}",
            enc(&q.from),
            enc(&q.until),
            enc(&q.user),
            enc(&q.case)
        )
    });
    let page = AuditPage {
        title: shell.tr.t("audit-title"),
        rows,
        users: users
            .iter()
            .map(|u| UserOption {
                id: u.id.to_string(),
                name: u.name.clone(),
                selected: u.id.as_str() == q.user,
            })
            .collect(),
        from: q.from.clone(),
        until: q.until.clone(),
        case: q.case.clone(),
        older,
        errors,
        shell,
    };
    render(user.lang, &page)
}
