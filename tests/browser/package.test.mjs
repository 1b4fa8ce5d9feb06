// The packed npm tarball the way browser developers use it: built into an app with Vite,
// and loaded by a page with no bundler at all; both run in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve, launch } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');

const PAGE_SCRIPT = `
const text = 'Harbour works – live\\n\\nThe council approved the plan, officials said.\\n\\n10:05 a.m. Cranes arrive\\n\\n“The cranes are the biggest we have ever had,” harbour master Ivo Dane told reporters.\\n\\n9:30 a.m. Road closed\\n\\nThe quay road is closed until noon.\\n';
const blog = LiveBlog.fromText(text);
const html = LiveBlog.fromHtml('<main><article id=a><h2>One post here</h2><time datetime="2026-01-01T10:00Z">10:00</time><p>Some words of the first post.</p></article><article id=b><h2>Two posts here</h2><time datetime="2026-01-01T11:00Z">11:00</time><p>Words of the second post.</p></article></main>');
// The element on a blog in the page: its worker reads and indexes the posts.
const posts = document.createElement('div');
posts.id = 'posts';
posts.innerHTML = '<article id=p1><h2>Cranes arrive</h2><time datetime="2026-01-01T10:00Z">10:00</time><p>The cranes came by sea.</p></article><article id=p2><h2>Road closed</h2><time datetime="2026-01-01T09:00Z">09:00</time><p>The quay road is shut.</p></article>';
const filter = document.createElement('liveblog-filter');
filter.setAttribute('for', 'posts');
document.body.append(filter, posts);
const status = () => filter.shadowRoot?.querySelector('[role=status]')?.textContent;
for (let i = 0; i < 200 && !status(); i++) await new Promise((ok) => setTimeout(ok, 50));
document.body.dataset.result = JSON.stringify({
  filter: status(),
  updates: blog.toJSON().updates.length,
  speaker: blog.speakers()[0]?.name,
  hits: blog.search('cranes').total,
  page: html.toJSON().updates.map((u) => u.anchor),
  element: typeof customElements.get('liveblog-filter'),
});
`;

let project;
let browser;

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'liveblog-web-'));
  execFileSync('npm', ['pack', join(root, 'pkg'), '--pack-destination', project, '--silent'], { stdio: 'pipe' });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'web-consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', join(project, tarball)], { cwd: project, stdio: 'pipe' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  rmSync(project, { recursive: true, force: true });
});

/** Serves `dir` and returns what the page at `path` (relative) reports. */
async function run(dir, path) {
  const server = await serve(dir);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  try {
    await page.goto(server.base + path);
    await page.waitForFunction(() => document.body?.dataset.result, null, { timeout: 20000 });
    return { result: JSON.parse(await page.evaluate(() => document.body.dataset.result)), problems };
  } finally {
    await page.close();
    server.close();
  }
}

const EXPECTED = { filter: '2 updates', updates: 2, speaker: 'Ivo Dane', hits: 1, page: ['#a', '#b'], element: 'function' };

test('a page with no bundler imports the package straight from node_modules', async () => {
  writeFileSync(join(project, 'plain.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>plain</title>
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
    <script type="module" src="plain.js"></script></head><body></body></html>`);
  writeFileSync(join(project, 'plain.js'), `import { LiveBlog } from './node_modules/liveblog-index/index.js';\nimport './node_modules/liveblog-index/element.js';\n${PAGE_SCRIPT}`);
  const { result, problems } = await run(project, 'plain.html');
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
});

test('Vite builds an app that imports the package by name, and the app runs', async () => {
  const app = join(project, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script></head><body></body></html>');
  writeFileSync(join(app, 'main.js'), `import { LiveBlog } from 'liveblog-index';\nimport 'liveblog-index/element';\n${PAGE_SCRIPT}`);
  writeFileSync(join(app, 'vite.config.js'), "export default { build: { target: 'es2022' }, logLevel: 'error' };");
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build'], { cwd: app, stdio: 'pipe' });
  const assets = readdirSync(join(app, 'dist', 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the wasm is emitted as an asset: ${assets}`);
  const { result, problems } = await run(join(app, 'dist'), '');
  assert.deepEqual(result, EXPECTED);
  assert.deepEqual(problems, []);
});
