//! A synthetic news corpus for benchmarks: realistic JSON Lines articles, deterministic
//! from a seed, written as a stream.
//!
//! Why synthetic: the speed targets are stated at 100,000 and 1,000,000 articles, and no
//! real corpus of that size can ship with the project. So the corpus is generated, and it
//! is shaped the way real news is shaped where that matters to morgue's cost: a few
//! thousand people quoted with a long-tailed (Zipf-like) frequency, 3-8 quotes per article
//! in the forms newsrooms write (`“…,” Name said.`, `Name said: “…”`, `said Name, role`,
//! pronoun follow-ups, quote-only paragraphs, quotes running over two paragraphs), photo
//! captions with agency credits, embedded posts, wire credits and datelines, bylines,
//! sub-headings, a few syndicated copies, several outlets and agencies, dates over years,
//! and a long tail of rare words for the full-text index. Every sentence comes from the
//! templates and word lists in [`words`], written for this generator.
//!
//! Why a home-made PRNG: the corpus must be the same bytes on every machine and every
//! version, so that figures measured months apart are comparable; [`Rng`] (SplitMix64) is
//! ten lines, has no dependency whose stream could change, and is fast enough to write
//! a million articles in well under a minute.
//!
//! Memory is constant: the only state is the table of people, photographers, reporters
//! and invented places built once from the seed, and a ring of the last few articles (for
//! syndicated copies). Nothing grows with the number of articles written.

#[rustfmt::skip] // word lists read better as paragraphs than one word a line
mod words;

use serde::Serialize;
use std::io::{self, Write};
use words::*;

/// SplitMix64: a small, fast, well-mixed generator with a fixed, documented output stream.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x6d6f_7267_7565_0001)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word of a list.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// An index in `0..n` skewed towards 0 (`u^power`): a cheap long tail.
    pub fn skewed(&mut self, n: usize, power: f64) -> usize {
        ((self.unit().powf(power) * n as f64) as usize).min(n.saturating_sub(1))
    }
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    /// Same seed, same corpus, byte for byte.
    pub seed: u64,
    /// Articles to write.
    pub count: u64,
    /// How many different people are quoted across the corpus.
    pub people: usize,
    /// Article ids are `{id_prefix}{n}`; another prefix gives articles that are new to an archive.
    pub id_prefix: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            seed: 1,
            count: 1000,
            people: 4000,
            id_prefix: "synth-".into(),
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub articles: u64,
    pub bytes: u64,
    pub quotes: u64,
    pub captions: u64,
    pub embeds: u64,
    pub syndicated: u64,
}

#[derive(Debug, Clone)]
struct Person {
    full: String,
    surname: String,
    female: bool,
    /// Appositive role ("a spokesman for the Port Authority"), or empty when `title` is used.
    role: String,
    /// A title written before the name ("Finance Minister").
    title: Option<&'static str>,
    handle: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutletKind {
    /// A wire service: datelines with its own credit, "(Reporting by ...)".
    Wire,
    /// A newspaper or site: bylines, wire credits at the end.
    Paper,
}

struct Outlet {
    name: &'static str,
    domain: &'static str,
    kind: OutletKind,
    /// The credit in a dateline: "(Reuters) -", "(AP) —".
    credit: &'static str,
    weight: u32,
}

const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "Reuters",
        domain: "reuters.example",
        kind: OutletKind::Wire,
        credit: "(Reuters) -",
        weight: 14,
    },
    Outlet {
        name: "Associated Press",
        domain: "apnews.example",
        kind: OutletKind::Wire,
        credit: "(AP) —",
        weight: 10,
    },
    Outlet {
        name: "AFP",
        domain: "afp.example",
        kind: OutletKind::Wire,
        credit: "(AFP) -",
        weight: 6,
    },
    Outlet {
        name: "The Daily Ledger",
        domain: "dailyledger.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 16,
    },
    Outlet {
        name: "Northern Courier",
        domain: "northerncourier.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 12,
    },
    Outlet {
        name: "The Harbour Times",
        domain: "harbourtimes.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 9,
    },
    Outlet {
        name: "Metro Observer",
        domain: "metroobserver.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 8,
    },
    Outlet {
        name: "Global Post Wire",
        domain: "globalpost.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 7,
    },
    Outlet {
        name: "The Valley Herald",
        domain: "valleyherald.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 5,
    },
    Outlet {
        name: "Continental Review",
        domain: "continental.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 4,
    },
    Outlet {
        name: "The Civic Sentinel",
        domain: "sentinel.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 3,
    },
    Outlet {
        name: "Island Gazette",
        domain: "islandgazette.example",
        kind: OutletKind::Paper,
        credit: "",
        weight: 2,
    },
];

