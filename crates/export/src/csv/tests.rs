use super::*;
use crate::fixtures::{self, CONTROL_RELATION, HOSTILE_NAME, MULTILINE_RISK, member};
use proptest::prelude::*;

/// A strict RFC 4180 reader, written for these tests: a byte-order mark first, records ended by
/// CRLF (the last one may lack it), quotes only around a whole field, quotes inside doubled. It
/// refuses what the writer must never produce (a bare CR or LF, a stray quote), so a writer bug
/// shows as an error rather than as a different table.
fn read_csv(text: &str) -> Result<Vec<Vec<String>>, String> {
    let Some(text) = text.strip_prefix('\u{FEFF}') else {
        return Err("no byte-order mark".into());
    };
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    loop {
        // One field.
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                    None => return Err("unclosed quote".into()),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                match c {
                    ',' | '\r' => break,
                    '"' => return Err(format!("stray quote after {cell:?}")),
                    '\n' => return Err("bare line feed".into()),
                    c => {
                        cell.push(c);
                        chars.next();
                    }
                }
            }
        }
        row.push(std::mem::take(&mut cell));
        // What ends it.
        match chars.next() {
            Some(',') => {}
            Some('\r') if chars.next() == Some('\n') => {
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return Ok(rows);
                }
            }
            None => {
                rows.push(row);
                return Ok(rows);
            }
            Some(c) => return Err(format!("{c:?} after a field")),
        }
    }
}

fn cell_alone(raw: &str) -> String {
    match read_csv(&format!("\u{FEFF}{}\r\n", csv_cell(raw))) {
        Ok(rows) if rows.len() == 1 && rows[0].len() == 1 => rows[0][0].clone(),
        other => panic!("{raw:?} read back as {other:?}"),
    }
}

/// Starts with a character a spreadsheet may take for a formula, written out independently of
/// the code under test.
fn dangerous(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_control() || "=+-@\u{FF1D}\u{FF0B}\u{FF0D}\u{FF20}".contains(c))
}

/// What a cell must read back as: the text, with the guard's `'` when it would run as a formula.
fn guarded(raw: &str) -> String {
    if dangerous(raw) {
        format!("'{raw}")
    } else {
        raw.to_string()
    }
}

#[test]
fn cells_are_quoted_only_when_needed() {
    assert_eq!(csv_cell(""), "");
    assert_eq!(csv_cell("Zoë Ïsa"), "Zoë Ïsa");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("a;b"), "\"a;b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("\""), "\"\"\"\"");
    assert_eq!(csv_cell("one\r\ntwo"), "\"one\r\ntwo\"");
    assert_eq!(csv_cell("one\ntwo"), "\"one\ntwo\"");
    assert_eq!(csv_cell("tab\tinside"), "tab\tinside");
    assert_eq!(csv_cell("x-1 = y + 2 @ z"), "x-1 = y + 2 @ z");
}

#[test]
fn every_formula_prefix_is_neutralised() {
    for (raw, written) in [
        ("=1+1", "'=1+1"),
        ("+31 6 12345678", "'+31 6 12345678"),
        ("-2", "'-2"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=x", "'\t=x"),
        ("\r=x", "\"'\r=x\""),
        ("\n=x", "\"'\n=x\""),
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
        ),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("\0", "'\0"),
        ("\u{1}=x", "'\u{1}=x"),
        ("＝1+1", "'＝1+1"),
    ] {
        assert_eq!(csv_cell(raw), written, "{raw:?}");
        assert_eq!(cell_alone(raw), format!("'{raw}"), "{raw:?}");
    }
    // Already text to a spreadsheet, or harmless: left alone.
    for raw in ["'=1", " =1", "a=1", "1-2", "Renée"] {
        assert_eq!(csv_cell(raw), raw);
    }
}

#[test]
fn writer_starts_with_a_bom_and_ends_rows_with_crlf() {
    let mut csv = CsvWriter::default();
    assert_eq!(csv.clone().finish(), "\u{FEFF}");
    csv.row(["a", "b,c"]);
    csv.row(Vec::<String>::new());
    csv.row([String::from("=x")]);
    assert_eq!(csv.finish(), "\u{FEFF}a,\"b,c\"\r\n\r\n'=x\r\n");
}

