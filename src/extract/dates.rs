//! Dates: the formats inputs carry, and the dates article text mentions.
//!
//! Inputs date themselves in every format there is ("26-FEB-1987 15:01:01.79" in old
//! wire dumps, RFC 2822 in feeds, "Jan. 26, 2022" in page bylines), and the archive
//! stores one: ISO 8601. [`parse_date`] is the one place that knows them all, so the
//! readers call it. Article text carries dates too ("on Tuesday, January 25, 2022"):
//! captions keep the date a photo was taken, and an article without a publication date
//! is dated by the latest full date it mentions ([`latest_date_in`]).
//!
//! Everything here is regex-driven (linear time) and returns `None` rather than guess.
//!
//! Extraction dates a dateline once per article, so that path avoids chrono's format
//! strings, which are parsed anew on every call: [`iso_date`] writes the numbers itself
//! and [`published_day`] reads the archive's own ISO stamps directly.

use crate::extract::sources::gated;
use crate::model::Document;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use regex::Regex;
use std::sync::OnceLock;

const MONTHS: &str = include_str!("lexicon/months.txt");

/// Month number for a month name or abbreviation ("Jan", "sept", "January").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    months().iter().find(|(_, n)| *n == w).map(|(m, _)| *m)
}

/// (month number, lower-case name) for every spelling in the lexicon.
fn months() -> &'static [(u32, String)] {
    static M: OnceLock<Vec<(u32, String)>> = OnceLock::new();
    M.get_or_init(|| {
        let mut out = Vec::new();
        for line in super::lexicon::entries(MONTHS) {
            let mut words = line.split_whitespace();
            let Some(num) = words.next().and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            out.extend(words.map(|w| (num, w.to_lowercase())));
        }
        out
    })
}

/// Regex alternation of every month spelling, longest first so "Sept" beats "Sep".
pub fn month_alternation() -> &'static str {
    static A: OnceLock<String> = OnceLock::new();
    A.get_or_init(|| {
        let mut names: Vec<&str> = months().iter().map(|(_, n)| n.as_str()).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        names.join("|")
    })
}

/// Regexes for full dates written in prose.
struct Prose {
    /// "Tuesday, January 25, 2022", "Jan. 25 2022", "January 25th, 2022"
    month_day_year: Regex,
    /// "25 January 2022", "25th of Jan. 2022"
    day_month_year: Regex,
    /// "2022-01-25"
    iso: Regex,
    /// "January 25" with no year (datelines, captions)
    month_day: Regex,
}

fn prose() -> &'static Prose {
    static P: OnceLock<Prose> = OnceLock::new();
    P.get_or_init(|| {
        let m = month_alternation();
        let mk = |s: String| Regex::new(&s).expect("date regex");
        Prose {
            month_day_year: mk(format!(r"(?i)(?-u:\b)({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)")),
            day_month_year: mk(format!(r"(?i)(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})\.?,?\s+(\d{{4}})(?-u:\b)")),
            iso: mk(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)".to_string()),
            month_day: mk(format!(
                r"(?i)(?-u:\b)({m})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)|(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({m})(?-u:\b)"
            )),
        }
    })
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// A full date found in prose: where it starts and ends (bytes) and the date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub date: NaiveDate,
}

