// GET /api/{organization|event|project|person|city|poi}/get and /co2/data/get (contract §3.1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getUrl, useSandbox } from './helpers.mjs';

let base;
let data;
useSandbox((server) => {
  base = server.url;
  data = server.data;
});

const orgs = () => data.collections.organizations;

describe('lists', () => {
  test('default format: meta {limit = count returned, next always}, entities keyed by id, mapped', async () => {
    const { status, headers, body } = await getUrl(base, '/api/organization/get');
    assert.equal(status, 200);
    assert.equal(headers.get('content-type'), 'application/json; charset=utf-8');
    const ids = Object.keys(body.entities);
    assert.equal(body.meta.limit, 50);
    assert.equal(ids.length, 50);
    assert.equal(body.meta.next, `${base}/api/organization/get/limit/50/index/50`);
    assert.equal(body.meta.previous, undefined);
    assert.deepEqual(ids, orgs().slice(0, 50).map((entry) => entry.id), 'natural order, no exclusion');
    for (const [id, entity] of Object.entries(body.entities)) {
      assert.equal(entity['@type'], 'Organization');
      assert.equal(entity.id, undefined, 'list mappings have no id field');
      assert.equal(entity.url.api, `${base}/api/organization/get/id/${id}`);
      if (entity.url.communecter) assert.match(entity.url.communecter, new RegExp(`^${base}/#@`));
      if (entity.image) assert.ok(entity.image.startsWith(`${base}/upload/communecter/organizations/${id}/`));
      if (entity.geo) assert.equal(entity.geo['@type'], 'GeoCoordinates');
      for (const value of Object.values(entity)) assert.ok(value !== '' && value !== null && !(Array.isArray(value) && value.length === 0), 'empty values are omitted');
    }
    assert.ok(Object.values(body.entities).some((entity) => typeof entity.geo?.latitude === 'string'), 'coordinates are mostly strings');
  });

  test('path pairs ≡ query string; routes are case-insensitive; POST is accepted', async () => {
    const pairs = await getUrl(base, '/api/organization/get/limit/5/index/10/tags/tierslieux');
    const query = await getUrl(base, '/api/organization/get?limit=5&index=10&tags=tierslieux');
    const upper = await getUrl(base, '/API/Organization/GET/limit/5/index/10/tags/tierslieux');
    const posted = await fetch(`${base}/api/organization/get/limit/5/index/10/tags/tierslieux`, { method: 'POST' }).then((response) => response.text());
    assert.equal(pairs.text, query.text);
    assert.equal(pairs.text, upper.text);
    assert.equal(pairs.text, posted);
    assert.equal(pairs.body.meta.next, `${base}/api/organization/get/limit/5/index/15/tags/tierslieux`);
    assert.equal(pairs.body.meta.previous, `${base}/api/organization/get/limit/5/index/5`);
  });

  test('limit is clamped to 500, values below 1 become 50, a negative index is 0', async () => {
    assert.equal((await getUrl(base, '/api/organization/get/limit/2000')).body.meta.limit, 500);
    assert.equal((await getUrl(base, '/api/organization/get/limit/0')).body.meta.limit, 50);
    const negative = await getUrl(base, '/api/organization/get/limit/3/index/-7');
    assert.deepEqual(Object.keys(negative.body.entities), orgs().slice(0, 3).map((entry) => entry.id));
  });

  test('tags: exact and case-sensitive $in; multiTags=true: the array must be equal', async () => {
    const exact = await getUrl(base, '/api/organization/get/limit/500/tags/tierslieux');
    const wanted = orgs().filter((entry) => Array.isArray(entry.doc.tags) && entry.doc.tags.includes('tierslieux'));
    assert.equal(Object.keys(exact.body.entities).length, Math.min(500, wanted.length));
    const cased = await getUrl(base, '/api/organization/get/limit/500/tags/TiersLieux');
    assert.equal(Object.keys(cased.body.entities).length, orgs().filter((entry) => entry.doc.tags?.includes('TiersLieux')).length);
    const sample = orgs().find((entry) => entry.doc.tags?.length === 2);
    const equal = await getUrl(base, `/api/organization/get/limit/500?multiTags=true&tags=${encodeURIComponent(sample.doc.tags.join(','))}`);
    for (const entity of Object.values(equal.body.entities)) assert.deepEqual(entity.tags, sample.doc.tags);
  });

  test('insee, key, namecity, level3 and level4 filters', async () => {
    const insee = await getUrl(base, '/api/organization/get/insee/97411/limit/500');
    assert.ok(Object.values(insee.body.entities).every((entity) => entity.address.codeInsee === '97411'));
    const key = await getUrl(base, '/api/organization/get/key/reseauvracidf/limit/500');
    assert.equal(Object.keys(key.body.entities).length, orgs().filter((entry) => entry.doc.source?.key === 'reseauvracidf').length);
    const names = await getUrl(base, '/api/organization/get/namecity/lille,roubaix/limit/500');
    assert.ok(Object.values(names.body.entities).every((entity) => /lille|roubaix/i.test(entity.address.addressLocality)));
    assert.equal(names.body.meta.next, `${base}/api/organization/get/limit/500/index/500/namecity/lille,roubaix`);
    const nord = data.geography.zonesByKey.get('59');
    const level4 = await getUrl(base, `/api/organization/get/level4/${nord.id}/limit/500`);
    assert.ok(Object.keys(level4.body.entities).length > 10);
    for (const id of Object.keys(level4.body.entities)) assert.equal(data.byId.get(id).doc.address.level4, nord.id);
  });

  test('no match: entities is [] (an empty PHP array)', async () => {
    const { body } = await getUrl(base, '/api/organization/get/tags/aucun-tag-pareil');
    assert.deepEqual(body, { meta: { limit: 0, next: `${base}/api/organization/get/limit/50/index/50/tags/aucun-tag-pareil` }, entities: [] });
  });

  test('events: raw MongoDate {sec, usec}, url.communecter by slug, no description', async () => {
    const { body } = await getUrl(base, '/api/event/get/limit/100');
    const dated = Object.values(body.entities).filter((entity) => entity.startDate && typeof entity.startDate === 'object');
    assert.ok(dated.length > 50);
    for (const entity of dated) {
      assert.deepEqual(Object.keys(entity.startDate), ['sec', 'usec']);
      assert.equal(entity.startDate.usec, 0);
      assert.equal(entity.description, undefined);
      assert.equal(entity['@type'], 'Event');
    }
  });
});

