#!/usr/bin/env node
// `npm run release-check` = build (bundles, declarations, manifest, integrity.json, size budgets, exports) +
// README tables against the manifest (docs:check) + this script: what `npm pack` would publish, checked
// (scripts/package-files.mjs) and listed with sizes; src/version.ts against package.json; every element of
// custom-elements.json with its own entry in the package. Exits 1 naming every problem.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, discoverElements } from './elements.mjs';
import { customElementsOf } from './manifest.mjs';
import { npmPack, packProblems } from './package-files.mjs';
import { versionIsCurrent } from './version.mjs';

const report = npmPack();
const paths = report.files.map((file) => file.path);
const problems = packProblems(paths);
if (!versionIsCurrent()) problems.push('src/version.ts does not hold package.json\'s version (node scripts/version.mjs)');

const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const tags = customElementsOf(manifest).map((entry) => entry.tagName);
const discovered = discoverElements().map((element) => element.name);
if (JSON.stringify(tags) !== JSON.stringify(discovered)) problems.push(`custom-elements.json names ${tags.join(', ')}; src/components has ${discovered.join(', ')}`);
for (const tag of tags) if (!paths.includes(`dist/${tag}.js`)) problems.push(`<${tag}> has no dist/${tag}.js in the package`);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const types = report.files.filter((file) => file.path.startsWith('dist/types/'));
const rows = report.files.filter((file) => !file.path.startsWith('dist/types/'));
rows.push({ path: `dist/types/ (${types.length} declaration files)`, size: types.reduce((sum, file) => sum + file.size, 0) });
const width = Math.max(...rows.map((row) => row.path.length));
console.log(`\n${report.filename}: ${report.files.length} files, ${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked\n`);
for (const row of rows.sort((a, b) => a.path.localeCompare(b.path))) console.log(`  ${row.path.padEnd(width)}  ${String(row.size).padStart(9)} B`);
if (problems.length) {
  console.error(`\nrelease-check: ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`\nrelease-check: the package holds what it must and nothing else; elements: ${tags.join(', ')}.`);
