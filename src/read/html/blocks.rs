//! The chosen article as blocks: paragraphs and sub-headings of the story, photo
//! captions with their credits, and embedded social posts.
//!
//! Paragraphs and headings come only from the chosen content. Captions and embeds are
//! what other extractors throw away, so they are also taken from the rest of the
//! article's scope (a lead photo above the text, a tweet the cleaning pass dropped),
//! but never from navigation or other boilerplate the first pass removed.
//!
//! Pages mark a picture's caption in more ways than `figure > figcaption`: a caption and
//! its credit as two siblings in a small block, a gallery's `figcaption` after its
//! `figure` rather than inside it, a wire page's table with the picture in one cell and
//! the caption in the next, or only `data-caption` / `data-credit` attributes that a
//! script would have drawn from. Each is read as one caption; an attribute caption that
//! the page also shows is left to the shown one, and `alt` text (a description for
//! those who cannot see the picture) is never taken.

use super::body::Article;
use super::dom::{push_collapsed, Dead, Dom, NONE};
use crate::extract::social::{post_link, PostLink};
use crate::model::{Block, BlockKind};
use regex::Regex;
use std::collections::HashSet;
use std::sync::LazyLock;

static CAPTION_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(wp-)?caption([\s_-]|$)|caption[-_]?text|(image|photo|media|img|figure|picture)[-_]?caption|figcaption")
        .expect("valid pattern")
});
static CREDIT_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)credit|copyright|photographer|byline|(^|\s)copy(\s|$)").expect("valid pattern")
});

fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "aside"
            | "nav"
            | "blockquote"
            | "pre"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "tr"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "center"
            | "hgroup"
    )
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Blocks of an extracted article, in page order.
pub fn emit(article: &Article) -> Vec<Block> {
    let dom = &article.dom;
    let selected: HashSet<usize> = article.content.iter().copied().collect();
    let mut root = article.scope;
    if !article
        .content
        .iter()
        .all(|&c| c == root || is_inside(dom, c, root))
    {
        root = article
            .content
            .first()
            .map_or(root, |&c| dom.nodes[c].parent);
        if root == NONE {
            root = dom.root;
        }
    }
    let mut w = Writer::default();
    for block in lead_captions(article, &selected) {
        w.push(block);
    }
    // captions already read with the figure before them
    let mut consumed: HashSet<usize> = HashSet::new();
    let mut stack = vec![(root, false)];
    let mut in_content = 0usize;
    let mut suppressed = 0usize;
    if article.content.contains(&root) || is_selected_ancestor(dom, root, &selected) {
        // The scope is itself inside the content.
    }
    while let Some((i, exit)) = stack.pop() {
        let node = &dom.nodes[i];
        if exit {
            if is_block_tag(node.tag) || node.tag == "body" {
                w.flush(is_heading(node.tag));
            }
            if selected.contains(&i) {
                in_content -= 1;
            }
            if node.dead == Dead::Cleaned {
                suppressed -= 1;
            }
            continue;
        }
        if node.dead == Dead::Dropped || consumed.contains(&i) {
            continue;
        }
        let emitting = in_content > 0 && suppressed == 0 && node.dead == Dead::Alive;
        if node.is_text() {
            if emitting {
                push_collapsed(&mut w.buf, node.text);
            }
            continue;
        }
        if node.tag == "figure" {
            // a post or video in a figure, with the figure's caption after it
            let posts = embeds_inside(dom, i);
            if !posts.is_empty() {
                w.flush(false);
                for b in posts {
                    w.push(b);
                }
                if let Some(block) = figure_caption(dom, i) {
                    w.push(block);
                }
                continue;
            }
        }
        if node.tag == "figure" {
            // a gallery's figure with its caption beside it, not inside it
            if let Some((block, caption)) = figure_then_caption(dom, i) {
                w.flush(false);
                w.push(block);
                consumed.insert(caption);
                continue;
            }
        }
        if let Some(block) = special_block(dom, i) {
            w.flush(false);
            w.push(block);
            continue;
        }
        if let Some(block) = caption_group(dom, i).or_else(|| table_caption(dom, i)) {
            w.flush(false);
            w.push(block);
            continue;
        }
        if let Some(block) = attribute_caption(dom, i) {
            w.flush(false);
            w.from_attributes.push(w.blocks.len());
            w.push(block);
            continue;
        }
        if emitting && node.tag == "a" {
            // a link to a post in the text: the post's address when the paragraph
            // turns out to be a saved tweet ("— Name (@name) <a>January 5, 2022</a>")
            if let Some(p) = node.attr("href").and_then(post_link) {
                w.post_link = Some(p.url);
            }
        }
        match node.tag {
            "br" => {
                if emitting {
                    w.buf.push('\n');
                }
                continue;
            }
            "td" | "th" if emitting => w.buf.push(' '),
            "img" => continue,
            t if is_block_tag(t) => w.flush(false),
            _ => {}
        }
        if selected.contains(&i) {
            in_content += 1;
        }
        if node.dead == Dead::Cleaned {
            suppressed += 1;
        }
        stack.push((i, true));
        let start = stack.len();
        stack.extend(node.children.iter().map(|&c| (c, false)));
        stack[start..].reverse();
    }
    w.flush(false);
    w.drop_shown_attribute_captions();
    w.blocks
}

