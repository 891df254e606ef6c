// throwaway: delete before finishing
use morgue::model::*;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let blocks = text
        .split("\n\n")
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(Block::paragraph)
        .collect();
    let doc = Document {
        meta: Metadata::default(),
        blocks,
        format: Format::Text,
    };
    let x = morgue::extract::extract(&doc);
    println!("{}", serde_json::to_string_pretty(&serde_json::json!({
        "people": x.people, "captions": x.captions, "embeds": x.embeds, "sources": x.sources, "dateline": x.dateline, "published": x.published, "authors": x.authors
    })).unwrap());
}
