//! The authorization matrix (issue 4, "Authorization matrix"): every actor × every route that
//! touches case data × own and other case, sent through the real router on one shared
//! application, each answer held against [`expected`] — a short statement of the rules written
//! here, on purpose *not* by asking `steunkring_domain::policy` or `consent`, so that this test
//! fails when the production rules are wrong.
//!
//! The world: one organisation with team A and team B, an administrator, a professional of each
//! team, a coordinator and an analyst; a second organisation with its own professional. Case 1
//! (team A: two network members, a tie, a saved version, and five participants who accepted
//! their invitation — the 14-year-old young person, parent 0 who holds gezag, parent 1 who does
//! not, a support figure to whom nothing was consented, and a second support figure to whom the
//! network map was consented by the young person and parent 0) and case 2 (team B: two
//! members, a version).
//!
//! The routes: the professional routes of a case (API and pages, the sharing pages and the
//! consent API included) in the columns case 1 and case 2; the participant pages (`/mijn/{p}`)
//! in the columns "own" (the caller's own page; the young person's for someone without one)
//! and "oth" (someone else's page in case 1).
//!
//! Every cell checks the status; denied cells also check that the answer leaks nothing of the
//! case (its young person's name, its network), denied attempts on a case left a `denied` or
//! `failure` audit entry for that case, and denied changes changed nothing (re-read by someone
//! allowed). On the participant's own page the network map (`<svg`) and the members' names are
//! there exactly when the consent rules show the map to that person. Read cells run first,
//! changes after, on throwaway objects (members, consents, withholdings) made for the cell.
//!
//! The rights of the young person and parents are in it too: the access export (a ZIP, for the
//! team's professionals alone), a request to destroy the file with its legal exception (the
//! team's professionals and the administrator), and the retention review (the administrator).
//! A destruction really destroys: each destroy cell runs last, on a throwaway file made for it
//! alone, and a denied one must leave the file in place, an allowed one must remove it.

use crate::app::{Reply, TestApp, api, operator_event};
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::pin::Pin;
use std::task::Poll;
use std::time::Instant;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::case::{CaseDetails, CaseInput, CaseStatus};
use steunkring_domain::consent::{Category, Recipient, RecipientRole, Withholding};
use steunkring_domain::ids::CaseId;
use steunkring_domain::{OrgId, Role, TeamId, UserId};
use steunkring_store::{AuditFilter, OrgScope};

// ------------------------------------------------------------------------------------------
// Who, what, which case
// ------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Admin,
    /// Professional of team A: the own team of case 1, another team for case 2.
    ProA,
    /// Professional of team B: the own team of case 2, another team for case 1.
    ProB,
    /// Professional of another organisation.
    ProElsewhere,
    Coordinator,
    Analyst,
    /// The young person of case 1, 14 years old.
    Youth,
    /// Parent 0 of case 1, who holds gezag.
    Parent,
    /// Parent 1 of case 1, who does not hold gezag.
    ParentNoGezag,
    /// A support figure on case 1 (a network member) to whom nothing has been consented.
    SupportFigure,
    /// A second support figure on case 1 (another member), with an active consent for the
    /// network map given by the young person and parent 0.
    SupportConsented,
    Anonymous,
}

impl Who {
    const ALL: [Who; 12] = [
        Who::Admin,
        Who::ProA,
        Who::ProB,
        Who::ProElsewhere,
        Who::Coordinator,
        Who::Analyst,
        Who::Youth,
        Who::Parent,
        Who::ParentNoGezag,
        Who::SupportFigure,
        Who::SupportConsented,
        Who::Anonymous,
    ];

