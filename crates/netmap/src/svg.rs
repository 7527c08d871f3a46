//! Writing the geometry as SVG. Every text passes through [`escape`]; every number through
//! [`Num`].

use crate::layout::{
    Anchor, CX, CY, Geometry, LEGEND_TOP, Node, OUTER_RADIUS, TextSpot, WIDTH, YOUTH_RADIUS,
    extent, mark_offset, mark_width,
};
use crate::text::{Num, escape, initials, percent_encode, short_name, truncate};
use crate::{MapInput, default_support_label, default_tie_label, label_in};
use std::collections::{HashMap, HashSet};
use std::f64::consts::{FRAC_PI_2, TAU};
use std::fmt::Write;
use steunkring_domain::network::{MemberId, NetworkMember, SupportType, TieKind, TieQuality};

/// One colour per support type (Okabe–Ito, readable with colour blindness). Each type also has
/// a fixed position around the node, like the hours on a clock, so colour is never the only
/// cue.
pub const SUPPORT_COLOURS: [(SupportType, &str); 7] = [
    (SupportType::Emotional, "#CC79A7"),
    (SupportType::Practical, "#0072B2"),
    (SupportType::Advice, "#009E73"),
    (SupportType::RoleModel, "#E69F00"),
    (SupportType::Parental, "#D55E00"),
    (SupportType::Financial, "#8C6D00"),
    (SupportType::Mobilising, "#56B4E9"),
];

pub fn support_colour(kind: SupportType) -> &'static str {
    SUPPORT_COLOURS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("#000000", |(_, c)| c)
}

/// x and y in the SVG's user units.
type Point = (f64, f64);

const INK: &str = "#1f2933";
const INFORMAL_FILL: &str = "#1f6f8b";
const FORMAL_STROKE: &str = "#4b5563";
const REJECTED: &str = "#b00020";
const GRID_LINE: &str = "#c5d0db";
const BAND_FILLS: [&str; 2] = ["#f3f6f9", "#e6edf3"];
const YOUTH_FILL: &str = "#f6c344";
const LEGEND_ROW: f64 = 24.0;
const LEGEND_COLUMNS: usize = 3;
const LEGEND_FONT: f64 = 11.0;

fn anchor(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "start",
        Anchor::Middle => "middle",
        Anchor::End => "end",
    }
}

fn text_at(out: &mut String, spot: &TextSpot, fill: &str, class: &str) {
    let _ = write!(
        out,
        r##"<text class="{class}" x="{}" y="{}" font-size="{}" text-anchor="{}" fill="{fill}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
        Num(spot.x),
        Num(spot.y),
        Num(spot.font),
        anchor(spot.anchor),
        escape(&spot.text)
    );
}

/// The points of a zigzag from one centre to another: stress drawn as a jagged line.
fn zigzag(x1: f64, y1: f64, x2: f64, y2: f64) -> String {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len = dx.hypot(dy);
    let mut points = format!("{},{}", Num(x1), Num(y1));
    if len >= 1.0 {
        let steps = ((len / 7.0).floor() as usize).clamp(2, 400);
        let (nx, ny) = (-dy / len * 3.5, dx / len * 3.5);
        for i in 1..steps {
            let t = i as f64 / steps as f64;
            let side = if i % 2 == 1 { 1.0 } else { -1.0 };
            let _ = write!(
                points,
                " {},{}",
                Num(x1 + t * dx + side * nx),
                Num(y1 + t * dy + side * ny)
            );
        }
    }
    let _ = write!(points, " {},{}", Num(x2), Num(y2));
    points
}

