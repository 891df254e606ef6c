//! Photo captions and their credits.
//!
//! HTML tells us which blocks are captions; plain text does not, and a caption left in
//! the body is read as article prose (its names become people, its quotes quotes). So
//! a text paragraph is a caption only on evidence that news sites share: a credit at
//! its end ([`credit`]: "© Name/AP", "(AP Photo/Name)", "REUTERS/Name", "Name/Getty
//! Images", "Name for The Outlet", "Photo: ...", ".../Via Reuters"), or an opening that
//! only captions use ("In this photo provided by ...", "This handout picture ...").
//! Everything else, sub-headings included, is left to the quote extractor.
//!
//! A credit alone on its own line belongs to the caption just before it, as pages
//! flattened to text often put it.

pub mod credit;
mod pictured;

use super::people::PeopleBook;
use crate::extract::dates;
use crate::extract::sources::ascii::{self, ByScript};
use crate::extract::sources::{agencies, names};
use crate::model::{BlockKind, Caption, Document, Evidence, Format};
use credit::{parse_credit, Credit};
use regex::Regex;
use std::sync::OnceLock;

/// Captions longer than this are article text that happens to end in a credit-like run.
const MAX_CAPTION_WORDS: usize = 140;
/// How far back from a paragraph's end a credit may start.
const CREDIT_WINDOW: usize = 240;
/// A paragraph this short before a credit-only line may be its caption.
const MAX_MERGED_CAPTION_WORDS: usize = 45;

/// Whether a text ends with a credit that says it is a photo's: a marker, brackets or a
/// known agency ("… on Monday. (AP Photo/Ana Ruiz)"). The HTML reader asks this of text
/// that only its layout places beside a picture.
pub fn ends_with_credit(text: &str) -> bool {
    split_credit(text).is_some_and(|(_, c, _)| c.strong)
}

/// Caption blocks of the document with their parsed credits.
pub fn find_captions(doc: &Document, people: &mut PeopleBook) -> Vec<Caption> {
    let published = doc.meta.published.as_deref();
    let mut out: Vec<Found> = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let found = match block.kind {
            BlockKind::Caption => Some(caption_block(&block.text, block.credit.as_deref()))
                .filter(|f| !f.text.is_empty() || f.credit.is_some()),
            BlockKind::Paragraph => caption_paragraph(&block.text),
            // a short caption line ends without a full stop and reads as a heading in
            // plain text: only a sure credit makes it a caption (HTML and Markdown mark
            // their headings)
            BlockKind::Heading if matches!(doc.format, Format::Text | Format::Jsonl) => {
                caption_paragraph(&block.text).filter(|f| {
                    // a caption is a sentence, not a shouted slug ("CORRECTION - ZURICH")
                    f.credit.as_ref().is_some_and(|c| c.strong)
                        && (f.text.is_empty() || f.text.chars().any(char::is_lowercase))
                })
            }
            _ => None,
        };
        let Some(mut found) = found else {
            continue;
        };
        // a credit alone on its line: the caption is the paragraph before it
        if found.text.is_empty() && matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading)
        {
            let strong = found.credit.as_ref().is_some_and(|c| c.strong);
            match merge_target(doc, &out, i, strong) {
                Some(Target::Existing(k)) if out[k].credit.is_none() => {
                    let prev = out.remove(k);
                    found.text = prev.text;
                    found.block = prev.block;
                    found.rule = format!("{}+credit-line", prev.rule);
                    found.confidence = found.confidence.max(prev.confidence);
                }
                Some(Target::Paragraph(j)) => {
                    found.text = doc.blocks[j].text.trim().to_string();
                    found.block = j;
                    found.rule = "credit-line".into();
                    found.confidence = 0.6;
                }
                _ => {}
            }
        } else {
            found.block = i;
        }
        if found.block == usize::MAX {
            found.block = i;
        }
        out.push(found);
    }
    products_are_no_photographers(&mut out);
    out.into_iter()
        .map(|f| f.into_caption(people, published))
        .collect()
}