/// Every full date (day, month and year) written in `text`, in text order.
pub fn dates_in(text: &str) -> Vec<FoundDate> {
    /// Where the year, month and day are among a pattern's three groups.
    #[derive(Clone, Copy, PartialEq)]
    enum Order {
        MonthDayYear,
        DayMonthYear,
        YearMonthDay,
    }
    let p = prose();
    let mut out: Vec<FoundDate> = Vec::new();
    for (re, order) in [
        (&p.month_day_year, Order::MonthDayYear),
        (&p.day_month_year, Order::DayMonthYear),
        (&p.iso, Order::YearMonthDay),
    ] {
        for c in gated::captures_iter(re, text) {
            let (Some(all), Some(g1), Some(g2), Some(g3)) =
                (c.get(0), c.get(1), c.get(2), c.get(3))
            else {
                continue;
            };
            if out
                .iter()
                .any(|f| f.start < all.end() && all.start() < f.end)
            {
                continue;
            }
            let (y, m, d) = match order {
                Order::MonthDayYear => (g3, g1, g2),
                Order::DayMonthYear => (g3, g2, g1),
                Order::YearMonthDay => (g1, g2, g3),
            };
            let month = if order == Order::YearMonthDay {
                m.as_str().parse().ok()
            } else {
                month_number(m.as_str())
            };
            if let Some(date) = month.and_then(|m| ymd(y.as_str(), m, d.as_str())) {
                out.push(FoundDate {
                    start: all.start(),
                    end: all.end(),
                    date,
                });
            }
        }
    }
    out.sort_by_key(|f| f.start);
    out
}

/// The first "Month Day" without a year in `text` (month, day), for datelines and
/// captions that leave the year to the publication date.
pub fn month_day_in(text: &str) -> Option<(u32, u32)> {
    let c = gated::captures(&prose().month_day, text)?;
    let (m, d) = match (c.get(1), c.get(2)) {
        (Some(m), Some(d)) => (m, d),
        _ => (c.get(4)?, c.get(3)?),
    };
    let m = month_number(m.as_str())?;
    let d: u32 = d.as_str().parse().ok()?;
    (1..=31).contains(&d).then_some((m, d))
}

/// A date as ISO 8601, `YYYY-MM-DD`: what `date.format("%Y-%m-%d")` writes.
pub fn iso_date(date: NaiveDate) -> String {
    let y = date.year();
    if (0..=9999).contains(&y) {
        format!("{y:04}-{:02}-{:02}", date.month(), date.day())
    } else {
        // signed and long years, as chrono writes them
        date.format("%Y-%m-%d").to_string()
    }
}

/// The day of a publication date as inputs give it (any form [`parse_date`] reads).
fn published_day(published: &str) -> Option<NaiveDate> {
    // the archive's own forms, "2022-01-26" and "2022-01-26T10:00:00": whatever the
    // time, parse_date keeps this day when it is one (tested against the general path)
    let b = published.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let stamp = b.len() == 19
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && digits(11..13)
        && digits(14..16)
        && digits(17..19);
    if (b.len() == 10 || stamp)
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
    {
        let n = |r: std::ops::Range<usize>| published[r].parse::<u32>().ok();
        return NaiveDate::from_ymd_opt(n(0..4)? as i32, n(5..7)?, n(8..10)?);
    }
    published_day_parsed(published)
}

/// [`published_day`] for any form: normalise, then read the day.
fn published_day_parsed(published: &str) -> Option<NaiveDate> {
    parse_date(published).and_then(|p| {
        p.get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
    })
}

/// Month and day placed in the year of `published` (ISO), stepping back a year when
/// that would put the date well after publication (a December dateline on a January story).
pub fn with_year_of(month: u32, day: u32, published: Option<&str>) -> Option<String> {
    let pubd = published.and_then(published_day)?;
    let y = pubd.year();
    let date = NaiveDate::from_ymd_opt(y, month, day)?;
    let date = if (date - pubd).num_days() > 60 {
        NaiveDate::from_ymd_opt(y - 1, month, day)?
    } else {
        date
    };
    Some(iso_date(date))
}

/// The latest full date the text mentions, as ISO 8601, if any.
pub fn latest_date_in(doc: &Document) -> Option<String> {
    doc.blocks
        .iter()
        .flat_map(|b| dates_in(&b.text))
        .map(|f| f.date)
        .max()
        .map(iso_date)
}

