// <liveblog-filter for="ID">: a search box, facet chips, a time filter and a "who said
// what" panel for the live blog already in the page, in the element's Shadow DOM.
//
// `for` takes ids separated by spaces, as <output for> does ("pinned liveblog": a post
// pinned outside the list's container); a pinned copy of a post goes with it.
//
// The publisher's markup stays as it is (for search engines and for readers without
// script): the element reads it (its outerHTML, as LiveBlog.fromElement does), shows and
// hides its post elements with the `hidden` attribute, and highlights matches with the CSS
// Custom Highlight API, which changes no markup. The work (reading, indexing, searching)
// runs in a Web Worker (worker.js), so the page's main thread only serialises the blog and
// shows results; where no worker can start, the same code runs here. The wasm loads
// lazily, when the element comes into view; if the page's Content-Security-Policy forbids
// WebAssembly (no 'wasm-unsafe-eval') the page stays exactly as it was and one console
// warning says why.
//
// Theming: custom properties --lbf-accent, --lbf-ink, --lbf-muted, --lbf-paper, --lbf-rule,
// --lbf-radius, --lbf-mark; parts: panel, search, status, facets, chip, time, quotes,
// speaker, quote, pill.

const STYLE = `
:host { display: block; --_accent: var(--lbf-accent, #b3261e); --_ink: var(--lbf-ink, #1b1b1b);
  --_muted: var(--lbf-muted, #555); --_paper: var(--lbf-paper, #fff); --_rule: var(--lbf-rule, #d0d0d0);
  --_radius: var(--lbf-radius, 4px); color: var(--_ink); font: inherit; }
:host([hidden]) { display: none; }
.panel { border: 1px solid var(--_rule); border-radius: var(--_radius); background: var(--_paper); padding: .75rem; display: grid; gap: .5rem; }
.row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
input[type=search] { flex: 1 1 12rem; font: inherit; padding: .35rem .5rem; border: 1px solid var(--_rule); border-radius: var(--_radius); color: var(--_ink); background: var(--_paper); }
select { font: inherit; padding: .3rem; border: 1px solid var(--_rule); border-radius: var(--_radius); color: var(--_ink); background: var(--_paper); }
.status { margin: 0; color: var(--_muted); font-size: .9em; }
.facets { display: grid; gap: .35rem; }
.facets .row { gap: .35rem; }
.kind { color: var(--_muted); font-size: .85em; font-weight: 600; }
button { font: inherit; cursor: pointer; }
.chip { border: 1px solid var(--_rule); border-radius: 999px; background: var(--_paper); color: var(--_ink); padding: .1rem .6rem; font-size: .9em; }
.chip[aria-pressed=true] { background: var(--_accent); border-color: var(--_accent); color: #fff; }
.chip:disabled { color: var(--_muted); cursor: default; }
button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, a:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
details summary { cursor: pointer; font-weight: 600; }
.speakers { display: flex; flex-wrap: wrap; gap: .35rem; margin: .5rem 0; }
ul.quotes { margin: 0; padding-left: 1.2rem; }
ul.quotes li { margin: .25rem 0; }
a { color: var(--_accent); }
.pill { justify-self: center; border: 0; border-radius: 999px; background: var(--_accent); color: #fff; padding: .25rem .9rem; }
.pill[hidden] { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** The page-level style for highlights (a Custom Highlight is styled from the document). */
const PAGE_STYLE = '::highlight(liveblog-filter) { background-color: var(--lbf-mark, #ffe58a); color: inherit; }';

const TIMES = [['', 'Any time'], ['60', 'Last hour'], ['180', 'Last 3 hours'], ['720', 'Last 12 hours']];
const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The start of a typed word that its inflections share ("reduc" of "reduced"); a short
 * word is its own. */
const stem = (w) => w.toLowerCase().slice(0, w.length <= 3 ? w.length : Math.max(3, w.length - 2));
/** The words of a query's quoted phrases ('"reduced service" ferries' → [['reduced',
 * 'service']]), and its other words. */
function queryWords(query) {
  const split = (t) => t.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const phrases = [...query.matchAll(/"([^"]*)"?/g)].map((m) => split(m[1])).filter((ws) => ws.length > 1);
  return { phrases, loose: split(query.replace(/"[^"]*"?/g, ' ')) };
}
/** What to highlight, each whole ("troop" not inside "troops"), in any case: each phrase as
 * a run of its words, and the matched spellings of the other words, longest first. A word
 * of a phrase is not marked alone unless the query also asks for it outside the phrase. */
function highlightPattern(words, query) {
  const { phrases, loose } = queryWords(query);
  const of = (typed, spelling) => typed.some((t) => spelling.toLowerCase().startsWith(stem(t)));
  const alone = [...words].filter((w) => !of(phrases.flat(), w) || of(loose, w));
  const runs = phrases.map((ws) => ws.map((w) => (w.length <= 3 ? escape(w) : `${escape(stem(w))}[\\p{L}\\p{N}]*`)).join('[^\\p{L}\\p{N}]+'));
  const parts = [...runs, ...alone.sort((a, b) => b.length - a.length).map(escape)];
  return parts.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu') : null;
}
/** The element's parameters in the address, each behind its prefix (see #param). */
const PARAMS = ['q', 'person', 'place', 'org', 'speaker', 'within'];
/** What the reader does first on a page: any of these starts the element. */
const WAKE_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll', 'focusin'];
const KINDS = [['people', 'person', 'People'], ['places', 'place', 'Places'], ['orgs', 'org', 'Organisations']];

let warned = false;
let pageStyled = false;

function warnOff(why, err) {
  if (!warned) console.warn(`liveblog-filter: the live blog filter is off: ${why}`, err);
  warned = true;
}

/** Whether this page may compile WebAssembly (its CSP may say no): an empty module. */
async function wasmAllowed() {
  try {
    await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return true;
  } catch (err) {
    warnOff('this page\'s Content-Security-Policy forbids WebAssembly (script-src needs \'wasm-unsafe-eval\')', err);
    return false;
  }
}

/**
 * Requests to worker.js, answered in order: `call(op, ...args)` resolves to the value or
 * rejects with an Error carrying the library's code. A worker that cannot start (or fails
 * to load) hands its requests, and all after them, to the same code on this thread.
 */
class Engine {
  #worker = null;
  #local = null;
  #next = 0;
  #waiting = new Map(); // request id → { message, ok, fail }
  #stopped = false;

  constructor() {
    try {
      this.#worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (event) => (event.data.failed ? this.#fallBack() : this.#settle(event.data));
      this.#worker.onerror = (event) => {
        event.preventDefault?.();
        this.#fallBack();
      };
    } catch {
      this.#fallBack();
    }
  }

  call(op, ...args) {
    const message = { id: ++this.#next, op, args };
    return new Promise((ok, fail) => {
      if (this.#stopped) return fail(stopped());
      this.#waiting.set(message.id, { message, ok, fail });
      if (this.#worker) this.#worker.postMessage(message);
      else this.#local?.then((local) => this.#settle(local.answer(message)), fail);
    });
  }

  /** Ends the worker: requests pending and later reject with an AbortError. */
  stop() {
    this.#stopped = true;
    this.#worker?.terminate();
    this.#worker = null;
    for (const { fail } of this.#waiting.values()) fail(stopped());
    this.#waiting.clear();
  }

  #settle({ id, value, error }) {
    const request = this.#waiting.get(id);
    if (!request) return;
    this.#waiting.delete(id);
    if (!error) return request.ok(value);
    const err = new Error(error.message);
    err.code = error.code;
    request.fail(err);
  }

  #fallBack() {
    if (this.#local) return;
    this.#worker?.terminate();
    this.#worker = null;
    // The requests the worker never answered; those made from now on are sent by call().
    const stranded = [...this.#waiting.values()].map((request) => request.message);
    this.#local = import('./worker.js').then(async (local) => {
      await local.ready();
      return local;
    });
    this.#local.then(
      (local) => { for (const message of stranded) this.#settle(local.answer(message)); },
      (err) => {
        warnOff('its WebAssembly could not load', err);
        for (const { fail } of this.#waiting.values()) fail(err);
        this.#waiting.clear();
      },
    );
  }
}

const stopped = () => new DOMException('the element was removed from the page', 'AbortError');

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class LiveBlogFilter extends HTMLElement {
  static observedAttributes = ['for'];

  #engine = null;
  #containers = []; // the elements `for` names
  #updates = []; // { id, anchor, timestamp } of each update, read with the blog
  #moments = null; // [updates, id → moment, newest]
  #speakers = []; // { name, quotes } of each speaker, read with the blog
  #said = new Map(); // speaker (null: all) → their quotes ({ text, updateId }) once asked for
  #applied = 0; // the latest search asked for; older answers are dropped
  #elements = new Map(); // update id → the page's element
  #twins = new Map(); // a pinned copy of a post's element → that element
  #known = new Set(); // update ids seen so far
  #fresh = new Set(); // ids that arrived since the reader last looked
  #chosen = { person: new Set(), place: new Set(), org: new Set() };
  #speaker = null;
  #chipsOf = null;
  #ui = null;
  #posts = new WeakMap(); // a post's element → its update id
  #observer = null;
  #records = []; // the page's changes not yet read
  #pending = 0;
  #work = Promise.resolve(); // changes are read one batch after another
  #recovering = false; // reading the blog again after the library restarted
  #recoveries = 0;
  #started = false;
  #waking = null; // { io, wake }: what starts the element, until it has started

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    // The element's box exists from the start (a block the width of its parent), so that it
    // can be seen coming into view before it has anything to show.
    this.#styled();
    // Lazily: load the wasm when the element or the blog it filters comes into view, when
    // the reader first touches, scrolls or types, or at once when the address carries a view
    // to restore (a shared filtered link must be filtered without a scroll).
    const wake = () => {
      this.#sleep();
      this.#start().catch((err) => this.#failed(err, 'could not start'));
    };
    if (this.#carriesView() || !('IntersectionObserver' in window)) return wake();
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) wake();
    });
    io.observe(this);
    for (const container of this.#named()) io.observe(container);
    for (const type of WAKE_EVENTS) addEventListener(type, wake, { capture: true, passive: true });
    this.#waking = { io, wake };
  }

  /** The elements the `for` attribute names, by ids separated by spaces. */
  #named() {
    return (this.getAttribute('for') ?? '').split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
  }

  /** Stops waiting for a reason to start. */
  #sleep() {
    if (!this.#waking) return;
    this.#waking.io.disconnect();
    for (const type of WAKE_EVENTS) removeEventListener(type, this.#waking.wake, true);
    this.#waking = null;
  }

  /** The prefix of the element's parameters in the address (`lbf-` unless its `param-prefix`
   * attribute says otherwise), so that the host page's own (`q`, a site search's) are never
   * touched. */
  #param(name) {
    return `${this.getAttribute('param-prefix') ?? 'lbf-'}${name}`;
  }

  /** Whether the address holds a view of this element to restore. */
  #carriesView() {
    const p = new URL(location.href).searchParams;
    return PARAMS.some((name) => p.has(this.#param(name)));
  }

  #styled() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (root.adoptedStyleSheets.length) return root;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
    return root;
  }

  disconnectedCallback() {
    this.#sleep();
    this.#observer?.disconnect();
    this.#engine?.stop();
    this.#engine = null;
    this.#started = false;
    for (const node of [...this.#elements.values(), ...this.#twins.keys()]) node.hidden = false;
    CSS.highlights?.delete('liveblog-filter');
  }

  async #start() {
    this.#containers = this.#named();
    if (!this.#containers.length) {
      console.warn(`liveblog-filter: no element with id "${this.getAttribute('for')}" to read`);
      return;
    }
    if (!(await wasmAllowed()) || !this.isConnected) return;
    this.#engine = new Engine();
    try {
      await this.#read(false);
    } catch (err) {
      this.#engine?.stop();
      this.#engine = null;
      this.#failed(err, 'could not read the live blog');
      return;
    }
    if (!this.isConnected) return;
    this.#render();
    await this.#restore();
    this.#observer = new MutationObserver((records) => {
      this.#records.push(...records);
      cancelAnimationFrame(this.#pending);
      this.#pending = requestAnimationFrame(() => {
        const records = this.#records.splice(0);
        this.#work = this.#work.then(() => this.#engine && this.#sync(records)).catch((err) => this.#failed(err, 'could not read the changed posts'));
      });
    });
    for (const container of this.#containers) this.#observer.observe(container, { childList: true, subtree: true, characterData: true });
  }

  /** A request that failed, unless the element was stopped. After an internal error the
   * library restarts and the blog it held is lost: the blog is read again (a few tries
   * while the library comes back) and the view applied to it; three times at most, so that
   * a page the library keeps failing on is not read over and over. */
  #failed(err, what) {
    if (err?.name === 'AbortError') return;
    console.warn(`liveblog-filter: ${what}`, err);
    if (err?.code !== 'LB_INTERNAL' || !this.#engine || this.#recovering || this.#recoveries >= 3) return;
    this.#recovering = true;
    this.#recoveries += 1;
    const again = async (wait) => {
      await new Promise((ok) => setTimeout(ok, wait));
      try {
        return await this.#read(false);
      } catch (e) {
        if (e?.code !== 'LB_INTERNAL' || wait > 1000) throw e;
        return again(wait * 4);
      }
    };
    this.#work = this.#work.then(async () => {
      if (!this.#engine) return;
      await again(50);
      this.#recovering = false;
      this.#said = new Map();
      this.#renderSpeakers();
      await this.#apply();
    }).catch((e) => this.#failed(e, 'could not read the live blog again'));
  }

  /** Reads the containers into a fresh blog (in the worker); resolves to the ids that are new. */
  async #read(announce) {
    // Only the posts the page shows: one its JSON-LD alone lists can be neither shown nor
    // highlighted, so it is neither counted nor offered.
    const { updates, speakers } = await this.#engine.call('read', this.#containers.map((c) => c.outerHTML).join(''), { url: document.URL, now: Date.now(), inPageOnly: true });
    this.#updates = updates;
    this.#speakers = speakers;
    this.#said = new Map();
    this.#elements.clear();
    this.#posts = new WeakMap();
    const arrived = [];
    for (const u of updates) {
      const node = this.#find(u.anchor);
      if (node) this.#place(u.id, node);
      if (!this.#known.has(u.id)) {
        this.#known.add(u.id);
        if (announce) arrived.push(u.id);
      }
    }
    this.#pair();
    return arrived;
  }

  #place(id, node) {
    this.#elements.set(id, node);
    this.#posts.set(node, id);
  }

  /**
   * Brings the blog up to date post by post: a post whose element left the page is
   * removed, an element added among the posts is read alone and appended, a post whose
   * element changed is read again (no more when only its time label ticked). Changes
   * outside the posts (a clock above them) and the element's own (`hidden`, highlights)
   * cost nothing. A list drawn anew, or more than 3 posts come and gone at once, is read
   * whole: each post appended or removed extracts the blog's names anew, so 4 cost more
   * than one read.
   */
  async #sync(records) {
    const engine = this.#engine;
    const added = new Set();
    const edited = new Set();
    for (const r of records) {
      let n = r.target;
      while (n && !this.#containers.includes(n) && !this.#posts.has(n) && !this.#twins.has(n)) n = n.parentNode;
      // An edit of a pinned copy is one of its post, read there.
      if (this.#posts.has(n)) edited.add(n);
      else if (!this.#twins.has(n)) for (const node of r.addedNodes) if (node.nodeType === 1) added.add(node);
    }
    const gone = [];
    for (const [id, node] of this.#elements) {
      if (node.isConnected) continue;
      gone.push(id);
      this.#elements.delete(id);
      this.#posts.delete(node);
      this.#fresh.delete(id);
    }
    this.#updates = this.#updates.filter((u) => !gone.includes(u.id));
    if (gone.length + added.size) this.#pair();
    const posts = [...this.#elements.values()];
    const arrived = [...added].filter((node) => node.isConnected && !this.#posts.has(node) && !this.#twins.has(node));
    let changed = gone.length + arrived.length > 0;
    if (gone.length + arrived.length > 3 || arrived.some((node) => posts.some((post) => node.contains(post)))) {
      for (const id of await this.#read(true)) this.#fresh.add(id);
    } else {
      const options = { url: document.URL, now: Date.now(), posts: true, inPageOnly: true };
      const take = (value) => {
        this.#speakers = value.speakers ?? this.#speakers;
        for (const u of value.updates) this.#updates = this.#updates.filter((v) => v.id !== u.id).concat(u);
      };
      for (const id of gone) take(await engine.call('remove', id));
      for (const node of arrived) {
        const value = await engine.call('append', node.outerHTML, options);
        take(value);
        for (const u of value.updates) {
          const at = value.updates.length === 1 ? node : this.#find(u.anchor);
          if (at) this.#place(u.id, at);
          this.#known.add(u.id);
          this.#fresh.add(u.id);
        }
      }
      for (const node of edited) {
        const id = this.#posts.get(node);
        const value = node.isConnected && this.#elements.get(id) === node && await engine.call('replace', id, node.outerHTML, options);
        if (value) take(value);
        changed ||= value;
      }
    }
    if (!changed) return;
    this.#said = new Map();
    this.#pair();
    this.#renderSpeakers();
    await this.#apply();
  }

  /** Pinned copies the reader folded into their posts: elements of a post's tag, in a named
   * container, with a post's text. */
  #pair() {
    const posts = new Set(this.#elements.values());
    const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
    const byText = new Map([...posts].map((node) => [text(node), node]));
    this.#twins = new Map();
    if (!posts.size) return;
    for (const c of this.#containers) {
      for (const node of c.querySelectorAll([...new Set([...posts].map((n) => n.localName))])) {
        if (!posts.has(node) && byText.has(text(node))) this.#twins.set(node, byText.get(text(node)));
      }
    }
  }

  /** The page element an anchor names: an id, or a path that starts at the container. */
  #find(anchor) {
    if (!anchor) return null;
    try {
      if (anchor.startsWith('#') || anchor.startsWith('[id=')) {
        const first = anchor.split(' > ')[0];
        const root = document.querySelector(first);
        const rest = anchor.slice(first.length + 3);
        return rest ? root?.querySelector(`:scope > ${rest}`) ?? null : root;
      }
      // A path from the container itself (it has no id): drop its own step.
      const rest = anchor.split(' > ').slice(1).join(' > ');
      const [container] = this.#containers;
      return rest ? container.querySelector(`:scope > ${rest}`) : container;
    } catch {
      return null;
    }
  }

  /** The pill counts the new posts the reader would see: those the filter shows. */
  #renderPill() {
    const pill = this.#ui.pill;
    const n = [...this.#fresh].filter((id) => this.#elements.get(id)?.hidden === false).length;
    pill.hidden = n === 0;
    pill.textContent = `${n} new update${n === 1 ? '' : 's'}`;
  }

  #render() {
    const root = this.#styled();
    if (!pageStyled && 'highlights' in CSS) {
      const page = new CSSStyleSheet();
      page.replaceSync(PAGE_STYLE);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
      pageStyled = true;
    }
    const panel = el('section', { class: 'panel', part: 'panel', 'aria-label': this.getAttribute('label') ?? 'Filter this live blog' });
    const label = el('label', { for: 'q', class: 'visually-hidden' }, 'Search the updates');
    const search = el('input', { id: 'q', type: 'search', part: 'search', placeholder: 'Search the updates', autocomplete: 'off' });
    const time = el('select', { part: 'time', 'aria-label': 'Time' });
    for (const [value, text] of TIMES) time.append(el('option', { value }, text));
    const status = el('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    const facets = el('div', { class: 'facets', part: 'facets', role: 'group', 'aria-label': 'Filter by who and what the updates name' });
    const pill = el('button', { type: 'button', class: 'pill', part: 'pill', hidden: '' });
    const quotes = el('details', { part: 'quotes' });
    const summary = el('summary', {}, 'Who said what');
    const speakers = el('div', { class: 'speakers', role: 'group', 'aria-label': 'Speakers' });
    const quoteList = el('ul', { class: 'quotes' });
    quotes.append(summary, speakers, quoteList);
    const row = el('div', { class: 'row' });
    row.append(label, search, time);
    panel.append(row, status, facets, pill, quotes);
    root.replaceChildren(panel);
    this.#ui = { search, time, status, facets, pill, quotes, speakers, quoteList };

    // Opened, the panel asks for every speaker's quotes, to list a chosen one's at once.
    quotes.addEventListener('toggle', () => quotes.open && this.#ask(null));
    search.addEventListener('input', () => this.#changed());
    time.addEventListener('change', () => this.#changed());
    pill.addEventListener('click', () => {
      const newest = [...this.#fresh].map((id) => this.#elements.get(id)).find((n) => n && !n.hidden);
      this.#fresh.clear();
      pill.hidden = true;
      newest?.scrollIntoView({ block: 'start' });
      newest?.focus?.({ preventScroll: true });
    });
    this.#renderSpeakers();
  }

  #changed() {
    this.#save();
    return this.#apply().catch((err) => this.#failed(err, 'could not search'));
  }

  async #apply() {
    const filters = {
      people: [...this.#chosen.person],
      places: [...this.#chosen.place],
      orgs: [...this.#chosen.org],
    };
    const query = this.#ui.search.value;
    const asked = ++this.#applied;
    // Every hit, to show and hide the page's own posts: no excerpts (the page has the text),
    // and the spellings of the matched words, to highlight them there.
    const results = await this.#engine.call('search', query, { limit: 100000, facetLimit: 8, filters, excerpts: false, words: true });
    if (asked !== this.#applied || !this.isConnected) return;
    // A page with no moment (a match's clock alone) offers no time filter.
    const time = this.#ui.time;
    time.hidden = !this.#updates.some((u) => u.timestamp);
    const within = time.hidden ? 0 : Number(time.value);
    // An untimed post takes the moment of the nearest older timed one (ids rise with age);
    // worked out once per reading.
    if (within && this.#moments?.[0] !== this.#updates) {
      const at = new Map();
      let last = 0;
      let newest = 0;
      for (const u of [...this.#updates].sort((a, b) => a.id.slice(1) - b.id.slice(1))) {
        newest = Math.max(newest, (last = Date.parse(u.timestamp) || last));
        at.set(u.id, last);
      }
      this.#moments = [this.#updates, at, newest];
    }
    const [, at, newest] = this.#moments ?? [];
    const recent = (u) => !within || at.get(u.id) >= newest - within * 60_000;
    const hits = new Set(results.hits.map((h) => h.updateId));
    const filtering = query.trim() !== '' || filters.people.length + filters.places.length + filters.orgs.length > 0 || within > 0;
    const ranges = [];
    let shown = 0;
    const words = results.words.length ? highlightPattern(results.words, query) : null;
    for (const u of this.#updates) {
      const node = this.#elements.get(u.id);
      if (!node) continue;
      const hit = hits.has(u.id);
      const show = !filtering || (hit && recent(u));
      if (node.hidden === show) node.hidden = !show;
      if (show) shown += 1;
      if (show && hit && words) this.#ranges(node, words, ranges);
    }
    for (const [copy, node] of this.#twins) {
      copy.hidden = node.hidden;
      if (!copy.hidden && words) this.#ranges(copy, words, ranges);
    }
    if ('highlights' in CSS) {
      if (ranges.length) {
        // One by one: a first letter may mark more words than a call takes arguments.
        const highlight = new Highlight();
        for (const range of ranges) highlight.add(range);
        CSS.highlights.set('liveblog-filter', highlight);
      } else {
        CSS.highlights.delete('liveblog-filter');
      }
    }
    const total = this.#updates.length;
    this.#ui.status.textContent = filtering ? `${shown} of ${total} updates match` : `${total} updates`;
    this.#renderFacets(results.facets);
    this.#renderPill();
  }

  /** Adds to `out` the ranges `pattern` matches in a page element's text nodes, one pass
   * each. */
  #ranges(node, pattern, out) {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const m of text.data.matchAll(pattern)) {
        const range = new Range();
        range.setStart(text, m.index);
        range.setEnd(text, m.index + m[0].length);
        out.push(range);
      }
    }
  }

  /** The chips of each kind in a group under its visible label. */
  #renderFacets(counts) {
    const groups = [];
    for (const [key, kind, label] of KINDS) {
      const chosen = this.#chosen[kind];
      const values = counts[key];
      for (const name of chosen) if (!values.some((v) => v.name === name)) values.push({ name, count: 0 });
      if (!values.length) continue;
      const group = el('div', { class: 'row', role: 'group', 'aria-label': label });
      // The group's name says it already: read once.
      group.append(el('span', { class: 'kind', 'aria-hidden': 'true' }, label));
      groups.push(group);
      for (const v of values) {
        const on = chosen.has(v.name);
        const b = el('button', { type: 'button', class: 'chip', part: 'chip', 'aria-pressed': String(on), 'data-kind': kind, title: `${label}: ${v.name}` }, `${v.name} (${v.count})`);
        if (!on && v.count === 0) b.disabled = true;
        b.addEventListener('click', () => {
          if (chosen.has(v.name)) chosen.delete(v.name);
          else chosen.add(v.name);
          // The chips are drawn anew with the results: keep the focus on this one.
          this.#changed().then(() => this.shadowRoot.querySelector(`.chip[data-kind="${kind}"][title="${CSS.escape(`${label}: ${v.name}`)}"]`)?.focus());
        });
        group.append(b);
      }
    }
    this.#ui.facets.replaceChildren(...groups);
  }

  #renderSpeakers() {
    // Built once per list, then pressed: a rebuild would take the focus from the chip.
    const key = JSON.stringify(this.#speakers.map((s) => [s.name, s.quotes]));
    if (this.#chipsOf !== key) {
      this.#chipsOf = key;
      this.#ui.speakers.replaceChildren(...this.#speakers.map((s) => {
        const b = el('button', { type: 'button', class: 'chip', part: 'speaker', 'aria-pressed': 'false' }, `${s.name} (${s.quotes})`);
        b.addEventListener('click', () => {
          this.#speaker = this.#speaker === s.name ? null : s.name;
          this.#renderSpeakers();
          this.#save();
        });
        return b;
      }));
    }
    this.#speakers.forEach((s, i) => {
      this.#ui.speakers.children[i].setAttribute('aria-pressed', String(s.name === this.#speaker));
    });
    if (this.#speaker && this.#ui.quotes.open) this.#ask(this.#speaker);
    const quotes = this.#said.get(this.#speaker) ?? [];
    this.#ui.quoteList.replaceChildren(...quotes.map((q) => {
      const li = el('li', { part: 'quote' });
      li.append(el('q', {}, q.text));
      const node = q.updateId && this.#elements.get(q.updateId);
      if (node?.id) {
        const a = el('a', { href: `#${node.id}` }, ' (to the update)');
        li.append(a);
      }
      return li;
    }));
  }

  /** Asks for the quotes of `speaker` (every speaker's when null) unless asked since the
   * posts last changed (they are not sent with each change: on a long blog, every quote
   * each time a post comes), and lists them when they come. */
  #ask(speaker) {
    const said = this.#said;
    if (!this.#engine || said.has(null) || said.has(speaker)) return;
    said.set(speaker);
    this.#engine.call('said', speaker).then((quotes) => {
      for (const [name, list] of Object.entries(quotes)) said.set(name, list);
      // Unless the posts changed meanwhile.
      if (said === this.#said) this.#renderSpeakers();
    }).catch((err) => this.#failed(err, 'could not read the quotes'));
  }

  /** Writes the view into the address (?lbf-q=&lbf-person=&…), leaving the host page's own
   * parameters as they are. */
  #save() {
    const url = new URL(location.href);
    const p = url.searchParams;
    for (const name of PARAMS) p.delete(this.#param(name));
    if (this.#ui.search.value) p.set(this.#param('q'), this.#ui.search.value);
    for (const kind of ['person', 'place', 'org']) for (const v of this.#chosen[kind]) p.append(this.#param(kind), v);
    if (this.#speaker) p.set(this.#param('speaker'), this.#speaker);
    if (this.#ui.time.value) p.set(this.#param('within'), this.#ui.time.value);
    history.replaceState(history.state, '', url);
  }

  /** Restores the view from the address, as a shared link gives it. */
  async #restore() {
    const p = new URL(location.href).searchParams;
    this.#ui.search.value = p.get(this.#param('q')) ?? '';
    for (const kind of ['person', 'place', 'org']) for (const v of p.getAll(this.#param(kind))) this.#chosen[kind].add(v);
    this.#speaker = p.get(this.#param('speaker'));
    const within = p.get(this.#param('within')) ?? '';
    if (TIMES.some(([v]) => v === within)) this.#ui.time.value = within;
    if (this.#speaker) this.shadowRoot.querySelector('details').open = true;
    this.#renderSpeakers();
    await this.#apply();
  }
}

if (!customElements.get('liveblog-filter')) customElements.define('liveblog-filter', LiveBlogFilter);
