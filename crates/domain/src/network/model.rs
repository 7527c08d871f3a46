//! The words of a network map as types: rings, sectors, levels, support, ties.
//!
//! The value lists are the ones of the JSON API (`api-v1.md`); every enum has `ALL`, `as_str`
//! and `parse`, and serialises as the same snake_case text, so a value reads the same in JSON,
//! in the database and in a form.

use crate::FieldError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A list of values with one text form each: the variants, `ALL`, `as_str`, `parse` and serde
/// all come from the one list, so they cannot drift apart.
macro_rules! value_list {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value for its text form (surrounding spaces ignored); `None` for anything else.
            pub fn parse(raw: &str) -> Option<$name> {
                let raw = raw.trim();
                $name::ALL.into_iter().find(|v| v.as_str() == raw)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

/// A network member's id, stable across map versions so that change over time stays visible.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(String);

impl MemberId {
    /// A fresh, unique id (UUID v7, like the other ids).
    pub fn generate() -> Self {
        Self(uuid::Uuid::now_v7().to_string())
    }
    /// An id as it came from the database or a URL; only a key, so any text is accepted.
    pub fn from_stored(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Closeness to the young person (JGZ guideline "three rings"). On the wire it is the number
/// 1–3, as people say it: "she is in my first ring".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Ring {
    /// Household, close family, best friends, neighbours who are like family.
    Inner = 1,
    Middle = 2,
    Outer = 3,
}

impl Ring {
    pub const ALL: [Ring; 3] = [Ring::Inner, Ring::Middle, Ring::Outer];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// A name for CSS classes and message keys (`inner`, `middle`, `outer`); the API uses the
    /// number.
    pub fn as_str(self) -> &'static str {
        match self {
            Ring::Inner => "inner",
            Ring::Middle => "middle",
            Ring::Outer => "outer",
        }
    }

    /// The ring for 1, 2 or 3.
    pub fn parse(number: u8) -> Result<Ring, FieldError> {
        match number {
            1 => Ok(Ring::Inner),
            2 => Ok(Ring::Middle),
            3 => Ok(Ring::Outer),
            _ => Err(FieldError::new("ring", "error-ring-range")),
        }
    }
}

impl TryFrom<u8> for Ring {
    type Error = FieldError;
    fn try_from(number: u8) -> Result<Ring, FieldError> {
        Ring::parse(number)
    }
}

impl From<Ring> for u8 {
    fn from(ring: Ring) -> u8 {
        ring.number()
    }
}

value_list!(
    /// The part of life a member belongs to (*sector*). Organisations may later add their own;
    /// these seven are the API's fixed list.
    Sector {
        Family = "family",
        /// Friends and acquaintances.
        Friends = "friends",
        Neighbourhood = "neighbourhood",
        SchoolWork = "school_work",
        /// Leisure and clubs.
        Leisure = "leisure",
        /// Religious and community life.
        Community = "community",
        /// Care, education and other professionals.
        Professional = "professional",
    }
);

value_list!(
    /// Level in the pedagogical civil society (seed 004). Levels 1–2 are informal, 3–4 formal.
    Level {
        /// A person who helps of their own accord.
        VoluntaryIndividual = "voluntary_individual",
        /// A club, church, mosque, community centre or volunteer organisation.
        VoluntaryCollective = "voluntary_collective",
        /// A teacher, youth worker or care professional.
        ProfessionalIndividual = "professional_individual",
        /// A school, care organisation or government body.
        ProfessionalCollective = "professional_collective",
    }
);

impl Level {
    /// Levels 1–2: the young person's own circle rather than paid help.
    pub fn is_informal(self) -> bool {
        matches!(
            self,
            Level::VoluntaryIndividual | Level::VoluntaryCollective
        )
    }
}

value_list!(
    /// A kind of support (SSNM types plus the five JIM aspects).
    SupportType {
        /// Being there, listening, comfort.
        Emotional = "emotional",
        /// Concrete, instrumental help: a lift, a meal, a place to sleep.
        Practical = "practical",
        /// Advice and information.
        Advice = "advice",
        /// Normative support: an example to follow.
        RoleModel = "role_model",
        /// Care and supervision a parent gives.
        Parental = "parental",
        Financial = "financial",
        /// Opening doors to other people and resources (social capital).
        Mobilising = "mobilising",
    }
);

value_list!(
    /// Which way support flows; reciprocity matters for how long a tie lasts.
    Direction {
        /// The member supports the young person.
        ToYouth = "to_youth",
        /// The young person supports the member.
        FromYouth = "from_youth",
        /// Both ways.
        Mutual = "mutual",
    }
);

impl Direction {
    /// The young person receives this support.
    pub fn reaches_youth(self) -> bool {
        matches!(self, Direction::ToYouth | Direction::Mutual)
    }
    /// The young person gives this support.
    pub fn leaves_youth(self) -> bool {
        matches!(self, Direction::FromYouth | Direction::Mutual)
    }
    /// The direction that covers both: the same one, or `Mutual` when they differ.
    pub fn combine(self, other: Direction) -> Direction {
        if self == other {
            self
        } else {
            Direction::Mutual
        }
    }
}

/// One kind of support between a member and the young person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Support {
    #[serde(rename = "type")]
    pub kind: SupportType,
    pub direction: Direction,
}

value_list!(
    /// How the tie between the young person and a member feels.
    TieQuality {
        Supportive = "supportive",
        /// Both good and hard.
        Ambivalent = "ambivalent",
        /// Stress or conflict.
        Stressful = "stressful",
        /// Contact has been broken off.
        Broken = "broken",
    }
);

impl TieQuality {
    /// Stressful or broken: the ties the indicators count as strained.
    pub fn is_strained(self) -> bool {
        matches!(self, TieQuality::Stressful | TieQuality::Broken)
    }
}

value_list!(
    /// How two members relate to each other.
    TieKind {
        /// They know each other, nothing more is said.
        Knows = "knows",
        Supportive = "supportive",
        Ambivalent = "ambivalent",
        /// Stress or conflict.
        Stressful = "stressful",
        Broken = "broken",
    }
);

impl TieKind {
    /// Stressful or broken: the ties the indicators count as strained.
    pub fn is_strained(self) -> bool {
        matches!(self, TieKind::Stressful | TieKind::Broken)
    }
}

value_list!(
    /// The young person's stance towards a member. Rejecting someone is the young person's
    /// explicit right (seed 004).
    Stance {
        /// The young person chose this person, e.g. as a support figure.
        Chosen = "chosen",
        Accepted = "accepted",
        Neutral = "neutral",
        /// The young person does not want this person involved.
        Rejected = "rejected",
    }
);

value_list!(
    /// A formal role a member holds in the help.
    MemberRole {
        /// *Steunfiguur* / JIM (*Jouw Ingebrachte Mentor*); several are encouraged.
        SupportFigure = "support_figure",
        /// *Burgervoogd*: a person from the network who holds guardianship.
        CitizenGuardian = "citizen_guardian",
        /// *Netwerkpleegouder*: foster parent from the young person's own network.
        NetworkFosterParent = "network_foster_parent",
        /// *Ouder met gezag*: a parent with legal authority.
        ParentWithGezag = "parent_with_gezag",
    }
);

impl MemberRole {
    /// Roles that only an adult can hold (guardianship, foster care, legal authority).
    pub fn needs_adult(self) -> bool {
        !matches!(self, MemberRole::SupportFigure)
    }
}

value_list!(
    /// How often the young person sees the member (SSNM scale 0–4).
    ContactFrequency {
        NotAtAll = "not_at_all",
        FewTimesAYear = "few_times_a_year",
        Monthly = "monthly",
        Weekly = "weekly",
        Daily = "daily",
    }
);

impl ContactFrequency {
    /// The SSNM score: 0 not at all … 4 daily.
    pub fn score(self) -> u8 {
        match self {
            ContactFrequency::NotAtAll => 0,
            ContactFrequency::FewTimesAYear => 1,
            ContactFrequency::Monthly => 2,
            ContactFrequency::Weekly => 3,
            ContactFrequency::Daily => 4,
        }
    }

    /// The value for an SSNM score 0–4.
    pub fn from_score(score: u8) -> Option<ContactFrequency> {
        ContactFrequency::ALL
            .into_iter()
            .find(|f| f.score() == score)
    }
}

value_list!(
    /// How long the young person has known the member (SSNM: <1, 1–5, >5 years).
    KnownYears {
        LessThanOne = "less_than_one",
        OneToFive = "one_to_five",
        MoreThanFive = "more_than_five",
    }
);

/// A person in the young person's network (*netwerklid*), as stored.
///
/// Fields are plain because a member is built in two places only: from checked input
/// ([`crate::network::NewMember`]) and from the store, which holds only checked input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NetworkMember {
    pub id: MemberId,
    pub name: String,
    /// In the young person's words: "oma", "my coach", "neighbour upstairs".
    pub relation: String,
    pub ring: Ring,
    pub sector: Sector,
    pub level: Option<Level>,
    /// At most one entry per support type (see [`crate::network::NewMember`]).
    pub support: Vec<Support>,
    /// How the tie with the young person feels.
    pub tie_quality: Option<TieQuality>,
    pub stance: Stance,
    pub roles: Vec<MemberRole>,
    /// Protective factors, e.g. "takes him to football every week".
    pub protective: Option<String>,
    /// Risk factors, e.g. "grandparents' loyalty may stop them reporting unsafety".
    pub risk: Option<String>,
    /// Can be reached and has room to help now.
    pub available: bool,
    pub is_adult: bool,
    pub known_years: Option<KnownYears>,
    pub contact_frequency: Option<ContactFrequency>,
}

