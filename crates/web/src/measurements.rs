//! What the measurement pages (the professional's Metingen tab, the young person's own page) and
//! the API share besides the support checks: reading a screening, a self-report and an outcome
//! with the date rules that depend on today and the case, and the case's check schedule.

use crate::cases::case_event;
use crate::checks::next_check_due;
use crate::state::AppState;
use crate::support::new_id;
use chrono::{NaiveDate, Utc};
use std::collections::HashMap;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::measure::{
    CheckInterval, Outcome, RawDomainAnswer, RawOutcome, RawSelfReport, Screening, ScreeningDomain,
    SelfReport,
};
use steunkring_domain::network::NumberOrText;
use steunkring_domain::{Actor, FieldError};
use steunkring_store::{
    Case, OrgScope, StoreError, StoredOutcome, StoredScreening, StoredSelfReport,
};

/// One measurement to store on a case, whichever page or API call it came from.
pub enum Measurement {
    Screening(StoredScreening),
    SelfReport(StoredSelfReport),
    Outcome(StoredOutcome),
    Interval(CheckInterval),
}

impl Measurement {
    /// A screening recorded now by `actor`.
    pub fn screening(actor: &Actor, screening: Screening) -> Measurement {
        Measurement::Screening(StoredScreening {
            id: new_id(),
            screening,
            recorded_by: actor.user_id.to_string(),
            created_at: Utc::now(),
        })
    }

    /// A self-report recorded now by `actor`; `participant` when the young person gave it on
    /// their own page.
    pub fn self_report(
        actor: &Actor,
        report: SelfReport,
        participant: Option<String>,
    ) -> Measurement {
        Measurement::SelfReport(StoredSelfReport {
            id: new_id(),
            report,
            participant_id: participant,
            recorded_by: actor.user_id.to_string(),
            created_at: Utc::now(),
        })
    }

    /// An outcome recorded now by `actor`.
    pub fn outcome(actor: &Actor, outcome: Outcome) -> Measurement {
        Measurement::Outcome(StoredOutcome {
            id: new_id(),
            outcome,
            recorded_by: actor.user_id.to_string(),
            created_at: Utc::now(),
        })
    }
}

/// Stores `m` on the case, audited as `actor`'s change from `addr`.
pub async fn save(
    state: &AppState,
    actor: &Actor,
    case: &Case,
    m: &Measurement,
    addr: &str,
) -> Result<(), StoreError> {
    let scope = OrgScope::of(actor);
    let store = &state.store;
    let event = |action| case_event(actor, action, &case.id, addr);
    match m {
        Measurement::Screening(s) => {
            store
                .record_screening(&scope, &case.id, s, event(AuditAction::Create))
                .await
        }
        Measurement::SelfReport(r) => {
            store
                .record_self_report(&scope, &case.id, r, event(AuditAction::Create))
                .await
        }
        Measurement::Outcome(o) => {
            store
                .record_outcome(&scope, &case.id, o, event(AuditAction::Create))
                .await
        }
        Measurement::Interval(every) => {
            store
                .set_check_interval(&scope, &case.id, *every, event(AuditAction::Update))
                .await
        }
    }
}

/// A date as posted: blank is `default`, otherwise `YYYY-MM-DD` and not after `today`.
pub fn past_date(
    field: &'static str,
    raw: &str,
    default: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(default);
    }
    let on = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "error-date-format"))?;
    if on > today {
        return Err(FieldError::new(field, "error-date-future"));
    }
    Ok(on)
}

/// A screening on `screened_on` (blank: today; not in the future), every problem at once.
pub fn parse_screening(
    raw: &[RawDomainAnswer],
    screened_on: &str,
    today: NaiveDate,
) -> Result<Screening, Vec<FieldError>> {
    let on = past_date("screened_on", screened_on, today, today);
    match (on, Screening::parse(raw, today)) {
        (Ok(on), Ok(_)) => Screening::parse(raw, on),
        (Ok(_), Err(errors)) => Err(errors),
        (Err(e), Ok(_)) => Err(vec![e]),
        (Err(e), Err(mut errors)) => {
            errors.insert(0, e);
            Err(errors)
        }
    }
}

