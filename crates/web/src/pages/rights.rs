//! Rights of the young person and parents on the case: the access export, and a request to
//! destroy the file with its deadline, a legal exception, and the destruction itself (confirmed
//! with a second post). Also the open requests for the home page and the retention review.

use super::cases::{CaseView, access_error, internal};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, may, open_case};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::consent::Party;
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::{CaseAction, CaseListScope, OrgAction, case_list_scope};
use steunkring_domain::rights::{DestructionGround, DestructionStatus, retention_cutoff};
use steunkring_domain::{Actor, Role};
use steunkring_store::{Case, DestructionRequest, NewDestructionRequest, OrgScope, StoreError};

/// A request as the team sees it.
pub struct RequestView {
    pub requested_by: String,
    pub received_on: String,
    pub deadline: String,
    pub overdue: bool,
    pub open: bool,
    pub note: String,
    pub exception_reason: String,
}

fn party_label(tr: &Tr, case: &Case, party: Party) -> String {
    match party {
        Party::Youth => tr.t1("rights-party-youth", "name", &case.youth_name),
        Party::Parent(i) => case
            .parents
            .get(usize::from(i))
            .map(|p| tr.t1("rights-party-parent", "name", &p.name))
            .unwrap_or_else(|| tr.t("rights-party-guardian")),
        Party::Guardian => tr.t("rights-party-guardian"),
    }
}

fn day(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn is_overdue(d: &DestructionRequest) -> bool {
    d.status == DestructionStatus::Requested && d.deadline < Utc::now().date_naive()
}

fn request_view(tr: &Tr, case: &Case, d: &DestructionRequest) -> RequestView {
    RequestView {
        requested_by: party_label(tr, case, d.requested_by),
        received_on: day(d.received_on),
        deadline: day(d.deadline),
        overdue: is_overdue(d),
        open: d.status == DestructionStatus::Requested,
        note: d.note.clone().unwrap_or_default(),
        exception_reason: d.exception_reason.clone().unwrap_or_default(),
    }
}

/// The notice on the case page: an open request and its deadline.
pub struct DeadlineNotice {
    pub deadline: String,
    pub overdue: bool,
}

/// The notice for the case's latest request, for the case page: `None` when there is no open
/// request. The page reads the request only for those who may handle it (see
/// `pages::network::page_parts`).
pub fn notice(latest: Option<&DestructionRequest>) -> Option<DeadlineNotice> {
    let found = latest?;
    (found.status == DestructionStatus::Requested).then(|| DeadlineNotice {
        deadline: day(found.deadline),
        overdue: is_overdue(found),
    })
}

/// A line in the list of open requests on the home page.
pub struct OpenRow {
    pub case_id: String,
    pub name: String,
    pub team: String,
    pub deadline: String,
    pub overdue: bool,
}

/// Open requests of the person's teams (administrators: the whole organisation), the nearest
/// deadline first.
pub async fn open_requests(state: &AppState, actor: &Actor) -> Vec<OpenRow> {
    let teams = match case_list_scope(actor) {
        CaseListScope::Nothing => return Vec::new(),
        CaseListScope::Teams(t) => Some(t),
        CaseListScope::Organisation => None,
    };
    match state
        .store
        .open_destruction_requests(&OrgScope::of(actor), teams.as_deref())
        .await
    {
        Ok(open) => open
            .iter()
            .map(|o| OpenRow {
                case_id: o.request.case_id.to_string(),
                name: o.youth_name.clone(),
                team: o.team_name.clone(),
                deadline: day(o.request.deadline),
                overdue: is_overdue(&o.request),
            })
            .collect(),
        Err(e) => {
            tracing::error!(error = %e, "open destruction requests");
            Vec::new()
        }
    }
}

pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "rights.html")]
struct RightsPage {
    shell: Shell,
    title: String,
    case: CaseView,
    may_export: bool,
    request: Option<RequestView>,
    /// No open request: a new one can be recorded.
    may_record: bool,
    parties: Vec<Choice>,
    today: String,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
pub struct RequestForm {
    #[serde(default)]
    requested_by: String,
    #[serde(default)]
    received_on: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize, Default)]
pub struct RefuseForm {
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize, Default)]
pub struct ConfirmForm {
    #[serde(default)]
    confirm: String,
}

