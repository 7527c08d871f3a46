use super::*;
use crate::fixtures::{self, CONTROL_RELATION_CLEAN, HOSTILE_NAME};
use chrono::TimeZone;
use proptest::prelude::*;
use std::collections::BTreeMap;
use steunkring_domain::consent::{Category, Given, Withdrawal};
use steunkring_domain::measure::{
    Closeness, MemberAnswer, Rating, Respondent, SupportCheck, SupportScores,
};
use steunkring_domain::network::{ContactFrequency, Direction, KnownYears, Tie};
use steunkring_domain::plan::{Action, Goal, ProgressNote, SafetySection};

// ---------------------------------------------------------------------------------------------
// A validator for the parts of FHIR R4 this export uses, written from the specification and
// independent of the code under test.
// ---------------------------------------------------------------------------------------------

/// How often an element may occur: exactly once, at most once, or as a list (JSON array).
#[derive(Clone, Copy)]
enum Card {
    /// 1..1: present, not an array.
    One,
    /// 0..1: not an array when present.
    Opt,
    /// 0..*: an array when present.
    Many,
    /// 1..*: a non-empty array.
    Some,
}

fn is_uuid(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    parts.iter().map(|p| p.len()).eq([8, 4, 4, 4, 12])
        && text
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
}

fn is_date(text: &str) -> bool {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
}

fn is_date_time(text: &str) -> bool {
    is_date(text) || DateTime::parse_from_rfc3339(text).is_ok()
}

/// Every JSON rule FHIR has for any element: no null, no empty string, array or object, and no
/// control characters but tab, CR and LF (XML renderings cannot carry them).
fn check_json(value: &Value, path: &str, problems: &mut Vec<String>) {
    match value {
        Value::Null => problems.push(format!("{path}: null")),
        Value::String(text) => {
            if text.trim().is_empty() {
                problems.push(format!("{path}: empty string"));
            }
            if text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
            {
                problems.push(format!("{path}: control character"));
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                problems.push(format!("{path}: empty array"));
            }
            for (i, item) in items.iter().enumerate() {
                check_json(item, &format!("{path}[{i}]"), problems);
            }
        }
        Value::Object(fields) => {
            if fields.is_empty() {
                problems.push(format!("{path}: empty object"));
            }
            for (key, field) in fields {
                check_json(field, &format!("{path}.{key}"), problems);
            }
        }
        Value::Bool(_) | Value::Number(_) => {}
    }
}

fn card(resource: &Value, path: &str, field: &str, card: Card, problems: &mut Vec<String>) {
    let value = resource.get(field);
    let ok = match (card, value) {
        (Card::One, Some(v)) => !v.is_array(),
        (Card::One, None) => false,
        (Card::Opt, Some(v)) => !v.is_array(),
        (Card::Many, Some(v)) => v.is_array(),
        (Card::Some, Some(v)) => v.as_array().is_some_and(|a| !a.is_empty()),
        (Card::Some, None) => false,
        (_, None) => true,
    };
    if !ok {
        problems.push(format!("{path}.{field}: wrong cardinality"));
    }
}

fn code_in(
    resource: &Value,
    path: &str,
    field: &str,
    allowed: &[&str],
    problems: &mut Vec<String>,
) {
    match resource.get(field).and_then(Value::as_str) {
        Some(code) if allowed.contains(&code) => {}
        other => problems.push(format!("{path}.{field}: {other:?} not in {allowed:?}")),
    }
}

