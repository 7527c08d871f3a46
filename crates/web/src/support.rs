//! What the support-figure pages and the API share: the people on the map one may nominate or
//! be concerned about, today's date in the Netherlands, fresh ids, and the read entry in the
//! audit trail (NEN 7513: reading support figures, concerns and deliberations is reading the
//! file).

use crate::cases::case_event;
use crate::state::AppState;
use chrono::{NaiveDate, Utc};
use steunkring_domain::Actor;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::network::{MemberId, NetworkMember, Stance};
use steunkring_store::{Case, OrgScope, StoreError};

/// The map's members as (id, name): the people a concern may name.
pub async fn map_people(
    state: &AppState,
    actor: &Actor,
    case: &Case,
) -> Result<Vec<(MemberId, String)>, StoreError> {
    people(state, actor, case, |_| true).await
}

/// The people who may be nominated as support figure: everyone on the map but those the young
/// person rejected (their right to reject the network, seed 004).
pub async fn nominable_people(
    state: &AppState,
    actor: &Actor,
    case: &Case,
) -> Result<Vec<(MemberId, String)>, StoreError> {
    people(state, actor, case, |m| m.stance != Stance::Rejected).await
}

async fn people(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    keep: impl Fn(&NetworkMember) -> bool,
) -> Result<Vec<(MemberId, String)>, StoreError> {
    Ok(state
        .store
        .network(&OrgScope::of(actor), &case.id)
        .await?
        .members
        .into_iter()
        .filter(|m| keep(m))
        .map(|m| (m.id, m.name))
        .collect())
}

/// Today in the Netherlands: dates typed by people are Dutch dates.
pub fn today() -> NaiveDate {
    steunkring_domain::consent::dutch_date(Utc::now())
}

/// A fresh id for a support figure, log entry, concern or deliberation.
pub fn new_id() -> String {
    steunkring_domain::ids::AuditId::generate().to_string()
}

/// Writes the read of `object` (e.g. `support_figures`) on the case to the audit trail, durable
/// before the answer goes out.
pub async fn record_read(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    object: &str,
    addr: &str,
) -> Result<(), StoreError> {
    state
        .audit
        .record(
            case_event(actor, AuditAction::Read, &case.id, addr).object(object, case.id.as_str()),
        )
        .await
}
