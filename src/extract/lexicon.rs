//! Word lists as data, not code: each list is a text file in `src/extract/lexicon/`,
//! one entry per line, `#` starting a comment, embedded at compile time with
//! `include_str!` by the extractor that uses it.
//!
//! Lists that are looked up once per word of every article are [`WordSet`]s: hash sets
//! with [`WordHasher`], a multiply-rotate hash (the one rustc uses) that costs a few
//! nanoseconds on a short word where std's SipHash costs tens. The keys are our own
//! words, not an attacker's, so SipHash's resistance to flooding buys nothing here.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The entries of a lexicon file: trimmed, without blank lines and `#` comments.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// A fast hash for short words (FxHash): not resistant to chosen keys, which lexicon
/// words and an article's own words do not need.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        // the table indexes by the low bits: bring the well-mixed high bits down
        self.0.rotate_left(26)
    }
}

/// A set of words hashed with [`WordHasher`].
pub type WordSet<T = &'static str> = HashSet<T, BuildHasherDefault<WordHasher>>;
/// A map from words hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

const MONTHS: &str = include_str!("lexicon/months.txt");

/// Weekday names and their abbreviations, lower case.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// `s.to_lowercase()`, borrowing `s` when it is ASCII without capitals (most words).
pub fn to_lower(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() {
        Cow::Owned(s.to_lowercase())
    } else if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The longest word [`with_lower`] lower-cases on the stack instead of the heap.
pub const STACK_WORD: usize = 32;

/// An ASCII word lower-cased into `buf`; `None` for a word that is not ASCII or does
/// not fit, which the caller lower-cases the allocating way. For ASCII, [`to_lower`] is
/// `to_ascii_lowercase`, so the key is the one the allocating way makes.
pub fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; STACK_WORD]) -> Option<&'b str> {
    let out = buf.get_mut(..word.len()).filter(|_| word.is_ascii())?;
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// `f(&to_lower(word))`, lower-casing an ASCII word on the stack: the lexicons are
/// asked about nearly every capitalised word of every article, and a heap string for
/// each lookup cost more than the lookup.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0; STACK_WORD];
    match ascii_lower(word, &mut buf) {
        Some(l) => f(l),
        None => f(&to_lower(word)),
    }
}

/// A word with its accents taken off, lower case ("Félix" → "felix", "Micheál" →
/// "micheal"), when it has any: a name list written in plain letters then knows every
/// spelling of its names.
pub fn without_accents(word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let folded: String = fold_accents(word).collect();
    (folded != to_lower(word)).then_some(folded)
}

/// The characters of `text` in compatibility decomposition, combining marks dropped,
/// lower case: the one accent folding that names and name lists share.
pub fn fold_accents(text: &str) -> impl Iterator<Item = char> + '_ {
    use unicode_normalization::UnicodeNormalization;
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
}

/// Arabic articles written joined to a surname by a hyphen: "Bashar al-Assad", "Abdel
/// Fattah el-Sisi", "Salah ad-Din".
const JOINED_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "at", "ash", "az", "an", "ul", "ud", "ed",
];

/// Whether a word in lower case is still a capitalised name: an Arabic article joined to
/// a capitalised surname ("al-Assad", "el-Sisi").
pub fn is_joined_article_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(article, rest)| {
        JOINED_ARTICLES.contains(&article) && rest.starts_with(char::is_uppercase)
    })
}

/// Whether a word may be a person's initials written without dots: two capital letters
/// that are no known acronym (acronyms.txt), as in "JD Vance", "MS Dhoni", "KP Sharma
/// Oli" (not "US Army", "BP Amoco", "EU Commission"). The shape alone is no evidence:
/// callers take such initials only before a surname and with a sign of a person.
pub fn is_undotted_initials(word: &str) -> bool {
    static ACRONYMS: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let acronyms = ACRONYMS.get_or_init(|| entries(include_str!("lexicon/acronyms.txt")).collect());
    word.len() == 2
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && !with_lower(word, |l| acronyms.contains(l))
}

/// Whether two words are a Korean or Chinese name written family name first with a
/// hyphenated given name: "Moon Jae-in", "Lai Ching-te", "Rha Woong-bae". The family
/// name is a known one (family_names_first.txt); the given name a capitalised syllable
/// joined to a lower-case one.
pub fn is_family_first_name(family: &str, given: &str) -> bool {
    static FAMILY: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let families =
        FAMILY.get_or_init(|| entries(include_str!("lexicon/family_names_first.txt")).collect());
    let syllable = |s: &str, cap: bool| {
        let mut cs = s.chars();
        (2..=6).contains(&s.len())
            && cs
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() && c.is_ascii_uppercase() == cap)
            && cs.all(|c| c.is_ascii_lowercase())
    };
    with_lower(family, |l| families.contains(l))
        && family.starts_with(|c: char| c.is_ascii_uppercase())
        && given.split_once('-').is_some_and(|(a, b)| {
            // "Hong Kong-listed", "Kim Jong-era": an English word after the hyphen
            const ENGLISH: &[&str] = &["based", "born", "style", "like", "wide", "era", "only"];
            syllable(a, true)
                && syllable(b, false)
                && b.len() <= 5
                && !b.ends_with("ed")
                && !ENGLISH.contains(&b)
        })
}

