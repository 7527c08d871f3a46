//! The one plan as a printed handout: who does what by when, on A4, for the family to keep on
//! the fridge.
//!
//! Why in-process and why this small: the plan holds what a family agreed with their network
//! and sometimes safety agreements, so it must not pass through an outside service or a
//! headless browser, and a web server should not carry a layout engine for one kind of page.
//! [`plan_handout`] is a pure function from already translated text to PDF bytes, written with
//! the low-level `pdf-writer`: no IO, no clock, no translation, so the same plan gives the same
//! bytes and a test can read them back.
//!
//! Text is hostile and must survive. The handout embeds DejaVu Sans (compiled in from the
//! `dejavu` crate, subset to the characters used), which has real glyphs for Dutch (ë, é, ï,
//! ü, ĳ), the rest of Latin, Greek and Cyrillic. Characters it lacks, such as emoji, print as
//! an empty box but stay in the text a reader copies, searches or reads aloud, through the
//! font's `/ToUnicode` map (see `font.rs`). Parentheses, backslashes and markup are just text,
//! control characters are dropped, and no input can break the PDF syntax or panic: very long
//! words are broken, tall table rows continue on the next page.
//!
//! Layout: title, subtitle and for whom it was printed, then each section with its heading;
//! tables repeat their header row on every page they continue on; every page carries the
//! caller's footer and "Pagina k / n".
//!
//! Not done: right-to-left scripts print in typed order and scripts that need shaping (Arabic,
//! Devanagari) print as unjoined letters or boxes; their text still copies correctly.

mod font;
mod text;

use font::{FontUse, Weight};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use std::io::Write;

/// What goes on the handout, every text already in the reader's language.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanHandout {
    /// "Plan van Sanne".
    pub title: String,
    /// "Versie 3 · vastgesteld op 2 december 2026".
    pub subtitle: String,
    /// "Afgedrukt voor: Karin (moeder)".
    pub printed_for: String,
    /// In order: goals, actions, safety (only when this reader may see it), sign-off. The
    /// handout prints exactly these; leaving a section out is how the caller withholds it.
    pub sections: Vec<Section>,
    /// "Vertrouwelijk — Steunkring", on every page; kept to two lines.
    pub footer: String,
    /// The word before the page number: "Pagina" gives "Pagina 1 / 3".
    pub page_label: String,
}

/// One part of the plan, under its own heading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Section {
    pub heading: String,
    /// A sentence under the heading, printed less prominently.
    pub intro: Option<String>,
    pub blocks: Vec<Block>,
}

/// What a section holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Running text; line breaks in it are kept.
    Paragraph(String),
    /// A table with a header row; cells wrap within their column, a row continues on the next
    /// page when it must, and the header row is repeated there. `widths` are relative column
    /// widths; missing, zero or invalid ones count as the average of the others. A row with
    /// fewer cells than the header leaves the rest empty; one with more gets extra columns.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        widths: Vec<f32>,
    },
    /// Label: value lines, e.g. one safety agreement ("Zorg:", "Afspraak:", "Wie let op:",
    /// "Als het misgaat:"), with a bar beside them so one agreement reads as one thing.
    Fields(Vec<(String, String)>),
}

// Page geometry, in points. A4 with 2 cm margins and room for the footer.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN_X: f32 = 56.7;
const TOP: f32 = PAGE_H - 56.7;
const BOTTOM: f32 = 72.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;
const FOOTER_RULE_Y: f32 = 54.0;
const FOOTER_Y: f32 = 42.0;

/// A text style: face, size, line height and colour.
#[derive(Debug, Clone, Copy)]
struct Style {
    weight: Weight,
    size: f32,
    leading: f32,
    color: [f32; 3],
}

const INK: [f32; 3] = [0.13, 0.13, 0.13];
const MUTED: [f32; 3] = [0.36, 0.36, 0.36];
const ACCENT: [f32; 3] = [0.12, 0.27, 0.45];
const RULE: [f32; 3] = [0.72, 0.76, 0.82];
const HEADER_FILL: [f32; 3] = [0.90, 0.93, 0.97];

