#!/usr/bin/env node
// Last step of `npm run build`: checks the artefacts, prints their sizes and enforces size-budgets.json.
// Fails (exit 1) when an artefact is missing (including any file package.json "exports" names, and an
// export per element), when Lit's development build slipped in, when a bundle relies on
// CSS module scripts (visitors' browsers may not support them), when a figure exceeds its budget or has none,
// or when the README's budget table no longer matches size-budgets.json.
//
// What is measured (gzip -9 and brotli -q 11, each file compressed on its own, as a server sends it):
// - initial: an entry plus every chunk it imports statically, transitively (the static import graph of dist/,
//   read with rollup's own parser): what a page with that one entry downloads before any interaction;
// - lazy: each chunk only reached through import(), plus its static imports that the page does not already
//   have; the worst case over the entries that can reach it;
// - file: single artefacts with no imports (the classic-script bundle).
// Then, per page entry, where the gzip bytes come from: every byte of the minified output is traced back to
// its source module through the build's source maps, and each run of bytes is charged what it adds to the
// gzip size of the file up to it (so the shares add up to the file's real gzip size).
//
//   node test/scripts/build-report.mjs                   check and print (the build runs this)
//   node test/scripts/build-report.mjs --write-readme    also rewrite the README's budget table from the file
//   node test/scripts/build-report.mjs --by-file         the breakdown per source file of src/, not per group
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';
import { builtExportProblems } from '../../scripts/package-exports.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');
const budgetsFile = join(root, 'size-budgets.json');
const readmeFile = join(root, 'README.md');
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

const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSize(buf),
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

/** Relative specifiers this module imports statically and through import(), read from rollup's AST. */
function importsOf(code, file) {
  const staticImports = [];
  const lazyImports = [];
  const local = (node) => (node?.type === 'Literal' && typeof node.value === 'string' && node.value.startsWith('.') ? resolve(dirname(file), node.value) : null);
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') {
      const target = local(node.source);
      if (target) staticImports.push(target);
    }
    if (node.type === 'ImportExpression') {
      const target = local(node.source);
      // A computed import() (the classic script's map chunk, resolved against the script's own URL)
      // must name its target chunk in a string literal of the same file ("chunks/<name>.js").
      const named = target ? null : /['"`](chunks\/[\w.-]+\.js)['"`]/.exec(code);
      if (target || named) lazyImports.push(target ?? resolve(dirname(file), named[1]));
      else problems.push(`${relative(root, file)}: an import() whose target is not a literal path; its size cannot be checked`);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code));
  return { staticImports, lazyImports };
}

