//! The network on the case page: the circle, the fast form to map during a conversation, the
//! table alternative, ties, views, versions and their comparison, and the member form.

use super::cases::{CaseView, access_error, internal};
use super::{PageForm, PageUser, Shell, error_page, render, see_other};
use crate::auth::ClientAddr;
use crate::cases::{admit, case_event, may, open_case};
use crate::drawn::Drawn;
use crate::i18n::Tr;
use crate::network::{
    MapOptions, ViewName, contact_name, direction_name, known_name, level_name, map_input,
    member_role_name, sector_name, sentences, stance_name, support_name, tie_kind_name,
    tie_quality_name,
};
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use std::sync::Arc;
use steunkring_domain::Actor;
use steunkring_domain::FieldError;
use steunkring_domain::audit::AuditAction;
use steunkring_domain::ids::CaseId;
use steunkring_domain::network::{
    ContactFrequency, Direction, Indicators, KnownYears, Level, MemberId, MemberRole,
    NetworkMember, NewMember, NumberOrText, RawMember, RawSupport, Sector, Stance, SupportType,
    Tie, TieKind, TieQuality, compare,
};
use steunkring_domain::policy::CaseAction;
use steunkring_store::{Case, CasePage, CasePageParts, Network, OrgScope, StoreError};

/// An option in a select or a radio group.
pub struct Opt {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn opts<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
    current: &str,
) -> Vec<Opt> {
    all.iter()
        .map(|v| Opt {
            value: code(*v),
            label: label(*v),
            selected: code(*v) == current,
        })
        .collect()
}

/// A row of the table that says in words what the circle shows.
pub struct MemberRow {
    pub id: String,
    pub name: String,
    pub relation: String,
    pub ring: String,
    pub ring_number: u8,
    pub sector: String,
    pub sector_code: &'static str,
    pub kind: String,
    pub support: String,
    pub quality: String,
    pub stance: String,
    pub roles: String,
    pub risk: bool,
}

fn member_row(tr: &Tr, m: &NetworkMember) -> MemberRow {
    MemberRow {
        id: m.id.to_string(),
        name: m.name.clone(),
        relation: m.relation.clone(),
        ring: tr.t(&format!("ring-{}", m.ring.number())),
        ring_number: m.ring.number(),
        sector: sector_name(tr, m.sector),
        sector_code: m.sector.as_str(),
        kind: if m.is_informal() {
            tr.t("map-informal")
        } else {
            tr.t("map-formal")
        },
        support: m
            .support
            .iter()
            .map(|s| {
                format!(
                    "{} ({})",
                    support_name(tr, s.kind),
                    direction_name(tr, s.direction)
                )
            })
            .collect::<Vec<_>>()
            .join(", "),
        quality: m
            .tie_quality
            .map(|q| tie_quality_name(tr, q))
            .unwrap_or_default(),
        stance: stance_name(tr, m.stance),
        roles: m
            .roles
            .iter()
            .map(|r| member_role_name(tr, *r))
            .collect::<Vec<_>>()
            .join(", "),
        risk: m.risk.is_some(),
    }
}

pub struct TieRow {
    pub from_id: String,
    pub to_id: String,
    pub from: String,
    pub to: String,
    pub kind: String,
}

pub struct ViewLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

pub struct VersionRow {
    pub id: String,
    pub title: String,
    pub taken_on: String,
    pub members: i64,
}

#[derive(Template)]
#[template(path = "case_network.html")]
struct CaseNetworkPage {
    shell: Shell,
    title: String,
    case: CaseView,
    tab: &'static str,
    network: Option<NetworkView>,
}

/// Everything about the network that the case page shows.
pub struct NetworkView {
    /// The map, the indicator sentences, the member table, the ties and the member choices.
    pub drawn: Arc<Drawn>,
    pub views: Vec<ViewLink>,
    pub rings: Vec<Opt>,
    pub sectors: Vec<Opt>,
    pub tie_kinds: Vec<Opt>,
    pub versions: Vec<VersionRow>,
    pub may_change: bool,
    pub errors: Vec<String>,
    pub fast: FastForm,
    pub today: String,
    pub participants: Vec<super::participants::ParticipantRow>,
    pub may_invite: bool,
    pub parents: Vec<Opt>,
}

fn view_links(tr: &Tr, base: &str, o: &MapOptions) -> Vec<ViewLink> {
    let link = |suffix: &str, key: &str, current: bool| ViewLink {
        href: format!("{base}{suffix}#kaart"),
        label: tr.t(key),
        current,
    };
    let plain = !o.pseudonymise && !o.without_professionals && !o.hide_rejected;
    vec![
        link("", "view-circle", o.view == ViewName::Circle && plain),
        link(
            "?view=quadrant",
            "view-quadrant",
            o.view == ViewName::Quadrant && plain,
        ),
        link(
            "?view=levels",
            "view-levels",
            o.view == ViewName::Levels && plain,
        ),
        link(
            "?without_professionals=true",
            "view-without-professionals",
            o.without_professionals,
        ),
        link("?pseudonymise=true", "view-pseudonymised", o.pseudonymise),
        link("?hide_rejected=true", "view-hide-rejected", o.hide_rejected),
    ]
}

