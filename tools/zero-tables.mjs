// Zeroes the data that no code of the shipped wasm reads any longer, in three steps that
// `make build` runs:
//   node tools/zero-tables.mjs --find LINKED.wasm FACTS.json BARE.wasm
// before wasm-bindgen, on the linker's output, which must carry its symbol table and
// relocations (`-C link-arg=--emit-relocs`, .cargo/config.toml): writes its data symbols and
// where each relocation sits to FACTS.json, and LINKED without those sections to BARE.wasm,
// for wasm-bindgen and binaryen, which read no module that carries them;
//   cp FILE.wasm TRAPS.wasm
// after trap-panics.mjs, before wasm-opt: the code as it stands before optimising; and
// MANGLED.wasm, the same wasm-bindgen run with `--no-demangle`, which names its functions
// as the linker does (wasm-bindgen's own names are demangled);
//   node tools/zero-tables.mjs FACTS.json TRAPS.wasm MANGLED.wasm FILE.wasm
// last, on the optimised module, written with its function names (`wasm-opt -g`): proves
// which data nothing reads, zeroes its bytes in FILE's data, and writes FILE without the
// names, in place.
//
// Once the panics trap (trap-panics.mjs), wasm-opt drops the code that formatted their
// messages and what only that code reached: `char::escape_debug` with std's Unicode printable
// and grapheme-extend look-ups, `assert_failed`'s and `slice_error_fail`'s texts, the
// messages inside the panicking functions. Their data stays, for the data section is laid out
// before (BENCHMARKS.md, issue 22). Here a data symbol of the linker's is zeroed when every
// relocation pointing into it sits in a function the shipped module no longer holds, or in
// data itself unread (tools/unread.mjs has the proof and why it reads relocations, not the
// shipped module's numbers: an address folded with an offset may point outside the data it
// reads). A function is held when the shipped module names it, or when a held one called it
// before wasm-opt ran (TRAPS.wasm: inlining moves code only along calls, or along a table
// call made direct, so any function of the table counts for a function that calls through
// it); a function made a trap holds nothing. Code with no name of the linked module's (what
// wasm-bindgen adds) reads every address it holds as a number. Then, as a second proof, no
// `i32.const`, load or store offset or aligned data word of the shipped module outside the
// zeroed bytes may point into them: a symbol that one does is left as it is, loudly.
import { readFileSync, writeFileSync } from 'node:fs';
import { calls, constants, inspect, leb as lebAt, segments, sleb, tableFunctions } from './wasm.mjs';
import { unread, unreadBytes } from './unread.mjs';

const fail = (message) => {
  console.error(`zero-tables: ${message}`);
  process.exit(1);
};
const usage = () => {
  console.error(
    'usage: node tools/zero-tables.mjs --find LINKED.wasm FACTS.json BARE.wasm\n       node tools/zero-tables.mjs FACTS.json TRAPS.wasm MANGLED.wasm FILE.wasm',
  );
  process.exit(2);
};
const wasmAt = (path) => {
  const bytes = readFileSync(path);
  if (bytes.length < 8 || bytes.readUInt32LE(0) !== 0x6d736100) fail(`${path} is not a wasm module`);
  return bytes;
};
/** `wasm` without its custom sections whose names `drop` accepts. */
const without = (wasm, drop) => {
  const kept = inspect(wasm).sections.filter(([id, start]) => {
    if (id !== 0) return true;
    const [len, at] = lebAt(wasm, start);
    return !drop(wasm.toString('utf8', at, at + len));
  });
  return Buffer.concat([wasm.subarray(0, 8), ...kept.map(([, , end, header]) => wasm.subarray(header, end))]);
};

if (process.argv[2] === '--find') {
  const [linked, json, bare] = process.argv.slice(3);
  if (!bare) usage();
  const wasm = wasmAt(linked);
  writeFileSync(json, JSON.stringify(facts(wasm, linked)));
  writeFileSync(bare, without(wasm, (name) => name === 'linking' || name.startsWith('reloc.')));
  process.exit(0);
}

const [json, traps, mangled, file] = process.argv.slice(2);
if (!file) usage();
const { symbols, functions, fromCode, fromData } = JSON.parse(readFileSync(json, 'utf8'));
const linkedNames = new Set(functions);