/// "Funko Pop, Example Esports" beside a credit "Funko": a photographer's name that
/// opens with a word the same article credits alone as an organisation is that
/// organisation's product or division, not a person; it becomes the provider.
fn products_are_no_photographers(found: &mut [Found]) {
    let orgs: Vec<String> = found
        .iter()
        .filter_map(|f| f.credit.as_ref())
        .filter(|c| c.photographer.is_none())
        .flat_map(|c| c.agency.iter().chain(c.provider.iter()))
        .filter(|o| !o.contains(' '))
        .map(|o| agencies::fold(o))
        .collect();
    if orgs.is_empty() {
        return;
    }
    for f in found.iter_mut() {
        let Some(c) = f.credit.as_mut() else { continue };
        let Some(name) = c.photographer.as_deref() else {
            continue;
        };
        let first = name.split_whitespace().next().map(agencies::fold);
        if first.is_some_and(|w| orgs.contains(&w)) {
            let name = c.photographer.take();
            if c.provider.is_none() {
                c.provider = name;
            }
        }
    }
}

/// Where a credit-only line's caption text is.
enum Target {
    /// A caption already found (an HTML caption or "In this photo ..." without credit).
    Existing(usize),
    /// A short paragraph without quotes just before.
    Paragraph(usize),
}

fn merge_target(doc: &Document, found: &[Found], i: usize, strong: bool) -> Option<Target> {
    let j = i.checked_sub(1)?;
    if let Some(k) = found.iter().rposition(|c| c.block == j) {
        return Some(Target::Existing(k));
    }
    // A paragraph above a lone credit is, on real pages, as often article text above an
    // uncaptioned picture as a caption: claiming it would hide its quotes. Only a short,
    // unquoted paragraph that reads as a caption (a strong credit, no sentence ending in
    // a full stop) is taken, and never in HTML, where captions are marked.
    if doc.format == Format::Html || !strong {
        return None;
    }
    let prev = doc.blocks.get(j)?;
    let words = prev.text.split_whitespace().count();
    let quoted = prev.text.contains(['"', '“', '”', '«', '»', '„']);
    let sentence = prev.text.trim_end().ends_with(['.', '!', '?', ':']);
    (prev.kind == BlockKind::Paragraph
        && (3..=MAX_MERGED_CAPTION_WORDS).contains(&words)
        && !quoted
        && !sentence)
        .then_some(Target::Paragraph(j))
}

/// A caption before its people and dates are resolved.
struct Found {
    text: String,
    credit: Option<Credit>,
    rule: String,
    confidence: f32,
    block: usize,
}

impl Found {
    fn into_caption(self, people: &mut PeopleBook, published: Option<&str>) -> Caption {
        let credit = self.credit.unwrap_or_default();
        let photographer = credit
            .photographer
            .as_deref()
            .and_then(|n| people.mention(n, Evidence::Photographer));
        let pictured = pictured::pictured(&self.text)
            .into_iter()
            .filter(|n| Some(n.as_str()) != credit.photographer.as_deref())
            .filter_map(|n| people.mention(&n, Evidence::Pictured))
            .fold(Vec::new(), |mut v, i| {
                if !v.contains(&i) && Some(i) != photographer {
                    v.push(i);
                }
                v
            });
        Caption {
            date: caption_date(&self.text, published),
            text: self.text,
            credit: (!credit.written.is_empty()).then_some(credit.written),
            photographer,
            agency: credit.agency,
            provider: credit.provider,
            pictured,
            block: self.block,
            rule: self.rule,
            confidence: self.confidence,
        }
    }
}

/// The date a caption mentions: a full date, else "Jan. 25" in the publication year.
fn caption_date(text: &str, published: Option<&str>) -> Option<String> {
    if let Some(f) = dates::dates_in(text).first() {
        return Some(f.date.format("%Y-%m-%d").to_string());
    }
    let (m, d) = dates::month_day_in(text)?;
    dates::with_year_of(m, d, published)
}

