export { parse } from './liveblog_index.js';
export type {
  Entity,
  Image,
  LiveBlog,
  LiveBlogError,
  Quote,
  Speaker,
  Span,
  Update,
  Warning,
} from './liveblog_index.js';
