// The elements of the library, discovered from the source tree: every src/components/cc-x/ folder with a
// cc-x.define.ts is an element with a per-element entry dist/cc-x.js. Used by rollup.config.mjs (entries),
// scripts/package-exports.mjs (package.json "exports") and the tests, so a new element needs no config.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is in scripts/). */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const COMPONENTS_DIR = 'src/components';

/**
 * `[{ name: 'cc-agenda', define: 'src/components/cc-agenda/cc-agenda.define.ts' }, …]`, sorted by name;
 * paths are relative to `root`, with forward slashes.
 */
export function discoverElements(root = ROOT) {
  const dir = join(root, COMPONENTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith('cc-'))
    .map((entry) => ({ name: entry.name, define: `${COMPONENTS_DIR}/${entry.name}/${entry.name}.define.ts` }))
    .filter((element) => existsSync(join(root, element.define)))
    .sort((a, b) => a.name.localeCompare(b.name));
}
