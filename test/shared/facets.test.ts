/**
 * The generic faceted search (src/shared/facets.ts), checked against its definition with
 * fast-check: matches are exactly the items that pass the text and every facet; an `any` facet's
 * count for a value is what selecting that value alone in the facet would give; an `all` facet's
 * count is what adding that value to the selection would give.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildFacetIndex, facetCount, searchFacets, topValues, type FacetQuery } from '../../src/shared/facets.js';
import { foldForSearch } from '../../src/lib/text.js';

interface Thing {
  readonly name: string;
  readonly kind: readonly string[];
  readonly tags: readonly string[];
  readonly section: readonly string[];
}

type Facet = 'kind' | 'tags' | 'section';
const KINDS = ['NGO', 'LocalBusiness', 'poi'];
const TAGS = ['vrac', 'Vélo', 'velo', 'zéro déchet', 'jardin'];
const SECTIONS = ['need', 'offer', 'forsale'];
const WORDS = ['atelier', 'Café', 'réparation', 'jardin', 'Saint-Leu'];

const thing = fc.record({
  name: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' ')),
  kind: fc.subarray(KINDS, { maxLength: 1 }),
  tags: fc.subarray(TAGS),
  section: fc.subarray(SECTIONS, { maxLength: 2 }),
});

const query = fc.record({
  text: fc.oneof(fc.constant(''), fc.constantFrom(...WORDS, 'cafe', 'SAINT', 'zzz')),
  kind: fc.subarray(KINDS),
  tags: fc.subarray(TAGS.map(foldForSearch)),
  section: fc.subarray(SECTIONS),
});

function index(things: readonly Thing[]) {
  return buildFacetIndex(things, {
    text: (item) => item.name,
    facets: {
      kind: { mode: 'any', values: (item) => item.kind },
      tags: { mode: 'all', values: (item) => item.tags, key: foldForSearch },
      section: { mode: 'any', values: (item) => item.section },
    },
  });
}

/** The definition, item by item, with nothing precomputed. */
function naive(things: readonly Thing[], q: { text: string; kind: string[]; tags: string[]; section: string[] }): number[] {
  const words = foldForSearch(q.text).split(/\s+/).filter(Boolean);
  const positions: number[] = [];
  things.forEach((item, position) => {
    const haystack = foldForSearch(item.name);
    if (!words.every((word) => haystack.includes(word))) return;
    if (q.kind.length > 0 && !q.kind.some((kind) => item.kind.includes(kind))) return;
    if (q.section.length > 0 && !q.section.some((section) => item.section.includes(section))) return;
    const tags = item.tags.map(foldForSearch);
    if (!q.tags.every((tag) => tags.includes(tag))) return;
    positions.push(position);
  });
  return positions;
}

function toQuery(q: { text: string; kind: string[]; tags: string[]; section: string[] }): FacetQuery<Facet> {
  return { text: q.text, selected: { kind: q.kind, tags: q.tags, section: q.section } };
}

describe('faceted search (fast-check, 300 runs each)', () => {
  it('matches exactly the items that pass the text and every facet, in the order given', () => {
    fc.assert(
      fc.property(fc.array(thing, { maxLength: 40 }), query, (things, q) => {
        const built = index(things);
        expect(searchFacets(built, toQuery(q)).matches).to.deep.equal(naive(things, q));
        const reversed = things.map((_, position) => things.length - 1 - position);
        expect(searchFacets(built, toQuery(q), reversed).matches).to.deep.equal(naive(things, q).reverse());
      }),
      { numRuns: 300 },
    );
  });

  it('an "any" facet counts each value as if it alone were chosen in that facet', () => {
    fc.assert(
      fc.property(fc.array(thing, { maxLength: 40 }), query, (things, q) => {
        const built = index(things);
        const result = searchFacets(built, toQuery(q));
        for (const kind of KINDS) expect(facetCount(built, result, 'kind', kind), kind).to.equal(naive(things, { ...q, kind: [kind] }).length);
        for (const section of SECTIONS) expect(facetCount(built, result, 'section', section), section).to.equal(naive(things, { ...q, section: [section] }).length);
      }),
      { numRuns: 300 },
    );
  });

  it('an "all" facet counts each value as what adding it to the selection would give', () => {
    fc.assert(
      fc.property(fc.array(thing, { maxLength: 40 }), query, (things, q) => {
        const built = index(things);
        const result = searchFacets(built, toQuery(q));
        for (const tag of new Set(TAGS.map(foldForSearch))) {
          const expected = naive(things, { ...q, tags: [...new Set([...q.tags, tag])] }).length;
          expect(facetCount(built, result, 'tags', tag), tag).to.equal(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keys fold ("Vélo" and "velo" are one keyword, shown with the first spelling); the top values leave out the excluded ones', () => {
    const things: Thing[] = [
      { name: 'Un', kind: ['NGO'], tags: ['Vélo', 'vrac'], section: [] },
      { name: 'Deux', kind: ['NGO'], tags: ['velo'], section: [] },
      { name: 'Trois', kind: ['poi'], tags: ['jardin'], section: [] },
    ];
    const built = index(things);
    const result = searchFacets(built, { text: '', selected: {} });
    expect(topValues(built, result, 'tags', 10)).to.deep.equal([
      { key: 'velo', label: 'Vélo', count: 2 },
      { key: 'jardin', label: 'jardin', count: 1 },
      { key: 'vrac', label: 'vrac', count: 1 },
    ]);
    expect(topValues(built, result, 'tags', 1, ['velo']).map((value) => value.key)).to.deep.equal(['jardin']);
  });

  it('a selected key that no item has matches nothing, and a "where" constraint always applies', () => {
    const things: Thing[] = [
      { name: 'Un', kind: ['NGO'], tags: [], section: ['need'] },
      { name: 'Deux', kind: ['poi'], tags: [], section: ['offer'] },
    ];
    const built = index(things);
    expect(searchFacets(built, { text: '', selected: { kind: ['Cooperative'] } }).matches).to.deep.equal([]);
    const result = searchFacets(built, { text: '', selected: {}, where: (position) => position === 1 });
    expect(result.matches).to.deep.equal([1]);
    expect(facetCount(built, result, 'kind', 'NGO')).to.equal(0);
  });
});
