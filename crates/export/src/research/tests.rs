use super::*;
use crate::fixtures::{self, HOSTILE_NAME};
use chrono::TimeZone;
use proptest::prelude::*;
use std::io::{Cursor, Read};
use steunkring_domain::consent::ResearchScope;
use steunkring_domain::measure::{
    Closeness, MemberAnswer, Rating, Respondent, SupportCheck, SupportScores,
};
use steunkring_domain::network::{ContactFrequency, Direction, KnownYears, MemberId};
use steunkring_domain::plan::{Action, Goal, GoalHolder, SafetySection};

const KEY: [u8; 32] = [7; 32];
const OTHER_KEY: [u8; 32] = [9; 32];
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klik\")";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn generated() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 30, 8, 15, 0)
        .single()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

fn plan(goal: &str, what: &str) -> Plan {
    let action = |id: &str, who: &str, status| Action {
        id: id.into(),
        what: what.into(),
        who: Performer::Member(MemberId::from_stored(who)),
        due_on: None,
        status,
        goal_id: None,
        progress: vec![],
    };
    Plan {
        goals: vec![Goal {
            id: "g1".into(),
            text: goal.into(),
            holder: GoalHolder::Youth,
            how_we_know: None,
        }],
        actions: vec![
            action("a1", "m-oma", ActionStatus::Done),
            action("a2", "m-coach", ActionStatus::Open),
            action("a3", "m-gone", ActionStatus::Open),
            Action {
                who: Performer::Youth,
                ..action("a4", "", ActionStatus::Doing)
            },
        ],
        safety: SafetySection::default(),
    }
}

fn check(started: NaiveDate, finished: Option<NaiveDate>) -> SupportCheck {
    let ids: Vec<MemberId> = fixtures::members().into_iter().map(|m| m.id).collect();
    let mut check = SupportCheck::start(Respondent::Youth, started);
    let scores = |r| SupportScores {
        concrete: r,
        emotional: Rating::AlmostAlways,
        informational: Rating::HardlyEver,
    };
    for (member, rating) in [
        ("m-oma", Rating::Sometimes),
        ("m-buur", Rating::AlmostAlways),
    ] {
        let recorded = check.record(
            MemberAnswer {
                member: MemberId::from_stored(member),
                perceived: scores(rating),
                received: scores(Rating::HardlyEver),
                criticalness: Rating::HardlyEver,
                direction: if member == "m-oma" {
                    Direction::Mutual
                } else {
                    Direction::ToYouth
                },
                closeness: Closeness::VeryClose,
                seen: ContactFrequency::Weekly,
                known: KnownYears::MoreThanFive,
            },
            &ids,
        );
        assert_eq!(recorded, Ok(()));
    }
    if let Some(on) = finished {
        assert_eq!(check.finish(on), Ok(()));
    }
    check
}

struct Data {
    members: Vec<NetworkMember>,
    start: Indicators,
    latest: Indicators,
    plan: Plan,
    outcomes: Vec<Outcome>,
    checks: Vec<SupportCheck>,
    screenings: Vec<ScreeningFact>,
    self_reports: Vec<SelfReportFact>,
}

fn data() -> Data {
    let members = fixtures::members();
    let latest = Indicators::compute(&members, &fixtures::ties());
    let start = Indicators::compute(&members[..1], &[]);
    Data {
        plan: plan("Weer naar voetbal", "Oma brengt hem"),
        outcomes: vec![Outcome {
            kind: OutcomeKind::PlacementPrevented,
            on: day(2025, 5, 1),
            note: None,
        }],
        checks: vec![
            check(day(2025, 4, 1), Some(day(2025, 4, 2))),
            check(day(2025, 1, 10), Some(day(2025, 1, 12))),
            check(day(2025, 6, 1), None),
        ],
        // Recorded out of order: the first is the one of January, the latest of May.
        screenings: vec![
            ScreeningFact {
                on: day(2025, 3, 1),
                problems: 4,
            },
            ScreeningFact {
                on: day(2025, 1, 20),
                problems: 6,
            },
            ScreeningFact {
                on: day(2025, 5, 2),
                problems: 2,
            },
        ],
        self_reports: vec![
            SelfReportFact {
                on: day(2025, 2, 1),
                feels_supported: 4,
                satisfied_with_help: 6,
                satisfied_with_support_figures: None,
            },
            SelfReportFact {
                on: day(2025, 6, 1),
                feels_supported: 7,
                satisfied_with_help: 8,
                satisfied_with_support_figures: Some(9),
            },
        ],
        members,
        start,
        latest,
    }
}

