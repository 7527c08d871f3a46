//! The audit trail (NEN 7513): who did what with whose data, when, from where, and why.
//!
//! Entries are append-only and hash-chained: each entry's hash covers its own fields and the
//! hash of the entry before it, so changing or removing any entry breaks every hash after it.

use crate::{OrgId, Role, UserId};
use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// What happened (NEN 7513 distinguishes these kinds of events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    Login,
    LoginFailed,
    LoginThrottled,
    Logout,
    Read,
    Create,
    Update,
    Delete,
    Export,
    Search,
}

impl AuditAction {
    pub const ALL: [AuditAction; 10] = [
        AuditAction::Login,
        AuditAction::LoginFailed,
        AuditAction::LoginThrottled,
        AuditAction::Logout,
        AuditAction::Read,
        AuditAction::Create,
        AuditAction::Update,
        AuditAction::Delete,
        AuditAction::Export,
        AuditAction::Search,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Login => "login",
            AuditAction::LoginFailed => "login_failed",
            AuditAction::LoginThrottled => "login_throttled",
            AuditAction::Logout => "logout",
            AuditAction::Read => "read",
            AuditAction::Create => "create",
            AuditAction::Update => "update",
            AuditAction::Delete => "delete",
            AuditAction::Export => "export",
            AuditAction::Search => "search",
        }
    }

    pub fn parse(raw: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|a| a.as_str() == raw)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
    Denied,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }

    pub fn parse(raw: &str) -> Option<Outcome> {
        [Outcome::Success, Outcome::Failure, Outcome::Denied]
            .into_iter()
            .find(|o| o.as_str() == raw)
    }
}

/// One event to be written. The store adds its position in the chain and the hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    pub at: DateTime<Utc>,
    pub action: AuditAction,
    pub outcome: Outcome,
    pub user_id: Option<UserId>,
    pub role: Option<Role>,
    /// On whose behalf the user acted, where not their own (e.g. a professional for a parent).
    pub on_behalf_of: Option<String>,
    pub org_id: Option<OrgId>,
    /// The client (case) whose data was concerned.
    pub case_id: Option<String>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    /// Why: the purpose of the processing, in a short code (e.g. `care`, `administration`).
    pub purpose: Option<String>,
    pub source_addr: Option<String>,
}

impl AuditEvent {
    /// An event at `at`, truncated to microseconds so that every database stores it exactly.
    pub fn new(at: DateTime<Utc>, action: AuditAction, outcome: Outcome) -> Self {
        AuditEvent {
            at: at.trunc_subsecs(6),
            action,
            outcome,
            user_id: None,
            role: None,
            on_behalf_of: None,
            org_id: None,
            case_id: None,
            object_type: None,
            object_id: None,
            purpose: None,
            source_addr: None,
        }
    }

    pub fn by(mut self, actor: &crate::Actor) -> Self {
        self.user_id = Some(actor.user_id.clone());
        self.role = actor.audit_role();
        self.org_id = Some(actor.org_id.clone());
        self
    }

    pub fn object(mut self, object_type: &str, object_id: impl Into<String>) -> Self {
        self.object_type = Some(object_type.to_string());
        self.object_id = Some(object_id.into());
        self
    }

    pub fn case(mut self, case_id: impl Into<String>) -> Self {
        self.case_id = Some(case_id.into());
        self
    }

    pub fn purpose(mut self, purpose: &str) -> Self {
        self.purpose = Some(purpose.to_string());
        self
    }

    pub fn from_addr(mut self, addr: Option<String>) -> Self {
        self.source_addr = addr;
        self
    }
}

/// An entry as stored: the event plus its id, place in the chain and hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRecord {
    pub id: String,
    pub seq: i64,
    #[serde(flatten)]
    pub event: AuditEvent,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash that stands before the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The chain hash of an entry: SHA-256 over every field, each length-prefixed so that no two
