//! Datelines: "SALVADOR, Feb 26 -", "GOLETA, Calif., March 3 -", "WASHINGTON (AP) —",
//! "Montreal, April 1 -" at the start of a story say where it was filed and when.
//! Wire datelines leave the year out; it comes from the publication date.
//!
//! A place in capitals needs no date; a place in ordinary case needs a date or a wire
//! name in parentheses, so that a sentence opening "Officials - ..." is no dateline.

use super::ascii::{self, ByScript};
use super::{agencies, gated};
use crate::extract::dates;
use crate::model::Dateline;
use regex::Regex;

/// Capitalised openings that are labels, not places.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "ANALYSIS",
    "FILE",
    "WATCH",
    "LIVE",
    "OPINION",
    "PHOTOS",
    "VIDEO",
    "NOTE",
    "EDITOR",
    "EDITORS",
    "CORRECTION",
    "FACTBOX",
    "REFILE",
    "WRAPUP",
    "TIMELINE",
    "INSIGHT",
    "COLUMN",
    "REVIEW",
    "PREVIEW",
    "RPT",
];

struct Patterns {
    /// place in capitals, optional region, optional date, optional (wire), dash
    caps: Regex,
    /// place in any case, optional region, a date, optional (wire), dash
    dated: Regex,
    /// place in any case then (wire) and a dash
    wired: Regex,
}

/// The longest place a dateline opens with, before its region (a first letter and 40
/// more, and for capitals a last one). Checked after matching: a bounded repetition of
/// Unicode classes makes an automaton too big to run fast.
const MAX_PLACE_CHARS: usize = 41;

/// The character classes the patterns are written with. Most text is ASCII, and on an
/// ASCII head the Unicode classes match exactly what their ASCII parts match; patterns
/// written with those parts compile to automata a fraction of the size, which the
/// capturing engines (they run on every dateline found) walk many times faster.
struct Classes {
    /// upper-case letters (`\p{Lu}`), letters (`\p{L}`), marks (`\p{M}`), inside brackets
    upper: &'static str,
    letter: &'static str,
    mark: &'static str,
    /// the typographic apostrophe, inside brackets (never in an ASCII head)
    apostrophe: &'static str,
    /// white space (`\s`) and digits (`\d`), inside brackets
    space: &'static str,
    digit: &'static str,
    /// the flags of the case-insensitive month names
    months_ci: &'static str,
}

const UNICODE: Classes = Classes {
    upper: r"\p{Lu}",
    letter: r"\p{L}",
    mark: r"\p{M}",
    apostrophe: "’",
    space: r"\s",
    digit: r"\d",
    months_ci: "i",
};

/// For heads that are all ASCII: White_Space and Unicode digits restricted to ASCII are
/// `[\t\n\x0B\x0C\r ]` and `[0-9]`; no mark and no `’` is ASCII; ASCII-only case
/// folding of the (ASCII) month names finds what Unicode folding finds in ASCII text.
const ASCII: Classes = Classes {
    upper: "A-Z",
    letter: "A-Za-z",
    mark: "",
    apostrophe: "",
    space: ascii::SPACE_IN_BRACKETS,
    digit: "0-9",
    months_ci: "i-u",
};

/// The pieces the patterns share; `place_rep` is how often a place character repeats.
fn sources(place_rep: &str, k: &Classes) -> [String; 3] {
    let m = dates::month_alternation();
    let Classes {
        upper: lu,
        letter: l,
        mark: mk,
        apostrophe: q,
        space: s,
        digit: d,
        months_ci: ci,
    } = k;
    let date = format!(
        r"(?{ci}:(?:{m})\.?[{s}]+[{d}]{{1,2}}(?:,[{s}]*[{d}]{{4}})?|[{d}]{{1,2}}[{s}]+(?:{m})\.?(?:[{s}]+[{d}]{{4}})?)"
    );
    let region = format!(r"(?:,[{s}]*[{lu}][{l}.]{{0,15}}(?:[{s}][{lu}][{l}.]{{0,15}})?)?");
    let dash = format!(r"[{s}]*\.?[{s}]*(?:-{{1,2}}|—|–)(?:[{s}]|$)");
    let wire = format!(r"(?:[{s}]*\(([^()]{{1,40}})\))?");
    [
        format!(
            r"^[{s}]*([{lu}][{lu}{mk}.'{q} /-]{place_rep}[{lu}.]{region})(?:,?[{s}]*({date}))?{wire}{dash}"
        ),
        format!(
            r"^[{s}]*([{lu}][{l}{mk}.'{q} /-]{place_rep}?{region}),?[{s}]*({date}){wire}{dash}"
        ),
        format!(r"^[{s}]*([{lu}][{l}{mk}.'{q} -]{place_rep}?)[{s}]*\(([^()]{{1,40}})\){dash}"),
    ]
}

