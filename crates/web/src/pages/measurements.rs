//! The other measurements in the browser, on the case's "Metingen" tab below the support
//! checks: how often the support check is due (editable), the multi-problem screening on the
//! seven domains (with the count and the flag at six or more), the young person's self-reports
//! and the outcomes of the help. And the young person's own self-report on their own page, in
//! plain language with large choices. A form with errors comes back with its fields marked, in
//! the person's language (422). Works without JavaScript.

use super::cases::internal;
use super::checks::{Place, list_page, professional};
use super::mine::{my_link, refused};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::case_event;
use crate::i18n::Tr;
use crate::measurements::{
    Measurement, domains_from_form, parse_interval, parse_outcome, parse_screening,
    parse_self_report, save,
};
use crate::plan::day;
use crate::sharing::{Sharing, participant_viewer};
use crate::state::AppState;
use crate::support::today;
use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use std::collections::HashMap;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{Category, Viewer};
use steunkring_domain::measure::{
    Grade, OutcomeKind, RawOutcome, RawSelfReport, ScreeningDomain, SelfReportQuestion,
};
use steunkring_domain::network::NumberOrText;
use steunkring_domain::policy::{ParticipantAction, participant_may};
use steunkring_store::{
    Case, OrgScope, StoreError, StoredOutcome, StoredScreening, StoredSelfReport,
};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/screenings", post(record_screening))
        .route("/cases/{id}/self-reports", post(record_self_report))
        .route("/cases/{id}/outcomes", post(record_outcome))
        .route("/cases/{id}/outcomes/{o}/delete", post(delete_outcome))
        .route("/cases/{id}/check-schedule", post(set_schedule))
        .route(
            "/mijn/{p}/self-report",
            get(mine_self_report).post(mine_record_self_report),
        )
}

// ---------------------------------------------------------------------------------------------
// What the forms send
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct SelfReportForm {
    pub feels_supported: String,
    pub satisfied_with_help: String,
    pub satisfied_with_support_figures: String,
    pub open_answer: String,
}

impl SelfReportForm {
    fn raw(&self) -> RawSelfReport {
        let n = |s: &String| Some(NumberOrText::Text(s.clone()));
        RawSelfReport {
            feels_supported: n(&self.feels_supported),
            satisfied_with_help: n(&self.satisfied_with_help),
            satisfied_with_support_figures: n(&self.satisfied_with_support_figures),
            open_answer: Some(self.open_answer.clone()),
        }
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct OutcomeForm {
    pub kind: String,
    pub date: String,
    pub note: String,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default)]
pub struct ScheduleForm {
    pub every_months: String,
}

/// The form that came back with errors, as it was sent; the others are shown empty.
pub enum Sent {
    Nothing,
    Schedule(ScheduleForm, Vec<FieldError>),
    Screening(HashMap<String, String>, Vec<FieldError>),
    SelfReport(SelfReportForm, Vec<FieldError>),
    Outcome(OutcomeForm, Vec<FieldError>),
}

// ---------------------------------------------------------------------------------------------
// What the tab shows
// ---------------------------------------------------------------------------------------------

/// One choice of a select or radio group.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// One domain of the screening form.
pub struct DomainField {
    pub field: &'static str,
    pub note_field: &'static str,
    pub label: String,
    pub yes: bool,
    pub no: bool,
    pub note: String,
    pub error: Option<String>,
    pub note_error: Option<String>,
}

/// One grade question (0–10) of the self-report, as large choices.
pub struct GradeQuestion {
    pub field: &'static str,
    pub legend: String,
    pub optional: bool,
    pub choices: Vec<Opt>,
    pub error: Option<String>,
}

pub struct ScreeningRow {
    pub date: String,
    /// "5 van de 7 domeinen".
    pub count: String,
    pub multi_problem: bool,
    /// The domains with problems, with their notes.
    pub problems: Vec<(String, Option<String>)>,
}

pub struct ReportRow {
    pub date: String,
    pub grades: Vec<(String, String)>,
    pub open_answer: Option<String>,
    pub by_young_person: bool,
}

pub struct OutcomeRow {
    pub delete_href: String,
    pub kind: String,
    pub date: String,
    pub note: Option<String>,
}

/// The measurements part of the Metingen tab.
pub struct Measures {
    pub case_id: String,
    pub today: String,
    pub opened_on: String,
    pub every_months: String,
    pub schedule_error: Option<String>,
    pub screenings: Vec<ScreeningRow>,
    pub screened_on: String,
    pub screened_on_error: Option<String>,
    pub domains: Vec<DomainField>,
    /// An error not at one field of the screening (an unknown domain).
    pub domain_error: Option<String>,
    pub reports: Vec<ReportRow>,
    pub grades: Vec<GradeQuestion>,
    pub open_answer: String,
    pub open_answer_error: Option<String>,
    pub outcomes: Vec<OutcomeRow>,
    pub kinds: Vec<Opt>,
    pub outcome_date: String,
    pub outcome_note: String,
    pub outcome_errors: [Option<String>; 3],
    /// The summary of the form sent back: (element id, message).
    pub errors: Vec<(String, String)>,
    /// The screening or self-report form came back with errors: shown unfolded.
    pub screening_open: bool,
    pub report_open: bool,
}

fn error_at(tr: &Tr, errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| tr.t(e.key))
}

