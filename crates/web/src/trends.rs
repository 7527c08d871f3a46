//! What the trend page and the trends API share: loading a case's history in a fixed number of
//! statements (the case, every saved map version at once, the current map, the support
//! checks, the self-reports), turning it into series with the domain's [`trends`], and writing
//! values the way a person reads them.

use crate::cases::{CaseAccessError, admit, may};
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use crate::support::{record_read, today};
use steunkring_domain::Actor;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{SelfReport, SupportCheck};
use steunkring_domain::policy::CaseAction;
use steunkring_domain::trend::{Measure, NetworkAt, TrendInput, TrendSeries, trends};
use steunkring_store::{Case, CasePageParts, OrgScope};

/// A case's trends, ready to draw.
pub struct CaseTrends {
    pub case: Case,
    /// Every measure of [`Measure::ALL`], in that order.
    pub series: Vec<TrendSeries>,
    pub saved_versions: usize,
    pub finished_checks: usize,
    /// Nothing to show yet: no saved version, nobody on the map, no finished check.
    pub is_empty: bool,
}

/// Loads the trends of a case for `actor`: 404 unless the policy allows
/// [`CaseAction::ReadTrends`] (the refusal audited), and the view audited as a read of
/// `trends`.
///
/// The case and today's network come from [`Store::case_page`](steunkring_store::Store::case_page),
/// which keeps the parsed network per case and revision: a view of an unchanged network reads
/// no member or tie. The rest is read only once the policy has allowed the view.
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
    let (versions, checks, reports) = tokio::try_join!(
        state.store.version_networks(&scope, id),
        state.store.support_checks(&scope, id),
        state.store.self_reports(&scope, id),
    )?;
    let (case, current) = (page.case, page.network);
    record_read(state, actor, &case, "trends", addr).await?;
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
    Ok(CaseTrends {
        is_empty: versions.is_empty()
            && current.members.is_empty()
            && finished_checks == 0
            && reports.is_empty(),
        saved_versions: versions.len(),
        finished_checks,
        series,
        case,
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
