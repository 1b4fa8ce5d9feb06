// The proof behind tools/zero-tables.mjs, apart from any module so that tests can hand it
// the cases it must refuse (tests/js/unread.test.mjs).
//
// The linker's relocations say where the code and the data of the linked module refer to
// each data symbol. A symbol is unread when every relocation that points into it sits in
// code that the shipped module no longer holds, or in the data of symbols that are
// themselves unread. "Points into" is taken wide: a relocation is against one symbol, with
// an addend that may carry the address outside it (`&table[i - 1]` folded into one constant
// points before the table's start, the end of a slice just past it), so it counts as a read
// of its own symbol and of every symbol its address falls in. Data that no symbol covers
// counts as read, and so does what its relocations point to.

/**
 * The data symbols that nothing read, as indices into `symbols`.
 *
 * - `symbols`: [{ start, end }] the linked module's data symbols, addresses as the module
 *   lays them out (several may overlap: a string merged into the tail of another).
 * - `fromCode`: [{ symbol, address, live }] each relocation in the code: the index of the
 *   symbol it is against (-1 for a number in code the linker did not write, which may be an
 *   address), the address it stands for, and whether the function holding it is still in
 *   the shipped module (as itself or inlined into others).
 * - `fromData`: [{ symbol, address, at }] each relocation in the data: the same, and the
 *   address of the word it patches.
 *
 * The unread set is the largest one that no read reaches from outside it: symbols pointing
 * only at each other, with nothing live pointing at them, are all unread.
 */
export function unread(symbols, fromCode, fromData) {
  const order = [...symbols.keys()].filter((s) => symbols[s].end > symbols[s].start).sort((a, b) => symbols[a].start - symbols[b].start);
  const longest = order.reduce((most, s) => Math.max(most, symbols[s].end - symbols[s].start), 0);
  /** The symbols that hold `address`. */
  const holders = (address) => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (symbols[order[mid]].start <= address) lo = mid + 1;
      else hi = mid;
    }
    const found = [];
    for (let k = lo - 1; k >= 0 && symbols[order[k]].start > address - longest; k--) {
      if (symbols[order[k]].end > address) found.push(order[k]);
    }
    return found;
  };
  const targets = ({ symbol, address }) => [...(symbol >= 0 ? [symbol] : []), ...holders(address)];

  const read = new Set();
  for (const relocation of fromCode) {
    if (relocation.live) for (const s of targets(relocation)) read.add(s);
  }
  // Data relocations, each with the symbols whose bytes hold it: read when any of those is.
  const inData = fromData.map((relocation) => ({ targets: targets(relocation), in: holders(relocation.at) }));
  for (let changed = true; changed; ) {
    changed = false;
    for (const relocation of inData) {
      if (relocation.in.length > 0 && !relocation.in.some((s) => read.has(s))) continue;
      for (const s of relocation.targets) {
        if (!read.has(s)) {
          read.add(s);
          changed = true;
        }
      }
    }
  }
  return order.filter((s) => !read.has(s));
}

/** The byte ranges to zero: those of the `unread` symbols without any byte of the others,
 * as sorted, disjoint [start, end) pairs. */
export function unreadBytes(symbols, unreadSymbols) {
  const merge = (list) => {
    const sorted = list.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    const out = [];
    for (const [a, b] of sorted) {
      if (out.length && a <= out[out.length - 1][1]) out[out.length - 1][1] = Math.max(out[out.length - 1][1], b);
      else out.push([a, b]);
    }
    return out;
  };
  const chosen = new Set(unreadSymbols);
  const zero = merge(unreadSymbols.map((s) => [symbols[s].start, symbols[s].end]));
  const keep = merge([...symbols.keys()].filter((s) => !chosen.has(s)).map((s) => [symbols[s].start, symbols[s].end]));
  const out = [];
  for (const [a, b] of zero) {
    let from = a;
    for (const [c, d] of keep) {
      if (d <= from || c >= b) continue;
      if (c > from) out.push([from, c]);
      from = Math.max(from, d);
    }
    if (from < b) out.push([from, b]);
  }
  return out;
}
