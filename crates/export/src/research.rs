//! The pseudonymised research dataset: one row per case, for researchers and municipalities
//! who want to learn whether involving the network works, as CSV ([`research_csv`]) and as an
//! XLSX workbook with a codebook ([`research_xlsx`]).
//!
//! Pseudonymised, not anonymised: a row still describes one young person, so it is shared only
//! under a data agreement. What keeps it from identifying anyone:
//! - no names and no free text about people at all; the only text is the team name;
//! - the birth **year** only, and the opening and closing **month**, never full dates;
//! - the case is known by a code, HMAC-SHA256 of its id under a key the caller draws at random
//!   for each export ([`pseudonym`]): stable within one export, so rows can be linked to each
//!   other, but different in the next one, so two exports cannot be joined and nobody without
//!   the key can go from a case id to a code;
//! - rows are sorted by code, because case ids (UUID v7) follow opening time and input order
//!   would leak it;
//! - only cases whose consent covers research are given to it (the caller decides with
//!   `consent::research_scope`), and what that consent leaves out stays empty.
//!
//! Values are codes and numbers that analysis tools read (`wijkteam`, `0.6667`, `true`); only
//! the codebook's meanings arrive translated, in Dutch and English, through [`CodebookLabels`].

use crate::csv::CsvWriter;
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use hmac::{Hmac, Mac};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use sha2::Sha256;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use steunkring_domain::case::{Setting, age_on};
use steunkring_domain::consent::ResearchScope;
use steunkring_domain::measure::MULTI_PROBLEM_THRESHOLD;
use steunkring_domain::measure::{Outcome, OutcomeKind, Respondent, Summary, SupportCheck};
use steunkring_domain::network::{Indicators, MemberId, NetworkMember};
use steunkring_domain::plan::{ActionStatus, Performer, Plan};
pub use steunkring_domain::research::{ScreeningFact, SelfReportFact};

/// The shortest key [`research_table`] accepts: 128 bits, so the codes cannot be recomputed
/// by guessing the key.
pub const MIN_KEY_LEN: usize = 16;

/// Hex digits of the HMAC kept in a code: 64 bits, so codes of even a million cases are all
/// different with near certainty, while staying short enough to read out.
const CODE_HEX_DIGITS: usize = 16;

/// Excel's longest cell text.
const XLSX_MAX_TEXT: usize = 32_767;

/// One case as the research export sees it, borrowed from wherever it is kept.
#[derive(Debug, Clone, Copy)]
pub struct ResearchCase<'a> {
    pub case_id: &'a str,
    pub birth_date: NaiveDate,
    pub setting: Setting,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub team: &'a str,
    /// The indicators of the first map version, if there is one.
    pub indicators_start: Option<&'a Indicators>,
    /// The indicators of the latest map version.
    pub indicators_latest: Option<&'a Indicators>,
    /// Support figures (*steunfiguren*, JIM) nominated and active.
    pub support_figures: usize,
    /// The latest network, to tell informal holders of actions from formal ones. Names are
    /// never read.
    pub members: &'a [NetworkMember],
    pub plan: Option<&'a Plan>,
    pub outcomes: &'a [Outcome],
    pub support_checks: &'a [SupportCheck],
    pub screenings: &'a [ScreeningFact],
    pub self_reports: &'a [SelfReportFact],
    /// What the case's consents for research cover besides the measurements
    /// ([`steunkring_domain::consent::research_scope`]): the network columns (and the count of
    /// support figures) and the plan columns stay empty without their own consent.
    pub scope: ResearchScope,
}

/// Why no dataset could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResearchError {
    /// The key is shorter than [`MIN_KEY_LEN`] bytes: codes could be recomputed.
    KeyTooShort { len: usize },
    /// The workbook could not be written (e.g. more rows than a sheet holds).
    Workbook(String),
}

impl fmt::Display for ResearchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResearchError::KeyTooShort { len } => write!(
                f,
                "the pseudonym key has {len} bytes; at least {MIN_KEY_LEN} are needed"
            ),
            ResearchError::Workbook(reason) => write!(f, "the workbook failed: {reason}"),
        }
    }
}

impl std::error::Error for ResearchError {}

impl From<XlsxError> for ResearchError {
    fn from(e: XlsxError) -> Self {
        ResearchError::Workbook(e.to_string())
    }
}