fn compile(place_rep: &str, k: &Classes) -> Patterns {
    let [caps, dated, wired] =
        sources(place_rep, k).map(|s| Regex::new(&s).expect("dateline regex"));
    Patterns { caps, dated, wired }
}

/// The classes for ASCII text, or for any text.
fn classes(ascii: bool) -> &'static Classes {
    if ascii {
        &ASCII
    } else {
        &UNICODE
    }
}

/// The patterns for `head`: the ASCII ones when it is all ASCII.
fn patterns(head: &str) -> &'static Patterns {
    static P: ByScript<Patterns> = ByScript::new();
    P.get(head, |all_ascii| compile("*", classes(all_ascii)))
}

/// The capitals pattern with the place bounded, for the rare opening whose longest
/// capital run is too long to be a place but whose shorter one may be; the ASCII one
/// when `head` is all ASCII. The bounded repetition of Unicode classes made the Unicode
/// one cost more to compile (over 100 million instructions) than a few thousand
/// articles cost to search; each is compiled when first needed.
fn bounded_caps(head: &str) -> &'static Regex {
    static P: ByScript<Regex> = ByScript::new();
    P.get(head, |all_ascii| {
        let [caps, _, _] = sources("{0,40}", classes(all_ascii));
        Regex::new(&caps).expect("dateline regex")
    })
}

/// The matched place without its region ("GOLETA" of "GOLETA, Calif."), in characters.
fn place_chars(c: &regex::Captures) -> usize {
    c.get(1).map_or(usize::MAX, |m| {
        m.as_str().split(',').next().unwrap_or("").chars().count()
    })
}

/// The dateline at the start of `text`, with the year taken from `published` when the
/// dateline has none.
pub fn dateline_of(text: &str, published: Option<&str>) -> Option<Dateline> {
    let head = super::wire::head_chars(text, 160);
    if !head.contains(['-', '—', '–']) {
        return None;
    }
    // every pattern opens `^\s*[\p{Lu}]`: skip the regexes when the text cannot
    // (White_Space is what both `\s` and `trim_start` skip; every Lu is uppercase)
    if !head.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let p = patterns(head);
    // a capital place may end with one more capital than the others
    let fits = |c: &regex::Captures| place_chars(c) <= MAX_PLACE_CHARS;
    let caps = match gated::captures(&p.caps, head) {
        Some(c) if place_chars(&c) <= MAX_PLACE_CHARS + 1 => Some(c),
        Some(_) => gated::captures(bounded_caps(head), head),
        None => None,
    };
    let (place, date) = if let Some(c) = caps {
        (c.get(1)?.as_str(), c.get(2).map(|d| d.as_str()))
    } else if let Some(c) = gated::captures(&p.dated, head).filter(fits) {
        (c.get(1)?.as_str(), c.get(2).map(|d| d.as_str()))
    } else {
        let c = gated::captures(&p.wired, head).filter(fits)?;
        let wire = c.get(2)?.as_str();
        agencies::lookup(wire)?;
        (c.get(1)?.as_str(), None)
    };
    let place = place.trim().trim_end_matches(',').trim();
    let first = place.split([' ', ',']).next().unwrap_or("");
    if place.is_empty() || NOT_PLACES.contains(&first) || place.split_whitespace().count() > 6 {
        return None;
    }
    Some(Dateline {
        place: Some(place.to_string()),
        date: date.map(|d| iso_or_written(d, published)),
    })
}

