//! Reading the analyst's aggregates, and loading a case's history in bulk (demo data).
//!
//! A part of [`Store`](crate::Store) of its own, implemented by both backends with the shared
//! SQL in `sql/insight.rs`. [`InsightStore::insight_cube`] returns counts only — per setting,
//! team and "open in the period" — from a fixed number of aggregate statements, whatever the
//! number of cases: no row per case ever reaches the application. Reading it is audited by the
//! caller (an organisation-level entry, no case), as the audit trail page is.

use crate::{Network, OrgScope, StoreResult};
use async_trait::async_trait;
use chrono::NaiveDate;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::concern::Seriousness;
use steunkring_domain::ids::CaseId;
use steunkring_domain::insight::figures::CubeCell;
use steunkring_domain::measure::{OutcomeKind, SupportCheck};
use steunkring_domain::network::MemberId;

/// A support figure as it was (demo data): nominated, and accepted or not.
#[derive(Debug, Clone)]
pub struct HistoryFigure {
    pub member: MemberId,
    pub name: String,
    /// `jim`, `citizen_guardian` or `network_foster_family`.
    pub kind: &'static str,
    pub nominated_on: NaiveDate,
    pub own_words: String,
    /// When accepted (then active); `None`: still nominated.
    pub accepted_on: Option<NaiveDate>,
}

/// A plan action (demo data): held by a member of the map, the young person or a parent.
#[derive(Debug, Clone)]
pub struct HistoryAction {
    pub what: String,
    /// The performer code: `youth`, `parent:0`, `member:<id>`.
    pub performer: String,
    pub member: Option<MemberId>,
    pub due_on: Option<NaiveDate>,
    /// `open`, `doing`, `done` or `stopped`.
    pub status: &'static str,
}

/// A concern (demo data), open or closed.
#[derive(Debug, Clone)]
pub struct HistoryConcern {
    pub about_member: Option<(MemberId, String)>,
    pub what: String,
    pub seriousness: Seriousness,
    pub registered_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

/// A self-report's grades (demo data).
#[derive(Debug, Clone, Copy)]
pub struct HistorySelfReport {
    pub answered_on: NaiveDate,
    pub feels_supported: u8,
    pub satisfied_with_help: u8,
    pub satisfied_with_support_figures: Option<u8>,
}

/// What happened in a case over time, loaded at once (demo data, imports).
#[derive(Debug, Clone)]
pub struct CaseHistory {
    pub case: CaseId,
    /// Saved maps: the day and the network as it was then.
    pub versions: Vec<(NaiveDate, Network)>,
    pub checks: Vec<SupportCheck>,
    /// Screenings: the day, the answers per domain as the domain stores them (JSON), and the
    /// number of domains with problems.
    pub screenings: Vec<(NaiveDate, String, u8)>,
    pub self_reports: Vec<HistorySelfReport>,
    pub outcomes: Vec<(OutcomeKind, NaiveDate)>,
    pub figures: Vec<HistoryFigure>,
    /// The plan's actions; a plan is made for the case when there are any.
    pub actions: Vec<HistoryAction>,
    pub concerns: Vec<HistoryConcern>,
    /// The day the case was closed, when it was.
    pub closed_on: Option<NaiveDate>,
}

/// The analyst's aggregates, and the bulk load of case histories.
#[async_trait]
pub trait InsightStore: Send + Sync {
    /// Counts over the organisation's cases per setting, team and whether the case was open at
    /// any time in `period` (first and last day; `None`: every case is "in"). Only cells with
    /// cases are returned.
    async fn insight_cube(
        &self,
        scope: &OrgScope,
        period: Option<(NaiveDate, NaiveDate)>,
    ) -> StoreResult<Vec<CubeCell>>;

    /// Loads the histories of cases of the scope in one transaction, with one audit entry per
    /// case. `NotFound` (and nothing written) when a case is not the scope's.
    async fn import_case_history(
        &self,
        scope: &OrgScope,
        histories: &[CaseHistory],
        audit: AuditEvent,
    ) -> StoreResult<()>;
}
