//! `morgue-bench`: how fast is morgue next to SQLite itself, on the same input, in one run.
//!
//! Issue 7 asks that morgue be limited by SQLite, not by its own code. A figure alone
//! ("5,000 articles/s") says little on a 2-core machine shared with compilers, so every
//! run measures *the limit* first (the same articles as plain rows with an FTS5 index,
//! inserted by the simplest fast Rust code) and reports morgue as a ratio to it: ratios
//! measured minutes apart on the same machine survive the noise that absolute numbers
//! do not.
//!
//! Every step runs as a child process (the real `morgue` binary from the same target
//! folder, or this binary's hidden `limit` command), so wall time includes everything a
//! user waits for and peak memory is the child's own, read from `wait4`'s rusage.
//!
//! Steps: (1) the limit; (2) `morgue ingest` into a fresh archive, then the same file
//! again (every article already stored); (3) `morgue reextract --all` over it (extraction
//! comes out as stored, so nothing is written again), then `--all --rewrite` (every
//! article stored again); (4) report commands, several repetitions, median, both as a process and
//! as the bare query through the library (with `EXPLAIN QUERY PLAN` on request); (5) archive
//! bytes per article, by table; (6) 1,000 more articles into the big archive against into
//! an empty one.
//!
//! `morgue-bench generate` writes the synthetic corpus of [`morgue::synth`] on its own.

use anyhow::{bail, Context};
use clap::{Args, Parser, Subcommand};
use morgue::archive::{Archive, Cell};
use morgue::cli::{Counted, Period};
use morgue::report::{self, Filters, PeopleBy, SearchIn};
use morgue::synth;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

// the same allocator as `morgue`, so `stages` times what ingest runs
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(Debug, Parser)]
#[command(
    name = "morgue-bench",
    about = "Measure morgue against plain SQLite on the same articles",
    max_term_width = 100
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Cmd>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Run the benchmark (the default)
    Run(RunArgs),
    /// Write a synthetic corpus as JSON Lines
    Generate(GenerateArgs),
    /// Where ingest time goes: each stage timed alone, on one thread, in this process
    Stages {
        /// JSON Lines input
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
        /// Archive to store into (must not exist) [default: a temporary file, removed]
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Insert the articles of a JSON Lines file as plain rows with FTS5 (the limit)
    #[command(hide = true)]
    Limit {
        #[arg(long)]
        input: PathBuf,
        #[arg(long)]
        db: PathBuf,
        /// How the FTS5 index is filled
        #[arg(long, value_enum, default_value_t = FtsFill::Direct)]
        fts: FtsFill,
    },
}

/// How the limit fills its FTS5 index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FtsFill {
    /// An AFTER INSERT trigger (how the archive did it before V3)
    Trigger,
    /// A second INSERT, into the FTS table, from the code, as the archive does
    Direct,
}

