//! Roles a user can hold. Staff roles come with an account; participant roles (young person,
//! parent, support figure) tie an account to a person in a case and arrive with invitations.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// *Beheerder*: organisations, teams, accounts, retention, the audit trail.
    Admin,
    /// *Jeugdprofessional*: works with cases of their own teams.
    Professional,
    /// *Coördinator*: manages volunteers and matches.
    Coordinator,
    /// *Analist*: municipality or research; aggregates only, never a case.
    Analyst,
    /// *Jongere*: the young person at the centre of a case.
    Youth,
    /// *Ouder/opvoeder*.
    Parent,
    /// *Steunfiguur*: an informal support figure from the network.
    SupportFigure,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Admin,
        Role::Professional,
        Role::Coordinator,
        Role::Analyst,
        Role::Youth,
        Role::Parent,
        Role::SupportFigure,
    ];
    /// Roles that belong to an organisation's staff rather than to a person in a case.
    pub const STAFF: [Role; 4] = [
        Role::Admin,
        Role::Professional,
        Role::Coordinator,
        Role::Analyst,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Professional => "professional",
            Role::Coordinator => "coordinator",
            Role::Analyst => "analyst",
            Role::Youth => "youth",
            Role::Parent => "parent",
            Role::SupportFigure => "support_figure",
        }
    }

    pub fn parse(raw: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == raw.trim())
    }

    pub fn is_staff(self) -> bool {
        Role::STAFF.contains(&self)
    }

    /// Roles for which an organisation may require a second factor (TOTP).
    pub fn may_require_totp(self) -> bool {
        matches!(self, Role::Admin | Role::Professional)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
        assert_eq!(Role::parse(""), None);
    }
}
