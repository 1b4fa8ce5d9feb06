//! Looking quotes up: by speaker under any of their names, by words as a reader remembers
//! them, by update; and the speakers with their quote counts. A quote repeated elsewhere
//! (`sameAs`) is counted once.
//!
//! Words are compared folded (case, accents, curly apostrophes), by their Snowball stem,
//! and with one typo allowed in words of five letters or more (two from nine).

use crate::extract::lexicon::{is_in, TITLE_WORDS};
use crate::fxhash::FxMap;
use crate::index::tokenize::{fold, stem, within_edits, words as tokens};

use crate::model::{
    Entity, EntityKind, FacetValue, Facets, LiveBlog, Quote, SpeakerSummary, Update,
};

/// Whether a reader's word matches a word of the text.
fn word_matches(query: &str, word: &str) -> bool {
    if query == word {
        return true;
    }
    let typos = match query.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    let (query, word) = (stem(query), stem(word));
    query == word || (typos > 0 && within_edits(&query, &word, typos))
}

/// A name without its titles: "President Biden" → ["biden"].
fn name_tokens(name: &str) -> Vec<String> {
    tokens(name)
        .into_iter()
        .filter(|w| !is_in(TITLE_WORDS, w))
        .collect()
}

/// Whether `query` names `quote`'s speaker: their canonical name, their surname, or any
/// name the blog used for them.
fn names_speaker(query: &[String], quote: &Quote, aliases: &[Vec<String>]) -> bool {
    if query.is_empty() {
        return false;
    }
    let Some(speaker) = &quote.speaker else {
        return false;
    };
    let name = name_tokens(&speaker.name);
    let same = |a: &[String], b: &[String]| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x == y || (x.len() >= 6 && within_edits(x, y, 1)))
    };
    same(query, &name)
        || (query.len() == 1
            && name
                .last()
                .is_some_and(|last| same(query, std::slice::from_ref(last))))
        || aliases.iter().any(|alias| same(query, alias))
}

/// Which quotes [`LiveBlog::quotes_matching`] returns; every condition given must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteFilter<'a> {
    /// Any name the blog uses for the speaker, in any case, with or without accents or
    /// titles. `None`: any speaker.
    pub speaker: Option<&'a str>,
    /// Words the quote holds, inflected or slightly misspelt. `None`: any words.
    pub words: Option<&'a str>,
    /// Only quotes in this update. `None`: every update and the header.
    pub update_id: Option<&'a str>,
}

impl LiveBlog {
    /// Quotes by a speaker under any name the blog uses for them, ignoring case, accents
    /// and titles: "reyes", "Minister Reyes" and "Ana Reyes" find the same quotes.
    ///
    /// ```
    /// let blog = liveblog_index::parse("Talks: live\n\nThe talks went on, officials said.\n\n\
    ///     Deal close\n\n“We are close,” Harbour Minister Ana Reyes said.\n")?;
    /// assert_eq!(blog.quotes_by("minister reyes").len(), 1);
    /// assert_eq!(blog.quotes_by("ANA REYES")[0].text, "We are close,");
    /// # Ok::<(), liveblog_index::Error>(())
    /// ```
    pub fn quotes_by(&self, speaker: &str) -> Vec<&Quote> {
        self.quotes_matching(&QuoteFilter {
            speaker: Some(speaker),
            ..QuoteFilter::default()
        })
    }

    /// Quotes holding every word of `words`, as a reader remembers them: inflected
    /// ("severe cost") or slightly misspelt ("sevre costs").
    pub fn find_quotes(&self, words: &str) -> Vec<&Quote> {
        self.quotes_matching(&QuoteFilter {
            words: Some(words),
            ..QuoteFilter::default()
        })
    }

