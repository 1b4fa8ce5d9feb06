export { parse, LiveBlog } from './liveblog_index.js';
export type {
  Entity,
  FacetValue,
  Facets,
  Image,
  LiveBlogData,
  LiveBlogError,
  Mention,
  Quote,
  QuoteFilter,
  Span,
  Speaker,
  SpeakerSummary,
  Update,
  Warning,
} from './liveblog_index.js';
