//! The professional's sharing page: the framework and who must consent, consents asked and
//! given, withholdings, and for every person and every kind of information: can they see it,
//! and why (not)?

use super::cases::{access_error, internal};
use super::mine::{ConsentRow, consent_rows};
use super::network::Opt;
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::i18n::Tr;
use crate::sharing::{Sharing, participant_viewer, reasons};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{
    Category, Consent, Framework, Given, Party, Recipient, RecipientRole, Viewer, Withdrawal,
    Withholding, dutch_date, required_parties,
};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, ParticipantEntry, StoreError};

pub struct SeeCell {
    pub allowed: bool,
    pub why: String,
}

pub struct SeeRow {
    pub who: String,
    pub cells: Vec<SeeCell>,
}

pub struct WithholdingRow {
    pub id: String,
    pub what: String,
    pub from: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "case_sharing.html")]
struct SharingPage {
    shell: Shell,
    title: String,
    case_id: String,
    frameworks: Vec<Opt>,
    framework_note: String,
    rule: String,
    consents: Vec<ConsentRow>,
    consent_givers: Vec<Opt>,
    categories: Vec<Opt>,
    /// Whom a consent can name: the people and roles, and research.
    consent_recipients: Vec<Opt>,
    /// Whom something can be withheld from: the people and roles (not research, which sees
    /// nothing).
    recipients: Vec<Opt>,
    withholdings: Vec<WithholdingRow>,
    category_names: Vec<String>,
    matrix: Vec<SeeRow>,
    errors: Vec<String>,
}

fn party_name(tr: &Tr, case: &Case, p: Party) -> String {
    match p {
        Party::Youth => tr.t("recipient-youth"),
        Party::Parent(i) => case
            .parents
            .get(usize::from(i))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| tr.t("recipient-parents")),
        Party::Guardian => tr.t("party-guardian"),
    }
}

fn recipient_options(tr: &Tr, participants: &[ParticipantEntry]) -> Vec<Opt> {
    let mut v = vec![
        Opt {
            value: Recipient::Role(RecipientRole::SupportFigures).as_code(),
            label: tr.t("recipient-all-support-figures"),
            selected: true,
        },
        Opt {
            value: Recipient::Role(RecipientRole::Parents).as_code(),
            label: tr.t("recipient-all-parents"),
            selected: false,
        },
    ];
    for p in participants {
        v.push(Opt {
            value: Recipient::Participant(p.participant.id.clone()).as_code(),
            label: format!(
                "{} ({})",
                p.participant.display_name,
                super::participants::kind_name(tr, p.participant.kind)
            ),
            selected: false,
        });
    }
    v
}

