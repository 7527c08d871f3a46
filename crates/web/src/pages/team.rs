//! The team overview (`/team`): the open cases of a professional's own teams with what needs
//! acting on — no informal support figure yet, no adopted plan or actions past their date, a
//! support check due, open concerns — counted at the top, filterable by team, and downloadable
//! as CSV and XLSX. One store statement whatever the number of cases. Who sees it is the
//! domain's decision ([`OrgAction::ViewTeamOverview`], [`team_overview_teams`]); every view and
//! download is audited.

use super::{PageUser, Shell, error_page, render};
use crate::auth::ClientAddr;
use crate::i18n::Tr;
use crate::plan::day;
use crate::state::AppState;
use crate::support::today;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{NaiveDate, Utc};
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::measure::next_due;
use steunkring_domain::policy::{OrgAction, permits_in_org, team_overview_teams};
use steunkring_domain::{Actor, TeamId};
use steunkring_export::{Cell, PlainTable, table_csv, table_xlsx};
use steunkring_store::{OrgScope, PlanState, TeamCaseRow};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/team", get(page))
        .route("/team/overview.csv", get(csv))
        .route("/team/overview.xlsx", get(xlsx))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TeamQuery {
    /// One of the professional's teams, or blank for all of them.
    team: String,
}

/// One case as the overview shows it.
pub struct CaseLine {
    pub case_id: String,
    pub name: String,
    pub team: String,
    pub has_figure: bool,
    pub plan: PlanState,
    pub overdue: i64,
    pub next_check: NaiveDate,
    pub check_due: bool,
    pub concerns: i64,
}

impl CaseLine {
    fn of(row: TeamCaseRow, today: NaiveDate) -> CaseLine {
        let next_check = next_due(row.last_finished_check, row.opened_on, row.check_interval);
        CaseLine {
            case_id: row.case_id.to_string(),
            name: row.youth_name,
            team: row.team_name,
            has_figure: row.active_support_figures > 0,
            plan: row.plan,
            overdue: row.overdue_actions,
            check_due: today >= next_check,
            next_check,
            concerns: row.open_concerns,
        }
    }
}

/// The counts at the top: how many cases need each kind of attention.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub cases: usize,
    pub no_figure: usize,
    pub no_plan: usize,
    pub overdue: usize,
    pub check_due: usize,
    pub concerns: usize,
}

impl Counts {
    fn of(lines: &[CaseLine]) -> Counts {
        let n = |f: &dyn Fn(&CaseLine) -> bool| lines.iter().filter(|l| f(l)).count();
        Counts {
            cases: lines.len(),
            no_figure: n(&|l| !l.has_figure),
            no_plan: n(&|l| l.plan != PlanState::Adopted),
            overdue: n(&|l| l.overdue > 0),
            check_due: n(&|l| l.check_due),
            concerns: n(&|l| l.concerns > 0),
        }
    }
}

#[derive(Template)]
#[template(path = "team.html")]
struct TeamPage {
    shell: Shell,
    title: String,
    lines: Vec<CaseLine>,
    counts: Counts,
    /// (id, name, selected) of the professional's teams.
    teams: Vec<(String, String, bool)>,
    selected: String,
    caption: String,
    no_teams: bool,
}

impl TeamPage {
    fn plan_text(&self, plan: &PlanState) -> String {
        plan_text(&self.shell.tr, *plan)
    }
    fn yes_no(&self, yes: &bool) -> String {
        yes_no(&self.shell.tr, *yes)
    }
    fn date(&self, d: &NaiveDate) -> String {
        day(*d)
    }
}

fn plan_text(tr: &Tr, plan: PlanState) -> String {
    tr.t(match plan {
        PlanState::None => "team-plan-none",
        PlanState::Draft => "team-plan-draft",
        PlanState::Adopted => "team-plan-adopted",
    })
}

fn yes_no(tr: &Tr, yes: bool) -> String {
    tr.t(if yes { "team-yes" } else { "team-no" })
}

/// What the overview was loaded for.
struct Loaded {
    lines: Vec<CaseLine>,
    /// The professional's teams with their names, in the organisation's order.
    teams: Vec<(TeamId, String)>,
    selected: Option<TeamId>,
}

fn event(
    actor: &Actor,
    action: AuditAction,
    outcome: Outcome,
    what: &str,
    addr: &str,
) -> AuditEvent {
    AuditEvent::new(Utc::now(), action, outcome)
        .by(actor)
        .object("team_overview", what)
        .purpose("care")
        .from_addr(Some(addr.to_string()))
}

