// The seeded data: determinism, real geography, what the events cover, the mess, hostile records, size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSandbox, resolveOptions } from '../index.mjs';
import { CITY_SEEDS } from '../data/places.mjs';
import { NOW, NOW_SEC, postForm, sandboxFor, search } from './helpers.mjs';

const REUNION = {
  97401: ['Les Avirons', ['97425']], 97402: ['Bras-Panon', ['97412']], 97403: ['Entre-Deux', ['97414']], 97404: ["L'Étang-Salé", ['97427']],
  97405: ['Petite-Île', ['97429']], 97406: ['La Plaine-des-Palmistes', ['97431']], 97407: ['Le Port', ['97420']], 97408: ['La Possession', ['97419']],
  97409: ['Saint-André', ['97440']], 97410: ['Saint-Benoît', ['97470']], 97411: ['Saint-Denis', ['97400', '97490']], 97412: ['Saint-Joseph', ['97480']],
  97413: ['Saint-Leu', ['97436']], 97414: ['Saint-Louis', ['97450', '97421']], 97415: ['Saint-Paul', ['97460', '97411', '97422', '97423', '97434', '97435']],
  97416: ['Saint-Pierre', ['97410', '97432']], 97417: ['Saint-Philippe', ['97442']], 97418: ['Sainte-Marie', ['97438']], 97419: ['Sainte-Rose', ['97439']],
  97420: ['Sainte-Suzanne', ['97441']], 97421: ['Salazie', ['97433']], 97422: ['Le Tampon', ['97430', '97418']], 97423: ['Les Trois-Bassins', ['97426']],
  97424: ['Cilaos', ['97413']],
};

test("La Réunion's 24 communes with their INSEE and postal codes", () => {
  assert.equal(CITY_SEEDS.reunion.length, 24);
  for (const city of CITY_SEEDS.reunion) {
    const [name, postalCodes] = REUNION[city.insee];
    assert.equal(city.name, name);
    assert.deepEqual(city.postalCodes.map((postal) => postal.postalCode), postalCodes);
    assert.ok(city.lat < -20.8 && city.lat > -21.4 && city.lng > 55.2 && city.lng < 55.85, `${name} is on the island`);
  }
});

test('same seed, size and now → byte-identical answers; another seed → other data', async () => {
  const one = await sandboxFor({ size: 600 });
  const two = await sandboxFor({ size: 600 });
  const other = await sandboxFor({ size: 600, seed: 'autre' });
  try {
    const body = 'searchType[]=all&indexStep=40&count=true&countType[]=events&countType[]=organizations';
    const paths = ['/api/organization/get/limit/30', '/api/event/get/limit/30'];
    const a = [(await postForm(one.url, '/co2/search/globalautocomplete', body)).text, ...(await Promise.all(paths.map((path) => fetch(one.url + path).then((response) => response.text()))))];
    const b = [(await postForm(two.url, '/co2/search/globalautocomplete', body)).text, ...(await Promise.all(paths.map((path) => fetch(two.url + path).then((response) => response.text()))))];
    assert.deepEqual(a.map((text) => text.replaceAll(one.url.replaceAll('/', '\\/'), 'ORIGIN')), b.map((text) => text.replaceAll(two.url.replaceAll('/', '\\/'), 'ORIGIN')));
    const c = (await postForm(other.url, '/co2/search/globalautocomplete', body)).text;
    assert.notEqual(a[0], c);
    assert.deepEqual(one.data.hostileCases, two.data.hostileCases);
  } finally {
    await Promise.all([one.close(), two.close(), other.close()]);
  }
});

test('now defaults to today 00:00 UTC; options are validated', () => {
  const today = new Date();
  assert.equal(resolveOptions().now.toISOString(), new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())).toISOString());
  assert.throws(() => resolveOptions({ cors: 'some' }), RangeError);
  assert.throws(() => resolveOptions({ now: 'not a date' }), RangeError);
  assert.throws(() => resolveOptions({ size: -1 }), RangeError);
});