    fn label(self) -> &'static str {
        match self {
            Who::Admin => "admin",
            Who::ProA => "pro-A",
            Who::ProB => "pro-B",
            Who::ProElsewhere => "pro-org2",
            Who::Coordinator => "coord",
            Who::Analyst => "analyst",
            Who::Youth => "youth",
            Who::Parent => "parent+g",
            Who::ParentNoGezag => "parent-g",
            Who::SupportFigure => "support-",
            Who::SupportConsented => "support+",
            Who::Anonymous => "anon",
        }
    }

    /// Takes part in case 1 through an invitation: has a page of their own there.
    fn is_participant(self) -> bool {
        matches!(
            self,
            Who::Youth
                | Who::Parent
                | Who::ParentNoGezag
                | Who::SupportFigure
                | Who::SupportConsented
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// Case 1, of team A.
    Case1,
    /// Case 2, of team B.
    Case2,
    /// An organisation page: no case.
    NoCase,
    /// A participant page of case 1 (`/mijn/{p}`): the caller's own; for someone without one
    /// (staff, not logged in) the young person's.
    Own,
    /// A participant page of case 1 that is someone else's: the young person's, or parent 0's
    /// for the young person and for staff.
    Others,
}

impl Which {
    fn label(self) -> &'static str {
        match self {
            Which::Case1 => "1",
            Which::Case2 => "2",
            Which::NoCase => "-",
            Which::Own => "own",
            Which::Others => "oth",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    ApiListCases,
    ApiCreateCase,
    ApiGetCase,
    ApiPatchCase,
    ApiAccessLog,
    ApiListMembers,
    ApiAddMember,
    ApiGetMember,
    ApiPatchMember,
    ApiDeleteMember,
    ApiListTies,
    ApiAddTie,
    ApiMap,
    ApiIndicators,
    ApiListVersions,
    ApiSaveVersion,
    ApiCompareVersions,
    ApiGraphml,
    ApiMembersCsv,
    ApiTiesCsv,
    ApiListInvitations,
    ApiInvite,
    PageCases,
    PageCase,
    PageEditCase,
    PageMember,
    PagePrint,
    PageDownload,
    PageAdminUsers,
    PageAdminAudit,
    ApiInsights,
    PageInsights,
    PageInsightsCsv,
    ApiListConsents,
    ApiAskConsent,
    ApiGiveConsent,
    ApiWithdrawConsent,
    ApiVisibility,
    PageSharing,
    PageGuide,
    PageGuideDecide,
    PageFramework,
    PageAskConsent,
    PageGiveConsent,
    PageWithdrawConsent,
    PageWithhold,
    PageLiftWithholding,
    MinePage,
    MineLog,
    MineAddPerson,
    MineStance,
    MineGiveConsent,
    MineWithdrawConsent,
    ApiDestructionRequest,
    ApiRecordDestruction,
    ApiRefuseDestruction,
    ApiDestroy,
    ApiAccessExport,
    PageRights,
    PageRightsExport,
    PageRecordDestruction,
    PageRefuseDestruction,
    PageDestroy,
    PageRetention,
    PageRetentionDestroy,
    ApiResearchExport,
    PageResearch,
    ApiGetPlan,
    ApiPutPlan,
    ApiAdoptPlan,
    ApiPlanPdf,
    ApiListMeetings,
    ApiCreateMeeting,
    PagePlan,
    PageAddGoal,
    PageMeetings,
    MinePlanPdf,
    MineSignOff,
    MinePlanProgress,
    ApiPlanProgress,
    ApiListPlanVersions,
    ApiComparePlanVersions,
    ApiGetPlanVersion,
    ApiGetMeeting,
    ApiMeetingHeld,
    ApiMeetingIcs,
    PagePlanPdf,
    PageRemoveGoal,
    PageAddAction,
    PageRemoveAction,
    PagePlanProgress,
    PageSafety,
    PageAddAgreement,
    PageRemoveAgreement,
    PageAdoptPlan,
    PageComparePlan,
    PageCreateMeeting,
    PageMeeting,
    PageMeetingHeld,
    PageInvitation,
    PageMeetingIcs,
    ApiListSupportFigures,
    ApiNominate,
    ApiGetSupportFigure,
    ApiPatchSupportFigure,
    ApiSupportLog,
    ApiCoach,
    ApiListConcerns,
    ApiRegisterConcern,
    ApiCloseConcern,
    ApiListDeliberations,
    ApiRecordDeliberation,
    PageSupport,
    PageSupportFigure,
    PageNominate,
    PageScreen,
    PageAgree,
    PageEndSupport,
    PageCoach,
    PageRegisterConcern,
    PageCloseConcern,
    PageDeliberate,
    MineNominate,
    MineAccept,
    MineContact,
    ApiListChecks,
    ApiStartCheck,
    PageChecks,
    MineChecks,
    MineStartCheck,
    ApiListScreenings,
    ApiRecordScreening,
    ApiListSelfReports,
    ApiRecordSelfReport,
    ApiListOutcomes,
    ApiRecordOutcome,
    ApiDeleteOutcome,
    ApiGetSchedule,
    ApiSetSchedule,
    PageRecordScreening,
    PageRecordSelfReport,
    PageRecordOutcome,
    PageDeleteOutcome,
    PageSetSchedule,
    MineSelfReport,
    MineGiveSelfReport,
    ApiTrends,
    PageTrends,
    ApiFhir,
    PageTeam,
    PageTeamCsv,
    PageTeamXlsx,
}

/// What a route needs, in the words of the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// The list of cases: shows exactly the cases the caller may know.
    CaseList,
    /// Opening a new case for a team.
    OpenCase,
    /// The case record: details, changing them, who looked at the case.
    Record,
    /// The help itself: the network, its versions and exports, the participants.
    Help,
    /// The organisation's administration pages.
    Administration,
    /// The pseudonymised research dataset of the organisation (cases whose consent covers
    /// research) and its page.
    Research,
    /// The analyst's aggregates (no case in them): analysts and the administrator.
    Insights,
    /// A participant's own page about their case (`/mijn/{p}`).
    OwnPage,
    /// Who looked at the file, on the participant's page: the young person and the legal
    /// representatives.
    ClientAccessLog,
    /// The young person's own choices about their network: adding someone, choosing or
    /// rejecting.
    YoungPersonsChoice,
    /// Giving or withdrawing one's own consent: the parties that must consent.
    OwnConsent,
    /// A request to destroy the file: seeing it, recording one, a legal exception, destroying.
    Destruction,
    /// Everything on the case for a request for access (a ZIP).
    AccessExport,
    /// The plan on one's own page: confirming it, the handout of what one may see.
    OwnPlan,
    /// Reporting on an action one holds (the throwaway action is held by the young person).
    OwnTask,
    /// A support figure's own part: saying yes to their nomination, logging contact moments.
    SupportFiguresPart,
    /// Answering support checks on one's own page: the young person and the parents, while the
    /// consent rules show them the measurements.
    OwnMeasurements,
    /// The self-report on one's own page: the young person alone, while the consent rules show
    /// them the measurements.
    OwnSelfReport,
    /// The overview of one's own teams' cases: professionals only.
    TeamOverview,
}

impl Route {
    const ALL: [Route; 152] = [
        Route::ApiListCases,
        Route::ApiCreateCase,
        Route::ApiGetCase,
        Route::ApiPatchCase,
        Route::ApiAccessLog,
        Route::ApiListMembers,
        Route::ApiAddMember,
        Route::ApiGetMember,
        Route::ApiPatchMember,
        Route::ApiDeleteMember,
        Route::ApiListTies,
        Route::ApiAddTie,
        Route::ApiMap,
        Route::ApiIndicators,
        Route::ApiListVersions,
        Route::ApiSaveVersion,
        Route::ApiCompareVersions,
        Route::ApiGraphml,
        Route::ApiMembersCsv,
        Route::ApiTiesCsv,
        Route::ApiListInvitations,
        Route::ApiInvite,
        Route::PageCases,
        Route::PageCase,
        Route::PageEditCase,
        Route::PageMember,
        Route::PagePrint,
        Route::PageDownload,
        Route::PageAdminUsers,
        Route::PageAdminAudit,
        Route::ApiInsights,
        Route::PageInsights,
        Route::PageInsightsCsv,
        Route::ApiListConsents,
        Route::ApiAskConsent,
        Route::ApiGiveConsent,
        Route::ApiWithdrawConsent,
        Route::ApiVisibility,
        Route::PageSharing,
        Route::PageGuide,
        Route::PageGuideDecide,
        Route::PageFramework,
        Route::PageAskConsent,
        Route::PageGiveConsent,
        Route::PageWithdrawConsent,
        Route::PageWithhold,
        Route::PageLiftWithholding,
        Route::MinePage,
        Route::MineLog,
        Route::MineAddPerson,
        Route::MineStance,
        Route::MineGiveConsent,
        Route::MineWithdrawConsent,
        Route::ApiDestructionRequest,
        Route::ApiRecordDestruction,
        Route::ApiRefuseDestruction,
        Route::ApiDestroy,
        Route::ApiAccessExport,
        Route::PageRights,
        Route::PageRightsExport,
        Route::PageRecordDestruction,
        Route::PageRefuseDestruction,
        Route::PageDestroy,
        Route::PageRetention,
        Route::PageRetentionDestroy,
        Route::ApiResearchExport,
        Route::PageResearch,
        Route::ApiGetPlan,
        Route::ApiPutPlan,
        Route::ApiAdoptPlan,
        Route::ApiPlanPdf,
        Route::ApiListMeetings,
        Route::ApiCreateMeeting,
        Route::PagePlan,
        Route::PageAddGoal,
        Route::PageMeetings,
        Route::MinePlanPdf,
        Route::MineSignOff,
        Route::MinePlanProgress,
        Route::ApiPlanProgress,
        Route::ApiListPlanVersions,
        Route::ApiComparePlanVersions,
        Route::ApiGetPlanVersion,
        Route::ApiGetMeeting,
        Route::ApiMeetingHeld,
        Route::ApiMeetingIcs,
        Route::PagePlanPdf,
        Route::PageRemoveGoal,
        Route::PageAddAction,
        Route::PageRemoveAction,
        Route::PagePlanProgress,
        Route::PageSafety,
        Route::PageAddAgreement,
        Route::PageRemoveAgreement,
        Route::PageAdoptPlan,
        Route::PageComparePlan,
        Route::PageCreateMeeting,
        Route::PageMeeting,
        Route::PageMeetingHeld,
        Route::PageInvitation,
        Route::PageMeetingIcs,
        Route::ApiListSupportFigures,
        Route::ApiNominate,
        Route::ApiGetSupportFigure,
        Route::ApiPatchSupportFigure,
        Route::ApiSupportLog,
        Route::ApiCoach,
        Route::ApiListConcerns,
        Route::ApiRegisterConcern,
        Route::ApiCloseConcern,
        Route::ApiListDeliberations,
        Route::ApiRecordDeliberation,
        Route::PageSupport,
        Route::PageSupportFigure,
        Route::PageNominate,
        Route::PageScreen,
        Route::PageAgree,
        Route::PageEndSupport,
        Route::PageCoach,
        Route::PageRegisterConcern,
        Route::PageCloseConcern,
        Route::PageDeliberate,
        Route::MineNominate,
        Route::MineAccept,
        Route::MineContact,
        Route::ApiListChecks,
        Route::ApiStartCheck,
        Route::PageChecks,
        Route::MineChecks,
        Route::MineStartCheck,
        Route::ApiListScreenings,
        Route::ApiRecordScreening,
        Route::ApiListSelfReports,
        Route::ApiRecordSelfReport,
        Route::ApiListOutcomes,
        Route::ApiRecordOutcome,
        Route::ApiDeleteOutcome,
        Route::ApiGetSchedule,
        Route::ApiSetSchedule,
        Route::PageRecordScreening,
        Route::PageRecordSelfReport,
        Route::PageRecordOutcome,
        Route::PageDeleteOutcome,
        Route::PageSetSchedule,
        Route::MineSelfReport,
        Route::MineGiveSelfReport,
        Route::ApiTrends,
        Route::PageTrends,
        Route::ApiFhir,
        Route::PageTeam,
        Route::PageTeamCsv,
        Route::PageTeamXlsx,
    ];

    fn label(self) -> &'static str {
        match self {
            Route::ApiListCases => "GET /api/v1/cases",
            Route::ApiCreateCase => "POST /api/v1/cases",
            Route::ApiGetCase => "GET /api/v1/cases/{c}",
            Route::ApiPatchCase => "PATCH /api/v1/cases/{c}",
            Route::ApiAccessLog => "GET .../{c}/access-log",
            Route::ApiListMembers => "GET .../{c}/members",
            Route::ApiAddMember => "POST .../{c}/members",
            Route::ApiGetMember => "GET .../{c}/members/{m}",
            Route::ApiPatchMember => "PATCH .../{c}/members/{m}",
            Route::ApiDeleteMember => "DELETE .../{c}/members/{m}",
            Route::ApiListTies => "GET .../{c}/ties",
            Route::ApiAddTie => "POST .../{c}/ties",
            Route::ApiMap => "GET .../{c}/map.svg",
            Route::ApiIndicators => "GET .../{c}/indicators",
            Route::ApiListVersions => "GET .../{c}/versions",
            Route::ApiSaveVersion => "POST .../{c}/versions",
            Route::ApiCompareVersions => "GET .../{c}/versions/compare",
            Route::ApiGraphml => "GET .../{c}/export.graphml",
            Route::ApiMembersCsv => "GET .../{c}/members.csv",
            Route::ApiTiesCsv => "GET .../{c}/ties.csv",
            Route::ApiListInvitations => "GET .../{c}/invitations",
            Route::ApiInvite => "POST .../{c}/invitations",
            Route::PageCases => "page /cases",
            Route::PageCase => "page /cases/{c}",
            Route::PageEditCase => "page /cases/{c}/edit",
            Route::PageMember => "page /cases/{c}/members/{m}",
            Route::PagePrint => "page /cases/{c}/print",
            Route::PageDownload => "page /cases/{c}/download?graphml",
            Route::PageAdminUsers => "page /admin/users",
            Route::PageAdminAudit => "page /admin/audit",
            Route::ApiInsights => "GET /api/v1/insights",
            Route::PageInsights => "page /insights",
            Route::PageInsightsCsv => "page /insights/tables.csv",
            Route::ApiListConsents => "GET .../{c}/consents",
            Route::ApiAskConsent => "POST .../{c}/consents",
            Route::ApiGiveConsent => "POST .../{c}/consents/{x}/give",
            Route::ApiWithdrawConsent => "POST .../{c}/consents/{x}/withdraw",
            Route::ApiVisibility => "GET .../{c}/visibility",
            Route::PageSharing => "page /cases/{c}/sharing",
            Route::PageGuide => "page /cases/{c}/sharing/guide",
            Route::PageGuideDecide => "page POST /cases/{c}/sharing/guide",
            Route::PageFramework => "page POST .../{c}/sharing/framework",
            Route::PageAskConsent => "page POST /cases/{c}/consents",
            Route::PageGiveConsent => "page POST .../{c}/consents/{x}/give",
            Route::PageWithdrawConsent => "page POST .../consents/{x}/withdraw",
            Route::PageWithhold => "page POST /cases/{c}/withholdings",
            Route::PageLiftWithholding => "page POST .../withholdings/{w}/lift",
            Route::MinePage => "page /mijn/{p}",
            Route::MineLog => "page /mijn/{p}/log",
            Route::MineAddPerson => "page POST /mijn/{p}/members",
            Route::MineStance => "page POST /mijn/{p}/members/{m}/stance",
            Route::MineGiveConsent => "page POST /mijn/{p}/consents/{x}/give",
            Route::MineWithdrawConsent => "page POST /mijn/{p}/consents/{x}/withdraw",
            Route::ApiDestructionRequest => "GET .../{c}/destruction-request",
            Route::ApiRecordDestruction => "POST .../{c}/destruction-request",
            Route::ApiRefuseDestruction => "POST .../destruction-request/refusal",
            Route::ApiDestroy => "POST .../destruction-request/execution",
            Route::ApiAccessExport => "GET .../{c}/export",
            Route::PageRights => "page /cases/{c}/rights",
            Route::PageRightsExport => "page /cases/{c}/rights/export",
            Route::PageRecordDestruction => "page POST /cases/{c}/rights/request",
            Route::PageRefuseDestruction => "page POST /cases/{c}/rights/refuse",
            Route::PageDestroy => "page POST /cases/{c}/rights/destroy",
            Route::PageRetention => "page /admin/retention",
            Route::PageRetentionDestroy => "page POST /admin/retention/{c}/destroy",
            Route::ApiResearchExport => "GET /api/v1/exports/research",
            Route::PageResearch => "page /exports/research",
            Route::ApiGetPlan => "GET .../{c}/plan",
            Route::ApiPutPlan => "PUT .../{c}/plan",
            Route::ApiAdoptPlan => "POST .../{c}/plan/versions",
            Route::ApiPlanPdf => "GET .../{c}/plan.pdf",
            Route::ApiListMeetings => "GET .../{c}/meetings",
            Route::ApiCreateMeeting => "POST .../{c}/meetings",
            Route::PagePlan => "page /cases/{c}/plan",
            Route::PageAddGoal => "page POST /cases/{c}/plan/goals",
            Route::PageMeetings => "page /cases/{c}/meetings",
            Route::MinePlanPdf => "page /mijn/{p}/plan.pdf",
            Route::MineSignOff => "page POST /mijn/{p}/plan/sign-off",
            Route::MinePlanProgress => "page POST /mijn/{p}/plan/actions/{a}/progress",
            Route::ApiPlanProgress => "POST .../{c}/plan/actions/{a}/progress",
            Route::ApiListPlanVersions => "GET .../{c}/plan/versions",
            Route::ApiComparePlanVersions => "GET .../{c}/plan/versions/compare",
            Route::ApiGetPlanVersion => "GET .../{c}/plan/versions/{v}",
            Route::ApiGetMeeting => "GET .../{c}/meetings/{m}",
            Route::ApiMeetingHeld => "POST .../{c}/meetings/{m}/held",
            Route::ApiMeetingIcs => "GET .../meetings/{m}/invitation.ics",
            Route::PagePlanPdf => "page /cases/{c}/plan.pdf",
            Route::PageRemoveGoal => "page POST .../plan/goals/{g}/remove",
            Route::PageAddAction => "page POST /cases/{c}/plan/actions",
            Route::PageRemoveAction => "page POST .../plan/actions/{a}/remove",
            Route::PagePlanProgress => "page POST .../plan/actions/{a}/progress",
            Route::PageSafety => "page POST /cases/{c}/plan/safety",
            Route::PageAddAgreement => "page POST /cases/{c}/plan/agreements",
            Route::PageRemoveAgreement => "page POST .../plan/agreements/{s}/remove",
            Route::PageAdoptPlan => "page POST /cases/{c}/plan/adopt",
            Route::PageComparePlan => "page /cases/{c}/plan/compare",
            Route::PageCreateMeeting => "page POST /cases/{c}/meetings",
            Route::PageMeeting => "page /cases/{c}/meetings/{m}",
            Route::PageMeetingHeld => "page POST .../meetings/{m}/held",
            Route::PageInvitation => "page /cases/{c}/meetings/{m}/invitation",
            Route::PageMeetingIcs => "page .../meetings/{m}/invitation.ics",
            Route::ApiListSupportFigures => "GET .../{c}/support-figures",
            Route::ApiNominate => "POST .../{c}/support-figures",
            Route::ApiGetSupportFigure => "GET .../{c}/support-figures/{s}",
            Route::ApiPatchSupportFigure => "PATCH .../{c}/support-figures/{s}",
            Route::ApiSupportLog => "GET .../support-figures/{s}/log",
            Route::ApiCoach => "POST .../support-figures/{s}/log",
            Route::ApiListConcerns => "GET .../{c}/concerns",
            Route::ApiRegisterConcern => "POST .../{c}/concerns",
            Route::ApiCloseConcern => "PATCH .../{c}/concerns/{x}",
            Route::ApiListDeliberations => "GET .../{c}/deliberations",
            Route::ApiRecordDeliberation => "POST .../{c}/deliberations",
            Route::PageSupport => "page /cases/{c}/support",
            Route::PageSupportFigure => "page /cases/{c}/support/figures/{s}",
            Route::PageNominate => "page POST /cases/{c}/support/figures",
            Route::PageScreen => "page POST .../figures/{s}/screening",
            Route::PageAgree => "page POST .../figures/{s}/agreement",
            Route::PageEndSupport => "page POST .../figures/{s}/end",
            Route::PageCoach => "page POST .../figures/{s}/log",
            Route::PageRegisterConcern => "page POST /cases/{c}/support/concerns",
            Route::PageCloseConcern => "page POST .../concerns/{x}/close",
            Route::PageDeliberate => "page POST .../support/deliberations",
            Route::MineNominate => "page POST /mijn/{p}/support-figures",
            Route::MineAccept => "page POST /mijn/{p}/support-figures/{s}/accept",
            Route::MineContact => "page POST /mijn/{p}/.../{s}/contacts",
            Route::ApiListChecks => "GET .../{c}/support-checks",
            Route::ApiStartCheck => "POST .../{c}/support-checks",
            Route::PageChecks => "page /cases/{c}/checks",
            Route::MineChecks => "page /mijn/{p}/checks",
            Route::MineStartCheck => "page POST /mijn/{p}/checks",
            Route::ApiListScreenings => "GET .../{c}/screenings",
            Route::ApiRecordScreening => "POST .../{c}/screenings",
            Route::ApiListSelfReports => "GET .../{c}/self-reports",
            Route::ApiRecordSelfReport => "POST .../{c}/self-reports",
            Route::ApiListOutcomes => "GET .../{c}/outcomes",
            Route::ApiRecordOutcome => "POST .../{c}/outcomes",
            Route::ApiDeleteOutcome => "DELETE .../{c}/outcomes/{o}",
            Route::ApiGetSchedule => "GET .../{c}/check-schedule",
            Route::ApiSetSchedule => "PUT .../{c}/check-schedule",
            Route::PageRecordScreening => "page POST /cases/{c}/screenings",
            Route::PageRecordSelfReport => "page POST /cases/{c}/self-reports",
            Route::PageRecordOutcome => "page POST /cases/{c}/outcomes",
            Route::PageDeleteOutcome => "page POST .../outcomes/{o}/delete",
            Route::PageSetSchedule => "page POST /cases/{c}/check-schedule",
            Route::MineSelfReport => "page /mijn/{p}/self-report",
            Route::MineGiveSelfReport => "page POST /mijn/{p}/self-report",
            Route::ApiTrends => "GET .../{c}/trends",
            Route::PageTrends => "page /cases/{c}/trends",
            Route::ApiFhir => "GET .../{c}/fhir",
            Route::PageTeam => "page /team",
            Route::PageTeamCsv => "page /team/overview.csv",
            Route::PageTeamXlsx => "page /team/overview.xlsx",
        }
    }

    fn method(self) -> Method {
        match self {
            Route::ApiCreateCase
            | Route::ApiAddMember
            | Route::ApiAddTie
            | Route::ApiSaveVersion
            | Route::ApiInvite
            | Route::ApiAskConsent
            | Route::ApiGiveConsent
            | Route::ApiWithdrawConsent
            | Route::PageGuideDecide
            | Route::PageFramework
            | Route::PageAskConsent
            | Route::PageGiveConsent
            | Route::PageWithdrawConsent
            | Route::PageWithhold
            | Route::PageLiftWithholding
            | Route::MineAddPerson
            | Route::MineStance
            | Route::MineGiveConsent
            | Route::MineWithdrawConsent
            | Route::ApiRecordDestruction
            | Route::ApiRefuseDestruction
            | Route::ApiDestroy
            | Route::PageRecordDestruction
            | Route::PageRefuseDestruction
            | Route::PageDestroy
            | Route::PageRetentionDestroy
            | Route::ApiAdoptPlan
            | Route::ApiCreateMeeting
            | Route::PageAddGoal
            | Route::MineSignOff
            | Route::MinePlanProgress
            | Route::ApiPlanProgress
            | Route::ApiMeetingHeld
            | Route::PageRemoveGoal
            | Route::PageAddAction
            | Route::PageRemoveAction
            | Route::PagePlanProgress
            | Route::PageSafety
            | Route::PageAddAgreement
            | Route::PageRemoveAgreement
            | Route::PageAdoptPlan
            | Route::PageCreateMeeting
            | Route::PageMeetingHeld
            | Route::ApiNominate
            | Route::ApiCoach
            | Route::ApiRegisterConcern
            | Route::ApiRecordDeliberation
            | Route::PageNominate
            | Route::PageScreen
            | Route::PageAgree
            | Route::PageEndSupport
            | Route::PageCoach
            | Route::PageRegisterConcern
            | Route::PageCloseConcern
            | Route::PageDeliberate
            | Route::MineNominate
            | Route::MineAccept
            | Route::MineContact
            | Route::ApiStartCheck
            | Route::MineStartCheck
            | Route::ApiRecordScreening
            | Route::ApiRecordSelfReport
            | Route::ApiRecordOutcome
            | Route::PageRecordScreening
            | Route::PageRecordSelfReport
            | Route::PageRecordOutcome
            | Route::PageDeleteOutcome
            | Route::PageSetSchedule
            | Route::MineGiveSelfReport => Method::POST,
            Route::ApiPatchCase
            | Route::ApiPatchMember
            | Route::ApiPatchSupportFigure
            | Route::ApiCloseConcern => Method::PATCH,
            Route::ApiPutPlan | Route::ApiSetSchedule => Method::PUT,
            Route::ApiDeleteMember | Route::ApiDeleteOutcome => Method::DELETE,
            _ => Method::GET,
        }
    }

    fn mutates(self) -> bool {
        self.method() != Method::GET
    }

    /// Destroys a file: runs last, on a throwaway file made for the cell alone.
    fn destroys(self) -> bool {
        matches!(
            self,
            Route::ApiDestroy | Route::PageDestroy | Route::PageRetentionDestroy
        )
    }

    /// A download that must be a ZIP when allowed.
    fn is_zip(self) -> bool {
        matches!(self, Route::ApiAccessExport | Route::PageRightsExport)
    }

    fn is_page(self) -> bool {
        self.label().starts_with("page ")
    }

    /// A route of the participant pages (`/mijn/{p}`).
    fn is_participants(self) -> bool {
        self.label().starts_with("page /mijn") || self.label().starts_with("page POST /mijn")
    }

    fn need(self) -> Need {
        match self {
            Route::ApiListCases | Route::PageCases => Need::CaseList,
            Route::ApiCreateCase => Need::OpenCase,
            Route::ApiGetCase
            | Route::ApiPatchCase
            | Route::ApiAccessLog
            | Route::PageCase
            | Route::PageEditCase => Need::Record,
            Route::PageAdminUsers
            | Route::PageAdminAudit
            | Route::PageRetention
            | Route::PageRetentionDestroy => Need::Administration,
            Route::ApiResearchExport | Route::PageResearch => Need::Research,
            Route::ApiInsights | Route::PageInsights | Route::PageInsightsCsv => Need::Insights,
            Route::ApiDestructionRequest
            | Route::ApiRecordDestruction
            | Route::ApiRefuseDestruction
            | Route::ApiDestroy
            | Route::PageRights
            | Route::PageRecordDestruction
            | Route::PageRefuseDestruction
            | Route::PageDestroy => Need::Destruction,
            Route::ApiAccessExport | Route::PageRightsExport => Need::AccessExport,
            Route::MinePlanPdf | Route::MineSignOff => Need::OwnPlan,
            Route::MinePlanProgress => Need::OwnTask,
            Route::MinePage => Need::OwnPage,
            Route::MineLog => Need::ClientAccessLog,
            // Nominating a support figure is the young person's own choice too.
            Route::MineAddPerson | Route::MineStance | Route::MineNominate => {
                Need::YoungPersonsChoice
            }
            Route::MineAccept | Route::MineContact => Need::SupportFiguresPart,
            Route::MineChecks | Route::MineStartCheck => Need::OwnMeasurements,
            Route::MineSelfReport | Route::MineGiveSelfReport => Need::OwnSelfReport,
            Route::PageTeam | Route::PageTeamCsv | Route::PageTeamXlsx => Need::TeamOverview,
            Route::MineGiveConsent | Route::MineWithdrawConsent => Need::OwnConsent,
            // The sharing pages and consent routes: the help itself (team professionals).
            _ => Need::Help,
        }
    }

    /// The case columns of this route (for opening a case: the team of that case).
    fn cases(self) -> &'static [Which] {
        match self.need() {
            // Destroying a file past its retention period is an organisation action, tried on a
            // (throwaway) file of each team.
            Need::Administration if self == Route::PageRetentionDestroy => {
                &[Which::Case1, Which::Case2]
            }
            Need::Administration | Need::TeamOverview | Need::Research | Need::Insights => {
                &[Which::NoCase]
            }
            Need::OwnPage
            | Need::ClientAccessLog
            | Need::YoungPersonsChoice
            | Need::OwnConsent
            | Need::OwnPlan
            | Need::OwnTask
            | Need::SupportFiguresPart
            | Need::OwnMeasurements
            | Need::OwnSelfReport => &[Which::Own, Which::Others],
            _ => &[Which::Case1, Which::Case2],
        }
    }
}

