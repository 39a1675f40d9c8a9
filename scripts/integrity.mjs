#!/usr/bin/env node
// Subresource Integrity for the published files: after the bundles are written, `npm run build` runs this to
// write dist/integrity.json, the sha384 of every script in dist/ (the entries, the classic script and the
// chunks), keyed by its path under dist/:
//
//   { "cc-widgets.iife.js": "sha384-…", "cc-widgets.js": "sha384-…", "chunks/…": "sha384-…", … }
//
// A page that loads a file of a fixed version from a CDN can then pin it:
//   <script src="…/communecter-widgets@0.1.0/dist/cc-widgets.iife.js" integrity="sha384-…" crossorigin="anonymous"></script>
// (README "Use it in a page"). test/build/cdn.test.mjs checks the hashes against the files and in a browser.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './elements.mjs';

export const INTEGRITY_FILE = 'dist/integrity.json';

/** The SRI value of some bytes: `sha384-` and the base64 digest. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** `{ "path/under/dist.js": "sha384-…" }` for every .js file of dist/ (not the source maps, not the types), sorted. */
export function integrityOf(root = ROOT) {
  const dist = join(root, 'dist');
  const files = readdirSync(dist, { recursive: true })
    .map((name) => String(name).split('\\').join('/'))
    .filter((name) => name.endsWith('.js') && !name.startsWith('types/') && statSync(join(dist, name)).isFile())
    .sort();
  return Object.fromEntries(files.map((name) => [name, sri(readFileSync(join(dist, name)))]));
}

function main() {
  const hashes = integrityOf();
  if (!hashes['cc-widgets.js']) throw new Error('dist/cc-widgets.js is missing: run rollup first (npm run build).');
  writeFileSync(join(ROOT, INTEGRITY_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