/// Most lead photos a page shows between its title and its text.
const MAX_LEAD_CAPTIONS: usize = 2;
/// A paragraph this long after the title is the text itself: the lead photo is above it.
const LEAD_TEXT_CHARS: usize = 80;

/// Teasers for other stories and widgets: never a lead photo of this one.
static NOT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)related|promo|teaser|recommend|sidebar|comment|social|share|newsletter|(^|[\s_-])ad([\s_-]|$)|advert|sponsor|most-?(read|popular)")
        .expect("valid pattern")
});

/// Captions of the lead photo: figures between the page's first `<h1>` (its headline,
/// or the headline of an immersive layout above a second one) and the first node of the
/// text. Pages put that photo in a header or a wrapper outside the `<article>`, which
/// the text's scope does not reach and the first pass may have dropped as unlikely
/// content; navigation, asides, forms, hidden parts and teaser blocks stay out.
fn lead_captions(article: &Article, selected: &HashSet<usize>) -> Vec<Block> {
    let dom = &article.dom;
    let mut out = Vec::new();
    let mut after_title = false;
    let mut stack = vec![dom.root];
    while let Some(i) = stack.pop() {
        let node = &dom.nodes[i];
        if node.tag == "h1" {
            after_title = true;
            continue;
        }
        // the text starts: a chosen node that is not around the headline, or the first
        // real paragraph after the headline
        if selected.contains(&i) && (after_title || !has_h1_inside(dom, i))
            || after_title && node.tag == "p" && is_prose(dom, i)
        {
            break;
        }
        if node.is_text()
            || matches!(
                node.tag,
                "nav" | "aside" | "form" | "footer" | "script" | "style"
            )
            || !super::body::is_probably_visible(dom, i)
            // a teaser or ad block, unless it wraps the headline ("#ad-portal" around a
            // whole page)
            || (NOT_LEAD.is_match(node.class()) || NOT_LEAD.is_match(node.id()))
                && !has_h1_inside(dom, i)
        {
            continue;
        }
        if after_title {
            if let Some(block) = caption_group(dom, i) {
                out.push(block);
                if out.len() == MAX_LEAD_CAPTIONS {
                    break;
                }
                continue;
            }
        }
        if after_title && (node.tag == "figure" || is_caption(dom, i)) {
            if let Some(block) = special_block(dom, i).filter(|b| b.kind == BlockKind::Caption) {
                out.push(block);
                if out.len() == MAX_LEAD_CAPTIONS {
                    break;
                }
            }
            continue;
        }
        stack.extend(node.children.iter().rev().copied());
    }
    out
}

/// A paragraph of text, not a line of links ("Topics: <a>…</a>, <a>…</a>").
fn is_prose(dom: &Dom, p: usize) -> bool {
    let text = dom.text(p);
    if text.len() <= LEAD_TEXT_CHARS {
        return false;
    }
    let linked: usize = dom
        .descendants(p)
        .into_iter()
        .filter(|&d| dom.nodes[d].tag == "a")
        .map(|d| dom.text(d).len())
        .sum();
    linked * 2 < text.len()
}

/// Whether an `<h1>` is under `i`, also in parts the first pass dropped (a headline in a
/// "banner" header the text's container is then the only live child of).
fn has_h1_inside(dom: &Dom, i: usize) -> bool {
    let mut stack: Vec<usize> = dom.nodes[i].children.clone();
    while let Some(n) = stack.pop() {
        if dom.nodes[n].tag == "h1" {
            return true;
        }
        stack.extend(dom.nodes[n].children.iter().copied());
    }
    false
}

