//! Storing support figures (JIM), concerns about informal support and moral deliberations.
//!
//! A part of [`Store`](crate::Store) of its own, so that it can be found and read apart from
//! the rest; both backends implement it with the shared SQL in `sql/support.rs`.

use async_trait::async_trait;

/// Support figures, concerns and moral deliberations of a case.
#[async_trait]
pub trait SupportStore: Send + Sync {}
