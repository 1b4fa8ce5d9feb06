// Times parse() in Node on each live blog given (default: the development corpus), through
// the built package in pkg/. `make bench` runs it; `make build` prints the wasm's size.
//
//   node bench/parse.mjs [FILE ...] [--runs N]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from '../pkg/node.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 500;
let files = args;
if (files.length === 0) {
  const corpus = join(root, '..', 'shared', 'corpus');
  files = existsSync(corpus)
    ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => join(corpus, f))
    : [join(root, 'www', 'sample.txt')];
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

console.log(`node ${process.version}, ${runs} runs per file after 50 warm-up runs`);
console.log(`${'file'.padEnd(36)} ${'KB'.padStart(6)} ${'updates'.padStart(7)} ${'min ms'.padStart(8)} ${'median ms'.padStart(10)} ${'p95 ms'.padStart(8)}`);
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (let i = 0; i < 50; i++) parse(text);
  const times = [];
  let updates = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    updates = parse(text).updates.length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`${basename(file).padEnd(36)} ${(text.length / 1024).toFixed(1).padStart(6)} ${String(updates).padStart(7)} ${times[0].toFixed(3).padStart(8)} ${quantile(times, 0.5).toFixed(3).padStart(10)} ${quantile(times, 0.95).toFixed(3).padStart(8)}`);
}
