//! Support figures chosen by the young person (*JIM*, *Jouw Ingebrachte Mentor*), and the other
//! ways someone from the network can carry the young person: as citizen guardian
//! (*burgervoogd*) or as a network foster family.
//!
//! The road a support figure takes: the young person **nominates** someone from their map, in
//! their own words; the professional **screens** them (safety) and approves or declines; the
//! person **accepts** from their own participant account — only after an approving screening;
//! an **agreement** says which of the five JIM roles they take, how and how often they keep
//! contact and what their part is in meetings with parents and professionals; one day the
//! support **ends**, with the young person's view of it.
//!
//! Every step is a pure function ([`SupportFigure::apply`]) that refuses a step the status does
//! not allow, so the pages, the API and the store all follow the same road.

use crate::FieldError;
use crate::consent::value_list;
use crate::network::MemberId;
use crate::network::input::text;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest free text (a reason, a view, a log entry): a few paragraphs, not a report.
pub const TEXT_MAX_LEN: usize = 2000;
/// The longest one-line text (how often they see each other).
pub const LINE_MAX_LEN: usize = 200;

value_list!(
    /// How someone from the network carries the young person.
    SupportKind {
        /// A self-chosen mentor (*Jouw Ingebrachte Mentor*).
        Jim = "jim",
        /// A person from the network who holds guardianship (*burgervoogd*).
        CitizenGuardian = "citizen_guardian",
        /// A family from the network the young person lives with (*netwerkpleeggezin*).
        NetworkFosterFamily = "network_foster_family",
    }
);

impl SupportKind {
    pub fn label_key(self) -> &'static str {
        match self {
            SupportKind::Jim => "support-kind-jim",
            SupportKind::CitizenGuardian => "support-kind-citizen-guardian",
            SupportKind::NetworkFosterFamily => "support-kind-network-foster-family",
        }
    }
}

value_list!(
    /// The five aspects of what a JIM does (seed 004): the roles an agreement divides.
    JimRole {
        /// Socio-emotional support: someone to talk to, who listens.
        SocioEmotional = "socio_emotional",
        /// Practical support: help with school, money, forms, getting somewhere.
        Practical = "practical",
        /// Guidance and advice.
        Guidance = "guidance",
        /// A role model.
        RoleModel = "role_model",
        /// Mobilising resources: finding other people and help.
        Mobilising = "mobilising",
    }
);

impl JimRole {
    pub fn label_key(self) -> &'static str {
        match self {
            JimRole::SocioEmotional => "jim-role-socio-emotional",
            JimRole::Practical => "jim-role-practical",
            JimRole::Guidance => "jim-role-guidance",
            JimRole::RoleModel => "jim-role-role-model",
            JimRole::Mobilising => "jim-role-mobilising",
        }
    }
}

value_list!(
    /// Where a support figure stands on the road.
    SupportStatus {
        /// Named by the young person (or by the professional on their behalf).
        Nominated = "nominated",
        /// Screened by the professional: the screening says approved or declined.
        Screened = "screened",
        /// Accepted by the person: they are the young person's support figure now.
        Active = "active",
        /// Ended, with the date, the reason and the young person's view.
        Ended = "ended",
    }
);

impl SupportStatus {
    pub fn label_key(self) -> &'static str {
        match self {
            SupportStatus::Nominated => "support-status-nominated",
            SupportStatus::Screened => "support-status-screened",
            SupportStatus::Active => "support-status-active",
            SupportStatus::Ended => "support-status-ended",
        }
    }
}

value_list!(
    /// What the screening decided.
    ScreeningDecision {
        Approve = "approve",
        Decline = "decline",
    }
);

impl ScreeningDecision {
    pub fn label_key(self) -> &'static str {
        match self {
            ScreeningDecision::Approve => "screening-approve",
            ScreeningDecision::Decline => "screening-decline",
        }
    }
}

value_list!(
    /// Who nominated: the young person themselves, or the professional writing down what the
    /// young person said.
    Nominator {
        Youth = "youth",
        Professional = "professional",
    }
);

/// The professional's screening: what might make it unsafe, and the decision with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub on: NaiveDate,
    /// Safety concerns found, if any (in the professional's words).
    pub safety_concerns: Option<String>,
    pub decision: ScreeningDecision,
    pub reason: String,
    /// The professional's account.
    pub by: Option<String>,
}

/// The person said yes, from their own participant account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub on: NaiveDate,
    /// The participant (a support figure of the case, linked to the nominated member).
    pub participant: String,
}

