//! Finding the article in a page: a Readability-style scoring of the page's blocks.
//!
//! Pages wrap a few paragraphs of story in menus, share bars, related links, comments
//! and ads. Markup alone does not say which is which, but text does: story paragraphs
//! are long, carry commas and few links, and sit together under one container. So
//! (following Mozilla's Readability, whose behaviour readers have come to expect):
//! boilerplate is dropped by class/id/role patterns and visibility, every paragraph-like
//! element scores its ancestors by its length and commas, scores are discounted by link
//! density, the best container wins and takes along siblings that score nearly as well,
//! and the result is cleaned of link-heavy lists, forms and widgets. When that leaves
//! too little text the page is read again with the filters relaxed one by one.
//!
//! Everything works on [`Dom`], counts are kept per node and updated on removal, and
//! walks are iterative, so a page costs time linear in its size.

use super::dom::{collapsed_len, Dead, Dom, NONE};
use regex::Regex;
use scraper::Html;
use std::collections::HashSet;
use std::sync::LazyLock;

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|promo-box|outbrain|taboola|share-bar|recirc")
        .expect("valid pattern")
});
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)and|article|body|column|content|main|mathjax|shadow").expect("valid pattern")
});
static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    )
    .expect("valid pattern")
});
static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|subscribe|cookie")
        .expect("valid pattern")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)byline|author|dateline|writtenby|p-author").expect("valid pattern")
});
static SHARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(\b|_)(share|sharedaddy)(\b|_)").expect("valid pattern"));
static AD_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$")
        .expect("valid pattern")
});
static LOADING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$")
        .expect("valid pattern")
});

const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];
fn is_scored_tag(tag: &str) -> bool {
    matches!(
        tag,
        "section" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "td" | "pre"
    )
}
fn is_div_to_p_tag(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}
fn is_phrasing_tag(tag: &str) -> bool {
    matches!(
        tag,
        "abbr"
            | "audio"
            | "b"
            | "bdo"
            | "br"
            | "button"
            | "cite"
            | "code"
            | "data"
            | "datalist"
            | "dfn"
            | "em"
            | "embed"
            | "i"
            | "img"
            | "input"
            | "kbd"
            | "label"
            | "mark"
            | "math"
            | "meter"
            | "noscript"
            | "object"
            | "output"
            | "progress"
            | "q"
            | "ruby"
            | "samp"
            | "script"
            | "select"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "textarea"
            | "time"
            | "var"
            | "wbr"
            | "u"
            | "s"
            | "font"
            | "tt"
            | "big"
            | "strike"
    )
}
fn is_always_dropped(tag: &str) -> bool {
    matches!(tag, "nav" | "form" | "footer" | "aside")
}

/// Below this many characters of text an extraction is retried with looser rules.
const CHAR_THRESHOLD: usize = 500;

#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weight_classes: bool,
    clean_conditionally: bool,
}

/// The article found in a page: the tree, the chosen nodes, and where to look for
/// captions and embeds.
pub struct Article<'a> {
    pub dom: Dom<'a>,
    /// The chosen container and the siblings that joined it, in document order.
    pub content: Vec<usize>,
    /// The part of the page captions and embeds are taken from.
    pub scope: usize,
    /// A byline the page shows (an element marked as one), if any.
    pub byline: Option<String>,
}

/// Find the article in a parsed page. `title` is the known title (its repeat as a
/// heading is dropped from the text).
pub fn extract<'a>(page: &'a Html, title: &str) -> Article<'a> {
    let attempts = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
    let mut best: Option<(usize, Article<'a>)> = None;
    for flags in attempts {
        let article = grab(Dom::from_page(page), flags, title);
        let len: usize = article
            .content
            .iter()
            .map(|&c| live_len(&article.dom, c))
            .sum();
        if len >= CHAR_THRESHOLD {
            return article;
        }
        if best.as_ref().is_none_or(|(l, _)| len > *l) {
            best = Some((len, article));
        }
    }
    match best {
        Some((_, a)) => a,
        None => grab(Dom::from_page(page), attempts[0], title),
    }
}