/// Quote marks of one article: most outlets print curly quotes, some straight ones, and a
/// few wire feeds write every double quote as two apostrophes.
#[derive(Debug, Clone, Copy)]
struct Marks {
    open: &'static str,
    close: &'static str,
}

const CURLY: Marks = Marks {
    open: "“",
    close: "”",
};
const STRAIGHT: Marks = Marks {
    open: "\"",
    close: "\"",
};
const APOSTROPHES: Marks = Marks {
    open: "''",
    close: "''",
};

/// The corpus: people, photographers, reporters and places drawn once from the seed.
pub struct Generator {
    rng: Rng,
    opts: Options,
    people: Vec<Person>,
    /// Cumulative Zipf-Mandelbrot weights over `people` (rank r has weight 1/(r+3)).
    cumulative: Vec<f64>,
    photographers: Vec<String>,
    reporters: Vec<String>,
    places: Vec<String>,
    outlet_total: u32,
    /// The last few articles (outlet index, title, text), for syndicated copies.
    recent: Vec<(usize, String, String)>,
    written: u64,
}

/// One line of output, with the keys the GUIDE documents.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    text: &'a str,
    published: &'a str,
    outlet: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<Byline>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Byline {
    One(String),
    Many(Vec<String>),
}

/// Per-article context for template slots.
#[derive(Default)]
struct Ctx {
    name: String,
    surname: String,
    year: u32,
}

impl Generator {
    pub fn new(opts: Options) -> Generator {
        let mut rng = Rng::new(opts.seed);
        let n = opts.people.max(1);
        let mut seen = std::collections::HashSet::new();
        let mut people = Vec::with_capacity(n);
        let mut attempts = 0usize;
        while people.len() < n {
            attempts += 1;
            let p = Self::make_person(&mut rng, attempts > n * 20);
            if seen.insert(p.full.clone()) {
                people.push(p);
            }
        }
        let mut cumulative = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 0..n {
            total += 1.0 / (r as f64 + 4.0);
            cumulative.push(total);
        }
        let photographers = (0..300).map(|_| Self::plain_name(&mut rng)).collect();
        let reporters = (0..250).map(|_| Self::plain_name(&mut rng)).collect();
        let places = (0..20_000).map(|_| Self::place_name(&mut rng)).collect();
        let outlet_total = OUTLETS.iter().map(|o| o.weight).sum();
        Generator {
            rng,
            opts,
            people,
            cumulative,
            photographers,
            reporters,
            places,
            outlet_total,
            recent: Vec::new(),
            written: 0,
        }
    }

    fn plain_name(rng: &mut Rng) -> String {
        let first = if rng.chance(0.5) {
            rng.word(FIRST_FEMALE)
        } else {
            rng.word(FIRST_MALE)
        };
        format!("{first} {}", rng.word(SURNAMES))
    }