fn is_inside(dom: &Dom, i: usize, ancestor: usize) -> bool {
    let mut p = dom.nodes[i].parent;
    while p != NONE {
        if p == ancestor {
            return true;
        }
        p = dom.nodes[p].parent;
    }
    false
}

fn is_selected_ancestor(dom: &Dom, i: usize, selected: &HashSet<usize>) -> bool {
    let mut p = dom.nodes[i].parent;
    while p != NONE {
        if selected.contains(&p) {
            return true;
        }
        p = dom.nodes[p].parent;
    }
    false
}

#[derive(Default)]
struct Writer {
    buf: String,
    /// The last link to a social post in `buf`.
    post_link: Option<String>,
    blocks: Vec<Block>,
    seen_captions: HashSet<String>,
    seen_posts: HashSet<String>,
    /// Where captions read from attributes went in `blocks`.
    from_attributes: Vec<usize>,
}

/// What tells two addresses of one post apart from two posts: a tweet's id (the same
/// tweet is "/i/web/status/1" and "/name/status/1"), else the address itself.
fn post_key(url: &str) -> String {
    match url.split_once("/status/") {
        Some((_, rest)) => {
            let id: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if id.is_empty() {
                url.to_string()
            } else {
                format!("status:{id}")
            }
        }
        None => url.trim_end_matches('/').to_string(),
    }
}

impl Writer {
    /// A caption read from attributes that the page also shows elsewhere (a gallery's
    /// caption panel, "March 18 Police secure the area."): the shown one is kept.
    fn drop_shown_attribute_captions(&mut self) {
        let from_attributes: HashSet<usize> = self.from_attributes.iter().copied().collect();
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let shown: Vec<String> = self
            .blocks
            .iter()
            .enumerate()
            .filter(|(j, b)| {
                b.kind == BlockKind::Caption && !from_attributes.contains(j) && b.text.len() > 20
            })
            .map(|(_, b)| words(&b.text))
            .collect();
        let twice: Vec<usize> = self
            .from_attributes
            .iter()
            .copied()
            .filter(|&k| {
                let t = words(&self.blocks[k].text);
                !t.is_empty()
                    && shown
                        .iter()
                        .any(|s| s.contains(&t) || t.contains(s.as_str()))
            })
            .collect();
        for k in twice.into_iter().rev() {
            self.blocks.remove(k);
        }
    }

