// The map's size knob (data/map-places.mjs): scopes of exactly N located places in every coordinate shape,
// paged by the search route, projected by fields[], outside the main data.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { NOW, formBody, getUrl, resultEntries, search, useSandbox } from './helpers.mjs';
import { MAP_SIZES, UNLOCATED_SHAPES, generateMapPlaces, parseMapKey } from '../data/map-places.mjs';
import { createSandbox } from '../index.mjs';
import { runSearch, searchResponseText } from '../routes/search.mjs';

let base;
let server;
useSandbox((started) => {
  base = started.url;
  server = started;
});

const TYPES = ['organizations', 'projects', 'events', 'poi'];
const MAP_FIELDS = ['name', 'type', 'collection', 'slug', 'geo', 'geoPosition', 'address.addressLocality', 'address.addressCountry', 'profilThumbImageUrl'];

/**
 * The test's own reading of a position (not the widget's): `geo` {latitude, longitude} as numbers or
 * strings with a dot or a comma, `geo` as a GeoJSON point, else `geoPosition`; usable only when finite,
 * in range and not (0, 0).
 */
function positionOf(item) {
  const read = (value) => (typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.replace(',', '.')) : NaN);
  const candidates = [];
  const geo = item.geo;
  if (geo && typeof geo === 'object') {
    if (Array.isArray(geo.coordinates)) candidates.push([read(geo.coordinates[1]), read(geo.coordinates[0])]);
    else candidates.push([read(geo.latitude), read(geo.longitude)]);
  }
  if (Array.isArray(item.geoPosition?.coordinates)) candidates.push([read(item.geoPosition.coordinates[1]), read(item.geoPosition.coordinates[0])]);
  for (const [lat, lng] of candidates) {
    if (Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && !(lat === 0 && lng === 0)) return { lat, lng };
  }
  return null;
}

/** Every page of a scope, as a client pages it: indexStep per type, indexMin until every type is short. */
async function allPages(scopeKey, { step = 500, fields = MAP_FIELDS } = {}) {
  const items = new Map();
  const pageSizes = [];
  for (let index = 0; ; index += step) {
    const body = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': scopeKey, indexMin: index, indexStep: step, 'fields[]': fields });
    const entries = resultEntries(body);
    pageSizes.push(entries.length);
    if (entries.length === 0) break;
    for (const [id, item] of entries) {
      assert.ok(!items.has(id), `${id} comes once`);
      items.set(id, item);
    }
  }
  return { items, pageSizes };
}

describe('map scopes: keys', () => {
  test('parseMapKey reads the two families and the listed sizes only', () => {
    assert.deepEqual(parseMapKey('carte-1000'), { family: 'carte', size: 1000 });
    assert.deepEqual(parseMapKey('carte-ocean-indien-100000'), { family: 'carte-ocean-indien', size: 100000 });
    for (const wrong of ['carte', 'carte-999', 'carte-1000 ', 'Carte-1000', 'carte-oi-1000', 'carte-100001', '', null, 1000]) assert.equal(parseMapKey(wrong), null, String(wrong));
    assert.deepEqual(MAP_SIZES, [100, 1000, 10000, 50000, 100000]);
  });
});

