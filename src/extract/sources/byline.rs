//! Bylines to author names. Bylines as pages give them carry more than names: "By",
//! outlet and agency names ("By Greg McCune, Reuters"), job titles ("Staff Writer"),
//! times ("Updated 5:32 PM EDT"), emails and photo credits ("Getty Images"). Authors
//! become people with the evidence `author`, so every piece that is not a name is
//! dropped here; what is left must have the shape of a person's name.

use super::{agencies, names};
use crate::extract::people::person_key;
use regex::Regex;
use std::sync::OnceLock;

const JUNK: &str = include_str!("../lexicon/byline_junk.txt");

struct Junk {
    words: Vec<&'static str>,
    phrases: Vec<&'static str>,
}

fn junk() -> &'static Junk {
    static J: OnceLock<Junk> = OnceLock::new();
    J.get_or_init(|| {
        let mut words = Vec::new();
        let mut phrases = Vec::new();
        for e in super::super::lexicon::entries(JUNK) {
            match e.strip_prefix("word:") {
                Some(w) => words.push(w.trim()),
                None => phrases.push(e),
            }
        }
        Junk { words, phrases }
    })
}

struct Patterns {
    /// emails, links, handles
    address: Regex,
    /// "Updated 5:32 PM EDT ..." to the end of the piece
    stamp: Regex,
    /// "By", "Written by", "Reporting by" at the start of a piece, and "Par", "Por" as
    /// French, Spanish and Portuguese pages write it
    lead: Regex,
    /// separators between authors
    split: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        address: Regex::new(r"(?i)\S+@\S+|https?://\S+|www\.\S+|\S+\.(?:com|org|net|co\.uk)\b")
            .expect("address regex"),
        stamp: Regex::new(
            r"(?i)\b(?:last\s+)?(?:updated|published|posted|modified|\d{1,2}:\d{2})\b.*$",
        )
        .expect("stamp regex"),
        lead: Regex::new(
            r"(?i)^\s*(?:(?:written|reported|reporting|words|story|text|compiled|additional\s+reporting)\s+)?(?:by|from|par|por)\b[:\s]*",
        )
        .expect("lead regex"),
        split: Regex::new(r"(?i)\s*(?:[,;|•·/\n\r\t]|\band\b|&|\s-\s|\s—\s)\s*")
            .expect("split regex"),
    })
}

/// Author names from a byline, without outlet names and other junk.
pub fn clean_byline(byline: &[String], outlet: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for line in byline {
        for name in names_in(line, outlet) {
            let key = person_key(&name);
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
                out.push(name);
            }
        }
    }
    out
}

/// The names in one byline string.
fn names_in(line: &str, outlet: Option<&str>) -> Vec<String> {
    if line.len() > 1000 {
        return Vec::new();
    }
    let p = patterns();
    let clean: String = line
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let clean = p.address.replace_all(&clean, " ");
    p.split
        .split(&clean)
        .filter_map(|piece| {
            let piece = p.stamp.replace(piece, "");
            let piece = p.lead.replace(&piece, "");
            name_of(&piece, outlet)
        })
        .collect()
}

/// The person a byline piece names, if it names one.
fn name_of(piece: &str, outlet: Option<&str>) -> Option<String> {
    let name = names::capitalise_if_lower(&names::tidy_name(piece));
    // "Jane Doe Staff Writer", "Jane Doe Reuters": keep the words before the junk
    let words: Vec<&str> = name.split(' ').collect();
    let cut = (2..words.len())
        .find(|&i| is_junk(&words[i..].join(" ")) || is_junk_word(words[i]))
        .unwrap_or(words.len());
    let name = words[..cut].join(" ");
    if name.is_empty() || is_junk(&name) || is_outlet(&name, outlet) {
        return None;
    }
    names::looks_like_person(&name).then_some(name)
}

fn is_junk_word(word: &str) -> bool {
    let w = agencies::fold(word);
    junk().words.contains(&w.as_str())
}

/// Job titles, agency names, "Staff", "Getty Images".
fn is_junk(piece: &str) -> bool {
    let folded = agencies::fold(piece);
    folded.is_empty()
        || junk().phrases.contains(&folded.as_str())
        || folded.split(' ').any(|w| junk().words.contains(&w))
        || agencies::lookup(piece).is_some()
}

/// The outlet's own name ("The Daily Example", "dailyexample.com", "Daily Example").
fn is_outlet(piece: &str, outlet: Option<&str>) -> bool {
    let Some(outlet) = outlet else {
        return false;
    };
    let o = agencies::fold(outlet.split('.').next().unwrap_or(outlet));
    let full = agencies::fold(outlet);
    let p = agencies::fold(piece);
    let squashed = p.replace(' ', "");
    !p.is_empty() && (p == o || p == full || squashed == o.replace(' ', "") || full.contains(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(parts: &[&str], outlet: Option<&str>) -> Vec<String> {
        let v: Vec<String> = parts.iter().map(|s| s.to_string()).collect();
        clean_byline(&v, outlet)
    }

    #[test]
    fn names_without_junk() {
        assert_eq!(
            clean(&["By Greg Writer, Reuters"], None),
            vec!["Greg Writer"]
        );
        assert_eq!(
            clean(&["By Ana Ruiz and Tom Berg"], None),
            vec!["Ana Ruiz", "Tom Berg"]
        );
        assert_eq!(
            clean(&["Ana Ruiz, Tom Berg", "Ana Ruiz"], None),
            vec!["Ana Ruiz", "Tom Berg"]
        );
        assert_eq!(
            clean(&["BY LENA HOLM AND PIET DE VRIES, REUTERS"], None),
            vec!["Lena Holm", "Piet de Vries"]
        );
        assert_eq!(
            clean(
                &[
                    "By Ana Ruiz, Staff Writer",
                    "Updated 5:32 PM EDT, Wed January 26, 2022"
                ],
                None
            ),
            vec!["Ana Ruiz"]
        );
        assert_eq!(
            clean(
                &[
                    "Tom Berg tom.berg@example.com",
                    "Getty Images",
                    "Associated Press"
                ],
                None
            ),
            vec!["Tom Berg"]
        );
        assert_eq!(
            clean(
                &["The Daily Example", "Staff", "Reuters"],
                Some("The Daily Example")
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            clean(&["Ana Ruiz | Daily Example"], Some("dailyexample.com")),
            vec!["Ana Ruiz"]
        );
        assert_eq!(
            clean(&["By Ana Ruiz Associated Press Writer"], None),
            vec!["Ana Ruiz"]
        );
        assert_eq!(clean(&["By keith grant"], None), vec!["Keith Grant"]);
        assert_eq!(
            clean(&["By TED d'AFFLISIO, Reuters"], None),
            vec!["Ted D'Afflisio"]
        );
        assert_eq!(clean(&["By Eric Hall, Reuters"], None), vec!["Eric Hall"]);
        assert_eq!(clean(&["By Peter Read"], None), vec!["Peter Read"]);
        assert_eq!(clean(&["Par Lucie Garnier"], None), vec!["Lucie Garnier"]);
        assert_eq!(clean(&["Por Lucía Garza"], None), vec!["Lucía Garza"]);
        assert_eq!(
            clean(&["By ANA CHOU-RUIZ, Reuters"], None),
            vec!["Ana Chou-Ruiz"]
        );
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}", o in "\\PC{0,20}") {
            let _ = clean_byline(&[s], Some(&o));
        }
    }
}
