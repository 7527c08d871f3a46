//! The account page: change the password, set up or remove the second factor.

use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::{self, ClientAddr, CurrentSession};
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::{Email, Password};
use steunkring_store::{NewSession, SessionKind, SessionRecord, SessionStage};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    shell: Shell,
    title: String,
    email: String,
    roles: Vec<String>,
    totp_enabled: bool,
    notice: Option<String>,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct Notice {
    #[serde(default)]
    done: String,
}

fn account_page(
    user: &PageUser,
    status: StatusCode,
    notice: Option<String>,
    errors: Vec<String>,
) -> Response {
    let shell = Shell::for_actor(user.lang, &user.actor, "/account");
    let page = AccountPage {
        title: shell.tr.t("account-title"),
        email: user.session.email.clone(),
        roles: user
            .actor
            .roles
            .iter()
            .map(|r| shell.role_name(r))
            .collect(),
        totp_enabled: user.session.totp_enabled,
        notice,
        errors,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

pub async fn page(user: PageUser, Query(q): Query<Notice>) -> Response {
    let tr = crate::i18n::Tr::new(user.lang);
    let notice = match q.done.as_str() {
        "password" => Some(tr.t("account-password-changed")),
        "second-factor" => Some(tr.t("account-totp-enabled")),
        "second-factor-removed" => Some(tr.t("account-totp-removed")),
        _ => None,
    };
    account_page(&user, StatusCode::OK, notice, Vec::new())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeat: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<PasswordForm>,
) -> Response {
    let tr = crate::i18n::Tr::new(user.lang);
    let stored = match Email::parse(&user.session.email) {
        Ok(email) => state.store.find_login(&email).await.ok().flatten(),
        Err(_) => None,
    };
    if !crate::password::verify(
        &form.current,
        stored.as_ref().map(|l| l.password_hash.as_str()),
    )
    .await
    {
        return account_page(
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            vec![tr.t("account-current-wrong")],
        );
    }
    let new = match Password::parse(&form.new) {
        Ok(p) => p,
        Err(problem) => {
            return account_page(
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
                vec![tr.t(problem.key())],
            );
        }
    };
    if form.new != form.repeat {
        return account_page(
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            vec![tr.t("account-repeat-differs")],
        );
    }
    let hash = match crate::password::hash(&new).await {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "hashing");
            return error_page(
                user.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            );
        }
    };
    let event = AuditEvent::new(Utc::now(), AuditAction::Update, Outcome::Success)
        .by(&user.actor)
        .object("password", user.actor.user_id.as_str())
        .from_addr(Some(addr));
    match state
        .store
        .set_password_hash(
            &user.actor.user_id,
            &hash,
            Some(&user.session.token_hash),
            event,
        )
        .await
    {
        Ok(()) => see_other("/account?done=password"),
        Err(e) => {
            tracing::error!(error = %e, "password change");
            error_page(
                user.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            )
        }
    }
}