/// "Feb 26" in the publication year as ISO, a dated "Feb 26, 2022" as ISO, else as written.
fn iso_or_written(written: &str, published: Option<&str>) -> String {
    // a full date's year is four ASCII digits (its pattern's `\d{4}`, read with `parse`):
    // most wire datelines have none ("Feb 26"), and skip the search for one
    let year = written
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit));
    if let Some(full) = year
        .then(|| dates::dates_in(written))
        .and_then(|d| d.first().copied())
    {
        return dates::iso_date(full.date);
    }
    dates::month_day_in(written)
        .and_then(|(m, d)| dates::with_year_of(m, d, published))
        .unwrap_or_else(|| written.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(t: &str, p: Option<&str>) -> Option<(Option<String>, Option<String>)> {
        dateline_of(t, p).map(|d| (d.place, d.date))
    }

    fn some(place: &str, date: Option<&str>) -> Option<(Option<String>, Option<String>)> {
        Some((Some(place.to_string()), date.map(str::to_string)))
    }

    #[test]
    fn datelines() {
        let pub87 = Some("26-FEB-1987 15:01:01.79");
        assert_eq!(
            dl("RECIFE, Feb 26 - Rain fell.", pub87),
            some("RECIFE", Some("1987-02-26"))
        );
        assert_eq!(
            dl("TUSTIN, Calif., Feb 24 - The firm said", pub87),
            some("TUSTIN, Calif.", Some("1987-02-24"))
        );
        assert_eq!(
            dl("NEW HAVEN, CONN., Feb 2 - Sales", pub87),
            some("NEW HAVEN, CONN.", Some("1987-02-02"))
        );
        assert_eq!(
            dl("Quebec, Feb 20 - Shares", None),
            some("Quebec", Some("Feb 20"))
        );
        assert_eq!(dl("OSLO (AP) — The vote", None), some("OSLO", None));
        assert_eq!(dl("Lviv (Reuters) - A train", None), some("Lviv", None));
        assert_eq!(
            dl("BERLIN, Jan. 3, 2022 (dpa) - Text", None),
            some("BERLIN", Some("2022-01-03"))
        );
        assert_eq!(
            dl("BERLIN, 3 Jan 2022 - Text", None),
            some("BERLIN", Some("2022-01-03"))
        );
        assert_eq!(
            dl("SALVADOR, Feb 26 -", pub87),
            some("SALVADOR", Some("1987-02-26"))
        );
    }

    #[test]
    fn places_are_short() {
        // the longest capital run is a headline; the place is the first run before a dash
        assert_eq!(
            dl(
                "OSLO - FERRY WORKERS WALK OUT OVER PAY AND HOURS AT EVERY PORT - Talks end.",
                None
            ),
            some("OSLO", None)
        );
        let long = "Abcdefghij Abcdefghij Abcdefghij Abcdefghij";
        assert_eq!(dl(&format!("{long}, March 3 - Rain."), None), None);
        assert_eq!(dl(&format!("{long} (Reuters) - Rain."), None), None);
        assert_eq!(
            dl(
                "Port Abcdefghij Abcdefghij Abcdefgh, March 3 - Rain.",
                Some("2021-03-04")
            ),
            some("Port Abcdefghij Abcdefghij Abcdefgh", Some("2021-03-03"))
        );
    }

    #[test]
    fn not_datelines() {
        for t in [
            "The minister - who spoke late - said no.",
            "BREAKING - Markets fall",
            "Officials (who declined) - no",
            "A joint response with NATO",
            "",
        ] {
            assert_eq!(dl(t, None), None, "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let _ = dateline_of(&s, Some("2022-01-26"));
        }

        /// On ASCII text each ASCII-classed pattern finds what its Unicode form finds.
        #[test]
        fn ascii_patterns_match_as_unicode(
            s in "([A-Za-z0-9 .,'/()\t\n\x0B\x0C\r-]|NEW YORK|ST\\. LOUIS|Calif\\.|Feb|MARCH|march|Sept\\.|\\(Reuters\\)|\\(AP\\)|, |--){0,24}"
        ) {
            proptest::prop_assert!(s.is_ascii());
            for rep in ["*", "{0,40}"] {
                let unicode_forms = sources(rep, &UNICODE);
                let ascii_forms = sources(rep, &ASCII);
                for (u, a) in unicode_forms.iter().zip(&ascii_forms) {
                    let spans = |p: &str| ascii::capture_spans(&Regex::new(p).unwrap(), &s);
                    proptest::prop_assert_eq!(spans(a), spans(u));
                }
            }
        }
    }
}