test('events are spread around now: past, ongoing, upcoming, recurring, DST-crossing, all types and zones', () => {
  const { data } = createSandbox({ now: NOW });
  const events = data.collections.events.map((entry) => entry.doc);
  const dated = events.filter((doc) => doc.startDate?.sec);
  assert.ok(dated.some((doc) => doc.startDate.sec < NOW_SEC - 60 * 86400), 'past events');
  assert.ok(dated.some((doc) => doc.startDate.sec > NOW_SEC + 200 * 86400), 'events months ahead');
  assert.ok(dated.filter((doc) => doc.startDate.sec < NOW_SEC && doc.endDate?.sec > NOW_SEC).length >= 10, 'events in progress at now');
  assert.ok(dated.every((doc) => doc.startDate.sec > NOW_SEC - 95 * 86400 && doc.startDate.sec < NOW_SEC + 275 * 86400));
  const recurring = events.filter((doc) => doc.recurrency);
  assert.ok(recurring.length > 20);
  assert.ok(recurring.every((doc) => !doc.startDate && !doc.endDate && doc.openingHours.length > 0 && (doc.startDateSort.sec > 0 || typeof doc.startDateSort.date === 'string')));
  assert.ok(dated.some((doc) => doc.allDay === true));
  assert.ok(dated.some((doc) => doc.endDate.sec - doc.startDate.sec > 2 * 86400), 'multi-day events');
  const paris = dated.filter((doc) => doc.timeZone === 'Europe/Paris');
  const crossesDst = (doc) => {
    const offset = (sec) => new Intl.DateTimeFormat('en', { timeZone: 'Europe/Paris', timeZoneName: 'shortOffset' }).format(new Date(sec * 1000));
    return offset(doc.startDate.sec).slice(-5) !== offset(doc.endDate.sec).slice(-5);
  };
  assert.ok(paris.some(crossesDst), 'some events straddle a Paris DST change');
  assert.ok(events.some((doc) => doc.timeZone === 'Indian/Reunion'));
  assert.ok(events.some((doc) => doc.startDate && doc.timeZone === undefined), 'legacy events without timeZone');
  const types = new Set(events.map((doc) => doc.type));
  for (const type of ['competition', 'concert', 'contest', 'exhibition', 'festival', 'getTogether', 'market', 'meeting', 'course', 'workshop', 'conference', 'debate', 'film', 'stand', 'crowdfunding', 'others']) assert.ok(types.has(type), type);
  // Organisers are linked both ways.
  for (const doc of events.slice(0, 200)) {
    const organizer = data.byId.get(doc.organizerId);
    assert.ok(doc.links.organizer[doc.organizerId]);
    if (organizer.col !== 'citoyens') assert.ok(organizer.doc.links.events[doc._id.$id], 'the organiser links back');
  }
});

