//! Any text as blocks of every kind straight into the extractors: no panic, no hang.
#![no_main]
use libfuzzer_sys::fuzz_target;
use morgue::model::{Block, BlockKind, Document, Format, Metadata};

fuzz_target!(|data: &str| {
    let kinds = [BlockKind::Paragraph, BlockKind::Heading, BlockKind::Caption, BlockKind::Embed];
    let blocks: Vec<Block> = data
        .split("\n\n")
        .enumerate()
        .map(|(i, t)| {
            let mut b = Block::new(kinds[i % 7 % 4], t);
            if i % 5 == 3 {
                b.credit = Some(t.chars().rev().take(40).collect());
            }
            b
        })
        .collect();
    let meta = Metadata { byline: data.lines().take(2).map(str::to_string).collect(), ..Metadata::default() };
    let _ = morgue::extract::extract(&Document { meta, blocks, format: Format::Text });
});
