//! Storing measurements: the support checks of a case, its multi-problem screenings, the young
//! person's self-reports, the outcomes of the help, and how often a support check is due.
//!
//! A part of [`Store`](crate::Store) of its own, so that the measurements' storage can be found
//! and read apart from the rest; both backends implement it with the shared SQL in
//! `sql/measure.rs`. Every change writes its audit entry in the same transaction, first: the
//! lock on the audit chain's head serialises the read–check–write of an answer, so an answer can
//! never reach a check that was finished meanwhile.

use crate::{OrgScope, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use steunkring_domain::TeamId;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{
    CheckInterval, MemberAnswer, Outcome, Screening, SelfReport, SupportCheck, next_due,
};

/// A stored support check: the check itself and who started it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSupportCheck {
    pub id: String,
    pub check: SupportCheck,
    /// The participant who answers it from their own page; `None` for a professional's check.
    pub participant_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// A stored multi-problem screening and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredScreening {
    pub id: String,
    pub screening: Screening,
    /// The user who recorded it.
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

/// A stored self-report: the young person's own (from their page, `participant_id` set) or one a
/// professional wrote down for them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredSelfReport {
    pub id: String,
    pub report: SelfReport,
    /// The young person's participant when they gave it themselves.
    pub participant_id: Option<String>,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

/// A stored outcome of the help.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredOutcome {
    pub id: String,
    pub outcome: Outcome,
    pub recorded_by: String,
    pub created_at: DateTime<Utc>,
}

/// An open case with what decides when its next support check is due, for the professional's
/// home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckSchedule {
    pub case_id: CaseId,
    pub youth_name: String,
    pub opened_on: NaiveDate,
    pub every: CheckInterval,
    /// The day the last support check was finished; `None` before the first.
    pub last_check: Option<NaiveDate>,
}

impl CheckSchedule {
    /// The day the next check is due (the domain's rule).
    pub fn due_on(&self) -> NaiveDate {
        next_due(self.last_check, self.opened_on, self.every)
    }
}

/// The measurements of a case.
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

    /// Stores a screening. `NotFound` unless the case is the scope's.
    async fn record_screening(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        screening: &StoredScreening,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The case's screenings, the most recent first.
    async fn screenings(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<StoredScreening>>;

    /// Stores a self-report. `NotFound` unless the case is the scope's.
    async fn record_self_report(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        report: &StoredSelfReport,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The case's self-reports, the most recent first.
    async fn self_reports(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<StoredSelfReport>>;

    /// Stores an outcome. `NotFound` unless the case is the scope's.
    async fn record_outcome(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        outcome: &StoredOutcome,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The case's outcomes, the most recent first.
    async fn outcomes(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<StoredOutcome>>;

    /// Removes an outcome recorded in error. `NotFound` for an outcome of another case.
    async fn delete_outcome(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// How often the case's support check is due.
    async fn check_interval(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<CheckInterval>;

    /// Sets how often the case's support check is due.
    async fn set_check_interval(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        every: CheckInterval,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The open cases of these teams whose support check is due on `today`, in one query: per
    /// check interval at most `per_interval` of them, the longest due first (so the first n
    /// due of all are among them). The caller orders them with [`CheckSchedule::due_on`]
    /// (calendar months are the domain's rule, not SQL's).
    async fn check_schedules(
        &self,
        scope: &OrgScope,
        teams: &[TeamId],
        today: NaiveDate,
        per_interval: u32,
    ) -> StoreResult<Vec<CheckSchedule>>;
}
