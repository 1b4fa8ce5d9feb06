//! A live blog kept with its search index: what the JS `LiveBlog` class holds. The index is
//! built on the first search, not before (a page that only reads quotes never pays for it),
//! and brought up to date after each edit, only where the blog changed. So is what reading
//! the blog's names keeps for its edits: built at the first edit, which reads the whole
//! blog, so that each later one reads only the posts it changes, and says which posts'
//! quotes and names it changed: only those are indexed again.

use crate::extract::reading::Reading;
use crate::index::{order_in_id, Index};
use crate::memory::{self, Job};
use crate::model::LiveBlog;

/// A live blog and, once searched, its index, kept up to date as the blog is edited.
///
/// ```
/// use liveblog_index::{IndexedBlog, SearchOptions};
///
/// let read = |text| liveblog_index::parse(text);
/// let mut blog = IndexedBlog::new(read("Storm: live\n\nIt rained.\n\n10:00 Roads shut\n\nAll of them.\n")?);
/// assert_eq!(blog.index().search("roads", &SearchOptions::default()).total, 1);
/// blog.append(read("Storm: live\n\nIt rained.\n\n11:00 Roads open\n\nDrive slowly.\n")?);
/// assert_eq!(blog.index().search("roads", &SearchOptions::default()).total, 2);
/// # Ok::<(), liveblog_index::Error>(())
/// ```
pub struct IndexedBlog {
    blog: LiveBlog,
    /// Built on the first search.
    index: Option<Index>,
    /// What reading the blog's names keeps for its edits, from the first edit on.
    reading: Reading,
    /// Whether every post's id gives its order (see [`order_in_id`]): otherwise an added
    /// post moves the others' documents, and each edit compares them all.
    ordered_by_id: bool,
    /// How many times the index was built from scratch.
    #[cfg(test)]
    builds: usize,
    /// How many edits compared every post's names with the index's.
    #[cfg(test)]
    names_compared: usize,
}

impl IndexedBlog {
    /// A blog not yet indexed.
    pub fn new(blog: LiveBlog) -> Self {
        IndexedBlog {
            ordered_by_id: blog.updates.iter().all(|u| order_in_id(&u.id).is_some()),
            blog,
            index: None,
            reading: Reading::for_edits(),
            #[cfg(test)]
            builds: 0,
            #[cfg(test)]
            names_compared: 0,
        }
    }

    /// The blog.
    pub fn blog(&self) -> &LiveBlog {
        &self.blog
    }

    /// The blog's search index (its key the empty string), built on the first call, with
    /// memory reserved for it first.
    pub fn index(&mut self) -> &Index {
        let blog = &self.blog;
        if self.index.is_none() {
            memory::reserve(Job::Index(blog));
            #[cfg(test)]
            {
                self.builds += 1;
            }
        }
        self.index.get_or_insert_with(|| Index::from_blog(blog, ""))
    }

    /// Adds the posts of `more` (see [`LiveBlog::append`]); returns their ids.
    pub fn append(&mut self, more: LiveBlog) -> Vec<String> {
        let ids = self.blog.append_kept(more, &mut self.reading);
        self.ordered_by_id &= ids.iter().all(|id| order_in_id(id).is_some());
        self.reindex(&ids);
        ids
    }

    /// Replaces the post `id` (see [`LiveBlog::replace`]); returns whether there was one.
    pub fn replace(&mut self, id: &str, with: LiveBlog) -> bool {
        let replaced = self.blog.replace_kept(id, with, &mut self.reading);
        if replaced {
            self.reindex(&[id.to_string()]);
        }
        replaced
    }

