//! The "Verloop" tab of a case: the network's indicators, the perceived support of finished
//! support checks and (once recorded) the self-reports over time, each as a line chart drawn
//! by Steunkring with a real table beside it that says the same for whoever cannot see the
//! chart. Only for those who may see both the network and the measurements; every view is
//! audited.

use super::cases::{CaseView, access_error};
use super::{PageUser, Shell, render};
use crate::auth::ClientAddr;
use crate::i18n::{Lang, Tr};
use crate::plan::day;
use crate::state::AppState;
use crate::trends::{CaseTrends, load, series_name, value_text};
use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use std::sync::Arc;
use steunkring_domain::ids::CaseId;
use steunkring_domain::trend::{Measure, TrendChart, TrendSeries};
use steunkring_netmap::chart::{ChartLocale, LineChart, Point, Series, line_chart};

pub fn routes() -> Router<AppState> {
    Router::new().route("/cases/{id}/trends", get(page))
}

/// One chart with its table.
pub struct ChartView {
    pub id: &'static str,
    pub title: String,
    /// Drawn by [`line_chart`], which escapes every text.
    pub svg: String,
    pub columns: Vec<String>,
    /// Per moment: the date, then one value per series.
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Template)]
#[template(path = "trends.html")]
struct TrendsPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    charts: Arc<Vec<ChartView>>,
    is_empty: bool,
    counts: String,
}

fn chart_id(chart: TrendChart) -> &'static str {
    match chart {
        TrendChart::NetworkSize => "trend-network-size",
        TrendChart::InformalShare => "trend-informal-share",
        TrendChart::SupportGaps => "trend-support-gaps",
        TrendChart::PerceivedSupport => "trend-perceived-support",
        TrendChart::SelfReport => "trend-self-report",
    }
}

fn y_label_key(chart: TrendChart) -> &'static str {
    match chart {
        TrendChart::NetworkSize => "trend-y-people",
        TrendChart::InformalShare => "trend-y-percent",
        TrendChart::SupportGaps => "trend-y-types",
        TrendChart::PerceivedSupport => "trend-y-rating",
        TrendChart::SelfReport => "trend-y-grade",
    }
}

/// Month names and decimal sign of the page's language.
fn chart_locale(tr: &Tr, lang: Lang) -> ChartLocale {
    let names = tr.t("trend-months");
    let mut months = ChartLocale::default().months;
    for (slot, name) in months.iter_mut().zip(names.split_whitespace()) {
        *slot = name.to_string();
    }
    ChartLocale {
        months,
        decimal_comma: lang == Lang::Nl,
    }
}

/// Shares are drawn as percentages; everything else as it is.
fn drawn(measure: Measure, v: Option<f64>) -> Option<f64> {
    if measure.is_share() {
        v.map(|v| v * 100.0)
    } else {
        v
    }
}

/// The chart and table of one group of series, or `None` when none of them has a value.
pub fn chart_view(
    tr: &Tr,
    lang: Lang,
    chart: TrendChart,
    all: &[TrendSeries],
) -> Option<ChartView> {
    let series: Vec<&TrendSeries> = all.iter().filter(|s| s.measure.chart() == chart).collect();
    if !series.iter().any(|s| s.has_values()) {
        return None;
    }
    let title = tr.t(chart.label_key());
    let (lo, hi) = chart.scale();
    let scale = if chart == TrendChart::InformalShare {
        100.0
    } else {
        1.0
    };
    let mut c = LineChart::new(title.clone(), lo * scale, hi * scale);
    c.y_label = tr.t(y_label_key(chart));
    c.no_data = tr.t("trend-no-data");
    c.locale = chart_locale(tr, lang);
    let mut desc = Vec::new();
    for (i, s) in series.iter().enumerate() {
        let name = series_name(tr, s.measure);
        let known: Vec<_> = s.points.iter().filter(|p| p.value.is_some()).collect();
        if let (Some(first), Some(last)) = (known.first(), known.last()) {
            desc.push(tr.message(
                "trend-desc",
                &[
                    ("series", name.clone().into()),
                    ("first", value_text(lang, s.measure, first.value).into()),
                    ("from", day(first.on).into()),
                    ("last", value_text(lang, s.measure, last.value).into()),
                    ("to", day(last.on).into()),
                ],
            ));
        }
        c.series.push(Series {
            name: name.clone(),
            style: i,
            points: s
                .points
                .iter()
                .map(|p| Point {
                    x: p.on,
                    y: drawn(s.measure, p.value),
                    label: format!(
                        "{} – {}: {}",
                        day(p.on),
                        name,
                        value_text(lang, s.measure, p.value)
                    ),
                })
                .collect(),
        });
    }
    c.desc = desc.join(". ");
    // The series of one chart come from the same moments, in the same order.
    let moments = series.first().map(|s| s.points.len()).unwrap_or(0);
    let rows = (0..moments)
        .map(|i| {
            let date = series[0]
                .points
                .get(i)
                .map(|p| day(p.on))
                .unwrap_or_default();
            let values = series
                .iter()
                .map(|s| value_text(lang, s.measure, s.points.get(i).and_then(|p| p.value)))
                .collect();
            (date, values)
        })
        .collect();
    Some(ChartView {
        id: chart_id(chart),
        svg: line_chart(&c),
        columns: series.iter().map(|s| series_name(tr, s.measure)).collect(),
        rows,
        title,
    })
}

async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
) -> Response {
    let loaded: CaseTrends = match load(&state, &user.actor, &CaseId::from_stored(id), &addr).await
    {
        Ok(t) => t,
        Err(e) => return access_error(user.lang, e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let charts = state.trends.charts(loaded.kept_as.as_ref(), user.lang, || {
        if loaded.is_empty {
            return Vec::new();
        }
        TrendChart::ALL
            .iter()
            .filter_map(|c| chart_view(tr, user.lang, *c, &loaded.series))
            .collect()
    });
    let counts = tr.message(
        "trends-counts",
        &[
            ("versions", (loaded.saved_versions as i64).into()),
            ("checks", (loaded.finished_checks as i64).into()),
        ],
    );
    let page = TrendsPage {
        title: tr.t("trends-title"),
        case: CaseView::new(tr, &user, &loaded.case),
        tab: "trends",
        is_empty: loaded.is_empty,
        charts,
        counts,
        shell,
    };
    render(user.lang, &page)
}
