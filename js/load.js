// Fetches and compiles the wasm next to this file and returns the API over it; index.js
// (pages and bundlers) and worker.js (the element's worker) both load the library here.
// No top-level await, so a bundler may build the worker as a classic script.
import init, * as bindings from './liveblog_index.js';
import { guard } from './guard.js';

const wasmUrl = new URL('./liveblog_index_bg.wasm', import.meta.url);

// After an internal failure, a fresh copy of the bindings (a new module instance).
async function fresh(n) {
  const copy = await import(/* @vite-ignore */ new URL(`./liveblog_index.js?instance=${n}`, import.meta.url).href);
  await copy.default({ module_or_path: wasmUrl });
  return copy;
}

/** The API (`parse`, `LiveBlog`, `SearchIndex`), once the wasm is ready. */
export async function load() {
  await init({ module_or_path: wasmUrl });
  return guard(bindings, fresh, ['LiveBlog', 'SearchIndex'], ['parse']);
}
