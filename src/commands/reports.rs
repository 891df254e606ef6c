//! The report commands: filters in, rows out through the one formatter.

use super::{one_more, open_read, print_query, Outcome};
use crate::cli::{
    ArticlesArgs, CaptionsArgs, FilterArgs, OutputArgs, PeopleArgs, QuotesArgs, SearchArgs,
    SourcesArgs,
};
use crate::report::{self, Filters};
use std::path::Path;

fn filters(f: &FilterArgs, text: Option<&String>) -> Filters {
    Filters {
        outlet: f.outlet.clone(),
        source: f.source.clone(),
        person: f.person.clone(),
        since: f.since.clone(),
        until: f.until.clone(),
        text: text.cloned(),
        limit: f.limit,
    }
}

pub fn articles(db: &Path, a: ArticlesArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, a.text.as_ref());
    let (shown, query_limit) = one_more(f.limit, 50);
    f.limit = Some(query_limit);
    print_query(&archive, &report::articles(&f), &a.output, Some(shown))?;
    Ok(Outcome::Ok)
}

pub fn quotes(db: &Path, a: QuotesArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, a.words.as_ref());
    let (shown, query_limit) = one_more(f.limit, 50);
    f.limit = Some(query_limit);
    let q = report::quotes(&archive, &f, a.kind.as_deref(), a.article, a.explain)?;
    print_query(&archive, &q, &a.output, Some(shown))?;
    Ok(Outcome::Ok)
}

pub fn people(db: &Path, a: PeopleArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, None);
    let (shown, query_limit) = one_more(a.top.or(f.limit), 20);
    f.limit = Some(query_limit);
    print_query(&archive, &report::people(&f, a.by), &a.output, Some(shown))?;
    Ok(Outcome::Ok)
}

pub fn sources(db: &Path, a: SourcesArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, None);
    let (shown, query_limit) = one_more(f.limit, 100);
    f.limit = Some(query_limit);
    print_query(&archive, &report::sources(&f), &a.output, Some(shown))?;
    Ok(Outcome::Ok)
}

pub fn captions(db: &Path, a: CaptionsArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, a.words.as_ref());
    let (shown, query_limit) = one_more(f.limit, 50);
    f.limit = Some(query_limit);
    let q = report::captions(&f, a.agency.as_deref(), a.photographer.as_deref());
    print_query(&archive, &q, &a.output, Some(shown))?;
    Ok(Outcome::Ok)
}

pub fn search(db: &Path, a: SearchArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let (shown, query_limit) = one_more(Some(a.limit), 20);
    let q = report::search(&a.query, a.raw, a.within, query_limit);
    match print_query(&archive, &q, &a.output, Some(shown)) {
        Err(e) if a.raw && e.to_string().contains("fts5") => {
            anyhow::bail!("the --raw search is not valid FTS5 syntax: {e:#}")
        }
        other => other?,
    }
    Ok(Outcome::Ok)
}

pub fn stats(db: &Path, a: OutputArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    print_query(&archive, &report::stats(), &a, None)?;
    Ok(Outcome::Ok)
}

pub fn timeline(db: &Path, a: crate::cli::TimelineArgs) -> anyhow::Result<Outcome> {
    let archive = open_read(db)?;
    let mut f = filters(&a.filters, None);
    let (shown, query_limit) = one_more(f.limit, 10_000);
    f.limit = Some(query_limit);
    print_query(
        &archive,
        &report::timeline(&f, a.by, a.of),
        &a.output,
        Some(shown),
    )?;
    Ok(Outcome::Ok)
}