    /// Removes the post `id`; returns whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let removed = self.blog.remove_kept(id, &mut self.reading);
        if removed {
            self.reindex(&[id.to_string()]);
        }
        removed
    }

    /// Brings a built index up to date with the blog after an edit of the posts `edited`
    /// (added, replaced or removed): those, and the posts whose quotes or names the reading
    /// says it changed, or (when it cannot say) whose names differ from the index's.
    fn reindex(&mut self, edited: &[String]) {
        let changed = self.reading.changed_posts();
        let Some(index) = &mut self.index else {
            return;
        };
        if !self.ordered_by_id {
            index.compare_blog(&self.blog, "");
            return;
        }
        #[cfg(test)]
        {
            self.names_compared += usize::from(changed.is_none());
        }
        let mut posts = changed.unwrap_or_else(|| index.names_changed(&self.blog, ""));
        posts.extend_from_slice(edited);
        index.update_docs(&self.blog, "", &posts);
    }

    /// How many updates the search index has read since it was built (0 before), each a
    /// document built and compared, or found gone: each of the blog's once, then after each
    /// edit those it changed, which for a post appended, edited or removed is that post and
    /// the few whose names it changed.
    pub fn updates_indexed(&self) -> u64 {
        self.index.as_ref().map_or(0, Index::updates_read)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{Filters, SearchOptions, SearchResults, Sort};

    const BLOG: &str = "Harbour strike: live\n\nDockers walked out at dawn, the union said.\n\n\
        10:40 Talks resume\n\n“We want a fair deal,” union leader Tomas Berg told reporters.\n\n\
        10:05 Cranes idle\n\nNo ship has been unloaded at Port Callan since the strike began.\n\n\
        9:30 Walkout begins\n\nThe harbour master, Ines Varga, said ferries would still sail.\n";

    const MORE: &str = "Harbour strike: live\n\nDockers walked out at dawn, the union said.\n\n\
        11:15 Deal close\n\n“We are nearly there,” Ines Varga said of the talks at Port Callan.\n";

    const EDITED: &str = "Harbour strike: live\n\nDockers walked out at dawn, the union said.\n\n\
        10:05 Cranes move again\n\nThe first ship was unloaded at noon, Tomas Berg said.\n";

    fn read(text: &str) -> LiveBlog {
        crate::parse(text).expect("our own text parses")
    }

    /// The searches compared: words, a prefix, a typo, a name, a phrase, facet filters and
    /// orders.
    fn searches(index: &Index) -> Vec<SearchResults> {
        let newest = SearchOptions {
            sort: Sort::Newest,
            ..SearchOptions::default()
        };
        let berg = SearchOptions {
            filters: Filters {
                people: vec!["Tomas Berg".into()],
                ..Filters::default()
            },
            ..SearchOptions::default()
        };
        let quoted = SearchOptions {
            filters: Filters {
                has_quote: true,
                ..Filters::default()
            },
            sort: Sort::Oldest,
            ..SearchOptions::default()
        };
        [
            ("ship", &SearchOptions::default()),
            ("harb", &SearchOptions::default()),
            ("strik", &newest),
            ("Varg", &SearchOptions::default()),
            ("\"fair deal\"", &SearchOptions::default()),
            ("", &berg),
            ("", &quoted),
            ("talks callan", &newest),
        ]
        .into_iter()
        .map(|(query, options)| index.search(query, options))
        .collect()
    }

    /// What a fresh index of the blog as it is now finds.
    fn fresh(blog: &IndexedBlog) -> Vec<SearchResults> {
        searches(&Index::from_blog(blog.blog(), ""))
    }

    #[test]
    fn the_index_is_built_on_the_first_search_and_only_once() {
        let mut blog = IndexedBlog::new(read(BLOG));
        assert!(blog.index.is_none());
        assert_eq!(blog.builds, 0);
        let first = searches(blog.index());
        assert_eq!(searches(blog.index()), first);
        assert_eq!(blog.builds, 1);
        assert_eq!(first, fresh(&blog));
        assert_eq!(first[0].total, 1, "{:?}", first[0]);
    }

    #[test]
    fn edits_before_any_search_build_no_index() {
        let mut blog = IndexedBlog::new(read(BLOG));
        assert_eq!(blog.append(read(MORE)), ["u4"]);
        assert!(blog.replace("u2", read(EDITED)));
        assert!(blog.remove("u1"));
        assert!(blog.index.is_none());
        assert_eq!(searches(blog.index()), fresh(&blog));
        assert_eq!(blog.builds, 1);
    }

    #[test]
    fn after_each_edit_search_finds_what_a_fresh_index_finds() {
        let mut blog = IndexedBlog::new(read(BLOG));
        let before = searches(blog.index());
        assert_eq!(blog.append(read(MORE)), ["u4"]);
        let appended = searches(blog.index());
        assert_ne!(appended, before, "the new post is found");
        assert_eq!(appended, fresh(&blog));
        assert!(blog.replace("u2", read(EDITED)));
        assert_eq!(searches(blog.index()), fresh(&blog));
        assert!(blog.remove("u1"));
        assert_eq!(searches(blog.index()), fresh(&blog));
        // Edits that change nothing leave the index as it was.
        assert!(!blog.remove("u1"));
        assert!(!blog.replace("u9", read(EDITED)));
        assert_eq!(searches(blog.index()), fresh(&blog));
        assert_eq!(blog.builds, 1, "brought up to date, never rebuilt");
    }

    #[test]
    fn an_appended_post_is_given_to_the_index_alone() {
        let mut text =
            String::from("Harbour strike: live\n\nDockers walked out, the union said.\n\n");
        for i in (0..30).rev() {
            text += &format!(
                "{:02}:{:02} Stage {i}\n\n“Berth {i} is ready,” said Tomas Berg in Port Callan.\n\n",
                8 + i / 60,
                i % 60
            );
        }
        let more = |time: &str, said: &str| {
            read(&format!(
                "Harbour strike: live\n\nMore.\n\n{time} New\n\n{said}\n"
            ))
        };
        let mut blog = IndexedBlog::new(read(&text));
        blog.index();
        assert_eq!(blog.updates_indexed(), 30);
        // The first edit reads the whole blog, which says nothing of what changed: the posts'
        // names are compared with the index's.
        blog.append(more(
            "11:00",
            "“The ferries run,” said Ines Varga in Lisbon.",
        ));
        assert_eq!(blog.updates_indexed(), 31);
        assert_eq!(blog.names_compared, 1);
        // Later ones read what they change, and say so.
        blog.append(more(
            "11:30",
            "“The cranes are back,” said Marta Keller in Odesa.",
        ));
        assert_eq!(blog.updates_indexed(), 32);
        assert_eq!(
            blog.names_compared, 1,
            "the reading said which posts changed"
        );
        // A post naming Tomas Berg another way changes every post naming him.
        blog.append(more(
            "12:00",
            "“We are close,” said Mr Berg in Port Callan.",
        ));
        assert_eq!(searches(blog.index()), fresh(&blog));
        assert!(blog.remove("u31"));
        assert_eq!(searches(blog.index()), fresh(&blog));
        assert_eq!(blog.builds, 1);
    }

    #[test]
    fn ids_that_give_no_order_are_compared_whole() {
        let mut named = read(BLOG);
        for (u, id) in named.updates.iter_mut().zip(["c", "b", "a"]) {
            u.id = id.into();
        }
        let mut blog = IndexedBlog::new(named);
        blog.index();
        assert!(!blog.ordered_by_id);
        for _ in 0..2 {
            blog.append(read(MORE));
            assert_eq!(searches(blog.index()), fresh(&blog));
        }
    }

    /// Random appends, replaces and removes of a searched blog, its index brought up to date
    /// after each only where the reading says the posts changed, against an index of the
    /// blog as it then is, built afresh (proptest runs natively only).
    #[cfg(not(target_arch = "wasm32"))]
    mod against_a_fresh_index {
        use super::super::IndexedBlog;
        use crate::edit::tests::against_a_fresh_read::{
            blog_text, edit_strategy, named, post_from, Edit, Post,
        };
        use crate::index::{Filters, Index, IndexDoc, SearchOptions, Sort};
        use crate::parse;
        use proptest::prelude::*;

        /// Every update as the index holds it, its names in order of their text (an entity
        /// moved on the page lists its name in another place, which no search sees).
        fn docs(index: &Index) -> Vec<IndexDoc> {
            let mut docs: Vec<IndexDoc> = (index.docs())
                .map(|mut d| {
                    for list in [
                        &mut d.people,
                        &mut d.places,
                        &mut d.orgs,
                        &mut d.speakers,
                        &mut d.aliases,
                    ] {
                        list.sort();
                    }
                    d
                })
                .collect();
            docs.sort_by(|a, b| a.id.cmp(&b.id));
            docs
        }

        /// The kept index against a fresh one: every update, and the searches a reader
        /// makes of names: all updates with every facet, each entity's every name as
        /// words, each person, place, organisation and speaker as a chip, and quotes.
        fn compare(blog: &mut IndexedBlog) -> Result<(), TestCaseError> {
            let fresh = Index::from_blog(blog.blog(), "");
            let all = SearchOptions {
                sort: Sort::Newest,
                limit: 1000,
                facet_limit: 1000,
                ..SearchOptions::default()
            };
            let chip = |filters: Filters| SearchOptions {
                filters,
                ..all.clone()
            };
            let mut asked: Vec<(String, SearchOptions)> = vec![
                (String::new(), all.clone()),
                (
                    String::new(),
                    chip(Filters {
                        has_quote: true,
                        ..Filters::default()
                    }),
                ),
            ];
            for e in &blog.blog().entities {
                let names = std::iter::once(&e.name).chain(&e.aliases);
                asked.extend(names.map(|n| (n.clone(), SearchOptions::default())));
                let mut filters = Filters::default();
                match e.kind {
                    crate::EntityKind::Person => filters.people.push(e.name.clone()),
                    crate::EntityKind::Place => filters.places.push(e.name.clone()),
                    crate::EntityKind::Org => filters.orgs.push(e.name.clone()),
                }
                asked.push((String::new(), chip(filters)));
            }
            for q in &blog.blog().quotes {
                if let Some(speaker) = &q.speaker {
                    let filters = Filters {
                        speakers: vec![speaker.name.clone()],
                        ..Filters::default()
                    };
                    asked.push((String::new(), chip(filters)));
                }
            }
            let kept = blog.index();
            prop_assert!(kept.term_lists_hold(), "term lists kept through the edits");
            prop_assert_eq!(docs(kept), docs(&fresh));
            for (query, options) in &asked {
                prop_assert_eq!(
                    kept.search(query, options),
                    fresh.search(query, options),
                    "{:?}",
                    query
                );
            }
            Ok(())
        }

        /// Edits a searched blog of `posts` by `edits`, comparing after each.
        fn edit_and_compare(
            posts: &[Post],
            edits: Vec<Edit>,
            oldest_first: bool,
        ) -> Result<(), TestCaseError> {
            let text = |posts: &[Post], minute| blog_text(posts, minute, oldest_first);
            let mut blog = IndexedBlog::new(parse(&text(posts, 600)).unwrap());
            blog.index();
            for (n, edit) in edits.into_iter().enumerate() {
                let minute = 900 + 10 * n;
                let id = |k: usize, blog: &IndexedBlog| {
                    let ids: Vec<_> = blog.blog().updates.iter().map(|u| u.id.clone()).collect();
                    ids.get(k % ids.len().max(1)).cloned().unwrap_or_default()
                };
                match edit {
                    Edit::Append(more) => {
                        blog.append(parse(&text(&more, minute)).unwrap());
                    }
                    Edit::Replace(k, post) => {
                        let id = id(k, &blog);
                        blog.replace(&id, parse(&text(&[post], minute)).unwrap());
                    }
                    Edit::Remove(k) => {
                        let id = id(k, &blog);
                        blog.remove(&id);
                    }
                }
                compare(&mut blog)?;
            }
            prop_assert_eq!(blog.builds, 1, "brought up to date, never rebuilt");
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn edits_index_what_a_fresh_index_holds(
                posts in proptest::collection::vec(post_from(named()), 0..8),
                edits in proptest::collection::vec(edit_strategy(), 1..8),
                oldest_first in any::<bool>(),
            ) {
                edit_and_compare(&posts, edits, oldest_first)?;
            }

            /// Posts appended one after another, most naming someone new: the edits whose
            /// names are merged alone, so that the reading names the posts it changed.
            #[test]
            fn appends_index_what_a_fresh_index_holds(
                posts in proptest::collection::vec(post_from(named()), 1..8),
                more in proptest::collection::vec(proptest::collection::vec(post_from(named()), 1..3), 1..10),
                oldest_first in any::<bool>(),
            ) {
                edit_and_compare(&posts, more.into_iter().map(Edit::Append).collect(), oldest_first)?;
            }
        }
    }
}
