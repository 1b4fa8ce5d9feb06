// <liveblog-filter> on a rendered page of each markup family (WordPress liveblog plugin,
// AMP amp-live-list, React with hashed classes, microdata only, table rows, ul/li, plain
// articles, JSON-LD only), in Chromium: the posts the page shows are found, a word only
// the newest post has filters to that post and is highlighted there; a screenshot each.
// The pages are printed by the markup renderer (tests/markup) from our own models:
// `cargo test --test rendered_pages pages_for_the_browser -- --ignored` writes them, with
// what each must give, to tests/browser/pages/ (the Makefile's test-browser runs it first).
// Served here with the element dropped in above the blog, `for` its container.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, launch } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const pages = join(import.meta.dirname, 'pages');
const shots = join(import.meta.dirname, 'screenshots');
const FAMILIES = ['wordpress', 'amp', 'react', 'microdata', 'table', 'list', 'articles', 'scriptonly'];
let server;
let browser;
let base;

/** The page of a family with the element above its blog: the blog's container (the first
 * <div> in <main>) gets an id for `for`. */
function withElement(name) {
  const html = readFileSync(join(pages, `${name}.html`), 'utf8');
  const main = html.indexOf('<main');
  const at = html.indexOf('<div', main);
  return html.slice(0, at).replace('</head>', '<script type="module" src="/pkg/element.js"></script>\n</head>')
    + '<liveblog-filter for="liveblog"></liveblog-filter>\n<div id="liveblog"' + html.slice(at + 4);
}

before(async () => {
  assert.ok(existsSync(join(pages, 'wordpress.html')), 'no pages: run `cargo test --test rendered_pages pages_for_the_browser -- --ignored` first');
  server = await serve(join(root, 'www'), {
    page: (path) => {
      const name = path.match(/^\/families\/(\w+)\.html$/)?.[1];
      return FAMILIES.includes(name) ? withElement(name) : undefined;
    },
  });
  base = server.base;
  browser = await launch();
  await mkdir(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const status = (page) => page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? null);

for (const name of FAMILIES) {
  test(`${name}: the posts are found, filtered and highlighted`, async () => {
    const want = JSON.parse(readFileSync(join(pages, `${name}.json`), 'utf8'));
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    // Nothing leaves the machine (an AMP page asks for the AMP runtime).
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('liveblog-filter')) problems.push(m.text()); });
    await page.goto(`${base}families/${name}.html`);
    await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent);
    assert.equal(await status(page), `${want.posts} updates`, 'the posts the page shows');
    if (want.posts > 0) {
      await page.fill('liveblog-filter >> input[type=search]', want.query);
      await page.waitForFunction(() => /^\d+ of/.test(document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent));
      assert.equal(await status(page), `1 of ${want.posts} updates match`);
      const shown = await page.$eval('#liveblog', (l) => l.innerText);
      assert.ok(shown.includes(want.firstWords), `the newest post is shown:\n${shown}`);
      assert.equal(await page.$$eval('#liveblog [hidden]', (h) => h.length), want.posts - 1, 'the others are hidden');
      const marked = await page.evaluate(() => [...(CSS.highlights.get('liveblog-filter') ?? [])].map((r) => [r.toString().toLowerCase(), r.startContainer.parentElement.closest('[hidden]') === null]));
      assert.ok(marked.length > 0, 'the word is highlighted');
      for (const [word, visible] of marked) {
        assert.equal(word, want.query);
        assert.ok(visible, 'only in shown posts');
      }
    }
    await page.screenshot({ path: join(shots, `element-${name}.png`), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
}
