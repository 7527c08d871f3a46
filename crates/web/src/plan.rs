//! The one plan, as pages and the API both change and show it: one path for every edit (typed
//! input checked, references to the map checked, the revision guarding against lost work), the
//! names of who holds what, and the PDF handout of what a reader may see.

use crate::cases::case_event;
use crate::i18n::Tr;
use crate::state::AppState;
use chrono::{NaiveDate, Utc};
use std::collections::BTreeMap;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::network::{MemberId, NetworkMember};
use steunkring_domain::plan::{
    Action, ActionStatus, Performer, Plan, RawAction, RawAgreement, RawGoal, RawSafety,
};
use steunkring_domain::{Actor, FieldError, UserId};
use steunkring_pdf::{Block, PlanHandout, Section};
use steunkring_store::{Case, OrgScope, PlanVersionSummary, StoreError};

/// One change to the plan.
pub enum PlanEdit {
    AddGoal(RawGoal),
    RemoveGoal(String),
    AddAction(RawAction),
    /// Changes what, who, when and status of an existing action (progress stays).
    ChangeAction(String, RawAction),
    RemoveAction(String),
    SetSafety(RawSafety),
    AddAgreement(RawAgreement),
    RemoveAgreement(String),
}

/// Why an edit did not happen.
#[derive(Debug)]
pub enum EditError {
    Invalid(Vec<FieldError>),
    /// The goal, action or agreement named does not exist.
    NotFound,
    /// Someone changed the plan since it was read.
    Conflict,
    Store(StoreError),
}

impl From<StoreError> for EditError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict("plan") => EditError::Conflict,
            StoreError::NotFound => EditError::NotFound,
            other => EditError::Store(other),
        }
    }
}

fn new_id() -> String {
    steunkring_domain::ids::AuditId::generate().to_string()
}

/// Applies `edit` to `plan`: pure apart from the fresh ids.
pub fn apply(
    plan: &mut Plan,
    edit: PlanEdit,
    members: &[MemberId],
    parents: usize,
) -> Result<(), EditError> {
    match edit {
        PlanEdit::AddGoal(raw) => plan
            .goals
            .push(raw.parse(new_id()).map_err(EditError::Invalid)?),
        PlanEdit::RemoveGoal(id) => {
            let before = plan.goals.len();
            plan.goals.retain(|g| g.id != id);
            if plan.goals.len() == before {
                return Err(EditError::NotFound);
            }
            for a in &mut plan.actions {
                if a.goal_id.as_deref() == Some(id.as_str()) {
                    a.goal_id = None;
                }
            }
        }
        PlanEdit::AddAction(raw) => {
            let action = raw.parse(new_id()).map_err(EditError::Invalid)?;
            plan.check_references(&action, members, parents)
                .map_err(|e| EditError::Invalid(vec![e]))?;
            plan.actions.push(action);
        }
        PlanEdit::ChangeAction(id, raw) => {
            let changed = raw.parse(id.clone()).map_err(EditError::Invalid)?;
            plan.check_references(&changed, members, parents)
                .map_err(|e| EditError::Invalid(vec![e]))?;
            let Some(existing) = plan.actions.iter_mut().find(|a| a.id == id) else {
                return Err(EditError::NotFound);
            };
            *existing = Action {
                progress: std::mem::take(&mut existing.progress),
                ..changed
            };
        }
        PlanEdit::RemoveAction(id) => {
            let before = plan.actions.len();
            plan.actions.retain(|a| a.id != id);
            if plan.actions.len() == before {
                return Err(EditError::NotFound);
            }
        }
        PlanEdit::SetSafety(raw) => {
            let (worries, working_well, needs) = raw.parse().map_err(EditError::Invalid)?;
            plan.safety.worries = worries;
            plan.safety.working_well = working_well;
            plan.safety.needs_to_happen = needs;
        }
        PlanEdit::AddAgreement(raw) => plan
            .safety
            .agreements
            .push(raw.parse(new_id()).map_err(EditError::Invalid)?),
        PlanEdit::RemoveAgreement(id) => {
            let before = plan.safety.agreements.len();
            plan.safety.agreements.retain(|a| a.id != id);
            if plan.safety.agreements.len() == before {
                return Err(EditError::NotFound);
            }
        }
    }
    Ok(())
}

