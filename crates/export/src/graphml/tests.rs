use super::*;
use crate::fixtures::{self, CONTROL_RELATION_CLEAN, HOSTILE_NAME, MULTILINE_RISK, member};
use proptest::prelude::*;
use roxmltree::{Document, Node};
use std::collections::{BTreeMap, BTreeSet};
use steunkring_domain::network::TieKind;

/// A parsed graph: keys by id, nodes by id with their data, edges as (source, target, data).
struct Parsed {
    /// id → (for, attr.name, attr.type)
    keys: BTreeMap<String, (String, String, String)>,
    key_count: usize,
    nodes: Vec<(String, BTreeMap<String, String>)>,
    edges: Vec<(String, String, BTreeMap<String, String>)>,
}

impl Parsed {
    fn node(&self, id: &str) -> &BTreeMap<String, String> {
        match self.nodes.iter().find(|(n, _)| n == id) {
            Some((_, data)) => data,
            None => panic!("no node {id}"),
        }
    }

    fn edge(&self, a: &str, b: &str) -> &BTreeMap<String, String> {
        let found = self
            .edges
            .iter()
            .find(|(s, t, _)| (s == a && t == b) || (s == b && t == a));
        match found {
            Some((_, _, data)) => data,
            None => panic!("no edge {a}–{b}"),
        }
    }

    fn node_key_names(&self) -> BTreeSet<&str> {
        self.keys
            .values()
            .filter(|(f, _, _)| f == "node")
            .map(|(_, name, _)| name.as_str())
            .collect()
    }
}

fn attr(node: Node, name: &str) -> String {
    node.attribute(name).unwrap_or_default().to_string()
}

fn data_of(node: Node) -> BTreeMap<String, String> {
    let mut data = BTreeMap::new();
    for d in node.children().filter(|c| c.has_tag_name("data")) {
        let text: String = d.children().filter_map(|t| t.text()).collect();
        let previous = data.insert(attr(d, "key"), text);
        assert!(previous.is_none(), "data key twice in one element");
    }
    data
}

/// Parses `xml` strictly and checks what every document must satisfy: the GraphML namespace, an
/// undirected graph, keys before the graph, each key id and each (for, name) once, known types,
/// and every `<data>` referring to a declared key of its own kind.
fn parse(xml: &str) -> Parsed {
    let doc = match Document::parse(xml) {
        Ok(doc) => doc,
        Err(e) => panic!("not well-formed: {e}\n{xml}"),
    };
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );

    let mut keys = BTreeMap::new();
    let mut names = BTreeSet::new();
    let mut key_count = 0;
    let mut graphs = 0;
    for child in root.children().filter(|c| c.is_element()) {
        match child.tag_name().name() {
            "key" => {
                assert_eq!(graphs, 0, "keys come before the graph");
                key_count += 1;
                let (id, f, name, ty) = (
                    attr(child, "id"),
                    attr(child, "for"),
                    attr(child, "attr.name"),
                    attr(child, "attr.type"),
                );
                assert!(["node", "edge"].contains(&f.as_str()), "for={f}");
                assert!(
                    ["string", "int", "boolean", "double"].contains(&ty.as_str()),
                    "attr.type={ty}"
                );
                assert!(
                    names.insert((f.clone(), name.clone())),
                    "{f} key {name} declared twice"
                );
                assert!(
                    keys.insert(id.clone(), (f, name, ty)).is_none(),
                    "key id {id} twice"
                );
            }
            "graph" => graphs += 1,
            other => panic!("unexpected <{other}>"),
        }
    }
    assert_eq!(graphs, 1);

    let Some(graph) = root.children().find(|c| c.has_tag_name("graph")) else {
        panic!("no graph");
    };
    assert_eq!(graph.attribute("edgedefault"), Some("undirected"));
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for el in graph.children().filter(|c| c.is_element()) {
        let data = data_of(el);
        let kind = el.tag_name().name();
        for (key, value) in &data {
            let Some((f, name, ty)) = keys.get(key) else {
                panic!("data for undeclared key {key}");
            };
            assert_eq!(f, kind, "{kind} data with a {f} key");
            match ty.as_str() {
                "int" => assert!(value.parse::<i64>().is_ok(), "{name}={value:?}"),
                "boolean" => assert!(["true", "false"].contains(&value.as_str())),
                _ => {}
            }
        }
        match kind {
            "node" => nodes.push((attr(el, "id"), data)),
            "edge" => edges.push((attr(el, "source"), attr(el, "target"), data)),
            other => panic!("unexpected <{other}> in graph"),
        }
    }
    let ids: BTreeSet<&String> = nodes.iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are unique");
    for (s, t, _) in &edges {
        assert!(
            ids.contains(s) && ids.contains(t),
            "edge {s}–{t} to nowhere"
        );
    }
    Parsed {
        keys,
        key_count,
        nodes,
        edges,
    }
}

