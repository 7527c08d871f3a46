//! Consent and sharing (*toestemming en delen*): who must consent, given age, *gezag* and the
//! legal framework; consents per category of information and per recipient; and the one rule
//! that decides whether someone may see a category of a case, with its reasons in plain words.
//!
//! The law behind it: Jeugdwet 7.3.4 and 7.3.5 (who consents), 7.3.11 (professional secrecy:
//! nothing to "others" without consent; people directly involved in the help and the legal
//! representatives are not "others"; withhold when sharing is not good care) and the WGBO
//! (7:450, 7:457). The order of the questions follows the Privacy App Jeugd.
//!
//! Every answer comes with [`Reason`]s: message keys (see [`MESSAGE_KEYS`]) so that the
//! interface can say, in the reader's language, "who can see this, and why?" and "why can't
//! they see this?".

use crate::FieldError;
use crate::case::{Parent, age_on};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A list of values with one text form each: the variants, `ALL`, `as_str`, `parse` and serde
/// all come from the one list, so they cannot drift apart (as in `network::model`).
macro_rules! value_list {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $text)] $variant,)+
        }

        impl $name {
            pub const ALL: [$name; [$($text),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value for its text form (surrounding spaces ignored); `None` for anything else.
            pub fn parse(raw: &str) -> Option<$name> {
                let raw = raw.trim();
                $name::ALL.into_iter().find(|v| v.as_str() == raw)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use value_list;

/// From this age the young person consents together with the parents with gezag
/// (Jeugdwet 7.3.4, WGBO 7:450).
pub const CO_DECIDES_FROM_AGE: i32 = 12;
/// From this age the young person decides alone; parents are "others" from then on.
pub const DECIDES_ALONE_FROM_AGE: i32 = 16;

// ---------------------------------------------------------------------------------------------
// Framework, parties, who must consent
// ---------------------------------------------------------------------------------------------

value_list!(
    /// The legal framework of the help (*kader*). It decides who holds *gezag* and whether
    /// anything may be shared without consent.
    Framework {
        /// Voluntary help (*vrijwillige hulp*).
        Voluntary = "voluntary",
        /// Family supervision order (*ondertoezichtstelling*, OTS): the parents keep gezag, a
        /// certified institution (*gecertificeerde instelling*, GI) supervises.
        SupervisionOrder = "supervision_order",
        /// Guardianship (*voogdij*): a GI or a person (e.g. a *burgervoogd*) holds the gezag
        /// instead of the parents.
        Guardianship = "guardianship",
        /// Closed youth care (*JeugdzorgPlus*). Consent follows the normal rules; record an
        /// OTS or voogdij that comes with it as that framework instead (see `legal_basis`).
        Jeugdzorgplus = "jeugdzorgplus",
    }
);

impl Framework {
    /// A message key naming the framework, for labels.
    pub fn label_key(self) -> &'static str {
        match self {
            Framework::Voluntary => "consent-framework-voluntary",
            Framework::SupervisionOrder => "consent-framework-supervision-order",
            Framework::Guardianship => "consent-framework-guardianship",
            Framework::Jeugdzorgplus => "consent-framework-jeugdzorgplus",
        }
    }

    /// A message key with a plain explanation of what the framework means for consent.
    pub fn note_key(self) -> &'static str {
        match self {
            Framework::Voluntary => "consent-framework-voluntary-note",
            Framework::SupervisionOrder => "consent-framework-supervision-order-note",
            Framework::Guardianship => "consent-framework-guardianship-note",
            Framework::Jeugdzorgplus => "consent-framework-jeugdzorgplus-note",
        }
    }
}

/// May information be shared without consent because of the framework?
///
/// Under an OTS or guardianship the certified institution (*gecertificeerde instelling*) may
/// share what the measure needs with those directly involved, without consent (Jeugdwet
/// 7.3.11). Voluntary help and JeugdzorgPlus give no such basis. This is a basis for the GI
/// only, for what the measure needs: it does not open the case to anyone in Steunkring (see
/// `visibility`); the sharing guide uses it.
pub fn legal_basis(framework: Framework) -> bool {
    matches!(
        framework,
        Framework::SupervisionOrder | Framework::Guardianship
    )
}

/// Someone who may have to consent.
///
/// On the wire a short code: `youth`, `parent:0` (an index into the case's `parents`),
/// `guardian`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Party {
    /// The young person (*de jeugdige*).
    Youth,
    /// A parent, by index into the case's `parents` (`case::Parent`).
    Parent(u8),
    /// Whoever holds voogdij: a GI or a person (*burgervoogd*, foster parent with voogdij).
    Guardian,
}

impl Party {
    pub fn as_code(self) -> String {
        match self {
            Party::Youth => "youth".to_string(),
            Party::Parent(index) => format!("parent:{index}"),
            Party::Guardian => "guardian".to_string(),
        }
    }

    /// The party for its code; only the canonical form (`parent:1`, not `parent:01` or
    /// `parent:+1`), so that one party has one code in the database.
    pub fn parse_code(raw: &str) -> Option<Party> {
        let raw = raw.trim();
        let party = match raw {
            "youth" => Party::Youth,
            "guardian" => Party::Guardian,
            _ => Party::Parent(raw.strip_prefix("parent:")?.parse().ok()?),
        };
        (party.as_code() == raw).then_some(party)
    }
}

impl From<Party> for String {
    fn from(party: Party) -> String {
        party.as_code()
    }
}

impl TryFrom<String> for Party {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Party, FieldError> {
        Party::parse_code(&raw).ok_or(FieldError::new("party", "error-unknown-value"))
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_code())
    }
}

value_list!(
    /// The legal rule that decided who must consent; each has a plain explanation
    /// ([`Rule::key`]).
    Rule {
        /// Under 12: the parents with gezag decide.
        UnderTwelve = "under_twelve",
        /// 12 to 15: the young person and the parents with gezag, both.
        TwelveToFifteen = "twelve_to_fifteen",
        /// 16 and over: the young person alone.
        SixteenPlus = "sixteen_plus",
        /// Voogdij, under 12: the guardian decides.
        GuardianshipUnderTwelve = "guardianship_under_twelve",
        /// Voogdij, 12 to 15: the young person and the guardian, both.
        GuardianshipTwelveToFifteen = "guardianship_twelve_to_fifteen",
        /// Under 12 and nobody with gezag is recorded: nobody can consent yet.
        NoGezagUnderTwelve = "no_gezag_under_twelve",
        /// 12 to 15 and nobody with gezag is recorded: only the young person is asked.
        NoGezagTwelveToFifteen = "no_gezag_twelve_to_fifteen",
    }
);

impl Rule {
    /// A message key with a plain explanation of the rule.
    pub fn key(self) -> &'static str {
        match self {
            Rule::UnderTwelve => "consent-rule-under-twelve",
            Rule::TwelveToFifteen => "consent-rule-twelve-to-fifteen",
            Rule::SixteenPlus => "consent-rule-sixteen-plus",
            Rule::GuardianshipUnderTwelve => "consent-rule-guardianship-under-twelve",
            Rule::GuardianshipTwelveToFifteen => "consent-rule-guardianship-twelve-to-fifteen",
            Rule::NoGezagUnderTwelve => "consent-rule-no-gezag-under-twelve",
            Rule::NoGezagTwelveToFifteen => "consent-rule-no-gezag-twelve-to-fifteen",
        }
    }

    /// The young person is a minor and nobody with gezag is recorded: the interface warns, so
    /// that the professional records the parents' gezag or the guardian.
    pub fn nobody_with_gezag(self) -> bool {
        matches!(
            self,
            Rule::NoGezagUnderTwelve | Rule::NoGezagTwelveToFifteen
        )
    }
}

/// Who must consent, and the rule that says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Required {
    /// The young person first (when asked), then the parents in the case's order, then the
    /// guardian.
    pub parties: Vec<Party>,
    pub rule: Rule,
}

impl Required {
    pub fn nobody_with_gezag(&self) -> bool {
        self.rule.nobody_with_gezag()
    }
}

/// Who must consent to sharing, on `today` (Jeugdwet 7.3.4/7.3.5, WGBO 7:450).
///
/// - under 12: the parents with gezag;
/// - 12 to 15: the young person and the parents with gezag;
/// - 16 and over: the young person alone (adults too);
/// - voogdij: the guardian takes the parents' place, and the parents decide nothing (a
///   `gezag` flag on a parent is then ignored);
/// - OTS and JeugdzorgPlus: the normal rules (under an OTS the parents keep gezag);
/// - a minor with nobody with gezag recorded: the young person alone from 12, nobody under
///   12, with a rule that says so.
///
/// Age uses [`age_on`]: a 29 February birthday counts from 1 March in other years.
pub fn required_parties(
    birth_date: NaiveDate,
    parents: &[Parent],
    framework: Framework,
    today: NaiveDate,
) -> Required {
    let age = age_on(birth_date, today);
    if age >= DECIDES_ALONE_FROM_AGE {
        return Required {
            parties: vec![Party::Youth],
            rule: Rule::SixteenPlus,
        };
    }
    let (representatives, under_twelve, twelve_to_fifteen) = if framework == Framework::Guardianship
    {
        (
            vec![Party::Guardian],
            Rule::GuardianshipUnderTwelve,
            Rule::GuardianshipTwelveToFifteen,
        )
    } else {
        let with_gezag = parents_with_gezag(parents);
        if with_gezag.is_empty() {
            (
                with_gezag,
                Rule::NoGezagUnderTwelve,
                Rule::NoGezagTwelveToFifteen,
            )
        } else {
            (with_gezag, Rule::UnderTwelve, Rule::TwelveToFifteen)
        }
    };
    if age >= CO_DECIDES_FROM_AGE {
        let mut parties = vec![Party::Youth];
        parties.extend(representatives);
        Required {
            parties,
            rule: twelve_to_fifteen,
        }
    } else {
        Required {
            parties: representatives,
            rule: under_twelve,
        }
    }
}

/// The parents with gezag as parties. A case holds at most six parents; an index beyond 255
/// cannot be named by a `Party` and is left out.
fn parents_with_gezag(parents: &[Parent]) -> Vec<Party> {
    parents
        .iter()
        .enumerate()
        .filter(|(_, p)| p.gezag)
        .filter_map(|(i, _)| u8::try_from(i).ok().map(Party::Parent))
        .collect()
}

/// The calendar day in the Netherlands at `now` (CET, or CEST from the last Sunday of March
/// to the last Sunday of October, 01:00 UTC, the EU rule). Birthdays and consent periods are
/// Dutch days: a young person turns 16 at midnight in Amsterdam, not at 01:00 or 02:00.
pub fn dutch_date(now: DateTime<Utc>) -> NaiveDate {
    dutch_local(now).date()
}

