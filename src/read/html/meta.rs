//! Article metadata from the page head (and a few marked-up places in the body).
//!
//! Sources are tried in order of trust: JSON-LD (`NewsArticle` and its relatives,
//! including `@graph` documents and arrays), then OpenGraph and `article:*` meta, then
//! Dublin Core, parsely and sailthru meta, then `<time datetime>`, then what the page
//! shows. Titles lose a trailing " - Outlet" / " | Outlet"; bylines are split into
//! people and cleared of outlet names, "Staff" and "By".

use super::date;
use super::dom::push_collapsed;
use crate::model::Metadata;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;
use std::collections::HashMap;

/// What the head and the marked-up parts of the page say.
#[derive(Debug, Default)]
pub struct PageFacts {
    /// `<meta property>` values by key (`og:title`, ...), first one kept; they win over
    /// `name`d ones (`values`) with the same key.
    prop_values: HashMap<String, String>,
    /// `<meta name|itemprop|http-equiv>` values by normalised key (`dc:creator`, ...).
    values: HashMap<String, String>,
    /// Texts of elements the page marks as a byline (`rel=author`, `.byline`, ...).
    pub byline_candidates: Vec<(u8, String)>,
    /// Every author-like meta value, in page order.
    author_values: Vec<String>,
    doc_title: String,
    h1s: Vec<String>,
    lang: Option<String>,
    canonical: Option<String>,
    ld: Vec<Value>,
    /// `datetime` of `<time>` elements that say they are the publication time.
    pub_times: Vec<String>,
    /// `datetime` of every other `<time>`.
    other_times: Vec<String>,
}

/// Read the metadata of a page; also returns the title as the page gave it (before its
/// outlet suffix was cut), which the body pass uses to drop the repeated headline.
pub fn read(page: &Html) -> (Metadata, String) {
    let facts = collect(page);
    let ld = find_ld_article(&facts.ld);
    let outlet = first_of(&[
        facts.get("og:site_name"),
        ld.as_ref().and_then(|a| a.publisher.clone()),
        facts.get("application-name"),
    ]);
    let raw_title = choose_title(&facts, ld.as_ref());
    let title = raw_title
        .as_deref()
        .map(|t| strip_outlet_suffix(t, outlet.as_deref()))
        .filter(|t| !t.is_empty());
    let url = first_of(&[
        facts.canonical.clone(),
        facts.get("og:url"),
        ld.as_ref().and_then(|a| a.url.clone()),
    ])
    .filter(|u| u.starts_with("http"));
    let byline = choose_byline(&facts, ld.as_ref(), outlet.as_deref());
    let author_fields = author_fields(&facts, ld.as_ref());
    let published = choose_date(&facts, ld.as_ref(), url.as_deref());
    let language = first_of(&[
        facts.lang.clone(),
        facts.get("content-language"),
        facts.get("og:locale"),
        facts.get("dc:language"),
        ld.as_ref().and_then(|a| a.language.clone()),
    ])
    .map(|l| l.trim().replace('_', "-"))
    .filter(|l| !l.is_empty() && l.len() < 36);
    let section = first_of(&[
        facts.get("article:section"),
        ld.as_ref().and_then(|a| a.section.clone()),
        facts.get("parsely-section"),
        facts.get("sailthru:section"),
    ]);
    let description = first_of(&[
        ld.as_ref().and_then(|a| a.description.clone()),
        facts.get("og:description"),
        facts.get("description"),
        facts.get("dc:description"),
        facts.get("twitter:description"),
    ]);
    let meta = Metadata {
        title,
        url,
        outlet,
        byline,
        published,
        language,
        section,
        description,
        author_fields,
        ..Metadata::default()
    };
    (meta, raw_title.unwrap_or_default())
}

impl PageFacts {
    fn get(&self, key: &str) -> Option<String> {
        self.prop_values
            .get(key)
            .filter(|v| !v.trim().is_empty())
            .or_else(|| self.values.get(key))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }
}

fn first_of(options: &[Option<String>]) -> Option<String> {
    options.iter().flatten().map(|s| collapse(s)).find(|s| {
        !s.is_empty()
            && !matches!(
                s.to_ascii_lowercase().as_str(),
                "nil" | "null" | "undefined" | "none"
            )
    })
}