/// Someone who may set up a second factor: fully logged in, or logged in but required to enrol
/// before anything else.
fn enrolling(current: &CurrentSession) -> Option<SessionRecord> {
    current.0.clone().filter(|s| {
        matches!(
            s.stage,
            SessionStage::Full | SessionStage::MustEnrolSecondFactor
        )
    })
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct SecondFactorPage {
    shell: Shell,
    title: String,
    required: bool,
    secret: String,
    uri: String,
    error: Option<String>,
}

fn second_factor_page(
    lang: Lang,
    session: &SessionRecord,
    status: StatusCode,
    secret: String,
    error: Option<&str>,
) -> Response {
    let shell = if session.stage == SessionStage::Full {
        Shell::for_actor(lang, &auth::actor_of(session), "/account")
    } else {
        Shell::anonymous(lang)
    };
    let page = SecondFactorPage {
        title: shell.tr.t("totp-title"),
        required: session.stage == SessionStage::MustEnrolSecondFactor,
        uri: crate::totp::otpauth_uri(&secret, &session.email),
        secret,
        error: error.map(|k| shell.tr.t(k)),
        shell,
    };
    (status, render(lang, &page)).into_response()
}

pub async fn second_factor_form(
    lang: Lang,
    Extension(current): Extension<CurrentSession>,
) -> Response {
    let Some(session) = enrolling(&current) else {
        return see_other("/login");
    };
    if session.totp_enabled {
        return see_other("/account");
    }
    second_factor_page(
        lang,
        &session,
        StatusCode::OK,
        crate::totp::new_secret(),
        None,
    )
}

#[derive(Deserialize)]
pub struct EnrolForm {
    #[serde(default)]
    secret: String,
    #[serde(default)]
    code: String,
}

/// Stores the secret once the person proves their app produces its codes. If enrolment was
/// what stood between them and the rest of Steunkring, the session is renewed as a full one.
pub async fn second_factor_enrol(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
    PageForm(form): PageForm<EnrolForm>,
) -> Response {
    let Some(session) = enrolling(&current) else {
        return see_other("/login");
    };
    let secret = form.secret.trim().to_string();
    if !crate::totp::check(&secret, &form.code) {
        return second_factor_page(
            lang,
            &session,
            StatusCode::UNPROCESSABLE_ENTITY,
            secret,
            Some("code-invalid"),
        );
    }
    let actor = auth::actor_of(&session);
    let now = Utc::now();
    let event = AuditEvent::new(now, AuditAction::Update, Outcome::Success)
        .by(&actor)
        .object("second_factor", actor.user_id.as_str())
        .from_addr(Some(addr.clone()));
    if let Err(e) = state
        .store
        .set_totp_secret(&actor.user_id, Some(&secret), event)
        .await
    {
        tracing::error!(error = %e, "storing second factor");
        return error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
    }
    // The code that proved the app is spent: it cannot log in afterwards.
    if let Err(e) = auth::second_factor_ok(&state, &actor.user_id, &secret, &form.code).await {
        tracing::error!(error = %e, "claiming the enrolment code's time step");
    }
    if session.stage == SessionStage::Full {
        return see_other("/account?done=second-factor");
    }
    let token = auth::new_token();
    let new = NewSession {
        token_hash: auth::token_hash(&token),
        user_id: actor.user_id.clone(),
        kind: SessionKind::Browser,
        stage: SessionStage::Full,
        created_at: now,
    };
    let event = AuditEvent::new(now, AuditAction::Login, Outcome::Success)
        .by(&actor)
        .object("session", SessionStage::Full.as_str())
        .from_addr(Some(addr));
    if let Err(e) = state
        .store
        .replace_session(&session.token_hash, new, event)
        .await
    {
        tracing::error!(error = %e, "rotating session");
        return error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
    }
    let mut response = see_other("/");
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
    response
}

#[derive(Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    code: String,
}

/// Removes the second factor, with a current code as proof — unless the organisation requires
/// one for this person's role.
pub async fn second_factor_remove(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<RemoveForm>,
) -> Response {
    let tr = crate::i18n::Tr::new(user.lang);
    let login = match Email::parse(&user.session.email) {
        Ok(email) => state.store.find_login(&email).await.ok().flatten(),
        Err(_) => None,
    };
    let Some(login) = login else {
        return error_page(
            user.lang,
            StatusCode::INTERNAL_SERVER_ERROR,
            "error-internal",
        );
    };
    if login.org_requires_totp && login.roles.iter().any(|r| r.may_require_totp()) {
        return account_page(
            &user,
            StatusCode::FORBIDDEN,
            None,
            vec![tr.t("account-totp-required")],
        );
    }
    if !login
        .totp_secret
        .as_deref()
        .is_some_and(|s| crate::totp::check(s, &form.code))
    {
        return account_page(
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
            vec![tr.t("code-invalid")],
        );
    }
    let event = AuditEvent::new(Utc::now(), AuditAction::Delete, Outcome::Success)
        .by(&user.actor)
        .object("second_factor", user.actor.user_id.as_str())
        .from_addr(Some(addr));
    match state
        .store
        .set_totp_secret(&user.actor.user_id, None, event)
        .await
    {
        Ok(()) => see_other("/account?done=second-factor-removed"),
        Err(e) => {
            tracing::error!(error = %e, "removing second factor");
            error_page(
                user.lang,
                StatusCode::INTERNAL_SERVER_ERROR,
                "error-internal",
            )
        }
    }
}
