//! The support check (*steuncheck*): the Social Support Network Map (Tracy & Whittaker 1990),
//! asked per network member, repeated over time.
//!
//! Per member the respondent answers, as in the instrument:
//!
//! - concrete, emotional and informational support, each 1 hardly ever – 3 almost always
//!   ([`Rating`]), **twice**: as *perceived available* ("would they help if you needed it?") and
//!   as *received* ("did they help in the four weeks before this check?");
//! - criticalness, 1 hardly ever – 3 almost always;
//! - direction of help: `to_youth`, `from_youth`, `mutual` (the network's [`Direction`]);
//! - closeness 1 not very close – 3 very close ([`Closeness`]);
//! - how often they see each other, 0 not at all – 4 daily (the network's [`ContactFrequency`]);
//! - how long they have known each other, under 1, 1–5, over 5 years (the network's
//!   [`KnownYears`]).
//!
//! **Perceived and received support are kept apart** (Spilsbury & Korbin 2013: mixing them
//! hides exactly what matters — a young person may believe an aunt would help and still get
//! nothing from her). We keep them as two separate sets of the three scores in one answer
//! ([`MemberAnswer::perceived`], [`MemberAnswer::received`]) rather than as two kinds of check,
//! because the relationship questions (criticalness, direction, closeness, contact, years) are
//! the same for both and asking them twice would double a questionnaire a young person fills in
//! on a phone; and because the difference per member ("available but not used") can only be
//! seen when both sit side by side. The two sets are never mixed: every score is given for
//! each [`Timeframe`] on its own. The received timeframe is the [`RECEIVED_WINDOW_DAYS`] before
//! the day the check started ([`SupportCheck::received_period`]).
//!
//! A check can be **in progress**: answers are recorded one member at a time and
//! [`SupportCheck::next_unanswered`] says whom to ask next, so a young person can stop and come
//! back. A finished check takes no more answers.

use super::{keep, scale, share};
use crate::FieldError;
use crate::consent::value_list;
use crate::network::{
    ContactFrequency, Direction, KnownYears, MemberId, NetworkMember, NumberOrText, Sector,
};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

/// Received support is asked about the four weeks before the check.
pub const RECEIVED_WINDOW_DAYS: u64 = 28;

/// The SSNM's three-point scale for support and criticalness. On the wire the number 1–3, as in
/// the instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Rating {
    HardlyEver = 1,
    Sometimes = 2,
    AlmostAlways = 3,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::HardlyEver, Rating::Sometimes, Rating::AlmostAlways];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The rating for 1, 2 or 3; `error-out-of-range` on `field` otherwise.
    pub fn from_number(field: &'static str, number: i64) -> Result<Rating, FieldError> {
        match number {
            1 => Ok(Rating::HardlyEver),
            2 => Ok(Rating::Sometimes),
            3 => Ok(Rating::AlmostAlways),
            _ => Err(FieldError::new(field, "error-out-of-range")),
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Rating::HardlyEver => "support-check-rating-hardly-ever",
            Rating::Sometimes => "support-check-rating-sometimes",
            Rating::AlmostAlways => "support-check-rating-almost-always",
        }
    }
}

impl TryFrom<u8> for Rating {
    type Error = FieldError;
    fn try_from(number: u8) -> Result<Rating, FieldError> {
        Rating::from_number("rating", i64::from(number))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.number()
    }
}

/// How close the young person feels to the member (SSNM 1–3). On the wire the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Closeness {
    NotVeryClose = 1,
    SortOfClose = 2,
    VeryClose = 3,
}

impl Closeness {
    pub const ALL: [Closeness; 3] = [
        Closeness::NotVeryClose,
        Closeness::SortOfClose,
        Closeness::VeryClose,
    ];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The closeness for 1, 2 or 3; `error-out-of-range` on `field` otherwise.
    pub fn from_number(field: &'static str, number: i64) -> Result<Closeness, FieldError> {
        match number {
            1 => Ok(Closeness::NotVeryClose),
            2 => Ok(Closeness::SortOfClose),
            3 => Ok(Closeness::VeryClose),
            _ => Err(FieldError::new(field, "error-out-of-range")),
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Closeness::NotVeryClose => "support-check-closeness-not-very-close",
            Closeness::SortOfClose => "support-check-closeness-sort-of-close",
            Closeness::VeryClose => "support-check-closeness-very-close",
        }
    }
}

impl TryFrom<u8> for Closeness {
    type Error = FieldError;
    fn try_from(number: u8) -> Result<Closeness, FieldError> {
        Closeness::from_number("closeness", i64::from(number))
    }
}

impl From<Closeness> for u8 {
    fn from(closeness: Closeness) -> u8 {
        closeness.number()
    }
}

value_list!(
    /// Who answered the check. Answers of different respondents are different checks: a
    /// parent's view of the young person's network is not the young person's.
    Respondent {
        Youth = "youth",
        Parent = "parent",
        Professional = "professional",
    }
);

impl Respondent {
    pub fn label_key(self) -> &'static str {
        match self {
            Respondent::Youth => "support-check-respondent-youth",
            Respondent::Parent => "support-check-respondent-parent",
            Respondent::Professional => "support-check-respondent-professional",
        }
    }
}

value_list!(
    /// The SSNM's three types of support.
    SupportKind {
        /// Concrete, instrumental help: a lift, a meal, a place to sleep.
        Concrete = "concrete",
        /// Being there, listening, comfort.
        Emotional = "emotional",
        /// Advice and information.
        Informational = "informational",
    }
);

