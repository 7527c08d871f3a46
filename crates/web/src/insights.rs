//! The analyst's dashboard, shared by the page (`/insights`), its downloads and the API
//! (`/api/v1/insights`): the filter from the fixed lists, the audit entry, one read of the
//! store's cube, and the suppressed figures of the domain. Aggregates only: no case id, name
//! or anything of one person ever reaches a template, a file or a JSON answer from here.

use crate::i18n::Tr;
use crate::state::AppState;
use chrono::Utc;
use serde::Deserialize;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::case::Setting;
use steunkring_domain::insight::figures::{
    Figure, FigureKind, InsightFilter, Insights, Period, insights,
};
use steunkring_domain::insight::{Cell, SUPPRESSED_KEY};
use steunkring_domain::{Actor, FieldError};
use steunkring_export::{LabelledTable, TableCell};
use steunkring_store::{OrgScope, StoreError, Team};

/// The filter as it comes in a query string; each value empty or `all` for "all".
#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct InsightQuery {
    /// `all` or a year: this year or one of the two before. A case counts when it was open at
    /// any time in it.
    pub period: String,
    /// `all` or a setting (`wijkteam`, `ambulant_specialist`, `residential`, `jeugdzorgplus`,
    /// `foster_care`, `crisis`).
    pub setting: String,
    /// `all` or the id of one of the organisation's teams.
    pub team: String,
}

/// What went wrong in loading.
pub enum LoadError {
    /// A filter value is not on its list.
    Invalid(Vec<FieldError>),
    Store(StoreError),
}

impl From<StoreError> for LoadError {
    fn from(e: StoreError) -> Self {
        LoadError::Store(e)
    }
}

/// The figures and the organisation's teams (for the filter's list).
pub struct Loaded {
    pub insights: Insights,
    pub teams: Vec<Team>,
}

/// Reads the figures under the asked filter. The read is audited first (an organisation-level
/// entry, no case; `search` when filtered), durable before anything is shown.
pub async fn load(
    state: &AppState,
    actor: &Actor,
    q: &InsightQuery,
    addr: &str,
    object: &str,
) -> Result<Loaded, LoadError> {
    let scope = OrgScope::of(actor);
    let teams = state.store.list_teams(&scope).await?;
    let ids: Vec<_> = teams.iter().map(|t| t.id.clone()).collect();
    let today = crate::support::today();
    let filter = InsightFilter::parse(&q.period, &q.setting, &q.team, &ids, today)
        .map_err(LoadError::Invalid)?;
    let action = if filter.is_unfiltered() {
        AuditAction::Read
    } else {
        AuditAction::Search
    };
    state
        .audit
        .record(
            AuditEvent::new(Utc::now(), action, Outcome::Success)
                .by(actor)
                .purpose("statistics")
                .from_addr(Some(addr.to_string()))
                .object(object, actor.org_id.as_str()),
        )
        .await?;
    let cube = state
        .store
        .insight_cube(&scope, filter.period.bounds())
        .await?;
    let insights =
        insights(&cube, &filter).map_err(|e| LoadError::Store(StoreError::Backend(Box::new(e))))?;
    Ok(Loaded { insights, teams })
}

/// The label key of a row.
pub fn row_key(kind: FigureKind, row: &str) -> String {
    match kind {
        FigureKind::NetworkInPlan | FigureKind::SupportFigure | FigureKind::Concerns => {
            format!("setting-{}", row.replace('_', "-"))
        }
        FigureKind::NetworkSize | FigureKind::InformalShare => format!("insight-row-{row}"),
        FigureKind::SupportGaps => format!("support-{}", row.replace('_', "-")),
        FigureKind::Outcomes => format!("insight-outcome-{}", row.replace('_', "-")),
    }
}

/// The label key of a column.
pub fn column_key(kind: FigureKind, column: &str) -> String {
    format!(
        "insight-col-{}-{}",
        kind.as_str().replace('_', "-"),
        column.replace('_', "-").replace('+', "plus")
    )
}

/// The title key of a figure.
pub fn title_key(kind: FigureKind) -> String {
    format!("insight-figure-{}", kind.as_str().replace('_', "-"))
}

/// A count as shown: the number, or "minder dan 10".
pub fn shown(tr: &Tr, cell: Cell) -> String {
    cell.count()
        .map_or_else(|| tr.t(SUPPRESSED_KEY), |n| n.to_string())
}

/// The shown rows of a figure: (row index, label).
pub fn shown_rows(tr: &Tr, f: &Figure) -> Vec<(usize, String)> {
    f.rows
        .iter()
        .enumerate()
        .filter(|(i, _)| f.shown[*i])
        .map(|(i, r)| (i, tr.t(&row_key(f.kind, r))))
        .collect()
}

/// The figures as labelled tables for the downloads: the shown rows, a totals row, every
/// suppressed count as "minder dan 10".
pub fn labelled_tables(tr: &Tr, ins: &Insights) -> Vec<LabelledTable> {
    let cell = |c: Cell| match c.count() {
        Some(n) => TableCell::Count(n),
        None => TableCell::Text(tr.t(SUPPRESSED_KEY)),
    };
    ins.figures
        .iter()
        .map(|f| {
            let mut header = vec![String::new()];
            header.extend(f.columns.iter().map(|c| tr.t(&column_key(f.kind, c))));
            header.push(tr.t("insight-total"));
            let mut rows: Vec<Vec<TableCell>> = shown_rows(tr, f)
                .into_iter()
                .map(|(i, label)| {
                    let mut row = vec![TableCell::Text(label)];
                    row.extend((0..f.columns.len()).map(|c| cell(f.table.cell(i, c))));
                    row.push(cell(f.table.row_total(i)));
                    row
                })
                .collect();
            let mut totals = vec![TableCell::Text(tr.t("insight-total"))];
            totals.extend((0..f.columns.len()).map(|c| cell(f.table.column_total(c))));
            totals.push(cell(f.table.grand_total()));
            rows.push(totals);
            LabelledTable {
                title: tr.t(&title_key(f.kind)),
                header,
                rows,
            }
        })
        .collect()
}

/// The filter as a query string, for the download links.
pub fn query_string(filter: &InsightFilter) -> String {
    format!(
        "period={}&setting={}&team={}",
        filter.period.as_param(),
        filter.setting.map_or("all", Setting::as_str),
        filter.team.as_ref().map_or("all", |t| t.as_str())
    )
}

/// The period choices on offer today, as (value, label).
pub fn period_choices(tr: &Tr) -> Vec<(String, String)> {
    Period::choices(crate::support::today())
        .into_iter()
        .map(|p| {
            let label = match p {
                Period::All => tr.t("insight-period-all"),
                Period::Year(y) => y.to_string(),
            };
            (p.as_param(), label)
        })
        .collect()
}
