//! The SQL of the support checks, shared by both backends. Expanded inside
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
        use $crate::StoredSupportCheck;
        use steunkring_domain::measure::{MemberAnswer, SupportCheck};

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
        }
        };
    };
}
