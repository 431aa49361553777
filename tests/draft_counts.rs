//! The counts a save stores in a draft (its `summary`) so that the drafts
//! list and browser need not check every body again: the editor stores them
//! only from a full check of the text as it stands, they equal what a full
//! check of the saved draft gives, the list uses them when present, and a
//! draft without them (saved by an earlier précis) lists the same.

mod common;

use common::{app_on, type_text};
use jiff::Timestamp;
use precis::analysis::spelling::Speller;
use precis::store::listing::{self, Entry};
use precis::store::{DraftStore, Summary};
use precis::ui::browser;

const TEXT: &str = "Tax revenue stays near 12 percent of output, so the state borrows.";

#[test]
fn the_editor_offers_counts_only_from_a_full_check_of_the_text_as_it_stands() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, TEXT);
    assert!(app.full_report().is_none(), "typed, not fully checked yet");
    app.measure_coverage();
    let stored = Summary::of(app.full_report().expect("a full check"));
    let checked = Summary::of(
        &app.to_draft(Timestamp::UNIX_EPOCH)
            .report(&Speller::default()),
    );
    assert_eq!(
        stored, checked,
        "what a save stores is the saved draft's check"
    );

    type_text(&mut app, " More");
    assert!(app.full_report().is_none(), "a key makes the check stale");
    app.reanalyse();
    assert!(
        app.full_report().is_none(),
        "a check without coverage is not a full one"
    );
}

#[test]
fn the_list_reads_stored_counts_and_checks_a_draft_without_them() {
    let mut app = app_on("narrow-tax-base");
    type_text(&mut app, TEXT);
    app.measure_coverage();
    let draft = app.to_draft(Timestamp::UNIX_EPOCH);
    let report = app.full_report().expect("a full check");

    let with = tempfile::tempdir().expect("temp dir");
    let store = DraftStore::open(with.path()).expect("store");
    store
        .save_checked(&draft, Some(report))
        .expect("save with counts");
    let without = tempfile::tempdir().expect("temp dir");
    DraftStore::open(without.path())
        .and_then(|s| s.save(&draft))
        .expect("save without counts");

    let now = Timestamp::UNIX_EPOCH;
    let rows = |dir: &std::path::Path| {
        let listed = DraftStore::open(dir).expect("store").list();
        let mut rows = listing::entries(&listed, now);
        for row in &mut rows {
            if let Entry::Draft(row) = row {
                row.path = "draft.json".into();
            }
        }
        let shown: Vec<_> = listed
            .iter()
            .map(|l| browser::Entry::from_listed(l, &jiff::tz::TimeZone::UTC, now))
            .collect();
        (rows, shown)
    };
    assert_eq!(
        rows(with.path()),
        rows(without.path()),
        "stored counts list as a full check does"
    );

    // Counts in the file are what the list shows: it does not check the
    // draft again (these were edited by hand to tell them apart).
    let path = store.path_of(&draft.id);
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("JSON");
    json["summary"]["words"] = 4321.into();
    std::fs::write(&path, json.to_string()).expect("write");
    let (rows, shown) = rows(with.path());
    let Some(Entry::Draft(row)) = rows.first() else {
        panic!("a draft row: {rows:?}")
    };
    assert_eq!(row.words, 4321);
    assert_eq!(shown[0].attempt().map(|a| a.words), Some(4321));
}
