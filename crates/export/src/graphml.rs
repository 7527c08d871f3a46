//! GraphML (<http://graphml.graphdrawing.org/>): the network as an undirected graph with the
//! young person as the ego node, for Gephi, networkx (`nx.read_graphml`), igraph and the like.
//!
//! Every attribute is a declared `<key>` with a type, so tools read rings as numbers and flags
//! as booleans instead of guessing. A value that is not known (no level, no tie quality) has no
//! `<data>` element at all, which GraphML reads as "missing" rather than as an empty text.

use crate::initials;
use std::collections::HashSet;
use steunkring_domain::network::{Direction, NetworkMember, SupportType, Tie};

/// What [`graphml`] writes: a network borrowed from wherever it is kept (for instance the
/// store's `Network { members, ties }`), so exporting never copies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NetworkExport<'a> {
    pub members: &'a [NetworkMember],
    pub ties: &'a [Tie],
    /// For sharing outside the help (research, a colleague elsewhere): names, including the
    /// ego label, become initials, and the free texts that identify or stigmatise — relation,
    /// protective and risk notes — are left out together with their keys.
    pub pseudonymise: bool,
}

impl<'a> NetworkExport<'a> {
    /// The full network, names and notes included.
    pub fn new(members: &'a [NetworkMember], ties: &'a [Tie]) -> Self {
        Self {
            members,
            ties,
            pseudonymise: false,
        }
    }

    /// The same network with names reduced to initials and identifying notes left out.
    pub fn pseudonymised(self) -> Self {
        Self {
            pseudonymise: true,
            ..self
        }
    }
}

/// The `attr.type`s used here; GraphML also has long, float and double.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AttrType {
    String,
    Int,
    Boolean,
}

impl AttrType {
    fn as_str(self) -> &'static str {
        match self {
            AttrType::String => "string",
            AttrType::Int => "int",
            AttrType::Boolean => "boolean",
        }
    }
}

/// A declared attribute. Node keys use their attribute name as id; edge keys get an `edge_`
/// prefix, because GraphML wants key ids unique across the document and both nodes and edges
/// have a `ring`.
struct Key {
    id: String,
    name: String,
    for_edge: bool,
    kind: AttrType,
}

impl Key {
    fn node(name: &str, kind: AttrType) -> Key {
        Key {
            id: name.to_string(),
            name: name.to_string(),
            for_edge: false,
            kind,
        }
    }

    fn edge(name: &str, kind: AttrType) -> Key {
        Key {
            id: format!("edge_{name}"),
            name: name.to_string(),
            for_edge: true,
            kind,
        }
    }
}

/// Edge key ids, shared by the declaration and the data so they cannot drift apart.
const EDGE_KIND: &str = "edge_kind";
const EDGE_RING: &str = "edge_ring";

/// The kind of an ego edge whose tie quality was not recorded.
const EGO_TIE: &str = "ego_tie";

fn support_key(kind: SupportType) -> String {
    format!("support_{}", kind.as_str())
}

fn direction_key(kind: SupportType) -> String {
    format!("support_{}_direction", kind.as_str())
}

/// Every key, in the order the `<data>` elements follow. `label` repeats `name` because Gephi
/// shows a node attribute called `label` as the node's label and `name` as just a column.
fn keys(pseudonymise: bool) -> Vec<Key> {
    use AttrType::{Boolean, Int, String};
    let mut keys = vec![
        Key::node("label", String),
        Key::node("name", String),
        Key::node("is_ego", Boolean),
    ];
    if !pseudonymise {
        keys.push(Key::node("relation", String));
    }
    for (name, kind) in [
        ("ring", Int),
        ("sector", String),
        ("level", String),
        ("informal", Boolean),
        ("tie_quality", String),
        ("stance", String),
        ("roles", String),
    ] {
        keys.push(Key::node(name, kind));
    }
    for kind in SupportType::ALL {
        keys.push(Key::node(&support_key(kind), Boolean));
        keys.push(Key::node(&direction_key(kind), String));
    }
    if !pseudonymise {
        keys.push(Key::node("protective", String));
        keys.push(Key::node("risk", String));
    }
    for (name, kind) in [
        ("available", Boolean),
        ("is_adult", Boolean),
        ("known_years", String),
        ("contact_frequency", Int),
    ] {
        keys.push(Key::node(name, kind));
    }
    keys.push(Key::edge("kind", String));
    keys.push(Key::edge("ring", Int));
    keys
}

