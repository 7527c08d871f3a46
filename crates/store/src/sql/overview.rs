//! The SQL of [`OverviewStore`](crate::OverviewStore), shared by both backends. Expanded
//! inside [`impl_sql_store!`], so the helpers there (`backend_err`, `case_in_org`,
//! `version_from_row`, …) are in scope.
//!
//! The team overview is one statement: each figure is a correlated count over its table's
//! case index, so the cost grows with the team's cases, never with round trips.

/// Implements [`OverviewStore`](crate::OverviewStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_overview_sql {
    ($store:ty, db = $db:ty) => {
        const _: () = {
        use $crate::{PlanState, TeamCaseRow};
        use steunkring_domain::measure::CheckInterval;

        fn overview_row(r: &<$db as sqlx::Database>::Row) -> Result<TeamCaseRow, sqlx::Error> {
            let interval: i32 = r.try_get("check_interval_months")?;
            let plan = if r.try_get::<i64, _>("adopted_versions")? > 0 {
                PlanState::Adopted
            } else if r.try_get::<i64, _>("plans")? > 0 {
                PlanState::Draft
            } else {
                PlanState::None
            };
            Ok(TeamCaseRow {
                case_id: CaseId::from_stored(r.try_get::<String, _>("id")?),
                youth_name: r.try_get("youth_name")?,
                team_id: TeamId::from_stored(r.try_get::<String, _>("team_id")?),
                team_name: r.try_get("team_name")?,
                opened_on: r.try_get("opened_on")?,
                check_interval: CheckInterval::parse(i64::from(interval))
                    .map_err(|_| sqlx::Error::Decode("check interval out of range".into()))?,
                active_support_figures: r.try_get("active_support_figures")?,
                plan,
                overdue_actions: r.try_get("overdue_actions")?,
                last_finished_check: r.try_get("last_finished_check")?,
                open_concerns: r.try_get("open_concerns")?,
            })
        }

        #[async_trait::async_trait]
        impl $crate::OverviewStore for $store {
            async fn version_networks(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<(VersionSummary, Network)>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, title, taken_on, member_count, created_at, snapshot FROM map_versions WHERE case_id = $1 ORDER BY taken_on, created_at, id",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter()
                    .map(|row| {
                        let summary = version_from_row(row).map_err(backend_err)?;
                        let snapshot: String = row.try_get("snapshot").map_err(backend_err)?;
                        let network: Network = serde_json::from_str(&snapshot).map_err(|e| StoreError::Backend(Box::new(e)))?;
                        Ok((summary, network))
                    })
                    .collect()
            }

            async fn team_overview(&self, scope: &OrgScope, teams: &[TeamId], today: chrono::NaiveDate) -> StoreResult<Vec<TeamCaseRow>> {
                if teams.is_empty() {
                    return Ok(Vec::new());
                }
                let mut q = sqlx::QueryBuilder::<$db>::new(
                    "SELECT c.id, c.youth_name, c.team_id, t.name AS team_name, c.opened_on, c.check_interval_months, \
                     (SELECT COUNT(*) FROM support_figures f WHERE f.case_id = c.id AND f.status = 'active') AS active_support_figures, \
                     (SELECT COUNT(*) FROM plans p WHERE p.case_id = c.id) AS plans, \
                     (SELECT COUNT(*) FROM plan_versions v WHERE v.case_id = c.id) AS adopted_versions, \
                     (SELECT COUNT(*) FROM plan_actions a WHERE a.case_id = c.id AND a.status IN ('open', 'doing') AND a.due_on < ",
                );
                q.push_bind(today);
                q.push(
                    ") AS overdue_actions, \
                     (SELECT MAX(k.finished_on) FROM support_checks k WHERE k.case_id = c.id) AS last_finished_check, \
                     (SELECT COUNT(*) FROM concerns x WHERE x.case_id = c.id AND x.status = 'open') AS open_concerns \
                     FROM cases c JOIN teams t ON t.id = c.team_id WHERE c.status = 'open' AND c.org_id = ",
                );
                q.push_bind(scope.org_id().as_str().to_string());
                q.push(" AND c.team_id IN (");
                let mut sep = q.separated(", ");
                for t in teams {
                    sep.push_bind(t.as_str().to_string());
                }
                q.push(") ORDER BY t.name, c.youth_name, c.id");
                let rows = q.build().fetch_all(&self.pool).await.map_err(backend_err)?;
                rows.iter().map(overview_row).collect::<Result<_, sqlx::Error>>().map_err(backend_err)
            }
        }
        };
    };
}
