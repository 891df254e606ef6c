//! Who a speaker phrase is: a person of the article's [`PeopleBook`], or nobody.
//!
//! Names go through the book (surnames and misspellings fold into the full name there).
//! Pronouns and role phrases need to know who was named before them, so the resolver
//! keeps every person mention with its position, and the gender that titles, first names
//! and earlier pronouns told. Mentions of people in running text are registered here too,
//! but only with evidence (a title, a known first name, a person named before), so that
//! ships, places and organisations never become people.

use super::phrases::{Phrase, PhraseKind, Text};
use super::words::{words, Gender};
use crate::extract::lexicon::WordMap;
use crate::extract::people::PeopleBook;
use crate::model::Evidence;
use std::collections::BTreeSet;

/// A position in the document: block, then character.
pub type Pos = (usize, usize);

/// How many earlier mentions a pronoun or role looks back over.
const LOOKBACK: usize = 60;

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speaker {
    pub text: Option<String>,
    pub person: Option<usize>,
    pub role: Option<String>,
}

pub struct Resolver<'p> {
    pub book: &'p mut PeopleBook,
    genders: WordMap<usize, Gender>,
    /// Person mentions in document order (a set: speakers found after a quote are noted
    /// out of order, and a sorted vector would make that quadratic).
    recent: BTreeSet<(Pos, usize)>,
    /// Mentions after a preposition ("after talks with President Abenza"): a later
    /// he/she goes to them only when nobody else fits.
    oblique: std::collections::HashSet<Pos>,
    /// What the book answered for a name since it last changed: running text names the
    /// same place or firm again and again, and the book's near-miss search is dear.
    found: WordMap<String, Option<usize>>,
}

impl<'p> Resolver<'p> {
    pub fn new(book: &'p mut PeopleBook) -> Self {
        Resolver {
            book,
            genders: WordMap::default(),
            recent: BTreeSet::new(),
            oblique: Default::default(),
            found: WordMap::default(),
        }
    }

    /// The person `name` refers to if the article named them before ([`PeopleBook::find`],
    /// remembered until the book changes).
    pub fn find(&mut self, name: &str) -> Option<usize> {
        if let Some(&idx) = self.found.get(name) {
            return idx;
        }
        let idx = self.book.find(name);
        self.found.insert(name.to_string(), idx);
        idx
    }

    /// Add a mention to the book: what it answered before may have changed.
    fn book_mention(&mut self, name: &str, evidence: Evidence) -> Option<usize> {
        self.found.clear();
        self.book.mention(name, evidence)
    }

    /// The latest mentions before `pos`, oldest first.
    fn window(&self, pos: Pos) -> Vec<(Pos, usize)> {
        let mut w: Vec<(Pos, usize)> = self
            .recent
            .range(..(pos, 0))
            .rev()
            .take(LOOKBACK)
            .copied()
            .collect();
        w.reverse();
        w
    }

    /// Remember that person `idx` was named at `pos`.
    pub fn note(&mut self, pos: Pos, idx: usize, gender: Option<Gender>) {
        if let Some(g) = gender {
            self.genders.entry(idx).or_insert(g);
        }
        self.recent.insert((pos, idx));
    }

    /// Register a named person with `evidence`; their role, gender and position too.
    pub fn person(
        &mut self,
        name: &str,
        role: Option<&str>,
        gender: Option<Gender>,
        evidence: Evidence,
        pos: Pos,
    ) -> Option<usize> {
        let idx = self.book_mention(name, evidence)?;
        if let Some(r) = role {
            if is_real_role(r) {
                self.book.add_role(idx, r);
            }
        }
        self.note(pos, idx, gender);
        Some(idx)
    }

    /// The person a he/she at `pos` refers to: the latest one of that gender, else the
    /// latest one whose gender is unknown.
    pub fn pronoun(&mut self, pos: Pos, gender: Option<Gender>) -> Option<usize> {
        let window = self.window(pos);
        // the subject or object of a clause before someone named after a preposition
        let oblique = |(p, _): &&(Pos, usize)| self.oblique.contains(p);
        let idx = if window.iter().any(|m| oblique(&m)) {
            let direct: Vec<(Pos, usize)> =
                window.iter().filter(|m| !oblique(m)).copied().collect();
            self.antecedent(&direct, pos, gender)
                .or_else(|| self.antecedent(&window, pos, gender))
        } else {
            self.antecedent(&window, pos, gender)
        }?;
        if let Some(g) = gender {
            self.genders.entry(idx).or_insert(g);
        }
        Some(idx)
    }

