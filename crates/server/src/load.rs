//! A small HTTP load generator for `khabar bench api`: N keep-alive connections (hyper's HTTP/1
//! client), a shared request counter, per-request latency. `wrk` would do as well but is not on
//! every machine and cannot stop after an exact number of requests.
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use serde::Serialize;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    pub requests: usize,
    /// Transport failures and responses that were not 2xx.
    pub errors: usize,
    pub seconds: f64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1e3
}

async fn connect(addr: SocketAddr) -> anyhow::Result<hyper::client::conn::http1::SendRequest<Empty<Bytes>>> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(async move {
        let _ = conn.await;
    });
    Ok(send)
}

/// Sends `requests` GETs cycling over `paths`, `concurrency` at a time.
pub async fn run(addr: SocketAddr, paths: Vec<String>, requests: usize, concurrency: usize) -> LoadReport {
    let paths = Arc::new(paths);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (paths, next) = (paths.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut errors = 0usize;
            let mut sender = None;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    break;
                }
                let t = Instant::now();
                if sender.is_none() {
                    sender = connect(addr).await.ok();
                }
                let Some(s) = sender.as_mut() else {
                    errors += 1;
                    continue;
                };
                let path = &paths[i % paths.len()];
                let req =
                    hyper::Request::get(path.as_str()).header("host", addr.to_string()).body(Empty::<Bytes>::new());
                let ok = match req {
                    Ok(req) => match s.send_request(req).await {
                        Ok(resp) => {
                            let good = resp.status().is_success();
                            good & resp.into_body().collect().await.is_ok()
                        }
                        Err(_) => {
                            sender = None;
                            false
                        }
                    },
                    Err(_) => false,
                };
                lat.push(t.elapsed());
                errors += (!ok) as usize;
            }
            (lat, errors)
        }));
    }
    let mut all = Vec::with_capacity(requests);
    let mut errors = 0;
    for t in tasks {
        match t.await {
            Ok((l, e)) => {
                all.extend(l);
                errors += e;
            }
            Err(_) => errors += 1,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    all.sort();
    LoadReport {
        requests: all.len(),
        errors,
        seconds,
        per_second: all.len() as f64 / seconds.max(1e-9),
        p50_ms: percentile(&all, 0.50),
        p90_ms: percentile(&all, 0.90),
        p99_ms: percentile(&all, 0.99),
        max_ms: all.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    }
}
