//! Login (password, then the second factor when enrolled), logout and the language switch.

use super::{PageForm, Shell, render, see_other};
use crate::auth::{self, ClientAddr, CurrentSession, LoginOutcome};
use crate::i18n::Lang;
use crate::state::AppState;
use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_store::{NewSession, SessionKind, SessionStage};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    title: String,
    email: String,
    error: Option<String>,
}

fn login_page(lang: Lang, status: StatusCode, email: &str, error: Option<&str>) -> Response {
    let shell = Shell::anonymous(lang);
    let page = LoginPage {
        title: shell.tr.t("login-title"),
        email: email.to_string(),
        error: error.map(|k| shell.tr.t(k)),
        shell,
    };
    (status, render(lang, &page)).into_response()
}

pub async fn form(lang: Lang, Extension(current): Extension<CurrentSession>) -> Response {
    if current.0.is_some_and(|s| s.stage == SessionStage::Full) {
        return see_other("/");
    }
    login_page(lang, StatusCode::OK, "", None)
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn submit(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    PageForm(form): PageForm<LoginForm>,
) -> Response {
    match auth::attempt_login(
        &state,
        &form.email,
        &form.password,
        None,
        SessionKind::Browser,
        &addr,
    )
    .await
    {
        Ok(LoginOutcome::Started { token, stage }) => {
            let to = match stage {
                SessionStage::Full => "/",
                SessionStage::AwaitingSecondFactor => "/login/code",
                SessionStage::MustEnrolSecondFactor => "/account/second-factor",
            };
            let mut response = see_other(to);
            response
                .headers_mut()
                .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
            response
        }
        Ok(LoginOutcome::Throttled) => login_page(
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            &form.email,
            Some("error-too-many-attempts"),
        ),
        Ok(LoginOutcome::Invalid | LoginOutcome::SecondFactorRequired) => login_page(
            lang,
            StatusCode::UNAUTHORIZED,
            &form.email,
            Some("login-invalid"),
        ),
        Err(e) => {
            tracing::error!(error = %e, "login failed");
            super::error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
        }
    }
}

#[derive(Template)]
#[template(path = "login_code.html")]
struct CodePage {
    shell: Shell,
    title: String,
    error: Option<String>,
}

fn code_page(lang: Lang, status: StatusCode, error: Option<&str>) -> Response {
    let shell = Shell::anonymous(lang);
    let page = CodePage {
        title: shell.tr.t("code-title"),
        error: error.map(|k| shell.tr.t(k)),
        shell,
    };
    (status, render(lang, &page)).into_response()
}

pub async fn code_form(lang: Lang, Extension(current): Extension<CurrentSession>) -> Response {
    match current.0 {
        Some(s) if s.stage == SessionStage::AwaitingSecondFactor => {
            code_page(lang, StatusCode::OK, None)
        }
        Some(_) => see_other("/"),
        None => see_other("/login"),
    }
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
}

/// The second step: a valid code turns the half-finished session into a full one under a new
/// id (rotation); a wrong one counts as a failed login.
pub async fn code_submit(
    State(state): State<AppState>,
    lang: Lang,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
    PageForm(form): PageForm<CodeForm>,
) -> Response {
    let Some(session) = current
        .0
        .filter(|s| s.stage == SessionStage::AwaitingSecondFactor)
    else {
        return see_other("/login");
    };
    let now = Utc::now();
    let since = now - steunkring_domain::throttle::WINDOW;
    let failures = state
        .store
        .login_failures_for_account(&session.email, since)
        .await
        .unwrap_or_default();
    if steunkring_domain::throttle::account_locked_until(&failures, now).is_some() {
        return code_page(
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            Some("error-too-many-attempts"),
        );
    }
    let secret = match steunkring_domain::Email::parse(&session.email) {
        Ok(email) => state
            .store
            .find_login(&email)
            .await
            .ok()
            .flatten()
            .and_then(|l| l.totp_secret),
        Err(_) => None,
    };
    let actor = auth::actor_of(&session);
    let valid = match secret.as_deref() {
        Some(secret) => auth::second_factor_ok(&state, &actor.user_id, secret, &form.code)
            .await
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "claiming the code's time step");
                false
            }),
        None => false,
    };
    if !valid {
        let event = AuditEvent::new(now, AuditAction::LoginFailed, Outcome::Failure)
            .by(&actor)
            .object("second_factor", actor.user_id.as_str())
            .from_addr(Some(addr.clone()));
        if let Err(e) = state
            .store
            .record_login_failure(&session.email, &addr, event)
            .await
        {
            tracing::error!(error = %e, "recording failure");
        }
        return code_page(lang, StatusCode::UNAUTHORIZED, Some("code-invalid"));
    }
    let token = auth::new_token();
    let event = AuditEvent::new(now, AuditAction::Login, Outcome::Success)
        .by(&actor)
        .object("session", SessionStage::Full.as_str())
        .from_addr(Some(addr));
    let new = NewSession {
        token_hash: auth::token_hash(&token),
        user_id: actor.user_id.clone(),
        kind: SessionKind::Browser,
        stage: SessionStage::Full,
        created_at: now,
    };
    if let Err(e) = state
        .store
        .replace_session(&session.token_hash, new, event)
        .await
    {
        tracing::error!(error = %e, "rotating session");
        return super::error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal");
    }
    let _ = state.store.clear_login_failures(&session.email).await;
    let mut response = see_other("/");
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::session_cookie(&state, &token));
    response
}

pub async fn logout(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Extension(current): Extension<CurrentSession>,
) -> Response {
    if let Some(session) = current.0
        && let Err(e) = auth::logout(&state, &session, &addr).await
    {
        tracing::error!(error = %e, "logout failed");
    }
    let mut response = see_other("/login");
    response
        .headers_mut()
        .append(header::SET_COOKIE, auth::clear_session_cookie(&state));
    response
}

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// The language switch: remembered in a cookie for a year. Goes back to the page it came
/// from, but only to a local path.
pub async fn language(
    State(state): State<AppState>,
    headers: HeaderMap,
    PageForm(form): PageForm<LanguageForm>,
) -> Response {
    let lang = Lang::parse(&form.lang).unwrap_or_else(|| auth::request_lang(&headers));
    let back = if form.back.starts_with('/')
        && !form.back.starts_with("//")
        && form.back.chars().all(|c| c.is_ascii_graphic() && c != '\\')
    {
        form.back.as_str()
    } else {
        "/"
    };
    let mut c = cookie::Cookie::new("lang", lang.code());
    c.set_path("/");
    c.set_same_site(cookie::SameSite::Lax);
    c.set_secure(state.config.https);
    c.set_max_age(cookie::time::Duration::days(365));
    let mut response = see_other(back);
    if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}
