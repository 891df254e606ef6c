//! Photo credits: "Alexei Ivanov/AP", "(AP Photo/Evan Vucci, File)", "REUTERS/Name/File
//! Photo", "Name/AFP via Getty Images", "Russian Defense Ministry/Via Reuters",
//! "Photograph: Name/Reuters", "Name for The Outlet", "© Name".
//!
//! A credit is a short list of pieces joined by `/`, `,`, `|` or "via"; each piece is
//! an agency of the lexicon, a person, an organisation, or a decoration ("File",
//! "Handout", "Pool"). [`parse_credit`] reads that grammar strictly: one piece that is
//! none of these (a lowercase word, a number, a sentence) and the text is no credit.
//! That strictness is what keeps ordinary paragraphs from becoming captions.
//!
//! Who is who: the first person is the photographer; the first agency is the agency
//! ("Name/AFP/Getty Images" is AFP's photo, distributed by Getty), except that a
//! picture handed out "via" a news agency is that agency's, and what came before "via"
//! is the provider ("Russian Defense Ministry/Via Reuters").
//!
//! Credit pieces are read with credit rules, not prose rules: "Omar Said" is a
//! photographer here, though "Said" after a name in prose is the verb; "© Provided by
//! Example Media" names the provider; "DR" and "Droits réservés" (rights reserved) name
//! no one.

use crate::extract::sources::{agencies, names};
use crate::model::SourceKind;
use regex::Regex;
use std::sync::OnceLock;

/// A parsed credit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Credit {
    /// The credit as written, without brackets and without "©" or "Photo:".
    pub written: String,
    pub photographer: Option<String>,
    /// Canonical lexicon name, or the organisation as written when not in the lexicon.
    pub agency: Option<String>,
    pub provider: Option<String>,
    /// An explicit marker (©, "Photo:", brackets with an agency) or a known agency.
    pub strong: bool,
}

/// What one piece of a credit is.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Agency(agencies::Agency),
    Person(String),
    Org(String),
    /// "Name for The Outlet"
    PersonFor(String, String),
    /// "evgenyb/iStock/Getty Images": a stock site's user name, in lower case, first
    Handle(String),
    Decoration,
}

struct Patterns {
    marker: Regex,
    via: Regex,
    year: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        marker: Regex::new(
            r"(?i)^(?:©|\(c\)|copyright(?-u:\b)|(?:(?:photo(?:graph)?s?|pics?|pictures?|images?(?:\s+source)?|credits?|fotos?|bild|photographer|file|source|screenshot|video|illustration|graphic|photo\s+illustration)\s*(?::|\.{2,3}|…|,|(?-u:\b)by(?-u:\b)))|(?:(?:photos?|pictures?|images?)\s+)?courtesy(?:\s+of)?(?-u:\b)|(?:(?:photos?|pictures?|images?)\s+)?provided\s+by(?-u:\b)|(?:pool|file|handout)\s+(?:photo|picture|image)s?\s+by(?-u:\b)|(?:foto(?:ilustraci[oó]n(?:es)?)?s?|fotograf[ií]as?|ilustraci[oó]n(?:es)?)\s+(?:de|por)(?-u:\b))\s*",
        )
        .expect("marker regex"),
        via: Regex::new(r"(?i)\s*/?\s*(?-u:\b)v[ií]a(?-u:\b)\s*").expect("via regex"),
        year: Regex::new(r"^\d{4}(?-u:\b)[\s,]*").expect("year regex"),
    })
}

/// Words that decorate a credit without naming anyone.
const DECORATION: &[&str] = &[
    "file",
    "file photo",
    "files",
    "photo",
    "photos",
    "handout",
    "ho",
    "pool",
    "pool photo",
    "stringer",
    "staff",
    "staff photo",
    "staff photographer",
    "courtesy",
    "supplied",
    "illustration",
    "screenshot",
    "screengrab",
    "screen grab",
    "video grab",
    "still",
    "video",
    "afp photo",
    "photo illustration",
    "handout photo",
    "pool via",
    "all rights reserved",
    "str",
    "uncredited",
];