/// The grade questions, filled in from `form`, with `errors` at their fields; `plain` asks them
/// of the young person themselves ("Hoeveel steun voel jij?").
pub fn grade_questions(
    tr: &Tr,
    form: &SelfReportForm,
    errors: &[FieldError],
    plain: bool,
) -> Vec<GradeQuestion> {
    [
        (
            SelfReportQuestion::FeelsSupported,
            &form.feels_supported,
            false,
        ),
        (
            SelfReportQuestion::SatisfiedWithHelp,
            &form.satisfied_with_help,
            false,
        ),
        (
            SelfReportQuestion::SatisfiedWithSupportFigures,
            &form.satisfied_with_support_figures,
            true,
        ),
    ]
    .into_iter()
    .map(|(q, chosen, optional)| GradeQuestion {
        field: q.as_str(),
        legend: if plain {
            tr.t(&format!("mine-{}", q.label_key()))
        } else {
            tr.t(q.label_key())
        },
        optional,
        choices: (0..=Grade::MAX)
            .map(|g| Opt {
                value: g.to_string(),
                label: g.to_string(),
                selected: chosen.trim() == g.to_string(),
            })
            .collect(),
        error: error_at(tr, errors, q.as_str()),
    })
    .collect()
}

fn report_rows(tr: &Tr, reports: &[StoredSelfReport]) -> Vec<ReportRow> {
    reports
        .iter()
        .map(|s| {
            let r = &s.report;
            let mut grades = vec![
                (
                    tr.t("self-report-short-feels-supported"),
                    r.feels_supported.value().to_string(),
                ),
                (
                    tr.t("self-report-short-satisfied-with-help"),
                    r.satisfied_with_help.value().to_string(),
                ),
            ];
            if let Some(g) = r.satisfied_with_support_figures {
                grades.push((
                    tr.t("self-report-short-satisfied-with-support-figures"),
                    g.value().to_string(),
                ));
            }
            ReportRow {
                date: day(r.answered_on),
                grades,
                open_answer: r.open_answer.as_ref().map(|a| a.to_string()),
                by_young_person: s.participant_id.is_some(),
            }
        })
        .collect()
}

fn screening_rows(tr: &Tr, screenings: &[StoredScreening]) -> Vec<ScreeningRow> {
    screenings
        .iter()
        .map(|s| ScreeningRow {
            date: day(s.screening.screened_on()),
            count: tr.message(
                "screening-count",
                &[("count", (s.screening.problem_count() as i64).into())],
            ),
            multi_problem: s.screening.is_multi_problem(),
            problems: s
                .screening
                .domains_with_problems()
                .into_iter()
                .map(|d| {
                    (
                        tr.t(d.label_key()),
                        s.screening
                            .answer(d)
                            .and_then(|a| a.note.as_ref())
                            .map(|n| n.to_string()),
                    )
                })
                .collect(),
        })
        .collect()
}

