//! Capturing searches that ask the cheap question first.
//!
//! With the regex crate, a capturing search (`captures`, `captures_iter`) of a text the
//! pattern does not match can cost tens of thousands of instructions with the larger
//! patterns of the extractors (the capturing engines walk the text), where `is_match`
//! answers from the lazy DFA for a small part of that. Most paragraphs match none of
//! those patterns, so their capturing searches go through here: a text that does not
//! match has no captures either way, so the answers are the same, only cheaper.

use regex::{CaptureMatches, Captures, Regex};

/// `re.captures(haystack)`, run only when `re` matches.
pub fn captures<'h>(re: &Regex, haystack: &'h str) -> Option<Captures<'h>> {
    if re.is_match(haystack) {
        re.captures(haystack)
    } else {
        None
    }
}

/// `re.captures_iter(haystack)`, run only when `re` matches.
pub fn captures_iter<'r, 'h>(
    re: &'r Regex,
    haystack: &'h str,
) -> std::iter::Flatten<std::option::IntoIter<CaptureMatches<'r, 'h>>> {
    re.is_match(haystack)
        .then(|| re.captures_iter(haystack))
        .into_iter()
        .flatten()
}
