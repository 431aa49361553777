//! Opening passages as a student expects, in the real editor: a passage id
//! works wherever a file does, choosing a passage that has a draft resumes
//! it (Ctrl+N starts a new one), and the picker completes paths with Tab,
//! expands `~`, and keeps a path that could not be opened, saying why.

mod pty;

use pty::{Pty, flat, home};

const CTRL_P: &str = "\x10";
const CTRL_Q: &str = "\x11";
const CTRL_N: &str = "\x0e";
const ENTER: &str = "\r";
const TAB: &str = "\t";

#[test]
fn a_passage_id_opens_like_a_file() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["silk-road"]);
    pty.wait_for("What the Silk Road Carr");
    pty.send(CTRL_Q);
    pty.wait_exit();
    let exam = Pty::precis(home.path(), &["exam", "unplanned-city", "--time", "5m"]);
    exam.wait_for("The Unplanned City");
    exam.wait_until("the exam clock", |s| flat(s).contains("left"));
}

#[test]
fn choosing_a_passage_with_a_draft_resumes_it() {
    let home = home();
    let mut pty = Pty::precis(home.path(), &["silk-road"]);
    pty.wait_for("Précis · 0/74 words");
    pty.send("Caravans carried ideas.");
    pty.wait_for("Précis · 3/74 words");
    // Another passage, then back to the first through the picker.
    pty.send(CTRL_P);
    pty.wait_for("Choose a passage");
    pty.send("tax");
    pty.send(ENTER);
    pty.wait_for("Précis · 0/150 words");
    pty.send(CTRL_P);
    pty.wait_for("Choose a passage");
    pty.send("silk");
    pty.send(ENTER);
    pty.wait_until("the silk-road draft again", |s| {
        let text = flat(s);
        text.contains("Caravans carried ideas.") && text.contains("Resumed your draft")
    });
    // Ctrl+N on it: a new draft all the same.
    pty.send(CTRL_P);
    pty.wait_for("Choose a passage");
    pty.send("silk");
    pty.send(CTRL_N);
    pty.wait_until("a fresh draft", |s| {
        let text = flat(s);
        text.contains("Précis · 0/74 words") && text.contains("New draft")
    });
    pty.send(CTRL_Q);
    pty.wait_exit();
}

#[test]
fn the_picker_completes_paths_and_keeps_a_path_it_could_not_open() {
    let home = home();
    std::fs::write(
        home.path().join("my-passage.txt"),
        "Rivers feed the plains.\n",
    )
    .expect("a passage file");
    let mut pty = Pty::precis(home.path(), &[]);
    pty.wait_for("Précis");
    pty.send(CTRL_P);
    pty.wait_for("Choose a passage");
    pty.send("~/my-p");
    pty.send(TAB);
    pty.wait_for("~/my-passage.txt");
    pty.send(ENTER);
    pty.wait_for("Source: my-passage.txt");
    // A path that is not there: the picker stays, with the path and why.
    pty.send(CTRL_P);
    pty.wait_for("Choose a passage");
    pty.send("~/nowhere.txt");
    pty.send(ENTER);
    pty.wait_until("the path kept with the reason", |s| {
        let text = flat(s);
        text.contains("Search: ~/nowhere.txt") && text.contains("no such file")
    });
    pty.send("\x1b");
    pty.wait_until("the picker closed", |s| {
        !flat(s).contains("Choose a passage")
    });
    pty.send(CTRL_Q);
    pty.wait_exit();
}
