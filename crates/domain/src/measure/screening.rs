//! Multi-problem screening (Bodden & Deković 2010; seed 004): problems on seven domains. A
//! family with problems on at least six of them is *multi-problem*, and its network is likely
//! to be strained too — which is why the screening sits next to the support check.

use super::Note;
use crate::FieldError;
use crate::consent::value_list;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A family is multi-problem with problems on at least this many of the seven domains.
pub const MULTI_PROBLEM_THRESHOLD: usize = 6;

value_list!(
    /// A domain of the screening.
    ScreeningDomain {
        /// The child: behaviour, development, health.
        Child = "child",
        /// The parents: their own problems (health, addiction, debts of their own past).
        Parent = "parent",
        /// Parenting: care, supervision, setting limits.
        Parenting = "parenting",
        /// Family functioning: relations, conflict, violence.
        FamilyFunctioning = "family_functioning",
        /// Context: finances, housing, work.
        Context = "context",
        /// The social network: isolation, conflict, no one to turn to.
        SocialNetwork = "social_network",
        /// Help history: long or repeated help, help that did not work.
        HelpHistory = "help_history",
    }
);

impl ScreeningDomain {
    pub fn label_key(self) -> &'static str {
        match self {
            ScreeningDomain::Child => "screening-domain-child",
            ScreeningDomain::Parent => "screening-domain-parent",
            ScreeningDomain::Parenting => "screening-domain-parenting",
            ScreeningDomain::FamilyFunctioning => "screening-domain-family-functioning",
            ScreeningDomain::Context => "screening-domain-context",
            ScreeningDomain::SocialNetwork => "screening-domain-social-network",
            ScreeningDomain::HelpHistory => "screening-domain-help-history",
        }
    }

    /// The form field of this domain's note (`child_note`), for error messages.
    pub fn note_field(self) -> &'static str {
        match self {
            ScreeningDomain::Child => "child_note",
            ScreeningDomain::Parent => "parent_note",
            ScreeningDomain::Parenting => "parenting_note",
            ScreeningDomain::FamilyFunctioning => "family_functioning_note",
            ScreeningDomain::Context => "context_note",
            ScreeningDomain::SocialNetwork => "social_network_note",
            ScreeningDomain::HelpHistory => "help_history_note",
        }
    }
}

/// The answer on one domain: are there problems, and optionally a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainAnswer {
    pub problem: bool,
    pub note: Option<Note>,
}

/// One domain as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawDomainAnswer {
    pub domain: String,
    /// Required: "no problems" must be said, not assumed.
    pub problem: Option<bool>,
    pub note: Option<String>,
}

/// A screening with an answer on every one of the seven domains.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredScreening")]
pub struct Screening {
    screened_on: NaiveDate,
    domains: BTreeMap<ScreeningDomain, DomainAnswer>,
}

#[derive(Deserialize)]
struct StoredScreening {
    screened_on: NaiveDate,
    domains: BTreeMap<ScreeningDomain, DomainAnswer>,
}

impl TryFrom<StoredScreening> for Screening {
    type Error = FieldError;
    fn try_from(stored: StoredScreening) -> Result<Screening, FieldError> {
        match ScreeningDomain::ALL
            .into_iter()
            .find(|d| !stored.domains.contains_key(d))
        {
            Some(missing) => Err(FieldError::new(missing.as_str(), "error-required")),
            None => Ok(Screening {
                screened_on: stored.screened_on,
                domains: stored.domains,
            }),
        }
    }
}

impl Screening {
    /// The screening in `raw`, or every problem with it: an unknown or repeated domain, a
    /// domain left out or without a yes/no (field: the domain's code), a note that is too long
    /// or holds control characters (field: [`ScreeningDomain::note_field`]).
    pub fn parse(
        raw: &[RawDomainAnswer],
        screened_on: NaiveDate,
    ) -> Result<Screening, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut domains = BTreeMap::new();
        let mut seen = Vec::new();
        for item in raw {
            let Some(domain) = ScreeningDomain::parse(&item.domain) else {
                errors.push(FieldError::new("domain", "error-unknown-value"));
                continue;
            };
            if seen.contains(&domain) {
                errors.push(FieldError::new(domain.as_str(), "error-invalid-value"));
                continue;
            }
            seen.push(domain);
            let note = Note::parse(domain.note_field(), item.note.as_deref().unwrap_or(""))
                .map_err(|e| errors.push(e))
                .ok();
            let Some(problem) = item.problem else {
                errors.push(FieldError::new(domain.as_str(), "error-required"));
                continue;
            };
            if let Some(note) = note {
                domains.insert(domain, DomainAnswer { problem, note });
            }
        }
        for domain in ScreeningDomain::ALL {
            if !seen.contains(&domain) {
                errors.push(FieldError::new(domain.as_str(), "error-required"));
            }
        }
        if errors.is_empty() && domains.len() == ScreeningDomain::ALL.len() {
            Ok(Screening {
                screened_on,
                domains,
            })
        } else {
            Err(errors)
        }
    }

    pub fn screened_on(&self) -> NaiveDate {
        self.screened_on
    }

    /// The answer on `domain`; every domain has one.
    pub fn answer(&self, domain: ScreeningDomain) -> Option<&DomainAnswer> {
        self.domains.get(&domain)
    }

    /// Domains with problems, in [`ScreeningDomain::ALL`] order.
    pub fn domains_with_problems(&self) -> Vec<ScreeningDomain> {
        self.domains
            .iter()
            .filter(|(_, a)| a.problem)
            .map(|(d, _)| *d)
            .collect()
    }

    /// How many of the seven domains have problems.
    pub fn problem_count(&self) -> usize {
        self.domains.values().filter(|a| a.problem).count()
    }

    /// Problems on at least [`MULTI_PROBLEM_THRESHOLD`] (six) of the seven domains.
    pub fn is_multi_problem(&self) -> bool {
        self.problem_count() >= MULTI_PROBLEM_THRESHOLD
    }
}

