//! The one plan (*1 gezin, 1 plan*): goals in the words of whoever holds them, actions — what,
//! **who**, by when — and a safety section in Signs of Safety form, adopted as numbered
//! versions that participants sign off from their own account.
//!
//! Everything here is pure: parsing what people typed into values that cannot be wrong,
//! who holds an action, which actions are overdue, and what changed between two versions.

use crate::FieldError;
use crate::consent::{Viewer, value_list};
use crate::network::MemberId;
use crate::network::input::text;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest goal, action or agreement text: a few paragraphs, not a report.
pub const TEXT_MAX_LEN: usize = 2000;
/// The longest name of a holder or watcher typed by hand.
pub const NAME_MAX_LEN: usize = 200;

value_list!(
    /// Whose goal it is, in their own words.
    GoalHolder {
        Youth = "youth",
        Parent = "parent",
        Network = "network",
        Professional = "professional",
    }
);

impl GoalHolder {
    pub fn label_key(self) -> &'static str {
        match self {
            GoalHolder::Youth => "plan-holder-youth",
            GoalHolder::Parent => "plan-holder-parent",
            GoalHolder::Network => "plan-holder-network",
            GoalHolder::Professional => "plan-holder-professional",
        }
    }
}

value_list!(
    /// Where an action stands.
    ActionStatus {
        Open = "open",
        Doing = "doing",
        Done = "done",
        Stopped = "stopped",
    }
);

impl ActionStatus {
    pub fn label_key(self) -> &'static str {
        match self {
            ActionStatus::Open => "plan-status-open",
            ActionStatus::Doing => "plan-status-doing",
            ActionStatus::Done => "plan-status-done",
            ActionStatus::Stopped => "plan-status-stopped",
        }
    }

    /// Still to be done: open or under way.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::Doing)
    }
}

/// Who holds an action: the young person, a parent (by index into the case's parents), a
/// member of the network, or a professional (an account).
///
/// On the wire a short code: `youth`, `parent:0`, `member:<id>`, `professional:<user id>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Performer {
    Youth,
    Parent(u8),
    Member(MemberId),
    Professional(String),
}

impl Performer {
    pub fn as_code(&self) -> String {
        match self {
            Performer::Youth => "youth".into(),
            Performer::Parent(i) => format!("parent:{i}"),
            Performer::Member(m) => format!("member:{m}"),
            Performer::Professional(u) => format!("professional:{u}"),
        }
    }

    /// The performer for its code; ids must be non-empty, at most 100 characters, without
    /// spaces around them or control characters.
    pub fn parse_code(raw: &str) -> Option<Performer> {
        let raw = raw.trim();
        if raw == "youth" {
            return Some(Performer::Youth);
        }
        let (kind, id) = raw.split_once(':')?;
        let valid = !id.is_empty()
            && id.trim() == id
            && id.chars().count() <= 100
            && !id.chars().any(char::is_control);
        if !valid {
            return None;
        }
        match kind {
            "parent" => id.parse::<u8>().ok().map(Performer::Parent),
            "member" => Some(Performer::Member(MemberId::from_stored(id))),
            "professional" => Some(Performer::Professional(id.to_string())),
            _ => None,
        }
    }

    /// Held by someone on the map. Whether that person is informal is the member's level
    /// (`NetworkMember::is_informal`); "the network is involved in the plan" counts actions
    /// held by informal members.
    pub fn is_member(&self) -> bool {
        matches!(self, Performer::Member(_))
    }
}

impl From<Performer> for String {
    fn from(p: Performer) -> String {
        p.as_code()
    }
}

impl TryFrom<String> for Performer {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Performer, FieldError> {
        Performer::parse_code(&raw).ok_or(FieldError::new("who", "error-unknown-value"))
    }
}

impl fmt::Display for Performer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_code())
    }
}

/// Who someone is in the case, as far as holding actions goes: enough to find "my tasks".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder<'a> {
    /// A participant: the viewer they are, and the network member they are on the map, if any.
    Participant {
        viewer: &'a Viewer,
        member: Option<&'a MemberId>,
    },
    /// A professional, by user id.
    Professional(&'a str),
}

impl Performer {
    /// Is this action held by `holder`? The young person holds `youth`; a parent their own
    /// index; a participant who is on the map (a support figure) the actions of that member;
    /// a professional the actions given to their account.
    pub fn is_held_by(&self, holder: &Holder<'_>) -> bool {
        match (self, holder) {
            (Performer::Youth, Holder::Participant { viewer, .. }) => {
                matches!(viewer, Viewer::Youth)
            }
            (Performer::Parent(i), Holder::Participant { viewer, .. }) => {
                matches!(viewer, Viewer::Parent { index, .. } if index == i)
            }
            (Performer::Member(m), Holder::Participant { member, .. }) => *member == Some(m),
            (Performer::Professional(u), Holder::Professional(me)) => u == me,
            _ => false,
        }
    }
}

