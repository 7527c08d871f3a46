//! A case over time: the network's indicators at every saved version and now, the perceived
//! support of every finished support check, and the young person's self-reports, as dated
//! series that the trend page draws and the API returns.
//!
//! Each [`Measure`] is one series; measures that share a scale share a [`TrendChart`]. A point
//! is `(date, value)`; a value is `None` where the measure is unknown at that moment (a mean
//! of nobody), which breaks the line instead of drawing a 0. Series come in
//! [`Measure::ALL`] order, points by date (stable: two versions of one day keep their order).
//!
//! New kinds of measurement join by adding their measures here and their inputs to
//! [`TrendInput`]; the page and the API follow the list.

use crate::measure::{SelfReport, Summary, SupportCheck, SupportKind};
use crate::network::{Indicators, NetworkMember, Tie};
use chrono::NaiveDate;
use serde::Serialize;

/// One line on a trend chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Everyone on the map.
    NetworkSize,
    /// The map without professionals ([`NetworkMember::is_informal`]).
    InformalSize,
    /// Informal members ÷ everyone, 0–1 (0 for an empty map, as the indicators have it).
    InformalShare,
    /// Support types with fewer than two informal providers ([`Indicators::gaps`]).
    SupportGaps,
    /// Mean perceived concrete support over every answered member of a finished check, 1–3.
    PerceivedConcrete,
    PerceivedEmotional,
    PerceivedInformational,
    /// The young person's grades, 0–10.
    FeelsSupported,
    SatisfiedWithHelp,
    SatisfiedWithSupportFigures,
}

/// A group of measures drawn together because they share a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TrendChart {
    NetworkSize,
    InformalShare,
    SupportGaps,
    PerceivedSupport,
    SelfReport,
}

impl TrendChart {
    pub const ALL: [TrendChart; 5] = [
        TrendChart::NetworkSize,
        TrendChart::InformalShare,
        TrendChart::SupportGaps,
        TrendChart::PerceivedSupport,
        TrendChart::SelfReport,
    ];

    /// The range the y axis must show: counts from 0 (the top follows the data), shares 0–1,
    /// SSNM ratings 1–3, grades 0–10.
    pub fn scale(self) -> (f64, f64) {
        match self {
            TrendChart::NetworkSize => (0.0, 5.0),
            TrendChart::InformalShare => (0.0, 1.0),
            TrendChart::SupportGaps => (0.0, crate::network::SupportType::ALL.len() as f64),
            TrendChart::PerceivedSupport => (1.0, 3.0),
            TrendChart::SelfReport => (0.0, 10.0),
        }
    }

    /// The chart's heading (a message key).
    pub fn label_key(self) -> &'static str {
        match self {
            TrendChart::NetworkSize => "trend-chart-network-size",
            TrendChart::InformalShare => "trend-chart-informal-share",
            TrendChart::SupportGaps => "trend-chart-support-gaps",
            TrendChart::PerceivedSupport => "trend-chart-perceived-support",
            TrendChart::SelfReport => "trend-chart-self-report",
        }
    }

    /// Its measures, in order.
    pub fn measures(self) -> impl Iterator<Item = Measure> {
        Measure::ALL.into_iter().filter(move |m| m.chart() == self)
    }
}

impl Measure {
    pub const ALL: [Measure; 10] = [
        Measure::NetworkSize,
        Measure::InformalSize,
        Measure::InformalShare,
        Measure::SupportGaps,
        Measure::PerceivedConcrete,
        Measure::PerceivedEmotional,
        Measure::PerceivedInformational,
        Measure::FeelsSupported,
        Measure::SatisfiedWithHelp,
        Measure::SatisfiedWithSupportFigures,
    ];

    pub fn chart(self) -> TrendChart {
        match self {
            Measure::NetworkSize | Measure::InformalSize => TrendChart::NetworkSize,
            Measure::InformalShare => TrendChart::InformalShare,
            Measure::SupportGaps => TrendChart::SupportGaps,
            Measure::PerceivedConcrete
            | Measure::PerceivedEmotional
            | Measure::PerceivedInformational => TrendChart::PerceivedSupport,
            Measure::FeelsSupported
            | Measure::SatisfiedWithHelp
            | Measure::SatisfiedWithSupportFigures => TrendChart::SelfReport,
        }
    }

