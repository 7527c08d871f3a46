//! Insight for analysts (*gemeente*, *onderzoeker*): aggregates only, never a case, and no
//! number from which a small group can be picked out.
//!
//! # Small cells
//!
//! A count below [`MIN_CELL`] (10) is never published: "3 young people in JeugdzorgPlus in
//! this district with a network foster family" points at people. [`suppress`] takes a table of
//! counts with its row and column totals and returns it with such cells hidden:
//!
//! 1. **Primary suppression**: every cell, row total, column total and grand total below 10 is
//!    suppressed (0 included: "nobody" is also a disclosure).
//! 2. **Complementary suppression**: a published total minus the published cells of its row
//!    would give back a lone suppressed cell. So in every row and every column — the totals row
//!    and totals column included, each line read as "its cells add up to its total" — the
//!    number of suppressed entries (cells and the line's total together) may not be exactly
//!    one. When it is, one more entry of that line is suppressed: a cell rather than the total,
//!    preferably one whose crossing line already has a suppressed entry (so that no new lone
//!    suppression appears there), and among those the smallest. This is "suppress the
//!    next-smallest as well", steered so that the suppressions close into rectangles instead of
//!    spreading through the table.
//! 3. **No recovery by combining lines**: step 2 looks at one line at a time, but sums of
//!    several rows minus several columns can still isolate a suppressed cell (two suppressed
//!    rectangles joined by one cell). A suppressed entry can be recovered exactly from the
//!    published numbers if and only if it is a *bridge* in the graph whose nodes are the rows
//!    and columns (totals row and column included) and whose edges are the suppressed entries;
//!    on a cycle it can be moved up and down around the cycle without changing any total. So
//!    while some suppressed entry is a bridge, the smallest published cell that closes a cycle
//!    through it is suppressed too.
//!
//! Steps 2 and 3 repeat until nothing changes. The result is **stable**: applying the rules to
//! a suppressed result suppresses nothing more. What it does not promise: that nothing can be
//! *bounded* — a suppressed cell always lies between 0 and the smallest published total it is
//! part of. That is the accepted practice for count tables (e.g. CBS); the threshold of 10 is
//! what keeps such an interval from naming a person.
//!
//! # Differencing between filters
//!
//! An analyst can ask the same question twice with overlapping filters: all settings gives 57
//! cases, all settings but JeugdzorgPlus gives 52. Both pass the threshold; their difference
//! reveals a group of 5 in JeugdzorgPlus that no table shows. So a filtered count is published
//! only when the group the filter leaves out is empty or also at least 10:
//! [`may_publish_filtered`] refuses when `0 < wider − filtered < 10` (and when
//! `filtered < 10`, and when `filtered > wider`, which means the two counts do not describe the
//! same cases). [`suppress_filtered`] applies it to every entry of a filtered table, against
//! the same entry of the unfiltered table, before the complementary steps above.
//!
//! The rule compares a filtered result with a wider one. It protects against differencing with
//! the unfiltered table; two filtered results can still be subtracted from each other (all but
//! A, and all but A and B, differ by B). The caller must therefore check every pair of filters
//! it publishes where one contains the other — `may_publish_filtered(narrow, wide)` — or offer
//! filters only from a fixed list of nested groups. The web layer owns that list.
//!
//! # Shares
//!
//! Percentages are computed only from published counts ([`PublishedTable::row_share`] and
//! friends): a share of a suppressed cell, or of a suppressed total, is itself suppressed.

pub mod figures;

use serde::Serialize;
use std::collections::VecDeque;

/// The smallest count that may be published.
pub const MIN_CELL: u64 = 10;

/// Shown instead of a suppressed count ("fewer than 10").
pub const SUPPRESSED_KEY: &str = "insight-suppressed";

/// Why a table cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// Row `row` has a different number of cells than the first row.
    #[error("row {row} has {found} cells, expected {expected}")]
    Ragged {
        row: usize,
        found: usize,
        expected: usize,
    },
    /// A total does not fit in 64 bits.
    #[error("the counts add up to more than can be held")]
    Overflow,
    /// The filtered and unfiltered tables differ in shape.
    #[error("the filtered and unfiltered tables differ in shape")]
    ShapeMismatch,
}

/// A table of counts: rows of cells, every row as long as the others, with totals that fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountTable {
    cells: Vec<Vec<u64>>,
    columns: usize,
    row_totals: Vec<u64>,
    column_totals: Vec<u64>,
    grand_total: u64,
}