/// Credit words of other languages that name no one (credit_words.txt): "Hersteller",
/// "Archivo", "Divulgação".
fn other_decorations() -> &'static crate::extract::lexicon::WordSet<String> {
    static W: OnceLock<crate::extract::lexicon::WordSet<String>> = OnceLock::new();
    W.get_or_init(|| {
        crate::extract::lexicon::entries(include_str!("../lexicon/credit_words.txt"))
            .map(agencies::fold)
            .collect()
    })
}

/// A credit after a bare "Photo" as French papers write it, the photographer and the
/// agency parted by a full stop: "Photo Ana Ruiz. AFP" is "Ana Ruiz/AFP", "Photo AFP"
/// is "AFP", "Photo Ana Ruiz/AFP" is "Ana Ruiz/AFP". `None` for anything else ("Photo
/// Booth", "Photos show ...").
fn bare_photo(s: &str) -> Option<String> {
    let rest = ["Photo ", "PHOTO ", "Photos ", "PHOTOS ", "Foto ", "FOTO "]
        .iter()
        .find_map(|p| s.strip_prefix(p))?
        .trim_start();
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    if let Some((who, tail)) = rest.rsplit_once(". ") {
        let who = who.trim();
        if agencies::lookup(tail).is_some() && !who.is_empty() {
            return Some(format!("{who}/{}", tail.trim()));
        }
        return None;
    }
    // "Photo DR", "Photo droits réservés": rights reserved, no one named
    (agencies::lookup(rest).is_some()
        || rest.contains('/')
        || other_decorations().contains(agencies::fold(rest).as_str()))
    .then(|| rest.to_string())
}

/// Whether `s` opens with a credit marker ("Photo:", "Courtesy of", "©").
pub fn starts_with_marker(s: &str) -> bool {
    patterns().marker.is_match(s.trim_start())
}

/// Lower-case words allowed inside organisation names.
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "du", "des", "del", "la", "le", "el", "al", "and", "&", "for", "van", "von",
    "der", "y", "e", "di", "da", "on", "in", "at",
];