/// A goal, in the words of whoever holds it, with how the family will know it is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: String,
    pub text: String,
    pub holder: GoalHolder,
    pub how_we_know: Option<String>,
}

/// A progress note on an action, written by the person who holds it (or the professional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressNote {
    pub at: DateTime<Utc>,
    /// The name of who wrote it, as shown in the plan.
    pub by: String,
    pub text: Option<String>,
    /// The status the action got with this note.
    pub status: ActionStatus,
}

/// One thing to do: what, who, by when, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: String,
    pub what: String,
    pub who: Performer,
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    /// The goal it serves, if any.
    pub goal_id: Option<String>,
    pub progress: Vec<ProgressNote>,
}

impl Action {
    /// Past its date and not done or stopped. A date is "past" from the day after it.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_pending() && self.due_on.is_some_and(|d| d < today)
    }
}

/// A safety agreement (*veiligheidsafspraak*): the concern, what is agreed, who keeps watch,
/// and what happens if it goes wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetyAgreement {
    pub id: String,
    pub concern: String,
    pub agreement: String,
    pub who_watches: String,
    pub if_wrong: String,
}

/// The safety section in Signs of Safety form: worries, what is working well, what needs to
/// happen, and the agreements. Shown only to those with consent for the safety section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafetySection {
    pub worries: Option<String>,
    pub working_well: Option<String>,
    pub needs_to_happen: Option<String>,
    pub agreements: Vec<SafetyAgreement>,
}

impl SafetySection {
    pub fn is_empty(&self) -> bool {
        self.worries.is_none()
            && self.working_well.is_none()
            && self.needs_to_happen.is_none()
            && self.agreements.is_empty()
    }
}

/// The plan of a case as it stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub goals: Vec<Goal>,
    pub actions: Vec<Action>,
    pub safety: SafetySection,
}

impl Plan {
    /// The actions `holder` holds, in plan order.
    pub fn tasks_of<'p>(&'p self, holder: &Holder<'_>) -> Vec<&'p Action> {
        self.actions
            .iter()
            .filter(|a| a.who.is_held_by(holder))
            .collect()
    }

    /// The actions past their date, in plan order.
    pub fn overdue(&self, today: NaiveDate) -> Vec<&Action> {
        self.actions
            .iter()
            .filter(|a| a.is_overdue(today))
            .collect()
    }

    /// The plan as someone without consent for the safety section sees it.
    pub fn without_safety(&self) -> Plan {
        Plan {
            goals: self.goals.clone(),
            actions: self.actions.clone(),
            safety: SafetySection::default(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// What people type
// ---------------------------------------------------------------------------------------------

/// A goal as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawGoal {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub holder: String,
    #[serde(default)]
    pub how_we_know: String,
}

impl RawGoal {
    /// A goal with `id`, or every problem at once.
    pub fn parse(&self, id: String) -> Result<Goal, Vec<FieldError>> {
        let mut errors = Vec::new();
        let text = required(&mut errors, "text", &self.text, TEXT_MAX_LEN, true);
        let holder = GoalHolder::parse(&self.holder);
        if holder.is_none() {
            errors.push(FieldError::new(
                "holder",
                if self.holder.trim().is_empty() {
                    "error-required"
                } else {
                    "error-unknown-value"
                },
            ));
        }
        let how_we_know = optional(&mut errors, "how_we_know", &self.how_we_know);
        match (text, holder) {
            (Some(text), Some(holder)) if errors.is_empty() => Ok(Goal {
                id,
                text,
                holder,
                how_we_know,
            }),
            _ => Err(errors),
        }
    }
}

/// An action as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawAction {
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub due_on: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub goal_id: String,
}

impl RawAction {
    /// An action with `id`, or every problem at once. The caller checks that a member or goal
    /// named here exists in the case (see [`Plan::check_references`]).
    pub fn parse(&self, id: String) -> Result<Action, Vec<FieldError>> {
        let mut errors = Vec::new();
        let what = required(&mut errors, "what", &self.what, TEXT_MAX_LEN, true);
        let who = if self.who.trim().is_empty() {
            errors.push(FieldError::new("who", "error-required"));
            None
        } else {
            let parsed = Performer::parse_code(&self.who);
            if parsed.is_none() {
                errors.push(FieldError::new("who", "error-unknown-value"));
            }
            parsed
        };
        let due_on = match self.due_on.trim() {
            "" => None,
            raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(FieldError::new("due_on", "error-date-format"));
                    None
                }
            },
        };
        let status = match self.status.trim() {
            "" => Some(ActionStatus::Open),
            raw => ActionStatus::parse(raw),
        };
        if status.is_none() {
            errors.push(FieldError::new("status", "error-unknown-value"));
        }
        let goal_id = match text("goal_id", &self.goal_id, 100, false) {
            Ok(g) => g,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        match (what, who, status) {
            (Some(what), Some(who), Some(status)) if errors.is_empty() => Ok(Action {
                id,
                what,
                who,
                due_on,
                status,
                goal_id,
                progress: Vec::new(),
            }),
            _ => Err(errors),
        }
    }
}

/// The three texts of the safety section: worries, working well, needs to happen.
pub type SafetyTexts = (Option<String>, Option<String>, Option<String>);

/// The safety texts as typed (the agreements come one at a time).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawSafety {
    #[serde(default)]
    pub worries: String,
    #[serde(default)]
    pub working_well: String,
    #[serde(default)]
    pub needs_to_happen: String,
}

