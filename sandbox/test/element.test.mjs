// getdatadetail (events of one element), slug lookup, commune/zone autocomplete.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getUrl, postForm, useSandbox } from './helpers.mjs';

let base;
let data;
useSandbox((server) => {
  base = server.url;
  data = server.data;
});

describe('/co2/element/getdatadetail', () => {
  const organizer = () => data.collections.organizations.find((entry) => Object.keys(entry.doc.links?.events ?? {}).length >= 3);

  test('events: simple event shape, newest link first, private ones filtered', async () => {
    const org = organizer();
    const { status, body } = await getUrl(base, `/co2/element/getdatadetail/type/organizations/id/${org.id}/dataName/events`);
    assert.equal(status, 200);
    const expected = Object.keys(org.doc.links.events).reverse().filter((id) => data.byId.get(id).doc.preferences?.private !== true);
    assert.deepEqual(Object.keys(body), expected);
    for (const [id, event] of Object.entries(body)) {
      assert.equal(event.id, id);
      assert.equal(event._id.$id, id);
      assert.equal(event.type, 'events');
      assert.equal(event.slug, undefined, 'no slug in the simple event');
      assert.equal(event.geoPosition, undefined);
      if (event.startDateSec !== undefined) {
        assert.match(event.startDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
        assert.equal(Date.parse(event.startDate.replace('+0000', 'Z')) / 1000, event.startDateSec);
      }
      assert.match(event.updatedLbl, /^(il y a|dans) /);
    }
  });

  test('GET and POST, path pairs and query string all work', async () => {
    const org = organizer();
    const path = await getUrl(base, `/co2/element/getdatadetail/type/organizations/id/${org.id}/dataName/events`);
    const query = await getUrl(base, `/co2/element/getdatadetail?type=organizations&id=${org.id}&dataName=events`);
    const posted = await postForm(base, `/co2/element/getdatadetail/type/organizations/id/${org.id}/dataName/events`, {});
    assert.equal(path.text, query.text);
    assert.equal(path.text, posted.text);
  });

  test('poi and classifieds of a parent, newest first', async () => {
    const parent = data.collections.poi.find((entry) => entry.doc.parentType === 'organizations');
    const { body } = await getUrl(base, `/co2/element/getdatadetail/type/organizations/id/${parent.doc.parentId}/dataName/poi`);
    assert.ok(parent.id in body);
    assert.equal(body[parent.id].typePoi, parent.doc.type);
    const ad = data.collections.classifieds.find((entry) => entry.doc.parentType === 'citoyens' && entry.doc.type === 'classifieds');
    const ads = await getUrl(base, `/co2/element/getdatadetail/type/citoyens/id/${ad.doc.parentId}/dataName/classifieds`);
    assert.equal(ads.body[ad.id].type, 'classifieds');
    assert.equal(ads.body[ad.id].typeClassified, 'classifieds');
  });

  test('members come back as full elements with statusLink', async () => {
    const org = data.collections.organizations.find((entry) => Object.keys(entry.doc.links?.members ?? {}).length >= 2);
    const { body } = await getUrl(base, `/co2/element/getdatadetail/type/organizations/id/${org.id}/dataName/members`);
    assert.deepEqual(Object.keys(body).sort(), Object.keys(org.doc.links.members).sort());
    for (const member of Object.values(body)) assert.equal(member.type, 'citoyens');
  });

  test('unknown element → [], invalid id → 500 HTML, missing parameter → 400', async () => {
    assert.deepEqual((await getUrl(base, '/co2/element/getdatadetail/type/organizations/id/000000000000000000000000/dataName/events')).body, []);
    const invalid = await getUrl(base, '/co2/element/getdatadetail/type/organizations/id/nope/dataName/events');
    assert.equal(invalid.status, 500);
    assert.match(invalid.headers.get('content-type'), /^text\/html/);
    assert.equal((await getUrl(base, '/co2/element/getdatadetail/type/organizations/id/000000000000000000000000')).status, 400);
  });
});

describe('/co2/slug/getinfo', () => {
  test('slug → id and collection; unknown → {"result":false}', async () => {
    const org = data.collections.organizations.find((entry) => entry.doc.slug);
    assert.deepEqual((await getUrl(base, `/co2/slug/getinfo/key/${org.doc.slug}`)).body, { result: true, contextId: org.id, contextType: 'organizations' });
    assert.deepEqual((await getUrl(base, `/co2/slug/getinfo/key/${org.doc.slug}.tpl`)).body, { result: true, contextId: org.id, contextType: 'organizations' }, 'anything after a dot is dropped');
    assert.deepEqual((await getUrl(base, `/co2/slug/getinfo?key=${org.doc.slug}`)).body.contextId, org.id);
    assert.deepEqual((await getUrl(base, `/co2/slug/getinfo/key/${org.doc.slug.toUpperCase()}`)).body, { result: false }, 'slugs are case-sensitive');
    const event = data.collections.events.find((entry) => entry.doc.slug);
    assert.equal((await getUrl(base, `/co2/slug/getinfo/key/${event.doc.slug}`)).body.contextType, 'events');
  });
});

describe('/co2/city/autocompletemultiscope', () => {
  test('missing type or scopeValue', async () => {
    assert.deepEqual((await postForm(base, '/co2/city/autocompletemultiscope', { type: 'city' })).body, { res: false, msg: 'error with type or scopeValue' });
  });

  test('a city by name: one row, plus one per postal code for multi-code communes, then matching zones', async () => {
    const { body } = await postForm(base, '/co2/city/autocompletemultiscope', { type: 'city', scopeValue: 'saint-denis', countryCode: 'RE' });
    assert.equal(body.res, true);
    assert.ok(Array.isArray(body.cities), 'the PHP rebuilds the list with []');
    const saintDenis = data.collections.cities.find((entry) => entry.doc.insee === '97411');
    const rows = body.cities.filter((row) => row._id.$id === saintDenis.id);
    assert.equal(rows.length, 3);
    assert.deepEqual(rows.slice(1).map((row) => row.postalCode), ['97400', '97490']);
    assert.equal(rows[0].level3Name, 'La Réunion');
    assert.equal(rows[0].country, 'RE');
    assert.deepEqual(rows[0].postalCodes.map((postal) => Object.keys(postal).sort()), [['geo', 'geoPosition', 'name', 'postalCode'], ['geo', 'geoPosition', 'name', 'postalCode']]);
    assert.ok(body.cities.every((row) => row.country !== 'FR'), 'countryCode filters');
  });

  test('by postal code prefix; a single-code commune says allCP and uniqueCp', async () => {
    const { body } = await postForm(base, '/co2/city/autocompletemultiscope', { type: 'cp', scopeValue: '97436', countryCode: 'RE' });
    assert.equal(body.cities.length, 1);
    assert.equal(body.cities[0].name, 'Saint-Leu');
    assert.equal(body.cities[0].insee, '97413', 'a city row carries its INSEE code (contract §3.5): how a builder turns a name into insee="…"');
    assert.match(body.cities[0].geo.latitude, /^-21\./);
    assert.equal(body.cities[0].allCP, true);
    assert.equal(body.cities[0].uniqueCp, true);
  });

  test('zones: keyed by id, with level and countryCode', async () => {
    const { body } = await postForm(base, '/co2/city/autocompletemultiscope', { type: 'zone', scopeValue: 'hauts', countryCode: 'FR' });
    assert.ok(!Array.isArray(body.cities));
    const zones = Object.values(body.cities);
    assert.deepEqual(zones.map((zone) => zone.name), ['Hauts-de-France', 'Hauts-de-Seine']);
    assert.deepEqual(zones.map((zone) => zone.level), [['3'], ['4']]);
    assert.ok(zones.every((zone) => zone.countryCode === 'FR'));
  });
});