#[derive(Debug, Args, Clone)]
struct RunArgs {
    /// JSON Lines input to measure [default: a synthetic corpus of --generate articles]
    #[arg(long, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Articles to generate when no --input is given
    #[arg(long, value_name = "N", default_value_t = 100_000)]
    generate: u64,
    /// Seed of the synthetic corpus
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Keep the corpus, the archives and the logs in this folder (else a temporary one, removed)
    #[arg(long, value_name = "DIR")]
    keep: Option<PathBuf>,
    /// Repetitions of each report (the median is shown)
    #[arg(long, default_value_t = 5)]
    reps: usize,
    /// Person for `quotes --person` [default: the most quoted]
    #[arg(long)]
    person: Option<String>,
    /// Outlet for `articles --outlet` [default: the one with most articles]
    #[arg(long)]
    outlet: Option<String>,
    /// Words for `search`
    #[arg(long, default_value = "central bank")]
    search: String,
    /// Articles for the "more into a big archive" figure (0: skip it)
    #[arg(long, default_value_t = 1000)]
    more: u64,
    /// Skip `morgue reextract --all` (and `--all --rewrite`)
    #[arg(long)]
    no_reextract: bool,
    /// Print EXPLAIN QUERY PLAN of each report query
    #[arg(long)]
    explain: bool,
    /// The morgue binary [default: `morgue` beside this one]
    #[arg(long, value_name = "PATH")]
    morgue: Option<PathBuf>,
    /// Also write the figures as JSON to this file
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct GenerateArgs {
    /// Articles to write
    #[arg(long, short = 'n', default_value_t = 100_000)]
    count: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Distinct people quoted across the corpus
    #[arg(long, default_value_t = 4000)]
    people: usize,
    /// Article ids are PREFIX + number
    #[arg(long, default_value = "synth-")]
    id_prefix: String,
    /// Output file [default: stdout]
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    // the same memory settings as `morgue`, for the limit and the stages alike
    morgue::memory::no_huge_pages();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Cmd::Generate(g)) => generate(&g),
        Some(Cmd::Limit { input, db, fts }) => limit(&input, &db, fts),
        Some(Cmd::Stages { input, db }) => stages(&input, db.as_deref()),
        Some(Cmd::Run(r)) => run(&r),
        None => run(&cli.run),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("morgue-bench: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn generate(g: &GenerateArgs) -> anyhow::Result<()> {
    let opts = synth::Options {
        seed: g.seed,
        count: g.count,
        people: g.people,
        id_prefix: g.id_prefix.clone(),
    };
    let stats = match &g.output {
        Some(path) => {
            let f = std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut w = BufWriter::with_capacity(1 << 20, f);
            let s = synth::write_corpus(&mut w, &opts)?;
            w.flush()?;
            s
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = BufWriter::with_capacity(1 << 20, stdout.lock());
            match synth::write_corpus(&mut w, &opts).and_then(|s| w.flush().map(|_| s)) {
                Ok(s) => s,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
                Err(e) => return Err(e.into()),
            }
        }
    };
    eprintln!(
        "morgue-bench: {} articles, {:.1} MB, {} quotes, {} captions, {} embeds, {} syndicated copies",
        stats.articles,
        stats.bytes as f64 / 1e6,
        stats.quotes,
        stats.captions,
        stats.embeds,
        stats.syndicated
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The limit: plain rows, one prepared statement, one transaction, FTS5 rows inserted directly.

#[derive(serde::Deserialize)]
struct PlainRow<'a> {
    #[serde(borrow, default)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    text: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    body: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    maintext: Option<Cow<'a, str>>,
}

const LIMIT_SCHEMA: &str = "
CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');";

const LIMIT_TRIGGER: &str = "
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;";

/// Why `direct` exists: an INSERT that fires a trigger runs inside a statement savepoint,
/// and FTS5 writes its pending terms to disk at every savepoint, so with the trigger each
/// article becomes its own tiny FTS segment, merged again and again. The same rows put in
/// by a second plain INSERT stay in FTS5's memory until the transaction commits.
fn limit(input: &Path, db: &Path, fts: FtsFill) -> anyhow::Result<()> {
    let mut conn = rusqlite::Connection::open(db)?;
    // the archive's own pragmas (src/archive/mod.rs)
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "cache_size", -65536)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.execute_batch(LIMIT_SCHEMA)?;
    if fts == FtsFill::Trigger {
        conn.execute_batch(LIMIT_TRIGGER)?;
    }
    let file =
        std::fs::File::open(input).with_context(|| format!("cannot read {}", input.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::with_capacity(1 << 16);
    let (mut rows, mut refused) = (0u64, 0u64);
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO articles (title, body) VALUES (?1, ?2)")?;
        let mut index =
            tx.prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        loop {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            let line = buf.trim_ascii();
            if line.is_empty() {
                continue;
            }
            match serde_json::from_slice::<PlainRow>(line) {
                Ok(r) => {
                    let body = r.text.or(r.body).or(r.maintext).unwrap_or_default();
                    insert.execute(rusqlite::params![r.title, body])?;
                    if fts == FtsFill::Direct {
                        let id = tx.last_insert_rowid();
                        index.execute(rusqlite::params![id, r.title, body])?;
                    }
                    rows += 1;
                }
                Err(_) => refused += 1,
            }
        }
    }
    tx.commit()?;
    conn.close().map_err(|(_, e)| e)?;
    println!("{rows} {refused}");
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Stages: the ingest pipeline taken apart, each part timed alone on one thread.

fn stages(input: &Path, db: Option<&Path>) -> anyhow::Result<()> {
    use morgue::archive::load::Prepared;
    let tmp = std::env::temp_dir().join(format!("morgue-bench-stages-{}.db", std::process::id()));
    let db_path = db.unwrap_or(&tmp);
    if db_path.exists() {
        bail!(
            "{} exists: stages stores into a new archive",
            db_path.display()
        );
    }
    let mut archive = Archive::open(db_path)?;
    let file =
        std::fs::File::open(input).with_context(|| format!("cannot read {}", input.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut buf = Vec::with_capacity(1 << 16);
    // read, extract, prepare (body, hashes, outline), store
    let mut t = [Duration::ZERO; 4];
    let mut parts = morgue::extract::StageTimes::default();
    let (mut n, mut refused) = (0u64, 0u64);
    let mut batch: Vec<Prepared> = Vec::with_capacity(1000);
    // as ingest does: batches of 1,000 extracted, committed 10,000 at a time
    let mut loader = archive.loader().commit_every(10_000);
    let mut eof = false;
    while !eof {
        let start = Instant::now();
        let mut docs = Vec::with_capacity(1000);
        while docs.len() < 1000 {
            buf.clear();
            if reader.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            let Ok(line) = std::str::from_utf8(&buf) else {
                refused += 1;
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            match morgue::read::jsonl::read_line(line.trim()) {
                Ok(d) => docs.push(d),
                Err(_) => refused += 1,
            }
        }
        t[0] += start.elapsed();
        for doc in docs {
            let s = Instant::now();
            let extraction = morgue::extract::extract_timed(&doc, &mut parts, thread_cpu_time);
            t[1] += s.elapsed();
            let s = Instant::now();
            batch.push(Prepared::new(
                doc,
                extraction,
                Some(input.display().to_string()),
            ));
            t[2] += s.elapsed();
        }
        let s = Instant::now();
        loader.store_batch(&batch)?;
        if eof {
            loader.finish()?;
        }
        t[3] += s.elapsed();
        n += batch.len() as u64;
        batch.clear();
    }
    drop(loader);
    drop(archive);
    if db.is_none() {
        remove_db(&tmp);
    }
    let rows: [(&str, Duration); 4] = [
        ("read: JSON line -> Document (reader thread)", t[0]),
        ("extract (rayon, all cores)", t[1]),
        ("prepare: body, hashes, outline (rayon, all cores)", t[2]),
        ("store_batch: SQL (the writer thread)", t[3]),
    ];
    let total = t[0] + t[1] + t[2] + t[3];
    println!(
        "\nmorgue-bench stages  {}  {n} articles ({refused} refused), one thread\n",
        input.display()
    );
    println!("| stage | seconds | µs/article | share of one-thread total |");
    println!("|---|---:|---:|---:|");
    for (name, d) in rows {
        print_stage(name, d, n, total);
        if name.starts_with("extract") {
            for (part, d) in parts.named() {
                print_stage(&format!("  extract: {part} (thread CPU)"), d, n, total);
            }
        }
    }
    println!(
        "\none thread, all stages: {:.0} articles/s; the writer thread alone (store_batch): {:.0} articles/s",
        n as f64 / total.as_secs_f64().max(1e-9),
        n as f64 / t[3].as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// CPU time of the calling thread: per-extractor figures that other processes on the
/// machine do not inflate.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec that we own.
    let r = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if r != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    Duration::ZERO
}

/// One row of the stages table.
fn print_stage(name: &str, d: Duration, n: u64, total: Duration) {
    println!(
        "| {name} | {:.2} | {:.1} | {:.0}% |",
        d.as_secs_f64(),
        d.as_secs_f64() * 1e6 / n.max(1) as f64,
        100.0 * d.as_secs_f64() / total.as_secs_f64().max(1e-9)
    );
}

// ---------------------------------------------------------------------------------------
// Child processes with their peak memory.

struct Measured {
    secs: f64,
    /// CPU time of the child, user + system, in seconds (0 when unknown): steadier than
    /// wall time when other jobs share the cores.
    cpu_secs: f64,
    /// Peak resident set of the child, in bytes (0 when unknown).
    peak_rss: u64,
    ok: bool,
    stdout: String,
    stderr: String,
}

fn measure(mut cmd: Command, logs: &Path, name: &str) -> anyhow::Result<Measured> {
    let out_path = logs.join(format!("{name}.out"));
    let err_path = logs.join(format!("{name}.err"));
    // files, not pipes: a chatty child can never block on a full pipe while we wait
    cmd.stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path)?)
        .stderr(std::fs::File::create(&err_path)?)
        .env_remove("MORGUE_DB")
        .env("NO_COLOR", "1");
    let start = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("cannot start {cmd:?}"))?;
    let (ok, peak_rss, cpu_secs) = wait_with_rusage(child)?;
    let secs = start.elapsed().as_secs_f64();
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    Ok(Measured {
        secs,
        cpu_secs,
        peak_rss,
        ok,
        stdout: read(&out_path),
        stderr: read(&err_path),
    })
}

/// Wait for the child and read its own peak RSS (Linux reports KiB) and CPU seconds
/// (user + system) from `wait4`.
#[cfg(unix)]
fn wait_with_rusage(child: std::process::Child) -> anyhow::Result<(bool, u64, f64)> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data; zeroed is a valid value for wait4 to overwrite.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own unwaited child; the pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break;
        }
        let err = std::io::Error::last_os_error();
        if err.kind() != std::io::ErrorKind::Interrupted {
            bail!("waiting for the child failed: {err}");
        }
    }
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
    Ok((ok, usage.ru_maxrss.max(0) as u64 * 1024, cpu))
}

#[cfg(not(unix))]
fn wait_with_rusage(mut child: std::process::Child) -> anyhow::Result<(bool, u64, f64)> {
    Ok((child.wait()?.success(), 0, 0.0))
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn file_bytes(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// The database and its WAL, as a user's disk sees them.
fn db_bytes(p: &Path) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", p.display()));
    file_bytes(p) + file_bytes(&wal)
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

// ---------------------------------------------------------------------------------------
// The run.

#[derive(Debug, Serialize, Clone)]
struct StepRow {
    step: String,
    articles: u64,
    seconds: f64,
    /// CPU seconds of the step, user + system (both cores count).
    cpu_seconds: f64,
    articles_per_s: f64,
    mb_per_s: f64,
    peak_rss_mb: f64,
    ratio_to_limit: f64,
    load_before: String,
    ok: bool,
}

#[derive(Debug, Serialize, Clone)]
struct ReportRow {
    report: String,
    process_ms: f64,
    query_ms: Option<f64>,
    peak_rss_mb: f64,
    rows: Option<usize>,
    ok: bool,
}

#[derive(Debug, Serialize, Default)]
struct Results {
    started_utc: String,
    input: String,
    input_bytes: u64,
    articles_in_input: u64,
    load_at_start: String,
    steps: Vec<StepRow>,
    reports: Vec<ReportRow>,
    archive_bytes: u64,
    archive_articles: u64,
    archive_bytes_per_article: f64,
    limit_db_bytes_per_article: f64,
    input_bytes_per_article: f64,
    tables: Vec<(String, u64)>,
    more_articles: u64,
    more_ms_per_article_empty: f64,
    more_ms_per_article_big: f64,
    more_ratio_big_to_empty: f64,
}

/// The working folder: kept when asked, else removed on the way out.
struct WorkDir {
    path: PathBuf,
    keep: bool,
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

fn run(a: &RunArgs) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("cannot find this program's path")?;
    let morgue = a
        .morgue
        .clone()
        .unwrap_or_else(|| exe.with_file_name(format!("morgue{}", std::env::consts::EXE_SUFFIX)));
    if !morgue.exists() {
        bail!(
            "no morgue binary at {}: build both with `cargo build --release --bins` (or use scripts/bench.sh)",
            morgue.display()
        );
    }
    let older = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if let (Some(m), Some(b)) = (older(&morgue), older(&exe)) {
        if m + Duration::from_secs(60) < b {
            eprintln!(
                "morgue-bench: warning: {} is older than this benchmark: rebuild with `cargo build --release --bins`",
                morgue.display()
            );
        }
    }
    let work = match &a.keep {
        Some(dir) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            WorkDir {
                path: dir.clone(),
                keep: true,
            }
        }
        None => {
            let p = std::env::temp_dir().join(format!("morgue-bench-{}", std::process::id()));
            std::fs::create_dir_all(&p)?;
            WorkDir {
                path: p,
                keep: false,
            }
        }
    };
    let dir = work.path.clone();
    let logs = dir.join("logs");
    std::fs::create_dir_all(&logs)?;
    let mut res = Results {
        started_utc: chrono::Utc::now()
            .format("%Y-%m-%d %H:%M:%S UTC")
            .to_string(),
        load_at_start: load_average(),
        ..Results::default()
    };

    // the input
    let mut synthetic_top: Option<String> = None;
    let input = match &a.input {
        Some(p) => {
            if !p.is_file() {
                bail!("no input file at {}", p.display());
            }
            p.clone()
        }
        None => {
            let p = dir.join(format!("synth-{}-seed{}.jsonl", a.generate, a.seed));
            let opts = synth::Options {
                seed: a.seed,
                count: a.generate,
                ..synth::Options::default()
            };
            let reuse = file_bytes(&p) > 0 && a.keep.is_some();
            if reuse {
                eprintln!("morgue-bench: reusing {}", p.display());
            } else {
                eprintln!(
                    "morgue-bench: generating {} synthetic articles (seed {})...",
                    a.generate, a.seed
                );
                let t = Instant::now();
                let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(&p)?);
                let s = synth::write_corpus(&mut w, &opts)?;
                w.flush()?;
                eprintln!(
                    "morgue-bench: generated {:.1} MB in {:.1} s ({} quotes, {} captions)",
                    s.bytes as f64 / 1e6,
                    t.elapsed().as_secs_f64(),
                    s.quotes,
                    s.captions
                );
            }
            synthetic_top = synth::Generator::new(opts)
                .most_quoted(1)
                .into_iter()
                .next();
            p
        }
    };
    res.input = input.display().to_string();
    res.input_bytes = file_bytes(&input);
    let mb = res.input_bytes as f64 / 1e6;

    // (1) the limit
    let limit_db = dir.join("limit.db");
    remove_db(&limit_db);
    eprintln!("morgue-bench: (1) the limit: plain rows + FTS5...");
    let load = load_average();
    let mut cmd = Command::new(&exe);
    cmd.arg("limit")
        .arg("--input")
        .arg(&input)
        .arg("--db")
        .arg(&limit_db);
    let m = measure(cmd, &logs, "limit")?;
    if !m.ok {
        bail!("the limit step failed: {}", m.stderr.trim());
    }
    let n: u64 = m
        .stdout
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    res.articles_in_input = n;
    let limit_rate = n as f64 / m.secs;
    res.steps.push(step_row(
        "limit: plain rows + FTS5, no extraction",
        n,
        mb,
        &m,
        limit_rate,
        load,
    ));
    res.limit_db_bytes_per_article = db_bytes(&limit_db) as f64 / n.max(1) as f64;
    if a.keep.is_none() {
        remove_db(&limit_db);
    }

    // (2) morgue ingest
    let archive = dir.join("archive.db");
    remove_db(&archive);
    eprintln!("morgue-bench: (2) morgue ingest...");
    let load = load_average();
    let input_arg = input.display().to_string();
    let m = run_morgue(&morgue, &archive, &["ingest", &input_arg], &logs, "ingest")?;
    let stored = {
        let ar = Archive::open_read_only(&archive).context("ingest left no archive")?;
        ar.query_i64("SELECT count(*) FROM articles", &[])? as u64
    };
    res.steps.push(step_row(
        "morgue ingest (full extraction)",
        stored,
        mb,
        &m,
        limit_rate,
        load,
    ));

    // (2b) the same file again: every article is already stored
    eprintln!("morgue-bench: (2b) morgue ingest of the same file again...");
    let load = load_average();
    let m = run_morgue(
        &morgue,
        &archive,
        &["ingest", &input_arg],
        &logs,
        "reingest",
    )?;
    res.steps.push(step_row(
        "morgue ingest again (all stored: unchanged)",
        stored,
        mb,
        &m,
        limit_rate,
        load,
    ));

    // (3) morgue reextract --all: extraction comes out as stored, so nothing is written
    // again; (3b) with --rewrite, every article is stored again
    if !a.no_reextract {
        for (args, log, label) in [
            (
                &["reextract", "--all"][..],
                "reextract",
                "morgue reextract --all (nothing changed)",
            ),
            (
                &["reextract", "--all", "--rewrite"][..],
                "rewrite",
                "morgue reextract --all --rewrite",
            ),
        ] {
            eprintln!("morgue-bench: (3) morgue {}...", args.join(" "));
            let load = load_average();
            let m = run_morgue(&morgue, &archive, args, &logs, log)?;
            res.steps
                .push(step_row(label, stored, mb, &m, limit_rate, load));
        }
    }

    // (5) size, before the reports touch anything
    res.archive_bytes = db_bytes(&archive);
    res.archive_articles = stored;
    res.archive_bytes_per_article = res.archive_bytes as f64 / stored.max(1) as f64;
    res.input_bytes_per_article = res.input_bytes as f64 / n.max(1) as f64;
    res.tables = table_sizes(&archive);

    // (4) reports
    eprintln!("morgue-bench: (4) reports, {} repetitions each...", a.reps);
    let ar = Archive::open_read_only(&archive)?;
    let person = match &a.person {
        Some(p) => p.clone(),
        None => most_quoted(&ar)
            .or(synthetic_top)
            .unwrap_or_else(|| "Smith".into()),
    };
    let outlet = match &a.outlet {
        Some(o) => o.clone(),
        None => biggest_outlet(&ar).unwrap_or_else(|| "Reuters".into()),
    };
    let has_timeline = {
        let mut cmd = Command::new(&morgue);
        cmd.args(["timeline", "--help"]);
        measure(cmd, &logs, "timeline-help")
            .map(|m| m.ok)
            .unwrap_or(false)
    };
    let people_q = report::people(
        &Filters {
            limit: Some(20),
            ..Filters::default()
        },
        PeopleBy::Quotes,
    );
    let quotes_q = report::quotes(
        &ar,
        &Filters {
            person: Some(person.clone()),
            ..Filters::default()
        },
        None,
        None,
        false,
    )?;
    let search_q = report::search(&a.search, false, SearchIn::All, 20);
    let articles_q = report::articles(&Filters {
        outlet: Some(outlet.clone()),
        ..Filters::default()
    });
    let sources_q = report::sources(&Filters::default());
    let mut reports: Vec<(String, Vec<String>, Option<report::Query>)> = vec![
        (
            "people --top 20".into(),
            args(&["people", "--top", "20"]),
            Some(people_q),
        ),
        ("sources".into(), args(&["sources"]), Some(sources_q)),
        (
            format!("quotes --person \"{person}\""),
            args(&["quotes", "--person", &person]),
            Some(quotes_q),
        ),
        (
            format!("search \"{}\"", a.search),
            args(&["search", &a.search]),
            Some(search_q),
        ),
        (
            format!("articles --outlet \"{outlet}\""),
            args(&["articles", "--outlet", &outlet]),
            Some(articles_q),
        ),
    ];
    if has_timeline {
        let q = report::timeline(&Filters::default(), Period::Month, Counted::Articles);
        reports.push(("timeline".into(), args(&["timeline"]), Some(q)));
    }
    let mut plans = Vec::new();
    for (name, argv, query) in &reports {
        let mut times = Vec::new();
        let mut peak = 0u64;
        let mut ok = true;
        for rep in 0..=a.reps {
            let mut cmd = Command::new(&morgue);
            cmd.arg("--db")
                .arg(&archive)
                .args(argv)
                .args(["--format", "tsv"]);
            let m = measure(cmd, &logs, "report")?;
            ok &= m.ok;
            if !m.ok {
                eprintln!(
                    "morgue-bench: warning: `morgue {}` failed: {}",
                    argv.join(" "),
                    last_lines(&m.stderr, 3)
                );
                break;
            }
            peak = peak.max(m.peak_rss);
            if rep > 0 {
                // the first run warms the page cache
                times.push(m.secs * 1000.0);
            }
        }
        let (query_ms, rows) = match query {
            Some(q) => {
                let mut qt = Vec::new();
                let mut rows = 0;
                for _ in 0..=a.reps {
                    let t = Instant::now();
                    match ar.query_all(&q.sql, &q.params) {
                        Ok((_, r)) => rows = r.len(),
                        Err(e) => {
                            eprintln!("morgue-bench: warning: query of {name} failed: {e}");
                            break;
                        }
                    }
                    qt.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                if qt.len() > 1 {
                    qt.remove(0);
                }
                if a.explain {
                    plans.push((name.clone(), q.sql.clone(), explain(&ar, q)));
                }
                (Some(median(qt)), Some(rows))
            }
            None => (None, None),
        };
        res.reports.push(ReportRow {
            report: name.clone(),
            process_ms: median(times),
            query_ms,
            peak_rss_mb: peak as f64 / 1e6,
            rows,
            ok,
        });
    }
    drop(ar);

    // (6) more articles into the big archive against into an empty one
    if a.more > 0 {
        eprintln!(
            "morgue-bench: (6) {} more articles into the big archive and into an empty one...",
            a.more
        );
        let (mut big, mut empty) = (Vec::new(), Vec::new());
        for k in 0..3u64 {
            let more = dir.join(format!("more-{k}.jsonl"));
            let opts = synth::Options {
                seed: a.seed.wrapping_add(1000 + k),
                count: a.more,
                id_prefix: format!("more-{}-{k}-", a.seed),
                ..synth::Options::default()
            };
            let mut w = BufWriter::new(std::fs::File::create(&more)?);
            synth::write_corpus(&mut w, &opts)?;
            w.flush()?;
            let fresh = dir.join(format!("empty-{k}.db"));
            remove_db(&fresh);
            let mut cmd = Command::new(&morgue);
            cmd.arg("--db").arg(&fresh).arg("ingest").arg(&more);
            empty.push(measure(cmd, &logs, "more-empty")?.secs);
            remove_db(&fresh);
            let mut cmd = Command::new(&morgue);
            cmd.arg("--db").arg(&archive).arg("ingest").arg(&more);
            big.push(measure(cmd, &logs, "more-big")?.secs);
            let _ = std::fs::remove_file(&more);
        }
        res.more_articles = a.more;
        res.more_ms_per_article_empty = median(empty) * 1000.0 / a.more as f64;
        res.more_ms_per_article_big = median(big) * 1000.0 / a.more as f64;
        res.more_ratio_big_to_empty = res.more_ms_per_article_big / res.more_ms_per_article_empty;
    }

    print_results(&res, a.reps);
    for (name, sql, plan) in &plans {
        println!(
            "\nEXPLAIN QUERY PLAN  {name}\n{}\n{plan}",
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    if let Some(path) = &a.json {
        std::fs::write(path, serde_json::to_string_pretty(&res)?)?;
    }
    if work.keep {
        eprintln!(
            "morgue-bench: kept the corpus, archives and logs in {}",
            dir.display()
        );
    }
    Ok(())
}

fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

fn remove_db(p: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", p.display()));
    }
}

fn last_lines(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join(" / ")
}

/// Run `morgue --db ARCHIVE ARGS...` as a measured child process; a failure is
/// reported as a warning (the figures are still printed).
fn run_morgue(
    morgue: &Path,
    archive: &Path,
    args: &[&str],
    logs: &Path,
    name: &str,
) -> anyhow::Result<Measured> {
    let mut cmd = Command::new(morgue);
    cmd.arg("--db").arg(archive).args(args);
    let m = measure(cmd, logs, name)?;
    if !m.ok {
        eprintln!(
            "morgue-bench: warning: {name} exited with an error: {}",
            last_lines(&m.stderr, 5)
        );
    }
    Ok(m)
}

fn step_row(
    step: &str,
    articles: u64,
    mb: f64,
    m: &Measured,
    limit_rate: f64,
    load: String,
) -> StepRow {
    let rate = articles as f64 / m.secs;
    StepRow {
        step: step.into(),
        articles,
        seconds: m.secs,
        cpu_seconds: m.cpu_secs,
        articles_per_s: rate,
        mb_per_s: mb / m.secs,
        peak_rss_mb: m.peak_rss as f64 / 1e6,
        ratio_to_limit: rate / limit_rate,
        load_before: load,
        ok: m.ok,
    }
}

fn most_quoted(ar: &Archive) -> Option<String> {
    let sql =
        "SELECT p.name FROM quotes q JOIN people p ON p.id = q.person_id GROUP BY p.id ORDER BY count(*) DESC LIMIT 1";
    let (_, rows) = ar.query_all(sql, &[]).ok()?;
    match rows.first()?.first()? {
        Cell::Text(s) => Some(s.clone()),
        _ => None,
    }
}

fn biggest_outlet(ar: &Archive) -> Option<String> {
    let sql = "SELECT s.name FROM articles a JOIN sources s ON s.id = a.outlet_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1";
    let (_, rows) = ar.query_all(sql, &[]).ok()?;
    match rows.first()?.first()? {
        Cell::Text(s) => Some(s.clone()),
        _ => None,
    }
}

fn explain(ar: &Archive, q: &report::Query) -> String {
    match ar.query_all(&format!("EXPLAIN QUERY PLAN {}", q.sql), &q.params) {
        Ok((_, rows)) => {
            // rows are (id, parent, notused, detail): indent by depth
            let mut depth: Vec<(i64, usize)> = Vec::new();
            let mut out = String::new();
            for r in rows {
                let (id, parent) = match (&r[0], &r[1]) {
                    (Cell::Int(i), Cell::Int(p)) => (*i, *p),
                    _ => (0, 0),
                };
                let d = depth
                    .iter()
                    .find(|(i, _)| *i == parent)
                    .map(|(_, d)| d + 1)
                    .unwrap_or(0);
                depth.push((id, d));
                out.push_str(&format!("{}{}\n", "  ".repeat(d + 1), r[3].display()));
            }
            out
        }
        Err(e) => format!("  (cannot explain: {e})\n"),
    }
}

/// Bytes per table and index, when the SQLite build has the dbstat table.
fn table_sizes(db: &Path) -> Vec<(String, u64)> {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return Vec::new();
    };
    let Ok(mut st) =
        conn.prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
    else {
        return Vec::new();
    };
    st.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
    })
    .map(|rows| rows.filter_map(|r| r.ok()).collect())
    .unwrap_or_default()
}

