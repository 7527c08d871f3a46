//! Support checks, on every backend.

use super::{case_input, event, member, t0};
use crate::{OrgScope, Store, StoreError, StoredSupportCheck};
use chrono::Duration;
use steunkring_domain::audit::{AuditAction, AuditEvent};
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{MemberAnswer, RawMemberAnswer, Respondent, SupportCheck};
use steunkring_domain::network::{NetworkMember, NumberOrText};

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
}