    fn flush(&mut self, heading: bool) {
        let text = tidy_lines(&self.buf, "\n");
        self.buf.clear();
        let link = self.post_link.take();
        if text.is_empty() {
            return;
        }
        let kind = if heading {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        let mut block = Block::new(kind, text);
        block.url = link;
        self.blocks.push(block);
    }

    fn push(&mut self, block: Block) {
        if block.kind == BlockKind::Embed {
            // the same post twice: a script-drawn copy and its <noscript> fallback
            if let Some(key) = block.url.as_deref().map(post_key) {
                if !self.seen_posts.insert(key) {
                    return;
                }
            }
        }
        if block.kind == BlockKind::Caption {
            let key = format!(
                "{}\u{1}{}",
                block.text,
                block.credit.as_deref().unwrap_or("")
            );
            if !self.seen_captions.insert(key) {
                return;
            }
        }
        self.blocks.push(block);
    }
}

/// Trim every line, drop empty ones, join with `sep`.
fn tidy_lines(s: &str, sep: &str) -> String {
    let lines: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    lines.join(sep)
}

/// A caption (from a figure or a caption element) or an embedded post starting at `i`.
fn special_block(dom: &Dom, i: usize) -> Option<Block> {
    let node = &dom.nodes[i];
    if node.tag == "blockquote" || node.tag == "div" {
        if let Some(platform) = embed_platform(dom, i) {
            return Some(embed_block(dom, i, platform));
        }
    }
    if node.tag == "iframe" {
        if let Some(b) = rendered_tweet(dom, i) {
            return Some(b);
        }
    }
    if let Some(b) = placeholder_embed(dom, i) {
        return Some(b);
    }
    if node.tag == "figure" {
        return figure_caption(dom, i);
    }
    if is_caption(dom, i) {
        let credits = credit_nodes(dom, i);
        return caption_block(dom, i, &credits);
    }
    None
}

fn is_caption(dom: &Dom, i: usize) -> bool {
    let node = &dom.nodes[i];
    node.tag == "figcaption"
        || node
            .attr("itemprop")
            .is_some_and(|p| p.split_whitespace().any(|t| t == "caption"))
        || node
            .attr("class")
            .is_some_and(|c| CAPTION_CLASS.is_match(c))
            && !matches!(node.tag, "body" | "article" | "main" | "section" | "figure")
            && dom.descendants(i).len() < 60
}

fn is_credit(dom: &Dom, i: usize) -> bool {
    let node = &dom.nodes[i];
    if node.is_text() {
        return false;
    }
    node.attr("itemprop").is_some_and(|p| {
        p.split_whitespace().any(|t| {
            matches!(
                t,
                "copyrightHolder" | "creditText" | "copyrightNotice" | "author" | "creator"
            )
        })
    }) || node.attr("class").is_some_and(|c| CREDIT_CLASS.is_match(c))
}

/// Credit elements under `i` (outermost only): marked as credits, or an element of
/// the caption that opens with "©" ("<span>© Provided by Example News</span>").
fn credit_nodes(dom: &Dom, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = dom.nodes[i].children.clone();
    let mut whole: Option<usize> = None;
    while let Some(n) = stack.pop() {
        if dom.nodes[n].dead == Dead::Dropped {
            continue;
        }
        if is_credit(dom, n) || copyright_line(dom, n, i, &mut whole) {
            out.push(n);
            continue;
        }
        stack.extend(dom.nodes[n].children.iter().copied());
    }
    out.sort_unstable();
    out
}

/// A short element opening with "©" inside a caption that holds more text than it.
fn copyright_line(dom: &Dom, n: usize, caption: usize, whole: &mut Option<usize>) -> bool {
    let node = &dom.nodes[n];
    if node.is_text()
        || !matches!(
            node.tag,
            "span" | "small" | "em" | "i" | "p" | "div" | "cite"
        )
    {
        return false;
    }
    let text = dom.text(n);
    if !text.starts_with('©') || text.chars().count() > 80 {
        return false;
    }
    let total = *whole.get_or_insert_with(|| dom.text(caption).chars().count());
    total > text.chars().count() + 1
}

/// A figure's caption and credit, when it has either.
fn figure_caption(dom: &Dom, figure: usize) -> Option<Block> {
    let mut caption = None;
    let mut stack: Vec<usize> = dom.nodes[figure].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        if dom.nodes[n].dead == Dead::Dropped || dom.nodes[n].is_text() {
            continue;
        }
        if is_caption(dom, n) {
            caption = Some(n);
            break;
        }
        stack.extend(dom.nodes[n].children.iter().rev().copied());
    }
    let credits = credit_nodes(dom, figure);
    match caption {
        Some(c) => caption_block(dom, c, &credits),
        None if !credits.is_empty() => {
            let credit = join_texts(dom, &credits);
            (!credit.is_empty()).then(|| Block {
                kind: BlockKind::Caption,
                text: String::new(),
                credit: Some(credit),
                url: None,
                platform: None,
            })
        }
        None => None,
    }
}

fn join_texts(dom: &Dom, nodes: &[usize]) -> String {
    let parts: Vec<String> = nodes
        .iter()
        .map(|&n| all_text(dom, n, &HashSet::new(), " "))
        .filter(|t| !t.is_empty())
        .collect();
    parts.join(" ")
}

fn caption_block(dom: &Dom, caption: usize, credits: &[usize]) -> Option<Block> {
    let exclude: HashSet<usize> = credits.iter().copied().collect();
    let text = all_text(dom, caption, &exclude, "\n");
    let credit = join_texts(dom, credits);
    let text = if !credit.is_empty() {
        text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '|' | '/' | '-' | '–' | '—' | '(' | ')')
        })
        .trim()
        .to_string()
    } else {
        text
    };
    if text.is_empty() && credit.is_empty() {
        return None;
    }
    Some(Block {
        kind: BlockKind::Caption,
        text,
        credit: (!credit.is_empty()).then_some(credit),
        url: None,
        platform: None,
    })
}