/// Parse `segment` as a credit. `known` says the caller already knows it is one (the
/// markup said so), which admits a bare name or organisation.
pub fn parse_credit(segment: &str, known: bool) -> Option<Credit> {
    let p = patterns();
    let raw = segment.trim();
    let mut s = raw.trim_end_matches(['.', ';', ',', ' ']).trim();
    if s.is_empty() || s.chars().count() > 160 || s.contains("://") || s.contains('\n') {
        return None;
    }
    let mut marked = known;
    let mut bracketed = false;
    if let Some(inner) = unwrap_brackets(s) {
        s = inner.trim().trim_end_matches(['.', ';', ',', ' ']);
        bracketed = true;
    }
    // credits end without a full stop; "(Pa.)", "[Bloomberg.]" and "... of Fraud." are prose
    let full_stop = raw.trim_end_matches([')', ']', ' ']).ends_with('.') && !ends_with_initial(raw);
    loop {
        let before = s;
        // "CreditCreditName/Agency": page text that glued a visually hidden label on
        for label in ["Credit", "CREDIT"] {
            if let Some(rest) = s.strip_prefix(label) {
                if rest.starts_with(|c: char| c.is_uppercase() || c.is_whitespace()) {
                    s = rest.trim_start();
                    marked = true;
                }
            }
        }
        if let Some(m) = p.marker.find(s) {
            s = &s[m.end()..];
            marked = true;
        }
        if let Some(m) = p.year.find(s) {
            s = &s[m.end()..];
        }
        s = s.trim_start_matches([':', '-', '—', ' ']);
        if s == before {
            break;
        }
    }
    let french: String;
    if !marked {
        if let Some(rest) = bare_photo(s) {
            french = rest;
            s = &french;
            marked = true;
        }
    }
    let written = s.trim().to_string();
    if written.is_empty() {
        return None;
    }
    let (before_via, after_via) = match p.via.find(s) {
        Some(m) if m.start() > 0 || m.end() < s.len() => (&s[..m.start()], Some(&s[m.end()..])),
        _ => (s, None),
    };
    let before: Vec<Piece> = pieces(before_via)?;
    let after: Vec<Piece> = match after_via {
        Some(a) => pieces(a)?,
        None => Vec::new(),
    };
    if before.len() + after.len() > 7 {
        return None;
    }
    let credit = resolve(&before, &after, written);
    let known_agency = before
        .iter()
        .chain(&after)
        .any(|x| matches!(x, Piece::Agency(_)));
    // "Jabin Reyes/The Daily Example": a person first, in ordinary case, then the outlet
    let person_then_org = matches!(before.as_slice(), [Piece::Person(_), Piece::Org(_), ..])
        && !names::is_shouted(before_via.split('/').next().unwrap_or(""));
    let person = credit.photographer.is_some();
    if matches!(before.first(), Some(Piece::Handle(_)))
        && !(known_agency && before_via.contains('/'))
    {
        return None;
    }
    // "Irene Novak/Staff": a person joined to a decoration ("Staff", "File", "Pool")
    let decorated = before.iter().any(|x| matches!(x, Piece::Decoration));
    // "/" and "via" join credits; commas, dashes and bars also join lists and headlines
    let joined =
        (before.len() + after.len() > 1 && before_via.contains('/')) || after_via.is_some();
    let listed = before.len() + after.len() > 1;
    let for_outlet = before.iter().any(|x| matches!(x, Piece::PersonFor(..)));
    let valid = marked
        || (for_outlet && !full_stop)
        || (joined && (known_agency || (person_then_org && !full_stop)))
        || (listed && known_agency && person)
        || (bracketed && known_agency && !full_stop)
        || (joined && person && decorated && !full_stop);
    let named =
        credit.photographer.is_some() || credit.agency.is_some() || credit.provider.is_some();
    // "(Bild: Hersteller)", "Photo: Handout": a marked credit that names no one is still
    // the credit, kept as written
    let named = named
        || marked
            && !before.is_empty()
            && before
                .iter()
                .chain(&after)
                .all(|x| matches!(x, Piece::Decoration));
    (valid && named).then_some(Credit {
        strong: marked || known_agency,
        ..credit
    })
}

/// "... Dan J." ends with an initial, not a full stop.
fn ends_with_initial(s: &str) -> bool {
    let t = s.trim_end_matches([')', ']', ' ']);
    let word = t.rsplit([' ', '/']).next().unwrap_or("");
    word.chars().count() == 2 && word.starts_with(char::is_uppercase)
}

/// "(AP Photo/Name)" and "[Reuters]" without their brackets.
fn unwrap_brackets(s: &str) -> Option<&str> {
    let inner = s
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| s.strip_prefix('[').and_then(|r| r.strip_suffix(']')))?;
    (!inner.contains(['(', ')', '[', ']'])).then_some(inner)
}

/// The pieces of one side of a credit, or `None` when one of them is not credit-like.
fn pieces(s: &str) -> Option<Vec<Piece>> {
    split_pieces(s)
        .enumerate()
        .map(|(i, p)| classify(p).or_else(|| (i == 0).then(|| handle(p)).flatten()))
        .collect()
}

/// A user name as stock sites credit their contributors: one lower-case token of
/// letters and digits ("evgenyb", "jet_huynh"). Only first in a credit, and only a
/// credit that names a known agency keeps it (see [`parse_credit`]).
fn handle(p: &str) -> Option<Piece> {
    let ok = (4..=30).contains(&p.chars().count())
        && p.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && p.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
    ok.then(|| Piece::Handle(p.to_string()))
}

/// The trimmed, non-empty pieces of `s` between credit separators: `/`, `|`, `,`, `;`,
/// and a dash with space on both sides ("EPA - EFE", not "EPA-EFE").
pub fn split_pieces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let mut prev_space = false;
        let mut cut = None;
        let mut chars = rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_space = chars.peek().is_some_and(|&(_, n)| n.is_whitespace());
            // an em dash joins pieces even unspaced ("Name—Getty Images"): names never hold one
            let dash = c == '—' || matches!(c, '-' | '–') && prev_space && next_space;
            if matches!(c, '/' | '|' | ',' | ';') || dash {
                cut = Some((i, i + c.len_utf8()));
                break;
            }
            prev_space = c.is_whitespace();
        }
        let piece = match cut {
            Some((a, b)) => {
                let piece = &rest[..a];
                // the space after a separator belongs to it, as in `\s*/\s*`
                rest = rest[b..].trim_start();
                piece
            }
            None => std::mem::take(&mut rest),
        };
        let piece = piece.trim();
        if !piece.is_empty() {
            return Some(piece);
        }
    })
}

