//! Support figures (JIM), concerns and moral deliberations: the professional's pages under
//! `/cases/{id}/support`, and the part of the participant's own page (`/mijn/{p}`) where the
//! young person nominates someone from their map and a support figure accepts and logs
//! contact moments.
//!
//! Open concerns stand at the top of the support page: nobody knows the negative effects of
//! informal support yet, so a concern must not be missed.

use super::cases::{CaseView, access_error, internal};
use super::mine::{my_link, refused};
use super::network::Opt;
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::i18n::Tr;
use crate::sharing::participant_viewer;
use crate::state::AppState;
use crate::support::{map_people, new_id, nominable_people, record_read, today};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::concern::{
    ABOUT_INFORMAL_SUPPORT, Concern, ConcernStatus, Deliberation, RawConcern, RawDeliberation,
    Seriousness, open_first, parse_closure,
};
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::MemberId;
use steunkring_domain::policy::{CaseAction, ParticipantAction, participant_may};
use steunkring_domain::support_figure::{
    Acceptance, JimRole, LogEntry, LogKind, Nominator, RawAgreement, RawEnding, RawLogEntry,
    RawNomination, RawScreening, ScreeningDecision, SupportFigure, SupportKind, SupportStatus,
    SupportStep,
};
use steunkring_store::{Case, OrgScope, ParticipantLink, StoreError};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/support", get(page))
        .route("/cases/{id}/support/figures", post(nominate))
        .route("/cases/{id}/support/figures/{sf}", get(figure_page))
        .route("/cases/{id}/support/figures/{sf}/screening", post(screen))
        .route("/cases/{id}/support/figures/{sf}/agreement", post(agree))
        .route("/cases/{id}/support/figures/{sf}/end", post(end))
        .route("/cases/{id}/support/figures/{sf}/log", post(coach))
        .route("/cases/{id}/support/concerns", post(register_concern))
        .route(
            "/cases/{id}/support/concerns/{c}/close",
            post(close_concern),
        )
        .route("/cases/{id}/support/deliberations", post(deliberate))
        .route("/mijn/{p}/support-figures", post(mine_nominate))
        .route("/mijn/{p}/support-figures/{sf}/accept", post(mine_accept))
        .route(
            "/mijn/{p}/support-figures/{sf}/contacts",
            post(mine_contact),
        )
}

// ---------------------------------------------------------------------------------------------
// Errors on a form: a summary at the top with links to the fields, and a message at each field
// ---------------------------------------------------------------------------------------------

/// One problem: the form and field it belongs to, the field's element id, what it is called
/// and what is wrong.
pub struct Problem {
    pub form: &'static str,
    pub field: String,
    pub target: String,
    pub label: String,
    pub message: String,
}

/// The problems of the form that was sent (none when the page is simply shown).
#[derive(Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Problems of `form`, with the field ids made from `prefix` and the field names
    /// (`nom` + `own_words` → `nom-own_words`), labelled with `support-field-<field>`.
    fn of(tr: &Tr, form: &'static str, prefix: &str, errors: &[FieldError]) -> Problems {
        Problems(
            errors
                .iter()
                .map(|e| Problem {
                    form,
                    field: e.field.to_string(),
                    target: format!("{prefix}-{}", e.field),
                    label: tr.t(&format!("support-field-{}", e.field.replace('_', "-"))),
                    message: tr.t(e.key),
                })
                .collect(),
        )
    }

    fn message(tr: &Tr, form: &'static str, key: &str) -> Problems {
        Problems(vec![Problem {
            form,
            field: String::new(),
            target: String::new(),
            label: String::new(),
            message: tr.t(key),
        }])
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message at one field, if it has one.
    pub fn at(&self, form: &str, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|p| p.form == form && p.field == field)
            .map(|p| p.message.as_str())
    }
}

// ---------------------------------------------------------------------------------------------
// What the pages show
// ---------------------------------------------------------------------------------------------

