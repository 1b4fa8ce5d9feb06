// The work behind <liveblog-filter>, off the page's main thread: reading the blog (parse,
// quotes, entities), building its index, and every search; then only what changes: a new
// post appended, an edited one replaced, a removed one removed, each answered with that
// post's worth. The element posts { id, op, args } and gets back { id, value } or
// { id, error: { code, message } }, or { id, failed } when the library could not load
// here. Where no worker can start, the element imports this module and calls `ready()` and
// `answer()` itself.

import { load } from './load.js';

let api = null; // the library, once its wasm is loaded
let blog = null;
let told = ''; // the speakers' names and counts the element was last given, as JSON

/** Loads the library (its wasm) once. */
export async function ready() {
  api ??= await load();
}

/** What an update is searched and named by: not its time as written, which a page may
 * tick ("3 min ago"). */
const wordsOf = (u) => JSON.stringify([u.headline, u.byline, u.paragraphs, u.images, u.links, u.pinned, u.keyEvent]);

/** What the element keeps of an update. */
const placeOf = (u) => ({ id: u.id, anchor: u.anchor, timestamp: u.timestamp });

/** What the element needs after the posts `ids` changed: their updates, each converted
 * alone, and the speakers' names and counts if these changed (its quote panel asks). */
function changed(ids) {
  const updates = ids.map((id) => blog.update(id)).filter(Boolean).map(placeOf);
  const speakers = blog.speakers().map(({ name, quotes }) => ({ name, quotes }));
  const key = JSON.stringify(speakers);
  if (key === told) return { updates };
  told = key;
  return { updates, speakers };
}

/** What the element needs of a freshly read blog, its index built and ready. */
function read(html, options) {
  const next = api.LiveBlog.fromHtml(html, options);
  next.search('', { limit: 0, facetLimit: 0 });
  blog?.free();
  blog = next;
  told = '';
  return { ...changed([]), updates: blog.updates().map(placeOf) };
}

/** An edited post read again: null when its words are as they were (or it is gone). */
function replace(id, html, options) {
  const post = api.LiveBlog.fromHtml(html, options);
  const [edited] = post.updates();
  post.free();
  const was = blog.update(id);
  if (!edited || !was || wordsOf(edited) === wordsOf(was)) return null;
  blog.replace(id, html, options);
  return changed([id]);
}

/** The quotes of the speaker `name` (every speaker's when null), each repeated quote once,
 * by the name speakers() counts them under: a list is as long as its chip's count. The
 * look-up by name also finds names a letter away, which are not theirs. */
function said(name) {
  const by = new Map(); // not an object: a name could be "constructor"
  for (const q of blog.quotes(name ? { speaker: name } : undefined)) {
    const who = q.speaker?.name;
    if (!who || q.sameAs || (name && who !== name)) continue;
    if (!by.has(who)) by.set(who, []);
    by.get(who).push({ text: q.text, updateId: q.updateId });
  }
  return name ? { [name]: by.get(name) ?? [] } : Object.fromEntries(by);
}

const OPS = {
  read,
  // New posts, numbered after the blog's.
  append: (html, options) => changed(blog.append(html, options)),
  replace,
  remove: (id) => (blog.remove(id), changed([])),
  said,
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
