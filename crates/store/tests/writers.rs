//! One writer at a time in a corpus directory: a second `Corpus::open` waits, telling its caller
//! once, until the first is dropped, then finds what the first stored unchanged; reading never
//! waits.
use examples::batch;
use khabar_store::views::Written;
use khabar_store::Corpus;
use std::time::Duration;

mod examples;

#[test]
fn a_second_writer_waits_for_the_first_and_readers_do_not() {
    let dir = tempfile::tempdir().unwrap();
    let first = Corpus::open(dir.path()).unwrap();
    assert_eq!(first.write(&batch()).unwrap().stored, 7);
    let (told_tx, told) = std::sync::mpsc::channel();
    let path = dir.path().to_path_buf();
    let second = std::thread::spawn(move || {
        let c = Corpus::open_waiting(&path, &mut || told_tx.send(()).unwrap()).unwrap();
        (c.write(&batch()).unwrap(), c.store.stats().unwrap().articles, c.index.num_docs().unwrap())
    });
    told.recv_timeout(Duration::from_secs(60)).expect("the second writer is told it waits");
    let reader = Corpus::open_read_only(dir.path()).unwrap();
    assert_eq!(reader.store.stats().unwrap().articles, 7, "readers do not wait");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!second.is_finished(), "the second writer waits while the first is open");
    first.write(&batch()[..2]).unwrap();
    drop(first);
    let (written, articles, indexed) = second.join().unwrap();
    assert_eq!(written, Written { stored: 0, replaced: 0, unchanged: 7 });
    assert_eq!((articles, indexed), (7, 7));
    assert!(told.try_recv().is_err(), "told once");
}
