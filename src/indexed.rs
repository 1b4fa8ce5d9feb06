//! A live blog kept with its search index: what the JS `LiveBlog` class holds. The index is
//! built on the first search, not before (a page that only reads quotes never pays for it),
//! and brought up to date after each edit, only where the blog changed. So is what reading
//! the blog's names keeps for its edits: built at the first edit, which reads the whole
//! blog, so that each later one reads only the posts it changes.

use crate::extract::reading::Reading;
use crate::index::Index;
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
    /// How many times the index was built from scratch.
    #[cfg(test)]
    builds: usize,
}

impl IndexedBlog {
    /// A blog not yet indexed.
    pub fn new(blog: LiveBlog) -> Self {
        IndexedBlog {
            blog,
            index: None,
            reading: Reading::for_edits(),
            #[cfg(test)]
            builds: 0,
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
        self.reindex();
        ids
    }

    /// Replaces the post `id` (see [`LiveBlog::replace`]); returns whether there was one.
    pub fn replace(&mut self, id: &str, with: LiveBlog) -> bool {
        let replaced = self.blog.replace_kept(id, with, &mut self.reading);
        self.reindex();
        replaced
    }

    /// Removes the post `id`; returns whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let removed = self.blog.remove_kept(id, &mut self.reading);
        self.reindex();
        removed
    }

    /// Brings a built index up to date with the blog (only what changed).
    fn reindex(&mut self) {
        if let Some(index) = &mut self.index {
            index.add_blog(&self.blog, "");
        }
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
}