fn outcome_rows(tr: &Tr, case: &Case, outcomes: &[StoredOutcome]) -> Vec<OutcomeRow> {
    outcomes
        .iter()
        .map(|o| OutcomeRow {
            delete_href: format!("/cases/{}/outcomes/{}/delete", case.id, o.id),
            kind: tr.t(o.outcome.kind.label_key()),
            date: day(o.outcome.on),
            note: o.outcome.note.as_ref().map(|n| n.to_string()),
        })
        .collect()
}

/// The summary of errors, each linked to its field's element.
fn summary(tr: &Tr, prefix: &str, errors: &[FieldError]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|e| (format!("{prefix}-{}", e.field), tr.t(e.key)))
        .collect()
}

async fn measures(
    state: &AppState,
    tr: &Tr,
    scope: &OrgScope,
    case: &Case,
    sent: Sent,
) -> Result<Measures, StoreError> {
    let (every, screenings, reports, outcomes) = tokio::try_join!(
        state.store.check_interval(scope, &case.id),
        state.store.screenings(scope, &case.id),
        state.store.self_reports(scope, &case.id),
        state.store.outcomes(scope, &case.id),
    )?;
    let none: &[FieldError] = &[];
    let empty_form = HashMap::new();
    let (schedule, screening, report, outcome, errors) = match &sent {
        Sent::Nothing => (None, &empty_form, None, None, Vec::new()),
        Sent::Schedule(f, e) => (
            Some((f, e.as_slice())),
            &empty_form,
            None,
            None,
            summary(tr, "ms", e),
        ),
        Sent::Screening(f, e) => (None, f, None, None, summary(tr, "scr", e)),
        Sent::SelfReport(f, e) => (
            None,
            &empty_form,
            Some((f, e.as_slice())),
            None,
            summary(tr, "sr", e),
        ),
        Sent::Outcome(f, e) => (
            None,
            &empty_form,
            None,
            Some((f, e.as_slice())),
            summary(tr, "out", e),
        ),
    };
    let screening_errors = match &sent {
        Sent::Screening(_, e) => e.as_slice(),
        _ => none,
    };
    let default_report = SelfReportForm::default();
    let (report_form, report_errors) = report.unwrap_or((&default_report, none));
    let default_outcome = OutcomeForm::default();
    let (outcome_form, outcome_errors) = outcome.unwrap_or((&default_outcome, none));
    let value = |field: &str| screening.get(field).map(|v| v.trim().to_string());
    Ok(Measures {
        case_id: case.id.to_string(),
        today: today().format("%Y-%m-%d").to_string(),
        opened_on: case.opened_on.format("%Y-%m-%d").to_string(),
        every_months: schedule
            .map(|(f, _)| f.every_months.clone())
            .unwrap_or_else(|| every.months().to_string()),
        schedule_error: schedule.and_then(|(_, e)| error_at(tr, e, "every_months")),
        screenings: screening_rows(tr, &screenings),
        screened_on: value("screened_on").unwrap_or_default(),
        screened_on_error: error_at(tr, screening_errors, "screened_on"),
        domains: ScreeningDomain::ALL
            .iter()
            .map(|d| {
                let answer = value(d.as_str());
                DomainField {
                    field: d.as_str(),
                    note_field: d.note_field(),
                    label: tr.t(d.label_key()),
                    yes: answer.as_deref() == Some("yes"),
                    no: answer.as_deref() == Some("no"),
                    note: screening.get(d.note_field()).cloned().unwrap_or_default(),
                    error: error_at(tr, screening_errors, d.as_str()),
                    note_error: error_at(tr, screening_errors, d.note_field()),
                }
            })
            .collect(),
        domain_error: error_at(tr, screening_errors, "domain"),
        reports: report_rows(tr, &reports),
        grades: grade_questions(tr, report_form, report_errors, false),
        open_answer: report_form.open_answer.clone(),
        open_answer_error: error_at(tr, report_errors, "open_answer"),
        outcomes: outcome_rows(tr, case, &outcomes),
        kinds: OutcomeKind::ALL
            .iter()
            .map(|k| Opt {
                value: k.as_str().to_string(),
                label: tr.t(k.label_key()),
                selected: outcome_form.kind.trim() == k.as_str(),
            })
            .collect(),
        outcome_date: outcome_form.date.clone(),
        outcome_note: outcome_form.note.clone(),
        outcome_errors: ["kind", "date", "note"].map(|f| error_at(tr, outcome_errors, f)),
        screening_open: matches!(sent, Sent::Screening(..)),
        report_open: matches!(sent, Sent::SelfReport(..)),
        errors,
    })
}

