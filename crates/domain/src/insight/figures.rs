//! The analyst's figures (*inzicht*): counts over an organisation's cases, by setting, team and
//! period, made into tables and suppressed with the rules of [`super`].
//!
//! The store hands over a small **cube**: for every combination of setting, team and "open in
//! the asked period or not" the counts of [`CaseCounts`] — never a row per case. Every figure
//! for any filter from the fixed lists is a sum over that cube, so the filtered table and every
//! wider one it must be checked against come from one read.
//!
//! **Filters** come from fixed lists only ([`Period::choices`], the settings, the
//! organisation's teams). A table under a filter is published with [`suppress_nested`] against
//! every wider filter it is nested in — the same filter with one or more of its choices widened
//! to "all", down to the unfiltered table — each of which is published the same way first. So a
//! published filtered count never differs from the same count under a wider filter by 1 to 9,
//! and never shows what a wider table hides. Known limit: two filters that are not nested (two
//! different years, two teams) are not checked against each other; a case open in both years
//! is in both. The threshold of 10 on every published count still holds for them.

use super::{CountTable, MIN_CELL, PublishedTable, TableError, share, suppress, suppress_nested};
use crate::case::Setting;
use crate::concern::Seriousness;
use crate::measure::OutcomeKind;
use crate::network::{Indicators, NetworkMember, SupportType, Tie};
use crate::{FieldError, TeamId};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The national share of cases whose network takes part in the plan (an action held by someone
/// of the network), from the sources: 4 in 10.
pub const NATIONAL_NETWORK_IN_PLAN: f64 = 0.4;

/// Network size groups: 0–4, 5–9, 10–14 and 15 or more members.
pub const SIZE_GROUPS: [&str; 4] = ["0-4", "5-9", "10-14", "15+"];
/// Informal share groups, in percent: below 25, 25–49, 50–74, 75 and more.
pub const SHARE_GROUPS: [&str; 4] = ["0-24", "25-49", "50-74", "75-100"];

/// The size group of a network of `members`.
pub fn size_group(members: u64) -> usize {
    match members {
        0..=4 => 0,
        5..=9 => 1,
        10..=14 => 2,
        _ => 3,
    }
}

/// The informal share group of `informal` of `members` (an empty network is in the first).
pub fn share_group(informal: u64, members: u64) -> usize {
    if members == 0 {
        return 0;
    }
    match informal.saturating_mul(100) / members {
        0..=24 => 0,
        25..=49 => 1,
        50..=74 => 2,
        _ => 3,
    }
}

/// What a saved map keeps for the aggregates beside its snapshot: how many members are informal,
/// and which support types have a gap, as a bit mask (bit `i` for `SupportType::ALL[i]`).
pub fn map_summary(members: &[NetworkMember], ties: &[Tie]) -> (u64, u8) {
    let ind = Indicators::compute(members, ties);
    let mask = SupportType::ALL
        .iter()
        .enumerate()
        .filter(|(_, t)| ind.gaps.contains(t))
        .fold(0u8, |m, (i, _)| m | (1 << i));
    (ind.size.informal as u64, mask)
}

/// A period from the fixed list: all time, or a calendar year. A case counts in a period when
/// it was open at any time in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    All,
    Year(i32),
}

impl Period {
    /// The choices on offer on `today`: all time, this year and the two before.
    pub fn choices(today: NaiveDate) -> Vec<Period> {
        let y = today.year();
        vec![
            Period::All,
            Period::Year(y),
            Period::Year(y - 1),
            Period::Year(y - 2),
        ]
    }

    /// `all` (or nothing) or one of the years on offer.
    pub fn parse(raw: &str, today: NaiveDate) -> Result<Period, FieldError> {
        let raw = raw.trim();
        let bad = || FieldError::new("period", "insight-bad-period");
        if raw.is_empty() || raw == "all" {
            return Ok(Period::All);
        }
        let year: i32 = raw.parse().map_err(|_| bad())?;
        Period::choices(today)
            .into_iter()
            .find(|p| *p == Period::Year(year))
            .ok_or_else(bad)
    }

    /// As in a query string: `all` or the year.
    pub fn as_param(self) -> String {
        match self {
            Period::All => "all".to_string(),
            Period::Year(y) => y.to_string(),
        }
    }

    /// The first and last day, or `None` for all time.
    pub fn bounds(self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Period::All => None,
            Period::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
        }
    }
}

/// What the analyst chose; `None` is "all".
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InsightFilter {
    pub period: Period,
    pub setting: Option<Setting>,
    pub team: Option<TeamId>,
}

impl InsightFilter {
    pub const UNFILTERED: InsightFilter = InsightFilter {
        period: Period::All,
        setting: None,
        team: None,
    };

