//! The SQL of support figures, concerns and deliberations, shared by both backends. Expanded
//! inside [`impl_sql_store!`], so the helpers there (`backend_err`, `append_in_tx`,
//! `case_in_org`, …) are in scope.
//!
//! Every change writes its audit entry *first* in its transaction: appending takes the lock on
//! the audit chain's head (`FOR UPDATE` on PostgreSQL; SQLite's `BEGIN IMMEDIATE` already
//! serialises writers), so the status check that follows reads the latest committed state and
//! no two steps on the same support figure or concern can interleave.

/// Implements [`SupportStore`](crate::SupportStore); called by
/// [`impl_sql_store!`](crate::impl_sql_store).
#[macro_export]
#[doc(hidden)]
macro_rules! impl_support_sql {
    ($store:ty, db = $db:ty) => {
        // A block of its own, so that these names never meet those of the other areas.
        const _: () = {
        use steunkring_domain::concern::{
            Closure, Concern, ConcernStatus, Deliberation, Seriousness,
        };
        use steunkring_domain::support_figure::{
            Acceptance, Agreement, Ending, JimRole, LogEntry, LogKind, Nominator, Screening,
            ScreeningDecision, SupportFigure, SupportKind, SupportStatus, SupportStep,
        };

        fn support_undecodable(what: &str) -> sqlx::Error {
            sqlx::Error::Decode(format!("unknown {what}").into())
        }

        fn support_figure_from_row(r: &<$db as sqlx::Database>::Row) -> Result<SupportFigure, sqlx::Error> {
            let kind: String = r.try_get("kind")?;
            let status: String = r.try_get("status")?;
            let nominated_by: String = r.try_get("nominated_by")?;
            let screening = match (
                r.try_get::<Option<chrono::NaiveDate>, _>("screened_on")?,
                r.try_get::<Option<String>, _>("screening_decision")?,
            ) {
                (Some(on), Some(decision)) => Some(Screening {
                    on,
                    safety_concerns: r.try_get("safety_concerns")?,
                    decision: ScreeningDecision::parse(&decision).ok_or_else(|| support_undecodable("screening decision"))?,
                    reason: r.try_get::<Option<String>, _>("screening_reason")?.unwrap_or_default(),
                    by: r.try_get("screened_by")?,
                }),
                _ => None,
            };
            let acceptance = match (
                r.try_get::<Option<chrono::NaiveDate>, _>("accepted_on")?,
                r.try_get::<Option<String>, _>("accepted_by")?,
            ) {
                (Some(on), Some(participant)) => Some(Acceptance { on, participant }),
                _ => None,
            };
            let agreement = match r.try_get::<Option<chrono::NaiveDate>, _>("agreed_on")? {
                Some(on) => Some(Agreement {
                    on,
                    roles: r
                        .try_get::<Option<String>, _>("roles")?
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(JimRole::parse)
                        .collect(),
                    contact_how: r.try_get::<Option<String>, _>("contact_how")?.unwrap_or_default(),
                    contact_frequency: r.try_get::<Option<String>, _>("contact_frequency")?.unwrap_or_default(),
                    meetings_part: r.try_get("meetings_part")?,
                }),
                None => None,
            };
            let ending = match r.try_get::<Option<chrono::NaiveDate>, _>("ended_on")? {
                Some(on) => Some(Ending {
                    on,
                    reason: r.try_get::<Option<String>, _>("end_reason")?.unwrap_or_default(),
                    youth_view: r.try_get("youth_view")?,
                }),
                None => None,
            };
            Ok(SupportFigure {
                id: r.try_get("id")?,
                member_id: r.try_get::<Option<String>, _>("member_id")?.map(MemberId::from_stored),
                member_name: r.try_get("member_name")?,
                kind: SupportKind::parse(&kind).ok_or_else(|| support_undecodable("support kind"))?,
                status: SupportStatus::parse(&status).ok_or_else(|| support_undecodable("support status"))?,
                nominated_on: r.try_get("nominated_on")?,
                nominated_by: Nominator::parse(&nominated_by).ok_or_else(|| support_undecodable("nominator"))?,
                own_words: r.try_get("own_words")?,
                screening,
                acceptance,
                agreement,
                ending,
            })
        }

        /// One support figure of the case, inside any executor.
        async fn read_support_figure<'e, E>(exec: E, case: &CaseId, id: &str) -> StoreResult<SupportFigure>
        where
            E: sqlx::Executor<'e, Database = $db>,
        {
            let row = sqlx::query(
                "SELECT id, member_id, member_name, kind, status, nominated_on, nominated_by, own_words, screened_on, safety_concerns, screening_decision, screening_reason, screened_by, accepted_on, accepted_by, agreed_on, roles, contact_how, contact_frequency, meetings_part, ended_on, end_reason, youth_view FROM support_figures WHERE id = $1 AND case_id = $2",
            )
            .bind(id)
            .bind(case.as_str())
            .fetch_optional(exec)
            .await
            .map_err(backend_err)?
            .ok_or(StoreError::NotFound)?;
            support_figure_from_row(&row).map_err(backend_err)
        }

        /// `NotFound` unless `member` is on the case's map.
        async fn member_in_case(tx: &mut Tx<'_>, case: &CaseId, member: &MemberId) -> StoreResult<()> {
            sqlx::query("SELECT 1 AS one FROM members WHERE id = $1 AND case_id = $2")
                .bind(member.as_str())
                .bind(case.as_str())
                .fetch_optional(&mut **tx)
                .await
                .map_err(backend_err)?
                .map(|_| ())
                .ok_or(StoreError::NotFound)
        }

        fn log_from_row(r: &<$db as sqlx::Database>::Row) -> Result<LogEntry, sqlx::Error> {
            let kind: String = r.try_get("kind")?;
            Ok(LogEntry {
                id: r.try_get("id")?,
                kind: LogKind::parse(&kind).ok_or_else(|| support_undecodable("log kind"))?,
                on: r.try_get("happened_on")?,
                text: r.try_get("note")?,
                by: r.try_get("written_by")?,
                at: r.try_get("created_at")?,
            })
        }

        fn concern_from_row(r: &<$db as sqlx::Database>::Row) -> Result<Concern, sqlx::Error> {
            let seriousness: String = r.try_get("seriousness")?;
            let status: String = r.try_get("status")?;
            let closure = match r.try_get::<Option<DateTime<Utc>>, _>("closed_at")? {
                Some(at) => Some(Closure {
                    at,
                    by: r.try_get("closed_by")?,
                    what_was_done: r.try_get::<Option<String>, _>("what_was_done")?.unwrap_or_default(),
                }),
                None => None,
            };
            Ok(Concern {
                id: r.try_get("id")?,
                about: r.try_get::<Option<String>, _>("about_member")?.map(MemberId::from_stored),
                about_name: r.try_get("about_name")?,
                what: r.try_get("what")?,
                seriousness: Seriousness::parse(&seriousness).ok_or_else(|| support_undecodable("seriousness"))?,
                registered_by: r.try_get("registered_by")?,
                registered_by_name: r.try_get("registered_by_name")?,
                registered_at: r.try_get("registered_at")?,
                status: ConcernStatus::parse(&status).ok_or_else(|| support_undecodable("concern status"))?,
                closure,
            })
        }

        #[async_trait::async_trait]
        impl $crate::SupportStore for $store {
            async fn nominate_support_figure(&self, scope: &OrgScope, case: &CaseId, f: &SupportFigure, audit: AuditEvent) -> StoreResult<()> {
                let at = audit.at;
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_figure", f.id.as_str())).await?;
                let member = f.member_id.as_ref().ok_or(StoreError::NotFound)?;
                member_in_case(&mut tx, case, member).await?;
                let open = sqlx::query("SELECT 1 AS one FROM support_figures WHERE case_id = $1 AND member_id = $2 AND status <> 'ended'")
                    .bind(case.as_str())
                    .bind(member.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend_err)?;
                if open.is_some() {
                    return Err(StoreError::Conflict("support_figure_open"));
                }
                sqlx::query(
                    "INSERT INTO support_figures (id, case_id, member_id, member_name, kind, status, nominated_on, nominated_by, own_words, created_at, updated_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
                )
                .bind(&f.id)
                .bind(case.as_str())
                .bind(member.as_str())
                .bind(&f.member_name)
                .bind(f.kind.as_str())
                .bind(f.status.as_str())
                .bind(f.nominated_on)
                .bind(f.nominated_by.as_str())
                .bind(&f.own_words)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn support_figures(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<SupportFigure>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, member_id, member_name, kind, status, nominated_on, nominated_by, own_words, screened_on, safety_concerns, screening_decision, screening_reason, screened_by, accepted_on, accepted_by, agreed_on, roles, contact_how, contact_frequency, meetings_part, ended_on, end_reason, youth_view FROM support_figures WHERE case_id = $1 ORDER BY nominated_on, created_at, id",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(support_figure_from_row).collect::<Result<_, _>>().map_err(backend_err)
            }

            async fn support_figure(&self, scope: &OrgScope, case: &CaseId, id: &str) -> StoreResult<SupportFigure> {
                case_in_org(&self.pool, scope, case).await?;
                read_support_figure(&self.pool, case, id).await
            }

            async fn step_support_figure(&self, scope: &OrgScope, case: &CaseId, id: &str, step: &SupportStep, audit: AuditEvent) -> StoreResult<SupportFigure> {
                let at = audit.at;
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_figure", id).purpose(step.name())).await?;
                let now = read_support_figure(&mut *tx, case, id).await?;
                let next = now.apply(step).map_err(|_| StoreError::Conflict("support_step"))?;
                let s = next.screening.as_ref();
                let a = next.acceptance.as_ref();
                let g = next.agreement.as_ref();
                let e = next.ending.as_ref();
                sqlx::query(
                    "UPDATE support_figures SET status = $1, screened_on = $2, safety_concerns = $3, screening_decision = $4, \
                     screening_reason = $5, screened_by = $6, accepted_on = $7, accepted_by = $8, agreed_on = $9, roles = $10, \
                     contact_how = $11, contact_frequency = $12, meetings_part = $13, ended_on = $14, end_reason = $15, \
                     youth_view = $16, updated_at = $17 WHERE id = $18 AND case_id = $19",
                )
                .bind(next.status.as_str())
                .bind(s.map(|s| s.on))
                .bind(s.and_then(|s| s.safety_concerns.clone()))
                .bind(s.map(|s| s.decision.as_str()))
                .bind(s.map(|s| s.reason.clone()))
                .bind(s.and_then(|s| s.by.clone()))
                .bind(a.map(|a| a.on))
                .bind(a.map(|a| a.participant.clone()))
                .bind(g.map(|g| g.on))
                .bind(g.map(|g| g.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")))
                .bind(g.map(|g| g.contact_how.clone()))
                .bind(g.map(|g| g.contact_frequency.clone()))
                .bind(g.and_then(|g| g.meetings_part.clone()))
                .bind(e.map(|e| e.on))
                .bind(e.map(|e| e.reason.clone()))
                .bind(e.and_then(|e| e.youth_view.clone()))
                .bind(at)
                .bind(id)
                .bind(case.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)?;
                Ok(next)
            }

            async fn add_support_log(&self, scope: &OrgScope, case: &CaseId, figure: &str, entry: &LogEntry, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("support_log", entry.id.as_str()).purpose(entry.kind.as_str())).await?;
                let f = read_support_figure(&mut *tx, case, figure).await?;
                let allowed = match entry.kind {
                    LogKind::Coaching => f.may_coach(),
                    LogKind::Contact => f.may_log_contact(),
                };
                if !allowed {
                    return Err(StoreError::Conflict("support_log"));
                }
                sqlx::query(
                    "INSERT INTO support_logs (id, case_id, support_figure_id, kind, happened_on, note, written_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&entry.id)
                .bind(case.as_str())
                .bind(figure)
                .bind(entry.kind.as_str())
                .bind(entry.on)
                .bind(&entry.text)
                .bind(&entry.by)
                .bind(entry.at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)
            }

            async fn support_log(&self, scope: &OrgScope, case: &CaseId, figure: &str) -> StoreResult<Vec<LogEntry>> {
                case_in_org(&self.pool, scope, case).await?;
                sqlx::query("SELECT 1 AS one FROM support_figures WHERE id = $1 AND case_id = $2")
                    .bind(figure)
                    .bind(case.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                let rows = sqlx::query(
                    "SELECT id, kind, happened_on, note, written_by, created_at FROM support_logs \
                     WHERE support_figure_id = $1 AND case_id = $2 ORDER BY happened_on DESC, created_at DESC",
                )
                .bind(figure)
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(log_from_row).collect::<Result<_, _>>().map_err(backend_err)
            }

            async fn register_concern(&self, scope: &OrgScope, case: &CaseId, c: &Concern, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                if let Some(member) = &c.about {
                    member_in_case(&mut tx, case, member).await?;
                }
                sqlx::query(
                    "INSERT INTO concerns (id, case_id, about_member, about_name, what, seriousness, registered_by, registered_by_name, registered_at, status) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&c.id)
                .bind(case.as_str())
                .bind(c.about.as_ref().map(|m| m.as_str().to_string()))
                .bind(c.about_name.as_deref())
                .bind(&c.what)
                .bind(c.seriousness.as_str())
                .bind(c.registered_by.as_deref())
                .bind(&c.registered_by_name)
                .bind(c.registered_at)
                .bind(c.status.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("concern", c.id.as_str())).await?;
                tx.commit().await.map_err(backend_err)
            }

            async fn concerns(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<Concern>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, about_member, about_name, what, seriousness, registered_by, registered_by_name, registered_at, status, closed_at, closed_by, what_was_done FROM concerns WHERE case_id = $1 ORDER BY registered_at DESC, id DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter().map(concern_from_row).collect::<Result<_, _>>().map_err(backend_err)
            }

            async fn close_concern(&self, scope: &OrgScope, case: &CaseId, id: &str, closure: &Closure, audit: AuditEvent) -> StoreResult<Concern> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("concern", id)).await?;
                let row = sqlx::query(
                    "SELECT id, about_member, about_name, what, seriousness, registered_by, registered_by_name, registered_at, status, closed_at, closed_by, what_was_done FROM concerns WHERE id = $1 AND case_id = $2",
                )
                    .bind(id)
                    .bind(case.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend_err)?
                    .ok_or(StoreError::NotFound)?;
                let closed = concern_from_row(&row)
                    .map_err(backend_err)?
                    .close(closure.clone())
                    .map_err(|_| StoreError::Conflict("concern_closed"))?;
                sqlx::query(
                    "UPDATE concerns SET status = $1, closed_at = $2, closed_by = $3, what_was_done = $4 WHERE id = $5 AND case_id = $6",
                )
                .bind(closed.status.as_str())
                .bind(closure.at)
                .bind(closure.by.as_deref())
                .bind(&closure.what_was_done)
                .bind(id)
                .bind(case.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                tx.commit().await.map_err(backend_err)?;
                Ok(closed)
            }

            async fn record_deliberation(&self, scope: &OrgScope, case: &CaseId, d: &Deliberation, audit: AuditEvent) -> StoreResult<()> {
                let mut tx = self.begin_write().await.map_err(backend_err)?;
                case_in_org(&mut *tx, scope, case).await?;
                sqlx::query(
                    "INSERT INTO deliberations (id, case_id, held_on, question, participants, considerations, decision, follow_up, recorded_by, recorded_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                )
                .bind(&d.id)
                .bind(case.as_str())
                .bind(d.held_on)
                .bind(&d.question)
                .bind(d.participants.join("\n"))
                .bind(&d.considerations)
                .bind(&d.decision)
                .bind(d.follow_up.as_deref())
                .bind(d.recorded_by.as_deref())
                .bind(d.recorded_at)
                .execute(&mut *tx)
                .await
                .map_err(backend_err)?;
                append_in_tx(&mut tx, &audit.case(case.as_str()).object("deliberation", d.id.as_str())).await?;
                tx.commit().await.map_err(backend_err)
            }

            async fn deliberations(&self, scope: &OrgScope, case: &CaseId) -> StoreResult<Vec<Deliberation>> {
                case_in_org(&self.pool, scope, case).await?;
                let rows = sqlx::query(
                    "SELECT id, held_on, question, participants, considerations, decision, follow_up, recorded_by, recorded_at \
                     FROM deliberations WHERE case_id = $1 ORDER BY held_on DESC, recorded_at DESC",
                )
                .bind(case.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(backend_err)?;
                rows.iter()
                    .map(|r| {
                        Ok(Deliberation {
                            id: r.try_get("id")?,
                            held_on: r.try_get("held_on")?,
                            question: r.try_get("question")?,
                            participants: r
                                .try_get::<String, _>("participants")?
                                .lines()
                                .map(str::to_string)
                                .collect(),
                            considerations: r.try_get("considerations")?,
                            decision: r.try_get("decision")?,
                            follow_up: r.try_get("follow_up")?,
                            recorded_by: r.try_get("recorded_by")?,
                            recorded_at: r.try_get("recorded_at")?,
                        })
                    })
                    .collect::<Result<_, sqlx::Error>>()
                    .map_err(backend_err)
            }
        }
        };
    };
}
