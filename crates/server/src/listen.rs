//! The listener: the router served connection by connection with the limits a public server
//! needs, which `axum::serve` does not expose. A client that sends half its headers, promises a
//! body it never sends, or holds idle connections is cut off; connections beyond
//! [`Limits::max_connections`] wait in the kernel's backlog instead of each taking a task and a
//! file descriptor.
//!
//! hyper bounds the header read ([`Limits::header_read`], from the moment a connection is
//! accepted); `tokio-io-timeout` bounds how long a connection may stay silent — an idle
//! keep-alive connection or a body that stops arriving ([`Limits::idle`]); the router's own
//! middleware bounds a whole request ([`crate::REQUEST_TIME`]).
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// What one client may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// From accepting a connection (or the end of a response) to the end of the next request's
    /// headers.
    pub header_read: Duration,
    /// Longest silence on a connection: no byte read (or written) for this long closes it.
    pub idle: Duration,
    /// Connections open at once; the next waits until one closes.
    pub max_connections: usize,
    /// How long shutdown waits for requests in flight.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            idle: Duration::from_secs(30),
            max_connections: 512,
            grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish
/// (at most [`Limits::grace`]).
pub async fn run(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(limits.header_read);
    builder.http2().timer(TokioTimer::new());
    let builder = Arc::new(builder);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = permits.clone().acquire_owned() => p.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // out of file descriptors and the like: wait instead of spinning
                    tracing::warn!("accepting a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let mut io = tokio_io_timeout::TimeoutStream::new(stream);
        io.set_read_timeout(Some(limits.idle));
        io.set_write_timeout(Some(limits.idle));
        let io = TokioIo::new(Box::pin(io));
        let service = TowerToHyperService::new(app.clone());
        let conn = graceful.watch(builder.serve_connection_with_upgrades(io, service).into_owned());
        tokio::spawn(async move {
            // errors here are the client's (reset, timed out, malformed): nothing to report
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.grace, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still running after {:?}; stopping anyway", limits.grace);
    }
    Ok(())
}
