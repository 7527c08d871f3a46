//! Where everything goes. The picture is a grid of *bands* (rings, near/far or levels, from the
//! centre out) and *slices* (sectors, or informal/formal), each member in one band×slice cell.
//!
//! No two nodes overlap, by construction: every node owns a disc of diameter `spacing` (its
//! circle, support marks and a gap) that lies wholly inside its cell. Cells do not overlap, so
//! discs in different cells cannot; inside a cell, rows are at least `spacing` apart radially
//! and neighbours on a row at least `spacing` apart along the chord. Crowded cells get more
//! rows and smaller nodes; crowded slices and bands get a larger share of the circle.

use crate::text::{self, text_width};
use crate::{MapInput, MapView, Placement, default_sector_label, label_in};
use std::f64::consts::{FRAC_PI_2, PI, TAU};
use steunkring_domain::network::{Level, NetworkMember, Ring, Sector};

pub(crate) const WIDTH: f64 = 960.0;
pub(crate) const CX: f64 = 480.0;
pub(crate) const CY: f64 = 385.0;
pub(crate) const YOUTH_RADIUS: f64 = 34.0;
const FIRST_BAND: f64 = 44.0;
pub(crate) const OUTER_RADIUS: f64 = 340.0;
/// Where the legend starts: below the circle and the sector names under it.
pub(crate) const LEGEND_TOP: f64 = CY + OUTER_RADIUS + 50.0;

const LABEL_FONT: f64 = 10.0;
const LABEL_CHARS: usize = 14;
const SLICE_FONT: f64 = 13.0;
const SLICE_MIN_FONT: f64 = 9.0;
const BAND_FONT: f64 = 10.0;

/// Node sizes and spacings to try, roomiest first. The spacing is raised where needed so the
/// node with its support marks always fits.
const CANDIDATES: [(f64, f64); 15] = [
    (14.0, 72.0),
    (12.0, 60.0),
    (10.0, 48.0),
    (10.0, 40.0),
    (9.0, 34.0),
    (8.0, 29.0),
    (8.0, 26.0),
    (7.0, 23.0),
    (6.0, 20.0),
    (5.0, 17.0),
    (4.0, 14.0),
    (3.0, 11.0),
    (2.5, 9.5),
    (2.0, 8.5),
    (1.5, 7.5),
];

/// Gap between a node's circle and its ring of support marks.
pub(crate) fn mark_offset(radius: f64) -> f64 {
    (radius * 0.2).max(1.0)
}

pub(crate) fn mark_width(radius: f64) -> f64 {
    (radius * 0.3).max(1.2)
}

/// How far the drawing of a node reaches from its centre.
pub(crate) fn extent(radius: f64) -> f64 {
    radius + mark_offset(radius) + mark_width(radius) / 2.0
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    fn touches_disc(&self, x: f64, y: f64, r: f64) -> bool {
        let dx = x - x.clamp(self.x0, self.x1);
        let dy = y - y.clamp(self.y0, self.y1);
        dx * dx + dy * dy < r * r
    }

    fn inside(&self, outer: &Rect) -> bool {
        self.x0 >= outer.x0 && self.x1 <= outer.x1 && self.y0 >= outer.y0 && self.y1 <= outer.y1
    }
}

/// A piece of text and where its baseline starts.
#[derive(Debug, Clone)]
pub(crate) struct TextSpot {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub font: f64,
    pub text: String,
}

impl TextSpot {
    fn rect(&self) -> Rect {
        let w = text_width(&self.text, self.font);
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        Rect {
            x0: x0 - 1.0,
            y0: self.y - self.font,
            x1: x0 + w + 1.0,
            y1: self.y + self.font * 0.3,
        }
    }
}

pub(crate) struct Band {
    pub inner: f64,
    pub outer: f64,
}

pub(crate) struct Slice {
    pub start: f64,
    pub end: f64,
}

impl Slice {
    fn width(&self) -> f64 {
        self.end - self.start
    }
}

