//! Embedded social posts.
//!
//! A page's embedded tweet survives conversion to text in one shape, the one the
//! platform's own embed markup prints: the post, then "— Name (@handle) Month D, YYYY"
//! (sometimes with "pic.twitter.com/..." or "https://t.co/..." links in the post). In
//! HTML the reader marks the block (`blockquote.twitter-tweet` and kin) and gives the
//! platform and URL. Either way the post is the author's words, so the author becomes a
//! person (when the name has a person's shape: many accounts are organisations) with the
//! handle linked.

use super::people::PeopleBook;
use super::social::{handle_of, platform_of_handle, post_link};
use super::sources::{gated, names};
use crate::extract::dates;
use crate::model::{BlockKind, Document, Embed, Evidence};
use regex::Regex;
use std::sync::OnceLock;

struct Patterns {
    /// "— Name (@handle) January 26, 2022" at the end of a block
    attribution: Regex,
    /// "A post shared by Name (@handle) on Jan 26, 2022 at 10:00am PST" (Instagram)
    shared: Regex,
    /// "Name (@handle) January 26, 2022" with no dash before it, where a line, a
    /// sentence or the post's link ends: the date is then required
    bare: Regex,
    link: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let m = dates::month_alternation();
        // "26 de enero de 2022", "26. Januar 2022": a widget asked for the page's language
        let other = r"\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,10}\.?\s+(?:de\s+)?\d{4}";
        let date = format!(
            r"(?i:(?:{m})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{m})\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|{other})"
        );
        // "at 10:02 AM", ", 10:02 a.m. EST" after the date
        let time = r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?";
        Patterns {
            shared: Regex::new(&format!(
                r"(?:^|\s)A\s+post\s+shared\s+by\s+([^\n()]{{0,80}}?)\s*\(\s*(@[A-Za-z0-9_.]{{1,30}}(?:@[A-Za-z0-9.-]{{1,60}})?)\s*\)(?:\s+on\s+({date}){time})?[^\n\p{{L}}\p{{N}}]{{0,4}}$"
            ))
            .expect("shared regex"),
            attribution: Regex::new(&format!(
                r"(?:^|\s)(?:—|–|-{{1,2}}|―)\s*([^\n()—–]{{0,80}}?)\s*\(\s*(@[A-Za-z0-9_.]{{1,30}}(?:@[A-Za-z0-9.-]{{1,60}})?)\s*\)\s*(?:(?:on\s+)?({date}){time})?[^\n\p{{L}}\p{{N}}]{{0,4}}$"
            ))
            .expect("attribution regex"),
            bare: Regex::new(&format!(
                r"(?:^|\n|(?:https?://|pic\.twitter\.com/)[^\s<>()]+\s+|[.!?…\x22”]\s+)((?:\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*\s+){{0,4}}\p{{Lu}}[\p{{L}}\p{{M}}.'’-]*)\s*\(\s*(@[A-Za-z0-9_.]{{1,30}}(?:@[A-Za-z0-9.-]{{1,60}})?)\s*\)\s*(?:on\s+)?({date}){time}[^\n\p{{L}}\p{{N}}]{{0,4}}$"
            ))
            .expect("bare attribution regex"),
            link: Regex::new(r"(?:https?://|\bpic\.twitter\.com/|\bwww\.)[^\s<>()“”\x22]+")
                .expect("link regex"),
        }
    })
}

