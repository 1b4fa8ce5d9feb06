// The proof that lets `make build` zero data no code reads (tools/unread.mjs, run by
// tools/zero-tables.mjs): it must refuse every symbol that something still live points into,
// however the pointer reaches it, and zero only what nothing live reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unread, unreadBytes } from '../../tools/unread.mjs';

// Four symbols laid end to end, as a linker lays out read-only data.
const symbols = [
  { start: 1000, end: 1016 }, // 0: a panic message
  { start: 1016, end: 1032 }, // 1: a table read through `&table[i - 1]`
  { start: 1032, end: 1040 }, // 2: a string
  { start: 1040, end: 1048 }, // 3: a slice of pointers to 2
];
const code = (symbol, address, live) => ({ symbol, address, live });

test('a symbol only dead code points to is unread', () => {
  assert.deepEqual(unread(symbols, [code(0, 1000, false)], []), [0, 1, 2, 3]);
});

test('a symbol live code points to at its start is read', () => {
  assert.deepEqual(unread(symbols, [code(0, 1000, true)], []), [1, 2, 3]);
});

test('a symbol live code points into past its start is read', () => {
  // The relocation is against symbol 0, its addend carries it into symbol 1.
  assert.deepEqual(unread(symbols, [code(0, 1020, true)], []), [2, 3]);
});

test('a table addressed from before its start is read, and so is what the address falls in', () => {
  // `&table[i - 1]` folded into one constant: against symbol 1, four bytes before it, so the
  // shipped module's numbers never point into the table itself.
  assert.deepEqual(unread(symbols, [code(1, 1012, true)], []), [2, 3]);
});

test('a slice end just past its symbol reads the symbol and its neighbour', () => {
  assert.deepEqual(unread(symbols, [code(2, 1040, true)], []), [0, 1]);
});

test('data points on reads: from live data, from data no symbol covers, not from unread data', () => {
  const slice = [{ symbol: 2, address: 1032, at: 1040 }];
  // Symbol 3 is read by live code, so the string it points to is read.
  assert.deepEqual(unread(symbols, [code(3, 1040, true)], slice), [0, 1]);
  // Symbol 3 is read by dead code only: both unread.
  assert.deepEqual(unread(symbols, [code(3, 1040, false)], slice), [0, 1, 2, 3]);
  // A pointer in bytes that no symbol covers counts as read.
  assert.deepEqual(unread(symbols, [], [{ symbol: 2, address: 1034, at: 2000 }]), [0, 1, 3]);
});

test('data pointing only at each other, with nothing live reaching them, is unread', () => {
  const cycle = [
    { symbol: 3, address: 1040, at: 1032 },
    { symbol: 2, address: 1032, at: 1044 },
  ];
  assert.deepEqual(unread(symbols, [], cycle), [0, 1, 2, 3]);
  // And read, all of it, once live code reaches one.
  assert.deepEqual(unread(symbols, [code(3, 1040, true)], cycle), [0, 1]);
});

test('bytes another symbol shares are kept', () => {
  // A string merged into the tail of another: symbol 4 is the last eight bytes of symbol 1.
  const merged = [...symbols, { start: 1024, end: 1032 }];
  // Read where the tail is: both read.
  assert.deepEqual(unread(merged, [code(4, 1024, true)], []), [0, 2, 3]);
  // Read at the longer one's start: the tail is unread, but its bytes are not zeroed.
  const chosen = unread(merged, [code(1, 1016, true)], []);
  assert.deepEqual(chosen, [0, 4, 2, 3]); // in the order of their addresses
  assert.deepEqual(unreadBytes(merged, chosen), [[1000, 1016], [1032, 1048]]);
});
