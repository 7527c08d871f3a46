//! Rights of the young person and parents: the export for a request for access (GDPR art. 15).
//!
//! The professional downloads a ZIP, checks it and hands it to the person. It holds
//! `samenvatting.html` (a readable summary in Dutch, self-contained, every text escaped) and
//! `gegevens.json` (everything, machine-readable).

use crate::i18n::{Lang, Tr};
use crate::network::{
    contact_name, direction_name, known_name, level_name, member_role_name, sector_name,
    stance_name, support_name, tie_kind_name, tie_quality_name,
};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use steunkring_domain::audit::AuditRecord;
use steunkring_domain::concern::{Concern, Deliberation};
use steunkring_domain::consent::Party;
use steunkring_domain::meeting::Meeting;
use steunkring_domain::plan::Plan;
use steunkring_domain::support_figure::{LogEntry, SupportFigure};
use steunkring_store::{
    AuditFilter, Case, CurrentPlan, DestructionRequest, Network, OrgScope, ParticipantEntry,
    PlanVersionSummary, SharingDecision, SharingState, Store, StoreError, StoredOutcome,
    StoredScreening, StoredSelfReport, StoredSupportCheck, VersionSummary,
};

/// An adopted plan version with what it held.
#[derive(Serialize)]
pub struct PlanVersionExport {
    #[serde(flatten)]
    pub summary: PlanVersionSummary,
    pub plan: Plan,
}

/// A support figure with their log (coaching and contact moments).
#[derive(Serialize)]
pub struct SupportFigureExport {
    #[serde(flatten)]
    pub figure: SupportFigure,
    pub log: Vec<LogEntry>,
}

/// A saved version with its content.
#[derive(Serialize)]
pub struct VersionExport {
    #[serde(flatten)]
    pub summary: VersionSummary,
    pub network: Network,
}

/// An access-log entry with the person's name where the organisation knows it.
#[derive(Serialize)]
pub struct AccessEntry {
    #[serde(flatten)]
    pub record: AuditRecord,
    pub user_name: Option<String>,
}

/// Everything on the case (`gegevens.json`).
#[derive(Serialize)]
pub struct AccessExport {
    pub generated_at: DateTime<Utc>,
    pub case: Case,
    pub network: Network,
    pub versions: Vec<VersionExport>,
    pub sharing: SharingState,
    pub sharing_decisions: Vec<SharingDecision>,
    pub participants: Vec<ParticipantEntry>,
    pub destruction_request: Option<DestructionRequest>,
    /// The one plan as it stands, and every adopted version.
    pub plan: CurrentPlan,
    pub plan_versions: Vec<PlanVersionExport>,
    pub meetings: Vec<Meeting>,
    pub support_figures: Vec<SupportFigureExport>,
    pub concerns: Vec<Concern>,
    pub deliberations: Vec<Deliberation>,
    /// The measurements: support checks, screenings, self-reports and outcomes.
    pub support_checks: Vec<StoredSupportCheck>,
    pub screenings: Vec<StoredScreening>,
    pub self_reports: Vec<StoredSelfReport>,
    pub outcomes: Vec<StoredOutcome>,
    pub access_log: Vec<AccessEntry>,
}