impl CountTable {
    /// The table of `cells` (rows of cells). A table without rows has no columns.
    pub fn new(cells: Vec<Vec<u64>>) -> Result<CountTable, TableError> {
        let columns = cells.first().map_or(0, Vec::len);
        if let Some((row, found)) = cells
            .iter()
            .map(Vec::len)
            .enumerate()
            .find(|(_, len)| *len != columns)
        {
            return Err(TableError::Ragged {
                row,
                found,
                expected: columns,
            });
        }
        let add = |a: u64, b: &u64| a.checked_add(*b).ok_or(TableError::Overflow);
        let row_totals = cells
            .iter()
            .map(|row| row.iter().try_fold(0u64, add))
            .collect::<Result<Vec<u64>, _>>()?;
        let column_totals = (0..columns)
            .map(|c| cells.iter().map(|row| &row[c]).try_fold(0u64, add))
            .collect::<Result<Vec<u64>, _>>()?;
        let grand_total = row_totals.iter().try_fold(0u64, add)?;
        Ok(CountTable {
            cells,
            columns,
            row_totals,
            column_totals,
            grand_total,
        })
    }

    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn columns(&self) -> usize {
        self.columns
    }

    pub fn cell(&self, row: usize, column: usize) -> Option<u64> {
        self.cells.get(row).and_then(|r| r.get(column)).copied()
    }

    pub fn row_total(&self, row: usize) -> Option<u64> {
        self.row_totals.get(row).copied()
    }

    pub fn column_total(&self, column: usize) -> Option<u64> {
        self.column_totals.get(column).copied()
    }

    pub fn grand_total(&self) -> u64 {
        self.grand_total
    }

    /// The table with its margins as one grid: `rows + 1` by `columns + 1`, the last row the
    /// column totals, the last column the row totals, the corner the grand total.
    fn grid(&self) -> Vec<Vec<u64>> {
        let mut grid: Vec<Vec<u64>> = self
            .cells
            .iter()
            .zip(&self.row_totals)
            .map(|(row, total)| row.iter().copied().chain([*total]).collect())
            .collect();
        grid.push(
            self.column_totals
                .iter()
                .copied()
                .chain([self.grand_total])
                .collect(),
        );
        grid
    }
}

/// A published count, or `null` when suppressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Cell(Option<u64>);

impl Cell {
    /// The count, when published.
    pub fn count(self) -> Option<u64> {
        self.0
    }

    pub fn is_suppressed(self) -> bool {
        self.0.is_none()
    }
}

/// `part ÷ whole` when both are published and `whole` is not 0.
pub fn share(part: Cell, whole: Cell) -> Option<f64> {
    match (part.0, whole.0) {
        (Some(part), Some(whole)) if whole > 0 => Some(part as f64 / whole as f64),
        _ => None,
    }
}

/// A table as it may be shown: suppressed entries are `None` (`null` in JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedTable {
    cells: Vec<Vec<Cell>>,
    row_totals: Vec<Cell>,
    column_totals: Vec<Cell>,
    grand_total: Cell,
}

impl PublishedTable {
    fn from_grid(grid: &[Vec<u64>], mask: &[Vec<bool>]) -> PublishedTable {
        let entry = |r: usize, c: usize| Cell((!mask[r][c]).then_some(grid[r][c]));
        let rows = grid.len() - 1;
        let columns = grid[0].len() - 1;
        PublishedTable {
            cells: (0..rows)
                .map(|r| (0..columns).map(|c| entry(r, c)).collect())
                .collect(),
            row_totals: (0..rows).map(|r| entry(r, columns)).collect(),
            column_totals: (0..columns).map(|c| entry(rows, c)).collect(),
            grand_total: entry(rows, columns),
        }
    }

    pub fn rows(&self) -> usize {
        self.cells.len()
    }

    pub fn columns(&self) -> usize {
        self.column_totals.len()
    }

    /// The cell; a suppressed one, or one outside the table, is `None`.
    pub fn cell(&self, row: usize, column: usize) -> Cell {
        self.cells
            .get(row)
            .and_then(|r| r.get(column))
            .copied()
            .unwrap_or(Cell(None))
    }

    pub fn row_total(&self, row: usize) -> Cell {
        self.row_totals.get(row).copied().unwrap_or(Cell(None))
    }

    pub fn column_total(&self, column: usize) -> Cell {
        self.column_totals
            .get(column)
            .copied()
            .unwrap_or(Cell(None))
    }