/// Whether three words are a Vietnamese name written family name first: a known
/// family name (family_names_vietnamese.txt), then a middle and a given name, each one
/// capitalised syllable ("Nguyen Xuan Phuc", "Vo Van Thuong", "Phạm Minh Chính"); not a
/// title or an English word ("Le Monde Diplomatique", "Le Grand Bleu").
pub fn is_vietnamese_name(words: &[&str]) -> bool {
    static FAMILY: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    let families = FAMILY
        .get_or_init(|| entries(include_str!("lexicon/family_names_vietnamese.txt")).collect());
    let [family, middle, given] = words else {
        return false;
    };
    let syllable = |s: &str| {
        let n = s.chars().count();
        (2..=6).contains(&n)
            && s.starts_with(char::is_uppercase)
            && s.chars().skip(1).all(char::is_lowercase)
    };
    let key = |s: &str| -> String { fold_accents(s).collect() };
    /// Words that follow a French or English "Le"/"Ha" but are no Vietnamese syllable.
    const NOT_SYLLABLES: &[&str] = &[
        "grand", "monde", "mans", "havre", "petit", "figaro", "point", "soir", "bon", "roi", "pen",
        "the", "and",
    ];
    families.contains(key(family).as_str())
        && [family, middle, given].iter().all(|w| syllable(w))
        && ![middle, given]
            .iter()
            .any(|w| NOT_SYLLABLES.contains(&key(w).as_str()))
}

/// Whether a word (any case, a trailing period allowed) is a weekday name or abbreviation.
pub fn is_weekday(word: &str) -> bool {
    with_lower(word.trim_end_matches('.'), |l| WEEKDAYS.contains(&l))
}

/// Whether a word (any case, a trailing period allowed) names a month or a weekday:
/// capitalised in text, and never a person.
pub fn is_calendar_word(word: &str) -> bool {
    static MONTH_WORDS: std::sync::OnceLock<WordSet<String>> = std::sync::OnceLock::new();
    let months = MONTH_WORDS.get_or_init(|| {
        entries(MONTHS)
            .flat_map(|line| line.split_whitespace().skip(1))
            .map(str::to_lowercase)
            // "May" is also a surname (Theresa May): it alone does not rule a name out
            .filter(|m| m != "may")
            .collect()
    });
    with_lower(word.trim_end_matches('.'), |w| {
        months.contains(w) || WEEKDAYS.contains(&w)
    })
}

/// Function words of French, Spanish, German, Italian and Portuguese
/// (function_words_other.txt), each with whether it is also a given name or surname.
struct OtherFunctionWords {
    words: WordMap<&'static str, bool>,
    /// The longest in bytes: an ASCII word longer than that (ASCII keeps its length
    /// in lower case) is none of them, without a lookup.
    longest: usize,
}

fn other_function_words() -> &'static OtherFunctionWords {
    static W: std::sync::OnceLock<OtherFunctionWords> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let words: WordMap<&'static str, bool> =
            entries(include_str!("lexicon/function_words_other.txt"))
                .filter_map(|l| {
                    let mut it = l.split_whitespace();
                    Some((it.next()?, it.next() == Some("name")))
                })
                .collect();
        let longest = words.keys().map(|w| w.len()).max().unwrap_or(0);
        OtherFunctionWords { words, longest }
    })
}

/// Whether a word is one of [`other_function_words`], and whether that is also a name.
fn other_function_word(word: &str) -> Option<bool> {
    let w = other_function_words();
    if word.len() > w.longest && word.is_ascii() {
        return None;
    }
    with_lower(word, |l| w.words.get(l).copied())
}

/// Whether a word is an article, pronoun or other function word of another common news
/// language ("Les", "Die", "Los"): alone, never a person's name.
pub fn is_other_function_word(word: &str) -> bool {
    other_function_word(word).is_some()
}

/// Whether a word opens a noun phrase of another common news language, never a person's
/// name ("La Nación", "Die Grünen", "Las Vecinas"): a function word of
/// [`is_other_function_word`] that is no given name or surname too ("Les Moonfield", "Le
/// Van Thanh").
pub fn opens_other_noun_phrase(word: &str) -> bool {
    other_function_word(word) == Some(false)
}

