//! Trend charts as SVG: lines over time ([`line_chart`]) and horizontal bars for categorical
//! counts ([`bar_chart`]).
//!
//! The same rules as the network circle: deterministic bytes, no fonts, scripts, ids or
//! external references, every caller's text escaped, `role="img"` with `<title>` and `<desc>`.
//! Every visible word arrives already translated; numbers and dates are written with the
//! caller's [`ChartLocale`].
//!
//! A line chart spaces its points by date, not by index; its y axis runs between "nice" ticks
//! (steps of 1, 2 or 5 times a power of ten) that cover the caller's range; date labels are
//! thinned until they cannot overlap. Series differ in colour (each at least 3:1 against
//! white), dash pattern and marker shape, and are named in a legend. Values that are missing
//! or not finite break the line; values beyond the axis are drawn on its edge with an arrow
//! pointing off the chart.

use crate::text::{Num, escape, text_width, truncate};
use chrono::{Datelike, Months, NaiveDate};
use std::fmt::Write;

/// How numbers and dates are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartLocale {
    /// Short month names, January first ("jan", "feb", … in Dutch).
    pub months: [String; 12],
    /// "7,5" instead of "7.5".
    pub decimal_comma: bool,
}

impl Default for ChartLocale {
    /// English, for tests, benchmarks and a caller without translations.
    fn default() -> Self {
        ChartLocale {
            months: [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ]
            .map(String::from),
            decimal_comma: false,
        }
    }
}

/// A line chart over time. Build with [`LineChart::new`], then set what differs.
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    /// The accessible name of the image.
    pub title: String,
    /// The accessible description: what a reader who cannot see the chart should know, e.g.
    /// the first and last value of each series.
    pub desc: String,
    /// Written above the y axis, e.g. "Number of people".
    pub y_label: String,
    /// The range the axis must show; it is widened to the nearest nice ticks. When not finite
    /// or empty, the data's own range is used.
    pub y_min: f64,
    pub y_max: f64,
    pub series: Vec<Series>,
    /// Shown in the middle of the plot when no series has a value to draw.
    pub no_data: String,
    pub locale: ChartLocale,
}

impl LineChart {
    /// An empty chart from `y_min` to `y_max` with English month names.
    pub fn new(title: impl Into<String>, y_min: f64, y_max: f64) -> Self {
        LineChart {
            title: title.into(),
            desc: String::new(),
            y_label: String::new(),
            y_min,
            y_max,
            series: Vec::new(),
            no_data: "No data".into(),
            locale: ChartLocale::default(),
        }
    }
}

/// One line. Points may come in any order; they are drawn by date.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub points: Vec<Point>,
    /// Which of the [`SERIES_STYLES`] draws the line; counts on past the end wrap around.
    /// Give series on one chart different styles.
    pub style: usize,
}

/// One measurement.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub x: NaiveDate,
    /// `None` (or a value that is not finite) is a gap: the line breaks here.
    pub y: Option<f64>,
    /// The marker's tooltip, e.g. "12 mei 2026: 7 personen". When blank, the date and value
    /// are written instead.
    pub label: String,
}

/// The shape of a series' markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Ring,
}

/// How a series is drawn: colour, dash pattern and marker shape together, so that no reader
/// has to rely on colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    pub colour: &'static str,
    /// An SVG `stroke-dasharray`, or `None` for a solid line.
    pub dash: Option<&'static str>,
    pub marker: Marker,
}

/// The series styles in order: Okabe–Ito hues, darkened where needed so that every line has
/// a contrast of at least 3:1 against white (WCAG 2.1 non-text contrast).
pub const SERIES_STYLES: [SeriesStyle; 6] = [
    SeriesStyle {
        colour: "#0072B2",
        dash: None,
        marker: Marker::Circle,
    },
    SeriesStyle {
        colour: "#C45100",
        dash: Some("8 5"),
        marker: Marker::Square,
    },
    SeriesStyle {
        colour: "#007A5A",
        dash: Some("2 4"),
        marker: Marker::Triangle,
    },
    SeriesStyle {
        colour: "#A8488A",
        dash: Some("12 4 2 4"),
        marker: Marker::Diamond,
    },
    SeriesStyle {
        colour: "#8C6D00",
        dash: Some("16 6"),
        marker: Marker::TriangleDown,
    },
    SeriesStyle {
        colour: "#1f2933",
        dash: Some("4 3"),
        marker: Marker::Ring,
    },
];

/// The style of style index `i`, wrapping around.
pub fn series_style(i: usize) -> SeriesStyle {
    SERIES_STYLES[i % SERIES_STYLES.len()]
}

/// Horizontal bars for categorical counts. Build with [`BarChart::new`].
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub title: String,
    pub desc: String,
    pub bars: Vec<Bar>,
    /// What "—" means, e.g. "Fewer than 10: not shown, so no one can be recognised". Added to
    /// the description and written under the bars when a value is suppressed.
    pub suppressed_note: String,
    /// Shown when there are no bars.
    pub no_data: String,
    /// Decimals written beside each bar (0 for counts).
    pub decimals: u8,
    pub locale: ChartLocale,
}

impl BarChart {
    pub fn new(title: impl Into<String>) -> Self {
        BarChart {
            title: title.into(),
            desc: String::new(),
            bars: Vec::new(),
            suppressed_note: "Not shown".into(),
            no_data: "No data".into(),
            decimals: 0,
            locale: ChartLocale::default(),
        }
    }
}

/// One category.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// `None` (or a value that is not finite) is suppressed and shown as "—".
    pub value: Option<f64>,
}

/// The chart's width in user units (the `viewBox`); it scales to any screen.
const WIDTH: f64 = 420.0;
const FONT: f64 = 12.0;
const SMALL: f64 = 11.0;
const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const GRID: &str = "#e1e6eb";
const AXIS: &str = "#9aa5b1";
/// Space above the plot, for the y label and arrows of values beyond the top.
const PLOT_TOP: f64 = 40.0;
const PLOT_HEIGHT: f64 = 200.0;
const PLOT_RIGHT: f64 = WIDTH - 16.0;
/// Space inside the plot's left and right edge, so that markers on the first and last date
/// stay clear of the axis.
const INSET: f64 = 12.0;
/// No two y ticks closer than this.
const MIN_TICK_GAP: f64 = 28.0;
const LEGEND_ROW: f64 = 22.0;
const BAR_ROW: f64 = 28.0;
const BAR_HEIGHT: f64 = 16.0;
/// Beyond this, numbers stop meaning anything on a chart read by people.
const LIMIT: f64 = 1e9;

