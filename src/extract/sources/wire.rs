//! Wire credits: the agencies whose copy an article carries.
//!
//! Agencies are credited in a handful of fixed places, and only there does a name
//! mean "this is our copy": the dateline ("LONDON (Reuters) -", "(AP) —"), a closing
//! line ("With EFE and Reuters", "— The Associated Press", a lone "Reuter"), a
//! contribution note ("AFP contributed to this report", "Associated Press writer Ana
//! Ruiz contributed"), Reuters' signature "(Reporting by ...; Editing by ...)", a
//! copyright line, and the byline ("By Greg McCune, Reuters"). Anywhere else an
//! agency is a source of information, not of copy ("told The Associated Press", "a
//! Reuters/Ipsos poll"), and is not credited. Every rule is anchored to one of those
//! places for that reason.

use super::agencies::{self, Agency};
use super::ascii::{self, ByScript};
use super::gated;
use crate::model::SourceKind;
use regex::Regex;
use std::sync::OnceLock;

struct Rules {
    /// "LONDON, Jan 26 (Reuters) -", "(AP) —", "Madrid (EFE).-" at a paragraph start
    /// (read with [`dateline_parts`], not its capture group)
    dateline: Rule,
    /// "With EFE and Reuters", "With reporting from AFP", "Additional reporting by
    /// Reuters" as a whole paragraph
    with: Rule,
    /// "Source: Reuters", "Sources: AFP, dpa" as a whole paragraph
    source_line: Rule,
    /// "ab/jsi (AFP, dpa, Reuters)", "... the port. (AFP, Reuters)" ending a closing
    /// paragraph: the agencies in brackets after the editors' initials or a sentence
    closing_list: Rule,
    /// "(Reporting by ...; Editing by ...)"
    reporting_by: Rule,
    editing_by: Rule,
    /// "... contributed to this report." at a sentence end
    contributed: Rule,
    /// "Information from Reuters was used in this report."
    used: Rule,
    /// "Copyright 2022 The Associated Press", "(c) Copyright Thomson Reuters 2022"
    copyright: Rule,
    /// "This story was provided by AFP"
    provided: Rule,
    /// any wire name, for lists inside a matched credit
    any: Rule,
    /// what every rule needs somewhere in the paragraph: a wire name (anywhere, even
    /// glued to other word characters, as in "REUTER11:43") or "Editing by"; most
    /// paragraphs have neither and are passed over after this one scan (the names as
    /// [`agencies::wire_screen_pattern`] writes them: it is only asked whether they match)
    screen: Rule,
}

/// A rule's regex, compiled when a paragraph first needs it: a corpus that never
/// reaches a rule (many have no copyright line, no "Source:" line, no contribution
/// note) does not pay for compiling it, and a pattern holding the list of wire names
/// costs a few million instructions to compile.
struct Rule {
    regex: OnceLock<Regex>,
    pattern: fn() -> String,
}

impl Rule {
    const fn new(pattern: fn() -> String) -> Rule {
        Rule {
            regex: OnceLock::new(),
            pattern,
        }
    }

    fn get(&self) -> &Regex {
        self.regex
            .get_or_init(|| Regex::new(&(self.pattern)()).expect("wire regex"))
    }
}

/// A wire name, perhaps after "the".
fn item() -> String {
    let w = agencies::wire_pattern();
    format!(r"(?:(?i:the)\s+)?(?:{w})")
}

/// Wire names joined by commas, "and", "&", "+" or "/", perhaps ending with "other agencies".
fn list() -> String {
    let item = item();
    format!(
        r"{item}(?:\s*(?:,|(?-u:\b)and(?-u:\b)|&|\+|/)\s*(?:{item}|(?i:other\s+)?(?i:agencies|wires|wire\s+services)))*"
    )
}

