//! The one place that decides who may do what. Handlers ask; they never decide.
//!
//! Case-level rules (own team, consent, sharing) join this module with the case issues; the
//! organisation-level rules are here now.

use crate::{Actor, OrgId, Role, TeamId};

/// Things a user can try to do at the level of their organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrgAction {
    /// See the accounts of the organisation and add, change or disable them.
    ManageUsers,
    /// Create teams and change who is in them.
    ManageTeams,
    /// Change organisation settings such as the second-factor requirement.
    ManageSettings,
    /// Read and filter the audit trail (NEN 7513) of the organisation.
    ViewAuditTrail,
    /// See aggregated, anonymised figures.
    ViewInsights,
    /// Review closed files past their retention period, and destroy them.
    ReviewRetention,
    /// See the overview of one's own teams' cases (informal support, plan, checks due,
    /// concerns) and download it. Only for those involved in the help: it says about each case
    /// what the case pages say, so analysts and administrators do not get it; which cases it
    /// lists is [`team_overview_teams`].
    ViewTeamOverview,
    /// Download the pseudonymised research dataset (cases whose consent covers research).
    /// Analysts only: it is row-level data, made for research under a data agreement, and an
    /// administrator manages accounts without being part of that research.
    ExportResearch,
}

impl OrgAction {
    pub const ALL: [OrgAction; 8] = [
        OrgAction::ManageUsers,
        OrgAction::ManageTeams,
        OrgAction::ManageSettings,
        OrgAction::ViewAuditTrail,
        OrgAction::ViewInsights,
        OrgAction::ReviewRetention,
        OrgAction::ViewTeamOverview,
        OrgAction::ExportResearch,
    ];
}

/// May `actor` do `action` in organisation `org`? Never across organisations.
pub fn permits_in_org(actor: &Actor, action: OrgAction, org: &OrgId) -> bool {
    if &actor.org_id != org {
        return false;
    }
    match action {
        OrgAction::ManageUsers
        | OrgAction::ManageTeams
        | OrgAction::ManageSettings
        | OrgAction::ViewAuditTrail
        | OrgAction::ReviewRetention => actor.has_role(Role::Admin),
        OrgAction::ViewInsights => actor.has_role(Role::Analyst) || actor.has_role(Role::Admin),
        OrgAction::ViewTeamOverview => actor.has_role(Role::Professional),
        OrgAction::ExportResearch => actor.has_role(Role::Analyst),
    }
}

/// The teams whose cases the team overview lists for `actor`: a professional's own teams, and
/// for anyone else none (they may not see it at all, [`OrgAction::ViewTeamOverview`]).
pub fn team_overview_teams(actor: &Actor) -> Vec<TeamId> {
    if permits_in_org(actor, OrgAction::ViewTeamOverview, &actor.org_id) {
        actor.team_ids.clone()
    } else {
        Vec::new()
    }
}

/// Things a user can try to do with one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseAction {
    /// The case record: the young person's name, birth date, setting, team, network lead.
    ReadDetails,
    /// Change the case record (team, network lead, parents).
    UpdateDetails,
    /// Close or reopen the case.
    Close,
    /// See the network: members, ties, the map, indicators, versions.
    ReadNetwork,
    /// Add, change or remove members and ties; save versions.
    ChangeNetwork,
    /// Export the network (GraphML, CSV, SVG).
    Export,
    /// See who read or changed the case (the client view of the audit trail).
    ViewAccessLog,
    /// Invite the young person, parents and support figures, and see who takes part.
    ManageParticipants,
    /// Download everything on the case for a request for access (GDPR art. 15), to check it
    /// and hand it to the person. Only those involved in the help: it holds the network.
    ExportForAccessRequest,
    /// Record a request to destroy the file, invoke a legal exception, and destroy the file.
    /// Reveals nothing of the network, so administrators may too.
    HandleDestruction,
    /// See the one plan: goals, actions, the safety section, versions and sign-offs, and the
    /// network meetings that shape it.
    ReadPlan,
    /// Change the plan, adopt a version, plan and record network meetings.
    ChangePlan,
    /// Record nominations, screenings, agreements and coaching of support figures (JIM).
    ManageSupportFigures,
    /// Register concerns about informal support and record moral deliberations.
    RecordConcerns,
    /// Start, answer and finish support checks and see their scores; record screenings,
    /// self-reports and outcomes, and set how often the support check is due.
    RecordMeasurements,
    /// See the case over time: the network's indicators per version, the scores of finished
    /// support checks and the self-reports. It shows what [`CaseAction::ReadNetwork`] and
    /// [`CaseAction::RecordMeasurements`] show, so it is for those who may do both.
    ReadTrends,
}

