//! A small mutable copy of the parsed page body.
//!
//! Readability-style extraction rewrites the tree (wrapping loose text in paragraphs,
//! dropping boilerplate) and scores nodes by counts over their text. scraper's tree is
//! awkward to rewrite, so the page body is copied once into this arena of indices:
//! removal is a flag, parents and children are plain `usize`s, and every walk is
//! iterative, so deeply nested markup costs no stack and no quadratic work.

use scraper::node::Element;
use scraper::{Html, Node as PageNode};

/// "No node" in parent links.
pub const NONE: usize = usize::MAX;

/// Why a node left the tree: extraction keeps captions and embeds from cleaned-away
/// parts of the article, but never from navigation or other boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dead {
    Alive,
    /// Boilerplate, hidden, or unwanted markup: gone for good.
    Dropped,
    /// Removed from the article text by the cleaning pass after scoring.
    Cleaned,
}

/// The attributes extraction reads again and again, looked up once per element
/// (scraper's `attr()` interns the name on every call).
#[derive(Debug, Clone, Copy, Default)]
pub struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub style: Option<&'a str>,
    pub hidden: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    pub aria_modal: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub rel: Option<&'a str>,
    pub href: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a Element) -> Attrs<'a> {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            let slot = match name {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "style" => &mut a.style,
                "hidden" => &mut a.hidden,
                "aria-hidden" => &mut a.aria_hidden,
                "aria-modal" => &mut a.aria_modal,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        a
    }
}

/// One element or text node.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// Lowercase tag name; empty for text nodes.
    pub tag: &'a str,
    /// The page element this node came from (none for paragraphs made up here).
    pub el: Option<&'a Element>,
    /// The text of a text node.
    pub text: &'a str,
    pub parent: usize,
    pub children: Vec<usize>,
    pub dead: Dead,
    pub attrs: Attrs<'a>,
}

impl<'a> Node<'a> {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        let a = &self.attrs;
        match name {
            "class" => a.class,
            "id" => a.id,
            "style" => a.style,
            "hidden" => a.hidden,
            "aria-hidden" => a.aria_hidden,
            "aria-modal" => a.aria_modal,
            "role" => a.role,
            "itemprop" => a.itemprop,
            "rel" => a.rel,
            "href" => a.href,
            _ => self.el.and_then(|e| e.attr(name)),
        }
    }
    pub fn class(&self) -> &'a str {
        self.attrs.class.unwrap_or("")
    }
    pub fn id(&self) -> &'a str {
        self.attrs.id.unwrap_or("")
    }
}

/// Tags whose content is never article text.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "link"
            | "meta"
            | "head"
            | "title"
            | "svg"
            | "math"
            | "object"
            | "embed"
            | "canvas"
            | "select"
            | "option"
            | "textarea"
            | "button"
            | "input"
            | "dialog"
    )
}

/// Elements nested deeper than this are read as if their children sat at this depth:
/// no real page nests so deep, and the cap keeps every walk up the tree short.
const MAX_DEPTH: usize = 256;

pub struct Dom<'a> {
    pub nodes: Vec<Node<'a>>,
    pub root: usize,
}

