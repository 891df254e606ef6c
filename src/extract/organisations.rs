//! Names an article shows as organisations, for the archive to remember.
//!
//! The person filter judges each name inside its own article, and some articles give no
//! clue at all: "Philip Morris said" reads like a person, and so does "Cardenas said".
//! Dropping both would lose real people; keeping both keeps companies. Other articles
//! settle it: one writes "Philip Morris Cos Inc", "shares of Philip Morris" or "<Philip
//! Morris>", and no article ever writes "Cardenas Inc". So each article reports the names
//! it shows as organisations, without their corporate forms (the form a person's name
//! would have: "Philip Morris" for "Philip Morris Cos Inc", "Kidder Peabody" for "Kidder,
//! Peabody and Co"), and the archive drops a person by such a name whom no article shows
//! with personal evidence (see [`crate::model::Person::personal`]).
//!
//! The signs are the person filter's own (`people.rs`): a company word or corporate form
//! in or after the name, "and Co", a ticker, angle brackets, "shares of", "Acme's board",
//! "Acme stock", "Newsweek magazine". Places are remembered the same way, from datelines
//! and from a country or state written after them ("Vera Cruz, Mexico").

use super::lexicon::to_lower;
use super::people::{
    is_company_lower, is_dotted_initial, is_first_name, is_honorific, is_honorific_lower,
    is_lead_lower, is_lead_word, is_place_key, person_key, ArticleText, Tok,
};
use std::collections::HashSet;

/// Words of the company list that name groups of people or agreements, not firms:
/// "Reagan Democrats", "Farm Ministers", "Louvre Accord" say nothing of the name before
/// them; nor do the adjectives that also head firms' names ("Smith International").
const NOT_CORPORATE: &[&str] = &[
    "ministers",
    "officials",
    "leaders",
    "members",
    "workers",
    "traders",
    "dealers",
    "producers",
    "farmers",
    "growers",
    "exporters",
    "importers",
    "shareholders",
    "stockholders",
    "directors",
    "employees",
    "creditors",
    "lenders",
    "unions",
    "democrats",
    "republicans",
    "liberals",
    "conservatives",
    "socialists",
    "communists",
    "community",
    "show",
    "accord",
    "pact",
    "treaty",
    "stabilization",
    "surveillance",
    "intelligence",
    "bureau",
    "chamber",
    "customs",
    "treasury",
    "commerce",
    "exchange",
    "federal",
    "national",
    "international",
    "continental",
    "intercontinental",
    "interstate",
    "worldwide",
    "global",
    "consolidated",
    "division",
    "unit",
    "subsidiary",
    "affiliates",
];

/// Nouns of papers, that name the one right after them: "the daily Pravda".
const PAPERS: &[&str] = &[
    "daily",
    "newspaper",
    "magazine",
    "weekly",
    "monthly",
    "tabloid",
    "newsletter",
];

/// Nouns of kinds of organisation (org_nouns.txt) that are no person's job, and so name
/// an organisation when one stands between commas after them: "the last private bank,
/// La Caja Obrera, merged" (not "broker", "producer", "publisher": "publisher Ann Lee").
const ORG_KINDS: &[&str] = &[
    "agency",
    "airline",
    "association",
    "bank",
    "brokerage",
    "carrier",
    "chain",
    "company",
    "concern",
    "conglomerate",
    "consortium",
    "cooperative",
    "corporation",
    "federation",
    "firm",
    "fund",
    "group",
    "institute",
    "insurer",
    "lender",
    "refiner",
    "retailer",
    "subsidiary",
    "syndicate",
    "utility",
];

/// Nouns of deals that make what follows "of" a company, unless a possessive follows
/// it: "the sale of Wanamaker", "the takeover of Kestrel Lane" (not "the sale of Ann
/// Lee's stake").
const DEALS: &[&str] = &["sale", "acquisition", "purchase", "takeover", "merger"];

/// Longest name kept, in words: a longer run is a heading or a list.
const MAX_WORDS: usize = 6;

