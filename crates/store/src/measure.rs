//! Storing measurements: the support checks of a case.
//!
//! A part of [`Store`](crate::Store) of its own, so that the measurements' storage can be found
//! and read apart from the rest; both backends implement it with the shared SQL in
//! `sql/measure.rs`. Every change writes its audit entry in the same transaction, first: the
//! lock on the audit chain's head serialises the read–check–write of an answer, so an answer can
//! never reach a check that was finished meanwhile.

use crate::{OrgScope, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{MemberAnswer, SupportCheck};

/// A stored support check: the check itself and who started it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSupportCheck {
    pub id: String,
    pub check: SupportCheck,
    /// The participant who answers it from their own page; `None` for a professional's check.
    pub participant_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The support checks of a case.
#[async_trait]
pub trait MeasureStore: Send + Sync {
    /// Stores a newly started check. `NotFound` unless the case is the scope's.
    async fn start_support_check(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        check: &StoredSupportCheck,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The case's checks, the most recently started first.
    async fn support_checks(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<StoredSupportCheck>>;

    /// One check of the case; `NotFound` for a check of another case.
    async fn support_check(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
    ) -> StoreResult<StoredSupportCheck>;

    /// Records (or replaces) the answer about one member and answers the check after it.
    /// `NotFound` unless the member is on the case's map; `Conflict("support_check_finished")`
    /// once the check is finished.
    async fn record_support_answer(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        answer: &MemberAnswer,
        audit: AuditEvent,
    ) -> StoreResult<SupportCheck>;

    /// Finishes the check on `audit.at`'s date. `Conflict("support_check_finished")` when it
    /// was finished already, `Conflict("support_check_empty")` when nobody was answered.
    async fn finish_support_check(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        audit: AuditEvent,
    ) -> StoreResult<SupportCheck>;
}