// ------------------------------------------------------------------------------------------
// The rules (issue 4 and shared/domain.md, written down here on their own)
// ------------------------------------------------------------------------------------------

/// What the rules say a request must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 2xx, or a redirect within the same area.
    Allow,
    /// 200, and the case is in the list.
    Listed,
    /// 200, and the case is not in the list (nor its young person's name).
    Unlisted,
    /// 404: case data of a case the caller may not know (or whose help they are not in) looks
    /// exactly like a case that does not exist.
    Hidden,
    /// 403: an organisation-level page or action the caller may not use.
    Forbidden,
    /// Not logged in: 401 from the API, a redirect to `/login` from a page.
    LogIn,
}

impl Expect {
    fn label(self) -> &'static str {
        match self {
            Expect::Allow => "allow",
            Expect::Listed => "listed",
            Expect::Unlisted => "unlisted",
            Expect::Hidden => "404",
            Expect::Forbidden => "403",
            Expect::LogIn => "login",
        }
    }
}

/// Professionals of the team that holds the case are directly involved in the help.
fn in_the_help(who: Who, case: Which) -> bool {
    matches!(
        (who, case),
        (Who::ProA, Which::Case1) | (Who::ProB, Which::Case2)
    )
}

/// Who may know a case exists and read or change its record: those in the help, and the
/// organisation's administrator (opens, assigns and closes cases, answers for who looked). The
/// administrator is not involved in the help and sees no network. Professionals of another team
/// or organisation, coordinators and analysts never reach a case. The young person, parents and
/// support figures get nothing from these professional routes (the sharing pages and the
/// consent API included): their own pages are separate.
fn may_know(who: Who, case: Which) -> bool {
    who == Who::Admin || in_the_help(who, case)
}

/// A participant page is only for the person it belongs to: nobody else reaches it — not the
/// other people around the young person, not the professionals of the case, not the
/// administrator. Someone else's page looks exactly like one that does not exist.
fn owns_page(who: Who, page: Which) -> bool {
    page == Which::Own && who.is_participant()
}

/// The young person of case 1 is 14. Under 16 a parent with gezag is their legal
/// representative; a parent without gezag is not.
fn legal_representative(who: Who) -> bool {
    who == Who::Parent
}

/// From 12 to 15 the young person consents together with the parents with gezag: only they
/// give or withdraw consent. Not a parent without gezag, not a support figure.
fn must_consent(who: Who) -> bool {
    who == Who::Youth || legal_representative(who)
}

/// Who sees the network map on their own page: the young person (their own information), a
/// legal representative, and a support figure only with an active consent for the map that
/// covers them. Not a parent without gezag, not a support figure without consent (no
/// withholding applies in this world).
fn sees_map(who: Who) -> bool {
    who == Who::Youth || legal_representative(who) || who == Who::SupportConsented
}

/// Who sees the plan on their own page: the young person and a legal representative. No
/// consent for the plan was given to anyone else in this world (the second support figure's
/// consent covers the map only).
fn sees_plan(who: Who) -> bool {
    who == Who::Youth || legal_representative(who)
}

/// Who answers support checks on their own page: the young person, and a legal representative
/// (no consent for measurements was given to anyone in this world).
fn sees_measurements(who: Who) -> bool {
    who == Who::Youth || legal_representative(who)
}

/// Who has a case list: the administrator and professionals (even when it is empty).
fn has_case_list(who: Who) -> bool {
    matches!(who, Who::Admin | Who::ProA | Who::ProB | Who::ProElsewhere)
}

/// May the answer name the young person of the case?
fn may_see_name(who: Who, route: Route, case: Which) -> bool {
    if route.is_participants() {
        expected(who, route, case) == Expect::Allow
    } else {
        may_know(who, case)
    }
}

/// May the answer show the case's network (members, versions)?
fn may_see_network(who: Who, route: Route, case: Which) -> bool {
    if route.is_participants() {
        expected(who, route, case) == Expect::Allow && sees_map(who)
    } else {
        in_the_help(who, case)
    }
}

fn expected(who: Who, route: Route, case: Which) -> Expect {
    if who == Who::Anonymous {
        return Expect::LogIn;
    }
    let allow = |yes: bool, no: Expect| if yes { Expect::Allow } else { no };
    match route.need() {
        Need::Administration => allow(who == Who::Admin, Expect::Forbidden),
        // Row-level research data, however pseudonymised, is for the analysts who do the
        // research: not the administrator (who manages accounts), not the professionals, not
        // the young person, parents or support figures.
        Need::Research => allow(who == Who::Analyst, Expect::Forbidden),
        Need::Insights => allow(who == Who::Admin || who == Who::Analyst, Expect::Forbidden),
        // The API answers everyone logged in with the cases they may know (maybe none); the
        // page is for those who work with cases.
        Need::CaseList if route.is_page() && !has_case_list(who) => Expect::Forbidden,
        Need::CaseList if may_know(who, case) => Expect::Listed,
        Need::CaseList => Expect::Unlisted,
        // A case is opened by the administrator, or by a professional for their own team.
        Need::OpenCase => allow(
            who == Who::Admin || in_the_help(who, case),
            Expect::Forbidden,
        ),
        Need::Record => allow(may_know(who, case), Expect::Hidden),
        Need::Help => allow(in_the_help(who, case), Expect::Hidden),
        // A request to destroy the file is handled by the team's professionals and by the
        // administrator (it shows nothing of the network); nobody else reaches the case.
        Need::Destruction => allow(who == Who::Admin || in_the_help(who, case), Expect::Hidden),
        // The access export holds everything, the network included: the team's professionals
        // alone, not the administrator.
        Need::AccessExport => allow(in_the_help(who, case), Expect::Hidden),
        Need::OwnPage => allow(owns_page(who, case), Expect::Hidden),
        Need::ClientAccessLog
        | Need::YoungPersonsChoice
        | Need::OwnConsent
        | Need::OwnPlan
        | Need::OwnTask
        | Need::SupportFiguresPart
        | Need::OwnMeasurements
        | Need::OwnSelfReport
            if !owns_page(who, case) =>
        {
            Expect::Hidden
        }
        // On their own page a participant may be refused an action: 403.
        Need::ClientAccessLog => allow(
            who == Who::Youth || legal_representative(who),
            Expect::Forbidden,
        ),
        Need::YoungPersonsChoice => allow(who == Who::Youth, Expect::Forbidden),
        Need::OwnConsent => allow(must_consent(who), Expect::Forbidden),
        Need::OwnPlan => allow(sees_plan(who), Expect::Forbidden),
        // Only the holder reports on an action, and only while they may see the plan.
        Need::OwnTask => allow(who == Who::Youth, Expect::Forbidden),
        // Only a support figure says yes to being one, and logs contact moments.
        Need::SupportFiguresPart => allow(
            matches!(who, Who::SupportFigure | Who::SupportConsented),
            Expect::Forbidden,
        ),
        // Support checks: the young person and the parents answer them, not a support figure
        // (someone the check asks about); a parent only while they may see measurements — for
        // the 14-year-old, the parent with gezag.
        Need::OwnMeasurements => allow(sees_measurements(who), Expect::Forbidden),
        // The self-report is the young person's own view: not a parent's, not a support
        // figure's.
        Need::OwnSelfReport => allow(
            who == Who::Youth && sees_measurements(who),
            Expect::Forbidden,
        ),
        // The team overview: professionals, each of their own teams' cases.
        Need::TeamOverview => allow(
            matches!(who, Who::ProA | Who::ProB | Who::ProElsewhere),
            Expect::Forbidden,
        ),
    }
}

/// Cells where the production code does not (yet) follow the rules: the test reports them as
/// known gaps instead of failing, and fails when one of them starts to pass (remove it then).
/// A gap covers every combination of its actors, routes and columns.
struct Gap {
    who: &'static [Who],
    route: &'static [Route],
    case: &'static [Which],
    why: &'static str,
}

