//! Logging in and out, sessions, bearer tokens and the second factor.
//!
//! Session ids and API tokens are 256 random bits; only their SHA-256 is stored. Sessions live
//! in the database, so any number of processes can serve the same users.

use crate::i18n::Lang;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use chrono::Utc;
use sha2::{Digest, Sha256};
use std::net::IpAddr;
use std::sync::Arc;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::session::{SECOND_FACTOR_TIMEOUT, SessionState, session_state};
use steunkring_domain::{Actor, Email, Role, UserId, throttle};
use steunkring_store::{NewSession, SessionKind, SessionRecord, SessionStage, StoreError};

/// A fresh session token: 32 random bytes, URL-safe base64.
pub fn new_token() -> String {
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The session token a request carries: a bearer token first, else the session cookie.
pub fn request_token(headers: &HeaderMap, cookie_name: &str) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_string());
    }
    cookie_value(headers, cookie_name)
}

/// A cookie's value from the request headers.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value().to_string())
}

/// The `Set-Cookie` value for a session: HttpOnly, SameSite=Lax, and `Secure` over HTTPS. No
/// expiry: the browser forgets it when closed, and the server enforces its timeouts anyway.
pub fn session_cookie(state: &AppState, token: &str) -> HeaderValue {
    let mut c = cookie::Cookie::new(state.session_cookie(), token.to_string());
    c.set_path("/");
    c.set_http_only(true);
    c.set_same_site(cookie::SameSite::Lax);
    c.set_secure(state.config.https);
    HeaderValue::from_str(&c.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(state: &AppState) -> HeaderValue {
    let mut c = cookie::Cookie::new(state.session_cookie(), "");
    c.set_path("/");
    c.set_http_only(true);
    c.set_same_site(cookie::SameSite::Lax);
    c.set_secure(state.config.https);
    c.set_max_age(cookie::time::Duration::ZERO);
    HeaderValue::from_str(&c.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The session of the current request, resolved once by [`resolve_session`].
#[derive(Clone)]
pub struct CurrentSession(pub Option<SessionRecord>);

/// Middleware: finds the request's session (if any, valid and not expired) and puts it in the
/// request extensions; touches it at most once a minute; removes it when expired. A session
/// read in the last second is taken from memory (see [`crate::recent_sessions`]); a request
/// that may change something forgets those when it is done.
pub async fn resolve_session(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let session = match request_token(req.headers(), state.session_cookie()) {
        Some(token) => load(&state, &token_hash(&token)).await,
        None => None,
    };
    let may_change = !matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD | axum::http::Method::OPTIONS
    );
    req.extensions_mut().insert(CurrentSession(session));
    let response = next.run(req).await;
    if may_change {
        state.recent_sessions.forget_all();
    }
    response
}

/// What a session allows now, with what must be done first.
enum Verdict {
    /// Valid, and nothing to do.
    Valid,
    /// Valid, but its last use must be written down.
    Touch,
    /// Ended: timed out, the account disabled, or the second factor not given in time.
    Ended,
}

fn verdict(record: &SessionRecord, now: chrono::DateTime<Utc>) -> Verdict {
    let pending_too_long = record.stage == SessionStage::AwaitingSecondFactor
        && now - record.created_at >= SECOND_FACTOR_TIMEOUT;
    match session_state(record.created_at, record.last_seen_at, now) {
        SessionState::Active { .. } if record.disabled || pending_too_long => Verdict::Ended,
        SessionState::Active { touch: true } => Verdict::Touch,
        SessionState::Active { touch: false } => Verdict::Valid,
        SessionState::Expired => Verdict::Ended,
    }
}

async fn load(state: &AppState, hash: &str) -> Option<SessionRecord> {
    let now = Utc::now();
    if let Some(record) = state.recent_sessions.get(hash)
        && matches!(verdict(&record, now), Verdict::Valid)
    {
        return Some(record);
    }
    let generation = state.recent_sessions.generation();
    let read_at = std::time::Instant::now();
    let mut record = match state.store.find_session(hash).await {
        Ok(Some(r)) => r,
        Ok(None) => return None,
        Err(e) => {
            tracing::error!(error = %e, "session lookup failed");
            return None;
        }
    };
    match verdict(&record, now) {
        Verdict::Ended => {
            let _ = state.store.delete_session(hash, None).await;
            None
        }
        Verdict::Touch => {
            if let Err(e) = state.store.touch_session(hash, now).await {
                tracing::warn!(error = %e, "could not touch session");
            } else {
                record.last_seen_at = now;
                state
                    .recent_sessions
                    .keep(generation, record.clone(), read_at);
            }
            Some(record)
        }
        Verdict::Valid => {
            state
                .recent_sessions
                .keep(generation, record.clone(), read_at);
            Some(record)
        }
    }
}

/// The actor behind a session.
pub fn actor_of(s: &SessionRecord) -> Actor {
    Actor {
        user_id: s.user_id.clone(),
        org_id: s.org_id.clone(),
        name: s.name.clone(),
        roles: s.roles.clone(),
        team_ids: s.teams.clone(),
    }
}

/// The source address of a request, as the audit trail and the throttle see it.
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map(|ci| ci.0.ip());
        let trusted = parts
            .extensions
            .get::<TrustedProxies>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        let addr = client_ip(peer, &forwarded, &trusted)
            .map(|ip| ip.to_string())
            .unwrap_or_else(|| "local".to_string());
        Ok(ClientAddr(addr))
    }
}

/// The configured reverse proxies, put on every request by [`crate::security::headers`].
#[derive(Clone, Default)]
pub struct TrustedProxies(pub Arc<[IpAddr]>);

/// The client's address: the connection's peer, unless the peer is a trusted proxy; then the
/// nearest address in `X-Forwarded-For` (read from the right, each proxy appends the address
/// it saw) that is not a trusted proxy. Entries left of that are the client's own claims and
/// are never believed, and an entry that is not an address stops the walk at the last hop that
/// was trusted, so a forged header can never pick an address of its choosing.
pub fn client_ip(peer: Option<IpAddr>, forwarded: &[&str], trusted: &[IpAddr]) -> Option<IpAddr> {
    let mut nearest = peer?;
    if !trusted.contains(&nearest) {
        return Some(nearest);
    }
    let hops = forwarded.iter().flat_map(|v| v.split(',')).rev();
    for hop in hops {
        let Ok(ip) = hop.trim().parse::<IpAddr>() else {
            break;
        };
        nearest = ip;
        if !trusted.contains(&ip) {
            break;
        }
    }
    Some(nearest)
}

/// How a login attempt ended.
pub enum LoginOutcome {
    /// A session was created; `stage` tells whether a second factor or enrolment must follow.
    Started { token: String, stage: SessionStage },
    /// Wrong address or password, or a disabled account: one answer for all, so that the
    /// answer never reveals whether an account exists.
    Invalid,
    /// Too many failures for this account or from this address.
    Throttled,
    /// The API caller must send a valid `totp` code with the login.
    SecondFactorRequired,
}

/// Whether `code` is the account's authenticator code now and was not used before: its time
/// step is claimed in the store, so each code logs in once (OWASP ASVS 2.8.4).
pub async fn second_factor_ok(
    state: &AppState,
    user: &UserId,
    secret: &str,
    code: &str,
) -> Result<bool, StoreError> {
    match crate::totp::accepted_step(secret, code, crate::totp::now_unix()) {
        Some(step) => {
            let step = i64::try_from(step).unwrap_or(i64::MAX);
            state.store.claim_totp_step(user, step).await
        }
        None => Ok(false),
    }
}

/// Checks a login and starts a session. Used by the login page and `POST /api/v1/login`.
///
/// `totp` is the second-factor code sent along (API); `None` for the page flow, where a
/// second step asks for it.
pub async fn attempt_login(
    state: &AppState,
    email_raw: &str,
    password: &str,
    totp: Option<&str>,
    kind: SessionKind,
    addr: &str,
) -> Result<LoginOutcome, StoreError> {
    let now = Utc::now();
    let account_key = email_raw.trim().to_lowercase();
    let since = now - throttle::WINDOW;

    let addr_failures = state.store.login_failures_for_addr(addr, since).await?;
    let account_failures = state
        .store
        .login_failures_for_account(&account_key, since)
        .await?;
    if throttle::address_locked(usize::try_from(addr_failures).unwrap_or(usize::MAX))
        || throttle::account_locked_until(&account_failures, now).is_some()
    {
        let event = AuditEvent::new(now, AuditAction::LoginThrottled, Outcome::Denied)
            .object("account", account_key.clone())
            .from_addr(Some(addr.to_string()));
        state.audit.record(event).await?;
        return Ok(LoginOutcome::Throttled);
    }

    let login = match Email::parse(&account_key) {
        Ok(email) => state.store.find_login(&email).await?,
        Err(_) => None,
    };
    let password_ok =
        crate::password::verify(password, login.as_ref().map(|l| l.password_hash.as_str())).await;
    let login = match login {
        Some(l) if password_ok && !l.disabled => l,
        other => {
            let mut event = AuditEvent::new(now, AuditAction::LoginFailed, Outcome::Failure)
                .object("account", account_key.clone())
                .from_addr(Some(addr.to_string()));
            if let Some(l) = other {
                event.user_id = Some(l.user_id.clone());
                event.org_id = Some(l.org_id.clone());
            }
            state
                .store
                .record_login_failure(&account_key, addr, event)
                .await?;
            return Ok(LoginOutcome::Invalid);
        }
    };

    let stage = match (&login.totp_secret, totp) {
        (Some(secret), Some(code)) => {
            if !second_factor_ok(state, &login.user_id, secret, code).await? {
                let mut event = AuditEvent::new(now, AuditAction::LoginFailed, Outcome::Failure)
                    .object("second_factor", login.user_id.as_str())
                    .from_addr(Some(addr.to_string()));
                event.user_id = Some(login.user_id.clone());
                event.org_id = Some(login.org_id.clone());
                state
                    .store
                    .record_login_failure(&account_key, addr, event)
                    .await?;
                return Ok(LoginOutcome::Invalid);
            }
            SessionStage::Full
        }
        (Some(_), None) if kind == SessionKind::Api => {
            return Ok(LoginOutcome::SecondFactorRequired);
        }
        (Some(_), None) => SessionStage::AwaitingSecondFactor,
        (None, _) => {
            if login.org_requires_totp && login.roles.iter().any(|r| r.may_require_totp()) {
                SessionStage::MustEnrolSecondFactor
            } else {
                SessionStage::Full
            }
        }
    };

    state.store.clear_login_failures(&account_key).await?;
    let token = new_token();
    let mut event = AuditEvent::new(now, AuditAction::Login, Outcome::Success)
        .object("session", stage.as_str())
        .from_addr(Some(addr.to_string()));
    event.user_id = Some(login.user_id.clone());
    event.org_id = Some(login.org_id.clone());
    event.role = login.roles.iter().copied().min();
    state
        .store
        .create_session(
            NewSession {
                token_hash: token_hash(&token),
                user_id: login.user_id,
                kind,
                stage,
                created_at: now,
            },
            event,
        )
        .await?;
    Ok(LoginOutcome::Started { token, stage })
}

/// Ends the session of the request (logout), with its audit entry.
pub async fn logout(
    state: &AppState,
    session: &SessionRecord,
    addr: &str,
) -> Result<(), StoreError> {
    let actor = actor_of(session);
    let event = AuditEvent::new(Utc::now(), AuditAction::Logout, Outcome::Success)
        .by(&actor)
        .object("session", session.kind.as_str())
        .from_addr(Some(addr.to_string()));
    state
        .store
        .delete_session(&session.token_hash, Some(event))
        .await
}

/// Whether the user holds any staff role (participants get their own home pages later).
pub fn is_staff(roles: &[Role]) -> bool {
    roles.iter().any(|r| r.is_staff())
}

/// Reads the language of a request: the `lang` cookie (the switch), else the browser's
/// preference, else Dutch.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    if let Some(lang) = cookie_value(headers, "lang")
        .as_deref()
        .and_then(Lang::parse)
    {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(request_lang(&parts.headers))
    }
}