/// More words than any credit piece has ("Name for The Daily Example" is the longest
/// shape): a piece this long is prose, and is refused before any lookup.
const MAX_PIECE_WORDS: usize = 12;

fn classify(raw: &str) -> Option<Piece> {
    if raw.split_whitespace().nth(MAX_PIECE_WORDS).is_some() {
        return None;
    }
    let folded = agencies::fold(raw);
    if folded.is_empty()
        || DECORATION.contains(&folded.as_str())
        || other_decorations().contains(folded.as_str())
    {
        return Some(Piece::Decoration);
    }
    if let Some(a) = agencies::lookup_folded(raw, &folded) {
        return Some(Piece::Agency(a));
    }
    // "AP/Ana Ruiz/Photo montage by Example": who made the montage, not the photo
    if [
        "photo montage by ",
        "montage by ",
        "photo illustration by ",
        "illustration by ",
        "collage by ",
        "graphic by ",
    ]
    .iter()
    .any(|w| folded.starts_with(w))
    {
        return Some(Piece::Decoration);
    }
    // "Kevin": a first name alone names no agency, and no photographer the archive can
    // tell apart from every other Kevin
    if !folded.contains(' ') && crate::extract::people::is_first_name(&folded) {
        return Some(Piece::Decoration);
    }
    let tidy = names::tidy_name(raw);
    // "Name for The Outlet", and as Spanish, French and German pages write it
    let for_word = [" for ", " para ", " pour ", " für "]
        .into_iter()
        .find_map(|w| tidy.split_once(w));
    if let Some((who, outlet)) = for_word {
        // "Name for the Guardian": the outlet's article in lower case, as some outlets write it
        let outlet = match outlet.strip_prefix("the ") {
            Some(rest) => format!("The {rest}"),
            None => outlet.to_string(),
        };
        if names::looks_like_person(who) && is_outlet(&outlet) {
            return Some(Piece::PersonFor(who.to_string(), outlet));
        }
        return None;
    }
    if names::looks_like_person(&tidy) || word_surname(&tidy) {
        return Some(Piece::Person(tidy));
    }
    // organisations keep their own case ("NATO", "UNICEF"); only people get name case
    let org = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let org = org.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
    if (is_org(org) && org.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        || org.starts_with('@')
    {
        return Some(Piece::Org(org.to_string()));
    }
    None
}

/// Surnames that are also words the name rules never take into a name, because in prose
/// they follow one ("Omar Said" beside "Omar said"). In a credit piece nothing is said,
/// so a known first name followed by one of them is a person.
const WORD_SURNAMES: &[&str] = &["said", "more", "most"];

/// "Omar Said", "Edward Said": a known first name (and maybe a middle name or initial),
/// then a surname that is also a function word, written as a name.
fn word_surname(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let title_case = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.all(char::is_lowercase)
    };
    // the name with the surname left out must still read as a name's start
    (2..=4).contains(&words.len())
        && title_case(last)
        && WORD_SURNAMES.contains(&last.to_lowercase().as_str())
        && crate::extract::people::is_first_name(first)
        && words[..words.len() - 1]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && !names::is_function_word(w))
        && names::looks_like_person(&format!("{} Name", words[..words.len() - 1].join(" ")))
}

/// What follows "Name for": "The Daily Example", "NPR", "Bloomberg News", an agency;
/// not the rest of a title-case headline ("Up for Renewal Amid Allegations").
fn is_outlet(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    is_org(s)
        && s.split_whitespace().count() <= 6
        && (first == "The"
            || agencies::lookup(s).is_some()
            || names::is_shouted(s)
            || (2..=4).contains(&s.chars().count()) && s.chars().all(char::is_uppercase)
            || s.split_whitespace().any(names::is_org_word))
}

