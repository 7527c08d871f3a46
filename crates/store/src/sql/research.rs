//! The SQL of the research dataset, shared by both backends. Expanded inside
//! [`impl_sql_store!`], so the helpers there (`backend_err`, `append_in_tx`, `member_from_row`,
//! `parties_from_text`, …) are in scope.
//!
//! Two statements read the organisation's consents for research, and the rules decide in Rust
//! which cases are in (a consent's status depends on its givings, its period and the day). The
//! other statements each read one kind of data for every candidate case at once — a case with a
//! research consent on the measurements that is not withdrawn — and the rows of cases the rules
//! left out are dropped: a fixed number of statements, however many cases.

/// Implements [`ResearchStore`](crate::ResearchStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_research_sql {
    ($store:ty, db = $db:ty) => {
        // A block of its own, so that these names never meet those of the other areas.
        const _: () = {
        use $crate::{ResearchRow, Network};
        use std::collections::{BTreeMap, HashMap};
        use steunkring_domain::consent::research_scope;
        use steunkring_domain::measure::{Outcome, OutcomeKind, SupportCheck};
        use steunkring_domain::plan::{Action, ActionStatus, Goal, GoalHolder, Performer, Plan};
        use steunkring_domain::research::{ScreeningFact, SelfReportFact};

        /// The cases that may be in: `$1` is the organisation. A superset; the rules decide.
        macro_rules! research_candidates {
            () => {
                "SELECT k.id FROM cases k WHERE k.org_id = $1 AND EXISTS (SELECT 1 FROM consents rc \
                 WHERE rc.case_id = k.id AND rc.recipient = 'role:research' AND rc.category = 'measurements' \
                 AND rc.withdrawn_at IS NULL)"
            };
        }

        /// Statements 3–13, each with the organisation as `$1`, in the order they are taken
        /// apart in `research_rows`.
        const RESEARCH_READS: [&str; 11] = [
            // 3: the cases, with their team and whether they have a plan.
            concat!(
                "SELECT k.id AS case_id, k.birth_date, k.setting, k.opened_on, k.closed_on, t.name AS team_name, \
                 EXISTS (SELECT 1 FROM plans p WHERE p.case_id = k.id) AS has_plan \
                 FROM cases k JOIN teams t ON t.id = k.team_id WHERE k.id IN (", research_candidates!(), ")",
            ),
            // 4: the members now, without names, relations or notes.
            concat!(
                "SELECT case_id, id, CAST('' AS TEXT) AS name, CAST('' AS TEXT) AS relation, ring, sector, level, support, \
                 tie_quality, stance, roles, CAST(NULL AS TEXT) AS protective, CAST(NULL AS TEXT) AS risk, available, is_adult, \
                 known_years, contact_frequency FROM members WHERE case_id IN (", research_candidates!(), ") ORDER BY case_id, position",
            ),
            // 5: the ties now.
            concat!(
                "SELECT case_id, from_member, to_member, kind FROM ties WHERE case_id IN (", research_candidates!(),
                ") ORDER BY case_id, from_member, to_member",
            ),
            // 6: the first saved version of each map.
            concat!(
                "SELECT v.case_id, v.snapshot FROM map_versions v WHERE v.case_id IN (", research_candidates!(), ") \
                 AND v.id = (SELECT w.id FROM map_versions w WHERE w.case_id = v.case_id ORDER BY w.taken_on, w.created_at, w.id LIMIT 1)",
            ),
            // 7: support figures not ended.
            concat!(
                "SELECT case_id, CAST(COUNT(*) AS BIGINT) AS n FROM support_figures WHERE case_id IN (", research_candidates!(),
                ") AND status <> 'ended' GROUP BY case_id",
            ),
            // 8–9: the plan's goals and actions, without their texts.
            concat!(
                "SELECT case_id, id, holder FROM plan_goals WHERE case_id IN (", research_candidates!(), ") ORDER BY case_id, position",
            ),
            concat!(
                "SELECT case_id, id, performer, due_on, status, goal_id FROM plan_actions WHERE case_id IN (",
                research_candidates!(), ") ORDER BY case_id, position",
            ),
            // 10–13: the measurements.
            concat!(
                "SELECT case_id, kind, happened_on FROM outcomes WHERE case_id IN (", research_candidates!(),
                ") ORDER BY case_id, happened_on, created_at, id",
            ),
            concat!(
                "SELECT case_id, respondent, started_on, finished_on, answers FROM support_checks WHERE case_id IN (",
                research_candidates!(), ") ORDER BY case_id, started_on, created_at, id",
            ),
            concat!(
                "SELECT case_id, screened_on, CAST(problem_count AS BIGINT) AS problem_count FROM screenings WHERE case_id IN (",
                research_candidates!(), ") ORDER BY case_id, created_at, id",
            ),
            concat!(
                "SELECT case_id, answered_on, CAST(feels_supported AS BIGINT) AS feels_supported, \
                 CAST(satisfied_with_help AS BIGINT) AS satisfied_with_help, \
                 CAST(satisfied_with_support_figures AS BIGINT) AS satisfied_with_support_figures \
                 FROM self_reports WHERE case_id IN (", research_candidates!(), ") ORDER BY case_id, created_at, id",
            ),
        ];

        fn research_undecodable(what: &str) -> StoreError {
            StoreError::Backend(format!("stored research data has an unknown {what}").into())
        }

        /// The rows of one statement grouped by their `case_id`, for the cases that are in.
        fn by_case<'r>(
            rows: &'r [<$db as sqlx::Database>::Row],
            included: &HashMap<String, steunkring_domain::consent::ResearchScope>,
        ) -> StoreResult<HashMap<String, Vec<&'r <$db as sqlx::Database>::Row>>> {
            let mut grouped: HashMap<String, Vec<&<$db as sqlx::Database>::Row>> = HashMap::new();
            for r in rows {
                let case: String = r.try_get("case_id").map_err(backend_err)?;
                if included.contains_key(&case) {
                    grouped.entry(case).or_default().push(r);
                }
            }
            Ok(grouped)
        }

        /// A member as the dataset may hold it: no name, relation or notes.
        fn blank(mut network: Network) -> Network {
            for m in &mut network.members {
                m.name.clear();
                m.relation.clear();
                m.protective = None;
                m.risk = None;
            }
            network
        }

        #[async_trait::async_trait]
        impl $crate::ResearchStore for $store {
            async fn research_rows(&self, scope: &OrgScope, today: chrono::NaiveDate, audit: AuditEvent) -> StoreResult<Vec<ResearchRow>> {
                let org = scope.org_id().as_str();
                let mut tx = self.begin_write().await.map_err(backend_err)?;

                // 1–2: the consents for research and their givings.
                let consent_rows = sqlx::query(
                    "SELECT c.id, c.case_id, c.category, c.valid_from, c.valid_until, c.required, c.withdrawn_party, c.withdrawn_at \
                     FROM consents c JOIN cases k ON k.id = c.case_id WHERE k.org_id = $1 AND c.recipient = 'role:research'",
                )
                .bind(org)
                .fetch_all(&mut *tx)
                .await
                .map_err(backend_err)?;
                let giving_rows = sqlx::query(
                    "SELECT g.consent_id, g.party, g.at, g.how FROM consent_givings g JOIN consents c ON c.id = g.consent_id \
                     JOIN cases k ON k.id = c.case_id WHERE k.org_id = $1 AND c.recipient = 'role:research'",
                )
                .bind(org)
                .fetch_all(&mut *tx)
                .await
                .map_err(backend_err)?;
                let mut given: HashMap<String, Vec<Given>> = HashMap::new();
                for g in &giving_rows {
                    let party: String = g.try_get("party").map_err(backend_err)?;
                    given.entry(g.try_get("consent_id").map_err(backend_err)?).or_default().push(Given {
                        party: Party::parse_code(&party).ok_or_else(|| research_undecodable("party"))?,
                        at: g.try_get("at").map_err(backend_err)?,
                        how: g.try_get("how").map_err(backend_err)?,
                        by_user: None,
                    });
                }
                let mut consents: HashMap<String, Vec<Consent>> = HashMap::new();
                for r in &consent_rows {
                    let id: String = r.try_get("id").map_err(backend_err)?;
                    let category: String = r.try_get("category").map_err(backend_err)?;
                    let withdrawn_party: Option<String> = r.try_get("withdrawn_party").map_err(backend_err)?;
                    let withdrawn_at: Option<DateTime<Utc>> = r.try_get("withdrawn_at").map_err(backend_err)?;
                    let consent = Consent {
                        category: Category::parse(&category).ok_or_else(|| research_undecodable("category"))?,
                        recipient: Recipient::Role(steunkring_domain::consent::RecipientRole::Research),
                        valid_from: r.try_get("valid_from").map_err(backend_err)?,
                        valid_until: r.try_get("valid_until").map_err(backend_err)?,
                        required: parties_from_text(&r.try_get::<String, _>("required").map_err(backend_err)?),
                        given: given.remove(&id).unwrap_or_default(),
                        withdrawn: match (withdrawn_party.as_deref().and_then(Party::parse_code), withdrawn_at) {
                            (Some(party), Some(at)) => Some(Withdrawal { party, at }),
                            _ => None,
                        },
                        id,
                    };
                    consents.entry(r.try_get("case_id").map_err(backend_err)?).or_default().push(consent);
                }
                let included: HashMap<String, steunkring_domain::consent::ResearchScope> = consents
                    .iter()
                    .filter_map(|(case, list)| research_scope(list, today).map(|s| (case.clone(), s)))
                    .collect();

                let mut rows: BTreeMap<String, ResearchRow> = BTreeMap::new();
                if !included.is_empty() {
                    let mut reads = Vec::with_capacity(RESEARCH_READS.len());
                    for sql in RESEARCH_READS {
                        reads.push(sqlx::query(sql).bind(org).fetch_all(&mut *tx).await.map_err(backend_err)?);
                    }
                    let [case_rows, member_rows, tie_rows, version_rows, figure_rows, goal_rows, action_rows, outcome_rows, check_rows, screening_rows, report_rows] =
                        <[Vec<<$db as sqlx::Database>::Row>; 11]>::try_from(reads).map_err(|_| research_undecodable("read"))?;

                    for r in &case_rows {
                        let id: String = r.try_get("case_id").map_err(backend_err)?;
                        let Some(research) = included.get(&id) else { continue };
                        let setting: String = r.try_get("setting").map_err(backend_err)?;
                        let has_plan: bool = r.try_get("has_plan").map_err(backend_err)?;
                        rows.insert(id.clone(), ResearchRow {
                            case_id: CaseId::from_stored(id.clone()),
                            birth_date: r.try_get("birth_date").map_err(backend_err)?,
                            setting: Setting::parse(&setting).ok_or_else(|| research_undecodable("setting"))?,
                            team: r.try_get("team_name").map_err(backend_err)?,
                            opened_on: r.try_get("opened_on").map_err(backend_err)?,
                            closed_on: r.try_get("closed_on").map_err(backend_err)?,
                            scope: *research,
                            start: None,
                            network: Network { members: vec![], ties: vec![] },
                            support_figures: 0,
                            plan: has_plan.then(Plan::default),
                            outcomes: vec![],
                            support_checks: vec![],
                            screenings: vec![],
                            self_reports: vec![],
                        });
                    }
                    for (case, list) in by_case(&member_rows, &included)? {
                        let members = list.into_iter().map(member_from_row).collect::<Result<Vec<_>, _>>().map_err(backend_err)?;
                        if let Some(row) = rows.get_mut(&case) { row.network.members = members; }
                    }
                    for (case, list) in by_case(&tie_rows, &included)? {
                        let ties = list.into_iter().map(tie_from_row).collect::<Result<Vec<_>, _>>().map_err(backend_err)?;
                        if let Some(row) = rows.get_mut(&case) { row.network.ties = ties; }
                    }
                    for (case, list) in by_case(&version_rows, &included)? {
                        for r in list {
                            let snapshot: String = r.try_get("snapshot").map_err(backend_err)?;
                            let network: Network = serde_json::from_str(&snapshot).map_err(|e| StoreError::Backend(Box::new(e)))?;
                            if let Some(row) = rows.get_mut(&case) { row.start = Some(blank(network)); }
                        }
                    }
                    for (case, list) in by_case(&figure_rows, &included)? {
                        for r in list {
                            let n: i64 = r.try_get("n").map_err(backend_err)?;
                            if let Some(row) = rows.get_mut(&case) { row.support_figures = usize::try_from(n).unwrap_or(0); }
                        }
                    }
                    for (case, list) in by_case(&goal_rows, &included)? {
                        let Some(plan) = rows.get_mut(&case).and_then(|row| row.plan.as_mut()) else { continue };
                        for r in list {
                            let holder: String = r.try_get("holder").map_err(backend_err)?;
                            plan.goals.push(Goal {
                                id: r.try_get("id").map_err(backend_err)?,
                                text: String::new(),
                                holder: GoalHolder::parse(&holder).ok_or_else(|| research_undecodable("goal holder"))?,
                                how_we_know: None,
                            });
                        }
                    }
                    for (case, list) in by_case(&action_rows, &included)? {
                        let Some(plan) = rows.get_mut(&case).and_then(|row| row.plan.as_mut()) else { continue };
                        for r in list {
                            let who: String = r.try_get("performer").map_err(backend_err)?;
                            let status: String = r.try_get("status").map_err(backend_err)?;
                            plan.actions.push(Action {
                                id: r.try_get("id").map_err(backend_err)?,
                                what: String::new(),
                                who: Performer::parse_code(&who).ok_or_else(|| research_undecodable("performer"))?,
                                due_on: r.try_get("due_on").map_err(backend_err)?,
                                status: ActionStatus::parse(&status).ok_or_else(|| research_undecodable("action status"))?,
                                goal_id: r.try_get("goal_id").map_err(backend_err)?,
                                progress: vec![],
                            });
                        }
                    }
                    for (case, list) in by_case(&outcome_rows, &included)? {
                        let Some(row) = rows.get_mut(&case) else { continue };
                        for r in list {
                            let kind: String = r.try_get("kind").map_err(backend_err)?;
                            row.outcomes.push(Outcome {
                                kind: OutcomeKind::parse(&kind).ok_or_else(|| research_undecodable("outcome"))?,
                                on: r.try_get("happened_on").map_err(backend_err)?,
                                note: None,
                            });
                        }
                    }
                    for (case, list) in by_case(&check_rows, &included)? {
                        let Some(row) = rows.get_mut(&case) else { continue };
                        for r in list {
                            let respondent: String = r.try_get("respondent").map_err(backend_err)?;
                            let started_on: chrono::NaiveDate = r.try_get("started_on").map_err(backend_err)?;
                            let finished_on: Option<chrono::NaiveDate> = r.try_get("finished_on").map_err(backend_err)?;
                            let answers: String = r.try_get("answers").map_err(backend_err)?;
                            let answers: serde_json::Value = serde_json::from_str(&answers).map_err(|e| StoreError::Backend(Box::new(e)))?;
                            let check: SupportCheck = serde_json::from_value(serde_json::json!({
                                "respondent": respondent,
                                "started_on": started_on,
                                "finished_on": finished_on,
                                "answers": answers,
                            }))
                            .map_err(|e| StoreError::Backend(Box::new(e)))?;
                            row.support_checks.push(check);
                        }
                    }
                    let grade = |r: &<$db as sqlx::Database>::Row, column: &str| -> StoreResult<Option<u8>> {
                        let n: Option<i64> = r.try_get(column).map_err(backend_err)?;
                        n.map(|n| u8::try_from(n).map_err(|_| research_undecodable("grade"))).transpose()
                    };
                    for (case, list) in by_case(&screening_rows, &included)? {
                        let Some(row) = rows.get_mut(&case) else { continue };
                        for r in list {
                            row.screenings.push(ScreeningFact {
                                on: r.try_get("screened_on").map_err(backend_err)?,
                                problems: grade(r, "problem_count")?.unwrap_or(0),
                            });
                        }
                    }
                    for (case, list) in by_case(&report_rows, &included)? {
                        let Some(row) = rows.get_mut(&case) else { continue };
                        for r in list {
                            row.self_reports.push(SelfReportFact {
                                on: r.try_get("answered_on").map_err(backend_err)?,
                                feels_supported: grade(r, "feels_supported")?.unwrap_or(0),
                                satisfied_with_help: grade(r, "satisfied_with_help")?.unwrap_or(0),
                                satisfied_with_support_figures: grade(r, "satisfied_with_support_figures")?,
                            });
                        }
                    }
                }

                let audit = audit.object("research_dataset", rows.len().to_string());
                append_in_tx(&mut tx, &audit).await?;
                tx.commit().await.map_err(backend_err)?;
                Ok(rows.into_values().collect())
            }
        }
        };
    };
}
