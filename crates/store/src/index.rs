//! The search index (tantivy): titles and bodies under two Arabic analyzers (see
//! [`crate::analysis`]), with the source, publication day and linked entity ids as filters.
//! The text itself stays in the database; snippets are cut from it there.
use crate::analysis::{ArabicTokenizer, BOOSTS, EXACT, STEM};
use crate::error::{Error, Result};
use crate::query::{self, Atom, TextQuery};
use crate::search::{Hit, IndexDoc, Results, Search, SearchQuery, Snippet, Snippets};
use std::ops::Bound;
use std::path::Path;
use std::sync::Mutex;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, INDEXED, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{doc, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term};

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    title_stem: Field,
    body: Field,
    body_stem: Field,
    source: Field,
    day: Field,
    entity: Field,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<Option<IndexWriter>>,
    f: Fields,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tok: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(tok).set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let f = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text(EXACT)),
        title_stem: b.add_text_field("title_stem", text(STEM)),
        body: b.add_text_field("body", text(EXACT)),
        body_stem: b.add_text_field("body_stem", text(STEM)),
        source: b.add_text_field("source", STRING),
        day: b.add_i64_field("day", INDEXED | FAST),
        entity: b.add_text_field("entity", STRING),
    };
    (b.build(), f)
}

impl SearchIndex {
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        let (schema, f) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)
            .map_err(|e| Error::Invalid(format!("{}: {e}", dir.display())))?;
        let index = Index::open_or_create(directory, schema)?;
        index.tokenizers().register(EXACT, TextAnalyzer::from(ArabicTokenizer::exact()));
        index.tokenizers().register(STEM, TextAnalyzer::from(ArabicTokenizer::stemmed()));
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        Ok(SearchIndex { index, reader, writer: Mutex::new(None), f })
    }

    /// One atom in every searched field, each with its boost (the order of [`BOOSTS`], which
    /// PostgreSQL's ranking shares): a term, or a phrase when the atom has several words. The
    /// terms come from the analyzers the fields were indexed with.
    fn atom(&self, a: &Atom) -> Option<Box<dyn Query>> {
        let words = crate::analysis::word_terms(a.text());
        if words.is_empty() {
            return None;
        }
        let f = self.f;
        let fields = [(f.title, false), (f.body, false), (f.title_stem, true), (f.body_stem, true)];
        let per_field = fields
            .into_iter()
            .zip(BOOSTS)
            .map(|((field, stemmed), boost)| {
                let mut terms: Vec<Term> = words
                    .iter()
                    .map(|w| {
                        Term::from_field_text(field, if stemmed && !w.stem.is_empty() { &w.stem } else { &w.exact })
                    })
                    .collect();
                let q: Box<dyn Query> = match terms.len() {
                    1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::WithFreqs)),
                    _ => Box::new(PhraseQuery::new(terms)),
                };
                (Occur::Should, Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(per_field)))
    }

    /// Every clause required (or excluded); a clause's atoms any of them. A query of exclusions
    /// only selects every other article.
    fn text(&self, q: &TextQuery) -> Box<dyn Query> {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for c in &q.clauses {
            let mut any: Vec<Box<dyn Query>> = c.any.iter().filter_map(|a| self.atom(a)).collect();
            let clause = match any.len() {
                0 => continue,
                1 => any.remove(0),
                _ => Box::new(BooleanQuery::new(any.into_iter().map(|q| (Occur::Should, q)).collect())),
            };
            parts.push((if c.exclude { Occur::MustNot } else { Occur::Must }, clause));
        }
        if !q.has_required() {
            parts.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(parts))
    }

    fn with_writer<T>(&self, f: impl FnOnce(&mut IndexWriter) -> Result<T>) -> Result<T> {
        let mut slot = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(self.index.writer_with_num_threads(2, 256 << 20)?);
        }
        f(slot.as_mut().unwrap_or_else(|| unreachable!()))
    }

    /// The words score (BM25); the filters only select, adding nothing to a score, so that a
    /// filtered search ranks its articles as the unfiltered one does.
    fn build(&self, q: &SearchQuery) -> Box<dyn Query> {
        let f = self.f;
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let filter = |q: Box<dyn Query>| -> Box<dyn Query> { Box::new(ConstScoreQuery::new(q, 0.0)) };
        match q.text.as_deref().map(query::parse).filter(|t| !t.is_empty()) {
            Some(t) => parts.push((Occur::Must, self.text(&t))),
            None => parts.push((Occur::Must, Box::new(AllQuery))),
        }
        if let Some(s) = &q.source {
            parts.push((
                Occur::Must,
                filter(Box::new(TermQuery::new(Term::from_field_text(f.source, s), IndexRecordOption::Basic))),
            ));
        }
        if !q.entities.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = q
                .entities
                .iter()
                .map(|e| {
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(Term::from_field_text(f.entity, e), IndexRecordOption::Basic))
                            as Box<dyn Query>,
                    )
                })
                .collect();
            parts.push((Occur::Must, filter(Box::new(BooleanQuery::new(any)))));
        }
        if q.from.is_some() || q.to.is_some() {
            let lo = q.from.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_i64(f.day, d)));
            let hi = q.to.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_i64(f.day, d)));
            parts.push((Occur::Must, filter(Box::new(RangeQuery::new(lo, hi)))));
        }
        if parts.len() == 1 {
            parts.pop().map(|p| p.1).unwrap_or_else(|| Box::new(AllQuery))
        } else {
            Box::new(BooleanQuery::new(parts))
        }
    }

    fn hits(
        &self,
        searcher: &tantivy::Searcher,
        top: Vec<(f32, tantivy::DocAddress)>,
        total: usize,
    ) -> Result<Results> {
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            if let Some(id) = d.get_first(self.f.id).and_then(|v| v.as_str()) {
                hits.push(Hit { id: id.to_string(), score });
            }
        }
        Ok(Results { total, hits })
    }
}