/// The code of a case in one export: `P` and the first 16 hex digits of HMAC-SHA256(key, case
/// id). The `P` keeps a spreadsheet from reading a code such as `12e45…` as a number.
pub fn pseudonym(key: &[u8], case_id: &str) -> String {
    // HMAC takes keys of any length, so this cannot fail; the fallback only satisfies the type.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return String::from("P");
    };
    mac.update(case_id.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut code = String::with_capacity(1 + CODE_HEX_DIGITS);
    code.push('P');
    for b in digest.iter().take(CODE_HEX_DIGITS / 2) {
        code.push_str(&format!("{b:02x}"));
    }
    code
}

/// What a column holds, for the codebook and for typed cells in the workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// The pseudonymous code.
    Code,
    Integer,
    /// A number with up to four decimals.
    Decimal,
    /// `true` or `false`.
    Boolean,
    /// One value from a fixed list of codes.
    Category,
    /// `YYYY-MM`.
    Month,
    Text,
}

impl ColumnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Code => "code",
            ColumnKind::Integer => "integer",
            ColumnKind::Decimal => "decimal",
            ColumnKind::Boolean => "boolean",
            ColumnKind::Category => "category",
            ColumnKind::Month => "month",
            ColumnKind::Text => "text",
        }
    }
}

/// One column: its name (a variable name for R or pandas), what it holds, its possible values
/// or range, and its unit (UCUM, `1` for shares), language-neutral so the codebook needs only
/// the meanings translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub kind: ColumnKind,
    pub values: String,
    pub unit: &'static str,
}

/// One cell, typed so the workbook writes numbers as numbers and text as text.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Int(i64),
    Decimal(f64),
    Bool(bool),
    Text(String),
}

impl Cell {
    fn decimal(x: f64) -> Cell {
        if x.is_finite() {
            Cell::Decimal((x * 10_000.0).round() / 10_000.0)
        } else {
            Cell::Empty
        }
    }

    fn count(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// The cell as CSV text (before the formula guard, which the writer applies).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Decimal(x) => x.to_string(),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(t) => t.clone(),
        }
    }
}

/// The dataset: the columns of [`research_columns`] and one row per case, sorted by code.
#[derive(Debug, Clone, PartialEq)]
pub struct ResearchTable {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// What a row is made of, worked out once per case.
struct Facts<'a> {
    code: String,
    case: &'a ResearchCase<'a>,
    as_of: NaiveDate,
}

fn month(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// Finished checks in the order they were started: the first and the latest are exported.
fn finished_checks(checks: &[SupportCheck]) -> Vec<&SupportCheck> {
    let mut finished: Vec<&SupportCheck> = checks.iter().filter(|c| c.is_finished()).collect();
    finished.sort_by_key(|c| (c.started_on(), c.finished_on()));
    finished
}

/// Plan facts: goals, actions, actions done, and actions held by an informal network member,
/// the analyst's "network involved in the plan".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlanFacts {
    pub goals: usize,
    pub actions: usize,
    pub actions_done: usize,
    pub actions_informal: usize,
}

impl PlanFacts {
    /// The facts of `plan`; an action counts as informal when it is held by a member of
    /// `members` who is informal ([`NetworkMember::is_informal`]). An action held by someone
    /// no longer in the network does not count: who they were is not known.
    pub fn of(plan: &Plan, members: &[NetworkMember]) -> PlanFacts {
        let mut informal: HashMap<&MemberId, bool> = HashMap::with_capacity(members.len());
        for m in members {
            informal.entry(&m.id).or_insert(m.is_informal());
        }
        PlanFacts {
            goals: plan.goals.len(),
            actions: plan.actions.len(),
            actions_done: plan
                .actions
                .iter()
                .filter(|a| a.status == ActionStatus::Done)
                .count(),
            actions_informal: plan
                .actions
                .iter()
                .filter(|a| match &a.who {
                    Performer::Member(id) => informal.get(id).copied().unwrap_or(false),
                    _ => false,
                })
                .count(),
        }
    }
}

/// Builds the columns and, given facts, the cells, in one place so they cannot drift apart.
struct RowBuilder<'f> {
    facts: Option<&'f Facts<'f>>,
    columns: Vec<Column>,
    cells: Vec<Cell>,
}

