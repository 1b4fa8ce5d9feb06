// Node: read the wasm from disk synchronously (Node cannot fetch a file: URL), then export
// the API.
import { readFileSync } from 'node:fs';
import * as bindings from './liveblog_index.js';
import { guard } from './guard.js';

const wasm = readFileSync(new URL('./liveblog_index_bg.wasm', import.meta.url));
bindings.initSync({ module: wasm });

// After an internal failure, a fresh copy of the bindings (a new module instance).
async function load(n) {
  const fresh = await import(`./liveblog_index.js?instance=${n}`);
  fresh.initSync({ module: wasm });
  return fresh;
}

const api = guard(bindings, load, ['LiveBlog', 'SearchIndex'], ['parse']);
export const { parse, LiveBlog, SearchIndex } = api;
