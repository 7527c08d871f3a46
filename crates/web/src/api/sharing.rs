//! `/api/v1/cases/{case}/consents` and `/api/v1/cases/{case}/visibility`: consent per category
//! and recipient, and "who can see what, and why".

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::ApiJson;
use crate::i18n::Tr;
use crate::sharing::{Sharing, participant_viewer, reasons};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{
    Category, Consent, Given, Party, Recipient, Viewer, Withdrawal, dutch_date, required_parties,
};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, StoreError};
use utoipa::ToSchema;

async fn involved(
    state: &AppState,
    user: &ApiUser,
    case: &str,
    addr: &str,
) -> Result<Case, ApiError> {
    open_case(
        state,
        &user.actor,
        &CaseId::from_stored(case),
        CaseAction::ManageParticipants,
        addr,
    )
    .await
    .map_err(|e| ApiError::from_case(user.lang, e))
}

#[derive(Serialize, ToSchema)]
pub struct ConsentJson {
    pub id: String,
    /// `network_map`, `plan`, `safety_section`, `measurements`, `notes`, `contact_details`
    pub category: String,
    /// `participant:<id>`, `role:support_figures`, `role:parents` or `role:research`
    /// (pseudonymised research: only for `network_map`, `plan` and `measurements`; nobody sees
    /// anything through it)
    pub recipient: String,
    pub valid_from: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    /// The parties that must consent: `youth`, `parent:<n>`, `guardian`.
    pub required: Vec<String>,
    pub given: Vec<GivenJson>,
    pub withdrawn_at: Option<chrono::DateTime<Utc>>,
    /// `pending`, `active`, `not_yet_valid`, `expired`, `withdrawn`
    pub status: String,
}

#[derive(Serialize, ToSchema)]
pub struct GivenJson {
    pub party: String,
    pub at: chrono::DateTime<Utc>,
    pub how: String,
}

fn to_json(c: &Consent) -> ConsentJson {
    let status = serde_json::to_value(c.status(dutch_date(Utc::now())))
        .ok()
        .and_then(|v| v.get("status").and_then(|s| s.as_str()).map(str::to_string))
        .unwrap_or_default();
    ConsentJson {
        id: c.id.clone(),
        category: c.category.as_str().to_string(),
        recipient: c.recipient.as_code(),
        valid_from: c.valid_from,
        valid_until: c.valid_until,
        required: c.required.iter().map(|p| p.as_code()).collect(),
        given: c
            .given
            .iter()
            .map(|g| GivenJson {
                party: g.party.as_code(),
                at: g.at,
                how: g.how.clone(),
            })
            .collect(),
        withdrawn_at: c.withdrawn.as_ref().map(|w| w.at),
        status,
    }
}

#[derive(Serialize, ToSchema)]
pub struct ConsentList {
    pub items: Vec<ConsentJson>,
    pub next: Option<String>,
}

