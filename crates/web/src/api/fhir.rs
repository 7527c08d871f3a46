//! A case as a FHIR R4 bundle (`GET /api/v1/cases/{case}/fhir`) for the care systems around
//! us: the young person, the network members, the participants, the plan with its goals and
//! actions (never its safety section), the consents, the finished support checks and the
//! network's indicators, written by [`steunkring_export::fhir_bundle`]. An export of the help,
//! so for the case's professionals ([`CaseAction::Export`]); audited as an export.
//!
//! The bundle names our identifiers and code systems under `{scheme}://{host}/fhir`, taken
//! from the request's `Host` (when it is a plain host name), so that two installations' codes
//! stay apart.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::state::AppState;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::Indicators;
use steunkring_domain::plan::Performer;
use steunkring_domain::policy::CaseAction;
use steunkring_export::{FhirCase, FhirParticipant, FhirSupportCheck, FhirYouth, fhir_bundle};
use steunkring_store::{OrgScope, ParticipantKind};
use utoipa::OpenApi;

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/cases/{case}/fhir", get(fhir))
}

#[derive(OpenApi)]
#[openapi(paths(fhir))]
pub struct FhirApi;

/// The installation's canonical base for the bundle's systems.
fn system(headers: &HeaderMap, https: bool) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 253
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        })
        .unwrap_or("localhost");
    let scheme = if https { "https" } else { "http" };
    format!("{scheme}://{host}/fhir")
}

/// The case as a FHIR R4 `Bundle` of type `collection` (`application/fhir+json`).
#[utoipa::path(get, path = "/api/v1/cases/{case}/fhir", tag = "export", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, content_type = "application/fhir+json", body = Object), (status = 404, body = ErrorBody)))]
pub async fn fhir(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    headers: HeaderMap,
    Path(case): Path<String>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(case);
    let case = open_case(&state, &user.actor, &id, CaseAction::Export, &addr)
        .await
        .map_err(|e| ApiError::from_case(lang, e))?;
    let scope = OrgScope::of(&user.actor);
    let store = &state.store;
    let (network, participants, plan, sharing, checks, org) = tokio::try_join!(
        store.network(&scope, &id),
        store.list_participants(&scope, &id),
        store.plan(&scope, &id),
        store.sharing_state(&scope, &id),
        store.support_checks(&scope, &id),
        store.get_org(&scope),
    )
    .map_err(|e| ApiError::from_store(lang, e))?;
    let fhir_participants: Vec<FhirParticipant<'_>> = participants
        .iter()
        .filter_map(|p| {
            let p = &p.participant;
            let is = match p.kind {
                ParticipantKind::Youth => Performer::Youth,
                ParticipantKind::Parent => Performer::Parent(p.parent_index?),
                ParticipantKind::SupportFigure => Performer::Member(p.member_id.clone()?),
            };
            Some(FhirParticipant { id: &p.id, is })
        })
        .collect();
    let member_ids: Vec<_> = network.members.iter().map(|m| m.id.clone()).collect();
    let finished: Vec<FhirSupportCheck<'_>> = checks
        .iter()
        .filter(|c| c.check.is_finished())
        .map(|c| FhirSupportCheck {
            id: &c.id,
            check: &c.check,
            members: &member_ids,
        })
        .collect();
    let indicators = Indicators::compute(&network.members, &network.ties);
    let system = system(&headers, state.config.https);
    let bundle = fhir_bundle(&FhirCase {
        system: &system,
        case_id: id.as_str(),
        youth: FhirYouth {
            name: &case.youth_name,
            birth_date: case.birth_date,
            gender: case.gender.as_deref(),
        },
        parents: &case.parents,
        members: &network.members,
        participants: &fhir_participants,
        plan: (plan.revision > 0).then_some(&plan.plan),
        consents: &sharing.consents,
        support_checks: &finished,
        indicators: &indicators,
        team: &case.team_name,
        organisation: &org.name,
        generated_at: Utc::now(),
    });
    state
        .audit
        .record(
            case_event(&user.actor, AuditAction::Export, &id, &addr)
                .object("fhir_bundle", id.as_str()),
        )
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    Ok((
        [(header::CONTENT_TYPE, "application/fhir+json; charset=utf-8")],
        bundle.to_string(),
    )
        .into_response())
}
