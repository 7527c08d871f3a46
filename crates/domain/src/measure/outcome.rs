//! Outcomes (*uitkomsten*): what the help led to. Out-of-home placement prevented or not (and
//! whether it was with a network foster family), return home, specialist care scaled down,
//! formal help ended. Satisfaction is in the self-report.

use super::{Note, date};
use crate::FieldError;
use crate::consent::value_list;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

value_list!(
    /// What happened.
    OutcomeKind {
        /// An out-of-home placement was considered and did not happen.
        PlacementPrevented = "placement_prevented",
        /// The young person was placed out of home (not with the network).
        PlacementHappened = "placement_happened",
        /// Placed with a foster family from the young person's own network
        /// (*netwerkpleeggezin*).
        PlacementNetworkFosterFamily = "placement_network_foster_family",
        /// Back home after a placement.
        ReturnedHome = "returned_home",
        /// Specialist care scaled down to lighter help.
        SpecialistCareScaledDown = "specialist_care_scaled_down",
        /// Formal help ended.
        FormalHelpEnded = "formal_help_ended",
    }
);

impl OutcomeKind {
    pub fn label_key(self) -> &'static str {
        match self {
            OutcomeKind::PlacementPrevented => "outcome-kind-placement-prevented",
            OutcomeKind::PlacementHappened => "outcome-kind-placement-happened",
            OutcomeKind::PlacementNetworkFosterFamily => {
                "outcome-kind-placement-network-foster-family"
            }
            OutcomeKind::ReturnedHome => "outcome-kind-returned-home",
            OutcomeKind::SpecialistCareScaledDown => "outcome-kind-specialist-care-scaled-down",
            OutcomeKind::FormalHelpEnded => "outcome-kind-formal-help-ended",
        }
    }

    /// An out-of-home placement, with the network or not.
    pub fn is_placement(self) -> bool {
        matches!(
            self,
            OutcomeKind::PlacementHappened | OutcomeKind::PlacementNetworkFosterFamily
        )
    }
}

/// An outcome as recorded. Built by [`Outcome::parse`] or from the store, which holds only
/// parsed outcomes; the date rules depend on "today" and the case, so they are checked where the
/// outcome enters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub kind: OutcomeKind,
    /// The day it happened (`date` on the wire).
    #[serde(rename = "date")]
    pub on: NaiveDate,
    pub note: Option<Note>,
}

/// An outcome as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawOutcome {
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub note: Option<String>,
}

impl Outcome {
    /// The outcome in `raw`, or every problem with it. The date may not lie after `today`
    /// (`error-date-future`) nor before the case was `opened` (`error-date-before-case-opened`):
    /// an outcome of this help cannot predate it.
    pub fn parse(
        raw: &RawOutcome,
        today: NaiveDate,
        opened: NaiveDate,
    ) -> Result<Outcome, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = if raw.kind.trim().is_empty() {
            errors.push(FieldError::new("kind", "error-required"));
            None
        } else {
            let kind = OutcomeKind::parse(&raw.kind);
            if kind.is_none() {
                errors.push(FieldError::new("kind", "error-unknown-value"));
            }
            kind
        };
        let on = date("date", &raw.date)
            .and_then(|on| {
                if on > today {
                    Err(FieldError::new("date", "error-date-future"))
                } else if on < opened {
                    Err(FieldError::new("date", "error-date-before-case-opened"))
                } else {
                    Ok(on)
                }
            })
            .map_err(|e| errors.push(e))
            .ok();
        let note = Note::parse("note", raw.note.as_deref().unwrap_or(""))
            .map_err(|e| errors.push(e))
            .ok();
        match (kind, on, note) {
            (Some(kind), Some(on), Some(note)) if errors.is_empty() => {
                Ok(Outcome { kind, on, note })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn raw(kind: &str, date: &str, note: Option<&str>) -> RawOutcome {
        RawOutcome {
            kind: kind.into(),
            date: date.into(),
            note: note.map(str::to_string),
        }
    }

    fn keys(r: Result<Outcome, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    const TODAY: (i32, u32, u32) = (2025, 6, 15);
    const OPENED: (i32, u32, u32) = (2024, 9, 1);

    fn parse(r: &RawOutcome) -> Result<Outcome, Vec<FieldError>> {
        let (ty, tm, td) = TODAY;
        let (oy, om, od) = OPENED;
        Outcome::parse(r, day(ty, tm, td), day(oy, om, od))
    }

    #[test]
    fn valid_outcomes() {
        let o = parse(&raw(
            "placement_network_foster_family",
            "2025-02-03",
            Some(" Bij tante Fatima "),
        ));
        assert_eq!(
            o.as_ref().map(|o| (o.kind, o.on)),
            Ok((OutcomeKind::PlacementNetworkFosterFamily, day(2025, 2, 3)))
        );
        assert_eq!(
            o.ok().and_then(|o| o.note).map(|n| n.to_string()),
            Some("Bij tante Fatima".into())
        );
        // Today and the opening day themselves are fine.
        assert!(parse(&raw("returned_home", "2025-06-15", None)).is_ok());
        assert!(parse(&raw("formal_help_ended", "2024-09-01", Some(""))).is_ok());
        assert!(OutcomeKind::PlacementNetworkFosterFamily.is_placement());
        assert!(!OutcomeKind::PlacementPrevented.is_placement());
    }

    #[test]
    fn date_rules() {
        assert_eq!(
            keys(parse(&raw("returned_home", "2025-06-16", None))),
            [("date", "error-date-future")]
        );
        assert_eq!(
            keys(parse(&raw("returned_home", "2024-08-31", None))),
            [("date", "error-date-before-case-opened")]
        );
        assert_eq!(
            keys(parse(&raw("returned_home", "15-06-2025", None))),
            [("date", "error-date-format")]
        );
        assert_eq!(
            keys(parse(&raw("", " ", Some("a\u{7f}")))),
            [
                ("kind", "error-required"),
                ("date", "error-required"),
                ("note", "error-control-characters")
            ]
        );
        assert_eq!(
            keys(parse(&raw("adopted", "2025-01-01", None))),
            [("kind", "error-unknown-value")]
        );
    }

    proptest! {
        #[test]
        fn accepted_dates_lie_between_opening_and_today(
            offset in -2_000i64..2_000,
            span in 0i64..1_000,
            k in 0..OutcomeKind::ALL.len(),
        ) {
            let today = day(2025, 6, 15);
            let opened = today - chrono::Duration::days(span);
            let on = today + chrono::Duration::days(offset);
            let r = raw(OutcomeKind::ALL[k].as_str(), &on.format("%Y-%m-%d").to_string(), None);
            let parsed = Outcome::parse(&r, today, opened);
            prop_assert_eq!(parsed.is_ok(), opened <= on && on <= today);
            if let Ok(o) = parsed {
                prop_assert_eq!(o.on, on);
                prop_assert_eq!(o.kind, OutcomeKind::ALL[k]);
            }
        }
    }
}