/// A number as people read it: `decimals` places, no "-0", the locale's separator.
fn number(value: f64, decimals: usize, locale: &ChartLocale) -> String {
    let v = if value.is_finite() {
        value.clamp(-1e15, 1e15)
    } else {
        0.0
    };
    let mut s = format!("{v:.decimals$}");
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s.remove(0);
    }
    if locale.decimal_comma {
        s = s.replace('.', ",");
    }
    s
}

fn month_name(locale: &ChartLocale, date: NaiveDate) -> &str {
    locale
        .months
        .get(date.month0() as usize)
        .map_or("", |m| m.as_str())
}

fn full_date(locale: &ChartLocale, date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(locale, date),
        date.year()
    )
}

/// The y axis: ticks from `lo` to `hi` every `step`, printed with `decimals` places.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticks {
    pub lo: f64,
    pub hi: f64,
    pub step: f64,
    pub values: Vec<f64>,
    pub decimals: usize,
}

/// The smallest step of 1, 2 or 5 times a power of ten at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = if raw.is_finite() && raw > 0.0 {
        raw
    } else {
        1.0
    };
    let base = 10f64.powf(raw.log10().floor());
    for f in [1.0, 2.0, 5.0, 10.0] {
        // A hair of tolerance, so that 0.2 is not taken for more than 0.2 by rounding.
        if f * base >= raw * (1.0 - 1e-9) {
            return f * base;
        }
    }
    10.0 * base
}

/// Nice ticks covering `min..=max`, at most `max_intervals` apart. `min < max`, both finite.
pub(crate) fn nice_ticks(min: f64, max: f64, max_intervals: usize) -> Ticks {
    let max_intervals = max_intervals.max(1);
    let mut step = nice_step((max - min) / max_intervals as f64);
    let (mut first, mut last);
    loop {
        first = (min / step + 1e-9).floor();
        last = (max / step - 1e-9).ceil();
        if last - first <= max_intervals as f64 {
            break;
        }
        step = nice_step(step * 1.5);
    }
    let count = (last - first).max(1.0) as usize;
    // Steps below 1 as a whole number over a power of ten, so that the third tick of 0.2 is
    // the double nearest 0.6, not 0.6000000000000001.
    let exponent = step.log10().floor();
    let values: Vec<f64> = (0..=count)
        .map(|i| {
            let k = first + i as f64;
            if exponent < 0.0 {
                let scale = 10f64.powi(-(exponent as i32));
                (k * (step * scale).round()) / scale
            } else {
                k * step
            }
        })
        .collect();
    let decimals = (-step.log10().floor()).clamp(0.0, 9.0) as usize;
    Ticks {
        lo: values.first().copied().unwrap_or(min),
        hi: values.last().copied().unwrap_or(max),
        step,
        values,
        decimals,
    }
}

/// The y range to draw: the caller's when it makes sense, else the data's, else 0 to 1;
/// never empty, never beyond ±[`LIMIT`].
fn y_range(chart: &LineChart) -> (f64, f64) {
    let finite = |v: f64| v.is_finite();
    let (mut lo, mut hi) = if finite(chart.y_min) && finite(chart.y_max) {
        (chart.y_min.min(chart.y_max), chart.y_min.max(chart.y_max))
    } else {
        let values = chart
            .series
            .iter()
            .flat_map(|s| &s.points)
            .filter_map(|p| p.y)
            .filter(|v| v.is_finite());
        values.fold((f64::NAN, f64::NAN), |(lo, hi), v| (lo.min(v), hi.max(v)))
    };
    if !(finite(lo) && finite(hi)) {
        (lo, hi) = (0.0, 1.0);
    }
    lo = lo.clamp(-LIMIT, LIMIT);
    hi = hi.clamp(-LIMIT, LIMIT);
    if hi - lo < 1e-6 {
        let pad = (lo.abs() * 0.1).max(1.0);
        (lo, hi) = if lo >= 0.0 && lo - pad < 0.0 {
            (0.0, lo + pad)
        } else {
            (lo - pad, hi + pad)
        };
    }
    (lo, hi)
}

/// A label on the x axis: where its tick is, its text, and the year under it when needed.
#[derive(Debug, Clone, PartialEq)]
struct DateLabel {
    x: f64,
    text: String,
    year: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum DateStep {
    Days(u32),
    Months(u32),
    Years(i32),
}

impl DateStep {
    fn approx_days(self) -> f64 {
        match self {
            DateStep::Days(n) => f64::from(n),
            DateStep::Months(n) => f64::from(n) * 30.44,
            DateStep::Years(n) => f64::from(n) * 365.25,
        }
    }
}

/// Calendar ticks from `start` to `end`: days since a fixed Monday, first days of months,
/// first days of years, on multiples of the step.
fn date_ticks(step: DateStep, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    match step {
        DateStep::Days(n) => {
            let n = i64::from(n.max(1));
            // Day 1 from the common era is a Monday, so weekly ticks fall on Mondays.
            let from = i64::from(start.num_days_from_ce());
            let first = from + (n - (from - 1).rem_euclid(n)) % n;
            let mut day = first;
            while day <= i64::from(end.num_days_from_ce()) {
                match i32::try_from(day)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                {
                    Some(d) => out.push(d),
                    None => break,
                }
                day += n;
            }
        }
        DateStep::Months(n) => {
            let n = n.max(1);
            let index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
            while let Some(d) = month {
                if d > end {
                    break;
                }
                if d >= start && index(d).rem_euclid(i64::from(n)) == 0 {
                    out.push(d);
                }
                month = d.checked_add_months(Months::new(1));
            }
        }
        DateStep::Years(n) => {
            let n = n.max(1);
            let mut year = start.year() + (n - start.year().rem_euclid(n)) % n;
            if NaiveDate::from_ymd_opt(year, 1, 1).is_some_and(|d| d < start) {
                year = year.saturating_add(n);
            }
            while let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
                if d > end {
                    break;
                }
                out.push(d);
                year = match year.checked_add(n) {
                    Some(y) => y,
                    None => break,
                };
            }
        }
    }
    out
}

/// Where dates go: `x0` at `start`, `x1` at `end`; a single date sits in the middle.
#[derive(Debug, Clone, Copy)]
struct TimeScale {
    start: NaiveDate,
    days: f64,
    x0: f64,
    x1: f64,
}