impl SupportKind {
    pub fn label_key(self) -> &'static str {
        match self {
            SupportKind::Concrete => "support-check-type-concrete",
            SupportKind::Emotional => "support-check-type-emotional",
            SupportKind::Informational => "support-check-type-informational",
        }
    }
}

value_list!(
    /// Which of the two support questions: kept apart throughout.
    Timeframe {
        /// Support the young person believes is there if needed.
        Perceived = "perceived",
        /// Support actually received in the [`RECEIVED_WINDOW_DAYS`] before the check.
        Received = "received",
    }
);

impl Timeframe {
    pub fn label_key(self) -> &'static str {
        match self {
            Timeframe::Perceived => "support-check-timeframe-perceived",
            Timeframe::Received => "support-check-timeframe-received",
        }
    }
}

/// The three support ratings for one member and one timeframe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupportScores {
    pub concrete: Rating,
    pub emotional: Rating,
    pub informational: Rating,
}

impl SupportScores {
    pub fn get(self, kind: SupportKind) -> Rating {
        match kind {
            SupportKind::Concrete => self.concrete,
            SupportKind::Emotional => self.emotional,
            SupportKind::Informational => self.informational,
        }
    }
}

/// The answers about one network member. Every field holds a valid value by its type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberAnswer {
    pub member: MemberId,
    /// Support the young person believes is there if needed.
    pub perceived: SupportScores,
    /// Support received in the four weeks before the check.
    pub received: SupportScores,
    pub criticalness: Rating,
    pub direction: Direction,
    pub closeness: Closeness,
    /// How often they see each other (SSNM 0–4).
    pub seen: ContactFrequency,
    pub known: KnownYears,
}

impl MemberAnswer {
    pub fn support(&self, timeframe: Timeframe) -> SupportScores {
        match timeframe {
            Timeframe::Perceived => self.perceived,
            Timeframe::Received => self.received,
        }
    }
}

/// One member's answers as posted: ratings as numbers (JSON) or text (a form); `seen` as its
/// name (`weekly`) or SSNM score (`3`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RawMemberAnswer {
    pub member: String,
    pub perceived_concrete: Option<NumberOrText>,
    pub perceived_emotional: Option<NumberOrText>,
    pub perceived_informational: Option<NumberOrText>,
    pub received_concrete: Option<NumberOrText>,
    pub received_emotional: Option<NumberOrText>,
    pub received_informational: Option<NumberOrText>,
    pub criticalness: Option<NumberOrText>,
    pub direction: Option<String>,
    pub closeness: Option<NumberOrText>,
    pub seen: Option<NumberOrText>,
    pub known: Option<String>,
}

impl MemberAnswer {
    /// The answer in `raw`, or every problem with it (field and message key). Every question is
    /// required: an unanswered member is simply not answered yet. Whether the member is in the
    /// network is checked by [`SupportCheck::record`].
    pub fn parse(raw: &RawMemberAnswer) -> Result<MemberAnswer, Vec<FieldError>> {
        let mut errors = Vec::new();

        let member = raw.member.trim();
        let member = keep(
            &mut errors,
            if member.is_empty() {
                Err(FieldError::new("member", "error-required"))
            } else {
                Ok(MemberId::from_stored(member))
            },
        );
        let rating = |field: &'static str, value: &Option<NumberOrText>| {
            scale(field, value.as_ref(), 1, 3).and_then(|n| Rating::from_number(field, n))
        };
        let perceived = (
            keep(
                &mut errors,
                rating("perceived_concrete", &raw.perceived_concrete),
            ),
            keep(
                &mut errors,
                rating("perceived_emotional", &raw.perceived_emotional),
            ),
            keep(
                &mut errors,
                rating("perceived_informational", &raw.perceived_informational),
            ),
        );
        let received = (
            keep(
                &mut errors,
                rating("received_concrete", &raw.received_concrete),
            ),
            keep(
                &mut errors,
                rating("received_emotional", &raw.received_emotional),
            ),
            keep(
                &mut errors,
                rating("received_informational", &raw.received_informational),
            ),
        );
        let criticalness = keep(&mut errors, rating("criticalness", &raw.criticalness));
        let direction = keep(
            &mut errors,
            code("direction", raw.direction.as_deref(), Direction::parse),
        );
        let closeness = keep(
            &mut errors,
            scale("closeness", raw.closeness.as_ref(), 1, 3)
                .and_then(|n| Closeness::from_number("closeness", n)),
        );
        let seen = keep(&mut errors, seen(raw.seen.as_ref()));
        let known = keep(
            &mut errors,
            code("known", raw.known.as_deref(), KnownYears::parse),
        );

        match (
            member,
            perceived,
            received,
            criticalness,
            direction,
            closeness,
            seen,
            known,
        ) {
            (
                Some(member),
                (Some(pc), Some(pe), Some(pi)),
                (Some(rc), Some(re), Some(ri)),
                Some(criticalness),
                Some(direction),
                Some(closeness),
                Some(seen),
                Some(known),
            ) if errors.is_empty() => Ok(MemberAnswer {
                member,
                perceived: SupportScores {
                    concrete: pc,
                    emotional: pe,
                    informational: pi,
                },
                received: SupportScores {
                    concrete: rc,
                    emotional: re,
                    informational: ri,
                },
                criticalness,
                direction,
                closeness,
                seen,
                known,
            }),
            _ => Err(errors),
        }
    }
}