impl fmt::Display for Screening {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "screening of {}: problems on {} of 7 domains",
            self.screened_on,
            self.problem_count()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 2).unwrap_or(NaiveDate::MIN)
    }

    fn raw(problems: &[bool; 7]) -> Vec<RawDomainAnswer> {
        ScreeningDomain::ALL
            .into_iter()
            .zip(problems)
            .map(|(d, p)| RawDomainAnswer {
                domain: d.as_str().into(),
                problem: Some(*p),
                note: None,
            })
            .collect()
    }

    fn keys(r: Result<Screening, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn six_of_seven_is_multi_problem() {
        // Problems everywhere but the social network: 6 ≥ 6.
        let s = Screening::parse(&raw(&[true, true, true, true, true, false, true]), day());
        assert_eq!(s.as_ref().map(Screening::problem_count), Ok(6));
        assert_eq!(s.as_ref().map(Screening::is_multi_problem), Ok(true));
        assert_eq!(s.map(|s| s.domains_with_problems().len()), Ok(6));
        // Five is not.
        let s = Screening::parse(&raw(&[true, true, false, true, true, false, true]), day());
        assert_eq!(s.map(|s| s.is_multi_problem()), Ok(false));
        let s = Screening::parse(&raw(&[false; 7]), day());
        assert_eq!(s.map(|s| s.problem_count()), Ok(0));
    }

    #[test]
    fn notes_are_kept_and_checked() {
        let mut items = raw(&[true; 7]);
        items[4].note = Some("  Schulden, huisuitzetting dreigt  ".into());
        let s = Screening::parse(&items, day());
        assert_eq!(
            s.ok()
                .and_then(|s| s.answer(ScreeningDomain::Context).cloned())
                .and_then(|a| a.note)
                .map(|n| n.to_string()),
            Some("Schulden, huisuitzetting dreigt".to_string())
        );
        items[0].note = Some("x".repeat(1_001));
        items[1].note = Some("a\u{0}b".into());
        assert_eq!(
            keys(Screening::parse(&items, day())),
            [
                ("child_note", "error-too-long"),
                ("parent_note", "error-control-characters")
            ]
        );
    }

    #[test]
    fn every_domain_once_with_a_yes_or_no() {
        let mut items = raw(&[false; 7]);
        items.remove(6); // help_history left out
        items[0].problem = None; // child without an answer
        items.push(RawDomainAnswer {
            domain: "school".into(),
            problem: Some(true),
            note: None,
        });
        items.push(RawDomainAnswer {
            domain: "parent".into(),
            problem: Some(true),
            note: None,
        });
        assert_eq!(
            keys(Screening::parse(&items, day())),
            [
                ("child", "error-required"),
                ("domain", "error-unknown-value"),
                ("parent", "error-invalid-value"),
                ("help_history", "error-required"),
            ]
        );
    }

    #[test]
    fn labels() {
        assert_eq!(
            ScreeningDomain::FamilyFunctioning.label_key(),
            "screening-domain-family-functioning"
        );
        assert_eq!(ScreeningDomain::ALL.len(), 7);
        for d in ScreeningDomain::ALL {
            assert_eq!(ScreeningDomain::parse(d.as_str()), Some(d));
            assert!(d.note_field().starts_with(d.as_str()));
        }
    }

    proptest! {
        #[test]
        fn multi_problem_iff_six_or_more(problems in any::<[bool; 7]>()) {
            let s = Screening::parse(&raw(&problems), day());
            prop_assert!(s.is_ok());
            if let Ok(s) = s {
                let count = problems.iter().filter(|p| **p).count();
                prop_assert_eq!(s.problem_count(), count);
                prop_assert_eq!(s.is_multi_problem(), count >= 6);
                prop_assert_eq!(s.domains_with_problems().len(), count);
                for d in ScreeningDomain::ALL {
                    prop_assert!(s.answer(d).is_some());
                }
            }
        }
    }
}
