// Zeroes std's Unicode tables that no code of the shipped wasm reads, in two steps that
// `make build` runs:
//   node tools/zero-tables.mjs --find LINKED.wasm TABLES.json BARE.wasm
// before wasm-bindgen, on the linker's output, which must carry its symbol table and
// relocations (`-C link-arg=--emit-relocs`, .cargo/config.toml): writes where the tables
// are to TABLES.json, and LINKED without those sections to BARE.wasm, for wasm-bindgen and
// binaryen, which read no module that carries them;
//   node tools/zero-tables.mjs TABLES.json FILE.wasm
// last, on the optimised module: proves that nothing in FILE addresses the tables, and
// zeroes their bytes in FILE's data, in place.
//
// `char::escape_debug` asks `core::unicode::printable` and the grapheme-extend look-up
// whether to escape a character. Only `Debug` of a `char` or a `str` calls it, and only a
// panic's message reaches those here: once the panics trap (trap-panics.mjs) wasm-opt drops
// the look-ups. Their tables stay, for the data section is laid out before (2.4 KB raw,
// 2.1 KB gzipped: BENCHMARKS.md, issue 22). The tables are the data that relocations in the
// look-ups' code point to and no other relocation does (most are anonymous constants, so
// their names would not do), each symbol's address and size from the linker's symbol table.
// The proof is that no `i32.const` of the code or the globals, no load's or store's offset,
// and no aligned word of the data outside the tables points into one. When it fails (a
// build that formats a `char` with `{:?}` again, or a toolchain that reads the tables from
// elsewhere), or no table is found, the script fails loudly rather than ship a zeroed table
// that is read.
import { readFileSync, writeFileSync } from 'node:fs';
import { constants, inspect, leb as lebAt, segments } from './wasm.mjs';

// The look-ups that read the tables, by the path their mangled names hold (both manglings
// write each segment of a path as its length and its name).
const READERS = /4core7unicode(9printable|12unicode_data15grapheme_extend)\d/;

const fail = (message) => {
  console.error(`zero-tables: ${message}`);
  process.exit(1);
};
const usage = () => {
  console.error('usage: node tools/zero-tables.mjs --find LINKED.wasm TABLES.json BARE.wasm\n       node tools/zero-tables.mjs TABLES.json FILE.wasm');
  process.exit(2);
};
const wasmAt = (path) => {
  const bytes = readFileSync(path);
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail(`${path} is not a wasm module`);
  return bytes;
};

if (process.argv[2] === '--find') {
  const [linked, json, bare] = process.argv.slice(3);
  if (!bare) usage();
  const wasm = wasmAt(linked);
  const tables = find(wasm, linked);
  if (tables.length === 0) fail(`${linked}: no data that only the Unicode look-ups refer to`);
  writeFileSync(json, `${JSON.stringify(tables, null, 1)}\n`);
  // The module without its symbol table and relocations: the custom sections dropped whole.
  const { sections } = inspect(wasm);
  const kept = sections.filter(([id, start]) => {
    if (id !== 0) return true;
    const [len, at] = lebAt(wasm, start);
    const name = wasm.toString('utf8', at, at + len);
    return name !== 'linking' && !name.startsWith('reloc.');
  });
  writeFileSync(bare, Buffer.concat([wasm.subarray(0, 8), ...kept.map(([, , end, header]) => wasm.subarray(header, end))]));
  process.exit(0);
}

const [json, file] = process.argv.slice(2);
if (!file) usage();
const tables = JSON.parse(readFileSync(json, 'utf8'));
const wasm = wasmAt(file);
const { sections, imported, names } = inspect(wasm);
const inside = (address) => tables.find(({ start, end }) => address >= start && address < end);
let numbers;
try {
  numbers = constants(wasm, sections, imported);
} catch (error) {
  fail(`${file}: ${error.message}, so the proof cannot be made`);
}
for (const [value, fn] of numbers) {
  const table = inside(value);
  if (table) fail(`${table.name} is addressed by ${fn < 0 ? 'a global' : `function ${names.get(fn) ?? fn}`} (${value})`);
}
const data = segments(wasm, sections);
const at = (address) => {
  const segment = data.find(([base, , len]) => address >= base && address < base + len);
  return segment ? segment[1] + address - segment[0] : -1;
};
for (const [base, start, len] of data) {
  for (let address = base + ((4 - (base % 4)) % 4); address + 4 <= base + len; address += 4) {
    const table = inside(wasm.readUInt32LE(start + address - base));
    if (table && !inside(address)) fail(`${table.name} is pointed to by the data at ${address}`);
  }
}
for (const { start, end } of tables) {
  for (let address = start; address < end; address++) {
    const p = at(address);
    if (p >= 0) wasm[p] = 0; // bytes outside every segment are zero already
  }
}
writeFileSync(file, wasm);
const bytes = tables.reduce((sum, { start, end }) => sum + end - start, 0);
console.log(`zero-tables: ${tables.length} Unicode tables zeroed (${bytes} B) that no code reads`);

