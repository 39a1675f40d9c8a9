#!/usr/bin/env node
// The README's per-element reference tables, generated from the custom-elements manifest.
//
//   npm run docs                                   rewrites the tables in README.md
//   node scripts/readme-tables.mjs --check         exits 1, naming the element and the differing rows,
//                                                  when README.md and the manifest disagree
//   … --manifest custom-elements.json              reads that file instead of analysing src/ afresh
//
// Each element's tables stand between `<!-- manifest:cc-x:start -->` and `<!-- manifest:cc-x:end -->`;
// the prose around them is left alone. An element without such a section gets a new one (heading, its JSDoc
// description and the tables) where `<!-- manifest:new-elements -->` stands, and --check reports it missing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROOT } from './elements.mjs';
import { customElementsOf, loadManifest } from './manifest.mjs';

export const NEW_ELEMENTS_ANCHOR = '<!-- manifest:new-elements -->';
const startMarker = (tag) => `<!-- manifest:${tag}:start -->`;
const endMarker = (tag) => `<!-- manifest:${tag}:end -->`;
const SECTION = /<!-- manifest:([a-z][a-z0-9]*-[a-z0-9-]*):start -->\n([\s\S]*?)<!-- manifest:\1:end -->/g;

// ---------------------------------------------------------------------------------------------------------
// Rendering

/** Inline code that survives a table cell (`|` escaped, backticks fenced by longer runs). */
function code(text) {
  const value = String(text);
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = /^`|`$/.test(value) ? ` ${value} ` : value;
  return `${fence}${padded}${fence}`.replace(/\|/g, '\\|');
}

/** Prose in a table cell: one line, pipes escaped (code spans keep their own escaping). */
const prose = (text) => (text ?? '').replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();

/** A Markdown table; optional columns (named in `optional`) are left out when every cell is empty. */
function table(headers, rows, optional = []) {
  if (!rows.length) return '';
  const keep = headers.map((header, i) => !optional.includes(header) || rows.some((row) => row[i]));
  const pick = (cells) => cells.filter((_, i) => keep[i]);
  const line = (cells) => `| ${pick(cells).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** `CustomEvent<CcLoadDetail>` → `CcLoadDetail`. */
const detailType = (event) => event.type?.text?.match(/^CustomEvent<(.+)>$/s)?.[1] ?? event.type?.text ?? '';

function signature(method) {
  const params = (method.parameters ?? []).map((p) => `${p.rest ? '...' : ''}${p.name}${p.optional ? '?' : ''}${p.type?.text ? `: ${p.type.text}` : ''}`);
  return `${method.name}(${params.join(', ')})${method.return?.type?.text ? `: ${method.return.type.text}` : ''}`;
}

/** The tables of one element, from its manifest declaration. */
export function renderTables({ declaration: d }) {
  const members = (d.members ?? []).filter((m) => isPublic(m) && !m.static);
  const fields = members.filter((m) => m.kind === 'field');
  const attributes = d.attributes ?? [];
  const attributeRows = attributes.map((a) => {
    const field = fields.find((f) => f.name === a.fieldName);
    const type = a.type?.text ?? field?.type?.text;
    const fallback = a.default ?? field?.default;
    return [code(a.name), a.fieldName ? code(a.fieldName) : '', type ? code(type) : '', fallback !== undefined ? code(fallback) : '', prose(a.description ?? field?.description)];
  });
  // Public properties that no attribute sets (`attribute: false`): settable from script only.
  const propertyRows = fields
    .filter((f) => !attributes.some((a) => a.fieldName === f.name))
    .map((f) => ['—', code(f.name), f.type?.text ? code(f.type.text) : '', f.default !== undefined ? code(f.default) : '', prose(f.description)]);
  const tables = [
    table(['Attribute', 'Property', 'Type', 'Default', 'Description'], [...attributeRows, ...propertyRows], ['Default']),
    table(['Method', 'Description'], members.filter((m) => m.kind === 'method').map((m) => [code(signature(m)), prose(m.description)])),
    table(['Event', 'Detail type', 'Description'], (d.events ?? []).map((e) => [code(e.name), detailType(e) ? code(detailType(e)) : '', prose(e.description)]), ['Detail type']),
    table(['Slot', 'Description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', prose(s.description)])),
    table(['Part', 'Description'], (d.cssParts ?? []).map((p) => [code(p.name), prose(p.description)])),
    table(['CSS custom property', 'Default', 'Description'], (d.cssProperties ?? []).map((p) => [code(p.name), p.default ? code(p.default) : '', prose(p.description)]), ['Default']),
    table(['CSS state', 'Description'], (d.cssStates ?? []).map((s) => [code(s.name), prose(s.description)])),
  ].filter(Boolean);
  return tables.join('\n\n');
}

function renderSection(entry) {
  const source = entry.module.path;
  return [
    `<!-- Generated from custom-elements.json by \`npm run docs\`: edit the JSDoc in ${source}, not these tables. -->`,
    '',
    renderTables(entry),
    '',
  ].join('\n');
}

