// <liveblog-filter>'s time filter on sports pages, in Chromium. A page mixing a build-up
// timed by the clock with match posts marked by their minute alone: the match posts are the
// newest, and "Last hour" keeps them (each takes the moment of the nearest older timed
// post). A page of minutes alone gives no moment to filter by: the time filter is not
// offered. The pages are ours, built here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');

// The match, newest first: its minute and what happened.
const MATCH = [
  ["90+2'", 'Full time at the Quayside Ground, where Harbour Town hold on to win the derby.'],
  ["67'", 'Pereira heads in a corner at the near post to put Harbour Town back in front.'],
  ["34'", 'Riverside equalise through a low shot that squeezes under the keeper.'],
  ["5'", 'Okonjo finishes a flowing move to give Harbour Town an early lead.'],
];
// The build-up, newest first: its moment and what was said.
const BUILD_UP = [
  ['2026-03-14T14:50:00Z', '14.50 GMT', 'The teams walk out to a wall of noise from both ends of the ground.'],
  ['2026-03-14T13:20:00Z', '13.20 GMT', 'Team news: Harbour Town name an unchanged side for the derby.'],
  ['2026-03-14T11:00:00Z', '11.00 GMT', 'Good morning and welcome to our coverage of the harbour derby.'],
];

const minutePost = ([minute, text], i) => `<article id="m${i}" class="post"><span class="minute">${minute}</span><p>${text}</p></article>`;
const timedPost = ([at, shown, text], i) => `<article id="b${i}" class="post"><time datetime="${at}">${shown}</time><p>${text}</p></article>`;

function page(posts) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Town v Riverside – live</title>
<script type="module" src="/pkg/element.js"></script></head><body><main><h1>Harbour Town v Riverside – live</h1>
<liveblog-filter for="liveblog"></liveblog-filter>
<div id="liveblog">${posts.join('')}</div></main></body></html>`;
}

const PAGES = {
  '/mixed.html': page([...MATCH.map(minutePost), ...BUILD_UP.map(timedPost)]),
  '/minutes.html': page(MATCH.map(minutePost)),
};

const web = site(join(root, 'www'), { page: (path) => PAGES[path] });

const status = (p) => p.evaluate(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? null);

async function open(path) {
  const context = await web.browser.newContext();
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.goto(web.base + path.slice(1));
  await p.waitForFunction(() => /updates$/.test(document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent ?? ''));
  return { p, problems, context };
}

test('a mixed page: "Last hour" keeps the match posts that follow the last timed post', async () => {
  const { p, problems, context } = await open('/mixed.html');
  assert.equal(await status(p), '7 updates');
  assert.equal(await p.isVisible('liveblog-filter >> select'), true, 'the time filter is offered');
  await p.selectOption('liveblog-filter >> select', '60');
  await p.waitForFunction(() => / of /.test(document.querySelector('liveblog-filter').shadowRoot.querySelector('[role=status]').textContent));
  // The hour before 14.50: the teams walking out and the whole match; not 13.20 nor 11.00.
  assert.equal(await status(p), '5 of 7 updates match');
  const shown = await p.$$eval('#liveblog > article:not([hidden])', (a) => a.map((e) => e.id));
  assert.deepEqual(shown, ['m0', 'm1', 'm2', 'm3', 'b0']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page of minutes alone offers no time filter', async () => {
  const { p, problems, context } = await open('/minutes.html');
  assert.equal(await status(p), '4 updates');
  assert.equal(await p.isVisible('liveblog-filter >> select'), false, 'no time filter');
  assert.equal(await p.isVisible('liveblog-filter >> input[type=search]'), true);
  assert.deepEqual(problems, []);
  await context.close();
});
