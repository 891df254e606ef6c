//! The agency lexicon: one canonical name per news or photo agency, whatever form a
//! credit writes it in ("AP Photo", "The Associated Press", "REUTERS", "Agence
//! France-Presse"), so that reports count one source, not five spellings of it.
//!
//! The names live in `lexicon/agencies.txt` (data, not code). Two lookups: a whole
//! credit piece ([`lookup`]), and a regex fragment for finding wire names inside
//! sentences ([`wire_pattern`]), where short all-capital names such as "AP" and "PA"
//! only match in capitals so that ordinary words never become agencies.

use crate::model::SourceKind;
use std::sync::OnceLock;

const AGENCIES: &str = include_str!("../lexicon/agencies.txt");

/// One agency of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    pub name: &'static str,
    pub kind: SourceKind,
}

struct Entry {
    agency: Agency,
    /// Every written form, the canonical name first.
    names: Vec<&'static str>,
}

fn entries() -> &'static [Entry] {
    static E: OnceLock<Vec<Entry>> = OnceLock::new();
    E.get_or_init(|| {
        super::super::lexicon::entries(AGENCIES)
            .filter_map(|line| {
                let mut parts = line.split('|').map(str::trim);
                let name = parts.next().filter(|n| !n.is_empty())?;
                let kind = match parts.next()? {
                    "photo_agency" => SourceKind::PhotoAgency,
                    "wire" => SourceKind::Wire,
                    _ => SourceKind::Other,
                };
                let mut names = vec![name];
                if let Some(aliases) = parts.next() {
                    names.extend(aliases.split(',').map(str::trim).filter(|a| !a.is_empty()));
                }
                Some(Entry {
                    agency: Agency { name, kind },
                    names,
                })
            })
            .collect()
    })
}

/// What [`fold`] makes of each ASCII byte: the lower-cased byte for a letter, a digit
/// or '&'; a space for a separator ('-', '/', '_', white space); 0 for punctuation,
/// which is dropped.
const FOLDED_ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        table[i] = if b.is_ascii_alphanumeric() || b == b'&' {
            b.to_ascii_lowercase()
        } else if matches!(
            b,
            b'-' | b'/' | b'_' | b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'
        ) {
            b' '
        } else {
            0
        };
        i += 1;
    }
    table
};

/// Lower case, hyphens and slashes as spaces, other punctuation gone, no leading "the".
pub fn fold(s: &str) -> String {
    // one pass over bytes: runs of space collapsed; ASCII bytes (most of any text) are
    // read from a table, and only the other characters are decoded and lower-cased
    // with Unicode's tables
    let bytes = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(s.len());
    let mut space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if let Some(&m) = FOLDED_ASCII.get(usize::from(b)) {
            i += 1;
            fold_ascii_byte(m, out.len(), &mut space, |b| out.push(b));
            continue;
        }
        // `i` is at a character's first byte: every step passes whole characters
        let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        for l in c.to_lowercase() {
            if matches!(l, '-' | '/' | '_') || l.is_whitespace() {
                space = !out.is_empty();
            } else if l.is_alphanumeric() {
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.extend_from_slice(l.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }
    // "the " is 4 bytes: drop it in place rather than copying the rest
    if out.starts_with(b"the ") {
        out.drain(..4);
    }
    // only whole characters were pushed
    String::from_utf8(out).unwrap_or_default()
}

/// [`fold`] of an ASCII text of at most `N` bytes, written into `buf` rather than a new
/// string (captions fold a window of every paragraph, and most are ASCII); `None` for
/// other text.
pub fn fold_ascii<'b, const N: usize>(text: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    if text.len() > N || !text.is_ascii() {
        return None;
    }
    let mut n = 0;
    let mut space = false;
    for &b in text.as_bytes() {
        fold_ascii_byte(FOLDED_ASCII[usize::from(b)], n, &mut space, |b| {
            buf[n] = b;
            n += 1;
        });
    }
    let folded = &buf[..n];
    let folded = folded.strip_prefix(b"the ").unwrap_or(folded);
    std::str::from_utf8(folded).ok()
}

