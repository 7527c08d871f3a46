//! The command line, as clap sees it. Settings that can also come from the environment or the
//! configuration file are read here as plain optional flags; `config.rs` does the layering.

use clap::{Args, Parser, Subcommand};
use secrecy::SecretString;
use std::convert::Infallible;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "steunkring",
    version,
    about = "Steunkring: support networks around young people in youth care.",
    after_help = "Settings come from flags, then STEUNKRING_* environment variables, then the \
                  configuration file, then the defaults. Log detail: STEUNKRING_LOG (default \
                  `info`)."
)]
pub struct Cli {
    /// TOML configuration file (keys: database_url, bind, https, trusted_proxies) [env: STEUNKRING_CONFIG]
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Database: `sqlite://FILE`, a file path, or `postgres://…`
    /// [env: STEUNKRING_DATABASE_URL] [default: sqlite://steunkring.db]
    ///
    /// A URL with a password is better given in the environment or the configuration file:
    /// other users of the machine can read a process's flags.
    #[arg(long, global = true, value_name = "URL", value_parser = secret)]
    pub database_url: Option<SecretString>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (applies the migrations first).
    Serve(ServeArgs),
    /// Apply the database migrations and stop.
    Migrate,
    /// Create the demo organisation, teams, one login per role and demo cases (again: adds
    /// cases only when --cases is given).
    Demo(DemoArgs),
    /// Organisations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Copy the SQLite database consistently while it is in use (PostgreSQL: prints the
    /// pg_dump command to use).
    Backup(BackupArgs),
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [env: STEUNKRING_BIND] [default: 127.0.0.1:8080]
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,
    /// Served over HTTPS (directly or behind a proxy that ends TLS): Secure cookies with the
    /// __Host- prefix, and HSTS [env: STEUNKRING_HTTPS=true]
    #[arg(long)]
    pub https: bool,
    /// Create the demo data first (if missing) and print its logins.
    #[arg(long)]
    pub demo: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Demo cases to add, each a young person with parents and a network of 3–40 people
    /// [default: 12 when the demo organisation has no cases yet, else 0]. The first case ever
    /// added, "Benchmark Bakker", has exactly 40 members; its id is printed at the end.
    #[arg(long, value_name = "N")]
    pub cases: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organisation and print its id.
    Add {
        /// The organisation's name (unique).
        #[arg(long)]
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account; the password is read from standard input (one line).
    Add(UserAddArgs),
    /// Disable an account and end all its sessions.
    Disable {
        /// The account's e-mail address.
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    /// The organisation: its name or its id.
    #[arg(long, value_name = "ORG")]
    pub org: String,
    /// E-mail address, the login name (unique across organisations).
    #[arg(long)]
    pub email: String,
    /// Full name as shown to colleagues.
    #[arg(long)]
    pub name: String,
    /// Role: admin, professional, coordinator or analyst (repeat, or separate with commas).
    #[arg(
        long = "role",
        value_name = "ROLE",
        required = true,
        value_delimiter = ','
    )]
    pub roles: Vec<String>,
    /// Team by name, created in the organisation if missing (repeat for several).
    #[arg(long = "team", value_name = "TEAM")]
    pub teams: Vec<String>,
    /// Read the password from standard input (required: passwords are never flags).
    #[arg(long, required = true)]
    pub password_stdin: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write; it must not exist yet.
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Check the hash chain of the whole audit trail; exit code 1 if it is broken.
    Verify,
}

/// Keeps a database URL from the command line in a [`SecretString`] from the start.
fn secret(raw: &str) -> Result<SecretString, Infallible> {
    Ok(SecretString::from(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn roles_repeat_or_split_on_commas() {
        let cli = Cli::try_parse_from([
            "steunkring",
            "user",
            "add",
            "--org",
            "O",
            "--email",
            "a@b.nl",
            "--name",
            "A",
            "--role",
            "admin,professional",
            "--role",
            "analyst",
            "--password-stdin",
        ])
        .expect("parses");
        let Command::User(UserCommand::Add(args)) = cli.command else {
            panic!("user add expected");
        };
        assert_eq!(args.roles, ["admin", "professional", "analyst"]);
    }

    #[test]
    fn demo_cases_is_optional() {
        let cases = |args: &[&str]| match Cli::try_parse_from(args).map(|c| c.command) {
            Ok(Command::Demo(demo)) => demo.cases,
            other => panic!("demo expected: {other:?}"),
        };
        assert_eq!(cases(&["steunkring", "demo"]), None);
        assert_eq!(cases(&["steunkring", "demo", "--cases", "30"]), Some(30));
        assert_eq!(cases(&["steunkring", "demo", "--cases", "0"]), Some(0));
        assert!(Cli::try_parse_from(["steunkring", "demo", "--cases", "-1"]).is_err());
    }

    #[test]
    fn password_stdin_is_required() {
        let parsed = Cli::try_parse_from([
            "steunkring",
            "user",
            "add",
            "--org",
            "O",
            "--email",
            "a@b.nl",
            "--name",
            "A",
            "--role",
            "admin",
        ]);
        assert!(parsed.is_err());
    }
}
