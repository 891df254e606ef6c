//! Any bytes read as jsonl, then extracted: no panic, no hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use morgue::model::Format;

fuzz_target!(|data: &[u8]| {
    if let Ok((doc, _)) = morgue::read::read_document(data, Format::Jsonl) {
        let _ = morgue::extract::extract(&doc);
    }
});
