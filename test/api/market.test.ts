/**
 * The marketplace's client: the normaliser (misspellings, swapped keys, unknown values, hidden
 * records, contacts), the fail-closed attributes, the search form, and the price and age wording.
 */
import { expect } from '@open-wc/testing';
import { CONTACT_MASK, buildSearchForm, checkMarket, hasContact, marketSearchQuery, normalizeMarketRecord, normalizeMarketRecords, type MarketItem } from '../../src/api/index.js';
import { formatRelativeTime } from '../../src/lib/format.js';
import { marketEn } from '../../src/components/cc-marketplace/market-en.js';
import { marketFr } from '../../src/components/cc-marketplace/market-i18n.js';
import { categoryPath, isStale, matchingItems, priceText } from '../../src/components/cc-marketplace/market-model.js';

const base = 'https://www.communecter.org';
const id = (n: number): string => `5a0000000000000000000${String(n).padStart(3, '0')}`;
const record = (n: number, fields: Record<string, unknown>): Record<string, unknown> => ({ _id: { $oid: id(n) }, name: `Annonce ${n}`, ...fields });
const item = (n: number, fields: Record<string, unknown>): MarketItem => normalizeMarketRecord(record(n, fields), { base })!;

describe('marketplace normaliser', () => {
  it('maps the known misspellings and old sections (2018 export)', () => {
    expect(item(1, { type: 'ressoures', section: 'need', category: 'service', subtype: 'charity' })).to.include({ marketKind: 'ressources', section: 'need', category: 'service', subCategory: 'charity' });
    expect(item(2, { type: 'classifieds', section: 'forsale', category: 'vehicules', subtype: 'car' })).to.include({ category: 'vehicles', subCategory: 'car' });
    expect(item(3, { type: 'classifieds', section: 'forsale', category: 'véhicules' }).category).to.equal('vehicles');
    expect(item(4, { type: 'classifieds', section: 'forsale', category: 'technologie', subtype: 'it' }).category).to.equal('technology');
    expect(item(5, { type: 'classifieds', section: 'lookingfor', category: 'leisure' }).section).to.equal('need');
    expect(item(6, { type: 'classifieds', section: 'donation', category: 'home' }).section).to.equal('donation');
    expect(item(7, { type: 'classifieds', section: 'sharing', category: 'home' }).section).to.equal('sharing');
    // Search results: type is the collection, typeClassified the kind.
    expect(item(8, { type: 'classifieds', typeClassified: 'jobs', section: 'offer', category: 'joboffer', subtype: 'tradeSales' })).to.include({ marketKind: 'jobs', category: 'joboffer', subCategory: 'tradeSales' });
  });

  it('puts a swapped category and sub-type back, and drops an empty or repeated sub-type', () => {
    expect(item(1, { type: 'ressources', section: 'offer', category: 'animalcare', subtype: 'service' })).to.include({ category: 'service', subCategory: 'animalcare' });
    expect(item(2, { type: 'ressources', section: 'offer', category: 'material', subtype: 'material' })).to.include({ category: 'material', subCategory: null });
    expect(item(3, { type: 'classifieds', section: 'forsale', category: 'home', subtype: '' })).to.include({ category: 'home', subCategory: null });
  });

  it('keeps unknown values, as written, under "other"; never drops a record for an odd value', () => {
    const odd = item(1, { type: 'bazar', section: 'troc', category: 'divers', subtype: 'truc' });
    expect(odd).to.include({ marketKind: 'classifieds', section: 'other', sectionRaw: 'troc', category: 'other', categoryRaw: 'divers' });
    expect(categoryPath(marketFr, odd)).to.equal('Autre (divers)');
    const sub = item(2, { type: 'classifieds', section: 'forsale', category: 'home', subtype: 'vaisselle' });
    expect(categoryPath(marketFr, sub)).to.equal('Maison › Autre (vaisselle)');
    expect(categoryPath(marketEn, sub)).to.equal('Home › Other (vaisselle)');
    // Prototype keys are platform text too.
    expect(item(3, { type: 'constructor', section: '__proto__', category: 'toString' })).to.include({ marketKind: 'classifieds', section: 'other', category: 'other' });
  });

  it('drops private and deleted or uncomplete records, whatever the server returned', () => {
    const { items, dropped } = normalizeMarketRecords(
      {
        [id(1)]: record(1, { preferences: { private: true } }),
        [id(2)]: record(2, { state: 'deleted' }),
        [id(3)]: record(3, { state: 'uncomplete' }),
        [id(4)]: record(4, { preferences: { private: 'true' } }),
        [id(5)]: record(5, { section: 'offer' }),
      },
      { base },
    );
    expect(items.map((each) => each.id)).to.deep.equal([id(5)]);
    expect(dropped).to.equal(4);
  });

  it('keeps contacts out unless asked, and then only an organisation’s', () => {
    const raw = (parentType: string) => record(1, { contactInfo: '0692 46 11 43', parentType, parentId: id(9), parent: { name: 'Jean Dupont' } });
    expect(normalizeMarketRecord(raw('organizations'), { base })!.contact).to.equal(null);
    expect(normalizeMarketRecord(raw('organizations'), { base, contacts: true })!.contact).to.equal('0692 46 11 43');
    const person = normalizeMarketRecord(raw('citoyens'), { base, contacts: true })!;
    expect(person.contact).to.equal(null);
    expect(person.poster).to.deep.equal({ kind: 'person', id: null, collection: null, name: null, slug: null });
    expect(JSON.stringify(person)).not.to.contain('Dupont');
  });

  it('masks e-mails and phone numbers in titles, descriptions and keywords; keeps the commune, never the street', () => {
    const masked = item(1, {
      name: 'Vends vélo, appelez le 06 12 34 56 78',
      description: 'Écrire à marie.h@gmail.com ou jean [at] exemple.fr, WhatsApp +262 692 46 11 43, tél 0625.........., 2017-2018, 83 000 km',
      tags: ['contact@asso.re'],
      address: { streetAddress: '12 chemin des Goyaviers', addressLocality: 'Sainte-Rose', postalCode: '97439', codeInsee: '97419' },
    });
    const text = JSON.stringify(masked);
    expect(hasContact([masked.name, masked.description!.source, ...masked.tags].join('\n'))).to.equal(false);
    expect(hasContact('marie.h@gmail.com')).to.equal(true);
    expect(masked.name).to.equal(`Vends vélo, appelez le ${CONTACT_MASK}`);
    expect(masked.description!.source).to.contain('2017-2018, 83 000 km');
    expect(text).not.to.contain('Goyaviers');
    expect(masked.locality).to.equal('Sainte-Rose');
  });

  it('reads prices as integers, 0 included, and currency symbols as the platform writes them', () => {
    expect(item(1, { price: 0, devise: '€' })).to.include({ price: 0, currency: '€' });
    expect(item(2, { price: 12, devise: 'G1' }).currency).to.equal('Ğ1');
    expect(item(3, { price: 12, devise: 'XPF' }).currency).to.equal('CFP');
    expect(item(4, { devise: '€' })).to.include({ price: null, currency: '€' });
    expect(item(5, { price: 7 })).to.include({ price: 7, currency: null });
  });
});