/// The Metingen tab for the professional: the support checks and, below, the measurements with
/// the form in `sent` sent back.
pub(super) async fn tab(
    state: &AppState,
    user: &PageUser,
    place: Place,
    paused: bool,
    sent: Sent,
    status: StatusCode,
) -> Response {
    let tr = Tr::new(user.lang);
    match measures(state, &tr, &OrgScope::of(&user.actor), &place.case, sent).await {
        Ok(m) => list_page(state, user, place, paused, Some(m), status).await,
        Err(e) => internal(user.lang, &e),
    }
}

// ---------------------------------------------------------------------------------------------
// The professional's forms
// ---------------------------------------------------------------------------------------------

fn checks_tab(case: &Case, anchor: &str) -> Response {
    see_other(&format!("/cases/{}/checks#{anchor}", case.id))
}

/// Stores `m` and goes back to its section of the tab.
async fn store_and_return(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    case: &Case,
    m: Measurement,
    anchor: &str,
) -> Response {
    match save(state, &user.actor, case, &m, addr).await {
        Ok(()) => checks_tab(case, anchor),
        Err(e) => failed(user, e),
    }
}

/// What a store error on a change becomes: 404 for a case or outcome that is not there.
fn failed(user: &PageUser, e: StoreError) -> Response {
    match e {
        StoreError::NotFound => error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found"),
        e => internal(user.lang, &e),
    }
}