/// A block the markup calls a caption: its credit from the markup, or from its end.
fn caption_block(text: &str, credit: Option<&str>) -> Found {
    let text = strip_caption_label(text);
    // the markup set the credit apart on the caption's first line: "© Idg" above "Ola
    // Bini, Swedish software developer"
    let lead = match text.split_once('\n') {
        Some((first, rest)) if credit.is_none() && !rest.trim().is_empty() => {
            parse_credit(first, false)
                .filter(|c| c.strong)
                .map(|c| (rest, c))
        }
        _ => None,
    };
    if let Some((rest, c)) = lead {
        return Found {
            text: one_line(rest),
            credit: Some(c),
            rule: "markup".into(),
            confidence: 0.9,
            block: usize::MAX,
        };
    }
    // the markup's credit node sometimes holds the caption too: take its credit end
    let from_markup = credit.and_then(|c| {
        parse_credit(c, true)
            .or_else(|| split_credit(c).map(|(_, credit, _)| credit))
            .or_else(|| split_known_caption(c).map(|(_, credit)| credit))
            .or_else(|| bare(c))
    });
    let (text, credit) = match from_markup {
        Some(c) => {
            let text = strip_suffix_credit(text, credit.unwrap_or(""));
            (text, Some(c))
        }
        None => match split_credit(text)
            .map(|(t, c, _)| (t, c))
            .or_else(|| split_known_caption(text))
        {
            Some((t, c)) => (t, Some(c)),
            None => (text.trim().to_string(), None),
        },
    };
    Found {
        text: one_line(&text),
        credit,
        rule: "markup".into(),
        confidence: 0.95,
        block: usize::MAX,
    }
}

/// The lines of a caption block as one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Image caption", "Caption" labels that screen-reader text leaves before a caption.
fn strip_caption_label(text: &str) -> &str {
    let t = text.trim_start();
    // a visually hidden label left alone when the credit it labelled is elsewhere
    if matches!(t.trim_end(), "Credit" | "CREDIT" | "Credits" | "Caption") {
        return "";
    }
    for label in ["Image caption", "image caption", "Caption", "caption"] {
        if let Some(rest) = t.strip_prefix(label) {
            if rest.starts_with([' ', ':', '\n']) {
                return rest.trim_start_matches([' ', ':', '\n']);
            }
        }
    }
    t
}

/// In a block already known to be a caption, weaker credits are credits: a lone agency
/// after a sentence or a bar ("... on Tuesday. Reuters", "... 2012 | Efe") and a name
/// in brackets at the end ("Moss on a saucer (Lucy Akins)").
fn split_known_caption(text: &str) -> Option<(String, Credit)> {
    let text = text.trim();
    let from = floor_boundary(text, text.len().saturating_sub(CREDIT_WINDOW));
    let mut best: Option<(usize, Credit)> = None;
    for (start, rule) in credit_starts(text, from) {
        let Some(seg) = text.get(start..) else {
            continue;
        };
        // a bracketed end is set apart as clearly as a bar: "Dig a hole. (Lucy Akins)"
        let bracketed = seg.starts_with(['(', '[']) && seg.trim_end().ends_with([')', ']']);
        let marker = rule == "marker" || credit::starts_with_marker(seg);
        let separated =
            marker || bracketed || text[..start].trim_end().ends_with(['|', '—', '–', '\n']);
        // "... on Monday. Supplied": a credit word alone after a sentence
        let after_sentence = text[..start].trim_end().ends_with(['.', '!', '?']);
        let c = if separated {
            parse_credit(seg, true).or_else(|| marker.then(|| marked_bare(seg)).flatten())
        } else {
            parse_credit(seg, true).filter(|c| {
                c.photographer.is_none()
                    && (c.agency.is_some()
                        || after_sentence
                            && c.provider.is_none()
                            && seg.split_whitespace().count() <= 2)
            })
        };
        if let Some(c) = c.filter(|c| {
            c.agency.as_deref().and_then(agencies::by_name).is_some()
                || separated
                || c.agency.is_none() && c.provider.is_none()
        }) {
            if best.as_ref().is_none_or(|(b, _)| start < *b) {
                best = Some((start, c));
            }
        }
    }
    let (start, credit) = best?;
    let caption = trim_separators(&text[..start]);
    (!caption.is_empty()).then_some((caption, credit))
}