fn rules() -> &'static Rules {
    static R: Rules = Rules {
        dateline: Rule::new(|| {
            let list = list();
            format!(
                r"^\s*(?:[\p{{Lu}}][\p{{L}}\p{{M}}\p{{N}} .,'’]*?)?\(\s*({list})\s*\)\s*\.?\s*[-—–]"
            )
        }),
        with: Rule::new(|| {
            let list = list();
            format!(
                r"^\W{{0,3}}(?:(?i:with|con|avec|mit)\s+(?:(?i:information|información|informações|informations|reporting|input|files|material|contributions?|additional\s+reporting|reports?)\s+(?i:from|by|de|da|von)\s+)?|(?i:additional|further|more)\s+(?i:reporting|information|material|input)\s+(?i:from|by)\s+)({list})\W{{0,3}}$"
            )
        }),
        source_line: Rule::new(|| {
            let list = list();
            format!(
                r"^\W{{0,3}}(?i:sources?|fuentes?|fonte|quelle|quellen)\s*:\s*({list})\W{{0,3}}$"
            )
        }),
        closing_list: Rule::new(|| {
            let list = list();
            format!(
                r#"(?:\A|[.!?”"’]\s+|\A[a-z]{{1,4}}(?:/[a-z]{{1,4}}){{0,3}}\s*)\(\s*({list})\s*\)\W{{0,3}}\z"#
            )
        }),
        reporting_by: Rule::new(|| {
            r"(?i)(?:^|[(\n])\s*(?:additional\s+)?(?:reporting|writing|compiled)\s+by(?-u:\b)"
                .to_string()
        }),
        editing_by: Rule::new(|| r"(?i)(?-u:\b)edit(?:ing|ed)\s+by(?-u:\b)".to_string()),
        contributed: Rule::new(|| {
            r"(?i)(?-u:\b)contributed(?:\s+(?:to\s+(?:this|the)\s+(?:report|story|article)|(?:additional\s+)?reporting|research))?(?:\s+(?:from|in)\s+[^.!?]{1,40})?\s*[.)]?\s*$"
                .to_string()
        }),
        copyright: Rule::new(|| {
            let item = item();
            format!(r"(?i:©|\(c\)|copyright)(?:\s*(?i:©|\(c\)|copyright|\d{{4}}))*\s*({item})")
        }),
        provided: Rule::new(|| {
            let list = list();
            format!(
                r"(?i:(?:story|article|report|content|material)\s+(?:(?:was\s+|is\s+)?(?:originally\s+|first\s+)?(?:provided|supplied|distributed|syndicated|written|published)\s+by|(?:contains|includes|incorporates|uses)\s+(?:additional\s+)?(?:reporting|material|information|content|reports)\s+(?:from|by))|with\s+(?:additional\s+)?(?:reporting|material|information|reports)\s+(?:from|by)(?:\s+(?:the\s+)?(?:news\s+|wire\s+)?(?:agenc(?:y|ies)|wires|wire\s+services?))?)\s+({list})"
            )
        }),
        used: Rule::new(|| {
            let list = list();
            format!(
                r"(?i:information|material|reporting|reports|content)\s+(?i:from)\s+({list})\s+(?i:(?:was|were|is|has\s+been|have\s+been)\s+used\s+in\s+(?:this|the)\s+(?:report|story|article))"
            )
        }),
        any: Rule::new(|| format!(r"\b(?:{})\b", agencies::wire_pattern())),
        screen: Rule::new(|| {
            format!(
                r"{}|(?i:edit(?:ing|ed)\s+by)",
                agencies::wire_screen_pattern()
            )
        }),
    };
    &R
}

/// The classes the sign-off pattern is written with. On text that is all ASCII the
/// Unicode classes match exactly what their ASCII parts match, and the pattern written
/// with those parts compiles many times faster and to a reverse automaton whose states
/// are far cheaper to build (the Unicode one cost tens of thousands of instructions per
/// closing paragraph, building states).
struct Classes {
    /// the wire names ([`agencies::wire_pattern`] or its ASCII form)
    wires: &'static str,
    /// white space as a class, and inside brackets
    space: &'static str,
    space_in: &'static str,
    /// `\d`, `\w`, `\W` and `[^\w.]`
    digit: &'static str,
    word: &'static str,
    non_word: &'static str,
    non_word_dot: &'static str,
    /// closing quotes and dashes other than ASCII ones, inside brackets
    quotes: &'static str,
    dashes: &'static str,
    /// the flags of case-insensitive groups
    ci: &'static str,
}

