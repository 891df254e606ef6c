//! Quotes and their speakers.
//!
//! The pass reads the article's own paragraphs in order (captions and embeds are already
//! marked in `skip`):
//!
//! 1. `marks` finds the quote marks of every paragraph and pairs them into spans,
//!    recovering from unbalanced marks paragraph by paragraph.
//! 2. `resolve` registers the people each paragraph names (with evidence), so that a
//!    later pronoun or role has someone to refer to.
//! 3. `attribution` reads the words right after and right before each quote, cut at
//!    sentence ends, for a speech verb and a speaker phrase (`phrases`). Which side is
//!    read first depends on how the quote ends: `“…,” she said` versus `she said “…”.`
//! 4. A quote without a cue of its own borrows one, from the most to the least sure:
//!    another quote of its paragraph or sentence, the subject of the sentence before, the
//!    previous paragraph's speaker or subject (for a paragraph that is only a quote), and
//!    for a partial quote inside a sentence, that sentence's subject. Titles and short
//!    spans nobody is said to have said (scare quotes, nicknames) are dropped; a long one
//!    is kept without a speaker.
//!
//! Each quote records the rule that attributed it (`Quote::rule`) and a confidence, so
//! that a user can be told why a speaker was chosen:
//!
//! | rule | shape | confidence |
//! |---|---|---|
//! | `after-verb-name` | `“…,” said Ana Ruiz` | 0.9 |
//! | `after-name-verb` | `“…,” Ruiz said`, `“…,” she later added` | 0.9 |
//! | `after-according-to`, `before-according-to` | `“…,” according to the mayor` | 0.85 |
//! | `according-to-source` | `“…,” Ruiz said, according to the Gazette` / `the Gazette reported` | 0.7-0.75 |
//! | `sentence-final-cue` | `Ruiz was “troubled” by the vote in Leeds, the report says` | 0.6 |
//! | `before-name-verb`, `before-verb-name` | `Ruiz said that “…”`, `Said Ruiz: “…”` | 0.85 |
//! | `colon` | `Ruiz: “…”`, `Ana Ruiz, The Gazette: “…”` | 0.7 |
//! | `possessive-cue` | `Ruiz’s claim that “…”` | 0.6 |
//! | `same-paragraph`, `same-sentence`, `same-paragraph-next` | another quote's speaker | 0.5-0.75 |
//! | `continuation`, `continuation-far` | a paragraph that is only a quote | 0.45-0.7 |
//! | `previous-sentence-subject`, `previous-paragraph-subject` | who the text was about | 0.45-0.5 |
//! | `sentence-subject`, `sentence-subject-weak`, `according-to-sentence` | the sentence's subject | 0.3-0.6 |
//! | `nested-…` | `‘…,’ as the president said` inside a quote | 0.7 |
//! | `unattributed` | a long quote nobody is named for | 0.1 |
//!
//! Pronoun speakers (0.9×) and role speakers resolved to a person (0.8×) lower the
//! confidence of their rule.
//!
//! Every step looks only at one paragraph's tokens near one quote (bounded reaches, binary
//! searches, indexed people), so time is linear in the text, whatever the marks do.

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

/// One readable block: characters, marks and tokens (whose keys borrow from the text).
struct BlockData<'d> {
    chars: Vec<char>,
    marks: Vec<Mark>,
    toks: Vec<Token<'d>>,
}

impl<'d> BlockData<'d> {
    fn new(text: &'d str) -> Self {
        // (sized once: collecting would grow the vector from a quarter of the bytes)
        let mut chars = Vec::with_capacity(text.len());
        push_chars(&mut chars, text);
        let marks = marks::scan(&chars);
        let toks = tokens::tokenize(text, &chars);
        BlockData { chars, marks, toks }
    }
    fn text(&self) -> Text<'_> {
        Text::new(&self.chars, &self.toks)
    }
}

