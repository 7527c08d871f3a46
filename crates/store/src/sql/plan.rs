//! The plan's SQL, shared by both backends. Expanded inside [`impl_sql_store!`], so the
//! helpers there (`backend_err`, `append_in_tx`, `case_in_org`, …) are in scope.

/// Implements [`PlanStore`](crate::PlanStore); called by [`impl_sql_store!`](crate::impl_sql_store).
///
/// Every change writes its audit entry first: that takes the audit chain's head (a row lock
/// on PostgreSQL; SQLite's `BEGIN IMMEDIATE` already serialises writers), so two changes to a
/// plan never interleave — the revision check and the next version number cannot race.
#[macro_export]
#[doc(hidden)]
macro_rules! impl_plan_sql {
    ($store:ty, db = $db:ty) => {
        use $crate::{CurrentPlan, OverdueAction, PlanAdoption, PlanVersionSummary, SignOff};
        use steunkring_domain::meeting::{Invitee, Meeting, MeetingKind, MeetingStatus};
        use steunkring_domain::plan::{
            Action, ActionStatus, Goal, GoalHolder, Performer, Plan, ProgressNote, SafetyAgreement,
        };

        fn json_err(e: serde_json::Error) -> StoreError {
            StoreError::Backend(Box::new(e))
        }

        fn undecodable(what: &str) -> sqlx::Error {
            sqlx::Error::Decode(format!("unknown {what}").into())
        }

        /// The current plan of a case, read on one connection.
        async fn read_plan(conn: &mut <$db as sqlx::Database>::Connection, case: &CaseId) -> StoreResult<CurrentPlan> {
            let head = sqlx::query("SELECT revision, worries, working_well, needs_to_happen, updated_at FROM plans WHERE case_id = $1")
                .bind(case.as_str())
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend_err)?;
            let Some(head) = head else {
                return Ok(CurrentPlan { plan: Plan::default(), revision: 0, updated_at: None });
            };
            let goals = sqlx::query("SELECT id, text, holder, how_we_know FROM plan_goals WHERE case_id = $1 ORDER BY position")
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
            let actions = sqlx::query("SELECT id, what, performer, due_on, status, goal_id FROM plan_actions WHERE case_id = $1 ORDER BY position")
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
            let progress = sqlx::query("SELECT action_id, at, by_name, note, status FROM plan_progress WHERE case_id = $1 ORDER BY at, id")
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
            let agreements = sqlx::query("SELECT id, concern, agreement, who_watches, if_wrong FROM plan_agreements WHERE case_id = $1 ORDER BY position")
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
            let decode = || -> Result<CurrentPlan, sqlx::Error> {
                let goals = goals
                    .iter()
                    .map(|r| {
                        let holder: String = r.try_get("holder")?;
                        Ok(Goal {
                            id: r.try_get("id")?,
                            text: r.try_get("text")?,
                            holder: GoalHolder::parse(&holder).ok_or_else(|| undecodable("goal holder"))?,
                            how_we_know: r.try_get("how_we_know")?,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?;
                let mut notes: Vec<(String, ProgressNote)> = Vec::with_capacity(progress.len());
                for r in &progress {
                    let status: String = r.try_get("status")?;
                    notes.push((
                        r.try_get("action_id")?,
                        ProgressNote {
                            at: r.try_get("at")?,
                            by: r.try_get("by_name")?,
                            text: r.try_get("note")?,
                            status: ActionStatus::parse(&status).ok_or_else(|| undecodable("action status"))?,
                        },
                    ));
                }
                let actions = actions
                    .iter()
                    .map(|r| {
                        let id: String = r.try_get("id")?;
                        let who: String = r.try_get("performer")?;
                        let status: String = r.try_get("status")?;
                        let progress = notes.iter().filter(|(a, _)| *a == id).map(|(_, n)| n.clone()).collect();
                        Ok(Action {
                            what: r.try_get("what")?,
                            who: Performer::parse_code(&who).ok_or_else(|| undecodable("performer"))?,
                            due_on: r.try_get("due_on")?,
                            status: ActionStatus::parse(&status).ok_or_else(|| undecodable("action status"))?,
                            goal_id: r.try_get("goal_id")?,
                            progress,
                            id,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?;
                let agreements = agreements
                    .iter()
                    .map(|r| {
                        Ok(SafetyAgreement {
                            id: r.try_get("id")?,
                            concern: r.try_get("concern")?,
                            agreement: r.try_get("agreement")?,
                            who_watches: r.try_get("who_watches")?,
                            if_wrong: r.try_get("if_wrong")?,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?;
                Ok(CurrentPlan {
                    plan: Plan {
                        goals,
                        actions,
                        safety: steunkring_domain::plan::SafetySection {
                            worries: head.try_get("worries")?,
                            working_well: head.try_get("working_well")?,
                            needs_to_happen: head.try_get("needs_to_happen")?,
                            agreements,
                        },
                    },
                    revision: head.try_get("revision")?,
                    updated_at: head.try_get("updated_at")?,
                })
            };
            decode().map_err(backend_err)
        }

        /// Raises the plan's revision (creating its row), refusing when it is not `expected`.
        async fn bump_revision(tx: &mut Tx<'_>, case: &CaseId, expected: Option<i64>, at: DateTime<Utc>) -> StoreResult<i64> {
            let current: Option<i64> = sqlx::query("SELECT revision FROM plans WHERE case_id = $1")
                .bind(case.as_str())
                .fetch_optional(&mut **tx)
                .await
                .map_err(backend_err)?
                .map(|r| r.try_get("revision"))
                .transpose()
                .map_err(backend_err)?;
            let current = current.unwrap_or(0);
            if expected.is_some_and(|e| e != current) {
                return Err(StoreError::Conflict("plan"));
            }
            let next = current + 1;
            sqlx::query(
                "INSERT INTO plans (case_id, revision, updated_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (case_id) DO UPDATE SET revision = excluded.revision, updated_at = excluded.updated_at",
            )
            .bind(case.as_str())
            .bind(next)
            .bind(at)
            .execute(&mut **tx)
            .await
            .map_err(backend_err)?;
            Ok(next)
        }

        fn plan_version_from_row(row: &<$db as sqlx::Database>::Row) -> Result<PlanVersionSummary, sqlx::Error> {
            Ok(PlanVersionSummary {
                id: row.try_get("id")?,
                number: row.try_get("number")?,
                adopted_on: row.try_get("adopted_on")?,
                adopted_at: row.try_get("adopted_at")?,
                meeting_id: row.try_get("meeting_id")?,
                sign_offs: Vec::new(),
            })
        }

        fn meeting_from_row(row: &<$db as sqlx::Database>::Row) -> Result<Meeting, sqlx::Error> {
            let kind: String = row.try_get("kind")?;
            let status: String = row.try_get("status")?;
            let invitees: String = row.try_get("invitees")?;
            let minutes: i64 = row.try_get("minutes")?;
            let private: Option<i64> = row.try_get("private_minutes")?;
            Ok(Meeting {
                id: row.try_get("id")?,
                kind: MeetingKind::parse(&kind).ok_or_else(|| undecodable("meeting kind"))?,
                own_question: row.try_get("own_question")?,
                starts_at: row.try_get("starts_at")?,
                minutes: u16::try_from(minutes).map_err(|_| undecodable("meeting length"))?,
                location: row.try_get("location")?,
                status: MeetingStatus::parse(&status).ok_or_else(|| undecodable("meeting status"))?,
                invitees: serde_json::from_str::<Vec<Invitee>>(&invitees).map_err(|e| sqlx::Error::Decode(Box::new(e)))?,
                private_minutes: private.map(u16::try_from).transpose().map_err(|_| undecodable("private time"))?,
                notes: row.try_get("notes")?,
                plan_version: row.try_get("plan_version")?,
            })
        }

        #[async_trait::async_trait]
        impl $crate::PlanStore for $store {
            async fn plan(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<CurrentPlan> {
                let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                case_in_org(&mut *conn, scope, case).await?;
                read_plan(&mut conn, case).await
            }

            async fn save_plan(&self, scope: &OrgScope, case: &CaseId, plan: &Plan, revision: i64, audit: AuditEvent) -> StoreResult<i64> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                let at = audit.at;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("plan", case.as_str())).await?;
                let next = bump_revision(&mut tx, case, Some(revision), at).await?;
                sqlx::query("UPDATE plans SET worries = $1, working_well = $2, needs_to_happen = $3 WHERE case_id = $4")
                    .bind(plan.safety.worries.as_deref())
                    .bind(plan.safety.working_well.as_deref())
                    .bind(plan.safety.needs_to_happen.as_deref())
                    .bind(case.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                // Goals and agreements carry nothing else: replace them. Actions keep their
                // progress notes, so they are kept by id and only the removed ones go.
                for delete in ["DELETE FROM plan_goals WHERE case_id = $1", "DELETE FROM plan_agreements WHERE case_id = $1"] {
                    sqlx::query(delete)
                        .bind(case.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                }
                for (position, g) in plan.goals.iter().enumerate() {
                    sqlx::query("INSERT INTO plan_goals (case_id, id, position, text, holder, how_we_know) VALUES ($1, $2, $3, $4, $5, $6)")
                        .bind(case.as_str())
                        .bind(&g.id)
                        .bind(i64::try_from(position).unwrap_or(i64::MAX))
                        .bind(&g.text)
                        .bind(g.holder.as_str())
                        .bind(g.how_we_know.as_deref())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                }
                for (position, a) in plan.safety.agreements.iter().enumerate() {
                    sqlx::query(
                        "INSERT INTO plan_agreements (case_id, id, position, concern, agreement, who_watches, if_wrong) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    )
                    .bind(case.as_str())
                    .bind(&a.id)
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(&a.concern)
                    .bind(&a.agreement)
                    .bind(&a.who_watches)
                    .bind(&a.if_wrong)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                }
                let existing: Vec<String> = sqlx::query("SELECT id FROM plan_actions WHERE case_id = $1")
                    .bind(case.as_str())
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(backend_err)?
                    .iter()
                    .map(|r| r.try_get("id"))
                    .collect::<Result<_, _>>()
                    .map_err(backend_err)?;
                for gone in existing.iter().filter(|id| !plan.actions.iter().any(|a| &a.id == *id)) {
                    sqlx::query("DELETE FROM plan_actions WHERE case_id = $1 AND id = $2")
                        .bind(case.as_str())
                        .bind(gone)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                }
                for (position, a) in plan.actions.iter().enumerate() {
                    let member = match &a.who {
                        Performer::Member(m) => Some(m.as_str().to_string()),
                        _ => None,
                    };
                    sqlx::query(
                        "INSERT INTO plan_actions (case_id, id, position, what, performer, performer_member, due_on, status, goal_id) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
                         ON CONFLICT (case_id, id) DO UPDATE SET position = excluded.position, what = excluded.what, \
                         performer = excluded.performer, performer_member = excluded.performer_member, due_on = excluded.due_on, \
                         status = excluded.status, goal_id = excluded.goal_id",
                    )
                    .bind(case.as_str())
                    .bind(&a.id)
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(&a.what)
                    .bind(a.who.as_code())
                    .bind(member)
                    .bind(a.due_on)
                    .bind(a.status.as_str())
                    .bind(a.goal_id.as_deref())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                }
                tx.commit().await.map_err(backend_err)?;
                Ok(next)
            }

            async fn record_progress(&self, scope: &OrgScope, case: &CaseId, action: &str, note: &ProgressNote, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                let at = audit.at;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("plan_action", action)).await?;
                let changed = sqlx::query("UPDATE plan_actions SET status = $1 WHERE case_id = $2 AND id = $3")
                    .bind(note.status.as_str())
                    .bind(case.as_str())
                    .bind(action)
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                if changed.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                sqlx::query(
                    "INSERT INTO plan_progress (id, case_id, action_id, at, by_name, note, status) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(AuditId::generate().to_string())
                .bind(case.as_str())
                .bind(action)
                .bind(note.at)
                .bind(&note.by)
                .bind(note.text.as_deref())
                .bind(note.status.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                bump_revision(&mut tx, case, None, at).await?;
                tx.commit().await.map_err(backend_err)
            }

            async fn adopt_plan(&self, scope: &OrgScope, case: &CaseId, adoption: &PlanAdoption, audit: AuditEvent) -> StoreResult<PlanVersionSummary> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("plan_version", adoption.id.as_str())).await?;
                let current = read_plan(&mut tx, case).await?;
                let snapshot = serde_json::to_string(&current.plan).map_err(json_err)?;
                let number: i64 = sqlx::query("SELECT COALESCE(MAX(number), 0) + 1 AS next FROM plan_versions WHERE case_id = $1")
                    .bind(case.as_str())
                    .fetch_one(&mut *tx)
                    .await
                    .and_then(|r| r.try_get("next"))
                    .map_err(backend_err)?;
                if let Some(meeting) = &adoption.meeting_id {
                    let linked = sqlx::query("UPDATE meetings SET plan_version = $1, status = 'held' WHERE id = $2 AND case_id = $3")
                        .bind(&adoption.id)
                        .bind(meeting)
                        .bind(case.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    if linked.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                }
                sqlx::query(
                    "INSERT INTO plan_versions (id, case_id, number, adopted_on, adopted_at, adopted_by, meeting_id, plan) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&adoption.id)
                .bind(case.as_str())
                .bind(number)
                .bind(adoption.adopted_on)
                .bind(adoption.adopted_at)
                .bind(adoption.adopted_by.as_ref().map(|u| u.as_str().to_string()))
                .bind(adoption.meeting_id.as_deref())
                .bind(&snapshot)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)?;
                Ok(PlanVersionSummary {
                    id: adoption.id.clone(),
                    number,
                    adopted_on: adoption.adopted_on,
                    adopted_at: adoption.adopted_at,
                    meeting_id: adoption.meeting_id.clone(),
                    sign_offs: Vec::new(),
                })
            }

            async fn plan_versions(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<PlanVersionSummary>> {
                let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                case_in_org(&mut *conn, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, number, adopted_on, adopted_at, meeting_id FROM plan_versions WHERE case_id = $1 ORDER BY number DESC",
                )
                .bind(case.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_err)?;
                let signs = sqlx::query("SELECT version_id, participant_id, name, at FROM plan_signoffs WHERE case_id = $1 ORDER BY at")
                    .bind(case.as_str())
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(backend_err)?;
                let mut versions = rows.iter().map(plan_version_from_row).collect::<Result<Vec<_>, _>>().map_err(backend_err)?;
                for r in &signs {
                    let version: String = r.try_get("version_id").map_err(backend_err)?;
                    let sign = SignOff {
                        participant_id: r.try_get("participant_id").map_err(backend_err)?,
                        name: r.try_get("name").map_err(backend_err)?,
                        at: r.try_get("at").map_err(backend_err)?,
                    };
                    if let Some(v) = versions.iter_mut().find(|v| v.id == version) {
                        v.sign_offs.push(sign);
                    }
                }
                Ok(versions)
            }

            async fn plan_version(&self, scope: &OrgScope, case: &CaseId, version: &str) -> StoreResult<(PlanVersionSummary, Plan)> {
                let versions = self.plan_versions(scope, case).await?;
                let summary = versions.into_iter().find(|v| v.id == version).ok_or(StoreError::NotFound)?;
                let row = sqlx::query("SELECT plan FROM plan_versions WHERE id = $1 AND case_id = $2")
                    .bind(version)
                    .bind(case.as_str())
                    .fetch_one(&self.pool)
                    .await
                    .map_err(backend_err)?;
                let raw: String = row.try_get("plan").map_err(backend_err)?;
                let plan: Plan = serde_json::from_str(&raw).map_err(json_err)?;
                Ok((summary, plan))
            }

            async fn sign_off(&self, scope: &OrgScope, case: &CaseId, version: &str, sign_off: &SignOff, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("plan_sign_off", version)).await?;
                sqlx::query("SELECT 1 AS one FROM plan_versions WHERE id = $1 AND case_id = $2")
                    .bind(version)
                    .bind(case.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                let inserted = sqlx::query(
                    "INSERT INTO plan_signoffs (version_id, case_id, participant_id, name, at) VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (version_id, participant_id) DO NOTHING",
                )
                .bind(version)
                .bind(case.as_str())
                .bind(&sign_off.participant_id)
                .bind(&sign_off.name)
                .bind(sign_off.at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                if inserted.rows_affected() == 0 {
                    return Err(StoreError::Conflict("sign_off"));
                }
                tx.commit().await.map_err(backend_err)
            }

            async fn overdue_actions(&self, scope: &OrgScope, teams: &[TeamId], today: chrono::NaiveDate, limit: i64) -> StoreResult<Vec<OverdueAction>> {
                if teams.is_empty() {
                    return Ok(Vec::new());
                }
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "SELECT a.case_id, c.youth_name, a.id, a.what, a.due_on FROM plan_actions a JOIN cases c ON c.id = a.case_id \
                     WHERE a.status IN ('open', 'doing') AND a.case_open = 1 AND a.due_on < ",
                );
                // Driven from the overdue actions of open cases in the page's order (index
                // `plan_actions_overdue`; `case_open` is kept by triggers), each checked against
                // its case, so the search ends with the first `limit` that belong to the teams.
                q.push_bind(today);
                q.push(" AND EXISTS (SELECT 1 FROM cases k WHERE k.id = a.case_id AND k.status = 'open' AND k.org_id = ");
                q.push_bind(scope.org_id().as_str().to_string());
                q.push(" AND k.team_id IN (");
                let mut sep = q.separated(", ");
                for t in teams {
                    sep.push_bind(t.as_str().to_string());
                }
                q.push(")) ORDER BY a.due_on, a.case_id LIMIT ");
                q.push_bind(limit.clamp(1, 500));
                let rows = q.build().fetch_all(&self.pool).await.map_err(backend_err)?;
                rows.iter()
                    .map(|r| {
                        Ok(OverdueAction {
                            case_id: CaseId::from_stored(r.try_get::<String, _>("case_id")?),
                            youth_name: r.try_get("youth_name")?,
                            action_id: r.try_get("id")?,
                            what: r.try_get("what")?,
                            due_on: r.try_get("due_on")?,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()
                    .map_err(backend_err)
            }

            async fn create_meeting(&self, scope: &OrgScope, case: &CaseId, m: &Meeting, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                let at = audit.at;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("meeting", m.id.as_str())).await?;
                let invitees = serde_json::to_string(&m.invitees).map_err(json_err)?;
                sqlx::query(
                    "INSERT INTO meetings (id, case_id, kind, own_question, starts_at, minutes, location, status, invitees, \
                     private_minutes, notes, plan_version, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
                )
                .bind(&m.id)
                .bind(case.as_str())
                .bind(m.kind.as_str())
                .bind(&m.own_question)
                .bind(m.starts_at)
                .bind(i64::from(m.minutes))
                .bind(m.location.as_deref())
                .bind(m.status.as_str())
                .bind(&invitees)
                .bind(m.private_minutes.map(i64::from))
                .bind(m.notes.as_deref())
                .bind(m.plan_version.as_deref())
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn update_meeting(&self, scope: &OrgScope, case: &CaseId, m: &Meeting, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("meeting", m.id.as_str())).await?;
                let invitees = serde_json::to_string(&m.invitees).map_err(json_err)?;
                let changed = sqlx::query(
                    "UPDATE meetings SET status = $1, invitees = $2, private_minutes = $3, notes = $4 WHERE id = $5 AND case_id = $6",
                )
                .bind(m.status.as_str())
                .bind(&invitees)
                .bind(m.private_minutes.map(i64::from))
                .bind(m.notes.as_deref())
                .bind(&m.id)
                .bind(case.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                if changed.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                tx.commit().await.map_err(backend_err)
            }

            async fn meetings(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<Meeting>> {
                let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                case_in_org(&mut *conn, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, kind, own_question, starts_at, minutes, location, status, invitees, private_minutes, notes, plan_version \
                     FROM meetings WHERE case_id = $1 ORDER BY starts_at, id",
                )
                    .bind(case.as_str())
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(backend_err)?;
                rows.iter().map(meeting_from_row).collect::<Result<_, _>>().map_err(backend_err)
            }

            async fn meeting(&self, scope: &OrgScope, case: &CaseId, id: &str) -> StoreResult<Meeting> {
                let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                case_in_org(&mut *conn, scope, case).await?;
                let row = sqlx::query(
                    "SELECT id, kind, own_question, starts_at, minutes, location, status, invitees, private_minutes, notes, plan_version \
                     FROM meetings WHERE id = $1 AND case_id = $2",
                )
                    .bind(id)
                    .bind(case.as_str())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                meeting_from_row(&row).map_err(backend_err)
            }
        }
    };
}
