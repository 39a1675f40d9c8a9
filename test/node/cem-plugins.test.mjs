// scripts/cem-plugins.mjs on a small fixture package written to a temporary folder: what the plugins add
// (tag name from defineElement, typed events, resolved types and defaults) and remove (private members),
// and that an event missing from the event map fails the analysis instead of going untyped.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ROOT } from '../../scripts/elements.mjs';
import { analyzeManifest } from '../../scripts/manifest.mjs';

const element = (fires) => `import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DEFAULT_URL } from '../../shared/constants.js';
import type { Modes } from './model.js';

/**
 * A fixture element.
 *
${fires.map((name) => ` * @fires ${name} - ${name} happened.`).join('\n')}
 * @csspart base - The wrapper.
 */
export class CcFx extends LitElement {
  /** Where the data is. */
  @property({ attribute: 'base-url' }) baseUrl = DEFAULT_URL;
  /** How it shows. */
  @property() mode: Modes = 'a';
  /** Script only. */
  @property({ attribute: false }) limit = 5;
  @state() private hidden = false;
  #secret = 1;
  private helper(): number { return this.#secret + Number(this.hidden); }
}
`;

const files = (fires) => ({
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, experimentalDecorators: true, useDefineForClassFields: false, skipLibCheck: true, noEmit: true } }),
  'custom-elements-manifest.config.mjs': `import { communecterPlugins } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/cem-plugins.mjs')).href)};
export default { globs: ['src/components/**/*.ts'], litelement: true, packagejson: false,
  plugins: communecterPlugins({ root: ${JSON.stringify('ROOT_PLACEHOLDER')}, eventMap: { file: 'src/shared/events.ts', interface: 'CcEventMap' } }) };`,
  'src/shared/events.ts': `export interface FxDetail { readonly n: number }
export interface CcEventMap { 'cc-fx': FxDetail; 'cc-other': { a: string } }`,
  'src/shared/constants.ts': `export const DEFAULT_URL = 'https://example.org';`,
  'src/shared/define.ts': 'export function defineElement(tag: string, c: CustomElementConstructor): void { customElements.define(tag, c); }',
  'src/components/cc-fx/model.ts': `export type Mode = 'a' | 'b';\nexport type Modes = Mode | 'c';`,
  'src/components/cc-fx/cc-fx.ts': element(fires),
  'src/components/cc-fx/cc-fx.define.ts': `import { defineElement } from '../../shared/define.js';
import { CcFx } from './cc-fx.js';
defineElement('cc-fx', CcFx);
export { CcFx };`,
});

// Inside the repository (.cache/ is ignored), so the fixture resolves lit and typescript like the real source.
let dir;
before(() => {
  mkdirSync(join(ROOT, '.cache'), { recursive: true });
  dir = mkdtempSync(join(ROOT, '.cache', 'cem-fixture-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function writeFixture(fires) {
  for (const [name, text] of Object.entries(files(fires))) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text.replace('ROOT_PLACEHOLDER', dir));
  }
}

describe('cem plugins (fixture)', () => {
  it('adds the tag name, typed events, resolved types and defaults; drops private members', async () => {
    writeFixture(['cc-fx', 'cc-other']);
    const manifest = await analyzeManifest(dir);
    const defineModule = manifest.modules.find((m) => m.path === 'src/components/cc-fx/cc-fx.define.ts');
    assert.deepEqual(
      defineModule.exports.map((e) => [e.kind, e.name, e.declaration.module]),
      [
        ['custom-element-definition', 'cc-fx', 'src/components/cc-fx/cc-fx.ts'],
        ['js', 'CcFx', 'src/components/cc-fx/cc-fx.ts'],
      ],
    );
    const klass = manifest.modules.find((m) => m.path === 'src/components/cc-fx/cc-fx.ts').declarations.find((d) => d.name === 'CcFx');
    assert.equal(klass.tagName, 'cc-fx');
    assert.deepEqual(
      klass.members.map((m) => [m.name, m.type?.text, m.default, m.attribute]),
      [
        ['baseUrl', 'string', "'https://example.org'", 'base-url'],
        ['mode', "'a' | 'b' | 'c'", "'a'", 'mode'],
        ['limit', 'number', '5', undefined],
      ],
    );
    assert.deepEqual(
      klass.attributes.map((a) => [a.name, a.fieldName, a.type?.text, a.default]),
      [
        ['base-url', 'baseUrl', 'string', "'https://example.org'"],
        ['mode', 'mode', "'a' | 'b' | 'c'", "'a'"],
      ],
    );
    assert.deepEqual(
      klass.events.map((e) => [e.name, e.type?.text]),
      [
        ['cc-fx', 'CustomEvent<FxDetail>'],
        ['cc-other', 'CustomEvent<{ a: string }>'],
      ],
    );
    assert.deepEqual(klass.events[0].type.references, [{ name: 'FxDetail', module: 'src/shared/events.ts', start: 12, end: 20 }]);
  });

  it('fails the analysis when an element fires a cc-* event that the event map does not list', async () => {
    writeFixture(['cc-fx', 'cc-missing']);
    await assert.rejects(analyzeManifest(dir), /CcFx fires cc-missing/);
  });
});