#[cfg(test)]
mod tests {
    #[test]
    fn skips_comments_and_blanks() {
        let got: Vec<_> = super::entries("# head\nsaid\n\n  told # past\n").collect();
        assert_eq!(got, vec!["said", "told"]);
    }

    proptest::proptest! {
        #[test]
        fn to_lower_is_to_lowercase(s in "(?s).{0,12}|[a-zA-Z .'-]{0,12}|K\u{212A}\u{130}[a-z]{0,3}") {
            proptest::prop_assert_eq!(super::to_lower(&s), s.to_lowercase());
        }

        #[test]
        fn with_lower_is_to_lowercase(s in "(?s).{0,40}|[a-zA-Z .'-]{0,40}|K\u{212A}\u{130}[a-zA-Z]{0,3}") {
            proptest::prop_assert_eq!(super::with_lower(&s, str::to_string), s.to_lowercase());
        }

        /// The length test rules out only words the list does not hold.
        #[test]
        fn other_function_words_as_looked_up(s in "(?s).{0,12}|[a-zA-Z]{0,12}|[a-zA-ZäöüÄÖÜß\u{212A}]{0,6}") {
            let held = super::other_function_words().words.get(&*s.to_lowercase()).copied();
            proptest::prop_assert_eq!(super::other_function_word(&s), held);
        }

        #[test]
        fn word_hasher_sets_find_what_they_hold(words in proptest::collection::vec("[a-zA-Z]{0,20}", 0..40)) {
            let set: super::WordSet<String> = words.iter().cloned().collect();
            let std_set: std::collections::HashSet<String> = words.iter().cloned().collect();
            proptest::prop_assert_eq!(set.len(), std_set.len());
            for w in &words {
                proptest::prop_assert!(set.contains(w.as_str()));
            }
        }
    }

    #[test]
    fn accents_fold_and_joined_articles() {
        assert_eq!(super::without_accents("Félix").as_deref(), Some("felix"));
        assert_eq!(
            super::without_accents("Micheál").as_deref(),
            Some("micheal")
        );
        assert_eq!(super::without_accents("Felix"), None);
        assert!(super::is_joined_article_name("al-Assad"));
        assert!(super::is_joined_article_name("el-Sisi"));
        assert!(!super::is_joined_article_name("al-qaeda"));
        assert!(!super::is_joined_article_name("well-Known"));
        assert!(!super::is_joined_article_name("Al-Assad"));
    }

    #[test]
    fn family_first_names() {
        assert!(super::is_family_first_name("Moon", "Jae-in"));
        assert!(super::is_family_first_name("Lai", "Ching-te"));
        assert!(super::is_family_first_name("Kim", "Jong-un"));
        assert!(!super::is_family_first_name("Jean", "Pierre-Louis"));
        assert!(!super::is_family_first_name("New", "York-based"));
        assert!(!super::is_family_first_name("Park", "Avenue"));
        assert!(!super::is_family_first_name("Hong", "Kong-listed"));
    }

    #[test]
    fn vietnamese_names_are_three_syllables() {
        assert!(super::is_vietnamese_name(&["Tran", "Van", "Binh"]));
        assert!(super::is_vietnamese_name(&["Phạm", "Thị", "Hoa"]));
        assert!(!super::is_vietnamese_name(&["Tran", "Binh"]));
        assert!(!super::is_vietnamese_name(&["Le", "Monde", "Diplomatique"]));
        assert!(!super::is_vietnamese_name(&["Le", "Grand", "Bleu"]));
        assert!(!super::is_vietnamese_name(&["Tran", "VAN", "Binh"]));
        assert!(!super::is_vietnamese_name(&["Smith", "Van", "Binh"]));
    }

    #[test]
    fn undotted_initials_are_not_acronyms() {
        for w in ["JD", "KP", "AR", "MS"] {
            assert!(super::is_undotted_initials(w), "{w}");
        }
        for w in ["US", "UK", "EU", "BP", "AP", "PM", "J", "JDV", "Jd", "J."] {
            assert!(!super::is_undotted_initials(w), "{w}");
        }
    }

    #[test]
    fn calendar_words() {
        for w in ["March", "sept.", "Tues", "december", "Sun"] {
            assert!(super::is_calendar_word(w), "{w}");
        }
        assert!(!super::is_calendar_word("Marsh"));
        assert!(!super::is_calendar_word("May"));
        assert!(super::is_weekday("Wed."));
        assert!(!super::is_weekday("May"));
    }
}
