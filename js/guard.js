// Every call into the wasm goes through here.
//
// Errors the library throws on purpose carry a stable `code` and pass through unchanged. A
// trap (a WebAssembly.RuntimeError: after one, the instance's memory can no longer be
// trusted) becomes an Error with code LB_INTERNAL, and a fresh instance is loaded for the
// calls after it. Objects the old instance made cannot be carried over: using one again
// throws LB_INTERNAL saying so, instead of failing in some stranger way.

const INNER = Symbol('liveblog-index inner object');
const BORN = Symbol('liveblog-index instance generation');
const ADOPT = Symbol('liveblog-index adopt');

// Search results cross from the wasm as columns, one array per field, which the engine
// parses about twice as fast as an object per hit (see `SearchResults::to_json`); here they
// become the objects of the typed API, `SearchResults`.
function readResults(w) {
  const h = w.hits;
  const values = (c) => c.name.map((name, i) => ({ name, count: c.count[i] }));
  const f = w.facets;
  return {
    total: w.total,
    hits: h.updateId.map((updateId, i) => ({
      blog: h.blog[i],
      updateId,
      score: h.score[i],
      fields: h.fields[i],
      headline: h.headline[i],
      excerpt: h.excerpt[i],
      timestamp: h.timestamp[i],
    })),
    facets: {
      people: values(f.people),
      places: values(f.places),
      orgs: values(f.orgs),
      speakers: values(f.speakers),
      hasQuote: f.hasQuote,
      hasImage: f.hasImage,
    },
    warnings: w.warnings,
    words: w.words,
  };
}

/** Methods whose results the wasm hands over in a form of its own, and how to read it. */
const READERS = { search: readResults };

function codeError(code, message, cause) {
  const err = new Error(`${code}: ${message}`, cause ? { cause } : undefined);
  err.code = code;
  return err;
}

/**
 * The public API over the generated bindings `first` (already initialised). `load(n)`
 * resolves to a fresh, initialised copy of the bindings for restart number `n`.
 */
export function guard(first, load, classNames, functionNames) {
  let glue = first;
  let generation = 0;

  function restart() {
    generation += 1;
    const n = generation;
    glue = null;
    load(n).then(
      (fresh) => { if (n === generation) glue = fresh; },
      (err) => { if (n === generation) console.warn('liveblog-index: could not restart after an internal error', err); },
    );
  }

  function call(fn) {
    if (!glue) throw codeError('LB_INTERNAL', 'the library is restarting after an internal error; try again in a moment');
    try {
      return fn(glue);
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) {
        restart();
        throw codeError('LB_INTERNAL', `the library failed inside (${err.message}) and restarts; objects made before are lost`, err);
      }
      throw err;
    }
  }

  const lost = () => codeError('LB_INTERNAL', 'this object was lost when the library restarted after an internal error; create it again');

  function unwrap(value) {
    if (value === null || typeof value !== 'object' || !(INNER in value)) return value;
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
        // An object of a lost instance has nothing left to free.
        if (this[BORN] === generation) this[INNER].free();
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
