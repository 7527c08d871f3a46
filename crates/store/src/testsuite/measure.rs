//! Measurements (support checks, screenings, self-reports, outcomes, the check schedule), on
//! every backend.

use super::{case_input, event, member, t0};
use crate::{
    OrgScope, Store, StoreError, StoredOutcome, StoredScreening, StoredSelfReport,
    StoredSupportCheck,
};
use chrono::{Duration, NaiveDate};
use steunkring_domain::audit::{AuditAction, AuditEvent};
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{
    CheckInterval, MemberAnswer, Outcome, RawDomainAnswer, RawMemberAnswer, RawOutcome,
    RawSelfReport, Respondent, Screening, ScreeningDomain, SelfReport, SupportCheck,
};
use steunkring_domain::network::{NetworkMember, NumberOrText};

/// A screening on `on` with problems on the domains marked `true` (in
/// [`ScreeningDomain::ALL`] order) and a note on the first.
fn screening(id: &str, on: NaiveDate, problems: [bool; 7]) -> StoredScreening {
    let raw: Vec<RawDomainAnswer> = ScreeningDomain::ALL
        .into_iter()
        .zip(problems)
        .enumerate()
        .map(|(i, (d, p))| RawDomainAnswer {
            domain: d.as_str().into(),
            problem: Some(p),
            note: (i == 0).then(|| "Slaapt slecht, <b>moe</b>".to_string()),
        })
        .collect();
    StoredScreening {
        id: id.into(),
        screening: Screening::parse(&raw, on).expect("valid screening"),
        recorded_by: "u-pro".into(),
        created_at: t0(),
    }
}

fn self_report(
    id: &str,
    on: NaiveDate,
    grades: [i64; 2],
    figures: Option<i64>,
) -> StoredSelfReport {
    let n = |x| Some(NumberOrText::Number(x));
    StoredSelfReport {
        id: id.into(),
        report: SelfReport::parse(
            &RawSelfReport {
                feels_supported: n(grades[0]),
                satisfied_with_help: n(grades[1]),
                satisfied_with_support_figures: figures.and_then(n),
                open_answer: Some("Oma helpt echt.\nDe rest minder.".into()),
            },
            on,
        )
        .expect("valid report"),
        participant_id: None,
        recorded_by: "u-pro".into(),
        created_at: t0(),
    }
}

fn outcome(id: &str, kind: &str, on: NaiveDate, note: Option<&str>) -> StoredOutcome {
    StoredOutcome {
        id: id.into(),
        outcome: Outcome::parse(
            &RawOutcome {
                kind: kind.into(),
                date: on.format("%Y-%m-%d").to_string(),
                note: note.map(str::to_string),
            },
            on,
            on,
        )
        .expect("valid outcome"),
        recorded_by: "u-pro".into(),
        created_at: t0(),
    }
}

/// An answer about `m` with every rating `rating` (1–3).
pub(super) fn answer(m: &NetworkMember, rating: i64) -> MemberAnswer {
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
    .expect("valid answer")
}

pub(super) fn started(
    id: &str,
    respondent: Respondent,
    participant: Option<&str>,
) -> StoredSupportCheck {
    StoredSupportCheck {
        id: id.into(),
        check: SupportCheck::start(respondent, t0().date_naive()),
        participant_id: participant.map(str::to_string),
        created_at: t0(),
    }
}

/// Fills a case with a check with one answer, for the destruction test.
pub(super) async fn fill(store: &dyn Store, scope: &OrgScope, case: &CaseId, m: &NetworkMember) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let id = format!("sc-{case}");
    store
        .start_support_check(
            scope,
            case,
            &started(&id, Respondent::Professional, None),
            ev(AuditAction::Create),
        )
        .await
        .expect("start check");
    store
        .record_support_answer(scope, case, &id, &answer(m, 2), ev(AuditAction::Update))
        .await
        .expect("answer");
    let on = t0().date_naive();
    store
        .record_screening(
            scope,
            case,
            &screening(&format!("scr-{case}"), on, [true; 7]),
            ev(AuditAction::Create),
        )
        .await
        .expect("screening");
    store
        .record_self_report(
            scope,
            case,
            &self_report(&format!("sr-{case}"), on, [7, 8], Some(9)),
            ev(AuditAction::Create),
        )
        .await
        .expect("self-report");
    store
        .record_outcome(
            scope,
            case,
            &outcome(&format!("out-{case}"), "placement_prevented", on, None),
            ev(AuditAction::Create),
        )
        .await
        .expect("outcome");
}

