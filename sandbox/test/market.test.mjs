// The marketplace's records (data/market.mjs): every tree, the real export's oddities, and the search
// fields the contract lists (searchSType, section, category, subType, priceMin, priceMax, devise).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getUrl, resultEntries, search, useSandbox } from './helpers.mjs';
import { JOB_SECTORS, MARKET_TREE } from '../data/market.mjs';

let base;
let data;
useSandbox((server) => {
  base = server.url;
  data = server.data;
});

const docs = () => data.collections.classifieds.map((entry) => entry.doc);

describe('marketplace records', () => {
  test('every kind, section and category of the platform trees, jobs with sector sub-types', () => {
    const all = docs();
    for (const [kind, tree] of Object.entries(MARKET_TREE)) {
      for (const section of tree.sections) assert.ok(all.some((doc) => doc.type === kind && doc.section === section), `${kind}/${section}`);
      for (const category of Object.keys(tree.categories)) assert.ok(all.some((doc) => doc.type === kind && doc.category === category), `${kind}/${category}`);
    }
    assert.ok(all.some((doc) => doc.type === 'jobs' && JOB_SECTORS.includes(doc.subtype)));
  });

  test('the real oddities: typo, French keys, swapped keys, empty sub-types, old sections', () => {
    const all = docs();
    assert.ok(all.some((doc) => doc.type === 'ressoures'), 'ressoures');
    assert.ok(all.some((doc) => ['vehicules', 'véhicules', 'technologie'].includes(doc.category)), 'French category keys');
    assert.ok(all.some((doc) => doc.type === 'ressources' && ['charity', 'artistic', 'electronic', 'furniture', 'laws', 'handcraft'].includes(doc.category)), 'swapped');
    assert.ok(all.some((doc) => doc.subtype === ''), 'empty sub-type');
    for (const section of ['donation', 'sharing', 'lookingfor']) assert.ok(all.some((doc) => doc.section === section), section);
  });

  test('prices and currencies as stored: 0, none, without currency, currency without price', () => {
    const all = docs();
    assert.ok(all.some((doc) => doc.price === 0));
    assert.ok(all.some((doc) => typeof doc.price === 'number' && doc.devise === undefined), 'price without currency');
    assert.ok(all.some((doc) => doc.price === undefined && typeof doc.devise === 'string'), 'currency without price');
    const currencies = new Set(all.map((doc) => doc.devise));
    for (const symbol of ['€', 'Ğ1', 'CFP', 'FC', '$', '£']) assert.ok(currencies.has(symbol), symbol);
  });

  test('raw contacts, private persons with a street, organisations, hidden records', () => {
    const all = docs();
    assert.ok(all.some((doc) => /@/.test(doc.contactInfo ?? '')) && all.some((doc) => /\d{2} \d{2}/.test(doc.contactInfo ?? '')));
    assert.ok(all.some((doc) => /@|\[at\]/.test(doc.description ?? '')) && all.some((doc) => /\d{2} \d{2} \d{2}/.test(doc.description ?? '')));
    assert.ok(all.some((doc) => doc.parentType === 'citoyens' && doc.address?.streetAddress));
    assert.ok(all.some((doc) => doc.parentType === 'organizations'));
    assert.ok(all.some((doc) => doc.parentId === undefined));
    assert.ok(all.some((doc) => doc.preferences?.private === true));
    assert.ok(all.some((doc) => doc.state === 'deleted') && all.some((doc) => doc.state === 'uncomplete'));
  });

  test("the demo association has its own board of needs and offers", async () => {
    const found = data.slugs.get('lesAteliersBibasse');
    assert.ok(found, 'the demo association exists');
    const board = docs().filter((doc) => doc.parentId === found.id);
    assert.ok(board.length >= 6);
    assert.ok(board.some((doc) => doc.section === 'need') && board.some((doc) => doc.section === 'offer'));
    const answer = await getUrl(base, `/co2/element/getdatadetail/type/organizations/id/${found.id}/dataName/ressources`);
    assert.ok(Object.keys(answer.body).length >= 6);
  });
});

describe('marketplace search fields', () => {
  test('searchSType=ressources with a section answers the needs only; hidden records never', async () => {
    const body = await search(base, { 'searchType[]': 'classifieds', searchSType: 'ressources', section: 'need', indexStep: 0 });
    const entries = resultEntries(body);
    assert.ok(entries.length > 5);
    for (const [, item] of entries) {
      assert.equal(item.typeClassified, 'ressources');
      assert.equal(item.section, 'need');
      assert.notEqual(item.preferences?.private, true);
      assert.ok(item.state !== 'deleted' && item.state !== 'uncomplete');
    }
  });

  test('category and subType of the mutual-aid tree; jobs by sector', async () => {
    const body = await search(base, { 'searchType[]': 'classifieds', searchSType: 'ressources', category: 'service', indexStep: 0 });
    assert.ok(resultEntries(body).length > 0 && resultEntries(body).every(([, item]) => item.category === 'service'));
    const jobs = await search(base, { 'searchType[]': 'classifieds', searchSType: 'jobs', category: 'joboffer', indexStep: 0 });
    assert.ok(resultEntries(jobs).length > 0 && resultEntries(jobs).every(([, item]) => item.typeClassified === 'jobs' && item.category === 'joboffer'));
  });

  test('priceMin, priceMax and devise on the new currencies', async () => {
    // PHP's empty(): a 0 bound is no bound; priceMax=1 keeps the free ones and the 1s, numbers only.
    const body = await search(base, { 'searchType[]': 'classifieds', priceMax: 1, indexStep: 0 });
    assert.ok(resultEntries(body).some(([, item]) => item.price === 0) && resultEntries(body).every(([, item]) => typeof item.price === 'number' && item.price <= 1));
    for (const devise of ['CFP', 'FC']) {
      const answer = await search(base, { 'searchType[]': 'classifieds', devise, indexStep: 0 });
      assert.ok(resultEntries(answer).length > 0 && resultEntries(answer).every(([, item]) => item.devise === devise), devise);
    }
  });
});