async fn sharing_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    status: StatusCode,
    errors: Vec<String>,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (sharing, participants) = match tokio::try_join!(
        Sharing::load(state, &scope, case),
        state.store.list_participants(&scope, &case.id)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let today = dutch_date(Utc::now());
    let required = required_parties(
        case.birth_date,
        &case.parents,
        sharing.state.framework,
        today,
    );
    let names: Vec<(String, String)> = participants
        .iter()
        .map(|p| (p.participant.id.clone(), p.participant.display_name.clone()))
        .collect();
    let mut consents = consent_rows(tr, &sharing.state.consents, &names, None);
    for (row, c) in consents.iter_mut().zip(&sharing.state.consents) {
        let given: Vec<String> = c
            .given
            .iter()
            .map(|g| {
                format!(
                    "{} ({}, {})",
                    party_name(tr, case, g.party),
                    g.how,
                    g.at.format("%d-%m-%Y")
                )
            })
            .collect();
        if !given.is_empty() {
            row.status = format!(
                "{} — {}: {}",
                row.status,
                tr.t("consent-given-by"),
                given.join("; ")
            );
        }
        row.may_withdraw = c.withdrawn.is_none();
        row.may_give = !c.missing().is_empty() && c.withdrawn.is_none();
    }
    let mut viewers: Vec<(Viewer, String)> = participants
        .iter()
        .filter(|p| p.participant.user_id.is_some())
        .map(|p| {
            (
                participant_viewer(case, &p.participant),
                p.participant.display_name.clone(),
            )
        })
        .collect();
    viewers.push((Viewer::Administrator, tr.t("role-admin")));
    let matrix = viewers
        .iter()
        .map(|(viewer, who)| SeeRow {
            who: who.clone(),
            cells: Category::ALL
                .iter()
                .map(|cat| {
                    let v = sharing.visibility(case, viewer, *cat);
                    SeeCell {
                        allowed: v.allowed,
                        why: reasons(tr, &v).join(" "),
                    }
                })
                .collect(),
        })
        .collect();
    let page = SharingPage {
        title: tr.t("sharing-title"),
        case_id: case.id.to_string(),
        frameworks: Framework::ALL
            .iter()
            .map(|f| Opt {
                value: f.as_str().into(),
                label: tr.t(f.label_key()),
                selected: *f == sharing.state.framework,
            })
            .collect(),
        framework_note: tr.t(sharing.state.framework.note_key()),
        rule: tr.t(required.rule.key()),
        consent_givers: required
            .parties
            .iter()
            .map(|p| Opt {
                value: p.as_code(),
                label: party_name(tr, case, *p),
                selected: false,
            })
            .collect(),
        consents,
        categories: Category::ALL
            .iter()
            .map(|c| Opt {
                value: c.as_str().into(),
                label: tr.t(c.label_key()),
                selected: false,
            })
            .collect(),
        consent_recipients: {
            let mut options = recipient_options(tr, &participants);
            options.push(Opt {
                value: Recipient::Role(RecipientRole::Research).as_code(),
                label: tr.t("recipient-research"),
                selected: false,
            });
            options
        },
        recipients: recipient_options(tr, &participants),
        withholdings: sharing
            .state
            .withholdings
            .iter()
            .filter(|w| w.withholding.active)
            .map(|w| WithholdingRow {
                id: w.id.clone(),
                what: tr.t(w.withholding.category.label_key()),
                from: match &w.withholding.recipient {
                    Recipient::Participant(id) => names
                        .iter()
                        .find(|(i, _)| i == id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                    Recipient::Role(role) => tr.t(role.label_key()),
                },
                reason: w.withholding.reason.clone(),
            })
            .collect(),
        category_names: Category::ALL.iter().map(|c| tr.t(c.label_key())).collect(),
        matrix,
        errors,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

async fn involved_case(
    state: &AppState,
    user: &PageUser,
    id: &str,
    addr: &str,
) -> Result<Case, Response> {
    open_case(
        state,
        &user.actor,
        &CaseId::from_stored(id),
        CaseAction::ManageParticipants,
        addr,
    )
    .await
    .map_err(|e| access_error(user.lang, e))
}

pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    match involved_case(&state, &user, &id, &addr).await {
        Ok(case) => sharing_page(&state, &user, &case, StatusCode::OK, Vec::new()).await,
        Err(r) => r,
    }
}

#[derive(Deserialize)]
pub struct FrameworkForm {
    #[serde(default)]
    framework: String,
}

pub async fn set_framework(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<FrameworkForm>,
) -> Response {
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(framework) = Framework::parse(&form.framework) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "error-unknown-value",
        );
    };
    match state
        .store
        .set_case_framework(
            &OrgScope::of(&user.actor),
            &case.id,
            framework,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/sharing", case.id)),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    valid_until: String,
}

/// Asks consent from the parties the law names now.
pub async fn ask(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<AskForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let scope = OrgScope::of(&user.actor);
    let today = dutch_date(Utc::now());
    let (Some(category), Some(recipient)) = (
        Category::parse(&form.category),
        Recipient::parse_code(&form.recipient),
    ) else {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("error-unknown-value")],
        )
        .await;
    };
    let valid_until = match form.valid_until.trim() {
        "" => None,
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                return sharing_page(
                    &state,
                    &user,
                    &case,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    vec![tr.t("error-date-format")],
                )
                .await;
            }
        },
    };
    if let Err(e) = Consent::check_period(today, valid_until)
        .and_then(|()| Consent::check_recipient(category, &recipient))
    {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t(e.key)],
        )
        .await;
    }
    let framework = match state.store.sharing_state(&scope, &case.id).await {
        Ok(s) => s.framework,
        Err(e) => return internal(user.lang, &e),
    };
    let required = required_parties(case.birth_date, &case.parents, framework, today);
    let consent = Consent {
        id: steunkring_domain::ids::AuditId::generate().to_string(),
        category,
        recipient,
        valid_from: today,
        valid_until,
        required: required.parties,
        given: Vec::new(),
        withdrawn: None,
    };
    match state
        .store
        .ask_consent(
            &scope,
            &case.id,
            &consent,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/sharing#toestemmingen", case.id)),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct GiveForm {
    #[serde(default)]
    party: String,
    #[serde(default)]
    how: String,
}

