//! The pages of the people around the young person: the young person, parents and support
//! figures see their case as the consent rules allow, phone first, in plain words.

use super::cases::internal;
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::case_event;
use crate::i18n::Tr;
use crate::network::{MapOptions, map_input, sector_name, stance_name};
use crate::sharing::{Sharing, participant_viewer, party_of, reasons};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{Category, Consent, ConsentStatus, Given, Recipient, Withdrawal};
use steunkring_domain::network::{MemberId, NewMember, NumberOrText, RawMember, Stance};
use steunkring_domain::policy::{ParticipantAction, participant_may};
use steunkring_store::{Case, OrgScope, ParticipantKind, ParticipantLink, StoreError};

/// A participant page that is not the caller's: 404, and the attempt in the audit trail.
async fn participant_not_found(state: &AppState, user: &PageUser, participant: &str) -> Response {
    let event = steunkring_domain::audit::AuditEvent::new(
        Utc::now(),
        AuditAction::Read,
        steunkring_domain::audit::Outcome::Denied,
    )
    .by(&user.actor)
    .object("participant", participant)
    .purpose("care");
    if let Err(e) = state.audit.record(event).await {
        tracing::error!(error = %e, "auditing a refusal");
    }
    error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
}

/// Refuses (403, audited) unless `party` must decide on this consent: only the people the law
/// names may give or withdraw it.
async fn must_decide(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    consent: &str,
    party: steunkring_domain::consent::Party,
    addr: &str,
    withdrawing: bool,
) -> Result<(), Response> {
    let sharing = state
        .store
        .sharing_state(&OrgScope::of(&user.actor), &case.id)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let Some(c) = sharing.consents.iter().find(|c| c.id == consent) else {
        return Err(error_page(
            user.lang,
            StatusCode::NOT_FOUND,
            "error-not-found",
        ));
    };
    let allowed = if withdrawing {
        c.may_withdraw(party)
    } else {
        c.may_give(party)
    };
    if allowed {
        return Ok(());
    }
    refused(state, user, &case.id, "consent", addr).await;
    Err(error_page(
        user.lang,
        StatusCode::FORBIDDEN,
        "error-forbidden",
    ))
}

/// Writes a refused attempt on a case to the audit trail.
pub(super) async fn refused(
    state: &AppState,
    user: &PageUser,
    case: &steunkring_domain::ids::CaseId,
    object: &str,
    addr: &str,
) {
    let mut event =
        case_event(&user.actor, AuditAction::Read, case, addr).object(object, case.as_str());
    event.outcome = steunkring_domain::audit::Outcome::Denied;
    if let Err(e) = state.audit.record(event).await {
        tracing::error!(error = %e, "auditing a refusal");
    }
}

/// The participant link of the logged-in person, or 404.
pub(super) async fn my_link(
    state: &AppState,
    user: &PageUser,
    participant: &str,
) -> Result<(ParticipantLink, Case), Response> {
    let links = state
        .store
        .participant_links(&user.actor.user_id)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let Some(link) = links.into_iter().find(|l| l.participant.id == participant) else {
        return Err(participant_not_found(state, user, participant).await);
    };
    let case = state
        .store
        .get_case(&OrgScope::of(&user.actor), &link.participant.case_id)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    Ok((link, case))
}

pub struct PersonRow {
    pub id: String,
    pub name: String,
    pub relation: String,
    pub where_: String,
    pub stance: String,
    pub stances: Vec<super::network::Opt>,
}

pub struct ConsentRow {
    pub id: String,
    pub what: String,
    pub with_whom: String,
    pub status: String,
    pub may_give: bool,
    pub may_withdraw: bool,
}

#[derive(Template)]
#[template(path = "mine.html")]
struct MinePage {
    shell: Shell,
    title: String,
    participant: String,
    is_youth: bool,
    role_text: String,
    map: Option<String>,
    map_reasons: Vec<String>,
    people: Vec<PersonRow>,
    consents: Vec<ConsentRow>,
    may_see_log: bool,
    hide_rejected: bool,
    sectors: Vec<super::network::Opt>,
    my_role: Option<String>,
    plan: Option<super::mine_plan::MinePlan>,
    /// May answer a support check from here (young person or parent, with consent).
    may_check: bool,
    /// The young person may give a self-report (a link to it).
    may_self_report: bool,
    /// Support figures: the young person's nominations, a support figure's own.
    support: Option<super::support::MineSupport>,
}