/// What was agreed: the roles, the contact, and the part in meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub on: NaiveDate,
    pub roles: Vec<JimRole>,
    /// How they keep contact (visits, phone, messages …).
    pub contact_how: String,
    /// How often, in words ("every week", "when needed").
    pub contact_frequency: String,
    /// Their part in meetings with parents and professionals: the young person's voice.
    pub meetings_part: Option<String>,
}

/// How it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ending {
    pub on: NaiveDate,
    pub reason: String,
    /// What the young person thinks of it, in their words.
    pub youth_view: Option<String>,
}

/// One support figure of a young person. A young person may have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportFigure {
    pub id: String,
    /// The person on the map; `None` once they were removed from it (the name stays).
    pub member_id: Option<MemberId>,
    pub member_name: String,
    pub kind: SupportKind,
    pub status: SupportStatus,
    pub nominated_on: NaiveDate,
    pub nominated_by: Nominator,
    /// Why this person, in the young person's own words.
    pub own_words: String,
    pub screening: Option<Screening>,
    pub acceptance: Option<Acceptance>,
    pub agreement: Option<Agreement>,
    pub ending: Option<Ending>,
}

/// A step on the road.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportStep {
    Screen(Screening),
    Accept(Acceptance),
    Agree(Agreement),
    End(Ending),
}

impl SupportStep {
    /// The step's name, for the audit trail and error messages.
    pub fn name(&self) -> &'static str {
        match self {
            SupportStep::Screen(_) => "screening",
            SupportStep::Accept(_) => "acceptance",
            SupportStep::Agree(_) => "agreement",
            SupportStep::End(_) => "end",
        }
    }

    /// Why this step can be refused, for the interface (the store refuses it when the status
    /// changed in between).
    pub fn refusal_key(&self) -> &'static str {
        refusal_key(self.name())
    }
}

/// A step the status does not allow (the API answers 409).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{step} is not possible while {status}")]
pub struct StepRefused {
    pub status: SupportStatus,
    pub step: &'static str,
}

impl StepRefused {
    /// The message for the interface.
    pub fn key(&self) -> &'static str {
        refusal_key(self.step)
    }
}

fn refusal_key(step: &str) -> &'static str {
    match step {
        "acceptance" => "support-error-accept",
        "screening" => "support-error-screen",
        "agreement" => "support-error-agree",
        _ => "support-error-end",
    }
}

impl SupportFigure {
    /// Approved by the screening (and so may be asked, may accept, may agree).
    pub fn is_approved(&self) -> bool {
        self.screening
            .as_ref()
            .is_some_and(|s| s.decision == ScreeningDecision::Approve)
    }

    /// Takes `step`, or refuses it:
    /// - a screening only of a fresh nomination (a new screening means a new nomination);
    /// - accepting only after an approving screening, and only once;
    /// - an agreement once approved (before or after accepting), not after the end; a new
    ///   agreement replaces the old one;
    /// - an end from any status but ended, not before the nomination.
    pub fn apply(&self, step: &SupportStep) -> Result<SupportFigure, StepRefused> {
        let refused = || StepRefused {
            status: self.status,
            step: step.name(),
        };
        let mut next = self.clone();
        match step {
            SupportStep::Screen(s) => {
                if self.status != SupportStatus::Nominated || s.on < self.nominated_on {
                    return Err(refused());
                }
                next.screening = Some(s.clone());
                next.status = SupportStatus::Screened;
            }
            SupportStep::Accept(a) => {
                if self.status != SupportStatus::Screened || !self.is_approved() {
                    return Err(refused());
                }
                next.acceptance = Some(a.clone());
                next.status = SupportStatus::Active;
            }
            SupportStep::Agree(a) => {
                let open = matches!(self.status, SupportStatus::Screened | SupportStatus::Active);
                if !open || !self.is_approved() {
                    return Err(refused());
                }
                next.agreement = Some(a.clone());
            }
            SupportStep::End(e) => {
                if self.status == SupportStatus::Ended || e.on < self.nominated_on {
                    return Err(refused());
                }
                next.ending = Some(e.clone());
                next.status = SupportStatus::Ended;
            }
        }
        Ok(next)
    }

    /// The professional coaches an approved support figure, until and at the end.
    pub fn may_coach(&self) -> bool {
        self.is_approved()
    }

    /// Contact moments are logged while the support figure is active.
    pub fn may_log_contact(&self) -> bool {
        self.status == SupportStatus::Active
    }

    /// The day they started: the acceptance.
    pub fn started_on(&self) -> Option<NaiveDate> {
        self.acceptance.as_ref().map(|a| a.on)
    }

    /// The day they stopped.
    pub fn ended_on(&self) -> Option<NaiveDate> {
        self.ending.as_ref().map(|e| e.on)
    }

