//! Support figures, concerns and moral deliberations, on every backend.

use crate::Store;

pub(super) async fn run(_store: &dyn Store) {}