impl NetworkMember {
    /// Part of the young person's own circle rather than paid help: levels 1–2, or, when no
    /// level is recorded, any sector but the professional one.
    pub fn is_informal(&self) -> bool {
        match self.level {
            Some(level) => level.is_informal(),
            None => self.sector != Sector::Professional,
        }
    }

    /// Formal help: exactly the members that are not informal, so the two always add up.
    pub fn is_professional(&self) -> bool {
        !self.is_informal()
    }

    pub fn is_rejected(&self) -> bool {
        self.stance == Stance::Rejected
    }

    /// The distinct support types this member gives or receives.
    pub fn support_types(&self) -> impl Iterator<Item = SupportType> + '_ {
        SupportType::ALL
            .into_iter()
            .filter(|kind| self.support.iter().any(|s| s.kind == *kind))
    }

    /// Gives this type of support to the young person (to the youth or both ways).
    pub fn gives(&self, kind: SupportType) -> bool {
        self.support
            .iter()
            .any(|s| s.kind == kind && s.direction.reaches_youth())
    }
}

/// A relation between two members (not with the young person: that is the member's ring, stance
/// and tie quality).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Tie {
    pub from: MemberId,
    pub to: MemberId,
    pub kind: TieKind,
}

impl Tie {
    /// A tie from typed or posted ids and kind. Whether both members exist in the same case is
    /// for the store to check; this checks what can be seen in the values themselves.
    pub fn parse(from: &str, to: &str, kind: &str) -> Result<Tie, Vec<FieldError>> {
        let mut errors = Vec::new();
        let (from, to) = (from.trim(), to.trim());
        if from.is_empty() {
            errors.push(FieldError::new("from", "error-required"));
        }
        if to.is_empty() {
            errors.push(FieldError::new("to", "error-required"));
        }
        if !from.is_empty() && from == to {
            errors.push(FieldError::new("to", "error-tie-self"));
        }
        let kind = if kind.trim().is_empty() {
            errors.push(FieldError::new("kind", "error-required"));
            None
        } else {
            let parsed = TieKind::parse(kind);
            if parsed.is_none() {
                errors.push(FieldError::new("kind", "error-unknown-value"));
            }
            parsed
        };
        match kind {
            Some(kind) if errors.is_empty() => Ok(Tie {
                from: MemberId::from_stored(from),
                to: MemberId::from_stored(to),
                kind,
            }),
            _ => Err(errors),
        }
    }

