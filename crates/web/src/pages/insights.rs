//! The analyst's dashboard (`/insights`) and its tables as CSV and XLSX: aggregates only, for
//! analysts and administrators. Filters are a GET form with fixed lists; every chart has its
//! table beside it; a suppressed count reads "minder dan 10".

use super::{PageUser, Shell, error_page, render};
use crate::auth::ClientAddr;
use crate::i18n::{Lang, Tr};
use crate::insights::{
    InsightQuery, LoadError, column_key, labelled_tables, load, period_choices, query_string,
    shown, shown_rows, title_key,
};
use crate::state::AppState;
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use steunkring_domain::case::Setting;
use steunkring_domain::insight::figures::{Figure, FigureKind, NATIONAL_NETWORK_IN_PLAN};
use steunkring_domain::policy::OrgAction;
use steunkring_netmap::{Bar, BarChart, ChartLocale, bar_chart};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/insights", get(page))
        .route("/insights/tables.csv", get(csv))
        .route("/insights/tables.xlsx", get(xlsx))
}

pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct TableRow {
    pub label: String,
    pub cells: Vec<String>,
    pub total: String,
}

pub struct FigureView {
    pub id: String,
    pub title: String,
    pub chart: String,
    pub columns: Vec<String>,
    pub rows: Vec<TableRow>,
    pub totals: Vec<String>,
    pub grand_total: String,
}

#[derive(Template)]
#[template(path = "insights.html")]
struct InsightsPage {
    shell: Shell,
    title: String,
    errors: Vec<String>,
    periods: Vec<Choice>,
    settings: Vec<Choice>,
    teams: Vec<Choice>,
    /// "39 %" or "minder dan 10".
    network_share: String,
    figure_share: String,
    national: String,
    means: Option<String>,
    figures: Vec<FigureView>,
    query: String,
}

fn percent(share: Option<f64>, tr: &Tr) -> String {
    share.map_or_else(
        || tr.t("insight-suppressed"),
        |s| format!("{:.0} %", s * 100.0),
    )
}

fn locale(tr: &Tr) -> ChartLocale {
    ChartLocale {
        decimal_comma: tr.t("insight-decimal-comma") == "ja",
        ..ChartLocale::default()
    }
}

/// The chart of a figure: for the yes/no tables the share of the first column per row (in
/// percent), for the others the counts per column (and per row, start and latest).
fn chart(tr: &Tr, f: &Figure, title: &str) -> String {
    let mut c = BarChart::new(title);
    c.suppressed_note = tr.t("insight-suppressed-note");
    c.no_data = tr.t("insight-no-data");
    c.locale = locale(tr);
    match f.kind {
        FigureKind::NetworkSize | FigureKind::InformalShare => {
            for (r, label) in shown_rows(tr, f) {
                for (ci, col) in f.columns.iter().enumerate() {
                    c.bars.push(Bar {
                        label: format!("{label}: {}", tr.t(&column_key(f.kind, col))),
                        value: f.table.cell(r, ci).count().map(|n| n as f64),
                    });
                }
            }
            c.desc = tr.t("insight-chart-counts");
        }
        FigureKind::Concerns => {
            for (ci, col) in f.columns.iter().enumerate() {
                c.bars.push(Bar {
                    label: tr.t(&column_key(f.kind, col)),
                    value: f.table.column_total(ci).count().map(|n| n as f64),
                });
            }
            c.desc = tr.t("insight-chart-counts");
        }
        _ => {
            for (r, label) in shown_rows(tr, f) {
                c.bars.push(Bar {
                    label,
                    value: f.table.row_share(r, 0).map(|s| s * 100.0),
                });
            }
            c.desc = tr.t("insight-chart-share");
        }
    }
    bar_chart(&c)
}

fn view(tr: &Tr, f: &Figure) -> FigureView {
    let title = tr.t(&title_key(f.kind));
    FigureView {
        id: f.kind.as_str().replace('_', "-"),
        chart: chart(tr, f, &title),
        columns: f
            .columns
            .iter()
            .map(|c| tr.t(&column_key(f.kind, c)))
            .collect(),
        rows: shown_rows(tr, f)
            .into_iter()
            .map(|(r, label)| TableRow {
                label,
                cells: (0..f.columns.len())
                    .map(|c| shown(tr, f.table.cell(r, c)))
                    .collect(),
                total: shown(tr, f.table.row_total(r)),
            })
            .collect(),
        totals: (0..f.columns.len())
            .map(|c| shown(tr, f.table.column_total(c)))
            .collect(),
        grand_total: shown(tr, f.table.grand_total()),
        title,
    }
}

fn failed(lang: Lang, e: &dyn std::fmt::Display) -> Response {
    tracing::error!(error = %e, "insights");
    error_page(lang, StatusCode::INTERNAL_SERVER_ERROR, "error-internal")
}

