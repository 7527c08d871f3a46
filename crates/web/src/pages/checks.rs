//! Support checks (*steunmetingen*) in the browser: the list under a case's "Metingen" tab
//! (who answered, how far, the key scores, when the next one is due), and the answering flow,
//! one member of the map per screen with large choices, that the professional and — from their
//! own page, while the consent rules let them see measurements — the young person and the
//! parents use alike. "Opslaan en pauzeren" keeps what was answered; opening the check again
//! resumes at the first member not yet answered. Works without JavaScript.

use super::cases::{CaseView, access_error, internal};
use super::mine::{my_link, refused};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::checks::{AnswerForm, map_members, member_ids, next_check_due, parse_answer};
use crate::i18n::{Lang, Tr};
use crate::plan::day;
use crate::sharing::{Sharing, participant_viewer};
use crate::state::AppState;
use crate::support::{new_id, today};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{Category, Viewer};
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{
    Closeness, MemberAnswer, Rating, Respondent, Summary, SupportCheck, SupportKind, Timeframe,
    TypeScore,
};
use steunkring_domain::network::{ContactFrequency, Direction, KnownYears, NetworkMember};
use steunkring_domain::policy::{CaseAction, ParticipantAction, participant_may};
use steunkring_store::{Case, OrgScope, StoreError, StoredSupportCheck};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/cases/{id}/checks", get(list).post(start))
        .route("/cases/{id}/checks/{c}", get(show))
        .route("/cases/{id}/checks/{c}/answers", post(answer))
        .route("/cases/{id}/checks/{c}/finish", post(finish))
        .route("/mijn/{p}/checks", get(mine_list).post(mine_start))
        .route("/mijn/{p}/checks/{c}", get(mine_show))
        .route("/mijn/{p}/checks/{c}/answers", post(mine_answer))
        .route("/mijn/{p}/checks/{c}/finish", post(mine_finish))
}

// ---------------------------------------------------------------------------------------------
// Where the pages are: under a case for the professional, or on a participant's own page
// ---------------------------------------------------------------------------------------------

/// The case and where its check pages live.
pub(super) struct Place {
    pub(super) case: Case,
    /// `/cases/{id}/checks` or `/mijn/{p}/checks`.
    base: String,
    /// The case header and tabs, for the professional.
    view: Option<CaseView>,
    /// The participant answering from their own page; they see only their own checks.
    participant: Option<(String, Respondent)>,
}

impl Place {
    fn owns(&self, c: &StoredSupportCheck) -> bool {
        match &self.participant {
            None => true,
            Some((p, _)) => c.participant_id.as_deref() == Some(p.as_str()),
        }
    }
}

pub(super) async fn professional(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &str,
) -> Result<Place, Response> {
    let case = open_case(
        state,
        &user.actor,
        &CaseId::from_stored(id),
        CaseAction::RecordMeasurements,
        addr,
    )
    .await
    .map_err(|e| access_error(user.lang, e))?;
    let view = CaseView::new(&Tr::new(user.lang), user, &case);
    Ok(Place {
        base: format!("/cases/{}/checks", case.id),
        view: Some(view),
        participant: None,
        case,
    })
}

/// The participant's own place: 404 unless the page is theirs, 403 (audited) unless they may
/// answer checks and the consent rules let them see measurements.
async fn participant(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    p: &str,
) -> Result<Place, Response> {
    let (link, case) = my_link(state, user, p).await?;
    let sharing = Sharing::load(state, &OrgScope::of(&user.actor), &case)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let viewer = participant_viewer(&case, &link.participant);
    let respondent = match viewer {
        Viewer::Youth => Some(Respondent::Youth),
        Viewer::Parent { .. } => Some(Respondent::Parent),
        _ => None,
    };
    let allowed = participant_may(&viewer, ParticipantAction::AnswerSupportCheck)
        && sharing
            .visibility(&case, &viewer, Category::Measurements)
            .allowed;
    let (true, Some(respondent)) = (allowed, respondent) else {
        refused(state, user, &case.id, "support_checks", addr).await;
        return Err(error_page(
            user.lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
        ));
    };
    Ok(Place {
        base: format!("/mijn/{p}/checks"),
        view: None,
        participant: Some((link.participant.id.clone(), respondent)),
        case,
    })
}