impl CaseAction {
    pub const ALL: [CaseAction; 16] = [
        CaseAction::ReadDetails,
        CaseAction::UpdateDetails,
        CaseAction::Close,
        CaseAction::ReadNetwork,
        CaseAction::ChangeNetwork,
        CaseAction::Export,
        CaseAction::ViewAccessLog,
        CaseAction::ManageParticipants,
        CaseAction::ExportForAccessRequest,
        CaseAction::HandleDestruction,
        CaseAction::ReadPlan,
        CaseAction::ChangePlan,
        CaseAction::ManageSupportFigures,
        CaseAction::RecordConcerns,
        CaseAction::RecordMeasurements,
        CaseAction::ReadTrends,
    ];
}

/// Where a case lives: enough for the rules to decide.
#[derive(Debug, Clone, Copy)]
pub struct CaseRef<'a> {
    pub org_id: &'a OrgId,
    pub team_id: &'a TeamId,
}

/// May `actor` do `action` with this case?
///
/// - Professionals of the case's own team are directly involved in the help: they may do
///   everything with it.
/// - Administrators manage cases (open, assign a team and network lead, close, see who looked,
///   handle destruction) but are not involved in the help, so they do not see the network
///   itself, nor download it for a request for access.
/// - Professionals of another team, coordinators and analysts see no case at all; analysts
///   get aggregates only, elsewhere.
/// - Nobody reaches a case of another organisation.
pub fn permits_on_case(actor: &Actor, action: CaseAction, case: CaseRef<'_>) -> bool {
    if &actor.org_id != case.org_id {
        return false;
    }
    let in_team = actor.has_role(Role::Professional) && actor.team_ids.contains(case.team_id);
    if in_team {
        return true;
    }
    actor.has_role(Role::Admin)
        && matches!(
            action,
            CaseAction::ReadDetails
                | CaseAction::UpdateDetails
                | CaseAction::Close
                | CaseAction::ViewAccessLog
                | CaseAction::HandleDestruction
        )
}

/// May `actor` open a case for `team`? A professional for their own team, or an administrator.
pub fn may_open_case(actor: &Actor, team: &TeamId) -> bool {
    actor.has_role(Role::Admin)
        || (actor.has_role(Role::Professional) && actor.team_ids.contains(team))
}

/// Which cases appear in a user's case list and search results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseListScope {
    /// None at all.
    Nothing,
    /// The cases of these teams.
    Teams(Vec<TeamId>),
    /// Every case of the organisation (administrators: details only).
    Organisation,
}

pub fn case_list_scope(actor: &Actor) -> CaseListScope {
    if actor.has_role(Role::Admin) {
        CaseListScope::Organisation
    } else if actor.has_role(Role::Professional) && !actor.team_ids.is_empty() {
        CaseListScope::Teams(actor.team_ids.clone())
    } else {
        CaseListScope::Nothing
    }
}

/// Things the people around the young person can do from their own page (`/mijn/…`). What
/// they may *see* is decided by the consent rules ([`crate::consent::visibility`]); these are
/// the rights that come with being who they are in the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParticipantAction {
    /// See who read or changed the file (NEN 7513 client view).
    ReadAccessLog,
    /// Say how they feel about someone in their network (chosen … rejected): the young
    /// person's right to choose and to reject.
    SetStance,
    /// Add people to their own network.
    AddPeople,
    /// Name someone from their map as a support figure (JIM), in their own words.
    NominateSupportFigure,
    /// Accept being someone's support figure.
    AcceptSupportFigure,
    /// Log a contact moment with the young person, as a support figure.
    LogSupportContact,
    /// Confirm a version of the plan from their own account.
    SignOffPlan,
    /// Report progress on, or finish, an action they hold in the plan.
    UpdateOwnAction,
    /// Answer a support check about their own network from their own page.
    AnswerSupportCheck,
    /// Say, as the young person, how supported they feel and how satisfied they are (the
    /// self-report), from their own page.
    GiveSelfReport,
}