    fn make_person(rng: &mut Rng, numbered: bool) -> Person {
        let female = rng.chance(0.45);
        let first = if female {
            rng.word(FIRST_FEMALE)
        } else {
            rng.word(FIRST_MALE)
        };
        let mut surname = rng.word(SURNAMES).to_string();
        if rng.chance(0.05) {
            let particle = rng.word(PARTICLES);
            surname = if particle.ends_with('-') {
                format!("{particle}{surname}")
            } else {
                format!("{particle} {surname}")
            };
        }
        if rng.chance(0.06) {
            // double-barrelled surnames, common in Spanish and British names
            surname = format!("{surname}-{}", rng.word(SURNAMES));
        }
        if numbered {
            // the name space is nearly used up: keep names unique with a rarer second surname
            surname = format!("{surname} {}", Self::place_name(rng));
        }
        let full = if rng.chance(0.08) {
            let initial = (b'A' + rng.below(26) as u8) as char;
            format!("{first} {initial}. {surname}")
        } else {
            format!("{first} {surname}")
        };
        let title = if rng.chance(0.2) {
            Some(rng.word(TITLES))
        } else {
            None
        };
        let role = if title.is_some() {
            String::new()
        } else {
            let tpl = rng.word(ROLES);
            let tpl = match (female, tpl.contains("spokes")) {
                (true, true) => tpl.replace("spokesman", "spokeswoman"),
                (false, true) => tpl.replace("spokeswoman", "spokesman"),
                _ => tpl.to_string(),
            };
            tpl.replace("{org}", rng.word(ORGS))
                .replace("{country}", rng.word(COUNTRIES))
                .replace("{company}", rng.word(COMPANIES))
                .replace("{city}", rng.word(CITIES))
                .replace("{place}", &Self::place_name(rng))
        };
        let handle: String = format!("{}{}", &first[..1], surname)
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let handle = format!("@{}", &handle[..handle.len().min(15)]);
        Person {
            full,
            surname,
            female,
            role,
            title,
            handle,
        }
    }

    fn place_name(rng: &mut Rng) -> String {
        let n = rng.range(2, 3);
        let mut s: String = (0..n).map(|_| rng.word(SYLLABLES)).collect();
        s.push_str(rng.word(PLACE_SUFFIXES));
        capitalise(&s)
    }

