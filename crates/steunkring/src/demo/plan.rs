//! A plan for the first demo cases: goals in the family's words, actions held by people from
//! their own network, a safety agreement, adopted as version 1 — so that the plan pages, the
//! handout and "who does what" can be tried at once.

use chrono::{Duration, NaiveDate, Utc};
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::plan::{
    Action, ActionStatus, Goal, GoalHolder, Performer, Plan, SafetyAgreement, SafetySection,
};
use steunkring_domain::{OrgId, UserId};
use steunkring_store::{ImportedCase, OrgScope, PlanAdoption, Store};

/// What network members often take on, in the family's words.
const MEMBER_TASKS: [&str; 4] = [
    "Haalt op woensdag na school op en eet mee",
    "Helpt één avond per week met huiswerk",
    "Gaat mee naar de training en brengt terug",
    "Belt elke zondag even om te horen hoe de week was",
];

/// The plan for one demo case.
pub fn plan_for(case: &ImportedCase, lead: &UserId, today: NaiveDate) -> Plan {
    let informal: Vec<_> = case
        .members
        .iter()
        .filter(|m| m.is_informal())
        .take(MEMBER_TASKS.len())
        .collect();
    let mut actions: Vec<Action> = informal
        .iter()
        .zip(MEMBER_TASKS)
        .enumerate()
        .map(|(i, (m, what))| Action {
            id: format!("demo-actie-{i}"),
            what: what.to_string(),
            who: Performer::Member(m.id.clone()),
            due_on: Some(today + Duration::days(14 * (i as i64 + 1))),
            status: ActionStatus::Open,
            goal_id: Some("demo-doel-1".into()),
            progress: Vec::new(),
        })
        .collect();
    actions.push(Action {
        id: "demo-actie-jongere".into(),
        what: "Zet zelf de wekker en vertelt het als het niet lukt".into(),
        who: Performer::Youth,
        due_on: Some(today + Duration::days(7)),
        status: ActionStatus::Doing,
        goal_id: Some("demo-doel-1".into()),
        progress: Vec::new(),
    });
    actions.push(Action {
        id: "demo-actie-professional".into(),
        what: "Evalueert het plan met het hele netwerk".into(),
        who: Performer::Professional(lead.to_string()),
        due_on: Some(today + Duration::days(90)),
        status: ActionStatus::Open,
        goal_id: None,
        progress: Vec::new(),
    });
    Plan {
        goals: vec![
            Goal {
                id: "demo-doel-1".into(),
                text: "Ik wil weer elke dag naar school".into(),
                holder: GoalHolder::Youth,
                how_we_know: Some("Vier weken achter elkaar niet ziek gemeld".into()),
            },
            Goal {
                id: "demo-doel-2".into(),
                text: "Meer rust thuis, en een middag per week voor mezelf".into(),
                holder: GoalHolder::Parent,
                how_we_know: None,
            },
        ],
        actions,
        safety: SafetySection {
            worries: Some(
                "Als het thuis uit de hand loopt, weet niemand wie er moet komen.".into(),
            ),
            working_well: Some("Er zijn mensen die altijd opnemen als er gebeld wordt.".into()),
            needs_to_happen: None,
            agreements: informal
                .first()
                .map(|m| SafetyAgreement {
                    id: "demo-afspraak-1".into(),
                    concern: "Ruzie thuis in de avond".into(),
                    agreement: "De jongere mag dan altijd komen slapen".into(),
                    who_watches: m.name.clone(),
                    if_wrong: "Bellen met het wijkteam of de crisisdienst".into(),
                })
                .into_iter()
                .collect(),
        },
    }
}

/// Saves and adopts the plans of the first `count` cases of a fresh demo.
pub async fn add(
    store: &dyn Store,
    org: &OrgId,
    lead: &UserId,
    cases: &[(CaseId, &ImportedCase)],
    count: usize,
) -> anyhow::Result<()> {
    let scope = OrgScope::operator(org.clone());
    let now = Utc::now();
    for (id, case) in cases.iter().take(count) {
        let plan = plan_for(case, lead, now.date_naive());
        store
            .save_plan(
                &scope,
                id,
                &plan,
                0,
                crate::admin::operator_event(AuditAction::Update, org),
            )
            .await?;
        store
            .adopt_plan(
                &scope,
                id,
                &PlanAdoption {
                    id: steunkring_domain::ids::AuditId::generate().to_string(),
                    adopted_on: now.date_naive(),
                    adopted_at: now,
                    adopted_by: Some(lead.clone()),
                    meeting_id: None,
                },
                crate::admin::operator_event(AuditAction::Create, org),
            )
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use steunkring_domain::TeamId;
    use steunkring_domain::network::MemberId;

    /// Every demo plan names only people of its own case, and the network holds actions.
    #[test]
    fn demo_plans_refer_to_their_own_network() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).expect("date");
        let lead = UserId::from_stored("lead");
        let mut maker = super::super::people::CaseMaker::new(
            7,
            today,
            vec![TeamId::from_stored("t")],
            lead.clone(),
        );
        for _ in 0..25 {
            let case = maker.next_case().expect("case");
            let plan = plan_for(&case, &lead, today);
            let ids: Vec<MemberId> = case.members.iter().map(|m| m.id.clone()).collect();
            for a in &plan.actions {
                assert_eq!(
                    plan.check_references(a, &ids, case.details.parents.len()),
                    Ok(())
                );
            }
            let held_by_network = plan.actions.iter().filter(|a| a.who.is_member()).count();
            let informal = case.members.iter().filter(|m| m.is_informal()).count();
            assert_eq!(held_by_network, informal.min(MEMBER_TASKS.len()));
        }
    }
}