/// Text under `i` (dead-dropped parts left out, `exclude` subtrees left out), one line
/// per block, lines joined with `sep`.
fn all_text(dom: &Dom, i: usize, exclude: &HashSet<usize>, sep: &str) -> String {
    let mut buf = String::new();
    let mut stack = vec![(i, false)];
    while let Some((n, exit)) = stack.pop() {
        let node = &dom.nodes[n];
        if exit {
            buf.push('\n');
            continue;
        }
        if node.dead == Dead::Dropped || exclude.contains(&n) {
            continue;
        }
        if node.is_text() {
            push_collapsed(&mut buf, node.text);
            continue;
        }
        if node.tag == "br" {
            buf.push('\n');
            continue;
        }
        if is_block_tag(node.tag) {
            buf.push('\n');
            stack.push((n, true));
        } else if buf.ends_with(['.', '!', '?', ':', ';', ',', ')', '”']) {
            // inline elements that styling alone sets apart: "… California.<span>Name—Agency"
            buf.push(' ');
        }
        stack.extend(node.children.iter().rev().map(|&c| (c, false)));
    }
    tidy_lines(&buf, sep)
}

/// A tweet the page saved after Twitter's script had replaced it with an iframe: no
/// text is left, but the post is still known by its id.
/// Older widgets marked the iframe itself (`class="twitter-tweet"`); newer ones put it,
/// unmarked, inside `div.twitter-tweet-rendered` with the post's id in its `src`.
fn rendered_tweet(dom: &Dom, i: usize) -> Option<Block> {
    let node = &dom.nodes[i];
    let marked = |n: usize| {
        dom.nodes[n]
            .attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == "twitter-tweet"))
    };
    let parent = node.parent;
    let src = node.attr("src").unwrap_or("");
    let widget = src.contains("platform.twitter.com/embed")
        || node
            .attr("id")
            .is_some_and(|id| id.starts_with("twitter-widget"));
    if !(marked(i) || widget && parent != NONE && marked(parent)) {
        return None;
    }
    let id = node
        .attr("data-tweet-id")
        .or_else(|| tweet_id_in_src(src))?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Block {
        kind: BlockKind::Embed,
        text: String::new(),
        credit: None,
        url: Some(format!("https://twitter.com/i/web/status/{id}")),
        platform: Some("twitter".into()),
    })
}

/// The `id=` parameter of a widget's `src` ("...Tweet.html?dnt=false&id=123&lang=en").
fn tweet_id_in_src(src: &str) -> Option<&str> {
    let query = src.split_once('?')?.1;
    query
        .split(['&', '#'])
        .find_map(|kv| kv.strip_prefix("id="))
}

fn embed_platform(dom: &Dom, i: usize) -> Option<&'static str> {
    let node = &dom.nodes[i];
    let class = node.attr("class")?;
    let has = |name: &str| {
        class
            .split_whitespace()
            .any(|c| c.eq_ignore_ascii_case(name))
    };
    let platform = if has("twitter-tweet") || has("twitter-video") || has("twitter-tweet-rendered")
    {
        "twitter"
    } else if has("instagram-media") {
        "instagram"
    } else if has("tiktok-embed") {
        "tiktok"
    } else if has("bluesky-embed") {
        "bluesky"
    } else if has("fb-xfbml-parse-ignore") || has("fb-post") {
        "facebook"
    } else if has("mastodon-embed") {
        "mastodon"
    } else if has("text-post-media") {
        "threads"
    } else if has("reddit-embed-bq") || has("reddit-card") {
        "reddit"
    } else {
        return None;
    };
    if node.tag == "div" && platform != "facebook" {
        return None;
    }
    Some(platform)
}

fn embed_block(dom: &Dom, i: usize, platform: &'static str) -> Block {
    let node = &dom.nodes[i];
    let text = all_text(dom, i, &HashSet::new(), "\n");
    let links: Vec<&str> = dom
        .descendants(i)
        .into_iter()
        .filter(|&d| dom.nodes[d].tag == "a")
        .filter_map(|d| dom.nodes[d].attr("href"))
        .collect();
    // the post's own address: the platform's attribute for it, else the last link to
    // a post (the date under a tweet), else what the markup cites
    let post = POST_URL_ATTRS
        .iter()
        .filter_map(|a| node.attr(a))
        .chain(links.iter().rev().copied())
        .filter_map(post_link)
        .find(|p| p.platform == platform);
    let url = match post {
        Some(p) => Some(p.url),
        None => node
            .attr("cite")
            .or_else(|| links.last().copied())
            .map(|u| u.split('?').next().unwrap_or(u).to_string()),
    };
    Block {
        kind: BlockKind::Embed,
        text,
        credit: None,
        url,
        platform: Some(platform.to_string()),
    }
}