    /// The filter from a query string's three values: each empty or `all`, or one from its
    /// fixed list (`teams` are the organisation's). Every wrong value is reported.
    pub fn parse(
        period: &str,
        setting: &str,
        team: &str,
        teams: &[TeamId],
        today: NaiveDate,
    ) -> Result<InsightFilter, Vec<FieldError>> {
        let mut errors = Vec::new();
        let period = Period::parse(period, today).unwrap_or_else(|e| {
            errors.push(e);
            Period::All
        });
        let all = |raw: &str| raw.trim().is_empty() || raw.trim() == "all";
        let setting = if all(setting) {
            None
        } else {
            Setting::parse(setting).or_else(|| {
                errors.push(FieldError::new("setting", "insight-bad-setting"));
                None
            })
        };
        let team = if all(team) {
            None
        } else {
            teams
                .iter()
                .find(|t| t.as_str() == team.trim())
                .cloned()
                .or_else(|| {
                    errors.push(FieldError::new("team", "insight-bad-team"));
                    None
                })
        };
        if errors.is_empty() {
            Ok(InsightFilter {
                period,
                setting,
                team,
            })
        } else {
            Err(errors)
        }
    }

    pub fn is_unfiltered(&self) -> bool {
        self == &InsightFilter::UNFILTERED
    }

    /// Every filter this one is strictly nested in: each choice kept or widened to "all".
    pub fn wider(&self) -> Vec<InsightFilter> {
        let periods = if self.period == Period::All {
            vec![Period::All]
        } else {
            vec![self.period, Period::All]
        };
        let settings = if self.setting.is_some() {
            vec![self.setting, None]
        } else {
            vec![None]
        };
        let teams = if self.team.is_some() {
            vec![self.team.clone(), None]
        } else {
            vec![None]
        };
        let mut out = Vec::new();
        for period in &periods {
            for setting in &settings {
                for team in &teams {
                    let f = InsightFilter {
                        period: *period,
                        setting: *setting,
                        team: team.clone(),
                    };
                    if &f != self {
                        out.push(f);
                    }
                }
            }
        }
        out
    }
}

/// Counts of cases in one cell of the cube (or a sum of cells). Every field counts cases, or
/// (the `members_*` sums) members over cases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseCounts {
    pub cases: u64,
    /// Cases with a plan action held by an informal member of the network.
    pub network_in_plan: u64,
    /// Cases with at least one support figure who accepted.
    pub with_support_figure: u64,
    /// Cases with a saved map (whose informal count is known).
    pub with_map: u64,
    /// Cases per [`SIZE_GROUPS`] at the first and at the latest saved map.
    pub size_start: [u64; 4],
    pub size_latest: [u64; 4],
    /// Cases per [`SHARE_GROUPS`] at the first and at the latest saved map.
    pub informal_start: [u64; 4],
    pub informal_latest: [u64; 4],
    /// Members (and informal members) summed over the cases with a map, at start and latest.
    pub members_start: u64,
    pub members_latest: u64,
    pub informal_members_start: u64,
    pub informal_members_latest: u64,
    /// Cases whose latest map knows its gaps, and per [`SupportType::ALL`] those with a gap.
    pub with_known_gaps: u64,
    pub gaps: [u64; 7],
    /// Cases with each [`OutcomeKind::ALL`] outcome.
    pub outcomes: [u64; 6],
    /// Cases by their most serious concern, per [`Seriousness::ALL`] (none: the rest).
    pub concerns: [u64; 3],
}

fn add_all<const N: usize>(a: &mut [u64; N], b: &[u64; N]) {
    for (x, y) in a.iter_mut().zip(b) {
        *x = x.saturating_add(*y);
    }
}

impl CaseCounts {
    /// Adds `other` field by field.
    pub fn add(&mut self, other: &CaseCounts) {
        let s = |a: &mut u64, b: u64| *a = a.saturating_add(b);
        s(&mut self.cases, other.cases);
        s(&mut self.network_in_plan, other.network_in_plan);
        s(&mut self.with_support_figure, other.with_support_figure);
        s(&mut self.with_map, other.with_map);
        add_all(&mut self.size_start, &other.size_start);
        add_all(&mut self.size_latest, &other.size_latest);
        add_all(&mut self.informal_start, &other.informal_start);
        add_all(&mut self.informal_latest, &other.informal_latest);
        s(&mut self.members_start, other.members_start);
        s(&mut self.members_latest, other.members_latest);
        s(
            &mut self.informal_members_start,
            other.informal_members_start,
        );
        s(
            &mut self.informal_members_latest,
            other.informal_members_latest,
        );
        s(&mut self.with_known_gaps, other.with_known_gaps);
        add_all(&mut self.gaps, &other.gaps);
        add_all(&mut self.outcomes, &other.outcomes);
        add_all(&mut self.concerns, &other.concerns);
    }
}

