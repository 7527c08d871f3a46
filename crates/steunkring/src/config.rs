//! Settings, layered: flags over `STEUNKRING_*` environment variables over the TOML file
//! (`--config FILE` or `STEUNKRING_CONFIG`) over the defaults.
//!
//! The database URL may hold a password, so it lives in a [`SecretString`] from the moment it
//! is read; what is shown or logged is [`crate::open::redact`]ed.

use anyhow::{Context, bail};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::net::IpAddr;
use std::path::{Path, PathBuf};

pub const DEFAULT_DATABASE_URL: &str = "sqlite://steunkring.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";

/// The settings in effect.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: SecretString,
    pub bind: String,
    pub https: bool,
    /// Reverse proxies whose `X-Forwarded-For` is believed (see `steunkring_web::WebConfig`).
    pub trusted_proxies: Vec<IpAddr>,
}

/// What was given as flags: `None` (or `false`) when not given.
#[derive(Debug, Default)]
pub struct Flags {
    pub config: Option<PathBuf>,
    pub database_url: Option<SecretString>,
    pub bind: Option<String>,
    pub https: bool,
}

/// The configuration file. Unknown keys are refused, so a misspelt key does not silently do
/// nothing.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<SecretString>,
    bind: Option<String>,
    https: Option<bool>,
    trusted_proxies: Option<Vec<String>>,
}

impl Config {
    /// The database URL as it may be shown and logged.
    pub fn database_shown(&self) -> String {
        crate::open::redact(self.database_url.expose_secret().trim())
    }

    /// Layers the flags over this process's environment and the configuration file.
    pub fn load(flags: Flags) -> anyhow::Result<Config> {
        Config::load_with(flags, |key| std::env::var(key).ok())
    }

    /// As [`Config::load`], with the environment given as a lookup (tests pass their own).
    fn load_with(flags: Flags, env: impl Fn(&str) -> Option<String>) -> anyhow::Result<Config> {
        // An empty variable counts as unset, as shells make them easily.
        let env = |key: &str| env(key).filter(|value| !value.trim().is_empty());
        let path = flags
            .config
            .clone()
            .or_else(|| env("STEUNKRING_CONFIG").map(PathBuf::from));
        let file = match path {
            Some(path) => read_file(&path)?,
            None => FileConfig::default(),
        };
        resolve(flags, env, file)
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read the configuration file {}", path.display()))?;
    parse_file(&text)
        .with_context(|| format!("the configuration file {} is not valid", path.display()))
}

/// Parses the file without quoting it back: toml's own message shows the offending line, which
/// may be the line with the database password.
fn parse_file(text: &str) -> anyhow::Result<FileConfig> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .and_then(|span| text.get(..span.start))
            .map(|before| before.matches('\n').count() + 1);
        match line {
            Some(line) => anyhow::anyhow!("line {line}: {}", e.message()),
            None => anyhow::anyhow!("{}", e.message()),
        }
    })
}

fn resolve(
    flags: Flags,
    env: impl Fn(&str) -> Option<String>,
    file: FileConfig,
) -> anyhow::Result<Config> {
    let database_url = flags
        .database_url
        .or_else(|| env("STEUNKRING_DATABASE_URL").map(SecretString::from))
        .or(file.database_url)
        .unwrap_or_else(|| SecretString::from(DEFAULT_DATABASE_URL));
    let bind = flags
        .bind
        .or_else(|| env("STEUNKRING_BIND"))
        .or(file.bind)
        .unwrap_or_else(|| DEFAULT_BIND.to_string());
    let https = if flags.https {
        true
    } else if let Some(raw) = env("STEUNKRING_HTTPS") {
        parse_bool("STEUNKRING_HTTPS", &raw)?
    } else {
        file.https.unwrap_or(false)
    };
    let trusted_proxies = match env("STEUNKRING_TRUSTED_PROXIES") {
        Some(raw) => parse_addresses("STEUNKRING_TRUSTED_PROXIES", raw.split(','))?,
        None => parse_addresses(
            "trusted_proxies",
            file.trusted_proxies.iter().flatten().map(String::as_str),
        )?,
    };
    Ok(Config {
        database_url,
        bind,
        https,
        trusted_proxies,
    })
}

