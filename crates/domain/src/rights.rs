//! Rights of the young person and parents: access (GDPR art. 15), rectification, and the
//! destruction of the file on request (Jeugdwet 7.3.9) or when the retention period ends.

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;

/// A request to destroy must be handled within this many months of its receipt.
pub const DESTRUCTION_MONTHS: u32 = 3;
/// Files are kept this many years after their last change (Jeugdwet 7.3.8), unless destroyed
/// earlier on request.
pub const RETENTION_YEARS: u32 = 20;

/// The day by which a destruction request received on `received_on` must be handled: three
/// calendar months later (the last day of the month when that month is shorter).
pub fn destruction_deadline(received_on: NaiveDate) -> NaiveDate {
    received_on
        .checked_add_months(Months::new(DESTRUCTION_MONTHS))
        .unwrap_or(NaiveDate::MAX)
}

/// Closed files whose last change is before this moment have passed their retention period.
pub fn retention_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    now.checked_sub_months(Months::new(RETENTION_YEARS * 12))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Where a destruction request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DestructionStatus {
    /// Received, not yet handled: the deadline runs.
    Requested,
    /// Refused because a legal exception applies (recorded with its reason).
    RefusedException,
    /// Carried out. The request disappears with the case, so this is only ever seen in the
    /// answer of the destruction itself.
    Destroyed,
}

impl DestructionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DestructionStatus::Requested => "requested",
            DestructionStatus::RefusedException => "refused_exception",
            DestructionStatus::Destroyed => "destroyed",
        }
    }

    pub fn parse(raw: &str) -> Option<DestructionStatus> {
        [
            DestructionStatus::Requested,
            DestructionStatus::RefusedException,
            DestructionStatus::Destroyed,
        ]
        .into_iter()
        .find(|s| s.as_str() == raw)
    }
}

/// Why a case is destroyed; recorded as the purpose of the audit entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DestructionGround {
    /// A destruction request that is open (not refused).
    Request,
    /// A closed case whose last change is before the cutoff (see [`retention_cutoff`]).
    RetentionEnded { cutoff: DateTime<Utc> },
}

impl DestructionGround {
    /// The purpose code written in the audit trail.
    pub fn purpose(self) -> &'static str {
        match self {
            DestructionGround::Request => "destruction_request",
            DestructionGround::RetentionEnded { .. } => "retention_period_ended",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn deadline_is_three_calendar_months_later() {
        assert_eq!(destruction_deadline(day(2026, 3, 1)), day(2026, 6, 1));
        assert_eq!(destruction_deadline(day(2026, 11, 30)), day(2027, 2, 28));
        assert_eq!(destruction_deadline(day(2027, 11, 30)), day(2028, 2, 29));
    }

    #[test]
    fn retention_is_twenty_years() {
        let now = Utc
            .with_ymd_and_hms(2046, 5, 1, 12, 0, 0)
            .single()
            .expect("time");
        assert_eq!(
            retention_cutoff(now),
            Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0)
                .single()
                .expect("time")
        );
    }

    #[test]
    fn statuses_round_trip() {
        for s in [
            DestructionStatus::Requested,
            DestructionStatus::RefusedException,
            DestructionStatus::Destroyed,
        ] {
            assert_eq!(DestructionStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(DestructionStatus::parse("other"), None);
    }
}
