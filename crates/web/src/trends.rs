//! What the trend page and the trends API share: loading a case's history in a fixed number of
//! statements (the case, every saved map version at once, the current map, the support
//! checks, the self-reports), turning it into series with the domain's [`trends`], and writing
//! values the way a person reads them.

use crate::cases::{CaseAccessError, admit, may};
use crate::i18n::{Lang, Tr};
use crate::pages::trends::ChartView;
use crate::state::AppState;
use crate::support::{record_read, today};
use std::sync::Arc;
use steunkring_domain::Actor;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{SelfReport, SupportCheck};
use steunkring_domain::policy::CaseAction;
use steunkring_domain::trend::{Measure, NetworkAt, TrendInput, TrendSeries, trends};
use steunkring_store::{Case, CasePageParts, Kept, Network, OrgScope};

/// A case's trends, ready to draw.
pub struct CaseTrends {
    pub case: Case,
    /// Every measure of [`Measure::ALL`], in that order.
    pub series: Vec<TrendSeries>,
    pub saved_versions: usize,
    pub finished_checks: usize,
    /// Nothing to show yet: no saved version, nobody on the map, no finished check.
    pub is_empty: bool,
    /// What the series are kept under, when they are (see [`TrendCache::charts`]).
    pub kept_as: Option<Key>,
}

/// What the trends are made of, apart from the case.
struct Made {
    series: Vec<TrendSeries>,
    saved_versions: usize,
    finished_checks: usize,
    is_empty: bool,
}

/// Everything the series are made from: the case, its network revision and measurement
/// revision (both new numbers with every change, set by the database in the same transaction;
/// see [`steunkring_store::CasePage::measure_revision`]) and today, the last point.
pub type Key = (String, i64, i64, chrono::NaiveDate);

/// At most this many cases' series are kept; an entry is a few kilobytes.
const CAPACITY: usize = 1024;

/// The series of recently viewed cases, kept in process memory like the drawn map
/// ([`crate::drawn`]): keyed by everything they are made from, so nothing is ever invalidated
/// and a stale series cannot be shown. Only derived figures are kept; every view first reads
/// the case and both revisions through the policy.
pub struct TrendCache {
    entries: Kept<Key, Arc<Made>>,
    /// The charts and tables drawn from kept series, per language.
    charts: Kept<(Key, Lang), Arc<Vec<ChartView>>>,
}

impl Default for TrendCache {
    fn default() -> Self {
        TrendCache {
            entries: Kept::new(CAPACITY),
            charts: Kept::new(CAPACITY),
        }
    }
}

impl TrendCache {
    /// The charts of series kept under `key` in `lang`, drawn by `draw` once; without a key
    /// they are drawn and not kept.
    pub fn charts(
        &self,
        key: Option<&Key>,
        lang: Lang,
        draw: impl FnOnce() -> Vec<ChartView>,
    ) -> Arc<Vec<ChartView>> {
        let Some(key) = key else {
            return Arc::new(draw());
        };
        let key = (key.clone(), lang);
        match self.charts.get(&key) {
            Some(kept) => kept,
            None => self.charts.insert(key, Arc::new(draw())),
        }
    }
}

