//! `precis passages`: the built-in passages as a table or, for scripts,
//! one JSON array with the same figures.

use assert_cmd::Command;
use serde_json::Value;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("precis")
        .expect("binary builds")
        .env(
            "XDG_CONFIG_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"),
        )
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-data"),
        )
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    assert!(out.stderr.is_empty(), "{args:?}");
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_json_list_holds_what_the_table_shows() {
    let table = run(&["passages"]);
    let json: Value = serde_json::from_str(&run(&["passages", "--json"])).expect("one JSON array");
    let items = json.as_array().expect("an array");
    let rows: Vec<&str> = table.lines().skip(1).collect();
    assert_eq!(items.len(), rows.len());
    assert_eq!(items.len(), 12);
    for (item, row) in items.iter().zip(rows) {
        let object = item.as_object().expect("an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["id", "number", "target", "title", "words"]);
        let cells: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(item["number"].to_string(), cells[0]);
        assert_eq!(item["id"].as_str(), Some(cells[1]));
        assert!(
            row.contains(item["title"].as_str().expect("a title")),
            "{row}"
        );
        assert_eq!(item["words"].to_string(), cells[cells.len() - 2]);
        assert_eq!(item["target"].to_string(), cells[cells.len() - 1]);
    }
    assert_eq!(items[3]["id"], "silk-road");
}
