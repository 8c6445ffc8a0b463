//! `khabar`: structured, attributed facts from Arabic news. The binary is a thin layer over the
//! library crates: argument parsing, input reading, parallelism, output.
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

mod input;
mod ner;
mod report;
mod run;

#[derive(Parser)]
#[command(name = "khabar", version, about = "Structured, attributed facts from Arabic news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per article, one per line (the extraction contract).
    Json,
    /// A readable summary per article, for a person.
    Report,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Field {
    Entities,
    Quotes,
    Counts,
    Amounts,
    Dates,
    Hedges,
}

#[derive(Subcommand)]
enum Command {
    /// Extract counts, amounts, dates and hedges from articles.
    ///
    /// A PATH ending in .jsonl or .jsonl.gz holds one JSON object per line with at least "text"
    /// (and "id", "published"; other fields are passed through). Any other PATH is one plain-text
    /// article (its id is the file name without extension). "-" reads standard input: JSON Lines
    /// if it starts with "{", else one plain-text article.
    Extract(ExtractArgs),
    /// Train, run and score the named-entity tagger.
    #[command(subcommand)]
    Ner(ner::NerCommand),
}

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Input files (default: standard input).
    pub paths: Vec<PathBuf>,
    /// Write the output here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Publication date (ISO 8601) for plain-text articles, against which weekdays and relative
    /// dates are resolved.
    #[arg(long)]
    pub published: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Copy the article text into each JSON output object (as "text").
    #[arg(long)]
    pub keep_text: bool,
    /// Leave these extractors out (comma-separated: entities, quotes, counts, amounts, dates, hedges);
    /// their lists stay empty. Entities cost most of the time.
    #[arg(long, value_delimiter = ',', value_enum)]
    pub skip: Vec<Field>,
    /// Print throughput (articles/s, MB/s) on standard error at the end.
    #[arg(long)]
    pub stats: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run::extract(args),
        Command::Ner(cmd) => ner::run(cmd),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("khabar: {e:#}");
            ExitCode::from(2)
        }
    }
}
