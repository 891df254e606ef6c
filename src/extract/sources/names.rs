//! Is this run of words a person's name? Credits, bylines and embeds name people and
//! organisations in the same slot ("Alexei Ivanov/AP" and "Russian Defense
//! Ministry/Via Reuters"), and only people may become rows in `people`. Without a
//! list of every name on earth, the shape decides: two to five capitalised words, no
//! digits, no word that marks an organisation (`lexicon/org_words.txt`), no agency.
//! Names written in capitals ("ALEXANDER NEMENOV / AFP") are given their usual case.

use crate::extract::lexicon::{to_lower, with_lower, WordSet};
use std::sync::OnceLock;

const ORG_WORDS: &str = include_str!("../lexicon/org_words.txt");

/// Lower-case words that stay inside names ("Ursula von der Leyen", "Abu al-Haija").
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "du", "del", "della", "di", "der", "den", "van", "von", "la",
    "le", "al", "el", "bin", "ben", "ibn", "ter", "y", "e", "st.",
];

fn org_words() -> &'static WordSet {
    static W: OnceLock<WordSet> = OnceLock::new();
    W.get_or_init(|| super::super::lexicon::entries(ORG_WORDS).collect())
}

/// Function words that open sentences and so come capitalised: never part of a name.
const FUNCTION_WORDS: &[&str] = &[
    "with",
    "the",
    "in",
    "on",
    "at",
    "for",
    "and",
    "but",
    "from",
    "by",
    "this",
    "that",
    "these",
    "those",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "our",
    "his",
    "her",
    "their",
    "its",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "during",
    "since",
    "to",
    "of",
    "or",
    "not",
    "no",
    "yes",
    "all",
    "some",
    "more",
    "most",
    "here",
    "there",
    "what",
    "who",
    "how",
    "why",
    "where",
    "which",
    "mr",
    "mrs",
    "ms",
    "dr",
    "via",
    "photo",
    "said",
    "says",
    "new",
    "last",
    "next",
    "first",
    "then",
    "also",
    "only",
    "both",
    "each",
    "information",
    "reporting",
    "additional",
    "editing",
    "writing",
    "is",
    "was",
    "are",
    "see",
    "click",
    "follow",
    "watch",
];

/// The function words as a set: the other extractors ask this of nearly every word.
fn function_words() -> &'static WordSet {
    static W: OnceLock<WordSet> = OnceLock::new();
    W.get_or_init(|| FUNCTION_WORDS.iter().copied().collect())
}

/// Whether a word is a function word ("With", "The", "He"), compared without case.
pub fn is_function_word(word: &str) -> bool {
    with_lower(word.trim_end_matches('.'), |w| function_words().contains(w))
}

/// Whether a word names an organisation, a place kind or a calendar day.
pub fn is_org_word(word: &str) -> bool {
    let known = |w: &str| org_words().contains(w) || super::super::lexicon::is_calendar_word(w);
    // letters and digits only: the key is the word lower-cased, on the stack
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return with_lower(word, known);
    }
    known(&org_key(word))
}

/// Whether a word is one of [`PARTICLES`], without case. The same as looking its
/// `to_lowercase()` up, without allocating: every particle is ASCII with no "k", and
/// the only characters outside ASCII that lower-case to ASCII letters are the Kelvin
/// sign ("k") and the dotted capital I (to "i" with a combining dot that stays).
fn is_particle(word: &str) -> bool {
    PARTICLES.iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// A word's letters and digits, lower case: what [`is_org_word`] looks up.
fn org_key(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return to_lower(word);
    }
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// An initial: "J." or "J".
fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some(c), Some('.'), None) | (Some(c), None, None) if c.is_uppercase()
    )
}

