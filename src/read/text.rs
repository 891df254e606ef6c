//! Plain-text articles: paragraphs separated by blank lines, sub-headings as short lines.
//!
//! Real text comes in three layouts: blank-line paragraphs (most saved articles),
//! hard-wrapped lines with indented paragraph starts (wire dumps), and one paragraph per
//! line (scrapers). [`paragraphs`] recognises all three; [`blocks`] then tells sub-headings
//! (short lines with no closing punctuation) from paragraphs.

use crate::model::{Block, BlockKind};

/// Longest line still considered part of a hard-wrapped paragraph.
const WRAP_WIDTH: usize = 100;

/// Split text into paragraphs, joining hard-wrapped lines.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in split_blank_lines(text) {
        let lines: Vec<&str> = chunk
            .lines()
            .map(|l| l.trim_end())
            .filter(|l| !l.trim().is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let wrapped = lines.len() > 1
            && lines[..lines.len() - 1]
                .iter()
                .all(|l| l.chars().count() <= WRAP_WIDTH);
        if wrapped {
            // hard-wrapped: indented lines start new paragraphs, others continue
            let mut cur = String::new();
            for (i, line) in lines.iter().enumerate() {
                let indented = line.starts_with(char::is_whitespace);
                if i > 0 && indented && !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(line.trim());
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        } else {
            out.extend(lines.iter().map(|l| l.trim().to_string()));
        }
    }
    out
}

fn split_blank_lines(text: &str) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                chunks.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push_str(line);
            cur.push('\n');
        }
    }
    if !cur.is_empty() {
        chunks.push(cur);
    }
    chunks
}

/// A short line without closing punctuation that is followed by more text: a sub-heading.
pub fn looks_like_heading(p: &str) -> bool {
    let words = p.split_whitespace().count();
    let last = p.trim_end().chars().last().unwrap_or('.');
    let first = p.trim_start().chars().next().unwrap_or(' ');
    (1..=12).contains(&words)
        && p.chars().count() <= 90
        && !".!?:;,\"”’'»)…-—".contains(last)
        && (first.is_uppercase() || first.is_numeric())
        && !p.contains('@')
        && !p.contains("://")
}

/// Paragraphs as blocks; headings are never the last block (a closing credit line is not a heading).
pub fn blocks(text: &str) -> Vec<Block> {
    let paras = paragraphs(text);
    let n = paras.len();
    paras
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let kind = if i + 1 < n && looks_like_heading(&p) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            Block::new(kind, p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_paragraphs_and_headings() {
        let b = blocks(
            "First paragraph of the story.\n\nA new chapter begins\n\nSecond paragraph.\n\nWith AP",
        );
        let kinds: Vec<_> = b.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(b[3].text, "With AP");
    }

    #[test]
    fn hard_wrapped_wire_text_with_indented_paragraphs() {
        let text = "The harbour board said on\nMonday that ferries would\nrun again.\n    A spokesman said the\nstrike was over.\n";
        assert_eq!(
            paragraphs(text),
            vec![
                "The harbour board said on Monday that ferries would run again.",
                "A spokesman said the strike was over."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_long_line() {
        let long1 = "a".repeat(120);
        let long2 = "b".repeat(130);
        assert_eq!(
            paragraphs(&format!("{long1}\n{long2}\n")),
            vec![long1, long2]
        );
    }

    #[test]
    fn sentences_are_not_headings() {
        assert!(!looks_like_heading("The mayor resigned."));
        assert!(!looks_like_heading("“We are ready,” she said"));
        assert!(looks_like_heading("Talks resume in Geneva"));
    }
}
