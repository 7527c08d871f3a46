//! When the next support check is due: the SSNM is repeated over time (seed 004), by default
//! every three months.
//!
//! The next check is due `every` months after the last finished one, or after the case opened
//! when there is none yet. Months are calendar months; a day that does not exist in the target
//! month becomes that month's last day (31 January + 1 month = 28 February, or 29 in a leap
//! year). Each due date is counted from the actual last check, so a short month never shifts
//! later schedules.

use crate::FieldError;
use crate::network::NumberOrText;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// Months between support checks, 1–24. On the wire the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct CheckInterval(u8);

impl CheckInterval {
    /// Every three months, unless the organisation or case says otherwise.
    pub const DEFAULT: CheckInterval = CheckInterval(3);
    pub const MIN_MONTHS: i64 = 1;
    /// Two years: a longer gap is no longer "repeated over time".
    pub const MAX_MONTHS: i64 = 24;

    /// The interval for `months`; `error-out-of-range` outside 1–24.
    pub fn parse(months: i64) -> Result<CheckInterval, FieldError> {
        if (Self::MIN_MONTHS..=Self::MAX_MONTHS).contains(&months) {
            u8::try_from(months)
                .map(CheckInterval)
                .map_err(|_| FieldError::new("every_months", "error-out-of-range"))
        } else {
            Err(FieldError::new("every_months", "error-out-of-range"))
        }
    }

    /// The interval as posted (a number, or text from a form): missing or blank is
    /// `error-required`, anything but a whole number 1–24 `error-out-of-range`.
    pub fn parse_raw(raw: Option<&NumberOrText>) -> Result<CheckInterval, FieldError> {
        super::scale("every_months", raw, Self::MIN_MONTHS, Self::MAX_MONTHS)
            .and_then(CheckInterval::parse)
    }

    pub fn months(self) -> u32 {
        u32::from(self.0)
    }
}

impl Default for CheckInterval {
    fn default() -> Self {
        Self::DEFAULT
    }
}

impl TryFrom<i64> for CheckInterval {
    type Error = FieldError;
    fn try_from(months: i64) -> Result<CheckInterval, FieldError> {
        CheckInterval::parse(months)
    }
}

impl From<CheckInterval> for i64 {
    fn from(interval: CheckInterval) -> i64 {
        i64::from(interval.0)
    }
}

/// `date` plus `months` calendar months, clamped to the last day of the target month
/// (31 January + 1 = 28/29 February). Past the last date chrono can hold (year 262 142) it
/// stays at that date, so a due date far away is simply never reached.
pub fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The day the next check is due: `every` months after `last` (the last finished check), or
/// after `opened` when there is none.
pub fn next_due(last: Option<NaiveDate>, opened: NaiveDate, every: CheckInterval) -> NaiveDate {
    add_months(last.unwrap_or(opened), every.months())
}

/// Whether a check is due on `today`: on or after the due date.
pub fn is_due(
    today: NaiveDate,
    last: Option<NaiveDate>,
    opened: NaiveDate,
    every: CheckInterval,
) -> bool {
    today >= next_due(last, opened, every)
}

