// The work behind <liveblog-filter>, off the page's main thread: reading the blog (parse,
// quotes, entities), building its index, and every search; then only what changes: a new
// post appended, an edited one replaced, a removed one removed. The element posts
// { id, op, args } and gets back { id, value } or { id, error: { code, message } }, or
// { id, failed } when the library could not load here. Where no worker can start, the
// element imports this module and calls `ready()` and `answer()` itself.

import { load } from './load.js';

let api = null; // the library, once its wasm is loaded
let blog = null;
let words = new Map(); // update id → what its search and names are read from (see `wordsOf`)

/** Loads the library (its wasm) once. */
export async function ready() {
  api ??= await load();
}

/** What an update is searched and named by: not its time as written, which a page may
 * tick ("3 min ago"). */
const wordsOf = (u) => JSON.stringify([u.headline, u.byline, u.paragraphs, u.images, u.links, u.pinned, u.keyEvent]);

/** The blog's speakers, each with their quotes (the quote panel needs no round trip), and
 * the updates of `ids` (all without), noted for `replace` to compare with. */
function state(ids) {
  const updates = blog.updates().filter((u) => !ids || ids.includes(u.id));
  for (const u of updates) words.set(u.id, wordsOf(u));
  return {
    updates: updates.map((u) => ({ id: u.id, anchor: u.anchor, timestamp: u.timestamp })),
    speakers: blog.speakers().map((s) => ({ ...s, said: blog.quotes({ speaker: s.name }) })),
  };
}

/** What the element needs of a freshly read blog, its index built and ready. */
function read(html, options) {
  const next = api.LiveBlog.fromHtml(html, options);
  next.search('', { limit: 0, facetLimit: 0 });
  blog?.free();
  blog = next;
  words = new Map();
  return state();
}

/** An edited post read again: null when its words are as they were. */
function replace(id, html, options) {
  const post = api.LiveBlog.fromHtml(html, options);
  const [edited] = post.updates();
  post.free();
  if (!edited || wordsOf(edited) === words.get(id)) return null;
  blog.replace(id, html, options);
  return state([id]);
}

const OPS = {
  read,
  // New posts, numbered after the blog's.
  append: (html, options) => state(blog.append(html, options)),
  replace,
  remove: (id) => (blog.remove(id), words.delete(id), state([])),
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