    /// Is this the nomination of the person behind `member`? What a support-figure participant
    /// sees and accepts on their own page.
    pub fn is_about(&self, member: Option<&MemberId>) -> bool {
        member.is_some() && self.member_id.as_ref() == member
    }
}

value_list!(
    /// Who wrote a log entry, and so what kind of entry it is.
    LogKind {
        /// The professional's coaching of the support figure.
        Coaching = "coaching",
        /// A contact moment with the young person, logged by the support figure.
        Contact = "contact",
    }
);

impl LogKind {
    pub fn label_key(self) -> &'static str {
        match self {
            LogKind::Coaching => "support-log-coaching",
            LogKind::Contact => "support-log-contact",
        }
    }
}

/// An entry in a support figure's log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub id: String,
    pub kind: LogKind,
    pub on: NaiveDate,
    pub text: String,
    /// The name of who wrote it, as shown.
    pub by: String,
    pub at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------------------------
// What people type
// ---------------------------------------------------------------------------------------------

/// A nomination as typed: someone from the map, a date, and the young person's own words.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawNomination {
    #[serde(default)]
    pub member_id: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub nominated_on: String,
    #[serde(default)]
    pub own_words: String,
}

impl RawNomination {
    /// A new support figure with `id`, or every problem at once. `members` are the map's
    /// members (id, name): the person must be one of them. An empty date is `today`; a date
    /// after `today` is refused.
    pub fn parse(
        &self,
        id: String,
        by: Nominator,
        members: &[(MemberId, String)],
        today: NaiveDate,
    ) -> Result<SupportFigure, Vec<FieldError>> {
        let mut errors = Vec::new();
        let member = match self.member_id.trim() {
            "" => {
                errors.push(FieldError::new("member_id", "error-required"));
                None
            }
            raw => {
                let found = members.iter().find(|(m, _)| m.as_str() == raw);
                if found.is_none() {
                    errors.push(FieldError::new("member_id", "support-error-member"));
                }
                found
            }
        };
        let kind = match self.kind.trim() {
            "" => Some(SupportKind::Jim),
            raw => SupportKind::parse(raw),
        };
        if kind.is_none() {
            errors.push(FieldError::new("kind", "error-unknown-value"));
        }
        let nominated_on = day(&mut errors, "nominated_on", &self.nominated_on, today);
        let own_words = required(&mut errors, "own_words", &self.own_words, TEXT_MAX_LEN);
        match (member, kind, nominated_on, own_words) {
            (Some((member, name)), Some(kind), Some(nominated_on), Some(own_words))
                if errors.is_empty() =>
            {
                Ok(SupportFigure {
                    id,
                    member_id: Some(member.clone()),
                    member_name: name.clone(),
                    kind,
                    status: SupportStatus::Nominated,
                    nominated_on,
                    nominated_by: by,
                    own_words,
                    screening: None,
                    acceptance: None,
                    agreement: None,
                    ending: None,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A screening as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawScreening {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub safety_concerns: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
}

impl RawScreening {
    pub fn parse(
        &self,
        by: Option<String>,
        today: NaiveDate,
    ) -> Result<Screening, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = day(&mut errors, "on", &self.on, today);
        let safety_concerns = optional(&mut errors, "safety_concerns", &self.safety_concerns);
        let decision = choice(
            &mut errors,
            "decision",
            &self.decision,
            ScreeningDecision::parse,
        );
        let reason = required(&mut errors, "reason", &self.reason, TEXT_MAX_LEN);
        match (on, decision, reason) {
            (Some(on), Some(decision), Some(reason)) if errors.is_empty() => Ok(Screening {
                on,
                safety_concerns,
                decision,
                reason,
                by,
            }),
            _ => Err(errors),
        }
    }
}

/// An agreement as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawAgreement {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub contact_how: String,
    #[serde(default)]
    pub contact_frequency: String,
    #[serde(default)]
    pub meetings_part: String,
}

impl RawAgreement {
    /// At least one role; roles in the order of [`JimRole::ALL`], each once.
    pub fn parse(&self, today: NaiveDate) -> Result<Agreement, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = day(&mut errors, "on", &self.on, today);
        let mut roles = Vec::new();
        for raw in self.roles.iter().filter(|r| !r.trim().is_empty()) {
            match JimRole::parse(raw) {
                Some(r) => roles.push(r),
                None => {
                    errors.push(FieldError::new("roles", "error-unknown-value"));
                    break;
                }
            }
        }
        roles.sort();
        roles.dedup();
        if roles.is_empty() && errors.iter().all(|e| e.field != "roles") {
            errors.push(FieldError::new("roles", "support-error-roles"));
        }
        let contact_how = required(&mut errors, "contact_how", &self.contact_how, TEXT_MAX_LEN);
        let contact_frequency = match text(
            "contact_frequency",
            &self.contact_frequency,
            LINE_MAX_LEN,
            false,
        ) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                errors.push(FieldError::new("contact_frequency", "error-required"));
                None
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let meetings_part = optional(&mut errors, "meetings_part", &self.meetings_part);
        match (on, contact_how, contact_frequency) {
            (Some(on), Some(contact_how), Some(contact_frequency)) if errors.is_empty() => {
                Ok(Agreement {
                    on,
                    roles,
                    contact_how,
                    contact_frequency,
                    meetings_part,
                })
            }
            _ => Err(errors),
        }
    }
}

/// An end as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawEnding {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub youth_view: String,
}

impl RawEnding {
    pub fn parse(&self, today: NaiveDate) -> Result<Ending, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = day(&mut errors, "on", &self.on, today);
        let reason = required(&mut errors, "reason", &self.reason, TEXT_MAX_LEN);
        let youth_view = optional(&mut errors, "youth_view", &self.youth_view);
        match (on, reason) {
            (Some(on), Some(reason)) if errors.is_empty() => Ok(Ending {
                on,
                reason,
                youth_view,
            }),
            _ => Err(errors),
        }
    }
}

/// A log entry as typed (coaching by the professional, a contact moment by the support figure).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawLogEntry {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub text: String,
}

