//! A new or changed network member as a person typed it, checked once where it enters.

use super::model::{
    ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring,
    Sector, Stance, Support, SupportType, TieQuality,
};
use crate::{FieldError, PersonName};
use serde::Deserialize;

/// A value that JSON may send as a number and a form sends as text (`"ring": 2` or `ring=2`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum NumberOrText {
    Number(i64),
    Text(String),
}

impl NumberOrText {
    /// The whole number it holds, if any; text is trimmed first.
    pub(crate) fn as_integer(&self) -> Option<i64> {
        match self {
            NumberOrText::Number(n) => Some(*n),
            NumberOrText::Text(text) => text.trim().parse().ok(),
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        matches!(self, NumberOrText::Text(text) if text.trim().is_empty())
    }
}

/// One `support` item as posted: `{"type": "emotional", "direction": "to_youth"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct RawSupport {
    #[serde(rename = "type")]
    pub kind: String,
    /// Missing means `to_youth`: what people mean when they say "she helps me".
    #[serde(default)]
    pub direction: Option<String>,
}

/// A member as posted by the API or a form, before any check. Field names are the API's, so the
/// web layer can deserialise a request body straight into it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawMember {
    pub name: String,
    pub relation: String,
    pub ring: Option<NumberOrText>,
    pub sector: String,
    pub level: Option<String>,
    pub support: Vec<RawSupport>,
    pub tie_quality: Option<String>,
    pub stance: Option<String>,
    pub roles: Vec<String>,
    pub known_years: Option<String>,
    /// Its name (`weekly`) or its SSNM score (`3`).
    pub contact_frequency: Option<NumberOrText>,
    pub protective: Option<String>,
    pub risk: Option<String>,
    pub available: Option<bool>,
    pub is_adult: Option<bool>,
}

/// A network member that passed every check, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMember {
    pub name: PersonName,
    pub relation: String,
    pub ring: Ring,
    pub sector: Sector,
    pub level: Option<Level>,
    pub support: Vec<Support>,
    pub tie_quality: Option<TieQuality>,
    pub stance: Stance,
    pub roles: Vec<MemberRole>,
    pub known_years: Option<KnownYears>,
    pub contact_frequency: Option<ContactFrequency>,
    pub protective: Option<String>,
    pub risk: Option<String>,
    pub available: bool,
    pub is_adult: bool,
}

impl NewMember {
    pub const RELATION_MAX_LEN: usize = 200;
    pub const NOTE_MAX_LEN: usize = 2000;