/// Embedded posts under `i` (outermost only).
fn embeds_inside(dom: &Dom, i: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let mut stack: Vec<usize> = dom.nodes[i].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        let node = &dom.nodes[n];
        if node.dead == Dead::Dropped || node.is_text() {
            continue;
        }
        let found = match node.tag {
            "blockquote" | "div" => embed_platform(dom, n).map(|p| embed_block(dom, n, p)),
            _ => None,
        }
        .or_else(|| {
            (node.tag == "iframe")
                .then(|| rendered_tweet(dom, n))
                .flatten()
        })
        .or_else(|| placeholder_embed(dom, n));
        match found {
            Some(b) => out.push(b),
            None => stack.extend(node.children.iter().rev().copied()),
        }
    }
    out
}

/// Attributes where embed markup and lazy-load placeholders keep the post's address.
const POST_URL_ATTRS: &[&str] = &[
    "data-instgrm-permalink",
    "data-text-post-permalink",
    "data-bluesky-uri",
    "data-embed-url",
    "data-href",
    "data-url",
    "data-permalink",
    "data-src",
    "data-lazy-src",
    "data-link",
    "cite",
];

/// A wrapper this large is a section of the page, not one post's placeholder.
const MAX_PLACEHOLDER_NODES: usize = 120;

/// A post known by its address or id only: an `iframe` showing a post, an AMP tag
/// (`amp-twitter data-tweetid`, `amp-instagram data-shortcode`, `amp-youtube`), or a
/// lazy-load placeholder (`div data-tweet-id`, `div data-url=".../status/1"`) whose
/// script would have drawn it. Any text inside (a fallback blockquote) is the post.
fn placeholder_embed(dom: &Dom, i: usize) -> Option<Block> {
    let node = &dom.nodes[i];
    let el = node.el?;
    if matches!(
        node.tag,
        "a" | "img" | "body" | "html" | "article" | "main" | "link" | "source" | "video" | "audio"
    ) {
        return None;
    }
    let found = el
        .attrs()
        .find_map(|(name, value)| attr_post(node.tag, name, value.trim()));
    let found = found?;
    let inside = dom.descendants(i);
    if inside.len() > MAX_PLACEHOLDER_NODES {
        return None;
    }
    // the fallback markup inside may name the post more fully ("/ana/status/1" for an id)
    let url = inside
        .iter()
        .rev()
        .filter(|&&d| dom.nodes[d].tag == "a")
        .filter_map(|&d| dom.nodes[d].attr("href"))
        .filter_map(post_link)
        .find(|p| p.platform == found.platform)
        .map_or(found.url, |p| p.url);
    let text = all_text(dom, i, &HashSet::new(), "\n");
    Some(Block {
        kind: BlockKind::Embed,
        text,
        credit: None,
        url: Some(url),
        platform: Some(found.platform.to_string()),
    })
}

fn tweet_by_id(id: &str) -> Option<PostLink> {
    (!id.is_empty() && id.len() <= 24 && id.bytes().all(|b| b.is_ascii_digit())).then(|| PostLink {
        platform: "twitter",
        url: format!("https://twitter.com/i/web/status/{id}"),
    })
}

