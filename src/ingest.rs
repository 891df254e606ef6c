//! Ingest: inputs -> documents -> extraction -> the archive, as a pipeline.
//!
//! A reader thread walks the inputs and reads them as bytes (streaming JSON Lines a line
//! at a time); each batch is then parsed and extracted on all cores with rayon and
//! handed to the caller's thread, which is the only writer: one transaction per batch.
//! Memory is bounded by the batch size (in inputs and in bytes) and the channel depth,
//! not by the size of the input.
//! Every bad input becomes one [`Event::Problem`] naming the file (and line), and the
//! rest of the run goes on.

use crate::archive::load::{identity, Prepared};
use crate::archive::{Archive, LoadOutcome};
use crate::extract::extract;
use crate::model::Format;
use crate::read::{self, FormatChoice, Origin, Overrides, ReadError};
use rayon::prelude::*;
use std::io::BufRead;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, SyncSender};

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub format: FormatChoice,
    pub overrides: Overrides,
    pub fail_fast: bool,
    /// Articles extracted together (memory is bounded by a few batches).
    pub batch_size: usize,
    /// Articles per transaction: batches are committed together until this many wait.
    pub commit_every: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            format: FormatChoice::Auto,
            overrides: Overrides::default(),
            fail_fast: false,
            batch_size: 1000,
            commit_every: 10_000,
        }
    }
}

/// What happened during an ingest, as it happens.
#[derive(Debug, Clone)]
pub enum Event {
    /// An input (or line) that could not be stored.
    Problem { origin: String, message: String },
    /// An input stored with a caveat (decoded as Windows-1252, ...).
    Warning { origin: String, message: String },
    /// Articles handled so far.
    Progress { done: u64 },
}

/// Totals of one ingest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub stored: u64,
    pub unchanged: u64,
    pub duplicates: u64,
    pub failed: u64,
    pub warnings: u64,
}

enum Msg {
    Batch(Vec<Prepared>),
    /// Inputs found already stored before extraction: left unchanged.
    Known(u64),
    Problem(Origin, String),
    Warning(Origin, String),
}

