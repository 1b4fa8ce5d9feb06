// The demo page: parse what is in the text box and show the model. The answer comes first:
// the search box and the updates it finds open the page (on a phone, before everything
// else); facets, the text box with what the parser found, and quotes stand beside them. Every
// piece of text goes into the page through textContent; the one exception is search
// highlights, which the package returns as HTML it has escaped itself (only <mark> is markup).
import { LiveBlog } from './pkg/index.js';

const source = document.getElementById('source');
const status = document.getElementById('status');
const out = document.getElementById('blog');
const overview = document.getElementById('overview');
const reset = document.getElementById('reset');
const speakersBox = document.getElementById('speakers');
const quoteSearch = document.getElementById('quote-search');
const quoteList = document.getElementById('quote-list');
const facetGroups = document.getElementById('facet-groups');
const updateSearch = document.getElementById('update-search');
const searchStatus = document.getElementById('search-status');
const sort = document.getElementById('sort');

/** The parsed blog in wasm memory, replaced (and freed) on every edit. */
let current = null;
let chosenSpeaker = null;
/** The chosen facet chips, as the package's `SearchFilters` takes them: values of one kind
 * are alternatives, kinds combine (as in <liveblog-filter>). */
const chosen = { people: new Set(), places: new Set(), orgs: new Set() };
const KINDS = [['people', 'People'], ['places', 'Places'], ['orgs', 'Organisations']];
/** Speakers whose quotes are open before the reader asks: the rest are one click away. */
const OPEN_SPEAKERS = 3;

/** Makes an element with a class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function renderImage(image) {
  const figure = el('figure');
  if (image.alt) figure.append(el('p', 'alt', image.alt));
  const caption = el('figcaption', null, image.caption ?? '');
  if (image.credit) caption.append(' ', el('span', 'credit', `[${image.credit}]`));
  figure.append(caption);
  return figure;
}

function renderUpdate(update) {
  const article = el('article', 'update');
  article.id = `update-${update.id}`;
  article.dataset.updateId = update.id;
  const line = el('p', 'meta');
  if (update.time) {
    const time = el('time', null, update.time);
    if (update.timestamp) time.dateTime = update.timestamp;
    line.append(time);
  }
  if (update.number !== null) line.append(el('span', 'update-id', `post ${update.number}`));
  line.append(el('span', 'update-id', update.id));
  if (update.keyEvent) line.append(el('span', 'badge', 'key event'));
  if (update.pinned) line.append(el('span', 'badge pinned', 'pinned'));
  article.append(line);
  if (update.headline) {
    const headline = el('h3', null, update.headline);
    headline.dataset.text = update.headline;
    article.append(headline);
  }
  for (const paragraph of update.paragraphs) article.append(el('p', null, paragraph));
  for (const image of update.images) article.append(renderImage(image));
  return article;
}

/** What the parser found about the blog as a whole, beside the text box. */
function renderOverview(blog) {
  const parts = [];
  if (blog.status) parts.push(el('span', `badge ${blog.status}`, blog.status));
  if (blog.title) parts.push(el('h3', 'blog-title', blog.title));
  if (blog.summary) parts.push(el('p', 'summary', blog.summary));
  const facts = [
    blog.date && `Date: ${blog.date}`,
    blog.order && (blog.order === 'newestFirst' ? 'Newest first' : 'Oldest first'),
    `${blog.updates.length} update${blog.updates.length === 1 ? '' : 's'}`,
    `read as ${blog.format}`,
  ].filter(Boolean);
  parts.push(el('p', 'meta', facts.join(' · ')));
  if (blog.header.length || blog.images.length) {
    const details = el('details', 'header-matter');
    details.append(el('summary', null, `Header (${blog.header.length} lines)`));
    for (const line of blog.header) details.append(el('p', null, line));
    for (const image of blog.images) details.append(renderImage(image));
    parts.push(details);
  }
  if (blog.warnings.length) {
    const list = el('ul', 'warnings');
    for (const w of blog.warnings) list.append(el('li', null, `${w.message}${w.line ? ` (line ${w.line})` : ''}`));
    parts.push(list);
  }
  if (blog.source) parts.push(el('p', 'source', blog.source));
  overview.replaceChildren(...parts);
}

