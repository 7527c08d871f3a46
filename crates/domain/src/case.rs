//! The case (*dossier*): one young person and their family, held by a team of an organisation.

use crate::{FieldError, PersonName, TeamId, UserId};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Where the help takes place (*setting*).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// Wijkteam / sociaal team.
    Wijkteam,
    /// Ambulant specialist team.
    AmbulantSpecialist,
    /// Residential care (*residentieel*).
    Residential,
    /// JeugdzorgPlus: closed youth care.
    Jeugdzorgplus,
    /// Foster care (*pleegzorg*).
    FosterCare,
    /// Crisis care.
    Crisis,
}

impl Setting {
    pub const ALL: [Setting; 6] = [
        Setting::Wijkteam,
        Setting::AmbulantSpecialist,
        Setting::Residential,
        Setting::Jeugdzorgplus,
        Setting::FosterCare,
        Setting::Crisis,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Setting::Wijkteam => "wijkteam",
            Setting::AmbulantSpecialist => "ambulant_specialist",
            Setting::Residential => "residential",
            Setting::Jeugdzorgplus => "jeugdzorgplus",
            Setting::FosterCare => "foster_care",
            Setting::Crisis => "crisis",
        }
    }

    pub fn parse(raw: &str) -> Option<Setting> {
        Setting::ALL.into_iter().find(|s| s.as_str() == raw.trim())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    Open,
    Closed,
}

impl CaseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseStatus::Open => "open",
            CaseStatus::Closed => "closed",
        }
    }
    pub fn parse(raw: &str) -> Option<CaseStatus> {
        match raw {
            "open" => Some(CaseStatus::Open),
            "closed" => Some(CaseStatus::Closed),
            _ => None,
        }
    }
}

/// A parent or carer, and whether they hold *gezag* (legal authority): it decides who must
/// consent for a young person under 16.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parent {
    pub name: String,
    pub gezag: bool,
}

/// The oldest age at which youth care still starts a case here (help can run to 23, and
/// aftercare beyond).
pub const MAX_AGE_YEARS: i32 = 27;

/// A birth date that is not in the future and fits youth care.
pub fn parse_birth_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, FieldError> {
    let date = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new("birth_date", "error-date-format"))?;
    if date > today {
        return Err(FieldError::new("birth_date", "error-birth-date-future"));
    }
    if age_on(date, today) > MAX_AGE_YEARS {
        return Err(FieldError::new("birth_date", "error-birth-date-too-old"));
    }
    Ok(date)
}

/// Age in whole years on `day` (a 29 February birthday counts from 1 March in other years).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut age = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Everything needed to open or update a case, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseDetails {
    pub youth_name: PersonName,
    pub preferred_name: Option<String>,
    pub birth_date: NaiveDate,
    pub gender: Option<String>,
    pub setting: Setting,
    pub team_id: TeamId,
    pub network_lead: Option<UserId>,
    pub parents: Vec<Parent>,
}

/// The raw fields of a case as a form or JSON body gives them.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CaseInput {
    pub youth_name: String,
    #[serde(default)]
    pub preferred_name: Option<String>,
    pub birth_date: String,
    #[serde(default)]
    pub gender: Option<String>,
    pub setting: String,
    pub team_id: String,
    #[serde(default)]
    pub network_lead: Option<String>,
    #[serde(default)]
    pub parents: Vec<Parent>,
}

fn optional_text(
    field: &'static str,
    raw: Option<&str>,
    max: usize,
) -> Result<Option<String>, FieldError> {
    let Some(v) = raw.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    if v.chars().count() > max {
        return Err(FieldError::new(field, "error-too-long"));
    }
    if v.chars().any(char::is_control) {
        return Err(FieldError::new(field, "error-control-characters"));
    }
    Ok(Some(v.to_string()))
}

impl CaseDetails {
    /// Checks every field and reports all problems at once.
    pub fn parse(input: &CaseInput, today: NaiveDate) -> Result<CaseDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let youth_name = PersonName::parse("youth_name", &input.youth_name)
            .map_err(|e| errors.push(e))
            .ok();
        let preferred_name = optional_text("preferred_name", input.preferred_name.as_deref(), 100)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let gender = optional_text("gender", input.gender.as_deref(), 50)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten();
        let birth_date = parse_birth_date(&input.birth_date, today)
            .map_err(|e| errors.push(e))
            .ok();
        let setting = Setting::parse(&input.setting);
        if setting.is_none() {
            errors.push(FieldError::new("setting", "error-unknown-value"));
        }
        if input.team_id.trim().is_empty() {
            errors.push(FieldError::new("team_id", "error-required"));
        }
        if input.parents.len() > 6 {
            errors.push(FieldError::new("parents", "error-too-many"));
        }
        let mut parents = Vec::new();
        for p in &input.parents {
            match PersonName::parse("parents", &p.name) {
                Ok(name) => parents.push(Parent {
                    name: name.as_str().to_string(),
                    gezag: p.gezag,
                }),
                Err(e) => errors.push(e),
            }
        }
        match (youth_name, birth_date, setting) {
            (Some(youth_name), Some(birth_date), Some(setting)) if errors.is_empty() => {
                Ok(CaseDetails {
                    youth_name,
                    preferred_name,
                    birth_date,
                    gender,
                    setting,
                    team_id: TeamId::from_stored(input.team_id.trim()),
                    network_lead: input
                        .network_lead
                        .as_deref()
                        .map(str::trim)
                        .filter(|v| !v.is_empty())
                        .map(UserId::from_stored),
                    parents,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn input() -> CaseInput {
        CaseInput {
            youth_name: "Sam de Boer".into(),
            birth_date: "2011-05-04".into(),
            setting: "wijkteam".into(),
            team_id: "team-1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn ages_at_birthdays() {
        assert_eq!(age_on(day(2010, 6, 15), day(2022, 6, 14)), 11);
        assert_eq!(age_on(day(2010, 6, 15), day(2022, 6, 15)), 12);
        assert_eq!(age_on(day(2008, 2, 29), day(2024, 2, 28)), 15);
        assert_eq!(age_on(day(2008, 2, 29), day(2024, 2, 29)), 16);
        assert_eq!(age_on(day(2008, 2, 29), day(2023, 2, 28)), 14);
        assert_eq!(age_on(day(2008, 2, 29), day(2023, 3, 1)), 15);
    }

    #[test]
    fn a_valid_case_parses() {
        let d = CaseDetails::parse(&input(), day(2026, 11, 22)).expect("valid");
        assert_eq!(d.setting, Setting::Wijkteam);
        assert_eq!(d.birth_date, day(2011, 5, 4));
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = CaseInput {
            youth_name: " ".into(),
            birth_date: "04-05-2011".into(),
            setting: "prison".into(),
            team_id: "".into(),
            preferred_name: Some("x".repeat(101)),
            ..Default::default()
        };
        let errors = CaseDetails::parse(&bad, day(2026, 11, 22)).expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        for f in [
            "youth_name",
            "birth_date",
            "setting",
            "team_id",
            "preferred_name",
        ] {
            assert!(fields.contains(&f), "{f} reported: {fields:?}");
        }
    }

    #[test]
    fn birth_dates_in_the_future_or_too_long_ago_are_refused() {
        let today = day(2026, 11, 22);
        assert!(parse_birth_date("2026-11-23", today).is_err());
        assert!(parse_birth_date("2026-11-22", today).is_ok());
        assert!(parse_birth_date("1990-01-01", today).is_err());
        assert!(parse_birth_date("2026-02-30", today).is_err());
    }
}
