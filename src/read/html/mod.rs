//! Saved web pages: one HTML page to a [`Document`].
//!
//! A page is decoded (`encoding`), has embedded posts taken out of their `<noscript>`
//! wrappers, is stripped of script and style bodies and capped in nesting (`prune`), parsed once with `scraper` (html5ever, the same tree a browser
//! builds), read for metadata (`meta`, dates in `date`), searched for the article
//! (`body`, over the arena of `dom`) and written out as blocks (`blocks`):
//! paragraphs and sub-headings of the story, photo captions with their credits, and
//! embedded posts. Paragraphs and headings make the body; captions and embeds are kept
//! as blocks of their own, so the body does not repeat them.
//!
//! [`read_html`] is a pure function that never fails: a truncated page, a page without a
//! body or a picture saved as `.html` gives a document with whatever could be read
//! (possibly no blocks), and the caller decides what an empty body means.

mod blocks;
mod body;
mod date;
mod dom;
mod encoding;
mod meta;
mod prune;

use crate::model::{Document, Format, Metadata};
use scraper::Html;

/// Read one HTML page.
pub fn read_html(bytes: &[u8]) -> Document {
    let empty = || Document {
        meta: Metadata::default(),
        blocks: Vec::new(),
        format: Format::Html,
    };
    if looks_binary(bytes) {
        return empty();
    }
    let text = encoding::decode(bytes);
    let text = prune::unwrap_noscript_posts(&text);
    let page = Html::parse_document(&prune::without_script_bodies(&text));
    let (mut meta, raw_title) = meta::read(&page);
    let title = meta.title.clone().unwrap_or(raw_title);
    let article = body::extract(&page, &title);
    if meta.byline.is_empty() {
        if let Some(b) = &article.byline {
            meta.byline = meta::clean_names(std::iter::once(b.as_str()), meta.outlet.as_deref());
        }
    }
    if meta.published.is_none() {
        meta.published = article
            .byline
            .as_deref()
            .and_then(date::from_text)
            .or_else(|| meta::visible_date(&page));
    }
    let blocks = blocks::emit(&article);
    Document {
        meta,
        blocks,
        format: Format::Html,
    }
}

