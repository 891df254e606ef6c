//! Word lists as data, not code: each list is a text file in `src/extract/lexicon/`,
//! one entry per line, `#` starting a comment, embedded at compile time with
//! `include_str!` by the extractor that uses it.

/// The entries of a lexicon file: trimmed, without blank lines and `#` comments.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blanks() {
        let got: Vec<_> = super::entries("# head\nsaid\n\n  told # past\n").collect();
        assert_eq!(got, vec!["said", "told"]);
    }
}
