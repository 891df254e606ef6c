// throwaway: delete before finishing
use morgue::model::*;
use std::io::BufRead;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let mode = std::env::args().nth(2).unwrap_or("split".into());
    let f = std::io::BufReader::new(std::fs::File::open(path).unwrap());
    let (mut n, mut credited, mut linked, mut missed) = (0, 0, 0, Vec::new());
    let (mut bylines, mut authors_ok, mut odd_authors) = (0, 0, Vec::new());
    let (mut dl_has, mut dl_found, mut dl_date_ok, mut dl_bad) = (0, 0, 0, Vec::new());
    let (mut caps, mut embeds, mut cap_ex) = (0, 0, Vec::new());
    let mut extra_wire = Vec::new();
    let t0 = std::time::Instant::now();
    for line in f.lines() {
        let line = line.unwrap();
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let body = s("body").unwrap_or_default();
        let dateline = s("dateline");
        let full = match &dateline {
            Some(d) => format!("{d} {body}"),
            None => body.clone(),
        };
        let blocks: Vec<Block> = if mode == "one" {
            vec![Block::paragraph(full.trim())]
        } else {
            full.split("\n    ")
                .flat_map(|p| p.split("\n\n"))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(Block::paragraph)
                .collect()
        };
        let byline: Vec<String> = s("byline").into_iter().collect();
        let meta = Metadata {
            byline: byline.clone(),
            published: s("date").and_then(|d| morgue::extract::dates::parse_date(&d)),
            outlet: Some("Reuters".into()),
            ..Default::default()
        };
        let doc = Document {
            meta,
            blocks,
            format: Format::Jsonl,
        };
        let x = morgue::extract::extract(&doc);
        n += 1;
        let last = body.trim_end().lines().last().unwrap_or("").to_lowercase();
        let should =
            last.contains("reuter") || byline.iter().any(|b| b.to_lowercase().contains("reuter"));
        let has = x
            .sources
            .iter()
            .any(|l| l.name == "Reuters" && l.role == SourceRole::WireCredit);
        if should {
            credited += 1;
            if has {
                linked += 1
            } else if missed.len() < 15 {
                missed.push(format!(
                    "{:?} | {:?}",
                    &body[body.len().saturating_sub(80)..],
                    byline
                ))
            }
        } else if has && extra_wire.len() < 15 {
            extra_wire.push(format!("{:?}", &body[body.len().saturating_sub(120)..]));
        }
        for l in &x.sources {
            if l.name != "Reuters" && extra_wire.len() < 30 {
                extra_wire.push(format!("OTHER {:?} in {:?}", l, v["id"]));
            }
        }
        if !byline.is_empty() {
            bylines += 1;
            if x.authors.len() >= 1 {
                authors_ok += 1
            };
            if (x.authors.len() != 1 || x.authors.iter().any(|a| a.split(' ').count() > 3))
                && odd_authors.len() < 40
            {
                odd_authors.push(format!("{:?} -> {:?}", byline, x.authors));
            }
        }
        if let Some(d) = &dateline {
            dl_has += 1;
            if let Some(got) = &x.dateline {
                dl_found += 1;
                if got.date.as_deref().map_or(false, |g| g.len() == 10) {
                    dl_date_ok += 1
                } else if d.chars().any(|c| c.is_ascii_digit()) && dl_bad.len() < 40 {
                    dl_bad.push(format!("{d:?} -> {got:?} pub {:?}", doc.meta.published))
                }
            } else if dl_bad.len() < 10 {
                dl_bad.push(format!("{d:?} -> none"));
            }
        }
        caps += x.captions.len();
        embeds += x.embeds.len();
        for c in &x.captions {
            if cap_ex.len() < 20 {
                cap_ex.push(format!(
                    "{} | {:?} | {:?}",
                    c.text.chars().take(100).collect::<String>(),
                    c.credit,
                    c.rule
                ));
            }
        }
    }
    println!("docs {n} in {:?}", t0.elapsed());
    println!("reuters credit: {linked}/{credited}");
    for m in &missed {
        println!("  MISS {m}");
    }
    for m in &extra_wire {
        println!("  EXTRA {m}");
    }
    println!("bylines with author: {authors_ok}/{bylines}");
    for m in &odd_authors {
        println!("  ODD {m}");
    }
    println!("datelines found {dl_found}/{dl_has}, dated {dl_date_ok}");
    for m in &dl_bad {
        println!("  DL {m}");
    }
    println!("captions {caps} embeds {embeds}");
    for m in &cap_ex {
        println!("  CAP {m}");
    }
}
