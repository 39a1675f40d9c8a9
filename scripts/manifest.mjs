// The custom-elements manifest, in memory: the analyzer run exactly as `npm run analyze` runs it (same
// config file, same plugins), without writing custom-elements.json. For the README tables (npm run docs)
// and the tests, which must compare against the source as it is, never against a stale file.
import { readFileSync } from 'node:fs';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { ROOT } from './elements.mjs';

/** Runs the analyzer on the source tree (about 2 s). */
export async function analyzeManifest(root = ROOT) {
  return cli({ argv: ['analyze', '--quiet'], cwd: root, noWrite: true });
}

/** The manifest `file` when given, else a fresh analysis. */
export async function loadManifest(file) {
  return file ? JSON.parse(readFileSync(file, 'utf8')) : analyzeManifest();
}

/** `[{ tagName, declaration, module }]` for every custom element with a tag name, sorted by tag. */
export function customElementsOf(manifest) {
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ tagName: declaration.tagName, declaration, module })))
    .filter((entry) => entry.declaration.customElement && entry.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}