/// The rows of the member table, the list of ties and the member choices of the tie form:
/// the parts of the page that depend only on the network and the language, kept with the
/// drawn map (see [`crate::drawn`]).
fn network_rows(tr: &Tr, network: &Network) -> (Vec<MemberRow>, Vec<TieRow>, Vec<Opt>) {
    let name_of = |id: &MemberId| {
        network
            .members
            .iter()
            .find(|m| &m.id == id)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let rows = network.members.iter().map(|m| member_row(tr, m)).collect();
    let ties = network
        .ties
        .iter()
        .map(|t| TieRow {
            from_id: t.from.to_string(),
            to_id: t.to.to_string(),
            from: name_of(&t.from),
            to: name_of(&t.to),
            kind: tie_kind_name(tr, t.kind),
        })
        .collect();
    let members = network
        .members
        .iter()
        .map(|m| Opt {
            value: m.id.to_string(),
            label: m.name.clone(),
            selected: false,
        })
        .collect();
    (rows, ties, members)
}

/// The member table's rows, the ties and the member choices as HTML: they depend only on the
/// network, the case and the language, so they are rendered (and escaped) once per drawing
/// (see [`crate::drawn`]) instead of on every view. The case page puts them in as they are.
pub struct NetworkSections {
    /// The rows of the member table.
    pub rows: String,
    /// The list of ties as those who may not change the network see it.
    pub ties: String,
    /// The list of ties with a button to remove each.
    pub ties_to_change: String,
    /// The members as `<option>`s.
    pub member_options: String,
    pub member_count: usize,
    pub tie_count: usize,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% for r in rows %}
    <tr data-member="{{ r.id }}" data-ring="{{ r.ring_number }}" data-sector="{{ r.sector_code }}">
      <th scope="row"><a href="/cases/{{ case_id }}/members/{{ r.id }}">{{ r.name }}</a>{% if r.risk %} <span class="badge">{{ tr.t("member-has-risk") }}</span>{% endif %}</th>
      <td>{{ r.relation }}</td><td>{{ r.ring }}</td><td>{{ r.sector }}</td><td>{{ r.kind }}</td><td>{{ r.support }}</td>
      <td>{{ r.quality }}</td><td>{{ r.stance }}</td><td>{{ r.roles }}</td>
    </tr>
    {% endfor %}"#
)]
struct MemberRowsHtml<'a> {
    tr: &'a Tr,
    case_id: &'a str,
    rows: &'a [MemberRow],
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% for t in ties %}
    <li>{{ t.from }} – {{ t.to }}: {{ t.kind }}
      {% if may_change %}<form method="post" action="/cases/{{ case_id }}/ties/remove" class="inline"><input type="hidden" name="from" value="{{ t.from_id }}"><input type="hidden" name="to" value="{{ t.to_id }}"><button type="submit" class="link-button">{{ tr.t("ties-remove") }}<span class="visually-hidden"> {{ t.from }} – {{ t.to }}</span></button></form>{% endif %}
    </li>
    {% endfor %}"#
)]
struct TiesHtml<'a> {
    tr: &'a Tr,
    case_id: &'a str,
    ties: &'a [TieRow],
    may_change: bool,
}

#[derive(Template)]
#[template(
    ext = "html",
    source = r#"{% for m in members %}<option value="{{ m.value }}">{{ m.label }}</option>{% endfor %}"#
)]
struct MemberOptionsHtml<'a> {
    members: &'a [Opt],
}

/// The sections of the case page that [`NetworkSections`] describes, for `network` on the
/// page of `case_id`.
pub(crate) fn network_sections(tr: &Tr, case_id: &str, network: &Network) -> NetworkSections {
    let (rows, ties, members) = network_rows(tr, network);
    // Rendering into a String only fails if a value's Display fails, which none of these do;
    // an empty section is then the least bad outcome.
    let html = |t: &dyn askama::DynTemplate| {
        t.dyn_render().unwrap_or_else(|e| {
            tracing::error!(error = %e, "network section failed");
            String::new()
        })
    };
    NetworkSections {
        rows: html(&MemberRowsHtml {
            tr,
            case_id,
            rows: &rows,
        }),
        ties: html(&TiesHtml {
            tr,
            case_id,
            ties: &ties,
            may_change: false,
        }),
        ties_to_change: html(&TiesHtml {
            tr,
            case_id,
            ties: &ties,
            may_change: true,
        }),
        member_options: html(&MemberOptionsHtml { members: &members }),
        member_count: rows.len(),
        tie_count: ties.len(),
    }
}

/// What the case page reads for `actor` once the case is known, as the policy allows it: the
/// network with its versions for those who may read it, the participants for those who may
/// also manage them, the destruction request for those who handle it; nothing for a case the
/// policy refuses (it answers 404 without reading more).
pub fn page_parts(actor: &Actor, case: &Case) -> CasePageParts {
    if !may(actor, CaseAction::ReadDetails, case) {
        return CasePageParts::default();
    }
    let network = may(actor, CaseAction::ReadNetwork, case);
    CasePageParts {
        network,
        versions: network,
        participants: network && may(actor, CaseAction::ManageParticipants, case),
        destruction: may(actor, CaseAction::HandleDestruction, case),
    }
}

