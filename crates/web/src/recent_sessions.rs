//! Sessions just read from the database, kept for a moment.
//!
//! Every request carries its session token and used to cost one database round trip to find
//! the session and the account behind it; a page and the requests that follow it come in
//! bursts with the same token. So a session found valid is kept for [`FRESH_FOR`], keyed by
//! the token's hash (never the token).
//!
//! Ending or changing a session or an account still takes effect:
//! - in this process at once: every request that may change something (any method but `GET`,
//!   `HEAD`, `OPTIONS`) forgets all kept sessions when it is done, and a lookup that raced
//!   with it is not kept (see [`RecentSessions::forget_all`]);
//! - in other processes (several servers on one PostgreSQL database) and for changes made
//!   outside a request (the command line) within [`FRESH_FOR`], after which the session is
//!   read again.
//!
//! A kept session is only used while it needs nothing done: the timeouts are checked against
//! the clock on every request, and a session that must be touched, has timed out, belongs to
//! a disabled account or waited too long for its second factor goes the database's way.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};
use steunkring_store::SessionRecord;

/// How long a session read from the database is used without reading it again.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// At most this many sessions are kept; a full memory first drops what is no longer fresh,
/// and is emptied if that is not enough.
const CAPACITY: usize = 4096;

/// The sessions read in the last [`FRESH_FOR`], by token hash.
#[derive(Default)]
pub struct RecentSessions {
    kept: Mutex<HashMap<String, (SessionRecord, Instant)>>,
    /// Counts [`RecentSessions::forget_all`]: a lookup started before a change does not keep
    /// what it read.
    generation: AtomicU64,
}

impl RecentSessions {
    /// The session kept for `token_hash`, if it was read less than [`FRESH_FOR`] ago.
    pub fn get(&self, token_hash: &str) -> Option<SessionRecord> {
        let kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        let (record, read_at) = kept.get(token_hash)?;
        (read_at.elapsed() < FRESH_FOR).then(|| record.clone())
    }

    /// The generation to pass to [`RecentSessions::keep`]: read it before the database.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Keeps `record`, read from the database at `generation`, unless something may have
    /// changed since.
    pub fn keep(&self, generation: u64, record: SessionRecord, read_at: Instant) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        // Under the lock, so that a `forget_all` either comes after this (and removes it) or
        // has already changed the generation.
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if kept.len() >= CAPACITY {
            kept.retain(|_, (_, at)| at.elapsed() < FRESH_FOR);
            if kept.len() >= CAPACITY {
                kept.clear();
            }
        }
        kept.insert(record.token_hash.clone(), (record, read_at));
    }

    /// Forgets every kept session, after anything that may have ended or changed one.
    pub fn forget_all(&self) {
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        self.generation.fetch_add(1, Ordering::AcqRel);
        kept.clear();
    }

    /// How many sessions are kept (for tests).
    pub fn len(&self) -> usize {
        self.kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use steunkring_domain::{OrgId, UserId};
    use steunkring_store::{SessionKind, SessionStage};

    fn record(hash: &str) -> SessionRecord {
        SessionRecord {
            token_hash: hash.into(),
            kind: SessionKind::Browser,
            stage: SessionStage::Full,
            created_at: Utc::now(),
            last_seen_at: Utc::now(),
            user_id: UserId::from_stored("u1".to_string()),
            org_id: OrgId::from_stored("o1".to_string()),
            name: "Sanne".into(),
            email: "sanne@example.nl".into(),
            roles: Vec::new(),
            teams: Vec::new(),
            disabled: false,
            totp_enabled: false,
        }
    }

    #[test]
    fn a_session_is_kept_only_while_fresh() {
        let recent = RecentSessions::default();
        assert!(recent.get("a").is_none());
        recent.keep(recent.generation(), record("a"), Instant::now());
        assert_eq!(recent.get("a").map(|r| r.token_hash), Some("a".into()));
        assert!(recent.get("b").is_none());
        let long_ago = Instant::now()
            .checked_sub(FRESH_FOR)
            .expect("the clock is past one second");
        recent.keep(recent.generation(), record("old"), long_ago);
        assert!(recent.get("old").is_none(), "read too long ago");
    }

    #[test]
    fn a_change_forgets_everything_and_a_lookup_from_before_it_is_not_kept() {
        let recent = RecentSessions::default();
        recent.keep(recent.generation(), record("a"), Instant::now());
        let before = recent.generation();
        recent.forget_all();
        assert!(recent.get("a").is_none());
        recent.keep(before, record("b"), Instant::now());
        assert!(recent.get("b").is_none(), "read before the change");
        assert!(recent.is_empty());
    }

    #[test]
    fn the_memory_is_bounded() {
        let recent = RecentSessions::default();
        for i in 0..CAPACITY + 10 {
            recent.keep(recent.generation(), record(&i.to_string()), Instant::now());
        }
        assert!(recent.len() <= CAPACITY);
    }
}
