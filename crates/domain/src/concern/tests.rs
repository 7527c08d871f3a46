use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, h, 0, 0)
        .single()
        .expect("time")
}

fn members() -> Vec<(MemberId, String)> {
    vec![(MemberId::from_stored("m-oma"), "Oma Joke".to_string())]
}

fn concern(about: &str, seriousness: &str, h: u32) -> Concern {
    RawConcern {
        about: about.into(),
        what: "Oma meldt onveiligheid niet uit loyaliteit.".into(),
        seriousness: seriousness.into(),
    }
    .parse(format!("c{h}"), &members(), Some("u1".into()), "Pim", at(h))
    .expect("valid")
}

#[test]
fn a_concern_about_a_member_or_the_informal_support() {
    let c = concern("m-oma", "high", 9);
    assert_eq!(c.about, Some(MemberId::from_stored("m-oma")));
    assert_eq!(c.about_name.as_deref(), Some("Oma Joke"));
    assert_eq!(c.about_code(), "m-oma");
    assert_eq!(c.status, ConcernStatus::Open);
    let c = concern("informal_support", "low", 9);
    assert_eq!((c.about.clone(), c.about_name.clone()), (None, None));
    assert_eq!(c.about_code(), ABOUT_INFORMAL_SUPPORT);
}

#[test]
fn bad_concerns_name_every_field() {
    let e = RawConcern {
        about: "someone-else".into(),
        what: "x".repeat(10_000),
        seriousness: "urgent".into(),
    }
    .parse("c".into(), &members(), None, "Pim", at(9))
    .expect_err("invalid");
    assert_eq!(
        e.iter().map(|e| (e.field, e.key)).collect::<Vec<_>>(),
        vec![
            ("about", "support-error-member"),
            ("what", "error-too-long"),
            ("seriousness", "error-unknown-value"),
        ]
    );
}

#[test]
fn closing_once() {
    let c = concern("m-oma", "medium", 9);
    let closure = parse_closure("Gesprek met oma gevoerd.", Some("u1".into()), at(12)).expect("ok");
    let closed = c.close(closure.clone()).expect("close");
    assert_eq!(closed.status, ConcernStatus::Closed);
    assert_eq!(closed.close(closure), Err(AlreadyClosed));
    assert!(parse_closure("  ", None, at(12)).is_err());
}

#[test]
fn open_concerns_most_serious_first_then_oldest() {
    let low = concern("m-oma", "low", 8);
    let high_late = concern("m-oma", "high", 11);
    let high_early = concern("informal_support", "high", 9);
    let closed = concern("m-oma", "high", 7)
        .close(parse_closure("Opgelost", None, at(12)).expect("ok"))
        .expect("close");
    let all = [low.clone(), high_late.clone(), closed, high_early.clone()];
    let ids: Vec<_> = open_first(&all).iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids, vec![high_early.id, high_late.id, low.id]);
}

#[test]
fn a_deliberation_with_the_family_and_network() {
    let today = at(9).date_naive();
    let d = RawDeliberation {
        held_on: "2026-03-09".into(),
        question: "Mag Sanne bij oma slapen nu oma ziek is?".into(),
        participants: vec![
            "Sanne (jongere)\nOma Joke\n\nSanne (jongere)".into(),
            "Gedragswetenschapper".into(),
        ],
        considerations: "Oma is belangrijk voor Sanne; zorgen over toezicht.".into(),
        decision: "Ja, met afspraken over bellen.".into(),
        follow_up: "".into(),
    }
    .parse("d1".into(), Some("u1".into()), at(9), today)
    .expect("valid");
    assert_eq!(
        d.participants,
        vec!["Sanne (jongere)", "Oma Joke", "Gedragswetenschapper"]
    );
    assert_eq!(d.follow_up, None);
    let e = RawDeliberation::default()
        .parse("d".into(), None, at(9), today)
        .expect_err("empty");
    assert_eq!(
        e.iter().map(|e| e.field).collect::<Vec<_>>(),
        vec!["question", "participants", "considerations", "decision"]
    );
    let many = RawDeliberation {
        question: "q".into(),
        participants: (0..60).map(|i| format!("p{i}")).collect(),
        considerations: "c".into(),
        decision: "d".into(),
        ..Default::default()
    }
    .parse("d".into(), None, at(9), today)
    .expect_err("too many");
    assert_eq!(
        many,
        vec![FieldError::new("participants", "error-too-many")]
    );
}

proptest! {
    /// Closing never reopens and never loses what the concern was about.
    #[test]
    fn closing_keeps_the_concern(seriousness in prop_oneof![Just("low"), Just("medium"), Just("high")], text in "\\PC{1,200}") {
        let c = concern("m-oma", seriousness, 9);
        match parse_closure(&text, None, at(10)) {
            Ok(closure) => {
                let closed = c.close(closure).expect("open concerns close");
                prop_assert_eq!(closed.status, ConcernStatus::Closed);
                prop_assert_eq!(&closed.what, &c.what);
                prop_assert_eq!(closed.seriousness, c.seriousness);
                prop_assert!(open_first(std::slice::from_ref(&closed)).is_empty());
            }
            Err(e) => prop_assert!(e.iter().all(|e| e.field == "what_was_done")),
        }
    }
}
