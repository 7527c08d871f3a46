//! The SQL of the analyst's aggregates and of the bulk load of case histories, shared by both
//! backends. Expanded inside [`impl_sql_store!`], so the helpers there (`backend_err`,
//! `append_in_tx`, `case_in_org`, …) are in scope.
//!
//! **One statement, whatever the number of cases.** The facts the dashboard counts per case
//! (network in the plan, an accepted support figure, the first and latest saved map, the worst
//! concern, the outcomes) are kept in `case_insight`, one narrow row per case written by
//! database triggers in the same transaction as every change they follow (migration 0016 on
//! both backends). The cube is one scan of the organisation's rows in the covering index
//! `case_insight_cube`, grouped by setting, team and "open in the period", so at most
//! settings × teams × 2 rows come back. Every count is `count(*) FILTER (…)`, which both
//! databases evaluate without a `CASE` per row.

/// The cube: cases per setting, team and period, with what the dashboard counts.
/// `$1` the organisation, `$2` the period's last day, `$3` its first.
pub const CUBE: &str = "\
SELECT setting, team_id, \
  CAST(CASE WHEN opened_on <= $2 AND (closed_on IS NULL OR closed_on >= $3) THEN 1 ELSE 0 END AS BIGINT) AS in_period, \
  count(*) AS cases, \
  count(*) FILTER (WHERE in_plan = 1) AS network_in_plan, \
  count(*) FILTER (WHERE with_figure = 1) AS with_support_figure, \
  count(members_start) AS with_map, \
  count(*) FILTER (WHERE members_start < 5) AS s0, \
  count(*) FILTER (WHERE members_start >= 5 AND members_start < 10) AS s1, \
  count(*) FILTER (WHERE members_start >= 10 AND members_start < 15) AS s2, \
  count(*) FILTER (WHERE members_start >= 15) AS s3, \
  count(*) FILTER (WHERE members_latest < 5) AS l0, \
  count(*) FILTER (WHERE members_latest >= 5 AND members_latest < 10) AS l1, \
  count(*) FILTER (WHERE members_latest >= 10 AND members_latest < 15) AS l2, \
  count(*) FILTER (WHERE members_latest >= 15) AS l3, \
  count(*) FILTER (WHERE members_start = 0 OR informal_start * 100 < 25 * members_start) AS fs0, \
  count(*) FILTER (WHERE members_start > 0 AND informal_start * 100 >= 25 * members_start AND informal_start * 100 < 50 * members_start) AS fs1, \
  count(*) FILTER (WHERE members_start > 0 AND informal_start * 100 >= 50 * members_start AND informal_start * 100 < 75 * members_start) AS fs2, \
  count(*) FILTER (WHERE members_start > 0 AND informal_start * 100 >= 75 * members_start) AS fs3, \
  count(*) FILTER (WHERE members_latest = 0 OR informal_latest * 100 < 25 * members_latest) AS fl0, \
  count(*) FILTER (WHERE members_latest > 0 AND informal_latest * 100 >= 25 * members_latest AND informal_latest * 100 < 50 * members_latest) AS fl1, \
  count(*) FILTER (WHERE members_latest > 0 AND informal_latest * 100 >= 50 * members_latest AND informal_latest * 100 < 75 * members_latest) AS fl2, \
  count(*) FILTER (WHERE members_latest > 0 AND informal_latest * 100 >= 75 * members_latest) AS fl3, \
  CAST(coalesce(sum(members_start), 0) AS BIGINT) AS members_start, \
  CAST(coalesce(sum(members_latest), 0) AS BIGINT) AS members_latest, \
  CAST(coalesce(sum(informal_start), 0) AS BIGINT) AS informal_start, \
  CAST(coalesce(sum(informal_latest), 0) AS BIGINT) AS informal_latest, \
  count(gaps) AS known_gaps, \
  count(*) FILTER (WHERE (gaps & 1) <> 0) AS g0, \
  count(*) FILTER (WHERE (gaps & 2) <> 0) AS g1, \
  count(*) FILTER (WHERE (gaps & 4) <> 0) AS g2, \
  count(*) FILTER (WHERE (gaps & 8) <> 0) AS g3, \
  count(*) FILTER (WHERE (gaps & 16) <> 0) AS g4, \
  count(*) FILTER (WHERE (gaps & 32) <> 0) AS g5, \
  count(*) FILTER (WHERE (gaps & 64) <> 0) AS g6, \
  count(*) FILTER (WHERE worst_concern = 1) AS c1, \
  count(*) FILTER (WHERE worst_concern = 2) AS c2, \
  count(*) FILTER (WHERE worst_concern = 3) AS c3, \
  count(*) FILTER (WHERE (outcomes & 1) <> 0) AS o0, \
  count(*) FILTER (WHERE (outcomes & 2) <> 0) AS o1, \
  count(*) FILTER (WHERE (outcomes & 4) <> 0) AS o2, \
  count(*) FILTER (WHERE (outcomes & 8) <> 0) AS o3, \
  count(*) FILTER (WHERE (outcomes & 16) <> 0) AS o4, \
  count(*) FILTER (WHERE (outcomes & 32) <> 0) AS o5 \
FROM case_insight WHERE org_id = $1 \
GROUP BY setting, team_id, in_period";