/// Append the characters of `text`: runs of ASCII bytes are copied as they are, and only
/// the other characters are decoded (most prose is ASCII between its curly quotes).
fn push_chars(chars: &mut Vec<char>, text: &str) {
    let mut rest = text;
    loop {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        chars.extend(rest.as_bytes()[..ascii].iter().map(|&b| char::from(b)));
        let mut others = rest[ascii..].chars();
        let Some(c) = others.next() else {
            break;
        };
        chars.push(c);
        rest = others.as_str();
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
    /// The sentence's subject, a guess for a quote without a cue.
    fallback: Option<(Speaker, String)>,
    /// Nothing but space or an earlier quote before it in its sentence.
    opens_sentence: bool,
    /// The subject of the sentence before, a guess for a quote opening its sentence.
    previous_subject: Option<(Speaker, String)>,
    /// No sentence ends between this quote and the next one.
    joined_to_next: bool,
    /// The opening mark stands right after "=": an attribute value in markup, not a quote.
    in_markup: bool,
}

/// Words before a Title Case span that make it a title, not speech: `on “Face the Nation”`.
const TITLE_BEFORE: &[&str] = &[
    "on",
    "in",
    "of",
    "titled",
    "entitled",
    "headlined",
    "called",
    "named",
    "dubbed",
    "the",
    "book",
    "show",
    "film",
    "movie",
    "program",
    "programme",
    "song",
    "album",
    "article",
    "column",
    "op-ed",
    "headline",
    "series",
    "play",
    "slogan",
    "hashtag",
    "film",
    "documentary",
    "podcast",
    "segment",
];

/// Every quote in the blocks not marked in `skip`, attributed to speakers in `people`.
pub fn find_quotes(doc: &Document, skip: &[bool], people: &mut PeopleBook) -> Vec<Quote> {
    pass(doc, skip, people, false)
}

/// The pass of [`find_quotes`]. With `every_subject`, each paragraph's closing subject is
/// read even where nothing can use it: the tests compare that with the lazy pass.
fn pass(doc: &Document, skip: &[bool], people: &mut PeopleBook, every_subject: bool) -> Vec<Quote> {
    let blocks: Vec<Option<BlockData<'_>>> = doc
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
    // spans by the block they open in (spans are sorted by opening position)
    let mut by_block: Vec<Vec<&Span>> = vec![Vec::new(); blocks.len()];
    for s in &spans {
        if let Some(v) = by_block.get_mut(s.open.block) {
            v.push(s);
        }
    }

    let mut res = Resolver::new(people);
    let mut out = Vec::new();
    // the latest attributed quote: its speaker and block
    let mut last: Option<(Speaker, usize)> = None;
    let mut prev_block: Option<usize> = None;
    let mut para_subject: Option<Speaker> = None;
    for (b, data) in blocks.iter().enumerate() {
        let Some(data) = data else { continue };
        let text = data.text();
        res.scan_mentions(b, &text, &regions[b]);
        let mine: Vec<&Span> = by_block[b]
            .iter()
            .copied()
            .filter(|s| s.depth == 0)
            .collect();
        let mut found: Vec<Found<'_>> = mine
            .iter()
            .map(|s| attribute(s, &blocks, &regions, &mut res))
            .collect();
        fill_unattributed(
            &mut found,
            last.as_ref(),
            prev_block,
            Some(b),
            para_subject.take(),
        );
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
        let inner: Vec<&Span> = by_block[b]
            .iter()
            .copied()
            .filter(|s| s.depth == 1)
            .collect();
        for (k, s) in inner.iter().enumerate() {
            let next_inner = inner.get(k + 1).map(|o| o.open.pos);
            if let Some(q) = nested_quote(s, next_inner, data, b, &regions[b], &mut res) {
                out.push(q);
            }
        }
        prev_block = Some(b);
        // who the paragraph's last sentence is about: a quote-only paragraph next may be
        // theirs. Only the next paragraph read asks, and only for a quote opening in it; a
        // pronoun's guess is the one guess that changes the resolver (it settles the
        // gender of whom it points to), so a paragraph without one and without a quote
        // after it skips the reading
        let next = blocks[b + 1..]
            .iter()
            .position(Option::is_some)
            .map(|k| b + 1 + k);
        let asked = every_subject || next.is_some_and(|k| by_block[k].iter().any(|s| s.depth == 0));
        if !(asked || data.toks.iter().any(names_gendered_pronoun)) {
            para_subject = None;
            continue;
        }
        let mut n = data.toks.len();
        if n > 0 && data.toks[n - 1].ends_sentence() {
            n -= 1;
        }
        let s0 = sentence_start(data, n, &regions[b]);
        // (the subject's phrases are read from the last sentence's own words)
        if !(asked || data.toks[s0..n].iter().any(names_gendered_pronoun)) {
            para_subject = None;
            continue;
        }
        para_subject = attribution::sentence_subject_cue(&text, s0, n, false).map(|c| {
            let pos = (b, data.toks.get(c.phrase.start).map_or(0, |t| t.start));
            res.guess(&text, &c.phrase, pos)
        });
    }
    out.sort_by_key(|q| (q.block, q.start));
    out
}

/// A he, she, him or her (in any listed language): the words a guessed subject can be a
/// pronoun with a gender from (see [`words::is_gendered_pronoun`]).
fn names_gendered_pronoun(t: &Token<'_>) -> bool {
    t.is_word() && words::is_gendered_pronoun(t.key())
}

/// Character ranges of each block covered by top-level quotes, marks included, in order.
fn top_regions(spans: &[Span], blocks: &[Option<BlockData<'_>>]) -> Vec<Vec<(usize, usize)>> {
    let mut regions = vec![Vec::new(); blocks.len()];
    for s in spans.iter().filter(|s| s.depth == 0) {
        for (b, region) in regions
            .iter_mut()
            .enumerate()
            .take(s.end_block + 1)
            .skip(s.open.block)
        {
            let len = blocks[b].as_ref().map_or(0, |d| d.chars.len());
            if let Some((a, z)) = block_range(s, b, len) {
                let start = if b == s.open.block {
                    s.open.pos
                } else {
                    a.saturating_sub(1).min(a)
                };
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
fn before_range(span: &Span, data: &BlockData<'_>, regions: &[(usize, usize)]) -> (usize, usize) {
    let open = span.open.pos;
    // regions are sorted and disjoint: the one before the opening mark ends last; short
    // quoted names and titles in between are read through (Ruiz called the “Safe Ports”
    // plan “a fraud”)
    let mut i = regions.partition_point(|r| r.0 < open);
    let mut skipped = 0;
    while i > 0 && is_short(regions[i - 1]) && skipped < MAX_SKIPPED {
        i -= 1;
        skipped += 1;
    }
    let lo_char = i.checked_sub(1).map_or(0, |k| regions[k].1.min(open));
    let (lo, hi) = (index_at(&data.toks, lo_char), index_at(&data.toks, open));
    let lo = (lo..hi)
        .rev()
        .find(|&k| data.toks[k].ends_sentence())
        .map_or(lo, |k| k + 1);
    (lo, hi)
}

/// A quoted span this short (in characters, marks included) is a name or title that an
/// attribution may run across.
const SHORT_SPAN: usize = 40;
/// How many short spans a context runs across.
const MAX_SKIPPED: usize = 2;

fn is_short(r: (usize, usize)) -> bool {
    r.1.saturating_sub(r.0) <= SHORT_SPAN
}

/// How far back a sentence start is looked for across earlier quotes.
const SENTENCE_REACH: usize = 200;

/// The first token of the sentence holding token `hi`, skipping sentence ends inside quotes.
fn sentence_start(data: &BlockData<'_>, hi: usize, regions: &[(usize, usize)]) -> usize {
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
fn after_range(span: &Span, data: &BlockData<'_>, regions: &[(usize, usize)]) -> (usize, usize) {
    let Some(close) = span.close else {
        return (data.toks.len(), data.toks.len());
    };
    let from = close.after();
    let mut i = regions.partition_point(|r| r.0 < from);
    let mut skipped = 0;
    while regions.get(i).is_some_and(|&r| is_short(r)) && skipped < MAX_SKIPPED {
        i += 1;
        skipped += 1;
    }
    let hi_char = regions.get(i).map_or(data.chars.len(), |r| r.0);
    let (lo, hi) = (index_at(&data.toks, from), index_at(&data.toks, hi_char));
    let hi = (lo..hi)
        .find(|&k| data.toks[k].ends_sentence())
        .unwrap_or(hi);
    (lo, hi)
}

/// Find and resolve the cue of one top-level quote.
fn attribute<'s>(
    span: &'s Span,
    blocks: &[Option<BlockData<'_>>],
    regions: &[Vec<(usize, usize)>],
    res: &mut Resolver<'_>,
) -> Found<'s> {
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
        fallback: None,
        opens_sentence: true,
        previous_subject: None,
        joined_to_next: false,
        in_markup: false,
    };
    let Some(open_data) = blocks[ob].as_ref() else {
        return f;
    };
    let (blo, bhi) = before_range(span, open_data, &regions[ob]);
    f.in_markup = span.open.pos > 0 && open_data.chars.get(span.open.pos - 1) == Some(&'=');
    let first_char = open_data.chars.iter().position(|c| !c.is_whitespace());
    f.opens_paragraph = first_char == Some(span.open.pos);
    if bhi > blo {
        let prev = &open_data.toks[bhi - 1];
        f.after_clause = matches!(prev.kind, tokens::Kind::Punct(':' | ',' | '—' | '–' | '('))
            || prev.kind == tokens::Kind::Mark;
        f.word_before = prev.key().to_string();
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
        attribution::before(&open_data.text(), blo, bhi, sent_lo, &regions[ob]).map(|c| (c, ob))
    };
    // a quote opening its sentence has nothing before it: its cue may stand anywhere after
    let opens_sentence = blo >= bhi;
    f.opens_sentence = opens_sentence;
    // only a bare subject before the quote ("Ruiz “drew well” in Ohio, said Ana Ortiz"):
    // the cue after it may stand anywhere in the sentence
    let bare = !open_data.toks[blo..bhi]
        .iter()
        .any(|t| t.is_word() && !t.cap);
    let cue = if after_first {
        after_cue(false).or_else(before_cue)
    } else {
        before_cue().or_else(|| after_cue(!opens_sentence && !bare))
    };
    // "…," Ruiz said, according to the Gazette: the outer source speaks for the quote
    let cue = cue.map(|(c, b)| outer_cue(span, blocks, regions, c, b));
    if let Some(end_data) = blocks[span.end_block].as_ref() {
        let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
        f.whole_paragraph = f.opens_paragraph && alo >= ahi && ahi >= end_data.toks.len();
        // the sentence runs on into the next quote: “a” and “b,” she said
        f.joined_to_next = end_data.toks[alo.min(end_data.toks.len())..]
            .iter()
            .find(|t| t.kind == tokens::Kind::Mark || t.ends_sentence())
            .is_some_and(|t| t.kind == tokens::Kind::Mark);
    }
    // "X was “deeply troubled” by the vote, the statement says."
    let cue = cue.or_else(|| {
        let end_data = blocks[span.end_block].as_ref()?;
        let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
        attribution::final_clause(&end_data.text(), alo, ahi).map(|c| (c, span.end_block))
    });
    // a quote inside an opening phrase: its subject follows the quote
    let cue = cue.or_else(|| {
        let sent_lo = sentence_start(open_data, bhi, &regions[ob]);
        let opening = sent_lo < bhi && attribution::intro_word(&open_data.text(), sent_lo);
        let end_data = blocks[span.end_block]
            .as_ref()
            .filter(|_| opening && span.end_block == ob)?;
        let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
        attribution::subject_after(&end_data.text(), alo, ahi).map(|c| (c, ob))
    });
    let cue = cue.or_else(|| {
        let sent_lo = sentence_start(open_data, bhi, &regions[ob]);
        let c = attribution::sentence_subject_cue(&open_data.text(), sent_lo, bhi, false)?;
        // a lone capitalised word opening a sentence is a person only if named before
        let p = &c.phrase;
        let lone = p.kind == PhraseKind::Name
            && !p.evidence
            && p.name.as_deref().is_some_and(|n| !n.contains(' '));
        if lone && res.find(p.name.as_deref().unwrap_or_default()).is_none() {
            return None;
        }
        Some((c, ob))
    });
    if cue.is_none() && opens_sentence && blo > 0 {
        // "Ruiz touted the plan. “We need it.”": the previous sentence's subject
        let prev_lo = sentence_start(open_data, blo - 1, &regions[ob]);
        if let Some(c) =
            attribution::sentence_subject_cue(&open_data.text(), prev_lo, blo - 1, false)
        {
            let pos = (
                ob,
                open_data.toks.get(c.phrase.start).map_or(0, |t| t.start),
            );
            let sp = res.guess(&open_data.text(), &c.phrase, pos);
            f.previous_subject = Some((sp, c.verb));
        }
    }
    if cue.is_none() {
        let sent_lo = sentence_start(open_data, bhi, &regions[ob]);
        if let Some(c) = attribution::sentence_subject_cue(&open_data.text(), sent_lo, bhi, true) {
            let pos = (
                ob,
                open_data.toks.get(c.phrase.start).map_or(0, |t| t.start),
            );
            let sp = res.guess(&open_data.text(), &c.phrase, pos);
            f.fallback = Some((sp, c.verb));
        }
    }
    if let Some((c, b)) = cue {
        let Some(data) = blocks[b].as_ref() else {
            return f;
        };
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

/// A speech-verb cue passed on from a medium or document in the same sentence ("…,"
/// Ruiz said, according to the Gazette; "According to the transcript, Ruiz said “…”")
/// gives way to that source.
fn outer_cue(
    span: &Span,
    blocks: &[Option<BlockData<'_>>],
    regions: &[Vec<(usize, usize)>],
    c: Cue,
    b: usize,
) -> (Cue, usize) {
    let after = c.rule.starts_with("after-") && c.rule != "after-according-to";
    let before = c.rule.starts_with("before-") && c.rule != "before-according-to";
    if !(after || before) {
        return (c, b);
    }
    let Some(end_data) = blocks[span.end_block].as_ref() else {
        return (c, b);
    };
    let (alo, ahi) = after_range(span, end_data, &regions[span.end_block]);
    let from = if after { c.phrase.end.max(alo) } else { alo };
    if let Some(o) = attribution::outer_source(&end_data.text(), from, ahi) {
        return (o, span.end_block);
    }
    if before {
        if let Some(data) = blocks[b].as_ref() {
            let lo = sentence_start(data, c.phrase.start, &regions[b]);
            if let Some(o) = attribution::opening_source(&data.text(), lo, c.phrase.start) {
                return (o, b);
            }
        }
    }
    (c, b)
}

/// The last non-space character inside a span.
fn span_last_char(span: &Span, blocks: &[Option<BlockData<'_>>]) -> Option<char> {
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
fn after_starts_with_comma(
    span: &Span,
    blocks: &[Option<BlockData<'_>>],
    regions: &[Vec<(usize, usize)>],
) -> bool {
    let Some(data) = blocks.get(span.end_block).and_then(Option::as_ref) else {
        return false;
    };
    let (lo, hi) = after_range(span, data, &regions[span.end_block]);
    lo < hi
        && (data.toks[lo].is_punct(',')
            || (data.toks[lo].is_word()
                && !data.toks[lo].cap
                && words::words().pronouns.contains_key(data.toks[lo].key())))
}

/// Quotes without a cue of their own: inherit from a quote of the same paragraph, or from
/// the previous paragraph's speaker when this paragraph opens with the quote.
fn fill_unattributed(
    found: &mut [Found<'_>],
    last: Option<&(Speaker, usize)>,
    prev_block: Option<usize>,
    block: Option<usize>,
    para_subject: Option<Speaker>,
) {
    // only quotes attributed by a cue of their own lend their speaker
    let own: Vec<Option<(Speaker, Option<String>)>> = found
        .iter()
        .map(|f| {
            f.speaker
                .clone()
                .filter(|_| !f.rule.is_empty())
                .map(|s| (s, f.verb.clone()))
        })
        .collect();
    // nearest attributed quote before and after each one, in one pass each way
    let mut prev_own = vec![None; own.len()];
    let mut next_own = vec![None; own.len()];
    let mut seen = None;
    for (i, o) in own.iter().enumerate() {
        prev_own[i] = seen;
        if o.is_some() {
            seen = Some(i);
        }
    }
    seen = None;
    for (i, o) in own.iter().enumerate().rev() {
        next_own[i] = seen;
        if o.is_some() {
            seen = Some(i);
        }
    }
    for i in 0..found.len() {
        if found[i].speaker.is_some() {
            continue;
        }
        let earlier = prev_own[i].and_then(|k| own[k].as_ref());
        let later = next_own[i].and_then(|k| own[k].as_ref());
        let ending_here = last.filter(|(_, lb)| Some(*lb) == block && !found[i].opens_paragraph);
        let previous =
            last.filter(|(_, lb)| found[i].opens_paragraph && prev_block.is_some_and(|p| *lb >= p));
        let far = last.filter(|_| found[i].opens_paragraph && found[i].whole_paragraph);
        let subject = found[i].fallback.clone();
        let previous_subject = found[i].previous_subject.clone();
        let f = &found[i];
        // a quote that opens its sentence goes on with the speaker around it; a partial
        // quote inside a sentence without a cue belongs to that sentence's subject
        let choice: Option<(Speaker, Option<String>, &'static str, f32)> = if f.opens_sentence {
            earlier
                .map(|(s, v)| (s.clone(), v.clone(), "same-paragraph", 0.75))
                .or_else(|| ending_here.map(|(s, _)| (s.clone(), None, "same-paragraph", 0.7)))
                .or_else(|| later.map(|(s, v)| (s.clone(), v.clone(), "same-paragraph-next", 0.6)))
                .or_else(|| {
                    previous_subject.map(|(s, v)| (s, Some(v), "previous-sentence-subject", 0.5))
                })
                .or_else(|| previous.map(|(s, _)| (s.clone(), None, "continuation", 0.7)))
                .or_else(|| {
                    let s = para_subject.clone().filter(|_| found[i].opens_paragraph)?;
                    Some((s, None, "previous-paragraph-subject", 0.45))
                })
                .or_else(|| far.map(|(s, _)| (s.clone(), None, "continuation-far", 0.45)))
        } else {
            let same_sentence = later.filter(|_| f.joined_to_next);
            same_sentence
                .map(|(s, v)| (s.clone(), v.clone(), "same-sentence", 0.6))
                .or_else(|| subject.map(|(s, v)| (s, Some(v), "sentence-subject-weak", 0.3)))
                .or_else(|| earlier.map(|(s, v)| (s.clone(), v.clone(), "same-paragraph", 0.5)))
                .or_else(|| ending_here.map(|(s, _)| (s.clone(), None, "same-paragraph", 0.5)))
        };
        let Some((speaker, verb, rule, conf)) = choice else {
            continue;
        };
        let f = &mut found[i];
        f.speaker = Some(speaker);
        f.verb = verb;
        f.rule = rule;
        f.confidence = conf;
    }
    // a quote opening a later sentence of the paragraph goes on with a quote given its
    // speaker just above (“…” after “Ruiz touted the plan.”, then “…” again)
    let mut lender: Option<(Speaker, Option<String>)> = None;
    for f in found.iter_mut() {
        if let Some(s) = &f.speaker {
            lender = (f.rule != "sentence-subject-weak").then(|| (s.clone(), f.verb.clone()));
            continue;
        }
        if f.opens_sentence && !f.opens_paragraph {
            if let Some((s, v)) = lender.clone() {
                f.speaker = Some(s);
                f.verb = v;
                f.rule = "same-paragraph";
                f.confidence = 0.45;
            }
        }
    }
}

/// The words of a span, joined over paragraphs, and its first block's offsets.
fn span_text(span: &Span, blocks: &[Option<BlockData<'_>>]) -> Option<(String, usize, usize)> {
    let mut text = String::new();
    let mut first: Option<(usize, usize)> = None;
    for b in span.open.block..=span.end_block {
        let Some(data) = blocks.get(b).and_then(Option::as_ref) else {
            continue;
        };
        let Some((a, z)) = block_range(span, b, data.chars.len()) else {
            continue;
        };
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

/// Fewest words an unattributed span needs to be kept as a quote (with no speaker).
const UNATTRIBUTED_MIN_WORDS: usize = 6;

/// Small words a Title Case title leaves in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "vs",
    "de", "la", "el",
];

/// Title Case words only ("Face the Nation", "Make America Great Again"): a title or name.
fn title_like(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 7 {
        return false;
    }
    if text.trim().ends_with(['.', '!', '?']) && ws.len() > 3 {
        return false;
    }
    let mut capitalised = 0;
    for w in &ws {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if first.is_uppercase() || first.is_numeric() {
            capitalised += usize::from(w.chars().count() >= 3);
        } else if !TITLE_SMALL_WORDS.contains(&w.to_lowercase().as_str()) {
            return false;
        }
    }
    capitalised >= 1
        && ws[0]
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
}

fn to_quote(f: &Found<'_>, blocks: &[Option<BlockData<'_>>]) -> Option<Quote> {
    let (text, start, end) = span_text(f.span, blocks)?;
    if !text.chars().any(char::is_alphabetic) {
        return None;
    }
    let n_words = text.split_whitespace().count();
    let title = title_like(&text);
    if f.in_markup {
        return None;
    }
    // a short span nobody is said to have said is a scare quote, a nickname or a title
    if f.rule.is_empty() && n_words < UNATTRIBUTED_MIN_WORDS {
        return None;
    }
    let weak = matches!(
        f.rule,
        "sentence-subject"
            | "sentence-subject-weak"
            | "same-paragraph"
            | "same-paragraph-next"
            | "continuation"
            | "continuation-far"
            | "according-to-sentence"
            | "nearest-speaker"
            | ""
    );
    if title
        && (weak
            || !f.rule.starts_with("after")
                && (TITLE_BEFORE.contains(&f.word_before.as_str()) || f.possessive_before))
    {
        return None;
    }
    if n_words <= 3 && f.rule.starts_with("continuation") {
        return None;
    }
    let sentence_like = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let kind = if sentence_like && f.after_clause {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
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
        rule: if f.rule.is_empty() {
            "unattributed".to_string()
        } else {
            f.rule.to_string()
        },
        confidence: if f.rule.is_empty() { 0.1 } else { f.confidence },
    })
}

/// A quote inside a quote, kept only when the outer speaker attributes it ("as the
/// president said").
fn nested_quote(
    s: &Span,
    next_inner: Option<usize>,
    data: &BlockData<'_>,
    b: usize,
    regions: &[(usize, usize)],
    res: &mut Resolver<'_>,
) -> Option<Quote> {
    let close = s.close?;
    if close.block != b {
        return None;
    }
    let k = regions.partition_point(|r| r.0 <= s.open.pos);
    let outer_end = k
        .checked_sub(1)
        .map(|k| regions[k])
        .filter(|r| close.pos < r.1)
        .map_or(data.chars.len(), |r| r.1.saturating_sub(1));
    let next_inner = next_inner.filter(|&p| p > close.pos).unwrap_or(outer_end);
    let lo = index_at(&data.toks, close.after());
    let hi = index_at(&data.toks, next_inner.min(outer_end));
    let hi = (lo..hi)
        .find(|&k| data.toks[k].ends_sentence())
        .unwrap_or(hi);
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
