#!/usr/bin/env node
// liveblog: the command line for liveblog-index. See USAGE below.
import { readFileSync } from 'node:fs';
import { parse, LiveBlog } from '../node.js';

const USAGE = `usage: liveblog COMMAND FILE [QUERY] [--json]

Reads a live blog from FILE (- for standard input): plain text, a page's HTML, JSON-LD,
RSS, Atom or JSON Feed, told apart by how it opens.

commands:
  parse FILE           the whole model as JSON; on a terminal, the updates as a table
                       (id, time, headline, counts)
  facets FILE          the people, places and organisations it names, most named first
  quotes FILE [WORDS]  who said what; with WORDS, only quotes holding them (inflected or
                       slightly misspelt)
  search FILE QUERY    the updates matching QUERY, best first (words, "phrases", -not,
                       speaker:name, place:, has:quote, after:2pm, …)

options:
  --json               print plain JSON for programs instead of a table
  --table              print a table even when the output is not a terminal
  --now ISO            the moment the page was read, for times like "16m ago"
  -h, --help           show this help

exit status: 0 done, 1 nothing matched (quotes with WORDS, search), 2 usage or input error
`;

const write = (s) => process.stdout.write(s);
const fail = (message, status = 2) => {
  process.stderr.write(`liveblog: ${message}\n`);
  return status;
};

/** Cuts a cell to `width` characters, with an ellipsis. */
function cut(text, width) {
  const s = String(text ?? '').replace(/\s+/g, ' ');
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}

/** Rows as aligned columns; the last column takes what is left of the terminal. */
function table(head, rows) {
  const total = Math.max(60, process.stdout.columns || 100);
  const widths = head.map((h, i) => (i === head.length - 1 ? 0 : Math.min(28, Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)))));
  const fixed = widths.reduce((a, b) => a + b + 2, 0);
  widths[head.length - 1] = Math.max(20, total - fixed);
  const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? cut(c, widths[i]) : cut(c, widths[i]).padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), line(head.map((_, i) => '─'.repeat(Math.min(widths[i], 40)))), ...rows.map(line)].join('\n') + '\n';
}

const plain = (html) => html.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

function main(argv) {
  const args = [];
  let json = false;
  let tableWanted = false;
  let now;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--table') tableWanted = true;
    else if (a === '-h' || a === '--help' || a === 'help') { write(USAGE); return 0; }
    else if (a === '--now') {
      now = argv[++i];
      if (now === undefined || Number.isNaN(Date.parse(now))) return fail(`--now needs an ISO 8601 moment, got ${now ?? 'nothing'}\n\n${USAGE}`);
    } else if (a.startsWith('--')) return fail(`unknown option ${a}\n\n${USAGE}`);
    else args.push(a);
  }
  const [command, file, ...rest] = args;
  const commands = { parse: [0, 0], facets: [0, 0], quotes: [0, Infinity], search: [1, Infinity] };
  if (!(command in commands) || file === undefined || rest.length < commands[command][0] || rest.length > commands[command][1]) {
    process.stderr.write(USAGE);
    return 2;
  }
  let input;
  try {
    input = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    return fail(`cannot read ${file}: ${err.message}`);
  }
  const options = now === undefined ? {} : { now };
  let blog;
  try {
    blog = LiveBlog.from(input, options);
  } catch (err) {
    return fail(`${file}: ${err.message}`);
  }
  try {
    const query = rest.join(' ');
    if (command === 'parse') {
      // The model is for programs (and piped output stays JSON, as scripts expect); a
      // person at a terminal gets the table.
      if (json || (!tableWanted && !process.stdout.isTTY)) { write(JSON.stringify(parse(input, options), null, 2) + '\n'); return 0; }
      const data = blog.toJSON();
      const facts = [data.format, data.date, `${data.updates.length} updates`, `${data.quotes.length} quotes`].filter(Boolean).join(' · ');
      write(`${data.title ?? '(no title)'}\n${facts}\n\n`);
      write(table(['id', 'time', 'words', 'headline'], data.updates.map((u) => [
        u.id + (u.keyEvent ? ' ★' : '') + (u.pinned ? ' ⚲' : ''),
        u.time ?? '',
        u.paragraphs.join(' ').split(/\s+/).filter(Boolean).length,
        u.headline ?? u.paragraphs[0] ?? '',
      ])));
      for (const w of data.warnings) process.stderr.write(`warning: ${w.message}\n`);
      return 0;
    }
    if (command === 'facets') {
      const facets = blog.facets();
      if (json) { write(JSON.stringify(facets, null, 2) + '\n'); return 0; }
      const rows = [['person', facets.people], ['place', facets.places], ['org', facets.orgs]]
        .flatMap(([kind, values]) => values.map((v) => [kind, v.updates, v.name]));
      write(table(['kind', 'updates', 'name'], rows));
      return 0;
    }
    if (command === 'quotes') {
      const quotes = query ? blog.lookupQuote(query) : blog.quotes().filter((q) => !q.sameAs);
      if (json) write(JSON.stringify(quotes, null, 2) + '\n');
      else write(table(['update', 'speaker', 'quote'], quotes.map((q) => [q.updateId ?? 'header', q.speaker?.name ?? '?', `“${q.text}”`])));
      return query && quotes.length === 0 ? 1 : 0;
    }
    const results = blog.search(query, { limit: 50 });
    if (json) write(JSON.stringify(results, null, 2) + '\n');
    else {
      write(table(['update', 'score', 'headline', 'excerpt'], results.hits.map((h) => [h.updateId, h.score.toFixed(2), plain(h.headline), plain(h.excerpt)])));
      write(`${results.total} of ${blog.toJSON().updates.length} updates match\n`);
      for (const w of results.warnings) process.stderr.write(`warning: ${w}\n`);
    }
    return results.total === 0 ? 1 : 0;
  } finally {
    blog.free();
  }
}

process.exitCode = main(process.argv.slice(2));