describe('single element', () => {
  test('organization by id adds the detail fields and meta.limit 1', async () => {
    const entry = orgs().find((item) => item.doc.telephone && item.doc.links?.members && Object.keys(item.doc.links.members).length > 1 && item.doc.links.events);
    const { body } = await getUrl(base, `/api/organization/get/id/${entry.id}`);
    assert.deepEqual(body.meta, { limit: 1 });
    const entity = body.entities[entry.id];
    assert.equal(entity.url.api, `${base}/api/organization/get/id/${entry.id}`);
    if (entry.doc.geoPosition) assert.equal(entity.geoPosition['@type'], 'Point');
    assert.deepEqual(entity.phone.fixe ?? entity.phone.mobile, entry.doc.telephone.fixe ?? entry.doc.telephone.mobile);
    assert.equal(entity.links.members.length, Object.keys(entry.doc.links.members).length);
    assert.equal(entity.links.members[0].type, 'Person');
    assert.match(entity.links.members[0].url.communecter, /#person\.detail\.id\.[0-9a-f]{24}$/);
    assert.equal(entity.links.events[0].type, 'Event');
  });

  test('event by id: url.communecter is #event.detail.id.{id}', async () => {
    const entry = data.collections.events.find((item) => item.doc.startDate?.sec);
    const { body } = await getUrl(base, `/api/event/get/id/${entry.id}`);
    assert.equal(body.entities[entry.id].url.communecter, `${base}/#event.detail.id.${entry.id}`);
    assert.deepEqual(body.entities[entry.id].startDate, { sec: entry.doc.startDate.sec, usec: 0 });
  });

  test('an invalid id is a server error rendered as HTML', async () => {
    const response = await getUrl(base, '/api/organization/get/id/not-an-id');
    assert.equal(response.status, 500);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    assert.match(response.text, /Invalid object ID/);
    const ajax = await getUrl(base, '/api/organization/get/id/not-an-id', { 'x-requested-with': 'XMLHttpRequest' });
    assert.equal(ajax.text, 'Invalid object ID', 'AJAX errors are the bare message');
  });

  test('an unknown valid id gives entities: []', async () => {
    const { body } = await getUrl(base, '/api/organization/get/id/000000000000000000000000');
    assert.deepEqual(body, { meta: { limit: 1 }, entities: [] });
  });
});

describe('formats and other controllers', () => {
  test('format=schema', async () => {
    const { body } = await getUrl(base, '/api/organization/get/format/schema/limit/3');
    for (const [id, entity] of Object.entries(body.entities)) {
      assert.equal(entity['@context'], 'http://schema.org');
      assert.equal(entity.id, `${base}/data/get/type/organizations/id/${id}/format/schema`);
    }
    assert.match(body.meta.next, /\/format\/schema$/);
    const events = await getUrl(base, '/api/event/get/format/schema/limit/2');
    assert.ok(Object.values(events.body.entities).every((entity) => entity['@type'] === 'CreativeWork'), 'the 2018 event list binding says CreativeWork');
  });

  test('format=geojson: FeatureCollection for organisations, a PHP fatal error for the event list', async () => {
    const { body } = await getUrl(base, '/api/organization/get/format/geojson/limit/20');
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.features.length, 20);
    for (const feature of body.features) {
      assert.equal(feature.type, 'Feature');
      if (feature.geometry) assert.equal(feature.geometry.coordinates.length, 2);
    }
    const events = await getUrl(base, '/api/event/get/format/geojson');
    assert.equal(events.status, 500);
    assert.match(events.headers.get('content-type'), /^text\/html/);
  });

  test('format=gogocarto: {data, fullRepresentation, allElementsSends}, positioned elements only', async () => {
    const { body } = await getUrl(base, '/api/organization/get/format/gogocarto/limit/10');
    assert.equal(body.fullRepresentation, true);
    assert.equal(body.data.length, 10);
    for (const row of body.data) assert.deepEqual(row.at(-1), [10507, 10513, 10512]);
  });

  test('person, project and city', async () => {
    const people = await getUrl(base, '/api/person/get/limit/5');
    for (const entity of Object.values(people.body.entities)) {
      assert.equal(entity['@type'], 'Person');
      assert.equal(entity.url.api, undefined, 'the simple person has no _id, so no url.api');
    }
    const projects = await getUrl(base, '/api/project/get/limit/5');
    for (const [id, entity] of Object.entries(projects.body.entities)) assert.equal(entity.url.communecter, `${base}/#project.detail.id.${id}`);
    const city = await getUrl(base, '/api/city/get/insee/97411');
    const [saintDenis] = Object.values(city.body.entities);
    assert.equal(saintDenis.name, 'Saint-Denis');
    assert.deepEqual(saintDenis.postalCodes.map((postal) => postal.postalCode), ['97400', '97490']);
  });

  test('/api/poi/get answers 200 with an empty body; unsupported formats are 501', async () => {
    const poi = await getUrl(base, '/api/poi/get');
    assert.equal(poi.status, 200);
    assert.equal(poi.text, '');
    assert.equal((await getUrl(base, '/api/organization/get/format/kml')).status, 501);
  });

  test('/co2/data/get/type/{collection}: same engine, unescaped slashes', async () => {
    const response = await getUrl(base, '/co2/data/get/type/organizations/limit/2');
    assert.ok(response.text.includes('http://'), 'slashes are not escaped');
    assert.equal(Object.keys(response.body.entities).length, 2);
  });
});
