//! The plan and network meetings, on every backend.

use crate::Store;

pub(super) async fn run(_store: &dyn Store) {}
