//! Quote marks: which characters open and close quotes, and how they pair up.
//!
//! Real text mixes mark families and often uses the wrong curly glyph, so a mark's
//! direction comes first from its surroundings (space before and a letter after opens;
//! a non-space before and space or punctuation after closes) and only then from its glyph.
//! Pairing never gives up on a document: it works paragraph by paragraph, a closing mark
//! with nothing open extends the quote just closed (a stray mark inside a quote), a quote
//! still open at the end of a paragraph continues when the next paragraph opens with a
//! mark, and otherwise ends with its paragraph.

/// A family of marks that pair with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `"`, `“ ”`, `„`, `''`, ``` `` ```.
    Double,
    /// `« »`.
    Angle,
    /// `‘ ’`, `'`, `‹ ›`: quotes only at word boundaries, and mostly apostrophes.
    Single,
}

/// Which way a mark points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Open,
    Close,
    Either,
}

/// One quote mark in a block: its first character and length in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub pos: usize,
    pub len: usize,
    pub family: Family,
    pub dir: Dir,
}

/// A mark placed in the document: block index, character position, length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At {
    pub block: usize,
    pub pos: usize,
    pub len: usize,
}

impl At {
    fn of(block: usize, m: &Mark) -> At {
        At {
            block,
            pos: m.pos,
            len: m.len,
        }
    }
    /// Position just after the mark.
    pub fn after(&self) -> usize {
        self.pos + self.len
    }
}

/// One quoted span: from just after its opening mark to its closing mark (or the end of
/// the paragraph it was left open in), possibly across paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub family: Family,
    pub open: At,
    /// `None` when the quote was never closed: it ends at the end of `end_block`.
    pub close: Option<At>,
    pub end_block: usize,
    /// Opening marks of the paragraphs it continues into.
    pub continued: Vec<At>,
    /// 0 for a quote in running text, 1 for a quote inside a quote.
    pub depth: u8,
}

fn is_open_glyph(c: char) -> bool {
    matches!(c, '“' | '„' | '‟' | '«' | '‹' | '‘' | '‚' | '`')
}

fn is_close_glyph(c: char) -> bool {
    matches!(c, '”' | '»' | '›' | '’' | '"' | '\'')
}

/// Direction from the characters around the mark, when they decide it.
fn context_dir(prev: Option<char>, next: Option<char>) -> Option<Dir> {
    let open_before =
        prev.is_none_or(|c| c.is_whitespace() || "([{<—–-/".contains(c) || is_open_glyph(c));
    let close_after = next.is_none_or(|c| {
        c.is_whitespace() || ",.;:!?)]}>—–-…".contains(c) || is_close_glyph(c) || c == '“'
    });
    match (open_before, close_after) {
        (true, false) => Some(Dir::Open),
        (false, true) => Some(Dir::Close),
        _ => None,
    }
}

fn is_single_glyph(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‛' | '`')
}

/// The first character from `i` on that may be a mark: most characters are plain ASCII,
/// and only " ' ` among them can be marks (a run of others is passed over in one search).
fn next_candidate(chars: &[char], i: usize) -> Option<usize> {
    let k = chars
        .get(i..)?
        .iter()
        .position(|&c| !c.is_ascii() || matches!(c, '"' | '\'' | '`'))?;
    Some(i + k)
}

/// Every quote mark of a block, in order. Apostrophes inside words ("don't", "Clinton’s")
/// and before decades ("'90s") are not marks.
pub fn scan(chars: &[char]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(next) = next_candidate(chars, i) else {
            break;
        };
        i = next;
        let c = chars[i];
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        // two single marks in a row are one double mark: '' ‘‘ ’’ ``
        if is_single_glyph(c) && chars.get(i + 1).is_some_and(|&d| is_single_glyph(d)) {
            let next = chars.get(i + 2).copied();
            let glyph = match c {
                '`' | '‘' => Dir::Open,
                '’' => Dir::Close,
                _ => Dir::Either,
            };
            let dir = context_dir(prev, next).unwrap_or(glyph);
            marks.push(Mark {
                pos: i,
                len: 2,
                family: Family::Double,
                dir,
            });
            i += 2;
            continue;
        }
        let next = chars.get(i + 1).copied();
        let (family, glyph) = match c {
            '"' => (Family::Double, Dir::Either),
            '“' | '„' | '‟' => (Family::Double, Dir::Open),
            '”' => (Family::Double, Dir::Close),
            '«' => (Family::Angle, Dir::Open),
            '»' => (Family::Angle, Dir::Close),
            '‹' => (Family::Single, Dir::Open),
            '›' => (Family::Single, Dir::Close),
            '‘' | '’' | '\'' | '`' => (Family::Single, Dir::Either),
            _ => {
                i += 1;
                continue;
            }
        };
        let dir = if family == Family::Single && matches!(c, '‘' | '’' | '\'' | '`') {
            match single_dir(prev, next, chars.get(i + 2).copied()) {
                Some(d) => d,
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            context_dir(prev, next).unwrap_or(glyph)
        };
        marks.push(Mark {
            pos: i,
            len: 1,
            family,
            dir,
        });
        i += 1;
    }
    marks
}

/// A single mark is a quote only at a word boundary; anything else is an apostrophe.
fn single_dir(prev: Option<char>, next: Option<char>, next2: Option<char>) -> Option<Dir> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    if alnum(prev) && alnum(next) {
        return None; // don't, Clinton’s
    }
    // '90s, 'em: an elision, not a quote
    if !alnum(prev)
        && next.is_some_and(|c| c.is_ascii_digit())
        && next2.is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    context_dir(prev, next).filter(|d| *d != Dir::Either)
}