fn recipient_text(tr: &Tr, r: &Recipient, names: &[(String, String)]) -> String {
    match r {
        Recipient::Role(role) => tr.t(role.label_key()),
        Recipient::Participant(id) => names
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default(),
    }
}

pub fn consent_rows(
    tr: &Tr,
    consents: &[Consent],
    names: &[(String, String)],
    me: Option<steunkring_domain::consent::Party>,
) -> Vec<ConsentRow> {
    let today = steunkring_domain::consent::dutch_date(Utc::now());
    consents
        .iter()
        .map(|c| {
            let status = c.status(today);
            let active_or_pending = matches!(
                status,
                ConsentStatus::Active | ConsentStatus::Pending { .. } | ConsentStatus::NotYetValid
            );
            ConsentRow {
                id: c.id.clone(),
                what: tr.t(c.category.label_key()),
                with_whom: recipient_text(tr, &c.recipient, names),
                status: tr.t(status.label_key()),
                may_give: me.is_some_and(|p| c.may_give(p)),
                may_withdraw: me.is_some_and(|p| c.may_withdraw(p)) && active_or_pending,
            }
        })
        .collect()
}

#[derive(Deserialize, Default)]
pub struct MineQuery {
    #[serde(default)]
    hide_rejected: bool,
}

/// A participant's page about their case.
pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
    Query(q): Query<MineQuery>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let scope = OrgScope::of(&user.actor);
    let sharing = match Sharing::load(&state, &scope, &case).await {
        Ok(s) => s,
        Err(e) => return internal(user.lang, &e),
    };
    let viewer = participant_viewer(&case, &link.participant);
    let map_visibility = sharing.visibility(&case, &viewer, Category::NetworkMap);
    let read = case_event(&user.actor, AuditAction::Read, &case.id, &addr)
        .object("participant_view", link.participant.id.as_str());
    if let Err(e) = state.audit.record(read).await {
        return internal(user.lang, &e);
    }
    let tr = Tr::new(user.lang);
    let is_youth = link.participant.kind == ParticipantKind::Youth;
    let (map, people, my_role) = if map_visibility.allowed {
        let network = match state.store.network(&scope, &case.id).await {
            Ok(n) => n,
            Err(e) => return internal(user.lang, &e),
        };
        let options = MapOptions {
            hide_rejected: q.hide_rejected,
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
        let shown: Vec<_> = network
            .members
            .iter()
            .filter(|m| !(q.hide_rejected && m.stance == Stance::Rejected))
            .collect();
        let people = shown
            .iter()
            .map(|m| PersonRow {
                id: m.id.to_string(),
                name: m.name.clone(),
                relation: m.relation.clone(),
                where_: format!(
                    "{} · {}",
                    tr.t(&format!("ring-{}", m.ring.number())),
                    sector_name(&tr, m.sector)
                ),
                stance: stance_name(&tr, m.stance),
                stances: Stance::ALL
                    .iter()
                    .map(|s| super::network::Opt {
                        value: s.as_str().into(),
                        label: stance_name(&tr, *s),
                        selected: *s == m.stance,
                    })
                    .collect(),
            })
            .collect();
        let my_role = link.participant.member_id.as_ref().and_then(|mid| {
            network.members.iter().find(|m| &m.id == mid).map(|m| {
                m.roles
                    .iter()
                    .map(|r| crate::network::member_role_name(&tr, *r))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        });
        (
            Some(steunkring_netmap::render(&input)),
            people,
            my_role.filter(|r| !r.is_empty()),
        )
    } else {
        (None, Vec::new(), None)
    };
    let names: Vec<(String, String)> = match state.store.list_participants(&scope, &case.id).await {
        Ok(ps) => ps
            .into_iter()
            .map(|p| (p.participant.id, p.participant.display_name))
            .collect(),
        Err(e) => return internal(user.lang, &e),
    };
    let me = party_of(&viewer);
    let consents: Vec<Consent> = sharing
        .state
        .consents
        .iter()
        .filter(|c| me.is_some_and(|p| c.required.contains(&p)))
        .cloned()
        .collect();
    let shown_name = case
        .preferred_name
        .clone()
        .unwrap_or_else(|| case.youth_name.clone());
    let support =
        match super::support::mine_section(&state, &user, &case, &link, map_visibility.allowed)
            .await
        {
            Ok(s) => s,
            Err(e) => return internal(user.lang, &e),
        };
    let shell = Shell::for_actor(user.lang, &user.actor, "/");
    let plan = match super::mine_plan::section(
        &state,
        &shell.tr,
        &case,
        &link.participant,
        &viewer,
        &sharing,
        &scope,
    )
    .await
    {
        Ok(p) => p,
        Err(e) => return internal(user.lang, &e),
    };
    let may_check = super::checks::may_answer(&sharing, &case, &viewer);
    let may_self_report = super::measurements::may_report(&sharing, &case, &viewer);
    let page = MinePage {
        plan,
        may_check,
        may_self_report,
        title: if is_youth {
            shell.tr.t("mine-title-youth")
        } else {
            shell.tr.t1("mine-title", "name", &shown_name)
        },
        participant: link.participant.id.clone(),
        is_youth,
        role_text: shell.tr.t1(
            "mine-role",
            "kind",
            super::participants::kind_name(&shell.tr, link.participant.kind),
        ),
        map,
        map_reasons: reasons(&shell.tr, &map_visibility.told_to_viewer()),
        people,
        consents: consent_rows(&shell.tr, &consents, &names, me),
        may_see_log: participant_may(&viewer, ParticipantAction::ReadAccessLog),
        hide_rejected: q.hide_rejected,
        sectors: steunkring_domain::network::Sector::ALL
            .iter()
            .map(|s| super::network::Opt {
                value: s.as_str().into(),
                label: sector_name(&shell.tr, *s),
                selected: false,
            })
            .collect(),
        my_role,
        support,
        shell,
    };
    render(user.lang, &page)
}

#[derive(Deserialize)]
pub struct StanceForm {
    #[serde(default)]
    stance: String,
}

/// The young person says how they feel about someone: chosen, accepted, neutral or rejected.
/// The right to reject people is theirs.
pub async fn set_stance(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, member)): Path<(String, String)>,
    PageForm(form): PageForm<StanceForm>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if !participant_may(
        &participant_viewer(&case, &link.participant),
        ParticipantAction::SetStance,
    ) {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let Some(stance) = Stance::parse(&form.stance) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-unknown-value",
        );
    };
    let scope = OrgScope::of(&user.actor);
    let network = match state.store.network(&scope, &case.id).await {
        Ok(n) => n,
        Err(e) => return internal(user.lang, &e),
    };
    let Some(mut m) = network
        .members
        .into_iter()
        .find(|m| m.id.as_str() == member)
    else {
        return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
    };
    m.stance = stance;
    match state
        .store
        .update_member(
            &scope,
            &case.id,
            &m,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/mijn/{participant}#mensen")),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct AddForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    relation: String,
    #[serde(default)]
    ring: String,
    #[serde(default)]
    sector: String,
}

