#!/usr/bin/env node
// src/version.ts holds package.json's "version", written from it by this script (never by hand), so the
// `version` the package entry exports is the version of the package that ships it:
//
//   node scripts/version.mjs           rewrites src/version.ts when it differs (a step of `npm run build`,
//                                      and of `npm version`, which bumps package.json: see its "version" script)
//   node scripts/version.mjs --check   exits 1 when src/version.ts is stale (a Node test runs it)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './elements.mjs';

export const VERSION_FILE = 'src/version.ts';
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The text src/version.ts should hold for the package.json in `root`. */
export function versionSource(root = ROOT) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!SEMVER.test(String(version))) throw new Error(`package.json "version" is not a semantic version: ${JSON.stringify(version)}`);
  return `// Generated from package.json by scripts/version.mjs (npm run build, npm version): do not edit.
/** The version of the communecter-widgets package this code was built from (semantic versioning). */
export const version: string = '${version}';
`;
}

/** Whether src/version.ts matches package.json. */
export function versionIsCurrent(root = ROOT) {
  try {
    return readFileSync(join(root, VERSION_FILE), 'utf8') === versionSource(root);
  } catch {
    return false;
  }
}

function main() {
  if (versionIsCurrent()) return;
  if (process.argv.includes('--check')) {
    console.error(`${VERSION_FILE} does not hold package.json's version: run \`node scripts/version.mjs\` (npm run build does).`);
    process.exit(1);
  }
  writeFileSync(join(ROOT, VERSION_FILE), versionSource());
  console.log(`${VERSION_FILE} written from package.json`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
