//! Words and punctuation of one block, with character offsets.
//!
//! Attribution reads the few words around each quote, so a block is tokenised once and
//! every rule works on token ranges. Abbreviations keep their dot ("Mr.", "Sen.", "U.S.",
//! initials like "E.") so that a remaining "." token really ends a sentence.

use super::words::{lex_of, ABBREVIATIONS};
use std::borrow::Cow;
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct(char),
    /// A quote mark (or a stray apostrophe at a word boundary).
    Mark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lower case, without a trailing dot or possessive 's: what lexicons are matched on.
    /// (Borrowed from the block's text when the word is written that way, as most words
    /// are: only capitalised and non-ASCII words pay for a copy.)
    key: Cow<'a, str>,
    /// The word starts with an upper-case letter.
    pub cap: bool,
    /// The word ends in a possessive 's or s'.
    pub possessive: bool,
    /// The lists `key` is on ([`super::words::lex`] bits), looked up on first use.
    lex: Cell<u16>,
}

/// Set in [`Token::lex`] once the key was looked up.
const LOOKED_UP: u16 = 1 << 15;

impl Token<'_> {
    /// Lower case, without a trailing dot or possessive 's: what lexicons are matched on.
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The [`super::words::lex`] bits of the key: one lookup per token, whatever the rules
    /// ask of it (none for punctuation, whose key is empty and on no list).
    pub fn lex(&self) -> u16 {
        let bits = self.lex.get();
        if bits & LOOKED_UP != 0 {
            return bits;
        }
        let bits = if self.key.is_empty() {
            0
        } else {
            lex_of(&self.key)
        };
        self.lex.set(bits | LOOKED_UP);
        bits
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    /// A "." "!" "?" or ";" that ends a sentence.
    pub fn ends_sentence(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?' | ';' | '…' | '\n'))
    }
    /// All letters upper case, two or more: NATO, CNN, U.S.
    pub fn acronym(&self, chars: &[char]) -> bool {
        // (one pass, left at the first lower-case letter: most words have one second)
        let mut letters = 0;
        for c in chars.get(self.start..self.end).unwrap_or_default() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‘'
            | '’'
            | '\''
            | '`'
            | '‛'
            | '‚'
    )
}

fn joins_word(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&')
}

/// Tokens of a block: `text` and its characters `chars` (as `text.chars()` gives them).
pub fn tokenize<'a>(text: &'a str, chars: &[char]) -> Vec<Token<'a>> {
    // (about one token for every four characters of prose: few reallocations)
    let mut out = Vec::with_capacity(chars.len() / 4 + 1);
    let mut i = 0;
    // the byte offset of character `i` in `text`
    let mut at = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            // a line break inside a block ends a sentence (lists, transcripts, sign-offs)
            if c == '\n'
                && out
                    .last()
                    .is_some_and(|t: &Token| t.kind != Kind::Punct('\n'))
            {
                out.push(Token {
                    start: i,
                    end: i + 1,
                    kind: Kind::Punct('\n'),
                    key: Cow::Borrowed(""),
                    cap: false,
                    possessive: false,
                    lex: Cell::new(0),
                });
            }
            at += c.len_utf8();
            i += 1;
            continue;
        }
        if is_alphanumeric(c) {
            let start = i;
            // whether every character of the word is ASCII and none upper case, for the
            // quick key, and whether a dash joins it ("al-Assad")
            let mut ascii = c.is_ascii();
            let mut upper = c.is_ascii_uppercase();
            let mut dashed = false;
            i += 1;
            loop {
                // (most letters are ASCII lower case: a run of them is passed over in one
                // search)
                i += chars[i..]
                    .iter()
                    .position(|d| !(d.is_ascii_lowercase() || d.is_ascii_digit()))
                    .unwrap_or(chars.len() - i);
                let Some(&d) = chars.get(i) else {
                    break;
                };
                if d.is_ascii_uppercase() {
                    upper = true;
                    i += 1;
                    continue;
                }
                let next_alnum = || chars.get(i + 1).is_some_and(|&n| is_alphanumeric(n));
                if (!d.is_ascii() && d.is_alphanumeric()) || (joins_word(d) && next_alnum()) {
                    ascii &= d.is_ascii();
                    dashed |= d == '-';
                    i += 1;
                } else {
                    break;
                }
            }
            let body = &chars[start..i];
            // (tested only when a dot follows: most words are not followed by one)
            let keeps_dot = || {
                let dotted = body.contains(&'.');
                let single_initial = body.len() == 1 && c.is_uppercase();
                let abbrev = c.is_uppercase()
                    && body.len() <= 7
                    && ABBREVIATIONS.iter().any(|a| {
                        a.len() == body.len()
                            && a.chars()
                                .zip(body)
                                .all(|(x, y)| y.to_lowercase().eq(std::iter::once(x)))
                    });
                // "(D-Wis.)" and "R-Ky., said": a dot before ")" or "," ends no sentence
                let before_paren = matches!(chars.get(i + 1), Some(')' | ','));
                dotted || single_initial || abbrev || before_paren
            };
            if chars.get(i) == Some(&'.') && keeps_dot() {
                i += 1;
            }
            // plural possessive: "Sanders’ campaign manager"
            let possessive_s = chars[i - 1] == 's'
                && matches!(chars.get(i), Some('\'' | '’'))
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
            if possessive_s {
                ascii &= chars[i].is_ascii();
                i += 1;
            }
            let body = &chars[start..i];
            if ascii {
                let written = text.get(at..).unwrap_or_default();
                out.push(ascii_word(written, body, start, upper, dashed));
                at += body.len();
            } else {
                out.push(word(chars, start, i));
                at += body.iter().map(|c| c.len_utf8()).sum::<usize>();
            }
            continue;
        }
        let kind = if is_quote_char(c) {
            Kind::Mark
        } else {
            Kind::Punct(c)
        };
        out.push(Token {
            start: i,
            end: i + 1,
            kind,
            key: Cow::Borrowed(""),
            cap: false,
            possessive: false,
            lex: Cell::new(0),
        });
        at += c.len_utf8();
        i += 1;
    }
    out
}