/// The young person adds someone they want in their network (chosen by them).
pub async fn add_person(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
    PageForm(form): PageForm<AddForm>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if !participant_may(
        &participant_viewer(&case, &link.participant),
        ParticipantAction::AddPeople,
    ) {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let raw = RawMember {
        name: form.name,
        relation: form.relation,
        ring: Some(NumberOrText::Text(form.ring)),
        sector: form.sector,
        stance: Some("chosen".into()),
        ..Default::default()
    };
    let member = match NewMember::parse(&raw) {
        Ok(n) => n.into_member(MemberId::generate()),
        Err(_) => {
            return error_page(
                user.lang,
                StatusCode::UNPROCESSABLE_ENTITY,
                "mine-add-invalid",
            );
        }
    };
    match state
        .store
        .add_member(
            &OrgScope::of(&user.actor),
            &case.id,
            &member,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/mijn/{participant}#mensen")),
        Err(e) => internal(user.lang, &e),
    }
}

/// Gives the participant's own consent (for the party they are).
pub async fn give(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, consent)): Path<(String, String)>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(party) = party_of(&participant_viewer(&case, &link.participant)) else {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    };
    if let Err(r) = must_decide(&state, &user, &case, &consent, party, &addr, false).await {
        return r;
    }
    let given = Given {
        party,
        at: Utc::now(),
        how: "steunkring".into(),
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
        Ok(()) | Err(StoreError::Conflict(_)) => {
            see_other(&format!("/mijn/{participant}#toestemming"))
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// Withdraws consent at once.
pub async fn withdraw(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, consent)): Path<(String, String)>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(party) = party_of(&participant_viewer(&case, &link.participant)) else {
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    };
    if let Err(r) = must_decide(&state, &user, &case, &consent, party, &addr, true).await {
        return r;
    }
    let w = Withdrawal {
        party,
        at: Utc::now(),
    };
    match state
        .store
        .withdraw_consent(
            &OrgScope::of(&user.actor),
            &case.id,
            &consent,
            &w,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) | Err(StoreError::Conflict(_)) => {
            see_other(&format!("/mijn/{participant}#toestemming"))
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
}

pub struct LogRow {
    pub when: String,
    pub who: String,
    pub what: String,
}

#[derive(Template)]
#[template(path = "mine_log.html")]
struct LogPage {
    shell: Shell,
    title: String,
    participant: String,
    from: String,
    until: String,
    rows: Vec<LogRow>,
}

/// Who looked at the file (NEN 7513 client view): for the young person and parents with gezag.
pub async fn log(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
    Query(period): Query<PeriodQuery>,
) -> Response {
    let (link, case) = match my_link(&state, &user, &participant).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let viewer = participant_viewer(&case, &link.participant);
    if !participant_may(&viewer, ParticipantAction::ReadAccessLog) {
        refused(&state, &user, &case.id, "access_log", &addr).await;
        return error_page(user.lang, StatusCode::FORBIDDEN, "error-forbidden");
    }
    let scope = OrgScope::of(&user.actor);
    if let Err(e) = state
        .audit
        .record(
            case_event(&user.actor, AuditAction::Read, &case.id, &addr)
                .object("access_log", case.id.as_str()),
        )
        .await
    {
        return internal(user.lang, &e);
    }
    let day = |raw: &str| chrono::NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok();
    let (from, until) = (day(&period.from), day(&period.until));
    let filter = steunkring_store::AuditFilter {
        case_id: Some(case.id.to_string()),
        from: from
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc()),
        until: until
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc()),
        limit: 200,
        ..Default::default()
    };
    let (records, users) = match tokio::try_join!(
        state.store.list_audit(&scope, &filter),
        state.store.list_users(&scope)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let tr = Tr::new(user.lang);
    let rows = records
        .iter()
        .map(|r| {
            let name = r
                .event
                .user_id
                .as_ref()
                .and_then(|u| users.iter().find(|x| &x.id == u))
                .map(|u| u.name.clone())
                .unwrap_or_else(|| tr.t("audit-operator"));
            let role = r
                .event
                .role
                .map(|ro| tr.t(&format!("role-{}", ro.as_str().replace('_', "-"))))
                .unwrap_or_default();
            LogRow {
                when: r.event.at.format("%d-%m-%Y %H:%M").to_string(),
                who: if role.is_empty() {
                    name
                } else {
                    format!("{name} ({role})")
                },
                what: tr.t(&format!(
                    "audit-action-{}",
                    r.event.action.as_str().replace('_', "-")
                )),
            }
        })
        .collect();
    let shell = Shell::for_actor(user.lang, &user.actor, "/");
    let page = LogPage {
        from: period.from.clone(),
        until: period.until.clone(),
        title: shell.tr.t("mine-log-title"),
        participant: link.participant.id,
        rows,
        shell,
    };
    render(user.lang, &page)
}
