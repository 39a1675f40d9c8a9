// `version`, exported by the package entry, is package.json's: src/version.ts is written from it by
// scripts/version.mjs (a step of npm run build and of npm version), never by hand.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../scripts/elements.mjs';
import { versionIsCurrent, versionSource } from '../../scripts/version.mjs';

describe('src/version.ts', () => {
  it("holds package.json's version", () => {
    assert.ok(versionIsCurrent(), 'src/version.ts is stale: run `node scripts/version.mjs` (npm run build does)');
  });

  it('is told stale when package.json moves on, and refuses a version that is not semantic', () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-version-'));
    try {
      mkdirSync(join(root, 'src'));
      writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.1.0' }));
      writeFileSync(join(root, 'src', 'version.ts'), versionSource(root));
      assert.ok(versionIsCurrent(root));
      assert.match(versionSource(root), /export const version: string = '0\.1\.0';/);
      writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '0.2.0' }));
      assert.ok(!versionIsCurrent(root));
      writeFileSync(join(root, 'package.json'), JSON.stringify({ version: "0.2.0'; alert(1); '" }));
      assert.throws(() => versionSource(root), /not a semantic version/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("the README's CDN addresses name package.json's version (exact) or its minor line", () => {
    const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const named = [...readme.matchAll(new RegExp(`${name}@([0-9][0-9.]*)`, 'g'))].map((match) => match[1].replace(/\.$/, ''));
    assert.ok(named.length >= 3, 'the README names versions in its CDN snippets');
    const minor = version.split('.').slice(0, 2).join('.');
    assert.deepEqual(named.filter((named) => named !== version && named !== minor), [], `versions other than ${version} or ${minor} (after \`npm version\`, update the README)`);
  });
});
