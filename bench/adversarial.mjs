// The worst case of each adversarial shape (examples/adversarial.rs) at a megabyte and a little,
// as `make test-node` writes them into target/adversarial: each read through its stage natively
// (the example's `--time`) and through the npm package's wasm in Node, fastest of three runs.
// `make bench` runs it; tests/complexity.rs bounds the same shapes' growth by counted work.
//
//   node bench/adversarial.mjs [--write]
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LiveBlog, SearchIndex } from '../pkg/node.js';
import { writeReport } from './report.mjs';

const root = resolve(import.meta.dirname, '..');
const example = join(root, 'target', 'release', 'examples', 'adversarial');
const dir = join(root, 'target', 'adversarial');
const RUNS = 3;

/** The shape's stage through the package, as tests/js/package.test.mjs reads it. */
const queries = execFileSync(example, ['queries'], { encoding: 'utf8' }).trim().split('\n');

function read(reader, input) {
  const blog = reader === 'html' ? LiveBlog.fromHtml(input, { now: 0 }) : LiveBlog.fromText(input);
  blog.speakers();
  if (reader === 'search') {
    const index = new SearchIndex();
    index.addBlog('b', blog);
    for (const q of queries) index.search(q);
    index.free();
  }
  blog.free();
}

const rows = [];
for (const line of execFileSync(example, ['list'], { encoding: 'utf8' }).trim().split('\n')) {
  const [shape, reader, what] = line.split('\t');
  const file = join(dir, reader === 'html' ? 'html' : 'text', shape);
  if (!existsSync(file)) throw new Error(`no ${file}: \`make test-node\` writes the inputs`);
  const [native, out] = execFileSync(example, [shape, '--time', file, String(RUNS)], { encoding: 'utf8' }).trim().split('\t');
  const bytes = readFileSync(file);
  const input = bytes.toString('utf8');
  let wasm = Infinity;
  let error = '';
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    try {
      read(reader, input);
    } catch (e) {
      error = ` (${e.code ?? e.message})`;
    }
    wasm = Math.min(wasm, performance.now() - t);
  }
  console.error(`${shape}: native ${native} ms, wasm ${wasm.toFixed(0)} ms`);
  rows.push(`| ${shape} | ${what} | ${(bytes.length / 1e6).toFixed(2)} | ${out.replace(/^[^:]*: /, '')}${error} | ${native} | ${wasm.toFixed(1)} |`);
}
const report = [
  'Command: `node bench/adversarial.mjs --write` (`make bench`; inputs from `make test-node`), fastest of three runs.',
  '',
  '| shape | what it stresses | MB | read | native ms | wasm in Node ms |',
  '|---|---|---:|---|---:|---:|',
  ...rows,
  '',
].join('\n');
console.log(report);
if (process.argv.includes('--write')) writeReport('adversarial-bench', report);