    pub fn grand_total(&self) -> Cell {
        self.grand_total
    }

    /// The cell's share of its row total, from published counts only.
    pub fn row_share(&self, row: usize, column: usize) -> Option<f64> {
        share(self.cell(row, column), self.row_total(row))
    }

    /// The cell's share of its column total, from published counts only.
    pub fn column_share(&self, row: usize, column: usize) -> Option<f64> {
        share(self.cell(row, column), self.column_total(column))
    }

    /// The cell's share of the grand total, from published counts only.
    pub fn total_share(&self, row: usize, column: usize) -> Option<f64> {
        share(self.cell(row, column), self.grand_total)
    }

    /// Which entries of the grid (margins included) are suppressed.
    fn mask(&self) -> Vec<Vec<bool>> {
        let mut mask: Vec<Vec<bool>> = self
            .cells
            .iter()
            .zip(&self.row_totals)
            .map(|(row, total)| {
                row.iter()
                    .chain([total])
                    .map(|c| c.is_suppressed())
                    .collect()
            })
            .collect();
        mask.push(
            self.column_totals
                .iter()
                .chain([&self.grand_total])
                .map(|c| c.is_suppressed())
                .collect(),
        );
        mask
    }
}

/// May a count under a filter be published, given the count of the same cell under a wider
/// filter (the unfiltered total, or a published filter that contains this one)?
///
/// Only when `filtered ≥ 10` and the difference `wider − filtered` is 0 or at least 10: a
/// difference `0 < d < 10` is a small group revealed by subtraction. `filtered > wider` means the
/// two do not describe the same cases, and is refused.
pub fn may_publish_filtered(filtered: u64, wider: u64) -> bool {
    filtered >= MIN_CELL
        && wider
            .checked_sub(filtered)
            .is_some_and(|left_out| left_out == 0 || left_out >= MIN_CELL)
}

/// The table with small cells suppressed and complements chosen so that no suppressed entry
/// can be recovered from what is published (see the module documentation).
pub fn suppress(table: &CountTable) -> PublishedTable {
    let grid = table.grid();
    let mask: Vec<Vec<bool>> = grid
        .iter()
        .map(|row| row.iter().map(|v| *v < MIN_CELL).collect())
        .collect();
    PublishedTable::from_grid(&grid, &complete(&grid, mask))
}

/// A filtered table, suppressed: every entry (cells and totals) that [`may_publish_filtered`]
/// refuses against the same entry of `unfiltered` is suppressed, then complements are chosen as
/// in [`suppress`].
pub fn suppress_filtered(
    filtered: &CountTable,
    unfiltered: &CountTable,
) -> Result<PublishedTable, TableError> {
    if filtered.rows() != unfiltered.rows() || filtered.columns() != unfiltered.columns() {
        return Err(TableError::ShapeMismatch);
    }
    let grid = filtered.grid();
    let wider = unfiltered.grid();
    let mask: Vec<Vec<bool>> = grid
        .iter()
        .zip(&wider)
        .map(|(row, wide)| {
            row.iter()
                .zip(wide)
                .map(|(f, w)| !may_publish_filtered(*f, *w))
                .collect()
        })
        .collect();
    Ok(PublishedTable::from_grid(&grid, &complete(&grid, mask)))
}

/// A filtered table checked against every wider filter it is nested in (the same filter with one
/// or more of its choices widened to "all", the unfiltered table last): each `(counts,
/// publication)` pair in `wider` is one such filter. An entry is suppressed when it is below 10,
/// when [`may_publish_filtered`] refuses it against the same entry of any wider table, and when
/// the wider publication suppressed that entry — a narrower table may not publish what a wider
/// one hides, or the two together give it back (the narrow count equals the wide one when
/// nothing was left out). Then complements are chosen as in [`suppress`].
pub fn suppress_nested(
    filtered: &CountTable,
    wider: &[(&CountTable, &PublishedTable)],
) -> Result<PublishedTable, TableError> {
    let grid = filtered.grid();
    let mut mask: Vec<Vec<bool>> = grid
        .iter()
        .map(|row| row.iter().map(|v| *v < MIN_CELL).collect())
        .collect();
    for (counts, published) in wider {
        if counts.rows() != filtered.rows() || counts.columns() != filtered.columns() {
            return Err(TableError::ShapeMismatch);
        }
        let wide = counts.grid();
        let hidden = published.mask();
        if hidden.len() != grid.len() {
            return Err(TableError::ShapeMismatch);
        }
        for (r, row) in mask.iter_mut().enumerate() {
            for (c, s) in row.iter_mut().enumerate() {
                *s |= !may_publish_filtered(grid[r][c], wide[r][c]) || hidden[r][c];
            }
        }
    }
    Ok(PublishedTable::from_grid(&grid, &complete(&grid, mask)))
}

