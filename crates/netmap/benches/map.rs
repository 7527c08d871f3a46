//! Indicators and the SVG map for a large network: 60 members, 200 ties. Target: each well
//! under a millisecond, so both can be computed on every page view without caching.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use steunkring_domain::network::{
    Direction, Indicators, Level, MemberId, NetworkMember, Ring, Sector, Stance, Support,
    SupportType, Tie, TieKind, TieQuality,
};
use steunkring_netmap::{MapInput, MapView, layout, render};

/// A fixed pseudo-random sequence (LCG), so every run measures the same network.
struct Sequence(u64);

impl Sequence {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn network(members: usize, ties: usize) -> (Vec<NetworkMember>, Vec<Tie>) {
    let mut seq = Sequence(42);
    let members: Vec<NetworkMember> = (0..members)
        .map(|i| NetworkMember {
            id: MemberId::from_stored(format!("member-{i:03}")),
            name: format!("Persoon {i} van der Berg"),
            relation: "buurvrouw".into(),
            ring: Ring::ALL[seq.below(3)],
            sector: Sector::ALL[seq.below(Sector::ALL.len())],
            level: (seq.below(4) > 0).then(|| Level::ALL[seq.below(4)]),
            support: (0..seq.below(4))
                .map(|_| Support {
                    kind: SupportType::ALL[seq.below(7)],
                    direction: Direction::ALL[seq.below(3)],
                })
                .collect(),
            tie_quality: Some(TieQuality::ALL[seq.below(4)]),
            stance: Stance::ALL[seq.below(4)],
            roles: vec![],
            protective: None,
            risk: (seq.below(5) == 0).then(|| "note".to_string()),
            available: seq.below(3) > 0,
            is_adult: seq.below(4) > 0,
            known_years: None,
            contact_frequency: None,
        })
        .collect();
    let n = members.len();
    let ties = (0..ties)
        .map(|_| Tie {
            from: members[seq.below(n)].id.clone(),
            to: members[seq.below(n)].id.clone(),
            kind: TieKind::ALL[seq.below(5)],
        })
        .collect();
    (members, ties)
}

fn bench(c: &mut Criterion) {
    let (members, ties) = network(60, 200);
    c.bench_function("indicators 60 members 200 ties", |b| {
        b.iter(|| Indicators::compute(black_box(&members), black_box(&ties)))
    });
    let mut input = MapInput::new("Sam", members, ties);
    input.href_template = Some("/cases/c1/members/{id}".into());
    c.bench_function("layout 60 members", |b| {
        b.iter(|| layout(black_box(&input)))
    });
    c.bench_function("svg circle 60 members 200 ties", |b| {
        b.iter(|| render(black_box(&input)))
    });
    input.view = MapView::Levels;
    input.pseudonymise = true;
    c.bench_function("svg levels pseudonymised 60 members 200 ties", |b| {
        b.iter(|| render(black_box(&input)))
    });
    // All 60 in one ring of one sector: the layout's hardest case.
    for m in &mut input.members {
        m.ring = Ring::Inner;
        m.sector = Sector::Family;
    }
    input.view = MapView::Circle;
    c.bench_function("svg crowded 60 in one cell", |b| {
        b.iter(|| render(black_box(&input)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