/// One ASCII byte of a fold, as [`FOLDED_ASCII`] maps it (`m`), after `len` bytes of
/// output: a separator is remembered and written as one space before the next kept
/// byte, never at the start.
#[inline]
fn fold_ascii_byte(m: u8, len: usize, space: &mut bool, mut push: impl FnMut(u8)) {
    if m > b' ' {
        if *space {
            push(b' ');
            *space = false;
        }
        push(m);
    } else if m == b' ' {
        *space = len > 0;
    }
}

/// Words that decorate an agency name in credits without changing the agency.
const DECORATION: &[&str] = &[
    "photo",
    "photos",
    "pictures",
    "picture",
    "images",
    "image",
    "file",
    "handout",
    "pool",
    "tv",
    "video",
    "wire",
    "via",
    "photographer",
    "staff",
    "sport",
    "sports",
    "news",
];

/// The agency a whole credit piece names ("AP Photo" -> AP, "REUTERS" -> Reuters).
pub fn lookup(piece: &str) -> Option<Agency> {
    if short_lower(piece) {
        return None;
    }
    lookup_unchecked(&fold(piece))
}

/// [`lookup`] for a caller that already holds `fold(piece)`.
pub fn lookup_folded(piece: &str, folded: &str) -> Option<Agency> {
    if short_lower(piece) {
        return None;
    }
    lookup_unchecked(folded)
}

/// "PA", "AP", "AA" are agencies; "Pa." (Pennsylvania) and "ap" are not: one or two
/// letters with a lower-case one among them name no agency.
fn short_lower(piece: &str) -> bool {
    let (mut letters, mut lower) = (0, false);
    for c in piece.chars().filter(|c| c.is_alphabetic()).take(3) {
        letters += 1;
        lower |= c.is_lowercase();
    }
    (1..=2).contains(&letters) && lower
}

/// [`lookup`] of a folded piece, past the short lower-case test.
fn lookup_unchecked(folded: &str) -> Option<Agency> {
    if folded.is_empty() || folded.len() > 60 {
        return None;
    }
    if let Some(a) = exact(folded) {
        return Some(a);
    }
    // "Reuters Pictures", "AFP PHOTO FILES", "File Photo Reuters"
    let core = without_decoration(folded);
    if core.is_empty() || core == folded {
        return None;
    }
    exact(core)
}

/// A folded piece without the decoration words at its ends ("reuters pictures" ->
/// "reuters"); empty when every word is one. Folded text has single spaces between
/// words and none at its ends, so what is left is one slice of it.
fn without_decoration(folded: &str) -> &str {
    let mut core = folded;
    while let Some(w) = core.split(' ').next().filter(|w| DECORATION.contains(w)) {
        core = core[w.len()..].strip_prefix(' ').unwrap_or("");
    }
    while let Some(w) = core.rsplit(' ').next().filter(|w| DECORATION.contains(w)) {
        core = core[..core.len() - w.len()].strip_suffix(' ').unwrap_or("");
    }
    core
}

fn exact(folded: &str) -> Option<Agency> {
    // every written form, folded once: lookups run on every credit-like piece of text
    static BY_FOLDED: OnceLock<crate::extract::lexicon::WordMap<String, Agency>> = OnceLock::new();
    let map = BY_FOLDED.get_or_init(|| {
        let mut map = crate::extract::lexicon::WordMap::default();
        for e in entries() {
            for n in e.names.iter() {
                map.entry(fold(n)).or_insert(e.agency);
            }
        }
        map
    });
    map.get(folded).copied()
}

/// The agency with this canonical name.
/// Whether any agency's name appears as whole words in `folded` (text passed through
/// [`fold`]): a cheap test that must pass before [`lookup`] can find one in its pieces.
pub fn any_named_in(folded: &str) -> bool {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        let mut names: Vec<String> = entries()
            .iter()
            .flat_map(|e| e.names.iter().map(|n| fold(n)))
            .filter(|n| !n.is_empty())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        let alternation: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
        // folded text holds only letters, digits, '&' and single spaces, so a name is a
        // whole word where space, '&' or an end stands beside it; unlike `\b`, this lets
        // the DFA run over letters outside ASCII instead of falling back to slower engines
        regex::Regex::new(&format!(
            r"(?:^|[ &])(?:{})(?:$|[ &])",
            alternation.join("|")
        ))
        .expect("agency names regex")
    });
    re.is_match(folded)
}

