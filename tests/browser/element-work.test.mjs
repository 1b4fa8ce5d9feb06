// <liveblog-filter> does only new work (issue 25): on a 2,000-post page whose labels tick,
// no mutation makes it read the blog again, and a new, edited or removed post costs that
// post's HTML. What the element gives its worker is counted by wrapping
// Worker.prototype.postMessage in the page (test-only: the element has no counter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');

const NAMES = ['Mira Kovac', 'Jonas Feld', 'Ola Brandt', 'Petra Lind'];
// Two speakers whose surnames are a letter apart (a look-up by either name finds both),
// quoted in turns.
const TWINS = ['Anna Petersen', 'Anna Pedersen'];
const PLACES = ['Eastport', 'Northmere', 'Westhaven', 'Southbay'];

/** Post `i` of the page, newest first, each with a quote of its own; the newest one's time
 * is a label the page ticks ("N seconds ago"). */
function post(i, newest, names = NAMES) {
  const at = new Date(Date.UTC(2026, 2, 14, 0, 0) + i * 30_000);
  const name = names[i % names.length];
  return `<article id="post-${i}" class="post"><time datetime="${at.toISOString()}">${newest ? '0 seconds ago' : `${at.toISOString().slice(11, 16)} GMT`}</time>`
    + `<h2>Harbour works, stage ${i}</h2><p>Crews in ${PLACES[i % PLACES.length]} finished section ${i} of the quay wall overnight, ${name} told reporters.</p>`
    + `<p>“Berth ${i} is on schedule,” ${name.split(' ')[1]} said of the work.</p></article>`;
}

