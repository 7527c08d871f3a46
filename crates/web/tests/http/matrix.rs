//! The authorization matrix (issue 4, "Authorization matrix"): every actor × every route that
//! touches case data × own and other case, sent through the real router on one shared
//! application, each answer held against [`expected`] — a short statement of the rules written
//! here, on purpose *not* by asking `steunkring_domain::policy` or `consent`, so that this test
//! fails when the production rules are wrong.
//!
//! The world: one organisation with team A and team B, an administrator, a professional of each
//! team, a coordinator and an analyst; a second organisation with its own professional. Case 1
//! (team A: two network members, a tie, a saved version, and three participants who accepted
//! their invitation — the 14-year-old young person, parent 0 who holds gezag, a support figure
//! to whom nothing was consented) and case 2 (team B: two members, a version).
//!
//! Every cell checks the status; denied cells also check that the answer leaks nothing of the
//! case (its young person's name, its network), denied attempts on a case left a `denied` or
//! `failure` audit entry for that case, and denied changes changed nothing (re-read by someone
//! allowed). Read cells run first, changes after, on throwaway objects where they remove.
//!
//! PARTICIPANT ROUTES (placeholder, not yet in the matrix). The young person, the parent and
//! the support figure get nothing from the professional routes above; their own pages are
//! being built now. When they are done, add them to [`Route`] with their rules in [`expected`]
//! (per consent category: the map only when visible to that person), and add the actors
//! "parent without gezag" (case 1 has one: parent 1, not yet invited) and "support figure with
//! consent" to [`Who`]. The routes as they stand in the tree while this was written:
//!   - page GET  /mijn/{p}                          the participant's own case page
//!   - page POST /mijn/{p}/members                  the young person adds someone
//!   - page POST /mijn/{p}/members/{m}/stance       chosen / accepted / neutral / rejected
//!   - page POST /mijn/{p}/consents/{c}/give        the participant's own consent
//!   - page POST /mijn/{p}/consents/{c}/withdraw    withdrawn at once
//!   - page GET  /mijn/{p}/log                      who looked at the file (youth, gezag parents)
//!
//! And the professional's sharing routes that come with them (team professionals only):
//!   - page GET /cases/{id}/sharing, GET+POST /cases/{id}/sharing/guide,
//!     POST /cases/{id}/sharing/framework, /consents, /consents/{c}/give|withdraw,
//!     /withholdings, /withholdings/{w}/lift
//!   - GET, POST /api/v1/cases/{case}/consents, POST .../consents/{c}/give|withdraw,
//!     GET /api/v1/cases/{case}/visibility
//!   - GET /api/v1/cases/{case}/export (access request), /destruction-request (rights issue)

use crate::app::{Reply, TestApp, api, operator_event};
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::time::Instant;
use steunkring_domain::audit::Outcome;
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
    /// A support figure on case 1 (a network member) to whom nothing has been consented.
    SupportFigure,
    Anonymous,
}

impl Who {
    const ALL: [Who; 10] = [
        Who::Admin,
        Who::ProA,
        Who::ProB,
        Who::ProElsewhere,
        Who::Coordinator,
        Who::Analyst,
        Who::Youth,
        Who::Parent,
        Who::SupportFigure,
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
            Who::Parent => "parent",
            Who::SupportFigure => "support",
            Who::Anonymous => "anon",
        }
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
}

impl Which {
    fn label(self) -> &'static str {
        match self {
            Which::Case1 => "1",
            Which::Case2 => "2",
            Which::NoCase => "-",
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
}

impl Route {
    const ALL: [Route; 30] = [
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
        }
    }

    fn method(self) -> Method {
        match self {
            Route::ApiCreateCase
            | Route::ApiAddMember
            | Route::ApiAddTie
            | Route::ApiSaveVersion
            | Route::ApiInvite => Method::POST,
            Route::ApiPatchCase | Route::ApiPatchMember => Method::PATCH,
            Route::ApiDeleteMember => Method::DELETE,
            _ => Method::GET,
        }
    }

    fn mutates(self) -> bool {
        self.method() != Method::GET
    }