async fn rights_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let request = match state
        .store
        .destruction_request(&OrgScope::of(&user.actor), &case.id)
        .await
    {
        Ok(r) => r.map(|d| request_view(&shell.tr, case, &d)),
        Err(e) => return internal(user.lang, &e),
    };
    let mut parties = vec![Choice {
        value: Party::Youth.as_code(),
        label: party_label(&shell.tr, case, Party::Youth),
    }];
    for (i, _) in case.parents.iter().enumerate() {
        let party = Party::Parent(u8::try_from(i).unwrap_or(u8::MAX));
        parties.push(Choice {
            value: party.as_code(),
            label: party_label(&shell.tr, case, party),
        });
    }
    parties.push(Choice {
        value: Party::Guardian.as_code(),
        label: party_label(&shell.tr, case, Party::Guardian),
    });
    let page = RightsPage {
        title: shell.tr.t("rights-title"),
        case: CaseView::new(&shell.tr, user, case),
        may_export: may(&user.actor, CaseAction::ExportForAccessRequest, case),
        may_record: request.as_ref().is_none_or(|r| !r.open),
        request,
        parties,
        today: Utc::now().date_naive().to_string(),
        errors,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

async fn open_for(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &CaseId,
    action: CaseAction,
) -> Result<Case, Response> {
    open_case(state, &user.actor, id, action, addr)
        .await
        .map_err(|e| access_error(user.lang, e))
}

/// `GET /cases/{id}/rights`
pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let id = CaseId::from_stored(id);
    match open_for(&state, &user, &addr, &id, CaseAction::HandleDestruction).await {
        Ok(case) => rights_page(&state, &user, &case, StatusCode::OK, Vec::new()).await,
        Err(r) => r,
    }
}

