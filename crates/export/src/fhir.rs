//! A case as a FHIR R4 JSON `Bundle` of type `collection`, for the care systems around us
//! (an EHR, a regional exchange): the young person, their network as `RelatedPerson`s, the
//! informal care team, the one plan with its goals, the consents, the support checks as
//! `QuestionnaireResponse`s and the network indicators as `Observation`s.
//!
//! We keep our own domain model and write a thin export (design notes: the Rust FHIR crates are
//! experimental), built as `serde_json::Value` so the JSON is always well formed whatever people
//! typed. The shapes follow the Dutch zibs where they exist — ContactPerson on `RelatedPerson`,
//! CareTeam with contact persons as participants — without claiming their profiles in
//! `meta.profile`: the zibs expect coded relations (RoleCodeNL) that a young person's "my
//! neighbour upstairs" does not have, and a receiver that checks a claimed profile would
//! reject the bundle.
//!
//! The same input always gives the same bundle: every `fullUrl` is a `urn:uuid:` derived from the
//! case id, the kind of resource and our own id by SHA-256 ([`stable_uuid`]), and the only time
//! in it is the caller's `generated_at`. Texts for people (roles, indicator names) are Dutch,
//! because the receivers are Dutch care systems; machines read the codes beside them.
//!
//! FHIR forbids empty strings, empty arrays and empty objects, and XML renderings of the same
//! resource cannot carry most control characters; every typed text therefore goes through
//! [`fhir_text`], and an element whose text is blank is left out rather than written empty.

use crate::graphml::xml_clean;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use steunkring_domain::case::Parent;
use steunkring_domain::consent::dutch_date;
use steunkring_domain::consent::{Consent, ConsentStatus, Party, Recipient, RecipientRole};
use steunkring_domain::measure::SupportCheck;
use steunkring_domain::network::{Indicators, MemberId, MemberRole, NetworkMember, SupportType};
use steunkring_domain::plan::{ActionStatus, GoalHolder, Performer, Plan};

/// The young person as the `Patient`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FhirYouth<'a> {
    pub name: &'a str,
    pub birth_date: NaiveDate,
    /// As typed in the case (free text, at most 50 characters); mapped to FHIR's four
    /// administrative genders by [`administrative_gender`], left out when it does not map.
    pub gender: Option<&'a str>,
}

/// One support check with the id the store keeps it under (the domain value has none) and the
/// members it asks about, in the order they were asked: an unfinished check lists the members
/// still to answer as items without answers, so the receiver sees how far it got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FhirSupportCheck<'a> {
    pub id: &'a str,
    pub check: &'a SupportCheck,
    pub members: &'a [MemberId],
}

/// Who an invited participant (a consent's `participant:<id>` recipient) is in the case, so the
/// consent can name the `RelatedPerson` or `Patient` it permits. A participant missing here
/// still gets a named actor, without a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FhirParticipant<'a> {
    pub id: &'a str,
    /// The young person, a parent by index, or a network member.
    pub is: Performer,
}

/// Everything [`fhir_bundle`] writes, borrowed from wherever it is kept.
#[derive(Debug, Clone, Copy)]
pub struct FhirCase<'a> {
    /// The installation's canonical base (e.g. `https://steunkring.gemeente.nl/fhir`): our own
    /// code systems and identifiers are named under it, so they stay apart from another
    /// installation's. No trailing slash needed.
    pub system: &'a str,
    pub case_id: &'a str,
    pub youth: FhirYouth<'a>,
    pub parents: &'a [Parent],
    pub members: &'a [NetworkMember],
    pub participants: &'a [FhirParticipant<'a>],
    /// The plan as the receiver may see it. Its safety section is never exported (see
    /// [`fhir_bundle`]).
    pub plan: Option<&'a Plan>,
    pub consents: &'a [Consent],
    pub support_checks: &'a [FhirSupportCheck<'a>],
    /// The indicators of the network as it stands at `generated_at`.
    pub indicators: &'a Indicators,
    pub team: &'a str,
    pub organisation: &'a str,
    /// When the export was made; also the day consents are judged on and the time of the
    /// indicator observations. Given by the caller: there is no clock here.
    pub generated_at: DateTime<Utc>,
}

