//! The SQL both backends share.
//!
//! SQLite and PostgreSQL agree on almost every statement Steunkring needs (`$n` parameters,
//! `RETURNING`, `ON CONFLICT`), so the statements live once, here, and each backend crate
//! instantiates them with [`impl_sql_store!`](crate::impl_sql_store) for its own sqlx driver.
//! Where the dialects differ — how a write transaction starts, row locks, string aggregation —
//! the backend passes its own fragment. Each backend keeps its own migrations.
//!
//! Larger areas keep their SQL in a file of their own under `sql/` ([`PlanStore`](crate::PlanStore),
//! [`SupportStore`](crate::SupportStore)); their macros are expanded inside this one, so they
//! share its helpers.

#[doc(hidden)]
pub mod insight;
mod measure;
mod overview;
mod plan;
mod research;
mod support;

/// The numbers of rows one audit insert writes: a group commit is split greedily into these, so
/// that there are few statements per batch and only a few distinct statement texts (each is
/// prepared once per connection and kept).
#[doc(hidden)]
pub const AUDIT_INSERT_SIZES: [usize; 7] = [64, 32, 16, 8, 4, 2, 1];

/// The statement that inserts `rows` audit entries (one of [`AUDIT_INSERT_SIZES`]), made once.
#[doc(hidden)]
pub fn audit_insert(rows: usize) -> &'static str {
    use std::sync::OnceLock;
    static MADE: [OnceLock<String>; 7] = [const { OnceLock::new() }; 7];
    let slot = AUDIT_INSERT_SIZES
        .iter()
        .position(|&n| n == rows)
        .unwrap_or(AUDIT_INSERT_SIZES.len() - 1);
    MADE[slot].get_or_init(|| {
        let rows = AUDIT_INSERT_SIZES[slot];
        let mut sql = String::from(
            "INSERT INTO audit_log (seq, id, at, action, outcome, user_id, role, on_behalf_of, \
             org_id, case_id, object_type, object_id, purpose, source_addr, prev_hash, hash) VALUES ",
        );
        for row in 0..rows {
            if row > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for col in 0..16 {
                if col > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!("${}", row * 16 + col + 1));
            }
            sql.push(')');
        }
        sql
    })
}

