//! People a caption names. Captions are dense with capitalised runs that are not
//! people (ships, training grounds, seas, ministries), so a name counts only with
//! evidence: a title before it ("Foreign Minister Ana Ruiz"), a caption verb after it
//! ("Ana Ruiz speaks"), or a position mark ("Ana Ruiz (L)", "Ana Ruiz, left,"). A run
//! right after a vessel word ("the cruiser Admiral Kuz") is a ship, whatever follows.

use crate::extract::lexicon::{entries, WordSet};
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

fn name_run() -> &'static str {
    r"((?:[\p{Lu}][\p{L}\p{M}'’.-]*\s+(?:(?:de|da|van|von|der|al|bin|la|le)\s+)?){1,3}[\p{Lu}][\p{L}\p{M}'’-]+)"
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let alt = |data: &'static str| {
            let mut v: Vec<String> = entries(data).map(regex::escape).collect();
            v.sort_by_key(|s| std::cmp::Reverse(s.len()));
            v.join("|")
        };
        let run = name_run();
        let mk = |s: String| Regex::new(&s).expect("pictured regex");
        Patterns {
            titled: mk(format!(r"(?:^|[\s(])(?:{})\s+{run}", alt(TITLES))),
            verbed: mk(format!(r"{run}(?:,[^,]{{1,60}},)?\s+(?:{})(?-u:\b)", alt(VERBS))),
            placed: mk(format!(
                r"{run}(?:\s*\((?:L|R|C|left|right|centre|center|front|back)\)|,\s*(?:left|right|centre|center|second from (?:left|right)),)"
            )),
        }
    })
}

/// Names of people the caption shows, as written (possessive dropped).
pub fn pictured(text: &str) -> Vec<String> {
    if text.len() > 4000 {
        return Vec::new();
    }
    let p = patterns();
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

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let _ = pictured(&s);
        }
    }
}
