//! Network indicators (seed 004; Tracy & Whittaker's Social Support Network Map): numbers that
//! show whether the network can carry the young person, and plain sentences that say the same.
//!
//! Throughout, N is the number of members and L the number of ties among them. Ties with the
//! young person are not ties here: every member has one, expressed by ring, stance and tie
//! quality.
//!
//! **Rejected members** (stance `rejected`) still count in everything *structural* — size,
//! sectors, levels, density, degree, isolates, bridges, inner ring, strained ties, risk notes —
//! because they are still part of the young person's life (a rejected father may be the reason
//! for a safety plan). They are left out of everything about *support* — multiplexity,
//! reciprocity, providers per type, gaps and the available informal adult — because the young
//! person does not accept their support, and counting it would hide a gap. They are also listed
//! separately in [`Indicators::rejected`].
//!
//! Shares are 0 (never NaN) when their denominator is 0.

use super::model::{Level, MemberId, NetworkMember, Ring, Sector, SupportType, Tie, TieQuality};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A support type has a *gap* when fewer than this many informal members provide it: one person
/// alone can fall away (seed 004).
pub const GAP_THRESHOLD: usize = 2;

/// How many people, and of which kind. `informal + professional == all`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Size {
    pub all: usize,
    /// The network "without professionals".
    pub informal: usize,
    pub professional: usize,
}

/// Support types per member (multiplexity), over members who are not rejected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Multiplexity {
    /// Σ distinct types per member ÷ members not rejected.
    pub mean: f64,
    /// Members with at least two distinct types.
    pub multiplex: usize,
    /// `multiplex` ÷ members not rejected.
    pub share: f64,
}

/// Whether support flows both ways, over members who are not rejected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reciprocity {
    /// Members who give the young person any support (`to_youth` or `mutual`).
    pub givers: usize,
    /// Givers who also receive support from the young person: a `mutual` type, or one type
    /// given and another received.
    pub reciprocal: usize,
    /// `reciprocal ÷ givers`; 0 when nobody gives.
    pub share: f64,
}

/// Strained ties: stressful or broken.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Strained {
    /// Members whose tie with the young person is stressful or broken.
    pub with_youth: usize,
    /// Pairs of members with a stressful or broken tie (each pair once).
    pub between_members: usize,
    /// `with_youth + between_members`.
    pub total: usize,
}

/// Every indicator of one version of a network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicators {
    pub size: Size,
    /// `informal ÷ N`.
    pub informal_share: f64,
    /// Members the young person rejected, in input order. They count in `size`.
    pub rejected: Vec<MemberId>,
    /// Members per sector, every sector listed (0 when absent).
    pub per_sector: BTreeMap<Sector, usize>,
    /// Members per level, every level listed; members without a level are in `level_unknown`.
    pub per_level: BTreeMap<Level, usize>,
    pub level_unknown: usize,
    /// Sectors with at least one member.
    pub sectors_present: usize,
    /// Shannon diversity of sectors, `-Σ p_k log2 p_k` with `p_k` the share of members in
    /// sector k: 0 when everyone is in one sector, `log2(sectors_present)` when they are spread
    /// evenly.
    pub sector_diversity: f64,
    /// L: distinct unordered pairs of members with a tie of any kind. Self-ties, ties to unknown
    /// ids and repeated ties are ignored. A stressful or broken tie still connects: news and
    /// conflict travel along it.
    pub ties: usize,
    /// `2L ÷ (N(N−1))`, the share of possible pairs that are tied; 0 when N < 2.
    pub density: f64,
    /// `2L ÷ N`, ties per member; 0 when N = 0.
    pub mean_degree: f64,
    /// Members tied to nobody but the young person, in input order.
    pub isolates: Vec<MemberId>,
    /// Members tied to members of at least two different sectors (so at least one differs from
    /// their own): they connect parts of the young person's life, in input order.
    pub bridges: Vec<MemberId>,
    pub multiplexity: Multiplexity,
    pub reciprocity: Reciprocity,
    /// Informal, not rejected members who give each type (`to_youth` or `mutual`); every type
    /// listed.
    pub providers: BTreeMap<SupportType, usize>,
    /// Types with fewer than [`GAP_THRESHOLD`] informal providers, in [`SupportType::ALL`] order.
    pub gaps: Vec<SupportType>,
    /// Members in the inner ring.
    pub inner_ring: usize,
    /// `inner_ring ÷ N`.
    pub inner_ring_share: f64,
    pub strained: Strained,
    /// Members with a risk note.
    pub with_risk_notes: usize,
    /// Members with a protective note.
    pub with_protective_notes: usize,
    /// Informal, available, adult members the young person did not reject.
    pub available_informal_adults: usize,
    /// "Start small: is there at least one person?" (seed 004).
    pub has_available_informal_adult: bool,
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn has_text(note: &Option<String>) -> bool {
    note.as_deref().is_some_and(|n| !n.trim().is_empty())
}