const TITLE: Style = Style {
    weight: Weight::Bold,
    size: 20.0,
    leading: 25.0,
    color: ACCENT,
};
const SUBTITLE: Style = Style {
    weight: Weight::Regular,
    size: 11.5,
    leading: 16.0,
    color: INK,
};
const PRINTED_FOR: Style = Style {
    weight: Weight::Regular,
    size: 10.0,
    leading: 14.0,
    color: MUTED,
};
const HEADING: Style = Style {
    weight: Weight::Bold,
    size: 14.0,
    leading: 19.0,
    color: ACCENT,
};
const INTRO: Style = Style {
    weight: Weight::Regular,
    size: 10.0,
    leading: 14.0,
    color: MUTED,
};
const BODY: Style = Style {
    weight: Weight::Regular,
    size: 10.5,
    leading: 14.5,
    color: INK,
};
const LABEL: Style = Style {
    weight: Weight::Bold,
    ..BODY
};
const CELL: Style = Style {
    weight: Weight::Regular,
    size: 9.5,
    leading: 12.5,
    color: INK,
};
const HEADER_CELL: Style = Style {
    weight: Weight::Bold,
    ..CELL
};
const FOOTER: Style = Style {
    weight: Weight::Regular,
    size: 8.0,
    leading: 10.0,
    color: MUTED,
};
const CELL_PAD: f32 = 4.0;

/// The plan as a PDF: A4 pages, text that can be copied and searched, the same bytes for the
/// same handout. Never panics; any text gives a valid PDF.
pub fn plan_handout(h: &PlanHandout) -> Vec<u8> {
    let mut doc = Doc::new();

    doc.flow(TITLE, &h.title, MARGIN_X, CONTENT_W);
    doc.gap(4.0);
    doc.flow(SUBTITLE, &h.subtitle, MARGIN_X, CONTENT_W);
    doc.flow(PRINTED_FOR, &h.printed_for, MARGIN_X, CONTENT_W);
    doc.gap(8.0);
    doc.rule(ACCENT, 1.2);
    doc.gap(6.0);

    for section in &h.sections {
        doc.section(section);
    }

    doc.finish(h)
}

/// The pages being laid out, top to bottom.
struct Doc {
    regular: FontUse,
    bold: FontUse,
    pages: Vec<Content>,
    /// The top of the free space on the current page.
    y: f32,
    /// Nothing drawn on the current page yet: breaking here again would not help.
    at_top: bool,
}

impl Doc {
    fn new() -> Self {
        Self {
            regular: FontUse::new(Weight::Regular),
            bold: FontUse::new(Weight::Bold),
            pages: vec![Content::new()],
            y: TOP,
            at_top: true,
        }
    }

    fn font(&mut self, weight: Weight) -> &mut FontUse {
        match weight {
            Weight::Regular => &mut self.regular,
            Weight::Bold => &mut self.bold,
        }
    }

    fn page(&mut self) -> &mut Content {
        if self.pages.is_empty() {
            self.pages.push(Content::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Content::new());
        self.y = TOP;
        self.at_top = true;
    }

    /// Makes room for `height` points, on a new page if this one is too full.
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && !self.at_top {
            self.new_page();
        }
    }

    fn space_left(&self) -> f32 {
        self.y - BOTTOM
    }

    fn gap(&mut self, height: f32) {
        if !self.at_top {
            self.y -= height;
        }
    }

    /// One line of text with its line box's top at `top`.
    fn draw_text(&mut self, style: Style, x: f32, top: f32, line: &str) {
        if line.is_empty() {
            return;
        }
        // Centre the text's x-height band in the line box.
        let baseline = top - style.leading / 2.0 - 0.35 * style.size;
        let bytes = self.font(style.weight).encode(line);
        let font_name = match style.weight {
            Weight::Regular => Name(b"F1"),
            Weight::Bold => Name(b"F2"),
        };
        let [r, g, b] = style.color;
        self.page()
            .begin_text()
            .set_fill_rgb(r, g, b)
            .set_font(font_name, style.size)
            .next_line(x, baseline)
            .show(Str(&bytes))
            .end_text();
        self.at_top = false;
    }

