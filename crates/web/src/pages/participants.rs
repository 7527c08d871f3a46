//! Inviting the young person, parents and support figures; accepting an invitation.

use super::cases::{access_error, internal};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::{self, ClientAddr, CurrentSession};
use crate::cases::{case_event, open_case};
use crate::i18n::{Lang, Tr};
use crate::invitations::{code_hash, expires_from, new_code};
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::MemberId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::{Email, Password, PersonName, throttle};
use steunkring_store::{
    NewParticipant, NewUser, OrgScope, ParticipantEntry, ParticipantKind, SessionKind,
    SessionStage, StoreError,
};

/// A participant as the professional sees it on the case page.
pub struct ParticipantRow {
    pub id: String,
    pub active: bool,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub invitation_id: Option<String>,
    pub open: bool,
}

pub fn kind_name(tr: &Tr, kind: ParticipantKind) -> String {
    tr.t(&format!(
        "participant-kind-{}",
        kind.as_str().replace('_', "-")
    ))
}

pub fn participant_rows(tr: &Tr, entries: &[ParticipantEntry]) -> Vec<ParticipantRow> {
    let now = Utc::now();
    entries
        .iter()
        .map(|e| {
            let inv = e.invitation.as_ref();
            let status = if e.participant.user_id.is_some() {
                tr.t("participant-status-active")
            } else {
                match inv {
                    Some(i) if i.revoked_at.is_some() => tr.t("participant-status-revoked"),
                    Some(i) if now >= i.expires_at => tr.t("participant-status-expired"),
                    Some(i) => tr.t1(
                        "participant-status-invited",
                        "date",
                        i.expires_at.format("%d-%m-%Y"),
                    ),
                    None => tr.t("participant-status-none"),
                }
            };
            ParticipantRow {
                id: e.participant.id.clone(),
                active: e.participant.user_id.is_some(),
                name: e.participant.display_name.clone(),
                kind: kind_name(tr, e.participant.kind),
                status,
                invitation_id: inv.map(|i| i.id.clone()),
                open: inv.is_some_and(|i| i.open_at(now)) && e.participant.user_id.is_none(),
            }
        })
        .collect()
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    member: String,
    #[serde(default)]
    parent_index: String,
}

#[derive(Template)]
#[template(path = "invitation_created.html")]
struct CreatedPage {
    shell: Shell,
    title: String,
    case_id: String,
    name: String,
    code: String,
    link: String,
    expires: String,
}

/// Creates a participant and their invitation, and shows the code once.
pub async fn invite(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<InviteForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(
        &state,
        &user.actor,
        &id,
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    {
        return access_error(user.lang, e);
    }
    let (Some(kind), Ok(name)) = (
        ParticipantKind::parse(&form.kind),
        PersonName::parse("name", &form.name),
    ) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "participant-invalid",
        );
    };
    let code = new_code();
    let now = Utc::now();
    let new = NewParticipant {
        kind,
        display_name: name.as_str().to_string(),
        member_id: Some(form.member.trim())
            .filter(|m| !m.is_empty())
            .map(MemberId::from_stored),
        parent_index: form.parent_index.trim().parse::<u8>().ok(),
        code_hash: code_hash(&code),
        expires_at: expires_from(now),
    };
    match state
        .store
        .invite(
            &OrgScope::of(&user.actor),
            &id,
            &new,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(entry) => created_page(
            &state,
            &user,
            &id,
            &entry.participant.display_name,
            &code,
            new.expires_at,
        ),
        Err(StoreError::NotFound) => error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "participant-invalid",
        ),
        Err(e) => internal(user.lang, &e),
    }
}

fn created_page(
    state: &AppState,
    user: &PageUser,
    id: &CaseId,
    name: &str,
    code: &str,
    expires: chrono::DateTime<Utc>,
) -> Response {
    let _ = state;
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let page = CreatedPage {
        title: shell.tr.t("invitation-created-title"),
        case_id: id.to_string(),
        name: name.to_string(),
        link: format!("/invite/{code}"),
        code: code.to_string(),
        expires: expires.format("%d-%m-%Y %H:%M UTC").to_string(),
        shell,
    };
    render(user.lang, &page)
}