fn full() -> String {
    let (members, ties) = (fixtures::members(), fixtures::ties());
    graphml("Daan", &NetworkExport::new(&members, &ties))
}

/// Node attributes every full export declares.
const NODE_ATTRS: [&str; 31] = [
    "label",
    "name",
    "is_ego",
    "relation",
    "ring",
    "sector",
    "level",
    "informal",
    "tie_quality",
    "stance",
    "roles",
    "support_emotional",
    "support_emotional_direction",
    "support_practical",
    "support_practical_direction",
    "support_advice",
    "support_advice_direction",
    "support_role_model",
    "support_role_model_direction",
    "support_parental",
    "support_parental_direction",
    "support_financial",
    "support_financial_direction",
    "support_mobilising",
    "support_mobilising_direction",
    "protective",
    "risk",
    "available",
    "is_adult",
    "known_years",
    "contact_frequency",
];

#[test]
fn ego_and_every_member_are_nodes_and_the_edges_are_counted() {
    let g = parse(&full());
    let ids: Vec<&str> = g.nodes.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["ego", "m-oma", "m-buur", "m-coach"]);
    // Three ego edges; three distinct pairs (the reversed pair, the unknown end and the
    // self-tie are left out).
    assert_eq!(g.edges.len(), 6);
    let ego_edges = g.edges.iter().filter(|(s, _, _)| s == "ego").count();
    assert_eq!(ego_edges, 3);
}

#[test]
fn every_key_is_declared_once_with_a_type() {
    let g = parse(&full());
    assert_eq!(g.key_count, g.keys.len());
    assert_eq!(g.node_key_names(), BTreeSet::from(NODE_ATTRS));
    let edge_keys: BTreeSet<(&str, &str)> = g
        .keys
        .values()
        .filter(|(f, _, _)| f == "edge")
        .map(|(_, name, ty)| (name.as_str(), ty.as_str()))
        .collect();
    assert_eq!(
        edge_keys,
        BTreeSet::from([("kind", "string"), ("ring", "int")])
    );
    let type_of = |name: &str| {
        g.keys
            .values()
            .find(|(f, n, _)| f == "node" && n == name)
            .map(|(_, _, ty)| ty.clone())
    };
    for name in ["ring", "contact_frequency"] {
        assert_eq!(type_of(name).as_deref(), Some("int"), "{name}");
    }
    for name in [
        "is_ego",
        "informal",
        "available",
        "is_adult",
        "support_advice",
    ] {
        assert_eq!(type_of(name).as_deref(), Some("boolean"), "{name}");
    }
    for name in ["name", "roles", "support_advice_direction", "known_years"] {
        assert_eq!(type_of(name).as_deref(), Some("string"), "{name}");
    }
}

#[test]
fn the_ego_is_marked_and_labelled() {
    let g = parse(&full());
    let ego = g.node("ego");
    assert_eq!(ego.get("is_ego").map(String::as_str), Some("true"));
    assert_eq!(ego.get("name").map(String::as_str), Some("Daan"));
    assert_eq!(ego.get("label").map(String::as_str), Some("Daan"));
    for id in ["m-oma", "m-buur", "m-coach"] {
        assert_eq!(g.node(id).get("is_ego").map(String::as_str), Some("false"));
    }
}