/// Typed text as FHIR may carry it: without the characters XML 1.0 cannot carry, trimmed;
/// `None` when nothing is left, because FHIR does not allow an empty string.
pub fn fhir_text(raw: &str) -> Option<String> {
    let clean = xml_clean(raw);
    let trimmed = clean.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// FHIR's administrative gender (`male`, `female`, `other`) for the gender as typed, in Dutch
/// or English; `None` for anything else, which is then left out rather than guessed.
pub fn administrative_gender(raw: &str) -> Option<&'static str> {
    match raw.trim().to_lowercase().as_str() {
        "m" | "man" | "male" | "jongen" | "boy" | "mannelijk" => Some("male"),
        "v" | "f" | "vrouw" | "female" | "meisje" | "girl" | "vrouwelijk" => Some("female"),
        "x" | "anders" | "other" | "non-binair" | "non-binary" | "nonbinair" | "nonbinary" => {
            Some("other")
        }
        _ => None,
    }
}

/// A UUID that depends only on its parts: SHA-256 over the parts, each with its length before
/// it (so `("ab", "c")` and `("a", "bc")` differ), cut to 128 bits and marked as an RFC 9562
/// version 8 (custom, here name-based on SHA-256) UUID. Exporting twice gives the same
/// `fullUrl`s, so a receiver can match what it already has.
pub fn stable_uuid(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"steunkring-fhir");
    for part in parts {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    let digest = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

const V3_ROLE_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
const V3_ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const V3_PARTICIPATION_TYPE: &str = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
const CONSENT_SCOPE: &str = "http://terminology.hl7.org/CodeSystem/consentscope";
const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";
const DATA_ABSENT: &str = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
const LOINC: &str = "http://loinc.org";
const UCUM: &str = "http://unitsofmeasure.org";

/// A resource's id and `fullUrl`.
#[derive(Debug, Clone)]
struct Slot {
    id: String,
    url: String,
}

impl Slot {
    fn new(case_id: &str, kind: &str, local: &str) -> Slot {
        let id = stable_uuid(&[case_id, kind, local]);
        let url = format!("urn:uuid:{id}");
        Slot { id, url }
    }

    fn reference(&self) -> Value {
        json!({ "reference": self.url })
    }
}

/// A reference with only a text, for someone the bundle holds no resource for.
fn display_reference(text: &str) -> Value {
    match fhir_text(text) {
        Some(text) => json!({ "display": text }),
        None => json!({ "display": "?" }),
    }
}

fn concept_text(text: &str) -> Option<Value> {
    fhir_text(text).map(|text| json!({ "text": text }))
}

fn coding(system: &str, code: &str) -> Value {
    json!({ "system": system, "code": code })
}

fn date(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Sets `key` only when there is a value, so no element is ever written empty.
fn put(object: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(value) = value {
        let empty = match &value {
            Value::Array(items) => items.is_empty(),
            Value::Object(fields) => fields.is_empty(),
            Value::String(text) => text.is_empty(),
            _ => false,
        };
        if !empty {
            object.insert(key.to_string(), value);
        }
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Who is who in the bundle: the slots of the people, so plans, consents and checks can point
/// at them.
struct People {
    patient: Slot,
    organisation: Slot,
    parents: Vec<Slot>,
    members: HashMap<MemberId, Slot>,
}

impl People {
    fn performer(&self, who: &Performer) -> Option<&Slot> {
        match who {
            Performer::Youth => Some(&self.patient),
            Performer::Parent(i) => self.parents.get(usize::from(*i)),
            Performer::Member(id) => self.members.get(id),
            // Staff are not exported; the action is the organisation's.
            Performer::Professional(_) => Some(&self.organisation),
        }
    }

    fn party(&self, party: &Party) -> Option<&Slot> {
        match party {
            Party::Youth => Some(&self.patient),
            Party::Parent(i) => self.parents.get(usize::from(*i)),
            _ => None,
        }
    }
}

/// The Dutch word for a member's role in the care team: their strongest formal role, else
/// "netwerklid".
fn member_role_text(member: &NetworkMember) -> &'static str {
    let has = |role: MemberRole| member.roles.contains(&role);
    if has(MemberRole::CitizenGuardian) {
        "burgervoogd"
    } else if has(MemberRole::NetworkFosterParent) {
        "netwerkpleegouder"
    } else if has(MemberRole::ParentWithGezag) {
        "ouder met gezag"
    } else if has(MemberRole::SupportFigure) {
        "steunfiguur"
    } else {
        "netwerklid"
    }
}

fn parent_text(parent: &Parent) -> &'static str {
    if parent.gezag {
        "ouder met gezag"
    } else {
        "ouder"
    }
}

/// FHIR's activity status for ours.
pub fn activity_status(status: ActionStatus) -> &'static str {
    match status {
        ActionStatus::Open => "not-started",
        ActionStatus::Doing => "in-progress",
        ActionStatus::Done => "completed",
        ActionStatus::Stopped => "stopped",
    }
}

/// FHIR's consent status for ours on `today`: active (also when its period is still to come:
/// `provision.period` says when), proposed while parties still have to give it, inactive once
/// it expired or was withdrawn after everyone had given it, and rejected when a required party
/// withdrew before it was ever complete — in effect a refusal.
pub fn consent_status(consent: &Consent, today: NaiveDate) -> &'static str {
    match consent.status(today) {
        ConsentStatus::Active | ConsentStatus::NotYetValid => "active",
        ConsentStatus::Pending { .. } => "proposed",
        ConsentStatus::Expired => "inactive",
        ConsentStatus::Withdrawn => {
            if consent.missing().is_empty() && !consent.required.is_empty() {
                "inactive"
            } else {
                "rejected"
            }
        }
    }
}