fn network_view(
    state: &AppState,
    user: &PageUser,
    tr: &Tr,
    page: &CasePage,
    options: &MapOptions,
    fast: FastForm,
    errors: Vec<String>,
) -> NetworkView {
    let case = &page.case;
    let network = &page.network;
    let base = format!("/cases/{}", case.id);
    NetworkView {
        drawn: state.drawn.get(
            tr,
            user.lang,
            case.id.as_str(),
            &case.youth_name,
            options,
            network,
            page.network_revision,
        ),
        views: view_links(tr, &base, options),
        rings: (1..=3u8)
            .map(|r| Opt {
                value: r.to_string(),
                label: tr.t(&format!("ring-{r}")),
                selected: fast.ring == r.to_string(),
            })
            .collect(),
        sectors: opts(
            &Sector::ALL,
            |s| s.as_str().to_string(),
            |s| sector_name(tr, s),
            &fast.sector,
        ),
        tie_kinds: opts(
            &TieKind::ALL,
            |k| k.as_str().to_string(),
            |k| tie_kind_name(tr, k),
            "knows",
        ),
        versions: page
            .versions
            .iter()
            .map(|v| VersionRow {
                id: v.id.to_string(),
                title: v.title.clone(),
                taken_on: v.taken_on.format("%d-%m-%Y").to_string(),
                members: v.member_count,
            })
            .collect(),
        may_change: may(&user.actor, CaseAction::ChangeNetwork, case),
        errors,
        fast,
        today: Utc::now().date_naive().to_string(),
        participants: super::participants::participant_rows(tr, &page.participants),
        may_invite: may(&user.actor, CaseAction::ManageParticipants, case),
        parents: case
            .parents
            .iter()
            .enumerate()
            .map(|(i, p)| Opt {
                value: i.to_string(),
                label: p.name.clone(),
                selected: false,
            })
            .collect(),
    }
}

/// The case page from what [`Store::case_page`](steunkring_store::Store::case_page) read.
fn case_page(
    state: &AppState,
    user: &PageUser,
    page: &CasePage,
    options: &MapOptions,
    status: StatusCode,
    fast: FastForm,
    errors: Vec<String>,
) -> Response {
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let mut view = CaseView::new(&shell.tr, user, &page.case);
    view.destruction = super::rights::notice(page.destruction.as_ref());
    let network = view
        .may_network
        .then(|| network_view(state, user, &shell.tr, page, options, fast, errors));
    let page = CaseNetworkPage {
        title: view.name.clone(),
        case: view,
        tab: "network",
        network,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

/// The case page again after a refused form, with the form's problems: `case` was opened (and
/// its access audited) by the handler, so this only reads what the page shows.
async fn reshow(
    state: &AppState,
    user: &PageUser,
    case: &Case,
    fast: FastForm,
    errors: Vec<String>,
) -> Response {
    let actor = &user.actor;
    let parts = |c: &Case| page_parts(actor, c);
    match state
        .store
        .case_page(&OrgScope::of(actor), &case.id, &parts)
        .await
    {
        Ok(page) => case_page(
            state,
            user,
            &page,
            &MapOptions::default(),
            StatusCode::UNPROCESSABLE_ENTITY,
            fast,
            errors,
        ),
        Err(e) => internal(user.lang, &e),
    }
}

/// The case page: details, and for those involved in the help the network.
pub async fn show(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(options): Query<MapOptions>,
) -> Response {
    let id = CaseId::from_stored(id);
    let actor = &user.actor;
    let parts = |c: &Case| page_parts(actor, c);
    // One store call reads the case and all the page shows; `admit` then asks the policy and
    // writes the read to the audit trail (one entry per page view) before anything is shown.
    let found = state
        .store
        .case_page(&OrgScope::of(actor), &id, &parts)
        .await;
    let page = match admit(&state, actor, &id, CaseAction::ReadDetails, &addr, found).await {
        Ok(p) => p,
        Err(e) => return access_error(user.lang, e),
    };
    case_page(
        &state,
        &user,
        &page,
        &options,
        StatusCode::OK,
        FastForm::default(),
        Vec::new(),
    )
}

/// The short form for mapping during a conversation.
#[derive(Deserialize, Default, Clone)]
pub struct FastForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub relation: String,
    #[serde(default)]
    pub ring: String,
    #[serde(default)]
    pub sector: String,
}

fn field_messages(tr: &Tr, errors: &[FieldError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                tr.t(&format!("member-field-{}", e.field.replace('_', "-"))),
                tr.t(e.key)
            )
        })
        .collect()
}

fn text_number(raw: &str) -> Option<NumberOrText> {
    let raw = raw.trim();
    (!raw.is_empty()).then(|| NumberOrText::Text(raw.to_string()))
}