    /// A person index, Zipf-distributed: a few people are quoted everywhere, most rarely.
    fn zipf_person(&mut self) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = self.rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.people.len() - 1)
    }

    fn outlet(&mut self) -> usize {
        let mut x = self.rng.below(self.outlet_total as usize) as u32;
        for (i, o) in OUTLETS.iter().enumerate() {
            if x < o.weight {
                return i;
            }
            x -= o.weight;
        }
        0
    }

    /// Fill `{slot}`s of a template.
    fn fill(&mut self, tpl: &str, ctx: &Ctx) -> String {
        let mut out = String::with_capacity(tpl.len() + 32);
        let mut rest = tpl;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                return out;
            };
            let slot = &after[..end];
            match slot {
                "noun" => out.push_str(self.rng.word(NOUNS)),
                "nouns" => out.push_str(self.rng.word(NOUNS_PLURAL)),
                "Nouns" => out.push_str(&capitalise(self.rng.word(NOUNS_PLURAL))),
                "adj" => out.push_str(self.rng.word(ADJECTIVES)),
                "verb" => out.push_str(self.rng.word(VERBS)),
                "city" => out.push_str(self.rng.word(CITIES)),
                "country" => out.push_str(self.rng.word(COUNTRIES)),
                "org" => out.push_str(self.rng.word(ORGS)),
                "company" => out.push_str(self.rng.word(COMPANIES)),
                "group" => out.push_str(self.rng.word(GROUPS)),
                "day" => out.push_str(self.rng.word(WEEKDAYS)),
                "month" => out.push_str(self.rng.word(MONTHS)),
                "dom" => out.push_str(&self.rng.range(1, 28).to_string()),
                "year" => out.push_str(&(ctx.year as usize - self.rng.below(6)).to_string()),
                "num" => {
                    let n = match self.rng.below(3) {
                        0 => self.rng.range(2, 12),
                        1 => self.rng.range(12, 400),
                        _ => self.rng.range(400, 90_000),
                    };
                    out.push_str(&group_thousands(n));
                }
                "place" => {
                    let i = self.rng.skewed(self.places.len(), 2.5);
                    out.push_str(&self.places[i]);
                }
                "name" => out.push_str(&ctx.name),
                "surname" => out.push_str(&ctx.surname),
                _ => {
                    out.push('{');
                    out.push_str(slot);
                    out.push('}');
                }
            }
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        indefinite_articles(&out)
    }

    /// One or two sentences of quoted speech, without final punctuation.
    fn speech(&mut self, ctx: &Ctx) -> String {
        let tpl = self.rng.word(QUOTES);
        let mut s = self.fill(tpl, ctx);
        if self.rng.chance(0.3) {
            let tpl2 = self.rng.word(QUOTES);
            let second = self.fill(tpl2, ctx);
            s = format!("{s}. {second}");
        }
        s
    }

    /// A paragraph of one to three narrative sentences.
    fn narrative(&mut self, ctx: &Ctx) -> String {
        let n = self.rng.range(1, 3);
        let mut p = String::new();
        for i in 0..n {
            if i > 0 {
                p.push(' ');
            }
            let t = self.rng.word(SENTENCES);
            p.push_str(&self.fill(t, ctx));
        }
        p
    }

    /// Write `opts.count` articles as JSON Lines.
    pub fn write_all(&mut self, out: &mut impl Write) -> io::Result<Stats> {
        let mut stats = Stats::default();
        for _ in 0..self.opts.count {
            self.write_one(out, &mut stats)?;
        }
        Ok(stats)
    }

    /// Write the next article as one JSON line.
    pub fn write_one(&mut self, out: &mut impl Write, stats: &mut Stats) -> io::Result<()> {
        let n = self.written;
        self.written += 1;
        let year = self.rng.range(2012, 2025) as u32;
        let month = self.rng.range(1, 12);
        let day = self.rng.range(1, 28);
        let published = if self.rng.chance(0.1) {
            format!("{year}-{month:02}-{day:02}")
        } else {
            format!(
                "{year}-{month:02}-{day:02}T{:02}:{:02}:00Z",
                self.rng.below(24),
                self.rng.below(60)
            )
        };
        let ctx = Ctx {
            year,
            ..Ctx::default()
        };

        // a syndicated copy: the same text again, under another id and outlet
        if !self.recent.is_empty() && self.rng.chance(0.02) {
            let (from, title, text) = self.recent[self.rng.below(self.recent.len())].clone();
            let mut oi = self.outlet();
            if oi == from {
                oi = (oi + 3) % OUTLETS.len();
            }
            let (id, url) = self.id_and_url(n, (year, month, day), OUTLETS[oi].domain, &title);
            let line = Line {
                id: &id,
                url: &url,
                title: &title,
                text: &text,
                published: &published,
                outlet: OUTLETS[oi].name,
                byline: None,
            };
            stats.syndicated += 1;
            return self.emit(out, &line, stats);
        }

        let oi = self.outlet();
        let outlet = &OUTLETS[oi];
        let marks = match self.rng.below(100) {
            0..=74 => CURLY,
            75..=96 => STRAIGHT,
            _ => APOSTROPHES,
        };

        // the speakers: 1-3 people, Zipf-distributed, and sometimes an unnamed source
        let n_speakers = match self.rng.below(10) {
            0..=3 => 1,
            4..=7 => 2,
            _ => 3,
        };
        let mut speakers: Vec<usize> = Vec::with_capacity(3);
        while speakers.len() < n_speakers {
            let p = self.zipf_person();
            if !speakers.contains(&p) {
                speakers.push(p);
            }
        }
        let main = speakers[0];
        let head_ctx = Ctx {
            name: self.people[main].full.clone(),
            surname: self.people[main].surname.clone(),
            year,
        };
        let title_tpl = self.rng.word(HEADLINES);
        let title = capitalise(&self.fill(title_tpl, &head_ctx));

        let mut paras: Vec<String> = Vec::with_capacity(20);
        let city = self.rng.word(CITIES);
        let lead_tpl = self.rng.word(LEADS);
        let lead = self.fill(lead_tpl, &ctx);
        let mut closing: Option<String> = None;
        match outlet.kind {
            OutletKind::Wire => {
                let dateline = if self.rng.chance(0.5) {
                    format!("{} {}", city.to_uppercase(), outlet.credit)
                } else {
                    format!(
                        "{}, {} {day} {}",
                        city.to_uppercase(),
                        &MONTHS[month - 1][..3],
                        outlet.credit
                    )
                };
                paras.push(format!("{dateline} {lead}"));
                if outlet.name == "Reuters" && self.rng.chance(0.6) {
                    let a = self.rng.pick(&self.reporters).clone();
                    let b = self.rng.pick(&self.reporters).clone();
                    closing = Some(format!("(Reporting by {a} in {city}; Editing by {b})"));
                }
            }
            OutletKind::Paper => {
                paras.push(lead);
                closing = match self.rng.below(10) {
                    0 => Some("With AFP and Reuters".to_string()),
                    1 => Some("With EFE and Reuters".to_string()),
                    2 => Some("The Associated Press contributed to this report.".to_string()),
                    3 => Some("— The Associated Press".to_string()),
                    4 => Some("AFP contributed to this report.".to_string()),
                    _ => None,
                };
            }
        }
        if self.rng.chance(0.8) {
            let s = self.narrative(&ctx);
            paras.push(s);
        }

        // quotes, with narrative between them
        let n_quotes = self.rng.range(3, 8);
        let mut introduced = [false; 3];
        let mut last: Option<usize> = None; // index into speakers
        let mut prev_was_quote = false;
        let mut subheads = match self.rng.below(10) {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        };
        let mut q = 0;
        while q < n_quotes {
            if q > 1 && subheads > 0 && self.rng.chance(0.3) {
                let t = self.rng.word(SUBHEADINGS);
                let h = self.fill(t, &ctx);
                paras.push(h);
                subheads -= 1;
                prev_was_quote = false;
            }
            if self.rng.chance(0.08) {
                // an unnamed or institutional speaker: stored without a person
                let speech = self.speech(&ctx);
                let who = if self.rng.chance(0.5) {
                    format!("a spokesman for the {}", self.rng.word(ORGS))
                } else {
                    format!("the {} said in a statement", self.rng.word(ORGS))
                };
                let p = if who.ends_with("statement") {
                    format!("{}{speech},{} {who}.", marks.open, marks.close)
                } else {
                    format!("{}{speech},{} said {who}.", marks.open, marks.close)
                };
                paras.push(p);
                q += 1;
                stats.quotes += 1;
                prev_was_quote = false;
                continue;
            }
            let si = match last {
                Some(l) if self.rng.chance(0.55) => l,
                _ => self.rng.below(speakers.len()),
            };
            let person = self.people[speakers[si]].clone();
            let pronoun = if person.female { "she" } else { "he" };
            let speech = self.speech(&ctx);
            let after = self.rng.word(SAID_AFTER);
            let before = self.rng.word(SAID_BEFORE);
            let (o, c) = (marks.open, marks.close);
            let intro = match person.title {
                Some(t) => format!("{t} {}", person.full),
                None => person.full.clone(),
            };
            let para = if !introduced[si] {
                introduced[si] = true;
                let with_role = if person.role.is_empty() {
                    intro.clone()
                } else {
                    format!("{intro}, {},", person.role)
                };
                match self.rng.below(5) {
                    0 if !person.role.is_empty() => {
                        format!("{o}{speech},{c} said {}, {}.", person.full, person.role)
                    }
                    1 => format!("{o}{speech},{c} {with_role} {after}."),
                    2 => format!("{with_role} {before}: {o}{speech}.{c}"),
                    3 => {
                        let partial_tpl = self.rng.word(PARTIALS);
                        let partial = self.fill(partial_tpl, &ctx);
                        let noun = self.rng.word(NOUNS);
                        format!(
                            "{with_role} called the {noun} {o}{partial}{c} and said {pronoun} would {} it. {o}{speech},{c} {pronoun} said.",
                            self.rng.word(VERBS)
                        )
                    }
                    _ => format!("{intro} {before}, {o}{speech}.{c}"),
                }
            } else {
                match self.rng.below(6) {
                    0 if last == Some(si) && prev_was_quote => format!("{o}{speech}.{c}"),
                    1 if last == Some(si) => format!("{o}{speech},{c} {pronoun} {after}."),
                    2 => format!("{} {before}: {o}{speech}.{c}", person.surname),
                    3 if q + 1 < n_quotes => {
                        q += 1;
                        stats.quotes += 1;
                        let more = self.speech(&ctx);
                        format!("{o}{speech},{c} {} {after}. {o}{more}.{c}", person.surname)
                    }
                    4 if q + 1 < n_quotes && self.rng.chance(0.3) => {
                        // one quote over two paragraphs: no closing mark on the first
                        q += 1;
                        stats.quotes += 1;
                        paras.push(format!("{o}{speech}."));
                        let more = self.speech(&ctx);
                        format!("{o}{more},{c} {} said.", person.surname)
                    }
                    _ => format!("{o}{speech},{c} {} {after}.", person.surname),
                }
            };
            paras.push(para);
            last = Some(si);
            prev_was_quote = true;
            q += 1;
            stats.quotes += 1;
            if self.rng.chance(0.5) {
                let s = self.narrative(&ctx);
                paras.push(s);
                prev_was_quote = false;
            }
        }

        // an embedded post by one of the speakers
        if self.rng.chance(0.08) {
            let p = self.people[*self.rng.pick(&speakers)].clone();
            let t = self.rng.word(POSTS);
            let text = self.fill(t, &ctx);
            let (pm, pd) = (self.rng.range(1, 12), self.rng.range(1, 28));
            let at = self.rng.range(1, paras.len().max(1));
            paras.insert(
                at,
                format!(
                    "{text} — {} ({}) {} {pd}, {year}",
                    p.full,
                    p.handle,
                    MONTHS[pm - 1]
                ),
            );
            stats.embeds += 1;
        }

        // photo captions with credits
        let n_captions = match self.rng.below(20) {
            0..=5 => 0,
            6..=12 => 1,
            13..=17 => 2,
            _ => 3,
        };
        for _ in 0..n_captions {
            let shown = self.people[*self.rng.pick(&speakers)].full.clone();
            let cctx = Ctx {
                name: shown,
                surname: String::new(),
                year,
            };
            let t = self.rng.word(CAPTIONS);
            let text = self.fill(t, &cctx);
            let ph = self.rng.pick(&self.photographers).clone();
            let caption = match self.rng.below(7) {
                0 => format!("{text} © {ph}/AP"),
                1 => format!("{text} (AP Photo/{ph})"),
                2 => format!("{text} {ph}/Getty Images"),
                3 => format!("{text} REUTERS/{ph}"),
                4 => format!("{text} {ph}/AFP via Getty Images"),
                5 => format!(
                    "{text} Photo: {ph}, {}",
                    self.rng.pick(&["AP", "EFE", "dpa", "ANSA"])
                ),
                _ => format!(
                    "{text} © {ph}/{}",
                    self.rng.pick(&["AFP", "EFE", "Xinhua", "Kyodo", "PA"])
                ),
            };
            let at = self.rng.range(1, paras.len().max(1));
            paras.insert(at, caption);
            stats.captions += 1;
        }
        if let Some(c) = closing {
            paras.push(c);
        }
        let text = paras.join("\n\n");

        let byline = match outlet.kind {
            OutletKind::Wire if self.rng.chance(0.5) => Some(Byline::One(format!(
                "By {}, {}",
                self.rng.pick(&self.reporters),
                outlet.name
            ))),
            OutletKind::Wire => None,
            OutletKind::Paper => match self.rng.below(4) {
                0 => None,
                1 => Some(Byline::Many(vec![
                    self.rng.pick(&self.reporters).clone(),
                    self.rng.pick(&self.reporters).clone(),
                ])),
                _ => Some(Byline::One(format!(
                    "By {}",
                    self.rng.pick(&self.reporters)
                ))),
            },
        };
        let (id, url) = self.id_and_url(n, (year, month, day), outlet.domain, &title);
        let line = Line {
            id: &id,
            url: &url,
            title: &title,
            text: &text,
            published: &published,
            outlet: outlet.name,
            byline,
        };
        self.emit(out, &line, stats)?;
        if self.recent.len() < 16 {
            self.recent.push((oi, title, text));
        } else {
            let i = self.rng.below(16);
            self.recent[i] = (oi, title, text);
        }
        Ok(())
    }

    /// The article's id and its URL on the outlet's site, dated and slugged.
    fn id_and_url(
        &self,
        n: u64,
        (year, month, day): (u32, usize, usize),
        domain: &str,
        title: &str,
    ) -> (String, String) {
        let id = format!("{}{n}", self.opts.id_prefix);
        let url = format!(
            "https://www.{domain}/{year}/{month:02}/{day:02}/{}-{n}",
            slug(title)
        );
        (id, url)
    }

    fn emit(&mut self, out: &mut impl Write, line: &Line<'_>, stats: &mut Stats) -> io::Result<()> {
        let bytes = serde_json::to_vec(line).map_err(io::Error::other)?;
        out.write_all(&bytes)?;
        out.write_all(b"\n")?;
        stats.articles += 1;
        stats.bytes += bytes.len() as u64 + 1;
        Ok(())
    }

    /// The names of the `n` most quoted people (by construction): handy for report queries.
    pub fn most_quoted(&self, n: usize) -> Vec<String> {
        self.people.iter().take(n).map(|p| p.full.clone()).collect()
    }
}

