use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date"))
}

fn team(name: &str) -> TeamId {
    TeamId::from_stored(name)
}

/// A cube cell with `cases`, of which `in_plan` have the network in the plan.
fn cell(setting: Setting, t: &str, in_period: bool, cases: u64, in_plan: u64) -> CubeCell {
    CubeCell {
        setting,
        team: team(t),
        in_period,
        counts: CaseCounts {
            cases,
            network_in_plan: in_plan,
            ..CaseCounts::default()
        },
    }
}

/// Wijkteam: team A 30 cases (12 in the plan) and team B 25 (10); residential: team A 8 (3).
/// Of team A's wijkteam cases, 26 were open in the asked period (10 in the plan).
fn cube() -> Vec<CubeCell> {
    vec![
        cell(Setting::Wijkteam, "a", true, 26, 10),
        cell(Setting::Wijkteam, "a", false, 4, 2),
        cell(Setting::Wijkteam, "b", true, 25, 10),
        cell(Setting::Residential, "a", true, 8, 3),
    ]
}

fn row(kind: FigureKind, setting: Setting) -> usize {
    kind.rows()
        .iter()
        .position(|r| *r == setting.as_str())
        .unwrap_or_else(|| panic!("no row"))
}

#[test]
fn unfiltered_network_in_plan_by_setting() {
    let ins = insights(&cube(), &InsightFilter::UNFILTERED).unwrap_or_else(|e| panic!("{e}"));
    let f = ins
        .figure(FigureKind::NetworkInPlan)
        .unwrap_or_else(|| panic!("figure"));
    let w = row(FigureKind::NetworkInPlan, Setting::Wijkteam);
    let r = row(FigureKind::NetworkInPlan, Setting::Residential);
    // Wijkteam: 55 cases, 22 in the plan, 33 not.
    assert_eq!(f.table.cell(w, 0).count(), Some(22));
    assert_eq!(f.table.cell(w, 1).count(), Some(33));
    assert_eq!(f.table.row_total(w).count(), Some(55));
    // Residential: 3 and 5 of 8 → hidden, the total 8 too.
    assert!(f.table.cell(r, 0).is_suppressed());
    assert!(f.table.cell(r, 1).is_suppressed());
    assert!(f.table.row_total(r).is_suppressed());
    // Overall: 25 of 63 in the plan; the column total of "involved" is 22 + 3 = 25 and
    // "not" 33 + 5 = 38: both published, since the other settings' zero rows take part in
    // the complements.
    assert_eq!(f.table.grand_total().count(), Some(63));
    let share = ins
        .network_in_plan_share()
        .unwrap_or_else(|| panic!("share"));
    assert!((share - 25.0 / 63.0).abs() < 1e-12);
    assert!(f.shown.iter().all(|s| *s));
}

#[test]
fn a_team_filter_cannot_be_subtracted_from_the_whole() {
    // Team B: wijkteam 25 cases (10 in the plan). The whole: wijkteam 55 (22). Subtracting
    // gives team A's wijkteam 30 (12): both at least 10, so team B's row may be published.
    // But the grand totals 63 − 25 = 38 and "involved" 25 − 10 = 15: publishable too.
    // Team A: wijkteam 30 (12, 18), residential 8 (3, 5). Whole − team A for wijkteam is team
    // B's 25 (10, 15): fine; residential 8 − 8 = 0 left out, but the whole hides it.
    let f_a = InsightFilter {
        team: Some(team("a")),
        ..InsightFilter::UNFILTERED
    };
    let whole = insights(&cube(), &InsightFilter::UNFILTERED).unwrap_or_else(|e| panic!("{e}"));
    let a = insights(&cube(), &f_a).unwrap_or_else(|e| panic!("{e}"));
    let kind = FigureKind::NetworkInPlan;
    let (wt, at) = (
        &whole.figure(kind).unwrap_or_else(|| panic!("w")).table,
        &a.figure(kind).unwrap_or_else(|| panic!("a")).table,
    );
    let w = row(kind, Setting::Wijkteam);
    assert_eq!(at.cell(w, 0).count(), Some(12));
    assert_eq!(at.row_total(w).count(), Some(30));
    // Team A's "involved" column total is 12 + 3 = 15 against the whole's 25: 10 left out,
    // allowed; its grand total 38 against 63: 25 left out.
    // Every pair of published entries (team A, whole) differs by 0 or at least 10.
    let pairs = |p: &PublishedTable| {
        let mut v = Vec::new();
        for r in 0..p.rows() {
            for c in 0..p.columns() {
                v.push(p.cell(r, c));
            }
            v.push(p.row_total(r));
        }
        for c in 0..p.columns() {
            v.push(p.column_total(c));
        }
        v.push(p.grand_total());
        v
    };
    for (n, wide) in pairs(at).into_iter().zip(pairs(wt)) {
        if let (Some(n), Some(wide)) = (n.count(), wide.count()) {
            let d = wide - n;
            assert!(d == 0 || d >= MIN_CELL, "{wide} − {n} = {d}");
        }
    }
    // Residential: hidden in both.
    let r = row(kind, Setting::Residential);
    assert!(at.row_total(r).is_suppressed());
}

