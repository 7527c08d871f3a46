//! Measuring (*meten*): whether the young person's informal support carries them, and what the
//! help led to. Pure rules only; storing, asking and showing are for the other crates.
//!
//! - [`support_check`]: the support check after the Social Support Network Map (Tracy &
//!   Whittaker 1990), perceived and received support kept apart (Spilsbury & Korbin 2013), and
//!   its scores.
//! - [`schedule`]: when the next check is due.
//! - [`self_report`]: how supported and how satisfied the young person says they are.
//! - [`screening`]: the multi-problem screening (Bodden & Deković 2010).
//! - [`outcome`]: what happened: placement prevented or not, return home, care scaled down.
//!
//! Aggregates for analysts, with small-cell suppression, are in [`crate::insight`].
//!
//! # Message keys
//!
//! Every key below is returned by a `label_key()` or used in a [`FieldError`]; the web layer
//! adds them to `locales/*.ftl`. The same list is [`MESSAGE_KEYS`] (a test keeps both honest).
//!
//! ```text
//! # errors (error-required, error-unknown-value, error-too-long, error-control-characters,
//! # error-date-format and error-date-future exist already)
//! error-out-of-range                    a number outside its scale (ratings 1–3, grades 0–10, interval 1–24)
//! error-date-before-case-opened         an outcome dated before the case was opened
//! error-support-check-member-unknown    an answer about someone not in the network
//! error-support-check-finished          an answer to a check that was already finished
//! error-support-check-empty             finishing a check nobody was answered in
//! error-support-check-finish-before-start  a finish date before the start date
//! # support check
//! support-check-rating-hardly-ever
//! support-check-rating-sometimes
//! support-check-rating-almost-always
//! support-check-closeness-not-very-close
//! support-check-closeness-sort-of-close
//! support-check-closeness-very-close
//! support-check-respondent-youth
//! support-check-respondent-parent
//! support-check-respondent-professional
//! support-check-type-concrete
//! support-check-type-emotional
//! support-check-type-informational
//! support-check-timeframe-perceived
//! support-check-timeframe-received
//! # self-report
//! self-report-feels-supported
//! self-report-satisfied-with-help
//! self-report-satisfied-with-support-figures
//! self-report-open-answer
//! # screening
//! screening-domain-child
//! screening-domain-parent
//! screening-domain-parenting
//! screening-domain-family-functioning
//! screening-domain-context
//! screening-domain-social-network
//! screening-domain-help-history
//! # outcomes
//! outcome-kind-placement-prevented
//! outcome-kind-placement-happened
//! outcome-kind-placement-network-foster-family
//! outcome-kind-returned-home
//! outcome-kind-specialist-care-scaled-down
//! outcome-kind-formal-help-ended
//! # insight (crate::insight)
//! insight-suppressed                    shown instead of a suppressed count ("fewer than 10")
//! ```
//!
//! Direction, how often seen and how long known reuse the network's types, whose keys
//! (`direction-*`, `contact-*`, `known-*`) the web layer already has.

pub mod outcome;
pub mod schedule;
pub mod screening;
pub mod self_report;
pub mod support_check;

pub use outcome::{Outcome, OutcomeKind, RawOutcome};
pub use schedule::{CheckInterval, add_months, is_due, latest_due_base, next_due};
pub use screening::{
    DomainAnswer, MULTI_PROBLEM_THRESHOLD, RawDomainAnswer, Screening, ScreeningDomain,
};
pub use self_report::{Grade, OpenAnswer, RawSelfReport, SelfReport, SelfReportQuestion};
pub use support_check::{
    CheckScores, Closeness, MemberAnswer, Progress, RECEIVED_WINDOW_DAYS, Rating, RawMemberAnswer,
    Respondent, Summary, SupportCheck, SupportKind, SupportScores, SupportSummary, Timeframe,
    TypeScore,
};

use crate::FieldError;
use crate::network::NumberOrText;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Every message key this module (and [`crate::insight`]) introduces, as listed above.
pub const MESSAGE_KEYS: &[&str] = &[
    "error-out-of-range",
    "error-date-before-case-opened",
    "error-support-check-member-unknown",
    "error-support-check-finished",
    "error-support-check-empty",
    "error-support-check-finish-before-start",
    "support-check-rating-hardly-ever",
    "support-check-rating-sometimes",
    "support-check-rating-almost-always",
    "support-check-closeness-not-very-close",
    "support-check-closeness-sort-of-close",
    "support-check-closeness-very-close",
    "support-check-respondent-youth",
    "support-check-respondent-parent",
    "support-check-respondent-professional",
    "support-check-type-concrete",
    "support-check-type-emotional",
    "support-check-type-informational",
    "support-check-timeframe-perceived",
    "support-check-timeframe-received",
    "self-report-feels-supported",
    "self-report-satisfied-with-help",
    "self-report-satisfied-with-support-figures",
    "self-report-open-answer",
    "screening-domain-child",
    "screening-domain-parent",
    "screening-domain-parenting",
    "screening-domain-family-functioning",
    "screening-domain-context",
    "screening-domain-social-network",
    "screening-domain-help-history",
    "outcome-kind-placement-prevented",
    "outcome-kind-placement-happened",
    "outcome-kind-placement-network-foster-family",
    "outcome-kind-returned-home",
    "outcome-kind-specialist-care-scaled-down",
    "outcome-kind-formal-help-ended",
    "insight-suppressed",
];

/// A note on a screening domain or an outcome: trimmed, at most [`Note::MAX_LEN`] characters,
/// may span lines; other control characters are refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Note(String);

impl Note {
    pub const MAX_LEN: usize = 1_000;

