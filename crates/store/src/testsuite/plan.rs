//! The plan and network meetings, on every backend.

use super::{case_input, event, member, t0};
use crate::{OrgScope, PlanAdoption, SignOff, Store, StoreError};
use chrono::{Duration, NaiveDate};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::case::CaseDetails;
use steunkring_domain::meeting::{MeetingStatus, RawHeld, RawMeeting};
use steunkring_domain::plan::{
    Action, ActionStatus, Goal, GoalHolder, Performer, Plan, ProgressNote, SafetyAgreement,
    SafetySection, compare,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

pub(super) async fn run(store: &dyn Store) {
    let today = t0().date_naive();
    let org = store.create_org("Plannen", t0()).await.expect("org");
    let other = store.create_org("Plannen elders", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let other_scope = OrgScope::operator(other.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let team = store
        .create_team(&scope, "Team P", ev(AuditAction::Create))
        .await
        .expect("team");
    let mk = |name: &str| CaseDetails::parse(&case_input(name, &team.id), today).expect("valid");
    let case = store
        .create_case(&scope, &mk("Sanne"), today, ev(AuditAction::Create))
        .await
        .expect("case");
    let second = store
        .create_case(&scope, &mk("Noor"), today, ev(AuditAction::Create))
        .await
        .expect("case");
    let oma = member("Oma Ria", 1, "family");
    store
        .add_member(&scope, &case.id, &oma, ev(AuditAction::Create))
        .await
        .expect("member");

    // A case without a plan has an empty one at revision 0.
    let empty = store.plan(&scope, &case.id).await.expect("plan");
    assert_eq!(empty.revision, 0);
    assert_eq!(empty.plan, Plan::default());

    let plan = Plan {
        goals: vec![Goal {
            id: "g1".into(),
            text: "Ik wil weer naar school 🙂 — ook op maandag, één stap tegelijk".into(),
            holder: GoalHolder::Youth,
            how_we_know: Some("Vier weken elke dag".into()),
        }],
        actions: vec![
            Action {
                id: "a1".into(),
                what: "Sanne 's ochtends ophalen".into(),
                who: Performer::Member(oma.id.clone()),
                due_on: Some(day(2026, 2, 20)),
                status: ActionStatus::Open,
                goal_id: Some("g1".into()),
                progress: vec![],
            },
            Action {
                id: "a2".into(),
                what: "Wekker zetten".into(),
                who: Performer::Youth,
                due_on: None,
                status: ActionStatus::Doing,
                goal_id: None,
                progress: vec![],
            },
        ],
        safety: SafetySection {
            worries: Some("Ruzie als vader gedronken heeft".into()),
            working_well: Some("Oma is er altijd".into()),
            needs_to_happen: None,
            agreements: vec![SafetyAgreement {
                id: "s1".into(),
                concern: "Vader drinkt".into(),
                agreement: "Sanne slaapt dan bij oma".into(),
                who_watches: "Oma Ria".into(),
                if_wrong: "Oma belt het wijkteam".into(),
            }],
        },
    };
    let revision = store
        .save_plan(&scope, &case.id, &plan, 0, ev(AuditAction::Update))
        .await
        .expect("save");
    assert_eq!(revision, 1);
    let read = store.plan(&scope, &case.id).await.expect("plan");
    assert_eq!(read.plan, plan, "what was saved comes back, emoji and all");
    assert_eq!(read.revision, 1);
    assert!(matches!(
        store
            .save_plan(&scope, &case.id, &plan, 0, ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("plan"))
    ));
    for s in [&other_scope] {
        assert!(matches!(
            store.plan(s, &case.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            store
                .save_plan(s, &case.id, &plan, 1, ev(AuditAction::Update))
                .await,
            Err(StoreError::NotFound)
        ));
    }
    assert_eq!(
        store.plan(&scope, &second.id).await.expect("plan").revision,
        0,
        "plans stay in their own case"
    );

    // Progress by the holder sets the status and keeps the note.
    let note = ProgressNote {
        at: t0() + Duration::hours(1),
        by: "Oma Ria".into(),
        text: Some("Gelukt, ze was op tijd!".into()),
        status: ActionStatus::Done,
    };
    store
        .record_progress(&scope, &case.id, "a1", &note, ev(AuditAction::Update))
        .await
        .expect("progress");
    assert!(matches!(
        store
            .record_progress(&scope, &case.id, "nope", &note, ev(AuditAction::Update))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store
            .record_progress(&scope, &second.id, "a1", &note, ev(AuditAction::Update))
            .await,
        Err(StoreError::NotFound)
    ));
    let read = store.plan(&scope, &case.id).await.expect("plan");
    assert_eq!(read.revision, 2);
    assert_eq!(read.plan.actions[0].status, ActionStatus::Done);
    assert_eq!(read.plan.actions[0].progress, vec![note.clone()]);

    // Adopt version 1; sign it off once per participant.
    let v1 = store
        .adopt_plan(
            &scope,
            &case.id,
            &PlanAdoption {
                id: "v1".into(),
                adopted_on: today,
                adopted_at: t0(),
                adopted_by: None,
                meeting_id: None,
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("adopt");
    assert_eq!(v1.number, 1);
    let sign = SignOff {
        participant_id: "p-sanne".into(),
        name: "Sanne".into(),
        at: t0(),
    };
    store
        .sign_off(&scope, &case.id, "v1", &sign, ev(AuditAction::Update))
        .await
        .expect("sign");
    assert!(matches!(
        store
            .sign_off(&scope, &case.id, "v1", &sign, ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("sign_off"))
    ));
    assert!(matches!(
        store
            .sign_off(&scope, &second.id, "v1", &sign, ev(AuditAction::Update))
            .await,
        Err(StoreError::NotFound)
    ));

    // Change the plan: drop a2, add a3; a1 keeps its progress.
    let mut changed = read.plan.clone();
    changed.actions.remove(1);
    changed.actions.push(Action {
        id: "a3".into(),
        what: "Gesprek met mentor op school".into(),
        who: Performer::Parent(0),
        due_on: Some(day(2026, 2, 1)),
        status: ActionStatus::Open,
        goal_id: None,
        progress: vec![],
    });
    store
        .save_plan(&scope, &case.id, &changed, 2, ev(AuditAction::Update))
        .await
        .expect("save");
    let read = store.plan(&scope, &case.id).await.expect("plan");
    assert_eq!(read.plan, changed);

    // The meeting that adopts version 2.
    let members = vec![(oma.id.clone(), oma.name.clone())];
    let meeting = RawMeeting {
        kind: "network_meeting".into(),
        own_question: "Hoe komt Sanne elke dag op school?".into(),
        starts_at: "2026-03-10T19:00".into(),
        minutes: "90".into(),
        location: String::new(),
        invitees: vec![oma.id.to_string()],
    }
    .parse("m1".into(), &members)
    .expect("valid meeting");
    store
        .create_meeting(&scope, &case.id, &meeting, ev(AuditAction::Create))
        .await
        .expect("meeting");
    assert!(matches!(
        store.meeting(&scope, &second.id, "m1").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.meetings(&other_scope, &case.id).await,
        Err(StoreError::NotFound)
    ));
    let held = RawHeld {
        attended: vec![oma.id.to_string()],
        private_minutes: "30".into(),
        notes: "Oma haalt op".into(),
    }
    .apply(&meeting)
    .expect("valid");
    store
        .update_meeting(&scope, &case.id, &held, ev(AuditAction::Update))
        .await
        .expect("held");
    let v2 = store
        .adopt_plan(
            &scope,
            &case.id,
            &PlanAdoption {
                id: "v2".into(),
                adopted_on: today,
                adopted_at: t0() + Duration::hours(2),
                adopted_by: None,
                meeting_id: Some("m1".into()),
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("adopt");
    assert_eq!(v2.number, 2);
    let stored = store
        .meeting(&scope, &case.id, "m1")
        .await
        .expect("meeting");
    assert_eq!(stored.status, MeetingStatus::Held);
    assert_eq!(stored.plan_version.as_deref(), Some("v2"));
    assert_eq!(stored.invitees[0].attended, Some(true));
    assert_eq!(stored.private_minutes, Some(30));
    assert_eq!(
        store.meetings(&scope, &case.id).await.expect("list").len(),
        1
    );
    assert!(matches!(
        store
            .adopt_plan(
                &scope,
                &case.id,
                &PlanAdoption {
                    id: "v-bad".into(),
                    adopted_on: today,
                    adopted_at: t0(),
                    adopted_by: None,
                    meeting_id: Some("no-such-meeting".into()),
                },
                ev(AuditAction::Create),
            )
            .await,
        Err(StoreError::NotFound)
    ));

    let versions = store
        .plan_versions(&scope, &case.id)
        .await
        .expect("versions");
    assert_eq!(
        versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        [2, 1],
        "newest first"
    );
    assert_eq!(versions[1].sign_offs, vec![sign]);
    assert!(versions[0].sign_offs.is_empty());
    let (_, p1) = store
        .plan_version(&scope, &case.id, "v1")
        .await
        .expect("v1");
    let (_, p2) = store
        .plan_version(&scope, &case.id, "v2")
        .await
        .expect("v2");
    let diff = compare(&p1, &p2);
    assert_eq!(diff.actions_added.len(), 1);
    assert_eq!(diff.actions_removed.len(), 1);
    assert!(matches!(
        store.plan_version(&scope, &second.id, "v1").await,
        Err(StoreError::NotFound)
    ));

    // Two people change the plan at the same moment from the same revision: one wins, the
    // other is told; two adoptions at once get the next two numbers.
    let revision = store.plan(&scope, &case.id).await.expect("plan").revision;
    let (first, second) = tokio::join!(
        store.save_plan(
            &scope,
            &case.id,
            &changed,
            revision,
            ev(AuditAction::Update)
        ),
        store.save_plan(
            &scope,
            &case.id,
            &changed,
            revision,
            ev(AuditAction::Update)
        ),
    );
    let conflicts = [&first, &second]
        .iter()
        .filter(|r| matches!(r, Err(StoreError::Conflict("plan"))))
        .count();
    assert_eq!(
        (first.is_ok() as usize + second.is_ok() as usize, conflicts),
        (1, 1),
        "{first:?} {second:?}"
    );
    let adopt = |id: &str| PlanAdoption {
        id: id.into(),
        adopted_on: today,
        adopted_at: t0() + Duration::hours(3),
        adopted_by: None,
        meeting_id: None,
    };
    let (a, b) = (adopt("v3"), adopt("v4"));
    let (x, y) = tokio::join!(
        store.adopt_plan(&scope, &case.id, &a, ev(AuditAction::Create)),
        store.adopt_plan(&scope, &case.id, &b, ev(AuditAction::Create)),
    );
    let mut numbers = vec![x.expect("adopt").number, y.expect("adopt").number];
    numbers.sort();
    assert_eq!(numbers, [3, 4]);

    // Overdue: a3 (1 February) is past on 1 March, a1 is done.
    let overdue = store
        .overdue_actions(&scope, std::slice::from_ref(&team.id), today, 50)
        .await
        .expect("overdue");
    assert_eq!(
        overdue
            .iter()
            .map(|o| o.action_id.as_str())
            .collect::<Vec<_>>(),
        ["a3"]
    );
    assert_eq!(overdue[0].youth_name, "Sanne");
    assert!(
        store
            .overdue_actions(&other_scope, std::slice::from_ref(&team.id), today, 50)
            .await
            .expect("overdue")
            .is_empty(),
        "never across organisations"
    );
    assert!(
        store
            .overdue_actions(&scope, std::slice::from_ref(&team.id), day(2026, 1, 1), 50)
            .await
            .expect("overdue")
            .is_empty()
    );
    // A closed case's actions are not overdue; reopened, they are again.
    let overdue_ids = || async {
        store
            .overdue_actions(&scope, std::slice::from_ref(&team.id), today, 50)
            .await
            .expect("overdue")
            .into_iter()
            .map(|o| o.action_id)
            .collect::<Vec<_>>()
    };
    for (status, expected) in [
        (
            steunkring_domain::case::CaseStatus::Closed,
            Vec::<String>::new(),
        ),
        (
            steunkring_domain::case::CaseStatus::Open,
            vec!["a3".to_string()],
        ),
    ] {
        store
            .set_case_status(&scope, &case.id, status, today, ev(AuditAction::Update))
            .await
            .expect("status");
        assert_eq!(overdue_ids().await, expected, "{status:?}");
    }
}

/// Puts something in every plan table of `case` (for the destruction test).
pub(super) async fn fill(
    store: &dyn Store,
    scope: &OrgScope,
    case: &steunkring_domain::ids::CaseId,
    member: &steunkring_domain::network::NetworkMember,
) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let plan = Plan {
        goals: vec![Goal {
            id: "g".into(),
            text: "Doel".into(),
            holder: GoalHolder::Parent,
            how_we_know: None,
        }],
        actions: vec![Action {
            id: "a".into(),
            what: "Actie".into(),
            who: Performer::Member(member.id.clone()),
            due_on: None,
            status: ActionStatus::Open,
            goal_id: None,
            progress: vec![],
        }],
        safety: SafetySection {
            agreements: vec![SafetyAgreement {
                id: "s".into(),
                concern: "zorg".into(),
                agreement: "afspraak".into(),
                who_watches: "oma".into(),
                if_wrong: "bellen".into(),
            }],
            ..SafetySection::default()
        },
    };
    let revision = store.plan(scope, case).await.expect("plan").revision;
    store
        .save_plan(scope, case, &plan, revision, ev(AuditAction::Update))
        .await
        .expect("save");
    let note = ProgressNote {
        at: t0(),
        by: "Oma".into(),
        text: None,
        status: ActionStatus::Doing,
    };
    store
        .record_progress(scope, case, "a", &note, ev(AuditAction::Update))
        .await
        .expect("progress");
    let meeting = RawMeeting {
        kind: "signs_of_safety".into(),
        own_question: "Veilig thuis?".into(),
        starts_at: "2026-03-02T10:00".into(),
        minutes: String::new(),
        location: String::new(),
        invitees: vec![member.id.to_string()],
    }
    .parse(
        format!("meeting-{case}"),
        &[(member.id.clone(), member.name.clone())],
    )
    .expect("valid meeting");
    store
        .create_meeting(scope, case, &meeting, ev(AuditAction::Create))
        .await
        .expect("meeting");
    let version = format!("version-{case}");
    store
        .adopt_plan(
            scope,
            case,
            &PlanAdoption {
                id: version.clone(),
                adopted_on: t0().date_naive(),
                adopted_at: t0(),
                adopted_by: None,
                meeting_id: Some(meeting.id.clone()),
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("adopt");
    store
        .sign_off(
            scope,
            case,
            &version,
            &SignOff {
                participant_id: "p".into(),
                name: "Oma".into(),
                at: t0(),
            },
            ev(AuditAction::Update),
        )
        .await
        .expect("sign");
}