/// Adds a member from the fast form and comes back to the map, ready for the next one.
pub async fn add(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<FastForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr).await {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let raw = RawMember {
        name: form.name.clone(),
        relation: form.relation.clone(),
        ring: text_number(&form.ring),
        sector: form.sector.clone(),
        ..Default::default()
    };
    match NewMember::parse(&raw) {
        Ok(new) => {
            let member = new.into_member(MemberId::generate());
            match state
                .store
                .add_member(
                    &OrgScope::of(&user.actor),
                    &id,
                    &member,
                    case_event(&user.actor, AuditAction::Create, &id, &addr),
                )
                .await
            {
                Ok(()) => see_other(&format!("/cases/{id}?added=1#snel")),
                Err(e) => internal(user.lang, &e),
            }
        }
        Err(errors) => {
            let tr = Tr::new(user.lang);
            let messages = field_messages(&tr, &errors);
            reshow(&state, &user, &case, form, messages).await
        }
    }
}

#[derive(Deserialize)]
pub struct TieForm {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    kind: String,
}

pub async fn add_tie(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<TieForm>,
) -> Response {
    let tr = Tr::new(user.lang);
    let id = CaseId::from_stored(id);
    let case = match open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr).await {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let fail = |errors: Vec<String>| reshow(&state, &user, &case, FastForm::default(), errors);
    let tie = match Tie::parse(&form.from, &form.to, &form.kind) {
        Ok(t) => t,
        Err(errors) => {
            return fail(
                errors
                    .iter()
                    .map(|e| format!("{}: {}", tr.t("tie-form-title"), tr.t(e.key)))
                    .collect(),
            )
            .await;
        }
    };
    match state
        .store
        .set_tie(
            &OrgScope::of(&user.actor),
            &id,
            &tie,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{id}#banden")),
        Err(StoreError::NotFound) => fail(vec![tr.t("error-tie-members-unknown")]).await,
        Err(e) => internal(user.lang, &e),
    }
}

pub async fn remove_tie(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<TieForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr).await {
        return access_error(user.lang, e);
    }
    let (a, b) = (
        MemberId::from_stored(form.from),
        MemberId::from_stored(form.to),
    );
    match state
        .store
        .remove_tie(
            &OrgScope::of(&user.actor),
            &id,
            &a,
            &b,
            case_event(&user.actor, AuditAction::Delete, &id, &addr),
        )
        .await
    {
        Ok(()) | Err(StoreError::NotFound) => see_other(&format!("/cases/{id}#banden")),
        Err(e) => internal(user.lang, &e),
    }
}

/// The full member form, as typed.
#[derive(Deserialize, Default, Clone)]
pub struct MemberForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub relation: String,
    #[serde(default)]
    pub ring: String,
    #[serde(default)]
    pub sector: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub tie_quality: String,
    #[serde(default)]
    pub stance: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub known_years: String,
    #[serde(default)]
    pub contact_frequency: String,
    #[serde(default)]
    pub available: Option<String>,
    #[serde(default)]
    pub is_adult: Option<String>,
    #[serde(default)]
    pub protective: String,
    #[serde(default)]
    pub risk: String,
    #[serde(default)]
    pub support_emotional: String,
    #[serde(default)]
    pub support_practical: String,
    #[serde(default)]
    pub support_advice: String,
    #[serde(default)]
    pub support_role_model: String,
    #[serde(default)]
    pub support_parental: String,
    #[serde(default)]
    pub support_financial: String,
    #[serde(default)]
    pub support_mobilising: String,
}

impl MemberForm {
    fn support_field(&self, kind: SupportType) -> &str {
        match kind {
            SupportType::Emotional => &self.support_emotional,
            SupportType::Practical => &self.support_practical,
            SupportType::Advice => &self.support_advice,
            SupportType::RoleModel => &self.support_role_model,
            SupportType::Parental => &self.support_parental,
            SupportType::Financial => &self.support_financial,
            SupportType::Mobilising => &self.support_mobilising,
        }
    }

    fn from_member(m: &NetworkMember) -> MemberForm {
        let dir = |kind: SupportType| {
            m.support
                .iter()
                .find(|s| s.kind == kind)
                .map(|s| s.direction.as_str().to_string())
                .unwrap_or_default()
        };
        MemberForm {
            name: m.name.clone(),
            relation: m.relation.clone(),
            ring: m.ring.number().to_string(),
            sector: m.sector.as_str().into(),
            level: m.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
            tie_quality: m
                .tie_quality
                .map(|q| q.as_str().to_string())
                .unwrap_or_default(),
            stance: m.stance.as_str().into(),
            roles: m.roles.iter().map(|r| r.as_str().to_string()).collect(),
            known_years: m
                .known_years
                .map(|k| k.as_str().to_string())
                .unwrap_or_default(),
            contact_frequency: m
                .contact_frequency
                .map(|c| c.score().to_string())
                .unwrap_or_default(),
            available: m.available.then(|| "on".into()),
            is_adult: m.is_adult.then(|| "on".into()),
            protective: m.protective.clone().unwrap_or_default(),
            risk: m.risk.clone().unwrap_or_default(),
            support_emotional: dir(SupportType::Emotional),
            support_practical: dir(SupportType::Practical),
            support_advice: dir(SupportType::Advice),
            support_role_model: dir(SupportType::RoleModel),
            support_parental: dir(SupportType::Parental),
            support_financial: dir(SupportType::Financial),
            support_mobilising: dir(SupportType::Mobilising),
        }
    }