fn cases(d: &Data) -> Vec<ResearchCase<'_>> {
    let full = ResearchCase {
        case_id: "case-a",
        birth_date: day(2010, 4, 17),
        setting: Setting::Wijkteam,
        opened_on: day(2025, 1, 6),
        closed_on: None,
        team: "Wijkteam Noord",
        indicators_start: Some(&d.start),
        indicators_latest: Some(&d.latest),
        support_figures: 2,
        members: &d.members,
        plan: Some(&d.plan),
        outcomes: &d.outcomes,
        support_checks: &d.checks,
        screenings: &d.screenings,
        self_reports: &d.self_reports,
        scope: ResearchScope {
            network: true,
            plan: true,
        },
    };
    let bare = ResearchCase {
        case_id: "case-b",
        birth_date: day(2008, 12, 31),
        setting: Setting::FosterCare,
        opened_on: day(2024, 11, 20),
        closed_on: Some(day(2025, 2, 28)),
        team: FORMULA,
        indicators_start: None,
        indicators_latest: None,
        support_figures: 0,
        members: &[],
        plan: None,
        outcomes: &[],
        support_checks: &[],
        screenings: &[],
        self_reports: &[],
        scope: ResearchScope {
            network: true,
            plan: true,
        },
    };
    vec![
        full,
        bare,
        ResearchCase {
            team: "dubbel",
            ..full
        },
    ]
}

fn table(d: &Data, key: &[u8]) -> ResearchTable {
    match research_table(&cases(d), key, day(2025, 6, 30)) {
        Ok(table) => table,
        Err(e) => panic!("{e}"),
    }
}

/// The row of `case_id` as column name → cell.
fn row_of(table: &ResearchTable, key: &[u8], case_id: &str) -> BTreeMap<String, Cell> {
    let code = Cell::Text(pseudonym(key, case_id));
    let row = table
        .rows
        .iter()
        .find(|r| r.first() == Some(&code))
        .cloned()
        .unwrap_or_default();
    table
        .columns
        .iter()
        .map(|c| c.name.clone())
        .zip(row)
        .collect()
}

fn labels() -> CodebookLabels {
    let columns = research_columns();
    CodebookLabels {
        headings: [
            "Kolom / column",
            "Type",
            "Waarden / values",
            "Eenheid / unit",
            "Betekenis",
            "Meaning",
        ]
        .map(String::from),
        nl: columns
            .iter()
            .map(|c| (c.name.clone(), format!("Betekenis van {}", c.name)))
            .collect(),
        en: columns
            .iter()
            .map(|c| (c.name.clone(), format!("Meaning of {}", c.name)))
            .collect(),
    }
}

fn xlsx(table: &ResearchTable) -> Vec<u8> {
    match research_xlsx(table, &labels(), generated()) {
        Ok(bytes) => bytes,
        Err(e) => panic!("{e}"),
    }
}

/// Every part of the workbook, unpacked: name → text.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => panic!("not a zip: {e}"),
    };
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let Ok(mut file) = archive.by_index(i) else {
            panic!("part {i} unreadable");
        };
        let name = file.name().map(|n| n.to_string()).unwrap_or_default();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_err() {
            panic!("part {name} is not UTF-8");
        }
        parts.insert(name, text);
    }
    parts
}

fn parse(xml: &str) -> roxmltree::Document<'_> {
    match roxmltree::Document::parse(xml) {
        Ok(doc) => doc,
        Err(e) => panic!("bad XML: {e}"),
    }
}

