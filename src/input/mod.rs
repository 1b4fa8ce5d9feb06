//! One module per input format, each producing the same [`crate::LiveBlog`] model.

pub(crate) mod text;
