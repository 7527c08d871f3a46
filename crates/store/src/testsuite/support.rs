//! Support figures, concerns and moral deliberations, on every backend.

use super::{case_input, event, member, t0};
use crate::{OrgScope, Store, StoreError};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::concern::{Closure, Concern, ConcernStatus, Deliberation, Seriousness};
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::NetworkMember;
use steunkring_domain::support_figure::{
    Acceptance, Agreement, Ending, JimRole, LogEntry, LogKind, Nominator, Screening,
    ScreeningDecision, SupportFigure, SupportKind, SupportStatus, SupportStep,
};

pub(super) fn nomination(id: &str, m: &NetworkMember, words: &str) -> SupportFigure {
    SupportFigure {
        id: id.into(),
        member_id: Some(m.id.clone()),
        member_name: m.name.clone(),
        kind: SupportKind::Jim,
        status: SupportStatus::Nominated,
        nominated_on: t0().date_naive(),
        nominated_by: Nominator::Youth,
        own_words: words.into(),
        screening: None,
        acceptance: None,
        agreement: None,
        ending: None,
    }
}

pub(super) fn screen(decision: ScreeningDecision) -> SupportStep {
    SupportStep::Screen(Screening {
        on: t0().date_naive(),
        safety_concerns: Some("Geen zorgen over veiligheid.".into()),
        decision,
        reason: "Kent het gezin al jaren.".into(),
        by: Some("u1".into()),
    })
}

fn log(id: &str, kind: LogKind, text: &str, days: i64) -> LogEntry {
    LogEntry {
        id: id.into(),
        kind,
        on: t0().date_naive() + chrono::Duration::days(days),
        text: text.into(),
        by: "Oma Joke".into(),
        at: t0() + chrono::Duration::days(days),
    }
}

pub(super) fn concern(
    id: &str,
    about: Option<&NetworkMember>,
    seriousness: Seriousness,
) -> Concern {
    Concern {
        id: id.into(),
        about: about.map(|m| m.id.clone()),
        about_name: about.map(|m| m.name.clone()),
        what: "Oma meldt onveiligheid misschien niet uit loyaliteit.".into(),
        seriousness,
        registered_by: Some("u1".into()),
        registered_by_name: "Pim".into(),
        registered_at: t0(),
        status: ConcernStatus::Open,
        closure: None,
    }
}

fn deliberation(id: &str) -> Deliberation {
    Deliberation {
        id: id.into(),
        held_on: t0().date_naive(),
        question: "Mag Sanne bij oma logeren nu oma ziek is? 🤔".into(),
        participants: vec![
            "Sanne (jongere)".into(),
            "Oma Joke".into(),
            "Gedragswetenschapper Zoë".into(),
        ],
        considerations: "Oma is belangrijk; zorgen over toezicht ’s nachts.".into(),
        decision: "Ja, met een belafspraak.".into(),
        follow_up: Some("Over een maand evalueren.".into()),
        recorded_by: Some("u1".into()),
        recorded_at: t0(),
    }
}

/// Fills a case with one of everything, for the destruction test: a support figure with a
/// log entry, a concern and a deliberation.
pub(super) async fn fill(store: &dyn Store, scope: &OrgScope, case: &CaseId, m: &NetworkMember) {
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let id = format!("sf-{case}");
    store
        .nominate_support_figure(
            scope,
            case,
            &nomination(&id, m, "Mijn coach"),
            ev(AuditAction::Create),
        )
        .await
        .expect("nominate");
    store
        .step_support_figure(
            scope,
            case,
            &id,
            &screen(ScreeningDecision::Approve),
            ev(AuditAction::Update),
        )
        .await
        .expect("screen");
    store
        .add_support_log(
            scope,
            case,
            &id,
            &log(
                &format!("log-{case}"),
                LogKind::Coaching,
                "Eerste gesprek",
                0,
            ),
            ev(AuditAction::Create),
        )
        .await
        .expect("coaching");
    store
        .register_concern(
            scope,
            case,
            &concern(&format!("c-{case}"), None, Seriousness::Low),
            ev(AuditAction::Create),
        )
        .await
        .expect("concern");
    store
        .record_deliberation(
            scope,
            case,
            &deliberation(&format!("d-{case}")),
            ev(AuditAction::Create),
        )
        .await
        .expect("deliberation");
}