test('the mess of the real data is there', () => {
  const { data } = createSandbox({ now: NOW });
  const all = Object.values(data.collections).flat().map((entry) => entry.doc);
  const orgs = data.collections.organizations.map((entry) => entry.doc);
  assert.ok(all.some((doc) => typeof doc.geo?.latitude === 'string' && doc.geo.latitude.includes(',')), 'French decimal comma');
  assert.ok(all.some((doc) => typeof doc.geo?.latitude === 'number'), 'numeric coordinates');
  assert.ok(orgs.some((doc) => !doc.geo && !doc.geoPosition), 'no position');
  assert.ok(orgs.some((doc) => !doc.address), 'no address');
  assert.ok(all.some((doc) => doc.tags?.some((tag) => tag !== tag.trim())), 'tags with spaces');
  assert.ok(all.some((doc) => doc.tags?.some((tag) => tag.includes('\u200b'))), 'zero-width characters');
  assert.ok(orgs.some((doc) => doc.descriptionHTML === true && /&(eacute|#039|amp);/.test(doc.description)), 'legacy HTML with entities');
  assert.ok(orgs.some((doc) => /^## /m.test(doc.description ?? '')), 'Markdown');
  assert.ok(orgs.some((doc) => doc.url?.startsWith('www.')), 'websites without scheme');
  assert.ok(all.some((doc) => doc.profilImageUrl?.includes('/null/')), 'broken image paths');
  assert.ok(all.some((doc) => doc.profilImageUrl?.startsWith('https://')), 'absolute image URLs');
  assert.ok(all.some((doc) => doc.profilThumbImageUrl?.includes('?t=')), 'cache-busted thumbs');
  const prices = data.collections.classifieds.map((entry) => entry.doc.price);
  assert.ok(prices.some((price) => typeof price === 'string') && prices.some((price) => price === undefined) && prices.some((price) => typeof price === 'number'));
  const currencies = new Set(data.collections.classifieds.map((entry) => entry.doc.devise));
  for (const currency of ['€', 'Ğ1', 'CFP', '£', '$']) assert.ok(currencies.has(currency), currency);
  const sections = new Set(data.collections.classifieds.map((entry) => entry.doc.section));
  for (const section of ['forsale', 'forrent', 'need', 'offer']) assert.ok(sections.has(section));
  assert.ok(data.collections.classifieds.some((entry) => entry.doc.type === 'jobs'));
  assert.ok(orgs.some((doc) => doc.source?.keys?.includes('tierslieuxhdf')) && orgs.some((doc) => doc.source?.keys?.includes('reseauvracidf')));
});

test('hostile records: exported with ids and labels, all under sourceKey "hostile" in Saint-Denis', async () => {
  const server = await sandboxFor({ size: 300 });
  try {
    const cases = server.data.hostileCases;
    assert.ok(cases.length >= 40);
    const rows = new Set(cases.map((item) => item.row));
    for (let row = 1; row <= 36; row++) if (row !== 26) assert.ok(rows.has(row), `row ${row}`);
    const body = await search(server.url, { 'searchType[]': ['organizations', 'events', 'classifieds'], 'sourceKey[]': 'hostile', indexStep: 0 });
    assert.deepEqual(Object.keys(body.results).sort(), cases.map((item) => item.id).sort());
    for (const item of Object.values(body.results)) assert.equal(item.address.codeInsee, '97411');
    const lit = body.results[cases.find((item) => item.label === 'name-lit-template-object').id];
    assert.deepEqual(lit.name, { _$litType$: 1, strings: ['<img src=x onerror=alert(17)>'], values: [] });
    const proto = body.results[cases.find((item) => item.label === 'proto-keys').id];
    assert.ok(Object.hasOwn(proto.tags, 0) && proto.tags.includes('__proto__'));
    const plain = await sandboxFor({ size: 300, hostile: false });
    try {
      assert.deepEqual(plain.data.hostileCases, []);
      assert.deepEqual((await search(plain.url, { 'searchType[]': 'organizations', 'sourceKey[]': 'hostile' })).results, []);
    } finally {
      await plain.close();
    }
  } finally {
    await server.close();
  }
});

test('size: proportions, and 100,000 elements generated and searched quickly', async () => {
  const small = createSandbox({ now: NOW, size: 1000 });
  const counts = small.data.counts;
  const elements = counts.organizations + counts.events + counts.projects + counts.poi + counts.classifieds + counts.ressources;
  assert.equal(elements, 1000);
  assert.equal(counts.organizations, 400);
  assert.equal(counts.events, 250);

  const started = performance.now();
  const big = await sandboxFor({ size: 100_000, hostile: false });
  const generation = performance.now() - started;
  try {
    const total = ['organizations', 'events', 'projects', 'poi', 'classifieds', 'ressources'].reduce((sum, name) => sum + big.data.counts[name], 0);
    assert.equal(total, 100_000);
    assert.ok(generation < 20_000, `generation took ${Math.round(generation)} ms`);
    const fields = { 'searchType[]': 'organizations', indexStep: 500, 'searchTags[]': 'solidarite', count: 'true', 'countType[]': 'organizations' };
    await search(big.url, fields);
    const searchStarted = performance.now();
    const body = await search(big.url, fields);
    const elapsed = performance.now() - searchStarted;
    assert.equal(Object.keys(body.results).length, 500);
    assert.ok(body.count.organizations > 500);
    assert.ok(elapsed < 2000, `search took ${Math.round(elapsed)} ms`);
  } finally {
    await big.close();
  }
});
