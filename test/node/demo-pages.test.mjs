// The demo pages a webmaster reads as examples: ids are unique in every page, and each page shows its
// own scope (the association's page shows the association's own events and its own town's neighbours,
// from the sandbox the demo server runs with its default seed and size).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { generateData } from '../../sandbox/data/generate.mjs';
import { resolveOptions } from '../../sandbox/index.mjs';

const DEMO = fileURLToPath(new URL('../../demo/', import.meta.url));
const pages = readdirSync(DEMO).filter((name) => name.endsWith('.html'));
const read = (name) => readFileSync(join(DEMO, name), 'utf8');
/** The page without its HTML comments (they hold "intended" markup that is not in the document). */
const markup = (name) => read(name).replace(/<!--[\s\S]*?-->/g, '');

describe('demo pages', () => {
  it('exist', () => {
    for (const page of ['index.html', 'town-hall.html', 'association.html', 'portal.html', 'states.html']) assert.ok(pages.includes(page), page);
  });

  for (const page of pages) {
    it(`${page}: every id is unique, every aria-labelledby names one`, () => {
      const ids = [...markup(page).matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
      const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
      assert.deepEqual(repeated, [], `repeated ids in ${page}`);
      for (const [, id] of markup(page).matchAll(/aria-labelledby="([^"]+)"/g)) assert.ok(ids.includes(id), `${page}: aria-labelledby="${id}" names no element`);
    });
  }

  it("association.html shows the association's own events and its own town", () => {
    const html = markup('association.html');
    const slug = html.match(/<cc-agenda[^>]*\sorganization="([^"]+)"/)?.[1];
    assert.ok(slug, 'the agenda is scoped by organization="…"');
    const data = generateData(resolveOptions({})); // what `npm start` serves: default seed and size, now = today
    const found = data.slugs.get(slug);
    assert.equal(found?.type, 'organizations', `the slug ${slug} is an organisation of the sandbox`);
    const org = data.byId.get(found.id).doc;
    const events = Object.keys(org.links?.events ?? {}).map((id) => data.byId.get(id).doc);
    const upcoming = events.filter((event) => event.organizerId === found.id && (event.startDate?.sec ?? 0) > data.nowSec);
    assert.ok(upcoming.length >= 3, `${org.name} organises ${upcoming.length} upcoming events (want 3 or more)`);
    // The page is this association's site: its name in the header, its town for the neighbours' directory.
    assert.match(html, new RegExp(`<p class="logo">${org.name}</p>`));
    const insee = html.match(/<cc-directory[^>]*\sinsee="(\d+)"/)?.[1];
    assert.equal(insee, org.address.codeInsee, 'the neighbours are those of its own commune');
    // Its "Entraide" board: the same association's needs and offers, at least six of them shown.
    assert.equal(html.match(/<cc-marketplace[^>]*\sorganization="([^"]+)"/)?.[1], slug);
    const board = data.collections.classifieds.filter((entry) => entry.visible && entry.doc.parentId === found.id);
    assert.ok(board.length >= 6, `${org.name} has ${board.length} needs and offers (want 6 or more)`);
  });
});