    /// Running text: wrapped to `width`, continued on the next page where needed.
    fn flow(&mut self, style: Style, raw: &str, x: f32, width: f32) {
        let lines = text::wrap(self.font(style.weight), style.size, raw, width);
        for line in lines {
            self.ensure(style.leading);
            let top = self.y;
            self.draw_text(style, x, top, &line);
            self.y -= style.leading;
            self.at_top = false;
        }
    }

    fn rule(&mut self, color: [f32; 3], width: f32) {
        let y = self.y;
        let [r, g, b] = color;
        self.page()
            .set_stroke_rgb(r, g, b)
            .set_line_width(width)
            .move_to(MARGIN_X, y)
            .line_to(MARGIN_X + CONTENT_W, y)
            .stroke();
        self.at_top = false;
    }

    fn section(&mut self, section: &Section) {
        // Keep the heading with at least a few lines of what follows it.
        let heading_lines = text::wrap(&mut self.bold, HEADING.size, &section.heading, CONTENT_W);
        let keep = heading_lines.len().min(3) as f32 * HEADING.leading + 18.0 + 3.0 * BODY.leading;
        self.gap(14.0);
        self.ensure(keep);
        for line in heading_lines {
            self.ensure(HEADING.leading);
            let top = self.y;
            self.draw_text(HEADING, MARGIN_X, top, &line);
            self.y -= HEADING.leading;
        }
        self.y -= 2.0;
        self.rule(RULE, 0.6);
        self.y -= 8.0;
        if let Some(intro) = &section.intro {
            self.flow(INTRO, intro, MARGIN_X, CONTENT_W);
            self.gap(6.0);
        }
        for block in &section.blocks {
            match block {
                Block::Paragraph(p) => {
                    self.flow(BODY, p, MARGIN_X, CONTENT_W);
                    self.gap(6.0);
                }
                Block::Table {
                    header,
                    rows,
                    widths,
                } => {
                    self.table(header, rows, widths);
                    self.gap(10.0);
                }
                Block::Fields(fields) => {
                    self.fields(fields);
                    self.gap(10.0);
                }
            }
        }
    }