/// Normalise a date as inputs write it to ISO 8601: `YYYY-MM-DD`, or
/// `YYYY-MM-DDTHH:MM:SS` followed by `Z` or the offset when the input gives one.
///
/// Knows ISO 8601 and RFC 3339, RFC 2822 ("Wed, 26 Jan 2022 10:00:00 +0000"), the old
/// wire form "26-FEB-1987 15:01:01.79", "January 26, 2022", "Jan. 26, 2022",
/// "26 January 2022", "2022/01/26", "26.01.2022" and "01/26/2022"; failing those, the
/// first full date written anywhere in the string ("Updated Jan. 26, 2022 5:32 PM").
pub fn parse_date(s: &str) -> Option<String> {
    if s.len() > 200 {
        return None;
    }
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.as_str();
    if s.is_empty() {
        return None;
    }
    parse_zoned(s)
        .or_else(|| parse_naive_datetime(s))
        .or_else(|| parse_numeric_date(s))
        .or_else(|| parse_leading_stamp(s))
        .or_else(|| {
            dates_in(s)
                .first()
                .map(|f| f.date.format("%Y-%m-%d").to_string())
        })
}

/// RFC 3339 and RFC 2822: instants with a zone.
fn parse_zoned(s: &str) -> Option<String> {
    let dt = DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f%:z"))
        .or_else(|_| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z"))
        .ok()?;
    let base = dt.naive_local().format("%Y-%m-%dT%H:%M:%S").to_string();
    let off = dt.offset().local_minus_utc();
    if off == 0 {
        Some(base + "Z")
    } else {
        Some(format!("{base}{}", dt.offset()))
    }
}

/// Date and time without a zone: ISO with a space or `T`, and "26-FEB-1987 15:01:01.79".
fn parse_naive_datetime(s: &str) -> Option<String> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%d-%b-%Y %H:%M:%S%.f",
        "%d-%b-%Y %H:%M:%S",
        "%d-%b-%Y %H:%M",
    ];
    for f in FORMATS {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    // a UTC instant that RFC 3339 refused (no seconds fraction rules, odd spacing)
    if let Some(rest) = s.strip_suffix('Z') {
        if let Ok(dt) = NaiveDateTime::parse_from_str(rest, "%Y-%m-%dT%H:%M:%S%.f") {
            return Some(dt.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        }
    }
    None
}

/// A date-time stamp followed by junk ("27-MAR-1987 00:02:59.13&#5;&#5;RM",
/// "2022-01-26 10:00:00 (local)"): the stamp alone.
fn parse_leading_stamp(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:(\d{4}-\d{2}-\d{2})|(\d{1,2}-[A-Za-z]{3}-\d{4}))(?:[T ](\d{1,2}:\d{2}(?::\d{2})?))?")
            .expect("stamp regex")
    });
    let c = re.captures(s)?;
    let date = match (c.get(1), c.get(2)) {
        (Some(iso), _) => NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d").ok()?,
        (None, Some(wire)) => NaiveDate::parse_from_str(wire.as_str(), "%d-%b-%Y").ok()?,
        _ => return None,
    };
    let time = c.get(3).and_then(|t| {
        chrono::NaiveTime::parse_from_str(t.as_str(), "%H:%M:%S")
            .or_else(|_| chrono::NaiveTime::parse_from_str(t.as_str(), "%H:%M"))
            .ok()
    });
    Some(match time {
        Some(t) => date.and_time(t).format("%Y-%m-%dT%H:%M:%S").to_string(),
        None => date.format("%Y-%m-%d").to_string(),
    })
}

