//! The data that flows through morgue: a reader turns one input into a [`Document`],
//! the extractors turn a document into an [`Extraction`], and the archive stores both.
//!
//! These types are the contract between the stages, so they carry no behaviour beyond
//! small conveniences: readers, extractors and the archive can each be tested alone.

use serde::{Deserialize, Serialize};

/// Input format of one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Jsonl,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

/// What the input said about itself (front matter, JSON keys, HTML meta, flags).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The input's own identifier (JSON Lines `id`), kept as `articles.external_id`.
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Name of the publishing outlet ("The Daily Example", "example.com").
    pub outlet: Option<String>,
    /// Author names as the input gave them; junk is filtered by the extractors.
    pub byline: Vec<String>,
    /// ISO 8601: `2022-01-26` or `2022-01-26T10:00:00Z` (offset kept when known).
    pub published: Option<String>,
    pub language: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    /// Author fields as the page gave them, organisations included ("Reuters", "By Jane
    /// Doe, Associated Press"): `byline` has agencies cleaned away, and these are where
    /// a page credits the wire whose copy it runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub author_fields: Vec<String>,
    /// sha256 of the input as given (a file's bytes, a JSON line): the identity of an
    /// article that has neither its own id nor a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_hash: Option<String>,
}

/// The role a block of text plays in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Paragraph,
    Heading,
    /// A photo caption the reader already knows is one (HTML `figcaption`).
    Caption,
    /// An embedded post the reader already knows is one (HTML `blockquote.twitter-tweet`).
    Embed,
}

/// One block of article text: a paragraph, a sub-heading, a caption or an embed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// Photo credit the markup gave separately (`.credit`, `itemprop=copyrightHolder`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// Link the markup gave (the post URL of an embed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Platform of an embed known from markup ("twitter", "instagram", ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

impl Block {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
            credit: None,
            url: None,
            platform: None,
        }
    }
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::new(BlockKind::Paragraph, text)
    }
    pub fn heading(text: impl Into<String>) -> Self {
        Block::new(BlockKind::Heading, text)
    }
}

/// One article as read from its input, before extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    pub format: Format,
}

impl Document {
    /// The article body as stored and searched: paragraphs and headings, blank-line separated.
    pub fn body(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(&b.text);
            }
        }
        out
    }
}

/// Kind of a source: the publishing outlet, a news agency, a photo agency, a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Outlet,
    Wire,
    PhotoAgency,
    Social,
    Other,
}

impl SourceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Outlet => "outlet",
            SourceKind::Wire => "wire",
            SourceKind::PhotoAgency => "photo_agency",
            SourceKind::Social => "social",
            SourceKind::Other => "other",
        }
    }
}

/// How an article relates to a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceRole {
    Publisher,
    WireCredit,
    PhotoCredit,
    Embed,
}

impl SourceRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceRole::Publisher => "publisher",
            SourceRole::WireCredit => "wire_credit",
            SourceRole::PhotoCredit => "photo_credit",
            SourceRole::Embed => "embed",
        }
    }
}

/// Why a person is in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// Named as the speaker of a quote.
    Speaker,
    /// Named in the byline: an author of the article.
    Author,
    /// Credited for a photo.
    Photographer,
    /// Author of an embedded post.
    PostAuthor,
    /// Named in the text with evidence of being a person (a title, a first name, a pronoun).
    Mentioned,
    /// Named in a photo caption as shown in the photo.
    Pictured,
}

impl Evidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Speaker => "quoted",
            Evidence::Author => "author",
            Evidence::Photographer => "photographer",
            Evidence::PostAuthor => "post_author",
            Evidence::Mentioned => "mentioned",
            Evidence::Pictured => "pictured",
        }
    }
}