    /// Label: value pairs, the labels in a column as wide as the widest (at most 40 %), a bar
    /// on the left that holds one group together, also across a page break.
    fn fields(&mut self, fields: &[(String, String)]) {
        if fields.is_empty() {
            return;
        }
        let bar_x = MARGIN_X + 1.0;
        let x = MARGIN_X + 10.0;
        let width = CONTENT_W - 10.0;
        let widest = fields
            .iter()
            .map(|(label, _)| self.bold.width(&text::one_line(label), LABEL.size))
            .fold(0.0f32, f32::max);
        let label_w = (widest + 10.0).min(width * 0.4);
        let value_x = x + label_w;
        let value_w = width - label_w;
        for (i, (label, value)) in fields.iter().enumerate() {
            let labels = text::wrap(&mut self.bold, LABEL.size, label, label_w - 8.0);
            let values = text::wrap(&mut self.regular, BODY.size, value, value_w);
            let lines = labels.len().max(values.len()).max(1);
            let gap = if i + 1 < fields.len() { 3.0 } else { 0.0 };
            for n in 0..lines {
                self.ensure(BODY.leading);
                let top = self.y;
                let bar_h = BODY.leading + if n + 1 == lines { gap } else { 0.0 };
                let [r, g, b] = ACCENT;
                self.page()
                    .set_fill_rgb(r, g, b)
                    .rect(bar_x, top - bar_h, 2.5, bar_h)
                    .fill_nonzero();
                if let Some(l) = labels.get(n) {
                    self.draw_text(LABEL, x, top, l);
                }
                if let Some(v) = values.get(n) {
                    self.draw_text(BODY, value_x, top, v);
                }
                self.y -= BODY.leading;
                self.at_top = false;
            }
            self.y -= gap;
        }
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>], widths: &[f32]) {
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain([header.len()])
            .max()
            .unwrap_or(0);
        if columns == 0 {
            return;
        }
        let cols = column_widths(widths, columns);
        let inner: Vec<f32> = cols.iter().map(|w| (w - 2.0 * CELL_PAD).max(1.0)).collect();

        let wrap_row = |doc: &mut Doc, cells: &[String], style: Style| -> Vec<Vec<String>> {
            inner
                .iter()
                .enumerate()
                .map(|(i, w)| match cells.get(i) {
                    Some(cell) => text::wrap(doc.font(style.weight), style.size, cell, *w),
                    None => Vec::new(),
                })
                .collect()
        };
        let header_cells = wrap_row(self, header, HEADER_CELL);
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(0);
        let header_h = header_lines as f32 * HEADER_CELL.leading + 2.0 * CELL_PAD;
        // A header row taller than a quarter page is printed once, not on every page.
        let repeat_header = header_lines > 0 && header_h <= (TOP - BOTTOM) / 4.0;
        let table = Table {
            cols: &cols,
            header: &header_cells,
            header_h,
            repeat_header,
        };

        // Start on a new page when not even the header and one line fit here.
        let first_row_h = CELL.leading + 2.0 * CELL_PAD;
        if repeat_header {
            self.ensure(header_h + first_row_h);
        } else {
            self.ensure(first_row_h);
        }
        let mut fresh = true;
        if header_lines > 0 {
            self.row(&table, &header_cells, HEADER_CELL, true, &mut fresh);
            fresh = true;
        }
        for row in rows {
            let cells = wrap_row(self, row, CELL);
            self.row(&table, &cells, CELL, false, &mut fresh);
        }
    }

    /// One table row, split over pages when it is taller than the space left and either
    /// taller than a page or already at the top of a page's table.
    fn row(
        &mut self,
        table: &Table<'_>,
        cells: &[Vec<String>],
        style: Style,
        is_header: bool,
        fresh: &mut bool,
    ) {
        let total = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let body_h = TOP
            - BOTTOM
            - if table.repeat_header {
                table.header_h
            } else {
                0.0
            };
        let mut offset = 0;
        loop {
            let remaining = total - offset;
            let need = remaining as f32 * style.leading + 2.0 * CELL_PAD;
            if need <= self.space_left() {
                self.row_segment(table, cells, style, is_header, offset, remaining);
                *fresh = false;
                return;
            }
            let fit = ((self.space_left() - 2.0 * CELL_PAD) / style.leading).floor();
            let fit = if fit.is_finite() && fit > 0.0 {
                fit as usize
            } else {
                0
            };
            let whole_row_fits_next_page = need <= body_h;
            if !*fresh && !self.at_top && (whole_row_fits_next_page || fit < 3) {
                self.table_page_break(table, fresh);
                continue;
            }
            // Split here: as many lines as fit (at least one, so the row always advances).
            let count = fit.clamp(1, remaining);
            self.row_segment(table, cells, style, is_header, offset, count);
            offset += count;
            if offset >= total {
                *fresh = false;
                return;
            }
            self.table_page_break(table, fresh);
        }
    }

    fn table_page_break(&mut self, table: &Table<'_>, fresh: &mut bool) {
        self.new_page();
        if table.repeat_header {
            let lines = table.header.iter().map(Vec::len).max().unwrap_or(0);
            self.row_segment(table, table.header, HEADER_CELL, true, 0, lines);
        }
        *fresh = true;
    }

    /// Lines `offset..offset + count` of one row, with its background and borders.
    fn row_segment(
        &mut self,
        table: &Table<'_>,
        cells: &[Vec<String>],
        style: Style,
        is_header: bool,
        offset: usize,
        count: usize,
    ) {
        let top = self.y;
        let h = count as f32 * style.leading + 2.0 * CELL_PAD;
        let bottom = top - h;
        let page = self.page();
        if is_header {
            let [r, g, b] = HEADER_FILL;
            page.set_fill_rgb(r, g, b)
                .rect(MARGIN_X, bottom, CONTENT_W, h)
                .fill_nonzero();
        }
        let [r, g, b] = RULE;
        page.set_stroke_rgb(r, g, b)
            .set_line_width(0.5)
            .rect(MARGIN_X, bottom, CONTENT_W, h)
            .stroke();
        let mut x = MARGIN_X;
        for w in &table.cols[..table.cols.len().saturating_sub(1)] {
            x += w;
            page.move_to(x, top).line_to(x, bottom).stroke();
        }
        // Cell by cell, so a reader that extracts text keeps each cell's lines together.
        let mut x = MARGIN_X;
        for (i, w) in table.cols.iter().enumerate() {
            if let Some(lines) = cells.get(i) {
                for (n, line) in lines.iter().skip(offset).take(count).enumerate() {
                    let line_top = top - CELL_PAD - n as f32 * style.leading;
                    self.draw_text(style, x + CELL_PAD, line_top, line);
                }
            }
            x += w;
        }
        self.y = bottom;
        self.at_top = false;
    }

    /// Footers and page numbers, then the PDF itself.
    fn finish(mut self, h: &PlanHandout) -> Vec<u8> {
        let count = self.pages.len();
        let mut pages = std::mem::take(&mut self.pages);
        for (i, page) in pages.iter_mut().enumerate() {
            self.footer(page, h, i + 1, count);
        }

        let mut pdf = Pdf::new();
        let catalog_id = Ref::new(1);
        let tree_id = Ref::new(2);
        let info_id = Ref::new(3);
        let regular_id = Ref::new(4);
        let bold_id = self.regular.write(&mut pdf, regular_id);
        let mut next = self.bold.write(&mut pdf, bold_id);

        let mut page_ids = Vec::with_capacity(count);
        for page in pages {
            let page_id = next;
            let content_id = page_id.next();
            next = content_id.next();
            page_ids.push(page_id);

            let mut p = pdf.page(page_id);
            p.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
                .parent(tree_id)
                .contents(content_id);
            p.resources()
                .fonts()
                .pair(Name(b"F1"), regular_id)
                .pair(Name(b"F2"), bold_id);
            p.finish();

            let content = page.finish().into_vec();
            let compressed = deflate(&content);
            let mut stream = pdf.stream(content_id, compressed.as_deref().unwrap_or(&content));
            if compressed.is_some() {
                stream.filter(Filter::FlateDecode);
            }
            stream.finish();
        }

        pdf.catalog(catalog_id)
            .pages(tree_id)
            .viewer_preferences()
            .display_doc_title(true);
        let page_count = i32::try_from(page_ids.len()).unwrap_or(i32::MAX);
        pdf.pages(tree_id).kids(page_ids).count(page_count);
        // Title only: no dates, so the same plan gives the same bytes.
        let title = text::one_line(&h.title);
        pdf.document_info(info_id)
            .title(TextStr(&title))
            .creator(TextStr("Steunkring"));
        pdf.finish()
    }

    /// The footer on the left and "Pagina k / n" on the right, below a thin rule.
    fn footer(&mut self, page: &mut Content, h: &PlanHandout, number: usize, count: usize) {
        // The label is the caller's word; a runaway one is cut short, the number never is.
        let label = text::truncate(
            &mut self.regular,
            FOOTER.size,
            text::one_line(&h.page_label).trim(),
            CONTENT_W / 3.0,
        );
        let page_text = if label.is_empty() {
            format!("{number} / {count}")
        } else {
            format!("{label} {number} / {count}")
        };
        let number_w = self.regular.width(&page_text, FOOTER.size);
        let footer_w = (CONTENT_W - number_w - 16.0).max(1.0);
        let mut lines = text::wrap(
            &mut self.regular,
            FOOTER.size,
            &text::one_line(&h.footer),
            footer_w,
        );
        if lines.len() > 2 {
            let rest = lines[1..].join(" ");
            lines.truncate(1);
            lines.push(text::truncate(
                &mut self.regular,
                FOOTER.size,
                &rest,
                footer_w,
            ));
        }

        let [r, g, b] = RULE;
        page.set_stroke_rgb(r, g, b)
            .set_line_width(0.5)
            .move_to(MARGIN_X, FOOTER_RULE_Y)
            .line_to(MARGIN_X + CONTENT_W, FOOTER_RULE_Y)
            .stroke();
        let top = FOOTER_Y + FOOTER.leading / 2.0 + 0.35 * FOOTER.size;
        let mut texts = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            texts.push((MARGIN_X, top - n as f32 * FOOTER.leading, line.clone()));
        }
        texts.push((MARGIN_X + CONTENT_W - number_w, top, page_text));
        let [r, g, b] = FOOTER.color;
        for (x, line_top, line) in texts {
            if line.is_empty() {
                continue;
            }
            let baseline = line_top - FOOTER.leading / 2.0 - 0.35 * FOOTER.size;
            let bytes = self.regular.encode(&line);
            page.begin_text()
                .set_fill_rgb(r, g, b)
                .set_font(Name(b"F1"), FOOTER.size)
                .next_line(x, baseline)
                .show(Str(&bytes))
                .end_text();
        }
    }
}

