//! Steunkring's domain: the words of youth care as types, and the rules as pure functions.
//!
//! Nothing here does IO. Every rule that decides who may see or do something lives here, so
//! that handlers ask and never decide themselves, and so that the rules can be tested as tables
//! and properties.

pub mod account;
pub mod actor;
pub mod audit;
pub mod case;
pub mod concern;
pub mod consent;
pub mod ids;
pub mod insight;
pub mod measure;
pub mod meeting;
pub mod network;
pub mod plan;
pub mod policy;
pub mod research;
pub mod rights;
pub mod role;
pub mod session;
pub mod sharing_guide;
pub mod support_figure;
pub mod throttle;
pub mod trend;

pub use account::{Email, Password, PasswordProblem, PersonName};
pub use actor::Actor;
pub use ids::{OrgId, TeamId, UserId};
pub use role::Role;

/// A problem with a value a person typed: which field, and a message key for the interface.
///
/// The key is looked up in the locale files (`locales/nl.ftl`, `locales/en.ftl`), so the person
/// reads the reason in their own language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {key}")]
pub struct FieldError {
    pub field: &'static str,
    pub key: &'static str,
}

impl FieldError {
    pub fn new(field: &'static str, key: &'static str) -> Self {
        Self { field, key }
    }
}
