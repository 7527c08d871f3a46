//! Demo data: an organisation with two wijkteams and one login per staff role, all with one
//! shared password, and (with `demo`) realistic cases with their networks. Running it again
//! finds what is there and changes nothing, unless more cases are asked for.

mod history;
mod people;
mod plan;

use crate::admin::{ensure_teams, operator_event};
use anyhow::{Context, bail};
use chrono::Utc;
use std::time::Instant;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::{Email, OrgId, Password, PersonName, Role, TeamId, UserId};
use steunkring_store::{CaseQuery, NewUser, OrgScope, Store, StoreError};

pub const ORG_NAME: &str = "Jeugdhulp Demostad";
pub const TEAMS: [&str; 2] = ["Wijkteam Centrum", "Wijkteam Noord"];
/// How many demo cases get a plan.
const DEMO_PLANS: usize = 20;
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

/// The demo organisation and its teams (in the order of [`TEAMS`]).
pub struct DemoOrg {
    pub org: OrgId,
    pub teams: Vec<TeamId>,
}

/// Makes sure the demo organisation, its teams and the demo accounts exist; what exists
/// already is left as it is.
pub async fn ensure(store: &dyn Store) -> anyhow::Result<DemoOrg> {
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
    Ok(DemoOrg {
        org: org.id,
        teams: team_ids,
    })
}

/// Cases added when none were asked for and the organisation has none yet.
pub const DEFAULT_CASES: u32 = 12;
/// Cases per store call, each call one transaction.
const BATCH: u32 = 2_000;
/// The seed of a fresh organisation's cases: the same demo data on every machine.
const SEED: u64 = 0x5374_6575_6e6b_7269;

/// Adds `requested` demo cases (default: [`DEFAULT_CASES`] when the organisation has no cases,
/// else none), in batches of [`BATCH`] with a progress line on standard error after each.
/// The first case ever added is the benchmark case ("Benchmark Bakker", 40 members); its id is
/// returned whenever it exists.
pub async fn add_cases(
    store: &dyn Store,
    demo: &DemoOrg,
    requested: Option<u32>,
) -> anyhow::Result<Option<CaseId>> {
    let scope = OrgScope::operator(demo.org.clone());
    let mut benchmark = find_benchmark(store, &scope).await?;
    let newest = store
        .list_cases(
            &scope,
            &CaseQuery {
                include_closed: true,
                limit: 1,
                ..CaseQuery::default()
            },
        )
        .await?
        .into_iter()
        .next();
    let wanted = match (requested, &newest) {
        (Some(n), _) => n,
        (None, None) => DEFAULT_CASES,
        (None, Some(_)) => 0,
    };
    if wanted == 0 {
        return Ok(benchmark);
    }
    // A fresh organisation always gets the same people; later runs get others.
    let seed = newest.map_or(SEED, |c| SEED ^ fnv1a(c.id.as_str()));
    let lead = network_lead(store, demo).await?;
    let mut maker = people::CaseMaker::new(
        seed,
        Utc::now().date_naive(),
        demo.teams.clone(),
        lead.clone(),
    );
    // Only a fresh demo organisation gets plans; later runs add cases alone.
    let mut first_batch = benchmark.is_none();
    let mut histories = history::HistoryMaker::new(seed ^ 0x6869_7374, Utc::now().date_naive());
    let started = Instant::now();
    let (mut done, mut members, mut ties) = (0u32, 0usize, 0usize);
    while done < wanted {
        let size = BATCH.min(wanted - done);
        let mut batch = Vec::with_capacity(size as usize);
        let with_benchmark = benchmark.is_none();
        if with_benchmark {
            batch.push(maker.benchmark_case()?);
        }
        while batch.len() < size as usize {
            batch.push(maker.next_case()?);
        }
        members += batch.iter().map(|c| c.members.len()).sum::<usize>();
        ties += batch.iter().map(|c| c.ties.len()).sum::<usize>();
        let ids = store
            .import_cases(
                &scope,
                &batch,
                operator_event(AuditAction::Create, &demo.org),
            )
            .await
            .context("could not add the demo cases")?;
        // Two years of measurements for every case; the first cases of a fresh organisation
        // get a full plan below instead of plan actions alone, and the benchmark case stays
        // open.
        let planned = if first_batch { DEMO_PLANS } else { 0 };
        let made: Vec<_> = ids
            .iter()
            .zip(&batch)
            .enumerate()
            .map(|(i, (id, case))| {
                histories.history(id, case, i >= planned, !(with_benchmark && i == 0))
            })
            .collect();
        store
            .import_case_history(
                &scope,
                &made,
                operator_event(AuditAction::Create, &demo.org),
            )
            .await
            .context("could not add the demo measurements")?;
        if first_batch {
            // The first cases get a plan to try the plan pages with.
            let with_ids: Vec<_> = ids.iter().cloned().zip(batch.iter()).collect();
            plan::add(store, &demo.org, &lead, &with_ids, DEMO_PLANS).await?;
            first_batch = false;
        }
        if with_benchmark {
            benchmark = ids.into_iter().next();
        }
        done += size;
        crate::progress(format!("{done}/{wanted} cases"));
    }
    let seconds = started.elapsed().as_secs_f64();
    crate::progress(format!(
        "Added {wanted} demo cases ({members} network members, {ties} ties) in {seconds:.1} s \
         ({:.0} cases/s)",
        f64::from(wanted) / seconds.max(0.001)
    ));
    Ok(benchmark)
}

/// The demo professional, the network lead of every demo case.
async fn network_lead(store: &dyn Store, demo: &DemoOrg) -> anyhow::Result<UserId> {
    let email = ACCOUNTS
        .iter()
        .find(|a| a.role == Role::Professional)
        .map(|a| a.email)
        .unwrap_or_default();
    match store.find_login(&Email::parse(email)?).await? {
        Some(login) if login.org_id == demo.org && login.roles.contains(&Role::Professional) => {
            Ok(login.user_id)
        }
        _ => bail!("{email} is not a professional of {ORG_NAME}"),
    }
}

/// The benchmark case of the organisation, if it was made.
async fn find_benchmark(store: &dyn Store, scope: &OrgScope) -> anyhow::Result<Option<CaseId>> {
    let found = store
        .list_cases(
            scope,
            &CaseQuery {
                search: Some(people::BENCHMARK_NAME.to_string()),
                include_closed: true,
                limit: 10,
                ..CaseQuery::default()
            },
        )
        .await?;
    // The oldest: ids are UUID v7, so they sort by time.
    Ok(found
        .into_iter()
        .filter(|c| c.youth_name == people::BENCHMARK_NAME)
        .map(|c| c.id)
        .min())
}

/// FNV-1a: a stable hash (unlike std's, which may change between releases).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
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