describe('map scopes: located places in every shape', () => {
  test('carte-10000: exactly 10,000 located places, every shape, counts agree, pages of 500 per type', async () => {
    const counted = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'carte-10000', onlyCount: 1, count: 'true', 'countType[]': TYPES });
    assert.deepEqual(counted.results, []);
    const total = TYPES.reduce((sum, type) => sum + counted.count[type], 0);
    const { items, pageSizes } = await allPages('carte-10000');
    assert.equal(items.size, total, 'paging returns what count announces');
    assert.equal(pageSizes[0], TYPES.reduce((sum, type) => sum + Math.min(500, counted.count[type]), 0), 'indexStep applies to each type');
    assert.equal(pageSizes.length, Math.ceil(counted.count.organizations / 500) + 1, 'the largest type sets the number of pages');
    const located = [...items.values()].filter((item) => positionOf(item));
    assert.equal(located.length, 10000);
    assert.equal(items.size - located.length, Math.floor(10000 / 49), 'one unlocated place per 49 located ones');
    assert.ok(counted.count.organizations > 6000 && counted.count.poi > 800 && counted.count.projects > 600 && counted.count.events > 300, JSON.stringify(counted.count));

    const kinds = new Map();
    for (const item of items.values()) {
      const geo = item.geo;
      let kind;
      if (geo === null) kind = 'nullGeo';
      else if (geo === undefined) kind = item.geoPosition ? (item.geoPosition.coordinates[0] === 0 ? 'zeroPosition' : 'positionOnly') : 'missing';
      else if (Array.isArray(geo.coordinates)) kind = typeof geo.coordinates[0] === 'string' ? 'geoPointStrings' : 'geoPoint';
      else if (typeof geo.latitude === 'number') kind = 'numbers';
      else if (geo.latitude === '') kind = 'emptyStrings';
      else if (geo.latitude === '0') kind = 'zero';
      else if (geo.latitude.includes(',')) kind = 'comma';
      else if (Math.abs(Number(geo.latitude)) > 90) kind = 'latitudeOutOfRange';
      else if (Math.abs(Number(geo.longitude)) > 180) kind = 'longitudeOutOfRange';
      else if (/\.\d*0$/.test(geo.latitude) && geo.latitude.split('.')[1].length === 7) kind = 'trailingZeros';
      else if (!('@type' in geo)) kind = 'untyped';
      else kind = item.geoPosition ? 'strings' : 'stringsOnly';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    for (const kind of ['trailingZeros', 'strings', 'numbers', 'comma', 'positionOnly', 'geoPointStrings', 'untyped', 'stringsOnly', ...UNLOCATED_SHAPES]) {
      assert.ok(kinds.get(kind) > 0, `${kind} occurs (${JSON.stringify(Object.fromEntries(kinds))})`);
    }
    // GeoJSON order: [lng, lat] — in La Réunion the first number is ~55, the second ~-21.
    const reunion = [...items.values()].find((item) => item.address?.addressLocality === 'Saint-Denis' && item.address?.addressCountry === 'RE' && Array.isArray(item.geo?.coordinates));
    assert.ok(reunion && Number(reunion.geo.coordinates[0]) > 55 && Number(reunion.geo.coordinates[1]) < -20);
  });

  test('places spread over communes of the three régions, Madagascar and Mauritius, never at sea level zero', async () => {
    const { items } = await allPages('carte-1000');
    const boxes = {
      reunion: [-21.45, -20.8, 55.15, 55.9],
      hdf: [49.0, 51.15, 1.5, 4.3],
      idf: [48.3, 49.2, 1.8, 3.0],
      MG: [-25.7, -11.8, 43.0, 50.6],
      MU: [-20.6, -19.9, 57.25, 57.85],
    };
    const perBox = Object.fromEntries(Object.keys(boxes).map((key) => [key, 0]));
    const localities = new Set();
    for (const item of items.values()) {
      const position = positionOf(item);
      if (!position) continue;
      const box = Object.entries(boxes).find(([, [s, n, w, e]]) => position.lat >= s && position.lat <= n && position.lng >= w && position.lng <= e);
      assert.ok(box, `${item.name} at ${position.lat},${position.lng} is in one of the regions`);
      perBox[box[0]]++;
      localities.add(item.address.addressLocality);
    }
    assert.ok(perBox.hdf > 250 && perBox.reunion > 200 && perBox.idf > 150 && perBox.MG > 30 && perBox.MU > 5, JSON.stringify(perBox));
    assert.ok(localities.size > 60, `${localities.size} localities`);
  });

  test('carte-ocean-indien: La Réunion, Madagascar, Mauritius; level1Name is the territory\'s own', async () => {
    const { items } = await allPages('carte-ocean-indien-1000');
    const countries = new Map();
    for (const item of items.values()) countries.set(item.address.addressCountry, (countries.get(item.address.addressCountry) ?? 0) + 1);
    assert.deepEqual([...countries.keys()].sort(), ['MG', 'MU', 'RE', undefined].sort(), 'one in five abroad has no addressCountry (§15b)');
    assert.ok(countries.get('RE') > 500 && countries.get('MG') > 200);
    const body = await search(base, { 'searchType[]': 'organizations', 'sourceKey[]': 'carte-ocean-indien-100', indexStep: 0 });
    const levels = new Set(resultEntries(body).map(([, org]) => org.address.level1Name));
    assert.ok(levels.has('Madagasikara') || levels.has('Madagascar'));
  });

  test('scopes nest: carte-100 is the first places of carte-1000, the same documents', async () => {
    const small = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'carte-100', indexStep: 0 });
    const large = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'carte-1000', indexStep: 0 });
    const smallEntries = resultEntries(small);
    assert.equal(smallEntries.filter(([, item]) => positionOf(item)).length, 100);
    for (const [id, item] of smallEntries) assert.deepEqual(large.results[id], item);
    // A store built for 100 places gives the same documents as one built for 1,000.
    const built = generateMapPlaces({ seed: 'communecter', now: new Date(NOW), family: 'carte', size: 100 });
    const bigger = generateMapPlaces({ seed: 'communecter', now: new Date(NOW), family: 'carte', size: 1000 });
    for (const [id, entry] of built.byId) assert.deepEqual(bigger.byId.get(id).doc, entry.doc);
  });

  test('fields[] is honoured: _id and the listed paths only', async () => {
    const body = await search(base, { 'searchType[]': ['organizations', 'poi'], 'sourceKey[]': 'carte-100', indexStep: 5, 'fields[]': ['name', 'geo', 'address.addressLocality'] });
    const entries = resultEntries(body);
    assert.equal(entries.length, 10);
    for (const [, item] of entries) {
      for (const key of Object.keys(item)) assert.ok(['_id', 'name', 'geo', 'address'].includes(key), key);
      if (item.address) assert.deepEqual(Object.keys(item.address), ['addressLocality']);
    }
    const full = await search(base, { 'searchType[]': 'organizations', 'sourceKey[]': 'carte-100', indexStep: 1 });
    const [[, org]] = resultEntries(full);
    assert.ok(org._id && org.source && org.address && org.preferences, 'without fields[], the whole 2026-form document');
    assert.equal(org.typeOrga, undefined, 'organisations of the knob are in the 2026 form');
  });

  test('a map scope mixed with another key, or with notSourceKey, searches the main data (where it matches nothing)', async () => {
    const mixed = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': ['carte-100', 'tierslieuxhdf'], indexStep: 0 });
    assert.ok(resultEntries(mixed).length > 0);
    for (const [id] of resultEntries(mixed)) assert.ok(server.data.byId.has(id), 'only main-data records');
    const family = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'carte', indexStep: 0 });
    assert.deepEqual(family.results, [], 'the bare family key is no scope');
  });

  test('images of map places are served', async () => {
    const body = await search(base, { 'searchType[]': 'organizations', 'sourceKey[]': 'carte-100', indexStep: 0, 'fields[]': ['profilThumbImageUrl'] });
    const thumb = resultEntries(body).map(([, org]) => org.profilThumbImageUrl).find(Boolean);
    const response = await getUrl(base, thumb);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^image\/svg\+xml/);
  });

  test('the main data is untouched: same counts and answers with or without map stores', async () => {
    const fresh = createSandbox({ now: NOW, hostile: true });
    assert.deepEqual(server.data.counts, fresh.data.counts);
    const before = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'tierslieuxhdf', indexStep: 0 });
    await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'carte-1000', indexStep: 1 });
    const after = await search(base, { 'searchType[]': TYPES, 'sourceKey[]': 'tierslieuxhdf', indexStep: 0 });
    assert.deepEqual(after, before);
    fresh.dispose();
  });
});

