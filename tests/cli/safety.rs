//! What the archive guarantees whatever it is fed or however it is stopped: each test
//! here proves one promise of the README's "Safety" section.

use super::{count, morgue, samples, sql};
use predicates::prelude::*;
use std::io::Write;
use std::path::Path;

/// A JSON Lines file of `n` small articles, each with a quote and a caption.
fn write_corpus(path: &Path, n: usize, prefix: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let text = format!(
            "The council of town {i} met on Monday to discuss the bridge.\n\n“We will rebuild it before winter,” said Mayor Ada Quinn{}, who has led the town since 2019.\n\nWorkers inspect the bridge on Monday. © Lee Park/AP",
            i % 50
        );
        let line = serde_json::json!({"id": format!("{prefix}{i}"), "title": format!("Bridge {i}"), "text": text, "published": "2023-05-01"});
        writeln!(f, "{line}").unwrap();
    }
}

#[test]
fn huge_line_nested_json_and_wrong_types_do_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let f = dir.path().join("bad.jsonl");
    let mut out = std::fs::File::create(&f).unwrap();
    writeln!(out, "{{\"id\": \"ok1\", \"text\": \"Fine.\"}}").unwrap();
    // a 100 MB line that never closes its string
    out.write_all(b"{\"id\": \"huge\", \"text\": \"").unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        out.write_all(&chunk).unwrap();
    }
    out.write_all(b"\n").unwrap();
    writeln!(out, "{}{}", "[".repeat(10_000), "]".repeat(10_000)).unwrap();
    writeln!(
        out,
        "{{\"id\": \"wrong\", \"text\": [\"not\", \"a\", \"string\"]}}"
    )
    .unwrap();
    writeln!(
        out,
        "{{\"id\": \"ok2\", \"text\": \"Also fine.\", \"byline\": 42}}"
    )
    .unwrap();
    out.write_all(b"{\"id\": \"nul\", \"text\": \"a\\u0000b\"}\n")
        .unwrap();
    drop(out);
    let assert = morgue(&db).arg("ingest").arg(&f).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("bad.jsonl:2: not valid JSON"), "{err}");
    assert!(err.contains("bad.jsonl:3: not valid JSON"), "{err}");
    assert!(err.contains("bad.jsonl:4:"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        sql(&db, "SELECT external_id FROM articles ORDER BY 1"),
        vec!["nul", "ok1", "ok2"]
    );
}

#[test]
fn truncated_and_fake_html_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    std::fs::write(dir.path().join("cut.html"), "<html><head><title>Cut off</title></head><body><article><p>The first paragraph of a page that was saved only in part, and it stops in the mid").unwrap();
    std::fs::write(
        dir.path().join("image.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let deep = format!(
        "<html><body>{}<p>Deep down there is a paragraph of text.</p>{}</body></html>",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    std::fs::write(dir.path().join("deep.html"), deep).unwrap();
    let assert = morgue(&db).arg("ingest").arg(dir.path()).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("image.html: binary data"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(count(&db, "articles WHERE source_path LIKE '%cut.html'") == 1);
}

#[test]
fn symlink_loops_and_broken_links_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    std::fs::write(
        tree.join("sub/story.txt"),
        "A story in a folder with a loop.",
    )
    .unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(tree.join("missing.txt"), tree.join("broken.txt")).unwrap();
    let assert = morgue(&db).arg("ingest").arg(&tree).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("loop"), "{err}");
    assert!(err.contains("broken.txt"), "{err}");
    assert_eq!(count(&db, "articles"), 1);
}

