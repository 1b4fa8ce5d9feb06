// The work behind <liveblog-filter>, off the page's main thread: reading the blog (parse,
// quotes, entities), building its index, and every search. The element posts
// { id, op, args } and gets back { id, value } or { id, error: { code, message } }, or
// { id, failed } when the library could not load here. Where no worker can start, the
// element imports this module and calls `ready()` and `answer()` itself.

import { load } from './load.js';

let api = null; // the library, once its wasm is loaded
let blog = null;

/** Loads the library (its wasm) once. */
export async function ready() {
  api ??= await load();
}

/** What the element needs of a freshly read blog, its index built and ready. */
function read(html, options) {
  const next = api.LiveBlog.fromHtml(html, options);
  next.search('', { limit: 0, facetLimit: 0 });
  blog?.free();
  blog = next;
  const updates = next.updates().map((u) => ({ id: u.id, anchor: u.anchor, timestamp: u.timestamp }));
  // Each speaker with their quotes, so the quote panel needs no round trip.
  const speakers = next.speakers().map((s) => ({ ...s, said: next.quotes({ speaker: s.name }) }));
  return { updates, speakers };
}

const OPS = {
  read,
  search: (query, options) => blog.search(query, options),
};

/** Runs one request (after `ready()`); errors come back as data for the caller to rethrow. */
export function answer({ id, op, args }) {
  try {
    return { id, value: OPS[op](...args) };
  } catch (err) {
    return { id, error: { code: err?.code ?? 'LB_INTERNAL', message: String(err?.message ?? err) } };
  }
}

if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  // The handler is set at once, before the wasm loads, so no early message is missed;
  // requests wait for the load in the order they came.
  const loading = ready();
  globalThis.onmessage = (event) => loading.then(
    () => globalThis.postMessage(answer(event.data)),
    (err) => globalThis.postMessage({ id: event.data.id, failed: String(err?.message ?? err) }),
  );
}