#[test]
fn member_attributes_carry_their_values() {
    let g = parse(&full());
    let oma = g.node("m-oma");
    let expected = [
        ("name", "Oma Ëlla de Vries"),
        ("label", "Oma Ëlla de Vries"),
        ("relation", "oma"),
        ("ring", "1"),
        ("sector", "family"),
        ("level", "voluntary_individual"),
        ("informal", "true"),
        ("tie_quality", "supportive"),
        ("stance", "chosen"),
        ("roles", "support_figure,citizen_guardian"),
        ("support_emotional", "true"),
        ("support_emotional_direction", "to_youth"),
        ("support_practical", "true"),
        ("support_practical_direction", "mutual"),
        ("support_advice", "false"),
        ("protective", "takes him to football every week"),
        ("available", "true"),
        ("is_adult", "true"),
        ("known_years", "more_than_five"),
        ("contact_frequency", "3"),
    ];
    for (key, value) in expected {
        assert_eq!(oma.get(key).map(String::as_str), Some(value), "{key}");
    }
    assert_eq!(oma.get("support_advice_direction"), None);
    assert_eq!(oma.get("risk"), None);

    // Unknown values have no data at all; known false ones do.
    let coach = g.node("m-coach");
    for key in [
        "relation",
        "level",
        "tie_quality",
        "roles",
        "protective",
        "risk",
        "known_years",
        "contact_frequency",
    ] {
        assert_eq!(coach.get(key), None, "{key}");
    }
    for (key, value) in [
        ("informal", "false"),
        ("stance", "rejected"),
        ("available", "false"),
        ("ring", "3"),
        ("support_mobilising", "false"),
    ] {
        assert_eq!(coach.get(key).map(String::as_str), Some(value), "{key}");
    }
    // A blank note is no note.
    assert_eq!(g.node("m-buur").get("protective"), None);
}

#[test]
fn edges_carry_kind_and_ring() {
    let g = parse(&full());
    let kind = |a: &str, b: &str| g.edge(a, b).get("edge_kind").cloned();
    assert_eq!(kind("ego", "m-oma").as_deref(), Some("supportive"));
    assert_eq!(kind("ego", "m-buur").as_deref(), Some("ambivalent"));
    assert_eq!(kind("ego", "m-coach").as_deref(), Some("ego_tie"));
    assert_eq!(
        g.edge("ego", "m-oma").get("edge_ring").map(String::as_str),
        Some("1")
    );
    assert_eq!(
        g.edge("ego", "m-coach")
            .get("edge_ring")
            .map(String::as_str),
        Some("3")
    );
    assert_eq!(kind("m-oma", "m-buur").as_deref(), Some("knows"));
    assert_eq!(kind("m-buur", "m-coach").as_deref(), Some("stressful"));
    // The first tie of a pair wins.
    assert_eq!(kind("m-oma", "m-coach").as_deref(), Some("ambivalent"));
    assert_eq!(g.edge("m-oma", "m-buur").get("edge_ring"), None);
}

#[test]
fn hostile_text_round_trips_and_control_characters_are_gone() {
    let xml = full();
    assert!(!xml.contains("<script>"));
    for c in xml.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "raw control character {c:?} in the document"
        );
    }
    let g = parse(&xml);
    let buur = g.node("m-buur");
    assert_eq!(buur.get("name").map(String::as_str), Some(HOSTILE_NAME));
    assert_eq!(
        buur.get("relation").map(String::as_str),
        Some(CONTROL_RELATION_CLEAN)
    );
    // CR, LF and tab are allowed in XML and come back exactly.
    assert_eq!(buur.get("risk").map(String::as_str), Some(MULTILINE_RISK));
    assert_eq!(
        buur.get("support_advice_direction").map(String::as_str),
        Some("from_youth")
    );
}

#[test]
fn hostile_ids_and_ego_label_stay_inside_their_attributes() {
    let members = vec![
        member("a\"><x y=\"", "A"),
        member("b'&<\u{1}", "B"),
        member("ego", "Named ego"),
    ];
    let ties = vec![fixtures::tie("a\"><x y=\"", "b'&<\u{1}", TieKind::Knows)];
    let xml = graphml(
        "<b>Daan</b> & \"co\"\u{0}",
        &NetworkExport::new(&members, &ties),
    );
    let g = parse(&xml);
    let ids: Vec<&str> = g.nodes.iter().map(|(id, _)| id.as_str()).collect();
    // The control character is dropped from the id in the node and in the edge alike.
    assert_eq!(ids, ["ego_", "a\"><x y=\"", "b'&<", "ego"]);
    assert_eq!(g.node("b'&<").get("name").map(String::as_str), Some("B"));
    assert_eq!(
        g.node("ego_").get("name").map(String::as_str),
        Some("<b>Daan</b> & \"co\"")
    );
    assert_eq!(
        g.node("ego_").get("is_ego").map(String::as_str),
        Some("true")
    );
    assert_eq!(
        g.node("ego").get("is_ego").map(String::as_str),
        Some("false")
    );
    assert_eq!(g.edges.len(), 4);
    assert_eq!(
        g.edge("a\"><x y=\"", "b'&<")
            .get("edge_kind")
            .map(String::as_str),
        Some("knows")
    );
}