/// Write a corpus to `out` (buffer it: many small writes).
pub fn write_corpus(out: &mut impl Write, opts: &Options) -> io::Result<Stats> {
    Generator::new(opts.clone()).write_all(out)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a important" -> "an important": templates say "a {adj}" whatever the word.
fn indefinite_articles(s: &str) -> String {
    if !s.contains("a ") && !s.contains("A ") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut words = s.split(' ').peekable();
    let mut first = true;
    while let Some(w) = words.next() {
        if !first {
            out.push(' ');
        }
        first = false;
        out.push_str(w);
        if (w == "a" || w == "A")
            && words
                .peek()
                .is_some_and(|n| n.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']))
        {
            out.push('n');
        }
    }
    out
}

fn group_thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn slug(title: &str) -> String {
    let mut s = String::with_capacity(title.len());
    for w in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
    {
        if !s.is_empty() {
            s.push('-');
        }
        s.push_str(&w.to_ascii_lowercase());
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(seed: u64, count: u64) -> Vec<u8> {
        let mut out = Vec::new();
        write_corpus(
            &mut out,
            &Options {
                seed,
                count,
                ..Options::default()
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn same_seed_same_bytes() {
        assert_eq!(corpus(7, 50), corpus(7, 50));
        assert_ne!(corpus(7, 50), corpus(8, 50));
    }

    #[test]
    fn every_line_is_an_article_the_reader_accepts() {
        let out = corpus(3, 200);
        let text = String::from_utf8(out).unwrap();
        let mut ids = std::collections::HashSet::new();
        for line in text.lines() {
            let doc = crate::read::jsonl::read_line(line).unwrap();
            assert!(
                doc.meta.title.is_some()
                    && doc.meta.outlet.is_some()
                    && doc.meta.published.is_some()
            );
            assert!(doc.blocks.len() >= 4, "{line}");
            assert!(ids.insert(doc.meta.external_id.unwrap()));
        }
        assert_eq!(ids.len(), 200);
    }

    #[test]
    fn shapes_of_real_news_are_there() {
        let text = String::from_utf8(corpus(11, 400)).unwrap();
        for shape in [
            "(AP Photo/",
            "REUTERS/",
            "/Getty Images",
            "© ",
            "(Reuters) -",
            "With AFP and Reuters",
            " said: “",
            "(@",
        ] {
            assert!(text.contains(shape), "no {shape}");
        }
    }

    #[test]
    fn people_are_long_tailed() {
        let mut g = Generator::new(Options::default());
        let mut counts = vec![0u32; g.people.len()];
        for _ in 0..100_000 {
            counts[g.zipf_person()] += 1;
        }
        let top: u32 = counts[..20].iter().sum();
        let used = counts.iter().filter(|&&c| c > 0).count();
        assert!(top > 10_000 && top < 40_000, "top 20 have {top}");
        assert!(used > 3000, "only {used} people quoted");
    }

    #[test]
    fn rng_is_stable_and_in_range() {
        let mut r = Rng::new(1);
        let first = r.next_u64();
        assert_eq!(first, Rng::new(1).next_u64());
        for n in [1usize, 2, 7, 1000] {
            assert!((0..1000).all(|_| r.below(n) < n));
        }
        assert_eq!(r.below(0), 0);
    }
}
