//! Reading the research dataset: the cases of an organisation whose consent covers research,
//! with what the export's `ResearchCase` needs of each.
//!
//! A part of [`Store`](crate::Store) of its own; both backends implement it with the shared SQL
//! in `sql/research.rs`, in a fixed number of statements however many cases there are. Names,
//! relations, notes, goal and action texts and open answers are not read at all: the rows
//! carry nothing the dataset must not hold.

use crate::{Network, OrgScope, StoreResult};
use async_trait::async_trait;
use chrono::NaiveDate;
use steunkring_domain::audit::AuditEvent;
use steunkring_domain::case::Setting;
use steunkring_domain::consent::ResearchScope;
use steunkring_domain::ids::CaseId;
use steunkring_domain::measure::{Outcome, SupportCheck};
use steunkring_domain::plan::Plan;
use steunkring_domain::research::{ScreeningFact, SelfReportFact};

/// One case as the research dataset reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResearchRow {
    pub case_id: CaseId,
    pub birth_date: NaiveDate,
    pub setting: Setting,
    pub team: String,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    /// What the case's research consents cover on the day asked.
    pub scope: ResearchScope,
    /// The map as first saved (the earliest version), if a version was saved; names,
    /// relations and notes blanked.
    pub start: Option<Network>,
    /// The map as it is now, without names, relations or notes.
    pub network: Network,
    /// Support figures not ended (nominated, screened or active).
    pub support_figures: usize,
    /// The current plan's goals and actions without their texts and without the safety
    /// section; `None` when the case has no plan.
    pub plan: Option<Plan>,
    /// Outcomes without their notes, by day.
    pub outcomes: Vec<Outcome>,
    pub support_checks: Vec<SupportCheck>,
    /// Screenings in the order recorded.
    pub screenings: Vec<ScreeningFact>,
    /// Self-reports in the order recorded.
    pub self_reports: Vec<SelfReportFact>,
}

/// The research dataset's reads.
#[async_trait]
pub trait ResearchStore: Send + Sync {
    /// Every case of the organisation that may be in the research dataset on `today` (a Dutch
    /// day; see [`steunkring_domain::consent::research_scope`]), sorted by case id. Writes
    /// `audit` in the same transaction with the object `research_dataset` and the number of
    /// cases read as its id: one entry for the organisation, as the dataset is pseudonymised.
    async fn research_rows(
        &self,
        scope: &OrgScope,
        today: NaiveDate,
        audit: AuditEvent,
    ) -> StoreResult<Vec<ResearchRow>>;
}
