//! The sharing decision guide (*afwegingskader*), in the spirit of the Privacy App Jeugd: a
//! professional who wants to share information with a third party, or ask it from one,
//! answers at most five yes/no questions and gets advice with its legal basis.
//!
//! The questions come in a fixed order and the guide stops as soon as the advice is clear:
//!
//! 1. Is the recipient directly involved in the help to this young person? Yes: share only
//!    what they need for the help (Jeugdwet 7.3.11 lid 2, WGBO 7:457 lid 2).
//! 2. Has the right person or people consented, given the age ([`who_must_consent`])? Yes:
//!    share what the consent covers.
//! 3. Is there a legal duty or basis (e.g. an OTS: the GI may share what the measure needs)?
//!    Yes: share only what is needed.
//! 4. Is there a right to report (Meldcode; Veilig Thuis, Wmo 2015 art. 5.2.6)? Yes: follow
//!    the meldcode steps; consult first.
//! 5. Is there a conflict of duties (sharing prevents serious harm that outweighs
//!    confidentiality)? Yes: consult first, then share only what is needed. No: do not share.
//!
//! The answer to a later question is ignored once an earlier one settles the advice, so a
//! changed answer can never leave a stale advice standing.

use crate::case::Parent;
use crate::consent::{Framework, Required, legal_basis, required_parties, value_list};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

value_list!(
    /// One question of the guide, in the order they are asked.
    Question {
        /// Is the recipient directly involved in the help to this young person?
        DirectlyInvolved = "directly_involved",
        /// Has the right person or people consented, given the age?
        ConsentGiven = "consent_given",
        /// Is there a legal duty or basis to share (e.g. an OTS)?
        LegalDuty = "legal_duty",
        /// Is there a right to report (Meldcode, Veilig Thuis)?
        RightToReport = "right_to_report",
        /// Is there a conflict of duties?
        ConflictOfDuties = "conflict_of_duties",
    }
);

impl Question {
    /// A message key with the question itself.
    pub fn key(self) -> &'static str {
        match self {
            Question::DirectlyInvolved => "guide-question-directly-involved",
            Question::ConsentGiven => "guide-question-consent-given",
            Question::LegalDuty => "guide-question-legal-duty",
            Question::RightToReport => "guide-question-right-to-report",
            Question::ConflictOfDuties => "guide-question-conflict-of-duties",
        }
    }

    /// A message key with a short explanation to help answer it.
    pub fn help_key(self) -> &'static str {
        match self {
            Question::DirectlyInvolved => "guide-help-directly-involved",
            Question::ConsentGiven => "guide-help-consent-given",
            Question::LegalDuty => "guide-help-legal-duty",
            Question::RightToReport => "guide-help-right-to-report",
            Question::ConflictOfDuties => "guide-help-conflict-of-duties",
        }
    }
}

value_list!(
    /// What the guide advises.
    ShareOutcome {
        /// Share what the consent covers.
        Share = "share",
        /// Share, but only what the recipient needs for this purpose.
        ShareOnlyNeeded = "share_only_needed",
        /// Do not share.
        DoNotShare = "do_not_share",
        /// Consult first (a colleague, the behavioural scientist, Veilig Thuis), then decide.
        ConsultFirst = "consult_first",
    }
);

/// The professional's answers so far; `None` is not answered yet.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuideAnswers {
    pub directly_involved: Option<bool>,
    pub consent_given: Option<bool>,
    pub legal_duty: Option<bool>,
    pub right_to_report: Option<bool>,
    pub conflict_of_duties: Option<bool>,
}

impl GuideAnswers {
    /// The answer to `question`.
    pub fn get(&self, question: Question) -> Option<bool> {
        match question {
            Question::DirectlyInvolved => self.directly_involved,
            Question::ConsentGiven => self.consent_given,
            Question::LegalDuty => self.legal_duty,
            Question::RightToReport => self.right_to_report,
            Question::ConflictOfDuties => self.conflict_of_duties,
        }
    }

    /// The same answers with `question` answered.
    pub fn with(mut self, question: Question, answer: bool) -> GuideAnswers {
        let slot = match question {
            Question::DirectlyInvolved => &mut self.directly_involved,
            Question::ConsentGiven => &mut self.consent_given,
            Question::LegalDuty => &mut self.legal_duty,
            Question::RightToReport => &mut self.right_to_report,
            Question::ConflictOfDuties => &mut self.conflict_of_duties,
        };
        *slot = Some(answer);
        self
    }
}

/// The guide's advice: an outcome, a message key that explains it, and message keys naming
/// the legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Advice {
    pub outcome: ShareOutcome,
    pub key: &'static str,
    pub basis: Vec<&'static str>,
}

/// Where the answers lead: a question still to ask, or advice.
enum Step {
    Ask(Question),
    Advise(Advice),
}

fn advise(outcome: ShareOutcome, key: &'static str, basis: &'static str) -> Step {
    Step::Advise(Advice {
        outcome,
        key,
        basis: vec![basis],
    })
}