fn collapse(s: &str) -> String {
    let mut out = String::new();
    push_collapsed(&mut out, s);
    out.trim().to_string()
}

/// One pass over every element of the page.
fn collect(page: &Html) -> PageFacts {
    let mut facts = PageFacts::default();
    for node in page.tree.nodes() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "html" => {
                if facts.lang.is_none() {
                    facts.lang = el.attr("lang").or(el.attr("xml:lang")).map(str::to_string);
                }
            }
            "meta" => collect_meta(&mut facts, el),
            "title" if facts.doc_title.is_empty() => {
                if let Some(e) = ElementRef::wrap(node) {
                    facts.doc_title = collapse(&e.text().collect::<String>());
                }
            }
            "h1" if facts.h1s.len() < 4 => {
                if let Some(e) = ElementRef::wrap(node) {
                    facts.h1s.push(collapse(&e.text().collect::<String>()));
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && facts.canonical.is_none() {
                    facts.canonical = el.attr("href").map(str::to_string);
                }
            }
            "script" => {
                let kind = el.attr("type").unwrap_or("").to_ascii_lowercase();
                if kind.contains("ld+json") && facts.ld.len() < 16 {
                    if let Some(e) = ElementRef::wrap(node) {
                        let text: String = e.text().collect();
                        if let Some(v) = parse_json_ld(&text) {
                            facts.ld.push(v);
                        }
                    }
                }
            }
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    let marked = el.attr("pubdate").is_some()
                        || el
                            .attr("itemprop")
                            .is_some_and(|p| p.to_ascii_lowercase().contains("datepublished"))
                        || el
                            .attr("class")
                            .is_some_and(|c| c.to_ascii_lowercase().contains("publish"));
                    if marked {
                        facts.pub_times.push(dt.to_string());
                    } else if facts.other_times.len() < 8 {
                        facts.other_times.push(dt.to_string());
                    }
                }
            }
            _ => {
                let attrs = KeyAttrs::of(el);
                if facts.byline_candidates.len() < 12 {
                    if let Some(rank) = byline_rank(el.name(), &attrs) {
                        if let Some(text) = ElementRef::wrap(node).and_then(byline_element_text) {
                            facts.byline_candidates.push((rank, text));
                        }
                    }
                }
                if !attrs.itemprop.is_empty() {
                    let prop = attrs.itemprop.to_ascii_lowercase();
                    if prop.contains("datepublished") {
                        if let Some(v) = el.attr("content").or(el.attr("datetime")) {
                            facts.pub_times.push(v.to_string());
                        }
                    }
                }
            }
        }
    }
    facts
}

static BYLINE_CLASS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)byline|author|writtenby|p-author|contributor").expect("valid pattern")
});

/// Whether an element is marked as the byline, and how surely (0 is best): explicit
/// markup (`rel=author`, `itemprop=author`) first, then class names.
fn byline_rank(tag: &str, attrs: &KeyAttrs) -> Option<u8> {
    if matches!(
        tag,
        "body" | "html" | "article" | "main" | "section" | "meta" | "link" | "script" | "style"
    ) {
        return None;
    }
    let KeyAttrs {
        rel,
        itemprop,
        class,
        id,
    } = *attrs;
    if rel.split_whitespace().any(|t| t == "author") || itemprop.contains("author") {
        return Some(0);
    }
    if class.to_ascii_lowercase().contains("byline") || id.to_ascii_lowercase().contains("byline") {
        return Some(1);
    }
    (BYLINE_CLASS.is_match(class) || BYLINE_CLASS.is_match(id)).then_some(2)
}

/// The attributes every element is checked for, read in one pass (scraper's `attr()`
/// interns the name it is asked for on every call).
#[derive(Clone, Copy)]
struct KeyAttrs<'a> {
    rel: &'a str,
    itemprop: &'a str,
    class: &'a str,
    id: &'a str,
}