/// The wall-clock time in the Netherlands at `now`, by the same rule as [`dutch_date`].
pub fn dutch_local(now: DateTime<Utc>) -> chrono::NaiveDateTime {
    let hours = if in_summer_time(now) { 2 } else { 1 };
    now.checked_add_signed(TimeDelta::hours(hours))
        .unwrap_or(now)
        .naive_utc()
}

fn in_summer_time(now: DateTime<Utc>) -> bool {
    let year = now.year();
    match (last_sunday_one_utc(year, 3), last_sunday_one_utc(year, 10)) {
        (Some(start), Some(end)) => start <= now && now < end,
        _ => false,
    }
}

/// 01:00 UTC on the last Sunday of `month` (March or October: both have 31 days).
fn last_sunday_one_utc(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let last = NaiveDate::from_ymd_opt(year, month, 31)?;
    let back = Days::new(u64::from(last.weekday().num_days_from_sunday()));
    let sunday = last.checked_sub_days(back)?;
    Some(sunday.and_time(NaiveTime::from_hms_opt(1, 0, 0)?).and_utc())
}

// ---------------------------------------------------------------------------------------------
// Categories, recipients, consents, withholdings
// ---------------------------------------------------------------------------------------------

value_list!(
    /// A category of information: consent and sharing are decided per category.
    Category {
        /// The network map (*netwerkkaart*): members, ties, versions.
        NetworkMap = "network_map",
        /// The one plan (*plan*): goals, actions, who does what.
        Plan = "plan",
        /// The safety section of the plan (*veiligheidsafspraken*).
        SafetySection = "safety_section",
        /// Measurements: support checks, screenings, outcomes.
        Measurements = "measurements",
        /// The professional's working notes (*werkaantekeningen*).
        Notes = "notes",
        /// Addresses, phone numbers and e-mail addresses.
        ContactDetails = "contact_details",
    }
);

impl Category {
    /// A message key naming the category, for labels.
    pub fn label_key(self) -> &'static str {
        match self {
            Category::NetworkMap => "consent-category-network-map",
            Category::Plan => "consent-category-plan",
            Category::SafetySection => "consent-category-safety-section",
            Category::Measurements => "consent-category-measurements",
            Category::Notes => "consent-category-notes",
            Category::ContactDetails => "consent-category-contact-details",
        }
    }
}

value_list!(
    /// "Everyone in this role in this case".
    RecipientRole {
        /// The young person; only a withholding uses it (they see their own by right).
        Youth = "youth",
        /// Every parent or carer in the case, with or without gezag.
        Parents = "parents",
        /// Every support figure in the case.
        SupportFigures = "support_figures",
        /// Research (*onderzoek*), pseudonymised: the case may be in the research dataset
        /// (see [`research_scope`]). Nobody is this recipient: no person viewing the case ever
        /// sees anything through such a consent.
        Research = "research",
    }
);

impl RecipientRole {
    /// A message key naming everyone in the role, for labels.
    pub fn label_key(self) -> &'static str {
        match self {
            RecipientRole::Youth => "recipient-youth",
            RecipientRole::Parents => "recipient-parents",
            RecipientRole::SupportFigures => "recipient-support-figures",
            RecipientRole::Research => "recipient-research",
        }
    }
}

/// The categories a consent for research may name: what the research dataset is made of.
/// Never the safety section, notes or contact details: the dataset carries no free text and
/// nothing that reaches a person.
pub const RESEARCH_CATEGORIES: [Category; 3] =
    [Category::NetworkMap, Category::Plan, Category::Measurements];

/// Who a consent or a withholding is about: one participant, or everyone in a role.
///
/// On the wire a short code: `participant:<id>` or `role:parents`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum Recipient {
    /// One person invited to the case, by participant id.
    Participant(String),
    Role(RecipientRole),
}

impl Recipient {
    pub const PARTICIPANT_ID_MAX_LEN: usize = 100;

    pub fn as_code(&self) -> String {
        match self {
            Recipient::Participant(id) => format!("participant:{id}"),
            Recipient::Role(role) => format!("role:{role}"),
        }
    }

    /// The recipient for its code: a known role, or a participant id that is not empty, has
    /// no surrounding spaces or control characters and is at most 100 characters.
    pub fn parse_code(raw: &str) -> Option<Recipient> {
        let raw = raw.trim();
        if let Some(role) = raw.strip_prefix("role:") {
            return RecipientRole::ALL
                .into_iter()
                .find(|r| r.as_str() == role)
                .map(Recipient::Role);
        }
        let id = raw.strip_prefix("participant:")?;
        let valid = !id.is_empty()
            && id.trim() == id
            && id.chars().count() <= Recipient::PARTICIPANT_ID_MAX_LEN
            && !id.chars().any(char::is_control);
        valid.then(|| Recipient::Participant(id.to_string()))
    }

    /// Is `viewer` this recipient: the same participant, or someone in the role? A guardian
    /// is not one of the "parents"; professionals, administrators and outsiders are never a
    /// recipient.
    pub fn matches(&self, viewer: &Viewer) -> bool {
        match self {
            Recipient::Participant(id) => viewer.participant() == Some(id.as_str()),
            Recipient::Role(RecipientRole::Youth) => matches!(viewer, Viewer::Youth),
            Recipient::Role(RecipientRole::Parents) => matches!(viewer, Viewer::Parent { .. }),
            Recipient::Role(RecipientRole::SupportFigures) => {
                matches!(viewer, Viewer::SupportFigure { .. })
            }
            // Research is not a person: the dataset is made apart from every view of a case.
            Recipient::Role(RecipientRole::Research) => false,
        }
    }

    /// Is this the research recipient?
    pub fn is_research(&self) -> bool {
        matches!(self, Recipient::Role(RecipientRole::Research))
    }
}

impl From<Recipient> for String {
    fn from(recipient: Recipient) -> String {
        recipient.as_code()
    }
}

impl TryFrom<String> for Recipient {
    type Error = FieldError;
    fn try_from(raw: String) -> Result<Recipient, FieldError> {
        Recipient::parse_code(&raw).ok_or(FieldError::new("recipient", "error-unknown-value"))
    }
}

impl fmt::Display for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_code())
    }
}

/// One party's consent, recorded separately: who, when, how (in person, on paper, in the
/// app) and which user recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Given {
    pub party: Party,
    pub at: DateTime<Utc>,
    pub how: String,
    pub by_user: Option<String>,
}

/// A withdrawal: one required party is enough, and it ends the consent at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub party: Party,
    pub at: DateTime<Utc>,
}

/// Consent (*toestemming*) to share one category of information with one recipient, for a
/// period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub id: String,
    pub category: Category,
    pub recipient: Recipient,
    /// First Dutch day on which it counts.
    pub valid_from: NaiveDate,
    /// Last Dutch day on which it counts (inclusive); `None`: until withdrawn.
    pub valid_until: Option<NaiveDate>,
    /// Who must give it, fixed when it was asked (see [`required_parties`]).
    pub required: Vec<Party>,
    pub given: Vec<Given>,
    pub withdrawn: Option<Withdrawal>,
}

/// Where a consent stands on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ConsentStatus {
    /// Still waiting for these parties. Empty `missing` means nobody could give it (nobody
    /// was required): such a consent never becomes active.
    Pending {
        missing: Vec<Party>,
    },
    Active,
    NotYetValid,
    Expired,
    Withdrawn,
}

impl ConsentStatus {
    /// A message key naming the status, for labels.
    pub fn label_key(&self) -> &'static str {
        match self {
            ConsentStatus::Pending { .. } => "consent-status-pending",
            ConsentStatus::Active => "consent-status-active",
            ConsentStatus::NotYetValid => "consent-status-not-yet-valid",
            ConsentStatus::Expired => "consent-status-expired",
            ConsentStatus::Withdrawn => "consent-status-withdrawn",
        }
    }
}

impl Consent {
    /// The status on `today` (a Dutch day, see [`dutch_date`]). In this order: a withdrawal
    /// ends it for good; after the period it has expired; until every required party has
    /// given it, it is pending; before the period it is not yet valid; otherwise active.
    pub fn status(&self, today: NaiveDate) -> ConsentStatus {
        if self.withdrawn.is_some() {
            return ConsentStatus::Withdrawn;
        }
        if self.valid_until.is_some_and(|until| today > until) {
            return ConsentStatus::Expired;
        }
        let missing = self.missing();
        if !missing.is_empty() || self.required.is_empty() {
            return ConsentStatus::Pending { missing };
        }
        if today < self.valid_from {
            return ConsentStatus::NotYetValid;
        }
        ConsentStatus::Active
    }

    pub fn is_active(&self, today: NaiveDate) -> bool {
        self.status(today) == ConsentStatus::Active
    }

    /// The required parties that have not given it yet, each once, in the required order.
    /// Consent given by a party that was not required does not count.
    pub fn missing(&self) -> Vec<Party> {
        let mut missing: Vec<Party> = Vec::new();
        for party in &self.required {
            if !missing.contains(party) && !self.given.iter().any(|g| g.party == *party) {
                missing.push(*party);
            }
        }
        missing
    }

    /// May `party` give it now? A required party that has not given it, while not withdrawn.
    pub fn may_give(&self, party: Party) -> bool {
        self.withdrawn.is_none() && self.missing().contains(&party)
    }

    /// May `party` withdraw it? Any required party, at any time, once.
    pub fn may_withdraw(&self, party: Party) -> bool {
        self.withdrawn.is_none() && self.required.contains(&party)
    }

    /// The law now asks other people than when the consent was asked (the young person turned
    /// 12 or 16, gezag or the framework changed). The consent stays as it is; the interface
    /// suggests asking again.
    pub fn needs_renewal(&self, now_required: &Required) -> bool {
        let mut then = self.required.clone();
        then.sort();
        then.dedup();
        let mut now = now_required.parties.clone();
        now.sort();
        now.dedup();
        then != now
    }

    /// May a consent for `category` name `recipient`? Research only for
    /// [`RESEARCH_CATEGORIES`].
    pub fn check_recipient(category: Category, recipient: &Recipient) -> Result<(), FieldError> {
        if recipient.is_research() && !RESEARCH_CATEGORIES.contains(&category) {
            return Err(FieldError::new(
                "category",
                "error-consent-research-category",
            ));
        }
        Ok(())
    }

    /// The period of a new consent: the last day may not come before the first.
    pub fn check_period(
        valid_from: NaiveDate,
        valid_until: Option<NaiveDate>,
    ) -> Result<(), FieldError> {
        match valid_until {
            Some(until) if until < valid_from => {
                Err(FieldError::new("valid_until", "error-consent-period-order"))
            }
            _ => Ok(()),
        }
    }
}

