//! The young person's network circle (*netwerkcirkel*) and trend charts as SVG, drawn by
//! Steunkring itself.
//!
//! The young person sits in the centre; members sit in their ring and sector; ties run between
//! them. The output is deterministic and self-contained (no fonts, scripts or external
//! references), so the same map always gives the same bytes, can be cached, put in a PDF and
//! checked in a test. Every text that comes from people is escaped.
//!
//! The [`chart`] module draws by the same rules: network size, informal share, support-check
//! scores and self-report grades as lines over time ([`line_chart`]), and categorical counts
//! such as support gaps per type as horizontal bars ([`bar_chart`]).
//!
//! There is no translation here: every visible word arrives in [`MapInput`] or the chart,
//! already in the reader's language. Nothing is read from or written to anywhere.

pub mod chart;
mod layout;
mod svg;
mod text;

pub use chart::{Bar, BarChart, ChartLocale, LineChart, Point, Series, bar_chart, line_chart};

use serde::Serialize;
use steunkring_domain::network::{
    Level, MemberId, NetworkMember, Sector, SupportType, Tie, TieKind,
};

pub use svg::{SUPPORT_COLOURS, support_colour};

/// How the network is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MapView {
    /// Three rings of closeness, one slice per sector (easyNWK, JGZ "three rings").
    #[default]
    Circle,
    /// Co-parenting (*Samen opvoeden?!*, seed 001): near (rings 1–2) in the inner band, at a
    /// distance (ring 3) in the outer band; informal on the left half, formal on the right.
    Quadrant,
    /// The four levels of the pedagogical civil society as four bands (voluntary individual
    /// innermost, professional collective outermost), one slice per sector; members without a
    /// level get a fifth, outer band.
    Levels,
}

/// Every visible word that is not a member's own: headings, legend, sector and band names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapLabels {
    /// The accessible name of the image. When pseudonymising, the caller must not put a name
    /// in it.
    pub title: String,
    /// The accessible description, e.g. a one-line summary of the indicators.
    pub description: String,
    pub informal: String,
    pub formal: String,
    pub rejected: String,
    /// Quadrant view: rings 1–2.
    pub near: String,
    /// Quadrant view: ring 3.
    pub far: String,
    pub level_unknown: String,
    pub support: Vec<(SupportType, String)>,
    pub ties: Vec<(TieKind, String)>,
    pub levels: Vec<(Level, String)>,
}

impl Default for MapLabels {
    /// English words, for tests, benchmarks and a caller without translations.
    fn default() -> Self {
        MapLabels {
            title: "Network map".into(),
            description: "The young person in the centre, with the people around them by \
                          closeness and part of life."
                .into(),
            informal: "Own circle".into(),
            formal: "Professional".into(),
            rejected: "Not wanted by the young person".into(),
            near: "Near".into(),
            far: "At a distance".into(),
            level_unknown: "Level not known".into(),
            support: SupportType::ALL
                .into_iter()
                .map(|s| (s, default_support_label(s).to_string()))
                .collect(),
            ties: TieKind::ALL
                .into_iter()
                .map(|k| (k, default_tie_label(k).to_string()))
                .collect(),
            levels: Level::ALL
                .into_iter()
                .map(|l| (l, default_level_label(l).to_string()))
                .collect(),
        }
    }
}

/// Everything the map shows. Build with [`MapInput::new`], then set what differs.
#[derive(Debug, Clone, PartialEq)]
pub struct MapInput {
    /// Shown in the centre (initials when pseudonymising).
    pub youth_name: String,
    pub members: Vec<NetworkMember>,
    /// Ties to members that are not on the map (filtered out, hidden, unknown) are skipped.
    pub ties: Vec<Tie>,
    pub view: MapView,
    /// Initials instead of names in every member text, titles included; relations (free text
    /// that may name people) are left out.
    pub pseudonymise: bool,
    /// Leave rejected members out entirely; otherwise they are shown crossed out.
    pub hide_rejected: bool,
    /// Link target per member; `{id}` becomes the member's id, percent-encoded. `None` draws
    /// no links (e.g. for a PDF).
    pub href_template: Option<String>,
    /// The organisation's sectors in the order of the slices, with their translated names.
    /// A member whose sector is missing still gets a slice, after these.
    pub sectors: Vec<(Sector, String)>,
    pub labels: MapLabels,
}

