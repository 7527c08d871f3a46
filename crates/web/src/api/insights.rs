//! `/api/v1/insights`: the analyst's aggregates as JSON. For analysts and administrators
//! (anyone else 403). Counts only, suppressed: a `null` is "fewer than 10" (or a count that would
//! give one back). Filters from fixed lists; a value not on its list is a 422 per field.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::error::{ApiError, ErrorBody};
use crate::insights::{InsightQuery, LoadError, load};
use crate::state::AppState;
use axum::Json;
use axum::Router;
use axum::extract::{Query, State};
use axum::routing::get;
use serde::Serialize;
use steunkring_domain::insight::MIN_CELL;
use steunkring_domain::insight::figures::{NATIONAL_NETWORK_IN_PLAN, NetworkMeans};
use steunkring_domain::policy::{OrgAction, permits_in_org};
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/insights", get(get_insights))
}

#[derive(OpenApi)]
#[openapi(paths(get_insights))]
pub struct InsightsApi;

/// The filter the figures are for; `null` is "all".
#[derive(Serialize, ToSchema)]
pub struct FilterJson {
    /// `all` or a year.
    pub period: String,
    pub setting: Option<String>,
    pub team: Option<String>,
}

/// One table of counts. `null` is suppressed.
#[derive(Serialize, ToSchema)]
pub struct FigureJson {
    /// `network_in_plan`, `support_figure`, `network_size`, `informal_share`, `support_gaps`,
    /// `outcomes` or `concerns`.
    pub key: String,
    /// Row keys: settings, `start`/`latest`, support types or outcome kinds. Under a setting
    /// filter, tables by setting have that setting's row only.
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    pub grand_total: Option<u64>,
}

/// Mean network size and informal share at the first and latest saved map.
#[derive(Serialize, ToSchema)]
pub struct MeansJson {
    pub cases: u64,
    pub size_start: f64,
    pub size_latest: f64,
    pub informal_share_start: f64,
    pub informal_share_latest: f64,
}

impl From<NetworkMeans> for MeansJson {
    fn from(m: NetworkMeans) -> Self {
        MeansJson {
            cases: m.cases,
            size_start: m.size_start,
            size_latest: m.size_latest,
            informal_share_start: m.informal_share_start,
            informal_share_latest: m.informal_share_latest,
        }
    }
}

/// The dashboard.
#[derive(Serialize, ToSchema)]
pub struct InsightsJson {
    pub filter: FilterJson,
    /// The smallest count published.
    pub min_cell: u64,
    /// Share of cases with a plan action held by an informal member of the network; `null`
    /// when its counts are suppressed.
    pub network_in_plan_share: Option<f64>,
    /// The national share for comparison (4 in 10).
    pub national_network_in_plan_share: f64,
    /// Share of cases with at least one accepted support figure.
    pub support_figure_share: Option<f64>,
    /// `null` when fewer than 10 cases have a saved map.
    pub network_means: Option<MeansJson>,
    pub figures: Vec<FigureJson>,
}

/// The analyst's aggregates for the organisation, filtered by period, setting and team.
#[utoipa::path(get, path = "/api/v1/insights", tag = "insights", params(InsightQuery),
    security(("bearer" = [])),
    responses((status = 200, body = InsightsJson), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn get_insights(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Query(q): Query<InsightQuery>,
) -> Result<Json<InsightsJson>, ApiError> {
    if !permits_in_org(&user.actor, OrgAction::ViewInsights, &user.actor.org_id) {
        return Err(ApiError::forbidden(user.lang));
    }
    let loaded = match load(&state, &user.actor, &q, &addr, "insights").await {
        Ok(l) => l,
        Err(LoadError::Invalid(errors)) => return Err(ApiError::invalid(user.lang, &errors)),
        Err(LoadError::Store(e)) => return Err(ApiError::from_store(user.lang, e)),
    };
    let ins = loaded.insights;
    let figures = ins
        .figures
        .iter()
        .map(|f| {
            let shown: Vec<usize> = (0..f.rows.len()).filter(|i| f.shown[*i]).collect();
            FigureJson {
                key: f.kind.as_str().to_string(),
                rows: shown.iter().map(|i| f.rows[*i].to_string()).collect(),
                columns: f.columns.iter().map(|c| c.to_string()).collect(),
                cells: shown
                    .iter()
                    .map(|r| {
                        (0..f.columns.len())
                            .map(|c| f.table.cell(*r, c).count())
                            .collect()
                    })
                    .collect(),
                row_totals: shown
                    .iter()
                    .map(|r| f.table.row_total(*r).count())
                    .collect(),
                column_totals: (0..f.columns.len())
                    .map(|c| f.table.column_total(c).count())
                    .collect(),
                grand_total: f.table.grand_total().count(),
            }
        })
        .collect();
    Ok(Json(InsightsJson {
        filter: FilterJson {
            period: ins.filter.period.as_param(),
            setting: ins.filter.setting.map(|s| s.as_str().to_string()),
            team: ins.filter.team.as_ref().map(|t| t.as_str().to_string()),
        },
        min_cell: MIN_CELL,
        network_in_plan_share: ins.network_in_plan_share(),
        national_network_in_plan_share: NATIONAL_NETWORK_IN_PLAN,
        support_figure_share: ins.support_figure_share(),
        network_means: ins.means.clone().map(MeansJson::from),
        figures,
    }))
}