/// The professional withholds a category from a recipient because sharing would harm the
/// young person (Jeugdwet 7.3.11 lid 3, WGBO 7:457: the care of a good professional). Audited
/// elsewhere. An active withholding always wins over consent and over legal representation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withholding {
    pub category: Category,
    pub recipient: Recipient,
    /// Shown to professionals only; the viewer gets a neutral reason.
    pub reason: String,
    pub active: bool,
}

impl Withholding {
    /// May a withholding name `recipient`? Not research: research sees nothing of a case, and
    /// what goes into the dataset ends by withdrawing the consent.
    pub fn check_recipient(recipient: &Recipient) -> Result<(), FieldError> {
        if recipient.is_research() {
            return Err(FieldError::new("recipient", "error-withhold-research"));
        }
        Ok(())
    }

    pub fn applies_to(&self, viewer: &Viewer, category: Category) -> bool {
        self.active && self.category == category && self.recipient.matches(viewer)
    }
}

// ---------------------------------------------------------------------------------------------
// Visibility
// ---------------------------------------------------------------------------------------------

/// Who is looking, as the sharing rules see them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Viewer {
    /// A professional of the case's team: directly involved in the help.
    ProfessionalInvolved,
    /// An administrator (*beheerder*): manages, is not involved in the help.
    Administrator,
    /// The young person themselves.
    Youth,
    /// A parent or carer; `index` into the case's `parents`, whose `gezag` must agree with
    /// the one here.
    Parent {
        index: u8,
        gezag: bool,
        participant: String,
    },
    /// A person holding voogdij (*burgervoogd*, foster parent with voogdij) who logs in. A GI's
    /// jeugdbeschermer on the team is `ProfessionalInvolved` instead.
    Guardian { participant: String },
    /// A support figure (*steunfiguur*, JIM) invited to the case.
    SupportFigure { participant: String },
    /// Anyone else: another team, another organisation, not logged in.
    Outsider,
}

impl Viewer {
    /// The participant id, for viewers invited to the case.
    pub fn participant(&self) -> Option<&str> {
        match self {
            Viewer::Parent { participant, .. }
            | Viewer::Guardian { participant }
            | Viewer::SupportFigure { participant } => Some(participant),
            _ => None,
        }
    }
}

/// What the rules need to know about one case.
#[derive(Debug, Clone, Copy)]
pub struct SharingContext<'a> {
    pub birth_date: NaiveDate,
    pub parents: &'a [Parent],
    pub framework: Framework,
    pub consents: &'a [Consent],
    pub withholdings: &'a [Withholding],
}

/// One reason, as a message key with its arguments (dates as `YYYY-MM-DD`, counts as digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Reason {
    pub fn new(key: &'static str) -> Self {
        Reason { key, args: vec![] }
    }

    pub fn with(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.args.push((name, value.to_string()));
        self
    }
}

/// May they see it, and why (not)? The reasons read in order, e.g. "this parent has no
/// gezag" then "there is consent until 1 March".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Visibility {
    pub allowed: bool,
    pub reasons: Vec<Reason>,
}

const WITHHELD: &str = "visibility-withheld";
const WITHHELD_NEUTRAL: &str = "visibility-withheld-neutral";

impl Visibility {
    fn allow(reasons: Vec<Reason>) -> Self {
        Visibility {
            allowed: true,
            reasons,
        }
    }

    fn deny(reasons: Vec<Reason>) -> Self {
        Visibility {
            allowed: false,
            reasons,
        }
    }

    /// The reasons as the viewer themselves may read them: a withholding's reason, written
    /// for professionals, becomes a neutral sentence.
    pub fn told_to_viewer(&self) -> Visibility {
        let reasons = self
            .reasons
            .iter()
            .map(|r| {
                if r.key == WITHHELD {
                    Reason::new(WITHHELD_NEUTRAL)
                } else {
                    r.clone()
                }
            })
            .collect();
        Visibility {
            allowed: self.allowed,
            reasons,
        }
    }
}

/// May `viewer` see `category` of this case at `now`? The one rule behind every read.
///
/// - A professional of the team sees everything: directly involved in the help.
/// - An administrator sees none of it: manages, is not involved in the help.
/// - An outsider sees nothing.
/// - An active withholding that matches the viewer wins over everything below.
/// - The young person sees their own information, except the professional's working notes.
/// - A parent with gezag (not under voogdij) and a guardian under voogdij are the legal
///   representatives while the young person is under 16: they see everything but the notes.
/// - Otherwise (parents from 16, parents without gezag, support figures, and notes for
///   representatives) only an active consent for the category that covers them opens it.
pub fn visibility(
    viewer: &Viewer,
    category: Category,
    ctx: &SharingContext<'_>,
    now: DateTime<Utc>,
) -> Visibility {
    match viewer {
        Viewer::ProfessionalInvolved => {
            return Visibility::allow(vec![Reason::new("visibility-professional-involved")]);
        }
        Viewer::Administrator => {
            return Visibility::deny(vec![Reason::new("visibility-administrator")]);
        }
        Viewer::Outsider => return Visibility::deny(vec![Reason::new("visibility-outsider")]),
        Viewer::Youth
        | Viewer::Parent { .. }
        | Viewer::Guardian { .. }
        | Viewer::SupportFigure { .. } => {}
    }
    if let Some(w) = ctx
        .withholdings
        .iter()
        .find(|w| w.applies_to(viewer, category))
    {
        return Visibility::deny(vec![Reason::new(WITHHELD).with("reason", &w.reason)]);
    }
    let today = dutch_date(now);
    let age = age_on(ctx.birth_date, today);
    let mut reasons = Vec::new();
    match viewer {
        Viewer::Youth => {
            return if category == Category::Notes {
                Visibility::deny(vec![Reason::new("visibility-notes-working-notes")])
            } else {
                Visibility::allow(vec![Reason::new("visibility-youth-own")])
            };
        }
        Viewer::Parent { index, gezag, .. } => {
            let recorded = ctx
                .parents
                .get(usize::from(*index))
                .is_some_and(|p| p.gezag);
            let representation = if ctx.framework == Framework::Guardianship {
                Err("visibility-parent-guardianship")
            } else if !(*gezag && recorded) {
                Err("visibility-parent-no-gezag")
            } else if age >= DECIDES_ALONE_FROM_AGE {
                Err("visibility-youth-sixteen-decides")
            } else {
                Ok("visibility-parent-gezag")
            };
            if let Some(v) = as_representative(representation, category, &mut reasons) {
                return v;
            }
        }
        Viewer::Guardian { .. } => {
            let representation = if ctx.framework != Framework::Guardianship {
                Err("visibility-guardian-not-recorded")
            } else if age >= DECIDES_ALONE_FROM_AGE {
                Err("visibility-youth-sixteen-decides")
            } else {
                Ok("visibility-guardian")
            };
            if let Some(v) = as_representative(representation, category, &mut reasons) {
                return v;
            }
        }
        _ => {}
    }
    by_consent(viewer, category, ctx.consents, today, reasons)
}

/// A legal representative sees everything but the notes; otherwise note why not and go on to
/// consent.
fn as_representative(
    representation: Result<&'static str, &'static str>,
    category: Category,
    reasons: &mut Vec<Reason>,
) -> Option<Visibility> {
    match representation {
        Ok(key) if category != Category::Notes => Some(Visibility::allow(vec![Reason::new(key)])),
        Ok(_) => {
            reasons.push(Reason::new("visibility-notes-working-notes"));
            None
        }
        Err(key) => {
            reasons.push(Reason::new(key));
            None
        }
    }
}

/// Open only with an active consent for the category that covers the viewer; otherwise say
/// where each covering consent stands, or that there is none.
fn by_consent(
    viewer: &Viewer,
    category: Category,
    consents: &[Consent],
    today: NaiveDate,
    mut reasons: Vec<Reason>,
) -> Visibility {
    let covering: Vec<(&Consent, ConsentStatus)> = consents
        .iter()
        .filter(|c| c.category == category && c.recipient.matches(viewer))
        .map(|c| (c, c.status(today)))
        .collect();
    if let Some((consent, status)) = covering.iter().find(|(_, s)| *s == ConsentStatus::Active) {
        reasons.push(status_reason(consent, status));
        return Visibility::allow(reasons);
    }
    if covering.is_empty() {
        reasons.push(Reason::new("visibility-no-consent"));
    }
    for (consent, status) in &covering {
        reasons.push(status_reason(consent, status));
    }
    Visibility::deny(reasons)
}

