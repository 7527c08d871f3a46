//! Account values that are checked once, where they enter, and are valid ever after.

use crate::FieldError;
use serde::Serialize;
use std::fmt;

/// An e-mail address, trimmed and lower-cased so that one person has one account key.
///
/// Deliberately lenient: one `@` with text on both sides and a dot in the domain. Stricter
/// checks reject real addresses; the invitation or login proves the address works.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Email, FieldError> {
        let value = raw.trim().to_lowercase();
        let invalid = FieldError::new("email", "error-email-invalid");
        if value.is_empty() {
            return Err(FieldError::new("email", "error-required"));
        }
        if value.chars().count() > Self::MAX_LEN || value.chars().any(char::is_whitespace) {
            return Err(invalid);
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(invalid);
        };
        if local.is_empty()
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
        {
            return Err(invalid);
        }
        Ok(Email(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's display name: not empty, at most 200 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_LEN: usize = 200;

    pub fn parse(field: &'static str, raw: &str) -> Result<PersonName, FieldError> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(FieldError::new(field, "error-required"));
        }
        if value.chars().count() > Self::MAX_LEN {
            return Err(FieldError::new(field, "error-too-long"));
        }
        if value.chars().any(char::is_control) {
            return Err(FieldError::new(field, "error-control-characters"));
        }
        Ok(PersonName(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    Common,
}

impl PasswordProblem {
    pub fn key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "error-password-too-short",
            PasswordProblem::TooLong => "error-password-too-long",
            PasswordProblem::Common => "error-password-common",
        }
    }
}

/// A new password that meets the policy (ASVS 2.1): at least 10 characters, up to 256 (well
/// above the 64 the standard asks to allow), not on the list of common passwords and not one
/// character repeated.
///
/// Deliberately has no `Debug` or `Display` with the value, so it cannot end up in a log.
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;

    pub fn parse(raw: &str) -> Result<Password, PasswordProblem> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        if is_common(raw) {
            return Err(PasswordProblem::Common);
        }
        Ok(Password(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(…)")
    }
}

const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

fn is_common(raw: &str) -> bool {
    let lowered = raw.to_lowercase();
    let mut chars = lowered.chars();
    let first = chars.next();
    if first.is_some() && chars.all(|c| Some(c) == first) {
        return true;
    }
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .any(|common| common == lowered)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn email_is_normalised() {
        let email = Email::parse("  Anna.de.Vries@Example.NL ").expect("valid");
        assert_eq!(email.as_str(), "anna.de.vries@example.nl");
    }

    #[test]
    fn email_rejects_malformed() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.nl",
            "anna@nl",
            "a b@x.nl",
            "a@b@c.nl",
            "a@.nl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn password_policy_boundaries() {
        assert_eq!(
            Password::parse("short123").err(),
            Some(PasswordProblem::TooShort)
        );
        assert!(Password::parse("tien-tekens").is_ok());
        assert!(
            Password::parse(&"ab".repeat(32)).is_ok(),
            "64 chars allowed"
        );
        assert!(
            Password::parse(&"ab".repeat(128)).is_ok(),
            "256 chars allowed"
        );
        assert_eq!(
            Password::parse(&"ab".repeat(129)).err(),
            Some(PasswordProblem::TooLong)
        );
        assert_eq!(
            Password::parse("Wachtwoord123").err(),
            Some(PasswordProblem::Common)
        );
        assert_eq!(
            Password::parse("zzzzzzzzzzzz").err(),
            Some(PasswordProblem::Common)
        );
    }

    #[test]
    fn password_debug_hides_value() {
        let pw = Password::parse("geheime-zin-123").expect("valid");
        assert!(!format!("{pw:?}").contains("geheime"));
    }

    #[test]
    fn person_name_rules() {
        assert!(PersonName::parse("name", "  ").is_err());
        assert!(PersonName::parse("name", &"x".repeat(10_000)).is_err());
        assert!(PersonName::parse("name", "a\u{0}b").is_err());
        assert_eq!(
            PersonName::parse("name", " Sanne Çelik ")
                .expect("valid")
                .as_str(),
            "Sanne Çelik"
        );
    }

    proptest! {
        #[test]
        fn any_accepted_password_meets_length(raw in "\\PC{0,300}") {
            if let Ok(pw) = Password::parse(&raw) {
                let n = pw.expose().chars().count();
                prop_assert!((Password::MIN_CHARS..=Password::MAX_CHARS).contains(&n));
            }
        }

        #[test]
        fn parsed_email_is_lowercase_and_trimmed(raw in "\\PC{0,60}") {
            if let Ok(email) = Email::parse(&raw) {
                prop_assert_eq!(email.as_str(), email.as_str().trim());
                prop_assert_eq!(email.as_str().to_lowercase(), email.as_str());
            }
        }
    }
}
