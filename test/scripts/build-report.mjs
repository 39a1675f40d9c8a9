#!/usr/bin/env node
// Last step of `npm run build`: checks the artefacts and prints their raw / gzip / brotli sizes.
// Fails (exit 1) when an artefact is missing (including any file package.json "exports" names, and an
// export per element), when Lit's development build slipped in, or when a bundle relies on CSS module
// scripts (visitors' browsers may not support them).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { builtExportProblems } from '../../scripts/package-exports.mjs';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const dist = join(root, 'dist');
const problems = [];

const required = ['dist/cc-widgets.js', 'dist/classes.js', 'dist/cc-widgets.iife.js', 'dist/types/index.d.ts', 'custom-elements.json'];
for (const file of required) if (!existsSync(join(root, file))) problems.push(`missing ${file}`);
problems.push(...builtExportProblems(root));

function listJs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((file) => file.endsWith('.js') && statSync(file).isFile())
    .sort();
}

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const files = listJs(dist);
const info = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  // Lit's dev build announces itself with this warning; the production build has no such string.
  if (/Lit is in dev mode|lit-html is in dev mode|Multiple versions of Lit loaded/.test(text)) {
    problems.push(`${relative(root, file)} contains Lit's development build (dev-mode warning string)`);
  }
  if (/\b(?:with|assert)\s*\{\s*type\s*:\s*["']css["']\s*\}/.test(text)) {
    problems.push(`${relative(root, file)} uses a CSS import attribute (CSS module scripts)`);
  }
  // Static imports of our own chunks (the ones a browser fetches before the entry runs).
  const staticImports = [...text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) =>
    join(dirname(file), m[1]),
  );
  const lazyImports = [...text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((m) =>
    join(dirname(file), m[1]),
  );
  info.set(file, { ...sizes(readFileSync(file)), staticImports, lazyImports });
}

// Entry + everything it imports statically = what a page downloads before the elements upgrade.
function closure(file, seen = new Set()) {
  if (seen.has(file) || !info.has(file)) return seen;
  seen.add(file);
  for (const dep of info.get(file).staticImports) closure(dep, seen);
  return seen;
}

const fmt = (n) => n.toLocaleString('en-US');
const rows = [['artefact', 'raw B', 'gzip -9 B', 'brotli B']];
for (const [file, s] of info) rows.push([relative(root, file), fmt(s.raw), fmt(s.gzip), fmt(s.brotli)]);
const manifest = join(root, 'custom-elements.json');
if (existsSync(manifest)) {
  const s = sizes(readFileSync(manifest));
  rows.push(['custom-elements.json', fmt(s.raw), fmt(s.gzip), fmt(s.brotli)]);
}

const entries = files.filter((f) => dirname(f) === dist);
const initialRows = [['entry (+ its static chunks)', 'files', 'raw B', 'gzip -9 B', 'lazy chunks']];
for (const entry of entries) {
  const set = [...closure(entry)];
  // Sum of separately-gzipped files: what the browser actually transfers over HTTP.
  const raw = set.reduce((sum, f) => sum + info.get(f).raw, 0);
  const gzip = set.reduce((sum, f) => sum + info.get(f).gzip, 0);
  const lazy = new Set(set.flatMap((f) => info.get(f).lazyImports));
  initialRows.push([relative(root, entry), String(set.length), fmt(raw), fmt(gzip), String(lazy.size)]);
}

function table(rowsToPrint) {
  const widths = rowsToPrint[0].map((_, i) => Math.max(...rowsToPrint.map((r) => r[i].length)));
  return rowsToPrint
    .map((r, n) => {
      const line = r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
      return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

console.log('\nBuild artefacts');
console.log(table(rows));
console.log('\nInitial download per entry');
console.log(table(initialRows));
if (existsSync(join(dist, 'types'))) {
  const dts = readdirSync(join(dist, 'types'), { recursive: true }).filter((f) => String(f).endsWith('.d.ts'));
  console.log(`\ndist/types: ${dts.length} declaration file(s)`);
}

if (problems.length) {
  console.error(`\nBuild check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nBuild check: all artefacts present (every package.json export too), Lit production build, no CSS module scripts.');
