//! The word lists quotes and speakers need, loaded once from `src/extract/lexicon/`.
//!
//! Keeping them as data means a new speech verb, title or language is a one-line change
//! to a text file, reviewed as such, with no rule touched.

use crate::extract::lexicon::entries;
use crate::extract::lexicon::{WordMap, WordSet};
use std::sync::OnceLock;

/// The gender a title, first name or pronoun agrees with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A pronoun's agreement: gender, and whether it is relative ("who").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounInfo {
    pub gender: Option<Gender>,
    pub relative: bool,
}

/// A title word: its gender, and whether it is only an honorific (Mr., Dr.), not a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitleInfo {
    pub gender: Option<Gender>,
    pub honorific: bool,
}

/// All the lists, as sets of lower-case words.
pub struct Words {
    pub verbs: WordSet,
    /// Verbs that invert after a quote: "…," said Ortiz.
    pub inverting: WordSet,
    pub cue_nouns: WordSet,
    pub titles: WordMap<&'static str, TitleInfo>,
    pub roles: WordSet,
    /// Groups of role phrases naming one office ("secretary of state", "top diplomat").
    pub role_groups: Vec<Vec<&'static str>>,
    pub pronouns: WordMap<&'static str, PronounInfo>,
    pub not_people: WordSet,
    pub vessels: WordSet,
    pub function: WordSet,
    pub fillers: WordSet,
    pub first_names: WordMap<&'static str, Option<Gender>>,
    /// Every listed word with the [`lex`] bits of the lists it is on.
    lex: WordMap<&'static str, u16>,
}

/// Bits naming the lists a word is on: a token looks its word up once
/// ([`super::tokens::Token::lex`]) and every rule then tests a bit, however often it asks.
pub mod lex {
    pub const TITLE: u16 = 1;
    pub const ROLE: u16 = 1 << 1;
    pub const PRONOUN: u16 = 1 << 2;
    pub const FUNCTION: u16 = 1 << 3;
    pub const FILLER: u16 = 1 << 4;
    pub const VERB: u16 = 1 << 5;
    pub const NOT_PEOPLE: u16 = 1 << 6;
    pub const DETERMINER: u16 = 1 << 7;
    pub const PARTICLE: u16 = 1 << 8;
    pub const CLAUSE: u16 = 1 << 9;
}

/// The [`lex`] bits of a lower-case word.
pub fn lex_of(key: &str) -> u16 {
    words().lex.get(key).copied().unwrap_or(0)
}

/// The lists as one map from word to [`lex`] bits.
fn lex_map(w: &Words) -> WordMap<&'static str, u16> {
    use super::phrases::{CLAUSE_WORDS, DETERMINERS, PARTICLES};
    let mut map: WordMap<&'static str, u16> = WordMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u16| {
        for word in words {
            *map.entry(word).or_default() |= bit;
        }
    };
    add(&mut w.titles.keys().copied(), lex::TITLE);
    add(&mut w.roles.iter().copied(), lex::ROLE);
    add(&mut w.pronouns.keys().copied(), lex::PRONOUN);
    add(&mut w.function.iter().copied(), lex::FUNCTION);
    add(&mut w.fillers.iter().copied(), lex::FILLER);
    add(&mut w.verbs.iter().copied(), lex::VERB);
    add(&mut w.not_people.iter().copied(), lex::NOT_PEOPLE);
    add(&mut DETERMINERS.iter().copied(), lex::DETERMINER);
    add(&mut PARTICLES.iter().copied(), lex::PARTICLE);
    add(&mut CLAUSE_WORDS.iter().copied(), lex::CLAUSE);
    map
}

fn gender_of(tag: &str) -> Option<Gender> {
    match tag {
        "m" => Some(Gender::Male),
        "f" => Some(Gender::Female),
        _ => None,
    }
}

fn set(data: &'static str) -> WordSet {
    entries(data).collect()
}