/// Every written form of a wire agency, for tests of the patterns made of them.
#[cfg(test)]
pub fn wire_names() -> impl Iterator<Item = &'static str> {
    entries()
        .iter()
        .filter(|e| e.agency.kind == SourceKind::Wire)
        .flat_map(|e| e.names.iter().copied())
}

pub fn by_name(name: &str) -> Option<Agency> {
    entries()
        .iter()
        .find(|e| e.agency.name == name)
        .map(|e| e.agency)
}

/// Regex fragment (no groups) matching any written form of a wire agency inside prose.
/// Names of up to three letters that are written in capitals match only in capitals.
pub fn wire_pattern() -> &'static str {
    static P: OnceLock<String> = OnceLock::new();
    P.get_or_init(|| wire_alternation(false))
}

/// [`wire_pattern`] for text that is all ASCII, with ASCII classes and ASCII case
/// folding: on ASCII text it matches exactly what [`wire_pattern`] matches (White_Space
/// in ASCII is `[\t\n\x0B\x0C\r ]`, a name with a letter outside ASCII cannot match,
/// and no ASCII letter folds to another ASCII letter but its other case), and compiles
/// to an automaton without the Unicode tables.
pub fn wire_pattern_ascii() -> &'static str {
    static P: OnceLock<String> = OnceLock::new();
    P.get_or_init(|| wire_alternation(true))
}

/// [`wire_pattern`] for asking only whether a text names a wire somewhere (`is_match`),
/// written as a trie: forms that open alike share their states ("Agence France-Presse",
/// "Agence France Presse", "Agencia EFE"), and a form that opens another stands for
/// both ("Reuter" for "Reuters" and "Reuters TV": a text holding the longer holds the
/// shorter where it starts). It matches somewhere in a text exactly when
/// [`wire_pattern`] does. Each thread's lazy DFA builds the states it meets: those of
/// the flat alternation hold every form that has read as far, and cost about three
/// times as much to build.
pub fn wire_screen_pattern() -> String {
    let mut root = Trie::default();
    for e in entries()
        .iter()
        .filter(|e| e.agency.kind == SourceKind::Wire)
    {
        for n in &e.names {
            root.insert(&trie_atoms(n));
        }
    }
    let mut out = String::new();
    root.write(&mut out);
    out
}

/// One step of a written form in [`wire_screen_pattern`]: what [`wire_alternation`]
/// makes of one of its characters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Atom {
    /// a letter of a short name in capitals, matched as written
    Exact(char),
    /// any other character, matched without case; ASCII letters in lower case (`(?i:a)`
    /// and `(?i:A)` are one class)
    Fold(char),
    /// a space: `\s+`
    Space,
    /// a hyphen: `[-\s]`
    Dash,
}

impl Atom {
    fn write(self, out: &mut String) {
        match self {
            Atom::Exact(c) => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            Atom::Fold(c) => {
                out.push_str("(?i:");
                out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4])));
                out.push(')');
            }
            Atom::Space => out.push_str(r"\s+"),
            Atom::Dash => out.push_str(r"[-\s]"),
        }
    }
}

/// The atoms of a written form, as [`wire_alternation`] writes it for any text.
fn trie_atoms(name: &str) -> Vec<Atom> {
    let short_caps = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    name.chars()
        .map(|c| match c {
            ' ' => Atom::Space,
            '-' => Atom::Dash,
            c if short_caps => Atom::Exact(c),
            c => Atom::Fold(c.to_ascii_lowercase()),
        })
        .collect()
}

/// The written forms as a trie of [`Atom`]s; a node where a form ends keeps no
/// children (a match of a longer form holds a match of that one).
#[derive(Default)]
struct Trie {
    children: Vec<(Atom, Trie)>,
    end: bool,
}

