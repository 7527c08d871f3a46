//! CSV for spreadsheets: RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a byte-order mark
//! so Excel reads "Eën" and "Zoë" correctly, and every cell defused against formula injection.
//!
//! A small writer rather than the `csv` crate: writing is a dozen lines, and the injection
//! guard has to sit in the cell function anyway so every export gets it.

use crate::graphml::support_direction;
use std::collections::HashMap;
use steunkring_domain::network::{MemberId, NetworkMember, SupportType, Tie};

/// Signs that make Excel, LibreOffice or Google Sheets read a cell starting with them as a
/// formula or command (OWASP "CSV Injection"), with their full-width forms, which some
/// spreadsheets fold to the plain ones.
const FORMULA_SIGNS: [char; 8] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// Whether a spreadsheet could read a cell starting like this as a formula: one of the
/// [`FORMULA_SIGNS`], or any control character. OWASP names tab and CR, ASVS adds NUL; taking
/// every control character also covers line feed and whatever a spreadsheet skips before it
/// looks, at the cost of a `'` before text nobody types.
fn starts_like_formula(raw: &str) -> bool {
    raw.chars()
        .next()
        .is_some_and(|c| c.is_control() || FORMULA_SIGNS.contains(&c))
}

/// One CSV cell, ready to put between commas: a cell a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-`, `@` or a control character such as tab or CR) gets a leading `'`
/// (OWASP's advice: the spreadsheet then takes it as text), and a cell holding a
/// comma, semicolon, quote, CR or LF is put between quotes with its quotes doubled (RFC 4180).
///
/// Semicolons are quoted too, although RFC 4180 does not ask for it, so the same cells stay
/// intact when a file is read with the semicolon that Dutch Excel uses as its list separator.
/// Nothing else changes, so every cell reads back as written, apart from the guard. Every cell
/// of every export goes through here, so the rule is the same everywhere; a column of numbers
/// that may be negative therefore reads as text.
pub fn csv_cell(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 3);
    push_cell(&mut out, raw);
    out
}