/// One cell of the cube the store returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CubeCell {
    pub setting: Setting,
    pub team: TeamId,
    /// Open at some time in the asked period (always true when all time was asked).
    pub in_period: bool,
    pub counts: CaseCounts,
}

/// The counts per setting (in [`Setting::ALL`] order) of the cases under `filter`.
fn per_setting(cube: &[CubeCell], filter: &InsightFilter) -> Vec<CaseCounts> {
    Setting::ALL
        .iter()
        .map(|setting| {
            let mut sum = CaseCounts::default();
            for cell in cube.iter().filter(|c| {
                c.setting == *setting
                    && filter.setting.is_none_or(|s| s == c.setting)
                    && filter.team.as_ref().is_none_or(|t| *t == c.team)
                    && (filter.period == Period::All || c.in_period)
            }) {
                sum.add(&cell.counts);
            }
            sum
        })
        .collect()
}

/// The figures of the dashboard, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// Per setting: network in the plan, not.
    NetworkInPlan,
    /// Per setting: at least one support figure, none.
    SupportFigure,
    /// Start and latest map: cases per size group.
    NetworkSize,
    /// Start and latest map: cases per informal share group.
    InformalShare,
    /// Per support type: cases with a gap, without.
    SupportGaps,
    /// Per outcome: cases with it, without.
    Outcomes,
    /// Per setting: cases by their most serious concern.
    Concerns,
}

impl FigureKind {
    pub const ALL: [FigureKind; 7] = [
        FigureKind::NetworkInPlan,
        FigureKind::SupportFigure,
        FigureKind::NetworkSize,
        FigureKind::InformalShare,
        FigureKind::SupportGaps,
        FigureKind::Outcomes,
        FigureKind::Concerns,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::NetworkInPlan => "network_in_plan",
            FigureKind::SupportFigure => "support_figure",
            FigureKind::NetworkSize => "network_size",
            FigureKind::InformalShare => "informal_share",
            FigureKind::SupportGaps => "support_gaps",
            FigureKind::Outcomes => "outcomes",
            FigureKind::Concerns => "concerns",
        }
    }

    /// Are the rows the settings (and so hidden, but for the chosen one, under a setting
    /// filter)?
    pub fn by_setting(self) -> bool {
        matches!(
            self,
            FigureKind::NetworkInPlan | FigureKind::SupportFigure | FigureKind::Concerns
        )
    }

    /// The row keys.
    pub fn rows(self) -> Vec<&'static str> {
        match self {
            FigureKind::NetworkInPlan | FigureKind::SupportFigure | FigureKind::Concerns => {
                Setting::ALL.iter().map(|s| s.as_str()).collect()
            }
            FigureKind::NetworkSize | FigureKind::InformalShare => vec!["start", "latest"],
            FigureKind::SupportGaps => SupportType::ALL.iter().map(|t| t.as_str()).collect(),
            FigureKind::Outcomes => OutcomeKind::ALL.iter().map(|k| k.as_str()).collect(),
        }
    }

    /// The column keys.
    pub fn columns(self) -> Vec<&'static str> {
        match self {
            FigureKind::NetworkInPlan => vec!["involved", "not_involved"],
            FigureKind::SupportFigure => vec!["with", "without"],
            FigureKind::NetworkSize => SIZE_GROUPS.to_vec(),
            FigureKind::InformalShare => SHARE_GROUPS.to_vec(),
            FigureKind::SupportGaps => vec!["gap", "no_gap"],
            FigureKind::Outcomes => vec!["with", "without"],
            FigureKind::Concerns => {
                let mut c = vec!["none"];
                c.extend(Seriousness::ALL.iter().map(|s| s.as_str()));
                c
            }
        }
    }

    /// The counts of this figure from the per-setting counts.
    fn table(self, by_setting: &[CaseCounts]) -> Result<CountTable, TableError> {
        let mut all = CaseCounts::default();
        for c in by_setting {
            all.add(c);
        }
        let yes_no = |yes: u64, of: u64| vec![yes, of.saturating_sub(yes)];
        let cells: Vec<Vec<u64>> = match self {
            FigureKind::NetworkInPlan => by_setting
                .iter()
                .map(|c| yes_no(c.network_in_plan, c.cases))
                .collect(),
            FigureKind::SupportFigure => by_setting
                .iter()
                .map(|c| yes_no(c.with_support_figure, c.cases))
                .collect(),
            FigureKind::Concerns => by_setting
                .iter()
                .map(|c| {
                    let with: u64 = c.concerns.iter().sum();
                    let mut row = vec![c.cases.saturating_sub(with)];
                    row.extend(c.concerns);
                    row
                })
                .collect(),
            FigureKind::NetworkSize => vec![all.size_start.to_vec(), all.size_latest.to_vec()],
            FigureKind::InformalShare => {
                vec![all.informal_start.to_vec(), all.informal_latest.to_vec()]
            }
            FigureKind::SupportGaps => all
                .gaps
                .iter()
                .map(|g| yes_no(*g, all.with_known_gaps))
                .collect(),
            FigureKind::Outcomes => all.outcomes.iter().map(|o| yes_no(*o, all.cases)).collect(),
        };
        CountTable::new(cells)
    }
}

