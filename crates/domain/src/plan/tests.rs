use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn action(id: &str, who: Performer, due: Option<NaiveDate>, status: ActionStatus) -> Action {
    Action {
        id: id.into(),
        what: format!("taak {id}"),
        who,
        due_on: due,
        status,
        goal_id: None,
        progress: vec![],
    }
}

#[test]
fn performer_codes_round_trip_and_refuse_nonsense() {
    for p in [
        Performer::Youth,
        Performer::Parent(1),
        Performer::Member(MemberId::from_stored("m-1")),
        Performer::Professional("u-9".into()),
    ] {
        assert_eq!(Performer::parse_code(&p.as_code()), Some(p.clone()));
    }
    for bad in [
        "",
        "nobody",
        "parent:x",
        "parent:300",
        "member:",
        "member: m",
        "x:1",
        "member:\u{7}",
    ] {
        assert_eq!(Performer::parse_code(bad), None, "{bad:?}");
    }
}

#[test]
fn who_holds_an_action() {
    let youth = Viewer::Youth;
    let parent0 = Viewer::Parent {
        index: 0,
        gezag: true,
        participant: "p0".into(),
    };
    let support = Viewer::SupportFigure {
        participant: "p4".into(),
    };
    let m = MemberId::from_stored("m-oma");
    let plan = Plan {
        actions: vec![
            action("a1", Performer::Youth, None, ActionStatus::Open),
            action("a2", Performer::Parent(0), None, ActionStatus::Open),
            action("a3", Performer::Member(m.clone()), None, ActionStatus::Open),
            action(
                "a4",
                Performer::Professional("u1".into()),
                None,
                ActionStatus::Open,
            ),
            action("a5", Performer::Parent(1), None, ActionStatus::Open),
        ],
        ..Plan::default()
    };
    let ids =
        |h: Holder<'_>| -> Vec<String> { plan.tasks_of(&h).iter().map(|a| a.id.clone()).collect() };
    assert_eq!(
        ids(Holder::Participant {
            viewer: &youth,
            member: None
        }),
        ["a1"]
    );
    assert_eq!(
        ids(Holder::Participant {
            viewer: &parent0,
            member: None
        }),
        ["a2"]
    );
    assert_eq!(
        ids(Holder::Participant {
            viewer: &support,
            member: Some(&m)
        }),
        ["a3"]
    );
    assert!(
        ids(Holder::Participant {
            viewer: &support,
            member: None
        })
        .is_empty()
    );
    assert_eq!(ids(Holder::Professional("u1")), ["a4"]);
    assert!(ids(Holder::Professional("u2")).is_empty());
}

#[test]
fn overdue_means_past_its_day_and_still_pending() {
    let today = day(2026, 12, 2);
    let plan = Plan {
        actions: vec![
            action(
                "late",
                Performer::Youth,
                Some(day(2026, 12, 1)),
                ActionStatus::Open,
            ),
            action(
                "doing-late",
                Performer::Youth,
                Some(day(2026, 11, 1)),
                ActionStatus::Doing,
            ),
            action("today", Performer::Youth, Some(today), ActionStatus::Open),
            action(
                "done",
                Performer::Youth,
                Some(day(2026, 1, 1)),
                ActionStatus::Done,
            ),
            action(
                "stopped",
                Performer::Youth,
                Some(day(2026, 1, 1)),
                ActionStatus::Stopped,
            ),
            action("no-date", Performer::Youth, None, ActionStatus::Open),
        ],
        ..Plan::default()
    };
    let late: Vec<&str> = plan.overdue(today).iter().map(|a| a.id.as_str()).collect();
    assert_eq!(late, ["late", "doing-late"]);
}

#[test]
fn typed_goals_and_actions_are_checked() {
    let goal = RawGoal {
        text: "  Ik wil weer naar school 🙂 ".into(),
        holder: "youth".into(),
        how_we_know: "Als ik 4 weken elke dag ga".into(),
    }
    .parse("g1".into())
    .expect("valid goal");
    assert_eq!(goal.text, "Ik wil weer naar school 🙂");
    let errors = RawGoal {
        text: "x".repeat(TEXT_MAX_LEN + 1),
        holder: "everyone".into(),
        how_we_know: String::new(),
    }
    .parse("g2".into())
    .expect_err("invalid");
    assert_eq!(
        errors,
        vec![
            FieldError::new("text", "error-too-long"),
            FieldError::new("holder", "error-unknown-value")
        ]
    );
    let a = RawAction {
        what: "Boodschappen doen met Sanne".into(),
        who: "member:m1".into(),
        due_on: "2026-12-20".into(),
        ..RawAction::default()
    }
    .parse("a1".into())
    .expect("valid action");
    assert_eq!(a.status, ActionStatus::Open);
    assert_eq!(a.due_on, Some(day(2026, 12, 20)));
    let errors = RawAction {
        what: String::new(),
        who: "nobody".into(),
        due_on: "20-12-2026".into(),
        status: "finished".into(),
        goal_id: String::new(),
    }
    .parse("a2".into())
    .expect_err("invalid");
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["what", "who", "due_on", "status"]);
}

