//! The SQL of the measurements (support checks, screenings, self-reports, outcomes and the check
//! schedule), shared by both backends. Expanded inside
//! [`impl_sql_store!`], so the helpers there (`backend_err`, `append_in_tx`, `case_in_org`, …)
//! are in scope.
//!
//! A check is one row; its answers are kept as JSON text and read back through the domain's
//! own rules (no member twice, not finished before it started). Every change writes its audit
//! entry first in its transaction, so the check that follows reads the latest committed state.

/// Implements [`MeasureStore`](crate::MeasureStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_measure_sql {
    ($store:ty, db = $db:ty) => {
        // A block of its own, so that these names never meet those of the other areas.
        const _: () = {
        use $crate::{CheckSchedule, StoredOutcome, StoredScreening, StoredSelfReport, StoredSupportCheck};
        use steunkring_domain::measure::{
            CheckInterval, Grade, MemberAnswer, Note, OpenAnswer, Outcome, OutcomeKind, Screening, SelfReport, SupportCheck,
        };

        fn decode(what: &'static str) -> StoreError {
            StoreError::Backend(Box::new(sqlx::Error::Decode(what.into())))
        }

        fn screening_from_row(r: &<$db as sqlx::Database>::Row) -> StoreResult<StoredScreening> {
            let get = |e: sqlx::Error| backend_err(e);
            let screened_on: chrono::NaiveDate = r.try_get("screened_on").map_err(get)?;
            let domains: String = r.try_get("domains").map_err(get)?;
            let domains: serde_json::Value = serde_json::from_str(&domains).map_err(measure_json_err)?;
            // Read back through the domain's rules: every one of the seven domains answered.
            let screening: Screening = serde_json::from_value(serde_json::json!({
                "screened_on": screened_on,
                "domains": domains,
            }))
            .map_err(measure_json_err)?;
            Ok(StoredScreening {
                id: r.try_get("id").map_err(get)?,
                screening,
                recorded_by: r.try_get("recorded_by").map_err(get)?,
                created_at: r.try_get("created_at").map_err(get)?,
            })
        }

        fn self_report_from_row(r: &<$db as sqlx::Database>::Row) -> StoreResult<StoredSelfReport> {
            let get = |e: sqlx::Error| backend_err(e);
            let grade = |column: &'static str| -> StoreResult<Grade> {
                let n: i64 = r.try_get(column).map_err(get)?;
                Grade::from_number(column, n).map_err(|_| decode("grade"))
            };
            let figures: Option<i64> = r.try_get("satisfied_with_support_figures").map_err(get)?;
            let open_answer: Option<String> = r.try_get("open_answer").map_err(get)?;
            Ok(StoredSelfReport {
                id: r.try_get("id").map_err(get)?,
                report: SelfReport {
                    answered_on: r.try_get("answered_on").map_err(get)?,
                    feels_supported: grade("feels_supported")?,
                    satisfied_with_help: grade("satisfied_with_help")?,
                    satisfied_with_support_figures: figures
                        .map(|n| Grade::from_number("satisfied_with_support_figures", n))
                        .transpose()
                        .map_err(|_| decode("grade"))?,
                    open_answer: open_answer
                        .map(OpenAnswer::try_from)
                        .transpose()
                        .map_err(|_| decode("open answer"))?,
                },
                participant_id: r.try_get("participant_id").map_err(get)?,
                recorded_by: r.try_get("recorded_by").map_err(get)?,
                created_at: r.try_get("created_at").map_err(get)?,
            })
        }

        fn outcome_from_row(r: &<$db as sqlx::Database>::Row) -> StoreResult<StoredOutcome> {
            let get = |e: sqlx::Error| backend_err(e);
            let kind: String = r.try_get("kind").map_err(get)?;
            let note: Option<String> = r.try_get("note").map_err(get)?;
            Ok(StoredOutcome {
                id: r.try_get("id").map_err(get)?,
                outcome: Outcome {
                    kind: OutcomeKind::parse(&kind).ok_or_else(|| decode("outcome kind"))?,
                    on: r.try_get("happened_on").map_err(get)?,
                    note: note.map(Note::try_from).transpose().map_err(|_| decode("note"))?,
                },
                recorded_by: r.try_get("recorded_by").map_err(get)?,
                created_at: r.try_get("created_at").map_err(get)?,
            })
        }

        fn measure_json_err(e: serde_json::Error) -> StoreError {
            StoreError::Backend(Box::new(e))
        }

        fn check_from_row(r: &<$db as sqlx::Database>::Row) -> StoreResult<StoredSupportCheck> {
            let get = |e: sqlx::Error| backend_err(e);
            let respondent: String = r.try_get("respondent").map_err(get)?;
            let started_on: chrono::NaiveDate = r.try_get("started_on").map_err(get)?;
            let finished_on: Option<chrono::NaiveDate> = r.try_get("finished_on").map_err(get)?;
            let answers: String = r.try_get("answers").map_err(get)?;
            let answers: serde_json::Value = serde_json::from_str(&answers).map_err(measure_json_err)?;
            let check: SupportCheck = serde_json::from_value(serde_json::json!({
                "respondent": respondent,
                "started_on": started_on,
                "finished_on": finished_on,
                "answers": answers,
            }))
            .map_err(measure_json_err)?;
            Ok(StoredSupportCheck {
                id: r.try_get("id").map_err(get)?,
                check,
                participant_id: r.try_get("participant_id").map_err(get)?,
                created_at: r.try_get("created_at").map_err(get)?,
            })
        }

        async fn read_check<'e, E>(exec: E, case: &CaseId, id: &str) -> StoreResult<StoredSupportCheck>
        where
            E: sqlx::Executor<'e, Database = $db>,
        {
            let row = sqlx::query(
                "SELECT id, respondent, started_on, finished_on, answers, participant_id, created_at FROM support_checks WHERE id = $1 AND case_id = $2",
            )
            .bind(id)
            .bind(case.as_str())
            .fetch_optional(exec)
            .await
            .map_err(backend_err)?
            .ok_or(StoreError::NotFound)?;
            check_from_row(&row)
        }

        async fn write_check(tx: &mut Tx<'_>, case: &CaseId, id: &str, check: &SupportCheck, at: DateTime<Utc>) -> StoreResult<()> {
            let answers = serde_json::to_string(check.answers()).map_err(measure_json_err)?;
            sqlx::query("UPDATE support_checks SET answers = $1, finished_on = $2, updated_at = $3 WHERE id = $4 AND case_id = $5")
                .bind(&answers)
                .bind(check.finished_on())
                .bind(at)
                .bind(id)
                .bind(case.as_str())
                .execute(&mut **tx)
                .await
                .map_err(backend_err)?;
            Ok(())
        }

        /// The ids of the members on the case's map, in the map's order.
        async fn map_member_ids(tx: &mut Tx<'_>, case: &CaseId) -> StoreResult<Vec<MemberId>> {
            let rows = sqlx::query("SELECT id FROM members WHERE case_id = $1 ORDER BY position")
                .bind(case.as_str())
                .fetch_all(&mut **tx)
                .await
                .map_err(backend_err)?;
            rows.iter()
                .map(|r| r.try_get::<String, _>("id").map(MemberId::from_stored).map_err(backend_err))
                .collect()
        }

        #[async_trait::async_trait]
        impl $crate::MeasureStore for $store {
            async fn start_support_check(&self, scope: &OrgScope, case: &CaseId, c: &StoredSupportCheck, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_check", c.id.as_str())).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let answers = serde_json::to_string(c.check.answers()).map_err(measure_json_err)?;
                sqlx::query(
                    "INSERT INTO support_checks (id, case_id, respondent, started_on, finished_on, answers, participant_id, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
                )
                .bind(&c.id)
                .bind(case.as_str())
                .bind(c.check.respondent().as_str())
                .bind(c.check.started_on())
                .bind(c.check.finished_on())
                .bind(&answers)
                .bind(c.participant_id.as_deref())
                .bind(c.created_at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn support_checks(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<StoredSupportCheck>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, respondent, started_on, finished_on, answers, participant_id, created_at FROM support_checks WHERE case_id = $1 ORDER BY started_on DESC, created_at DESC, id DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(check_from_row).collect()
            }

            async fn support_check(&self, scope: &OrgScope, case: &CaseId, id: &str) -> StoreResult<StoredSupportCheck> {
                case_in_org(&self.pool, scope, case).await?;
                read_check(&self.pool, case, id).await
            }

            async fn record_support_answer(&self, scope: &OrgScope, case: &CaseId, id: &str, answer: &MemberAnswer, audit: AuditEvent) -> StoreResult<SupportCheck> {
                let at = audit.at;
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_check", id)).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let mut check = read_check(&mut *tx, case, id).await?.check;
                if check.is_finished() {
                    return Err(StoreError::Conflict("support_check_finished"));
                }
                let members = map_member_ids(&mut tx, case).await?;
                check.record(answer.clone(), &members).map_err(|_| StoreError::NotFound)?;
                write_check(&mut tx, case, id, &check, at).await?;
                tx.commit().await.map_err(backend_err)?;
                Ok(check)
            }

            async fn finish_support_check(&self, scope: &OrgScope, case: &CaseId, id: &str, audit: AuditEvent) -> StoreResult<SupportCheck> {
                let at = audit.at;
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_check", id)).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let mut check = read_check(&mut *tx, case, id).await?.check;
                if check.is_finished() {
                    return Err(StoreError::Conflict("support_check_finished"));
                }
                if check.answers().is_empty() {
                    return Err(StoreError::Conflict("support_check_empty"));
                }
                check
                    .finish(at.date_naive().max(check.started_on()))
                    .map_err(|_| StoreError::Conflict("support_check_finished"))?;
                write_check(&mut tx, case, id, &check, at).await?;
                tx.commit().await.map_err(backend_err)?;
                Ok(check)
            }

            async fn record_screening(&self, scope: &OrgScope, case: &CaseId, s: &StoredScreening, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("screening", s.id.as_str())).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let whole = serde_json::to_value(&s.screening).map_err(measure_json_err)?;
                let domains = serde_json::to_string(&whole["domains"]).map_err(measure_json_err)?;
                sqlx::query(
                    "INSERT INTO screenings (id, case_id, screened_on, domains, problem_count, recorded_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&s.id)
                .bind(case.as_str())
                .bind(s.screening.screened_on())
                .bind(&domains)
                .bind(s.screening.problem_count() as i64)
                .bind(&s.recorded_by)
                .bind(s.created_at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn screenings(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<StoredScreening>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, screened_on, domains, recorded_by, created_at FROM screenings WHERE case_id = $1 \
                     ORDER BY screened_on DESC, created_at DESC, id DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(screening_from_row).collect()
            }

            async fn record_self_report(&self, scope: &OrgScope, case: &CaseId, s: &StoredSelfReport, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("self_report", s.id.as_str())).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let r = &s.report;
                sqlx::query(
                    "INSERT INTO self_reports (id, case_id, answered_on, feels_supported, satisfied_with_help, \
                     satisfied_with_support_figures, open_answer, participant_id, recorded_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&s.id)
                .bind(case.as_str())
                .bind(r.answered_on)
                .bind(i64::from(r.feels_supported))
                .bind(i64::from(r.satisfied_with_help))
                .bind(r.satisfied_with_support_figures.map(i64::from))
                .bind(r.open_answer.as_ref().map(|a| a.as_str()))
                .bind(s.participant_id.as_deref())
                .bind(&s.recorded_by)
                .bind(s.created_at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn self_reports(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<StoredSelfReport>> {
                case_in_org(&self.pool, scope, case).await?;
                // INTEGER is four bytes on PostgreSQL: widened here so both backends read i64.
                let rows = sqlx::query(
                    "SELECT id, answered_on, CAST(feels_supported AS BIGINT) AS feels_supported, \
                     CAST(satisfied_with_help AS BIGINT) AS satisfied_with_help, \
                     CAST(satisfied_with_support_figures AS BIGINT) AS satisfied_with_support_figures, \
                     open_answer, participant_id, recorded_by, created_at FROM self_reports WHERE case_id = $1 \
                     ORDER BY answered_on DESC, created_at DESC, id DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(self_report_from_row).collect()
            }

            async fn record_outcome(&self, scope: &OrgScope, case: &CaseId, o: &StoredOutcome, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("outcome", o.id.as_str())).await?;
                case_in_org(&mut *tx, scope, case).await?;
                sqlx::query(
                    "INSERT INTO outcomes (id, case_id, kind, happened_on, note, recorded_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&o.id)
                .bind(case.as_str())
                .bind(o.outcome.kind.as_str())
                .bind(o.outcome.on)
                .bind(o.outcome.note.as_ref().map(|n| n.as_str()))
                .bind(&o.recorded_by)
                .bind(o.created_at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn outcomes(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<StoredOutcome>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, kind, happened_on, note, recorded_by, created_at FROM outcomes WHERE case_id = $1 \
                     ORDER BY happened_on DESC, created_at DESC, id DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(outcome_from_row).collect()
            }

            async fn delete_outcome(&self, scope: &OrgScope, case: &CaseId, id: &str, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("outcome", id)).await?;
                case_in_org(&mut *tx, scope, case).await?;
                let done = sqlx::query("DELETE FROM outcomes WHERE id = $1 AND case_id = $2")
                    .bind(id)
                    .bind(case.as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                tx.commit().await.map_err(backend_err)
            }

            async fn check_interval(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<CheckInterval> {
                let row = sqlx::query("SELECT CAST(check_interval_months AS BIGINT) AS months FROM cases WHERE id = $1 AND org_id = $2")
                    .bind(case.as_str())
                    .bind(scope.org_id().as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                let months: i64 = row.try_get("months").map_err(backend_err)?;
                CheckInterval::parse(months).map_err(|_| decode("check interval"))
            }

            async fn set_check_interval(&self, scope: &OrgScope, case: &CaseId, every: CheckInterval, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("check_schedule", case.as_str())).await?;
                let done = sqlx::query("UPDATE cases SET check_interval_months = $1 WHERE id = $2 AND org_id = $3")
                    .bind(i64::from(every))
                    .bind(case.as_str())
                    .bind(scope.org_id().as_str())
                    .execute(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound);
                }
                tx.commit().await.map_err(backend_err)
            }

            async fn check_schedules(&self, scope: &OrgScope, teams: &[TeamId], today: chrono::NaiveDate, per_interval: u32) -> StoreResult<Vec<CheckSchedule>> {
                if teams.is_empty() || per_interval == 0 {
                    return Ok(Vec::new());
                }
                // Per interval, the cases whose check counts from a day on or before the latest
                // such day that is due today, earliest first, from the index `cases_check_due`.
                let mut q = sqlx::QueryBuilder::<$db>::new("");
                for months in CheckInterval::MIN_MONTHS..=CheckInterval::MAX_MONTHS {
                    let every = CheckInterval::parse(months).map_err(|_| decode("check interval"))?;
                    if months > CheckInterval::MIN_MONTHS {
                        q.push(" UNION ALL ");
                    }
                    q.push(
                        "SELECT * FROM (SELECT c.id, c.youth_name, c.opened_on, CAST(c.check_interval_months AS BIGINT) AS months, \
                         c.last_check_on AS last_check FROM cases c WHERE c.status = 'open' AND c.org_id = ",
                    );
                    q.push_bind(scope.org_id().as_str().to_string());
                    q.push(" AND c.check_interval_months = ");
                    q.push_bind(months);
                    q.push(" AND coalesce(c.last_check_on, c.opened_on) <= ");
                    q.push_bind(steunkring_domain::measure::latest_due_base(today, every));
                    q.push(" AND c.team_id IN (");
                    let mut sep = q.separated(", ");
                    for t in teams {
                        sep.push_bind(t.as_str().to_string());
                    }
                    q.push(") ORDER BY coalesce(c.last_check_on, c.opened_on), c.id LIMIT ");
                    q.push_bind(i64::from(per_interval));
                    q.push(") d");
                    q.push(months.to_string());
                }
                let rows = q.build().fetch_all(&self.pool).await.map_err(backend_err)?;
                rows.iter()
                    .map(|r| {
                        let months: i64 = r.try_get("months").map_err(backend_err)?;
                        Ok(CheckSchedule {
                            case_id: CaseId::from_stored(r.try_get::<String, _>("id").map_err(backend_err)?),
                            youth_name: r.try_get("youth_name").map_err(backend_err)?,
                            opened_on: r.try_get("opened_on").map_err(backend_err)?,
                            every: CheckInterval::parse(months).map_err(|_| decode("check interval"))?,
                            last_check: r.try_get("last_check").map_err(backend_err)?,
                        })
                    })
                    .collect()
            }
        }
        };
    };
}