async fn set_schedule(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<ScheduleForm>,
) -> Response {
    let place = match professional(&state, &user, &addr, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let raw = NumberOrText::Text(form.every_months.clone());
    let every = match parse_interval(Some(&raw)) {
        Ok(e) => e,
        Err(errors) => {
            let sent = Sent::Schedule(form, errors);
            return tab(
                &state,
                &user,
                place,
                false,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    store_and_return(
        &state,
        &user,
        &addr,
        &place.case,
        Measurement::Interval(every),
        "meetschema",
    )
    .await
}

async fn record_screening(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<HashMap<String, String>>,
) -> Response {
    let place = match professional(&state, &user, &addr, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let on = form.get("screened_on").cloned().unwrap_or_default();
    let screening = match parse_screening(&domains_from_form(&form), &on, today()) {
        Ok(s) => s,
        Err(errors) => {
            let sent = Sent::Screening(form, errors);
            return tab(
                &state,
                &user,
                place,
                false,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    store_and_return(
        &state,
        &user,
        &addr,
        &place.case,
        Measurement::screening(&user.actor, screening),
        "screenings",
    )
    .await
}

async fn record_self_report(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<SelfReportForm>,
) -> Response {
    let place = match professional(&state, &user, &addr, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let report = match parse_self_report(&form.raw(), today()) {
        Ok(r) => r,
        Err(errors) => {
            let sent = Sent::SelfReport(form, errors);
            return tab(
                &state,
                &user,
                place,
                false,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    store_and_return(
        &state,
        &user,
        &addr,
        &place.case,
        Measurement::self_report(&user.actor, report, None),
        "zelfrapportage",
    )
    .await
}

async fn record_outcome(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<OutcomeForm>,
) -> Response {
    let place = match professional(&state, &user, &addr, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let raw = RawOutcome {
        kind: form.kind.clone(),
        date: form.date.clone(),
        note: Some(form.note.clone()),
    };
    let outcome = match parse_outcome(&raw, &place.case, today()) {
        Ok(o) => o,
        Err(errors) => {
            let sent = Sent::Outcome(form, errors);
            return tab(
                &state,
                &user,
                place,
                false,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    store_and_return(
        &state,
        &user,
        &addr,
        &place.case,
        Measurement::outcome(&user.actor, outcome),
        "uitkomsten",
    )
    .await
}

async fn delete_outcome(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, o)): Path<(String, String)>,
) -> Response {
    let place = match professional(&state, &user, &addr, &id).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    match state
        .store
        .delete_outcome(
            &OrgScope::of(&user.actor),
            &place.case.id,
            &o,
            case_event(&user.actor, AuditAction::Delete, &place.case.id, &addr),
        )
        .await
    {
        Ok(()) => checks_tab(&place.case, "uitkomsten"),
        Err(e) => failed(&user, e),
    }
}

// ---------------------------------------------------------------------------------------------
// The young person's own self-report
// ---------------------------------------------------------------------------------------------

/// May this participant give a self-report from their own page? The young person, while the
/// consent rules let them see measurements. For the link on their page.
pub fn may_report(sharing: &Sharing, case: &Case, viewer: &Viewer) -> bool {
    participant_may(viewer, ParticipantAction::GiveSelfReport)
        && sharing
            .visibility(case, viewer, Category::Measurements)
            .allowed
}

#[derive(Template)]
#[template(path = "self_report.html")]
struct SelfReportPage {
    shell: Shell,
    title: String,
    action: String,
    back: String,
    grades: Vec<GradeQuestion>,
    open_answer: String,
    open_answer_error: Option<String>,
    errors: Vec<(String, String)>,
    sent: bool,
    /// The young person's own earlier reports, the most recent first.
    reports: Vec<ReportRow>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SentQuery {
    sent: String,
}

/// The young person's case and participant id: 404 unless the page is theirs, 403 (audited)
/// unless they may give a self-report.
async fn young_person(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    p: &str,
) -> Result<(Case, String), Response> {
    let (link, case) = my_link(state, user, p).await?;
    let sharing = Sharing::load(state, &OrgScope::of(&user.actor), &case)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let viewer = participant_viewer(&case, &link.participant);
    if !may_report(&sharing, &case, &viewer) {
        refused(state, user, &case.id, "self_reports", addr).await;
        return Err(error_page(
            user.lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
        ));
    }
    Ok((case, link.participant.id.clone()))
}

async fn self_report_page(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    p: &str,
    form: &SelfReportForm,
    errors: &[FieldError],
    sent: bool,
) -> Response {
    let own = match state
        .store
        .self_reports(&OrgScope::of(&user.actor), &case.id)
        .await
    {
        Ok(list) => list
            .into_iter()
            .filter(|r| r.participant_id.as_deref() == Some(p))
            .collect::<Vec<_>>(),
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/");
    let tr = &shell.tr;
    let page = SelfReportPage {
        title: tr.t("mine-self-report-title"),
        action: format!("/mijn/{p}/self-report"),
        back: format!("/mijn/{p}"),
        grades: grade_questions(tr, form, errors, true),
        open_answer: form.open_answer.clone(),
        open_answer_error: error_at(tr, errors, "open_answer"),
        errors: summary(tr, "sr", errors),
        sent,
        reports: report_rows(tr, &own),
        shell,
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    (status, render(user.lang, &page)).into_response()
}

async fn mine_self_report(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(p): Path<String>,
    Query(q): Query<SentQuery>,
) -> Response {
    match young_person(&state, &user, &addr, &p).await {
        Ok((case, participant)) => {
            self_report_page(
                &state,
                &user,
                &case,
                &participant,
                &SelfReportForm::default(),
                &[],
                q.sent == "1",
            )
            .await
        }
        Err(r) => r,
    }
}

async fn mine_record_self_report(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(p): Path<String>,
    PageForm(form): PageForm<SelfReportForm>,
) -> Response {
    let (case, participant) = match young_person(&state, &user, &addr, &p).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let report = match parse_self_report(&form.raw(), today()) {
        Ok(r) => r,
        Err(errors) => {
            return self_report_page(&state, &user, &case, &participant, &form, &errors, false)
                .await;
        }
    };
    let m = Measurement::self_report(&user.actor, report, Some(participant));
    match save(&state, &user.actor, &case, &m, &addr).await {
        Ok(()) => see_other(&format!("/mijn/{p}/self-report?sent=1")),
        Err(e) => failed(&user, e),
    }
}
