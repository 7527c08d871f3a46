//! A realistic plan, shared by the tests and the `handout` example.

use steunkring_pdf::{Block, PlanHandout, Section};

/// The actions of the sample plan: (what, who, by when).
pub const ACTIONS: [(&str, &str, &str); 5] = [
    (
        "Sanne gaat elke woensdag na school naar oma Ineke; oma helpt met huiswerk",
        "Oma Ineke",
        "vanaf 9 december",
    ),
    (
        "Wekelijks belmoment met mentor Youssef over school en voetbal 🙂",
        "Youssef (mentor)",
        "elke maandag",
    ),
    (
        "Karin vraagt bij de gemeente een tegemoetkoming voor de sportclub aan",
        "Karin (moeder)",
        "15 januari 2027",
    ),
    (
        "Buurvrouw Noëlle haalt Sanne op donderdag op van de ĳsbaan",
        "Noëlle (buurvrouw)",
        "tot de voorjaarsvakantie",
    ),
    (
        "Evaluatie van het plan met het hele netwerk 👍🏽",
        "Anna de Vries (wijkteam)",
        "3 maart 2027",
    ),
];

/// The safety agreement, seen only by those who may.
pub const SAFETY_AGREEMENT: &str = "Als papa gedronken heeft, gaat Sanne naar tante Marloes";

pub fn sample(with_safety: bool) -> PlanHandout {
    let mut sections = vec![
        Section {
            heading: "Doelen".into(),
            intro: Some("Wat Sanne en haar netwerk samen willen bereiken.".into()),
            blocks: vec![
                Block::Paragraph(
                    "Sanne (14) wil weer met plezier naar school en haar vriendinnen vaker zien. \
                     Thuis is het rustiger als mama op woensdag niet alles alleen hoeft te doen."
                        .into(),
                ),
                Block::Table {
                    header: vec!["Doel".into(), "Hoe weten we dat het lukt?".into()],
                    rows: vec![
                        vec![
                            "Sanne gaat elke dag naar school".into(),
                            "Minder dan twee keer per maand ziek gemeld".into(),
                        ],
                        vec![
                            "Karin heeft één middag per week voor zichzelf".into(),
                            "Karin geeft het zelf aan in het evaluatiegesprek".into(),
                        ],
                    ],
                    widths: vec![1.0, 1.0],
                },
            ],
        },
        Section {
            heading: "Wie doet wat wanneer".into(),
            intro: None,
            blocks: vec![Block::Table {
                header: vec!["Actie".into(), "Wie".into(), "Wanneer".into()],
                rows: ACTIONS
                    .iter()
                    .map(|(what, who, when)| {
                        vec![what.to_string(), who.to_string(), when.to_string()]
                    })
                    .collect(),
                widths: vec![3.0, 1.4, 1.2],
            }],
        },
    ];
    if with_safety {
        sections.push(Section {
            heading: "Veiligheid".into(),
            intro: Some("Afspraken die iedereen in het netwerk kent.".into()),
            blocks: vec![
                Block::Fields(vec![
                    (
                        "Zorg:".into(),
                        "Papa drinkt soms te veel in het weekend.".into(),
                    ),
                    ("Afspraak:".into(), SAFETY_AGREEMENT.into()),
                    ("Wie let op:".into(), "Tante Marloes en Karin".into()),
                    (
                        "Als het misgaat:".into(),
                        "Sanne belt tante Marloes (06-12345678) of Veilig Thuis (0800-2000)."
                            .into(),
                    ),
                ]),
                Block::Fields(vec![
                    (
                        "Zorg:".into(),
                        "Sanne blijft soms lang weg zonder te zeggen waar ze is.".into(),
                    ),
                    (
                        "Afspraak:".into(),
                        "Sanne stuurt een berichtje als ze later thuis is.".into(),
                    ),
                ]),
            ],
        });
    }
    sections.push(Section {
        heading: "Ondertekening".into(),
        intro: None,
        blocks: vec![Block::Paragraph(
            "Besproken en vastgesteld met Sanne, Karin, oma Ineke, Youssef en Noëlle op 2 december 2026."
                .into(),
        )],
    });
    PlanHandout {
        title: "Plan van Sanne".into(),
        subtitle: "Versie 3 · vastgesteld op 2 december 2026".into(),
        printed_for: "Afgedrukt voor: Karin (moeder)".into(),
        sections,
        footer: "Vertrouwelijk — Steunkring".into(),
        page_label: "Pagina".into(),
    }
}
