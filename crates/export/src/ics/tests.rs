use super::*;
use chrono::TimeZone;
use proptest::prelude::*;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    match Utc.with_ymd_and_hms(y, mo, d, h, mi, 0) {
        chrono::LocalResult::Single(t) => t,
        other => panic!("no such time: {other:?}"),
    }
}

fn meeting() -> MeetingInvite {
    MeetingInvite {
        uid: "0190c3a4-7b1e-7d2a-9f00-1234567890ab".into(),
        start: at(2026, 12, 9, 15, 0),
        end: at(2026, 12, 9, 16, 30),
        summary: "Netwerkberaad Sanne".into(),
        location: Some("Wijkcentrum De Til, Utrecht".into()),
        description: Some("We bespreken het plan.\nNeem je agenda mee.".into()),
        organiser_name: "Anna de Vries".into(),
        stamp: at(2026, 12, 2, 9, 5),
    }
}

/// Unfolds per RFC 5545 §3.1 (a CRLF followed by one space or tab is removed) and splits into
/// content lines. Fails on what the writer must never produce: a line end other than CRLF, a
/// physical line over 75 octets, a missing final CRLF.
fn content_lines(ics: &str) -> Result<Vec<String>, String> {
    let Some(body) = ics.strip_suffix("\r\n") else {
        return Err("no final CRLF".into());
    };
    let physical: Vec<&str> = body.split("\r\n").collect();
    let mut lines: Vec<String> = Vec::new();
    for p in physical {
        if p.contains('\r') || p.contains('\n') {
            return Err(format!("bare CR or LF in {p:?}"));
        }
        if p.len() > 75 {
            return Err(format!("{} octets: {p:?}", p.len()));
        }
        match p.strip_prefix([' ', '\t']) {
            Some(rest) => match lines.last_mut() {
                Some(last) => last.push_str(rest),
                None => return Err("continuation first".into()),
            },
            None => lines.push(p.to_string()),
        }
    }
    Ok(lines)
}

/// The value of a TEXT property, unescaped, written independently of the code under test.
fn unescape(value: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('\\') => out.push('\\'),
                Some(';') => out.push(';'),
                Some(',') => out.push(','),
                Some('n' | 'N') => out.push('\n'),
                other => return Err(format!("bad escape \\{other:?}")),
            },
            ';' | ',' => return Err(format!("unescaped {c:?} in {value:?}")),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// What the reader should get back for typed text: line breaks as `\n`, tabs as spaces,
/// other control characters gone.
fn expected_text(raw: &str) -> String {
    let unified = raw
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}'], "\n")
        .replace('\t', " ");
    unified
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect()
}

/// The TEXT value of the one property called `name`.
fn text_property(lines: &[String], name: &str) -> Option<String> {
    let prefix = format!("{name}:");
    let found: Vec<&String> = lines.iter().filter(|l| l.starts_with(&prefix)).collect();
    assert!(found.len() <= 1, "{name} {} times", found.len());
    found
        .first()
        .map(|l| unescape(&l[prefix.len()..]).unwrap_or_else(|e| panic!("{name}: {e}")))
}

#[test]
fn a_simple_meeting_is_exactly_this() {
    let expected = "BEGIN:VCALENDAR\r\n\
                    PRODID:-//Steunkring//NL\r\n\
                    VERSION:2.0\r\n\
                    METHOD:PUBLISH\r\n\
                    BEGIN:VEVENT\r\n\
                    UID:0190c3a4-7b1e-7d2a-9f00-1234567890ab@steunkring\r\n\
                    DTSTAMP:20261202T090500Z\r\n\
                    DTSTART:20261209T150000Z\r\n\
                    DTEND:20261209T163000Z\r\n\
                    SUMMARY:Netwerkberaad Sanne\r\n\
                    LOCATION:Wijkcentrum De Til\\, Utrecht\r\n\
                    DESCRIPTION:We bespreken het plan.\\nNeem je agenda mee.\r\n\
                    ORGANIZER;CN=\"Anna de Vries\":invalid:nomail\r\n\
                    END:VEVENT\r\n\
                    END:VCALENDAR\r\n";
    assert_eq!(meeting_ics(&meeting()), expected);
}

#[test]
fn absent_location_and_description_and_a_missing_end_leave_their_lines_out() {
    let m = MeetingInvite {
        location: None,
        description: None,
        end: at(2026, 12, 9, 14, 0),
        ..meeting()
    };
    let lines = content_lines(&meeting_ics(&m)).unwrap_or_else(|e| panic!("{e}"));
    for name in ["LOCATION", "DESCRIPTION", "DTEND"] {
        assert!(!lines.iter().any(|l| l.starts_with(name)), "{name} written");
    }
    let equal = MeetingInvite {
        end: meeting().start,
        ..meeting()
    };
    assert!(!meeting_ics(&equal).contains("DTEND"));
}

#[test]
fn text_is_escaped_and_cannot_add_properties() {
    let m = MeetingInvite {
        summary: "Beraad; Sanne, Karin \\ oma".into(),
        description: Some(
            "Regel 1\r\nEND:VEVENT\rBEGIN:VEVENT\nATTENDEE:mailto:x@y.nl\u{2028}klaar\u{0}\u{1b}\t!"
                .into(),
        ),
        location: Some("a\\nb".into()),
        organiser_name: "Anna \"de\" Vries;\r\nX-EVIL:1 ^".into(),
        ..meeting()
    };
    let ics = meeting_ics(&m);
    assert!(
        ics.contains("SUMMARY:Beraad\\; Sanne\\, Karin \\\\ oma\r\n"),
        "{ics}"
    );
    let lines = content_lines(&ics).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.as_str() == "BEGIN:VEVENT")
            .count(),
        1
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("ATTENDEE") || l.starts_with("X-EVIL"))
    );
    assert_eq!(
        text_property(&lines, "DESCRIPTION").as_deref(),
        Some("Regel 1\nEND:VEVENT\nBEGIN:VEVENT\nATTENDEE:mailto:x@y.nl\nklaar !")
    );
    // A typed backslash followed by n stays two characters, not a line break.
    assert_eq!(text_property(&lines, "LOCATION").as_deref(), Some("a\\nb"));
    assert!(
        lines.contains(&"ORGANIZER;CN=\"Anna ^'de^' Vries;^nX-EVIL:1 ^^\":invalid:nomail".into()),
        "{lines:?}"
    );
}

