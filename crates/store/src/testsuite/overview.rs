//! The trends' versions and the team overview, on every backend, with hand-made cases.

use super::measure::{answer, new_case, started};
use super::support::{concern, nomination, screen};
use super::{event, member, t0};
use crate::{OrgScope, PlanAdoption, PlanState, Store, StoreError};
use chrono::Duration;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::case::CaseStatus;
use steunkring_domain::concern::Seriousness;
use steunkring_domain::measure::{CheckInterval, Respondent};
use steunkring_domain::plan::{Action, ActionStatus, Performer, Plan};
use steunkring_domain::support_figure::{Acceptance, Agreement, ScreeningDecision, SupportStep};

fn action(id: &str, due_in_days: i64, status: ActionStatus) -> Action {
    Action {
        id: id.into(),
        what: format!("Actie {id}"),
        who: Performer::Youth,
        due_on: Some(t0().date_naive() + Duration::days(due_in_days)),
        status,
        goal_id: None,
        progress: vec![],
    }
}

pub(super) async fn run(store: &dyn Store) {
    let org = store.create_org("Overzicht", t0()).await.expect("org");
    let other = store
        .create_org("Overzicht elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let elsewhere = OrgScope::operator(other.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let today = t0().date_naive();
    let noord = store
        .create_team(&scope, "Team Noord", ev(AuditAction::Create))
        .await
        .expect("team");
    let zuid = store
        .create_team(&scope, "Team Zuid", ev(AuditAction::Create))
        .await
        .expect("team");
    let west = store
        .create_team(&scope, "Team West", ev(AuditAction::Create))
        .await
        .expect("team");

    // Sanne (Noord): an active support figure, a draft plan with one overdue action, a
    // finished check, an open concern.
    let sanne = new_case(store, &scope, &noord.id, "Sanne").await;
    let oma = member("Oma Joke", 1, "family");
    store
        .add_member(&scope, &sanne.id, &oma, ev(AuditAction::Create))
        .await
        .expect("member");
    let figure = nomination("sf-ov", &oma, "Oma");
    store
        .nominate_support_figure(&scope, &sanne.id, &figure, ev(AuditAction::Create))
        .await
        .expect("nominate");
    let steps = [
        screen(ScreeningDecision::Approve),
        SupportStep::Agree(Agreement {
            on: today,
            roles: vec![],
            contact_how: "Bellen".into(),
            contact_frequency: "elke week".into(),
            meetings_part: None,
        }),
        SupportStep::Accept(Acceptance {
            on: today,
            participant: "p-oma".into(),
        }),
    ];
    for step in &steps {
        store
            .step_support_figure(&scope, &sanne.id, "sf-ov", step, ev(AuditAction::Update))
            .await
            .expect("step");
    }
    let plan = Plan {
        actions: vec![
            action("late", -1, ActionStatus::Open),
            action("late-done", -1, ActionStatus::Done),
            action("today", 0, ActionStatus::Doing),
            action("later", 5, ActionStatus::Open),
        ],
        ..Plan::default()
    };
    store
        .save_plan(&scope, &sanne.id, &plan, 0, ev(AuditAction::Update))
        .await
        .expect("plan");
    store
        .start_support_check(
            &scope,
            &sanne.id,
            &started("sc-ov", Respondent::Youth, None),
            ev(AuditAction::Create),
        )
        .await
        .expect("check");
    store
        .record_support_answer(
            &scope,
            &sanne.id,
            "sc-ov",
            &answer(&oma, 3),
            ev(AuditAction::Update),
        )
        .await
        .expect("answer");
    let finished_at = t0() + Duration::days(2);
    store
        .finish_support_check(
            &scope,
            &sanne.id,
            "sc-ov",
            event(finished_at, AuditAction::Update, &org.id),
        )
        .await
        .expect("finish");
    store
        .register_concern(
            &scope,
            &sanne.id,
            &concern("c-ov", None, Seriousness::High),
            ev(AuditAction::Create),
        )
        .await
        .expect("concern");

    // Bas (Noord): nothing yet. Ali (Zuid): an adopted plan, a support figure only nominated.
    let bas = new_case(store, &scope, &noord.id, "Bas").await;
    let ali = new_case(store, &scope, &zuid.id, "Ali").await;
    let neef = member("Neef Omar", 2, "family");
    store
        .add_member(&scope, &ali.id, &neef, ev(AuditAction::Create))
        .await
        .expect("member");
    store
        .nominate_support_figure(
            &scope,
            &ali.id,
            &nomination("sf-ali", &neef, "Neef"),
            ev(AuditAction::Create),
        )
        .await
        .expect("nominate");
    store
        .save_plan(
            &scope,
            &ali.id,
            &Plan {
                actions: vec![action("ali-1", 10, ActionStatus::Open)],
                ..Plan::default()
            },
            0,
            ev(AuditAction::Update),
        )
        .await
        .expect("plan");
    store
        .adopt_plan(
            &scope,
            &ali.id,
            &PlanAdoption {
                id: "pv-ali".into(),
                adopted_on: today,
                adopted_at: t0(),
                adopted_by: None,
                meeting_id: None,
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("adopt");
    // A closed case of Noord and a case of West are never listed.
    let closed = new_case(store, &scope, &noord.id, "Daan").await;
    store
        .set_case_status(
            &scope,
            &closed.id,
            CaseStatus::Closed,
            today,
            ev(AuditAction::Update),
        )
        .await
        .expect("close");
    new_case(store, &scope, &west.id, "Eva").await;

    let rows = store
        .team_overview(&scope, &[zuid.id.clone(), noord.id.clone()], today)
        .await
        .expect("overview");
    let names: Vec<&str> = rows.iter().map(|r| r.youth_name.as_str()).collect();
    assert_eq!(names, ["Bas", "Sanne", "Ali"], "by team name, then name");
    let (b, s, a) = (&rows[0], &rows[1], &rows[2]);
    assert_eq!(s.case_id, sanne.id);
    assert_eq!(s.team_name, "Team Noord");
    assert_eq!(s.active_support_figures, 1);
    assert_eq!(s.plan, PlanState::Draft);
    assert_eq!(
        s.overdue_actions, 1,
        "open and due yesterday; done, today or later are not"
    );
    assert_eq!(s.last_finished_check, Some(finished_at.date_naive()));
    assert_eq!(s.open_concerns, 1);
    assert_eq!(s.check_interval, CheckInterval::DEFAULT);
    assert_eq!(s.opened_on, today);
    assert_eq!(b.case_id, bas.id);
    assert_eq!(
        (
            b.active_support_figures,
            b.plan,
            b.overdue_actions,
            b.last_finished_check,
            b.open_concerns
        ),
        (0, PlanState::None, 0, None, 0)
    );
    assert_eq!(a.case_id, ali.id);
    assert_eq!(a.team_id, zuid.id);
    assert_eq!(
        a.active_support_figures, 0,
        "a nomination is not support yet"
    );
    assert_eq!(a.plan, PlanState::Adopted);
    assert_eq!(a.overdue_actions, 0);
    // Ten days on, Ali's action is overdue too.
    let later = store
        .team_overview(
            &scope,
            std::slice::from_ref(&zuid.id),
            today + Duration::days(11),
        )
        .await
        .expect("overview");
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].overdue_actions, 1);
    // No teams, or another organisation: nothing.
    assert!(
        store
            .team_overview(&scope, &[], today)
            .await
            .expect("none")
            .is_empty()
    );
    assert!(
        store
            .team_overview(&elsewhere, std::slice::from_ref(&noord.id), today)
            .await
            .expect("elsewhere")
            .is_empty()
    );

    // Every version of the map with its network, oldest first; another organisation gets
    // NotFound.
    assert!(
        store
            .version_networks(&scope, &bas.id)
            .await
            .expect("none")
            .is_empty()
    );
    store
        .save_version(
            &scope,
            &sanne.id,
            "Later",
            today + Duration::days(3),
            ev(AuditAction::Create),
        )
        .await
        .expect("version");
    let coach = member("Coach Sam", 2, "leisure");
    store
        .add_member(&scope, &sanne.id, &coach, ev(AuditAction::Create))
        .await
        .expect("member");
    store
        .save_version(&scope, &sanne.id, "Eerder", today, ev(AuditAction::Create))
        .await
        .expect("version");
    let versions = store
        .version_networks(&scope, &sanne.id)
        .await
        .expect("versions");
    let read: Vec<(&str, usize)> = versions
        .iter()
        .map(|(v, n)| (v.title.as_str(), n.members.len()))
        .collect();
    assert_eq!(read, [("Eerder", 2), ("Later", 1)]);
    assert_eq!(versions[0].1.members[1], coach);
    assert!(matches!(
        store.version_networks(&elsewhere, &sanne.id).await,
        Err(StoreError::NotFound)
    ));
}