impl MapInput {
    /// A circle map of `members` and `ties` with all seven sectors and English labels.
    pub fn new(youth_name: impl Into<String>, members: Vec<NetworkMember>, ties: Vec<Tie>) -> Self {
        MapInput {
            youth_name: youth_name.into(),
            members,
            ties,
            view: MapView::Circle,
            pseudonymise: false,
            hide_rejected: false,
            href_template: None,
            sectors: Sector::ALL
                .into_iter()
                .map(|s| (s, default_sector_label(s).to_string()))
                .collect(),
            labels: MapLabels::default(),
        }
    }

    /// The network "without professionals": formal members and their ties left out.
    pub fn without_professionals(mut self) -> Self {
        self.members.retain(NetworkMember::is_informal);
        let kept: std::collections::HashSet<&MemberId> =
            self.members.iter().map(|m| &m.id).collect();
        self.ties
            .retain(|t| kept.contains(&t.from) && kept.contains(&t.to));
        self
    }
}

/// Where a member is drawn, for a table alternative and, later, a drag target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Placement {
    pub member: MemberId,
    /// Centre, in the SVG's user units (the `viewBox`).
    pub x: f64,
    pub y: f64,
    /// The node's circle; a formal member's square fits inside it.
    pub radius: f64,
    /// Band from the centre outwards (a ring, a near/far band or a level, by view).
    pub band: usize,
    /// Slice clockwise from the first (a sector, or informal/formal in the quadrant view).
    pub slice: usize,
    pub informal: bool,
    pub rejected: bool,
    /// The text shown for the member: a short name, or initials when pseudonymising.
    pub label: String,
}

/// The positions of all members drawn, in input order. Rejected members are left out when
/// `hide_rejected` is set.
pub fn layout(input: &MapInput) -> Vec<Placement> {
    layout::compute(input)
        .nodes
        .into_iter()
        .map(|n| n.placement)
        .collect()
}

/// The whole map as one SVG document.
pub fn render(input: &MapInput) -> String {
    svg::render(input, &layout::compute(input))
}

pub fn default_sector_label(sector: Sector) -> &'static str {
    match sector {
        Sector::Family => "Family",
        Sector::Friends => "Friends",
        Sector::Neighbourhood => "Neighbourhood",
        Sector::SchoolWork => "School or work",
        Sector::Leisure => "Leisure and clubs",
        Sector::Community => "Faith and community",
        Sector::Professional => "Professionals",
    }
}

pub fn default_support_label(kind: SupportType) -> &'static str {
    match kind {
        SupportType::Emotional => "Emotional",
        SupportType::Practical => "Practical",
        SupportType::Advice => "Advice",
        SupportType::RoleModel => "Role model",
        SupportType::Parental => "Parenting",
        SupportType::Financial => "Money",
        SupportType::Mobilising => "Opens doors",
    }
}

pub fn default_tie_label(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Knows => "Know each other",
        TieKind::Supportive => "Supportive",
        TieKind::Ambivalent => "Mixed",
        TieKind::Stressful => "Stressful",
        TieKind::Broken => "Broken",
    }
}

pub fn default_level_label(level: Level) -> &'static str {
    match level {
        Level::VoluntaryIndividual => "Voluntary, a person",
        Level::VoluntaryCollective => "Voluntary, a group",
        Level::ProfessionalIndividual => "Professional, a person",
        Level::ProfessionalCollective => "Professional, an organisation",
    }
}