// The functions the shipped module holds, by the names it was written with (order-functions
// put a rank before each).
const wasm = wasmAt(file);
const shipped = inspect(wasm);
if (shipped.names.size === 0) fail(`${file} names no function (optimised without -g?)`);
const held = new Set([...shipped.names.values()].map((name) => name.replace(/^(\d+|~) /, '')));

// The code before wasm-opt, its functions by the names the linker gave them.
const before = wasmAt(traps);
const code = inspect(before);
const linkerNamed = wasmAt(mangled);
const linker = inspect(linkerNamed);
const bodies = (module, { sections, imported }) => {
  const found = [];
  const section = sections.find(([id]) => id === 10);
  let [count, at] = lebAt(module, section[1]);
  for (let fn = imported; count--; fn++) {
    const [size, body] = lebAt(module, at);
    found.push(module.subarray(body, body + size));
    at = body + size;
  }
  return found;
};
// A body of no locals that traps (trap-panics.mjs) holds none of its code's relocations.
const isTrap = (body) => body.length === 3 && body[0] === 0 && body[1] === 0 && body[2] === 0x0b;
const trapped = new Set();
{
  const ours = bodies(before, code);
  const theirs = bodies(linkerNamed, linker);
  if (code.imported !== linker.imported || ours.length !== theirs.length) fail(`${mangled} is not ${traps} with other names`);
  ours.forEach((body, k) => {
    if (isTrap(body) && !isTrap(theirs[k])) trapped.add(code.imported + k);
    else if (!body.equals(theirs[k])) fail(`${mangled} is not ${traps} with other names (function ${code.imported + k})`);
  });
}
const byName = new Map();
for (const [index, name] of code.names) byName.set(name, [...(byName.get(name) ?? []), index]);
for (const name of held) if (!byName.has(name)) fail(`${file} holds ${name}, which ${traps} does not: code of unknown origin`);
let graph;
let numbers;
let table;
try {
  graph = calls(before, code.sections, code.imported);
  numbers = constants(before, code.sections, code.imported);
  table = tableFunctions(before, code.sections);
} catch (error) {
  fail(`${traps}: ${error.message}, so the proof cannot be made`);
}
const live = new Set([...held].flatMap((name) => byName.get(name)));
for (const queue = [...live]; queue.length; ) {
  const fn = queue.pop();
  const next = [...(graph.calls.get(fn) ?? []), ...(graph.indirect.has(fn) ? table : [])];
  for (const callee of next) {
    if (!live.has(callee)) {
      live.add(callee);
      queue.push(callee);
    }
  }
}
const liveNames = new Set([...live].filter((fn) => !trapped.has(fn)).map((fn) => linker.names.get(fn)));
// Code the linked module did not name reads any address it holds as a number.
const foreign = numbers
  .filter(([, fn]) => fn < 0 || (live.has(fn) && !linkedNames.has(linker.names.get(fn))))
  .map(([value]) => ({ symbol: -1, address: value, live: true }));

const reads = [...fromCode.map(([symbol, address, holder]) => ({ symbol, address, live: liveNames.has(holder) })), ...foreign];
const data = fromData.map(([symbol, address, at]) => ({ symbol, address, at }));
const extents = symbols.map(([, start, end]) => ({ start, end }));
let chosen = unread(extents, reads, data);

// The second proof: nothing in the shipped module points into the bytes about to be zeroed.
const shippedNumbers = constants(wasm, shipped.sections, shipped.imported);
const shippedData = segments(wasm, shipped.sections);
for (;;) {
  const ranges = unreadBytes(extents, chosen);
  const inside = (address) => ranges.some(([a, b]) => address >= a && address < b);
  const pointed = new Set(shippedNumbers.filter(([value]) => inside(value)).map(([value]) => value));
  for (const [base, start, len] of shippedData) {
    for (let address = base + ((4 - (base % 4)) % 4); address + 4 <= base + len; address += 4) {
      const value = wasm.readUInt32LE(start + address - base);
      if (inside(value) && !inside(address)) pointed.add(value);
    }
  }
  if (pointed.size === 0) break;
  const refused = chosen.filter((s) => [...pointed].some((v) => v >= extents[s].start && v < extents[s].end));
  for (const s of refused) console.error(`zero-tables: ${symbols[s][0]} left as it is: the shipped module holds its address`);
  if (refused.length === 0) fail('an address inside the zeroed bytes that no symbol holds');
  chosen = chosen.filter((s) => !refused.includes(s));
}