/** The updates, under the search box. */
function renderUpdates(blog) {
  const parts = [];
  // Ids rise with time (u1 is the earliest), whichever way the page lists its posts.
  const rank = (u) => Number(u.id.slice(1));
  const updates = sort.value === 'page' ? blog.updates
    : [...blog.updates].sort((a, b) => (sort.value === 'newest' ? rank(b) - rank(a) : rank(a) - rank(b)));
  for (const update of updates) {
    if (update.dayHeading) parts.push(el('h3', 'day', update.dayHeading));
    parts.push(renderUpdate(update));
  }
  out.replaceChildren(...parts);
}

/** The quotes grouped by speaker, most quoted first (those with no speaker last); the first
 * few groups open, or every group when the reader has narrowed the list. */
function renderQuotes() {
  if (!current) return;
  const filter = {};
  if (chosenSpeaker) filter.speaker = chosenSpeaker;
  if (quoteSearch.value.trim()) filter.words = quoteSearch.value;
  const narrowed = Object.keys(filter).length > 0;
  const quotes = narrowed ? current.quotes(filter) : current.quotes().filter((q) => !q.sameAs);
  const bySpeaker = new Map();
  for (const q of quotes) {
    const name = q.speaker?.name ?? '';
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(q);
  }
  // Array sort is stable: speakers quoted as often keep the order the blog quotes them in.
  const groups = [...bySpeaker].sort(([a, qa], [b, qb]) => (a === '') - (b === '') || qb.length - qa.length);
  quoteList.replaceChildren(...groups.map(([name, said], i) => {
    const group = el('details', 'speaker-quotes');
    group.open = narrowed || i < OPEN_SPEAKERS;
    group.append(el('summary', null, `${name || 'No speaker named'} (${said.length})`));
    const list = el('ol');
    for (const q of said) {
      const item = el('li');
      item.append(el('q', null, q.text));
      if (q.updateId) {
        const link = el('a', null, ` (update ${q.updateId})`);
        link.href = `#update-${q.updateId}`;
        item.append(link);
      }
      list.append(item);
    }
    group.append(list);
    return group;
  }));
  if (quotes.length === 0) quoteList.append(el('p', null, 'No quote matches.'));
}

function renderSpeakers() {
  const buttons = current.speakers().map((s) => {
    const button = el('button', null, `${s.name} (${s.quotes})`);
    button.type = 'button';
    button.setAttribute('aria-pressed', String(s.name === chosenSpeaker));
    if (s.role) button.title = s.role;
    button.addEventListener('click', () => {
      chosenSpeaker = chosenSpeaker === s.name ? null : s.name;
      renderSpeakers();
      renderQuotes();
    });
    return button;
  });
  speakersBox.replaceChildren(...buttons);
}

/** Shows the updates that the search and the chosen chips allow, search matches
 * highlighted, and counts on the chips what the updates shown name. */
function applyFilters() {
  const query = updateSearch.value;
  const filters = { people: [...chosen.people], places: [...chosen.places], orgs: [...chosen.orgs] };
  const searching = query.trim() !== '';
  const filtering = searching || filters.people.length + filters.places.length + filters.orgs.length > 0;
  // Asked even when nothing filters: its facet counts are the chips'.
  const results = current.search(query, { limit: 100000, facetLimit: 12, filters, excerpts: searching });
  const hits = filtering ? new Map(results.hits.map((h) => [h.updateId, h])) : null;
  const articles = [...out.querySelectorAll('article.update')];
  let shown = 0;
  for (const article of articles) {
    const hit = hits?.get(article.dataset.updateId);
    article.hidden = hits !== null && !hit;
    shown += article.hidden ? 0 : 1;
    article.querySelector('p.excerpt')?.remove();
    const headline = article.querySelector('h3');
    // The package escapes the text and adds only <mark>; see SearchHit in index.d.ts.
    if (headline) {
      if (searching && hit) headline.innerHTML = hit.headline;
      else headline.textContent = headline.dataset.text;
    }
    if (searching && hit?.excerpt) {
      const excerpt = el('p', 'excerpt');
      excerpt.innerHTML = hit.excerpt;
      article.querySelector('p.meta').after(excerpt);
    }
  }
  // A day's heading goes with its updates.
  for (const day of out.querySelectorAll('h3.day')) {
    let next = day.nextElementSibling;
    while (next?.matches('article.update') && next.hidden) next = next.nextElementSibling;
    day.hidden = !next?.matches('article.update');
  }
  const ignored = results.warnings.length ? ` (ignored: ${results.warnings.join('; ')})` : '';
  searchStatus.textContent = filtering ? `${shown} of ${articles.length} updates match${ignored}.` : '';
  renderFacets(results.facets);
}

