// The README's "Use the build" commands, run as written from the checkout, as a newcomer
// would: build, the CLI from the build, the packed package installed in a fresh project,
// its CLI through npx. Run by `make test` on its own (it rebuilds pkg/, which the tests in
// tests/js read), after them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** The first ```sh block under the heading that starts with `heading`. */
function block(markdown, heading) {
  const at = markdown.indexOf(`\n## ${heading}`);
  assert.ok(at >= 0, `the README has a "## ${heading}" section`);
  const m = /```sh\n([\s\S]*?)```/.exec(markdown.slice(at));
  assert.ok(m, `a sh block under "## ${heading}"`);
  return m[1];
}

test('the README’s commands for using the build work as written', () => {
  const commands = block(readFileSync(resolve(root, 'README.md'), 'utf8'), 'Use the build');
  const version = JSON.parse(readFileSync(resolve(root, 'js/package.json'), 'utf8')).version;
  assert.match(commands, new RegExp(`liveblog-index-${version.replaceAll('.', '\\.')}\\.tgz`), 'the tarball the README names is the one npm pack makes');
  const tarball = resolve(root, `liveblog-index-${version}.tgz`);
  try {
    const out = execFileSync('bash', ['-e', '-c', commands], { cwd: root, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'inherit'] });
    // The CLI from the build prints the sample's updates as a table, and the installed
    // one, through npx, its quotes.
    assert.match(out, /^id\s+time\s+words\s+headline$/m, `the updates' table:\n${out}`);
    assert.match(out, /^update\s+speaker\s+quote$/m, `the quotes' table:\n${out}`);
    assert.match(out, /^u\d+\s+\S.*“/m, `a quote with its speaker:\n${out}`);
  } finally {
    rmSync(tarball, { force: true });
    rmSync('/tmp/liveblog-try', { recursive: true, force: true });
  }
});
