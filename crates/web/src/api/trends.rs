//! A case over time in the JSON API: `/trends` under a case, for those who may see both the
//! network and the measurements (anyone else gets 404, never learning the case exists). The
//! series are the trend page's, as numbers: shares 0–1, SSNM means 1–3, grades 0–10.

use super::ApiUser;
use crate::auth::ClientAddr;
use crate::error::{ApiError, ErrorBody};
use crate::i18n::Tr;
use crate::state::AppState;
use crate::trends::{load, series_name};
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use serde::Serialize;
use steunkring_domain::ids::CaseId;
use utoipa::{OpenApi, ToSchema};

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/cases/{case}/trends", get(trends))
}

#[derive(OpenApi)]
#[openapi(paths(trends))]
pub struct TrendsApi;

/// One moment of a series; `value` is `null` where the measure is unknown then (a mean of
/// nobody), which is a gap, not a 0.
#[derive(Serialize, ToSchema)]
pub struct TrendPointJson {
    pub on: NaiveDate,
    pub value: Option<f64>,
}

/// One measure over time, oldest first.
#[derive(Serialize, ToSchema)]
pub struct TrendSeriesJson {
    /// `network_size`, `informal_size`, `informal_share`, `support_gaps`,
    /// `perceived_concrete`, `perceived_emotional`, `perceived_informational`,
    /// `feels_supported`, `satisfied_with_help` or `satisfied_with_support_figures`.
    pub measure: String,
    /// The chart it is drawn on: `network_size`, `informal_share`, `support_gaps`,
    /// `perceived_support` or `self_report`.
    pub chart: String,
    /// Its name in the caller's language.
    pub label: String,
    pub points: Vec<TrendPointJson>,
}

/// Every series of the case. Network measures have a point per saved version (dated when it
/// was taken) and one for today's map; support-check measures one per finished check (dated
/// when it was finished); self-report measures one per self-report.
#[derive(Serialize, ToSchema)]
pub struct TrendsJson {
    pub series: Vec<TrendSeriesJson>,
    pub saved_versions: usize,
    pub finished_checks: usize,
}

fn code<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// The case's network indicators, perceived support and self-reports over time.
#[utoipa::path(get, path = "/api/v1/cases/{case}/trends", tag = "trends", params(("case" = String, Path)), security(("bearer" = [])),
    responses((status = 200, body = TrendsJson), (status = 404, body = ErrorBody)))]
pub async fn trends(
    State(state): State<AppState>,
    user: ApiUser,
    ClientAddr(addr): ClientAddr,
    Path(case): Path<String>,
) -> Result<Json<TrendsJson>, ApiError> {
    let loaded = load(&state, &user.actor, &CaseId::from_stored(case), &addr)
        .await
        .map_err(|e| ApiError::from_case(user.lang, e))?;
    let tr = Tr::new(user.lang);
    Ok(Json(TrendsJson {
        series: loaded
            .series
            .iter()
            .map(|s| TrendSeriesJson {
                measure: code(&s.measure),
                chart: code(&s.measure.chart()),
                label: series_name(&tr, s.measure),
                points: s
                    .points
                    .iter()
                    .map(|p| TrendPointJson {
                        on: p.on,
                        value: p.value,
                    })
                    .collect(),
            })
            .collect(),
        saved_versions: loaded.saved_versions,
        finished_checks: loaded.finished_checks,
    }))
}