pub(crate) struct Node {
    pub placement: Placement,
    /// Position in `MapInput::members`.
    pub member: usize,
    /// The short label beside the node, when there was room for it.
    pub label: Option<TextSpot>,
    /// Initials inside the node, when there was no room beside it but the node is big enough.
    pub inner_text: Option<(String, f64)>,
}

pub(crate) struct Geometry {
    pub bands: Vec<Band>,
    pub slices: Vec<Slice>,
    pub slice_labels: Vec<TextSpot>,
    pub band_labels: Vec<TextSpot>,
    /// In input order.
    pub nodes: Vec<Node>,
}

/// Bands and slices of a view, and each shown member's cell.
struct Grid {
    band_labels: Vec<String>,
    slice_labels: Vec<String>,
    /// Angle of the first slice's start; angles grow clockwise on screen (y points down).
    start: f64,
    /// Crowded slices get a larger share of the circle. Off where the halves mean something.
    weighted: bool,
    /// (band, slice) per shown member, in the order of `shown`.
    cells: Vec<(usize, usize)>,
}

fn grid(input: &MapInput, shown: &[&NetworkMember]) -> Grid {
    let mut sectors: Vec<(Sector, &str)> = Vec::new();
    for (sector, label) in &input.sectors {
        if !sectors.iter().any(|(s, _)| s == sector) {
            sectors.push((*sector, label.as_str()));
        }
    }
    for m in shown {
        if !sectors.iter().any(|(s, _)| *s == m.sector) {
            sectors.push((m.sector, default_sector_label(m.sector)));
        }
    }
    let slice_of = |m: &NetworkMember| sectors.iter().position(|(s, _)| *s == m.sector);
    let sector_labels = || -> Vec<String> {
        if sectors.is_empty() {
            vec![String::new()]
        } else {
            sectors.iter().map(|(_, l)| l.to_string()).collect()
        }
    };
    let labels = &input.labels;
    match input.view {
        MapView::Circle => Grid {
            band_labels: vec![String::new(); 3],
            slice_labels: sector_labels(),
            start: -FRAC_PI_2,
            weighted: true,
            cells: shown
                .iter()
                .map(|m| (usize::from(m.ring.number() - 1), slice_of(m).unwrap_or(0)))
                .collect(),
        },
        MapView::Quadrant => Grid {
            band_labels: vec![labels.near.clone(), labels.far.clone()],
            slice_labels: vec![labels.informal.clone(), labels.formal.clone()],
            // The informal slice runs from the bottom over the left to the top.
            start: FRAC_PI_2,
            weighted: false,
            cells: shown
                .iter()
                .map(|m| {
                    (
                        usize::from(m.ring == Ring::Outer),
                        usize::from(m.is_professional()),
                    )
                })
                .collect(),
        },
        MapView::Levels => {
            let mut band_labels: Vec<String> = Level::ALL
                .into_iter()
                .map(|l| label_in(&labels.levels, l, crate::default_level_label(l)).to_string())
                .collect();
            if shown.iter().any(|m| m.level.is_none()) {
                band_labels.push(labels.level_unknown.clone());
            }
            Grid {
                band_labels,
                slice_labels: sector_labels(),
                start: -FRAC_PI_2,
                weighted: true,
                cells: shown
                    .iter()
                    .map(|m| {
                        let band = m
                            .level
                            .and_then(|l| Level::ALL.iter().position(|x| *x == l))
                            .unwrap_or(Level::ALL.len());
                        (band, slice_of(m).unwrap_or(0))
                    })
                    .collect(),
            }
        }
    }
}

/// Shares of `total` proportional to `weights`, laid end to end from `from`.
fn split(from: f64, total: f64, weights: &[f64]) -> Vec<(f64, f64)> {
    let sum: f64 = weights.iter().sum();
    let mut at = from;
    weights
        .iter()
        .map(|w| {
            let width = if sum > 0.0 {
                total * w / sum
            } else {
                total / weights.len() as f64
            };
            let part = (at, at + width);
            at += width;
            part
        })
        .collect()
}