/// Implements [`InsightStore`](crate::InsightStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_insight_sql {
    ($store:ty, db = $db:ty) => {
        const _: () = {
        use $crate::CaseHistory;
        use std::collections::BTreeMap;
        use steunkring_domain::insight::figures::{map_summary, CaseCounts, CubeCell};
        use steunkring_domain::measure::OutcomeKind;

        /// A count as read: never negative, never NULL (an empty sum is 0).
        fn count(r: &<$db as sqlx::Database>::Row, column: &str) -> StoreResult<u64> {
            let v: Option<i64> = r.try_get(column).map_err(backend_err)?;
            Ok(u64::try_from(v.unwrap_or(0)).unwrap_or(0))
        }

        /// Setting (as stored), team, in the period.
        type Key = (&'static str, String, bool);

        fn key(r: &<$db as sqlx::Database>::Row) -> StoreResult<Key> {
            let setting: String = r.try_get("setting").map_err(backend_err)?;
            let setting = Setting::parse(&setting)
                .ok_or_else(|| StoreError::Backend(format!("unknown setting {setting}").into()))?;
            let team: String = r.try_get("team_id").map_err(backend_err)?;
            let in_period: i64 = r.try_get("in_period").map_err(backend_err)?;
            Ok((setting.as_str(), team, in_period != 0))
        }

        /// The period's bounds as bound: all time is from the year 1 to 9999.
        fn bounds(period: Option<(chrono::NaiveDate, chrono::NaiveDate)>) -> (chrono::NaiveDate, chrono::NaiveDate) {
            period.unwrap_or((
                chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default(),
                chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            ))
        }

        fn id() -> String {
            AuditId::generate().to_string()
        }

        #[async_trait::async_trait]
        impl $crate::InsightStore for $store {
            async fn insight_cube(&self, scope: &OrgScope, period: Option<(chrono::NaiveDate, chrono::NaiveDate)>) -> StoreResult<Vec<CubeCell>> {
                let (first, last) = bounds(period);
                let org = scope.org_id().as_str().to_string();
                let mut conn = self.pool.acquire().await.map_err(backend_err)?;
                let mut cube: BTreeMap<Key, CaseCounts> = BTreeMap::new();
                let rows = sqlx::query($crate::sql::insight::CUBE)
                    .bind(&org)
                    .bind(last)
                    .bind(first)
                    .fetch_all(&mut *conn)
                    .await
                    .map_err(backend_err)?;
                for r in &rows {
                    let four = |p: &str| -> StoreResult<[u64; 4]> {
                        Ok([count(r, &format!("{p}0"))?, count(r, &format!("{p}1"))?, count(r, &format!("{p}2"))?, count(r, &format!("{p}3"))?])
                    };
                    let mut gaps = [0u64; 7];
                    for (i, g) in gaps.iter_mut().enumerate() {
                        *g = count(r, &format!("g{i}"))?;
                    }
                    let mut outcomes = [0u64; OutcomeKind::ALL.len()];
                    for (i, o) in outcomes.iter_mut().enumerate() {
                        *o = count(r, &format!("o{i}"))?;
                    }
                    let c = cube.entry(key(r)?).or_default();
                    c.add(&CaseCounts {
                        cases: count(r, "cases")?,
                        network_in_plan: count(r, "network_in_plan")?,
                        with_support_figure: count(r, "with_support_figure")?,
                        with_map: count(r, "with_map")?,
                        size_start: four("s")?,
                        size_latest: four("l")?,
                        informal_start: four("fs")?,
                        informal_latest: four("fl")?,
                        members_start: count(r, "members_start")?,
                        members_latest: count(r, "members_latest")?,
                        informal_members_start: count(r, "informal_start")?,
                        informal_members_latest: count(r, "informal_latest")?,
                        with_known_gaps: count(r, "known_gaps")?,
                        gaps,
                        outcomes,
                        concerns: [count(r, "c1")?, count(r, "c2")?, count(r, "c3")?],
                    });
                }
                Ok(cube
                    .into_iter()
                    .filter_map(|((setting, team, in_period), counts)| Some(CubeCell {
                        setting: Setting::parse(setting)?,
                        team: TeamId::from_stored(team),
                        in_period,
                        counts,
                    }))
                    .collect())
            }

            async fn import_case_history(&self, scope: &OrgScope, histories: &[CaseHistory], audit: AuditEvent) -> StoreResult<()> {
                let at = audit.at;
                let by = audit.user_id.as_ref().map_or_else(|| "operator".to_string(), |u| u.as_str().to_string());
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                for h in histories {
                    case_in_org(&mut *tx, scope, &h.case).await?;
                    let case = h.case.as_str();
                    for (taken_on, network) in &h.versions {
                        let (informal, gaps) = map_summary(&network.members, &network.ties);
                        let snapshot = serde_json::to_string(network).map_err(|e| StoreError::Backend(Box::new(e)))?;
                        sqlx::query(
                            "INSERT INTO map_versions (id, case_id, title, taken_on, member_count, informal_count, gap_mask, snapshot, created_by, created_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, $9)",
                        )
                        .bind(VersionId::generate().as_str())
                        .bind(case)
                        .bind(format!("Netwerkkaart {}", taken_on.format("%d-%m-%Y")))
                        .bind(*taken_on)
                        .bind(i64::try_from(network.members.len()).unwrap_or(i64::MAX))
                        .bind(i64::try_from(informal).unwrap_or(i64::MAX))
                        .bind(i64::from(gaps))
                        .bind(&snapshot)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for check in &h.checks {
                        let answers = serde_json::to_string(check.answers()).map_err(|e| StoreError::Backend(Box::new(e)))?;
                        sqlx::query(
                            "INSERT INTO support_checks (id, case_id, respondent, started_on, finished_on, answers, participant_id, created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $7)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(check.respondent().as_str())
                        .bind(check.started_on())
                        .bind(check.finished_on())
                        .bind(&answers)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for (on, domains, problems) in &h.screenings {
                        sqlx::query(
                            "INSERT INTO screenings (id, case_id, screened_on, domains, problem_count, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(*on)
                        .bind(domains)
                        .bind(i64::from(*problems))
                        .bind(&by)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for s in &h.self_reports {
                        sqlx::query(
                            "INSERT INTO self_reports (id, case_id, answered_on, feels_supported, satisfied_with_help, satisfied_with_support_figures, open_answer, participant_id, recorded_by, created_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL, $7, $8)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(s.answered_on)
                        .bind(i64::from(s.feels_supported))
                        .bind(i64::from(s.satisfied_with_help))
                        .bind(s.satisfied_with_support_figures.map(i64::from))
                        .bind(&by)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for (kind, on) in &h.outcomes {
                        sqlx::query(
                            "INSERT INTO outcomes (id, case_id, kind, happened_on, note, recorded_by, created_at) VALUES ($1, $2, $3, $4, NULL, $5, $6)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(kind.as_str())
                        .bind(*on)
                        .bind(&by)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for f in &h.figures {
                        let accepted = f.accepted_on.is_some();
                        sqlx::query(
                            "INSERT INTO support_figures (id, case_id, member_id, member_name, kind, status, nominated_on, nominated_by, own_words, \
                             screened_on, screening_decision, screened_by, accepted_on, agreed_on, created_at, updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, 'youth', $8, $9, $10, $11, $12, $12, $13, $13)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(f.member.as_str())
                        .bind(&f.name)
                        .bind(f.kind)
                        .bind(if accepted { "active" } else { "nominated" })
                        .bind(f.nominated_on)
                        .bind(&f.own_words)
                        .bind(f.accepted_on.map(|_| f.nominated_on))
                        .bind(accepted.then_some("approve"))
                        .bind(accepted.then_some(by.as_str()))
                        .bind(f.accepted_on)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    if !h.actions.is_empty() {
                        sqlx::query("INSERT INTO plans (case_id, revision, updated_at) VALUES ($1, 1, $2)")
                            .bind(case)
                            .bind(at)
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                    }
                    for (i, a) in h.actions.iter().enumerate() {
                        sqlx::query(
                            "INSERT INTO plan_actions (case_id, id, position, what, performer, performer_member, due_on, status, goal_id) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)",
                        )
                        .bind(case)
                        .bind(id())
                        .bind(i64::try_from(i).unwrap_or(i64::MAX) + 1)
                        .bind(&a.what)
                        .bind(&a.performer)
                        .bind(a.member.as_ref().map(|m| m.as_str().to_string()))
                        .bind(a.due_on)
                        .bind(a.status)
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    for k in &h.concerns {
                        let registered = k.registered_on.and_hms_opt(10, 0, 0).unwrap_or_default().and_utc();
                        let closed = k.closed_on.and_then(|d| d.and_hms_opt(16, 0, 0)).map(|d| d.and_utc());
                        sqlx::query(
                            "INSERT INTO concerns (id, case_id, about_member, about_name, what, seriousness, registered_by, registered_by_name, registered_at, status, closed_at, closed_by, what_was_done) \
                             VALUES ($1, $2, $3, $4, $5, $6, NULL, 'Sanne Jansen', $7, $8, $9, NULL, $10)",
                        )
                        .bind(id())
                        .bind(case)
                        .bind(k.about_member.as_ref().map(|(m, _)| m.as_str().to_string()))
                        .bind(k.about_member.as_ref().map(|(_, n)| n.clone()))
                        .bind(&k.what)
                        .bind(k.seriousness.as_str())
                        .bind(registered)
                        .bind(if closed.is_some() { "closed" } else { "open" })
                        .bind(closed)
                        .bind(closed.map(|_| "Besproken met het netwerk."))
                        .execute(&mut *tx)
                        .await
                        .map_err(backend_err)?;
                    }
                    if let Some(closed_on) = h.closed_on {
                        sqlx::query("UPDATE cases SET status = 'closed', closed_on = $1 WHERE id = $2")
                            .bind(closed_on)
                            .bind(case)
                            .execute(&mut *tx)
                            .await
                            .map_err(backend_err)?;
                    }
                    append_in_tx(&mut tx, &audit.clone().case(case).object("case_history", case)).await?;
                }
                tx.commit().await.map_err(backend_err)
            }
        }
        };
    };
}