impl Indicators {
    /// All indicators of `members` and the `ties` among them. Member ids are expected to be
    /// unique; a tie refers to the first member with its id.
    pub fn compute(members: &[NetworkMember], ties: &[Tie]) -> Indicators {
        let n = members.len();
        let mut index: HashMap<&MemberId, usize> = HashMap::with_capacity(n);
        for (i, m) in members.iter().enumerate() {
            index.entry(&m.id).or_insert(i);
        }

        // Ties as distinct unordered pairs of member positions.
        let mut pairs: HashSet<(usize, usize)> = HashSet::with_capacity(ties.len());
        let mut strained_pairs: HashSet<(usize, usize)> = HashSet::new();
        for tie in ties {
            let (Some(&a), Some(&b)) = (index.get(&tie.from), index.get(&tie.to)) else {
                continue;
            };
            if a == b {
                continue;
            }
            let pair = (a.min(b), a.max(b));
            pairs.insert(pair);
            if tie.kind.is_strained() {
                strained_pairs.insert(pair);
            }
        }
        let mut degree = vec![0usize; n];
        // Bit k set: tied to a member of `Sector::ALL[k]`.
        let mut neighbour_sectors = vec![0u8; n];
        for &(a, b) in &pairs {
            degree[a] += 1;
            degree[b] += 1;
            neighbour_sectors[a] |= 1 << members[b].sector as u8;
            neighbour_sectors[b] |= 1 << members[a].sector as u8;
        }
        let l = pairs.len();

        let informal = members.iter().filter(|m| m.is_informal()).count();
        let mut per_sector: BTreeMap<Sector, usize> = Sector::ALL.iter().map(|s| (*s, 0)).collect();
        let mut per_level: BTreeMap<Level, usize> = Level::ALL.iter().map(|l| (*l, 0)).collect();
        let mut level_unknown = 0;
        for m in members {
            *per_sector.entry(m.sector).or_default() += 1;
            match m.level {
                Some(level) => *per_level.entry(level).or_default() += 1,
                None => level_unknown += 1,
            }
        }
        let sectors_present = per_sector.values().filter(|c| **c > 0).count();
        let sector_diversity = per_sector
            .values()
            .filter(|c| **c > 0)
            .map(|c| {
                let p = share(*c, n);
                -p * p.log2()
            })
            .sum::<f64>()
            .max(0.0);

        let accepted: Vec<&NetworkMember> = members.iter().filter(|m| !m.is_rejected()).collect();
        let types_total: usize = accepted.iter().map(|m| m.support_types().count()).sum();
        let multiplex = accepted
            .iter()
            .filter(|m| m.support_types().nth(1).is_some())
            .count();
        let givers: Vec<&&NetworkMember> = accepted
            .iter()
            .filter(|m| m.support.iter().any(|s| s.direction.reaches_youth()))
            .collect();
        let reciprocal = givers
            .iter()
            .filter(|m| m.support.iter().any(|s| s.direction.leaves_youth()))
            .count();
        let providers: BTreeMap<SupportType, usize> = SupportType::ALL
            .iter()
            .map(|kind| {
                let count = accepted
                    .iter()
                    .filter(|m| m.is_informal() && m.gives(*kind))
                    .count();
                (*kind, count)
            })
            .collect();
        let gaps = SupportType::ALL
            .into_iter()
            .filter(|kind| providers.get(kind).copied().unwrap_or(0) < GAP_THRESHOLD)
            .collect();
        let available_informal_adults = accepted
            .iter()
            .filter(|m| m.is_informal() && m.available && m.is_adult)
            .count();

        let inner_ring = members.iter().filter(|m| m.ring == Ring::Inner).count();
        let with_youth = members
            .iter()
            .filter(|m| m.tie_quality.is_some_and(TieQuality::is_strained))
            .count();

        Indicators {
            size: Size {
                all: n,
                informal,
                professional: n - informal,
            },
            informal_share: share(informal, n),
            rejected: members
                .iter()
                .filter(|m| m.is_rejected())
                .map(|m| m.id.clone())
                .collect(),
            per_sector,
            per_level,
            level_unknown,
            sectors_present,
            sector_diversity,
            ties: l,
            density: if n < 2 {
                0.0
            } else {
                share(2 * l, n * (n - 1))
            },
            mean_degree: share(2 * l, n),
            isolates: members
                .iter()
                .zip(&degree)
                .filter(|(_, d)| **d == 0)
                .map(|(m, _)| m.id.clone())
                .collect(),
            bridges: members
                .iter()
                .zip(&neighbour_sectors)
                .filter(|(_, s)| s.count_ones() >= 2)
                .map(|(m, _)| m.id.clone())
                .collect(),
            multiplexity: Multiplexity {
                mean: share(types_total, accepted.len()),
                multiplex,
                share: share(multiplex, accepted.len()),
            },
            reciprocity: Reciprocity {
                givers: givers.len(),
                reciprocal,
                share: share(reciprocal, givers.len()),
            },
            providers,
            gaps,
            inner_ring,
            inner_ring_share: share(inner_ring, n),
            strained: Strained {
                with_youth,
                between_members: strained_pairs.len(),
                total: with_youth + strained_pairs.len(),
            },
            with_risk_notes: members.iter().filter(|m| has_text(&m.risk)).count(),
            with_protective_notes: members.iter().filter(|m| has_text(&m.protective)).count(),
            available_informal_adults,
            has_available_informal_adult: available_informal_adults > 0,
        }
    }
}