impl ParticipantAction {
    pub const ALL: [ParticipantAction; 10] = [
        ParticipantAction::ReadAccessLog,
        ParticipantAction::SetStance,
        ParticipantAction::AddPeople,
        ParticipantAction::NominateSupportFigure,
        ParticipantAction::AcceptSupportFigure,
        ParticipantAction::LogSupportContact,
        ParticipantAction::SignOffPlan,
        ParticipantAction::UpdateOwnAction,
        ParticipantAction::AnswerSupportCheck,
        ParticipantAction::GiveSelfReport,
    ];
}

/// May this participant do `action` at all? Staff and outsiders never act as participants.
///
/// - The young person and a parent with gezag may read who looked at the file; a parent
///   without gezag and a support figure may not (they are not the client).
/// - Only the young person chooses, rejects and adds people, and nominates support figures.
/// - Only a support figure accepts the role and logs contact moments.
/// - Everyone invited may sign off the plan and update their own actions; that they can see
///   the plan at all is the consent rules' decision, that the action is theirs the plan's.
/// - The young person and the parents answer support checks (as respondents of their own);
///   a support figure is someone the check asks about, not someone who answers it. That they
///   see the measurements at all is again the consent rules' decision.
/// - Only the young person gives a self-report: it is their own view of their support, which
///   no parent or support figure can give for them.
pub fn participant_may(viewer: &crate::consent::Viewer, action: ParticipantAction) -> bool {
    use crate::consent::Viewer;
    let participant = matches!(
        viewer,
        Viewer::Youth
            | Viewer::Parent { .. }
            | Viewer::Guardian { .. }
            | Viewer::SupportFigure { .. }
    );
    match action {
        ParticipantAction::ReadAccessLog => matches!(
            viewer,
            Viewer::Youth | Viewer::Parent { gezag: true, .. } | Viewer::Guardian { .. }
        ),
        ParticipantAction::SetStance
        | ParticipantAction::AddPeople
        | ParticipantAction::NominateSupportFigure => matches!(viewer, Viewer::Youth),
        ParticipantAction::AcceptSupportFigure | ParticipantAction::LogSupportContact => {
            matches!(viewer, Viewer::SupportFigure { .. })
        }
        ParticipantAction::SignOffPlan | ParticipantAction::UpdateOwnAction => participant,
        ParticipantAction::AnswerSupportCheck => {
            matches!(viewer, Viewer::Youth | Viewer::Parent { .. })
        }
        ParticipantAction::GiveSelfReport => matches!(viewer, Viewer::Youth),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{TeamId, UserId};

    fn actor(roles: &[Role], org: &str) -> Actor {
        Actor {
            user_id: UserId::generate(),
            org_id: OrgId::from_stored(org),
            name: "Test".into(),
            roles: roles.to_vec(),
            team_ids: vec![TeamId::from_stored("t1")],
        }
    }

    /// The whole table: every role alone, in its own and another organisation.
    #[test]
    fn org_action_matrix() {
        let own = OrgId::from_stored("org-a");
        let other = OrgId::from_stored("org-b");
        for role in Role::ALL {
            let a = actor(&[role], "org-a");
            for action in OrgAction::ALL {
                let expected = match action {
                    OrgAction::ViewInsights => matches!(role, Role::Admin | Role::Analyst),
                    OrgAction::ViewTeamOverview => role == Role::Professional,
                    OrgAction::ExportResearch => role == Role::Analyst,
                    _ => role == Role::Admin,
                };
                assert_eq!(
                    permits_in_org(&a, action, &own),
                    expected,
                    "{role:?} {action:?} own org"
                );
                assert!(
                    !permits_in_org(&a, action, &other),
                    "{role:?} {action:?} must never reach another organisation"
                );
            }
        }
    }

    #[test]
    fn several_roles_combine() {
        let a = actor(&[Role::Professional, Role::Admin], "org-a");
        assert!(permits_in_org(
            &a,
            OrgAction::ManageUsers,
            &OrgId::from_stored("org-a")
        ));
        assert_eq!(a.audit_role(), Some(Role::Admin));
    }

    /// Role × action × own team / other team / other organisation.
    #[test]
    fn case_action_matrix() {
        let org_a = OrgId::from_stored("org-a");
        let team_1 = TeamId::from_stored("t1");
        let team_2 = TeamId::from_stored("t2");
        let org_b = OrgId::from_stored("org-b");
        let own = CaseRef {
            org_id: &org_a,
            team_id: &team_1,
        };
        let other_team = CaseRef {
            org_id: &org_a,
            team_id: &team_2,
        };
        let other_org = CaseRef {
            org_id: &org_b,
            team_id: &team_1,
        };
        for role in Role::ALL {
            let a = actor(&[role], "org-a");
            for action in CaseAction::ALL {
                let admin_may = matches!(
                    action,
                    CaseAction::ReadDetails
                        | CaseAction::UpdateDetails
                        | CaseAction::Close
                        | CaseAction::ViewAccessLog
                        | CaseAction::HandleDestruction
                );
                let expected_own = match role {
                    Role::Professional => true,
                    Role::Admin => admin_may,
                    _ => false,
                };
                let expected_other_team = role == Role::Admin && admin_may;
                assert_eq!(
                    permits_on_case(&a, action, own),
                    expected_own,
                    "{role:?} {action:?} own team"
                );
                assert_eq!(
                    permits_on_case(&a, action, other_team),
                    expected_other_team,
                    "{role:?} {action:?} other team"
                );
                assert!(
                    !permits_on_case(&a, action, other_org),
                    "{role:?} {action:?} other organisation"
                );
            }
        }
    }

    /// The rights rows spelled out: the access export holds the network, so only the team;
    /// destruction reveals nothing of it, so the administrator too.
    #[test]
    fn rights_actions() {
        let org = OrgId::from_stored("o");
        let team = TeamId::from_stored("t1");
        let own = CaseRef {
            org_id: &org,
            team_id: &team,
        };
        let pro = actor(&[Role::Professional], "o");
        let admin = actor(&[Role::Admin], "o");
        assert!(permits_on_case(
            &pro,
            CaseAction::ExportForAccessRequest,
            own
        ));
        assert!(permits_on_case(&pro, CaseAction::HandleDestruction, own));
        assert!(!permits_on_case(
            &admin,
            CaseAction::ExportForAccessRequest,
            own
        ));
        assert!(permits_on_case(&admin, CaseAction::HandleDestruction, own));
        for role in [Role::Analyst, Role::Coordinator, Role::Youth, Role::Parent] {
            let a = actor(&[role], "o");
            assert!(!permits_on_case(
                &a,
                CaseAction::ExportForAccessRequest,
                own
            ));
            assert!(!permits_on_case(&a, CaseAction::HandleDestruction, own));
        }
        assert!(permits_in_org(&admin, OrgAction::ReviewRetention, &org));
        assert!(!permits_in_org(&pro, OrgAction::ReviewRetention, &org));
    }

    /// The team overview lists a professional's own teams and nobody else's: analysts,
    /// administrators and coordinators see no case there.
    #[test]
    fn team_overview_is_for_professionals_of_their_teams() {
        let t1 = TeamId::from_stored("t1");
        assert_eq!(
            team_overview_teams(&actor(&[Role::Professional], "o")),
            vec![t1.clone()]
        );
        assert_eq!(
            team_overview_teams(&actor(&[Role::Professional, Role::Admin], "o")),
            vec![t1]
        );
        for role in [
            Role::Analyst,
            Role::Admin,
            Role::Coordinator,
            Role::Youth,
            Role::Parent,
        ] {
            assert!(
                team_overview_teams(&actor(&[role], "o")).is_empty(),
                "{role:?}"
            );
        }
        let mut without_team = actor(&[Role::Professional], "o");
        without_team.team_ids.clear();
        assert!(team_overview_teams(&without_team).is_empty());
    }

    /// The trends show the network and the measurements: exactly those who may read both.
    #[test]
    fn trends_need_network_and_measurements() {
        let org = OrgId::from_stored("o");
        let (t1, t2) = (TeamId::from_stored("t1"), TeamId::from_stored("t2"));
        for role in Role::ALL {
            let a = actor(&[role], "o");
            for team in [&t1, &t2] {
                let here = CaseRef {
                    org_id: &org,
                    team_id: team,
                };
                assert_eq!(
                    permits_on_case(&a, CaseAction::ReadTrends, here),
                    permits_on_case(&a, CaseAction::ReadNetwork, here)
                        && permits_on_case(&a, CaseAction::RecordMeasurements, here),
                    "{role:?} {team:?}"
                );
            }
        }
        assert!(permits_on_case(
            &actor(&[Role::Professional], "o"),
            CaseAction::ReadTrends,
            CaseRef {
                org_id: &org,
                team_id: &t1
            }
        ));
    }

    #[test]
    fn list_scope_follows_roles() {
        assert_eq!(
            case_list_scope(&actor(&[Role::Analyst], "o")),
            CaseListScope::Nothing
        );
        assert_eq!(
            case_list_scope(&actor(&[Role::Coordinator], "o")),
            CaseListScope::Nothing
        );
        assert_eq!(
            case_list_scope(&actor(&[Role::Admin], "o")),
            CaseListScope::Organisation
        );
        assert_eq!(
            case_list_scope(&actor(&[Role::Professional], "o")),
            CaseListScope::Teams(vec![TeamId::from_stored("t1")])
        );
        assert!(may_open_case(
            &actor(&[Role::Professional], "o"),
            &TeamId::from_stored("t1")
        ));
        assert!(!may_open_case(
            &actor(&[Role::Professional], "o"),
            &TeamId::from_stored("t2")
        ));
        assert!(!may_open_case(
            &actor(&[Role::Analyst], "o"),
            &TeamId::from_stored("t1")
        ));
    }

    /// Every kind of viewer × every participant action, written out apart from the rule.
    #[test]
    fn participant_action_matrix() {
        use crate::consent::Viewer;
        use ParticipantAction as A;
        let viewers = [
            ("youth", Viewer::Youth),
            (
                "parent-gezag",
                Viewer::Parent {
                    index: 0,
                    gezag: true,
                    participant: "p1".into(),
                },
            ),
            (
                "parent-no-gezag",
                Viewer::Parent {
                    index: 1,
                    gezag: false,
                    participant: "p2".into(),
                },
            ),
            (
                "guardian",
                Viewer::Guardian {
                    participant: "p3".into(),
                },
            ),
            (
                "support",
                Viewer::SupportFigure {
                    participant: "p4".into(),
                },
            ),
            ("professional", Viewer::ProfessionalInvolved),
            ("admin", Viewer::Administrator),
            ("outsider", Viewer::Outsider),
        ];
        let table: [(A, &[&str]); 10] = [
            (A::ReadAccessLog, &["youth", "parent-gezag", "guardian"]),
            (A::SetStance, &["youth"]),
            (A::AddPeople, &["youth"]),
            (A::NominateSupportFigure, &["youth"]),
            (A::AcceptSupportFigure, &["support"]),
            (A::LogSupportContact, &["support"]),
            (
                A::SignOffPlan,
                &[
                    "youth",
                    "parent-gezag",
                    "parent-no-gezag",
                    "guardian",
                    "support",
                ],
            ),
            (
                A::UpdateOwnAction,
                &[
                    "youth",
                    "parent-gezag",
                    "parent-no-gezag",
                    "guardian",
                    "support",
                ],
            ),
            (
                A::AnswerSupportCheck,
                &["youth", "parent-gezag", "parent-no-gezag"],
            ),
            (A::GiveSelfReport, &["youth"]),
        ];
        assert_eq!(table.len(), ParticipantAction::ALL.len());
        for (action, allowed) in table {
            for (name, viewer) in &viewers {
                assert_eq!(
                    participant_may(viewer, action),
                    allowed.contains(name),
                    "{name} {action:?}"
                );
            }
        }
    }
}