/// IP addresses, each trimmed; a blank list item is skipped, anything else that is not an
/// address is refused (a misspelt proxy would otherwise silently trust nobody).
fn parse_addresses<'a>(
    name: &str,
    raw: impl Iterator<Item = &'a str>,
) -> anyhow::Result<Vec<IpAddr>> {
    raw.map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            item.parse::<IpAddr>()
                .map_err(|_| anyhow::anyhow!("{name}: {item:?} is not an IP address"))
        })
        .collect()
}

fn parse_bool(name: &str, raw: &str) -> anyhow::Result<bool> {
    match raw.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => bail!("{name} must be true or false, not {raw:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |key| map.get(key).cloned()
    }

    fn file(text: &str) -> FileConfig {
        parse_file(text).expect("valid file")
    }

    const FILE: &str = r#"
        database_url = "sqlite://from-file.db"
        bind = "127.0.0.1:1111"
        https = true
    "#;

    #[test]
    fn defaults_without_anything() {
        let c = resolve(Flags::default(), env(&[]), FileConfig::default()).expect("ok");
        assert_eq!(c.database_url.expose_secret(), DEFAULT_DATABASE_URL);
        assert_eq!(c.bind, DEFAULT_BIND);
        assert!(!c.https);
    }

    #[test]
    fn file_beats_defaults() {
        let c = resolve(Flags::default(), env(&[]), file(FILE)).expect("ok");
        assert_eq!(c.database_url.expose_secret(), "sqlite://from-file.db");
        assert_eq!(c.bind, "127.0.0.1:1111");
        assert!(c.https);
    }

    #[test]
    fn env_beats_file() {
        let e = env(&[
            ("STEUNKRING_DATABASE_URL", "sqlite://from-env.db"),
            ("STEUNKRING_BIND", "127.0.0.1:2222"),
            ("STEUNKRING_HTTPS", "false"),
        ]);
        let c = resolve(Flags::default(), e, file(FILE)).expect("ok");
        assert_eq!(c.database_url.expose_secret(), "sqlite://from-env.db");
        assert_eq!(c.bind, "127.0.0.1:2222");
        assert!(!c.https, "false in the environment beats true in the file");
    }

    #[test]
    fn flags_beat_env_and_file() {
        let e = env(&[
            ("STEUNKRING_DATABASE_URL", "sqlite://from-env.db"),
            ("STEUNKRING_BIND", "127.0.0.1:2222"),
            ("STEUNKRING_HTTPS", "false"),
        ]);
        let flags = Flags {
            config: None,
            database_url: Some(SecretString::from("sqlite://from-flag.db")),
            bind: Some("127.0.0.1:3333".into()),
            https: true,
        };
        let c = resolve(flags, e, file(FILE)).expect("ok");
        assert_eq!(c.database_url.expose_secret(), "sqlite://from-flag.db");
        assert_eq!(c.bind, "127.0.0.1:3333");
        assert!(c.https);
    }

    #[test]
    fn layers_mix_per_key() {
        let e = env(&[("STEUNKRING_BIND", "127.0.0.1:2222")]);
        let flags = Flags {
            database_url: Some(SecretString::from("sqlite://from-flag.db")),
            ..Flags::default()
        };
        let c = resolve(flags, e, file("https = true")).expect("ok");
        assert_eq!(c.database_url.expose_secret(), "sqlite://from-flag.db");
        assert_eq!(c.bind, "127.0.0.1:2222");
        assert!(c.https);
    }

    #[test]
    fn config_file_path_from_flag_or_env() {
        let dir = tempfile::tempdir().expect("dir");
        let by_env = dir.path().join("env.toml");
        let by_flag = dir.path().join("flag.toml");
        std::fs::write(&by_env, "bind = \"127.0.0.1:4444\"").expect("write");
        std::fs::write(&by_flag, "bind = \"127.0.0.1:5555\"").expect("write");
        let env_path = by_env.display().to_string();

        let c = Config::load_with(Flags::default(), env(&[("STEUNKRING_CONFIG", &env_path)]))
            .expect("ok");
        assert_eq!(c.bind, "127.0.0.1:4444");

        let flags = Flags {
            config: Some(by_flag),
            ..Flags::default()
        };
        let c = Config::load_with(flags, env(&[("STEUNKRING_CONFIG", &env_path)])).expect("ok");
        assert_eq!(c.bind, "127.0.0.1:5555");
    }

    #[test]
    fn empty_env_counts_as_unset() {
        let c = Config::load_with(
            Flags::default(),
            env(&[("STEUNKRING_BIND", ""), ("STEUNKRING_CONFIG", " ")]),
        )
        .expect("ok");
        assert_eq!(c.bind, DEFAULT_BIND);
    }

    #[test]
    fn missing_file_is_an_error() {
        let flags = Flags {
            config: Some(PathBuf::from("/nonexistent/steunkring.toml")),
            ..Flags::default()
        };
        let err = Config::load_with(flags, env(&[])).expect_err("missing");
        assert!(format!("{err:#}").contains("could not read the configuration file"));
    }

    #[test]
    fn unknown_keys_and_bad_values_are_refused() {
        let err = parse_file("bnid = \"x\"").expect_err("refused");
        assert!(err.to_string().contains("bnid"), "{err}");
        assert!(
            resolve(
                Flags::default(),
                env(&[("STEUNKRING_HTTPS", "maybe")]),
                FileConfig::default()
            )
            .is_err()
        );
    }

    #[test]
    fn trusted_proxies_from_env_or_file_and_bad_ones_refused() {
        let c = resolve(Flags::default(), env(&[]), FileConfig::default()).expect("ok");
        assert!(c.trusted_proxies.is_empty(), "nobody is trusted by default");
        let from_file =
            parse_file("trusted_proxies = [\"10.0.0.2\", \"2001:db8::1\"]").expect("file");
        let c = resolve(Flags::default(), env(&[]), from_file).expect("ok");
        assert_eq!(
            c.trusted_proxies,
            vec![
                "10.0.0.2".parse::<IpAddr>().expect("v4"),
                "2001:db8::1".parse::<IpAddr>().expect("v6")
            ]
        );
        let c = resolve(
            Flags::default(),
            env(&[("STEUNKRING_TRUSTED_PROXIES", " 10.0.0.3 , ")]),
            parse_file("trusted_proxies = [\"10.0.0.2\"]").expect("file"),
        )
        .expect("ok");
        assert_eq!(
            c.trusted_proxies,
            vec!["10.0.0.3".parse::<IpAddr>().expect("v4")]
        );
        let err = resolve(
            Flags::default(),
            env(&[("STEUNKRING_TRUSTED_PROXIES", "10.0.0.2,proxy.local")]),
            FileConfig::default(),
        )
        .expect_err("refused");
        assert!(err.to_string().contains("proxy.local"), "{err}");
    }

    #[test]
    fn parse_errors_do_not_echo_the_file() {
        let text = "database_url = \"postgres://u:geheim@db/steunkring\" trailing";
        let err = parse_file(text).expect_err("refused");
        let shown = format!("{err:#}");
        assert!(!shown.contains("geheim"), "{shown}");
        assert!(shown.contains("line 1"), "{shown}");
    }

    #[test]
    fn debug_hides_the_database_url() {
        let flags = Flags {
            database_url: Some(SecretString::from("postgres://u:geheim@db/x")),
            ..Flags::default()
        };
        let c = resolve(flags, env(&[]), FileConfig::default()).expect("ok");
        assert!(!format!("{c:?}").contains("geheim"));
        let f = file("database_url = \"postgres://u:geheim@db/x\"");
        assert!(!format!("{f:?}").contains("geheim"));
    }
}
