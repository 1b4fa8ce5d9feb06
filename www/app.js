// The demo page: parse what is in the text box and show the model. Every piece of text goes
// into the page through textContent; the one exception is search highlights, which the
// package returns as HTML it has escaped itself (only <mark> is markup).
import { LiveBlog } from './pkg/index.js';

const source = document.getElementById('source');
const status = document.getElementById('status');
const out = document.getElementById('blog');
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
/** The entity whose updates alone are shown, or null for all. */
let chosenEntity = null;

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

function render(blog) {
  const parts = [];
  if (blog.status) parts.push(el('span', `badge ${blog.status}`, blog.status));
  if (blog.title) parts.push(el('h2', 'blog-title', blog.title));
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
  // Ids rise with time (u1 is the earliest), whichever way the page lists its posts.
  const rank = (u) => Number(u.id.slice(1));
  const updates = sort.value === 'page' ? blog.updates
    : [...blog.updates].sort((a, b) => (sort.value === 'newest' ? rank(b) - rank(a) : rank(a) - rank(b)));
  for (const update of updates) {
    if (update.dayHeading) parts.push(el('h3', 'day', update.dayHeading));
    parts.push(renderUpdate(update));
  }
  if (blog.source) parts.push(el('p', 'source', blog.source));
  out.replaceChildren(...parts);
}

function renderQuotes() {
  if (!current) return;
  const filter = {};
  if (chosenSpeaker) filter.speaker = chosenSpeaker;
  if (quoteSearch.value.trim()) filter.words = quoteSearch.value;
  const quotes = Object.keys(filter).length ? current.quotes(filter) : current.quotes().filter((q) => !q.sameAs);
  quoteList.replaceChildren(...quotes.map((q) => {
    const item = el('li');
    item.append(el('q', null, q.text));
    if (q.speaker) item.append(' ', el('span', 'who', `— ${q.speaker.name}`));
    if (q.updateId) {
      const link = el('a', null, ` (update ${q.updateId})`);
      link.href = `#update-${q.updateId}`;
      item.append(link);
    }
    return item;
  }));
  if (quotes.length === 0) quoteList.append(el('li', null, 'No quote matches.'));
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

/** Shows the updates that the chosen entity and the search both allow, search matches
 * highlighted. */
function applyEntityFilter() {
  const mentioning = chosenEntity ? new Set(current.updatesMentioning(chosenEntity).map((u) => u.id)) : null;
  const query = updateSearch.value;
  const results = query.trim() ? current.search(query, { limit: 100000, facetLimit: 0 }) : null;
  const hits = results ? new Map(results.hits.map((h) => [h.updateId, h])) : null;
  const articles = [...out.querySelectorAll('article.update')];
  let shown = 0;
  for (const article of articles) {
    const id = article.dataset.updateId;
    const hit = hits?.get(id);
    article.hidden = (mentioning !== null && !mentioning.has(id)) || (hits !== null && !hit);
    shown += article.hidden ? 0 : 1;
    article.querySelector('p.excerpt')?.remove();
    const headline = article.querySelector('h3');
    // The package escapes the text and adds only <mark>; see SearchHit in index.d.ts.
    if (headline) {
      if (hit) headline.innerHTML = hit.headline;
      else headline.textContent = headline.dataset.text;
    }
    if (hit?.excerpt) {
      const excerpt = el('p', 'excerpt');
      excerpt.innerHTML = hit.excerpt;
      article.querySelector('p.meta').after(excerpt);
    }
  }
  const ignored = results?.warnings.length ? ` (ignored: ${results.warnings.join('; ')})` : '';
  searchStatus.textContent = results
    ? `${shown} of ${articles.length} updates match${ignored}.`
    : '';
}

function renderFacets() {
  const facets = current.facets();
  const groups = [['People', facets.people], ['Places', facets.places], ['Organisations', facets.orgs]];
  facetGroups.replaceChildren(...groups.filter(([, values]) => values.length).map(([label, values]) => {
    const group = el('div', 'facet-group');
    group.append(el('h4', null, label));
    const chips = el('div', 'chips');
    chips.setAttribute('role', 'group');
    chips.setAttribute('aria-label', label);
    for (const value of values.slice(0, 12)) {
      const button = el('button', null, `${value.name} (${value.updates})`);
      button.type = 'button';
      button.setAttribute('aria-pressed', String(value.name === chosenEntity));
      button.addEventListener('click', () => {
        chosenEntity = chosenEntity === value.name ? null : value.name;
        renderFacets();
        applyEntityFilter();
      });
      chips.append(button);
    }
    group.append(chips);
    return group;
  }));
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
      render(blog);
      if (!current.speakers().some((s) => s.name === chosenSpeaker)) chosenSpeaker = null;
      if (chosenEntity && !current.entity(chosenEntity)) chosenEntity = null;
      renderFacets();
      applyEntityFilter();
      renderSpeakers();
      renderQuotes();
      const quotes = blog.quotes.filter((q) => !q.sameAs).length;
      status.textContent = `${blog.updates.length} update${blog.updates.length === 1 ? '' : 's'} and ${quotes} quote${quotes === 1 ? '' : 's'} found in ${ms} ms.`;
    } catch (err) {
      out.replaceChildren();
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
updateSearch.addEventListener('input', applyEntityFilter);
sort.addEventListener('change', () => {
  render(current.toJSON());
  applyEntityFilter();
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