/// What every segment of one table shares.
struct Table<'a> {
    cols: &'a [f32],
    header: &'a [Vec<String>],
    header_h: f32,
    repeat_header: bool,
}

/// Column widths in points that fill the content width: the caller's relative widths, where a
/// missing, zero, negative or non-finite one counts as the average of the valid ones, and no
/// column narrower than a tenth of an equal share (so 1 : 1,000,000 still shows both).
fn column_widths(relative: &[f32], columns: usize) -> Vec<f32> {
    let valid: Vec<f32> = relative
        .iter()
        .take(columns)
        .copied()
        .filter(|w| w.is_finite() && *w > 0.0)
        .collect();
    let average = if valid.is_empty() {
        1.0
    } else {
        // Divide before adding, so huge widths cannot overflow to infinity.
        valid.iter().map(|w| w / valid.len() as f32).sum()
    };
    let raw: Vec<f32> = (0..columns)
        .map(|i| match relative.get(i) {
            Some(w) if w.is_finite() && *w > 0.0 => *w / average,
            _ => 1.0,
        })
        .collect();
    let sum: f32 = raw.iter().sum();
    let floor = 0.1 / columns as f32;
    let shares: Vec<f32> = raw
        .iter()
        .map(|w| {
            let s = w / sum;
            if s.is_finite() { s.max(floor) } else { floor }
        })
        .collect();
    let total: f32 = shares.iter().sum();
    shares.iter().map(|s| s / total * CONTENT_W).collect()
}

