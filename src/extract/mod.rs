//! Stages that read a parsed [`crate::LiveBlog`] and add to it.

pub(crate) mod lexicon;
pub(crate) mod quotes;
pub(crate) mod time;
