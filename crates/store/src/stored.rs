//! Rows as the database holds them, before they become domain values.
//!
//! Both ways of reading a row go through these: column by column (the backends' `from_row`
//! helpers fill them) and as JSON, where one statement aggregates a whole list into one value
//! (see [`crate::Store::case_page`]). So the rules that turn stored codes into domain values —
//! and refuse unknown ones — exist once.
//!
//! JSON differs per backend in two ways that the deserializers here absorb: SQLite has no
//! boolean type (a flag arrives as `0`/`1`), and it keeps timestamps as the text sqlx wrote,
//! while PostgreSQL writes them as ISO 8601 with the session's offset.

use crate::{DestructionRequest, Invitation, Participant, ParticipantEntry, ParticipantKind};
use crate::{Network, VersionSummary};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use steunkring_domain::UserId;
use steunkring_domain::case::Parent;
use steunkring_domain::consent::Party;
use steunkring_domain::ids::{CaseId, VersionId};
use steunkring_domain::network::{
    ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring,
    Sector, Stance, Support, SupportType, Tie, TieKind, TieQuality,
};
use steunkring_domain::rights::DestructionStatus;

/// Why a stored value could not be read (an unknown code, malformed JSON).
pub type Undecodable = String;

/// A flag: `true`/`false` from PostgreSQL, `1`/`0` from SQLite. A visitor rather than an
/// untagged enum: that would buffer every value and build an error for each SQLite flag.
fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct Flag;
    impl serde::de::Visitor<'_> for Flag {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a boolean, 0 or 1")
        }
        fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }
    }
    d.deserialize_any(Flag)
}

/// A timestamp as stored: RFC 3339 (what sqlx writes to SQLite, and PostgreSQL's JSON), or
/// SQLite's own `YYYY-MM-DD HH:MM:SS` read as UTC.
pub fn parse_time(raw: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Some(t.with_timezone(&Utc));
    }
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%d %H:%M:%S%.f")
        .ok()
        .map(|t| t.and_utc())
}

fn time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let raw = String::deserialize(d)?;
    parse_time(&raw).ok_or_else(|| D::Error::custom(format!("not a timestamp: {raw}")))
}

fn optional_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(raw) => parse_time(&raw)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not a timestamp: {raw}"))),
    }
}

/// A JSON list aggregated by the database; `None` (PostgreSQL's aggregate over no rows) is an
/// empty list.
pub fn json_list<T: DeserializeOwned>(raw: Option<&str>) -> Result<Vec<T>, Undecodable> {
    match raw {
        None => Ok(Vec::new()),
        Some(json) => serde_json::from_str(json).map_err(|e| e.to_string()),
    }
}

/// A parent of a case.
#[derive(Deserialize)]
pub struct StoredParent {
    pub name: String,
    #[serde(deserialize_with = "flag")]
    pub gezag: bool,
}

impl From<StoredParent> for Parent {
    fn from(p: StoredParent) -> Parent {
        Parent {
            name: p.name,
            gezag: p.gezag,
        }
    }
}

/// A network member's columns.
#[derive(Deserialize)]
pub struct StoredMember {
    pub id: String,
    pub name: String,
    pub relation: String,
    pub ring: i64,
    pub sector: String,
    pub level: Option<String>,
    /// `type:direction` pairs, comma-separated.
    pub support: String,
    pub tie_quality: Option<String>,
    pub stance: String,
    /// Role codes, comma-separated.
    pub roles: String,
    pub protective: Option<String>,
    pub risk: Option<String>,
    #[serde(deserialize_with = "flag")]
    pub available: bool,
    #[serde(deserialize_with = "flag")]
    pub is_adult: bool,
    pub known_years: Option<String>,
    pub contact_frequency: Option<i64>,
}

/// Support as stored: `type:direction` pairs, comma-separated; unknown pairs are skipped.
pub fn support_from_text(raw: &str) -> Vec<Support> {
    raw.split(',')
        .filter_map(|pair| {
            let (kind, direction) = pair.split_once(':')?;
            Some(Support {
                kind: SupportType::parse(kind)?,
                direction: Direction::parse(direction)?,
            })
        })
        .collect()
}

impl StoredMember {
    /// The member; an unknown ring, sector or stance is an error (they are required), an
    /// unknown optional code reads as not recorded.
    pub fn into_member(self) -> Result<NetworkMember, Undecodable> {
        let bad = |what: &str| format!("stored member has an unknown {what}");
        let ring = u8::try_from(self.ring)
            .ok()
            .and_then(|r| Ring::parse(r).ok())
            .ok_or_else(|| bad("ring"))?;
        Ok(NetworkMember {
            id: MemberId::from_stored(self.id),
            name: self.name,
            relation: self.relation,
            ring,
            sector: Sector::parse(&self.sector).ok_or_else(|| bad("sector"))?,
            level: self.level.as_deref().and_then(Level::parse),
            support: support_from_text(&self.support),
            tie_quality: self.tie_quality.as_deref().and_then(TieQuality::parse),
            stance: Stance::parse(&self.stance).ok_or_else(|| bad("stance"))?,
            roles: self
                .roles
                .split(',')
                .filter_map(MemberRole::parse)
                .collect(),
            protective: self.protective,
            risk: self.risk,
            available: self.available,
            is_adult: self.is_adult,
            known_years: self.known_years.as_deref().and_then(KnownYears::parse),
            contact_frequency: self
                .contact_frequency
                .and_then(|c| u8::try_from(c).ok())
                .and_then(ContactFrequency::from_score),
        })
    }
}

/// A tie's columns.
#[derive(Deserialize)]
pub struct StoredTie {
    pub from_member: String,
    pub to_member: String,
    pub kind: String,
}

