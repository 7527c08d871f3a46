//! Hand-made networks for the tests: an ordinary one with hostile text mixed in.

use steunkring_domain::network::{
    ContactFrequency, Direction, KnownYears, Level, MemberId, MemberRole, NetworkMember, Ring,
    Sector, Stance, Support, SupportType, Tie, TieKind, TieQuality,
};

/// Markup, the XML specials, an emoji and Dutch diacritics in one name.
pub const HOSTILE_NAME: &str = "<script>alert(\"x\")</script> &\"' 🙂 Zoë Ïsa Renée";

/// Control characters XML 1.0 cannot carry, between ordinary text, plus the three it can.
pub const CONTROL_RELATION: &str = "buur\u{0}man\u{1}\u{7}\u{b}\u{c}\u{1b}\u{7f}\u{85}\u{fffe} één";
/// [`CONTROL_RELATION`] with the forbidden characters gone.
pub const CONTROL_RELATION_CLEAN: &str = "buurman één";

/// A risk note with the whitespace that must survive: CR LF, tab.
pub const MULTILINE_RISK: &str = "line one\r\nline\ttwo\nthree";

/// A member with every optional value unknown.
pub fn member(id: &str, name: &str) -> NetworkMember {
    NetworkMember {
        id: MemberId::from_stored(id),
        name: name.to_string(),
        relation: String::new(),
        ring: Ring::Middle,
        sector: Sector::Friends,
        level: None,
        support: vec![],
        tie_quality: None,
        stance: Stance::Neutral,
        roles: vec![],
        protective: None,
        risk: None,
        available: false,
        is_adult: false,
        known_years: None,
        contact_frequency: None,
    }
}

pub fn tie(from: &str, to: &str, kind: TieKind) -> Tie {
    Tie {
        from: MemberId::from_stored(from),
        to: MemberId::from_stored(to),
        kind,
    }
}

/// Grandmother (everything filled in), a neighbour with hostile text, and a rejected coach
/// (professional, nothing known).
pub fn members() -> Vec<NetworkMember> {
    let oma = NetworkMember {
        relation: "oma".into(),
        ring: Ring::Inner,
        sector: Sector::Family,
        level: Some(Level::VoluntaryIndividual),
        support: vec![
            Support {
                kind: SupportType::Emotional,
                direction: Direction::ToYouth,
            },
            Support {
                kind: SupportType::Practical,
                direction: Direction::Mutual,
            },
        ],
        tie_quality: Some(TieQuality::Supportive),
        stance: Stance::Chosen,
        roles: vec![MemberRole::SupportFigure, MemberRole::CitizenGuardian],
        protective: Some("takes him to football every week".into()),
        available: true,
        is_adult: true,
        known_years: Some(KnownYears::MoreThanFive),
        contact_frequency: Some(ContactFrequency::Weekly),
        ..member("m-oma", "Oma Ëlla de Vries")
    };
    let neighbour = NetworkMember {
        relation: CONTROL_RELATION.into(),
        sector: Sector::Neighbourhood,
        support: vec![Support {
            kind: SupportType::Advice,
            direction: Direction::FromYouth,
        }],
        tie_quality: Some(TieQuality::Ambivalent),
        risk: Some(MULTILINE_RISK.into()),
        protective: Some("  ".into()),
        is_adult: true,
        ..member("m-buur", HOSTILE_NAME)
    };
    let coach = NetworkMember {
        ring: Ring::Outer,
        sector: Sector::Professional,
        stance: Stance::Rejected,
        ..member("m-coach", "Coach")
    };
    vec![oma, neighbour, coach]
}

/// Three distinct pairs, plus what GraphML has to leave out: the same pair the other way round,
/// a tie to an unknown member and a tie to oneself.
pub fn ties() -> Vec<Tie> {
    vec![
        tie("m-oma", "m-buur", TieKind::Knows),
        tie("m-buur", "m-coach", TieKind::Stressful),
        tie("m-coach", "m-oma", TieKind::Ambivalent),
        tie("m-oma", "m-coach", TieKind::Broken),
        tie("m-oma", "ghost", TieKind::Knows),
        tie("m-buur", "m-buur", TieKind::Knows),
    ]
}