fn items(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// Every `reference` anywhere below `value`, with its path.
fn references(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                if key == "reference" {
                    if let Some(text) = field.as_str() {
                        out.push((path.to_string(), text.to_string()));
                    }
                } else {
                    references(field, &format!("{path}.{key}"), out);
                }
            }
        }
        Value::Array(list) => {
            for (i, item) in list.iter().enumerate() {
                references(item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The type of the resource a reference at `value` points at.
fn target<'a>(value: Option<&Value>, types: &'a HashMap<String, String>) -> Option<&'a str> {
    let url = value?.get("reference")?.as_str()?;
    types.get(url).map(String::as_str)
}

fn check_items(list: &[Value], path: &str, problems: &mut Vec<String>) {
    for (i, item) in list.iter().enumerate() {
        let path = format!("{path}[{i}]");
        card(item, &path, "linkId", Card::One, problems);
        card(item, &path, "item", Card::Many, problems);
        card(item, &path, "answer", Card::Many, problems);
        for answer in items(item.get("answer")) {
            let values = answer
                .as_object()
                .map_or(0, |o| o.keys().filter(|k| k.starts_with("value")).count());
            if values != 1 {
                problems.push(format!("{path}.answer: {values} values"));
            }
        }
        check_items(items(item.get("item")), &path, problems);
    }
}

/// The bundle's problems, empty when it is valid for what this export uses.
fn validate(bundle: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    check_json(bundle, "Bundle", &mut problems);
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        problems.push("not a Bundle".into());
    }
    code_in(bundle, "Bundle", "type", &["collection"], &mut problems);
    card(bundle, "Bundle", "entry", Card::Many, &mut problems);
    if bundle
        .get("timestamp")
        .and_then(Value::as_str)
        .is_none_or(|t| DateTime::parse_from_rfc3339(t).is_err())
    {
        problems.push("Bundle.timestamp is not an instant".into());
    }

    let entries = items(bundle.get("entry"));
    let mut types: HashMap<String, String> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let path = format!("Bundle.entry[{i}]");
        card(entry, &path, "fullUrl", Card::One, &mut problems);
        card(entry, &path, "resource", Card::One, &mut problems);
        let url = entry.get("fullUrl").and_then(Value::as_str).unwrap_or("");
        let kind = entry
            .pointer("/resource/resourceType")
            .and_then(Value::as_str)
            .unwrap_or("");
        match url.strip_prefix("urn:uuid:") {
            Some(id) if is_uuid(id) => {
                if entry.pointer("/resource/id").and_then(Value::as_str) != Some(id) {
                    problems.push(format!("{path}: id differs from fullUrl"));
                }
            }
            _ => problems.push(format!("{path}: fullUrl {url:?} is not a urn:uuid")),
        }
        if kind.is_empty() {
            problems.push(format!("{path}: no resourceType"));
        }
        // bdl-7: fullUrl unique (no versions here).
        if types.insert(url.to_string(), kind.to_string()).is_some() {
            problems.push(format!("{path}: fullUrl {url} twice"));
        }
    }

    for (i, entry) in entries.iter().enumerate() {
        let Some(r) = entry.get("resource") else {
            continue;
        };
        let kind = r.get("resourceType").and_then(Value::as_str).unwrap_or("");
        let path = format!("Bundle.entry[{i}].resource({kind})");
        let p = &mut problems;
        card(r, &path, "id", Card::Opt, p);
        let patient_at = |field: &str| target(r.get(field), &types) == Some("Patient");
        match kind {
            "Patient" => {
                card(r, &path, "name", Card::Many, p);
                card(r, &path, "identifier", Card::Many, p);
                card(r, &path, "birthDate", Card::Opt, p);
                if let Some(d) = r.get("birthDate").and_then(Value::as_str)
                    && !is_date(d)
                {
                    p.push(format!("{path}.birthDate {d}"));
                }
                if r.get("gender").is_some() {
                    code_in(
                        r,
                        &path,
                        "gender",
                        &["male", "female", "other", "unknown"],
                        p,
                    );
                }
            }
            "Organization" => {
                // org-1: an identifier or a name.
                if r.get("name").is_none() && r.get("identifier").is_none() {
                    p.push(format!("{path}: org-1"));
                }
            }
            "RelatedPerson" => {
                card(r, &path, "patient", Card::One, p);
                card(r, &path, "active", Card::Opt, p);
                card(r, &path, "name", Card::Many, p);
                card(r, &path, "relationship", Card::Many, p);
                if !patient_at("patient") {
                    p.push(format!("{path}.patient is not the Patient"));
                }
            }
            "CareTeam" => {
                card(r, &path, "participant", Card::Many, p);
                card(r, &path, "subject", Card::Opt, p);
                code_in(
                    r,
                    &path,
                    "status",
                    &[
                        "proposed",
                        "active",
                        "suspended",
                        "inactive",
                        "entered-in-error",
                    ],
                    p,
                );
                for (j, part) in items(r.get("participant")).iter().enumerate() {
                    let path = format!("{path}.participant[{j}]");
                    card(part, &path, "role", Card::Many, p);
                    // ctm-1 is about onBehalfOf; zib CareTeam wants a member for every participant.
                    card(part, &path, "member", Card::One, p);
                    if !matches!(
                        target(part.get("member"), &types),
                        Some("RelatedPerson" | "Patient")
                    ) {
                        p.push(format!("{path}.member is not a person in the bundle"));
                    }
                }
            }
            "CarePlan" => {
                code_in(
                    r,
                    &path,
                    "status",
                    &[
                        "draft",
                        "active",
                        "on-hold",
                        "revoked",
                        "completed",
                        "entered-in-error",
                        "unknown",
                    ],
                    p,
                );
                code_in(
                    r,
                    &path,
                    "intent",
                    &["proposal", "plan", "order", "option"],
                    p,
                );
                card(r, &path, "subject", Card::One, p);
                card(r, &path, "goal", Card::Many, p);
                card(r, &path, "activity", Card::Many, p);
                if !patient_at("subject") {
                    p.push(format!("{path}.subject is not the Patient"));
                }
                for goal in items(r.get("goal")) {
                    if target(Some(goal), &types) != Some("Goal") {
                        p.push(format!("{path}.goal is not a Goal"));
                    }
                }
                for (j, activity) in items(r.get("activity")).iter().enumerate() {
                    let path = format!("{path}.activity[{j}]");
                    card(activity, &path, "detail", Card::Opt, p);
                    card(activity, &path, "progress", Card::Many, p);
                    for note in items(activity.get("progress")) {
                        card(note, &path, "text", Card::One, p);
                    }
                    if let Some(detail) = activity.get("detail") {
                        let path = format!("{path}.detail");
                        code_in(
                            detail,
                            &path,
                            "status",
                            &[
                                "not-started",
                                "scheduled",
                                "in-progress",
                                "on-hold",
                                "completed",
                                "cancelled",
                                "stopped",
                                "unknown",
                                "entered-in-error",
                            ],
                            p,
                        );
                        card(detail, &path, "description", Card::Opt, p);
                        card(detail, &path, "performer", Card::Many, p);
                        card(detail, &path, "goal", Card::Many, p);
                        // One scheduled[x] at most.
                        let scheduled = detail.as_object().map_or(0, |o| {
                            o.keys().filter(|k| k.starts_with("scheduled")).count()
                        });
                        if scheduled > 1 {
                            p.push(format!("{path}: more than one scheduled[x]"));
                        }
                        if let Some(end) = detail
                            .pointer("/scheduledPeriod/end")
                            .and_then(Value::as_str)
                            && !is_date_time(end)
                        {
                            p.push(format!("{path}.scheduledPeriod.end {end}"));
                        }
                    }
                }
            }
            "Goal" => {
                code_in(
                    r,
                    &path,
                    "lifecycleStatus",
                    &[
                        "proposed",
                        "planned",
                        "accepted",
                        "active",
                        "on-hold",
                        "completed",
                        "cancelled",
                        "entered-in-error",
                        "rejected",
                    ],
                    p,
                );
                card(r, &path, "description", Card::One, p);
                card(r, &path, "subject", Card::One, p);
                if !patient_at("subject") {
                    p.push(format!("{path}.subject is not the Patient"));
                }
            }
            "Consent" => {
                code_in(
                    r,
                    &path,
                    "status",
                    &[
                        "draft",
                        "proposed",
                        "active",
                        "rejected",
                        "inactive",
                        "entered-in-error",
                    ],
                    p,
                );
                card(r, &path, "scope", Card::One, p);
                card(r, &path, "category", Card::Some, p);
                card(r, &path, "patient", Card::One, p);
                card(r, &path, "performer", Card::Many, p);
                card(r, &path, "organization", Card::Many, p);
                card(r, &path, "provision", Card::Opt, p);
                if !patient_at("patient") {
                    p.push(format!("{path}.patient is not the Patient"));
                }
                // ppc-1: a policy or a policy rule.
                if r.get("policy").is_none() && r.get("policyRule").is_none() {
                    p.push(format!("{path}: ppc-1"));
                }
                if let Some(provision) = r.get("provision") {
                    if provision.get("type").is_some() {
                        code_in(provision, &path, "type", &["deny", "permit"], p);
                    }
                    card(provision, &path, "period", Card::Opt, p);
                    card(provision, &path, "actor", Card::Many, p);
                    card(provision, &path, "class", Card::Many, p);
                    for actor in items(provision.get("actor")) {
                        card(actor, &path, "role", Card::One, p);
                        card(actor, &path, "reference", Card::One, p);
                    }
                }
            }
            "QuestionnaireResponse" => {
                code_in(
                    r,
                    &path,
                    "status",
                    &[
                        "in-progress",
                        "completed",
                        "amended",
                        "entered-in-error",
                        "stopped",
                    ],
                    p,
                );
                card(r, &path, "questionnaire", Card::Opt, p);
                card(r, &path, "subject", Card::Opt, p);
                card(r, &path, "authored", Card::Opt, p);
                card(r, &path, "item", Card::Many, p);
                if let Some(at) = r.get("authored").and_then(Value::as_str)
                    && !is_date_time(at)
                {
                    p.push(format!("{path}.authored {at}"));
                }
                check_items(items(r.get("item")), &path, p);
            }
            "Observation" => {
                code_in(
                    r,
                    &path,
                    "status",
                    &[
                        "registered",
                        "preliminary",
                        "final",
                        "amended",
                        "corrected",
                        "cancelled",
                        "entered-in-error",
                        "unknown",
                    ],
                    p,
                );
                card(r, &path, "code", Card::One, p);
                card(r, &path, "category", Card::Many, p);
                card(r, &path, "subject", Card::Opt, p);
                let values = r
                    .as_object()
                    .map_or(0, |o| o.keys().filter(|k| k.starts_with("value")).count());
                // obs-6: dataAbsentReason only without a value; one value[x] at most.
                let absent = r.get("dataAbsentReason").is_some();
                if values > 1 || (values == 1 && absent) || (values == 0 && !absent) {
                    p.push(format!("{path}: {values} values, absent {absent}"));
                }
            }
            other => p.push(format!("{path}: unexpected resource type {other}")),
        }
    }

    // Every reference resolves inside the bundle.
    let mut refs = Vec::new();
    references(bundle, "Bundle", &mut refs);
    for (path, reference) in refs {
        if !types.contains_key(&reference) {
            problems.push(format!("{path}: {reference} does not resolve"));
        }
    }
    problems
}