#[test]
fn actions_may_name_only_what_the_case_has() {
    let plan = Plan {
        goals: vec![Goal {
            id: "g1".into(),
            text: "doel".into(),
            holder: GoalHolder::Youth,
            how_we_know: None,
        }],
        ..Plan::default()
    };
    let members = [MemberId::from_stored("m1")];
    let mut a = action(
        "a",
        Performer::Member(MemberId::from_stored("m1")),
        None,
        ActionStatus::Open,
    );
    assert_eq!(plan.check_references(&a, &members, 1), Ok(()));
    a.who = Performer::Member(MemberId::from_stored("m-other-case"));
    assert_eq!(
        plan.check_references(&a, &members, 1),
        Err(FieldError::new("who", "error-unknown-value"))
    );
    a.who = Performer::Parent(1);
    assert!(plan.check_references(&a, &members, 1).is_err());
    a.who = Performer::Parent(0);
    a.goal_id = Some("g-unknown".into());
    assert_eq!(
        plan.check_references(&a, &members, 1),
        Err(FieldError::new("goal_id", "error-unknown-value"))
    );
}

#[test]
fn comparing_versions_keeps_identity() {
    let old = Plan {
        goals: vec![Goal {
            id: "g1".into(),
            text: "Naar school".into(),
            holder: GoalHolder::Youth,
            how_we_know: None,
        }],
        actions: vec![
            action(
                "a1",
                Performer::Youth,
                Some(day(2026, 12, 1)),
                ActionStatus::Open,
            ),
            action("a2", Performer::Parent(0), None, ActionStatus::Open),
        ],
        safety: SafetySection::default(),
    };
    let mut new = old.clone();
    new.actions[0].status = ActionStatus::Done;
    new.actions[0].progress.push(ProgressNote {
        at: Utc
            .with_ymd_and_hms(2026, 12, 1, 10, 0, 0)
            .single()
            .expect("time"),
        by: "Sanne".into(),
        text: None,
        status: ActionStatus::Done,
    });
    new.actions.remove(1);
    new.actions
        .push(action("a3", Performer::Youth, None, ActionStatus::Open));
    new.goals[0].text = "Elke dag naar school".into();
    new.safety.worries = Some("Ruzie thuis".into());
    let c = compare(&old, &new);
    assert_eq!(c.goals_changed.len(), 1);
    assert!(c.goals_added.is_empty() && c.goals_removed.is_empty());
    assert_eq!(
        c.actions_added.iter().map(|a| &a.id).collect::<Vec<_>>(),
        ["a3"]
    );
    assert_eq!(
        c.actions_removed.iter().map(|a| &a.id).collect::<Vec<_>>(),
        ["a2"]
    );
    assert_eq!(c.actions_changed.len(), 1);
    assert_eq!(
        c.actions_changed[0].status,
        Some((ActionStatus::Open, ActionStatus::Done))
    );
    assert_eq!(c.actions_changed[0].who, None);
    assert!(c.safety_texts_changed);
    assert!(compare(&new, &new).is_empty());
    // Progress notes alone do not change the plan.
    let mut noted = old.clone();
    noted.actions[1].progress = new.actions[0].progress.clone();
    assert!(compare(&old, &noted).is_empty());
}

#[test]
fn without_safety_leaves_no_trace_of_it() {
    let plan = Plan {
        safety: SafetySection {
            worries: Some("zorg".into()),
            working_well: None,
            needs_to_happen: None,
            agreements: vec![SafetyAgreement {
                id: "s1".into(),
                concern: "c".into(),
                agreement: "a".into(),
                who_watches: "oma".into(),
                if_wrong: "bel".into(),
            }],
        },
        ..Plan::default()
    };
    assert!(!plan.safety.is_empty());
    assert!(plan.without_safety().safety.is_empty());
}

#[test]
fn sign_off_splits_who_did_and_who_did_not() {
    let invited = vec![
        ("p1".to_string(), "Sanne".to_string()),
        ("p2".to_string(), "Karin".to_string()),
        ("p3".to_string(), "Oma".to_string()),
    ];
    let (done, open) = sign_off_status(&invited, &["p2".to_string()]);
    assert_eq!(
        done.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
        ["Karin"]
    );
    assert_eq!(
        open.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(),
        ["Sanne", "Oma"]
    );
}

proptest! {
    /// Whatever is typed, parsing never panics, and what it accepts is within its limits.
    #[test]
    fn parsing_never_panics(what in ".{0,300}", who in ".{0,40}", due in ".{0,12}", status in ".{0,10}") {
        let raw = RawAction { what, who, due_on: due, status, goal_id: String::new() };
        if let Ok(a) = raw.parse("a".into()) {
            prop_assert!(!a.what.is_empty());
            prop_assert!(a.what.chars().count() <= TEXT_MAX_LEN);
            prop_assert!(!a.what.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
            prop_assert_eq!(Performer::parse_code(&a.who.as_code()), Some(a.who.clone()));
        }
    }

    /// An action is overdue exactly when it is pending and its day has passed.
    #[test]
    fn overdue_rule(offset in -400i64..400, pending in any::<bool>()) {
        let today = day(2026, 6, 15);
        let due = today + chrono::TimeDelta::days(offset);
        let status = if pending { ActionStatus::Doing } else { ActionStatus::Done };
        let a = action("a", Performer::Youth, Some(due), status);
        prop_assert_eq!(a.is_overdue(today), pending && offset < 0);
    }
}