/// The bundle. Entries in this order: the `Patient`, the `Organization`, a `RelatedPerson` per
/// parent and per network member, the `CareTeam`, the `Goal`s, the `CarePlan`, a `Consent` per
/// consent, a `QuestionnaireResponse` per support check and an `Observation` per indicator.
///
/// What it decides:
/// - a member, goal, consent or check whose id was seen before is left out (the first wins),
///   because two entries with one `fullUrl` make the bundle invalid;
/// - a rejected member (stance `rejected`) is a `RelatedPerson` with `active: false` and not in
///   the care team: the young person does not want them involved, but they are still part of
///   the picture;
/// - the care team holds the parents and the informal members who are not rejected;
/// - an action held by a professional points at the organisation (staff are not exported); an
///   action held by someone the bundle does not know keeps a text-only performer;
/// - the plan's safety section is not exported: it has its own consent category, and FHIR's
///   `CarePlan` has no place a receiver would read as Signs of Safety agreements;
/// - an indicator that is not a finite number gets `dataAbsentReason` instead of a value.
pub fn fhir_bundle(input: &FhirCase<'_>) -> Value {
    let case_id = input.case_id;
    let system = input.system.trim_end_matches('/');
    let today = dutch_date(input.generated_at);
    let mut entries: Vec<Value> = Vec::new();
    let mut add = |slot: &Slot, mut resource: Map<String, Value>| {
        resource.insert("id".into(), Value::String(slot.id.clone()));
        entries.push(json!({ "fullUrl": slot.url, "resource": Value::Object(resource) }));
    };

    let people = People {
        patient: Slot::new(case_id, "Patient", ""),
        organisation: Slot::new(case_id, "Organization", ""),
        parents: (0..input.parents.len())
            .map(|i| Slot::new(case_id, "RelatedPerson/parent", &i.to_string()))
            .collect(),
        members: {
            let mut members = HashMap::with_capacity(input.members.len());
            for m in input.members {
                members
                    .entry(m.id.clone())
                    .or_insert_with(|| Slot::new(case_id, "RelatedPerson", m.id.as_str()));
            }
            members
        },
    };
    let subject = people.patient.reference();

    // Patient.
    let mut patient = object(json!({
        "resourceType": "Patient",
        "birthDate": date(input.youth.birth_date),
        "managingOrganization": people.organisation.reference(),
    }));
    put(
        &mut patient,
        "identifier",
        fhir_text(case_id).map(|id| json!([{ "system": format!("{system}/case"), "value": id }])),
    );
    put(
        &mut patient,
        "name",
        concept_text(input.youth.name).map(|n| json!([n])),
    );
    put(
        &mut patient,
        "gender",
        input
            .youth
            .gender
            .and_then(administrative_gender)
            .map(Value::from),
    );
    add(&people.patient, patient);

    // Organization.
    let mut organisation = object(json!({ "resourceType": "Organization", "active": true }));
    put(
        &mut organisation,
        "name",
        Some(Value::String(
            fhir_text(input.organisation).unwrap_or_else(|| "?".into()),
        )),
    );
    add(&people.organisation, organisation);

    // RelatedPerson: parents, then members.
    for (parent, slot) in input.parents.iter().zip(&people.parents) {
        let mut person = object(json!({
            "resourceType": "RelatedPerson",
            "active": true,
            "patient": subject,
            "relationship": [{
                "coding": [coding(V3_ROLE_CODE, "PRN")],
                "text": parent_text(parent),
            }],
        }));
        put(
            &mut person,
            "name",
            concept_text(&parent.name).map(|n| json!([n])),
        );
        add(slot, person);
    }
    let mut seen_members: HashSet<&MemberId> = HashSet::new();
    let members: Vec<&NetworkMember> = input
        .members
        .iter()
        .filter(|m| seen_members.insert(&m.id))
        .collect();
    for member in &members {
        let Some(slot) = people.members.get(&member.id) else {
            continue;
        };
        let relation =
            fhir_text(&member.relation).unwrap_or_else(|| member_role_text(member).to_string());
        let mut person = object(json!({
            "resourceType": "RelatedPerson",
            "active": !member.is_rejected(),
            "patient": subject,
            "relationship": [{ "text": relation }],
        }));
        put(
            &mut person,
            "name",
            concept_text(&member.name).map(|n| json!([n])),
        );
        add(slot, person);
    }

    // CareTeam: parents and informal members the young person did not reject.
    let care_team = Slot::new(case_id, "CareTeam", "");
    let mut participants: Vec<Value> = input
        .parents
        .iter()
        .zip(&people.parents)
        .map(|(parent, slot)| {
            json!({ "role": [{ "text": parent_text(parent) }], "member": slot.reference() })
        })
        .collect();
    for member in &members {
        if member.is_informal()
            && !member.is_rejected()
            && let Some(slot) = people.members.get(&member.id)
        {
            participants.push(json!({
                "role": [{ "text": member_role_text(member) }],
                "member": slot.reference(),
            }));
        }
    }
    let mut team = object(json!({
        "resourceType": "CareTeam",
        "status": "active",
        "subject": subject,
        "managingOrganization": [people.organisation.reference()],
    }));
    put(&mut team, "name", fhir_text(input.team).map(Value::from));
    put(&mut team, "participant", Some(Value::Array(participants)));
    add(&care_team, team);

    // Goals and the CarePlan.
    if let Some(plan) = input.plan {
        let mut goals: HashMap<&str, Slot> = HashMap::new();
        let mut goal_refs = Vec::new();
        for goal in &plan.goals {
            if goals.contains_key(goal.id.as_str()) {
                continue;
            }
            let slot = Slot::new(case_id, "Goal", &goal.id);
            let mut resource = object(json!({
                "resourceType": "Goal",
                "lifecycleStatus": "active",
                "description": { "text": fhir_text(&goal.text).unwrap_or_else(|| "?".into()) },
                "subject": subject,
            }));
            if goal.holder == GoalHolder::Youth {
                put(&mut resource, "expressedBy", Some(subject.clone()));
            }
            put(
                &mut resource,
                "note",
                goal.how_we_know
                    .as_deref()
                    .and_then(fhir_text)
                    .map(|text| json!([{ "text": text }])),
            );
            goal_refs.push(slot.reference());
            add(&slot, resource);
            goals.insert(goal.id.as_str(), slot);
        }

        let activities: Vec<Value> = plan
            .actions
            .iter()
            .map(|action| {
                let mut detail = object(json!({
                    "status": activity_status(action.status),
                    "description": fhir_text(&action.what).unwrap_or_else(|| "?".into()),
                }));
                if let Some(due) = action.due_on {
                    detail.insert("scheduledPeriod".into(), json!({ "end": date(due) }));
                }
                let performer = match people.performer(&action.who) {
                    Some(slot) => slot.reference(),
                    None => display_reference(&action.who.as_code()),
                };
                detail.insert("performer".into(), json!([performer]));
                put(
                    &mut detail,
                    "goal",
                    action
                        .goal_id
                        .as_deref()
                        .and_then(|g| goals.get(g))
                        .map(|slot| json!([slot.reference()])),
                );
                let progress: Vec<Value> = action
                    .progress
                    .iter()
                    .filter_map(|note| {
                        let text = note.text.as_deref().and_then(fhir_text)?;
                        let mut annotation =
                            object(json!({ "text": text, "time": instant(note.at) }));
                        put(
                            &mut annotation,
                            "authorString",
                            fhir_text(&note.by).map(Value::from),
                        );
                        Some(Value::Object(annotation))
                    })
                    .collect();
                let mut activity = object(json!({ "detail": Value::Object(detail) }));
                put(&mut activity, "progress", Some(Value::Array(progress)));
                Value::Object(activity)
            })
            .collect();

        let slot = Slot::new(case_id, "CarePlan", "");
        let mut care_plan = object(json!({
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "title": "Eén gezin, één plan",
            "subject": subject,
            "careTeam": [care_team.reference()],
        }));
        put(&mut care_plan, "goal", Some(Value::Array(goal_refs)));
        put(&mut care_plan, "activity", Some(Value::Array(activities)));
        add(&slot, care_plan);
    }

    // Consents.
    let mut seen_consents: HashSet<&str> = HashSet::new();
    for consent in input.consents {
        if !seen_consents.insert(consent.id.as_str()) {
            continue;
        }
        let slot = Slot::new(case_id, "Consent", &consent.id);
        let mut resource = object(json!({
            "resourceType": "Consent",
            "status": consent_status(consent, today),
            "scope": { "coding": [coding(CONSENT_SCOPE, "patient-privacy")] },
            "category": [{
                "coding": [{ "system": LOINC, "code": "59284-0", "display": "Patient Consent" }],
            }],
            "patient": subject,
            "organization": [people.organisation.reference()],
            "policyRule": {
                "coding": [coding(V3_ACT_CODE, "OPTIN")],
                "text": "Jeugdwet art. 7.3.4, 7.3.5 en 7.3.11",
            },
        }));
        put(
            &mut resource,
            "dateTime",
            consent
                .given
                .iter()
                .map(|g| g.at)
                .max()
                .map(|at| Value::from(instant(at))),
        );
        let performers: Vec<Value> = consent
            .given
            .iter()
            .filter(|g| consent.required.contains(&g.party))
            .map(|g| match people.party(&g.party) {
                Some(slot) => slot.reference(),
                None => display_reference(&g.party.as_code()),
            })
            .collect();
        put(&mut resource, "performer", Some(Value::Array(performers)));

        let mut period = Map::new();
        period.insert("start".into(), Value::from(date(consent.valid_from)));
        if let Some(until) = consent.valid_until {
            period.insert("end".into(), Value::from(date(until)));
        }
        let actors: Vec<Value> = recipient_references(&consent.recipient, input, &people)
            .into_iter()
            .map(|reference| {
                json!({
                    "role": { "coding": [coding(V3_PARTICIPATION_TYPE, "IRCP")] },
                    "reference": reference,
                })
            })
            .collect();
        let mut provision = object(json!({
            "type": "permit",
            "period": Value::Object(period),
            "class": [{
                "system": format!("{system}/CodeSystem/consent-category"),
                "code": consent.category.as_str(),
            }],
        }));
        put(&mut provision, "actor", Some(Value::Array(actors)));
        resource.insert("provision".into(), Value::Object(provision));
        add(&slot, resource);
    }

    // Support checks.
    let mut seen_checks: HashSet<&str> = HashSet::new();
    for entry in input.support_checks {
        if !seen_checks.insert(entry.id) {
            continue;
        }
        let slot = Slot::new(case_id, "QuestionnaireResponse", entry.id);
        add(&slot, questionnaire_response(entry, input, &people));
    }

    // Indicators.
    let at = instant(input.generated_at);
    for (code, text, value) in indicator_values(input.indicators) {
        let slot = Slot::new(case_id, "Observation", &format!("{at}/{code}"));
        let mut resource = object(json!({
            "resourceType": "Observation",
            "status": "final",
            "category": [{ "coding": [coding(OBSERVATION_CATEGORY, "social-history")] }],
            "code": {
                "coding": [{ "system": format!("{system}/CodeSystem/network-indicator"), "code": code }],
                "text": text,
            },
            "subject": subject,
            "effectiveDateTime": at,
        }));
        match value {
            IndicatorValue::Count(n) => {
                // FHIR's integer is 32 bits; no network comes near it.
                let n = i32::try_from(n).unwrap_or(i32::MAX);
                resource.insert("valueInteger".into(), Value::from(n));
            }
            IndicatorValue::Flag(b) => {
                resource.insert("valueBoolean".into(), Value::from(b));
            }
            IndicatorValue::Ratio(x) if x.is_finite() => {
                resource.insert(
                    "valueQuantity".into(),
                    json!({ "value": round4(x), "unit": "1", "system": UCUM, "code": "1" }),
                );
            }
            IndicatorValue::Ratio(_) => {
                resource.insert(
                    "dataAbsentReason".into(),
                    json!({ "coding": [coding(DATA_ABSENT, "not-a-number")] }),
                );
            }
        }
        add(&slot, resource);
    }

    let bundle_id = stable_uuid(&[case_id, "Bundle", &at]);
    json!({
        "resourceType": "Bundle",
        "id": bundle_id,
        "type": "collection",
        "timestamp": at,
        "entry": entries,
    })
}

