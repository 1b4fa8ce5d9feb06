// Node: read the wasm from disk synchronously (Node cannot fetch a file: URL), then export
// the API.
import { readFileSync } from 'node:fs';
import { initSync, parse, LiveBlog, SearchIndex } from './liveblog_index.js';

initSync({ module: readFileSync(new URL('./liveblog_index_bg.wasm', import.meta.url)) });

export { parse, LiveBlog, SearchIndex };