impl<'a> KeyAttrs<'a> {
    fn of(el: &'a scraper::node::Element) -> KeyAttrs<'a> {
        let mut a = KeyAttrs {
            rel: "",
            itemprop: "",
            class: "",
            id: "",
        };
        for (name, value) in el.attrs() {
            match name {
                "rel" => a.rel = value,
                "itemprop" => a.itemprop = value,
                "class" => a.class = value,
                "id" => a.id = value,
                _ => {}
            }
        }
        a
    }
}

/// The short text of a byline element (its `itemprop=name` part when it has one).
fn byline_element_text(el: ElementRef<'_>) -> Option<String> {
    let named = el
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|d| d.value().attr("itemprop") == Some("name"));
    let source = named.unwrap_or(el);
    let mut text = String::new();
    for piece in source.text() {
        push_collapsed(&mut text, piece);
        if text.len() > 200 {
            return None;
        }
    }
    let text = text.trim().to_string();
    (!text.is_empty() && text.chars().count() < 100).then_some(text)
}

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "dc:creator",
    "dcterm:creator",
    "dcterms:creator",
    "article:author",
    "article:author_name",
    "parsely-author",
    "sailthru:author",
    "byl",
    "citation_author",
];

fn collect_meta(facts: &mut PageFacts, el: &scraper::node::Element) {
    let Some(content) = el.attr("content") else {
        return;
    };
    let mut keys: Vec<String> = Vec::new();
    if let Some(p) = el.attr("property") {
        for key in p.split_whitespace().map(|k| k.to_ascii_lowercase()) {
            if AUTHOR_KEYS.contains(&key.as_str()) && !content.trim().is_empty() {
                facts.author_values.push(content.to_string());
            }
            facts
                .prop_values
                .entry(key)
                .or_insert_with(|| content.to_string());
        }
    }
    if let Some(n) = el.attr("name") {
        keys.push(normalise_name(n));
    }
    if let Some(n) = el.attr("itemprop") {
        keys.push(n.trim().to_ascii_lowercase());
    }
    if let Some(n) = el.attr("http-equiv") {
        keys.push(n.trim().to_ascii_lowercase());
    }
    for key in keys {
        if key == "article:author" && facts.prop_values.contains_key("article:author") {
            continue;
        }
        if AUTHOR_KEYS.contains(&key.as_str()) && !content.trim().is_empty() {
            facts.author_values.push(content.to_string());
        }
        if key == "parsely-page" || key == "parsely-metadata" {
            collect_parsely_json(facts, content);
        }
        facts
            .values
            .entry(key)
            .or_insert_with(|| content.to_string());
    }
}

/// `DC.Title` -> `dc:title`; `sailthru.author` -> `sailthru:author`.
fn normalise_name(name: &str) -> String {
    name.trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '.' { ':' } else { c })
        .collect()
}

/// parsely's JSON meta (`{"title": ..., "pub_date": ..., "authors": [...]}`).
fn collect_parsely_json(facts: &mut PageFacts, content: &str) {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(content) else {
        return;
    };
    for (key, target) in [
        ("title", "parsely-title"),
        ("pub_date", "parsely-pub-date"),
        ("section", "parsely-section"),
    ] {
        if let Some(Value::String(s)) = map.get(key) {
            facts
                .values
                .entry(target.into())
                .or_insert_with(|| s.clone());
        }
    }
    if let Some(Value::Array(authors)) = map.get("authors") {
        facts.author_values.extend(
            authors
                .iter()
                .filter_map(|a| a.as_str().map(str::to_string)),
        );
    }
}

