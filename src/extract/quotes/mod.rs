//! Quotes and their speakers.
//!
//! The pass reads the article's own paragraphs in order (captions and embeds are already
//! marked in `skip`):
//!
//! 1. [`marks`] finds the quote marks of every paragraph and pairs them into spans,
//!    recovering from unbalanced marks paragraph by paragraph.
//! 2. [`resolve`] registers the people each paragraph names (with evidence), so that a
//!    later pronoun or role has someone to refer to.
//! 3. [`attribution`] reads the words right after and right before each quote, cut at
//!    sentence ends, for a speech verb and a speaker phrase ([`phrases`]).
//! 4. Quotes without a cue of their own inherit from a quote in the same paragraph, or
//!    continue the previous paragraph's speaker when the paragraph is only quotes;
//!    short unattributed spans (titles, scare quotes) are dropped.
//!
//! Every step looks only at one paragraph's tokens near one quote, so time is linear in
//! the text, whatever the marks do.

mod attribution;
mod marks;
mod phrases;
mod resolve;
mod tokens;
mod words;

use super::people::PeopleBook;
use crate::model::{Document, Quote, QuoteKind};
use attribution::Cue;
use marks::{block_range, Mark, Span};
use phrases::{PhraseKind, Text};
use resolve::{Resolver, Speaker};
use tokens::{index_at, Token};

/// One readable block: characters, marks and tokens.
struct BlockData {
    chars: Vec<char>,
    marks: Vec<Mark>,
    toks: Vec<Token>,
}

impl BlockData {
    fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let marks = marks::scan(&chars);
        let toks = tokens::tokenize(&chars);
        BlockData { chars, marks, toks }
    }
    fn text(&self) -> Text<'_> {
        Text::new(&self.chars, &self.toks)
    }
}

/// A quote found in running text, before it becomes a [`Quote`].
struct Found<'s> {
    span: &'s Span,
    speaker: Option<Speaker>,
    verb: Option<String>,
    rule: &'static str,
    confidence: f32,
    /// The quote opens its paragraph (nothing but space before it).
    opens_paragraph: bool,
    /// The words before the opening mark end a clause (":" or "," or nothing).
    after_clause: bool,
    /// The word just before the opening mark, lower case.
    word_before: String,
    /// That word is a possessive ("NBC’s “Meet the Press”").
    possessive_before: bool,
    /// Nothing but the quote in its paragraph(s).
    whole_paragraph: bool,
}

/// Words before a Title Case span that make it a title, not speech: `on “Face the Nation”`.
const TITLE_BEFORE: &[&str] = &[
    "on", "in", "of", "titled", "entitled", "headlined", "called", "named", "dubbed", "the", "book",
    "show", "film", "movie", "program", "programme", "song", "album", "article", "column", "op-ed",
    "headline", "series", "play", "slogan", "hashtag", "film", "documentary", "podcast", "segment",
];

/// Every quote in the blocks not marked in `skip`, attributed to speakers in `people`.
pub fn find_quotes(doc: &Document, skip: &[bool], people: &mut PeopleBook) -> Vec<Quote> {
    let blocks: Vec<Option<BlockData>> = doc
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| (!skip.get(i).copied().unwrap_or(false)).then(|| BlockData::new(&b.text)))
        .collect();
    let views: Vec<Option<(&[char], &[Mark])>> = blocks
        .iter()
        .map(|b| b.as_ref().map(|d| (d.chars.as_slice(), d.marks.as_slice())))
        .collect();
    let spans = marks::pair_document(&views);
    let regions = top_regions(&spans, &blocks);

    let mut res = Resolver::new(people);
    let mut out = Vec::new();
    // the latest attributed quote: its speaker and block
    let mut last: Option<(Speaker, usize)> = None;
    let mut prev_block: Option<usize> = None;
    for (b, data) in blocks.iter().enumerate() {
        let Some(data) = data else { continue };
        let text = data.text();
        res.scan_mentions(b, &text, &regions[b]);
        let mine: Vec<&Span> = spans.iter().filter(|s| s.depth == 0 && s.open.block == b).collect();
        let mut found: Vec<Found<'_>> = mine
            .iter()
            .map(|s| attribute(s, &blocks, &regions, &mut res))
            .collect();
        fill_unattributed(&mut found, last.as_ref(), prev_block);
        for f in &found {
            if f.speaker.is_some() && f.rule != "nearest-speaker" {
                last = Some((f.speaker.clone().unwrap_or_default(), f.span.end_block));
            }
        }
        for f in found {
            if let Some(q) = to_quote(&f, &blocks) {
                out.push(q);
            }
        }
        for s in spans.iter().filter(|s| s.depth == 1 && s.open.block == b) {
            if let Some(q) = nested_quote(s, &spans, data, b, &regions[b], &mut res) {
                out.push(q);
            }
        }
        prev_block = Some(b);
    }
    out.sort_by_key(|q| (q.block, q.start));
    out
}

