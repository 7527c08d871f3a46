//! A plain table as CSV and as an XLSX workbook, for the team and analyst tables: the same
//! rows in both, the CSV through the formula guard of [`csv_cell`](crate::csv_cell), the
//! workbook with numbers as numbers and text only ever as string cells (so `=HYPERLINK(…)`
//! typed as a name stays text).

use crate::csv::CsvWriter;
use crate::research::{Cell, write_cell, xlsx_text};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

/// Column headings and rows of typed cells.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The table as CSV (UTF-8 with BOM, CRLF, every cell guarded).
pub fn table_csv(table: &PlainTable) -> String {
    let mut out = CsvWriter::new();
    out.row(&table.header);
    for row in &table.rows {
        out.row(row.iter().map(Cell::as_text));
    }
    out.finish()
}

/// The table as an XLSX workbook with one sheet named `sheet` (at most 31 characters, without
/// `[]:*?/\`), its heading row bold and frozen.
pub fn table_xlsx(table: &PlainTable, sheet: &str) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = workbook.add_worksheet();
    ws.set_name(sheet)?;
    for (col, heading) in table.header.iter().enumerate() {
        ws.write_string_with_format(0, column(col)?, xlsx_text(heading), &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (col, cell) in row.iter().enumerate() {
            write_cell(ws, r, column(col)?, cell)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    workbook.save_to_buffer()
}

fn column(i: usize) -> Result<u16, XlsxError> {
    u16::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn example() -> PlainTable {
        PlainTable {
            header: vec!["Jongere".into(), "Acties te laat".into()],
            rows: vec![
                vec![Cell::Text("=HYPERLINK(\"x\")".into()), Cell::Int(2)],
                vec![Cell::Text("Zoë, de Vries".into()), Cell::Int(0)],
            ],
        }
    }

    #[test]
    fn csv_guards_formulas_and_quotes() {
        assert_eq!(
            table_csv(&example()),
            "\u{FEFF}Jongere,Acties te laat\r\n\"'=HYPERLINK(\"\"x\"\")\",2\r\n\"Zoë, de Vries\",0\r\n"
        );
    }

    #[test]
    fn xlsx_keeps_text_as_strings_and_numbers_as_numbers() {
        let bytes = table_xlsx(&example(), "overzicht").unwrap_or_default();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .expect("the sheet")
            .read_to_string(&mut sheet)
            .expect("text");
        assert!(!sheet.contains("<f>"), "no formula cells: {sheet}");
        assert!(sheet.contains(r#"<c r="B2"><v>2</v></c>"#), "{sheet}");
        let mut strings = String::new();
        zip.by_name("xl/sharedStrings.xml")
            .expect("strings")
            .read_to_string(&mut strings)
            .expect("text");
        assert!(strings.contains(r#"<t>=HYPERLINK("x")</t>"#), "{strings}");
    }
}