fn day(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A support figure as the pages show it.
pub struct FigureView {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub status: String,
    pub nominated_on: String,
    pub nominated_by_youth: bool,
    pub own_words: String,
    pub screening: Option<(String, String, String, String)>,
    pub accepted_on: Option<String>,
    pub roles: String,
    pub contact: Option<(String, String, String)>,
    pub ending: Option<(String, String, String)>,
    pub may_screen: bool,
    pub may_agree: bool,
    pub may_end: bool,
    pub may_coach: bool,
    pub awaits_acceptance: bool,
    pub may_accept: bool,
    pub may_log_contact: bool,
    pub started_on: String,
    pub ended_on: String,
}

fn figure_view(tr: &Tr, f: &SupportFigure) -> FigureView {
    let ended = f.status == SupportStatus::Ended;
    FigureView {
        id: f.id.clone(),
        name: f.member_name.clone(),
        kind: tr.t(f.kind.label_key()),
        status: match (&f.screening, f.status) {
            (Some(s), SupportStatus::Screened) => tr.t(s.decision.label_key()),
            _ => tr.t(f.status.label_key()),
        },
        nominated_on: day(f.nominated_on),
        nominated_by_youth: f.nominated_by == Nominator::Youth,
        own_words: f.own_words.clone(),
        screening: f.screening.as_ref().map(|s| {
            (
                day(s.on),
                tr.t(s.decision.label_key()),
                s.safety_concerns.clone().unwrap_or_default(),
                s.reason.clone(),
            )
        }),
        accepted_on: f.acceptance.as_ref().map(|a| day(a.on)),
        roles: f
            .agreement
            .as_ref()
            .map(|a| {
                a.roles
                    .iter()
                    .map(|r| tr.t(r.label_key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        contact: f.agreement.as_ref().map(|a| {
            (
                a.contact_how.clone(),
                a.contact_frequency.clone(),
                a.meetings_part.clone().unwrap_or_default(),
            )
        }),
        ending: f.ending.as_ref().map(|e| {
            (
                day(e.on),
                e.reason.clone(),
                e.youth_view.clone().unwrap_or_default(),
            )
        }),
        may_screen: f.status == SupportStatus::Nominated,
        may_agree: f.is_approved() && !ended,
        may_end: !ended,
        may_coach: f.may_coach(),
        awaits_acceptance: f.is_approved() && f.status == SupportStatus::Screened,
        may_accept: f.is_approved() && f.status == SupportStatus::Screened,
        may_log_contact: f.may_log_contact(),
        started_on: f.started_on().map(day).unwrap_or_default(),
        ended_on: f.ended_on().map(day).unwrap_or_default(),
    }
}

pub struct LogView {
    pub kind: String,
    pub on: String,
    pub by: String,
    pub text: String,
}

fn log_view(tr: &Tr, e: &LogEntry) -> LogView {
    LogView {
        kind: tr.t(e.kind.label_key()),
        on: day(e.on),
        by: e.by.clone(),
        text: e.text.clone(),
    }
}

pub struct ConcernView {
    pub id: String,
    pub about: String,
    pub what: String,
    pub seriousness: String,
    pub high: bool,
    pub registered: String,
    pub open: bool,
    pub closed: String,
}

fn concern_view(tr: &Tr, c: &Concern) -> ConcernView {
    ConcernView {
        id: c.id.clone(),
        about: c
            .about_name
            .clone()
            .unwrap_or_else(|| tr.t("concern-about-informal-support")),
        what: c.what.clone(),
        seriousness: tr.t(c.seriousness.label_key()),
        high: c.seriousness == Seriousness::High,
        registered: format!(
            "{} · {}",
            c.registered_at.format("%d-%m-%Y"),
            c.registered_by_name
        ),
        open: c.status == ConcernStatus::Open,
        closed: c
            .closure
            .as_ref()
            .map(|x| format!("{} · {}", x.at.format("%d-%m-%Y"), x.what_was_done))
            .unwrap_or_default(),
    }
}

pub struct DeliberationView {
    pub held_on: String,
    pub question: String,
    pub participants: Vec<String>,
    pub considerations: String,
    pub decision: String,
    pub follow_up: String,
}

fn deliberation_view(d: &Deliberation) -> DeliberationView {
    DeliberationView {
        held_on: day(d.held_on),
        question: d.question.clone(),
        participants: d.participants.clone(),
        considerations: d.considerations.clone(),
        decision: d.decision.clone(),
        follow_up: d.follow_up.clone().unwrap_or_default(),
    }
}

fn options<T: Copy + PartialEq>(
    tr: &Tr,
    all: &[T],
    value: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    chosen: &[String],
) -> Vec<Opt> {
    all.iter()
        .map(|v| Opt {
            value: value(*v).to_string(),
            label: tr.t(label(*v)),
            selected: chosen.iter().any(|c| c == value(*v)),
        })
        .collect()
}

fn people_options(people: &[(MemberId, String)], chosen: &str) -> Vec<Opt> {
    people
        .iter()
        .map(|(id, name)| Opt {
            value: id.to_string(),
            label: name.clone(),
            selected: id.as_str() == chosen,
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Forms, as typed (kept to fill the form again when something was wrong)
// ---------------------------------------------------------------------------------------------

#[derive(Deserialize, Default, Clone)]
pub struct NominateForm {
    #[serde(default)]
    member_id: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    nominated_on: String,
    #[serde(default)]
    own_words: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct ConcernForm {
    #[serde(default)]
    about: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    seriousness: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct CloseForm {
    #[serde(default)]
    what_was_done: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct DeliberationForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    question: String,
    #[serde(default)]
    participants: String,
    #[serde(default)]
    considerations: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    follow_up: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct ScreeningForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    safety_concerns: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct AgreementForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    contact_how: String,
    #[serde(default)]
    contact_frequency: String,
    #[serde(default)]
    meetings_part: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct EndForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    youth_view: String,
}

#[derive(Deserialize, Default, Clone)]
pub struct LogForm {
    #[serde(default)]
    on: String,
    #[serde(default)]
    text: String,
}

// ---------------------------------------------------------------------------------------------
// The support page
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "support.html")]
struct SupportPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    problems: Problems,
    open_concerns: Vec<ConcernView>,
    figures: Vec<FigureView>,
    concerns: Vec<ConcernView>,
    deliberations: Vec<DeliberationView>,
    people: Vec<Opt>,
    about: Vec<Opt>,
    kinds: Vec<Opt>,
    seriousness: Vec<Opt>,
    today: String,
    nomination: NominateForm,
    concern: ConcernForm,
    deliberation: DeliberationForm,
}

/// What a form sent back when something was wrong, to show again.
#[derive(Default)]
struct Drafts {
    nomination: NominateForm,
    concern: ConcernForm,
    deliberation: DeliberationForm,
}

async fn open_for(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: String,
    action: CaseAction,
) -> Result<Case, Response> {
    open_case(state, &user.actor, &CaseId::from_stored(id), action, addr)
        .await
        .map_err(|e| access_error(user.lang, e))
}

async fn support_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    status: StatusCode,
    problems: Problems,
    drafts: Drafts,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let loaded = tokio::try_join!(
        state.store.support_figures(&scope, &case.id),
        state.store.concerns(&scope, &case.id),
        state.store.deliberations(&scope, &case.id),
        map_people(state, &user.actor, case),
        nominable_people(state, &user.actor, case),
    );
    let (figures, concerns, deliberations, people, nominable) = match loaded {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let mut about = vec![Opt {
        value: ABOUT_INFORMAL_SUPPORT.into(),
        label: tr.t("concern-about-informal-support"),
        selected: drafts.concern.about == ABOUT_INFORMAL_SUPPORT,
    }];
    about.extend(people_options(&people, &drafts.concern.about));
    let page = SupportPage {
        tab: "support",
        title: tr.t("support-title"),
        case: CaseView::new(tr, user, case),
        open_concerns: open_first(&concerns)
            .into_iter()
            .map(|c| concern_view(tr, c))
            .collect(),
        figures: figures.iter().map(|f| figure_view(tr, f)).collect(),
        concerns: concerns.iter().map(|c| concern_view(tr, c)).collect(),
        deliberations: deliberations.iter().map(deliberation_view).collect(),
        people: people_options(&nominable, &drafts.nomination.member_id),
        about,
        kinds: options(
            tr,
            &SupportKind::ALL,
            SupportKind::as_str,
            SupportKind::label_key,
            std::slice::from_ref(&drafts.nomination.kind),
        ),
        seriousness: options(
            tr,
            &Seriousness::ALL,
            Seriousness::as_str,
            Seriousness::label_key,
            std::slice::from_ref(&drafts.concern.seriousness),
        ),
        today: today().to_string(),
        problems,
        nomination: drafts.nomination,
        concern: drafts.concern,
        deliberation: drafts.deliberation,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

/// `GET /cases/{id}/support`
pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Err(e) = record_read(&state, &user.actor, &case, "support", &addr).await {
        return internal(user.lang, &e);
    }
    support_page(
        &state,
        &user,
        &case,
        StatusCode::OK,
        Problems::default(),
        Drafts::default(),
    )
    .await
}

/// `POST /cases/{id}/support/figures`: a nomination written down on the young person's behalf.
pub async fn nominate(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<NominateForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let people = match nominable_people(&state, &user.actor, &case).await {
        Ok(p) => p,
        Err(e) => return internal(user.lang, &e),
    };
    let parsed = RawNomination {
        member_id: form.member_id.clone(),
        kind: form.kind.clone(),
        nominated_on: form.nominated_on.clone(),
        own_words: form.own_words.clone(),
    }
    .parse(new_id(), Nominator::Professional, &people, today());
    let drafts = Drafts {
        nomination: form,
        ..Default::default()
    };
    let figure = match parsed {
        Ok(f) => f,
        Err(errors) => {
            let problems = Problems::of(&tr, "nominate", "nom", &errors);
            return support_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                drafts,
            )
            .await;
        }
    };
    match state
        .store
        .nominate_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/support/figures/{}", case.id, figure.id)),
        Err(StoreError::Conflict(_) | StoreError::NotFound) => {
            let problems = Problems::message(&tr, "nominate", "support-error-open");
            support_page(&state, &user, &case, StatusCode::CONFLICT, problems, drafts).await
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/support/concerns`
pub async fn register_concern(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<ConcernForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::RecordConcerns).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let people = match map_people(&state, &user.actor, &case).await {
        Ok(p) => p,
        Err(e) => return internal(user.lang, &e),
    };
    let parsed = RawConcern {
        about: form.about.clone(),
        what: form.what.clone(),
        seriousness: form.seriousness.clone(),
    }
    .parse(
        new_id(),
        &people,
        Some(user.actor.user_id.to_string()),
        &user.actor.name,
        Utc::now(),
    );
    let concern = match parsed {
        Ok(c) => c,
        Err(errors) => {
            let problems = Problems::of(&tr, "concern", "concern", &errors);
            let drafts = Drafts {
                concern: form,
                ..Default::default()
            };
            return support_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                drafts,
            )
            .await;
        }
    };
    match state
        .store
        .register_concern(
            &OrgScope::of(&user.actor),
            &case.id,
            &concern,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/support#zorgen", case.id)),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/support/concerns/{c}/close`
pub async fn close_concern(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, concern)): Path<(String, String)>,
    PageForm(form): PageForm<CloseForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::RecordConcerns).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let closure = match parse_closure(
        &form.what_was_done,
        Some(user.actor.user_id.to_string()),
        Utc::now(),
    ) {
        Ok(c) => c,
        Err(errors) => {
            let problems = Problems::of(&tr, "close", &format!("close-{concern}"), &errors);
            return support_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                Drafts::default(),
            )
            .await;
        }
    };
    match state
        .store
        .close_concern(
            &OrgScope::of(&user.actor),
            &case.id,
            &concern,
            &closure,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{}/support#zorgen", case.id)),
        Err(StoreError::Conflict(_)) => {
            let problems = Problems::message(&tr, "close", "concern-error-closed");
            support_page(
                &state,
                &user,
                &case,
                StatusCode::CONFLICT,
                problems,
                Drafts::default(),
            )
            .await
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/support/deliberations`
pub async fn deliberate(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<DeliberationForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::RecordConcerns).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let parsed = RawDeliberation {
        held_on: form.held_on.clone(),
        question: form.question.clone(),
        participants: vec![form.participants.clone()],
        considerations: form.considerations.clone(),
        decision: form.decision.clone(),
        follow_up: form.follow_up.clone(),
    }
    .parse(
        new_id(),
        Some(user.actor.user_id.to_string()),
        Utc::now(),
        today(),
    );
    let deliberation = match parsed {
        Ok(d) => d,
        Err(errors) => {
            let problems = Problems::of(&tr, "deliberation", "delib", &errors);
            let drafts = Drafts {
                deliberation: form,
                ..Default::default()
            };
            return support_page(
                &state,
                &user,
                &case,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                drafts,
            )
            .await;
        }
    };
    match state
        .store
        .record_deliberation(
            &OrgScope::of(&user.actor),
            &case.id,
            &deliberation,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/support#beraad", case.id)),
        Err(e) => internal(user.lang, &e),
    }
}

// ---------------------------------------------------------------------------------------------
// One support figure
// ---------------------------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "support_figure.html")]
struct FigurePage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    problems: Problems,
    f: FigureView,
    log: Vec<LogView>,
    roles: Vec<Opt>,
    decisions: Vec<Opt>,
    today: String,
    screening: ScreeningForm,
    agreement: AgreementForm,
    ending: EndForm,
    entry: LogForm,
}

#[derive(Default)]
struct FigureDrafts {
    screening: ScreeningForm,
    agreement: Option<AgreementForm>,
    ending: EndForm,
    entry: LogForm,
}

async fn figure_page_with(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    figure: &str,
    status: StatusCode,
    problems: Problems,
    drafts: FigureDrafts,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (f, log) = match tokio::try_join!(
        state.store.support_figure(&scope, &case.id, figure),
        state.store.support_log(&scope, &case.id, figure),
    ) {
        Ok(v) => v,
        Err(StoreError::NotFound) => {
            return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
        }
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    // The agreement form starts from the agreement there is.
    let agreement = drafts.agreement.unwrap_or_else(|| {
        f.agreement
            .as_ref()
            .map(|a| AgreementForm {
                on: String::new(),
                roles: a.roles.iter().map(|r| r.as_str().to_string()).collect(),
                contact_how: a.contact_how.clone(),
                contact_frequency: a.contact_frequency.clone(),
                meetings_part: a.meetings_part.clone().unwrap_or_default(),
            })
            .unwrap_or_default()
    });
    let page = FigurePage {
        tab: "support",
        title: tr.t1("support-figure-title", "name", &f.member_name),
        case: CaseView::new(tr, user, case),
        f: figure_view(tr, &f),
        log: log.iter().map(|e| log_view(tr, e)).collect(),
        roles: options(
            tr,
            &JimRole::ALL,
            JimRole::as_str,
            JimRole::label_key,
            &agreement.roles,
        ),
        decisions: options(
            tr,
            &ScreeningDecision::ALL,
            ScreeningDecision::as_str,
            ScreeningDecision::label_key,
            std::slice::from_ref(&drafts.screening.decision),
        ),
        today: today().to_string(),
        problems,
        screening: drafts.screening,
        agreement,
        ending: drafts.ending,
        entry: drafts.entry,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

/// `GET /cases/{id}/support/figures/{sf}`
pub async fn figure_page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, figure)): Path<(String, String)>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    if let Err(e) = record_read(&state, &user.actor, &case, "support_figure", &addr).await {
        return internal(user.lang, &e);
    }
    figure_page_with(
        &state,
        &user,
        &case,
        &figure,
        StatusCode::OK,
        Problems::default(),
        FigureDrafts::default(),
    )
    .await
}

/// A step as typed on one of the support figure's forms, and the form to show again.
struct Attempt {
    form: &'static str,
    parsed: Result<SupportStep, Vec<FieldError>>,
    drafts: FigureDrafts,
}

/// Takes a step typed on the support figure's page: back to the page on success, the page with
/// the problems when the form was wrong, 409 with the reason when the status does not allow it.
async fn take_step(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    case: &Case,
    figure: &str,
    attempt: Attempt,
) -> Response {
    let Attempt {
        form,
        parsed,
        drafts,
    } = attempt;
    let tr = Tr::new(user.lang);
    let step = match parsed {
        Ok(s) => s,
        Err(errors) => {
            let problems = Problems::of(&tr, form, form, &errors);
            return figure_page_with(
                state,
                user,
                case,
                figure,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                drafts,
            )
            .await;
        }
    };
    match state
        .store
        .step_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            figure,
            &step,
            case_event(&user.actor, AuditAction::Update, &case.id, addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{}/support/figures/{figure}", case.id)),
        Err(StoreError::Conflict(_)) => {
            let problems = Problems::message(&tr, form, step.refusal_key());
            figure_page_with(
                state,
                user,
                case,
                figure,
                StatusCode::CONFLICT,
                problems,
                drafts,
            )
            .await
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /cases/{id}/support/figures/{sf}/screening`
pub async fn screen(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, figure)): Path<(String, String)>,
    PageForm(form): PageForm<ScreeningForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let parsed = RawScreening {
        on: form.on.clone(),
        safety_concerns: form.safety_concerns.clone(),
        decision: form.decision.clone(),
        reason: form.reason.clone(),
    }
    .parse(Some(user.actor.user_id.to_string()), today())
    .map(SupportStep::Screen);
    let drafts = FigureDrafts {
        screening: form,
        ..Default::default()
    };
    take_step(
        &state,
        &user,
        &addr,
        &case,
        &figure,
        Attempt {
            form: "screening",
            parsed,
            drafts,
        },
    )
    .await
}

/// `POST /cases/{id}/support/figures/{sf}/agreement`
pub async fn agree(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, figure)): Path<(String, String)>,
    PageForm(form): PageForm<AgreementForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let parsed = RawAgreement {
        on: form.on.clone(),
        roles: form.roles.clone(),
        contact_how: form.contact_how.clone(),
        contact_frequency: form.contact_frequency.clone(),
        meetings_part: form.meetings_part.clone(),
    }
    .parse(today())
    .map(SupportStep::Agree);
    let drafts = FigureDrafts {
        agreement: Some(form),
        ..Default::default()
    };
    take_step(
        &state,
        &user,
        &addr,
        &case,
        &figure,
        Attempt {
            form: "agreement",
            parsed,
            drafts,
        },
    )
    .await
}

/// `POST /cases/{id}/support/figures/{sf}/end`
pub async fn end(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, figure)): Path<(String, String)>,
    PageForm(form): PageForm<EndForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let parsed = RawEnding {
        on: form.on.clone(),
        reason: form.reason.clone(),
        youth_view: form.youth_view.clone(),
    }
    .parse(today())
    .map(SupportStep::End);
    let drafts = FigureDrafts {
        ending: form,
        ..Default::default()
    };
    take_step(
        &state,
        &user,
        &addr,
        &case,
        &figure,
        Attempt {
            form: "end",
            parsed,
            drafts,
        },
    )
    .await
}

/// `POST /cases/{id}/support/figures/{sf}/log`: a coaching note.
pub async fn coach(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, figure)): Path<(String, String)>,
    PageForm(form): PageForm<LogForm>,
) -> Response {
    let case = match open_for(&state, &user, &addr, id, CaseAction::ManageSupportFigures).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let parsed = RawLogEntry {
        on: form.on.clone(),
        text: form.text.clone(),
    }
    .parse(
        new_id(),
        LogKind::Coaching,
        &user.actor.name,
        Utc::now(),
        today(),
    );
    let drafts = FigureDrafts {
        entry: form,
        ..Default::default()
    };
    let entry = match parsed {
        Ok(e) => e,
        Err(errors) => {
            let problems = Problems::of(&tr, "log", "log", &errors);
            return figure_page_with(
                &state,
                &user,
                &case,
                &figure,
                StatusCode::UNPROCESSABLE_ENTITY,
                problems,
                drafts,
            )
            .await;
        }
    };
    match state
        .store
        .add_support_log(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            &entry,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/support/figures/{figure}#log", case.id)),
        Err(StoreError::Conflict(_)) => {
            let problems = Problems::message(&tr, "log", "support-error-log");
            figure_page_with(
                &state,
                &user,
                &case,
                &figure,
                StatusCode::CONFLICT,
                problems,
                drafts,
            )
            .await
        }
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

// ---------------------------------------------------------------------------------------------
// The participant's own page
// ---------------------------------------------------------------------------------------------

/// The support-figure part of `/mijn/{p}`: for the young person, their support figures and the
/// nomination form (people from their map, when they may see the map); for a support figure,
/// what concerns them: the nomination of the person they are on the map, to accept, and their
/// contact moments.
pub struct MineSupport {
    pub may_nominate: bool,
    pub is_support_figure: bool,
    pub figures: Vec<FigureView>,
    pub people: Vec<Opt>,
    pub contacts: Vec<LogView>,
    pub today: String,
}

/// Builds the section, or `None` for someone it has nothing for (a parent).
pub async fn mine_section(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    link: &ParticipantLink,
    map_visible: bool,
) -> Result<Option<MineSupport>, StoreError> {
    let viewer = participant_viewer(case, &link.participant);
    let may_nominate = participant_may(&viewer, ParticipantAction::NominateSupportFigure);
    let is_support_figure = participant_may(&viewer, ParticipantAction::AcceptSupportFigure);
    if !may_nominate && !is_support_figure {
        return Ok(None);
    }
    let scope = OrgScope::of(&user.actor);
    let tr = Tr::new(user.lang);
    let all = state.store.support_figures(&scope, &case.id).await?;
    let mine: Vec<&SupportFigure> = if may_nominate {
        all.iter().collect()
    } else {
        all.iter()
            .filter(|f| f.is_about(link.participant.member_id.as_ref()))
            .collect()
    };
    let mut contacts = Vec::new();
    if is_support_figure {
        for f in mine.iter().filter(|f| f.acceptance.is_some()) {
            let entries = state.store.support_log(&scope, &case.id, &f.id).await?;
            contacts.extend(
                entries
                    .iter()
                    .filter(|e| e.kind == LogKind::Contact)
                    .map(|e| log_view(&tr, e)),
            );
        }
    }
    let people = if may_nominate && map_visible {
        people_options(&nominable_people(state, &user.actor, case).await?, "")
    } else {
        Vec::new()
    };
    Ok(Some(MineSupport {
        may_nominate: may_nominate && map_visible,
        is_support_figure,
        figures: mine.iter().map(|f| figure_view(&tr, f)).collect(),
        people,
        contacts,
        today: today().to_string(),
    }))
}

/// The participant's link and case, if `action` is theirs; otherwise the refusal (404 for a
/// page that is not theirs, 403 and an audit entry for an action that is not theirs).
async fn participant_for(
    state: &AppState,
    user: &PageUser,
    participant: &str,
    action: ParticipantAction,
    addr: &str,
) -> Result<(ParticipantLink, Case), Response> {
    let (link, case) = my_link(state, user, participant).await?;
    if !participant_may(&participant_viewer(&case, &link.participant), action) {
        refused(state, user, &case.id, "support_figure", addr).await;
        return Err(error_page(
            user.lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
        ));
    }
    Ok((link, case))
}

/// The support figure this participant is the person of, or 404.
async fn own_figure(
    state: &AppState,
    user: &PageUser,
    link: &ParticipantLink,
    case: &Case,
    figure: &str,
) -> Result<SupportFigure, Response> {
    match state
        .store
        .support_figure(&OrgScope::of(&user.actor), &case.id, figure)
        .await
    {
        Ok(f) if f.is_about(link.participant.member_id.as_ref()) => Ok(f),
        Ok(_) | Err(StoreError::NotFound) => Err(error_page(
            user.lang,
            StatusCode::NOT_FOUND,
            "error-not-found",
        )),
        Err(e) => Err(internal(user.lang, &e)),
    }
}

#[derive(Deserialize, Default)]
pub struct MineNominateForm {
    #[serde(default)]
    member_id: String,
    #[serde(default)]
    own_words: String,
}

/// `POST /mijn/{p}/support-figures`: the young person names someone from their map, in their
/// own words.
pub async fn mine_nominate(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(participant): Path<String>,
    PageForm(form): PageForm<MineNominateForm>,
) -> Response {
    let (_, case) = match participant_for(
        &state,
        &user,
        &participant,
        ParticipantAction::NominateSupportFigure,
        &addr,
    )
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    };
    let people = match nominable_people(&state, &user.actor, &case).await {
        Ok(p) => p,
        Err(e) => return internal(user.lang, &e),
    };
    let Ok(figure) = (RawNomination {
        member_id: form.member_id,
        own_words: form.own_words,
        ..Default::default()
    })
    .parse(new_id(), Nominator::Youth, &people, today()) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "mine-support-invalid",
        );
    };
    match state
        .store
        .nominate_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/mijn/{participant}#steunfiguren")),
        Err(StoreError::Conflict(_) | StoreError::NotFound) => {
            error_page(user.lang, StatusCode::CONFLICT, "mine-support-open")
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /mijn/{p}/support-figures/{sf}/accept`: the support figure says yes, after an
/// approving screening.
pub async fn mine_accept(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, figure)): Path<(String, String)>,
) -> Response {
    let (link, case) = match participant_for(
        &state,
        &user,
        &participant,
        ParticipantAction::AcceptSupportFigure,
        &addr,
    )
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Err(r) = own_figure(&state, &user, &link, &case, &figure).await {
        return r;
    }
    let step = SupportStep::Accept(Acceptance {
        on: today(),
        participant: link.participant.id.clone(),
    });
    match state
        .store
        .step_support_figure(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            &step,
            case_event(&user.actor, AuditAction::Update, &case.id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/mijn/{participant}#steunfiguren")),
        Err(StoreError::Conflict(_)) => {
            error_page(user.lang, StatusCode::CONFLICT, step.refusal_key())
        }
        Err(e) => internal(user.lang, &e),
    }
}

/// `POST /mijn/{p}/support-figures/{sf}/contacts`: a contact moment, logged by the support
/// figure while active.
pub async fn mine_contact(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((participant, figure)): Path<(String, String)>,
    PageForm(form): PageForm<LogForm>,
) -> Response {
    let (link, case) = match participant_for(
        &state,
        &user,
        &participant,
        ParticipantAction::LogSupportContact,
        &addr,
    )
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Err(r) = own_figure(&state, &user, &link, &case, &figure).await {
        return r;
    }
    let Ok(entry) = (RawLogEntry {
        on: form.on,
        text: form.text,
    })
    .parse(
        new_id(),
        LogKind::Contact,
        &link.participant.display_name,
        Utc::now(),
        today(),
    ) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "mine-contact-invalid",
        );
    };
    match state
        .store
        .add_support_log(
            &OrgScope::of(&user.actor),
            &case.id,
            &figure,
            &entry,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/mijn/{participant}#steunfiguren")),
        Err(StoreError::Conflict(_)) => {
            error_page(user.lang, StatusCode::CONFLICT, "support-error-log")
        }
        Err(e) => internal(user.lang, &e),
    }
}
