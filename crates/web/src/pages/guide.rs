//! The sharing decision guide: for a professional who wants to share information with (or ask
//! it from) a third party, one question at a time, ending in advice and a recorded decision.
//! Every step is a plain GET form, so it works without JavaScript.

use super::cases::{access_error, internal};
use super::network::Opt;
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{case_event, open_case};
use crate::i18n::Tr;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use std::collections::HashMap;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::consent::{dutch_date, required_parties};
use steunkring_domain::ids::CaseId;
use steunkring_domain::policy::CaseAction;
use steunkring_domain::sharing_guide::{
    GuideAnswers, Question, ShareOutcome, advice, legal_duty_hint, next_question,
};
use steunkring_store::{OrgScope, SharingDecision};

fn answers_from(q: &HashMap<String, String>) -> GuideAnswers {
    let mut a = GuideAnswers::default();
    for question in Question::ALL {
        match q.get(question.as_str()).map(String::as_str) {
            Some("yes") => a = a.with(question, true),
            Some("no") => a = a.with(question, false),
            _ => {}
        }
    }
    a
}

fn answers_code(a: &GuideAnswers) -> String {
    Question::ALL
        .iter()
        .filter_map(|q| {
            a.get(*q)
                .map(|v| format!("{}={}", q.as_str(), if v { "yes" } else { "no" }))
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub struct Answered {
    pub code: &'static str,
    pub question: String,
    pub answer: String,
    pub value: &'static str,
}

#[derive(Template)]
#[template(path = "guide.html")]
struct GuidePage {
    shell: Shell,
    title: String,
    case_id: String,
    recipient: String,
    information: String,
    answered: Vec<Answered>,
    question: Option<(&'static str, String, String)>,
    hint: Option<String>,
    who_decides: String,
    outcome: Option<String>,
    advice: String,
    basis: Vec<String>,
    decisions: Vec<Opt>,
    past: Vec<SharingDecision>,
}

/// One step of the guide.
pub async fn page(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let case = match open_case(
        &state,
        &user.actor,
        &CaseId::from_stored(id),
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let scope = OrgScope::of(&user.actor);
    let (sharing, past) = match tokio::try_join!(
        state.store.sharing_state(&scope, &case.id),
        state.store.list_sharing_decisions(&scope, &case.id)
    ) {
        Ok(v) => v,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr: &Tr = &shell.tr;
    let answers = answers_from(&q);
    let answered = Question::ALL
        .iter()
        .filter_map(|question| {
            answers.get(*question).map(|v| Answered {
                code: question.as_str(),
                question: tr.t(question.key()),
                answer: tr.t(if v { "yes" } else { "no" }),
                value: if v { "yes" } else { "no" },
            })
        })
        .collect();
    let next = next_question(&answers);
    let result = advice(&answers);
    let required = required_parties(
        case.birth_date,
        &case.parents,
        sharing.framework,
        dutch_date(Utc::now()),
    );
    let page = GuidePage {
        title: tr.t("guide-title"),
        case_id: case.id.to_string(),
        recipient: q.get("recipient").cloned().unwrap_or_default(),
        information: q.get("information").cloned().unwrap_or_default(),
        answered,
        hint: next
            .filter(|n| *n == Question::LegalDuty)
            .and_then(|_| legal_duty_hint(sharing.framework))
            .map(|k| tr.t(k)),
        question: next.map(|n| (n.as_str(), tr.t(n.key()), tr.t(n.help_key()))),
        who_decides: tr.t(required.rule.key()),
        outcome: result.as_ref().map(|a| tr.t(a.outcome.label_key())),
        advice: result.as_ref().map(|a| tr.t(a.key)).unwrap_or_default(),
        basis: result
            .as_ref()
            .map(|a| a.basis.iter().map(|k| tr.t(k)).collect())
            .unwrap_or_default(),
        decisions: ShareOutcome::ALL
            .iter()
            .map(|o| Opt {
                value: o.as_str().into(),
                label: tr.t(o.label_key()),
                selected: result.as_ref().is_some_and(|a| a.outcome == *o),
            })
            .collect(),
        past,
        shell,
    };
    render(user.lang, &page)
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    information: String,
    #[serde(default)]
    answers: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reasons: String,
}

/// Records what the professional decided, with the guide's advice and their reasons.
pub async fn decide(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<DecisionForm>,
) -> Response {
    let case = match open_case(
        &state,
        &user.actor,
        &CaseId::from_stored(id),
        CaseAction::ManageParticipants,
        &addr,
    )
    .await
    {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let answers: HashMap<String, String> = form
        .answers
        .split(',')
        .filter_map(|pair| {
            pair.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let parsed = answers_from(&answers);
    let (Some(advised), Some(decision)) = (advice(&parsed), ShareOutcome::parse(&form.decision))
    else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "guide-incomplete",
        );
    };
    let text = |raw: &str, max: usize| {
        Some(raw.trim())
            .filter(|t| {
                !t.is_empty()
                    && t.chars().count() <= max
                    && !t.chars().any(|c| c.is_control() && c != '\n' && c != '\r')
            })
            .map(str::to_string)
    };
    let (Some(recipient), Some(information), Some(reasons)) = (
        text(&form.recipient, 200),
        text(&form.information, 2000),
        text(&form.reasons, 2000),
    ) else {
        return error_page(
            user.lang,
            StatusCode::UNPROCESSABLE_ENTITY,
            "guide-fill-all",
        );
    };
    let d = SharingDecision {
        id: steunkring_domain::ids::AuditId::generate().to_string(),
        recipient,
        information,
        answers: answers_code(&parsed),
        advice: advised.outcome.as_str().to_string(),
        decision: decision.as_str().to_string(),
        reasons,
        decided_by: Some(user.actor.user_id.clone()),
        decided_at: Utc::now(),
    };
    match state
        .store
        .record_sharing_decision(
            &OrgScope::of(&user.actor),
            &case.id,
            &d,
            case_event(&user.actor, AuditAction::Create, &case.id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{}/sharing/guide#besluiten", case.id)),
        Err(e) => internal(user.lang, &e),
    }
    .into_response()
}