/// "Courtesy of the Harlow family": in a caption, a credit marker followed by words that
/// fit no credit shape is still the credit, kept as written and naming no one.
fn marked_bare(seg: &str) -> Option<Credit> {
    let seg = seg.trim().trim_end_matches('.');
    let words = seg.split_whitespace().count();
    if !(2..=10).contains(&words) || seg.contains(['.', '!', '?', '"', '“', '”']) {
        return None;
    }
    let c = Credit {
        written: seg.to_string(),
        strong: true,
        ..Credit::default()
    };
    Some(c)
}

/// A credit the markup gave that fits no shape: kept as written.
fn bare(c: &str) -> Option<Credit> {
    let written = c.trim();
    (!written.is_empty()).then(|| Credit {
        written: written.to_string(),
        ..Credit::default()
    })
}

/// The caption text without a credit the markup also repeated at its end.
fn strip_suffix_credit(text: &str, credit: &str) -> String {
    let t = text.trim();
    let c = credit.trim();
    match t.strip_suffix(c) {
        Some(rest) if !c.is_empty() => trim_separators(rest),
        _ => t.to_string(),
    }
}

/// A text paragraph that is a caption, if it is one.
fn caption_paragraph(text: &str) -> Option<Found> {
    if !has_caption_length(text) {
        return None;
    }
    if let Some((caption, credit, rule)) = split_credit(text) {
        let confidence = match (credit.strong, rule) {
            (true, "boundary") => 0.95,
            (true, _) => 0.8,
            (false, "boundary") => 0.75,
            (false, _) => 0.6,
        };
        return Some(Found {
            text: caption,
            credit: Some(credit),
            rule: format!("credit-{rule}"),
            confidence,
            block: usize::MAX,
        });
    }
    if opens_like_caption(text) {
        return Some(Found {
            text: text.trim().to_string(),
            credit: None,
            rule: "opening".into(),
            confidence: 0.8,
            block: usize::MAX,
        });
    }
    None
}

/// Whether `text` has from 1 to [`MAX_CAPTION_WORDS`] words (as `split_whitespace`
/// counts them). Every paragraph is asked, so words are counted only when they could be
/// too many: `n` words take at least `2n - 1` bytes, so a text of at most twice the
/// limit in bytes is short enough and only needs a character that is not a space.
fn has_caption_length(text: &str) -> bool {
    if text.len() <= 2 * MAX_CAPTION_WORDS {
        return !text.trim().is_empty();
    }
    let words = word_count(text, MAX_CAPTION_WORDS + 1);
    words > 0 && words <= MAX_CAPTION_WORDS
}

/// `text.split_whitespace().count()`, counted no further than `cap`, a byte at a time:
/// the ASCII characters `char::is_whitespace` accepts are the space and `\t` to `\r`,
/// and only the other characters are decoded, at their first byte (a continuation byte
/// belongs to the character before it and changes nothing).
fn word_count(text: &str, cap: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let space = match b {
            0x00..=0x7F => matches!(b, b' ' | b'\t'..=b'\r'),
            0x80..=0xBF => continue,
            _ => text
                .get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(char::is_whitespace),
        };
        words += usize::from(!space && !in_word);
        if words >= cap {
            return cap;
        }
        in_word = !space;
    }
    words
}

/// "In this photo provided by ...", "This handout picture released by ...", "FILE - In
/// this Jan. 5 image ...": openings only captions use. Quotes rule it out: prose
/// discussing "this image" quotes people, captions do not.
fn opens_like_caption(text: &str) -> bool {
    // the ASCII form for ASCII text, which matches the same there (see [`ascii`]); the
    // pattern is anchored and fails within a few bytes of most paragraphs, so it goes
    // before the search for quotes through the whole text
    static RE: ByScript<Regex> = ByScript::new();
    RE.get(text, opening_regex).is_match(text) && !text.contains(['"', '“', '”', '«', '»', '„'])
}