/// Reads the plan and the map, applies `edit` and saves it, refusing when the plan changed
/// since `revision`. Answers the new revision.
pub async fn edit(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    revision: i64,
    edit: PlanEdit,
    addr: &str,
) -> Result<i64, EditError> {
    let scope = OrgScope::of(actor);
    let (current, network) = tokio::try_join!(
        state.store.plan(&scope, &case.id),
        state.store.network(&scope, &case.id)
    )?;
    if current.revision != revision {
        return Err(EditError::Conflict);
    }
    let mut plan = current.plan;
    let members: Vec<MemberId> = network.members.iter().map(|m| m.id.clone()).collect();
    apply(&mut plan, edit, &members, case.parents.len())?;
    Ok(state
        .store
        .save_plan(
            &scope,
            &case.id,
            &plan,
            revision,
            case_event(actor, AuditAction::Update, &case.id, addr),
        )
        .await?)
}

/// Names of the people who can hold an action in a case.
pub struct Performers {
    youth: String,
    parents: Vec<String>,
    members: BTreeMap<String, String>,
    professionals: BTreeMap<String, String>,
}

impl Performers {
    /// The young person, the parents, everyone on the map, and the professionals named in
    /// the plan, the network lead and (when given) the person looking.
    pub async fn load(
        state: &AppState,
        scope: &OrgScope,
        case: &Case,
        members: &[NetworkMember],
        plan: &Plan,
        me: Option<&Actor>,
    ) -> Performers {
        let mut professionals = BTreeMap::new();
        if let Some(me) = me {
            professionals.insert(me.user_id.to_string(), me.name.clone());
        }
        let mut wanted: Vec<String> = plan
            .actions
            .iter()
            .filter_map(|a| match &a.who {
                Performer::Professional(u) => Some(u.clone()),
                _ => None,
            })
            .collect();
        if let Some(lead) = &case.network_lead {
            wanted.push(lead.to_string());
        }
        wanted.sort();
        wanted.dedup();
        for id in wanted {
            if professionals.contains_key(&id) {
                continue;
            }
            if let Ok(u) = state.store.get_user(scope, &UserId::from_stored(&id)).await {
                professionals.insert(id, u.name.to_string());
            }
        }
        Performers {
            youth: case
                .preferred_name
                .clone()
                .unwrap_or_else(|| case.youth_name.clone()),
            parents: case.parents.iter().map(|p| p.name.clone()).collect(),
            members: members
                .iter()
                .map(|m| (m.id.to_string(), m.name.clone()))
                .collect(),
            professionals,
        }
    }

    /// The name of who holds an action; someone since removed from the map shows as such.
    pub fn name(&self, tr: &Tr, who: &Performer) -> String {
        let known = match who {
            Performer::Youth => Some(self.youth.clone()),
            Performer::Parent(i) => self.parents.get(usize::from(*i)).cloned(),
            Performer::Member(m) => self.members.get(m.as_str()).cloned(),
            Performer::Professional(u) => self.professionals.get(u).cloned(),
        };
        known.unwrap_or_else(|| tr.t("plan-who-unknown"))
    }

    /// Everyone who can be chosen, as (code, label) in a sensible order.
    pub fn choices(&self, tr: &Tr) -> Vec<(String, String)> {
        let mut out = vec![(
            Performer::Youth.as_code(),
            tr.t1("plan-who-youth", "name", &self.youth),
        )];
        for (i, p) in self.parents.iter().enumerate() {
            if let Ok(i) = u8::try_from(i) {
                out.push((
                    Performer::Parent(i).as_code(),
                    tr.t1("plan-who-parent", "name", p),
                ));
            }
        }
        for (id, name) in &self.members {
            out.push((format!("member:{id}"), name.clone()));
        }
        for (id, name) in &self.professionals {
            out.push((
                format!("professional:{id}"),
                tr.t1("plan-who-professional", "name", name),
            ));
        }
        out
    }
}

