// The 2026 forms of contract §15b (organisations of a fields[] export, recurring agenda rows) and the
// fields[] projection: the share exists in a default seed, searches and counts keep every record.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW_SEC, formBody, postForm, resultEntries, useSandbox, search } from './helpers.mjs';
import { WEEK_SLOTS } from '../data/modern.mjs';
import { phpDateTimeToUnix } from '../lib/dates.mjs';
import { MongoDate } from '../lib/php.mjs';

const ORG_TYPES = ['NGO', 'LocalBusiness', 'Group', 'GovernmentOrganization', 'Cooperative'];
let base;
let data;
useSandbox((server) => {
  base = server.url;
  data = server.data;
});

const orgs = () => data.collections.organizations;
const modernOrgs = () => orgs().filter((entry) => entry.modern);
const listed = (entry) => entry.visible && !entry.doc.disabled;
const share = (entries, predicate) => entries.filter((entry) => predicate(entry.doc)).length / entries.length;

describe('organisations in the 2026 form (§15b items 1–5, 12)', () => {
  test('a default seed stores about 15 % of the generated organisations in that form, never a town hall', () => {
    const modern = modernOrgs();
    const ratio = modern.length / orgs().length;
    assert.ok(ratio > 0.1 && ratio < 0.25, `${modern.length} of ${orgs().length}`);
    // The town halls (one per commune) are generated first; the demo anchors on them.
    const townHalls = orgs().slice(0, data.collections.cities.length);
    assert.ok(townHalls.every((entry) => entry.doc.name.startsWith('Mairie ') && !entry.modern), 'the town halls keep the 2018 form');
    assert.ok(modern.every((entry) => entry.doc.collection === undefined && entry.doc.typeSig === undefined && entry.doc.typeOrga === undefined));
    const untyped = share(modern, (doc) => doc.type === undefined);
    assert.ok(untyped > 0.08 && untyped < 0.3, `about one in six has no type (${untyped.toFixed(2)})`);
    assert.ok(modern.every((entry) => entry.doc.type === undefined || ORG_TYPES.includes(entry.doc.type)), 'type is the raw sub-type');
    assert.ok(orgs().filter((entry) => !entry.modern).every((entry) => ORG_TYPES.includes(entry.doc.type)), 'the 2018-form records all keep a type');
  });

  test('coordinates are strings with their trailing zeros; some records have no position, no country', () => {
    const modern = modernOrgs();
    const placed = modern.filter((entry) => entry.doc.geo);
    assert.ok(placed.every((entry) => /^-?\d+\.\d{7}$/.test(entry.doc.geo.latitude) && /^-?\d+\.\d{7}$/.test(entry.doc.geo.longitude)));
    assert.ok(placed.every((entry) => /0$/.test(entry.doc.geo.latitude)), 'rounded to 4–6 decimals, written with 7');
    const withAddress = modern.filter((entry) => entry.doc.address);
    const unplaced = share(withAddress, (doc) => !doc.geo && !doc.geoPosition);
    const countryless = share(withAddress, (doc) => doc.address.addressCountry === undefined);
    assert.ok(unplaced > 0.08 && unplaced < 0.3, `no geo: ${unplaced.toFixed(2)}`);
    assert.ok(countryless > 0.08 && countryless < 0.3, `no addressCountry: ${countryless.toFixed(2)}`);
  });

  test('addresses: localised level1Name, other countries, legacy form, "undefined" INSEE, upper-case localities', () => {
    const addresses = modernOrgs().map((entry) => entry.doc.address).filter(Boolean);
    const names = new Set(addresses.map((address) => address.level1Name));
    for (const name of ['Réunion', 'Madagasikara', 'France']) assert.ok(names.has(name), name);
    assert.ok(addresses.some((address) => ['MG', 'MU', 'SC', 'KM', 'TZ', 'KE'].includes(address.addressCountry)), 'the network spans the Indian Ocean');
    const legacy = addresses.filter((address) => address.depName);
    assert.ok(legacy.length > 0 && legacy.every((address) => address.regionName && !address.localityId && !address.level1 && !address.level3 && !address.level4));
    assert.ok(addresses.some((address) => address.codeInsee === 'undefined'));
    assert.ok(addresses.some((address) => /^STE? [A-Z]/.test(address.addressLocality)), 'La Poste names such as "ST LOUIS"');
  });

  test('several URLs in one string; timestamped .webp thumbnails, or no image at all', () => {
    const modern = modernOrgs();
    assert.ok(modern.some((entry) => / ; https:\/\//.test(entry.doc.url ?? '')));
    const imaged = modern.filter((entry) => entry.doc.profilImageUrl);
    assert.ok(imaged.every((entry) => new RegExp(`^/upload/communecter/organizations/${entry.id}/thumb/\\d{10}_[\\w-]+\\.webp$`).test(entry.doc.profilThumbImageUrl)));
    const bare = share(modern, (doc) => doc.profilImageUrl === undefined && doc.profilThumbImageUrl === undefined);
    assert.ok(bare > 0.15 && bare < 0.4, `about one in four without image (${bare.toFixed(2)})`);
  });

  test('the search answers them in the 2026 form: the stored document, _id, raw or no type', async () => {
    const body = await search(base, { 'searchType[]': 'organizations', indexStep: 0 });
    const modern = resultEntries(body).filter(([id]) => data.byId.get(id).modern);
    assert.ok(modern.length > 50);
    for (const [id, org] of modern) {
      assert.equal(org._id.$id, id);
      for (const key of ['id', 'typeOrga', 'typeSig', 'collection']) assert.equal(org[key], undefined, key);
      assert.ok(org.type === undefined || ORG_TYPES.includes(org.type));
      if (org.geo) assert.equal(typeof org.geo.latitude, 'string');
    }
    assert.ok(modern.some(([, org]) => org.type === undefined));
  });
});

describe('a 2026 organisation is found and counted as a Mongo query on its stored fields would', () => {
  test('searchType[]=organizations lists and counts every one, with or without type; sub-types count the raw type', async () => {
    const body = await search(base, formBody(`searchType[]=organizations&indexStep=0&count=true&countType[]=organizations${ORG_TYPES.map((type) => `&countType[]=${type}`).join('')}`));
    const ids = new Set(Object.keys(body.results));
    for (const entry of modernOrgs().filter(listed)) assert.ok(ids.has(entry.id), `${entry.id} is listed`);
    const live = orgs().filter((entry) => entry.visible);
    assert.equal(body.count.organizations, live.length, 'no record is dropped from the count');
    const untyped = live.filter((entry) => entry.doc.type === undefined).length;
    assert.ok(untyped > 10);
    for (const type of ORG_TYPES) assert.equal(body.count[type], live.filter((entry) => entry.doc.type === type).length, type);
    const bySubType = ORG_TYPES.reduce((sum, type) => sum + body.count[type], 0);
    assert.equal(bySubType + untyped, body.count.organizations, 'a record without type counts as an organisation, under no sub-type');
  });

  test('a sub-type search never returns a record without type', async () => {
    const untyped = new Set(modernOrgs().filter((entry) => entry.doc.type === undefined).map((entry) => entry.id));
    for (const type of ORG_TYPES) {
      const body = await search(base, { 'searchType[]': type, indexStep: 0 });
      assert.ok(resultEntries(body).length > 0);
      assert.ok(resultEntries(body).every(([id, org]) => !untyped.has(id) && (org.typeOrga ?? org.type) === type), type);
    }
  });

  test('text, tags and sourceKey find a record without type', async () => {
    const entry = modernOrgs().find((item) => listed(item) && item.doc.type === undefined && item.doc.tags.some((tag) => /^[a-z]+$/.test(tag)));
    assert.ok(entry);
    const byName = await search(base, { 'searchType[]': 'organizations', name: entry.doc.name, indexStep: 0 });
    assert.ok(entry.id in byName.results);
    const tag = entry.doc.tags.find((item) => /^[a-z]+$/.test(item));
    const byTag = await search(base, { 'searchType[]': 'organizations', 'searchTags[]': tag, indexStep: 0 });
    assert.ok(entry.id in byTag.results);
    const network = modernOrgs().filter((item) => listed(item) && item.doc.source?.keys?.includes('LaReunionDesTiersLieux'));
    assert.ok(network.some((item) => item.doc.address?.addressCountry && item.doc.address.addressCountry !== 'RE'), 'some live abroad');
    const bySource = await search(base, { 'searchType[]': 'organizations', 'sourceKey[]': 'LaReunionDesTiersLieux', indexStep: 0 });
    for (const item of network) assert.ok(item.id in bySource.results);
  });

  test('locality: only the address fields a record still has can match', async () => {
    const undefinedInsee = modernOrgs().find((entry) => listed(entry) && entry.doc.address?.codeInsee === 'undefined' && entry.doc.address.localityId);
    assert.ok(undefinedInsee);
    const { localityId, postalCode } = undefinedInsee.doc.address;
    const city = data.byId.get(localityId);
    const byInsee = await search(base, formBody(`searchType[]=organizations&indexStep=0&locality[i][type]=codeInsee&locality[i][id]=${city.doc.insee}`));
    assert.ok(!(undefinedInsee.id in byInsee.results), 'codeInsee "undefined" never equals a code');
    const byCity = await search(base, formBody(`searchType[]=organizations&indexStep=0&locality[c][type]=cities&locality[c][id]=${localityId}`));
    assert.ok(undefinedInsee.id in byCity.results, 'the city id still matches');
    const legacy = modernOrgs().find((entry) => listed(entry) && entry.doc.address?.depName);
    assert.ok(legacy);
    const byCp = await search(base, formBody(`searchType[]=organizations&indexStep=0&locality[p][type]=cp&locality[p][name]=${legacy.doc.address.postalCode}`));
    assert.ok(legacy.id in byCp.results, 'a legacy address is found by postal code');
    const level4 = data.geography.zonesByKey.get(legacy.doc.address.postalCode.startsWith('974') ? '974' : legacy.doc.address.postalCode.slice(0, 2));
    if (level4) {
      const byZone = await search(base, formBody(`searchType[]=organizations&indexStep=0&locality[z][type]=level4&locality[z][id]=${level4.id}`));
      assert.ok(!(legacy.id in byZone.results), 'but not by zone: it has no level ids');
    }
    assert.ok(postalCode);
  });
});

describe('fields[] projection (§3.2.2, §15b)', () => {
  test('only the listed fields plus _id, in the record order, _id first', async () => {
    const body = await search(base, formBody('searchType[]=organizations&searchType[]=events&searchType[]=poi&indexStep=20&fields[]=geo&fields[]=name'));
    assert.equal(resultEntries(body).length, 60);
    for (const [id, item] of resultEntries(body)) {
      assert.equal(Object.keys(item)[0], '_id');
      assert.equal(item._id.$id, id);
      const keys = Object.keys(item).slice(1);
      assert.ok(keys.every((key) => key === 'name' || key === 'geo'), keys.join());
      if (keys.length === 2) assert.deepEqual(keys, ['name', 'geo'], 'the stored order, not the fields[] order');
    }
  });

  test('organisations are projected from the stored document: raw sub-type or no type, never "organizations"', async () => {
    const body = await search(base, formBody('searchType[]=organizations&indexStep=0&fields[]=type&fields[]=typeOrga&fields[]=typeSig&fields[]=id'));
    const items = resultEntries(body);
    assert.ok(items.length > 1000);
    for (const [id, org] of items) {
      assert.deepEqual(Object.keys(org).filter((key) => key !== '_id' && key !== 'type'), [], id);
      assert.equal(org.type, data.byId.get(id).doc.type);
    }
    assert.ok(items.some(([, org]) => org.type === undefined));
  });

  test('sub-paths reach into sub-documents and arrays of them; an emptied sub-document is PHP\'s []', async () => {
    const body = await search(base, formBody('searchType[]=organizations&indexStep=0&fields[]=address.addressLocality&fields[]=addresses.address.postalCode&fields[]=geo.latitude'));
    let withSecondary = 0;
    for (const [id, org] of resultEntries(body)) {
      const doc = data.byId.get(id).doc;
      if (doc.address) assert.deepEqual(org.address, { addressLocality: doc.address.addressLocality });
      else assert.equal(org.address, undefined);
      if (doc.geo) assert.deepEqual(org.geo, { latitude: doc.geo.latitude });
      if (doc.addresses) {
        withSecondary++;
        assert.deepEqual(org.addresses, doc.addresses.map((item) => ({ address: { postalCode: item.address.postalCode } })));
      }
    }
    assert.ok(withSecondary > 0);
    const empty = await search(base, formBody('searchType[]=organizations&indexStep=5&fields[]=address.noSuchField'));
    assert.ok(resultEntries(empty).every(([, org]) => org.address === undefined || Array.isArray(org.address)));
    assert.ok(resultEntries(empty).some(([, org]) => Array.isArray(org.address) && org.address.length === 0));
  });

  test('without fields[], the full record; counts do not depend on fields[]', async () => {
    const plain = await search(base, formBody('searchType[]=organizations&indexStep=10&count=true&countType[]=organizations'));
    const projected = await search(base, formBody('searchType[]=organizations&indexStep=10&count=true&countType[]=organizations&fields[]=name'));
    assert.deepEqual(Object.keys(plain.results), Object.keys(projected.results));
    assert.deepEqual(plain.count, projected.count);
    for (const [id, org] of resultEntries(plain)) {
      if (data.byId.get(id).modern) assert.equal(org._id.$id, id);
      else assert.equal(org.typeSig, 'organizations');
      assert.ok(Object.keys(org).length > 5);
    }
  });
});

describe('recurring events in the 2026 agenda form (§15b item 13)', () => {
  const recurring = () => data.collections.events.filter((entry) => entry.doc.recurrency === true && !entry.doc.source?.keys?.includes('hostile'));
  const modernEvents = () => recurring().filter((entry) => entry.modern);

  test('about half of the generated recurring events: seven Monday-first slots, a PHP DateTime, the local offset', () => {
    const modern = modernEvents();
    const ratio = modern.length / recurring().length;
    assert.ok(ratio > 0.25 && ratio < 0.75, `${modern.length} of ${recurring().length}`);
    for (const { doc } of modern) {
      assert.equal(doc.startDate, undefined);
      assert.equal(doc.endDate, undefined);
      assert.equal(doc.openingHours.length, 7);
      doc.openingHours.forEach((slot, index) => {
        if (slot === '') return;
        assert.equal(slot.dayOfWeek, WEEK_SLOTS[index]);
        assert.ok(slot.hours.every((hours) => /^\d{2}:\d{2}$/.test(hours.opens) && /^\d{2}:\d{2}$/.test(hours.closes)));
      });
      assert.ok(doc.openingHours.some((slot) => slot !== '') && doc.openingHours.includes(''));
      assert.deepEqual(Object.keys(doc.startDateSort), ['date', 'timezone_type', 'timezone']);
      assert.match(doc.startDateSort.date, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00\.000000$/);
      assert.equal(doc.startDateSort.timezone_type, 3);
      assert.equal(doc.startDateSort.timezone, doc.timeZone);
      const offset = doc.timeZone === 'Indian/Reunion' ? ['+0400'] : ['+0100', '+0200'];
      assert.ok(offset.includes(doc.startDateSortFormat.slice(-5)), doc.startDateSortFormat);
      assert.equal(doc.startDateSortFormat.slice(0, 19).replace('T', ' '), doc.startDateSort.date.slice(0, 19), 'the same wall-clock time');
      const first = phpDateTimeToUnix(doc.startDateSort);
      assert.equal(first, Date.parse(doc.startDateSortFormat.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) / 1000);
    }
    assert.ok(modern.some(({ doc }) => doc.timeZone === 'Indian/Reunion') && modern.some(({ doc }) => doc.timeZone === 'Europe/Paris'));
  });

  test('a date window never matches them (no startDate/endDate to compare); the dateless request returns them', async () => {
    const ids = new Set(modernEvents().filter((entry) => entry.visible).map((entry) => entry.id));
    assert.ok(ids.size > 5);
    const startOnly = await search(base, { 'searchType[]': 'events', indexStep: 0, startDate: NOW_SEC - 365 * 86400 });
    const both = await search(base, { 'searchType[]': 'events', indexStep: 0, startDate: NOW_SEC - 365 * 86400, endDate: NOW_SEC + 365 * 86400 });
    for (const body of [startOnly, both]) assert.ok(!Object.keys(body.results).some((id) => ids.has(id)));
    // What the agenda widget asks once, without dates (src/api/agenda.ts).
    const dateless = await search(base, formBody('searchType[]=events&indexMin=0&indexStep=200&filters[openingHours][$exists]=true'));
    const found = Object.keys(dateless.results);
    for (const id of ids) assert.ok(found.includes(id), `${id} is in the dateless answer`);
    assert.ok(resultEntries(dateless).every(([, event]) => Array.isArray(event.openingHours)));
    const item = dateless.results[[...ids][0]];
    assert.equal(item.type, 'events');
    assert.equal(item.recurrency, true);
    assert.equal(typeof item.startDateSort.date, 'string');
    const sorted = Object.keys((await search(base, { 'searchType[]': 'events', indexStep: 0 })).results);
    const firstDated = sorted.findIndex((id) => data.byId.get(id).doc.startDate instanceof MongoDate);
    assert.ok(firstDated > 0 && [...ids].every((id) => sorted.indexOf(id) < firstDated), 'startDate ascending puts dateless events first');
  });

  test('/co2/search/agenda expands them from their PHP DateTime start, on their slots', async () => {
    const entry = modernEvents().find((item) => item.visible);
    const first = phpDateTimeToUnix(entry.doc.startDateSort);
    const from = new Date((first - 14 * 86400) * 1000).toISOString();
    const to = new Date((first + 28 * 86400) * 1000).toISOString();
    const body = (await postForm(base, '/co2/search/agenda', { startDateUTC: from, endDateUTC: to })).body;
    const rows = body.results.filter((row) => row._id.$id === entry.id);
    const slots = entry.doc.openingHours.filter((slot) => slot !== '');
    assert.ok(rows.length >= 4 * slots.length - 1 && rows.length <= 5 * slots.length, `${rows.length} occurrences`);
    assert.equal(rows[0].startDateSortFormat, entry.doc.startDateSortFormat, 'nothing before the first occurrence');
    for (const row of rows) {
      const day = new Date(`${row.startDateSortFormat.slice(0, 10)}T12:00:00Z`).getUTCDay();
      const slot = slots.find((item) => item.dayOfWeek === WEEK_SLOTS[(day + 6) % 7]);
      assert.ok(slot, row.startDateSortFormat);
      assert.equal(row.startDateSortFormat.slice(11, 16), slot.hours[0].opens);
    }
  });
});
