//! The research dataset's read, on every backend: only cases whose consent covers research on
//! the day, nothing of other organisations, no names, and one audit entry.

use super::{case_input, event, member, t0};
use crate::{AuditFilter, OrgScope, Store, StoredSupportCheck};
use chrono::Duration;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::case::{CaseDetails, Setting};
use steunkring_domain::consent::{
    Category, Consent, Given, Party, Recipient, RecipientRole, ResearchScope, Withdrawal,
};
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{MemberAnswer, RawMemberAnswer, Respondent, SupportCheck};
use steunkring_domain::network::{NumberOrText, Tie, TieKind};
use steunkring_domain::plan::{Action, ActionStatus, Goal, GoalHolder, Performer, Plan};

pub(super) async fn run(store: &dyn Store) {
    let today = t0().date_naive();
    let org = store.create_org("Onderzoek", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let team = store
        .create_team(&scope, "Wijkteam Zuid", ev(AuditAction::Create))
        .await
        .expect("team");
    let new_case = |name: &str| {
        let details = CaseDetails::parse(&case_input(name, &team.id), today).expect("valid");
        let scope = scope.clone();
        let org = org.id.clone();
        async move {
            store
                .create_case(
                    &scope,
                    &details,
                    today,
                    event(t0(), AuditAction::Create, &org),
                )
                .await
                .expect("case")
                .id
        }
    };
    // The young person is 14 (born 29 February 2012): the young person and the mother (with
    // gezag) must both consent.
    let both = vec![Party::Youth, Party::Parent(0)];
    let ask = |case: CaseId, id: &str, category: Category, given_by: Vec<Party>| {
        let scope = scope.clone();
        let org = org.id.clone();
        let required = both.clone();
        let id = id.to_string();
        async move {
            let consent = Consent {
                id: id.clone(),
                category,
                recipient: Recipient::Role(RecipientRole::Research),
                valid_from: today,
                valid_until: None,
                required,
                given: vec![],
                withdrawn: None,
            };
            store
                .ask_consent(
                    &scope,
                    &case,
                    &consent,
                    event(t0(), AuditAction::Create, &org),
                )
                .await
                .expect("ask");
            for party in given_by {
                let given = Given {
                    party,
                    at: t0(),
                    how: "op papier".into(),
                    by_user: None,
                };
                store
                    .give_consent(
                        &scope,
                        &case,
                        &id,
                        &given,
                        event(t0(), AuditAction::Update, &org),
                    )
                    .await
                    .expect("give");
            }
        }
    };

    // In: consent on the measurements and the map.
    let consented = new_case("Noor Onderzoek").await;
    ask(
        consented.clone(),
        "r-m",
        Category::Measurements,
        both.clone(),
    )
    .await;
    ask(consented.clone(), "r-n", Category::NetworkMap, both.clone()).await;
    let oma = member("Oma Truus Geheim", 1, "family");
    let coach = member("Coach Bram Geheim", 2, "professional");
    store
        .add_member(&scope, &consented, &oma, ev(AuditAction::Create))
        .await
        .expect("oma");
    store
        .save_version(&scope, &consented, "Start", today, ev(AuditAction::Create))
        .await
        .expect("version");
    store
        .add_member(&scope, &consented, &coach, ev(AuditAction::Create))
        .await
        .expect("coach");
    let tie = Tie {
        from: oma.id.clone(),
        to: coach.id.clone(),
        kind: TieKind::Stressful,
    };
    store
        .set_tie(&scope, &consented, &tie, ev(AuditAction::Create))
        .await
        .expect("tie");
    let plan = Plan {
        goals: vec![Goal {
            id: "g1".into(),
            text: "Geheim doel van Noor".into(),
            holder: GoalHolder::Youth,
            how_we_know: Some("Geheim".into()),
        }],
        actions: vec![Action {
            id: "a1".into(),
            what: "Geheime actie".into(),
            who: Performer::Member(oma.id.clone()),
            due_on: None,
            status: ActionStatus::Done,
            goal_id: Some("g1".into()),
            progress: vec![],
        }],
        safety: Default::default(),
    };
    store
        .save_plan(&scope, &consented, &plan, 0, ev(AuditAction::Update))
        .await
        .expect("plan");
    store
        .start_support_check(
            &scope,
            &consented,
            &StoredSupportCheck {
                id: "rc-1".into(),
                check: SupportCheck::start(Respondent::Youth, today),
                participant_id: None,
                created_at: t0(),
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("check");
    let n = |x| Some(NumberOrText::Number(x));
    let answer = MemberAnswer::parse(&RawMemberAnswer {
        member: oma.id.as_str().to_string(),
        perceived_concrete: n(3),
        perceived_emotional: n(3),
        perceived_informational: n(2),
        received_concrete: n(1),
        received_emotional: n(1),
        received_informational: n(1),
        criticalness: n(1),
        direction: Some("mutual".into()),
        closeness: n(3),
        seen: n(3),
        known: Some("more_than_five".into()),
    })
    .expect("answer");
    store
        .record_support_answer(&scope, &consented, "rc-1", &answer, ev(AuditAction::Update))
        .await
        .expect("record");
    store
        .finish_support_check(&scope, &consented, "rc-1", ev(AuditAction::Update))
        .await
        .expect("finish");

    // Out: only the young person consented.
    let pending = new_case("Pim Half").await;
    ask(
        pending.clone(),
        "r-p",
        Category::Measurements,
        vec![Party::Youth],
    )
    .await;
    // Out: both consented, then the mother withdrew.
    let withdrawn = new_case("Wim Ingetrokken").await;
    ask(
        withdrawn.clone(),
        "r-w",
        Category::Measurements,
        both.clone(),
    )
    .await;
    store
        .withdraw_consent(
            &scope,
            &withdrawn,
            "r-w",
            &Withdrawal {
                party: Party::Parent(0),
                at: t0() + Duration::minutes(5),
            },
            ev(AuditAction::Update),
        )
        .await
        .expect("withdraw");
    // Out: consent on the map only, and a consent on the measurements for the parents.
    let map_only = new_case("Mara Kaart").await;
    ask(map_only.clone(), "r-k", Category::NetworkMap, both.clone()).await;
    let for_parents = Consent {
        id: "r-ouders".into(),
        category: Category::Measurements,
        recipient: Recipient::Role(RecipientRole::Parents),
        valid_from: today,
        valid_until: None,
        required: vec![],
        given: vec![],
        withdrawn: None,
    };
    store
        .ask_consent(&scope, &map_only, &for_parents, ev(AuditAction::Create))
        .await
        .expect("ask for parents");
    // Not yet: consented from tomorrow.
    let later = new_case("Lotte Later").await;
    let tomorrow = Consent {
        id: "r-l".into(),
        category: Category::Measurements,
        recipient: Recipient::Role(RecipientRole::Research),
        valid_from: today + Duration::days(1),
        valid_until: None,
        required: vec![Party::Youth],
        given: vec![Given {
            party: Party::Youth,
            at: t0(),
            how: "in het gesprek".into(),
            by_user: None,
        }],
        withdrawn: None,
    };
    store
        .ask_consent(&scope, &later, &tomorrow, ev(AuditAction::Create))
        .await
        .expect("ask later");

    // Another organisation's consented case never shows.
    let other_org = store.create_org("Elders", t0()).await.expect("org");
    let other_scope = OrgScope::operator(other_org.id.clone());
    let other_team = store
        .create_team(
            &other_scope,
            "Elders",
            event(t0(), AuditAction::Create, &other_org.id),
        )
        .await
        .expect("team");
    let elsewhere = store
        .create_case(
            &other_scope,
            &CaseDetails::parse(&case_input("Eva Elders", &other_team.id), today).expect("valid"),
            today,
            event(t0(), AuditAction::Create, &other_org.id),
        )
        .await
        .expect("case")
        .id;
    let elsewhere_consent = Consent {
        id: "r-e".into(),
        required: vec![Party::Youth],
        given: vec![],
        ..tomorrow.clone()
    };
    let elsewhere_consent = Consent {
        valid_from: today,
        ..elsewhere_consent
    };
    store
        .ask_consent(
            &other_scope,
            &elsewhere,
            &elsewhere_consent,
            event(t0(), AuditAction::Create, &other_org.id),
        )
        .await
        .expect("ask elsewhere");
    store
        .give_consent(
            &other_scope,
            &elsewhere,
            "r-e",
            &tomorrow.given[0],
            event(t0(), AuditAction::Update, &other_org.id),
        )
        .await
        .expect("give elsewhere");

    let rows = store
        .research_rows(&scope, today, ev(AuditAction::Export))
        .await
        .expect("rows");
    let ids: Vec<&CaseId> = rows.iter().map(|r| &r.case_id).collect();
    assert_eq!(ids, vec![&consented], "only the consented case");
    let row = &rows[0];
    assert_eq!(row.birth_date.to_string(), "2012-02-29");
    assert_eq!(row.setting, Setting::Wijkteam);
    assert_eq!(row.team, "Wijkteam Zuid");
    assert_eq!(row.opened_on, today);
    assert_eq!(row.closed_on, None);
    assert_eq!(
        row.scope,
        ResearchScope {
            network: true,
            plan: false
        }
    );
    assert_eq!(row.network.members.len(), 2);
    assert_eq!(row.network.ties.len(), 1);
    assert_eq!(row.start.as_ref().map(|n| n.members.len()), Some(1));
    assert_eq!(row.support_figures, 0);
    let read_plan = row.plan.as_ref().expect("a plan");
    assert_eq!(read_plan.goals.len(), 1);
    assert_eq!(read_plan.actions.len(), 1);
    assert_eq!(read_plan.actions[0].who, Performer::Member(oma.id.clone()));
    assert_eq!(read_plan.actions[0].status, ActionStatus::Done);
    assert_eq!(row.support_checks.len(), 1);
    assert!(row.support_checks[0].is_finished());
    assert!(row.outcomes.is_empty() && row.screenings.is_empty() && row.self_reports.is_empty());
    // Nothing the dataset may not hold was read at all.
    let text = format!("{rows:?}");
    for secret in ["Geheim", "Truus", "Bram", "Noor", "oom", "loyaal", "papier"] {
        assert!(!text.contains(secret), "{secret} was read");
    }
    // The member's other facts came along: the informal one is still informal.
    assert!(
        row.network
            .members
            .iter()
            .any(|m| m.id == oma.id && m.is_informal())
    );

    // Tomorrow the later case is in too; the other organisation never.
    let tomorrow_rows = store
        .research_rows(&scope, today + Duration::days(1), ev(AuditAction::Export))
        .await
        .expect("rows");
    let mut expected = vec![consented.clone(), later.clone()];
    expected.sort();
    assert_eq!(
        tomorrow_rows
            .iter()
            .map(|r| r.case_id.clone())
            .collect::<Vec<_>>(),
        expected
    );
    let elsewhere_rows = store
        .research_rows(
            &other_scope,
            today,
            event(t0(), AuditAction::Export, &other_org.id),
        )
        .await
        .expect("rows");
    assert_eq!(
        elsewhere_rows
            .iter()
            .map(|r| r.case_id.clone())
            .collect::<Vec<_>>(),
        vec![elsewhere]
    );

    // One audit entry per export, for the organisation, with the number of cases.
    let audit = store
        .list_audit(
            &scope,
            &AuditFilter {
                limit: 5,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let exports: Vec<_> = audit
        .iter()
        .filter(|r| r.event.object_type.as_deref() == Some("research_dataset"))
        .collect();
    assert_eq!(exports.len(), 2);
    assert_eq!(exports[0].event.object_id.as_deref(), Some("2"));
    assert_eq!(exports[1].event.object_id.as_deref(), Some("1"));
    assert!(exports.iter().all(|r| r.event.case_id.is_none()));
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        None
    );
}