/// The network as a GraphML document: the ego node first (id `ego`, `is_ego=true`, labelled
/// `ego_label`), then every member (id = member id), then an edge from the ego to every member
/// (`kind` = the tie quality, or `ego_tie` when none is recorded, and the member's `ring`), then
/// an edge per tie between members (`kind`).
///
/// Every text is escaped and loses the characters XML 1.0 cannot carry, ids included. GraphML
/// cannot hold all that the store might in theory contain, so: a member whose id was seen
/// before is left out (ids must be unique; the first wins, as in the indicators); a tie to an
/// unknown member, a tie to oneself and a repeated pair are left out (the graph is simple and
/// undirected; the first tie of a pair wins). Should a member ever have the id `ego`, the ego
/// node takes `ego_`, `ego__`, …; `is_ego` is what identifies it.
pub fn graphml(ego_label: &str, network: &NetworkExport) -> String {
    let pseudonymise = network.pseudonymise;
    let mut out = String::with_capacity(1024 + network.members.len() * 1024);
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    for key in keys(pseudonymise) {
        out.push_str("  <key id=\"");
        push_escaped(&mut out, &key.id);
        out.push_str("\" for=\"");
        out.push_str(if key.for_edge { "edge" } else { "node" });
        out.push_str("\" attr.name=\"");
        push_escaped(&mut out, &key.name);
        out.push_str("\" attr.type=\"");
        out.push_str(key.kind.as_str());
        out.push_str("\"/>\n");
    }
    out.push_str("  <graph id=\"network\" edgedefault=\"undirected\">\n");

    // Members with a unique id, in input order. Ids are compared as written to the file, so two
    // ids that differ only in a dropped control character cannot give two nodes one id.
    let mut seen: HashSet<String> = HashSet::with_capacity(network.members.len());
    let members: Vec<(String, &NetworkMember)> = network
        .members
        .iter()
        .map(|m| (xml_clean(m.id.as_str()), m))
        .filter(|(id, _)| seen.insert(id.clone()))
        .collect();
    let mut ego_id = String::from("ego");
    while seen.contains(&ego_id) {
        ego_id.push('_');
    }

    let ego_name = if pseudonymise {
        initials(ego_label)
    } else {
        ego_label.to_string()
    };
    open_node(&mut out, &ego_id);
    push_data(&mut out, "label", &ego_name);
    push_data(&mut out, "name", &ego_name);
    push_data(&mut out, "is_ego", "true");
    out.push_str("    </node>\n");

    for (id, member) in &members {
        open_node(&mut out, id);
        for (key, value) in member_data(member, pseudonymise) {
            push_data(&mut out, &key, &value);
        }
        out.push_str("    </node>\n");
    }

    for (id, member) in &members {
        let kind = member.tie_quality.map_or(EGO_TIE, |q| q.as_str());
        let ring = member.ring.number().to_string();
        push_edge(
            &mut out,
            &ego_id,
            id,
            &[(EDGE_KIND, kind), (EDGE_RING, &ring)],
        );
    }

    let mut pairs: HashSet<(String, String)> = HashSet::with_capacity(network.ties.len());
    for tie in network.ties {
        let (from, to) = (xml_clean(tie.from.as_str()), xml_clean(tie.to.as_str()));
        let known = seen.contains(&from) && seen.contains(&to);
        let pair = if from <= to {
            (from.clone(), to.clone())
        } else {
            (to.clone(), from.clone())
        };
        if known && from != to && pairs.insert(pair) {
            push_edge(&mut out, &from, &to, &[(EDGE_KIND, tie.kind.as_str())]);
        }
    }

    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// A member's `<data>` as (key id, value), in key order; unknown values are left out.
fn member_data(member: &NetworkMember, pseudonymise: bool) -> Vec<(String, String)> {
    let mut data: Vec<(String, String)> = Vec::with_capacity(32);
    let mut put = |key: &str, value: String| data.push((key.to_string(), value));
    let name = if pseudonymise {
        initials(&member.name)
    } else {
        member.name.clone()
    };
    put("label", name.clone());
    put("name", name);
    put("is_ego", false.to_string());
    if !pseudonymise && !member.relation.trim().is_empty() {
        put("relation", member.relation.clone());
    }
    put("ring", member.ring.number().to_string());
    put("sector", member.sector.as_str().to_string());
    if let Some(level) = member.level {
        put("level", level.as_str().to_string());
    }
    put("informal", member.is_informal().to_string());
    if let Some(quality) = member.tie_quality {
        put("tie_quality", quality.as_str().to_string());
    }
    put("stance", member.stance.as_str().to_string());
    if !member.roles.is_empty() {
        let roles: Vec<&str> = member.roles.iter().map(|r| r.as_str()).collect();
        put("roles", roles.join(","));
    }
    for kind in SupportType::ALL {
        let direction = support_direction(member, kind);
        put(&support_key(kind), direction.is_some().to_string());
        if let Some(direction) = direction {
            put(&direction_key(kind), direction.as_str().to_string());
        }
    }
    if !pseudonymise {
        for (key, note) in [("protective", &member.protective), ("risk", &member.risk)] {
            if let Some(note) = note.as_deref().filter(|n| !n.trim().is_empty()) {
                put(key, note.to_string());
            }
        }
    }
    put("available", member.available.to_string());
    put("is_adult", member.is_adult.to_string());
    if let Some(years) = member.known_years {
        put("known_years", years.as_str().to_string());
    }
    if let Some(frequency) = member.contact_frequency {
        put("contact_frequency", frequency.score().to_string());
    }
    data
}

/// The direction of one support type; should a type appear twice, the directions combine
/// (`to_youth` and `from_youth` make `mutual`).
pub(crate) fn support_direction(member: &NetworkMember, kind: SupportType) -> Option<Direction> {
    member
        .support
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.direction)
        .reduce(Direction::combine)
}