/// The label for `key` from a caller's list, or `fallback` when the caller left it out.
fn label_in<'a, K: PartialEq>(list: &'a [(K, String)], key: K, fallback: &'a str) -> &'a str {
    list.iter()
        .find(|(k, _)| *k == key)
        .map(|(_, label)| label.as_str())
        .unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    /// The SVG without the `data-*` attributes, for comparing markup exactly.
    fn without_data(svg: &str) -> String {
        let mut out = String::new();
        let mut rest = svg;
        while let Some(at) = rest.find(" data-") {
            out.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            let end = after.find("=\"").map(|q| q + 2).unwrap_or(0);
            let close = after[end..]
                .find('"')
                .map(|c| end + c + 1)
                .unwrap_or(after.len());
            rest = &after[close..];
        }
        out.push_str(rest);
        out
    }

    use super::*;
    use proptest::prelude::*;
    use steunkring_domain::network::{Direction, Ring, Stance, Support, TieQuality};

    fn member(id: &str, name: &str, ring: Ring, sector: Sector) -> NetworkMember {
        NetworkMember {
            id: MemberId::from_stored(id),
            name: name.into(),
            relation: "relation".into(),
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

    fn tie(from: &str, to: &str, kind: TieKind) -> Tie {
        Tie {
            from: MemberId::from_stored(from),
            to: MemberId::from_stored(to),
            kind,
        }
    }

    /// No two nodes overlap: not their circles, and not even their support marks.
    fn assert_apart(placements: &[Placement]) {
        for (i, a) in placements.iter().enumerate() {
            for b in &placements[i + 1..] {
                let d = (a.x - b.x).hypot(a.y - b.y);
                assert!(
                    d >= a.radius + b.radius,
                    "{} and {} overlap: distance {d}",
                    a.member,
                    b.member
                );
                assert!(
                    d >= layout::extent(a.radius) + layout::extent(b.radius),
                    "the marks of {} and {} touch: distance {d}",
                    a.member,
                    b.member
                );
            }
        }
    }

    /// Minimal XML well-formedness: balanced tags, quoted attributes, known entities only.
    fn well_formed(svg: &str) -> Result<(), String> {
        fn entities(text: &str) -> Result<(), String> {
            let mut rest = text;
            while let Some(i) = rest.find('&') {
                rest = &rest[i + 1..];
                if !["amp;", "lt;", "gt;", "quot;", "#39;"]
                    .iter()
                    .any(|e| rest.starts_with(e))
                {
                    return Err(format!("bad entity near {:?}", &rest[..rest.len().min(10)]));
                }
            }
            Ok(())
        }
        let mut stack: Vec<&str> = Vec::new();
        let mut rest = svg;
        while let Some(lt) = rest.find('<') {
            entities(&rest[..lt])?;
            rest = &rest[lt + 1..];
            let gt = rest.find('>').ok_or("unclosed tag")?;
            let tag = &rest[..gt];
            rest = &rest[gt + 1..];
            if tag.contains('<') {
                return Err(format!("'<' inside a tag: {tag}"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                if stack.pop() != Some(name) {
                    return Err(format!("unexpected </{name}>"));
                }
                continue;
            }
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let (name, mut attrs) = body.split_once(' ').unwrap_or((body, ""));
            while !attrs.trim().is_empty() {
                let (key, after) = attrs
                    .split_once("=\"")
                    .ok_or(format!("attribute in {tag}"))?;
                if key.trim().is_empty() || key.trim().contains(char::is_whitespace) {
                    return Err(format!("attribute name {key:?} in {tag}"));
                }
                let (value, after) = after.split_once('"').ok_or("unclosed attribute")?;
                entities(value)?;
                attrs = after;
            }
            if !self_closing {
                stack.push(name);
            }
        }
        entities(rest)?;
        if stack.is_empty() && !svg.is_empty() {
            Ok(())
        } else {
            Err(format!("unclosed: {stack:?}"))
        }
    }

    fn crowded(n: usize, ring: Ring, sector: Sector) -> MapInput {
        let members = (0..n)
            .map(|i| {
                let mut m = member(&format!("m{i}"), &format!("Person {i}"), ring, sector);
                m.support = vec![Support {
                    kind: SupportType::ALL[i % 7],
                    direction: Direction::ToYouth,
                }];
                m
            })
            .collect();
        MapInput::new("Sam", members, vec![])
    }

    #[test]
    fn sixty_in_one_sector_never_overlap() {
        for ring in Ring::ALL {
            for sector in [Sector::Family, Sector::Professional] {
                for view in [MapView::Circle, MapView::Quadrant, MapView::Levels] {
                    let mut input = crowded(60, ring, sector);
                    input.view = view;
                    let placements = layout(&input);
                    assert_eq!(placements.len(), 60);
                    assert_apart(&placements);
                    // Readable: nodes keep a usable size even this crowded.
                    assert!(
                        placements.iter().all(|p| p.radius >= 5.0),
                        "{view:?} {ring:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn sixty_in_one_sector_when_sectors_get_equal_slices() {
        // The quadrant view keeps its halves equal: 60 informal people in one quarter.
        let mut input = crowded(60, Ring::Inner, Sector::Family);
        input.view = MapView::Quadrant;
        assert_apart(&layout(&input));
        // And a one-sector organisation: the whole circle is one slice.
        let mut input = crowded(60, Ring::Outer, Sector::Family);
        input.sectors = vec![(Sector::Family, "Familie".into())];
        assert_apart(&layout(&input));
    }

    #[test]
    fn hundreds_of_members_still_render() {
        let input = crowded(400, Ring::Inner, Sector::Family);
        let svg = render(&input);
        assert_eq!(layout(&input).len(), 400);
        assert_eq!(well_formed(&svg), Ok(()));
    }

    #[test]
    fn everything_people_typed_is_escaped() {
        let evil = r#"<script>alert("x")</script> & 'Ab' "Cd""#;
        let mut a = member("a\"><script>", evil, Ring::Inner, Sector::Family);
        a.relation = evil.into();
        a.support = vec![Support {
            kind: SupportType::Emotional,
            direction: Direction::Mutual,
        }];
        let mut input = MapInput::new(
            evil,
            vec![a, member("b", "B", Ring::Middle, Sector::Friends)],
            vec![tie("a\"><script>", "b", TieKind::Stressful)],
        );
        input.href_template = Some("/cases/1/members/{id}?x=\"'<>".into());
        input.labels.title = evil.into();
        input.labels.description = evil.into();
        input.labels.informal = evil.into();
        input.sectors[0].1 = evil.into();
        input.labels.support[0].1 = evil.into();
        for view in [MapView::Circle, MapView::Quadrant, MapView::Levels] {
            input.view = view;
            let svg = render(&input);
            assert!(!svg.contains("<script"), "{svg}");
            assert!(!svg.contains(r#""x""#));
            assert!(
                svg.contains(
                    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Ab&#39;"
                )
            );
            assert!(svg.contains("/cases/1/members/a%22%3E%3Cscript%3E?x=&quot;&#39;&lt;&gt;"));
            assert_eq!(well_formed(&svg), Ok(()));
        }
    }

    #[test]
    fn control_characters_are_dropped() {
        let input = MapInput::new(
            "Sam\u{0}",
            vec![member("a", "An\u{1b}na", Ring::Inner, Sector::Family)],
            vec![],
        );
        let svg = render(&input);
        assert!(!svg.chars().any(|c| c.is_control()));
        assert!(svg.contains("Anna"));
    }

    #[test]
    fn document_is_accessible_and_self_contained() {
        let input = MapInput::new(
            "Sam",
            vec![member("a", "Anna", Ring::Inner, Sector::Family)],
            vec![],
        );
        let svg = render(&input);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("<title>Network map</title><desc>"));
        assert!(svg.contains(r#"font-family="sans-serif""#));
        assert_eq!(svg.matches("http").count(), 1, "no external references");
        for forbidden in [
            "<script",
            "<image",
            "<foreignObject",
            "url(",
            "@import",
            "<style",
        ] {
            assert!(!svg.contains(forbidden), "{forbidden}");
        }
        assert_eq!(well_formed(&svg), Ok(()));
        assert_eq!(svg, render(&input), "deterministic");
    }

    #[test]
    fn members_link_and_have_titles() {
        let mut anna = member("a/1", "Anna de Vries", Ring::Inner, Sector::Family);
        anna.relation = "oma".into();
        anna.support = vec![
            Support {
                kind: SupportType::Emotional,
                direction: Direction::ToYouth,
            },
            Support {
                kind: SupportType::Practical,
                direction: Direction::Mutual,
            },
        ];
        let mut input = MapInput::new("Sam", vec![anna], vec![]);
        input.href_template = Some("/cases/c1/members/{id}".into());
        let svg = render(&input);
        assert!(
            svg.contains(r#"data-member="a/1" data-ring="#),
            "ids and rings for scripts"
        );
        let svg = without_data(&svg);
        assert!(svg.contains(
            r#"<a class="member informal" href="/cases/c1/members/a%2F1"><title>Anna de Vries, oma — Emotional, Practical</title>"#
        ));
        assert_eq!(
            svg.matches(r#"class="support "#).count(),
            2 + 7,
            "two marks plus the legend"
        );
        input.href_template = None;
        assert!(!render(&input).contains("<a "));
    }

    #[test]
    fn formal_and_informal_look_different() {
        let input = MapInput::new(
            "Sam",
            vec![
                member("a", "Anna", Ring::Inner, Sector::Family),
                member("w", "Wijkcoach", Ring::Outer, Sector::Professional),
            ],
            vec![],
        );
        let svg = without_data(&render(&input));
        let anna = svg.find("member informal").unwrap_or(usize::MAX);
        let worker = svg.find("member formal").unwrap_or(usize::MAX);
        assert!(anna < svg.len() && worker < svg.len());
        assert!(svg[anna..].starts_with("member informal\"><title>Anna, relation</title><circle"));
        assert!(
            svg[worker..].starts_with("member formal\"><title>Wijkcoach, relation</title><rect")
        );
    }

    #[test]
    fn tie_styles() {
        let members = vec![
            member("a", "A", Ring::Inner, Sector::Family),
            member("b", "B", Ring::Inner, Sector::Friends),
            member("c", "C", Ring::Middle, Sector::Leisure),
        ];
        let ties = vec![
            tie("a", "b", TieKind::Supportive),
            tie("b", "a", TieKind::Supportive), // the same tie again: drawn once
            tie("a", "c", TieKind::Stressful),
            tie("b", "c", TieKind::Broken),
            tie("c", "b", TieKind::Ambivalent),
            tie("c", "a", TieKind::Knows),
            tie("a", "a", TieKind::Knows),      // self-tie: not drawn
            tie("a", "nobody", TieKind::Knows), // unknown member: not drawn
        ];
        let svg = render(&MapInput::new("Sam", members, ties));
        let ties_part = svg
            .split(r#"<g class="ties">"#)
            .nth(1)
            .and_then(|rest| rest.split("</g>").next())
            .unwrap_or_default();
        assert_eq!(
            ties_part.matches("<line").count() + ties_part.matches("<polyline").count(),
            5
        );
        assert!(ties_part.contains(r#"<polyline class="tie stressful""#));
        assert!(
            ties_part.contains(r#"class="tie broken""#)
                && ties_part.contains(r#"stroke-dasharray="6 4""#)
        );
        assert!(
            ties_part.contains(r#"class="tie ambivalent""#)
                && ties_part.contains(r#"stroke-linecap="round""#)
        );
        assert!(
            ties_part.contains(r#"class="tie knows""#)
                && ties_part.contains(r#"stroke-width="0.8""#)
        );
        assert!(ties_part.contains(r#"class="tie supportive""#));
        // "Know each other" lies underneath.
        assert!(ties_part.starts_with(r#"<line class="tie knows""#));
    }

    #[test]
    fn a_hard_tie_with_the_young_person_runs_from_the_centre() {
        let mut oma = member("o", "Oma", Ring::Inner, Sector::Family);
        oma.tie_quality = Some(TieQuality::Stressful);
        let mut coach = member("c", "Coach", Ring::Middle, Sector::Leisure);
        coach.tie_quality = Some(TieQuality::Supportive);
        let svg = render(&MapInput::new("Sam", vec![oma, coach], vec![]));
        let centre = format!("points=\"{},{} ", layout::CX, layout::CY);
        assert_eq!(
            svg.matches(&centre).count(),
            1,
            "one zigzag from the centre"
        );
        assert_eq!(
            svg.matches("<polyline").count(),
            2,
            "the tie and the legend sample"
        );
    }

    #[test]
    fn rejected_members_are_crossed_out_or_hidden() {
        let mut father = member("f", "Vader", Ring::Outer, Sector::Family);
        father.stance = Stance::Rejected;
        let members = vec![member("a", "Anna", Ring::Inner, Sector::Family), father];
        let ties = vec![tie("a", "f", TieKind::Broken)];
        let mut input = MapInput::new("Sam", members, ties);
        let svg = without_data(&render(&input));
        assert!(svg.contains(r#"class="member informal rejected" opacity="0.6"><title>Vader, relation (Not wanted by the young person)</title>"#));
        assert!(svg.contains(r#"<path class="rejected""#));
        input.hide_rejected = true;
        let svg = render(&input);
        assert!(!svg.contains("Vader"));
        assert!(
            svg.contains(r#"<g class="ties"></g>"#),
            "the tie to a hidden member is gone"
        );
        assert!(
            !svg.contains("Not wanted"),
            "no legend entry for what is not shown"
        );
        assert_eq!(layout(&input).len(), 1);
    }

    #[test]
    fn pseudonymised_map_shows_no_names() {
        let mut anna = member("a", "Anna de Vries", Ring::Inner, Sector::Family);
        anna.relation = "oma Truus".into();
        let mut input = MapInput::new(
            "Samira Bakker",
            vec![anna, member("b", "Bram", Ring::Middle, Sector::Friends)],
            vec![tie("a", "b", TieKind::Knows)],
        );
        input.pseudonymise = true;
        for view in [MapView::Circle, MapView::Quadrant, MapView::Levels] {
            input.view = view;
            let svg = render(&input);
            for name in ["Anna", "Vries", "Truus", "Samira", "Bakker", "Bram"] {
                assert!(!svg.contains(name), "{name} in {view:?}");
            }
            assert!(svg.contains("<title>AdV</title>"));
            assert!(svg.contains("<title>SB</title>"));
            assert!(layout(&input).iter().all(|p| p.label.len() <= 4));
        }
    }

    #[test]
    fn without_professionals() {
        let input = MapInput::new(
            "Sam",
            vec![
                member("a", "Anna", Ring::Inner, Sector::Family),
                member("w", "Wijkcoach", Ring::Outer, Sector::Professional),
            ],
            vec![
                tie("a", "w", TieKind::Knows),
                tie("w", "a", TieKind::Supportive),
            ],
        )
        .without_professionals();
        assert_eq!(input.members.len(), 1);
        assert!(input.ties.is_empty());
        assert!(!render(&input).contains("Wijkcoach"));
    }

    #[test]
    fn views_place_members_where_they_belong() {
        let mut vrijwilliger = member("v", "Vrijwilliger", Ring::Outer, Sector::Community);
        vrijwilliger.level = Some(Level::VoluntaryCollective);
        let input = MapInput::new(
            "Sam",
            vec![
                member("a", "Anna", Ring::Inner, Sector::Family),
                member("w", "Wijkcoach", Ring::Middle, Sector::Professional),
                vrijwilliger,
            ],
            vec![],
        );
        let at = |input: &MapInput, id: &str| {
            layout(input)
                .into_iter()
                .find(|p| p.member.as_str() == id)
                .map(|p| (p.x, p.y, p.band, p.slice))
                .unwrap_or((f64::NAN, f64::NAN, 99, 99))
        };
        // Circle: ring 1 is band 0, family the first slice, which starts at the top.
        assert_eq!(at(&input, "a").2, 0);
        assert_eq!(at(&input, "a").3, 0);
        assert!(at(&input, "a").0 > layout::CX, "family is right of the top");
        // Quadrant: informal left, formal right; ring 3 in the outer band.
        let quadrant = MapInput {
            view: MapView::Quadrant,
            ..input.clone()
        };
        assert!(at(&quadrant, "a").0 < layout::CX);
        assert!(at(&quadrant, "v").0 < layout::CX);
        assert!(at(&quadrant, "w").0 > layout::CX);
        assert_eq!(at(&quadrant, "w").2, 0, "ring 2 is near");
        assert_eq!(at(&quadrant, "v").2, 1, "ring 3 is at a distance");
        // Levels: a member without level in the fifth band; the level's name is drawn.
        let levels = MapInput {
            view: MapView::Levels,
            ..input.clone()
        };
        assert_eq!(at(&levels, "v").2, 1);
        assert_eq!(at(&levels, "a").2, 4);
        let svg = render(&levels);
        assert!(svg.contains(">Voluntary, a group</text>"));
        assert!(svg.contains(">Level not known</text>"));
    }

    #[test]
    fn a_sector_missing_from_the_list_still_gets_a_slice() {
        let mut input = MapInput::new(
            "Sam",
            vec![member("a", "Anna", Ring::Inner, Sector::Leisure)],
            vec![],
        );
        input.sectors = vec![(Sector::Family, "Familie".into())];
        let placements = layout(&input);
        assert_eq!(placements.len(), 1);
        assert_eq!(placements[0].slice, 1);
        let svg = render(&input);
        assert!(svg.contains(">Familie</text>") && svg.contains(">Leisure and clubs</text>"));
    }

    #[test]
    fn empty_map() {
        let mut input = MapInput::new("Sam", vec![], vec![tie("a", "b", TieKind::Knows)]);
        assert_eq!(well_formed(&render(&input)), Ok(()));
        input.sectors.clear();
        assert_eq!(well_formed(&render(&input)), Ok(()));
    }

    fn arb_input() -> impl Strategy<Value = MapInput> {
        let member = (
            0..3usize,
            0..7usize,
            prop::option::of(0..4usize),
            0..4usize,
            "\\PC{0,30}",
        );
        (
            prop::collection::vec(member, 0..=60),
            prop::collection::vec((0..70usize, 0..70usize, 0..5usize), 0..200),
            0..3usize,
            prop::collection::vec(0..7usize, 0..8),
            any::<(bool, bool)>(),
        )
            .prop_map(
                |(members, ties, view, sectors, (pseudonymise, hide_rejected))| {
                    let members = members
                        .into_iter()
                        .enumerate()
                        .map(|(i, (ring, sector, level, stance, name))| {
                            let mut m = super::tests::member(
                                &format!("m{i}"),
                                &name,
                                Ring::ALL[ring],
                                Sector::ALL[sector],
                            );
                            m.level = level.map(|l| Level::ALL[l]);
                            m.stance = Stance::ALL[stance];
                            m.support = vec![Support {
                                kind: SupportType::ALL[i % 7],
                                direction: Direction::Mutual,
                            }];
                            m
                        })
                        .collect();
                    let ties = ties
                        .into_iter()
                        .map(|(a, b, k)| tie(&format!("m{a}"), &format!("m{b}"), TieKind::ALL[k]))
                        .collect();
                    let mut input = MapInput::new("Sam", members, ties);
                    input.view = [MapView::Circle, MapView::Quadrant, MapView::Levels][view];
                    input.sectors = sectors
                        .into_iter()
                        .map(|s| (Sector::ALL[s], format!("Sector {s}")))
                        .collect();
                    input.pseudonymise = pseudonymise;
                    input.hide_rejected = hide_rejected;
                    input
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn any_network_up_to_sixty_lays_out_without_overlap(input in arb_input()) {
            let placements = layout(&input);
            let shown = input.members.iter().filter(|m| !(input.hide_rejected && m.is_rejected())).count();
            prop_assert_eq!(placements.len(), shown);
            assert_apart(&placements);
            for p in &placements {
                let from_centre = (p.x - layout::CX).hypot(p.y - layout::CY);
                prop_assert!(from_centre - layout::extent(p.radius) >= layout::YOUTH_RADIUS);
                prop_assert!(from_centre + layout::extent(p.radius) <= layout::OUTER_RADIUS + 1e-9);
                prop_assert!(p.radius >= 5.0, "readable up to 60 members");
            }
            let svg = render(&input);
            prop_assert_eq!(well_formed(&svg), Ok(()));
            prop_assert!(!svg.chars().any(char::is_control));
        }
    }
}
