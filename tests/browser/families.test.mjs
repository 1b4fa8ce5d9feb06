// <liveblog-filter> on a rendered page of each markup family (WordPress liveblog plugin,
// AMP amp-live-list, React with hashed classes, microdata only, table rows, ul/li, plain
// articles, JSON-LD only), in Chromium: the posts the page shows are found, a word only
// the newest post has filters to that post and is highlighted there; a screenshot each.
// The pages are printed by the markup renderer (tests/markup) from our own models:
// `cargo test --test rendered_pages pages_for_the_browser -- --ignored` writes them, with
// what each must give, to tests/browser/pages/ (the Makefile's test-browser runs it first).
// Served here with the element dropped in above the blog, `for` its container.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const pages = join(import.meta.dirname, 'pages');
const shots = join(import.meta.dirname, 'screenshots');
const FAMILIES = ['wordpress', 'amp', 'react', 'microdata', 'table', 'list', 'articles', 'scriptonly'];

/** The page of a family with the element above its blog: the blog's container (the first
 * <div> in <main>) gets an id for `for`. */
function withElement(name) {
  const html = readFileSync(join(pages, `${name}.html`), 'utf8');
  const main = html.indexOf('<main');
  const at = html.indexOf('<div', main);
  return html.slice(0, at).replace('</head>', '<script type="module" src="/pkg/element.js"></script>\n</head>')
    + '<liveblog-filter for="liveblog"></liveblog-filter>\n<div id="liveblog"' + html.slice(at + 4);
}

const web = site(join(root, 'www'), {
  page: (path) => {
    const name = path.match(/^\/families\/(\w+)\.html$/)?.[1];
    return FAMILIES.includes(name) ? withElement(name) : undefined;
  },
});

before(async () => {
  assert.ok(existsSync(join(pages, 'wordpress.html')), 'no pages: run `cargo test --test rendered_pages pages_for_the_browser -- --ignored` first');
  await mkdir(shots, { recursive: true });
});

// Every operation the element asks of its worker (test-only: the page's Worker is wrapped).
const COUNT = () => {
  window.sent = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.op) window.sent.push(message.op);
    return post.call(this, message, ...rest);
  };
};

const status = (page) => page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? null);

for (const name of FAMILIES) {
  test(`${name}: the posts are found, filtered and highlighted`, async () => {
    const want = JSON.parse(readFileSync(join(pages, `${name}.json`), 'utf8'));
    const context = await web.browser.newContext({ viewport: { width: 900, height: 700 } });
    // Nothing leaves the machine (an AMP page asks for the AMP runtime).
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('liveblog-filter')) problems.push(m.text()); });
    await page.goto(`${web.base}families/${name}.html`);
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

  test(`${name}: the newest post taken out and put back gives what reading the page gives`, { skip: name === 'scriptonly' && 'no post in the markup' }, async () => {
    const want = JSON.parse(readFileSync(join(pages, `${name}.json`), 'utf8'));
    const context = await web.browser.newContext();
    await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort());
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(COUNT);
    await page.goto(`${web.base}families/${name}.html`);
    const until = (text) => page.waitForFunction((t) => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent === t, text);
    const view = async () => {
      const seen = { chips: await page.evaluate(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=chip], [part=speaker]')].map((b) => b.textContent)) };
      await page.fill('liveblog-filter >> input[type=search]', want.query);
      await until(`1 of ${want.posts} updates match`);
      seen.shown = await page.$eval('#liveblog', (l) => l.innerText);
      await page.fill('liveblog-filter >> input[type=search]', '');
      await until(`${want.posts} updates`);
      // The time filter: the posts of the newest one's last hour.
      await page.selectOption('liveblog-filter >> select', '60');
      await page.waitForFunction(() => / of /.test(document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent));
      seen.lastHour = [await status(page), await page.$eval('#liveblog', (l) => l.innerText)];
      await page.selectOption('liveblog-filter >> select', '');
      await until(`${want.posts} updates`);
      return seen;
    };
    await until(`${want.posts} updates`);
    const read = await view();
    // The newest post: the one the query leaves shown among its hidden siblings.
    await page.fill('liveblog-filter >> input[type=search]', want.query);
    await until(`1 of ${want.posts} updates match`);
    await page.evaluate(() => {
      const sibling = document.querySelector('#liveblog [hidden]');
      window.newest = [...sibling.parentElement.children].find((c) => c.localName === sibling.localName && !c.hidden);
      window.next = window.newest.nextSibling;
      window.newest.remove();
    });
    await until(`0 of ${want.posts - 1} updates match`);
    await page.evaluate(() => window.next.parentNode.insertBefore(window.newest, window.next));
    await until(`1 of ${want.posts} updates match`);
    await page.fill('liveblog-filter >> input[type=search]', '');
    await until(`${want.posts} updates`);
    assert.deepEqual(await page.evaluate(() => window.sent.filter((op) => op !== 'search')), ['read', 'remove', 'append']);
    assert.deepEqual(await view(), read);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
