//! Reaching a case: the one path every page and API handler takes, so that the policy is asked
//! and the access is audited the same way everywhere.

use crate::state::AppState;
use chrono::Utc;
use steunkring_domain::Actor;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::{CaseAction, CaseRef, permits_on_case};
use steunkring_store::{Case, OrgScope, StoreError};

/// Why a case could not be reached.
#[derive(Debug)]
pub enum CaseAccessError {
    /// It does not exist, or the caller may not know it exists: both look the same.
    NotFound,
    Internal(StoreError),
}

impl From<StoreError> for CaseAccessError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => CaseAccessError::NotFound,
            other => CaseAccessError::Internal(other),
        }
    }
}

/// The audit event of `actor` acting on a case.
pub fn case_event(actor: &Actor, action: AuditAction, case: &CaseId, addr: &str) -> AuditEvent {
    AuditEvent::new(Utc::now(), action, Outcome::Success)
        .by(actor)
        .case(case.as_str())
        .purpose("care")
        .from_addr(Some(addr.to_string()))
}

/// Loads a case for `action`. A case the policy refuses answers `NotFound` (never revealing it
/// exists) and leaves a `denied` entry in the audit trail; a permitted read leaves a `read`
/// entry (written through the group commit, durable before this returns).
pub async fn open_case(
    state: &AppState,
    actor: &Actor,
    id: &CaseId,
    action: CaseAction,
    addr: &str,
) -> Result<Case, CaseAccessError> {
    let found = state.store.get_case(&OrgScope::of(actor), id).await;
    admit(state, actor, id, action, addr, found).await
}

/// The second half of [`open_case`], for a case loaded together with more (the case page reads
/// the case and what it shows in one store call): asks the policy about what was found and
/// audits the attempt exactly as `open_case` does. What was loaded is handed back only when the
/// policy allows `action`.
pub async fn admit<T: AsRef<Case>>(
    state: &AppState,
    actor: &Actor,
    id: &CaseId,
    action: CaseAction,
    addr: &str,
    found: Result<T, StoreError>,
) -> Result<T, CaseAccessError> {
    let loaded = match found {
        Ok(c) => c,
        Err(StoreError::NotFound) => {
            let mut denied =
                case_event(actor, AuditAction::Read, id, addr).object("case", id.as_str());
            denied.outcome = Outcome::Failure;
            state.audit.record(denied).await?;
            return Err(CaseAccessError::NotFound);
        }
        Err(e) => return Err(e.into()),
    };
    let case = loaded.as_ref();
    let here = CaseRef {
        org_id: &case.org_id,
        team_id: &case.team_id,
    };
    if !permits_on_case(actor, action, here) {
        let mut denied = case_event(actor, AuditAction::Read, id, addr).object("case", id.as_str());
        denied.outcome = Outcome::Denied;
        state.audit.record(denied).await?;
        return Err(CaseAccessError::NotFound);
    }
    if matches!(
        action,
        CaseAction::ReadDetails | CaseAction::ReadNetwork | CaseAction::ReadPlan
    ) {
        state
            .audit
            .record(case_event(actor, AuditAction::Read, id, addr).object("case", id.as_str()))
            .await?;
    }
    Ok(loaded)
}

/// Whether `actor` may do `action` on a case already loaded.
pub fn may(actor: &Actor, action: CaseAction, case: &Case) -> bool {
    permits_on_case(
        actor,
        action,
        CaseRef {
            org_id: &case.org_id,
            team_id: &case.team_id,
        },
    )
}