/// Embedded posts in the document.
pub fn find_embeds(doc: &Document, people: &mut PeopleBook) -> Vec<Embed> {
    let mut out: Vec<Embed> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let found = match block.kind {
            BlockKind::Embed => Some(markup_embed(
                &block.text,
                block.platform.as_deref(),
                block.url.as_deref(),
            )),
            BlockKind::Paragraph => {
                text_embed(&block.text, block.url.as_deref()).or_else(|| bare_link(&block.text))
            }
            _ => None,
        };
        let Some(mut embed) = found else { continue };
        // a post's link on the line after its attribution: the address of that post
        if embed.text.is_empty() && embed.author.is_none() && block.kind == BlockKind::Paragraph {
            if let Some(prev) = out.last_mut().filter(|e| e.block + 2 >= i) {
                let same = prev.platform == embed.platform
                    && (prev.handle.is_none()
                        || embed.handle.is_none()
                        || prev.handle.as_deref().map(str::to_lowercase)
                            == embed.handle.as_deref().map(str::to_lowercase));
                if same && prev.url.as_deref().is_none_or(|u| post_link(u).is_none()) {
                    prev.url = embed.url;
                    continue;
                }
            }
        }
        embed.block = i;
        // the attribution alone on its line: the post is the paragraph before it (read
        // as a heading when it is short and ends with its link)
        if embed.text.is_empty() && embed.author.is_some() && block.kind == BlockKind::Paragraph {
            if let Some(prev) = i.checked_sub(1).and_then(|j| doc.blocks.get(j)) {
                let post_like = prev.kind == BlockKind::Paragraph
                    || prev.kind == BlockKind::Heading && first_link(&prev.text).is_some();
                // "View this post on Instagram" above the credit is the widget's
                let words = strip_widget_lines(&prev.text);
                if post_like && !words.is_empty() && !out.iter().any(|e: &Embed| e.block == i - 1) {
                    embed.text = words;
                    embed.block = i - 1;
                    if embed.url.is_none() {
                        embed.url = prev
                            .url
                            .as_deref()
                            .and_then(post_link)
                            .map(|p| p.url)
                            .or_else(|| first_link(&embed.text));
                    }
                    if let Some(p) = embed.url.as_deref().and_then(platform_of) {
                        embed.platform = p.to_string();
                    }
                }
            }
        }
        embed.person = link_author(&embed, people);
        out.push(embed);
    }
    out
}

/// A paragraph that is only a link to a post: a CMS shows it as the post itself.
fn bare_link(text: &str) -> Option<Embed> {
    let t = text.trim().trim_start_matches('<').trim_end_matches('>');
    if t.is_empty() || t.len() > 300 || t.contains(char::is_whitespace) {
        return None;
    }
    let link = post_link(t)?;
    Some(Embed {
        platform: link.platform.to_string(),
        author: None,
        handle: handle_of(&link.url),
        url: Some(link.url),
        posted_at: None,
        text: String::new(),
        person: None,
        block: 0,
    })
}

/// The person behind a post, registered with the handle, when the name is a person's.
fn link_author(embed: &Embed, people: &mut PeopleBook) -> Option<usize> {
    let name = embed.author.as_deref()?;
    if !names::looks_like_person(name) {
        return None;
    }
    let idx = people.mention(name, Evidence::PostAuthor)?;
    if let Some(h) = embed.handle.as_deref() {
        people.add_handle(idx, h);
    }
    Some(idx)
}

/// A paragraph that ends with an embed attribution; `link` is the post link the markup
/// gave for it (the date under a saved tweet links to the post).
fn text_embed(text: &str, link: Option<&str>) -> Option<Embed> {
    if text.len() > 5000 || !has_bracketed_handle(text) {
        return None;
    }
    let text = text.trim();
    // the post's link on its own line after the attribution
    let (text, after) = match text.rsplit_once(char::is_whitespace) {
        Some((head, last)) => match post_link(last.trim()) {
            Some(p) => (head.trim_end(), Some(p.url)),
            None => (text, None),
        },
        None => (text, None),
    };
    let p = patterns();
    let (c, shared, bare) = match gated::captures(&p.attribution, text) {
        Some(c) => (c, false, false),
        None => match gated::captures(&p.shared, text) {
            Some(c) => (c, true, false),
            None => (gated::captures(&p.bare, text)?, false, true),
        },
    };
    // without a dash, the match may have begun with the end of the post (its link)
    let all_start = if bare {
        c.get(1)?.start()
    } else {
        c.get(0)?.start()
    };
    let author = c
        .get(1)
        .map(|m| names::tidy_name(m.as_str()))
        .filter(|a| !a.is_empty());
    let handle = c.get(2)?.as_str().trim_end_matches('.').to_string();
    let posted_at = c
        .get(3)
        .and_then(|d| dates::parse_date(d.as_str()).or_else(|| foreign_date(d.as_str())));
    // without a date, a "— Name (@handle)" line must at least hold a link to be a post
    let post = strip_widget_lines(&text[..all_start]);
    let given = after.or_else(|| link.and_then(post_link).map(|p| p.url));
    if posted_at.is_none() && first_link(&post).is_none() && given.is_none() && !shared {
        return None;
    }
    let url = given.or_else(|| {
        post_links(&post)
            .last()
            .cloned()
            .or_else(|| first_link(&post))
    });
    let default = if shared { "instagram" } else { "twitter" };
    let platform = url
        .as_deref()
        .and_then(platform_of)
        .or_else(|| platform_of_handle(&handle))
        .or_else(|| platform_of(&post))
        .unwrap_or(default)
        .to_string();
    Some(Embed {
        platform,
        author,
        handle: Some(handle),
        url,
        posted_at,
        text: post,
        person: None,
        block: 0,
    })
}