/// The people a consent's recipient stands for: the participant as far as we know them, every
/// parent, every support figure, or the young person. When nobody is known a text-only
/// reference names the recipient, so the consent never permits "nobody" by accident.
fn recipient_references(
    recipient: &Recipient,
    input: &FhirCase<'_>,
    people: &People,
) -> Vec<Value> {
    let mut refs: Vec<Value> = match recipient {
        Recipient::Participant(id) => input
            .participants
            .iter()
            .filter(|p| p.id == id)
            .take(1)
            .filter_map(|p| people.performer(&p.is))
            .map(Slot::reference)
            .collect(),
        Recipient::Role(RecipientRole::Youth) => vec![people.patient.reference()],
        // Research stands for no person: the text-only reference below names it.
        Recipient::Role(RecipientRole::Research) => vec![],
        Recipient::Role(RecipientRole::Parents) => {
            people.parents.iter().map(Slot::reference).collect()
        }
        Recipient::Role(RecipientRole::SupportFigures) => {
            let mut seen = HashSet::new();
            input
                .members
                .iter()
                .filter(|m| m.roles.contains(&MemberRole::SupportFigure) && seen.insert(&m.id))
                .filter_map(|m| people.members.get(&m.id))
                .map(Slot::reference)
                .collect()
        }
    };
    if refs.is_empty() {
        refs.push(display_reference(&recipient.as_code()));
    }
    refs
}