/// Loads the overview for `user`, or the error page: 403 (audited) for anyone the policy does
/// not let see it, 422 for a team that is not theirs. `action` is what the audit entry says:
/// a read for the page, an export for a download.
async fn load(
    state: &AppState,
    user: &PageUser,
    q: &TeamQuery,
    action: AuditAction,
    addr: &str,
) -> Result<Loaded, Response> {
    let actor = &user.actor;
    let wanted = q.team.trim();
    let what = if wanted.is_empty() { "all" } else { wanted };
    if !permits_in_org(actor, OrgAction::ViewTeamOverview, &actor.org_id) {
        let _ = state
            .audit
            .record(event(actor, action, Outcome::Denied, what, addr))
            .await;
        return Err(error_page(
            user.lang,
            StatusCode::FORBIDDEN,
            "error-forbidden",
        ));
    }
    let own = team_overview_teams(actor);
    let selected = if wanted.is_empty() {
        None
    } else {
        match own.iter().find(|t| t.as_str() == wanted) {
            Some(t) => Some(t.clone()),
            None => {
                return Err(error_page(
                    user.lang,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "team-unknown-team",
                ));
            }
        }
    };
    let scope = OrgScope::of(actor);
    let listed: Vec<TeamId> = match &selected {
        Some(t) => vec![t.clone()],
        None => own.clone(),
    };
    let today = today();
    let (rows, all_teams) = match tokio::try_join!(
        state.store.team_overview(&scope, &listed, today),
        state.store.list_teams(&scope)
    ) {
        Ok(v) => v,
        Err(e) => return Err(super::cases::internal(user.lang, &e)),
    };
    if let Err(e) = state
        .audit
        .record(event(actor, action, Outcome::Success, what, addr))
        .await
    {
        return Err(super::cases::internal(user.lang, &e));
    }
    Ok(Loaded {
        lines: rows.into_iter().map(|r| CaseLine::of(r, today)).collect(),
        teams: all_teams
            .into_iter()
            .filter(|t| own.contains(&t.id))
            .map(|t| (t.id, t.name))
            .collect(),
        selected,
    })
}

async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<TeamQuery>,
) -> Response {
    let loaded = match load(&state, &user, &q, AuditAction::Read, &addr).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/team");
    let names: Vec<&str> = loaded
        .teams
        .iter()
        .filter(|(id, _)| loaded.selected.as_ref().is_none_or(|s| s == id))
        .map(|(_, name)| name.as_str())
        .collect();
    let caption = shell.tr.t1("team-table-caption", "teams", names.join(", "));
    let page = TeamPage {
        title: shell.tr.t("team-title"),
        counts: Counts::of(&loaded.lines),
        lines: loaded.lines,
        no_teams: loaded.teams.is_empty(),
        selected: loaded
            .selected
            .as_ref()
            .map(|t| t.to_string())
            .unwrap_or_default(),
        teams: loaded
            .teams
            .iter()
            .map(|(id, name)| {
                (
                    id.to_string(),
                    name.clone(),
                    loaded.selected.as_ref() == Some(id),
                )
            })
            .collect(),
        caption,
        shell,
    };
    render(user.lang, &page)
}

/// The overview as a table of typed cells, in the person's language.
fn table(tr: &Tr, lines: &[CaseLine]) -> PlainTable {
    PlainTable {
        header: [
            "team-col-youth",
            "case-field-team-id",
            "team-col-figure",
            "team-col-plan",
            "team-col-overdue",
            "team-col-check-due",
            "team-count-check-due",
            "team-col-concerns",
        ]
        .iter()
        .map(|k| tr.t(k))
        .collect(),
        rows: lines
            .iter()
            .map(|l| {
                vec![
                    Cell::Text(l.name.clone()),
                    Cell::Text(l.team.clone()),
                    Cell::Text(yes_no(tr, l.has_figure)),
                    Cell::Text(plan_text(tr, l.plan)),
                    Cell::Int(l.overdue),
                    Cell::Text(l.next_check.format("%Y-%m-%d").to_string()),
                    Cell::Text(yes_no(tr, l.check_due)),
                    Cell::Int(l.concerns),
                ]
            })
            .collect(),
    }
}

fn download(body: impl IntoResponse, content_type: &str, file: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The file formats the overview downloads as.
#[derive(Clone, Copy)]
enum Format {
    Csv,
    Xlsx,
}

/// The overview as a file, audited as an export.
async fn download_as(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    q: &TeamQuery,
    format: Format,
) -> Response {
    let loaded = match load(state, user, q, AuditAction::Export, addr).await {
        Ok(l) => l,
        Err(r) => return r,
    };
    let tr = Tr::new(user.lang);
    let table = table(&tr, &loaded.lines);
    let name = tr.t("team-file-name");
    match format {
        Format::Csv => download(
            table_csv(&table),
            "text/csv; charset=utf-8",
            format!("{name}.csv"),
        ),
        Format::Xlsx => match table_xlsx(&table, "overzicht") {
            Ok(bytes) => download(
                bytes,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                format!("{name}.xlsx"),
            ),
            Err(e) => super::cases::internal(user.lang, &e),
        },
    }
}

async fn csv(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<TeamQuery>,
) -> Response {
    download_as(&state, &user, &addr, &q, Format::Csv).await
}

async fn xlsx(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<TeamQuery>,
) -> Response {
    download_as(&state, &user, &addr, &q, Format::Xlsx).await
}