/// How many nodes fit on a row at radius `rho` across a slice `width` radians wide, each with
/// its disc of diameter `spacing` inside the slice (`full`: the slice is the whole circle).
fn row_capacity(rho: f64, width: f64, spacing: f64, full: bool) -> usize {
    let half = spacing / 2.0;
    if rho < half || width <= 0.0 {
        return 0;
    }
    let fits = |m: usize| -> bool {
        if m <= 1 {
            // Alone on the row: the only edges are the slice's sides.
            let d = width / 2.0;
            return full || d >= FRAC_PI_2 || rho * d.sin() >= half;
        }
        if full {
            rho * (PI / m as f64).sin() >= half
        } else {
            // Half the pitch is both the gap to the slice's sides and half the gap between
            // neighbours.
            rho * (width / m as f64 / 2.0).sin() >= half
        }
    };
    let pitch = 2.0 * (half / rho).min(1.0).asin();
    let around = if full { TAU } else { width };
    let mut m = if pitch > 0.0 {
        (around / pitch).floor().min(10_000.0) as usize
    } else {
        10_000
    };
    while m > 0 && !fits(m) {
        m -= 1;
    }
    m
}

/// A row of nodes inside one cell: its radius and how many nodes fit on it.
#[derive(Debug, Clone, Copy)]
struct Row {
    rho: f64,
    capacity: usize,
}

/// `m` rows spread evenly over the band, each at least `spacing` from the next and from the
/// band's edges when `m` ≤ depth ÷ spacing.
fn rows_at(m: usize, band: &Band, width: f64, spacing: f64, full: bool) -> Vec<Row> {
    let pitch = (band.outer - band.inner) / m as f64;
    (0..m)
        .map(|i| {
            let rho = band.inner + (i as f64 + 0.5) * pitch;
            Row {
                rho,
                capacity: row_capacity(rho, width, spacing, full),
            }
        })
        .collect()
}

/// The fewest rows that hold `count` nodes, if any number of rows does.
fn rows_for(count: usize, band: &Band, width: f64, spacing: f64, full: bool) -> Option<Vec<Row>> {
    let max_rows = ((band.outer - band.inner) / spacing).floor().min(200.0) as usize;
    (1..=max_rows)
        .map(|m| rows_at(m, band, width, spacing, full))
        .find(|rows| rows.iter().map(|r| r.capacity).sum::<usize>() >= count)
}

/// How one band is filled: one node size for the whole band, and the rows of each cell.
struct BandPlan {
    radius: f64,
    /// Per slice; empty for an empty cell.
    rows: Vec<Vec<Row>>,
    /// Everyone fits without overlap (false only far beyond 60 members).
    fits: bool,
}

/// The roomiest node size and spacing at which every cell of the band holds its members.
fn plan_band(band: &Band, counts: &[usize], slices: &[Slice], full: bool) -> BandPlan {
    let spacing_of = |(radius, spacing): (f64, f64)| spacing.max(2.0 * extent(radius) + 1.0);
    for candidate in CANDIDATES {
        let spacing = spacing_of(candidate);
        let rows: Option<Vec<Vec<Row>>> = counts
            .iter()
            .zip(slices)
            .map(|(&count, slice)| match count {
                0 => Some(Vec::new()),
                _ => rows_for(count, band, slice.width(), spacing, full),
            })
            .collect();
        if let Some(rows) = rows {
            return BandPlan {
                radius: candidate.0,
                rows,
                fits: true,
            };
        }
    }
    // More people than any size fits: place everyone anyway, overlapping.
    let smallest = CANDIDATES[CANDIDATES.len() - 1];
    let spacing = spacing_of(smallest);
    let m = (((band.outer - band.inner) / spacing).floor() as usize).clamp(1, 200);
    BandPlan {
        radius: smallest.0,
        rows: slices
            .iter()
            .map(|slice| {
                rows_at(m, band, slice.width(), spacing, full)
                    .into_iter()
                    .map(|row| Row {
                        capacity: row.capacity.max(1),
                        ..row
                    })
                    .collect()
            })
            .collect(),
        fits: false,
    }
}