    /// Quotes meeting every condition of `filter`, a repeated quote once. With no
    /// condition, every quote but the repeats.
    pub fn quotes_matching(&self, filter: &QuoteFilter) -> Vec<&Quote> {
        let speaker = filter.speaker.map(name_tokens);
        let words = filter.words.map(tokens);
        // The names the blog uses for each speaker, gathered once for the whole lookup: by
        // a map to their place in `aliases`, of the type the page reader's map is (each map
        // type is one more copy of the hash table's code).
        let mut place: FxMap<&str, usize> = FxMap::default();
        let mut aliases: Vec<Vec<Vec<String>>> = Vec::new();
        if speaker.is_some() {
            for s in self.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
                let written = name_tokens(&s.as_written);
                if !written.is_empty() {
                    let at = *place.entry(s.name.as_str()).or_insert_with(|| {
                        aliases.push(Vec::new());
                        aliases.len() - 1
                    });
                    aliases[at].push(written);
                }
            }
        }
        self.quotes
            .iter()
            .filter(|q| q.same_as.is_none())
            .filter(|q| {
                filter
                    .update_id
                    .is_none_or(|id| q.update_id.as_deref() == Some(id))
            })
            .filter(|q| {
                speaker.as_ref().is_none_or(|query| {
                    let known = q
                        .speaker
                        .as_ref()
                        .and_then(|s| place.get(s.name.as_str()))
                        .map(|&at| &aliases[at]);
                    names_speaker(query, q, known.map_or(&[], Vec::as_slice))
                })
            })
            .filter(|q| {
                words.as_ref().is_none_or(|query| {
                    let text = tokens(&q.text);
                    !query.is_empty()
                        && query
                            .iter()
                            .all(|w| text.iter().any(|t| word_matches(w, t)))
                })
            })
            .collect()
    }

    /// Quotes in one update, headline first.
    pub fn quotes_in(&self, update_id: &str) -> Vec<&Quote> {
        self.quotes
            .iter()
            .filter(|q| q.update_id.as_deref() == Some(update_id))
            .collect()
    }

    /// Everyone quoted, most quoted first, with the names the blog used for them.
    pub fn speakers(&self) -> Vec<SpeakerSummary> {
        let mut out: Vec<SpeakerSummary> = Vec::new();
        // Looked up by key, not by a scan of those found so far: a blog of thousands of
        // speakers, or of one speaker written a thousand ways, costs their number.
        let mut index: FxMap<&str, usize> = FxMap::default();
        // Each speaker's names seen, to the speaker's place: a map of the type other maps of
        // names are (a set would be one more copy of the hash table's code).
        let mut seen: FxMap<String, usize> = FxMap::default();
        for quote in self.quotes.iter().filter(|q| q.same_as.is_none()) {
            let Some(speaker) = &quote.speaker else {
                continue;
            };
            let at = *index.entry(speaker.name.as_str()).or_insert_with(|| {
                out.push(SpeakerSummary {
                    name: speaker.name.clone(),
                    role: None,
                    aliases: Vec::new(),
                    quotes: 0,
                });
                out.len() - 1
            });
            let summary = &mut out[at];
            summary.quotes += 1;
            if summary.role.is_none() {
                summary.role = speaker.role.clone();
            }
            let written = speaker.as_written.trim();
            let pronoun = matches!(
                fold(written).as_str(),
                "he" | "she" | "it" | "they" | "we" | "i"
            );
            if !pronoun
                && written != speaker.name
                && seen.insert(format!("{at}\t{written}"), at).is_none()
            {
                summary.aliases.push(written.to_string());
            }
        }
        // Most quoted first; ties keep the order of first appearance.
        crate::sorting::sort_by_rank(&mut out, |s| u64::MAX - s.quotes as u64);
        out
    }

    /// People, places and organisations, each with how many updates name them, most named
    /// first (ties in order of first mention). Entities named only in the header are left
    /// out: as filters they would show nothing.
    pub fn facets(&self) -> Facets {
        let of_kind = |kind: EntityKind| {
            let mut values: Vec<FacetValue> = self
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .map(|e| {
                    let mut updates: Vec<&str> = e
                        .mentions
                        .iter()
                        .filter_map(|m| m.update_id.as_deref())
                        .collect();
                    crate::sorting::sort_by(&mut updates, |a, b| a.cmp(b));
                    updates.dedup();
                    FacetValue {
                        entity_id: e.id.clone(),
                        name: e.name.clone(),
                        updates: updates.len(),
                    }
                })
                .collect();
            // A value that no update names would filter to nothing.
            values.retain(|v| v.updates > 0);
            crate::sorting::sort_by_rank(&mut values, |v| u64::MAX - v.updates as u64);
            values
        };
        Facets {
            people: of_kind(EntityKind::Person),
            places: of_kind(EntityKind::Place),
            orgs: of_kind(EntityKind::Org),
        }
    }

    /// The entity with this name or alias, ignoring case and accents: "biden", "US",
    /// "Kiev" and "EU" find Joe Biden, the United States, Kyiv and the European Union.
    ///
    /// ```
    /// let blog = liveblog_index::parse("Talks: live\n\nThe talks went on, officials said.\n\n\
    ///     Deal close\n\nUS President Joe Biden spoke to EU leaders. Biden said the US was ready.\n")?;
    /// let biden = blog.entity("biden").expect("named");
    /// assert_eq!(biden.name, "Joe Biden");
    /// assert_eq!(blog.entity("us").map(|e| e.name.as_str()), Some("United States"));
    /// # Ok::<(), liveblog_index::Error>(())
    /// ```
    pub fn entity(&self, name_or_alias: &str) -> Option<&Entity> {
        let wanted = fold(name_or_alias.trim());
        // Titles in the query do not count: "President Biden" is "Biden".
        let untitled = name_tokens(name_or_alias).join(" ");
        let matches = |name: &str| {
            let name = fold(name);
            name == wanted || (!untitled.is_empty() && name == untitled)
        };
        self.entities
            .iter()
            .find(|e| matches(&e.name))
            .or_else(|| {
                self.entities
                    .iter()
                    .find(|e| e.aliases.iter().any(|a| matches(a)))
            })
            .or_else(|| {
                // A surname alone: "zelensky" for "Volodymyr Zelenskyy".
                self.entities.iter().find(|e| {
                    e.kind == EntityKind::Person
                        && tokens(&e.name).last().is_some_and(|last| {
                            last == &wanted || (wanted.len() >= 6 && within_edits(last, &wanted, 1))
                        })
                })
            })
    }

    /// The updates that name an entity (by any of its names), in page order.
    pub fn updates_mentioning(&self, name_or_alias: &str) -> Vec<&Update> {
        let Some(entity) = self.entity(name_or_alias) else {
            return Vec::new();
        };
        self.updates
            .iter()
            .filter(|u| {
                entity
                    .mentions
                    .iter()
                    .any(|m| m.update_id.as_deref() == Some(u.id.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_stems_and_typos() {
        assert_eq!(fold("Rinkēvičs’ ÉTÉ"), "rinkevics' ete");
        assert_eq!(stem("costs"), "cost");
        assert_eq!(stem("warnings"), "warn");
        assert!(word_matches("sevre", "severe"));
        assert!(word_matches("warned", "warning"));
        assert!(!word_matches("cost", "coat"), "no typos in short words");
        assert!(within_edits("zelensky", "zelenskyy", 1));
        assert!(
            within_edits("zelenksy", "zelensky", 1),
            "a transposition is one edit"
        );
        assert!(word_matches("worht", "worth"));
        assert!(!within_edits("biden", "boris", 1));
    }
}