impl Search for SearchIndex {
    /// Replaces these articles in the index (delete by id, then add); visible after
    /// [`Search::commit`].
    fn upsert(&self, docs: &[IndexDoc]) -> Result<()> {
        let f = self.f;
        self.with_writer(|w| {
            for d in docs {
                w.delete_term(Term::from_field_text(f.id, &d.id));
                let mut doc = doc!(f.id => d.id.as_str(), f.title => d.title.as_str(), f.title_stem => d.title.as_str(), f.body => d.text.as_str(), f.body_stem => d.text.as_str());
                if !d.source.is_empty() {
                    doc.add_text(f.source, &d.source);
                }
                if let Some(day) = d.day {
                    doc.add_i64(f.day, day);
                }
                for e in &d.entities {
                    doc.add_text(f.entity, e);
                }
                w.add_document(doc)?;
            }
            Ok(())
        })
    }

    fn commit(&self) -> Result<()> {
        self.with_writer(|w| {
            w.commit()?;
            Ok(())
        })?;
        self.reader.reload()?;
        Ok(())
    }

    /// Waits for merges and releases the writer lock.
    fn close(&self) -> Result<()> {
        if let Some(w) = self.writer.lock().unwrap_or_else(|e| e.into_inner()).take() {
            w.wait_merging_threads()?;
        }
        Ok(())
    }

    /// Number of documents visible to searches.
    fn num_docs(&self) -> Result<u64> {
        Ok(self.reader.searcher().num_docs())
    }

    /// Ranked hits (BM25; newest first when there are no words), and how many matched.
    fn search(&self, q: &SearchQuery) -> Result<Results> {
        let searcher = self.reader.searcher();
        let query = self.build(q);
        let limit = q.limit.max(1);
        // past the last document nothing more is found (and the collector's heap stays the
        // size of the index whatever offset is asked)
        let offset = q.offset.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
        // ranked by the words when some are required, else newest first
        let has_text = q.text.as_deref().is_some_and(|t| query::parse(t).has_required());
        let (top, total) = if has_text {
            searcher.search(&*query, &(TopDocs::with_limit(limit).and_offset(offset).order_by_score(), Count))?
        } else {
            let (top, total) = searcher.search(
                &*query,
                &(TopDocs::with_limit(limit).and_offset(offset).order_by_fast_field::<i64>("day", Order::Desc), Count),
            )?;
            (top.into_iter().map(|(_, a)| (0.0, a)).collect(), total)
        };
        self.hits(&searcher, top, total)
    }

    /// A snippet maker for one query: call it on each hit's text.
    fn snippets(&self, text_query: &str) -> Result<Box<dyn Snippets>> {
        let searcher = self.reader.searcher();
        let wanted: Vec<(Occur, Box<dyn Query>)> =
            query::parse(text_query).wanted().filter_map(|a| self.atom(a)).map(|q| (Occur::Should, q)).collect();
        let query = BooleanQuery::new(wanted);
        let mut exact = SnippetGenerator::create(&searcher, &query, self.f.body)?;
        exact.set_max_num_chars(220);
        let mut stem = SnippetGenerator::create(&searcher, &query, self.f.body_stem)?;
        stem.set_max_num_chars(220);
        Ok(Box::new(TantivySnippets { exact, stem }))
    }
}

pub struct TantivySnippets {
    exact: SnippetGenerator,
    stem: SnippetGenerator,
}

impl Snippets for TantivySnippets {
    fn make(&self, text: &str) -> Snippet {
        let mut s = self.exact.snippet(text);
        if s.highlighted().is_empty() {
            s = self.stem.snippet(text);
        }
        let frag = s.fragment();
        if frag.is_empty() {
            let cut: String = text.chars().take(200).collect();
            return Snippet { text: cut, highlights: vec![] };
        }
        let to_chars = |b: usize| frag[..b.min(frag.len())].chars().count();
        let highlights = s.highlighted().iter().map(|r| (to_chars(r.start), to_chars(r.end))).collect();
        Snippet { text: frag.to_string(), highlights }
    }
}
