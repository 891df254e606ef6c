//! `morgue_rank(fts_table [, first_rowid, last_rowid])`: an FTS5 auxiliary function that
//! scores like FTS5's `bm25()` (k1 = 1.2, b = 0.75, every column weighted 1; lower is
//! better, so `ORDER BY` stays ascending) without reading the whole index for each word.
//!
//! `bm25()` computes the IDF of each phrase from the number of rows that hold it, and
//! counts them by walking the phrase's whole doclist (`xQueryPhrase`): at a million
//! articles that is most of the time a search takes, and it grows with the archive.
//! `morgue_rank` walks at most [`IDF_SAMPLE`] matches of each phrase (the oldest, in
//! rowid order) and stops there:
//! - a phrase with fewer matches than that is counted exactly, so its IDF is bm25's;
//! - for a more common phrase the count is extrapolated from how far into the table the
//!   sample reached: `IDF_SAMPLE × (last − first + 1) / (rowid of the last hit − first + 1)`,
//!   where `first`/`last` are the table's smallest and largest rowids (the optional
//!   arguments; without them the rowids are taken to run from 1 to the row count). The
//!   estimate is within a few per cent when words are spread evenly over time; IDF being
//!   a logarithm, even a twofold error moves it by only ln 2. With one phrase the IDF is
//!   a constant factor and the order is exactly bm25's.
//!
//! Why hand-written FFI: rusqlite 0.41 wraps scalar, aggregate and window functions but
//! not FTS5 auxiliary functions, and no maintained crate does it for rusqlite (the one
//! FTS5 extension crate found, `rusqlite-ext`, only builds tokenizers). The bindings
//! (`fts5_api`, `Fts5ExtensionApi`, `Fts5Context`) come from `rusqlite::ffi`
//! (libsqlite3-sys, the bundled SQLite), so no dependency is added. The unsafe code is
//! confined to this module; no panic crosses into SQLite (the function body runs under
//! `catch_unwind`), and errors are reported through `sqlite3_result_error_code`.

use rusqlite::ffi;
use rusqlite::Connection;
use std::ffi::{c_int, c_void};
use std::ptr;

/// The SQL name of the function.
pub const NAME: &str = "morgue_rank";

/// The most matches of one phrase walked to find how many rows hold it.
pub const IDF_SAMPLE: i64 = 2000;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Register `morgue_rank` on a connection (each connection has its own FTS5 registry).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let api = fts5_api(conn)?;
    // SAFETY: `api` is the non-null fts5_api of this connection (checked in `fts5_api`),
    // valid while the connection lives; version >= 2 guarantees `xCreateFunction`. The name
    // is a NUL-terminated static string (FTS5 copies it), there is no user data to free,
    // and `rank_function` has exactly the `fts5_extension_function` signature.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(
                api,
                c"morgue_rank".as_ptr(),
                ptr::null_mut(),
                Some(rank_function),
                None,
            ),
            None => ffi::SQLITE_MISUSE,
        }
    };
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(rc),
            Some(format!("cannot register the FTS5 function {NAME}")),
        ))
    }
}

/// The connection's `fts5_api`, got the documented way: `SELECT fts5(?1)` with a pointer
/// bound as type "fts5_api_ptr".
fn fts5_api(conn: &Connection) -> rusqlite::Result<*mut ffi::fts5_api> {
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: `conn.handle()` is the open connection's sqlite3 pointer, used only here and
    // on this thread while `conn` is borrowed. The statement is prepared, stepped and
    // finalized within this block (finalize runs on every path after a successful
    // prepare). The bound pointer refers to `api`, which outlives the statement, and the
    // type string is static as sqlite3_bind_pointer requires; FTS5 writes the API pointer
    // through it during the step.
    let rc = unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let mut rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc == ffi::SQLITE_OK {
            rc = ffi::sqlite3_bind_pointer(
                stmt,
                1,
                (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
                c"fts5_api_ptr".as_ptr(),
                None,
            );
            if rc == ffi::SQLITE_OK {
                rc = ffi::sqlite3_step(stmt);
                if rc == ffi::SQLITE_ROW || rc == ffi::SQLITE_DONE {
                    rc = ffi::SQLITE_OK;
                }
            }
            ffi::sqlite3_finalize(stmt);
        }
        rc
    };
    if rc != ffi::SQLITE_OK {
        return Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(rc),
            Some("cannot reach the FTS5 API".into()),
        ));
    }
    // SAFETY: a non-null `api` was just written by FTS5 and points to its static-lifetime
    // (per connection) fts5_api struct; only its version field is read.
    if api.is_null() || unsafe { (*api).iVersion } < 2 {
        return Err(rusqlite::Error::SqliteFailure(
            ffi::Error::new(ffi::SQLITE_MISUSE),
            Some("this SQLite has no FTS5 API (version 2 or later)".into()),
        ));
    }
    Ok(api)
}

