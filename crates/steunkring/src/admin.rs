//! The operator's commands: organisations, accounts, backup and the audit trail.
//!
//! Every change is written with its audit entry, marked as done by the operator at the command
//! line for the purpose of administration.

use crate::cli::UserAddArgs;
use crate::config::Config;
use crate::open::{self, Backend};
use crate::say;
use anyhow::{Context, bail};
use chrono::Utc;
use secrecy::ExposeSecret;
use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::{
    Email, FieldError, OrgId, Password, PasswordProblem, PersonName, Role, TeamId,
};
use steunkring_store::{NewUser, Org, OrgScope, Store, StoreError};

/// Who the audit trail names for changes made here.
pub const OPERATOR: &str = "operator (command line)";
/// Why, in the audit trail.
pub const PURPOSE: &str = "administration";

/// An audit entry for a change the operator makes in an organisation.
pub fn operator_event(action: AuditAction, org: &OrgId) -> AuditEvent {
    let mut event = AuditEvent::new(Utc::now(), action, Outcome::Success).purpose(PURPOSE);
    event.org_id = Some(org.clone());
    event.on_behalf_of = Some(OPERATOR.to_string());
    event
}

// ----- organisations -----

pub async fn org_add(config: &Config, name: &str) -> anyhow::Result<ExitCode> {
    let name = display_name("organisation name", name)?;
    let store = open::open(&config.database_url).await?;
    let org = store
        .create_org(name.as_str(), Utc::now())
        .await
        .map_err(|e| match e {
            StoreError::Conflict(_) => {
                anyhow::anyhow!("an organisation named {:?} already exists", name.as_str())
            }
            e => anyhow::Error::new(e).context("could not create the organisation"),
        })?;
    say(org.id);
    Ok(ExitCode::SUCCESS)
}

/// The organisation named, by name or else by id.
pub async fn find_org(store: &dyn Store, name_or_id: &str) -> anyhow::Result<Org> {
    let wanted = name_or_id.trim();
    if let Some(org) = store.find_org_by_name(wanted).await? {
        return Ok(org);
    }
    match store
        .get_org(&OrgScope::operator(OrgId::from_stored(wanted)))
        .await
    {
        Ok(org) => Ok(org),
        Err(StoreError::NotFound) => {
            bail!(
                "no organisation with the name or id {wanted:?} (create it with `steunkring org \
                 add --name …`)"
            )
        }
        Err(e) => Err(e.into()),
    }
}