fn assert_valid(bundle: &Value) {
    let problems = validate(bundle);
    assert!(
        problems.is_empty(),
        "invalid bundle: {problems:#?}\n{bundle:#}"
    );
}

// ---------------------------------------------------------------------------------------------
// A hand-made case
// ---------------------------------------------------------------------------------------------

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn at(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .unwrap_or(DateTime::UNIX_EPOCH)
}

fn parents() -> Vec<Parent> {
    vec![
        Parent {
            name: "Sanne de Vries".into(),
            gezag: true,
        },
        Parent {
            name: "Karim El Amrani".into(),
            gezag: false,
        },
    ]
}

fn plan() -> Plan {
    let goal = |id: &str, text: &str, holder| Goal {
        id: id.into(),
        text: text.into(),
        holder,
        how_we_know: None,
    };
    let action = |id: &str, what: &str, who, status, due_on, goal_id: Option<&str>| Action {
        id: id.into(),
        what: what.into(),
        who,
        due_on,
        status,
        goal_id: goal_id.map(String::from),
        progress: vec![],
    };
    Plan {
        goals: vec![
            Goal {
                how_we_know: Some("Ik ga elke week.".into()),
                ..goal("g1", "Weer naar voetbal", GoalHolder::Youth)
            },
            goal("g2", "=HYPERLINK(\"x\")", GoalHolder::Parent),
            goal("g1", "dubbel", GoalHolder::Network),
        ],
        actions: vec![
            Action {
                progress: vec![
                    ProgressNote {
                        at: at(2025, 3, 2, 9),
                        by: "Oma".into(),
                        text: Some("Eerste keer geweest".into()),
                        status: ActionStatus::Doing,
                    },
                    ProgressNote {
                        at: at(2025, 3, 3, 9),
                        by: "Oma".into(),
                        text: None,
                        status: ActionStatus::Doing,
                    },
                ],
                ..action(
                    "a1",
                    "Oma brengt hem op zaterdag",
                    Performer::Member(MemberId::from_stored("m-oma")),
                    ActionStatus::Doing,
                    Some(day(2025, 6, 1)),
                    Some("g1"),
                )
            },
            action(
                "a2",
                "Aanmelden bij de club",
                Performer::Youth,
                ActionStatus::Open,
                None,
                Some("g1"),
            ),
            action(
                "a3",
                "Gesprek school",
                Performer::Professional("u-1".into()),
                ActionStatus::Done,
                None,
                None,
            ),
            action(
                "a4",
                "Huiswerk",
                Performer::Parent(1),
                ActionStatus::Stopped,
                None,
                Some("gone"),
            ),
            action(
                "a5",
                "Onbekend",
                Performer::Parent(7),
                ActionStatus::Open,
                None,
                None,
            ),
        ],
        safety: SafetySection {
            worries: Some("SECRET-SAFETY".into()),
            ..SafetySection::default()
        },
    }
}