/// What one query needs on every row: the IDF of each phrase and the mean row length.
struct Stats {
    idf: Vec<f64>,
    avgdl: f64,
}

/// A phrase's sample walk: matches seen, and the rowid of the last one.
struct Walk {
    hits: i64,
    last_rowid: i64,
}

/// The IDF bm25 uses, from `rows` rows of which `df` hold the phrase (never below 1e-6).
pub fn idf(rows: i64, df: i64) -> f64 {
    let idf = ((rows - df) as f64 + 0.5).ln() - (df as f64 + 0.5).ln();
    if idf.is_nan() || idf <= 0.0 {
        1e-6
    } else {
        idf
    }
}

/// The number of rows holding a phrase, from a walk of its first matches in rowid order:
/// exact when the walk ended before `IDF_SAMPLE`, else extrapolated over the rowid range
/// `first..=last` (and kept between the matches seen and the row count).
pub fn estimate_rows(
    walk_hits: i64,
    walk_last_rowid: i64,
    first: i64,
    last: i64,
    rows: i64,
) -> i64 {
    if walk_hits < IDF_SAMPLE {
        return walk_hits;
    }
    // saturating: the bounds may come from a user's `sql`
    let reached = walk_last_rowid
        .saturating_sub(first)
        .saturating_add(1)
        .max(1) as f64;
    let span = last.saturating_sub(first).saturating_add(1).max(1) as f64;
    let est = (walk_hits as f64 * span / reached).round() as i64;
    est.clamp(walk_hits, rows.max(walk_hits))
}

/// `xQueryPhrase` callback: count a match, remember its rowid, stop after the sample.
unsafe extern "C" fn walk_callback(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    user: *mut c_void,
) -> c_int {
    // SAFETY: `user` is the `&mut Walk` passed by `stats` for the duration of the
    // xQueryPhrase call that invokes this callback; `api`/`fts` are the API and the
    // sub-cursor FTS5 hands to the callback, valid for this call.
    unsafe {
        let walk = &mut *user.cast::<Walk>();
        walk.hits += 1;
        if let Some(rowid) = (*api).xRowid {
            walk.last_rowid = rowid(fts);
        }
        if walk.hits >= IDF_SAMPLE {
            ffi::SQLITE_DONE // xQueryPhrase stops and returns SQLITE_OK
        } else {
            ffi::SQLITE_OK
        }
    }
}

/// Free the per-query `Stats` (the xSetAuxdata destructor).
unsafe extern "C" fn drop_stats(p: *mut c_void) {
    if !p.is_null() {
        // SAFETY: `p` came from `Box::into_raw` in `stats` and FTS5 calls this destructor
        // exactly once for it.
        drop(unsafe { Box::from_raw(p.cast::<Stats>()) });
    }
}

