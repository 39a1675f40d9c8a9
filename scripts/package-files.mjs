// What `npm pack` puts in the package, and what it must put there: dist/ whole (every entry, the chunks, the
// classic script, the source maps, the declarations, integrity.json), custom-elements.json, README.md,
// LICENSE, CHANGELOG.md and package.json; nothing else (no source, tests, sandbox or demo).
// Used by scripts/release-check.mjs (npm run release-check) and test/build/package.test.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './elements.mjs';
import { exportedFiles } from './package-exports.mjs';

/** Files the package holds besides dist/. */
export const TOP_LEVEL_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'custom-elements.json', 'package.json'];

/**
 * `npm pack` (scripts ignored: the caller builds first) into `destination`, or a dry run when none.
 * @returns {{ filename: string, size: number, unpackedSize: number, files: { path: string, size: number }[] }}
 */
export function npmPack({ root = ROOT, destination } = {}) {
  const args = ['pack', '--json', '--ignore-scripts', '--silent', ...(destination ? ['--pack-destination', destination] : ['--dry-run'])];
  const [report] = JSON.parse(execFileSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  return { ...report, files: report.files.map(({ path, size }) => ({ path, size })) };
}

/** Every file under dist/ on disk, with forward slashes (`dist/chunks/…`). */
function distFiles(root) {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  return readdirSync(dist, { recursive: true })
    .map((name) => `dist/${String(name).split('\\').join('/')}`)
    .filter((file) => statSync(join(root, file)).isFile());
}

/** One sentence per way the packed file list differs from what the package must hold. */
export function packProblems(paths, root = ROOT) {
  const packed = new Set(paths);
  const problems = [];
  for (const path of paths) {
    if (!path.startsWith('dist/') && !TOP_LEVEL_FILES.includes(path)) problems.push(`${path} is packed, but only dist/ and ${TOP_LEVEL_FILES.join(', ')} belong in the package`);
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const required = new Set([...TOP_LEVEL_FILES, ...distFiles(root), ...exportedFiles(pkg.exports), 'dist/integrity.json', 'dist/cc-widgets.iife.js']);
  for (const file of [...required].filter((file) => file.endsWith('.js') && file.startsWith('dist/') && !file.startsWith('dist/types/'))) required.add(`${file}.map`);
  for (const file of required) if (!packed.has(file)) problems.push(`${file} is missing from the package`);
  if (!paths.some((path) => path.startsWith('dist/chunks/'))) problems.push('no dist/chunks/ in the package');
  return problems;
}
