//! The command line as Rust CLI users expect it: shell completions and a
//! manual page generated from the one clap definition, help for every
//! command (`precis help --help` too), and each option listed only under
//! the commands it affects.

use std::path::Path;

use assert_cmd::Command;

/// The binary with colour off and its config and data kept in the target
/// directory, away from the real home.
fn precis() -> Command {
    let mut cmd = Command::cargo_bin("precis").expect("binary builds");
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("shell-cli-home");
    cmd.env("NO_COLOR", "1")
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"));
    cmd
}

/// Runs `precis ARGS` and returns standard output, standard error and the
/// exit status.
fn run(args: &[&str]) -> (String, String, i32) {
    let out = precis().args(args).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
        out.status.code().unwrap_or(-1),
    )
}

/// Every subcommand, as `precis --help` lists them.
const COMMANDS: [&str; 8] = [
    "check",
    "passages",
    "exam",
    "drafts",
    "export",
    "completions",
    "man",
    "help",
];

#[test]
fn completions_for_every_shell_name_every_command() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef precis"),
        ("fish", "complete -c precis"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[precis]"),
    ] {
        let (script, err, code) = run(&["completions", shell]);
        assert_eq!((code, err.as_str()), (0, ""), "{shell}");
        assert!(script.contains(marker), "{shell} script lacks {marker}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} script lacks {command}");
        }
        assert!(script.contains("data-dir"), "{shell}");
        assert!(script.contains("hyphenated"), "{shell}");
    }
    let (_, err, code) = run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("possible values: bash, elvish, fish, powershell, zsh"),
        "{err}"
    );
}

/// The page with the version written as `[version]`, so releasing does not
/// change the snapshot.
fn page(args: &[&str]) -> String {
    let (page, err, code) = run(args);
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    page.replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn the_manual_page_is_generated_from_the_command_line() {
    let main = page(&["man"]);
    assert!(main.contains(".TH precis 1"), "{main}");
    for command in COMMANDS {
        assert!(
            main.contains(&format!("precis\\-{command}(1)")),
            "{command}"
        );
    }
    insta::assert_snapshot!("precis.1", main);
    let check = page(&["man", "check"]);
    assert!(check.contains(".TH precis-check 1"), "{check}");
    assert!(check.contains("Counting rules:"), "{check}");
    insta::assert_snapshot!("precis-check.1", check);
    for command in COMMANDS {
        let sub = page(&["man", command]);
        assert!(
            sub.contains(&format!(".TH precis-{command} 1")),
            "{command}"
        );
    }
    let (_, err, code) = run(&["man", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unrecognized subcommand 'nope'"), "{err}");
}

#[test]
fn help_has_help_of_its_own_and_names_each_command() {
    let (out, err, code) = run(&["help", "--help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.contains("Usage: precis help [COMMAND]"), "{out}");
    let (top, _, _) = run(&["--help"]);
    let (via_help, err, code) = run(&["help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(via_help, top);
    for command in COMMANDS {
        let (long, _, _) = run(&[command, "--help"]);
        let (out, err, code) = run(&["help", command]);
        assert_eq!((code, err.as_str()), (0, ""), "{command}");
        assert_eq!(
            out, long,
            "precis help {command} is precis {command} --help"
        );
    }
    let (_, err, code) = run(&["help", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("unrecognized subcommand 'nope'"), "{err}");
}

/// The option names `precis ARGS --help` lists.
fn options_of(args: &[&str]) -> Vec<String> {
    let mut with_help = args.to_vec();
    with_help.push("--help");
    let (out, err, code) = run(&with_help);
    assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
    let options = out
        .split_once("Options:")
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    options
        .lines()
        .filter(|l| l.trim_start().starts_with('-'))
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(',').to_string())
        .filter(|w| w != "--help" && w != "--version")
        .collect()
}

#[test]
fn each_command_lists_only_the_options_it_uses() {
    let expected: [(&[&str], &[&str]); 9] = [
        (&[], &["--preset", "--spelling", "--data-dir", "--lossy"]),
        (
            &["check"],
            &[
                "--json",
                "--ratio",
                "--target",
                "--tolerance",
                "--preset",
                "--hyphenated",
                "--contractions",
                "--spelling",
                "--lossy",
            ],
        ),
        (&["passages"], &["--json"]),
        (
            &["exam"],
            &[
                "--time",
                "--reading",
                "--preset",
                "--quiet",
                "--spelling",
                "--lossy",
                "--data-dir",
            ],
        ),
        (&["drafts"], &["--list", "--json", "--data-dir"]),
        (
            &["export"],
            &["--format", "--output", "--report", "--data-dir"],
        ),
        (&["completions"], &[]),
        (&["man"], &[]),
        (&["help"], &[]),
    ];
    for (args, options) in expected {
        assert_eq!(options_of(args), options, "precis {args:?} --help");
    }
}

#[test]
fn data_dir_is_still_accepted_where_it_was_before() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_string_lossy().into_owned();
    let passages = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/passages");
    let source = passages.join("04-silk-road.md");
    let model = passages.join("04-silk-road.precis.md");
    let (source, model) = (source.to_string_lossy(), model.to_string_lossy());
    let (plain, _, _) = run(&["check", &source, &model]);
    for args in [
        vec!["--data-dir", &data, "check", &source, &model],
        vec!["check", "--data-dir", &data, &source, &model],
    ] {
        let (out, err, code) = run(&args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}");
        assert_eq!(out, plain, "{args:?}");
    }
    let (table, _, _) = run(&["passages"]);
    for args in [
        vec!["--data-dir", &data, "passages"],
        vec!["passages", "--data-dir", &data],
    ] {
        assert_eq!(run(&args), (table.clone(), String::new(), 0), "{args:?}");
    }
    let (_, err, code) = run(&["completions", "bash", "--data-dir", &data]);
    assert_eq!(code, 2, "a new command takes no --data-dir: {err}");
}