fn push_cell(out: &mut String, raw: &str) {
    let quoted = raw.contains([',', ';', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if starts_like_formula(raw) {
        out.push('\'');
    }
    for c in raw.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

/// A CSV document built row by row: the byte-order mark first, each cell through [`csv_cell`],
/// rows ended by CRLF. For later exports (team tables, research data), so they get the same
/// escaping, guard and encoding as the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// An empty document that holds only the byte-order mark.
    pub fn new() -> Self {
        Self {
            out: String::from('\u{FEFF}'),
        }
    }

    /// Appends one row. All rows should have the same number of cells.
    pub fn row<I>(&mut self, cells: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, cell.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }
}

impl Default for CsvWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Column names for [`members_csv`] and [`ties_csv`], passed in so the web layer can show them
/// in the reader's language. Cell values stay the API's codes (`school_work`, `to_youth`,
/// `true`), which do not change with the language and which filters and formulas can rely on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvHeader {
    pub id: String,
    pub name: String,
    pub relation: String,
    pub ring: String,
    pub sector: String,
    pub level: String,
    pub informal: String,
    pub tie_quality: String,
    pub stance: String,
    pub roles: String,
    /// One column per support type, in [`SupportType::ALL`] order; the cell holds the direction
    /// (`to_youth`, `from_youth`, `mutual`) and is empty when the member has no such support.
    pub support: [String; SupportType::ALL.len()],
    pub protective: String,
    pub risk: String,
    pub available: String,
    pub is_adult: String,
    pub known_years: String,
    pub contact_frequency: String,
    /// Ties: the id and name of one end, the id and name of the other, and the kind.
    pub tie_from: String,
    pub tie_from_name: String,
    pub tie_to: String,
    pub tie_to_name: String,
    pub tie_kind: String,
}

impl CsvHeader {
    /// English column names for people: the default when no translation is at hand.
    pub fn english() -> Self {
        let support = SupportType::ALL.map(|kind| {
            match kind {
                SupportType::Emotional => "Emotional support",
                SupportType::Practical => "Practical support",
                SupportType::Advice => "Advice and information",
                SupportType::RoleModel => "Role model",
                SupportType::Parental => "Parental care",
                SupportType::Financial => "Financial support",
                SupportType::Mobilising => "Mobilising resources",
            }
            .to_string()
        });
        Self {
            id: "Id".into(),
            name: "Name".into(),
            relation: "Relation".into(),
            ring: "Ring".into(),
            sector: "Sector".into(),
            level: "Level".into(),
            informal: "Informal".into(),
            tie_quality: "Tie quality".into(),
            stance: "Stance".into(),
            roles: "Roles".into(),
            support,
            protective: "Protective factors".into(),
            risk: "Risk factors".into(),
            available: "Available".into(),
            is_adult: "Adult".into(),
            known_years: "Known for".into(),
            contact_frequency: "Contact frequency".into(),
            tie_from: "From (id)".into(),
            tie_from_name: "From".into(),
            tie_to: "To (id)".into(),
            tie_to_name: "To".into(),
            tie_kind: "Kind".into(),
        }
    }

    /// Column names as codes, the same as the GraphML attribute names (`support_emotional`,
    /// `contact_frequency`): for research data read by R or pandas, where names are variables.
    pub fn codes() -> Self {
        Self {
            id: "id".into(),
            name: "name".into(),
            relation: "relation".into(),
            ring: "ring".into(),
            sector: "sector".into(),
            level: "level".into(),
            informal: "informal".into(),
            tie_quality: "tie_quality".into(),
            stance: "stance".into(),
            roles: "roles".into(),
            support: SupportType::ALL.map(|kind| format!("support_{}", kind.as_str())),
            protective: "protective".into(),
            risk: "risk".into(),
            available: "available".into(),
            is_adult: "is_adult".into(),
            known_years: "known_years".into(),
            contact_frequency: "contact_frequency".into(),
            tie_from: "from".into(),
            tie_from_name: "from_name".into(),
            tie_to: "to".into(),
            tie_to_name: "to_name".into(),
            tie_kind: "kind".into(),
        }
    }
}

impl Default for CsvHeader {
    fn default() -> Self {
        Self::english()
    }
}

/// The members as a table, one row per member in input order: id, name, relation, ring (1–3),
/// sector, level, informal, tie quality, stance, roles (comma-joined), one column per support
/// type with its direction, protective and risk notes, available, adult, known for, contact
/// frequency. Unknown values are empty cells. Nothing is left out or merged: this is the list
/// as the professional entered it.
pub fn members_csv(members: &[NetworkMember], header: &CsvHeader) -> String {
    let mut csv = CsvWriter::new();
    let head = [
        &header.id,
        &header.name,
        &header.relation,
        &header.ring,
        &header.sector,
        &header.level,
        &header.informal,
        &header.tie_quality,
        &header.stance,
        &header.roles,
    ]
    .into_iter()
    .chain(&header.support)
    .chain([
        &header.protective,
        &header.risk,
        &header.available,
        &header.is_adult,
        &header.known_years,
        &header.contact_frequency,
    ]);
    csv.row(head);

    for m in members {
        let roles: Vec<&str> = m.roles.iter().map(|r| r.as_str()).collect();
        let mut row: Vec<String> = vec![
            m.id.to_string(),
            m.name.clone(),
            m.relation.clone(),
            m.ring.number().to_string(),
            m.sector.as_str().to_string(),
            m.level.map(|l| l.as_str()).unwrap_or_default().to_string(),
            m.is_informal().to_string(),
            m.tie_quality
                .map(|q| q.as_str())
                .unwrap_or_default()
                .to_string(),
            m.stance.as_str().to_string(),
            roles.join(","),
        ];
        row.extend(SupportType::ALL.map(|kind| {
            support_direction(m, kind)
                .map(|d| d.as_str())
                .unwrap_or_default()
                .to_string()
        }));
        row.extend([
            m.protective.clone().unwrap_or_default(),
            m.risk.clone().unwrap_or_default(),
            m.available.to_string(),
            m.is_adult.to_string(),
            m.known_years
                .map(|y| y.as_str())
                .unwrap_or_default()
                .to_string(),
            m.contact_frequency
                .map(|f| f.as_str())
                .unwrap_or_default()
                .to_string(),
        ]);
        csv.row(row);
    }
    csv.finish()
}

/// The ties as a table, one row per tie in input order: the id and name of each end and the
/// kind. The names are there so a person can read the table without looking up ids; an end
/// that is not among `members` gets an empty name, and the tie stays, because this is the list
/// as stored.
pub fn ties_csv(members: &[NetworkMember], ties: &[Tie], header: &CsvHeader) -> String {
    let mut names: HashMap<&MemberId, &str> = HashMap::with_capacity(members.len());
    for m in members {
        names.entry(&m.id).or_insert(m.name.as_str());
    }
    let name = |id: &MemberId| names.get(id).copied().unwrap_or_default();

    let mut csv = CsvWriter::new();
    csv.row([
        &header.tie_from,
        &header.tie_from_name,
        &header.tie_to,
        &header.tie_to_name,
        &header.tie_kind,
    ]);
    for tie in ties {
        csv.row([
            tie.from.as_str(),
            name(&tie.from),
            tie.to.as_str(),
            name(&tie.to),
            tie.kind.as_str(),
        ]);
    }
    csv.finish()
}

#[cfg(test)]
mod tests;
