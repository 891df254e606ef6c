// throwaway: delete before finishing
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let id = std::env::args().nth(2).unwrap();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        if !line.contains(&format!("\"id\": \"{id}\"")) {
            continue;
        }
        let doc = morgue::read::jsonl::read_line(line).unwrap();
        for b in &doc.blocks {
            println!("{:?} {:?}", b.kind, b.text);
        }
        let x = morgue::extract::extract(&doc);
        println!("{:?}\n{:?}\n{:?}", x.sources, x.dateline, x.captions);
    }
}
