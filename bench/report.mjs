// Writes a benchmark's report into BENCHMARKS.md, between its markers
// (<!-- NAME:start --> and <!-- NAME:end -->), leaving the prose around it alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const path = resolve(import.meta.dirname, '..', 'BENCHMARKS.md');

export function writeReport(name, report) {
  const doc = readFileSync(path, 'utf8');
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!doc.includes(start) || !doc.includes(end)) throw new Error(`BENCHMARKS.md has no ${start} … ${end} block`);
  writeFileSync(path, doc.replace(new RegExp(`${start}[\\s\\S]*${end}`), () => `${start}\n${report}${end}`));
}
