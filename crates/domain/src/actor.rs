//! Who is acting: the logged-in user as the rules see them.

use crate::{OrgId, Role, TeamId, UserId};

/// A logged-in user, as every rule receives them. Built by the web layer from the session,
/// never from request input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub name: String,
    pub roles: Vec<Role>,
    pub team_ids: Vec<TeamId>,
}

impl Actor {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The role written to the audit trail: the most privileged one the user holds, so that a
    /// reader of the trail sees in which capacity the access was possible.
    pub fn audit_role(&self) -> Option<Role> {
        self.roles.iter().copied().min()
    }

    pub fn is_staff(&self) -> bool {
        self.roles.iter().any(|r| r.is_staff())
    }
}
