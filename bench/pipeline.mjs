// The whole pipeline (parse, timestamps, quotes, entities, search index) on the Al Jazeera
// development file and on synthetic blogs of 2,000 and 50,000 updates, in one run: our wasm
// in Node, our native build, compromise (quotes and people) and MiniSearch (indexing only)
// on the same text; then in Debian Chromium (time measured inside the page) and the main
// thread's long tasks while <liveblog-filter> reads a 2,000-update page; and the download
// sizes next to MiniSearch, compromise and Pagefind's runtime. `make bench` runs it.
//
//   node bench/pipeline.mjs [--quick] [--write]
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { gzipSync, gunzipSync, brotliCompressSync, constants as zlibConstants } from 'node:zlib';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';
import nlp from 'compromise';
import { LiveBlog } from '../pkg/node.js';
import { generate } from './synthetic.mjs';
import { writeReport } from './report.mjs';
import { serve, launch } from '../tests/browser/serve.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const scratch = mkdtempSync(join(tmpdir(), 'liveblog-bench-'));

const aljazeera = join(root, '..', 'shared', 'corpus', 'aljazeera_ukraine_2022-01-24.txt');
const inputs = [
  { name: 'Al Jazeera file', file: existsSync(aljazeera) ? aljazeera : join(root, 'www', 'sample.txt'), runs: quick ? 50 : 500, slowRuns: quick ? 3 : 20 },
  { name: 'synthetic 2,000', n: 2000, runs: quick ? 3 : 20, slowRuns: quick ? 1 : 2 },
  { name: 'synthetic 50,000', n: 50000, runs: quick ? 1 : 3, slowRuns: 0 },
];
for (const input of inputs) {
  if (input.n) {
    input.file = join(scratch, `synthetic-${input.n}.txt`);
    writeFileSync(input.file, generate(input.n).text);
  }
  input.text = readFileSync(input.file, 'utf8');
}

