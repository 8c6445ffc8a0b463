//! The queue between `khabar ingest` and `khabar worker`: a NATS JetStream stream that holds
//! articles durably, and one durable pull consumer that every worker shares.
//!
//! * The stream ([`STREAM`], subject [`SUBJECT`]) keeps each message, on disk, until a worker
//!   acknowledges it (work-queue retention). A message carries one input record as JSON, with the
//!   article's id and content hash as its `Nats-Msg-Id`, so that publishing the same file twice
//!   within the server's duplicate window stores each article once.
//! * The consumer ([`CONSUMER`]) hands each message to one worker at a time. A worker
//!   acknowledges only after its database transaction committed; a message not acknowledged
//!   within [`ACK_WAIT`] (its worker died, or is stuck) is delivered again, to any worker.
//!
//! The API is blocking (a small tokio runtime of its own inside), because the callers are the
//! blocking extraction and database code.
use async_nats::jetstream::{self, consumer::pull, stream, AckKind};
use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;

pub const STREAM: &str = "KHABAR_ARTICLES";
pub const SUBJECT: &str = "khabar.articles";
pub const CONSUMER: &str = "khabar-workers";
/// How long a worker may hold a message before it is delivered to another.
pub const ACK_WAIT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("NATS at {url}: {message}")]
    Connect { url: String, message: String },
    #[error("NATS JetStream: {0}")]
    Nats(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

fn nats<E: std::fmt::Display>(e: E) -> Error {
    Error::Nats(e.to_string())
}

/// A connection to the queue's stream (created on first use).
pub struct Queue {
    rt: Arc<tokio::runtime::Runtime>,
    js: jetstream::Context,
    stream: stream::Stream,
}

/// What `khabar queue status` shows.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// Messages in the stream: not yet acknowledged by a worker.
    pub messages: u64,
    /// Not yet delivered to any worker.
    pub pending: u64,
    /// Delivered, not yet acknowledged.
    pub in_flight: u64,
    /// In flight and delivered more than once.
    pub redelivered: u64,
    pub first_seq: u64,
    pub last_seq: u64,
    /// Pull requests of workers waiting for messages.
    pub waiting: u64,
}

/// One message taken by a worker.
pub struct Job {
    /// Its place in the stream (the order in which it was published).
    pub seq: u64,
    msg: jetstream::Message,
}

impl Job {
    /// The message's body: one input record as JSON.
    pub fn payload(&self) -> &[u8] {
        &self.msg.payload
    }
}

/// How many published, how many the server had already (same message id), and the message ids
/// of those larger than the server takes (its `max_payload`, 1 MB by default).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    pub stored: usize,
    pub duplicates: usize,
    pub too_large: Vec<String>,
}

impl Queue {
    /// Connects to `nats://host:port` and makes sure the stream exists.
    pub fn connect(url: &str) -> Result<Queue> {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(nats)?;
        let (js, stream) = rt.block_on(async {
            let client = async_nats::ConnectOptions::new()
                .connection_timeout(Duration::from_secs(5))
                .connect(url)
                .await
                .map_err(|e| Error::Connect { url: url.to_string(), message: e.to_string() })?;
            let js = jetstream::new(client);
            let stream = js
                .get_or_create_stream(stream::Config {
                    name: STREAM.to_string(),
                    subjects: vec![SUBJECT.to_string()],
                    retention: stream::RetentionPolicy::WorkQueue,
                    storage: stream::StorageType::File,
                    duplicate_window: Duration::from_secs(120),
                    ..Default::default()
                })
                .await
                .map_err(|e| Error::Connect { url: url.to_string(), message: format!("stream {STREAM}: {e}") })?;
            Ok::<_, Error>((js, stream))
        })?;
        Ok(Queue { rt: Arc::new(rt), js, stream })
    }

    /// The stream's identity (name and creation time: a stream deleted and made again starts its
    /// sequence over) and the first sequence it still holds.
    pub fn stream_key(&self) -> Result<(String, u64)> {
        let info = self.rt.block_on(self.stream.get_info()).map_err(nats)?;
        Ok((format!("{STREAM}@{}", info.created.unix_timestamp_nanos()), info.state.first_sequence))
    }

