//! Readers: one input (a file, a JSON line, stdin) to a [`crate::model::Document`].
pub mod html;
