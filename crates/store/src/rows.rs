//! Values the store reads and writes.

use chrono::{DateTime, Utc};
use serde::Serialize;
use steunkring_domain::{Email, OrgId, PersonName, Role, TeamId, UserId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Org {
    pub id: OrgId,
    pub name: String,
    /// Whether admins and professionals must use a second factor.
    pub require_totp: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Team {
    pub id: TeamId,
    pub org_id: OrgId,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub name: PersonName,
    pub roles: Vec<Role>,
    pub teams: Vec<TeamId>,
    pub password_hash: String,
    pub at: DateTime<Utc>,
}

/// An account as the organisation's admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: UserId,
    pub org_id: OrgId,
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub teams: Vec<TeamId>,
    pub disabled: bool,
    pub totp_enabled: bool,
    pub created_at: DateTime<Utc>,
}

/// What a login needs to know about an account.
#[derive(Debug, Clone)]
pub struct LoginRecord {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub password_hash: String,
    pub disabled: bool,
    pub totp_secret: Option<String>,
    pub roles: Vec<Role>,
    pub org_requires_totp: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// A browser session behind a cookie.
    Browser,
    /// A bearer token for the API (also set as cookie when the API login came from a browser).
    Api,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionKind::Browser => "browser",
            SessionKind::Api => "api",
        }
    }
    pub fn parse(raw: &str) -> SessionKind {
        if raw == "api" {
            SessionKind::Api
        } else {
            SessionKind::Browser
        }
    }
}

/// The stage a session is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStage {
    /// Password checked, second factor still to come: may only reach the second-factor page.
    AwaitingSecondFactor,
    /// Fully logged in, but the organisation requires a second factor the user has not set up
    /// yet: may only reach the enrolment page.
    MustEnrolSecondFactor,
    /// Fully logged in.
    Full,
}

impl SessionStage {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStage::AwaitingSecondFactor => "awaiting_second_factor",
            SessionStage::MustEnrolSecondFactor => "must_enrol_second_factor",
            SessionStage::Full => "full",
        }
    }
    pub fn parse(raw: &str) -> SessionStage {
        match raw {
            "full" => SessionStage::Full,
            "must_enrol_second_factor" => SessionStage::MustEnrolSecondFactor,
            _ => SessionStage::AwaitingSecondFactor,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewSession {
    /// SHA-256 of the token; the token itself is never stored.
    pub token_hash: String,
    pub user_id: UserId,
    pub kind: SessionKind,
    pub stage: SessionStage,
    pub created_at: DateTime<Utc>,
}

/// A session with everything a request needs about the account, in one read.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub token_hash: String,
    pub kind: SessionKind,
    pub stage: SessionStage,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub user_id: UserId,
    pub org_id: OrgId,
    pub name: String,
    pub email: String,
    pub roles: Vec<Role>,
    pub teams: Vec<TeamId>,
    pub disabled: bool,
    pub totp_enabled: bool,
}

/// A filter on the audit trail for the admin's view.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub user_id: Option<UserId>,
    pub case_id: Option<String>,
    /// Only entries with a sequence number below this (paging backwards from the newest).
    pub before_seq: Option<i64>,
    pub limit: u32,
}

/// A case as its readers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Case {
    pub id: steunkring_domain::ids::CaseId,
    pub org_id: OrgId,
    pub team_id: TeamId,
    pub team_name: String,
    pub youth_name: String,
    pub preferred_name: Option<String>,
    pub birth_date: chrono::NaiveDate,
    pub gender: Option<String>,
    pub setting: steunkring_domain::case::Setting,
    pub network_lead: Option<UserId>,
    pub network_lead_name: Option<String>,
    pub status: steunkring_domain::case::CaseStatus,
    pub opened_on: chrono::NaiveDate,
    pub closed_on: Option<chrono::NaiveDate>,
    pub parents: Vec<steunkring_domain::case::Parent>,
    /// The legal framework of the help (voluntary, OTS, guardianship, JeugdzorgPlus).
    pub framework: steunkring_domain::consent::Framework,
    pub updated_at: DateTime<Utc>,
}

impl AsRef<Case> for Case {
    fn as_ref(&self) -> &Case {
        self
    }
}

/// Which parts of a case the case page may show, besides the case itself. The caller decides
/// them from the case once it is loaded (its team decides what the policy allows), so the store
/// never reads what the page may not show.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CasePageParts {
    /// The network (members and ties).
    pub network: bool,
    /// The list of saved versions of the network.
    pub versions: bool,
    /// The participants with their latest invitation.
    pub participants: bool,
    /// The latest destruction request.
    pub destruction: bool,
}

