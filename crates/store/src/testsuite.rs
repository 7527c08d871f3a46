//! The store test-suite: one story that every backend must pass. Each backend's tests call
//! [`run_all`] with a fresh, migrated store.

mod insight;
mod measure;
mod overview;
mod plan;
mod research;
mod support;

use crate::{
    AuditFilter, CaseQuery, NewSession, NewUser, OrgScope, SessionKind, SessionStage, Store,
    StoreError,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::{Email, OrgId, PersonName, Role, TeamId};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .expect("valid time")
}

fn event(at: DateTime<Utc>, action: AuditAction, org: &OrgId) -> AuditEvent {
    let mut e = AuditEvent::new(at, action, Outcome::Success);
    e.org_id = Some(org.clone());
    e
}

fn new_user(email: &str, roles: &[Role], teams: &[TeamId]) -> NewUser {
    NewUser {
        email: Email::parse(email).expect("valid email"),
        name: PersonName::parse("name", "Test Gebruiker").expect("valid name"),
        roles: roles.to_vec(),
        teams: teams.to_vec(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
        at: t0(),
    }
}

/// Runs every check of the suite, in order, on `store`.
pub async fn run_all(store: &dyn Store) {
    store.ping().await.expect("ping");
    orgs_teams_and_users(store).await;
    organisation_isolation(store).await;
    sessions(store).await;
    throttling_records(store).await;
    audit_chain(store).await;
    cases(store).await;
    network(store).await;
    import(store).await;
    invitations(store).await;
    consents(store).await;
    research::run(store).await;
    rights(store).await;
    case_page(store).await;
    case_page_network_revision(store).await;
    case_page_parts_revision(store).await;
    plan::run(store).await;
    support::run(store).await;
    measure::run(store).await;
    overview::run(store).await;
    insight::run(store).await;
}

async fn orgs_teams_and_users(store: &dyn Store) {
    let org = store
        .create_org("Jeugdhulp Noord", t0())
        .await
        .expect("org");
    assert!(matches!(
        store.create_org("Jeugdhulp Noord", t0()).await,
        Err(StoreError::Conflict(_))
    ));
    let found = store
        .find_org_by_name("Jeugdhulp Noord")
        .await
        .expect("find")
        .expect("exists");
    assert_eq!(found.id, org.id);
    let scope = OrgScope::operator(org.id.clone());
    let team = store
        .create_team(
            &scope,
            "Wijkteam Centrum",
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("team");
    let teams = store.list_teams(&scope).await.expect("teams");
    assert_eq!(teams, vec![team.clone()]);

    let user = store
        .create_user(
            &scope,
            new_user(
                "Sanne@Example.nl",
                &[Role::Professional, Role::Admin],
                std::slice::from_ref(&team.id),
            ),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("user");
    assert_eq!(user.email, "sanne@example.nl");
    let again = store.get_user(&scope, &user.id).await.expect("get");
    assert_eq!(again.roles, vec![Role::Professional, Role::Admin]);
    assert_eq!(again.teams, vec![team.id.clone()]);
    assert!(!again.disabled && !again.totp_enabled);

    let dup = store
        .create_user(
            &scope,
            new_user("sanne@example.nl", &[Role::Analyst], &[]),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await;
    assert!(
        matches!(dup, Err(StoreError::Conflict("email"))),
        "duplicate e-mail: {dup:?}"
    );

    let login = store
        .find_login(&Email::parse("sanne@example.nl").expect("valid"))
        .await
        .expect("login")
        .expect("exists");
    assert_eq!(login.user_id, user.id);
    assert!(!login.org_requires_totp);

    store
        .set_totp_secret(
            &user.id,
            Some("JBSWY3DPEHPK3PXP"),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("totp");
    // A code's time step is accepted once; only later steps after it; a new secret starts over.
    assert!(store.claim_totp_step(&user.id, 100).await.expect("claim"));
    assert!(!store.claim_totp_step(&user.id, 100).await.expect("replay"));
    assert!(!store.claim_totp_step(&user.id, 99).await.expect("earlier"));
    assert!(store.claim_totp_step(&user.id, 101).await.expect("later"));
    let (first, second) = tokio::join!(
        store.claim_totp_step(&user.id, 102),
        store.claim_totp_step(&user.id, 102)
    );
    assert_eq!(
        [first.expect("one"), second.expect("two")]
            .iter()
            .filter(|won| **won)
            .count(),
        1,
        "two logins with the same code at the same moment: one wins"
    );
    store
        .set_totp_secret(
            &user.id,
            Some("JBSWY3DPEHPK3PXP"),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("new secret");
    assert!(
        store
            .claim_totp_step(&user.id, 50)
            .await
            .expect("after a new secret")
    );
    store
        .set_org_require_totp(&scope, true, event(t0(), AuditAction::Update, &org.id))
        .await
        .expect("require");
    let login = store
        .find_login(&Email::parse("sanne@example.nl").expect("valid"))
        .await
        .expect("login")
        .expect("exists");
    assert_eq!(login.totp_secret.as_deref(), Some("JBSWY3DPEHPK3PXP"));
    assert!(login.org_requires_totp);
    assert!(
        store
            .get_user(&scope, &user.id)
            .await
            .expect("get")
            .totp_enabled
    );

    store
        .set_user_teams(
            &scope,
            &user.id,
            &[],
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("teams");
    assert!(
        store
            .get_user(&scope, &user.id)
            .await
            .expect("get")
            .teams
            .is_empty()
    );
}

async fn organisation_isolation(store: &dyn Store) {
    let a = store
        .create_org("Organisatie A", t0())
        .await
        .expect("org a");
    let b = store
        .create_org("Organisatie B", t0())
        .await
        .expect("org b");
    let sa = OrgScope::operator(a.id.clone());
    let sb = OrgScope::operator(b.id.clone());
    let team_b = store
        .create_team(&sb, "Team B", event(t0(), AuditAction::Create, &b.id))
        .await
        .expect("team b");
    let user_a = store
        .create_user(
            &sa,
            new_user("a@example.nl", &[Role::Admin], &[]),
            event(t0(), AuditAction::Create, &a.id),
        )
        .await
        .expect("user a");

    // Another organisation's user, team and audit entries are invisible and untouchable.
    assert!(matches!(
        store.get_user(&sb, &user_a.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(store.list_users(&sb).await.expect("list").is_empty());
    assert!(matches!(
        store
            .set_user_disabled(
                &sb,
                &user_a.id,
                true,
                event(t0(), AuditAction::Update, &b.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(!store.get_user(&sa, &user_a.id).await.expect("get").disabled);
    // A user cannot be put in another organisation's team.
    let cross = store
        .create_user(
            &sa,
            new_user(
                "x@example.nl",
                &[Role::Professional],
                std::slice::from_ref(&team_b.id),
            ),
            event(t0(), AuditAction::Create, &a.id),
        )
        .await;
    assert!(matches!(cross, Err(StoreError::NotFound)), "{cross:?}");
    assert!(
        store
            .find_login(&Email::parse("x@example.nl").expect("valid"))
            .await
            .expect("find")
            .is_none(),
        "the refused user was not half-written"
    );
    let audit_b = store
        .list_audit(
            &sb,
            &AuditFilter {
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert!(
        audit_b
            .iter()
            .all(|r| r.event.org_id.as_ref() == Some(&b.id))
    );
    assert!(!audit_b.is_empty());
}

async fn sessions(store: &dyn Store) {
    let org = store.create_org("Sessies", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let user = store
        .create_user(
            &scope,
            new_user("sessie@example.nl", &[Role::Professional], &[]),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("user");
    let session = |hash: &str, stage| NewSession {
        token_hash: hash.into(),
        user_id: user.id.clone(),
        kind: SessionKind::Browser,
        stage,
        created_at: t0(),
    };
    store
        .create_session(
            session("h1", SessionStage::AwaitingSecondFactor),
            event(t0(), AuditAction::Login, &org.id),
        )
        .await
        .expect("session");
    let s = store
        .find_session("h1")
        .await
        .expect("find")
        .expect("exists");
    assert_eq!(s.stage, SessionStage::AwaitingSecondFactor);
    assert_eq!(s.user_id, user.id);
    assert_eq!(s.roles, vec![Role::Professional]);
    assert_eq!(s.last_seen_at, t0());

    // Rotation: the half-finished session is gone, the full one exists.
    store
        .replace_session(
            "h1",
            session("h2", SessionStage::Full),
            event(t0(), AuditAction::Login, &org.id),
        )
        .await
        .expect("replace");
    assert!(store.find_session("h1").await.expect("find").is_none());
    assert_eq!(
        store
            .find_session("h2")
            .await
            .expect("find")
            .expect("exists")
            .stage,
        SessionStage::Full
    );
    assert!(matches!(
        store
            .replace_session(
                "h1",
                session("h3", SessionStage::Full),
                event(t0(), AuditAction::Login, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    let later = t0() + Duration::minutes(10);
    store.touch_session("h2", later).await.expect("touch");
    assert_eq!(
        store
            .find_session("h2")
            .await
            .expect("find")
            .expect("exists")
            .last_seen_at,
        later
    );

    // Expiry sweep: idle for 30 minutes.
    assert_eq!(
        store
            .delete_expired_sessions(later + Duration::minutes(29))
            .await
            .expect("sweep"),
        0
    );
    assert_eq!(
        store
            .delete_expired_sessions(later + Duration::minutes(30))
            .await
            .expect("sweep"),
        1
    );

    // Disabling ends every session; a password change ends every other one.
    store
        .create_session(
            session("h4", SessionStage::Full),
            event(t0(), AuditAction::Login, &org.id),
        )
        .await
        .expect("s4");
    store
        .create_session(
            session("h5", SessionStage::Full),
            event(t0(), AuditAction::Login, &org.id),
        )
        .await
        .expect("s5");
    store
        .set_password_hash(
            &user.id,
            "new-hash",
            Some("h4"),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("password");
    assert!(store.find_session("h4").await.expect("find").is_some());
    assert!(store.find_session("h5").await.expect("find").is_none());
    store
        .set_user_disabled(
            &scope,
            &user.id,
            true,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("disable");
    assert!(store.find_session("h4").await.expect("find").is_none());
    store
        .delete_session("nonexistent", None)
        .await
        .expect("deleting nothing is fine");
}

async fn throttling_records(store: &dyn Store) {
    let org = store.create_org("Drempel", t0()).await.expect("org");
    for i in 0..3 {
        let at = t0() + Duration::minutes(i);
        store
            .record_login_failure(
                "iemand@example.nl",
                "10.0.0.1",
                event(at, AuditAction::LoginFailed, &org.id),
            )
            .await
            .expect("failure");
    }
    store
        .record_login_failure(
            "ander@example.nl",
            "10.0.0.1",
            event(t0(), AuditAction::LoginFailed, &org.id),
        )
        .await
        .expect("failure");
    let f = store
        .login_failures_for_account("iemand@example.nl", t0() + Duration::minutes(1))
        .await
        .expect("failures");
    assert_eq!(
        f,
        vec![t0() + Duration::minutes(1), t0() + Duration::minutes(2)]
    );
    assert_eq!(
        store
            .login_failures_for_addr("10.0.0.1", t0())
            .await
            .expect("addr"),
        4
    );
    assert_eq!(
        store
            .login_failures_for_addr("10.0.0.2", t0())
            .await
            .expect("addr"),
        0
    );
    store
        .clear_login_failures("iemand@example.nl")
        .await
        .expect("clear");
    assert!(
        store
            .login_failures_for_account("iemand@example.nl", t0())
            .await
            .expect("failures")
            .is_empty()
    );
}

async fn audit_chain(store: &dyn Store) {
    let org = store.create_org("Logboek", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let mut batch = Vec::new();
    for i in 0..5 {
        let mut e = event(t0() + Duration::seconds(i), AuditAction::Read, &org.id);
        e.case_id = Some(format!("case-{}", i % 2));
        e.purpose = Some("care".into());
        e.source_addr = Some("192.0.2.7".into());
        batch.push(e);
    }
    store.append_audit(batch).await.expect("append");
    store
        .append_audit(Vec::new())
        .await
        .expect("an empty batch is fine");

    let case_1 = store
        .list_audit(
            &scope,
            &AuditFilter {
                case_id: Some("case-1".into()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(case_1.len(), 2);
    assert!(case_1[0].seq > case_1[1].seq, "newest first");
    assert_eq!(case_1[0].event.purpose.as_deref(), Some("care"));

    let period = store
        .list_audit(
            &scope,
            &AuditFilter {
                from: Some(t0() + Duration::seconds(1)),
                until: Some(t0() + Duration::seconds(3)),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(period.len(), 2);

    let paged = store
        .list_audit(
            &scope,
            &AuditFilter {
                limit: 2,
                ..Default::default()
            },
        )
        .await
        .expect("page 1");
    assert_eq!(paged.len(), 2);
    let next = store
        .list_audit(
            &scope,
            &AuditFilter {
                limit: 50,
                before_seq: Some(paged[1].seq),
                ..Default::default()
            },
        )
        .await
        .expect("page 2");
    assert!(next.iter().all(|r| r.seq < paged[1].seq));

    // A large group commit is written in several multi-row statements (64 + 32 + 4 + 2 + 1
    // rows here); the entries keep their order and the chain stays whole.
    let big: Vec<AuditEvent> = (0..103)
        .map(|i| {
            let mut e = event(
                t0() + Duration::seconds(100 + i),
                AuditAction::Read,
                &org.id,
            );
            e.case_id = Some(format!("big-{i}"));
            e
        })
        .collect();
    store.append_audit(big).await.expect("append a large batch");
    let written = store
        .list_audit(
            &scope,
            &AuditFilter {
                from: Some(t0() + Duration::seconds(100)),
                limit: 500,
                ..Default::default()
            },
        )
        .await
        .expect("list the large batch");
    assert_eq!(written.len(), 103);
    for (pair, newest_first) in written.windows(2).zip(0..) {
        assert_eq!(pair[0].seq, pair[1].seq + 1, "consecutive");
        assert_eq!(pair[0].prev_hash, pair[1].hash, "chained");
        assert_eq!(
            pair[0].event.case_id.as_deref(),
            Some(format!("big-{}", 102 - newest_first).as_str()),
            "in the order given"
        );
    }

    let report = store.verify_audit().await.expect("verify");
    assert_eq!(report.first_broken, None);
    assert!(report.checked >= 108);
}

fn case_input(name: &str, team: &TeamId) -> steunkring_domain::case::CaseInput {
    steunkring_domain::case::CaseInput {
        youth_name: name.into(),
        birth_date: "2012-02-29".into(),
        setting: "wijkteam".into(),
        team_id: team.to_string(),
        parents: vec![
            steunkring_domain::case::Parent {
                name: "Moeder de Vries".into(),
                gezag: true,
            },
            steunkring_domain::case::Parent {
                name: "Vader Jansen".into(),
                gezag: false,
            },
        ],
        ..Default::default()
    }
}

async fn cases(store: &dyn Store) {
    use steunkring_domain::case::{CaseDetails, CaseStatus, Setting};
    let today = t0().date_naive();
    let org = store.create_org("Dossiers", t0()).await.expect("org");
    let other = store
        .create_org("Dossiers elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let other_scope = OrgScope::operator(other.id.clone());
    let t1 = store
        .create_team(&scope, "Team 1", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("t1");
    let t2 = store
        .create_team(&scope, "Team 2", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("t2");
    let foreign_team = store
        .create_team(
            &other_scope,
            "Team X",
            event(t0(), AuditAction::Create, &other.id),
        )
        .await
        .expect("tx");
    let lead = store
        .create_user(
            &scope,
            new_user(
                "lead@example.nl",
                &[Role::Professional],
                std::slice::from_ref(&t1.id),
            ),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("lead");
    let analyst = store
        .create_user(
            &scope,
            new_user("analist@example.nl", &[Role::Analyst], &[]),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("analyst");

    let mut input = case_input("Sam de Boer", &t1.id);
    input.network_lead = Some(lead.id.to_string());
    input.preferred_name = Some("Sammie".into());
    let details = CaseDetails::parse(&input, today).expect("valid");
    let case = store
        .create_case(
            &scope,
            &details,
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    assert_eq!(case.team_name, "Team 1");
    assert_eq!(case.network_lead_name.as_deref(), Some("Test Gebruiker"));
    assert_eq!(case.status, CaseStatus::Open);
    assert_eq!(
        case.birth_date,
        chrono::NaiveDate::from_ymd_opt(2012, 2, 29).expect("date")
    );
    let again = store.get_case(&scope, &case.id).await.expect("get");
    assert_eq!(again, case);
    assert_eq!(again.parents.len(), 2);
    assert!(again.parents[0].gezag && !again.parents[1].gezag);
    assert!(matches!(
        store.get_case(&other_scope, &case.id).await,
        Err(StoreError::NotFound)
    ));

    // Refused references leave nothing behind.
    let bad_team =
        CaseDetails::parse(&case_input("Fout Team", &foreign_team.id), today).expect("valid");
    assert!(matches!(
        store
            .create_case(
                &scope,
                &bad_team,
                today,
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let mut bad_lead = case_input("Foute Leider", &t1.id);
    bad_lead.network_lead = Some(analyst.id.to_string());
    let bad_lead = CaseDetails::parse(&bad_lead, today).expect("valid");
    assert!(matches!(
        store
            .create_case(
                &scope,
                &bad_lead,
                today,
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    for name in ["Noor Bakker", "Daan 100% Visser", "Lotte_Smit"] {
        let d = CaseDetails::parse(&case_input(name, &t2.id), today).expect("valid");
        store
            .create_case(&scope, &d, today, event(t0(), AuditAction::Create, &org.id))
            .await
            .expect("case");
    }
    let all = store
        .list_cases(
            &scope,
            &CaseQuery {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(all.len(), 4);
    let team_1 = store
        .list_cases(
            &scope,
            &CaseQuery {
                teams: Some(vec![t1.id.clone()]),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(
        team_1
            .iter()
            .map(|c| c.youth_name.as_str())
            .collect::<Vec<_>>(),
        vec!["Sam de Boer"]
    );
    let none = store
        .list_cases(
            &scope,
            &CaseQuery {
                teams: Some(vec![]),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert!(none.is_empty());
    let search = |term: &str| CaseQuery {
        search: Some(term.into()),
        limit: 50,
        ..Default::default()
    };
    assert_eq!(
        store
            .list_cases(&scope, &search("SAMMIE"))
            .await
            .expect("search")
            .len(),
        1,
        "preferred name, any case"
    );
    assert_eq!(
        store
            .list_cases(&scope, &search("100%"))
            .await
            .expect("search")
            .len(),
        1
    );
    assert_eq!(
        store
            .list_cases(&scope, &search("%"))
            .await
            .expect("search")
            .len(),
        1,
        "% is literal"
    );
    assert_eq!(
        store
            .list_cases(&scope, &search("_"))
            .await
            .expect("search")
            .len(),
        1,
        "_ is literal"
    );
    assert!(
        store
            .list_cases(
                &other_scope,
                &CaseQuery {
                    limit: 50,
                    ..Default::default()
                }
            )
            .await
            .expect("list")
            .is_empty()
    );

    // Paging by cursor, newest first.
    let page1 = store
        .list_cases(
            &scope,
            &CaseQuery {
                limit: 2,
                ..Default::default()
            },
        )
        .await
        .expect("page");
    let page2 = store
        .list_cases(
            &scope,
            &CaseQuery {
                limit: 2,
                after: Some(page1[1].id.to_string()),
                ..Default::default()
            },
        )
        .await
        .expect("page");
    assert_eq!(page1.len() + page2.len(), 4);
    assert!(page1.iter().all(|a| page2.iter().all(|b| a.id != b.id)));

    let mut changed = input.clone();
    changed.team_id = t2.id.to_string();
    changed.setting = "crisis".into();
    changed.parents.truncate(1);
    let updated = store
        .update_case(
            &scope,
            &case.id,
            &CaseDetails::parse(&changed, today).expect("valid"),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("update");
    assert_eq!(updated.setting, Setting::Crisis);
    assert_eq!(updated.team_id, t2.id);
    assert_eq!(
        store
            .get_case(&scope, &case.id)
            .await
            .expect("get")
            .parents
            .len(),
        1
    );
    assert!(matches!(
        store
            .update_case(
                &other_scope,
                &case.id,
                &CaseDetails::parse(&changed, today).expect("valid"),
                event(t0(), AuditAction::Update, &other.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    store
        .set_case_status(
            &scope,
            &case.id,
            CaseStatus::Closed,
            today,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("close");
    let closed = store.get_case(&scope, &case.id).await.expect("get");
    assert_eq!(
        (closed.status, closed.closed_on),
        (CaseStatus::Closed, Some(today))
    );
    assert_eq!(
        store
            .list_cases(
                &scope,
                &CaseQuery {
                    limit: 50,
                    ..Default::default()
                }
            )
            .await
            .expect("list")
            .len(),
        3
    );
    assert_eq!(
        store
            .list_cases(
                &scope,
                &CaseQuery {
                    include_closed: true,
                    limit: 50,
                    ..Default::default()
                }
            )
            .await
            .expect("list")
            .len(),
        4
    );
    let trail = store
        .list_audit(
            &scope,
            &AuditFilter {
                case_id: Some(case.id.to_string()),
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(
        trail.len(),
        3,
        "create, update, close are audited with the case"
    );
}

fn member(name: &str, ring: u8, sector: &str) -> steunkring_domain::network::NetworkMember {
    use steunkring_domain::network::{MemberId, NewMember, RawMember, RawSupport};
    let raw = RawMember {
        name: name.into(),
        relation: "oom".into(),
        ring: Some(steunkring_domain::network::NumberOrText::Number(i64::from(
            ring,
        ))),
        sector: sector.into(),
        support: vec![RawSupport {
            kind: "emotional".into(),
            direction: Some("mutual".into()),
        }],
        roles: vec!["support_figure".into()],
        risk: Some("Kan loyaal zijn aan vader".into()),
        contact_frequency: Some(steunkring_domain::network::NumberOrText::Number(3)),
        known_years: Some("more_than_five".into()),
        ..Default::default()
    };
    NewMember::parse(&raw)
        .expect("valid member")
        .into_member(MemberId::generate())
}

async fn network(store: &dyn Store) {
    use steunkring_domain::case::CaseDetails;
    use steunkring_domain::network::{Ring, Tie, TieKind};
    let today = t0().date_naive();
    let org = store.create_org("Netwerken", t0()).await.expect("org");
    let other = store
        .create_org("Netwerken elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let other_scope = OrgScope::operator(other.id.clone());
    let team = store
        .create_team(&scope, "Team N", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let mk = |name: &str| CaseDetails::parse(&case_input(name, &team.id), today).expect("valid");
    let case = store
        .create_case(
            &scope,
            &mk("Jesse"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    let second = store
        .create_case(
            &scope,
            &mk("Tess"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");

    let oma = member("Oma Truus", 1, "family");
    let coach = member("Coach Ali", 2, "leisure");
    let juf = member("Juf Anke", 3, "school_work");
    for m in [&oma, &coach, &juf] {
        store
            .add_member(
                &scope,
                &case.id,
                m,
                event(t0(), AuditAction::Create, &org.id),
            )
            .await
            .expect("member");
    }
    let elsewhere = member("Buurman", 1, "neighbourhood");
    store
        .add_member(
            &scope,
            &second.id,
            &elsewhere,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("member");
    assert!(matches!(
        store
            .add_member(
                &other_scope,
                &case.id,
                &member("X", 1, "family"),
                event(t0(), AuditAction::Create, &other.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    let net = store.network(&scope, &case.id).await.expect("network");
    assert_eq!(
        net.members,
        vec![oma.clone(), coach.clone(), juf.clone()],
        "round trip, in order added"
    );
    assert!(matches!(
        store.network(&other_scope, &case.id).await,
        Err(StoreError::NotFound)
    ));

    let tie = Tie {
        from: juf.id.clone(),
        to: oma.id.clone(),
        kind: TieKind::Stressful,
    };
    store
        .set_tie(
            &scope,
            &case.id,
            &tie,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("tie");
    let again = Tie {
        from: oma.id.clone(),
        to: juf.id.clone(),
        kind: TieKind::Broken,
    };
    store
        .set_tie(
            &scope,
            &case.id,
            &again,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("same pair");
    let net = store.network(&scope, &case.id).await.expect("network");
    assert_eq!(net.ties.len(), 1, "a→b and b→a are one tie");
    assert_eq!(net.ties[0].kind, TieKind::Broken);
    let across = Tie {
        from: oma.id.clone(),
        to: elsewhere.id.clone(),
        kind: TieKind::Knows,
    };
    assert!(matches!(
        store
            .set_tie(
                &scope,
                &case.id,
                &across,
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let itself = Tie {
        from: oma.id.clone(),
        to: oma.id.clone(),
        kind: TieKind::Knows,
    };
    assert!(
        store
            .set_tie(
                &scope,
                &case.id,
                &itself,
                event(t0(), AuditAction::Create, &org.id)
            )
            .await
            .is_err()
    );

    let v1 = store
        .save_version(
            &scope,
            &case.id,
            "Eerste gesprek",
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("v1");
    assert_eq!(v1.member_count, 3);

    let mut moved = coach.clone();
    moved.ring = Ring::parse(1).expect("ring");
    store
        .update_member(
            &scope,
            &case.id,
            &moved,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("update");
    store
        .remove_member(
            &scope,
            &case.id,
            &juf.id,
            event(t0(), AuditAction::Delete, &org.id),
        )
        .await
        .expect("remove");
    assert!(matches!(
        store
            .remove_member(
                &scope,
                &case.id,
                &juf.id,
                event(t0(), AuditAction::Delete, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let net = store.network(&scope, &case.id).await.expect("network");
    assert_eq!(net.members.len(), 2);
    assert!(
        net.ties.is_empty(),
        "the removed member's ties went with them"
    );
    assert!(
        matches!(
            store
                .update_member(
                    &scope,
                    &second.id,
                    &moved,
                    event(t0(), AuditAction::Update, &org.id)
                )
                .await,
            Err(StoreError::NotFound)
        ),
        "a member is changed only within its own case"
    );

    let history = store
        .member_history(&scope, &case.id, &coach.id)
        .await
        .expect("history");
    assert_eq!(history.len(), 1, "the change kept what it replaced");
    assert_eq!(history[0].before.ring.number(), 2);
    assert!(!history[0].removed);
    let gone = store
        .member_history(&scope, &case.id, &juf.id)
        .await
        .expect("history");
    assert!(
        gone.len() == 1 && gone[0].removed && gone[0].before.name == "Juf Anke",
        "a removal keeps the member as it was"
    );
    assert!(matches!(
        store
            .member_history(&other_scope, &case.id, &coach.id)
            .await,
        Err(StoreError::NotFound)
    ));
    let v2 = store
        .save_version(
            &scope,
            &case.id,
            "Na netwerkberaad",
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("v2");
    let versions = store
        .list_versions(&scope, &case.id)
        .await
        .expect("versions");
    assert_eq!(
        versions.iter().map(|v| v.id.clone()).collect::<Vec<_>>(),
        vec![v1.id.clone(), v2.id.clone()]
    );
    let (_, old) = store
        .get_version(&scope, &case.id, &v1.id)
        .await
        .expect("v1");
    assert_eq!(old.members.len(), 3);
    assert_eq!(old.ties.len(), 1);
    assert_eq!(
        old.members[1].ring.number(),
        2,
        "the version kept the old ring"
    );
    assert!(matches!(
        store.get_version(&scope, &second.id, &v1.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.get_version(&other_scope, &case.id, &v1.id).await,
        Err(StoreError::NotFound)
    ));
}

async fn import(store: &dyn Store) {
    use steunkring_domain::case::CaseDetails;
    use steunkring_domain::network::{Tie, TieKind};
    let today = t0().date_naive();
    let org = store.create_org("Import", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let team = store
        .create_team(&scope, "Team I", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let cases: Vec<crate::ImportedCase> = (0..3)
        .map(|i| {
            let members: Vec<_> = (0..5)
                .map(|j| member(&format!("Lid {i}-{j}"), 1 + (j % 3) as u8, "friends"))
                .collect();
            let ties = vec![Tie {
                from: members[0].id.clone(),
                to: members[1].id.clone(),
                kind: TieKind::Knows,
            }];
            crate::ImportedCase {
                details: CaseDetails::parse(&case_input(&format!("Import {i}"), &team.id), today)
                    .expect("valid"),
                opened_on: today,
                members,
                ties,
            }
        })
        .collect();
    let ids = store
        .import_cases(&scope, &cases, event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("import");
    assert_eq!(ids.len(), 3);
    let net = store.network(&scope, &ids[1]).await.expect("network");
    assert_eq!(net.members, cases[1].members, "ids and order kept");
    assert_eq!(net.ties.len(), 1);
    let trail = store
        .list_audit(
            &scope,
            &AuditFilter {
                limit: 100,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(
        trail.iter().filter(|r| r.event.case_id.is_some()).count(),
        3,
        "one entry per case"
    );

    // A tie across cases fails the whole import: nothing is half-written.
    let fresh = |i: usize| {
        let members: Vec<_> = (0..2)
            .map(|j| member(&format!("Nieuw {i}-{j}"), 1, "friends"))
            .collect();
        crate::ImportedCase {
            details: CaseDetails::parse(&case_input(&format!("Nieuw {i}"), &team.id), today)
                .expect("valid"),
            opened_on: today,
            members,
            ties: Vec::new(),
        }
    };
    let mut bad = vec![fresh(0), fresh(1)];
    let across = Tie {
        from: bad[0].members[0].id.clone(),
        to: bad[1].members[0].id.clone(),
        kind: TieKind::Knows,
    };
    bad[1].ties.push(across);
    assert!(
        store
            .import_cases(&scope, &bad, event(t0(), AuditAction::Create, &org.id))
            .await
            .is_err()
    );
    let listed = store
        .list_cases(
            &scope,
            &CaseQuery {
                limit: 50,
                ..Default::default()
            },
        )
        .await
        .expect("list");
    assert_eq!(listed.len(), 3, "the failed import left nothing behind");
}

async fn invitations(store: &dyn Store) {
    use crate::{NewParticipant, ParticipantKind};
    use steunkring_domain::case::CaseDetails;
    let today = t0().date_naive();
    let org = store.create_org("Uitnodigingen", t0()).await.expect("org");
    let other = store
        .create_org("Uitnodigingen elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let team = store
        .create_team(&scope, "Team U", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let case = store
        .create_case(
            &scope,
            &CaseDetails::parse(&case_input("Fenna", &team.id), today).expect("valid"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    let sibling = store
        .create_case(
            &scope,
            &CaseDetails::parse(&case_input("Bram", &team.id), today).expect("valid"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    let coach = member("Coach Mo", 2, "leisure");
    store
        .add_member(
            &scope,
            &case.id,
            &coach,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("member");
    let new = |kind, name: &str, hash: &str, member| NewParticipant {
        kind,
        display_name: name.into(),
        member_id: member,
        parent_index: None,
        code_hash: hash.into(),
        expires_at: t0() + Duration::days(7),
    };
    let youth = store
        .invite(
            &scope,
            &case.id,
            &new(ParticipantKind::Youth, "Fenna", "code-youth", None),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("invite");
    assert!(youth.invitation.as_ref().is_some_and(|i| i.open_at(t0())));
    let sf = store
        .invite(
            &scope,
            &case.id,
            &new(
                ParticipantKind::SupportFigure,
                "Coach Mo",
                "code-sf",
                Some(coach.id.clone()),
            ),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("invite");
    assert!(matches!(
        store
            .invite(
                &OrgScope::operator(other.id.clone()),
                &case.id,
                &new(ParticipantKind::Parent, "X", "code-x", None),
                event(t0(), AuditAction::Create, &other.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(
        matches!(
            store
                .invite(
                    &scope,
                    &sibling.id,
                    &new(
                        ParticipantKind::SupportFigure,
                        "Coach",
                        "code-y",
                        Some(coach.id.clone())
                    ),
                    event(t0(), AuditAction::Create, &org.id)
                )
                .await,
            Err(StoreError::NotFound)
        ),
        "a member of another case cannot be linked"
    );
    assert_eq!(
        store
            .list_participants(&scope, &case.id)
            .await
            .expect("list")
            .len(),
        2
    );

    let found = store
        .find_invitation("code-youth")
        .await
        .expect("find")
        .expect("exists");
    assert_eq!(found.participant.display_name, "Fenna");
    assert_eq!(found.org_id, org.id);
    assert!(store.find_invitation("nope").await.expect("find").is_none());

    // Expired: refused.
    assert!(matches!(
        store
            .accept_invitation_new(
                "code-youth",
                new_user("fenna@example.nl", &[], &[]),
                t0() + Duration::days(7),
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::Conflict("invitation"))
    ));
    let fenna = store
        .accept_invitation_new(
            "code-youth",
            new_user("fenna@example.nl", &[], &[]),
            t0() + Duration::days(6),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("accept");
    let login = store
        .find_login(&Email::parse("fenna@example.nl").expect("email"))
        .await
        .expect("login")
        .expect("exists");
    assert_eq!(login.roles, vec![Role::Youth]);
    // Single use.
    assert!(matches!(
        store
            .accept_invitation_new(
                "code-youth",
                new_user("again@example.nl", &[], &[]),
                t0(),
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::Conflict(_))
    ));
    assert!(
        store
            .find_login(&Email::parse("again@example.nl").expect("email"))
            .await
            .expect("login")
            .is_none(),
        "nothing half-written"
    );
    let links = store.participant_links(&fenna).await.expect("links");
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].youth_name, "Fenna");

    // Revoked: refused. A new invitation works; one account serves two cases.
    let sf_invitation = sf.invitation.expect("invitation").id;
    store
        .revoke_invitation(
            &scope,
            &case.id,
            &sf_invitation,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("revoke");
    assert!(matches!(
        store
            .accept_invitation_new(
                "code-sf",
                new_user("mo@example.nl", &[], &[]),
                t0(),
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::Conflict("invitation"))
    ));
    store
        .reinvite(
            &scope,
            &case.id,
            &sf.participant.id,
            "code-sf-2",
            t0() + Duration::days(7),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("again");
    let mo = store
        .accept_invitation_new(
            "code-sf-2",
            new_user("mo@example.nl", &[], &[]),
            t0(),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("accept");
    store
        .invite(
            &scope,
            &sibling.id,
            &new(
                ParticipantKind::SupportFigure,
                "Coach Mo",
                "code-sf-3",
                None,
            ),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("invite");
    store
        .accept_invitation_existing(
            "code-sf-3",
            &mo,
            t0(),
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("accept existing");
    assert_eq!(
        store.participant_links(&mo).await.expect("links").len(),
        2,
        "a support figure for two siblings"
    );
    let listed = store
        .list_participants(&scope, &case.id)
        .await
        .expect("list");
    assert!(listed.iter().all(|p| p.participant.user_id.is_some()));
    assert!(
        matches!(
            store
                .reinvite(
                    &scope,
                    &case.id,
                    &sf.participant.id,
                    "code-sf-4",
                    t0(),
                    event(t0(), AuditAction::Create, &org.id)
                )
                .await,
            Err(StoreError::Conflict("invitation"))
        ),
        "an accepted participant needs no new invitation"
    );
}

async fn consents(store: &dyn Store) {
    use steunkring_domain::case::CaseDetails;
    use steunkring_domain::consent::{
        Category, Consent, ConsentStatus, Framework, Given, Party, Recipient, RecipientRole,
        Withdrawal, Withholding,
    };
    let today = t0().date_naive();
    let org = store.create_org("Toestemming", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let team = store
        .create_team(&scope, "Team T", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let case = store
        .create_case(
            &scope,
            &CaseDetails::parse(&case_input("Iris", &team.id), today).expect("valid"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    assert_eq!(
        store
            .get_case(&scope, &case.id)
            .await
            .expect("case")
            .framework,
        Framework::Voluntary
    );
    store
        .set_case_framework(
            &scope,
            &case.id,
            Framework::SupervisionOrder,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("framework");
    assert_eq!(
        store
            .sharing_state(&scope, &case.id)
            .await
            .expect("state")
            .framework,
        Framework::SupervisionOrder
    );

    let consent = Consent {
        id: "c-1".into(),
        category: Category::NetworkMap,
        recipient: Recipient::Role(RecipientRole::SupportFigures),
        valid_from: today,
        valid_until: None,
        required: vec![Party::Youth, Party::Parent(0)],
        given: Vec::new(),
        withdrawn: None,
    };
    store
        .ask_consent(
            &scope,
            &case.id,
            &consent,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("ask");
    let give = |party| Given {
        party,
        at: t0(),
        how: "in het gesprek".into(),
        by_user: None,
    };
    store
        .give_consent(
            &scope,
            &case.id,
            "c-1",
            &give(Party::Youth),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("youth");
    assert!(
        matches!(
            store
                .give_consent(
                    &scope,
                    &case.id,
                    "c-1",
                    &give(Party::Youth),
                    event(t0(), AuditAction::Update, &org.id)
                )
                .await,
            Err(StoreError::Conflict("consent"))
        ),
        "once per party"
    );
    assert!(
        matches!(
            store
                .give_consent(
                    &scope,
                    &case.id,
                    "c-1",
                    &give(Party::Guardian),
                    event(t0(), AuditAction::Update, &org.id)
                )
                .await,
            Err(StoreError::Conflict("consent"))
        ),
        "only required parties"
    );
    let state = store.sharing_state(&scope, &case.id).await.expect("state");
    assert!(matches!(
        state.consents[0].status(today),
        ConsentStatus::Pending { .. }
    ));
    store
        .give_consent(
            &scope,
            &case.id,
            "c-1",
            &give(Party::Parent(0)),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("parent");
    let state = store.sharing_state(&scope, &case.id).await.expect("state");
    assert_eq!(state.consents[0].status(today), ConsentStatus::Active);
    assert_eq!(state.consents[0].given.len(), 2);
    assert_eq!(state.consents[0].given[0].how, "in het gesprek");

    store
        .withdraw_consent(
            &scope,
            &case.id,
            "c-1",
            &Withdrawal {
                party: Party::Youth,
                at: t0(),
            },
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("withdraw");
    assert!(matches!(
        store
            .withdraw_consent(
                &scope,
                &case.id,
                "c-1",
                &Withdrawal {
                    party: Party::Youth,
                    at: t0()
                },
                event(t0(), AuditAction::Update, &org.id)
            )
            .await,
        Err(StoreError::Conflict("consent"))
    ));
    assert!(
        matches!(
            store
                .give_consent(
                    &scope,
                    &case.id,
                    "c-1",
                    &give(Party::Parent(0)),
                    event(t0(), AuditAction::Update, &org.id)
                )
                .await,
            Err(StoreError::Conflict("consent"))
        ),
        "a withdrawn consent cannot be given again"
    );
    assert_eq!(
        store
            .sharing_state(&scope, &case.id)
            .await
            .expect("state")
            .consents[0]
            .status(today),
        ConsentStatus::Withdrawn
    );
    assert!(matches!(
        store
            .withdraw_consent(
                &scope,
                &case.id,
                "nope",
                &Withdrawal {
                    party: Party::Youth,
                    at: t0()
                },
                event(t0(), AuditAction::Update, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let second = Consent {
        id: "c-2".into(),
        ..consent.clone()
    };
    store
        .ask_consent(
            &scope,
            &case.id,
            &second,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("ask");
    assert!(
        matches!(
            store
                .withdraw_consent(
                    &scope,
                    &case.id,
                    "c-2",
                    &Withdrawal {
                        party: Party::Parent(1),
                        at: t0()
                    },
                    event(t0(), AuditAction::Update, &org.id)
                )
                .await,
            Err(StoreError::Conflict("consent"))
        ),
        "only a party that must consent can withdraw"
    );

    let w = Withholding {
        category: Category::SafetySection,
        recipient: Recipient::Role(RecipientRole::Parents),
        reason: "Vader dreigt".into(),
        active: true,
    };
    let id = store
        .add_withholding(
            &scope,
            &case.id,
            &w,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("withhold");
    assert_eq!(
        store
            .sharing_state(&scope, &case.id)
            .await
            .expect("state")
            .active_withholdings(),
        vec![w]
    );
    store
        .lift_withholding(
            &scope,
            &case.id,
            &id,
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("lift");
    assert!(
        store
            .sharing_state(&scope, &case.id)
            .await
            .expect("state")
            .active_withholdings()
            .is_empty()
    );
    let other = store
        .create_org("Toestemming elders", t0())
        .await
        .expect("org");
    assert!(matches!(
        store
            .sharing_state(&OrgScope::operator(other.id), &case.id)
            .await,
        Err(StoreError::NotFound)
    ));
}

/// A case with something in every table of `CASE_TABLES`; answers the case and the account of
/// its young person (who takes part in this case only).
async fn full_case(
    store: &dyn Store,
    scope: &OrgScope,
    team: &TeamId,
    name: &str,
    tag: &str,
) -> (crate::Case, steunkring_domain::UserId) {
    use crate::{NewParticipant, ParticipantKind, SharingDecision};
    use steunkring_domain::case::CaseDetails;
    use steunkring_domain::consent::{
        Category, Consent, Given, Party, Recipient, RecipientRole, Withholding,
    };
    use steunkring_domain::network::{Tie, TieKind};
    let org = scope.org_id().clone();
    let today = t0().date_naive();
    let ev = |action| event(t0(), action, &org);
    let case = store
        .create_case(
            scope,
            &CaseDetails::parse(&case_input(name, team), today).expect("valid"),
            today,
            ev(AuditAction::Create),
        )
        .await
        .expect("case");
    let oma = member(&format!("Oma {tag}"), 1, "family");
    let coach = member(&format!("Coach {tag}"), 2, "leisure");
    for m in [&oma, &coach] {
        store
            .add_member(scope, &case.id, m, ev(AuditAction::Create))
            .await
            .expect("member");
    }
    let mut moved = coach.clone();
    moved.ring = steunkring_domain::network::Ring::parse(1).expect("ring");
    store
        .update_member(scope, &case.id, &moved, ev(AuditAction::Update))
        .await
        .expect("a change, so that the member has history");
    store
        .set_tie(
            scope,
            &case.id,
            &Tie {
                from: oma.id.clone(),
                to: coach.id.clone(),
                kind: TieKind::Supportive,
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("tie");
    store
        .save_version(scope, &case.id, "Start", today, ev(AuditAction::Create))
        .await
        .expect("version");
    let invite = |kind, hash: String, member| NewParticipant {
        kind,
        display_name: format!("Deelnemer {tag}"),
        member_id: member,
        parent_index: None,
        code_hash: hash,
        expires_at: t0() + Duration::days(7),
    };
    store
        .invite(
            scope,
            &case.id,
            &invite(ParticipantKind::Youth, format!("code-youth-{tag}"), None),
            ev(AuditAction::Create),
        )
        .await
        .expect("invite youth");
    store
        .invite(
            scope,
            &case.id,
            &invite(
                ParticipantKind::SupportFigure,
                format!("code-sf-{tag}"),
                Some(coach.id.clone()),
            ),
            ev(AuditAction::Create),
        )
        .await
        .expect("invite support figure");
    let youth = store
        .accept_invitation_new(
            &format!("code-youth-{tag}"),
            new_user(&format!("jongere-{tag}@example.nl"), &[], &[]),
            t0(),
            ev(AuditAction::Create),
        )
        .await
        .expect("accept");
    let consent = Consent {
        id: format!("consent-{tag}"),
        category: Category::NetworkMap,
        recipient: Recipient::Role(RecipientRole::SupportFigures),
        valid_from: today,
        valid_until: None,
        required: vec![Party::Youth, Party::Parent(0)],
        given: Vec::new(),
        withdrawn: None,
    };
    store
        .ask_consent(scope, &case.id, &consent, ev(AuditAction::Create))
        .await
        .expect("ask");
    store
        .give_consent(
            scope,
            &case.id,
            &consent.id,
            &Given {
                party: Party::Youth,
                at: t0(),
                how: "in het gesprek".into(),
                by_user: None,
            },
            ev(AuditAction::Update),
        )
        .await
        .expect("give");
    store
        .add_withholding(
            scope,
            &case.id,
            &Withholding {
                category: Category::NetworkMap,
                recipient: Recipient::Role(RecipientRole::SupportFigures),
                reason: "veiligheid".into(),
                active: true,
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("withhold");
    store
        .record_sharing_decision(
            scope,
            &case.id,
            &SharingDecision {
                id: format!("decision-{tag}"),
                recipient: "school".into(),
                information: "de kaart".into(),
                answers: "q1=yes".into(),
                advice: "ask_consent".into(),
                decision: "ask_consent".into(),
                reasons: "overleg".into(),
                decided_by: None,
                decided_at: t0(),
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("decision");
    plan::fill(store, scope, &case.id, &oma).await;
    support::fill(store, scope, &case.id, &coach).await;
    measure::fill(store, scope, &case.id, &oma).await;
    (case, youth)
}

/// The case page's one read: exactly what the separate reads return (on every backend, with
/// their JSON quirks), only the parts asked for once the case is known, and the same scope
/// check.
async fn case_page(store: &dyn Store) {
    use crate::{CasePageParts, Network, NewDestructionRequest};
    use std::sync::atomic::{AtomicBool, Ordering};
    use steunkring_domain::case::CaseDetails;
    use steunkring_domain::consent::Party;
    let org = store.create_org("Casuspagina", t0()).await.expect("org");
    let other = store
        .create_org("Casuspagina elders", t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let other_scope = OrgScope::operator(other.id.clone());
    let team = store
        .create_team(&scope, "Team P", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let (case, _) = full_case(store, &scope, &team.id, "Lotte", "p").await;
    let later = t0() + Duration::hours(1);
    let pending = store
        .list_participants(&scope, &case.id)
        .await
        .expect("participants")
        .into_iter()
        .find(|e| e.participant.user_id.is_none())
        .expect("a participant who has not accepted");
    store
        .reinvite(
            &scope,
            &case.id,
            &pending.participant.id,
            "code-again-p",
            later + Duration::days(7),
            event(later, AuditAction::Create, &org.id),
        )
        .await
        .expect("a second invitation: the page shows the latest");
    store
        .record_destruction_request(
            &scope,
            &case.id,
            &NewDestructionRequest {
                requested_by: Party::Youth,
                received_on: t0().date_naive(),
                note: Some("Graag alles weg".into()),
            },
            event(later, AuditAction::Create, &org.id),
        )
        .await
        .expect("request");

    let all = CasePageParts {
        network: true,
        versions: true,
        participants: true,
        destruction: true,
    };
    let page = store
        .case_page(&scope, &case.id, &|_| all)
        .await
        .expect("page");
    assert_eq!(
        page.case,
        store.get_case(&scope, &case.id).await.expect("case")
    );
    assert_eq!(page.case.parents.len(), 2, "the parents, in order");
    assert_eq!(
        *page.network,
        store.network(&scope, &case.id).await.expect("network")
    );
    assert!(!page.network.members.is_empty() && !page.network.ties.is_empty());
    assert!(page.network_revision.is_some());
    assert_eq!(
        page.versions,
        store
            .list_versions(&scope, &case.id)
            .await
            .expect("versions")
    );
    assert_eq!(page.versions.len(), 1);
    assert_eq!(
        page.participants,
        store
            .list_participants(&scope, &case.id)
            .await
            .expect("participants")
    );
    assert_eq!(page.participants.len(), 2);
    assert!(
        page.participants
            .iter()
            .any(|e| e.participant.user_id.is_some()),
        "one accepted"
    );
    assert!(
        page.participants
            .iter()
            .any(|e| e.invitation.as_ref().is_some_and(|i| i.created_at == later)),
        "the latest invitation of the one who did not"
    );
    assert_eq!(
        page.destruction,
        store
            .destruction_request(&scope, &case.id)
            .await
            .expect("request")
    );
    assert!(page.destruction.is_some());

    // The parts are decided from the case the store found, and only they are read.
    let asked_about = std::sync::Mutex::new(None);
    let only_rights = store
        .case_page(&scope, &case.id, &|c| {
            if let Ok(mut seen) = asked_about.lock() {
                *seen = Some(c.team_id.clone());
            }
            CasePageParts {
                destruction: true,
                ..CasePageParts::default()
            }
        })
        .await
        .expect("page");
    assert_eq!(
        asked_about.lock().expect("lock").clone(),
        Some(team.id.clone())
    );
    assert_eq!(only_rights.case, page.case);
    assert_eq!(*only_rights.network, Network::default());
    assert_eq!(only_rights.network_revision, None, "not read, so not known");
    assert!(only_rights.versions.is_empty() && only_rights.participants.is_empty());
    assert_eq!(only_rights.destruction, page.destruction);
    let nothing = store
        .case_page(&scope, &case.id, &|_| CasePageParts::default())
        .await
        .expect("page");
    assert_eq!(*nothing.network, Network::default());
    assert!(nothing.participants.is_empty() && nothing.destruction.is_none());

    // Another organisation's case is not found, and nothing about it is decided.
    let called = AtomicBool::new(false);
    assert!(matches!(
        store
            .case_page(&other_scope, &case.id, &|_| {
                called.store(true, Ordering::SeqCst);
                all
            })
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(!called.load(Ordering::SeqCst));

    // A case with nothing yet: empty lists (PostgreSQL aggregates no rows to NULL).
    let today = t0().date_naive();
    let empty = store
        .create_case(
            &scope,
            &CaseDetails::parse(&case_input("Sem", &team.id), today).expect("valid"),
            today,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("case");
    let page = store
        .case_page(&scope, &empty.id, &|_| all)
        .await
        .expect("page");
    assert_eq!(page.case, empty);
    assert_eq!(*page.network, Network::default());
    assert!(page.versions.is_empty() && page.participants.is_empty());
    assert_eq!(page.destruction, None);
}

/// The case page keeps the parsed network per case and revision: an unchanged network is
/// handed out again as it was, and every change of a member or a tie gives a new revision, so
/// the next view reads the network as it is now. A new version of the map is not a change of
/// the network.
/// The case page's other lists (versions, participants with their latest invitation, the
/// destruction request) are kept per parts revision; every kind of change to them shows on the
/// next view, and the lists are always those the separate reads give.
async fn case_page_parts_revision(store: &dyn Store) {
    use crate::{CasePageParts, NewDestructionRequest, NewParticipant, ParticipantKind};
    use steunkring_domain::consent::Party;
    let (scope, case, first) = case_with_network(store, "Lijsten").await;
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let all = CasePageParts {
        network: true,
        versions: true,
        participants: true,
        destruction: true,
    };
    let view = || async {
        let page = store
            .case_page(&scope, &case, &|_| all)
            .await
            .expect("page");
        assert_eq!(
            page.versions,
            store.list_versions(&scope, &case).await.expect("versions")
        );
        assert_eq!(
            page.participants,
            store
                .list_participants(&scope, &case)
                .await
                .expect("participants")
        );
        assert_eq!(
            page.destruction,
            store
                .destruction_request(&scope, &case)
                .await
                .expect("request")
        );
        page
    };
    let before = view().await;
    assert_eq!(view().await, before, "unchanged");

    store
        .save_version(
            &scope,
            &case,
            "Lijst",
            t0().date_naive(),
            ev(AuditAction::Create),
        )
        .await
        .expect("version");
    assert_eq!(view().await.versions.len(), before.versions.len() + 1);

    let invited = store
        .invite(
            &scope,
            &case,
            &NewParticipant {
                kind: ParticipantKind::SupportFigure,
                display_name: "Buurvrouw Els".into(),
                member_id: Some(first.clone()),
                parent_index: None,
                code_hash: "code-lijsten".into(),
                expires_at: t0() + Duration::days(7),
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("invite");
    assert_eq!(
        view().await.participants.len(),
        before.participants.len() + 1
    );
    let again = store
        .reinvite(
            &scope,
            &case,
            &invited.participant.id,
            "code-lijsten-2",
            t0() + Duration::days(8),
            ev(AuditAction::Create),
        )
        .await
        .expect("a new invitation");
    view().await;
    store
        .revoke_invitation(&scope, &case, &again.id, ev(AuditAction::Update))
        .await
        .expect("revoke");
    let revoked = view().await;
    assert!(
        revoked
            .participants
            .iter()
            .filter_map(|p| p.invitation.as_ref())
            .any(|i| i.id == again.id && i.revoked_at.is_some()),
        "the revocation shows"
    );

    store
        .record_destruction_request(
            &scope,
            &case,
            &NewDestructionRequest {
                requested_by: Party::Youth,
                received_on: t0().date_naive(),
                note: None,
            },
            ev(AuditAction::Create),
        )
        .await
        .expect("request");
    assert!(view().await.destruction.is_some());
    store
        .refuse_destruction(
            &scope,
            &case,
            "Wettelijke bewaarplicht",
            ev(AuditAction::Update),
        )
        .await
        .expect("refuse");
    view().await;

    // Fewer parts asked for: kept apart, and still what the policy asked for.
    let network_only = store
        .case_page(&scope, &case, &|_| CasePageParts {
            network: true,
            ..CasePageParts::default()
        })
        .await
        .expect("page");
    assert!(network_only.participants.is_empty() && network_only.destruction.is_none());
    assert!(network_only.versions.is_empty(), "not asked for");
    let versions_only = store
        .case_page(&scope, &case, &|_| CasePageParts {
            versions: true,
            ..CasePageParts::default()
        })
        .await
        .expect("page");
    assert!(!versions_only.versions.is_empty());
    assert!(versions_only.network.members.is_empty(), "not asked for");
}

async fn case_page_network_revision(store: &dyn Store) {
    use crate::CasePageParts;
    use steunkring_domain::network::{Tie, TieKind};
    let (scope, case, _) = case_with_network(store, "Revisie").await;
    let org = scope.org_id().clone();
    let ev = |action| event(t0(), action, &org);
    let all = CasePageParts {
        network: true,
        versions: true,
        participants: true,
        destruction: true,
    };
    let view = || async {
        let page = store
            .case_page(&scope, &case, &|_| all)
            .await
            .expect("page");
        assert_eq!(
            *page.network,
            store.network(&scope, &case).await.expect("network"),
            "the page shows the network as it is now"
        );
        page
    };
    let first = view().await;
    let again = view().await;
    assert_eq!(first.network_revision, again.network_revision);
    assert!(
        std::sync::Arc::ptr_eq(&first.network, &again.network),
        "unchanged, so kept"
    );
    store
        .save_version(
            &scope,
            &case,
            "Tussendoor",
            t0().date_naive(),
            ev(AuditAction::Create),
        )
        .await
        .expect("version");
    let versioned = view().await;
    assert_eq!(versioned.network_revision, first.network_revision);
    assert_eq!(versioned.versions.len(), first.versions.len() + 1);

    let mut seen = vec![first.network_revision];
    let mut changed = |page: crate::CasePage, what: &str| {
        assert!(
            !seen.contains(&page.network_revision),
            "{what}: a new revision"
        );
        seen.push(page.network_revision);
        page
    };
    let oma = first.network.members[0].clone();
    let mut renamed = oma.clone();
    renamed.name = "Oma Hernoemd".into();
    store
        .update_member(&scope, &case, &renamed, ev(AuditAction::Update))
        .await
        .expect("update");
    let page = changed(view().await, "a member changed");
    assert_eq!(page.network.members[0].name, "Oma Hernoemd");

    let buur = member("Buurman Henk", 3, "neighbourhood");
    store
        .add_member(&scope, &case, &buur, ev(AuditAction::Create))
        .await
        .expect("add");
    let page = changed(view().await, "a member added");
    assert!(
        page.network
            .members
            .iter()
            .any(|m| m.name == "Buurman Henk")
    );

    let tie = Tie {
        from: oma.id.clone(),
        to: buur.id.clone(),
        kind: TieKind::Knows,
    };
    store
        .set_tie(&scope, &case, &tie, ev(AuditAction::Create))
        .await
        .expect("tie");
    let page = changed(view().await, "a tie added");
    let ties = page.network.ties.len();
    store
        .set_tie(
            &scope,
            &case,
            &Tie {
                kind: TieKind::Supportive,
                ..tie
            },
            ev(AuditAction::Update),
        )
        .await
        .expect("tie changed");
    let page = changed(view().await, "a tie changed");
    assert_eq!(page.network.ties.len(), ties);
    store
        .remove_tie(&scope, &case, &oma.id, &buur.id, ev(AuditAction::Delete))
        .await
        .expect("tie removed");
    let page = changed(view().await, "a tie removed");
    assert_eq!(page.network.ties.len(), ties - 1);
    store
        .remove_member(&scope, &case, &buur.id, ev(AuditAction::Delete))
        .await
        .expect("member removed");
    let page = changed(view().await, "a member removed");
    assert!(
        !page
            .network
            .members
            .iter()
            .any(|m| m.name == "Buurman Henk")
    );
}

/// A case with two members and a tie between them; answers its scope, the case and the first
/// member.
async fn case_with_network(
    store: &dyn Store,
    tag: &str,
) -> (
    OrgScope,
    steunkring_domain::ids::CaseId,
    steunkring_domain::network::MemberId,
) {
    let org = store
        .create_org(&format!("Netwerk {tag}"), t0())
        .await
        .expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let team = store
        .create_team(&scope, "Team N", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let (case, _) = full_case(store, &scope, &team.id, tag, &tag.to_lowercase()).await;
    let first = store
        .network(&scope, &case.id)
        .await
        .expect("network")
        .members[0]
        .id
        .clone();
    (scope, case.id, first)
}

/// For each backend's own tests: the case page of a store keeps the network in memory, and a
/// change made elsewhere — through another store on the same database (another server
/// process), or by `change`, which the backend's test runs as plain SQL on the member answered
/// to it — shows on the next view all the same. The revision lives in the database.
pub async fn case_page_sees_changes_made_elsewhere<F, Fut>(
    viewer: &dyn Store,
    elsewhere: &dyn Store,
    change: F,
) where
    F: FnOnce(steunkring_domain::network::MemberId) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    use crate::CasePageParts;
    let (scope, case, first) = case_with_network(viewer, "Elders").await;
    let parts = CasePageParts {
        network: true,
        ..CasePageParts::default()
    };
    let name_of_first = || async {
        let page = viewer
            .case_page(&scope, &case, &|_| parts)
            .await
            .expect("page");
        page.network
            .members
            .iter()
            .find(|m| m.id == first)
            .map(|m| m.name.clone())
            .expect("the first member")
    };
    assert_eq!(name_of_first().await, "Oma elders");
    assert_eq!(name_of_first().await, "Oma elders", "kept");
    let mut renamed = elsewhere
        .network(&scope, &case)
        .await
        .expect("network")
        .members
        .into_iter()
        .find(|m| m.id == first)
        .expect("member");
    renamed.name = "Oma Anderswo".into();
    elsewhere
        .update_member(
            &scope,
            &case,
            &renamed,
            event(t0(), AuditAction::Update, scope.org_id()),
        )
        .await
        .expect("changed through the other store");
    assert_eq!(name_of_first().await, "Oma Anderswo");
    change(first.clone()).await;
    assert_eq!(
        name_of_first().await,
        "Oma Rechtstreeks",
        "changed by plain SQL"
    );
}

/// Rights: a destruction request with its deadline, a refusal with a legal exception, the
/// destruction itself (every table empty for the case, the audit entry kept, other cases
/// untouched, the young person's account disabled) and the retention review.
async fn rights(store: &dyn Store) {
    use crate::{CASE_TABLES, NewDestructionRequest};
    use chrono::NaiveDate;
    use steunkring_domain::consent::Party;
    use steunkring_domain::rights::{DestructionGround, DestructionStatus, retention_cutoff};
    let org = store.create_org("Rechten", t0()).await.expect("org");
    let other = store.create_org("Rechten elders", t0()).await.expect("org");
    let scope = OrgScope::operator(org.id.clone());
    let other_scope = OrgScope::operator(other.id.clone());
    let team = store
        .create_team(&scope, "Team R", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let team2 = store
        .create_team(&scope, "Team S", event(t0(), AuditAction::Create, &org.id))
        .await
        .expect("team");
    let (case, youth) = full_case(store, &scope, &team.id, "Noor", "a").await;
    let (kept, kept_youth) = full_case(store, &scope, &team.id, "Bas", "b").await;

    let full_counts = store
        .case_data_counts(&scope, &case.id)
        .await
        .expect("counts");
    assert_eq!(
        full_counts.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        CASE_TABLES.to_vec(),
        "the counts cover every case table, in order"
    );
    for (table, n) in &full_counts {
        if *table != "destruction_requests" {
            assert!(*n > 0, "the test case has rows in {table}");
        }
    }
    assert!(matches!(
        store.case_data_counts(&other_scope, &case.id).await,
        Err(StoreError::NotFound)
    ));

    // Without a request there is nothing to destroy on.
    assert!(matches!(
        store
            .destroy_case(
                &scope,
                &case.id,
                DestructionGround::Request,
                event(t0(), AuditAction::Delete, &org.id)
            )
            .await,
        Err(StoreError::Conflict("destruction_request"))
    ));
    assert_eq!(
        store
            .destruction_request(&scope, &case.id)
            .await
            .expect("none"),
        None
    );

    let received = NaiveDate::from_ymd_opt(2026, 2, 27).expect("date");
    let new = NewDestructionRequest {
        requested_by: Party::Parent(0),
        received_on: received,
        note: Some("Per brief".into()),
    };
    assert!(matches!(
        store
            .record_destruction_request(
                &other_scope,
                &case.id,
                &new,
                event(t0(), AuditAction::Create, &other.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));
    let request = store
        .record_destruction_request(
            &scope,
            &case.id,
            &new,
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("request");
    assert_eq!(
        request.deadline,
        NaiveDate::from_ymd_opt(2026, 5, 27).expect("date")
    );
    assert_eq!(request.status, DestructionStatus::Requested);
    assert_eq!(request.requested_by, Party::Parent(0));
    assert_eq!(request.note.as_deref(), Some("Per brief"));
    assert!(matches!(
        store
            .record_destruction_request(
                &scope,
                &case.id,
                &new,
                event(t0(), AuditAction::Create, &org.id)
            )
            .await,
        Err(StoreError::Conflict("destruction_request"))
    ));
    assert_eq!(
        store
            .destruction_request(&scope, &case.id)
            .await
            .expect("get"),
        Some(request.clone())
    );

    // Listed for the team, oldest deadline first; not for another team.
    let open = store
        .open_destruction_requests(&scope, Some(std::slice::from_ref(&team.id)))
        .await
        .expect("open");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].youth_name, "Noor");
    assert_eq!(open[0].request.id, request.id);
    assert!(
        store
            .open_destruction_requests(&scope, Some(std::slice::from_ref(&team2.id)))
            .await
            .expect("open")
            .is_empty()
    );
    assert!(
        store
            .open_destruction_requests(&other_scope, None)
            .await
            .expect("open")
            .is_empty()
    );

    // A refusal with a legal exception blocks destruction of the other case.
    let request_kept = store
        .record_destruction_request(
            &scope,
            &kept.id,
            &NewDestructionRequest {
                requested_by: Party::Youth,
                received_on: received,
                note: None,
            },
            event(t0(), AuditAction::Create, &org.id),
        )
        .await
        .expect("request");
    let refused = store
        .refuse_destruction(
            &scope,
            &kept.id,
            "Van aanmerkelijk belang voor een ander (art. 7.3.9 lid 2)",
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("refuse");
    assert_eq!(refused.id, request_kept.id);
    assert_eq!(refused.status, DestructionStatus::RefusedException);
    assert!(refused.exception_reason.is_some() && refused.decided_at.is_some());
    assert!(matches!(
        store
            .refuse_destruction(
                &scope,
                &kept.id,
                "nogmaals",
                event(t0(), AuditAction::Update, &org.id)
            )
            .await,
        Err(StoreError::Conflict("destruction_request"))
    ));
    assert!(matches!(
        store
            .destroy_case(
                &scope,
                &kept.id,
                DestructionGround::Request,
                event(t0(), AuditAction::Delete, &org.id)
            )
            .await,
        Err(StoreError::Conflict("destruction_request"))
    ));
    // Only the open one is listed.
    assert_eq!(
        store
            .open_destruction_requests(&scope, None)
            .await
            .expect("open")
            .len(),
        1
    );

    // Another organisation cannot destroy it.
    assert!(matches!(
        store
            .destroy_case(
                &other_scope,
                &case.id,
                DestructionGround::Request,
                event(t0(), AuditAction::Delete, &other.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    let kept_before = store
        .case_data_counts(&scope, &kept.id)
        .await
        .expect("counts");
    let mut deletion = event(t0(), AuditAction::Delete, &org.id);
    deletion.purpose = Some("care".into());
    let report = store
        .destroy_case(&scope, &case.id, DestructionGround::Request, deletion)
        .await
        .expect("destroy");
    assert_eq!(report.disabled_accounts, vec![youth.clone()]);
    assert_eq!(
        report.rows.iter().map(|(t, _)| *t).collect::<Vec<_>>(),
        CASE_TABLES.to_vec()
    );
    for ((table, removed), (_, before)) in report.rows.iter().zip(&full_counts) {
        let before = if *table == "destruction_requests" {
            1
        } else {
            *before
        };
        assert_eq!(*removed, before, "everything in {table} removed");
    }
    for (table, n) in store
        .case_data_counts(&scope, &case.id)
        .await
        .expect("counts")
    {
        assert_eq!(n, 0, "{table} is empty for the destroyed case");
    }
    assert!(matches!(
        store.get_case(&scope, &case.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.network(&scope, &case.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        store
            .participant_links(&youth)
            .await
            .expect("links")
            .is_empty()
    );
    let account = store
        .get_user(&scope, &youth)
        .await
        .expect("kept, disabled");
    assert!(account.disabled, "the young person's account is disabled");
    assert!(
        !store
            .get_user(&scope, &kept_youth)
            .await
            .expect("user")
            .disabled,
        "the other case's young person keeps their account"
    );
    assert_eq!(
        store
            .case_data_counts(&scope, &kept.id)
            .await
            .expect("counts"),
        kept_before,
        "the other case is untouched"
    );
    assert_eq!(
        store
            .network(&scope, &kept.id)
            .await
            .expect("network")
            .members
            .len(),
        2
    );

    // The audit trail keeps that it happened, and why, but nothing of what it was.
    let trail = store
        .list_audit(
            &scope,
            &AuditFilter {
                case_id: Some(case.id.to_string()),
                limit: 1000,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    let last = &trail[0];
    assert_eq!(last.event.action, AuditAction::Delete);
    assert_eq!(last.event.object_type.as_deref(), Some("case"));
    assert_eq!(last.event.object_id.as_deref(), Some(case.id.as_str()));
    assert_eq!(last.event.purpose.as_deref(), Some("destruction_request"));
    assert!(
        trail
            .iter()
            .any(|r| r.event.object_type.as_deref() == Some("user")
                && r.event.object_id.as_deref() == Some(youth.as_str()))
    );
    assert!(trail.len() > 10, "earlier entries are kept");
    let rendered = format!("{trail:?}");
    assert!(!rendered.contains("Noor") && !rendered.contains("Oma a"));
    assert_eq!(
        store.verify_audit().await.expect("verify").first_broken,
        None
    );
    assert!(matches!(
        store
            .destroy_case(
                &scope,
                &case.id,
                DestructionGround::Request,
                event(t0(), AuditAction::Delete, &org.id)
            )
            .await,
        Err(StoreError::NotFound)
    ));

    // Retention: closed cases whose last change is 20 years before "now".
    let later = t0() + Duration::days(365 * 20 + 30);
    let cutoff = retention_cutoff(later);
    assert!(
        store
            .retention_candidates(&scope, cutoff)
            .await
            .expect("candidates")
            .is_empty(),
        "open cases are never candidates"
    );
    assert!(matches!(
        store
            .destroy_case(
                &scope,
                &kept.id,
                DestructionGround::RetentionEnded { cutoff },
                event(later, AuditAction::Delete, &org.id)
            )
            .await,
        Err(StoreError::Conflict("retention"))
    ));
    store
        .set_case_status(
            &scope,
            &kept.id,
            steunkring_domain::case::CaseStatus::Closed,
            t0().date_naive(),
            event(t0(), AuditAction::Update, &org.id),
        )
        .await
        .expect("close");
    let (recent, _) = full_case(store, &scope, &team.id, "Recent", "c").await;
    store
        .set_case_status(
            &scope,
            &recent.id,
            steunkring_domain::case::CaseStatus::Closed,
            t0().date_naive(),
            event(later - Duration::days(1), AuditAction::Update, &org.id),
        )
        .await
        .expect("close recent");
    assert!(
        store
            .retention_candidates(&scope, retention_cutoff(t0()))
            .await
            .expect("candidates")
            .is_empty(),
        "nothing is 20 years old today"
    );
    let candidates = store
        .retention_candidates(&scope, cutoff)
        .await
        .expect("candidates");
    assert_eq!(
        candidates
            .iter()
            .map(|c| c.case_id.clone())
            .collect::<Vec<_>>(),
        vec![kept.id.clone()]
    );
    assert_eq!(candidates[0].youth_name, "Bas");
    assert!(
        store
            .retention_candidates(&other_scope, cutoff)
            .await
            .expect("candidates")
            .is_empty()
    );
    store
        .destroy_case(
            &scope,
            &kept.id,
            DestructionGround::RetentionEnded { cutoff },
            event(later, AuditAction::Delete, &org.id),
        )
        .await
        .expect("destroy after retention");
    assert!(
        store
            .case_data_counts(&scope, &kept.id)
            .await
            .expect("counts")
            .iter()
            .all(|(_, n)| *n == 0)
    );
    let trail = store
        .list_audit(
            &scope,
            &AuditFilter {
                case_id: Some(kept.id.to_string()),
                limit: 1,
                ..Default::default()
            },
        )
        .await
        .expect("audit");
    assert_eq!(
        trail[0].event.purpose.as_deref(),
        Some("retention_period_ended")
    );
    assert!(store.get_case(&scope, &recent.id).await.is_ok());
}