fn consent(id: &str, recipient: Recipient) -> Consent {
    Consent {
        id: id.into(),
        category: Category::NetworkMap,
        recipient,
        valid_from: day(2025, 1, 1),
        valid_until: None,
        required: vec![Party::Youth, Party::Parent(0)],
        given: vec![
            Given {
                party: Party::Youth,
                at: at(2025, 1, 1, 10),
                how: "in de app".into(),
                by_user: None,
            },
            Given {
                party: Party::Parent(0),
                at: at(2025, 1, 2, 10),
                how: "op papier".into(),
                by_user: Some("u-1".into()),
            },
        ],
        withdrawn: None,
    }
}

fn consents() -> Vec<Consent> {
    let mut pending = consent("c-pending", Recipient::Role(RecipientRole::Parents));
    pending.given.truncate(1);
    let mut refused = pending.clone();
    refused.id = "c-refused".into();
    refused.withdrawn = Some(Withdrawal {
        party: Party::Parent(0),
        at: at(2025, 1, 5, 10),
    });
    let mut withdrawn = consent("c-withdrawn", Recipient::Participant("p-unknown".into()));
    withdrawn.withdrawn = Some(Withdrawal {
        party: Party::Youth,
        at: at(2025, 2, 1, 10),
    });
    let mut expired = consent("c-expired", Recipient::Role(RecipientRole::Youth));
    expired.valid_until = Some(day(2025, 2, 1));
    vec![
        consent("c-active", Recipient::Role(RecipientRole::SupportFigures)),
        pending,
        refused,
        withdrawn,
        expired,
        consent("c-oma", Recipient::Participant("p-oma".into())),
    ]
}

fn answer(member: &str, rating: Rating) -> MemberAnswer {
    let scores = SupportScores {
        concrete: rating,
        emotional: Rating::AlmostAlways,
        informational: Rating::HardlyEver,
    };
    MemberAnswer {
        member: MemberId::from_stored(member),
        perceived: scores,
        received: scores,
        criticalness: Rating::HardlyEver,
        direction: Direction::Mutual,
        closeness: Closeness::VeryClose,
        seen: ContactFrequency::Weekly,
        known: KnownYears::MoreThanFive,
    }
}

fn checks() -> (SupportCheck, SupportCheck) {
    let ids: Vec<MemberId> = fixtures::members().into_iter().map(|m| m.id).collect();
    let mut finished = SupportCheck::start(Respondent::Youth, day(2025, 2, 1));
    let mut open = SupportCheck::start(Respondent::Parent, day(2025, 3, 1));
    for check in [&mut finished, &mut open] {
        let recorded = check.record(answer("m-oma", Rating::Sometimes), &ids);
        assert_eq!(recorded, Ok(()));
    }
    assert_eq!(finished.finish(day(2025, 2, 3)), Ok(()));
    (finished, open)
}

struct Owned {
    members: Vec<NetworkMember>,
    parents: Vec<Parent>,
    plan: Plan,
    consents: Vec<Consent>,
    checks: (SupportCheck, SupportCheck),
    member_ids: Vec<MemberId>,
    indicators: Indicators,
    participants: Vec<FhirParticipant<'static>>,
}

fn owned() -> Owned {
    let members = fixtures::members();
    let ties: Vec<Tie> = fixtures::ties();
    Owned {
        indicators: Indicators::compute(&members, &ties),
        member_ids: members.iter().map(|m| m.id.clone()).collect(),
        members,
        parents: parents(),
        plan: plan(),
        consents: consents(),
        checks: checks(),
        participants: vec![FhirParticipant {
            id: "p-oma",
            is: Performer::Member(MemberId::from_stored("m-oma")),
        }],
    }
}

impl Owned {
    /// The finished check, the open one, and the open one again under the first one's id.
    fn check_list(&self) -> [FhirSupportCheck<'_>; 3] {
        [
            FhirSupportCheck {
                id: "sc-1",
                check: &self.checks.0,
                members: &self.member_ids,
            },
            FhirSupportCheck {
                id: "sc-2",
                check: &self.checks.1,
                members: &self.member_ids,
            },
            FhirSupportCheck {
                id: "sc-1",
                check: &self.checks.1,
                members: &[],
            },
        ]
    }
}

