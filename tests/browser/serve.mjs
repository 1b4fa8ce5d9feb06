// What the browser tests share: a static server for a folder, and Debian's Chromium.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on a free local port. `page(path, url)` may answer a path itself (a page a
 * test builds); `rewriteHtml(html, url)` may change an HTML file before it is sent.
 * Returns the base address and a `close()`.
 */
export async function serve(dir, { page, rewriteHtml } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const built = page?.(path, url);
    if (built !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      return res.end(built);
    }
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      let body = await readFile(file);
      if (rewriteHtml && extname(file) === '.html') body = rewriteHtml(body.toString(), url);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Debian's Chromium, headless, quiet on the network. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/**
 * What every browser test file does around its tests: serves `dir` (with `serve`'s
 * options) and launches Chromium before them, and closes both after. The returned
 * object's `base` and `browser` are set once the hook has run.
 */
export function site(dir, options) {
  const web = { base: undefined, browser: undefined };
  let server;
  before(async () => {
    server = await serve(dir, options);
    web.base = server.base;
    web.browser = await launch();
  });
  after(async () => {
    await web.browser?.close();
    server?.close();
  });
  return web;
}