/// Dates alone in numeric and abbreviated forms.
fn parse_numeric_date(s: &str) -> Option<String> {
    const FORMATS: &[&str] = &[
        "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d-%b-%Y", "%d %b %Y", "%d.%m.%Y", "%Y%m%d",
    ];
    let fmt = |d: NaiveDate| Some(d.format("%Y-%m-%d").to_string());
    for f in FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return fmt(d);
        }
    }
    // 01/26/2022 (US) unless the first number cannot be a month: 26/01/2022
    let parts: Vec<&str> = s.split('/').collect();
    if let [a, b, y] = parts.as_slice() {
        let (a, b): (u32, u32) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        let y: i32 = y.trim().parse().ok()?;
        if !(1000..=9999).contains(&y) {
            return None;
        }
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        return NaiveDate::from_ymd_opt(y, m, d).and_then(fmt);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Format, Metadata};

    #[test]
    fn parses_the_formats_inputs_carry() {
        let cases = [
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01"),
            ("3-MAR-1987  09:15:05.40", "1987-03-03T09:15:05"),
            (
                "27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM",
                "1987-03-27T00:02:59",
            ),
            ("2022-01-26", "2022-01-26"),
            ("2022-01-26T10:00:00Z", "2022-01-26T10:00:00Z"),
            ("2022-01-26T10:00:00.250Z", "2022-01-26T10:00:00Z"),
            ("2022-01-26T10:00:00+01:00", "2022-01-26T10:00:00+01:00"),
            ("2022-01-26 10:00:00", "2022-01-26T10:00:00"),
            ("January 26, 2022", "2022-01-26"),
            ("Jan. 26, 2022", "2022-01-26"),
            ("Sept. 3, 2021", "2021-09-03"),
            ("26 January 2022", "2022-01-26"),
            ("Wednesday, January 26, 2022", "2022-01-26"),
            ("Wed, 26 Jan 2022 10:00:00 +0000", "2022-01-26T10:00:00Z"),
            (
                "Wed, 26 Jan 2022 10:00:00 -0500",
                "2022-01-26T10:00:00-05:00",
            ),
            ("2022/01/26", "2022-01-26"),
            ("26.01.2022", "2022-01-26"),
            ("01/26/2022", "2022-01-26"),
            ("26/01/2022", "2022-01-26"),
            ("Updated 5:32 PM EDT, Wed January 26, 2022", "2022-01-26"),
        ];
        for (input, want) in cases {
            assert_eq!(parse_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for s in [
            "",
            "yesterday",
            "2022-13-45",
            "31/31/2022",
            "May we go",
            "Feb 30, 2022",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }

    #[test]
    fn finds_dates_in_prose() {
        let t = "Troops drilled on Tuesday, Jan. 25, 2022, and again on 27 January 2022.";
        let got: Vec<_> = dates_in(t).iter().map(|f| f.date.to_string()).collect();
        assert_eq!(got, vec!["2022-01-25", "2022-01-27"]);
        assert_eq!(month_day_in("PARIS, Feb 3 - The"), Some((2, 3)));
        assert_eq!(month_day_in("ROME, 3 March - The"), Some((3, 3)));
    }

    #[test]
    fn year_comes_from_publication() {
        assert_eq!(
            with_year_of(2, 26, Some("26-FEB-1987 15:01:01.79")).as_deref(),
            Some("1987-02-26")
        );
        assert_eq!(
            with_year_of(12, 31, Some("2022-01-02")).as_deref(),
            Some("2021-12-31")
        );
        assert_eq!(with_year_of(2, 26, None), None);
    }

    #[test]
    fn latest_date_of_a_document() {
        let doc = Document {
            meta: Metadata::default(),
            blocks: vec![
                Block::paragraph("A parade took place on March 3, 2021."),
                Block::paragraph("The report came out on 5 April 2021, a month later."),
                Block::paragraph("Nothing dated here."),
            ],
            format: Format::Text,
        };
        assert_eq!(latest_date_in(&doc).as_deref(), Some("2021-04-05"));
    }

    proptest::proptest! {
        #[test]
        fn iso_date_is_chronos_format(days in -4_000_000i32..4_000_000) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            proptest::prop_assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        }

        #[test]
        fn published_day_fast_path_agrees(
            s in "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2})?|(?s).{0,24}",
            y in 1900u32..2100, m in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..61,
        ) {
            proptest::prop_assert_eq!(published_day(&s), published_day_parsed(&s));
            let stamp = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{mi:02}");
            proptest::prop_assert_eq!(published_day(&stamp), published_day_parsed(&stamp));
            proptest::prop_assert_eq!(published_day(&stamp[..10]), published_day_parsed(&stamp[..10]));
        }

        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = parse_date(&s);
            let _ = dates_in(&s);
            let _ = month_day_in(&s);
        }
    }
}