/// Character ranges of each block covered by top-level quotes, marks included, in order.
fn top_regions(spans: &[Span], blocks: &[Option<BlockData>]) -> Vec<Vec<(usize, usize)>> {
    let mut regions = vec![Vec::new(); blocks.len()];
    for s in spans.iter().filter(|s| s.depth == 0) {
        for (b, region) in regions.iter_mut().enumerate().take(s.end_block + 1).skip(s.open.block) {
            let len = blocks[b].as_ref().map_or(0, |d| d.chars.len());
            if let Some((a, z)) = block_range(s, b, len) {
                let start = if b == s.open.block { s.open.pos } else { a.saturating_sub(1).min(a) };
                let end = match s.close {
                    Some(c) if c.block == b => c.after(),
                    _ => z,
                };
                region.push((start, end));
            }
        }
    }
    for r in &mut regions {
        r.sort_unstable();
    }
    regions
}

/// Token range of the words before a quote's opening mark, from the sentence start.
fn before_range(span: &Span, data: &BlockData, regions: &[(usize, usize)]) -> (usize, usize) {
    let open = span.open.pos;
    let lo_char = regions.iter().filter(|r| r.1 <= open).map(|r| r.1).max().unwrap_or(0);
    let (lo, hi) = (index_at(&data.toks, lo_char), index_at(&data.toks, open));
    let lo = (lo..hi).rev().find(|&k| data.toks[k].ends_sentence()).map_or(lo, |k| k + 1);
    (lo, hi)
}

/// How far back a sentence start is looked for across earlier quotes.
const SENTENCE_REACH: usize = 200;

/// The first token of the sentence holding token `hi`, skipping sentence ends inside quotes.
fn sentence_start(data: &BlockData, hi: usize, regions: &[(usize, usize)]) -> usize {
    let inside = |pos: usize| {
        let i = regions.partition_point(|r| r.0 <= pos);
        i > 0 && pos < regions[i - 1].1
    };
    let floor = hi.saturating_sub(SENTENCE_REACH);
    (floor..hi)
        .rev()
        .find(|&k| data.toks[k].ends_sentence() && !inside(data.toks[k].start))
        .map_or(floor, |k| k + 1)
}

/// Token range of the words after a quote's closing mark, to the sentence end.
fn after_range(span: &Span, data: &BlockData, regions: &[(usize, usize)]) -> (usize, usize) {
    let Some(close) = span.close else {
        return (data.toks.len(), data.toks.len());
    };
    let from = close.after();
    let hi_char = regions.iter().map(|r| r.0).filter(|&a| a >= from).min().unwrap_or(data.chars.len());
    let (lo, hi) = (index_at(&data.toks, from), index_at(&data.toks, hi_char));
    let hi = (lo..hi).find(|&k| data.toks[k].ends_sentence()).unwrap_or(hi);
    (lo, hi)
}

