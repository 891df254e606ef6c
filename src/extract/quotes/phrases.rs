//! Speaker phrases: the few words that name who spoke.
//!
//! A speaker is written as a name with titles before it ("NATO Secretary General Jens
//! Stoltenberg"), with an appositive after it ("Grassley, Republican of Iowa,"), as a
//! role or thing ("a spokesman", "the statement"), or as a pronoun. These parsers read such
//! a phrase at a known edge (just before a speech verb, just after one) and split it into
//! the name, the role and what kind of speaker it is; they never look further than the
//! words around one quote.

use super::tokens::{Kind, Token};
use super::words::{lex, words, Gender, PronounInfo};
use crate::extract::lexicon;

/// Name particles that stay inside names: "Ursula von der Leyen", "Bashar al-Assad".
pub(super) const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "al", "el", "bin", "ibn", "da", "di", "du", "la", "le",
    "del", "della", "dos", "das", "ter", "y",
];

/// Words that open a noun phrase naming an unnamed speaker or a thing.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "this", "that",
    "these", "those", "some", "several", "many", "two", "three", "four", "five", "both", "all",
    "most", "other", "each", "no",
];

/// Words a speaker noun phrase never contains: a clause has started.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "who", "which", "that", "is", "was", "were", "are", "be", "been", "has", "had", "have", "will",
    "would", "and", "but", "or", "if", "when", "while", "because", "it", "he", "she", "they", "we",
    "i", "you", "not", "to", "as", "than", "said", "says", "told",
];

/// What a speaker phrase names.
#[derive(Debug, Clone, PartialEq)]
pub enum PhraseKind {
    /// A person's name (possibly only a surname).
    Name,
    Pronoun(PronounInfo),
    /// An unnamed role or a thing ("a spokesman", "the statement", "the head of diplomacy"),
    /// with its lower-case words without the determiner.
    Role(String),
    /// A proper name that is not a person (an organisation, a country, a medium).
    Thing,
}

/// A parsed speaker phrase over a token range of one block.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub kind: PhraseKind,
    pub name: Option<String>,
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// The name came with a title or first name: evidence of a person.
    pub evidence: bool,
    /// Determiner before a proper name ("the White House"): not a person.
    pub definite: bool,
}

/// One block's characters and tokens, read by the phrase parsers.
pub struct Text<'a> {
    pub chars: &'a [char],
    pub toks: &'a [Token<'a>],
}

impl<'a> Text<'a> {
    pub fn new(chars: &'a [char], toks: &'a [Token<'a>]) -> Self {
        Text { chars, toks }
    }

    /// The text of tokens `s..e` as written.
    pub fn slice(&self, s: usize, e: usize) -> String {
        if s >= e || e > self.toks.len() {
            return String::new();
        }
        let (a, z) = (self.toks[s].start, self.toks[e - 1].end);
        self.chars
            .get(a..z)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }

    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.toks.get(i)
    }

    fn key(&self, i: usize) -> &str {
        self.tok(i).map_or("", |t| t.key())
    }

    /// Whether the word at `i` is on the list of [`lex`] bit `bit` (false past the end).
    fn has(&self, i: usize, bit: u16) -> bool {
        self.tok(i).is_some_and(|t| t.lex() & bit != 0)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(Token::is_word)
    }