/** min and median of `runs` timed calls, after a tenth of them (at least one) as warm-up. */
function time(runs, fn) {
  for (let i = 0; i < Math.max(1, Math.ceil(runs / 10)); i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { min: times[0], median: times[Math.floor(times.length / 2)], runs };
}

/** Ours, the whole job: read the text, then build the search index (the first search). */
function pipeline(text) {
  const blog = LiveBlog.fromText(text);
  blog.search('', { limit: 0, facetLimit: 0 });
  const n = blog.updates().length;
  blog.free();
  return n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Ours in wasm and natively, in up to five alternating rounds: these machines have slow
 * phases that last minutes, and one falling on only one side would move the ratio. Each
 * side's figure is the median of its rounds' medians; the ratio, the median of the rounds'
 * ratios.
 */
function wasmAndNative({ text, file, runs }) {
  const rounds = Math.min(5, runs);
  const per = Math.ceil(runs / rounds);
  const wasm = [], native = [], ratios = [];
  for (let r = 0; r < rounds; r++) {
    const w = time(per, () => pipeline(text));
    const n = JSON.parse(execFileSync(join(root, 'target', 'release', 'examples', 'pipeline'), ['--runs', String(per), file], { encoding: 'utf8' }));
    wasm.push(w);
    native.push({ min: n.minMs, median: n.medianMs });
    ratios.push(w.median / n.medianMs);
  }
  const side = (xs) => ({ min: Math.min(...xs.map((x) => x.min)), median: median(xs.map((x) => x.median)), runs: per * rounds });
  return { wasm: side(wasm), native: side(native), ratio: median(ratios) };
}

const rows = [];
for (const input of inputs) {
  const { text, slowRuns } = input;
  const row = { input, bytes: Buffer.byteLength(text), updates: pipeline(text) };
  Object.assign(row, wasmAndNative(input));
  console.error(`${input.name}: wasm ${row.wasm.median.toFixed(2)} ms, native ${row.native.median.toFixed(2)} ms`);
  if (slowRuns > 0) {
    row.compromise = time(slowRuns, () => {
      const doc = nlp(text);
      doc.quotations().json();
      doc.people().json();
    });
    console.error(`${input.name}: compromise ${row.compromise.median.toFixed(0)} ms`);
  }
  const blog = LiveBlog.fromText(text);
  const docs = blog.updates().map((u) => ({ id: u.id, headline: u.headline ?? '', body: u.paragraphs.join('\n') }));
  blog.free();
  row.minisearch = time(Math.max(1, slowRuns), () => {
    const ms = new MiniSearch({ fields: ['headline', 'body'] });
    ms.addAll(docs);
  });
  console.error(`${input.name}: MiniSearch ${row.minisearch.median.toFixed(1)} ms`);
  rows.push(row);
}

// --- Chromium: the same job timed inside a page, and the element's long tasks -----------
const site = join(scratch, 'site');
mkdirSync(site);
cpSync(join(root, 'pkg'), join(site, 'pkg'), { recursive: true });
inputs.forEach((input, i) => writeFileSync(join(site, `${i}.txt`), input.text));

const TIMING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><script type="module">
import { LiveBlog } from './pkg/index.js';
const out = [];
for (const [i, runs] of ${JSON.stringify(inputs.map((input) => (input.n === 50000 ? 1 : Math.max(1, Math.ceil(input.runs / 2)))))}.entries()) {
  const text = await (await fetch(i + '.txt')).text();
  const job = () => { const b = LiveBlog.fromText(text); b.search('', { limit: 0, facetLimit: 0 }); b.free(); };
  for (let w = 0; w < Math.max(1, Math.ceil(runs / 10)); w++) job();
  const times = [];
  for (let r = 0; r < runs; r++) { const t = performance.now(); job(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  out.push({ min: times[0], median: times[Math.floor(times.length / 2)], runs });
}
document.body.dataset.result = JSON.stringify(out);
</script></body></html>`;

/** A news page carrying a 2,000-update blog in its markup, newest first. */
function blogPage(n, { noWorker }) {
  const { updates } = generate(n);
  const start = Date.UTC(2023, 0, 1);
  const posts = updates.map((u) => {
    const at = new Date(start + u.minutes * 60000);
    const body = u.body.map((p) => `<p>${p}</p>`).join('');
    return `<article id="post-${u.id}"><h2>${u.headline}</h2><time datetime="${at.toISOString()}">${at.toISOString().slice(11, 16)}</time>${body}</article>`;
  });
  // The element is added after the page has loaded and settled, so the long tasks counted
  // are ours, not the browser's own parsing of a 2,000-post page.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>live</title></head><body>
<main><h1>Conflict diary – live</h1><div id="blog">${posts.join('\n')}</div></main>
<script type="module">
${noWorker ? 'window.Worker = undefined;' : ''}
const tasks = [];
addEventListener('load', () => setTimeout(async () => {
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
  const t0 = performance.now();
  await import('./pkg/element.js');
  const filter = document.createElement('liveblog-filter');
  filter.setAttribute('for', 'blog');
  document.querySelector('main').prepend(filter);
  const status = () => filter.shadowRoot?.querySelector('[role=status]')?.textContent;
  while (!status()) await new Promise((ok) => setTimeout(ok, 5));
  const ready = performance.now() - t0;
  // A reader types: the first letter (matching almost every post), then a word; each time
  // the search and the page update, until the status says what it found.
  const input = filter.shadowRoot.querySelector('input');
  async function type(text) {
    const before = status();
    const t = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    while (status() === before) await new Promise((ok) => setTimeout(ok, 1));
    return performance.now() - t;
  }
  const letter = await type('t');
  const searched = await type('troops');
  await new Promise((ok) => setTimeout(ok, 200));
  document.body.dataset.result = JSON.stringify({ ready, letter, searched, status: status(), tasks });
}, 500));
</script></body></html>`;
}

const server = await serve(site, {
  page: (path) => {
    if (path === '/timing.html') return TIMING_PAGE;
    if (path === '/element.html') return blogPage(2000, { noWorker: false });
    if (path === '/element-main-thread.html') return blogPage(2000, { noWorker: true });
    return undefined;
  },
});
const browser = await launch();
const chromium = browser.version();
async function inPage(path) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(server.base + path);
  await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 600000, polling: 200 });
  const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
  await page.close();
  return result;
}
let element;
let mainThread;
try {
  const timings = await inPage('timing.html');
  timings.forEach((t, i) => { rows[i].chromium = t; });
  console.error('chromium: timed');
  element = await inPage('element.html');
  mainThread = await inPage('element-main-thread.html');
  console.error('chromium: long tasks measured');
} finally {
  await browser.close();
  server.close();
}