/// Loads the trends of a case for `actor`: 404 unless the policy allows
/// [`CaseAction::ReadTrends`] (the refusal audited), and the view audited as a read of
/// `trends`.
///
/// The case and today's network come from [`Store::case_page`](steunkring_store::Store::case_page),
/// which keeps the parsed network per case and revision; the series are kept per case,
/// network revision, measurement revision and day. A view of unchanged measurements reads the
/// case with its two revisions, one statement, and nothing else. The rest is read only once the policy has
/// allowed the view.
pub async fn load(
    state: &AppState,
    actor: &Actor,
    id: &CaseId,
    addr: &str,
) -> Result<CaseTrends, CaseAccessError> {
    let scope = OrgScope::of(actor);
    let parts = |c: &Case| CasePageParts {
        network: may(actor, CaseAction::ReadTrends, c),
        ..CasePageParts::default()
    };
    let found = state.store.case_page(&scope, id, &parts).await;
    let page = admit(state, actor, id, CaseAction::ReadTrends, addr, found).await?;
    let key = page.network_revision.map(|network| {
        (
            id.as_str().to_string(),
            network,
            page.measure_revision,
            today(),
        )
    });
    let kept = key.as_ref().and_then(|k| state.trends.entries.get(k));
    let made = match (kept, &key) {
        (Some(made), _) => made,
        (None, Some(key)) => {
            let made = Arc::new(make(state, &scope, id, &page.network).await?);
            state.trends.entries.insert(key.clone(), made)
        }
        (None, None) => Arc::new(make(state, &scope, id, &page.network).await?),
    };
    record_read(state, actor, &page.case, "trends", addr).await?;
    Ok(CaseTrends {
        case: page.case,
        series: made.series.clone(),
        saved_versions: made.saved_versions,
        finished_checks: made.finished_checks,
        is_empty: made.is_empty,
        kept_as: key,
    })
}

/// Reads the saved maps, checks and self-reports and makes the series, with `current` as
/// today's network.
async fn make(
    state: &AppState,
    scope: &OrgScope,
    id: &CaseId,
    current: &Network,
) -> Result<Made, CaseAccessError> {
    let (versions, checks, reports) = tokio::try_join!(
        state.store.version_networks(scope, id),
        state.store.support_checks(scope, id),
        state.store.self_reports(scope, id),
    )?;
    let mut networks: Vec<NetworkAt<'_>> = versions
        .iter()
        .map(|(v, n)| NetworkAt {
            on: v.taken_on,
            members: &n.members,
            ties: &n.ties,
        })
        .collect();
    networks.push(NetworkAt {
        on: today(),
        members: &current.members,
        ties: &current.ties,
    });
    let checks: Vec<SupportCheck> = checks.into_iter().map(|c| c.check).collect();
    let finished_checks = checks.iter().filter(|c| c.is_finished()).count();
    let reports: Vec<SelfReport> = reports.into_iter().map(|r| r.report).collect();
    let series = trends(&TrendInput {
        networks: &networks,
        checks: &checks,
        self_reports: &reports,
    });
    Ok(Made {
        is_empty: versions.is_empty()
            && current.members.is_empty()
            && finished_checks == 0
            && reports.is_empty(),
        saved_versions: versions.len(),
        finished_checks,
        series,
    })
}

/// A value as a person reads it: counts whole, shares as a percentage, means and grades with
/// one decimal at most, the page's decimal sign; "–" for unknown.
pub fn value_text(lang: Lang, measure: Measure, value: Option<f64>) -> String {
    let Some(v) = value.filter(|v| v.is_finite()) else {
        return "–".into();
    };
    let text = if measure.is_share() {
        format!("{:.0}%", v * 100.0)
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    };
    if lang == Lang::Nl {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The series' name in the person's language.
pub fn series_name(tr: &Tr, measure: Measure) -> String {
    tr.t(measure.label_key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_people_write_them() {
        assert_eq!(value_text(Lang::Nl, Measure::NetworkSize, Some(7.0)), "7");
        assert_eq!(
            value_text(Lang::Nl, Measure::InformalShare, Some(2.0 / 3.0)),
            "67%"
        );
        assert_eq!(
            value_text(Lang::Nl, Measure::PerceivedConcrete, Some(2.5)),
            "2,5"
        );
        assert_eq!(
            value_text(Lang::En, Measure::PerceivedConcrete, Some(2.24)),
            "2.2"
        );
        assert_eq!(value_text(Lang::En, Measure::FeelsSupported, None), "–");
        assert_eq!(
            value_text(Lang::En, Measure::SupportGaps, Some(f64::NAN)),
            "–"
        );
    }
}