/// Whether an "@" stands right after an opening bracket, spaces between allowed: the
/// "(@handle)" that each of the attribution patterns requires (`\(\s*(@...)`). Most
/// paragraphs have no "@" at all and are passed over without running the patterns.
/// (`\s` and `trim_end` both skip Unicode White_Space, so this never refuses a match.)
fn has_bracketed_handle(text: &str) -> bool {
    text.match_indices('@')
        .any(|(i, _)| text[..i].trim_end().ends_with('('))
}

/// Month names of other languages, for dates widgets print in the page's language.
fn other_months() -> &'static [(u32, String)] {
    static M: OnceLock<Vec<(u32, String)>> = OnceLock::new();
    M.get_or_init(|| {
        let mut out = Vec::new();
        for line in crate::extract::lexicon::entries(include_str!("lexicon/months_other.txt")) {
            let mut words = line.split_whitespace();
            let Some(num) = words.next().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            out.extend(words.map(|w| (num, w.to_lowercase())));
        }
        out
    })
}

/// "26 de enero de 2022", "26. Januar 2022", "26 janv. 2022" as ISO 8601.
fn foreign_date(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '.' || c == ',')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("de"))
        .map(str::to_lowercase)
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    let month = other_months().iter().find(|(_, n)| n == month)?.0;
    chrono::NaiveDate::from_ymd_opt(year, month, day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Links in a post's text that point to a post (a quoted tweet, the post itself).
fn post_links(text: &str) -> Vec<String> {
    patterns()
        .link
        .find_iter(text)
        .filter_map(|m| post_link(m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?'])))
        .map(|p| p.url)
        .collect()
}

/// A block the markup calls an embed: the attribution parsed when the text has one.
fn markup_embed(text: &str, platform: Option<&str>, url: Option<&str>) -> Embed {
    let text = strip_widget_lines(text);
    let mut e = text_embed(&text, url)
        .or_else(|| facebook_embed(&text))
        .unwrap_or_else(|| Embed {
            platform: String::new(),
            author: None,
            handle: None,
            url: first_link(&text),
            posted_at: None,
            text: text.trim().to_string(),
            person: None,
            block: 0,
        });
    if let Some(u) = url.filter(|u| !u.trim().is_empty()) {
        e.url = Some(u.trim().to_string());
    }
    e.platform = platform
        .map(|p| p.trim().to_lowercase())
        .filter(|p| !p.is_empty())
        .or_else(|| e.url.as_deref().and_then(platform_of).map(str::to_string))
        .or_else(|| platform_of(&text).map(str::to_string))
        .unwrap_or_else(|| "other".to_string());
    if e.handle.is_none() {
        e.handle = e.url.as_deref().and_then(handle_of);
    }
    // TikTok opens the caption with the account: "@name Dancing on the pier"
    if let Some(h) = e.handle.as_deref() {
        if let Some(rest) = e.text.strip_prefix(h) {
            if rest.starts_with(char::is_whitespace) {
                e.text = rest.trim().to_string();
            }
        }
    }
    e
}

/// Lines the widgets print around a post that are not its words: "View this post on
/// Instagram", "View on Threads", "Post by @name@server", "♬ original sound - name".
fn strip_widget_lines(text: &str) -> String {
    let keep = |line: &str| {
        let l = line.trim().to_lowercase();
        !(l.is_empty()
            || l.starts_with('♬')
            || l.starts_with("view this post on ")
            || l.starts_with("view on ")
            || l.starts_with("watch on ")
            || l.starts_with("post by @")
            || l.starts_with("see this post on ")
            || l == "instagram"
            || l == "loading…"
            || l == "loading...")
    };
    let mut out: Vec<&str> = text
        .lines()
        .map(|l| {
            let t = l.trim();
            // "View this post on Instagram Sunrise at the pier" run together in text
            match t.get(..27) {
                Some(h) if h.eq_ignore_ascii_case("view this post on instagram") => t[27..].trim(),
                _ => t,
            }
        })
        .filter(|l| keep(l))
        .collect();
    // the music credit glued to a TikTok caption
    if let Some(last) = out.last_mut() {
        if let Some(at) = last.find(" ♬ ") {
            *last = last[..at].trim_end();
        }
    }
    out.join("\n")
}

/// Facebook's embed: the post, then "Posted by Name on Monday, January 24, 2022".
fn facebook_embed(text: &str) -> Option<Embed> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let m = dates::month_alternation();
        Regex::new(&format!(
            r"(?:^|\s)Posted\s+by\s+([^\n]{{1,80}}?)\s+on\s+(?:\p{{L}}+,\s+)?((?i:(?:{m})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{m})\.?,?\s+\d{{4}}))\W{{0,3}}$"
        ))
        .expect("facebook regex")
    });
    let c = gated::captures(re, text.trim())?;
    let all = c.get(0)?;
    Some(Embed {
        platform: "facebook".into(),
        author: c
            .get(1)
            .map(|m| names::tidy_name(m.as_str()))
            .filter(|a| !a.is_empty()),
        handle: None,
        url: None,
        posted_at: c.get(2).and_then(|d| dates::parse_date(d.as_str())),
        text: text.trim()[..all.start()].trim().to_string(),
        person: None,
        block: 0,
    })
}

