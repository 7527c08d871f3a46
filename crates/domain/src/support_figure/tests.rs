use super::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn members() -> Vec<(MemberId, String)> {
    vec![
        (MemberId::from_stored("m-oma"), "Oma Joke".to_string()),
        (MemberId::from_stored("m-coach"), "Coach Sam".to_string()),
    ]
}

fn nominated() -> SupportFigure {
    RawNomination {
        member_id: "m-oma".into(),
        own_words: "Oma luistert altijd naar me.".into(),
        nominated_on: "2026-03-01".into(),
        ..Default::default()
    }
    .parse("sf1".into(), Nominator::Youth, &members(), d(2026, 3, 10))
    .expect("valid nomination")
}

fn screening(decision: ScreeningDecision) -> SupportStep {
    SupportStep::Screen(Screening {
        on: d(2026, 3, 5),
        safety_concerns: None,
        decision,
        reason: "Bekend bij het gezin, veilig.".into(),
        by: Some("u1".into()),
    })
}

fn acceptance() -> SupportStep {
    SupportStep::Accept(Acceptance {
        on: d(2026, 3, 6),
        participant: "p1".into(),
    })
}

fn agreement() -> SupportStep {
    SupportStep::Agree(Agreement {
        on: d(2026, 3, 7),
        roles: vec![JimRole::SocioEmotional, JimRole::Practical],
        contact_how: "Samen eten".into(),
        contact_frequency: "elke week".into(),
        meetings_part: Some("Zegt wat Sanne wil".into()),
    })
}

fn ending() -> SupportStep {
    SupportStep::End(Ending {
        on: d(2026, 6, 1),
        reason: "Verhuisd".into(),
        youth_view: Some("Jammer, maar we bellen nog.".into()),
    })
}

#[test]
fn the_whole_road_from_nomination_to_end() {
    let sf = nominated();
    assert_eq!(sf.status, SupportStatus::Nominated);
    assert_eq!(sf.member_name, "Oma Joke");
    assert_eq!(sf.kind, SupportKind::Jim);
    let sf = sf
        .apply(&screening(ScreeningDecision::Approve))
        .expect("screen");
    assert_eq!(sf.status, SupportStatus::Screened);
    assert!(sf.may_coach());
    assert!(!sf.may_log_contact());
    let sf = sf.apply(&agreement()).expect("agree before accepting");
    let sf = sf.apply(&acceptance()).expect("accept");
    assert_eq!(sf.status, SupportStatus::Active);
    assert_eq!(sf.started_on(), Some(d(2026, 3, 6)));
    assert!(sf.may_log_contact());
    let sf = sf
        .apply(&agreement())
        .expect("a new agreement replaces the old");
    let sf = sf.apply(&ending()).expect("end");
    assert_eq!(sf.status, SupportStatus::Ended);
    assert_eq!(sf.ended_on(), Some(d(2026, 6, 1)));
    assert!(!sf.may_log_contact());
}

#[test]
fn accepting_needs_an_approving_screening() {
    let sf = nominated();
    assert_eq!(
        sf.apply(&acceptance()),
        Err(StepRefused {
            status: SupportStatus::Nominated,
            step: "acceptance"
        })
    );
    let declined = sf
        .apply(&screening(ScreeningDecision::Decline))
        .expect("screen");
    assert_eq!(declined.status, SupportStatus::Screened);
    assert!(declined.apply(&acceptance()).is_err());
    assert!(declined.apply(&agreement()).is_err());
    assert!(!declined.may_coach());
    assert_eq!(
        declined.apply(&acceptance()).map_err(|e| e.key()),
        Err("support-error-accept")
    );
}