fn load() -> Words {
    let mut titles = WordMap::default();
    for e in entries(include_str!("../lexicon/titles.txt")) {
        let mut parts = e.split_whitespace();
        let word = parts.next().unwrap_or_default();
        let mut info = TitleInfo {
            gender: None,
            honorific: false,
        };
        for tag in parts {
            info.gender = info.gender.or(gender_of(tag));
            info.honorific |= tag == "honorific";
        }
        titles.insert(word, info);
    }
    let mut roles = WordSet::default();
    let mut role_groups = Vec::new();
    for e in entries(include_str!("../lexicon/roles.txt")) {
        if e.contains('|') {
            role_groups.push(e.split('|').map(str::trim).collect());
        } else {
            roles.insert(e);
        }
    }
    let mut pronouns = WordMap::default();
    for e in entries(include_str!("../lexicon/pronouns.txt")) {
        let mut parts = e.split_whitespace();
        let word = parts.next().unwrap_or_default();
        let mut info = PronounInfo {
            gender: None,
            relative: false,
        };
        for tag in parts {
            info.gender = info.gender.or(gender_of(tag));
            info.relative |= tag == "rel";
        }
        pronouns.insert(word, info);
    }
    let mut first_names = WordMap::default();
    for (data, g) in [
        (
            include_str!("../lexicon/first_names_male.txt"),
            Some(Gender::Male),
        ),
        (
            include_str!("../lexicon/first_names_female.txt"),
            Some(Gender::Female),
        ),
        (include_str!("../lexicon/first_names_neutral.txt"), None),
    ] {
        for e in entries(data) {
            first_names.insert(e, g);
        }
    }
    let mut verbs = WordSet::default();
    let mut inverting = WordSet::default();
    for e in entries(include_str!("../lexicon/speech_verbs.txt")) {
        let mut parts = e.split_whitespace();
        let word = parts.next().unwrap_or_default();
        verbs.insert(word);
        if parts.any(|t| t == "inv") {
            inverting.insert(word);
        }
    }
    let mut all = Words {
        verbs,
        inverting,
        cue_nouns: set(include_str!("../lexicon/cue_nouns.txt")),
        titles,
        roles,
        role_groups,
        pronouns,
        not_people: set(include_str!("../lexicon/not_people.txt")),
        vessels: set(include_str!("../lexicon/vessels.txt")),
        function: set(include_str!("../lexicon/function_words.txt")),
        fillers: set(include_str!("../lexicon/fillers.txt")),
        first_names,
        lex: WordMap::default(),
    };
    all.lex = lex_map(&all);
    all
}

/// The lists, loaded on first use.
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(load)
}

/// A pronoun listed with a gender: he, him, she, her, él, ella, il, elle. (Written out,
/// byte by byte, so that a block is checked without a lookup or a string comparison per
/// word; a test holds it to `pronouns.txt`.)
#[inline]
pub fn is_gendered_pronoun(key: &str) -> bool {
    matches!(
        key.as_bytes(),
        [b'h', b'e']
            | [b'h', b'i', b'm']
            | [b's', b'h', b'e']
            | [b'h', b'e', b'r']
            | [0xC3, 0xA9, b'l']
            | [b'e', b'l', b'l', b'a']
            | [b'i', b'l']
            | [b'e', b'l', b'l', b'e']
    )
}

/// Abbreviations whose final dot does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "adm",
    "maj", "brig", "cmdr", "st", "jr", "sr", "rev", "inc", "co", "corp", "ltd", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "pres", "atty", "supt", "messrs", "mme", "mlle", "sra", "sr", "gral",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gendered_pronouns_are_the_listed_ones() {
        for (word, info) in &words().pronouns {
            assert_eq!(is_gendered_pronoun(word), info.gender.is_some(), "{word}");
        }
        for word in ["he", "him", "she", "her", "él", "ella", "il", "elle"] {
            assert!(words().pronouns.contains_key(word), "{word}");
            assert!(is_gendered_pronoun(word), "{word}");
        }
        for word in ["", "h", "hi", "he's", "them", "el", "él's", "hers", "i"] {
            assert!(!is_gendered_pronoun(word), "{word}");
        }
    }
}
