//! Every command-line type, declared with clap; no logic lives here.

use crate::report::format::OutputFormat;
use crate::report::table::ColorChoice;
use crate::report::{PeopleBy, SearchIn};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// A local archive of news articles: who is quoted, saying what, where; photo credits;
/// wire services. One SQLite file, ad-hoc SQL welcome.
#[derive(Debug, Parser)]
#[command(name = "morgue", version, about, max_term_width = 100)]
pub struct Cli {
    /// The archive file [default: $XDG_DATA_HOME/morgue/archive.db]
    #[arg(long, global = true, env = "MORGUE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Colour tables: auto (on a terminal, unless NO_COLOR is set), always, never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (files, folders, - for stdin) into the archive
    Ingest(IngestArgs),
    /// Run extraction again over stored articles (after an upgrade)
    Reextract(ReextractArgs),
    /// List articles, newest first
    Articles(ArticlesArgs),
    /// One article with everything extracted from it
    Show(ShowArgs),
    /// Quotes: who said what, where and when
    Quotes(QuotesArgs),
    /// The most quoted people; `people merge|alias|split` correct who is who
    People(PeopleArgs),
    /// One person's profile: aliases, roles, handles, quotes by outlet and month
    Person(PersonArgs),
    /// Counts per day, week, month or year: articles, quotes, or mentions of a person
    Timeline(TimelineArgs),
    /// Outlets and agencies, with article counts by role
    Sources(SourcesArgs),
    /// Photo captions and their credits
    Captions(CaptionsArgs),
    /// Full-text search over articles, quotes and captions, ranked by bm25 (among the 2,000
    /// most recently stored matches of each; a word's weight is counted from up to 2,000 of
    /// its matches)
    Search(SearchArgs),
    /// Run one read-only SQL query
    Sql(SqlArgs),
    /// Print the documented tables and views
    Schema,
    /// Export whole articles as JSON Lines (which `ingest` reads back)
    Export(ExportArgs),
    /// What the archive holds
    Stats(OutputArgs),
    /// Check the archive: integrity, foreign keys, full-text indexes, orphans
    Check(OutputArgs),
    /// A consistent copy of the archive, safe while it is in use
    Backup {
        /// Where to write the copy
        path: PathBuf,
    },
    /// Shell completions
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// Input formats `ingest` can be told to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Auto,
    Text,
    Markdown,
    Html,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files, folders (read recursively) or - for stdin
    #[arg(value_name = "PATH", required = true)]
    pub inputs: Vec<String>,
    /// Input format [default: by extension, then by content]
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub format: InputFormat,
    /// Outlet for inputs that do not name one
    #[arg(long)]
    pub outlet: Option<String>,
    /// URL for inputs that do not give one
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date (ISO 8601) for inputs that do not give one
    #[arg(long)]
    pub published: Option<String>,
    /// Title for inputs that do not give one
    #[arg(long)]
    pub title: Option<String>,
    /// Stop at the first input that cannot be read
    #[arg(long)]
    pub fail_fast: bool,
    /// Articles extracted together
    #[arg(long, default_value_t = 1000, hide = true)]
    pub batch_size: usize,
    /// Articles per transaction
    #[arg(long, default_value_t = 10_000, hide = true)]
    pub commit_every: usize,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Re-run every article, not only those extracted by an older version
    #[arg(long)]
    pub all: bool,
    /// Store every article again, even one whose extraction came out as it was stored
    /// (its people are then matched against the archive as it is now)
    #[arg(long)]
    pub rewrite: bool,
}

#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, else tsv]
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<OutputFormat>,
}

#[derive(Debug, Args, Clone)]
pub struct FilterArgs {
    /// Only articles from this outlet
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only articles crediting this source or agency
    #[arg(long)]
    pub source: Option<String>,
    /// Only this person (any alias)
    #[arg(long)]
    pub person: Option<String>,
    /// From this date (YYYY-MM-DD)
    #[arg(long)]
    pub since: Option<String>,
    /// Up to and including this date (YYYY-MM-DD)
    #[arg(long)]
    pub until: Option<String>,
    /// At most this many rows
    #[arg(long, short = 'n')]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ArticlesArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only articles containing these words
    #[arg(long)]
    pub text: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id, external id or URL
    pub article: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only quotes containing these words
    #[arg(long)]
    pub words: Option<String>,
    /// Only quotes of this kind (direct, partial, post, nested)
    #[arg(long)]
    pub kind: Option<String>,
    /// Only quotes from this article id
    #[arg(long)]
    pub article: Option<i64>,
    /// Show why each quote was given to its speaker (rule, verb, confidence)
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PeopleArgs {
    #[command(subcommand)]
    pub action: Option<PeopleAction>,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Rank by quotes, articles quoted in, or mentions
    #[arg(long, value_enum, default_value_t = PeopleBy::Quotes)]
    pub by: PeopleBy,
    /// Same as --limit
    #[arg(long)]
    pub top: Option<usize>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CaptionsArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Only photos credited to this agency
    #[arg(long)]
    pub agency: Option<String>,
    /// Only photos by this photographer
    #[arg(long)]
    pub photographer: Option<String>,
    /// Only captions containing these words
    #[arg(long)]
    pub words: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (escaped: "Jean-Pierre", "U.S." just work)
    pub query: String,
    /// Where to look
    #[arg(long = "in", value_enum, default_value_t = SearchIn::All)]
    pub within: SearchIn,
    /// Pass FTS5 syntax through (AND, OR, NEAR, prefix*)
    #[arg(long)]
    pub raw: bool,
    /// At most this many rows
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One SELECT / WITH / EXPLAIN statement, or - to read it from stdin
    pub query: String,
    /// Stop the query after this many seconds
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<u64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// jsonl: whole articles; csv: one table (see --table)
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// With --format csv: which table (articles, quotes, people, captions, embeds, sources)
    #[arg(long, default_value = "quotes")]
    pub table: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
}

/// Manual corrections of people; they survive `reextract`.
#[derive(Debug, Subcommand)]
pub enum PeopleAction {
    /// B is the same person as A: move everything of B to A
    Merge {
        /// The person to keep (name, alias or id)
        into: String,
        /// The person to fold into it (name, alias or id)
        from: String,
    },
    /// ALIAS is another name of NAME (future articles using it resolve to NAME)
    Alias { name: String, alias: String },
    /// ALIAS is not NAME: undo a wrong merge and re-extract the articles concerned
    Split { name: String, alias: String },
}

#[derive(Debug, Args)]
pub struct PersonArgs {
    /// Name, alias or id
    pub name: String,
    /// Latest quotes to show
    #[arg(long, default_value_t = 10)]
    pub quotes: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Time buckets of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

/// What `timeline` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Counted {
    Articles,
    Quotes,
    Mentions,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Bucket size
    #[arg(long, value_enum, default_value_t = Period::Month)]
    pub by: Period,
    /// What to count (mentions and quotes of --person when given)
    #[arg(long, value_enum, default_value_t = Counted::Articles)]
    pub of: Counted,
    #[command(flatten)]
    pub output: OutputArgs,
}
