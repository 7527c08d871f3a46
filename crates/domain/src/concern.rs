//! Concerns about informal support, and moral deliberations (*moreel beraad*).
//!
//! The sources stress that nobody knows the negative effects of informal support yet (seed
//! 000): so any professional of the team can register a concern — about one person in the
//! network, or about the informal support itself — and it stays visible until someone closes
//! it saying what was done. A risk dilemma is weighed in a moral deliberation, in which the
//! young person, the family and the network can take part; its question, considerations,
//! decision and follow-up are kept.

use crate::FieldError;
use crate::consent::value_list;
use crate::network::MemberId;
use crate::network::input::text;
use crate::support_figure::{LINE_MAX_LEN, TEXT_MAX_LEN, choice, day, optional, required};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a concern is about when it is not one person: the informal support as a whole.
pub const ABOUT_INFORMAL_SUPPORT: &str = "informal_support";

value_list!(
    /// How serious a concern is.
    Seriousness {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
);

impl Seriousness {
    pub fn label_key(self) -> &'static str {
        match self {
            Seriousness::Low => "concern-seriousness-low",
            Seriousness::Medium => "concern-seriousness-medium",
            Seriousness::High => "concern-seriousness-high",
        }
    }
}

value_list!(
    /// Whether a concern still needs attention.
    ConcernStatus {
        Open = "open",
        Closed = "closed",
    }
);

impl ConcernStatus {
    pub fn label_key(self) -> &'static str {
        match self {
            ConcernStatus::Open => "concern-status-open",
            ConcernStatus::Closed => "concern-status-closed",
        }
    }
}

/// How a concern was closed: when, by whom, and what was done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub at: DateTime<Utc>,
    /// The professional's account.
    pub by: Option<String>,
    pub what_was_done: String,
}

/// A concern about a network member or about the informal support itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub id: String,
    /// The person it is about; `None` is the informal support as a whole.
    pub about: Option<MemberId>,
    /// The person's name when it was registered (kept if they leave the map).
    pub about_name: Option<String>,
    pub what: String,
    pub seriousness: Seriousness,
    /// The professional's account and name.
    pub registered_by: Option<String>,
    pub registered_by_name: String,
    pub registered_at: DateTime<Utc>,
    pub status: ConcernStatus,
    pub closure: Option<Closure>,
}

/// Closing a concern that is already closed (the API answers 409).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the concern is already closed")]
pub struct AlreadyClosed;

impl Concern {
    /// Closes an open concern; a closed one stays as it was closed.
    pub fn close(&self, closure: Closure) -> Result<Concern, AlreadyClosed> {
        if self.status == ConcernStatus::Closed {
            return Err(AlreadyClosed);
        }
        Ok(Concern {
            status: ConcernStatus::Closed,
            closure: Some(closure),
            ..self.clone()
        })
    }

    /// The code of what it is about: a member id, or `informal_support`.
    pub fn about_code(&self) -> String {
        self.about
            .as_ref()
            .map_or_else(|| ABOUT_INFORMAL_SUPPORT.to_string(), MemberId::to_string)
    }
}

/// The open concerns, the most serious first, then the oldest: what the support page shows
/// at the top.
pub fn open_first(concerns: &[Concern]) -> Vec<&Concern> {
    let mut open: Vec<&Concern> = concerns
        .iter()
        .filter(|c| c.status == ConcernStatus::Open)
        .collect();
    open.sort_by(|a, b| {
        b.seriousness
            .cmp(&a.seriousness)
            .then(a.registered_at.cmp(&b.registered_at))
    });
    open
}

/// A concern as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawConcern {
    /// A member id from the map, or `informal_support`.
    #[serde(default)]
    pub about: String,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub seriousness: String,
}

