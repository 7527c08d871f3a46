//! The analyst's aggregates and the bulk load of case histories, on every backend, with
//! hand-made cases and hand-counted figures.

use super::{case_input, event, member, t0};
use crate::{
    CaseHistory, HistoryAction, HistoryConcern, HistoryFigure, ImportedCase, Network, OrgScope,
    Store, StoreError,
};
use chrono::NaiveDate;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::case::{CaseDetails, Setting};
use steunkring_domain::concern::Seriousness;
use steunkring_domain::ids::CaseId;
use steunkring_domain::insight::figures::{CaseCounts, CubeCell};
use steunkring_domain::measure::{OutcomeKind, Respondent, SupportCheck};
use steunkring_domain::network::NetworkMember;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn history(case: &CaseId) -> CaseHistory {
    CaseHistory {
        case: case.clone(),
        versions: Vec::new(),
        checks: Vec::new(),
        screenings: Vec::new(),
        self_reports: Vec::new(),
        outcomes: Vec::new(),
        figures: Vec::new(),
        actions: Vec::new(),
        concerns: Vec::new(),
        closed_on: None,
    }
}

fn network(members: &[&NetworkMember]) -> Network {
    Network {
        members: members.iter().map(|m| (*m).clone()).collect(),
        ties: Vec::new(),
    }
}

fn held_by(m: &NetworkMember) -> HistoryAction {
    HistoryAction {
        what: "Samen sporten op zaterdag".into(),
        performer: format!("member:{}", m.id),
        member: Some(m.id.clone()),
        due_on: None,
        status: "doing",
    }
}

fn concern(seriousness: Seriousness) -> HistoryConcern {
    HistoryConcern {
        about_member: None,
        what: "Zorg over de steun".into(),
        seriousness,
        registered_on: day(2025, 6, 1),
        closed_on: None,
    }
}

fn cell(cube: &[CubeCell], setting: Setting, in_period: bool) -> &CaseCounts {
    &cube
        .iter()
        .find(|c| c.setting == setting && c.in_period == in_period)
        .unwrap_or_else(|| panic!("no cell {setting:?} {in_period}"))
        .counts
}

