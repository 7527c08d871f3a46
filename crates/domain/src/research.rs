//! What the research dataset reads of a case's other measurements: the day and the numbers
//! only, never notes or open answers. Whether a case may be in the dataset at all is a consent
//! rule ([`crate::consent::research_scope`]).

use chrono::NaiveDate;

/// A multi-problem screening as the dataset sees it: its day and the number of the seven
/// domains with problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreeningFact {
    pub on: NaiveDate,
    pub problems: u8,
}

/// A self-report as the dataset sees it: its day and its grades (0–10), never the open answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelfReportFact {
    pub on: NaiveDate,
    pub feels_supported: u8,
    pub satisfied_with_help: u8,
    pub satisfied_with_support_figures: Option<u8>,
}