/// Find and resolve the cue of one top-level quote.
fn attribute<'s>(span: &'s Span, blocks: &[Option<BlockData>], regions: &[Vec<(usize, usize)>], res: &mut Resolver<'_>) -> Found<'s> {
    let ob = span.open.block;
    let mut f = Found {
        span,
        speaker: None,
        verb: None,
        rule: "",
        confidence: 0.0,
        opens_paragraph: true,
        after_clause: true,
        word_before: String::new(),
        possessive_before: false,
        whole_paragraph: false,
    };
    let Some(open_data) = blocks[ob].as_ref() else { return f };
    let (blo, bhi) = before_range(span, open_data, &regions[ob]);
    let first_char = open_data.chars.iter().position(|c| !c.is_whitespace());
    f.opens_paragraph = first_char == Some(span.open.pos);
    if bhi > blo {
        let prev = &open_data.toks[bhi - 1];
        f.after_clause = matches!(prev.kind, tokens::Kind::Punct(':' | ',' | '—' | '–' | '(')) || prev.kind == tokens::Kind::Mark;
        f.word_before = prev.key.clone();
        f.possessive_before = prev.possessive;
    }
    // which side speaks first: a quote ending in a comma (or ? !) is followed by its cue;
    // one that ends a sentence, or a partial quote, is introduced by what came before
    let after_first = match span_last_char(span, blocks) {
        Some(',' | '?' | '!' | '—' | '–' | '-') => true,
        _ => after_starts_with_comma(span, blocks, regions),
    };
    let after_cue = |tight: bool| -> Option<(Cue, usize)> {
        let end_data = blocks[span.end_block].as_ref()?;
        let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
        let text = end_data.text();
        if tight && !attribution::is_tight(&text, alo, ahi) {
            return None;
        }
        attribution::after(&text, alo, ahi).map(|c| (c, span.end_block))
    };
    let before_cue = || -> Option<(Cue, usize)> {
        let sent_lo = sentence_start(open_data, bhi, &regions[ob]);
        attribution::before(&open_data.text(), blo, bhi, sent_lo).map(|c| (c, ob))
    };
    // a quote opening its sentence has nothing before it: its cue may stand anywhere after
    let opens_sentence = blo >= bhi;
    let cue = if after_first {
        after_cue(false).or_else(before_cue)
    } else {
        before_cue().or_else(|| after_cue(!opens_sentence))
    };
    if let Some(end_data) = blocks[span.end_block].as_ref() {
        let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
        f.whole_paragraph = f.opens_paragraph && alo >= ahi && ahi >= end_data.toks.len();
    }
    let cue = cue.or_else(|| {
        let sent_lo = sentence_start(open_data, bhi, &regions[ob]);
        attribution::sentence_subject_cue(&open_data.text(), sent_lo, bhi).map(|c| (c, ob))
    });
    if let Some((c, b)) = cue {
        let Some(data) = blocks[b].as_ref() else { return f };
        let pos = (b, data.toks.get(c.phrase.start).map_or(0, |t| t.start));
        let sp = res.speaker(&data.text(), &c.phrase, pos);
        f.confidence = match c.phrase.kind {
            PhraseKind::Pronoun(_) => c.confidence * 0.9,
            PhraseKind::Role(_) if sp.person.is_some() => c.confidence * 0.8,
            _ => c.confidence,
        };
        f.speaker = Some(sp);
        f.verb = Some(c.verb);
        f.rule = c.rule;
    }
    f
}

/// The last non-space character inside a span.
fn span_last_char(span: &Span, blocks: &[Option<BlockData>]) -> Option<char> {
    let data = blocks.get(span.end_block)?.as_ref()?;
    let (a, z) = block_range(span, span.end_block, data.chars.len())?;
    data.chars
        .get(a..z)?
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '\'' | '’' | '‘' | '"' | '”' | '“'))
        .copied()
}

/// The words after the closing mark carry on the sentence: `"…", he said`, `"…" he said`.
fn after_starts_with_comma(span: &Span, blocks: &[Option<BlockData>], regions: &[Vec<(usize, usize)>]) -> bool {
    let Some(data) = blocks.get(span.end_block).and_then(Option::as_ref) else { return false };
    let (lo, hi) = after_range(span, data, &regions[span.end_block]);
    lo < hi && (data.toks[lo].is_punct(',') || (data.toks[lo].is_word() && !data.toks[lo].cap && words::words().pronouns.contains_key(data.toks[lo].key.as_str())))
}