#[test]
fn long_multibyte_text_folds_at_75_octets_and_unfolds_to_the_same() {
    let summary = "Netwerkberaad met oma Ëlla, tante Zoë en buurman Ĳsbrand 🙂👍🏽 — ".repeat(6);
    let m = MeetingInvite {
        summary: summary.clone(),
        description: Some("é".repeat(300)),
        location: Some("🙂".repeat(100)),
        ..meeting()
    };
    let ics = meeting_ics(&m);
    for physical in ics.split("\r\n") {
        assert!(
            physical.len() <= 75,
            "{} octets: {physical:?}",
            physical.len()
        );
    }
    // Folds really happened, and at full lines: each folded physical line is close to 75.
    let folded: Vec<&str> = ics.split("\r\n").filter(|l| l.starts_with(' ')).collect();
    assert!(folded.len() > 10);
    let lines = content_lines(&ics).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text_property(&lines, "SUMMARY"), Some(summary));
    assert_eq!(text_property(&lines, "DESCRIPTION"), Some("é".repeat(300)));
    assert_eq!(text_property(&lines, "LOCATION"), Some("🙂".repeat(100)));
    // Exactly at the limit: 75 octets stay on one line, 76 fold.
    let fits = MeetingInvite {
        summary: "x".repeat(75 - "SUMMARY:".len()),
        ..meeting()
    };
    assert!(meeting_ics(&fits).contains(&format!("SUMMARY:{}\r\nLOCATION", fits.summary)));
    let over = MeetingInvite {
        summary: "x".repeat(76 - "SUMMARY:".len()),
        ..meeting()
    };
    assert!(meeting_ics(&over).contains("x\r\n x\r\nLOCATION"));
}

#[test]
fn folds_never_split_an_escape() {
    for pad in 0..4 {
        let m = MeetingInvite {
            summary: format!("{}{}", "a".repeat(60 + pad), ",;\\\n".repeat(10)),
            ..meeting()
        };
        let ics = meeting_ics(&m);
        for physical in ics.split("\r\n") {
            let trailing = physical.chars().rev().take_while(|c| *c == '\\').count();
            assert!(trailing % 2 == 0, "escape split at {physical:?}");
        }
    }
}

fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    // 1970–2100: the meetings this is for.
    (0i64..4_102_444_800).prop_map(|s| match DateTime::from_timestamp(s, 0) {
        Some(t) => t,
        None => panic!("{s} out of range"),
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\\\;,:\"^\r\n\t a-zëĳ🙂\u{0}\u{2028}]{0,200}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_text_never_breaks_the_structure(
        uid in any_text(),
        summary in any_text(),
        location in prop::option::of(any_text()),
        description in prop::option::of(any_text()),
        organiser_name in any_text(),
        start in any_time(),
        end in any_time(),
        stamp in any_time(),
    ) {
        let m = MeetingInvite {
            uid: uid.clone(),
            start,
            end,
            summary: summary.clone(),
            location: location.clone(),
            description: description.clone(),
            organiser_name,
            stamp,
        };
        let ics = meeting_ics(&m);
        let lines = match content_lines(&ics) {
            Ok(lines) => lines,
            Err(e) => return Err(TestCaseError::fail(e)),
        };
        // The skeleton, in order, each line once.
        let names: Vec<&str> = lines
            .iter()
            .map(|l| l.split([':', ';']).next().unwrap_or(""))
            .collect();
        let mut expected = vec!["BEGIN", "PRODID", "VERSION", "METHOD", "BEGIN", "UID", "DTSTAMP", "DTSTART"];
        if end > start {
            expected.push("DTEND");
        }
        expected.push("SUMMARY");
        if location.is_some() {
            expected.push("LOCATION");
        }
        if description.is_some() {
            expected.push("DESCRIPTION");
        }
        expected.extend(["ORGANIZER", "END", "END"]);
        prop_assert_eq!(names, expected);
        // The text reads back as typed, controls aside.
        prop_assert_eq!(text_property(&lines, "SUMMARY"), Some(expected_text(&summary)));
        prop_assert_eq!(text_property(&lines, "LOCATION"), location.as_deref().map(expected_text));
        prop_assert_eq!(
            text_property(&lines, "DESCRIPTION"),
            description.as_deref().map(expected_text)
        );
        prop_assert_eq!(
            text_property(&lines, "UID"),
            Some(format!("{}@steunkring", expected_text(&uid)))
        );
        // The organiser's name stays inside its quotes.
        let organiser = lines.iter().find(|l| l.starts_with("ORGANIZER;CN=\"")).cloned().unwrap_or_default();
        prop_assert!(organiser.ends_with("\":invalid:nomail"));
        let quoted = &organiser["ORGANIZER;CN=\"".len()..organiser.len() - "\":invalid:nomail".len()];
        prop_assert!(!quoted.contains('"') && !quoted.chars().any(char::is_control), "{:?}", quoted);
    }
}