/// The first link in a post.
fn first_link(text: &str) -> Option<String> {
    patterns().link.find(text).map(|m| {
        m.as_str()
            .trim_end_matches(['.', ',', ';', ':', '!', '?', '’', '\''])
            .to_string()
    })
}

/// The platform a post's links point to.
fn platform_of(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    [
        ("twitter.com", "twitter"),
        ("//t.co/", "twitter"),
        ("//x.com/", "twitter"),
        ("www.x.com/", "twitter"),
        ("pic.x.com/", "twitter"),
        ("instagram.com", "instagram"),
        ("facebook.com", "facebook"),
        ("youtube.com", "youtube"),
        ("youtu.be", "youtube"),
        ("tiktok.com", "tiktok"),
        ("bsky.app", "bluesky"),
        ("threads.net", "threads"),
        ("threads.com", "threads"),
        ("youtube-nocookie.com", "youtube"),
        ("t.me/", "telegram"),
        ("vimeo.com/", "vimeo"),
        ("reddit.com/r/", "reddit"),
        ("linkedin.com/", "linkedin"),
    ]
    .iter()
    .find(|(needle, _)| t.contains(needle))
    .map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Format, Metadata};

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: Metadata::default(),
            blocks,
            format: Format::Text,
        }
    }

    #[test]
    fn tweet_in_text() {
        let mut book = PeopleBook::new();
        let d = doc(vec![
            Block::paragraph("The league answered within the hour."),
            Block::paragraph(
                "We have sent our answer to the #union. Talks must go on. https://t.co/AbC123xyz — Ana Ruiz (@anaruiz) March 3, 2021",
            ),
        ]);
        let e = find_embeds(&d, &mut book);
        assert_eq!(e.len(), 1);
        let e = &e[0];
        assert_eq!(e.platform, "twitter");
        assert_eq!(e.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(e.handle.as_deref(), Some("@anaruiz"));
        assert_eq!(e.url.as_deref(), Some("https://t.co/AbC123xyz"));
        assert_eq!(e.posted_at.as_deref(), Some("2021-03-03"));
        assert_eq!(
            e.text,
            "We have sent our answer to the #union. Talks must go on. https://t.co/AbC123xyz"
        );
        assert_eq!(e.block, 1);
        let p = book.get(e.person.unwrap()).unwrap();
        assert_eq!(p.name, "Ana Ruiz");
        assert_eq!(p.handles, vec!["@anaruiz"]);
    }

    #[test]
    fn attribution_without_a_dash() {
        for t in [
            "Back on the water at last. pic.twitter.com/AbCd1234\nFerry Crews (@ferrycrews) June 1, 2021",
            "Back on the water at last. pic.twitter.com/AbCd1234 Ferry Crews (@ferrycrews) June 1, 2021",
            "Back on the water at last.\nFerry Crews (@ferrycrews) June 1, 2021",
        ] {
            let e = text_embed(t, None).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(e.author.as_deref(), Some("Ferry Crews"), "{t}");
            assert_eq!(e.handle.as_deref(), Some("@ferrycrews"), "{t}");
            assert_eq!(e.posted_at.as_deref(), Some("2021-06-01"), "{t}");
            assert!(e.text.starts_with("Back on the water at last."), "{t}");
            assert!(!e.text.contains("Ferry Crews"), "{t}");
        }
        // without a dash the date is required, and prose naming an account is no post
        for t in [
            "Back on the water at last.\nFerry Crews (@ferrycrews)",
            "The crews thanked the town, said Ines Varga (@ivarga) June 1, 2021.",
        ] {
            assert!(text_embed(t, None).is_none(), "{t}");
        }
    }

    #[test]
    fn shapes_of_attribution() {
        let cases = [
            "Vote today! pic.twitter.com/xYz12 — Tom Berg (@tberg) Jan 5, 2021",
            "Vote today! -- Tom Berg (@tberg) January 5, 2021",
            "Vote today!\n— Tom Berg (@tberg) 5 January 2021",
            "Vote today! — Tom Berg (@tberg) January 5, 2021.",
            "Vote today! — Tom Berg (@tberg) January 5, 2021 at 10:02 AM",
            "Vote today! A post shared by Tom Berg (@tberg) on Jan 5, 2021 at 10:02am PST",
        ];
        for t in cases {
            let e = text_embed(t, None).unwrap_or_else(|| panic!("{t}"));
            assert_eq!(e.handle.as_deref(), Some("@tberg"), "{t}");
            assert_eq!(e.posted_at.as_deref(), Some("2021-01-05"), "{t}");
            assert!(e.text.starts_with("Vote today!"), "{t}");
        }
        assert_eq!(
            text_embed(
                "Vote today! A post shared by Tom Berg (@tberg) on Jan 5, 2021",
                None
            )
            .map(|e| e.platform),
            Some("instagram".to_string())
        );
        // organisations post too: no person for them
        let mut book = PeopleBook::new();
        let d = doc(vec![Block::paragraph(
            "Our statement on the vote. — Lima Police (@LimaPolice) March 3, 2021",
        )]);
        let e = find_embeds(&d, &mut book);
        assert_eq!(e[0].person, None);
        assert!(book.is_empty());
    }

    #[test]
    fn prose_is_not_a_post() {
        for t in [
            "The minister - who spoke late (@ the end) - said no.",
            "Ana Ruiz (@anaruiz) wrote on Tuesday that talks would go on.",
            "Talks went on — Ana Ruiz said (as usual) nothing.",
        ] {
            assert!(text_embed(t, None).is_none(), "{t}");
        }
    }

    #[test]
    fn embed_blocks_from_markup() {
        let mut b = Block::new(
            BlockKind::Embed,
            "Hello from the summit. — Ana Ruiz (@anaruiz) March 3, 2021",
        );
        b.url = Some("https://twitter.com/anaruiz/status/123".into());
        b.platform = Some("twitter".into());
        let mut ig = Block::new(BlockKind::Embed, "A post shared by the team");
        ig.url = Some("https://www.instagram.com/p/Cxyz/".into());
        let mut book = PeopleBook::new();
        let e = find_embeds(&doc(vec![b, ig]), &mut book);
        assert_eq!(e.len(), 2);
        assert_eq!(
            e[0].url.as_deref(),
            Some("https://twitter.com/anaruiz/status/123")
        );
        assert_eq!(e[0].text, "Hello from the summit.");
        assert_eq!(e[1].platform, "instagram");
        assert_eq!(e[1].handle, None);
    }

    #[test]
    fn attribution_on_its_own_line() {
        let mut book = PeopleBook::new();
        let d = doc(vec![
            Block::paragraph("Hello from the summit. https://t.co/Q1w2e3"),
            Block::paragraph("— Ana Ruiz (@anaruiz) March 3, 2021"),
        ]);
        let e = find_embeds(&d, &mut book);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].block, 0);
        assert_eq!(e[0].text, "Hello from the summit. https://t.co/Q1w2e3");
        assert_eq!(e[0].url.as_deref(), Some("https://t.co/Q1w2e3"));
    }

    #[test]
    fn post_links_on_their_own() {
        let mut book = PeopleBook::new();
        let d = doc(vec![
            Block::paragraph("The mayor answered at once:"),
            Block::paragraph("https://x.com/gretasand/status/1750000000000000023?s=20"),
            Block::paragraph("Ferries run again. https://t.co/Q1w2e3\n— Port Lines (@portlines) Jan. 5, 2023\nhttps://twitter.com/portlines/status/1611000000000000022"),
            Block::paragraph("She wrote https://twitter.com/gretasand/status/1 on Monday."),
        ]);
        let e = find_embeds(&d, &mut book);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            e[0].url.as_deref(),
            Some("https://x.com/gretasand/status/1750000000000000023")
        );
        assert_eq!(e[0].handle.as_deref(), Some("@gretasand"));
        assert!(e[0].text.is_empty());
        assert_eq!(
            e[1].url.as_deref(),
            Some("https://twitter.com/portlines/status/1611000000000000022")
        );
        assert_eq!(e[1].posted_at.as_deref(), Some("2023-01-05"));
        assert_eq!(e[1].text, "Ferries run again. https://t.co/Q1w2e3");
    }

    #[test]
    fn status_link_on_the_line_after_the_attribution() {
        let mut book = PeopleBook::new();
        let d = doc(vec![
            Block::paragraph("The crane is down. pic.twitter.com/Vb76Nm"),
            Block::paragraph("— Dock Union (@dockunion) October 5, 2022"),
            Block::paragraph("https://twitter.com/dockunion/status/1630000000000000017"),
        ]);
        let e = find_embeds(&d, &mut book);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].text, "The crane is down. pic.twitter.com/Vb76Nm");
        assert_eq!(
            e[0].url.as_deref(),
            Some("https://twitter.com/dockunion/status/1630000000000000017")
        );
    }

    #[test]
    fn widget_words_and_other_shapes() {
        let mut fb = Block::new(
            BlockKind::Embed,
            "The hearing is moved to Thursday.\nPosted by City of Portvale on Monday, January 24, 2022",
        );
        fb.platform = Some("facebook".into());
        let mut tt = Block::new(
            BlockKind::Embed,
            "@dockdancer Dancing on the old crane #harbour ♬ original sound - dockdancer",
        );
        tt.url = Some("https://www.tiktok.com/@dockdancer/video/7100000000000000011".into());
        tt.platform = Some("tiktok".into());
        let mut ig = Block::new(
            BlockKind::Embed,
            "View this post on Instagram\nA post shared by Rosa Lind (@rosalind.art)",
        );
        ig.platform = Some("instagram".into());
        let mut book = PeopleBook::new();
        let e = find_embeds(&doc(vec![fb, tt, ig]), &mut book);
        assert_eq!(e[0].author.as_deref(), Some("City of Portvale"));
        assert_eq!(e[0].posted_at.as_deref(), Some("2022-01-24"));
        assert_eq!(e[0].text, "The hearing is moved to Thursday.");
        assert_eq!(e[1].handle.as_deref(), Some("@dockdancer"));
        assert_eq!(e[1].text, "Dancing on the old crane #harbour");
        assert_eq!(e[2].handle.as_deref(), Some("@rosalind.art"));
        assert_eq!(e[2].text, "");
        // dates in the page's language, handles that name their platform
        let es = text_embed(
            "Volvemos mañana. — Rita Olmo (@ritaolmo) 26 de enero de 2024",
            None,
        )
        .unwrap();
        assert_eq!(es.posted_at.as_deref(), Some("2024-01-26"));
        let de = text_embed("Wir fahren. — Jan Pohl (@janpohl) 5. März 2024", None).unwrap();
        assert_eq!(de.posted_at.as_deref(), Some("2024-03-05"));
        let bs = text_embed(
            "Fares drop. — Jon Pike (@jonpike.bsky.social) January 12, 2024",
            None,
        )
        .unwrap();
        assert_eq!(bs.platform, "bluesky");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let mut book = PeopleBook::new();
            let _ = find_embeds(&doc(vec![Block::paragraph(s.as_str()), Block::new(BlockKind::Embed, s.as_str())]), &mut book);
            let _ = handle_of(&s);
        }
    }
}