/// Records consent a party gave in person (on paper, in a conversation), with how.
pub async fn record_given(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, consent)): Path<(String, String)>,
    PageForm(form): PageForm<GiveForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let Some(party) = Party::parse_code(&form.party) else {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("error-unknown-value")],
        )
        .await;
    };
    let how = form.how.trim();
    if how.is_empty() || how.chars().count() > 200 {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("consent-how-required")],
        )
        .await;
    }
    let given = Given {
        party,
        at: Utc::now(),
        how: how.to_string(),
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
        Ok(()) => see_other(&format!("/cases/{}/sharing#toestemmingen", case.id)),
        Err(StoreError::Conflict(_)) => {
            sharing_page(
                &state,
                &user,
                &case,
                StatusCode::CONFLICT,
                vec![tr.t("consent-not-needed")],
            )
            .await
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// Records that a party withdrew their consent (told the professional).
pub async fn withdraw(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, consent)): Path<(String, String)>,
    PageForm(form): PageForm<GiveForm>,
) -> Response {
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let party = Party::parse_code(&form.party).unwrap_or(Party::Youth);
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
            see_other(&format!("/cases/{}/sharing#toestemmingen", case.id))
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct WithholdForm {
    #[serde(default)]
    category: String,
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    reason: String,
}

/// Withholds information from someone because sharing would harm the young person; the reason
/// is required and audited.
pub async fn withhold(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<WithholdForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let reason = form.reason.trim();
    let (Some(category), Some(recipient)) = (
        Category::parse(&form.category),
        Recipient::parse_code(&form.recipient),
    ) else {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("error-unknown-value")],
        )
        .await;
    };
    if let Err(e) = Withholding::check_recipient(&recipient) {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t(e.key)],
        )
        .await;
    }
    if reason.is_empty() || reason.chars().count() > 2000 {
        return sharing_page(
            &state,
            &user,
            &case,
            StatusCode::UNPROCESSABLE_ENTITY,
            vec![tr.t("withhold-reason-required")],
        )
        .await;
    }
    let w = Withholding {
        category,
        recipient,
        reason: reason.to_string(),
        active: true,
    };
    match state
        .store
        .add_withholding(
            &OrgScope::of(&user.actor),
            &case.id,
            &w,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{}/sharing#achterhouden", case.id)),
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn lift(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, withholding)): Path<(String, String)>,
) -> Response {
    let case = match involved_case(&state, &user, &id, &addr).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    match state
        .store
        .lift_withholding(
            &OrgScope::of(&user.actor),
            &case.id,
            &withholding,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => {
            see_other(&format!("/cases/{}/sharing#achterhouden", case.id))
        }
        Err(e) => internal(user.lang, &e),
    }
}