pub(super) async fn run(store: &dyn Store) {
    let org = store.create_org("Inzicht", t0()).await.expect("org");
    let other = store.create_org("Inzicht elders", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let elsewhere = OrgScope::operator(other.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let north = store
        .create_team(&scope, "Noord", ev(AuditAction::Create))
        .await
        .expect("team");
    let south = store
        .create_team(&scope, "Zuid", ev(AuditAction::Create))
        .await
        .expect("team");
    let oma = member("Oma Joke", 1, "family");
    let coach = member("Coach Sam", 2, "leisure");
    let worker = member("Hulpverlener Eva", 3, "professional");
    let teacher = member("Juf Anouk", 3, "professional");
    let details = |name: &str, setting: &str, team: &steunkring_domain::TeamId| {
        let mut input = case_input(name, team);
        input.setting = setting.into();
        CaseDetails::parse(&input, t0().date_naive()).expect("valid case")
    };
    // A (wijkteam, Noord, 2025): oma, coach, worker. B (wijkteam, Noord, 2024): worker.
    // C (residential, Zuid, opened 2026): teacher.
    let imported = [
        ImportedCase {
            details: details("Anna", "wijkteam", &north.id),
            opened_on: day(2025, 3, 1),
            members: vec![oma.clone(), coach.clone(), worker.clone()],
            ties: Vec::new(),
        },
        ImportedCase {
            details: details("Bram", "wijkteam", &north.id),
            opened_on: day(2024, 1, 1),
            members: vec![],
            ties: Vec::new(),
        },
        ImportedCase {
            details: details("Cas", "residential", &south.id),
            opened_on: day(2026, 2, 1),
            members: vec![teacher.clone()],
            ties: Vec::new(),
        },
    ];
    let ids = store
        .import_cases(&scope, &imported, ev(AuditAction::Create))
        .await
        .expect("import");
    let (a, b, c) = (&ids[0], &ids[1], &ids[2]);
    // B's worker is added as the professional who holds B's action: not the network.
    let b_worker = member("Hulpverlener Piet", 3, "professional");
    store
        .add_member(&scope, b, &b_worker, ev(AuditAction::Create))
        .await
        .expect("member");

    let mut ha = history(a);
    // Start: oma alone (1 member, 1 informal); latest: oma, coach, worker (3, 2 informal).
    ha.versions = vec![
        (day(2026, 1, 1), network(&[&oma, &coach, &worker])),
        (day(2025, 3, 1), network(&[&oma])),
    ];
    ha.actions = vec![held_by(&oma), held_by(&worker)];
    ha.figures = vec![HistoryFigure {
        member: oma.id.clone(),
        name: oma.name.clone(),
        kind: "jim",
        nominated_on: day(2025, 4, 1),
        own_words: "Oma luistert altijd".into(),
        accepted_on: Some(day(2025, 4, 10)),
    }];
    ha.outcomes = vec![(OutcomeKind::PlacementPrevented, day(2025, 12, 1))];
    ha.concerns = vec![concern(Seriousness::Low), concern(Seriousness::High)];
    ha.checks = vec![SupportCheck::start(Respondent::Youth, day(2025, 6, 1))];
    ha.screenings = vec![(day(2025, 3, 2), "{}".into(), 0)];
    let mut hb = history(b);
    hb.actions = vec![held_by(&b_worker)];
    hb.figures = vec![HistoryFigure {
        member: b_worker.id.clone(),
        name: b_worker.name.clone(),
        kind: "citizen_guardian",
        nominated_on: day(2025, 4, 1),
        own_words: "Nog niet gevraagd".into(),
        accepted_on: None,
    }];
    hb.outcomes = vec![
        (OutcomeKind::PlacementPrevented, day(2025, 2, 1)),
        (OutcomeKind::FormalHelpEnded, day(2025, 9, 1)),
    ];
    hb.concerns = vec![concern(Seriousness::Medium)];

    // A case of another organisation in the batch: nothing is written.
    let stranger = store
        .import_cases(
            &elsewhere,
            &[ImportedCase {
                details: {
                    let t = store
                        .create_team(
                            &elsewhere,
                            "Elders",
                            event(t0(), AuditAction::Create, &other.id),
                        )
                        .await
                        .expect("team");
                    details("Dirk", "crisis", &t.id)
                },
                opened_on: day(2025, 1, 1),
                members: vec![],
                ties: Vec::new(),
            }],
            event(t0(), AuditAction::Create, &other.id),
        )
        .await
        .expect("import elsewhere");
    let mut mixed = vec![ha.clone(), history(&stranger[0])];
    mixed[1].outcomes = vec![(OutcomeKind::ReturnedHome, day(2025, 1, 1))];
    let refused = store
        .import_case_history(&scope, &mixed, ev(AuditAction::Create))
        .await;
    assert!(
        matches!(refused, Err(StoreError::NotFound)),
        "a case of another organisation: {refused:?}"
    );
    let cube = store.insight_cube(&scope, None).await.expect("cube");
    assert_eq!(
        cell(&cube, Setting::Wijkteam, true).network_in_plan,
        0,
        "rolled back"
    );

    store
        .import_case_history(&scope, &[ha, hb], ev(AuditAction::Create))
        .await
        .expect("history");
    // C's map is saved the ordinary way: the store counts informal members and gaps itself.
    store
        .save_version(&scope, c, "Start", day(2026, 2, 1), ev(AuditAction::Create))
        .await
        .expect("version");

    // The year 2025: A and B were open in it, C was not.
    let cube = store
        .insight_cube(&scope, Some((day(2025, 1, 1), day(2025, 12, 31))))
        .await
        .expect("cube");
    assert_eq!(
        cube.len(),
        2,
        "one cell per setting, team and period: {cube:?}"
    );
    let wijk = cell(&cube, Setting::Wijkteam, true);
    assert_eq!(wijk.cases, 2);
    assert_eq!(
        wijk.network_in_plan, 1,
        "A's oma; B's action is a professional's"
    );
    assert_eq!(wijk.with_support_figure, 1, "B's figure never accepted");
    assert_eq!(wijk.with_map, 1);
    assert_eq!(wijk.size_start, [1, 0, 0, 0]);
    assert_eq!(wijk.size_latest, [1, 0, 0, 0]);
    // Informal share: start 1 of 1 (100 %), latest 2 of 3 (66 %).
    assert_eq!(wijk.informal_start, [0, 0, 0, 1]);
    assert_eq!(wijk.informal_latest, [0, 0, 1, 0]);
    assert_eq!(
        (
            wijk.members_start,
            wijk.members_latest,
            wijk.informal_members_start,
            wijk.informal_members_latest
        ),
        (1, 3, 1, 2)
    );
    // A's latest map: emotional support from oma and coach (two informal providers, no gap);
    // every other type has none.
    assert_eq!(wijk.with_known_gaps, 1);
    assert_eq!(wijk.gaps, [0, 1, 1, 1, 1, 1, 1]);
    // Placement prevented for A and B; formal help ended for B.
    assert_eq!(wijk.outcomes, [1 + 1, 0, 0, 0, 0, 1]);
    // The most serious concern: A high (of low and high), B medium.
    assert_eq!(wijk.concerns, [0, 1, 1]);
    let residential = cell(&cube, Setting::Residential, false);
    assert_eq!(residential.cases, 1);
    assert_eq!(residential.with_map, 1);
    assert_eq!(residential.informal_latest, [1, 0, 0, 0]);
    assert_eq!(residential.with_known_gaps, 1);
    assert_eq!(
        residential.gaps, [1; 7],
        "a teacher alone: a gap in every type"
    );
    assert_eq!(
        cube.iter()
            .find(|x| x.setting == Setting::Residential)
            .map(|x| &x.team),
        Some(&south.id)
    );
    // All time: C is in too.
    let all = store.insight_cube(&scope, None).await.expect("cube");
    assert!(all.iter().all(|x| x.in_period));
    assert_eq!(all.iter().map(|x| x.counts.cases).sum::<u64>(), 3);
    // The other organisation sees only its own case.
    let theirs = store.insight_cube(&elsewhere, None).await.expect("cube");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].counts.cases, 1);
    assert_eq!(theirs[0].counts.outcomes, [0; 6]);

    follows_every_write(store, &scope, a, b, &oma).await;
}