/// How much two versions of a map share: the Jaccard overlap `|A ∩ B| ÷ |A ∪ B|` of their
/// member-id sets. 1 when the same people are in both (also when both are empty), 0 when nobody
/// stayed. Turnover is `1 − overlap`.
pub fn overlap(old: &[NetworkMember], new: &[NetworkMember]) -> f64 {
    let a: HashSet<&MemberId> = old.iter().map(|m| &m.id).collect();
    let b: HashSet<&MemberId> = new.iter().map(|m| &m.id).collect();
    let union = a.union(&b).count();
    if union == 0 {
        return 1.0;
    }
    share(a.intersection(&b).count(), union)
}

/// A member who moved to another ring between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RingMove {
    pub member: MemberId,
    pub from: Ring,
    pub to: Ring,
}

/// A member whose tie with the young person changed in quality between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QualityChange {
    pub member: MemberId,
    pub from: Option<TieQuality>,
    pub to: Option<TieQuality>,
}

/// What changed between two versions of a map (*kaartversies*), by stable member id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// In the new version only, in its order.
    pub joined: Vec<MemberId>,
    /// In the old version only, in its order.
    pub left: Vec<MemberId>,
    /// In both, in the new version's order.
    pub moved_ring: Vec<RingMove>,
    /// In both, in the new version's order.
    pub changed_tie_quality: Vec<QualityChange>,
    /// See [`overlap`].
    pub overlap: f64,
    /// `1 − overlap`.
    pub turnover: f64,
}

/// Who joined, who left, who moved ring and whose tie changed, from `old` to `new`.
pub fn compare(old: &[NetworkMember], new: &[NetworkMember]) -> Comparison {
    let before: HashMap<&MemberId, &NetworkMember> = old.iter().rev().map(|m| (&m.id, m)).collect();
    let after: HashSet<&MemberId> = new.iter().map(|m| &m.id).collect();
    let mut seen: HashSet<&MemberId> = HashSet::new();
    let mut comparison = Comparison {
        joined: Vec::new(),
        left: Vec::new(),
        moved_ring: Vec::new(),
        changed_tie_quality: Vec::new(),
        overlap: overlap(old, new),
        turnover: 0.0,
    };
    comparison.turnover = 1.0 - comparison.overlap;
    for m in new {
        if !seen.insert(&m.id) {
            continue;
        }
        match before.get(&m.id) {
            None => comparison.joined.push(m.id.clone()),
            Some(was) => {
                if was.ring != m.ring {
                    comparison.moved_ring.push(RingMove {
                        member: m.id.clone(),
                        from: was.ring,
                        to: m.ring,
                    });
                }
                if was.tie_quality != m.tie_quality {
                    comparison.changed_tie_quality.push(QualityChange {
                        member: m.id.clone(),
                        from: was.tie_quality,
                        to: m.tie_quality,
                    });
                }
            }
        }
    }
    let mut gone: HashSet<&MemberId> = HashSet::new();
    for m in old {
        if !after.contains(&m.id) && gone.insert(&m.id) {
            comparison.left.push(m.id.clone());
        }
    }
    comparison
}

