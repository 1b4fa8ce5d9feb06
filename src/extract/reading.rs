//! What reading a blog keeps for its next edit, so that a new, edited or removed post costs
//! that post's reading, not the blog's.
//!
//! A post is read against blog-wide state: the [`Registry`] of full names and of words
//! written in lower case, whether headlines are in sentence case, and the person quoted
//! before it. Each post keeps what it gave that state (its full names, counted words) and
//! what it read (its quotes and names, with the registry's keys it looked up). After an
//! edit the state is built again from what the posts gave, the keys whose answer changed
//! are found from the posts that came and went, and only the posts that looked one of them
//! up are read again, with the new posts. A first read is the same code with nothing kept.

use super::entities::{self, extract_entities, full_name_keys};
use super::names::{blog_texts, key, name_runs, post_texts, registered, Registry, FULL_NAME};
use super::quotes::{self, extract_quotes, headline_case, in_sentence_case};
use crate::fxhash::FxSet;
use crate::model::{Entity, LiveBlog, Quote, Update};

/// The readings of a blog's header and posts, kept beside it for its next edit. One made
/// with [`Reading::default`] keeps nothing: a blog read once and not edited (`parse`) pays
/// nothing for edits; [`Reading::for_edits`] keeps, from the first edit's reading on.
#[derive(Default)]
pub(crate) struct Reading {
    /// Whether this reading is kept for edits: look-ups noted, readings stored.
    kept: bool,
    /// The posts' ids, by age.
    ids: Vec<String>,
    /// What the header (first) and each post gave the blog-wide state, then what each read.
    named: Vec<Named>,
    quotes: Vec<quotes::Read>,
    entities: Vec<entities::Read>,
    /// Which texts of the header and of each post ([`blog_texts`]) are menus.
    menus: Vec<Vec<usize>>,
    /// What numbering and linking the quotes left.
    linked: quotes::Linked,
    /// What the entities' blog-wide passes decided.
    merged: entities::Merged,
    /// The last reading's registry, with the words counted since (`None` before the first).
    registry: Option<Registry>,
    sentence_case: Option<bool>,
    /// Full names of posts gone since the last reading.
    gone: Vec<String>,
    /// The place (by age) of the earliest post gone since the last reading.
    cut: Option<usize>,
    /// Keys whose answers changed since the last reading.
    changed: Vec<u64>,
    /// What the last reading changed, for [`Reading::changed_posts`].
    changed_posts: Option<Vec<String>>,
}

/// What one text group (the header, or a post) gives the blog-wide state.
#[derive(Default)]
struct Named {
    /// The full names it registers ([`registered`]), in order.
    registered: Vec<String>,
    /// The keys of its plain full names ([`full_name_keys`]), in order.
    full_names: Vec<[String; 3]>,
    /// Its headline's [`headline_case`], for the blog's vote.
    case: Option<bool>,
}

// The registry's log of look-ups is a `RefCell`, which would make every kept blog unfit to
// cross `catch_unwind`. It is no less sound after a panic: a reading's parts are taken out
// of it while it runs (a panic leaves it empty, and the next edit reads afresh), and the log
// is emptied before each post is read.
impl std::panic::UnwindSafe for Reading {}
impl std::panic::RefUnwindSafe for Reading {}

impl Reading {
    /// A reading kept for edits: the first reads the whole blog, and keeps it.
    pub(crate) fn for_edits() -> Self {
        Reading {
            kept: true,
            ..Reading::default()
        }
    }

    /// The number of the newest post read, when its id has one: the blog's highest, as
    /// posts are read in the order of their numbers (those with none last).
    pub(crate) fn newest(&self) -> Option<u64> {
        crate::edit::number_of(self.ids.last()?)
    }

    /// Takes off what `update`, about to leave the blog, gave: its counted words and its
    /// full names, whose answers are compared at the next reading.
    pub(crate) fn forget(&mut self, update: &Update) {
        let Some(at) = self.ids.iter().position(|id| *id == update.id) else {
            return;
        };
        self.ids.remove(at);
        self.cut = Some(self.cut.map_or(at, |cut| cut.min(at)));
        self.quotes.remove(at + 1);
        self.entities.remove(at + 1);
        self.menus.remove(at + 1);
        let named = self.named.remove(at + 1);
        self.gone.extend(named.registered);
        if let Some(registry) = &mut self.registry {
            for source in post_texts(update) {
                registry.count_words(source.text, false, Some(&mut self.changed));
            }
        }
    }

