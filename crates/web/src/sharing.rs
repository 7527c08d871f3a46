//! Who is looking at a case, in the terms of the consent rules, and what they may see. Every
//! participant page and the "who can see what" overview ask here; the rules themselves are in
//! `steunkring_domain::consent`.

use crate::cases::may;
use crate::state::AppState;
use chrono::Utc;
use steunkring_domain::Actor;
use steunkring_domain::consent::{
    Category, Party, SharingContext, Viewer, Visibility, Withholding, visibility,
};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, OrgScope, Participant, ParticipantKind, SharingState, StoreError};

/// The viewer a participant is in their case.
pub fn participant_viewer(case: &Case, p: &Participant) -> Viewer {
    match p.kind {
        ParticipantKind::Youth => Viewer::Youth,
        ParticipantKind::Parent => {
            let index = p.parent_index.unwrap_or(u8::MAX);
            let gezag = case
                .parents
                .get(usize::from(index))
                .is_some_and(|pa| pa.gezag);
            Viewer::Parent {
                index,
                gezag,
                participant: p.id.clone(),
            }
        }
        ParticipantKind::SupportFigure => Viewer::SupportFigure {
            participant: p.id.clone(),
        },
    }
}

/// The viewer a staff member is for a case.
pub fn staff_viewer(actor: &Actor, case: &Case) -> Viewer {
    if may(actor, CaseAction::ReadNetwork, case) {
        Viewer::ProfessionalInvolved
    } else if may(actor, CaseAction::ReadDetails, case) {
        Viewer::Administrator
    } else {
        Viewer::Outsider
    }
}

/// The party a participant speaks for when giving or withdrawing consent, if any.
pub fn party_of(viewer: &Viewer) -> Option<Party> {
    match viewer {
        Viewer::Youth => Some(Party::Youth),
        Viewer::Parent { index, .. } => Some(Party::Parent(*index)),
        Viewer::Guardian { .. } => Some(Party::Guardian),
        _ => None,
    }
}

/// The sharing state of a case, ready for the rules.
pub struct Sharing {
    pub state: SharingState,
    withholdings: Vec<Withholding>,
}

impl Sharing {
    pub async fn load(
        state: &AppState,
        scope: &OrgScope,
        case: &Case,
    ) -> Result<Sharing, StoreError> {
        let s = state.store.sharing_state(scope, &case.id).await?;
        let withholdings = s.active_withholdings();
        Ok(Sharing {
            state: s,
            withholdings,
        })
    }

    pub fn context<'a>(&'a self, case: &'a Case) -> SharingContext<'a> {
        SharingContext {
            birth_date: case.birth_date,
            parents: &case.parents,
            framework: self.state.framework,
            consents: &self.state.consents,
            withholdings: &self.withholdings,
        }
    }

    /// What `viewer` may see of `category` now, and why.
    pub fn visibility(&self, case: &Case, viewer: &Viewer, category: Category) -> Visibility {
        visibility(viewer, category, &self.context(case), Utc::now())
    }
}

/// Renders a visibility's reasons in the page's language.
pub fn reasons(tr: &crate::i18n::Tr, v: &Visibility) -> Vec<String> {
    v.reasons
        .iter()
        .map(|r| {
            let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = r
                .args
                .iter()
                .map(|(name, value)| match value.parse::<i64>() {
                    Ok(n) if *name == "count" => (*name, fluent_bundle::FluentValue::from(n)),
                    _ => (*name, fluent_bundle::FluentValue::from(value.clone())),
                })
                .collect();
            tr.message(r.key, &args)
        })
        .collect()
}
