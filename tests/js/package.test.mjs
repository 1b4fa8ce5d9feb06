// The npm package as users get it: packed with `npm pack`, installed into a fresh project,
// imported by name, run as a CLI, and type-checked with strict TypeScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const pkg = join(root, 'pkg');
let project;

const SAMPLE = `Harbour works – live

The council approved the plan on Monday, officials said.

10:05 a.m. Cranes arrive

Two cranes were unloaded at the north quay.

“The cranes are the biggest we have ever had,” harbour master Ivo Dane told reporters.

9:30 a.m. Road closed

The quay road is closed until noon.
`;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'liveblog-pack-'));
  execFileSync('npm', ['pack', pkg, '--pack-destination', project, '--silent'], { stdio: 'pipe' });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack produced a tarball');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(project, tarball)], { cwd: project, stdio: 'pipe' });
  writeFileSync(join(project, 'sample.txt'), SAMPLE);
});

after(() => rmSync(project, { recursive: true, force: true }));

function node(script, flags = []) {
  writeFileSync(join(project, 'script.mjs'), script);
  const r = spawnSync(process.execPath, [...flags, 'script.mjs'], { cwd: project, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the tarball holds the package and nothing else', () => {
  const files = execFileSync('tar', ['-tzf', join(project, readdirSync(project).find((f) => f.endsWith('.tgz')))], { encoding: 'utf8' })
    .trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(files, [
    'README.md', 'bin/liveblog.mjs', 'element.d.ts', 'element.js', 'guard.js', 'index.d.ts', 'index.js', 'liveblog_index.d.ts', 'liveblog_index.js',
    'liveblog_index_bg.wasm', 'liveblog_index_bg.wasm.d.ts', 'load.js', 'node.js', 'package.json', 'worker.js',
  ]);
});

test('Node imports the package by name and parse returns a plain object', () => {
  const blog = node(`import { parse } from 'liveblog-index';
    import { readFileSync } from 'node:fs';
    const blog = parse(readFileSync('sample.txt', 'utf8'));
    console.log(JSON.stringify({ proto: Object.getPrototypeOf(blog) === Object.prototype, blog }));`);
  assert.equal(blog.proto, true);
  assert.equal(blog.blog.title, 'Harbour works – live');
  assert.deepEqual(blog.blog.updates.map((u) => [u.id, u.time, u.headline]), [
    ['u2', '10:05 a.m.', 'Cranes arrive'],
    ['u1', '9:30 a.m.', 'Road closed'],
  ]);
  assert.equal(blog.blog.order, 'newestFirst');
  assert.equal(blog.blog.quotes[0].speaker.name, 'Ivo Dane');
});

test('the LiveBlog class looks quotes up by speaker, words and update', () => {
  const r = node(`import { LiveBlog } from 'liveblog-index';
    import { readFileSync } from 'node:fs';
    const blog = LiveBlog.fromText(readFileSync('sample.txt', 'utf8'));
    const out = {
      all: blog.quotes().length,
      bySpeaker: blog.quotes({ speaker: 'DANE' }).map((q) => q.speaker.name),
      byTitle: blog.quotes({ speaker: 'harbour master Ivo Dane' }).length,
      byWords: blog.lookupQuote('bigest crane').map((q) => q.id),
      inUpdate: blog.quotes({ updateId: 'u2' }).length,
      none: blog.quotes({ speaker: 'Dane', updateId: 'u1' }).length,
      speakers: blog.speakers(),
      json: JSON.parse(JSON.stringify(blog)).updates.length,
      facets: blog.facets().people.map((v) => [v.name, v.updates]),
      entity: blog.entity('dane')?.name,
      noEntity: blog.entity('Narnia'),
      mentioning: blog.updatesMentioning('Ivo Dane').map((u) => u.id),
      one: [blog.update('u1')?.headline, blog.update('u9')],
    };
    try { blog.quotes({ speaker: 42 }); } catch (e) { out.badFilter = e.code; }
    try { blog.update(1); } catch (e) { out.badId = e.code; }
    blog.free();
    console.log(JSON.stringify(out));`);
  assert.equal(r.all, 1);
  assert.deepEqual(r.bySpeaker, ['Ivo Dane']);
  assert.equal(r.byTitle, 1);
  assert.deepEqual(r.byWords, ['q1']);
  assert.equal(r.inUpdate, 1);
  assert.equal(r.none, 0);
  assert.deepEqual(r.speakers, [{ name: 'Ivo Dane', role: 'harbour master', aliases: ['harbour master Ivo Dane'], quotes: 1 }]);
  assert.equal(r.json, 2);
  assert.equal(r.badFilter, 'LB_OPTIONS');
  assert.deepEqual(r.facets, [['Ivo Dane', 1]]);
  assert.equal(r.entity, 'Ivo Dane');
  assert.equal(r.noEntity, null);
  assert.deepEqual(r.mentioning, ['u2']);
  assert.deepEqual(r.one, ['Road closed', null]);
  assert.equal(r.badId, 'LB_INPUT_TYPE');
});

test('search: a LiveBlog and a SearchIndex of several blogs, saved and loaded', () => {
  const r = node(`import { LiveBlog, SearchIndex } from 'liveblog-index';
    import { readFileSync } from 'node:fs';
    const blog = LiveBlog.fromText(readFileSync('sample.txt', 'utf8'));
    const out = {};
    const cranes = blog.search('crane');
    out.cranes = cranes.hits.map((h) => [h.updateId, h.fields, h.headline]);
    const bare = blog.search('crane', { excerpts: false, words: true });
    out.bare = [bare.hits.map((h) => [h.updateId, h.fields, h.headline, h.excerpt]), bare.words, cranes.words];
    out.typo = blog.search('quay raod ').hits.map((h) => h.updateId);
    out.speaker = blog.search('speaker:dane').hits.map((h) => h.updateId);
    out.facets = blog.search('').facets.people;
    out.oldest = blog.search('', { sort: 'oldest' }).hits.map((h) => h.updateId);
    out.warnings = blog.search('colour:red').warnings.length;
    try { blog.search('colour:red', { strict: true }); } catch (e) { out.strict = e.code; }
    try { blog.search('x', { sort: 'sideways' }); } catch (e) { out.badSort = e.code; }
    try { blog.search(7); } catch (e) { out.badQuery = e.code; }
    const index = new SearchIndex();
    index.addBlog('monday', blog);
    index.addBlog('tuesday', blog);
    out.size = index.size;
    out.blogs = index.search('"north quay"').hits.map((h) => h.blog).sort();
    out.one = index.search('quay', { filters: { blog: 'tuesday' } }).total;
    out.removed = index.remove('tuesday', 'u1');
    const bytes = index.toBytes();
    out.bytes = bytes instanceof Uint8Array;
    out.loaded = SearchIndex.fromBytes(bytes).search('quay').total;
    bytes[bytes.length - 1] ^= 1;
    try { SearchIndex.fromBytes(bytes); } catch (e) { out.corrupt = e.code; }
    console.log(JSON.stringify(out));`);
  assert.deepEqual(r.cranes, [['u2', ['headline', 'body'], '<mark>Cranes</mark> arrive']]);
  assert.deepEqual(r.bare, [[['u2', ['headline', 'body'], '', '']], ['Cranes', 'cranes'], []]);
  assert.deepEqual(r.typo, ['u1']);
  assert.deepEqual(r.speaker, ['u2']);
  assert.deepEqual(r.facets, [{ name: 'Ivo Dane', count: 1 }]);
  assert.deepEqual(r.oldest, ['u1', 'u2']);
  assert.equal(r.warnings, 1);
  assert.equal(r.strict, 'LB_QUERY');
  assert.equal(r.badSort, 'LB_OPTIONS');
  assert.equal(r.badQuery, 'LB_INPUT_TYPE');
  assert.equal(r.size, 4);
  assert.deepEqual(r.blogs, ['monday', 'tuesday']);
  assert.equal(r.one, 2);
  assert.equal(r.removed, true);
  assert.equal(r.bytes, true);
  assert.equal(r.loaded, 3);
  assert.equal(r.corrupt, 'LB_INDEX_CORRUPT');
});

test('bad input is a JS Error with a code, not a crash', () => {
  const r = node(`import { parse } from 'liveblog-index';
    const out = [];
    for (const input of [42, null, undefined, {}, 'a\\u0000b']) {
      try { parse(input); out.push('no error'); }
      catch (e) { out.push([e instanceof Error, e.code, e.message]); }
    }
    console.log(JSON.stringify(out));`);
  for (const [isError, code, message] of r.slice(0, 4)) {
    assert.equal(isError, true);
    assert.equal(code, 'LB_INPUT_TYPE');
    assert.match(message, /expects the live blog as a string/);
  }
  assert.equal(r[4][1], 'LB_NOT_TEXT');
  // The module still works after an error.
  assert.equal(node(`import { parse } from 'liveblog-index'; parse(1 === 1 ? 'x' : 0);
    try { parse(5); } catch {} console.log(JSON.stringify(parse('Title here now\\n\\nBody.').header.length >= 0));`), true);
});

test('pages, JSON-LD and feeds read through the package, from files and from a DOM', () => {
  const fixtures = join(root, 'tests', 'fixtures');
  const r = node(`import { LiveBlog, parse } from 'liveblog-index';
    import { readFileSync } from 'node:fs';
    const read = (f) => readFileSync(${JSON.stringify(fixtures)} + '/' + f, 'utf8');
    const page = LiveBlog.fromHtml(read('html/guardian.html'), { url: 'https://news.example/live/storm', now: Date.UTC(2026, 2, 14, 12) });
    const ld = LiveBlog.fromJsonLd(read('forms/blog.jsonld'));
    const feed = LiveBlog.fromFeed(read('forms/blog.rss'));
    const any = ['forms/blog.txt', 'forms/blog.html', 'forms/blog.atom', 'forms/blog.json'].map((f) => parse(read(f)).updates.map((u) => u.headline));
    // fromElement reads outerHTML and the document address, as a browser element gives them.
    const element = { outerHTML: read('html/nyt.html'), ownerDocument: { URL: 'https://news.example/marathon' } };
    const fromElement = LiveBlog.fromElement(element);
    let error;
    try { LiveBlog.fromJsonLd('{"headline": }'); } catch (e) { error = [e instanceof Error, e.code]; }
    console.log(JSON.stringify({
      page: page.toJSON().updates.map((u) => [u.anchor, u.pinned, u.keyEvent]),
      ld: ld.toJSON().format, feed: feed.toJSON().updates.length, any,
      element: fromElement.toJSON().updates.map((u) => u.anchor),
      search: page.search('lorries').hits.map((h) => h.updateId),
      error,
    }));`);
  assert.deepEqual(r.page, [['#block-c3', true, true], ['#block-b2', false, false], ['#block-a1', false, false]]);
  assert.equal(r.ld, 'json-ld');
  assert.equal(r.feed, 3);
  for (const headlines of r.any) assert.deepEqual(headlines, r.any[0]);
  assert.deepEqual(r.element, ['#post-marathon-winner', '#post-start']);
  assert.deepEqual(r.search, ['u3']);
  assert.deepEqual(r.error, [true, 'LB_JSON']);
});

test('a blog grows: append, replace and remove keep ids, quotes and search in step', () => {
  const r = node(`import { LiveBlog } from 'liveblog-index';
    const blog = LiveBlog.fromText(${JSON.stringify(SAMPLE)});
    const before = blog.search('tugboats').total;
    const ids = blog.append('<main><article id="p4"><time datetime="2026-03-14T11:30:00Z">11:30</time><h2>Tugboats called in</h2><p>Two tugboats were called in to help, Ivo Dane said.</p></article>'
      + '<article id="p3"><time datetime="2026-03-14T11:00:00Z">11:00</time><h2>Wind rises</h2><p>Gusts reached the quay by eleven.</p></article></main>');
    const after = blog.search('tugboats').hits.map((h) => h.updateId);
    const replaced = blog.replace('u1', 'Harbour works – live\\n\\nx.\\n\\n9:30 a.m. Road reopened\\n\\nThe quay road is open again.\\n\\n9:00 a.m. Earlier\\n\\nQuiet.\\n');
    const removed = [blog.remove('u2'), blog.remove('u2')];
    console.log(JSON.stringify({
      before, ids, after, replaced, removed,
      order: blog.updates().map((u) => [u.id, u.headline]),
      road: blog.search('reopened').hits.map((h) => h.updateId),
      quotes: blog.quotes().map((q) => q.updateId),
      saved: (() => {
        const bytes = blog.toBytes();
        const copy = LiveBlog.fromBytes(bytes);
        bytes[bytes.length - 2] ^= 1;
        let code;
        try { LiveBlog.fromBytes(bytes); } catch (e) { code = e.code; }
        return [JSON.stringify(copy) === JSON.stringify(blog), copy.search('reopened').total, code];
      })(),
    }));`);
  assert.equal(r.before, 0);
  assert.deepEqual(r.ids, ['u3', 'u4']);
  assert.deepEqual(r.after, ['u4']);
  assert.equal(r.replaced, true);
  assert.deepEqual(r.removed, [true, false]);
  assert.deepEqual(r.order, [['u4', 'Tugboats called in'], ['u3', 'Wind rises'], ['u1', 'Road reopened']]);
  assert.deepEqual(r.road, ['u1']);
  assert.deepEqual(r.quotes, [], 'the only quote went with u2');
  assert.deepEqual(r.saved, [true, 1, 'LB_BLOG_CORRUPT']);
});

test('a trap inside the wasm is an LB_INTERNAL Error; the library restarts; old objects say they are lost', () => {
  const r = node(`import { parse, LiveBlog, SearchIndex } from 'liveblog-index';
    const blog = LiveBlog.fromText(${JSON.stringify(SAMPLE)});
    const index = new SearchIndex();
    index.addBlog('k', blog);
    // Wreck the instance's memory from outside, as only a bug inside could: the next call traps.
    const raw = await import(new URL('./node_modules/liveblog-index/liveblog_index.js', 'file://' + process.cwd() + '/').href);
    new Uint8Array(raw.initSync({ module: new Uint8Array() }).memory.buffer).fill(0xff);
    const out = {};
    try { parse(${JSON.stringify(SAMPLE)}); out.trap = 'none'; } catch (e) { out.trap = [e instanceof Error, e.code, /restarts/.test(e.message)]; }
    try { blog.search('cranes'); } catch (e) { out.lost = [e.code, /lost/.test(e.message)]; }
    try { index.size; } catch (e) { out.lostIndex = e.code; }
    blog.free();
    await new Promise((ok) => setTimeout(ok, 200));
    const again = LiveBlog.fromText(${JSON.stringify(SAMPLE)});
    out.after = [parse(${JSON.stringify(SAMPLE)}).updates.length, again.search('cranes').total];
    console.log(JSON.stringify(out));`);
  assert.deepEqual(r.trap, [true, 'LB_INTERNAL', true]);
  assert.deepEqual(r.lost, ['LB_INTERNAL', true]);
  assert.equal(r.lostIndex, 'LB_INTERNAL');
  assert.deepEqual(r.after, [2, 1]);
});

test('a paragraph of 2,000 nested possessives parses: no stack runs out', () => {
  const r = node(`import { parse } from 'liveblog-index';
    const owners = Array.from({ length: 2000 }, (_, i) => 'Alder' + (i % 10) + '’s aide’s').join(' ');
    const text = 'Port strike: live\\n\\n10:05 Talks\\n\\n“We will go,” ' + owners + ' spokesman said, and ' + 'Ivo, '.repeat(2000) + 'Dane, said “no”.\\n';
    const blog = parse(text);
    console.log(JSON.stringify([text.length > 16000, blog.updates.length, blog.quotes.length > 0]));`);
  assert.deepEqual(r, [true, 1, true]);
});

test('a megabyte of each adversarial shape gives a result or LB_TOO_LARGE, and the next call works', () => {
  // The worst case of each shape examples/adversarial.rs knows (its own list), written by
  // `make test-node` into target/adversarial/text or html, by the reader the shape goes through.
  const dir = join(root, 'target', 'adversarial');
  const example = join(root, 'target', 'release', 'examples', 'adversarial');
  assert.ok(existsSync(example), `no ${example}: \`make test-node\` builds it and writes the inputs`);
  const readers = Object.fromEntries(execFileSync(example, ['list'], { encoding: 'utf8' }).trim().split('\n').map((line) => line.split('\t').slice(0, 2)));
  const shapes = Object.keys(readers);
  assert.ok(shapes.length >= 13, `the example lists ${shapes.length} shapes`);
  const queries = execFileSync(example, ['queries'], { encoding: 'utf8' }).trim().split('\n');
  const file = (shape) => join(dir, readers[shape] === 'html' ? 'html' : 'text', shape);
  for (const shape of shapes) {
    assert.ok(existsSync(file(shape)), `${shape}: no input at ${file(shape)}; \`make test-node\` writes them`);
  }
  const r = node(`import { LiveBlog, SearchIndex } from 'liveblog-index';
    import { readFileSync } from 'node:fs';
    const out = {};
    const files = ${JSON.stringify(Object.fromEntries(shapes.map((shape) => [shape, file(shape)])))};
    for (const shape of ${JSON.stringify(shapes)}) {
      const bytes = readFileSync(files[shape]);
      const input = bytes.toString('utf8');
      let got;
      try {
        const reader = ${JSON.stringify(readers)}[shape];
        const blog = reader === 'html' ? LiveBlog.fromHtml(input, { now: 0 }) : LiveBlog.fromText(input);
        blog.updates();
        blog.speakers();
        if (reader === 'search') {
          const index = new SearchIndex();
          index.addBlog('b', blog);
          for (const q of ${JSON.stringify(queries)}) index.search(q);
          index.free();
        }
        blog.free();
        got = bytes.length >= 1e6 ? 'read' : 'less than a megabyte';
      } catch (e) {
        got = e.code ?? e.constructor.name + ': ' + e.message;
      }
      out[shape] = [got, LiveBlog.fromText(${JSON.stringify(SAMPLE)}).updates().length];
    }
    console.log(JSON.stringify(out));`);
  for (const shape of shapes) {
    const [got, after] = r[shape];
    assert.ok(got === 'read' || got === 'LB_TOO_LARGE', `${shape}: ${got}`);
    assert.equal(after, 2, `${shape}: the next call`);
  }
});

test('memory that runs out is LB_TOO_LARGE with the size asked for, and the next call works', () => {
  // Wasm memory held to 64 MiB: a 20 MB blog cannot be read in it, a small one can.
  const r = node(`import { parse, LiveBlog } from 'liveblog-index';
    const post = (i) => String(10 + (i % 12)) + ':' + String(i % 60).padStart(2, '0') + ' Harbour update ' + i +
      '\\n\\nThe ferry sailed ' + i + ' minutes late, harbour master Ivo Dane said.\\n\\n';
    const parts = [];
    for (let i = 0, size = 0; size < 20e6; i++) { parts.push(post(i)); size += parts[i].length; }
    const out = {};
    try { LiveBlog.fromText('Harbour live\\n\\n' + parts.join('')); out.big = 'read'; } catch (e) { out.big = [e.code, e.message]; }
    out.after = parse(${JSON.stringify(SAMPLE)}).updates.length;
    console.log(JSON.stringify(out));`, ['--wasm-max-mem-pages=1024']);
  assert.equal(r.big[0], 'LB_TOO_LARGE', String(r.big));
  assert.match(r.big[1], /memory ran out: [1-9][0-9]* more bytes could not be had/);
  assert.equal(r.after, 2);
});

test('any error from inside the wasm is LB_INTERNAL and restarts it, not only a trap; our own errors pass', () => {
  // guard.js over stand-in bindings whose calls fail as a wasm can: a stack that runs out
  // (RangeError), Firefox's InternalError, a trap, the glue's own Error.
  const r = node(`const { guard } = await import(new URL('./node_modules/liveblog-index/guard.js', 'file://' + process.cwd() + '/').href);
    class InternalError extends Error {}
    const failures = [new RangeError('Maximum call stack size exceeded'), new InternalError('too much recursion'),
      new WebAssembly.RuntimeError('unreachable'), new Error('recursive use of an object detected')];
    const bindings = (n) => ({ parse: (how) => {
      if (how === 'fail') throw failures[n % failures.length];
      if (how === 'ours') throw Object.assign(new Error('LB_JSON: no'), { code: 'LB_JSON' });
      return 'instance ' + n;
    } });
    const loads = [];
    const api = guard(bindings(0), (n) => { loads.push(n); return bindings(n); }, [], ['parse']);
    const out = [];
    for (let i = 0; i < failures.length; i++) {
      try { api.parse('fail'); } catch (e) { out.push([e.code, e.cause.constructor.name, api.parse('ok')]); }
    }
    let ours;
    try { api.parse('ours'); } catch (e) { ours = e.code; }
    console.log(JSON.stringify({ out, loads, ours }));`);
  assert.deepEqual(r.out, [
    ['LB_INTERNAL', 'RangeError', 'instance 1'],
    ['LB_INTERNAL', 'InternalError', 'instance 2'],
    ['LB_INTERNAL', 'RuntimeError', 'instance 3'],
    ['LB_INTERNAL', 'Error', 'instance 4'],
  ]);
  assert.deepEqual(r.loads, [1, 2, 3, 4]);
  assert.equal(r.ours, 'LB_JSON', 'an error the library throws on purpose is not a failure inside');
});

test('in Node the call right after a trap works, and an object used after free() says LB_FREED', () => {
  const r = node(`import { parse, LiveBlog } from 'liveblog-index';
    const text = ${JSON.stringify(SAMPLE)};
    const raw = await import(new URL('./node_modules/liveblog-index/liveblog_index.js', 'file://' + process.cwd() + '/').href);
    const out = {};
    new Uint8Array(raw.initSync({ module: new Uint8Array() }).memory.buffer).fill(0xff);
    try { parse(text); } catch (e) { out.trap = e.code; }
    out.next = parse(text).updates.length;
    const blog = LiveBlog.fromText(text);
    blog.free();
    blog.free();
    try { blog.search('cranes'); } catch (e) { out.freed = [e.code, /free/.test(e.message)]; }
    console.log(JSON.stringify(out));`);
  assert.equal(r.trap, 'LB_INTERNAL');
  assert.equal(r.next, 2, 'the call right after the failure works');
  assert.deepEqual(r.freed, ['LB_FREED', true]);
});

test('the CLI: parse, facets, quotes and search, as tables or --json, with the exit codes a shell expects', () => {
  const bin = join(project, 'node_modules', '.bin', 'liveblog');
  const run = (args, input) => spawnSync(bin, args, { cwd: project, encoding: 'utf8', input });
  const json = run(['parse', 'sample.txt', '--json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).updates.length, 2);
  const stdin = run(['parse', '-', '--json'], SAMPLE);
  assert.equal(JSON.parse(stdin.stdout).updates.length, 2);
  // Piped, parse prints the model (scripts and scorers read it); --table asks for the table.
  assert.equal(JSON.parse(run(['parse', 'sample.txt']).stdout).updates.length, 2);
  const table = run(['parse', 'sample.txt', '--table']);
  assert.equal(table.status, 0);
  assert.match(table.stdout, /^Harbour works – live\ntext · 2 updates · 1 quotes\n/);
  assert.match(table.stdout, /u2 +10:05 a\.m\. +\d+ +Cranes arrive/);
  const facets = run(['facets', 'sample.txt']);
  assert.match(facets.stdout, /person +1 +Ivo Dane/);
  assert.equal(JSON.parse(run(['facets', 'sample.txt', '--json']).stdout).people[0].name, 'Ivo Dane');
  const quotes = run(['quotes', 'sample.txt']);
  assert.match(quotes.stdout, /u2 +Ivo Dane +“The cranes are the biggest/);
  assert.equal(run(['quotes', 'sample.txt', 'biggest', 'crane']).status, 0);
  assert.equal(run(['quotes', 'sample.txt', 'nothing', 'like', 'this']).status, 1);
  const search = run(['search', 'sample.txt', 'quay', 'road']);
  assert.equal(search.status, 0);
  assert.match(search.stdout, /u1 +\d+\.\d\d +Road closed/);
  assert.match(search.stdout, /1 of 2 updates match/);
  assert.equal(JSON.parse(run(['search', 'sample.txt', 'cranes', '--json']).stdout).hits[0].updateId, 'u2');
  assert.equal(run(['search', 'sample.txt', 'zebras']).status, 1);
  const missing = run(['parse', 'nope.txt']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read nope\.txt/);
  const broken = run(['parse', '-'], '{"@type": }');
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /LB_JSON/);
  for (const args of [[], ['parse'], ['search', 'sample.txt'], ['frobnicate', 'sample.txt'], ['parse', 'sample.txt', '--colour']]) {
    const usage = run(args);
    assert.equal(usage.status, 2, args.join(' '));
    assert.match(usage.stderr, /usage: liveblog COMMAND FILE/);
  }
  assert.equal(run(['--help']).status, 0);
});

test('strict TypeScript sees real types, not any', () => {
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'] },
    files: ['consumer.ts'],
  }));
  writeFileSync(join(project, 'consumer.ts'), `
import { parse, LiveBlog, SearchIndex, type Entity, type Facets, type LiveBlogData, type Update, type Image, type Warning, type LiveBlogError, type Quote, type SpeakerSummary, type SearchResults, type SearchHit, type ReadOptions } from 'liveblog-index';
type IsAny<T> = 0 extends 1 & T ? true : false;
const blog: LiveBlogData = parse('text');
const handle: LiveBlog = LiveBlog.fromText('text');
const quotes: Quote[] = handle.quotes({ speaker: 'biden', words: 'severe costs' });
const speakers: SpeakerSummary[] = handle.speakers();
const facets: Facets = handle.facets();
const maybe: Entity | null = handle.entity('biden');
const speakerName: string | undefined = quotes[0]?.speaker?.name;
// @ts-expect-error filters take strings
handle.quotes({ speaker: 42 });
const results: SearchResults = handle.search('troops', { sort: 'newest', filters: { people: ['Joe Biden'], hasQuote: true } });
const hit: SearchHit | undefined = results.hits[0];
const spellings: string[] = handle.search('troops', { limit: 1000, excerpts: false, words: true }).words;
// @ts-expect-error excerpts is a switch
handle.search('x', { excerpts: 'no' });
const field: 'headline' | 'body' | 'caption' | 'names' | 'speaker' | undefined = hit?.fields[0];
// @ts-expect-error sort is a closed set
handle.search('x', { sort: 'sideways' });
const index = new SearchIndex();
index.addBlog('key', handle);
const size: number = index.size;
const copy: SearchIndex = SearchIndex.fromBytes(index.toBytes());
handle.free();
const update: Update | undefined = blog.updates[0];
const headline: string | null | undefined = update?.headline;
const image: Image | undefined = update?.images[0];
const warning: Warning | undefined = blog.warnings[0];
const order: 'newestFirst' | 'oldestFirst' | null = blog.order;
const fromPage: LiveBlog = LiveBlog.fromHtml('<p>x</p>', { url: 'https://news.example/live', now: new Date() });
const fromLd: LiveBlog = LiveBlog.fromJsonLd('{}', { now: 0 });
const fromFeed: LiveBlog = LiveBlog.fromFeed('<rss></rss>');
const fromAny: LiveBlog = LiveBlog.from('text', { now: '2026-03-14T12:00:00Z' });
const readOptions: ReadOptions = { url: 'https://news.example/' };
const anchor: string | null | undefined = update?.anchor;
const flags: [boolean, boolean] | undefined = update && [update.pinned, update.keyEvent];
const format: string = blog.format;
const grown: string[] = handle.append('more text', { now: 0 });
const swapped: boolean = handle.replace('u1', 'text');
const dropped: boolean = handle.remove('u2');
const all: Update[] = handle.updates();
const one: Update | null = handle.update('u1');
// @ts-expect-error an id is a string
handle.update(1);
const kept: LiveBlog = LiveBlog.fromBytes(handle.toBytes());
// @ts-expect-error now is a moment, not a flag
LiveBlog.fromHtml('<p>x</p>', { now: true });
const notAny: [IsAny<LiveBlogData>, IsAny<Quote['speaker']>, IsAny<ReturnType<LiveBlog['speakers']>>, IsAny<ReturnType<LiveBlog['update']>>, IsAny<Update['span']>, IsAny<ReturnType<typeof parse>>, IsAny<Parameters<typeof parse>[0]>, IsAny<ReturnType<LiveBlog['search']>>, IsAny<Parameters<SearchIndex['search']>[1]>] = [false, false, false, false, false, false, false, false, false];
// @ts-expect-error a number is not a live blog
parse(42);
// @ts-expect-error status is a closed set
const bad: LiveBlogData['status'] = 'open';
function code(e: LiveBlogError): string { return e.code; }
export { headline, image, warning, order, notAny, bad, code, speakers, speakerName, facets, maybe, field, size, copy, fromPage, fromLd, fromFeed, fromAny, readOptions, anchor, flags, format, grown, swapped, dropped, all, one, kept };
`);
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['-p', project], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const publicTypes = readFileSync(join(pkg, 'index.d.ts'), 'utf8')
    + readFileSync(join(pkg, 'liveblog_index.d.ts'), 'utf8').split('export type InitInput')[0];
  const code = publicTypes.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(code, /\bany\b/, 'no `any` type in the public declarations');
});