describe('marketplace attributes fail closed', () => {
  for (const [attribute, value] of [
    ['kinds', 'ressource'],
    ['section', 'besion'],
    ['category', 'vehicle'],
    ['currency', 'euro-dollar'],
    ['priceMin', '10€'],
    ['priceMax', '-5'],
    ['organization', '../admin'],
  ] as const) {
    it(`${attribute}="${value}" is fatal`, () => {
      const { problems } = checkMarket({ [attribute]: value });
      expect(problems.some((problem) => problem.fatal && problem.value === value)).to.equal(true);
    });
  }

  it('a category of another kind than the ones asked is fatal too', () => {
    expect(checkMarket({ kinds: 'jobs', category: 'vehicles' }).problems.some((problem) => problem.fatal)).to.equal(true);
    expect(checkMarket({ kinds: 'classifieds', category: 'vehicles' }).problems).to.deep.equal([]);
  });

  it('the search form carries searchSType, section, category, priceMin, priceMax and devise', () => {
    const { filters } = checkMarket({ kinds: 'ressources', section: 'need', category: 'service', priceMin: '5', priceMax: '50', currency: 'Ğ1' });
    const form = buildSearchForm(marketSearchQuery({ locality: { insee: ['97419'] } }, filters));
    expect(form).to.deep.include({ searchType: ['classifieds'], searchSType: 'ressources', section: 'need', category: 'service', priceMin: 5, priceMax: 50, devise: 'Ğ1' });
    const all = buildSearchForm(marketSearchQuery({}, checkMarket({}).filters));
    expect(all.searchSType).to.equal(undefined);
    expect(all.priceMin).to.equal(undefined);
  });
});