/// Parse one JSON-LD script, forgiving the wrappers pages put around it.
fn parse_json_ld(text: &str) -> Option<Value> {
    let mut t = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        t = t.strip_prefix(open).unwrap_or(t).trim();
        t = t.strip_suffix(close).unwrap_or(t).trim();
    }
    serde_json::from_str(t).ok().or_else(|| {
        // Raw control characters inside strings are common; JSON forbids them.
        let cleaned: String = t
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// The article a page's JSON-LD describes.
#[derive(Debug, Default, Clone)]
pub struct LdArticle {
    headline: Option<String>,
    name: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    description: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
    section: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "asksnewsarticle",
    "askpublicnewsarticle",
    "satiricalarticle",
    "scholarlyarticle",
    "medicalscholarlyarticle",
    "socialmediaposting",
    "blogposting",
    "liveblogposting",
    "discussionforumposting",
    "techarticle",
    "apireference",
    "report",
    "advertisercontentarticle",
    "videoobject",
];

fn types_of(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|t| t.as_str().map(str::to_ascii_lowercase))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article(v: &Value) -> bool {
    types_of(v).iter().any(|t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        ARTICLE_TYPES.contains(&t)
    })
}

/// Every object in the JSON-LD documents (through arrays and `@graph`), breadth first,
/// bounded so hostile input stays cheap.
fn ld_objects(docs: &[Value]) -> Vec<&Value> {
    let mut out = Vec::new();
    let mut queue: std::collections::VecDeque<(&Value, usize)> =
        docs.iter().map(|d| (d, 0)).collect();
    while let Some((v, depth)) = queue.pop_front() {
        if out.len() > 500 || depth > 4 {
            continue;
        }
        match v {
            Value::Array(items) => queue.extend(items.iter().map(|i| (i, depth + 1))),
            Value::Object(map) => {
                out.push(v);
                for key in ["@graph", "mainEntity", "itemListElement"] {
                    if let Some(inner) = map.get(key) {
                        queue.push_back((inner, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn find_ld_article(docs: &[Value]) -> Option<LdArticle> {
    let objects = ld_objects(docs);
    let by_id: HashMap<&str, &Value> = objects
        .iter()
        .filter_map(|o| o.get("@id").and_then(Value::as_str).map(|id| (id, *o)))
        .collect();
    let article = objects
        .iter()
        .find(|o| is_article(o) && !types_of(o).iter().any(|t| t == "videoobject"))
        .or_else(|| objects.iter().find(|o| is_article(o)))?;
    let resolve = |v: &'_ Value| -> Value {
        if let Some(id) = v.get("@id").and_then(Value::as_str) {
            if v.as_object().is_some_and(|m| m.len() == 1) {
                if let Some(full) = by_id.get(id) {
                    return (*full).clone();
                }
            }
        }
        v.clone()
    };
    let mut out = LdArticle {
        headline: str_of(article.get("headline")),
        name: str_of(article.get("name")),
        published: str_of(article.get("datePublished"))
            .or_else(|| str_of(article.get("dateCreated")))
            .or_else(|| str_of(article.get("uploadDate"))),
        description: str_of(article.get("description")),
        url: str_of(article.get("url")).or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| str_of(Some(m)).or_else(|| str_of(m.get("@id"))))
        }),
        language: str_of(article.get("inLanguage")),
        section: str_of(article.get("articleSection")),
        ..LdArticle::default()
    };
    if let Some(p) = article.get("publisher") {
        let p = match p {
            Value::Array(a) => a.first().cloned().unwrap_or(Value::Null),
            other => resolve(other),
        };
        out.publisher = str_of(p.get("name")).or_else(|| str_of(Some(&p)));
    }
    if out.publisher.is_none() {
        out.publisher = objects
            .iter()
            .find(|o| types_of(o).iter().any(|t| t == "website"))
            .and_then(|o| str_of(o.get("name")));
    }
    let authors = article.get("author").or_else(|| article.get("creator"));
    if let Some(a) = authors {
        let list: Vec<Value> = match a {
            Value::Array(items) => items.iter().map(&resolve).collect(),
            other => vec![resolve(other)],
        };
        for item in list {
            let name = match &item {
                Value::String(s) => Some(s.clone()),
                Value::Object(_) => str_of(item.get("name")),
                _ => None,
            };
            let is_org = types_of(&item)
                .iter()
                .any(|t| t.contains("organization") || t.contains("newsmediaorganization"));
            if let Some(n) = name {
                if is_org && out.publisher.as_deref().is_some_and(|p| same_name(p, &n)) {
                    continue;
                }
                out.authors.push(n);
            }
        }
    }
    Some(out)
}

/// A JSON-LD value as one string (the first of an array).
fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(collapse(&decode_entities(s))).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// JSON-LD strings sometimes carry HTML entities (`&amp;`, `&#8217;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let frag = Html::parse_fragment(s);
    frag.root_element().text().collect()
}

fn choose_title(facts: &PageFacts, ld: Option<&LdArticle>) -> Option<String> {
    let doc_title = facts.doc_title.as_str();
    if let Some(a) = ld {
        match (&a.headline, &a.name) {
            (Some(h), Some(n)) if h != n => {
                // Pick the one the page itself shows as its title.
                let shown = |t: &str| {
                    facts
                        .h1s
                        .iter()
                        .map(|h1| similarity(h1, t))
                        .fold(similarity(doc_title, t), f64::max)
                };
                let pick = if shown(n) > shown(h) { n } else { h };
                return Some(pick.clone());
            }
            (Some(h), _) => return Some(h.clone()),
            (None, Some(n)) => return Some(n.clone()),
            _ => {}
        }
    }
    for key in [
        "dc:title",
        "dcterm:title",
        "dcterms:title",
        "og:title",
        "weibo:article:title",
        "twitter:title",
        "parsely-title",
        "sailthru:title",
        "title",
    ] {
        if let Some(v) = facts.get(key) {
            return Some(collapse(&v));
        }
    }
    if let Some(n) = ld.and_then(|a| a.name.clone()) {
        return Some(n);
    }
    let from_doc = title_from_document(doc_title, &facts.h1s);
    (!from_doc.is_empty()).then_some(from_doc)
}

/// Tokens of `a` that are also in `b`, as a share of `b`'s tokens (Readability's measure).
fn similarity(a: &str, b: &str) -> f64 {
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let total: usize = tb.iter().map(|t| t.len() + 1).sum();
    let rest: usize = unique.iter().map(|t| t.len() + 1).sum();
    1.0 - rest as f64 / total as f64
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " \\ ", " / ", " > ", " » ", " · ", " :: ", " _ ",
];

/// The article title inside a `<title>`: without the site name around it, unless that
/// leaves too little (Readability's rules).
fn title_from_document(orig: &str, h1s: &[String]) -> String {
    let mut title = orig.to_string();
    let mut hierarchical = false;
    if let Some((pos, sep)) = last_separator(orig) {
        hierarchical = [" \\ ", " / ", " > ", " » "].contains(&sep);
        title = orig[..pos].to_string();
        if word_count(&title) < 3 {
            if let Some((fpos, fsep)) = first_separator(orig) {
                title = orig[fpos + fsep.len()..].to_string();
            }
        }
    } else if orig.contains(": ") {
        if !h1s.iter().any(|h| h.trim() == orig.trim()) {
            if let Some(p) = orig.rfind(':') {
                title = orig[p + 1..].to_string();
                if word_count(&title) < 3 {
                    if let Some(p) = orig.find(':') {
                        title = orig[p + 1..].to_string();
                    }
                } else if orig.find(':').is_some_and(|p| word_count(&orig[..p]) > 5) {
                    title = orig.to_string();
                }
            }
        }
    } else if (orig.chars().count() > 150 || orig.chars().count() < 15) && h1s.len() == 1 {
        title = h1s[0].clone();
    }
    let title = collapse(&title);
    let words = word_count(&title);
    let orig_words = word_count(&collapse(
        orig.replace(['|', '-', '–', '—', '\\', '/', '>', '»'], " ")
            .as_str(),
    ));
    if words <= 4 && (!hierarchical || words != orig_words.saturating_sub(1)) {
        return collapse(orig);
    }
    title
}

fn last_separator(s: &str) -> Option<(usize, &'static str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| s.rfind(sep).map(|p| (p, *sep)))
        .max_by_key(|(p, _)| *p)
}

fn first_separator(s: &str) -> Option<(usize, &'static str)> {
    SEPARATORS
        .iter()
        .filter_map(|sep| s.find(sep).map(|p| (p, *sep)))
        .min_by_key(|(p, _)| *p)
}

/// Drop a trailing " - Outlet" when it names the outlet and enough title remains.
pub fn strip_outlet_suffix(title: &str, outlet: Option<&str>) -> String {
    let title = collapse(title);
    let Some(outlet) = outlet else {
        return title;
    };
    let Some((pos, sep)) = last_separator(&title) else {
        return title;
    };
    let suffix = &title[pos + sep.len()..];
    if same_name(suffix, outlet) && word_count(&title[..pos]) >= 3 {
        return title[..pos].trim().to_string();
    }
    title
}

/// Two names of the same outlet or person, ignoring case, accents of punctuation and
/// a leading "The" or a domain ending.
pub fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| -> String {
        let t: Vec<String> = tokens(s)
            .into_iter()
            .filter(|w| {
                !matches!(
                    w.as_str(),
                    "the" | "www" | "com" | "net" | "org" | "co" | "uk"
                )
            })
            .collect();
        t.join("")
    };
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty()
        && (ka == kb || (ka.len() > 3 && kb.len() > 3 && (ka.contains(&kb) || kb.contains(&ka))))
}

fn choose_byline(facts: &PageFacts, ld: Option<&LdArticle>, outlet: Option<&str>) -> Vec<String> {
    if let Some(a) = ld {
        let names = clean_names(a.authors.iter().map(String::as_str), outlet);
        if !names.is_empty() {
            return names;
        }
    }
    let values = facts
        .author_values
        .iter()
        .map(String::as_str)
        .filter(|v| !v.trim_start().starts_with("http") && !v.starts_with("www."));
    let names = clean_names(values, outlet);
    if !names.is_empty() {
        return names;
    }
    let mut candidates: Vec<&(u8, String)> = facts.byline_candidates.iter().collect();
    candidates.sort_by_key(|(rank, _)| *rank);
    candidates
        .into_iter()
        .map(|(_, c)| clean_names(std::iter::once(c.as_str()), outlet))
        .find(|n| !n.is_empty())
        .unwrap_or_default()
}

/// The raw author fields: JSON-LD authors (organisations too), author meta values and
/// the best-marked byline element, for wire credits ("Reuters", "By Jane Doe, AP").
fn author_fields(facts: &PageFacts, ld: Option<&LdArticle>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let best = facts
        .byline_candidates
        .iter()
        .min_by_key(|(rank, _)| *rank)
        .map(|(_, t)| t);
    let all = ld
        .into_iter()
        .flat_map(|a| a.authors.iter())
        .chain(facts.author_values.iter())
        .chain(best);
    for v in all {
        let v = collapse(v);
        if !v.is_empty() && v.len() < 300 && !out.contains(&v) {
            out.push(v);
        }
        if out.len() >= 12 {
            break;
        }
    }
    out
}

/// People named in byline strings, without outlets, roles and "By".
pub fn clean_names<'s>(raw: impl Iterator<Item = &'s str>, outlet: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for value in raw {
        for name in split_byline(value) {
            if is_junk_name(&name, outlet) {
                continue;
            }
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                out.push(name);
            }
        }
        if out.len() >= 12 {
            break;
        }
    }
    out
}

const BY_WORDS: &[&str] = &[
    "written by",
    "posted by",
    "words by",
    "story by",
    "reporting by",
    "text by",
    "by",
    "par",
    "por",
    "von",
    "di",
    "door",
    "av",
    "af",
    "от",
    "de",
];

/// "By Jane Doe and John Roe, Staff Writers | Updated May 2" -> ["Jane Doe", "John Roe"].
fn split_byline(value: &str) -> Vec<String> {
    let mut s = collapse(value);
    // Drop parenthesised asides and links: "Jane Doe (http://example.com/jane)".
    while let (Some(open), Some(close)) = (s.find('('), s.find(')')) {
        if close < open {
            break;
        }
        s.replace_range(open..=close, " ");
    }
    s = s
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ");
    // Cut trailing dates, update notes and pipes.
    for cut in [
        " | ",
        " Updated",
        " updated",
        " Published",
        " published",
        " Last Updated",
        " Posted",
        " on ",
        "\u{2022}",
        " · ",
    ] {
        if let Some(p) = s.find(cut) {
            s.truncate(p);
        }
    }
    let mut dated = false;
    if let Some(p) = s.find(|c: char| c.is_ascii_digit()) {
        // A number glued to a single word is a user name ("CC7567"), not a date.
        let glued = s[..p].chars().last().is_some_and(char::is_alphabetic);
        s.truncate(p);
        if glued && word_count(&s) < 2 {
            return Vec::new();
        }
        dated = !glued;
        // "Jane Doe March" (the rest of "March 25, 2015"): the month goes too.
        while let Some((head, last)) = s.trim_end().rsplit_once(' ') {
            let last = last
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_lowercase();
            if is_calendar_word(&last) {
                s = head.to_string();
            } else {
                break;
            }
        }
    }
    let mut parts = Vec::new();
    for piece in s.split([',', ';', '&', '/', '\n', '|']) {
        for name in split_and(piece) {
            let mut name = name
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
                .to_string();
            loop {
                let lower = name.to_lowercase();
                let Some(prefix) = BY_WORDS
                    .iter()
                    .find(|w| lower.starts_with(*w) && lower[w.len()..].starts_with(' '))
                else {
                    break;
                };
                name = name[prefix.len()..].trim().to_string();
            }
            let lower = name.to_lowercase();
            let calendar = lower
                .split(|c: char| !c.is_alphabetic())
                .any(|w| crate::extract::lexicon::is_weekday(w) || (dated && is_calendar_word(w)));
            if name.chars().count() > 1 && !calendar {
                parts.push(name);
            }
        }
    }
    parts
}

fn split_and(piece: &str) -> Vec<&str> {
    let mut out = vec![piece];
    for sep in [
        " and ", " And ", " AND ", " und ", " et ", " y ", " e ", " en ", " og ",
    ] {
        out = out.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    out
}

const JUNK_NAMES: &[&str] = &[
    "staff",
    "staff writer",
    "staff writers",
    "staff reporter",
    "editor",
    "editors",
    "editorial",
    "editorial staff",
    "editorial board",
    "the editors",
    "news desk",
    "newsdesk",
    "web desk",
    "desk",
    "reporter",
    "contributor",
    "contributors",
    "correspondent",
    "admin",
    "administrator",
    "agencies",
    "agency",
    "wire",
    "wires",
    "wire services",
    "associated press",
    "the associated press",
    "ap",
    "afp",
    "reuters",
    "efe",
    "dpa",
    "ansa",
    "bloomberg",
    "guest",
    "guest author",
    "anonymous",
    "unknown",
    "team",
    "redaction",
    "redacción",
    "redaktion",
    "follow",
    "follow author",
    "more",
    "author",
    "authors",
    "facebook",
    "twitter",
    "email",
    "view all posts",
    "ma",
    "md",
    "phd",
];

/// Words of a dateline that are not months or weekdays ("Updated 5:32 PM EDT").
const TIME_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "ago",
    "am",
    "pm",
    "edt",
    "est",
    "gmt",
    "utc",
    "min",
    "read",
];

/// A month, a weekday, or a time word.
fn is_calendar_word(w: &str) -> bool {
    crate::extract::lexicon::is_calendar_word(w) || TIME_WORDS.contains(&w)
}

fn is_junk_name(name: &str, outlet: Option<&str>) -> bool {
    let lower = name.to_lowercase();
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || name.chars().count() > 60 || word_count(name) > 6 {
        return true;
    }
    if JUNK_NAMES.contains(&lower.as_str())
        || lower.contains("sign in")
        || lower.contains("sign up")
        || lower.contains("log in")
        || lower.contains("subscribe")
        || lower.contains('@')
        || lower.contains("http")
        || lower.ends_with(" staff")
        || lower.ends_with(" desk")
        || lower.ends_with(" news")
        || lower.ends_with(" team")
    {
        return true;
    }
    outlet.is_some_and(|o| {
        same_name(o, name) && word_count(name) <= word_count(o) + 1 && !looks_like_person(name)
    })
}

/// "Haki Benita" (a personal site named after its author), not "Daily Example".
fn looks_like_person(name: &str) -> bool {
    const ORG_WORDS: &[&str] = &[
        "news",
        "times",
        "post",
        "daily",
        "media",
        "press",
        "journal",
        "magazine",
        "tribune",
        "herald",
        "group",
        "network",
        "radio",
        "tv",
        "inc",
        "ltd",
        "llc",
        "blog",
        "online",
        "today",
        "weekly",
        "gazette",
        "review",
        "world",
        "channel",
        "report",
        "reports",
        "mail",
        "star",
        "sun",
        "guardian",
        "telegraph",
        "independent",
        "wire",
        "agency",
        "foundation",
        "institute",
        "university",
        "club",
        "company",
        "corporation",
        "center",
        "centre",
        "council",
        "association",
        "project",
        "projects",
        "staff",
        "team",
        "desk",
        "editors",
        "magazine",
        "obscura",
        "hub",
        "lab",
        "labs",
        "studio",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let lower = w.to_lowercase();
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !ORG_WORDS.contains(&lower.trim_matches(|c: char| !c.is_alphabetic()))
        })
}