fn bundle_of(o: &Owned) -> Value {
    let checks = o.check_list();
    bundle_with(o, &checks, |_| {})
}

fn bundle_with<'a>(
    o: &'a Owned,
    checks: &'a [FhirSupportCheck<'a>],
    edit: impl FnOnce(&mut FhirCase<'a>),
) -> Value {
    let mut case = FhirCase {
        system: "https://steunkring.example.nl/fhir/",
        case_id: "case-42",
        youth: FhirYouth {
            name: "Daan de Vries",
            birth_date: day(2010, 4, 17),
            gender: Some(" Jongen "),
        },
        parents: &o.parents,
        members: &o.members,
        participants: &o.participants,
        plan: Some(&o.plan),
        consents: &o.consents,
        support_checks: checks,
        indicators: &o.indicators,
        team: "Wijkteam Noord",
        organisation: "Jeugdhulp Regio",
        generated_at: at(2025, 3, 10, 12),
    };
    edit(&mut case);
    fhir_bundle(&case)
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    items(bundle.get("entry"))
        .iter()
        .filter_map(|e| e.get("resource"))
        .filter(|r| r.get("resourceType").and_then(Value::as_str) == Some(kind))
        .collect()
}

fn url_of(bundle: &Value, resource: &Value) -> String {
    items(bundle.get("entry"))
        .iter()
        .find(|e| e.get("resource") == Some(resource))
        .and_then(|e| e.get("fullUrl"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn reference_to(bundle: &Value, resource: &Value) -> Value {
    json!({ "reference": url_of(bundle, resource) })
}

/// The RelatedPerson whose name text is `name`.
fn person<'a>(bundle: &'a Value, name: &str) -> &'a Value {
    resources(bundle, "RelatedPerson")
        .into_iter()
        .find(|r| r.pointer("/name/0/text").and_then(Value::as_str) == Some(name))
        .unwrap_or(&Value::Null)
}

#[test]
fn the_example_case_is_valid() {
    let o = owned();
    assert_valid(&bundle_of(&o));
}

#[test]
fn bundle_patient_and_organisation() {
    let o = owned();
    let bundle = bundle_of(&o);
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    assert_eq!(bundle["timestamp"], "2025-03-10T12:00:00Z");
    let kinds: Vec<&str> = items(bundle.get("entry"))
        .iter()
        .filter_map(|e| e.pointer("/resource/resourceType").and_then(Value::as_str))
        .collect();
    let counts: BTreeMap<&str, usize> = kinds.iter().fold(BTreeMap::new(), |mut m, k| {
        *m.entry(*k).or_default() += 1;
        m
    });
    assert_eq!(kinds[0], "Patient");
    assert_eq!(kinds[1], "Organization");
    assert_eq!(counts["RelatedPerson"], 5, "two parents, three members");
    assert_eq!(counts["CareTeam"], 1);
    assert_eq!(counts["Goal"], 2, "the repeated goal id is left out");
    assert_eq!(counts["CarePlan"], 1);
    assert_eq!(counts["Consent"], 6);
    assert_eq!(
        counts["QuestionnaireResponse"], 2,
        "the repeated check id is left out"
    );
    assert_eq!(counts["Observation"], 19 + SupportType::ALL.len());

    let patient = resources(&bundle, "Patient")[0];
    assert_eq!(patient["name"], json!([{ "text": "Daan de Vries" }]));
    assert_eq!(patient["birthDate"], "2010-04-17");
    assert_eq!(patient["gender"], "male");
    assert_eq!(
        patient["identifier"],
        json!([{ "system": "https://steunkring.example.nl/fhir/case", "value": "case-42" }])
    );
    let org = resources(&bundle, "Organization")[0];
    assert_eq!(org["name"], "Jeugdhulp Regio");
    assert_eq!(patient["managingOrganization"], reference_to(&bundle, org));
}

#[test]
fn related_persons_follow_zib_contact_person() {
    let o = owned();
    let bundle = bundle_of(&o);
    let patient = reference_to(&bundle, resources(&bundle, "Patient")[0]);

    let mother = person(&bundle, "Sanne de Vries");
    assert_eq!(mother["patient"], patient);
    assert_eq!(mother["active"], true);
    assert_eq!(
        mother["relationship"],
        json!([{ "coding": [{ "system": V3_ROLE_CODE, "code": "PRN" }], "text": "ouder met gezag" }])
    );
    assert_eq!(
        person(&bundle, "Karim El Amrani")["relationship"][0]["text"],
        "ouder"
    );

    let oma = person(&bundle, "Oma Ëlla de Vries");
    assert_eq!(oma["relationship"], json!([{ "text": "oma" }]));
    assert_eq!(oma["active"], true);
    assert_eq!(oma["patient"], patient);

    // Hostile text is carried as text; the characters XML cannot hold are gone.
    let neighbour = person(&bundle, HOSTILE_NAME);
    assert_eq!(neighbour["relationship"][0]["text"], CONTROL_RELATION_CLEAN);

    // Rejected: still there, but not active; no relation typed, so the role word.
    let coach = person(&bundle, "Coach");
    assert_eq!(coach["active"], false);
    assert_eq!(coach["relationship"][0]["text"], "netwerklid");
}

#[test]
fn care_team_holds_parents_and_accepted_informal_members() {
    let o = owned();
    let bundle = bundle_of(&o);
    let team = resources(&bundle, "CareTeam")[0];
    assert_eq!(team["status"], "active");
    assert_eq!(team["name"], "Wijkteam Noord");
    assert_eq!(
        team["subject"],
        reference_to(&bundle, resources(&bundle, "Patient")[0])
    );
    let expected: Vec<Value> = [
        ("Sanne de Vries", "ouder met gezag"),
        ("Karim El Amrani", "ouder"),
        ("Oma Ëlla de Vries", "burgervoogd"),
        (HOSTILE_NAME, "netwerklid"),
    ]
    .iter()
    .map(|(name, role)| {
        json!({ "role": [{ "text": role }], "member": reference_to(&bundle, person(&bundle, name)) })
    })
    .collect();
    assert_eq!(team["participant"], Value::Array(expected));
}

#[test]
fn care_plan_goals_and_activities() {
    let o = owned();
    let bundle = bundle_of(&o);
    let goals = resources(&bundle, "Goal");
    assert_eq!(goals[0]["lifecycleStatus"], "active");
    assert_eq!(
        goals[0]["description"],
        json!({ "text": "Weer naar voetbal" })
    );
    assert_eq!(goals[0]["note"], json!([{ "text": "Ik ga elke week." }]));
    let patient = reference_to(&bundle, resources(&bundle, "Patient")[0]);
    assert_eq!(goals[0]["expressedBy"], patient);
    assert_eq!(goals[0]["subject"], patient);
    // A formula stays plain text in JSON.
    assert_eq!(goals[1]["description"]["text"], "=HYPERLINK(\"x\")");
    assert!(goals[1].get("expressedBy").is_none());

    let plan = resources(&bundle, "CarePlan")[0];
    assert_eq!(plan["status"], "active");
    assert_eq!(plan["intent"], "plan");
    assert_eq!(plan["subject"], patient);
    assert_eq!(
        plan["goal"],
        json!([
            reference_to(&bundle, goals[0]),
            reference_to(&bundle, goals[1])
        ])
    );
    assert_eq!(
        plan["careTeam"],
        json!([reference_to(&bundle, resources(&bundle, "CareTeam")[0])])
    );
    let activities = items(plan.get("activity"));
    assert_eq!(activities.len(), 5);
    let detail = |i: usize| &activities[i]["detail"];
    assert_eq!(
        detail(0),
        &json!({
            "status": "in-progress",
            "description": "Oma brengt hem op zaterdag",
            "scheduledPeriod": { "end": "2025-06-01" },
            "performer": [reference_to(&bundle, person(&bundle, "Oma Ëlla de Vries"))],
            "goal": [reference_to(&bundle, goals[0])],
        })
    );
    assert_eq!(
        activities[0]["progress"],
        json!([{ "text": "Eerste keer geweest", "time": "2025-03-02T09:00:00Z", "authorString": "Oma" }])
    );
    assert_eq!(detail(1)["status"], "not-started");
    assert_eq!(detail(1)["performer"], json!([patient]));
    assert_eq!(detail(2)["status"], "completed");
    assert_eq!(
        detail(2)["performer"],
        json!([reference_to(&bundle, resources(&bundle, "Organization")[0])])
    );
    assert_eq!(detail(3)["status"], "stopped");
    assert_eq!(
        detail(3)["performer"],
        json!([reference_to(&bundle, person(&bundle, "Karim El Amrani"))])
    );
    assert!(
        detail(3).get("goal").is_none(),
        "an unknown goal is not referenced"
    );
    assert_eq!(detail(4)["performer"], json!([{ "display": "parent:7" }]));

    // The safety section never leaves.
    assert!(!bundle.to_string().contains("SECRET-SAFETY"));
}

#[test]
fn without_a_plan_there_is_no_care_plan() {
    let o = owned();
    let bundle = bundle_with(&o, &o.check_list(), |c| c.plan = None);
    assert_valid(&bundle);
    assert!(resources(&bundle, "CarePlan").is_empty());
    assert!(resources(&bundle, "Goal").is_empty());
}

#[test]
fn consents_map_status_and_recipient() {
    let o = owned();
    let bundle = bundle_of(&o);
    let consents = resources(&bundle, "Consent");
    let status: Vec<&str> = consents
        .iter()
        .filter_map(|c| c["status"].as_str())
        .collect();
    assert_eq!(
        status,
        [
            "active", "proposed", "rejected", "inactive", "inactive", "active"
        ]
    );

    let patient = reference_to(&bundle, resources(&bundle, "Patient")[0]);
    let active = consents[0];
    assert_eq!(active["patient"], patient);
    assert_eq!(active["scope"]["coding"][0]["code"], "patient-privacy");
    assert_eq!(active["category"][0]["coding"][0]["code"], "59284-0");
    assert_eq!(active["dateTime"], "2025-01-02T10:00:00Z");
    assert_eq!(
        active["performer"],
        json!([
            patient,
            reference_to(&bundle, person(&bundle, "Sanne de Vries"))
        ])
    );
    let ircp = json!({ "coding": [{ "system": V3_PARTICIPATION_TYPE, "code": "IRCP" }] });
    assert_eq!(
        active["provision"],
        json!({
            "type": "permit",
            "period": { "start": "2025-01-01" },
            "class": [{
                "system": "https://steunkring.example.nl/fhir/CodeSystem/consent-category",
                "code": "network_map",
            }],
            // The one support figure: oma.
            "actor": [{ "role": ircp, "reference": reference_to(&bundle, person(&bundle, "Oma Ëlla de Vries")) }],
        })
    );
    // Both parents for the role; an unknown participant by name only.
    let actors = |c: &Value| -> Vec<Value> {
        items(c.pointer("/provision/actor"))
            .iter()
            .map(|a| a["reference"].clone())
            .collect()
    };
    assert_eq!(
        actors(consents[1]),
        [
            reference_to(&bundle, person(&bundle, "Sanne de Vries")),
            reference_to(&bundle, person(&bundle, "Karim El Amrani")),
        ]
    );
    assert_eq!(
        actors(consents[3]),
        [json!({ "display": "participant:p-unknown" })]
    );
    assert_eq!(actors(consents[4]), [patient]);
    assert_eq!(consents[4]["provision"]["period"]["end"], "2025-02-01");
    assert_eq!(
        actors(consents[5]),
        [reference_to(&bundle, person(&bundle, "Oma Ëlla de Vries"))]
    );
}

#[test]
fn support_checks_as_questionnaire_responses() {
    let o = owned();
    let bundle = bundle_of(&o);
    let responses = resources(&bundle, "QuestionnaireResponse");
    let patient = reference_to(&bundle, resources(&bundle, "Patient")[0]);
    let done = responses[0];
    assert_eq!(done["status"], "completed");
    assert_eq!(done["authored"], "2025-02-03");
    assert_eq!(done["subject"], patient);
    assert_eq!(done["author"], patient);
    let members = items(done.get("item"));
    assert_eq!(members.len(), 3, "every member asked about");
    assert_eq!(members[0]["linkId"], "member:m-oma");
    assert_eq!(members[0]["text"], "Oma Ëlla de Vries");
    let answers: BTreeMap<&str, &Value> = items(members[0].get("item"))
        .iter()
        .filter_map(|i| Some((i["linkId"].as_str()?, &i["answer"][0])))
        .collect();
    assert_eq!(
        answers["person"],
        &json!({ "valueReference": reference_to(&bundle, person(&bundle, "Oma Ëlla de Vries")) })
    );
    assert_eq!(answers["perceived_concrete"], &json!({ "valueInteger": 2 }));
    assert_eq!(
        answers["perceived_emotional"],
        &json!({ "valueInteger": 3 })
    );
    assert_eq!(
        answers["received_informational"],
        &json!({ "valueInteger": 1 })
    );
    assert_eq!(answers["closeness"], &json!({ "valueInteger": 3 }));
    assert_eq!(answers["seen"], &json!({ "valueInteger": 3 }));
    assert_eq!(answers["direction"], &json!({ "valueString": "mutual" }));
    assert_eq!(answers.len(), 12);
    // Not answered: only who it is about.
    assert_eq!(items(members[1].get("item")).len(), 1);

    let open = responses[1];
    assert_eq!(open["status"], "in-progress");
    assert_eq!(open["authored"], "2025-03-01");
    assert!(
        open.get("author").is_none(),
        "which parent answered is not known"
    );
}

#[test]
fn indicators_as_observations() {
    let o = owned();
    let bundle = bundle_of(&o);
    let observations = resources(&bundle, "Observation");
    let by_code = |code: &str| -> &Value {
        observations
            .iter()
            .find(|r| r.pointer("/code/coding/0/code").and_then(Value::as_str) == Some(code))
            .copied()
            .unwrap_or(&Value::Null)
    };
    let size = by_code("size");
    assert_eq!(size["status"], "final");
    assert_eq!(size["code"]["text"], "Netwerkgrootte");
    assert_eq!(size["valueInteger"], 3);
    assert_eq!(size["effectiveDateTime"], "2025-03-10T12:00:00Z");
    assert_eq!(
        size["subject"],
        reference_to(&bundle, resources(&bundle, "Patient")[0])
    );
    let share = by_code("informal_share");
    assert_eq!(
        share["valueQuantity"],
        json!({ "value": 0.6667, "unit": "1", "system": UCUM, "code": "1" })
    );
    assert_eq!(
        by_code("has_available_informal_adult")["valueBoolean"],
        true
    );
    assert_eq!(by_code("providers_emotional")["valueInteger"], 1);

    let mut odd = o.indicators.clone();
    odd.density = f64::NAN;
    let odd_bundle = bundle_with(&o, &o.check_list(), |c| c.indicators = &odd);
    assert_valid(&odd_bundle);
    let density = resources(&odd_bundle, "Observation")
        .into_iter()
        .find(|r| r.pointer("/code/coding/0/code").and_then(Value::as_str) == Some("density"))
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(
        density["dataAbsentReason"]["coding"][0]["code"],
        "not-a-number"
    );
    assert!(density.get("valueQuantity").is_none());
}

#[test]
fn the_same_input_gives_the_same_bundle() {
    let o = owned();
    let first = bundle_of(&o).to_string();
    let second = bundle_of(&o).to_string();
    assert_eq!(first, second);
    let other = bundle_with(&o, &o.check_list(), |c| c.case_id = "case-43");
    let urls = |b: &Value| -> HashSet<String> {
        items(b.get("entry"))
            .iter()
            .filter_map(|e| e["fullUrl"].as_str().map(String::from))
            .collect()
    };
    let first: Value = serde_json::from_str(&first).unwrap_or(Value::Null);
    assert!(urls(&first).is_disjoint(&urls(&other)));
    // Members keep their fullUrl when other things change.
    let later = bundle_with(&o, &o.check_list(), |c| c.generated_at = at(2025, 4, 1, 8));
    assert_eq!(
        url_of(&first, person(&first, "Oma Ëlla de Vries")),
        url_of(&later, person(&later, "Oma Ëlla de Vries"))
    );
}

#[test]
fn stable_uuid_shape_and_separation() {
    let id = stable_uuid(&["case", "Goal", "g1"]);
    assert!(is_uuid(&id), "{id}");
    assert_eq!(&id[14..15], "8", "version 8");
    assert!("89ab".contains(&id[19..20]), "RFC 9562 variant");
    assert_ne!(stable_uuid(&["ab", "c"]), stable_uuid(&["a", "bc"]));
    assert_eq!(id, stable_uuid(&["case", "Goal", "g1"]));
}

#[test]
fn blank_names_and_texts_are_left_out_not_written_empty() {
    let mut o = owned();
    o.members[0].name = " \u{0} ".into();
    o.members[0].relation = "\u{7}".into();
    o.parents[0].name = String::new();
    o.plan.goals[0].text = "  ".into();
    let bundle = bundle_with(&o, &o.check_list(), |c| {
        c.youth.name = "\t";
        c.youth.gender = Some("weet ik niet");
        c.team = "";
        c.organisation = "\u{1b}";
        c.case_id = "";
    });
    assert_valid(&bundle);
    let patient = resources(&bundle, "Patient")[0];
    assert!(patient.get("name").is_none());
    assert!(patient.get("gender").is_none());
    assert!(patient.get("identifier").is_none());
    assert!(resources(&bundle, "CareTeam")[0].get("name").is_none());
}

#[test]
fn gender_words() {
    for (raw, expected) in [
        ("M", Some("male")),
        ("vrouw", Some("female")),
        (" Meisje ", Some("female")),
        ("X", Some("other")),
        ("", None),
        ("onbekend", None),
    ] {
        assert_eq!(administrative_gender(raw), expected, "{raw:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// Any text, weighted towards the awkward: controls, quotes, markup, formulas, blanks.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ \\t\\r\\n\u{0}-\u{1f}\"'<>&=+@\\\\{}]{0,12}",
        Just(String::new()),
        Just(HOSTILE_NAME.to_string()),
        "\\PC{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_names_never_break_the_bundle(
        youth in any_text(),
        parent in any_text(),
        names in proptest::collection::vec(any_text(), 3),
        relation in any_text(),
        goal in any_text(),
        what in any_text(),
        team in any_text(),
        case_id in any_text(),
        member_id in any_text(),
        gender in any_text(),
    ) {
        let mut o = owned();
        for (member, name) in o.members.iter_mut().zip(&names) {
            member.name = name.clone();
        }
        o.members[1].relation = relation;
        o.members[2].id = MemberId::from_stored(member_id.clone());
        o.member_ids.push(MemberId::from_stored(member_id.clone()));
        o.parents[1].name = parent;
        o.plan.goals[1].text = goal;
        o.plan.actions[4].what = what;
        o.plan.actions[4].who = Performer::Member(MemberId::from_stored(member_id));
        let bundle = bundle_with(&o, &o.check_list(), |c| {
            c.youth.name = &youth;
            c.youth.gender = Some(&gender);
            c.team = &team;
            c.organisation = &team;
            c.case_id = &case_id;
        });
        let problems = validate(&bundle);
        prop_assert!(problems.is_empty(), "{problems:#?}");
        let text = serde_json::to_string(&bundle);
        prop_assert!(text.is_ok());
        let back: Result<Value, _> = serde_json::from_str(&text.unwrap_or_default());
        prop_assert_eq!(back.ok(), Some(bundle));
    }
}

#[test]
fn the_validator_catches_what_it_should() {
    let o = owned();
    let good = bundle_of(&o);
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut bundle = good.clone();
        edit(&mut bundle);
        validate(&bundle)
    };
    let person_at = items(good.get("entry"))
        .iter()
        .position(|e| e.pointer("/resource/resourceType") == Some(&json!("RelatedPerson")))
        .unwrap_or(0);
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "no patient",
            Box::new(move |b| {
                if let Some(r) = b
                    .pointer_mut(&format!("/entry/{person_at}/resource"))
                    .and_then(Value::as_object_mut)
                {
                    r.remove("patient");
                }
            }),
        ),
        (
            "dangling",
            Box::new(|b| {
                b["entry"][0]["resource"]["managingOrganization"] =
                    json!({ "reference": "urn:uuid:nope" })
            }),
        ),
        (
            "empty string",
            Box::new(|b| b["entry"][0]["resource"]["birthDate"] = json!(" ")),
        ),
        (
            "empty array",
            Box::new(|b| b["entry"][0]["resource"]["name"] = json!([])),
        ),
        (
            "twice",
            Box::new(|b| b["entry"][1]["fullUrl"] = b["entry"][0]["fullUrl"].clone()),
        ),
        ("bad type", Box::new(|b| b["type"] = json!("document"))),
        (
            "bad gender",
            Box::new(|b| b["entry"][0]["resource"]["gender"] = json!("m")),
        ),
        (
            "control",
            Box::new(|b| b["entry"][1]["resource"]["name"] = json!("a\u{1}b")),
        ),
        (
            "array subject",
            Box::new(|b| {
                for e in b["entry"].as_array_mut().into_iter().flatten() {
                    if e["resource"]["resourceType"] == "Goal" {
                        let subject = e["resource"]["subject"].clone();
                        e["resource"]["subject"] = json!([subject]);
                    }
                }
            }),
        ),
    ];
    for (name, edit) in cases {
        assert!(!broken(edit.as_ref()).is_empty(), "{name} went unnoticed");
    }
}
