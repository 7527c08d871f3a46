//! Trend charts: three series of 24 monthly measurements, and a bar chart of seven support
//! types. Target: well under a millisecond, so a chart can be drawn on every page view.

use chrono::{Months, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use steunkring_netmap::chart::{Bar, BarChart, LineChart, Point, Series, bar_chart, line_chart};

fn line(series: usize, points: u32) -> LineChart {
    let start = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap_or_default();
    let mut c = LineChart::new("Network over time", 0.0, 20.0);
    c.desc = "Network size, informal members and available adults per month.".into();
    c.y_label = "People".into();
    c.series = (0..series)
        .map(|s| Series {
            name: format!("Series {s}"),
            style: s,
            points: (0..points)
                .map(|i| {
                    let x = start.checked_add_months(Months::new(i)).unwrap_or(start);
                    // A gap now and then, as when a check was skipped.
                    let y = (i % 11 != 5).then(|| f64::from((i * 7 + s as u32 * 3) % 17) + 1.5);
                    Point {
                        x,
                        y,
                        label: format!("{x}: {} people", y.unwrap_or_default()),
                    }
                })
                .collect(),
        })
        .collect();
    c
}

fn bench(c: &mut Criterion) {
    let chart = line(3, 24);
    c.bench_function("line chart 3 series x 24 points", |b| {
        b.iter(|| line_chart(black_box(&chart)))
    });
    let mut bars = BarChart::new("Support gaps per type");
    bars.suppressed_note = "Fewer than 10: not shown.".into();
    bars.bars = (0..7)
        .map(|i| Bar {
            label: format!("Support type {i}"),
            value: (i != 3).then(|| f64::from(i * 13 % 50)),
        })
        .collect();
    c.bench_function("bar chart 7 bars", |b| {
        b.iter(|| bar_chart(black_box(&bars)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