/// `count` split over rows in proportion to `weights` (largest remainder), never above a
/// row's capacity when `capped`.
fn distribute(count: usize, weights: &[usize], capped: bool) -> Vec<usize> {
    let total: usize = weights.iter().sum();
    if weights.is_empty() {
        return vec![];
    }
    if total == 0 {
        let mut out = vec![0; weights.len()];
        out[0] = count;
        return out;
    }
    let mut out: Vec<usize> = weights.iter().map(|w| count * w / total).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; on a tie the outer row, which has more room.
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse((count * weights[i]) % total),
            std::cmp::Reverse(i),
        )
    });
    let mut left = count - out.iter().sum::<usize>();
    while left > 0 {
        let before = left;
        for &i in &order {
            if left == 0 {
                break;
            }
            if !capped || out[i] < weights[i] {
                out[i] += 1;
                left -= 1;
            }
        }
        if left == before {
            // Every row is full: only reachable uncapped, kept for safety.
            out[0] += left;
            break;
        }
    }
    out
}

pub(crate) fn compute(input: &MapInput) -> Geometry {
    let shown: Vec<(usize, &NetworkMember)> = input
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| !(input.hide_rejected && m.is_rejected()))
        .collect();
    let shown_members: Vec<&NetworkMember> = shown.iter().map(|(_, m)| *m).collect();
    let grid = grid(input, &shown_members);
    let band_count = grid.band_labels.len();
    let slice_count = grid.slice_labels.len();

    let mut per_band = vec![0usize; band_count];
    let mut per_slice = vec![0usize; slice_count];
    let mut cells: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); slice_count]; band_count];
    for (k, &(b, s)) in grid.cells.iter().enumerate() {
        per_band[b] += 1;
        per_slice[s] += 1;
        cells[b][s].push(k);
    }

    let band_weights: Vec<f64> = per_band.iter().map(|n| 1.0 + *n as f64 / 10.0).collect();
    let bands: Vec<Band> = split(FIRST_BAND, OUTER_RADIUS - FIRST_BAND, &band_weights)
        .into_iter()
        .map(|(inner, outer)| Band { inner, outer })
        .collect();
    let slice_weights: Vec<f64> = per_slice
        .iter()
        .map(|n| {
            if grid.weighted {
                1.0 + *n as f64 / 4.0
            } else {
                1.0
            }
        })
        .collect();
    let slices: Vec<Slice> = split(grid.start, TAU, &slice_weights)
        .into_iter()
        .map(|(start, end)| Slice { start, end })
        .collect();
    let full = slices.len() == 1;

    let mut nodes: Vec<Option<Node>> = (0..shown.len()).map(|_| None).collect();
    for (b, band) in bands.iter().enumerate() {
        let counts: Vec<usize> = cells[b].iter().map(Vec::len).collect();
        let plan = plan_band(band, &counts, &slices, full);
        for ((members, slice), rows) in cells[b].iter().zip(&slices).zip(&plan.rows) {
            let capacities: Vec<usize> = rows.iter().map(|r| r.capacity).collect();
            let per_row = distribute(members.len(), &capacities, plan.fits);
            let mut queue = members.iter();
            for (row, n) in rows.iter().zip(per_row) {
                for j in 0..n {
                    let Some(&k) = queue.next() else { break };
                    let angle = slice.start + (j as f64 + 0.5) * slice.width() / n as f64;
                    let (i, m) = shown[k];
                    nodes[k] = Some(Node {
                        placement: Placement {
                            member: m.id.clone(),
                            x: CX + row.rho * angle.cos(),
                            y: CY + row.rho * angle.sin(),
                            radius: plan.radius,
                            band: b,
                            slice: grid.cells[k].1,
                            informal: m.is_informal(),
                            rejected: m.is_rejected(),
                            label: if input.pseudonymise {
                                text::initials(&m.name)
                            } else {
                                text::short_name(&m.name, LABEL_CHARS)
                            },
                        },
                        member: i,
                        label: None,
                        inner_text: None,
                    });
                }
            }
        }
    }
    let mut nodes: Vec<Node> = nodes.into_iter().flatten().collect();

    let slice_labels = slice_label_spots(&grid.slice_labels, &slices);
    let band_labels = band_label_spots(&grid.band_labels, &bands, &nodes);
    place_labels(&mut nodes, &[&slice_labels, &band_labels]);

    Geometry {
        bands,
        slices,
        slice_labels,
        band_labels,
        nodes,
    }
}