impl RawLogEntry {
    pub fn parse(
        &self,
        id: String,
        kind: LogKind,
        by: &str,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<LogEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let on = day(&mut errors, "on", &self.on, today);
        let text = required(&mut errors, "text", &self.text, TEXT_MAX_LEN);
        match (on, text) {
            (Some(on), Some(text)) if errors.is_empty() => Ok(LogEntry {
                id,
                kind,
                on,
                text,
                by: by.chars().take(LINE_MAX_LEN).collect(),
                at,
            }),
            _ => Err(errors),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Small parsers shared with concerns and deliberations
// ---------------------------------------------------------------------------------------------

/// A date typed as `YYYY-MM-DD`: empty is `today`; after `today` is refused.
pub(crate) fn day(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Some(today);
    }
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(d) if d > today => {
            errors.push(FieldError::new(field, "error-date-future"));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(field, "error-date-format"));
            None
        }
    }
}

/// Free text that must be there (lines allowed).
pub(crate) fn required(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    max: usize,
) -> Option<String> {
    match text(field, raw, max, true) {
        Ok(Some(v)) => Some(v),
        Ok(None) => {
            errors.push(FieldError::new(field, "error-required"));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

/// Free text that may be empty (lines allowed).
pub(crate) fn optional(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
) -> Option<String> {
    text(field, raw, TEXT_MAX_LEN, true).unwrap_or_else(|e| {
        errors.push(e);
        None
    })
}

/// One value of a list: required, and one of the known values.
pub(crate) fn choice<T>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    if raw.trim().is_empty() {
        errors.push(FieldError::new(field, "error-required"));
        return None;
    }
    let found = parse(raw);
    if found.is_none() {
        errors.push(FieldError::new(field, "error-unknown-value"));
    }
    found
}

/// Every message key this module and [`crate::concern`] can hand the interface.
pub const MESSAGE_KEYS: &[&str] = &[
    "support-kind-jim",
    "support-kind-citizen-guardian",
    "support-kind-network-foster-family",
    "jim-role-socio-emotional",
    "jim-role-practical",
    "jim-role-guidance",
    "jim-role-role-model",
    "jim-role-mobilising",
    "support-status-nominated",
    "support-status-screened",
    "support-status-active",
    "support-status-ended",
    "screening-approve",
    "screening-decline",
    "support-log-coaching",
    "support-log-contact",
    "support-error-accept",
    "support-error-screen",
    "support-error-agree",
    "support-error-end",
    "support-error-member",
    "support-error-roles",
    "error-date-future",
    "error-date-format",
    "error-required",
    "error-unknown-value",
    "error-too-long",
    "error-control-characters",
    "concern-about-informal-support",
    "concern-seriousness-low",
    "concern-seriousness-medium",
    "concern-seriousness-high",
    "concern-status-open",
    "concern-status-closed",
    "concern-error-closed",
    "deliberation-error-participants",
    "error-too-many",
];

impl fmt::Display for SupportFigure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.member_name)
    }
}

#[cfg(test)]
mod tests;
