//! Storing support figures (JIM), concerns about informal support and moral deliberations.
//!
//! A part of [`Store`](crate::Store) of its own, so that it can be found and read apart from
//! the rest; both backends implement it with the shared SQL in `sql/support.rs`.
//!
//! The store follows the road of [`SupportFigure::apply`]: a step is read, checked and written
//! in one transaction, so two people acting at once can never both take a step the status no
//! longer allows.

use crate::{OrgScope, StoreResult};
use async_trait::async_trait;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::concern::{Closure, Concern, Deliberation};
use steunkring_domain::ids::CaseId;
use steunkring_domain::support_figure::{LogEntry, SupportFigure, SupportStep};

/// Support figures, concerns and moral deliberations of a case.
#[async_trait]
pub trait SupportStore: Send + Sync {
    /// Records a nomination. `NotFound` unless the case is the scope's and the member is on
    /// its map; `Conflict("support_figure_open")` while the same member has a nomination that
    /// is not ended (a declined one ends first).
    async fn nominate_support_figure(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        figure: &SupportFigure,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The case's support figures, oldest nomination first.
    async fn support_figures(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<SupportFigure>>;
    async fn support_figure(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
    ) -> StoreResult<SupportFigure>;
    /// Takes a step on the road (screening, acceptance, agreement, end) and answers the figure
    /// after it. `Conflict("support_step")` when the status does not allow the step.
    async fn step_support_figure(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        step: &SupportStep,
        audit: AuditEvent,
    ) -> StoreResult<SupportFigure>;
    /// Adds a coaching note or a contact moment. `Conflict("support_log")` when the figure's
    /// status does not allow that kind of entry (see [`SupportFigure::may_coach`] and
    /// [`SupportFigure::may_log_contact`]).
    async fn add_support_log(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        figure: &str,
        entry: &LogEntry,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The log of one support figure, newest first.
    async fn support_log(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        figure: &str,
    ) -> StoreResult<Vec<LogEntry>>;

    async fn register_concern(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        concern: &Concern,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The case's concerns, newest first.
    async fn concerns(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<Concern>>;
    /// Closes an open concern with what was done. `Conflict("concern_closed")` when it was
    /// closed already.
    async fn close_concern(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        closure: &Closure,
        audit: AuditEvent,
    ) -> StoreResult<Concern>;

    async fn record_deliberation(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        deliberation: &Deliberation,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The case's moral deliberations, the latest first.
    async fn deliberations(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<Deliberation>>;
}