    fn raw(&self) -> RawMember {
        let some = |s: &str| Some(s.trim().to_string()).filter(|v| !v.is_empty());
        RawMember {
            name: self.name.clone(),
            relation: self.relation.clone(),
            ring: text_number(&self.ring),
            sector: self.sector.clone(),
            level: some(&self.level),
            support: SupportType::ALL
                .into_iter()
                .filter_map(|k| {
                    some(self.support_field(k)).map(|d| RawSupport {
                        kind: k.as_str().into(),
                        direction: Some(d),
                    })
                })
                .collect(),
            tie_quality: some(&self.tie_quality),
            stance: some(&self.stance),
            roles: self.roles.clone(),
            known_years: some(&self.known_years),
            contact_frequency: text_number(&self.contact_frequency),
            protective: some(&self.protective),
            risk: some(&self.risk),
            available: Some(self.available.is_some()),
            is_adult: Some(self.is_adult.is_some()),
        }
    }
}

pub struct SupportChoice {
    pub code: &'static str,
    pub label: String,
    pub options: Vec<Opt>,
}

#[derive(Template)]
#[template(path = "member_form.html")]
struct MemberPage {
    shell: Shell,
    title: String,
    case_id: String,
    member_id: String,
    form: MemberForm,
    rings: Vec<Opt>,
    sectors: Vec<Opt>,
    levels: Vec<Opt>,
    qualities: Vec<Opt>,
    stances: Vec<Opt>,
    roles: Vec<Opt>,
    known: Vec<Opt>,
    contact: Vec<Opt>,
    support: Vec<SupportChoice>,
    errors: Vec<String>,
    history: Vec<HistoryRow>,
}

/// One change of a member, as the member page lists it (rectification with history).
pub struct HistoryRow {
    pub when: String,
    pub who: String,
    pub what: String,
}