/// Quotes without a cue of their own: inherit from a quote of the same paragraph, or from
/// the previous paragraph's speaker when this paragraph opens with the quote.
fn fill_unattributed(found: &mut [Found<'_>], last: Option<&(Speaker, usize)>, prev_block: Option<usize>) {
    for i in 0..found.len() {
        if found[i].speaker.is_some() {
            continue;
        }
        let earlier = found[..i].iter().rev().find(|f| f.speaker.is_some() && !f.rule.is_empty());
        let later = found[i + 1..].iter().find(|f| f.speaker.is_some() && !f.rule.is_empty());
        let (speaker, verb, rule, conf) = if let Some(e) = earlier {
            (e.speaker.clone(), e.verb.clone(), "same-paragraph", 0.75)
        } else if let Some(l) = later {
            (l.speaker.clone(), l.verb.clone(), "same-paragraph-next", 0.6)
        } else if let Some((sp, _)) = last.filter(|(_, lb)| found[i].opens_paragraph && prev_block.is_some_and(|p| *lb >= p)) {
            (Some(sp.clone()), None, "continuation", 0.7)
        } else if let Some((sp, _)) = last.filter(|_| found[i].opens_paragraph && found[i].whole_paragraph) {
            (Some(sp.clone()), None, "continuation-far", 0.45)
        } else {
            continue;
        };
        let f = &mut found[i];
        f.speaker = speaker;
        f.verb = verb;
        f.rule = rule;
        f.confidence = conf;
    }
}

/// The words of a span, joined over paragraphs, and its first block's offsets.
fn span_text(span: &Span, blocks: &[Option<BlockData>]) -> Option<(String, usize, usize)> {
    let mut text = String::new();
    let mut first: Option<(usize, usize)> = None;
    for b in span.open.block..=span.end_block {
        let Some(data) = blocks.get(b).and_then(Option::as_ref) else { continue };
        let Some((a, z)) = block_range(span, b, data.chars.len()) else { continue };
        let piece: String = data.chars.get(a..z)?.iter().collect();
        let trimmed = piece.trim();
        if first.is_none() {
            let lead = piece.chars().take_while(|c| c.is_whitespace()).count();
            let start = a + lead;
            first = Some((start, start + trimmed.chars().count()));
        }
        if trimmed.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(trimmed);
    }
    let (s, e) = first?;
    Some((text, s, e))
}

/// Title Case words only ("Face the Nation", "Make America Great Again"): a title or name.
fn title_like(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 7 {
        return false;
    }
    let trimmed = text.trim_end_matches([',', '.', '!', '?']);
    if trimmed.len() < text.trim().len() && text.trim().ends_with(['.', '!', '?']) && ws.len() > 3 {
        return false;
    }
    ws.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.chars().count() < 4 || w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric())
    }) && ws[0].chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn to_quote(f: &Found<'_>, blocks: &[Option<BlockData>]) -> Option<Quote> {
    let (text, start, end) = span_text(f.span, blocks)?;
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let n_words = text.split_whitespace().count();
    let title = title_like(&text);
    let attributed = f.speaker.is_some();
    if !attributed {
        return None;
    }
    if title && !f.rule.starts_with("after") && (TITLE_BEFORE.contains(&f.word_before.as_str()) || f.possessive_before) {
        return None;
    }
    if n_words <= 3 && f.rule.starts_with("continuation") {
        return None;
    }
    let sentence_like = text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let kind = if sentence_like && f.after_clause { QuoteKind::Direct } else { QuoteKind::Partial };
    let sp = f.speaker.clone().unwrap_or_default();
    Some(Quote {
        text,
        speaker_text: sp.text,
        person: sp.person,
        role: sp.role,
        verb: f.verb.clone(),
        kind,
        block: f.span.open.block,
        start,
        end,
        rule: f.rule.to_string(),
        confidence: f.confidence,
    })
}

/// A quote inside a quote, kept only when the outer speaker attributes it ("as the
/// president said").
fn nested_quote(s: &Span, spans: &[Span], data: &BlockData, b: usize, regions: &[(usize, usize)], res: &mut Resolver<'_>) -> Option<Quote> {
    let close = s.close?;
    if close.block != b {
        return None;
    }
    let outer_end = regions
        .iter()
        .find(|r| r.0 <= s.open.pos && close.pos < r.1)
        .map_or(data.chars.len(), |r| r.1.saturating_sub(1));
    let next_inner = spans
        .iter()
        .filter(|o| o.depth == 1 && o.open.block == b && o.open.pos > close.pos)
        .map(|o| o.open.pos)
        .min()
        .unwrap_or(outer_end);
    let lo = index_at(&data.toks, close.after());
    let hi = index_at(&data.toks, next_inner.min(outer_end));
    let hi = (lo..hi).find(|&k| data.toks[k].ends_sentence()).unwrap_or(hi);
    let text = data.text();
    let c = attribution::after(&text, lo, hi)?;
    if matches!(c.phrase.kind, PhraseKind::Pronoun(_)) {
        return None;
    }
    let pos = (b, data.toks.get(c.phrase.start).map_or(0, |t| t.start));
    let sp = res.speaker(&text, &c.phrase, pos);
    let (a, z) = block_range(s, b, data.chars.len())?;
    let words: String = data.chars.get(a..z)?.iter().collect();
    Some(Quote {
        text: words.trim().to_string(),
        speaker_text: sp.text,
        person: sp.person,
        role: sp.role,
        verb: Some(c.verb),
        kind: QuoteKind::Nested,
        block: b,
        start: a,
        end: z,
        rule: format!("nested-{}", c.rule),
        confidence: c.confidence * 0.8,
    })
}

#[cfg(test)]
mod tests;
