//! The `morgue` binary: parse arguments, run, map the result to an exit code.
//! 0: done; 1: partial (some inputs refused, the rest stored); 2: error.
//! A closed pipe (`morgue quotes | head`) is not an error, and no backtrace reaches users.

use clap::Parser;
use morgue::cli::Cli;
use morgue::commands::{run, Outcome};
use std::process::ExitCode;

// Extraction allocates many small strings on two threads at once; mimalloc's per-thread
// free lists serve them faster than the system allocator (see the speed notes in the README).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    morgue::memory::no_huge_pages();
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "morgue: {}",
                morgue::report::format::sanitize(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