/// A value for a placeholder in a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum SentenceArg {
    Number(i64),
    Text(String),
}

/// One plain-language sentence: a message key from the locale files and its placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    pub key: &'static str,
    pub args: Vec<(&'static str, SentenceArg)>,
}

impl Sentence {
    fn new(key: &'static str) -> Self {
        Sentence { key, args: vec![] }
    }

    fn with(mut self, name: &'static str, value: usize) -> Self {
        self.args.push((
            name,
            SentenceArg::Number(i64::try_from(value).unwrap_or(i64::MAX)),
        ));
        self
    }

    fn percent(self, name: &'static str, fraction: f64) -> Self {
        let percent = (fraction.clamp(0.0, 1.0) * 100.0).round() as usize;
        self.with(name, percent)
    }
}

/// The message key that says how many informal members give `kind` of support.
fn support_key(kind: SupportType) -> &'static str {
    match kind {
        SupportType::Emotional => "network-support-emotional",
        SupportType::Practical => "network-support-practical",
        SupportType::Advice => "network-support-advice",
        SupportType::RoleModel => "network-support-role-model",
        SupportType::Parental => "network-support-parental",
        SupportType::Financial => "network-support-financial",
        SupportType::Mobilising => "network-support-mobilising",
    }
}

/// The indicators in plain sentences for the young person, family and professional, most
/// important first: who is there, whether there is one available adult, each kind of support,
/// then structure and concerns. Sentences about things that are not there are left out
/// ("nobody is isolated" says nothing useful), except for support: "nobody gives practical
/// support" is the point.
pub fn describe(ind: &Indicators) -> Vec<Sentence> {
    let mut out = Vec::new();
    if ind.size.all == 0 {
        out.push(Sentence::new("network-empty"));
        return out;
    }
    out.push(
        Sentence::new("network-size")
            .with("count", ind.size.all)
            .with("informal", ind.size.informal)
            .with("professional", ind.size.professional),
    );
    out.push(if ind.has_available_informal_adult {
        Sentence::new("network-available-adult").with("count", ind.available_informal_adults)
    } else {
        Sentence::new("network-no-available-adult")
    });
    for (kind, count) in &ind.providers {
        out.push(Sentence::new(support_key(*kind)).with("count", *count));
    }
    if !ind.gaps.is_empty() {
        out.push(Sentence::new("network-gaps").with("count", ind.gaps.len()));
    }
    out.push(
        Sentence::new("network-inner-ring")
            .with("count", ind.inner_ring)
            .with("total", ind.size.all),
    );
    out.push(
        Sentence::new("network-sectors")
            .with("count", ind.sectors_present)
            .with("total", Sector::ALL.len()),
    );
    if ind.size.all >= 2 {
        out.push(Sentence::new("network-density").percent("percent", ind.density));
    }
    if !ind.isolates.is_empty() {
        out.push(Sentence::new("network-isolates").with("count", ind.isolates.len()));
    }
    if !ind.bridges.is_empty() {
        out.push(Sentence::new("network-bridges").with("count", ind.bridges.len()));
    }
    if ind.multiplexity.multiplex > 0 {
        out.push(Sentence::new("network-multiplex").with("count", ind.multiplexity.multiplex));
    }
    if ind.reciprocity.givers > 0 {
        out.push(
            Sentence::new("network-reciprocity")
                .with("count", ind.reciprocity.reciprocal)
                .with("total", ind.reciprocity.givers),
        );
    }
    if ind.strained.total > 0 {
        out.push(Sentence::new("network-strained").with("count", ind.strained.total));
    }
    if ind.with_risk_notes > 0 {
        out.push(Sentence::new("network-risk-notes").with("count", ind.with_risk_notes));
    }
    if !ind.rejected.is_empty() {
        out.push(Sentence::new("network-rejected").with("count", ind.rejected.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::model::{Direction, Stance, Support, TieKind};
    use proptest::prelude::*;

    fn id(s: &str) -> MemberId {
        MemberId::from_stored(s)
    }

    fn member(name: &str, ring: Ring, sector: Sector) -> NetworkMember {
        NetworkMember {
            id: id(name),
            name: name.into(),
            relation: String::new(),
            ring,
            sector,
            level: None,
            support: vec![],
            tie_quality: None,
            stance: Stance::Accepted,
            roles: vec![],
            protective: None,
            risk: None,
            available: true,
            is_adult: true,
            known_years: None,
            contact_frequency: None,
        }
    }

    fn support(kind: SupportType, direction: Direction) -> Support {
        Support { kind, direction }
    }

    fn tie(from: &str, to: &str, kind: TieKind) -> Tie {
        Tie {
            from: id(from),
            to: id(to),
            kind,
        }
    }

    fn ids(list: &[&str]) -> Vec<MemberId> {
        list.iter().map(|s| id(s)).collect()
    }

    /// Mother, grandmother, best friend, football coach (volunteer), teacher, social worker.
    fn example() -> (Vec<NetworkMember>, Vec<Tie>) {
        use Direction::*;
        use SupportType::*;
        let mut mother = member("mother", Ring::Inner, Sector::Family);
        mother.support = vec![
            support(Emotional, Mutual),
            support(Parental, ToYouth),
            support(Financial, ToYouth),
        ];
        mother.tie_quality = Some(TieQuality::Ambivalent);
        let mut oma = member("oma", Ring::Inner, Sector::Family);
        oma.support = vec![support(Emotional, ToYouth), support(Practical, ToYouth)];
        oma.risk = Some("Loyal to father; may not report unsafety.".into());
        let mut friend = member("friend", Ring::Inner, Sector::Friends);
        friend.support = vec![support(Emotional, Mutual)];
        friend.is_adult = false;
        let mut coach = member("coach", Ring::Middle, Sector::Leisure);
        coach.level = Some(Level::VoluntaryIndividual);
        coach.support = vec![support(RoleModel, ToYouth), support(Advice, ToYouth)];
        let mut teacher = member("teacher", Ring::Outer, Sector::SchoolWork);
        teacher.level = Some(Level::ProfessionalIndividual);
        teacher.support = vec![support(Advice, ToYouth)];
        let mut worker = member("worker", Ring::Outer, Sector::Professional);
        worker.support = vec![support(Practical, ToYouth), support(Advice, ToYouth)];
        let mut father = member("father", Ring::Outer, Sector::Family);
        father.stance = Stance::Rejected;
        father.tie_quality = Some(TieQuality::Broken);
        father.support = vec![support(Financial, ToYouth)];
        let members = vec![mother, oma, friend, coach, teacher, worker, father];
        let ties = vec![
            tie("mother", "oma", TieKind::Supportive),
            tie("oma", "mother", TieKind::Supportive), // the same pair again
            tie("mother", "father", TieKind::Broken),
            tie("mother", "teacher", TieKind::Knows),
            tie("mother", "worker", TieKind::Knows),
            tie("oma", "father", TieKind::Stressful),
            tie("coach", "coach", TieKind::Knows), // self-tie: ignored
            tie("coach", "stranger", TieKind::Knows), // unknown member: ignored
        ];
        (members, ties)
    }

    #[test]
    fn hand_computed_example() {
        let (members, ties) = example();
        let ind = Indicators::compute(&members, &ties);

        // N = 7; informal: mother, oma, friend, coach, father; formal: teacher, worker.
        assert_eq!(
            ind.size,
            Size {
                all: 7,
                informal: 5,
                professional: 2
            }
        );
        assert!((ind.informal_share - 5.0 / 7.0).abs() < 1e-12);
        assert_eq!(ind.rejected, ids(&["father"]));

        // Sectors: family 3, friends 1, leisure 1, school_work 1, professional 1.
        assert_eq!(ind.per_sector[&Sector::Family], 3);
        assert_eq!(ind.per_sector[&Sector::Community], 0);
        assert_eq!(ind.sectors_present, 5);
        let p: f64 = 3.0 / 7.0;
        let q: f64 = 1.0 / 7.0;
        let h = -(p * p.log2()) - 4.0 * (q * q.log2());
        assert!((ind.sector_diversity - h).abs() < 1e-12);
        assert_eq!(ind.level_unknown, 5);
        assert_eq!(ind.per_level[&Level::VoluntaryIndividual], 1);

        // Pairs: mother–oma, mother–father, mother–teacher, mother–worker, oma–father → L = 5.
        assert_eq!(ind.ties, 5);
        assert!((ind.density - 10.0 / 42.0).abs() < 1e-12);
        assert!((ind.mean_degree - 10.0 / 7.0).abs() < 1e-12);
        assert_eq!(ind.isolates, ids(&["friend", "coach"]));
        // Mother knows family (oma, father), school_work and professional: a bridge. Oma knows
        // only family. Teacher and worker know only mother (family).
        assert_eq!(ind.bridges, ids(&["mother"]));

        // Multiplexity over the 6 not rejected: types 3 + 2 + 1 + 2 + 1 + 2 = 11.
        assert!((ind.multiplexity.mean - 11.0 / 6.0).abs() < 1e-12);
        assert_eq!(ind.multiplexity.multiplex, 4);
        // Givers: all 6; reciprocal: mother and friend (mutual emotional support).
        assert_eq!(ind.reciprocity.givers, 6);
        assert_eq!(ind.reciprocity.reciprocal, 2);

        // Informal providers: the teacher and worker do not count, the father is rejected.
        let expected = [
            (SupportType::Emotional, 3),
            (SupportType::Practical, 1),
            (SupportType::Advice, 1),
            (SupportType::RoleModel, 1),
            (SupportType::Parental, 1),
            (SupportType::Financial, 1),
            (SupportType::Mobilising, 0),
        ];
        for (kind, count) in expected {
            assert_eq!(ind.providers[&kind], count, "{kind}");
        }
        assert_eq!(ind.gaps.len(), 6);
        assert!(!ind.gaps.contains(&SupportType::Emotional));

        assert_eq!(ind.inner_ring, 3);
        assert_eq!(
            ind.strained,
            Strained {
                with_youth: 1,
                between_members: 2,
                total: 3
            }
        );
        assert_eq!(ind.with_risk_notes, 1);
        // Mother, oma, coach: informal, available adults, not rejected.
        assert_eq!(ind.available_informal_adults, 3);
        assert!(ind.has_available_informal_adult);
    }

    #[test]
    fn nobody_available() {
        let mut friend = member("friend", Ring::Inner, Sector::Friends);
        friend.is_adult = false;
        let mut uncle = member("uncle", Ring::Middle, Sector::Family);
        uncle.available = false;
        let mut aunt = member("aunt", Ring::Middle, Sector::Family);
        aunt.stance = Stance::Rejected;
        let worker = member("worker", Ring::Inner, Sector::Professional);
        let ind = Indicators::compute(&[friend, uncle, aunt, worker], &[]);
        assert_eq!(ind.available_informal_adults, 0);
        assert!(!ind.has_available_informal_adult);
        assert!(
            describe(&ind)
                .iter()
                .any(|s| s.key == "network-no-available-adult")
        );
    }

    #[test]
    fn empty_and_single_networks() {
        let ind = Indicators::compute(&[], &[]);
        assert_eq!(ind.size.all, 0);
        assert_eq!(ind.density, 0.0);
        assert_eq!(ind.mean_degree, 0.0);
        assert_eq!(ind.sector_diversity, 0.0);
        assert_eq!(ind.informal_share, 0.0);
        assert_eq!(ind.gaps, SupportType::ALL);
        assert_eq!(describe(&ind), [Sentence::new("network-empty")]);

        let one = [member("oma", Ring::Inner, Sector::Family)];
        let ind = Indicators::compute(&one, &[tie("oma", "oma", TieKind::Knows)]);
        assert_eq!(ind.density, 0.0);
        assert_eq!(ind.isolates, ids(&["oma"]));
    }

    #[test]
    fn bridge_definition() {
        // Aunt (family) knows mother (family) and the coach (leisure): a bridge.
        // Friend A knows only two friends: not a bridge. Coach knows only the aunt: not one.
        let members = [
            member("aunt", Ring::Middle, Sector::Family),
            member("mother", Ring::Inner, Sector::Family),
            member("coach", Ring::Middle, Sector::Leisure),
            member("a", Ring::Inner, Sector::Friends),
            member("b", Ring::Inner, Sector::Friends),
            member("c", Ring::Inner, Sector::Friends),
        ];
        let ties = [
            tie("aunt", "mother", TieKind::Knows),
            tie("aunt", "coach", TieKind::Supportive),
            tie("a", "b", TieKind::Knows),
            tie("a", "c", TieKind::Knows),
        ];
        let ind = Indicators::compute(&members, &ties);
        assert_eq!(ind.bridges, ids(&["aunt"]));
    }

    #[test]
    fn reciprocity_counts_exchange_across_types() {
        use Direction::*;
        let mut neighbour = member("neighbour", Ring::Middle, Sector::Neighbourhood);
        // She gives practical help; the young person keeps her company (emotional, from youth).
        neighbour.support = vec![
            support(SupportType::Practical, ToYouth),
            support(SupportType::Emotional, FromYouth),
        ];
        let mut cousin = member("cousin", Ring::Middle, Sector::Family);
        cousin.support = vec![support(SupportType::Emotional, FromYouth)];
        let ind = Indicators::compute(&[neighbour, cousin], &[]);
        assert_eq!(ind.reciprocity.givers, 1);
        assert_eq!(ind.reciprocity.reciprocal, 1);
        assert_eq!(ind.reciprocity.share, 1.0);
        // The cousin only receives: no provider of emotional support.
        assert_eq!(ind.providers[&SupportType::Emotional], 0);
    }

    #[test]
    fn describe_example() {
        let (members, ties) = example();
        let sentences = describe(&Indicators::compute(&members, &ties));
        let keys: Vec<&str> = sentences.iter().map(|s| s.key).collect();
        assert_eq!(
            keys,
            [
                "network-size",
                "network-available-adult",
                "network-support-emotional",
                "network-support-practical",
                "network-support-advice",
                "network-support-role-model",
                "network-support-parental",
                "network-support-financial",
                "network-support-mobilising",
                "network-gaps",
                "network-inner-ring",
                "network-sectors",
                "network-density",
                "network-isolates",
                "network-bridges",
                "network-multiplex",
                "network-reciprocity",
                "network-strained",
                "network-risk-notes",
                "network-rejected",
            ]
        );
        assert_eq!(
            sentences[0].args,
            [
                ("count", SentenceArg::Number(7)),
                ("informal", SentenceArg::Number(5)),
                ("professional", SentenceArg::Number(2)),
            ]
        );
        assert_eq!(
            sentences[2].args,
            [("count", SentenceArg::Number(3))],
            "three people give emotional support"
        );
        assert_eq!(
            sentences[8].args,
            [("count", SentenceArg::Number(0))],
            "nobody mobilises"
        );
        // 10/42 = 23.8% → 24.
        assert_eq!(sentences[12].args, [("percent", SentenceArg::Number(24))]);
    }

    #[test]
    fn compare_versions() {
        let (old, _) = example();
        let mut new: Vec<NetworkMember> = old
            .iter()
            .filter(|m| m.id.as_str() != "father")
            .cloned()
            .collect();
        new.push(member("mentor", Ring::Middle, Sector::Community));
        if let Some(oma) = new.iter_mut().find(|m| m.id.as_str() == "oma") {
            oma.ring = Ring::Middle;
            oma.tie_quality = Some(TieQuality::Stressful);
        }
        let c = compare(&old, &new);
        assert_eq!(c.joined, ids(&["mentor"]));
        assert_eq!(c.left, ids(&["father"]));
        assert_eq!(
            c.moved_ring,
            [RingMove {
                member: id("oma"),
                from: Ring::Inner,
                to: Ring::Middle
            }]
        );
        assert_eq!(
            c.changed_tie_quality,
            [QualityChange {
                member: id("oma"),
                from: None,
                to: Some(TieQuality::Stressful)
            }]
        );
        // 6 stayed of 8 ever present.
        assert!((c.overlap - 6.0 / 8.0).abs() < 1e-12);
        assert!((c.turnover - 2.0 / 8.0).abs() < 1e-12);
        assert_eq!(overlap(&[], &[]), 1.0);
        assert_eq!(overlap(&old, &[]), 0.0);
    }

    const SECTORS: usize = Sector::ALL.len();

    fn arb_member() -> impl Strategy<Value = NetworkMember> {
        (
            0..3usize,
            0..SECTORS,
            prop::option::of(0..4usize),
            prop::collection::vec((0..7usize, 0..3usize), 0..5),
            prop::option::of(0..4usize),
            0..4usize,
            any::<(bool, bool, bool)>(),
        )
            .prop_map(
                |(ring, sector, level, support, quality, stance, (available, is_adult, risk))| {
                    let mut m = member("", Ring::ALL[ring], Sector::ALL[sector]);
                    m.level = level.map(|l| Level::ALL[l]);
                    m.support = support
                        .into_iter()
                        .map(|(k, d)| Support {
                            kind: SupportType::ALL[k],
                            direction: Direction::ALL[d],
                        })
                        .collect();
                    m.tie_quality = quality.map(|q| TieQuality::ALL[q]);
                    m.stance = Stance::ALL[stance];
                    m.available = available;
                    m.is_adult = is_adult;
                    m.risk = risk.then(|| "note".into());
                    m
                },
            )
    }

    fn arb_network() -> impl Strategy<Value = (Vec<NetworkMember>, Vec<Tie>)> {
        prop::collection::vec(arb_member(), 0..30).prop_flat_map(|mut members| {
            for (i, m) in members.iter_mut().enumerate() {
                m.id = id(&format!("m{i}"));
            }
            let n = members.len() + 2; // also ids of nobody
            let ties = prop::collection::vec((0..n, 0..n, 0..5usize), 0..80).prop_map(|ts| {
                ts.into_iter()
                    .map(|(a, b, k)| Tie {
                        from: id(&format!("m{a}")),
                        to: id(&format!("m{b}")),
                        kind: TieKind::ALL[k],
                    })
                    .collect::<Vec<_>>()
            });
            (Just(members), ties)
        })
    }

    fn unit(x: f64) -> bool {
        (0.0..=1.0).contains(&x)
    }

    proptest! {
        #[test]
        fn invariants((members, ties) in arb_network()) {
            let ind = Indicators::compute(&members, &ties);
            let n = members.len();
            prop_assert_eq!(ind.size.all, n);
            prop_assert_eq!(ind.size.informal + ind.size.professional, n);
            for x in [
                ind.informal_share,
                ind.density,
                ind.multiplexity.share,
                ind.reciprocity.share,
                ind.inner_ring_share,
            ] {
                prop_assert!(unit(x), "{x} not in [0, 1]");
            }
            if n < 2 {
                prop_assert_eq!(ind.density, 0.0);
            }
            prop_assert!(ind.ties <= n * n.saturating_sub(1) / 2);
            prop_assert!(ind.sector_diversity >= 0.0);
            let max = (ind.sectors_present.max(1) as f64).log2();
            prop_assert!(ind.sector_diversity <= max + 1e-9);
            prop_assert_eq!(ind.per_sector.values().sum::<usize>(), n);
            prop_assert_eq!(ind.per_level.values().sum::<usize>() + ind.level_unknown, n);
            prop_assert!(ind.mean_degree <= n.saturating_sub(1) as f64 + 1e-9);
            prop_assert!(ind.isolates.len() <= n);
            prop_assert!(ind.bridges.iter().all(|b| !ind.isolates.contains(b)));
            prop_assert!(ind.multiplexity.mean <= SupportType::ALL.len() as f64);
            prop_assert!(ind.reciprocity.reciprocal <= ind.reciprocity.givers);
            for (kind, count) in &ind.providers {
                prop_assert!(*count <= ind.size.informal);
                prop_assert_eq!(ind.gaps.contains(kind), *count < GAP_THRESHOLD);
            }
            prop_assert_eq!(ind.strained.total, ind.strained.with_youth + ind.strained.between_members);
            prop_assert!(ind.strained.between_members <= ind.ties);
            prop_assert_eq!(ind.has_available_informal_adult, ind.available_informal_adults > 0);
            prop_assert!(ind.rejected.len() <= n);
            // Every sentence has only known argument values, and an empty network says so.
            let sentences = describe(&ind);
            prop_assert!(!sentences.is_empty());
            prop_assert_eq!(sentences[0].key == "network-empty", n == 0);
        }

        #[test]
        fn order_of_ties_and_members_does_not_matter((members, ties) in arb_network()) {
            let ind = Indicators::compute(&members, &ties);
            let mut reversed_ties = ties.clone();
            reversed_ties.reverse();
            let swapped: Vec<Tie> = reversed_ties
                .into_iter()
                .map(|t| Tie { from: t.to, to: t.from, kind: t.kind })
                .collect();
            let again = Indicators::compute(&members, &swapped);
            prop_assert_eq!(&ind, &again);
            let mut reversed = members.clone();
            reversed.reverse();
            let other = Indicators::compute(&reversed, &ties);
            prop_assert_eq!(ind.ties, other.ties);
            prop_assert_eq!(ind.isolates.len(), other.isolates.len());
            prop_assert_eq!(ind.bridges.len(), other.bridges.len());
            prop_assert!((ind.sector_diversity - other.sector_diversity).abs() < 1e-9);
        }

        #[test]
        fn jaccard_overlap((a, _) in arb_network(), (b, _) in arb_network(), cut in 0..30usize) {
            let x = overlap(&a, &b);
            prop_assert!(unit(x));
            prop_assert_eq!(overlap(&a, &a), 1.0);
            prop_assert_eq!(x, overlap(&b, &a));
            let c = compare(&a, &b);
            prop_assert!((c.overlap + c.turnover - 1.0).abs() < 1e-12);
            // Dropping the tail: everyone past the cut left, nobody joined.
            let kept = &a[..cut.min(a.len())];
            let c = compare(&a, kept);
            prop_assert!(c.joined.is_empty());
            prop_assert_eq!(c.left.len(), a.len() - kept.len());
            prop_assert!(c.moved_ring.is_empty() && c.changed_tie_quality.is_empty());
        }
    }
}
