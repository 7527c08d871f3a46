use super::*;
use crate::case::Parent;
use crate::consent::{Consent, Framework, Given, Party, Recipient, RecipientRole};
use chrono::TimeZone;

fn members() -> Vec<(MemberId, String)> {
    vec![
        (MemberId::from_stored("m1"), "Oma Ria".into()),
        (MemberId::from_stored("m2"), "Buurman Ahmed".into()),
    ]
}

fn raw() -> RawMeeting {
    RawMeeting {
        kind: "family_group_conference".into(),
        own_question: "Hoe zorgen we dat Sanne veilig thuis kan blijven?".into(),
        starts_at: "2026-12-15T19:30".into(),
        minutes: "150".into(),
        location: "Buurthuis De Wiek".into(),
        invitees: vec!["m1".into(), "m2".into(), "m1".into()],
    }
}

#[test]
fn a_planned_meeting_in_dutch_winter_time() {
    let m = raw().parse("x".into(), &members()).expect("valid");
    // 19:30 in Amsterdam in December is 18:30 UTC.
    assert_eq!(
        m.starts_at,
        Utc.with_ymd_and_hms(2026, 12, 15, 18, 30, 0)
            .single()
            .expect("t")
    );
    assert_eq!(m.invitees.len(), 2, "the same person is invited once");
    assert_eq!(m.status, MeetingStatus::Planned);
    assert_eq!(meeting_time(&m).to_string(), "19:30:00");
    assert_eq!(m.ends_at() - m.starts_at, TimeDelta::minutes(150));
}

#[test]
fn summer_time_is_two_hours() {
    let t = parse_local_time("2026-07-01T10:00").expect("valid");
    assert_eq!(
        t,
        Utc.with_ymd_and_hms(2026, 7, 1, 8, 0, 0)
            .single()
            .expect("t")
    );
    assert_eq!(parse_local_time("2026-13-01T10:00"), None);
    assert_eq!(parse_local_time("morgen"), None);
}

#[test]
fn bad_meetings_say_every_problem() {
    let mut r = raw();
    r.kind = "party".into();
    r.own_question = " ".into();
    r.starts_at = "15-12-2026".into();
    r.minutes = "5".into();
    r.invitees = vec!["m-other-case".into()];
    let errors = r.parse("x".into(), &members()).expect_err("invalid");
    let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        ["kind", "own_question", "starts_at", "minutes", "invitees"]
    );
}

#[test]
fn holding_a_meeting_records_who_came() {
    let m = raw().parse("x".into(), &members()).expect("valid");
    let held = RawHeld {
        attended: vec!["m2".into()],
        private_minutes: "45".into(),
        notes: "Goed gesprek".into(),
    }
    .apply(&m)
    .expect("valid");
    assert_eq!(held.status, MeetingStatus::Held);
    assert_eq!(held.invitees[0].attended, Some(false));
    assert_eq!(held.invitees[1].attended, Some(true));
    assert_eq!(held.private_minutes, Some(45));
    let bad = RawHeld {
        attended: vec!["m9".into()],
        private_minutes: "9999".into(),
        notes: String::new(),
    }
    .apply(&m)
    .expect_err("invalid");
    assert_eq!(bad.len(), 2);
}

#[test]
fn warns_for_invitees_without_consent() {
    let now = Utc
        .with_ymd_and_hms(2026, 12, 2, 12, 0, 0)
        .single()
        .expect("t");
    let parents = vec![Parent {
        name: "Karin".into(),
        gezag: true,
    }];
    // A plan consent for support figures, given by the 17-year-old herself.
    let consent = Consent {
        id: "c1".into(),
        category: Category::Plan,
        recipient: Recipient::Role(RecipientRole::SupportFigures),
        valid_from: NaiveDate::from_ymd_opt(2026, 1, 1).expect("d"),
        valid_until: None,
        required: vec![Party::Youth],
        given: vec![Given {
            party: Party::Youth,
            at: now,
            how: "app".into(),
            by_user: None,
        }],
        withdrawn: None,
    };
    let consents = [consent];
    let ctx = SharingContext {
        birth_date: NaiveDate::from_ymd_opt(2009, 5, 1).expect("d"),
        parents: &parents,
        framework: Framework::Voluntary,
        consents: &consents,
        withholdings: &[],
    };
    let m = raw().parse("x".into(), &members()).expect("valid");
    let viewer_of = |id: &MemberId| {
        if id.as_str() == "m1" {
            Viewer::SupportFigure {
                participant: "p-oma".into(),
            }
        } else {
            Viewer::Outsider
        }
    };
    let w = invitee_warnings(&m.invitees, viewer_of, true, &ctx, now);
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].name, "Oma Ria");
    assert_eq!(w[0].categories, vec![Category::SafetySection]);
    assert_eq!(
        w[1].categories,
        vec![Category::Plan, Category::SafetySection]
    );
    let w = invitee_warnings(&m.invitees, viewer_of, false, &ctx, now);
    assert_eq!(
        w.len(),
        1,
        "without a safety section the oma may hear it all"
    );
}