/// The pattern of [`opens_like_caption`], in the form for ASCII text or for any text.
fn opening_regex(ascii: bool) -> Regex {
    // white space and word characters, or their ASCII parts for ASCII text
    let (s, w) = if ascii {
        (ascii::SPACE, "0-9A-Za-z_")
    } else {
        (r"\s", r"\w")
    };
    let noun = format!(
        r"(?:photo(?:graph)?s?|images?|pictures?|handout|still{s}+(?:image|photo|frame)s?|screenshots?|screen{s}*grabs?|frame{s}+grabs?|video{s}+grabs?|grabs?|composite|combination|aerial)"
    );
    Regex::new(&format!(
        r"^{s}*(?:(?i:file)(?:{s}+(?i:photo))?{s}*[-—–:]{s}*)?(?:In{s}+(?:this|these){s}+(?:[{w}.,'’-]+{s}+){{0,6}}?{noun}(?-u:\b)|(?:This|These|A|An){s}+(?:[{w}.,'’-]+{s}+){{0,4}}?{noun}{s}+(?:(?:was|is|were|are){s}+)?(?:provided|released|taken|made|obtained|posted|distributed|shared|handed|supplied|courtesy|shows|showing|from|dated|published|issued|grabbed|captured)(?-u:\b))"
    ))
    .expect("opening regex")
}

/// Split a paragraph into caption text and the credit at its end.
/// Returns the caption text, the credit and the rule ("boundary", "marker", "tail").
fn split_credit(text: &str) -> Option<(String, Credit, &'static str)> {
    let text = text.trim();
    let window_start = floor_boundary(text, text.len().saturating_sub(CREDIT_WINDOW));
    if !may_hold_credit(&text[window_start..]) {
        return None;
    }
    // longest credit starting at a sentence or separator boundary: the first start, in
    // text order, whose rest parses (later starts could only give shorter credits)
    let mut starts = credit_starts(text, window_start);
    starts.sort_by_key(|&(start, _)| start);
    let mut best: Option<(usize, Credit, &'static str)> =
        starts.into_iter().find_map(|(start, rule)| {
            parse_credit(text.get(start..)?, false).map(|c| (start, c, rule))
        });
    if best.is_none() {
        best = tail_credit(text, window_start).map(|(s, c)| (s, c, "tail"));
    }
    let (start, credit, rule) = best?;
    let caption = trim_separators(&text[..start]);
    Some((caption, credit, rule))
}

/// Byte positions where a credit may start, with how sure the start is.
///
/// The pattern has three branches: a boundary (a sentence end, a spaced separator, a
/// line break, a run of spaces), a sentence end glued to the next sentence ("said.The"),
/// and a bracketed end or a credit marker after a space. Matches are found without
/// captures, which cost far more than the match, and told apart by their first
/// characters (see [`start_of`]).
fn credit_starts(text: &str, from: usize) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    if from == 0 {
        out.push((0, "boundary"));
    }
    let Some(window) = text.get(from..) else {
        return out;
    };
    for m in credit_start_regex(window).find_iter(window) {
        out.push(start_of(m.as_str(), from + m.start(), from + m.end()));
    }
    out
}

/// The credit start pattern for `window`: its ASCII form when `window` is all ASCII,
/// which matches the same there (see [`ascii`]).
fn credit_start_regex(window: &str) -> &'static Regex {
    static RE: ByScript<Regex> = ByScript::new();
    RE.get(window, build_credit_start_regex)
}

