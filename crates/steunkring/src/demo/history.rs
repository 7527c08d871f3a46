//! Two years of measurements for every demo case, so that the analyst's dashboard has something
//! to count and its speed can be measured on a realistic database: the first and a later saved
//! map (the network grows), a support check about every three months (the last one sometimes
//! unfinished), a screening, a few self-reports, outcomes for a share of the cases, support
//! figures, plans whose actions are sometimes held by someone of the network, and concerns.
//! A case whose two years are over is closed. Deterministic from the seed; loaded in bulk, one
//! transaction per batch of cases.

use chrono::{Days, Months, NaiveDate};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;
use steunkring_domain::concern::Seriousness;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{
    DomainAnswer, MemberAnswer, OutcomeKind, RawMemberAnswer, Respondent, ScreeningDomain,
    SupportCheck,
};
use steunkring_domain::network::{MemberId, NetworkMember, NumberOrText};
use steunkring_store::{
    CaseHistory, HistoryAction, HistoryConcern, HistoryFigure, HistorySelfReport, ImportedCase,
    Network,
};

/// The share of cases with an outcome, with a nominated support figure, and with a concern.
const OUTCOME_SHARE: f64 = 0.35;
const FIGURE_SHARE: f64 = 0.4;
const CONCERN_SHARE: f64 = 0.25;
/// The chance that a plan action is held by someone of the network (about 4 in 10 plans then
/// have one, the national figure).
const NETWORK_ACTION: f64 = 0.17;

/// Makes the histories of demo cases.
pub struct HistoryMaker {
    rng: StdRng,
    today: NaiveDate,
}

/// The first `share` of the members (at least one when there are any), with the ties among
/// them: the map as it was earlier.
fn earlier(case: &ImportedCase, share: f64) -> Network {
    let n = ((case.members.len() as f64 * share).ceil() as usize).min(case.members.len());
    let members: Vec<NetworkMember> = case.members[..n].to_vec();
    let ids: Vec<&MemberId> = members.iter().map(|m| &m.id).collect();
    let ties = case
        .ties
        .iter()
        .filter(|t| ids.contains(&&t.from) && ids.contains(&&t.to))
        .cloned()
        .collect();
    Network { members, ties }
}

fn answer(m: &NetworkMember, rating: i64) -> Option<MemberAnswer> {
    let n = |x| Some(NumberOrText::Number(x));
    MemberAnswer::parse(&RawMemberAnswer {
        member: m.id.as_str().to_string(),
        perceived_concrete: n(rating),
        perceived_emotional: n(rating),
        perceived_informational: n(rating),
        received_concrete: n(rating),
        received_emotional: n(rating),
        received_informational: n(rating),
        criticalness: n(1),
        direction: Some("mutual".into()),
        closeness: n(rating),
        seen: n(3),
        known: Some("more_than_five".into()),
    })
    .ok()
}

impl HistoryMaker {
    pub fn new(seed: u64, today: NaiveDate) -> HistoryMaker {
        HistoryMaker {
            rng: StdRng::seed_from_u64(seed),
            today,
        }
    }

    fn day_between(&mut self, from: NaiveDate, until: NaiveDate) -> NaiveDate {
        let span = (until - from).num_days().max(0) as u64;
        from.checked_add_days(Days::new(self.rng.random_range(0..=span)))
            .unwrap_or(from)
    }

