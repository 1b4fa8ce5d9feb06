//! Where the big outlets keep their live blog posts, as data: one selector per part of a
//! post. A profile applies when its `posts` selector finds anything; its empty fields fall
//! back to the generic reading (the first heading, the first `<time>`, the whole post).
//!
//! The selectors follow the markup each outlet has published (as public pages show it);
//! our fixtures in `tests/fixtures/html/` hold one small fictional page per profile.

/// Selectors for the parts of one outlet's posts.
#[derive(Debug)]
pub(crate) struct Profile {
    /// Who publishes this markup.
    pub name: &'static str,
    /// Each post (matches inside another match are ignored).
    pub posts: &'static str,
    /// The post's headline, within the post.
    pub headline: &'static str,
    /// The element holding the post's time, within the post.
    pub time: &'static str,
    /// Attributes of the post itself holding its moment (ISO 8601 or Unix time).
    pub time_attrs: &'static [&'static str],
    /// The post's body, within the post.
    pub body: &'static str,
    /// A pinned post, or the container of one (matched on the post and its ancestors).
    pub pinned: &'static str,
    /// A post the page marks as a key event (matched on the post).
    pub key_event: &'static str,
    /// Clutter within a post: share buttons, bylines repeated per post, "copy link".
    pub skip: &'static str,
}

/// The reading used when no profile matches.
pub(crate) const GENERIC: Profile = Profile {
    name: "generic",
    posts: "",
    headline: "",
    time: "",
    time_attrs: &[],
    body: "",
    pinned: ".pinned, .pinned-post, .is-pinned, [data-pinned=true]",
    key_event: ".key-event, .is-key-event, [data-key-event=true], [data-type=key-event]",
    skip: ".share, .social-share, .sharing",
};

/// The outlets' profiles, tried in order.
pub(crate) const PROFILES: &[Profile] = &[
    Profile {
        name: "The Guardian",
        posts: "article.block, article[id^=block-]",
        headline: ".block-title, h2",
        time: "time[datetime]",
        time_attrs: &[],
        body: ".block-elements",
        pinned: "#pinned-post, [data-gu-name=pinned-post], .pinned-block, [data-pinned]",
        key_event: ".is-key-event, .is-summary, [data-key-event=true]",
        skip: ".block-share, .meta__social, [data-gu-name=share]",
    },
    Profile {
        name: "BBC",
        posts: "article[data-testid=content-post], .lx-stream-post, li.lx-stream__post",
        headline: "[data-testid=card-headline], .lx-stream-post__header-title, h3, h2",
        time: "time, .qa-post-auto-meta, .lx-stream-post__meta-time",
        time_attrs: &[],
        body: ".lx-stream-post-body, [data-testid=content-post-body]",
        pinned: "[data-testid=pinned-post], .lx-stream-post--pinned",
        key_event: "[data-testid=key-post], .lx-stream-post--key",
        skip: ".lx-share-tools, [data-testid=share-button], .lx-stream-post__footer",
    },
    Profile {
        name: "CNN",
        posts: "article.live-story-post",
        headline: ".live-story-post__headline, h2",
        time: ".live-story-post__timestamp, time",
        time_attrs: &["data-first-publish", "data-last-updated"],
        body: ".live-story-post__content",
        pinned: ".live-story-post--pinned, .pinned-post",
        key_event: ".live-story-post--key-event",
        skip: ".live-story-post__byline, .share-bar",
    },
    Profile {
        name: "The New York Times",
        posts: ".live-blog-post",
        headline: ".live-blog-post-headline, h2",
        time: "time, .live-blog-post-timestamp",
        time_attrs: &[],
        body: ".live-blog-post-content",
        pinned: ".pinned-post",
        key_event: ".live-blog-post--highlight",
        skip: ".live-blog-post-byline, .share-menu",
    },
    Profile {
        name: "AP",
        posts: "bsp-liveblog-post, .LiveBlogPost",
        headline: ".LiveBlogPost-headline, h2",
        time: "bsp-timestamp, .LiveBlogPost-timestamp",
        time_attrs: &["data-posted-date-timestamp", "data-timestamp"],
        body: ".LiveBlogPost-body",
        pinned: ".LiveBlogPost-pinned, [data-pinned]",
        key_event: ".LiveBlogPost-keyEvent",
        skip: ".LiveBlogPost-byline, .LiveBlogPost-share",
    },
    Profile {
        name: "Al Jazeera",
        posts: ".liveblog-timeline__item, .card-live",
        headline: ".card-live__title, h2",
        time: ".liveblog-timeline__update-time, .date-relative, time",
        time_attrs: &["data-published"],
        body: ".card-live__content-area, .wysiwyg",
        pinned: ".liveblog-timeline__item--pinned",
        key_event: ".liveblog-timeline__item--key",
        skip: ".article-share, .share-container",
    },
    Profile {
        name: "WordPress Liveblog",
        posts: ".liveblog-entry, [id^=liveblog-entry-]",
        headline: ".liveblog-entry-header h2, .liveblog-entry-text h2, h2",
        time: ".liveblog-meta-time, time",
        time_attrs: &["data-timestamp"],
        body: ".liveblog-entry-text",
        pinned: ".liveblog-entry-sticky, .type-sticky",
        key_event: ".type-key",
        skip: ".liveblog-entry-actions, .liveblog-meta-author",
    },
    Profile {
        name: "schema.org microdata",
        posts: "[itemprop=liveBlogUpdate]",
        headline: "[itemprop=headline]",
        time: "[itemprop=datePublished]",
        time_attrs: &[],
        body: "[itemprop=articleBody]",
        pinned: "",
        key_event: "",
        skip: "",
    },
];
