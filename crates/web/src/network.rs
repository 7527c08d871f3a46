//! The network of a case as the pages and the API show it: the map with translated labels, the
//! indicators in plain words.

use crate::i18n::Tr;
use fluent_bundle::FluentValue;
use steunkring_domain::network::{
    ContactFrequency, Direction, Indicators, KnownYears, Level, MemberRole, NetworkMember, Sector,
    SentenceArg, Stance, SupportType, Tie, TieKind, TieQuality, describe,
};
use steunkring_netmap::{MapInput, MapLabels, MapView};

/// Which picture of the network to draw.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewName {
    #[default]
    Circle,
    Quadrant,
    Levels,
}

/// How the map is drawn: view and filters, from the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Deserialize)]
pub struct MapOptions {
    #[serde(default)]
    pub view: ViewName,
    /// Initials instead of names, for case discussions and screen sharing.
    #[serde(default)]
    pub pseudonymise: bool,
    #[serde(default)]
    pub without_professionals: bool,
    #[serde(default)]
    pub hide_rejected: bool,
}

fn key(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

pub fn sector_name(tr: &Tr, s: Sector) -> String {
    tr.t(&key("sector", s.as_str()))
}
pub fn level_name(tr: &Tr, l: Level) -> String {
    tr.t(&key("level", l.as_str()))
}
pub fn support_name(tr: &Tr, s: SupportType) -> String {
    tr.t(&key("support", s.as_str()))
}
pub fn direction_name(tr: &Tr, d: Direction) -> String {
    tr.t(&key("direction", d.as_str()))
}
pub fn tie_kind_name(tr: &Tr, k: TieKind) -> String {
    tr.t(&key("tie", k.as_str()))
}
pub fn tie_quality_name(tr: &Tr, q: TieQuality) -> String {
    tr.t(&key("tie", q.as_str()))
}
pub fn stance_name(tr: &Tr, s: Stance) -> String {
    tr.t(&key("stance", s.as_str()))
}
pub fn member_role_name(tr: &Tr, r: MemberRole) -> String {
    tr.t(&key("member-role", r.as_str()))
}
pub fn known_name(tr: &Tr, k: KnownYears) -> String {
    tr.t(&key("known", k.as_str()))
}
pub fn contact_name(tr: &Tr, c: ContactFrequency) -> String {
    tr.t(&key("contact", c.as_str()))
}

/// The map's words in the page's language.
pub fn map_labels(tr: &Tr, title: String, description: String) -> MapLabels {
    MapLabels {
        title,
        description,
        informal: tr.t("map-informal"),
        formal: tr.t("map-formal"),
        rejected: tr.t("map-rejected"),
        near: tr.t("map-near"),
        far: tr.t("map-far"),
        level_unknown: tr.t("map-level-unknown"),
        support: SupportType::ALL
            .into_iter()
            .map(|s| (s, support_name(tr, s)))
            .collect(),
        ties: TieKind::ALL
            .into_iter()
            .map(|k| (k, tie_kind_name(tr, k)))
            .collect(),
        levels: Level::ALL
            .into_iter()
            .map(|l| (l, level_name(tr, l)))
            .collect(),
    }
}

/// The input for the SVG map of a case. `href_base` is the case's path, or `None` for a map
/// without links (a download).
pub fn map_input(
    tr: &Tr,
    youth_name: &str,
    members: &[NetworkMember],
    ties: &[Tie],
    options: &MapOptions,
    href_base: Option<&str>,
) -> MapInput {
    let shown_name = if options.pseudonymise {
        tr.t("map-youth")
    } else {
        youth_name.to_string()
    };
    let title = tr.t1("map-title", "name", &shown_name);
    let mut input = MapInput::new(youth_name, members.to_vec(), ties.to_vec());
    input.view = match options.view {
        ViewName::Circle => MapView::Circle,
        ViewName::Quadrant => MapView::Quadrant,
        ViewName::Levels => MapView::Levels,
    };
    input.pseudonymise = options.pseudonymise;
    input.hide_rejected = options.hide_rejected;
    input.href_template = href_base.map(|base| format!("{base}/members/{{id}}"));
    input.sectors = Sector::ALL
        .into_iter()
        .map(|s| (s, sector_name(tr, s)))
        .collect();
    input.labels = map_labels(tr, title, tr.t("map-description"));
    if options.without_professionals {
        input = input.without_professionals();
    }
    input
}

/// The indicators in plain sentences.
pub fn sentences(tr: &Tr, indicators: &Indicators) -> Vec<String> {
    describe(indicators)
        .into_iter()
        .map(|s| {
            let args: Vec<(&str, FluentValue<'_>)> = s
                .args
                .iter()
                .map(|(name, value)| {
                    let v = match value {
                        SentenceArg::Number(n) => FluentValue::from(*n),
                        SentenceArg::Text(t) => FluentValue::from(t.clone()),
                    };
                    (*name, v)
                })
                .collect();
            tr.message(s.key, &args)
        })
        .collect()
}

/// Column names of the CSV exports in the page's language (values stay codes).
pub fn csv_header(tr: &Tr) -> steunkring_export::CsvHeader {
    let mut h = steunkring_export::CsvHeader::english();
    h.id = tr.t("csv-id");
    h.name = tr.t("member-field-name");
    h.relation = tr.t("member-field-relation");
    h.ring = tr.t("member-field-ring");
    h.sector = tr.t("member-field-sector");
    h.level = tr.t("member-field-level");
    h.informal = tr.t("map-informal");
    h.tie_quality = tr.t("member-field-tie-quality");
    h.stance = tr.t("member-field-stance");
    h.roles = tr.t("member-field-roles");
    for (i, kind) in SupportType::ALL.into_iter().enumerate() {
        if let Some(slot) = h.support.get_mut(i) {
            *slot = format!(
                "{}: {}",
                tr.t("member-field-support"),
                support_name(tr, kind)
            );
        }
    }
    h.protective = tr.t("member-field-protective");
    h.risk = tr.t("member-field-risk");
    h.available = tr.t("member-field-available");
    h.is_adult = tr.t("member-field-is-adult");
    h.known_years = tr.t("member-field-known-years");
    h.contact_frequency = tr.t("member-field-contact-frequency");
    h.tie_from = tr.t("member-field-from");
    h.tie_from_name = format!(
        "{} ({})",
        tr.t("member-field-from"),
        tr.t("member-field-name")
    );
    h.tie_to = tr.t("member-field-to");
    h.tie_to_name = format!(
        "{} ({})",
        tr.t("member-field-to"),
        tr.t("member-field-name")
    );
    h.tie_kind = tr.t("member-field-kind");
    h
}