impl<'a> Dom<'a> {
    /// Copy the `<body>` of a page (or the whole document when it has none).
    pub fn from_page(page: &'a Html) -> Dom<'a> {
        let mut dom = Dom {
            nodes: Vec::new(),
            root: 0,
        };
        let doc = page.tree.root();
        let start = find_body(doc).unwrap_or(doc);
        dom.nodes.push(Node {
            tag: "body",
            el: start.value().as_element(),
            text: "",
            parent: NONE,
            children: Vec::new(),
            dead: Dead::Alive,
            attrs: start
                .value()
                .as_element()
                .map(Attrs::of)
                .unwrap_or_default(),
        });
        let mut depth: Vec<usize> = vec![0];
        let mut stack = Vec::new();
        push_children(&mut stack, start, 0);
        while let Some((node, parent)) = stack.pop() {
            let index = dom.nodes.len();
            match node.value() {
                PageNode::Text(t) => {
                    dom.nodes.push(Node {
                        tag: "",
                        el: None,
                        text: &t.text,
                        parent,
                        children: Vec::new(),
                        dead: Dead::Alive,
                        attrs: Attrs::default(),
                    });
                    depth.push(depth[parent] + 1);
                    dom.nodes[parent].children.push(index);
                }
                PageNode::Element(e) => {
                    let tag = e.name();
                    if is_skipped(tag) {
                        continue;
                    }
                    if depth[parent] >= MAX_DEPTH {
                        push_children(&mut stack, node, parent);
                        continue;
                    }
                    dom.nodes.push(Node {
                        tag,
                        el: Some(e),
                        text: "",
                        parent,
                        children: Vec::new(),
                        dead: Dead::Alive,
                        attrs: Attrs::of(e),
                    });
                    dom.nodes[parent].children.push(index);
                    depth.push(depth[parent] + 1);
                    push_children(&mut stack, node, index);
                }
                _ => {}
            }
        }
        dom
    }

    /// Live children of a node.
    pub fn kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes[i]
            .children
            .iter()
            .copied()
            .filter(move |&c| self.nodes[c].dead == Dead::Alive)
    }

    /// Live element children of a node.
    pub fn element_kids(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.kids(i).filter(move |&c| !self.nodes[c].is_text())
    }

    /// Live descendants in document order (not including `i`).
    pub fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.kids(i).collect();
        stack.reverse();
        while let Some(n) = stack.pop() {
            out.push(n);
            let start = stack.len();
            stack.extend(self.kids(n));
            stack[start..].reverse();
        }
        out
    }

    /// Ancestors, nearest first, at most `max` of them (0: all).
    pub fn ancestors(&self, i: usize, max: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut p = self.nodes[i].parent;
        while p != NONE {
            out.push(p);
            if max > 0 && out.len() >= max {
                break;
            }
            p = self.nodes[p].parent;
        }
        out
    }

    pub fn has_ancestor_tag(&self, i: usize, tag: &str) -> bool {
        let mut p = self.nodes[i].parent;
        while p != NONE {
            if self.nodes[p].tag == tag {
                return true;
            }
            p = self.nodes[p].parent;
        }
        false
    }

    /// Whether `i` is alive all the way up to the root.
    pub fn is_attached(&self, i: usize) -> bool {
        let mut n = i;
        while n != NONE {
            if self.nodes[n].dead != Dead::Alive {
                return false;
            }
            n = self.nodes[n].parent;
        }
        true
    }

    /// Whitespace-collapsed text of a node and its live descendants.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        if self.nodes[i].is_text() {
            push_collapsed(&mut out, self.nodes[i].text);
        }
        for d in self.descendants(i) {
            if self.nodes[d].is_text() {
                push_collapsed(&mut out, self.nodes[d].text);
            }
        }
        out.trim().to_string()
    }

    /// Add a new element (a paragraph made up around loose text) and return its index.
    pub fn new_element(&mut self, tag: &'static str, parent: usize) -> usize {
        self.nodes.push(Node {
            tag,
            el: None,
            text: "",
            parent,
            children: Vec::new(),
            dead: Dead::Alive,
            attrs: Attrs::default(),
        });
        self.nodes.len() - 1
    }
}

type PageRef<'a> = ego_tree::NodeRef<'a, PageNode>;

fn find_body(doc: PageRef<'_>) -> Option<PageRef<'_>> {
    let html = doc
        .children()
        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "html"))?;
    html.children()
        .find(|c| c.value().as_element().is_some_and(|e| e.name() == "body"))
}

fn push_children<'a>(stack: &mut Vec<(PageRef<'a>, usize)>, node: PageRef<'a>, parent: usize) {
    let start = stack.len();
    let mut c = node.first_child();
    while let Some(child) = c {
        stack.push((child, parent));
        c = child.next_sibling();
    }
    stack[start..].reverse();
}

/// Append `s` to `out` with runs of whitespace collapsed to one space.
pub fn push_collapsed(out: &mut String, s: &str) {
    let mut space = out.ends_with(' ') || out.is_empty();
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Length in characters of `s` with whitespace runs counted once.
pub fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
                space = true;
            }
        } else {
            n += 1;
            space = false;
        }
    }
    n
}