impl RawConcern {
    /// A new, open concern, or every problem at once. `members` are the map's members.
    pub fn parse(
        &self,
        id: String,
        members: &[(MemberId, String)],
        by: Option<String>,
        by_name: &str,
        at: DateTime<Utc>,
    ) -> Result<Concern, Vec<FieldError>> {
        let mut errors = Vec::new();
        let about = match self.about.trim() {
            "" => {
                errors.push(FieldError::new("about", "error-required"));
                None
            }
            ABOUT_INFORMAL_SUPPORT => Some(None),
            raw => match members.iter().find(|(m, _)| m.as_str() == raw) {
                Some(found) => Some(Some(found)),
                None => {
                    errors.push(FieldError::new("about", "support-error-member"));
                    None
                }
            },
        };
        let what = required(&mut errors, "what", &self.what, TEXT_MAX_LEN);
        let seriousness = choice(
            &mut errors,
            "seriousness",
            &self.seriousness,
            Seriousness::parse,
        );
        match (about, what, seriousness) {
            (Some(about), Some(what), Some(seriousness)) if errors.is_empty() => Ok(Concern {
                id,
                about: about.map(|(m, _)| m.clone()),
                about_name: about.map(|(_, n)| n.clone()),
                what,
                seriousness,
                registered_by: by,
                registered_by_name: by_name.chars().take(LINE_MAX_LEN).collect(),
                registered_at: at,
                status: ConcernStatus::Open,
                closure: None,
            }),
            _ => Err(errors),
        }
    }
}

/// What was done, as typed when closing a concern.
pub fn parse_closure(
    raw: &str,
    by: Option<String>,
    at: DateTime<Utc>,
) -> Result<Closure, Vec<FieldError>> {
    let mut errors = Vec::new();
    match required(&mut errors, "what_was_done", raw, TEXT_MAX_LEN) {
        Some(what_was_done) => Ok(Closure {
            at,
            by,
            what_was_done,
        }),
        None => Err(errors),
    }
}

// ---------------------------------------------------------------------------------------------
// Moral deliberation
// ---------------------------------------------------------------------------------------------

/// The most people a deliberation lists.
pub const MAX_PARTICIPANTS: usize = 50;

/// A recorded moral deliberation on a risk dilemma.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deliberation {
    pub id: String,
    pub held_on: NaiveDate,
    /// The dilemma, as a question.
    pub question: String,
    /// Who took part, in words ("Sanne (jongere)", "oma Joke", "gedragswetenschapper").
    pub participants: Vec<String>,
    pub considerations: String,
    pub decision: String,
    pub follow_up: Option<String>,
    pub recorded_by: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// A deliberation as typed. `participants` come as a list (the API) or as one text with a
/// name per line (the form); both are accepted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawDeliberation {
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub considerations: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub follow_up: String,
}

impl RawDeliberation {
    pub fn parse(
        &self,
        id: String,
        by: Option<String>,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Deliberation, Vec<FieldError>> {
        let mut errors = Vec::new();
        let held_on = day(&mut errors, "held_on", &self.held_on, today);
        let question = required(&mut errors, "question", &self.question, TEXT_MAX_LEN);
        let mut participants = Vec::new();
        for line in self.participants.iter().flat_map(|p| p.lines()) {
            match text("participants", line, LINE_MAX_LEN, false) {
                Ok(Some(p)) if !participants.contains(&p) => participants.push(p),
                Ok(_) => {}
                Err(e) => {
                    errors.push(e);
                    break;
                }
            }
        }
        if participants.len() > MAX_PARTICIPANTS {
            errors.push(FieldError::new("participants", "error-too-many"));
        } else if participants.is_empty() && errors.iter().all(|e| e.field != "participants") {
            errors.push(FieldError::new(
                "participants",
                "deliberation-error-participants",
            ));
        }
        let considerations = required(
            &mut errors,
            "considerations",
            &self.considerations,
            TEXT_MAX_LEN,
        );
        let decision = required(&mut errors, "decision", &self.decision, TEXT_MAX_LEN);
        let follow_up = optional(&mut errors, "follow_up", &self.follow_up);
        match (held_on, question, considerations, decision) {
            (Some(held_on), Some(question), Some(considerations), Some(decision))
                if errors.is_empty() =>
            {
                Ok(Deliberation {
                    id,
                    held_on,
                    question,
                    participants,
                    considerations,
                    decision,
                    follow_up,
                    recorded_by: by,
                    recorded_at: at,
                })
            }
            _ => Err(errors),
        }
    }
}

impl fmt::Display for Concern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

#[cfg(test)]
mod tests;