impl<'f> RowBuilder<'f> {
    fn push(
        &mut self,
        name: impl Into<String>,
        kind: ColumnKind,
        values: impl Into<String>,
        unit: &'static str,
        cell: impl FnOnce(&Facts<'_>) -> Cell,
    ) {
        self.columns.push(Column {
            name: name.into(),
            kind,
            values: values.into(),
            unit,
        });
        self.cells.push(self.facts.map_or(Cell::Empty, cell));
    }
}

const COUNT: &str = "0..";
const SHARE: &str = "0–1";
const BOOL: &str = "true | false";

fn build<'f>(facts: Option<&'f Facts<'f>>) -> RowBuilder<'f> {
    use ColumnKind::*;
    let mut b = RowBuilder {
        facts,
        columns: Vec::with_capacity(96),
        cells: Vec::with_capacity(96),
    };
    b.push("code", Code, "P + 16 hex", "", |f| {
        Cell::Text(f.code.clone())
    });
    b.push("birth_year", Integer, "YYYY", "a", |f| {
        Cell::Int(i64::from(f.case.birth_date.year()))
    });
    b.push("age_at_opening", Integer, COUNT, "a", |f| {
        Cell::Int(i64::from(age_on(f.case.birth_date, f.case.opened_on)))
    });
    let settings: Vec<&str> = Setting::ALL.iter().map(|s| s.as_str()).collect();
    b.push("setting", Category, settings.join(" | "), "", |f| {
        Cell::Text(f.case.setting.as_str().into())
    });
    b.push("team", Text, "", "", |f| {
        Cell::Text(f.case.team.to_string())
    });
    b.push("opened_month", Month, "YYYY-MM", "", |f| {
        Cell::Text(month(f.case.opened_on))
    });
    b.push("closed_month", Month, "YYYY-MM", "", |f| {
        f.case
            .closed_on
            .map_or(Cell::Empty, |d| Cell::Text(month(d)))
    });
    b.push("days_open", Integer, COUNT, "d", |f| {
        Cell::Int(days_between(
            f.case.opened_on,
            f.case.closed_on.unwrap_or(f.as_of),
        ))
    });
    b.push("support_figures", Integer, COUNT, "1", |f| {
        if f.case.scope.network {
            Cell::count(f.case.support_figures)
        } else {
            Cell::Empty
        }
    });

    for (phase, start) in [("start", true), ("latest", false)] {
        let ind = |f: &Facts<'_>, get: &dyn Fn(&Indicators) -> Cell| {
            let indicators = if !f.case.scope.network {
                None
            } else if start {
                f.case.indicators_start
            } else {
                f.case.indicators_latest
            };
            indicators.map_or(Cell::Empty, get)
        };
        let mut net = |name: &str, kind, values: &str, unit, get: &dyn Fn(&Indicators) -> Cell| {
            b.push(format!("net_{phase}_{name}"), kind, values, unit, |f| {
                ind(f, get)
            });
        };
        net("size", Integer, COUNT, "1", &|i| Cell::count(i.size.all));
        net("size_informal", Integer, COUNT, "1", &|i| {
            Cell::count(i.size.informal)
        });
        net("size_professional", Integer, COUNT, "1", &|i| {
            Cell::count(i.size.professional)
        });
        net("informal_share", Decimal, SHARE, "1", &|i| {
            Cell::decimal(i.informal_share)
        });
        net("rejected", Integer, COUNT, "1", &|i| {
            Cell::count(i.rejected.len())
        });
        net("sectors_present", Integer, "0–7", "1", &|i| {
            Cell::count(i.sectors_present)
        });
        net("sector_diversity", Decimal, "0–2.81", "bit", &|i| {
            Cell::decimal(i.sector_diversity)
        });
        net("ties", Integer, COUNT, "1", &|i| Cell::count(i.ties));
        net("density", Decimal, SHARE, "1", &|i| {
            Cell::decimal(i.density)
        });
        net("isolates", Integer, COUNT, "1", &|i| {
            Cell::count(i.isolates.len())
        });
        net("bridges", Integer, COUNT, "1", &|i| {
            Cell::count(i.bridges.len())
        });
        net("multiplexity_mean", Decimal, "0–7", "1", &|i| {
            Cell::decimal(i.multiplexity.mean)
        });
        net("reciprocity_share", Decimal, SHARE, "1", &|i| {
            Cell::decimal(i.reciprocity.share)
        });
        net("gaps", Integer, "0–7", "1", &|i| {
            Cell::count(i.gaps.len())
        });
        net("inner_ring_share", Decimal, SHARE, "1", &|i| {
            Cell::decimal(i.inner_ring_share)
        });
        net("strained", Integer, COUNT, "1", &|i| {
            Cell::count(i.strained.total)
        });
        net("available_informal_adults", Integer, COUNT, "1", &|i| {
            Cell::count(i.available_informal_adults)
        });
        net("has_available_informal_adult", Boolean, BOOL, "", &|i| {
            Cell::Bool(i.has_available_informal_adult)
        });
    }