/// The dashboard. A filter value not on its list is shown as an error above the unfiltered
/// figures (status 422).
pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<InsightQuery>,
) -> Response {
    if let Some(r) = user.refusal(OrgAction::ViewInsights) {
        return r;
    }
    let shell = Shell::for_actor(user.lang, &user.actor, "/insights");
    let tr = &shell.tr;
    let (loaded, errors) = match load(&state, &user.actor, &q, &addr, "insights").await {
        Ok(l) => (l, Vec::new()),
        Err(LoadError::Invalid(errors)) => {
            let messages: Vec<String> = errors.iter().map(|e| tr.t(e.key)).collect();
            match load(
                &state,
                &user.actor,
                &InsightQuery::default(),
                &addr,
                "insights",
            )
            .await
            {
                Ok(l) => (l, messages),
                Err(LoadError::Store(e)) => return failed(user.lang, &e),
                Err(LoadError::Invalid(_)) => return failed(user.lang, &"unfiltered refused"),
            }
        }
        Err(LoadError::Store(e)) => return failed(user.lang, &e),
    };
    let ins = &loaded.insights;
    let filter = &ins.filter;
    let all = |selected: bool| Choice {
        value: "all".into(),
        label: tr.t("insight-all"),
        selected,
    };
    let periods = period_choices(tr)
        .into_iter()
        .map(|(value, label)| Choice {
            selected: value == filter.period.as_param(),
            value,
            label,
        })
        .collect();
    let mut settings = vec![all(filter.setting.is_none())];
    settings.extend(Setting::ALL.iter().map(|s| Choice {
        value: s.as_str().into(),
        label: tr.t(&format!("setting-{}", s.as_str().replace('_', "-"))),
        selected: filter.setting == Some(*s),
    }));
    let mut teams = vec![all(filter.team.is_none())];
    teams.extend(loaded.teams.iter().map(|t| Choice {
        value: t.id.to_string(),
        label: t.name.clone(),
        selected: filter.team.as_ref() == Some(&t.id),
    }));
    let means = ins.means.as_ref().map(|m| {
        tr.message(
            "insight-means",
            &[
                ("cases", (m.cases as f64).into()),
                ("start", format!("{:.1}", m.size_start).into()),
                ("latest", format!("{:.1}", m.size_latest).into()),
                (
                    "informal_start",
                    format!("{:.0}", m.informal_share_start * 100.0).into(),
                ),
                (
                    "informal_latest",
                    format!("{:.0}", m.informal_share_latest * 100.0).into(),
                ),
            ],
        )
    });
    let page = InsightsPage {
        title: tr.t("insight-title"),
        network_share: percent(ins.network_in_plan_share(), tr),
        figure_share: percent(ins.support_figure_share(), tr),
        national: format!("{:.0} %", NATIONAL_NETWORK_IN_PLAN * 100.0),
        means,
        figures: ins.figures.iter().map(|f| view(tr, f)).collect(),
        query: query_string(filter),
        errors: errors.clone(),
        periods,
        settings,
        teams,
        shell: Shell::for_actor(user.lang, &user.actor, "/insights"),
    };
    let mut response = render(user.lang, &page);
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// Loads the figures for a download, or the answer to give instead.
async fn for_download(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    q: &InsightQuery,
    what: &str,
) -> Result<Vec<steunkring_export::LabelledTable>, Response> {
    if let Some(r) = user.refusal(OrgAction::ViewInsights) {
        return Err(r);
    }
    match load(state, &user.actor, q, addr, what).await {
        Ok(l) => Ok(labelled_tables(&Tr::new(user.lang), &l.insights)),
        Err(LoadError::Invalid(_)) => Err(error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "insight-bad-filter",
        )),
        Err(LoadError::Store(e)) => Err(failed(user.lang, &e)),
    }
}

fn attachment(content_type: &str, file: &str, body: Vec<u8>) -> Response {
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

/// The tables as CSV (formula guard, byte-order mark).
pub async fn csv(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<InsightQuery>,
) -> Response {
    match for_download(&state, &user, &addr, &q, "insights_csv").await {
        Ok(tables) => attachment(
            "text/csv; charset=utf-8",
            "inzicht.csv",
            steunkring_export::tables_csv(&tables).into_bytes(),
        ),
        Err(r) => r,
    }
}

/// The tables as one XLSX worksheet.
pub async fn xlsx(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<InsightQuery>,
) -> Response {
    let tables = match for_download(&state, &user, &addr, &q, "insights_xlsx").await {
        Ok(t) => t,
        Err(r) => return r,
    };
    match steunkring_export::tables_xlsx(&tables, &Tr::new(user.lang).t("insight-title")) {
        Ok(bytes) => attachment(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "inzicht.xlsx",
            bytes,
        ),
        Err(e) => failed(user.lang, &e),
    }
}