fn unicode_classes() -> Classes {
    Classes {
        wires: agencies::wire_pattern(),
        space: r"\s",
        space_in: r"\s",
        digit: r"\d",
        word: r"\w",
        non_word: r"\W",
        non_word_dot: r"[^\w.]",
        quotes: "”\"’",
        dashes: "—–",
        ci: "i",
    }
}

/// For text that is all ASCII: White_Space, digits and word characters restricted to
/// ASCII; no typographic quote or dash is ASCII; ASCII case folding of ASCII words.
fn ascii_classes() -> Classes {
    Classes {
        wires: agencies::wire_pattern_ascii(),
        space: ascii::SPACE,
        space_in: ascii::SPACE_IN_BRACKETS,
        digit: "[0-9]",
        word: "[0-9A-Za-z_]",
        non_word: r"[\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]",
        non_word_dot: r"[\x00-\x2D\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F]",
        quotes: "\"",
        dashes: "",
        ci: "i-u",
    }
}

/// "— The Associated Press", "Reuter", "(AFP)" as a whole line, "REUTER11:43/VB"
/// after a sentence: a sign-off closing a paragraph.
fn sign_off_pattern(k: &Classes) -> String {
    let Classes {
        wires: w,
        space: s,
        space_in: si,
        digit: d,
        word: wc,
        non_word: nw,
        non_word_dot: nwd,
        quotes: q,
        dashes: da,
        ci,
    } = k;
    // desk codes after a sign-off: "REUTER11:43/VB", "REUTER TAW", "REUTER^M"
    let code =
        format!(r"(?:{d}{{1,2}}:{d}{{2}}(?:/{wc}{{1,4}})?|{s}+[A-Z]{{1,4}}|{d}{{1,2}}|\^M)?");
    format!(
        r#"(?:(?:(?:\A|[.!?{q}):]{s}*\n|\n[ \t]*\n)[-{da}{si}]{{0,4}}|[.!?{q})]{s}+(?:[-{da}]{{1,2}}{s}*|\())\(?{s}*((?:(?{ci}:the){s}+)?(?:{w})){s}*\)?{code}(?:{nw}|\^M){{0,12}}|\n[-{da}{si}]{{0,4}}((?:(?{ci}:the){s}+)?(?:{w})){code}(?:{nwd}|\^M|\.\.\.){{0,12}}|{s}([A-Z]{{2,}}|(?{ci}:reuter)){code}(?:{nwd}|\^M|\.\.\.){{0,12}})\z"#
    )
}

/// The sign-off pattern for `text`: the ASCII one when it is all ASCII. Each is
/// compiled when first needed, so a corpus in ASCII never builds the Unicode one.
fn sign_off(text: &str) -> &'static Regex {
    static P: ByScript<Regex> = ByScript::new();
    P.get(text, |all_ascii| {
        let classes = if all_ascii {
            ascii_classes()
        } else {
            unicode_classes()
        };
        // searched backwards from every closing paragraph's end through Unicode
        // classes: the default lazy-DFA cache (2 MiB) kept being cleared and rebuilt
        regex::RegexBuilder::new(&sign_off_pattern(&classes))
            .dfa_size_limit(16 << 20)
            .build()
            .expect("sign-off regex")
    })
}

/// The longest place and date a wire dateline holds before its "(Reuters)": checked
/// after matching, as a bounded repetition of Unicode classes makes the automaton huge.
const MAX_DATELINE_PLACE: usize = 81;

/// The first `n` characters of `text`, as a slice.
pub fn head_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// A dateline match split into what stands before its bracket and the agencies inside
/// it. The place cannot hold a bracket, so the match's first "(" opens the list, and the
/// next ")" closes it: the regex's capture group, found without running the capturing
/// engines (on an automaton as large as the list of every wire name, they cost more
/// than the whole match).
fn dateline_parts(m: &str) -> Option<(&str, &str)> {
    let open = m.find('(')?;
    let close = open + m[open..].find(')')?;
    Some((&m[..open + 1], m[open + 1..close].trim()))
}