const files = listJs(dist);
const info = new Map();
for (const file of files) {
  const buf = readFileSync(file);
  const text = buf.toString('utf8');
  // Lit's dev build announces itself with this warning; the production build has no such string.
  if (/Lit is in dev mode|lit-html is in dev mode|Multiple versions of Lit loaded/.test(text)) {
    problems.push(`${relative(root, file)} contains Lit's development build (dev-mode warning string)`);
  }
  if (/\b(?:with|assert)\s*\{\s*type\s*:\s*["']css["']\s*\}/.test(text)) {
    problems.push(`${relative(root, file)} uses a CSS import attribute (CSS module scripts)`);
  }
  info.set(file, { buf, ...sizes(buf), ...importsOf(text, file) });
}
for (const [file, { staticImports, lazyImports }] of info) {
  for (const target of [...staticImports, ...lazyImports]) {
    if (!info.has(target)) problems.push(`${relative(root, file)} imports ${relative(root, target)}, which the build did not produce`);
  }
}

/** A file and everything it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file) || !info.has(file)) return seen;
  seen.add(file);
  for (const dep of info.get(file).staticImports) closure(dep, seen);
  return seen;
}
const sum = (set, key) => [...set].reduce((total, f) => total + info.get(f)[key], 0);
/** Chunk file name without rollup's content hash: chunks/en-AbC123.js → en. */
const chunkName = (file) => basename(file, '.js').replace(/-[A-Za-z0-9_-]{8}$/, '');

// ---------------------------------------------------------------------------------------------------
// Figures: initial (entry + static closure), lazy (per lazy chunk, worst entry), file (standalone).
const entries = files.filter((f) => dirname(f) === dist);
const figures = []; // { kind, name, files, raw, gzip, brotli }
const lazyWorst = new Map(); // chunk name → figure
for (const entry of entries) {
  const initial = closure(entry);
  const name = relative(root, entry);
  const kind = info.get(entry).staticImports.length === 0 && name.endsWith('.iife.js') ? 'file' : 'initial';
  figures.push({ kind, name, files: initial, raw: sum(initial, 'raw'), gzip: sum(initial, 'gzip'), brotli: sum(initial, 'brotli') });
  // Every chunk this page may import() later, and what each one adds on top of what the page already has.
  const pending = [...initial].flatMap((f) => info.get(f).lazyImports);
  const reached = new Set();
  while (pending.length) {
    const lazy = pending.shift();
    if (reached.has(lazy) || initial.has(lazy)) continue;
    reached.add(lazy);
    const added = new Set([...closure(lazy)].filter((f) => !initial.has(f)));
    const figure = { kind: 'lazy', name: chunkName(lazy), files: added, raw: sum(added, 'raw'), gzip: sum(added, 'gzip'), brotli: sum(added, 'brotli'), from: name };
    const worst = lazyWorst.get(figure.name);
    if (!worst || worst.gzip < figure.gzip) lazyWorst.set(figure.name, figure);
    for (const f of added) pending.push(...info.get(f).lazyImports);
  }
}
figures.push(...[...lazyWorst.values()].sort((a, b) => a.name.localeCompare(b.name)));
const chunkNames = new Map();
for (const file of files.filter((f) => dirname(f) !== dist)) {
  const name = chunkName(file);
  if (chunkNames.has(name)) problems.push(`two chunks are named "${name}" (${relative(root, chunkNames.get(name))}, ${relative(root, file)}): budgets could not tell them apart`);
  chunkNames.set(name, file);
}

// ---------------------------------------------------------------------------------------------------
// Budgets
let budgets = { initial: {}, lazy: {}, file: {} };
if (existsSync(budgetsFile)) budgets = JSON.parse(readFileSync(budgetsFile, 'utf8'));
else problems.push('missing size-budgets.json');
const budgetOf = (figure) => budgets[figure.kind]?.[figure.name];

for (const figure of figures) {
  const budget = budgetOf(figure);
  if (typeof budget !== 'number') problems.push(`no budget for ${figure.kind} "${figure.name}" in size-budgets.json (gzip ${figure.gzip} B)`);
  else if (figure.gzip > budget) problems.push(`${figure.kind} "${figure.name}" is ${figure.gzip} B gzip, over its budget of ${budget} B by ${figure.gzip - budget} B`);
}
for (const kind of ['initial', 'lazy', 'file']) {
  for (const name of Object.keys(budgets[kind] ?? {})) {
    if (!figures.some((f) => f.kind === kind && f.name === name)) problems.push(`size-budgets.json names ${kind} "${name}", which the build no longer produces`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Where the bytes come from: source maps → source module → group.
const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** Decodes one mappings line into [generatedColumn, sourceIndex | -1] segments. */
function decodeLine(line, state) {
  const out = [];
  let column = 0;
  for (const segment of line.split(',')) {
    if (!segment) continue;
    const values = [];
    let value = 0;
    let shift = 0;
    for (const char of segment) {
      const digit = B64.get(char);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    column += values[0];
    if (values.length >= 4) state.source += values[1];
    out.push([column, values.length >= 4 ? state.source : -1]);
  }
  return out;
}

/** The file as runs of [source, text] in order, from its .map next to it (absolute path or '(glue)'). */
function runsBySource(file) {
  const mapFile = `${file}.map`;
  const text = info.get(file).buf.toString('utf8');
  if (!existsSync(mapFile)) return [['(no source map)', text]];
  const runs = [];
  const add = (key, chunk) => {
    if (!chunk) return;
    const last = runs[runs.length - 1];
    if (last && last[0] === key) last[1] += chunk;
    else runs.push([key, chunk]);
  };
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const sources = map.sources.map((s) => resolve(dirname(file), map.sourceRoot ?? '', s));
  const lines = text.split('\n');
  const mapped = map.mappings.split(';');
  const state = { source: 0 };
  // A mapping runs to the next one, across line ends: minified code only breaks lines inside template
  // literals (Lit's html`` and css``), whose later lines carry no mapping of their own.
  let owner = '(glue)';
  lines.forEach((line, n) => {
    const segments = decodeLine(mapped[n] ?? '', state);
    // JS columns count UTF-16 units, as String.prototype.slice does.
    let start = 0;
    for (const [column, source] of segments) {
      if (column > start) add(owner, line.slice(start, column));
      start = Math.max(start, column);
      owner = source >= 0 ? sources[source] : '(glue)';
    }
    add(owner, line.slice(start) + (n < lines.length - 1 ? '\n' : ''));
  });
  return runs;
}

/** Report groups: Lit, @lit/task, src/api, src/shared, each i18n table, each component file (--by-file: every file). */
const byFile = process.argv.includes('--by-file');
function groupOf(source) {
  if (source.startsWith('(')) return '(bundler glue, banner)';
  const path = relative(root, source).split('\\').join('/');
  if (byFile && path.startsWith('src/')) return path;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1];
  if (pkg) return ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(pkg) ? 'lit' : pkg;
  const table = /^src\/shared\/i18n\/(\w+)\.ts$/.exec(path);
  if (table && table[1] !== 'locale-controller' && table[1] !== 'types') return `i18n table: ${table[1]}`;
  if (path.startsWith('src/components/')) return path;
  if (path.startsWith('src/api/')) return 'src/api';
  if (path.startsWith('src/shared/')) return 'src/shared (incl. locale controller)';
  return path;
}

const breakdownCache = new Map();
/**
 * gzip bytes per group in one file, in context: each run of the file is charged what it adds to the gzip
 * size of everything before it (gzip of the prefix up to its end minus gzip of the prefix up to its start),
 * so code that repeats what came before costs little, and the shares add up to the file's gzip size.
 */
function breakdown(file) {
  if (breakdownCache.has(file)) return breakdownCache.get(file);
  const runs = [];
  for (const [source, chunk] of runsBySource(file)) {
    const group = groupOf(source);
    const last = runs[runs.length - 1];
    if (last && last[0] === group) last[1] += chunk;
    else runs.push([group, chunk]);
  }
  const { buf } = info.get(file);
  const result = new Map();
  let offset = 0;
  let before = 0;
  for (const [group, chunk] of runs) {
    offset += Buffer.byteLength(chunk);
    const after = gzipSize(buf.subarray(0, offset));
    result.set(group, (result.get(group) ?? 0) + after - before);
    before = after;
  }
  breakdownCache.set(file, result);
  return result;
}

// ---------------------------------------------------------------------------------------------------
// README: the budget table is generated from size-budgets.json; the build fails when the two differ.
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const fmt = (n) => n.toLocaleString('en-US');
function readmeTable() {
  const label = { initial: 'page load: entry + its static chunks', lazy: 'lazy chunk, on top of the page', file: 'single file' };
  const lines = ['| Artefact | What is counted | Budget (gzip) |', '|---|---|---:|'];
  for (const kind of ['initial', 'lazy', 'file']) {
    for (const [name, budget] of Object.entries(budgets[kind] ?? {})) lines.push(`| \`${name}\` | ${label[kind]} | ${fmt(budget)} B (${kib(budget)}) |`);
  }
  return lines.join('\n');
}
const START = '<!-- size-budgets:start (generated from size-budgets.json by test/scripts/build-report.mjs --write-readme) -->';
const END = '<!-- size-budgets:end -->';
if (existsSync(readmeFile) && existsSync(budgetsFile)) {
  const readme = readFileSync(readmeFile, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  const wanted = `${START}\n${readmeTable()}\n${END}`;
  if (from < 0 || to < from) problems.push('README.md has no generated size-budget table (markers missing)');
  else if (readme.slice(from, to + END.length) !== wanted) {
    if (process.argv.includes('--write-readme')) writeFileSync(readmeFile, readme.slice(0, from) + wanted + readme.slice(to + END.length));
    else problems.push('README.md quotes other budgets than size-budgets.json: run `node test/scripts/build-report.mjs --write-readme`');
  }
}

// ---------------------------------------------------------------------------------------------------
// Output
function table(rowsToPrint) {
  const widths = rowsToPrint[0].map((_, i) => Math.max(...rowsToPrint.map((r) => String(r[i]).length)));
  return rowsToPrint
    .map((r, n) => {
      const line = r.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
      return n === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const fileRows = [['artefact', 'raw B', 'gzip -9 B', 'brotli B']];
for (const [file, s] of info) fileRows.push([relative(root, file), fmt(s.raw), fmt(s.gzip), fmt(s.brotli)]);
const manifest = join(root, 'custom-elements.json');
if (existsSync(manifest)) {
  const s = sizes(readFileSync(manifest));
  fileRows.push(['custom-elements.json', fmt(s.raw), fmt(s.gzip), fmt(s.brotli)]);
}

const budgetRows = [['budgeted figure', 'kind', 'files', 'raw B', 'gzip B', 'brotli B', 'budget B', 'margin B', '']];
for (const figure of figures) {
  const budget = budgetOf(figure);
  const has = typeof budget === 'number';
  const margin = has ? budget - figure.gzip : null;
  budgetRows.push([
    figure.name,
    figure.kind,
    String(figure.files.size),
    fmt(figure.raw),
    fmt(figure.gzip),
    fmt(figure.brotli),
    has ? fmt(budget) : '-',
    has ? fmt(margin) : '-',
    !has ? 'NO BUDGET' : margin < 0 ? 'OVER' : 'ok',
  ]);
}

// Breakdown of what each per-element page loads first (dist/cc-<element>.js), and of the lazy chunks.
const pages = figures.filter((f) => f.kind === 'initial' && /^dist\/cc-(?!widgets)/.test(f.name));
const lazyFigures = figures.filter((f) => f.kind === 'lazy');
const columns = [...pages, ...lazyFigures];
const perColumn = columns.map((figure) => {
  const total = new Map();
  for (const file of figure.files) for (const [group, g] of breakdown(file)) total.set(group, (total.get(group) ?? 0) + g);
  return total;
});
const groupNames = [...new Set(perColumn.flatMap((m) => [...m.keys()]))].sort((a, b) => {
  const weight = (g) => -perColumn.reduce((s, m) => s + (m.get(g) ?? 0), 0);
  return weight(a) - weight(b);
});
const breakdownRows = [['gzip KB by source', ...columns.map((f) => (f.kind === 'lazy' ? `lazy ${f.name}` : basename(f.name)))]];
for (const group of groupNames) breakdownRows.push([group, ...perColumn.map((m) => (m.has(group) ? (m.get(group) / 1024).toFixed(2) : '-'))]);
breakdownRows.push(['total', ...columns.map((f) => (f.gzip / 1024).toFixed(2))]);

console.log('\nBuild artefacts');
console.log(table(fileRows));
console.log('\nSize budgets (size-budgets.json; gzip -9, each file compressed on its own and summed)');
console.log(table(budgetRows));
if (columns.length) {
  console.log('\nWhere the gzip bytes come from (source maps; shares of each file\'s gzip size)');
  console.log(table(breakdownRows));
}
if (existsSync(join(dist, 'types'))) {
  const dts = readdirSync(join(dist, 'types'), { recursive: true }).filter((f) => String(f).endsWith('.d.ts'));
  console.log(`\ndist/types: ${dts.length} declaration file(s)`);
}

if (problems.length) {
  console.error(`\nBuild check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nBuild check: all artefacts present (every package.json export too), Lit production build, no CSS module scripts, every figure within its budget.');