/// Gathers everything on the case.
pub async fn gather(
    store: &dyn Store,
    scope: &OrgScope,
    case: Case,
) -> Result<AccessExport, StoreError> {
    let id = case.id.clone();
    let network = store.network(scope, &id).await?;
    let mut versions = Vec::new();
    for summary in store.list_versions(scope, &id).await? {
        let (summary, network) = store.get_version(scope, &id, &summary.id).await?;
        versions.push(VersionExport { summary, network });
    }
    let names: HashMap<String, String> = store
        .list_users(scope)
        .await?
        .into_iter()
        .map(|u| (u.id.to_string(), u.name))
        .collect();
    let mut access_log = Vec::new();
    let mut before_seq = None;
    loop {
        let page = store
            .list_audit(
                scope,
                &AuditFilter {
                    case_id: Some(id.to_string()),
                    before_seq,
                    limit: 1000,
                    ..Default::default()
                },
            )
            .await?;
        let Some(last) = page.last() else { break };
        before_seq = Some(last.seq);
        let full = page.len() == 1000;
        access_log.extend(page.into_iter().map(|record| {
            AccessEntry {
                user_name: record
                    .event
                    .user_id
                    .as_ref()
                    .and_then(|u| names.get(u.as_str()).cloned()),
                record,
            }
        }));
        if !full {
            break;
        }
    }
    let mut plan_versions = Vec::new();
    for summary in store.plan_versions(scope, &id).await? {
        let (summary, plan) = store.plan_version(scope, &id, &summary.id).await?;
        plan_versions.push(PlanVersionExport { summary, plan });
    }
    let mut support_figures = Vec::new();
    for figure in store.support_figures(scope, &id).await? {
        let log = store.support_log(scope, &id, &figure.id).await?;
        support_figures.push(SupportFigureExport { figure, log });
    }
    Ok(AccessExport {
        plan: store.plan(scope, &id).await?,
        plan_versions,
        meetings: store.meetings(scope, &id).await?,
        support_figures,
        concerns: store.concerns(scope, &id).await?,
        deliberations: store.deliberations(scope, &id).await?,
        support_checks: store.support_checks(scope, &id).await?,
        screenings: store.screenings(scope, &id).await?,
        self_reports: store.self_reports(scope, &id).await?,
        outcomes: store.outcomes(scope, &id).await?,
        generated_at: Utc::now(),
        network,
        versions,
        sharing: store.sharing_state(scope, &id).await?,
        sharing_decisions: store.list_sharing_decisions(scope, &id).await?,
        participants: store.list_participants(scope, &id).await?,
        destruction_request: store.destruction_request(scope, &id).await?,
        access_log,
        case,
    })
}

