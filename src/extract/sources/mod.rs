//! Sources an article credits: wire agencies whose copy it carries, agencies behind
//! its photos, and its dateline; plus the author names in its byline.
//!
//! The publishing outlet is not found here: the archive links it from the metadata.
//! Submodules: [`agencies`] (the lexicon of agency names), [`wire`] (where a credit is
//! a credit), [`dateline`], [`byline`] and [`names`] (what a person's name looks like,
//! shared with captions and embeds); [`ascii`] holds what the ASCII forms of the
//! dateline and sign-off patterns share.

pub mod agencies;
pub mod ascii;
pub mod byline;
pub mod dateline;
pub mod gated;
pub mod names;
pub mod wire;

pub use byline::clean_byline;

use crate::model::{BlockKind, Caption, Dateline, Document, SourceKind, SourceLink, SourceRole};

/// How many leading paragraphs may hold the dateline (a kicker or a photo may come first).
const DATELINE_PARAGRAPHS: usize = 3;
/// How many trailing paragraphs may hold a sign-off ("— The Associated Press").
const CLOSING_PARAGRAPHS: usize = 3;

/// Sources the article credits (wire services, photo agencies) and its dateline.
pub fn find_sources(doc: &Document, captions: &[Caption]) -> (Vec<SourceLink>, Option<Dateline>) {
    let body: Vec<(usize, &str)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| b.kind == BlockKind::Paragraph && !captions.iter().any(|c| c.block == *i))
        .map(|(i, b)| (i, b.text.as_str()))
        .collect();
    // every paragraph, captions read from text included: a closing "(AFP)" or "Source:
    // Reuters" carries a credit the caption rules also take for a picture's
    let paragraphs: Vec<(usize, &str)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind == BlockKind::Paragraph)
        .map(|(i, b)| (i, b.text.as_str()))
        .collect();

    let mut links: Vec<SourceLink> = Vec::new();
    let mut add = |name: &str, kind: SourceKind, role: SourceRole| {
        let link = SourceLink {
            name: name.to_string(),
            kind,
            role,
        };
        if !links.contains(&link) {
            links.push(link);
        }
    };
    for a in wire::credits_in_byline(&doc.meta.byline)
        .into_iter()
        .chain(wire::credits_in_byline(&doc.meta.author_fields))
    {
        add(a.name, a.kind, SourceRole::WireCredit);
    }
    // "By The Associated Press" as the first lines of a text (short: read as a heading)
    let head = doc
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading))
        .take(DATELINE_PARAGRAPHS + 1);
    for b in head {
        for a in wire::credits_in_byline_paragraph(&b.text) {
            add(a.name, a.kind, SourceRole::WireCredit);
        }
    }
    // the last paragraphs of the text (captions not counted), where sign-offs stand
    let closing_from = body
        .len()
        .checked_sub(CLOSING_PARAGRAPHS)
        .and_then(|n| body.get(n))
        .map_or(0, |&(i, _)| i);
    for &(i, text) in &paragraphs {
        // the opening block of a page with more after it may be a logo or kicker
        let opening = i == 0 && doc.blocks.len() > 1;
        let closing = i >= closing_from;
        let caption = captions.iter().any(|c| c.block == i);
        // a caption only as a closing line with no word of a picture in it, or an
        // article's copyright line ("©2024 Bloomberg L.P.")
        if caption && !(closing && (!wire::is_photo_credit(text) || is_copyright_line(text))) {
            continue;
        }
        for (a, _rule) in wire::credits_in_paragraph(text, opening, closing) {
            add(a.name, a.kind, SourceRole::WireCredit);
        }
    }
    for c in captions {
        if let Some(name) = c.agency.as_deref() {
            let kind = agencies::by_name(name).map_or(SourceKind::Other, |a| a.kind);
            add(name, kind, SourceRole::PhotoCredit);
        }
    }
    let published = doc.meta.published.as_deref();
    let dateline = body
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .find_map(|(_, t)| dateline::dateline_of(t, published));
    (links, dateline)
}

/// "©2024 Bloomberg L.P.", "Copyright 2024 The Associated Press. All rights reserved.":
/// a line that opens with a copyright and a year, with no photographer's slash.
fn is_copyright_line(text: &str) -> bool {
    let t = text.trim();
    if t.contains('/') {
        return false;
    }
    let Some(rest) = ["©", "(c)", "(C)", "Copyright", "COPYRIGHT", "copyright"]
        .iter()
        .find_map(|m| t.strip_prefix(m))
    else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '©');
    if rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return true;
    }
    // "© Agence France-Presse" alone: the article's, not a picture's (that has a caption)
    let name = rest.trim_end_matches(|c: char| !c.is_alphanumeric());
    let name = ["All rights reserved", "all rights reserved"]
        .iter()
        .find_map(|r| name.strip_suffix(r))
        .unwrap_or(name)
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    agencies::lookup(name).is_some_and(|a| a.kind == SourceKind::Wire)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Format, Metadata};

    fn doc(paras: &[&str], byline: &[&str]) -> Document {
        Document {
            meta: Metadata {
                byline: byline.iter().map(|s| s.to_string()).collect(),
                published: Some("2021-03-04".into()),
                ..Metadata::default()
            },
            blocks: paras.iter().map(|p| Block::paragraph(*p)).collect(),
            format: Format::Text,
        }
    }

    fn caption(block: usize, agency: &str) -> Caption {
        Caption {
            text: "x".into(),
            credit: None,
            photographer: None,
            agency: Some(agency.into()),
            provider: None,
            date: None,
            pictured: vec![],
            block,
            rule: "test".into(),
            confidence: 1.0,
        }
    }

    #[test]
    fn wire_photo_and_dateline() {
        let d = doc(
            &[
                "LIMA, March 3 (Reuters) - Miners went on strike.",
                "Police arrived. © Ana Ruiz/Getty Images",
                "The union told The Associated Press it would not yield.",
                "With EFE",
            ],
            &["By Tom Berg, Reuters"],
        );
        let (links, dl) = find_sources(&d, &[caption(1, "Getty Images"), caption(1, "AP")]);
        let got: Vec<(String, &str, &str)> = links
            .iter()
            .map(|l| (l.name.clone(), l.kind.as_str(), l.role.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Reuters".to_string(), "wire", "wire_credit"),
                ("EFE".to_string(), "wire", "wire_credit"),
                ("Getty Images".to_string(), "photo_agency", "photo_credit"),
                ("AP".to_string(), "wire", "photo_credit"),
            ]
        );
        let dl = dl.unwrap();
        assert_eq!(dl.place.as_deref(), Some("LIMA"));
        assert_eq!(dl.date.as_deref(), Some("2021-03-03"));
    }

    #[test]
    fn copyright_lines() {
        assert!(is_copyright_line("©2024 Bloomberg L.P."));
        assert!(is_copyright_line(
            "Copyright 2024 The Associated Press. All rights reserved."
        ));
        assert!(is_copyright_line("© Agence France-Presse"));
        assert!(is_copyright_line("© AFP. All rights reserved."));
        assert!(!is_copyright_line("© Ana Ruiz/AFP"));
        assert!(!is_copyright_line("© Ana Ruiz"));
        assert!(!is_copyright_line("The ferry at dawn. © AFP"));
    }

    #[test]
    fn told_the_ap_is_not_ap_copy() {
        let d = doc(&["The mayor told The Associated Press she would run."], &[]);
        assert!(find_sources(&d, &[]).0.is_empty());
    }
}
