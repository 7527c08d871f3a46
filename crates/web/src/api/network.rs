//! `/api/v1/cases/{case}/members`, `/ties`, `/map.svg`, `/indicators`, `/versions`.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, parse_json};
use crate::i18n::{Lang, Tr};
use crate::network::{MapOptions, map_input, sentences};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::{CaseId, VersionId};
use steunkring_domain::network::{
    Comparison, Indicators, MemberId, NetworkMember, NewMember, RawMember, Tie, compare,
};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, Network, OrgScope, StoreError, VersionSummary};
use utoipa::ToSchema;

/// A list in the v1 shape.
#[derive(Serialize, ToSchema)]
pub struct Items<T> {
    pub items: Vec<T>,
    pub next: Option<String>,
}

async fn case_and_network(
    state: &AppState,
    user: &ApiUser,
    id: &CaseId,
    action: CaseAction,
    addr: &str,
) -> Result<(Case, Network), ApiError> {
    let case = open_case(state, &user.actor, id, action, addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let network = state
        .store
        .network(&OrgScope::of(&user.actor), id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok((case, network))
}

fn invalid(lang: Lang, errors: &[FieldError]) -> ApiError {
    ApiError::invalid(lang, errors)
}

/// The network members of a case.
#[utoipa::path(get, path = "/api/v1/cases/{case}/members", tag = "network", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "`{items, next}` of members"), (status = 404, body = ErrorBody)))]
pub async fn list_members(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<Items<NetworkMember>>, ApiError> {
    let (_, network) = case_and_network(
        &state,
        &user,
        &CaseId::from_stored(case),
        CaseAction::ReadNetwork,
        &addr,
    )
    .await?;
    Ok(Json(Items {
        items: network.members,
        next: None,
    }))
}

/// Adds a member: at least `name`, `relation`, `ring` (1–3) and `sector`.
#[utoipa::path(post, path = "/api/v1/cases/{case}/members", tag = "network", params(("case" = String, Path)),
    request_body(content = Object, description = "name, relation, ring, sector; optional level, support [{type, direction}], tie_quality, stance, roles, known_years, contact_frequency, protective, risk, available, is_adult"),
    security(("bearer" = [])),
    responses((status = 201, description = "The member"), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_member(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(raw): ApiJson<RawMember>,
) -> Result<Response, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let member = NewMember::parse(&raw)
        .map_err(|e| invalid(user.lang, &e))?
        .into_member(MemberId::generate());
    state
        .store
        .add_member(
            &OrgScope::of(&user.actor),
            &id,
            &member,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok((StatusCode::CREATED, Json(member)).into_response())
}

fn find_member(lang: Lang, network: &Network, member: &str) -> Result<NetworkMember, ApiError> {
    network
        .members
        .iter()
        .find(|m| m.id.as_str() == member)
        .cloned()
        .ok_or_else(|| ApiError::not_found(lang))
}

/// One member.
#[utoipa::path(get, path = "/api/v1/cases/{case}/members/{member}", tag = "network", params(("case" = String, Path), ("member" = String, Path)),
    security(("bearer" = [])), responses((status = 200, description = "The member"), (status = 404, body = ErrorBody)))]
pub async fn get_member(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, member)): Path<(String, String)>,
) -> Result<Json<NetworkMember>, ApiError> {
    let (_, network) = case_and_network(
        &state,
        &user,
        &CaseId::from_stored(case),
        CaseAction::ReadNetwork,
        &addr,
    )
    .await?;
    find_member(user.lang, &network, &member).map(Json)
}

/// The stored member as the raw input it came from, so that a change can be laid over it.
pub fn raw_of(m: &NetworkMember) -> serde_json::Value {
    serde_json::json!({
        "name": m.name,
        "relation": m.relation,
        "ring": m.ring.number(),
        "sector": m.sector.as_str(),
        "level": m.level.map(|l| l.as_str()),
        "support": m.support.iter().map(|s| serde_json::json!({"type": s.kind.as_str(), "direction": s.direction.as_str()})).collect::<Vec<_>>(),
        "tie_quality": m.tie_quality.map(|q| q.as_str()),
        "stance": m.stance.as_str(),
        "roles": m.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "known_years": m.known_years.map(|k| k.as_str()),
        "contact_frequency": m.contact_frequency.map(|c| c.score()),
        "protective": m.protective,
        "risk": m.risk,
        "available": m.available,
        "is_adult": m.is_adult,
    })
}