/// Escapes text for HTML content and attribute values.
pub fn esc(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn party_name(case: &Case, party: Party) -> String {
    match party {
        Party::Youth => format!("{} (jongere)", case.youth_name),
        Party::Parent(i) => case
            .parents
            .get(usize::from(i))
            .map(|p| format!("{} (ouder)", p.name))
            .unwrap_or_else(|| "ouder".into()),
        Party::Guardian => "voogd".into(),
    }
}

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn moment(t: DateTime<Utc>) -> String {
    t.format("%d-%m-%Y %H:%M UTC").to_string()
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("<p>Niets vastgelegd.</p>\n");
        return;
    }
    out.push_str("<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

fn network_rows(tr: &Tr, network: &Network) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let members = network
        .members
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.relation.clone(),
                m.ring.number().to_string(),
                sector_name(tr, m.sector),
                m.level.map(|l| level_name(tr, l)).unwrap_or_default(),
                m.support
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ({})",
                            support_name(tr, s.kind),
                            direction_name(tr, s.direction)
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                m.tie_quality
                    .map(|q| tie_quality_name(tr, q))
                    .unwrap_or_default(),
                stance_name(tr, m.stance),
                m.roles
                    .iter()
                    .map(|r| member_role_name(tr, *r))
                    .collect::<Vec<_>>()
                    .join(", "),
                m.protective.clone().unwrap_or_default(),
                m.risk.clone().unwrap_or_default(),
                if m.available { "ja" } else { "nee" }.into(),
                if m.is_adult { "ja" } else { "nee" }.into(),
                m.known_years.map(|k| known_name(tr, k)).unwrap_or_default(),
                m.contact_frequency
                    .map(|c| contact_name(tr, c))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let name_of = |id: &steunkring_domain::network::MemberId| {
        network
            .members
            .iter()
            .find(|m| &m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let ties = network
        .ties
        .iter()
        .map(|t| vec![name_of(&t.from), name_of(&t.to), tie_kind_name(tr, t.kind)])
        .collect();
    (members, ties)
}

const MEMBER_HEAD: [&str; 15] = [
    "Naam",
    "Relatie",
    "Cirkel",
    "Leefgebied",
    "Niveau",
    "Steun",
    "Band",
    "Houding jongere",
    "Rollen",
    "Beschermend",
    "Risico",
    "Beschikbaar",
    "Volwassen",
    "Hoe lang bekend",
    "Hoe vaak gezien",
];

/// The readable summary, in Dutch.
pub fn summary_html(x: &AccessExport) -> String {
    let tr = Tr::new(Lang::Nl);
    let c = &x.case;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Gegevens van {name} · Steunkring</title>\n<style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.5}}\
         table{{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}}\
         th,td{{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}}\
         .muted{{color:#555}}</style>\n</head>\n<body>\n\
         <h1>Gegevens van {name}</h1>\n\
         <p>Dit is alles wat Steunkring over dit dossier bewaart. U vroeg om inzage (artikel 15 AVG). \
         Klopt er iets niet? Vraag dan om een verbetering. U kunt ook vragen om het dossier te vernietigen.</p>\n\
         <p class=\"muted\">Gemaakt op {at}. Alle gegevens staan ook in het bestand gegevens.json.</p>\n",
        name = esc(&c.youth_name),
        at = esc(&moment(x.generated_at)),
    );

    out.push_str("<h2>De jongere</h2>\n<dl>\n");
    let mut fact = |label: &str, value: &str| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(value));
    };
    fact("Naam", &c.youth_name);
    if let Some(p) = &c.preferred_name {
        fact("Roepnaam", p);
    }
    fact("Geboortedatum", &day(c.birth_date));
    if let Some(g) = &c.gender {
        fact("Gender", g);
    }
    fact("Team", &c.team_name);
    fact(
        "Netwerkregisseur",
        c.network_lead_name.as_deref().unwrap_or("geen"),
    );
    fact("Dossier geopend op", &day(c.opened_on));
    if let Some(d) = c.closed_on {
        fact("Dossier gesloten op", &day(d));
    }
    fact("Laatst gewijzigd", &moment(c.updated_at));
    out.push_str("</dl>\n");

    out.push_str("<h2>Ouders en opvoeders</h2>\n");
    let parents: Vec<Vec<String>> = c
        .parents
        .iter()
        .map(|p| vec![p.name.clone(), if p.gezag { "ja" } else { "nee" }.into()])
        .collect();
    table(&mut out, &["Naam", "Gezag"], &parents);

    let (members, ties) = network_rows(&tr, &x.network);
    out.push_str("<h2>Het netwerk</h2>\n");
    table(&mut out, &MEMBER_HEAD, &members);
    out.push_str("<h3>Banden tussen mensen</h3>\n");
    table(&mut out, &["Van", "Naar", "Soort band"], &ties);

    out.push_str("<h2>Bewaarde versies van de kaart</h2>\n");
    if x.versions.is_empty() {
        out.push_str("<p>Niets vastgelegd.</p>\n");
    }
    for v in &x.versions {
        let _ = writeln!(
            out,
            "<h3>{} ({}, {} mensen)</h3>",
            esc(&v.summary.title),
            esc(&day(v.summary.taken_on)),
            v.summary.member_count
        );
        let (members, ties) = network_rows(&tr, &v.network);
        table(&mut out, &MEMBER_HEAD, &members);
        table(&mut out, &["Van", "Naar", "Soort band"], &ties);
    }

    out.push_str("<h2>Toestemming</h2>\n");
    let consents: Vec<Vec<String>> = x
        .sharing
        .consents
        .iter()
        .map(|k| {
            vec![
                k.category.as_str().to_string(),
                k.recipient.as_code(),
                format!(
                    "{} – {}",
                    day(k.valid_from),
                    k.valid_until
                        .map(day)
                        .unwrap_or_else(|| "tot intrekking".into())
                ),
                k.required
                    .iter()
                    .map(|p| party_name(c, *p))
                    .collect::<Vec<_>>()
                    .join(", "),
                k.given
                    .iter()
                    .map(|g| format!("{} op {} ({})", party_name(c, g.party), moment(g.at), g.how))
                    .collect::<Vec<_>>()
                    .join("; "),
                k.withdrawn
                    .as_ref()
                    .map(|w| format!("door {} op {}", party_name(c, w.party), moment(w.at)))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Wat",
            "Met wie",
            "Geldig",
            "Wie moet toestemming geven",
            "Gegeven door",
            "Ingetrokken",
        ],
        &consents,
    );

    out.push_str(
        "<h2>Niet gedeeld (voor de professional)</h2>\n\
         <p>Soms deelt de professional iets niet, omdat delen de jongere kan schaden. \
         Controleer dit deel voordat u het bestand afgeeft.</p>\n",
    );
    let withholdings: Vec<Vec<String>> = x
        .sharing
        .withholdings
        .iter()
        .map(|w| {
            vec![
                w.withholding.category.as_str().to_string(),
                w.withholding.recipient.as_code(),
                w.withholding.reason.clone(),
                if w.withholding.active { "ja" } else { "nee" }.into(),
                moment(w.created_at),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Wat", "Met wie", "Reden", "Geldt nu", "Vastgelegd op"],
        &withholdings,
    );

    out.push_str("<h2>Besluiten over delen</h2>\n");
    let decisions: Vec<Vec<String>> = x
        .sharing_decisions
        .iter()
        .map(|d| {
            vec![
                moment(d.decided_at),
                d.recipient.clone(),
                d.information.clone(),
                d.decision.clone(),
                d.reasons.clone(),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Wanneer",
            "Met wie",
            "Welke informatie",
            "Besluit",
            "Waarom",
        ],
        &decisions,
    );

    out.push_str("<h2>Wie doen mee</h2>\n");
    let participants: Vec<Vec<String>> = x
        .participants
        .iter()
        .map(|p| {
            vec![
                p.participant.display_name.clone(),
                tr.t(&format!(
                    "participant-kind-{}",
                    p.participant.kind.as_str().replace('_', "-")
                )),
                if p.participant.user_id.is_some() {
                    "doet mee"
                } else {
                    "uitgenodigd"
                }
                .into(),
                moment(p.participant.created_at),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Naam", "Als", "Stand", "Uitgenodigd op"],
        &participants,
    );

    plan_html(&mut out, &tr, x);
    measurements_html(&mut out, &tr, x);

    if let Some(d) = &x.destruction_request {
        out.push_str("<h2>Verzoek om vernietiging</h2>\n<dl>\n");
        let _ = writeln!(
            out,
            "<dt>Gevraagd door</dt><dd>{}</dd><dt>Ontvangen op</dt><dd>{}</dd><dt>Uiterlijk afhandelen op</dt><dd>{}</dd>",
            esc(&party_name(c, d.requested_by)),
            esc(&day(d.received_on)),
            esc(&day(d.deadline))
        );
        if let Some(reason) = &d.exception_reason {
            let _ = writeln!(
                out,
                "<dt>Niet vernietigd, omdat</dt><dd>{}</dd>",
                esc(reason)
            );
        }
        out.push_str("</dl>\n");
    }

    out.push_str(
        "<h2>Wie keek of veranderde iets</h2>\n\
         <p>Elke keer dat iemand dit dossier bekijkt of verandert, wordt dat vastgelegd.</p>\n",
    );
    let log: Vec<Vec<String>> = x
        .access_log
        .iter()
        .map(|e| {
            let r = &e.record.event;
            vec![
                moment(r.at),
                e.user_name.clone().unwrap_or_else(|| "onbekend".into()),
                r.role
                    .map(|role| tr.t(&format!("role-{}", role.as_str().replace('_', "-"))))
                    .unwrap_or_default(),
                r.action.as_str().to_string(),
                r.outcome.as_str().to_string(),
                r.object_type.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        &mut out,
        &["Wanneer", "Wie", "Rol", "Wat", "Gelukt", "Welk onderdeel"],
        &log,
    );
    out.push_str("</body>\n</html>\n");
    out
}

/// The plan, its versions, the network meetings, support figures, concerns and moral
/// deliberations, for the summary. Everything here is escaped (by [`table`] and [`esc`]).
fn plan_html(out: &mut String, tr: &Tr, x: &AccessExport) {
    let plan = &x.plan.plan;
    out.push_str("<h2>Het plan</h2>\n");
    let goals: Vec<Vec<String>> = plan
        .goals
        .iter()
        .map(|g| {
            vec![
                g.text.clone(),
                tr.t(g.holder.label_key()),
                g.how_we_know.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        out,
        &["Doel", "Van wie", "Hoe weten we dat het gelukt is"],
        &goals,
    );
    let actions: Vec<Vec<String>> = plan
        .actions
        .iter()
        .map(|a| {
            let notes: Vec<String> = a
                .progress
                .iter()
                .map(|n| {
                    format!(
                        "{} {}: {}",
                        moment(n.at),
                        n.by,
                        n.text.clone().unwrap_or_default()
                    )
                })
                .collect();
            vec![
                a.what.clone(),
                a.who.as_code(),
                a.due_on.map(day).unwrap_or_default(),
                tr.t(a.status.label_key()),
                notes.join(" · "),
            ]
        })
        .collect();
    table(
        out,
        &["Wat", "Wie", "Wanneer klaar", "Stand", "Voortgang"],
        &actions,
    );
    let s = &plan.safety;
    let mut safety: Vec<Vec<String>> = [
        ("Zorgen", &s.worries),
        ("Wat gaat goed", &s.working_well),
        ("Wat moet er gebeuren", &s.needs_to_happen),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_ref().map(|v| vec![k.to_string(), v.clone()]))
    .collect();
    for a in &s.agreements {
        safety.push(vec![
            "Veiligheidsafspraak".into(),
            format!(
                "{} — {} (wie let op: {}; als het misgaat: {})",
                a.concern, a.agreement, a.who_watches, a.if_wrong
            ),
        ]);
    }
    table(out, &["Veiligheid", ""], &safety);
    let versions: Vec<Vec<String>> = x
        .plan_versions
        .iter()
        .map(|v| {
            let signed: Vec<String> = v.summary.sign_offs.iter().map(|s| s.name.clone()).collect();
            vec![
                v.summary.number.to_string(),
                day(v.summary.adopted_on),
                signed.join(", "),
            ]
        })
        .collect();
    out.push_str("<h3>Vastgestelde versies</h3>\n");
    table(
        out,
        &["Versie", "Vastgesteld op", "Akkoord gegeven door"],
        &versions,
    );
    out.push_str("<h2>Netwerkberaad</h2>\n");
    let meetings: Vec<Vec<String>> = x
        .meetings
        .iter()
        .map(|m| {
            let invitees: Vec<String> = m.invitees.iter().map(|i| i.name.clone()).collect();
            vec![
                moment(m.starts_at),
                tr.t(m.kind.label_key()),
                m.own_question.clone(),
                invitees.join(", "),
                m.notes.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Wanneer",
            "Soort",
            "Eigen vraag",
            "Genodigden",
            "Aantekeningen",
        ],
        &meetings,
    );
    out.push_str("<h2>Steunfiguren</h2>\n");
    let figures: Vec<Vec<String>> = x
        .support_figures
        .iter()
        .map(|f| {
            let log: Vec<String> = f
                .log
                .iter()
                .map(|l| format!("{} {}: {}", day(l.on), l.by, l.text))
                .collect();
            vec![
                f.figure.member_name.clone(),
                day(f.figure.nominated_on),
                f.figure.own_words.clone(),
                tr.t(f.figure.status.label_key()),
                log.join(" · "),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Naam",
            "Voorgedragen op",
            "In eigen woorden",
            "Stand",
            "Logboek",
        ],
        &figures,
    );
    out.push_str("<h2>Zorgen en moreel beraad</h2>\n");
    let concerns: Vec<Vec<String>> = x
        .concerns
        .iter()
        .map(|c| {
            vec![
                moment(c.registered_at),
                c.about_name.clone().unwrap_or_default(),
                c.what.clone(),
                tr.t(c.status.label_key()),
            ]
        })
        .collect();
    table(out, &["Wanneer", "Over", "Wat", "Stand"], &concerns);
    let deliberations: Vec<Vec<String>> = x
        .deliberations
        .iter()
        .map(|d| {
            vec![
                day(d.held_on),
                d.question.clone(),
                d.participants.join(", "),
                d.decision.clone(),
            ]
        })
        .collect();
    table(
        out,
        &["Wanneer", "Vraag", "Wie deden mee", "Besluit"],
        &deliberations,
    );
}

/// The measurements, for the summary: support checks (dates; the answers are in
/// `gegevens.json`), screenings, self-reports and outcomes. Escaped by [`table`].
fn measurements_html(out: &mut String, tr: &Tr, x: &AccessExport) {
    out.push_str("<h2>Metingen</h2>\n<h3>Steunmetingen</h3>\n");
    let checks: Vec<Vec<String>> = x
        .support_checks
        .iter()
        .map(|c| {
            vec![
                day(c.check.started_on()),
                tr.t(c.check.respondent().label_key()),
                c.check.answers().len().to_string(),
                c.check.finished_on().map(day).unwrap_or_default(),
            ]
        })
        .collect();
    table(
        out,
        &["Gestart", "Wie vulde in", "Aantal mensen", "Afgerond"],
        &checks,
    );
    out.push_str("<h3>Screening meervoudige problematiek</h3>\n");
    let screenings: Vec<Vec<String>> = x
        .screenings
        .iter()
        .map(|s| {
            let problems = s
                .screening
                .domains_with_problems()
                .into_iter()
                .map(|d| {
                    let note = s
                        .screening
                        .answer(d)
                        .and_then(|a| a.note.as_ref())
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default();
                    format!("{}{note}", tr.t(d.label_key()))
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                day(s.screening.screened_on()),
                format!("{} van 7", s.screening.problem_count()),
                problems,
            ]
        })
        .collect();
    table(
        out,
        &["Datum", "Gebieden met problemen", "Welke"],
        &screenings,
    );
    out.push_str("<h3>Zelfrapportage</h3>\n");
    let reports: Vec<Vec<String>> = x
        .self_reports
        .iter()
        .map(|s| {
            let r = &s.report;
            vec![
                day(r.answered_on),
                r.feels_supported.value().to_string(),
                r.satisfied_with_help.value().to_string(),
                r.satisfied_with_support_figures
                    .map(|g| g.value().to_string())
                    .unwrap_or_default(),
                r.open_answer
                    .as_ref()
                    .map(|a| a.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table(
        out,
        &["Datum", "Steun", "Hulp", "Steunfiguren", "In eigen woorden"],
        &reports,
    );
    out.push_str("<h3>Uitkomsten</h3>\n");
    let outcomes: Vec<Vec<String>> = x
        .outcomes
        .iter()
        .map(|o| {
            vec![
                day(o.outcome.on),
                tr.t(o.outcome.kind.label_key()),
                o.outcome
                    .note
                    .as_ref()
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table(out, &["Datum", "Wat", "Toelichting"], &outcomes);
}

/// The ZIP with `samenvatting.html` and `gegevens.json`.
pub fn zip_bytes(x: &AccessExport) -> Result<Vec<u8>, String> {
    let json = serde_json::to_vec_pretty(x).map_err(|e| e.to_string())?;
    let html = summary_html(x);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("samenvatting.html", options)
        .map_err(|e| e.to_string())?;
    zip.write_all(html.as_bytes()).map_err(|e| e.to_string())?;
    zip.start_file("gegevens.json", options)
        .map_err(|e| e.to_string())?;
    zip.write_all(&json).map_err(|e| e.to_string())?;
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
