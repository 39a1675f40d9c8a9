import { expect } from '@open-wc/testing';
import { buildSearchForm, countedTypes, encodeForm } from '../../src/api/index.js';

/** Decodes a body back to ordered [key, value] pairs, for readable assertions. */
function pairs(body: string): [string, string][] {
  return [...new URLSearchParams(body)];
}

describe('request building', () => {
  describe('encodeForm (PHP bracket notation)', () => {
    it('encodes arrays with [] and maps with [key], in insertion order', () => {
      const body = encodeForm({
        searchType: ['events', 'organizations'],
        locality: { '54c0965cf6b95c141800a518cities': { id: '54c0965cf6b95c141800a518', type: 'cities' } },
        ranges: { events: { indexMin: 0, indexMax: 30 } },
      });
      expect(body).to.equal(
        'searchType%5B%5D=events&searchType%5B%5D=organizations' +
          '&locality%5B54c0965cf6b95c141800a518cities%5D%5Bid%5D=54c0965cf6b95c141800a518' +
          '&locality%5B54c0965cf6b95c141800a518cities%5D%5Btype%5D=cities' +
          '&ranges%5Bevents%5D%5BindexMin%5D=0&ranges%5Bevents%5D%5BindexMax%5D=30',
      );
    });

    it('leaves out undefined, null and non-finite values and writes booleans as words', () => {
      expect(encodeForm({ a: undefined, b: null, c: Number.NaN, d: true, e: 'x y&z' })).to.equal('d=true&e=x+y%26z');
    });

    it('refuses objects inside a list (PHP could not read them back)', () => {
      expect(() => encodeForm({ list: [{ a: 1 }] as never })).to.throw(TypeError);
    });
  });

  describe('buildSearchForm', () => {
    it('builds the directory query of a commune by INSEE code, with counts', () => {
      const body = encodeForm(
        buildSearchForm({ types: ['organizations'], text: '  repair  café ', locality: { insee: ['97413'] }, indexMin: 0, indexStep: 30, count: true }),
      );
      expect(pairs(body)).to.deep.equal([
        ['name', 'repair café'],
        ['searchType[]', 'organizations'],
        ['locality[97413codeInsee][id]', '97413'],
        ['locality[97413codeInsee][type]', 'codeInsee'],
        ['indexMin', '0'],
        ['indexStep', '30'],
        ['count', 'true'],
        ['countType[]', 'organizations'],
      ]);
    });

    it('sends a lone organisation sub-type as the search type (2018 semantics)', () => {
      expect(pairs(encodeForm(buildSearchForm({ types: ['NGO'] })))).to.deep.equal([['searchType[]', 'NGO']]);
    });

    it('asks for the whole collection and counts each sub-type when several are wanted', () => {
      const form = buildSearchForm({ types: ['NGO', 'Cooperative', 'projects'], count: true });
      expect(form.searchType).to.deep.equal(['organizations', 'projects']);
      expect(form.countType).to.deep.equal(['NGO', 'Cooperative', 'projects']);
      expect(countedTypes(['NGO', 'Cooperative', 'projects'])).to.deep.equal(['NGO', 'Cooperative', 'projects']);
    });

    it('writes every kind of place as a locality entry, zones at both levels', () => {
      const body = encodeForm(
        buildSearchForm({
          types: ['organizations'],
          locality: {
            cityIds: ['54c0965cf6b95c141800a518', 'not an id!'],
            postalCodes: ['974', ''],
            zones: ['58be4af494ef47df1d0ddc02'],
            countries: ['re'],
          },
        }),
      );
      expect(pairs(body)).to.deep.equal([
        ['searchType[]', 'organizations'],
        ['locality[54c0965cf6b95c141800a518cities][id]', '54c0965cf6b95c141800a518'],
        ['locality[54c0965cf6b95c141800a518cities][type]', 'cities'],
        ['locality[974cp][name]', '974'],
        ['locality[974cp][type]', 'cp'],
        ['locality[974cp][countryCode]', 'RE'],
        ['locality[58be4af494ef47df1d0ddc02level3][id]', '58be4af494ef47df1d0ddc02'],
        ['locality[58be4af494ef47df1d0ddc02level3][type]', 'level3'],
        ['locality[58be4af494ef47df1d0ddc02level4][id]', '58be4af494ef47df1d0ddc02'],
        ['locality[58be4af494ef47df1d0ddc02level4][type]', 'level4'],
      ]);
    });

    it('uses a country entry only when it is the only place given', () => {
      expect(pairs(encodeForm(buildSearchForm({ types: ['events'], locality: { countries: ['FR', 'RE'] } })))).to.deep.equal([
        ['searchType[]', 'events'],
        ['locality[FRcountry][countryCode]', 'FR'],
        ['locality[FRcountry][type]', 'country'],
        ['locality[REcountry][countryCode]', 'RE'],
        ['locality[REcountry][type]', 'country'],
      ]);
    });

    it('sends tags, the "all" mode, network keys and the event window in Unix seconds', () => {
      const body = encodeForm(
        buildSearchForm({
          types: ['events'],
          tags: [' Vrac', 'vrac', 'zéro\u200Bdéchet'],
          tagsMode: 'all',
          sourceKeys: ['tierslieuxhdf', 'bad key!'],
          eventWindow: { start: new Date('2026-12-01T00:00:00Z'), end: new Date('2026-12-31T23:59:59.900Z') },
          subType: 'workshop',
        }),
      );
      expect(pairs(body)).to.deep.equal([
        ['searchType[]', 'events'],
        ['searchTags[]', 'Vrac'],
        ['searchTags[]', 'zérodéchet'],
        ['options[tags][verb]', '$all'],
        ['sourceKey[]', 'tierslieuxhdf'],
        ['startDate', '1796083200'],
        ['endDate', '1798761599'],
        ['searchSType', 'workshop'],
      ]);
    });

    it('sends marketplace filters with the platform names', () => {
      const form = buildSearchForm({
        types: ['classifieds'],
        market: { section: 'forsale', category: 'vehicles', subCategory: 'bikes', priceMin: 10, priceMax: 500.7, currency: 'Ğ1' },
        indexStep: 0,
      });
      expect(pairs(encodeForm(form))).to.deep.equal([
        ['searchType[]', 'classifieds'],
        ['section', 'forsale'],
        ['category', 'vehicles'],
        ['subType', 'bikes'],
        ['priceMin', '10'],
        ['priceMax', '500'],
        ['devise', 'Ğ1'],
        ['indexStep', '0'],
      ]);
    });

    it('never sends tpl (it makes the server answer HTML) nor a JSON body', () => {
      const body = encodeForm(buildSearchForm({ types: ['organizations'], text: 'x' }));
      expect(body).not.to.include('tpl');
      expect(body.startsWith('{')).to.equal(false);
    });
  });
});
