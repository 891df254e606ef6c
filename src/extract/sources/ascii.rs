//! ASCII forms of the Unicode patterns, for text that is all ASCII.
//!
//! Most news text is ASCII, and on ASCII text a Unicode class matches exactly its ASCII
//! part. A pattern written with those parts compiles many times faster and to a smaller
//! automaton, which the capturing engines walk faster; so the dateline and sign-off
//! patterns exist in both forms, each compiled when a text first needs it. What the
//! forms share lives here.

use std::sync::OnceLock;

/// White_Space in ASCII (`\s` restricted to ASCII), as a class and as the members of a
/// bracketed class.
pub const SPACE: &str = r"[\t\n\x0B\x0C\r ]";
pub const SPACE_IN_BRACKETS: &str = r"\t\n\x0B\x0C\r ";

/// A value built in two forms, one for text that is all ASCII and one for any text,
/// each when first asked for: a corpus in ASCII never builds the Unicode form.
pub struct ByScript<T> {
    ascii: OnceLock<T>,
    unicode: OnceLock<T>,
}

impl<T> Default for ByScript<T> {
    fn default() -> Self {
        ByScript::new()
    }
}

impl<T> ByScript<T> {
    pub const fn new() -> Self {
        ByScript {
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The form for `text`, built by `build(ascii)` the first time that form is needed.
    pub fn get(&self, text: &str, build: impl FnOnce(bool) -> T) -> &T {
        let ascii = text.is_ascii();
        let cell = if ascii { &self.ascii } else { &self.unicode };
        cell.get_or_init(|| build(ascii))
    }
}

/// The spans of every group of `re`'s first match in `text`, to compare the two forms
/// of a pattern in tests.
#[cfg(test)]
pub fn capture_spans(re: &regex::Regex, text: &str) -> Option<Vec<Option<(usize, usize)>>> {
    re.captures(text)
        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
}