/// The consents of a case, with each party's giving and the status now.
#[utoipa::path(get, path = "/api/v1/cases/{case}/consents", tag = "consent", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = ConsentList), (status = 404, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<ConsentList>, ApiError> {
    let case = involved(&state, &user, &case, &addr).await?;
    let s = state
        .store
        .sharing_state(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(ConsentList {
        items: s.consents.iter().map(to_json).collect(),
        next: None,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AskJson {
    pub category: String,
    /// `participant:<id>`, `role:support_figures`, `role:parents` or `role:research`
    /// (pseudonymised research; only with `network_map`, `plan` or `measurements`)
    pub recipient: String,
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
}

/// Asks consent; the parties that must give it follow from age, gezag and framework now.
#[utoipa::path(post, path = "/api/v1/cases/{case}/consents", tag = "consent", params(("case" = String, Path)), request_body = AskJson,
    security(("bearer" = [])), responses((status = 201, body = ConsentJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn ask(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<AskJson>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let case = involved(&state, &user, &case, &addr).await?;
    let mut errors = Vec::new();
    let category = Category::parse(&body.category);
    if category.is_none() {
        errors.push(FieldError::new("category", "error-unknown-value"));
    }
    let recipient = Recipient::parse_code(&body.recipient);
    if recipient.is_none() {
        errors.push(FieldError::new("recipient", "error-unknown-value"));
    }
    let today = dutch_date(Utc::now());
    if let Err(e) = Consent::check_period(today, body.valid_until) {
        errors.push(FieldError::new("valid_until", e.key));
    }
    let (Some(category), Some(recipient)) = (category, recipient) else {
        return Err(ApiError::invalid(lang, &errors));
    };
    if let Err(e) = Consent::check_recipient(category, &recipient) {
        errors.push(e);
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid(lang, &errors));
    }
    let scope = OrgScope::of(&user.actor);
    let framework = state
        .store
        .sharing_state(&scope, &case.id)
        .await
        .map_err(|e| ApiError::from_store(lang, e))?
        .framework;
    let consent = Consent {
        id: steunkring_domain::ids::AuditId::generate().to_string(),
        category,
        recipient,
        valid_from: today,
        valid_until: body.valid_until,
        required: required_parties(case.birth_date, &case.parents, framework, today).parties,
        given: Vec::new(),
        withdrawn: None,
    };
    state
        .store
        .ask_consent(
            &scope,
            &case.id,
            &consent,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    Ok((StatusCode::CREATED, Json(to_json(&consent))).into_response())
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyJson {
    /// `youth`, `parent:<n>` or `guardian`
    pub party: String,
    /// How the consent was given (e.g. "in the conversation of 3 March"); required when giving.
    #[serde(default)]
    pub how: Option<String>,
}

/// Records one party's consent.
#[utoipa::path(post, path = "/api/v1/cases/{case}/consents/{consent}/give", tag = "consent", params(("case" = String, Path), ("consent" = String, Path)),
    request_body = PartyJson, security(("bearer" = [])),
    responses((status = 204, description = "Recorded"), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn give(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, consent)): Path<(String, String)>,
    ApiJson(body): ApiJson<PartyJson>,
) -> Result<StatusCode, ApiError> {
    let lang = user.lang;
    let case = involved(&state, &user, &case, &addr).await?;
    let party = Party::parse_code(&body.party).ok_or_else(|| {
        ApiError::invalid(lang, &[FieldError::new("party", "error-unknown-value")])
    })?;
    let how = body.how.unwrap_or_default();
    if how.trim().is_empty() || how.chars().count() > 200 {
        return Err(ApiError::invalid(
            lang,
            &[FieldError::new("how", "error-required")],
        ));
    }
    let given = Given {
        party,
        at: Utc::now(),
        how: how.trim().to_string(),
        by_user: Some(user.actor.user_id.to_string()),
    };
    match state
        .store
        .give_consent(
            &OrgScope::of(&user.actor),
            &case.id,
            &consent,
            &given,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(StoreError::Conflict(_)) => Err(ApiError::conflict(lang, "consent-not-needed")),
        Err(e) => Err(ApiError::from_store(lang, e)),
    }
}

/// Withdraws a consent at once.
#[utoipa::path(post, path = "/api/v1/cases/{case}/consents/{consent}/withdraw", tag = "consent", params(("case" = String, Path), ("consent" = String, Path)),
    request_body = PartyJson, security(("bearer" = [])),
    responses((status = 204, description = "Withdrawn"), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, consent)): Path<(String, String)>,
    ApiJson(body): ApiJson<PartyJson>,
) -> Result<StatusCode, ApiError> {
    let lang = user.lang;
    let case = involved(&state, &user, &case, &addr).await?;
    let party = Party::parse_code(&body.party).ok_or_else(|| {
        ApiError::invalid(lang, &[FieldError::new("party", "error-unknown-value")])
    })?;
    match state
        .store
        .withdraw_consent(
            &OrgScope::of(&user.actor),
            &case.id,
            &consent,
            &Withdrawal {
                party,
                at: Utc::now(),
            },
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(StoreError::Conflict(_)) => Err(ApiError::conflict(lang, "error-conflict")),
        Err(e) => Err(ApiError::from_store(lang, e)),
    }
}

#[derive(Serialize, ToSchema)]
pub struct SeeJson {
    pub allowed: bool,
    /// Why (not), in the caller's language.
    pub reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PersonVisibility {
    pub participant: Option<String>,
    pub name: String,
    /// `youth`, `parent`, `support_figure`, `administrator`
    pub kind: String,
    #[schema(value_type = Object)]
    pub categories: BTreeMap<String, SeeJson>,
}

#[derive(Serialize, ToSchema)]
pub struct VisibilityJson {
    pub framework: String,
    /// Who must consent now, and by which rule (in words).
    pub who_decides: String,
    pub required: Vec<String>,
    pub items: Vec<PersonVisibility>,
}

/// Who can see what, and why: every participant (and the administrator role) × every category.
#[utoipa::path(get, path = "/api/v1/cases/{case}/visibility", tag = "consent", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = VisibilityJson), (status = 404, body = ErrorBody)))]
pub async fn visibility(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<VisibilityJson>, ApiError> {
    let lang = user.lang;
    let case = involved(&state, &user, &case, &addr).await?;
    let scope = OrgScope::of(&user.actor);
    let (sharing, participants) = tokio::try_join!(
        Sharing::load(&state, &scope, &case),
        state.store.list_participants(&scope, &case.id)
    )
    .map_err(|e| ApiError::from_store(lang, e))?;
    let tr = Tr::new(lang);
    let required = required_parties(
        case.birth_date,
        &case.parents,
        sharing.state.framework,
        dutch_date(Utc::now()),
    );
    let mut people: Vec<(Option<String>, String, String, Viewer)> = participants
        .iter()
        .map(|p| {
            (
                Some(p.participant.id.clone()),
                p.participant.display_name.clone(),
                p.participant.kind.as_str().to_string(),
                participant_viewer(&case, &p.participant),
            )
        })
        .collect();
    people.push((
        None,
        tr.t("role-admin"),
        "administrator".into(),
        Viewer::Administrator,
    ));
    let items = people
        .into_iter()
        .map(|(participant, name, kind, viewer)| PersonVisibility {
            participant,
            name,
            kind,
            categories: Category::ALL
                .iter()
                .map(|c| {
                    let v = sharing.visibility(&case, &viewer, *c);
                    (
                        c.as_str().to_string(),
                        SeeJson {
                            allowed: v.allowed,
                            reasons: reasons(&tr, &v),
                        },
                    )
                })
                .collect(),
        })
        .collect();
    Ok(Json(VisibilityJson {
        framework: sharing.state.framework.as_str().to_string(),
        who_decides: tr.t(required.rule.key()),
        required: required.parties.iter().map(|p| p.as_code()).collect(),
        items,
    }))
}