/// A date as people here write it.
pub fn day(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The handout of a plan for one reader: the safety section only when they may see it.
#[allow(clippy::too_many_arguments)]
pub fn handout(
    tr: &Tr,
    case: &Case,
    plan: &Plan,
    version: Option<&PlanVersionSummary>,
    performers: &Performers,
    reader: &str,
    with_safety: bool,
) -> Vec<u8> {
    let name = case
        .preferred_name
        .clone()
        .unwrap_or_else(|| case.youth_name.clone());
    let mut sections = vec![Section {
        heading: tr.t("plan-goals"),
        intro: None,
        blocks: if plan.goals.is_empty() {
            vec![Block::Paragraph(tr.t("plan-goals-none"))]
        } else {
            vec![Block::Table {
                header: vec![
                    tr.t("plan-goal"),
                    tr.t("plan-goal-holder"),
                    tr.t("plan-goal-how-we-know"),
                ],
                rows: plan
                    .goals
                    .iter()
                    .map(|g| {
                        vec![
                            g.text.clone(),
                            tr.t(g.holder.label_key()),
                            g.how_we_know.clone().unwrap_or_default(),
                        ]
                    })
                    .collect(),
                widths: vec![3.0, 1.2, 2.5],
            }]
        },
    }];
    sections.push(Section {
        heading: tr.t("plan-actions"),
        intro: None,
        blocks: if plan.actions.is_empty() {
            vec![Block::Paragraph(tr.t("plan-actions-none"))]
        } else {
            vec![Block::Table {
                header: vec![
                    tr.t("plan-action-what"),
                    tr.t("plan-action-who"),
                    tr.t("plan-action-due"),
                    tr.t("plan-action-status"),
                ],
                rows: plan
                    .actions
                    .iter()
                    .map(|a| {
                        vec![
                            a.what.clone(),
                            performers.name(tr, &a.who),
                            a.due_on.map(day).unwrap_or_default(),
                            tr.t(a.status.label_key()),
                        ]
                    })
                    .collect(),
                widths: vec![3.2, 1.6, 1.1, 1.0],
            }]
        },
    });
    if with_safety && !plan.safety.is_empty() {
        let s = &plan.safety;
        let mut blocks = Vec::new();
        for (key, text) in [
            ("plan-safety-worries", &s.worries),
            ("plan-safety-working-well", &s.working_well),
            ("plan-safety-needs", &s.needs_to_happen),
        ] {
            if let Some(t) = text {
                blocks.push(Block::Fields(vec![(tr.t(key), t.clone())]));
            }
        }
        for a in &s.agreements {
            blocks.push(Block::Fields(vec![
                (tr.t("plan-agreement-concern"), a.concern.clone()),
                (tr.t("plan-agreement-agreement"), a.agreement.clone()),
                (tr.t("plan-agreement-who-watches"), a.who_watches.clone()),
                (tr.t("plan-agreement-if-wrong"), a.if_wrong.clone()),
            ]));
        }
        sections.push(Section {
            heading: tr.t("plan-safety"),
            intro: None,
            blocks,
        });
    }
    if let Some(v) = version {
        sections.push(Section {
            heading: tr.t("plan-sign-offs"),
            intro: None,
            blocks: if v.sign_offs.is_empty() {
                vec![Block::Paragraph(tr.t("plan-sign-offs-none"))]
            } else {
                vec![Block::Table {
                    header: vec![tr.t("plan-sign-off-name"), tr.t("plan-sign-off-on")],
                    rows: v
                        .sign_offs
                        .iter()
                        .map(|s| {
                            vec![
                                s.name.clone(),
                                day(steunkring_domain::consent::dutch_date(s.at)),
                            ]
                        })
                        .collect(),
                    widths: vec![2.0, 1.0],
                }]
            },
        });
    }
    steunkring_pdf::plan_handout(&PlanHandout {
        title: tr.t1("plan-handout-title", "name", &name),
        subtitle: match version {
            Some(v) => tr.message(
                "plan-handout-version",
                &[
                    ("number", v.number.into()),
                    ("date", day(v.adopted_on).into()),
                ],
            ),
            None => tr.t1(
                "plan-handout-draft",
                "date",
                day(steunkring_domain::consent::dutch_date(Utc::now())),
            ),
        },
        printed_for: tr.t1("plan-handout-for", "name", reader),
        sections,
        footer: tr.t("plan-handout-footer"),
        page_label: tr.t("plan-handout-page"),
    })
}

/// Is this action still to do and past its day?
pub fn overdue(a: &Action) -> bool {
    a.is_overdue(steunkring_domain::consent::dutch_date(Utc::now()))
}

/// The label of a status, for selects.
pub fn statuses(tr: &Tr, current: ActionStatus) -> Vec<(String, String, bool)> {
    ActionStatus::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), tr.t(s.label_key()), *s == current))
        .collect()
}

/// A whole plan as sent to the API: items keep the id they are sent with (new ones get one).
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    /// The revision the change is based on (from `GET /plan`); 409 when the plan changed since.
    pub revision: i64,
    #[serde(default)]
    pub goals: Vec<ItemInput<GoalFields>>,
    #[serde(default)]
    pub actions: Vec<ItemInput<ActionFields>>,
    #[serde(default)]
    pub safety: SafetyInput,
}