/// Whether a word is one of [`CONNECTORS`], without case: the same as looking its
/// `to_lowercase()` up, without allocating (every connector is ASCII with no "k", and
/// no character outside ASCII lower-cases to ASCII letters other than the Kelvin sign's
/// "k" and the dotted capital I's "i", which keeps its combining dot).
fn is_connector(word: &str) -> bool {
    CONNECTORS.iter().any(|c| word.eq_ignore_ascii_case(c))
}

/// Capitalised words, with connectors between them: "Russian Defense Ministry",
/// "The New York Times", "Ministry of Defence", "NASA", "iStockphoto".
fn is_org(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let starts_upper = words[0].chars().any(char::is_uppercase)
        && (words[0] == "The" || !names::is_function_word(words[0]));
    starts_upper
        && words.iter().all(|w| {
            is_connector(w)
                || (w.chars().any(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || "'’.-&".contains(c))
                    && !w.chars().all(|c| c.is_ascii_digit()))
        })
        && !words.iter().all(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// Photographer, agency and provider from the pieces before and after "via".
fn resolve(before: &[Piece], after: &[Piece], written: String) -> Credit {
    let first_agency = |ps: &[Piece]| {
        ps.iter().find_map(|x| match x {
            Piece::Agency(a) => Some(*a),
            _ => None,
        })
    };
    let first_org = |ps: &[Piece]| {
        ps.iter().find_map(|x| match x {
            Piece::Org(o) | Piece::Handle(o) => Some(o.clone()),
            _ => None,
        })
    };
    let photographer = before.iter().chain(after).find_map(|x| match x {
        Piece::Person(n) | Piece::PersonFor(n, _) => Some(n.clone()),
        _ => None,
    });
    let outlet = before.iter().find_map(|x| match x {
        Piece::PersonFor(_, o) => Some(o.clone()),
        _ => None,
    });
    // "Heinrich Reyes/Instituto Lula": the last of two name-shaped pieces holds the credit
    let persons: Vec<&String> = before
        .iter()
        .filter_map(|x| match x {
            Piece::Person(n) => Some(n),
            _ => None,
        })
        .collect();
    let holder =
        (persons.len() >= 2 && first_org(before).is_none() && first_agency(before).is_none())
            .then(|| persons[persons.len() - 1].clone());
    let first_org = |ps: &[Piece]| first_org(ps).or_else(|| holder.clone());
    let (agency, provider) = match (first_agency(before), first_agency(after)) {
        // "Name/AFP via Getty Images": AFP's picture, distributed by a photo agency
        (Some(b), Some(v)) if v.kind == SourceKind::PhotoAgency => {
            (Some(b.name.to_string()), first_org(before))
        }
        // "Sputnik/Name/Kremlin via REUTERS": handed out through a news agency
        (Some(b), Some(v)) => (Some(v.name.to_string()), Some(b.name.to_string())),
        (None, Some(v)) => (Some(v.name.to_string()), first_org(before)),
        (Some(b), None) => (
            Some(b.name.to_string()),
            first_org(before).or(first_org(after)),
        ),
        // "Jabin Reyes/The Daily Example", "© Fox News": the organisation holds the credit
        (None, None) => (first_org(before).or(first_org(after)).or(outlet), None),
    };
    Credit {
        written,
        photographer,
        agency,
        provider,
        strong: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> Option<(Option<String>, Option<String>, Option<String>)> {
        parse_credit(s, false).map(|c| (c.photographer, c.agency, c.provider))
    }

    fn some(
        ph: Option<&str>,
        ag: Option<&str>,
        pr: Option<&str>,
    ) -> Option<(Option<String>, Option<String>, Option<String>)> {
        Some((ph.map(Into::into), ag.map(Into::into), pr.map(Into::into)))
    }

    #[test]
    fn credit_shapes() {
        let cases = [
            ("© Mira Holt/AP", some(Some("Mira Holt"), Some("AP"), None)),
            (
                "(AP Photo/Dan Reyes, File)",
                some(Some("Dan Reyes"), Some("AP"), None),
            ),
            ("(AP Photo)", some(None, Some("AP"), None)),
            (
                "Photo: Mira Holt, AP",
                some(Some("Mira Holt"), Some("AP"), None),
            ),
            (
                "REUTERS/Dan Reyes/File Photo",
                some(Some("Dan Reyes"), Some("Reuters"), None),
            ),
            (
                "Mira Holt/Getty Images",
                some(Some("Mira Holt"), Some("Getty Images"), None),
            ),
            (
                "Mira Holt/AFP/Getty Images",
                some(Some("Mira Holt"), Some("AFP"), None),
            ),
            (
                "Mira Holt / AFP via Getty Images",
                some(Some("Mira Holt"), Some("AFP"), None),
            ),
            (
                "Ukrainian Navy Press Office/Via Reuters",
                some(None, Some("Reuters"), Some("Ukrainian Navy Press Office")),
            ),
            ("Handout via REUTERS", some(None, Some("Reuters"), None)),
            (
                "(Photo by Dan Reyes/Getty Images)",
                some(Some("Dan Reyes"), Some("Getty Images"), None),
            ),
            (
                "Photograph: Dan Reyes/Reuters",
                some(Some("Dan Reyes"), Some("Reuters"), None),
            ),
            (
                "Dan Reyes for The Daily Example",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            (
                "Credit: Dan Reyes/The Daily Example",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            (
                "Credit...Dan Reyes/The Daily Example",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            (
                "(Dan Reyes/The Daily Example)",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            ("[AFP]", some(None, Some("AFP"), None)),
            (
                "Image source, Getty Images",
                some(None, Some("Getty Images"), None),
            ),
            (
                "ALEXEI NOVAK / AFP",
                some(Some("Alexei Novak"), Some("AFP"), None),
            ),
            (
                "EPA-EFE/DAN REYES",
                some(Some("Dan Reyes"), Some("EPA"), None),
            ),
            (
                "Dan Reyes via Getty Images",
                some(Some("Dan Reyes"), Some("Getty Images"), None),
            ),
            (
                "(Saul Brand/Pool via AP)",
                some(Some("Saul Brand"), Some("AP"), None),
            ),
            (
                "Sputnik/Ivan Sorokin/Kremlin via REUTERS",
                some(Some("Ivan Sorokin"), Some("Reuters"), Some("Sputnik")),
            ),
            (
                "© Russian Defense Ministry",
                some(None, Some("Russian Defense Ministry"), None),
            ),
            (
                "CreditCreditDan Reyes/The Daily Example",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            (
                "Credit Dan Reyes for The Daily Example",
                some(Some("Dan Reyes"), Some("The Daily Example"), None),
            ),
            ("Xinhua/Li Wen", some(Some("Li Wen"), Some("Xinhua"), None)),
            ("Source: NATO", some(None, Some("NATO"), None)),
            (
                "Credit: Dan Reyes/Instituto Lima",
                some(Some("Dan Reyes"), Some("Instituto Lima"), None),
            ),
            ("Video by Dan Reyes", some(Some("Dan Reyes"), None, None)),
            // a surname that is a word the name rules keep out of names
            ("Omar Said/AFP", some(Some("Omar Said"), Some("AFP"), None)),
            (
                "OMAR SAID / AFP / Getty Images",
                some(Some("Omar Said"), Some("AFP"), None),
            ),
            (
                "© Provided by Example Media Inc",
                some(None, Some("Example Media Inc"), None),
            ),
            (
                "AP/Mira Holt/Photo montage by Example",
                some(Some("Mira Holt"), Some("AP"), None),
            ),
            ("AP Photo/Uncredited", some(None, Some("AP"), None)),
        ];
        for (s, want) in cases {
            assert_eq!(parts(s), want, "{s}");
        }
    }

    #[test]
    fn french_bare_photo_credits() {
        for s in [
            "(Photo Lucie Garnier. AFP)",
            "Photo Lucie Garnier. AFP",
            "Photo Lucie Garnier/AFP",
        ] {
            assert_eq!(
                parts(s),
                some(Some("Lucie Garnier"), Some("AFP"), None),
                "{s}"
            );
        }
        assert_eq!(
            parts("Photo J. Lucie Garnier. AFP").unwrap().0.as_deref(),
            Some("J. Lucie Garnier")
        );
        assert_eq!(parts("Photo Booth"), None);
        // rights reserved: the credit names no one
        for s in ["Photo DR", "Photo Droits réservés", "(DR)"] {
            let c = parse_credit(s, s.starts_with('(')).unwrap();
            assert_eq!((c.photographer, c.agency), (None, None), "{s}");
        }
    }

    #[test]
    fn outlets_words_and_first_names_are_no_photographers() {
        let known = |s: &str| parse_credit(s, true).map(|c| (c.photographer, c.agency, c.written));
        // a paper's name in capitals opens with its article
        assert_eq!(
            known("EL HERALDO DEL SUR"),
            Some((
                None,
                Some("EL HERALDO DEL SUR".into()),
                "EL HERALDO DEL SUR".into()
            ))
        );
        // a first name alone and another language's "manufacturer" name no one
        assert_eq!(known("Kevin"), Some((None, None, "Kevin".into())));
        assert_eq!(known("Hersteller"), Some((None, None, "Hersteller".into())));
        assert_eq!(parts("(Bild: Hersteller)"), Some((None, None, None)));
        assert_eq!(parts("Foto: Archivo/EFE"), some(None, Some("EFE"), None));
    }

    #[test]
    fn sentences_are_not_credits() {
        for s in [
            "He said the deal was done",
            "Reuters",
            "Ukraine/Russia",
            "a Reuters/Ipsos poll",
            "Dan Reyes",
            "(Dan Reyes)",
            "and/or",
            "24/7",
            "https://example.com/a/b",
            "He voted for The Greens",
            "Dan Reyes spoke/wrote",
            "Omar said/AFP",
            "He Said/AFP",
        ] {
            assert_eq!(parts(s), None, "{s}");
        }
    }

    #[test]
    fn written_form_drops_markers() {
        let c = parse_credit("© Mira Holt/AP", false).unwrap();
        assert_eq!(c.written, "Mira Holt/AP");
        assert!(c.strong);
        let c = parse_credit("(AP Photo/Dan Reyes)", false).unwrap();
        assert_eq!(c.written, "AP Photo/Dan Reyes");
    }

    #[test]
    fn known_credits_admit_bare_names() {
        let c = parse_credit("Mira Holt", true).unwrap();
        assert_eq!(c.photographer.as_deref(), Some("Mira Holt"));
        let c = parse_credit("Getty", true).unwrap();
        assert_eq!(c.agency.as_deref(), Some("Getty Images"));
    }

    #[test]
    fn pieces_split_on_separators_and_spaced_dashes() {
        let split = |s| split_pieces(s).collect::<Vec<_>>();
        assert_eq!(
            split("Mira Holt / AFP via Getty"),
            ["Mira Holt", "AFP via Getty"]
        );
        assert_eq!(
            split("EPA-EFE | Dan Reyes;; Pool"),
            ["EPA-EFE", "Dan Reyes", "Pool"]
        );
        assert_eq!(split("Ana Ruiz - AP, File"), ["Ana Ruiz", "AP", "File"]);
        assert_eq!(split("Ana Ruiz —AP"), ["Ana Ruiz", "AP"]);
        assert_eq!(split("Ana Ruiz–AP"), ["Ana Ruiz–AP"]);
        assert!(split(" / , ").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse_credit(&s, false);
            let _ = parse_credit(&s, true);
        }

        /// The hand-written splitter cuts where the separator pattern does.
        #[test]
        fn split_matches_the_separator_pattern(s in "[a-zA-Z /|,;—–\\-\t]{0,40}") {
            let re = Regex::new(r"\s*(?:/|\||,|;|—|\s-\s|\s–\s)\s*").unwrap();
            let want: Vec<&str> = re.split(&s).map(str::trim).filter(|x| !x.is_empty()).collect();
            let got: Vec<&str> = split_pieces(&s).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