/// The pattern of [`credit_start_regex`], in the form for ASCII text or for any text.
fn build_credit_start_regex(ascii: bool) -> Regex {
    // white space, capitals and what is no bracket, or their ASCII parts
    let (s, upper, inner) = if ascii {
        (ascii::SPACE, "[A-Z]", r"[\x00-\x27\x2A-\x5A\x5C\x5E-\x7F]")
    } else {
        (r"\s", r"\p{Lu}", r"[^()\[\]]")
    };
    Regex::new(&format!(
        r"(?:[.!?…)\]”’]{s}+|{s}[|—–•-]{s}+|\n{s}*|{s}{{2,}})|([a-z0-9][.!?]){upper}|(?:{s}|^)([(\[]{inner}{{1,120}}[)\]]\.?{s}*$|(?i:©|\(c\)|copyright{s}|photo(?:graph)?s?{s}*[:,]|photos?{s}+by{s}|pics?:|pictures?:|images?(?:{s}+source)?{s}*[:,]|credits?{s}*(?::|\.{{2,3}}|…)|fotos?:|bild:|source:|photographer:|(?:photos?{s}+)?courtesy{s}|(?:screenshot|video|illustration|graphic|image|photo{s}+illustration){s}+by{s}))",
    ))
    .expect("credit start regex")
}

/// The credit start a match of [`credit_start_regex`] at `start..end` gives, and its
/// rule: after a boundary or a glued sentence end, and at the bracket or marker itself.
///
/// Leftmost-first matching takes the first branch that matches where the match starts,
/// so the branch shows in the match's first characters: a glued end is a lower-case
/// letter or digit and a stop; a boundary opens with punctuation, or with a
/// space followed by a space or separator, or with a line break; what is left is a
/// bracket or marker, after one space or at the window's start.
fn start_of(m: &str, start: usize, end: usize) -> (usize, &'static str) {
    let mut cs = m.chars();
    match (cs.next(), cs.next()) {
        // no marker has a stop second
        (Some(a), Some(b))
            if (a.is_ascii_lowercase() || a.is_ascii_digit()) && matches!(b, '.' | '!' | '?') =>
        {
            (start + 2, "boundary")
        }
        (Some(a), b)
            if a.is_whitespace()
                && a != '\n'
                && !b.is_some_and(|b| b.is_whitespace() || "|—–•-".contains(b)) =>
        {
            (start + a.len_utf8(), "marker")
        }
        (Some(a), _) if a.is_whitespace() || ".!?…)]”’".contains(a) => (end, "boundary"),
        _ => (start, "marker"),
    }
}

/// A credit at the very end with no boundary before it ("... near Rostov Alexei
/// Ivanov/AP"): the shortest run of trailing words that parses, so that the caption's
/// own capitalised words stay in the caption.
fn tail_credit(text: &str, from: usize) -> Option<(usize, Credit)> {
    if !text.contains('/') && !contains_ignore_ascii_case(text, " via ") {
        return None;
    }
    // only a credit naming a known agency counts here ("via" may hide it: "Handout via
    // Reuters" is one piece)
    let window = text.get(from..)?;
    if !names_an_agency(window) && !contains_ignore_ascii_case(window, " via ") {
        return None;
    }
    let starts: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| i >= from && !c.is_whitespace())
        .filter(|&(i, _)| i == 0 || text[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i)
        .collect();
    let mut shortest: Option<(usize, Credit)> = None;
    for (n, &s) in starts.iter().enumerate().rev() {
        let Some(c) = parse_credit(&text[s..], false) else {
            continue;
        };
        // with no boundary to lean on, only a credit that names a known agency
        if !c.strong || c.agency.as_deref().and_then(agencies::by_name).is_none() {
            continue;
        }
        if c.photographer.is_none() {
            // "Reyes/AP" may be the end of "Dan Reyes/AP": look further left first
            shortest.get_or_insert((s, c));
            continue;
        }
        // keep a middle initial: "J. Scott Applewhite/AP"
        if let Some(&prev) = n.checked_sub(1).and_then(|k| starts.get(k)) {
            let word = text[prev..s].trim();
            if word.chars().count() == 2 && word.ends_with('.') {
                if let Some(c2) = parse_credit(&text[prev..], false) {
                    return Some((prev, c2));
                }
            }
        }
        return Some((s, c));
    }
    shortest
}

/// Words that can open a credit ("Photo:", "© ", "Courtesy of", "Handout photo by").
const MARKER_WORDS: &[&str] = &[
    "photo",
    "pic",
    "image",
    "credit",
    "foto",
    "bild",
    "file",
    "source",
    "screenshot",
    "video",
    "illustration",
    "graphic",
    "courtesy",
    "copyright",
    "pool",
    "handout",
];

