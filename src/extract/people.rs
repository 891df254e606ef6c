//! People within one article: every way the article names a person resolves to one entry.
//!
//! News names someone in full once ("NATO Secretary General Jens Stoltenberg") and then by
//! surname ("Stoltenberg"), sometimes misspelled ("Soltenberg"). [`PeopleBook`] keeps one
//! [`Person`] per real person and folds those later forms in as aliases, so quotes,
//! captions and embeds all point at the same index. [`person_key`] is the normalised form
//! that the archive uses to keep one row per person across articles.

use crate::model::{Evidence, Person};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// How many of the latest people a near-miss spelling is compared with: a misspelled
/// surname refers to someone named recently, and the bound keeps huge texts linear.
const NEAR_MISS_WINDOW: usize = 64;

/// Honorifics dropped from names before comparing them.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx"];

/// Case-, diacritic- and honorific-folded form of a name: the identity of a person.
/// "Alexsandr Grushkó", "ALEXSANDR GRUSHKO" and "Mr. Alexsandr Grushko" share one key.
pub fn person_key(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let skip = words.iter().take_while(|w| HONORIFICS.contains(w)).count();
    let kept = &words[skip.min(words.len().saturating_sub(1))..];
    kept.join(" ")
}

/// The last word of a name's key: its surname.
fn surname_key(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// All the people one article names.
///
/// Lookups go through hash indexes (by key, alias and surname) so that an article naming
/// thousands of people still resolves each mention in constant time.
#[derive(Debug, Default, Clone)]
pub struct PeopleBook {
    people: Vec<Person>,
    keys: Vec<String>,
    /// Key → latest person with that key.
    by_key: HashMap<String, usize>,
    /// Alias key → latest person with that alias.
    by_alias: HashMap<String, usize>,
    /// Surname key → people with that surname, in order.
    by_surname: HashMap<String, Vec<usize>>,
}

impl PeopleBook {
    pub fn new() -> Self {
        Self::default()
    }

    /// The index of the person `name` refers to, if the article named them before:
    /// the same full name, a surname alone, or a near-miss spelling of a long surname.
    pub fn find(&self, name: &str) -> Option<usize> {
        let key = person_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.by_key.get(&key) {
            return Some(i);
        }
        if let Some(&i) = self.by_alias.get(&key) {
            return Some(i);
        }
        let single = !key.contains(' ');
        if single {
            if let Some(&i) = self.by_surname.get(&key).and_then(|v| v.last()) {
                return Some(i);
            }
            // near-miss spelling of a long surname: Soltenberg for Stoltenberg
            let len = key.chars().count();
            if len >= 6 {
                let limit = if len >= 8 { 2 } else { 1 };
                let from = self.keys.len().saturating_sub(NEAR_MISS_WINDOW);
                let best = self
                    .keys
                    .iter()
                    .enumerate()
                    .skip(from)
                    .rev()
                    .filter(|(_, k)| surname_key(k).chars().count().abs_diff(len) <= limit)
                    .map(|(i, k)| (i, strsim::damerau_levenshtein(surname_key(k), &key)))
                    .filter(|&(_, d)| d <= limit)
                    .min_by_key(|&(_, d)| d);
                if let Some((i, _)) = best {
                    return Some(i);
                }
            }
        } else {
            // "Mr. Blinken" after "Antony Blinken": same surname, and a first name that agrees
            let (first, last) = (key.split(' ').next().unwrap_or(""), surname_key(&key));
            if let Some(list) = self.by_surname.get(last) {
                if let Some(&i) = list.iter().rev().find(|&&i| {
                    let k = &self.keys[i];
                    !k.contains(' ') || k.starts_with(first)
                }) {
                    return Some(i);
                }
            }
        }
        None
    }

    /// Point the indexes at person `idx` under `key`, replacing its previous key.
    fn index_key(&mut self, idx: usize, old: Option<&str>, key: &str) {
        if let Some(old) = old {
            if self.by_key.get(old) == Some(&idx) {
                self.by_key.remove(old);
            }
            let old_surname = surname_key(old).to_string();
            if let Some(list) = self.by_surname.get_mut(&old_surname) {
                list.retain(|&i| i != idx);
            }
        }
        self.by_key.insert(key.to_string(), idx);
        let list = self
            .by_surname
            .entry(surname_key(key).to_string())
            .or_default();
        let at = list.partition_point(|&i| i < idx);
        if list.get(at) != Some(&idx) {
            list.insert(at, idx);
        }
    }

    /// Record that the article names `name` because of `evidence`; returns the person's index.
    /// A later, fuller form of a name becomes the person's name and the shorter an alias.
    pub fn mention(&mut self, name: &str, evidence: Evidence) -> Option<usize> {
        let name = name.trim();
        let key = person_key(name);
        if key.is_empty() {
            return None;
        }
        let idx = match self.find(name) {
            Some(i) => {
                let p = &mut self.people[i];
                if p.name != name && !p.aliases.iter().any(|a| a == name) {
                    if key.split(' ').count() > self.keys[i].split(' ').count() {
                        let old = std::mem::replace(&mut p.name, name.to_string());
                        self.by_alias.insert(person_key(&old), i);
                        p.aliases.push(old);
                        let old_key = std::mem::replace(&mut self.keys[i], key.clone());
                        self.index_key(i, Some(&old_key), &key);
                    } else {
                        p.aliases.push(name.to_string());
                        self.by_alias.insert(key.clone(), i);
                    }
                }
                i
            }
            None => {
                self.people.push(Person {
                    name: name.to_string(),
                    ..Person::default()
                });
                let i = self.people.len() - 1;
                self.index_key(i, None, &key);
                self.keys.push(key);
                i
            }
        };
        let p = &mut self.people[idx];
        p.mentions += 1;
        if !p.evidence.contains(&evidence) {
            p.evidence.push(evidence);
        }
        Some(idx)
    }

    pub fn add_role(&mut self, idx: usize, role: &str) {
        let role = role.trim();
        if let Some(p) = self.people.get_mut(idx) {
            if !role.is_empty() && !p.roles.iter().any(|r| r.eq_ignore_ascii_case(role)) {
                p.roles.push(role.to_string());
            }
        }
    }

    pub fn add_handle(&mut self, idx: usize, handle: &str) {
        let handle = handle.trim();
        if let Some(p) = self.people.get_mut(idx) {
            if !handle.is_empty() && !p.handles.iter().any(|h| h.eq_ignore_ascii_case(handle)) {
                p.handles.push(handle.to_string());
            }
        }
    }

    pub fn get(&self, idx: usize) -> Option<&Person> {
        self.people.get(idx)
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn len(&self) -> usize {
        self.people.len()
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    pub fn into_people(self) -> Vec<Person> {
        self.people
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_case_diacritics_and_honorifics() {
        assert_eq!(person_key("Alexsandr Grushkó"), "alexsandr grushko");
        assert_eq!(person_key("Mr. Alexsandr GRUSHKO"), "alexsandr grushko");
        assert_eq!(person_key("Dr."), "dr");
    }

    #[test]
    fn surname_and_misspelling_resolve_to_the_full_name() {
        let mut book = PeopleBook::new();
        let a = book.mention("Nadia Kovalenko", Evidence::Speaker).unwrap();
        assert_eq!(book.mention("Kovalenko", Evidence::Speaker), Some(a));
        assert_eq!(book.mention("Kovalemko", Evidence::Speaker), Some(a));
        let b = book.mention("Tom Reyes", Evidence::Speaker).unwrap();
        assert_ne!(a, b);
        let p = book.get(a).unwrap();
        assert_eq!(p.name, "Nadia Kovalenko");
        assert_eq!(p.aliases, vec!["Kovalenko", "Kovalemko"]);
        assert_eq!(p.mentions, 3);
    }

    #[test]
    fn fuller_form_later_becomes_the_name() {
        let mut book = PeopleBook::new();
        let a = book.mention("Kovalenko", Evidence::Speaker).unwrap();
        assert_eq!(
            book.mention("Nadia Kovalenko", Evidence::Mentioned),
            Some(a)
        );
        assert_eq!(book.get(a).unwrap().name, "Nadia Kovalenko");
    }

    #[test]
    fn different_first_names_stay_apart() {
        let mut book = PeopleBook::new();
        let a = book.mention("Ann Marsh", Evidence::Speaker).unwrap();
        let b = book.mention("Peter Marsh", Evidence::Speaker).unwrap();
        assert_ne!(a, b);
    }
}