/// The line between two points in the style of a tie kind.
fn tie_line(out: &mut String, kind: TieKind, (x1, y1): Point, (x2, y2): Point) {
    let (a, b, c, d) = (Num(x1), Num(y1), Num(x2), Num(y2));
    let class = kind.as_str();
    let _ = match kind {
        TieKind::Knows => write!(
            out,
            r##"<line class="tie {class}" x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="#9aa5b1" stroke-width="0.8"/>"##
        ),
        TieKind::Supportive => write!(
            out,
            r##"<line class="tie {class}" x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="#2e7d32" stroke-width="2"/>"##
        ),
        TieKind::Ambivalent => write!(
            out,
            r##"<line class="tie {class}" x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="#a15c00" stroke-width="2" stroke-dasharray="0.1 4" stroke-linecap="round"/>"##
        ),
        TieKind::Stressful => write!(
            out,
            r##"<polyline class="tie {class}" points="{}" fill="none" stroke="#c62828" stroke-width="1.5" stroke-linejoin="round"/>"##,
            zigzag(x1, y1, x2, y2)
        ),
        TieKind::Broken => write!(
            out,
            r##"<line class="tie {class}" x1="{a}" y1="{b}" x2="{c}" y2="{d}" stroke="#52606d" stroke-width="1.5" stroke-dasharray="6 4"/>"##
        ),
    };
}

/// A member's node: a filled circle for the own circle, an open square for professionals.
fn shape(out: &mut String, x: f64, y: f64, r: f64, informal: bool) {
    if informal {
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="{}" fill="{INFORMAL_FILL}" stroke="#ffffff" stroke-width="1"/>"##,
            Num(x),
            Num(y),
            Num(r)
        );
    } else {
        // The square fits inside the node's circle, so the layout's guarantee holds for it.
        let stroke = (r * 0.25).max(1.0);
        let side = r * std::f64::consts::SQRT_2 - stroke;
        let _ = write!(
            out,
            r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#ffffff" stroke="{FORMAL_STROKE}" stroke-width="{}"/>"##,
            Num(x - side / 2.0),
            Num(y - side / 2.0),
            Num(side),
            Num(side),
            Num(stroke)
        );
    }
}

/// Support marks: one arc per type around the node, each type at its own clock position.
fn marks(out: &mut String, x: f64, y: f64, r: f64, kinds: impl Iterator<Item = SupportType>) {
    let ring = r + mark_offset(r);
    let width = mark_width(r);
    let step = TAU / SupportType::ALL.len() as f64;
    let gap = step * 0.12;
    for kind in kinds {
        let k = SupportType::ALL
            .iter()
            .position(|s| *s == kind)
            .unwrap_or(0) as f64;
        let a0 = -FRAC_PI_2 + k * step + gap;
        let a1 = a0 + step - 2.0 * gap;
        let _ = write!(
            out,
            r##"<path class="support {}" d="M{} {}A{} {} 0 0 1 {} {}" fill="none" stroke="{}" stroke-width="{}"/>"##,
            kind.as_str(),
            Num(x + ring * a0.cos()),
            Num(y + ring * a0.sin()),
            Num(ring),
            Num(ring),
            Num(x + ring * a1.cos()),
            Num(y + ring * a1.sin()),
            support_colour(kind),
            Num(width)
        );
    }
}

fn cross(out: &mut String, x: f64, y: f64, r: f64) {
    let e = extent(r) * 0.75;
    let w = Num((r * 0.25).max(1.5));
    let _ = write!(
        out,
        r##"<path class="rejected" d="M{} {}L{} {}M{} {}L{} {}" stroke="{REJECTED}" stroke-width="{w}" stroke-linecap="round"/>"##,
        Num(x - e),
        Num(y - e),
        Num(x + e),
        Num(y + e),
        Num(x - e),
        Num(y + e),
        Num(x + e),
        Num(y - e)
    );
}