/// What stands before a dateline's "(Agency)": the place and date, without the bracket.
fn place_before(s: &str) -> &str {
    s.trim_end().trim_end_matches('(').trim()
}

/// Every wire agency named in `span` (a credit already known to be one).
fn wires_in(span: &str) -> Vec<Agency> {
    rules()
        .any
        .get()
        .find_iter(span)
        .filter_map(|m| agencies::lookup(m.as_str()))
        .filter(|a| a.kind == SourceKind::Wire)
        .collect()
}

/// The wire agencies a paragraph credits, with the rule that found them.
/// `opening`: the paragraph opens a page with more after it (a logo or kicker may stand
/// there); `closing`: it is among the last paragraphs, where sign-offs stand.
pub fn credits_in_paragraph(
    text: &str,
    opening: bool,
    closing: bool,
) -> Vec<(Agency, &'static str)> {
    let r = rules();
    let mut out = Vec::new();
    let push = |out: &mut Vec<(Agency, &'static str)>, span: &str, rule: &'static str| {
        out.extend(wires_in(span).into_iter().map(|a| (a, rule)));
    };
    if text.len() > 100_000 || !r.screen.get().is_match(text) {
        return Vec::new();
    }
    let head = head_chars(text, 160);
    if let Some((_, list)) = head
        .contains('(')
        .then(|| r.dateline.get().find(head))
        .flatten()
        .and_then(|m| dateline_parts(m.as_str()))
        .filter(|(place, _)| place_before(place).chars().count() <= MAX_DATELINE_PLACE)
    {
        push(&mut out, list, "dateline");
    }
    if text.len() <= 480 && text.chars().count() <= 120 {
        if let Some(c) = gated::captures(r.with.get(), text.trim()).and_then(|c| c.get(1)) {
            push(&mut out, c.as_str(), "with");
        }
        // (the pattern needs a colon: without one it is neither compiled nor run)
        let colon = text.contains(':');
        if let Some(c) = colon
            .then(|| gated::captures(r.source_line.get(), text.trim()))
            .flatten()
            .and_then(|c| c.get(1))
        {
            push(&mut out, c.as_str(), "source-line");
        }
    }
    if closing && !is_photo_credit(text) {
        let tail = tail_chars(text.trim(), 200);
        // (the pattern needs a bracket: without one it is neither compiled nor run)
        if let Some(c) = tail
            .contains('(')
            .then(|| gated::captures(r.closing_list.get(), tail))
            .flatten()
            .and_then(|c| c.get(1))
        {
            push(&mut out, c.as_str(), "closing-list");
        }
    }
    if let Some(c) = closing
        .then(|| text.trim())
        .and_then(|t| gated::captures(sign_off(t), t))
        .and_then(|c| {
            c.get(1).or_else(|| c.get(2)).or_else(|| {
                // "... 0.56 (0.361) REUTER": a wire signs off in capitals after anything
                c.get(3).filter(|m| {
                    agencies::lookup(m.as_str()).is_some_and(|a| a.kind == SourceKind::Wire)
                })
            })
        })
    {
        // a lone agency name as the first paragraph is a heading or a logo, not a sign-off
        // mid-article, "ASSOCIATED PRESS." alone is the credit of a picture, not of the text
        // "(AP Photo)": the credit of a picture
        // "Photo: AFP", "Pictures: Reuters": a label for a picture's credit
        let lower = head_chars(text.trim_start(), 12).to_lowercase();
        let label = ["photo", "foto", "picture", "image", "credit", "video"]
            .iter()
            .any(|w| lower.starts_with(w));
        if closing
            && (!opening || text.trim().chars().count() > 40)
            && !is_photo_credit(c.as_str())
            && !label
        {
            push(&mut out, c.as_str(), "sign-off");
        }
    }
    if r.reporting_by.get().is_match(text) && r.editing_by.get().is_match(text) {
        let named = wires_in(text);
        if named.is_empty() {
            if let Some(reuters) = agencies::by_name("Reuters") {
                out.push((reuters, "reporting-by"));
            }
        } else {
            out.extend(named.into_iter().map(|a| (a, "reporting-by")));
        }
    }
    // "contributed", "Contributed", "CONTRIBUTED"
    let contributes = text.contains("ontributed") || text.contains("ONTRIBUTED");
    for sentence in contributes.then(|| sentences(text)).into_iter().flatten() {
        if let Some(m) = r.contributed.get().find(sentence) {
            let before = &sentence[..m.start()];
            if before.split_whitespace().count() <= 30 {
                out.extend(wires_in(before).into_iter().map(|a| (a, "contributed")));
            }
        }
    }
    let copyright = ["©", "(c)", "(C)", "opyright", "OPYRIGHT"]
        .iter()
        .any(|m| text.contains(m));
    for c in copyright
        .then(|| gated::captures_iter(r.copyright.get(), text))
        .into_iter()
        .flatten()
    {
        if let Some(m) = c.get(1) {
            push(&mut out, m.as_str(), "copyright");
        }
    }
    let by = ["by", "By", "BY", "from", "FROM"]
        .iter()
        .any(|m| text.contains(m));
    for c in by
        .then(|| gated::captures_iter(r.provided.get(), text))
        .into_iter()
        .flatten()
    {
        if let Some(m) = c.get(1) {
            push(&mut out, m.as_str(), "provided-by");
        }
    }
    for c in (by && text.contains(" used"))
        .then(|| gated::captures_iter(r.used.get(), text))
        .into_iter()
        .flatten()
    {
        if let Some(m) = c.get(1) {
            push(&mut out, m.as_str(), "used-in-report");
        }
    }
    out
}

/// The last `n` characters of `text`, as a slice.
fn tail_chars(text: &str, n: usize) -> &str {
    match text.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &text[i..],
        _ => text,
    }
}