/// Changes a member: only the fields sent change.
#[utoipa::path(patch, path = "/api/v1/cases/{case}/members/{member}", tag = "network", params(("case" = String, Path), ("member" = String, Path)),
    request_body(content = Object, description = "Any member fields"), security(("bearer" = [])),
    responses((status = 200, description = "The member"), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch_member(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, member)): Path<(String, String)>,
    ApiJson(changes): ApiJson<serde_json::Map<String, serde_json::Value>>,
) -> Result<Json<NetworkMember>, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(case);
    let (_, network) =
        case_and_network(&state, &user, &id, CaseAction::ChangeNetwork, &addr).await?;
    let existing = find_member(lang, &network, &member)?;
    let mut merged = raw_of(&existing);
    if let Some(obj) = merged.as_object_mut() {
        for (k, v) in changes {
            obj.insert(k, v);
        }
    }
    let bytes = serde_json::to_vec(&merged).map_err(|e| ApiError::internal(lang, &e))?;
    let raw: RawMember = parse_json(lang, &bytes)?;
    let updated = NewMember::parse(&raw)
        .map_err(|e| invalid(lang, &e))?
        .into_member(existing.id.clone());
    state
        .store
        .update_member(
            &OrgScope::of(&user.actor),
            &id,
            &updated,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    Ok(Json(updated))
}

/// Removes a member and their ties.
#[utoipa::path(delete, path = "/api/v1/cases/{case}/members/{member}", tag = "network", params(("case" = String, Path), ("member" = String, Path)),
    security(("bearer" = [])), responses((status = 204, description = "Removed"), (status = 404, body = ErrorBody)))]