    fn is_page(self) -> bool {
        matches!(
            self,
            Route::PageCases
                | Route::PageCase
                | Route::PageEditCase
                | Route::PageMember
                | Route::PagePrint
                | Route::PageDownload
                | Route::PageAdminUsers
                | Route::PageAdminAudit
        )
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
            Route::PageAdminUsers | Route::PageAdminAudit => Need::Administration,
            _ => Need::Help,
        }
    }

    /// The case columns of this route (for opening a case: the team of that case).
    fn cases(self) -> &'static [Which] {
        match self.need() {
            Need::Administration => &[Which::NoCase],
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
/// support figures get nothing from these professional routes: their own pages are separate
/// (see PARTICIPANT ROUTES above).
fn may_know(who: Who, case: Which) -> bool {
    who == Who::Admin || in_the_help(who, case)
}

/// Who has a case list: the administrator and professionals (even when it is empty).
fn has_case_list(who: Who) -> bool {
    matches!(who, Who::Admin | Who::ProA | Who::ProB | Who::ProElsewhere)
}

fn expected(who: Who, route: Route, case: Which) -> Expect {
    if who == Who::Anonymous {
        return Expect::LogIn;
    }
    let allow = |yes: bool, no: Expect| if yes { Expect::Allow } else { no };
    match route.need() {
        Need::Administration => allow(who == Who::Admin, Expect::Forbidden),
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
    }
}

/// Cells where the production code does not (yet) follow the rules: the test reports them as
/// known gaps instead of failing, and fails when one of them starts to pass (remove it then).
struct Gap {
    who: Who,
    route: Route,
    case: Which,
    why: &'static str,
}

/// None today: every cell follows the rules on both backends. An entry looks like
/// `Gap { who: Who::Admin, route: Route::ApiMap, case: Which::Case1, why: "what is wrong" }`.
const KNOWN_GAPS: &[Gap] = &[];

fn known_gap(who: Who, route: Route, case: Which) -> Option<&'static Gap> {
    KNOWN_GAPS
        .iter()
        .find(|g| g.who == who && g.route == route && g.case == case)
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
            Which::Case1 => Some(&self.case1),
            Which::Case2 => Some(&self.case2),
            Which::NoCase => None,
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
            Who::SupportFigure,
            format!(r#"{{"kind": "support_figure", "name": "Coach Sam", "member_id": "{coach}"}}"#),
            "steunfiguur@matrix.nl",
        ),
    ];
    for (who, invite, email) in invitees {
        let mut p = participant(&app, &pro_a, &id1, &invite, email).await;
        p.who = who;
        people.push(p);
    }
    people.push(Person {
        who: Who::Anonymous,
        token: None,
        user: None,
        org: org.clone(),
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
}

const TIE_KINDS: [&str; 5] = ["knows", "supportive", "ambivalent", "stressful", "broken"];

async fn prepare(w: &World, who: Who, route: Route, which: Which) -> Request {
    let app = &w.app;
    let label = who.label();
    let Some(c) = w.case(which) else {
        let path = match route {
            Route::PageAdminUsers => "/admin/users",
            _ => "/admin/audit",
        };
        return Request {
            method: route.method(),
            path: path.to_string(),
            body: None,
            area: "/admin".to_string(),
            observe: None,
        };
    };
    let keeper = w.keeper(which).to_string();
    let id = &c.id;
    let api_case = format!("/api/v1/cases/{id}");
    let page_case = format!("/cases/{id}");
    let m = &c.members[0];
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
        Route::PageAdminUsers | Route::PageAdminAudit => unreachable!("no case"),
    };
    let area = match route {
        Route::ApiListCases | Route::ApiCreateCase => "/api/v1/cases".to_string(),
        Route::PageCases => "/cases".to_string(),
        _ if route.is_page() => page_case,
        _ => api_case,
    };
    Request {
        method: route.method(),
        path,
        body,
        area,
        observe,
    }
}

async fn send(w: &World, who: Who, route: Route, req: &Request) -> Reply {
    let token = w.person(who).token.as_deref();
    match (route.is_page(), token) {
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
    let r = api(&w.app, Method::GET, path, token, None).await;
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
    let case = w.case(which);
    let audited = expect == Expect::Hidden && who != Who::Anonymous;
    let since = match (audited, case) {
        (true, Some(c)) => last_entry(w, who, &c.id).await,
        _ => 0,
    };
    let before = if route.mutates() && expect != Expect::Allow {
        observe(w, &req).await
    } else {
        None
    };

    let reply = send(w, who, route, &req).await;

    let mut problems = Vec::new();
    if let Some(got) = status_problem(expect, route, &req, &reply, case.map(|c| c.id.as_str())) {
        problems.push(format!("got {got}"));
    }
    if let Some(c) = case.filter(|_| route.need() != Need::OpenCase) {
        if !may_know(who, which) && reply.body.contains(c.youth) {
            problems.push(format!("leaks the name {:?}", c.youth));
        }
        if !in_the_help(who, which) {
            for word in c.network_words {
                if reply.body.contains(word) {
                    problems.push(format!("leaks the network ({word:?})"));
                }
            }
        }
        if audited && !denied_entry_since(w, who, &c.id, since).await {
            problems.push("no denied/failure audit entry".to_string());
        }
    }
    if let Some(before) = before {
        let after = observe(w, &req).await.unwrap_or_default();
        if after != before {
            problems.push("a denied change changed data".to_string());
        }
    }
    (reply.status.as_u16(), problems)
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

    // Reads first, then changes, so that no change can disturb a read.
    let order: Vec<Route> = Route::ALL
        .iter()
        .filter(|r| !r.mutates())
        .chain(Route::ALL.iter().filter(|r| r.mutates()))
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
            for who in Who::ALL {
                cells += 1;
                let (status, problems) = run(&w, who, route, which).await;
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
    let _ = write!(table, "{:<34} {:>1}", "route", "c");
    for who in Who::ALL {
        let _ = write!(table, " {:>8}", who.label());
    }
    table.push('\n');
    for row in &rows {
        let _ = write!(table, "{:<34} {:>1}", row.route.label(), row.which.label());
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
                "  ~ {:<9} {:<34} case {} {what}",
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
                "  ! {:<9} {:<34} case {} {what}",
                who.label(),
                route.label(),
                which.label()
            );
        }
        println!("{report}");
        panic!("{report}");
    }
}
