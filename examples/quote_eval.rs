// THROWAWAY harness (delete before finishing): JSONL {id,text} -> {id, quotes:[{text,speaker}]}
use morgue::model::{Document, Format, Metadata};
use std::io::{BufRead, Write};
fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        if line.trim().is_empty() { continue; }
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let text = v["text"].as_str().unwrap_or("");
        let blocks = morgue::read::text::blocks(text);
        let doc = Document { meta: Metadata::default(), blocks, format: Format::Text };
        let ex = morgue::extract::extract(&doc);
        let qs: Vec<serde_json::Value> = ex.quotes.iter().map(|q| {
            let sp = q.person.and_then(|i| ex.people.get(i)).map(|p| p.name.clone()).or(q.speaker_text.clone());
            if verbose {
                serde_json::json!({"text": q.text, "speaker": sp, "st": q.speaker_text, "rule": q.rule, "verb": q.verb, "kind": q.kind})
            } else {
                serde_json::json!({"text": q.text, "speaker": sp})
            }
        }).collect();
        let mut o = serde_json::json!({"id": v["id"], "quotes": qs});
        if verbose { o["people"] = serde_json::json!(ex.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>()); }
        writeln!(out, "{}", o).unwrap();
    }
}