    /// The latest mention in `window` a he/she at `pos` may refer to.
    fn antecedent(
        &self,
        window: &[(Pos, usize)],
        pos: Pos,
        gender: Option<Gender>,
    ) -> Option<usize> {
        // someone named earlier in the same paragraph comes first, unless their gender
        // is known to differ ("Ban Ki-moon condemned what he called …")
        let here = window
            .iter()
            .rev()
            .take_while(|((b, _), _)| *b == pos.0)
            .find(|(_, i)| match (gender, self.genders.get(i)) {
                (Some(g), Some(h)) => g == *h,
                _ => true,
            });
        let found = here.or(match gender {
            Some(g) => window
                .iter()
                .rev()
                .find(|(_, i)| self.genders.get(i) == Some(&g))
                .or_else(|| {
                    window
                        .iter()
                        .rev()
                        .find(|(_, i)| !self.genders.contains_key(i))
                }),
            None => window.last(),
        });
        found.map(|(_, i)| *i)
    }

    /// The person a definite role phrase ("the head of US diplomacy", "the minister")
    /// refers to: the latest person given a role of the same office.
    pub fn role(&self, key: &str, pos: Pos) -> Option<usize> {
        let key = expand(key);
        // a bare "the president" or "the senator" is ambiguous in political news: only an
        // office named in more words ("the head of US diplomacy") refers back
        let n = key.split(' ').count();
        if key.is_empty() || !(2..=5).contains(&n) {
            return None;
        }
        let window = self.window(pos);
        window.iter().rev().map(|(_, i)| *i).find(|&i| {
            self.book
                .get(i)
                .is_some_and(|p| p.roles.iter().any(|r| same_office(&key, &role_words(r))))
        })
    }

    /// Resolve a parsed phrase at `pos` into a speaker, registering a named person.
    pub fn speaker(&mut self, text: &Text<'_>, phrase: &Phrase, pos: Pos) -> Speaker {
        let written = text.slice(phrase.start, phrase.end);
        let mut sp = Speaker {
            text: Some(written),
            person: None,
            role: phrase.role.clone(),
        };
        match &phrase.kind {
            PhraseKind::Name => {
                let name = phrase.name.clone().unwrap_or_default();
                if is_person_name(&name, phrase, self.book) {
                    sp.person = self.person(
                        &name,
                        phrase.role.as_deref(),
                        phrase.gender,
                        Evidence::Speaker,
                        pos,
                    );
                }
            }
            PhraseKind::Pronoun(info) if !info.relative && info.gender.is_some() => {
                sp.person = self.pronoun(pos, info.gender);
            }
            PhraseKind::Role(key) if phrase.definite => {
                sp.person = self.role(key, pos);
                if let Some(i) = sp.person {
                    self.note(pos, i, None);
                }
            }
            _ => {}
        }
        if let Some(i) = sp.person {
            if let Some(g) = phrase.gender {
                self.genders.entry(i).or_insert(g);
            }
        }
        sp
    }

    /// A best-guess speaker that registers nobody new: a name already known, a pronoun,
    /// else the phrase as written.
    pub fn guess(&mut self, text: &Text<'_>, phrase: &Phrase, pos: Pos) -> Speaker {
        let mut sp = Speaker {
            text: Some(text.slice(phrase.start, phrase.end)),
            person: None,
            role: phrase.role.clone(),
        };
        match &phrase.kind {
            PhraseKind::Name => sp.person = phrase.name.as_deref().and_then(|n| self.find(n)),
            PhraseKind::Pronoun(info) if info.gender.is_some() => {
                sp.person = self.pronoun(pos, info.gender)
            }
            _ => {}
        }
        sp
    }