/// The shared strings in order.
fn shared_strings(parts: &BTreeMap<String, String>) -> Vec<String> {
    let xml = parts
        .get("xl/sharedStrings.xml")
        .cloned()
        .unwrap_or_default();
    let doc = parse(&xml);
    doc.descendants()
        .filter(|n| n.has_tag_name("si"))
        .map(|si| {
            si.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// The zero-based column of a cell reference such as `AB12`.
fn column_of(reference: &str) -> usize {
    reference
        .chars()
        .take_while(char::is_ascii_uppercase)
        .fold(0, |n, c| n * 26 + (c as usize - 'A' as usize + 1))
        .saturating_sub(1)
}

/// A sheet as rows of (cell type, text), with shared strings looked up; a cell that is not in
/// the file (an empty one) is `("", "")`.
fn sheet_cells(parts: &BTreeMap<String, String>, n: usize) -> Vec<Vec<(String, String)>> {
    let strings = shared_strings(parts);
    let xml = parts
        .get(&format!("xl/worksheets/sheet{n}.xml"))
        .cloned()
        .unwrap_or_default();
    let doc = parse(&xml);
    assert!(
        !doc.descendants().any(|n| n.has_tag_name("f")),
        "sheet {n} holds a formula"
    );
    doc.descendants()
        .filter(|n| n.has_tag_name("row"))
        .map(|row| {
            let mut cells: Vec<(String, String)> = Vec::new();
            for c in row.children().filter(|c| c.has_tag_name("c")) {
                let at = column_of(c.attribute("r").unwrap_or(""));
                if cells.len() <= at {
                    cells.resize(at + 1, (String::new(), String::new()));
                }
                cells[at] = {
                    let kind = c.attribute("t").unwrap_or("n").to_string();
                    let value = c
                        .children()
                        .find(|v| v.has_tag_name("v"))
                        .and_then(|v| v.text())
                        .unwrap_or_default()
                        .to_string();
                    let text = if kind == "s" {
                        value
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| strings.get(i).cloned())
                            .unwrap_or_default()
                    } else {
                        value
                    };
                    (kind, text)
                };
            }
            cells
        })
        .collect()
}

#[test]
fn columns_are_named_once_and_every_row_fills_them() {
    let columns = research_columns();
    let names: HashSet<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), columns.len(), "a name twice");
    assert_eq!(columns[0].name, "code");
    for c in &columns {
        assert!(
            c.name
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
            "{} is not a variable name",
            c.name
        );
    }
    let d = data();
    let table = table(&d, &KEY);
    assert_eq!(table.columns, columns);
    assert_eq!(table.rows.len(), 2, "the repeated case id is left out");
    for row in &table.rows {
        assert_eq!(row.len(), columns.len());
    }
}

