//! Storing the one plan of a case and the network meetings that shape it.
//!
//! A part of [`Store`](crate::Store) of its own, so that the plan's storage can be found and
//! read apart from the rest; both backends implement it with the shared SQL in
//! `sql/plan.rs`.

use async_trait::async_trait;

/// The plan and network meetings of a case.
#[async_trait]
pub trait PlanStore: Send + Sync {}
