//! Login throttling (ASVS 2.2.1): per account and per source address.
//!
//! The account key is the e-mail address as typed (normalised), whether or not an account
//! exists, so a locked answer never reveals that an account exists.

use chrono::{DateTime, Duration, Utc};

/// Failed logins for one account that trigger a lock.
pub const ACCOUNT_MAX_FAILURES: usize = 5;
/// The window in which those failures must fall, and how long the lock then lasts.
pub const WINDOW: Duration = Duration::minutes(15);
/// Failed logins from one address within the window that lock that address (a password-spraying
/// run over many accounts).
pub const ADDRESS_MAX_FAILURES: usize = 50;

/// Until when an account is locked, given its recent failure times (any order).
///
/// Locked when some 5 consecutive failures fall within 15 minutes; the lock lasts 15 minutes
/// from the fifth of them. Attempts refused while locked are not failures, so the lock does not
/// extend itself.
pub fn account_locked_until(
    failures: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let mut sorted: Vec<DateTime<Utc>> = failures.iter().copied().filter(|f| *f <= now).collect();
    sorted.sort();
    sorted
        .windows(ACCOUNT_MAX_FAILURES)
        .filter(|w| w[ACCOUNT_MAX_FAILURES - 1] - w[0] <= WINDOW)
        .map(|w| w[ACCOUNT_MAX_FAILURES - 1] + WINDOW)
        .filter(|until| *until > now)
        .max()
}

/// Whether an address with `recent_failures` failures in the window is locked.
pub fn address_locked(recent_failures: usize) -> bool {
    recent_failures >= ADDRESS_MAX_FAILURES
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(seconds: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::seconds(seconds)
    }

    #[test]
    fn four_failures_do_not_lock() {
        let f: Vec<_> = (0..4).map(|i| t(i * 10)).collect();
        assert_eq!(account_locked_until(&f, t(50)), None);
    }

    #[test]
    fn fifth_failure_locks_for_fifteen_minutes() {
        let f: Vec<_> = (0..5).map(|i| t(i * 10)).collect();
        assert_eq!(account_locked_until(&f, t(41)), Some(t(40 + 900)));
        assert_eq!(account_locked_until(&f, t(40 + 899)), Some(t(940)));
        assert_eq!(account_locked_until(&f, t(40 + 900)), None);
    }

    #[test]
    fn failures_spread_over_more_than_the_window_do_not_lock() {
        let f: Vec<_> = (0..5).map(|i| t(i * 300)).collect(); // 20 minutes apart end to end
        assert_eq!(account_locked_until(&f, t(1201)), None);
    }

    #[test]
    fn address_limit() {
        assert!(!address_locked(49));
        assert!(address_locked(50));
    }

    proptest! {
        #[test]
        fn fewer_than_five_never_lock(times in proptest::collection::vec(0i64..10_000, 0..5), now in 0i64..20_000) {
            let f: Vec<_> = times.into_iter().map(t).collect();
            prop_assert_eq!(account_locked_until(&f, t(now)), None);
        }

        #[test]
        fn a_lock_never_outlasts_fifteen_minutes_after_the_last_failure(times in proptest::collection::vec(0i64..5_000, 0..20), now in 0i64..10_000) {
            let f: Vec<_> = times.into_iter().map(t).collect();
            if let Some(until) = account_locked_until(&f, t(now)) {
                let last = f.iter().copied().filter(|x| *x <= t(now)).max().expect("a lock needs failures");
                prop_assert!(until <= last + WINDOW);
                prop_assert!(until > t(now));
            }
        }
    }
}