fn questionnaire_response(
    entry: &FhirSupportCheck<'_>,
    input: &FhirCase<'_>,
    people: &People,
) -> Map<String, Value> {
    let check = entry.check;
    let names: HashMap<&MemberId, &str> = input
        .members
        .iter()
        .rev()
        .map(|m| (&m.id, m.name.as_str()))
        .collect();
    // The members asked about, then anyone answered who is no longer on that list.
    let mut order: Vec<&MemberId> = Vec::new();
    let mut seen: HashSet<&MemberId> = HashSet::new();
    for id in entry
        .members
        .iter()
        .chain(check.answers().iter().map(|a| &a.member))
    {
        if seen.insert(id) {
            order.push(id);
        }
    }
    let items: Vec<Value> = order
        .into_iter()
        .map(|id| {
            let mut children: Vec<Value> = Vec::new();
            if let Some(slot) = people.members.get(id) {
                children.push(json!({
                    "linkId": "person",
                    "answer": [{ "valueReference": slot.reference() }],
                }));
            }
            if let Some(answer) = check.answer_for(id) {
                let integers = [
                    ("perceived_concrete", answer.perceived.concrete.number()),
                    ("perceived_emotional", answer.perceived.emotional.number()),
                    (
                        "perceived_informational",
                        answer.perceived.informational.number(),
                    ),
                    ("received_concrete", answer.received.concrete.number()),
                    ("received_emotional", answer.received.emotional.number()),
                    (
                        "received_informational",
                        answer.received.informational.number(),
                    ),
                    ("criticalness", answer.criticalness.number()),
                    ("closeness", answer.closeness.number()),
                    ("seen", answer.seen.score()),
                ];
                for (link, value) in integers {
                    children.push(json!({ "linkId": link, "answer": [{ "valueInteger": value }] }));
                }
                for (link, value) in [
                    ("direction", answer.direction.as_str()),
                    ("known", answer.known.as_str()),
                ] {
                    children.push(json!({ "linkId": link, "answer": [{ "valueString": value }] }));
                }
            }
            // Ids are keys and may hold anything; the linkId must stay a valid FHIR string.
            let mut item =
                object(json!({ "linkId": format!("member:{}", xml_clean(id.as_str()).trim()) }));
            put(
                &mut item,
                "text",
                names.get(id).and_then(|n| fhir_text(n)).map(Value::from),
            );
            put(&mut item, "item", Some(Value::Array(children)));
            Value::Object(item)
        })
        .collect();

    let mut resource = object(json!({
        "resourceType": "QuestionnaireResponse",
        "status": if check.is_finished() { "completed" } else { "in-progress" },
        "subject": people.patient.reference(),
        "authored": date(check.finished_on().unwrap_or(check.started_on())),
    }));
    if check.respondent() == steunkring_domain::measure::Respondent::Youth {
        resource.insert("author".into(), people.patient.reference());
        resource.insert("source".into(), people.patient.reference());
    }
    put(&mut resource, "item", Some(Value::Array(items)));
    resource
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum IndicatorValue {
    Count(usize),
    Ratio(f64),
    Flag(bool),
}

/// Four decimals: what a share or a mean needs, without 0.30000000000000004 in the file.
fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// Every indicator written: (code, Dutch name, value).
fn indicator_values(ind: &Indicators) -> Vec<(String, String, IndicatorValue)> {
    use IndicatorValue::{Count, Flag, Ratio};
    let mut values: Vec<(String, String, IndicatorValue)> = [
        ("size", "Netwerkgrootte", Count(ind.size.all)),
        (
            "size_informal",
            "Netwerkgrootte zonder professionals",
            Count(ind.size.informal),
        ),
        (
            "size_professional",
            "Aantal professionals in het netwerk",
            Count(ind.size.professional),
        ),
        (
            "informal_share",
            "Aandeel informele netwerkleden",
            Ratio(ind.informal_share),
        ),
        (
            "rejected",
            "Aantal afgewezen netwerkleden",
            Count(ind.rejected.len()),
        ),
        (
            "sectors_present",
            "Aantal sectoren met netwerkleden",
            Count(ind.sectors_present),
        ),
        (
            "sector_diversity",
            "Spreiding over sectoren (Shannon, bits)",
            Ratio(ind.sector_diversity),
        ),
        (
            "ties",
            "Aantal relaties tussen netwerkleden",
            Count(ind.ties),
        ),
        ("density", "Dichtheid van het netwerk", Ratio(ind.density)),
        (
            "isolates",
            "Netwerkleden zonder relatie met anderen",
            Count(ind.isolates.len()),
        ),
        (
            "bridges",
            "Netwerkleden die delen van het leven verbinden",
            Count(ind.bridges.len()),
        ),
        (
            "multiplexity_mean",
            "Gemiddeld aantal soorten steun per netwerklid",
            Ratio(ind.multiplexity.mean),
        ),
        (
            "reciprocity_share",
            "Aandeel wederkerige steun",
            Ratio(ind.reciprocity.share),
        ),
        (
            "gaps",
            "Soorten steun met minder dan twee informele gevers",
            Count(ind.gaps.len()),
        ),
        (
            "inner_ring",
            "Netwerkleden in de binnenste cirkel",
            Count(ind.inner_ring),
        ),
        (
            "inner_ring_share",
            "Aandeel in de binnenste cirkel",
            Ratio(ind.inner_ring_share),
        ),
        (
            "strained",
            "Belaste relaties (stress of verbroken)",
            Count(ind.strained.total),
        ),
        (
            "available_informal_adults",
            "Beschikbare informele volwassenen",
            Count(ind.available_informal_adults),
        ),
        (
            "has_available_informal_adult",
            "Minstens één beschikbare informele volwassene",
            Flag(ind.has_available_informal_adult),
        ),
    ]
    .into_iter()
    .map(|(code, text, value)| (code.to_string(), text.to_string(), value))
    .collect();
    for kind in SupportType::ALL {
        let text = match kind {
            SupportType::Emotional => "emotionele steun",
            SupportType::Practical => "praktische steun",
            SupportType::Advice => "advies en informatie",
            SupportType::RoleModel => "voorbeeldfunctie",
            SupportType::Parental => "opvoedingssteun",
            SupportType::Financial => "financiële steun",
            SupportType::Mobilising => "hulpbronnen mobiliseren",
        };
        values.push((
            format!("providers_{}", kind.as_str()),
            format!("Informele gevers van {text}"),
            Count(ind.providers.get(&kind).copied().unwrap_or(0)),
        ));
    }
    values
}

#[cfg(test)]
mod tests;
