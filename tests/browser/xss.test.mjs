// Hostile text through every input form into the demo page, in Chromium, with the page's
// Content-Security-Policy removed so that an injected handler would really run: none may.
// The payloads follow the OWASP XSS filter evasion cheat sheet, each setting a global flag
// instead of opening a dialog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { site } from './serve.mjs';

const root = resolve(import.meta.dirname, '..', '..');
const www = join(root, 'www');

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<body onload=window.__xss=1>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<IMG SRC=JaVaScRiPt:window.__xss=1>',
  '<IMG """><SCRIPT>window.__xss=1</SCRIPT>">',
  '<IMG SRC=# onmouseover="window.__xss=1">',
  '<img src="x" onerror="eval(\'window.__xss=1\')">',
  '<details open ontoggle=window.__xss=1>',
  '<video><source onerror="window.__xss=1"></video>',
  '<input autofocus onfocus=window.__xss=1>',
  '<marquee onstart=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form><button formaction=javascript:window.__xss=1>go</button></form>',
  '<svg><script>window.__xss=1</script></svg>',
  '<style>@import \'javascript:window.__xss=1\';</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<div style="background:url(javascript:window.__xss=1)">',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '<scr<script>ipt>window.__xss=1</scr</script>ipt>',
  '<img src=x onerror=&#119;indow.__xss=1>',
  'javascript:/*--></title></style></textarea></script></xmp><svg/onload=\'+/"/+/onmouseover=1/+/[*/[]/+window.__xss=1//\'>',
  '</mark><img src=x onerror=window.__xss=1><mark>',
  '" onmouseover="window.__xss=1',
  '<template><img src=x onerror=window.__xss=1></template>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '<a href="&#106;avascript:window.__xss=1">link</a>',
];

/** Escapes text for HTML: the payload as a page would show it in text. */
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function textBlog() {
  const posts = PAYLOADS.map((p, i) => `${String(23 - Math.floor(i / 60)).padStart(2, '0')}:${String(59 - (i % 60)).padStart(2, '0')} GMT Xsswatch ${p}\n\n“Xsswatch ${p},” said Ana Reyes.\n`);
  return `Xsswatch: live\n\nThe page that tries everything, officials said.\n\n${posts.join('\n')}`;
}

function htmlBlog({ raw = true } = {}) {
  // Each payload twice: escaped (text on the page) and raw (markup the parser must drop).
  const posts = PAYLOADS.map((p, i) => `<article id="x${i}"><time datetime="2026-03-14T10:${String(i).padStart(2, '0')}:00Z">10:${i}</time>
    <h2>Xsswatch ${esc(p)}</h2><p>Xsswatch ${esc(p)} said Ana Reyes.</p>${raw ? `<p>Raw ${p}</p>` : ''}
    <blockquote><p>Xsswatch ${esc(p)}</p><footer>Ana Reyes</footer></blockquote></article>`);
  return `<!doctype html><html><head><title>Xsswatch</title></head><body><main>${posts.join('\n')}</main></body></html>`;
}

function jsonLdBlog() {
  return JSON.stringify({
    '@type': 'LiveBlogPosting',
    headline: 'Xsswatch',
    liveBlogUpdate: PAYLOADS.map((p, i) => ({
      headline: `Xsswatch ${p}`,
      datePublished: `2026-03-14T11:${String(i).padStart(2, '0')}:00Z`,
      articleBody: `<p>Xsswatch ${esc(p)}</p><p>${p}</p><blockquote>Xsswatch ${esc(p)}</blockquote>`,
    })),
  });
}


const web = site(www, {
  page: (path) => {
    if (path !== '/xss-embed.html') return undefined;
    // The element on a page whose own posts carry the payloads as text.
    // Escaped only: raw markup in the publisher's own page is the publisher's, and runs
    // (or breaks the page: <base href>) with or without us.
    // The JSON-LD sits inside the container, where the element reads it (escaped the way
    // pages must escape it inside a script: "<\/").
    const ld = `<script type="application/ld+json">${jsonLdBlog().replace(/<\//g, '<\\/')}</script>`;
    return htmlBlog({ raw: false }).replace('<main>', `<main><liveblog-filter for="liveblog"></liveblog-filter><div id="liveblog">${ld}`).replace('</main>', '</div></main>')
      .replace('</head>', '<script type="module" src="pkg/element.js"></script></head>');
  },
  // Without the page's CSP, an injected handler would run: the escaping alone must hold.
  rewriteHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
});