    /// Checks every field and reports every problem at once, so a person fixes the form in one
    /// go.
    ///
    /// Defaults for what the API may leave out: stance `neutral` (nothing recorded yet),
    /// `available` and `is_adult` true (most people placed on a map are adults who are there;
    /// the form asks, and the indicators say which adults count). Support is normalised to one
    /// entry per type: the same type posted twice keeps one direction, `to_youth` plus
    /// `from_youth` becomes `mutual`. Repeated roles are kept once.
    pub fn parse(raw: &RawMember) -> Result<NewMember, Vec<FieldError>> {
        let mut errors = Vec::new();

        let name = PersonName::parse("name", &raw.name)
            .map_err(|e| errors.push(e))
            .ok();
        let relation = text("relation", &raw.relation, Self::RELATION_MAX_LEN, false)
            .map_err(|e| errors.push(e))
            .ok()
            .flatten()
            .unwrap_or_default();

        let ring = match &raw.ring {
            None => Err(FieldError::new("ring", "error-required")),
            Some(value) if value.is_blank() => Err(FieldError::new("ring", "error-required")),
            Some(value) => value
                .as_integer()
                .and_then(|n| u8::try_from(n).ok())
                .ok_or(FieldError::new("ring", "error-ring-range"))
                .and_then(Ring::parse),
        }
        .map_err(|e| errors.push(e))
        .ok();

        let sector = if raw.sector.trim().is_empty() {
            errors.push(FieldError::new("sector", "error-required"));
            None
        } else {
            one("sector", Some(&raw.sector), Sector::parse, &mut errors)
        };
        let level = one("level", raw.level.as_deref(), Level::parse, &mut errors);
        let tie_quality = one(
            "tie_quality",
            raw.tie_quality.as_deref(),
            TieQuality::parse,
            &mut errors,
        );
        let stance = one("stance", raw.stance.as_deref(), Stance::parse, &mut errors)
            .unwrap_or(Stance::Neutral);
        let known_years = one(
            "known_years",
            raw.known_years.as_deref(),
            KnownYears::parse,
            &mut errors,
        );
        let contact_frequency = match &raw.contact_frequency {
            None => None,
            Some(value) if value.is_blank() => None,
            Some(value) => {
                let parsed = match value {
                    NumberOrText::Text(text) => ContactFrequency::parse(text),
                    NumberOrText::Number(_) => None,
                }
                .or_else(|| {
                    value
                        .as_integer()
                        .and_then(|n| u8::try_from(n).ok())
                        .and_then(ContactFrequency::from_score)
                });
                if parsed.is_none() {
                    errors.push(FieldError::new("contact_frequency", "error-unknown-value"));
                }
                parsed
            }
        };

        let support = support(&raw.support, &mut errors);

        let mut roles: Vec<MemberRole> = Vec::new();
        let mut unknown_role = false;
        for role in &raw.roles {
            match MemberRole::parse(role) {
                Some(role) if !roles.contains(&role) => roles.push(role),
                Some(_) => {}
                None => unknown_role = true,
            }
        }
        let is_adult = raw.is_adult.unwrap_or(true);
        if unknown_role {
            errors.push(FieldError::new("roles", "error-unknown-value"));
        } else if !is_adult && roles.iter().any(|r| r.needs_adult()) {
            errors.push(FieldError::new("roles", "error-role-needs-adult"));
        }

        let protective = text(
            "protective",
            raw.protective.as_deref().unwrap_or(""),
            Self::NOTE_MAX_LEN,
            true,
        )
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();
        let risk = text(
            "risk",
            raw.risk.as_deref().unwrap_or(""),
            Self::NOTE_MAX_LEN,
            true,
        )
        .map_err(|e| errors.push(e))
        .ok()
        .flatten();

        match (name, ring, sector) {
            (Some(name), Some(ring), Some(sector)) if errors.is_empty() => Ok(NewMember {
                name,
                relation,
                ring,
                sector,
                level,
                support,
                tie_quality,
                stance,
                roles,
                known_years,
                contact_frequency,
                protective,
                risk,
                available: raw.available.unwrap_or(true),
                is_adult,
            }),
            _ => Err(errors),
        }
    }

    /// The member to store under `id` (a new id, or the existing one when changing a member).
    pub fn into_member(self, id: MemberId) -> NetworkMember {
        NetworkMember {
            id,
            name: self.name.as_str().to_string(),
            relation: self.relation,
            ring: self.ring,
            sector: self.sector,
            level: self.level,
            support: self.support,
            tie_quality: self.tie_quality,
            stance: self.stance,
            roles: self.roles,
            protective: self.protective,
            risk: self.risk,
            available: self.available,
            is_adult: self.is_adult,
            known_years: self.known_years,
            contact_frequency: self.contact_frequency,
        }
    }
}

/// An optional value from a list: blank is `None`, an unknown value is an error.
fn one<T>(
    field: &'static str,
    raw: Option<&str>,
    parse: fn(&str) -> Option<T>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let raw = raw.map(str::trim).filter(|r| !r.is_empty())?;
    let parsed = parse(raw);
    if parsed.is_none() {
        errors.push(FieldError::new(field, "error-unknown-value"));
    }
    parsed
}

/// Free text, trimmed; blank is `None`. Notes may span lines; one-line fields may not.
pub(crate) fn text(
    field: &'static str,
    raw: &str,
    max_len: usize,
    multiline: bool,
) -> Result<Option<String>, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > max_len {
        return Err(FieldError::new(field, "error-too-long"));
    }
    let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return Err(FieldError::new(field, "error-control-characters"));
    }
    Ok(Some(value.to_string()))
}