/// The one walk through the questions; [`next_question`] and [`advice`] both read it, so
/// exactly one of them answers.
fn walk(answers: &GuideAnswers) -> Step {
    use ShareOutcome::*;
    for question in Question::ALL {
        let Some(yes) = answers.get(question) else {
            return Step::Ask(question);
        };
        match (question, yes) {
            (Question::DirectlyInvolved, true) => {
                return advise(
                    ShareOnlyNeeded,
                    "guide-advice-directly-involved",
                    "guide-basis-directly-involved",
                );
            }
            (Question::ConsentGiven, true) => {
                return advise(Share, "guide-advice-consent", "guide-basis-consent");
            }
            (Question::LegalDuty, true) => {
                return advise(
                    ShareOnlyNeeded,
                    "guide-advice-legal-duty",
                    "guide-basis-legal-duty",
                );
            }
            (Question::RightToReport, true) => {
                return advise(
                    ConsultFirst,
                    "guide-advice-right-to-report",
                    "guide-basis-right-to-report",
                );
            }
            (Question::ConflictOfDuties, true) => {
                return advise(
                    ConsultFirst,
                    "guide-advice-conflict-of-duties",
                    "guide-basis-conflict-of-duties",
                );
            }
            (_, false) => {}
        }
    }
    advise(
        DoNotShare,
        "guide-advice-do-not-share",
        "guide-basis-confidentiality",
    )
}

/// The next question to ask, or `None` when the advice is clear.
pub fn next_question(answers: &GuideAnswers) -> Option<Question> {
    match walk(answers) {
        Step::Ask(question) => Some(question),
        Step::Advise(_) => None,
    }
}

/// The advice, or `None` while a question on the way is unanswered.
pub fn advice(answers: &GuideAnswers) -> Option<Advice> {
    match walk(answers) {
        Step::Ask(_) => None,
        Step::Advise(advice) => Some(advice),
    }
}

/// For question 2: who must consent for this young person today, and the rule that says so
/// (the page names them and explains the rule, see [`required_parties`]).
pub fn who_must_consent(
    birth_date: NaiveDate,
    parents: &[Parent],
    framework: Framework,
    today: NaiveDate,
) -> Required {
    required_parties(birth_date, parents, framework, today)
}

/// For question 3: a hint when the case's framework may give a legal basis (OTS, voogdij: the
/// GI may share what the measure needs). Only a hint: the professional still answers.
pub fn legal_duty_hint(framework: Framework) -> Option<&'static str> {
    legal_basis(framework).then_some("guide-hint-legal-duty-measure")
}

/// Every message key this module can hand out.
pub const MESSAGE_KEYS: &[&str] = &[
    "guide-question-directly-involved",
    "guide-question-consent-given",
    "guide-question-legal-duty",
    "guide-question-right-to-report",
    "guide-question-conflict-of-duties",
    "guide-help-directly-involved",
    "guide-help-consent-given",
    "guide-help-legal-duty",
    "guide-help-right-to-report",
    "guide-help-conflict-of-duties",
    "guide-hint-legal-duty-measure",
    "guide-outcome-share",
    "guide-outcome-share-only-needed",
    "guide-outcome-do-not-share",
    "guide-outcome-consult-first",
    "guide-advice-directly-involved",
    "guide-advice-consent",
    "guide-advice-legal-duty",
    "guide-advice-right-to-report",
    "guide-advice-conflict-of-duties",
    "guide-advice-do-not-share",
    "guide-basis-directly-involved",
    "guide-basis-consent",
    "guide-basis-legal-duty",
    "guide-basis-right-to-report",
    "guide-basis-conflict-of-duties",
    "guide-basis-confidentiality",
];

