//! The one place that decides who may do what. Handlers ask; they never decide.
//!
//! Case-level rules (own team, consent, sharing) join this module with the case issues; the
//! organisation-level rules are here now.

use crate::{Actor, OrgId, Role};

/// Things a user can try to do at the level of their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgAction {
    /// See the accounts of the organisation and add, change or disable them.
    ManageUsers,
    /// Create teams and change who is in them.
    ManageTeams,
    /// Change organisation settings such as the second-factor requirement.
    ManageSettings,
    /// Read and filter the audit trail (NEN 7513) of the organisation.
    ViewAuditTrail,
    /// See aggregated, anonymised figures.
    ViewInsights,
}

impl OrgAction {
    pub const ALL: [OrgAction; 5] = [
        OrgAction::ManageUsers,
        OrgAction::ManageTeams,
        OrgAction::ManageSettings,
        OrgAction::ViewAuditTrail,
        OrgAction::ViewInsights,
    ];
}

/// May `actor` do `action` in organisation `org`? Never across organisations.
pub fn permits_in_org(actor: &Actor, action: OrgAction, org: &OrgId) -> bool {
    if &actor.org_id != org {
        return false;
    }
    match action {
        OrgAction::ManageUsers
        | OrgAction::ManageTeams
        | OrgAction::ManageSettings
        | OrgAction::ViewAuditTrail => actor.has_role(Role::Admin),
        OrgAction::ViewInsights => actor.has_role(Role::Analyst) || actor.has_role(Role::Admin),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{TeamId, UserId};

    fn actor(roles: &[Role], org: &str) -> Actor {
        Actor {
            user_id: UserId::generate(),
            org_id: OrgId::from_stored(org),
            name: "Test".into(),
            roles: roles.to_vec(),
            team_ids: vec![TeamId::from_stored("t1")],
        }
    }

    /// The whole table: every role alone, in its own and another organisation.
    #[test]
    fn org_action_matrix() {
        let own = OrgId::from_stored("org-a");
        let other = OrgId::from_stored("org-b");
        for role in Role::ALL {
            let a = actor(&[role], "org-a");
            for action in OrgAction::ALL {
                let expected = match action {
                    OrgAction::ViewInsights => matches!(role, Role::Admin | Role::Analyst),
                    _ => role == Role::Admin,
                };
                assert_eq!(
                    permits_in_org(&a, action, &own),
                    expected,
                    "{role:?} {action:?} own org"
                );
                assert!(
                    !permits_in_org(&a, action, &other),
                    "{role:?} {action:?} must never reach another organisation"
                );
            }
        }
    }

    #[test]
    fn several_roles_combine() {
        let a = actor(&[Role::Professional, Role::Admin], "org-a");
        assert!(permits_in_org(
            &a,
            OrgAction::ManageUsers,
            &OrgId::from_stored("org-a")
        ));
        assert_eq!(a.audit_role(), Some(Role::Admin));
    }
}
