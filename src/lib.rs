//! morgue: a local archive of news articles in one SQLite file.
//!
//! Inputs are read into [`model::Document`]s by [`read`], turned into
//! [`model::Extraction`]s by the pure functions of [`extract`], and stored by [`archive`],
//! the only module that talks to SQLite. [`report`] answers questions over the archive,
//! and [`commands`] are the thin entry points of the command line described in [`cli`].
pub mod archive;
pub mod cli;
pub mod commands;
pub mod extract;
pub mod ingest;
pub mod memory;
pub mod model;
pub mod read;
pub mod reextract;
pub mod report;
pub mod synth;