impl ShareOutcome {
    /// A message key naming the outcome, for a heading.
    pub fn label_key(self) -> &'static str {
        match self {
            ShareOutcome::Share => "guide-outcome-share",
            ShareOutcome::ShareOnlyNeeded => "guide-outcome-share-only-needed",
            ShareOutcome::DoNotShare => "guide-outcome-do-not-share",
            ShareOutcome::ConsultFirst => "guide-outcome-consult-first",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    const Y: Option<bool> = Some(true);
    const N: Option<bool> = Some(false);
    const U: Option<bool> = None;

    fn answers(a: [Option<bool>; 5]) -> GuideAnswers {
        GuideAnswers {
            directly_involved: a[0],
            consent_given: a[1],
            legal_duty: a[2],
            right_to_report: a[3],
            conflict_of_duties: a[4],
        }
    }

    /// Every path: each question unanswered in turn, and each way to advice.
    #[test]
    fn every_path() {
        use Question::*;
        use ShareOutcome::*;
        type Expect = Result<(ShareOutcome, &'static str, &'static str), Question>;
        #[rustfmt::skip]
        let cases: Vec<([Option<bool>; 5], Expect)> = vec![
            ([U, U, U, U, U], Err(DirectlyInvolved)),
            ([Y, U, U, U, U], Ok((ShareOnlyNeeded, "guide-advice-directly-involved", "guide-basis-directly-involved"))),
            ([N, U, U, U, U], Err(ConsentGiven)),
            ([N, Y, U, U, U], Ok((Share, "guide-advice-consent", "guide-basis-consent"))),
            ([N, N, U, U, U], Err(LegalDuty)),
            ([N, N, Y, U, U], Ok((ShareOnlyNeeded, "guide-advice-legal-duty", "guide-basis-legal-duty"))),
            ([N, N, N, U, U], Err(RightToReport)),
            ([N, N, N, Y, U], Ok((ConsultFirst, "guide-advice-right-to-report", "guide-basis-right-to-report"))),
            ([N, N, N, N, U], Err(ConflictOfDuties)),
            ([N, N, N, N, Y], Ok((ConsultFirst, "guide-advice-conflict-of-duties", "guide-basis-conflict-of-duties"))),
            ([N, N, N, N, N], Ok((DoNotShare, "guide-advice-do-not-share", "guide-basis-confidentiality"))),
            // Answers past the point of advice are ignored...
            ([Y, N, N, N, N], Ok((ShareOnlyNeeded, "guide-advice-directly-involved", "guide-basis-directly-involved"))),
            ([N, Y, U, Y, N], Ok((Share, "guide-advice-consent", "guide-basis-consent"))),
            // ...and so are answers given ahead of an unanswered question.
            ([U, Y, Y, Y, Y], Err(DirectlyInvolved)),
            ([N, U, Y, U, U], Err(ConsentGiven)),
            ([N, N, U, Y, Y], Err(LegalDuty)),
        ];
        for (a, expect) in cases {
            let given = answers(a);
            match expect {
                Err(question) => {
                    assert_eq!(next_question(&given), Some(question), "{a:?}");
                    assert_eq!(advice(&given), None, "{a:?}");
                }
                Ok((outcome, key, basis)) => {
                    assert_eq!(next_question(&given), None, "{a:?}");
                    assert_eq!(
                        advice(&given),
                        Some(Advice {
                            outcome,
                            key,
                            basis: vec![basis]
                        }),
                        "{a:?}"
                    );
                }
            }
        }
    }

    /// All 3^5 combinations: exactly one of question and advice, never a question already
    /// answered, and answering the question moves the guide on.
    #[test]
    fn exactly_one_of_question_or_advice() {
        let options = [U, Y, N];
        let mut keys = BTreeSet::new();
        for i in 0..3usize.pow(5) {
            let mut a = [U; 5];
            let mut n = i;
            for slot in &mut a {
                *slot = options[n % 3];
                n /= 3;
            }
            let given = answers(a);
            match (next_question(&given), advice(&given)) {
                (Some(q), None) => {
                    assert_eq!(given.get(q), None, "{a:?}");
                    keys.insert(q.key());
                    keys.insert(q.help_key());
                    for answer in [true, false] {
                        assert_ne!(next_question(&given.with(q, answer)), Some(q));
                    }
                }
                (None, Some(advice)) => {
                    keys.insert(advice.key);
                    keys.insert(advice.outcome.label_key());
                    keys.extend(advice.basis);
                }
                other => panic!("{a:?}: {other:?}"),
            }
        }
        keys.insert("guide-hint-legal-duty-measure");
        let listed: BTreeSet<&str> = MESSAGE_KEYS.iter().copied().collect();
        assert_eq!(listed.len(), MESSAGE_KEYS.len(), "no key listed twice");
        assert_eq!(
            keys, listed,
            "every key used is listed, and every listed key is used"
        );
    }

    #[test]
    fn answers_by_question() {
        let mut a = GuideAnswers::default();
        for (i, q) in Question::ALL.into_iter().enumerate() {
            a = a.with(q, i % 2 == 0);
        }
        assert_eq!(
            a,
            GuideAnswers {
                directly_involved: Y,
                consent_given: N,
                legal_duty: Y,
                right_to_report: N,
                conflict_of_duties: Y,
            }
        );
        for q in Question::ALL {
            assert_eq!(Question::parse(q.as_str()), Some(q));
        }
        for o in ShareOutcome::ALL {
            assert_eq!(ShareOutcome::parse(o.as_str()), Some(o));
        }
    }

    #[test]
    fn hints_and_who_must_consent() {
        assert_eq!(legal_duty_hint(Framework::Voluntary), None);
        assert_eq!(legal_duty_hint(Framework::Jeugdzorgplus), None);
        assert_eq!(
            legal_duty_hint(Framework::SupervisionOrder),
            Some("guide-hint-legal-duty-measure")
        );
        assert_eq!(
            legal_duty_hint(Framework::Guardianship),
            Some("guide-hint-legal-duty-measure")
        );
        let birth = NaiveDate::from_ymd_opt(2012, 5, 1).expect("valid date");
        let today = NaiveDate::from_ymd_opt(2026, 6, 15).expect("valid date");
        let parents = [Parent {
            name: "Moeder".into(),
            gezag: true,
        }];
        assert_eq!(
            who_must_consent(birth, &parents, Framework::Voluntary, today),
            required_parties(birth, &parents, Framework::Voluntary, today)
        );
    }
}