/// Pairs the marks of a whole document. `blocks` holds each block's characters and marks;
/// a `None` block is skipped (a caption, an embed) and breaks multi-paragraph quotes.
pub fn pair_document(blocks: &[Option<(&[char], &[Mark])>]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    // a quote left open at the end of the previous paragraph
    let mut carry: Option<Span> = None;
    for (b, block) in blocks.iter().enumerate() {
        let Some((chars, marks)) = block else {
            if let Some(s) = carry.take() {
                spans.push(s);
            }
            continue;
        };
        let first_text = chars.iter().position(|c| !c.is_whitespace());
        let mut primary: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.family != Family::Single)
            .collect();
        let mut stack: Vec<Span> = Vec::new();
        if let Some(mut s) = carry.take() {
            let continues = primary.first().is_some_and(|m| {
                Some(m.pos) == first_text && m.family == s.family && m.dir != Dir::Close
            });
            if continues {
                s.continued.push(At::of(b, primary[0]));
                s.end_block = b;
                stack.push(s);
                primary.remove(0);
            } else {
                spans.push(s);
            }
        }
        let top_start = spans.len();
        pair_block(b, &primary, &mut stack, &mut spans, top_start);
        // left open: the outermost may continue into the next paragraph
        let mut rest = stack.into_iter();
        if let Some(outer) = rest.next() {
            for inner in rest {
                spans.push(inner);
            }
            carry = Some(outer);
        }
        let singles: Vec<&Mark> = marks
            .iter()
            .filter(|m| m.family == Family::Single)
            .collect();
        pair_singles(b, chars.len(), &singles, &mut spans, carry.as_ref());
    }
    if let Some(s) = carry {
        spans.push(s);
    }
    spans.sort_by_key(|s| (s.open.block, s.open.pos));
    spans
}

/// The double and angle marks of one block, with a stack at most two deep.
fn pair_block(
    b: usize,
    marks: &[&Mark],
    stack: &mut Vec<Span>,
    spans: &mut Vec<Span>,
    top_start: usize,
) {
    // index in `spans` of the last quote closed at depth 0 in this block, while nothing opened since
    let mut last_closed: Option<usize> = None;
    for m in marks {
        let opens = match m.dir {
            Dir::Open => true,
            Dir::Close => false,
            Dir::Either => stack.is_empty(),
        };
        if opens {
            last_closed = None;
            if stack.len() < 2 {
                stack.push(Span {
                    family: m.family,
                    open: At::of(b, m),
                    close: None,
                    end_block: b,
                    continued: Vec::new(),
                    depth: stack.len() as u8,
                });
            }
            continue;
        }
        match stack.last() {
            Some(top) if top.family == m.family => {
                let mut s = stack.pop().unwrap_or_else(|| unreachable!());
                s.close = Some(At::of(b, m));
                s.end_block = b;
                spans.push(s);
                if stack.is_empty() {
                    last_closed = Some(spans.len() - 1);
                }
            }
            Some(_) => {}
            None => {
                // a stray closing mark inside a quote: the quote goes on to this mark
                if let Some(i) = last_closed.filter(|&i| i >= top_start) {
                    if spans[i].family == m.family {
                        spans[i].close = Some(At::of(b, m));
                        // quotes nested in the first part stay nested; none can follow
                    }
                }
            }
        }
    }
}

