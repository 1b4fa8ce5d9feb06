// Orders the wasm's functions so that alike code sits together, for the compressors:
// `node tools/order-functions.mjs OPTIMISED.wasm MODULE.wasm` reads the functions of
// OPTIMISED (MODULE after wasm-opt, names kept with `-g`), chains them by likeness, and
// renames MODULE's functions so that their names sort in that order; `wasm-opt
// --reorder-functions-by-name` then lays them out so (`make build`). The names go when
// wasm-opt writes without `-g`; only the order stays, and the code is the same code.
//
// gzip finds repeats within the last 32 KB, brotli within a larger window but more cheaply
// the nearer they are; rustc lays functions out in no order a compressor can use, so the
// copies of one generic function for different types (`Vec`'s collecting, the hash
// tables', the sorts', serde's for each field), which differ in a few constants, and rules
// built from the same helpers end up far apart. Chained by likeness, each function next to
// the one most like it among those left: 7.3 KB less gzipped, 4.3 KB less with brotli
// (BENCHMARKS.md, issue 22), where sorting by name (a generic's copies together) saved
// 1.6 KB. Likeness is the Jaccard index of two bodies' sets of 4-byte substrings, as the
// optimiser leaves them. Deterministic, and quadratic in the functions (about two thousand:
// a few seconds).
import { readFileSync, writeFileSync } from 'node:fs';
import { encode, inspect, leb } from './wasm.mjs';

const [optimised, module] = process.argv.slice(2);
if (!optimised || !module) {
  console.error('usage: node tools/order-functions.mjs OPTIMISED.wasm MODULE.wasm');
  process.exit(2);
}

/** The module in `file`, its sections, imports and function names. */
function read(file) {
  const wasm = readFileSync(file);
  const { sections, names, nameSection, imported } = inspect(wasm);
  if (!nameSection || names.size === 0) {
    console.error(`order-functions: ${file} has no function names (built without -g / --keep-debug?)`);
    process.exit(1);
  }
  return { wasm, sections, names, nameSection, imported };
}

// The optimised functions: name and body.
const opt = read(optimised);
const functions = [];
{
  const code = opt.sections.find(([id]) => id === 10);
  let [count, at] = leb(opt.wasm, code[1]);
  for (let index = opt.imported; count--; index++) {
    const [size, body] = leb(opt.wasm, at);
    functions.push({ name: opt.names.get(index) ?? '', body: opt.wasm.subarray(body, body + size) });
    at = body + size;
  }
}
functions.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

// Each body's set of 4-byte substrings, sorted.
const grams = functions.map(({ body }) => {
  const g = new Uint32Array(Math.max(0, body.length - 3));
  for (let i = 0; i < g.length; i++) g[i] = body.readUInt32LE(i);
  g.sort();
  let n = 0;
  for (let i = 0; i < g.length; i++) if (i === 0 || g[i] !== g[i - 1]) g[n++] = g[i];
  return g.subarray(0, n);
});
/** The Jaccard likeness of two sorted sets: shared over all (one added below, so that two
 * empty bodies are not alike). */
function likeness(a, b) {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (1 + a.length + b.length - shared);
}

// The greedy chain: from the first by name, always the most alike of those left, ties to
// the first by name.
const left = [...functions.keys()];
const order = [left.shift()];
while (left.length) {
  const current = grams[order[order.length - 1]];
  let best = 0;
  let bestLikeness = -1;
  for (let c = 0; c < left.length; c++) {
    const l = likeness(current, grams[left[c]]);
    if (l > bestLikeness) {
      bestLikeness = l;
      best = c;
    }
  }
  order.push(left[best]);
  left.splice(best, 1);
}
const rank = new Map(order.map((i, r) => [functions[i].name, r]));

// MODULE's names, each led by its rank (functions wasm-opt removed from OPTIMISED last).
const mod = read(module);
const width = String(order.length).length;
const entries = [...mod.names].sort(([a], [b]) => a - b);
const parts = [encode(entries.length)];
for (const [index, name] of entries) {
  const r = rank.get(name);
  const key = Buffer.from(`${r === undefined ? '~' : String(r).padStart(width, '0')} ${name}`);
  parts.push(encode(index), encode(key.length), key);
}
const subsection = Buffer.concat(parts);
const contents = Buffer.concat([encode(4), Buffer.from('name'), Buffer.from([1]), encode(subsection.length), subsection]);
const [, , end, header] = mod.nameSection;
writeFileSync(
  module,
  Buffer.concat([mod.wasm.subarray(0, header), Buffer.from([0]), encode(contents.length), contents, mod.wasm.subarray(end)]),
);
console.log(`order-functions: ${order.length} functions chained by likeness`);
