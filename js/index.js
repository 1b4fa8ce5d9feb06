// Browsers (no bundler needed) and bundlers: fetch and compile the wasm next to this file,
// then export the API. Importing this module waits for the wasm to be ready.
import init, { parse, LiveBlog, SearchIndex } from './liveblog_index.js';

await init({ module_or_path: new URL('./liveblog_index_bg.wasm', import.meta.url) });

export { parse, LiveBlog, SearchIndex };
