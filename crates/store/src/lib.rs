//! The storage abstraction of Steunkring.
//!
//! One trait, [`Store`], with one implementation per database (`steunkring-store-sqlite`,
//! `steunkring-store-postgres`), each with its own migrations. The web layer holds an
//! `Arc<dyn Store>` and never sees SQL.
//!
//! **Organisation scope.** Every method that touches an organisation's data takes an
//! [`OrgScope`]. A scope can only be made from a logged-in [`Actor`](steunkring_domain::Actor)
//! or, explicitly, by the command line as the operator; so a query that forgets the
//! organisation does not compile.
//!
//! **Audit.** Every method that changes data takes the [`AuditEvent`] describing the change and
//! writes it in the same transaction as the change.

mod insight;
pub mod kept;
mod measure;
mod overview;
mod plan;
mod research;
mod rows;
mod scope;
#[doc(hidden)]
pub mod sql;
#[doc(hidden)]
pub mod stored;
mod support;
#[cfg(feature = "testsuite")]
pub mod testsuite;

pub use insight::{
    CaseHistory, HistoryAction, HistoryConcern, HistoryFigure, HistorySelfReport, InsightStore,
};
pub use kept::Kept;
pub use measure::{
    CheckSchedule, MeasureStore, StoredOutcome, StoredScreening, StoredSelfReport,
    StoredSupportCheck,
};
pub use overview::{OverviewStore, PlanState, TeamCaseRow};
pub use plan::{CurrentPlan, OverdueAction, PlanAdoption, PlanStore, PlanVersionSummary, SignOff};
pub use research::{ResearchRow, ResearchStore};
pub use rows::*;
pub use scope::OrgScope;
pub use support::SupportStore;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use steunkring_domain::audit::{AuditEvent, AuditRecord, ChainReport};
use steunkring_domain::consent::{Consent, Framework, Given, Withdrawal, Withholding};
use steunkring_domain::ids::{CaseId, VersionId};
use steunkring_domain::network::{MemberId, NetworkMember, Tie};
use steunkring_domain::{Email, TeamId, UserId};