const KNOWN_GAPS: &[Gap] = &[
    Gap {
        who: &STAFF,
        route: &PARTICIPANT_ROUTES,
        case: &[Which::Own, Which::Others],
        why: "pages::mine::my_link answers 404 for a participant id that is not the caller's and \
              audits the refusal naming the participant, but not the case: the store has no \
              lookup of a case by participant id yet",
    },
    Gap {
        who: &PARTICIPANTS,
        route: &PARTICIPANT_ROUTES,
        case: &[Which::Others],
        why: "pages::mine::my_link answers 404 for another participant's page and audits it \
              naming the participant, not the case (no lookup by participant id yet)",
    },
];

const STAFF: [Who; 6] = [
    Who::Admin,
    Who::ProA,
    Who::ProB,
    Who::ProElsewhere,
    Who::Coordinator,
    Who::Analyst,
];

const PARTICIPANTS: [Who; 5] = [
    Who::Youth,
    Who::Parent,
    Who::ParentNoGezag,
    Who::SupportFigure,
    Who::SupportConsented,
];

const PARTICIPANT_ROUTES: [Route; 16] = [
    Route::MinePlanPdf,
    Route::MineSignOff,
    Route::MinePlanProgress,
    Route::MinePage,
    Route::MineLog,
    Route::MineAddPerson,
    Route::MineStance,
    Route::MineGiveConsent,
    Route::MineWithdrawConsent,
    Route::MineNominate,
    Route::MineAccept,
    Route::MineContact,
    Route::MineChecks,
    Route::MineStartCheck,
    Route::MineSelfReport,
    Route::MineGiveSelfReport,
];

fn known_gap(who: Who, route: Route, case: Which) -> Option<&'static Gap> {
    KNOWN_GAPS
        .iter()
        .find(|g| g.who.contains(&who) && g.route.contains(&route) && g.case.contains(&case))
}

// ------------------------------------------------------------------------------------------
// The world
// ------------------------------------------------------------------------------------------

struct CaseFixture {
    id: String,
    team: TeamId,
    /// The young person's name: only those who may know the case may see it.
    youth: &'static str,
    members: [String; 2],
    version: String,
    /// Names only those in the help may see: the members and the version title.
    network_words: [&'static str; 3],
}

struct Person {
    who: Who,
    token: Option<String>,
    user: Option<UserId>,
    org: OrgId,
    /// Their participant id on case 1, if they take part.
    participant: Option<String>,
}

struct World {
    app: TestApp,
    case1: CaseFixture,
    case2: CaseFixture,
    people: Vec<Person>,
}

impl World {
    fn case(&self, which: Which) -> Option<&CaseFixture> {
        match which {
            Which::Case1 | Which::Own | Which::Others => Some(&self.case1),
            Which::Case2 => Some(&self.case2),
            Which::NoCase => None,
        }
    }

    /// The participant page a cell of `who` is about (see [`Which::Own`], [`Which::Others`]).
    fn page_of(&self, who: Who, which: Which) -> &str {
        let of = |w: Who| {
            self.person(w)
                .participant
                .as_deref()
                .expect("a participant")
        };
        match (which, self.person(who).participant.as_deref()) {
            (Which::Own, Some(own)) => own,
            (Which::Others, _) if who.is_participant() && who != Who::Youth => of(Who::Youth),
            (Which::Others, _) => of(Who::Parent),
            _ => of(Who::Youth),
        }
    }

    fn person(&self, who: Who) -> &Person {
        self.people
            .iter()
            .find(|p| p.who == who)
            .expect("every actor is set up")
    }

    fn token(&self, who: Who) -> &str {
        self.person(who).token.as_deref().expect("logged in")
    }