#[test]
fn a_full_case_row_field_by_field() {
    let d = data();
    let table = table(&d, &KEY);
    let row = row_of(&table, &KEY, "case-a");
    let text = |s: &str| Cell::Text(s.into());
    let expected: Vec<(&str, Cell)> = vec![
        ("birth_year", Cell::Int(2010)),
        ("age_at_opening", Cell::Int(14)),
        ("setting", text("wijkteam")),
        ("team", text("Wijkteam Noord")),
        ("opened_month", text("2025-01")),
        ("closed_month", Cell::Empty),
        ("days_open", Cell::Int(175)),
        ("support_figures", Cell::Int(2)),
        ("net_start_size", Cell::Int(1)),
        ("net_latest_size", Cell::Int(3)),
        ("net_latest_size_informal", Cell::Int(2)),
        ("net_latest_informal_share", Cell::Decimal(0.6667)),
        ("net_latest_rejected", Cell::Int(1)),
        ("net_latest_ties", Cell::Int(3)),
        ("net_latest_has_available_informal_adult", Cell::Bool(true)),
        ("plan", Cell::Bool(true)),
        ("plan_goals", Cell::Int(1)),
        ("plan_actions", Cell::Int(4)),
        ("plan_actions_done", Cell::Int(1)),
        // Oma only: the coach is formal, m-gone is unknown, the young person is not a member.
        ("plan_actions_informal", Cell::Int(1)),
        ("plan_has_informal_action", Cell::Bool(true)),
        ("outcome_placement_prevented", Cell::Bool(true)),
        ("outcome_returned_home", Cell::Bool(false)),
        ("support_checks", Cell::Int(2)),
        ("check_first_respondent", text("youth")),
        ("check_first_days_since_opening", Cell::Int(4)),
        ("check_first_members", Cell::Int(2)),
        ("check_first_perceived_concrete_mean", Cell::Decimal(2.5)),
        ("check_first_perceived_emotional_mean", Cell::Decimal(3.0)),
        ("check_first_received_concrete_mean", Cell::Decimal(1.0)),
        ("check_first_reciprocity", Cell::Decimal(0.5)),
        ("check_latest_days_since_opening", Cell::Int(85)),
        ("screenings", Cell::Int(3)),
        ("screening_first_problems", Cell::Int(6)),
        ("screening_latest_problems", Cell::Int(2)),
        ("screening_latest_multi_problem", Cell::Bool(false)),
        ("self_reports", Cell::Int(2)),
        ("self_report_first_feels_supported", Cell::Int(4)),
        ("self_report_first_satisfied_with_help", Cell::Int(6)),
        (
            "self_report_first_satisfied_with_support_figures",
            Cell::Empty,
        ),
        ("self_report_latest_feels_supported", Cell::Int(7)),
        (
            "self_report_latest_satisfied_with_support_figures",
            Cell::Int(9),
        ),
    ];
    for (name, cell) in expected {
        assert_eq!(row.get(name), Some(&cell), "{name}");
    }
}

#[test]
fn a_bare_case_has_empty_cells_not_zeros() {
    let d = data();
    let table = table(&d, &KEY);
    let row = row_of(&table, &KEY, "case-b");
    assert_eq!(row["birth_year"], Cell::Int(2008));
    assert_eq!(row["age_at_opening"], Cell::Int(15));
    assert_eq!(row["closed_month"], Cell::Text("2025-02".into()));
    assert_eq!(row["days_open"], Cell::Int(100));
    assert_eq!(row["net_start_size"], Cell::Empty);
    assert_eq!(row["plan"], Cell::Bool(false));
    assert_eq!(row["plan_actions"], Cell::Empty);
    assert_eq!(row["support_checks"], Cell::Int(0));
    assert_eq!(row["check_first_members"], Cell::Empty);
    assert_eq!(row["screenings"], Cell::Int(0));
    assert_eq!(row["screening_latest_multi_problem"], Cell::Empty);
    assert_eq!(row["self_report_latest_feels_supported"], Cell::Empty);
}

/// A screening on six domains makes the family multi-problem; of two on one day the one
/// recorded last is the latest.
#[test]
fn multi_problem_from_six_domains() {
    let mut d = data();
    d.screenings.push(ScreeningFact {
        on: day(2025, 5, 2),
        problems: 6,
    });
    let row = row_of(&table(&d, &KEY), &KEY, "case-a");
    assert_eq!(row["screening_latest_problems"], Cell::Int(6));
    assert_eq!(row["screening_latest_multi_problem"], Cell::Bool(true));
}

