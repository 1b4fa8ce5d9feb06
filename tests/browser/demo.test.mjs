// The demo page in a real browser: Debian's Chromium driven by playwright-core, the page
// served from www/ over HTTP with the built package in www/pkg.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const www = join(root, 'www');
const shots = join(import.meta.dirname, 'screenshots');
let server;
let browser;
let base;

before(async () => {
  server = await serve(www);
  base = server.base;
  browser = await launch();
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function openDemo() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(base);
  await page.waitForSelector('article.update');
  return { page, problems };
}

test('the demo opens on its sample and shows every part of the model', async () => {
  const { page, problems } = await openDemo();
  assert.match(await page.textContent('#status'), /^5 updates and 3 quotes found in [\d.]+ ms\.$/);
  assert.equal(await page.textContent('.blog-title'), 'Storm Alda: ferries cancelled and thousands without power as gales hit the coast – live');
  const headlines = await page.$$eval('article.update h3', (hs) => hs.map((h) => h.textContent));
  assert.equal(headlines[0], 'Power restored to half of the homes cut off');
  assert.equal(headlines.length, 5);
  assert.equal(await page.getAttribute('article.update time', 'datetime'), '2023-03-14T16:40:00');
  assert.deepEqual(await page.$$eval('h3.day', (hs) => hs.map((h) => h.textContent)), ['March 14, 2023', 'March 13, 2023']);
  assert.match(await page.textContent('article.update figure'), /Engineers repair a fallen power line near Kellby.*\[Tomas Reid\/Northline Energy\]/);
  assert.equal(await page.textContent('.badge'), 'live');
  await page.screenshot({ path: join(shots, 'demo.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');
  await page.close();
});

test('the quote panel lists speakers, filters by speaker and finds quotes by words', async () => {
  const { page, problems } = await openDemo();
  await page.waitForSelector('#speakers button');
  const speakers = await page.$$eval('#speakers button', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(speakers, ['Pieter Alsen (2)', 'Ines Varga (1)']);
  await page.click('#speakers button:first-child');
  assert.equal(await page.getAttribute('#speakers button:first-child', 'aria-pressed'), 'true');
  const alsen = await page.$$eval('#quote-list q', (qs) => qs.map((q) => q.textContent));
  assert.equal(alsen.length, 2);
  await page.click('#speakers button:first-child');
  await page.fill('#quote-search', 'worht the risk');
  const found = await page.$$eval('#quote-list li', (items) => items.map((li) => li.textContent));
  assert.equal(found.length, 1);
  assert.match(found[0], /Every year someone thinks a photo is worth the risk\. It is not,.*Pieter Alsen/);
  assert.equal(await page.getAttribute('#quote-list a', 'href'), '#update-u3');
  await page.screenshot({ path: join(shots, 'quotes.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('facet chips show only the updates naming an entity', async () => {
  const { page, problems } = await openDemo();
  await page.waitForSelector('.chips button');
  const places = await page.$$eval('.facet-group', (groups) => groups.map((g) => [g.querySelector('h4').textContent, [...g.querySelectorAll('button')].map((b) => b.textContent)]));
  assert.deepEqual(places.find(([label]) => label === 'Places'), ['Places', ['Kellby (1)']]);
  await page.click('text=Kellby (1)');
  assert.equal(await page.getAttribute('text=Kellby (1)', 'aria-pressed'), 'true');
  const visible = await page.$$eval('article.update', (as) => as.filter((a) => !a.hidden).map((a) => a.dataset.updateId));
  assert.deepEqual(visible, ['u5']);
  await page.screenshot({ path: join(shots, 'facets.png'), fullPage: false });
  await page.click('text=Kellby (1)');
  assert.equal(await page.$$eval('article.update', (as) => as.filter((a) => !a.hidden).length), 5);
  assert.deepEqual(problems, []);
  await page.close();
});

test('search shows the matching updates with their words highlighted', async () => {
  const { page, problems } = await openDemo();
  await page.fill('#update-search', 'power restored ');
  assert.equal(await page.textContent('#search-status'), '1 of 5 updates match.');
  const visible = () => page.$$eval('article.update', (as) => as.filter((a) => !a.hidden).map((a) => a.dataset.updateId));
  assert.deepEqual(await visible(), ['u5']);
  assert.deepEqual(await page.$$eval('article.update:not([hidden]) h3 mark', (ms) => ms.map((m) => m.textContent)), ['Power', 'restored']);
  assert.match(await page.textContent('article.update:not([hidden]) p.excerpt'), /power has been restored/);
  await page.screenshot({ path: join(shots, 'search.png'), fullPage: false });
  // A misspelt name, a field, and a query with something to ignore.
  await page.fill('#update-search', 'Vagra');
  assert.deepEqual(await visible(), ['u5']);
  await page.fill('#update-search', 'has:quote');
  assert.deepEqual(await visible(), ['u5', 'u3']);
  await page.fill('#update-search', 'colour:red');
  assert.match(await page.textContent('#search-status'), /ignored: colour: is not a field/);
  await page.fill('#update-search', '');
  assert.deepEqual((await visible()).length, 5);
  assert.equal(await page.$('article.update mark'), null);
  assert.equal(await page.textContent('#search-status'), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('typing a new live blog re-renders it, as text only', async () => {
  const { page, problems } = await openDemo();
  await page.fill('#source', [
    'Vote count – live', '',
    'Counting continues in all twelve districts, officials said.', '',
    '23:10 BST – North: <img src=x onerror="window.pwned=1"> turnout tops 60%', '',
    'Turnout was the highest since 1992.', '',
    '22:45 BST – South: First result declared', '',
    'The first seat was declared at 22:40.',
  ].join('\n'));
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('2 updates'));
  assert.equal(await page.$$eval('#quote-list li', (items) => items.length), 1, 'no quotes: one “No quote matches.” line');
  const headlines = await page.$$eval('article.update h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headlines, ['North: <img src=x onerror="window.pwned=1"> turnout tops 60%', 'South: First result declared']);
  assert.equal(await page.$('#blog img'), null, 'markup in the text is never turned into elements');
  await page.fill('#update-search', 'turnout src');
  assert.equal(await page.textContent('#search-status'), '1 of 2 updates match.');
  assert.ok(await page.$('article.update h3 mark'), 'search highlights the headline');
  assert.equal(await page.$('#blog img'), null, 'nor by search highlights');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.fill('#update-search', '');
  await page.click('#reset');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('5 updates'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('pasted page HTML and JSON-LD are read as the page publishes them, markup never run', async () => {
  const { page, problems } = await openDemo();
  const html = await readFile(join(root, 'tests', 'fixtures', 'html', 'guardian.html'), 'utf8');
  // The page's own markup carries a payload in a post; it must stay text.
  await page.fill('#source', html.replace('Inspectors on site', 'Inspectors &lt;img src=x onerror="window.pwned=1"&gt; on site'));
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('3 updates'));
  assert.match(await page.textContent('#blog .meta'), /read as html: The Guardian/);
  const headlines = await page.$$eval('article.update h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headlines, ['Bridge open to all traffic', 'Inspectors <img src=x onerror="window.pwned=1"> on site']);
  assert.deepEqual(await page.$$eval('article.update .badge', (bs) => bs.map((b) => b.textContent)), ['key event', 'pinned']);
  assert.equal(await page.$('#blog img'), null, 'markup in a post is never turned into elements');
  const jsonld = await readFile(join(root, 'tests', 'fixtures', 'forms', 'blog.jsonld'), 'utf8');
  await page.fill('#source', jsonld);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('3 updates and 1 quote'));
  assert.match(await page.textContent('#blog .meta'), /read as json-ld/);
  await page.screenshot({ path: join(shots, 'demo-html-input.png'), fullPage: true });
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(problems, []);
  await page.close();
});


test('after a trap inside the wasm the page reports it and works again once restarted', async () => {
  const { page, problems } = await openDemo();
  // Wreck the instance's memory from outside, as only a bug inside could.
  await page.evaluate(async () => {
    const raw = await import('./pkg/liveblog_index.js');
    new Uint8Array(raw.initSync({ module: new Uint8Array() }).memory.buffer).fill(0xff);
  });
  await page.fill('#source', 'Harbour – live\n\nThe council met.\n\n10:05 Cranes arrive\n\nTwo cranes came.\n\n9:30 Road closed\n\nThe road is shut.\n');
  await page.waitForFunction(() => /LB_INTERNAL/.test(document.querySelector('#status').textContent));
  await page.waitForTimeout(500);
  await page.fill('#source', 'Harbour – live\n\nThe council met.\n\n10:05 Cranes arrive\n\nTwo cranes came.\n\n9:30 Road closed\n\nThe road is shut.\n\n');
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('2 updates'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the updates can be listed newest or oldest first', async () => {
  const { page, problems } = await openDemo();
  const ids = () => page.$$eval('article.update', (as) => as.map((a) => a.dataset.updateId));
  const asListed = await ids();
  await page.selectOption('#sort', 'oldest');
  assert.deepEqual(await ids(), ['u1', 'u2', 'u3', 'u4', 'u5']);
  await page.selectOption('#sort', 'newest');
  assert.deepEqual(await ids(), ['u5', 'u4', 'u3', 'u2', 'u1']);
  await page.selectOption('#sort', 'page');
  assert.deepEqual(await ids(), asListed);
  assert.deepEqual(problems, []);
  await page.close();
});

