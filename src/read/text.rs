//! Plain-text articles: paragraphs separated by blank lines, sub-headings as short lines.
//!
//! Real text comes in three layouts: blank-line paragraphs (most saved articles),
//! hard-wrapped lines with indented paragraph starts (wire dumps), and one paragraph per
//! line (scrapers). [`paragraphs`] recognises all three; [`blocks`] then tells sub-headings
//! (short lines with no closing punctuation) from paragraphs.
//!
//! A saved article often opens with its headline and a "By ..." line before the text.
//! [`lead_matter`] takes those out of the blocks as the title and the byline, as the
//! HTML reader does from a page's markup, so that the headline is not read as a
//! sub-heading and the author is stored as the author.

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
    // the cheap tests first: most paragraphs are far longer than any heading, and 90
    // characters take at most 360 bytes
    if p.len() > 360 || p.chars().count() > 90 {
        return false;
    }
    let last = p.trim_end().chars().last().unwrap_or('.');
    let first = p.trim_start().chars().next().unwrap_or(' ');
    !".!?:;,\"”’'»)…-—".contains(last)
        && (first.is_uppercase() || first.is_numeric())
        && (1..=12).contains(&p.split_whitespace().count())
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

/// Most blocks before the text that may hold the byline ("By ...").
const BYLINE_WITHIN: usize = 3;

/// The headline and the byline at the top of a text article: (title, byline, the blocks
/// left). The first block is the title when it has the shape of a heading and more
/// follows it; a "By Name" line among the first few blocks is the byline. Neither is
/// taken when it is all there is.
pub fn lead_matter(
    mut blocks: Vec<Block>,
    want_title: bool,
) -> (Option<String>, Option<String>, Vec<Block>) {
    let mut title = None;
    if want_title && blocks.len() > 1 && blocks[0].kind == BlockKind::Heading {
        title = Some(blocks.remove(0).text);
    }
    let found = blocks
        .iter()
        .take(BYLINE_WITHIN)
        .enumerate()
        .find_map(|(i, b)| byline_line(&b.text).map(|names| (i, names.to_string())))
        .filter(|_| blocks.len() > 1);
    let byline = found.map(|(i, names)| {
        blocks.remove(i);
        names
    });
    (title, byline, blocks)
}

/// "By Dana Whitlock", "BY ANN LEE AND BO PARK", "By Greg McCune, Reuters": the names
/// after "By" on a short line of their own. A sentence ("By noon the crowd had gone.")
/// is not a byline: it ends like one, or runs long, or its next word is not capitalised.
pub fn byline_line(text: &str) -> Option<&str> {
    let t = text.trim();
    let rest = ["By ", "BY ", "by "]
        .iter()
        .find_map(|p| t.strip_prefix(p))?
        .trim();
    let words = rest.split_whitespace().count();
    let first = rest.chars().next()?;
    let last = rest.chars().last()?;
    // "By J.D. Vance" may end on an initial's dot; a sentence ends on a word's
    let sentence_end = matches!(last, '!' | '?' | ':' | ';' | '"' | '”')
        || (last == '.' && rest.rsplit(' ').next().is_none_or(|w| w.len() > 2));
    ((1..=12).contains(&words)
        && first.is_uppercase()
        && rest.chars().count() <= 100
        && !sentence_end
        && !rest.contains(['“', '"']))
    .then_some(rest)
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
    fn headline_and_byline_at_the_top() {
        let b = blocks("Harbour strike ends after ten days\n\nBy Ann Lee and Bo Park\n\nDockers went back to work on Monday.\n\nA new chapter begins\n\nShips sailed.");
        let (title, byline, rest) = lead_matter(b, true);
        assert_eq!(title.as_deref(), Some("Harbour strike ends after ten days"));
        assert_eq!(byline.as_deref(), Some("Ann Lee and Bo Park"));
        assert_eq!(rest[0].text, "Dockers went back to work on Monday.");
        assert_eq!(rest[1].kind, BlockKind::Heading);
    }

    #[test]
    fn no_lead_matter_in_a_plain_story() {
        let b = blocks("Dockers went back to work on Monday.\n\nBy noon the quay was busy again.\n\nShips sailed.");
        let (title, byline, rest) = lead_matter(b, true);
        assert_eq!((title, byline), (None, None));
        assert_eq!(rest.len(), 3);
        // a heading alone is the text, not a title
        let (title, _, rest) = lead_matter(blocks("Talks resume in Geneva"), true);
        assert_eq!(title, None);
        assert_eq!(rest.len(), 1);
    }

    #[test]
    fn byline_lines() {
        assert_eq!(
            byline_line("By Greg McCune, Reuters"),
            Some("Greg McCune, Reuters")
        );
        assert_eq!(byline_line("BY ANN LEE"), Some("ANN LEE"));
        assert_eq!(byline_line("By J.D. Vance"), Some("J.D. Vance"));
        assert_eq!(byline_line("By noon the quay was busy again."), None);
        assert_eq!(byline_line("By the way, nobody came."), None);
        assert_eq!(byline_line("Bystanders cheered"), None);
    }

    #[test]
    fn sentences_are_not_headings() {
        assert!(!looks_like_heading("The mayor resigned."));
        assert!(!looks_like_heading("“We are ready,” she said"));
        assert!(looks_like_heading("Talks resume in Geneva"));
    }
}