/// `GET /cases/{id}/rights/export`: the ZIP for a request for access.
pub async fn export(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_for(
        &state,
        &user,
        &addr,
        &id,
        CaseAction::ExportForAccessRequest,
    )
    .await
    {
        Ok(c) => c,
        Err(r) => return r,
    };
    match crate::api::export_zip(&state, &user.actor, case, &addr).await {
        Ok(r) => r,
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/rights/request`
pub async fn record(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<RequestForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_for(&state, &user, &addr, &id, CaseAction::HandleDestruction).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let mut errors = Vec::new();
    let party = crate::api::parse_party(&case, &form.requested_by);
    if party.is_none() {
        errors.push(tr.t("rights-error-party"));
    }
    let received = NaiveDate::parse_from_str(form.received_on.trim(), "%Y-%m-%d").ok();
    match received {
        None => errors.push(tr.t("rights-error-date")),
        Some(d) if d > Utc::now().date_naive() => errors.push(tr.t("rights-error-future")),
        Some(_) => {}
    }
    let note = Some(form.note.trim().to_string()).filter(|n| !n.is_empty());
    if note.as_ref().is_some_and(|n| n.chars().count() > 2000) {
        errors.push(tr.t("error-too-long"));
    }
    let (Some(requested_by), Some(received_on), true) = (party, received, errors.is_empty()) else {
        return rights_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        )
        .await;
    };
    match state
        .store
        .record_destruction_request(
            &OrgScope::of(&user.actor),
            &id,
            &NewDestructionRequest {
                requested_by,
                received_on,
                note,
            },
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{id}/rights#vernietigen")),
        Err(StoreError::Conflict(_)) => {
            let errors = vec![tr.t("error-destruction-conflict")];
            rights_page(&state, &user, &case, StatusCode::CONFLICT, errors).await
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/rights/refuse`: a legal exception, with its reason.
pub async fn refuse(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<RefuseForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_for(&state, &user, &addr, &id, CaseAction::HandleDestruction).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let reason = form.reason.trim();
    if reason.is_empty() || reason.chars().count() > 2000 {
        let errors = vec![tr.t("rights-error-reason")];
        return rights_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
        )
        .await;
    }
    match state
        .store
        .refuse_destruction(
            &OrgScope::of(&user.actor),
            &id,
            reason,
            case_event(&user.actor, AuditAction::Update, &id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{id}/rights#vernietigen")),
        Err(StoreError::Conflict(_)) => {
            let errors = vec![tr.t("error-destruction-conflict")];
            rights_page(&state, &user, &case, StatusCode::CONFLICT, errors).await
        }
        Err(e) => internal(user.lang, &e),
    }
}

pub struct CountRow {
    pub label: String,
    pub count: u64,
}

#[derive(Template)]
#[template(path = "rights_confirm.html")]
struct ConfirmPage {
    shell: Shell,
    title: String,
    name: String,
    action: String,
    back: String,
    retention: bool,
    counts: Vec<CountRow>,
}

#[derive(Template)]
#[template(path = "rights_destroyed.html")]
struct DestroyedPage {
    shell: Shell,
    title: String,
    counts: Vec<CountRow>,
    disabled_accounts: usize,
    back: String,
}

fn count_rows(tr: &Tr, counts: &[(&'static str, u64)]) -> Vec<CountRow> {
    counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(table, n)| CountRow {
            label: tr.t(&format!("rights-table-{}", table.replace('_', "-"))),
            count: *n,
        })
        .collect()
}

/// Asks to confirm, or (with `confirm=yes`) destroys. Shared by the case's rights page and the
/// retention review.
async fn confirm_or_destroy(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    case: &Case,
    ground: DestructionGround,
    confirmed: bool,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let retention = matches!(ground, DestructionGround::RetentionEnded { .. });
    let (action, back) = if retention {
        (
            format!("/admin/retention/{}/destroy", case.id),
            "/admin/retention".to_string(),
        )
    } else {
        (
            format!("/cases/{}/rights/destroy", case.id),
            format!("/cases/{}/rights", case.id),
        )
    };
    if !confirmed {
        let counts = match state.store.case_data_counts(&scope, &case.id).await {
            Ok(c) => c,
            Err(e) => return internal(user.lang, &e),
        };
        let page = ConfirmPage {
            title: shell.tr.t("rights-confirm-title"),
            name: case.youth_name.clone(),
            action,
            back,
            retention,
            counts: count_rows(&shell.tr, &counts),
            shell,
        };
        return render(user.lang, &page);
    }
    let event = case_event(&user.actor, AuditAction::Delete, &case.id, addr);
    match state
        .store
        .destroy_case(&scope, &case.id, ground, event)
        .await
    {
        Ok(report) => {
            let back = if retention {
                "/admin/retention".to_string()
            } else {
                "/cases".to_string()
            };
            let page = DestroyedPage {
                title: shell.tr.t("rights-destroyed-title"),
                counts: count_rows(&shell.tr, &report.rows),
                disabled_accounts: report.disabled_accounts.len(),
                back,
                shell,
            };
            render(user.lang, &page)
        }
        Err(StoreError::Conflict(_)) => error_page(
            user.lang,
            StatusCode::CONFLICT,
            "error-destruction-conflict",
        ),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/rights/destroy`: first asks to confirm; the second post (with
/// `confirm=yes`) destroys.
pub async fn destroy(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<ConfirmForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_for(&state, &user, &addr, &id, CaseAction::HandleDestruction).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let open = matches!(
        state.store.destruction_request(&OrgScope::of(&user.actor), &id).await,
        Ok(Some(ref d)) if d.status == DestructionStatus::Requested
    );
    if !open {
        return error_page(
            user.lang,
            StatusCode::CONFLICT,
            "error-destruction-conflict",
        );
    }
    confirm_or_destroy(
        &state,
        &user,
        &addr,
        &case,
        DestructionGround::Request,
        form.confirm == "yes",
    )
    .await
}

pub struct RetentionRow {
    pub case_id: String,
    pub name: String,
    pub team: String,
    pub closed_on: String,
    pub updated_on: String,
}

#[derive(Template)]
#[template(path = "rights_retention.html")]
struct RetentionPage {
    shell: Shell,
    title: String,
    rows: Vec<RetentionRow>,
}

/// `GET /admin/retention`: closed cases past the 20-year retention period, for review.
pub async fn retention(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
) -> Response {
    if let Some(refused) = user.refusal(OrgAction::ReviewRetention) {
        return refused;
    }
    let found = match state
        .store
        .retention_candidates(&OrgScope::of(&user.actor), retention_cutoff(Utc::now()))
        .await
    {
        Ok(f) => f,
        Err(e) => return internal(user.lang, &e),
    };
    let event = AuditEvent::new(Utc::now(), AuditAction::Read, Outcome::Success)
        .by(&user.actor)
        .object("retention_review", found.len().to_string())
        .purpose("administration")
        .from_addr(Some(addr));
    if let Err(e) = state.audit.record(event).await {
        return internal(user.lang, &e);
    }
    let shell = Shell::for_actor(user.lang, &user.actor, "/admin/retention");
    let page = RetentionPage {
        title: shell.tr.t("retention-title"),
        rows: found
            .iter()
            .map(|c| RetentionRow {
                case_id: c.case_id.to_string(),
                name: c.youth_name.clone(),
                team: c.team_name.clone(),
                closed_on: c.closed_on.map(day).unwrap_or_default(),
                updated_on: day(c.updated_at.date_naive()),
            })
            .collect(),
        shell,
    };
    render(user.lang, &page)
}

/// `POST /admin/retention/{id}/destroy`: confirm, then destroy with the reason "retention
/// period ended", the administrator as actor.
pub async fn retention_destroy(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<ConfirmForm>,
) -> Response {
    if let Some(refused) = user.refusal(OrgAction::ReviewRetention) {
        return refused;
    }
    let id = CaseId::from_stored(id);
    let case = match open_for(&state, &user, &addr, &id, CaseAction::HandleDestruction).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    confirm_or_destroy(
        &state,
        &user,
        &addr,
        &case,
        DestructionGround::RetentionEnded {
            cutoff: retention_cutoff(Utc::now()),
        },
        form.confirm == "yes",
    )
    .await
}

/// Whether the home page shows the open requests to this person.
pub fn sees_open_requests(actor: &Actor) -> bool {
    actor.has_role(Role::Professional) || actor.has_role(Role::Admin)
}
