//! The schema's one migration mechanism, on both backends: a database from before versions were
//! recorded (or at an older version) is migrated when opened, keeping its data; a database at a
//! version newer than this build knows is refused with an error that says so. SQLite always;
//! PostgreSQL in a test that is ignored unless asked for (`cargo test -- --ignored`), and then
//! fails without `KHABAR_TEST_POSTGRES` naming a database for tests (`.ci/run` starts one; it is
//! emptied, so its name must contain "test").
use examples::batch;
use khabar_store::{Error, PgStore, SqliteStore, Store};

mod examples;

fn sqlite_version(path: &std::path::Path) -> i64 {
    let c = rusqlite::Connection::open(path).unwrap();
    c.query_row("SELECT version FROM schema_version", [], |r| r.get(0)).unwrap()
}

#[test]
fn sqlite_unversioned_database_is_migrated_and_a_newer_one_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("khabar.db");
    let fresh = SqliteStore::open(&path).unwrap();
    fresh.write(&batch()).unwrap();
    let events = fresh.stats().unwrap().events;
    assert!(events > 0, "the examples have events");
    let listed = fresh.events(&Default::default(), 1000, 0).unwrap();
    drop(fresh);
    assert_eq!(sqlite_version(&path), 4);
    // as khabar left its databases before the schema had a version: the tables (without the
    // places' level, which the second version adds, and the figures' scope and country, which
    // the third adds, and the events, which the fourth adds), no version
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "DROP TABLE schema_version; ALTER TABLE entities DROP COLUMN level; DROP INDEX articles_hash; \
             DROP INDEX counts_day; DROP TABLE copies; ALTER TABLE counts DROP COLUMN scope; \
             ALTER TABLE counts DROP COLUMN country; DROP TABLE events; DROP TABLE events_backfill",
        )
        .unwrap();
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().articles, 7, "the articles are kept");
    assert_eq!(sqlite_version(&path), 4);
    assert!(store.figures(&khabar_store::FigureFilter::default(), 1, 0).unwrap().total > 0, "old figures are incident");
    // the articles stored before events were kept have theirs, from their records, once
    assert_eq!(store.stats().unwrap().events, events, "events written from the stored records");
    assert_eq!(store.events(&Default::default(), 1000, 0).unwrap(), listed);
    drop(store);
    assert_eq!(SqliteStore::open(&path).unwrap().stats().unwrap().events, events, "and only once");

    rusqlite::Connection::open(&path).unwrap().execute_batch("UPDATE schema_version SET version = 5").unwrap();
    let e = SqliteStore::open(&path).err().expect("a newer schema is refused");
    assert!(matches!(e, Error::SchemaTooNew { found: 5, known: 4, .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: schema version 5 is newer than this khabar knows (version 4); it was written by a newer khabar, \
             which is needed to open it",
            path.display()
        )
    );
    assert_eq!(sqlite_version(&path), 5, "nothing written");
}

#[test]
#[ignore = "needs PostgreSQL: set KHABAR_TEST_POSTGRES (.ci/run starts it)"]
fn postgres_old_database_is_migrated_and_a_newer_one_refused() {
    let url = std::env::var("KHABAR_TEST_POSTGRES").expect(
        "KHABAR_TEST_POSTGRES must name a PostgreSQL database for tests, e.g. \
         postgres://khabar:khabar@127.0.0.1:5432/khabar_test (.ci/run starts one and sets it)",
    );
    assert!(url.contains("test"), "KHABAR_TEST_POSTGRES must name a test database (it is emptied): {url}");
    PgStore::reset(&url).unwrap();
    // processes opening an empty database together: one migrates, the others wait and find it done
    let opened: Vec<_> = (0..3)
        .map(|_| {
            std::thread::spawn({
                let url = url.clone();
                move || PgStore::open(&url).map(|_| ())
            })
        })
        .collect();
    for t in opened {
        t.join().unwrap().unwrap();
    }
    let fresh = PgStore::open(&url).unwrap();
    fresh.write(&batch()).unwrap();
    let listed = fresh.events(&Default::default(), 1000, 0).unwrap();
    assert!(listed.total > 0, "the examples have events");
    drop(fresh);
    let mut c = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    let one = |c: &mut ::postgres::Client, sql: &str| c.query_one(sql, &[]).unwrap().get::<_, Option<i64>>(0);
    let exists = |c: &mut ::postgres::Client, t: &str| {
        c.query_one("SELECT to_regclass($1) IS NOT NULL", &[&t]).unwrap().get::<_, bool>(0)
    };
    assert_eq!(one(&mut c, "SELECT version FROM schema_version"), Some(7));

    // as khabar left a database at its third migration before `schema_version`: the versions run
    // in `khabar_migrations`, no queue tables yet, no places' level, no figures' scope
    c.batch_execute(
        "DROP TABLE queue_log, queue_progress, schema_version; ALTER TABLE entities DROP COLUMN level; \
         DROP INDEX articles_hash, counts_day; DROP TABLE copies; ALTER TABLE counts DROP COLUMN scope, DROP COLUMN country; \
         DROP TABLE events, events_backfill; \
         CREATE TABLE khabar_migrations (version BIGINT PRIMARY KEY); INSERT INTO khabar_migrations VALUES (1), (2), (3)",
    )
    .unwrap();
    let store = PgStore::open(&url).unwrap();
    assert_eq!(store.stats().unwrap().articles, 7, "the articles are kept");
    assert_eq!(store.queued_unlinked("s").unwrap(), 0, "the fourth migration made the queue tables");
    assert_eq!(one(&mut c, "SELECT version FROM schema_version"), Some(7), "and the fifth to seventh ran");
    assert_eq!(store.events(&Default::default(), 1000, 0).unwrap(), listed, "events written from the stored records");
    assert!(!exists(&mut c, "khabar_migrations"), "the old table is replaced by schema_version");
    drop(store);

    // one at the current version is opened without writing (as a read-only replica must be)
    PgStore::open(&url).unwrap();
    assert_eq!(one(&mut c, "SELECT version FROM schema_version"), Some(7));
    assert_eq!(one(&mut c, "SELECT COUNT(*) FROM events"), Some(listed.total as i64), "events written once");

    c.batch_execute("UPDATE schema_version SET version = 8").unwrap();
    let e = PgStore::open(&url).err().expect("a newer schema is refused");
    assert!(matches!(e, Error::SchemaTooNew { found: 8, known: 7, .. }), "{e:?}");
    let message = e.to_string();
    assert!(message.contains(": schema version 8 is newer than this khabar knows (version 7)"), "{message}");
    assert!(!message.contains(":khabar@"), "no password in the message: {message}");
    assert_eq!(one(&mut c, "SELECT version FROM schema_version"), Some(8), "nothing written");
    PgStore::reset(&url).unwrap();
}