/// Ingest every input (files, folders, `-` for stdin) into the archive.
pub fn ingest(
    archive: &mut Archive,
    inputs: &[String],
    opts: &IngestOptions,
    mut on_event: impl FnMut(Event),
) -> crate::archive::Result<Summary> {
    // two batches waiting are enough to keep the writer busy; each more costs ~10 MB
    let (tx, rx) = sync_channel::<Msg>(2);
    let stop = AtomicBool::new(false);
    let mut summary = Summary::default();
    let known = archive.known_inputs();
    let mut loader = archive.loader().commit_every(opts.commit_every);
    let result = std::thread::scope(|scope| {
        let stop = &stop;
        scope.spawn(move || {
            let mut reader = Reader {
                opts,
                tx,
                batch: Vec::new(),
                batch_bytes: 0,
                stop,
                known,
            };
            for input in inputs {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                reader.input(input);
            }
            reader.flush();
        });
        for msg in rx {
            match msg {
                Msg::Batch(items) => {
                    let outcomes = match loader.store_batch(&items) {
                        Ok(o) => o,
                        Err(e) => {
                            stop.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    };
                    for o in outcomes {
                        match o {
                            LoadOutcome::Stored { duplicate_of, .. } => {
                                summary.stored += 1;
                                summary.duplicates += duplicate_of.is_some() as u64;
                            }
                            LoadOutcome::Unchanged { .. } => summary.unchanged += 1,
                        }
                    }
                    on_event(Event::Progress {
                        done: summary.stored + summary.unchanged,
                    });
                }
                Msg::Known(n) => {
                    summary.unchanged += n;
                    on_event(Event::Progress {
                        done: summary.stored + summary.unchanged,
                    });
                }
                Msg::Problem(origin, message) => {
                    summary.failed += 1;
                    on_event(Event::Problem {
                        origin: origin.to_string(),
                        message,
                    });
                    if opts.fail_fast {
                        stop.store(true, Ordering::Relaxed);
                        break;
                    }
                }
                Msg::Warning(origin, message) => {
                    summary.warnings += 1;
                    on_event(Event::Warning {
                        origin: origin.to_string(),
                        message,
                    });
                }
            }
        }
        Ok(())
    });
    result?;
    loader.finish()?;
    Ok(summary)
}

/// Bytes of inputs read before a batch is parsed, however few they are.
const MAX_BATCH_BYTES: usize = 32 << 20;

/// One input as the reader thread found it. Parsing waits for the batch, where it runs on
/// all cores beside extraction: read on the one reader thread, JSON and HTML parsing kept
/// the other core idle while the writer waited.
enum Raw {
    /// One non-blank line of a JSON Lines file.
    Line(String),
    /// A whole article file, in the format it was taken for.
    File(Vec<u8>, Format),
}

impl Raw {
    fn len(&self) -> usize {
        match self {
            Raw::Line(s) => s.len(),
            Raw::File(b, _) => b.len(),
        }
    }
}

/// A raw input once parsed: a document ready to extract (else why there is none).
struct Parsed {
    doc: crate::model::Document,
    /// What makes it the same article as one stored (see [`identity`]).
    ident: String,
    /// A caveat to report beside storing it.
    warning: Option<&'static str>,
}

/// Parse one input and apply the command line's overrides to it.
fn parse(raw: Raw, overrides: &Overrides) -> Result<Parsed, String> {
    let read = match raw {
        Raw::Line(text) => read::jsonl::read_line(&text).and_then(|doc| {
            let no_text = doc.meta.title.is_none()
                && doc.meta.external_id.is_none()
                && doc.blocks.iter().all(|b| b.text.trim().is_empty());
            if no_text {
                Err(ReadError::NoText)
            } else {
                Ok((doc, false))
            }
        }),
        Raw::File(bytes, format) => read::read_document(&bytes, format),
    };
    match read {
        Ok((mut doc, fell_back)) => {
            overrides.apply(&mut doc.meta);
            let ident = identity(&doc);
            Ok(Parsed {
                doc,
                ident,
                warning: fell_back.then_some("not UTF-8: decoded as Windows-1252"),
            })
        }
        Err(e) => Err(e.to_string()),
    }
}

/// The reader side: walks inputs, reads and extracts documents, sends batches.
struct Reader<'a> {
    opts: &'a IngestOptions,
    tx: SyncSender<Msg>,
    /// Inputs read and waiting to be parsed and extracted together.
    batch: Vec<(Origin, Raw)>,
    /// Their bytes: a folder of saved pages fills memory long before `batch_size` files.
    batch_bytes: usize,
    stop: &'a AtomicBool,
    /// What the archive already holds: those inputs are not extracted again.
    known: Option<crate::archive::KnownInputs>,
}

