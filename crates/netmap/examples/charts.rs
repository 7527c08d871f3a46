//! Writes example charts as SVG files into a directory, for looking at them:
//! `cargo run -p steunkring-netmap --example charts -- /tmp/charts`.

use chrono::{Datelike, Months, NaiveDate};
use steunkring_netmap::chart::{
    Bar, BarChart, ChartLocale, LineChart, Point, Series, bar_chart, line_chart,
};

fn dutch() -> ChartLocale {
    ChartLocale {
        months: [
            "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ]
        .map(String::from),
        decimal_comma: true,
    }
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    std::fs::create_dir_all(&dir)?;
    let locale = dutch();
    let start = NaiveDate::from_ymd_opt(2025, 3, 12).unwrap_or_default();
    let at = |months: u32, days: u64| {
        start
            .checked_add_months(Months::new(months))
            .and_then(|d| d.checked_add_days(chrono::Days::new(days)))
            .unwrap_or(start)
    };
    let measurements = [
        (0, 0),
        (1, 4),
        (3, 0),
        (4, 20),
        (6, 2),
        (9, 0),
        (12, 3),
        (14, 10),
    ];
    let series = |name: &str, style: usize, values: &[Option<f64>], unit: &str| Series {
        name: name.into(),
        style,
        points: measurements
            .iter()
            .zip(values)
            .map(|(&(m, d), &y)| {
                let x = at(m, d);
                Point {
                    x,
                    y,
                    label: y.map_or(String::new(), |v| {
                        let month = &locale.months[x.month0() as usize];
                        format!("{} {month} {}: {v} {unit}", x.day(), x.year())
                    }),
                }
            })
            .collect(),
    };
    let mut chart = LineChart::new("Netwerk van Sam over tijd", 0.0, 12.0);
    chart.desc = "Netwerkgrootte van 4 naar 11 personen; informele personen van 2 naar 8.".into();
    chart.y_label = "Aantal personen".into();
    chart.locale = locale.clone();
    chart.no_data = "Nog geen metingen".into();
    chart.series = vec![
        series(
            "Netwerk",
            0,
            &[
                Some(4.0),
                Some(5.0),
                Some(7.0),
                None,
                Some(8.0),
                Some(9.0),
                Some(10.0),
                Some(11.0),
            ],
            "personen",
        ),
        series(
            "Informeel",
            1,
            &[
                Some(2.0),
                Some(2.0),
                Some(4.0),
                Some(5.0),
                Some(5.0),
                Some(6.0),
                Some(7.0),
                Some(8.0),
            ],
            "personen",
        ),
        series(
            "Beschikbare volwassenen <informeel> & \"zo\"",
            2,
            &[
                Some(0.0),
                Some(1.0),
                Some(1.0),
                Some(1.0),
                Some(2.0),
                Some(2.0),
                Some(3.0),
                Some(14.0),
            ],
            "personen",
        ),
    ];
    std::fs::write(format!("{dir}/line.svg"), line_chart(&chart))?;

    let mut grades = LineChart::new("Rapportcijfers", 1.0, 10.0);
    grades.y_label = "Cijfer".into();
    grades.locale = locale.clone();
    grades.series = vec![series(
        "Hoe gaat het met je?",
        3,
        &[
            Some(5.5),
            Some(6.0),
            None,
            Some(6.5),
            Some(7.0),
            Some(6.5),
            Some(7.5),
            Some(8.0),
        ],
        "",
    )];
    std::fs::write(format!("{dir}/grades.svg"), line_chart(&grades))?;

    let mut empty = LineChart::new("Leeg", 0.0, 10.0);
    empty.no_data = "Nog geen metingen".into();
    empty.locale = locale.clone();
    std::fs::write(format!("{dir}/empty.svg"), line_chart(&empty))?;

    let mut bars = BarChart::new("Steuntekorten per soort");
    bars.desc =
        "Aantal jongeren met minder dan twee informele steunpersonen, per soort steun.".into();
    bars.suppressed_note = "Minder dan 10: niet getoond, zodat niemand herkenbaar is.".into();
    bars.locale = locale;
    bars.bars = [
        ("Emotioneel", Some(34.0)),
        ("Praktisch", Some(21.0)),
        ("Advies", Some(48.0)),
        ("Rolmodel", None),
        ("Opvoeding", Some(12.0)),
        ("Geld", None),
        ("Deuren openen", Some(27.0)),
    ]
    .into_iter()
    .map(|(label, value)| Bar {
        label: label.into(),
        value,
    })
    .collect();
    std::fs::write(format!("{dir}/bars.svg"), bar_chart(&bars))?;
    edge_cases(&dir)
}

/// Edge cases, for looking at: one point, ten days, thirty years, many long names.
fn edge_cases(dir: &str) -> std::io::Result<()> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    let p = |x, y: f64| Point {
        x,
        y: Some(y),
        label: String::new(),
    };
    let mut one = LineChart::new("One", 1.0, 3.0);
    one.y_label = "Score".into();
    one.locale = dutch();
    one.series = vec![Series {
        name: "Emotionele steun".into(),
        style: 0,
        points: vec![p(d(2026, 5, 12), 2.25)],
    }];
    std::fs::write(format!("{dir}/one.svg"), line_chart(&one))?;
    let mut short = one.clone();
    short.series[0].points = (0..5)
        .map(|i| p(d(2026, 12, 27 + i), 1.0 + f64::from(i) * 0.4))
        .collect();
    std::fs::write(format!("{dir}/short.svg"), line_chart(&short))?;
    let mut long = LineChart::new("Long", 0.0, 100.0);
    long.y_label = "Informeel aandeel (%)".into();
    long.series = (0..6)
        .map(|s| Series {
            name: format!("Een heel lange naam voor reeks nummer {s}"),
            style: s,
            points: (0..30)
                .map(|i| {
                    p(
                        d(1996 + i, 1 + (s as u32), 1),
                        f64::from((i * 7 + s as i32 * 13) % 100),
                    )
                })
                .collect(),
        })
        .collect();
    std::fs::write(format!("{dir}/long.svg"), line_chart(&long))?;
    Ok(())
}
