// Search benchmark: a seeded synthetic live blog of N updates, indexed and queried by our
// wasm build, MiniSearch (prefix + fuzzy), FlexSearch and Orama in this one Node process,
// on the same updates and the same queries. `make bench` runs it for 2,000 and 50,000
// updates and writes the tables into BENCHMARKS.md.
//
//   node bench/search.mjs [N ...] [--write]
import { performance } from 'node:perf_hooks';
import { cpus, totalmem } from 'node:os';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import { create, insertMultiple, search as oramaSearch, save as oramaSave } from '@orama/orama';
import { LiveBlog, SearchIndex } from '../pkg/node.js';
import { generate } from './synthetic.mjs';
import { writeReport } from './report.mjs';

// The same six kinds of query on each generator's vocabulary (bench/synthetic.mjs): a word
// in about a quarter of the updates, two words, a prefix, a misspelt name, a phrase, and a
// word within one place's updates.
const KINDS = ['one term', 'two terms', 'prefix', 'misspelt name', 'phrase', 'facet + term'];
const QUERIES = {
  conflict: [['troops', {}], ['border troops', {}], ['evacu', {}], ['Zelenksy', {}],
    ['"humanitarian corridor"', {}], ['shelling', { place: 'Kharkiv' }]],
  election: [['voters', {}], ['postal voters', {}], ['recou', {}], ['Mulcahey', {}],
    ['"polling station"', {}], ['recount', { place: 'Kingsmere' }]],
};

/** p50 and p99 of `runs` calls after warm-up, or of as many as fit in 3 s (at least 10). */
function time(fn, runs) {
  const times = [];
  for (let i = 0; i < 10; i++) fn();
  const until = performance.now() + 3000;
  for (let i = 0; i < runs && (i < 10 || performance.now() < until); i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p99: times[Math.floor(times.length * 0.99)] };
}

function heap() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

async function engines(updates, text, queryList) {
  const docs = updates.map((u) => ({ id: u.id, headline: u.headline, body: u.body.join('\n'), place: u.place }));
  const out = [];

  // Ours: the index over the parsed blog (parsing, quotes and entities timed apart), called
  // bare (ten hits, no excerpts, no facet lists: what a page filtering its own copy asks)
  // and as a page calls `search()` by default (ten hits with excerpts and facet counts).
  {
    const t0 = performance.now();
    const blog = LiveBlog.fromText(text);
    const parseMs = performance.now() - t0;
    const t1 = performance.now();
    const index = new SearchIndex();
    index.addBlog('b', blog);
    const build = performance.now() - t1;
    // Wasm memory only grows, so a heap difference says nothing: the index counts its own.
    const memory = index.memoryBytes;
    const filters = (f) => (f.place ? { places: [f.place] } : undefined);
    const bare = queryList.map(([q, f]) => () => index.search(q, { limit: 10, excerpts: false, facetLimit: 0, filters: filters(f) }));
    const page = queryList.map(([q, f]) => () => index.search(q, { limit: 10, filters: filters(f) }));
    console.error(`ours: parse ${parseMs.toFixed(0)} ms, build ${build.toFixed(0)} ms`);
    const size = index.toBytes().length;
    out.push({ name: 'liveblog-index (wasm), bare', build, memory, size, queries: bare, note: `parse + quotes + entities ${parseMs.toFixed(0)} ms` });
    out.push({ name: 'liveblog-index (wasm), as a page calls it', build, memory, size, queries: page, note: '' });
    out.check = (i) => page[i]().total;
  }
  // MiniSearch with prefix and fuzzy search, as its docs suggest for search-as-you-type.
  {
    const before = heap();
    const t = performance.now();
    const ms = new MiniSearch({ fields: ['headline', 'body'], storeFields: ['place'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { headline: 2 }, combineWith: 'AND' } });
    ms.addAll(docs);
    const build = performance.now() - t;
    const memory = heap() - before;
    const queries = queryList.map(([q, f]) => () =>
      ms.search(q.replaceAll('"', ''), f.place ? { filter: (r) => r.place === f.place } : undefined).slice(0, 10));
    console.error(`MiniSearch: build ${build.toFixed(0)} ms`);
    out.push({ name: 'MiniSearch 7.2 (prefix + fuzzy)', build, memory, size: JSON.stringify(ms).length, queries, note: 'no phrases: "phrase" runs as two terms' });
  }
  // FlexSearch Document index, forward tokenizer (prefixes); no typo tolerance.
  {
    const before = heap();
    const t = performance.now();
    const fx = new FlexSearch.Document({ tokenize: 'forward', document: { id: 'id', index: ['headline', 'body'], tag: 'place' } });
    for (const d of docs) fx.add(d);
    const build = performance.now() - t;
    const memory = heap() - before;
    const queries = queryList.map(([q, f]) => () =>
      fx.search(q.replaceAll('"', ''), { limit: 10, ...(f.place ? { tag: { place: f.place } } : {}) }));
    console.error(`FlexSearch: build ${build.toFixed(0)} ms`);
    let size = 0;
    await fx.export((key, data) => { size += (data ?? '').length; });
    out.push({ name: 'FlexSearch 0.8 (forward)', build, memory, size, queries, note: 'no typo tolerance, no phrases' });
  }
  // Orama with typo tolerance 1.
  {
    const before = heap();
    const t = performance.now();
    const db = create({ schema: { id: 'string', headline: 'string', body: 'string', place: 'enum' } });
    insertMultiple(db, docs);
    const build = performance.now() - t;
    const memory = heap() - before;
    const queries = queryList.map(([q, f]) => () =>
      oramaSearch(db, { term: q.replaceAll('"', ''), properties: ['headline', 'body'], tolerance: 1, limit: 10, ...(f.place ? { where: { place: { eq: f.place } } } : {}) }));
    console.error(`Orama: build ${build.toFixed(0)} ms`);
    out.push({ name: 'Orama 3.1 (tolerance 1)', build, memory, size: JSON.stringify(oramaSave(db)).length, queries, note: '' });
  }
  return out;
}