/// Applies the complementary rules to an already suppressed table once more: for a table that
/// came out of [`suppress`] or [`suppress_filtered`] this changes nothing.
pub fn resuppress(table: &CountTable, published: &PublishedTable) -> PublishedTable {
    let grid = table.grid();
    let mut mask = published.mask();
    if mask.len() != grid.len() || mask.iter().zip(&grid).any(|(m, g)| m.len() != g.len()) {
        // Not this table's publication: start again from the counts.
        return suppress(table);
    }
    for (m, g) in mask.iter_mut().zip(&grid) {
        for (s, v) in m.iter_mut().zip(g) {
            *s |= *v < MIN_CELL;
        }
    }
    PublishedTable::from_grid(&grid, &complete(&grid, mask))
}

/// One entry of the grid.
type Pos = (usize, usize);

/// Steps 2 and 3 until nothing changes. `grid` has at least one row and one column (the
/// margins).
fn complete(grid: &[Vec<u64>], mut mask: Vec<Vec<bool>>) -> Vec<Vec<bool>> {
    loop {
        if fix_lines(grid, &mut mask) {
            continue;
        }
        if !fix_bridge(grid, &mut mask) {
            return mask;
        }
    }
}

/// The entries of line `i`: a row (`by_row`) or a column, its total last.
fn line(grid: &[Vec<u64>], by_row: bool, i: usize) -> Vec<Pos> {
    if by_row {
        (0..grid[0].len()).map(|c| (i, c)).collect()
    } else {
        (0..grid.len()).map(|r| (r, i)).collect()
    }
}

fn suppressed_in(mask: &[Vec<bool>], entries: &[Pos]) -> usize {
    entries.iter().filter(|(r, c)| mask[*r][*c]).count()
}

/// Complements for lines with exactly one suppressed entry; true when something was added.
fn fix_lines(grid: &[Vec<u64>], mask: &mut [Vec<bool>]) -> bool {
    let (rows, columns) = (grid.len(), grid[0].len());
    let mut changed = false;
    for by_row in [true, false] {
        for i in 0..if by_row { rows } else { columns } {
            let entries = line(grid, by_row, i);
            if suppressed_in(mask, &entries) != 1 {
                continue;
            }
            let total = entries.len() - 1;
            let best = entries
                .iter()
                .enumerate()
                .filter(|(_, (r, c))| !mask[*r][*c])
                .min_by_key(|(k, (r, c))| {
                    let crossing = line(grid, !by_row, if by_row { *c } else { *r });
                    let opens = suppressed_in(mask, &crossing) == 0;
                    (*k == total, opens, grid[*r][*c], *k)
                })
                .map(|(_, pos)| *pos);
            if let Some((r, c)) = best {
                mask[r][c] = true;
                changed = true;
            }
        }
    }
    changed
}