    let plan = |f: &Facts<'_>| {
        f.case
            .plan
            .filter(|_| f.case.scope.plan)
            .map(|p| PlanFacts::of(p, f.case.members))
    };
    b.push("plan", Boolean, BOOL, "", |f| {
        if f.case.scope.plan {
            Cell::Bool(f.case.plan.is_some())
        } else {
            Cell::Empty
        }
    });
    b.push("plan_goals", Integer, COUNT, "1", |f| {
        plan(f).map_or(Cell::Empty, |p| Cell::count(p.goals))
    });
    b.push("plan_actions", Integer, COUNT, "1", |f| {
        plan(f).map_or(Cell::Empty, |p| Cell::count(p.actions))
    });
    b.push("plan_actions_done", Integer, COUNT, "1", |f| {
        plan(f).map_or(Cell::Empty, |p| Cell::count(p.actions_done))
    });
    b.push("plan_actions_informal", Integer, COUNT, "1", |f| {
        plan(f).map_or(Cell::Empty, |p| Cell::count(p.actions_informal))
    });
    b.push("plan_has_informal_action", Boolean, BOOL, "", |f| {
        plan(f).map_or(Cell::Empty, |p| Cell::Bool(p.actions_informal > 0))
    });

    for kind in OutcomeKind::ALL {
        b.push(
            format!("outcome_{}", kind.as_str()),
            Boolean,
            BOOL,
            "",
            |f| Cell::Bool(f.case.outcomes.iter().any(|o| o.kind == kind)),
        );
    }

    b.push("screenings", Integer, COUNT, "1", |f| {
        Cell::count(f.case.screenings.len())
    });
    for (phase, first) in [("first", true), ("latest", false)] {
        b.push(
            format!("screening_{phase}_problems"),
            Integer,
            "0–7",
            "1",
            move |f| {
                chosen_by_day(f.case.screenings, |s| s.on, first)
                    .map_or(Cell::Empty, |s| Cell::Int(i64::from(s.problems)))
            },
        );
    }
    b.push("screening_latest_multi_problem", Boolean, BOOL, "", |f| {
        chosen_by_day(f.case.screenings, |s| s.on, false).map_or(Cell::Empty, |s| {
            Cell::Bool(usize::from(s.problems) >= MULTI_PROBLEM_THRESHOLD)
        })
    });
    b.push("self_reports", Integer, COUNT, "1", |f| {
        Cell::count(f.case.self_reports.len())
    });
    for (phase, first) in [("first", true), ("latest", false)] {
        let grades: [(&str, SelfReportGrade); 3] = [
            ("feels_supported", |r| Some(r.feels_supported)),
            ("satisfied_with_help", |r| Some(r.satisfied_with_help)),
            ("satisfied_with_support_figures", |r| {
                r.satisfied_with_support_figures
            }),
        ];
        for (name, get) in grades {
            b.push(
                format!("self_report_{phase}_{name}"),
                Integer,
                "0–10",
                "1",
                move |f| {
                    chosen_by_day(f.case.self_reports, |r| r.on, first)
                        .and_then(get)
                        .map_or(Cell::Empty, |g| Cell::Int(i64::from(g)))
                },
            );
        }
    }

    b.push("support_checks", Integer, COUNT, "1", |f| {
        Cell::count(finished_checks(f.case.support_checks).len())
    });
    let respondents: Vec<&str> = Respondent::ALL.iter().map(|r| r.as_str()).collect();
    for (phase, first) in [("first", true), ("latest", false)] {
        let mut col =
            |name: &str,
             kind,
             values: &str,
             unit,
             get: &dyn Fn(&Facts<'_>, &SupportCheck, &Summary) -> Cell| {
                b.push(
                    format!("check_{phase}_{name}"),
                    kind,
                    values,
                    unit,
                    |f| match chosen_check(f.case.support_checks, first) {
                        Some(check) => get(f, check, &check.scores(f.case.members).all),
                        None => Cell::Empty,
                    },
                );
            };
        col(
            "respondent",
            Category,
            &respondents.join(" | "),
            "",
            &|_, c, _| Cell::Text(c.respondent().as_str().into()),
        );
        col("days_since_opening", Integer, "", "d", &|f, c, _| {
            Cell::Int(days_between(f.case.opened_on, c.started_on()))
        });
        col("members", Integer, COUNT, "1", &|_, _, s| {
            Cell::count(s.members)
        });
        let means: [(&str, SummaryMean); 8] = [
            ("perceived_concrete", |s| s.perceived.concrete.mean),
            ("perceived_emotional", |s| s.perceived.emotional.mean),
            ("perceived_informational", |s| {
                s.perceived.informational.mean
            }),
            ("received_concrete", |s| s.received.concrete.mean),
            ("received_emotional", |s| s.received.emotional.mean),
            ("received_informational", |s| s.received.informational.mean),
            ("criticalness", |s| s.mean_criticalness),
            ("closeness", |s| s.mean_closeness),
        ];
        for (name, get) in means {
            col(
                &format!("{name}_mean"),
                Decimal,
                "1–3",
                "1",
                &move |_, _, s| get(s).map_or(Cell::Empty, Cell::decimal),
            );
        }
        col("reciprocity", Decimal, SHARE, "1", &|_, _, s| {
            s.reciprocity.map_or(Cell::Empty, Cell::decimal)
        });
    }
    b
}