/// Words that make a credit a picture's ("AP Photo", "Photo: AFP", "© Ana Ruiz/Reuters").
pub fn is_photo_credit(text: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:photos?|fotos?|images?|pictures?|pics?|picture-alliance|video|graphic|illustration|file|credit)\b|©")
            .expect("photo regex")
    })
    .is_match(text)
}

/// A byline written as the first lines of a text ("By The Associated Press",
/// "By JANE DOE, Reuters"): short, opening with "By", not a sentence.
pub fn credits_in_byline_paragraph(text: &str) -> Vec<Agency> {
    let t = text.trim();
    let by = t.get(..3).is_some_and(|h| h.eq_ignore_ascii_case("by "));
    if !by || t.split_whitespace().count() > 12 || t.ends_with(['.', '!', '?', ':']) {
        return Vec::new();
    }
    credits_in_byline(&[t.to_string()])
}

/// Words for an agency's newsroom around its name in a byline ("Redazione ANSA",
/// "Reuters Staff", "AFP Newsroom").
const STAFF_WORDS: &[&str] = &[
    "staff",
    "staff writers",
    "staff reporters",
    "newsroom",
    "news desk",
    "desk",
    "editorial",
    "redazione",
    "redacción",
    "rédaction",
    "redaktion",
    "redação",
];

fn strip_staff(piece: &str) -> &str {
    let mut p = piece.trim();
    for w in STAFF_WORDS {
        if p.len() > w.len() + 1 {
            if p.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w))
                && p[w.len()..].starts_with(' ')
            {
                p = p[w.len()..].trim_start();
            } else if p
                .get(p.len() - w.len()..)
                .is_some_and(|t| t.eq_ignore_ascii_case(w))
                && p[..p.len() - w.len()].ends_with(' ')
            {
                p = p[..p.len() - w.len()].trim_end();
            }
        }
    }
    p
}