impl TimeScale {
    fn x(&self, date: NaiveDate) -> f64 {
        if self.days <= 0.0 {
            return (self.x0 + self.x1) / 2.0;
        }
        let d = (date - self.start).num_days() as f64;
        self.x0 + (self.x1 - self.x0) * d / self.days
    }
}

/// The horizontal room a label takes, kept inside the chart.
fn label_extent(label: &DateLabel) -> (f64, f64) {
    let w = text_width(&label.text, SMALL)
        .max(label.year.as_deref().map_or(0.0, |y| text_width(y, SMALL)));
    let left = (label.x - w / 2.0).clamp(2.0, (WIDTH - 2.0 - w).max(2.0));
    (left, left + w)
}

fn labels_fit(labels: &[DateLabel]) -> bool {
    labels
        .windows(2)
        .all(|w| label_extent(&w[0]).1 + 8.0 <= label_extent(&w[1]).0)
}

/// The x axis labels: the finest calendar step whose labels do not overlap.
fn date_labels(scale: &TimeScale, end: NaiveDate, locale: &ChartLocale) -> Vec<DateLabel> {
    let start = scale.start;
    let with_years = |dates: &[NaiveDate], text: &dyn Fn(NaiveDate) -> String| {
        let mut last_year = None;
        dates
            .iter()
            .map(|&d| {
                let year = (last_year != Some(d.year())).then(|| d.year().to_string());
                last_year = Some(d.year());
                DateLabel {
                    x: scale.x(d),
                    text: text(d),
                    year,
                }
            })
            .collect::<Vec<_>>()
    };
    let day_text = |d: NaiveDate| format!("{} {}", d.day(), month_name(locale, d));
    let month_text = |d: NaiveDate| month_name(locale, d).to_string();
    let mut steps = vec![
        DateStep::Days(1),
        DateStep::Days(2),
        DateStep::Days(7),
        DateStep::Days(14),
        DateStep::Months(1),
        DateStep::Months(2),
        DateStep::Months(3),
        DateStep::Months(6),
    ];
    let mut years = 1;
    while years < 1_000_000 {
        for f in [1, 2, 5] {
            steps.push(DateStep::Years(years * f));
        }
        years *= 10;
    }
    let span = scale.days;
    let max_labels = ((scale.x1 - scale.x0) / 20.0).max(1.0) + 1.0;
    for step in steps {
        if span / step.approx_days() > max_labels {
            continue;
        }
        let dates = date_ticks(step, start, end);
        if dates.len() < 2 {
            break;
        }
        let labels = match step {
            DateStep::Days(_) => with_years(&dates, &day_text),
            DateStep::Months(_) => with_years(&dates, &month_text),
            DateStep::Years(_) => dates
                .iter()
                .map(|&d| DateLabel {
                    x: scale.x(d),
                    text: d.year().to_string(),
                    year: None,
                })
                .collect(),
        };
        if labels_fit(&labels) {
            return labels;
        }
    }
    // Too short a span for two calendar ticks (or none fit): the first and last date, or
    // only the first.
    let ends = |dates: &[NaiveDate]| -> Vec<DateLabel> {
        dates
            .iter()
            .map(|&d| DateLabel {
                x: scale.x(d),
                text: day_text(d),
                year: Some(d.year().to_string()),
            })
            .collect()
    };
    let both = ends(&[start, end]);
    if start != end && labels_fit(&both) {
        both
    } else {
        ends(&[start])
    }
}

/// The pieces of text in `text` that fit `width` at `font`, at most `max_lines` lines.
fn wrap(text: &str, font: f64, width: f64, max_lines: usize) -> Vec<String> {
    let fit = ((width / (font * 0.62)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if candidate.chars().count() <= fit {
            line = candidate;
        } else {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line = word.to_string();
            while line.chars().count() > fit {
                let head: String = line.chars().take(fit).collect();
                line = line.chars().skip(fit).collect();
                lines.push(head);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), fit);
        }
    }
    lines
}

fn open_svg(out: &mut String, height: f64, class: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" font-family="sans-serif"><title>{}</title><desc>{}</desc><rect width="{w}" height="{h}" fill="#ffffff"/>"##,
        escape(title),
        escape(desc),
        w = Num(WIDTH),
        h = Num(height),
    );
}

/// Centred lines of muted text, e.g. "no data".
fn centred_text(out: &mut String, text: &str, cx: f64, cy: f64, width: f64) {
    let lines = wrap(text, FONT, width, 3);
    let top = cy - (lines.len() as f64 - 1.0) * FONT * 0.6;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r##"<text class="no-data" x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>"##,
            Num(cx),
            Num(top + i as f64 * FONT * 1.2 + FONT * 0.35),
            Num(FONT),
            escape(line)
        );
    }
}

/// A series' marker centred on (x, y).
fn marker(out: &mut String, shape: Marker, colour: &str, x: f64, y: f64) {
    let (a, b) = (Num(x), Num(y));
    let _ = match shape {
        Marker::Circle => write!(
            out,
            r##"<circle cx="{a}" cy="{b}" r="4.5" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>"##
        ),
        Marker::Ring => write!(
            out,
            r##"<circle cx="{a}" cy="{b}" r="4" fill="#ffffff" stroke="{colour}" stroke-width="2"/>"##
        ),
        Marker::Square => write!(
            out,
            r##"<rect x="{}" y="{}" width="8" height="8" fill="{colour}" stroke="#ffffff" stroke-width="1.5"/>"##,
            Num(x - 4.0),
            Num(y - 4.0)
        ),
        Marker::Triangle | Marker::TriangleDown | Marker::Diamond => {
            let d = match shape {
                Marker::Triangle => format!(
                    "M{} {}L{} {}L{} {}Z",
                    a,
                    Num(y - 5.5),
                    Num(x + 5.2),
                    Num(y + 3.5),
                    Num(x - 5.2),
                    Num(y + 3.5)
                ),
                Marker::TriangleDown => format!(
                    "M{} {}L{} {}L{} {}Z",
                    a,
                    Num(y + 5.5),
                    Num(x + 5.2),
                    Num(y - 3.5),
                    Num(x - 5.2),
                    Num(y - 3.5)
                ),
                _ => format!(
                    "M{} {}L{} {}L{} {}L{} {}Z",
                    a,
                    Num(y - 5.8),
                    Num(x + 5.8),
                    b,
                    a,
                    Num(y + 5.8),
                    Num(x - 5.8),
                    b
                ),
            };
            write!(
                out,
                r##"<path d="{d}" fill="{colour}" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round"/>"##
            )
        }
    };
}

