//! The young person's network as files that other tools read: GraphML for network analysis
//! (Gephi, networkx, igraph) and CSV for spreadsheets (Excel, LibreOffice); and a network
//! meeting as an iCalendar file ([`meeting_ics`]) for whatever calendar each person uses; and a
//! whole case as a FHIR R4 bundle ([`fhir_bundle`]) for the care systems around us; and the
//! pseudonymised research dataset ([`research_table`]) as CSV and as an XLSX workbook with a
//! codebook, for researchers and municipalities.
//!
//! Everything here is a pure function from domain values to text: no IO, no translation of
//! values, no clock, so the same network always gives the same bytes and a test can check them.
//! Values are the API's codes (`school_work`, `to_youth`), which analysis tools can rely on;
//! only CSV column names and the research codebook's meanings arrive translated, through
//! [`CsvHeader`] and [`CodebookLabels`]. The FHIR bundle's few fixed texts for people (roles,
//! indicator names) are Dutch, beside codes, because its readers are Dutch care systems.
//!
//! Text typed by people ends up in files opened elsewhere, so every writer treats it as hostile:
//! GraphML escapes markup and drops characters XML 1.0 cannot carry, CSV quotes per RFC 4180
//! and defuses spreadsheet formulas ([`csv_cell`]), XLSX writes text only as string cells,
//! iCalendar escapes per RFC 5545 and folds long lines without splitting a character, and FHIR
//! builds JSON values (never text) and leaves out what would be an empty or XML-unsafe string.

mod csv;
mod fhir;
#[cfg(test)]
mod fixtures;
mod graphml;
mod ics;
mod research;
mod table;
mod tables;

pub use csv::{CsvHeader, CsvWriter, csv_cell, members_csv, ties_csv};
pub use fhir::{
    FhirCase, FhirParticipant, FhirSupportCheck, FhirYouth, activity_status, administrative_gender,
    consent_status, fhir_bundle, fhir_text, stable_uuid,
};
pub use graphml::{NetworkExport, graphml};
pub use ics::{MeetingInvite, meeting_ics};
pub use research::{
    Cell, CodebookLabels, Column, ColumnKind, MIN_KEY_LEN, PlanFacts, ResearchCase, ResearchError,
    ResearchTable, codebook_csv, pseudonym, research_columns, research_csv, research_table,
    research_xlsx,
};
pub use table::{PlainTable, table_csv, table_xlsx};
pub use tables::{LabelledTable, TableCell, tables_csv, tables_xlsx};

/// Initials for pseudonymised exports: the first letter or digit of every word, as written
/// ("Anna de Vries" → "AdV"); more than four words keep the first three and the last, and a name
/// without any letter becomes "?". The same rule as the pseudonymised network map, so a
/// professional recognises the same person in both.
pub(crate) fn initials(name: &str) -> String {
    let letters: Vec<char> = name
        .split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .collect();
    let picked: String = match letters.as_slice() {
        [first, second, third, .., last] if letters.len() > 4 => {
            [*first, *second, *third, *last].iter().collect()
        }
        all => all.iter().collect(),
    };
    if picked.is_empty() {
        "?".to_string()
    } else {
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_keep_at_most_four_letters() {
        assert_eq!(initials("Anna de Vries"), "AdV");
        assert_eq!(initials("  Mo  "), "M");
        assert_eq!(initials("Jan Pieter van der Berg"), "JPvB");
        assert_eq!(initials("Ëlla 'Ïsa"), "ËÏ");
        assert_eq!(initials(""), "?");
        assert_eq!(initials("🙂 --"), "?");
    }
}