/// May this participant answer support checks from their own page? For the link on it.
pub fn may_answer(sharing: &Sharing, case: &Case, viewer: &Viewer) -> bool {
    participant_may(viewer, ParticipantAction::AnswerSupportCheck)
        && sharing
            .visibility(case, viewer, Category::Measurements)
            .allowed
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

pub struct CheckRow {
    pub href: String,
    pub started: String,
    pub respondent: String,
    pub progress: String,
    pub finished: Option<String>,
    /// Perceived support per type, as "label: mean".
    pub key_scores: Vec<String>,
}

#[derive(Template)]
#[template(path = "checks.html")]
struct ChecksPage {
    shell: Shell,
    title: String,
    case: Option<CaseView>,
    tab: &'static str,
    base: String,
    checks: Vec<CheckRow>,
    next_due: String,
    due_now: bool,
    respondents: Vec<(String, String)>,
    no_members: bool,
    /// Back from "Opslaan en pauzeren".
    paused: bool,
    /// The screenings, self-reports, outcomes and check schedule, for the professional.
    measures: Option<super::measurements::Measures>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    paused: String,
}

/// A mean on a 1–3 (or 0–4) scale, one decimal, the page's decimal sign.
fn number(lang: Lang, n: Option<f64>) -> String {
    match n {
        None => "–".into(),
        Some(n) => {
            let s = format!("{n:.1}");
            if lang == Lang::Nl {
                s.replace('.', ",")
            } else {
                s
            }
        }
    }
}

fn share(lang: Lang, n: Option<f64>) -> String {
    n.map(|n| format!("{:.0}%", n * 100.0))
        .map(|s| {
            if lang == Lang::Nl {
                s.replace('.', ",")
            } else {
                s
            }
        })
        .unwrap_or_else(|| "–".into())
}

fn key_scores(tr: &Tr, lang: Lang, s: &Summary) -> Vec<String> {
    SupportKind::ALL
        .iter()
        .map(|k| {
            format!(
                "{}: {}",
                tr.t(k.label_key()),
                number(lang, s.perceived.get(*k).mean)
            )
        })
        .collect()
}

/// The list of checks; for the professional with the other measurements below it (`measures`,
/// holding a form sent back with its errors, hence `status`).
pub(super) async fn list_page(
    state: &AppState,
    user: &PageUser,
    place: Place,
    paused: bool,
    measures: Option<super::measurements::Measures>,
    status: StatusCode,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let (checks, network, every) = match tokio::try_join!(
        state.store.support_checks(&scope, &place.case.id),
        state.store.network(&scope, &place.case.id),
        state.store.check_interval(&scope, &place.case.id)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let ids = member_ids(&network.members);
    let shell = Shell::for_actor(
        user.lang,
        &user.actor,
        if place.view.is_some() { "/cases" } else { "/" },
    );
    let tr = &shell.tr;
    let due = next_check_due(&place.case, &checks, every);
    let rows = checks
        .iter()
        .filter(|c| place.owns(c))
        .map(|c| {
            let p = c.check.progress(&ids);
            CheckRow {
                href: format!("{}/{}", place.base, c.id),
                started: day(c.check.started_on()),
                respondent: tr.t(c.check.respondent().label_key()),
                progress: check_progress(tr, p.answered, p.total),
                finished: c.check.finished_on().map(day),
                key_scores: key_scores(tr, user.lang, &c.check.scores(&network.members).all),
            }
        })
        .collect();
    let respondents = match &place.participant {
        None => Respondent::ALL
            .iter()
            .rev()
            .map(|r| (r.as_str().to_string(), tr.t(r.label_key())))
            .collect(),
        Some(_) => Vec::new(),
    };
    let page = ChecksPage {
        title: tr.t(if place.participant.is_some() {
            "mine-checks-title"
        } else {
            "checks-title"
        }),
        case: place.view,
        tab: "checks",
        base: place.base,
        checks: rows,
        next_due: day(due),
        due_now: today() >= due,
        respondents,
        no_members: network.members.is_empty(),
        paused,
        measures,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

fn check_progress(tr: &Tr, answered: usize, total: usize) -> String {
    tr.message(
        "check-progress",
        &[
            ("answered", (answered as i64).into()),
            ("total", (total as i64).into()),
        ],
    )
}

async fn list(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> Response {
    match professional(&state, &user, &addr, &id).await {
        Ok(place) => {
            super::measurements::tab(
                &state,
                &user,
                place,
                q.paused == "1",
                super::measurements::Sent::Nothing,
                StatusCode::OK,
            )
            .await
        }
        Err(r) => r,
    }
}

async fn mine_list(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(p): Path<String>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> Response {
    match participant(&state, &user, &addr, &p).await {
        Ok(place) => list_page(&state, &user, place, q.paused == "1", None, StatusCode::OK).await,
        Err(r) => r,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StartForm {
    respondent: String,
}

async fn start_in(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    place: Place,
    form: &StartForm,
) -> Response {
    let respondent = match &place.participant {
        Some((_, r)) => *r,
        None => match Respondent::parse(form.respondent.trim()) {
            Some(r) => r,
            None if form.respondent.trim().is_empty() => Respondent::Professional,
            None => {
                return error_page(
                    user.lang,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "error-invalid-input",
                );
            }
        },
    };
    let check = StoredSupportCheck {
        id: new_id(),
        check: SupportCheck::start(respondent, today()),
        participant_id: place.participant.as_ref().map(|(p, _)| p.clone()),
        created_at: Utc::now(),
    };
    match state
        .store
        .start_support_check(
            &OrgScope::of(&user.actor),
            &place.case.id,
            &check,
            case_event(&user.actor, AuditAction::Create, &place.case.id, addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("{}/{}", place.base, check.id)),
        Err(e) => internal(user.lang, &e),
    }
}

async fn start(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<StartForm>,
) -> Response {
    match professional(&state, &user, &addr, &id).await {
        Ok(place) => start_in(&state, &user, &addr, place, &form).await,
        Err(r) => r,
    }
}

async fn mine_start(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(p): Path<String>,
    PageForm(form): PageForm<StartForm>,
) -> Response {
    match participant(&state, &user, &addr, &p).await {
        Ok(place) => start_in(&state, &user, &addr, place, &form).await,
        Err(r) => r,
    }
}

// ---------------------------------------------------------------------------------------------
// One check: a member per screen, or the summary
// ---------------------------------------------------------------------------------------------

/// One choice as a large labelled box.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub checked: bool,
}

/// One question of a member's screen.
pub struct Question {
    pub field: &'static str,
    pub legend: String,
    pub choices: Vec<Choice>,
    pub error: Option<String>,
}

/// A group of questions under a heading (perceived, received, about the person).
pub struct QuestionGroup {
    pub title: String,
    pub questions: Vec<Question>,
}

/// The screen for one member.
pub struct MemberScreen {
    pub member_id: String,
    pub name: String,
    pub relation: String,
    pub groups: Vec<QuestionGroup>,
}

/// A line of scores: a label and its value per group (everyone, informal, professionals).
pub struct ScoreLine {
    pub label: String,
    pub values: [String; 3],
}

#[derive(Template)]
#[template(path = "check.html")]
struct CheckPage {
    shell: Shell,
    title: String,
    case: Option<CaseView>,
    tab: &'static str,
    base: String,
    href: String,
    progress: String,
    /// Answered / total, for the progress bar.
    answered: usize,
    total: usize,
    finished: Option<String>,
    errors: Vec<(String, String)>,
    screen: Option<MemberScreen>,
    scores: Vec<ScoreLine>,
    score_heads: [String; 3],
    answered_names: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ShowQuery {
    /// Show this member's screen (to change an answer) instead of the next unanswered one.
    member: String,
}

fn choices<T: Copy>(
    all: &[T],
    value: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
    chosen: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|t| {
            let v = value(*t);
            Choice {
                checked: v == chosen,
                label: label(*t),
                value: v,
            }
        })
        .collect()
}

/// The filled-in form of an earlier answer, to show it again.
fn form_of(a: &MemberAnswer) -> AnswerForm {
    let r = |r: Rating| r.number().to_string();
    AnswerForm {
        member: a.member.as_str().to_string(),
        perceived_concrete: r(a.perceived.concrete),
        perceived_emotional: r(a.perceived.emotional),
        perceived_informational: r(a.perceived.informational),
        received_concrete: r(a.received.concrete),
        received_emotional: r(a.received.emotional),
        received_informational: r(a.received.informational),
        criticalness: r(a.criticalness),
        direction: a.direction.as_str().to_string(),
        closeness: a.closeness.number().to_string(),
        seen: a.seen.score().to_string(),
        known: a.known.as_str().to_string(),
        then: String::new(),
    }
}

fn screen(tr: &Tr, m: &NetworkMember, form: &AnswerForm, errors: &[FieldError]) -> MemberScreen {
    let error = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| tr.t(e.key))
    };
    let ratings = |field: &'static str, legend: String, chosen: &str| Question {
        field,
        legend,
        choices: choices(
            &Rating::ALL,
            |r| r.number().to_string(),
            |r| tr.t(r.label_key()),
            chosen,
        ),
        error: error(field),
    };
    let support = |t: Timeframe, fields: [(&'static str, &String); 3]| QuestionGroup {
        title: tr.t(t.label_key()),
        questions: SupportKind::ALL
            .iter()
            .zip(fields)
            .map(|(k, (field, chosen))| ratings(field, tr.t(k.label_key()), chosen.as_str()))
            .collect(),
    };
    MemberScreen {
        member_id: m.id.as_str().to_string(),
        name: m.name.clone(),
        relation: m.relation.clone(),
        groups: vec![
            support(
                Timeframe::Perceived,
                [
                    ("perceived_concrete", &form.perceived_concrete),
                    ("perceived_emotional", &form.perceived_emotional),
                    ("perceived_informational", &form.perceived_informational),
                ],
            ),
            support(
                Timeframe::Received,
                [
                    ("received_concrete", &form.received_concrete),
                    ("received_emotional", &form.received_emotional),
                    ("received_informational", &form.received_informational),
                ],
            ),
            QuestionGroup {
                title: tr.t("check-about-person"),
                questions: vec![
                    ratings(
                        "criticalness",
                        tr.t("check-criticalness"),
                        form.criticalness.as_str(),
                    ),
                    Question {
                        field: "direction",
                        legend: tr.t("check-direction"),
                        choices: choices(
                            &Direction::ALL,
                            |d| d.as_str().to_string(),
                            |d| tr.t(&format!("direction-{}", d.as_str().replace('_', "-"))),
                            &form.direction,
                        ),
                        error: error("direction"),
                    },
                    Question {
                        field: "closeness",
                        legend: tr.t("check-closeness"),
                        choices: choices(
                            &Closeness::ALL,
                            |c| c.number().to_string(),
                            |c| tr.t(c.label_key()),
                            &form.closeness,
                        ),
                        error: error("closeness"),
                    },
                    Question {
                        field: "seen",
                        legend: tr.t("check-seen"),
                        choices: choices(
                            &ContactFrequency::ALL,
                            |f| f.score().to_string(),
                            |f| tr.t(&format!("contact-{}", f.as_str().replace('_', "-"))),
                            &form.seen,
                        ),
                        error: error("seen"),
                    },
                    Question {
                        field: "known",
                        legend: tr.t("check-known"),
                        choices: choices(
                            &KnownYears::ALL,
                            |k| k.as_str().to_string(),
                            |k| tr.t(&format!("known-{}", k.as_str().replace('_', "-"))),
                            &form.known,
                        ),
                        error: error("known"),
                    },
                ],
            },
        ],
    }
}

fn score_lines(
    tr: &Tr,
    lang: Lang,
    check: &SupportCheck,
    members: &[NetworkMember],
) -> Vec<ScoreLine> {
    let scores = check.scores(members);
    let groups = [&scores.all, &scores.informal, &scores.formal];
    let line = |label: String, f: &dyn Fn(&Summary) -> String| ScoreLine {
        label,
        values: groups.map(f),
    };
    let mut lines = Vec::new();
    for t in Timeframe::ALL {
        for k in SupportKind::ALL {
            let get = move |s: &Summary| -> TypeScore {
                match t {
                    Timeframe::Perceived => s.perceived.get(k),
                    Timeframe::Received => s.received.get(k),
                }
            };
            lines.push(line(
                format!("{} – {}", tr.t(t.label_key()), tr.t(k.label_key())),
                &|s: &Summary| number(lang, get(s).mean),
            ));
        }
    }
    lines.push(line(tr.t("check-score-members"), &|s: &Summary| {
        s.members.to_string()
    }));
    lines.push(line(tr.t("check-closeness"), &|s: &Summary| {
        number(lang, s.mean_closeness)
    }));
    lines.push(line(tr.t("check-score-seen-weekly"), &|s: &Summary| {
        share(lang, s.seen_weekly_share)
    }));
    lines.push(line(tr.t("check-score-reciprocity"), &|s: &Summary| {
        share(lang, s.reciprocity)
    }));
    lines.push(line(tr.t("check-score-known-long"), &|s: &Summary| {
        share(lang, s.known_over_five_share)
    }));
    lines.push(line(tr.t("check-criticalness"), &|s: &Summary| {
        number(lang, s.mean_criticalness)
    }));
    lines
}

/// The check page: the member asked for, else the next one not yet answered, else the summary.
#[allow(clippy::too_many_arguments)]
async fn check_page(
    state: &AppState,
    user: &PageUser,
    place: Place,
    id: &str,
    member: Option<&str>,
    form: Option<&AnswerForm>,
    errors: &[FieldError],
    status: StatusCode,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let stored = match state.store.support_check(&scope, &place.case.id, id).await {
        Ok(c) if place.owns(&c) => c,
        Ok(_) | Err(StoreError::NotFound) => {
            return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
        }
        Err(e) => return internal(user.lang, &e),
    };
    let members = match map_members(state, &scope, &place.case).await {
        Ok(m) => m,
        Err(e) => return internal(user.lang, &e),
    };
    let ids = member_ids(&members);
    let check = &stored.check;
    let shell = Shell::for_actor(
        user.lang,
        &user.actor,
        if place.view.is_some() { "/cases" } else { "/" },
    );
    let tr = &shell.tr;
    let progress = check.progress(&ids);
    let on_screen = if check.is_finished() {
        None
    } else {
        match member {
            Some(m) => members.iter().find(|x| x.id.as_str() == m),
            None => check
                .next_unanswered(&ids)
                .and_then(|next| members.iter().find(|x| &x.id == next)),
        }
    };
    let screen = on_screen.map(|m| {
        let filled = match form {
            Some(f) => AnswerForm {
                member: f.member.clone(),
                perceived_concrete: f.perceived_concrete.clone(),
                perceived_emotional: f.perceived_emotional.clone(),
                perceived_informational: f.perceived_informational.clone(),
                received_concrete: f.received_concrete.clone(),
                received_emotional: f.received_emotional.clone(),
                received_informational: f.received_informational.clone(),
                criticalness: f.criticalness.clone(),
                direction: f.direction.clone(),
                closeness: f.closeness.clone(),
                seen: f.seen.clone(),
                known: f.known.clone(),
                then: String::new(),
            },
            None => check.answer_for(&m.id).map(form_of).unwrap_or_default(),
        };
        screen(tr, m, &filled, errors)
    });
    let page = CheckPage {
        title: tr.t1("check-title", "date", day(check.started_on())),
        tab: "checks",
        href: format!("{}/{}", place.base, stored.id),
        base: place.base,
        case: place.view,
        progress: check_progress(tr, progress.answered, progress.total),
        answered: progress.answered,
        total: progress.total,
        finished: check.finished_on().map(day),
        errors: errors
            .iter()
            .map(|e| (e.field.to_string(), tr.t(e.key)))
            .collect(),
        scores: if screen.is_none() {
            score_lines(tr, user.lang, check, &members)
        } else {
            Vec::new()
        },
        score_heads: [
            tr.t("check-group-all"),
            tr.t("check-group-informal"),
            tr.t("check-group-formal"),
        ],
        answered_names: members
            .iter()
            .filter(|m| check.answer_for(&m.id).is_some())
            .map(|m| (m.id.as_str().to_string(), m.name.clone()))
            .collect(),
        screen,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

async fn show(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, c)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> Response {
    match professional(&state, &user, &addr, &id).await {
        Ok(place) => {
            let member = Some(q.member.trim()).filter(|m| !m.is_empty());
            check_page(&state, &user, place, &c, member, None, &[], StatusCode::OK).await
        }
        Err(r) => r,
    }
}

async fn mine_show(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((p, c)): Path<(String, String)>,
    axum::extract::Query(q): axum::extract::Query<ShowQuery>,
) -> Response {
    match participant(&state, &user, &addr, &p).await {
        Ok(place) => {
            let member = Some(q.member.trim()).filter(|m| !m.is_empty());
            check_page(&state, &user, place, &c, member, None, &[], StatusCode::OK).await
        }
        Err(r) => r,
    }
}

async fn answer_in(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    place: Place,
    id: &str,
    form: &AnswerForm,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    let stored = match state.store.support_check(&scope, &place.case.id, id).await {
        Ok(c) if place.owns(&c) => c,
        Ok(_) | Err(StoreError::NotFound) => {
            return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
        }
        Err(e) => return internal(user.lang, &e),
    };
    if stored.check.is_finished() {
        return error_page(
            user.lang,
            StatusCode::CONFLICT,
            "error-support-check-finished",
        );
    }
    let members = match map_members(state, &scope, &place.case).await {
        Ok(m) => m,
        Err(e) => return internal(user.lang, &e),
    };
    let answer = match parse_answer(&form.raw(), &stored.check, &member_ids(&members)) {
        Ok(a) => a,
        Err(errors) => {
            let member = Some(form.member.trim()).filter(|m| !m.is_empty());
            if member.is_none_or(|m| !members.iter().any(|x| x.id.as_str() == m)) {
                return error_page(
                    user.lang,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "error-support-check-member-unknown",
                );
            }
            return check_page(
                state,
                user,
                place,
                id,
                member,
                Some(form),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match state
        .store
        .record_support_answer(
            &scope,
            &place.case.id,
            id,
            &answer,
            case_event(&user.actor, AuditAction::Update, &place.case.id, addr),
        )
        .await
    {
        Ok(_) if form.then == "pause" => see_other(&format!("{}?paused=1", place.base)),
        Ok(_) => see_other(&format!("{}/{}", place.base, id)),
        Err(StoreError::Conflict(_)) => error_page(
            user.lang,
            StatusCode::CONFLICT,
            "error-support-check-finished",
        ),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

async fn answer(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, c)): Path<(String, String)>,
    PageForm(form): PageForm<AnswerForm>,
) -> Response {
    match professional(&state, &user, &addr, &id).await {
        Ok(place) => answer_in(&state, &user, &addr, place, &c, &form).await,
        Err(r) => r,
    }
}

async fn mine_answer(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((p, c)): Path<(String, String)>,
    PageForm(form): PageForm<AnswerForm>,
) -> Response {
    match participant(&state, &user, &addr, &p).await {
        Ok(place) => answer_in(&state, &user, &addr, place, &c, &form).await,
        Err(r) => r,
    }
}

async fn finish_in(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    place: Place,
    id: &str,
) -> Response {
    let scope = OrgScope::of(&user.actor);
    match state.store.support_check(&scope, &place.case.id, id).await {
        Ok(c) if place.owns(&c) => {}
        Ok(_) | Err(StoreError::NotFound) => {
            return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
        }
        Err(e) => return internal(user.lang, &e),
    }
    match state
        .store
        .finish_support_check(
            &scope,
            &place.case.id,
            id,
            case_event(&user.actor, AuditAction::Update, &place.case.id, addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("{}/{}", place.base, id)),
        Err(StoreError::Conflict("support_check_empty")) => {
            let errors = [FieldError::new("answers", "error-support-check-empty")];
            check_page(
                state,
                user,
                place,
                id,
                None,
                None,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(StoreError::Conflict(_)) => error_page(
            user.lang,
            StatusCode::CONFLICT,
            "error-support-check-finished",
        ),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

async fn finish(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, c)): Path<(String, String)>,
) -> Response {
    match professional(&state, &user, &addr, &id).await {
        Ok(place) => finish_in(&state, &user, &addr, place, &c).await,
        Err(r) => r,
    }
}

async fn mine_finish(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((p, c)): Path<(String, String)>,
) -> Response {
    match participant(&state, &user, &addr, &p).await {
        Ok(place) => finish_in(&state, &user, &addr, place, &c).await,
        Err(r) => r,
    }
}
