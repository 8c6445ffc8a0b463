//! From the engine's records (byte spans) to the contract's (`khabar-model`: code-point offsets,
//! texts that equal the article slices they point at), converted once per article.
use crate::{Doc, SourceRec, Span};
use khabar_model as model;

/// Byte offsets to code-point offsets, for one text.
pub struct CharIndex {
    /// `chars[b]` is the code-point index of byte `b` (meaningful at char boundaries).
    chars: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        // over the bytes: a byte that is no continuation byte starts a code point, and every
        // byte gets the index of the code point it belongs to
        let mut chars = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for &x in text.as_bytes() {
            n += u32::from(x & 0xC0 != 0x80);
            chars.push(n.wrapping_sub(1));
        }
        chars.push(n);
        CharIndex { chars }
    }
    pub fn at(&self, byte: usize) -> usize {
        self.chars[byte] as usize
    }
}

/// Converts a document's records to the contract's, with code-point offsets and texts that
/// equal the article slices they point at.
pub fn to_article(id: Option<String>, published: Option<String>, doc: &Doc) -> model::Article {
    let ex = &doc.records;
    let ix = CharIndex::new(doc.text);
    let slice = |s: &Span| doc.text[s.clone()].to_string();
    let mut a = model::Article::new(id, published);
    a.entities = ex
        .entities
        .iter()
        .enumerate()
        .map(|(k, e)| model::Entity {
            id: format!("e{}", k + 1),
            kind: e.kind,
            name: slice(&e.mentions[e.name].span),
            latin: e.place.map(|p| p.latin.to_string()).or_else(|| e.latin.clone()),
            mentions: e
                .mentions
                .iter()
                .map(|m| model::Mention { start: ix.at(m.span.start), end: ix.at(m.span.end), text: slice(&m.span) })
                .collect(),
            geo: e.place.filter(|p| p.lat.is_finite() && p.lon.is_finite()).map(|p| model::Geo {
                lat: p.lat,
                lon: p.lon,
                country: p.country.to_string(),
                geonameid: p.geonameid,
                level: match p.level {
                    khabar_ner::gazetteer::Level::Country => model::PlaceLevel::Country,
                    khabar_ner::gazetteer::Level::Admin1 => model::PlaceLevel::Admin1,
                    khabar_ner::gazetteer::Level::City => model::PlaceLevel::City,
                },
            }),
        })
        .collect();
    let source = |s: &SourceRec| model::Source {
        entity: s.entity.map(|k| format!("e{}", k + 1)),
        text: slice(&s.span),
        start: ix.at(s.span.start),
        end: ix.at(s.span.end),
    };
    a.quotes = ex
        .quotes
        .iter()
        .map(|q| model::Quote {
            speaker: q.speaker.as_ref().map(source),
            cue: slice(&q.cue),
            kind: q.kind,
            start: ix.at(q.span.start),
            end: ix.at(q.span.end),
            text: slice(&q.span),
        })
        .collect();
    a.counts = ex
        .counts
        .iter()
        .map(|c| model::Count {
            category: c.category,
            value: c.value,
            qualifier: c.qualifier,
            object: c.object.as_ref().map(slice),
            attributed_to: c.source.as_ref().map(source),
            start: ix.at(c.span.start),
            end: ix.at(c.span.end),
            text: slice(&c.span),
            scope: c.scope,
            country: c.country.map(str::to_string),
        })
        .collect();
    a.amounts = ex
        .amounts
        .iter()
        .map(|m| model::Amount {
            value: m.value,
            object: m.object.as_ref().map(slice),
            start: ix.at(m.span.start),
            end: ix.at(m.span.end),
            text: slice(&m.span),
        })
        .collect();
    a.dates = ex
        .dates
        .iter()
        .map(|d| model::Date {
            start: ix.at(d.span.start),
            end: ix.at(d.span.end),
            text: slice(&d.span),
            value: d.value.clone(),
            resolution: d.resolution,
        })
        .collect();
    let actor = |r: &crate::events::ActorRec| model::Actor {
        start: ix.at(r.span.start),
        end: ix.at(r.span.end),
        text: slice(&r.span),
        entity: r.entity.map(|k| format!("e{}", k + 1)),
        code: model::ActorCode { country: r.country.map(String::from), role: r.role },
    };
    a.events = ex
        .events
        .iter()
        .map(|e| model::Event {
            kind: e.kind,
            mode: e.mode.map(String::from),
            status: e.status,
            trigger: model::Mention {
                start: ix.at(e.trigger.start),
                end: ix.at(e.trigger.end),
                text: slice(&e.trigger),
            },
            source: e.source.as_ref().map(actor),
            target: e.target.as_ref().map(actor),
            location: e.location.as_ref().map(source),
            date: e
                .date
                .as_ref()
                .map(|(value, resolution)| model::EventDate { value: value.clone(), resolution: *resolution }),
            counts: e.counts.clone(),
            attributed_to: e.attributed_to.as_ref().map(source),
        })
        .collect();
    a.themes = ex
        .themes
        .iter()
        .map(|t| model::Theme {
            code: t.code.to_string(),
            start: ix.at(t.span.start),
            end: ix.at(t.span.end),
            text: slice(&t.span),
        })
        .collect();
    a.tone = ex.tone.map(|t| t.to_model());
    a.hedges = ex
        .hedges
        .iter()
        .map(|h| model::Hedge {
            start: ix.at(h.span.start),
            end: ix.at(h.span.end),
            text: slice(&h.span),
            kind: h.kind,
        })
        .collect();
    a
}
