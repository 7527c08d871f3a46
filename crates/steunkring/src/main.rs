//! `steunkring`: the web server and the operator's commands in one binary.

mod admin;
mod cli;
mod config;
mod demo;
mod open;

use anyhow::Context;
use clap::Parser;
use cli::{AuditCommand, Cli, Command, OrgCommand, UserCommand};
use config::{Config, Flags};
use std::fmt::Display;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => return fail(&anyhow::Error::new(e).context("could not start the runtime")),
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(e) => fail(&e),
    }
}

async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut flags = Flags {
        config: cli.config,
        database_url: cli.database_url,
        ..Flags::default()
    };
    if let Command::Serve(args) = &cli.command {
        flags.bind = args.bind.clone();
        flags.https = args.https;
    }
    let config = Config::load(flags)?;
    match cli.command {
        Command::Serve(args) => serve(&config, args.demo).await,
        Command::Migrate => {
            open::open(&config.database_url).await?;
            say(format!(
                "Database {} is up to date",
                config.database_shown()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo(args) => {
            let store = open::open(&config.database_url).await?;
            let org = demo::ensure(store.as_ref()).await?;
            say(demo::logins());
            if let Some(id) = demo::add_cases(store.as_ref(), &org, args.cases).await? {
                say(format!("\nBenchmark case: {id}"));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Org(OrgCommand::Add { name }) => admin::org_add(&config, &name).await,
        Command::User(UserCommand::Add(args)) => admin::user_add(&config, args).await,
        Command::User(UserCommand::Disable { email }) => admin::user_disable(&config, &email).await,
        Command::Backup(args) => admin::backup(&config, &args.to).await,
        Command::Audit(AuditCommand::Verify) => admin::audit_verify(&config).await,
    }
}

async fn serve(config: &Config, with_demo: bool) -> anyhow::Result<ExitCode> {
    let store = open::open(&config.database_url).await?;
    if with_demo {
        demo::ensure(store.as_ref()).await?;
        say(demo::logins());
        say("");
    }
    let listener = tokio::net::TcpListener::bind(&config.bind)
        .await
        .with_context(|| format!("could not listen on {}", config.bind))?;
    let addr = listener.local_addr()?;
    say(format!("Steunkring: http://{addr}"));
    tracing::info!(
        %addr,
        backend = store.backend(),
        database = %config.database_shown(),
        https = config.https,
        "serving"
    );
    steunkring_web::serve(
        store,
        steunkring_web::WebConfig {
            https: config.https,
            trusted_proxies: config.trusted_proxies.clone(),
        },
        listener,
    )
    .await?;
    Ok(ExitCode::SUCCESS)
}

/// Logs go to standard error, filtered by `STEUNKRING_LOG` (default `info`).
fn init_tracing() {
    let (filter, bad) = match EnvFilter::try_from_env("STEUNKRING_LOG") {
        Ok(filter) => (filter, None),
        Err(e) => (
            EnvFilter::new("info"),
            std::env::var("STEUNKRING_LOG").ok().map(|_| e),
        ),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    if let Some(e) = bad {
        tracing::warn!("STEUNKRING_LOG is not a valid filter ({e}); using `info`");
    }
}

/// A line for the operator on standard output. A closed pipe (`| head`) is not an error.
pub(crate) fn say(text: impl Display) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

/// Progress of long work for the operator, on standard error (standard output keeps the
/// results). A closed pipe is not an error.
pub(crate) fn progress(text: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// The error and its causes on one line, no backtrace, exit code 1.
fn fail(e: &anyhow::Error) -> ExitCode {
    let _ = writeln!(std::io::stderr().lock(), "error: {e:#}");
    ExitCode::FAILURE
}
