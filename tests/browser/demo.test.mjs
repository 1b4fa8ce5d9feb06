// The demo page in a real browser: Debian's Chromium driven by playwright-core, the page
// served from www/ over HTTP with the built package in www/pkg.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const www = join(root, 'www');
const shots = join(import.meta.dirname, 'screenshots');

const web = site(www);

before(async () => {
  await mkdir(shots, { recursive: true });
});

async function openDemo() {
  const page = await web.browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(web.base);
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
  // Quotes are grouped under their speaker: one group, open, holding the one quote.
  const found = await page.$$eval('#quote-list details', (groups) => groups.map((g) => [g.open, g.querySelector('summary').textContent, [...g.querySelectorAll('li')].map((li) => li.textContent)]));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0].slice(0, 2), [true, 'Pieter Alsen (1)']);
  assert.equal(found[0][2].length, 1);
  assert.match(found[0][2][0], /^Every year someone thinks a photo is worth the risk\. It is not,/);
  assert.equal(await page.getAttribute('#quote-list a', 'href'), '#update-u3');
  await page.screenshot({ path: join(shots, 'quotes.png'), fullPage: false });
  assert.deepEqual(problems, []);
  await page.close();
});

test('facet chips show only the updates naming an entity', async () => {
  const { page, problems } = await openDemo();
  await page.waitForSelector('.chips button');
  const places = await page.$$eval('.facet-group', (groups) => groups.map((g) => [g.querySelector('h3').textContent, [...g.querySelectorAll('button')].map((b) => b.textContent)]));
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
  assert.deepEqual(await page.$$eval('h3.day:not([hidden])', (hs) => hs.map((h) => h.textContent)), ['March 14, 2023'], 'a day with no update shown loses its heading');
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
  assert.equal(await page.$$eval('h3.day:not([hidden])', (hs) => hs.length), 2);
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
  assert.equal(await page.textContent('#quote-list'), 'No quote matches.', 'no quotes: one line that says so');
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
  assert.match(await page.textContent('#overview .meta'), /read as html: The Guardian/);
  const headlines = await page.$$eval('article.update h3', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headlines, ['Bridge open to all traffic', 'Inspectors <img src=x onerror="window.pwned=1"> on site']);
  assert.deepEqual(await page.$$eval('article.update .badge', (bs) => bs.map((b) => b.textContent)), ['key event', 'pinned']);
  assert.equal(await page.$('#blog img'), null, 'markup in a post is never turned into elements');
  const jsonld = await readFile(join(root, 'tests', 'fixtures', 'forms', 'blog.jsonld'), 'utf8');
  await page.fill('#source', jsonld);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('3 updates and 1 quote'));
  assert.match(await page.textContent('#overview .meta'), /read as json-ld/);
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


// A longer blog (14 updates, 13 quotes by 8 speakers, names repeated across updates) served
// in place of the demo's short sample, so that facets and quotes take room.
const longBlog = await readFile(join(import.meta.dirname, 'fixtures', 'long-blog.txt'), 'utf8');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

async function openLong(viewport) {
  const phone = viewport.width < 500;
  const context = await web.browser.newContext({ viewport, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route('**/sample.txt', (route) => route.fulfill({ contentType: 'text/plain; charset=utf-8', body: longBlog }));
  await page.goto(web.base);
  await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('14 updates'));
  return { page, problems, context };
}

const shownIds = (page) => page.$$eval('article.update', (as) => as.filter((a) => !a.hidden).map((a) => a.dataset.updateId));
const chip = (page, name) => page.locator('#facet-groups').getByRole('button', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
/** The ids of the updates naming each entity, from the model (the package itself, in the
 * page), not from the demo's own filtering. */
const mentioning = (page, names) => page.evaluate(async (names) => {
  const { LiveBlog } = await import('./pkg/index.js');
  const blog = LiveBlog.from(document.querySelector('#source').value);
  const ids = Object.fromEntries(names.map((n) => [n, blog.updatesMentioning(n).map((u) => u.id)]));
  blog.free();
  return ids;
}, names);

test('after a search the first matching update is in view without a scroll, on a desktop and on a phone', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { page, problems, context } = await openLong(viewport);
    await page.fill('#update-search', 'Ostby');
    await page.waitForFunction(() => /^\d+ of 14 updates match\.$/.test(document.querySelector('#search-status').textContent));
    const first = await page.evaluate(() => {
      const article = [...document.querySelectorAll('article.update')].find((a) => !a.hidden);
      return {
        id: article.dataset.updateId,
        top: article.getBoundingClientRect().top,
        headlineBottom: article.querySelector('h3').getBoundingClientRect().bottom,
        marked: article.querySelectorAll('mark').length,
        scrollY: window.scrollY,
        height: window.innerHeight,
      };
    });
    await page.screenshot({ path: join(shots, `demo-search-${size}.png`) });
    assert.equal(first.scrollY, 0, size);
    assert.ok(first.top >= 0 && first.headlineBottom <= first.height, `${size}: the first match (${first.id}) spans ${first.top}–${first.headlineBottom} px, the window ${first.height} px`);
    assert.ok(first.marked > 0, `${size}: its words are highlighted`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('facet chips of two kinds combine: the updates naming both; of one kind: either', async () => {
  const { page, problems, context } = await openLong(DESKTOP);
  const ids = await mentioning(page, ['Hana Okafor', 'Deverell', 'Ostby']);
  const both = ids['Hana Okafor'].filter((id) => ids.Deverell.includes(id));
  assert.ok(both.length > 0 && both.length < Math.min(ids['Hana Okafor'].length, ids.Deverell.length), JSON.stringify(ids));
  await chip(page, 'Hana Okafor').click();
  assert.deepEqual(await shownIds(page), ids['Hana Okafor']);
  await chip(page, 'Deverell').click();
  assert.deepEqual(await shownIds(page), both);
  assert.equal(await chip(page, 'Hana Okafor').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip(page, 'Deverell').getAttribute('aria-pressed'), 'true');
  assert.match(await page.textContent('#search-status'), new RegExp(`^${both.length} of 14 updates match\\.$`));
  // Pressing a pressed chip lets it go, and only it.
  await chip(page, 'Hana Okafor').click();
  assert.equal(await chip(page, 'Hana Okafor').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await shownIds(page), ids.Deverell);
  // Places are alternatives to each other, as SearchFilters (and <liveblog-filter>) have them.
  await chip(page, 'Ostby').click();
  const either = (await page.$$eval('article.update', (as) => as.map((a) => a.dataset.updateId))).filter((id) => ids.Deverell.includes(id) || ids.Ostby.includes(id));
  assert.deepEqual(await shownIds(page), either);
  await chip(page, 'Deverell').click();
  await chip(page, 'Ostby').click();
  assert.equal((await shownIds(page)).length, 14);
  assert.deepEqual(problems, []);
  await context.close();
});

test('after a search each chip counts the updates shown that name it', async () => {
  const { page, problems, context } = await openLong(DESKTOP);
  const chipCounts = () => page.$$eval('#facet-groups .chips button', (bs) => bs.map((b) => b.textContent.match(/^(.*) \((\d+)\)$/)).map(([, name, n]) => [name, Number(n)]));
  const before = Object.fromEntries(await chipCounts());
  await page.fill('#update-search', 'Deverell');
  await page.waitForFunction(() => /^\d+ of 14 updates match\.$/.test(document.querySelector('#search-status').textContent));
  const shown = await shownIds(page);
  const after = await chipCounts();
  const ids = await mentioning(page, Object.keys(before));
  const expected = Object.keys(before)
    .map((name) => [name, ids[name].filter((id) => shown.includes(id)).length])
    .filter(([, n]) => n > 0);
  assert.deepEqual(Object.fromEntries(after), Object.fromEntries(expected));
  assert.ok(after.some(([name, n]) => n !== before[name]), 'the search changed some count');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quote panel groups quotes by speaker, most quoted first, the first three open', async () => {
  const { page, problems, context } = await openLong(DESKTOP);
  const groups = () => page.$$eval('#quote-list details', (ds) => ds.map((d) => [d.querySelector('summary').textContent, d.open, d.querySelectorAll('li').length]));
  const speakers = await page.$$eval('#speakers button', (bs) => bs.map((b) => b.textContent));
  const listed = await groups();
  assert.deepEqual(listed.map(([summary]) => summary), speakers);
  assert.deepEqual(listed.map(([, open]) => open), speakers.map((_, i) => i < 3));
  assert.equal(listed.reduce((sum, [, , n]) => sum + n, 0), 13, 'every quote once');
  // A speaker chosen further down the list: their group alone, open.
  await page.click(`#speakers button:text-is("${speakers[5]}")`);
  assert.deepEqual(await groups(), [[speakers[5], true, Number(speakers[5].match(/\((\d+)\)$/)[1])]]);
  assert.deepEqual(problems, []);
  await context.close();
});