describe('the map stores\' search caches', () => {
  test('pages from the cached scans and fragments are the pages an uncached scan gives', () => {
    const cached = generateMapPlaces({ seed: 'communecter', now: new Date(NOW), family: 'carte', size: 1000 });
    const plain = { ...generateMapPlaces({ seed: 'communecter', now: new Date(NOW), family: 'carte', size: 1000 }), scanCache: undefined, fragmentLimit: undefined };
    for (const fields of [undefined, ['name', 'geo'], ['geoPosition']]) {
      for (const indexMin of [0, 100, 500, 700]) {
        const post = { searchType: TYPES, sourceKey: ['carte-1000'], indexMin: String(indexMin), indexStep: '100', ...(fields ? { fields } : {}) };
        const first = searchResponseText(runSearch(cached, post, {}));
        assert.equal(searchResponseText(runSearch(cached, post, {})), first, 'a repeated page is the same');
        assert.equal(first, searchResponseText(runSearch(plain, post, {})), `${fields} ${indexMin}`);
      }
    }
    assert.ok(cached.scanCache.size > 0);
  });
});

describe('geoSearch on a map scope (contract §8: the platform compares swapped axes)', () => {
  // Saint-Denis de La Réunion and around.
  const box = { south: -20.95, north: -20.85, west: 55.4, east: 55.55 };
  const inBox = (position) => position && position.lat > box.south && position.lat < box.north && position.lng > box.west && position.lng < box.east;

  test('sent as the platform needs it (longitudes in the lat bounds), then filtered on the client', async () => {
    const { items } = await allPages('carte-1000');
    const expected = [...items].filter(([, item]) => inBox(positionOf(item))).map(([id]) => id);
    assert.ok(expected.length > 20);
    // Intuitive bounds: the platform compares coordinates[0] (a longitude) with -20.95…-20.85: nothing.
    const intuitive = await search(base, formBody(`searchType[]=organizations&searchType[]=poi&searchType[]=projects&searchType[]=events&sourceKey[]=carte-1000&indexStep=0&geoSearch[latMinScope]=${box.south}&geoSearch[latMaxScope]=${box.north}&geoSearch[lngMinScope]=${box.west}&geoSearch[lngMaxScope]=${box.east}`));
    assert.deepEqual(intuitive.results, []);
    // Swapped bounds: what the platform needs. It only reads geoPosition, so the places whose only position
    // is in `geo` (comma, strings only, GeoJSON point) are missing: a client must not rely on geoSearch alone.
    const swapped = await search(base, formBody(`searchType[]=organizations&searchType[]=poi&searchType[]=projects&searchType[]=events&sourceKey[]=carte-1000&indexStep=0&geoSearch[latMinScope]=${box.west}&geoSearch[latMaxScope]=${box.east}&geoSearch[lngMinScope]=${box.south}&geoSearch[lngMaxScope]=${box.north}`));
    const returned = resultEntries(swapped);
    const filtered = returned.filter(([, item]) => inBox(positionOf(item))).map(([id]) => id);
    assert.equal(filtered.length, returned.length, 'everything returned is in the box');
    const withPosition = expected.filter((id) => Array.isArray(items.get(id).geoPosition?.coordinates));
    assert.deepEqual(filtered.sort(), withPosition.sort());
    assert.ok(withPosition.length < expected.length, 'places positioned by geo only are not found by geoSearch');
  });
});

describe('the 100,000 scope', () => {
  test('exactly 100,000 located places (generated directly: the HTTP paging of 100k is the bench\'s job)', () => {
    const store = generateMapPlaces({ seed: 'communecter', now: new Date(NOW), family: 'carte', size: 100000 });
    let located = 0;
    let total = 0;
    for (const entries of Object.values(store.collections)) {
      for (const entry of entries) {
        if (!entry.doc.source.keys.includes('carte-100000')) continue;
        total++;
        const doc = entry.doc;
        if (positionOf(doc)) located++;
      }
    }
    assert.equal(located, 100000);
    assert.equal(total, 100000 + Math.floor(100000 / 49));
  });
});