/// Finds one suppressed entry that is a bridge and closes a cycle through it with the smallest
/// published cell that can; true when something was added.
fn fix_bridge(grid: &[Vec<u64>], mask: &mut [Vec<bool>]) -> bool {
    let (rows, columns) = (grid.len(), grid[0].len());
    // Nodes: rows 0..rows, then columns rows..rows+columns.
    let edges: Vec<Pos> = (0..rows)
        .flat_map(|r| (0..columns).map(move |c| (r, c)))
        .filter(|(r, c)| mask[*r][*c])
        .collect();
    let mut adjacent: Vec<Vec<(usize, usize)>> = vec![Vec::new(); rows + columns];
    for (k, (r, c)) in edges.iter().enumerate() {
        adjacent[*r].push((rows + c, k));
        adjacent[rows + c].push((*r, k));
    }
    let reach = |start: usize, skip: usize| {
        let mut seen = vec![false; rows + columns];
        let mut queue = VecDeque::from([start]);
        seen[start] = true;
        while let Some(node) = queue.pop_front() {
            for (next, k) in &adjacent[node] {
                if *k != skip && !seen[*next] {
                    seen[*next] = true;
                    queue.push_back(*next);
                }
            }
        }
        seen
    };
    for (k, (r, c)) in edges.iter().enumerate() {
        let side_a = reach(*r, k);
        if side_a[rows + c] {
            continue; // on a cycle
        }
        let side_b = reach(rows + c, k);
        let last = (rows - 1, columns - 1);
        let best = (0..rows)
            .flat_map(|r| (0..columns).map(move |c| (r, c)))
            .filter(|(r2, c2)| {
                !mask[*r2][*c2]
                    && ((side_a[*r2] && side_b[rows + c2]) || (side_b[*r2] && side_a[rows + c2]))
            })
            .min_by_key(|(r2, c2)| {
                let margin = *r2 == last.0 || *c2 == last.1;
                (margin, grid[*r2][*c2], *r2, *c2)
            });
        if let Some((r2, c2)) = best {
            mask[r2][c2] = true;
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn table(rows: &[&[u64]]) -> CountTable {
        CountTable::new(rows.iter().map(|r| r.to_vec()).collect()).unwrap_or_else(|e| panic!("{e}"))
    }

    fn suppressed_cells(p: &PublishedTable) -> Vec<Pos> {
        (0..p.rows())
            .flat_map(|r| (0..p.columns()).map(move |c| (r, c)))
            .filter(|(r, c)| p.cell(*r, *c).is_suppressed())
            .collect()
    }

    #[test]
    fn hand_example_closes_a_rectangle() {
        //       c0  c1  c2 | total
        //  r0   20   5  30 |  55
        //  r1   15  25  12 |  52
        //  r2   18  22  40 |  80
        //  tot  53  52  82 | 187
        let t = table(&[&[20, 5, 30], &[15, 25, 12], &[18, 22, 40]]);
        assert_eq!(t.row_total(0), Some(55));
        assert_eq!(t.column_total(2), Some(82));
        assert_eq!(t.grand_total(), 187);
        let p = suppress(&t);
        // Primary: (0,1) = 5.
        // Row 0 has one suppressed: candidates 20 and 30, both in columns without a suppressed
        // cell → the smallest, (0,0) = 20.
        // Column 0 now has one: candidates 15 and 18, rows without one → (1,0) = 15.
        // Column 1 has one: (1,1) = 25 sits in row 1, which has one suppressed now, so it is
        // preferred over (2,1) = 22, whose row has none. The rectangle (0,0) (0,1) (1,0) (1,1)
        // leaves every line with two suppressed cells; every total stays published.
        assert_eq!(suppressed_cells(&p), [(0, 0), (0, 1), (1, 0), (1, 1)]);
        assert_eq!(p.row_total(0).count(), Some(55));
        assert_eq!(p.grand_total().count(), Some(187));
        assert_eq!(p.cell(2, 2).count(), Some(40));
        // Shares from published counts only: (2,2) = 40 of row total 80 = 0.5; (1,2) = 12 of
        // column total 82 = 12/82; a suppressed cell has no share.
        assert_eq!(p.row_share(2, 2), Some(0.5));
        assert_eq!(p.column_share(1, 2), Some(12.0 / 82.0));
        assert_eq!(p.row_share(0, 1), None);
        assert_eq!(p.total_share(0, 0), None);
    }

    #[test]
    fn small_totals_are_suppressed_with_a_complement() {
        //       c0  c1 | total
        //  r0    3   4 |   7  ← total below 10: row 0 entirely suppressed
        //  r1   30  40 |  70
        //  r2   25  12 |  37
        //  tot  58  56 | 114
        let t = table(&[&[3, 4], &[30, 40], &[25, 12]]);
        let p = suppress(&t);
        assert!(p.row_total(0).is_suppressed());
        // Row 0 line: 3, 4, 7 all suppressed (3 entries, fine). Column 0: (0,0) alone → the
        // smallest cell whose row already has a suppression: none has → smallest, (2,0) = 25.
        // Column 1: (0,1) alone → (2,1) = 12, whose row now has one. Row 2: two. Totals column:
        // 7 alone among 7, 70, 37, 114 → a row total whose row has a suppression: 37.
        assert_eq!(suppressed_cells(&p), [(0, 0), (0, 1), (2, 0), (2, 1)]);
        assert!(p.row_total(2).is_suppressed());
        assert_eq!(p.row_total(1).count(), Some(70));
        assert_eq!(p.column_total(0).count(), Some(58));
        assert_eq!(p.grand_total().count(), Some(114));
    }

    #[test]
    fn a_bridge_between_two_rectangles_is_closed() {
        // Two suppressed rectangles, joined by one suppressed cell, would leave that cell
        // recoverable: rows 0+1 minus columns 0+1. Start from such a mask by hand.
        let t = table(&[
            &[50, 50, 50, 50],
            &[50, 50, 50, 50],
            &[50, 50, 50, 50],
            &[50, 50, 50, 50],
        ]);
        let grid = t.grid();
        let mut mask = vec![vec![false; 5]; 5];
        for (r, c) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
            (1, 2),
        ] {
            mask[r][c] = true;
        }
        // Every line has 0 or ≥ 2 suppressed entries, yet (1,2) is a bridge.
        let done = complete(&grid, mask.clone());
        assert_ne!(done, mask);
        assert!(!recoverable(&grid, &done).contains(&(1, 2)));
        assert!(recoverable(&grid, &mask).contains(&(1, 2)));
    }

    #[test]
    fn nothing_to_hide() {
        let t = table(&[&[10, 20], &[30, 40]]);
        let p = suppress(&t);
        assert!(suppressed_cells(&p).is_empty());
        assert_eq!(p.grand_total().count(), Some(100));
        assert_eq!(p.total_share(1, 1), Some(0.4));
        let empty = table(&[]);
        let p = suppress(&empty);
        assert_eq!((p.rows(), p.columns()), (0, 0));
        assert!(p.grand_total().is_suppressed(), "0 is below 10");
    }

    #[test]
    fn table_shape_and_overflow() {
        assert_eq!(
            CountTable::new(vec![vec![1, 2], vec![3]]),
            Err(TableError::Ragged {
                row: 1,
                found: 1,
                expected: 2
            })
        );
        assert_eq!(
            CountTable::new(vec![vec![u64::MAX, 1]]),
            Err(TableError::Overflow)
        );
        let a = table(&[&[10]]);
        let b = table(&[&[10, 10]]);
        assert_eq!(suppress_filtered(&a, &b), Err(TableError::ShapeMismatch));
    }

    #[test]
    fn differencing_rule() {
        // All settings 57, all but JeugdzorgPlus 52: 5 left out → refused.
        assert!(!may_publish_filtered(52, 57));
        // Nothing left out, or a group of at least 10: fine.
        assert!(may_publish_filtered(57, 57));
        assert!(may_publish_filtered(47, 57));
        // Small itself, or inconsistent.
        assert!(!may_publish_filtered(9, 9));
        assert!(!may_publish_filtered(58, 57));
        assert!(!may_publish_filtered(48, 57));
    }

    #[test]
    fn filtered_table_hides_differences() {
        //  unfiltered        filtered (all but one setting)
        //   40  30 | 70       40  25 | 65   → (0,1): 30 − 25 = 5 left out → suppressed
        //   20  50 | 70       20  50 | 70
        //   60  80 |140       60  75 |135   → column 1 total: 80 − 75 = 5; grand: 140 − 135 = 5
        let all = table(&[&[40, 30], &[20, 50]]);
        let some = table(&[&[40, 25], &[20, 50]]);
        let p = suppress_filtered(&some, &all).unwrap_or_else(|e| panic!("{e}"));
        assert!(p.cell(0, 1).is_suppressed());
        assert!(p.row_total(0).is_suppressed());
        assert!(p.column_total(1).is_suppressed());
        assert!(p.grand_total().is_suppressed());
        // Every published entry passes the rule against the unfiltered one.
        assert_eq!(p.cell(1, 1).count(), Some(50));
        for (r, c) in [(0, 0), (1, 0), (1, 1)] {
            if let (Some(f), Some(w)) = (p.cell(r, c).count(), all.cell(r, c)) {
                assert!(may_publish_filtered(f, w));
            }
        }
        assert!(recoverable(&some.grid(), &p.mask()).is_empty());
    }

    #[test]
    fn nested_filters_cannot_be_subtracted() {
        // Two teams, settings as rows, [network in the plan, not] as columns.
        //  all teams          team A             team B
        //   40  30 | 70        38  20 | 58         2  10 | 12
        //   25  45 | 70        15  25 | 40        10  20 | 30
        //   65  75 |140        53  45 | 98        12  30 | 42
        let all = table(&[&[40, 30], &[25, 45]]);
        let team_a = table(&[&[38, 20], &[15, 25]]);
        let wide = suppress(&all);
        assert!(
            suppressed_cells(&wide).is_empty(),
            "nothing small in the whole"
        );
        let a = suppress_nested(&team_a, &[(&all, &wide)]).unwrap_or_else(|e| panic!("{e}"));
        // (0,0): 40 − 38 = 2 cases of team B left out → suppressed, so "all − team A" cannot
        // give team B's 2. Row 0 then needs a complement: (0,1) = 20; column 0 needs one:
        // (1,0) = 15; and so on into a rectangle.
        assert!(a.cell(0, 0).is_suppressed());
        assert!(a.cell(0, 1).is_suppressed());
        assert!(a.cell(1, 0).is_suppressed());
        assert!(a.cell(1, 1).is_suppressed());
        // The row total 58 of team A against 70: 12 left out, publishable; the grand total
        // 98 against 140: 42 left out.
        assert_eq!(a.row_total(0).count(), Some(58));
        assert_eq!(a.grand_total().count(), Some(98));
        // Every difference of a published entry of team A with the same entry of the whole is
        // 0 or at least 10: no subtraction of two published figures names fewer than 10.
        let wide_grid = all.grid();
        let narrow_grid = team_a.grid();
        let mask = a.mask();
        for r in 0..3 {
            for c in 0..3 {
                if !mask[r][c] {
                    let left_out = wide_grid[r][c] - narrow_grid[r][c];
                    assert!(
                        left_out == 0 || left_out >= MIN_CELL,
                        "({r},{c}) leaves {left_out}"
                    );
                }
            }
        }
        // And the published cells of team A alone give back none of its suppressed ones.
        assert!(recoverable(&narrow_grid, &mask).is_empty());
    }

    #[test]
    fn a_narrow_table_hides_what_the_wide_one_hides() {
        // The whole suppresses (0,0) = 5 and its rectangle; team A holds all of row 0 (nothing
        // left out there), so without the rule it could publish 45 = the whole's hidden 45, and
        // the whole's row total 50 − 45 would give back the 5.
        let all = table(&[&[5, 45], &[30, 40], &[20, 60]]);
        let wide = suppress(&all);
        assert!(wide.cell(0, 0).is_suppressed());
        assert!(wide.cell(0, 1).is_suppressed());
        assert_eq!(wide.row_total(0).count(), Some(50));
        let team_a = table(&[&[5, 45], &[10, 20], &[10, 30]]);
        let a = suppress_nested(&team_a, &[(&all, &wide)]).unwrap_or_else(|e| panic!("{e}"));
        assert!(a.cell(0, 1).is_suppressed(), "45 is hidden in the whole");
        for (r, c) in suppressed_cells(&wide) {
            assert!(a.cell(r, c).is_suppressed());
        }
        let other = table(&[&[1, 2]]);
        assert_eq!(
            suppress_nested(&other, &[(&all, &wide)]),
            Err(TableError::ShapeMismatch)
        );
    }

    /// The suppressed entries that the published numbers determine exactly, by linear algebra
    /// rather than by the graph argument the code uses: unknown `i` is determined iff the unit
    /// vector `e_i` lies in the row space of the line equations restricted to the unknowns.
    fn recoverable(grid: &[Vec<u64>], mask: &[Vec<bool>]) -> Vec<Pos> {
        let (rows, columns) = (grid.len(), grid[0].len());
        let unknowns: Vec<Pos> = (0..rows)
            .flat_map(|r| (0..columns).map(move |c| (r, c)))
            .filter(|(r, c)| mask[*r][*c])
            .collect();
        let n = unknowns.len();
        // With totals negated (y = −total, corner +grand) every line sums to 0, so each line is
        // the row vector with 1 at its unknowns.
        let mut equations: Vec<Vec<f64>> = Vec::new();
        for r in 0..rows {
            equations.push(
                unknowns
                    .iter()
                    .map(|u| f64::from(u8::from(u.0 == r)))
                    .collect(),
            );
        }
        for c in 0..columns {
            equations.push(
                unknowns
                    .iter()
                    .map(|u| f64::from(u8::from(u.1 == c)))
                    .collect(),
            );
        }
        let base = rank(equations.clone());
        (0..n)
            .filter(|i| {
                let mut with = equations.clone();
                with.push((0..n).map(|j| f64::from(u8::from(j == *i))).collect());
                rank(with) == base
            })
            .map(|i| unknowns[i])
            .collect()
    }

    fn rank(mut m: Vec<Vec<f64>>) -> usize {
        let cols = m.first().map_or(0, Vec::len);
        let mut rank = 0;
        for col in 0..cols {
            let Some(pivot) = (rank..m.len()).find(|r| m[*r][col].abs() > 1e-9) else {
                continue;
            };
            m.swap(rank, pivot);
            let pivot_row = m[rank].clone();
            for (r, row) in m.iter_mut().enumerate() {
                if r != rank && row[col].abs() > 1e-9 {
                    let f = row[col] / pivot_row[col];
                    for (x, p) in row.iter_mut().zip(&pivot_row) {
                        *x -= f * p;
                    }
                }
            }
            rank += 1;
        }
        rank
    }

    fn arb_table() -> impl Strategy<Value = CountTable> {
        (1..6usize, 1..6usize).prop_flat_map(|(rows, columns)| {
            prop::collection::vec(
                prop::collection::vec(prop_oneof![0..10u64, 0..60u64], columns),
                rows,
            )
            .prop_map(|cells| CountTable::new(cells).unwrap_or_else(|e| panic!("{e}")))
        })
    }

    fn lines_ok(mask: &[Vec<bool>]) -> bool {
        let (rows, columns) = (mask.len(), mask[0].len());
        let row_ok = (0..rows).all(|r| (0..columns).filter(|c| mask[r][*c]).count() != 1);
        let column_ok = (0..columns).all(|c| (0..rows).filter(|r| mask[*r][c]).count() != 1);
        row_ok && column_ok
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn suppression_invariants(t in arb_table()) {
            let p = suppress(&t);
            let grid = t.grid();
            let mask = p.mask();
            // Nothing below 10 is published, and what is published is the true count.
            for (r, row) in grid.iter().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    if !mask[r][c] {
                        prop_assert!(*value >= MIN_CELL);
                    }
                    if *value < MIN_CELL {
                        prop_assert!(mask[r][c]);
                    }
                }
            }
            for r in 0..t.rows() {
                for c in 0..t.columns() {
                    if let Some(v) = p.cell(r, c).count() {
                        prop_assert_eq!(Some(v), t.cell(r, c));
                    }
                    for s in [p.row_share(r, c), p.column_share(r, c), p.total_share(r, c)] {
                        prop_assert!(s.is_none_or(|s| (0.0..=1.0).contains(&s)));
                    }
                    if p.cell(r, c).is_suppressed() {
                        prop_assert!(p.row_share(r, c).is_none());
                    }
                }
            }
            // No line (row or column, totals included) with exactly one suppressed entry; in
            // particular no row or column with one suppressed cell and a published total.
            prop_assert!(lines_ok(&mask));
            // No suppressed entry can be recovered exactly.
            prop_assert!(recoverable(&grid, &mask).is_empty());
            // Stable under re-application.
            prop_assert_eq!(&resuppress(&t, &p), &p);
            prop_assert_eq!(&suppress(&t), &p);
        }

        #[test]
        fn filtered_suppression_invariants(
            (wide, cut) in arb_table().prop_flat_map(|t| {
                let n = t.rows() * t.columns();
                (Just(t), prop::collection::vec(0..15u64, n))
            })
        ) {
            let columns = wide.columns();
            let cells: Vec<Vec<u64>> = (0..wide.rows())
                .map(|r| (0..columns)
                    .map(|c| wide.cell(r, c).unwrap_or(0).saturating_sub(cut[r * columns + c]))
                    .collect())
                .collect();
            let narrow = CountTable::new(cells).unwrap_or_else(|e| panic!("{e}"));
            let p = suppress_filtered(&narrow, &wide).unwrap_or_else(|e| panic!("{e}"));
            let (grid, wide_grid, mask) = (narrow.grid(), wide.grid(), p.mask());
            for r in 0..grid.len() {
                for c in 0..grid[0].len() {
                    if !mask[r][c] {
                        prop_assert!(may_publish_filtered(grid[r][c], wide_grid[r][c]));
                    }
                }
            }
            prop_assert!(lines_ok(&mask));
            prop_assert!(recoverable(&grid, &mask).is_empty());
        }

        #[test]
        fn filter_rule(filtered in 0..200u64, wider in 0..200u64) {
            let ok = may_publish_filtered(filtered, wider);
            prop_assert_eq!(
                ok,
                filtered >= 10 && filtered <= wider && (wider - filtered == 0 || wider - filtered >= 10)
            );
        }
    }
}
