// <liveblog-filter> on our fictional news page (www/embed.html), in Debian's Chromium: the
// page's own posts filtered and highlighted, facet counts, quotes, new posts, deep links,
// accessibility (axe-core) on both pages, and the page left alone when a
// Content-Security-Policy forbids WebAssembly.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const www = join(root, 'www');
const shots = join(import.meta.dirname, 'screenshots');

const web = site(www, {
  rewriteHtml: (html, url) => {
    if (url.searchParams.has('nowasm')) html = html.replace(" 'wasm-unsafe-eval'", '');
    if (url.searchParams.has('far')) {
      html = html
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace('<liveblog-filter', '<div style="height:3000px"></div><liveblog-filter');
    }
    // ?pinned: above the element, outside the list's container, the page pins a copy of
    // its newest post (marked as the Guardian marks one) and a key post of its own; `for`
    // names both containers.
    if (url.searchParams.has('pinned')) {
      const newest = html.slice(html.indexOf('<article id="block-5"'), html.indexOf('<article id="block-4"'));
      html = html.replace('<liveblog-filter for="liveblog">', `<div id="pinned">${newest.replace('id="block-5"', 'id="pinned-post"')}<article id="key" class="block pinned-block"><h2 class="block-title">Key facts: the bridge in numbers</h2><div class="block-elements"><p>The Eastport bridge carries 40,000 vehicles a day across the harbour.</p></div></article></div><liveblog-filter for="pinned liveblog">`);
    }
    // ?jsonld: the blog's container carries JSON-LD that lists its five posts and two
    // older ones its markup no longer shows.
    if (url.searchParams.has('jsonld')) {
      const post = (h, t, body) => `{"@type": "BlogPosting", "headline": "${h}", "datePublished": "${t}", "articleBody": "${body}"}`;
      const listed = [...html.matchAll(/<article id="(block-\d)"[\s\S]*?datetime="([^"]+)"[\s\S]*?block-title">([^<]+)</g)].map(([, , t, h]) => post(h, t, ''));
      const older = [post('Storm closes the bridge', '2026-03-07T06:00:00Z', 'Harbour master Anton Vries shut the Eastport bridge as gusts reached 120km/h.'),
        post('Divers inspect the piers', '2026-03-08T10:00:00Z', 'Divers found scour around two piers, Anton Vries said.')];
      html = html.replace('<div id="liveblog" class="liveblog">', `<div id="liveblog" class="liveblog"><script type="application/ld+json">{"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Harbour bridge reopens after storm – live", "liveBlogUpdate": [${[...listed, ...older].join(', ')}]}</script>`);
    }
    return html;
  },
});

before(async () => {
  // ?nowasm: the same page under a policy without 'wasm-unsafe-eval'.
  // ?far: the element and the blog 3,000 px below the fold (a spacer the policy allows).
  await mkdir(shots, { recursive: true });
});

async function open(path, options = {}) {
  const context = await web.browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(web.base + path);
  return { page, problems, warnings, context };
}

const status = (page) => page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? null);
const visible = (page) => page.$$eval('#liveblog > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id));
const chips = (page) => page.evaluate(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=facets] button')].map((b) => [b.textContent, b.getAttribute('aria-pressed')]));

async function ready(page) {
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent);
}

