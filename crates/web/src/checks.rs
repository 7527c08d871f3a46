//! What the support-check pages (the professional's and the participant's) and the API share:
//! the members a check asks about, when the next check is due, and the answer form's fields.

use crate::state::AppState;
use chrono::NaiveDate;
use serde::Deserialize;
use steunkring_domain::FieldError;
use steunkring_domain::measure::{
    CheckInterval, MemberAnswer, RawMemberAnswer, SupportCheck, next_due,
};
use steunkring_domain::network::{MemberId, NetworkMember, NumberOrText};
use steunkring_store::{Case, OrgScope, StoreError, StoredSupportCheck};

/// The members of the map, in the map's order: whom a check asks about, one per screen.
pub async fn map_members(
    state: &AppState,
    scope: &OrgScope,
    case: &Case,
) -> Result<Vec<NetworkMember>, StoreError> {
    Ok(state.store.network(scope, &case.id).await?.members)
}

pub fn member_ids(members: &[NetworkMember]) -> Vec<MemberId> {
    members.iter().map(|m| m.id.clone()).collect()
}

/// When the next check is due: the case's interval (by default three months) after the last
/// finished check, or after the case was opened when none was finished yet.
pub fn next_check_due(
    case: &Case,
    checks: &[StoredSupportCheck],
    every: CheckInterval,
) -> NaiveDate {
    let last = checks.iter().filter_map(|c| c.check.finished_on()).max();
    next_due(last, case.opened_on, every)
}

/// Parses one member's answer and checks that the member is on this case's map.
pub fn parse_answer(
    raw: &RawMemberAnswer,
    check: &SupportCheck,
    members: &[MemberId],
) -> Result<MemberAnswer, Vec<FieldError>> {
    let answer = MemberAnswer::parse(raw)?;
    let mut probe = check.clone();
    probe.record(answer.clone(), members).map_err(|e| vec![e])?;
    Ok(answer)
}

/// The answer form as a browser sends it: every field text.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub member: String,
    pub perceived_concrete: String,
    pub perceived_emotional: String,
    pub perceived_informational: String,
    pub received_concrete: String,
    pub received_emotional: String,
    pub received_informational: String,
    pub criticalness: String,
    pub direction: String,
    pub closeness: String,
    pub seen: String,
    pub known: String,
    /// `pause` to save and leave; anything else saves and goes on to the next member.
    pub then: String,
}

impl AnswerForm {
    pub fn raw(&self) -> RawMemberAnswer {
        let n = |s: &String| Some(NumberOrText::Text(s.clone()));
        RawMemberAnswer {
            member: self.member.clone(),
            perceived_concrete: n(&self.perceived_concrete),
            perceived_emotional: n(&self.perceived_emotional),
            perceived_informational: n(&self.perceived_informational),
            received_concrete: n(&self.received_concrete),
            received_emotional: n(&self.received_emotional),
            received_informational: n(&self.received_informational),
            criticalness: n(&self.criticalness),
            direction: Some(self.direction.clone()),
            closeness: n(&self.closeness),
            seen: n(&self.seen),
            known: Some(self.known.clone()),
        }
    }
}
