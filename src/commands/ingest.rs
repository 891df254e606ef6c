//! `ingest` and `reextract`: progress and problems on stderr, a summary at the end.

use super::Outcome;
use crate::archive::Archive;
use crate::cli::{IngestArgs, InputFormat, ReextractArgs};
use crate::ingest::{ingest, Event, IngestOptions};
use crate::model::Format;
use crate::read::{FormatChoice, Overrides};
use crate::reextract::Step;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::Path;

fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let pb = ProgressBar::new_spinner();
    pb.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles {per_sec} {elapsed}").ok()?,
    );
    Some(pb)
}

pub fn run(db: &Path, a: IngestArgs) -> anyhow::Result<Outcome> {
    let mut archive = Archive::open(db)?;
    let format = match a.format {
        InputFormat::Auto => FormatChoice::Auto,
        InputFormat::Text => FormatChoice::Fixed(Format::Text),
        InputFormat::Markdown => FormatChoice::Fixed(Format::Markdown),
        InputFormat::Html => FormatChoice::Fixed(Format::Html),
        InputFormat::Jsonl => FormatChoice::Fixed(Format::Jsonl),
    };
    let opts = IngestOptions {
        format,
        overrides: Overrides {
            title: a.title,
            url: a.url,
            outlet: a.outlet,
            published: a.published,
        },
        fail_fast: a.fail_fast,
        batch_size: a.batch_size.max(1),
        commit_every: a.commit_every,
    };
    let pb = progress_bar();
    let summary = ingest(&mut archive, &a.inputs, &opts, |ev| match ev {
        Event::Problem { origin, message } => {
            let line = format!(
                "morgue: {}: {}",
                crate::report::format::sanitize(&origin),
                message
            );
            match &pb {
                Some(pb) => pb.println(line),
                None => eprintln!("{line}"),
            }
        }
        Event::Warning { origin, message } => {
            let line = format!(
                "morgue: warning: {}: {}",
                crate::report::format::sanitize(&origin),
                message
            );
            match &pb {
                Some(pb) => pb.println(line),
                None => eprintln!("{line}"),
            }
        }
        Event::Progress { done } => {
            if let Some(pb) = &pb {
                pb.set_position(done);
            }
        }
    })?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    let mut parts = vec![format!(
        "stored {} new article{}",
        summary.stored,
        if summary.stored == 1 { "" } else { "s" }
    )];
    if summary.duplicates > 0 {
        parts.push(format!(
            "{} marked as duplicates of stored text",
            summary.duplicates
        ));
    }
    if summary.unchanged > 0 {
        parts.push(format!(
            "{} already in the archive (unchanged)",
            summary.unchanged
        ));
    }
    if summary.failed > 0 {
        parts.push(format!("{} refused", summary.failed));
    }
    eprintln!("morgue: {} in {}", parts.join(", "), db.display());
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

pub fn reextract(db: &Path, a: ReextractArgs) -> anyhow::Result<Outcome> {
    let mut archive = Archive::open_existing(db)?;
    let pb = progress_bar();
    let r = crate::reextract::reextract(&mut archive, a.all, a.rewrite, |step| {
        if let Some(pb) = &pb {
            show_step(pb, step);
        }
    })?;
    if let Some(pb) = pb {
        pb.finish_and_clear();
    }
    eprintln!(
        "morgue: re-extracted {} article{} ({} unchanged)",
        r.done,
        if r.done == 1 { "" } else { "s" },
        r.unchanged
    );
    Ok(report_left(&r))
}

/// A re-extraction's step on its progress bar: a count of articles while batches are
/// stored, then a spinner with what the full scans after them are doing, which on a
/// big archive take long enough to look like a hang without it.
fn show_step(pb: &ProgressBar, step: Step) {
    let message = match step {
        Step::Extracted { done, total } => {
            pb.set_length(total);
            pb.set_position(done);
            return;
        }
        Step::PruningPeople => "removing people no article names any more",
        Step::MergingIndexes => "merging the quote and caption full-text indexes",
    };
    if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} {elapsed}") {
        pb.set_style(style);
    }
    pb.set_message(message);
    pb.enable_steady_tick(std::time::Duration::from_millis(120));
}

/// Articles a re-extraction had to leave as they were, named by id.
pub fn report_left(r: &crate::reextract::Reextracted) -> Outcome {
    if r.left.is_empty() {
        return Outcome::Ok;
    }
    let shown: Vec<String> = r.left.iter().take(20).map(|id| id.to_string()).collect();
    eprintln!(
        "morgue: {} article(s) left as they were (their stored document could not be rebuilt or extraction failed): ids {}{}",
        r.left.len(),
        shown.join(", "),
        if r.left.len() > shown.len() { ", ..." } else { "" }
    );
    Outcome::Partial
}