/** A page of `n` posts with a clock in the blog's header that ticks too. */
function bigPage(n, names = NAMES) {
  const posts = [];
  for (let i = n; i >= 1; i -= 1) posts.push(post(i, i === n, names));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour works – live</title>
<script type="module" src="pkg/element.js"></script></head><body><main><h1>Harbour works – live</h1>
<liveblog-filter for="liveblog"></liveblog-filter>
<div id="liveblog"><p class="clock">Last updated <span id="clock">0</span> seconds ago</p>${posts.join('')}</div></main></body></html>`;
}

// Every message the element posts to its worker: the operation and how many characters of
// text it hands over.
const COUNT = () => {
  window.sent = [];
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.op) window.sent.push({ op: message.op, chars: message.args.filter((a) => typeof a === 'string').reduce((n, a) => n + a.length, 0) });
    return post.call(this, message, ...rest);
  };
};

// Every reply of the worker: the operation it answers, its characters as JSON, how many
// updates it holds, what the worker converted from the engine to give it, and how many
// updates the edits it made gave the blog's search index (test-only: the page's Worker is
// wrapped so that its module first counts, in the worker, the Update and Quote objects the
// engine's LiveBlog hands to JS and its `updatesIndexed` before and after each edit, then
// runs worker.js as it is).
const COUNT_REPLIES = () => {
  window.replies = [];
  const ops = new Map();
  const Real = Worker;
  const post = Real.prototype.postMessage;
  Real.prototype.postMessage = function (message, ...rest) {
    if (message?.op) ops.set(message.id, message.op);
    return post.call(this, message, ...rest);
  };
  const module = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  window.Worker = class extends Real {
    constructor(url, options) {
      const worker = new URL(url, location.href).href;
      const counts = module(`import { LiveBlog } from ${JSON.stringify(new URL('liveblog_index.js', worker).href)};
        const counted = { updates: 0, quotes: 0, quoteCalls: 0, indexed: 0 };
        for (const [key, kind] of [['updates', 'updates'], ['update', 'updates'], ['quotes', 'quotes']]) {
          const real = LiveBlog.prototype[key];
          if (!real) continue;
          LiveBlog.prototype[key] = function (...args) {
            const value = real.apply(this, args);
            counted[kind] += Array.isArray(value) ? value.length : value == null ? 0 : 1;
            if (key === 'quotes') counted.quoteCalls += 1;
            return value;
          };
        }
        for (const key of ['append', 'replace', 'remove']) {
          const real = LiveBlog.prototype[key];
          LiveBlog.prototype[key] = function (...args) {
            const before = this.updatesIndexed;
            const value = real.apply(this, args);
            counted.indexed += this.updatesIndexed - before;
            return value;
          };
        }
        const reply = globalThis.postMessage.bind(globalThis);
        globalThis.postMessage = (message) => {
          reply({ ...message, counted: { ...counted } });
          counted.updates = 0;
          counted.quotes = 0;
          counted.quoteCalls = 0;
          counted.indexed = 0;
        };`);
      super(module(`import ${JSON.stringify(counts)};\nimport ${JSON.stringify(worker)};`), options);
      this.addEventListener('message', ({ data }) => window.replies.push({
        op: ops.get(data.id), chars: JSON.stringify(data.value ?? null).length, updates: data.value?.updates?.length ?? null, counted: data.counted,
      }));
    }
  };
};

// The page's Worker wrapped so that a message 'wreck' from the test fills the worker's wasm
// memory with garbage, as only a bug inside could: the next call into the library traps.
const WRECKABLE = () => {
  const Real = Worker;
  const module = (code) => URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  window.Worker = class extends Real {
    constructor(url, options) {
      const worker = new URL(url, location.href).href;
      const wreck = module(`import { initSync } from ${JSON.stringify(new URL('liveblog_index.js', worker).href)};
        globalThis.addEventListener('message', ({ data }) => { if (data === 'wreck') new Uint8Array(initSync({ module: new Uint8Array() }).memory.buffer).fill(0xff); });`);
      super(module(`import ${JSON.stringify(wreck)};\nimport ${JSON.stringify(worker)};`), options);
      window.engineWorker = this;
    }
  };
};

const web = site(join(root, 'www'), { page: (path) => ({ '/big.html': bigPage(2000), '/small.html': bigPage(40), '/twins.html': bigPage(12, TWINS) })[path] });

const status = (page) => page.evaluate(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? null);
const until = (page, text) => page.waitForFunction((t) => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent === t, text, { timeout: 60_000 });
const sent = (page) => page.evaluate(() => window.sent.splice(0));
const replies = (page) => page.evaluate(() => window.replies.splice(0));

// A fresh page at `path` with the init scripts given, collecting its errors and warnings.
async function open(path, ...scripts) {
  const context = await web.browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  for (const script of scripts) await page.addInitScript(script);
  await page.goto(`${web.base}${path}`);
  return { context, page, problems };
}

test('on a 2,000-post page whose labels tick for a minute, nothing is read again; a new post costs its own HTML', async () => {
  const { context, page, problems } = await open('big.html', COUNT, COUNT_REPLIES);
  await until(page, '2000 updates');
  const first = await sent(page);
  assert.equal(first.filter((m) => m.op === 'read').length, 1, JSON.stringify(first));
  const newest = await page.$eval('#post-2000', (a) => a.outerHTML.length);
  assert.deepEqual((await replies(page)).map((r) => [r.op, r.updates]), [['read', 2000], ['search', null]]);
  // What comes back for one post is about one post's worth: its update's id, anchor and
  // time (and the speakers' names and counts), converted alone (an edited post at most
  // three times: read alone, and the blog's copy before and after), never the blog's 2,000
  // updates or every speaker's quotes. And the search index, built by the first search, is
  // given that post alone: not the blog's 2,000 documents to compare.
  const onePost = (op, updates) => (r) => {
    const shown = JSON.stringify(r);
    assert.equal(r.op, op, shown);
    assert.equal(r.updates, updates, shown);
    assert.ok(r.chars <= newest + 200, `${op} answered with ${r.chars} characters, more than a post's ${newest}: ${shown}`);
    assert.ok(r.counted.updates <= 3 && r.counted.quotes === 0, `${op} converted ${r.counted.updates} updates and ${r.counted.quotes} quotes: ${shown}`);
    // A post whose words are as they were is not replaced at all.
    const indexed = op === 'replace' && updates === null ? 0 : 1;
    assert.equal(r.counted.indexed, indexed, `${op} gave the index ${r.counted.indexed} updates: ${shown}`);
  };
  /** The replies since the last look, searches aside: `n` of them (at least one when not
   * given), each for one post. */
  const answered = async (op, updates, n) => {
    const got = (await replies(page)).filter((r) => r.op !== 'search');
    if (n === undefined) assert.ok(got.length > 0, `no ${op} answered`);
    else assert.equal(got.length, n, JSON.stringify(got));
    got.forEach(onePost(op, updates));
  };

  // A minute of ticking: the header's clock and the newest post's "N seconds ago", once a
  // second, simulated by 60 changes with a frame or two between them. The post is read
  // again alone (its words are as they were: nothing more is done, not even a search);
  // the clock outside the posts costs nothing.
  for (let s = 1; s <= 60; s += 1) {
    await page.evaluate((n) => {
      document.getElementById('clock').textContent = String(n);
      document.querySelector('#post-2000 time').textContent = `${n} seconds ago`;
    }, s);
    await page.waitForTimeout(40);
  }
  await page.waitForTimeout(300);
  const ticking = await sent(page);
  assert.deepEqual(ticking.filter((m) => m.op !== 'replace'), [], 'no re-read of the blog, no search');
  assert.ok(ticking.length <= 60, `${ticking.length} replace calls`);
  for (const m of ticking) assert.ok(m.chars <= newest + 200, `${m.op} handed ${m.chars} characters, more than the ticking post's ${newest}`);
  // Nothing changed: each answer is empty.
  await answered('replace', null);
  assert.equal(await status(page), '2000 updates');

  // A new post: its own HTML, once, and it is found.
  await page.evaluate((html) => document.getElementById('post-2000').insertAdjacentHTML('beforebegin', html), post(2001, false).replace('Harbour works', 'Lighthouse relit'));
  await until(page, '2001 updates');
  const appended = await sent(page);
  assert.deepEqual(appended.filter((m) => m.op !== 'search').map((m) => m.op), ['append'], JSON.stringify(appended));
  assert.ok(appended.find((m) => m.op === 'append').chars <= newest + 200, JSON.stringify(appended));
  await answered('append', 1, 1);
  await page.fill('liveblog-filter >> input[type=search]', 'lighthouse');
  await until(page, '1 of 2001 updates match');
  assert.deepEqual(await page.$$eval('#liveblog > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id)), ['post-2001']);
  // Hiding 2,000 posts and highlighting one changes nothing the element reads.
  await page.waitForTimeout(300);
  assert.deepEqual([...new Set((await sent(page)).map((m) => m.op))], ['search']);

  // An edited post: that post's HTML; a removed post: no HTML at all.
  await page.evaluate(() => { document.querySelector('#post-7 h2').textContent = 'Lighthouse keeper named'; });
  await until(page, '2 of 2001 updates match');
  await answered('replace', 1, 1);
  await page.evaluate(() => document.getElementById('post-2001').remove());
  await until(page, '1 of 2000 updates match');
  await answered('remove', 0, 1);
  assert.deepEqual(await page.$$eval('#liveblog > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id)), ['post-7']);
  const edits = await sent(page);
  assert.deepEqual(edits.filter((m) => m.op === 'read'), [], JSON.stringify(edits));
  for (const m of edits) assert.ok(m.chars <= newest + 200, JSON.stringify(edits));

  // A list drawn anew (the same posts as new elements, as a framework may render them) is
  // read whole, once; the view stays as it was.
  await page.evaluate(() => { const list = document.getElementById('liveblog'); list.innerHTML = list.innerHTML; });
  await page.waitForFunction(() => window.sent.some((m) => m.op === 'read'));
  await until(page, '1 of 2000 updates match');
  assert.deepEqual((await sent(page)).filter((m) => m.op !== 'search').map((m) => m.op), ['read']);
  assert.deepEqual(await page.$$eval('#liveblog > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id)), ['post-7']);
  assert.deepEqual(problems, []);
  await context.close();
});

/** What a reader sees of the element: its count, chips and speakers, and the posts each
 * query shows. */
async function view(page, queries) {
  const root = 'document.querySelector("liveblog-filter").shadowRoot';
  const seen = {
    status: await status(page),
    chips: await page.evaluate(`[...${root}.querySelectorAll('[part=chip]')].map((b) => b.textContent)`),
    speakers: await page.evaluate(`[...${root}.querySelectorAll('[part=speaker]')].map((b) => b.textContent)`),
  };
  for (const q of queries) {
    await page.fill('liveblog-filter >> input[type=search]', q);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('lbf-q') === q && document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent.includes(' of '), q);
    await page.waitForTimeout(100);
    seen[q] = await page.$$eval('#liveblog > article', (as) => as.filter((a) => !a.hidden).map((a) => a.id));
  }
  return seen;
}

// A post that names a person by surname only, whom an older post names in full, and quotes
// them; an older post edited to name a city; one removed.
const NEW_POST = '<article id="block-9" class="block"><time datetime="2026-03-14T14:10:00Z">14.10 GMT</time><h2 class="block-title">Commissioner thanks the crews</h2><div class="block-elements"><p>“Every one of them earned a rest,” Kovac said at the quay in Northmere.</p></div></article>';
const EDITED = 'Crews from Madrid lowered the last deck panel into place this morning.';

test('posts appended, edited and removed give the chips, speakers and results of reading the page afresh', async () => {
  const queries = ['kovac', 'crews', 'madrid', 'northmere', 'rest'];
  const { context, page, problems } = await open('embed.html', COUNT);
  await until(page, '5 updates');
  await page.evaluate(([html, edited]) => {
    document.getElementById('block-5').insertAdjacentHTML('beforebegin', html);
    document.querySelector('#block-3 .block-elements p:last-child').textContent = edited;
    document.getElementById('block-1').remove();
  }, [NEW_POST, EDITED]);
  await until(page, '5 updates');
  await page.waitForFunction(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=chip]')].some((b) => b.textContent.startsWith('Madrid')));
  assert.deepEqual((await sent(page)).filter((m) => m.op === 'read').length, 1, 'read once, at the start');
  const live = await view(page, queries);

  // The same page, its markup changed before the element reads it.
  const fresh = await context.newPage();
  await fresh.route('**/embed.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace('<article id="block-5"', `${NEW_POST}<article id="block-5"`)
      .replace('<p>Crews lowered the last deck panel into place this morning and tested the joints.</p>', `<p>${EDITED}</p>`)
      .replace(/<article id="block-1"[\s\S]*?<\/article>/, '');
    await route.fulfill({ response, body: html });
  });
  await fresh.goto(`${web.base}embed.html`);
  await until(fresh, '5 updates');
  assert.deepEqual(live, await view(fresh, queries));
  assert.ok(live.chips.some((c) => c.startsWith('Mira Kovac (3)')), JSON.stringify(live.chips));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an element taken out of the page while it reads and searches leaves nothing pending unhandled, and starts again when put back', async () => {
  const { context, page, problems } = await open('big.html', () => addEventListener('unhandledrejection', (e) => console.error(`unhandled: ${e.reason}`)), COUNT);
  // Out while the 2,000 posts are being read (asked for, not yet answered).
  await page.waitForFunction(() => window.sent.some((m) => m.op === 'read'));
  await page.evaluate(() => { const f = document.querySelector('liveblog-filter'); window.kept = f; f.remove(); });
  await page.waitForTimeout(2000);
  await page.evaluate(() => document.querySelector('main').prepend(window.kept));
  await until(page, '2000 updates');
  // Out while a search and a new post are in hand.
  await page.fill('liveblog-filter >> input[type=search]', 'berth');
  await page.evaluate((html) => {
    document.getElementById('post-2000').insertAdjacentHTML('beforebegin', html);
    window.kept.remove();
  }, post(2001, false));
  await page.waitForTimeout(1500);
  assert.equal(await page.$$eval('#liveblog > article[hidden]', (as) => as.length), 0, 'every post shown again');
  await page.evaluate(() => document.querySelector('main').prepend(window.kept));
  await page.waitForFunction(() => /of 2001 updates match$/.test(document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent), null, { timeout: 60_000 });
  // Nothing left pending holds up the changes after it: a new post is read alone, and the
  // quote panel, open on its speaker, lists its quote when it comes.
  await page.click('liveblog-filter >> summary');
  await page.click('liveblog-filter >> button[part=speaker]:has-text("Mira Kovac")');
  assert.equal((await sent(page)).filter((m) => m.op === 'read').length, 3, 'read at the start and each time it was put back');
  await page.evaluate((html) => document.getElementById('post-2001').insertAdjacentHTML('beforebegin', html), post(2004, false));
  await page.waitForFunction(() => /of 2002 updates match$/.test(document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent));
  await page.waitForFunction(() => [...document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('[part=quote]')]
    .some((li) => li.textContent === 'Berth 2004 is on schedule, (to the update)' && li.querySelector('a').getAttribute('href') === '#post-2004'));
  assert.deepEqual((await sent(page)).map((m) => m.op).filter((op) => op !== 'search'), ['append', 'said']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the quote panel, opened, gets every speaker\'s quotes from one pass over the blog\'s quotes', async () => {
  const { context, page, problems } = await open('small.html', COUNT_REPLIES);
  await until(page, '40 updates');
  await replies(page);
  await page.click('liveblog-filter >> summary');
  await page.waitForFunction(() => window.replies.some((r) => r.op === 'said'));
  const [said] = (await replies(page)).filter((r) => r.op === 'said');
  // Not a look-up per speaker, each of which reads every quote of the blog again.
  assert.equal(said.counted.quoteCalls, 1, JSON.stringify(said));
  assert.equal(said.counted.quotes, 40, JSON.stringify(said));
  // Each speaker's list is as long as the count on their chip.
  await page.click('liveblog-filter >> button[part=speaker]:has-text("Mira Kovac")');
  const chip = await page.textContent('liveblog-filter >> button[part=speaker]:has-text("Mira Kovac")');
  const listed = await page.$$eval('liveblog-filter >> [part=quote]', (lis) => lis.length);
  assert.equal(chip, `Mira Kovac (${listed})`);
  assert.ok(listed >= 10, chip);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a speaker\'s quote list stays theirs as posts come, when another speaker\'s name is a letter away', async () => {
  const { context, page, problems } = await open('twins.html', COUNT_REPLIES);
  await until(page, '12 updates');
  await page.click('liveblog-filter >> summary');
  const chip = 'liveblog-filter >> button[part=speaker]:text-matches("^Anna Pedersen [(]")';
  await page.click(chip);
  // A new post with the panel open on her: her list is asked for by name alone.
  await replies(page);
  await page.evaluate((html) => document.getElementById('post-12').insertAdjacentHTML('beforebegin', html), post(13, false, TWINS));
  await until(page, '13 updates');
  await page.waitForFunction(() => window.replies.some((r) => r.op === 'said'));
  const counted = await page.textContent(chip);
  const listed = await page.$$eval('liveblog-filter >> [part=quote]', (lis) => lis.map((li) => li.querySelector('q').textContent));
  assert.equal(counted, `Anna Pedersen (${listed.length})`, JSON.stringify(listed));
  assert.ok(listed.includes('Berth 13 is on schedule,'), JSON.stringify(listed));
  assert.ok(!listed.includes('Berth 12 is on schedule,'), 'Anna Petersen\'s quote listed under Anna Pedersen');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after an internal error in its worker the element reads the blog again and the reader’s search works', async () => {
  const { context, page, problems } = await open('small.html', COUNT, WRECKABLE);
  await until(page, '40 updates');
  await page.fill('liveblog-filter >> input[type=search]', 'eastport');
  await until(page, '10 of 40 updates match');
  await page.fill('liveblog-filter >> input[type=search]', '');
  await until(page, '40 updates');
  await sent(page);
  await page.evaluate(() => window.engineWorker.postMessage('wreck'));
  // The search traps; the library restarts without the blog; the element reads it again
  // and shows what the search finds.
  await page.fill('liveblog-filter >> input[type=search]', 'eastport');
  await until(page, '10 of 40 updates match');
  // Read again once, or a few times while the restarted library was still loading.
  const again = (await sent(page)).map((m) => m.op).filter((op) => op !== 'search');
  assert.ok(again.length >= 1 && again.length <= 4 && again.every((op) => op === 'read'), JSON.stringify(again));
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.match(problems[0], /could not search/);
  // And the page's next post is read alone, as before the error.
  await page.evaluate((html) => document.getElementById('post-40').insertAdjacentHTML('beforebegin', html), post(41, false).replace('Harbour works', 'Eastport ferry'));
  await until(page, '11 of 41 updates match');
  assert.deepEqual((await sent(page)).map((m) => m.op).filter((op) => op !== 'search'), ['append']);
  await context.close();
});