/// Characters of live text under a node.
fn live_len(dom: &Dom, i: usize) -> usize {
    if i >= dom.nodes.len() {
        return 0;
    }
    let mut n = 0;
    if dom.nodes[i].is_text() {
        n += collapsed_len(dom.nodes[i].text);
    }
    for d in dom.descendants(i) {
        if dom.nodes[d].is_text() {
            n += collapsed_len(dom.nodes[d].text);
        }
    }
    n
}

/// Counts over a node's live descendants (the node itself not included).
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    chars: f64,
    link_chars: f64,
    commas: f64,
    p: f64,
    img: f64,
    li: f64,
    input: f64,
    embed: f64,
    heading_chars: f64,
    li_chars: f64,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.p += o.p;
        self.img += o.img;
        self.li += o.li;
        self.input += o.input;
        self.embed += o.embed;
        self.heading_chars += o.heading_chars;
        self.li_chars += o.li_chars;
    }
    fn sub(&mut self, o: &Stats) {
        self.chars -= o.chars;
        self.link_chars -= o.link_chars;
        self.commas -= o.commas;
        self.p -= o.p;
        self.img -= o.img;
        self.li -= o.li;
        self.input -= o.input;
        self.embed -= o.embed;
        self.heading_chars -= o.heading_chars;
        self.li_chars -= o.li_chars;
    }
    fn link_density(&self) -> f64 {
        if self.chars <= 0.0 {
            0.0
        } else {
            (self.link_chars / self.chars).clamp(0.0, 1.0)
        }
    }
}