/// different entries can produce the same input, and over the previous entry's hash.
pub fn chain_hash(id: &str, seq: i64, event: &AuditEvent, prev_hash: &str) -> String {
    let mut hasher = Sha256::new();
    let mut field = |value: Option<&str>| {
        match value {
            None => hasher.update(b"-"),
            Some(v) => {
                hasher.update((v.len() as u64).to_be_bytes());
                hasher.update(v.as_bytes());
            }
        };
    };
    let at = event
        .at
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let seq = seq.to_string();
    field(Some(id));
    field(Some(&seq));
    field(Some(&at));
    field(Some(event.action.as_str()));
    field(Some(event.outcome.as_str()));
    field(event.user_id.as_ref().map(UserId::as_str));
    field(event.role.map(Role::as_str));
    field(event.on_behalf_of.as_deref());
    field(event.org_id.as_ref().map(OrgId::as_str));
    field(event.case_id.as_deref());
    field(event.object_type.as_deref());
    field(event.object_id.as_deref());
    field(event.purpose.as_deref());
    field(event.source_addr.as_deref());
    field(Some(prev_hash));
    hex::encode(hasher.finalize())
}

/// Where a chain breaks, if it does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    pub checked: u64,
    /// The sequence number of the first entry whose hash or link does not match.
    pub first_broken: Option<i64>,
}

/// Walks records in sequence order and checks every link and hash. Records must be given in
/// ascending `seq` order; a gap in the sequence (a removed entry) also counts as broken.
pub fn verify_chain<'a>(
    records: impl IntoIterator<Item = &'a AuditRecord>,
    mut expected_prev: String,
    mut expected_seq: i64,
) -> ChainReport {
    let mut checked = 0;
    for r in records {
        let ok = r.seq == expected_seq
            && r.prev_hash == expected_prev
            && chain_hash(&r.id, r.seq, &r.event, &r.prev_hash) == r.hash;
        if !ok {
            return ChainReport {
                checked,
                first_broken: Some(r.seq),
            };
        }
        checked += 1;
        expected_prev = r.hash.clone();
        expected_seq += 1;
    }
    ChainReport {
        checked,
        first_broken: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn chain(n: i64) -> Vec<AuditRecord> {
        let mut prev = GENESIS_HASH.to_string();
        (1..=n)
            .map(|seq| {
                let at = Utc
                    .timestamp_opt(1_700_000_000 + seq, 123_456_789)
                    .single()
                    .expect("valid");
                let mut event = AuditEvent::new(at, AuditAction::Read, Outcome::Success);
                event.case_id = Some(format!("case-{seq}"));
                let id = format!("id-{seq}");
                let hash = chain_hash(&id, seq, &event, &prev);
                let rec = AuditRecord {
                    id,
                    seq,
                    event,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                rec
            })
            .collect()
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(5);
        let report = verify_chain(&c, GENESIS_HASH.into(), 1);
        assert_eq!(
            report,
            ChainReport {
                checked: 5,
                first_broken: None
            }
        );
    }

    #[test]
    fn changed_field_is_detected() {
        let mut c = chain(5);
        c[2].event.case_id = Some("another-case".into());
        assert_eq!(
            verify_chain(&c, GENESIS_HASH.into(), 1).first_broken,
            Some(3)
        );
    }

    #[test]
    fn removed_entry_is_detected() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(
            verify_chain(&c, GENESIS_HASH.into(), 1).first_broken,
            Some(3)
        );
    }

    #[test]
    fn none_and_empty_differ() {
        let at = Utc.timestamp_opt(0, 0).single().expect("valid");
        let a = AuditEvent::new(at, AuditAction::Read, Outcome::Success);
        let mut b = a.clone();
        b.purpose = Some(String::new());
        assert_ne!(
            chain_hash("x", 1, &a, GENESIS_HASH),
            chain_hash("x", 1, &b, GENESIS_HASH)
        );
    }

    #[test]
    fn time_is_truncated_to_microseconds() {
        let at = Utc.timestamp_opt(0, 123_456_789).single().expect("valid");
        let e = AuditEvent::new(at, AuditAction::Read, Outcome::Success);
        assert_eq!(e.at.timestamp_subsec_nanos(), 123_456_000);
    }
}
