//! Stages that read a parsed [`crate::LiveBlog`] and add to it.

mod lexicon;
pub(crate) mod quotes;
pub(crate) mod time;