    /// The note in `raw`; blank is `None`.
    pub fn parse(field: &'static str, raw: &str) -> Result<Option<Note>, FieldError> {
        Ok(free_text(field, raw, Self::MAX_LEN)?.map(Note))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Note {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Note, FieldError> {
        Note::parse("note", &raw)?.ok_or(FieldError::new("note", "error-required"))
    }
}

impl From<Note> for String {
    fn from(note: Note) -> String {
        note.0
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Free text as a person typed it: trimmed, blank is `None`, at most `max_len` characters
/// (counted after trimming). Line breaks and tabs are allowed — a textarea sends `\r\n` — every
/// other control character is refused, so nothing invisible reaches a screen or an export.
pub(crate) fn free_text(
    field: &'static str,
    raw: &str,
    max_len: usize,
) -> Result<Option<String>, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max_len {
        return Err(FieldError::new(field, "error-too-long"));
    }
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldError::new(field, "error-control-characters"));
    }
    Ok(Some(value.to_string()))
}

/// A whole number on a scale `min..=max`: missing or blank is `error-required`, anything else
/// that is not such a number is `error-out-of-range`.
pub(crate) fn scale(
    field: &'static str,
    raw: Option<&NumberOrText>,
    min: i64,
    max: i64,
) -> Result<i64, FieldError> {
    match raw {
        None => Err(FieldError::new(field, "error-required")),
        Some(value) if value.is_blank() => Err(FieldError::new(field, "error-required")),
        Some(value) => value
            .as_integer()
            .filter(|n| (min..=max).contains(n))
            .ok_or(FieldError::new(field, "error-out-of-range")),
    }
}

/// A date as `YYYY-MM-DD`: blank is `error-required`, anything else unreadable
/// `error-date-format`.
pub(crate) fn date(field: &'static str, raw: &str) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(FieldError::new(field, "error-required"));
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "error-date-format"))
}

/// The value, or `None` with its error added to `errors`: so that a form reports every problem
/// at once.
pub(crate) fn keep<T>(errors: &mut Vec<FieldError>, result: Result<T, FieldError>) -> Option<T> {
    result.map_err(|e| errors.push(e)).ok()
}

/// `part ÷ whole`, `None` when `whole` is 0: a share of nobody is unknown, not 0%.
pub(crate) fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_key_is_listed_once_and_every_label_is_listed() {
        let listed: BTreeSet<&str> = MESSAGE_KEYS.iter().copied().collect();
        assert_eq!(listed.len(), MESSAGE_KEYS.len(), "no key listed twice");
        let mut used: BTreeSet<&str> = BTreeSet::new();
        used.extend(Rating::ALL.map(Rating::label_key));
        used.extend(Closeness::ALL.map(Closeness::label_key));
        used.extend(Respondent::ALL.map(Respondent::label_key));
        used.extend(SupportKind::ALL.map(SupportKind::label_key));
        used.extend(Timeframe::ALL.map(Timeframe::label_key));
        used.extend(SelfReportQuestion::ALL.map(SelfReportQuestion::label_key));
        used.extend(ScreeningDomain::ALL.map(ScreeningDomain::label_key));
        used.extend(OutcomeKind::ALL.map(OutcomeKind::label_key));
        used.insert(crate::insight::SUPPRESSED_KEY);
        for key in &used {
            assert!(listed.contains(key), "{key} is listed");
        }
        // The rest are error keys.
        for key in listed.difference(&used) {
            assert!(key.starts_with("error-"), "{key} is used");
        }
        // The comment at the top lists the same keys.
        let doc = include_str!("mod.rs");
        for key in MESSAGE_KEYS {
            assert!(
                doc.contains(&format!("//! {key}")),
                "{key} is in the comment"
            );
        }
    }

    #[test]
    fn free_text_rules() {
        assert_eq!(free_text("f", "  ", 10), Ok(None));
        assert_eq!(free_text("f", " hoi ", 10), Ok(Some("hoi".into())));
        assert_eq!(
            free_text("f", "regel 1\r\nregel 2\t.", 100),
            Ok(Some("regel 1\r\nregel 2\t.".into()))
        );
        assert_eq!(
            free_text("f", "a\u{7}b", 10),
            Err(FieldError::new("f", "error-control-characters"))
        );
        // Ten characters fit (é is one character, two bytes); eleven do not.
        assert!(free_text("f", "éééééééééé", 10).is_ok());
        assert_eq!(
            free_text("f", "ééééééééééé", 10),
            Err(FieldError::new("f", "error-too-long"))
        );
    }

    #[test]
    fn scale_rules() {
        let n = |x| Some(NumberOrText::Number(x));
        let t = |s: &str| Some(NumberOrText::Text(s.into()));
        assert_eq!(scale("f", n(3).as_ref(), 1, 3), Ok(3));
        assert_eq!(scale("f", t(" 0 ").as_ref(), 0, 10), Ok(0));
        assert_eq!(
            scale("f", None, 1, 3),
            Err(FieldError::new("f", "error-required"))
        );
        assert_eq!(
            scale("f", t("").as_ref(), 1, 3),
            Err(FieldError::new("f", "error-required"))
        );
        for bad in [n(0), n(4), n(-1), t("2.5"), t("veel")] {
            assert_eq!(
                scale("f", bad.as_ref(), 1, 3),
                Err(FieldError::new("f", "error-out-of-range"))
            );
        }
    }

    #[test]
    fn note_serde_refuses_what_parse_refuses() {
        use serde::de::IntoDeserializer;
        use serde::de::value::Error as DeError;
        let ok: Result<Note, DeError> = Note::deserialize("  fine ".into_deserializer());
        assert_eq!(ok.map(|n| n.to_string()), Ok("fine".to_string()));
        let bad: Result<Note, DeError> = Note::deserialize("a\u{0}".into_deserializer());
        assert!(bad.is_err());
    }
}