/// Wire agencies named in a byline ("By Greg McCune, Reuters", "AFP", "Reuters Staff").
pub fn credits_in_byline(byline: &[String]) -> Vec<Agency> {
    let mut out = Vec::new();
    for line in byline {
        if line.len() > 1000 {
            continue;
        }
        for piece in line.split([',', '|', ';', '/', '\n', '(', ')']) {
            let piece = piece
                .trim()
                .trim_start_matches(|c: char| !c.is_alphanumeric());
            let piece = strip_word_prefix(piece, "by");
            let piece = strip_staff(piece.trim_end_matches(|c: char| !c.is_alphanumeric()));
            if let Some(a) = agencies::lookup(piece).filter(|a| a.kind == SourceKind::Wire) {
                out.push(a);
            } else if let Some(a) = trailing_wire(piece) {
                // "By JOSH REYES Associated Press": the agency after the name, no comma
                out.push(a);
            }
        }
    }
    out
}

/// A wire agency that ends a byline piece after at least two other words.
fn trailing_wire(piece: &str) -> Option<Agency> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(&format!(
            r"^\S+\s+\S+.*?\s((?:(?i:the)\s+)?(?:{}))$",
            agencies::wire_pattern()
        ))
        .expect("trailing wire regex")
    });
    let m = gated::captures(re, piece)?.get(1)?;
    agencies::lookup(m.as_str()).filter(|a| a.kind == SourceKind::Wire)
}

fn strip_word_prefix<'a>(s: &'a str, word: &str) -> &'a str {
    match s.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => {
            let rest = &s[word.len()..];
            if rest.starts_with(char::is_whitespace) {
                rest.trim_start()
            } else {
                s
            }
        }
        _ => s,
    }
}