/// [`char::is_alphanumeric`], with the ASCII answer first.
fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// "al-Assad", "el-Sisi": a name, though it opens in lower case.
fn joined_article_name(body: &[char]) -> bool {
    let Some(dash) = body.iter().take(4).position(|&c| c == '-') else {
        return false;
    };
    dash > 0 && {
        let word: String = body.iter().collect();
        crate::extract::lexicon::is_joined_article_name(&word)
    }
}

fn word(chars: &[char], start: usize, end: usize) -> Token<'static> {
    let body = &chars[start..end];
    let mut key = String::with_capacity(body.len());
    for &c in body {
        if c.is_ascii() {
            // most letters: ASCII lowercases char by char
            key.push(c.to_ascii_lowercase());
        } else if c == '’' {
            key.push('\'');
        } else {
            key.extend(c.to_lowercase());
        }
    }
    let mut possessive = false;
    if key.len() > 2 && key.ends_with("'s") {
        key.truncate(key.len() - 2);
        possessive = true;
    } else if key.len() > 2 && key.ends_with("s'") {
        key.pop();
        possessive = true;
    }
    while key.ends_with('.') {
        key.pop();
    }
    Token {
        start,
        end,
        kind: Kind::Word,
        cap: chars[start].is_uppercase() || joined_article_name(body),
        key: Cow::Owned(key),
        possessive,
        lex: Cell::new(0),
    }
}

/// [`word`] for a word of ASCII characters only, `body` at character `start`, written at
/// the start of `text`: its key is its letters in lower case, less a possessive 's or s'
/// and trailing dots, measured before anything is copied, and borrowed from `text` when
/// no letter is upper case (`upper` tells whether one is). Without a dash (`dashed`) it
/// is no "al-Assad".
fn ascii_word<'a>(
    text: &'a str,
    body: &[char],
    start: usize,
    upper: bool,
    dashed: bool,
) -> Token<'a> {
    let lower = |k: usize| body[k].to_ascii_lowercase();
    let mut len = body.len();
    let mut possessive = false;
    if len > 2 && lower(len - 2) == '\'' && lower(len - 1) == 's' {
        len -= 2;
        possessive = true;
    } else if len > 2 && lower(len - 2) == 's' && lower(len - 1) == '\'' {
        len -= 1;
        possessive = true;
    }
    while len > 0 && body[len - 1] == '.' {
        len -= 1;
    }
    let kept = &body[..len];
    // (ASCII characters are one byte each: the key's bytes lead `text`)
    let written = text.get(..len);
    debug_assert!(written.is_some_and(|w| w.chars().eq(kept.iter().copied())));
    debug_assert_eq!(upper, body.iter().any(char::is_ascii_uppercase));
    let key = match written.filter(|_| !upper) {
        Some(w) => Cow::Borrowed(w),
        None => Cow::Owned(kept.iter().map(char::to_ascii_lowercase).collect()),
    };
    Token {
        start,
        end: start + body.len(),
        kind: Kind::Word,
        cap: body[0].is_ascii_uppercase() || (dashed && joined_article_name(body)),
        key,
        possessive,
        lex: Cell::new(0),
    }
}

