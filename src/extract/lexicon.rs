//! Word lists as data, not code: each list is a text file in `src/extract/lexicon/`,
//! one entry per line, `#` starting a comment, embedded at compile time with
//! `include_str!` by the extractor that uses it.

/// The entries of a lexicon file: trimmed, without blank lines and `#` comments.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

const MONTHS: &str = include_str!("lexicon/months.txt");

/// Weekday names and their abbreviations, lower case.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// Whether a word (any case, a trailing period allowed) is a weekday name or abbreviation.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether a word (any case, a trailing period allowed) names a month or a weekday:
/// capitalised in text, and never a person.
pub fn is_calendar_word(word: &str) -> bool {
    static MONTH_WORDS: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    let months = MONTH_WORDS.get_or_init(|| {
        entries(MONTHS)
            .flat_map(|line| line.split_whitespace().skip(1))
            .map(str::to_lowercase)
            // "May" is also a surname (Theresa May): it alone does not rule a name out
            .filter(|m| m != "may")
            .collect()
    });
    let w = word.trim_end_matches('.').to_lowercase();
    months.contains(&w) || WEEKDAYS.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blanks() {
        let got: Vec<_> = super::entries("# head\nsaid\n\n  told # past\n").collect();
        assert_eq!(got, vec!["said", "told"]);
    }

    #[test]
    fn calendar_words() {
        for w in ["March", "sept.", "Tues", "december", "Sun"] {
            assert!(super::is_calendar_word(w), "{w}");
        }
        assert!(!super::is_calendar_word("Marsh"));
        assert!(!super::is_calendar_word("May"));
        assert!(super::is_weekday("Wed."));
        assert!(!super::is_weekday("May"));
    }
}