/// A fresh code for someone who has not accepted yet (the old one stops working).
pub async fn reinvite(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, participant)): Path<(String, String)>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(
        &state,
        &user.actor,
        &id,
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    {
        return access_error(user.lang, e);
    }
    let scope = OrgScope::of(&user.actor);
    let code = new_code();
    let expires = expires_from(Utc::now());
    match state
        .store
        .reinvite(
            &scope,
            &id,
            &participant,
            &code_hash(&code),
            expires,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(_) => {
            let name = state
                .store
                .list_participants(&scope, &id)
                .await
                .ok()
                .and_then(|ps| {
                    ps.into_iter()
                        .find(|p| p.participant.id == participant)
                        .map(|p| p.participant.display_name)
                })
                .unwrap_or_default();
            created_page(&state, &user, &id, &name, &code, expires)
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(StoreError::Conflict(_)) => error_page(
            user.lang,
            StatusCode::CONFLICT,
            "participant-already-active",
        ),
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn revoke(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, invitation)): Path<(String, String)>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(
        &state,
        &user.actor,
        &id,
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    {
        return access_error(user.lang, e);
    }
    match state
        .store
        .revoke_invitation(
            &OrgScope::of(&user.actor),
            &id,
            &invitation,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => see_other(&format!("/cases/{id}#deelnemers")),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Template)]
#[template(path = "invitation_accept.html")]
struct AcceptPage {
    shell: Shell,
    title: String,
    code: String,
    valid: bool,
    greeting: String,
    name: String,
    email: String,
    logged_in_as: Option<String>,
    errors: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
fn accept_page(
    lang: Lang,
    status: StatusCode,
    code: &str,
    valid: bool,
    greeting: String,
    name: &str,
    email: &str,
    logged_in_as: Option<String>,
    errors: Vec<String>,
) -> Response {
    let shell = Shell::anonymous(lang);
    let page = AcceptPage {
        title: shell.tr.t("invite-title"),
        code: code.to_string(),
        valid,
        greeting,
        name: name.to_string(),
        email: email.to_string(),
        logged_in_as,
        errors,
        shell,
    };
    (status, render(lang, &page)).into_response()
}

/// Refuses when this address guessed too many codes (the same limit as for logins).
async fn address_locked(state: &AppState, addr: &str) -> bool {
    let since = Utc::now() - throttle::WINDOW;
    let n = state
        .store
        .login_failures_for_addr(addr, since)
        .await
        .unwrap_or(0);
    throttle::address_locked(usize::try_from(n).unwrap_or(usize::MAX))
}

async fn record_bad_code(state: &AppState, addr: &str) {
    let event = AuditEvent::new(Utc::now(), AuditAction::LoginFailed, Outcome::Failure)
        .object("invitation", "unknown")
        .from_addr(Some(addr.to_string()));
    let _ = state
        .store
        .record_login_failure("invitation", addr, event)
        .await;
}

/// Opening an invitation link: who invites you, and the form to make an account.
pub async fn open(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
    Path(code): Path<String>,
) -> Response {
    let tr = Tr::new(lang);
    if address_locked(&state, &addr).await {
        return error_page(
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "error-too-many-attempts",
        );
    }
    let found = match state.store.find_invitation(&code_hash(&code)).await {
        Ok(f) => f,
        Err(e) => return internal(lang, &e),
    };
    let Some(found) =
        found.filter(|f| f.invitation.open_at(Utc::now()) && f.participant.user_id.is_none())
    else {
        record_bad_code(&state, &addr).await;
        return accept_page(
            lang,
            StatusCode::NOT_FOUND,
            &code,
            false,
            tr.t("invite-invalid"),
            "",
            "",
            None,
            Vec::new(),
        );
    };
    let logged_in_as = current
        .0
        .filter(|s| s.stage == SessionStage::Full && s.org_id == found.org_id)
        .map(|s| s.name);
    let greeting = tr.t1(
        "invite-greeting",
        "kind",
        kind_name(&tr, found.participant.kind),
    );
    accept_page(
        lang,
        StatusCode::OK,
        &code,
        true,
        greeting,
        &found.participant.display_name,
        "",
        logged_in_as,
        Vec::new(),
    )
}

#[derive(Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
    /// Accept for the account that is logged in, instead of making a new one.
    #[serde(default)]
    existing: Option<String>,
}

/// Accepting: a new account (or the logged-in one) joins the case, and the person is logged in.
pub async fn accept(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
    Path(code): Path<String>,
    PageForm(form): PageForm<AcceptForm>,
) -> Response {
    let tr = Tr::new(lang);
    if address_locked(&state, &addr).await {
        return error_page(
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "error-too-many-attempts",
        );
    }
    let hash = code_hash(&code);
    let found = match state.store.find_invitation(&hash).await {
        Ok(Some(f)) if f.invitation.open_at(Utc::now()) && f.participant.user_id.is_none() => f,
        Ok(_) => {
            record_bad_code(&state, &addr).await;
            return accept_page(
                lang,
                StatusCode::NOT_FOUND,
                &code,
                false,
                tr.t("invite-invalid"),
                "",
                "",
                None,
                Vec::new(),
            );
        }
        Err(e) => return internal(lang, &e),
    };
    let now = Utc::now();
    let event = AuditEvent::new(now, AuditAction::Create, Outcome::Success)
        .from_addr(Some(addr.clone()))
        .purpose("care");
    if form.existing.is_some() {
        let Some(session) = current
            .0
            .filter(|s| s.stage == SessionStage::Full && s.org_id == found.org_id)
        else {
            return see_other("/login");
        };
        let event = event.by(&auth::actor_of(&session));
        return match state
            .store
            .accept_invitation_existing(&hash, &session.user_id, now, event)
            .await
        {
            Ok(()) => see_other("/"),
            Err(StoreError::Conflict(_)) => accept_page(
                lang,
                StatusCode::CONFLICT,
                &code,
                false,
                tr.t("invite-invalid"),
                "",
                "",
                None,
                Vec::new(),
            ),
            Err(e) => internal(lang, &e),
        };
    }
    let mut errors = Vec::new();
    let name = PersonName::parse("name", &form.name)
        .map_err(|e| errors.push(format!("{}: {}", tr.t("field-name"), tr.t(e.key))))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.push(format!("{}: {}", tr.t("field-email"), tr.t(e.key))))
        .ok();
    let password = Password::parse(&form.password)
        .map_err(|p| errors.push(format!("{}: {}", tr.t("field-password"), tr.t(p.key()))))
        .ok();
    if form.password != form.repeat {
        errors.push(tr.t("account-repeat-differs"));
    }
    let greeting = tr.t1(
        "invite-greeting",
        "kind",
        kind_name(&tr, found.participant.kind),
    );
    let (Some(name), Some(email), Some(password)) = (name, email, password) else {
        return accept_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            &code,
            true,
            greeting,
            &form.name,
            &form.email,
            None,
            errors,
        );
    };
    if !errors.is_empty() {
        return accept_page(
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            &code,
            true,
            greeting,
            &form.name,
            &form.email,
            None,
            errors,
        );
    }
    let hash_pw = match crate::password::hash(&password).await {
        Ok(h) => h,
        Err(e) => return internal(lang, &e),
    };
    let new_user = NewUser {
        email,
        name,
        roles: vec![found.participant.kind.role()],
        teams: Vec::new(),
        password_hash: hash_pw,
        at: now,
    };
    let user_id = match state
        .store
        .accept_invitation_new(&hash, new_user, now, event)
        .await
    {
        Ok(id) => id,
        Err(StoreError::Conflict("email")) => {
            return accept_page(
                lang,
                StatusCode::CONFLICT,
                &code,
                true,
                greeting,
                &form.name,
                &form.email,
                None,
                vec![tr.t("invite-email-taken")],
            );
        }
        Err(StoreError::Conflict(_)) => {
            return accept_page(
                lang,
                StatusCode::CONFLICT,
                &code,
                false,
                tr.t("invite-invalid"),
                "",
                "",
                None,
                Vec::new(),
            );
        }
        Err(e) => return internal(lang, &e),
    };
    let token = match auth::start_session(
        &state,
        &user_id,
        &found.org_id,
        found.participant.kind.role(),
        SessionKind::Browser,
        &addr,
    )
    .await
    {
        Ok(t) => t,
        Err(e) => return internal(lang, &e),
    };
    let mut response = see_other("/");
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
    response
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

#[derive(Template)]
#[template(path = "invitation_code.html")]
struct CodePage {
    shell: Shell,
    title: String,
}

/// For a code received on paper: type it in.
pub async fn code_form(lang: Lang) -> Response {
    let shell = Shell::anonymous(lang);
    let page = CodePage {
        title: shell.tr.t("invite-title"),
        shell,
    };
    render(lang, &page)
}

pub async fn code_submit(PageForm(form): PageForm<CodeForm>) -> Response {
    let code = crate::invitations::normalise(&form.code);
    see_other(&format!("/invite/{code}"))
}