/// zlib-compressed bytes for a `/FlateDecode` stream, or `None` (the caller then writes the
/// stream uncompressed; compressing into memory does not fail in practice).
fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = flate2::write::ZlibEncoder::new(
        Vec::with_capacity(data.len() / 2),
        flate2::Compression::new(6),
    );
    encoder.write_all(data).ok()?;
    encoder.finish().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_widths_fill_the_page_whatever_the_input() {
        let sum = |w: &[f32]| w.iter().sum::<f32>();
        for (relative, columns) in [
            (vec![1.0, 2.0, 1.0], 3),
            (vec![], 4),
            (vec![f32::NAN, -1.0, 0.0, f32::INFINITY], 4),
            (vec![1.0, 1e-30], 2),
            (vec![f32::MAX, f32::MAX], 2),
            (vec![3.0], 5),
        ] {
            let w = column_widths(&relative, columns);
            assert_eq!(w.len(), columns);
            assert!((sum(&w) - CONTENT_W).abs() < 0.5, "{relative:?}: {w:?}");
            assert!(
                w.iter().all(|w| w.is_finite() && *w > 0.0),
                "{relative:?}: {w:?}"
            );
        }
        let w = column_widths(&[1.0, 2.0, 1.0], 3);
        assert!((w[1] - 2.0 * w[0]).abs() < 0.01);
    }
}