/// Implements [`Store`](crate::Store) for a backend struct with a `pool` field, `networks` and
/// `page_lists` fields (the [`KeptNetworks`](crate::KeptNetworks) and
/// [`KeptPageLists`](crate::KeptPageLists) of `case_page`) and a `begin_write()`
/// method that starts a write transaction the backend's way.
///
/// - `lock`: the row-lock suffix for reading the audit chain head (`" FOR UPDATE"` on
///   PostgreSQL; empty on SQLite, whose `BEGIN IMMEDIATE` already serialises writers).
/// - `teams_agg`: the aggregate that joins a user's team ids with commas.
/// - `json_agg` and `json_object`: the aggregate that gathers JSON values into one array, and
///   the function that makes a JSON object from `'key', value` pairs (`json_group_array` and
///   `json_object` on SQLite, `json_agg` and `json_build_object` on PostgreSQL). The case page
///   reads each list as one value instead of a row per item (see `case_page`).
#[macro_export]
macro_rules! impl_sql_store {
    ($store:ty, db = $db:ty, backend = $backend:literal, lock = $lock:literal, teams_agg = $agg:literal,
     json_agg = $jagg:literal, json_object = $jobj:literal) => {
        const _: () = {
            use $crate::{
                AuditFilter, Case, CasePage, CasePageParts, CaseQuery, DestructionReport, DestructionRequest, NewDestructionRequest, OpenDestructionRequest, RetentionCandidate, CaseSummary, ImportedCase, Invitation, InvitationFound, LoginRecord,
                MemberChange, Network, NewParticipant, Participant, ParticipantEntry, ParticipantKind, ParticipantLink, SharingDecision, SharingState,
                VersionSummary, WithholdingRecord, NewSession, NewUser, Org, OrgScope, SessionKind,
                SessionRecord, SessionStage, Store, StoreError, StoreResult, Team, User,
            };
            use chrono::{DateTime, Utc};
            use sqlx::Row;
            use steunkring_domain::audit::{
                chain_hash, verify_chain, AuditAction, AuditEvent, AuditRecord, ChainReport,
                Outcome, GENESIS_HASH,
            };
            use steunkring_domain::case::{CaseDetails, CaseStatus, Parent, Setting};
            use steunkring_domain::consent::{Category, Consent, Framework, Given, Party, Recipient, Withdrawal, Withholding};
            use steunkring_domain::ids::{AuditId, CaseId, VersionId};
            use steunkring_domain::network::{
                ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring, Sector,
                Stance, Support, SupportType, Tie, TieKind, TieQuality,
            };
            use steunkring_domain::rights::{destruction_deadline, DestructionGround, DestructionStatus};
            use steunkring_domain::{Email, OrgId, Role, TeamId, UserId};

            type Tx<'a> = sqlx::Transaction<'a, $db>;

            fn backend_err(e: sqlx::Error) -> StoreError {
                if let sqlx::Error::Database(db) = &e {
                    if db.is_unique_violation() {
                        let msg = db.message().to_string();
                        let what = if msg.contains("email") {
                            "email"
                        } else if msg.contains("name") {
                            "name"
                        } else {
                            "unique"
                        };
                        return StoreError::Conflict(what);
                    }
                }
                StoreError::Backend(Box::new(e))
            }

            fn roles_to_text(roles: &[Role]) -> String {
                roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
            }

            fn roles_from_text(raw: &str) -> Vec<Role> {
                raw.split(',').filter_map(Role::parse).collect()
            }

            fn teams_from_text(raw: Option<String>) -> Vec<TeamId> {
                let mut teams: Vec<TeamId> = raw
                    .unwrap_or_default()
                    .split(',')
                    .filter(|t| !t.is_empty())
                    .map(TeamId::from_stored)
                    .collect();
                teams.sort();
                teams
            }

            /// Appends one audit entry inside an open write transaction, extending the chain.
            async fn append_in_tx(tx: &mut Tx<'_>, event: &AuditEvent) -> StoreResult<()> {
                append_all_in_tx(tx, std::slice::from_ref(event)).await
            }

            /// Appends entries in order inside an open write transaction, extending the chain:
            /// the chain head is read (and locked) once and written once, however many entries
            /// there are, so a group commit of read entries costs one insert per entry.
            async fn append_all_in_tx(tx: &mut Tx<'_>, events: &[AuditEvent]) -> StoreResult<()> {
                if events.is_empty() {
                    return Ok(());
                }
                let head = sqlx::query(concat!(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1",
                    $lock
                ))
                .fetch_one(&mut **tx)
                .await
                .map_err(backend_err)?;
                let mut seq: i64 = head.try_get("last_seq").map_err(backend_err)?;
                let mut prev_hash: String = head.try_get("last_hash").map_err(backend_err)?;
                // The chain first (each hash needs the one before), then the rows in as few
                // statements as the fixed sizes allow: a statement is a round trip to the
                // database (on SQLite a hop to the connection's thread), so one per entry was
                // most of a group commit's cost.
                let mut rows = Vec::with_capacity(events.len());
                for event in events {
                    seq += 1;
                    let id = AuditId::generate().to_string();
                    let hash = chain_hash(&id, seq, event, &prev_hash);
                    rows.push((seq, id, std::mem::replace(&mut prev_hash, hash.clone()), hash, event));
                }
                let mut rest = &rows[..];
                while !rest.is_empty() {
                    let size = $crate::sql::AUDIT_INSERT_SIZES
                        .iter()
                        .copied()
                        .find(|&n| n <= rest.len())
                        .unwrap_or(1);
                    let (chunk, after) = rest.split_at(size);
                    rest = after;
                    let mut insert = sqlx::query($crate::sql::audit_insert(size));
                    for (seq, id, prev, hash, event) in chunk {
                        insert = insert
                            .bind(*seq)
                            .bind(id.as_str())
                            .bind(event.at)
                            .bind(event.action.as_str())
                            .bind(event.outcome.as_str())
                            .bind(event.user_id.as_ref().map(|u| u.as_str().to_string()))
                            .bind(event.role.map(|r| r.as_str()))
                            .bind(event.on_behalf_of.as_deref())
                            .bind(event.org_id.as_ref().map(|o| o.as_str().to_string()))
                            .bind(event.case_id.as_deref())
                            .bind(event.object_type.as_deref())
                            .bind(event.object_id.as_deref())
                            .bind(event.purpose.as_deref())
                            .bind(event.source_addr.as_deref())
                            .bind(prev.as_str())
                            .bind(hash.as_str());
                    }
                    insert.execute(&mut **tx).await.map_err(backend_err)?;
                }
                sqlx::query("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
                    .bind(seq)
                    .bind(&prev_hash)
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_err)?;
                Ok(())
            }

            fn audit_from_row(row: &<$db as sqlx::Database>::Row) -> Result<AuditRecord, sqlx::Error> {
                let action: String = row.try_get("action")?;
                let outcome: String = row.try_get("outcome")?;
                let role: Option<String> = row.try_get("role")?;
                let undecodable = |what: &str| sqlx::Error::Decode(format!("unknown audit {what}").into());
                Ok(AuditRecord {
                    id: row.try_get("id")?,
                    seq: row.try_get("seq")?,
                    event: AuditEvent {
                        at: row.try_get("at")?,
                        action: AuditAction::parse(&action).ok_or_else(|| undecodable("action"))?,
                        outcome: Outcome::parse(&outcome).ok_or_else(|| undecodable("outcome"))?,
                        user_id: row.try_get::<Option<String>, _>("user_id")?.map(UserId::from_stored),
                        role: role.as_deref().and_then(Role::parse),
                        on_behalf_of: row.try_get("on_behalf_of")?,
                        org_id: row.try_get::<Option<String>, _>("org_id")?.map(OrgId::from_stored),
                        case_id: row.try_get("case_id")?,
                        object_type: row.try_get("object_type")?,
                        object_id: row.try_get("object_id")?,
                        purpose: row.try_get("purpose")?,
                        source_addr: row.try_get("source_addr")?,
                    },
                    prev_hash: row.try_get("prev_hash")?,
                    hash: row.try_get("hash")?,
                })
            }

            fn org_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Org, sqlx::Error> {
                Ok(Org {
                    id: OrgId::from_stored(row.try_get::<String, _>("id")?),
                    name: row.try_get("name")?,
                    require_totp: row.try_get("require_totp")?,
                    created_at: row.try_get("created_at")?,
                })
            }

            fn user_from_row(row: &<$db as sqlx::Database>::Row) -> Result<User, sqlx::Error> {
                Ok(User {
                    id: UserId::from_stored(row.try_get::<String, _>("id")?),
                    org_id: OrgId::from_stored(row.try_get::<String, _>("org_id")?),
                    email: row.try_get("email")?,
                    name: row.try_get("name")?,
                    roles: roles_from_text(&row.try_get::<String, _>("roles")?),
                    teams: teams_from_text(row.try_get("teams")?),
                    disabled: row.try_get("disabled")?,
                    totp_enabled: row.try_get("totp_enabled")?,
                    created_at: row.try_get("created_at")?,
                })
            }

            /// Checks that every team belongs to the scope's organisation.
            async fn teams_in_org(tx: &mut Tx<'_>, scope: &OrgScope, teams: &[TeamId]) -> StoreResult<()> {
                for team in teams {
                    let found = sqlx::query("SELECT 1 AS one FROM teams WHERE id = $1 AND org_id = $2")
                        .bind(team.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&mut **tx)
                        .await
                        .map_err(backend_err)?;
                    if found.is_none() {
                        return Err(StoreError::NotFound);
                    }
                }
                Ok(())
            }

            async fn replace_teams(tx: &mut Tx<'_>, user: &UserId, teams: &[TeamId]) -> StoreResult<()> {
                sqlx::query("DELETE FROM team_members WHERE user_id = $1")
                    .bind(user.as_str())
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_err)?;
                for team in teams {
                    sqlx::query("INSERT INTO team_members (team_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                        .bind(team.as_str())
                        .bind(user.as_str())
                        .execute(&mut **tx)
                        .await
                        .map_err(backend_err)?;
                }
                Ok(())
            }


            /// A case from a row of [`read_case`], its parents from the row's JSON list.
            fn case_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Case, sqlx::Error> {
                let parents: Option<String> = row.try_get("parents")?;
                let parents = $crate::stored::json_list::<$crate::stored::StoredParent>(parents.as_deref())
                    .map_err(|e| sqlx::Error::Decode(e.into()))?
                    .into_iter()
                    .map(Parent::from)
                    .collect();
                let setting: String = row.try_get("setting")?;
                let status: String = row.try_get("status")?;
                Ok(Case {
                    id: CaseId::from_stored(row.try_get::<String, _>("id")?),
                    org_id: OrgId::from_stored(row.try_get::<String, _>("org_id")?),
                    team_id: TeamId::from_stored(row.try_get::<String, _>("team_id")?),
                    team_name: row.try_get("team_name")?,
                    youth_name: row.try_get("youth_name")?,
                    preferred_name: row.try_get("preferred_name")?,
                    birth_date: row.try_get("birth_date")?,
                    gender: row.try_get("gender")?,
                    setting: Setting::parse(&setting).ok_or_else(|| sqlx::Error::Decode("unknown setting".into()))?,
                    network_lead: row.try_get::<Option<String>, _>("network_lead")?.map(UserId::from_stored),
                    network_lead_name: row.try_get("network_lead_name")?,
                    status: CaseStatus::parse(&status).ok_or_else(|| sqlx::Error::Decode("unknown status".into()))?,
                    opened_on: row.try_get("opened_on")?,
                    closed_on: row.try_get("closed_on")?,
                    parents,
                    framework: Framework::parse(&row.try_get::<String, _>("framework")?)
                        .ok_or_else(|| sqlx::Error::Decode("unknown framework".into()))?,
                    updated_at: row.try_get("updated_at")?,
                })
            }

            /// Reads one case of the organisation, inside any executor: one statement, with the
            /// parents (in their order) as a JSON list in the column `parents`.
            async fn read_case<'e, E>(exec: E, org: &OrgId, id: &CaseId) -> StoreResult<Option<<$db as sqlx::Database>::Row>>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                sqlx::query(concat!(
                    "SELECT c.id, c.org_id, c.team_id, t.name AS team_name, c.youth_name, c.preferred_name, \
                     c.birth_date, c.gender, c.setting, c.network_lead, u.name AS network_lead_name, c.status, \
                     c.opened_on, c.closed_on, c.updated_at, c.framework, c.network_revision, c.parts_revision, \
                     c.measure_revision, \
                     CAST((SELECT ", $jagg, "(", $jobj, "('name', p.name, 'gezag', p.gezag) ORDER BY p.position) \
                     FROM case_parents p WHERE p.case_id = c.id) AS TEXT) AS parents \
                     FROM cases c JOIN teams t ON t.id = c.team_id LEFT JOIN users u ON u.id = c.network_lead \
                     WHERE c.id = $1 AND c.org_id = $2",
                ))
                .bind(id.as_str())
                .bind(org.as_str())
                .fetch_optional(exec)
                .await
                .map_err(backend_err)
            }

            /// What the case page shows of a case besides the case itself, for
            /// [`Store::case_page`]: one row, one JSON list per part, a part not asked for NULL.
            /// `$1` is the case, `$2`–`$5` say whether to read the network (members and ties,
            /// with the network's revision read in the same statement, so that they belong
            /// together), its versions, the participants and the latest destruction request
            /// (with the parts revision, likewise).
            /// The orders are those of `network`, `list_versions`, `list_participants` and
            /// `destruction_request`.
            const CASE_PAGE_PARTS: &str = concat!(
                "SELECT ",
                "CASE WHEN $2 THEN (SELECT network_revision FROM cases WHERE id = $1) END AS network_revision, ",
                "CASE WHEN $3 OR $4 OR $5 THEN (SELECT parts_revision FROM cases WHERE id = $1) END AS parts_revision, ",
                "CASE WHEN $2 THEN CAST((SELECT ", $jagg, "(", $jobj, "(",
                "'id', m.id, 'name', m.name, 'relation', m.relation, 'ring', m.ring, 'sector', m.sector, ",
                "'level', m.level, 'support', m.support, 'tie_quality', m.tie_quality, 'stance', m.stance, ",
                "'roles', m.roles, 'protective', m.protective, 'risk', m.risk, 'available', m.available, ",
                "'is_adult', m.is_adult, 'known_years', m.known_years, 'contact_frequency', m.contact_frequency",
                ") ORDER BY m.position) FROM members m WHERE m.case_id = $1) AS TEXT) END AS members, ",
                "CASE WHEN $2 THEN CAST((SELECT ", $jagg, "(", $jobj, "(",
                "'from_member', t.from_member, 'to_member', t.to_member, 'kind', t.kind",
                ") ORDER BY t.from_member, t.to_member) FROM ties t WHERE t.case_id = $1) AS TEXT) END AS ties, ",
                "CASE WHEN $3 THEN CAST((SELECT ", $jagg, "(", $jobj, "(",
                "'id', v.id, 'title', v.title, 'taken_on', v.taken_on, 'member_count', v.member_count, 'created_at', v.created_at",
                ") ORDER BY v.taken_on, v.created_at, v.id) FROM map_versions v WHERE v.case_id = $1) AS TEXT) END AS versions, ",
                "CASE WHEN $4 THEN CAST((SELECT ", $jagg, "(", $jobj, "(",
                "'p_id', p.id, 'p_case_id', p.case_id, 'p_kind', p.kind, 'p_display_name', p.display_name, ",
                "'p_member_id', p.member_id, 'p_parent_index', p.parent_index, 'p_user_id', p.user_id, 'p_created_at', p.created_at, ",
                "'i_id', i.id, 'i_created_at', i.created_at, 'i_expires_at', i.expires_at, 'i_used_at', i.used_at, 'i_revoked_at', i.revoked_at",
                ") ORDER BY p.created_at, p.id) FROM participants p LEFT JOIN invitations i ON i.participant_id = p.id ",
                "AND i.created_at = (SELECT MAX(created_at) FROM invitations WHERE participant_id = p.id) ",
                "WHERE p.case_id = $1) AS TEXT) END AS participants, ",
                "CASE WHEN $5 THEN CAST((SELECT ", $jagg, "(", $jobj, "(",
                "'id', d.id, 'case_id', d.case_id, 'requested_by', d.requested_by, 'received_on', d.received_on, ",
                "'deadline', d.deadline, 'note', d.note, 'status', d.status, 'exception_reason', d.exception_reason, ",
                "'decided_by', d.decided_by, 'decided_at', d.decided_at, 'created_by', d.created_by, 'created_at', d.created_at",
                ")) FROM (SELECT * FROM destruction_requests WHERE case_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1) d) AS TEXT) END AS destruction",
            );

            /// Checks the team and network lead of case details against the organisation.
            async fn check_case_refs(tx: &mut Tx<'_>, scope: &OrgScope, details: &CaseDetails) -> StoreResult<()> {
                teams_in_org(tx, scope, std::slice::from_ref(&details.team_id)).await?;
                if let Some(lead) = &details.network_lead {
                    let row = sqlx::query("SELECT roles, disabled FROM users WHERE id = $1 AND org_id = $2")
                        .bind(lead.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&mut **tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    let roles = roles_from_text(&row.try_get::<String, _>("roles").map_err(backend_err)?);
                    let disabled: bool = row.try_get("disabled").map_err(backend_err)?;
                    if disabled || !roles.contains(&Role::Professional) {
                        return Err(StoreError::NotFound);
                    }
                }
                Ok(())
            }

            async fn write_parents(tx: &mut Tx<'_>, id: &CaseId, parents: &[Parent]) -> StoreResult<()> {
                sqlx::query("DELETE FROM case_parents WHERE case_id = $1")
                    .bind(id.as_str())
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_err)?;
                for (i, p) in parents.iter().enumerate() {
                    sqlx::query("INSERT INTO case_parents (case_id, position, name, gezag) VALUES ($1, $2, $3, $4)")
                        .bind(id.as_str())
                        .bind(i64::try_from(i).unwrap_or(i64::MAX))
                        .bind(&p.name)
                        .bind(p.gezag)
                        .execute(&mut **tx)
                        .await
                        .map_err(backend_err)?;
                }
                Ok(())
            }

            /// `%term%` for LIKE, with the wildcards a person typed taken literally.
            fn like_pattern(term: &str) -> String {
                let escaped: String = term
                    .to_lowercase()
                    .chars()
                    .flat_map(|c| match c {
                        '%' | '_' | '\\' => vec!['\\', c],
                        other => vec![other],
                    })
                    .collect();
                format!("%{escaped}%")
            }


            fn support_to_text(support: &[Support]) -> String {
                support
                    .iter()
                    .map(|s| format!("{}:{}", s.kind.as_str(), s.direction.as_str()))
                    .collect::<Vec<_>>()
                    .join(",")
            }

            fn member_roles_to_text(roles: &[MemberRole]) -> String {
                roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")
            }

            fn member_from_row(row: &<$db as sqlx::Database>::Row) -> Result<NetworkMember, sqlx::Error> {
                $crate::stored::StoredMember {
                    id: row.try_get("id")?,
                    name: row.try_get("name")?,
                    relation: row.try_get("relation")?,
                    ring: row.try_get("ring")?,
                    sector: row.try_get("sector")?,
                    level: row.try_get("level")?,
                    support: row.try_get("support")?,
                    tie_quality: row.try_get("tie_quality")?,
                    stance: row.try_get("stance")?,
                    roles: row.try_get("roles")?,
                    protective: row.try_get("protective")?,
                    risk: row.try_get("risk")?,
                    available: row.try_get("available")?,
                    is_adult: row.try_get("is_adult")?,
                    known_years: row.try_get("known_years")?,
                    contact_frequency: row.try_get("contact_frequency")?,
                }
                .into_member()
                .map_err(|e| sqlx::Error::Decode(e.into()))
            }

            /// `NotFound` unless the case exists in the scope's organisation.
            async fn case_in_org<'e, E>(exec: E, scope: &OrgScope, case: &CaseId) -> StoreResult<()>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                sqlx::query("SELECT 1 AS one FROM cases WHERE id = $1 AND org_id = $2")
                    .bind(case.as_str())
                    .bind(scope.org_id().as_str())
                    .fetch_optional(exec)
                    .await
                    .map_err(backend_err)?
                    .map(|_| ())
                    .ok_or(StoreError::NotFound)
            }

            async fn read_network(conn: &mut <$db as sqlx::Database>::Connection, case: &CaseId) -> StoreResult<Network> {
                let members = sqlx::query(
                    "SELECT id, name, relation, ring, sector, level, support, tie_quality, stance, roles, protective, risk, \
                     available, is_adult, known_years, contact_frequency FROM members WHERE case_id = $1 ORDER BY position",
                )
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
                let ties = sqlx::query("SELECT from_member, to_member, kind FROM ties WHERE case_id = $1 ORDER BY from_member, to_member")
                    .bind(case.as_str())
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(backend_err)?;
                let members = members.iter().map(member_from_row).collect::<Result<Vec<_>, _>>().map_err(backend_err)?;
                let ties = ties.iter().map(tie_from_row).collect::<Result<Vec<_>, _>>().map_err(backend_err)?;
                Ok(Network { members, ties })
            }

            fn tie_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Tie, sqlx::Error> {
                $crate::stored::StoredTie {
                    from_member: row.try_get("from_member")?,
                    to_member: row.try_get("to_member")?,
                    kind: row.try_get("kind")?,
                }
                .into_tie()
                .map_err(|e| sqlx::Error::Decode(e.into()))
            }

            fn version_from_row(row: &<$db as sqlx::Database>::Row) -> Result<VersionSummary, sqlx::Error> {
                Ok(VersionSummary {
                    id: VersionId::from_stored(row.try_get::<String, _>("id")?),
                    title: row.try_get("title")?,
                    taken_on: row.try_get("taken_on")?,
                    member_count: row.try_get("member_count")?,
                    created_at: row.try_get("created_at")?,
                })
            }


            async fn insert_case(tx: &mut Tx<'_>, scope: &OrgScope, id: &CaseId, details: &CaseDetails, opened_on: chrono::NaiveDate, at: DateTime<Utc>) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO cases (id, org_id, team_id, youth_name, preferred_name, birth_date, gender, setting, \
                     network_lead, status, opened_on, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $11)",
                )
                .bind(id.as_str())
                .bind(scope.org_id().as_str())
                .bind(details.team_id.as_str())
                .bind(details.youth_name.as_str())
                .bind(details.preferred_name.as_deref())
                .bind(details.birth_date)
                .bind(details.gender.as_deref())
                .bind(details.setting.as_str())
                .bind(details.network_lead.as_ref().map(|u| u.as_str().to_string()))
                .bind(opened_on)
                .bind(at)
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                write_parents(tx, id, &details.parents).await
            }

            /// Binds a member's fields in column order (name … contact_frequency): the insert
            /// and the update list them the same way.
            fn bind_member_fields<'q>(
                q: sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments>,
                m: &'q NetworkMember,
            ) -> sqlx::query::Query<'q, $db, <$db as sqlx::Database>::Arguments> {
                q.bind(&m.name)
                    .bind(&m.relation)
                    .bind(i64::from(m.ring.number()))
                    .bind(m.sector.as_str())
                    .bind(m.level.map(|l| l.as_str()))
                    .bind(support_to_text(&m.support))
                    .bind(m.tie_quality.map(|q| q.as_str()))
                    .bind(m.stance.as_str())
                    .bind(member_roles_to_text(&m.roles))
                    .bind(m.protective.as_deref())
                    .bind(m.risk.as_deref())
                    .bind(m.available)
                    .bind(m.is_adult)
                    .bind(m.known_years.map(|k| k.as_str()))
                    .bind(m.contact_frequency.map(|c| i64::from(c.score())))
            }

            /// Inserts a member at a given position (`None`: after the last one).
            async fn insert_member(tx: &mut Tx<'_>, case: &CaseId, m: &NetworkMember, position: Option<i64>, at: DateTime<Utc>) -> StoreResult<()> {
                let q = sqlx::query(
                    "INSERT INTO members (id, case_id, name, relation, ring, sector, level, support, tie_quality, stance, roles, \
                     protective, risk, available, is_adult, known_years, contact_frequency, position, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
                     COALESCE($18, (SELECT COALESCE(MAX(position), 0) + 1 FROM members WHERE case_id = $2)), $19, $19)",
                )
                .bind(m.id.as_str())
                .bind(case.as_str());
                bind_member_fields(q, m)
                .bind(position)
                .bind(at)
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                Ok(())
            }

            async fn insert_tie(tx: &mut Tx<'_>, case: &CaseId, tie: &Tie) -> StoreResult<()> {
                let (a, b) = tie.pair();
                sqlx::query(
                    "INSERT INTO ties (case_id, from_member, to_member, kind) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (case_id, from_member, to_member) DO UPDATE SET kind = excluded.kind",
                )
                .bind(case.as_str())
                .bind(a.as_str())
                .bind(b.as_str())
                .bind(tie.kind.as_str())
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                Ok(())
            }


            fn participant_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Participant, sqlx::Error> {
                let kind: String = row.try_get("p_kind")?;
                let parent_index: Option<i64> = row.try_get("p_parent_index")?;
                Ok(Participant {
                    id: row.try_get("p_id")?,
                    case_id: CaseId::from_stored(row.try_get::<String, _>("p_case_id")?),
                    kind: ParticipantKind::parse(&kind).ok_or_else(|| sqlx::Error::Decode("unknown participant kind".into()))?,
                    display_name: row.try_get("p_display_name")?,
                    member_id: row.try_get::<Option<String>, _>("p_member_id")?.map(MemberId::from_stored),
                    parent_index: parent_index.and_then(|i| u8::try_from(i).ok()),
                    user_id: row.try_get::<Option<String>, _>("p_user_id")?.map(UserId::from_stored),
                    created_at: row.try_get("p_created_at")?,
                })
            }

            fn invitation_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Option<Invitation>, sqlx::Error> {
                let Some(id) = row.try_get::<Option<String>, _>("i_id")? else { return Ok(None) };
                Ok(Some(Invitation {
                    id,
                    participant_id: row.try_get("p_id")?,
                    created_at: row.try_get("i_created_at")?,
                    expires_at: row.try_get("i_expires_at")?,
                    used_at: row.try_get("i_used_at")?,
                    revoked_at: row.try_get("i_revoked_at")?,
                }))
            }

            async fn insert_invitation(tx: &mut Tx<'_>, participant: &str, code_hash: &str, created_by: Option<&UserId>, at: DateTime<Utc>, expires_at: DateTime<Utc>) -> StoreResult<Invitation> {
                let id = AuditId::generate().to_string();
                sqlx::query(
                    "INSERT INTO invitations (id, participant_id, code_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&id)
                .bind(participant)
                .bind(code_hash)
                .bind(created_by.map(|u| u.as_str().to_string()))
                .bind(at)
                .bind(expires_at)
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                Ok(Invitation { id, participant_id: participant.to_string(), created_at: at, expires_at, used_at: None, revoked_at: None })
            }

            /// The open invitation behind a code, locked for the accepting transaction.
            async fn open_invitation(tx: &mut Tx<'_>, code_hash: &str, now: DateTime<Utc>) -> StoreResult<(String, Participant, OrgId)> {
                let sql = concat!(
                    "SELECT i.id AS i_id, i.used_at AS i_used_at, i.revoked_at AS i_revoked_at, i.expires_at AS i_expires_at, c.org_id AS org_id, ",
                    "p.id AS p_id, p.case_id AS p_case_id, p.kind AS p_kind, p.display_name AS p_display_name, p.member_id AS p_member_id, ",
                    "p.parent_index AS p_parent_index, p.user_id AS p_user_id, p.created_at AS p_created_at ",
                    "FROM invitations i JOIN participants p ON p.id = i.participant_id JOIN cases c ON c.id = p.case_id ",
                    "WHERE i.code_hash = $1",
                    $lock
                );
                let row = sqlx::query(sql)
                    .bind(code_hash)
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                let used: Option<DateTime<Utc>> = row.try_get("i_used_at").map_err(backend_err)?;
                let revoked: Option<DateTime<Utc>> = row.try_get("i_revoked_at").map_err(backend_err)?;
                let expires: DateTime<Utc> = row.try_get("i_expires_at").map_err(backend_err)?;
                if used.is_some() || revoked.is_some() || now >= expires {
                    return Err(StoreError::Conflict("invitation"));
                }
                let participant = participant_from_row(&row).map_err(backend_err)?;
                if participant.user_id.is_some() {
                    return Err(StoreError::Conflict("invitation"));
                }
                let id: String = row.try_get("i_id").map_err(backend_err)?;
                let org = OrgId::from_stored(row.try_get::<String, _>("org_id").map_err(backend_err)?);
                Ok((id, participant, org))
            }

            async fn link_participant(tx: &mut Tx<'_>, invitation: &str, participant: &str, user: &UserId, now: DateTime<Utc>) -> StoreResult<()> {
                sqlx::query("UPDATE participants SET user_id = $1 WHERE id = $2")
                    .bind(user.as_str())
                    .bind(participant)
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_err)?;
                sqlx::query("UPDATE invitations SET used_at = $1 WHERE id = $2")
                    .bind(now)
                    .bind(invitation)
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_err)?;
                Ok(())
            }


            fn parties_to_text(parties: &[Party]) -> String {
                parties.iter().map(|p| p.as_code()).collect::<Vec<_>>().join(",")
            }

            fn parties_from_text(raw: &str) -> Vec<Party> {
                raw.split(',').filter_map(Party::parse_code).collect()
            }


            async fn insert_giving(tx: &mut Tx<'_>, consent: &str, g: &Given) -> StoreResult<()> {
                sqlx::query("INSERT INTO consent_givings (consent_id, party, at, how, by_user) VALUES ($1, $2, $3, $4, $5)")
                    .bind(consent)
                    .bind(g.party.as_code())
                    .bind(g.at)
                    .bind(&g.how)
                    .bind(g.by_user.as_deref())
                    .execute(&mut **tx)
                    .await
                    .map_err(|e| match backend_err(e) {
                        StoreError::Conflict(_) => StoreError::Conflict("consent"),
                        other => other,
                    })?;
                Ok(())
            }

            /// Per table of `CASE_TABLES`: how to count and how to delete the rows of one case
            /// (`$1` is the case id). Children come first, `cases` last.
            const CASE_ROWS: [(&str, &str, &str); 30] = [
                ("outcomes", "SELECT COUNT(*) AS n FROM outcomes WHERE case_id = $1", "DELETE FROM outcomes WHERE case_id = $1"),
                ("self_reports", "SELECT COUNT(*) AS n FROM self_reports WHERE case_id = $1", "DELETE FROM self_reports WHERE case_id = $1"),
                ("screenings", "SELECT COUNT(*) AS n FROM screenings WHERE case_id = $1", "DELETE FROM screenings WHERE case_id = $1"),
                ("support_checks", "SELECT COUNT(*) AS n FROM support_checks WHERE case_id = $1", "DELETE FROM support_checks WHERE case_id = $1"),
                ("plan_signoffs", "SELECT COUNT(*) AS n FROM plan_signoffs WHERE case_id = $1", "DELETE FROM plan_signoffs WHERE case_id = $1"),
                ("plan_versions", "SELECT COUNT(*) AS n FROM plan_versions WHERE case_id = $1", "DELETE FROM plan_versions WHERE case_id = $1"),
                ("plan_progress", "SELECT COUNT(*) AS n FROM plan_progress WHERE case_id = $1", "DELETE FROM plan_progress WHERE case_id = $1"),
                ("plan_agreements", "SELECT COUNT(*) AS n FROM plan_agreements WHERE case_id = $1", "DELETE FROM plan_agreements WHERE case_id = $1"),
                ("plan_actions", "SELECT COUNT(*) AS n FROM plan_actions WHERE case_id = $1", "DELETE FROM plan_actions WHERE case_id = $1"),
                ("plan_goals", "SELECT COUNT(*) AS n FROM plan_goals WHERE case_id = $1", "DELETE FROM plan_goals WHERE case_id = $1"),
                ("plans", "SELECT COUNT(*) AS n FROM plans WHERE case_id = $1", "DELETE FROM plans WHERE case_id = $1"),
                ("meetings", "SELECT COUNT(*) AS n FROM meetings WHERE case_id = $1", "DELETE FROM meetings WHERE case_id = $1"),
                ("support_logs", "SELECT COUNT(*) AS n FROM support_logs WHERE case_id = $1", "DELETE FROM support_logs WHERE case_id = $1"),
                ("support_figures", "SELECT COUNT(*) AS n FROM support_figures WHERE case_id = $1", "DELETE FROM support_figures WHERE case_id = $1"),
                ("concerns", "SELECT COUNT(*) AS n FROM concerns WHERE case_id = $1", "DELETE FROM concerns WHERE case_id = $1"),
                ("deliberations", "SELECT COUNT(*) AS n FROM deliberations WHERE case_id = $1", "DELETE FROM deliberations WHERE case_id = $1"),
                ("member_history", "SELECT COUNT(*) AS n FROM member_history WHERE case_id = $1", "DELETE FROM member_history WHERE case_id = $1"),
                ("consent_givings",
                 "SELECT COUNT(*) AS n FROM consent_givings WHERE consent_id IN (SELECT id FROM consents WHERE case_id = $1)",
                 "DELETE FROM consent_givings WHERE consent_id IN (SELECT id FROM consents WHERE case_id = $1)"),
                ("consents", "SELECT COUNT(*) AS n FROM consents WHERE case_id = $1", "DELETE FROM consents WHERE case_id = $1"),
                ("withholdings", "SELECT COUNT(*) AS n FROM withholdings WHERE case_id = $1", "DELETE FROM withholdings WHERE case_id = $1"),
                ("sharing_decisions", "SELECT COUNT(*) AS n FROM sharing_decisions WHERE case_id = $1", "DELETE FROM sharing_decisions WHERE case_id = $1"),
                ("invitations",
                 "SELECT COUNT(*) AS n FROM invitations WHERE participant_id IN (SELECT id FROM participants WHERE case_id = $1)",
                 "DELETE FROM invitations WHERE participant_id IN (SELECT id FROM participants WHERE case_id = $1)"),
                ("participants", "SELECT COUNT(*) AS n FROM participants WHERE case_id = $1", "DELETE FROM participants WHERE case_id = $1"),
                ("ties", "SELECT COUNT(*) AS n FROM ties WHERE case_id = $1", "DELETE FROM ties WHERE case_id = $1"),
                ("map_versions", "SELECT COUNT(*) AS n FROM map_versions WHERE case_id = $1", "DELETE FROM map_versions WHERE case_id = $1"),
                ("members", "SELECT COUNT(*) AS n FROM members WHERE case_id = $1", "DELETE FROM members WHERE case_id = $1"),
                ("case_parents", "SELECT COUNT(*) AS n FROM case_parents WHERE case_id = $1", "DELETE FROM case_parents WHERE case_id = $1"),
                ("destruction_requests", "SELECT COUNT(*) AS n FROM destruction_requests WHERE case_id = $1", "DELETE FROM destruction_requests WHERE case_id = $1"),
                ("case_insight", "SELECT COUNT(*) AS n FROM case_insight WHERE case_id = $1", "DELETE FROM case_insight WHERE case_id = $1"),
                ("cases", "SELECT COUNT(*) AS n FROM cases WHERE id = $1", "DELETE FROM cases WHERE id = $1"),
            ];

            fn destruction_from_row(row: &<$db as sqlx::Database>::Row) -> Result<DestructionRequest, sqlx::Error> {
                $crate::stored::StoredDestruction {
                    id: row.try_get("id")?,
                    case_id: row.try_get("case_id")?,
                    requested_by: row.try_get("requested_by")?,
                    received_on: row.try_get("received_on")?,
                    deadline: row.try_get("deadline")?,
                    note: row.try_get("note")?,
                    status: row.try_get("status")?,
                    exception_reason: row.try_get("exception_reason")?,
                    decided_by: row.try_get("decided_by")?,
                    decided_at: row.try_get("decided_at")?,
                    created_by: row.try_get("created_by")?,
                    created_at: row.try_get("created_at")?,
                }
                .into_request()
                .map_err(|e| sqlx::Error::Decode(e.into()))
            }

            /// The case's latest destruction request, inside any executor.
            async fn latest_destruction<'e, E>(exec: E, case: &CaseId) -> StoreResult<Option<DestructionRequest>>
            where
                E: sqlx::Executor<'e, Database = $db>,
            {
                let row = sqlx::query(
                    "SELECT d.id, d.case_id, d.requested_by, d.received_on, d.deadline, d.note, d.status, d.exception_reason, d.decided_by, d.decided_at, d.created_by, d.created_at FROM destruction_requests d WHERE d.case_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT 1",
                )
                .bind(case.as_str())
                .fetch_optional(exec)
                .await
                .map_err(backend_err)?;
                row.as_ref().map(destruction_from_row).transpose().map_err(backend_err)
            }


            /// Keeps the member as it is now, before it changes or goes.
            async fn keep_history(tx: &mut Tx<'_>, case: &CaseId, member: &MemberId, audit: &AuditEvent, removed: bool) -> StoreResult<()> {
                let row = sqlx::query(
                    "SELECT id, name, relation, ring, sector, level, support, tie_quality, stance, roles, protective, risk, \
                     available, is_adult, known_years, contact_frequency FROM members WHERE id = $1 AND case_id = $2",
                )
                .bind(member.as_str())
                .bind(case.as_str())
                .fetch_optional(&mut **tx)
                .await
                .map_err(backend_err)?;
                let Some(row) = row else { return Ok(()) };
                let before = member_from_row(&row).map_err(backend_err)?;
                let json = serde_json::to_string(&before).map_err(|e| StoreError::Backend(Box::new(e)))?;
                sqlx::query(
                    "INSERT INTO member_history (id, case_id, member_id, changed_at, changed_by, before, removed) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(AuditId::generate().to_string())
                .bind(case.as_str())
                .bind(member.as_str())
                .bind(audit.at)
                .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                .bind(json)
                .bind(removed)
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                Ok(())
            }

            #[async_trait::async_trait]
            impl Store for $store {
                fn backend(&self) -> &'static str {
                    $backend
                }

                async fn ping(&self) -> StoreResult<()> {
                    sqlx::query("SELECT 1").execute(&self.pool).await.map_err(backend_err)?;
                    Ok(())
                }

                async fn create_org(&self, name: &str, at: DateTime<Utc>) -> StoreResult<Org> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let id = OrgId::generate();
                    sqlx::query("INSERT INTO orgs (id, name, require_totp, created_at) VALUES ($1, $2, $3, $4)")
                        .bind(id.as_str())
                        .bind(name)
                        .bind(false)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    let mut audit = AuditEvent::new(at, AuditAction::Create, Outcome::Success)
                        .object("organisation", id.as_str())
                        .purpose("administration");
                    audit.org_id = Some(id.clone());
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(Org { id, name: name.to_string(), require_totp: false, created_at: at })
                }

                async fn find_org_by_name(&self, name: &str) -> StoreResult<Option<Org>> {
                    let row = sqlx::query("SELECT id, name, require_totp, created_at FROM orgs WHERE name = $1")
                        .bind(name)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    row.as_ref().map(org_from_row).transpose().map_err(backend_err)
                }

                async fn get_org(&self, scope: &OrgScope) -> StoreResult<Org> {
                    let row = sqlx::query("SELECT id, name, require_totp, created_at FROM orgs WHERE id = $1")
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    let row = row.ok_or(StoreError::NotFound)?;
                    org_from_row(&row).map_err(backend_err)
                }

                async fn set_org_require_totp(&self, scope: &OrgScope, require: bool, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    sqlx::query("UPDATE orgs SET require_totp = $1 WHERE id = $2")
                        .bind(require)
                        .bind(scope.org_id().as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn create_team(&self, scope: &OrgScope, name: &str, audit: AuditEvent) -> StoreResult<Team> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let id = TeamId::generate();
                    sqlx::query("INSERT INTO teams (id, org_id, name) VALUES ($1, $2, $3)")
                        .bind(id.as_str())
                        .bind(scope.org_id().as_str())
                        .bind(name)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.object("team", id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(Team { id, org_id: scope.org_id().clone(), name: name.to_string() })
                }

                async fn list_teams(&self, scope: &OrgScope) -> StoreResult<Vec<Team>> {
                    let rows = sqlx::query("SELECT id, org_id, name FROM teams WHERE org_id = $1 ORDER BY name")
                        .bind(scope.org_id().as_str())
                        .fetch_all(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            Ok(Team {
                                id: TeamId::from_stored(r.try_get::<String, _>("id")?),
                                org_id: OrgId::from_stored(r.try_get::<String, _>("org_id")?),
                                name: r.try_get("name")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }

                async fn create_user(&self, scope: &OrgScope, user: NewUser, audit: AuditEvent) -> StoreResult<User> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    teams_in_org(&mut tx, scope, &user.teams).await?;
                    let id = UserId::generate();
                    sqlx::query(
                        "INSERT INTO users (id, org_id, email, name, roles, password_hash, disabled, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id.as_str())
                    .bind(scope.org_id().as_str())
                    .bind(user.email.as_str())
                    .bind(user.name.as_str())
                    .bind(roles_to_text(&user.roles))
                    .bind(&user.password_hash)
                    .bind(false)
                    .bind(user.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    replace_teams(&mut tx, &id, &user.teams).await?;
                    append_in_tx(&mut tx, &audit.object("user", id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    let mut teams = user.teams.clone();
                    teams.sort();
                    Ok(User {
                        id,
                        org_id: scope.org_id().clone(),
                        email: user.email.as_str().to_string(),
                        name: user.name.as_str().to_string(),
                        roles: user.roles,
                        teams,
                        disabled: false,
                        totp_enabled: false,
                        created_at: user.at,
                    })
                }

                async fn get_user(&self, scope: &OrgScope, id: &UserId) -> StoreResult<User> {
                    let sql = concat!("SELECT ", "u.id, u.org_id, u.email, u.name, u.roles, u.disabled, u.created_at, \
                        u.totp_secret IS NOT NULL AS totp_enabled, \
                        (SELECT ", $agg, " FROM team_members tm WHERE tm.user_id = u.id) AS teams",
                        " FROM users u WHERE u.id = $1 AND u.org_id = $2");
                    let row = sqlx::query(sql)
                        .bind(id.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    user_from_row(&row).map_err(backend_err)
                }

                async fn list_users(&self, scope: &OrgScope) -> StoreResult<Vec<User>> {
                    let sql = concat!("SELECT ", "u.id, u.org_id, u.email, u.name, u.roles, u.disabled, u.created_at, \
                        u.totp_secret IS NOT NULL AS totp_enabled, \
                        (SELECT ", $agg, " FROM team_members tm WHERE tm.user_id = u.id) AS teams",
                        " FROM users u WHERE u.org_id = $1 ORDER BY u.name, u.email");
                    let rows = sqlx::query(sql)
                        .bind(scope.org_id().as_str())
                        .fetch_all(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    rows.iter().map(user_from_row).collect::<Result<_, _>>().map_err(backend_err)
                }

                async fn find_login(&self, email: &Email) -> StoreResult<Option<LoginRecord>> {
                    let row = sqlx::query(
                        "SELECT u.id, u.org_id, u.password_hash, u.disabled, u.totp_secret, u.roles, o.require_totp \
                         FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.email = $1",
                    )
                    .bind(email.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let Some(row) = row else { return Ok(None) };
                    let read = || -> Result<LoginRecord, sqlx::Error> {
                        Ok(LoginRecord {
                            user_id: UserId::from_stored(row.try_get::<String, _>("id")?),
                            org_id: OrgId::from_stored(row.try_get::<String, _>("org_id")?),
                            password_hash: row.try_get("password_hash")?,
                            disabled: row.try_get("disabled")?,
                            totp_secret: row.try_get("totp_secret")?,
                            roles: roles_from_text(&row.try_get::<String, _>("roles")?),
                            org_requires_totp: row.try_get("require_totp")?,
                        })
                    };
                    read().map(Some).map_err(backend_err)
                }

                async fn set_user_teams(&self, scope: &OrgScope, id: &UserId, teams: &[TeamId], audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let exists = sqlx::query("SELECT 1 AS one FROM users WHERE id = $1 AND org_id = $2")
                        .bind(id.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if exists.is_none() {
                        return Err(StoreError::NotFound);
                    }
                    teams_in_org(&mut tx, scope, teams).await?;
                    replace_teams(&mut tx, id, teams).await?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn set_user_disabled(&self, scope: &OrgScope, id: &UserId, disabled: bool, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let changed = sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2 AND org_id = $3")
                        .bind(disabled)
                        .bind(id.as_str())
                        .bind(scope.org_id().as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    if disabled {
                        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                            .bind(id.as_str())
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                    }
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn set_password_hash(&self, user: &UserId, hash: &str, keep_session: Option<&str>, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let changed = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                        .bind(hash)
                        .bind(user.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
                        .bind(user.as_str())
                        .bind(keep_session.unwrap_or(""))
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn set_totp_secret(&self, user: &UserId, secret: Option<&str>, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let changed = sqlx::query("UPDATE users SET totp_secret = $1, totp_last_step = NULL WHERE id = $2")
                        .bind(secret)
                        .bind(user.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn claim_totp_step(&self, user: &UserId, step: i64) -> StoreResult<bool> {
                    let claimed = sqlx::query(
                        "UPDATE users SET totp_last_step = $1 \
                         WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
                    )
                    .bind(step)
                    .bind(user.as_str())
                    .execute(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    Ok(claimed.rows_affected() == 1)
                }

                async fn create_session(&self, session: NewSession, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    insert_session(&mut tx, &session).await?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn find_session(&self, token_hash: &str) -> StoreResult<Option<SessionRecord>> {
                    let sql = concat!(
                        "SELECT s.token_hash, s.kind, s.stage, s.created_at, s.last_seen_at, \
                         u.id, u.org_id, u.name, u.email, u.roles, u.disabled, \
                         u.totp_secret IS NOT NULL AS totp_enabled, \
                         (SELECT ", $agg, " FROM team_members tm WHERE tm.user_id = u.id) AS teams \
                         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1"
                    );
                    let row = sqlx::query(sql)
                        .bind(token_hash)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    let Some(row) = row else { return Ok(None) };
                    let read = || -> Result<SessionRecord, sqlx::Error> {
                        Ok(SessionRecord {
                            token_hash: row.try_get("token_hash")?,
                            kind: SessionKind::parse(&row.try_get::<String, _>("kind")?),
                            stage: SessionStage::parse(&row.try_get::<String, _>("stage")?),
                            created_at: row.try_get("created_at")?,
                            last_seen_at: row.try_get("last_seen_at")?,
                            user_id: UserId::from_stored(row.try_get::<String, _>("id")?),
                            org_id: OrgId::from_stored(row.try_get::<String, _>("org_id")?),
                            name: row.try_get("name")?,
                            email: row.try_get("email")?,
                            roles: roles_from_text(&row.try_get::<String, _>("roles")?),
                            teams: teams_from_text(row.try_get("teams")?),
                            disabled: row.try_get("disabled")?,
                            totp_enabled: row.try_get("totp_enabled")?,
                        })
                    };
                    read().map(Some).map_err(backend_err)
                }

                async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<()> {
                    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
                        .bind(at)
                        .bind(token_hash)
                        .execute(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    Ok(())
                }

                async fn delete_session(&self, token_hash: &str, audit: Option<AuditEvent>) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                        .bind(token_hash)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if let Some(audit) = audit {
                        append_in_tx(&mut tx, &audit).await?;
                    }
                    tx.commit().await.map_err(backend_err)
                }

                async fn replace_session(&self, old_token_hash: &str, new: NewSession, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let removed = sqlx::query("DELETE FROM sessions WHERE token_hash = $1 AND user_id = $2")
                        .bind(old_token_hash)
                        .bind(new.user_id.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if removed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    insert_session(&mut tx, &new).await?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64> {
                    let idle_cutoff = now - steunkring_domain::session::IDLE_TIMEOUT;
                    let absolute_cutoff = now - steunkring_domain::session::ABSOLUTE_TIMEOUT;
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let gone = sqlx::query("DELETE FROM sessions WHERE last_seen_at <= $1 OR created_at <= $2")
                        .bind(idle_cutoff)
                        .bind(absolute_cutoff)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    sqlx::query("DELETE FROM login_failures WHERE at <= $1")
                        .bind(now - chrono::Duration::days(1))
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(gone.rows_affected())
                }

                async fn record_login_failure(&self, account_key: &str, source_addr: &str, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    sqlx::query("INSERT INTO login_failures (account_key, source_addr, at) VALUES ($1, $2, $3)")
                        .bind(account_key)
                        .bind(source_addr)
                        .bind(audit.at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn login_failures_for_account(&self, account_key: &str, since: DateTime<Utc>) -> StoreResult<Vec<DateTime<Utc>>> {
                    let rows = sqlx::query("SELECT at FROM login_failures WHERE account_key = $1 AND at >= $2 ORDER BY at")
                        .bind(account_key)
                        .bind(since)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    rows.iter().map(|r| r.try_get("at")).collect::<Result<_, _>>().map_err(backend_err)
                }

                async fn login_failures_for_addr(&self, source_addr: &str, since: DateTime<Utc>) -> StoreResult<u64> {
                    let row = sqlx::query("SELECT COUNT(*) AS n FROM login_failures WHERE source_addr = $1 AND at >= $2")
                        .bind(source_addr)
                        .bind(since)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    let n: i64 = row.try_get("n").map_err(backend_err)?;
                    Ok(u64::try_from(n).unwrap_or(0))
                }

                async fn clear_login_failures(&self, account_key: &str) -> StoreResult<()> {
                    sqlx::query("DELETE FROM login_failures WHERE account_key = $1")
                        .bind(account_key)
                        .execute(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    Ok(())
                }


                async fn create_case(&self, scope: &OrgScope, details: &CaseDetails, opened_on: chrono::NaiveDate, audit: AuditEvent) -> StoreResult<Case> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    check_case_refs(&mut tx, scope, details).await?;
                    let id = CaseId::generate();
                    insert_case(&mut tx, scope, &id, details, opened_on, audit.at).await?;
                    append_in_tx(&mut tx, &audit.case(id.as_str()).object("case", id.as_str())).await?;
                    let row = read_case(&mut *tx, scope.org_id(), &id).await?.ok_or(StoreError::NotFound)?;
                    let case = case_from_row(&row).map_err(backend_err)?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(case)
                }

                async fn get_case(&self, scope: &OrgScope, id: &CaseId) -> StoreResult<Case> {
                    let row = read_case(&self.pool, scope.org_id(), id).await?.ok_or(StoreError::NotFound)?;
                    case_from_row(&row).map_err(backend_err)
                }

                async fn case_page(
                    &self,
                    scope: &OrgScope,
                    id: &CaseId,
                    parts: &(dyn for<'c> Fn(&'c Case) -> CasePageParts + Send + Sync),
                ) -> StoreResult<CasePage> {
                    let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                    let row = read_case(&mut *conn, scope.org_id(), id).await?.ok_or(StoreError::NotFound)?;
                    let case = case_from_row(&row).map_err(backend_err)?;
                    let wanted = parts(&case);
                    let mut page = CasePage {
                        case,
                        network: Default::default(),
                        network_revision: None,
                        measure_revision: row.try_get("measure_revision").map_err(backend_err)?,
                        versions: Vec::new(),
                        participants: Vec::new(),
                        destruction: None,
                    };
                    if wanted == CasePageParts::default() {
                        return Ok(page);
                    }
                    // The network as parsed at this revision and the other lists as read at
                    // theirs, if they are kept: the revisions were read with the case, in one
                    // statement, so they are the state now.
                    let revision: i64 = row.try_get("network_revision").map_err(backend_err)?;
                    let kept = if wanted.network {
                        self.networks.get(&(id.as_str().to_string(), revision))
                    } else {
                        None
                    };
                    let lists_wanted = wanted.versions || wanted.participants || wanted.destruction;
                    let parts_revision: i64 = row.try_get("parts_revision").map_err(backend_err)?;
                    let lists_key = |revision: i64| (id.as_str().to_string(), revision, wanted);
                    let kept_lists = if lists_wanted {
                        self.page_lists.get(&lists_key(parts_revision))
                    } else {
                        None
                    };
                    let read_network = wanted.network && kept.is_none();
                    let read_lists = lists_wanted && kept_lists.is_none();
                    if let Some(network) = kept {
                        page.network = network;
                        page.network_revision = Some(revision);
                    }
                    if !read_network && !read_lists {
                        if let Some(lists) = kept_lists {
                            page.versions = lists.versions.clone();
                            page.participants = lists.participants.clone();
                            page.destruction = lists.destruction.clone();
                        }
                        return Ok(page);
                    }
                    let row = sqlx::query(CASE_PAGE_PARTS)
                        .bind(id.as_str())
                        .bind(read_network)
                        .bind(read_lists && wanted.versions)
                        .bind(read_lists && wanted.participants)
                        .bind(read_lists && wanted.destruction)
                        .fetch_one(&mut *conn)
                        .await
                        .map_err(backend_err)?;
                    let column = |name: &str| row.try_get::<Option<String>, _>(name).map_err(backend_err);
                    let undecodable = |e: String| StoreError::Backend(e.into());
                    if read_network {
                        // Kept under the revision read in the same statement as the members and
                        // ties (a change may have come in since the case was read).
                        let revision: Option<i64> = row.try_get("network_revision").map_err(backend_err)?;
                        let revision = revision.ok_or_else(|| undecodable("no network revision".into()))?;
                        let network = $crate::stored::network_from_json(column("members")?.as_deref(), column("ties")?.as_deref())
                            .map_err(undecodable)?;
                        page.network = self.networks.insert((id.as_str().to_string(), revision), std::sync::Arc::new(network));
                        page.network_revision = Some(revision);
                    }
                    let lists = if read_lists {
                        let versions = $crate::stored::json_list::<$crate::stored::StoredVersion>(column("versions")?.as_deref())
                            .map_err(undecodable)?
                            .into_iter()
                            .map(VersionSummary::from)
                            .collect();
                        let participants = $crate::stored::json_list::<$crate::stored::StoredParticipant>(column("participants")?.as_deref())
                            .map_err(undecodable)?
                            .into_iter()
                            .map($crate::stored::StoredParticipant::into_entry)
                            .collect::<Result<_, _>>()
                            .map_err(undecodable)?;
                        let destruction = $crate::stored::json_list::<$crate::stored::StoredDestruction>(column("destruction")?.as_deref())
                            .map_err(undecodable)?
                            .into_iter()
                            .next()
                            .map($crate::stored::StoredDestruction::into_request)
                            .transpose()
                            .map_err(undecodable)?;
                        let lists = $crate::PageLists { versions, participants, destruction };
                        // Likewise kept under the parts revision read with the lists.
                        let revision: Option<i64> = row.try_get("parts_revision").map_err(backend_err)?;
                        let revision = revision.ok_or_else(|| undecodable("no parts revision".into()))?;
                        self.page_lists.insert(lists_key(revision), std::sync::Arc::new(lists))
                    } else {
                        kept_lists.unwrap_or_default()
                    };
                    page.versions = lists.versions.clone();
                    page.participants = lists.participants.clone();
                    page.destruction = lists.destruction.clone();
                    Ok(page)
                }

                async fn list_cases(&self, scope: &OrgScope, query: &CaseQuery) -> StoreResult<Vec<CaseSummary>> {
                    let mut q = sqlx::QueryBuilder::<$db>::new(
                        "SELECT c.id, c.team_id, t.name AS team_name, c.youth_name, c.birth_date, c.setting, c.status, c.opened_on \
                         FROM cases c JOIN teams t ON t.id = c.team_id WHERE c.org_id = ",
                    );
                    q.push_bind(scope.org_id().as_str().to_string());
                    if let Some(teams) = &query.teams {
                        if teams.is_empty() {
                            return Ok(Vec::new());
                        }
                        q.push(" AND c.team_id IN (");
                        let mut sep = q.separated(", ");
                        for t in teams {
                            sep.push_bind(t.as_str().to_string());
                        }
                        q.push(")");
                    }
                    if !query.include_closed {
                        q.push(" AND c.status = 'open'");
                    }
                    if let Some(term) = query.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                        let pattern = like_pattern(term);
                        q.push(" AND (lower(c.youth_name) LIKE ");
                        q.push_bind(pattern.clone());
                        q.push(" ESCAPE '\\' OR lower(coalesce(c.preferred_name, '')) LIKE ");
                        q.push_bind(pattern);
                        q.push(" ESCAPE '\\')");
                    }
                    if let Some(after) = &query.after {
                        q.push(" AND c.id < ");
                        q.push_bind(after.clone());
                    }
                    q.push(" ORDER BY c.id DESC LIMIT ");
                    q.push_bind(i64::from(query.limit.clamp(1, 500)));
                    let rows = q.build().fetch_all(&self.pool).await.map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            let setting: String = r.try_get("setting")?;
                            let status: String = r.try_get("status")?;
                            Ok(CaseSummary {
                                id: CaseId::from_stored(r.try_get::<String, _>("id")?),
                                team_id: TeamId::from_stored(r.try_get::<String, _>("team_id")?),
                                team_name: r.try_get("team_name")?,
                                youth_name: r.try_get("youth_name")?,
                                birth_date: r.try_get("birth_date")?,
                                setting: Setting::parse(&setting).ok_or_else(|| sqlx::Error::Decode("unknown setting".into()))?,
                                status: CaseStatus::parse(&status).ok_or_else(|| sqlx::Error::Decode("unknown status".into()))?,
                                opened_on: r.try_get("opened_on")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }

                async fn update_case(&self, scope: &OrgScope, id: &CaseId, details: &CaseDetails, audit: AuditEvent) -> StoreResult<Case> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    check_case_refs(&mut tx, scope, details).await?;
                    let changed = sqlx::query(
                        "UPDATE cases SET team_id = $1, youth_name = $2, preferred_name = $3, birth_date = $4, gender = $5, \
                         setting = $6, network_lead = $7, updated_at = $8 WHERE id = $9 AND org_id = $10",
                    )
                    .bind(details.team_id.as_str())
                    .bind(details.youth_name.as_str())
                    .bind(details.preferred_name.as_deref())
                    .bind(details.birth_date)
                    .bind(details.gender.as_deref())
                    .bind(details.setting.as_str())
                    .bind(details.network_lead.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .bind(id.as_str())
                    .bind(scope.org_id().as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    write_parents(&mut tx, id, &details.parents).await?;
                    append_in_tx(&mut tx, &audit.case(id.as_str()).object("case", id.as_str())).await?;
                    let row = read_case(&mut *tx, scope.org_id(), id).await?.ok_or(StoreError::NotFound)?;
                    let case = case_from_row(&row).map_err(backend_err)?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(case)
                }

                async fn set_case_status(&self, scope: &OrgScope, id: &CaseId, status: CaseStatus, on: chrono::NaiveDate, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let closed_on = (status == CaseStatus::Closed).then_some(on);
                    let changed = sqlx::query("UPDATE cases SET status = $1, closed_on = $2, updated_at = $3 WHERE id = $4 AND org_id = $5")
                        .bind(status.as_str())
                        .bind(closed_on)
                        .bind(audit.at)
                        .bind(id.as_str())
                        .bind(scope.org_id().as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(id.as_str()).object("case", id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }


                async fn network(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Network> {
                    case_in_org(&self.pool, scope, case).await?;
                    let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                    read_network(&mut conn, case).await
                }

                async fn add_member(&self, scope: &OrgScope, case: &CaseId, m: &NetworkMember, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    insert_member(&mut tx, case, m, None, audit.at).await?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("member", m.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn update_member(&self, scope: &OrgScope, case: &CaseId, m: &NetworkMember, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    keep_history(&mut tx, case, &m.id, &audit, false).await?;
                    let q = sqlx::query(
                        "UPDATE members SET name = $1, relation = $2, ring = $3, sector = $4, level = $5, support = $6, \
                         tie_quality = $7, stance = $8, roles = $9, protective = $10, risk = $11, available = $12, is_adult = $13, \
                         known_years = $14, contact_frequency = $15, updated_at = $16 WHERE id = $17 AND case_id = $18",
                    );
                    let changed = bind_member_fields(q, m)
                    .bind(audit.at)
                    .bind(m.id.as_str())
                    .bind(case.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("member", m.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn remove_member(&self, scope: &OrgScope, case: &CaseId, member: &MemberId, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    keep_history(&mut tx, case, member, &audit, true).await?;
                    sqlx::query("DELETE FROM ties WHERE case_id = $1 AND (from_member = $2 OR to_member = $2)")
                        .bind(case.as_str())
                        .bind(member.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    let gone = sqlx::query("DELETE FROM members WHERE id = $1 AND case_id = $2")
                        .bind(member.as_str())
                        .bind(case.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if gone.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("member", member.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn set_tie(&self, scope: &OrgScope, case: &CaseId, tie: &Tie, audit: AuditEvent) -> StoreResult<()> {
                    let (a, b) = tie.pair();
                    if a == b {
                        return Err(StoreError::NotFound);
                    }
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let both = sqlx::query("SELECT COUNT(*) AS n FROM members WHERE case_id = $1 AND id IN ($2, $3)")
                        .bind(case.as_str())
                        .bind(a.as_str())
                        .bind(b.as_str())
                        .fetch_one(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    let n: i64 = both.try_get("n").map_err(backend_err)?;
                    if n != 2 {
                        return Err(StoreError::NotFound);
                    }
                    insert_tie(&mut tx, case, tie).await?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("tie", format!("{a}~{b}"))).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn remove_tie(&self, scope: &OrgScope, case: &CaseId, a: &MemberId, b: &MemberId, audit: AuditEvent) -> StoreResult<()> {
                    let (a, b) = if a <= b { (a, b) } else { (b, a) };
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let gone = sqlx::query("DELETE FROM ties WHERE case_id = $1 AND from_member = $2 AND to_member = $3")
                        .bind(case.as_str())
                        .bind(a.as_str())
                        .bind(b.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if gone.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("tie", format!("{a}~{b}"))).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn save_version(&self, scope: &OrgScope, case: &CaseId, title: &str, taken_on: chrono::NaiveDate, audit: AuditEvent) -> StoreResult<VersionSummary> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let network = read_network(&mut tx, case).await?;
                    let snapshot = serde_json::to_string(&network).map_err(|e| StoreError::Backend(Box::new(e)))?;
                    let summary = VersionSummary {
                        id: VersionId::generate(),
                        title: title.to_string(),
                        taken_on,
                        member_count: i64::try_from(network.members.len()).unwrap_or(i64::MAX),
                        created_at: audit.at,
                    };
                    // Kept beside the snapshot for the analyst's aggregates (see sql/insight.rs).
                    let (informal, gaps) = steunkring_domain::insight::figures::map_summary(&network.members, &network.ties);
                    sqlx::query(
                        "INSERT INTO map_versions (id, case_id, title, taken_on, member_count, informal_count, gap_mask, snapshot, created_by, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $9, $10, $6, $7, $8)",
                    )
                    .bind(summary.id.as_str())
                    .bind(case.as_str())
                    .bind(title)
                    .bind(taken_on)
                    .bind(summary.member_count)
                    .bind(&snapshot)
                    .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .bind(i64::try_from(informal).unwrap_or(i64::MAX))
                    .bind(i64::from(gaps))
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("map_version", summary.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(summary)
                }

                async fn list_versions(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<VersionSummary>> {
                    case_in_org(&self.pool, scope, case).await?;
                    let rows = sqlx::query(
                        "SELECT id, title, taken_on, member_count, created_at FROM map_versions WHERE case_id = $1 ORDER BY taken_on, created_at, id",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter().map(version_from_row).collect::<Result<_, _>>().map_err(backend_err)
                }

                async fn get_version(&self, scope: &OrgScope, case: &CaseId, version: &VersionId) -> StoreResult<(VersionSummary, Network)> {
                    case_in_org(&self.pool, scope, case).await?;
                    let row = sqlx::query(
                        "SELECT id, title, taken_on, member_count, created_at, snapshot FROM map_versions WHERE id = $1 AND case_id = $2",
                    )
                    .bind(version.as_str())
                    .bind(case.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                    let summary = version_from_row(&row).map_err(backend_err)?;
                    let snapshot: String = row.try_get("snapshot").map_err(backend_err)?;
                    let network: Network = serde_json::from_str(&snapshot).map_err(|e| StoreError::Backend(Box::new(e)))?;
                    Ok((summary, network))
                }


                async fn import_cases(&self, scope: &OrgScope, cases: &[ImportedCase], audit: AuditEvent) -> StoreResult<Vec<CaseId>> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let teams: std::collections::BTreeSet<&TeamId> = cases.iter().map(|c| &c.details.team_id).collect();
                    for team in teams {
                        teams_in_org(&mut tx, scope, std::slice::from_ref(team)).await?;
                    }
                    let mut ids = Vec::with_capacity(cases.len());
                    for c in cases {
                        let id = CaseId::generate();
                        insert_case(&mut tx, scope, &id, &c.details, c.opened_on, audit.at).await?;
                        for (i, m) in c.members.iter().enumerate() {
                            insert_member(&mut tx, &id, m, Some(i64::try_from(i).unwrap_or(i64::MAX) + 1), audit.at).await?;
                        }
                        for t in &c.ties {
                            insert_tie(&mut tx, &id, t).await?;
                        }
                        append_in_tx(&mut tx, &audit.clone().case(id.as_str()).object("case", id.as_str())).await?;
                        ids.push(id);
                    }
                    tx.commit().await.map_err(backend_err)?;
                    Ok(ids)
                }


                async fn invite(&self, scope: &OrgScope, case: &CaseId, new: &NewParticipant, audit: AuditEvent) -> StoreResult<ParticipantEntry> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    if let Some(member) = &new.member_id {
                        let found = sqlx::query("SELECT 1 AS one FROM members WHERE id = $1 AND case_id = $2")
                            .bind(member.as_str())
                            .bind(case.as_str())
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                        if found.is_none() {
                            return Err(StoreError::NotFound);
                        }
                    }
                    let participant = Participant {
                        id: AuditId::generate().to_string(),
                        case_id: case.clone(),
                        kind: new.kind,
                        display_name: new.display_name.clone(),
                        member_id: new.member_id.clone(),
                        parent_index: new.parent_index,
                        user_id: None,
                        created_at: audit.at,
                    };
                    sqlx::query(
                        "INSERT INTO participants (id, case_id, kind, display_name, member_id, parent_index, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(&participant.id)
                    .bind(case.as_str())
                    .bind(new.kind.as_str())
                    .bind(&new.display_name)
                    .bind(new.member_id.as_ref().map(|m| m.as_str().to_string()))
                    .bind(new.parent_index.map(i64::from))
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    let invitation = insert_invitation(&mut tx, &participant.id, &new.code_hash, audit.user_id.as_ref(), audit.at, new.expires_at).await?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("invitation", invitation.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(ParticipantEntry { participant, invitation: Some(invitation) })
                }

                async fn reinvite(&self, scope: &OrgScope, case: &CaseId, participant: &str, code_hash: &str, expires_at: DateTime<Utc>, audit: AuditEvent) -> StoreResult<Invitation> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let row = sqlx::query("SELECT user_id FROM participants WHERE id = $1 AND case_id = $2")
                        .bind(participant)
                        .bind(case.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    if row.try_get::<Option<String>, _>("user_id").map_err(backend_err)?.is_some() {
                        return Err(StoreError::Conflict("invitation"));
                    }
                    sqlx::query("UPDATE invitations SET revoked_at = $1 WHERE participant_id = $2 AND used_at IS NULL AND revoked_at IS NULL")
                        .bind(audit.at)
                        .bind(participant)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    let invitation = insert_invitation(&mut tx, participant, code_hash, audit.user_id.as_ref(), audit.at, expires_at).await?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("invitation", invitation.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(invitation)
                }

                async fn list_participants(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<ParticipantEntry>> {
                    case_in_org(&self.pool, scope, case).await?;
                    let rows = sqlx::query(
                        "SELECT p.id AS p_id, p.case_id AS p_case_id, p.kind AS p_kind, p.display_name AS p_display_name, \
                         p.member_id AS p_member_id, p.parent_index AS p_parent_index, p.user_id AS p_user_id, p.created_at AS p_created_at, \
                         i.id AS i_id, i.created_at AS i_created_at, i.expires_at AS i_expires_at, i.used_at AS i_used_at, i.revoked_at AS i_revoked_at \
                         FROM participants p LEFT JOIN invitations i ON i.participant_id = p.id \
                         AND i.created_at = (SELECT MAX(created_at) FROM invitations WHERE participant_id = p.id) \
                         WHERE p.case_id = $1 ORDER BY p.created_at, p.id",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| Ok(ParticipantEntry { participant: participant_from_row(r)?, invitation: invitation_from_row(r)? }))
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }

                async fn revoke_invitation(&self, scope: &OrgScope, case: &CaseId, invitation: &str, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let changed = sqlx::query(
                        "UPDATE invitations SET revoked_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL \
                         AND participant_id IN (SELECT id FROM participants WHERE case_id = $3)",
                    )
                    .bind(audit.at)
                    .bind(invitation)
                    .bind(case.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("invitation", invitation)).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn find_invitation(&self, code_hash: &str) -> StoreResult<Option<InvitationFound>> {
                    let row = sqlx::query(
                        "SELECT c.org_id AS org_id, p.id AS p_id, p.case_id AS p_case_id, p.kind AS p_kind, p.display_name AS p_display_name, \
                         p.member_id AS p_member_id, p.parent_index AS p_parent_index, p.user_id AS p_user_id, p.created_at AS p_created_at, \
                         i.id AS i_id, i.created_at AS i_created_at, i.expires_at AS i_expires_at, i.used_at AS i_used_at, i.revoked_at AS i_revoked_at \
                         FROM invitations i JOIN participants p ON p.id = i.participant_id JOIN cases c ON c.id = p.case_id WHERE i.code_hash = $1",
                    )
                    .bind(code_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let Some(row) = row else { return Ok(None) };
                    let read = || -> Result<Option<InvitationFound>, sqlx::Error> {
                        let Some(invitation) = invitation_from_row(&row)? else { return Ok(None) };
                        Ok(Some(InvitationFound {
                            invitation,
                            participant: participant_from_row(&row)?,
                            org_id: OrgId::from_stored(row.try_get::<String, _>("org_id")?),
                        }))
                    };
                    read().map_err(backend_err)
                }

                async fn accept_invitation_new(&self, code_hash: &str, user: NewUser, now: DateTime<Utc>, audit: AuditEvent) -> StoreResult<UserId> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let (invitation, participant, org) = open_invitation(&mut tx, code_hash, now).await?;
                    let id = UserId::generate();
                    sqlx::query(
                        "INSERT INTO users (id, org_id, email, name, roles, password_hash, disabled, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(id.as_str())
                    .bind(org.as_str())
                    .bind(user.email.as_str())
                    .bind(user.name.as_str())
                    .bind(roles_to_text(&[participant.kind.role()]))
                    .bind(&user.password_hash)
                    .bind(false)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    link_participant(&mut tx, &invitation, &participant.id, &id, now).await?;
                    let mut event = audit.case(participant.case_id.as_str()).object("participant", participant.id.as_str());
                    event.user_id = Some(id.clone());
                    event.org_id = Some(org.clone());
                    event.role = Some(participant.kind.role());
                    append_in_tx(&mut tx, &event).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(id)
                }

                async fn accept_invitation_existing(&self, code_hash: &str, user: &UserId, now: DateTime<Utc>, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let (invitation, participant, org) = open_invitation(&mut tx, code_hash, now).await?;
                    let row = sqlx::query("SELECT roles FROM users WHERE id = $1 AND org_id = $2")
                        .bind(user.as_str())
                        .bind(org.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    let mut roles = roles_from_text(&row.try_get::<String, _>("roles").map_err(backend_err)?);
                    if !roles.contains(&participant.kind.role()) {
                        roles.push(participant.kind.role());
                        sqlx::query("UPDATE users SET roles = $1 WHERE id = $2")
                            .bind(roles_to_text(&roles))
                            .bind(user.as_str())
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                    }
                    link_participant(&mut tx, &invitation, &participant.id, user, now).await?;
                    append_in_tx(&mut tx, &audit.case(participant.case_id.as_str()).object("participant", participant.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn participant_links(&self, user: &UserId) -> StoreResult<Vec<ParticipantLink>> {
                    let rows = sqlx::query(
                        "SELECT p.id AS p_id, p.case_id AS p_case_id, p.kind AS p_kind, p.display_name AS p_display_name, \
                         p.member_id AS p_member_id, p.parent_index AS p_parent_index, p.user_id AS p_user_id, p.created_at AS p_created_at, \
                         c.org_id, c.team_id, c.youth_name, c.preferred_name \
                         FROM participants p JOIN cases c ON c.id = p.case_id WHERE p.user_id = $1 ORDER BY p.created_at",
                    )
                    .bind(user.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            Ok(ParticipantLink {
                                participant: participant_from_row(r)?,
                                org_id: OrgId::from_stored(r.try_get::<String, _>("org_id")?),
                                team_id: TeamId::from_stored(r.try_get::<String, _>("team_id")?),
                                youth_name: r.try_get("youth_name")?,
                                youth_preferred_name: r.try_get("preferred_name")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }


                async fn set_case_framework(&self, scope: &OrgScope, case: &CaseId, framework: Framework, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let changed = sqlx::query("UPDATE cases SET framework = $1, updated_at = $2 WHERE id = $3 AND org_id = $4")
                        .bind(framework.as_str())
                        .bind(audit.at)
                        .bind(case.as_str())
                        .bind(scope.org_id().as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("framework", framework.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn sharing_state(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<SharingState> {
                    let row = sqlx::query("SELECT framework FROM cases WHERE id = $1 AND org_id = $2")
                        .bind(case.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    let framework = Framework::parse(&row.try_get::<String, _>("framework").map_err(backend_err)?).unwrap_or(Framework::Voluntary);
                    let consent_rows = sqlx::query(
                        "SELECT id, category, recipient, valid_from, valid_until, required, withdrawn_party, withdrawn_at \
                         FROM consents WHERE case_id = $1 ORDER BY created_at, id",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let giving_rows = sqlx::query(
                        "SELECT g.consent_id, g.party, g.at, g.how, g.by_user FROM consent_givings g \
                         JOIN consents c ON c.id = g.consent_id WHERE c.case_id = $1 ORDER BY g.at",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let withholding_rows = sqlx::query(
                        "SELECT id, category, recipient, reason, active, created_at FROM withholdings WHERE case_id = $1 ORDER BY created_at",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let bad = |what: &str| sqlx::Error::Decode(format!("stored consent has an unknown {what}").into());
                    let read = || -> Result<SharingState, sqlx::Error> {
                        let mut consents = Vec::new();
                        for r in &consent_rows {
                            let id: String = r.try_get("id")?;
                            let withdrawn_party: Option<String> = r.try_get("withdrawn_party")?;
                            let withdrawn_at: Option<DateTime<Utc>> = r.try_get("withdrawn_at")?;
                            let mut given = Vec::new();
                            for g in giving_rows.iter().filter(|g| g.try_get::<String, _>("consent_id").ok().as_deref() == Some(id.as_str())) {
                                given.push(Given {
                                    party: Party::parse_code(&g.try_get::<String, _>("party")?).ok_or_else(|| bad("party"))?,
                                    at: g.try_get("at")?,
                                    how: g.try_get("how")?,
                                    by_user: g.try_get("by_user")?,
                                });
                            }
                            consents.push(Consent {
                                category: Category::parse(&r.try_get::<String, _>("category")?).ok_or_else(|| bad("category"))?,
                                recipient: Recipient::parse_code(&r.try_get::<String, _>("recipient")?).ok_or_else(|| bad("recipient"))?,
                                valid_from: r.try_get("valid_from")?,
                                valid_until: r.try_get("valid_until")?,
                                required: parties_from_text(&r.try_get::<String, _>("required")?),
                                given,
                                withdrawn: match (withdrawn_party.as_deref().and_then(Party::parse_code), withdrawn_at) {
                                    (Some(party), Some(at)) => Some(Withdrawal { party, at }),
                                    _ => None,
                                },
                                id,
                            });
                        }
                        let withholdings = withholding_rows
                            .iter()
                            .map(|r| {
                                Ok(WithholdingRecord {
                                    id: r.try_get("id")?,
                                    withholding: Withholding {
                                        category: Category::parse(&r.try_get::<String, _>("category")?).ok_or_else(|| bad("category"))?,
                                        recipient: Recipient::parse_code(&r.try_get::<String, _>("recipient")?).ok_or_else(|| bad("recipient"))?,
                                        reason: r.try_get("reason")?,
                                        active: r.try_get("active")?,
                                    },
                                    created_at: r.try_get("created_at")?,
                                })
                            })
                            .collect::<Result<_, sqlx::Error>>()?;
                        Ok(SharingState { framework, consents, withholdings })
                    };
                    read().map_err(backend_err)
                }

                async fn ask_consent(&self, scope: &OrgScope, case: &CaseId, consent: &Consent, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    sqlx::query(
                        "INSERT INTO consents (id, case_id, category, recipient, valid_from, valid_until, required, created_by, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    )
                    .bind(&consent.id)
                    .bind(case.as_str())
                    .bind(consent.category.as_str())
                    .bind(consent.recipient.as_code())
                    .bind(consent.valid_from)
                    .bind(consent.valid_until)
                    .bind(parties_to_text(&consent.required))
                    .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    for g in &consent.given {
                        insert_giving(&mut tx, &consent.id, g).await?;
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("consent", consent.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn give_consent(&self, scope: &OrgScope, case: &CaseId, consent: &str, given: &Given, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let row = sqlx::query(concat!("SELECT required, withdrawn_at FROM consents WHERE id = $1 AND case_id = $2", $lock))
                        .bind(consent)
                        .bind(case.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    let required = parties_from_text(&row.try_get::<String, _>("required").map_err(backend_err)?);
                    let withdrawn: Option<DateTime<Utc>> = row.try_get("withdrawn_at").map_err(backend_err)?;
                    if withdrawn.is_some() || !required.contains(&given.party) {
                        return Err(StoreError::Conflict("consent"));
                    }
                    insert_giving(&mut tx, consent, given).await?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("consent", consent)).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn withdraw_consent(&self, scope: &OrgScope, case: &CaseId, consent: &str, withdrawal: &Withdrawal, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let required = sqlx::query("SELECT required FROM consents WHERE id = $1 AND case_id = $2")
                        .bind(consent)
                        .bind(case.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    // Only a party that had to consent can withdraw (any one of them, at once).
                    if !parties_from_text(&required.try_get::<String, _>("required").map_err(backend_err)?).contains(&withdrawal.party) {
                        return Err(StoreError::Conflict("consent"));
                    }
                    let changed = sqlx::query(
                        "UPDATE consents SET withdrawn_party = $1, withdrawn_at = $2 WHERE id = $3 AND case_id = $4 AND withdrawn_at IS NULL",
                    )
                    .bind(withdrawal.party.as_code())
                    .bind(withdrawal.at)
                    .bind(consent)
                    .bind(case.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        let exists = sqlx::query("SELECT 1 AS one FROM consents WHERE id = $1 AND case_id = $2")
                            .bind(consent)
                            .bind(case.as_str())
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                        return Err(if exists.is_some() { StoreError::Conflict("consent") } else { StoreError::NotFound });
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("consent", consent)).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn add_withholding(&self, scope: &OrgScope, case: &CaseId, w: &Withholding, audit: AuditEvent) -> StoreResult<String> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let id = AuditId::generate().to_string();
                    sqlx::query(
                        "INSERT INTO withholdings (id, case_id, category, recipient, reason, active, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(&id)
                    .bind(case.as_str())
                    .bind(w.category.as_str())
                    .bind(w.recipient.as_code())
                    .bind(&w.reason)
                    .bind(true)
                    .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("withholding", id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(id)
                }

                async fn lift_withholding(&self, scope: &OrgScope, case: &CaseId, id: &str, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let changed = sqlx::query("UPDATE withholdings SET active = $1, lifted_at = $2 WHERE id = $3 AND case_id = $4 AND lifted_at IS NULL")
                        .bind(false)
                        .bind(audit.at)
                        .bind(id)
                        .bind(case.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if changed.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("withholding", id)).await?;
                    tx.commit().await.map_err(backend_err)
                }


                async fn record_sharing_decision(&self, scope: &OrgScope, case: &CaseId, d: &SharingDecision, audit: AuditEvent) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    sqlx::query(
                        "INSERT INTO sharing_decisions (id, case_id, recipient, information, answers, advice, decision, reasons, decided_by, decided_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                    )
                    .bind(&d.id)
                    .bind(case.as_str())
                    .bind(&d.recipient)
                    .bind(&d.information)
                    .bind(&d.answers)
                    .bind(&d.advice)
                    .bind(&d.decision)
                    .bind(&d.reasons)
                    .bind(d.decided_by.as_ref().map(|u| u.as_str().to_string()))
                    .bind(d.decided_at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("sharing_decision", d.id.as_str())).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn list_sharing_decisions(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<SharingDecision>> {
                    case_in_org(&self.pool, scope, case).await?;
                    let rows = sqlx::query(
                        "SELECT id, recipient, information, answers, advice, decision, reasons, decided_by, decided_at \
                         FROM sharing_decisions WHERE case_id = $1 ORDER BY decided_at DESC",
                    )
                    .bind(case.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            Ok(SharingDecision {
                                id: r.try_get("id")?,
                                recipient: r.try_get("recipient")?,
                                information: r.try_get("information")?,
                                answers: r.try_get("answers")?,
                                advice: r.try_get("advice")?,
                                decision: r.try_get("decision")?,
                                reasons: r.try_get("reasons")?,
                                decided_by: r.try_get::<Option<String>, _>("decided_by")?.map(UserId::from_stored),
                                decided_at: r.try_get("decided_at")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }

                async fn record_destruction_request(&self, scope: &OrgScope, case: &CaseId, new: &NewDestructionRequest, audit: AuditEvent) -> StoreResult<DestructionRequest> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    sqlx::query(concat!("SELECT 1 AS one FROM cases WHERE id = $1 AND org_id = $2", $lock))
                        .bind(case.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    let open = sqlx::query("SELECT 1 AS one FROM destruction_requests WHERE case_id = $1 AND status = 'requested'")
                        .bind(case.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if open.is_some() {
                        return Err(StoreError::Conflict("destruction_request"));
                    }
                    let id = AuditId::generate().to_string();
                    sqlx::query(
                        "INSERT INTO destruction_requests (id, case_id, requested_by, received_on, deadline, note, status, created_by, created_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, 'requested', $7, $8)",
                    )
                    .bind(&id)
                    .bind(case.as_str())
                    .bind(new.requested_by.as_code())
                    .bind(new.received_on)
                    .bind(destruction_deadline(new.received_on))
                    .bind(new.note.as_deref())
                    .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("destruction_request", id.as_str())).await?;
                    let request = latest_destruction(&mut *tx, case).await?.ok_or(StoreError::NotFound)?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(request)
                }

                async fn destruction_request(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Option<DestructionRequest>> {
                    case_in_org(&self.pool, scope, case).await?;
                    latest_destruction(&self.pool, case).await
                }

                async fn refuse_destruction(&self, scope: &OrgScope, case: &CaseId, reason: &str, audit: AuditEvent) -> StoreResult<DestructionRequest> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    case_in_org(&mut *tx, scope, case).await?;
                    let open = sqlx::query(concat!("SELECT id FROM destruction_requests WHERE case_id = $1 AND status = 'requested'", $lock))
                        .bind(case.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::Conflict("destruction_request"))?;
                    let id: String = open.try_get("id").map_err(backend_err)?;
                    sqlx::query(
                        "UPDATE destruction_requests SET status = 'refused_exception', exception_reason = $1, decided_by = $2, decided_at = $3 \
                         WHERE id = $4",
                    )
                    .bind(reason)
                    .bind(audit.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(audit.at)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                    append_in_tx(&mut tx, &audit.case(case.as_str()).object("destruction_request", id.as_str())).await?;
                    let request = latest_destruction(&mut *tx, case).await?.ok_or(StoreError::NotFound)?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(request)
                }

                async fn open_destruction_requests(&self, scope: &OrgScope, teams: Option<&[TeamId]>) -> StoreResult<Vec<OpenDestructionRequest>> {
                    if teams.is_some_and(|t| t.is_empty()) {
                        return Ok(Vec::new());
                    }
                    let rows = sqlx::query(
                        "SELECT d.id, d.case_id, d.requested_by, d.received_on, d.deadline, d.note, d.status, d.exception_reason, d.decided_by, d.decided_at, d.created_by, d.created_at, c.youth_name, c.team_id, t.name AS team_name \
                         FROM destruction_requests d JOIN cases c ON c.id = d.case_id JOIN teams t ON t.id = c.team_id \
                         WHERE c.org_id = $1 AND d.status = 'requested' ORDER BY d.deadline, d.created_at LIMIT 1000",
                    )
                    .bind(scope.org_id().as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    let mut open = Vec::with_capacity(rows.len());
                    for r in &rows {
                        let team_id = TeamId::from_stored(r.try_get::<String, _>("team_id").map_err(backend_err)?);
                        if teams.is_some_and(|t| !t.contains(&team_id)) {
                            continue;
                        }
                        open.push(OpenDestructionRequest {
                            request: destruction_from_row(r).map_err(backend_err)?,
                            youth_name: r.try_get("youth_name").map_err(backend_err)?,
                            team_id,
                            team_name: r.try_get("team_name").map_err(backend_err)?,
                        });
                    }
                    Ok(open)
                }

                async fn case_data_counts(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<(&'static str, u64)>> {
                    let owner = sqlx::query("SELECT org_id FROM cases WHERE id = $1")
                        .bind(case.as_str())
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    if let Some(row) = owner {
                        let org: String = row.try_get("org_id").map_err(backend_err)?;
                        if org != scope.org_id().as_str() {
                            return Err(StoreError::NotFound);
                        }
                    }
                    let mut counts = Vec::with_capacity(CASE_ROWS.len());
                    for (table, count, _) in CASE_ROWS {
                        let n: i64 = sqlx::query(count)
                            .bind(case.as_str())
                            .fetch_one(&self.pool)
                            .await
                            .map_err(backend_err)?
                            .try_get("n")
                            .map_err(backend_err)?;
                        counts.push((table, u64::try_from(n).unwrap_or(0)));
                    }
                    Ok(counts)
                }

                async fn destroy_case(&self, scope: &OrgScope, case: &CaseId, ground: DestructionGround, audit: AuditEvent) -> StoreResult<DestructionReport> {
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    let row = sqlx::query(concat!("SELECT status, updated_at FROM cases WHERE id = $1 AND org_id = $2", $lock))
                        .bind(case.as_str())
                        .bind(scope.org_id().as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .ok_or(StoreError::NotFound)?;
                    match ground {
                        DestructionGround::Request => {
                            let open = sqlx::query("SELECT 1 AS one FROM destruction_requests WHERE case_id = $1 AND status = 'requested'")
                                .bind(case.as_str())
                                .fetch_optional(&mut *tx)
                                .await
                                .map_err(backend_err)?;
                            if open.is_none() {
                                return Err(StoreError::Conflict("destruction_request"));
                            }
                        }
                        DestructionGround::RetentionEnded { cutoff } => {
                            let status: String = row.try_get("status").map_err(backend_err)?;
                            let updated_at: DateTime<Utc> = row.try_get("updated_at").map_err(backend_err)?;
                            if status != CaseStatus::Closed.as_str() || updated_at >= cutoff {
                                return Err(StoreError::Conflict("retention"));
                            }
                        }
                    }
                    let users = sqlx::query("SELECT DISTINCT user_id FROM participants WHERE case_id = $1 AND user_id IS NOT NULL")
                        .bind(case.as_str())
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(backend_err)?
                        .iter()
                        .map(|r| r.try_get::<String, _>("user_id").map(UserId::from_stored))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(backend_err)?;
                    let mut rows = Vec::with_capacity(CASE_ROWS.len());
                    for (table, _, delete) in CASE_ROWS {
                        let done = sqlx::query(delete)
                            .bind(case.as_str())
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                        rows.push((table, done.rows_affected()));
                    }
                    let audit = audit.case(case.as_str()).object("case", case.as_str()).purpose(ground.purpose());
                    let mut disabled_accounts = Vec::new();
                    for user in users {
                        let left: i64 = sqlx::query("SELECT COUNT(*) AS n FROM participants WHERE user_id = $1")
                            .bind(user.as_str())
                            .fetch_one(&mut *tx)
                            .await
                            .map_err(backend_err)?
                            .try_get("n")
                            .map_err(backend_err)?;
                        let Some(account) = sqlx::query("SELECT roles, disabled FROM users WHERE id = $1 AND org_id = $2")
                            .bind(user.as_str())
                            .bind(scope.org_id().as_str())
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(backend_err)?
                        else {
                            continue;
                        };
                        let roles = roles_from_text(&account.try_get::<String, _>("roles").map_err(backend_err)?);
                        let disabled: bool = account.try_get("disabled").map_err(backend_err)?;
                        if left > 0 || disabled || roles.iter().any(|r| r.is_staff()) {
                            continue;
                        }
                        sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2")
                            .bind(true)
                            .bind(user.as_str())
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                            .bind(user.as_str())
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                        let mut entry = audit.clone().object("user", user.as_str());
                        entry.action = AuditAction::Update;
                        append_in_tx(&mut tx, &entry).await?;
                        disabled_accounts.push(user);
                    }
                    append_in_tx(&mut tx, &audit).await?;
                    tx.commit().await.map_err(backend_err)?;
                    Ok(DestructionReport { rows, disabled_accounts })
                }

                async fn retention_candidates(&self, scope: &OrgScope, cutoff: DateTime<Utc>) -> StoreResult<Vec<RetentionCandidate>> {
                    let rows = sqlx::query(
                        "SELECT c.id, c.youth_name, t.name AS team_name, c.closed_on, c.updated_at \
                         FROM cases c JOIN teams t ON t.id = c.team_id \
                         WHERE c.org_id = $1 AND c.status = 'closed' AND c.updated_at < $2 ORDER BY c.updated_at, c.id LIMIT 500",
                    )
                    .bind(scope.org_id().as_str())
                    .bind(cutoff)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            Ok(RetentionCandidate {
                                case_id: CaseId::from_stored(r.try_get::<String, _>("id")?),
                                youth_name: r.try_get("youth_name")?,
                                team_name: r.try_get("team_name")?,
                                closed_on: r.try_get("closed_on")?,
                                updated_at: r.try_get("updated_at")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()
                        .map_err(backend_err)
                }


                async fn member_history(&self, scope: &OrgScope, case: &CaseId, member: &MemberId) -> StoreResult<Vec<MemberChange>> {
                    case_in_org(&self.pool, scope, case).await?;
                    let rows = sqlx::query(
                        "SELECT changed_at, changed_by, before, removed FROM member_history WHERE case_id = $1 AND member_id = $2 ORDER BY changed_at DESC, id DESC",
                    )
                    .bind(case.as_str())
                    .bind(member.as_str())
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter()
                        .map(|r| {
                            let before: String = r.try_get("before").map_err(backend_err)?;
                            Ok(MemberChange {
                                changed_at: r.try_get("changed_at").map_err(backend_err)?,
                                changed_by: r.try_get::<Option<String>, _>("changed_by").map_err(backend_err)?.map(UserId::from_stored),
                                before: serde_json::from_str(&before).map_err(|e| StoreError::Backend(Box::new(e)))?,
                                removed: r.try_get("removed").map_err(backend_err)?,
                            })
                        })
                        .collect()
                }

                async fn append_audit(&self, events: Vec<AuditEvent>) -> StoreResult<()> {
                    if events.is_empty() {
                        return Ok(());
                    }
                    let mut tx = self.begin_write().await.map_err(backend_err)?;
                    append_all_in_tx(&mut tx, &events).await?;
                    tx.commit().await.map_err(backend_err)
                }

                async fn list_audit(&self, scope: &OrgScope, filter: &AuditFilter) -> StoreResult<Vec<AuditRecord>> {
                    let rows = sqlx::query(
                        "SELECT seq, id, at, action, outcome, user_id, role, on_behalf_of, org_id, case_id, \
                         object_type, object_id, purpose, source_addr, prev_hash, hash FROM audit_log \
                         WHERE org_id = $1 \
                         AND ($2 IS NULL OR at >= $2) AND ($3 IS NULL OR at < $3) \
                         AND ($4 IS NULL OR user_id = $4) AND ($5 IS NULL OR case_id = $5) \
                         AND ($6 IS NULL OR seq < $6) \
                         ORDER BY seq DESC LIMIT $7",
                    )
                    .bind(scope.org_id().as_str())
                    .bind(filter.from)
                    .bind(filter.until)
                    .bind(filter.user_id.as_ref().map(|u| u.as_str().to_string()))
                    .bind(filter.case_id.as_deref())
                    .bind(filter.before_seq)
                    .bind(i64::from(filter.limit.clamp(1, 1000)))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(backend_err)?;
                    rows.iter().map(audit_from_row).collect::<Result<_, _>>().map_err(backend_err)
                }

                async fn verify_audit(&self) -> StoreResult<ChainReport> {
                    const PAGE: i64 = 5_000;
                    let mut prev = GENESIS_HASH.to_string();
                    let mut next_seq = 1_i64;
                    let mut checked = 0_u64;
                    loop {
                        let rows = sqlx::query(
                            "SELECT seq, id, at, action, outcome, user_id, role, on_behalf_of, org_id, case_id, \
                             object_type, object_id, purpose, source_addr, prev_hash, hash FROM audit_log \
                             WHERE seq >= $1 ORDER BY seq LIMIT $2",
                        )
                        .bind(next_seq)
                        .bind(PAGE)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(backend_err)?;
                        let records: Vec<AuditRecord> =
                            rows.iter().map(audit_from_row).collect::<Result<_, _>>().map_err(backend_err)?;
                        let report = verify_chain(&records, prev.clone(), next_seq);
                        checked += report.checked;
                        if report.first_broken.is_some() {
                            return Ok(ChainReport { checked, first_broken: report.first_broken });
                        }
                        let Some(last) = records.last() else { break };
                        prev = last.hash.clone();
                        next_seq = last.seq + 1;
                        if (records.len() as i64) < PAGE {
                            break;
                        }
                    }
                    // The head must point at the last entry, or entries were removed from the end.
                    let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                        .fetch_one(&self.pool)
                        .await
                        .map_err(backend_err)?;
                    let last_seq: i64 = head.try_get("last_seq").map_err(backend_err)?;
                    let last_hash: String = head.try_get("last_hash").map_err(backend_err)?;
                    if last_seq != next_seq - 1 || last_hash != prev {
                        return Ok(ChainReport { checked, first_broken: Some(next_seq) });
                    }
                    Ok(ChainReport { checked, first_broken: None })
                }

                async fn backup_to(&self, path: &std::path::Path) -> StoreResult<()> {
                    self.backup_into(path).await
                }
            }

            async fn insert_session(tx: &mut Tx<'_>, s: &NewSession) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, kind, stage, created_at, last_seen_at) \
                     VALUES ($1, $2, $3, $4, $5, $5)",
                )
                .bind(&s.token_hash)
                .bind(s.user_id.as_str())
                .bind(s.kind.as_str())
                .bind(s.stage.as_str())
                .bind(s.created_at)
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
                Ok(())
            }

            $crate::impl_plan_sql!($store, db = $db);
            $crate::impl_support_sql!($store, db = $db);
            $crate::impl_measure_sql!($store, db = $db);
            $crate::impl_overview_sql!($store, db = $db);
            $crate::impl_research_sql!($store, db = $db);
            $crate::impl_insight_sql!($store, db = $db);
        };
    };
}