/// Pictures, archives and other binary files saved under an `.html` name.
fn looks_binary(bytes: &[u8]) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"RIFF",
        b"\x00\x00\x01\x00",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let is_utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    let controls = head
        .iter()
        .filter(|&&b| b < 9 || (b > 13 && b < 32 && b != 27))
        .count();
    !is_utf16 && controls * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind};

    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/html/",
                $name
            ))
        };
    }

    fn of_kind(doc: &Document, kind: BlockKind) -> Vec<&Block> {
        doc.blocks.iter().filter(|b| b.kind == kind).collect()
    }

    #[test]
    fn json_ld_news_article() {
        let doc = read_html(fixture!("jsonld_newsarticle.html"));
        let m = &doc.meta;
        assert_eq!(doc.format, Format::Html);
        assert_eq!(
            m.title.as_deref(),
            Some("Harbour bridge reopens after storm repairs")
        );
        assert_eq!(m.byline, vec!["Maria Kowalczyk", "Tom Ashdown"]);
        assert_eq!(m.published.as_deref(), Some("2024-03-05T07:30:00+01:00"));
        assert_eq!(m.outlet.as_deref(), Some("The Morning Ledger"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
        assert_eq!(m.section.as_deref(), Some("Local"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://ledger.example/local/2024/03/05/harbour-bridge-reopens")
        );
        assert!(m
            .description
            .as_deref()
            .is_some_and(|d| d.starts_with("Traffic returns")));
    }

    #[test]
    fn body_keeps_story_and_drops_boilerplate() {
        let doc = read_html(fixture!("jsonld_newsarticle.html"));
        let body = doc.body();
        assert!(body.starts_with("The old harbour bridge reopened"));
        assert!(body.contains("it will publish the findings in full."));
        assert!(body.contains("\"We are relieved"));
        for junk in [
            "cookies",
            "Home",
            "Share on",
            "Related",
            "Storm damage in pictures",
            "newsletter",
            "Finally, it only took",
            "Copyright",
            "not text",
            "color: red",
        ] {
            assert!(!body.contains(junk), "{junk:?} in body:\n{body}");
        }
        let headings = of_kind(&doc, BlockKind::Heading);
        assert_eq!(headings.len(), 1, "{headings:?}");
        assert_eq!(headings[0].text, "Six weeks of detours");
        // The headline is the title, not a heading of the body.
        assert!(!body.contains("Harbour bridge reopens after storm repairs"));
    }

    #[test]
    fn lead_photo_above_the_article_keeps_its_caption() {
        let page = r#"<html><head><title>Pilots return to the harbour</title></head><body>
<nav><figure><img src="logo.png"><figcaption>Site menu picture. Photo: Menu/AP</figcaption></figure></nav>
<div class="header-wrap"><h1>Pilots return to the harbour</h1>
<figure><img src="a.jpg"><figcaption><span>A pilot boards a tanker at dawn.</span><span>Lena Pike—Getty Images</span></figcaption></figure></div>
<article><p>The harbour pilots went back to work on Monday after a week of talks with the port authority, which had tried to cut their hours and their pay.</p>
<p>"We are glad to be back at sea," said Ana Ruiz, who speaks for the pilots and has worked in the port for twenty years.</p>
<p>The port authority said it hoped the new rota would hold through the winter, when storms close the channel for days at a time.</p></article>
<div class="related-stories"><figure><img src="c.jpg"><figcaption>Another story. Photo: Tom Berg/AP</figcaption></figure></div>
</body></html>"#;
        let doc = read_html(page.as_bytes());
        let captions = of_kind(&doc, BlockKind::Caption);
        assert_eq!(captions.len(), 1, "{captions:?}");
        // the styled-apart spans are two words apart, not glued
        assert_eq!(
            captions[0].text,
            "A pilot boards a tanker at dawn. Lena Pike—Getty Images"
        );
        assert!(doc.body().contains("glad to be back"));
        assert!(!doc.body().contains("Lena Pike"));
    }

    /// Three paragraphs of made-up story, long enough to be chosen as the text.
    const STORY: &str = r#"<p>The ferry crews went back to work on Monday after a week of talks with the harbour board, which had tried to cut their shifts and their pay, and the union said it was pleased.</p>
<p>"We are glad to be back on the water," said Ines Varga, who speaks for the crews and has sailed the route for twenty years, adding that the talks had been hard.</p>
<p>The harbour board said it hoped the new rota would hold through the winter, when storms close the crossing for days at a time, and that no ferry would wait.</p>"#;

    /// A page with the headline "Ferries sail again" and `body` as its article's text.
    fn article_page(body: &str) -> String {
        format!(
            r#"<html><head><title>Ferries sail again</title></head><body><article><h1>Ferries sail again</h1>
<div class="article-body">{body}</div></article></body></html>"#
        )
    }

    fn captions_of(page: &str) -> Vec<(String, Option<String>)> {
        let doc = read_html(page.as_bytes());
        of_kind(&doc, BlockKind::Caption)
            .into_iter()
            .map(|b| (b.text.clone(), b.credit.clone()))
            .collect()
    }

    fn caption(text: &str, credit: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), credit.map(str::to_string))
    }

    #[test]
    fn lead_photo_in_a_header_the_first_pass_drops() {
        // "banner" marks the header as unlikely content; the text's container is then
        // the article's only live child and is chosen with the headline inside it
        let page = format!(
            r#"<html><head><title>Ferries sail again</title></head><body><article>
<header class="banner-headline"><h1>Ferries sail again</h1><div class="info"><span class="author">Tom Lind</span></div>
<figure><img src="a.jpg"><figcaption>A ferry leaves the quay at dawn. (Photo Paul Rey. AFP)</figcaption></figure></header>
<div class="article-body">{STORY}</div></article></body></html>"#
        );
        assert_eq!(
            captions_of(&page),
            vec![caption(
                "A ferry leaves the quay at dawn. (Photo Paul Rey. AFP)",
                None
            )]
        );
    }

    #[test]
    fn lead_photo_after_a_line_of_topic_links() {
        let page = format!(
            r#"<html><head><title>Ferries sail again</title></head><body><div class="main">
<h1>Ferries sail again</h1><span class="byline">Tom Lind</span>
<p class="topics">Topics: <a href="/t/1">ferries</a>, <a href="/t/2">harbours and ports</a>, <a href="/t/3">unions and labour</a>, <a href="/t/4">shipping news</a>, <a href="/t/5">Editor's Picks</a></p>
<div class="featured"><img src="a.jpg"><span class="caption">Crews on the quay <span class="photoCredit">(Credit: AP/Lena Holm)</span></span></div>
<div class="story">{STORY}</div></div></body></html>"#
        );
        assert_eq!(
            captions_of(&page),
            vec![caption("Crews on the quay", Some("(Credit: AP/Lena Holm)"))]
        );
    }

    #[test]
    fn caption_and_credit_side_by_side_are_one_caption() {
        let page = article_page(&format!(
            r#"<p>An opening paragraph long enough to count as text, with commas, clauses, and a few more words.</p>
<div class="image"><img src="a.jpg"><div class="image__meta"><div itemprop="caption" class="image__caption"><span>Crews wait on the quay in the rain.</span></div><figcaption class="image__credit">Lena Holm/Getty Images</figcaption></div></div>
{STORY}"#
        ));
        assert_eq!(
            captions_of(&page),
            vec![caption(
                "Crews wait on the quay in the rain.",
                Some("Lena Holm/Getty Images")
            )]
        );
    }

    #[test]
    fn figure_with_its_caption_beside_it() {
        let page = article_page(&format!(
            r#"{STORY}
<div class="gallery"><figure><img src="a.jpg"><span class="credit">Lena Holm/Reuters</span></figure><figcaption>Crews wait on the quay.</figcaption>
<figure><img src="b.jpg"></figure><figcaption>A ferry at dusk. Photo: Omar Said/AFP</figcaption></div>
<p>More of the story after the gallery, long enough to be counted as a paragraph of it, with commas.</p>"#
        ));
        assert_eq!(
            captions_of(&page),
            vec![
                caption("Crews wait on the quay.", Some("Lena Holm/Reuters")),
                caption("A ferry at dusk. Photo: Omar Said/AFP", None),
            ]
        );
    }

    #[test]
    fn captions_kept_only_in_attributes() {
        let page = article_page(&format!(
            r#"<p>An opening paragraph long enough to count as text, with commas, clauses, and a few more words.</p>
<div class="wrap"><img src="a.jpg" alt="crews" data-caption="Crews wait on the quay in the rain." data-credit="Lena Holm/Reuters"></div>
{STORY}
<div class="lazy" data-photo-credit="Paul Rey/AFP"><img src="b.jpg" alt="A ferry at dusk"></div>
<img src="c.jpg" alt="A view of the harbour from the hill">
<figure><img src="d.jpg" data-caption="The union hall." data-credit="Ana Sol/EFE"><figcaption>The union hall on Friday. <span class="credit">Ana Sol/EFE</span></figcaption></figure>
<div class="slide" data-image="https://example.com/board.jpg" data-caption="The board room, where the deal was signed." data-credit="Ana Sol/EFE"></div>
<div class="panel"><span class="caption">Friday: The board room, where the deal was signed.</span></div>
<div class="share" data-caption="Share this story"><a href="https://example.com/share">Share</a></div>
"#
        ));
        assert_eq!(
            captions_of(&page),
            vec![
                caption(
                    "Crews wait on the quay in the rain.",
                    Some("Lena Holm/Reuters")
                ),
                // a credit alone, and no caption from `alt`
                caption("", Some("Paul Rey/AFP")),
                // shown captions win over the attributes that repeat them
                caption("The union hall on Friday.", Some("Ana Sol/EFE")),
                caption("Friday: The board room, where the deal was signed.", None),
            ]
        );
    }

    #[test]
    fn picture_and_caption_in_a_table() {
        let page = format!(
            r#"<html><head><title>Ferries sail again</title></head><body><div class="story"><h1>Ferries sail again</h1>
<p>An opening paragraph long enough to count as text, with commas, clauses, and a few more words.</p>
<table class="photo"><tr><td><a href="/p/1.html"><img src="a.jpg" alt="AP Photo"></a></td><td><span>Crews wait on the quay on Monday, Nov. 2, 2020. (AP Photo/Lena Holm)</span></td></tr></table>
{STORY}
<table><tr><td><img src="b.jpg"></td><td>Fares, timetables and the new rota for the winter.</td></tr></table>
</div></body></html>"#
        );
        assert_eq!(
            captions_of(&page),
            vec![caption(
                "Crews wait on the quay on Monday, Nov. 2, 2020. (AP Photo/Lena Holm)",
                None
            )]
        );
    }

    #[test]
    fn copyright_line_inside_a_caption_is_its_credit() {
        let page = article_page(&format!(
            r#"<p>An opening paragraph long enough to count as text, with commas, clauses, and a few more words.</p>
<span class="storyimage"><img src="a.jpg"><span class="caption"><span class="attribution">© Provided by Example Media Inc</span> <span>Crews on the quay</span></span></span>
{STORY}"#
        ));
        assert_eq!(
            captions_of(&page),
            vec![caption(
                "Crews on the quay",
                Some("© Provided by Example Media Inc")
            )]
        );
    }

    #[test]
    fn posts_in_asides_and_noscript_and_video_frames() {
        let page = article_page(&format!(
            r#"{STORY}
<aside class="embed"><blockquote class="twitter-tweet"><p>Back on the water at last.</p>&mdash; Ferry Crews (@ferrycrews) <a href="https://twitter.com/ferrycrews/status/1400000000000000001">June 1, 2021</a></blockquote></aside>
<p>Another paragraph of the story, long enough, with commas, so that it is counted as text.</p>
<noscript><blockquote class="twitter-tweet"><p>The vote is in.</p>&mdash; Ines Varga (@ivarga) <a href="https://twitter.com/ivarga/status/1400000000000000002">June 2, 2021</a></blockquote></noscript>
<div class="twitter-tweet twitter-tweet-rendered"><iframe src="https://platform.twitter.com/embed/Tweet.html?id=1400000000000000002"></iframe></div>
<iframe src="https://player.vimeo.com/video/76543210?h=ab12" width="640"></iframe>
<iframe src="https://www.redditmedia.com/r/ferries/comments/q1w2e3/back_at_sea/?embed=true"></iframe>
<iframe src="https://www.linkedin.com/embed/feed/update/urn:li:share:7012345678901234567"></iframe>
<p>A last paragraph of the story, long enough, with commas, so that it is counted as text.</p>"#
        ));
        let doc = read_html(page.as_bytes());
        let urls: Vec<&str> = of_kind(&doc, BlockKind::Embed)
            .iter()
            .filter_map(|e| e.url.as_deref())
            .collect();
        assert_eq!(
            urls,
            vec![
                "https://twitter.com/ferrycrews/status/1400000000000000001",
                // the script-drawn copy of the same post is not a second post
                "https://twitter.com/ivarga/status/1400000000000000002",
                "https://vimeo.com/76543210",
                "https://www.reddit.com/r/ferries/comments/q1w2e3/",
                "https://www.linkedin.com/feed/update/urn:li:share:7012345678901234567/",
            ],
            "{:?}",
            doc.blocks
        );
        assert!(!doc.body().contains("Back on the water"));
    }

    #[test]
    fn figure_caption_with_credit() {
        let doc = read_html(fixture!("jsonld_newsarticle.html"));
        let captions = of_kind(&doc, BlockKind::Caption);
        assert_eq!(captions.len(), 1, "{captions:?}");
        assert_eq!(
            captions[0].text,
            "Workers check the railings on the harbour bridge on Monday."
        );
        assert_eq!(
            captions[0].credit.as_deref(),
            Some("Photo: Anna Berg/Reuters")
        );
        assert!(!doc.body().contains("Anna Berg"));
    }

    #[test]
    fn itemprop_caption_and_copyright_holder() {
        let doc = read_html(fixture!("byline_in_page.html"));
        let captions = of_kind(&doc, BlockKind::Caption);
        assert_eq!(captions.len(), 1, "{captions:?}");
        assert!(captions[0].text.starts_with("Frost candles burn"));
        assert_eq!(captions[0].credit.as_deref(), Some("Jonas Weber/dpa"));
    }

    #[test]
    fn tweet_embed() {
        let doc = read_html(fixture!("jsonld_newsarticle.html"));
        let embeds = of_kind(&doc, BlockKind::Embed);
        assert_eq!(embeds.len(), 1, "{embeds:?}");
        let e = embeds[0];
        assert_eq!(e.platform.as_deref(), Some("twitter"));
        assert_eq!(
            e.url.as_deref(),
            Some("https://twitter.com/CityCouncil/status/1765000000000000000")
        );
        assert!(e.text.starts_with("The harbour bridge is open again."));
        assert!(
            e.text
                .ends_with("— City Council (@CityCouncil) March 5, 2024"),
            "{}",
            e.text
        );
        assert!(!doc.body().contains("@CityCouncil"));
    }

    #[test]
    fn instagram_embed() {
        let doc = read_html(fixture!("opengraph_only.html"));
        let embeds = of_kind(&doc, BlockKind::Embed);
        assert_eq!(embeds.len(), 1, "{embeds:?}");
        assert_eq!(embeds[0].platform.as_deref(), Some("instagram"));
        assert_eq!(
            embeds[0].url.as_deref(),
            Some("https://www.instagram.com/p/Cabc123/")
        );
    }

    #[test]
    fn json_ld_graph_with_references() {
        let doc = read_html(fixture!("jsonld_graph.html"));
        let m = &doc.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("La récolte de sel commence plus tôt cette année")
        );
        assert_eq!(m.byline, vec!["Hélène Durand"]);
        assert_eq!(m.published.as_deref(), Some("2023-07-14T09:05:00Z"));
        assert_eq!(m.outlet.as_deref(), Some("Le Courrier du Littoral"));
        assert_eq!(m.section.as_deref(), Some("Économie"));
        assert_eq!(of_kind(&doc, BlockKind::Heading).len(), 1);
        assert!(!doc.body().contains("Les plus lus"));
        assert!(!doc.body().contains("Accueil"));
    }

    #[test]
    fn opengraph_and_byline_element() {
        let doc = read_html(fixture!("opengraph_only.html"));
        let m = &doc.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Library extends opening hours for exam season")
        );
        assert_eq!(m.outlet.as_deref(), Some("Valley Gazette"));
        assert_eq!(
            m.url.as_deref(),
            Some("https://gazette.example/news/library-hours")
        );
        assert_eq!(m.published.as_deref(), Some("2022-11-02T18:45:00-05:00"));
        // article:author is a profile URL here; the names come from the byline element.
        assert_eq!(m.byline, vec!["Priya Raman", "Daniel Okafor"]);
        assert!(!doc.body().contains("Staff Writers"));
        assert!(!doc.body().contains("Tweet"));
    }

    #[test]
    fn rel_author_time_element_and_title_suffix() {
        let doc = read_html(fixture!("byline_in_page.html"));
        let m = &doc.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Orchard growers count cost of late frost")
        );
        assert_eq!(m.byline, vec!["Lena Fischer"]);
        assert_eq!(m.published.as_deref(), Some("2021-04-23T06:15:00+02:00"));
        let body = doc.body();
        assert!(body.starts_with("Apple and cherry growers"));
        assert!(!body.contains("Tags"));
        assert!(!body.contains("About us"));
    }

    #[test]
    fn dublin_core_and_parsely() {
        let doc = read_html(fixture!("dublin_core.html"));
        let m = &doc.meta;
        assert_eq!(
            m.title.as_deref(),
            Some("Ferry timetable changes for the winter")
        );
        assert_eq!(m.byline, vec!["Olav Nygaard"]);
        assert_eq!(m.published.as_deref(), Some("2020-10-30"));
        assert_eq!(m.section.as_deref(), Some("Transport"));
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn windows_1252_page() {
        let doc = read_html(fixture!("windows1252.html"));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("El café del puerto cierra tras cuarenta años")
        );
        let body = doc.body();
        assert!(body.contains("“Aquí se han celebrado bodas"), "{body}");
        assert!(body.contains("cortado — y algunos"));
        assert!(!body.contains('\u{FFFD}'));
    }

    #[test]
    fn utf8_bom_page() {
        let doc = read_html(fixture!("bom.html"));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Straßenbahn fährt wieder durch die Altstadt")
        );
        assert!(doc.body().starts_with("Die Straßenbahn fährt seit Montag"));
        assert_eq!(doc.blocks.len(), 2);
    }

    #[test]
    fn rendered_tweet_and_visible_date() {
        let page = br#"<html><body><h1>Council votes on the new tram line</h1>
            <div class="info">2023/11/17 20:52 Source: Example</div>
            <div class="text"><p>The council voted for the new tram line on Friday, after a debate of four hours, and work will start next spring, officials said.</p>
            <iframe class="twitter-tweet twitter-tweet-rendered" data-tweet-id="1234567890"></iframe>
            <p>The line will link the station to the university, with nine stops, and it will cost about 300 million, the council said.</p></div>
            </body></html>"#;
        let doc = read_html(page);
        assert_eq!(doc.meta.published.as_deref(), Some("2023-11-17"));
        let embeds = of_kind(&doc, BlockKind::Embed);
        assert_eq!(embeds.len(), 1, "{:?}", doc.blocks);
        assert_eq!(
            embeds[0].url.as_deref(),
            Some("https://twitter.com/i/web/status/1234567890")
        );
    }

    #[test]
    fn tweet_rendered_by_the_newer_widget() {
        let page = br#"<html><body><h1>Council votes on the new tram line</h1>
            <div class="text"><p>The council voted for the new tram line on Friday, after a debate of four hours, and work will start next spring, officials said.</p>
            <div class="twitter-tweet twitter-tweet-rendered" style="display: flex;"><iframe id="twitter-widget-0" class="" title="X Post" src="https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;id=9876543210&amp;lang=en"></iframe></div>
            <p>The line will link the station to the university, with nine stops, and it will cost about 300 million, the council said.</p></div>
            </body></html>"#;
        let doc = read_html(page);
        let embeds = of_kind(&doc, BlockKind::Embed);
        assert_eq!(embeds.len(), 1, "{:?}", doc.blocks);
        assert_eq!(
            embeds[0].url.as_deref(),
            Some("https://twitter.com/i/web/status/9876543210")
        );
    }

    #[test]
    fn posts_known_by_their_link_alone() {
        let page = br#"<html><body><h1>Council votes on the new tram line</h1>
            <div class="text"><p>The council voted for the new tram line on Friday, after a debate of four hours, and work will start next spring, officials said.</p>
            <amp-twitter width="375" height="472" data-tweetid="1520000000000000004"></amp-twitter>
            <div class="social-embed" data-url="https://twitter.com/pia_kern/status/1560000000000000008"></div>
            <div class="tweet lazyload" data-tweet-id="1550000000000000007"></div>
            <figure class="video"><iframe src="https://www.youtube-nocookie.com/embed/Zz9Yy8Xx7Ww"></iframe><figcaption>The tram at night.</figcaption></figure>
            <iframe src="https://www.google.com/maps/embed?pb=1"></iframe>
            <p>The line will link the station to the university, with nine stops, and it will cost about 300 million, the council said.</p></div>
            </body></html>"#;
        let doc = read_html(page);
        let urls: Vec<&str> = of_kind(&doc, BlockKind::Embed)
            .iter()
            .filter_map(|e| e.url.as_deref())
            .collect();
        assert_eq!(
            urls,
            vec![
                "https://twitter.com/i/web/status/1520000000000000004",
                "https://twitter.com/pia_kern/status/1560000000000000008",
                "https://twitter.com/i/web/status/1550000000000000007",
                "https://www.youtube.com/watch?v=Zz9Yy8Xx7Ww",
            ],
            "{:?}",
            doc.blocks
        );
        assert_eq!(of_kind(&doc, BlockKind::Caption).len(), 1);
    }

    #[test]
    fn entities_are_decoded() {
        let page = b"<html><head><title>Caf&eacute; &amp; bar</title></head><body><p>Fish &amp; chips at the caf&#233; cost &pound;5, said the owner of the small shop.</p></body></html>";
        let doc = read_html(page);
        assert_eq!(doc.meta.title.as_deref(), Some("Café & bar"));
        assert!(doc.body().contains("Fish & chips at the café cost £5"));
    }

    #[test]
    fn bad_input_gives_a_document() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
        assert!(read_html(png).blocks.is_empty());
        assert!(read_html(b"").blocks.is_empty());
        assert!(read_html(b"\xff\xfe\xfd garbage \x00\x01")
            .meta
            .title
            .is_none());
        let page = include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/html/jsonld_newsarticle.html"
        ));
        for cut in [10, 200, 900, 1500, 2500, page.len() - 7] {
            let _ = read_html(&page[..cut]);
        }
        let truncated = read_html(&page[..2600]);
        assert!(truncated.body().contains("old harbour bridge"));
    }

    #[test]
    fn deep_nesting_is_linear() {
        let depth = 100_000;
        let mut page = String::from("<html><body>");
        for _ in 0..depth {
            page.push_str("<div>");
        }
        page.push_str(
            "<p>Deep inside, a paragraph of text, long enough to be scored as one, survives.</p>",
        );
        for _ in 0..depth {
            page.push_str("</div>");
        }
        let start = std::time::Instant::now();
        let doc = read_html(page.as_bytes());
        assert!(doc.body().contains("Deep inside"));
        assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
    }

    #[test]
    fn large_page() {
        let para = "<p>Paragraph of a very long page, with commas, clauses, and enough words to score.</p>\n";
        let mut page = String::from("<html><body><div class=\"article-body\">");
        while page.len() < 10_000_000 {
            page.push_str(para);
        }
        page.push_str("</div></body></html>");
        let doc = read_html(page.as_bytes());
        assert!(doc.blocks.len() > 100_000);
    }
}