/// Single quotes: outside double quotes they are quotes of their own (headlines, partial
/// quotes); inside they are nested quotes. An opening mark pairs with the next closing one
/// in the same region; a closing mark with nothing open is an apostrophe (the Joneses’).
fn pair_singles(
    b: usize,
    len: usize,
    marks: &[&Mark],
    spans: &mut Vec<Span>,
    open_carry: Option<&Span>,
) {
    if marks.is_empty() {
        return;
    }
    // regions of this block covered by double quotes, with their depth
    let mut covered: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.family != Family::Single && s.depth == 0)
        .filter_map(|s| block_range(s, b, len))
        .collect();
    if let Some(s) = open_carry {
        if let Some(r) = block_range(s, b, len) {
            covered.push(r);
        }
    }
    covered.sort_unstable();
    let region_of = |pos: usize| -> Option<usize> {
        let i = covered.partition_point(|r| r.0 <= pos);
        i.checked_sub(1).filter(|&i| pos < covered[i].1)
    };
    let mut open: Option<(&Mark, Option<usize>)> = None;
    for m in marks {
        let region = region_of(m.pos);
        match m.dir {
            Dir::Open => open = Some((m, region)),
            Dir::Close | Dir::Either => {
                if let Some((o, r)) = open {
                    if r == region && m.pos > o.pos + 1 {
                        spans.push(Span {
                            family: Family::Single,
                            open: At::of(b, o),
                            close: Some(At::of(b, m)),
                            end_block: b,
                            continued: Vec::new(),
                            depth: u8::from(region.is_some()),
                        });
                        open = None;
                    }
                }
            }
        }
    }
}

/// The character range a span covers inside block `b` (between its marks).
pub fn block_range(s: &Span, b: usize, len: usize) -> Option<(usize, usize)> {
    if b < s.open.block || b > s.end_block {
        return None;
    }
    let start = if b == s.open.block {
        s.open.after()
    } else {
        s.continued
            .iter()
            .find(|c| c.block == b)
            .map_or(0, At::after)
    };
    let end = match s.close {
        Some(c) if c.block == b => c.pos,
        _ => len,
    };
    (start <= end).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The search stops where the character-by-character skip of plain ASCII stopped.
        #[test]
        fn candidates_are_where_the_skip_stopped(s in "(?s).{0,40}|[a-z \"'`’“]{0,30}", i in 0..45usize) {
            let chars: Vec<char> = s.chars().collect();
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii() && !matches!(chars[j], '"' | '\'' | '`') {
                j += 1;
            }
            let want = (j < chars.len()).then_some(j);
            proptest::prop_assert_eq!(next_candidate(&chars, i), want);
        }
    }

    fn spans_of(paragraphs: &[&str]) -> Vec<(usize, String)> {
        let chars: Vec<Vec<char>> = paragraphs.iter().map(|p| p.chars().collect()).collect();
        let marks: Vec<Vec<Mark>> = chars.iter().map(|c| scan(c)).collect();
        let blocks: Vec<Option<(&[char], &[Mark])>> = chars
            .iter()
            .zip(&marks)
            .map(|(c, m)| Some((c.as_slice(), m.as_slice())))
            .collect();
        pair_document(&blocks)
            .iter()
            .map(|s| {
                let mut text = String::new();
                for (b, block) in chars
                    .iter()
                    .enumerate()
                    .take(s.end_block + 1)
                    .skip(s.open.block)
                {
                    if let Some((a, z)) = block_range(s, b, block.len()) {
                        if !text.is_empty() {
                            text.push('|');
                        }
                        text.extend(&block[a..z]);
                    }
                }
                (s.depth as usize, text)
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_doubled_apostrophes() {
        let got = spans_of(&["“One,” she said. \"Two.\" And ''three,'' he said, ``four.''"]);
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, vec!["One,", "Two.", "three,", "four."]);
    }

    #[test]
    fn wrong_glyph_direction_comes_from_context() {
        let got = spans_of(&["He said ”we will win” and left."]);
        assert_eq!(got, vec![(0, "we will win".to_string())]);
    }

    #[test]
    fn stray_closing_mark_does_not_cut_the_quote() {
        let got = spans_of(&["“We are done.” to go home now,” Ortiz said."]);
        assert_eq!(got, vec![(0, "We are done.” to go home now,".to_string())]);
    }

    #[test]
    fn quote_continues_into_a_paragraph_that_opens_with_a_mark() {
        let got = spans_of(&["“First part.", "“Second part,” she said.", "Later text."]);
        assert_eq!(got, vec![(0, "First part.|Second part,".to_string())]);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let got = spans_of(&["He said “this never closes.", "Next paragraph “closed.”"]);
        assert_eq!(
            got,
            vec![
                (0, "this never closes.".to_string()),
                (0, "closed.".to_string())
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes_but_single_quotes_are() {
        let got =
            spans_of(&["Don't touch Clinton’s '90s plan, the Joneses’ dog said ‘go home’ today."]);
        assert_eq!(got, vec![(0, "go home".to_string())]);
    }

    #[test]
    fn nested_single_quote_inside_double() {
        let got = spans_of(&["“They call it ‘a plan,’ as he said,” she said."]);
        assert_eq!(
            got,
            vec![
                (0, "They call it ‘a plan,’ as he said,".to_string()),
                (1, "a plan,".to_string())
            ]
        );
    }

    #[test]
    fn guillemets_pair() {
        let got = spans_of(&["Il a dit « nous partons » hier."]);
        assert_eq!(got, vec![(0, " nous partons ".to_string())]);
    }
}