fn print_results(r: &Results, reps: usize) {
    let mut o = String::new();
    o.push_str(&format!(
        "\nmorgue-bench  {}  cores: {}  load at start: {}\ninput: {} ({} articles, {:.1} MB)\n\n",
        r.started_utc,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        r.load_at_start,
        r.input,
        r.articles_in_input,
        r.input_bytes as f64 / 1e6
    ));
    o.push_str(
        "| step | articles | seconds | CPU seconds | articles/s | MB/s | peak RSS MB | x limit | load before |\n",
    );
    o.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for s in &r.steps {
        o.push_str(&format!(
            "| {}{} | {} | {:.2} | {:.2} | {:.0} | {:.2} | {:.0} | {:.2} | {} |\n",
            s.step,
            if s.ok { "" } else { " (FAILED)" },
            s.articles,
            s.seconds,
            s.cpu_seconds,
            s.articles_per_s,
            s.mb_per_s,
            s.peak_rss_mb,
            s.ratio_to_limit,
            s.load_before
        ));
    }
    o.push_str(&format!(
        "\n| report (median of {reps}, after a warm-up) | as a process, ms | query alone, ms | rows | peak RSS MB |\n"
    ));
    o.push_str("|---|---:|---:|---:|---:|\n");
    for rep in &r.reports {
        o.push_str(&format!(
            "| {}{} | {:.1} | {} | {} | {:.0} |\n",
            rep.report,
            if rep.ok { "" } else { " (FAILED)" },
            rep.process_ms,
            rep.query_ms
                .map(|q| format!("{q:.1}"))
                .unwrap_or_else(|| "-".into()),
            rep.rows
                .map(|n| n.to_string())
                .unwrap_or_else(|| "-".into()),
            rep.peak_rss_mb
        ));
    }
    o.push_str(&format!(
        "\narchive: {:.1} MB for {} articles = {:.0} bytes/article (limit db: {:.0}, input JSON: {:.0})\n",
        r.archive_bytes as f64 / 1e6,
        r.archive_articles,
        r.archive_bytes_per_article,
        r.limit_db_bytes_per_article,
        r.input_bytes_per_article
    ));
    if !r.tables.is_empty() {
        let parts: Vec<String> = r
            .tables
            .iter()
            .take(12)
            .map(|(n, b)| format!("{n} {:.0}", *b as f64 / r.archive_articles.max(1) as f64))
            .collect();
        o.push_str(&format!("bytes/article by table: {}\n", parts.join(", ")));
    }
    if r.more_articles > 0 {
        o.push_str(&format!(
            "{} more articles: {:.3} ms/article into the big archive, {:.3} into an empty one: ratio {:.2} (median of 3, process start included)\n",
            r.more_articles, r.more_ms_per_article_big, r.more_ms_per_article_empty, r.more_ratio_big_to_empty
        ));
    }
    o.push_str(&format!("load at end: {}\n", load_average()));
    print!("{o}");
}
