//! People a caption names. Captions are dense with capitalised runs that are not
//! people (ships, training grounds, seas, ministries), so a name counts only with
//! evidence: a title before it ("Foreign Minister Ana Ruiz"), a caption verb after it
//! ("Ana Ruiz speaks"), or a position mark ("Ana Ruiz (L)", "Ana Ruiz, left,"). A run
//! right after a vessel word ("the cruiser Admiral Kuz") is a ship, whatever follows.

use crate::extract::lexicon::{entries, WordSet};
use crate::extract::sources::ascii::{self, ByScript};
use crate::extract::sources::{gated, names};
use regex::Regex;
use std::sync::OnceLock;

const TITLES: &str = include_str!("../lexicon/caption_titles.txt");
const VERBS: &str = include_str!("../lexicon/caption_verbs.txt");

/// Words that make the next capitalised run a vessel's name.
const VESSELS: &[&str] = &[
    "ship",
    "cruiser",
    "frigate",
    "destroyer",
    "carrier",
    "vessel",
    "submarine",
    "tanker",
    "boat",
    "yacht",
    "corvette",
    "warship",
    "icebreaker",
    "freighter",
    "ferry",
    "liner",
    "USS",
    "HMS",
    "RFS",
    "INS",
    "MV",
    "SS",
];

struct Patterns {
    titled: Regex,
    verbed: Regex,
    placed: Regex,
}

/// A capitalised run of one to four words, in the form for all-ASCII text or any text.
fn name_run(ascii: bool) -> String {
    let (upper, letters, space) = classes(ascii);
    format!(
        r"((?:[{upper}][{letters}'’.-]*{space}+(?:(?:de|da|van|von|der|al|bin|la|le){space}+)?){{1,3}}[{upper}][{letters}'’-]+)"
    )
}

/// Capitals, letters and marks, and white space: Unicode's classes, or their ASCII
/// parts, which match the same in ASCII text and build far smaller automata.
fn classes(ascii: bool) -> (&'static str, &'static str, &'static str) {
    if ascii {
        ("A-Z", "A-Za-z", ascii::SPACE)
    } else {
        (r"\p{Lu}", r"\p{L}\p{M}", r"\s")
    }
}

/// The patterns for `text`: the ASCII form when it is all ASCII (most captions), which
/// finds the same runs (see [`ascii`]).
fn patterns(text: &str) -> &'static Patterns {
    static P: ByScript<Patterns> = ByScript::new();
    P.get(text, |ascii| {
        let alt = |data: &'static str| {
            let mut v: Vec<String> = entries(data).map(regex::escape).collect();
            v.sort_by_key(|s| std::cmp::Reverse(s.len()));
            v.join("|")
        };
        let run = name_run(ascii);
        let (_, _, space) = classes(ascii);
        let (space_in, not_comma) = if ascii {
            (ascii::SPACE_IN_BRACKETS, r"[\x00-\x2B\x2D-\x7F]")
        } else {
            (r"\s", "[^,]")
        };
        let mk = |s: String| Regex::new(&s).expect("pictured regex");
        Patterns {
            titled: mk(format!(
                r"(?:^|[{space_in}(])(?:{}){space}+{run}",
                alt(TITLES)
            )),
            verbed: mk(format!(
                r"{run}(?:,{not_comma}{{1,60}},)?{space}+(?:{})(?-u:\b)",
                alt(VERBS)
            )),
            placed: mk(format!(
                r"{run}(?:{space}*\((?:L|R|C|left|right|centre|center|front|back)\)|,{space}*(?:left|right|centre|center|second from (?:left|right)),)"
            )),
        }
    })
}

/// Names of people the caption shows, as written (possessive dropped).
pub fn pictured(text: &str) -> Vec<String> {
    if text.len() > 4000 {
        return Vec::new();
    }
    let p = patterns(text);
    let mut out: Vec<String> = Vec::new();
    for re in [&p.titled, &p.verbed, &p.placed] {
        for c in gated::captures_iter(re, text) {
            let Some(m) = c.get(1) else { continue };
            if after_vessel(&text[..m.start()]) {
                continue;
            }
            if let Some(name) = person_in_run(m.as_str()) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// The person name in a capitalised run: leading titles and "The" dropped, possessive
/// dropped, and only if what is left has a person's shape.
fn person_in_run(run: &str) -> Option<String> {
    let words: Vec<&str> = run.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| is_title(w) || **w == "The")
        .count();
    let name = words.get(skip..)?.join(" ");
    let name = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    names::looks_like_person(&name).then_some(name)
}

/// Whether a word is a caption title, any case (the list parsed once, not per run).
fn is_title(word: &str) -> bool {
    static TITLE_WORDS: OnceLock<WordSet<String>> = OnceLock::new();
    TITLE_WORDS
        .get_or_init(|| entries(TITLES).map(str::to_ascii_lowercase).collect())
        .contains(&*word.to_ascii_lowercase())
}

fn after_vessel(before: &str) -> bool {
    before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| VESSELS.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_with_evidence() {
        assert_eq!(
            pictured("Foreign Minister Ana Ruiz attends a meeting in Lima."),
            vec!["Ana Ruiz"]
        );
        assert_eq!(
            pictured("Tom Berg, the league's chief, speaks to reporters."),
            vec!["Tom Berg"]
        );
        assert_eq!(
            pictured("Ana Ruiz (L) and Tom Berg (R) shake hands."),
            vec!["Ana Ruiz", "Tom Berg"]
        );
    }

    #[test]
    fn things_are_not_people() {
        assert!(pictured(
            "The navy's cruiser Admiral Kuzmin takes part in drills in the Kara Sea."
        )
        .is_empty());
        assert!(
            pictured("Soldiers walk at the Volnovo training ground in Lima region.").is_empty()
        );
        assert!(pictured("The cruiser Admiral Kuzmin arrives in port.").is_empty());
    }

    /// Every capture of every match, as spans.
    fn all_captures(re: &Regex, text: &str) -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    /// Captions in ASCII made of names, titles, verbs and position marks.
    fn ascii_caption() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces: &[&str] = &[
            " ",
            " ",
            "  ",
            "\t",
            "\n",
            ",",
            ", ",
            ".",
            "(",
            ")",
            "'",
            "-",
            "Ana",
            "Ruiz",
            "O'Neil",
            "J.",
            "de",
            "van",
            "al",
            "The",
            "USS",
            "cruiser",
            "Foreign Minister",
            "President",
            "Prime Minister",
            "speaks",
            "attends",
            "spoke",
            "(L)",
            "(R)",
            "left",
            "right",
            "second from left",
            "centre",
            "a",
            "meeting",
            "in",
            "Lima",
            "X",
            "Zo",
            "and",
            "with",
            "his",
            "wife",
        ];
        proptest::collection::vec(proptest::sample::select(pieces), 0..24).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let _ = pictured(&s);
        }

        /// On ASCII text the ASCII patterns capture what the Unicode ones do.
        #[test]
        fn ascii_patterns_capture_the_same(s in ascii_caption()) {
            let a = patterns("a");
            let u = patterns("é");
            for (x, y) in [(&a.titled, &u.titled), (&a.verbed, &u.verbed), (&a.placed, &u.placed)] {
                proptest::prop_assert_eq!(all_captures(x, &s), all_captures(y, &s));
            }
        }
    }
}
