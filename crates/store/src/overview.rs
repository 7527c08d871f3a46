//! Reads that look across time or across cases: every saved version of a case's map at once
//! (for its trends), and the team overview (one row per open case of the professional's
//! teams). Each is a fixed number of statements, however many versions or cases there are, so
//! that these pages stay within the page target whatever the size of a case or a team.
//!
//! A part of [`Store`](crate::Store) of its own; both backends implement it with the shared SQL
//! in `sql/overview.rs`. Reads write no audit entry here: the web layer records the view, as it
//! does for every other read.

use crate::{Network, OrgScope, StoreResult, VersionSummary};
use async_trait::async_trait;
use chrono::NaiveDate;
use serde::Serialize;
use steunkring_domain::TeamId;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::CheckInterval;

/// How far a case's plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanState {
    /// Nothing written yet.
    None,
    /// Written, never adopted.
    Draft,
    /// At least one version was adopted.
    Adopted,
}

impl PlanState {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanState::None => "none",
            PlanState::Draft => "draft",
            PlanState::Adopted => "adopted",
        }
    }
}

/// One open case on the team overview: what the team needs to act on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamCaseRow {
    pub case_id: CaseId,
    pub youth_name: String,
    pub team_id: TeamId,
    pub team_name: String,
    pub opened_on: NaiveDate,
    /// How often the case's support check is due (`cases.check_interval_months`).
    pub check_interval: CheckInterval,
    /// Support figures (JIM, citizen guardian, network foster family) whose role is active:
    /// informal support the young person can lean on now.
    pub active_support_figures: i64,
    pub plan: PlanState,
    /// Actions still open or in progress whose due date is before `today`.
    pub overdue_actions: i64,
    /// The day the last support check was finished, if any.
    pub last_finished_check: Option<NaiveDate>,
    pub open_concerns: i64,
}

/// Reads across a case's history and across a team's cases.
#[async_trait]
pub trait OverviewStore: Send + Sync {
    /// Every saved version of the case's map with its network, oldest first (by date taken,
    /// then by when it was saved): one statement after the scope check.
    async fn version_networks(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<(VersionSummary, Network)>>;

    /// The open cases of `teams` in the scope's organisation, by team name, then the young
    /// person's name: one statement. Actions count as overdue when due before `today`.
    async fn team_overview(
        &self,
        scope: &OrgScope,
        teams: &[TeamId],
        today: NaiveDate,
    ) -> StoreResult<Vec<TeamCaseRow>>;
}