    /// The two ends in a fixed order, so that a→b and b→a are one pair.
    pub fn pair(&self) -> (&MemberId, &MemberId) {
        if self.from <= self.to {
            (&self.from, &self.to)
        } else {
            (&self.to, &self.from)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error as DeError;

    fn from_text<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, DeError> {
        T::deserialize(text.into_deserializer())
    }

    #[test]
    fn every_value_round_trips_through_text_and_serde() {
        macro_rules! check {
            ($($t:ty),+) => {$(
                for v in <$t>::ALL {
                    assert_eq!(<$t>::parse(v.as_str()), Some(v));
                    assert_eq!(<$t>::parse(&format!(" {} ", v.as_str())), Some(v));
                    assert_eq!(from_text::<$t>(v.as_str()), Ok(v));
                    assert_eq!(v.to_string(), v.as_str());
                }
                assert_eq!(<$t>::parse(""), None);
                assert_eq!(<$t>::parse("Family!"), None);
                assert!(from_text::<$t>("nonsense").is_err());
            )+};
        }
        check!(
            Sector,
            Level,
            SupportType,
            Direction,
            TieQuality,
            TieKind,
            Stance,
            MemberRole,
            ContactFrequency,
            KnownYears
        );
    }

    #[test]
    fn api_spellings() {
        assert_eq!(Sector::SchoolWork.as_str(), "school_work");
        assert_eq!(SupportType::RoleModel.as_str(), "role_model");
        assert_eq!(Direction::ToYouth.as_str(), "to_youth");
        assert_eq!(
            Level::ProfessionalCollective.as_str(),
            "professional_collective"
        );
        assert_eq!(Sector::ALL.len(), 7);
        assert_eq!(SupportType::ALL.len(), 7);
    }

    #[test]
    fn ring_is_one_to_three() {
        for (n, ring) in [(1, Ring::Inner), (2, Ring::Middle), (3, Ring::Outer)] {
            assert_eq!(Ring::parse(n), Ok(ring));
            assert_eq!(ring.number(), n);
            assert_eq!(u8::from(ring), n);
        }
        for n in [0, 4, 9, 255] {
            assert_eq!(
                Ring::parse(n),
                Err(FieldError::new("ring", "error-ring-range"))
            );
        }
        assert_eq!(
            Ring::deserialize(2u8.into_deserializer()),
            Ok::<_, DeError>(Ring::Middle)
        );
        assert!(
            Ring::deserialize(4u8.into_deserializer())
                .map_err(|_: DeError| ())
                .is_err()
        );
    }

    #[test]
    fn contact_frequency_scores() {
        for f in ContactFrequency::ALL {
            assert_eq!(ContactFrequency::from_score(f.score()), Some(f));
        }
        assert_eq!(ContactFrequency::NotAtAll.score(), 0);
        assert_eq!(ContactFrequency::Daily.score(), 4);
        assert_eq!(ContactFrequency::from_score(5), None);
    }

    #[test]
    fn levels_one_and_two_are_informal() {
        let informal: Vec<_> = Level::ALL.into_iter().filter(|l| l.is_informal()).collect();
        assert_eq!(
            informal,
            [Level::VoluntaryIndividual, Level::VoluntaryCollective]
        );
    }

    #[test]
    fn direction_combines_to_mutual() {
        assert_eq!(
            Direction::ToYouth.combine(Direction::ToYouth),
            Direction::ToYouth
        );
        assert_eq!(
            Direction::ToYouth.combine(Direction::FromYouth),
            Direction::Mutual
        );
        assert_eq!(
            Direction::Mutual.combine(Direction::FromYouth),
            Direction::Mutual
        );
    }

    fn member(sector: Sector, level: Option<Level>) -> NetworkMember {
        NetworkMember {
            id: MemberId::from_stored("m"),
            name: "Test".into(),
            relation: String::new(),
            ring: Ring::Inner,
            sector,
            level,
            support: vec![],
            tie_quality: None,
            stance: Stance::Neutral,
            roles: vec![],
            protective: None,
            risk: None,
            available: true,
            is_adult: true,
            known_years: None,
            contact_frequency: None,
        }
    }

    #[test]
    fn informal_follows_level_then_sector() {
        assert!(member(Sector::Family, None).is_informal());
        assert!(member(Sector::Professional, None).is_professional());
        // A volunteer mentor found through a care organisation is still informal.
        assert!(member(Sector::Professional, Some(Level::VoluntaryIndividual)).is_informal());
        // The football club's paid youth worker is formal, though in the leisure sector.
        assert!(member(Sector::Leisure, Some(Level::ProfessionalIndividual)).is_professional());
    }

    #[test]
    fn tie_parse() {
        let tie = Tie::parse(" a ", "b", "stressful");
        assert_eq!(
            tie,
            Ok(Tie {
                from: MemberId::from_stored("a"),
                to: MemberId::from_stored("b"),
                kind: TieKind::Stressful
            })
        );
        assert_eq!(
            Tie::parse("a", "a", "knows"),
            Err(vec![FieldError::new("to", "error-tie-self")])
        );
        assert_eq!(
            Tie::parse("", "b", "hates"),
            Err(vec![
                FieldError::new("from", "error-required"),
                FieldError::new("kind", "error-unknown-value")
            ])
        );
        assert_eq!(
            Tie::parse("a", "b", " "),
            Err(vec![FieldError::new("kind", "error-required")])
        );
    }

    #[test]
    fn tie_pair_is_unordered() {
        let ab = Tie::parse("a", "b", "knows");
        let ba = Tie::parse("b", "a", "knows");
        match (ab, ba) {
            (Ok(ab), Ok(ba)) => assert_eq!(ab.pair(), ba.pair()),
            other => panic!("both valid: {other:?}"),
        }
    }
}
