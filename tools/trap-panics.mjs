// Makes every panic of the wasm a bare trap: `node tools/trap-panics.mjs FILE.wasm` before
// wasm-opt, on wasm-bindgen's output, which must keep the name section (`wasm-bindgen
// --keep-debug`); then `node tools/trap-panics.mjs --locations FILE.wasm` after it. Each
// rewrites FILE in place (`make build` runs both).
//
// With `panic = "abort"` a panic already ends in a trap, and on wasm32-unknown-unknown the
// message std formats on the way goes nowhere (stderr is unsupported, and the crate sets no
// panic hook), so JS sees the same `RuntimeError: unreachable` either way. But the way there
// costs bytes: the message formatting behind `core::panicking::panic_fmt`, and at every
// bounds check, `unwrap` and slice the arguments that describe the failure. Here the body of
// each of Rust's functions that only build and raise a panic becomes `unreachable`; wasm-opt
// then inlines that trap into each caller and drops the arguments and the formatting code
// nothing else reaches: 7.6 KB less gzipped (BENCHMARKS.md, issue 22). Nightly's
// `-Cpanic=immediate-abort` does the same at compile time; this needs only the stable
// toolchain. Functions are found by name, so the script fails loudly when it finds none of
// them (a toolchain that renamed them), rather than quietly building the larger module.
//
// What stays is data: the place of each panic in the source (a `core::panic::Location`: the
// file's name, its length, a line and a column; 777 of them) and the files' names. Nothing
// but the panic machinery reads a Location, and none of it is left, so `--locations` zeroes
// them, and the names they point to, in the optimised module's data: 4.3 KB less gzipped.
// (Zeroed before wasm-opt instead, its memory packing splits the data into so many segments
// that the saving is 3.4 KB.) A Location is known by its shape: four 32-bit words, the first
// pointing into the data at a source file's name (a path ending `.rs`, its length the second
// word, a NUL after it as rustc writes them), then a line and a column above 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { encode, inspect, leb as lebAt, segments as activeSegments } from './wasm.mjs';

// The panicking entry points of core and alloc: each diverges (`-> !`) and does nothing but
// describe the failure and panic. Allocation failures are left as they are (measured: no
// smaller as traps; src/memory.rs remembers the size asked for before std stops).
//
// Then what only a panic's message and std's panic handler call, which the two lines above
// leave behind: `Debug` of a `char` and of a `Range<usize>` (a slicing panic's "is not a
// char boundary; it is inside 'é' (bytes 3..5)"), of `fmt::Error` (unwrapping a write) and
// of `&dyn Debug` (`assert_failed`), and std's panic payloads. Nothing calls them directly
// once the panics trap, but each sits in the function table behind a vtable, which keeps it
// and what it calls (`escape_debug`, Unicode's printable and grapheme tables' look-ups).
// The crate formats nothing with `{:?}` outside its tests. 1.3 KB less gzipped.
const PANICS = new RegExp(
  '^core(\\[\\w+\\])?::panicking::' +
    '|::(slice_error_fail|slice_error_fail_rt|slice_index_fail|len_mismatch_fail|unwrap_failed' +
    '|expect_failed|assert_failed|panic_already_borrowed|panic_already_mutably_borrowed' +
    '|panic_on_ord_violation|rust_begin_unwind)$' +
    '|^<(char|core(\\[\\w+\\])?::ops::range::Range<usize>|core(\\[\\w+\\])?::fmt::Error' +
    '|&dyn core(\\[\\w+\\])?::fmt::Debug) as core(\\[\\w+\\])?::fmt::Debug>::fmt(\\[\\d+\\])?$' +
    '|^<std(\\[\\w+\\])?::panicking::',
);

const locations = process.argv[2] === '--locations';
const file = process.argv[locations ? 3 : 2];
if (!file) {
  console.error('usage: node tools/trap-panics.mjs [--locations] FILE.wasm');
  process.exit(2);
}
const wasm = readFileSync(file);

const leb = (at) => lebAt(wasm, at);
const { sections, imported, names } = inspect(wasm);

if (locations) zeroLocations();
else trapPanics();

/** The bodies of the functions `PANICS` names made `unreachable`. */
function trapPanics() {
  const code = sections.find(([id]) => id === 10);
  if (!code || ![...names.values()].some((n) => /::panicking::panic_fmt$/.test(n))) {
    console.error(`trap-panics: ${file} names no core::panicking::panic_fmt (built without --keep-debug?)`);
    process.exit(1);
  }
  // A body that declares no locals and traps: valid for any signature.
  const TRAP = Buffer.from([3, 0, 0x00, 0x0b]);
  let [count, at] = leb(code[1]);
  const parts = [encode(count)];
  let trapped = 0;
  for (let index = imported; count--; index++) {
    const [size, body] = leb(at);
    if (PANICS.test(names.get(index) ?? '')) {
      parts.push(TRAP);
      trapped++;
    } else parts.push(wasm.subarray(at, body + size));
    at = body + size;
  }
  const contents = Buffer.concat(parts);
  writeFileSync(
    file,
    Buffer.concat([wasm.subarray(0, code[3]), Buffer.from([10]), encode(contents.length), contents, wasm.subarray(code[2])]),
  );
  console.log(`trap-panics: ${trapped} panicking functions made traps`);
}

/** Every panic Location of the data zeroed, and the file names they point to. */
function zeroLocations() {
  // Active segments: [address, start in the file, length].
  let segments;
  try {
    segments = activeSegments(wasm, sections);
  } catch (error) {
    console.error(`trap-panics: ${file}: ${error.message}`);
    process.exit(1);
  }
  const at = (address, len) => {
    for (const [base, start, size] of segments) {
      if (address >= base && address + len <= base + size) return start + address - base;
    }
    return -1;
  };
  const PATH = /^(\/|src\/)[\w/.+-]*\.rs$/;
  const records = [];
  const names = new Map();
  for (const [base, start, size] of segments) {
    for (let p = start + ((4 - (base % 4)) % 4); p + 16 <= start + size; p += 4) {
      const [name, len, line, column] = [0, 4, 8, 12].map((k) => wasm.readUInt32LE(p + k));
      if (len === 0 || len > 300 || line === 0 || column === 0 || line > 1e6 || column > 1e4) continue;
      const q = at(name, len + 1);
      if (q < 0 || wasm[q + len] !== 0 || !PATH.test(wasm.toString('latin1', q, q + len))) continue;
      records.push(p);
      names.set(q, len);
    }
  }
  if (records.length === 0) {
    console.error(`trap-panics: ${file} holds no panic locations (a toolchain that writes them otherwise?)`);
    process.exit(1);
  }
  for (const p of records) wasm.fill(0, p, p + 16);
  for (const [q, len] of names) wasm.fill(0, q, q + len);
  writeFileSync(file, wasm);
  console.log(`trap-panics: ${records.length} panic locations and ${names.size} file names zeroed`);
}