test(`${PAYLOADS.length} XSS payloads through text, HTML and JSON-LD into the demo: none runs, none becomes an element`, async () => {
  assert.ok(PAYLOADS.length >= 30);
  const page = await web.browser.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(web.base);
  await page.waitForSelector('article.update');
  assert.equal(await page.evaluate(() => document.querySelector('meta[http-equiv]')), null, 'served without CSP');
  for (const [form, input] of [['text', textBlog()], ['html', htmlBlog()], ['json-ld', jsonLdBlog()]]) {
    const before = await page.textContent('#status');
    await page.fill('#source', input);
    // Raw markup payloads may swallow what follows them (an unclosed <style> does in a
    // browser too); most posts must still be there.
    await page.waitForFunction((old) => document.querySelector('#status').textContent !== old, before);
    const shown = await page.$$eval('article.update', (a) => a.length);
    assert.ok(shown >= PAYLOADS.length - 6, `${form}: only ${shown} posts shown`);
    // Search highlights are HTML built by the package: exercise them on the payloads' words.
    for (const query of ['xsswatch', 'xss onerror', 'script', 'img src', 'mark']) {
      await page.fill('#update-search', query);
      await page.waitForTimeout(50);
    }
    await page.fill('#quote-search', 'xsswatch');
    await page.waitForTimeout(50);
    // Hover and focus everything shown, as a reader would.
    await page.hover('#blog');
    const injected = await page.evaluate(() => {
      const shown = document.querySelectorAll('#blog *, #quote-list *, #speakers *, #facets *');
      const bad = [];
      for (const el of shown) {
        // The demo's own links from a quote to its update.
        if (el.tagName === 'A' && /^#update-u\d+$/.test(el.getAttribute('href')) && el.getAttributeNames().length === 1) continue;
        if (['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'BASE', 'META', 'FORM', 'INPUT', 'VIDEO', 'MARQUEE', 'A', 'TEMPLATE', 'MATH', 'BODY'].includes(el.tagName.toUpperCase())) bad.push(el.tagName);
        for (const attr of el.getAttributeNames()) if (attr.startsWith('on') || attr === 'style' || attr === 'href' || attr === 'src') bad.push(`${el.tagName}[${attr}]`);
      }
      return bad;
    });
    assert.deepEqual(injected, [], `${form}: elements from the input`);
    assert.equal(await page.evaluate(() => window.__xss), undefined, `${form}: a payload ran`);
    const words = await page.$$eval('article.update h3', (hs) => hs.map((h) => h.textContent));
    assert.ok(words.some((w) => w.includes('<script>')), `${form}: payloads are shown as text`);
    await page.fill('#update-search', '');
    await page.fill('#quote-search', '');
  }
  assert.deepEqual(dialogs, []);
  await page.close();
});

test(`the same payloads in a page's own posts and its JSON-LD, through <liveblog-filter>: none runs, none becomes an element`, async () => {
  const page = await web.browser.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`${web.base}xss-embed.html`);
  await page.waitForFunction(() => document.querySelector('liveblog-filter').shadowRoot?.querySelector('[role=status]')?.textContent);
  const shadow = 'liveblog-filter';
  for (const query of ['xsswatch', 'script', 'img onerror', 'mark']) {
    await page.fill(`${shadow} >> input[type=search]`, query);
    await page.waitForTimeout(50);
  }
  await page.click(`${shadow} >> summary`);
  const speakers = await page.$$(`${shadow} >> [part=speaker]`);
  for (const s of speakers.slice(0, 5)) await s.click();
  const injected = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelector('liveblog-filter').shadowRoot.querySelectorAll('*')) {
      if (['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE', 'BASE', 'META', 'FORM', 'VIDEO', 'MARQUEE', 'TEMPLATE', 'MATH', 'BODY'].includes(el.tagName)) bad.push(el.tagName);
      for (const attr of el.getAttributeNames()) if (attr.startsWith('on') || attr === 'src' || attr === 'style') bad.push(`${el.tagName}[${attr}]`);
    }
    return bad;
  });
  assert.deepEqual(injected, []);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  await page.close();
});