/// Without a research consent on the map, the network columns and the count of support
/// figures stay empty; without one on the plan, the plan columns; the measurements stay.
#[test]
fn what_the_consent_does_not_cover_stays_empty() {
    let d = data();
    let mut c = cases(&d);
    c.truncate(1);
    c[0].scope = ResearchScope::default();
    let t = match research_table(&c, &KEY, day(2025, 6, 30)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let row = row_of(&t, &KEY, "case-a");
    for (name, cell) in &row {
        let gated =
            name.starts_with("net_") || name.starts_with("plan") || name == "support_figures";
        if gated {
            assert_eq!(cell, &Cell::Empty, "{name}");
        }
    }
    assert_eq!(row["birth_year"], Cell::Int(2010));
    assert_eq!(row["support_checks"], Cell::Int(2));
    assert_eq!(row["screening_latest_problems"], Cell::Int(2));
    assert_eq!(row["outcome_placement_prevented"], Cell::Bool(true));

    c[0].scope = ResearchScope {
        network: true,
        plan: false,
    };
    let t = match research_table(&c, &KEY, day(2025, 6, 30)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    let row = row_of(&t, &KEY, "case-a");
    assert_eq!(row["net_latest_size"], Cell::Int(3));
    assert_eq!(row["support_figures"], Cell::Int(2));
    assert_eq!(row["plan"], Cell::Empty);
    assert_eq!(row["plan_goals"], Cell::Empty);
}

#[test]
fn codes_are_stable_within_an_export_and_differ_between_exports() {
    let d = data();
    let first = table(&d, &KEY);
    assert_eq!(first, table(&d, &KEY), "the same key gives the same table");
    let other = table(&d, &OTHER_KEY);
    let codes = |t: &ResearchTable| -> Vec<Cell> { t.rows.iter().map(|r| r[0].clone()).collect() };
    for code in codes(&first) {
        assert!(!codes(&other).contains(&code), "{code:?} in both exports");
    }
    // Sorted by code, not by case id.
    let mut sorted = codes(&first);
    sorted.sort_by_key(Cell::as_text);
    assert_eq!(sorted, codes(&first));

    let code = pseudonym(&KEY, "case-a");
    assert_eq!(code.len(), 17);
    assert!(code.starts_with('P'));
    assert!(code[1..].chars().all(|c| c.is_ascii_hexdigit()));
    let many: HashSet<String> = (0..5000)
        .map(|i| pseudonym(&KEY, &format!("case-{i}")))
        .collect();
    assert_eq!(many.len(), 5000);
    assert_ne!(pseudonym(&KEY, "case-a"), pseudonym(&KEY, "case-a "));
}

#[test]
fn pseudonym_is_hmac_sha256() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assert_eq!(
        pseudonym(b"Jefe", "what do ya want for nothing?"),
        "P5bdcc146bf60754e"
    );
}

#[test]
fn a_short_key_is_refused() {
    let d = data();
    assert_eq!(
        research_table(&cases(&d), &[1; 15], day(2025, 6, 30)),
        Err(ResearchError::KeyTooShort { len: 15 })
    );
    assert_eq!(
        research_table(&cases(&d), &[], day(2025, 6, 30)),
        Err(ResearchError::KeyTooShort { len: 0 })
    );
}

#[test]
fn a_formula_stays_inert_in_csv() {
    let d = data();
    let csv = research_csv(&table(&d, &KEY));
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(csv.starts_with("\u{FEFF}code,birth_year,age_at_opening,setting,team,"));
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\","),
        "{csv}"
    );
    assert_eq!(csv.matches("\r\n").count(), 3);
}

