//! Markdown articles, with optional front matter (`---` YAML-style `key: value` lines).
//!
//! The front matter carries the metadata a text file cannot (`title`, `url`, `outlet`,
//! `published`, `byline`); CommonMark events from pulldown-cmark give headings and
//! paragraphs without markup, so links and emphasis do not leak into quotes.

use crate::model::{Block, BlockKind, Metadata};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// Split `---` front matter from the body. Returns (key/value pairs, body).
pub fn front_matter(text: &str) -> (Vec<(String, String)>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t
        .strip_prefix("---")
        .filter(|r| r.starts_with('\n') || r.starts_with("\r\n"))
    else {
        return (Vec::new(), t);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), t);
    };
    let head = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.split_once('\n').map(|(_, b)| b).unwrap_or("");
    let pairs = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_lowercase(), unquote(v.trim()).to_string()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect();
    (pairs, body)
}

fn unquote(v: &str) -> &str {
    let v = v.trim();
    if v.len() >= 2
        && ((v.starts_with('"') && v.ends_with('"')) || (v.starts_with('\'') && v.ends_with('\'')))
    {
        &v[1..v.len() - 1]
    } else {
        v
    }
}

/// Apply front matter keys to metadata (unknown keys are ignored).
pub fn apply_front_matter(meta: &mut Metadata, pairs: &[(String, String)]) {
    for (k, v) in pairs {
        match k.as_str() {
            "title" => meta.title = Some(v.clone()),
            "url" | "link" | "canonical" => meta.url = Some(v.clone()),
            "outlet" | "source" | "publication" | "site" => meta.outlet = Some(v.clone()),
            "published" | "date" | "published_at" => meta.published = Some(v.clone()),
            "byline" | "author" | "authors" => {
                let v = v.trim_start_matches('[').trim_end_matches(']');
                meta.byline = v
                    .split(',')
                    .map(|s| unquote(s).trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            "language" | "lang" => meta.language = Some(v.clone()),
            "id" => meta.external_id = Some(v.clone()),
            "section" => meta.section = Some(v.clone()),
            "description" | "summary" => meta.description = Some(v.clone()),
            _ => {}
        }
    }
}

/// Markdown body to blocks; the first level-1 heading is returned as the title.
pub fn blocks(body: &str) -> (Option<String>, Vec<Block>) {
    let mut title = None;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut heading: Option<HeadingLevel> = None;
    // the last link to a social post in the paragraph (the date under a tweet)
    let mut link: Option<String> = None;
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(p) = crate::extract::social::post_link(&dest_url) {
                    link = Some(p.url);
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some(level);
                cur.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                let text = collapse(&cur);
                if !text.is_empty() {
                    if heading == Some(HeadingLevel::H1) && title.is_none() && out.is_empty() {
                        title = Some(text);
                    } else {
                        out.push(Block::new(BlockKind::Heading, text));
                    }
                }
                heading = None;
                cur.clear();
            }
            Event::Start(Tag::Paragraph) | Event::Start(Tag::Item) => {
                cur.clear();
                link = None;
            }
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Item) => {
                let text = collapse(&cur);
                if !text.is_empty() {
                    let mut block = Block::paragraph(text);
                    block.url = link.take();
                    out.push(block);
                }
                cur.clear();
            }
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            _ => {}
        }
    }
    (title, out)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_title() {
        let md = "---\ntitle: \"Harbour reopens\"\noutlet: The Coastal Post\nbyline: [Ann Lee, Bo Park]\n---\n# Ignored because front matter has a title\n\nThe **harbour** [reopened](http://x) today.\n\n## Reaction\n\nPeople cheered.\n";
        let (pairs, body) = front_matter(md);
        let mut meta = Metadata::default();
        apply_front_matter(&mut meta, &pairs);
        assert_eq!(meta.title.as_deref(), Some("Harbour reopens"));
        assert_eq!(meta.outlet.as_deref(), Some("The Coastal Post"));
        assert_eq!(meta.byline, vec!["Ann Lee", "Bo Park"]);
        let (title, blocks) = blocks(body);
        assert_eq!(
            title.as_deref(),
            Some("Ignored because front matter has a title")
        );
        assert_eq!(blocks[0].text, "The harbour reopened today.");
        assert_eq!(blocks[1].kind, BlockKind::Heading);
    }

    #[test]
    fn no_front_matter() {
        let (pairs, body) = front_matter("Just text.");
        assert!(pairs.is_empty());
        assert_eq!(body, "Just text.");
    }
}
