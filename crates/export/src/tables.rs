//! Tables of aggregate figures (the analyst's dashboard, team tables) as CSV and XLSX: each
//! table a title, a header and rows of text or counts, one below the other with an empty row
//! between. Text goes through the CSV formula guard; in the workbook it is always written as
//! text, never as a formula.

use crate::csv::CsvWriter;
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// One cell: a label or a count. A suppressed count is text ("minder dan 10").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableCell {
    Text(String),
    Count(u64),
}

/// One titled table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelledTable {
    pub title: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<TableCell>>,
}

fn text(cell: &TableCell) -> String {
    match cell {
        TableCell::Text(t) => t.clone(),
        TableCell::Count(n) => n.to_string(),
    }
}

/// The tables as one CSV document.
pub fn tables_csv(tables: &[LabelledTable]) -> String {
    let mut w = CsvWriter::new();
    for (i, t) in tables.iter().enumerate() {
        if i > 0 {
            w.row([""]);
        }
        w.row([t.title.as_str()]);
        w.row(&t.header);
        for row in &t.rows {
            w.row(row.iter().map(text));
        }
    }
    w.finish()
}

/// The longest text a cell may hold.
const XLSX_MAX_TEXT: usize = 32_767;

/// The tables as one worksheet named `sheet` (at most 31 characters) of an XLSX workbook.
pub fn tables_xlsx(tables: &[LabelledTable], sheet: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = workbook.add_worksheet();
    ws.set_name(sheet.chars().take(31).collect::<String>())?;
    let mut r: u32 = 0;
    let clip = |s: &str| s.chars().take(XLSX_MAX_TEXT).collect::<String>();
    for t in tables {
        ws.write_string_with_format(r, 0, clip(&t.title), &bold)?;
        r += 1;
        for (c, h) in t.header.iter().enumerate() {
            ws.write_string_with_format(r, u16::try_from(c).unwrap_or(u16::MAX), clip(h), &bold)?;
        }
        r += 1;
        for row in &t.rows {
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).unwrap_or(u16::MAX);
                match cell {
                    TableCell::Text(s) => ws.write_string(r, c, clip(s))?,
                    TableCell::Count(n) => ws.write_number(r, c, *n as f64)?,
                };
            }
            r += 1;
        }
        r += 1;
    }
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<LabelledTable> {
        vec![LabelledTable {
            title: "Netwerk in het plan".into(),
            header: vec!["Setting".into(), "Ja".into(), "Totaal".into()],
            rows: vec![
                vec![
                    TableCell::Text("=HYPERLINK(\"x\")".into()),
                    TableCell::Count(12),
                    TableCell::Text("minder dan 10".into()),
                ],
                vec![
                    TableCell::Text("Wijkteam, Noord".into()),
                    TableCell::Count(40),
                    TableCell::Count(55),
                ],
            ],
        }]
    }

    #[test]
    fn csv_guards_formulas_and_quotes() {
        let csv = tables_csv(&sample());
        assert_eq!(
            csv,
            "\u{FEFF}Netwerk in het plan\r\nSetting,Ja,Totaal\r\n\"'=HYPERLINK(\"\"x\"\")\",12,minder dan 10\r\n\"Wijkteam, Noord\",40,55\r\n"
        );
    }

    #[test]
    fn workbook_is_a_zip() {
        let bytes = tables_xlsx(&sample(), "Inzicht").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&bytes[..2], b"PK");
    }
}