#[test]
fn a_formula_stays_inert_in_xlsx() {
    let d = data();
    let parts = unzip(&xlsx(&table(&d, &KEY)));
    let cells = sheet_cells(&parts, 1);
    let team_col = research_columns()
        .iter()
        .position(|c| c.name == "team")
        .unwrap_or(usize::MAX);
    let teams: Vec<&(String, String)> = cells[1..].iter().filter_map(|r| r.get(team_col)).collect();
    assert!(
        teams.contains(&&("s".to_string(), FORMULA.to_string())),
        "{teams:?}"
    );
    // Numbers are numbers, booleans booleans.
    let header: Vec<&str> = cells[0].iter().map(|(_, t)| t.as_str()).collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap_or(usize::MAX);
    let full = cells[1..]
        .iter()
        .find(|r| r.get(col("team")).map(|c| c.1.as_str()) == Some("Wijkteam Noord"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(full[col("birth_year")], ("n".into(), "2010".into()));
    assert_eq!(
        full[col("net_latest_informal_share")],
        ("n".into(), "0.6667".into())
    );
    assert_eq!(full[col("plan")], ("b".into(), "1".into()));
}

#[test]
fn the_codebook_covers_every_column() {
    let columns = research_columns();
    let parts = unzip(&xlsx(&table(&data(), &KEY)));
    let workbook = parts.get("xl/workbook.xml").cloned().unwrap_or_default();
    let doc = parse(&workbook);
    let sheets: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("sheet"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(sheets, ["data", "codebook"]);

    let codebook = sheet_cells(&parts, 2);
    assert_eq!(codebook.len(), columns.len() + 1);
    assert_eq!(codebook[0][0].1, "Kolom / column");
    for (row, column) in codebook[1..].iter().zip(&columns) {
        let texts: Vec<&str> = row.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts[0], column.name);
        assert_eq!(texts[1], column.kind.as_str());
        assert!(texts.contains(&format!("Betekenis van {}", column.name).as_str()));
        assert!(texts.contains(&format!("Meaning of {}", column.name).as_str()));
    }

    let csv = codebook_csv(&labels());
    assert_eq!(csv.matches("\r\n").count(), columns.len() + 1);
    for column in &columns {
        assert!(
            csv.contains(&format!("\r\n{},", column.name)),
            "{}",
            column.name
        );
    }

    assert!(labels().missing().is_empty());
    let mut partial = labels();
    partial.en.remove("days_open");
    partial.nl.insert("team".into(), "  ".into());
    assert_eq!(partial.missing(), ["team", "days_open"]);
}

#[test]
fn the_same_table_gives_the_same_workbook() {
    let d = data();
    let t = table(&d, &KEY);
    assert_eq!(xlsx(&t), xlsx(&t));
    let parts = unzip(&xlsx(&t));
    let core = parts.get("docProps/core.xml").cloned().unwrap_or_default();
    assert!(core.contains("2025-06-30T08:15:00Z"), "{core}");
}

#[test]
fn text_too_long_for_excel_is_cut_not_refused() {
    let long = "x".repeat(XLSX_MAX_TEXT + 10);
    let d = data();
    let mut c = cases(&d);
    c[0].team = &long;
    let t = match research_table(&c, &KEY, day(2025, 6, 30)) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert!(research_xlsx(&t, &labels(), generated()).is_ok());
}

fn name() -> impl Strategy<Value = String> {
    "[A-Z][a-zë]{4,9} (van |de )?[A-Z][a-zï]{4,11}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Names and free texts about people never reach the dataset, and neither does a full
    /// birth date in any usual spelling.
    #[test]
    fn no_name_or_birth_date_ever_appears(
        names in proptest::collection::vec(name(), 3),
        relation in name(),
        goal in name(),
        what in name(),
        birth in (1998i32..2020, 1u32..=12, 1u32..=28),
    ) {
        let mut d = data();
        for (member, name) in d.members.iter_mut().zip(&names) {
            member.name = name.clone();
            member.relation = relation.clone();
            member.protective = Some(relation.clone());
            member.risk = Some(HOSTILE_NAME.into());
        }
        d.plan = plan(&goal, &what);
        let birth_date = day(birth.0, birth.1, birth.2);
        let mut c = cases(&d);
        for case in &mut c {
            case.birth_date = birth_date;
        }
        let t = match research_table(&c, &KEY, day(2025, 6, 30)) {
            Ok(t) => t,
            Err(e) => return Err(TestCaseError::fail(e.to_string())),
        };
        let csv = research_csv(&t);
        let workbook = research_xlsx(&t, &labels(), generated())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut outputs = vec![csv];
        outputs.extend(unzip(&workbook).into_values());
        let forbidden: Vec<String> = names
            .iter()
            .cloned()
            .chain([relation, goal, what, HOSTILE_NAME.to_string()])
            .chain(["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y%m%d"].map(|f| birth_date.format(f).to_string()))
            .collect();
        for output in &outputs {
            for text in &forbidden {
                prop_assert!(!output.contains(text.as_str()), "{text:?} leaked");
            }
        }
        let year = birth.0.to_string();
        prop_assert!(outputs[0].contains(&year));
    }
}
