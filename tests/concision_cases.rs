//! Every test case of the wordy-phrase table (`tests/fixtures/concision/
//! cases.tsv`, rules in `assets/concision/README.md`): a `fires` sentence
//! holds exactly the entry it names, a `quiet` one holds none; and every
//! entry of the table has a case that fires.

use std::collections::BTreeSet;

use precis::analysis::concision;

const CASES: &str = include_str!("fixtures/concision/cases.tsv");

#[test]
fn every_case_fires_or_stays_quiet_as_written() {
    let mut fired = BTreeSet::new();
    let mut wrong = Vec::new();
    let (mut fires, mut quiet) = (0, 0);
    for (n, line) in CASES.lines().enumerate().skip(1) {
        let mut fields = line.splitn(3, '\t');
        let (Some(expect), Some(phrase), Some(sentence)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("line {}: not expect<TAB>phrase<TAB>sentence", n + 1);
        };
        let sentence = sentence.replace("\\n", "\n");
        let found: Vec<&str> = concision::find(&sentence, 0..sentence.len())
            .into_iter()
            .map(|w| w.entry.phrase.as_str())
            .collect();
        match expect {
            "fires" => {
                fires += 1;
                fired.insert(phrase.to_string());
                if found != [phrase] {
                    wrong.push(format!(
                        "line {}: expected [{phrase}], found {found:?}: {sentence}",
                        n + 1
                    ));
                }
            }
            "quiet" => {
                quiet += 1;
                if !found.is_empty() {
                    wrong.push(format!(
                        "line {}: expected nothing, found {found:?}: {sentence}",
                        n + 1
                    ));
                }
            }
            other => panic!("line {}: unknown expectation {other}", n + 1),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases fail:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!((fires, quiet), (285, 66));
    let untested: Vec<&str> = concision::entries()
        .iter()
        .map(|e| e.phrase.as_str())
        .filter(|p| !fired.contains(*p))
        .collect();
    assert!(
        untested.is_empty(),
        "entries with no case that fires: {untested:?}"
    );
}

#[test]
fn no_entry_holds_another() {
    let phrases: Vec<String> = concision::entries()
        .iter()
        .map(|e| format!(" {} ", e.phrase))
        .collect();
    for a in &phrases {
        for b in &phrases {
            assert!(a == b || !a.contains(b.as_str()), "{a} holds {b}");
        }
    }
}