/// A required value from a list.
fn code<T>(
    field: &'static str,
    raw: Option<&str>,
    parse: fn(&str) -> Option<T>,
) -> Result<T, FieldError> {
    match raw.map(str::trim).filter(|r| !r.is_empty()) {
        None => Err(FieldError::new(field, "error-required")),
        Some(raw) => parse(raw).ok_or(FieldError::new(field, "error-unknown-value")),
    }
}

/// How often seen: its name or its SSNM score 0–4.
fn seen(raw: Option<&NumberOrText>) -> Result<ContactFrequency, FieldError> {
    if let Some(NumberOrText::Text(text)) = raw
        && let Some(frequency) = ContactFrequency::parse(text)
    {
        return Ok(frequency);
    }
    let score = scale("seen", raw, 0, 4)?;
    u8::try_from(score)
        .ok()
        .and_then(ContactFrequency::from_score)
        .ok_or(FieldError::new("seen", "error-out-of-range"))
}

/// How far a check got for a given member list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Members in the list who have an answer.
    pub answered: usize,
    /// Members in the list.
    pub total: usize,
}

/// One support check: who answered, when, and the answers so far (at most one per member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredCheck")]
pub struct SupportCheck {
    respondent: Respondent,
    started_on: NaiveDate,
    finished_on: Option<NaiveDate>,
    answers: Vec<MemberAnswer>,
}

/// A check as stored, checked on the way in: one answer per member, finished after started.
#[derive(Deserialize)]
struct StoredCheck {
    respondent: Respondent,
    started_on: NaiveDate,
    finished_on: Option<NaiveDate>,
    answers: Vec<MemberAnswer>,
}

impl TryFrom<StoredCheck> for SupportCheck {
    type Error = FieldError;
    fn try_from(stored: StoredCheck) -> Result<SupportCheck, FieldError> {
        let mut seen = HashSet::new();
        if !stored.answers.iter().all(|a| seen.insert(&a.member)) {
            return Err(FieldError::new("answers", "error-invalid-value"));
        }
        if stored.finished_on.is_some_and(|f| f < stored.started_on) {
            return Err(FieldError::new(
                "finished_on",
                "error-support-check-finish-before-start",
            ));
        }
        Ok(SupportCheck {
            respondent: stored.respondent,
            started_on: stored.started_on,
            finished_on: stored.finished_on,
            answers: stored.answers,
        })
    }
}

impl SupportCheck {
    /// A new check, nobody answered yet.
    pub fn start(respondent: Respondent, on: NaiveDate) -> SupportCheck {
        SupportCheck {
            respondent,
            started_on: on,
            finished_on: None,
            answers: Vec::new(),
        }
    }

    pub fn respondent(&self) -> Respondent {
        self.respondent
    }

    pub fn started_on(&self) -> NaiveDate {
        self.started_on
    }

    pub fn finished_on(&self) -> Option<NaiveDate> {
        self.finished_on
    }

    pub fn is_finished(&self) -> bool {
        self.finished_on.is_some()
    }

    /// The answers in the order they were first given.
    pub fn answers(&self) -> &[MemberAnswer] {
        &self.answers
    }

    pub fn answer_for(&self, member: &MemberId) -> Option<&MemberAnswer> {
        self.answers.iter().find(|a| &a.member == member)
    }

    /// The days received support is asked about: the [`RECEIVED_WINDOW_DAYS`] days up to and
    /// including the day before the check started, as `(first, last)`.
    pub fn received_period(&self) -> (NaiveDate, NaiveDate) {
        let last = self
            .started_on
            .checked_sub_days(Days::new(1))
            .unwrap_or(self.started_on);
        let first = self
            .started_on
            .checked_sub_days(Days::new(RECEIVED_WINDOW_DAYS))
            .unwrap_or(NaiveDate::MIN);
        (first, last)
    }

    /// Records the answer about a member of `members` (the network's member ids), replacing an
    /// earlier answer about the same member — a young person may change their mind before
    /// finishing. Refused for someone not in `members` and for a finished check.
    pub fn record(&mut self, answer: MemberAnswer, members: &[MemberId]) -> Result<(), FieldError> {
        if self.is_finished() {
            return Err(FieldError::new("member", "error-support-check-finished"));
        }
        if !members.contains(&answer.member) {
            return Err(FieldError::new(
                "member",
                "error-support-check-member-unknown",
            ));
        }
        match self.answers.iter_mut().find(|a| a.member == answer.member) {
            Some(existing) => *existing = answer,
            None => self.answers.push(answer),
        }
        Ok(())
    }

    /// Whom to ask next: the first member of `members`, in that order, without an answer;
    /// `None` when everyone was answered.
    pub fn next_unanswered<'a>(&self, members: &'a [MemberId]) -> Option<&'a MemberId> {
        let answered: HashSet<&MemberId> = self.answers.iter().map(|a| &a.member).collect();
        members.iter().find(|m| !answered.contains(m))
    }

    /// How many of `members` are answered (each distinct member once).
    pub fn progress(&self, members: &[MemberId]) -> Progress {
        let distinct: HashSet<&MemberId> = members.iter().collect();
        let answered = distinct
            .iter()
            .filter(|m| self.answer_for(m).is_some())
            .count();
        Progress {
            answered,
            total: distinct.len(),
        }
    }

    /// Closes the check on `on`. A respondent may skip members, so a check with at least one
    /// answer can be finished; an empty one cannot, nor one finished before it started.
    pub fn finish(&mut self, on: NaiveDate) -> Result<(), FieldError> {
        if self.is_finished() {
            return Err(FieldError::new(
                "finished_on",
                "error-support-check-finished",
            ));
        }
        if self.answers.is_empty() {
            return Err(FieldError::new("answers", "error-support-check-empty"));
        }
        if on < self.started_on {
            return Err(FieldError::new(
                "finished_on",
                "error-support-check-finish-before-start",
            ));
        }
        self.finished_on = Some(on);
        Ok(())
    }

    /// The scores of this check; see [`CheckScores::compute`].
    pub fn scores(&self, members: &[NetworkMember]) -> CheckScores {
        CheckScores::compute(&self.answers, members)
    }
}