    fn is_cap(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_word() && t.cap)
    }

    pub fn is_title(&self, i: usize) -> bool {
        self.is_word(i) && self.has(i, lex::TITLE)
    }

    pub fn is_role(&self, i: usize) -> bool {
        self.is_word(i) && self.has(i, lex::ROLE)
    }

    pub fn is_pronoun(&self, i: usize) -> Option<PronounInfo> {
        if !self.is_word(i) || !self.has(i, lex::PRONOUN) {
            return None;
        }
        words().pronouns.get(self.key(i)).copied()
    }

    fn is_determiner(&self, i: usize) -> bool {
        self.is_word(i) && self.has(i, lex::DETERMINER)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// A word that may stand in a run of name and title words.
    fn run_word(&self, i: usize) -> bool {
        self.is_cap(i)
            || (self.is_word(i)
                && (self.is_title(i) || self.is_role(i))
                && self.is_pronoun(i).is_none())
    }

    /// A name particle or "of" joining two parts of a run ("Secretary of State"), or the
    /// first of two particles ("Ursula von der Leyen").
    fn joiner(&self, i: usize, prev: usize, next: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        let k = self.key(i);
        let particle = |j: usize| self.is_word(j) && self.has(j, lex::PARTICLE);
        if self.is_cap(next) {
            self.has(i, lex::PARTICLE) || (k == "of" && self.is_title(prev))
        } else {
            self.has(i, lex::PARTICLE) && particle(next) && self.is_cap(next + 1)
        }
    }

    /// Where the capitalised part of a surname written with its particles starts, when
    /// one starts at `s` (before `e`): "van Berg", "von der Leyen". Particles that are
    /// articles too ("la", "le", "el", "al", "du", "y") open no name.
    fn particles_open_name(&self, s: usize, e: usize) -> Option<usize> {
        const ARTICLES: &[&str] = &["la", "le", "el", "al", "du", "y"];
        let mut j = s;
        while j < e && self.is_word(j) && !self.is_cap(j) {
            let k = self.key(j);
            if !self.has(j, lex::PARTICLE) || ARTICLES.contains(&k) || j - s >= 2 {
                return None;
            }
            j += 1;
        }
        (j > s && j < e && self.is_cap(j)).then_some(j)
    }

    /// End of the run of name and title words starting at `i`, not beyond `hi`.
    pub fn run_forward(&self, i: usize, hi: usize) -> usize {
        let mut j = i;
        if !self.is_cap(i) {
            j = self.particles_open_name(i, hi).unwrap_or(i);
        }
        while j < hi {
            if self.run_word(j) || (j > i && j + 1 < hi && self.joiner(j, j - 1, j + 1)) {
                j += 1;
            } else if j > i && self.is_punct(j, '(') {
                // a party and state ends the name: "(D-S.C.)"
                if let Some(z) = self.paren_end(j, hi) {
                    j = z;
                }
                break;
            } else {
                break;
            }
        }
        j
    }

    /// Start of the run of name and title words ending just before `end`, not before `lo`.
    pub fn run_backward(&self, lo: usize, end: usize) -> usize {
        let mut j = end;
        while j > lo {
            let i = j - 1;
            if self.run_word(i) || (i > lo && j < end && self.joiner(i, i - 1, j)) {
                j = i;
            } else if self.is_punct(i, ')') {
                match (lo..i).rev().take(8).find(|&k| self.is_punct(k, '(')) {
                    Some(k) if k > lo => j = k,
                    _ => break,
                }
            } else {
                break;
            }
        }
        j
    }

    /// A parenthesis holding a party and state, "(D-S.C.)", "(R-Texas)": its end.
    fn paren_end(&self, open: usize, hi: usize) -> Option<usize> {
        // "(D-S.C.)", "(R-Texas)", "(Maine)", "(N.Y.)": party or state, capitalised, short
        let close = (open + 1..hi.min(open + 6)).find(|&k| self.is_punct(k, ')'))?;
        let inner_ok = close > open + 1
            && self.is_cap(open + 1)
            && (open + 1..close).all(|k| {
                self.is_cap(k)
                    || matches!(
                        self.tok(k).map(|t| t.kind),
                        Some(Kind::Punct('-' | ',' | '.'))
                    )
            });
        inner_ok.then_some(close + 1)
    }

    /// Split a run into its title/role prefix and the name after the last title word.
    fn split_run(&self, s: usize, e: usize) -> (usize, Option<Gender>, bool) {
        let mut k = s;
        let mut gender = None;
        let mut titled = false;
        for i in s..e {
            if !self.is_word(i) {
                continue;
            }
            // "MS Dhoni": initials, not the honorific "Ms" (asked only of a title word)
            let initials = || {
                self.tok(i)
                    .and_then(|t| self.chars.get(t.start..t.end))
                    .is_some_and(|w| w.len() == 2 && w.iter().all(char::is_ascii_uppercase))
                    && self.initials_of_name(i)
            };
            let is_titleish = (self.is_title(i) && !initials())
                || self.is_role(i)
                || self.tok(i).is_some_and(|t| t.possessive)
                || (i + 1 < e
                    && self.tok(i).is_some_and(|t| t.acronym(self.chars))
                    && !self.initials_of_name(i));
            if is_titleish && i + 1 < e {
                k = i + 1;
                titled = true;
                if let Some(info) = words().titles.get(self.key(i)) {
                    gender = gender.or(info.gender);
                }
            }
        }
        (k, gender, titled)
    }

    /// Whether the capitals at `i` are a person's initials ("J.K. Rowling", "A.J. Brown",
    /// "JD Vance"), not a place's or body's ("U.S. Senator", "U.N. envoy", "US Army"):
    /// single letters with dots, not a known abbreviation, or two undotted capitals that
    /// are no known acronym, before a capitalised word that is no title.
    fn initials_of_name(&self, i: usize) -> bool {
        /// Dotted abbreviations that head roles, not names.
        const PLACES: &[&str] = &[
            "u.s", "u.s.a", "u.k", "u.n", "e.u", "u.a.e", "d.c", "n.y", "n.j", "s.f", "l.a", "h.k",
            "n.z", "s.a", "l.p",
        ];
        let Some(t) = self.tok(i) else { return false };
        let span = self.chars.get(t.start..t.end).unwrap_or_default();
        // the shapes first: most words are neither, and the lexicon tests below cost more
        let dotted = dotted_letters(span) && !PLACES.contains(&t.key());
        // "JD Vance", "KP Sharma Oli": two capitals that are no known acronym; the people
        // filter asks the article for evidence of a person before keeping the name
        let two_capitals = span.len() == 2 && span.iter().all(char::is_ascii_uppercase);
        if !(dotted || two_capitals) {
            return false;
        }
        let undotted = || {
            let word: String = span.iter().collect();
            // (not before a plural title, "EC Commissioners", nor a word of a firm, "AM
            // International")
            let next = self.key(i + 1);
            let firm = crate::extract::sources::names::is_org_word(next)
                || crate::extract::people::is_company_word(next);
            let plural_title = next
                .strip_suffix('s')
                .is_some_and(|x| words().titles.contains_key(x) || words().roles.contains(x));
            lexicon::is_undotted_initials(&word)
                && !plural_title
                && !firm
                && self
                    .tok(i + 1)
                    .and_then(|n| self.chars.get(n.start..n.end))
                    .is_some_and(|n| n.iter().skip(1).any(|c| c.is_lowercase()))
        };
        (dotted || undotted())
            && self.is_cap(i + 1)
            && self.tok(i + 1).is_some_and(|t| !t.acronym(self.chars))
            && !self.is_title(i + 1)
            && !self.is_role(i + 1)
    }

    /// Whether tokens `s..e` can be a person's name.
    fn valid_name(&self, s: usize, e: usize) -> bool {
        let w = words();
        if s >= e || e - s > 6 {
            return false;
        }
        let mut long = false;
        for i in s..e {
            let Some(t) = self.tok(i) else { return false };
            match t.kind {
                Kind::Punct('(' | ')' | '-' | ',' | '.') => continue,
                Kind::Word => {}
                _ => return false,
            }
            // a place or organisation word heads a thing ("Barents Sea", "White House");
            // before the head it may be a name ("Bay Buchanan", "Park Chung-hee")
            let head = i + 1 == e || (i + 2 == e && self.is_punct(e - 1, ')'));
            // (the list is asked only of the head or a date word)
            let listed = || t.lex() & lex::NOT_PEOPLE != 0;
            // "I'm", "He's": a pronoun with a verb, no name (most words have no apostrophe)
            let contraction = t.key().bytes().any(|b| b == b'\'')
                && t.key()
                    .split('\'')
                    .next()
                    .is_some_and(|p| p != t.key() && w.pronouns.contains_key(p));
            if ((head || self.is_weekday(i) || self.is_month(i)) && listed())
                || t.lex() & lex::PRONOUN != 0
                || contraction
            {
                return false;
            }
            if !t.cap && t.lex() & lex::PARTICLE == 0 && t.key() != "of" {
                // lower case words only inside parentheses
                if !(s..i).any(|k| self.is_punct(k, '(')) {
                    return false;
                }
            }
            if t.key().chars().count() >= 2 && !t.acronym(self.chars) {
                long = true;
            }
        }
        long && !self.has(s, lex::FUNCTION)
            && !lexicon::opens_other_noun_phrase(self.key(s))
            && !self.has(e - 1, lex::TITLE)
    }

    /// The name part of a run with trailing parentheses removed.
    fn name_text(&self, s: usize, e: usize) -> String {
        let mut z = e;
        if let Some(p) = (s..e).find(|&k| self.is_punct(k, '(')) {
            z = p;
        }
        let mut name = self.slice(s, z);
        for suffix in ["’s", "'s"] {
            if let Some(stripped) = name.strip_suffix(suffix) {
                name = stripped.to_string();
            }
        }
        name
    }

    /// "Moon Jae-in": a family name and a hyphenated given name at `k`.
    fn family_first(&self, k: usize) -> bool {
        let text = |i: usize| {
            self.tok(i)
                .and_then(|t| self.chars.get(t.start..t.end))
                .map(|cs| cs.iter().collect::<String>())
                .unwrap_or_default()
        };
        // (the given name is hyphenated: most pairs are ruled out before any lookup)
        let hyphenated = self
            .tok(k + 1)
            .and_then(|t| self.chars.get(t.start..t.end))
            .is_some_and(|w| w.contains(&'-'));
        hyphenated && lexicon::is_family_first_name(&text(k), &text(k + 1))
    }

    /// "Nguyen Van Binh": a Vietnamese family name and two syllables at `k`.
    fn vietnamese(&self, k: usize) -> bool {
        let text = |i: usize| {
            self.tok(i)
                .and_then(|t| self.chars.get(t.start..t.end))
                .map(|cs| cs.iter().collect::<String>())
                .unwrap_or_default()
        };
        // (each word one capitalised syllable, as the lexicon requires, before its accent
        // folding is paid for)
        let syllable = |i: usize| {
            self.tok(i)
                .and_then(|t| self.chars.get(t.start..t.end))
                .is_some_and(|w| {
                    (2..=6).contains(&w.len())
                        && w[0].is_uppercase()
                        && w[1..].iter().all(|c| c.is_lowercase())
                })
        };
        if !(k..k + 3).all(syllable) {
            return false;
        }
        let words = [text(k), text(k + 1), text(k + 2)];
        lexicon::is_vietnamese_name(&words.each_ref().map(String::as_str))
    }

    /// The gender a first name tells.
    pub fn first_name_gender(&self, i: usize) -> Option<Option<Gender>> {
        let names = &words().first_names;
        let key = self.key(i);
        names.get(key).copied().or_else(|| {
            crate::extract::lexicon::without_accents(key)
                .and_then(|k| names.get(k.as_str()).copied())
        })
    }

    /// Parse tokens `s..e` as a whole speaker phrase.
    pub fn parse_exact(&self, mut s: usize, mut e: usize) -> Option<Phrase> {
        // trim edges: punctuation, "as", fillers after the phrase
        while s < e && (!self.is_word(s) || self.key(s) == "as") {
            if self.is_punct(s, '(') {
                break;
            }
            s += 1;
        }
        while e > s
            && (!self.is_word(e - 1) && !self.is_punct(e - 1, ')')
                || self.has(e - 1, lex::FILLER) && e - 1 > s)
        {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        if e - s == 1 {
            if let Some(info) = self.is_pronoun(s) {
                return Some(Phrase {
                    start: s,
                    end: e,
                    kind: PhraseKind::Pronoun(info),
                    name: None,
                    role: None,
                    gender: info.gender,
                    evidence: false,
                    definite: false,
                });
            }
        }
        // "Die", "Une": a function word alone, in English or another news language (not
        // one that is a surname too: "Lo said")
        // (asked at most once of the first word)
        let other = std::cell::OnceCell::new();
        let opens_other = || *other.get_or_init(|| lexicon::opens_other_noun_phrase(self.key(s)));
        if e - s == 1 && (self.has(s, lex::FUNCTION) || opens_other()) {
            return None;
        }
        if self.is_determiner(s)
            || !self.is_cap(s) && self.particles_open_name(s, e).is_none()
            || self.has(s, lex::FUNCTION) && !self.is_title(s)
            || opens_other()
        {
            return self.parse_noun_phrase(s, e);
        }
        let z = self.run_forward(s, e);
        if z != e {
            // a possessive proper name opening a role: "Russia’s deputy foreign minister"
            return self.parse_noun_phrase(s, e);
        }
        Some(self.classify_run(s, e, false))
    }

    /// A run of name and title words: a titled name, a bare name, a title or a thing.
    fn classify_run(&self, s: usize, e: usize, definite: bool) -> Phrase {
        let (k, title_gender, titled) = self.split_run(s, e);
        let mut phrase = Phrase {
            start: s,
            end: e,
            kind: PhraseKind::Thing,
            name: None,
            role: None,
            gender: title_gender,
            evidence: titled,
            definite,
        };
        if titled {
            let role = self.slice(s, k);
            let honorific_only =
                (s..k).all(|i| words().titles.get(self.key(i)).is_some_and(|t| t.honorific));
            if !honorific_only {
                phrase.role = Some(role);
            }
        }
        if self.valid_name(k, e) && !definite {
            phrase.kind = PhraseKind::Name;
            phrase.name = Some(self.name_text(k, e));
            if let Some(g) = self.first_name_gender(k) {
                phrase.evidence = true;
                phrase.gender = phrase.gender.or(g);
            } else if e == k + 2 && self.family_first(k) || e == k + 3 && self.vietnamese(k) {
                phrase.evidence = true;
            }
        } else if (s..e).all(|i| {
            self.is_title(i)
                || self.is_role(i)
                || self.is_determiner(i)
                || !self.is_cap(i)
                || self
                    .tok(i)
                    .is_some_and(|t| t.acronym(self.chars) || t.possessive)
                || self.key(i) == "of"
        }) {
            phrase.kind = PhraseKind::Role(self.role_key(s, e));
        }
        phrase
    }

    /// Lower-case words of a role phrase without determiners or proper adjectives:
    /// "the head of US diplomacy" → "head of diplomacy".
    pub fn role_key(&self, s: usize, e: usize) -> String {
        (s..e)
            .filter(|&i| self.is_word(i) && !self.is_determiner(i))
            .filter(|&i| {
                let proper = self
                    .tok(i)
                    .is_some_and(|t| t.acronym(self.chars) || t.possessive)
                    || (self.is_cap(i) && !self.is_title(i) && !self.is_role(i));
                !proper
            })
            .map(|i| self.key(i).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A noun phrase: "a spokesman for the agency", "the White House spokesman Josh Earnest".
    fn parse_noun_phrase(&self, s: usize, e: usize) -> Option<Phrase> {
        if e - s > 12 {
            return None;
        }
        // a verb form after "of" is a noun: "the secretary of state"
        let verb_head = self.has(e - 1, lex::VERB) && !(e - s >= 2 && self.key(e - 2) == "of");
        if (self.has(e - 1, lex::FUNCTION) || self.has(e - 1, lex::FILLER) || verb_head)
            && !self.is_role(e - 1)
            && !self.is_cap(e - 1)
        {
            return None;
        }
        if matches!(self.key(s), "that" | "this" | "these" | "those") {
            return None;
        }
        for i in s..e {
            let ok = self.is_word(i) || self.is_punct(i, '-');
            if !ok
                || (i > s && self.has(i, lex::CLAUSE))
                || (i == s && self.has(i, lex::CLAUSE) && !self.is_determiner(i))
            {
                return None;
            }
        }
        // a trailing proper name: "the White House spokesman Josh Earnest"
        let r = self.run_backward(s, e);
        if r < e {
            let (k, _, _) = self.split_run(r, e);
            if k > r || (r > s && (self.is_title(r - 1) || self.is_role(r - 1))) {
                let k = k.max(r);
                let definite = k == r && self.is_determiner(r.saturating_sub(1)) && r > s;
                if self.valid_name(k, e) && !definite {
                    let mut p = self.classify_run(k, e, false);
                    p.start = s;
                    p.role = Some(self.slice(if self.is_determiner(s) { s + 1 } else { s }, k))
                        .filter(|r| !r.is_empty());
                    p.evidence = true;
                    return Some(p);
                }
            }
        }
        let key = self.role_key(s, e);
        if key.is_empty() {
            // only proper words after a determiner: "the White House", "the Kremlin"
            return Some(Phrase {
                start: s,
                end: e,
                kind: PhraseKind::Thing,
                name: None,
                role: None,
                gender: None,
                evidence: false,
                definite: true,
            });
        }
        Some(Phrase {
            start: s,
            end: e,
            kind: PhraseKind::Role(key),
            name: None,
            role: None,
            gender: None,
            evidence: false,
            definite: self.key(s) == "the",
        })
    }

    /// The speaker phrase ending just before `end` (a speech verb), not before `lo`.
    pub fn parse_backward(&self, lo: usize, end: usize) -> Option<Phrase> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if self.is_pronoun(last).is_some() {
            return self.parse_exact(last, end);
        }
        if !self.is_word(last) && !self.is_punct(last, ')') {
            return None;
        }
        let mut s = if self.run_word(last) || self.is_punct(last, ')') {
            self.run_backward(lo, end)
        } else {
            end
        };
        // drop sentence-initial function words and dates caught in the run: "But Trump
        // said", "On Monday Trump said"
        while s < end
            && self.is_cap(s)
            && (self.has(s, lex::FUNCTION) || self.is_weekday(s) || self.is_month(s))
            && !self.is_title(s)
        {
            s += 1;
        }
        if s < end && s == self.run_backward(lo, end).max(s) && s > lo {
            // extend over lower-case words of a noun phrase up to a determiner
            let mut j = s;
            let mut n = 0;
            while j > lo && n < 6 {
                let i = j - 1;
                // ", with Ruiz noting": a preposition opening the clause is no part of
                // the name's noun phrase ("a professor at Leeds" is)
                let preposition = self.has(i, lex::FUNCTION)
                    && !self.is_determiner(i)
                    && (i == lo || !self.is_word(i - 1));
                if !self.is_word(i)
                    || self.has(i, lex::CLAUSE)
                    || self.has(i, lex::VERB)
                    || preposition
                {
                    break;
                }
                if self.is_determiner(i) {
                    j = i;
                    break;
                }
                j = i;
                n += 1;
            }
            // only a whole noun phrase: "one Trump campaign source", not "wonder Trump"
            if j < s
                && (self.is_determiner(j) || j == lo || !self.is_word(j - 1))
                && !(self.is_cap(j) && !self.is_determiner(j) && (j..s).all(|k| self.is_cap(k)))
            {
                s = j;
            }
        }
        if s >= end {
            // a lower-case noun phrase: "a senior official", "officials", "a spokesman
            // for the port authority"
            let mut j = end;
            let mut n = 0;
            while j > lo && n < 12 {
                let i = j - 1;
                if !self.is_word(i)
                    || (self.has(i, lex::CLAUSE) && !self.is_determiner(i))
                    || self.has(i, lex::VERB) && i + 1 < end
                {
                    break;
                }
                j = i;
                n += 1;
                if self.is_determiner(i) {
                    let joined = i > lo + 1
                        && matches!(self.key(i - 1), "of" | "for" | "at" | "from")
                        && self.is_word(i - 2)
                        && !self.has(i - 2, lex::CLAUSE);
                    if joined {
                        j = i - 1;
                        n += 1;
                        continue;
                    }
                    break;
                }
            }
            s = j;
        }
        if s >= end {
            return None;
        }
        self.parse_exact(s, end)
    }

    /// The speaker phrase starting at `i` (after a speech verb or "according to"), with an
    /// appositive role after a comma. Not beyond `hi`.
    pub fn parse_forward(&self, mut i: usize, hi: usize) -> Option<Phrase> {
        // "said Tuesday", "said on Monday", "added later"
        while i < hi
            && self.is_word(i)
            && (self.has(i, lex::FILLER) && (self.key(i) != "on" || self.is_weekday(i + 1)))
        {
            i += 1;
        }
        if i >= hi {
            return None;
        }
        if self.is_pronoun(i).is_some() {
            return self.parse_exact(i, i + 1);
        }
        // "said by telephone", "wrote in an email": a preposition opens no speaker
        if self.is_word(i)
            && !self.is_cap(i)
            && self.has(i, lex::FUNCTION)
            && !self.is_determiner(i)
        {
            return None;
        }
        let e = if self.is_cap(i) && !self.is_determiner(i) {
            self.run_forward(i, hi)
        } else {
            let mut j = i;
            while j < hi && j - i < 10 && (self.is_word(j) || self.is_punct(j, '-')) {
                let k = self.key(j);
                if j > i
                    && (self.has(j, lex::CLAUSE)
                        || matches!(
                            k,
                            "in" | "on"
                                | "during"
                                | "after"
                                | "before"
                                | "adding"
                                | "saying"
                                | "referring"
                                | "while"
                                | "when"
                        ))
                {
                    break;
                }
                j += 1;
            }
            j
        };
        let mut phrase = self.parse_exact(i, e)?;
        // appositive: ", the former senator," or ", Josh Earnest,"
        if self.is_punct(e, ',') {
            let stop = (e + 1..hi)
                .find(|&k| {
                    self.is_punct(k, ',')
                        || self.toks[k].ends_sentence()
                        || self.tok(k).is_some_and(|t| t.kind == Kind::Mark)
                })
                .unwrap_or(hi);
            if stop > e + 1 && !self.has(e + 1, lex::CLAUSE) && !self.has(e + 1, lex::VERB) {
                if let Some(app) = self.parse_exact(e + 1, stop) {
                    combine_appositive(self, &mut phrase, &app);
                }
            }
        }
        Some(phrase)
    }

    pub fn is_month(&self, i: usize) -> bool {
        matches!(
            self.key(i),
            "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        ) && self.is_cap(i)
    }

    pub fn is_weekday(&self, i: usize) -> bool {
        matches!(
            self.key(i),
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        )
    }
}

/// Two or three single capitals joined by dots: "J.K.", "U.S.", "A.J.".
fn dotted_letters(span: &[char]) -> bool {
    if !span.contains(&'.') {
        return false;
    }
    let mut parts = 0;
    for p in span.split(|&c| c == '.').filter(|p| !p.is_empty()) {
        if p.len() != 1 || !p[0].is_uppercase() {
            return false;
        }
        parts += 1;
    }
    (2..=3).contains(&parts)
}

/// Merge a head phrase and its appositive: a name keeps the other as its role; a role
/// followed by a name ("the White House spokesman, Josh Earnest") becomes that name.
pub fn combine_appositive(text: &Text<'_>, head: &mut Phrase, app: &Phrase) {
    match (&head.kind, &app.kind) {
        (PhraseKind::Name, PhraseKind::Role(_) | PhraseKind::Thing) => {
            if head.role.is_none() {
                head.role = Some(text.slice(app.start, app.end));
            }
            head.end = head.end.max(app.end);
        }
        (PhraseKind::Role(_), PhraseKind::Name) => {
            let role = text.slice(head.start, head.end);
            let start = head.start;
            *head = app.clone();
            head.start = start;
            head.evidence = true;
            if head.role.is_none() {
                head.role = Some(strip_determiner(&role));
            }
        }
        _ => {}
    }
}

fn strip_determiner(s: &str) -> String {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.to_string();
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn with<T>(s: &str, f: impl FnOnce(&Text<'_>) -> T) -> T {
        let chars: Vec<char> = s.chars().collect();
        let toks = tokenize(s, &chars);
        f(&Text::new(&chars, &toks))
    }

    #[test]
    fn titled_name_splits_role_and_name() {
        with("NATO Secretary General Jens Stoltenberg", |t| {
            let p = t.parse_exact(0, t.toks.len()).unwrap();
            assert_eq!(p.kind, PhraseKind::Name);
            assert_eq!(p.name.as_deref(), Some("Jens Stoltenberg"));
            assert_eq!(p.role.as_deref(), Some("NATO Secretary General"));
            assert_eq!(p.gender, Some(Gender::Male));
        });
    }

    #[test]
    fn undotted_initials_open_a_name() {
        for (text, name) in [
            ("MS Okafor said", "MS Okafor"),
            ("Deputy Minister KD Lindqvist said", "KD Lindqvist"),
            ("US Army Colonel Tom Reyes said", "Tom Reyes"),
        ] {
            with(text, |t| {
                let p = t.parse_backward(0, t.toks.len() - 1).unwrap();
                assert_eq!(p.name.as_deref(), Some(name), "{text}");
            });
        }
    }

    #[test]
    fn backward_from_a_verb_finds_subject() {
        with("Earlier, White House spokesman Tom Reyes said", |t| {
            let p = t.parse_backward(0, t.toks.len() - 1).unwrap();
            assert_eq!(p.name.as_deref(), Some("Tom Reyes"));
            assert_eq!(p.role.as_deref(), Some("White House spokesman"));
        });
        with("But Mr. Okafor said", |t| {
            let p = t.parse_backward(0, t.toks.len() - 1).unwrap();
            assert_eq!(p.name.as_deref(), Some("Okafor"));
            assert_eq!(p.gender, Some(Gender::Male));
            assert_eq!(p.role, None);
        });
        with("a senior administration official said", |t| {
            let p = t.parse_backward(0, t.toks.len() - 1).unwrap();
            assert_eq!(
                p.kind,
                PhraseKind::Role("senior administration official".into())
            );
        });
    }

    #[test]
    fn forward_after_verb_with_appositive_role() {
        with(
            "Marta Ruiz, Spain’s deputy trade minister, in Madrid.",
            |t| {
                let p = t.parse_forward(0, t.toks.len()).unwrap();
                assert_eq!(p.name.as_deref(), Some("Marta Ruiz"));
                assert_eq!(p.role.as_deref(), Some("Spain’s deputy trade minister"));
            },
        );
        with("the head of Dutch diplomacy while walking out", |t| {
            let p = t.parse_forward(0, t.toks.len()).unwrap();
            assert_eq!(p.kind, PhraseKind::Role("head of diplomacy".into()));
        });
    }

    #[test]
    fn organisations_and_countries_are_not_names() {
        with("the White House", |t| {
            let p = t.parse_exact(0, t.toks.len()).unwrap();
            assert!(p.name.is_none());
        });
        with("Russia", |t| {
            let p = t.parse_exact(0, t.toks.len()).unwrap();
            assert!(p.name.is_none());
        });
    }
}