fn status_reason(consent: &Consent, status: &ConsentStatus) -> Reason {
    match (status, consent.valid_until) {
        (ConsentStatus::Active, Some(until)) => {
            Reason::new("visibility-consent-active-until").with("until", until)
        }
        (ConsentStatus::Active, None) => Reason::new("visibility-consent-active"),
        (ConsentStatus::Pending { missing }, _) if missing.is_empty() => {
            Reason::new("visibility-consent-nobody-to-give")
        }
        (ConsentStatus::Pending { missing }, _) => {
            Reason::new("visibility-consent-pending").with("count", missing.len())
        }
        (ConsentStatus::NotYetValid, _) => {
            Reason::new("visibility-consent-not-yet-valid").with("from", consent.valid_from)
        }
        (ConsentStatus::Expired, until) => Reason::new("visibility-consent-expired")
            .with("until", until.map(|d| d.to_string()).unwrap_or_default()),
        (ConsentStatus::Withdrawn, _) => {
            let on = consent
                .withdrawn
                .as_ref()
                .map(|w| dutch_date(w.at).to_string())
                .unwrap_or_default();
            Reason::new("visibility-consent-withdrawn").with("on", on)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Research
// ---------------------------------------------------------------------------------------------

/// What of a case the research dataset may hold on a day, by the consents for research.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ResearchScope {
    /// Indicators of the network map (sizes, shares, ties; never names).
    pub network: bool,
    /// Counts of the plan's goals and actions (never their text).
    pub plan: bool,
}

/// May the case be in the research dataset on `today` (a Dutch day), and with what? Only with
/// an active consent for research on the measurements: given by every party the law named when
/// it was asked, not withdrawn, within its period. The network indicators and plan counts come
/// along only when their own research consent is active too. `None`: the case is left out.
pub fn research_scope(consents: &[Consent], today: NaiveDate) -> Option<ResearchScope> {
    let active = |category: Category| {
        consents
            .iter()
            .any(|c| c.category == category && c.recipient.is_research() && c.is_active(today))
    };
    active(Category::Measurements).then(|| ResearchScope {
        network: active(Category::NetworkMap),
        plan: active(Category::Plan),
    })
}

/// For the "who can see this?" page: every participant with their display name and the
/// answer for `category`, in the order given.
pub fn who_can_see(
    category: Category,
    ctx: &SharingContext<'_>,
    participants: &[(Viewer, String)],
    now: DateTime<Utc>,
) -> Vec<(String, Visibility)> {
    participants
        .iter()
        .map(|(viewer, name)| (name.clone(), visibility(viewer, category, ctx, now)))
        .collect()
}

/// Every message key this module can hand out (reasons, rules, labels, notes, errors), so that
/// a test of the locale files can check each one exists.
pub const MESSAGE_KEYS: &[&str] = &[
    // frameworks
    "consent-framework-voluntary",
    "consent-framework-supervision-order",
    "consent-framework-guardianship",
    "consent-framework-jeugdzorgplus",
    "consent-framework-voluntary-note",
    "consent-framework-supervision-order-note",
    "consent-framework-guardianship-note",
    "consent-framework-jeugdzorgplus-note",
    // rules
    "consent-rule-under-twelve",
    "consent-rule-twelve-to-fifteen",
    "consent-rule-sixteen-plus",
    "consent-rule-guardianship-under-twelve",
    "consent-rule-guardianship-twelve-to-fifteen",
    "consent-rule-no-gezag-under-twelve",
    "consent-rule-no-gezag-twelve-to-fifteen",
    // categories
    "consent-category-network-map",
    "consent-category-plan",
    "consent-category-safety-section",
    "consent-category-measurements",
    "consent-category-notes",
    "consent-category-contact-details",
    // statuses
    "consent-status-pending",
    "consent-status-active",
    "consent-status-not-yet-valid",
    "consent-status-expired",
    "consent-status-withdrawn",
    // reasons
    "visibility-professional-involved",
    "visibility-administrator",
    "visibility-outsider",
    "visibility-youth-own",
    "visibility-notes-working-notes",
    "visibility-parent-gezag",
    "visibility-parent-no-gezag",
    "visibility-parent-guardianship",
    "visibility-guardian",
    "visibility-guardian-not-recorded",
    "visibility-youth-sixteen-decides",
    "visibility-consent-active",
    "visibility-consent-active-until",
    "visibility-consent-pending",
    "visibility-consent-nobody-to-give",
    "visibility-consent-not-yet-valid",
    "visibility-consent-expired",
    "visibility-consent-withdrawn",
    "visibility-no-consent",
    WITHHELD,
    WITHHELD_NEUTRAL,
    // recipients
    "recipient-youth",
    "recipient-parents",
    "recipient-support-figures",
    "recipient-research",
    // errors
    "error-consent-period-order",
    "error-consent-research-category",
    "error-withhold-research",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        day(y, m, d)
            .and_hms_opt(h, min, 0)
            .expect("valid time")
            .and_utc()
    }

    fn parent(gezag: bool) -> Parent {
        Parent {
            name: if gezag { "Met Gezag" } else { "Zonder Gezag" }.into(),
            gezag,
        }
    }

    // --- value lists and codes ---------------------------------------------------------------

    #[test]
    fn value_lists_round_trip() {
        for f in Framework::ALL {
            assert_eq!(Framework::parse(f.as_str()), Some(f));
        }
        for c in Category::ALL {
            assert_eq!(Category::parse(&format!(" {c} ")), Some(c));
        }
        for r in Rule::ALL {
            assert_eq!(Rule::parse(r.as_str()), Some(r));
        }
        assert_eq!(
            Framework::parse("supervision_order"),
            Some(Framework::SupervisionOrder)
        );
        assert_eq!(
            Category::parse("contact_details"),
            Some(Category::ContactDetails)
        );
        assert_eq!(Framework::parse("OTS"), None);
    }

    #[test]
    fn party_codes() {
        for (party, code) in [
            (Party::Youth, "youth"),
            (Party::Parent(0), "parent:0"),
            (Party::Parent(255), "parent:255"),
            (Party::Guardian, "guardian"),
        ] {
            assert_eq!(party.as_code(), code);
            assert_eq!(Party::parse_code(code), Some(party));
            assert_eq!(String::from(party), code);
        }
        for bad in [
            "",
            "Youth",
            "parent",
            "parent:",
            "parent:01",
            "parent:+1",
            "parent:-1",
            "parent:256",
            "parent: 1",
            "parent:1x",
            "voogd",
        ] {
            assert_eq!(Party::parse_code(bad), None, "{bad:?}");
        }
        let from_json: Result<Party, serde::de::value::Error> = Party::deserialize(
            serde::de::value::StringDeserializer::new("parent:2".to_string()),
        );
        assert_eq!(from_json, Ok(Party::Parent(2)));
        let bad: Result<Party, serde::de::value::Error> =
            Party::deserialize(serde::de::value::StringDeserializer::new("mum".to_string()));
        assert!(bad.is_err());
    }

    #[test]
    fn recipient_codes() {
        for (recipient, code) in [
            (Recipient::Participant("abc-1".into()), "participant:abc-1"),
            (Recipient::Role(RecipientRole::Parents), "role:parents"),
            (
                Recipient::Role(RecipientRole::SupportFigures),
                "role:support_figures",
            ),
            (Recipient::Role(RecipientRole::Youth), "role:youth"),
            (Recipient::Role(RecipientRole::Research), "role:research"),
        ] {
            assert_eq!(recipient.as_code(), code);
            assert_eq!(Recipient::parse_code(code), Some(recipient));
        }
        let long = format!("participant:{}", "x".repeat(101));
        for bad in [
            "",
            "participant:",
            "participant: a",
            "participant:a\u{7}",
            "role:",
            "role:teachers",
            "role: parents",
            "abc",
            long.as_str(),
        ] {
            assert_eq!(Recipient::parse_code(bad), None, "{bad:?}");
        }
        let ok: Result<Recipient, serde::de::value::Error> = Recipient::deserialize(
            serde::de::value::StringDeserializer::new("role:parents".to_string()),
        );
        assert_eq!(ok, Ok(Recipient::Role(RecipientRole::Parents)));
    }

    // --- who must consent ----------------------------------------------------------------------

    /// The boundary table: the day before and the day of the 12th and 16th birthday, 29
    /// February birthdays (their 12th and 16th birthdays fall in leap years, except across
    /// 2100, which is not one), gezag in every shape, every framework.
    #[test]
    fn required_parties_table() {
        use Party::*;
        use Rule::*;
        type Row<'a> = (
            &'a str,
            NaiveDate,
            &'a [crate::case::Parent],
            Framework,
            NaiveDate,
            Vec<Party>,
            Rule,
        );
        let both = &[parent(true), parent(true)][..];
        let first_only = &[parent(true), parent(false)][..];
        let second_only = &[parent(false), parent(true)][..];
        let nobody = &[parent(false), parent(false)][..];
        let (v, ots, jzp, voogdij) = (
            Framework::Voluntary,
            Framework::SupervisionOrder,
            Framework::Jeugdzorgplus,
            Framework::Guardianship,
        );
        let today = day(2026, 6, 15);
        #[rustfmt::skip]
        let cases: Vec<Row> = vec![
            // the 12th birthday
            ("day before 12", day(2010, 6, 15), both, v, day(2022, 6, 14), vec![Parent(0), Parent(1)], UnderTwelve),
            ("12th birthday", day(2010, 6, 15), both, v, day(2022, 6, 15), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            // the 16th birthday
            ("day before 16", day(2010, 6, 15), both, v, day(2026, 6, 14), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("16th birthday", day(2010, 6, 15), both, v, day(2026, 6, 15), vec![Youth], SixteenPlus),
            ("adult", day(2000, 1, 1), both, v, today, vec![Youth], SixteenPlus),
            // 29 February: the 12th and 16th birthdays fall in leap years...
            ("29 Feb, 28 Feb before 12", day(2008, 2, 29), both, v, day(2020, 2, 28), vec![Parent(0), Parent(1)], UnderTwelve),
            ("29 Feb, 12 on 29 Feb", day(2008, 2, 29), both, v, day(2020, 2, 29), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("29 Feb, 28 Feb before 16", day(2008, 2, 29), both, v, day(2024, 2, 28), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("29 Feb, 16 on 29 Feb", day(2008, 2, 29), both, v, day(2024, 2, 29), vec![Youth], SixteenPlus),
            // ...except across 2100, which is not a leap year: then they count from 1 March
            ("29 Feb, 28 Feb 2100 still 11", day(2088, 2, 29), both, v, day(2100, 2, 28), vec![Parent(0), Parent(1)], UnderTwelve),
            ("29 Feb, 1 Mar 2100 is 12", day(2088, 2, 29), both, v, day(2100, 3, 1), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("29 Feb, 28 Feb 2100 still 15", day(2084, 2, 29), both, v, day(2100, 2, 28), vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("29 Feb, 1 Mar 2100 is 16", day(2084, 2, 29), both, v, day(2100, 3, 1), vec![Youth], SixteenPlus),
            // gezag
            ("one without gezag, 10", day(2016, 1, 1), first_only, v, today, vec![Parent(0)], UnderTwelve),
            ("one without gezag, 14", day(2012, 1, 1), first_only, v, today, vec![Youth, Parent(0)], TwelveToFifteen),
            ("the index is kept, 14", day(2012, 1, 1), second_only, v, today, vec![Youth, Parent(1)], TwelveToFifteen),
            ("two with gezag, 10", day(2016, 1, 1), both, v, today, vec![Parent(0), Parent(1)], UnderTwelve),
            ("nobody with gezag, 10", day(2016, 1, 1), nobody, v, today, vec![], NoGezagUnderTwelve),
            ("nobody with gezag, 14", day(2012, 1, 1), nobody, v, today, vec![Youth], NoGezagTwelveToFifteen),
            ("nobody with gezag, 17", day(2009, 1, 1), nobody, v, today, vec![Youth], SixteenPlus),
            ("no parents at all, 14", day(2012, 1, 1), &[], v, today, vec![Youth], NoGezagTwelveToFifteen),
            // frameworks
            ("OTS: parents keep gezag, 10", day(2016, 1, 1), first_only, ots, today, vec![Parent(0)], UnderTwelve),
            ("OTS: parents keep gezag, 14", day(2012, 1, 1), both, ots, today, vec![Youth, Parent(0), Parent(1)], TwelveToFifteen),
            ("OTS, nobody with gezag, 14", day(2012, 1, 1), nobody, ots, today, vec![Youth], NoGezagTwelveToFifteen),
            ("JeugdzorgPlus, 14", day(2012, 1, 1), first_only, jzp, today, vec![Youth, Parent(0)], TwelveToFifteen),
            ("JeugdzorgPlus, 17", day(2009, 1, 1), both, jzp, today, vec![Youth], SixteenPlus),
            ("voogdij, 10", day(2016, 1, 1), both, voogdij, today, vec![Guardian], GuardianshipUnderTwelve),
            ("voogdij, 14", day(2012, 1, 1), both, voogdij, today, vec![Youth, Guardian], GuardianshipTwelveToFifteen),
            ("voogdij, no parent, 14", day(2012, 1, 1), nobody, voogdij, today, vec![Youth, Guardian], GuardianshipTwelveToFifteen),
            ("voogdij, day before 16", day(2010, 6, 15), both, voogdij, day(2026, 6, 14), vec![Youth, Guardian], GuardianshipTwelveToFifteen),
            ("voogdij, 16th birthday", day(2010, 6, 15), both, voogdij, day(2026, 6, 15), vec![Youth], SixteenPlus),
        ];
        for (name, birth, parents, framework, on, parties, rule) in cases {
            let required = required_parties(birth, parents, framework, on);
            assert_eq!(required.parties, parties, "{name}");
            assert_eq!(required.rule, rule, "{name}");
            assert_eq!(
                required.nobody_with_gezag(),
                matches!(rule, NoGezagUnderTwelve | NoGezagTwelveToFifteen),
                "{name}"
            );
        }
    }

    fn arb_parents() -> impl Strategy<Value = Vec<Parent>> {
        prop::collection::vec(any::<bool>().prop_map(parent), 0..5)
    }

    fn arb_framework() -> impl Strategy<Value = Framework> {
        prop::sample::select(Framework::ALL.to_vec())
    }

    fn stage(rule: Rule) -> u8 {
        match rule {
            Rule::UnderTwelve | Rule::GuardianshipUnderTwelve | Rule::NoGezagUnderTwelve => 0,
            Rule::TwelveToFifteen
            | Rule::GuardianshipTwelveToFifteen
            | Rule::NoGezagTwelveToFifteen => 1,
            Rule::SixteenPlus => 2,
        }
    }

    proptest! {
        #[test]
        fn someone_must_consent_when_someone_holds_gezag(
            parents in arb_parents(),
            framework in arb_framework(),
            age_days in 0i64..(27 * 366),
        ) {
            let today = day(2026, 6, 15);
            let birth = today - TimeDelta::days(age_days);
            let required = required_parties(birth, &parents, framework, today);
            let someone = framework == Framework::Guardianship || parents.iter().any(|p| p.gezag);
            if someone {
                prop_assert!(!required.parties.is_empty());
                prop_assert!(!required.nobody_with_gezag());
            }
            // The young person is asked from 12; parents only with gezag, outside voogdij,
            // under 16; the guardian only under voogdij.
            let age = age_on(birth, today);
            prop_assert_eq!(required.parties.contains(&Party::Youth), age >= 12);
            for party in &required.parties {
                match party {
                    Party::Parent(i) => {
                        prop_assert!(parents[usize::from(*i)].gezag);
                        prop_assert!(framework != Framework::Guardianship && age < 16);
                    }
                    Party::Guardian => prop_assert!(framework == Framework::Guardianship && age < 16),
                    Party::Youth => {}
                }
            }
        }

        #[test]
        fn sixteen_plus_decides_alone_in_voluntary_help(
            parents in arb_parents(),
            age_days in (16 * 366i64)..(27 * 366),
        ) {
            let today = day(2026, 6, 15);
            let birth = today - TimeDelta::days(age_days);
            let required = required_parties(birth, &parents, Framework::Voluntary, today);
            prop_assert_eq!(required.parties, vec![Party::Youth]);
            prop_assert_eq!(required.rule, Rule::SixteenPlus);
        }

        /// Growing older never moves someone back: once 12 stays 12+, once 16 stays 16+.
        #[test]
        fn ages_are_monotone(
            parents in arb_parents(),
            framework in arb_framework(),
            birth_offset in 0i64..(30 * 366),
            first in 0i64..(30 * 366),
            later in 0i64..(5 * 366),
        ) {
            let birth = day(1996, 2, 29) + TimeDelta::days(birth_offset);
            let d1 = birth + TimeDelta::days(first);
            let d2 = d1 + TimeDelta::days(later);
            let r1 = required_parties(birth, &parents, framework, d1);
            let r2 = required_parties(birth, &parents, framework, d2);
            prop_assert!(stage(r1.rule) <= stage(r2.rule));
            if r1.rule == Rule::SixteenPlus {
                prop_assert_eq!(r2.rule, Rule::SixteenPlus);
            }
        }
    }

    // --- Dutch days ----------------------------------------------------------------------------

    #[test]
    fn dutch_dates() {
        // 2026: summer time from Sunday 29 March to Sunday 25 October, 01:00 UTC.
        for (now, expected) in [
            (at(2026, 1, 14, 22, 59), day(2026, 1, 14)),
            (at(2026, 1, 14, 23, 0), day(2026, 1, 15)),
            (at(2026, 6, 14, 21, 59), day(2026, 6, 14)),
            (at(2026, 6, 14, 22, 0), day(2026, 6, 15)),
            (at(2026, 3, 28, 22, 59), day(2026, 3, 28)),
            (at(2026, 3, 28, 23, 0), day(2026, 3, 29)),
            (at(2026, 10, 24, 22, 0), day(2026, 10, 25)),
            (at(2026, 10, 25, 22, 59), day(2026, 10, 25)),
            (at(2026, 10, 25, 23, 0), day(2026, 10, 26)),
            (at(2026, 12, 31, 23, 0), day(2027, 1, 1)),
        ] {
            assert_eq!(dutch_date(now), expected, "{now}");
        }
    }

    #[test]
    fn the_sixteenth_birthday_starts_at_dutch_midnight() {
        let parents = [parent(true)];
        let consents = [];
        let ctx = SharingContext {
            birth_date: day(2010, 6, 15),
            parents: &parents,
            framework: Framework::Voluntary,
            consents: &consents,
            withholdings: &[],
        };
        let mum = Viewer::Parent {
            index: 0,
            gezag: true,
            participant: "p-mum".into(),
        };
        // 23:30 on 14 June in Amsterdam: still 15.
        assert!(visibility(&mum, Category::Plan, &ctx, at(2026, 6, 14, 21, 30)).allowed);
        // 00:30 on 15 June in Amsterdam, though still 14 June in UTC: 16.
        assert!(!visibility(&mum, Category::Plan, &ctx, at(2026, 6, 14, 22, 30)).allowed);
    }

    // --- consents ------------------------------------------------------------------------------

    fn given(party: Party) -> Given {
        Given {
            party,
            at: at(2026, 1, 5, 10, 0),
            how: "in person".into(),
            by_user: Some("u-prof".into()),
        }
    }

    fn consent(
        category: Category,
        recipient: Recipient,
        required: &[Party],
        given_by: &[Party],
    ) -> Consent {
        Consent {
            id: "c1".into(),
            category,
            recipient,
            valid_from: day(2026, 1, 1),
            valid_until: Some(day(2026, 12, 31)),
            required: required.to_vec(),
            given: given_by.iter().copied().map(given).collect(),
            withdrawn: None,
        }
    }

    #[test]
    fn consent_status_table() {
        use Party::*;
        let sf = Recipient::Participant("p-sf".into());
        let both = [Youth, Parent(0)];
        let base = consent(Category::NetworkMap, sf.clone(), &both, &both);
        let mut withdrawn = base.clone();
        withdrawn.withdrawn = Some(Withdrawal {
            party: Youth,
            at: at(2026, 3, 1, 9, 0),
        });
        let mut open_ended = base.clone();
        open_ended.valid_until = None;
        let mut duplicate_required = base.clone();
        duplicate_required.required = vec![Youth, Youth, Parent(0)];
        duplicate_required.given = vec![given(Parent(0))];
        #[rustfmt::skip]
        let cases: Vec<(&str, Consent, NaiveDate, ConsentStatus)> = vec![
            ("nobody gave it", consent(Category::NetworkMap, sf.clone(), &both, &[]), day(2026, 6, 1), ConsentStatus::Pending { missing: vec![Youth, Parent(0)] }),
            ("only the youth", consent(Category::NetworkMap, sf.clone(), &both, &[Youth]), day(2026, 6, 1), ConsentStatus::Pending { missing: vec![Parent(0)] }),
            ("someone not required", consent(Category::NetworkMap, sf.clone(), &both, &[Youth, Parent(1)]), day(2026, 6, 1), ConsentStatus::Pending { missing: vec![Parent(0)] }),
            ("missing once each", duplicate_required, day(2026, 6, 1), ConsentStatus::Pending { missing: vec![Youth] }),
            ("nobody required", consent(Category::NetworkMap, sf.clone(), &[], &[]), day(2026, 6, 1), ConsentStatus::Pending { missing: vec![] }),
            ("both gave it", base.clone(), day(2026, 6, 1), ConsentStatus::Active),
            ("first day", base.clone(), day(2026, 1, 1), ConsentStatus::Active),
            ("last day", base.clone(), day(2026, 12, 31), ConsentStatus::Active),
            ("day before", base.clone(), day(2025, 12, 31), ConsentStatus::NotYetValid),
            ("day after", base.clone(), day(2027, 1, 1), ConsentStatus::Expired),
            ("no end", open_ended, day(2040, 1, 1), ConsentStatus::Active),
            ("withdrawn", withdrawn.clone(), day(2026, 6, 1), ConsentStatus::Withdrawn),
            ("withdrawn before the period", withdrawn.clone(), day(2025, 6, 1), ConsentStatus::Withdrawn),
            ("withdrawn after the period", withdrawn, day(2027, 6, 1), ConsentStatus::Withdrawn),
            ("pending and expired", consent(Category::NetworkMap, sf.clone(), &both, &[Youth]), day(2027, 1, 1), ConsentStatus::Expired),
            ("pending before the period", consent(Category::NetworkMap, sf, &both, &[]), day(2025, 1, 1), ConsentStatus::Pending { missing: vec![Youth, Parent(0)] }),
        ];
        for (name, c, today, expected) in cases {
            assert_eq!(c.status(today), expected, "{name}");
            assert_eq!(
                c.is_active(today),
                expected == ConsentStatus::Active,
                "{name}"
            );
        }
    }

    #[test]
    fn giving_and_withdrawing() {
        use Party::*;
        let mut c = consent(
            Category::Plan,
            Recipient::Role(RecipientRole::SupportFigures),
            &[Youth, Parent(0)],
            &[Youth],
        );
        assert!(c.may_give(Parent(0)));
        assert!(!c.may_give(Youth), "already given");
        assert!(!c.may_give(Parent(1)), "not required");
        assert!(c.may_withdraw(Youth) && c.may_withdraw(Parent(0)));
        assert!(!c.may_withdraw(Guardian));
        c.withdrawn = Some(Withdrawal {
            party: Parent(0),
            at: at(2026, 2, 1, 8, 0),
        });
        assert!(!c.may_give(Parent(0)) && !c.may_withdraw(Youth));
    }

    #[test]
    fn renewal_when_the_law_asks_others() {
        use Party::*;
        let c = consent(
            Category::Plan,
            Recipient::Role(RecipientRole::Parents),
            &[Parent(0)],
            &[Parent(0)],
        );
        let at_eleven = required_parties(
            day(2014, 6, 1),
            &[parent(true)],
            Framework::Voluntary,
            day(2026, 5, 31),
        );
        let at_twelve = required_parties(
            day(2014, 6, 1),
            &[parent(true)],
            Framework::Voluntary,
            day(2026, 6, 1),
        );
        assert!(!c.needs_renewal(&at_eleven));
        assert!(c.needs_renewal(&at_twelve));
    }

    #[test]
    fn consent_periods() {
        assert!(Consent::check_period(day(2026, 1, 1), None).is_ok());
        assert!(Consent::check_period(day(2026, 1, 1), Some(day(2026, 1, 1))).is_ok());
        assert_eq!(
            Consent::check_period(day(2026, 1, 2), Some(day(2026, 1, 1))),
            Err(FieldError::new("valid_until", "error-consent-period-order"))
        );
    }

    // --- visibility: the matrix ----------------------------------------------------------------

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Kind {
        Professional,
        Administrator,
        Youth,
        ParentGezag,
        ParentNoGezag,
        Guardian,
        SupportFigure,
        Outsider,
    }

    const KINDS: [Kind; 8] = [
        Kind::Professional,
        Kind::Administrator,
        Kind::Youth,
        Kind::ParentGezag,
        Kind::ParentNoGezag,
        Kind::Guardian,
        Kind::SupportFigure,
        Kind::Outsider,
    ];

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Scenario {
        NoConsent,
        Pending,
        Active,
        Withdrawn,
        Expired,
        NotYetValid,
        ActiveForSomeoneElse,
        ActiveForOtherCategory,
        /// An active consent and an active withholding.
        Withheld,
        /// An active consent and a withholding that was lifted.
        WithheldInactive,
        /// An active consent and a withholding of another category.
        WithheldOtherCategory,
    }

    const SCENARIOS: [Scenario; 11] = [
        Scenario::NoConsent,
        Scenario::Pending,
        Scenario::Active,
        Scenario::Withdrawn,
        Scenario::Expired,
        Scenario::NotYetValid,
        Scenario::ActiveForSomeoneElse,
        Scenario::ActiveForOtherCategory,
        Scenario::Withheld,
        Scenario::WithheldInactive,
        Scenario::WithheldOtherCategory,
    ];

    /// How the consent or withholding names its recipient.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Form {
        ById,
        ByRole,
    }

    fn viewer(kind: Kind) -> Viewer {
        match kind {
            Kind::Professional => Viewer::ProfessionalInvolved,
            Kind::Administrator => Viewer::Administrator,
            Kind::Youth => Viewer::Youth,
            Kind::ParentGezag => Viewer::Parent {
                index: 0,
                gezag: true,
                participant: "p-mum".into(),
            },
            Kind::ParentNoGezag => Viewer::Parent {
                index: 1,
                gezag: false,
                participant: "p-dad".into(),
            },
            Kind::Guardian => Viewer::Guardian {
                participant: "p-voogd".into(),
            },
            Kind::SupportFigure => Viewer::SupportFigure {
                participant: "p-sf".into(),
            },
            Kind::Outsider => Viewer::Outsider,
        }
    }

    fn recipient_for(kind: Kind, form: Form) -> Recipient {
        let v = viewer(kind);
        match (form, kind) {
            (Form::ById, _) => {
                Recipient::Participant(v.participant().unwrap_or("p-nobody").to_string())
            }
            (Form::ByRole, Kind::Youth) => Recipient::Role(RecipientRole::Youth),
            (Form::ByRole, Kind::ParentGezag | Kind::ParentNoGezag | Kind::Guardian) => {
                Recipient::Role(RecipientRole::Parents)
            }
            (Form::ByRole, _) => Recipient::Role(RecipientRole::SupportFigures),
        }
    }

    /// The matching rule, stated on its own: by id only people invited to the case; by role
    /// the young person, parents (not a guardian) and support figures.
    fn covered(kind: Kind, form: Form) -> bool {
        use Kind::*;
        match form {
            Form::ById => matches!(kind, ParentGezag | ParentNoGezag | Guardian | SupportFigure),
            Form::ByRole => matches!(kind, Youth | ParentGezag | ParentNoGezag | SupportFigure),
        }
    }

    /// The rules of the brief, stated a second time and as simply as possible.
    fn expected(
        kind: Kind,
        category: Category,
        scenario: Scenario,
        age: i32,
        framework: Framework,
        form: Form,
    ) -> bool {
        use Scenario::*;
        let covered = covered(kind, form);
        let withheld = covered && scenario == Withheld;
        let consent = covered
            && matches!(
                scenario,
                Active | Withheld | WithheldInactive | WithheldOtherCategory
            );
        let not_notes = category != Category::Notes;
        let voogdij = framework == Framework::Guardianship;
        match kind {
            Kind::Professional => true,
            Kind::Administrator | Kind::Outsider => false,
            Kind::Youth => not_notes && !withheld,
            Kind::ParentGezag => !withheld && ((age < 16 && !voogdij && not_notes) || consent),
            Kind::Guardian => !withheld && ((age < 16 && voogdij && not_notes) || consent),
            Kind::ParentNoGezag | Kind::SupportFigure => !withheld && consent,
        }
    }

    fn now() -> DateTime<Utc> {
        at(2026, 6, 15, 10, 0)
    }

    fn other(category: Category) -> Category {
        let i = Category::ALL
            .iter()
            .position(|c| *c == category)
            .unwrap_or(0);
        Category::ALL[(i + 1) % Category::ALL.len()]
    }

    fn fixture(
        kind: Kind,
        category: Category,
        scenario: Scenario,
        form: Form,
    ) -> (Vec<Consent>, Vec<Withholding>) {
        use Party::*;
        let recipient = recipient_for(kind, form);
        let both = [Youth, Parent(0)];
        let mut c = consent(category, recipient.clone(), &both, &both);
        let withholding = |category, active| Withholding {
            category,
            recipient: recipient.clone(),
            reason: "Vader mag niet weten waar zij woont".into(),
            active,
        };
        match scenario {
            Scenario::NoConsent => (vec![], vec![]),
            Scenario::Pending => {
                c.given.truncate(1);
                (vec![c], vec![])
            }
            Scenario::Active => (vec![c], vec![]),
            Scenario::Withdrawn => {
                c.withdrawn = Some(Withdrawal {
                    party: Youth,
                    at: at(2026, 6, 1, 12, 0),
                });
                (vec![c], vec![])
            }
            Scenario::Expired => {
                c.valid_until = Some(day(2026, 6, 14));
                (vec![c], vec![])
            }
            Scenario::NotYetValid => {
                c.valid_from = day(2026, 6, 16);
                (vec![c], vec![])
            }
            Scenario::ActiveForSomeoneElse => {
                c.recipient = Recipient::Participant("p-someone-else".into());
                (vec![c], vec![])
            }
            Scenario::ActiveForOtherCategory => {
                c.category = other(category);
                (vec![c], vec![])
            }
            Scenario::Withheld => (vec![c], vec![withholding(category, true)]),
            Scenario::WithheldInactive => (vec![c], vec![withholding(category, false)]),
            Scenario::WithheldOtherCategory => (vec![c], vec![withholding(other(category), true)]),
        }
    }

    /// Every viewer × category × consent situation × age 10/14/17 × framework × way of naming
    /// the recipient, against the second statement of the rules above.
    #[test]
    fn visibility_matrix() {
        let parents = [parent(true), parent(false)];
        let mut keys_seen = BTreeSet::new();
        let mut cases = 0;
        for kind in KINDS {
            let v = viewer(kind);
            for category in Category::ALL {
                for scenario in SCENARIOS {
                    for form in [Form::ById, Form::ByRole] {
                        let (consents, withholdings) = fixture(kind, category, scenario, form);
                        for age in [10, 14, 17] {
                            for framework in Framework::ALL {
                                let ctx = SharingContext {
                                    birth_date: day(2026 - age, 1, 1),
                                    parents: &parents,
                                    framework,
                                    consents: &consents,
                                    withholdings: &withholdings,
                                };
                                let got = visibility(&v, category, &ctx, now());
                                let want = expected(kind, category, scenario, age, framework, form);
                                let label = format!(
                                    "{kind:?} {category} {scenario:?} {form:?} age {age} {framework}: {:?}",
                                    got.reasons
                                );
                                assert_eq!(got.allowed, want, "{label}");
                                assert!(!got.reasons.is_empty(), "{label}");
                                let told = got.told_to_viewer();
                                assert_eq!(told.allowed, got.allowed);
                                let withheld = kind != Kind::Professional
                                    && covered(kind, form)
                                    && scenario == Scenario::Withheld;
                                if withheld {
                                    assert_eq!(got.reasons[0].key, WITHHELD, "{label}");
                                    assert_eq!(told.reasons[0].key, WITHHELD_NEUTRAL);
                                }
                                assert!(
                                    told.reasons
                                        .iter()
                                        .all(|r| r.args.iter().all(|(_, a)| !a.contains("Vader"))),
                                    "the professional's reason never reaches the viewer: {label}"
                                );
                                for r in got.reasons.iter().chain(&told.reasons) {
                                    keys_seen.insert(r.key);
                                }
                                cases += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(cases, 8 * 6 * 11 * 2 * 3 * 4);
        for key in &keys_seen {
            assert!(
                MESSAGE_KEYS.contains(key),
                "{key} is listed in MESSAGE_KEYS"
            );
        }
        keys_seen.insert("visibility-consent-nobody-to-give"); // checked below
        keys_seen.insert("visibility-consent-active"); // checked below
        for key in MESSAGE_KEYS.iter().filter(|k| k.starts_with("visibility-")) {
            assert!(keys_seen.contains(key), "{key} can be produced");
        }
    }

    #[test]
    fn every_listed_key_is_used_and_unique() {
        let mut used: BTreeSet<&str> = BTreeSet::new();
        used.extend(Framework::ALL.map(Framework::label_key));
        used.extend(Framework::ALL.map(Framework::note_key));
        used.extend(Rule::ALL.map(Rule::key));
        used.extend(Category::ALL.map(Category::label_key));
        for status in [
            ConsentStatus::Pending { missing: vec![] },
            ConsentStatus::Active,
            ConsentStatus::NotYetValid,
            ConsentStatus::Expired,
            ConsentStatus::Withdrawn,
        ] {
            used.insert(status.label_key());
        }
        used.extend(RecipientRole::ALL.map(RecipientRole::label_key));
        used.insert("error-consent-period-order");
        used.insert("error-consent-research-category");
        used.insert("error-withhold-research");
        let listed: BTreeSet<&str> = MESSAGE_KEYS.iter().copied().collect();
        assert_eq!(listed.len(), MESSAGE_KEYS.len(), "no key listed twice");
        for key in &used {
            assert!(listed.contains(key), "{key} is listed");
        }
        for key in &listed {
            assert!(
                used.contains(key) || key.starts_with("visibility-"),
                "{key} is used"
            );
        }
    }

    // --- visibility: stories and details -------------------------------------------------------

    fn keys(v: &Visibility) -> Vec<&'static str> {
        v.reasons.iter().map(|r| r.key).collect()
    }

    /// The story: a 14-year-old and a parent with gezag; the support figure sees the
    /// map only after both consented, and loses it at once when the young person withdraws.
    #[test]
    fn support_figure_sees_the_map_after_both_consented() {
        use Party::*;
        let parents = [parent(true)];
        let birth = day(2012, 3, 3);
        let today = day(2026, 6, 15);
        let required = required_parties(birth, &parents, Framework::Voluntary, today);
        assert_eq!(required.parties, [Youth, Parent(0)]);
        let sf = Viewer::SupportFigure {
            participant: "p-sf".into(),
        };
        let mut c = Consent {
            id: "c-map".into(),
            category: Category::NetworkMap,
            recipient: Recipient::Participant("p-sf".into()),
            valid_from: today,
            valid_until: None,
            required: required.parties.clone(),
            given: vec![],
            withdrawn: None,
        };
        let check = |c: &Consent| {
            let consents = [c.clone()];
            let ctx = SharingContext {
                birth_date: birth,
                parents: &parents,
                framework: Framework::Voluntary,
                consents: &consents,
                withholdings: &[],
            };
            visibility(&sf, Category::NetworkMap, &ctx, now())
        };
        let v = check(&c);
        assert!(!v.allowed);
        assert_eq!(
            v.reasons,
            [Reason::new("visibility-consent-pending").with("count", 2)]
        );
        c.given.push(given(Youth));
        let v = check(&c);
        assert!(!v.allowed);
        assert_eq!(
            v.reasons,
            [Reason::new("visibility-consent-pending").with("count", 1)]
        );
        c.given.push(given(Parent(0)));
        let v = check(&c);
        assert!(v.allowed);
        assert_eq!(keys(&v), ["visibility-consent-active"]);
        c.withdrawn = Some(Withdrawal {
            party: Youth,
            at: at(2026, 6, 15, 9, 59),
        });
        let v = check(&c);
        assert!(!v.allowed);
        assert_eq!(
            v.reasons,
            [Reason::new("visibility-consent-withdrawn").with("on", "2026-06-15")]
        );
    }

    #[test]
    fn reasons_explain_in_order() {
        let parents = [parent(true), parent(false)];
        let mut c = consent(
            Category::Plan,
            Recipient::Role(RecipientRole::Parents),
            &[Party::Youth],
            &[Party::Youth],
        );
        c.valid_until = Some(day(2026, 12, 31));
        let consents = [c];
        let ctx = SharingContext {
            birth_date: day(2009, 1, 1),
            parents: &parents,
            framework: Framework::Voluntary,
            consents: &consents,
            withholdings: &[],
        };
        let mum = viewer(Kind::ParentGezag);
        let dad = viewer(Kind::ParentNoGezag);
        let v = visibility(&mum, Category::Plan, &ctx, now());
        assert!(v.allowed);
        assert_eq!(
            v.reasons,
            [
                Reason::new("visibility-youth-sixteen-decides"),
                Reason::new("visibility-consent-active-until").with("until", "2026-12-31"),
            ]
        );
        let v = visibility(&dad, Category::SafetySection, &ctx, now());
        assert!(!v.allowed);
        assert_eq!(
            keys(&v),
            ["visibility-parent-no-gezag", "visibility-no-consent"]
        );
        let young = SharingContext {
            birth_date: day(2016, 1, 1),
            ..ctx
        };
        let v = visibility(&mum, Category::Notes, &young, now());
        assert_eq!(
            keys(&v),
            ["visibility-notes-working-notes", "visibility-no-consent"]
        );
        let v = visibility(&mum, Category::Measurements, &young, now());
        assert!(v.allowed);
        assert_eq!(keys(&v), ["visibility-parent-gezag"]);
        let voogdij = SharingContext {
            framework: Framework::Guardianship,
            ..young
        };
        let v = visibility(&mum, Category::Measurements, &voogdij, now());
        assert_eq!(
            keys(&v),
            ["visibility-parent-guardianship", "visibility-no-consent"]
        );
        let v = visibility(&viewer(Kind::Guardian), Category::Plan, &voogdij, now());
        assert!(v.allowed);
        assert_eq!(keys(&v), ["visibility-guardian"]);
        let v = visibility(&viewer(Kind::Guardian), Category::Plan, &young, now());
        assert_eq!(
            keys(&v),
            ["visibility-guardian-not-recorded", "visibility-no-consent"]
        );
    }

    /// Gezag is read from the case; a viewer that claims gezag the case does not record (or a
    /// parent index that does not exist) is treated as without gezag.
    #[test]
    fn gezag_must_agree_with_the_case() {
        let parents = [parent(false)];
        let ctx = SharingContext {
            birth_date: day(2016, 1, 1),
            parents: &parents,
            framework: Framework::Voluntary,
            consents: &[],
            withholdings: &[],
        };
        for index in [0, 1, 200] {
            let claims = Viewer::Parent {
                index,
                gezag: true,
                participant: "p-x".into(),
            };
            let v = visibility(&claims, Category::Plan, &ctx, now());
            assert!(!v.allowed, "index {index}");
            assert_eq!(keys(&v)[0], "visibility-parent-no-gezag");
        }
    }

    #[test]
    fn several_consents_every_one_explained() {
        let mut pending = consent(
            Category::Plan,
            Recipient::Participant("p-sf".into()),
            &[Party::Youth],
            &[],
        );
        pending.id = "c-pending".into();
        let mut expired = consent(
            Category::Plan,
            Recipient::Role(RecipientRole::SupportFigures),
            &[Party::Youth],
            &[Party::Youth],
        );
        expired.valid_until = Some(day(2026, 3, 1));
        let mut nobody = pending.clone();
        nobody.required.clear();
        let mut upcoming = expired.clone();
        upcoming.valid_from = day(2026, 7, 1);
        upcoming.valid_until = None;
        let consents = [pending, expired, nobody, upcoming];
        let ctx = SharingContext {
            birth_date: day(2009, 1, 1),
            parents: &[],
            framework: Framework::Voluntary,
            consents: &consents,
            withholdings: &[],
        };
        let v = visibility(&viewer(Kind::SupportFigure), Category::Plan, &ctx, now());
        assert!(!v.allowed);
        assert_eq!(
            v.reasons,
            [
                Reason::new("visibility-consent-pending").with("count", 1),
                Reason::new("visibility-consent-expired").with("until", "2026-03-01"),
                Reason::new("visibility-consent-nobody-to-give"),
                Reason::new("visibility-consent-not-yet-valid").with("from", "2026-07-01"),
            ]
        );
    }

    #[test]
    fn withholding_reason_for_professionals_neutral_for_the_viewer() {
        let withholdings = [Withholding {
            category: Category::ContactDetails,
            recipient: Recipient::Role(RecipientRole::Youth),
            reason: "Adres van pleeggezin blijft geheim".into(),
            active: true,
        }];
        let ctx = SharingContext {
            birth_date: day(2012, 1, 1),
            parents: &[],
            framework: Framework::Voluntary,
            consents: &[],
            withholdings: &withholdings,
        };
        let v = visibility(&Viewer::Youth, Category::ContactDetails, &ctx, now());
        assert!(!v.allowed);
        assert_eq!(
            v.reasons,
            [Reason::new("visibility-withheld")
                .with("reason", "Adres van pleeggezin blijft geheim")]
        );
        assert_eq!(
            v.told_to_viewer().reasons,
            [Reason::new("visibility-withheld-neutral")]
        );
        // Professionals are never withheld from; other categories are unaffected.
        assert!(
            visibility(
                &Viewer::ProfessionalInvolved,
                Category::ContactDetails,
                &ctx,
                now()
            )
            .allowed
        );
        assert!(visibility(&Viewer::Youth, Category::Plan, &ctx, now()).allowed);
    }

    #[test]
    fn who_can_see_lists_everyone_in_order() {
        let parents = [parent(true)];
        let ctx = SharingContext {
            birth_date: day(2012, 1, 1),
            parents: &parents,
            framework: Framework::Voluntary,
            consents: &[],
            withholdings: &[],
        };
        let people = vec![
            (
                Viewer::ProfessionalInvolved,
                "Fatima (gezinscoach)".to_string(),
            ),
            (Viewer::Youth, "Sam".to_string()),
            (viewer(Kind::ParentGezag), "Moeder".to_string()),
            (viewer(Kind::SupportFigure), "Oom Kees".to_string()),
        ];
        let list = who_can_see(Category::NetworkMap, &ctx, &people, now());
        let summary: Vec<(&str, bool)> =
            list.iter().map(|(n, v)| (n.as_str(), v.allowed)).collect();
        assert_eq!(
            summary,
            [
                ("Fatima (gezinscoach)", true),
                ("Sam", true),
                ("Moeder", true),
                ("Oom Kees", false)
            ]
        );
    }

    #[test]
    fn legal_basis_per_framework() {
        assert!(!legal_basis(Framework::Voluntary));
        assert!(legal_basis(Framework::SupervisionOrder));
        assert!(legal_basis(Framework::Guardianship));
        assert!(!legal_basis(Framework::Jeugdzorgplus));
    }

    // --- research ------------------------------------------------------------------------------

    fn research(category: Category, required: &[Party], given_by: &[Party]) -> Consent {
        consent(
            category,
            Recipient::Role(RecipientRole::Research),
            required,
            given_by,
        )
    }

    #[test]
    fn research_is_named_for_the_dataset_categories_only() {
        let research = Recipient::Role(RecipientRole::Research);
        for category in Category::ALL {
            let allowed = matches!(
                category,
                Category::NetworkMap | Category::Plan | Category::Measurements
            );
            assert_eq!(
                Consent::check_recipient(category, &research).is_ok(),
                allowed,
                "{category}"
            );
            assert!(
                Consent::check_recipient(category, &Recipient::Role(RecipientRole::Parents))
                    .is_ok()
            );
        }
        assert_eq!(
            Consent::check_recipient(Category::Notes, &research),
            Err(FieldError::new(
                "category",
                "error-consent-research-category"
            ))
        );
        assert_eq!(
            Withholding::check_recipient(&research),
            Err(FieldError::new("recipient", "error-withhold-research"))
        );
        assert!(Withholding::check_recipient(&Recipient::Participant("p-sf".into())).is_ok());
    }

    /// A 14-year-old: the young person and the parent with gezag both consent, on the
    /// measurements; the map and the plan come along only with their own consent.
    #[test]
    fn research_scope_table() {
        use Party::*;
        let both = [Youth, Parent(0)];
        let on = day(2026, 6, 15);
        let measurements = research(Category::Measurements, &both, &both);
        let network = research(Category::NetworkMap, &both, &both);
        let plan = research(Category::Plan, &both, &both);
        let mut withdrawn = measurements.clone();
        withdrawn.withdrawn = Some(Withdrawal {
            party: Parent(0),
            at: at(2026, 3, 1, 9, 0),
        });
        let mut expired = measurements.clone();
        expired.valid_until = Some(day(2026, 6, 14));
        let mut not_yet = measurements.clone();
        not_yet.valid_from = day(2026, 6, 16);
        let mut for_parents = measurements.clone();
        for_parents.recipient = Recipient::Role(RecipientRole::Parents);
        let scope = |network, plan| Some(ResearchScope { network, plan });
        #[rustfmt::skip]
        let cases: Vec<(&str, Vec<Consent>, Option<ResearchScope>)> = vec![
            ("no consent", vec![], None),
            ("measurements", vec![measurements.clone()], scope(false, false)),
            ("measurements and map", vec![measurements.clone(), network.clone()], scope(true, false)),
            ("all three", vec![plan.clone(), network.clone(), measurements.clone()], scope(true, true)),
            ("map alone is not enough", vec![network.clone(), plan.clone()], None),
            ("only the young person gave it", vec![research(Category::Measurements, &both, &[Youth])], None),
            ("only the parent gave it", vec![research(Category::Measurements, &both, &[Parent(0)])], None),
            ("nobody could give it", vec![research(Category::Measurements, &[], &[])], None),
            ("withdrawn by the parent", vec![withdrawn.clone(), network.clone()], None),
            ("withdrawn, and a later one active", vec![withdrawn, measurements.clone()], scope(false, false)),
            ("expired", vec![expired], None),
            ("not yet valid", vec![not_yet], None),
            ("consent for the parents, not research", vec![for_parents, network], None),
        ];
        for (name, consents, expected) in cases {
            assert_eq!(research_scope(&consents, on), expected, "{name}");
        }
    }

    // --- visibility: properties ----------------------------------------------------------------

    fn arb_category() -> impl Strategy<Value = Category> {
        prop::sample::select(Category::ALL.to_vec())
    }

    fn arb_party() -> impl Strategy<Value = Party> {
        prop_oneof![
            Just(Party::Youth),
            (0u8..3).prop_map(Party::Parent),
            Just(Party::Guardian)
        ]
    }

    fn arb_recipient() -> impl Strategy<Value = Recipient> {
        prop_oneof![
            prop::sample::select(vec!["p-sf", "p-sf-2", "p-mum", "p-dad", "p-voogd"])
                .prop_map(|id| Recipient::Participant(id.to_string())),
            prop::sample::select(RecipientRole::ALL.to_vec()).prop_map(Recipient::Role),
        ]
    }

    fn arb_consent() -> impl Strategy<Value = Consent> {
        (
            arb_category(),
            arb_recipient(),
            -400i64..400,
            prop::option::of(-400i64..400),
            prop::collection::vec(arb_party(), 0..4),
            prop::collection::vec(arb_party(), 0..5),
            prop::option::of((arb_party(), -400i64..400)),
        )
            .prop_map(
                |(category, recipient, from, until, required, given_by, withdrawn)| {
                    let base = day(2026, 6, 15);
                    Consent {
                        id: "c".into(),
                        category,
                        recipient,
                        valid_from: base + TimeDelta::days(from),
                        valid_until: until.map(|u| base + TimeDelta::days(u)),
                        required,
                        given: given_by.into_iter().map(given).collect(),
                        withdrawn: withdrawn.map(|(party, d)| Withdrawal {
                            party,
                            at: now() + TimeDelta::days(d),
                        }),
                    }
                },
            )
    }

    fn arb_withholding() -> impl Strategy<Value = Withholding> {
        (arb_category(), arb_recipient(), any::<bool>()).prop_map(
            |(category, recipient, active)| Withholding {
                category,
                recipient,
                reason: "reden".into(),
                active,
            },
        )
    }

    fn arb_viewer() -> impl Strategy<Value = Viewer> {
        prop_oneof![
            Just(Viewer::ProfessionalInvolved),
            Just(Viewer::Administrator),
            Just(Viewer::Youth),
            (
                0u8..3,
                any::<bool>(),
                prop::sample::select(vec!["p-mum", "p-dad"])
            )
                .prop_map(|(index, gezag, id)| Viewer::Parent {
                    index,
                    gezag,
                    participant: id.into()
                }),
            Just(Viewer::Guardian {
                participant: "p-voogd".into()
            }),
            prop::sample::select(vec!["p-sf", "p-sf-2"]).prop_map(|id| Viewer::SupportFigure {
                participant: id.into()
            }),
            Just(Viewer::Outsider),
        ]
    }

    fn arb_when() -> impl Strategy<Value = (NaiveDate, DateTime<Utc>)> {
        (0i64..(27 * 366), -1000i64..1000).prop_map(|(age_days, minutes)| {
            let t = now() + TimeDelta::minutes(minutes * 37);
            (dutch_date(t) - TimeDelta::days(age_days), t)
        })
    }

    proptest! {
        #[test]
        fn a_withdrawn_consent_never_allows_a_support_figure(
            mut consents in prop::collection::vec(arb_consent(), 0..6),
            parents in arb_parents(),
            framework in arb_framework(),
            category in arb_category(),
            (birth_date, t) in arb_when(),
            who in prop::sample::select(vec!["p-sf", "p-sf-2"]),
        ) {
            for c in &mut consents {
                c.withdrawn.get_or_insert(Withdrawal { party: Party::Youth, at: t });
            }
            let ctx = SharingContext { birth_date, parents: &parents, framework, consents: &consents, withholdings: &[] };
            let sf = Viewer::SupportFigure { participant: who.into() };
            prop_assert!(!visibility(&sf, category, &ctx, t).allowed);
        }

        #[test]
        fn withholding_always_wins(
            consents in prop::collection::vec(arb_consent(), 0..6),
            mut withholdings in prop::collection::vec(arb_withholding(), 0..4),
            parents in arb_parents(),
            framework in arb_framework(),
            category in arb_category(),
            (birth_date, t) in arb_when(),
            v in arb_viewer(),
            by_role in any::<bool>(),
        ) {
            let recipient = match (&v, v.participant(), by_role) {
                (Viewer::Youth, _, _) => Recipient::Role(RecipientRole::Youth),
                (Viewer::Parent { .. }, _, true) => Recipient::Role(RecipientRole::Parents),
                (Viewer::SupportFigure { .. }, _, true) => Recipient::Role(RecipientRole::SupportFigures),
                (_, Some(id), _) => Recipient::Participant(id.to_string()),
                (_, None, _) => Recipient::Role(RecipientRole::SupportFigures),
            };
            withholdings.push(Withholding { category, recipient, reason: "schadelijk".into(), active: true });
            let ctx = SharingContext { birth_date, parents: &parents, framework, consents: &consents, withholdings: &withholdings };
            let got = visibility(&v, category, &ctx, t);
            if v == Viewer::ProfessionalInvolved {
                prop_assert!(got.allowed);
            } else {
                prop_assert!(!got.allowed);
            }
        }

        #[test]
        fn an_outsider_never_sees_anything(
            consents in prop::collection::vec(arb_consent(), 0..6),
            withholdings in prop::collection::vec(arb_withholding(), 0..4),
            parents in arb_parents(),
            framework in arb_framework(),
            category in arb_category(),
            (birth_date, t) in arb_when(),
        ) {
            let ctx = SharingContext { birth_date, parents: &parents, framework, consents: &consents, withholdings: &withholdings };
            prop_assert!(!visibility(&Viewer::Outsider, category, &ctx, t).allowed);
            prop_assert!(!visibility(&Viewer::Administrator, category, &ctx, t).allowed);
            prop_assert!(visibility(&Viewer::ProfessionalInvolved, category, &ctx, t).allowed);
        }

        /// A consent for research never lets anyone see anything: every viewer gets the same
        /// answer, with the same reasons, as when the research consents were not there.
        #[test]
        fn research_consent_never_makes_anything_visible(
            consents in prop::collection::vec(arb_consent(), 0..6),
            research_consents in prop::collection::vec(arb_consent(), 1..6),
            withholdings in prop::collection::vec(arb_withholding(), 0..4),
            parents in arb_parents(),
            framework in arb_framework(),
            category in arb_category(),
            (birth_date, t) in arb_when(),
            v in arb_viewer(),
        ) {
            let mut all = consents.clone();
            for mut c in research_consents {
                c.recipient = Recipient::Role(RecipientRole::Research);
                all.push(c);
            }
            let without = SharingContext { birth_date, parents: &parents, framework, consents: &consents, withholdings: &withholdings };
            let with = SharingContext { consents: &all, ..without };
            prop_assert_eq!(visibility(&v, category, &with, t), visibility(&v, category, &without, t));
            prop_assert!(!Recipient::Role(RecipientRole::Research).matches(&v));
        }

        /// The order in which consents and withholdings are stored never changes the answer.
        #[test]
        fn order_does_not_matter(
            consents in prop::collection::vec(arb_consent(), 0..6),
            withholdings in prop::collection::vec(arb_withholding(), 0..4),
            parents in arb_parents(),
            framework in arb_framework(),
            category in arb_category(),
            (birth_date, t) in arb_when(),
            v in arb_viewer(),
        ) {
            let ctx = SharingContext { birth_date, parents: &parents, framework, consents: &consents, withholdings: &withholdings };
            let mut c2 = consents.clone();
            c2.reverse();
            let mut w2 = withholdings.clone();
            w2.reverse();
            let reversed = SharingContext { consents: &c2, withholdings: &w2, ..ctx };
            prop_assert_eq!(
                visibility(&v, category, &ctx, t).allowed,
                visibility(&v, category, &reversed, t).allowed
            );
        }
    }
}