/// One entry per support type, in the order the types were first given.
fn support(raw: &[RawSupport], errors: &mut Vec<FieldError>) -> Vec<Support> {
    let mut out: Vec<Support> = Vec::new();
    let mut problem = None;
    for item in raw {
        let kind = if item.kind.trim().is_empty() {
            problem.get_or_insert("error-required");
            None
        } else {
            SupportType::parse(&item.kind)
        };
        let direction = match item.direction.as_deref().map(str::trim) {
            None | Some("") => Some(Direction::ToYouth),
            Some(raw) => Direction::parse(raw),
        };
        let (Some(kind), Some(direction)) = (kind, direction) else {
            problem.get_or_insert("error-unknown-value");
            continue;
        };
        match out.iter_mut().find(|s| s.kind == kind) {
            Some(existing) => existing.direction = existing.direction.combine(direction),
            None => out.push(Support { kind, direction }),
        }
    }
    if let Some(key) = problem {
        errors.push(FieldError::new("support", key));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn minimal() -> RawMember {
        RawMember {
            name: " Oma Truus ".into(),
            relation: "oma".into(),
            ring: Some(NumberOrText::Number(1)),
            sector: "family".into(),
            ..RawMember::default()
        }
    }

    fn keys(result: Result<NewMember, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        match result {
            Ok(_) => vec![],
            Err(errors) => errors.into_iter().map(|e| (e.field, e.key)).collect(),
        }
    }

    #[test]
    fn minimal_member_with_defaults() {
        let Ok(member) = NewMember::parse(&minimal()) else {
            panic!("minimal member is valid");
        };
        assert_eq!(member.name.as_str(), "Oma Truus");
        assert_eq!(member.ring, Ring::Inner);
        assert_eq!(member.sector, Sector::Family);
        assert_eq!(member.stance, Stance::Neutral);
        assert!(member.available && member.is_adult);
        assert_eq!(member.protective, None);
        let stored = member.into_member(MemberId::from_stored("m1"));
        assert_eq!(stored.name, "Oma Truus");
        assert!(stored.is_informal());
    }

    #[test]
    fn full_member() {
        let raw = RawMember {
            level: Some("voluntary_individual".into()),
            support: vec![
                RawSupport {
                    kind: "emotional".into(),
                    direction: Some("to_youth".into()),
                },
                RawSupport {
                    kind: "practical".into(),
                    direction: None,
                },
                RawSupport {
                    kind: "emotional".into(),
                    direction: Some("from_youth".into()),
                },
            ],
            tie_quality: Some("ambivalent".into()),
            stance: Some("chosen".into()),
            roles: vec!["support_figure".into(), "support_figure".into()],
            known_years: Some("more_than_five".into()),
            contact_frequency: Some(NumberOrText::Text("3".into())),
            protective: Some("Haalt hem elke week op.\nKookt op zondag.".into()),
            risk: Some("  ".into()),
            ..minimal()
        };
        let Ok(member) = NewMember::parse(&raw) else {
            panic!("valid member");
        };
        assert_eq!(
            member.support,
            [
                Support {
                    kind: SupportType::Emotional,
                    direction: Direction::Mutual
                },
                Support {
                    kind: SupportType::Practical,
                    direction: Direction::ToYouth
                },
            ]
        );
        assert_eq!(member.roles, [MemberRole::SupportFigure]);
        assert_eq!(member.contact_frequency, Some(ContactFrequency::Weekly));
        assert_eq!(member.tie_quality, Some(TieQuality::Ambivalent));
        assert_eq!(member.stance, Stance::Chosen);
        assert!(member.protective.is_some_and(|p| p.contains('\n')));
        assert_eq!(member.risk, None);
    }

    #[test]
    fn ring_as_text_or_number() {
        for ring in [NumberOrText::Text(" 2 ".into()), NumberOrText::Number(2)] {
            let raw = RawMember {
                ring: Some(ring),
                ..minimal()
            };
            assert!(matches!(NewMember::parse(&raw), Ok(m) if m.ring == Ring::Middle));
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let raw = RawMember {
            name: String::new(),
            relation: "x".repeat(201),
            ring: Some(NumberOrText::Number(4)),
            sector: "space".into(),
            level: Some("volunteer".into()),
            support: vec![RawSupport {
                kind: "emotional".into(),
                direction: Some("sideways".into()),
            }],
            tie_quality: Some("great".into()),
            stance: Some("maybe".into()),
            roles: vec!["king".into()],
            known_years: Some("ages".into()),
            contact_frequency: Some(NumberOrText::Number(7)),
            protective: Some("p".repeat(2001)),
            risk: Some("a\u{0}b".into()),
            available: None,
            is_adult: None,
        };
        assert_eq!(
            keys(NewMember::parse(&raw)),
            [
                ("name", "error-required"),
                ("relation", "error-too-long"),
                ("ring", "error-ring-range"),
                ("sector", "error-unknown-value"),
                ("level", "error-unknown-value"),
                ("tie_quality", "error-unknown-value"),
                ("stance", "error-unknown-value"),
                ("known_years", "error-unknown-value"),
                ("contact_frequency", "error-unknown-value"),
                ("support", "error-unknown-value"),
                ("roles", "error-unknown-value"),
                ("protective", "error-too-long"),
                ("risk", "error-control-characters"),
            ]
        );
    }

    #[test]
    fn required_fields() {
        let raw = RawMember::default();
        assert_eq!(
            keys(NewMember::parse(&raw)),
            [
                ("name", "error-required"),
                ("ring", "error-required"),
                ("sector", "error-required"),
            ]
        );
        let raw = RawMember {
            ring: Some(NumberOrText::Text(" ".into())),
            support: vec![RawSupport::default()],
            ..minimal()
        };
        assert_eq!(
            keys(NewMember::parse(&raw)),
            [("ring", "error-required"), ("support", "error-required")]
        );
    }

    #[test]
    fn boundaries() {
        let ok = RawMember {
            name: "n".repeat(200),
            relation: "r".repeat(200),
            protective: Some("p".repeat(2000)),
            ..minimal()
        };
        assert!(NewMember::parse(&ok).is_ok());
        let long_name = RawMember {
            name: "n".repeat(201),
            ..minimal()
        };
        assert_eq!(
            keys(NewMember::parse(&long_name)),
            [("name", "error-too-long")]
        );
        let tab_in_relation = RawMember {
            relation: "a\tb".into(),
            ..minimal()
        };
        assert_eq!(
            keys(NewMember::parse(&tab_in_relation)),
            [("relation", "error-control-characters")]
        );
    }

    #[test]
    fn a_minor_cannot_be_guardian() {
        let raw = RawMember {
            is_adult: Some(false),
            roles: vec!["citizen_guardian".into()],
            ..minimal()
        };
        assert_eq!(
            keys(NewMember::parse(&raw)),
            [("roles", "error-role-needs-adult")]
        );
        let buddy = RawMember {
            is_adult: Some(false),
            roles: vec!["support_figure".into()],
            ..minimal()
        };
        assert!(NewMember::parse(&buddy).is_ok());
    }

    #[test]
    fn ring_out_of_range_numbers() {
        for n in [-1, 0, 4, 256, i64::MAX, i64::MIN] {
            let raw = RawMember {
                ring: Some(NumberOrText::Number(n)),
                ..minimal()
            };
            assert_eq!(keys(NewMember::parse(&raw)), [("ring", "error-ring-range")]);
        }
    }

    proptest! {
        /// Whatever arrives, parsing answers (never panics), and what it accepts keeps its limits.
        #[test]
        fn parse_never_panics_and_keeps_limits(
            name in "\\PC{0,250}",
            relation in ".{0,250}",
            ring in any::<i64>(),
            sector in prop::sample::select(vec!["family", "friends", "professional", "x", ""]),
            kinds in prop::collection::vec(("[a-z_]{0,12}", prop::option::of("[a-z_]{0,10}")), 0..10),
            risk in prop::option::of("(?s).{0,2100}"),
        ) {
            let raw = RawMember {
                name,
                relation,
                ring: Some(NumberOrText::Number(ring)),
                sector: sector.into(),
                support: kinds.into_iter().map(|(kind, direction)| RawSupport { kind, direction }).collect(),
                risk,
                ..RawMember::default()
            };
            match NewMember::parse(&raw) {
                Ok(m) => {
                    prop_assert!(m.name.as_str().chars().count() <= 200);
                    prop_assert!(m.relation.chars().count() <= NewMember::RELATION_MAX_LEN);
                    prop_assert!(m.risk.as_ref().is_none_or(|r| r.chars().count() <= NewMember::NOTE_MAX_LEN));
                    prop_assert!((1..=3).contains(&ring));
                    let mut kinds: Vec<_> = m.support.iter().map(|s| s.kind).collect();
                    let before = kinds.len();
                    kinds.dedup();
                    kinds.sort();
                    kinds.dedup();
                    prop_assert_eq!(kinds.len(), before, "one entry per support type");
                }
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }
    }
}
