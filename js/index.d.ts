export { parse, LiveBlog } from './liveblog_index.js';
export type {
  Entity,
  Image,
  LiveBlogData,
  LiveBlogError,
  Quote,
  QuoteFilter,
  Span,
  Speaker,
  SpeakerSummary,
  Update,
  Warning,
} from './liveblog_index.js';