impl Trie {
    fn insert(&mut self, atoms: &[Atom]) {
        let mut node = self;
        for &a in atoms {
            if node.end {
                return;
            }
            let k = match node.children.iter().position(|(b, _)| *b == a) {
                Some(k) => k,
                None => {
                    node.children.push((a, Trie::default()));
                    node.children.len() - 1
                }
            };
            node = &mut node.children[k].1;
        }
        node.end = true;
        node.children.clear();
    }

    /// The pattern of what follows this node, as one group.
    fn write(&self, out: &mut String) {
        out.push_str("(?:");
        for (k, (atom, child)) in self.children.iter().enumerate() {
            if k > 0 {
                out.push('|');
            }
            atom.write(out);
            if !child.end {
                child.write(out);
            }
        }
        out.push(')');
    }
}

fn wire_alternation(ascii: bool) -> String {
    let mut names: Vec<&str> = entries()
        .iter()
        .filter(|e| e.agency.kind == SourceKind::Wire)
        .flat_map(|e| e.names.iter().copied())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    // (dropping a name that can never match keeps the others' order of preference)
    names.retain(|n| !ascii || n.is_ascii());
    // white space as a class, and as the members of a bracketed class
    let (space, in_brackets, ci) = if ascii {
        (super::ascii::SPACE, super::ascii::SPACE_IN_BRACKETS, "i-u")
    } else {
        (r"\s", r"\s", "i")
    };
    names
        .iter()
        .map(|n| {
            let escaped = regex::escape(n)
                .replace(' ', &format!("{space}+"))
                .replace(r"\-", &format!("[-{in_brackets}]"));
            let short_caps = n.len() <= 3 && n.chars().all(|c| c.is_ascii_uppercase());
            if short_caps {
                escaped
            } else {
                format!("(?{ci}:{escaped})")
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_forms_fold_to_one_agency() {
        for (written, want) in [
            ("AP Photo", "AP"),
            ("The Associated Press", "AP"),
            ("REUTERS", "Reuters"),
            ("Reuter", "Reuters"),
            ("Agence France-Presse", "AFP"),
            ("AFP PHOTO", "AFP"),
            ("Getty Images", "Getty Images"),
            ("EPA-EFE", "EPA"),
            ("Reuters Pictures", "Reuters"),
            ("Agencia EFE", "EFE"),
        ] {
            assert_eq!(lookup(written).map(|a| a.name), Some(want), "{written}");
        }
        assert_eq!(
            lookup("Getty Images").map(|a| a.kind),
            Some(SourceKind::PhotoAgency)
        );
        assert_eq!(lookup("AP").map(|a| a.kind), Some(SourceKind::Wire));
        for not in [
            "Photo",
            "Ministry of Defence",
            "Alexei Ivanov",
            "",
            "the",
            "Pa.",
            "ap",
        ] {
            assert_eq!(lookup(not), None, "{not}");
        }
    }

    #[test]
    fn wire_pattern_matches_in_prose() {
        let re = regex::Regex::new(&format!(r"\b(?:{})\b", wire_pattern())).unwrap();
        assert!(re.is_match("With EFE and Reuters"));
        assert!(re.is_match("Agence France Presse"));
        assert!(re.is_match("the AP said"));
        assert!(!re.is_match("an ap of"));
    }

    proptest::proptest! {
        /// The one-pass fold equals the obvious lower / map / split / join definition.
        #[test]
        fn fold_is_lowercase_words_without_punctuation(s in "[a-zA-ZÉé0-9 ./_&'-]{0,30}|\\PC{0,30}") {
            let lowered: String = s
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| match c {
                    '-' | '/' | '_' => ' ',
                    c if c.is_alphanumeric() || c == '&' || c.is_whitespace() => c,
                    _ => '\u{0}',
                })
                .filter(|&c| c != '\u{0}')
                .collect();
            let words: Vec<&str> = lowered.split_whitespace().collect();
            let skip = usize::from(words.len() > 1 && words[0] == "the");
            proptest::prop_assert_eq!(fold(&s), words[skip..].join(" "));
        }
    }
}