#[test]
fn killed_ingest_leaves_a_sound_archive_and_a_rerun_completes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let corpus = dir.path().join("big.jsonl");
    write_corpus(&corpus, 12_000, "k");
    let bin = assert_cmd::cargo::cargo_bin("morgue");
    let mut child = std::process::Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg("--batch-size")
        .arg("200")
        .arg(&corpus)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // wait until some batches are committed, then kill -9
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let stored = std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["sql", "--format", "csv", "SELECT count(*) FROM articles"])
            .output()
            .ok()
            .and_then(|o| String::from_utf8(o.stdout).ok())
            .and_then(|s| s.lines().nth(1).and_then(|l| l.parse::<i64>().ok()))
            .unwrap_or(0);
        if stored > 0 || start.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = count(&db, "articles");
    assert!(
        partial < 12_000,
        "the ingest finished before it could be killed"
    );
    morgue(&db).arg("check").assert().success();
    morgue(&db).arg("ingest").arg(&corpus).assert().success();
    assert_eq!(count(&db, "articles"), 12_000);
    assert_eq!(
        count(
            &db,
            "(SELECT external_id FROM articles GROUP BY external_id HAVING count(*) > 1)"
        ),
        0
    );
    assert_eq!(count(&db, "quotes"), 12_000);
    morgue(&db).arg("check").assert().success();
}

#[test]
fn two_ingests_at_once_both_land_and_readers_see_consistent_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    write_corpus(&a, 3_000, "a");
    write_corpus(&b, 3_000, "b");
    let bin = assert_cmd::cargo::cargo_bin("morgue");
    let spawn = |f: &Path| {
        std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["ingest", "--batch-size", "100"])
            .arg(f)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (ca, cb) = (spawn(&a), spawn(&b));
    // while they write: every article a reader sees has its quote (batches are atomic)
    for _ in 0..10 {
        if db.exists() {
            if let Ok(o) = std::process::Command::new(&bin)
                .arg("--db")
                .arg(&db)
                .args([
                    "sql",
                    "--format",
                    "csv",
                    "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM quotes)",
                ])
                .output()
            {
                if o.status.success() {
                    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().nth(1), Some("0"));
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let (oa, ob) = (
        ca.wait_with_output().unwrap(),
        cb.wait_with_output().unwrap(),
    );
    assert!(
        oa.status.success(),
        "{}",
        String::from_utf8_lossy(&oa.stderr)
    );
    assert!(
        ob.status.success(),
        "{}",
        String::from_utf8_lossy(&ob.stderr)
    );
    assert_eq!(count(&db, "articles"), 6_000);
    morgue(&db).arg("check").assert().success();
}

#[test]
fn sql_cannot_change_the_archive_in_any_way() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    morgue(&db).args(["ingest", &samples()]).assert().success();
    let before = std::fs::read(&db).unwrap().len();
    for q in [
        "INSERT INTO people (name, key, created_at) VALUES ('x', 'x', 'x')",
        "REPLACE INTO people (id, name, key, created_at) VALUES (1, 'x', 'x', 'x')",
        "CREATE TABLE evil (x)",
        "DROP VIEW quote_view",
        "VACUUM",
        "PRAGMA writable_schema = 1",
        "SELECT 1; SELECT 2",
        "WITH x AS (SELECT 1) INSERT INTO people SELECT * FROM people",
    ] {
        morgue(&db)
            .args(["sql", q])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refused"));
    }
    assert_eq!(count(&db, "people WHERE name = 'x'"), 0);
    assert_eq!(std::fs::read(&db).unwrap().len(), before);
    morgue(&db).arg("check").assert().success();
}

/// Peak memory (KiB) of one `morgue` run, from the kernel's accounting of the child.
#[allow(clippy::zombie_processes)] // the child is reaped by wait4, which std does not see
fn peak_kib(db: &Path, args: &[&str]) -> i64 {
    let bin = assert_cmd::cargo::cargo_bin("morgue");
    let child = std::process::Command::new(bin)
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; both pointers are to live locals
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    assert_eq!(status, 0, "morgue {args:?} failed");
    usage.ru_maxrss
}

#[test]
fn big_results_stream_without_growing_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    morgue(&db).args(["ingest", &samples()]).assert().success();
    let query = |n: u64| {
        format!("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {n}) SELECT i, printf('%0200d', i) AS pad FROM n")
    };
    for format in ["csv", "jsonl", "tsv"] {
        let small = peak_kib(&db, &["sql", "--format", format, &query(1_000)]);
        let big = peak_kib(&db, &["sql", "--format", format, &query(1_000_000)]);
        // a million rows of 200+ bytes would be over 200 MB if they were collected
        assert!(
            big < small + 20_000,
            "{format}: {small} KiB for 1,000 rows, {big} KiB for 1,000,000"
        );
    }
}