/// The teams with these names in the organisation, creating those that are missing.
pub async fn ensure_teams(
    store: &dyn Store,
    org: &OrgId,
    names: &[String],
) -> anyhow::Result<Vec<TeamId>> {
    let scope = OrgScope::operator(org.clone());
    let mut existing = store.list_teams(&scope).await?;
    let mut ids = Vec::new();
    for raw in names {
        let name = display_name("team name", raw)?;
        let id = match existing.iter().find(|t| t.name == name.as_str()) {
            Some(team) => team.id.clone(),
            None => {
                let team = store
                    .create_team(
                        &scope,
                        name.as_str(),
                        operator_event(AuditAction::Create, org),
                    )
                    .await
                    .with_context(|| format!("could not create the team {:?}", name.as_str()))?;
                let id = team.id.clone();
                existing.push(team);
                id
            }
        };
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

// ----- accounts -----

pub async fn user_add(config: &Config, args: UserAddArgs) -> anyhow::Result<ExitCode> {
    // Everything a person typed is checked before anything is written.
    let email = Email::parse(&args.email).map_err(|e| field_error(&e, &args.email))?;
    let name = display_name("name", &args.name)?;
    let roles = parse_staff_roles(&args.roles)?;
    for team in &args.teams {
        display_name("team name", team)?;
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Type the password and press Enter (it is shown as you type):");
    }
    // Blocks only this command's own thread: nothing else runs while it waits.
    let password = read_password(stdin.lock())?;

    let store = open::open_existing(&config.database_url).await?;
    let store = store.as_ref();
    let org = find_org(store, &args.org).await?;
    if store.find_login(&email).await?.is_some() {
        bail!("an account with the e-mail address {email} already exists");
    }
    let password_hash = steunkring_web::password::hash(&password).await?;
    let teams = ensure_teams(store, &org.id, &args.teams).await?;
    let user = store
        .create_user(
            &OrgScope::operator(org.id.clone()),
            NewUser {
                email: email.clone(),
                name,
                roles,
                teams,
                password_hash,
                at: Utc::now(),
            },
            operator_event(AuditAction::Create, &org.id),
        )
        .await
        .map_err(|e| match e {
            StoreError::Conflict("email") => {
                anyhow::anyhow!("an account with the e-mail address {email} already exists")
            }
            e => anyhow::Error::new(e).context("could not create the account"),
        })?;
    let roles: Vec<&str> = user.roles.iter().map(|r| r.as_str()).collect();
    say(format!(
        "Created {} ({}) in {:?} with {} {}; id {}",
        user.email,
        user.name,
        org.name,
        if roles.len() == 1 { "role" } else { "roles" },
        roles.join(", "),
        user.id
    ));
    Ok(ExitCode::SUCCESS)
}

pub async fn user_disable(config: &Config, email: &str) -> anyhow::Result<ExitCode> {
    let email = Email::parse(email).map_err(|e| field_error(&e, email))?;
    let store = open::open_existing(&config.database_url).await?;
    let Some(login) = store.find_login(&email).await? else {
        bail!("no account with the e-mail address {email}");
    };
    if login.disabled {
        say(format!("{email} was already disabled"));
        return Ok(ExitCode::SUCCESS);
    }
    store
        .set_user_disabled(
            &OrgScope::operator(login.org_id.clone()),
            &login.user_id,
            true,
            operator_event(AuditAction::Update, &login.org_id)
                .object("user", login.user_id.as_str()),
        )
        .await
        .context("could not disable the account")?;
    say(format!("Disabled {email}; all its sessions have ended"));
    Ok(ExitCode::SUCCESS)
}

/// Staff roles from the command line, without repeats, in a fixed order.
pub fn parse_staff_roles(raw: &[String]) -> anyhow::Result<Vec<Role>> {
    let allowed = || {
        Role::STAFF
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut roles = Vec::new();
    for text in raw {
        match Role::parse(text) {
            Some(role) if role.is_staff() => roles.push(role),
            Some(role) => bail!(
                "{} is a role for a person in a case and comes with an invitation; accounts \
                 made here take the roles {}",
                role.as_str(),
                allowed()
            ),
            None => bail!(
                "unknown role {:?}; the roles are {}",
                text.trim(),
                allowed()
            ),
        }
    }
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        bail!("give at least one role: {}", allowed());
    }
    Ok(roles)
}

/// One line from standard input, without its line ending, checked against the policy.
pub fn read_password(mut input: impl BufRead) -> anyhow::Result<Password> {
    let mut line = String::new();
    input
        .read_line(&mut line)
        .context("could not read the password from standard input")?;
    let raw = line
        .strip_suffix('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .unwrap_or(&line);
    Password::parse(raw).map_err(|problem| {
        let rule = match problem {
            PasswordProblem::TooShort => {
                format!(
                    "it must be at least {} characters long",
                    Password::MIN_CHARS
                )
            }
            PasswordProblem::TooLong => {
                format!("it may be at most {} characters long", Password::MAX_CHARS)
            }
            PasswordProblem::Common => {
                "it is too common (on the list of common passwords, or one character repeated)"
                    .to_string()
            }
        };
        anyhow::anyhow!("password refused: {rule}")
    })
}

/// A name (of a person, organisation or team): the display-name rules of the domain.
fn display_name(what: &'static str, raw: &str) -> anyhow::Result<PersonName> {
    PersonName::parse(what, raw).map_err(|e| field_error(&e, raw))
}

/// A domain field error in words for the operator.
fn field_error(e: &FieldError, raw: &str) -> anyhow::Error {
    let problem = match e.key {
        "error-required" => "must not be empty".to_string(),
        "error-too-long" => format!("is too long (at most {} characters)", PersonName::MAX_LEN),
        "error-control-characters" => "must not contain control characters".to_string(),
        "error-email-invalid" => {
            return anyhow::anyhow!("{:?} is not a valid e-mail address", raw.trim());
        }
        other => other.to_string(),
    };
    anyhow::anyhow!("{}: {problem}", e.field.replace('_', " "))
}

// ----- backup -----

pub async fn backup(config: &Config, to: &Path) -> anyhow::Result<ExitCode> {
    let raw = config.database_url.expose_secret().trim();
    if Backend::of(raw)? == Backend::Postgres {
        let url = open::libpq_url_without_password(raw)?;
        say("PostgreSQL is backed up with its own tool. Run:");
        say(format!(
            "  pg_dump --format=custom --file {} {}",
            shell_quote(&to.display().to_string()),
            shell_quote(&url)
        ));
        say("(the password is left out: pg_dump asks for it, or reads PGPASSWORD or ~/.pgpass)");
        return Ok(ExitCode::SUCCESS);
    }
    if to.exists() {
        bail!(
            "{} already exists; a backup never overwrites a file, choose another name",
            to.display()
        );
    }
    let store = open::open_existing(&config.database_url).await?;
    store.backup_to(to).await.map_err(|e| match e {
        StoreError::Conflict(_) => anyhow::anyhow!(
            "{} already exists; a backup never overwrites a file, choose another name",
            to.display()
        ),
        e => {
            anyhow::Error::new(e).context(format!("could not write the backup to {}", to.display()))
        }
    })?;
    let size = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    say(format!("Backup written to {} ({size} bytes)", to.display()));
    Ok(ExitCode::SUCCESS)
}

/// Quotes a word for a POSIX shell when it needs it.
fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@=,+".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

// ----- audit trail -----

pub async fn audit_verify(config: &Config) -> anyhow::Result<ExitCode> {
    let store = open::open_existing(&config.database_url).await?;
    let report = store
        .verify_audit()
        .await
        .context("could not read the audit trail")?;
    match report.first_broken {
        None => {
            say(format!(
                "Audit trail intact: {} entries checked",
                report.checked
            ));
            Ok(ExitCode::SUCCESS)
        }
        Some(seq) => {
            say(format!(
                "Audit trail BROKEN at entry {seq}: it was changed, removed or inserted after \
                 it was written ({} entries before it are intact)",
                report.checked
            ));
            Ok(ExitCode::FAILURE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_staff_only_and_deduplicated() {
        let roles = parse_staff_roles(&["professional".into(), "admin".into(), "admin".into()])
            .expect("valid");
        assert_eq!(roles, [Role::Admin, Role::Professional]);
        let err = parse_staff_roles(&["root".into()]).expect_err("unknown");
        assert!(
            err.to_string()
                .contains("admin, professional, coordinator, analyst"),
            "{err}"
        );
        assert!(parse_staff_roles(&["youth".into()]).is_err());
        assert!(parse_staff_roles(&[]).is_err());
    }

    #[test]
    fn password_line_ending_is_stripped() {
        let pw = read_password(&b"een-lange-zin-42\r\nrest"[..]).expect("valid");
        assert_eq!(pw.expose(), "een-lange-zin-42");
        let pw = read_password(&b"een-lange-zin-42"[..]).expect("valid without newline");
        assert_eq!(pw.expose(), "een-lange-zin-42");
        let err = read_password(&b"kort\n"[..]).expect_err("too short");
        assert!(err.to_string().contains("at least 10"), "{err}");
        let err = read_password(&b""[..]).expect_err("empty");
        assert!(err.to_string().contains("at least 10"), "{err}");
    }

    #[test]
    fn shell_quoting() {
        assert_eq!(shell_quote("backup.dump"), "backup.dump");
        assert_eq!(shell_quote("my backup"), "'my backup'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(
            shell_quote("postgres://u@h/db?options=-c%20x"),
            "'postgres://u@h/db?options=-c%20x'"
        );
    }
}