function newElementSection(entry) {
  const description = entry.declaration.description || entry.declaration.summary || '';
  return [`### \`<${entry.tagName}>\``, '', ...(description ? [description, ''] : []), startMarker(entry.tagName), renderSection(entry) + endMarker(entry.tagName), '', ''].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Comparing and updating

/** Rows present on one side only, in order: `- ` in the README, `+ ` from the manifest. */
function lineDiff(actual, expected) {
  const a = actual.split('\n');
  const b = expected.split('\n');
  return [...a.filter((line) => !b.includes(line)).map((line) => `- ${line}`), ...b.filter((line) => !a.includes(line)).map((line) => `+ ${line}`)];
}

/**
 * Compares the README with the manifest. Returns `{ text, problems }`: the README with every section
 * regenerated (and missing ones added at the anchor), and one `{ tag, kind, message, diff }` per disagreement;
 * `kind` is 'differs' or 'missing' (npm run docs fixes these), or 'stale', 'duplicate', 'anchor' (a person does).
 */
export function reconcile(readme, manifest) {
  const elements = customElementsOf(manifest);
  const byTag = new Map(elements.map((entry) => [entry.tagName, entry]));
  const problems = [];
  const seen = new Set();
  let text = readme.replace(SECTION, (whole, tag, body) => {
    const entry = byTag.get(tag);
    if (!entry) {
      problems.push({ tag, kind: 'stale', message: `README.md has a section for <${tag}>, which is not in the manifest: remove it (and its prose) by hand`, diff: [] });
      return whole;
    }
    if (seen.has(tag)) {
      problems.push({ tag, kind: 'duplicate', message: `README.md has two sections for <${tag}>`, diff: [] });
      return whole;
    }
    seen.add(tag);
    const expected = renderSection(entry);
    if (body !== expected) problems.push({ tag, kind: 'differs', message: `README.md's tables for <${tag}> differ from the manifest`, diff: lineDiff(body, expected) });
    return `${startMarker(tag)}\n${expected}${endMarker(tag)}`;
  });
  const missing = elements.filter((entry) => !seen.has(entry.tagName));
  for (const entry of missing) {
    problems.push({ tag: entry.tagName, kind: 'missing', message: `README.md has no section for <${entry.tagName}> (no ${startMarker(entry.tagName)})`, diff: [] });
  }
  if (missing.length) {
    if (!text.includes(NEW_ELEMENTS_ANCHOR)) {
      problems.push({ tag: missing.map((e) => e.tagName).join(', '), kind: 'anchor', message: `README.md has no ${NEW_ELEMENTS_ANCHOR} anchor where new element sections go`, diff: [] });
    } else {
      // A function, not a string: a "$`" or "$&" in an element's docs (`$` as a currency) must stay text.
      text = text.replace(NEW_ELEMENTS_ANCHOR, () => `${missing.map(newElementSection).join('')}${NEW_ELEMENTS_ANCHOR}`);
    }
  }
  return { text, problems };
}

export function formatProblems(problems) {
  return problems.map(({ tag, message, diff }) => [`<${tag}>: ${message}`, ...diff.map((line) => `    ${line}`)].join('\n')).join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Command line

const FIXED_BY_WRITING = new Set(['differs', 'missing']);

async function main() {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, manifest: { type: 'string' }, readme: { type: 'string', default: join(ROOT, 'README.md') } },
  });
  const manifest = await loadManifest(values.manifest);
  const readme = readFileSync(values.readme, 'utf8');
  const { text, problems } = reconcile(readme, manifest);
  if (values.check) {
    if (problems.length) {
      console.error(`${formatProblems(problems)}\n\nThe README's element tables come from the components' JSDoc: run \`npm run docs\`.`);
      process.exit(1);
    }
    return;
  }
  if (text !== readme) writeFileSync(values.readme, text);
  // What only a person can fix (a section of an element that is gone, a missing anchor) still fails.
  const manual = problems.filter((p) => !FIXED_BY_WRITING.has(p.kind));
  if (manual.length) {
    console.error(formatProblems(manual));
    process.exit(1);
  }
  const changed = problems.filter((p) => FIXED_BY_WRITING.has(p.kind)).map((p) => `<${p.tag}>`);
  if (changed.length) console.log(`README.md: tables updated for ${changed.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
