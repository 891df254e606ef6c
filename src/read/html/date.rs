//! Publication dates as pages write them, to ISO 8601.
//!
//! Metadata dates come in many shapes: RFC 3339, offsets without a colon
//! (`+0100`), a space instead of `T`, fractions of seconds, no offset at all, RFC 2822,
//! or plain English ("July 24, 2015"). Everything becomes `YYYY-MM-DD` or
//! `YYYY-MM-DDTHH:MM:SS+HH:MM` (`Z` for UTC): the offset is kept when the page gives one,
//! and a time without an offset keeps only its day, which is the part that is certain.

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    )
    .expect("valid date pattern")
});

static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:T|$)").expect("valid date pattern"));

static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("valid date pattern")
});

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b")
        .expect("valid date pattern")
});

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|\.|$)")
        .expect("valid date pattern")
});

/// Normalise a machine-readable date (metadata, `datetime` attributes).
pub fn normalize(raw: &str) -> Option<String> {
    let s = raw.trim();
    if let Some(c) = ISO.captures(s) {
        let date = ymd(&c[1], &c[2], &c[3])?;
        let (Some(h), Some(m)) = (c.get(4), c.get(5)) else {
            return Some(date);
        };
        let sec = c.get(6).map_or("00", |m| m.as_str());
        let (h, m, sec): (u32, u32, u32) = (
            h.as_str().parse().ok()?,
            m.as_str().parse().ok()?,
            sec.parse().ok()?,
        );
        if h > 23 || m > 59 || sec > 60 {
            return Some(date);
        }
        let Some(offset) = c.get(7).and_then(|o| offset(o.as_str())) else {
            return Some(date);
        };
        return Some(format!("{date}T{h:02}:{m:02}:{sec:02}{offset}"));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(with_offset(&t));
    }
    if let Some(c) = COMPACT.captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    from_text(s)
}

/// A date written in English words ("July 24, 2015", "24 July 2015").
pub fn from_text(s: &str) -> Option<String> {
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return ymd(&c[3], &month(&c[1])?.to_string(), &c[2]);
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return ymd(&c[3], &month(&c[2])?.to_string(), &c[1]);
    }
    None
}

/// A date in a URL path (`/2015/07/24/`).
pub fn from_url(url: &str) -> Option<String> {
    let c = URL_DATE.captures(url)?;
    ymd(&c[1], &c[2], &c[3])
}

fn with_offset(t: &DateTime<chrono::FixedOffset>) -> String {
    let secs = t.offset().local_minus_utc();
    if secs == 0 {
        t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(date.format("%Y-%m-%d").to_string())
}

fn offset(o: &str) -> Option<String> {
    let upper = o.to_ascii_uppercase();
    if matches!(upper.as_str(), "Z" | "UTC" | "GMT") {
        return Some("Z".into());
    }
    let sign = &o[..1];
    let digits: String = o[1..].chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match digits.len() {
        2 => (&digits[..2], "00"),
        4 => (&digits[..2], &digits[2..]),
        _ => return None,
    };
    let (hn, mn): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if hn > 14 || mn > 59 {
        return None;
    }
    if hn == 0 && mn == 0 {
        return Some("Z".into());
    }
    Some(format!("{sign}{h}:{m}"))
}

fn month(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(
            normalize("2021-11-01T10:52:50+0100").as_deref(),
            Some("2021-11-01T10:52:50+01:00")
        );
        assert_eq!(
            normalize("2019-01-03T07:00:02.000Z").as_deref(),
            Some("2019-01-03T07:00:02Z")
        );
        assert_eq!(
            normalize("2017-11-03 03:01:00.000000").as_deref(),
            Some("2017-11-03")
        );
        assert_eq!(normalize("2024-06-25").as_deref(), Some("2024-06-25"));
        assert_eq!(
            normalize("2015-07-10T09:53-04:00").as_deref(),
            Some("2015-07-10T09:53:00-04:00")
        );
        assert_eq!(
            normalize("Fri, 24 Jul 2015 05:36:09 +0100").as_deref(),
            Some("2015-07-24T05:36:09+01:00")
        );
        assert_eq!(
            normalize("July 24, 2015 at 6:01 am").as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(normalize("3 March 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(normalize("2015-13-45"), None);
        assert_eq!(normalize("soon"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            from_url("https://example.com/2015/07/24/story.html").as_deref(),
            Some("2015-07-24")
        );
        assert_eq!(from_url("https://example.com/story.html"), None);
    }
}