fn choose_date(facts: &PageFacts, ld: Option<&LdArticle>, url: Option<&str>) -> Option<String> {
    let candidates = [
        ld.and_then(|a| a.published.clone()),
        facts.get("article:published_time"),
        facts.get("article:published"),
        facts.get("og:published_time"),
        facts.get("og:article:published_time"),
        facts.get("parsely-pub-date"),
        facts.get("sailthru:date"),
        facts.get("datepublished"),
        facts.get("dc:date"),
        facts.get("dc:date:issued"),
        facts.get("dcterms:created"),
        facts.get("dcterms:date"),
        facts.get("dcterms:issued"),
        facts.get("date"),
        facts.get("pubdate"),
        facts.get("publishdate"),
        facts.get("publish-date"),
        facts.get("publish_date"),
        facts.get("article_date_original"),
        facts.get("original-publish-date"),
        facts.get("cxenseparse:recs:publishtime"),
        facts.get("citation_publication_date"),
        facts.get("citation_date"),
        facts.get("article.published"),
        facts.get("release_date"),
    ];
    let from_meta = candidates.iter().flatten().find_map(|d| date::normalize(d));
    from_meta
        .or_else(|| facts.pub_times.iter().find_map(|d| date::normalize(d)))
        .or_else(|| {
            facts
                .other_times
                .iter()
                .take(1)
                .find_map(|d| date::normalize(d))
        })
        .or_else(|| url.and_then(date::from_url))
        .or_else(|| facts.canonical.as_deref().and_then(date::from_url))
        .or_else(|| facts.get("og:url").as_deref().and_then(date::from_url))
}