fn line_sample(out: &mut String, style: SeriesStyle, x: f64, y: f64) {
    let dash = style
        .dash
        .map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
    let _ = write!(
        out,
        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2.5"{dash}/>"#,
        Num(x),
        Num(y),
        Num(x + 28.0),
        Num(y),
        style.colour
    );
    marker(out, style.marker, style.colour, x + 14.0, y);
}

/// Legend entries flowed into rows: (x, row) for each series.
fn legend_layout(series: &[Series]) -> (Vec<(f64, usize, String)>, usize) {
    let max_text = WIDTH - 16.0 - 34.0;
    let fit = ((max_text / (FONT * 0.62)).floor() as usize).max(1);
    let mut placed = Vec::with_capacity(series.len());
    let (mut x, mut row) = (8.0, 0);
    for s in series {
        let name = truncate(&s.name, fit);
        let w = 34.0 + text_width(&name, FONT);
        if x > 8.0 && x + w > WIDTH - 8.0 {
            x = 8.0;
            row += 1;
        }
        placed.push((x, row, name));
        x += w + 18.0;
    }
    let rows = if series.is_empty() { 0 } else { row + 1 };
    (placed, rows)
}

/// A point as drawn: where, whether it lies beyond the axis, and its tooltip.
struct Drawn {
    x: f64,
    y: f64,
    /// -1 below the axis, 1 above, 0 on it.
    beyond: i8,
    title: String,
}

/// A line chart as one SVG element.
pub fn line_chart(c: &LineChart) -> String {
    let (lo, hi) = y_range(c);
    let max_intervals = (PLOT_HEIGHT / MIN_TICK_GAP).floor() as usize;
    let ticks = nice_ticks(lo, hi, max_intervals);
    let tick_texts: Vec<String> = ticks
        .values
        .iter()
        .map(|&v| number(v, ticks.decimals, &c.locale))
        .collect();
    let tick_width = tick_texts
        .iter()
        .map(|t| text_width(t, SMALL))
        .fold(0.0, f64::max);
    let plot_left = (tick_width + 14.0).clamp(32.0, WIDTH / 3.0);
    let plot_bottom = PLOT_TOP + PLOT_HEIGHT;
    let y_of = |v: f64| plot_bottom - (v - ticks.lo) / (ticks.hi - ticks.lo) * PLOT_HEIGHT;

    let dates = c.series.iter().flat_map(|s| s.points.iter().map(|p| p.x));
    let start = dates.clone().min();
    let end = dates.max();
    let values_exist = c
        .series
        .iter()
        .flat_map(|s| &s.points)
        .any(|p| p.y.is_some_and(f64::is_finite));

    let (legend, legend_rows) = legend_layout(&c.series);
    let legend_top = plot_bottom + 48.0;
    let height = legend_top + legend_rows as f64 * LEGEND_ROW + 8.0;
    let mut out = String::with_capacity(
        4096 + c.series.len() * 256 + 600 * c.series.iter().map(|s| s.points.len()).sum::<usize>(),
    );
    open_svg(&mut out, height, "chart line-chart", &c.title, &c.desc);

    // The y axis: grid lines and numbers; the label above it.
    out.push_str(r#"<g class="y-axis">"#);
    for (v, text) in ticks.values.iter().zip(&tick_texts) {
        let y = y_of(*v);
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{GRID}"/><text x="{}" y="{}" font-size="{}" text-anchor="end" fill="{MUTED}">{}</text>"#,
            Num(plot_left),
            Num(PLOT_RIGHT),
            Num(plot_left - 6.0),
            Num(y + SMALL * 0.35),
            Num(SMALL),
            escape(text),
            y = Num(y),
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS}"/></g>"#,
        Num(PLOT_TOP),
        Num(plot_bottom),
        x = Num(plot_left),
    );
    if !c.y_label.trim().is_empty() {
        let fit = (((WIDTH - 16.0) / (FONT * 0.62)).floor() as usize).max(1);
        let _ = write!(
            out,
            r#"<text class="y-label" x="8" y="18" font-size="{}" font-weight="bold" fill="{INK}">{}</text>"#,
            Num(FONT),
            escape(&truncate(&c.y_label, fit))
        );
    }

    // The x axis: baseline, then ticks and dates.
    let _ = write!(
        out,
        r#"<g class="x-axis"><line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{AXIS}"/>"#,
        Num(plot_left),
        Num(PLOT_RIGHT),
        y = Num(plot_bottom),
    );
    let scale = match (start, end) {
        (Some(start), Some(end)) => Some(TimeScale {
            start,
            days: (end - start).num_days() as f64,
            x0: plot_left + INSET,
            x1: PLOT_RIGHT - INSET,
        }),
        _ => None,
    };
    if let (Some(scale), Some(end), true) = (scale, end, values_exist) {
        for label in date_labels(&scale, end, &c.locale) {
            let (left, right) = label_extent(&label);
            let mid = Num((left + right) / 2.0);
            let _ = write!(
                out,
                r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS}"/><text x="{mid}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED}">{}</text>"#,
                Num(plot_bottom),
                Num(plot_bottom + 5.0),
                Num(plot_bottom + 22.0),
                Num(SMALL),
                escape(&label.text),
                x = Num(label.x),
            );
            if let Some(year) = &label.year {
                let _ = write!(
                    out,
                    r#"<text x="{mid}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED}">{}</text>"#,
                    Num(plot_bottom + 36.0),
                    Num(SMALL),
                    escape(year),
                );
            }
        }
    }
    out.push_str("</g>");

    match scale {
        Some(scale) if values_exist => {
            for (i, s) in c.series.iter().enumerate() {
                series(&mut out, c, i, s, &scale, &|v| {
                    let beyond = if v > ticks.hi {
                        1
                    } else if v < ticks.lo {
                        -1
                    } else {
                        0
                    };
                    (y_of(v.clamp(ticks.lo, ticks.hi)), beyond)
                });
            }
        }
        _ => centred_text(
            &mut out,
            &c.no_data,
            (plot_left + PLOT_RIGHT) / 2.0,
            PLOT_TOP + PLOT_HEIGHT / 2.0,
            PLOT_RIGHT - plot_left - 16.0,
        ),
    }

    out.push_str(r#"<g class="legend">"#);
    for ((x, row, name), s) in legend.iter().zip(&c.series) {
        let y = legend_top + *row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        line_sample(&mut out, series_style(s.style), *x, y);
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}" fill="{INK}">{}</text>"#,
            Num(x + 34.0),
            Num(y + FONT * 0.35),
            Num(FONT),
            escape(name)
        );
    }
    out.push_str("</g></svg>");
    out
}