#[test]
fn duplicate_member_ids_keep_the_first() {
    // The third id is the first once its control character is dropped.
    let members = vec![
        member("x", "First"),
        member("x", "Second"),
        member("x\u{1}", "Third"),
    ];
    let g = parse(&graphml("Daan", &NetworkExport::new(&members, &[])));
    assert_eq!(g.nodes.len(), 2);
    assert_eq!(g.node("x").get("name").map(String::as_str), Some("First"));
    assert_eq!(g.edges.len(), 1);
}

#[test]
fn an_empty_network_is_the_ego_alone() {
    let g = parse(&graphml("", &NetworkExport::new(&[], &[])));
    assert_eq!(g.nodes.len(), 1);
    assert!(g.edges.is_empty());
    assert_eq!(g.node("ego").get("name").map(String::as_str), Some(""));
    assert_eq!(g.node_key_names(), BTreeSet::from(NODE_ATTRS));
}

#[test]
fn pseudonymised_export_has_initials_and_no_notes() {
    let (members, ties) = (fixtures::members(), fixtures::ties());
    let network = NetworkExport::new(&members, &ties).pseudonymised();
    assert!(network.pseudonymise);
    let xml = graphml("Daan de Boer", &network);
    // Not "oma" or "buur": they are in the member ids, which are no names.
    for secret in [
        "Daan", "Oma", "Ëlla", "Vries", "football", "line", "buurman", "één", "script", "Zoë",
        "Coach",
    ] {
        assert!(!xml.contains(secret), "{secret} leaked");
    }
    let g = parse(&xml);
    let names = g.node_key_names();
    for dropped in ["relation", "protective", "risk"] {
        assert!(!names.contains(dropped), "{dropped} still declared");
    }
    assert_eq!(names.len(), NODE_ATTRS.len() - 3);
    assert_eq!(g.node("ego").get("name").map(String::as_str), Some("DdB"));
    assert_eq!(
        g.node("m-oma").get("name").map(String::as_str),
        Some("OËdV")
    );
    assert_eq!(
        g.node("m-oma").get("label").map(String::as_str),
        Some("OËdV")
    );
    assert_eq!(g.node("m-coach").get("name").map(String::as_str), Some("C"));
    // The structure is untouched.
    assert_eq!(g.nodes.len(), 4);
    assert_eq!(g.edges.len(), 6);
    assert_eq!(
        g.node("m-oma").get("stance").map(String::as_str),
        Some("chosen")
    );
}

#[test]
fn output_is_deterministic() {
    assert_eq!(full(), full());
}

/// What [`push_escaped`] keeps of a text.
fn expected_clean(raw: &str) -> String {
    raw.chars()
        .filter(|c| {
            matches!(c, '\t' | '\n' | '\r')
                || !(c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text_gives_well_formed_graphml_and_comes_back(
        name in any::<String>(),
        relation in any::<String>(),
        note in "[<>&\"'\\t\\r\\n\\x00-\\x1f a-zëï🙂]{0,24}",
        ego in any::<String>(),
    ) {
        let mut m = member("m1", &name);
        m.relation = relation.clone();
        m.risk = Some(note.clone());
        let xml = graphml(&ego, &NetworkExport::new(std::slice::from_ref(&m), &[]));
        let g = parse(&xml);
        let data = g.node("m1");
        prop_assert_eq!(data.get("name").cloned(), Some(expected_clean(&name)));
        prop_assert_eq!(g.node("ego").get("name").cloned(), Some(expected_clean(&ego)));
        if !relation.trim().is_empty() {
            prop_assert_eq!(data.get("relation").cloned(), Some(expected_clean(&relation)));
        }
        if !note.trim().is_empty() {
            prop_assert_eq!(data.get("risk").cloned(), Some(expected_clean(&note)));
        }
    }
}