/// Band names, each at the middle of its band: at the top if nothing is drawn there, else at
/// the nearest free spot going round both ways, so a name never hides under a member.
fn band_label_spots(labels: &[String], bands: &[Band], nodes: &[Node]) -> Vec<TextSpot> {
    let mut taken: Vec<Rect> = Vec::new();
    let mut spots = Vec::new();
    for (label, band) in labels.iter().zip(bands) {
        if label.trim().is_empty() {
            continue;
        }
        let rho = (band.inner + band.outer) / 2.0;
        let spot_at = |angle: f64| TextSpot {
            x: CX + rho * angle.cos(),
            y: CY + rho * angle.sin() + BAND_FONT * 0.35,
            anchor: Anchor::Middle,
            font: BAND_FONT,
            text: text::truncate(label, 32),
        };
        let free = |spot: &TextSpot| {
            let rect = spot.rect();
            !taken.iter().any(|t| t.overlaps(&rect))
                && !rect.touches_disc(CX, CY, YOUTH_RADIUS + 2.0)
                && !nodes.iter().any(|n| {
                    let p = &n.placement;
                    rect.touches_disc(p.x, p.y, extent(p.radius) + 1.0)
                })
        };
        // Steps of about 6 px along the band, alternating right and left of the top.
        let step = (6.0 / rho).min(0.2);
        let tries = (PI / step).ceil() as usize;
        let spot = (0..=2 * tries)
            .map(|i| {
                let k = i.div_ceil(2) as f64;
                let side = if i % 2 == 1 { 1.0 } else { -1.0 };
                -FRAC_PI_2 + side * k * step
            })
            .map(spot_at)
            .find(|spot| free(spot))
            .unwrap_or_else(|| spot_at(-FRAC_PI_2));
        taken.push(spot.rect());
        spots.push(spot);
    }
    spots
}

/// Slice names just outside the circle, shrunk (down to a minimum) or cut to stay on the
/// canvas.
fn slice_label_spots(labels: &[String], slices: &[Slice]) -> Vec<TextSpot> {
    if labels.len() < 2 && labels.iter().all(|l| l.is_empty()) {
        return vec![];
    }
    labels
        .iter()
        .zip(slices)
        .filter(|(label, _)| !label.trim().is_empty())
        .map(|(label, slice)| {
            let mid = (slice.start + slice.end) / 2.0;
            let (cos, sin) = (mid.cos(), mid.sin());
            let r = OUTER_RADIUS + 10.0;
            let x = CX + r * cos;
            let anchor = if cos > 0.25 {
                Anchor::Start
            } else if cos < -0.25 {
                Anchor::End
            } else {
                Anchor::Middle
            };
            let room = match anchor {
                Anchor::Start => WIDTH - x - 6.0,
                Anchor::End => x - 6.0,
                Anchor::Middle => WIDTH - 12.0,
            };
            let label = label.trim();
            let chars = label.chars().count().max(1) as f64;
            let font = (room / (chars * 0.62)).clamp(SLICE_MIN_FONT, SLICE_FONT);
            let fit = ((room / (font * 0.62)).floor() as usize).max(4);
            let y = CY
                + r * sin
                + if sin > 0.25 {
                    font * 0.9
                } else if sin < -0.25 {
                    0.0
                } else {
                    font * 0.35
                };
            TextSpot {
                x,
                y,
                anchor,
                font,
                text: text::truncate(label, fit),
            }
        })
        .collect()
}