    /// Register the people a block names in running text, with evidence. `quoted` are the
    /// character ranges inside quotes: people named there are registered but do not become
    /// antecedents of later pronouns.
    pub fn scan_mentions(&mut self, block: usize, text: &Text<'_>, quoted: &[(usize, usize)]) {
        let w = words();
        let n = text.toks.len();
        let mut i = 0;
        while i < n {
            let t = &text.toks[i];
            if !(t.is_word() && t.cap) {
                i += 1;
                continue;
            }
            let e = text.run_forward(i, n).max(i + 1);
            // "the carrier Carl Vinson", "USS Carl Vinson": a ship's name
            let after_vessel = i > 0 && w.vessels.contains(text.toks[i - 1].key())
                || t.acronym(text.chars) && w.vessels.contains(t.key());
            if !after_vessel {
                // "Maria Lindqvist's Orbita": the owner named in the possessive is a
                // mention of their own, not only a role of what follows
                if let Some(p) = (i..e.saturating_sub(1)).find(|&k| text.toks[k].possessive) {
                    if p > i {
                        self.mention_run(block, text, i, p + 1, quoted);
                    }
                }
                self.mention_run(block, text, i, e, quoted);
            }
            i = e;
        }
    }

    fn mention_run(
        &mut self,
        block: usize,
        text: &Text<'_>,
        s: usize,
        e: usize,
        quoted: &[(usize, usize)],
    ) {
        let Some(phrase) = text.parse_exact(s, e) else {
            return;
        };
        let pos = (block, text.toks[s].start);
        // the quoted ranges are sorted and disjoint
        let k = quoted.partition_point(|&(a, _)| a <= pos.1);
        let inside = k > 0 && pos.1 < quoted[k - 1].1;
        match phrase.kind {
            PhraseKind::Name => {
                let name = phrase.name.clone().unwrap_or_default();
                // "the fisheries minister, Pavel Orlov,": a role just before the name
                let appositive = s >= 2
                    && text.is_punct(s - 1, ',')
                    && (text.is_role(s - 2) || text.is_title(s - 2))
                    && !text.toks[s - 2].cap;
                // "fund chief Barber Brennick": a role word right before the name
                let titled = s >= 1
                    && !text.toks[s - 1].cap
                    && (text.is_role(s - 1) || text.is_title(s - 1));
                // (the book is asked last: its near-miss search is the dearest test)
                if !(phrase.evidence || appositive || titled || self.find(&name).is_some()) {
                    return;
                }
                let mut role = phrase.role.clone();
                if appositive && role.is_none() {
                    role = text
                        .parse_backward(s.saturating_sub(12), s - 1)
                        .map(|p| strip_article(&text.slice(p.start, p.end)));
                }
                self.register_mention(&name, role.as_deref(), phrase.gender, pos, inside);
                if after_preposition(text, s) {
                    self.oblique.insert(pos);
                }
            }
            PhraseKind::Role(_) | PhraseKind::Thing if text.is_punct(e, ',') => {
                // "The United States Secretary of State, Anthony Blinken, confirmed"
                let z = text.run_forward(e + 1, text.toks.len());
                if z > e + 1 && text.is_punct(z, ',') {
                    if let Some(app) = text.parse_exact(e + 1, z) {
                        if app.kind == PhraseKind::Name && text.toks.get(s).is_some_and(|t| t.cap) {
                            let name = app.name.clone().unwrap_or_default();
                            let role = strip_article(&text.slice(s, e));
                            let pos = (block, text.toks[e + 1].start);
                            self.register_mention(&name, Some(&role), app.gender, pos, inside);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn register_mention(
        &mut self,
        name: &str,
        role: Option<&str>,
        gender: Option<Gender>,
        pos: Pos,
        inside: bool,
    ) {
        let Some(idx) = self.book_mention(name, Evidence::Mentioned) else {
            return;
        };
        if let Some(r) = role {
            if is_real_role(r) {
                self.book.add_role(idx, r);
            }
        }
        if let Some(g) = gender {
            self.genders.entry(idx).or_insert(g);
        }
        if !inside {
            self.note(pos, idx, gender);
        }
    }
}

/// "talks with President Abenza", "a letter to Ana Ruiz", "his meeting with stock
/// exchange head Ken Ito": a name after a preposition and the words of its title is not
/// who the next sentences are about. "according to" names a source, and "by" the doer
/// of a passive ("was proposed by Senator Ruiz"): neither counts. A comma or any other
/// punctuation ends the look back.
fn after_preposition(text: &Text<'_>, s: usize) -> bool {
    const OBLIQUE: [&str; 9] = [
        "with",
        "to",
        "from",
        "against",
        "about",
        "between",
        "among",
        "alongside",
        "for",
    ];
    /// Words of a title or name looked back over ("Tokyo stock exchange (TSE) head").
    const LOOK_BACK: usize = 8;
    let word = |i: usize| Some(&text.toks[i]).filter(|t| t.is_word());
    for i in (s.saturating_sub(LOOK_BACK)..s).rev() {
        let t = &text.toks[i];
        if t.is_punct('(') || t.is_punct(')') || t.is_punct('-') {
            continue;
        }
        if !t.is_word() {
            return false;
        }
        if !t.cap && OBLIQUE.contains(&t.key()) {
            let according = i >= 1 && word(i - 1).is_some_and(|p| p.key() == "according");
            return !(t.key() == "to" && according);
        }
    }
    false
}

/// A name phrase that may be a person: organisations, countries and acronyms are not.
fn is_person_name(name: &str, phrase: &Phrase, book: &PeopleBook) -> bool {
    if phrase.definite || name.is_empty() {
        return false;
    }
    let single = !name.trim().contains(' ');
    if single
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    // (the book is asked last: its near-miss search is the dearest test)
    phrase.evidence || !single || name.chars().count() > 2 || book.find(name).is_some()
}

/// A role worth keeping: not empty, not a lone honorific.
fn is_real_role(r: &str) -> bool {
    let key = r.trim().trim_end_matches('.').to_lowercase();
    !key.is_empty()
        && !words()
            .titles
            .get(key.as_str())
            .is_some_and(|t| t.honorific)
}

fn strip_article(s: &str) -> String {
    for d in ["The ", "the ", "A ", "a "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.to_string();
        }
    }
    s.to_string()
}

/// Abbreviated titles written out, so "Sen." and "the senator" are one office.
fn expand(key: &str) -> String {
    key.split(' ')
        .map(|w| match w.trim_end_matches('.') {
            "sen" => "senator",
            "rep" => "representative",
            "gov" => "governor",
            "gen" => "general",
            "pres" => "president",
            "atty" => "attorney",
            "secretary-general" => "secretary general",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The office words of a role as recorded: "US Secretary of State" → "secretary of state".
fn role_words(role: &str) -> String {
    let w = words();
    let kept: Vec<String> = role
        .split_whitespace()
        .map(|x| {
            x.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|x| x == "of" || w.titles.contains_key(x.as_str()) || w.roles.contains(x.as_str()))
        .collect();
    let joined = kept.join(" ");
    expand(joined.trim_start_matches("of ").trim_end_matches(" of"))
}

/// Two role keys name the same office: equal, in one synonym group, or sharing the head
/// noun ("the minister" and "foreign minister").
fn same_office(key: &str, recorded: &str) -> bool {
    if recorded.is_empty() {
        return false;
    }
    if key == recorded {
        return true;
    }
    let group_of = |k: &str| words().role_groups.iter().position(|g| g.contains(&k));
    if let (Some(a), Some(b)) = (group_of(key), group_of(recorded)) {
        return a == b;
    }
    // "the minister" ~ "foreign minister": a bare head noun matches the recorded head
    !key.contains(' ') && recorded.rsplit(' ').next() == Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offices_match_through_groups_and_heads() {
        assert!(same_office(
            "head of diplomacy",
            &role_words("US Secretary of State")
        ));
        assert!(same_office(
            "minister",
            &role_words("Russian Foreign Minister")
        ));
        assert!(same_office("senator", &role_words("Sen.")));
        assert!(!same_office(
            "spokesman",
            &role_words("Russian Foreign Minister")
        ));
    }

    #[test]
    fn pronoun_goes_to_latest_person_of_its_gender() {
        let mut book = PeopleBook::new();
        let mut r = Resolver::new(&mut book);
        let a = r
            .person(
                "Ana Ruiz",
                None,
                Some(Gender::Female),
                Evidence::Mentioned,
                (0, 0),
            )
            .unwrap();
        let b = r
            .person(
                "Tom Okafor",
                None,
                Some(Gender::Male),
                Evidence::Mentioned,
                (0, 20),
            )
            .unwrap();
        assert_eq!(r.pronoun((1, 0), Some(Gender::Female)), Some(a));
        assert_eq!(r.pronoun((1, 0), Some(Gender::Male)), Some(b));
        assert_eq!(r.pronoun((0, 10), Some(Gender::Male)), None);
    }
}