/// Whether the end of a paragraph can hold a credit at all, by what every credit shape
/// [`parse_credit`] accepts needs: a marker, a slash, brackets, "via", "Name for The
/// Outlet", or a known agency among its pieces. Most paragraphs have none of them, and
/// are passed over without trying each possible credit start.
fn may_hold_credit(window: &str) -> bool {
    if has_credit_sign(window) {
        return true;
    }
    static MARKERS: OnceLock<Regex> = OnceLock::new();
    let markers = MARKERS.get_or_init(|| {
        // the words as plain substrings, in one scan instead of one per word
        let words: Vec<String> = MARKER_WORDS
            .iter()
            .chain(&["via"])
            .map(|w| regex::escape(w))
            .collect();
        Regex::new(&words.join("|")).expect("marker words regex")
    });
    let mut buf = [0; FOLD_BUFFER];
    let folded_owned: String;
    let folded = match agencies::fold_ascii(window, &mut buf) {
        Some(f) => f,
        None => {
            folded_owned = agencies::fold(window);
            &folded_owned
        }
    };
    markers.is_match(folded)
        || for_outlet(window)
        || (agencies::any_named_in(folded) && agency_piece(window))
}

/// Room for a paragraph's credit window, folded, on the stack.
const FOLD_BUFFER: usize = 256;

/// Whether `window` holds '/', '©', "(c)" or "(C)".
fn has_credit_sign(window: &str) -> bool {
    // single characters are found with `memchr`, and "(c)" from each '('
    window.as_bytes().contains(&b'/')
        || window.contains('©')
        || window
            .match_indices('(')
            .any(|(i, _)| matches!(window.as_bytes().get(i + 1..i + 3), Some(b"c)" | b"C)")))
}

/// "for" between a word a name can end with and a capitalised word: "Ana Ruiz for The
/// Daily Example" (and not "a spokesman for Fiscal Research").
fn for_outlet(window: &str) -> bool {
    // where "for" occurs, from each 'f' (as `match_indices("for")` finds them: "for"
    // cannot overlap itself), which `memchr` finds faster than a substring search
    let mut at = window
        .match_indices('f')
        .map(|(i, _)| i)
        .filter(|&i| window.as_bytes()[i + 1..].starts_with(b"or"));
    at.any(|i| {
        let before = window[..i].chars().next_back();
        let mut after = window[i + 3..].chars();
        let word_before = window[..i].trim_end().rsplit(char::is_whitespace).next();
        before.is_some_and(char::is_whitespace)
            && word_before.is_some_and(names::may_end_name)
            && after.next().is_some_and(char::is_whitespace)
            && after
                .take_while(|c| !c.is_whitespace())
                .any(char::is_uppercase)
    })
}

/// Whether a known agency is one of the credit pieces of `window`, or ends its first
/// piece (a credit may start mid-piece: "... the harbour. AP, Ana Ruiz").
fn names_an_agency(window: &str) -> bool {
    agencies::any_named_in(&agencies::fold(window)) && agency_piece(window)
}

/// [`names_an_agency`] once an agency's name is known to occur.
fn agency_piece(window: &str) -> bool {
    let mut pieces = credit::split_pieces(window);
    let Some(first) = pieces.next() else {
        return false;
    };
    let words: Vec<&str> = first.split_whitespace().collect();
    let ends_in_agency = (1..=words.len().min(5))
        .any(|k| agencies::lookup(&words[words.len() - k..].join(" ")).is_some());
    ends_in_agency || pieces.any(|p| agencies::lookup(p).is_some())
}

/// Whether `needle` (ASCII) occurs in `haystack`, ignoring ASCII case.
fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The largest char boundary at or below `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    (0..=i.min(s.len()))
        .rev()
        .find(|&k| s.is_char_boundary(k))
        .unwrap_or(0)
}

/// Caption text without the separators that stood before its credit.
fn trim_separators(s: &str) -> String {
    s.trim_end_matches(|c: char| c.is_whitespace() || "|—–-•(:".contains(c))
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests;
