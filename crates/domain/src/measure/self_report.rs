//! The young person's own report: how supported they feel and how satisfied they are with the
//! help and with their support figures, each as a grade 0–10 (the Dutch school grade everyone
//! knows), and an open answer in their own words.

use super::{free_text, keep, scale};
use crate::FieldError;
use crate::consent::value_list;
use crate::network::NumberOrText;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A grade 0–10. On the wire the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct Grade(u8);

impl Grade {
    pub const MAX: u8 = 10;

    /// The grade for 0–10; `error-out-of-range` on `field` otherwise.
    pub fn from_number(field: &'static str, number: i64) -> Result<Grade, FieldError> {
        u8::try_from(number)
            .ok()
            .filter(|n| *n <= Self::MAX)
            .map(Grade)
            .ok_or(FieldError::new(field, "error-out-of-range"))
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

impl TryFrom<i64> for Grade {
    type Error = FieldError;
    fn try_from(number: i64) -> Result<Grade, FieldError> {
        Grade::from_number("grade", number)
    }
}

impl From<Grade> for i64 {
    fn from(grade: Grade) -> i64 {
        i64::from(grade.0)
    }
}

/// The open answer: trimmed, not blank, at most [`OpenAnswer::MAX_LEN`] characters; line breaks
/// and tabs allowed, other control characters refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OpenAnswer(String);

impl OpenAnswer {
    pub const MAX_LEN: usize = 2_000;

    /// The answer in `raw`; blank is `None` (the question is optional).
    pub fn parse(raw: &str) -> Result<Option<OpenAnswer>, FieldError> {
        Ok(free_text("open_answer", raw, Self::MAX_LEN)?.map(OpenAnswer))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for OpenAnswer {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<OpenAnswer, FieldError> {
        OpenAnswer::parse(&raw)?.ok_or(FieldError::new("open_answer", "error-required"))
    }
}

impl From<OpenAnswer> for String {
    fn from(answer: OpenAnswer) -> String {
        answer.0
    }
}

impl fmt::Display for OpenAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

value_list!(
    /// The questions of the self-report, for labels; the codes are the field names.
    SelfReportQuestion {
        /// "How supported do you feel?"
        FeelsSupported = "feels_supported",
        /// "How satisfied are you with the help?"
        SatisfiedWithHelp = "satisfied_with_help",
        /// "How satisfied are you with your support figures?"
        SatisfiedWithSupportFigures = "satisfied_with_support_figures",
        /// "Anything else you want to say?"
        OpenAnswer = "open_answer",
    }
);

impl SelfReportQuestion {
    pub fn label_key(self) -> &'static str {
        match self {
            SelfReportQuestion::FeelsSupported => "self-report-feels-supported",
            SelfReportQuestion::SatisfiedWithHelp => "self-report-satisfied-with-help",
            SelfReportQuestion::SatisfiedWithSupportFigures => {
                "self-report-satisfied-with-support-figures"
            }
            SelfReportQuestion::OpenAnswer => "self-report-open-answer",
        }
    }
}

/// A self-report as the young person gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfReport {
    pub answered_on: NaiveDate,
    pub feels_supported: Grade,
    pub satisfied_with_help: Grade,
    /// `None` when the young person has no support figure (yet), or skipped the question.
    pub satisfied_with_support_figures: Option<Grade>,
    pub open_answer: Option<OpenAnswer>,
}

/// A self-report as posted: grades as numbers (JSON) or text (a form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawSelfReport {
    pub feels_supported: Option<NumberOrText>,
    pub satisfied_with_help: Option<NumberOrText>,
    /// Blank when there is no support figure.
    pub satisfied_with_support_figures: Option<NumberOrText>,
    pub open_answer: Option<String>,
}

impl SelfReport {
    /// The report in `raw`, answered on `answered_on`, or every problem with it. The first two
    /// grades are required; the support-figure grade and the open answer are optional.
    pub fn parse(
        raw: &RawSelfReport,
        answered_on: NaiveDate,
    ) -> Result<SelfReport, Vec<FieldError>> {
        let mut errors = Vec::new();
        let grade = |field: &'static str, value: Option<&NumberOrText>| {
            scale(field, value, 0, i64::from(Grade::MAX)).and_then(|n| Grade::from_number(field, n))
        };
        let feels_supported = keep(
            &mut errors,
            grade("feels_supported", raw.feels_supported.as_ref()),
        );
        let satisfied_with_help = keep(
            &mut errors,
            grade("satisfied_with_help", raw.satisfied_with_help.as_ref()),
        );
        let satisfied_with_support_figures = match &raw.satisfied_with_support_figures {
            None => Some(None),
            Some(value) if value.is_blank() => Some(None),
            Some(value) => keep(
                &mut errors,
                grade("satisfied_with_support_figures", Some(value)).map(Some),
            ),
        };
        let open_answer = keep(
            &mut errors,
            OpenAnswer::parse(raw.open_answer.as_deref().unwrap_or("")),
        );
        match (
            feels_supported,
            satisfied_with_help,
            satisfied_with_support_figures,
            open_answer,
        ) {
            (
                Some(feels_supported),
                Some(satisfied_with_help),
                Some(figures),
                Some(open_answer),
            ) if errors.is_empty() => Ok(SelfReport {
                answered_on,
                feels_supported,
                satisfied_with_help,
                satisfied_with_support_figures: figures,
                open_answer,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error as DeError;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 5, 1).unwrap_or(NaiveDate::MIN)
    }

    fn n(x: i64) -> Option<NumberOrText> {
        Some(NumberOrText::Number(x))
    }

    fn keys(r: Result<SelfReport, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_full_report() {
        let raw = RawSelfReport {
            feels_supported: n(7),
            satisfied_with_help: Some(NumberOrText::Text(" 10 ".into())),
            satisfied_with_support_figures: n(0),
            open_answer: Some("  Mijn oom helpt me echt.\nMaar school niet.  ".into()),
        };
        let report = SelfReport::parse(&raw, day());
        assert_eq!(
            report.as_ref().map(|r| (
                r.feels_supported.value(),
                r.satisfied_with_help.value(),
                r.satisfied_with_support_figures.map(Grade::value)
            )),
            Ok((7, 10, Some(0)))
        );
        assert_eq!(
            report
                .ok()
                .and_then(|r| r.open_answer)
                .map(|a| a.to_string()),
            Some("Mijn oom helpt me echt.\nMaar school niet.".to_string())
        );
    }

    #[test]
    fn optional_parts_may_be_blank() {
        let raw = RawSelfReport {
            feels_supported: n(5),
            satisfied_with_help: n(6),
            satisfied_with_support_figures: Some(NumberOrText::Text(" ".into())),
            open_answer: Some("   ".into()),
        };
        let report = SelfReport::parse(&raw, day());
        assert_eq!(
            report.map(|r| (r.satisfied_with_support_figures, r.open_answer)),
            Ok((None, None))
        );
    }

    #[test]
    fn every_problem_reported() {
        let raw = RawSelfReport {
            feels_supported: None,
            satisfied_with_help: n(11),
            satisfied_with_support_figures: n(-1),
            open_answer: Some("a\u{1b}[31m".into()),
        };
        assert_eq!(
            keys(SelfReport::parse(&raw, day())),
            [
                ("feels_supported", "error-required"),
                ("satisfied_with_help", "error-out-of-range"),
                ("satisfied_with_support_figures", "error-out-of-range"),
                ("open_answer", "error-control-characters"),
            ]
        );
        let long = RawSelfReport {
            feels_supported: n(1),
            satisfied_with_help: n(1),
            satisfied_with_support_figures: None,
            open_answer: Some("x".repeat(2_001)),
        };
        assert_eq!(
            keys(SelfReport::parse(&long, day())),
            [("open_answer", "error-too-long")]
        );
        // 2,000 characters fit, after trimming.
        assert!(OpenAnswer::parse(&format!("  {}  ", "x".repeat(2_000))).is_ok());
    }

    #[test]
    fn grades_on_the_wire() {
        assert_eq!(
            Grade::deserialize(8i64.into_deserializer()).map(Grade::value),
            Ok::<_, DeError>(8)
        );
        assert!(
            Grade::deserialize(11i64.into_deserializer())
                .map_err(|_: DeError| ())
                .is_err()
        );
        for q in SelfReportQuestion::ALL {
            assert_eq!(SelfReportQuestion::parse(q.as_str()), Some(q));
        }
    }

    proptest! {
        #[test]
        fn grades_are_zero_to_ten(x in any::<i64>()) {
            match Grade::from_number("g", x) {
                Ok(g) => prop_assert!((0..=10).contains(&x) && i64::from(g.value()) == x),
                Err(e) => {
                    prop_assert!(!(0..=10).contains(&x));
                    prop_assert_eq!(e.key, "error-out-of-range");
                }
            }
        }

        #[test]
        fn open_answers_are_clean(text in "\\PC{0,2100}|[\\x00-\\x1f a-z]{0,50}") {
            if let Ok(Some(answer)) = OpenAnswer::parse(&text) {
                let s = answer.as_str();
                prop_assert_eq!(s, s.trim());
                prop_assert!(!s.is_empty());
                prop_assert!(s.chars().count() <= OpenAnswer::MAX_LEN);
                prop_assert!(s.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t')));
            }
        }
    }
}