/// An item with an optional id: kept when given, made when not.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ItemInput<T> {
    #[serde(default)]
    pub id: Option<String>,
    #[serde(flatten)]
    pub fields: T,
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct GoalFields {
    /// In the words of whoever holds it.
    #[serde(default)]
    pub text: String,
    /// `youth`, `parent`, `network` or `professional`.
    #[serde(default)]
    pub holder: String,
    #[serde(default)]
    pub how_we_know: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct ActionFields {
    #[serde(default)]
    pub what: String,
    /// `youth`, `parent:<index>`, `member:<id>` or `professional:<user id>`.
    #[serde(default)]
    pub who: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub due_on: Option<String>,
    /// `open` (default), `doing`, `done` or `stopped`.
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub goal_id: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SafetyInput {
    #[serde(default)]
    pub worries: Option<String>,
    #[serde(default)]
    pub working_well: Option<String>,
    #[serde(default)]
    pub needs_to_happen: Option<String>,
    #[serde(default)]
    pub agreements: Vec<ItemInput<AgreementFields>>,
}

#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct AgreementFields {
    #[serde(default)]
    pub concern: String,
    #[serde(default)]
    pub agreement: String,
    #[serde(default)]
    pub who_watches: String,
    #[serde(default)]
    pub if_wrong: String,
}

/// An id sent by a client: kept when it is a sensible key, else refused.
fn item_id(raw: &Option<String>) -> Result<String, FieldError> {
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(new_id()),
        Some(id)
            if id.chars().count() <= 100 && !id.chars().any(|c| c.is_control() || c == ' ') =>
        {
            Ok(id.to_string())
        }
        Some(_) => Err(FieldError::new("id", "error-invalid-value")),
    }
}

/// Checks a whole plan from the API; errors carry their path (`actions[2].who`).
pub fn plan_from_input(
    input: &PlanInput,
    members: &[MemberId],
    parents: usize,
) -> Result<Plan, Vec<(String, FieldError)>> {
    let mut errors: Vec<(String, FieldError)> = Vec::new();
    let mut plan = Plan::default();
    let mut collect = |prefix: String, found: Vec<FieldError>| {
        errors.extend(
            found
                .into_iter()
                .map(|e| (format!("{prefix}.{}", e.field), e)),
        );
    };
    for (i, g) in input.goals.iter().enumerate() {
        let raw = RawGoal {
            text: g.fields.text.clone(),
            holder: g.fields.holder.clone(),
            how_we_know: g.fields.how_we_know.clone().unwrap_or_default(),
        };
        match item_id(&g.id)
            .map_err(|e| vec![e])
            .and_then(|id| raw.parse(id))
        {
            Ok(goal) => plan.goals.push(goal),
            Err(e) => collect(format!("goals[{i}]"), e),
        }
    }
    for (i, a) in input.actions.iter().enumerate() {
        let raw = RawAction {
            what: a.fields.what.clone(),
            who: a.fields.who.clone(),
            due_on: a.fields.due_on.clone().unwrap_or_default(),
            status: a.fields.status.clone().unwrap_or_default(),
            goal_id: a.fields.goal_id.clone().unwrap_or_default(),
        };
        let parsed = item_id(&a.id)
            .map_err(|e| vec![e])
            .and_then(|id| raw.parse(id))
            .and_then(|action| {
                plan.check_references(&action, members, parents)
                    .map(|()| action)
                    .map_err(|e| vec![e])
            });
        match parsed {
            Ok(action) => plan.actions.push(action),
            Err(e) => collect(format!("actions[{i}]"), e),
        }
    }
    let safety = RawSafety {
        worries: input.safety.worries.clone().unwrap_or_default(),
        working_well: input.safety.working_well.clone().unwrap_or_default(),
        needs_to_happen: input.safety.needs_to_happen.clone().unwrap_or_default(),
    };
    match safety.parse() {
        Ok((w, ww, n)) => {
            plan.safety.worries = w;
            plan.safety.working_well = ww;
            plan.safety.needs_to_happen = n;
        }
        Err(e) => collect("safety".into(), e),
    }
    for (i, a) in input.safety.agreements.iter().enumerate() {
        let raw = RawAgreement {
            concern: a.fields.concern.clone(),
            agreement: a.fields.agreement.clone(),
            who_watches: a.fields.who_watches.clone(),
            if_wrong: a.fields.if_wrong.clone(),
        };
        match item_id(&a.id)
            .map_err(|e| vec![e])
            .and_then(|id| raw.parse(id))
        {
            Ok(agreement) => plan.safety.agreements.push(agreement),
            Err(e) => collect(format!("safety.agreements[{i}]"), e),
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (i, a) in plan.actions.iter().enumerate() {
        if !seen.insert(a.id.clone()) {
            errors.push((
                format!("actions[{i}].id"),
                FieldError::new("id", "error-invalid-value"),
            ));
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}
