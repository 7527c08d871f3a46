//! Mapping a network in a real browser: a new case, eight people through the fast form, the
//! circle, dragging someone to another ring and sector, a stressful tie, versions compared.

use crate::harness::Browser;
use fantoccini::Locator;
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use std::time::Duration;

const PEOPLE: [(&str, &str, &str, &str); 8] = [
    ("Mama Sandra", "moeder", "1", "family"),
    ("Oma Truus", "oma", "1", "family"),
    ("Ravi", "beste vriend", "1", "friends"),
    ("Buurvrouw Els", "buurvrouw", "2", "neighbourhood"),
    ("Meester Ahmed", "mentor", "2", "school_work"),
    ("Trainer Bas", "voetbaltrainer", "2", "leisure"),
    ("Imam Yusuf", "imam", "3", "community"),
    ("Wijkcoach Iris", "wijkcoach", "3", "professional"),
];

async fn node_attr(b: &Browser, name: &str, attr: &str) -> String {
    let v = b
        .client
        .execute(
            "const row = [...document.querySelectorAll('table.members-table tbody tr')].find(r => r.querySelector('th').textContent.trim().startsWith(arguments[0])); \
             if (!row) return null; const node = document.querySelector(`figure.map .member[data-member='${row.dataset.member}']`); \
             return node ? node.getAttribute(arguments[1]) : null;",
            vec![serde_json::json!(name), serde_json::json!(attr)],
        )
        .await
        .expect("script");
    v.as_str().unwrap_or("").to_string()
}

#[tokio::test]
async fn map_a_network_drag_compare_versions() {
    let Some(b) = Browser::start(1280, 1600).await else {
        return;
    };
    b.login("pro@test.nl").await;

    // A new case through the form.
    b.goto("/cases/new").await;
    b.fill("#youth_name", "Sem de Vries").await;
    b.set_value("birth_date", "2011-05-04").await;
    b.select("#setting", "ambulant_specialist").await;
    b.click("form.stack button.primary").await;
    b.wait_text(".case-head h1", "Sem de Vries").await;
    let case_path = b.path().await;
    assert!(case_path.starts_with("/cases/"), "{case_path}");

    // Eight people through the fast form, without leaving the map.
    for (name, relation, ring, sector) in PEOPLE {
        b.fill("#fast-name", name).await;
        b.fill("#fast-relation", relation).await;
        b.select("#fast-ring", ring).await;
        b.select("#fast-sector", sector).await;
        b.click("form.fast-form button").await;
        b.wait_text("table.members-table tbody tr:last-child th a", name)
            .await;
        let mut focused = serde_json::Value::Null;
        for _ in 0..50 {
            focused = b
                .client
                .execute("return document.activeElement.id;", vec![])
                .await
                .expect("script");
            if focused.as_str() == Some("fast-name") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            focused.as_str(),
            Some("fast-name"),
            "ready for the next person"
        );
    }
    for (name, _, ring, sector) in PEOPLE {
        assert_eq!(
            node_attr(&b, name, "data-ring").await,
            ring,
            "{name} in ring {ring}"
        );
        assert_eq!(
            node_attr(&b, name, "data-sector").await,
            sector,
            "{name} in {sector}"
        );
    }
    b.screenshot("network-eight").await;

    // Drag Oma Truus from the inner family ring to the outer ring of leisure.
    let node = b
        .client
        .execute(
            "const row = [...document.querySelectorAll('table.members-table tbody tr')].find(r => r.textContent.includes('Oma Truus')); \
             const n = document.querySelector(`figure.map .member[data-member='${row.dataset.member}'] circle, figure.map .member[data-member='${row.dataset.member}'] rect`); \
             n.scrollIntoView({block: 'center'}); const r = n.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2];",
            vec![],
        )
        .await
        .expect("node position");
    let target = b
        .client
        .execute(
            "const svg = document.querySelector('figure.map svg'); const bands = svg.dataset.bands.split(' ').map(x => x.split(':').map(Number)); \
             const s = svg.dataset.slices.split(' ').map(x => x.split(':')).find(x => x[0] === 'leisure'); \
             const a = (Number(s[1]) + Number(s[2])) / 2; const r = (bands[2][0] + bands[2][1]) / 2; \
             const p = new DOMPoint(Number(svg.dataset.cx) + r * Math.cos(a), Number(svg.dataset.cy) + r * Math.sin(a)).matrixTransform(svg.getScreenCTM()); \
             return [p.x, p.y];",
            vec![],
        )
        .await
        .expect("target position");
    let xy = |v: &serde_json::Value| (v[0].as_f64().unwrap_or(0.0), v[1].as_f64().unwrap_or(0.0));
    let ((x0, y0), (x1, y1)) = (xy(&node), xy(&target));
    let mouse = MouseActions::new("muis".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x0,
            y: y0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(150)),
            x: (x0 + x1) / 2.0,
            y: (y0 + y1) / 2.0,
        })
        .then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(150)),
            x: x1,
            y: y1,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    b.client.perform_actions(mouse).await.expect("drag");
    for _ in 0..100 {
        if node_attr(&b, "Oma Truus", "data-ring").await == "3" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        node_attr(&b, "Oma Truus", "data-ring").await,
        "3",
        "dragged to the outer ring"
    );
    assert_eq!(
        node_attr(&b, "Oma Truus", "data-sector").await,
        "leisure",
        "and to leisure"
    );
    b.screenshot("network-dragged").await;

    // A stressful tie between two people.
    let id_of = |name: &'static str| {
        let client = b.client.clone();
        async move {
            client
                .execute(
                    "return [...document.querySelectorAll('table.members-table tbody tr')].find(r => r.textContent.includes(arguments[0])).dataset.member;",
                    vec![serde_json::json!(name)],
                )
                .await
                .expect("id")
                .as_str()
                .unwrap_or("")
                .to_string()
        }
    };
    let (mama, els) = (id_of("Mama Sandra").await, id_of("Buurvrouw Els").await);
    b.select("#tie-from", &mama).await;
    b.select("#tie-to", &els).await;
    b.select("#tie-kind", "stressful").await;
    b.click("#banden form.filters button").await;
    b.wait_contains(".ties-list li", "Mama Sandra – Buurvrouw Els: gespannen")
        .await;
    let zigzag = b
        .client
        .find_all(Locator::Css("figure.map g.ties polyline.tie"))
        .await
        .expect("ties");
    assert_eq!(zigzag.len(), 1, "a stressful tie is drawn as a zigzag");

    // Save a version, change the network, compare.
    b.fill("#version-title", "Eerste kaart").await;
    b.click("#versies form[method=post] button").await;
    b.wait_contains(".timeline li", "Eerste kaart (8 mensen)")
        .await;
    b.fill("#fast-name", "Opa Henk").await;
    b.select("#fast-ring", "2").await;
    b.select("#fast-sector", "family").await;
    b.click("form.fast-form button").await;
    b.wait_text("table.members-table tbody tr:last-child th a", "Opa Henk")
        .await;
    b.select("#cmp-to", "current").await;
    b.click("#versies form[method=get] button").await;
    b.wait_text("h1", "Versies vergelijken").await;
    let changes = b.text("ul.changes").await;
    assert!(changes.contains("Opa Henk: kwam erbij"), "{changes}");
    let table = b.text("table").await;
    assert!(
        table.contains('8') && table.contains('9'),
        "sizes side by side: {table}"
    );
    b.screenshot("network-compare").await;
    b.close().await;
}
