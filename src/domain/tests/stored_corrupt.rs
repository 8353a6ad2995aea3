//! Tests of broken schema 3 states: bad values are dropped with a line naming the place, and a value of
//! the wrong type or an unknown field makes the whole state unreadable, with its path.

use super::*;
use crate::domain::files::bundled::bundled_articles;
use crate::domain::files::formats::native::sample::{rich_workspace, OWN};
use crate::domain::fixtures::json;
use crate::domain::model::names::EntityId;
use serde_json::Value;

/// A state saved by schema 2 (main's encoder on the sample workspace). Never edit it.
const STORED_V2: &str = include_str!("../../../tests/fixtures/stored-v2.json");

fn load(text: &str) -> Restored {
    decode(text, bundled_articles().unwrap()).unwrap()
}

#[test]
fn bad_entries_and_values_are_dropped_with_a_line_naming_the_place() {
    let mut state = json(&encode(&rich_workspace()));
    state["entities"][0]["kind"] = Value::from("ghost");
    state["entities"][1]["rejected"][0]["end"] = Value::from(0_u64);
    let anns = state["annotations"].as_array_mut().unwrap();
    let claim = anns.iter_mut().find(|a| a["id"] == "o-claim").unwrap();
    claim["check"] = Value::from("maybe");
    let mut copy = state["articles"][0].clone();
    copy["title"] = Value::from("Copy");
    state["articles"].as_array_mut().unwrap().push(copy);
    let restored = load(&state.to_string());
    let w = &restored.warnings;
    assert!(
        w.contains(
            &"entities[0].kind: \"ghost\" is not an entity kind (person, organization, \
         place, other); this entry was dropped"
                .to_owned()
        ),
        "{w:?}"
    );
    assert!(
        w.iter()
            .any(|l| l.starts_with("entities[1].rejected[0].end: ")),
        "{w:?}"
    );
    assert!(
        w.iter().any(|l| l.starts_with("annotations[")
            && l.contains("].check: \"maybe\" is not a check status")
            && l.ends_with("; this annotation was dropped")),
        "{w:?}"
    );
    assert!(
        w.contains(&format!(
            "articles[1]: the article \"{OWN}\" is saved twice; this copy was dropped"
        )),
        "{w:?}"
    );
    // The entry that went takes its mention's link with it; the other entry stays without the place.
    let ws = &restored.workspace;
    assert_eq!(ws.entities().count(), 1);
    assert!(ws
        .entity(&EntityId::from("ent-zelensky"))
        .unwrap()
        .rejected
        .is_empty());
    assert_eq!(ws.article(&OWN.into()).unwrap().title, "Grüße aus Kyjiw");
}

/// A change to a state.
type Edit<'a> = &'a dyn Fn(&mut Value);

#[test]
fn corrupt_states_give_path_named_errors() {
    let rich = json(&encode(&rich_workspace()));
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = rich.clone();
        f(&mut v);
        let err = decode(&v.to_string(), bundled_articles().unwrap()).unwrap_err();
        match err {
            DecodeError::Invalid { path, message } => (path, message),
            other => panic!("{other:?}"),
        }
    };
    let cases: [(Edit, &str, &str); 7] = [
        (&|v| v["articles"][0]["text"] = Value::from(5_u64), "articles[0].text", "invalid type: integer `5`, expected a string"),
        (&|v| v["articles"][0]["added"] = Value::from("today"), "articles[0].added", "invalid type: string \"today\", expected i64"),
        (&|v| v["entities"][1]["aliases"][1] = Value::Null, "entities[1].aliases[1]", "invalid type: null, expected a string"),
        (&|v| v["annotations"][3]["source"] = Value::from(true), "annotations[3].source", "invalid type: boolean `true`, expected a string"),
        (&|v| v["entities"][0]["colour"] = Value::from("red"), "entities[0].colour", "unknown field `colour`, expected one of `id`, `name`, `kind`, `aliases`, `rejected`, `created`, `updated`"),
        (&|v| v.as_object_mut().unwrap().retain(|k, _| k != "entities"), "", "missing field `entities`"),
        (&|v| v["schema"] = Value::from(2_u64), "articles", "unknown field `articles`, expected `schema` or `annotations`"),
    ];
    for (f, path, message) in cases {
        let (p, m) = edit(f);
        assert_eq!(p, path);
        assert!(m.starts_with(message), "{p}: {m}");
        // The message ends with the place in the text.
        assert!(m.contains(" at line 1 column "), "{m}");
    }
    // Schema 2 has no attributes: a link in a schema 2 state is refused, not read.
    let mut v2 = json(STORED_V2);
    v2["annotations"][2]["source"] = Value::from("e-msc");
    let err = decode(&v2.to_string(), bundled_articles().unwrap()).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "the saved state is invalid at annotations[2].source: unknown field `source`"
        ),
        "{err}"
    );
}
