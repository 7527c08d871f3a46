//! iCalendar (RFC 5545): a network meeting as an `.ics` file that a parent, an aunt or a coach
//! opens in whatever calendar they use (Outlook, Google, Apple, a phone's own app), so the
//! meeting lands in it without anyone typing it over.
//!
//! One `VEVENT` in a `VCALENDAR` with `METHOD:PUBLISH`: an announcement to put in a calendar,
//! not an invitation that expects a reply (replies would go to an address Steunkring does not
//! hand out). Times are written in UTC (`…Z`), so no time-zone block is needed and every
//! calendar shows the meeting in its own local time.
//!
//! Text is hostile here as everywhere: backslash, semicolon, comma and line breaks are escaped,
//! other control characters dropped, and lines are folded at 75 octets without splitting a
//! UTF-8 character, so no summary or description can add a property or break the file.

use chrono::{DateTime, Utc};

/// A network meeting to put in someone's calendar. All text is as typed; [`meeting_ics`]
/// escapes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingInvite {
    /// Stable for this meeting (for instance its id), so that downloading the file again
    /// updates the calendar entry instead of adding a second one. `@steunkring` is appended.
    pub uid: String,
    pub start: DateTime<Utc>,
    /// When not after `start`, the event has no end: RFC 5545 does not allow an end at or before
    /// the start, and a calendar then shows the meeting as starting at `start`.
    pub end: DateTime<Utc>,
    pub summary: String,
    pub location: Option<String>,
    pub description: Option<String>,
    pub organiser_name: String,
    /// When this file was made (`DTSTAMP`); passed in, as this crate reads no clock.
    pub stamp: DateTime<Utc>,
}

/// The longest physical line RFC 5545 allows, in octets, CRLF not counted.
const MAX_LINE: usize = 75;

/// The meeting as an iCalendar document: CRLF line endings, long lines folded, text escaped.
/// The same meeting always gives the same text.
///
/// The organiser is written as `ORGANIZER;CN="name":invalid:nomail`: RFC 5546 asks for an
/// organiser in a `PUBLISH`, and calendars show it by its name. The address has to be a URI;
/// Steunkring hands out no e-mail addresses, so it is a placeholder that reaches no one.
pub fn meeting_ics(m: &MeetingInvite) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "PRODID:-//Steunkring//NL");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, "BEGIN:VEVENT");
    property(&mut out, "UID", &format!("{}@steunkring", m.uid));
    line(&mut out, &format!("DTSTAMP:{}", utc(&m.stamp)));
    line(&mut out, &format!("DTSTART:{}", utc(&m.start)));
    if m.end > m.start {
        line(&mut out, &format!("DTEND:{}", utc(&m.end)));
    }
    property(&mut out, "SUMMARY", &m.summary);
    if let Some(location) = &m.location {
        property(&mut out, "LOCATION", location);
    }
    if let Some(description) = &m.description {
        property(&mut out, "DESCRIPTION", description);
    }
    line(
        &mut out,
        &format!(
            "ORGANIZER;CN={}:invalid:nomail",
            param_value(&m.organiser_name)
        ),
    );
    line(&mut out, "END:VEVENT");
    line(&mut out, "END:VCALENDAR");
    out
}

/// `20261209T150000Z`: a UTC DATE-TIME. RFC 5545 has four-digit years; a date outside 0–9999
/// would not be a meeting.
fn utc(t: &DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT property: `NAME:value`, the value escaped, the line folded.
fn property(out: &mut String, name: &str, value: &str) {
    let mut content = String::with_capacity(name.len() + 1 + value.len());
    content.push_str(name);
    content.push(':');
    escape_text_into(&mut content, value);
    line(out, &content);
}

/// TEXT escaping (RFC 5545 §3.3.11): `\` `;` `,` get a backslash, a line break (CRLF, CR, LF,
/// or the Unicode line and paragraph separators) becomes `\n`, a tab a space; any other
/// control character is dropped, since a calendar cannot show it and a bare CR or LF would
/// end the property.
fn escape_text_into(out: &mut String, raw: &str) {
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A parameter value (the organiser's name in `CN=`), always quoted. A quoted parameter value
/// cannot hold a double quote or a line break; RFC 6868 writes them as `^'` and `^n` (and `^`
/// itself as `^^`), which current calendars decode and older ones show as typed. Other control
/// characters are dropped.
fn param_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 2);
    out.push('"');
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("^'"),
            '^' => out.push_str("^^"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("^n");
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("^n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Appends one content line, folded (RFC 5545 §3.1): no physical line longer than 75 octets,
/// each continuation starting with one space (which counts). Folds fall between characters,
/// never inside a UTF-8 sequence, and not inside a backslash escape, so even a calendar that
/// unfolds carelessly reads `\n` and `\,` whole.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        // An escape travels with its backslash.
        let pair = match (c, chars.peek()) {
            ('\\', Some(&next)) => {
                chars.next();
                Some(next)
            }
            _ => None,
        };
        let len = c.len_utf8() + pair.map_or(0, char::len_utf8);
        if width + len > MAX_LINE {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        if let Some(next) = pair {
            out.push(next);
        }
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
