//! `khabar`: structured, attributed facts from Arabic news. The binary is a thin layer over the
//! library crates: argument parsing, wiring (the NATS queue to the ingest worker), parallelism, progress and
//! output.
use clap::{Parser, Subcommand, ValueEnum};
use khabar_ingest::input;
use std::path::PathBuf;
use std::process::ExitCode;

/// `println!` that ends the program quietly when standard output is closed (`khabar … | head`)
/// instead of panicking, and reports any other write error.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($t)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            eprintln!("khabar: writing output: {e}");
            std::process::exit(2);
        }
    }};
}

/// mimalloc rather than the system's malloc: extraction allocates many small strings and vectors
/// on worker threads, and glibc's allocator made a one-core run 11–23 % slower (README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod bench;
mod corpus;
mod counts;
mod events;
mod gold;
mod ner;
mod queue;
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

#[derive(Subcommand)]
enum Command {
    /// Extract entities, quotes, counts, amounts, dates, hedges, events, themes and tone from articles.
    ///
    /// A PATH ending in .jsonl or .jsonl.gz holds one JSON object per line with at least "text"
    /// (and "id", "published"; other fields are passed through). Any other PATH is one plain-text
    /// article (its id is the file name without extension). "-" reads standard input: JSON Lines
    /// if its first line of text starts with "{", else one plain-text article. A bad line (not
    /// JSON, a bad field, not UTF-8) is named on standard error and skipped; the exit status is
    /// then 1. The output records are described in docs/OUTPUT.md.
    Extract(ExtractArgs),
    /// Train, run and score the named-entity tagger.
    #[command(subcommand)]
    Ner(ner::NerCommand),
    /// Train and score the count decision (which figures count people, and of what).
    #[command(subcommand)]
    Counts(counts::CountsCommand),
    /// Train and cross-validate the event trigger classifier.
    #[command(subcommand)]
    Events(events::EventsCommand),
    /// Extract articles and store them with their records in a corpus (idempotent, crash-safe).
    ///
    /// PATHs are files as for `extract`, or folders of them. An article is keyed by its id (or
    /// its content hash when it has none): ingesting the same file twice adds nothing, and a
    /// changed article replaces its records.
    Ingest {
        /// Input files (as for `extract`; "-" reads standard input) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The corpus: a directory (created if missing) or postgres://USER:PASSWORD@HOST:PORT/DATABASE.
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// Publication date for plain-text articles.
        #[arg(long)]
        published: Option<String>,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
        /// Publish the articles to this NATS JetStream queue (nats://HOST:PORT) for `khabar
        /// worker`s to extract and store, instead of doing it here (--db is then unused).
        #[arg(long)]
        queue: Option<String>,
    },
    /// Take articles from the queue, extract them and store them in PostgreSQL; run as many as
    /// you like, on any machines.
    ///
    /// A message is acknowledged only after its transaction committed: a worker killed midway
    /// leaves its messages to be delivered again, and a message delivered twice changes nothing.
    /// Entities are linked in the order articles were published, so any number of workers gives
    /// the corpus one process would.
    Worker {
        /// The queue (nats://HOST:PORT).
        #[arg(long)]
        queue: String,
        /// The store (postgres://USER:PASSWORD@HOST:PORT/DATABASE).
        #[arg(long)]
        db: PathBuf,
        /// Messages taken at a time (one transaction each).
        #[arg(long, default_value_t = 64)]
        batch: usize,
        /// Extraction threads (default 1: run one worker per core).
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Exit once every message in the queue is acknowledged.
        #[arg(long)]
        drain: bool,
        /// No progress report every 5 seconds (the summary at the end stays).
        #[arg(long, short)]
        quiet: bool,
    },
    /// The queue's state.
    #[command(subcommand)]
    Queue(QueueCommand),
    /// How many articles, entities, quotes, counts and dates the corpus holds.
    Stats {
        /// The corpus (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Search the corpus: ranked articles with highlighted snippets.
    Search(corpus::SearchArgs),
    /// Entities across the corpus.
    #[command(subcommand)]
    Entity(EntityCommand),
    /// Serve the JSON API and the web page over a corpus.
    Serve {
        /// The corpus (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// The address to listen on (HOST:PORT; 0.0.0.0:8080 for every interface).
        #[arg(long, default_value = "127.0.0.1:8080", value_parser = socket_addr)]
        addr: String,
        /// Ingest these files or folders first (as `khabar ingest`), then serve.
        #[arg(long, num_args = 1..)]
        ingest: Vec<PathBuf>,
    },
    /// Measure search latency or API throughput on a stored corpus.
    #[command(subcommand)]
    Bench(BenchCommand),
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Articles/s through the queue into PostgreSQL with 1 worker, then 2, and the ratio.
    Workers {
        /// The queue (nats://HOST:PORT).
        #[arg(long, default_value = "nats://127.0.0.1:4222")]
        queue: String,
        /// A PostgreSQL database whose name contains "bench" (it is emptied).
        #[arg(long)]
        db: String,
        /// Worker counts to run, in turn.
        #[arg(long, value_delimiter = ',', default_value = "1,2")]
        workers: Vec<usize>,
        /// Input files (as for ingest).
        #[arg(required = true)]
        input: Vec<PathBuf>,
    },
    /// p50/p95/p99 of one- and two-word searches drawn from the corpus's titles, against a scan.
    Search {
        /// The corpus (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// Queries of each kind.
        #[arg(long, default_value_t = 300)]
        queries: usize,
    },
    /// Requests against the API at a concurrency (a server of its own unless --addr is given).
    Api {
        /// The corpus the requests are drawn from, and served without --addr (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// A running server over that corpus to load (IP:PORT), instead of one started here.
        #[arg(long)]
        addr: Option<String>,
        /// Requests in all.
        #[arg(long, default_value_t = 10_000)]
        requests: usize,
        /// Requests in flight at once.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
    },
}

#[derive(Subcommand)]
enum QueueCommand {
    /// Messages waiting, in flight and redelivered (and, with --db, stored but not yet linked).
    Status {
        /// The queue (nats://HOST:PORT).
        #[arg(long)]
        queue: String,
        /// The workers' store (postgres://…), to count articles stored but not yet linked.
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Delete the stream with every message (and the workers' consumer): the queue starts empty.
    Purge {
        /// The queue (nats://HOST:PORT).
        #[arg(long)]
        queue: String,
    },
}

#[derive(Subcommand)]
enum EntityCommand {
    /// One entity: its spellings and why each was joined, where it is, who it is seen with.
    Show {
        /// An entity id, or a name in any spelling.
        id: String,
        /// The corpus (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Entities whose name contains a text, most mentioned first.
    List {
        /// Only entities whose name contains this text (any spelling).
        query: Option<String>,
        /// The corpus (a directory, or postgres://…).
        #[arg(long, default_value = "khabar-data")]
        db: PathBuf,
        /// PER, ORG or LOC.
        #[arg(long = "type")]
        kind: Option<String>,
        /// How many entities to list.
        #[arg(long, short = 'n', default_value_t = 20)]
        limit: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
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
    /// Leave these components out (comma-separated); their lists stay empty. Entities cost most
    /// of the time; amounts require counts and dates, so those can be left out only with
    /// amounts; quotes name speakers by entity when entities run; attribution links speakers
    /// and sources to entities.
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(khabar_extract::pipeline::NAMES))]
    pub skip: Vec<String>,
    /// Print throughput (articles/s, MB/s) on standard error at the end.
    #[arg(long)]
    pub stats: bool,
}

/// `--addr`: checked before anything is opened or ingested.
fn socket_addr(s: &str) -> Result<String, String> {
    use std::net::ToSocketAddrs;
    match s.to_socket_addrs() {
        Ok(_) => Ok(s.to_string()),
        Err(e) => Err(format!("{e}: expected HOST:PORT, e.g. 127.0.0.1:8080")),
    }
}

fn serve(db: &std::path::Path, addr: &str) -> anyhow::Result<bool> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        // colour codes only on a terminal, never in a log file
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let corpus = corpus::open_existing(db)?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(khabar_server::serve(corpus, addr))?;
    Ok(true)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => run::extract(args),
        Command::Ner(cmd) => ner::run(cmd),
        Command::Counts(cmd) => counts::run(cmd),
        Command::Events(cmd) => events::run(cmd).map(|()| true),
        Command::Ingest { paths, db, published, threads, quiet, queue } => {
            if let Some(n) = threads {
                let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
            }
            match queue {
                Some(url) => queue::publish(&url, &paths, published.as_deref()),
                None => corpus::ingest(&db, &paths, published.as_deref(), quiet),
            }
        }
        Command::Worker { queue, db, batch, threads, drain, quiet } => {
            let _ = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build_global();
            queue::worker(queue::WorkerArgs { queue: &queue, db: &db, batch, drain, quiet })
        }
        Command::Queue(QueueCommand::Status { queue, db }) => queue::status(&queue, db.as_deref()),
        Command::Queue(QueueCommand::Purge { queue }) => {
            khabar_queue::Queue::connect(&queue).and_then(|q| q.purge()).map(|_| true).map_err(Into::into)
        }
        Command::Serve { db, addr, ingest } => (|| {
            if !ingest.is_empty() && !corpus::ingest(&db, &ingest, None, false)? {
                eprintln!("khabar: some input lines were rejected (above); serving the rest");
            }
            serve(&db, &addr)
        })(),
        Command::Bench(BenchCommand::Search { db, queries }) => bench::search(&db, queries),
        Command::Bench(BenchCommand::Workers { queue, db, workers, input }) => {
            bench::workers(&queue, &db, &input, &workers)
        }
        Command::Bench(BenchCommand::Api { db, addr, requests, concurrency }) => {
            bench::api(&db, addr, requests, concurrency)
        }
        Command::Stats { db, json } => corpus::stats(&db, json),
        Command::Search(args) => corpus::search(args),
        Command::Entity(EntityCommand::Show { id, db, json }) => corpus::entity_show(&db, &id, json),
        Command::Entity(EntityCommand::List { query, db, kind, limit, json }) => {
            corpus::entity_list(&db, query.as_deref(), kind.as_deref(), limit, json)
        }
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