/// Starts a full session for an account that was just created (an accepted invitation), with
/// its login entry in the audit trail; answers the token.
pub async fn start_session(
    state: &AppState,
    user_id: &steunkring_domain::UserId,
    org_id: &steunkring_domain::OrgId,
    role: Role,
    kind: SessionKind,
    addr: &str,
) -> Result<String, StoreError> {
    let now = Utc::now();
    let token = new_token();
    let mut login = AuditEvent::new(now, AuditAction::Login, Outcome::Success)
        .object("session", SessionStage::Full.as_str())
        .from_addr(Some(addr.to_string()));
    login.user_id = Some(user_id.clone());
    login.org_id = Some(org_id.clone());
    login.role = Some(role);
    let session = NewSession {
        token_hash: token_hash(&token),
        user_id: user_id.clone(),
        kind,
        stage: SessionStage::Full,
        created_at: now,
    };
    state.store.create_session(session, login).await?;
    Ok(token)
}

#[cfg(test)]
mod tests {
    use super::client_ip;
    use proptest::prelude::*;
    use std::net::IpAddr;

    fn ip(raw: &str) -> IpAddr {
        raw.parse().expect("address")
    }

    #[test]
    fn behind_trusted_proxies_the_nearest_untrusted_hop_is_the_client() {
        let proxy = ip("10.0.0.2");
        let inner = ip("10.0.0.3");
        let trusted = [proxy, inner];
        // Client 203.0.113.9 claims to be 198.51.100.1; the outer proxy saw 203.0.113.9.
        let xff = ["198.51.100.1, 203.0.113.9", "10.0.0.3"];
        assert_eq!(
            client_ip(Some(proxy), &xff, &trusted),
            Some(ip("203.0.113.9"))
        );
        // No header through a trusted proxy: the proxy itself.
        assert_eq!(client_ip(Some(proxy), &[], &trusted), Some(proxy));
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            client_ip(Some(proxy), &["203.0.113.9, nonsense"], &trusted),
            Some(proxy)
        );
        // IPv6 and spaces.
        assert_eq!(
            client_ip(Some(proxy), &[" 2001:db8::7 "], &trusted),
            Some(ip("2001:db8::7"))
        );
        // Without a connection (in-process requests) there is no address.
        assert_eq!(client_ip(None, &["203.0.113.9"], &trusted), None);
    }

    proptest! {
        /// A peer that is not a trusted proxy is the client, whatever the header says.
        #[test]
        fn an_untrusted_peer_is_never_overridden(
            peer in any::<[u8; 4]>(),
            claims in proptest::collection::vec(any::<[u8; 4]>(), 0..5),
        ) {
            let peer = IpAddr::from(peer);
            let header = claims.iter().map(|c| IpAddr::from(*c).to_string()).collect::<Vec<_>>().join(", ");
            prop_assert_eq!(client_ip(Some(peer), &[header.as_str()], &[]), Some(peer));
            let trusted = [IpAddr::from([10, 9, 9, 9])];
            prop_assume!(peer != trusted[0]);
            prop_assert_eq!(client_ip(Some(peer), &[header.as_str()], &trusted), Some(peer));
        }

        /// Through a trusted proxy, the answer is the peer or an address from the header's
        /// right end up to the first untrusted one — never a claim left of it.
        #[test]
        fn a_forged_prefix_is_never_believed(
            forged in any::<[u8; 4]>(),
            client in any::<[u8; 4]>(),
        ) {
            let proxy = IpAddr::from([10, 0, 0, 1]);
            let client = IpAddr::from(client);
            prop_assume!(client != proxy);
            let header = format!("{}, {client}", IpAddr::from(forged));
            prop_assert_eq!(client_ip(Some(proxy), &[header.as_str()], &[proxy]), Some(client));
        }
    }
}
