//! Extraction: pure functions from a [`Document`] to an [`Extraction`].
//!
//! Nothing here reads files or touches the database, so every rule can be unit-tested,
//! property-tested and fuzzed on its own. The order matters: captions and embeds are
//! found first so that quote extraction reads only the article's own paragraphs, and
//! bylines are read first so that authors are known as authors, not as quoted people.

pub mod captions;
pub mod dates;
pub mod embeds;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod sources;

use crate::model::{BlockKind, Document, Evidence, Extraction, Person, Quote, QuoteKind};
use people::PeopleBook;
use std::time::Duration;

/// Bumped whenever extraction changes what it finds; `reextract` re-runs older articles.
pub const EXTRACTOR_VERSION: i64 = 1;

/// Run every extractor over one document.
pub fn extract(doc: &Document) -> Extraction {
    extract_timed(doc, &mut StageTimes::default(), || Duration::ZERO)
}

/// Time spent in each extractor, summed over the documents given to [`extract_timed`]:
/// what `morgue-bench stages` prints to show where extraction time goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    pub bylines: Duration,
    pub captions: Duration,
    pub embeds: Duration,
    pub quotes: Duration,
    pub sources: Duration,
    pub people: Duration,
}

impl StageTimes {
    /// Each extractor's name with its time.
    pub fn named(&self) -> [(&'static str, Duration); 6] {
        [
            ("bylines", self.bylines),
            ("captions", self.captions),
            ("embeds", self.embeds),
            ("quotes", self.quotes),
            ("sources, datelines and dates", self.sources),
            ("people filter", self.people),
        ]
    }
}

/// [`extract`], adding the time of each extractor to `times` as told by `now` (a clock
/// of the caller's choice: the benchmark reads the thread's CPU time).
pub fn extract_timed(doc: &Document, times: &mut StageTimes, now: fn() -> Duration) -> Extraction {
    let clock = now();
    let mut book = PeopleBook::new();
    let authors = sources::clean_byline(&doc.meta.byline, doc.meta.outlet.as_deref());
    for a in &authors {
        book.mention(a, Evidence::Author);
    }
    let clock = lap(now, clock, &mut times.bylines);
    let captions = captions::find_captions(doc, &mut book);
    let clock = lap(now, clock, &mut times.captions);
    let embeds = embeds::find_embeds(doc, &mut book);
    let clock = lap(now, clock, &mut times.embeds);

    let mut skip: Vec<bool> = doc
        .blocks
        .iter()
        .map(|b| b.kind != BlockKind::Paragraph)
        .collect();
    for c in &captions {
        if let Some(s) = skip.get_mut(c.block) {
            *s = true;
        }
    }
    for e in &embeds {
        if let Some(s) = skip.get_mut(e.block) {
            *s = true;
        }
    }
    let mut quotes = quotes::find_quotes(doc, &skip, &mut book);
    // an embedded post is also a quote by its author
    for e in &embeds {
        if e.text.trim().is_empty() {
            continue;
        }
        quotes.push(Quote {
            text: e.text.clone(),
            speaker_text: e.author.clone().or_else(|| e.handle.clone()),
            person: e.person,
            role: None,
            verb: Some("posted".into()),
            kind: QuoteKind::Post,
            block: e.block,
            start: 0,
            end: e.text.chars().count(),
            rule: "embed".into(),
            confidence: 0.95,
        });
    }
    quotes.sort_by_key(|q| (q.block, q.start));
    let clock = lap(now, clock, &mut times.quotes);

    let (sources, dateline) = sources::find_sources(doc, &captions);
    let published = doc
        .meta
        .published
        .clone()
        .or_else(|| {
            dateline
                .as_ref()
                .and_then(|d| d.date.clone())
                .filter(|d| d.len() >= 10)
        })
        .or_else(|| dates::latest_date_in(doc));
    let clock = lap(now, clock, &mut times.sources);

    let mut ex = Extraction {
        people: book.into_people(),
        quotes,
        captions,
        embeds,
        sources,
        dateline,
        published,
        authors,
    };
    keep_real_people(&mut ex);
    lap(now, clock, &mut times.people);
    ex
}

/// Add the time since `since` to `total`; the new start.
fn lap(now: fn() -> Duration, since: Duration, total: &mut Duration) -> Duration {
    let t = now();
    *total += t.saturating_sub(since);
    t
}

/// Whether a name the extractors collected is a person: not an agency, not a company
/// or thing ("Energy Co", "Salomon Brothers"), and, when the article only mentions it,
/// shaped like a full name (a capitalised run alone is no evidence).
fn is_person(p: &Person) -> bool {
    use sources::names::{is_org_word, looks_like_person};
    let credited = p.evidence.iter().any(|e| {
        matches!(
            e,
            Evidence::Author | Evidence::Photographer | Evidence::PostAuthor
        )
    });
    if sources::agencies::lookup(&p.name).is_some() && !credited {
        return false;
    }
    if !credited && p.name.split_whitespace().any(is_org_word) {
        return false;
    }
    if p.evidence.iter().all(|e| *e == Evidence::Mentioned) {
        return looks_like_person(&p.name);
    }
    true
}

/// Drop what is not a person and renumber every reference to the people kept.
fn keep_real_people(ex: &mut Extraction) {
    if ex.people.iter().all(is_person) {
        return;
    }
    let mut new_index = vec![None; ex.people.len()];
    let mut kept = Vec::with_capacity(ex.people.len());
    for (i, p) in std::mem::take(&mut ex.people).into_iter().enumerate() {
        if is_person(&p) {
            new_index[i] = Some(kept.len());
            kept.push(p);
        }
    }
    ex.people = kept;
    let map = |i: Option<usize>| i.and_then(|i| new_index.get(i).copied().flatten());
    for q in &mut ex.quotes {
        q.person = map(q.person);
    }
    for c in &mut ex.captions {
        c.photographer = map(c.photographer);
        c.pictured = c.pictured.iter().filter_map(|&i| map(Some(i))).collect();
    }
    for e in &mut ex.embeds {
        e.person = map(e.person);
    }
}