pub(super) async fn run(store: &dyn Store) {
    let org = store.create_org("Steunfiguren", t0()).await.expect("org");
    let other = store
        .create_org("Steunfiguren elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let elsewhere = OrgScope::operator(other.id.clone());
    let ev = |action| event(t0(), action, &org.id);
    let team = store
        .create_team(&scope, "Team JIM", ev(AuditAction::Create))
        .await
        .expect("team");
    let today = t0().date_naive();
    let case = store
        .create_case(
            &scope,
            &steunkring_domain::case::CaseDetails::parse(&case_input("Sanne", &team.id), today)
                .expect("valid"),
            today,
            ev(AuditAction::Create),
        )
        .await
        .expect("case");
    let second = store
        .create_case(
            &scope,
            &steunkring_domain::case::CaseDetails::parse(&case_input("Bas", &team.id), today)
                .expect("valid"),
            today,
            ev(AuditAction::Create),
        )
        .await
        .expect("second case");
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

    // Nominating: someone on this case's map, once at a time.
    let words = "Oma luistert altijd — ook als ik boos ben. Één keer per week eten 🍲";
    store
        .nominate_support_figure(
            &scope,
            &case.id,
            &nomination("sf-oma", &oma, words),
            ev(AuditAction::Create),
        )
        .await
        .expect("nominate");
    assert!(matches!(
        store
            .nominate_support_figure(
                &scope,
                &case.id,
                &nomination("sf-oma-2", &oma, "nog eens"),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::Conflict("support_figure_open"))
    ));
    assert!(
        matches!(
            store
                .nominate_support_figure(
                    &scope,
                    &case.id,
                    &nomination("sf-x", &stranger, "x"),
                    ev(AuditAction::Create)
                )
                .await,
            Err(StoreError::NotFound)
        ),
        "a member of another case cannot be nominated"
    );
    assert!(matches!(
        store
            .nominate_support_figure(
                &elsewhere,
                &case.id,
                &nomination("sf-y", &coach, "x"),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let listed = store.support_figures(&scope, &case.id).await.expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].own_words, words, "words round-trip exactly");
    assert_eq!(listed[0].status, SupportStatus::Nominated);
    assert!(matches!(
        store.support_figures(&elsewhere, &case.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            store.support_figure(&scope, &second.id, "sf-oma").await,
            Err(StoreError::NotFound)
        ),
        "a support figure is only found under its own case"
    );

    // The road: accepting before the screening is refused, then screen, agree, accept.
    let accept = SupportStep::Accept(Acceptance {
        on: today,
        participant: "p-oma".into(),
    });
    assert!(matches!(
        store
            .step_support_figure(&scope, &case.id, "sf-oma", &accept, ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("support_step"))
    ));
    store
        .step_support_figure(
            &scope,
            &case.id,
            "sf-oma",
            &screen(ScreeningDecision::Approve),
            ev(AuditAction::Update),
        )
        .await
        .expect("screen");
    assert!(
        matches!(
            store
                .add_support_log(
                    &scope,
                    &case.id,
                    "sf-oma",
                    &log("l0", LogKind::Contact, "te vroeg", 0),
                    ev(AuditAction::Create)
                )
                .await,
            Err(StoreError::Conflict("support_log"))
        ),
        "no contact moments before accepting"
    );
    let agreement = Agreement {
        on: today,
        roles: vec![JimRole::SocioEmotional, JimRole::RoleModel],
        contact_how: "Samen eten en appen".into(),
        contact_frequency: "elke week".into(),
        meetings_part: Some("Zegt in het overleg wat Sanne wil".into()),
    };
    store
        .step_support_figure(
            &scope,
            &case.id,
            "sf-oma",
            &SupportStep::Agree(agreement.clone()),
            ev(AuditAction::Update),
        )
        .await
        .expect("agree");
    let active = store
        .step_support_figure(&scope, &case.id, "sf-oma", &accept, ev(AuditAction::Update))
        .await
        .expect("accept");
    assert_eq!(active.status, SupportStatus::Active);
    let read = store
        .support_figure(&scope, &case.id, "sf-oma")
        .await
        .expect("read");
    assert_eq!(read, active, "everything read back as written");
    assert_eq!(read.agreement, Some(agreement));
    assert_eq!(
        read.acceptance.as_ref().map(|a| a.participant.as_str()),
        Some("p-oma")
    );

    // The logs.
    store
        .add_support_log(
            &scope,
            &case.id,
            "sf-oma",
            &log("l1", LogKind::Coaching, "Gesprek over grenzen", 1),
            ev(AuditAction::Create),
        )
        .await
        .expect("coaching");
    store
        .add_support_log(
            &scope,
            &case.id,
            "sf-oma",
            &log("l2", LogKind::Contact, "Samen naar de markt ☀️", 2),
            ev(AuditAction::Create),
        )
        .await
        .expect("contact");
    let entries = store
        .support_log(&scope, &case.id, "sf-oma")
        .await
        .expect("log");
    assert_eq!(
        entries
            .iter()
            .map(|e| (e.id.as_str(), e.kind))
            .collect::<Vec<_>>(),
        vec![("l2", LogKind::Contact), ("l1", LogKind::Coaching)],
        "newest first"
    );
    assert_eq!(entries[0].text, "Samen naar de markt ☀️");
    assert!(matches!(
        store.support_log(&elsewhere, &case.id, "sf-oma").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.support_log(&scope, &case.id, "nobody").await,
        Err(StoreError::NotFound)
    ));

    // The end; nothing after it.
    let end = SupportStep::End(Ending {
        on: today,
        reason: "Oma verhuist naar Groningen".into(),
        youth_view: Some("Jammer, we blijven bellen.".into()),
    });
    store
        .step_support_figure(&scope, &case.id, "sf-oma", &end, ev(AuditAction::Update))
        .await
        .expect("end");
    assert!(matches!(
        store
            .step_support_figure(&scope, &case.id, "sf-oma", &end, ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("support_step"))
    ));
    assert!(matches!(
        store
            .add_support_log(
                &scope,
                &case.id,
                "sf-oma",
                &log("l3", LogKind::Contact, "na het einde", 3),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::Conflict("support_log"))
    ));
    // Ended, the same person may be nominated again.
    store
        .nominate_support_figure(
            &scope,
            &case.id,
            &nomination("sf-oma-again", &oma, "Toch weer oma"),
            ev(AuditAction::Create),
        )
        .await
        .expect("a new nomination after the end");

    // A declined screening: no acceptance.
    store
        .nominate_support_figure(
            &scope,
            &case.id,
            &nomination("sf-coach", &coach, "Hij is streng maar eerlijk"),
            ev(AuditAction::Create),
        )
        .await
        .expect("nominate coach");
    store
        .step_support_figure(
            &scope,
            &case.id,
            "sf-coach",
            &screen(ScreeningDecision::Decline),
            ev(AuditAction::Update),
        )
        .await
        .expect("screen");
    assert!(matches!(
        store
            .step_support_figure(
                &scope,
                &case.id,
                "sf-coach",
                &accept,
                ev(AuditAction::Update)
            )
            .await,
        Err(StoreError::Conflict("support_step"))
    ));
    assert!(matches!(
        store
            .step_support_figure(
                &elsewhere,
                &case.id,
                "sf-coach",
                &end,
                ev(AuditAction::Update)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    // A member who leaves the map leaves their name behind.
    store
        .remove_member(&scope, &case.id, &oma.id, ev(AuditAction::Delete))
        .await
        .expect("remove oma");
    let after = store.support_figures(&scope, &case.id).await.expect("list");
    assert_eq!(after.len(), 3);
    let first = after
        .iter()
        .find(|f| f.id == "sf-oma")
        .expect("still there");
    assert_eq!(
        (first.member_id.as_ref(), first.member_name.as_str()),
        (None, "Oma Joke")
    );

    // Concerns: about a member or the informal support, closed once.
    store
        .register_concern(
            &scope,
            &case.id,
            &concern("c1", Some(&coach), Seriousness::High),
            ev(AuditAction::Create),
        )
        .await
        .expect("concern about coach");
    store
        .register_concern(
            &scope,
            &case.id,
            &concern("c2", None, Seriousness::Medium),
            ev(AuditAction::Create),
        )
        .await
        .expect("concern about the informal support");
    assert!(matches!(
        store
            .register_concern(
                &scope,
                &case.id,
                &concern("c3", Some(&stranger), Seriousness::Low),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.concerns(&elsewhere, &case.id).await,
        Err(StoreError::NotFound)
    ));
    let closure = Closure {
        at: t0(),
        by: Some("u1".into()),
        what_was_done: "Gesprek met coach en jongere.".into(),
    };
    let closed = store
        .close_concern(&scope, &case.id, "c1", &closure, ev(AuditAction::Update))
        .await
        .expect("close");
    assert_eq!(closed.status, ConcernStatus::Closed);
    assert!(matches!(
        store
            .close_concern(&scope, &case.id, "c1", &closure, ev(AuditAction::Update))
            .await,
        Err(StoreError::Conflict("concern_closed"))
    ));
    assert!(matches!(
        store
            .close_concern(&scope, &second.id, "c2", &closure, ev(AuditAction::Update))
            .await,
        Err(StoreError::NotFound)
    ));
    let concerns = store.concerns(&scope, &case.id).await.expect("concerns");
    assert_eq!(concerns.len(), 2);
    let c1 = concerns.iter().find(|c| c.id == "c1").expect("c1");
    assert_eq!(c1.closure.as_ref(), Some(&closure));
    assert_eq!(c1.about.as_ref(), Some(&coach.id));
    assert!(
        store
            .concerns(&scope, &second.id)
            .await
            .expect("none")
            .is_empty()
    );

    // Deliberations.
    store
        .record_deliberation(
            &scope,
            &case.id,
            &deliberation("d1"),
            ev(AuditAction::Create),
        )
        .await
        .expect("deliberation");
    assert_eq!(
        store.deliberations(&scope, &case.id).await.expect("list"),
        vec![deliberation("d1")]
    );
    assert!(matches!(
        store
            .record_deliberation(
                &elsewhere,
                &case.id,
                &deliberation("d2"),
                ev(AuditAction::Create)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .deliberations(&scope, &second.id)
            .await
            .expect("none")
            .is_empty()
    );

    // Every change is in the audit trail, with its object.
    let trail = store
        .list_audit(
            &scope,
            &crate::AuditFilter {
                case_id: Some(case.id.to_string()),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let count = |object: &str| {
        trail
            .iter()
            .filter(|r| r.event.object_type.as_deref() == Some(object))
            .count()
    };
    // Refused attempts are not in the trail: their transaction never committed.
    assert_eq!(count("support_figure"), 8, "3 nominations, 5 steps");
    assert_eq!(count("support_log"), 2);
    assert_eq!(count("concern"), 3);
    assert_eq!(count("deliberation"), 1);
}