fn count_commas(s: &str) -> usize {
    s.chars()
        .filter(|c| {
            matches!(
                c,
                '\u{2C}'
                    | '\u{60C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        })
        .count()
}

/// What a node adds to its parent's counts.
fn contribution(dom: &Dom, stats: &[Stats], i: usize) -> Stats {
    let node = &dom.nodes[i];
    if node.is_text() {
        let chars = collapsed_len(node.text) as f64;
        return Stats {
            chars,
            commas: count_commas(node.text) as f64,
            ..Stats::default()
        };
    }
    let mut s = stats[i];
    match node.tag {
        "p" => s.p += 1.0,
        "img" => s.img += 1.0,
        "li" => {
            s.li += 1.0;
            s.li_chars = s.chars;
        }
        "input" => s.input += 1.0,
        "iframe" | "object" | "embed" => s.embed += 1.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => s.heading_chars = s.chars,
        "a" => {
            let weight = if node
                .attr("href")
                .is_some_and(|h| h.trim_start().starts_with('#'))
            {
                0.3
            } else {
                1.0
            };
            s.link_chars = s.chars * weight;
        }
        _ => {}
    }
    s
}

/// Counts for every live node, computed bottom-up in one pass.
fn compute_stats(dom: &Dom) -> Vec<Stats> {
    let mut stats = vec![Stats::default(); dom.nodes.len()];
    let mut order = vec![dom.root];
    order.extend(dom.descendants(dom.root));
    for &i in order.iter().rev() {
        let p = dom.nodes[i].parent;
        if p != NONE {
            let c = contribution(dom, &stats, i);
            stats[p].add(&c);
        }
    }
    stats
}

/// Remove a node and take its counts off its ancestors.
fn remove(dom: &mut Dom, stats: &mut [Stats], i: usize, why: Dead) {
    let c = contribution(dom, stats, i);
    dom.nodes[i].dead = why;
    let mut p = dom.nodes[i].parent;
    while p != NONE {
        stats[p].sub(&c);
        p = dom.nodes[p].parent;
    }
}

pub(super) fn is_probably_visible(dom: &Dom, i: usize) -> bool {
    let n = &dom.nodes[i];
    if let Some(style) = n.attr("style") {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return false;
        }
    }
    if n.attr("hidden").is_some() {
        return false;
    }
    if n.attr("aria-hidden").is_some_and(|v| v == "true")
        && !n
            .attr("class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return false;
    }
    true
}

fn is_phrasing(dom: &Dom, nonphrasing_inside: &[bool], i: usize) -> bool {
    let n = &dom.nodes[i];
    n.is_text()
        || is_phrasing_tag(n.tag)
        || (matches!(n.tag, "a" | "del" | "ins")
            && !nonphrasing_inside.get(i).copied().unwrap_or(true))
}

fn is_whitespace(dom: &Dom, i: usize) -> bool {
    let n = &dom.nodes[i];
    (n.is_text() && n.text.trim().is_empty()) || n.tag == "br"
}

/// For every node: whether a live descendant is a block (`DIV_TO_P`), and whether one is
/// not phrasing content. Bottom-up, once, so the walk below needs no subtree searches.
fn block_facts(dom: &Dom) -> (Vec<bool>, Vec<bool>, Vec<bool>) {
    let mut block = vec![false; dom.nodes.len()];
    let mut nonphrasing = vec![false; dom.nodes.len()];
    let mut has_text = vec![false; dom.nodes.len()];
    let mut order = vec![dom.root];
    order.extend(dom.descendants(dom.root));
    for &i in order.iter().rev() {
        let p = dom.nodes[i].parent;
        if p == NONE {
            continue;
        }
        let n = &dom.nodes[i];
        if block[i] || is_div_to_p_tag(n.tag) {
            block[p] = true;
        }
        let phrasing =
            n.is_text() || is_phrasing_tag(n.tag) || matches!(n.tag, "a" | "del" | "ins");
        if nonphrasing[i] || !phrasing {
            nonphrasing[p] = true;
        }
        if has_text[i] || (n.is_text() && !n.text.trim().is_empty()) {
            has_text[p] = true;
        }
    }
    (block, nonphrasing, has_text)
}

/// Turn `<br><br>` runs into paragraph breaks: what follows them up to the next run
/// becomes a paragraph of its own.
fn replace_brs(dom: &mut Dom) {
    let parents: Vec<usize> = {
        let mut seen = HashSet::new();
        (0..dom.nodes.len())
            .filter(|&i| dom.nodes[i].tag == "br")
            .map(|i| dom.nodes[i].parent)
            .filter(|&p| p != NONE && seen.insert(p))
            .collect()
    };
    for parent in parents {
        let kids: Vec<usize> = dom.kids(parent).collect();
        let brs = kids.iter().filter(|&&k| dom.nodes[k].tag == "br").count();
        if brs < 2 {
            continue;
        }
        let mut out: Vec<usize> = Vec::with_capacity(kids.len());
        let mut current: Option<usize> = None;
        let mut k = 0;
        while k < kids.len() {
            let node = kids[k];
            if dom.nodes[node].tag == "br" {
                // Look for a second <br>, skipping whitespace.
                let mut j = k + 1;
                while j < kids.len()
                    && dom.nodes[kids[j]].is_text()
                    && dom.nodes[kids[j]].text.trim().is_empty()
                {
                    j += 1;
                }
                if j < kids.len() && dom.nodes[kids[j]].tag == "br" {
                    // Swallow the whole run.
                    let mut end = j;
                    loop {
                        let mut n = end + 1;
                        while n < kids.len()
                            && dom.nodes[kids[n]].is_text()
                            && dom.nodes[kids[n]].text.trim().is_empty()
                        {
                            n += 1;
                        }
                        if n < kids.len() && dom.nodes[kids[n]].tag == "br" {
                            end = n;
                        } else {
                            break;
                        }
                    }
                    for &dead in &kids[k..=end] {
                        dom.nodes[dead].dead = Dead::Dropped;
                    }
                    let p = dom.new_element("p", parent);
                    out.push(p);
                    current = Some(p);
                    k = end + 1;
                    continue;
                }
            }
            match current {
                Some(p) if is_phrasing_simple(dom, node) => {
                    dom.nodes[node].parent = p;
                    dom.nodes[p].children.push(node);
                }
                _ => {
                    current = None;
                    out.push(node);
                }
            }
            k += 1;
        }
        // Keep dead children listed (they are filtered anyway) so counts stay simple.
        dom.nodes[parent].children = out;
        if dom.nodes[parent].tag == "p" {
            dom.nodes[parent].tag = "div";
        }
    }
}

fn is_phrasing_simple(dom: &Dom, i: usize) -> bool {
    let n = &dom.nodes[i];
    n.is_text() || is_phrasing_tag(n.tag) || matches!(n.tag, "a" | "del" | "ins")
}

fn class_weight(dom: &Dom, i: usize, flags: Flags) -> f64 {
    if !flags.weight_classes {
        return 0.0;
    }
    let n = &dom.nodes[i];
    let mut w = 0.0;
    for value in [n.attr("class"), n.attr("id")].into_iter().flatten() {
        if value.is_empty() {
            continue;
        }
        if NEGATIVE.is_match(value) {
            w -= 25.0;
        }
        if POSITIVE.is_match(value) {
            w += 25.0;
        }
    }
    w
}

fn initial_score(dom: &Dom, i: usize, flags: Flags) -> f64 {
    let base = match dom.nodes[i].tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(dom, i, flags)
}

/// Tokens of `b` not in `a`, weighted by length: 1.0 when `b` adds nothing to `a`.
fn text_similarity(a: &str, b: &str) -> f64 {
    let tok = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let ta = tok(a);
    let tb = tok(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let total: usize = tb.iter().map(|t| t.len() + 1).sum();
    let rest: usize = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(|t| t.len() + 1)
        .sum();
    1.0 - rest as f64 / total as f64
}

struct Grab {
    to_score: Vec<usize>,
    byline: Option<String>,
}

/// Drop boilerplate, turn text-only divs into paragraphs, and list what to score.
fn prepare(dom: &mut Dom, flags: Flags, title: &str) -> Grab {
    replace_brs(dom);
    let (mut block_inside, nonphrasing_inside, has_text) = block_facts(dom);
    let mut out = Grab {
        to_score: Vec::new(),
        byline: None,
    };
    let mut title_header_seen = title.trim().is_empty();
    let mut stack: Vec<usize> = dom.kids(dom.root).collect();
    stack.reverse();
    while let Some(i) = stack.pop() {
        if dom.nodes[i].dead != Dead::Alive || dom.nodes[i].is_text() {
            continue;
        }
        let tag = dom.nodes[i].tag;
        let (class, id) = (dom.nodes[i].class(), dom.nodes[i].id());
        let matches = |re: &Regex| re.is_match(class) || re.is_match(id);
        if !is_probably_visible(dom, i) || is_always_dropped(tag) && flags.strip_unlikely {
            // an embedded post in an `aside` is no text, but it is a post of the story
            dom.nodes[i].dead = if is_probably_visible(dom, i)
                && tag == "aside"
                && super::blocks::holds_embed(dom, i)
            {
                Dead::Cleaned
            } else {
                Dead::Dropped
            };
            continue;
        }
        if dom.nodes[i].attr("aria-modal") == Some("true")
            && dom.nodes[i].attr("role") == Some("dialog")
        {
            dom.nodes[i].dead = Dead::Dropped;
            continue;
        }
        if out.byline.is_none() && is_byline(dom, i, matches(&BYLINE)) {
            let text = dom.text(i);
            if !text.is_empty() && text.chars().count() < 100 {
                out.byline = Some(byline_text(dom, i).unwrap_or(text));
                dom.nodes[i].dead = Dead::Dropped;
                continue;
            }
        }
        if !title_header_seen && matches!(tag, "h1" | "h2") {
            let heading = dom.text(i);
            if text_similarity(title, &heading) > 0.75 {
                title_header_seen = true;
                dom.nodes[i].dead = Dead::Dropped;
                continue;
            }
        }
        if flags.strip_unlikely {
            if matches(&UNLIKELY)
                && !matches(&MAYBE)
                && !dom.has_ancestor_tag(i, "table")
                && !dom.has_ancestor_tag(i, "code")
                && tag != "body"
                && tag != "a"
                && !matches!(tag, "article" | "main")
                // an embedded post in a "social-embed" wrapper
                && !super::blocks::holds_embed(dom, i)
            {
                dom.nodes[i].dead = Dead::Dropped;
                continue;
            }
            if dom.nodes[i]
                .attr("role")
                .is_some_and(|r| UNLIKELY_ROLES.contains(&r))
            {
                dom.nodes[i].dead = Dead::Dropped;
                continue;
            }
        }
        if matches!(
            tag,
            "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        ) && !has_text.get(i).copied().unwrap_or(true)
            && dom
                .element_kids(i)
                .all(|k| matches!(dom.nodes[k].tag, "br" | "hr"))
            // a lazy-load placeholder: no text until a script draws the post
            && !super::blocks::holds_embed(dom, i)
        {
            dom.nodes[i].dead = Dead::Dropped;
            continue;
        }
        let mut next = i;
        if is_scored_tag(tag) {
            out.to_score.push(i);
        }
        if tag == "div"
            && all_phrasing(dom, i, &nonphrasing_inside)
            && link_density_now(dom, i) < 0.25
        {
            // A div of nothing but text becomes the paragraph itself (Readability wraps
            // the text in a new paragraph and puts it in the div's place; keeping the div
            // keeps its attributes, such as `itemprop=caption`).
            dom.nodes[i].tag = "p";
            out.to_score.push(i);
        } else if tag == "div" {
            wrap_phrasing_runs(dom, i, &nonphrasing_inside, &mut block_inside);
            let elements: Vec<usize> = dom.element_kids(i).collect();
            let only_text_is_blank = dom
                .kids(i)
                .filter(|&k| dom.nodes[k].is_text())
                .all(|k| dom.nodes[k].text.trim().is_empty());
            if elements.len() == 1
                && dom.nodes[elements[0]].tag == "p"
                && only_text_is_blank
                && link_density_now(dom, i) < 0.25
            {
                let p = elements[0];
                replace_with_child(dom, i, p);
                out.to_score.push(p);
                next = p;
            } else if !block_inside.get(i).copied().unwrap_or(false) {
                dom.nodes[i].tag = "p";
                out.to_score.push(i);
            }
        }
        let start = stack.len();
        stack.extend(dom.kids(next));
        stack[start..].reverse();
    }
    out
}

fn is_byline(dom: &Dom, i: usize, class_matches: bool) -> bool {
    let n = &dom.nodes[i];
    n.attr("rel") == Some("author")
        || n.attr("itemprop").is_some_and(|p| p.contains("author"))
        || class_matches
}

/// The name inside a byline element marked with `itemprop=name`, when there is one.
fn byline_text(dom: &Dom, i: usize) -> Option<String> {
    dom.descendants(i)
        .into_iter()
        .find(|&d| dom.nodes[d].attr("itemprop") == Some("name"))
        .map(|d| dom.text(d))
        .filter(|t| !t.is_empty())
}

fn link_density_now(dom: &Dom, i: usize) -> f64 {
    let mut total = 0usize;
    let mut links = 0usize;
    let mut stack = vec![(i, false)];
    while let Some((n, in_link)) = stack.pop() {
        let node = &dom.nodes[n];
        if node.is_text() {
            let l = collapsed_len(node.text);
            total += l;
            if in_link {
                links += l;
            }
            continue;
        }
        let link = in_link || node.tag == "a";
        stack.extend(dom.kids(n).map(|k| (k, link)));
    }
    if total == 0 {
        0.0
    } else {
        links as f64 / total as f64
    }
}

/// Whether every child of a node is text or inline markup (and some of it is text).
fn all_phrasing(dom: &Dom, i: usize, nonphrasing_inside: &[bool]) -> bool {
    let mut any = false;
    for k in dom.kids(i) {
        if !is_phrasing(dom, nonphrasing_inside, k) {
            return false;
        }
        any |= !is_whitespace(dom, k);
    }
    any
}

/// Wrap each run of loose text and inline elements in a div into a paragraph of its own.
fn wrap_phrasing_runs(
    dom: &mut Dom,
    div: usize,
    nonphrasing_inside: &[bool],
    block_inside: &mut Vec<bool>,
) {
    let kids: Vec<usize> = dom.kids(div).collect();
    if !kids
        .iter()
        .any(|&k| is_phrasing(dom, nonphrasing_inside, k) && !is_whitespace(dom, k))
    {
        return;
    }
    let mut out = Vec::with_capacity(kids.len());
    let mut current: Option<usize> = None;
    for k in kids {
        if is_phrasing(dom, nonphrasing_inside, k) {
            match current {
                Some(p) => {
                    dom.nodes[k].parent = p;
                    dom.nodes[p].children.push(k);
                }
                None if is_whitespace(dom, k) => out.push(k),
                None => {
                    let p = dom.new_element("p", div);
                    block_inside.push(false);
                    dom.nodes[k].parent = p;
                    dom.nodes[p].children.push(k);
                    out.push(p);
                    current = Some(p);
                }
            }
            if let Some(p) = current {
                if block_inside.get(k).copied().unwrap_or(false) || dom.nodes[k].tag == "img" {
                    if let Some(b) = block_inside.get_mut(p) {
                        *b = true;
                    }
                }
            }
        } else {
            current = None;
            out.push(k);
        }
    }
    dom.nodes[div].children = out;
    if let Some(b) = block_inside.get_mut(div) {
        *b = true;
    }
}

/// Put `child` where `node` was.
fn replace_with_child(dom: &mut Dom, node: usize, child: usize) {
    let parent = dom.nodes[node].parent;
    if parent == NONE {
        return;
    }
    if let Some(slot) = dom.nodes[parent].children.iter_mut().find(|c| **c == node) {
        *slot = child;
    }
    dom.nodes[child].parent = parent;
    dom.nodes[node].dead = Dead::Dropped;
    dom.nodes[node].children.retain(|&c| c != child);
}

/// Score, pick the best container, gather its siblings, and clean the result.
fn grab<'a>(mut dom: Dom<'a>, flags: Flags, title: &str) -> Article<'a> {
    let prepared = prepare(&mut dom, flags, title);
    let mut stats = compute_stats(&dom);
    let n = dom.nodes.len();
    let mut score = vec![0.0f64; n];
    let mut scored = vec![false; n];
    let mut candidates = Vec::new();
    for &el in &prepared.to_score {
        if dom.nodes[el].dead != Dead::Alive || dom.nodes[el].parent == NONE {
            continue;
        }
        let s = &stats[el];
        if s.chars < 25.0 {
            continue;
        }
        let ancestors = dom.ancestors(el, 5);
        if ancestors.is_empty() {
            continue;
        }
        let content_score = 1.0 + s.commas + (s.chars / 100.0).floor().min(3.0);
        for (level, &a) in ancestors.iter().enumerate() {
            if !scored[a] {
                scored[a] = true;
                score[a] = initial_score(&dom, a, flags);
                candidates.push(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            score[a] += content_score / divider;
        }
    }
    for &c in &candidates {
        score[c] *= 1.0 - stats[c].link_density();
    }
    candidates.sort_by(|a, b| score[*b].total_cmp(&score[*a]));
    candidates.truncate(5);
    let root = dom.root;
    let content;
    let top;
    match candidates.first().copied() {
        None => {
            top = root;
            content = vec![root];
        }
        Some(t) if t == root => {
            top = root;
            content = vec![root];
        }
        Some(first) => {
            top = promote(
                &dom,
                &stats,
                &mut score,
                &mut scored,
                &candidates,
                first,
                flags,
            );
            content = gather_siblings(&dom, &stats, &score, &scored, top);
        }
    }
    clean(&mut dom, &mut stats, &content, flags);
    let scope = scope_of(&dom, top);
    Article {
        dom,
        content,
        scope,
        byline: prepared.byline,
    }
}

/// Move from the best candidate to a better container: a common ancestor of several
/// near-best candidates, a parent that scores higher, or a parent it is the only child of.
fn promote(
    dom: &Dom,
    stats: &[Stats],
    score: &mut [f64],
    scored: &mut [bool],
    candidates: &[usize],
    first: usize,
    flags: Flags,
) -> usize {
    let root = dom.root;
    let mut top = first;
    let alternatives: Vec<Vec<usize>> = candidates[1..]
        .iter()
        .filter(|&&c| score[top] > 0.0 && score[c] / score[top] >= 0.75)
        .map(|&c| dom.ancestors(c, 0))
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = dom.nodes[top].parent;
        while parent != NONE && parent != root {
            let lists = alternatives.iter().filter(|l| l.contains(&parent)).count();
            if lists >= 3 {
                top = parent;
                break;
            }
            parent = dom.nodes[parent].parent;
        }
    }
    if !scored[top] {
        scored[top] = true;
        score[top] = initial_score(dom, top, flags) * (1.0 - stats[top].link_density());
    }
    let mut parent = dom.nodes[top].parent;
    let mut last = score[top];
    let threshold = last / 3.0;
    while parent != NONE && parent != root {
        if !scored[parent] {
            parent = dom.nodes[parent].parent;
            continue;
        }
        let s = score[parent];
        if s < threshold {
            break;
        }
        if s > last {
            top = parent;
            break;
        }
        last = s;
        parent = dom.nodes[parent].parent;
    }
    let mut parent = dom.nodes[top].parent;
    while parent != NONE && parent != root && dom.element_kids(parent).count() == 1 {
        top = parent;
        parent = dom.nodes[top].parent;
    }
    if !scored[top] {
        scored[top] = true;
        score[top] = initial_score(dom, top, flags);
    }
    top
}

/// The container and its siblings that look like more of the same story.
fn gather_siblings(
    dom: &Dom,
    stats: &[Stats],
    score: &[f64],
    scored: &[bool],
    top: usize,
) -> Vec<usize> {
    let parent = dom.nodes[top].parent;
    if parent == NONE {
        return vec![top];
    }
    let threshold = (score[top] * 0.2).max(10.0);
    let top_class = dom.nodes[top].attr("class").unwrap_or("");
    let mut out = Vec::new();
    for sib in dom.element_kids(parent) {
        if sib == top {
            out.push(sib);
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom.nodes[sib].attr("class") == Some(top_class) {
            bonus += score[top] * 0.2;
        }
        if scored[sib] && score[sib] + bonus >= threshold {
            out.push(sib);
        } else if dom.nodes[sib].tag == "p" {
            let s = &stats[sib];
            let ld = s.link_density();
            if s.chars > 80.0 && ld < 0.25 {
                out.push(sib);
            } else if s.chars < 80.0 && s.chars > 0.0 && ld == 0.0 {
                let text = dom.text(sib);
                if text.contains(". ") || text.ends_with('.') {
                    out.push(sib);
                }
            }
        }
    }
    out
}

/// Where captions and embeds are looked for: the `<article>` around the story when
/// there is one, else the container's parent.
fn scope_of(dom: &Dom, top: usize) -> usize {
    if matches!(dom.nodes[top].tag, "article" | "main") {
        return top;
    }
    let mut p = dom.nodes[top].parent;
    while p != NONE {
        if matches!(dom.nodes[p].tag, "article" | "main") {
            return p;
        }
        p = dom.nodes[p].parent;
    }
    let parent = dom.nodes[top].parent;
    if parent == NONE {
        top
    } else {
        parent
    }
}

/// Clean the chosen content: forms, footers, asides, share widgets, headings that look
/// like boilerplate, and link-heavy tables, lists and divs.
fn clean(dom: &mut Dom, stats: &mut [Stats], content: &[usize], flags: Flags) {
    let mut all: Vec<usize> = Vec::new();
    for &c in content {
        all.push(c);
        all.extend(dom.descendants(c));
    }
    let data_tables: HashSet<usize> = all
        .iter()
        .copied()
        .filter(|&i| dom.nodes[i].tag == "table" && is_data_table(dom, i))
        .collect();
    for tag in ["form", "fieldset"] {
        clean_conditionally(dom, stats, &all, tag, flags, &data_tables);
    }
    for &i in &all {
        if matches!(dom.nodes[i].tag, "footer" | "aside" | "iframe" | "link")
            && dom.nodes[i].dead == Dead::Alive
        {
            remove(dom, stats, i, Dead::Cleaned);
        }
    }
    for &c in content {
        for d in dom.descendants(c) {
            if dom.nodes[d].dead != Dead::Alive || dom.nodes[d].is_text() {
                continue;
            }
            let node = &dom.nodes[d];
            let share = SHARE.is_match(node.class()) || SHARE.is_match(node.id());
            if share && stats[d].chars < CHAR_THRESHOLD as f64 {
                remove(dom, stats, d, Dead::Cleaned);
            }
        }
    }
    for &i in &all {
        if matches!(dom.nodes[i].tag, "h1" | "h2")
            && dom.nodes[i].dead == Dead::Alive
            && class_weight(dom, i, flags) < 0.0
        {
            remove(dom, stats, i, Dead::Cleaned);
        }
    }
    for tag in ["table", "ul", "div"] {
        clean_conditionally(dom, stats, &all, tag, flags, &data_tables);
    }
}

fn is_data_table(dom: &Dom, table: usize) -> bool {
    let n = &dom.nodes[table];
    if n.attr("role") == Some("presentation") || n.attr("datatable") == Some("0") {
        return false;
    }
    if n.attr("summary").is_some() {
        return true;
    }
    let desc = dom.descendants(table);
    if desc.iter().any(|&d| {
        matches!(
            dom.nodes[d].tag,
            "caption" | "col" | "colgroup" | "tfoot" | "thead" | "th"
        )
    }) {
        return true;
    }
    if desc.iter().any(|&d| dom.nodes[d].tag == "table") {
        return false;
    }
    let rows = desc.iter().filter(|&&d| dom.nodes[d].tag == "tr").count();
    let mut columns = 0;
    for &d in &desc {
        if dom.nodes[d].tag == "tr" {
            let cells: usize = dom
                .element_kids(d)
                .filter(|&c| matches!(dom.nodes[c].tag, "td" | "th"))
                .map(|c| {
                    dom.nodes[c]
                        .attr("colspan")
                        .and_then(|s| s.parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(100)
                })
                .sum();
            columns = columns.max(cells);
        }
    }
    if rows >= 10 || columns > 4 {
        return true;
    }
    rows * columns > 10
}

fn in_data_table(dom: &Dom, i: usize, data_tables: &HashSet<usize>) -> bool {
    let mut p = dom.nodes[i].parent;
    while p != NONE {
        if data_tables.contains(&p) {
            return true;
        }
        p = dom.nodes[p].parent;
    }
    false
}

/// Remove `tag` elements that look like widgets rather than story (Readability's rules).
fn clean_conditionally(
    dom: &mut Dom,
    stats: &mut [Stats],
    all: &[usize],
    tag: &str,
    flags: Flags,
    data_tables: &HashSet<usize>,
) {
    if !flags.clean_conditionally {
        return;
    }
    for &i in all.iter().rev() {
        if dom.nodes[i].tag != tag || !dom.is_attached(i) {
            continue;
        }
        if should_remove(dom, stats, i, flags, data_tables) {
            remove(dom, stats, i, Dead::Cleaned);
        }
    }
}

fn should_remove(
    dom: &Dom,
    stats: &[Stats],
    i: usize,
    flags: Flags,
    data_tables: &HashSet<usize>,
) -> bool {
    let tag = dom.nodes[i].tag;
    if tag == "table" && data_tables.contains(&i) {
        return false;
    }
    if in_data_table(dom, i, data_tables) || dom.has_ancestor_tag(i, "code") {
        return false;
    }
    let s = stats[i];
    let mut is_list = matches!(tag, "ul" | "ol");
    if !is_list && s.chars > 0.0 && s.li_chars / s.chars > 0.9 {
        is_list = true;
    }
    let weight = class_weight(dom, i, flags);
    if weight < 0.0 {
        return true;
    }
    if s.commas >= 10.0 {
        return false;
    }
    let p = s.p;
    let img = s.img;
    let li = s.li - 100.0;
    let input = s.input;
    let heading_density = if s.chars > 0.0 {
        s.heading_chars / s.chars
    } else {
        0.0
    };
    let content_length = s.chars;
    if content_length < 40.0 {
        let text = dom.text(i);
        if AD_WORDS.is_match(&text) || LOADING_WORDS.is_match(&text) {
            return true;
        }
    }
    let link_density = s.link_density();
    let in_figure = dom.has_ancestor_tag(i, "figure");
    let embeds = s.embed;
    let remove = (!in_figure && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || (input > (p / 3.0).floor())
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && content_length < 25.0
            && (img == 0.0 || img > 2.0)
            && link_density > 0.0)
        || (!is_list && weight < 25.0 && link_density > 0.2)
        || (weight >= 25.0 && link_density > 0.5)
        || ((embeds == 1.0 && content_length < 75.0) || embeds > 1.0);
    if is_list && remove {
        // Lists of images may stay.
        if dom.element_kids(i).any(|c| dom.element_kids(c).count() > 1) {
            return remove;
        }
        if img == s.li {
            return false;
        }
    }
    remove
}
