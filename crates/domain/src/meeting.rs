//! Network meetings (*netwerkberaad*, *familienetwerkberaad* / Eigen Kracht-conferentie, Signs
//! of Safety network meeting): the family's own question, invitees from the map, who came, the
//! part without professionals (*private family time*), and the plan it ends with.

use crate::FieldError;
use crate::consent::{Category, SharingContext, Viewer, value_list, visibility};
use crate::network::MemberId;
use crate::network::input::text;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

value_list!(
    /// The kind of meeting.
    MeetingKind {
        /// *Netwerkberaad*: the professional brings the network together.
        NetworkMeeting = "network_meeting",
        /// *Familienetwerkberaad* / Eigen Kracht-conferentie / Family Group Conference: the
        /// family makes its own plan (the *familiegroepsplan* the Jeugdwet offers).
        FamilyGroupConference = "family_group_conference",
        /// A Signs of Safety network meeting about safety agreements.
        SignsOfSafety = "signs_of_safety",
    }
);

impl MeetingKind {
    pub fn label_key(self) -> &'static str {
        match self {
            MeetingKind::NetworkMeeting => "meeting-kind-network-meeting",
            MeetingKind::FamilyGroupConference => "meeting-kind-family-group-conference",
            MeetingKind::SignsOfSafety => "meeting-kind-signs-of-safety",
        }
    }
}

value_list!(
    /// Where a meeting stands.
    MeetingStatus {
        Planned = "planned",
        Held = "held",
        Cancelled = "cancelled",
    }
);

impl MeetingStatus {
    pub fn label_key(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "meeting-status-planned",
            MeetingStatus::Held => "meeting-status-held",
            MeetingStatus::Cancelled => "meeting-status-cancelled",
        }
    }
}

/// Someone invited: a member of the map (by id) with the name they have there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitee {
    pub member_id: MemberId,
    pub name: String,
    /// Came (`Some(true)`), did not come (`Some(false)`), not yet recorded (`None`).
    pub attended: Option<bool>,
}

/// A network meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub kind: MeetingKind,
    /// The family's own question, in its own words.
    pub own_question: String,
    pub starts_at: DateTime<Utc>,
    pub minutes: u16,
    pub location: Option<String>,
    pub status: MeetingStatus,
    pub invitees: Vec<Invitee>,
    /// Minutes the family spent without professionals.
    pub private_minutes: Option<u16>,
    pub notes: Option<String>,
    /// The plan version this meeting adopted.
    pub plan_version: Option<String>,
}

impl Meeting {
    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + TimeDelta::minutes(i64::from(self.minutes))
    }
}

/// A meeting as typed when planning it. `starts_at` is a local Dutch time
/// (`YYYY-MM-DDTHH:MM`, as a browser's `datetime-local` sends it) or RFC 3339.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawMeeting {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub own_question: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub minutes: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub invitees: Vec<String>,
}

/// The longest meeting: a whole day.
pub const MAX_MINUTES: u16 = 12 * 60;