    /// The series' name (a message key).
    pub fn label_key(self) -> &'static str {
        match self {
            Measure::NetworkSize => "trend-network-size",
            Measure::InformalSize => "trend-informal-size",
            Measure::InformalShare => "trend-informal-share",
            Measure::SupportGaps => "trend-support-gaps",
            Measure::PerceivedConcrete => SupportKind::Concrete.label_key(),
            Measure::PerceivedEmotional => SupportKind::Emotional.label_key(),
            Measure::PerceivedInformational => SupportKind::Informational.label_key(),
            Measure::FeelsSupported => "self-report-feels-supported",
            Measure::SatisfiedWithHelp => "self-report-satisfied-with-help",
            Measure::SatisfiedWithSupportFigures => "self-report-satisfied-with-support-figures",
        }
    }

    /// Whether values are shares (0–1), shown as percentages.
    pub fn is_share(self) -> bool {
        self == Measure::InformalShare
    }
}

/// The network at one moment: a saved version, or the map as it is today.
#[derive(Debug, Clone, Copy)]
pub struct NetworkAt<'a> {
    pub on: NaiveDate,
    pub members: &'a [NetworkMember],
    pub ties: &'a [Tie],
}

/// What the trends are made of. Unfinished checks are left out: their scores can still change.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrendInput<'a> {
    /// Saved versions and the current map, in any order.
    pub networks: &'a [NetworkAt<'a>],
    pub checks: &'a [SupportCheck],
    pub self_reports: &'a [SelfReport],
}

/// One measurement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TrendPoint {
    pub on: NaiveDate,
    pub value: Option<f64>,
}

/// One measure over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendSeries {
    pub measure: Measure,
    pub points: Vec<TrendPoint>,
}

impl TrendSeries {
    /// Whether any point has a value to draw.
    pub fn has_values(&self) -> bool {
        self.points.iter().any(|p| p.value.is_some())
    }
}

fn count(n: usize) -> Option<f64> {
    Some(n as f64)
}

fn network_value(measure: Measure, ind: &Indicators) -> Option<f64> {
    match measure {
        Measure::NetworkSize => count(ind.size.all),
        Measure::InformalSize => count(ind.size.informal),
        Measure::InformalShare => Some(ind.informal_share),
        Measure::SupportGaps => count(ind.gaps.len()),
        _ => None,
    }
}

fn check_value(measure: Measure, s: &Summary) -> Option<f64> {
    let kind = match measure {
        Measure::PerceivedConcrete => SupportKind::Concrete,
        Measure::PerceivedEmotional => SupportKind::Emotional,
        Measure::PerceivedInformational => SupportKind::Informational,
        _ => return None,
    };
    s.perceived.get(kind).mean
}

fn report_value(measure: Measure, r: &SelfReport) -> Option<f64> {
    let grade = match measure {
        Measure::FeelsSupported => Some(r.feels_supported),
        Measure::SatisfiedWithHelp => Some(r.satisfied_with_help),
        Measure::SatisfiedWithSupportFigures => r.satisfied_with_support_figures,
        _ => None,
    };
    grade.map(|g| f64::from(g.value()))
}