/** The data the Unicode readers alone refer to in the linked module `wasm`, as {name,
 * start, end}: each data symbol that a relocation in the code of a function `READERS` names
 * points to, and no relocation elsewhere (in other code or in the data). */
function find(wasm, linked) {
  const { sections, imported } = inspect(wasm);
  const leb = (p) => lebAt(wasm, p);
  const str = (p) => {
    const [len, next] = leb(p);
    return [wasm.toString('utf8', next, next + len), next + len];
  };
  const custom = (wanted) =>
    sections.find(([id, start]) => id === 0 && str(start)[0] === wanted) ?? fail(`${linked} has no ${wanted} section (linked without --emit-relocs?)`);
  const bases = segments(wasm, sections).map(([address]) => address);

  // The symbol table: data symbols with their extent, functions with their index and name.
  const symbols = [];
  const linking = custom('linking');
  let [, p] = leb(str(linking[1])[1]); // after the name, the version
  while (p < linking[2]) {
    const kind = wasm[p];
    const [size, body] = leb(p + 1);
    p = body + size;
    if (kind !== 8) continue;
    let [count, q] = leb(body);
    while (count--) {
      const type = wasm[q];
      let flags, index, name;
      [flags, q] = leb(q + 1);
      const defined = (flags & 0x10) === 0;
      if (type === 1) {
        // Data: a name, then (when defined here) a segment, an offset in it and a size.
        [name, q] = str(q);
        const symbol = { type, name };
        if (defined) {
          let segment, offset, length;
          [segment, q] = leb(q);
          [offset, q] = leb(q);
          [length, q] = leb(q);
          if (bases[segment] === undefined) fail(`${linked}: data symbol ${name} in a segment with no address`);
          symbol.start = bases[segment] + offset;
          symbol.end = symbol.start + length;
        }
        symbols.push(symbol);
      } else if (type === 3) {
        [index, q] = leb(q); // a section
        symbols.push({ type });
      } else {
        // A function, global, tag or table: an index, then a name when it has one.
        [index, q] = leb(q);
        if (defined || flags & 0x40) [name, q] = str(q);
        symbols.push({ type, index, name });
      }
    }
  }

  // Which function holds each byte of the code section, by the start of its body.
  const code = sections.find(([id]) => id === 10);
  const bodies = [];
  let [count, at] = leb(code[1]);
  for (let fn = imported; count--; fn++) {
    const [size, body] = leb(at);
    bodies.push([at - code[1], fn]);
    at = body + size;
  }
  const holder = (offset) => {
    let lo = 0;
    for (let hi = bodies.length; hi - lo > 1; ) {
      const mid = (lo + hi) >> 1;
      if (bodies[mid][0] <= offset) lo = mid;
      else hi = mid;
    }
    return bodies[lo][1];
  };
  const readers = new Set(symbols.filter((s) => s.type === 0 && READERS.test(s.name ?? '')).map((s) => s.index));
  if (readers.size === 0) fail(`${linked} has no function core::unicode::printable or grapheme_extend`);

  // Every relocation: which symbol it points to, from a reader's code or from elsewhere.
  const fromReaders = new Set();
  const fromElsewhere = new Set();
  const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
  for (const wanted of ['reloc.CODE', 'reloc.DATA']) {
    let [, q] = leb(str(custom(wanted)[1])[1]); // after the name, the section it relocates
    let entries;
    [entries, q] = leb(q);
    while (entries--) {
      const type = wasm[q];
      if (type > 25) fail(`${linked} has a relocation of a kind (${type}) this script does not know`);
      let offset, symbol;
      [offset, q] = leb(q + 1);
      [symbol, q] = leb(q);
      if (ADDEND.has(type)) [, q] = lebAt(wasm, q); // the addend: its length is all that matters
      (wanted === 'reloc.CODE' && readers.has(holder(offset)) ? fromReaders : fromElsewhere).add(symbol);
    }
  }
  return [...fromReaders]
    .filter((s) => !fromElsewhere.has(s) && symbols[s].type === 1 && symbols[s].end > symbols[s].start)
    .map((s) => ({ name: symbols[s].name, start: symbols[s].start, end: symbols[s].end }))
    .sort((a, b) => a.start - b.start);
}