/// One figure as it may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub kind: FigureKind,
    pub rows: Vec<&'static str>,
    pub columns: Vec<&'static str>,
    /// Which rows to show: under a setting filter, tables by setting show that setting only
    /// (the others are empty by the filter, not by the data).
    pub shown: Vec<bool>,
    pub table: PublishedTable,
}

/// Mean network size and informal share at the first and latest saved map, published only
/// when the number of cases with a map is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkMeans {
    pub cases: u64,
    pub size_start: f64,
    pub size_latest: f64,
    pub informal_share_start: f64,
    pub informal_share_latest: f64,
}

/// The whole dashboard for one filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub filter: InsightFilter,
    pub figures: Vec<Figure>,
    pub means: Option<NetworkMeans>,
}

impl Insights {
    pub fn figure(&self, kind: FigureKind) -> Option<&Figure> {
        self.figures.iter().find(|f| f.kind == kind)
    }

    /// The share of the cases under the filter whose network is in the plan, from published
    /// counts only (`None` when suppressed).
    pub fn network_in_plan_share(&self) -> Option<f64> {
        let f = self.figure(FigureKind::NetworkInPlan)?;
        share(f.table.column_total(0), f.table.grand_total())
    }

    /// The share with at least one support figure, from published counts only.
    pub fn support_figure_share(&self) -> Option<f64> {
        let f = self.figure(FigureKind::SupportFigure)?;
        share(f.table.column_total(0), f.table.grand_total())
    }
}

/// A figure's counts under `filter`, published against every wider filter (see the module
/// documentation).
fn publish(
    cube: &[CubeCell],
    filter: &InsightFilter,
    table: &dyn Fn(&[CaseCounts]) -> Result<CountTable, TableError>,
) -> Result<(CountTable, PublishedTable), TableError> {
    let counts = table(&per_setting(cube, filter))?;
    if filter.is_unfiltered() {
        let published = suppress(&counts);
        return Ok((counts, published));
    }
    let wider = filter
        .wider()
        .iter()
        .map(|w| publish(cube, w, table))
        .collect::<Result<Vec<_>, _>>()?;
    let pairs: Vec<(&CountTable, &PublishedTable)> = wider.iter().map(|(c, p)| (c, p)).collect();
    let published = suppress_nested(&counts, &pairs)?;
    Ok((counts, published))
}

/// The dashboard for `filter` from the store's cube.
pub fn insights(cube: &[CubeCell], filter: &InsightFilter) -> Result<Insights, TableError> {
    let mut figures = Vec::with_capacity(FigureKind::ALL.len());
    for kind in FigureKind::ALL {
        let (_, table) = publish(cube, filter, &|c| kind.table(c))?;
        let rows = kind.rows();
        let shown = rows
            .iter()
            .map(|r| !kind.by_setting() || filter.setting.is_none_or(|s| s.as_str() == *r))
            .collect();
        figures.push(Figure {
            kind,
            rows,
            columns: kind.columns(),
            shown,
            table,
        });
    }
    // The means stand on the number of cases with a map: published as that count would be.
    let (_, base) = publish(cube, filter, &|c| {
        CountTable::new(vec![vec![c.iter().map(|x| x.with_map).sum()]])
    })?;
    let means = match base.grand_total().count() {
        Some(n) if n >= MIN_CELL => {
            let mut all = CaseCounts::default();
            for c in per_setting(cube, filter) {
                all.add(&c);
            }
            let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            Some(NetworkMeans {
                cases: n,
                size_start: ratio(all.members_start, n),
                size_latest: ratio(all.members_latest, n),
                informal_share_start: ratio(all.informal_members_start, all.members_start),
                informal_share_latest: ratio(all.informal_members_latest, all.members_latest),
            })
        }
        _ => None,
    };
    Ok(Insights {
        filter: filter.clone(),
        figures,
        means,
    })
}

#[cfg(test)]
mod tests;
