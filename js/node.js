// Node: read and compile the wasm from disk synchronously (Node cannot fetch a file: URL),
// then export the API.
import { readFileSync } from 'node:fs';
import * as bindings from './liveblog_index.js';
import { guard } from './guard.js';

const module = new WebAssembly.Module(readFileSync(new URL('./liveblog_index_bg.wasm', import.meta.url)));
bindings.initSync({ module });

// A spare copy of the bindings, imported but not started, so that the restart after an
// internal error is done before the call that failed returns: the next call works.
const copy = (n) => import(`./liveblog_index.js?instance=${n}`);
let spare = await copy(1);

// After an internal failure, a fresh copy of the bindings (a new module instance).
function load(n) {
  if (!spare) return copy(`${n}-late`).then((fresh) => { fresh.initSync({ module }); return fresh; });
  const fresh = spare;
  spare = null;
  fresh.initSync({ module });
  copy(n + 1).then((next) => { spare = next; });
  return fresh;
}

const api = guard(bindings, load, ['LiveBlog', 'SearchIndex'], ['parse']);
export const { parse, LiveBlog, SearchIndex } = api;