/// Every measure of [`Measure::ALL`] as a series, points by date. A measure whose source has
/// no moments has no points (the page leaves such a chart out).
pub fn trends(input: &TrendInput<'_>) -> Vec<TrendSeries> {
    let networks: Vec<(NaiveDate, Indicators)> = input
        .networks
        .iter()
        .map(|n| (n.on, Indicators::compute(n.members, n.ties)))
        .collect();
    let checks: Vec<(NaiveDate, Summary)> = input
        .checks
        .iter()
        .filter_map(|c| {
            let on = c.finished_on()?;
            let answers: Vec<_> = c.answers().iter().collect();
            Some((on, Summary::of(&answers)))
        })
        .collect();
    Measure::ALL
        .into_iter()
        .map(|measure| {
            let mut points: Vec<TrendPoint> = match measure.chart() {
                TrendChart::NetworkSize | TrendChart::InformalShare | TrendChart::SupportGaps => {
                    networks
                        .iter()
                        .map(|(on, ind)| TrendPoint {
                            on: *on,
                            value: network_value(measure, ind),
                        })
                        .collect()
                }
                TrendChart::PerceivedSupport => checks
                    .iter()
                    .map(|(on, s)| TrendPoint {
                        on: *on,
                        value: check_value(measure, s),
                    })
                    .collect(),
                TrendChart::SelfReport => input
                    .self_reports
                    .iter()
                    .map(|r| TrendPoint {
                        on: r.answered_on,
                        value: report_value(measure, r),
                    })
                    .collect(),
            };
            points.sort_by_key(|p| p.on);
            TrendSeries { measure, points }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::{Closeness, Grade, MemberAnswer, Rating, Respondent, SupportScores};
    use crate::network::{
        ContactFrequency, Direction, KnownYears, Level, MemberId, Ring, Sector, Stance, Support,
        SupportType, TieKind,
    };

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or(NaiveDate::MIN)
    }

    fn member(name: &str, level: Level, gives: &[SupportType]) -> NetworkMember {
        NetworkMember {
            id: MemberId::from_stored(name),
            name: name.into(),
            relation: String::new(),
            ring: Ring::Middle,
            sector: Sector::Family,
            level: Some(level),
            support: gives
                .iter()
                .map(|kind| Support {
                    kind: *kind,
                    direction: Direction::ToYouth,
                })
                .collect(),
            tie_quality: None,
            stance: Stance::Accepted,
            roles: vec![],
            protective: None,
            risk: None,
            available: true,
            is_adult: true,
            known_years: None,
            contact_frequency: None,
        }
    }

    fn answer(who: &str, c: usize, e: usize, i: usize) -> MemberAnswer {
        let scores = SupportScores {
            concrete: Rating::ALL[c - 1],
            emotional: Rating::ALL[e - 1],
            informational: Rating::ALL[i - 1],
        };
        MemberAnswer {
            member: MemberId::from_stored(who),
            perceived: scores,
            received: scores,
            criticalness: Rating::HardlyEver,
            direction: Direction::Mutual,
            closeness: Closeness::VeryClose,
            seen: ContactFrequency::ALL[0],
            known: KnownYears::MoreThanFive,
        }
    }

    fn values(series: &[TrendSeries], measure: Measure) -> Vec<(NaiveDate, Option<f64>)> {
        series
            .iter()
            .find(|s| s.measure == measure)
            .map(|s| s.points.iter().map(|p| (p.on, p.value)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn network_series_per_version_and_now() {
        use SupportType::*;
        // 1 March: mother (informal, emotional + concrete) and a social worker.
        let v1 = vec![
            member(
                "mother",
                Level::VoluntaryIndividual,
                &[Emotional, Practical],
            ),
            member("worker", Level::ProfessionalIndividual, &[Advice]),
        ];
        // 20 March (today): grandmother joins with emotional support, tied to mother.
        let mut now = v1.clone();
        now.push(member("oma", Level::VoluntaryIndividual, &[Emotional]));
        let ties = vec![Tie {
            from: MemberId::from_stored("mother"),
            to: MemberId::from_stored("oma"),
            kind: TieKind::ALL[0],
        }];
        // Given newest first: the series still run by date.
        let networks = [
            NetworkAt {
                on: day(20),
                members: &now,
                ties: &ties,
            },
            NetworkAt {
                on: day(1),
                members: &v1,
                ties: &[],
            },
        ];
        let series = trends(&TrendInput {
            networks: &networks,
            ..TrendInput::default()
        });
        assert_eq!(
            series.iter().map(|s| s.measure).collect::<Vec<_>>(),
            Measure::ALL
        );
        assert_eq!(
            values(&series, Measure::NetworkSize),
            vec![(day(1), Some(2.0)), (day(20), Some(3.0))]
        );
        assert_eq!(
            values(&series, Measure::InformalSize),
            vec![(day(1), Some(1.0)), (day(20), Some(2.0))]
        );
        // 1 of 2, then 2 of 3.
        assert_eq!(
            values(&series, Measure::InformalShare),
            vec![(day(1), Some(0.5)), (day(20), Some(2.0 / 3.0))]
        );
        // 7 support types; on 1 March every type has fewer than two informal providers (7
        // gaps); on 20 March emotional has two (mother, oma): 6 gaps.
        assert_eq!(
            values(&series, Measure::SupportGaps),
            vec![(day(1), Some(7.0)), (day(20), Some(6.0))]
        );
        // No checks, no self-reports: no points.
        assert!(values(&series, Measure::PerceivedConcrete).is_empty());
        assert!(values(&series, Measure::FeelsSupported).is_empty());
    }

    #[test]
    fn check_series_take_finished_checks_only() {
        let members = [MemberId::from_stored("a"), MemberId::from_stored("b")];
        let mut first = SupportCheck::start(Respondent::Youth, day(2));
        assert!(first.record(answer("a", 3, 2, 1), &members).is_ok());
        assert!(first.record(answer("b", 2, 2, 2), &members).is_ok());
        assert!(first.finish(day(4)).is_ok());
        let mut second = SupportCheck::start(Respondent::Youth, day(10));
        assert!(second.record(answer("a", 3, 3, 3), &members).is_ok());
        assert!(second.finish(day(10)).is_ok());
        let mut open = SupportCheck::start(Respondent::Parent, day(12));
        assert!(open.record(answer("a", 1, 1, 1), &members).is_ok());
        let checks = [second, open, first];
        let series = trends(&TrendInput {
            checks: &checks,
            ..TrendInput::default()
        });
        // Dated by finishing day. First check: concrete (3 + 2) / 2 = 2.5, emotional 2,
        // informational (1 + 2) / 2 = 1.5; second: 3 everywhere. The open check is left out.
        assert_eq!(
            values(&series, Measure::PerceivedConcrete),
            vec![(day(4), Some(2.5)), (day(10), Some(3.0))]
        );
        assert_eq!(
            values(&series, Measure::PerceivedEmotional),
            vec![(day(4), Some(2.0)), (day(10), Some(3.0))]
        );
        assert_eq!(
            values(&series, Measure::PerceivedInformational),
            vec![(day(4), Some(1.5)), (day(10), Some(3.0))]
        );
        assert!(values(&series, Measure::NetworkSize).is_empty());
    }

    #[test]
    fn self_report_series_leave_a_gap_for_a_skipped_grade() {
        let grade = |n: i64| Grade::from_number("g", n).unwrap_or_else(|_| unreachable!());
        let reports = [
            SelfReport {
                answered_on: day(15),
                feels_supported: grade(7),
                satisfied_with_help: grade(8),
                satisfied_with_support_figures: Some(grade(9)),
                open_answer: None,
            },
            SelfReport {
                answered_on: day(3),
                feels_supported: grade(4),
                satisfied_with_help: grade(6),
                satisfied_with_support_figures: None,
                open_answer: None,
            },
        ];
        let series = trends(&TrendInput {
            self_reports: &reports,
            ..TrendInput::default()
        });
        assert_eq!(
            values(&series, Measure::FeelsSupported),
            vec![(day(3), Some(4.0)), (day(15), Some(7.0))]
        );
        assert_eq!(
            values(&series, Measure::SatisfiedWithHelp),
            vec![(day(3), Some(6.0)), (day(15), Some(8.0))]
        );
        assert_eq!(
            values(&series, Measure::SatisfiedWithSupportFigures),
            vec![(day(3), None), (day(15), Some(9.0))]
        );
        let figures = series
            .iter()
            .find(|s| s.measure == Measure::SatisfiedWithSupportFigures);
        assert!(figures.is_some_and(TrendSeries::has_values));
    }

    #[test]
    fn every_measure_has_one_chart_and_every_chart_a_measure() {
        for chart in TrendChart::ALL {
            assert!(chart.measures().count() > 0, "{chart:?}");
            let (lo, hi) = chart.scale();
            assert!(lo < hi);
        }
        assert_eq!(
            TrendChart::ALL
                .iter()
                .map(|c| c.measures().count())
                .sum::<usize>(),
            Measure::ALL.len()
        );
    }
}