/// Whether a word of a capitalised run makes the words before it a company's name:
/// "Cos" and "Inc" in "Philip Morris Cos Inc", "Bank" in "Kestrel Bank".
fn is_corporate_word(word: &str) -> bool {
    is_corporate_lower(&to_lower(word.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// [`is_corporate_word`] of a word in lower case without edge punctuation.
fn is_corporate_lower(l: &str) -> bool {
    matches!(l, "bank" | "group") || (is_company_lower(l) && !NOT_CORPORATE.contains(&l))
}

/// What an article shows as organisations and as places, each name once (by
/// [`person_key`]), in order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Found {
    /// Organisations without their corporate forms: "Philip Morris" for "Philip Morris
    /// Cos Inc".
    pub organisations: Vec<String>,
    /// Places written with their country or state: "Vera Cruz" in "the harbour of Vera
    /// Cruz, Mexico." (the dateline's place is the caller's to add).
    pub places: Vec<String>,
}

/// The organisations and places `text` shows, in one pass over its capitalised runs.
pub fn find(text: &ArticleText<'_>) -> Found {
    let mut orgs = Names::default();
    let mut places = Names::default();
    for run in text.runs() {
        let (s, e, words) = (run.start, run.end, run.words);
        if let Some(base) = organisation_at(text, s, e, words, run.lower) {
            orgs.add(&base);
            // "Packer John Morrell and Co": the firm is John Morrell's too (not "Paul
            // Richards" of "John Paul Richards and Associates")
            let named_from = (0..base.len().saturating_sub(1)).find(|&k| is_first_name(base[k]));
            if let Some(k) = named_from.filter(|&k| k > 0) {
                orgs.add(&base[k..]);
            }
        }
        if place_follows(text, e) && !text.word(s.wrapping_sub(1)).is_some_and(is_honorific) {
            let lead = run.lower.iter().take_while(|l| is_lead_lower(l)).count();
            places.add(&words[lead..]);
        }
    }
    Found {
        organisations: orgs.0,
        places: places.0,
    }
}

/// Names in order, each once by [`person_key`].
#[derive(Default)]
struct Names(Vec<String>, HashSet<String>);

impl Names {
    fn add(&mut self, words: &[&str]) {
        if words.is_empty() || words.len() > MAX_WORDS {
            return;
        }
        let name = words.join(" ");
        let key = person_key(&name);
        if !key.is_empty() && self.1.insert(key) {
            self.0.push(name);
        }
    }
}

/// Whether a known place follows the run ending at `e` after a comma, and ends the
/// phrase: "Vera Cruz, Mexico." (not "Ann Lee, Texas Democrat", "Ann Lee, Mexico's
/// envoy").
fn place_follows(text: &ArticleText<'_>, e: usize) -> bool {
    if text.tok(e) != Tok::Punct(',') {
        return false;
    }
    let (end, words) = text.run_at(e + 1);
    if words.is_empty() || words.len() > 3 || !is_place_key(&person_key(&words.join(" "))) {
        return false;
    }
    match text.tok(end) {
        Tok::Punct(c) => matches!(c, '.' | ',' | ';' | ')'),
        Tok::Word(x) => !x.starts_with(char::is_uppercase),
        Tok::Break => true,
        Tok::Possessive => false,
    }
}

/// The organisation the capitalised run `s..e` (of `words`, `lowered` in lower case)
/// names, if the article shows it as one: the words before its first corporate word, or
/// the whole run when what stands around it is a company's.
fn organisation_at<'a>(
    text: &ArticleText<'a>,
    s: usize,
    e: usize,
    words: &[&'a str],
    lowered: &[std::borrow::Cow<'_, str>],
) -> Option<Vec<&'a str>> {
    // "Fenner and Smith Inc": the end of a longer firm's name, not a name of its own
    if matches!(
        text.tok(s.wrapping_sub(1)),
        Tok::Word("and" | "&") | Tok::Punct('&')
    ) {
        return None;
    }
    // "<OSLQ>" after "Ostrava Lindqvist": a ticker, not another name
    if words.len() == 1 && text.ticker_after(s.wrapping_sub(1)) {
        return None;
    }
    // "Mr. Lee's board": a person's, however it goes on
    let mut b = s.wrapping_sub(1);
    if text.tok(b) == Tok::Punct('.') {
        b = b.wrapping_sub(1);
    }
    if text.word(b).is_some_and(is_honorific) {
        return None;
    }
    // "The Acme Corp", "Yesterday Acme Corp": words that open sentences go
    let lead = lowered.iter().take_while(|l| is_lead_lower(l)).count();
    if lowered.get(lead).is_some_and(|l| is_honorific_lower(l)) {
        return None;
    }
    let rest = &words[lead..];
    let rest_lower = &lowered[lead..];
    let base: Vec<&str> = match rest_lower
        .iter()
        .skip(1)
        .position(|l| is_corporate_lower(l))
    {
        // "Philip Morris Cos Inc", "Kestrel Bank", "Walter Reade Organization Inc"
        Some(k) => rest[..k + 1].to_vec(),
        None if rest.is_empty() || is_corporate_lower(&rest_lower[0]) => return None,
        None => {
            let company = text.ticker_after(e)
                || text.in_angle_brackets(s, e)
                || text.company_of_before(s)
                || text.company_after(e)
                || corporate_of_after(text, e)
                || named_by_a_noun(text, s, e)
                || deal_of_before(text, s, e);
            if !company {
                return None;
            }
            // "Kidder, Peabody and Co": the name before the comma belongs to the firm
            let and_form = matches!(text.tok(e), Tok::Word("and" | "&") | Tok::Punct('&'));
            let mut base = Vec::new();
            if and_form && lead == 0 {
                base = run_before_comma(text, s);
            }
            base.extend_from_slice(rest);
            base
        }
    };
    // "R.N. Koch Inc": the initials are the firm's too
    let mut base = base;
    if lead == 0 {
        let mut k = s.wrapping_sub(1);
        while text.tok(k) == Tok::Punct('.') {
            match text.word(k.wrapping_sub(1)) {
                Some(x) if is_dotted_initial(x) => base.insert(0, x),
                _ => break,
            }
            k = k.wrapping_sub(2);
        }
    }
    // "Chicago-based Acme Corp"
    (!base.is_empty() && !base[0].ends_with("-based")).then_some(base)
}

/// Whether a noun before the run `s..e` names it as a paper ("the daily Pravda") or,
/// between commas, as an organisation ("the bank, La Caja Obrera,").
fn named_by_a_noun(text: &ArticleText<'_>, s: usize, e: usize) -> bool {
    let noun = |i: usize, list: &[&str]| {
        text.word(i)
            .is_some_and(|x| x.starts_with(char::is_lowercase) && list.contains(&x))
    };
    noun(s.wrapping_sub(1), PAPERS)
        || text.tok(s.wrapping_sub(1)) == Tok::Punct(',')
            && (noun(s.wrapping_sub(2), ORG_KINDS) || noun(s.wrapping_sub(2), PAPERS))
            && matches!(text.tok(e), Tok::Punct(',' | '.'))
}

/// Whether a deal's "of" stands before the run `s..e`, and no possessive after it: "the
/// sale of Wanamaker".
fn deal_of_before(text: &ArticleText<'_>, s: usize, e: usize) -> bool {
    text.word(s.wrapping_sub(1)) == Some("of")
        && text
            .word(s.wrapping_sub(2))
            .is_some_and(|x| DEALS.contains(&x))
        && text.tok(e) != Tok::Possessive
}

/// Whether "of", a place and a corporate word follow the run ending at `e`: "Richardson
/// Greenshields of Canada Ltd" is a firm, while "Ann Lee of Kestrel Bank Corp" is where
/// Ann Lee works.
fn corporate_of_after(text: &ArticleText<'_>, e: usize) -> bool {
    if text.word(e) != Some("of") {
        return false;
    }
    let (_, words) = text.run_at(e + 1);
    let place = words.iter().take_while(|x| !is_corporate_word(x)).count();
    place > 0 && place < words.len() && is_place_key(&person_key(&words[..place].join(" ")))
}

/// The capitalised words right before the comma before `s` ("Kidder" in "Kidder,
/// Peabody"), none when another word stands there.
fn run_before_comma<'a>(text: &ArticleText<'a>, s: usize) -> Vec<&'a str> {
    let mut words = Vec::new();
    if text.tok(s.wrapping_sub(1)) != Tok::Punct(',') {
        return words;
    }
    let mut k = s.wrapping_sub(2);
    while let Some(x) = text.word(k) {
        if !x.starts_with(char::is_uppercase) || is_lead_word(x) || words.len() >= MAX_WORDS {
            break;
        }
        words.push(x);
        k = k.wrapping_sub(1);
    }
    words.reverse();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs(paragraphs: &[&str]) -> Vec<String> {
        find(&ArticleText::new(paragraphs.iter().copied())).organisations
    }

    /// A corporate form after a name makes the name before it an organisation.
    #[test]
    fn corporate_forms_mark_the_name_before_them() {
        let got = orgs(&[
            "Harlan Whitby Cos Inc said it would sell its mill to Quarry Lane Holdings Ltd.",
            "The Kestrel Bank raised its prime rate. Talbot Grange Corp stock fell.",
        ]);
        assert_eq!(
            got,
            vec!["Harlan Whitby", "Quarry Lane", "Kestrel", "Talbot Grange"]
        );
    }

    /// "X and Co", "X, Y and Co" and "X & Sons" name a firm after its founders.
    #[test]
    fn firms_named_for_partners() {
        let got = orgs(&[
            "Brennan Mosley and Co advised the buyer, and Orrin, Vantongeren and Co the seller.",
            "The shop belongs to Delphine Arkwright & Sons.",
        ]);
        assert_eq!(
            got,
            vec!["Brennan Mosley", "Orrin Vantongeren", "Delphine Arkwright"]
        );
    }

    /// Tickers, angle brackets, "shares of" and a company's things after a possessive.
    #[test]
    fn the_words_around_a_name_can_make_it_a_company() {
        let got = orgs(&[
            "Ostrava Lindqvist <OSLQ> said it would buy <Merriwether Pike> for cash.",
            "He sold shares of Calder Voss last week. Tamsin Royle's board met on Friday.",
            "Pellworth stock rose 2 dlrs.",
        ]);
        assert_eq!(
            got,
            vec![
                "Ostrava Lindqvist",
                "Merriwether Pike",
                "Calder Voss",
                "Tamsin Royle",
                "Pellworth"
            ]
        );
    }

    /// Papers and organisations named by a noun, and companies sold.
    #[test]
    fn nouns_of_papers_firms_and_deals_name_organisations() {
        let got = orgs(&[
            "The daily Kestrel Courant said the bank, Caja Oriel, had closed after the sale of Hollis Brant.",
            "Publisher Ann Lee, broker Tom Reyes and the sale of Ivo Rask's stake were news.",
        ]);
        assert_eq!(got, vec!["Kestrel Courant", "Caja Oriel", "Hollis Brant"]);
    }

    /// People, even beside a firm named after them, and groups are no organisations.
    #[test]
    fn people_and_groups_are_not_organisations() {
        let got = orgs(&[
            "Mr. Ivo Rask's board met. Analyst Ann Lee said Farm Ministers and Kestrel Democrats would meet.",
            "Yesterday, Oskar Lindahl said he was pleased.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    /// The last partners of a longer firm's name are not a firm of their own.
    #[test]
    fn the_end_of_a_firms_name_is_not_a_firm() {
        assert_eq!(
            orgs(&["Hollis Brant, Okafor, Pennime and Vasquez Inc won the mandate."]),
            vec!["Okafor Pennime"]
        );
    }

    /// "X of Y Ltd" is X's firm; a first name inside a firm's name starts a name too.
    #[test]
    fn firms_of_a_country_and_names_after_a_trade() {
        assert_eq!(
            orgs(&[
                "Ann Lee of Hollis Brant of Canada Ltd agreed. Pork Packer John Marwick and Co did not.",
                "Nor did John Paul Wardle and Associates, said Tom Reyes of Kestrel Bank Corp.",
            ]),
            vec![
                "Hollis Brant",
                "Canada",
                "Pork Packer John Marwick",
                "John Marwick",
                "John Paul Wardle",
                "Kestrel"
            ]
        );
    }

    /// A place written with its country or state after a comma.
    #[test]
    fn places_are_followed_by_their_country() {
        let text = ArticleText::new([
            "A tanker sank in the harbour of Vela Cortes, Mexico. Ann Lee, Mexico's envoy, and Jim Oakes, Texas Democrat, met in Tarrow, Texas, on Monday.",
        ]);
        assert_eq!(find(&text).places, vec!["Vela Cortes", "Tarrow"]);
    }

    /// Initials before a firm's name are part of it.
    #[test]
    fn initials_belong_to_the_firm() {
        assert_eq!(
            orgs(&["He sold R.T. Vollmer Inc. J. Ostrander and Co bought it."]),
            vec!["R.T Vollmer", "J Ostrander"]
        );
    }

    /// Sentence words before a firm's name are not part of it.
    #[test]
    fn sentence_words_before_a_firm_go() {
        assert_eq!(
            orgs(&["Yesterday Harlan Whitby Corp said it was sold."]),
            vec!["Harlan Whitby"]
        );
    }

    proptest::proptest! {
        /// Any text: no panic, and every name is non-empty with a non-empty key.
        #[test]
        fn any_text_gives_keyed_names(s in "(?s).{0,80}|([A-Z][a-z]{0,6}|Inc|Co|and|<|>|,|'s|of|shares|Mexico|\\.| ){0,24}") {
            let text = ArticleText::new([s.as_str()]);
            let found = find(&text);
            for name in found.organisations.into_iter().chain(found.places) {
                proptest::prop_assert!(!person_key(&name).is_empty());
            }
        }
    }
}
