//! Session lifetime rules (ASVS 3.3): an idle timeout and an absolute one.

use chrono::{DateTime, Duration, Utc};

/// A session ends after 30 minutes without a request.
pub const IDLE_TIMEOUT: Duration = Duration::minutes(30);
/// A session ends 12 hours after login, however active.
pub const ABSOLUTE_TIMEOUT: Duration = Duration::hours(12);
/// How stale `last_seen` may become before a request writes it again. Writing on every
/// request would make every page view a database write; a minute of slack on a 30-minute idle
/// timeout is harmless.
pub const TOUCH_INTERVAL: Duration = Duration::minutes(1);
/// A login that waits for its second factor must finish within five minutes.
pub const SECOND_FACTOR_TIMEOUT: Duration = Duration::minutes(5);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    /// Valid; `touch` says whether `last_seen` should be written now.
    Active {
        touch: bool,
    },
    Expired,
}

/// The state of a session created at `created_at` and last seen at `last_seen`.
pub fn session_state(
    created_at: DateTime<Utc>,
    last_seen: DateTime<Utc>,
    now: DateTime<Utc>,
) -> SessionState {
    if now - created_at >= ABSOLUTE_TIMEOUT || now - last_seen >= IDLE_TIMEOUT {
        return SessionState::Expired;
    }
    SessionState::Active {
        touch: now - last_seen >= TOUCH_INTERVAL,
    }
}

/// The moment a session stops being valid if nobody uses it again.
pub fn session_expires_at(created_at: DateTime<Utc>, last_seen: DateTime<Utc>) -> DateTime<Utc> {
    (created_at + ABSOLUTE_TIMEOUT).min(last_seen + IDLE_TIMEOUT)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(minutes: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::minutes(minutes)
    }

    #[test]
    fn idle_boundary() {
        assert_eq!(
            session_state(t(0), t(0), t(29)),
            SessionState::Active { touch: true }
        );
        assert_eq!(session_state(t(0), t(0), t(30)), SessionState::Expired);
        assert_eq!(
            session_state(t(0), t(0), t(0)),
            SessionState::Active { touch: false }
        );
    }

    #[test]
    fn absolute_boundary_even_when_active() {
        assert_eq!(
            session_state(t(0), t(12 * 60 - 1), t(12 * 60 - 1)),
            SessionState::Active { touch: false }
        );
        assert_eq!(
            session_state(t(0), t(12 * 60 - 1), t(12 * 60)),
            SessionState::Expired
        );
    }

    proptest! {
        #[test]
        fn active_exactly_before_expiry(created in 0i64..10_000, seen_after in 0i64..800, now_after in 0i64..800) {
            let created_at = t(created);
            let last_seen = t(created + seen_after);
            let now = last_seen + Duration::minutes(now_after);
            let active = matches!(session_state(created_at, last_seen, now), SessionState::Active { .. });
            prop_assert_eq!(active, now < session_expires_at(created_at, last_seen));
        }
    }
}