const fmt = (ms) => (ms < 1 ? ms.toFixed(3) : ms.toFixed(1));

async function run(n, vocabulary) {
  const { updates, text } = generate(n, 7, vocabulary);
  const results = await engines(updates, text, QUERIES[vocabulary]);
  const runs = n > 10000 ? 200 : 1000;
  const rows = results.map((e) => {
    const times = e.queries.map((q) => time(q, runs));
    console.error(`${e.name}: queries timed`);
    return { ...e, times };
  });
  const lines = [];
  lines.push(`### ${n.toLocaleString('en-US')} updates, ${vocabulary} vocabulary (${(text.length / 1e6).toFixed(1)} MB of text)`, '');
  lines.push(`Queries: ${QUERIES[vocabulary].map(([q, f], i) => `${KINDS[i]} \`${q}\`${f.place ? ` in ${f.place}` : ''}`).join(', ')}.`, '');
  lines.push(`| engine | build ms | ${KINDS.map((k) => `${k} p50 / p99 ms`).join(' | ')} | memory MB | saved MB |`);
  lines.push(`|---|---:|${KINDS.map(() => '---:').join('|')}|---:|---:|`);
  for (const r of rows) {
    lines.push(`| ${r.name} | ${fmt(r.build)} | ${r.times.map((t) => `${fmt(t.p50)} / ${fmt(t.p99)}`).join(' | ')} | ${(r.memory / 1e6).toFixed(1)} | ${(r.size / 1e6).toFixed(2)} |`);
  }
  const [bare, page, mini] = rows;
  const against = (ours) => KINDS.map((k, i) => `${k} ${(mini.times[i].p50 / ours.times[i].p50).toFixed(1)}×`).join(', ');
  lines.push('', `Matches (ours): ${KINDS.map((k, i) => `${k} ${results.check(i)}`).join(', ')}.`);
  lines.push(`Index memory (ours) ${(bare.memory / text.length).toFixed(2)}× the text's ${(text.length / 1e6).toFixed(1)} MB.`);
  lines.push(`Ours against MiniSearch's median: build ${(mini.build / bare.build).toFixed(1)}×; bare ${against(bare)}; as a page calls it ${against(page)} faster.`);
  lines.push(`Notes: ${rows.filter((r) => r.note).map((r) => `${r.name}: ${r.note}`).join('; ')}.`, '');
  return lines.join('\n');
}

const args = process.argv.slice(2);
const write = args.includes('--write');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const header = [`Command: \`node --expose-gc bench/search.mjs ${sizes.join(' ') || 2000} --write\` (\`make bench\`)`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; one process, engines in turn, same updates and queries. Memory: ours as the index counts its own allocations (\`memoryBytes\`; wasm memory only grows, so a heap difference says nothing); the others as JS heap and array buffers after a GC, before and after building.`, ''];
let report = header.join('\n') + '\n';
for (const n of sizes.length ? sizes : [2000]) {
  for (const vocabulary of Object.keys(QUERIES)) report += await run(n, vocabulary) + '\n';
}
console.log(report);
if (write) writeReport('search-bench', report);