fn open_node(out: &mut String, id: &str) {
    out.push_str("    <node id=\"");
    push_escaped(out, id);
    out.push_str("\">\n");
}

fn push_edge(out: &mut String, source: &str, target: &str, data: &[(&str, &str)]) {
    out.push_str("    <edge source=\"");
    push_escaped(out, source);
    out.push_str("\" target=\"");
    push_escaped(out, target);
    out.push_str("\">\n");
    for (key, value) in data {
        push_data(out, key, value);
    }
    out.push_str("    </edge>\n");
}

fn push_data(out: &mut String, key: &str, value: &str) {
    out.push_str("      <data key=\"");
    push_escaped(out, key);
    out.push_str("\">");
    push_escaped(out, value);
    out.push_str("</data>\n");
}

/// Whether XML 1.0 can carry a character: tab, line feed and carriage return can; other control
/// characters and U+FFFE/U+FFFF cannot (or are discouraged) and would make the file unreadable.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// The text without the characters XML cannot carry.
pub(crate) fn xml_clean(raw: &str) -> String {
    raw.chars().filter(|&c| xml_allowed(c)).collect()
}

/// Appends text safe for XML content and attribute values alike: the five specials become
/// entities so a name cannot inject markup; tab, line feed and carriage return become character
/// references so a parser gives them back unchanged (it would turn them into spaces in an
/// attribute and CR LF into LF anywhere); what XML cannot carry is dropped.
fn push_escaped(out: &mut String, raw: &str) {
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if xml_allowed(c) => out.push(c),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests;
