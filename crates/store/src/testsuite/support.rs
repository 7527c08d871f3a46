//! Support figures, concerns and moral deliberations, on every backend.

use crate::Store;

pub(super) async fn run(_store: &dyn Store) {}

/// Puts something in every support-figure table of `case` (for the destruction test).
pub(super) async fn fill(
    _store: &dyn Store,
    _scope: &crate::OrgScope,
    _case: &steunkring_domain::ids::CaseId,
    _member: &steunkring_domain::network::NetworkMember,
) {
}
