#!/usr/bin/env node
// liveblog: the command line for liveblog-index.
//
//   liveblog parse FILE   print the live blog in FILE (or - for standard input) as JSON:
//                         plain text, page HTML, JSON-LD, RSS, Atom or JSON Feed
import { readFileSync } from 'node:fs';
import { parse } from '../node.js';

const USAGE = `usage: liveblog parse FILE

  parse FILE   print the model of the live blog in FILE as JSON: plain text, a page's
               HTML, JSON-LD, RSS, Atom or JSON Feed, told apart by how it opens
               (FILE may be - for standard input)
`;

function main(argv) {
  const [command, file, ...extra] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'parse' || file === undefined || extra.length > 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let text;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    process.stderr.write(`liveblog: cannot read ${file}: ${err.message}\n`);
    return 2;
  }
  try {
    process.stdout.write(JSON.stringify(parse(text), null, 2) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`liveblog: ${file}: ${err.message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