/// Turn an SQLite result code into a Rust result.
fn check(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

/// The API function at `f`, or SQLITE_MISUSE if this FTS5 lacks it.
fn func<T>(f: Option<T>) -> Result<T, c_int> {
    f.ok_or(ffi::SQLITE_MISUSE)
}

/// An optional integer argument (`None` when absent or NULL).
///
/// # Safety
/// `argv` must hold `n` valid values.
unsafe fn int_arg(argv: *mut *mut ffi::sqlite3_value, n: c_int, i: c_int) -> Option<i64> {
    if i >= n {
        return None;
    }
    // SAFETY: i < n, and the caller guarantees `argv` holds n valid values.
    unsafe {
        let v = *argv.add(i as usize);
        if ffi::sqlite3_value_type(v) == ffi::SQLITE_NULL {
            None
        } else {
            Some(ffi::sqlite3_value_int64(v))
        }
    }
}

/// This query's `Stats`, computed on its first row and kept as FTS5 aux data.
///
/// # Safety
/// `api`/`fts` must be the pointers FTS5 passed to the running auxiliary function, and
/// `argv` must hold `n` valid values.
unsafe fn stats<'a>(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    n: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) -> Result<&'a Stats, c_int> {
    // SAFETY: the API functions are called with the context FTS5 gave us; out-pointers
    // point to live locals. Aux data set by this function is always a `Box<Stats>`, and
    // FTS5 keeps it (and frees it with `drop_stats`) until the query ends, which outlives
    // the reference returned for this call.
    unsafe {
        let cached = func(api.xGetAuxdata)?(fts, 0).cast::<Stats>();
        if !cached.is_null() {
            return Ok(&*cached);
        }
        let mut rows: i64 = 0;
        check(func(api.xRowCount)?(fts, &mut rows))?;
        let mut tokens: i64 = 0;
        check(func(api.xColumnTotalSize)?(fts, -1, &mut tokens))?;
        let rows = rows.max(1);
        let first = int_arg(argv, n, 0).unwrap_or(1);
        let last = int_arg(argv, n, 1).unwrap_or(first.saturating_add(rows - 1));
        let phrases = func(api.xPhraseCount)?(fts).max(0);
        let query_phrase = func(api.xQueryPhrase)?;
        let mut idfs = Vec::with_capacity(phrases as usize);
        for i in 0..phrases {
            let mut walk = Walk {
                hits: 0,
                last_rowid: 0,
            };
            check(query_phrase(
                fts,
                i,
                (&mut walk as *mut Walk).cast::<c_void>(),
                Some(walk_callback),
            ))?;
            let df = estimate_rows(walk.hits, walk.last_rowid, first, last, rows);
            idfs.push(idf(rows, df));
        }
        let stats = Box::into_raw(Box::new(Stats {
            idf: idfs,
            avgdl: (tokens as f64 / rows as f64).max(1e-9),
        }));
        // on failure xSetAuxdata has already called `drop_stats`
        check(func(api.xSetAuxdata)?(
            fts,
            stats.cast::<c_void>(),
            Some(drop_stats),
        ))?;
        Ok(&*stats)
    }
}

/// The score of the current row (negated, as bm25: lower is better).
///
/// # Safety
/// As for `stats`.
unsafe fn score(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    n: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) -> Result<f64, c_int> {
    // SAFETY: `api` is FTS5's static API table, non-null while the function runs; the
    // calls use the context FTS5 passed and out-pointers to live locals.
    unsafe {
        let api = api.as_ref().ok_or(ffi::SQLITE_MISUSE)?;
        let stats = stats(api, fts, n, argv)?;
        let mut freq = vec![0.0f64; stats.idf.len()];
        let mut inst: c_int = 0;
        check(func(api.xInstCount)?(fts, &mut inst))?;
        let x_inst = func(api.xInst)?;
        for i in 0..inst {
            let (mut phrase, mut col, mut off) = (0, 0, 0);
            check(x_inst(fts, i, &mut phrase, &mut col, &mut off))?;
            if let Some(f) = freq.get_mut(phrase as usize) {
                *f += 1.0;
            }
        }
        let mut len: c_int = 0;
        check(func(api.xColumnSize)?(fts, -1, &mut len))?;
        let norm = K1 * (1.0 - B + B * f64::from(len) / stats.avgdl);
        let score: f64 = stats
            .idf
            .iter()
            .zip(&freq)
            .map(|(idf, f)| idf * (f * (K1 + 1.0)) / (f + norm))
            .sum();
        Ok(-score)
    }
}

/// The `fts5_extension_function` FTS5 calls for each row.
unsafe extern "C" fn rank_function(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: the pointers are those FTS5 passes to an auxiliary function, valid for
    // this call (argv holds n values); `score` only uses them within it.
    let result = std::panic::catch_unwind(|| unsafe { score(api, fts, n, argv) });
    // SAFETY: `ctx` is this call's result context.
    unsafe {
        match result {
            Ok(Ok(s)) => ffi::sqlite3_result_double(ctx, s),
            Ok(Err(rc)) => ffi::sqlite3_result_error_code(ctx, rc),
            Err(_) => ffi::sqlite3_result_error(ctx, c"morgue_rank failed".as_ptr(), -1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An in-memory FTS5 table `t(title, body)` with `morgue_rank` registered.
    fn table(rows: &[(&str, &str)]) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(title, body)")
            .unwrap();
        for (title, body) in rows {
            conn.execute("INSERT INTO t(title, body) VALUES (?1, ?2)", [title, body])
                .unwrap();
        }
        conn
    }

    /// (rowid, morgue_rank, bm25) of each match, best first by bm25.
    fn scores(conn: &Connection, query: &str) -> Vec<(i64, f64, f64)> {
        let mut st = conn
            .prepare(
                "SELECT rowid, morgue_rank(t), bm25(t) FROM t WHERE t MATCH ?1
                 ORDER BY bm25(t), rowid",
            )
            .unwrap();
        st.query_map([query], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn idf_is_bm25s() {
        assert!((idf(1000, 10) - (990.5f64 / 10.5).ln()).abs() < 1e-12);
        assert_eq!(idf(1000, 900), 1e-6);
        assert_eq!(idf(1000, 1000), 1e-6);
    }

    #[test]
    fn rare_phrases_are_counted_exactly_common_ones_extrapolated() {
        assert_eq!(estimate_rows(17, 500, 1, 10_000, 10_000), 17);
        // the sample reached a fifth of the rowids: five times the sample
        assert_eq!(
            estimate_rows(IDF_SAMPLE, 2_000, 1, 10_000, 10_000),
            5 * IDF_SAMPLE
        );
        // never above the row count, never below what was seen
        assert_eq!(estimate_rows(IDF_SAMPLE, 2_000, 1, 10_000, 6_000), 6_000);
        assert_eq!(
            estimate_rows(IDF_SAMPLE, 90_000, 1, 10_000, 10_000),
            IDF_SAMPLE
        );
    }

    #[test]
    fn a_row_holding_the_words_often_ranks_above_one_holding_them_once() {
        let conn = table(&[
            ("Harbour news", "The harbour dredging starts. Dredging the harbour takes a year; harbour dredging is costly."),
            ("Weather", "Rain all week, and the ferry ran late."),
            ("Port budget", "The council spent money on roads, schools and harbour dredging among other things."),
            ("Harbour works", "The works near the harbour go on: dredging, cranes and a new quay wall."),
        ]);
        let mut st = conn
            .prepare("SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY morgue_rank(t)")
            .unwrap();
        let order: Vec<i64> = st
            .query_map(["harbour dredging"], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(order, vec![1, 4, 3]);
    }

    #[test]
    fn with_fewer_matches_than_the_sample_it_is_bm25() {
        let conn = table(&[
            ("Central bank holds rates", "The central bank held rates."),
            (
                "Markets",
                "Banks rallied after the bank said so; the central bank bank bank.",
            ),
            (
                "Central",
                "Central heating, central park, central station and a bank.",
            ),
            ("Nothing", "Unrelated text here."),
        ]);
        for q in [
            "bank",
            "central bank",
            "central OR rates",
            "\"central bank\" OR markets",
        ] {
            let s = scores(&conn, q);
            assert!(!s.is_empty(), "{q}");
            for (rowid, ours, bm25) in s {
                assert!(
                    (ours - bm25).abs() < 1e-9,
                    "{q}: row {rowid}: {ours} vs bm25 {bm25}"
                );
            }
        }
    }

    #[test]
    fn with_more_matches_than_the_sample_it_ranks_as_bm25_does() {
        // 6,000 rows: "common" in two of three, "rare" in one of seven, with counts that vary
        let rows: Vec<(String, String)> = (0..6_000)
            .map(|i| {
                let mut body = String::from("filler words here");
                if i % 3 != 0 {
                    body.push_str(&" common".repeat(1 + i % 4));
                }
                if i % 7 == 0 {
                    body.push_str(&" rare".repeat(1 + i % 3));
                }
                (format!("row {i}"), body)
            })
            .collect();
        let refs: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let conn = table(&refs);
        for q in ["common", "common rare", "common OR rare"] {
            let s = scores(&conn, q);
            assert!(s.len() > 500, "{q}");
            for (rowid, ours, bm25) in &s {
                assert!(
                    (ours - bm25).abs() <= 0.05 * bm25.abs() + 1e-6,
                    "{q}: row {rowid}: {ours} vs bm25 {bm25}"
                );
            }
            let mut by_ours = s.clone();
            by_ours.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            let top = |v: &[(i64, f64, f64)]| v.iter().take(10).map(|r| r.0).collect::<Vec<_>>();
            assert_eq!(top(&by_ours), top(&s), "{q}");
        }
    }

    #[test]
    fn odd_rowid_bounds_give_a_score_not_a_crash() {
        let conn = table(&[("a b", "c"), ("a", "b b")]);
        for args in [
            "NULL, NULL",
            "9223372036854775807, -9223372036854775808",
            "5, 1",
            "'x', 2.5",
        ] {
            let sql = format!("SELECT morgue_rank(t, {args}) FROM t WHERE t MATCH 'b'");
            let n = conn
                .prepare(&sql)
                .unwrap()
                .query_map([], |r| r.get::<_, f64>(0))
                .unwrap()
                .filter(|r| r.as_ref().is_ok_and(|s| *s < 0.0))
                .count();
            assert_eq!(n, 2, "{args}");
        }
    }

    #[test]
    fn outside_a_full_text_query_it_is_an_error_not_a_crash() {
        let conn = table(&[("a", "b")]);
        assert!(conn
            .query_row("SELECT morgue_rank(1)", [], |r| r.get::<_, f64>(0))
            .is_err());
    }
}
