// Reading a wasm module's binary, for the build scripts beside this file that rewrite it
// (trap-panics.mjs, order-functions.mjs).

/** The unsigned LEB128 number at `at` of `wasm`, and where it ends. */
export function leb(wasm, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The signed LEB128 number at `at` of `wasm`, and where it ends. */
export function sleb(wasm, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = wasm[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [byte & 0x40 ? value - 2 ** shift : value, at];
  }
}

/** `n` as unsigned LEB128. */
export function encode(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** The module's sections, [id, start of contents, end, start of header]; how many
 * functions it imports (functions are numbered imports first); its function names by
 * index, and the section holding them (null when it has none). */
export function inspect(wasm) {
  const sections = [];
  for (let at = 8; at < wasm.length; ) {
    const [size, start] = leb(wasm, at + 1);
    sections.push([wasm[at], start, start + size, at]);
    at = start + size;
  }
  let imported = 0;
  for (const [, start] of sections.filter(([id]) => id === 2)) {
    let [count, at] = leb(wasm, start);
    while (count--) {
      for (let s = 0; s < 2; s++) {
        const [len, next] = leb(wasm, at);
        at = next + len;
      }
      const kind = wasm[at++];
      if (kind === 0) imported++;
      let limits;
      if (kind === 1) at++; // a table's element type, then its limits
      if (kind === 1 || kind === 2) {
        [limits, at] = leb(wasm, at);
        [, at] = leb(wasm, at);
        if (limits & 1) [, at] = leb(wasm, at);
      } else if (kind === 3) at += 2;
      else [, at] = leb(wasm, at);
    }
  }
  const names = new Map();
  let nameSection = null;
  for (const section of sections.filter(([id]) => id === 0)) {
    let [len, at] = leb(wasm, section[1]);
    if (wasm.toString('utf8', at, at + len) !== 'name') continue;
    nameSection = section;
    for (at += len; at < section[2]; ) {
      const sub = wasm[at];
      const [size, body] = leb(wasm, at + 1);
      if (sub === 1) {
        let [count, p] = leb(wasm, body);
        while (count--) {
          let index;
          [index, p] = leb(wasm, p);
          [len, p] = leb(wasm, p);
          names.set(index, wasm.toString('utf8', p, p + len));
          p += len;
        }
      }
      at = body + size;
    }
  }
  return { sections, imported, names, nameSection };
}

/** The module's active data segments, each [address, start of its bytes in `wasm`, length];
 * throws on a segment whose address is not a constant. */
export function segments(wasm, sections) {
  const found = [];
  const data = sections.find(([id]) => id === 11);
  if (!data) return found;
  let [count, at] = leb(wasm, data[1]);
  while (count--) {
    const flags = wasm[at++];
    if (flags === 1) {
      // Passive: no address.
      const [len, next] = leb(wasm, at);
      at = next + len;
      continue;
    }
    if (flags === 2) [, at] = leb(wasm, at);
    if (flags > 2 || wasm[at] !== 0x41) throw new Error('a data segment whose address is not an i32.const');
    const [address, end] = sleb(wasm, at + 1);
    const [len, start] = leb(wasm, end + 1); // after the expression's `end`
    found.push([address, start, len]);
    at = start + len;
  }
  return found;
}

/** Every number the module's code and globals could use as an address: each `i32.const`
 * and each load's and store's offset, as [value, index of the function holding it (-1 for a
 * global)]. Reads every instruction of MVP wasm with the extensions Rust's wasm32 target
 * enables (bulk memory, sign extension, saturating conversions, reference types, multi-value,
 * tail calls); throws on any other, so that no constant goes unseen. */
export function constants(wasm, sections, imported) {
  return walk(wasm, sections, imported).found;
}

/** What each function of the module could call: `calls.get(index)` lists the functions it
 * names in a `call`, `return_call` or `ref.func`, and `indirect` holds those that call through
 * a table (any function of the table, then). Read as `constants` reads. */
export function calls(wasm, sections, imported) {
  const { calls, indirect } = walk(wasm, sections, imported);
  return { calls, indirect };
}

/** The functions the module's tables hold (its element segments). Throws on a segment this
 * reader does not know, so that none goes unseen. */
export function tableFunctions(wasm, sections) {
  const found = new Set();
  const u = (at) => leb(wasm, at);
  const element = sections.find(([id]) => id === 9);
  if (!element) return found;
  let [count, at] = u(element[1]);
  while (count--) {
    const [flags, next] = u(at);
    at = next;
    if (flags === 1 || flags === 3) at++; // passive or declared: an element kind, 0 (funcref)
    else if (flags === 2) at = u(at)[1]; // a table index, then an offset and a kind
    if (flags === 0 || flags === 2) {
      // An offset: one `i32.const` and `end`.
      if (wasm[at] !== 0x41) throw new Error('an element segment whose offset is not an i32.const');
      at = sleb(wasm, at + 1)[1];
      if (wasm[at++] !== 0x0b) throw new Error('an element segment whose offset is not one constant');
      if (flags === 2) at++;
    }
    if (flags > 3) throw new Error(`an element segment of expressions (flags ${flags}) this reader does not know`);
    let n;
    [n, at] = u(at);
    while (n--) {
      const [fn, after] = u(at);
      found.add(fn);
      at = after;
    }
  }
  return found;
}

/** The walk behind `constants` and `calls`. */
function walk(wasm, sections, imported) {
  const found = [];
  const calls = new Map();
  const indirect = new Set();
  const u = (at) => leb(wasm, at);
  const call = (fn, callee) => {
    if (!calls.has(fn)) calls.set(fn, []);
    calls.get(fn).push(callee);
  };
  const expression = (at, end, fn) => {
    while (at < end) {
      const op = wasm[at++];
      if (op === 0x41) {
        const [value, next] = sleb(wasm, at);
        found.push([value >>> 0, fn]);
        at = next;
      } else if (op >= 0x28 && op <= 0x3e) {
        const [align, next] = u(at);
        at = align & 0x40 ? u(next)[1] : next; // a memory index after the alignment's flag
        const [offset, after] = u(at);
        found.push([offset, fn]);
        at = after;
      } else if (op <= 0x01 || op === 0x05 || op === 0x0b || op === 0x0f || op === 0x1a || op === 0x1b || op === 0xd1) {
        // No immediates (unreachable, nop, else, end, return, drop, select, ref.is_null).
      } else if (op >= 0x02 && op <= 0x04) {
        // A block type: empty, a value type, or a type index.
        at = wasm[at] === 0x40 || (wasm[at] >= 0x6f && wasm[at] <= 0x7f) ? at + 1 : sleb(wasm, at)[1];
      } else if (op === 0x10 || op === 0x12 || op === 0xd2) {
        const [callee, next] = u(at);
        call(fn, callee);
        at = next;
      } else if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x26)) {
        at = u(at)[1];
      } else if (op === 0x11 || op === 0x13) {
        indirect.add(fn);
        at = u(u(at)[1])[1];
      } else if (op === 0x0e) {
        let [n, next] = u(at);
        for (at = next; n-- >= 0; ) at = u(at)[1]; // the targets, then the default
      } else if (op === 0x1c) {
        const [n, next] = u(at);
        at = next + n;
      } else if (op === 0x3f || op === 0x40 || op === 0xd0) {
        at += 1;
      } else if (op === 0x42) {
        at = sleb(wasm, at)[1];
      } else if (op === 0x43 || op === 0x44) {
        at += op === 0x43 ? 4 : 8;
      } else if (op >= 0x45 && op <= 0xc4) {
        // Arithmetic, comparisons, conversions, sign extension: no immediates.
      } else if (op === 0xfc) {
        const [sub, next] = u(at);
        const immediates = sub <= 7 ? 0 : [2, 1, 2, 1, 2, 1, 2, 1, 1, 1][sub - 8];
        if (immediates === undefined) throw new Error(`an instruction 0xfc ${sub} this reader does not know`);
        at = next;
        for (let k = 0; k < immediates; k++) at = u(at)[1];
      } else {
        throw new Error(`an instruction 0x${op.toString(16)} this reader does not know`);
      }
    }
    if (at !== end || wasm[end - 1] !== 0x0b) throw new Error(`function ${fn} not read to its end`);
  };
  const global = sections.find(([id]) => id === 6);
  if (global) {
    // Each global: a value type, its mutability, then one constant instruction and `end`.
    let [count, at] = u(global[1]);
    while (count--) {
      const op = wasm[at + 2];
      if (![0x23, 0x41, 0x42, 0x43, 0x44, 0xd0, 0xd2].includes(op)) throw new Error(`a global set by 0x${op.toString(16)}`);
      const end = op === 0x43 || op === 0x44 ? at + 3 + (op === 0x43 ? 4 : 8) : op === 0xd0 ? at + 4 : sleb(wasm, at + 3)[1];
      if (op === 0x41) found.push([sleb(wasm, at + 3)[0] >>> 0, -1]);
      if (wasm[end] !== 0x0b) throw new Error('a global whose value is not one constant instruction');
      at = end + 1;
    }
  }
  const code = sections.find(([id]) => id === 10);
  if (code) {
    let [count, at] = u(code[1]);
    for (let fn = imported; count--; fn++) {
      const [size, body] = u(at);
      let [groups, p] = u(body);
      while (groups--) p = u(p)[1] + 1; // a count of locals, then their type
      expression(p, body + size, fn);
      at = body + size;
    }
  }
  return { found, calls, indirect };
}