impl StoredTie {
    pub fn into_tie(self) -> Result<Tie, Undecodable> {
        Ok(Tie {
            from: MemberId::from_stored(self.from_member),
            to: MemberId::from_stored(self.to_member),
            kind: TieKind::parse(&self.kind).ok_or("unknown tie kind")?,
        })
    }
}

/// Members and ties as two JSON lists.
pub fn network_from_json(
    members: Option<&str>,
    ties: Option<&str>,
) -> Result<Network, Undecodable> {
    Ok(Network {
        members: json_list::<StoredMember>(members)?
            .into_iter()
            .map(StoredMember::into_member)
            .collect::<Result<_, _>>()?,
        ties: json_list::<StoredTie>(ties)?
            .into_iter()
            .map(StoredTie::into_tie)
            .collect::<Result<_, _>>()?,
    })
}

/// A saved version without its snapshot.
#[derive(Deserialize)]
pub struct StoredVersion {
    pub id: String,
    pub title: String,
    pub taken_on: NaiveDate,
    pub member_count: i64,
    #[serde(deserialize_with = "time")]
    pub created_at: DateTime<Utc>,
}

impl From<StoredVersion> for VersionSummary {
    fn from(v: StoredVersion) -> VersionSummary {
        VersionSummary {
            id: VersionId::from_stored(v.id),
            title: v.title,
            taken_on: v.taken_on,
            member_count: v.member_count,
            created_at: v.created_at,
        }
    }
}

/// A participant with the columns of their latest invitation (`i_*`, all empty when none).
#[derive(Deserialize)]
pub struct StoredParticipant {
    pub p_id: String,
    pub p_case_id: String,
    pub p_kind: String,
    pub p_display_name: String,
    pub p_member_id: Option<String>,
    pub p_parent_index: Option<i64>,
    pub p_user_id: Option<String>,
    #[serde(deserialize_with = "time")]
    pub p_created_at: DateTime<Utc>,
    pub i_id: Option<String>,
    #[serde(default, deserialize_with = "optional_time")]
    pub i_created_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "optional_time")]
    pub i_expires_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "optional_time")]
    pub i_used_at: Option<DateTime<Utc>>,
    #[serde(default, deserialize_with = "optional_time")]
    pub i_revoked_at: Option<DateTime<Utc>>,
}

impl StoredParticipant {
    pub fn into_entry(self) -> Result<ParticipantEntry, Undecodable> {
        let invitation = match self.i_id {
            None => None,
            Some(id) => Some(Invitation {
                id,
                participant_id: self.p_id.clone(),
                created_at: self.i_created_at.ok_or("invitation without its time")?,
                expires_at: self.i_expires_at.ok_or("invitation without its expiry")?,
                used_at: self.i_used_at,
                revoked_at: self.i_revoked_at,
            }),
        };
        Ok(ParticipantEntry {
            participant: Participant {
                id: self.p_id,
                case_id: CaseId::from_stored(self.p_case_id),
                kind: ParticipantKind::parse(&self.p_kind).ok_or("unknown participant kind")?,
                display_name: self.p_display_name,
                member_id: self.p_member_id.map(MemberId::from_stored),
                parent_index: self.p_parent_index.and_then(|i| u8::try_from(i).ok()),
                user_id: self.p_user_id.map(UserId::from_stored),
                created_at: self.p_created_at,
            },
            invitation,
        })
    }
}

/// A destruction request's columns.
#[derive(Deserialize)]
pub struct StoredDestruction {
    pub id: String,
    pub case_id: String,
    pub requested_by: String,
    pub received_on: NaiveDate,
    pub deadline: NaiveDate,
    pub note: Option<String>,
    pub status: String,
    pub exception_reason: Option<String>,
    pub decided_by: Option<String>,
    #[serde(default, deserialize_with = "optional_time")]
    pub decided_at: Option<DateTime<Utc>>,
    pub created_by: Option<String>,
    #[serde(deserialize_with = "time")]
    pub created_at: DateTime<Utc>,
}

impl StoredDestruction {
    pub fn into_request(self) -> Result<DestructionRequest, Undecodable> {
        Ok(DestructionRequest {
            id: self.id,
            case_id: CaseId::from_stored(self.case_id),
            requested_by: Party::parse_code(&self.requested_by).ok_or("unknown party")?,
            received_on: self.received_on,
            deadline: self.deadline,
            note: self.note,
            status: DestructionStatus::parse(&self.status).ok_or("unknown destruction status")?,
            exception_reason: self.exception_reason,
            decided_by: self.decided_by.map(UserId::from_stored),
            decided_at: self.decided_at,
            created_by: self.created_by.map(UserId::from_stored),
            created_at: self.created_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_times_from_either_backend() {
        let sqlite: StoredParent =
            serde_json::from_str(r#"{"name":"A","gezag":1}"#).expect("sqlite flag");
        let pg: StoredParent =
            serde_json::from_str(r#"{"name":"A","gezag":false}"#).expect("postgres flag");
        assert!(sqlite.gezag && !pg.gezag);
        let a = parse_time("2026-03-01T09:00:00.123456+00:00").expect("sqlx text");
        let b = parse_time("2026-03-01T10:00:00.123456+01:00").expect("postgres json");
        let c = parse_time("2026-03-01 09:00:00.123456").expect("sqlite's own");
        assert_eq!((a, b), (c, c));
        assert_eq!(parse_time("maandag"), None);
    }

    #[test]
    fn no_rows_is_an_empty_list() {
        assert!(json_list::<StoredTie>(None).expect("none").is_empty());
        assert!(
            json_list::<StoredTie>(Some("[]"))
                .expect("empty")
                .is_empty()
        );
        assert!(json_list::<StoredTie>(Some("[{")).is_err());
    }
}
