//! The pseudonymised research dataset as a download, shared by the API
//! (`/api/v1/exports/research`) and the analysts' page (`/exports/research`).
//!
//! Only analysts may download it (`OrgAction::ExportResearch`). Each download draws a fresh
//! random key for the codes and forgets it, so codes are stable within one file and two files
//! cannot be joined. Only cases whose consent covers research on the day are read
//! (`consent::research_scope`, decided by the store), and the read is audited as one entry for
//! the organisation with the number of cases.

use crate::error::ApiError;
use crate::i18n::{Lang, Tr};
use crate::state::AppState;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use steunkring_domain::Actor;
use steunkring_domain::audit::{AuditAction, AuditEvent, Outcome};
use steunkring_domain::consent::dutch_date;
use steunkring_domain::network::Indicators;
use steunkring_domain::policy::{OrgAction, permits_in_org};
use steunkring_export::{
    CodebookLabels, ResearchCase, codebook_csv, research_columns, research_csv, research_table,
    research_xlsx,
};
use steunkring_store::{OrgScope, ResearchRow};

/// What to download: the dataset as CSV or as a workbook with its codebook, or the codebook
/// alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResearchFormat {
    Csv,
    Xlsx,
    Codebook,
}

impl ResearchFormat {
    pub const ALL: [ResearchFormat; 3] = [
        ResearchFormat::Csv,
        ResearchFormat::Xlsx,
        ResearchFormat::Codebook,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResearchFormat::Csv => "csv",
            ResearchFormat::Xlsx => "xlsx",
            ResearchFormat::Codebook => "codebook",
        }
    }

    /// The format for its name; no name means CSV.
    pub fn parse(raw: Option<&str>) -> Option<ResearchFormat> {
        match raw.map(str::trim) {
            None | Some("") => Some(ResearchFormat::Csv),
            Some(raw) => ResearchFormat::ALL.into_iter().find(|f| f.as_str() == raw),
        }
    }
}

/// The locale key with the meaning of a column.
fn column_key(name: &str) -> String {
    format!("research-col-{}", name.replace('_', "-"))
}

/// The codebook's headings (in the reader's language) and every column's meaning in Dutch and
/// English, from the locale files.
pub fn codebook_labels(lang: Lang) -> CodebookLabels {
    let tr = Tr::new(lang);
    let (nl, en) = (Tr::new(Lang::Nl), Tr::new(Lang::En));
    let columns = research_columns();
    CodebookLabels {
        headings: [
            "research-codebook-column",
            "research-codebook-type",
            "research-codebook-values",
            "research-codebook-unit",
            "research-codebook-meaning-nl",
            "research-codebook-meaning-en",
        ]
        .map(|k| tr.t(k)),
        nl: columns
            .iter()
            .map(|c| (c.name.clone(), nl.t(&column_key(&c.name))))
            .collect(),
        en: columns
            .iter()
            .map(|c| (c.name.clone(), en.t(&column_key(&c.name))))
            .collect(),
    }
}

fn download(body: Vec<u8>, content_type: &str, file: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response()
}

/// The download for `actor`: 403 unless they may export research data.
pub async fn research_download(
    state: &AppState,
    actor: &Actor,
    lang: Lang,
    format: ResearchFormat,
    addr: &str,
) -> Result<Response, ApiError> {
    if !permits_in_org(actor, OrgAction::ExportResearch, &actor.org_id) {
        return Err(ApiError::forbidden(lang));
    }
    let labels = codebook_labels(lang);
    if format == ResearchFormat::Codebook {
        // No case data: nothing to read or audit.
        return Ok(download(
            codebook_csv(&labels).into_bytes(),
            "text/csv; charset=utf-8",
            "steunkring-codeboek.csv",
        ));
    }
    let now = Utc::now();
    let today = dutch_date(now);
    let audit = AuditEvent::new(now, AuditAction::Export, Outcome::Success)
        .by(actor)
        .purpose("research")
        .from_addr(Some(addr.to_string()));
    let rows = state
        .store
        .research_rows(&OrgScope::of(actor), today, audit)
        .await
        .map_err(|e| ApiError::from_store(lang, e))?;
    let indicators: Vec<(Option<Indicators>, Indicators)> = rows
        .iter()
        .map(|r| {
            (
                r.start
                    .as_ref()
                    .map(|n| Indicators::compute(&n.members, &n.ties)),
                Indicators::compute(&r.network.members, &r.network.ties),
            )
        })
        .collect();
    let cases: Vec<ResearchCase<'_>> = rows
        .iter()
        .zip(&indicators)
        .map(|(r, (start, latest))| research_case(r, start.as_ref(), latest))
        .collect();
    // A fresh key for this file only, never stored.
    let key: [u8; 32] = rand::random();
    let table = research_table(&cases, &key, today).map_err(|e| ApiError::internal(lang, &e))?;
    let stamp = today.format("%Y-%m-%d");
    Ok(match format {
        ResearchFormat::Xlsx => download(
            research_xlsx(&table, &labels, now).map_err(|e| ApiError::internal(lang, &e))?,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("steunkring-onderzoek-{stamp}.xlsx"),
        ),
        _ => download(
            research_csv(&table).into_bytes(),
            "text/csv; charset=utf-8",
            &format!("steunkring-onderzoek-{stamp}.csv"),
        ),
    })
}

fn research_case<'a>(
    r: &'a ResearchRow,
    start: Option<&'a Indicators>,
    latest: &'a Indicators,
) -> ResearchCase<'a> {
    ResearchCase {
        case_id: r.case_id.as_str(),
        birth_date: r.birth_date,
        setting: r.setting,
        opened_on: r.opened_on,
        closed_on: r.closed_on,
        team: &r.team,
        indicators_start: start,
        indicators_latest: Some(latest),
        support_figures: r.support_figures,
        members: &r.network.members,
        plan: r.plan.as_ref(),
        outcomes: &r.outcomes,
        support_checks: &r.support_checks,
        screenings: &r.screenings,
        self_reports: &r.self_reports,
        scope: r.scope,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every column has a meaning in both languages, so the codebook never has a blank line.
    #[test]
    fn the_codebook_describes_every_column() {
        for lang in [Lang::Nl, Lang::En] {
            let labels = codebook_labels(lang);
            assert_eq!(labels.missing(), Vec::<String>::new());
            for (name, meaning) in &labels.nl {
                assert_ne!(meaning, &column_key(name), "{name} has a Dutch meaning");
                assert_ne!(Some(meaning), labels.en.get(name), "{name} is translated");
            }
        }
    }

    #[test]
    fn formats() {
        assert_eq!(ResearchFormat::parse(None), Some(ResearchFormat::Csv));
        assert_eq!(ResearchFormat::parse(Some("")), Some(ResearchFormat::Csv));
        for f in ResearchFormat::ALL {
            assert_eq!(ResearchFormat::parse(Some(f.as_str())), Some(f));
        }
        assert_eq!(ResearchFormat::parse(Some("pdf")), None);
        assert_eq!(ResearchFormat::parse(Some("CSV")), None);
    }
}
