// Every call into the wasm goes through here.
//
// Errors the library throws on purpose carry a stable `LB_` code and pass through unchanged.
// Memory that runs out stops the wasm as a trap does; the module remembers the size it was
// asked for, and the call throws LB_TOO_LARGE with it (then restarts as below).
// Any other error is a trap: a WebAssembly.RuntimeError, a RangeError or InternalError from a
// stack that ran out inside the wasm, anything the glue throws half-way through a call. After
// one, the instance's memory and stack can no longer be trusted, so it becomes an Error with
// code LB_INTERNAL, and a fresh instance serves the calls after it (at once where `load`
// returns the bindings, as in Node; a moment later where it returns a promise). Objects the
// old instance made cannot be carried over: using one again throws LB_INTERNAL saying so,
// and using one after its free() throws LB_FREED, instead of failing in some stranger way.

const INNER = Symbol('liveblog-index inner object');
const BORN = Symbol('liveblog-index instance generation');
const ADOPT = Symbol('liveblog-index adopt');

// Search results cross from the wasm as one string of all their strings and an array of
// numbers, each string's length among them (see `Columns` in src/index/search.rs, which
// gives the order): cut here into the objects of the typed API, `SearchResults`, with
// nothing for the engine to parse.
function readResults([text, numbers]) {
  let n = 0;
  let at = 0;
  const num = () => numbers[n++];
  const str = () => text.slice(at, (at += numbers[n++]));
  const each = (read) => {
    const out = [];
    for (let k = num(); k > 0; k--) out.push(read());
    return out;
  };
  const values = () => each(() => ({ name: str(), count: num() }));
  const total = num();
  const hits = each(() => ({
    blog: str(),
    updateId: str(),
    score: num(),
    fields: each(str),
    headline: str(),
    excerpt: str(),
    timestamp: num() ? str() : null,
  }));
  const facets = {
    people: values(),
    places: values(),
    orgs: values(),
    speakers: values(),
    hasQuote: num(),
    hasImage: num(),
  };
  return { total, hits, facets, warnings: each(str), words: each(str) };
}

/** Methods whose results the wasm hands over in a form of its own, and how to read it. */
const READERS = { search: readResults };

/** Whether `err` is one the library throws on purpose (an `LB_` code), not a trap. */
function isOurs(err) {
  return err !== null && typeof err === 'object' && typeof err.code === 'string' && err.code.startsWith('LB_');
}

function codeError(code, message, cause) {
  const err = new Error(`${code}: ${message}`, cause ? { cause } : undefined);
  err.code = code;
  return err;
}

/**
 * The public API over the generated bindings `first` (already initialised). `load(n)`
 * returns a fresh, initialised copy of the bindings for restart number `n`, or a promise of
 * one.
 */
export function guard(first, load, classNames, functionNames) {
  let glue = first;
  let generation = 0;

  function restart() {
    generation += 1;
    const n = generation;
    glue = null;
    const failed = (err) => { if (n === generation) console.warn('liveblog-index: could not restart after an internal error', err); };
    let fresh;
    try {
      fresh = load(n);
    } catch (err) {
      failed(err);
      return;
    }
    if (typeof fresh?.then === 'function') {
      fresh.then((ready) => { if (n === generation) glue = ready; }, failed);
    } else {
      glue = fresh;
    }
  }

  function call(fn) {
    if (!glue) throw codeError('LB_INTERNAL', 'the library is restarting after an internal error; try again in a moment');
    const used = glue;
    try {
      return fn(used);
    } catch (err) {
      if (isOurs(err)) throw err;
      // Memory that could not grow stops the module too: say so, with the size asked for.
      let asked = 0;
      try { asked = used.failedAllocation?.() ?? 0; } catch { /* nothing to ask */ }
      restart();
      if (asked > 0) throw codeError('LB_TOO_LARGE', `memory ran out: ${asked} more bytes could not be had; the library restarts, and objects made before are lost`, err);
      throw codeError('LB_INTERNAL', `the library failed inside (${err?.message ?? err}) and restarts; objects made before are lost`, err);
    }
  }

  const lost = () => codeError('LB_INTERNAL', 'this object was lost when the library restarted after an internal error; create it again');
  const FREED = Symbol('freed');
  const freed = (name) => codeError('LB_FREED', `this ${name} was freed with free(); create it again`);

  function unwrap(value) {
    if (value === null || typeof value !== 'object' || !(INNER in value)) return value;
    if (value[FREED]) throw freed(value.constructor.name);
    if (value[BORN] !== generation) throw lost();
    return value[INNER];
  }

  const api = {};

  function wrap(value) {
    for (const name of classNames) {
      if (glue && value instanceof glue[name]) return new api[name](ADOPT, value);
    }
    return value;
  }

  for (const name of classNames) {
    const Generated = first[name];
    const Wrapper = class {
      constructor(...args) {
        this[INNER] = args[0] === ADOPT ? args[1] : call((g) => new g[name](...args.map(unwrap)));
        this[BORN] = generation;
      }

      free() {
        // An object of a lost instance has nothing left to free; a second free() does nothing.
        if (this[BORN] === generation && !this[FREED]) this[INNER].free();
        this[FREED] = true;
      }
    };
    Object.defineProperty(Wrapper, 'name', { value: name });
    for (const key of Object.getOwnPropertyNames(Generated)) {
      if (typeof Generated[key] !== 'function' || key.startsWith('__') || ['length', 'name', 'prototype'].includes(key)) continue;
      Wrapper[key] = (...args) => wrap(call((g) => g[name][key](...args.map(unwrap))));
    }
    for (const key of Object.getOwnPropertyNames(Generated.prototype)) {
      if (key === 'constructor' || key === 'free' || key.startsWith('__')) continue;
      const desc = Object.getOwnPropertyDescriptor(Generated.prototype, key);
      const own = (self) => {
        if (self[FREED]) throw freed(name);
        if (self[BORN] !== generation) throw lost();
        return self[INNER];
      };
      if (desc.get) {
        Object.defineProperty(Wrapper.prototype, key, { get() { const inner = own(this); return wrap(call(() => inner[key])); } });
      } else if (typeof desc.value === 'function') {
        const read = READERS[key] ?? ((value) => value);
        Wrapper.prototype[key] = function (...args) {
          const inner = own(this);
          return wrap(read(call(() => inner[key](...args.map(unwrap)))));
        };
      }
    }
    api[name] = Wrapper;
  }
  for (const name of functionNames) {
    api[name] = (...args) => wrap(call((g) => g[name](...args.map(unwrap))));
  }
  return api;
}