/// What a reader hears or sees on hover: name and relation (initials only when
/// pseudonymising), support types, and whether the young person rejected them.
fn member_title(input: &MapInput, m: &NetworkMember) -> String {
    let mut title = if input.pseudonymise {
        initials(&m.name)
    } else if m.relation.trim().is_empty() {
        m.name.trim().to_string()
    } else {
        format!("{}, {}", m.name.trim(), m.relation.trim())
    };
    let kinds: Vec<&str> = m
        .support_types()
        .map(|k| label_in(&input.labels.support, k, default_support_label(k)))
        .collect();
    if !kinds.is_empty() {
        title.push_str(" — ");
        title.push_str(&kinds.join(", "));
    }
    if m.is_rejected() {
        let _ = write!(title, " ({})", input.labels.rejected.trim());
    }
    title
}

fn member(out: &mut String, input: &MapInput, node: &Node) {
    let Some(m) = input.members.get(node.member) else {
        return;
    };
    let p = &node.placement;
    let class = format!(
        "member {}{}",
        if p.informal { "informal" } else { "formal" },
        if p.rejected { " rejected" } else { "" }
    );
    let opacity = if p.rejected { r#" opacity="0.6""# } else { "" };
    // Where the member stands, for scripts (dragging) and tests; ids and codes only.
    let data = format!(
        r#" data-member="{}" data-ring="{}" data-sector="{}""#,
        escape(m.id.as_str()),
        m.ring.number(),
        m.sector.as_str()
    );
    let title = escape(&member_title(input, m));
    match &input.href_template {
        Some(template) => {
            let href = template.replace("{id}", &percent_encode(m.id.as_str()));
            let _ = write!(
                out,
                r#"<a class="{class}" href="{}"{data}{opacity}><title>{title}</title>"#,
                escape(&href)
            );
        }
        None => {
            let _ = write!(
                out,
                r#"<g class="{class}"{data}{opacity}><title>{title}</title>"#
            );
        }
    }
    shape(out, p.x, p.y, p.radius, p.informal);
    marks(out, p.x, p.y, p.radius, m.support_types());
    if let Some(label) = &node.label {
        text_at(out, label, INK, "name");
    } else if let Some((short, font)) = &node.inner_text {
        let fill = if p.informal { "#ffffff" } else { INK };
        let _ = write!(
            out,
            r#"<text class="initials" x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{fill}">{}</text>"#,
            Num(p.x),
            Num(p.y + font * 0.35),
            Num(*font),
            escape(short)
        );
    }
    if p.rejected {
        cross(out, p.x, p.y, p.radius);
    }
    out.push_str(if input.href_template.is_some() {
        "</a>"
    } else {
        "</g>"
    });
}

fn ties(out: &mut String, input: &MapInput, g: &Geometry) {
    let at: HashMap<&MemberId, Point> = g
        .nodes
        .iter()
        .map(|n| (&n.placement.member, (n.placement.x, n.placement.y)))
        .collect();
    let mut seen: HashSet<(&MemberId, &MemberId, TieKind)> = HashSet::new();
    let mut drawn: Vec<(TieKind, Point, Point)> = Vec::new();
    for tie in &input.ties {
        let (a, b) = tie.pair();
        if a == b || !seen.insert((a, b, tie.kind)) {
            continue;
        }
        if let (Some(&p), Some(&q)) = (at.get(&tie.from), at.get(&tie.to)) {
            drawn.push((tie.kind, p, q));
        }
    }
    // A hard tie with the young person is drawn as a line from the centre in the same style;
    // supportive ones are not, as they would bury the picture in spokes.
    for node in &g.nodes {
        let quality = input.members.get(node.member).and_then(|m| m.tie_quality);
        let kind = match quality {
            Some(TieQuality::Ambivalent) => TieKind::Ambivalent,
            Some(TieQuality::Stressful) => TieKind::Stressful,
            Some(TieQuality::Broken) => TieKind::Broken,
            Some(TieQuality::Supportive) | None => continue,
        };
        drawn.push((kind, (CX, CY), (node.placement.x, node.placement.y)));
    }
    // The quiet "know each other" lines first, so the meaningful ones lie on top.
    drawn.sort_by_key(|(kind, _, _)| TieKind::ALL.iter().position(|k| k == kind));
    out.push_str(r#"<g class="ties">"#);
    for (kind, p, q) in drawn {
        tie_line(out, kind, p, q);
    }
    out.push_str("</g>");
}

fn grid(out: &mut String, g: &Geometry) {
    out.push_str(r#"<g class="grid">"#);
    for (i, band) in g.bands.iter().enumerate().rev() {
        let _ = write!(
            out,
            r#"<circle class="band" cx="{}" cy="{}" r="{}" fill="{}" stroke="{GRID_LINE}"/>"#,
            Num(CX),
            Num(CY),
            Num(band.outer),
            BAND_FILLS[i % 2]
        );
    }
    if let Some(first) = g.bands.first() {
        let _ = write!(
            out,
            r##"<circle cx="{}" cy="{}" r="{}" fill="#ffffff" stroke="{GRID_LINE}"/>"##,
            Num(CX),
            Num(CY),
            Num(first.inner)
        );
    }
    if g.slices.len() > 1 {
        let inner = g.bands.first().map_or(YOUTH_RADIUS, |b| b.inner);
        for slice in &g.slices {
            let (c, s) = (slice.start.cos(), slice.start.sin());
            let _ = write!(
                out,
                r#"<line class="slice" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID_LINE}"/>"#,
                Num(CX + inner * c),
                Num(CY + inner * s),
                Num(CX + OUTER_RADIUS * c),
                Num(CY + OUTER_RADIUS * s)
            );
        }
    }
    for spot in &g.band_labels {
        text_at(out, spot, "#52606d", "band-name");
    }
    for spot in &g.slice_labels {
        text_at(out, spot, INK, "slice-name");
    }
    out.push_str("</g>");
}

fn youth(out: &mut String, input: &MapInput) {
    let name = if input.pseudonymise {
        initials(&input.youth_name)
    } else {
        short_name(&input.youth_name, 12)
    };
    let title = if input.pseudonymise {
        name.clone()
    } else {
        input.youth_name.trim().to_string()
    };
    let chars = name.chars().count().max(1) as f64;
    let font = (2.0 * YOUTH_RADIUS - 8.0) / (chars * 0.62);
    let font = font.clamp(8.0, 14.0);
    let _ = write!(
        out,
        r##"<g class="youth"><title>{}</title><circle cx="{}" cy="{}" r="{}" fill="{YOUTH_FILL}" stroke="#8a6d1f" stroke-width="1.5"/><text x="{}" y="{}" font-size="{}" font-weight="bold" text-anchor="middle" fill="{INK}">{}</text></g>"##,
        escape(&title),
        Num(CX),
        Num(CY),
        Num(YOUTH_RADIUS),
        Num(CX),
        Num(CY + font * 0.35),
        Num(font),
        escape(&name)
    );
}

/// What a legend entry shows beside its words.
#[derive(Clone, Copy)]
enum Symbol {
    Informal,
    Formal,
    Rejected,
    Support(SupportType),
    Tie(TieKind),
}

fn symbol(out: &mut String, symbol: Symbol, x: f64, y: f64) {
    match symbol {
        Symbol::Informal => shape(out, x, y, 7.0, true),
        Symbol::Formal => shape(out, x, y, 7.0, false),
        Symbol::Rejected => {
            shape(out, x, y, 7.0, true);
            cross(out, x, y, 7.0);
        }
        Symbol::Support(kind) => {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="7" fill="none" stroke="{GRID_LINE}"/>"#,
                Num(x),
                Num(y)
            );
            marks(out, x, y, 7.0, std::iter::once(kind));
        }
        Symbol::Tie(kind) => tie_line(out, kind, (x - 11.0, y), (x + 11.0, y)),
    }
}

/// The legend in groups; each group starts on a new row.
fn legend_groups(input: &MapInput) -> [Vec<(Symbol, &str)>; 3] {
    let labels = &input.labels;
    let mut shapes = vec![
        (Symbol::Informal, labels.informal.as_str()),
        (Symbol::Formal, labels.formal.as_str()),
    ];
    if !input.hide_rejected {
        shapes.push((Symbol::Rejected, labels.rejected.as_str()));
    }
    let support = SupportType::ALL
        .into_iter()
        .map(|k| {
            (
                Symbol::Support(k),
                label_in(&labels.support, k, default_support_label(k)),
            )
        })
        .collect();
    let ties = TieKind::ALL
        .into_iter()
        .map(|k| {
            (
                Symbol::Tie(k),
                label_in(&labels.ties, k, default_tie_label(k)),
            )
        })
        .collect();
    [shapes, support, ties]
}

fn legend_rows(groups: &[Vec<(Symbol, &str)>]) -> usize {
    groups
        .iter()
        .map(|g| g.len().div_ceil(LEGEND_COLUMNS))
        .sum()
}

fn legend(out: &mut String, groups: &[Vec<(Symbol, &str)>]) {
    let column = (WIDTH - 40.0) / LEGEND_COLUMNS as f64;
    let fit = ((column - 34.0) / (LEGEND_FONT * 0.62)).floor() as usize;
    out.push_str(r#"<g class="legend">"#);
    let mut row = 0;
    for group in groups {
        for (i, (kind, label)) in group.iter().enumerate() {
            let x = 20.0 + (i % LEGEND_COLUMNS) as f64 * column;
            let y = LEGEND_TOP + (row + i / LEGEND_COLUMNS) as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
            symbol(out, *kind, x + 12.0, y);
            let _ = write!(
                out,
                r#"<text x="{}" y="{}" font-size="{}" fill="{INK}">{}</text>"#,
                Num(x + 30.0),
                Num(y + LEGEND_FONT * 0.35),
                Num(LEGEND_FONT),
                escape(&truncate(label, fit))
            );
        }
        row += group.len().div_ceil(LEGEND_COLUMNS);
    }
    out.push_str("</g>");
}

pub(crate) fn render(input: &MapInput, g: &Geometry) -> String {
    let groups = legend_groups(input);
    let height = LEGEND_TOP + legend_rows(&groups) as f64 * LEGEND_ROW + 12.0;
    let mut out = String::with_capacity(16 * 1024 + g.nodes.len() * 900 + input.ties.len() * 120);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" font-family="sans-serif"{}><title>{}</title><desc>{}</desc><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
        drop_geometry(input, g),
        escape(&input.labels.title),
        escape(&input.labels.description),
        w = Num(WIDTH),
        h = Num(height),
    );
    grid(&mut out, g);
    ties(&mut out, input, g);
    out.push_str(r#"<g class="members">"#);
    for node in &g.nodes {
        member(&mut out, input, node);
    }
    out.push_str("</g>");
    youth(&mut out, input);
    legend(&mut out, &groups);
    out.push_str("</svg>");
    out
}

/// In the circle view, where each ring and sector lies, so that a script can tell where a
/// dragged member was dropped: `data-bands` are `inner:outer` radii from the centre, ring 1
/// first; `data-slices` are `sector:start:end` angles in radians (clockwise on screen).
fn drop_geometry(input: &MapInput, g: &Geometry) -> String {
    if input.view != crate::MapView::Circle || g.slices.len() != input.sectors.len() {
        return String::new();
    }
    let bands: Vec<String> = g
        .bands
        .iter()
        .map(|b| format!("{}:{}", Num(b.inner), Num(b.outer)))
        .collect();
    let slices: Vec<String> = g
        .slices
        .iter()
        .zip(&input.sectors)
        .map(|(sl, (sector, _))| format!("{}:{:.4}:{:.4}", sector.as_str(), sl.start, sl.end))
        .collect();
    format!(
        r#" data-cx="{}" data-cy="{}" data-bands="{}" data-slices="{}""#,
        Num(CX),
        Num(CY),
        bands.join(" "),
        slices.join(" ")
    )
}