impl Reader<'_> {
    fn send(&self, msg: Msg) {
        if self.tx.send(msg).is_err() {
            self.stop.store(true, Ordering::Relaxed);
        }
    }

    fn problem(&self, origin: Origin, message: impl Into<String>) {
        self.send(Msg::Problem(origin, message.into()));
    }

    fn input(&mut self, input: &str) {
        let origin = Origin {
            path: input.to_string(),
            line: None,
        };
        if input == "-" {
            self.file(input, true);
            return;
        }
        let path = Path::new(input);
        match std::fs::metadata(path) {
            Err(e) => self.problem(origin, format!("cannot read: {e}")),
            Ok(m) if m.is_dir() => self.folder(path),
            Ok(_) => self.file(input, true),
        }
    }

    fn folder(&mut self, dir: &Path) {
        let mut found = 0usize;
        for entry in walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            match entry {
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| dir.display().to_string());
                    let why = if e.loop_ancestor().is_some() {
                        "a symbolic link loop: skipped".to_string()
                    } else {
                        e.io_error()
                            .map(|io| format!("cannot read: {io}"))
                            .unwrap_or_else(|| e.to_string())
                    };
                    self.problem(Origin { path, line: None }, why);
                }
                Ok(entry) if entry.file_type().is_file() && read::is_article_file(entry.path()) => {
                    found += 1;
                    self.file(&entry.path().display().to_string(), false);
                }
                Ok(_) => {}
            }
        }
        if found == 0 {
            self.problem(
                Origin {
                    path: dir.display().to_string(),
                    line: None,
                },
                "no articles in this folder (looked for .txt, .md, .html, .jsonl and their .gz)",
            );
        }
    }

    fn format_for(&self, path: &str, head: &[u8]) -> Format {
        match self.opts.format {
            FormatChoice::Fixed(f) => f,
            FormatChoice::Auto => {
                let by_name = if path == "-" {
                    None
                } else {
                    read::format_from_name(path)
                };
                let sniffed = read::sniff_format(head);
                match by_name {
                    // a .json file that holds one object is still one article per line
                    Some(f) => f,
                    None => sniffed,
                }
            }
        }
    }

    fn file(&mut self, path: &str, _named: bool) {
        let origin = Origin {
            path: path.to_string(),
            line: None,
        };
        let mut reader = match read::open(path) {
            Ok(r) => r,
            Err(e) => return self.problem(origin, format!("cannot read: {e}")),
        };
        let head = match reader.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => return self.problem(origin, format!("cannot read: {e}")),
        };
        let format = self.format_for(path, &head);
        if format == Format::Jsonl {
            self.jsonl(path, reader);
            return;
        }
        let mut bytes = Vec::new();
        if let Err(e) = reader.read_to_end(&mut bytes) {
            let msg = if e.kind() == std::io::ErrorKind::InvalidInput
                || e.kind() == std::io::ErrorKind::InvalidData
            {
                format!("corrupt or truncated compressed file: {e}")
            } else {
                format!("cannot read: {e}")
            };
            return self.problem(origin, msg);
        }
        self.push(origin, Raw::File(bytes, format));
    }

    fn jsonl(&mut self, path: &str, mut reader: Box<dyn BufRead + Send>) {
        let mut line_no = 0usize;
        let mut buf = Vec::new();
        let mut any = false;
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return;
            }
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    let origin = Origin {
                        path: path.to_string(),
                        line: Some(line_no + 1),
                    };
                    return self.problem(origin, format!("cannot read further: {e}"));
                }
            }
            line_no += 1;
            let origin = Origin {
                path: path.to_string(),
                line: Some(line_no),
            };
            let bytes = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&buf);
            let Ok(text) = std::str::from_utf8(bytes) else {
                self.problem(origin, "not UTF-8 (JSON Lines must be UTF-8)");
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            any = true;
            self.push(origin, Raw::Line(text.to_string()));
        }
        if !any {
            self.problem(
                Origin {
                    path: path.to_string(),
                    line: None,
                },
                ReadError::Empty.to_string(),
            );
        }
    }

    fn push(&mut self, origin: Origin, raw: Raw) {
        self.batch_bytes += raw.len();
        self.batch.push((origin, raw));
        if self.batch.len() >= self.opts.batch_size || self.batch_bytes >= MAX_BATCH_BYTES {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        self.batch_bytes = 0;
        // each input parsed, with its identity, on all cores: asked of the archive, then stored
        let overrides = &self.opts.overrides;
        let parsed: Vec<(Origin, Result<Parsed, String>)> = std::mem::take(&mut self.batch)
            .into_par_iter()
            .map(|(origin, raw)| {
                let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    parse(raw, overrides)
                }))
                .unwrap_or_else(|_| {
                    Err("reading failed on this input (a bug: please report it)".into())
                });
                (origin, parsed)
            })
            .collect();
        let mut batch = Vec::with_capacity(parsed.len());
        for (origin, p) in parsed {
            match p {
                Ok(Parsed {
                    doc,
                    ident,
                    warning,
                }) => {
                    if let Some(w) = warning {
                        self.send(Msg::Warning(origin.clone(), w.into()));
                    }
                    batch.push((origin, doc, ident));
                }
                Err(why) => self.problem(origin, why),
            }
        }
        if let Some(known) = &self.known {
            let before = batch.len();
            batch.retain(|(_, _, ident)| !known.holds(ident));
            let held = (before - batch.len()) as u64;
            if held > 0 {
                self.send(Msg::Known(held));
            }
        }
        if batch.is_empty() {
            return;
        }
        let results: Vec<(Origin, Option<Prepared>)> = batch
            .into_par_iter()
            .map(|(origin, doc, ident)| {
                let extracted =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract(&doc)));
                let source_path = (origin.path != "-").then(|| origin.path.clone());
                let prepared = extracted
                    .ok()
                    .map(|extraction| Prepared::with_identity(doc, extraction, source_path, ident));
                (origin, prepared)
            })
            .collect();
        let mut ready = Vec::with_capacity(results.len());
        for (origin, p) in results {
            match p {
                Some(p) => ready.push(p),
                None => self.problem(
                    origin,
                    "extraction failed on this article (a bug: please report it)",
                ),
            }
        }
        self.send(Msg::Batch(ready));
    }
}