/// One real person as this article names them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// The fullest form of the name the article gives ("Jens Stoltenberg").
    pub name: String,
    /// Every other form the article uses ("Stoltenberg", "Soltenberg").
    pub aliases: Vec<String>,
    /// Roles and titles the article gives ("NATO Secretary General").
    pub roles: Vec<String>,
    /// Social handles, with their `@`.
    pub handles: Vec<String>,
    /// Why the person is in the article (deduplicated).
    pub evidence: Vec<Evidence>,
    /// How many times the article names them.
    pub mentions: u32,
    /// Whether the article shows them as a person in a way no company is shown: an
    /// honorific, an age, a title or job, a byline or credit (see
    /// [`crate::extract::people::Verdict`]). The archive weighs it against the names that
    /// other articles show as organisations.
    #[serde(default)]
    pub personal: bool,
}

/// What a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole sentence or more in quote marks.
    Direct,
    /// A few words in quote marks inside paraphrase ("called it “locker room” banter").
    Partial,
    /// An embedded social post, quoted by its author.
    Post,
    /// A quote inside another quote (the outer speaker quoting someone).
    Nested,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Post => "post",
            QuoteKind::Nested => "nested",
        }
    }
}

/// One quote and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words, without their quote marks.
    pub text: String,
    /// The speaker as the article wrote it ("he", "Soltenberg", "a spokesman").
    pub speaker_text: Option<String>,
    /// Index into [`Extraction::people`] when the speaker is a known person.
    pub person: Option<usize>,
    /// The speaker's role as given in the attribution ("Russia's deputy foreign minister").
    pub role: Option<String>,
    /// The speech verb or cue ("said", "told", ":", "according to").
    pub verb: Option<String>,
    pub kind: QuoteKind,
    /// Index of the block the quote starts in.
    pub block: usize,
    /// Character offsets (not bytes) of the words within that block's text.
    pub start: usize,
    pub end: usize,
    /// The rule that attributed the speaker ("after-verb-name", "pronoun", ...).
    pub rule: String,
    /// 0.0 - 1.0: how sure the rule is.
    pub confidence: f32,
}

/// A photo caption and its credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caption {
    /// The caption without its credit.
    pub text: String,
    /// The credit as written ("Alexei Ivanov/AP").
    pub credit: Option<String>,
    /// Index into [`Extraction::people`].
    pub photographer: Option<usize>,
    /// Canonical agency name from the lexicon ("AP").
    pub agency: Option<String>,
    /// Who supplied the picture when it came "via" an agency ("Russian Defense Ministry").
    pub provider: Option<String>,
    /// ISO date the caption mentions (when the photo was taken or released).
    pub date: Option<String>,
    /// People the caption names (indexes into [`Extraction::people`]).
    pub pictured: Vec<usize>,
    pub block: usize,
    pub rule: String,
    pub confidence: f32,
}

/// An embedded social post.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Embed {
    pub platform: String,
    pub author: Option<String>,
    /// With its `@`.
    pub handle: Option<String>,
    pub url: Option<String>,
    /// ISO date.
    pub posted_at: Option<String>,
    pub text: String,
    /// Index into [`Extraction::people`].
    pub person: Option<usize>,
    pub block: usize,
}

/// A source the article names, with how it relates to the article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceLink {
    /// Canonical name ("Reuters", "AP", "EFE").
    pub name: String,
    pub kind: SourceKind,
    pub role: SourceRole,
}

/// A dateline ("SALVADOR, Feb 26 -"): where and when the story was filed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dateline {
    pub place: Option<String>,
    /// ISO date when the year is known, else as written.
    pub date: Option<String>,
}

/// Everything the extractors found in one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub people: Vec<Person>,
    pub quotes: Vec<Quote>,
    pub captions: Vec<Caption>,
    pub embeds: Vec<Embed>,
    pub sources: Vec<SourceLink>,
    pub dateline: Option<Dateline>,
    /// Publication date inferred from the text when the metadata has none.
    pub published: Option<String>,
    /// Bylines that survived the junk filter.
    pub authors: Vec<String>,
    /// Names the article shows as organisations, without their corporate forms ("Acme
    /// Lane" for "Acme Lane Holdings Ltd"): see [`crate::extract::organisations`].
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Names the article shows as places: its dateline's, and those written with their
    /// country or state ("Vera Cruz, Mexico").
    #[serde(default)]
    pub places: Vec<String>,
}