/// A self-report answered today.
pub fn parse_self_report(
    raw: &RawSelfReport,
    today: NaiveDate,
) -> Result<SelfReport, Vec<FieldError>> {
    SelfReport::parse(raw, today)
}

/// An outcome of this case: dated between the case's opening and today.
pub fn parse_outcome(
    raw: &RawOutcome,
    case: &Case,
    today: NaiveDate,
) -> Result<Outcome, Vec<FieldError>> {
    Outcome::parse(raw, today, case.opened_on)
}

/// How often the check is due, as posted: a whole number of months, 1–24.
pub fn parse_interval(raw: Option<&NumberOrText>) -> Result<CheckInterval, Vec<FieldError>> {
    CheckInterval::parse_raw(raw).map_err(|e| vec![e])
}

/// The screening's domains as a browser posts them: `<domain>` = `yes` / `no` and
/// `<domain>_note`. A domain without a yes or no stays unanswered (`error-required`).
pub fn domains_from_form(form: &HashMap<String, String>) -> Vec<RawDomainAnswer> {
    ScreeningDomain::ALL
        .iter()
        .map(|d| RawDomainAnswer {
            domain: d.as_str().to_string(),
            problem: match form.get(d.as_str()).map(|v| v.trim()) {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            note: form.get(d.note_field()).cloned(),
        })
        .collect()
}

/// The case's check schedule: the interval, the day the last support check was finished, and
/// when the next one is due.
pub struct Schedule {
    pub every: CheckInterval,
    pub last_check: Option<NaiveDate>,
    pub due: NaiveDate,
}

pub async fn schedule(
    state: &AppState,
    scope: &OrgScope,
    case: &Case,
) -> Result<Schedule, StoreError> {
    let (every, checks) = tokio::try_join!(
        state.store.check_interval(scope, &case.id),
        state.store.support_checks(scope, &case.id)
    )?;
    Ok(Schedule {
        every,
        last_check: checks.iter().filter_map(|c| c.check.finished_on()).max(),
        due: next_check_due(case, &checks, every),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn dates_in_the_past_or_blank() {
        let today = day(2026, 5, 10);
        assert_eq!(past_date("d", " ", today, today), Ok(today));
        assert_eq!(
            past_date("d", "2026-05-09", today, today),
            Ok(day(2026, 5, 9))
        );
        assert_eq!(
            past_date("d", "2026-05-11", today, today),
            Err(FieldError::new("d", "error-date-future"))
        );
        assert_eq!(
            past_date("d", "10-05-2026", today, today),
            Err(FieldError::new("d", "error-date-format"))
        );
    }

    #[test]
    fn form_domains_and_screening_dates() {
        let today = day(2026, 5, 10);
        let mut form: HashMap<String, String> = ScreeningDomain::ALL
            .iter()
            .map(|d| (d.as_str().to_string(), "yes".to_string()))
            .collect();
        form.insert("context".into(), "no".into());
        form.insert("child_note".into(), "Moe".into());
        let s = parse_screening(&domains_from_form(&form), "", today);
        assert_eq!(s.as_ref().map(Screening::problem_count), Ok(6));
        assert_eq!(s.map(|s| s.screened_on()), Ok(today));
        form.remove("parenting");
        let errors = parse_screening(&domains_from_form(&form), "2026-06-01", today)
            .err()
            .unwrap_or_default();
        assert_eq!(
            errors.iter().map(|e| (e.field, e.key)).collect::<Vec<_>>(),
            [
                ("screened_on", "error-date-future"),
                ("parenting", "error-required")
            ]
        );
    }

    /// Every label and error key of the measurements has a Dutch and an English text (the
    /// insight key belongs to the analysts' pages).
    #[test]
    fn measurement_keys_have_texts() {
        use crate::i18n::{Lang, Tr};
        let (nl, en) = (Tr::new(Lang::Nl), Tr::new(Lang::En));
        for key in steunkring_domain::measure::MESSAGE_KEYS
            .iter()
            .filter(|k| **k != steunkring_domain::insight::SUPPRESSED_KEY)
        {
            assert_ne!(nl.t(key), *key, "{key} in Dutch");
            assert_ne!(en.t(key), *key, "{key} in English");
        }
    }
}
