//! The organisation scope every organisation-bound store call needs.

use steunkring_domain::{Actor, OrgId};

/// Proof of which organisation a call works in. It has no public constructor from a bare id
/// except [`OrgScope::operator`], which names itself in every call site that uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgScope {
    org: OrgId,
}

impl OrgScope {
    /// The organisation of a logged-in user.
    pub fn of(actor: &Actor) -> OrgScope {
        OrgScope {
            org: actor.org_id.clone(),
        }
    }

    /// The operator at the command line (or the demo loader), who acts for an organisation by
    /// naming it. Not reachable from any request handler.
    pub fn operator(org: OrgId) -> OrgScope {
        OrgScope { org }
    }

    pub fn org_id(&self) -> &OrgId {
        &self.org
    }
}