const ranges = unreadBytes(extents, chosen);
let zeroed = 0;
for (const [a, b] of ranges) {
  for (const [base, start, len] of shippedData) {
    const from = Math.max(a, base);
    const to = Math.min(b, base + len);
    if (from < to) wasm.fill(0, start + from - base, start + to - base); // bytes outside every segment are zero already
  }
  zeroed += b - a;
}
writeFileSync(file, without(wasm, (name) => name === 'name'));
console.log(`zero-tables: ${chosen.length} data symbols that no code reads zeroed (${zeroed} B)`);

/** What the proof needs of the linked module `wasm`: its data symbols as [name, start, end];
 * its function names; and each relocation against a data symbol as [symbol, the address it
 * stands for, the name of the function whose code holds it] (`fromCode`) or [symbol, address,
 * the address of the data word it patches] (`fromData`). */
function facts(wasm, linked) {
  const { sections, imported, names } = inspect(wasm);
  if (names.size === 0) fail(`${linked} names no function`);
  const leb = (p) => lebAt(wasm, p);
  const str = (p) => {
    const [len, next] = leb(p);
    return [wasm.toString('utf8', next, next + len), next + len];
  };
  const custom = (wanted) =>
    sections.find(([id, start]) => id === 0 && str(start)[0] === wanted) ?? fail(`${linked} has no ${wanted} section (linked without --emit-relocs?)`);
  const dataSegments = segments(wasm, sections);
  const bases = dataSegments.map(([address]) => address);

  // The symbol table: data symbols with their extent.
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
      let flags, name;
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
        [, q] = leb(q); // a section
        symbols.push({ type });
      } else {
        // A function, global, tag or table: an index, then a name when it has one.
        [, q] = leb(q);
        if (defined || flags & 0x40) [, q] = str(q);
        symbols.push({ type });
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
  // The address of a byte of the data section, by its offset in the section.
  const data = sections.find(([id]) => id === 11);
  const addressOf = (offset) => {
    const p = data[1] + offset;
    const segment = dataSegments.find(([, start, len]) => p >= start && p < start + len);
    return segment ? segment[0] + p - segment[1] : -1;
  };

  // Data symbols are renumbered densely for the proof.
  const dense = new Map();
  const kept = [];
  symbols.forEach((s, k) => {
    if (s.type === 1 && s.end !== undefined) {
      dense.set(k, kept.length);
      kept.push([s.name, s.start, s.end]);
    }
  });
  const fromCode = [];
  const fromData = [];
  // The relocation types that carry an addend, and the last one this script knows.
  const ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);
  for (const wanted of ['reloc.CODE', 'reloc.DATA']) {
    let [, q] = leb(str(custom(wanted)[1])[1]); // after the name, the section it relocates
    let entries;
    [entries, q] = leb(q);
    while (entries--) {
      const type = wasm[q];
      if (type > 26) fail(`${linked} has a relocation of a kind (${type}) this script does not know`);
      let offset, symbol;
      let addend = 0;
      [offset, q] = leb(q + 1);
      [symbol, q] = leb(q);
      if (ADDEND.has(type)) [addend, q] = sleb(wasm, q);
      if (!dense.has(symbol)) {
        if (symbols[symbol]?.type === 1) fail(`${linked}: a relocation against ${symbols[symbol].name}, which has no address here`);
        continue; // a function, global, table or section
      }
      const target = dense.get(symbol);
      const address = kept[target][1] + addend;
      if (wanted === 'reloc.CODE') {
        fromCode.push([target, address, names.get(holder(offset)) ?? '']);
      } else {
        const where = addressOf(offset);
        if (where < 0) fail(`${linked}: a data relocation outside every segment`);
        fromData.push([target, address, where]);
      }
    }
  }
  return { symbols: kept, functions: [...new Set(names.values())], fromCode, fromData };
}
