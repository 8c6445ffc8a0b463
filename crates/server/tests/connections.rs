//! The listener against clients that misbehave on the wire: half-sent headers, a body shorter
//! than its Content-Length, idle connections, `Expect: 100-continue` with a body over the
//! limit, more connections than allowed. Real sockets on 127.0.0.1, short limits.
use khabar_server::listen::{self, Limits};
use khabar_store::Corpus;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[path = "../../store/tests/examples/mod.rs"]
mod examples;

fn state() -> Arc<khabar_server::AppState> {
    static C: OnceLock<(tempfile::TempDir, Arc<khabar_server::AppState>)> = OnceLock::new();
    C.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let c = Corpus::open(dir.path()).unwrap();
        c.write(&examples::batch()).unwrap();
        c.index.close().unwrap();
        drop(c);
        let state = khabar_server::AppState::new(Corpus::open_read_only(dir.path()).unwrap());
        (dir, state)
    })
    .1
    .clone()
}

const SHORT: Limits = Limits {
    header_read: Duration::from_secs(1),
    idle: Duration::from_secs(2),
    max_connections: 512,
    grace: Duration::from_secs(1),
};

async fn start(limits: Limits) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = khabar_server::router(state());
    tokio::spawn(listen::run(listener, app, limits, std::future::pending()));
    addr
}

/// Sends `head` (and nothing more) and returns what the server answers until it closes.
async fn send(addr: SocketAddr, head: &[u8]) -> TcpStream {
    let mut s = TcpStream::connect(addr).await.unwrap();
    s.write_all(head).await.unwrap();
    s
}

/// Everything the server sends until it closes the connection; panics if it stays open.
async fn until_closed(mut s: TcpStream, within: Duration, what: &str) -> String {
    let mut buf = Vec::new();
    match tokio::time::timeout(within, s.read_to_end(&mut buf)).await {
        Ok(_) => String::from_utf8_lossy(&buf).into_owned(),
        Err(_) => panic!("{what}: the connection is still open after {within:?}"),
    }
}

async fn get_stats(addr: SocketAddr) -> String {
    let mut s = send(addr, b"GET /api/stats HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n").await;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    String::from_utf8_lossy(&buf).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_lying_clients_are_cut_off() {
    let addr = start(SHORT).await;
    let mut held = Vec::new();
    for _ in 0..100 {
        held.push(("half-sent headers", send(addr, b"GET /api/stats HTTP/1.1\r\nHost: t\r\nX-Slow: ").await));
    }
    held.push(("silent connection", send(addr, b"").await));
    let lying = b"POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"text\":";
    held.push(("body shorter than its Content-Length", send(addr, lying).await));
    // a keep-alive connection that goes quiet after one answer
    let mut idle = send(addr, b"GET /api/stats HTTP/1.1\r\nHost: t\r\n\r\n").await;
    let mut first = [0u8; 12];
    idle.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    held.push(("idle keep-alive connection", idle));

    // normal requests are answered meanwhile
    for _ in 0..10 {
        assert!(get_stats(addr).await.starts_with("HTTP/1.1 200"));
    }
    for (what, s) in held {
        until_closed(s, Duration::from_secs(10), what).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_oversized_body_is_refused_before_it_is_sent() {
    let addr = start(SHORT).await;
    let head = format!(
        "POST /api/extract HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        10 * khabar_server::MAX_BODY
    );
    let s = send(addr, head.as_bytes()).await;
    let answer = until_closed(s, Duration::from_secs(10), "refused body").await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(!answer.contains("100 Continue"), "{answer}");
    assert!(answer.contains("{\"error\":"), "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_over_the_limit_wait_their_turn() {
    let addr = start(Limits { max_connections: 4, ..SHORT }).await;
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(send(addr, b"GET /api/stats HTTP/1.1\r\nHost: t\r\n").await);
    }
    // the fifth waits in the backlog until the header timeout frees a place, then is answered
    let answer = tokio::time::timeout(Duration::from_secs(10), get_stats(addr)).await.expect("answered");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    for s in held {
        until_closed(s, Duration::from_secs(10), "held connection").await;
    }
}