/// The latest day a check (or the opening) can have been on for the next one, `every` months
/// later, to be due on `today`: due ⟺ that day ≤ this one, because the due date never goes
/// back when the day it counts from goes forward. Lets the store find the cases that are due
/// with an index instead of reading every open case.
pub fn latest_due_base(today: NaiveDate, every: CheckInterval) -> NaiveDate {
    // `every` months back lands on or before the answer (a clamped month end can be up to three
    // days short of it); step forward while the next day is still due.
    let mut base = today
        .checked_sub_months(Months::new(every.months()))
        .unwrap_or(NaiveDate::MIN);
    while let Some(next) = base.succ_opt()
        && add_months(next, every.months()) <= today
    {
        base = next;
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn every(months: i64) -> CheckInterval {
        CheckInterval::parse(months).unwrap_or_default()
    }

    #[test]
    fn month_ends() {
        // 31 Jan + 1 month: February has no 31st → its last day.
        assert_eq!(add_months(day(2025, 1, 31), 1), day(2025, 2, 28));
        assert_eq!(add_months(day(2024, 1, 31), 1), day(2024, 2, 29));
        // 30 Nov + 3 months = 30 Feb → 28 Feb 2026.
        assert_eq!(add_months(day(2025, 11, 30), 3), day(2026, 2, 28));
        // 31 Aug + 3 = 31 Nov → 30 Nov.
        assert_eq!(add_months(day(2025, 8, 31), 3), day(2025, 11, 30));
        // 15 Dec + 3 crosses the year.
        assert_eq!(add_months(day(2025, 12, 15), 3), day(2026, 3, 15));
        assert_eq!(add_months(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn due_after_last_or_opened() {
        let opened = day(2025, 1, 31);
        // No check yet: 3 months after opening, 31 Jan → 30 April.
        assert_eq!(
            next_due(None, opened, CheckInterval::DEFAULT),
            day(2025, 4, 30)
        );
        // Last check 10 March → 10 June.
        assert_eq!(
            next_due(Some(day(2025, 3, 10)), opened, CheckInterval::DEFAULT),
            day(2025, 6, 10)
        );
        assert_eq!(next_due(None, opened, every(1)), day(2025, 2, 28));
        assert!(!is_due(
            day(2025, 4, 29),
            None,
            opened,
            CheckInterval::DEFAULT
        ));
        assert!(is_due(
            day(2025, 4, 30),
            None,
            opened,
            CheckInterval::DEFAULT
        ));
        assert!(is_due(
            day(2025, 9, 1),
            None,
            opened,
            CheckInterval::DEFAULT
        ));
        assert!(!is_due(
            day(2025, 6, 9),
            Some(day(2025, 3, 10)),
            opened,
            CheckInterval::DEFAULT
        ));
    }

    #[test]
    fn interval_range() {
        assert_eq!(CheckInterval::default().months(), 3);
        assert_eq!(CheckInterval::parse(1).map(CheckInterval::months), Ok(1));
        assert_eq!(CheckInterval::parse(24).map(CheckInterval::months), Ok(24));
        for bad in [0, -3, 25, 1000, i64::MAX] {
            assert_eq!(
                CheckInterval::parse(bad),
                Err(FieldError::new("every_months", "error-out-of-range"))
            );
        }
    }

    #[test]
    fn interval_as_posted() {
        let t = |s: &str| Some(NumberOrText::Text(s.into()));
        assert_eq!(
            CheckInterval::parse_raw(t(" 6 ").as_ref()).map(CheckInterval::months),
            Ok(6)
        );
        assert_eq!(
            CheckInterval::parse_raw(Some(&NumberOrText::Number(24))).map(CheckInterval::months),
            Ok(24)
        );
        for (raw, key) in [
            (t(""), "error-required"),
            (None, "error-required"),
            (t("0"), "error-out-of-range"),
            (t("25"), "error-out-of-range"),
            (t("2.5"), "error-out-of-range"),
            (t("vaak"), "error-out-of-range"),
        ] {
            assert_eq!(
                CheckInterval::parse_raw(raw.as_ref()),
                Err(FieldError::new("every_months", key))
            );
        }
    }

    proptest! {
        #[test]
        fn due_is_later_and_in_the_right_month(
            days in 0i64..200_000,
            months in 1i64..=24,
            today_offset in -400i64..400,
        ) {
            let start = day(1970, 1, 1) + chrono::Duration::days(days);
            let interval = every(months);
            let due = next_due(Some(start), day(1960, 1, 1), interval);
            prop_assert!(due > start);
            // Exactly `months` calendar months later.
            let month_index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
            prop_assert_eq!(month_index(due) - month_index(start), months as i32);
            // Same day, or the last day of a shorter month.
            prop_assert!(due.day() == start.day()
                || (due.day() < start.day() && (due + chrono::Duration::days(1)).day() == 1));
            let today = due + chrono::Duration::days(today_offset);
            prop_assert_eq!(is_due(today, Some(start), day(1960, 1, 1), interval), today_offset >= 0);
        }

        #[test]
        fn latest_due_base_splits_due_from_not_due(
            days in 0i64..200_000,
            months in 1i64..=24,
            base_offset in -100i64..100,
        ) {
            let today = day(1970, 1, 1) + chrono::Duration::days(days);
            let interval = every(months);
            let latest = latest_due_base(today, interval);
            let base = latest + chrono::Duration::days(base_offset);
            prop_assert_eq!(
                is_due(today, Some(base), day(1960, 1, 1), interval),
                base <= latest,
                "base {} latest {}", base, latest
            );
        }
    }

    #[test]
    fn latest_due_base_at_month_ends() {
        // Due on 28 Feb 2025 for anything from 28 up to 31 January (31 Jan + 1 month clamps).
        assert_eq!(
            latest_due_base(day(2025, 2, 28), every(1)),
            day(2025, 1, 31)
        );
        assert_eq!(
            latest_due_base(day(2025, 3, 30), every(1)),
            day(2025, 2, 28)
        );
        assert_eq!(
            latest_due_base(day(2025, 6, 10), CheckInterval::DEFAULT),
            day(2025, 3, 10)
        );
    }
}