/// Index of the first token starting at or after character `pos`.
pub fn index_at(tokens: &[Token<'_>], pos: usize) -> usize {
    tokens.partition_point(|t| t.start < pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(s, &chars)
            .iter()
            .map(|t| match t.kind {
                Kind::Word => t.key().to_string(),
                Kind::Punct(c) => c.to_string(),
                Kind::Mark => "Q".into(),
            })
            .collect()
    }

    /// The key as first defined: every character lowercased, ’ as '.
    fn key_oracle(chars: &[char], t: &Token) -> String {
        let mut key = String::new();
        for &c in &chars[t.start..t.end] {
            if c == '’' {
                key.push('\'');
            } else {
                key.extend(c.to_lowercase());
            }
        }
        if key.len() > 2 && key.ends_with("'s") {
            key.truncate(key.len() - 2);
        } else if key.len() > 2 && key.ends_with("s'") {
            key.pop();
        }
        while key.ends_with('.') {
            key.pop();
        }
        key
    }

    /// The tokenizer as first written, char by char: what [`tokenize`] must equal.
    fn tokenize_reference(chars: &[char]) -> Vec<Token<'static>> {
        // (about one token for every four characters of prose: few reallocations)
        let mut out = Vec::with_capacity(chars.len() / 4 + 1);
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_whitespace() {
                // a line break inside a block ends a sentence (lists, transcripts, sign-offs)
                if c == '\n'
                    && out
                        .last()
                        .is_some_and(|t: &Token| t.kind != Kind::Punct('\n'))
                {
                    out.push(Token {
                        start: i,
                        end: i + 1,
                        kind: Kind::Punct('\n'),
                        key: Cow::Borrowed(""),
                        cap: false,
                        possessive: false,
                        lex: Cell::new(0),
                    });
                }
                i += 1;
                continue;
            }
            if c.is_alphanumeric() {
                let start = i;
                i += 1;
                while i < chars.len() {
                    let d = chars[i];
                    let next_alnum = || chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                    if d.is_alphanumeric() || (joins_word(d) && next_alnum()) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                let body = &chars[start..i];
                // (tested only when a dot follows: most words are not followed by one)
                let keeps_dot = || {
                    let dotted = body.contains(&'.');
                    let single_initial = body.len() == 1 && c.is_uppercase();
                    let abbrev = c.is_uppercase()
                        && body.len() <= 7
                        && ABBREVIATIONS.iter().any(|a| {
                            a.len() == body.len()
                                && a.chars()
                                    .zip(body)
                                    .all(|(x, y)| y.to_lowercase().eq(std::iter::once(x)))
                        });
                    // "(D-Wis.)" and "R-Ky., said": a dot before ")" or "," ends no sentence
                    let before_paren = matches!(chars.get(i + 1), Some(')' | ','));
                    dotted || single_initial || abbrev || before_paren
                };
                if chars.get(i) == Some(&'.') && keeps_dot() {
                    i += 1;
                }
                // plural possessive: "Sanders’ campaign manager"
                let possessive_s = chars[i - 1] == 's'
                    && matches!(chars.get(i), Some('\'' | '’'))
                    && chars.get(i + 1) == Some(&' ')
                    && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
                if possessive_s {
                    i += 1;
                }
                out.push(word(chars, start, i));
                continue;
            }
            let kind = if is_quote_char(c) {
                Kind::Mark
            } else {
                Kind::Punct(c)
            };
            out.push(Token {
                start: i,
                end: i + 1,
                kind,
                key: Cow::Borrowed(""),
                cap: false,
                possessive: false,
                lex: Cell::new(0),
            });
            i += 1;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_the_first_tokenizer(
            s in "(?s).{0,60}|[a-zA-Z’'.\\- ]{0,40}|[A-Za-z İÉé’'s.,()\\-]{0,40}|(Mr|Sen|U|S|Jr|al|al-Assad|el-Sisi|Ana|Ruiz’|James'|s|x|D-Wis|\\.|,|\\)|\\(| |\n|’|')*"
        ) {
            let chars: Vec<char> = s.chars().collect();
            proptest::prop_assert_eq!(tokenize(&s, &chars), tokenize_reference(&chars));
        }

        #[test]
        fn keys_agree_with_the_definition(s in "(?s).{0,40}|[a-zA-Z’'. ]{0,40}|[A-Za-z İÉé’s.]{0,30}") {
            let chars: Vec<char> = s.chars().collect();
            for t in tokenize(&s, &chars).iter().filter(|t| t.is_word()) {
                let want = key_oracle(&chars, t);
                proptest::prop_assert_eq!(t.key(), want.as_str());
            }
        }

        #[test]
        fn acronyms_agree_with_the_definition(s in "(?s).{0,20}|[A-Za-z.]{0,8}|[A-ZÉé. ]{0,8}") {
            let chars: Vec<char> = s.chars().collect();
            for t in tokenize(&s, &chars) {
                let letters: Vec<char> = chars[t.start..t.end]
                    .iter()
                    .copied()
                    .filter(|c| c.is_alphabetic())
                    .collect();
                let want = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
                proptest::prop_assert_eq!(t.acronym(&chars), want);
            }
        }
    }

    #[test]
    fn abbreviations_and_initials_keep_their_dot() {
        assert_eq!(
            keys("Sen. Charles E. Grassley of the U.S. said."),
            vec!["sen", "charles", "e", "grassley", "of", "the", "u.s", "said", "."]
        );
    }

    #[test]
    fn apostrophes_inside_words_and_possessives() {
        assert_eq!(
            keys("Russia’s don't “x”"),
            vec!["russia", "don't", "Q", "x", "Q"]
        );
    }
}