#[test]
fn refused_steps() {
    let approved = nominated()
        .apply(&screening(ScreeningDecision::Approve))
        .expect("screen");
    assert!(
        approved
            .apply(&screening(ScreeningDecision::Approve))
            .is_err(),
        "screened once"
    );
    let active = approved.apply(&acceptance()).expect("accept");
    assert!(active.apply(&acceptance()).is_err(), "accepted once");
    let ended = active.apply(&ending()).expect("end");
    for step in [
        screening(ScreeningDecision::Approve),
        acceptance(),
        agreement(),
        ending(),
    ] {
        assert!(ended.apply(&step).is_err(), "{} after the end", step.name());
    }
    assert!(
        nominated().apply(&agreement()).is_err(),
        "no agreement unscreened"
    );
    // A nomination may end (withdrawn) before any screening, not before it was made.
    assert!(nominated().apply(&ending()).is_ok());
    let early = SupportStep::End(Ending {
        on: d(2026, 2, 1),
        reason: "x".into(),
        youth_view: None,
    });
    assert!(nominated().apply(&early).is_err());
}

#[test]
fn nomination_problems_all_at_once() {
    let errors = RawNomination {
        member_id: "someone-else".into(),
        kind: "uncle".into(),
        nominated_on: "2027-01-01".into(),
        own_words: " ".into(),
    }
    .parse("x".into(), Nominator::Youth, &members(), d(2026, 3, 10))
    .expect_err("invalid");
    let fields: Vec<_> = errors.iter().map(|e| (e.field, e.key)).collect();
    assert_eq!(
        fields,
        vec![
            ("member_id", "support-error-member"),
            ("kind", "error-unknown-value"),
            ("nominated_on", "error-date-future"),
            ("own_words", "error-required"),
        ]
    );
    let long = RawNomination {
        member_id: "m-coach".into(),
        own_words: "a".repeat(10_000),
        ..Default::default()
    }
    .parse("x".into(), Nominator::Youth, &members(), d(2026, 3, 10))
    .expect_err("too long");
    assert_eq!(long, vec![FieldError::new("own_words", "error-too-long")]);
}

#[test]
fn nomination_date_defaults_to_today_and_kind_to_jim() {
    let sf = RawNomination {
        member_id: " m-coach ".into(),
        kind: "citizen_guardian".into(),
        own_words: "Hij helpt me met school 📚 en is eerlijk.".into(),
        ..Default::default()
    }
    .parse(
        "x".into(),
        Nominator::Professional,
        &members(),
        d(2026, 3, 10),
    )
    .expect("valid");
    assert_eq!(sf.nominated_on, d(2026, 3, 10));
    assert_eq!(sf.kind, SupportKind::CitizenGuardian);
    assert_eq!(sf.nominated_by, Nominator::Professional);
    assert_eq!(sf.own_words, "Hij helpt me met school 📚 en is eerlijk.");
}

#[test]
fn screening_agreement_ending_and_log_as_typed() {
    let today = d(2026, 3, 10);
    let s = RawScreening {
        decision: "approve".into(),
        reason: "VOG aanwezig".into(),
        safety_concerns: "".into(),
        on: "".into(),
    }
    .parse(Some("u1".into()), today)
    .expect("valid");
    assert_eq!(
        (s.on, s.decision, s.safety_concerns),
        (today, ScreeningDecision::Approve, None)
    );
    let e = RawScreening::default()
        .parse(None, today)
        .expect_err("empty");
    assert_eq!(
        e.iter().map(|e| e.field).collect::<Vec<_>>(),
        vec!["decision", "reason"]
    );

    let a = RawAgreement {
        roles: vec![
            "practical".into(),
            "socio_emotional".into(),
            "practical".into(),
        ],
        contact_how: "Appen en langskomen".into(),
        contact_frequency: "twee keer per week".into(),
        ..Default::default()
    }
    .parse(today)
    .expect("valid");
    assert_eq!(a.roles, vec![JimRole::SocioEmotional, JimRole::Practical]);
    let e = RawAgreement {
        roles: vec!["bodyguard".into()],
        ..Default::default()
    }
    .parse(today)
    .expect_err("invalid");
    assert_eq!(
        e.iter().map(|e| (e.field, e.key)).collect::<Vec<_>>(),
        vec![
            ("roles", "error-unknown-value"),
            ("contact_how", "error-required"),
            ("contact_frequency", "error-required"),
        ]
    );
    let e = RawAgreement {
        contact_how: "x".into(),
        contact_frequency: "y".into(),
        ..Default::default()
    }
    .parse(today)
    .expect_err("no roles");
    assert_eq!(e, vec![FieldError::new("roles", "support-error-roles")]);

    assert!(RawEnding::default().parse(today).is_err());
    let log = RawLogEntry {
        on: "2026-03-09".into(),
        text: "Samen naar de voetbal geweest.".into(),
    }
    .parse("l1".into(), LogKind::Contact, "Oma Joke", Utc::now(), today)
    .expect("valid");
    assert_eq!(log.on, d(2026, 3, 9));
    assert!(
        RawLogEntry {
            on: "9-3-2026".into(),
            text: "x".into()
        }
        .parse("l".into(), LogKind::Contact, "x", Utc::now(), today)
        .is_err()
    );
}

