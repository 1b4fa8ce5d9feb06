// Browsers (no bundler needed) and bundlers: fetch and compile the wasm next to this file,
// then export the API. Importing this module waits for the wasm to be ready.
import { load } from './load.js';

export const { parse, LiveBlog, SearchIndex } = await load();
