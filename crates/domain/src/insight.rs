//! Insight for analysts: aggregates only, with small cells suppressed.

/// Shown instead of a suppressed count ("fewer than 10").
pub const SUPPRESSED_KEY: &str = "insight-suppressed";