    /// Publishes messages (message id, JSON payload), waiting for the server to have stored each;
    /// keeps up to 256 unconfirmed at a time.
    pub fn publish(&self, messages: impl Iterator<Item = (String, Vec<u8>)>) -> Result<Published> {
        self.rt.block_on(async {
            let mut out = Published::default();
            let mut inflight = futures::stream::FuturesOrdered::new();
            for (id, payload) in messages {
                let msg = jetstream::message::PublishMessage::build().payload(payload.into()).message_id(&id);
                let ack = match self.js.send_publish(SUBJECT, msg).await {
                    Ok(ack) => ack,
                    Err(e) if e.kind() == jetstream::context::PublishErrorKind::MaxPayloadExceeded => {
                        out.too_large.push(id);
                        continue;
                    }
                    Err(e) => return Err(nats(e)),
                };
                inflight.push_back(std::future::IntoFuture::into_future(ack));
                if inflight.len() >= 256 {
                    count(&mut out, inflight.next().await)?;
                }
            }
            while let Some(r) = inflight.next().await {
                count(&mut out, Some(r))?;
            }
            Ok(out)
        })
    }

    /// The workers' shared consumer (created on first use).
    pub fn consumer(&self) -> Result<Consumer> {
        let consumer =
            self.rt.block_on(self.stream.get_or_create_consumer(CONSUMER, consumer_config())).map_err(nats)?;
        Ok(Consumer { rt: self.rt.clone(), consumer })
    }

    pub fn status(&self) -> Result<Status> {
        self.rt.block_on(async {
            let s = self.stream.get_info().await.map_err(nats)?;
            let mut st = Status {
                messages: s.state.messages,
                first_seq: s.state.first_sequence,
                last_seq: s.state.last_sequence,
                ..Default::default()
            };
            if let Ok(mut c) = self.stream.get_consumer::<pull::Config>(CONSUMER).await {
                let i = c.info().await.map_err(nats)?;
                st.pending = i.num_pending;
                st.in_flight = i.num_ack_pending as u64;
                st.redelivered = i.num_redelivered as u64;
                st.waiting = i.num_waiting as u64;
            } else {
                st.pending = s.state.messages;
            }
            Ok(st)
        })
    }

    /// Deletes the stream with every message, its consumer and its memory of message ids (a
    /// purge would keep that, and refuse the same articles again for the duplicate window); the
    /// next connection makes a new, empty one.
    pub fn purge(self) -> Result<()> {
        self.rt.block_on(self.js.delete_stream(STREAM)).map_err(nats)?;
        Ok(())
    }
}

fn count(
    out: &mut Published,
    r: Option<Result<jetstream::publish::PublishAck, jetstream::context::PublishError>>,
) -> Result<()> {
    if let Some(r) = r {
        let ack = r.map_err(nats)?;
        if ack.duplicate {
            out.duplicates += 1;
        } else {
            out.stored += 1;
        }
    }
    Ok(())
}

fn consumer_config() -> pull::Config {
    pull::Config {
        durable_name: Some(CONSUMER.to_string()),
        ack_policy: jetstream::consumer::AckPolicy::Explicit,
        ack_wait: ACK_WAIT,
        max_ack_pending: 4096,
        ..Default::default()
    }
}

/// A worker's handle on the shared consumer.
pub struct Consumer {
    rt: Arc<tokio::runtime::Runtime>,
    consumer: jetstream::consumer::Consumer<pull::Config>,
}

impl Consumer {
    /// Up to `max` messages, waiting at most `wait` for the first.
    pub fn fetch(&self, max: usize, wait: Duration) -> Result<Vec<Job>> {
        self.rt.block_on(async {
            let mut batch = self.consumer.fetch().max_messages(max).expires(wait).messages().await.map_err(nats)?;
            let mut jobs = Vec::new();
            while let Some(m) = batch.next().await {
                let msg = m.map_err(nats)?;
                let seq = msg.info().map_err(nats)?.stream_sequence;
                jobs.push(Job { seq, msg });
            }
            Ok(jobs)
        })
    }

    /// Acknowledges jobs, each confirmed by the server (so that a lost acknowledgement is an
    /// error here, not a silent redelivery later).
    pub fn ack<'a>(&self, jobs: impl IntoIterator<Item = &'a Job>) -> Result<()> {
        self.rt.block_on(async {
            let acks = jobs.into_iter().map(|j| j.msg.double_ack());
            for r in futures::future::join_all(acks).await {
                r.map_err(nats)?;
            }
            Ok(())
        })
    }

    /// Gives a job up for good (a message that can never be stored: not JSON, no text).
    pub fn reject(&self, job: &Job) -> Result<()> {
        self.rt.block_on(job.msg.ack_with(AckKind::Term)).map_err(nats)
    }

    /// Hands jobs back for redelivery (the database refused the batch).
    pub fn release(&self, jobs: &[Job]) -> Result<()> {
        self.rt.block_on(async {
            for j in jobs {
                j.msg.ack_with(AckKind::Nak(Some(Duration::from_secs(1)))).await.map_err(nats)?;
            }
            Ok(())
        })
    }
}