impl fmt::Display for SupportCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "support check by {} started {} ({} answered)",
            self.respondent,
            self.started_on,
            self.answers.len()
        )
    }
}

/// The score of one support type over n answered members.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TypeScore {
    /// `Σ rating ÷ n`, in [1, 3]; `None` when n = 0.
    pub mean: Option<f64>,
    /// Members rated 3, "almost always".
    pub almost_always: usize,
    /// `almost_always ÷ n`; `None` when n = 0.
    pub almost_always_share: Option<f64>,
}

/// The three support types for one timeframe.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SupportSummary {
    pub concrete: TypeScore,
    pub emotional: TypeScore,
    pub informational: TypeScore,
}

impl SupportSummary {
    pub fn get(&self, kind: SupportKind) -> TypeScore {
        match kind {
            SupportKind::Concrete => self.concrete,
            SupportKind::Emotional => self.emotional,
            SupportKind::Informational => self.informational,
        }
    }
}

/// The SSNM summary of a group of n answered members (all, a sector, informal or formal).
///
/// Means are `None` and shares `None` when n = 0: a mean of nobody is not 0 (the scales start
/// at 1), and "0% of nobody" would read as a finding. Counts are 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// n: answered members in the group.
    pub members: usize,
    /// Perceived available support per type.
    pub perceived: SupportSummary,
    /// Support received in the four weeks before the check, per type.
    pub received: SupportSummary,
    /// Members with direction `mutual`: help goes both ways.
    pub reciprocal: usize,
    /// `reciprocal ÷ n`.
    pub reciprocity: Option<f64>,
    /// `Σ closeness ÷ n`, in [1, 3].
    pub mean_closeness: Option<f64>,
    /// Members at closeness 3, "very close".
    pub very_close: usize,
    /// `very_close ÷ n`.
    pub very_close_share: Option<f64>,
    /// `Σ seen ÷ n` on the 0–4 scale.
    pub mean_seen: Option<f64>,
    /// Members seen at least weekly (score ≥ 3).
    pub seen_weekly: usize,
    /// `seen_weekly ÷ n`.
    pub seen_weekly_share: Option<f64>,
    /// Members known more than 5 years.
    pub known_over_five: usize,
    /// `known_over_five ÷ n`.
    pub known_over_five_share: Option<f64>,
    /// `Σ criticalness ÷ n`, in [1, 3].
    pub mean_criticalness: Option<f64>,
    /// Members critical "almost always" (3): the SSNM's "often critical".
    pub often_critical: usize,
    /// `often_critical ÷ n`.
    pub often_critical_share: Option<f64>,
}

fn mean(total: u64, n: usize) -> Option<f64> {
    (n > 0).then(|| total as f64 / n as f64)
}

fn type_score<'a>(ratings: impl Iterator<Item = Rating> + 'a, n: usize) -> TypeScore {
    let (mut total, mut top) = (0u64, 0usize);
    for r in ratings {
        total += u64::from(r.number());
        top += usize::from(r == Rating::AlmostAlways);
    }
    TypeScore {
        mean: mean(total, n),
        almost_always: top,
        almost_always_share: share(top, n),
    }
}

impl Summary {
    /// The summary of `answers`.
    pub fn of(answers: &[&MemberAnswer]) -> Summary {
        let n = answers.len();
        let support = |t: Timeframe| {
            let score = |k: SupportKind| type_score(answers.iter().map(|a| a.support(t).get(k)), n);
            SupportSummary {
                concrete: score(SupportKind::Concrete),
                emotional: score(SupportKind::Emotional),
                informational: score(SupportKind::Informational),
            }
        };
        let count = |f: &dyn Fn(&MemberAnswer) -> bool| answers.iter().filter(|a| f(a)).count();
        let sum =
            |f: &dyn Fn(&MemberAnswer) -> u8| answers.iter().map(|a| u64::from(f(a))).sum::<u64>();
        let reciprocal = count(&|a| a.direction == Direction::Mutual);
        let very_close = count(&|a| a.closeness == Closeness::VeryClose);
        let seen_weekly = count(&|a| a.seen.score() >= ContactFrequency::Weekly.score());
        let known_over_five = count(&|a| a.known == KnownYears::MoreThanFive);
        let often_critical = count(&|a| a.criticalness == Rating::AlmostAlways);
        Summary {
            members: n,
            perceived: support(Timeframe::Perceived),
            received: support(Timeframe::Received),
            reciprocal,
            reciprocity: share(reciprocal, n),
            mean_closeness: mean(sum(&|a| a.closeness.number()), n),
            very_close,
            very_close_share: share(very_close, n),
            mean_seen: mean(sum(&|a| a.seen.score()), n),
            seen_weekly,
            seen_weekly_share: share(seen_weekly, n),
            known_over_five,
            known_over_five_share: share(known_over_five, n),
            mean_criticalness: mean(sum(&|a| a.criticalness.number()), n),
            often_critical,
            often_critical_share: share(often_critical, n),
        }
    }
}