pub async fn delete_member(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path((case, member)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    state
        .store
        .remove_member(
            &OrgScope::of(&user.actor),
            &id,
            &MemberId::from_stored(member),
            case_event(&user.actor, AuditAction::Delete, &id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(StatusCode::NO_CONTENT)
}

/// The ties between members.
#[utoipa::path(get, path = "/api/v1/cases/{case}/ties", tag = "network", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "`{items, next}` of ties `{from, to, kind}`"), (status = 404, body = ErrorBody)))]
pub async fn list_ties(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<Items<Tie>>, ApiError> {
    let (_, network) = case_and_network(
        &state,
        &user,
        &CaseId::from_stored(case),
        CaseAction::ReadNetwork,
        &addr,
    )
    .await?;
    Ok(Json(Items {
        items: network.ties,
        next: None,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TieJson {
    pub from: String,
    pub to: String,
    /// `knows`, `supportive`, `ambivalent`, `stressful`, `broken`
    pub kind: String,
}

/// Adds (or changes) the tie between two members of this case.
#[utoipa::path(post, path = "/api/v1/cases/{case}/ties", tag = "network", params(("case" = String, Path)), request_body = TieJson,
    security(("bearer" = [])),
    responses((status = 201, description = "The tie"), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn add_tie(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<TieJson>,
) -> Result<Response, ApiError> {
    let lang = user.lang;
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(lang, e))?;
    let tie = Tie::parse(&body.from, &body.to, &body.kind).map_err(|e| invalid(lang, &e))?;
    match state
        .store
        .set_tie(
            &OrgScope::of(&user.actor),
            &id,
            &tie,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(()) => Ok((StatusCode::CREATED, Json(tie)).into_response()),
        Err(StoreError::NotFound) => Err(invalid(
            lang,
            &[FieldError::new("to", "error-tie-members-unknown")],
        )),
        Err(e) => Err(ApiError::from_store(lang, e)),
    }
}

/// The network circle as SVG.
#[utoipa::path(get, path = "/api/v1/cases/{case}/map.svg", tag = "network",
    params(("case" = String, Path), ("view" = Option<String>, Query, description = "circle, quadrant or levels"),
        ("pseudonymise" = Option<bool>, Query), ("without_professionals" = Option<bool>, Query), ("hide_rejected" = Option<bool>, Query)),
    security(("bearer" = [])),
    responses((status = 200, description = "image/svg+xml", content_type = "image/svg+xml", body = String), (status = 404, body = ErrorBody)))]
pub async fn map_svg(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    Query(options): Query<MapOptions>,
) -> Result<Response, ApiError> {
    let (case, network) = case_and_network(
        &state,
        &user,
        &CaseId::from_stored(case),
        CaseAction::ReadNetwork,
        &addr,
    )
    .await?;
    let tr = Tr::new(user.lang);
    let input = map_input(
        &tr,
        &case.youth_name,
        &network.members,
        &network.ties,
        &options,
        None,
    );
    let svg = steunkring_netmap::render(&input);
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")],
        svg,
    )
        .into_response())
}

#[derive(Serialize, ToSchema)]
pub struct IndicatorsJson {
    /// Every indicator (see domain.md); formulas in the domain crate's documentation.
    #[schema(value_type = Object)]
    pub indicators: Indicators,
    /// The same in plain words, in the caller's language.
    pub sentences: Vec<String>,
}

/// Network indicators of the current network.
#[utoipa::path(get, path = "/api/v1/cases/{case}/indicators", tag = "network", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = IndicatorsJson), (status = 404, body = ErrorBody)))]
pub async fn indicators(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<IndicatorsJson>, ApiError> {
    let (_, network) = case_and_network(
        &state,
        &user,
        &CaseId::from_stored(case),
        CaseAction::ReadNetwork,
        &addr,
    )
    .await?;
    let indicators = Indicators::compute(&network.members, &network.ties);
    let sentences = sentences(&Tr::new(user.lang), &indicators);
    Ok(Json(IndicatorsJson {
        indicators,
        sentences,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct VersionJson {
    pub id: String,
    pub title: String,
    pub taken_on: NaiveDate,
    pub member_count: i64,
    pub created_at: chrono::DateTime<Utc>,
}

impl From<&VersionSummary> for VersionJson {
    fn from(v: &VersionSummary) -> Self {
        VersionJson {
            id: v.id.to_string(),
            title: v.title.clone(),
            taken_on: v.taken_on,
            member_count: v.member_count,
            created_at: v.created_at,
        }
    }
}

/// The saved versions of the map, oldest first.
#[utoipa::path(get, path = "/api/v1/cases/{case}/versions", tag = "network", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, description = "`{items, next}` of versions"), (status = 404, body = ErrorBody)))]
pub async fn list_versions(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<Items<VersionJson>>, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ReadNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let versions = state
        .store
        .list_versions(&OrgScope::of(&user.actor), &id)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(Items {
        items: versions.iter().map(VersionJson::from).collect(),
        next: None,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewVersionJson {
    pub title: String,
    /// Defaults to today.
    #[serde(default)]
    pub taken_on: Option<String>,
}

/// Checks a version title and date.
pub fn parse_version(
    title: &str,
    taken_on: Option<&str>,
) -> Result<(String, NaiveDate), Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = title.trim();
    if title.is_empty() {
        errors.push(FieldError::new("title", "error-required"));
    } else if title.chars().count() > 200 {
        errors.push(FieldError::new("title", "error-too-long"));
    } else if title.chars().any(char::is_control) {
        errors.push(FieldError::new("title", "error-control-characters"));
    }
    let today = Utc::now().date_naive();
    let date = match taken_on.map(str::trim).filter(|d| !d.is_empty()) {
        None => Some(today),
        Some(raw) => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) if d <= today => Some(d),
            Ok(_) => {
                errors.push(FieldError::new("taken_on", "error-date-future"));
                None
            }
            Err(_) => {
                errors.push(FieldError::new("taken_on", "error-date-format"));
                None
            }
        },
    };
    match date {
        Some(d) if errors.is_empty() => Ok((title.to_string(), d)),
        _ => Err(errors),
    }
}

/// Saves the current network as a dated version.
#[utoipa::path(post, path = "/api/v1/cases/{case}/versions", tag = "network", params(("case" = String, Path)), request_body = NewVersionJson,
    security(("bearer" = [])), responses((status = 201, body = VersionJson), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn save_version(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    ApiJson(body): ApiJson<NewVersionJson>,
) -> Result<Response, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let (title, date) =
        parse_version(&body.title, body.taken_on.as_deref()).map_err(|e| invalid(user.lang, &e))?;
    let v = state
        .store
        .save_version(
            &OrgScope::of(&user.actor),
            &id,
            &title,
            date,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok((StatusCode::CREATED, Json(VersionJson::from(&v))).into_response())
}

#[derive(Deserialize)]
pub struct CompareParams {
    pub from: String,
    /// A version id, or `current` for the network as it is now.
    pub to: String,
}

#[derive(Serialize, ToSchema)]
pub struct ComparisonJson {
    #[schema(value_type = Object)]
    pub comparison: Comparison,
    #[schema(value_type = Object)]
    pub from: Indicators,
    #[schema(value_type = Object)]
    pub to: Indicators,
}

/// Loads a version, or the current network for `current`.
pub async fn version_or_current(
    state: &AppState,
    scope: &OrgScope,
    case: &CaseId,
    which: &str,
) -> Result<Network, StoreError> {
    if which == "current" {
        state.store.network(scope, case).await
    } else {
        state
            .store
            .get_version(scope, case, &VersionId::from_stored(which))
            .await
            .map(|(_, n)| n)
    }
}

/// Compares two versions (or a version with `current`): who joined, left, moved ring or changed
/// tie quality, and every indicator on both sides.
#[utoipa::path(get, path = "/api/v1/cases/{case}/versions/compare", tag = "network",
    params(("case" = String, Path), ("from" = String, Query), ("to" = String, Query, description = "a version id or `current`")),
    security(("bearer" = [])), responses((status = 200, body = ComparisonJson), (status = 404, body = ErrorBody)))]
pub async fn compare_versions(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    Query(p): Query<CompareParams>,
) -> Result<Json<ComparisonJson>, ApiError> {
    let id = CaseId::from_stored(case);
    open_case(&state, &user.actor, &id, CaseAction::ReadNetwork, &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let scope = OrgScope::of(&user.actor);
    let old = version_or_current(&state, &scope, &id, &p.from)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    let new = version_or_current(&state, &scope, &id, &p.to)
        .await
        .map_err(|e| ApiError::from_store(user.lang, e))?;
    Ok(Json(ComparisonJson {
        comparison: compare(&old.members, &new.members),
        from: Indicators::compute(&old.members, &old.ties),
        to: Indicators::compute(&new.members, &new.ties),
    }))
}

/// Which export to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Graphml,
    MembersCsv,
    TiesCsv,
    Svg,
}

#[derive(Deserialize, Default)]
pub struct ExportParams {
    #[serde(default)]
    pub pseudonymise: bool,
}

/// Builds an export of the network, audited as an export (NEN 7513), as a download.
pub async fn export_response(
    state: &AppState,
    actor: &steunkring_domain::Actor,
    lang: Lang,
    case_id: &CaseId,
    kind: ExportKind,
    pseudonymise: bool,
    addr: &str,
) -> Result<Response, ApiError> {
    let case = open_case(state, actor, case_id, CaseAction::Export, addr)
        .await
        .map_err(|e| ApiError::from_case(lang, e))?;
    let network = state
        .store
        .network(&OrgScope::of(actor), case_id)
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    let tr = Tr::new(lang);
    let (body, content_type, file) = match kind {
        ExportKind::Graphml => {
            let mut export = steunkring_export::NetworkExport::new(&network.members, &network.ties);
            if pseudonymise {
                export = export.pseudonymised();
            }
            (
                steunkring_export::graphml(&case.youth_name, &export),
                "application/graphml+xml; charset=utf-8",
                "netwerk.graphml",
            )
        }
        ExportKind::MembersCsv => (
            steunkring_export::members_csv(&network.members, &crate::network::csv_header(&tr)),
            "text/csv; charset=utf-8",
            "netwerkleden.csv",
        ),
        ExportKind::TiesCsv => (
            steunkring_export::ties_csv(
                &network.members,
                &network.ties,
                &crate::network::csv_header(&tr),
            ),
            "text/csv; charset=utf-8",
            "relaties.csv",
        ),
        ExportKind::Svg => {
            let options = MapOptions {
                pseudonymise,
                ..Default::default()
            };
            let input = map_input(
                &tr,
                &case.youth_name,
                &network.members,
                &network.ties,
                &options,
                None,
            );
            (
                steunkring_netmap::render(&input),
                "image/svg+xml; charset=utf-8",
                "netwerkcirkel.svg",
            )
        }
    };
    let what = match kind {
        ExportKind::Graphml => "graphml",
        ExportKind::MembersCsv => "members_csv",
        ExportKind::TiesCsv => "ties_csv",
        ExportKind::Svg => "svg",
    };
    state
        .audit
        .record(
            case_event(actor, AuditAction::Export, case_id, addr).object("network_export", what),
        )
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// The network as GraphML (the young person as ego node, members, ties, every attribute as a
/// declared key): readable by Gephi and networkx.
#[utoipa::path(get, path = "/api/v1/cases/{case}/export.graphml", tag = "network", params(("case" = String, Path), ("pseudonymise" = Option<bool>, Query)),
    security(("bearer" = [])), responses((status = 200, content_type = "application/graphml+xml", body = String), (status = 404, body = ErrorBody)))]
pub async fn export_graphml(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
    Query(p): Query<ExportParams>,
) -> Result<Response, ApiError> {
    export_response(
        &state,
        &user.actor,
        user.lang,
        &CaseId::from_stored(case),
        ExportKind::Graphml,
        p.pseudonymise,
        &addr,
    )
    .await
}

/// The members as CSV (UTF-8 with BOM; cells guarded against formula injection).
#[utoipa::path(get, path = "/api/v1/cases/{case}/members.csv", tag = "network", params(("case" = String, Path)),
    security(("bearer" = [])), responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = ErrorBody)))]
pub async fn export_members_csv(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Response, ApiError> {
    export_response(
        &state,
        &user.actor,
        user.lang,
        &CaseId::from_stored(case),
        ExportKind::MembersCsv,
        false,
        &addr,
    )
    .await
}

/// The ties as CSV.
#[utoipa::path(get, path = "/api/v1/cases/{case}/ties.csv", tag = "network", params(("case" = String, Path)),
    security(("bearer" = [])), responses((status = 200, content_type = "text/csv", body = String), (status = 404, body = ErrorBody)))]
pub async fn export_ties_csv(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Response, ApiError> {
    export_response(
        &state,
        &user.actor,
        user.lang,
        &CaseId::from_stored(case),
        ExportKind::TiesCsv,
        false,
        &addr,
    )
    .await
}
