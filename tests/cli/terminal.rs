//! What reaches a terminal: tables fitted to a width (forced here with `COLUMNS`, as the
//! tests' stdout is a pipe), colour only when asked for, a notice when `--limit` cut the
//! rows, no raw control characters, and a quiet exit when the reader goes away.

use super::{ingested, morgue};
use predicates::prelude::*;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

fn stdout_of(db: &Path, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = morgue(db);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

/// Display width of a line, counting each character as one column (the samples are
/// Latin text and box drawing).
fn columns(line: &str) -> usize {
    line.chars().count()
}

#[test]
fn tables_fit_a_forced_width() {
    let (_d, db) = ingested();
    for w in [60, 100, 140] {
        let s = stdout_of(
            &db,
            &[("COLUMNS", &w.to_string())],
            &["quotes", "-f", "table"],
        );
        for line in s.lines() {
            assert!(columns(line) <= w, "wider than {w}: {line}");
        }
        assert!(
            s.contains("2024-04-02T08:15:00+02:00"),
            "dates are never broken at {w}:\n{s}"
        );
        if w >= 100 {
            assert!(s.starts_with('┌'), "a table at {w}:\n{s}");
            assert!(s.contains('…'), "long quotes are cut at {w}:\n{s}");
        } else {
            assert!(s.starts_with("─[ 1 ]"), "records at {w}:\n{s}");
        }
    }
}

#[test]
fn tables_in_a_pipe_do_not_depend_on_a_terminal() {
    let (_d, db) = ingested();
    let s = stdout_of(&db, &[], &["quotes", "-f", "table"]);
    assert!(s.lines().any(|l| columns(l) > 140), "unwrapped:\n{s}");
    assert!(!s.contains('…'), "nothing cut:\n{s}");
    assert_eq!(s, stdout_of(&db, &[], &["quotes", "-f", "table"]));
}

#[test]
fn colour_only_when_asked_for() {
    let (_d, db) = ingested();
    let table = ["people", "-f", "table"];
    let plain = stdout_of(&db, &[], &table);
    assert!(!plain.contains('\u{1b}'), "a pipe gets no colour");
    let never = stdout_of(&db, &[], &["--color", "never", "people", "-f", "table"]);
    assert_eq!(never, plain);
    let no_color = stdout_of(&db, &[("NO_COLOR", "1")], &table);
    assert_eq!(no_color, plain);
    let always = stdout_of(&db, &[], &["--color", "always", "people", "-f", "table"]);
    assert!(always.contains("\u{1b}[1m"), "bold header: {always:?}");
    let flag_wins = stdout_of(
        &db,
        &[("NO_COLOR", "1")],
        &["people", "-f", "table", "--color=always"],
    );
    assert!(flag_wins.contains('\u{1b}'), "the flag overrides NO_COLOR");
    let csv = stdout_of(&db, &[], &["--color", "always", "people", "-f", "csv"]);
    assert!(!csv.contains('\u{1b}'), "only tables are coloured");
}

#[test]
fn article_text_never_writes_escapes_even_in_colour() {
    let (_d, db) = ingested();
    let q = "SELECT 'a' || char(27) || '[31mred' || char(7) || char(13) || 'b' AS x";
    for env in [vec![("COLUMNS", "40")], vec![]] {
        let s = stdout_of(&db, &env, &["--color", "always", "sql", "-f", "table", q]);
        assert!(!s.contains("\u{1b}[31m"), "{s:?}");
        assert!(!s.contains('\u{7}') && !s.contains('\r'), "{s:?}");
        assert!(s.contains("\\u{1b}[31mred"), "{s:?}");
    }
}

#[test]
fn a_cut_list_says_so_on_stderr() {
    let (_d, db) = ingested();
    for cmd in [
        vec!["quotes", "-n", "2"],
        vec!["articles", "--limit", "2"],
        vec!["people", "--top", "2"],
        vec!["captions", "-n", "1"],
        vec!["sources", "-n", "1"],
        vec!["timeline", "--by", "day", "-n", "1"],
        vec!["search", "museum", "-n", "1"],
    ] {
        let out = morgue(&db)
            .args(&cmd)
            .args(["-f", "csv"])
            .assert()
            .success()
            .stderr(predicate::str::contains("showing the first"))
            .stderr(predicate::str::contains("--limit"));
        let rows = String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .count()
            - 1;
        let shown: usize = cmd.last().unwrap().parse().unwrap();
        assert_eq!(rows, shown, "{cmd:?}");
    }
    // every row shown, exactly as many as the limit: nothing to say
    let all = stdout_of(&db, &[], &["articles", "-f", "csv"])
        .lines()
        .count()
        - 1;
    morgue(&db)
        .args(["articles", "-f", "csv", "-n", &all.to_string()])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn a_reader_that_goes_away_is_not_an_error() {
    let (_d, db) = ingested();
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("morgue"))
        .env_clear()
        .arg("--db")
        .arg(&db)
        .args([
            "sql",
            "-f",
            "csv",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500000) SELECT i FROM n",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // the read end is closed here, as `| head -c 16` would
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