    /// The history of `case` (stored as `id`); `with_plan` false for a case that has a plan
    /// already; `may_close` false for a case that must stay open (the benchmark case). A case
    /// whose two years are over is closed.
    pub fn history(
        &mut self,
        id: &CaseId,
        case: &ImportedCase,
        with_plan: bool,
        may_close: bool,
    ) -> CaseHistory {
        let opened = case.opened_on;
        let two_years = opened.checked_add_months(Months::new(24)).unwrap_or(opened);
        let end = two_years.min(self.today);
        let closed_on = (may_close && two_years <= self.today).then_some(two_years);
        let informal: Vec<&NetworkMember> =
            case.members.iter().filter(|m| m.is_informal()).collect();
        let mut h = CaseHistory {
            case: id.clone(),
            versions: vec![(opened, earlier(case, 0.4))],
            checks: Vec::new(),
            screenings: Vec::new(),
            self_reports: Vec::new(),
            outcomes: Vec::new(),
            figures: Vec::new(),
            actions: Vec::new(),
            concerns: Vec::new(),
            closed_on,
        };
        if (end - opened).num_days() > 60 {
            let on = self.day_between(opened + chrono::Duration::days(60), end);
            h.versions.push((on, earlier(case, 0.8)));
        }
        // A support check every three months, about the first informal member.
        let ids: Vec<MemberId> = case.members.iter().map(|m| m.id.clone()).collect();
        let mut on = opened + chrono::Duration::days(14);
        while on <= end {
            let respondent = match self.rng.random_range(0..3) {
                0 => Respondent::Youth,
                1 => Respondent::Parent,
                _ => Respondent::Professional,
            };
            let mut check = SupportCheck::start(respondent, on);
            let next = on.checked_add_months(Months::new(3)).unwrap_or(end);
            let last = next > end;
            let rating = self.rng.random_range(1..=3);
            if let Some(a) = informal
                .first()
                .copied()
                .or(case.members.first())
                .and_then(|m| answer(m, rating))
            {
                let _ = check.record(a, &ids);
            }
            let unfinished = last && self.rng.random_bool(0.3);
            if !unfinished && !check.answers().is_empty() {
                let _ = check.finish(on + chrono::Duration::days(7));
            }
            h.checks.push(check);
            on = next;
        }
        // The screening at the start.
        let domains: BTreeMap<ScreeningDomain, DomainAnswer> = ScreeningDomain::ALL
            .iter()
            .map(|d| {
                (
                    *d,
                    DomainAnswer {
                        problem: self.rng.random_bool(0.45),
                        note: None,
                    },
                )
            })
            .collect();
        let problems = domains.values().filter(|a| a.problem).count();
        h.screenings.push((
            opened + chrono::Duration::days(7),
            serde_json::to_string(&domains).unwrap_or_else(|_| "{}".into()),
            u8::try_from(problems).unwrap_or(0),
        ));
        // Self-reports about every eight months.
        let mut on = opened + chrono::Duration::days(30);
        while on <= end {
            h.self_reports.push(HistorySelfReport {
                answered_on: on,
                feels_supported: self.rng.random_range(3..=9),
                satisfied_with_help: self.rng.random_range(4..=9),
                satisfied_with_support_figures: None,
            });
            on = on
                .checked_add_months(Months::new(8))
                .unwrap_or(end + chrono::Duration::days(1));
        }
        if self.rng.random_bool(OUTCOME_SHARE) {
            let kind = OutcomeKind::ALL[self.rng.random_range(0..OutcomeKind::ALL.len())];
            let on = self.day_between(opened, end);
            h.outcomes.push((kind, on));
        }
        if let Some(m) = informal
            .iter()
            .find(|m| m.is_adult)
            .filter(|_| self.rng.random_bool(FIGURE_SHARE))
        {
            let nominated_on = self.day_between(opened, end);
            let accepted_on = self
                .rng
                .random_bool(0.75)
                .then(|| nominated_on + chrono::Duration::days(14))
                .filter(|d| *d <= self.today);
            h.figures.push(HistoryFigure {
                member: m.id.clone(),
                name: m.name.clone(),
                kind: "jim",
                nominated_on,
                own_words: format!("{} is er altijd voor mij.", m.name),
                accepted_on,
            });
        }
        if with_plan {
            for (i, what) in [
                "Wekelijks samen koken",
                "Huiswerkbegeleiding op dinsdag",
                "Afspraak met school over verzuim",
            ]
            .into_iter()
            .enumerate()
            {
                let network = informal
                    .get(i)
                    .filter(|_| self.rng.random_bool(NETWORK_ACTION));
                let (performer, member) = match network {
                    Some(m) => (format!("member:{}", m.id), Some(m.id.clone())),
                    None if i == 0 => ("youth".to_string(), None),
                    None => ("parent:0".to_string(), None),
                };
                let status = ["open", "doing", "done", "stopped"][self.rng.random_range(0..4)];
                h.actions.push(HistoryAction {
                    what: what.to_string(),
                    performer,
                    member,
                    due_on: Some(self.day_between(opened, end + chrono::Duration::days(60))),
                    status,
                });
            }
        }
        if self.rng.random_bool(CONCERN_SHARE) {
            let seriousness = Seriousness::ALL[self.rng.random_range(0..3)];
            let about = informal.last().map(|m| (m.id.clone(), m.name.clone()));
            let registered_on = self.day_between(opened, end);
            h.concerns.push(HistoryConcern {
                about_member: about,
                what: "Zorgen over de afspraken met het netwerk.".into(),
                seriousness,
                registered_on,
                closed_on: self
                    .rng
                    .random_bool(0.5)
                    .then(|| registered_on + chrono::Duration::days(21))
                    .filter(|d| *d <= self.today),
            });
        }
        h
    }
}