/// Everything the case page shows, read in one go (see [`crate::Store::case_page`]). A part the
/// caller did not ask for is empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasePage {
    pub case: Case,
    /// Shared with the store's memory of parsed networks (see [`KeptNetworks`]).
    pub network: std::sync::Arc<Network>,
    /// The network's revision (`cases.network_revision`, a new number with every change of a
    /// member or tie) read in the same statement as `network`, so the two always belong
    /// together; `None` when the network was not read. What is made from the network alone
    /// may be kept per case and revision.
    pub network_revision: Option<i64>,
    /// The measurements' revision (`cases.measure_revision`, a new number with every change of
    /// a saved map, support check or self-report), read with the case: what is made from the
    /// measurements may be kept per case and revision.
    pub measure_revision: i64,
    pub versions: Vec<VersionSummary>,
    pub participants: Vec<ParticipantEntry>,
    pub destruction: Option<DestructionRequest>,
}

impl AsRef<Case> for CasePage {
    fn as_ref(&self) -> &Case {
        &self.case
    }
}

/// A line in the case list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseSummary {
    pub id: steunkring_domain::ids::CaseId,
    pub team_id: TeamId,
    pub team_name: String,
    pub youth_name: String,
    pub birth_date: chrono::NaiveDate,
    pub setting: steunkring_domain::case::Setting,
    pub status: steunkring_domain::case::CaseStatus,
    pub opened_on: chrono::NaiveDate,
}

/// Which cases to list: always within the scope's organisation.
#[derive(Debug, Clone, Default)]
pub struct CaseQuery {
    /// Only these teams (`None`: every team of the organisation).
    pub teams: Option<Vec<TeamId>>,
    /// Part of the young person's name or preferred name, any case.
    pub search: Option<String>,
    pub include_closed: bool,
    /// Paging: only cases whose id sorts after this one.
    pub after: Option<String>,
    pub limit: u32,
}

/// The network of a case as stored now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
pub struct Network {
    pub members: Vec<steunkring_domain::network::NetworkMember>,
    pub ties: Vec<steunkring_domain::network::Tie>,
}

/// The parsed networks a store keeps in memory per case and network revision, so that the
/// case page need not read and parse an unchanged network again.
pub type KeptNetworks = crate::Kept<(String, i64), std::sync::Arc<Network>>;

/// How many parsed networks a store keeps: ~20 kB each for 40 members, so at most ~20 MB.
pub const KEPT_NETWORKS: usize = 1024;

/// What the case page shows beside the network, as read for some [`CasePageParts`]: the saved
/// versions, the participants and the latest destruction request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLists {
    pub versions: Vec<VersionSummary>,
    pub participants: Vec<ParticipantEntry>,
    pub destruction: Option<DestructionRequest>,
}

/// The [`PageLists`] a store keeps in memory per case, parts revision (`cases.parts_revision`,
/// a new number with every change of a version, participant, invitation or destruction
/// request of the case) and the parts they were read for, so that the case page reads only
/// the case while they are unchanged.
pub type KeptPageLists = crate::Kept<(String, i64, CasePageParts), std::sync::Arc<PageLists>>;

/// How many [`PageLists`] a store keeps: a few kB each.
pub const KEPT_PAGE_LISTS: usize = 1024;

/// A saved version of the map, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionSummary {
    pub id: steunkring_domain::ids::VersionId,
    pub title: String,
    pub taken_on: chrono::NaiveDate,
    pub member_count: i64,
    pub created_at: DateTime<Utc>,
}

/// A whole case to load at once.
#[derive(Debug, Clone)]
pub struct ImportedCase {
    pub details: steunkring_domain::case::CaseDetails,
    pub opened_on: chrono::NaiveDate,
    pub members: Vec<steunkring_domain::network::NetworkMember>,
    pub ties: Vec<steunkring_domain::network::Tie>,
}

/// What a participant is in a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    Youth,
    Parent,
    SupportFigure,
}

impl ParticipantKind {
    pub const ALL: [ParticipantKind; 3] = [
        ParticipantKind::Youth,
        ParticipantKind::Parent,
        ParticipantKind::SupportFigure,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantKind::Youth => "youth",
            ParticipantKind::Parent => "parent",
            ParticipantKind::SupportFigure => "support_figure",
        }
    }
    pub fn parse(raw: &str) -> Option<ParticipantKind> {
        ParticipantKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
    }
    /// The account role that goes with it.
    pub fn role(self) -> Role {
        match self {
            ParticipantKind::Youth => Role::Youth,
            ParticipantKind::Parent => Role::Parent,
            ParticipantKind::SupportFigure => Role::SupportFigure,
        }
    }
}

/// A person invited to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Participant {
    pub id: String,
    pub case_id: steunkring_domain::ids::CaseId,
    pub kind: ParticipantKind,
    pub display_name: String,
    pub member_id: Option<steunkring_domain::network::MemberId>,
    pub parent_index: Option<u8>,
    pub user_id: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

/// An invitation as the professional sees it (the code itself is never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invitation {
    pub id: String,
    pub participant_id: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Invitation {
    /// Usable now: not used, not revoked, not expired.
    pub fn open_at(&self, now: DateTime<Utc>) -> bool {
        self.used_at.is_none() && self.revoked_at.is_none() && now < self.expires_at
    }
}