/// The figures are kept per case by the database (`case_insight`); every ordinary write that
/// changes one of them shows in the next cube: a member's level, a removed member, an outcome
/// recorded in error, a case moved to another setting, a case closed.
async fn follows_every_write(
    store: &dyn Store,
    scope: &OrgScope,
    a: &CaseId,
    b: &CaseId,
    oma: &NetworkMember,
) {
    let ev = |action| event(t0(), action, scope.org_id());
    let all = |cube: Vec<CubeCell>| {
        cube.into_iter().fold(CaseCounts::default(), |mut acc, c| {
            acc.add(&c.counts);
            acc
        })
    };
    let before = all(store.insight_cube(scope, None).await.expect("cube"));
    assert_eq!(before.network_in_plan, 1, "A's oma holds an action");

    // Oma is recorded as a professional after all: A's network is no longer in the plan.
    let mut professional = oma.clone();
    professional.level = Some(steunkring_domain::network::Level::ProfessionalIndividual);
    store
        .update_member(scope, a, &professional, ev(AuditAction::Update))
        .await
        .expect("member");
    let cube = all(store.insight_cube(scope, None).await.expect("cube"));
    assert_eq!(cube.network_in_plan, 0, "a professional's action");
    store
        .update_member(scope, a, oma, ev(AuditAction::Update))
        .await
        .expect("member");
    let cube = all(store.insight_cube(scope, None).await.expect("cube"));
    assert_eq!(cube.network_in_plan, 1, "informal again");
    store
        .remove_member(scope, a, &oma.id, ev(AuditAction::Delete))
        .await
        .expect("remove");
    let cube = all(store.insight_cube(scope, None).await.expect("cube"));
    assert_eq!(cube.network_in_plan, 0, "the member who held it is gone");

    // B's "formal help ended" was recorded in error.
    let ended = store
        .outcomes(scope, b)
        .await
        .expect("outcomes")
        .into_iter()
        .find(|o| o.outcome.kind == OutcomeKind::FormalHelpEnded)
        .expect("recorded");
    store
        .delete_outcome(scope, b, &ended.id, ev(AuditAction::Delete))
        .await
        .expect("delete");
    let cube = all(store.insight_cube(scope, None).await.expect("cube"));
    assert_eq!(cube.outcomes, [2, 0, 0, 0, 0, 0]);
    assert_eq!(cube.concerns, before.concerns, "untouched");

    // A moves to residential care; B is closed at the end of 2024, before the year 2025.
    let case = store.get_case(scope, a).await.expect("case");
    let mut input = case_input("Anna", &case.team_id);
    input.setting = "residential".into();
    let moved = CaseDetails::parse(&input, t0().date_naive()).expect("valid case");
    store
        .update_case(scope, a, &moved, ev(AuditAction::Update))
        .await
        .expect("update");
    store
        .set_case_status(
            scope,
            b,
            steunkring_domain::case::CaseStatus::Closed,
            day(2024, 12, 31),
            ev(AuditAction::Update),
        )
        .await
        .expect("close");
    let cube = store
        .insight_cube(scope, Some((day(2025, 1, 1), day(2025, 12, 31))))
        .await
        .expect("cube");
    let residential = cell(&cube, Setting::Residential, true);
    assert_eq!((residential.cases, residential.with_map), (1, 1), "A moved");
    assert_eq!(residential.concerns, [0, 0, 1], "A's concerns went along");
    let wijk = cell(&cube, Setting::Wijkteam, false);
    assert_eq!(wijk.cases, 1, "B closed before 2025");
    assert!(
        !cube
            .iter()
            .any(|c| c.setting == Setting::Wijkteam && c.in_period),
        "{cube:?}"
    );
}
