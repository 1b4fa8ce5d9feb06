//! Stages that read a parsed [`crate::LiveBlog`] and add to it.

pub(crate) mod time;