impl RawMeeting {
    /// A planned meeting with `id`; `members` are the map's members (id, name), from which
    /// invitees must come.
    pub fn parse(
        &self,
        id: String,
        members: &[(MemberId, String)],
    ) -> Result<Meeting, Vec<FieldError>> {
        let mut errors = Vec::new();
        let kind = MeetingKind::parse(&self.kind);
        if kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                if self.kind.trim().is_empty() {
                    "error-required"
                } else {
                    "error-unknown-value"
                },
            ));
        }
        let own_question = match text("own_question", &self.own_question, 2000, true) {
            Ok(Some(q)) => Some(q),
            Ok(None) => {
                errors.push(FieldError::new("own_question", "error-required"));
                None
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let starts_at = parse_local_time(&self.starts_at);
        if starts_at.is_none() {
            errors.push(FieldError::new(
                "starts_at",
                if self.starts_at.trim().is_empty() {
                    "error-required"
                } else {
                    "error-date-time"
                },
            ));
        }
        let minutes = match self.minutes.trim() {
            "" => Some(120),
            raw => raw
                .parse::<u16>()
                .ok()
                .filter(|m| (15..=MAX_MINUTES).contains(m)),
        };
        if minutes.is_none() {
            errors.push(FieldError::new("minutes", "error-out-of-range"));
        }
        let location = text("location", &self.location, 200, false).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let mut invitees: Vec<Invitee> = Vec::new();
        for raw in &self.invitees {
            let raw = raw.trim();
            if raw.is_empty() || invitees.iter().any(|i| i.member_id.as_str() == raw) {
                continue;
            }
            match members.iter().find(|(m, _)| m.as_str() == raw) {
                Some((m, name)) => invitees.push(Invitee {
                    member_id: m.clone(),
                    name: name.clone(),
                    attended: None,
                }),
                None => {
                    errors.push(FieldError::new("invitees", "error-unknown-value"));
                    break;
                }
            }
        }
        match (kind, own_question, starts_at, minutes) {
            (Some(kind), Some(own_question), Some(starts_at), Some(minutes))
                if errors.is_empty() =>
            {
                Ok(Meeting {
                    id,
                    kind,
                    own_question,
                    starts_at,
                    minutes,
                    location,
                    status: MeetingStatus::Planned,
                    invitees,
                    private_minutes: None,
                    notes: None,
                    plan_version: None,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A moment as typed: RFC 3339, or a Dutch local time `YYYY-MM-DDTHH:MM` (summer and winter
/// time handled as in the consent rules).
pub fn parse_local_time(raw: &str) -> Option<DateTime<Utc>> {
    let raw = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(t.with_timezone(&Utc));
    }
    let local = NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M"))
        .ok()?;
    // Amsterdam is UTC+1 in winter and UTC+2 in summer; try both and keep the one whose
    // Dutch reading gives back the typed time.
    [1, 2].into_iter().find_map(|h| {
        let utc = (local - TimeDelta::hours(h)).and_utc();
        (crate::consent::dutch_local(utc) == local).then_some(utc)
    })
}

/// What a meeting's attendance and notes look like when recording that it was held.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawHeld {
    #[serde(default)]
    pub attended: Vec<String>,
    #[serde(default)]
    pub private_minutes: String,
    #[serde(default)]
    pub notes: String,
}

impl RawHeld {
    /// Applies the record to `meeting`: who came (member ids), private family time, notes.
    pub fn apply(&self, meeting: &Meeting) -> Result<Meeting, Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.attended.iter().any(|a| {
            !meeting
                .invitees
                .iter()
                .any(|i| i.member_id.as_str() == a.trim())
        }) {
            errors.push(FieldError::new("attended", "error-unknown-value"));
        }
        let private_minutes = match self.private_minutes.trim() {
            "" => None,
            raw => match raw.parse::<u16>().ok().filter(|m| *m <= MAX_MINUTES) {
                Some(m) => Some(m),
                None => {
                    errors.push(FieldError::new("private_minutes", "error-out-of-range"));
                    None
                }
            },
        };
        let notes = text("notes", &self.notes, 10_000, true).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut held = meeting.clone();
        for i in &mut held.invitees {
            i.attended = Some(
                self.attended
                    .iter()
                    .any(|a| a.trim() == i.member_id.as_str()),
            );
        }
        held.private_minutes = private_minutes;
        held.notes = notes;
        held.status = MeetingStatus::Held;
        Ok(held)
    }
}

/// An invitee who would hear what they have no consent for: the categories a meeting about
/// the plan shows (the plan, and the safety section when there is one) that the consent rules
/// keep from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InviteeWarning {
    pub member_id: MemberId,
    pub name: String,
    pub categories: Vec<Category>,
}

/// Warnings for the invitees of a meeting. `viewer_of` gives the viewer an invitee is (their
/// participant account if they have one; someone on the map without an account is an
/// outsider to the file).
pub fn invitee_warnings(
    invitees: &[Invitee],
    viewer_of: impl Fn(&MemberId) -> Viewer,
    with_safety: bool,
    ctx: &SharingContext<'_>,
    now: DateTime<Utc>,
) -> Vec<InviteeWarning> {
    let categories: &[Category] = if with_safety {
        &[Category::Plan, Category::SafetySection]
    } else {
        &[Category::Plan]
    };
    invitees
        .iter()
        .filter_map(|i| {
            let viewer = viewer_of(&i.member_id);
            let missing: Vec<Category> = categories
                .iter()
                .copied()
                .filter(|c| !visibility(&viewer, *c, ctx, now).allowed)
                .collect();
            (!missing.is_empty()).then(|| InviteeWarning {
                member_id: i.member_id.clone(),
                name: i.name.clone(),
                categories: missing,
            })
        })
        .collect()
}

/// The date a meeting falls on, in the Netherlands.
pub fn meeting_day(m: &Meeting) -> NaiveDate {
    crate::consent::dutch_date(m.starts_at)
}

/// The Dutch local time of day a meeting starts.
pub fn meeting_time(m: &Meeting) -> NaiveTime {
    crate::consent::dutch_local(m.starts_at).time()
}

impl fmt::Display for Invitee {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

#[cfg(test)]
mod tests;