/// What each change replaced: the fields that differ between a member before a change and
/// after it (the next older entry, or the member now).
fn history_rows(
    tr: &Tr,
    now: &NetworkMember,
    changes: &[steunkring_store::MemberChange],
    users: &[steunkring_store::User],
) -> Vec<HistoryRow> {
    let field_label = |k: &str| {
        let key = format!("member-field-{}", k.replace('_', "-"));
        let label = tr.t(&key);
        if label == key { k.to_string() } else { label }
    };
    let show = |v: &serde_json::Value| match v {
        serde_json::Value::Null => "–".to_string(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut after = serde_json::to_value(now).unwrap_or_default();
    changes
        .iter()
        .map(|c| {
            let before = serde_json::to_value(&c.before).unwrap_or_default();
            let what = if c.removed {
                tr.t("history-removed")
            } else {
                before
                    .as_object()
                    .map(|b| {
                        b.iter()
                            .filter(|(k, v)| after.get(k.as_str()) != Some(v) && k.as_str() != "id")
                            .map(|(k, v)| {
                                format!(
                                    "{}: {} → {}",
                                    field_label(k),
                                    show(v),
                                    show(after.get(k.as_str()).unwrap_or(&serde_json::Value::Null))
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default()
            };
            after = before;
            HistoryRow {
                when: c.changed_at.format("%d-%m-%Y %H:%M").to_string(),
                who: c
                    .changed_by
                    .as_ref()
                    .and_then(|u| users.iter().find(|x| &x.id == u))
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                what,
            }
        })
        .collect()
}

fn member_page(
    user: &PageUser,
    status: StatusCode,
    case: &Case,
    member_id: &str,
    form: MemberForm,
    errors: Vec<String>,
    history: Vec<HistoryRow>,
) -> Response {
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let tr = &shell.tr;
    let none = |label: String, selected: bool| Opt {
        value: String::new(),
        label,
        selected,
    };
    let with_none = |mut v: Vec<Opt>, key: &str, current: &str| {
        v.insert(0, none(tr.t(key), current.is_empty()));
        v
    };
    let page = MemberPage {
        title: tr.t1("member-edit-title", "name", &form.name),
        case_id: case.id.to_string(),
        member_id: member_id.to_string(),
        rings: (1..=3u8)
            .map(|r| Opt {
                value: r.to_string(),
                label: tr.t(&format!("ring-{r}")),
                selected: form.ring == r.to_string(),
            })
            .collect(),
        sectors: opts(
            &Sector::ALL,
            |s| s.as_str().into(),
            |s| sector_name(tr, s),
            &form.sector,
        ),
        levels: with_none(
            opts(
                &Level::ALL,
                |l| l.as_str().into(),
                |l| level_name(tr, l),
                &form.level,
            ),
            "member-unknown",
            &form.level,
        ),
        qualities: with_none(
            opts(
                &TieQuality::ALL,
                |q| q.as_str().into(),
                |q| tie_quality_name(tr, q),
                &form.tie_quality,
            ),
            "member-unknown",
            &form.tie_quality,
        ),
        stances: opts(
            &Stance::ALL,
            |s| s.as_str().into(),
            |s| stance_name(tr, s),
            &form.stance,
        ),
        roles: MemberRole::ALL
            .iter()
            .map(|r| Opt {
                value: r.as_str().into(),
                label: member_role_name(tr, *r),
                selected: form.roles.iter().any(|x| x == r.as_str()),
            })
            .collect(),
        known: with_none(
            opts(
                &KnownYears::ALL,
                |k| k.as_str().into(),
                |k| known_name(tr, k),
                &form.known_years,
            ),
            "member-unknown",
            &form.known_years,
        ),
        contact: with_none(
            opts(
                &ContactFrequency::ALL,
                |c| c.score().to_string(),
                |c| contact_name(tr, c),
                &form.contact_frequency,
            ),
            "member-unknown",
            &form.contact_frequency,
        ),
        support: SupportType::ALL
            .iter()
            .map(|k| {
                let current = form.support_field(*k).to_string();
                let mut options = opts(
                    &Direction::ALL,
                    |d| d.as_str().into(),
                    |d| direction_name(tr, d),
                    &current,
                );
                options.insert(0, none(tr.t("member-support-none"), current.is_empty()));
                SupportChoice {
                    code: k.as_str(),
                    label: support_name(tr, *k),
                    options,
                }
            })
            .collect(),
        form,
        errors,
        history,
        shell,
    };
    (status, render(user.lang, &page)).into_response()
}

async fn case_member(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    id: &CaseId,
    member: &str,
    action: CaseAction,
) -> Result<(Case, Network, NetworkMember), Response> {
    let case = open_case(state, &user.actor, id, action, addr)
        .await
        .map_err(|e| access_error(user.lang, e))?;
    let network = state
        .store
        .network(&OrgScope::of(&user.actor), id)
        .await
        .map_err(|e| internal(user.lang, &e))?;
    let m = network
        .members
        .iter()
        .find(|m| m.id.as_str() == member)
        .cloned()
        .ok_or_else(|| error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found"))?;
    Ok((case, network, m))
}

pub async fn edit(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, member)): Path<(String, String)>,
) -> Response {
    let id = CaseId::from_stored(id);
    match case_member(&state, &user, &addr, &id, &member, CaseAction::ReadNetwork).await {
        Ok((case, _, m)) => {
            let scope = OrgScope::of(&user.actor);
            let (changes, users) = match tokio::try_join!(
                state.store.member_history(&scope, &id, &m.id),
                state.store.list_users(&scope)
            ) {
                Ok(v) => v,
                Err(e) => return internal(user.lang, &e),
            };
            let history = history_rows(&Tr::new(user.lang), &m, &changes, &users);
            member_page(
                &user,
                StatusCode::OK,
                &case,
                &member,
                MemberForm::from_member(&m),
                Vec::new(),
                history,
            )
        }
        Err(r) => r,
    }
}

pub async fn update(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, member)): Path<(String, String)>,
    PageForm(form): PageForm<MemberForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    match case_member(
        &state,
        &user,
        &addr,
        &id,
        &member,
        CaseAction::ChangeNetwork,
    )
    .await
    {
        Ok((case, _, existing)) => save_member(&state, &user, &addr, &case, &existing, form).await,
        Err(r) => r,
    }
}

/// Checks the form and saves the member, then back to the map; a refused form comes back with
/// its problems named.
async fn save_member(
    state: &AppState,
    user: &PageUser,
    addr: &str,
    case: &Case,
    existing: &NetworkMember,
    form: MemberForm,
) -> Response {
    match NewMember::parse(&form.raw()) {
        Ok(new) => {
            let m = new.into_member(existing.id.clone());
            let event = case_event(&user.actor, AuditAction::Update, &case.id, addr);
            match state
                .store
                .update_member(&OrgScope::of(&user.actor), &case.id, &m, event)
                .await
            {
                Ok(()) => see_other(&format!("/cases/{}#kaart", case.id)),
                Err(e) => internal(user.lang, &e),
            }
        }
        Err(errors) => {
            let messages = field_messages(&Tr::new(user.lang), &errors);
            member_page(
                user,
                StatusCode::UNPROCESSABLE_ENTITY,
                case,
                existing.id.as_str(),
                form,
                messages,
                Vec::new(),
            )
        }
    }
}

#[derive(Deserialize)]
pub struct PlaceForm {
    #[serde(default)]
    ring: String,
    #[serde(default)]
    sector: String,
}

/// Moves a member to another ring and/or sector (what dragging on the map does).
pub async fn place(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, member)): Path<(String, String)>,
    PageForm(form): PageForm<PlaceForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let (case, _, existing) = match case_member(
        &state,
        &user,
        &addr,
        &id,
        &member,
        CaseAction::ChangeNetwork,
    )
    .await
    {
        Ok(v) => v,
        Err(r) => return r,
    };
    let mut f = MemberForm::from_member(&existing);
    if !form.ring.is_empty() {
        f.ring = form.ring;
    }
    if !form.sector.is_empty() {
        f.sector = form.sector;
    }
    save_member(&state, &user, &addr, &case, &existing, f).await
}

pub async fn remove(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path((id, member)): Path<(String, String)>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr).await {
        return access_error(user.lang, e);
    }
    match state
        .store
        .remove_member(
            &OrgScope::of(&user.actor),
            &id,
            &MemberId::from_stored(member),
            case_event(&user.actor, AuditAction::Delete, &id, &addr),
        )
        .await
    {
        Ok(()) => see_other(&format!("/cases/{id}#kaart")),
        Err(StoreError::NotFound) => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize)]
pub struct VersionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    taken_on: String,
}