/// The scores of one check: overall, per sector, and informal versus formal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckScores {
    /// Every answer.
    pub all: Summary,
    /// Answers about members at levels 1–2 (or, without a level, outside the professional
    /// sector): [`NetworkMember::is_informal`].
    pub informal: Summary,
    /// Answers about the other members: paid, formal help.
    pub formal: Summary,
    /// Per sector, every sector listed (n = 0 where nobody was answered).
    pub per_sector: BTreeMap<Sector, Summary>,
    /// Answers about members not in the member list given (removed from the map since). They
    /// count in `all` but in no sector and neither informal nor formal, so
    /// `informal.members + formal.members + unknown_members == all.members`.
    pub unknown_members: usize,
}

impl CheckScores {
    /// The scores of `answers`, using the sector and level of `members` (the map as it was at
    /// the check, ideally). A member id is looked up in `members` once; the first wins.
    pub fn compute(answers: &[MemberAnswer], members: &[NetworkMember]) -> CheckScores {
        let mut index: HashMap<&MemberId, &NetworkMember> = HashMap::with_capacity(members.len());
        for m in members {
            index.entry(&m.id).or_insert(m);
        }
        let all: Vec<&MemberAnswer> = answers.iter().collect();
        let known: Vec<(&MemberAnswer, &NetworkMember)> = answers
            .iter()
            .filter_map(|a| index.get(&a.member).map(|m| (a, *m)))
            .collect();
        let group = |keep: &dyn Fn(&NetworkMember) -> bool| {
            let chosen: Vec<&MemberAnswer> = known
                .iter()
                .filter(|(_, m)| keep(m))
                .map(|(a, _)| *a)
                .collect();
            Summary::of(&chosen)
        };
        CheckScores {
            all: Summary::of(&all),
            informal: group(&|m| m.is_informal()),
            formal: group(&|m| m.is_professional()),
            per_sector: Sector::ALL
                .into_iter()
                .map(|s| (s, group(&|m| m.sector == s)))
                .collect(),
            unknown_members: answers.len() - known.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{Level, Ring, Stance};
    use proptest::prelude::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::Error as DeError;

    fn id(s: &str) -> MemberId {
        MemberId::from_stored(s)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
    }

    fn member(name: &str, sector: Sector, level: Option<Level>) -> NetworkMember {
        NetworkMember {
            id: id(name),
            name: name.into(),
            relation: String::new(),
            ring: Ring::Inner,
            sector,
            level,
            support: vec![],
            tie_quality: None,
            stance: Stance::Neutral,
            roles: vec![],
            protective: None,
            risk: None,
            available: true,
            is_adult: true,
            known_years: None,
            contact_frequency: None,
        }
    }

    fn r(n: u8) -> Rating {
        Rating::ALL[usize::from(n - 1)]
    }

    fn scores(c: u8, e: u8, i: u8) -> SupportScores {
        SupportScores {
            concrete: r(c),
            emotional: r(e),
            informational: r(i),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn answer(
        who: &str,
        perceived: SupportScores,
        received: SupportScores,
        critical: u8,
        direction: Direction,
        closeness: u8,
        seen: u8,
        known: KnownYears,
    ) -> MemberAnswer {
        MemberAnswer {
            member: id(who),
            perceived,
            received,
            criticalness: r(critical),
            direction,
            closeness: Closeness::ALL[usize::from(closeness - 1)],
            seen: ContactFrequency::ALL[usize::from(seen)],
            known,
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    fn raw_complete(member: &str) -> RawMemberAnswer {
        let n = |x| Some(NumberOrText::Number(x));
        RawMemberAnswer {
            member: member.into(),
            perceived_concrete: n(3),
            perceived_emotional: n(3),
            perceived_informational: Some(NumberOrText::Text(" 2 ".into())),
            received_concrete: n(1),
            received_emotional: n(2),
            received_informational: n(1),
            criticalness: n(1),
            direction: Some("mutual".into()),
            closeness: n(3),
            seen: Some(NumberOrText::Text("weekly".into())),
            known: Some("more_than_five".into()),
        }
    }

    #[test]
    fn parse_a_complete_answer() {
        let parsed = MemberAnswer::parse(&raw_complete("oma"));
        assert_eq!(
            parsed,
            Ok(answer(
                "oma",
                scores(3, 3, 2),
                scores(1, 2, 1),
                1,
                Direction::Mutual,
                3,
                3,
                KnownYears::MoreThanFive
            ))
        );
        // The score form of `seen` works too.
        let mut raw = raw_complete("oma");
        raw.seen = Some(NumberOrText::Number(4));
        assert_eq!(
            MemberAnswer::parse(&raw).map(|a| a.seen),
            Ok(ContactFrequency::Daily)
        );
    }

    #[test]
    fn parse_reports_every_problem() {
        let mut raw = raw_complete(" ");
        raw.perceived_concrete = Some(NumberOrText::Number(4));
        raw.received_emotional = None;
        raw.criticalness = Some(NumberOrText::Number(0));
        raw.direction = Some("sideways".into());
        raw.closeness = Some(NumberOrText::Text("".into()));
        raw.seen = Some(NumberOrText::Number(5));
        raw.known = Some("ages".into());
        let keys: Vec<(&str, &str)> = MemberAnswer::parse(&raw)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|e| (e.field, e.key))
            .collect();
        assert_eq!(
            keys,
            [
                ("member", "error-required"),
                ("perceived_concrete", "error-out-of-range"),
                ("received_emotional", "error-required"),
                ("criticalness", "error-out-of-range"),
                ("direction", "error-unknown-value"),
                ("closeness", "error-required"),
                ("seen", "error-out-of-range"),
                ("known", "error-unknown-value"),
            ]
        );
        assert_eq!(
            MemberAnswer::parse(&RawMemberAnswer::default())
                .err()
                .map(|e| e.len()),
            Some(12)
        );
    }

    #[test]
    fn ratings_on_the_wire_are_numbers() {
        for rating in Rating::ALL {
            assert_eq!(
                Rating::deserialize(rating.number().into_deserializer()),
                Ok::<_, DeError>(rating)
            );
        }
        assert!(
            Rating::deserialize(0u8.into_deserializer())
                .map_err(|_: DeError| ())
                .is_err()
        );
        assert!(
            Closeness::deserialize(4u8.into_deserializer())
                .map_err(|_: DeError| ())
                .is_err()
        );
        assert_eq!(
            Closeness::deserialize(2u8.into_deserializer()),
            Ok::<_, DeError>(Closeness::SortOfClose)
        );
        for v in Respondent::ALL {
            assert_eq!(Respondent::parse(v.as_str()), Some(v));
        }
        assert_eq!(Respondent::Professional.as_str(), "professional");
    }

    #[test]
    fn resumable_in_member_order() {
        let members = [id("mother"), id("oma"), id("coach")];
        let mut check = SupportCheck::start(Respondent::Youth, day(2025, 3, 10));
        assert_eq!(check.next_unanswered(&members), Some(&id("mother")));
        let base = answer(
            "oma",
            scores(1, 1, 1),
            scores(1, 1, 1),
            1,
            Direction::ToYouth,
            1,
            0,
            KnownYears::LessThanOne,
        );
        assert_eq!(check.record(base.clone(), &members), Ok(()));
        // Oma answered; mother still first.
        assert_eq!(check.next_unanswered(&members), Some(&id("mother")));
        let mother = MemberAnswer {
            member: id("mother"),
            ..base.clone()
        };
        assert_eq!(check.record(mother, &members), Ok(()));
        assert_eq!(check.next_unanswered(&members), Some(&id("coach")));
        assert_eq!(
            check.progress(&members),
            Progress {
                answered: 2,
                total: 3
            }
        );
        // Changing oma's answer replaces it.
        let oma_again = MemberAnswer {
            closeness: Closeness::VeryClose,
            ..base.clone()
        };
        assert_eq!(check.record(oma_again, &members), Ok(()));
        assert_eq!(check.answers().len(), 2);
        assert_eq!(
            check.answer_for(&id("oma")).map(|a| a.closeness),
            Some(Closeness::VeryClose)
        );
        // Someone not in the network is refused.
        let stranger = MemberAnswer {
            member: id("stranger"),
            ..base.clone()
        };
        assert_eq!(
            check.record(stranger, &members),
            Err(FieldError::new(
                "member",
                "error-support-check-member-unknown"
            ))
        );
        let coach = MemberAnswer {
            member: id("coach"),
            ..base.clone()
        };
        assert_eq!(check.record(coach, &members), Ok(()));
        assert_eq!(check.next_unanswered(&members), None);
        assert_eq!(
            check.finish(day(2025, 3, 9)),
            Err(FieldError::new(
                "finished_on",
                "error-support-check-finish-before-start"
            ))
        );
        assert_eq!(check.finish(day(2025, 3, 12)), Ok(()));
        assert_eq!(check.finished_on(), Some(day(2025, 3, 12)));
        assert_eq!(
            check.record(base, &members),
            Err(FieldError::new("member", "error-support-check-finished"))
        );
    }

    #[test]
    fn empty_check_cannot_finish() {
        let mut check = SupportCheck::start(Respondent::Parent, day(2025, 1, 1));
        assert_eq!(
            check.finish(day(2025, 1, 1)),
            Err(FieldError::new("answers", "error-support-check-empty"))
        );
    }

    #[test]
    fn received_period_is_the_four_weeks_before() {
        let check = SupportCheck::start(Respondent::Youth, day(2025, 3, 1));
        // 1 March 2025 − 28 days = 1 February; the day before is 28 February.
        assert_eq!(check.received_period(), (day(2025, 2, 1), day(2025, 2, 28)));
    }

    /// Four members answered: mother, oma (family, informal), coach (leisure, informal) and
    /// the teacher (school_work, professional level: formal). A fifth answer is about someone
    /// no longer on the map.
    fn example() -> (Vec<MemberAnswer>, Vec<NetworkMember>) {
        use Direction::*;
        let answers = vec![
            answer(
                "mother",
                scores(3, 3, 2),
                scores(3, 2, 2),
                3,
                Mutual,
                3,
                4,
                KnownYears::MoreThanFive,
            ),
            answer(
                "oma",
                scores(2, 3, 1),
                scores(1, 3, 1),
                1,
                ToYouth,
                3,
                2,
                KnownYears::MoreThanFive,
            ),
            answer(
                "coach",
                scores(1, 2, 3),
                scores(1, 1, 3),
                2,
                Mutual,
                2,
                3,
                KnownYears::OneToFive,
            ),
            answer(
                "teacher",
                scores(1, 1, 3),
                scores(1, 1, 2),
                1,
                ToYouth,
                1,
                4,
                KnownYears::LessThanOne,
            ),
            answer(
                "gone",
                scores(2, 2, 2),
                scores(2, 2, 2),
                3,
                FromYouth,
                2,
                0,
                KnownYears::OneToFive,
            ),
        ];
        let members = vec![
            member("mother", Sector::Family, None),
            member("oma", Sector::Family, None),
            member("coach", Sector::Leisure, Some(Level::VoluntaryIndividual)),
            member(
                "teacher",
                Sector::SchoolWork,
                Some(Level::ProfessionalIndividual),
            ),
            member("cousin", Sector::Family, None),
        ];
        (answers, members)
    }

    #[test]
    fn scores_by_hand() {
        let (answers, members) = example();
        let s = CheckScores::compute(&answers, &members);
        let all = &s.all;
        assert_eq!(all.members, 5);
        // Perceived concrete: 3 + 2 + 1 + 1 + 2 = 9, ÷ 5 = 1.8; almost always: mother → 1/5.
        assert!(close(all.perceived.concrete.mean, 1.8));
        assert_eq!(all.perceived.concrete.almost_always, 1);
        assert!(close(all.perceived.concrete.almost_always_share, 0.2));
        // Perceived emotional: 3 + 3 + 2 + 1 + 2 = 11 → 2.2; 3s: mother, oma → 0.4.
        assert!(close(all.perceived.emotional.mean, 2.2));
        assert!(close(all.perceived.emotional.almost_always_share, 0.4));
        // Received emotional: 2 + 3 + 1 + 1 + 2 = 9 → 1.8; 3s: oma → 0.2. Kept apart from
        // perceived (2.2).
        assert!(close(all.received.emotional.mean, 1.8));
        assert!(close(all.received.emotional.almost_always_share, 0.2));
        // Received informational: 2 + 1 + 3 + 2 + 2 = 10 → 2; 3s: coach.
        assert!(close(all.received.informational.mean, 2.0));
        assert_eq!(all.received.informational.almost_always, 1);
        // Mutual: mother, coach → 2/5.
        assert_eq!(all.reciprocal, 2);
        assert!(close(all.reciprocity, 0.4));
        // Closeness 3 + 3 + 2 + 1 + 2 = 11 → 2.2; very close: mother, oma.
        assert!(close(all.mean_closeness, 2.2));
        assert!(close(all.very_close_share, 0.4));
        // Seen 4 + 2 + 3 + 4 + 0 = 13 → 2.6; weekly or more: mother, coach, teacher → 0.6.
        assert!(close(all.mean_seen, 2.6));
        assert_eq!(all.seen_weekly, 3);
        assert!(close(all.seen_weekly_share, 0.6));
        // Known > 5 years: mother, oma → 0.4.
        assert!(close(all.known_over_five_share, 0.4));
        // Criticalness 3 + 1 + 2 + 1 + 3 = 10 → 2; often critical: mother, gone → 0.4.
        assert!(close(all.mean_criticalness, 2.0));
        assert_eq!(all.often_critical, 2);
        assert!(close(all.often_critical_share, 0.4));

        // Informal: mother, oma, coach. Perceived emotional 3 + 3 + 2 = 8 → 8/3.
        assert_eq!(s.informal.members, 3);
        assert!(close(s.informal.perceived.emotional.mean, 8.0 / 3.0));
        assert!(close(
            s.informal.perceived.emotional.almost_always_share,
            2.0 / 3.0
        ));
        assert!(close(s.informal.reciprocity, 2.0 / 3.0));
        // Formal: the teacher. Perceived informational 3 → mean 3, share 1.
        assert_eq!(s.formal.members, 1);
        assert!(close(s.formal.perceived.informational.mean, 3.0));
        assert!(close(
            s.formal.perceived.informational.almost_always_share,
            1.0
        ));
        assert_eq!(s.unknown_members, 1);

        // Family: mother, oma. Perceived concrete (3 + 2) / 2 = 2.5; one 3 → 0.5.
        let family = &s.per_sector[&Sector::Family];
        assert_eq!(family.members, 2);
        assert!(close(family.perceived.concrete.mean, 2.5));
        assert!(close(family.perceived.concrete.almost_always_share, 0.5));
        // Nobody answered in the neighbourhood: no mean, no share, count 0.
        let none = &s.per_sector[&Sector::Neighbourhood];
        assert_eq!(none.members, 0);
        assert_eq!(none.perceived.concrete.mean, None);
        assert_eq!(none.perceived.concrete.almost_always_share, None);
        assert_eq!(none.reciprocity, None);
        assert_eq!(none.mean_seen, None);
        assert_eq!(none.often_critical, 0);
    }

    #[test]
    fn no_answers_no_numbers() {
        let s = CheckScores::compute(&[], &[]);
        assert_eq!(s.all.members, 0);
        for t in Timeframe::ALL {
            let summary = match t {
                Timeframe::Perceived => s.all.perceived,
                Timeframe::Received => s.all.received,
            };
            for k in SupportKind::ALL {
                assert_eq!(summary.get(k).mean, None);
                assert_eq!(summary.get(k).almost_always_share, None);
                assert_eq!(summary.get(k).almost_always, 0);
            }
        }
        assert_eq!(s.all.mean_closeness, None);
        assert_eq!(s.all.seen_weekly_share, None);
    }

    #[test]
    fn stored_check_refuses_duplicates() {
        let (answers, _) = example();
        let mut check = SupportCheck::start(Respondent::Youth, day(2025, 1, 1));
        let ids: Vec<MemberId> = answers.iter().map(|a| a.member.clone()).collect();
        for a in answers.iter().cloned() {
            assert_eq!(check.record(a, &ids), Ok(()));
        }
        let stored = StoredCheck {
            respondent: Respondent::Youth,
            started_on: day(2025, 1, 1),
            finished_on: None,
            answers: vec![answers[0].clone(), answers[0].clone()],
        };
        assert!(SupportCheck::try_from(stored).is_err());
        let stored = StoredCheck {
            respondent: Respondent::Youth,
            started_on: day(2025, 1, 1),
            finished_on: Some(day(2024, 12, 31)),
            answers,
        };
        assert!(SupportCheck::try_from(stored).is_err());
    }

    fn arb_scores() -> impl Strategy<Value = SupportScores> {
        (0..3usize, 0..3usize, 0..3usize).prop_map(|(c, e, i)| SupportScores {
            concrete: Rating::ALL[c],
            emotional: Rating::ALL[e],
            informational: Rating::ALL[i],
        })
    }

    fn arb_answer() -> impl Strategy<Value = MemberAnswer> {
        (
            0..12usize,
            arb_scores(),
            arb_scores(),
            (0..3usize, 0..3usize, 0..3usize, 0..5usize, 0..3usize),
        )
            .prop_map(
                |(who, perceived, received, (c, d, cl, s, k))| MemberAnswer {
                    member: id(&format!("m{who}")),
                    perceived,
                    received,
                    criticalness: Rating::ALL[c],
                    direction: Direction::ALL[d],
                    closeness: Closeness::ALL[cl],
                    seen: ContactFrequency::ALL[s],
                    known: KnownYears::ALL[k],
                },
            )
    }

    fn arb_members() -> impl Strategy<Value = Vec<NetworkMember>> {
        prop::collection::vec((0..Sector::ALL.len(), prop::option::of(0..4usize)), 0..10).prop_map(
            |ms| {
                ms.into_iter()
                    .enumerate()
                    .map(|(i, (s, l))| {
                        member(&format!("m{i}"), Sector::ALL[s], l.map(|l| Level::ALL[l]))
                    })
                    .collect()
            },
        )
    }

    fn in_range(x: Option<f64>, lo: f64, hi: f64, n: usize) -> bool {
        match x {
            None => n == 0,
            Some(x) => n > 0 && (lo..=hi).contains(&x),
        }
    }

    fn summary_ok(s: &Summary) -> bool {
        let n = s.members;
        let mut ok = true;
        for support in [s.perceived, s.received] {
            for k in SupportKind::ALL {
                let t = support.get(k);
                ok &= in_range(t.mean, 1.0, 3.0, n);
                ok &= in_range(t.almost_always_share, 0.0, 1.0, n);
                ok &= t.almost_always <= n;
            }
        }
        for x in [
            s.reciprocity,
            s.very_close_share,
            s.seen_weekly_share,
            s.known_over_five_share,
            s.often_critical_share,
        ] {
            ok &= in_range(x, 0.0, 1.0, n);
        }
        ok &= in_range(s.mean_closeness, 1.0, 3.0, n);
        ok &= in_range(s.mean_criticalness, 1.0, 3.0, n);
        ok &= in_range(s.mean_seen, 0.0, 4.0, n);
        ok
    }

    proptest! {
        #[test]
        fn scores_stay_in_range(
            answers in prop::collection::vec(arb_answer(), 0..20),
            members in arb_members(),
        ) {
            let s = CheckScores::compute(&answers, &members);
            prop_assert_eq!(s.all.members, answers.len());
            prop_assert_eq!(s.informal.members + s.formal.members + s.unknown_members, s.all.members);
            prop_assert_eq!(
                s.per_sector.values().map(|x| x.members).sum::<usize>() + s.unknown_members,
                s.all.members
            );
            prop_assert!(summary_ok(&s.all));
            prop_assert!(summary_ok(&s.informal));
            prop_assert!(summary_ok(&s.formal));
            for summary in s.per_sector.values() {
                prop_assert!(summary_ok(summary));
            }
        }

        #[test]
        fn recording_until_done_answers_everyone(
            answers in prop::collection::vec(arb_answer(), 0..30),
            n in 0..12usize,
        ) {
            let members: Vec<MemberId> = (0..n).map(|i| id(&format!("m{i}"))).collect();
            let mut check = SupportCheck::start(Respondent::Youth, day(2025, 1, 1));
            for a in answers {
                let known = members.contains(&a.member);
                prop_assert_eq!(check.record(a, &members).is_ok(), known);
                let p = check.progress(&members);
                prop_assert!(p.answered <= p.total);
                prop_assert_eq!(check.next_unanswered(&members).is_none(), p.answered == p.total);
            }
            // At most one answer per member, whatever the order of recording.
            let mut ids: Vec<&MemberId> = check.answers().iter().map(|a| &a.member).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), check.answers().len());
            // Answering the next unanswered member until none is left ends with everyone.
            let template = answer("x", scores(1, 1, 1), scores(1, 1, 1), 1, Direction::ToYouth, 1, 0, KnownYears::OneToFive);
            let mut steps = 0;
            while let Some(next) = check.next_unanswered(&members).cloned() {
                prop_assert!(check.answer_for(&next).is_none());
                let next_answer = MemberAnswer { member: next, ..template.clone() };
                let recorded = check.record(next_answer, &members);
                prop_assert!(recorded.is_ok());
                steps += 1;
                prop_assert!(steps <= n);
            }
            prop_assert_eq!(check.progress(&members).answered, n);
        }
    }
}
