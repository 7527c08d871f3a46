//! Storing the one plan of a case and the network meetings that shape it.
//!
//! A part of [`Store`](crate::Store) of its own, so that the plan's storage can be found and
//! read apart from the rest; both backends implement it with the shared SQL in
//! `sql/plan.rs`. Every change writes its audit entry in the same transaction.

use crate::{OrgScope, StoreResult};
use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::ids::CaseId;
use steunkring_domain::meeting::Meeting;
use steunkring_domain::plan::{Plan, ProgressNote};
use steunkring_domain::{TeamId, UserId};

/// The plan as it stands, with the revision a change must name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrentPlan {
    pub plan: Plan,
    /// 0 for a case that has no plan yet; raised by every change.
    pub revision: i64,
    pub updated_at: Option<DateTime<Utc>>,
}

/// Adopting the current plan as a new version.
#[derive(Debug, Clone)]
pub struct PlanAdoption {
    pub id: String,
    pub adopted_on: NaiveDate,
    pub adopted_at: DateTime<Utc>,
    pub adopted_by: Option<UserId>,
    /// The meeting that adopted it; that meeting is recorded as held with this version.
    pub meeting_id: Option<String>,
}

/// A participant's confirmation of a plan version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignOff {
    pub participant_id: String,
    pub name: String,
    pub at: DateTime<Utc>,
}

/// An adopted version, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanVersionSummary {
    pub id: String,
    pub number: i64,
    pub adopted_on: NaiveDate,
    pub adopted_at: DateTime<Utc>,
    pub meeting_id: Option<String>,
    pub sign_offs: Vec<SignOff>,
}

/// An action past its date, for the professional's home page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueAction {
    pub case_id: CaseId,
    pub youth_name: String,
    pub action_id: String,
    pub what: String,
    pub due_on: NaiveDate,
}

/// The plan and network meetings of a case.
#[async_trait]
pub trait PlanStore: Send + Sync {
    /// The current plan with its actions' progress notes: five queries, whatever its size.
    async fn plan(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<CurrentPlan>;

    /// Replaces the current plan's goals, actions (kept by id, with their progress) and safety
    /// section. `Conflict("plan")` when the plan changed since `revision` was read. Returns
    /// the new revision.
    async fn save_plan(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        plan: &Plan,
        revision: i64,
        audit: AuditEvent,
    ) -> StoreResult<i64>;

    /// Records progress on an action and sets its status (`NotFound` for an unknown action).
    async fn record_progress(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        action: &str,
        note: &ProgressNote,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// Adopts the current plan as the next numbered version (a snapshot).
    async fn adopt_plan(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        adoption: &PlanAdoption,
        audit: AuditEvent,
    ) -> StoreResult<PlanVersionSummary>;

    /// Adopted versions, newest first, each with its sign-offs.
    async fn plan_versions(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<PlanVersionSummary>>;

    /// One adopted version with its content.
    async fn plan_version(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        version: &str,
    ) -> StoreResult<(PlanVersionSummary, Plan)>;

    /// A participant confirms a version. `Conflict("sign_off")` when they already did.
    async fn sign_off(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        version: &str,
        sign_off: &SignOff,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// Pending actions due before `today` in the open cases of these teams, oldest first.
    async fn overdue_actions(
        &self,
        scope: &OrgScope,
        teams: &[TeamId],
        today: NaiveDate,
        limit: i64,
    ) -> StoreResult<Vec<OverdueAction>>;

    async fn create_meeting(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        meeting: &Meeting,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// Replaces what can change of a meeting: status, attendance, private time, notes.
    async fn update_meeting(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        meeting: &Meeting,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// The meetings of a case, soonest last.
    async fn meetings(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<Meeting>>;

    async fn meeting(&self, scope: &OrgScope, case: &CaseId, id: &str) -> StoreResult<Meeting>;
}