    /// The professional in the help of `which`: the one who re-reads after a denied change.
    fn keeper(&self, which: Which) -> &str {
        match which {
            Which::Case2 => self.token(Who::ProB),
            _ => self.token(Who::ProA),
        }
    }
}

async fn expect_created(app: &TestApp, path: &str, token: &str, body: &str) -> serde_json::Value {
    let r = api(app, Method::POST, path, token, Some(body)).await;
    assert_eq!(r.status, StatusCode::CREATED, "setup {path}: {}", r.body);
    r.json()
}

async fn add_member(app: &TestApp, token: &str, case: &str, body: Value) -> String {
    let path = format!("/api/v1/cases/{case}/members");
    expect_created(app, &path, token, &body.to_string()).await["id"]
        .as_str()
        .expect("member id")
        .to_string()
}

/// Asks consent as `token` (a professional of the case): the consent id.
async fn ask_consent(
    app: &TestApp,
    token: &str,
    case: &str,
    category: &str,
    recipient: &str,
) -> String {
    expect_created(
        app,
        &format!("/api/v1/cases/{case}/consents"),
        token,
        &json!({"category": category, "recipient": recipient}).to_string(),
    )
    .await["id"]
        .as_str()
        .expect("consent id")
        .to_string()
}

async fn save_version(app: &TestApp, token: &str, case: &str, title: &str) -> String {
    expect_created(
        app,
        &format!("/api/v1/cases/{case}/versions"),
        token,
        &format!(r#"{{"title": "{title}"}}"#),
    )
    .await["id"]
        .as_str()
        .expect("version id")
        .to_string()
}

/// Invites a participant on `case` and accepts with a new account: the bearer token and user.
async fn participant(app: &TestApp, pro: &str, case: &str, invite: &str, email: &str) -> Person {
    let created = expect_created(
        app,
        &format!("/api/v1/cases/{case}/invitations"),
        pro,
        invite,
    )
    .await;
    let code = created["invitation"]["code"]
        .as_str()
        .expect("the code, once")
        .to_string();
    let accept = app
        .send(
            Method::POST,
            &format!("/api/v1/invitations/{code}"),
            Some(&format!(
                r#"{{"name": "Deelnemer {email}", "email": "{email}", "password": "{}"}}"#,
                crate::app::PASSWORD
            )),
            &[],
        )
        .await;
    assert_eq!(
        accept.status,
        StatusCode::CREATED,
        "accept: {}",
        accept.body
    );
    let json = accept.json();
    Person {
        who: Who::Anonymous,
        token: Some(json["token"].as_str().expect("token").to_string()),
        user: Some(UserId::from_stored(
            json["user_id"].as_str().expect("user id"),
        )),
        org: app.org.clone(),
        participant: Some(created["id"].as_str().expect("participant id").to_string()),
    }
}

async fn world() -> World {
    let app = TestApp::new().await;
    let org = app.org.clone();
    let team_a = app.team.clone();
    let team_b = app
        .store
        .create_team(
            &OrgScope::operator(org.clone()),
            "Wijkteam B",
            operator_event(&org),
        )
        .await
        .expect("team B")
        .id;
    // The coordinator and the analyst are in team A: a team alone gives no access to its cases.
    let coordinator = app
        .add_user(
            "coordinator@test.nl",
            "Cor Coordinator",
            &[Role::Coordinator],
        )
        .await;
    let analyst = app
        .add_user("analist@test.nl", "Ans Analist", &[Role::Analyst])
        .await;
    let pro_b = app
        .add_user_in(
            &org,
            std::slice::from_ref(&team_b),
            "pro-b@test.nl",
            "Bram Professional",
            &[Role::Professional],
        )
        .await;
    let elsewhere = app
        .store
        .create_org("Andere Organisatie", chrono::Utc::now())
        .await
        .expect("second organisation")
        .id;
    let their_team = app
        .store
        .create_team(
            &OrgScope::operator(elsewhere.clone()),
            "Wijkteam Elders",
            operator_event(&elsewhere),
        )
        .await
        .expect("their team")
        .id;
    let pro_elsewhere = app
        .add_user_in(
            &elsewhere,
            &[their_team],
            "pro@elders.nl",
            "Otto Elders",
            &[Role::Professional],
        )
        .await;

    let staff = [
        (Who::Admin, "beheer@test.nl", app.admin.clone(), &org),
        (Who::ProA, "pro@test.nl", app.professional.clone(), &org),
        (Who::ProB, "pro-b@test.nl", pro_b, &org),
        (
            Who::ProElsewhere,
            "pro@elders.nl",
            pro_elsewhere,
            &elsewhere,
        ),
        (Who::Coordinator, "coordinator@test.nl", coordinator, &org),
        (Who::Analyst, "analist@test.nl", analyst, &org),
    ];
    let mut people = Vec::new();
    for (who, email, user, org) in staff {
        people.push(Person {
            who,
            token: Some(app.login_api(email).await),
            user: Some(user),
            org: org.clone(),
            participant: None,
        });
    }
    let pro_a = people[1].token.clone().expect("token");
    let pro_b = people[2].token.clone().expect("token");

    // Case 1: team A, a 14-year-old, parent 0 with gezag (parent 1 without).
    let born = chrono::Utc::now()
        .date_naive()
        .checked_sub_months(chrono::Months::new(14 * 12 + 3))
        .expect("date");
    let case1 = expect_created(
        &app,
        "/api/v1/cases",
        &pro_a,
        &json!({
            "youth": {"name": "Fenna Matrixeen", "birth_date": born.to_string()},
            "setting": "wijkteam",
            "parents": [
                {"name": "Ria Matrixeen", "gezag": true},
                {"name": "Karel Matrixeen", "gezag": false}
            ]
        })
        .to_string(),
    )
    .await;
    assert_eq!(case1["team"]["id"], team_a.as_str());
    let id1 = case1["id"].as_str().expect("id").to_string();
    let oma = add_member(
        &app,
        &pro_a,
        &id1,
        json!({"name": "Oma Geheimeen", "relation": "oma", "ring": 1, "sector": "family"}),
    )
    .await;
    let coach = add_member(
        &app,
        &pro_a,
        &id1,
        json!({"name": "Coach Geheimeen", "relation": "coach", "ring": 2, "sector": "leisure"}),
    )
    .await;
    expect_created(
        &app,
        &format!("/api/v1/cases/{id1}/ties"),
        &pro_a,
        &format!(r#"{{"from": "{oma}", "to": "{coach}", "kind": "supportive"}}"#),
    )
    .await;
    let v1 = save_version(&app, &pro_a, &id1, "Versie Geheimeen").await;

    // Case 2: team B, opened by its own professional.
    let case2 = expect_created(
        &app,
        "/api/v1/cases",
        &pro_b,
        &json!({
            "youth": {"name": "Daan Matrixtwee", "birth_date": "2010-05-05"},
            "setting": "ambulant_specialist"
        })
        .to_string(),
    )
    .await;
    assert_eq!(case2["team"]["id"], team_b.as_str());
    let id2 = case2["id"].as_str().expect("id").to_string();
    let tante = add_member(
        &app,
        &pro_b,
        &id2,
        json!({"name": "Tante Geheimtwee", "relation": "tante", "ring": 1, "sector": "family"}),
    )
    .await;
    let buur = add_member(
        &app,
        &pro_b,
        &id2,
        json!({"name": "Buurman Geheimtwee", "relation": "buur", "ring": 3, "sector": "friends"}),
    )
    .await;
    let v2 = save_version(&app, &pro_b, &id2, "Versie Geheimtwee").await;

    // The participants of case 1, invited by its professional.
    let invitees = [
        (
            Who::Youth,
            r#"{"kind": "youth", "name": "Fenna"}"#.to_string(),
            "jongere@matrix.nl",
        ),
        (
            Who::Parent,
            r#"{"kind": "parent", "name": "Ria", "parent_index": 0}"#.to_string(),
            "ouder@matrix.nl",
        ),
        (
            Who::ParentNoGezag,
            r#"{"kind": "parent", "name": "Karel", "parent_index": 1}"#.to_string(),
            "ouder-zonder-gezag@matrix.nl",
        ),
        (
            Who::SupportFigure,
            format!(r#"{{"kind": "support_figure", "name": "Coach Sam", "member_id": "{coach}"}}"#),
            "steunfiguur@matrix.nl",
        ),
        (
            Who::SupportConsented,
            format!(r#"{{"kind": "support_figure", "name": "Oma Joke", "member_id": "{oma}"}}"#),
            "steunfiguur-met-toestemming@matrix.nl",
        ),
    ];
    for (who, invite, email) in invitees {
        let mut p = participant(&app, &pro_a, &id1, &invite, email).await;
        p.who = who;
        people.push(p);
    }
    // The map is consented to the second support figure alone, by both parties that must
    // consent (the young person, 14, and parent 0 with gezag); recorded by the professional.
    let consented = people
        .iter()
        .find(|p| p.who == Who::SupportConsented)
        .and_then(|p| p.participant.clone())
        .expect("support figure with consent");
    let map_consent = ask_consent(
        &app,
        &pro_a,
        &id1,
        "network_map",
        &format!("participant:{consented}"),
    )
    .await;
    for party in ["youth", "parent:0"] {
        let r = api(
            &app,
            Method::POST,
            &format!("/api/v1/cases/{id1}/consents/{map_consent}/give"),
            &pro_a,
            Some(&json!({"party": party, "how": "in het gesprek"}).to_string()),
        )
        .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT, "give {party}: {}", r.body);
    }
    // An open request to destroy the file on both cases, so that there is one to read.
    ensure_request(&app, &pro_a, &id1, true).await;
    ensure_request(&app, &pro_b, &id2, true).await;
    people.push(Person {
        who: Who::Anonymous,
        token: None,
        user: None,
        org: org.clone(),
        participant: None,
    });

    World {
        case1: CaseFixture {
            id: id1,
            team: team_a,
            youth: "Fenna Matrixeen",
            members: [oma, coach],
            version: v1,
            network_words: ["Oma Geheimeen", "Coach Geheimeen", "Versie Geheimeen"],
        },
        case2: CaseFixture {
            id: id2,
            team: team_b,
            youth: "Daan Matrixtwee",
            members: [tante, buur],
            version: v2,
            network_words: [
                "Tante Geheimtwee",
                "Buurman Geheimtwee",
                "Versie Geheimtwee",
            ],
        },
        people,
        app,
    }
}

// ------------------------------------------------------------------------------------------
// Running a cell
// ------------------------------------------------------------------------------------------

struct Request {
    method: Method,
    path: String,
    body: Option<String>,
    /// Where the answer may redirect to and still be "the same area".
    area: String,
    /// For changes: what an allowed person re-reads to see that a denied change changed nothing.
    observe: Option<(String, String)>,
    /// The file made for this cell alone (a destruction), checked instead of the world's case.
    throwaway: Option<Throwaway>,
}

/// A file made for one cell, which it may destroy.
struct Throwaway {
    id: String,
    youth: String,
    /// Names only those in the help may see.
    network: Vec<String>,
}

/// The case a cell is about, as the checks see it.
struct Subject<'a> {
    id: &'a str,
    youth: &'a str,
    network: Vec<&'a str>,
}

impl<'a> Subject<'a> {
    fn of(req: &'a Request, case: Option<&'a CaseFixture>) -> Option<Subject<'a>> {
        match (&req.throwaway, case) {
            (Some(t), _) => Some(Subject {
                id: &t.id,
                youth: &t.youth,
                network: t.network.iter().map(String::as_str).collect(),
            }),
            (None, Some(c)) => Some(Subject {
                id: &c.id,
                youth: c.youth,
                network: c.network_words.to_vec(),
            }),
            (None, None) => None,
        }
    }
}

const TIE_KINDS: [&str; 5] = ["knows", "supportive", "ambivalent", "stressful", "broken"];

async fn prepare(w: &World, who: Who, route: Route, which: Which) -> Request {
    let app = &w.app;
    let label = who.label();
    let Some(c) = w.case(which) else {
        let (path, area) = match route {
            Route::PageAdminUsers => ("/admin/users", "/admin"),
            Route::PageRetention => ("/admin/retention", "/admin"),
            Route::PageTeam => ("/team", "/admin"),
            Route::PageTeamCsv => ("/team/overview.csv", "/admin"),
            Route::PageTeamXlsx => ("/team/overview.xlsx", "/admin"),
            Route::ApiResearchExport => ("/api/v1/exports/research?format=csv", "/exports"),
            Route::PageResearch => ("/exports/research", "/exports"),
            Route::ApiInsights => ("/api/v1/insights?period=all", "/api"),
            Route::PageInsights => ("/insights?setting=all", "/insights"),
            Route::PageInsightsCsv => ("/insights/tables.csv", "/insights"),
            _ => ("/admin/audit", "/admin"),
        };
        return Request {
            method: route.method(),
            path: path.to_string(),
            body: None,
            area: area.to_string(),
            observe: None,
            throwaway: None,
        };
    };
    let keeper = w.keeper(which).to_string();
    let id = &c.id;
    let api_case = format!("/api/v1/cases/{id}");
    let page_case = format!("/cases/{id}");
    let mine = format!("/mijn/{}", w.page_of(who, which));
    let m = &c.members[0];
    if route.destroys() {
        return destroy_request(w, who, route, which, c).await;
    }
    let (path, body, observe) = match route {
        Route::ApiListCases => ("/api/v1/cases".to_string(), None, None),
        Route::ApiCreateCase => (
            "/api/v1/cases".to_string(),
            Some(
                json!({
                    "youth": {"name": format!("Nieuw {label}"), "birth_date": "2015-01-01"},
                    "setting": "wijkteam",
                    "team_id": c.team.as_str()
                })
                .to_string(),
            ),
            Some(("/api/v1/cases".to_string(), w.token(Who::Admin).to_string())),
        ),
        Route::ApiGetCase => (api_case.clone(), None, None),
        Route::ApiPatchCase => (
            api_case.clone(),
            Some(format!(
                r#"{{"youth": {{"preferred_name": "Roep {label}"}}}}"#
            )),
            Some((api_case.clone(), keeper)),
        ),
        Route::ApiAccessLog => (format!("{api_case}/access-log"), None, None),
        Route::ApiListMembers => (format!("{api_case}/members"), None, None),
        Route::ApiAddMember => (
            format!("{api_case}/members"),
            Some(
                json!({"name": format!("Nieuw {label}"), "relation": "buur", "ring": 3,
                    "sector": "family"})
                .to_string(),
            ),
            Some((format!("{api_case}/members"), keeper)),
        ),
        Route::ApiGetMember => (format!("{api_case}/members/{m}"), None, None),
        Route::ApiPatchMember => (
            format!("{api_case}/members/{m}"),
            Some(format!(r#"{{"relation": "relatie {label}"}}"#)),
            Some((format!("{api_case}/members/{m}"), keeper)),
        ),
        Route::ApiDeleteMember => {
            // A throwaway member, made by the case's own professional for this cell alone.
            let throwaway = add_member(
                app,
                &keeper,
                id,
                json!({"name": format!("Weg {label}"), "relation": "kennis", "ring": 3,
                    "sector": "friends"}),
            )
            .await;
            let path = format!("{api_case}/members/{throwaway}");
            (path.clone(), None, Some((path, keeper)))
        }
        Route::ApiListTies => (format!("{api_case}/ties"), None, None),
        Route::ApiAddTie => {
            // A kind different from the tie's current one, so that any change shows.
            let ties = api(app, Method::GET, &format!("{api_case}/ties"), &keeper, None)
                .await
                .json();
            let [a, b] = &c.members;
            let current = ties["items"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|t| {
                    (t["from"] == a.as_str() && t["to"] == b.as_str())
                        || (t["from"] == b.as_str() && t["to"] == a.as_str())
                })
                .and_then(|t| t["kind"].as_str().map(str::to_string));
            let kind = TIE_KINDS
                .iter()
                .find(|k| Some(**k) != current.as_deref())
                .expect("another kind");
            (
                format!("{api_case}/ties"),
                Some(format!(
                    r#"{{"from": "{a}", "to": "{b}", "kind": "{kind}"}}"#
                )),
                Some((format!("{api_case}/ties"), keeper)),
            )
        }
        Route::ApiMap => (format!("{api_case}/map.svg"), None, None),
        Route::ApiIndicators => (format!("{api_case}/indicators"), None, None),
        Route::ApiListVersions => (format!("{api_case}/versions"), None, None),
        Route::ApiSaveVersion => (
            format!("{api_case}/versions"),
            Some(format!(r#"{{"title": "Stand {label}"}}"#)),
            Some((format!("{api_case}/versions"), keeper)),
        ),
        Route::ApiCompareVersions => (
            format!("{api_case}/versions/compare?from={}&to=current", c.version),
            None,
            None,
        ),
        Route::ApiGraphml => (format!("{api_case}/export.graphml"), None, None),
        Route::ApiMembersCsv => (format!("{api_case}/members.csv"), None, None),
        Route::ApiTiesCsv => (format!("{api_case}/ties.csv"), None, None),
        Route::ApiListInvitations => (format!("{api_case}/invitations"), None, None),
        Route::ApiInvite => (
            format!("{api_case}/invitations"),
            Some(format!(
                r#"{{"kind": "support_figure", "name": "Buurvrouw {label}"}}"#
            )),
            Some((format!("{api_case}/invitations"), keeper)),
        ),
        Route::PageCases => ("/cases".to_string(), None, None),
        Route::PageCase => (page_case.clone(), None, None),
        Route::PageEditCase => (format!("{page_case}/edit"), None, None),
        Route::PageMember => (format!("{page_case}/members/{m}"), None, None),
        Route::PagePrint => (format!("{page_case}/print"), None, None),
        Route::PageDownload => (format!("{page_case}/download?what=graphml"), None, None),
        Route::PageAdminUsers
        | Route::PageAdminAudit
        | Route::PageRetention
        | Route::PageTeam
        | Route::PageTeamCsv
        | Route::PageTeamXlsx
        | Route::ApiResearchExport
        | Route::PageResearch
        | Route::ApiInsights
        | Route::PageInsights
        | Route::PageInsightsCsv => {
            unreachable!("no case")
        }

        // Consent and sharing, for the case's professionals.
        Route::ApiListConsents => (format!("{api_case}/consents"), None, None),
        Route::ApiAskConsent => (
            format!("{api_case}/consents"),
            Some(json!({"category": "plan", "recipient": "role:support_figures"}).to_string()),
            Some((format!("{api_case}/consents"), keeper)),
        ),
        Route::ApiGiveConsent | Route::ApiWithdrawConsent => {
            let consent = throwaway_consent(app, &keeper, id).await;
            let (action, body) = if route == Route::ApiGiveConsent {
                (
                    "give",
                    json!({"party": "youth", "how": format!("gesprek {label}")}),
                )
            } else {
                ("withdraw", json!({"party": "youth"}))
            };
            (
                format!("{api_case}/consents/{consent}/{action}"),
                Some(body.to_string()),
                Some((format!("{api_case}/consents"), keeper)),
            )
        }
        Route::ApiVisibility => (format!("{api_case}/visibility"), None, None),
        Route::PageSharing => (format!("{page_case}/sharing"), None, None),
        Route::PageGuide => (
            format!("{page_case}/sharing/guide?directly_involved=yes"),
            None,
            None,
        ),
        Route::PageGuideDecide => (
            format!("{page_case}/sharing/guide"),
            Some(format!(
                "recipient=School+{label}&information=Het+plan&answers=directly_involved%3Dyes\
                 &decision=share&reasons=Nodig+voor+de+hulp"
            )),
            Some((format!("{page_case}/sharing/guide"), keeper)),
        ),
        Route::PageFramework => {
            // A framework different from the case's current one, with the same consent rules.
            let now = api(
                app,
                Method::GET,
                &format!("{api_case}/visibility"),
                &keeper,
                None,
            )
            .await
            .json();
            let other = ["voluntary", "jeugdzorgplus"]
                .into_iter()
                .find(|f| now["framework"] != *f)
                .expect("another framework");
            (
                format!("{page_case}/sharing/framework"),
                Some(format!("framework={other}")),
                Some((format!("{page_case}/sharing"), keeper)),
            )
        }
        Route::PageAskConsent => (
            format!("{page_case}/consents"),
            Some("category=plan&recipient=role%3Asupport_figures".to_string()),
            Some((format!("{page_case}/sharing"), keeper)),
        ),
        Route::PageGiveConsent | Route::PageWithdrawConsent => {
            let consent = throwaway_consent(app, &keeper, id).await;
            let action = if route == Route::PageGiveConsent {
                "give"
            } else {
                "withdraw"
            };
            (
                format!("{page_case}/consents/{consent}/{action}"),
                Some(format!("party=youth&how=gesprek+{label}")),
                Some((format!("{page_case}/sharing"), keeper)),
            )
        }
        Route::PageWithhold => (
            format!("{page_case}/withholdings"),
            Some(format!(
                "category=notes&recipient=role%3Aparents&reason=Bescherming+{label}"
            )),
            Some((format!("{page_case}/sharing"), keeper)),
        ),
        Route::PageLiftWithholding => {
            let withholding = app
                .store
                .add_withholding(
                    &OrgScope::operator(app.org.clone()),
                    &CaseId::from_stored(id),
                    &Withholding {
                        category: Category::Notes,
                        recipient: Recipient::Role(RecipientRole::Parents),
                        reason: format!("Weg {label}"),
                        active: true,
                    },
                    operator_event(&app.org),
                )
                .await
                .expect("a throwaway withholding");
            (
                format!("{page_case}/withholdings/{withholding}/lift"),
                None,
                Some((format!("{page_case}/sharing"), keeper)),
            )
        }

        // The participant pages; the throwaway objects are made by the case's professional.
        Route::MinePage => (mine.clone(), None, None),
        Route::MineLog => (format!("{mine}/log"), None, None),
        Route::MineAddPerson => (
            format!("{mine}/members"),
            Some(format!(
                "name=Nieuw+{label}&relation=buur&ring=3&sector=friends"
            )),
            Some((format!("{api_case}/members"), keeper)),
        ),
        Route::MineStance => {
            let throwaway = add_member(
                app,
                &keeper,
                id,
                json!({"name": format!("Keus {label}"), "relation": "kennis", "ring": 3,
                    "sector": "friends"}),
            )
            .await;
            (
                format!("{mine}/members/{throwaway}/stance"),
                Some("stance=rejected".to_string()),
                Some((format!("{api_case}/members/{throwaway}"), keeper)),
            )
        }
        Route::MineGiveConsent | Route::MineWithdrawConsent => {
            let consent = throwaway_consent(app, &keeper, id).await;
            let action = if route == Route::MineGiveConsent {
                "give"
            } else {
                "withdraw"
            };
            (
                format!("{mine}/consents/{consent}/{action}"),
                None,
                Some((format!("{api_case}/consents"), keeper)),
            )
        }

        // Rights: the request to destroy the file is re-read by the case's professional; a new
        // one needs no open one, a refusal needs an open one (made here when missing).
        Route::ApiDestructionRequest => (format!("{api_case}/destruction-request"), None, None),
        Route::ApiRecordDestruction | Route::PageRecordDestruction => {
            ensure_request(app, &keeper, id, false).await;
            let today = chrono::Utc::now().date_naive();
            let (path, body) = if route == Route::ApiRecordDestruction {
                (
                    format!("{api_case}/destruction-request"),
                    json!({"requested_by": "youth", "received_on": today.to_string(),
                        "note": format!("Verzoek {label}")})
                    .to_string(),
                )
            } else {
                (
                    format!("{page_case}/rights/request"),
                    format!("requested_by=youth&received_on={today}&note=Verzoek+{label}"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/destruction-request"), keeper)),
            )
        }
        Route::ApiRefuseDestruction | Route::PageRefuseDestruction => {
            ensure_request(app, &keeper, id, true).await;
            let (path, body) = if route == Route::ApiRefuseDestruction {
                (
                    format!("{api_case}/destruction-request/refusal"),
                    json!({"reason": format!("Uitzondering {label}")}).to_string(),
                )
            } else {
                (
                    format!("{page_case}/rights/refuse"),
                    format!("reason=Uitzondering+{label}"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/destruction-request"), keeper)),
            )
        }
        Route::ApiAccessExport => (format!("{api_case}/export"), None, None),
        Route::PageRights => (format!("{page_case}/rights"), None, None),
        Route::PageRightsExport => (format!("{page_case}/rights/export"), None, None),

        // The plan and network meetings, for the case's professionals.
        Route::ApiGetPlan => (format!("{api_case}/plan"), None, None),
        Route::ApiPutPlan => {
            let current = api(app, Method::GET, &format!("{api_case}/plan"), &keeper, None)
                .await
                .json();
            (
                format!("{api_case}/plan"),
                Some(
                    json!({"revision": current["revision"],
                        "goals": [{"text": format!("Doel {label}"), "holder": "youth"}]})
                    .to_string(),
                ),
                Some((format!("{api_case}/plan"), keeper)),
            )
        }
        Route::ApiAdoptPlan => (
            format!("{api_case}/plan/versions"),
            Some("{}".to_string()),
            Some((format!("{api_case}/plan/versions"), keeper)),
        ),
        Route::ApiPlanPdf => (format!("{api_case}/plan.pdf"), None, None),
        Route::ApiListMeetings => (format!("{api_case}/meetings"), None, None),
        Route::ApiCreateMeeting => (
            format!("{api_case}/meetings"),
            Some(
                json!({"kind": "network_meeting", "own_question": format!("Vraag {label}"),
                    "starts_at": "2027-03-01T19:00", "invitees": [m]})
                .to_string(),
            ),
            Some((format!("{api_case}/meetings"), keeper)),
        ),
        Route::PagePlan => (format!("{page_case}/plan"), None, None),
        Route::PageAddGoal => {
            let current = api(app, Method::GET, &format!("{api_case}/plan"), &keeper, None)
                .await
                .json();
            (
                format!("{page_case}/plan/goals"),
                Some(format!(
                    "revision={}&text=Doel+{label}&holder=youth",
                    current["revision"]
                )),
                Some((format!("{api_case}/plan"), keeper)),
            )
        }
        Route::PageMeetings => (format!("{page_case}/meetings"), None, None),
        Route::MinePlanPdf => (format!("{mine}/plan.pdf"), None, None),
        Route::MineSignOff => {
            let version = expect_created(app, &format!("{api_case}/plan/versions"), &keeper, "{}")
                .await["id"]
                .as_str()
                .expect("version id")
                .to_string();
            (
                format!("{mine}/plan/sign-off"),
                Some(format!("version={version}")),
                Some((format!("{api_case}/plan/versions"), keeper)),
            )
        }
        Route::MinePlanProgress => {
            let action = youth_action(app, &keeper, id, label).await;
            (
                format!("{mine}/plan/actions/{action}/progress"),
                Some("status=done&note=Klaar".to_string()),
                Some((format!("{api_case}/plan"), keeper)),
            )
        }
        Route::ApiPlanProgress | Route::PagePlanProgress => {
            let action = youth_action(app, &keeper, id, label).await;
            let (path, body) = if route == Route::ApiPlanProgress {
                (
                    format!("{api_case}/plan/actions/{action}/progress"),
                    json!({"status": "done", "note": format!("Klaar {label}")}).to_string(),
                )
            } else {
                (
                    format!("{page_case}/plan/actions/{action}/progress"),
                    format!("status=done&note=Klaar+{label}"),
                )
            };
            (path, Some(body), Some((format!("{api_case}/plan"), keeper)))
        }
        Route::ApiListPlanVersions => (format!("{api_case}/plan/versions"), None, None),
        Route::ApiComparePlanVersions | Route::PageComparePlan => {
            let v = plan_version(app, &keeper, id).await;
            let query = format!("a={v}&b={v}");
            if route == Route::ApiComparePlanVersions {
                (
                    format!("{api_case}/plan/versions/compare?{query}"),
                    None,
                    None,
                )
            } else {
                (format!("{page_case}/plan/compare?{query}"), None, None)
            }
        }
        Route::ApiGetPlanVersion => {
            let v = plan_version(app, &keeper, id).await;
            (format!("{api_case}/plan/versions/{v}"), None, None)
        }
        Route::ApiGetMeeting => {
            let m = meeting(app, &keeper, id, "vast").await;
            (format!("{api_case}/meetings/{m}"), None, None)
        }
        Route::ApiMeetingIcs | Route::PageMeetingIcs => {
            let m = meeting(app, &keeper, id, "vast").await;
            let base = if route == Route::ApiMeetingIcs {
                &api_case
            } else {
                &page_case
            };
            (format!("{base}/meetings/{m}/invitation.ics"), None, None)
        }
        Route::PageMeeting => {
            let m = meeting(app, &keeper, id, "vast").await;
            (format!("{page_case}/meetings/{m}"), None, None)
        }
        Route::PageInvitation => {
            let m = meeting(app, &keeper, id, "vast").await;
            (format!("{page_case}/meetings/{m}/invitation"), None, None)
        }
        Route::ApiMeetingHeld | Route::PageMeetingHeld => {
            let m = meeting(app, &keeper, id, label).await;
            let (path, body) = if route == Route::ApiMeetingHeld {
                (
                    format!("{api_case}/meetings/{m}/held"),
                    json!({"private_minutes": 30, "notes": format!("Gehouden {label}")})
                        .to_string(),
                )
            } else {
                (
                    format!("{page_case}/meetings/{m}/held"),
                    format!("private_minutes=30&notes=Gehouden+{label}"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/meetings/{m}"), keeper)),
            )
        }
        Route::PagePlanPdf => (format!("{page_case}/plan.pdf"), None, None),
        Route::PageRemoveGoal | Route::PageRemoveAction | Route::PageRemoveAgreement => {
            // A throwaway goal, action or agreement, made by the case's professional.
            let (kind, item) = throwaway_plan_item(app, &keeper, id, route, label).await;
            let revision = plan_revision(app, &keeper, id).await;
            (
                format!("{page_case}/plan/{kind}/{item}/remove"),
                Some(format!("revision={revision}")),
                Some((format!("{api_case}/plan"), keeper)),
            )
        }
        Route::PageAddAction | Route::PageSafety | Route::PageAddAgreement => {
            let revision = plan_revision(app, &keeper, id).await;
            let (path, body) = match route {
                Route::PageAddAction => (
                    "actions",
                    format!("revision={revision}&what=Actie+{label}&who=youth"),
                ),
                Route::PageSafety => (
                    "safety",
                    format!("revision={revision}&worries=Zorg+{label}"),
                ),
                _ => (
                    "agreements",
                    format!(
                        "revision={revision}&concern=Zorg+{label}&agreement=Afspraak&who_watches=Oma&if_wrong=Bellen"
                    ),
                ),
            };
            (
                format!("{page_case}/plan/{path}"),
                Some(body),
                Some((format!("{api_case}/plan"), keeper)),
            )
        }
        Route::PageAdoptPlan => (
            format!("{page_case}/plan/adopt"),
            Some(String::new()),
            Some((format!("{api_case}/plan/versions"), keeper)),
        ),
        Route::PageCreateMeeting => (
            format!("{page_case}/meetings"),
            Some(format!(
                "kind=network_meeting&own_question=Vraag+{label}&starts_at=2027-03-01T19%3A00&invitees={m}"
            )),
            Some((format!("{api_case}/meetings"), keeper)),
        ),
        Route::ApiDestroy | Route::PageDestroy | Route::PageRetentionDestroy => {
            unreachable!("destroy cells return early")
        }

        // Support figures, concerns and deliberations: each cell works on its own throwaway
        // member, support figure or concern, made by the case's professional.
        Route::ApiListSupportFigures => (format!("{api_case}/support-figures"), None, None),
        Route::ApiNominate | Route::PageNominate => {
            let throwaway = steun_member(app, &keeper, id, label).await;
            let (path, body) = if route == Route::ApiNominate {
                (
                    format!("{api_case}/support-figures"),
                    json!({"member_id": throwaway, "own_words": format!("Keus {label}")})
                        .to_string(),
                )
            } else {
                (
                    format!("{page_case}/support/figures"),
                    format!("member_id={throwaway}&own_words=Keus+{label}"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/support-figures"), keeper)),
            )
        }
        Route::ApiGetSupportFigure | Route::ApiSupportLog | Route::PageSupportFigure => {
            let member = steun_member(app, &keeper, id, label).await;
            let figure = support_figure(app, &keeper, id, &member, Stage::Approved).await;
            let path = match route {
                Route::ApiGetSupportFigure => format!("{api_case}/support-figures/{figure}"),
                Route::ApiSupportLog => format!("{api_case}/support-figures/{figure}/log"),
                _ => format!("{page_case}/support/figures/{figure}"),
            };
            (path, None, None)
        }
        Route::ApiPatchSupportFigure
        | Route::ApiCoach
        | Route::PageScreen
        | Route::PageAgree
        | Route::PageEndSupport
        | Route::PageCoach => {
            let member = steun_member(app, &keeper, id, label).await;
            let stage = if matches!(route, Route::ApiPatchSupportFigure | Route::PageScreen) {
                Stage::Nominated
            } else {
                Stage::Approved
            };
            let figure = support_figure(app, &keeper, id, &member, stage).await;
            let api_figure = format!("{api_case}/support-figures/{figure}");
            let page_figure = format!("{page_case}/support/figures/{figure}");
            let (path, body, observe) = match route {
                Route::ApiPatchSupportFigure => (
                    api_figure.clone(),
                    json!({"screening": {"decision": "approve", "reason": format!("Veilig {label}")}})
                        .to_string(),
                    api_figure,
                ),
                Route::ApiCoach => (
                    format!("{api_figure}/log"),
                    json!({"text": format!("Coaching {label}")}).to_string(),
                    format!("{api_figure}/log"),
                ),
                Route::PageScreen => (
                    format!("{page_figure}/screening"),
                    format!("decision=approve&reason=Veilig+{label}"),
                    api_figure,
                ),
                Route::PageAgree => (
                    format!("{page_figure}/agreement"),
                    format!("roles=practical&contact_how=Bellen+{label}&contact_frequency=wekelijks"),
                    api_figure,
                ),
                Route::PageEndSupport => (
                    format!("{page_figure}/end"),
                    format!("reason=Gestopt+{label}"),
                    api_figure,
                ),
                _ => (
                    format!("{page_figure}/log"),
                    format!("text=Coaching+{label}"),
                    format!("{api_figure}/log"),
                ),
            };
            (path, Some(body), Some((observe, keeper)))
        }
        Route::ApiListConcerns => (format!("{api_case}/concerns"), None, None),
        Route::ApiRegisterConcern | Route::PageRegisterConcern => {
            let (path, body) = if route == Route::ApiRegisterConcern {
                (
                    format!("{api_case}/concerns"),
                    json!({"about": "informal_support", "what": format!("Zorg {label}"),
                        "seriousness": "low"})
                    .to_string(),
                )
            } else {
                (
                    format!("{page_case}/support/concerns"),
                    format!("about=informal_support&what=Zorg+{label}&seriousness=low"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/concerns"), keeper)),
            )
        }
        Route::ApiCloseConcern | Route::PageCloseConcern => {
            let concern = expect_created(
                app,
                &format!("{api_case}/concerns"),
                &keeper,
                &json!({"about": "informal_support", "what": format!("Open {label}"),
                    "seriousness": "medium"})
                .to_string(),
            )
            .await["id"]
                .as_str()
                .expect("concern id")
                .to_string();
            let (path, body) = if route == Route::ApiCloseConcern {
                (
                    format!("{api_case}/concerns/{concern}"),
                    json!({"status": "closed", "what_was_done": format!("Gedaan {label}")})
                        .to_string(),
                )
            } else {
                (
                    format!("{page_case}/support/concerns/{concern}/close"),
                    format!("what_was_done=Gedaan+{label}"),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/concerns"), keeper)),
            )
        }
        Route::ApiListDeliberations => (format!("{api_case}/deliberations"), None, None),
        Route::ApiRecordDeliberation | Route::PageDeliberate => {
            let (path, body) = if route == Route::ApiRecordDeliberation {
                (
                    format!("{api_case}/deliberations"),
                    json!({"question": format!("Vraag {label}"), "participants": ["Fenna"],
                        "considerations": "Afwegingen", "decision": "Besluit"})
                    .to_string(),
                )
            } else {
                (
                    format!("{page_case}/support/deliberations"),
                    format!(
                        "question=Vraag+{label}&participants=Fenna&considerations=Afwegingen\
                         &decision=Besluit"
                    ),
                )
            };
            (
                path,
                Some(body),
                Some((format!("{api_case}/deliberations"), keeper)),
            )
        }
        Route::PageSupport => (format!("{page_case}/support"), None, None),
        Route::MineNominate => {
            let throwaway = steun_member(app, &keeper, id, label).await;
            (
                format!("{mine}/support-figures"),
                Some(format!("member_id={throwaway}&own_words=Mijn+keus+{label}")),
                Some((format!("{api_case}/support-figures"), keeper)),
            )
        }
        Route::MineAccept | Route::MineContact => {
            // The nomination of the person the caller is on the map (a support figure), else
            // of the coach: approved to accept, accepted to log contact.
            let member = if who == Who::SupportConsented {
                &c.members[0]
            } else {
                &c.members[1]
            };
            end_running(app, &keeper, id, member).await;
            let (stage, action) = if route == Route::MineAccept {
                (Stage::Approved, "accept")
            } else {
                (Stage::Active, "contacts")
            };
            let figure = support_figure(app, &keeper, id, member, stage).await;
            let observe = if route == Route::MineAccept {
                format!("{api_case}/support-figures/{figure}")
            } else {
                format!("{api_case}/support-figures/{figure}/log")
            };
            (
                format!("{mine}/support-figures/{figure}/{action}"),
                Some(format!("text=Contact+{label}")),
                Some((observe, keeper)),
            )
        }

        // Support checks: the list and starting one, for the case's professionals; on one's
        // own page for the young person and the parents.
        Route::ApiListChecks => (format!("{api_case}/support-checks"), None, None),
        Route::ApiStartCheck => (
            format!("{api_case}/support-checks"),
            Some("{}".to_string()),
            Some((format!("{api_case}/support-checks"), keeper)),
        ),
        Route::PageChecks => (format!("{page_case}/checks"), None, None),
        Route::MineChecks => (format!("{mine}/checks"), None, None),
        Route::MineStartCheck => (
            format!("{mine}/checks"),
            Some(String::new()),
            Some((format!("{api_case}/support-checks"), keeper)),
        ),

        // Screenings, self-reports, outcomes and the check schedule: for the case's
        // professionals; the self-report also on the young person's own page.
        Route::ApiListScreenings => (format!("{api_case}/screenings"), None, None),
        Route::ApiListSelfReports => (format!("{api_case}/self-reports"), None, None),
        Route::ApiListOutcomes => (format!("{api_case}/outcomes"), None, None),
        Route::ApiGetSchedule => (format!("{api_case}/check-schedule"), None, None),
        Route::ApiRecordScreening => (
            format!("{api_case}/screenings"),
            Some(
                json!({"domains": SCREENING_DOMAINS
                    .map(|d| json!({"domain": d, "problem": true, "note": format!("Screening {label}")}))})
                .to_string(),
            ),
            Some((format!("{api_case}/screenings"), keeper)),
        ),
        Route::PageRecordScreening => (
            format!("{page_case}/screenings"),
            Some(format!(
                "child=yes&parent=no&parenting=no&family_functioning=no&context=no&social_network=yes\
                 &help_history=no&child_note=Screening+{label}"
            )),
            Some((format!("{api_case}/screenings"), keeper)),
        ),
        Route::ApiRecordSelfReport => (
            format!("{api_case}/self-reports"),
            Some(json!({"feels_supported": 7, "satisfied_with_help": 6, "open_answer": format!("Zelf {label}")}).to_string()),
            Some((format!("{api_case}/self-reports"), keeper)),
        ),
        Route::PageRecordSelfReport => (
            format!("{page_case}/self-reports"),
            Some(format!("feels_supported=7&satisfied_with_help=6&open_answer=Zelf+{label}")),
            Some((format!("{api_case}/self-reports"), keeper)),
        ),
        Route::MineSelfReport => (format!("{mine}/self-report"), None, None),
        Route::MineGiveSelfReport => (
            format!("{mine}/self-report"),
            Some(format!("feels_supported=8&satisfied_with_help=8&open_answer=Eigen+{label}")),
            Some((format!("{api_case}/self-reports"), keeper)),
        ),
        Route::ApiRecordOutcome => (
            format!("{api_case}/outcomes"),
            Some(json!({"kind": "placement_prevented", "date": measured_on(), "note": format!("Uitkomst {label}")}).to_string()),
            Some((format!("{api_case}/outcomes"), keeper)),
        ),
        Route::PageRecordOutcome => (
            format!("{page_case}/outcomes"),
            Some(format!("kind=returned_home&date={}&note=Uitkomst+{label}", measured_on())),
            Some((format!("{api_case}/outcomes"), keeper)),
        ),
        Route::ApiDeleteOutcome | Route::PageDeleteOutcome => {
            // An outcome of this cell alone: an allowed removal takes it away.
            let made = expect_created(
                app,
                &format!("{api_case}/outcomes"),
                &keeper,
                &json!({"kind": "formal_help_ended", "date": measured_on(), "note": format!("Weg {label}")}).to_string(),
            )
            .await;
            let outcome = made["id"].as_str().expect("outcome id").to_string();
            let path = if route == Route::ApiDeleteOutcome {
                format!("{api_case}/outcomes/{outcome}")
            } else {
                format!("{page_case}/outcomes/{outcome}/delete")
            };
            let body = (route == Route::PageDeleteOutcome).then(String::new);
            (path, body, Some((format!("{api_case}/outcomes"), keeper)))
        }
        Route::ApiSetSchedule => (
            format!("{api_case}/check-schedule"),
            Some(r#"{"every_months": 5}"#.to_string()),
            Some((format!("{api_case}/check-schedule"), keeper)),
        ),
        Route::PageSetSchedule => (
            format!("{page_case}/check-schedule"),
            Some("every_months=7".to_string()),
            Some((format!("{api_case}/check-schedule"), keeper)),
        ),
        // The case over time and the case as a FHIR bundle: the case's professionals.
        Route::ApiTrends => (format!("{api_case}/trends"), None, None),
        Route::PageTrends => (format!("{page_case}/trends"), None, None),
        Route::ApiFhir => (format!("{api_case}/fhir"), None, None),
    };
    let area = match route {
        Route::ApiListCases | Route::ApiCreateCase => "/api/v1/cases".to_string(),
        Route::PageCases => "/cases".to_string(),
        _ if route.is_participants() => mine,
        _ if route.is_page() => page_case,
        _ => api_case,
    };
    Request {
        method: route.method(),
        path,
        body,
        area,
        observe,
        throwaway: None,
    }
}

/// The plan's current revision, read by the case's professional.
async fn plan_revision(app: &TestApp, keeper: &str, case: &str) -> i64 {
    api(
        app,
        Method::GET,
        &format!("/api/v1/cases/{case}/plan"),
        keeper,
        None,
    )
    .await
    .json()["revision"]
        .as_i64()
        .expect("revision")
}

/// An adopted plan version of the case (adopted now when there is none yet).
async fn plan_version(app: &TestApp, keeper: &str, case: &str) -> String {
    let path = format!("/api/v1/cases/{case}/plan/versions");
    let list = api(app, Method::GET, &path, keeper, None).await.json();
    if let Some(id) = list["items"][0]["id"].as_str() {
        return id.to_string();
    }
    expect_created(app, &path, keeper, "{}").await["id"]
        .as_str()
        .expect("version id")
        .to_string()
}

/// A planned meeting of the case with `question` in its question (made when missing).
async fn meeting(app: &TestApp, keeper: &str, case: &str, question: &str) -> String {
    let path = format!("/api/v1/cases/{case}/meetings");
    let wanted = format!("Vraag {question}");
    let list = api(app, Method::GET, &path, keeper, None).await.json();
    if let Some(m) = list["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["own_question"] == wanted.as_str() && m["status"] == "planned")
    {
        return m["id"].as_str().expect("id").to_string();
    }
    let body = json!({"kind": "network_meeting", "own_question": wanted,
        "starts_at": "2027-03-01T19:00"});
    expect_created(app, &path, keeper, &body.to_string()).await["meeting"]["id"]
        .as_str()
        .expect("meeting id")
        .to_string()
}

/// A goal, action or agreement added to the plan for one remove cell: (path part, id).
async fn throwaway_plan_item(
    app: &TestApp,
    keeper: &str,
    case: &str,
    route: Route,
    label: &str,
) -> (&'static str, String) {
    let path = format!("/api/v1/cases/{case}/plan");
    let mut plan = api(app, Method::GET, &path, keeper, None).await.json();
    for a in plan["actions"].as_array_mut().into_iter().flatten() {
        if let Some(fields) = a.as_object_mut() {
            for extra in ["who_name", "overdue", "progress"] {
                fields.remove(extra);
            }
        }
    }
    let id = format!("weg-{label}-{}", plan["revision"]);
    let (kind, list, item) = match route {
        Route::PageRemoveGoal => (
            "goals",
            &mut plan["goals"],
            json!({"id": id, "text": format!("Weg {label}"), "holder": "youth"}),
        ),
        Route::PageRemoveAction => (
            "actions",
            &mut plan["actions"],
            json!({"id": id, "what": format!("Weg {label}"), "who": "youth"}),
        ),
        _ => (
            "agreements",
            &mut plan["safety"]["agreements"],
            json!({"id": id, "concern": "Weg", "agreement": format!("Weg {label}"),
                "who_watches": "Oma", "if_wrong": "Bellen"}),
        ),
    };
    list.as_array_mut().expect("a list").push(item);
    let r = api(app, Method::PUT, &path, keeper, Some(&plan.to_string())).await;
    assert_eq!(r.status, StatusCode::OK, "setup plan item: {}", r.body);
    (kind, id)
}

/// Adds an action held by the young person to the case's plan (as its professional): its id.
async fn youth_action(app: &TestApp, keeper: &str, case: &str, label: &str) -> String {
    let path = format!("/api/v1/cases/{case}/plan");
    let mut plan = api(app, Method::GET, &path, keeper, None).await.json();
    let id = format!("taak-{label}-{}", plan["revision"]);
    let actions = plan["actions"].as_array_mut().expect("actions");
    for a in actions.iter_mut() {
        if let Some(fields) = a.as_object_mut() {
            for extra in ["who_name", "overdue", "progress"] {
                fields.remove(extra);
            }
        }
    }
    actions.push(json!({"id": id, "what": format!("Taak {label}"), "who": "youth"}));
    let r = api(app, Method::PUT, &path, keeper, Some(&plan.to_string())).await;
    assert_eq!(r.status, StatusCode::OK, "setup plan action: {}", r.body);
    id
}

/// A destroy cell: a throwaway file of the column's team, made for it alone — for a request, by
/// the team's professional through the API, with a member and an open request; past retention,
/// closed more than 20 years ago, straight in the store. Re-read by someone who may know it.
async fn destroy_request(
    w: &World,
    who: Who,
    route: Route,
    which: Which,
    c: &CaseFixture,
) -> Request {
    let app = &w.app;
    let label = who.label();
    let youth = format!("Wegwerp {label} {}", which.label());
    let (throwaway, observer) = if route == Route::PageRetentionDestroy {
        (
            past_retention_file(app, &c.team, &youth).await,
            w.token(Who::Admin).to_string(),
        )
    } else {
        let keeper = w.keeper(which).to_string();
        (throwaway_file(app, &keeper, &c.team, &youth).await, keeper)
    };
    let id = &throwaway.id;
    let (path, body, area) = match route {
        Route::ApiDestroy => (
            format!("/api/v1/cases/{id}/destruction-request/execution"),
            json!({"confirm": true}).to_string(),
            format!("/api/v1/cases/{id}"),
        ),
        Route::PageDestroy => (
            format!("/cases/{id}/rights/destroy"),
            "confirm=yes".to_string(),
            "/cases".to_string(),
        ),
        _ => (
            format!("/admin/retention/{id}/destroy"),
            "confirm=yes".to_string(),
            "/admin/retention".to_string(),
        ),
    };
    Request {
        method: route.method(),
        path,
        body: Some(body),
        area,
        observe: Some((format!("/api/v1/cases/{id}"), observer)),
        throwaway: Some(throwaway),
    }
}

/// A file of `team` opened through the API by `keeper` (its professional), with a member and an
/// open request to destroy it.
async fn throwaway_file(app: &TestApp, keeper: &str, team: &TeamId, youth: &str) -> Throwaway {
    let created = expect_created(
        app,
        "/api/v1/cases",
        keeper,
        &json!({
            "youth": {"name": youth, "birth_date": "2012-03-01"},
            "setting": "wijkteam",
            "team_id": team.as_str(),
            "parents": [{"name": "Ria Wegwerp", "gezag": true}]
        })
        .to_string(),
    )
    .await;
    let id = created["id"].as_str().expect("id").to_string();
    let member = format!("Lid {youth}");
    add_member(
        app,
        keeper,
        &id,
        json!({"name": member, "relation": "coach", "ring": 2, "sector": "leisure"}),
    )
    .await;
    ensure_request(app, keeper, &id, true).await;
    Throwaway {
        id,
        youth: youth.to_string(),
        network: vec![member],
    }
}

/// A file of `team` closed more than 20 years ago: past its retention period.
async fn past_retention_file(app: &TestApp, team: &TeamId, youth: &str) -> Throwaway {
    let scope = OrgScope::operator(app.org.clone());
    let long_ago = chrono::Utc::now()
        .checked_sub_months(chrono::Months::new(21 * 12))
        .expect("time");
    let at = |action| {
        let mut e = AuditEvent::new(long_ago, action, Outcome::Success);
        e.org_id = Some(app.org.clone());
        e
    };
    let input = CaseInput {
        youth_name: youth.to_string(),
        birth_date: "1990-01-01".into(),
        setting: "wijkteam".into(),
        team_id: team.to_string(),
        ..Default::default()
    };
    let details = CaseDetails::parse(&input, long_ago.date_naive()).expect("valid");
    let case = app
        .store
        .create_case(
            &scope,
            &details,
            long_ago.date_naive(),
            at(AuditAction::Create),
        )
        .await
        .expect("an old file");
    app.store
        .set_case_status(
            &scope,
            &case.id,
            CaseStatus::Closed,
            long_ago.date_naive(),
            at(AuditAction::Update),
        )
        .await
        .expect("closed long ago");
    Throwaway {
        id: case.id.to_string(),
        youth: youth.to_string(),
        network: Vec::new(),
    }
}

/// Makes the case's request to destroy the file open (recording one) or not open (refusing the
/// open one), as `keeper`, its professional.
async fn ensure_request(app: &TestApp, keeper: &str, case: &str, open: bool) {
    let path = format!("/api/v1/cases/{case}/destruction-request");
    let now = api(app, Method::GET, &path, keeper, None).await;
    let is_open = now.status == StatusCode::OK && now.json()["status"] == "requested";
    if open && !is_open {
        expect_created(
            app,
            &path,
            keeper,
            &json!({"requested_by": "youth",
                "received_on": chrono::Utc::now().date_naive().to_string()})
            .to_string(),
        )
        .await;
    } else if !open && is_open {
        let r = api(
            app,
            Method::POST,
            &format!("{path}/refusal"),
            keeper,
            Some(r#"{"reason": "Wettelijke uitzondering (voorbereiding)"}"#),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "setup refusal: {}", r.body);
    }
}

/// Where a throwaway support figure is on the road.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Nominated,
    Approved,
    Active,
}

/// A member made for one cell, so that its nomination meets no other.
async fn steun_member(app: &TestApp, keeper: &str, case: &str, label: &str) -> String {
    add_member(
        app,
        keeper,
        case,
        json!({"name": format!("Steun {label}"), "relation": "buur", "ring": 2,
            "sector": "neighbourhood"}),
    )
    .await
}

/// A support figure for `member`, nominated by the case's professional and brought to `stage`
/// (the acceptance straight in the store, as the person's own page would).
const SCREENING_DOMAINS: [&str; 7] = [
    "child",
    "parent",
    "parenting",
    "family_functioning",
    "context",
    "social_network",
    "help_history",
];

/// Today in the Netherlands, as `YYYY-MM-DD`: the world's cases were opened today, so an outcome
/// dated today lies between their opening and now.
fn measured_on() -> String {
    steunkring_domain::consent::dutch_date(chrono::Utc::now())
        .format("%Y-%m-%d")
        .to_string()
}

async fn support_figure(
    app: &TestApp,
    keeper: &str,
    case: &str,
    member: &str,
    stage: Stage,
) -> String {
    let base = format!("/api/v1/cases/{case}/support-figures");
    let figure = expect_created(
        app,
        &base,
        keeper,
        &json!({"member_id": member, "own_words": "Omdat ik haar vertrouw"}).to_string(),
    )
    .await["id"]
        .as_str()
        .expect("support figure id")
        .to_string();
    if stage != Stage::Nominated {
        let r = api(
            app,
            Method::PATCH,
            &format!("{base}/{figure}"),
            keeper,
            Some(r#"{"screening": {"decision": "approve", "reason": "Veilig"}}"#),
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "setup screening: {}", r.body);
    }
    if stage == Stage::Active {
        use steunkring_domain::support_figure::{Acceptance, SupportStep};
        app.store
            .step_support_figure(
                &OrgScope::operator(app.org.clone()),
                &CaseId::from_stored(case),
                &figure,
                &SupportStep::Accept(Acceptance {
                    on: chrono::Utc::now().date_naive(),
                    participant: "voorbereiding".into(),
                }),
                operator_event(&app.org),
            )
            .await
            .expect("setup acceptance");
    }
    figure
}

/// Ends every nomination of `member` that has not ended, so that a new one can start.
async fn end_running(app: &TestApp, keeper: &str, case: &str, member: &str) {
    let base = format!("/api/v1/cases/{case}/support-figures");
    let list = api(app, Method::GET, &base, keeper, None).await.json();
    for f in list["items"].as_array().into_iter().flatten() {
        if f["member_id"] == member && f["status"] != "ended" {
            let id = f["id"].as_str().unwrap_or_default();
            let r = api(
                app,
                Method::PATCH,
                &format!("{base}/{id}"),
                keeper,
                Some(r#"{"end": {"reason": "Voorbereiding"}}"#),
            )
            .await;
            assert_eq!(r.status, StatusCode::OK, "setup end: {}", r.body);
        }
    }
}

/// A consent asked for this cell alone: the plan, for the support figures, pending.
async fn throwaway_consent(app: &TestApp, keeper: &str, case: &str) -> String {
    ask_consent(app, keeper, case, "plan", "role:support_figures").await
}

async fn send(w: &World, who: Who, route: Route, req: &Request) -> Reply {
    let token = w.person(who).token.as_deref();
    match (route.is_page(), token) {
        (true, _) if route.mutates() => {
            w.app
                .post_form(&req.path, req.body.as_deref().unwrap_or(""), token)
                .await
        }
        (true, _) => w.app.get(&req.path, token).await,
        (false, Some(t)) => {
            api(
                &w.app,
                req.method.clone(),
                &req.path,
                t,
                req.body.as_deref(),
            )
            .await
        }
        (false, None) => {
            w.app
                .send(req.method.clone(), &req.path, req.body.as_deref(), &[])
                .await
        }
    }
}

async fn observe(w: &World, req: &Request) -> Option<String> {
    let (path, token) = req.observe.as_ref()?;
    let r = if path.starts_with("/api/") {
        api(&w.app, Method::GET, path, token, None).await
    } else {
        w.app.get(path, Some(token)).await
    };
    Some(format!("{} {}", r.status.as_u16(), r.body))
}

/// The newest audit entry of `who` about `case`, by sequence number.
async fn last_entry(w: &World, who: Who, case: &str) -> i64 {
    let p = w.person(who);
    let filter = AuditFilter {
        user_id: p.user.clone(),
        case_id: Some(case.to_string()),
        limit: 1,
        ..Default::default()
    };
    w.app
        .audit_in(&p.org, &filter)
        .await
        .first()
        .map_or(0, |r| r.seq)
}

async fn denied_entry_since(w: &World, who: Who, case: &str, since: i64) -> bool {
    let p = w.person(who);
    let filter = AuditFilter {
        user_id: p.user.clone(),
        case_id: Some(case.to_string()),
        limit: 20,
        ..Default::default()
    };
    w.app
        .audit_in(&p.org, &filter)
        .await
        .iter()
        .any(|r| r.seq > since && matches!(r.event.outcome, Outcome::Denied | Outcome::Failure))
}

fn status_problem(
    expect: Expect,
    route: Route,
    req: &Request,
    reply: &Reply,
    case_id: Option<&str>,
) -> Option<String> {
    let s = reply.status;
    let to = reply.location();
    let ok = match expect {
        Expect::Allow => {
            s.is_success() || (s.is_redirection() && to.starts_with(req.area.as_str()))
        }
        Expect::Listed | Expect::Unlisted => {
            let listed = case_id.is_some_and(|id| reply.body.contains(id));
            s == StatusCode::OK && listed == (expect == Expect::Listed)
        }
        Expect::Hidden => s == StatusCode::NOT_FOUND,
        Expect::Forbidden => s == StatusCode::FORBIDDEN,
        Expect::LogIn if route.is_page() => s.is_redirection() && to.starts_with("/login"),
        Expect::LogIn => s == StatusCode::UNAUTHORIZED,
    };
    (!ok).then(|| {
        let mut got = s.as_u16().to_string();
        if s.is_redirection() {
            let _ = write!(got, " -> {to}");
        }
        if s == StatusCode::OK && matches!(expect, Expect::Listed | Expect::Unlisted) {
            got.push_str(if expect == Expect::Listed {
                " (case absent)"
            } else {
                " (case listed)"
            });
        }
        got
    })
}

/// Runs one cell; the problems found, if any.
async fn run(w: &World, who: Who, route: Route, which: Which) -> (u16, Vec<String>) {
    let expect = expected(who, route, which);
    let req = prepare(w, who, route, which).await;
    let subject = Subject::of(&req, w.case(which));
    // A denied attempt at case data is audited: every 404, and a refused read on one's own
    // participant page.
    let audited = who != Who::Anonymous
        && (expect == Expect::Hidden
            || (expect == Expect::Forbidden && route.is_participants() && !route.mutates()));
    let since = match (audited, &subject) {
        (true, Some(c)) => last_entry(w, who, c.id).await,
        _ => 0,
    };
    let before = if route.mutates() && expect != Expect::Allow {
        observe(w, &req).await
    } else {
        None
    };

    let reply = send(w, who, route, &req).await;

    let mut problems = Vec::new();
    if let Some(got) = status_problem(expect, route, &req, &reply, subject.as_ref().map(|c| c.id)) {
        problems.push(format!("got {got}"));
    }
    // An allowed download is a ZIP.
    if route.is_zip() && expect == Expect::Allow {
        let kind = reply
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if reply.status != StatusCode::OK || kind != "application/zip" {
            problems.push(format!("not a ZIP download ({kind:?})"));
        }
    }
    if let Some(c) = subject.filter(|_| route.need() != Need::OpenCase) {
        if !may_see_name(who, route, which) && reply.body.contains(c.youth) {
            problems.push(format!("leaks the name {:?}", c.youth));
        }
        if !may_see_network(who, route, which) {
            for word in &c.network {
                if reply.body.contains(word) {
                    problems.push(format!("leaks the network ({word:?})"));
                }
            }
        }
        // The participant's own page: the map is there exactly when the rules show it.
        if route == Route::MinePage && expect == Expect::Allow && reply.status.is_success() {
            match (sees_map(who), reply.body.contains("<svg")) {
                (true, false) => problems.push("the map is missing".to_string()),
                (false, true) => problems.push("shows the map".to_string()),
                _ => {}
            }
        }
        if audited && !denied_entry_since(w, who, c.id, since).await {
            problems.push("no denied/failure audit entry".to_string());
        }
    }
    if let Some(before) = before {
        let after = observe(w, &req).await.unwrap_or_default();
        if after != before {
            problems.push("a denied change changed data".to_string());
        }
    } else if route.destroys() && expect == Expect::Allow {
        // An allowed destruction leaves nothing: the file is gone for everyone.
        let after = observe(w, &req).await.unwrap_or_default();
        if !after.starts_with("404 ") {
            problems.push("the file is still there".to_string());
        }
    }
    (reply.status.as_u16(), problems)
}

/// Runs futures side by side on this task, answering their outputs in order.
async fn join_all<F: Future>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output> {
    let mut futures: Vec<Pin<Box<F>>> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (future, output) in futures.iter_mut().zip(outputs.iter_mut()) {
            if output.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(v) => *output = Some(v),
                    Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    outputs
        .into_iter()
        .map(|o| o.expect("every future is ready"))
        .collect()
}

// ------------------------------------------------------------------------------------------
// The matrix
// ------------------------------------------------------------------------------------------

struct Row {
    route: Route,
    which: Which,
    /// Per actor, in `Who::ALL` order: the status and a mark (` ` fine, `!` failed, `~` known gap).
    cells: Vec<(u16, char)>,
}

#[tokio::test]
async fn authorization_matrix_over_every_actor_route_and_case() {
    let started = Instant::now();
    let w = world().await;
    let set_up = started.elapsed();

    // Reads first, then changes, so that no change can disturb a read; destructions last.
    let order: Vec<Route> = Route::ALL
        .iter()
        .filter(|r| !r.mutates())
        .chain(Route::ALL.iter().filter(|r| r.mutates() && !r.destroys()))
        .chain(Route::ALL.iter().filter(|r| r.destroys()))
        .copied()
        .collect();
    let mut rows = Vec::new();
    let mut failures = Vec::new();
    let mut gaps_seen = Vec::new();
    let mut cells = 0;
    for route in order {
        for &which in route.cases() {
            let mut row = Row {
                route,
                which,
                cells: Vec::new(),
            };
            // The actors of a read row run side by side (each checks only their own audit
            // entries); changes run one by one, each re-read around its own attempt.
            let results = if route.mutates() {
                let mut results = Vec::new();
                for who in Who::ALL {
                    results.push(run(&w, who, route, which).await);
                }
                results
            } else {
                join_all(Who::ALL.map(|who| run(&w, who, route, which))).await
            };
            for (who, (status, problems)) in Who::ALL.into_iter().zip(results) {
                cells += 1;
                let gap = known_gap(who, route, which);
                let mark = match (problems.is_empty(), gap) {
                    (true, None) => ' ',
                    (true, Some(_)) => {
                        failures.push((
                            who,
                            route,
                            which,
                            "known gap now passes: remove it from KNOWN_GAPS".to_string(),
                        ));
                        '!'
                    }
                    (false, Some(g)) => {
                        gaps_seen.push((
                            who,
                            route,
                            which,
                            format!("{} — {}", problems.join("; "), g.why),
                        ));
                        '~'
                    }
                    (false, None) => {
                        failures.push((
                            who,
                            route,
                            which,
                            format!(
                                "expected {}, {}",
                                expected(who, route, which).label(),
                                problems.join("; ")
                            ),
                        ));
                        '!'
                    }
                };
                row.cells.push((status, mark));
            }
            rows.push(row);
        }
    }
    let elapsed = started.elapsed();

    let mut table = String::new();
    let _ = write!(table, "{:<41} {:>3}", "route", "c");
    for who in Who::ALL {
        let _ = write!(table, " {:>8}", who.label());
    }
    table.push('\n');
    for row in &rows {
        let _ = write!(table, "{:<41} {:>3}", row.route.label(), row.which.label());
        for (status, mark) in &row.cells {
            let _ = write!(table, " {:>7}{mark}", status);
        }
        table.push('\n');
    }
    println!(
        "authorization matrix: {cells} cells ({} rows × {} actors), \
         set-up {:.1?}, total {:.1?}\n{table}",
        rows.len(),
        Who::ALL.len(),
        set_up,
        elapsed
    );
    if !gaps_seen.is_empty() {
        println!("known gaps ({}):", gaps_seen.len());
        for (who, route, which, what) in &gaps_seen {
            println!(
                "  ~ {:<9} {:<41} case {} {what}",
                who.label(),
                route.label(),
                which.label()
            );
        }
    }
    if !failures.is_empty() {
        let mut report = format!("{} of {cells} cells break the rules:\n", failures.len());
        for (who, route, which, what) in &failures {
            let _ = writeln!(
                report,
                "  ! {:<9} {:<41} case {} {what}",
                who.label(),
                route.label(),
                which.label()
            );
        }
        println!("{report}");
        panic!("{report}");
    }
}