/// A capitalised name word: "Ivanov", "O'Neill", "Jean-Pierre", "McCune", "ALEXEI".
fn is_name_word(word: &str) -> bool {
    let mut cs = word.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    (first.is_uppercase() || crate::extract::lexicon::is_joined_article_name(word))
        && word.chars().count() <= 30
        && !word.ends_with("'s")
        && !word.ends_with("’s")
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// Whether `s` has the shape of a person's name.
pub fn looks_like_person(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    // "LA NACION", "El Diario": another language's article opens a paper's name, not a
    // person's
    if crate::extract::lexicon::opens_other_noun_phrase(words[0]) {
        return false;
    }
    let mut capitalised = 0;
    // "MS Dhoni", "JD Vance": undotted initials opening a longer name
    let initials = crate::extract::lexicon::is_undotted_initials(words[0]);
    for (i, w) in words.iter().enumerate() {
        if is_particle(w) && !w.starts_with(char::is_uppercase) {
            continue;
        }
        if i == 0 && initials {
            continue;
        }
        if !(is_name_word(w) || is_initial(w)) || is_org_word(w) || is_function_word(w) {
            return false;
        }
        if !is_initial(w) {
            capitalised += 1;
        }
    }
    // "AP", "EPA EFE": acronyms are not names
    let all_short_caps = words
        .iter()
        .all(|w| w.chars().count() <= 4 && w.chars().all(|c| c.is_uppercase()));
    // "UC Global": an acronym beside ordinary words is an organisation
    // ("JD Vance": undotted initials opening a name are no acronym)
    let acronym = !is_shouted(s)
        && words.iter().enumerate().any(|(i, w)| {
            let n = w.chars().count();
            (2..=3).contains(&n)
                && w.chars().all(|c| c.is_uppercase())
                && !(i == 0 && crate::extract::lexicon::is_undotted_initials(w))
        });
    capitalised >= 1
        && !acronym
        && words.last().is_some_and(|w| !is_initial(w))
        && !all_short_caps
        && super::agencies::lookup(s).is_none()
}

/// Whether a person's name can end with `word` as written: a capitalised word or
/// initial, or a particle ("Ana de"), as [`looks_like_person`] requires of its last word.
pub fn may_end_name(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
        || is_particle(word)
}

/// Whether a name is written all in capitals ("TORONTO STATISTICS", "DAN REYES").
pub fn is_shouted(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 3 && letters.iter().all(|c| c.is_uppercase())
}

/// A name tidied for storage: spaces collapsed, edge punctuation gone, capitals
/// ("TED D'AFFLISIO") given their usual case ("Ted D'Afflisio").
pub fn tidy_name(s: &str) -> String {
    let joined = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
        .trim_end_matches('.')
        .to_string();
    let letters: Vec<char> = joined.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    // "TED D'AFFLISIO", "TED d'AFFLISIO", "keith grant": one case throughout
    let shouting = letters.len() > 3 && upper * 10 >= letters.len() * 8;
    if shouting {
        joined
            .split(' ')
            .map(title_word)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        joined
    }
}

/// A name written all in lower case ("keith grant", as some bylines are) capitalised.
pub fn capitalise_if_lower(s: &str) -> String {
    if s.chars().any(char::is_uppercase) {
        return s.to_string();
    }
    s.split(' ').map(title_word).collect::<Vec<_>>().join(" ")
}

/// "D'AFFLISIO" -> "D'Afflisio", "MCCUNE" -> "McCune", "JEAN-PIERRE" -> "Jean-Pierre".
fn title_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper_next = true;
    for c in word.chars() {
        if upper_next {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper_next = matches!(c, '-' | '\'' | '’' | '.');
        if out == "Mc" {
            upper_next = true;
        }
    }
    if PARTICLES.contains(&out.to_lowercase().as_str()) && word.len() <= 3 {
        return out.to_lowercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The fast key agrees with the definition: letters and digits, lower case.
        #[test]
        fn org_key_is_alphanumerics_lowered(w in "(?s).{0,12}|[a-zA-Z0-9]{0,12}|[A-Za-z.'-]{0,12}") {
            let slow: String = w
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            proptest::prop_assert_eq!(org_key(&w), slow);
        }
    }

    #[test]
    fn people_and_organisations() {
        for p in [
            "Alexei Ivanov",
            "J. Scott Applewhite",
            "Ursula von der Leyen",
            "Mark O'Neill",
            "ALEXANDER NEMENOV",
            "Jean-Pierre Dalbéra",
        ] {
            assert!(looks_like_person(p), "{p}");
        }
        for o in [
            "Russian Defense Ministry",
            "Getty Images",
            "AP",
            "Kremlin",
            "The New York Times",
            "EPA EFE",
            "Ukrainian Presidential Press Service",
            "Tuesday January",
            "a soldier",
            "Ivanov 2",
            "Smith J.",
            "LA GACETA",
            "El Heraldo",
            "Die Zeitung",
        ] {
            assert!(!looks_like_person(o), "{o}");
        }
        // articles that are surnames too open names: "Le Van Thanh", "Les Moonfield"
        for p in ["Le Van Thanh", "Les Moonfield", "Das Gupta"] {
            assert!(looks_like_person(p), "{p}");
        }
    }

    #[test]
    fn capitals_are_tidied() {
        assert_eq!(tidy_name("TED D'AFFLISIO"), "Ted D'Afflisio");
        assert_eq!(tidy_name("GREG MCCUNE"), "Greg McCune");
        assert_eq!(tidy_name("  Alexei   Ivanov, "), "Alexei Ivanov");
        assert_eq!(tidy_name("J.R. Smith"), "J.R. Smith");
        assert_eq!(tidy_name("ANNE DE LA ROCHE"), "Anne de la Roche");
    }
}
