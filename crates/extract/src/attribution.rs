//! Attribution: who the words naming a source are. One policy links every quote's speaker and
//! every figure's source (and, later, every event's actors) to the article's entities.
use crate::component::Component;
use crate::entities::EntityRec;
use crate::{Doc, SourceRec, Span};
use khabar_model::EntityType;

/// The entity a span names: of the entities with a mention overlapping it, a person before an
/// organization before a place, and of those the mention that ends last (الناطق باسم الكرملين
/// ديمتري بيسكوف → Peskov; وزارة الصحة في غزة → the ministry).
pub fn entity_at(entities: &[EntityRec], span: &Span) -> Option<usize> {
    let rank = |k: EntityType| match k {
        EntityType::Per => 3,
        EntityType::Org => 2,
        EntityType::Loc => 1,
    };
    entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            e.mentions
                .iter()
                .filter(|m| m.span.start < span.end && span.start < m.span.end)
                .map(|m| (rank(e.kind), m.span.end, i))
                .max()
        })
        .max()
        .map(|x| x.2)
}

/// Links quote speakers and count sources to entities.
pub struct Attribution;

impl Component for Attribution {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn uses(&self) -> &'static [&'static str] {
        &["counts", "entities", "quotes"]
    }
    fn assigns(&self) -> &'static str {
        "the entity of every quote's speaker and every count's source"
    }
    fn run(&self, doc: &mut Doc) {
        let r = &mut doc.records;
        let link = |s: &mut SourceRec| s.entity = entity_at(&r.entities, &s.span);
        r.quotes.iter_mut().filter_map(|q| q.speaker.as_mut()).for_each(link);
        r.counts.iter_mut().filter_map(|c| c.source.as_mut()).for_each(link);
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;

    #[test]
    fn speakers_and_sources_link_by_one_policy() {
        let a = Pipeline::all().extract(
            None,
            None,
            "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الوضع مستقر. وأعلنت وزارة الصحة في غزة مقتل 5 أشخاص.",
        );
        let entity = |id: &Option<String>| a.entities.iter().find(|e| Some(&e.id) == id.as_ref()).map(|e| &e.name);
        let speaker = a.quotes[0].speaker.as_ref().unwrap();
        assert_eq!(entity(&speaker.entity).map(String::as_str), Some("ديمتري بيسكوف"));
        let source = a.counts[0].attributed_to.as_ref().unwrap();
        assert_eq!(source.text, "وزارة الصحة");
        assert_eq!(entity(&source.entity).map(String::as_str), Some("وزارة الصحة"));
    }
}