/** The chips of each kind under their label, counts from the search: how many of the
 * updates shown name each (in a kind with a chip chosen, counted as if that kind did not
 * filter, since its chips are alternatives). */
function renderFacets(counts) {
  const focused = document.activeElement?.closest('.chips button');
  const refocus = focused && [focused.dataset.kind, focused.dataset.name];
  facetGroups.replaceChildren(...KINDS.map(([kind, label]) => {
    const values = [...counts[kind]];
    for (const name of chosen[kind]) if (!values.some((v) => v.name === name)) values.push({ name, count: 0 });
    if (!values.length) return null;
    const group = el('div', 'facet-group');
    group.append(el('h3', null, label));
    const chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', label);
    for (const value of values) {
      const on = chosen[kind].has(value.name);
      const button = el('button', null, `${value.name} (${value.count})`);
      button.type = 'button';
      button.dataset.kind = kind;
      button.dataset.name = value.name;
      button.setAttribute('aria-pressed', String(on));
      button.disabled = !on && value.count === 0;
      button.addEventListener('click', () => {
        if (on) chosen[kind].delete(value.name);
        else chosen[kind].add(value.name);
        applyFilters();
      });
      chips.append(button);
    }
    group.append(chips);
    return group;
  }).filter(Boolean));
  // The chips are drawn anew with every answer: keep the focus on the one pressed.
  if (refocus) [...facetGroups.querySelectorAll('.chips button')].find((b) => b.dataset.kind === refocus[0] && b.dataset.name === refocus[1])?.focus();
}

let pending = 0;
function update() {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    const started = performance.now();
    try {
      // Text, a page's HTML, JSON-LD or a feed: told apart by how the input opens.
      const next = LiveBlog.from(source.value, { now: Date.now() });
      current?.free();
      current = next;
      const blog = current.toJSON();
      const ms = (performance.now() - started).toFixed(1);
      renderOverview(blog);
      renderUpdates(blog);
      if (!current.speakers().some((s) => s.name === chosenSpeaker)) chosenSpeaker = null;
      for (const names of Object.values(chosen)) for (const name of names) if (!current.entity(name)) names.delete(name);
      applyFilters();
      renderSpeakers();
      renderQuotes();
      const quotes = blog.quotes.filter((q) => !q.sameAs).length;
      status.textContent = `${blog.updates.length} update${blog.updates.length === 1 ? '' : 's'} and ${quotes} quote${quotes === 1 ? '' : 's'} found in ${ms} ms.`;
    } catch (err) {
      out.replaceChildren();
      overview.replaceChildren();
      status.textContent = `Could not read this input: ${err.message}`;
    }
  });
}

async function loadSample() {
  const response = await fetch(new URL('./sample.txt', import.meta.url));
  source.value = await response.text();
  update();
}

source.addEventListener('input', update);
quoteSearch.addEventListener('input', renderQuotes);
updateSearch.addEventListener('input', applyFilters);
sort.addEventListener('change', () => {
  renderUpdates(current.toJSON());
  applyFilters();
});
reset.addEventListener('click', loadSample);
source.addEventListener('dragover', (event) => {
  event.preventDefault();
  source.classList.add('dragging');
});
source.addEventListener('dragleave', () => source.classList.remove('dragging'));
source.addEventListener('drop', async (event) => {
  event.preventDefault();
  source.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  source.value = await file.text();
  update();
});

loadSample().catch((err) => {
  status.textContent = `Could not load the sample: ${err.message}`;
});