/// A date shown just after the headline (`<h1>`), the last resort when no markup gives one.
pub fn visible_date(page: &Html) -> Option<String> {
    let h1 = page
        .tree
        .nodes()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "h1"))?;
    let mut text = String::new();
    let mut current = Some(h1);
    let mut skip_children = false;
    for _ in 0..300 {
        let Some(node) = current else {
            break;
        };
        match node.value() {
            Node::Text(t) => {
                push_collapsed(&mut text, t);
                text.push(' ');
            }
            Node::Element(e) => skip_children = matches!(e.name(), "script" | "style" | "noscript"),
            _ => {}
        }
        if text.len() > 400 {
            break;
        }
        current = (!skip_children)
            .then(|| node.first_child())
            .flatten()
            .or_else(|| {
                let mut n = Some(node);
                while let Some(x) = n {
                    if let Some(s) = x.next_sibling() {
                        return Some(s);
                    }
                    n = x.parent();
                }
                None
            });
        skip_children = false;
    }
    date::from_text(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_are_people() {
        let names = clean_names(
            ["By Jane Doe and John Roe, Staff Writers"].into_iter(),
            None,
        );
        assert_eq!(names, vec!["Jane Doe", "John Roe"]);
        assert!(
            clean_names(["The Daily Example"].into_iter(), Some("The Daily Example")).is_empty()
        );
        assert!(clean_names(["Staff"].into_iter(), None).is_empty());
        assert_eq!(
            clean_names(["Par Sébastien Farcis"].into_iter(), None),
            vec!["Sébastien Farcis"]
        );
        assert_eq!(
            clean_names(["By JOE BLOGGS Updated 5:32 PM EDT"].into_iter(), None),
            vec!["JOE BLOGGS"]
        );
    }

    #[test]
    fn outlet_suffix_goes() {
        assert_eq!(
            strip_outlet_suffix(
                "Storm hits the coast overnight - The Daily Example",
                Some("Daily Example")
            ),
            "Storm hits the coast overnight"
        );
        assert_eq!(
            strip_outlet_suffix("Mozilla - Wikipedia", Some("Wikipedia")),
            "Mozilla - Wikipedia"
        );
    }

    #[test]
    fn document_titles() {
        assert_eq!(
            title_from_document("Storm hits the coast overnight | Example News", &[]),
            "Storm hits the coast overnight"
        );
        assert_eq!(
            title_from_document("Short | Example", &[]),
            "Short | Example"
        );
    }
}