/// Rough sentences: enough to find "... contributed to this report." at a sentence end.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    text.split_inclusive(['\n', '!', '?'])
        .flat_map(|s| s.split_inclusive(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for (a, _) in credits_in_paragraph(text, false, true) {
            if !out.contains(&a.name) {
                out.push(a.name);
            }
        }
        out
    }

    #[test]
    fn credits_in_their_places() {
        assert_eq!(names("With EFE and Reuters"), vec!["EFE", "Reuters"]);
        assert_eq!(names("With reporting from AFP."), vec!["AFP"]);
        assert_eq!(names("With AFP and agencies"), vec!["AFP"]);
        assert_eq!(names("Con información de EFE"), vec!["EFE"]);
        assert_eq!(names("Additional reporting by Reuters"), vec!["Reuters"]);
        assert_eq!(
            names("This story was originally published by The Associated Press."),
            vec!["AP"]
        );
        assert!(names("Ana Ruiz told The Associated Press on Monday.").is_empty());
        assert_eq!(
            names("OSLO (Reuters) - Ferries stopped running on Tuesday."),
            vec!["Reuters"]
        );
        assert_eq!(
            names("BERLIN, Jan 26 (Reuters) - Prices rose."),
            vec!["Reuters"]
        );
        assert_eq!(names("WASHINGTON (AP) — The Senate voted."), vec!["AP"]);
        assert_eq!(names("(AFP) - A storm hit the coast."), vec!["AFP"]);
        assert_eq!(names("Madrid, 26 ene (EFE).- El gobierno"), vec!["EFE"]);
        assert_eq!(names("— The Associated Press"), vec!["AP"]);
        assert_eq!(names("Talks end on Friday. — AFP"), vec!["AFP"]);
        assert_eq!(names("The bank said so.\n Reuter"), vec!["Reuters"]);
        assert_eq!(names("The bank said so.\n REUTER^M"), vec!["Reuters"]);
        assert_eq!(names("Rain fell. REUTER11:43/VB"), vec!["Reuters"]);
        assert_eq!(
            names("Pay April 30\n    Record April 16\n Reuter"),
            vec!["Reuters"]
        );
        assert_eq!(names("It said so.\n REUTER TAW"), vec!["Reuters"]);
        assert_eq!(names("It said so.\nREUTER...^M"), vec!["Reuters"]);
        assert_eq!(names("Cows 0.56 (0.361) REUTER"), vec!["Reuters"]);
        assert_eq!(
            names("the debt, mine owners said. reuter^M"),
            vec!["Reuters"]
        );
        assert_eq!(names("\"They are peanuts.\" REUTER...^M"), vec!["Reuters"]);
        assert!(names("Shares fell at the CBOT").is_empty());
        assert!(names("a launch equal to the launching of\nSputnik.").is_empty());
        assert_eq!(
            names("(Reporting by Ana Ruiz; Editing by Tom Berg)"),
            vec!["Reuters"]
        );
        assert_eq!(
            names("Associated Press writer Ana Ruiz in Lima contributed to this report."),
            vec!["AP"]
        );
        assert_eq!(names("AFP contributed."), vec!["AFP"]);
        assert_eq!(
            names("The Associated Press and Reuters contributed to this report."),
            vec!["AP", "Reuters"]
        );
        assert_eq!(
            names("Copyright 2021 The Associated Press. All rights reserved."),
            vec!["AP"]
        );
    }

    #[test]
    fn mentions_are_not_credits() {
        for t in [
            "The minister told The Associated Press that talks would go on.",
            "A Reuters/Ipsos poll found support slipping.",
            "Reuters reported the deal on Monday.",
            "According to AFP, the talks failed.",
            "Shares rose, Reuters calculations showed.",
            "He spoke to Reuters in an interview and AFP later.",
            "The cap, the map and the ap were lost.",
            "Mr. Trump blamed Michael R. Bloomberg.",
            "Yet Bloomberg says it marked her down. Reuters",
        ] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn closing_lines_of_other_shapes() {
        assert_eq!(names("Source: Reuters"), vec!["Reuters"]);
        assert_eq!(names("Sources: AFP, dpa"), vec!["AFP", "dpa"]);
        assert_eq!(
            names("ab/jsi (AFP, dpa, Reuters)"),
            vec!["AFP", "dpa", "Reuters"]
        );
        assert_eq!(
            names("The office declined to comment. (AFP, Reuters)"),
            vec!["AFP", "Reuters"]
        );
        assert!(names("The ferry at dawn. (AP Photo)").is_empty());
        assert!(names("Photo: AFP").is_empty());
        assert!(names("Source: the harbour office").is_empty());
        assert!(names("He spoke (to Reuters)").is_empty());
        assert_eq!(
            names("This article contains reporting from Reuters and The Associated Press."),
            vec!["Reuters", "AP"]
        );
        assert_eq!(names("OSLO (dpa-AFX) - Shares rose."), vec!["dpa"]);
        assert_eq!(
            names("Information from Reuters was used in this report."),
            vec!["Reuters"]
        );
        assert_eq!(
            names("Written by Ana Ruiz with reporting from agencies AFP and Reuters."),
            vec!["AFP", "Reuters"]
        );
        assert!(names("Reuters said its information was used by the court.").is_empty());
        let p = |t: &str| {
            credits_in_byline_paragraph(t)
                .into_iter()
                .map(|a| a.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(p("By The Associated Press"), vec!["AP"]);
        assert_eq!(p("By JANE DOE, Reuters"), vec!["Reuters"]);
        assert!(p("By Tuesday, Reuters had seen the figures.").is_empty());
        assert!(p("Ferries run again, AP says").is_empty());
    }

    #[test]
    fn byline_credits() {
        let b = |s: &str| {
            credits_in_byline(&[s.to_string()])
                .into_iter()
                .map(|a| a.name)
                .collect::<Vec<_>>()
        };
        assert_eq!(b("By Greg Writer, Reuters"), vec!["Reuters"]);
        assert_eq!(b("by ANA RUIZ, REUTERS"), vec!["Reuters"]);
        assert_eq!(b("Reuters Staff"), vec!["Reuters"]);
        assert_eq!(b("The Associated Press"), vec!["AP"]);
        assert!(b("By Ana Ruiz").is_empty());
        assert_eq!(b("By ANA RUIZ Associated Press"), vec!["AP"]);
        assert_eq!(b("Redazione ANSA"), vec!["ANSA"]);
        assert_eq!(b("AFP Newsroom"), vec!["AFP"]);
        assert!(b("By Ana Press").is_empty());
        assert!(b("Getty Images").is_empty());
    }

    #[test]
    fn unicode_sign_off_is_the_pattern_as_written() {
        let w = agencies::wire_pattern();
        let code = r"(?:\d{1,2}:\d{2}(?:/\w{1,4})?|\s+[A-Z]{1,4}|\d{1,2}|\^M)?";
        let written = format!(
            r#"(?:(?:(?:\A|[.!?”"’):]\s*\n|\n[ \t]*\n)[-—–\s]{{0,4}}|[.!?”"’)]\s+(?:[-—–]{{1,2}}\s*|\())\(?\s*((?:(?i:the)\s+)?(?:{w}))\s*\)?{code}(?:\W|\^M){{0,12}}|\n[-—–\s]{{0,4}}((?:(?i:the)\s+)?(?:{w})){code}(?:[^\w.]|\^M|\.\.\.){{0,12}}|\s([A-Z]{{2,}}|(?i:reuter)){code}(?:[^\w.]|\^M|\.\.\.){{0,12}})\z"#
        );
        assert_eq!(sign_off_pattern(&unicode_classes()), written);
    }

    /// The screen as first written: the names as [`agencies::wire_pattern`] writes them.
    fn flat_screen() -> Regex {
        Regex::new(&format!(
            r"(?:{})|(?i:edit(?:ing|ed)\s+by)",
            agencies::wire_pattern()
        ))
        .unwrap()
    }

    #[test]
    fn screen_finds_every_written_form() {
        let flat = flat_screen();
        let screen = rules().screen.get();
        for name in agencies::wire_names() {
            let upper = name.to_uppercase();
            let lower = name.to_lowercase();
            let spaced = name.replace([' ', '-'], " \n ");
            for form in [name.to_string(), upper, lower, spaced] {
                for text in [
                    form.clone(),
                    format!("x{form}y"),
                    format!("By {form}."),
                    form.chars().skip(1).collect(),
                    form.chars()
                        .take(form.chars().count().saturating_sub(1))
                        .collect(),
                ] {
                    assert_eq!(screen.is_match(&text), flat.is_match(&text), "{text}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The trie of names matches where the alternation of names matches.
        #[test]
        fn screen_matches_as_the_flat_alternation(
            s in "([a-zA-Z .,\t\n-]|Reuter|REUTERS|reuters tv|AP|Ap|AFP|Agence|France|Presse|Agencia|EFE|Efe|Brasil|Agência|ÊNCIA|dpa|DPA|Deutsche|Press|Associated|Kyodo|KYODO|\u{212A}yodo|Xinhua|Jiji|Tass|ITAR|Editing|edited|by|\u{17F}|ſ){0,10}|\\PC{0,40}"
        ) {
            proptest::prop_assert_eq!(rules().screen.get().is_match(&s), flat_screen().is_match(&s));
        }

        #[test]
        fn never_panics(s in "\\PC{0,120}") {
            let _ = credits_in_paragraph(&s, true, true);
            let _ = credits_in_byline(&[s]);
        }

        /// On ASCII text the ASCII sign-off pattern finds what the Unicode one finds.
        #[test]
        fn ascii_sign_off_matches_as_unicode(
            s in "([a-zA-Z0-9 .,:;!?\"'()/^_\t\n\x0B\x0C\r\x00\x7F-]|Reuter|REUTER|reuters|AP|The Associated Press|AFP|dpa-AFX|Kyodo|S|K|\\^M|\\.\\.\\.|11:43/VB|- ){0,14}"
        ) {
            let unicode_form = Regex::new(&sign_off_pattern(&unicode_classes())).unwrap();
            let ascii_form = Regex::new(&sign_off_pattern(&ascii_classes())).unwrap();
            proptest::prop_assert!(s.is_ascii());
            proptest::prop_assert_eq!(ascii::capture_spans(&ascii_form, &s), ascii::capture_spans(&unicode_form, &s));
        }
    }
}