    /// The ids of the posts whose quotes or names the last reading may have changed, the
    /// posts it read for the first time among them: besides the posts the edit removed,
    /// the only ones whose search documents can differ from before it, when it kept the
    /// quotes of the posts before those it read again and merged the added posts' names
    /// alone. `None` (any post's may have changed) when it read the blog afresh, read quotes
    /// from the first post on, or ran the blog-wide passes over names; and once taken,
    /// until the next reading.
    pub(crate) fn changed_posts(&mut self) -> Option<Vec<String>> {
        self.changed_posts.take()
    }

    /// The quotes (by age) and entities of `blog`, given its posts by age and each post's
    /// place on the page; what was read before is read again only where it may have changed.
    /// Both come in page order. `before` (what the last reading gave, if any) keeps the
    /// quotes of the posts read before, and lends its entities' mentions' strings to the new.
    pub(crate) fn read(
        &mut self,
        blog: &LiveBlog,
        by_age: &[&Update],
        page_of: &dyn Fn(Option<&str>) -> u64,
        before: (Vec<Quote>, Vec<Entity>),
    ) -> (Vec<Quote>, Vec<Entity>) {
        // The kept posts, in age order, with new ones among them; a blog changed other than
        // by its edits is read afresh.
        let mut kept = std::mem::take(&mut self.ids).into_iter().peekable();
        let mut ids: Vec<String> = Vec::with_capacity(by_age.len());
        let mut new: Vec<bool> = Vec::with_capacity(by_age.len() + 1);
        new.push(self.registry.is_none());
        for update in by_age {
            let old = kept.next_if(|id| *id == update.id);
            new.push(old.is_none());
            ids.push(old.unwrap_or_else(|| update.id.clone()));
        }
        if kept.next().is_some() {
            *self = Reading {
                kept: self.kept,
                ..Reading::default()
            };
            new.fill(true);
        }
        let fresh = self.registry.is_none();
        // The header (first) and each post read before keep what they gave and read; those
        // read now get their places among them.
        for (group, is_new) in new.iter_mut().enumerate() {
            *is_new |= group >= self.named.len();
            if *is_new {
                self.named.insert(group, Named::default());
                self.quotes.insert(group, quotes::Read::default());
                self.entities.insert(group, entities::Read::default());
                self.menus.insert(group, Vec::new());
            }
        }
        let mut named = std::mem::take(&mut self.named);
        let mut quote_reads = std::mem::take(&mut self.quotes);
        let mut entity_reads = std::mem::take(&mut self.entities);
        let mut menus = std::mem::take(&mut self.menus);
        let (sources, credits, sizes) = blog_texts(blog, by_age, &new, &mut menus);
        let mut registry = self.registry.take().unwrap_or_default();
        let mut changed = std::mem::take(&mut self.changed);
        let mut touched = std::mem::take(&mut self.gone);
        // Posts that only came, at the newest end, add their full names to the registry
        // kept, which notes the names whose answer changes; otherwise it is built again.
        let patched = !fresh
            && touched.is_empty()
            && self.cut.is_none()
            && new.iter().skip_while(|&&n| !n).all(|&n| n);
        // What the new posts give, with their name runs, read once for all.
        let mut runs: Vec<Option<Vec<_>>> = (0..sources.len()).map(|_| None).collect();
        let mut from = 0;
        for (group, (&size, post)) in sizes.iter().zip(&mut named).enumerate() {
            let texts = from..from + size;
            from += size;
            if !new.get(group).is_some_and(|&n| n) {
                continue;
            }
            let headline = group.checked_sub(1).and_then(|u| by_age.get(u));
            post.case = headline.and_then(|u| u.headline.as_deref().and_then(headline_case));
            for (source, runs) in sources[texts.clone()].iter().zip(&mut runs[texts]) {
                let read = name_runs(source.text);
                post.registered.extend(read.iter().filter_map(registered));
                post.full_names
                    .extend(read.iter().filter_map(full_name_keys));
                registry.count_words(source.text, true, (!fresh).then_some(&mut changed));
                *runs = Some(read);
            }
            if patched {
                for name in &post.registered {
                    registry.add(name, Some(&mut changed));
                }
            } else if !fresh {
                touched.extend(post.registered.iter().cloned());
            }
        }
        // The registry again, and the names whose answer changed.
        let now = if patched {
            registry
        } else {
            let names = named.iter().flat_map(|n| n.registered.iter());
            let now = registry.again(names.map(String::as_str), self.kept);
            for name in &touched {
                let endings = name.match_indices(' ').map(|(i, _)| &name[i + 1..]);
                for name in std::iter::once(name.as_str()).chain(endings) {
                    if registry.unnoted_full_name(name) != now.unnoted_full_name(name) {
                        changed.push(key(FULL_NAME, name));
                    }
                }
            }
            now
        };
        let sentence_case = in_sentence_case(named.iter().map(|n| n.case));
        if self.sentence_case.is_some_and(|was| was != sentence_case) {
            quote_reads.fill_with(Default::default);
        }
        // Posts that looked up a changed key are read again: none when no post kept
        // looked one up.
        if changed.iter().any(|&k| now.may_have_seen(k)) {
            let changed: FxSet<u64> = changed.into_iter().collect();
            let stale = |keys: &[u64]| keys.iter().any(|k| changed.contains(k));
            for read in &mut quote_reads {
                if stale(&read.looked_up) {
                    *read = Default::default();
                }
            }
            for read in &mut entity_reads {
                if stale(&read.looked_up) {
                    *read = Default::default();
                }
            }
        }

        // The posts (by age) as the last reading left them, their quotes kept: those
        // before the first read again or gone (none when the header is read again).
        let unread = quote_reads.iter().position(|r| !r.is_read());
        let kept = unread.unwrap_or(quote_reads.len()).saturating_sub(1);
        let cut = self.cut.take();
        let kept = cut.map_or(kept, |cut| kept.min(cut));
        let mut linked = std::mem::take(&mut self.linked);
        let quotes_kept = self.kept && linked.keeps(kept);
        let mut spare = quotes::Read::default();
        let mut reads = quote_reads.iter_mut();
        let header_read = reads.next().unwrap_or(&mut spare);
        let quotes = extract_quotes(
            blog,
            by_age,
            &now,
            sentence_case,
            header_read,
            reads.into_slice(),
            &mut linked,
            if self.kept { kept } else { 0 },
            before.0,
            page_of,
        );
        // Posts added at the newest end of a blog otherwise as last read (what the passes
        // decided before is kept only then): the first group of their texts, and their full
        // names.
        let unread = entity_reads.iter().position(|r| !r.is_read());
        let added =
            unread.filter(|&g| cut.is_none() && new.get(g..).is_some_and(|n| !n.contains(&false)));
        // The full names of the posts from the `from`-th on.
        let full_names = |from: usize| {
            let posts = named.get(from..).unwrap_or_default().iter();
            posts.flat_map(|n| n.full_names.iter())
        };
        let added = added.map(|g| (g, full_names(g)));
        let mut merged = std::mem::take(&mut self.merged);
        let (entities, renamed) = extract_entities(
            &sources,
            &credits,
            runs,
            full_names(0),
            &now,
            &sizes,
            &mut entity_reads,
            page_of,
            before.1,
            self.kept.then_some(&mut merged),
            added,
        );
        if !self.kept {
            return (quotes, entities);
        }
        // The posts read again (all from the first whose quotes were not kept, the new ones
        // among them), and those naming an entity that an added post gave a new name.
        let changed_posts = renamed.filter(|_| quotes_kept && !fresh).map(|mut posts| {
            let read = by_age.get(kept..).unwrap_or_default();
            posts.extend(read.iter().map(|u| u.id.clone()));
            posts
        });
        *self = Reading {
            kept: true,
            ids,
            named,
            quotes: quote_reads,
            entities: entity_reads,
            menus,
            linked,
            merged,
            registry: Some(now),
            sentence_case: Some(sentence_case),
            gone: Vec::new(),
            cut: None,
            changed: Vec::new(),
            changed_posts,
        };
        (quotes, entities)
    }
}