pub async fn save_version(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    PageForm(form): PageForm<VersionForm>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_case(&state, &user.actor, &id, CaseAction::ChangeNetwork, &addr).await {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let (title, date) = match crate::api::parse_version(&form.title, Some(&form.taken_on)) {
        Ok(v) => v,
        Err(errors) => {
            let tr = Tr::new(user.lang);
            let messages = errors
                .iter()
                .map(|e| format!("{}: {}", tr.t("version-field-title"), tr.t(e.key)))
                .collect();
            return reshow(&state, &user, &case, FastForm::default(), messages).await;
        }
    };
    match state
        .store
        .save_version(
            &OrgScope::of(&user.actor),
            &id,
            &title,
            date,
            case_event(&user.actor, AuditAction::Create, &id, &addr),
        )
        .await
    {
        Ok(_) => see_other(&format!("/cases/{id}#versies")),
        Err(e) => internal(user.lang, &e),
    }
}

#[derive(Deserialize, Default)]
pub struct CompareQuery {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

pub struct ChangeRow {
    pub name: String,
    pub what: String,
}

pub struct IndicatorRow {
    pub label: String,
    pub from: String,
    pub to: String,
    pub changed: bool,
}

#[derive(Template)]
#[template(path = "version_compare.html")]
struct ComparePage {
    shell: Shell,
    title: String,
    case_id: String,
    from_title: String,
    to_title: String,
    changes: Vec<ChangeRow>,
    indicators: Vec<IndicatorRow>,
    overlap: String,
}

/// Two versions side by side: who joined, left, moved or changed, and every indicator.
pub async fn compare_versions(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(q): Query<CompareQuery>,
) -> Response {
    let id = CaseId::from_stored(id);
    if let Err(e) = open_case(&state, &user.actor, &id, CaseAction::ReadNetwork, &addr).await {
        return access_error(user.lang, e);
    }
    let scope = OrgScope::of(&user.actor);
    let tr = Tr::new(user.lang);
    let load = |which: String| {
        let (state, scope, id) = (state.clone(), scope.clone(), id.clone());
        async move {
            let title = if which == "current" {
                None
            } else {
                state
                    .store
                    .get_version(
                        &scope,
                        &id,
                        &steunkring_domain::ids::VersionId::from_stored(which.clone()),
                    )
                    .await
                    .ok()
                    .map(|(v, _)| format!("{} ({})", v.title, v.taken_on.format("%d-%m-%Y")))
            };
            crate::api::version_or_current(&state, &scope, &id, &which)
                .await
                .map(|n| (title, n))
        }
    };
    let ((from_title, old), (to_title, new)) =
        match tokio::try_join!(load(q.from.clone()), load(q.to.clone())) {
            Ok(v) => v,
            Err(StoreError::NotFound) => {
                return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found");
            }
            Err(e) => return internal(user.lang, &e),
        };
    let cmp = compare(&old.members, &new.members);
    let name = |mid: &MemberId| {
        new.members
            .iter()
            .chain(old.members.iter())
            .find(|m| &m.id == mid)
            .map(|m| m.name.clone())
            .unwrap_or_default()
    };
    let mut changes = Vec::new();
    for m in &cmp.joined {
        changes.push(ChangeRow {
            name: name(m),
            what: tr.t("compare-joined"),
        });
    }
    for m in &cmp.left {
        changes.push(ChangeRow {
            name: name(m),
            what: tr.t("compare-left"),
        });
    }
    for mv in &cmp.moved_ring {
        let (from, to) = (mv.from.number(), mv.to.number());
        changes.push(ChangeRow {
            name: name(&mv.member),
            what: tr.message(
                "compare-moved",
                &[("from", (from as i64).into()), ("to", (to as i64).into())],
            ),
        });
    }
    for ch in &cmp.changed_tie_quality {
        let show = |q: Option<TieQuality>| {
            q.map(|q| tie_quality_name(&tr, q))
                .unwrap_or_else(|| tr.t("member-unknown"))
        };
        changes.push(ChangeRow {
            name: name(&ch.member),
            what: tr.message(
                "compare-quality",
                &[("from", show(ch.from).into()), ("to", show(ch.to).into())],
            ),
        });
    }
    let (a, b) = (
        Indicators::compute(&old.members, &old.ties),
        Indicators::compute(&new.members, &new.ties),
    );
    let indicators = indicator_rows(&tr, &a, &b);
    let current = tr.t("compare-current");
    let page = ComparePage {
        title: tr.t("compare-title"),
        case_id: id.to_string(),
        from_title: from_title.unwrap_or_else(|| current.clone()),
        to_title: to_title.unwrap_or(current),
        changes,
        indicators,
        overlap: format!("{:.0}%", cmp.overlap * 100.0),
        shell: Shell::for_actor(user.lang, &user.actor, "/cases"),
    };
    render(user.lang, &page)
}

/// The indicators of two networks side by side, named in the page's language.
fn indicator_rows(tr: &Tr, a: &Indicators, b: &Indicators) -> Vec<IndicatorRow> {
    let (ja, jb) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    );
    let mut rows = Vec::new();
    flatten("", &ja, &jb, &mut rows, tr);
    rows
}

fn flatten(
    prefix: &str,
    a: &serde_json::Value,
    b: &serde_json::Value,
    rows: &mut Vec<IndicatorRow>,
    tr: &Tr,
) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(ma), Value::Object(mb)) => {
            for (k, va) in ma {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, va, mb.get(k).unwrap_or(&Value::Null), rows, tr);
            }
        }
        (Value::Array(_), _) | (_, Value::Array(_)) => {}
        _ => {
            let show = |v: &Value| match v {
                Value::Number(n) => n
                    .as_f64()
                    .map(|f| {
                        if f.fract() == 0.0 {
                            format!("{f:.0}")
                        } else {
                            format!("{f:.2}")
                        }
                    })
                    .unwrap_or_default(),
                Value::Bool(true) => tr.t("yes"),
                Value::Bool(false) => tr.t("no"),
                Value::Null => "–".into(),
                other => other.to_string(),
            };
            let key = format!("indicator-{}", prefix.replace(['.', '_'], "-"));
            let label = tr.t(&key);
            rows.push(IndicatorRow {
                label: if label == key {
                    prefix.to_string()
                } else {
                    label
                },
                from: show(a),
                to: show(b),
                changed: a != b,
            });
        }
    }
}