pub(super) async fn new_case(
    store: &dyn Store,
    scope: &OrgScope,
    team: &steunkring_domain::TeamId,
    name: &str,
) -> crate::Case {
    let today = t0().date_naive();
    store
        .create_case(
            scope,
            &steunkring_domain::case::CaseDetails::parse(&case_input(name, team), today)
                .expect("valid"),
            today,
            event(t0(), AuditAction::Create, scope.org_id()),
        )
        .await
        .expect("case")
}

pub(super) async fn run(store: &dyn Store) {
    let org = store.create_org("Metingen", t0()).await.expect("org");
    let other = store
        .create_org("Metingen elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let elsewhere = OrgScope::operator(other.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let later =
        |days: i64, action| -> AuditEvent { event(t0() + Duration::days(days), action, &org.id) };
    let team = store
        .create_team(&scope, "Team meten", ev(AuditAction::Create))
        .await
        .expect("team");
    let today = t0().date_naive();
    let case = new_case(store, &scope, &team.id, "Sanne").await;
    let second = new_case(store, &scope, &team.id, "Bas").await;
    let oma = member("Oma Joke", 1, "family");
    let coach = member("Coach Sam", 2, "leisure");
    let stranger = member("Buurman elders", 3, "neighbourhood");
    for m in [&oma, &coach] {
        store
            .add_member(&scope, &case.id, m, ev(AuditAction::Create))
            .await
            .expect("member");
    }
    store
        .add_member(&scope, &second.id, &stranger, ev(AuditAction::Create))
        .await
        .expect("member of the second case");

    // Starting: in the scope's organisation only.
    store
        .start_support_check(
            &scope,
            &case.id,
            &started("sc-1", Respondent::Youth, Some("p-sanne")),
            ev(AuditAction::Create),
        )
        .await
        .expect("start");
    assert!(matches!(
        store
            .start_support_check(
                &elsewhere,
                &case.id,
                &started("sc-x", Respondent::Youth, None),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let read = store
        .support_check(&scope, &case.id, "sc-1")
        .await
        .expect("read");
    assert_eq!(read.participant_id.as_deref(), Some("p-sanne"));
    assert_eq!(read.check.respondent(), Respondent::Youth);
    assert!(read.check.answers().is_empty());

    // Finishing an empty check is refused.
    assert!(matches!(
        store
            .finish_support_check(&scope, &case.id, "sc-1", ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("support_check_empty"))
    ));

    // Answering: members of this case only; an answer again replaces the first.
    let after = store
        .record_support_answer(
            &scope,
            &case.id,
            "sc-1",
            &answer(&oma, 1),
            ev(AuditAction::Update),
        )
        .await
        .expect("answer oma");
    assert_eq!(after.answers().len(), 1);
    store
        .record_support_answer(
            &scope,
            &case.id,
            "sc-1",
            &answer(&oma, 3),
            ev(AuditAction::Update),
        )
        .await
        .expect("answer oma again");
    assert!(
        matches!(
            store
                .record_support_answer(
                    &scope,
                    &case.id,
                    "sc-1",
                    &answer(&stranger, 2),
                    ev(AuditAction::Update)
                )
                .await,
            Err(StoreError::NotFound)
        ),
        "a member of another case is refused"
    );
    assert!(matches!(
        store
            .record_support_answer(
                &elsewhere,
                &case.id,
                "sc-1",
                &answer(&coach, 2),
                ev(AuditAction::Update)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            store.support_check(&scope, &second.id, "sc-1").await,
            Err(StoreError::NotFound)
        ),
        "a check is only found under its own case"
    );
    let read = store
        .support_check(&scope, &case.id, "sc-1")
        .await
        .expect("read");
    assert_eq!(read.check.answers().len(), 1, "replaced, not added");
    assert_eq!(
        read.check.answers()[0],
        answer(&oma, 3),
        "round-trips exactly"
    );
    let members = [oma.id.clone(), coach.id.clone()];
    assert_eq!(read.check.next_unanswered(&members), Some(&coach.id));

    // Finishing: on the event's date; afterwards neither answers nor a second finish.
    let finished = store
        .finish_support_check(&scope, &case.id, "sc-1", later(2, AuditAction::Update))
        .await
        .expect("finish");
    assert_eq!(finished.finished_on(), Some(today + Duration::days(2)));
    assert!(matches!(
        store
            .record_support_answer(
                &scope,
                &case.id,
                "sc-1",
                &answer(&coach, 2),
                ev(AuditAction::Update)
            )
            .await,
        Err(StoreError::Conflict("support_check_finished"))
    ));
    assert!(matches!(
        store
            .finish_support_check(&scope, &case.id, "sc-1", ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("support_check_finished"))
    ));

    // Listing: the most recently started first; not from another organisation.
    let mut next = started("sc-2", Respondent::Professional, None);
    next.check = SupportCheck::start(Respondent::Professional, today + Duration::days(90));
    store
        .start_support_check(&scope, &case.id, &next, later(90, AuditAction::Create))
        .await
        .expect("second check");
    let listed = store.support_checks(&scope, &case.id).await.expect("list");
    assert_eq!(
        listed.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["sc-2", "sc-1"]
    );
    assert_eq!(
        listed[1].check.finished_on(),
        Some(today + Duration::days(2))
    );
    assert!(matches!(
        store.support_checks(&elsewhere, &case.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .support_checks(&scope, &second.id)
            .await
            .expect("list")
            .is_empty()
    );

    // Every change is audited with the case and the check.
    let audit = store
        .list_audit(
            &scope,
            &crate::AuditFilter {
                case_id: Some(case.id.as_str().to_string()),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let about_checks = audit
        .iter()
        .filter(|e| e.event.object_type.as_deref() == Some("support_check"))
        .count();
    assert_eq!(
        about_checks, 5,
        "two starts, two answers and a finish; the refused attempts left nothing"
    );

    records(store, &scope, &elsewhere, &case.id, &second.id).await;
    schedules(store, &scope, &elsewhere, &team.id, &case, &second).await;
    measure_revision(store, &scope, &elsewhere, &team.id).await;
}

/// The measurement revision (read with the case by `case_page`) gets a new number with every
/// saved map, support check (started or answered) and self-report of the case, in the same
/// transaction; other changes leave it.
async fn measure_revision(
    store: &dyn Store,
    scope: &OrgScope,
    elsewhere: &OrgScope,
    team: &steunkring_domain::TeamId,
) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let case = new_case(store, scope, team, "Revisie").await.id;
    let m = &member("Tante Lies", 2, "family");
    store
        .add_member(scope, &case, m, ev(AuditAction::Create))
        .await
        .expect("member");
    let revision = || async {
        store
            .case_page(scope, &case, &|_| crate::CasePageParts::default())
            .await
            .expect("revision")
            .measure_revision
    };
    let mut seen = vec![revision().await];
    let mut changed = |now: i64, what: &str| {
        assert!(!seen.contains(&now), "{what}: a new revision");
        seen.push(now);
    };
    store
        .save_version(
            scope,
            &case,
            "Start",
            t0().date_naive(),
            ev(AuditAction::Create),
        )
        .await
        .expect("version");
    changed(revision().await, "a saved map");
    store
        .start_support_check(
            scope,
            &case,
            &started("sc-rev", Respondent::Professional, None),
            ev(AuditAction::Create),
        )
        .await
        .expect("check");
    changed(revision().await, "a check started");
    store
        .record_support_answer(
            scope,
            &case,
            "sc-rev",
            &answer(m, 3),
            ev(AuditAction::Update),
        )
        .await
        .expect("answer");
    changed(revision().await, "an answer");
    let on = t0().date_naive();
    store
        .record_self_report(
            scope,
            &case,
            &self_report("sr-rev", on, [6, 7], None),
            ev(AuditAction::Create),
        )
        .await
        .expect("self-report");
    changed(revision().await, "a self-report");
    let before = revision().await;
    store
        .record_outcome(
            scope,
            &case,
            &outcome("out-rev", "returned_home", on, None),
            ev(AuditAction::Create),
        )
        .await
        .expect("outcome");
    assert_eq!(revision().await, before, "an outcome is not in the trends");
    assert!(matches!(
        store
            .case_page(elsewhere, &case, &|_| crate::CasePageParts::default())
            .await,
        Err(StoreError::NotFound)
    ));
}

/// Screenings, self-reports and outcomes: stored exactly, listed the most recent first, only in
/// the scope's organisation and under their own case, every change audited.
async fn records(
    store: &dyn Store,
    scope: &OrgScope,
    elsewhere: &OrgScope,
    case: &CaseId,
    second: &CaseId,
) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let day = |d: i64| t0().date_naive() + Duration::days(d);

    // Screenings: six of seven is multi-problem; the domains and notes round-trip.
    let first = screening("scr-1", day(0), [true, true, true, true, true, false, true]);
    let later = screening(
        "scr-2",
        day(30),
        [false, true, false, false, false, false, false],
    );
    for s in [&first, &later] {
        store
            .record_screening(scope, case, s, ev(AuditAction::Create))
            .await
            .expect("screening");
    }
    assert!(matches!(
        store
            .record_screening(
                elsewhere,
                case,
                &screening("scr-x", day(0), [false; 7]),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let listed = store.screenings(scope, case).await.expect("screenings");
    assert_eq!(
        listed.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        ["scr-2", "scr-1"]
    );
    assert_eq!(listed[1], first, "round-trips exactly");
    assert_eq!(listed[1].screening.problem_count(), 6);
    assert!(listed[1].screening.is_multi_problem());
    assert_eq!(listed[0].screening.problem_count(), 1);
    assert_eq!(
        listed[1]
            .screening
            .answer(ScreeningDomain::Child)
            .and_then(|a| a.note.as_ref())
            .map(|n| n.as_str()),
        Some("Slaapt slecht, <b>moe</b>")
    );
    assert!(matches!(
        store.screenings(elsewhere, case).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .screenings(scope, second)
            .await
            .expect("none")
            .is_empty()
    );

    // Self-reports: the support-figure grade is optional; the participant is kept.
    let mut own = self_report("sr-1", day(1), [4, 6], None);
    own.participant_id = Some("p-sanne".into());
    let written = self_report("sr-2", day(10), [0, 10], Some(10));
    for r in [&own, &written] {
        store
            .record_self_report(scope, case, r, ev(AuditAction::Create))
            .await
            .expect("self-report");
    }
    assert!(matches!(
        store
            .record_self_report(
                elsewhere,
                case,
                &self_report("sr-x", day(0), [1, 1], None),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let listed = store.self_reports(scope, case).await.expect("self-reports");
    assert_eq!(
        listed,
        vec![written.clone(), own.clone()],
        "round-trip, most recent first"
    );
    assert_eq!(listed[0].report.feels_supported.value(), 0);
    assert_eq!(
        listed[0]
            .report
            .satisfied_with_support_figures
            .map(|g| g.value()),
        Some(10)
    );
    assert_eq!(listed[1].report.satisfied_with_support_figures, None);
    assert!(
        store
            .self_reports(scope, second)
            .await
            .expect("none")
            .is_empty()
    );
    assert!(matches!(
        store.self_reports(elsewhere, case).await,
        Err(StoreError::NotFound)
    ));

    // Outcomes: listed by date; one recorded in error is deleted, only under its own case.
    let prevented = outcome("out-1", "placement_prevented", day(5), Some("Oma vangt op"));
    let foster = outcome("out-2", "placement_network_foster_family", day(40), None);
    let wrong = outcome("out-3", "formal_help_ended", day(20), None);
    for o in [&prevented, &foster, &wrong] {
        store
            .record_outcome(scope, case, o, ev(AuditAction::Create))
            .await
            .expect("outcome");
    }
    let ids = |list: Vec<StoredOutcome>| list.into_iter().map(|o| o.id).collect::<Vec<_>>();
    assert_eq!(
        ids(store.outcomes(scope, case).await.expect("outcomes")),
        ["out-2", "out-3", "out-1"]
    );
    assert!(matches!(
        store
            .delete_outcome(scope, second, "out-3", ev(AuditAction::Delete))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .delete_outcome(elsewhere, case, "out-3", ev(AuditAction::Delete))
            .await,
        Err(StoreError::NotFound)
    ));
    store
        .delete_outcome(scope, case, "out-3", ev(AuditAction::Delete))
        .await
        .expect("delete");
    assert!(matches!(
        store
            .delete_outcome(scope, case, "out-3", ev(AuditAction::Delete))
            .await,
        Err(StoreError::NotFound)
    ));
    let listed = store.outcomes(scope, case).await.expect("outcomes");
    assert_eq!(listed, vec![foster, prevented]);
    assert!(matches!(
        store.outcomes(elsewhere, case).await,
        Err(StoreError::NotFound)
    ));

    let audit = store
        .list_audit(
            scope,
            &crate::AuditFilter {
                case_id: Some(case.as_str().to_string()),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let about = |kind: &str| {
        audit
            .iter()
            .filter(|e| e.event.object_type.as_deref() == Some(kind))
            .count()
    };
    assert_eq!(about("screening"), 2);
    assert_eq!(about("self_report"), 2);
    assert_eq!(
        about("outcome"),
        4,
        "three recorded, one deleted; refused attempts left nothing"
    );
}

/// The check interval per case, and the schedules the home page reads in one query.
async fn schedules(
    store: &dyn Store,
    scope: &OrgScope,
    elsewhere: &OrgScope,
    team: &steunkring_domain::TeamId,
    case: &crate::Case,
    second: &crate::Case,
) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    assert_eq!(
        store
            .check_interval(scope, &case.id)
            .await
            .expect("interval"),
        CheckInterval::DEFAULT
    );
    let six = CheckInterval::parse(6).expect("six months");
    store
        .set_check_interval(scope, &second.id, six, ev(AuditAction::Update))
        .await
        .expect("set");
    assert_eq!(
        store
            .check_interval(scope, &second.id)
            .await
            .expect("interval"),
        six
    );
    assert!(matches!(
        store
            .set_check_interval(
                elsewhere,
                &second.id,
                CheckInterval::DEFAULT,
                ev(AuditAction::Update)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.check_interval(elsewhere, &second.id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        store
            .check_interval(scope, &second.id)
            .await
            .expect("unchanged"),
        six
    );

    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let due_on = |today: NaiveDate, per_interval: u32| async move {
        let mut names: Vec<String> = store
            .check_schedules(scope, std::slice::from_ref(team), today, per_interval)
            .await
            .expect("schedules")
            .into_iter()
            .map(|s| s.youth_name)
            .collect();
        names.sort();
        names
    };
    // Sanne is due on 3 June, Bas on 1 September (see below): only what is due on the day.
    assert!(due_on(date(2026, 6, 2), 20).await.is_empty());
    assert_eq!(due_on(date(2026, 6, 3), 20).await, ["Sanne"]);
    assert_eq!(due_on(date(2026, 8, 31), 20).await, ["Sanne"]);
    assert_eq!(due_on(date(2026, 9, 1), 20).await, ["Bas", "Sanne"]);
    // At most so many per interval (Bas every six months, Sanne every three).
    assert_eq!(due_on(date(2026, 9, 1), 1).await, ["Bas", "Sanne"]);
    assert!(due_on(date(2026, 9, 1), 0).await.is_empty());
    let mut schedules = store
        .check_schedules(scope, std::slice::from_ref(team), date(2030, 1, 1), 20)
        .await
        .expect("schedules");
    schedules.sort_by(|a, b| a.youth_name.cmp(&b.youth_name));
    let opened = t0().date_naive();
    // Sanne's check sc-1 was finished two days after opening (sc-2 is unfinished): due three
    // months after that. Bas has no check: six months after opening.
    let rows: Vec<_> = schedules
        .iter()
        .map(|s| {
            (
                s.youth_name.as_str(),
                s.last_check,
                s.every.months(),
                s.due_on(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Bas",
                None,
                6,
                NaiveDate::from_ymd_opt(2026, 9, 1).expect("date")
            ),
            (
                "Sanne",
                Some(opened + Duration::days(2)),
                3,
                NaiveDate::from_ymd_opt(2026, 6, 3).expect("date")
            ),
        ]
    );
    assert!(
        store
            .check_schedules(elsewhere, std::slice::from_ref(team), date(2030, 1, 1), 20)
            .await
            .expect("other organisation")
            .is_empty()
    );
    assert!(
        store
            .check_schedules(scope, &[], date(2030, 1, 1), 20)
            .await
            .expect("no teams")
            .is_empty()
    );
}