#[test]
fn a_participant_sees_the_nomination_of_their_own_member_only() {
    let sf = nominated();
    assert!(sf.is_about(Some(&MemberId::from_stored("m-oma"))));
    assert!(!sf.is_about(Some(&MemberId::from_stored("m-coach"))));
    assert!(!sf.is_about(None));
    let removed = SupportFigure {
        member_id: None,
        ..sf
    };
    assert!(
        !removed.is_about(None),
        "nobody is the person of a removed member"
    );
}

#[test]
fn values_round_trip() {
    for k in SupportKind::ALL {
        assert_eq!(SupportKind::parse(k.as_str()), Some(k));
        assert!(MESSAGE_KEYS.contains(&k.label_key()));
    }
    for r in JimRole::ALL {
        assert_eq!(JimRole::parse(r.as_str()), Some(r));
        assert!(MESSAGE_KEYS.contains(&r.label_key()));
    }
    for s in SupportStatus::ALL {
        assert_eq!(SupportStatus::parse(s.as_str()), Some(s));
        assert!(MESSAGE_KEYS.contains(&s.label_key()));
    }
    assert_eq!(JimRole::ALL.len(), 5, "the five JIM aspects");
}

fn any_step() -> impl Strategy<Value = SupportStep> {
    prop_oneof![
        Just(screening(ScreeningDecision::Approve)),
        Just(screening(ScreeningDecision::Decline)),
        Just(acceptance()),
        Just(agreement()),
        Just(ending()),
    ]
}

proptest! {
    /// Whatever steps are tried in whatever order, the road holds: nobody is active without an
    /// approving screening, an acceptance exists exactly when the figure is or was active,
    /// nothing changes after the end, and a refused step changes nothing.
    #[test]
    fn the_road_holds_for_any_sequence(steps in proptest::collection::vec(any_step(), 0..12)) {
        let mut sf = nominated();
        for step in &steps {
            let before = sf.clone();
            match sf.apply(step) {
                Ok(next) => {
                    prop_assert_ne!(before.status, SupportStatus::Ended);
                    sf = next;
                }
                Err(refused) => {
                    prop_assert_eq!(refused.status, before.status);
                    prop_assert_eq!(&sf, &before);
                }
            }
            if sf.status == SupportStatus::Active {
                prop_assert!(sf.is_approved());
                prop_assert!(sf.acceptance.is_some());
            }
            if sf.acceptance.is_some() {
                prop_assert!(sf.is_approved());
            }
            prop_assert_eq!(sf.status == SupportStatus::Ended, sf.ending.is_some());
            prop_assert_eq!(sf.status == SupportStatus::Nominated, sf.screening.is_none() && sf.ending.is_none());
        }
    }

    /// Any text a person types either parses into the same trimmed words or is refused with a
    /// reason; it never panics.
    #[test]
    fn own_words_are_kept_as_typed(words in "\\PC{0,300}") {
        let raw = RawNomination {
            member_id: "m-oma".into(),
            own_words: words.clone(),
            ..Default::default()
        };
        match raw.parse("x".into(), Nominator::Youth, &members(), d(2026, 3, 10)) {
            Ok(sf) => prop_assert_eq!(sf.own_words, words.trim()),
            Err(e) => prop_assert!(e.iter().all(|e| e.field == "own_words")),
        }
    }
}