#[test]
fn a_small_difference_between_filters_is_hidden() {
    // Period 2026 with team A: wijkteam 26 (10 in the plan); team A all time: 30 (12). The
    // difference 4 (2 in the plan) would name the cases open only outside the period.
    let f = InsightFilter {
        period: Period::Year(2026),
        setting: None,
        team: Some(team("a")),
    };
    let ins = insights(&cube(), &f).unwrap_or_else(|e| panic!("{e}"));
    let t = &ins
        .figure(FigureKind::NetworkInPlan)
        .unwrap_or_else(|| panic!("f"))
        .table;
    let w = row(FigureKind::NetworkInPlan, Setting::Wijkteam);
    assert!(t.cell(w, 0).is_suppressed(), "10 vs 12: 2 left out");
    assert!(t.row_total(w).is_suppressed(), "26 vs 30: 4 left out");
    // All of it: 34 in the period against 38 for team A all time.
    assert!(t.grand_total().is_suppressed());
    assert_eq!(ins.network_in_plan_share(), None);
}

#[test]
fn setting_filter_shows_its_row_only() {
    let f = InsightFilter {
        setting: Some(Setting::Wijkteam),
        ..InsightFilter::UNFILTERED
    };
    let ins = insights(&cube(), &f).unwrap_or_else(|e| panic!("{e}"));
    let fig = ins
        .figure(FigureKind::SupportFigure)
        .unwrap_or_else(|| panic!("f"));
    let shown: Vec<&str> = fig
        .rows
        .iter()
        .zip(&fig.shown)
        .filter(|(_, s)| **s)
        .map(|(r, _)| *r)
        .collect();
    assert_eq!(shown, ["wijkteam"]);
    // Nobody has a support figure: 0 of 55 (hidden, 0 is a count too), 55 without.
    let w = row(FigureKind::SupportFigure, Setting::Wijkteam);
    assert!(fig.table.cell(w, 0).is_suppressed());
    // Tables not by setting show every row.
    let gaps = ins
        .figure(FigureKind::SupportGaps)
        .unwrap_or_else(|| panic!("g"));
    assert!(gaps.shown.iter().all(|s| *s));
}

#[test]
fn means_stand_on_enough_cases() {
    let mut c = cell(Setting::Wijkteam, "a", true, 12, 0);
    c.counts.with_map = 12;
    c.counts.members_start = 60;
    c.counts.members_latest = 96;
    c.counts.informal_members_start = 30;
    c.counts.informal_members_latest = 72;
    let ins = insights(&[c.clone()], &InsightFilter::UNFILTERED).unwrap_or_else(|e| panic!("{e}"));
    let m = ins.means.unwrap_or_else(|| panic!("means"));
    assert_eq!(m.cases, 12);
    assert!((m.size_start - 5.0).abs() < 1e-12);
    assert!((m.size_latest - 8.0).abs() < 1e-12);
    assert!((m.informal_share_start - 0.5).abs() < 1e-12);
    assert!((m.informal_share_latest - 0.75).abs() < 1e-12);
    c.counts.with_map = 9;
    let ins = insights(&[c], &InsightFilter::UNFILTERED).unwrap_or_else(|e| panic!("{e}"));
    assert!(ins.means.is_none());
}

#[test]
fn filters_from_the_fixed_lists_only() {
    let today = day(2026, 12, 2);
    let teams = [team("t1"), team("t2")];
    let ok = InsightFilter::parse("2025", "foster_care", "t2", &teams, today)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(ok.period, Period::Year(2025));
    assert_eq!(ok.setting, Some(Setting::FosterCare));
    assert_eq!(ok.team, Some(team("t2")));
    assert_eq!(
        InsightFilter::parse("", "all", "", &teams, today),
        Ok(InsightFilter::UNFILTERED)
    );
    let errors = InsightFilter::parse("2019", "prison", "t9", &teams, today)
        .err()
        .unwrap_or_default();
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["period", "setting", "team"]);
    assert!(Period::parse("twee", today).is_err());
    assert_eq!(
        Period::Year(2025).bounds(),
        Some((day(2025, 1, 1), day(2025, 12, 31)))
    );
    // Nested filters: a filter on all three has seven wider ones, the unfiltered among them.
    let wider = ok.wider();
    assert_eq!(wider.len(), 7);
    assert!(wider.contains(&InsightFilter::UNFILTERED));
    assert!(!wider.contains(&ok));
    assert!(InsightFilter::UNFILTERED.wider().is_empty());
}

#[test]
fn groups() {
    assert_eq!(
        [0, 4, 5, 9, 10, 14, 15, 40].map(size_group),
        [0, 0, 1, 1, 2, 2, 3, 3]
    );
    assert_eq!(share_group(0, 0), 0);
    assert_eq!(share_group(1, 4), 1);
    assert_eq!(share_group(2, 4), 2);
    assert_eq!(share_group(3, 4), 3);
    assert_eq!(share_group(24, 100), 0);
}
