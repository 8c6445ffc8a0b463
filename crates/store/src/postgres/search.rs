//! [`PgSearch`]: search in PostgreSQL itself, ranked as the embedded index ranks.
use super::rows::{lens, SearchRows, SEARCH_SET};
use super::store::{PgStore, Readers};
use crate::analysis::{word_terms, DocTerms, TermSnippets, BOOSTS, FIELDS};
use crate::error::Result;
use crate::search::{Hit, IndexDoc, Results, Search, SearchQuery, Snippets};
use postgres::{Client, Row};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A term as a `tsquery` of that one lexeme, whatever characters it holds.
fn lexeme_query(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

/// Search in PostgreSQL itself, ranked as the embedded index ranks. Matching uses `tsvector`
/// columns of our analyzers' terms (exact and stemmed; `array_to_tsvector`, so PostgreSQL's own
/// parser never re-splits them) under GIN indexes: every word must match, exactly or by its stem.
/// Ranking is tantivy's BM25, computed with tantivy's own [`Bm25Weight`] over the same statistics:
/// a `postings` table holds each article's term frequencies per field, the articles their field
/// lengths, `search_totals` the corpus totals, so that a query's scores are those the embedded
/// store gives for the same articles (up to the order in which f32 sums are added). Phrases,
/// exclusions and OR are not parsed here (their words are just ANDed).
///
/// [`Bm25Weight`]: tantivy::query::Bm25Weight
pub struct PgSearch {
    readers: Arc<Readers>,
}

impl PgSearch {
    /// Search over a store's database (whose migrations made the columns and indexes), on the
    /// store's connections.
    pub fn new(store: &PgStore) -> PgSearch {
        PgSearch { readers: store.readers.clone() }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.readers.with(f)
    }
}

impl Search for PgSearch {
    /// Indexes articles that are not yet (those written before the search columns existed);
    /// the store's writes index what they write in the same transaction.
    fn upsert(&self, docs: &[IndexDoc]) -> Result<()> {
        let terms: Vec<DocTerms> = docs.iter().map(|d| DocTerms::of(&d.title, &d.text)).collect();
        self.with(|c| {
            let mut tx = c.transaction()?;
            let st =
                tx.prepare(&format!("UPDATE articles SET {SEARCH_SET} WHERE id = $1 AND NOT indexed RETURNING rid"))?;
            let mut rows = SearchRows::default();
            for (d, t) in docs.iter().zip(&terms) {
                let l = lens(t);
                if let Some(r) = tx.query_opt(&st, p![d.id, t.terms(false), t.terms(true), l[0], l[1], l[2], l[3]])? {
                    rows.add(r.get(0), t, 1);
                }
            }
            rows.flush(&mut tx)?;
            tx.commit()?;
            Ok(())
        })
    }

    fn commit(&self) -> Result<()> {
        Ok(()) // each upsert commits its own transaction
    }

    fn close(&self) -> Result<()> {
        Ok(())
    }

    fn num_docs(&self) -> Result<u64> {
        self.with(|c| Ok(c.query_one("SELECT COUNT(*) FROM articles WHERE indexed", &[])?.get::<_, i64>(0) as u64))
    }

    fn search(&self, q: &SearchQuery) -> Result<Results> {
        // the user's words by our grammar (crate::query), as the tantivy backend reads them
        let text = crate::query::parse(q.text.as_deref().unwrap_or(""));
        // the words that score: those of what the query selects, each with its exact and
        // stemmed term
        let mut words: Vec<(String, String)> = Vec::new();
        for w in text.wanted().flat_map(|a| word_terms(a.text())) {
            let w = (w.exact, w.stem);
            if !words.contains(&w) {
                words.push(w);
            }
        }
        let mut params: Vec<Box<dyn ::postgres::types::ToSql + Sync>> = Vec::new();
        let mut arg = |v: Box<dyn ::postgres::types::ToSql + Sync>| {
            params.push(v);
            format!("${}", params.len())
        };
        let mut conds = vec!["indexed".to_string()];
        // a clause: any of its atoms; an atom: all its words (the tsvectors hold no positions,
        // so a phrase here requires its words, not their order)
        for clause in &text.clauses {
            let mut any = Vec::new();
            for atom in &clause.any {
                let mut all = Vec::new();
                for w in word_terms(atom.text()) {
                    let pe = arg(Box::new(lexeme_query(&w.exact)));
                    if w.stem.is_empty() {
                        all.push(format!("exact @@ {pe}::text::tsquery"));
                    } else {
                        let ps = arg(Box::new(lexeme_query(&w.stem)));
                        all.push(format!("(exact @@ {pe}::text::tsquery OR stem @@ {ps}::text::tsquery)"));
                    }
                }
                if !all.is_empty() {
                    any.push(format!("({})", all.join(" AND ")));
                }
            }
            if any.is_empty() {
                continue;
            }
            let cond = format!("({})", any.join(" OR "));
            conds.push(if clause.exclude { format!("NOT {cond}") } else { cond });
        }
        if let Some(src) = &q.source {
            let p = arg(Box::new(src.clone()));
            conds.push(format!("source = {p}"));
        }
        if let Some(f) = q.from {
            let p = arg(Box::new(f));
            conds.push(format!("day >= {p}"));
        }
        if let Some(t) = q.to {
            let p = arg(Box::new(t));
            conds.push(format!("day <= {p}"));
        }
        if !q.entities.is_empty() {
            let p = arg(Box::new(q.entities.clone()));
            conds.push(format!("rid IN (SELECT article FROM mentions WHERE entity = ANY({p}))"));
        }
        let filter = conds.join(" AND ");
        let refs: Vec<&(dyn ::postgres::types::ToSql + Sync)> = params.iter().map(|b| b.as_ref()).collect();
        let limit = q.limit.max(1);
        self.with(|c| {
            if !text.has_required() {
                let total: i64 = c.query_one(&format!("SELECT COUNT(*) FROM articles WHERE {filter}"), &refs)?.get(0);
                let sql = format!(
                    "SELECT id FROM articles WHERE {filter} ORDER BY day DESC NULLS LAST, id LIMIT {limit} OFFSET {}",
                    q.offset.min(i64::MAX as usize)
                );
                let hits = c.query(&sql, &refs)?.iter().map(|r| Hit { id: r.get(0), score: 0.0 }).collect();
                return Ok(Results { total: total as usize, hits });
            }
            // the planner prices a sequential scan for a common word below the GIN indexes, not
            // seeing that it detoasts every article's tsvector (200 ms against 25 over 17,815)
            let mut tx = c.transaction()?;
            tx.batch_execute("SET LOCAL enable_seqscan = off")?;
            let matched =
                tx.query(&format!("SELECT rid, id, len_t, len_b, len_st, len_sb FROM articles WHERE {filter}"), &refs)?;
            let mut hits = rank(&mut tx, &words, &matched)?;
            tx.commit()?;
            hits.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
            let total = hits.len();
            Ok(Results { total, hits: hits.into_iter().skip(q.offset).take(limit).collect() })
        })
    }

    fn snippets(&self, text_query: &str) -> Result<Box<dyn Snippets>> {
        Ok(Box::new(TermSnippets::new(text_query)))
    }
}

/// BM25 scores of the matched articles (rows of `rid, id` and the four field lengths), as
/// tantivy computes them for our query: for each word, the sum over the four fields of the
/// boosted BM25 of its exact term (title, body) or stem (the stemmed title and body); words added.
fn rank(c: &mut impl ::postgres::GenericClient, words: &[(String, String)], matched: &[Row]) -> Result<Vec<Hit>> {
    use tantivy::fieldnorm::FieldNormReader;
    use tantivy::query::Bm25Weight;
    let mut terms: Vec<&str> =
        words.iter().flat_map(|(e, s)| [e.as_str(), s.as_str()]).filter(|t| !t.is_empty()).collect();
    terms.sort_unstable();
    terms.dedup();
    let totals = c.query_one("SELECT docs, t, b, st, sb FROM search_totals", &[])?;
    let docs = totals.get::<_, i64>(0).max(0) as u64;
    // every article holding a query term, matched or not: document frequencies count them all
    let mut tf: FxHashMap<(&str, i64), [u32; FIELDS]> = FxHashMap::default();
    let mut df: FxHashMap<&str, [u64; FIELDS]> = FxHashMap::default();
    for r in c.query("SELECT term, article, t, b, st, sb FROM postings WHERE term = ANY($1)", p![terms])? {
        let term: String = r.get(0);
        let Some(&term) = terms.iter().find(|t| **t == term) else { continue };
        let f: [u32; FIELDS] = std::array::from_fn(|i| r.get::<_, i32>(i + 2).max(0) as u32);
        let d = df.entry(term).or_default();
        for i in 0..FIELDS {
            d[i] += (f[i] > 0) as u64;
        }
        tf.insert((term, r.get(1)), f);
    }
    // one weight per (word, field), as tantivy's term queries build them
    let weights: Vec<[Option<Bm25Weight>; FIELDS]> = words
        .iter()
        .map(|(e, s)| {
            std::array::from_fn(|i| {
                let term = if i < 2 { e.as_str() } else { s.as_str() };
                let n = df.get(term).map_or(0, |d| d[i]);
                (n > 0 && docs > 0).then(|| {
                    let avg = totals.get::<_, i64>(i + 1).max(0) as u64 as f32 / docs as f32;
                    Bm25Weight::for_one_term(n.min(docs), docs, avg)
                })
            })
        })
        .collect();
    let mut hits = Vec::with_capacity(matched.len());
    for r in matched {
        let rid: i64 = r.get(0);
        let norms: [u8; FIELDS] =
            std::array::from_fn(|i| FieldNormReader::fieldnorm_to_id(r.get::<_, i32>(i + 2).max(0) as u32));
        let mut score = 0f32;
        for ((e, s), w) in words.iter().zip(&weights) {
            let mut word = 0f32;
            for i in 0..FIELDS {
                let term = if i < 2 { e.as_str() } else { s.as_str() };
                if let (Some(w), Some(f)) = (&w[i], tf.get(&(term, rid))) {
                    if f[i] > 0 {
                        word += w.score(norms[i], f[i]) * BOOSTS[i];
                    }
                }
            }
            score += word;
        }
        hits.push(Hit { id: r.get(1), score });
    }
    Ok(hits)
}
