//! Stages that read a parsed [`crate::LiveBlog`] and add to it.

pub(crate) mod entities;
mod gazetteer;
pub(crate) mod lexicon;
pub(crate) mod names;
pub(crate) mod quotes;
pub(crate) mod reading;
pub(crate) mod time;
pub(crate) mod tokens;