/// One mean of a check's summary.
type SummaryMean = fn(&Summary) -> Option<f64>;

/// One grade of a self-report.
type SelfReportGrade = fn(&SelfReportFact) -> Option<u8>;

/// The earliest or the latest of `items` by day; of two on one day, the one given first, or
/// last (input in recording order decides ties).
fn chosen_by_day<T>(items: &[T], on: impl Fn(&T) -> NaiveDate, first: bool) -> Option<&T> {
    if first {
        items.iter().min_by_key(|i| on(i))
    } else {
        items.iter().max_by_key(|i| on(i))
    }
}

/// The first or the latest finished check, by start date.
fn chosen_check(checks: &[SupportCheck], first: bool) -> Option<&SupportCheck> {
    let finished = finished_checks(checks);
    if first {
        finished.first().copied()
    } else {
        finished.last().copied()
    }
}

/// Every column of the dataset, in order. The web layer's tests can check that its locale files
/// describe each one (see [`CodebookLabels::missing`]).
pub fn research_columns() -> Vec<Column> {
    build(None).columns
}

/// The dataset for `cases`, with codes under `key` (drawn at random by the caller for this
/// export, at least [`MIN_KEY_LEN`] bytes, and thrown away or kept apart from the data) and
/// open cases' `days_open` counted to `as_of`. A case id seen before is left out (the first
/// wins): one case, one row.
pub fn research_table(
    cases: &[ResearchCase<'_>],
    key: &[u8],
    as_of: NaiveDate,
) -> Result<ResearchTable, ResearchError> {
    if key.len() < MIN_KEY_LEN {
        return Err(ResearchError::KeyTooShort { len: key.len() });
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(cases.len());
    let mut rows: Vec<(String, Vec<Cell>)> = cases
        .iter()
        .filter(|c| seen.insert(c.case_id))
        .map(|case| {
            let facts = Facts {
                code: pseudonym(key, case.case_id),
                case,
                as_of,
            };
            let cells = build(Some(&facts)).cells;
            (facts.code, cells)
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(ResearchTable {
        columns: research_columns(),
        rows: rows.into_iter().map(|(_, cells)| cells).collect(),
    })
}

/// The dataset as CSV: column names in the first row, then the rows, every cell through
/// [`crate::csv_cell`]'s formula guard (a negative number such as `-3` therefore reads as text;
/// only day counts can be negative, and only when dates were entered out of order).
pub fn research_csv(table: &ResearchTable) -> String {
    let mut csv = CsvWriter::new();
    csv.row(table.columns.iter().map(|c| c.name.as_str()));
    for row in &table.rows {
        csv.row(row.iter().map(Cell::as_text));
    }
    csv.finish()
}

/// The codebook's headings and the meaning of every column in Dutch and English, from the
/// caller's locale files; values and units are language-neutral and come from here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodebookLabels {
    /// Headings of the codebook: column, type, values, unit, meaning (Dutch), meaning
    /// (English).
    pub headings: [String; 6],
    /// Column name → meaning in Dutch.
    pub nl: BTreeMap<String, String>,
    /// Column name → meaning in English.
    pub en: BTreeMap<String, String>,
}

impl CodebookLabels {
    /// The columns without a meaning in one of the languages: a test of the caller can demand
    /// that this is empty, so the codebook never has a blank line.
    pub fn missing(&self) -> Vec<String> {
        research_columns()
            .into_iter()
            .filter(|c| {
                [&self.nl, &self.en]
                    .iter()
                    .any(|m| m.get(&c.name).is_none_or(|t| t.trim().is_empty()))
            })
            .map(|c| c.name)
            .collect()
    }

    fn rows(&self) -> Vec<[String; 6]> {
        research_columns()
            .into_iter()
            .map(|c| {
                let nl = self.nl.get(&c.name).cloned().unwrap_or_default();
                let en = self.en.get(&c.name).cloned().unwrap_or_default();
                [
                    c.name,
                    c.kind.as_str().to_string(),
                    c.values,
                    c.unit.to_string(),
                    nl,
                    en,
                ]
            })
            .collect()
    }
}

/// The codebook alone as CSV, to go with [`research_csv`]: one row per column.
pub fn codebook_csv(labels: &CodebookLabels) -> String {
    let mut csv = CsvWriter::new();
    csv.row(&labels.headings);
    for row in labels.rows() {
        csv.row(row);
    }
    csv.finish()
}

/// Text as Excel can hold it: at most 32,767 characters.
pub(crate) fn xlsx_text(raw: &str) -> String {
    if raw.chars().count() > XLSX_MAX_TEXT {
        raw.chars().take(XLSX_MAX_TEXT).collect()
    } else {
        raw.to_string()
    }
}

pub(crate) fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Int(n) => {
            sheet.write_number(row, col, *n as f64)?;
        }
        Cell::Decimal(x) => {
            sheet.write_number(row, col, *x)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
        }
        Cell::Text(t) => {
            sheet.write_string(row, col, xlsx_text(t))?;
        }
    }
    Ok(())
}

/// The dataset as an XLSX workbook: sheet "data" with the table (numbers as numbers, booleans
/// as booleans, text always as a string cell, so `=HYPERLINK(…)` stays text and never becomes
/// a formula), sheet "codebook" with a row per column. The creation time in the document
/// properties is `generated_at`, and nothing else in the file depends on a clock, so the same
/// table gives the same bytes.
pub fn research_xlsx(
    table: &ResearchTable,
    labels: &CodebookLabels,
    generated_at: DateTime<Utc>,
) -> Result<Vec<u8>, ResearchError> {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(
        u16::try_from(generated_at.year()).unwrap_or(1900),
        u8::try_from(generated_at.month()).unwrap_or(1),
        u8::try_from(generated_at.day()).unwrap_or(1),
    )?
    .and_hms(
        u16::try_from(generated_at.hour()).unwrap_or(0),
        u8::try_from(generated_at.minute()).unwrap_or(0),
        generated_at.second(),
    )?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();

    let data = workbook.add_worksheet();
    data.set_name("data")?;
    for (col, column) in table.columns.iter().enumerate() {
        let col = column_index(col)?;
        data.write_string_with_format(0, col, xlsx_text(&column.name), &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = row_index(r + 1)?;
        for (col, cell) in row.iter().enumerate() {
            write_cell(data, r, column_index(col)?, cell)?;
        }
    }
    data.set_freeze_panes(1, 1)?;

    let codebook = workbook.add_worksheet();
    codebook.set_name("codebook")?;
    for (col, heading) in labels.headings.iter().enumerate() {
        codebook.write_string_with_format(0, column_index(col)?, xlsx_text(heading), &bold)?;
    }
    for (r, row) in labels.rows().iter().enumerate() {
        let r = row_index(r + 1)?;
        for (col, text) in row.iter().enumerate() {
            if !text.is_empty() {
                codebook.write_string(r, column_index(col)?, xlsx_text(text))?;
            }
        }
    }
    codebook.set_freeze_panes(1, 0)?;

    Ok(workbook.save_to_buffer()?)
}

fn row_index(i: usize) -> Result<u32, ResearchError> {
    u32::try_from(i).map_err(|_| ResearchError::Workbook("too many rows".into()))
}

fn column_index(i: usize) -> Result<u16, ResearchError> {
    u16::try_from(i).map_err(|_| ResearchError::Workbook("too many columns".into()))
}

#[cfg(test)]
mod tests;
