//! A blog that grows: posts appended, replaced or removed after parsing, with quotes and
//! entities brought up to date. They link across posts (a surname in one post names the
//! person another post names in full), so an edit of a [`LiveBlog`] reads it again; one of
//! an [`crate::IndexedBlog`], which keeps its reading (`extract::reading`), reads the changed
//! posts and those whose reading it changes, and keeps the rest.

use crate::extract::reading::Reading;
use crate::model::{LiveBlog, Order, Update};

impl LiveBlog {
    /// Adds the posts of `more` (new input read by any parser) to the blog, numbered after
    /// the blog's own (`u7`, `u8`, … earliest first) and placed at the newest end. Spans of
    /// the new posts refer to their own input. Returns the new posts' ids.
    ///
    /// ```
    /// let mut blog = liveblog_index::parse("Storm: live\n\nIt rained.\n\n10:00 Roads shut\n\nAll of them.\n\n9:00 Rain\n\nHeavy.\n")?;
    /// let more = liveblog_index::parse("Storm: live\n\nIt rained.\n\n11:30 Roads open\n\n“Drive slowly,” said Ana Ruiz.\n\n11:00 Sun\n\nAt last.\n")?;
    /// assert_eq!(blog.append(more), ["u3", "u4"]);
    /// assert_eq!(blog.updates[0].headline.as_deref(), Some("Roads open"));
    /// assert_eq!(blog.quotes_by("ruiz").len(), 1);
    /// # Ok::<(), liveblog_index::Error>(())
    /// ```
    pub fn append(&mut self, more: LiveBlog) -> Vec<String> {
        self.append_kept(more, &mut Reading::default())
    }

    /// Replaces the post `id` with the first post of `with` (an edited post, read again),
    /// keeping its id and place. Returns whether the blog had that post.
    pub fn replace(&mut self, id: &str, with: LiveBlog) -> bool {
        self.replace_kept(id, with, &mut Reading::default())
    }

    /// Removes the post `id`. Returns whether the blog had it.
    pub fn remove(&mut self, id: &str) -> bool {
        self.remove_kept(id, &mut Reading::default())
    }

    /// [`LiveBlog::append`], read again where `reading` (kept from before) may have changed.
    pub(crate) fn append_kept(&mut self, more: LiveBlog, reading: &mut Reading) -> Vec<String> {
        let mut next = reading.newest().unwrap_or_else(|| {
            let numbers = self.updates.iter().filter_map(|u| number_of(&u.id));
            numbers.max().unwrap_or(0)
        });
        // Earliest first, so that ids rise with time.
        let mut added: Vec<Update> = more.updates;
        crate::sorting::sort_by_rank(&mut added, |u| number_of(&u.id).unwrap_or(0));
        let ids: Vec<String> = added
            .iter_mut()
            .map(|u| {
                next += 1;
                u.id = format!("u{next}");
                u.id.clone()
            })
            .collect();
        if self.order == Some(Order::OldestFirst) {
            self.updates.extend(added);
        } else {
            added.reverse();
            self.updates.splice(0..0, added);
        }
        self.reextract(reading);
        ids
    }

    /// [`LiveBlog::replace`], read again where `reading` may have changed.
    pub(crate) fn replace_kept(&mut self, id: &str, with: LiveBlog, reading: &mut Reading) -> bool {
        let (Some(at), Some(mut update)) = (
            self.updates.iter().position(|u| u.id == id),
            with.updates.into_iter().next(),
        ) else {
            return false;
        };
        update.id = id.to_string();
        let old = std::mem::replace(&mut self.updates[at], update);
        reading.forget(&old);
        self.reextract(reading);
        true
    }

    /// [`LiveBlog::remove`], read again where `reading` may have changed.
    pub(crate) fn remove_kept(&mut self, id: &str, reading: &mut Reading) -> bool {
        let before = self.updates.len();
        for update in self.updates.iter().filter(|u| u.id == id) {
            reading.forget(update);
        }
        self.updates.retain(|u| u.id != id);
        let removed = self.updates.len() != before;
        if removed {
            self.reextract(reading);
        }
        removed
    }