#[test]
fn members_table_round_trips() {
    let members = fixtures::members();
    let text = members_csv(&members, &CsvHeader::english());
    assert!(text.starts_with("\u{FEFF}Id,Name,Relation,Ring,"));
    let rows = match read_csv(&text) {
        Ok(rows) => rows,
        Err(e) => panic!("{e}\n{text}"),
    };
    assert_eq!(rows.len(), 1 + members.len());
    for row in &rows {
        assert_eq!(row.len(), 10 + SupportType::ALL.len() + 6);
    }
    assert_eq!(
        rows[0],
        [
            "Id",
            "Name",
            "Relation",
            "Ring",
            "Sector",
            "Level",
            "Informal",
            "Tie quality",
            "Stance",
            "Roles",
            "Emotional support",
            "Practical support",
            "Advice and information",
            "Role model",
            "Parental care",
            "Financial support",
            "Mobilising resources",
            "Protective factors",
            "Risk factors",
            "Available",
            "Adult",
            "Known for",
            "Contact frequency",
        ]
    );
    assert_eq!(
        rows[1],
        [
            "m-oma",
            "Oma Ëlla de Vries",
            "oma",
            "1",
            "family",
            "voluntary_individual",
            "true",
            "supportive",
            "chosen",
            "support_figure,citizen_guardian",
            "to_youth",
            "mutual",
            "",
            "",
            "",
            "",
            "",
            "takes him to football every week",
            "",
            "true",
            "true",
            "more_than_five",
            "weekly",
        ]
    );
    // Text comes back exactly: markup, quotes, emoji, diacritics, control characters, CR LF.
    assert_eq!(rows[2][1], HOSTILE_NAME);
    assert_eq!(rows[2][2], CONTROL_RELATION);
    assert_eq!(rows[2][12], "from_youth");
    assert_eq!(rows[2][18], MULTILINE_RISK);
    assert_eq!(
        rows[3][4..10],
        ["professional", "", "false", "", "rejected", ""]
    );
}

#[test]
fn formula_text_in_members_is_neutralised() {
    let mut m = member("-1", "=1+1");
    m.relation = "+31 6 12345678".into();
    m.protective = Some("-2".into());
    m.risk = Some("@SUM(A1)".into());
    let text = members_csv(&[m], &CsvHeader::english());
    let rows = match read_csv(&text) {
        Ok(rows) => rows,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(rows[1][..3], ["'-1", "'=1+1", "'+31 6 12345678"]);
    assert_eq!(rows[1][17..19], ["'-2", "'@SUM(A1)"]);
}

#[test]
fn header_names_are_the_callers() {
    let mut header = CsvHeader::codes();
    header.name = "Naam, roepnaam".into();
    header.tie_kind = "Soort".into();
    let members = fixtures::members();
    let text = members_csv(&members, &header);
    assert!(text.starts_with(
        "\u{FEFF}id,\"Naam, roepnaam\",relation,ring,sector,level,informal,tie_quality,stance,\
         roles,support_emotional,support_practical,support_advice,support_role_model,\
         support_parental,support_financial,support_mobilising,protective,risk,available,\
         is_adult,known_years,contact_frequency\r\n"
    ));
    let ties = ties_csv(&members, &[], &header);
    assert_eq!(ties, "\u{FEFF}from,from_name,to,to_name,Soort\r\n");
    assert_eq!(CsvHeader::default(), CsvHeader::english());
}

#[test]
fn ties_table_names_both_ends() {
    let (members, ties) = (fixtures::members(), fixtures::ties());
    let text = ties_csv(&members, &ties, &CsvHeader::english());
    let rows = match read_csv(&text) {
        Ok(rows) => rows,
        Err(e) => panic!("{e}\n{text}"),
    };
    assert_eq!(rows[0], ["From (id)", "From", "To (id)", "To", "Kind"]);
    assert_eq!(rows.len(), 1 + ties.len(), "every tie as stored");
    assert_eq!(
        rows[1],
        [
            "m-oma",
            "Oma Ëlla de Vries",
            "m-buur",
            HOSTILE_NAME,
            "knows"
        ]
    );
    assert_eq!(
        rows[5],
        ["m-oma", "Oma Ëlla de Vries", "ghost", "", "knows"]
    );
}

#[test]
fn empty_tables_have_a_header_only() {
    let header = CsvHeader::english();
    let members = read_csv(&members_csv(&[], &header));
    assert_eq!(members.map(|rows| rows.len()), Ok(1));
    let ties = read_csv(&ties_csv(&[], &[], &header));
    assert_eq!(ties.map(|rows| rows.len()), Ok(1));
}

/// Text that hits the rules often: triggers, separators, quotes, line breaks.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", "\0", "\u{1b}", "＝", "＋", ",", ";", "\"",
        "'", " ", "a", "ë", "🙂", "1",
    ]);
    prop::collection::vec(pieces, 0..10).prop_map(|p| p.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![tricky(), any::<String>()]
}

proptest! {
    #[test]
    fn a_cell_never_starts_like_a_formula(raw in text()) {
        let written = csv_cell(&raw);
        let content = match written.strip_prefix('"') {
            Some(inner) => inner,
            None => written.as_str(),
        };
        prop_assert!(!dangerous(&written), "{:?}", written);
        prop_assert!(!dangerous(content), "{:?}", written);
        let read = cell_alone(&raw);
        prop_assert!(!dangerous(&read), "{:?}", read);
    }

    #[test]
    fn a_cell_reads_back_as_itself_modulo_the_guard(raw in text()) {
        prop_assert_eq!(cell_alone(&raw), guarded(&raw));
    }

    #[test]
    fn rows_read_back_as_written(rows in prop::collection::vec(
        prop::collection::vec(text(), 1..6), 0..6,
    )) {
        let mut csv = CsvWriter::new();
        for row in &rows {
            csv.row(row);
        }
        let text = csv.finish();
        let expected: Vec<Vec<String>> = rows
            .iter()
            .map(|row| row.iter().map(|c| guarded(c)).collect())
            .collect();
        prop_assert_eq!(read_csv(&text), Ok(expected));
    }
}