/// A short name beside every node where one fits without touching another node, label or
/// the names of the slices: below, else above, right or left. Where none fits the name stays
/// in the node's title (and the table alternative), and a big enough node shows initials.
fn place_labels(nodes: &mut [Node], fixed: &[&[TextSpot]]) {
    let canvas = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: WIDTH,
        y1: LEGEND_TOP - 4.0,
    };
    let discs: Vec<(f64, f64, f64)> = nodes
        .iter()
        .map(|n| {
            let p = &n.placement;
            (p.x, p.y, extent(p.radius) + 1.0)
        })
        .chain(std::iter::once((CX, CY, YOUTH_RADIUS + 2.0)))
        .collect();
    let mut taken: Vec<Rect> = fixed
        .iter()
        .flat_map(|f| f.iter())
        .map(TextSpot::rect)
        .collect();
    for node in nodes.iter_mut() {
        let p = &node.placement;
        let e = extent(p.radius);
        let font = LABEL_FONT;
        let candidates = [
            (p.x, p.y + e + 2.0 + font, Anchor::Middle),
            (p.x, p.y - e - 2.0 - font * 0.3, Anchor::Middle),
            (p.x + e + 3.0, p.y + font * 0.35, Anchor::Start),
            (p.x - e - 3.0, p.y + font * 0.35, Anchor::End),
        ];
        let spot = candidates.into_iter().find_map(|(x, y, anchor)| {
            let spot = TextSpot {
                x,
                y,
                anchor,
                font,
                text: p.label.clone(),
            };
            let rect = spot.rect();
            let free = rect.inside(&canvas)
                && !taken.iter().any(|t| t.overlaps(&rect))
                && !discs
                    .iter()
                    .any(|&(dx, dy, dr)| rect.touches_disc(dx, dy, dr));
            free.then_some((spot, rect))
        });
        match spot {
            Some((spot, rect)) => {
                taken.push(rect);
                node.label = Some(spot);
            }
            None if p.radius >= 8.0 => {
                let short = text::initials(&p.label);
                let short: String = short.chars().take(3).collect();
                let chars = short.chars().count().max(1) as f64;
                let font = (p.radius * 0.9).min(1.7 * p.radius / (chars * 0.62));
                node.inner_text = Some((short, font));
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_capacity_keeps_discs_apart_and_inside() {
        for &(rho, width, spacing) in &[
            (100.0, 0.9, 20.0),
            (60.0, 4.0, 40.0),
            (300.0, 0.2, 8.0),
            (50.0, 3.5, 30.0),
        ] {
            let m = row_capacity(rho, width, spacing, false);
            if m >= 2 {
                let pitch = width / m as f64;
                assert!(2.0 * rho * (pitch / 2.0).sin() >= spacing - 1e-9);
            }
            if m >= 1 {
                let d: f64 = width / m as f64 / 2.0;
                assert!(d >= FRAC_PI_2 || rho * d.sin() >= spacing / 2.0 - 1e-9);
            }
            // One more would not fit.
            let d: f64 = width / (m + 1) as f64 / 2.0;
            assert!(rho * d.sin() < spacing / 2.0 + 1e-9);
        }
        assert_eq!(row_capacity(10.0, 1.0, 30.0, false), 0);
        assert_eq!(row_capacity(40.0, TAU, 30.0, true), 8);
    }

    #[test]
    fn distribute_fills_to_capacity() {
        assert_eq!(distribute(5, &[2, 4, 6], true).iter().sum::<usize>(), 5);
        assert_eq!(distribute(12, &[2, 4, 6], true), [2, 4, 6]);
        assert_eq!(distribute(1, &[3, 3, 3], true), [0, 0, 1]);
        assert_eq!(distribute(20, &[1, 1], false).iter().sum::<usize>(), 20);
        assert_eq!(distribute(3, &[0, 0], false), [3, 0]);
        assert!(distribute(0, &[], true).is_empty());
    }
}