/// The post of an AMP component from its id attribute.
fn amp_post(tag: &str, name: &str, value: &str) -> Option<PostLink> {
    let ok = |v: &str| {
        !v.is_empty()
            && v.len() <= 64
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    match (tag, name) {
        ("amp-instagram", "data-shortcode") if ok(value) => Some(PostLink {
            platform: "instagram",
            url: format!("https://www.instagram.com/p/{value}/"),
        }),
        ("amp-youtube", "data-videoid") if ok(value) => Some(PostLink {
            platform: "youtube",
            url: format!("https://www.youtube.com/watch?v={value}"),
        }),
        ("lite-youtube", "videoid") if ok(value) => Some(PostLink {
            platform: "youtube",
            url: format!("https://www.youtube.com/watch?v={value}"),
        }),
        ("amp-tiktok", "data-src") if value.bytes().all(|b| b.is_ascii_digit()) && ok(value) => {
            Some(PostLink {
                platform: "tiktok",
                url: format!("https://www.tiktok.com/embed/v2/{value}"),
            })
        }
        _ => None,
    }
}

/// Whether `i` is, or closely wraps, an embedded post: cleaning passes keep it even
/// when its class says "social" or it holds no text yet.
pub(super) fn holds_embed(dom: &Dom, i: usize) -> bool {
    let is_embed = |n: usize| {
        let node = &dom.nodes[n];
        !node.is_text()
            && (embed_platform(dom, n).is_some()
                || node.tag == "iframe" && rendered_tweet(dom, n).is_some()
                || placeholder_link(dom, n))
    };
    if is_embed(i) {
        return true;
    }
    let inside = dom.descendants(i);
    inside.len() <= 40 && inside.into_iter().any(is_embed)
}

/// Whether a node carries a post's address or id in its attributes.
fn placeholder_link(dom: &Dom, i: usize) -> bool {
    let node = &dom.nodes[i];
    node.el.is_some_and(|el| {
        el.attrs()
            .any(|(name, value)| attr_post(node.tag, name, value.trim()).is_some())
    })
}

/// The post one attribute names: a tweet id (`data-tweet-id`, `data-tweetid`), a post's
/// address in any `data-*` attribute, `cite` or an iframe's `src`, or an AMP
/// component's id (`amp-instagram data-shortcode`).
fn attr_post(tag: &str, name: &str, value: &str) -> Option<PostLink> {
    if name.starts_with("data-") && name.contains("tweet") && !value.contains('/') {
        return tweet_by_id(value);
    }
    let url_attr = POST_URL_ATTRS.contains(&name)
        || name.starts_with("data-") && value.contains("://")
        || name == "src" && tag == "iframe";
    if url_attr {
        if let Some(p) = post_link(value) {
            return Some(p);
        }
    }
    if tag.starts_with("amp-") || tag == "lite-youtube" {
        return amp_post(tag, name, value);
    }
    None
}

/// Attributes where lazy-load and gallery markup keep a picture's caption and credit
/// when the page draws them only with a script.
const CAPTION_ATTRS: &[&str] = &[
    "data-caption",
    "data-image-caption",
    "data-photo-caption",
    "data-media-caption",
];
const CREDIT_ATTRS: &[&str] = &[
    "data-credit",
    "data-photo-credit",
    "data-image-credit",
    "data-media-credit",
    "data-credits",
];

/// A caption or credit the markup keeps only in attributes (`data-caption`,
/// `data-credit`, `data-photo-credit`), when no caption or credit is shown beside the
/// picture: the page's script would have drawn it from there. (`alt` text describes the
/// picture for those who cannot see it and is no caption.)
fn attribute_caption(dom: &Dom, i: usize) -> Option<Block> {
    let node = &dom.nodes[i];
    if node.is_text() || matches!(node.tag, "body" | "article" | "main" | "section" | "a") {
        return None;
    }
    let value = |names: &[&str]| {
        names
            .iter()
            .filter_map(|n| node.attr(n))
            .map(without_tags)
            .find(|v| !v.is_empty())
    };
    let text = value(CAPTION_ATTRS);
    let credit = value(CREDIT_ATTRS);
    if text.is_none() && credit.is_none() {
        return None;
    }
    // a share button's "data-caption" is the text it would post, not a picture's
    if !holds_picture(dom, i) || shown_caption_near(dom, i) {
        return None;
    }
    Some(Block {
        kind: BlockKind::Caption,
        text: text.unwrap_or_default(),
        credit,
        url: None,
        platform: None,
    })
}

/// Whether `i` is or holds a picture: an `img` or `picture`, or (a gallery's slide drawn
/// by script) an attribute naming an image file.
fn holds_picture(dom: &Dom, i: usize) -> bool {
    let is_picture = |n: usize| {
        let node = &dom.nodes[n];
        matches!(node.tag, "img" | "picture" | "amp-img")
            || node.el.is_some_and(|el| {
                el.attrs().any(|(_, v)| {
                    let v = v.trim().to_ascii_lowercase();
                    let path = v.split(['?', '#']).next().unwrap_or("");
                    v.len() < 2000
                        && [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
                            .iter()
                            .any(|ext| path.ends_with(ext))
                })
            })
    };
    is_picture(i) || {
        let inside = dom.descendants(i);
        inside.len() <= 80 && inside.into_iter().any(is_picture)
    }
}

/// Whether the picture at `i` has a caption or credit on the page: inside it or in the
/// small block around it (up to its figure, or three levels up, and never a block that
/// holds another picture).
fn shown_caption_near(dom: &Dom, i: usize) -> bool {
    let mut around = vec![i];
    for a in dom.ancestors(i, 3) {
        let pictures = dom
            .descendants(a)
            .into_iter()
            .filter(|&d| matches!(dom.nodes[d].tag, "img" | "amp-img"))
            .count();
        if pictures > 1 {
            break;
        }
        around.push(a);
        if dom.nodes[a].tag == "figure" {
            break;
        }
    }
    around.into_iter().any(|a| {
        let inside = dom.descendants(a);
        inside.len() <= 80
            && inside.into_iter().any(|d| {
                !dom.nodes[d].is_text()
                    && (is_caption(dom, d) || is_credit(dom, d))
                    && !dom.text(d).is_empty()
            })
    })
}

/// An attribute's value without the markup some sites leave in it ("<span>Name/AP</span>").
fn without_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A figure without a caption of its own, followed by its caption as a sibling (some
/// galleries write `<figure><img></figure><figcaption>…</figcaption>`): one caption, with
/// credits from both. Returns the block and the caption node it used.
fn figure_then_caption(dom: &Dom, figure: usize) -> Option<(Block, usize)> {
    let has_caption = dom
        .descendants(figure)
        .into_iter()
        .any(|d| !dom.nodes[d].is_text() && is_caption(dom, d));
    if has_caption {
        return None;
    }
    let parent = dom.nodes[figure].parent;
    if parent == NONE {
        return None;
    }
    let siblings = &dom.nodes[parent].children;
    let at = siblings.iter().position(|&c| c == figure)?;
    let next = siblings[at + 1..].iter().copied().find(|&c| {
        let n = &dom.nodes[c];
        n.dead != Dead::Dropped && !(n.is_text() && n.text.trim().is_empty())
    })?;
    let n = &dom.nodes[next];
    if n.is_text() || n.tag == "figure" || !is_caption(dom, next) {
        return None;
    }
    let mut credits = credit_nodes(dom, figure);
    credits.extend(credit_nodes(dom, next));
    caption_block(dom, next, &credits).map(|b| (b, next))
}

/// A small block that holds a caption and, beside it, the credit (`<div><div
/// itemprop=caption>…</div><figcaption class=credit>Name/Agency</figcaption></div>`):
/// one caption, not a caption without credit and a credit without caption.
fn caption_group(dom: &Dom, i: usize) -> Option<Block> {
    let node = &dom.nodes[i];
    if !matches!(node.tag, "div" | "span" | "p" | "li" | "section")
        || is_caption(dom, i)
        || is_credit(dom, i)
        || dom.descendants(i).len() >= 60
    {
        return None;
    }
    let kids: Vec<usize> = dom.nodes[i]
        .children
        .iter()
        .copied()
        .filter(|&k| dom.nodes[k].dead != Dead::Dropped && !dom.nodes[k].is_text())
        .collect();
    let caption = kids
        .iter()
        .copied()
        .find(|&k| is_caption(dom, k) && !is_credit(dom, k))?;
    let credits: Vec<usize> = kids
        .iter()
        .copied()
        .filter(|&k| k != caption && is_credit(dom, k) && !dom.text(k).is_empty())
        .collect();
    if credits.is_empty() {
        return None;
    }
    caption_block(dom, caption, &credits)
}

/// Most words a picture's caption cell holds.
const MAX_TABLE_CAPTION_WORDS: usize = 100;

/// Wire pages laid out in tables: one picture in a small table, its caption in the same
/// or the next cell, ending with a credit ("… (AP Photo/Name)"). Only a caption whose
/// credit parses is taken: a table of text and a picture is otherwise a layout.
fn table_caption(dom: &Dom, i: usize) -> Option<Block> {
    if dom.nodes[i].tag != "table" {
        return None;
    }
    let inside = dom.descendants(i);
    if inside.len() > 80
        || inside
            .iter()
            .filter(|&&d| dom.nodes[d].tag == "img")
            .count()
            != 1
    {
        return None;
    }
    let text = all_text(dom, i, &HashSet::new(), " ");
    let words = text.split_whitespace().count();
    if words == 0 || words > MAX_TABLE_CAPTION_WORDS {
        return None;
    }
    crate::extract::captions::ends_with_credit(&text).then_some(Block {
        kind: BlockKind::Caption,
        text,
        credit: None,
        url: None,
        platform: None,
    })
}
