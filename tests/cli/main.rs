//! End-to-end tests of the `morgue` binary, run as a user would: hermetic (a temporary
//! archive, the environment cleared), on the sample articles in `samples/` and the
//! fixtures in `tests/fixtures/`, all written for this project.

mod safety;
mod terminal;

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> String {
    root().join("samples").display().to_string()
}

/// `morgue --db DB` with nothing from the caller's environment.
fn morgue(db: &Path) -> Command {
    let mut c = Command::cargo_bin("morgue").unwrap();
    c.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .arg("--db")
        .arg(db);
    c
}

/// A temporary folder with an archive path inside it.
fn archive() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested").join("archive.db");
    (dir, db)
}

/// Articles written into `dir` as (file name, text) for a test; their paths.
fn written(dir: &TempDir, files: &[(&str, &str)]) -> Vec<PathBuf> {
    files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn ingested() -> (TempDir, PathBuf) {
    let (dir, db) = archive();
    morgue(&db).args(["ingest", &samples()]).assert().success();
    (dir, db)
}

/// Run `sql` and return the CSV body lines (without the header).
fn sql(db: &Path, query: &str) -> Vec<String> {
    let out = morgue(db)
        .args(["sql", "--format", "csv", query])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// `check` finds the report counts equal to the rows they count.
fn counts_ok(db: &Path) {
    morgue(db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("report counts\tok"));
}

fn count(db: &Path, table: &str) -> i64 {
    sql(db, &format!("SELECT count(*) FROM {table}"))[0]
        .parse()
        .unwrap()
}

#[test]
fn ingest_samples_then_again_changes_nothing() {
    let (_d, db) = archive();
    morgue(&db)
        .args(["ingest", &samples()])
        .assert()
        .success()
        .stderr(predicate::str::contains("stored 6 new articles"))
        .stderr(predicate::str::contains("1 marked as duplicates"));
    assert_eq!(count(&db, "articles"), 6);
    let quotes = count(&db, "quotes");
    morgue(&db)
        .args(["ingest", &samples()])
        .assert()
        .success()
        .stderr(predicate::str::contains("6 already in the archive"));
    assert_eq!(count(&db, "articles"), 6);
    assert_eq!(count(&db, "quotes"), quotes);
}

#[test]
fn a_grown_dump_stores_only_its_new_lines() {
    let (dir, db) = archive();
    let line = |i: usize| {
        format!(
            r#"{{"id":"grow-{i}","title":"Ferry talks, day {i}","text":"Talks went on for a day {i} time. \u201cWe are close,\u201d said Oriana Feld, the union's leader."}}"#
        )
    };
    let file = dir.path().join("dump.jsonl");
    let lines: Vec<String> = (1..=4).map(line).collect();
    std::fs::write(&file, lines[..2].join("\n")).unwrap();
    morgue(&db)
        .args(["ingest", file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("stored 2 new articles"));
    std::fs::write(&file, lines.join("\n")).unwrap();
    morgue(&db)
        .args(["ingest", file.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("stored 2 new articles"))
        .stderr(predicate::str::contains("2 already in the archive"));
    assert_eq!(count(&db, "articles"), 4);
    // every article has its quote, the old ones once
    assert_eq!(
        sql(
            &db,
            "SELECT count(*), count(DISTINCT article_id) FROM quotes"
        ),
        vec!["4,4"]
    );
}

#[test]
fn syndicated_copy_is_marked_duplicate_of_the_first() {
    let (_d, db) = ingested();
    let rows = sql(&db, "SELECT b.external_id, a.external_id FROM articles b JOIN articles a ON a.id = b.duplicate_of");
    assert_eq!(rows, vec!["wire-0003,wire-0002"]);
}

#[test]
fn metadata_from_every_format() {
    let (_d, db) = ingested();
    let rows = sql(
        &db,
        "SELECT format, title, published_at FROM articles WHERE format = 'markdown'",
    );
    assert_eq!(
        rows,
        vec!["markdown,City council passes budget after a night of debate,2024-03-06"]
    );
    let rows = sql(
        &db,
        "SELECT external_id, url FROM articles WHERE external_id = 'wire-0001'",
    );
    assert_eq!(
        rows,
        vec!["wire-0001,https://news.example/world/rail-tunnel-opens"]
    );
    let outlets = sql(
        &db,
        "SELECT DISTINCT o.name FROM articles a JOIN sources o ON o.id = a.outlet_id ORDER BY 1",
    );
    assert!(
        outlets.contains(&"The Riverside Ledger".to_string()),
        "{outlets:?}"
    );
    assert!(
        outlets.contains(&"Example World News".to_string()),
        "{outlets:?}"
    );
    let paths = sql(
        &db,
        "SELECT count(*) FROM articles WHERE source_path LIKE '%samples%'",
    );
    assert_eq!(paths, vec!["6"]);
}

#[test]
fn text_headings_are_not_body_paragraphs_of_quotes() {
    let (_d, db) = ingested();
    let body = sql(&db, "SELECT body FROM articles WHERE format = 'text'").join("\n");
    assert!(body.contains("Shipping lines count the cost"));
}

#[test]
fn flags_fill_metadata_for_text_and_stdin_is_read() {
    let (_d, db) = archive();
    morgue(&db)
        .args([
            "ingest",
            "-",
            "--outlet",
            "Stdin Gazette",
            "--published",
            "2024-05-01",
            "--title",
            "Piped",
        ])
        .write_stdin("A short note about the weather.\n\nIt rained.\n")
        .assert()
        .success();
    assert_eq!(
        sql(&db, "SELECT a.title, a.published_at, o.name, a.source_path IS NULL FROM articles a JOIN sources o ON o.id = a.outlet_id"),
        vec!["Piped,2024-05-01,Stdin Gazette,1"]
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_is_stored() {
    let (dir, db) = archive();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(inputs.join("empty.txt"), "").unwrap();
    std::fs::write(inputs.join("binary.txt"), b"GIF89a\0\0\x01\x02").unwrap();
    std::fs::write(
        inputs.join("latin1.txt"),
        b"Le caf\xe9 du port a rouvert.\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("mixed.jsonl"),
        "{\"id\": \"g1\", \"text\": \"First good line.\"}\n{\"id\": \"broken\", \"text\": \n[1, 2]\n{\"id\": \"g2\", \"text\": \"Second good line.\"}\n",
    )
    .unwrap();
    std::fs::write(inputs.join("good.md"), "# Title\n\nA good paragraph.\n").unwrap();
    let assert = morgue(&db).arg("ingest").arg(&inputs).assert().code(1);
    let err = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt: binary data"), "{err}");
    assert!(
        err.contains("latin1.txt: not UTF-8: decoded as Windows-1252"),
        "{err}"
    );
    assert!(err.contains("mixed.jsonl:2: not valid JSON"), "{err}");
    assert!(
        err.contains("mixed.jsonl:3: expected a JSON object"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(count(&db, "articles"), 4);
    assert_eq!(
        sql(
            &db,
            "SELECT body FROM articles WHERE source_path LIKE '%latin1%'"
        ),
        vec!["Le café du port a rouvert."]
    );
}

#[test]
fn unreadable_paths_and_empty_folders_are_errors_of_their_own() {
    let (dir, db) = archive();
    let empty = dir.path().join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    let ok = dir.path().join("ok.txt");
    std::fs::write(&ok, "A paragraph that is fine.").unwrap();
    morgue(&db)
        .arg("ingest")
        .arg(&empty)
        .arg(dir.path().join("missing.txt"))
        .arg(&ok)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no articles in this folder"))
        .stderr(predicate::str::contains("missing.txt: cannot read"));
    assert_eq!(count(&db, "articles"), 1);
}

#[test]
fn fail_fast_stops_at_the_first_problem() {
    let (dir, db) = archive();
    let f = dir.path().join("in.jsonl");
    std::fs::write(&f, "{broken\n{\"id\": \"a\", \"text\": \"Fine.\"}\n").unwrap();
    morgue(&db)
        .arg("ingest")
        .arg("--fail-fast")
        .arg(&f)
        .assert()
        .code(1);
    assert_eq!(count(&db, "articles"), 0);
}

#[test]
fn compressed_jsonl_is_read_and_a_corrupt_one_is_refused() {
    use std::io::Write;
    let (dir, db) = archive();
    let gz = dir.path().join("dump.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(
        std::fs::File::create(&gz).unwrap(),
        flate2::Compression::default(),
    );
    enc.write_all(b"{\"id\": \"z1\", \"text\": \"Compressed story.\"}\n")
        .unwrap();
    enc.finish().unwrap();
    let bad = dir.path().join("bad.jsonl.gz");
    std::fs::write(&bad, b"\x1f\x8b\x08\x00garbage").unwrap();
    morgue(&db)
        .arg("ingest")
        .arg(&gz)
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.jsonl.gz"));
    assert_eq!(sql(&db, "SELECT external_id FROM articles"), vec!["z1"]);
}

#[test]
fn reading_a_missing_archive_says_how_to_create_one() {
    let (_d, db) = archive();
    for cmd in [
        vec!["articles"],
        vec!["quotes"],
        vec!["sql", "SELECT 1"],
        vec!["stats"],
    ] {
        morgue(&db)
            .args(&cmd)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("morgue ingest"));
    }
    assert!(!db.exists());
}

#[test]
fn sql_with_no_rows_still_names_its_columns() {
    let (_d, db) = ingested();
    let query = "SELECT name, id FROM people WHERE name = 'Nobody At All'";
    for (format, header) in [("csv", "name,id"), ("tsv", "name\tid")] {
        morgue(&db)
            .args(["sql", query, "--format", format])
            .assert()
            .success()
            .stdout(format!("{header}\n"));
    }
    morgue(&db)
        .args(["sql", query, "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("| name | id |"));
}

#[test]
fn sql_only_reads() {
    let (_d, db) = ingested();
    for q in [
        "DELETE FROM articles",
        "WITH x AS (SELECT 1) DELETE FROM articles",
        "SELECT 1; DROP TABLE articles",
        "ATTACH DATABASE 'other.db' AS other",
        "PRAGMA journal_mode = DELETE",
        "SELECT load_extension('x')",
        "UPDATE articles SET title = 'x'",
    ] {
        morgue(&db)
            .args(["sql", q])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("refused"));
    }
    assert_eq!(count(&db, "articles"), 6);
}

#[test]
fn sql_timeout_stops_a_runaway_query() {
    let (_d, db) = ingested();
    morgue(&db)
        .args([
            "sql",
            "--timeout",
            "1",
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n",
        ])
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("stopped after 1 s"));
}

#[test]
fn sql_reads_from_stdin_too() {
    let (_d, db) = ingested();
    morgue(&db)
        .args(["sql", "--format", "csv", "-"])
        .write_stdin("SELECT 40 + 2 AS answer")
        .assert()
        .success()
        .stdout("answer\n42\n");
}

#[test]
fn every_output_format() {
    let (_d, db) = ingested();
    let q = "SELECT 'a,b' AS x, 2 AS n, NULL AS z";
    let out = |f: &str| {
        String::from_utf8(
            morgue(&db)
                .args(["sql", "--format", f, q])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    assert_eq!(out("csv"), "x,n,z\n\"a,b\",2,\n");
    assert_eq!(out("tsv"), "x\tn\tz\na,b\t2\t\n");
    assert_eq!(
        out("json"),
        "[\n  {\"x\": \"a,b\", \"n\": 2, \"z\": null}\n]\n"
    );
    assert_eq!(out("jsonl"), "{\"x\": \"a,b\", \"n\": 2, \"z\": null}\n");
    assert_eq!(
        out("markdown"),
        "| x | n | z |\n|---|---|---|\n| a,b | 2 |  |\n"
    );
    assert!(out("table").contains("a,b"));
}

#[test]
fn control_characters_never_reach_a_table_raw() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args([
            "sql",
            "--format",
            "table",
            "SELECT char(27) || '[31mred' AS x",
        ])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(!s.contains('\u{1b}'), "{s:?}");
    assert!(s.contains("\\u{1b}[31mred"));
}

#[test]
fn reports_run_in_every_format() {
    let (_d, db) = ingested();
    for cmd in [
        vec!["articles"],
        vec!["quotes"],
        vec!["people"],
        vec!["people", "--by", "mentions"],
        vec!["sources"],
        vec!["captions"],
        vec!["stats"],
        vec!["search", "port"],
    ] {
        for f in ["table", "csv", "tsv", "json", "jsonl", "markdown"] {
            morgue(&db)
                .args(&cmd)
                .args(["--format", f])
                .assert()
                .success();
        }
    }
}

#[test]
fn articles_filters() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args([
            "articles",
            "--outlet",
            "example world news",
            "--since",
            "2024-02-13",
            "--until",
            "2024-02-13",
            "-f",
            "csv",
        ])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(s.lines().count(), 2, "{s}");
    assert!(s.contains("Grain prices rise"));
    let out = morgue(&db)
        .args(["articles", "--text", "tunnel", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.contains("Alpine rail tunnel"), "{s}");
    assert_eq!(s.lines().count(), 2);
}

#[test]
fn search_input_is_data_not_syntax() {
    let (_d, db) = ingested();
    for q in [
        "Jean-Pierre",
        "AFP/Getty",
        "U.S.",
        "\"unbalanced",
        "NEAR(",
        "a*",
        "col:umn",
        "'; DROP TABLE x; --",
    ] {
        morgue(&db)
            .args(["search", q, "-f", "csv"])
            .assert()
            .success();
    }
    let out = morgue(&db)
        .args(["search", "tunnel", "--in", "articles", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.contains("[tunnel]"), "{s}");
    morgue(&db)
        .args(["search", "--raw", "tunnel OR harvest", "-f", "csv"])
        .assert()
        .success();
}

#[test]
fn search_ranks_an_article_holding_the_words_often_above_one_holding_them_once() {
    let (dir, db) = archive();
    // the article that says it often is stored first, so recency cannot explain the order
    let files = written(
        &dir,
        &[
            (
                "often.md",
                "# Harbour dredging begins in Tarrow\n\nHarbour dredging began on Monday. The harbour dredging will take a year, and harbour dredging crews work at night.\n",
            ),
            (
                "once.md",
                "# Council sets its budget\n\nThe council set its budget for roads, schools, parks, libraries, street lights and, among other things, harbour dredging, on Tuesday.\n",
            ),
            (
                "none.md",
                "# Ferry timetable changes\n\nThe ferry will leave an hour later from next week.\n",
            ),
        ],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    // `search` opens the archive read-only: the ranking function is there too
    let out = morgue(&db)
        .args([
            "search",
            "harbour dredging",
            "--in",
            "articles",
            "-f",
            "tsv",
        ])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let titles: Vec<&str> = s
        .lines()
        .skip(1)
        .map(|l| l.split('\t').nth(3).unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Harbour dredging begins in Tarrow",
            "Council sets its budget"
        ],
        "{s}"
    );
    // `sql` (read-only too) can call it, and bm25 / rank still work there
    let rows = sql(
        &db,
        "SELECT morgue_rank(articles_fts) < 0, bm25(articles_fts) < 0, rank < 0 FROM articles_fts
         WHERE articles_fts MATCH 'harbour' ORDER BY rowid",
    );
    assert_eq!(rows, ["1,1,1", "1,1,1"]);
}

#[test]
fn show_finds_an_article_by_any_name() {
    let (_d, db) = ingested();
    morgue(&db)
        .args(["show", "wire-0001"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Alpine rail tunnel"));
    morgue(&db)
        .args([
            "show",
            "https://news.example/world/rail-tunnel-opens/",
            "-f",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\"title\": \"Alpine rail tunnel opens to passengers\"",
        ));
    morgue(&db)
        .args(["show", "no-such-article"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article"));
}

#[test]
fn export_reads_back_into_an_equal_archive() {
    let (dir, db) = ingested();
    let out = morgue(&db)
        .args(["export"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let file = dir.path().join("export.jsonl");
    std::fs::write(&file, &out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 6);
    let db2 = dir.path().join("copy.db");
    morgue(&db2).arg("ingest").arg(&file).assert().success();
    for table in [
        "articles",
        "quotes",
        "captions",
        "embeds",
        "people",
        "article_sources",
    ] {
        assert_eq!(count(&db, table), count(&db2, table), "{table}");
    }
    let q = "SELECT title, published_at, body FROM articles ORDER BY title, body";
    assert_eq!(sql(&db, q), sql(&db2, q));
    // and exporting the copy again gives the same file
    morgue(&db2)
        .arg("ingest")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("6 already"));
}

#[test]
fn export_csv_is_never_capped() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args(["export", "--format", "csv", "--table", "articles"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .count(),
        7
    );
}

#[test]
fn reextract_keeps_the_archive_the_same() {
    let (_d, db) = ingested();
    let before: Vec<i64> = ["quotes", "captions", "people", "article_sources"]
        .iter()
        .map(|t| count(&db, t))
        .collect();
    morgue(&db)
        .args(["reextract", "--all"])
        .assert()
        .success()
        .stderr(predicate::str::contains("re-extracted 6 articles"));
    let after: Vec<i64> = ["quotes", "captions", "people", "article_sources"]
        .iter()
        .map(|t| count(&db, t))
        .collect();
    assert_eq!(before, after);
}

/// An article whose extraction comes out as stored is left as it is (its quote ids stay);
/// one whose stored extraction differs is stored again; `--rewrite` stores them all.
#[test]
fn reextract_rewrites_only_what_changed() {
    let (_d, db) = ingested();
    let quote_ids = |db: &Path| sql(db, "SELECT id FROM quotes ORDER BY id");
    let before = quote_ids(&db);
    assert!(before.len() > 5);
    morgue(&db)
        .args(["reextract", "--all"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "re-extracted 6 articles (6 unchanged)",
        ));
    assert_eq!(quote_ids(&db), before);

    // an archive written by an older morgue: one article lost a quote (as if an older
    // extractor had missed it) and every article is of an older extractor version
    let article: i64 = sql(&db, "SELECT article_id FROM quotes ORDER BY id LIMIT 1")[0]
        .parse()
        .unwrap();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(&format!(
            "DELETE FROM quotes WHERE id = (SELECT min(id) FROM quotes);
             UPDATE articles SET extraction_hash = 0 WHERE id = {article};
             UPDATE articles SET extractor_version = 0;"
        ))
        .unwrap();
    }
    assert_eq!(count(&db, "quotes") as usize, before.len() - 1);
    morgue(&db)
        .arg("reextract")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "re-extracted 6 articles (5 unchanged)",
        ));
    assert_eq!(count(&db, "quotes") as usize, before.len());
    assert_eq!(
        count(
            &db,
            &format!(
                "quotes WHERE article_id <> {article} AND id > {}",
                before.last().unwrap()
            )
        ),
        0,
        "only the changed article's quotes are new"
    );
    assert_eq!(count(&db, "articles WHERE extractor_version = 0"), 0);
    counts_ok(&db);

    morgue(&db)
        .args(["reextract", "--all", "--rewrite"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "re-extracted 6 articles (0 unchanged)",
        ));
    assert_eq!(count(&db, "quotes") as usize, before.len());
    counts_ok(&db);
}

#[test]
fn database_path_from_environment() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = Command::cargo_bin("morgue").unwrap();
    c.env_clear()
        .env("XDG_DATA_HOME", dir.path())
        .args(["ingest", &samples()])
        .assert()
        .success();
    assert!(dir.path().join("morgue/archive.db").exists());
    let mut c = Command::cargo_bin("morgue").unwrap();
    let db = dir.path().join("env.db");
    c.env_clear()
        .env("MORGUE_DB", &db)
        .args(["ingest", &samples()])
        .assert()
        .success();
    assert!(db.exists());
}

#[test]
fn schema_and_completions_print() {
    let (_d, db) = archive();
    morgue(&db)
        .arg("schema")
        .assert()
        .success()
        .stdout(predicate::str::contains("CREATE TABLE quotes"));
    morgue(&db)
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("morgue"));
}

#[test]
fn quotes_have_their_speakers() {
    let (_d, db) = ingested();
    let rows = sql(
        &db,
        "SELECT speaker, kind FROM quote_view WHERE text LIKE 'We have put a fair offer%' OR text LIKE 'nobody gains%'
         OR text LIKE 'We are not there yet%' OR text LIKE 'Every day the port%' OR text LIKE 'This offer does not%'
         ORDER BY quote_id",
    );
    assert_eq!(
        rows,
        vec![
            "Elena Markovic,direct",
            "Elena Markovic,partial",
            "Pavel Oduya,direct",
            "Ines Carvalho,direct",
            "Elena Markovic,direct"
        ]
    );
    // headings and captions are not quotes, and quote text has no quote marks
    assert_eq!(
        count(&db, "quotes WHERE text LIKE '%“%' OR text LIKE '%”%'"),
        0
    );
    assert_eq!(count(&db, "quotes WHERE text LIKE '%Dockers wait%'"), 0);
}

#[test]
fn people_are_one_row_each_with_roles_and_handles() {
    let (_d, db) = ingested();
    assert_eq!(count(&db, "people WHERE name = 'Elena Markovic'"), 1);
    assert_eq!(count(&db, "people WHERE name LIKE '%Markovic%'"), 1);
    // the syndicated copy quotes the same analyst: still one person
    assert_eq!(count(&db, "people WHERE name = 'Walter Nguyen'"), 1);
    let roles = sql(&db, "SELECT role FROM person_roles r JOIN people p ON p.id = r.person_id WHERE p.name = 'Ines Carvalho'");
    assert!(
        roles.iter().any(|r| r.contains("chief executive")),
        "{roles:?}"
    );
    assert_eq!(
        sql(&db, "SELECT h.handle FROM person_handles h JOIN people p ON p.id = h.person_id WHERE p.name = 'Elena Markovic'"),
        vec!["@elenamarkovic"]
    );
    // bylines are authors, not quoted people
    assert_eq!(
        sql(&db, "SELECT relation FROM article_people ap JOIN people p ON p.id = ap.person_id WHERE p.name = 'Hannah Cole'"),
        vec!["author"]
    );
    for not_person in [
        "Valmera",
        "Northline",
        "Thursday",
        "Shipping lines count the cost",
        "Associated Press",
    ] {
        assert_eq!(
            count(&db, &format!("people WHERE name LIKE '%{not_person}%'")),
            0,
            "{not_person}"
        );
    }
}

#[test]
fn captions_carry_photographer_and_agency() {
    let (_d, db) = ingested();
    let rows = sql(
        &db,
        "SELECT photographer, agency, provider FROM caption_view ORDER BY caption_id",
    );
    assert!(rows.contains(&"Tomas Berger,AP,".to_string()), "{rows:?}");
    assert!(
        rows.contains(&",Reuters,Port Authority of Valmera".to_string()),
        "{rows:?}"
    );
    assert!(rows.contains(&"Marcus Webb,AP,".to_string()), "{rows:?}");
    assert!(
        rows.contains(&"Anna Kowalczyk,AFP,".to_string()),
        "{rows:?}"
    );
    // the caption is not body text
    assert_eq!(
        count(&db, "articles WHERE body LIKE '%Dockers wait outside%'"),
        0
    );
}

#[test]
fn html_captions_keep_credits_set_apart_by_markup() {
    let (dir, db) = archive();
    let body = "<p>The ferry service to the outer islands resumed on Thursday after a week of storms kept the boats in the harbour, the port authority said in a statement.</p>\
<p>Passengers queued from early morning, and the first crossing left on time with every seat taken, according to the operator, which added two sailings for the weekend.</p>\
<p>Fishermen said the storms had also damaged several moorings along the north quay, and that repairs would take until the end of the month.</p>";
    let page = format!(
        "<html><head><title>Ferries resume</title></head><body><article><h1>Ferries resume after storms</h1>\
<figure><img src=\"a.jpg\"><figcaption><span class=\"tiny\">&copy; Harbour Watch</span><br>\
<span>The first ferry leaves the harbour on Thursday</span></figcaption></figure>{body}\
<figure><img src=\"b.jpg\"><figcaption>Repairs on the north quay. (Ruth Abara)</figcaption></figure>\
<figure><img src=\"c.jpg\"><figcaption><span>Credit</span>Tomás Ibarra para The Island Post</figcaption></figure>\
</article></body></html>"
    );
    let files = written(&dir, &[("ferries.html", &page)]);
    morgue(&db).arg("ingest").args(&files).assert().success();
    let rows = sql(
        &db,
        "SELECT c.text, p.name, s.name FROM captions c LEFT JOIN people p ON p.id = c.photographer_id
         LEFT JOIN sources s ON s.id = c.agency_id ORDER BY c.id",
    );
    assert_eq!(
        rows,
        vec![
            "The first ferry leaves the harbour on Thursday,,Harbour Watch",
            "Repairs on the north quay.,Ruth Abara,",
            ",Tomás Ibarra,The Island Post",
        ]
    );
    // captions are not body text
    assert_eq!(count(&db, "articles WHERE body LIKE '%north quay.%'"), 0);
}

#[test]
fn wire_credits_and_embeds() {
    let (_d, db) = ingested();
    let wire = sql(
        &db,
        "SELECT a.external_id, s.name FROM article_sources x JOIN sources s ON s.id = x.source_id
         JOIN articles a ON a.id = x.article_id WHERE x.role = 'wire_credit' AND a.external_id IS NOT NULL ORDER BY 1, 2",
    );
    assert_eq!(
        wire,
        vec!["wire-0001,Reuters", "wire-0002,AP", "wire-0003,AP"]
    );
    let text_wire = sql(
        &db,
        "SELECT s.name FROM article_sources x JOIN sources s ON s.id = x.source_id JOIN articles a ON a.id = x.article_id
         WHERE x.role = 'wire_credit' AND a.format = 'text' ORDER BY 1",
    );
    assert_eq!(text_wire, vec!["AFP", "Reuters"]);
    let embeds = sql(
        &db,
        "SELECT platform, author, handle, posted_at FROM embeds ORDER BY handle",
    );
    assert_eq!(
        embeds,
        vec![
            "twitter,Elena Markovic,@elenamarkovic,2024-03-04",
            "twitter,Henrik Solberg,@hsolberg_museum,2024-04-02"
        ]
    );
}

/// A page of a local paper with posts embedded every way pages keep them.
const EMBEDS_PAGE: &str = r#"<!doctype html><html><head><title>Ferry strike ends</title></head><body><article>
<h1>Ferry strike ends</h1>
<p>The ferry crews went back to work on Friday after a strike of nine days over pay and rosters, the union said in a statement.</p>
<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet" data-lang="es"><p lang="es">Volvemos al trabajo mañana. Gracias a todos.</p>&mdash; Rita Olmo (@ritaolmo) <a href="https://twitter.com/ritaolmo/status/1700000000000000001?ref_src=twsrc">26 de enero de 2024</a></blockquote></div></figure>
<p>Passengers had waited for hours at the terminal on the first days of the strike, and some crossed on fishing boats instead.</p>
<amp-twitter width="375" height="472" layout="responsive" data-tweetid="1700000000000000002"></amp-twitter>
<div class="social-embed lazyload" data-url="https://x.com/ferrylines/status/1700000000000000003"></div>
<iframe src="https://www.instagram.com/p/FerryDeck1/embed/captioned/" height="600"></iframe>
<blockquote class="mastodon-embed" data-embed-url="https://mastodon.social/@portwatch/111222333444555666/embed"><a href="https://mastodon.social/@portwatch/111222333444555666"><div>Post by @portwatch@mastodon.social</div><div>View on Mastodon</div></a></blockquote>
<p>She <a href="https://twitter.com/ritaolmo/status/1700000000000000009">wrote on X</a> that the deal was fair, and the company agreed that rosters would be published a month ahead.</p>
<p>The company said timetables would be back to normal by Monday, and that passengers with cancelled tickets could claim a refund online.</p>
</article></body></html>"#;

#[test]
fn embedded_posts_in_every_wrapping() {
    let (dir, db) = archive();
    let text = "Ferry strike ends\n\nThe ferry crews went back to work on Friday after a strike of nine days.\n\nWe are back at sea tomorrow. https://t.co/Fx12Ab\n— Ferry Lines (@ferrylines) January 26, 2024\nhttps://x.com/ferrylines/status/1700000000000000004\n\nThe union welcomed the deal:\n\nhttps://twitter.com/ritaolmo/status/1700000000000000005\n\nTimetables will be normal by Monday.\n";
    let md = "---\ntitle: Ferry strike ends\n---\n\nThe ferry crews went back to work on Friday.\n\n> Fares go back to normal on Monday.\n>\n> — Jon Pike (@jonpike.bsky.social) [January 26, 2024 at 9:15 AM](https://bsky.app/profile/jonpike.bsky.social/post/3kfer)\n\nTimetables will be normal by Monday.\n";
    let files = written(
        &dir,
        &[
            ("page.html", EMBEDS_PAGE),
            ("post.txt", text),
            ("post.md", md),
        ],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    let rows = sql(
        &db,
        "SELECT platform, coalesce(author, ''), coalesce(handle, ''), url, coalesce(posted_at, '') FROM embeds ORDER BY url",
    );
    assert_eq!(
        rows,
        vec![
            "bluesky,Jon Pike,@jonpike.bsky.social,https://bsky.app/profile/jonpike.bsky.social/post/3kfer,2024-01-26",
            "mastodon,,@portwatch,https://mastodon.social/@portwatch/111222333444555666,",
            "twitter,,,https://twitter.com/i/web/status/1700000000000000002,",
            "twitter,Rita Olmo,@ritaolmo,https://twitter.com/ritaolmo/status/1700000000000000001,2024-01-26",
            "twitter,,@ritaolmo,https://twitter.com/ritaolmo/status/1700000000000000005,",
            "instagram,,,https://www.instagram.com/p/FerryDeck1/,",
            "twitter,,@ferrylines,https://x.com/ferrylines/status/1700000000000000003,",
            "twitter,Ferry Lines,@ferrylines,https://x.com/ferrylines/status/1700000000000000004,2024-01-26",
        ]
    );
    // each post with words is a quote by its author, and the widget's labels are no words
    let posts = sql(
        &db,
        "SELECT coalesce(speaker_text, ''), text FROM quotes WHERE kind = 'post' ORDER BY text",
    );
    assert_eq!(
        posts,
        vec![
            "Jon Pike,Fares go back to normal on Monday.",
            "Rita Olmo,Volvemos al trabajo mañana. Gracias a todos.",
            "Ferry Lines,We are back at sea tomorrow. https://t.co/Fx12Ab",
        ]
    );
}

#[test]
fn wire_copy_is_credited_and_mentions_are_not() {
    let (dir, db) = archive();
    let para = "Ferry crews went back to work on Friday after a strike of nine days over pay and rosters.\n\nPassengers had waited for hours at the terminal, and some crossed on fishing boats.\n\nThe company said timetables would be back to normal by Monday.";
    let files = written(
        &dir,
        &[
            ("ap.txt", &format!("Ferry strike ends\n\nBy The Associated Press\n\n{para}\n")),
            ("dw.txt", &format!("Ferry strike ends\n\n{para}\n\nab/jsi (AFP, dpa, Reuters)\n")),
            ("source.txt", &format!("Ferry strike ends\n\n{para}\n\nSource: Reuters\n")),
            ("afp.txt", &format!("Ferry strike ends\n\n{para} (AFP)\n")),
            ("ansa.md", &format!("---\ntitle: Ferry strike ends\nbyline: Redazione ANSA\n---\n\n{para}\n")),
            ("told.txt", &format!("Ferry strike ends\n\n{para}\n\nThe union leader told Reuters the deal was fair, according to AFP.\n")),
            ("photo.txt", &format!("Ferry strike ends\n\n{para}\n\nThe ferry leaves the harbour. (AP Photo)\n")),
            (
                "author.html",
                &format!(
                    "<html><head><title>Ferry strike ends</title><meta name=\"author\" content=\"Reuters\"></head><body><article><h1>Ferry strike ends</h1>{}</article></body></html>",
                    para.split("\n\n").map(|p| format!("<p>{p}</p>")).collect::<String>()
                ),
            ),
        ],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    // file name, then the wire agencies credited
    let rows: Vec<String> = sql(
        &db,
        "SELECT a.source_path, coalesce((SELECT group_concat(n, '+') FROM (SELECT s.name AS n FROM article_sources x
         JOIN sources s ON s.id = x.source_id WHERE x.article_id = a.id AND x.role = 'wire_credit' ORDER BY 1)), '') AS credits
         FROM articles a ORDER BY 1",
    )
    .iter()
    .map(|l| l.rsplit(['/', '\\']).next().unwrap_or(l).to_string())
    .collect();
    assert_eq!(
        rows,
        vec![
            "afp.txt,AFP",
            "ansa.md,ANSA",
            "ap.txt,AP",
            "author.html,Reuters",
            "dw.txt,AFP+Reuters+dpa",
            "photo.txt,",
            "source.txt,Reuters",
            "told.txt,",
        ]
    );
}

#[test]
fn report_filters_find_people_by_any_alias() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args(["quotes", "--person", "Markovic", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(s.lines().count(), 5, "{s}");
    assert!(s.lines().skip(1).all(|l| l.contains("Elena Markovic")));
    let out = morgue(&db)
        .args(["quotes", "--words", "port", "--kind", "direct", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.contains("Every day the port"), "{s}");
    let out = morgue(&db)
        .args(["captions", "--agency", "associated press", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(s.lines().count(), 3, "{s}");
    let out = morgue(&db)
        .args(["articles", "--source", "Reuters", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert_eq!(s.lines().count(), 3, "{s}");
    let out = morgue(&db)
        .args(["quotes", "--explain", "--person", "Oduya", "-f", "json"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        s.contains("\"rule\"") && s.contains("\"verb\": \"said\""),
        "{s}"
    );
}

#[test]
fn people_ranking_and_profile() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args(["people", "--top", "1", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.lines().nth(1).unwrap().contains("Elena Markovic"), "{s}");
    let out = morgue(&db)
        .args(["person", "Markovic", "-f", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["person"]["name"], "Elena Markovic");
    assert!(v["handles"][0]["handle"] == "@elenamarkovic");
    assert!(v["latest quotes"].as_array().unwrap().len() >= 4);
    morgue(&db)
        .args(["person", "Nobody Atall"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person"));
}

#[test]
fn timeline_counts_by_period() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args(["timeline", "--by", "month", "-f", "csv"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        "period,articles\n2024-02,3\n2024-03,2\n2024-04,1\n"
    );
    let out = morgue(&db)
        .args([
            "timeline",
            "--of",
            "quotes",
            "--person",
            "Walter Nguyen",
            "-f",
            "csv",
        ])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8(out.get_output().stdout.clone()).unwrap(),
        "period,quotes\n2024-02,4\n"
    );
}

#[test]
fn sources_report_shows_roles() {
    let (_d, db) = ingested();
    let out = morgue(&db)
        .args(["sources", "-f", "csv"])
        .assert()
        .success();
    let s = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(s.contains("AP,wire,photo_credit,2"), "{s}");
    assert!(s.contains("Reuters,wire,wire_credit,2"), "{s}");
    assert!(s.contains("Example World News,outlet,publisher,2"), "{s}");
}

/// Two articles about one person under three spellings (a fixture written for this test).
fn blinken_archive() -> (TempDir, PathBuf) {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[
            (
                "one.txt",
                "Antony Blinken flew to Oslo on Monday. “We are listening,” Antony Blinken said.\n",
            ),
            (
                "two.txt",
                "Secretary of State Antony J. Blinken met his counterpart on Tuesday.\n\n“The talks were frank,” Blinken said.\n",
            ),
        ],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    (dir, db)
}

#[test]
fn one_person_across_articles_with_every_spelling() {
    let (_d, db) = blinken_archive();
    assert_eq!(sql(&db, "SELECT name FROM people"), vec!["Antony Blinken"]);
    let aliases = sql(&db, "SELECT alias FROM person_aliases ORDER BY alias");
    assert_eq!(
        aliases,
        vec!["Antony Blinken", "Antony J. Blinken", "Blinken"]
    );
    assert_eq!(count(&db, "quotes WHERE person_id IS NOT NULL"), 2);
}

#[test]
fn manual_corrections_survive_reextract() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[
            (
                "a.txt",
                "“Rates will fall,” said Maria Gonzales, an economist.\n",
            ),
            (
                "b.txt",
                "“Rates will rise,” said Maria González-Ruiz, the bank's governor.\n",
            ),
        ],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    assert_eq!(count(&db, "people"), 2);
    morgue(&db)
        .args(["people", "merge", "Maria González-Ruiz", "Maria Gonzales"])
        .assert()
        .success();
    assert_eq!(
        sql(&db, "SELECT name FROM people"),
        vec!["Maria González-Ruiz"]
    );
    assert_eq!(count(&db, "quotes WHERE person_id IS NOT NULL"), 2);
    morgue(&db)
        .args(["reextract", "--all", "--rewrite"])
        .assert()
        .success();
    assert_eq!(
        sql(&db, "SELECT name FROM people"),
        vec!["Maria González-Ruiz"]
    );
    assert_eq!(
        count(&db, "quotes WHERE person_id = (SELECT id FROM people)"),
        2
    );
    // and a wrong merge is undone
    morgue(&db)
        .args(["people", "split", "Maria González-Ruiz", "Maria Gonzales"])
        .assert()
        .success();
    assert_eq!(count(&db, "people"), 2);
    morgue(&db)
        .args(["reextract", "--all", "--rewrite"])
        .assert()
        .success();
    assert_eq!(count(&db, "people"), 2);
    // an alias given by hand
    morgue(&db)
        .args(["people", "alias", "Maria Gonzales", "M. Gonzales"])
        .assert()
        .success();
    let out = morgue(&db)
        .args(["quotes", "--person", "M. Gonzales", "-f", "csv"])
        .assert()
        .success();
    assert!(String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .contains("Rates will fall"));
    morgue(&db)
        .args(["people", "merge", "Nobody", "Maria Gonzales"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no person"));
}

#[test]
fn check_and_backup() {
    let (dir, db) = ingested();
    morgue(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("integrity"));
    let copy = dir.path().join("backup").join("copy.db");
    morgue(&db).arg("backup").arg(&copy).assert().success();
    assert_eq!(count(&copy, "articles"), 6);
    assert_eq!(count(&copy, "quotes"), count(&db, "quotes"));
    morgue(&copy).arg("check").assert().success();
}

/// The CSV and JSON of the reports are contracts other tools parse: exact output on a
/// one-article fixture.
#[test]
fn report_output_contracts() {
    let (_d, db) = archive();
    morgue(&db)
        .arg("ingest")
        .arg(root().join("tests/fixtures/contract.md"))
        .assert()
        .success();
    let out = |args: &[&str]| {
        String::from_utf8(
            morgue(&db)
                .args(args)
                .assert()
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap()
    };
    assert_eq!(
        out(&["quotes", "-f", "csv"]),
        "id,date,outlet,speaker,role,quote,kind,article\n\
         1,2024-06-01,The Island Herald,Olav Berg,a fisherman on the main island,\"We missed the boat more than we expected,\",direct,1\n"
    );
    assert_eq!(
        out(&["quotes", "-f", "json"]),
        "[\n  {\"id\": 1, \"date\": \"2024-06-01\", \"outlet\": \"The Island Herald\", \"speaker\": \"Olav Berg\", \
         \"role\": \"a fisherman on the main island\", \"quote\": \"We missed the boat more than we expected,\", \
         \"kind\": \"direct\", \"article\": 1}\n]\n"
    );
    assert_eq!(
        out(&["captions", "-f", "csv"]),
        "id,date,agency,photographer,credit,caption,article\n\
         1,2024-06-01,AP,Ivar Strand,Ivar Strand/AP,Passengers board the morning ferry at the harbour on Saturday.,1\n"
    );
    assert_eq!(
        out(&["sources", "-f", "jsonl"]),
        "{\"name\": \"AP\", \"kind\": \"wire\", \"role\": \"photo_credit\", \"articles\": 1}\n\
         {\"name\": \"The Island Herald\", \"kind\": \"outlet\", \"role\": \"publisher\", \"articles\": 1}\n"
    );
    assert_eq!(
        out(&["articles", "-f", "tsv"]),
        "id\tdate\toutlet\ttitle\tbyline\tquotes\turl\n\
         1\t2024-06-01\tThe Island Herald\tFerry service returns to the islands\tNora Lind\t1\thttps://herald.example/ferry-returns\n"
    );
    assert_eq!(
        out(&["people", "-f", "markdown"]),
        "| id | name | quotes | articles | aliases |\n|---|---|---|---|---|\n| 3 | Olav Berg | 1 | 1 |  |\n"
    );
}

/// The counts the everyday reports read (people, sources, timeline) follow every path
/// that writes: ingest, reextract, merge and split.
#[test]
fn report_counts_follow_every_write() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[
            (
                "a.md",
                "---\ntitle: Rates\npublished: 2024-03-02\noutlet: The Coastline Courier\n---\n\n“Rates will fall,” said Maria Gonzales, an economist.\n\n“They may not,” said Tomas Lind.\n",
            ),
            (
                "b.md",
                "---\ntitle: Rates again\npublished: 2024-04-09\noutlet: The Coastline Courier\n---\n\n“Rates will rise,” said Maria González-Ruiz, the bank's governor.\n\n“Not soon,” Gonzales said.\n",
            ),
        ],
    );
    let top = |db: &Path| -> Vec<String> {
        let out = morgue(db).args(["people", "-f", "csv"]).assert().success();
        String::from_utf8(out.get_output().stdout.clone())
            .unwrap()
            .lines()
            .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(","))
            .collect()
    };
    morgue(&db)
        .arg("ingest")
        .args(&files)
        .arg(samples())
        .assert()
        .success();
    counts_ok(&db);
    let recount = sql(
        &db,
        "SELECT p.id || ',' || p.name || ',' || count(*) || ',' || count(DISTINCT q.article_id)
         FROM quotes q JOIN people p ON p.id = q.person_id GROUP BY p.id ORDER BY count(*) DESC, p.name",
    );
    let recount: Vec<String> = recount
        .iter()
        .map(|l| l.trim_matches('"').to_string())
        .collect();
    assert_eq!(top(&db)[1..], recount[..]);
    morgue(&db)
        .args(["reextract", "--all", "--rewrite"])
        .assert()
        .success();
    counts_ok(&db);
    morgue(&db)
        .args(["people", "merge", "Maria González-Ruiz", "Maria Gonzales"])
        .assert()
        .success();
    counts_ok(&db);
    assert!(top(&db)
        .iter()
        .any(|l| l.ends_with(",Maria González-Ruiz,2,2")));
    morgue(&db)
        .args(["people", "split", "Maria González-Ruiz", "Maria Gonzales"])
        .assert()
        .success();
    counts_ok(&db);
    let months = morgue(&db)
        .args([
            "timeline",
            "--since",
            "2024-03-01",
            "--until",
            "2024-04-30",
            "-f",
            "csv",
        ])
        .assert()
        .success();
    let recount = sql(
        &db,
        "SELECT substr(published_at, 1, 7) || ',' || count(*) FROM articles
         WHERE published_at >= '2024-03-01' AND published_at < '2024-04-30~' GROUP BY substr(published_at, 1, 7) ORDER BY 1",
    );
    let want: Vec<String> = std::iter::once("period,articles".to_string())
        .chain(recount.iter().map(|l| l.trim_matches('"').to_string()))
        .collect();
    assert_eq!(
        String::from_utf8(months.get_output().stdout.clone())
            .unwrap()
            .lines()
            .collect::<Vec<_>>(),
        want
    );
    let sources = morgue(&db)
        .args(["sources", "-f", "csv"])
        .assert()
        .success();
    assert!(String::from_utf8(sources.get_output().stdout.clone())
        .unwrap()
        .contains("The Coastline Courier,outlet,publisher,3"));
}

/// A stored document that cannot be rebuilt is named, the rest is re-extracted.
#[test]
fn reextract_names_what_it_cannot_rebuild() {
    let (_dir, db) = ingested();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE articles SET body = body || ' (edited by hand)' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    morgue(&db)
        .args(["reextract", "--all"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("1 article(s) left as they were"))
        .stderr(predicate::str::contains("ids 1"));
    let total = count(&db, "articles");
    assert!(total > 1);
}

/// A company that one article names like a person ("Oliver Tamsett said") is no person
/// once another article shows it as a company ("Oliver Tamsett Inc"), whichever comes
/// first; a founder whose firm bears his name stays a person when an article gives
/// personal evidence, and so does someone else of the same surname.
#[test]
fn companies_named_like_people_leave_the_people() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[
            (
                "said.txt",
                "“Orders fell sharply,” Oliver Tamsett said on Monday.\n\n“We expect a weak year,” Marek Dvorak said.\n",
            ),
            (
                "inc.txt",
                "Oliver Tamsett Inc will cut 300 jobs at its mill.\n\nShares of Marek Dvorak and Co rose on the news.\n",
            ),
            (
                "person.txt",
                "Marek Dvorak, 61, who founded the firm, said he would retire in May.\n\n“It is time,” said Ruth Tamsett, a nurse at the clinic.\n",
            ),
        ],
    );
    let people = |db: &Path| sql(db, "SELECT name FROM people ORDER BY name");
    morgue(&db).arg("ingest").arg(&files[0]).assert().success();
    assert_eq!(people(&db), vec!["Marek Dvorak", "Oliver Tamsett"]);
    morgue(&db)
        .arg("ingest")
        .args(&files[1..])
        .assert()
        .success();
    assert_eq!(people(&db), vec!["Marek Dvorak", "Ruth Tamsett"]);
    // the quote keeps its speaker as written, with no person
    assert_eq!(
        sql(
            &db,
            "SELECT speaker_text, person_id IS NULL FROM quotes WHERE text LIKE 'Orders%'"
        ),
        vec!["Oliver Tamsett,1"]
    );
    morgue(&db).arg("check").assert().success();
    // the same after extraction runs again, and with the company known first
    morgue(&db).args(["reextract", "--all"]).assert().success();
    assert_eq!(people(&db), vec!["Marek Dvorak", "Ruth Tamsett"]);
    morgue(&db).arg("check").assert().success();
    let (_d2, db2) = archive();
    morgue(&db2).arg("ingest").arg(&files[1]).assert().success();
    morgue(&db2).arg("ingest").arg(&files[0]).assert().success();
    // (without the article that shows him as a person, the founder is his firm too)
    assert!(people(&db2).is_empty(), "{:?}", people(&db2));
    morgue(&db2).arg("check").assert().success();
}

/// A name corrected by hand is never removed, and a dateline's place is no person either.
#[test]
fn corrected_people_stay_and_places_go() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[
            (
                "said.txt",
                "“Orders fell sharply,” Oliver Tamsett said on Monday.\n\n“The bridge is gone,” Vella Morton said.\n",
            ),
            (
                "inc.txt",
                "Oliver Tamsett Inc will cut 300 jobs at its mill.\n",
            ),
            (
                "place.txt",
                "VELLA MORTON, March 3 (Reuters) - Heavy rain closed the roads for a week.\n",
            ),
        ],
    );
    morgue(&db).arg("ingest").arg(&files[0]).assert().success();
    morgue(&db)
        .args(["people", "alias", "Oliver Tamsett", "O. Tamsett"])
        .assert()
        .success();
    morgue(&db)
        .arg("ingest")
        .args(&files[1..])
        .assert()
        .success();
    assert_eq!(sql(&db, "SELECT name FROM people"), vec!["Oliver Tamsett"]);
    morgue(&db).arg("check").assert().success();
}

/// The people a story is about are found by their given names alone, with no title, quote
/// or "said": common given names from many countries count as evidence, and a run that
/// names a commodity, a plant or a township stays out even when it opens with one.
#[test]
fn people_named_without_titles_or_quotes_are_found() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[(
            "match.txt",
            "Harwick edge Lowmoor in late thriller\n\n\
             Lionel Achterberg scored twice on Saturday as Harwick beat Lowmoor 3-2.\n\n\
             Facundo Iturralde added the third. Elon Varga, the club's owner, watched from the stand.\n\n\
             Brent Crude rose 2 percent. Chester Township approved a new stadium plan, and the \
             Morton Chemical Plant will sponsor the shirts.\n",
        )],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    assert_eq!(
        sql(&db, "SELECT name FROM people ORDER BY name"),
        vec!["Elon Varga", "Facundo Iturralde", "Lionel Achterberg"]
    );
}

#[test]
fn world_names_are_found_with_their_particles_accents_and_callings() {
    let (dir, db) = archive();
    let files = written(
        &dir,
        &[(
            "summit.txt",
            "Envoys gather for water talks\n\n\
             “We will share the river,” said Foreign Minister Karim al-Haddad on Monday.\n\n\
             “Nobody else will decide,” al-Haddad added.\n\n\
             Andrés Quintero met Micheál Duggan before lunch.\n\n\
             Novelist Ayokunle Bassey read a poem, and sprinter Oghene Ukwu waved to the crowd.\n",
        )],
    );
    morgue(&db).arg("ingest").args(&files).assert().success();
    assert_eq!(
        sql(&db, "SELECT name FROM people ORDER BY name"),
        vec![
            "Andrés Quintero",
            "Ayokunle Bassey",
            "Karim al-Haddad",
            "Micheál Duggan",
            "Oghene Ukwu"
        ]
    );
    // the surname alone, with its article, speaks for the minister
    assert_eq!(
        sql(
            &db,
            "SELECT count(*) FROM quotes q JOIN people p ON p.id = q.person_id WHERE p.name = 'Karim al-Haddad'"
        ),
        vec!["2"]
    );
}