/// A participant with their latest invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantEntry {
    pub participant: Participant,
    pub invitation: Option<Invitation>,
}

/// What opening an invitation code finds: enough to greet the person and to accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationFound {
    pub invitation: Invitation,
    pub participant: Participant,
    pub org_id: OrgId,
}

/// A case a participant account belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantLink {
    pub participant: Participant,
    pub org_id: OrgId,
    pub team_id: TeamId,
    pub youth_name: String,
    pub youth_preferred_name: Option<String>,
}

/// A new participant with the hash of their invitation code.
#[derive(Debug, Clone)]
pub struct NewParticipant {
    pub kind: ParticipantKind,
    pub display_name: String,
    pub member_id: Option<steunkring_domain::network::MemberId>,
    pub parent_index: Option<u8>,
    pub code_hash: String,
    pub expires_at: DateTime<Utc>,
}

/// A withholding as stored, with its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WithholdingRecord {
    pub id: String,
    pub withholding: steunkring_domain::consent::Withholding,
    pub created_at: DateTime<Utc>,
}

/// Everything about sharing in a case: the framework, every consent and every withholding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharingState {
    pub framework: steunkring_domain::consent::Framework,
    pub consents: Vec<steunkring_domain::consent::Consent>,
    pub withholdings: Vec<WithholdingRecord>,
}

impl SharingState {
    /// The withholdings that apply now.
    pub fn active_withholdings(&self) -> Vec<steunkring_domain::consent::Withholding> {
        self.withholdings
            .iter()
            .filter(|w| w.withholding.active)
            .map(|w| w.withholding.clone())
            .collect()
    }
}

/// A decision taken with the sharing decision guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SharingDecision {
    pub id: String,
    /// To whom (a third party, in the professional's words).
    pub recipient: String,
    /// What information.
    pub information: String,
    /// The answers, as `question=yes|no` codes.
    pub answers: String,
    /// The guide's advice (outcome code).
    pub advice: String,
    /// What the professional decided (outcome code).
    pub decision: String,
    pub reasons: String,
    pub decided_by: Option<UserId>,
    pub decided_at: DateTime<Utc>,
}

/// Every table that holds data of one case, in the order [`Store::destroy_case`](crate::Store)
/// deletes from them (children first; `cases` last). A table added for case data must be added
/// here: the backends' tests fail when a table with a `case_id` column is missing.
pub const CASE_TABLES: [&str; 30] = [
    "outcomes",
    "self_reports",
    "screenings",
    "support_checks",
    "plan_signoffs",
    "plan_versions",
    "plan_progress",
    "plan_agreements",
    "plan_actions",
    "plan_goals",
    "plans",
    "meetings",
    "support_logs",
    "support_figures",
    "concerns",
    "deliberations",
    "member_history",
    "consent_givings",
    "consents",
    "withholdings",
    "sharing_decisions",
    "invitations",
    "participants",
    "ties",
    "map_versions",
    "members",
    "case_parents",
    "destruction_requests",
    "case_insight",
    "cases",
];

/// A request to destroy the file, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DestructionRequest {
    pub id: String,
    pub case_id: steunkring_domain::ids::CaseId,
    /// Who asked.
    pub requested_by: steunkring_domain::consent::Party,
    pub received_on: chrono::NaiveDate,
    /// Three months after receipt.
    pub deadline: chrono::NaiveDate,
    pub note: Option<String>,
    pub status: steunkring_domain::rights::DestructionStatus,
    /// The legal exception invoked, when refused.
    pub exception_reason: Option<String>,
    pub decided_by: Option<UserId>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

/// A request as typed by the professional.
#[derive(Debug, Clone)]
pub struct NewDestructionRequest {
    pub requested_by: steunkring_domain::consent::Party,
    pub received_on: chrono::NaiveDate,
    pub note: Option<String>,
}

/// An open request with enough of its case to list it for the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenDestructionRequest {
    pub request: DestructionRequest,
    pub youth_name: String,
    pub team_id: TeamId,
    pub team_name: String,
}

/// What a destruction removed: rows per table, and the participant accounts that no longer take
/// part in any case and were disabled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DestructionReport {
    pub rows: Vec<(&'static str, u64)>,
    pub disabled_accounts: Vec<UserId>,
}

/// A closed case past its retention period, for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetentionCandidate {
    pub case_id: steunkring_domain::ids::CaseId,
    pub youth_name: String,
    pub team_name: String,
    pub closed_on: Option<chrono::NaiveDate>,
    pub updated_at: DateTime<Utc>,
}

/// A member as they were before a change (or before removal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberChange {
    pub changed_at: DateTime<Utc>,
    pub changed_by: Option<UserId>,
    pub before: steunkring_domain::network::NetworkMember,
    pub removed: bool,
}