/// One series: its line (broken at gaps), arrows for values beyond the axis, and markers.
fn series(
    out: &mut String,
    c: &LineChart,
    index: usize,
    s: &Series,
    scale: &TimeScale,
    y_of: &dyn Fn(f64) -> (f64, i8),
) {
    let style = series_style(s.style);
    let mut points: Vec<&Point> = s.points.iter().collect();
    points.sort_by_key(|p| p.x);
    // Each run of drawable points between gaps.
    let mut runs: Vec<Vec<Drawn>> = vec![Vec::new()];
    for p in points {
        match p.y.filter(|v| v.is_finite()) {
            Some(v) => {
                let (y, beyond) = y_of(v);
                let title = if p.label.trim().is_empty() {
                    format!(
                        "{}: {}",
                        full_date(&c.locale, p.x),
                        number(v, 2, &c.locale)
                            .trim_end_matches('0')
                            .trim_end_matches(['.', ','])
                    )
                } else {
                    p.label.trim().to_string()
                };
                if let Some(run) = runs.last_mut() {
                    run.push(Drawn {
                        x: scale.x(p.x),
                        y,
                        beyond,
                        title,
                    });
                }
            }
            None => {
                if runs.last().is_some_and(|r| !r.is_empty()) {
                    runs.push(Vec::new());
                }
            }
        }
    }
    let _ = write!(out, r#"<g class="series" data-series="{index}">"#);
    let mut d = String::new();
    for run in runs.iter().filter(|r| r.len() > 1) {
        for (i, p) in run.iter().enumerate() {
            let _ = write!(
                d,
                "{}{} {}",
                if i == 0 { 'M' } else { 'L' },
                Num(p.x),
                Num(p.y)
            );
        }
    }
    if !d.is_empty() {
        let dash = style
            .dash
            .map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
        let _ = write!(
            out,
            r#"<path class="line" d="{d}" fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{dash}/>"#,
            style.colour
        );
    }
    for p in runs.iter().flatten().filter(|p| p.beyond != 0) {
        // A small arrow just beyond the edge, pointing off the chart.
        let dir = f64::from(p.beyond);
        let (root, tip) = (p.y - dir * 6.0, p.y - dir * 12.0);
        let _ = write!(
            out,
            r#"<path class="beyond" d="M{x} {}L{x} {}M{} {}L{x} {}L{} {}" fill="none" stroke="{}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>"#,
            Num(root),
            Num(tip),
            Num(p.x - 3.5),
            Num(tip + dir * 3.5),
            Num(tip),
            Num(p.x + 3.5),
            Num(tip + dir * 3.5),
            style.colour,
            x = Num(p.x),
        );
    }
    for p in runs.iter().flatten() {
        marker(out, style.marker, style.colour, p.x, p.y);
        // The marker's hover and touch target, larger than what is drawn.
        let _ = write!(
            out,
            r##"<circle class="point" cx="{}" cy="{}" r="9" fill="#ffffff" fill-opacity="0"><title>{}</title></circle>"##,
            Num(p.x),
            Num(p.y),
            escape(&p.title)
        );
    }
    out.push_str("</g>");
}

/// Horizontal bars as one SVG element.
pub fn bar_chart(c: &BarChart) -> String {
    let decimals = usize::from(c.decimals.min(6));
    let value = |b: &Bar| b.value.filter(|v| v.is_finite());
    let texts: Vec<String> = c
        .bars
        .iter()
        .map(|b| value(b).map_or("—".to_string(), |v| number(v, decimals, &c.locale)))
        .collect();
    let any_suppressed = c.bars.iter().any(|b| value(b).is_none());
    let label_fit = ((WIDTH * 0.42 / (FONT * 0.62)).floor() as usize).max(1);
    let labels: Vec<String> = c
        .bars
        .iter()
        .map(|b| truncate(&b.label, label_fit))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| text_width(l, FONT))
        .fold(0.0, f64::max);
    let value_width = texts
        .iter()
        .map(|t| text_width(t, FONT))
        .fold(0.0, f64::max);
    let bar_left = 8.0 + label_width + 10.0;
    let bar_room = (WIDTH - 8.0 - value_width - 8.0 - bar_left).max(20.0);
    let top = 10.0;
    let bars_height = if c.bars.is_empty() {
        80.0
    } else {
        c.bars.len() as f64 * BAR_ROW
    };
    let note = if any_suppressed {
        wrap(
            &format!("— {}", c.suppressed_note.trim()),
            SMALL,
            WIDTH - 16.0,
            4,
        )
    } else {
        Vec::new()
    };
    let height = top + bars_height + 10.0 + note.len() as f64 * SMALL * 1.4 + 4.0;
    let desc = if any_suppressed && !c.suppressed_note.trim().is_empty() {
        format!("{} {}", c.desc.trim(), c.suppressed_note.trim())
            .trim()
            .to_string()
    } else {
        c.desc.clone()
    };
    let mut out = String::with_capacity(1024 + c.bars.len() * 400);
    open_svg(&mut out, height, "chart bar-chart", &c.title, &desc);
    if c.bars.is_empty() {
        centred_text(&mut out, &c.no_data, WIDTH / 2.0, top + 40.0, WIDTH - 32.0);
        out.push_str("</svg>");
        return out;
    }
    let max = c
        .bars
        .iter()
        .filter_map(value)
        .fold(0.0, f64::max)
        .min(1e15);
    let scale = if max > 0.0 { bar_room / max } else { 0.0 };
    let colour = SERIES_STYLES[0].colour;
    for (i, ((bar, label), text)) in c.bars.iter().zip(&labels).zip(&texts).enumerate() {
        let y = top + i as f64 * BAR_ROW;
        let mid = y + BAR_ROW / 2.0;
        let title = format!("{}: {}", bar.label.trim(), text);
        let _ = write!(
            out,
            r#"<g class="bar{}"><title>{}</title><text x="{}" y="{}" font-size="{}" text-anchor="end" fill="{INK}">{}</text>"#,
            if value(bar).is_none() {
                " suppressed"
            } else {
                ""
            },
            escape(&title),
            Num(bar_left - 10.0),
            Num(mid + FONT * 0.35),
            Num(FONT),
            escape(label)
        );
        let w = value(bar).map_or(0.0, |v| (v.max(0.0) * scale).min(bar_room));
        if w > 0.0 {
            let _ = write!(
                out,
                r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{colour}"/>"#,
                Num(bar_left),
                Num(mid - BAR_HEIGHT / 2.0),
                Num(w),
                Num(BAR_HEIGHT)
            );
        }
        let _ = write!(
            out,
            r#"<text class="value" x="{}" y="{}" font-size="{}" fill="{INK}">{}</text></g>"#,
            Num(bar_left + w + 6.0),
            Num(mid + FONT * 0.35),
            Num(FONT),
            escape(text)
        );
    }
    let _ = write!(
        out,
        r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{AXIS}"/>"#,
        Num(top),
        Num(top + bars_height),
        x = Num(bar_left),
    );
    for (i, line) in note.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text class="note" x="8" y="{}" font-size="{}" fill="{MUTED}">{}</text>"#,
            Num(top + bars_height + 10.0 + (i as f64 + 0.75) * SMALL * 1.4),
            Num(SMALL),
            escape(line)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn point(x: NaiveDate, y: Option<f64>) -> Point {
        Point {
            x,
            y,
            label: String::new(),
        }
    }

    fn series(name: &str, style: usize, points: Vec<Point>) -> Series {
        Series {
            name: name.into(),
            points,
            style,
        }
    }

    fn chart(series: Vec<Series>) -> LineChart {
        let mut c = LineChart::new("Network size", 0.0, 10.0);
        c.desc = "From 4 to 9 people.".into();
        c.y_label = "People".into();
        c.series = series;
        c
    }

    fn parse(svg: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"))
    }

    fn num_attr(node: roxmltree::Node<'_, '_>, name: &str) -> f64 {
        node.attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no numeric {name} on {node:?}"))
    }

    /// The hover targets of all markers, in document order.
    fn points<'a>(doc: &'a roxmltree::Document<'a>) -> Vec<roxmltree::Node<'a, 'a>> {
        doc.descendants()
            .filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("point"))
            .collect()
    }

    fn classed<'a>(doc: &'a roxmltree::Document<'a>, tag: &str, class: &str) -> usize {
        doc.descendants()
            .filter(|n| n.has_tag_name(tag) && n.attribute("class") == Some(class))
            .count()
    }

    #[test]
    fn a_line_chart_is_an_accessible_svg_image() {
        let start = date(2026, 1, 5);
        let c = chart(vec![series(
            "Everyone",
            0,
            (0..5)
                .map(|i| Point {
                    x: start + chrono::Days::new(i * 30),
                    y: Some(4.0 + i as f64),
                    label: format!("Measurement {i}"),
                })
                .collect(),
        )]);
        let svg = line_chart(&c);
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(root.attribute("viewBox").is_some());
        let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
        assert_eq!(children[0].tag_name().name(), "title");
        assert_eq!(children[0].text(), Some("Network size"));
        assert_eq!(children[1].tag_name().name(), "desc");
        assert_eq!(children[1].text(), Some("From 4 to 9 people."));
        let markers = points(&doc);
        assert_eq!(markers.len(), 5);
        for (i, m) in markers.iter().enumerate() {
            let title = m.children().find(|n| n.has_tag_name("title"));
            assert_eq!(
                title.and_then(|t| t.text()),
                Some(format!("Measurement {i}").as_str())
            );
        }
        // The legend names the series.
        assert!(doc.descendants().any(|n| n.text() == Some("Everyone")));
        assert!(svg.contains(">People<"));
        // No ids, so several charts can share a page.
        assert!(!svg.contains(" id="));
    }

    #[test]
    fn x_positions_follow_the_dates_not_the_index() {
        let start = date(2025, 12, 20);
        let days = [0u64, 3, 40, 41, 200, 365];
        let c = chart(vec![series(
            "s",
            0,
            days.iter()
                .map(|&d| point(start + chrono::Days::new(d), Some(5.0)))
                .collect(),
        )]);
        let svg = line_chart(&c);
        let doc = parse(&svg);
        let xs: Vec<f64> = points(&doc).iter().map(|n| num_attr(*n, "cx")).collect();
        assert_eq!(xs.len(), days.len());
        let width = xs[xs.len() - 1] - xs[0];
        assert!(width > 300.0, "the plot is used: {width}");
        for (x, d) in xs.iter().zip(days) {
            let expected = xs[0] + width * d as f64 / 365.0;
            assert!((x - expected).abs() <= 0.1, "{x} vs {expected}");
        }
    }

    #[test]
    fn ticks_are_nice_and_cover_the_range() {
        let cases: [(f64, f64, &[f64]); 6] = [
            (0.0, 10.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            (1.0, 10.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]),
            (1.0, 3.0, &[1.0, 1.5, 2.0, 2.5, 3.0]),
            (0.0, 12.0, &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]),
            (0.0, 1.0, &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
            (0.0, 100.0, &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]),
        ];
        for (lo, hi, expected) in cases {
            assert_eq!(nice_ticks(lo, hi, 7).values, expected, "{lo}..{hi}");
        }
        let t = nice_ticks(0.0, 1.0, 7);
        let texts: Vec<String> = t
            .values
            .iter()
            .map(|&v| {
                number(
                    v,
                    t.decimals,
                    &ChartLocale {
                        decimal_comma: true,
                        ..ChartLocale::default()
                    },
                )
            })
            .collect();
        assert_eq!(texts, ["0,0", "0,2", "0,4", "0,6", "0,8", "1,0"]);
        assert_eq!(number(-0.01, 1, &ChartLocale::default()), "0.0");
    }

    fn is_nice(step: f64) -> bool {
        let base = 10f64.powf(step.log10().floor());
        [1.0, 2.0, 5.0, 10.0]
            .iter()
            .any(|f| (step / base - f).abs() < 1e-6)
    }

    proptest! {
        #[test]
        fn ticks_always_nice(lo in -1e6f64..1e6, span in 1e-6f64..1e6, max in 1usize..12) {
            let hi = lo + span;
            let t = nice_ticks(lo, hi, max);
            prop_assert!(is_nice(t.step), "step {}", t.step);
            prop_assert!(t.values.len() >= 2 && t.values.len() <= max + 1);
            prop_assert!(t.lo <= lo + t.step * 1e-6 && t.hi >= hi - t.step * 1e-6);
            for w in t.values.windows(2) {
                prop_assert!(((w[1] - w[0]) - t.step).abs() <= t.step * 1e-6);
            }
        }
    }

    #[test]
    fn gaps_break_the_line_and_single_points_are_markers_alone() {
        let start = date(2026, 1, 1);
        let at = |d: u64| start + chrono::Days::new(d);
        let c = chart(vec![
            series(
                "gappy",
                0,
                vec![
                    point(at(0), Some(1.0)),
                    point(at(10), Some(2.0)),
                    point(at(20), None),
                    point(at(30), Some(3.0)),
                    point(at(40), Some(4.0)),
                    point(at(50), Some(f64::NAN)),
                    point(at(60), Some(5.0)),
                    point(at(70), Some(f64::INFINITY)),
                ],
            ),
            series("single", 1, vec![point(at(35), Some(7.0))]),
        ]);
        let svg = line_chart(&c);
        let doc = parse(&svg);
        let groups: Vec<_> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("series"))
            .collect();
        assert_eq!(groups.len(), 2);
        let lines: Vec<_> = groups[0]
            .descendants()
            .filter(|n| n.attribute("class") == Some("line"))
            .collect();
        assert_eq!(lines.len(), 1);
        let d = lines[0].attribute("d").unwrap_or_default();
        assert_eq!(d.matches('M').count(), 2, "{d}");
        assert_eq!(d.matches('L').count(), 2, "{d}");
        assert_eq!(
            groups[0]
                .descendants()
                .filter(|n| n.attribute("class") == Some("point"))
                .count(),
            5
        );
        assert!(
            !groups[1]
                .descendants()
                .any(|n| n.attribute("class") == Some("line"))
        );
        assert_eq!(
            groups[1]
                .descendants()
                .filter(|n| n.attribute("class") == Some("point"))
                .count(),
            1
        );
    }

    #[test]
    fn values_beyond_the_axis_sit_on_its_edge_with_an_arrow() {
        let start = date(2026, 1, 1);
        let c = chart(vec![series(
            "s",
            0,
            vec![
                point(start, Some(5.0)),
                point(start + chrono::Days::new(10), Some(25.0)),
                point(start + chrono::Days::new(20), Some(-3.0)),
            ],
        )]);
        let svg = line_chart(&c);
        let doc = parse(&svg);
        let ys: Vec<f64> = points(&doc).iter().map(|n| num_attr(*n, "cy")).collect();
        assert_eq!(ys.len(), 3, "nothing dropped");
        assert_eq!(ys[1], PLOT_TOP);
        assert_eq!(ys[2], PLOT_TOP + PLOT_HEIGHT);
        assert_eq!(classed(&doc, "path", "beyond"), 2);
    }

    #[test]
    fn no_values_draws_an_empty_chart_with_the_callers_text() {
        let mut c = chart(vec![]);
        c.no_data = "Nog geen metingen".into();
        for series_list in [
            vec![],
            vec![series("only gaps", 0, vec![point(date(2026, 1, 1), None)])],
        ] {
            c.series = series_list;
            let svg = line_chart(&c);
            let doc = parse(&svg);
            assert_eq!(classed(&doc, "text", "no-data"), 1);
            assert!(svg.contains("Nog geen metingen"));
            assert!(points(&doc).is_empty());
        }
    }

    #[test]
    fn every_text_is_escaped() {
        let evil = r#"<script>alert("x")</script> & 'quotes'"#;
        let mut c = chart(vec![series(
            evil,
            0,
            vec![Point {
                x: date(2026, 5, 12),
                y: Some(3.0),
                label: evil.into(),
            }],
        )]);
        c.title = evil.into();
        c.desc = evil.into();
        c.y_label = evil.into();
        c.locale.months = std::array::from_fn(|_| evil.to_string());
        let svg = line_chart(&c);
        assert!(!svg.contains("<script"), "{svg}");
        let doc = parse(&svg);
        assert_eq!(
            doc.root_element()
                .first_element_child()
                .and_then(|t| t.text()),
            Some(evil)
        );
        let mut b = BarChart::new(evil);
        b.desc = evil.into();
        b.suppressed_note = evil.into();
        b.bars = vec![
            Bar {
                label: evil.into(),
                value: None,
            },
            Bar {
                label: evil.into(),
                value: Some(3.0),
            },
        ];
        let svg = bar_chart(&b);
        assert!(!svg.contains("<script"), "{svg}");
        parse(&svg);
        c.series.clear();
        c.no_data = evil.into();
        let svg = line_chart(&c);
        assert!(!svg.contains("<script"), "{svg}");
        parse(&svg);
    }

    #[test]
    fn the_same_chart_gives_the_same_bytes_whatever_the_point_order() {
        let start = date(2025, 6, 1);
        let pts: Vec<Point> = (0..24)
            .map(|i| {
                point(
                    start + chrono::Days::new(i * 17),
                    Some((i % 7) as f64 + 0.25),
                )
            })
            .collect();
        let mut shuffled = pts.clone();
        shuffled.reverse();
        shuffled.swap(3, 17);
        let a = line_chart(&chart(vec![series("s", 0, pts)]));
        let b = line_chart(&chart(vec![series("s", 0, shuffled)]));
        assert_eq!(a, b);
        assert_eq!(
            a,
            line_chart(&chart(vec![series("s", 0, {
                (0..24)
                    .map(|i| {
                        point(
                            start + chrono::Days::new(i * 17),
                            Some((i % 7) as f64 + 0.25),
                        )
                    })
                    .collect()
            })]))
        );
    }

    #[test]
    fn date_labels_never_overlap() {
        let start = date(2024, 2, 27);
        for span in [
            0u64, 1, 2, 5, 9, 20, 45, 100, 200, 400, 800, 2000, 4000, 12000, 400_000,
        ] {
            let end = start + chrono::Days::new(span);
            let scale = TimeScale {
                start,
                days: span as f64,
                x0: 50.0,
                x1: PLOT_RIGHT - INSET,
            };
            let labels = date_labels(&scale, end, &ChartLocale::default());
            assert!(!labels.is_empty(), "span {span}");
            assert!(labels_fit(&labels), "span {span}: {labels:?}");
            for l in &labels {
                let (left, right) = label_extent(l);
                assert!(left >= 0.0 && right <= WIDTH, "span {span}: {l:?}");
                assert!(l.x >= scale.x0 - 0.01 && l.x <= scale.x1 + 0.01, "{l:?}");
            }
            if span >= 20 {
                assert!(labels.len() >= 3, "span {span}: {labels:?}");
            }
        }
    }

    #[test]
    fn date_ticks_fall_on_calendar_boundaries() {
        let ticks = date_ticks(DateStep::Days(7), date(2026, 5, 12), date(2026, 6, 1));
        assert!(ticks.iter().all(|d| d.weekday() == chrono::Weekday::Mon));
        assert_eq!(ticks.first(), Some(&date(2026, 5, 18)));
        let ticks = date_ticks(DateStep::Months(3), date(2025, 2, 2), date(2026, 1, 1));
        assert_eq!(
            ticks,
            [
                date(2025, 4, 1),
                date(2025, 7, 1),
                date(2025, 10, 1),
                date(2026, 1, 1)
            ]
        );
        let ticks = date_ticks(DateStep::Years(5), date(2020, 3, 1), date(2031, 1, 1));
        assert_eq!(ticks, [date(2025, 1, 1), date(2030, 1, 1)]);
        let ticks = date_ticks(DateStep::Years(5), date(2020, 1, 1), date(2024, 1, 1));
        assert_eq!(ticks, [date(2020, 1, 1)]);
    }

    fn contrast_with_white(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0)) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
        1.05 / (l + 0.05)
    }

    #[test]
    fn series_differ_by_more_than_colour() {
        for (i, a) in SERIES_STYLES.iter().enumerate() {
            assert!(
                contrast_with_white(a.colour) >= 3.0,
                "{} has contrast {}",
                a.colour,
                contrast_with_white(a.colour)
            );
            for b in &SERIES_STYLES[i + 1..] {
                assert_ne!(a.colour, b.colour);
                assert_ne!(a.dash, b.dash);
                assert_ne!(a.marker, b.marker);
            }
        }
        assert_eq!(series_style(SERIES_STYLES.len() + 1), SERIES_STYLES[1]);
    }

    #[test]
    fn bars_write_their_values_and_explain_suppressed_ones() {
        let mut b = BarChart::new("Support gaps per type");
        b.desc = "Young people with fewer than two informal providers.".into();
        b.suppressed_note = "Fewer than 10: not shown.".into();
        b.bars = vec![
            Bar {
                label: "Emotional".into(),
                value: Some(34.0),
            },
            Bar {
                label: "Money".into(),
                value: None,
            },
            Bar {
                label: "Advice".into(),
                value: Some(17.0),
            },
        ];
        let svg = bar_chart(&b);
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let desc = root
            .children()
            .find(|n| n.has_tag_name("desc"))
            .and_then(|n| n.text());
        assert_eq!(
            desc,
            Some("Young people with fewer than two informal providers. Fewer than 10: not shown.")
        );
        let values: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("value"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(values, ["34", "—", "17"]);
        let rects: Vec<f64> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.parent().is_some_and(|p| p.has_tag_name("g")))
            .map(|n| num_attr(n, "width"))
            .collect();
        assert_eq!(rects.len(), 2, "no bar for a suppressed value");
        assert!((rects[0] / rects[1] - 2.0).abs() < 0.01);
        assert_eq!(classed(&doc, "g", "bar suppressed"), 1);
        assert_eq!(classed(&doc, "text", "note"), 1);

        // Nothing suppressed: no note, the caller's description as given.
        b.bars.remove(1);
        let svg = bar_chart(&b);
        let doc = parse(&svg);
        assert_eq!(classed(&doc, "text", "note"), 0);
        assert!(!svg.contains("Fewer than 10"));

        b.bars.clear();
        b.no_data = "Nothing yet".into();
        let svg = bar_chart(&b);
        assert!(
            parse(&svg)
                .descendants()
                .any(|n| n.text() == Some("Nothing yet"))
        );
    }

    fn any_value() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            Just(Some(f64::NAN)),
            Just(Some(f64::INFINITY)),
            Just(Some(f64::NEG_INFINITY)),
            (-20.0f64..20.0).prop_map(Some),
            any::<f64>().prop_map(Some),
        ]
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        prop_oneof![(700_000i32..750_000), (-95_000_000i32..95_000_000),]
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap_or_default())
    }

    fn any_point() -> impl Strategy<Value = Point> {
        (any_date(), any_value(), any::<String>()).prop_map(|(x, y, label)| Point { x, y, label })
    }

    fn any_series() -> impl Strategy<Value = Series> {
        (
            any::<String>(),
            proptest::collection::vec(any_point(), 0..12),
            any::<usize>(),
        )
            .prop_map(|(name, points, style)| Series {
                name,
                points,
                style,
            })
    }

    proptest! {
        #[test]
        fn any_line_chart_is_well_formed_xml(
            title in any::<String>(),
            desc in any::<String>(),
            y_label in any::<String>(),
            y_min in any_value(),
            y_max in any_value(),
            series in proptest::collection::vec(any_series(), 0..5),
            no_data in any::<String>(),
            comma in any::<bool>(),
            month in any::<String>(),
        ) {
            let c = LineChart {
                title,
                desc,
                y_label,
                y_min: y_min.unwrap_or(f64::NAN),
                y_max: y_max.unwrap_or(f64::NAN),
                series,
                no_data,
                locale: ChartLocale {
                    months: std::array::from_fn(|i| format!("{month}{i}")),
                    decimal_comma: comma,
                },
            };
            let svg = line_chart(&c);
            prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{}", svg);
            prop_assert_eq!(svg, line_chart(&c));
        }

        #[test]
        fn any_bar_chart_is_well_formed_xml(
            title in any::<String>(),
            note in any::<String>(),
            bars in proptest::collection::vec((any::<String>(), any_value()), 0..10),
            decimals in any::<u8>(),
        ) {
            let mut c = BarChart::new(title);
            c.suppressed_note = note;
            c.decimals = decimals;
            c.bars = bars.into_iter().map(|(label, value)| Bar { label, value }).collect();
            let svg = bar_chart(&c);
            prop_assert!(roxmltree::Document::parse(&svg).is_ok(), "{}", svg);
        }
    }
}