test('typing filters the page’s own posts and highlights the words, leaving its markup alone', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  assert.equal(await status(page), '5 updates');
  const markup = await page.$eval('#liveblog', (l) => l.innerHTML);
  await page.fill('liveblog-filter >> input[type=search]', 'ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), ['block-4']);
  const marked = await page.evaluate(() => [...CSS.highlights.get('liveblog-filter')].map((r) => r.toString()));
  assert.deepEqual(marked, ['Ferries', 'ferries'], 'the headline and the body');
  assert.equal(await page.evaluate(() => location.search), '?lbf-q=ferries');
  await page.screenshot({ path: join(shots, 'element-search.png'), fullPage: true });
  // Clearing the box shows everything again; the publisher's markup is as it was.
  await page.fill('liveblog-filter >> input[type=search]', '');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '5 updates');
  assert.equal(await page.$eval('#liveblog', (l) => l.innerHTML), markup);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every spelling of a matched word is highlighted where it stands whole, and only there', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.fill('liveblog-filter >> input[type=search]', 'crew ');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('2 of'));
  assert.deepEqual(await visible(page), ['block-5', 'block-3']);
  // "crews" twice and "crew" once, each once: "crew" is not marked again inside "crews".
  const marked = await page.evaluate(() => [...CSS.highlights.get('liveblog-filter')].map((r) => `${r.startContainer.parentElement.closest('article').id}:${r}`));
  assert.deepEqual(marked.sort(), ['block-3:Crews', 'block-5:crew', 'block-5:crews']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a phrase is highlighted as a run of its words, never its words alone elsewhere', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.fill('liveblog-filter >> input[type=search]', '"reduced service"');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), ['block-4']);
  // The body's "a reduced timetable" holds one of the words, not the phrase.
  const marked = await page.evaluate(() => [...CSS.highlights.get('liveblog-filter')].map((r) => r.toString()));
  assert.deepEqual(marked, ['reduced service']);
  // A word asked for outside the phrase too is marked alone as well.
  await page.fill('liveblog-filter >> input[type=search]', '"reduced service" timetable');
  await page.waitForFunction(() => [...(CSS.highlights.get('liveblog-filter') ?? [])].length === 2);
  assert.deepEqual(await page.evaluate(() => [...CSS.highlights.get('liveblog-filter')].map((r) => r.toString())), ['reduced service', 'timetable']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a facet chip filters by who is named, and every chip says how many would remain', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  const before = await chips(page);
  const mira = before.find(([t]) => t.startsWith('Mira Kovac'));
  assert.ok(mira, JSON.stringify(before));
  assert.equal(mira[1], 'false');
  await page.click('liveblog-filter >> button[part=chip][title="People: Mira Kovac"]');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('2 of'));
  assert.deepEqual(await visible(page), ['block-5', 'block-2']);
  const after = await chips(page);
  assert.deepEqual(after.find(([t]) => t.startsWith('Mira Kovac')), ['Mira Kovac (2)', 'true']);
  assert.notDeepEqual(after, before, 'counts follow the choice');
  assert.match(await page.evaluate(() => location.search), /^\?lbf-person=Mira\+Kovac$/);
  // Keyboard: the chip keeps focus and Space toggles it off again.
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '5 updates');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the chips of people, places and organisations stand in a labelled group each', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  const groups = await page.evaluate(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=facets] [role=group]')].map((g) => ({
    name: g.getAttribute('aria-label'),
    label: g.querySelector('.kind')?.textContent,
    labelShown: (g.querySelector('.kind')?.getBoundingClientRect().width ?? 0) > 0,
    chips: [...g.querySelectorAll('button')].map((b) => [b.dataset.kind, b.title]),
  })));
  // A kind the page names nothing of has no group; the others keep this order.
  const kinds = { People: 'person', Places: 'place', Organisations: 'org' };
  assert.deepEqual(groups.map((g) => g.name), Object.keys(kinds).filter((k) => groups.some((g) => g.name === k)));
  assert.ok(groups.length >= 2, JSON.stringify(groups));
  for (const g of groups) {
    assert.equal(g.label, g.name, 'a visible label says the kind');
    assert.ok(g.labelShown, `${g.name}: the label is shown`);
    assert.ok(g.chips.length > 0, g.name);
    for (const [kind, title] of g.chips) {
      assert.equal(kind, kinds[g.name], `${title} in ${g.name}`);
      assert.ok(title.startsWith(`${g.name}: `), `${title} in ${g.name}`);
    }
  }
  // Every chip is in one of the groups.
  assert.equal(groups.flatMap((g) => g.chips).length, (await chips(page)).length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quote panel lists speakers and their quotes, each linked to its post', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.click('liveblog-filter >> summary');
  await page.click('liveblog-filter >> button[part=speaker]:has-text("Mira Kovac")');
  const quotes = await page.evaluate(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=quote]')].map((li) => [li.querySelector('q').textContent, li.querySelector('a')?.getAttribute('href')]));
  assert.deepEqual(quotes, [['We are proud of every crew that worked through the nights,', '#block-5']]);
  assert.match(await page.evaluate(() => location.search), /speaker=Mira\+Kovac/);
  // The pressed chip is the same element, still focused: Space releases it from the keyboard.
  const pressed = () => page.evaluate(() => {
    const root = document.querySelector('liveblog-filter').shadowRoot;
    return [root.activeElement?.textContent, root.activeElement?.getAttribute('aria-pressed')];
  });
  assert.deepEqual(await pressed(), [(await pressed())[0], 'true']);
  assert.match((await pressed())[0], /^Mira Kovac/);
  await page.keyboard.press('Space');
  assert.deepEqual((await pressed())[1], 'false');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a quote that a headline echoes from its post is listed, and counted, once', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.click('#simulate');
  await page.click('#simulate'); // "‘This city owes them’, says mayor" over the mayor's words
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '7 updates');
  await page.click('liveblog-filter >> summary');
  await page.click('liveblog-filter >> button[part=speaker]:has-text("Jonas Feld")');
  const listed = await page.evaluate(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=quote] q')].map((q) => q.textContent));
  assert.deepEqual(listed, ['This city owes them,']);
  assert.match(await page.textContent('liveblog-filter >> button[part=speaker]:has-text("Jonas Feld")'), /\(1\)$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a post appended by the page is indexed, and a pill says so instead of moving the page', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.fill('liveblog-filter >> input[type=search]', 'queues');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('0 of'));
  const scroll = await page.evaluate(() => window.scrollY);
  await page.click('#simulate');
  await page.waitForFunction(() => !document.querySelector('liveblog-filter').shadowRoot.querySelector('[part=pill]').hidden);
  assert.equal(await page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[part=pill]').textContent), '1 new update');
  assert.equal(await status(page), '1 of 6 updates match');
  assert.deepEqual(await visible(page), ['block-6']);
  assert.equal(await page.evaluate(() => window.scrollY), scroll);
  await page.screenshot({ path: join(shots, 'element-new-post.png'), fullPage: true });
  await page.click('liveblog-filter >> [part=pill]');
  assert.equal(await page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[part=pill]').hidden), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link restores the view after a reload', async () => {
  const { page, problems, context } = await open('embed.html?lbf-q=bridge&lbf-person=Mira+Kovac');
  await ready(page);
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.includes('of'));
  assert.equal(await page.inputValue('liveblog-filter >> input[type=search]'), 'bridge');
  assert.deepEqual(await visible(page), ['block-5', 'block-2']);
  await page.reload();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.includes('of'));
  assert.deepEqual(await visible(page), ['block-5', 'block-2']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a shared link far below the fold is filtered without a scroll', async () => {
  const { page, problems, context } = await open('embed.html?far&lbf-q=ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent.startsWith('1 of'));
  assert.equal(await page.evaluate(() => window.scrollY), 0);
  assert.deepEqual(await visible(page), ['block-4']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('scrollIntoView starts an element far below the fold, and nothing before it does', async () => {
  const { page, problems, context } = await open('embed.html?far');
  await page.waitForTimeout(300);
  assert.equal(await status(page), null, 'not started while out of view and untouched');
  await page.evaluate(() => document.querySelector('liveblog-filter').scrollIntoView());
  await ready(page);
  assert.equal(await status(page), '5 updates');
  assert.deepEqual(problems, []);
  await context.close();
});

test('posts pinned outside the list’s container are filtered with it, a pinned copy with its post', async () => {
  const { page, problems, context } = await open('embed.html?pinned');
  await ready(page);
  const pinned = () => page.$$eval('#pinned > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id));
  assert.deepEqual(await pinned(), ['pinned-post', 'key']);
  // The copy is read as the post it copies (6 posts, not 7); the key post is one of its own.
  assert.equal(await status(page), '6 updates');
  await page.fill('liveblog-filter >> input[type=search]', 'ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), ['block-4']);
  assert.deepEqual(await pinned(), [], 'neither pinned post matches: both hidden');
  await page.fill('liveblog-filter >> input[type=search]', 'lorries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), ['block-5']);
  assert.deepEqual(await pinned(), ['pinned-post'], 'the copy shows with its post');
  const marked = await page.evaluate(() => [...CSS.highlights.get('liveblog-filter')].map((r) => `${r.startContainer.parentElement.closest('article').id}:${r}`));
  assert.deepEqual(marked.sort(), ['block-5:lorries', 'pinned-post:lorries']);
  await page.fill('liveblog-filter >> input[type=search]', 'vehicles');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), []);
  assert.deepEqual(await pinned(), ['key']);
  await page.fill('liveblog-filter >> input[type=search]', '');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '6 updates');
  assert.deepEqual(await pinned(), ['pinned-post', 'key']);
  await page.screenshot({ path: join(shots, 'element-pinned.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the host page’s own parameters survive filtering and clearing the filter', async () => {
  const { page, problems, context } = await open('embed.html?q=site-search&page=2');
  await ready(page);
  assert.equal(await page.inputValue('liveblog-filter >> input[type=search]'), '', 'the host’s q is not the filter’s');
  await page.fill('liveblog-filter >> input[type=search]', 'ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.equal(await page.evaluate(() => location.search), '?q=site-search&page=2&lbf-q=ferries');
  await page.fill('liveblog-filter >> input[type=search]', '');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '5 updates');
  assert.equal(await page.evaluate(() => location.search), '?q=site-search&page=2');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the new-updates pill counts only the new posts the filter shows', async () => {
  const { page, problems, context } = await open('embed.html');
  await ready(page);
  await page.fill('liveblog-filter >> input[type=search]', 'ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  await page.click('#simulate'); // a post about queues: the filter hides it
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '1 of 6 updates match');
  assert.equal(await page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[part=pill]').hidden), true);
  await page.fill('liveblog-filter >> input[type=search]', '');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent === '6 updates');
  assert.equal(await page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[part=pill]').textContent), '1 new update');
  assert.deepEqual(problems, []);
  await context.close();
});

test('posts only the page’s JSON-LD lists, which the page cannot show, are neither counted nor offered', async () => {
  const { page, problems, context } = await open('embed.html?jsonld');
  await ready(page);
  assert.equal(await status(page), '5 updates');
  assert.ok(!(await chips(page)).some(([t]) => t.startsWith('Anton Vries')), JSON.stringify(await chips(page)));
  await page.fill('liveblog-filter >> input[type=search]', 'divers');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('0 of'));
  assert.equal(await status(page), '0 of 5 updates match');
  await page.fill('liveblog-filter >> input[type=search]', 'ferries');
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.startsWith('1 of'));
  assert.deepEqual(await visible(page), ['block-4']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('axe-core finds no accessibility violations on the embedding page or the demo', async () => {
  const axe = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const path of ['embed.html', '']) {
    const { page, problems, context } = await open(path, { bypassCSP: true });
    if (path) {
      await ready(page);
      await page.click('liveblog-filter >> summary');
    } else {
      await page.waitForSelector('article.update');
    }
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], path || 'demo');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('under a policy without wasm-unsafe-eval the page stays as it was, with one warning', async () => {
  const { page, problems, warnings, context } = await open('embed.html?nowasm');
  const markup = await page.$eval('#liveblog', (l) => l.outerHTML);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm')) || document.readyState === 'complete');
  await page.waitForTimeout(1000);
  // Nothing shown: the element is an empty block (its box is there from the start).
  assert.deepEqual(await page.evaluate(() => { const f = document.querySelector('liveblog-filter'); return [f.shadowRoot?.childElementCount ?? 0, f.getBoundingClientRect().height]; }), [0, 0]);
  assert.equal(await page.$eval('#liveblog', (l) => l.outerHTML), markup);
  assert.deepEqual(await visible(page), ['block-5', 'block-4', 'block-3', 'block-2', 'block-1']);
  assert.deepEqual(problems.filter((p) => !/Content Security Policy|wasm-unsafe-eval|WebAssembly/.test(p)), [], 'no uncaught error');
  assert.equal(warnings.filter((w) => w.startsWith('liveblog-filter:')).length, 1, warnings.join('\n'));
  await context.close();
});