impl RawSafety {
    /// The three texts, each optional.
    pub fn parse(&self) -> Result<SafetyTexts, Vec<FieldError>> {
        let mut errors = Vec::new();
        let worries = optional(&mut errors, "worries", &self.worries);
        let working_well = optional(&mut errors, "working_well", &self.working_well);
        let needs = optional(&mut errors, "needs_to_happen", &self.needs_to_happen);
        if errors.is_empty() {
            Ok((worries, working_well, needs))
        } else {
            Err(errors)
        }
    }
}

/// A safety agreement as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RawAgreement {
    #[serde(default)]
    pub concern: String,
    #[serde(default)]
    pub agreement: String,
    #[serde(default)]
    pub who_watches: String,
    #[serde(default)]
    pub if_wrong: String,
}

impl RawAgreement {
    pub fn parse(&self, id: String) -> Result<SafetyAgreement, Vec<FieldError>> {
        let mut errors = Vec::new();
        let concern = required(&mut errors, "concern", &self.concern, TEXT_MAX_LEN, true);
        let agreement = required(
            &mut errors,
            "agreement",
            &self.agreement,
            TEXT_MAX_LEN,
            true,
        );
        let who_watches = required(
            &mut errors,
            "who_watches",
            &self.who_watches,
            NAME_MAX_LEN,
            false,
        );
        let if_wrong = required(&mut errors, "if_wrong", &self.if_wrong, TEXT_MAX_LEN, true);
        match (concern, agreement, who_watches, if_wrong) {
            (Some(concern), Some(agreement), Some(who_watches), Some(if_wrong))
                if errors.is_empty() =>
            {
                Ok(SafetyAgreement {
                    id,
                    concern,
                    agreement,
                    who_watches,
                    if_wrong,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A progress note as typed by the holder: a new status and an optional note.
pub fn parse_progress(
    status: &str,
    note: &str,
    by: &str,
    at: DateTime<Utc>,
) -> Result<ProgressNote, Vec<FieldError>> {
    let mut errors = Vec::new();
    let status = ActionStatus::parse(status);
    if status.is_none() {
        errors.push(FieldError::new("status", "error-unknown-value"));
    }
    let text = optional(&mut errors, "note", note);
    match status {
        Some(status) if errors.is_empty() => Ok(ProgressNote {
            at,
            by: by.chars().take(NAME_MAX_LEN).collect(),
            text,
            status,
        }),
        _ => Err(errors),
    }
}

fn required(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    raw: &str,
    max: usize,
    multiline: bool,
) -> Option<String> {
    match text(field, raw, max, multiline) {
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

fn optional(errors: &mut Vec<FieldError>, field: &'static str, raw: &str) -> Option<String> {
    text(field, raw, TEXT_MAX_LEN, true).unwrap_or_else(|e| {
        errors.push(e);
        None
    })
}

impl Plan {
    /// Every member and goal an action names must exist: a member of this case's network, a
    /// parent the case has, a goal of this plan. `members` are the ids on the map.
    pub fn check_references(
        &self,
        action: &Action,
        members: &[MemberId],
        parents: usize,
    ) -> Result<(), FieldError> {
        let who_ok = match &action.who {
            Performer::Youth | Performer::Professional(_) => true,
            Performer::Parent(i) => usize::from(*i) < parents,
            Performer::Member(m) => members.contains(m),
        };
        if !who_ok {
            return Err(FieldError::new("who", "error-unknown-value"));
        }
        if let Some(goal) = &action.goal_id
            && !self.goals.iter().any(|g| &g.id == goal)
        {
            return Err(FieldError::new("goal_id", "error-unknown-value"));
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Comparing versions
// ---------------------------------------------------------------------------------------------

/// How one action changed between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionChange {
    pub id: String,
    pub what: String,
    pub what_changed: bool,
    pub who: Option<(Performer, Performer)>,
    pub due_on: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub status: Option<(ActionStatus, ActionStatus)>,
}

/// What changed from plan `a` (older) to plan `b` (newer); items keep their ids across
/// versions, so a changed text is a change, not a removal and an addition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PlanChanges {
    pub goals_added: Vec<Goal>,
    pub goals_removed: Vec<Goal>,
    pub goals_changed: Vec<(Goal, Goal)>,
    pub actions_added: Vec<Action>,
    pub actions_removed: Vec<Action>,
    pub actions_changed: Vec<ActionChange>,
    pub agreements_added: Vec<SafetyAgreement>,
    pub agreements_removed: Vec<SafetyAgreement>,
    pub agreements_changed: Vec<(SafetyAgreement, SafetyAgreement)>,
    pub safety_texts_changed: bool,
}

impl PlanChanges {
    pub fn is_empty(&self) -> bool {
        *self == PlanChanges::default()
    }
}

fn diff<T: Clone + PartialEq>(
    a: &[T],
    b: &[T],
    id: impl Fn(&T) -> &str,
) -> (Vec<T>, Vec<T>, Vec<(T, T)>) {
    let added = b
        .iter()
        .filter(|x| !a.iter().any(|y| id(y) == id(x)))
        .cloned()
        .collect();
    let removed = a
        .iter()
        .filter(|x| !b.iter().any(|y| id(y) == id(x)))
        .cloned()
        .collect();
    let changed = a
        .iter()
        .filter_map(|x| {
            b.iter()
                .find(|y| id(y) == id(x))
                .filter(|y| *y != x)
                .map(|y| (x.clone(), y.clone()))
        })
        .collect();
    (added, removed, changed)
}

/// What changed between two plans (progress notes alone are not a change of the plan).
pub fn compare(a: &Plan, b: &Plan) -> PlanChanges {
    let (goals_added, goals_removed, goals_changed) = diff(&a.goals, &b.goals, |g| &g.id);
    let strip = |p: &Plan| -> Vec<Action> {
        p.actions
            .iter()
            .map(|x| Action {
                progress: Vec::new(),
                ..x.clone()
            })
            .collect()
    };
    let (actions_added, actions_removed, changed) = diff(&strip(a), &strip(b), |x| &x.id);
    let actions_changed = changed
        .into_iter()
        .map(|(x, y)| ActionChange {
            id: y.id.clone(),
            what: y.what.clone(),
            what_changed: x.what != y.what,
            who: (x.who != y.who).then(|| (x.who.clone(), y.who.clone())),
            due_on: (x.due_on != y.due_on).then_some((x.due_on, y.due_on)),
            status: (x.status != y.status).then_some((x.status, y.status)),
        })
        .collect();
    let (agreements_added, agreements_removed, agreements_changed) =
        diff(&a.safety.agreements, &b.safety.agreements, |x| &x.id);
    PlanChanges {
        goals_added,
        goals_removed,
        goals_changed,
        actions_added,
        actions_removed,
        actions_changed,
        agreements_added,
        agreements_removed,
        agreements_changed,
        safety_texts_changed: (
            &a.safety.worries,
            &a.safety.working_well,
            &a.safety.needs_to_happen,
        ) != (
            &b.safety.worries,
            &b.safety.working_well,
            &b.safety.needs_to_happen,
        ),
    }
}

/// Participants (id, name) who confirmed a version, and those who did not yet.
pub type SignOffSplit<'a> = (Vec<&'a (String, String)>, Vec<&'a (String, String)>);

/// Who has and who has not confirmed a version: `invited` are the participants who can see
/// the plan, `signed` the participant ids that confirmed it.
pub fn sign_off_status<'a>(invited: &'a [(String, String)], signed: &[String]) -> SignOffSplit<'a> {
    invited.iter().partition(|(id, _)| signed.contains(id))
}

#[cfg(test)]
mod tests;
