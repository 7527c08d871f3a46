//! The handout read back by an independent PDF reader (`lopdf`): what a family copies, searches
//! or hears from a screen reader is what the caller gave, and hostile text neither breaks the
//! file nor panics.

mod support;

use proptest::prelude::*;
use steunkring_pdf::{Block, PlanHandout, Section, plan_handout};
use support::{ACTIONS, SAFETY_AGREEMENT, sample};

/// The text of every page, as `lopdf` extracts it (one line per line drawn). Fails when the
/// bytes are not a PDF it can read.
fn pages_text(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap_or_else(|e| panic!("not a readable PDF: {e}"));
    let pages = doc.get_pages();
    assert!(!pages.is_empty(), "no pages");
    pages
        .keys()
        .map(|n| {
            doc.extract_text(&[*n])
                .unwrap_or_else(|e| panic!("page {n}: {e}"))
        })
        .collect()
}

/// All text with every run of whitespace (including the line breaks wrapping made) as one
/// space, so a sentence reads back whole however it was wrapped.
fn flat(pages: &[String]) -> String {
    pages
        .join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn one_section(blocks: Vec<Block>) -> PlanHandout {
    PlanHandout {
        title: "Plan van Sanne".into(),
        subtitle: "Versie 1".into(),
        printed_for: "Afgedrukt voor: Sanne".into(),
        sections: vec![Section {
            heading: "Wie doet wat wanneer".into(),
            intro: None,
            blocks,
        }],
        footer: "Vertrouwelijk — Steunkring".into(),
        page_label: "Pagina".into(),
    }
}

#[test]
fn every_action_who_and_when_reads_back() {
    let text = flat(&pages_text(&plan_handout(&sample(true))));
    for (what, who, when) in ACTIONS {
        assert!(text.contains(what), "missing action {what:?} in {text}");
        assert!(text.contains(who), "missing {who:?}");
        assert!(text.contains(when), "missing {when:?}");
    }
    for expected in [
        "Plan van Sanne",
        "Versie 3 · vastgesteld op 2 december 2026",
        "Afgedrukt voor: Karin (moeder)",
        "Doelen",
        "Wat Sanne en haar netwerk samen willen bereiken.",
        "Karin heeft één middag per week voor zichzelf",
        "Ondertekening",
        "Vertrouwelijk — Steunkring",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn a_safety_section_left_out_is_nowhere_in_the_file() {
    let with = plan_handout(&sample(true));
    let without = plan_handout(&sample(false));
    let with_text = flat(&pages_text(&with));
    assert!(with_text.contains(SAFETY_AGREEMENT) && with_text.contains("Veiligheid"));

    let text = flat(&pages_text(&without));
    for absent in [
        SAFETY_AGREEMENT,
        "Veiligheid",
        "Afspraak:",
        "Veilig Thuis",
        "Marloes",
    ] {
        assert!(
            !text.contains(absent),
            "{absent:?} printed although left out"
        );
    }
    // Not in the document title or any uncompressed part of the file either.
    let raw = String::from_utf8_lossy(&without);
    assert!(!raw.contains("Marloes"));
}

#[test]
fn section_and_fields_keep_their_order() {
    let text = flat(&pages_text(&plan_handout(&sample(true))));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("missing {s:?}"));
    assert!(at("Doelen") < at("Wie doet wat wanneer"));
    assert!(at("Wie doet wat wanneer") < at("Veiligheid"));
    assert!(at("Veiligheid") < at("Ondertekening"));
    assert!(at("Afspraak:") < at(SAFETY_AGREEMENT));
}

#[test]
fn diacritics_and_emoji_round_trip() {
    let typed = "Zoë, Eén, ĳsje, IJmuiden, Noëlle, café, ruïne, Müller, Ĳsbrand 🙂 👍🏽 ❤️ 👨‍👩‍👧";
    let pdf = plan_handout(&one_section(vec![
        Block::Paragraph(typed.into()),
        Block::Table {
            header: vec!["Actie".into(), "Wie".into()],
            rows: vec![vec![typed.into(), "Oma 👵🏼".into()]],
            widths: vec![1.0, 1.0],
        },
        Block::Fields(vec![("Wie let op:".into(), typed.into())]),
    ]));
    let pages = pages_text(&pdf);
    // The paragraph fits on one line, so it must come back exactly, joiners and all.
    assert!(
        pages[0].lines().any(|l| l == typed),
        "not exactly {typed:?} in {:?}",
        pages[0]
    );
    let text = flat(&pages);
    assert_eq!(text.matches("ĳsje").count(), 3, "{text}");
    assert!(text.contains("Oma 👵🏼"));
}

#[test]
fn markup_parentheses_backslashes_and_controls_stay_text() {
    let hostile = r"Tante (Marloes)) \\ \) \n <script>alert('x')</script> %%EOF endstream )";
    let with_controls = format!("{hostile}\u{0}\u{7}\u{1b}\u{8}\u{7f}\u{9f}");
    let pdf = plan_handout(&PlanHandout {
        title: with_controls.clone(),
        subtitle: with_controls.clone(),
        printed_for: "(".into(),
        sections: vec![Section {
            heading: with_controls.clone(),
            intro: Some(")".into()),
            blocks: vec![
                Block::Paragraph(with_controls.clone()),
                Block::Table {
                    header: vec![with_controls.clone()],
                    rows: vec![vec![with_controls.clone()]],
                    widths: vec![1.0],
                },
                Block::Fields(vec![(with_controls.clone(), with_controls.clone())]),
            ],
        }],
        footer: "\\".into(),
        page_label: "Pagina (".into(),
    });
    let text = flat(&pages_text(&pdf));
    let flat_hostile = hostile.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.matches(flat_hostile.as_str()).count() >= 5,
        "{flat_hostile:?} not five times in {text}"
    );
    assert!(text.contains("Pagina ( 1 / 1"), "{text}");
    for c in ['\u{0}', '\u{7}', '\u{1b}', '\u{8}', '\u{7f}', '\u{9f}'] {
        assert!(!text.contains(c), "control {c:?} printed");
    }
}

#[test]
fn a_long_table_runs_over_pages_with_header_and_page_numbers() {
    let rows: Vec<Vec<String>> = (1..=200)
        .map(|i| {
            vec![
                format!("Actie nummer {i}: samen boodschappen doen en de week bespreken"),
                format!("Persoon {i}"),
                format!("week {}", i % 52 + 1),
            ]
        })
        .collect();
    let pdf = plan_handout(&one_section(vec![Block::Table {
        header: vec!["Actie".into(), "Wie".into(), "Wanneer".into()],
        rows,
        widths: vec![3.0, 1.0, 1.0],
    }]));
    let pages = pages_text(&pdf);
    let n = pages.len();
    assert!(n >= 4, "200 rows on only {n} pages");
    for (k, page) in pages.iter().enumerate() {
        let lines: Vec<&str> = page.lines().collect();
        let label = format!("Pagina {} / {n}", k + 1);
        assert_eq!(
            lines.iter().filter(|l| **l == label).count(),
            1,
            "page {} lacks {label:?}: {page}",
            k + 1
        );
        assert!(
            lines.contains(&"Vertrouwelijk — Steunkring"),
            "page {} lacks the footer",
            k + 1
        );
        // The header row opens the table on every page.
        for column in ["Actie", "Wie", "Wanneer"] {
            assert!(
                lines.contains(&column),
                "page {} lacks the header {column:?}",
                k + 1
            );
        }
    }
    let text = flat(&pages);
    for i in 1..=200 {
        let action = format!("Actie nummer {i}: samen boodschappen doen en de week bespreken");
        assert_eq!(text.matches(&action).count(), 1, "{action:?}");
    }
    // In order.
    let first = text.find("Actie nummer 1:");
    let last = text.find("Actie nummer 200:");
    assert!(first < last);
}

#[test]
fn ten_thousand_character_cells_continue_over_pages() {
    let unbroken = "ŵ".repeat(10_000);
    let words = "woord ".repeat(1_700);
    let pdf = plan_handout(&one_section(vec![
        Block::Table {
            header: vec!["Actie".into(), "Wie".into()],
            rows: vec![
                vec![unbroken.clone(), words.clone()],
                vec!["Na de lange rij".into(), "Oma".into()],
            ],
            widths: vec![1.0, 1.0],
        },
        Block::Paragraph(unbroken.clone()),
        Block::Fields(vec![(words.clone(), unbroken.clone())]),
    ]));
    let pages = pages_text(&pdf);
    let all = pages.concat();
    assert_eq!(all.matches('ŵ').count(), 30_000);
    assert_eq!(all.matches("woord").count(), 3_400);
    assert!(flat(&pages).contains("Na de lange rij"));
    let n = pages.len();
    assert!(n > 3, "{n} pages");
    for (k, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Pagina {} / {n}", k + 1)));
    }
}

#[test]
fn odd_tables_still_print_every_cell() {
    let pdf = plan_handout(&one_section(vec![
        Block::Table {
            header: vec![],
            rows: vec![vec!["zonder kop".into()]],
            widths: vec![],
        },
        Block::Table {
            header: vec!["a".into()],
            rows: vec![vec!["een".into(), "twee".into(), "drie".into()], vec![]],
            widths: vec![f32::NAN, -3.0, f32::INFINITY, 0.0],
        },
        Block::Table {
            header: vec![],
            rows: vec![],
            widths: vec![],
        },
        Block::Table {
            header: (0..60).map(|i| format!("k{i}")).collect(),
            rows: vec![(0..60).map(|i| format!("cel{i}")).collect()],
            widths: vec![1e30; 60],
        },
        Block::Fields(vec![]),
        Block::Paragraph(String::new()),
    ]));
    let all = pages_text(&pdf).concat().replace('\n', "");
    for expected in ["zonder kop", "een", "twee", "drie", "cel59", "k0"] {
        assert!(all.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let a = plan_handout(&sample(true));
    let b = plan_handout(&sample(true));
    assert_eq!(a, b);
    assert!(a.starts_with(b"%PDF-"));
    assert!(a.trim_ascii_end().ends_with(b"%%EOF"));
    // No clock: no creation or modification date.
    let raw = String::from_utf8_lossy(&a);
    assert!(!raw.contains("CreationDate") && !raw.contains("ModDate"));
}

#[test]
fn an_empty_handout_is_still_one_valid_page() {
    let pdf = plan_handout(&PlanHandout::default());
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 1);
    assert!(pages[0].contains("1 / 1"));
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[()\\\\<>%\r\n\t a-zëĳ🙂\u{200d}\u{0}]{0,60}",
        Just(String::new()),
    ]
}

fn any_block() -> impl Strategy<Value = Block> {
    prop_oneof![
        any_text().prop_map(Block::Paragraph),
        (
            prop::collection::vec(any_text(), 0..4),
            prop::collection::vec(prop::collection::vec(any_text(), 0..5), 0..6),
            prop::collection::vec(any::<f32>(), 0..5),
        )
            .prop_map(|(header, rows, widths)| Block::Table {
                header,
                rows,
                widths
            }),
        prop::collection::vec((any_text(), any_text()), 0..4).prop_map(Block::Fields),
    ]
}

fn any_handout() -> impl Strategy<Value = PlanHandout> {
    let section = (
        any_text(),
        prop::option::of(any_text()),
        prop::collection::vec(any_block(), 0..4),
    )
        .prop_map(|(heading, intro, blocks)| Section {
            heading,
            intro,
            blocks,
        });
    (
        (any_text(), any_text(), any_text()),
        prop::collection::vec(section, 0..4),
        (any_text(), any_text()),
    )
        .prop_map(
            |((title, subtitle, printed_for), sections, (footer, page_label))| PlanHandout {
                title,
                subtitle,
                printed_for,
                sections,
                footer,
                page_label,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_text_gives_a_readable_pdf(h in any_handout()) {
        let pdf = plan_handout(&h);
        prop_assert!(pdf.starts_with(b"%PDF-"));
        prop_assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
        let pages = pages_text(&pdf);
        let n = pages.len();
        for (k, page) in pages.iter().enumerate() {
            let number = format!("{} / {n}", k + 1);
            prop_assert!(page.contains(&number), "page {} lacks {:?}", k + 1, number);
        }
        // Every paragraph's visible characters read back (controls dropped, spacing aside);
        // checked on one-page handouts, where no footer falls between its lines.
        let all: String = pages.concat().chars().filter(|c| !c.is_whitespace()).collect();
        for section in h.sections.iter().filter(|_| n == 1) {
            for block in &section.blocks {
                if let Block::Paragraph(p) = block {
                    let visible: String =
                        p.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
                    prop_assert!(all.contains(&visible), "{:?} lost", p);
                }
            }
        }
    }
}