// --- download sizes --------------------------------------------------------------------
/** Brotli at its best quality (11), what a server that precompresses serves. */
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length;
function size(files) {
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, br: brotli(bytes) };
}
const pkg = (f) => join(root, 'pkg', f);
const ours = {
  wasm: size([pkg('liveblog_index_bg.wasm')]),
  glue: size([pkg('liveblog_index.js'), pkg('load.js'), pkg('guard.js'), pkg('index.js')]),
  element: size([pkg('element.js'), pkg('worker.js')]),
};
// Pagefind writes its runtime when it indexes a site; a one-page site gives it.
const pfSite = join(scratch, 'pagefind-site');
mkdirSync(pfSite);
writeFileSync(join(pfSite, 'index.html'), '<!doctype html><html lang="en"><body><main><h1>Bench</h1><p>Troops reached the border.</p></main></body></html>');
execFileSync(join(root, 'node_modules', '.bin', 'pagefind'), ['--site', pfSite], { stdio: 'pipe' });
const pfWasm = readFileSync(join(pfSite, 'pagefind', 'wasm.unknown.pagefind')); // served gzipped
const pfJs = size([join(pfSite, 'pagefind', 'pagefind.js')]);
const peers = [
  ['MiniSearch 7.2.0 (`dist/umd/index.js`, as published, not minified)', size([join(root, 'node_modules', 'minisearch', 'dist', 'umd', 'index.js')])],
  ['compromise 14.17.0 (`builds/compromise.js`, minified)', size([join(root, 'node_modules', 'compromise', 'builds', 'compromise.js')])],
  ['Pagefind 1.6.0 runtime (`pagefind.js` + its wasm, which it serves gzipped)', { raw: pfJs.raw + gunzipSync(pfWasm).length, gz: pfJs.gz + pfWasm.length, br: pfJs.br + brotli(gunzipSync(pfWasm)) }],
];
rmSync(scratch, { recursive: true, force: true });

// --- the report ------------------------------------------------------------------------
const ms = (t) => (t === undefined ? '—' : t.median < 10 ? t.median.toFixed(2) : t.median.toFixed(0));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const lines = [];
lines.push(`Command: \`node bench/pipeline.mjs --write\` (\`make bench\`)`);
lines.push(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}, Chromium ${chromium}, one run. Medians in ms (runs in brackets); ours is the whole job, \`LiveBlog.fromText\` and the index built by the first search, wasm and native alternating in up to five rounds (the ratio is the median of the rounds').`, '');
lines.push('| input | KB | updates | ours, wasm in Node | ours, native | wasm ÷ native | ours, wasm in Chromium | compromise (quotes + people) | MiniSearch (index only) |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const slow = r.compromise ? `${ms(r.compromise)} (${r.compromise.runs})` : 'not run (minutes)';
  lines.push(`| ${r.input.name} | ${(r.bytes / 1000).toFixed(1)} | ${r.updates} | ${ms(r.wasm)} (${r.wasm.runs}) | ${ms(r.native)} (${r.native.runs}) | ${r.ratio.toFixed(2)}× | ${ms(r.chromium)} (${r.chromium?.runs}) | ${slow} | ${ms(r.minisearch)} (${r.minisearch.runs}) |`);
}
const longest = (tasks) => (tasks.length ? `${Math.max(...tasks).toFixed(0)} ms` : 'none');
lines.push('', `Main thread while \`<liveblog-filter>\` reads a 2,000-update page (${(rows[1].bytes / 1e6).toFixed(2)} MB of text as markup) and a reader types \`t\`, then \`troops\`, in Chromium; long tasks (over 50 ms) from a PerformanceObserver:`, '');
lines.push('| how | long tasks | longest | ready after | first letter ("t") shown after | then "troops" shown after |');
lines.push('|---|---:|---:|---:|---:|---:|');
lines.push(`| Web Worker (the element's default) | ${element.tasks.length} | ${longest(element.tasks)} | ${element.ready.toFixed(0)} ms | ${element.letter.toFixed(1)} ms | ${element.searched.toFixed(1)} ms |`);
lines.push(`| main thread (no \`Worker\`: the fallback) | ${mainThread.tasks.length} | ${longest(mainThread.tasks)} | ${mainThread.ready.toFixed(0)} ms | ${mainThread.letter.toFixed(1)} ms | ${mainThread.searched.toFixed(1)} ms |`);
lines.push('', '| what a browser loads | raw | gzip -9 | brotli -q 11 |', '|---|---:|---:|---:|');
lines.push(`| ours: \`liveblog_index_bg.wasm\` | ${kb(ours.wasm.raw)} | ${kb(ours.wasm.gz)} | ${kb(ours.wasm.br)} |`);
lines.push(`| ours: JS glue (\`liveblog_index.js\`, \`load.js\`, \`guard.js\`, \`index.js\`) | ${kb(ours.glue.raw)} | ${kb(ours.glue.gz)} | ${kb(ours.glue.br)} |`);
lines.push(`| ours: \`<liveblog-filter>\` (\`element.js\`, \`worker.js\`) | ${kb(ours.element.raw)} | ${kb(ours.element.gz)} | ${kb(ours.element.br)} |`);
lines.push(`| **ours: wasm + glue** | ${kb(ours.wasm.raw + ours.glue.raw)} | **${kb(ours.wasm.gz + ours.glue.gz)}** | **${kb(ours.wasm.br + ours.glue.br)}** |`);
for (const [name, s] of peers) lines.push(`| ${name} | ${kb(s.raw)} | ${kb(s.gz)} | ${kb(s.br)} |`);
const report = lines.join('\n') + '\n';
console.log(report);

if (args.includes('--write')) writeReport('pipeline-bench', report);
