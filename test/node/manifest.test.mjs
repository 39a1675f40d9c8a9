// The custom-elements manifest, analysed afresh from src/ (as `npm run analyze` does, without writing it),
// and what is derived from it: the README's element tables and package.json "exports". Runs before the
// build in `npm test`, so it never reads a stale custom-elements.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { readEventMap } from '../../scripts/cem-plugins.mjs';
import { ROOT, discoverElements } from '../../scripts/elements.mjs';
import { customElementsOf, analyzeManifest } from '../../scripts/manifest.mjs';
import { exportDifferences } from '../../scripts/package-exports.mjs';
import { formatProblems, reconcile } from '../../scripts/readme-tables.mjs';

let manifest;
let elements;
before(async () => {
  manifest = await analyzeManifest();
  elements = customElementsOf(manifest);
});

const moduleAt = (path) => manifest.modules.find((module) => module.path === path);

describe('custom-elements manifest', () => {
  it('gives every cc-*.define.ts element its tag name and a custom-element-definition export', () => {
    const discovered = discoverElements();
    assert.ok(discovered.length > 0, 'no src/components/cc-*/cc-*.define.ts found');
    for (const { name, define } of discovered) {
      const definition = moduleAt(define)?.exports?.find((e) => e.kind === 'custom-element-definition');
      assert.ok(definition, `${define}: no custom-element-definition export (does it call defineElement('${name}', …)?)`);
      assert.equal(definition.name, name, `${define} defines <${definition.name}>; the folder (and the dist/${name}.js entry) says <${name}>`);
      const declaration = moduleAt(definition.declaration.module)?.declarations?.find((d) => d.name === definition.declaration.name);
      assert.ok(declaration, `${define}: ${definition.declaration.name} not found in ${definition.declaration.module}`);
      assert.equal(declaration.tagName, name);
      assert.equal(declaration.customElement, true);
    }
    assert.deepEqual(elements.map((e) => e.tagName), discovered.map((e) => e.name), 'every element in the manifest comes from a define module');
  });

  it('types every fired event as CustomEvent<detail> from CcEventMap', () => {
    const details = readEventMap(join(ROOT, 'src/shared/events.ts'), 'CcEventMap');
    for (const { tagName, declaration } of elements) {
      assert.ok(declaration.events?.length, `<${tagName}> documents no @fires event`);
      for (const event of declaration.events) {
        assert.ok(details.has(event.name), `<${tagName}> fires ${event.name}, which CcEventMap does not list`);
        assert.equal(event.type?.text, `CustomEvent<${details.get(event.name)}>`, `<${tagName}> ${event.name}`);
      }
    }
  });

  it('links every attribute to a typed public field, and shows no private member', () => {
    for (const { tagName, declaration } of elements) {
      const members = declaration.members ?? [];
      for (const member of members) {
        assert.ok(member.privacy !== 'private' && !member.name.startsWith('#'), `<${tagName}> exposes private ${member.name}`);
        if (member.kind === 'field') assert.ok(member.type?.text, `<${tagName}> field ${member.name} has no type`);
      }
      for (const attribute of declaration.attributes ?? []) {
        const field = members.find((m) => m.name === attribute.fieldName);
        assert.ok(field, `<${tagName}> attribute ${attribute.name} sets no public field`);
        assert.equal(field.attribute, attribute.name, `<${tagName}> ${field.name}.attribute`);
        assert.ok(attribute.type?.text, `<${tagName}> attribute ${attribute.name} has no type`);
        assert.equal(attribute.type.text, field.type.text, `<${tagName}> attribute ${attribute.name} and field ${field.name} disagree on the type`);
        assert.equal(attribute.default, field.default, `<${tagName}> attribute ${attribute.name} and field ${field.name} disagree on the default`);
      }
      for (const [list, what] of [['slots', 'slot'], ['cssParts', 'part'], ['cssProperties', 'CSS property']]) {
        for (const item of declaration[list] ?? []) assert.ok(item.description, `<${tagName}> ${what} ${item.name || '(default)'} has no description`);
      }
    }
  });

  it('lists the common attributes (declared once in COMMON_PROPERTIES) on every element, documented, typed, with defaults', () => {
    const source = readFileSync(join(ROOT, 'src/shared/common-attributes.ts'), 'utf8');
    const declared = [...source.matchAll(/^ {2}(\w+): \{(?:[^}]*attribute: '([\w-]+)')?/gm)].map(([, field, attribute]) => attribute ?? field.toLowerCase());
    assert.ok(declared.includes('api-base') && declared.includes('insee'), `COMMON_PROPERTIES not read: ${declared}`);
    for (const element of elements) {
      for (const name of declared) {
        const attribute = element.declaration.attributes?.find((a) => a.name === name);
        assert.ok(attribute, `<${element.tagName}> lacks the common attribute ${name}`);
        assert.ok(attribute.description && attribute.type?.text && attribute.default !== undefined, `<${element.tagName}> ${name}: ${JSON.stringify(attribute)}`);
      }
    }
  });
});

describe('derived from the manifest', () => {
  it("README.md's element tables agree with the manifest (npm run docs rewrites them)", () => {
    const { problems } = reconcile(readFileSync(join(ROOT, 'README.md'), 'utf8'), manifest);
    assert.equal(problems.length, 0, `\n${formatProblems(problems)}\nRun \`npm run docs\`.`);
  });

  it('package.json "exports" has one entry per element, with its types (npm run exports rewrites it)', () => {
    const differences = exportDifferences();
    assert.deepEqual(differences, [], differences.join('\n'));
  });
});