describe('marketplace prices, in French and in English', () => {
  const fr = (fields: Partial<MarketItem>) => priceText(marketFr, 'fr-FR', { price: null, currency: null, section: 'offer', marketKind: 'ressources', ...fields }).replace(/[\u00A0\u202F]/g, ' ');
  const en = (fields: Partial<MarketItem>) => priceText(marketEn, 'en-GB', { price: null, currency: null, section: 'offer', marketKind: 'ressources', ...fields }).replace(/[\u00A0\u202F]/g, ' ');

  it('€ → EUR', () => {
    expect(fr({ price: 1250, currency: '€' })).to.equal('1 250 €');
    expect(en({ price: 1250, currency: '€' })).to.equal('€1,250');
  });
  it('CFP → XPF, no decimals', () => {
    expect(fr({ price: 123457, currency: 'CFP' })).to.equal('123 457 FCFP');
    expect(en({ price: 123457, currency: 'CFP' })).to.equal('CFPF 123,457');
  });
  it('$ and £ with their own symbol', () => {
    expect(fr({ price: 12, currency: '$' })).to.equal('12 $');
    expect(en({ price: 12, currency: '$' })).to.equal('$12');
    expect(fr({ price: 12, currency: '£' })).to.equal('12 £');
    expect(en({ price: 12, currency: '£' })).to.equal('£12');
  });
  it('Ğ1 as a number followed by " Ğ1"; FC and unknown symbols as written after the number', () => {
    expect(fr({ price: 1500, currency: 'Ğ1' })).to.equal('1 500 Ğ1');
    expect(en({ price: 1500, currency: 'Ğ1' })).to.equal('1,500 Ğ1');
    expect(fr({ price: 3000, currency: 'FC' })).to.equal('3 000 FC');
    expect(en({ price: 3000, currency: 'FC' })).to.equal('3,000 FC');
    expect(fr({ price: 5, currency: 'coquillages' })).to.equal('5 coquillages');
  });
  it('0 on an offer or a donation reads "Gratuit"; on a need, nothing', () => {
    expect(fr({ price: 0, currency: '€', section: 'offer' })).to.equal('Gratuit');
    expect(en({ price: 0, currency: '€', section: 'donation', marketKind: 'classifieds' })).to.equal('Free');
    expect(fr({ price: 0, currency: '€', section: 'need' })).to.equal('');
    expect(en({ price: 0, currency: '€', section: 'need' })).to.equal('');
  });
  it('no price reads nothing, never "0 €"', () => {
    expect(fr({ price: null, currency: '€' })).to.equal('');
    expect(en({ price: null, currency: '€' })).to.equal('');
  });
  it('a price without a currency says so', () => {
    expect(fr({ price: 25, currency: null })).to.equal('25 (devise non précisée)');
    expect(en({ price: 25, currency: null })).to.equal('25 (currency not given)');
  });
});

describe('marketplace ages and matches', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  it('"il y a 3 jours" with Intl.RelativeTimeFormat, and the "ancienne" mark past stale-after', () => {
    const threeDays = new Date('2026-11-28T12:00:00Z');
    expect(formatRelativeTime('fr-FR', threeDays, now)).to.equal('il y a 3 jours');
    expect(formatRelativeTime('en-GB', threeDays, now)).to.equal('3 days ago');
    expect(formatRelativeTime('fr-FR', new Date('2026-06-01T12:00:00Z'), now)).to.equal('il y a 6 mois');
    expect(formatRelativeTime('fr-FR', null, now)).to.equal(null);
    expect(isStale({ published: new Date('2026-08-01T00:00:00Z') }, now, 90)).to.equal(true);
    expect(isStale({ published: threeDays }, now, 90)).to.equal(false);
    expect(isStale({ published: null }, now, 90)).to.equal(false);
  });

  it('a need meets the offers of its category and commune, and an offer the needs', () => {
    const place = { address: { addressLocality: 'Sainte-Rose', codeInsee: '97419' } };
    const need = item(1, { type: 'ressources', section: 'need', category: 'material', ...place });
    const offer = item(2, { type: 'ressources', section: 'offer', category: 'material', ...place });
    const elsewhere = item(3, { type: 'ressources', section: 'offer', category: 'material', address: { addressLocality: 'Saint-Leu', codeInsee: '97413' } });
    const otherCategory = item(4, { type: 'ressources', section: 'offer', category: 'service', ...place });
    const all = [need, offer, elsewhere, otherCategory];
    expect(matchingItems(all, need).map((each) => each.id)).to.deep.equal([offer.id]);
    expect(matchingItems(all, offer).map((each) => each.id)).to.deep.equal([need.id]);
  });
});