#[derive(Template)]
#[template(path = "case_print.html")]
struct PrintPage {
    shell: Shell,
    title: String,
    case: CaseView,
    svg: String,
    rows: Vec<MemberRow>,
    sentences: Vec<String>,
    printed_on: String,
}

/// A printable page of the map, with legend and the table.
pub async fn print(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(options): Query<MapOptions>,
) -> Response {
    let id = CaseId::from_stored(id);
    let case = match open_case(&state, &user.actor, &id, CaseAction::ReadNetwork, &addr).await {
        Ok(c) => c,
        Err(e) => return access_error(user.lang, e),
    };
    let network = match state.store.network(&OrgScope::of(&user.actor), &id).await {
        Ok(n) => n,
        Err(e) => return internal(user.lang, &e),
    };
    let shell = Shell::for_actor(user.lang, &user.actor, "/cases");
    let input = map_input(
        &shell.tr,
        &case.youth_name,
        &network.members,
        &network.ties,
        &options,
        None,
    );
    let indicators = Indicators::compute(&network.members, &network.ties);
    let mut view = CaseView::new(&shell.tr, &user, &case);
    if options.pseudonymise {
        view.name = shell.tr.t("map-youth");
    }
    let rows = if options.pseudonymise {
        Vec::new()
    } else {
        network
            .members
            .iter()
            .map(|m| member_row(&shell.tr, m))
            .collect()
    };
    let page = PrintPage {
        title: shell.tr.t("print-title"),
        svg: steunkring_netmap::render(&input),
        rows,
        sentences: sentences(&shell.tr, &indicators),
        printed_on: Utc::now().date_naive().format("%d-%m-%Y").to_string(),
        case: view,
        shell,
    };
    render(user.lang, &page)
}

#[derive(Deserialize)]
pub struct DownloadQuery {
    #[serde(default)]
    what: String,
    #[serde(default)]
    pseudonymise: bool,
}

/// Downloads from the case page (the same exports as the API, with the session cookie).
pub async fn download(
    State(state): State<AppState>,
    user: PageUser,
    ClientAddr(addr): ClientAddr,
    Path(id): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> Response {
    use crate::api::ExportKind;
    let kind = match q.what.as_str() {
        "graphml" => ExportKind::Graphml,
        "members.csv" => ExportKind::MembersCsv,
        "ties.csv" => ExportKind::TiesCsv,
        "svg" => ExportKind::Svg,
        _ => return error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found"),
    };
    match crate::api::export_response(
        &state,
        &user.actor,
        user.lang,
        &CaseId::from_stored(id),
        kind,
        q.pseudonymise,
        &addr,
    )
    .await
    {
        Ok(r) => r,
        Err(e) if e.status == StatusCode::NOT_FOUND => {
            error_page(user.lang, StatusCode::NOT_FOUND, "error-not-found")
        }
        Err(e) => error_page(user.lang, e.status, "error-internal"),
    }
}
