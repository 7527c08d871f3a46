//! Demo data: an organisation with two wijkteams and one login per staff role, all with one
//! shared password. Running it again finds what is there and changes nothing.

use crate::admin::{ensure_teams, operator_event};
use anyhow::Context;
use chrono::Utc;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::{Email, Password, PersonName, Role};
use steunkring_store::{NewUser, OrgScope, Store, StoreError};

pub const ORG_NAME: &str = "Jeugdhulp Demostad";
pub const TEAMS: [&str; 2] = ["Wijkteam Centrum", "Wijkteam Noord"];
/// For trying Steunkring out only; printed with every list of demo logins.
pub const DEMO_PASSWORD: &str = "demo-steunkring";

struct DemoAccount {
    email: &'static str,
    name: &'static str,
    role: Role,
    teams: &'static [&'static str],
}

const ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        email: "beheerder@demo.steunkring.nl",
        name: "Marieke de Vries",
        role: Role::Admin,
        teams: &[],
    },
    DemoAccount {
        email: "professional@demo.steunkring.nl",
        name: "Sanne Jansen",
        role: Role::Professional,
        teams: &["Wijkteam Centrum"],
    },
    DemoAccount {
        email: "coordinator@demo.steunkring.nl",
        name: "Youssef El Amrani",
        role: Role::Coordinator,
        teams: &["Wijkteam Noord"],
    },
    DemoAccount {
        email: "analist@demo.steunkring.nl",
        name: "Femke Bakker",
        role: Role::Analyst,
        teams: &[],
    },
];

/// Makes sure the demo organisation, its teams and the demo accounts exist; what exists
/// already is left as it is.
pub async fn ensure(store: &dyn Store) -> anyhow::Result<()> {
    let org = match store.find_org_by_name(ORG_NAME).await? {
        Some(org) => org,
        None => store
            .create_org(ORG_NAME, Utc::now())
            .await
            .context("could not create the demo organisation")?,
    };
    let scope = OrgScope::operator(org.id.clone());
    let team_names: Vec<String> = TEAMS.iter().map(|t| t.to_string()).collect();
    let team_ids = ensure_teams(store, &org.id, &team_names).await?;

    let password = Password::parse(DEMO_PASSWORD)
        .map_err(|p| anyhow::anyhow!("the demo password breaks the policy: {}", p.key()))?;
    for account in &ACCOUNTS {
        let email = Email::parse(account.email)?;
        if store.find_login(&email).await?.is_some() {
            continue;
        }
        let user = NewUser {
            email,
            name: PersonName::parse("name", account.name)?,
            roles: vec![account.role],
            teams: TEAMS
                .iter()
                .zip(&team_ids)
                .filter(|(name, _)| account.teams.contains(name))
                .map(|(_, id)| id.clone())
                .collect(),
            password_hash: steunkring_web::password::hash(&password).await?,
            at: Utc::now(),
        };
        match store
            .create_user(&scope, user, operator_event(AuditAction::Create, &org.id))
            .await
        {
            // Conflict: made in the meantime by a second `demo` running at the same moment.
            Ok(_) | Err(StoreError::Conflict("email")) => {}
            Err(e) => {
                return Err(anyhow::Error::new(e).context(format!(
                    "could not create the demo account {}",
                    account.email
                )));
            }
        }
    }
    Ok(())
}

/// The demo logins as a table, with the warning that goes with them.
pub fn logins() -> String {
    let width = ACCOUNTS
        .iter()
        .map(|a| a.email.len())
        .max()
        .unwrap_or(0)
        .max("E-MAIL".len());
    let mut out = format!("Demo organisation: {ORG_NAME}\n\n");
    out.push_str(&format!("{:<width$}  {:<13} PASSWORD\n", "E-MAIL", "ROLE"));
    for a in &ACCOUNTS {
        out.push_str(&format!(
            "{:<width$}  {:<13} {DEMO_PASSWORD}\n",
            a.email,
            a.role.as_str()
        ));
    }
    out.push_str(
        "\nThe demo password is for trying Steunkring out only: never use these accounts \
         with real people's data.",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_data_is_valid() {
        assert!(Password::parse(DEMO_PASSWORD).is_ok());
        for a in &ACCOUNTS {
            assert!(Email::parse(a.email).is_ok(), "{}", a.email);
            assert!(a.role.is_staff());
            assert!(a.teams.iter().all(|t| TEAMS.contains(t)));
        }
        let roles: Vec<Role> = ACCOUNTS.iter().map(|a| a.role).collect();
        assert_eq!(roles, Role::STAFF);
    }

    #[test]
    fn logins_list_every_account_and_the_warning() {
        let text = logins();
        for a in &ACCOUNTS {
            assert!(text.contains(a.email));
        }
        assert!(text.contains(DEMO_PASSWORD));
        assert!(text.contains("trying Steunkring out only"));
    }
}