/// What went wrong in the store, in terms the web layer can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The row does not exist (or is outside the caller's organisation).
    #[error("not found")]
    NotFound,
    /// A uniqueness rule was hit; the string names what was duplicated (e.g. `email`).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    /// The backend cannot do this (e.g. an online file backup on PostgreSQL).
    #[error("not supported by this backend: {0}")]
    Unsupported(&'static str),
    /// Anything else: logged, never shown to a person.
    #[error(transparent)]
    Backend(Box<dyn std::error::Error + Send + Sync>),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The persistence operations of Steunkring. The plan, the support figures and the
/// measurements have their own parts ([`PlanStore`], [`SupportStore`], [`MeasureStore`],
/// [`ResearchStore`]), each
/// in a file of its own.
#[async_trait]
pub trait Store:
    PlanStore
    + SupportStore
    + MeasureStore
    + OverviewStore
    + ResearchStore
    + InsightStore
    + Send
    + Sync
    + 'static
{
    /// Which backend this is, for logs and `/healthz`.
    fn backend(&self) -> &'static str;

    /// A cheap round trip to the database.
    async fn ping(&self) -> StoreResult<()>;

    // ----- organisations and teams -----

    /// Creates an organisation. Not scoped: only the operator (command line, demo) does this.
    async fn create_org(&self, name: &str, at: DateTime<Utc>) -> StoreResult<Org>;
    async fn find_org_by_name(&self, name: &str) -> StoreResult<Option<Org>>;
    async fn get_org(&self, scope: &OrgScope) -> StoreResult<Org>;
    async fn set_org_require_totp(
        &self,
        scope: &OrgScope,
        require: bool,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    async fn create_team(
        &self,
        scope: &OrgScope,
        name: &str,
        audit: AuditEvent,
    ) -> StoreResult<Team>;
    async fn list_teams(&self, scope: &OrgScope) -> StoreResult<Vec<Team>>;

    // ----- accounts -----

    async fn create_user(
        &self,
        scope: &OrgScope,
        user: NewUser,
        audit: AuditEvent,
    ) -> StoreResult<User>;
    async fn get_user(&self, scope: &OrgScope, id: &UserId) -> StoreResult<User>;
    async fn list_users(&self, scope: &OrgScope) -> StoreResult<Vec<User>>;
    /// The login record for an e-mail address, across organisations (addresses are unique).
    async fn find_login(&self, email: &Email) -> StoreResult<Option<LoginRecord>>;
    async fn set_user_teams(
        &self,
        scope: &OrgScope,
        id: &UserId,
        teams: &[TeamId],
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Disables or re-enables an account; disabling ends all its sessions in the same
    /// transaction.
    async fn set_user_disabled(
        &self,
        scope: &OrgScope,
        id: &UserId,
        disabled: bool,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Replaces the password hash and ends every other session of the user.
    async fn set_password_hash(
        &self,
        user: &UserId,
        hash: &str,
        keep_session: Option<&str>,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Sets or clears the TOTP secret (base32).
    async fn set_totp_secret(
        &self,
        user: &UserId,
        secret: Option<&str>,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    /// Claims the time step a TOTP code was accepted for: `true` only when it is later than
    /// every step claimed before, so that each code logs in once (OWASP ASVS 2.8.4). One
    /// conditional update, so two logins racing with the same code cannot both win.
    async fn claim_totp_step(&self, user: &UserId, step: i64) -> StoreResult<bool>;

    // ----- sessions and API tokens -----

    /// Creates a session (browser or API token) and writes the login audit entry with it.
    async fn create_session(&self, session: NewSession, audit: AuditEvent) -> StoreResult<()>;
    /// The session with this token hash and the account behind it.
    async fn find_session(&self, token_hash: &str) -> StoreResult<Option<SessionRecord>>;
    async fn touch_session(&self, token_hash: &str, at: DateTime<Utc>) -> StoreResult<()>;
    /// Ends a session; the audit entry (logout, expiry) is written with it.
    async fn delete_session(&self, token_hash: &str, audit: Option<AuditEvent>) -> StoreResult<()>;
    /// Ends a half-finished login and starts the full session in one transaction (rotation).
    async fn replace_session(
        &self,
        old_token_hash: &str,
        new: NewSession,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    async fn delete_expired_sessions(&self, now: DateTime<Utc>) -> StoreResult<u64>;

    // ----- login throttling -----

    /// Records a failed login for an account key and address, with its audit entry.
    async fn record_login_failure(
        &self,
        account_key: &str,
        source_addr: &str,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Failure times for an account key since `since`.
    async fn login_failures_for_account(
        &self,
        account_key: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<Vec<DateTime<Utc>>>;
    async fn login_failures_for_addr(
        &self,
        source_addr: &str,
        since: DateTime<Utc>,
    ) -> StoreResult<u64>;
    /// Forgets failures of an account after a successful login.
    async fn clear_login_failures(&self, account_key: &str) -> StoreResult<()>;

    // ----- cases -----

    /// Opens a case. The team must belong to the organisation, and the network lead (if any)
    /// must be a professional of it.
    async fn create_case(
        &self,
        scope: &OrgScope,
        details: &steunkring_domain::case::CaseDetails,
        opened_on: chrono::NaiveDate,
        audit: AuditEvent,
    ) -> StoreResult<Case>;
    async fn get_case(
        &self,
        scope: &OrgScope,
        id: &steunkring_domain::ids::CaseId,
    ) -> StoreResult<Case>;
    /// Everything the case page shows, for one view: the case with its parents and, as `parts`
    /// decides once it has seen the case (the policy depends on its team), the network with
    /// its versions, the participants and the latest destruction request. Returns exactly
    /// what `get_case`, `network`, `list_versions`, `list_participants` and
    /// `destruction_request` would, with one scope check.
    ///
    /// The page is the most viewed one and its network grows with the case, so this reads it
    /// in two statements on one connection whatever its size: each list comes back as one
    /// JSON value instead of a row per item. On SQLite every statement and every result row
    /// is a hop between threads, and those hops were most of the page's cost
    /// (docs/benchmarks.md).
    async fn case_page(
        &self,
        scope: &OrgScope,
        id: &steunkring_domain::ids::CaseId,
        parts: &(dyn for<'c> Fn(&'c Case) -> CasePageParts + Send + Sync),
    ) -> StoreResult<CasePage>;
    async fn list_cases(
        &self,
        scope: &OrgScope,
        query: &CaseQuery,
    ) -> StoreResult<Vec<CaseSummary>>;
    async fn update_case(
        &self,
        scope: &OrgScope,
        id: &steunkring_domain::ids::CaseId,
        details: &steunkring_domain::case::CaseDetails,
        audit: AuditEvent,
    ) -> StoreResult<Case>;
    /// Closes (with the date) or reopens a case.
    async fn set_case_status(
        &self,
        scope: &OrgScope,
        id: &steunkring_domain::ids::CaseId,
        status: steunkring_domain::case::CaseStatus,
        on: chrono::NaiveDate,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    // ----- the network of a case -----

    /// Members (in the order they were added) and ties of a case: two queries, whatever the
    /// size of the network.
    async fn network(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Network>;
    async fn add_member(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        member: &NetworkMember,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    async fn update_member(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        member: &NetworkMember,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Removes a member and their ties.
    async fn remove_member(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        member: &MemberId,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Adds or changes the tie between two members of the case (`NotFound` when either is not
    /// a member of this case).
    /// Earlier versions of a member, newest first: what each change replaced (rectification
    /// with history).
    async fn member_history(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        member: &MemberId,
    ) -> StoreResult<Vec<MemberChange>>;
    async fn set_tie(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        tie: &Tie,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    async fn remove_tie(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        a: &MemberId,
        b: &MemberId,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Saves the current network as a dated version.
    async fn save_version(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        title: &str,
        taken_on: chrono::NaiveDate,
        audit: AuditEvent,
    ) -> StoreResult<VersionSummary>;
    async fn list_versions(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<VersionSummary>>;
    async fn get_version(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        version: &VersionId,
    ) -> StoreResult<(VersionSummary, Network)>;

    /// Loads whole cases with their networks in one transaction (demo data, imports), with one
    /// audit entry per case. Member ids are kept; ties must join members of the same case.
    async fn import_cases(
        &self,
        scope: &OrgScope,
        cases: &[ImportedCase],
        audit: AuditEvent,
    ) -> StoreResult<Vec<CaseId>>;

    // ----- participants and invitations -----

    /// Invites a person to a case: the participant and their first invitation.
    async fn invite(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        new: &NewParticipant,
        audit: AuditEvent,
    ) -> StoreResult<ParticipantEntry>;
    /// A fresh invitation for an existing participant who has not accepted yet (earlier ones
    /// are revoked).
    async fn reinvite(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        participant: &str,
        code_hash: &str,
        expires_at: DateTime<Utc>,
        audit: AuditEvent,
    ) -> StoreResult<Invitation>;
    async fn list_participants(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<ParticipantEntry>>;
    async fn revoke_invitation(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        invitation: &str,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The invitation behind a code (by its hash), whatever its state. Not scoped: the code is
    /// the credential.
    async fn find_invitation(&self, code_hash: &str) -> StoreResult<Option<InvitationFound>>;
    /// Accepts an open invitation by creating a new account for it, in one transaction; refuses
    /// (`Conflict("invitation")`) when it was used, revoked or expired in the meantime.
    async fn accept_invitation_new(
        &self,
        code_hash: &str,
        user: NewUser,
        now: DateTime<Utc>,
        audit: AuditEvent,
    ) -> StoreResult<UserId>;
    /// Accepts an open invitation for an existing account of the same organisation.
    async fn accept_invitation_existing(
        &self,
        code_hash: &str,
        user: &UserId,
        now: DateTime<Utc>,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The cases an account takes part in.
    async fn participant_links(&self, user: &UserId) -> StoreResult<Vec<ParticipantLink>>;

    // ----- consent and sharing -----

    async fn set_case_framework(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        framework: Framework,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// The framework, consents (with every giving) and withholdings of a case: three queries.
    async fn sharing_state(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<SharingState>;
    /// Asks consent: stores the request with the parties that must give it (none given yet).
    async fn ask_consent(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        consent: &Consent,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Records one party's consent. `Conflict("consent")` when that party need not give it,
    /// already did, or the consent was withdrawn.
    async fn give_consent(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        consent: &str,
        given: &Given,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    /// Withdraws a consent at once. `Conflict("consent")` when it was already withdrawn.
    async fn withdraw_consent(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        consent: &str,
        withdrawal: &Withdrawal,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    async fn add_withholding(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        withholding: &Withholding,
        audit: AuditEvent,
    ) -> StoreResult<String>;
    async fn lift_withholding(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        id: &str,
        audit: AuditEvent,
    ) -> StoreResult<()>;

    async fn record_sharing_decision(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        decision: &SharingDecision,
        audit: AuditEvent,
    ) -> StoreResult<()>;
    async fn list_sharing_decisions(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<SharingDecision>>;

    // ----- rights: destruction and retention -----

    /// Records a request to destroy the file (deadline: three months after receipt).
    /// `Conflict("destruction_request")` while another request of the case is still open.
    async fn record_destruction_request(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        new: &NewDestructionRequest,
        audit: AuditEvent,
    ) -> StoreResult<DestructionRequest>;
    /// The case's latest request, open or refused.
    async fn destruction_request(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Option<DestructionRequest>>;
    /// Refuses the open request because a legal exception applies, with its reason.
    /// `Conflict("destruction_request")` when there is no open request.
    async fn refuse_destruction(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        reason: &str,
        audit: AuditEvent,
    ) -> StoreResult<DestructionRequest>;
    /// Open requests (oldest deadline first), of these teams or (`None`) the whole organisation.
    async fn open_destruction_requests(
        &self,
        scope: &OrgScope,
        teams: Option<&[TeamId]>,
    ) -> StoreResult<Vec<OpenDestructionRequest>>;
    /// How many rows each table of [`CASE_TABLES`] holds for the case (all zero once it is
    /// destroyed). `NotFound` for a case of another organisation.
    async fn case_data_counts(
        &self,
        scope: &OrgScope,
        case: &CaseId,
    ) -> StoreResult<Vec<(&'static str, u64)>>;
    /// Destroys a case: deletes its rows from every table of [`CASE_TABLES`] in one
    /// transaction, disables participant accounts that take part in no other case (ending their
    /// sessions), and writes the audit entry (`audit` should be a `delete` of object `case`; its
    /// purpose is set from the ground). The audit trail itself is append-only and holds no case
    /// content, so it keeps that the case was destroyed, never what it held.
    ///
    /// The ground is checked inside the transaction: `Conflict("destruction_request")` without
    /// an open request, `Conflict("retention")` when the case is open or changed after the
    /// cutoff.
    async fn destroy_case(
        &self,
        scope: &OrgScope,
        case: &CaseId,
        ground: steunkring_domain::rights::DestructionGround,
        audit: AuditEvent,
    ) -> StoreResult<DestructionReport>;
    /// Closed cases whose last change is before `cutoff`, oldest first.
    async fn retention_candidates(
        &self,
        scope: &OrgScope,
        cutoff: DateTime<Utc>,
    ) -> StoreResult<Vec<RetentionCandidate>>;

    // ----- audit trail -----

    /// Appends entries that stand on their own (reads, refused attempts), in one transaction:
    /// the group commit of read entries hands many at once.
    async fn append_audit(&self, events: Vec<AuditEvent>) -> StoreResult<()>;
    async fn list_audit(
        &self,
        scope: &OrgScope,
        filter: &AuditFilter,
    ) -> StoreResult<Vec<AuditRecord>>;
    /// Checks the whole hash chain.
    async fn verify_audit(&self) -> StoreResult<ChainReport>;

    // ----- operations -----

    /// A consistent online copy of the database into a file, where the backend can.
    async fn backup_to(&self, path: &std::path::Path) -> StoreResult<()>;
}

/// Helper for callers: a missing row as `NotFound`.
pub fn found<T>(row: Option<T>) -> StoreResult<T> {
    row.ok_or(StoreError::NotFound)
}
