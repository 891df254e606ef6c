//! Sources an article credits: wire agencies whose copy it carries, agencies behind
//! its photos, and its dateline; plus the author names in its byline.
//!
//! The publishing outlet is not found here: the archive links it from the metadata.
//! Submodules: [`agencies`] (the lexicon of agency names), [`wire`] (where a credit is
//! a credit), [`dateline`], [`byline`] and [`names`] (what a person's name looks like,
//! shared with captions and embeds).

pub mod agencies;
pub mod byline;
pub mod dateline;
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
    for a in wire::credits_in_byline(&doc.meta.byline) {
        add(a.name, a.kind, SourceRole::WireCredit);
    }
    for (n, &(i, text)) in body.iter().enumerate() {
        // the opening block of a page with more after it may be a logo or kicker
        let opening = i == 0 && doc.blocks.len() > 1;
        let closing = n + CLOSING_PARAGRAPHS >= body.len();
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
    fn told_the_ap_is_not_ap_copy() {
        let d = doc(&["The mayor told The Associated Press she would run."], &[]);
        assert!(find_sources(&d, &[]).0.is_empty());
    }
}