    /// Quotes and entities again, for the blog as it now is (the old quotes are kept where
    /// their posts are, and the old entities' mentions lend their strings to the new).
    fn reextract(&mut self, reading: &mut Reading) {
        let blog = std::mem::take(self);
        *self = crate::read_names_kept(blog, reading);
    }
}

/// `7` for `u7`.
pub(crate) fn number_of(id: &str) -> Option<u64> {
    id.strip_prefix('u')?.parse().ok()
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::extract::reading::Reading;
    use crate::parse;

    const BLOG: &str = "Port strike: live\n\nDockers walked out at dawn, the union said.\n\n\
        10:00 Talks\n\n“We want a fair deal,” union leader Tomas Berg told reporters.\n\n\
        9:00 Walkout\n\nThe port is shut.\n";

    #[test]
    fn an_append_to_a_newest_first_blog_renumbers_no_quote_or_entity() {
        let mut blog = parse(BLOG).unwrap();
        let before = blog.clone();
        assert!(!before.quotes.is_empty() && !before.entities.is_empty());
        // The new post sits at the top of the page, and names people, places and bodies
        // before anything the blog said: read in page order, it would take `q1` and `e1`.
        blog.append(
            parse(
                "Port strike: live\n\nMore.\n\n11:30 Union meets minister\n\n\
            “We are close,” said Labour Minister Ana Ruiz in Lisbon. “We want a fair deal,” \
            Berg repeated, and the Dockers Union agreed.\n",
            )
            .unwrap(),
        );
        assert_eq!(blog.updates[0].id, "u3");
        for q in &before.quotes {
            let now = blog.quotes.iter().find(|n| {
                (&n.update_id, n.part, n.index, n.span) == (&q.update_id, q.part, q.index, q.span)
            });
            assert_eq!(now.map(|n| &n.id), Some(&q.id), "{q:?}");
        }
        for e in &before.entities {
            let now = blog.entities.iter().find(|n| n.name == e.name);
            assert_eq!(now.map(|n| &n.id), Some(&e.id), "{e:?}");
        }
        // The new post's quotes and entities come after, and its repeat links to the first.
        let new: Vec<_> = blog
            .quotes
            .iter()
            .filter(|q| q.update_id.as_deref() == Some("u3"))
            .collect();
        assert_eq!(new.len(), 2);
        assert!(new
            .iter()
            .all(|q| !before.quotes.iter().any(|b| b.id == q.id)));
        assert_eq!(new[1].same_as, Some(before.quotes[0].id.clone()));
        assert!(blog.entities.len() > before.entities.len());
        // The lists stay in page order: the new post's first.
        assert_eq!(blog.quotes[0].update_id.as_deref(), Some("u3"));
        assert_eq!(
            blog.entities[0].mentions[0].update_id.as_deref(),
            Some("u3")
        );
    }

    #[test]
    fn append_replace_remove_keep_ids_and_names() {
        let mut blog = parse(BLOG).unwrap();
        let ids = blog.append(parse("Port strike: live\n\nMore.\n\n11:30 Deal close\n\nBerg said a deal was near.\n\n11:00 Offer\n\nA new offer came.\n").unwrap());
        assert_eq!(ids, ["u3", "u4"]);
        let order: Vec<_> = blog.updates.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(order, ["u4", "u3", "u2", "u1"]);
        // "Berg" in the new post is the Tomas Berg of an old one.
        assert!(blog
            .updates_mentioning("Tomas Berg")
            .iter()
            .any(|u| u.id == "u4"));
        assert!(blog.replace(
            "u1",
            parse("Port strike: live\n\nx.\n\n9:00 Walkout begins\n\nThe port is shut.\n\n8:00 Before\n\nQuiet.\n").unwrap()
        ));
        assert_eq!(blog.updates[3].headline.as_deref(), Some("Walkout begins"));
        assert_eq!(blog.updates[3].id, "u1");
        assert!(blog.remove("u2"));
        assert!(!blog.remove("u2"));
        assert!(blog.quotes.is_empty(), "the quote went with its post");
        assert!(!blog.replace("u9", parse(BLOG).unwrap()));
    }

    /// How often an added post is merged alone, and why not when it is not: each blog of
    /// both development corpora (read in place) replayed from its oldest post, one post
    /// appended at a time. Prints the table; `cargo test --release --lib fallbacks --
    /// --ignored --nocapture` (the corpora sit beside the repository).
    #[test]
    #[ignore]
    fn fallbacks_of_the_corpora_replayed_post_by_post() {
        use crate::extract::entities::FELL_BACK;
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        let mut files: Vec<_> = ["corpus", "corpus2"]
            .iter()
            .filter_map(|set| std::fs::read_dir(root.join(set)).ok())
            .flatten()
            .filter_map(|e| Some(e.ok()?.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no corpus beside the repository");
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let Ok(whole) = parse(&text) else { continue };
            let mut posts = whole.updates.clone();
            crate::sorting::sort_by_rank(&mut posts, |u| super::number_of(&u.id).unwrap_or(0));
            let mut posts = posts.into_iter();
            let mut blog = crate::LiveBlog {
                updates: posts.next().into_iter().collect(),
                quotes: Vec::new(),
                entities: Vec::new(),
                ..whole.clone()
            };
            let mut reading = Reading::for_edits();
            blog.append_kept(crate::LiveBlog::default(), &mut reading);
            for post in posts {
                let more = crate::LiveBlog {
                    updates: vec![post],
                    ..Default::default()
                };
                blog.append_kept(more, &mut reading);
                let why = FELL_BACK.get();
                *counts
                    .entry(if why.is_empty() {
                        "(merged alone)"
                    } else {
                        why
                    })
                    .or_default() += 1;
            }
        }
        let total: usize = counts.values().sum();
        for (why, n) in &counts {
            println!("{n:5} {:5.1}%  {why}", 100.0 * *n as f64 / total as f64);
        }
        println!("{total:5}        posts appended");
    }

    /// Random edits against a fresh read (proptest runs natively only); its blogs and edits
    /// serve the index's test too (`indexed`).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) mod against_a_fresh_read {
        use crate::extract::reading::Reading;
        use crate::{parse, read_names, LiveBlog};
        use proptest::prelude::*;

        /// Paragraphs for generated blogs: full names arriving late after their surnames, two
        /// full names under one surname, repeated quotes, quote-only posts, organisations and
        /// their acronyms, a word written both capitalised and in lower case, clubs and towns,
        /// a page's menu.
        const PARAGRAPHS: &[&str] = &[
            "“We want a fair deal,” union leader Tomas Berg told reporters.",
            "Berg said the talks would go on.",
            "“We will not give up,” said Harbour Minister Ana Berg.",
            "“We want a fair deal,” she said.",
            "“We are close to a deal.”",
            "Police said the port was shut. The police closed the road.",
            "The Dockers Union (DU) met the Port Authority in Lisbon.",
            "The DU said Ivo Dane would speak. Dane told reporters: “Nothing is agreed.”",
            "Portuguese officials met Dane and Okafor.",
            "Mayor Lena Dane said the city was calm.",
            "Play resumed after the rain, and play was good.",
            "“Stay away from the docks,” Okafor said.",
            "Alden Rovers beat Kestrel Town 2-1 in Alden.",
            "Alden said the vote was close. Keir Alden thanked the crowd.",
            "The minister said “total agreement” was near, Dane said.",
            "Spokesman Jo Okafor said: “The docks will open.”",
            "Home / Port News / Lisbon / Dane",
            "Portugal closed its ports.",
            "The Port Council said the ferries would run.",
        ];

        /// Paragraphs that name people, places and bodies the other paragraphs do not:
        /// `{g}`, `{s}` and `{p}` are a given name, a surname and a place of the lists below,
        /// so that most posts name someone new. Surnames alone before and after the full
        /// name, two spellings one edit apart, a body named after a place.
        const NAMING: &[&str] = &[
            "“We will keep talking,” said {g} {s} in {p}.",
            "{s} said the talks would go on.",
            "Officials from {p} met {g} {s}.",
            "“Nothing is agreed,” {g} {s} of the {p} Port Council said.",
            "The {p} Port Council said the ferries would run.",
        ];
        const GIVEN: &[&str] = &["Marta", "Ivo"];
        const SURNAMES: &[&str] = &["Keller", "Halvorsen", "Halvorson"];
        const PLACES: &[&str] = &["Odesa", "Tallinn", "Bergen"];

        /// Paragraph `p`: of `PARAGRAPHS`, then of `NAMING` with each name filled in.
        fn paragraph(p: usize) -> String {
            let Some(mut n) = p.checked_sub(PARAGRAPHS.len()) else {
                return PARAGRAPHS[p].to_string();
            };
            let mut pick = |list: &[&'static str]| {
                let word = list[n % list.len()];
                n /= list.len();
                word
            };
            let (g, s, place) = (pick(GIVEN), pick(SURNAMES), pick(PLACES));
            let template = NAMING[n % NAMING.len()];
            template
                .replace("{g}", g)
                .replace("{s}", s)
                .replace("{p}", place)
        }

        /// How many paragraphs `paragraph` numbers.
        const ALL: usize =
            PARAGRAPHS.len() + NAMING.len() * GIVEN.len() * SURNAMES.len() * PLACES.len();

        /// Headlines: in sentence case, in title case (enough of them flip the blog's
        /// reading of capitals), and with quotes.
        const HEADLINES: &[&str] = &[
            "Talks resume at the port",
            "Union meets the minister",
            "Police Close The Harbour Road",
            "Dane: “Nothing is agreed”",
            "‘We want a fair deal’, says Berg",
            "Alden Rovers Win The Derby",
            "Okafor speaks",
        ];

        /// A post: a headline (or none) and some paragraphs, by index.
        pub(crate) type Post = (Option<usize>, Vec<usize>);

        pub(crate) fn post_strategy() -> impl Strategy<Value = Post> {
            post_from(0..PARAGRAPHS.len())
        }

        /// Paragraphs that name no club and no one no rule could tell: blogs of them alone
        /// let an added post be merged into the entities alone (`entities::Merged::patch`).
        const PLAIN: &[usize] = &[0, 2, 3, 4, 5, 6, 9, 11, 15];

        /// A post of the paragraphs `pool` picks.
        pub(crate) fn post_from(pool: impl Strategy<Value = usize>) -> impl Strategy<Value = Post> {
            (
                proptest::option::of(0..HEADLINES.len()),
                proptest::collection::vec(pool, 1..4),
            )
        }

        /// A blog of `posts`, newest first (or oldest), each at its own time.
        pub(crate) fn blog_text(posts: &[Post], first_minute: usize, oldest_first: bool) -> String {
            let mut text =
                String::from("Port strike: live\n\nDockers walked out, the union said.\n\n");
            let mut posts: Vec<_> = posts.iter().enumerate().collect();
            if !oldest_first {
                posts.reverse();
            }
            for (n, (headline, paragraphs)) in posts {
                let minute = first_minute + n;
                let headline = headline.map_or("Update", |h| HEADLINES[h]);
                text += &format!("{:02}:{:02} {headline}\n\n", minute / 60 % 24, minute % 60);
                for &p in paragraphs {
                    text += &paragraph(p);
                    text += "\n\n";
                }
            }
            text
        }

        #[derive(Debug, Clone)]
        pub(crate) enum Edit {
            Append(Vec<Post>),
            Replace(usize, Post),
            Remove(usize),
        }

        pub(crate) fn edit_strategy() -> impl Strategy<Value = Edit> {
            edit_from(post_strategy)
        }

        pub(crate) fn edit_from<S: Strategy<Value = Post>>(
            post: fn() -> S,
        ) -> impl Strategy<Value = Edit> {
            prop_oneof![
                proptest::collection::vec(post(), 1..3).prop_map(Edit::Append),
                (0..64usize, post()).prop_map(|(k, p)| Edit::Replace(k, p)),
                (0..64usize).prop_map(Edit::Remove),
            ]
        }

        /// Edits `posts` by `edits`, comparing the blog with a fresh read after each.
        fn edit_and_compare(
            posts: &[Post],
            edits: Vec<Edit>,
            oldest_first: bool,
        ) -> Result<(), TestCaseError> {
            let blog_text = |posts: &[Post], minute| blog_text(posts, minute, oldest_first);
            let mut blog = parse(&blog_text(posts, 600)).unwrap();
            let mut reading = Reading::for_edits();
            for (n, edit) in edits.into_iter().enumerate() {
                let minute = 900 + 10 * n;
                let id = |k: usize, blog: &LiveBlog| {
                    let ids: Vec<_> = blog.updates.iter().map(|u| u.id.clone()).collect();
                    ids.get(k % ids.len().max(1)).cloned().unwrap_or_default()
                };
                match edit {
                    Edit::Append(more) => {
                        blog.append_kept(parse(&blog_text(&more, minute)).unwrap(), &mut reading);
                    }
                    Edit::Replace(k, post) => {
                        let id = id(k, &blog);
                        let with = parse(&blog_text(&[post], minute)).unwrap();
                        blog.replace_kept(&id, with, &mut reading);
                    }
                    Edit::Remove(k) => {
                        let id = id(k, &blog);
                        blog.remove_kept(&id, &mut reading);
                    }
                }
                // The blog read afresh, nothing kept from before.
                let again = read_names(blog.clone());
                prop_assert_eq!(&blog.quotes, &again.quotes);
                prop_assert_eq!(&blog.entities, &again.entities);
            }
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(96))]

            #[test]
            fn edits_give_what_a_fresh_read_gives(
                posts in proptest::collection::vec(post_strategy(), 0..8),
                edits in proptest::collection::vec(edit_strategy(), 1..10),
            ) {
                edit_and_compare(&posts, edits, false)?;
            }

            #[test]
            fn edits_of_plain_posts_give_what_a_fresh_read_gives(
                posts in proptest::collection::vec(post_from(proptest::sample::select(PLAIN)), 0..8),
                edits in proptest::collection::vec(edit_from(|| post_from(proptest::sample::select(PLAIN))), 1..10),
            ) {
                edit_and_compare(&posts, edits, false)?;
            }

            /// Posts appended one after another, most naming someone new, to blogs newest
            /// or oldest first.
            #[test]
            fn appends_naming_new_people_give_what_a_fresh_read_gives(
                posts in proptest::collection::vec(post_from(named()), 0..8),
                more in proptest::collection::vec(proptest::collection::vec(post_from(named()), 1..3), 1..10),
                oldest_first in any::<bool>(),
            ) {
                edit_and_compare(&posts, more.into_iter().map(Edit::Append).collect(), oldest_first)?;
            }
        }

        /// Mostly paragraphs naming someone new, else plain ones (with a demonym's country
        /// named later, and a body named later in full).
        pub(crate) fn named() -> impl Strategy<Value = usize> {
            prop_oneof![
                1 => proptest::sample::select(PLAIN),
                1 => Just(8usize),
                1 => Just(PARAGRAPHS.len() - 2),
                1 => Just(PARAGRAPHS.len() - 1),
                6 => PARAGRAPHS.len()..ALL,
            ]
        }
    }
}
