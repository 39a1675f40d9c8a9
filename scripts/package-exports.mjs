#!/usr/bin/env node
// package.json "exports" lists one entry per element, `./cc-x.js` → dist/cc-x.js with its declarations, for
// every src/components/cc-x/cc-x.define.ts (the same discovery as rollup.config.mjs). This script keeps it so:
//
//   node scripts/package-exports.mjs           rewrites package.json when an entry is missing, extra or wrong
//                                              (the first step of `npm run build`)
//   node scripts/package-exports.mjs --check   exits 1 naming the entries that differ (a Node test runs it)
//
// Entries that are not per-element ("." , "./classes.js", "./custom-elements.json", …) are kept as written.
// test/scripts/build-report.mjs checks after the build that every file named in "exports" exists.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT, discoverElements } from './elements.mjs';

/** `./cc-agenda.js`-like keys are per-element entries; anything else is written by hand. */
const ELEMENT_KEY = /^\.\/cc-[a-z0-9-]+\.js$/;
const BUNDLE_DIR = 'dist'; // rollup.config.mjs: output.dir, entryFileNames '[name].js'

/** Where `tsc -p tsconfig.build.json` writes the declarations of a source file. */
function declarationPath(root, source) {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  const relativeSource = posix.relative(compilerOptions.rootDir ?? '.', source);
  return `./${posix.join(compilerOptions.outDir, relativeSource.replace(/\.ts$/, '.d.ts'))}`;
}

/** The "exports" package.json should have: its own entries, with the per-element ones as discovered. */
export function expectedExports(root = ROOT) {
  const current = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports ?? {};
  const handWritten = Object.entries(current).filter(([key]) => !ELEMENT_KEY.test(key));
  const elements = discoverElements(root).map(({ name, define }) => [
    `./${name}.js`,
    { types: declarationPath(root, define), default: `./${BUNDLE_DIR}/${name}.js` },
  ]);
  // Order: the JavaScript entries ("." and "./x.js"), the elements, then the rest (e.g. the manifest).
  const isScript = ([key]) => key === '.' || key.endsWith('.js');
  return Object.fromEntries([...handWritten.filter(isScript), ...elements, ...handWritten.filter((entry) => !isScript(entry))]);
}

/** One line per entry that differs between package.json and the expected exports. */
export function exportDifferences(root = ROOT) {
  const current = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports ?? {};
  const expected = expectedExports(root);
  const differences = [];
  for (const [key, value] of Object.entries(expected)) {
    if (!(key in current)) differences.push(`missing ${key}: ${JSON.stringify(value)}`);
    else if (JSON.stringify(current[key]) !== JSON.stringify(value)) differences.push(`${key} is ${JSON.stringify(current[key])}, should be ${JSON.stringify(value)}`);
  }
  for (const key of Object.keys(current)) if (!(key in expected)) differences.push(`extra ${key}: no src/components/${key.slice(2, -3)}/${key.slice(2, -3)}.define.ts`);
  if (!differences.length && JSON.stringify(Object.keys(current)) !== JSON.stringify(Object.keys(expected))) differences.push('entries out of order');
  return differences;
}

/** Every file an "exports" target names (all conditions), relative to root. */
export function exportedFiles(exportsField) {
  const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value ?? {}).flatMap(targets));
  return [...new Set(Object.values(exportsField ?? {}).flatMap(targets))].map((target) => target.replace(/^\.\//, ''));
}

/** After a build: exported files that do not exist, and elements without an export. */
export function builtExportProblems(root = ROOT) {
  const exportsField = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).exports ?? {};
  return [
    ...exportedFiles(exportsField).filter((file) => !existsSync(join(root, file))).map((file) => `package.json exports ${file}, which the build did not produce`),
    ...discoverElements(root).filter(({ name }) => !exportsField[`./${name}.js`]).map(({ name }) => `package.json has no "./${name}.js" export`),
  ];
}

function main() {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const differences = exportDifferences();
  if (!differences.length) return;
  if (values.check) {
    console.error(`package.json "exports" does not match the elements (run \`node scripts/package-exports.mjs\`, or \`npm run build\`):\n- ${differences.join('\n- ')}`);
    process.exit(1);
  }
  const file = join(ROOT, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  pkg.exports = expectedExports();
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`package.json "exports" updated:\n- ${differences.join('\n- ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
