// Browsers (no bundler needed) and bundlers: fetch and compile the wasm next to this file,
// then export the API. Importing this module waits for the wasm to be ready.
import init, * as bindings from './liveblog_index.js';
import { guard } from './guard.js';

const wasmUrl = new URL('./liveblog_index_bg.wasm', import.meta.url);
await init({ module_or_path: wasmUrl });

// After an internal failure, a fresh copy of the bindings (a new module instance).
async function load(n) {
  const fresh = await import(/* @vite-ignore */ new URL(`./liveblog_index.js?instance=${n}`, import.meta.url).href);
  await fresh.default({ module_or_path: wasmUrl });
  return fresh;
}

const api = guard(bindings, load, ['LiveBlog', 'SearchIndex'], ['parse']);
export const { parse, LiveBlog, SearchIndex } = api;
