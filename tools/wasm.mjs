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
