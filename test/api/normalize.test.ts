/**
 * Wire → domain, quirk by quirk (../shared/communecter-api.md), and rows 17–37 of the bad-input
 * table (../shared/hostile-inputs.md §3), each as a named test.
 */
import { expect } from '@open-wc/testing';
import {
  normalizeElement,
  normalizeElementMap,
  normalizeOpenDataResponse,
  normalizeSearchResponse,
  normalizeSlugInfo,
  ApiError,
  fetchEventsInWindow,
  searchElements,
  type Classified,
  type CommunecterClient,
  type FormFields,
  type CivicEvent,
  type Organization,
  type Poi,
  type Project,
} from '../../src/api/index.js';
import { toAddress, toDate, toLatitude, toPrice, toTags, toWeeklySlots } from '../../src/api/normalize/primitives.js';
import { occurrencesInWindow } from '../../src/components/cc-agenda/agenda-model.js';
import { formatDate, formatPrice } from '../../src/lib/format.js';
import { toText } from '../../src/lib/text.js';
import { toImageSrc } from '../../src/lib/url.js';

const BASE = 'https://www.communecter.org';
const context = { base: BASE };

const simpleOrganization = {
  id: '5a1b2c3d4e5f60718293a4b5',
  name: 'La Fabrique du Bourg',
  type: 'organizations',
  typeOrga: 'NGO',
  typeSig: 'organizations',
  email: 'contact@fabrique-du-bourg.example.org',
  url: 'https://fabrique-du-bourg.example.org',
  telephone: { fixe: ['0262 00 00 00'], mobile: ['0692 00 00 00', '0692 00 00 00'] },
  tags: ['tierslieux', ' Tierslieux ', 'repair\u200Bcafe', ''],
  geo: { '@type': 'GeoCoordinates', latitude: '-20.8821', longitude: '55.4507' },
  shortDescription: 'Tiers-lieu associatif &amp; repair caf&eacute; d&#039;ici',
  description: '## Qui sommes-nous ?\nUn **tiers-lieu** ouvert à tous…',
  updated: 1544000000,
  slug: 'laFabriqueDuBourg',
  counts: { members: 12, followers: '40' },
  profilImageUrl: '/upload/communecter/organizations/5a1b2c3d4e5f60718293a4b5/logo.png',
  profilMediumImageUrl: '/upload/communecter/organizations/5a1b2c3d4e5f60718293a4b5/medium/logo.png?_=1544001234',
  profilThumbImageUrl: '/upload/communecter/organizations/5a1b2c3d4e5f60718293a4b5/thumb/profil-resized.png?t=1544000000',
  address: { postalCode: '97400', addressLocality: 'Saint-Denis', codeInsee: '97411', addressCountry: 'RE', localityId: '54c0965cf6b95c141800a518' },
};

const rawEvent = {
  _id: { $id: '5c0f1e2d3c4b5a6978877665' },
  name: 'Repair café de décembre',
  type: 'events',
  typeEvent: 'workshop',
  typeSig: 'events',
  collection: 'events',
  slug: 'repairCafeDecembre',
  startDate: '2018-12-15T12:00:00+0000',
  endDate: '2018-12-15T16:00:00+0000',
  allDay: false,
  timeZone: 'Indian/Reunion',
  geoPosition: { type: 'Point', coordinates: [55.4507, -20.8821] },
  organizerId: '5a1b2c3d4e5f60718293a4b5',
  organizerType: 'organizations',
  organizer: { '5a1b2c3d4e5f60718293a4b5': { type: 'organizations', name: 'La Fabrique du Bourg' } },
  organizerObj: { name: 'La Fabrique du Bourg', slug: 'laFabriqueDuBourg', type: 'organizations' },
  counts: { attendees: 1 },
  source: { insertOrign: 'network', key: 'reunionRepair', keys: ['reunionRepair'] },
};

function page(results: unknown, count?: unknown) {
  return normalizeSearchResponse({ results, count }, context, ['organizations', 'events']);
}

describe('normalisers: the contract quirks', () => {
  it('reads the organisation "simple" shape: id field, sub-type in typeOrga, string coordinates, relative images', () => {
    const org = normalizeElement(simpleOrganization, context) as Organization;
    expect(org.kind).to.equal('organization');
    expect(org.id).to.equal('5a1b2c3d4e5f60718293a4b5');
    expect(org.organizationType).to.equal('NGO');
    expect(org.position).to.deep.equal({ lat: -20.8821, lng: 55.4507 });
    expect(org.images.medium).to.equal(`${BASE}/upload/communecter/organizations/5a1b2c3d4e5f60718293a4b5/medium/logo.png?_=1544001234`);
    expect(org.images.thumb).to.match(/thumb\/profil-resized\.png\?t=1544000000$/);
    expect(org.memberCount).to.equal(12);
    expect(org.followerCount).to.equal(40);
    expect(org.address?.locality).to.equal('Saint-Denis');
    expect(org.address?.insee).to.equal('97411');
    expect(org.address?.cityId).to.equal('54c0965cf6b95c141800a518');
    expect(org.updated?.toISOString()).to.equal('2018-12-05T08:53:20.000Z');
  });

  it('decodes HTML entities in plain text once', () => {
    const org = normalizeElement(simpleOrganization, context) as Organization;
    expect(org.shortDescription).to.equal("Tiers-lieu associatif & repair café d'ici");
    expect(toText('&amp;amp;')).to.equal('&amp;');
  });

  it('keeps the description as Markdown, or HTML when flagged descriptionHTML', () => {
    expect((normalizeElement(simpleOrganization, context) as Organization).description).to.deep.equal({
      format: 'markdown',
      source: '## Qui sommes-nous ?\nUn **tiers-lieu** ouvert à tous…',
    });
    const legacy = normalizeElement({ ...simpleOrganization, description: '<p>Ancien <b>texte</b></p>', descriptionHTML: true }, context);
    expect(legacy?.description?.format).to.equal('html');
  });

  it('reads telephone arrays, de-duplicated, with tel: links', () => {
    const org = normalizeElement(simpleOrganization, context) as Organization;
    expect(org.phones).to.deep.equal([
      { kind: 'fixe', number: '0262 00 00 00', href: 'tel:0262000000' },
      { kind: 'mobile', number: '0692 00 00 00', href: 'tel:0692000000' },
    ]);
  });

  it('reads raw events: _id.$id, type overwritten by the collection, +0000 dates, [lng, lat], organiser', () => {
    const event = normalizeElement(rawEvent, context) as CivicEvent;
    expect(event.kind).to.equal('event');
    expect(event.id).to.equal('5c0f1e2d3c4b5a6978877665');
    expect(event.eventType).to.equal('workshop');
    expect(event.start?.toISOString()).to.equal('2018-12-15T12:00:00.000Z');
    expect(event.end?.toISOString()).to.equal('2018-12-15T16:00:00.000Z');
    expect(event.timeZone).to.equal('Indian/Reunion');
    expect(event.position).to.deep.equal({ lat: -20.8821, lng: 55.4507 });
    expect(event.organizer).to.deep.equal({ id: '5a1b2c3d4e5f60718293a4b5', collection: 'organizations', name: 'La Fabrique du Bourg', slug: 'laFabriqueDuBourg' });
    expect(event.sourceKeys).to.deep.equal(['reunionRepair']);
  });

  it('reads an organiser given only as the modern map or links.organizer', () => {
    const { organizerObj: _o, organizerId: _i, organizerType: _t, organizer: _m, ...bare } = rawEvent;
    const viaLinks = normalizeElement({ ...bare, links: { organizer: { '5a1b2c3d4e5f60718293a4b5': { type: 'organizations' } } } }, context) as CivicEvent;
    expect(viaLinks.organizer?.id).to.equal('5a1b2c3d4e5f60718293a4b5');
    expect(viaLinks.organizer?.collection).to.equal('organizations');
  });

  it('expands nothing but reads recurring events: openingHours slots; startDateSort is a sort key, not the start', () => {
    const recurring = normalizeElement(
      {
        ...rawEvent,
        startDate: undefined,
        endDate: undefined,
        startDateSort: '2026-12-01T06:00:00+0000',
        openingHours: [{ dayOfWeek: 'We', hours: [{ opens: '9:00', closes: '12:00' }, { opens: '25:00', closes: '26:00' }] }, { dayOfWeek: 'Xx' }],
      },
      context,
    ) as CivicEvent;
    expect(recurring.start).to.equal(null);
    expect(recurring.sortDate?.toISOString()).to.equal('2026-12-01T06:00:00.000Z');
    expect(recurring.end).to.equal(null);
    expect(recurring.recurrence).to.deep.equal([{ day: 2, opens: '09:00', closes: '12:00' }]);
  });

  it('reads project dates written "Y-m-d H:i:s" as UTC', () => {
    const project = normalizeElement({ _id: { $id: 'p1' }, name: 'Jardin partagé', type: 'projects', startDate: '2018-12-15 12:00:00' }, context) as Project;
    expect(project.kind).to.equal('project');
    expect(project.start?.toISOString()).to.equal('2018-12-15T12:00:00.000Z');
  });

  it('reads Mongo {sec, usec} dates of the open-data API and the simple event seconds fields', () => {
    expect(toDate({ sec: 1544875200, usec: 500000 })?.toISOString()).to.equal('2018-12-15T12:00:00.500Z');
    const simple = normalizeElement({ id: 'e1', name: 'x', type: 'events', startDate: 'nonsense', startDateSec: 1544875200 }, context) as CivicEvent;
    expect(simple.start?.toISOString()).to.equal('2018-12-15T12:00:00.000Z');
  });

  it('reads classifieds: section, category, price and currency, parent', () => {
    const ad = normalizeElement(
      {
        _id: { $id: '5c11aa' }, name: "Vélo cargo d'occasion", type: 'classifieds', typeClassified: 'classifieds', section: 'forsale',
        category: 'vehicles', subtype: 'bikes', price: 450, devise: '€', parent: { name: 'Marie', type: 'citoyens' }, parentId: '59aa', parentType: 'citoyens',
      },
      context,
    ) as Classified;
    expect(ad).to.include({ kind: 'classified', marketType: 'classifieds', section: 'forsale', category: 'vehicles', subCategory: 'bikes', price: 450, currency: '€' });
    expect(ad.parent).to.deep.equal({ id: '59aa', collection: 'citoyens', name: 'Marie', slug: null });
    const ressource = normalizeElement({ _id: { $id: 'r1' }, name: 'Cherche bénévoles', type: 'ressources', section: 'need', category: 'service' }, context) as Classified;
    expect(ressource).to.include({ kind: 'ressource', marketType: 'ressources', section: 'need' });
    const job = normalizeElement({ _id: { $id: 'j1' }, name: 'Animateur', type: 'classifieds', typeClassified: 'jobs', section: 'offer' }, context) as Classified;
    expect(job.marketType).to.equal('jobs');
  });

  it('reads POIs with their sub-type and parent', () => {
    const poi = normalizeElement(
      { _id: { $id: '5b2c' }, name: 'Ressourcerie du Port', type: 'poi', typePoi: 'recoveryCenter', urls: ['https://ressourcerie.example', 'javascript:x'], parent: { name: 'La Fabrique', slug: 'laFabrique', type: 'organizations' } },
      context,
    );
    expect(poi?.kind).to.equal('poi');
    expect(poi && 'poiType' in poi ? poi.poiType : null).to.equal('recoveryCenter');
    expect(poi && 'links' in poi ? poi.links : null).to.deep.equal(['https://ressourcerie.example/']);
  });

  it('takes results keyed by id, or as an array, with the map key as the last-resort id', () => {
    const keyed = page({ 'abc123': { name: 'Sans id interne', type: 'organizations' } });
    expect(keyed.items.map((item) => item.id)).to.deep.equal(['abc123']);
    const list = page([simpleOrganization, rawEvent]);
    expect(list.items.map((item) => item.kind)).to.deep.equal(['organization', 'event']);
  });

  it('reads the total from the per-type counts that were asked', () => {
    const result = page({}, { organizations: 12, events: '3', bogus: 7 });
    expect(result.counts).to.deep.equal({ organizations: 12, events: 3 });
    expect(result.total).to.equal(15);
    expect(page({}, { organizations: 12 }).total).to.equal(null);
  });

  it('reads an element events map and the open-data API envelope', () => {
    const events = normalizeElementMap({ '5c0f1e2d3c4b5a6978877665': { ...rawEvent, _id: undefined, slug: undefined, startDateSec: 1 } }, context, 'events');
    expect(events.items[0]?.id).to.equal('5c0f1e2d3c4b5a6978877665');
    const open = normalizeOpenDataResponse(
      {
        meta: { limit: 1, next: 'x' },
        entities: {
          '5a1b2c3d4e5f60718293a4b5': {
            '@type': 'Organization', name: 'La Fabrique', typeCommunecter: 'NGO', image: 'https://www.communecter.org/upload/x/logo.png',
            url: { communecter: 'https://www.communecter.org/#@laFabrique', website: 'https://fabrique.example' }, geo: { latitude: '-20.88', longitude: '55.45' },
          },
        },
      },
      context,
      'organizations',
    );
    const org = open.items[0] as Organization;
    expect(open.returned).to.equal(1);
    expect(org.id).to.equal('5a1b2c3d4e5f60718293a4b5');
    expect(org.organizationType).to.equal('NGO');
    expect(org.website).to.equal('https://fabrique.example/');
    expect(org.images.medium).to.equal('https://www.communecter.org/upload/x/logo.png');
  });

  it('reads the slug lookup', () => {
    expect(normalizeSlugInfo({ result: true, contextId: '5a1b2c3d4e5f60718293a4b5', contextType: 'organizations' })).to.deep.equal({
      id: '5a1b2c3d4e5f60718293a4b5',
      collection: 'organizations',
    });
    expect(normalizeSlugInfo({ result: false })).to.equal(null);
    expect(() => normalizeSlugInfo('oops')).to.throw(ApiError);
  });

  it('treats "Unknown Locality" (the search default) as no locality', () => {
    const org = normalizeElement({ ...simpleOrganization, address: { addressLocality: 'Unknown Locality' } }, context);
    expect(org?.address).to.equal(null);
  });
});

describe('bad inputs (hostile-inputs.md §3, rows 17–37)', () => {
  it('row 17: a JSON object impersonating a Lit template in name → the item is skipped, the rest renders', () => {
    const result = page({
      bad: { ...simpleOrganization, id: 'bad', name: { _$litType$: 1, strings: ['<img src=x onerror=alert(1)>'], values: [] } },
      good: { ...simpleOrganization, id: 'good' },
    });
    expect(result.items.map((item) => item.id)).to.deep.equal(['good']);
    expect(result.dropped).to.equal(1);
  });

  it('row 18: wrong types in name: an object or an array is skipped, a number becomes text', () => {
    const result = page({
      a: { ...simpleOrganization, id: 'a', name: { toString: 'x' } },
      b: { ...simpleOrganization, id: 'b', name: 42 },
      c: { ...simpleOrganization, id: 'c', name: ['a', 'b'] },
    });
    expect(result.items.map((item) => [item.id, item.name])).to.deep.equal([['b', '42']]);
  });

  it('row 19: __proto__ / constructor / prototype keys pollute nothing', () => {
    const raw = JSON.parse(
      '{"results":{"__proto__":{"polluted":1,"name":"x"},"constructor":{"name":"Ctor","type":"organizations"},"ok":{"name":"OK","type":"organizations","tags":{"__proto__":"a","prototype":"b"}}}}',
    );
    const result = normalizeSearchResponse(raw, context);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
    expect(result.items.map((item) => item.id).sort()).to.deep.equal(['constructor', 'ok']);
    expect(result.items.find((item) => item.id === 'ok')?.tags).to.deep.equal(['a', 'b']);
  });

  it('row 20: a latitude given as a string is accepted after a strict decimal parse', () => {
    expect(toLatitude('48.85')).to.equal(48.85);
  });

  it('row 21: a French decimal comma is normalised, never a crash', () => {
    expect(toLatitude('48,85')).to.equal(48.85);
    expect(normalizeElement({ ...simpleOrganization, geo: { latitude: '-20,88', longitude: '55,45' } }, context)?.position).to.deep.equal({ lat: -20.88, lng: 55.45 });
  });

  it('row 22: empty, null or missing coordinates → no position, never (0,0)', () => {
    for (const geo of [{ latitude: '', longitude: '' }, { latitude: null, longitude: null }, {}, undefined]) {
      const org = normalizeElement({ ...simpleOrganization, geo }, context);
      expect(org?.position, JSON.stringify(geo)).to.equal(null);
      expect(org?.name).to.equal('La Fabrique du Bourg');
    }
  });

  it('row 23: out-of-range coordinates (123, 500) are rejected', () => {
    expect(normalizeElement({ ...simpleOrganization, geo: { latitude: 123, longitude: 500 } }, context)?.position).to.equal(null);
  });

  it('row 24: NaN, Infinity, "Infinity", "1e3", "0x10", true are rejected without throwing', () => {
    for (const value of [Number.NaN, Infinity, 'Infinity', '1e3', '0x10', true, false]) {
      expect(toLatitude(value), String(value)).to.equal(null);
    }
  });

  it('row 25: GeoJSON [lng, lat] order is read from the documented field', () => {
    const org = normalizeElement({ ...simpleOrganization, geo: undefined, geoPosition: { type: 'Point', coordinates: [2.35, 48.85] } }, context);
    expect(org?.position).to.deep.equal({ lat: 48.85, lng: 2.35 });
  });

  it('row 26: duplicate ids in one answer are merged before rendering (stable keys)', () => {
    const result = page([
      { ...simpleOrganization, email: undefined },
      { ...simpleOrganization, name: 'Doublon', email: 'autre@example.org' },
    ]);
    expect(result.items).to.have.length(1);
    expect(result.items[0]?.name).to.equal('La Fabrique du Bourg');
    expect(result.items[0]?.email).to.equal('autre@example.org');
  });

  it('row 27: "2026-05-17 10:00:00" (space, no zone) is parsed explicitly, as UTC', () => {
    expect(toDate('2026-05-17 10:00:00')?.toISOString()).to.equal('2026-05-17T10:00:00.000Z');
  });

  it('row 28: "2026-02-30", "foo" and "" → unknown date; formatting never shows Invalid Date', () => {
    for (const value of ['2026-02-30', 'foo', '', '2026-13-01', '2026-04-31T10:00:00Z']) {
      expect(toDate(value), value).to.equal(null);
    }
    const event = normalizeElement({ ...rawEvent, startDate: '2026-02-30', endDate: 'foo' }, context) as CivicEvent;
    expect(event.start).to.equal(null);
    expect(formatDate('fr-FR', event.start, { dateStyle: 'long' })).to.equal(null);
    expect(formatDate('fr-FR', new Date(Number.NaN), { dateStyle: 'long' })).to.equal(null);
  });

  it('row 29: end before start is kept as given; a DST change is formatted in the event zone', () => {
    const event = normalizeElement({ ...rawEvent, startDate: '2026-10-24T22:00:00+0000', endDate: '2026-10-24T10:00:00+0000' }, context) as CivicEvent;
    expect(event.start && event.end && event.end < event.start).to.equal(true);
    // Europe/Paris leaves summer time on 2026-10-25 at 03:00 (01:00 UTC).
    const before = formatDate('fr-FR', new Date('2026-10-25T00:30:00Z'), { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    const after = formatDate('fr-FR', new Date('2026-10-25T01:30:00Z'), { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    expect(before).to.equal('02:30');
    expect(after).to.equal('02:30');
  });

  it('row 30: epoch seconds, milliseconds and {sec} objects give the same instant', () => {
    const expected = '2025-05-17T08:00:00.000Z';
    expect(toDate(1747468800)?.toISOString()).to.equal(expected);
    expect(toDate(1747468800000)?.toISOString()).to.equal(expected);
    expect(toDate('1747468800')?.toISOString()).to.equal(expected);
    expect(toDate({ sec: 1747468800, usec: 0 })?.toISOString()).to.equal(expected);
  });

  it('row 31: a 100 kB name, a 5,000-character word and 10,000 <br> are bounded', () => {
    const org = normalizeElement({ ...simpleOrganization, name: 'A'.repeat(100_000), shortDescription: 'x'.repeat(5000), description: '<br>'.repeat(10_000) }, context);
    expect(org?.name.length).to.be.at.most(300);
    expect(org?.shortDescription?.length).to.be.at.most(600);
    expect(org?.description?.source.length).to.be.at.most(100_000);
  });

  it('row 32: RTL text and U+202E are kept as data (isolated at rendering)', () => {
    const org = normalizeElement({ ...simpleOrganization, name: 'مركز ثقافي \u202Eevil' }, context);
    expect(org?.name).to.equal('مركز ثقافي \u202Eevil');
  });

  it('row 33: emoji and combining sequences survive truncation; a lone surrogate becomes U+FFFD', () => {
    expect(toText('👩🏽‍🚒👩🏽‍🚒👩🏽‍🚒', { maxLength: 2 })).to.equal('👩🏽‍🚒…');
    expect(toText('e\u0301'.repeat(5), { maxLength: 3 })).to.equal('\u00E9\u00E9…');
    expect(toText('a\uD800b')).to.equal('a\uFFFDb');
  });

  it('row 34: zero-width and control characters in tags are removed; empty and look-alike tags dropped', () => {
    expect(toTags(['\u200B', '\u0000', 'vrac', 'vr\u200Bac', ' VRAC ', 'zéro déchet', 'zero dechet'])).to.deep.equal(['vrac', 'zéro déchet']);
  });

  it('row 35: http images are upgraded on https pages; broken /null/ paths and other schemes are dropped', () => {
    expect(toImageSrc('http://cdn.example.org/a.jpg', BASE, 'https:')).to.equal('https://cdn.example.org/a.jpg');
    expect(toImageSrc('/upload/communecter/organizations/null/logo.png', BASE, 'https:')).to.equal(null);
    expect(toImageSrc('javascript:alert(1)', BASE, 'https:')).to.equal(null);
    expect(toImageSrc('data:image/svg+xml,<svg onload=alert(1)>', BASE, 'https:')).to.equal(null);
  });

  it('row 36: prices "gratuit", -5 and 1e308 never show NaN', () => {
    expect(toPrice('gratuit')).to.deep.equal({ price: null, priceText: 'gratuit' });
    expect(toPrice(-5)).to.deep.equal({ price: null, priceText: null });
    expect(toPrice('-5')).to.deep.equal({ price: null, priceText: null });
    expect(toPrice(1e308)).to.deep.equal({ price: null, priceText: null });
    expect(toPrice('450,50')).to.deep.equal({ price: 450.5, priceText: null });
    expect(formatPrice('fr-FR', 450.5, '€')).to.match(/^450,50\s€$/);
    expect(formatPrice('fr-FR', 12, 'Ğ1')).to.equal('12\u00A0Ğ1');
  });

  it('row 37: an empty list, [] or null instead of results → an empty page, not an error', () => {
    for (const results of [[], {}, null, undefined]) {
      const result = page(results);
      expect(result.items, JSON.stringify(results)).to.deep.equal([]);
    }
    expect(() => normalizeSearchResponse(null, context)).to.throw(ApiError);
  });
});

/** A client that answers every request with `raw` and records the form bodies. */
function stubClient(raw: unknown): CommunecterClient & { bodies: FormFields[] } {
  const bodies: FormFields[] = [];
  return {
    baseUrl: BASE,
    bodies,
    getJson: () => Promise.resolve(raw),
    postForm: (_path: string, fields: FormFields) => {
      bodies.push(fields);
      return Promise.resolve(raw);
    },
  };
}

describe('contract 15b, items 1: a record answering an organisations search is an organisation', () => {
  // About one organisation in six comes with no type at all in a fields[] search, and no collection or typeSig.
  const untyped = { id: '6a1b2c3d4e5f60718293a4b6', name: 'Association sans type', geo: { latitude: '-20.88', longitude: '55.45' } };

  it('keeps a record without any type, as an organisation of unknown sub-type, and leaves the totals as the server said', () => {
    const result = normalizeSearchResponse({ results: { [untyped.id]: untyped }, count: { organizations: 685 } }, context, ['organizations'], ['organizations']);
    expect(result.dropped).to.equal(0);
    expect(result.items).to.have.length(1);
    const org = result.items[0] as Organization;
    expect(org).to.include({ kind: 'organization', collection: 'organizations', organizationType: null, subType: null });
    expect(result.counts).to.deep.equal({ organizations: 685 });
    expect(result.total).to.equal(685);
  });

  it('keeps raw sub-types and unknown strings in type; only the five known sub-types get an organizationType', () => {
    const raw = ['NGO', 'LocalBusiness', 'GovernmentOrganization', 'Cooperative', 'Group', 'Association', 'ngo', ''].map((type, index) => ({
      id: `org${index}`,
      name: `Organisation ${index}`,
      type,
    }));
    const result = normalizeSearchResponse({ results: raw }, context, [], ['organizations']);
    expect(result.dropped).to.equal(0);
    expect(result.items.map((item) => [item.kind, (item as Organization).organizationType])).to.deep.equal([
      ['organization', 'NGO'],
      ['organization', 'LocalBusiness'],
      ['organization', 'GovernmentOrganization'],
      ['organization', 'Cooperative'],
      ['organization', 'Group'],
      ['organization', null],
      ['organization', null],
      ['organization', null],
    ]);
    // The unknown value stays readable as the raw sub-type, but is no chip-able organisation type.
    expect(result.items[5]?.subType).to.equal('Association');
  });

  it('an organisation sub-type query is an organisations search too', () => {
    for (const asked of [['NGO'], ['NGO', 'Cooperative'], ['organizations', 'NGO']]) {
      const result = normalizeSearchResponse({ results: [untyped] }, context, [], asked);
      expect(result.items.map((item) => item.kind), asked.join()).to.deep.equal(['organization']);
    }
  });

  it('several collections asked: organisation when organisations were among them, dropped when not', () => {
    expect(normalizeSearchResponse({ results: [untyped] }, context, [], ['events', 'organizations', 'projects']).items[0]?.kind).to.equal('organization');
    const ambiguous = normalizeSearchResponse({ results: [untyped] }, context, [], ['events', 'projects']);
    expect(ambiguous.items).to.deep.equal([]);
    expect(ambiguous.dropped).to.equal(1);
    // What the record itself says still wins over the query.
    const said = normalizeSearchResponse({ results: [{ ...rawEvent }, { ...untyped, typeSig: 'projects' }] }, context, [], ['organizations']);
    expect(said.items.map((item) => item.kind)).to.deep.equal(['event', 'project']);
    // Without the query types (an element's map, old callers) an undetectable record is still dropped.
    expect(normalizeSearchResponse({ results: [untyped] }, context).dropped).to.equal(1);
  });

  it('one other collection asked: an undetectable record is of that collection', () => {
    expect(normalizeSearchResponse({ results: [{ ...untyped, startDate: '2026-12-05T10:00:00+0000' }] }, context, [], ['events']).items[0]?.kind).to.equal('event');
    expect(normalizeSearchResponse({ results: [untyped] }, context, [], ['poi']).items[0]?.kind).to.equal('poi');
  });

  it('searchElements and the agenda pass the query types to the normaliser', async () => {
    const page = await searchElements(stubClient({ results: [untyped], count: { organizations: 1 } }), { types: ['organizations'], count: true });
    expect(page.items.map((item) => item.kind)).to.deep.equal(['organization']);
    expect(page.dropped).to.equal(0);
    expect(page.total).to.equal(1);
    const eventRow = { ...untyped, startDate: '2026-12-05T10:00:00+0000' };
    const events = await fetchEventsInWindow(stubClient({ results: [eventRow] }), {
      scope: {},
      start: new Date('2026-12-01T00:00:00Z'),
      end: new Date('2026-12-31T00:00:00Z'),
    });
    expect(events.map((event) => event.name)).to.deep.equal(['Association sans type']);
  });
});

describe('contract 15b, items 2 and 11: coordinates as strings, in every geo form, and secondary addresses', () => {
  const org = (fields: Record<string, unknown>) => normalizeElement({ id: 'o1', name: 'Lieu', type: 'organizations', ...fields }, context);

  it('reads the same point from numbers and from strings with trailing zeros, in geo, geo as a Point, geoPosition and addresses[]', () => {
    const expected = { lat: -25.967332, lng: 32.573174 };
    const forms: Record<string, unknown>[] = [
      { geo: { '@type': 'GeoCoordinates', latitude: '-25.9673320', longitude: '32.5731740' } },
      { geo: { '@type': 'GeoCoordinates', latitude: -25.967332, longitude: 32.573174 } },
      { geo: { type: 'Point', coordinates: ['32.5731740', '-25.9673320'] } },
      { geoPosition: { type: 'Point', coordinates: ['32.5731740', '-25.9673320'] } },
      { geoPosition: { type: 'Point', coordinates: [32.573174, -25.967332] } },
      { addresses: [{ address: { addressLocality: 'Maputo' }, geoPosition: { type: 'Point', coordinates: ['32.5731740', '-25.9673320'] } }] },
      { addresses: [{ geo: { '@type': 'GeoCoordinates', latitude: '-25.9673320', longitude: '32.5731740' } }] },
      { addresses: [{ geo: { type: 'Point', coordinates: ['32.5731740', '-25.9673320'] } }] },
    ];
    for (const form of forms) expect(org(form)?.position, JSON.stringify(form)).to.deep.equal(expected);
    // The 2018 export writes up to 14 decimals; longer ones are still plain decimals.
    expect(org({ geo: { latitude: '-21.23392684939243', longitude: '55.421338868628030000' } })?.position).to.deep.equal({ lat: -21.23392684939243, lng: 55.42133886862803 });
    // Out-of-range and non-numeric strings are refused in every form, and (0,0) is never a place.
    const bad = [['95.0', '55.45'], ['-20.88', '181'], ['abc', '55.45'], ['-20.88', '55.45.1'], ['1e1', '55'], ['', ''], ['0', '0'], [' ', '55']];
    for (const [lat, lng] of bad) {
      const badForms = [
        { geo: { latitude: lat, longitude: lng } },
        { geo: { type: 'Point', coordinates: [lng, lat] } },
        { geoPosition: { type: 'Point', coordinates: [lng, lat] } },
        { addresses: [{ geoPosition: { type: 'Point', coordinates: [lng, lat] } }] },
      ];
      for (const form of badForms) expect(org(form)?.position, JSON.stringify(form)).to.equal(null);
    }
  });

  it('the element’s own position wins over a secondary address; the first usable secondary one is taken', () => {
    expect(org({ geo: { latitude: '-20.88', longitude: '55.45' }, addresses: [{ geo: { latitude: '-21.34', longitude: '55.48' } }] })?.position).to.deep.equal({ lat: -20.88, lng: 55.45 });
    const secondary = org({ addresses: ['x', { geo: { latitude: 'abc', longitude: '55' } }, { geoPosition: { coordinates: ['55.48', '-21.34'] } }] });
    expect(secondary?.position).to.deep.equal({ lat: -21.34, lng: 55.48 });
    // The address comes from the secondary addresses too when the element has none of its own.
    const place = org({ addresses: [{ address: { addressLocality: 'Maputo', addressCountry: 'MZ' }, geoPosition: { coordinates: ['32.57', '-25.96'] } }] });
    expect([place?.address?.locality, place?.address?.country]).to.deep.equal(['Maputo', 'MZ']);
    expect(org({ address: { addressLocality: 'Saint-Denis' }, addresses: [{ address: { addressLocality: 'Maputo' } }] })?.address?.locality).to.equal('Saint-Denis');
  });
});

describe('contract 15b, item 5: url holding several addresses', () => {
  const org = (url: unknown, extra: Record<string, unknown> = {}) => normalizeElement({ id: 'o1', name: 'Lieu', type: 'organizations', url, ...extra }, context);

  it('takes the first safe http(s) address as the website and keeps the others as links', () => {
    const cases: [string, string | null, string[]][] = [
      ['https://a.example.org ; https://b.example.org ; www.c.example.re', 'https://a.example.org/', ['https://b.example.org/', 'https://www.c.example.re/']],
      ['https://a.example.org, https://b.example.org', 'https://a.example.org/', ['https://b.example.org/']],
      ['https://a.example.org https://b.example.org', 'https://a.example.org/', ['https://b.example.org/']],
      ['https://a.example.org;https://b.example.org|www.c.example.re', 'https://a.example.org/', ['https://b.example.org/', 'https://www.c.example.re/']],
      ['a.example.re ; b.example.re', 'https://a.example.re/', ['https://b.example.re/']],
      ['javascript:alert(1) ; ftp://files.example.org ; https://b.example.org ; https://b.example.org/', 'https://b.example.org/', []],
      [' ; ; ', null, []],
    ];
    for (const [url, website, links] of cases) {
      const element = org(url);
      expect([element?.website, element?.links], url).to.deep.equal([website, links]);
    }
  });

  it('never cuts one address in pieces: commas, semicolons and spaces inside a URL stay', () => {
    expect(org('https://x.example.org/a,b;c=1?q=1,2')?.website).to.equal('https://x.example.org/a,b;c=1?q=1,2');
    expect(org('https://x.example.org/mon fichier.pdf')?.website).to.equal('https://x.example.org/mon%20fichier.pdf');
    expect(org('https://x.example.org/mon fichier.pdf')?.links).to.deep.equal([]);
    // Two bare hosts with only a space between them cannot be told from one broken value: nothing rather than a wrong link.
    expect(org('a.example.re b.example.re')?.website).to.equal(null);
  });

  it('applies to the open-data url.website and adds the extra addresses to a POI’s own links', () => {
    expect(org({ communecter: 'https://www.communecter.org/#@x', website: 'https://a.example.org ; https://b.example.org' })?.links).to.deep.equal(['https://b.example.org/']);
    const poi = normalizeElement({ id: 'p1', name: 'Lieu', type: 'poi', url: 'https://a.example.org ; https://b.example.org', urls: ['https://c.example.org', 'https://b.example.org', 'https://a.example.org/'] }, context) as Poi;
    expect(poi.website).to.equal('https://a.example.org/');
    expect(poi.links).to.deep.equal(['https://c.example.org/', 'https://b.example.org/']);
  });
});

describe('contract 15b, items 3, 6 and 12: addresses', () => {
  it('reads "undefined", "null" and "" as no value, in codeInsee and every other address field', () => {
    for (const placeholder of ['undefined', 'null', 'NULL', '', ' ']) {
      const address = toAddress({ streetAddress: placeholder, postalCode: placeholder, addressLocality: placeholder, codeInsee: placeholder, addressCountry: 'RE', depName: placeholder, level3Name: placeholder });
      expect(address, JSON.stringify(placeholder)).to.deep.include({ street: null, postalCode: null, locality: null, insee: null, region: null, department: null, country: 'RE' });
    }
    expect(toAddress({ codeInsee: 'undefined', postalCode: 'undefined' })).to.equal(null);
  });

  it('keeps the legacy {depName, regionName} form as an address', () => {
    // A 2018 marketplace record (pixelhumain/co2 data/classifieds.json), no localityId and no levels.
    const legacy = { addressCountry: 'RE', '@type': 'PostalAddress', codeInsee: '97414', streetAddress: '', postalCode: '97450', addressLocality: 'ST LOUIS', depName: 'REUNION', regionName: 'La Réunion' };
    expect(toAddress(legacy)).to.deep.equal({
      street: null, postalCode: '97450', locality: 'St Louis', country: 'RE', insee: '97414', cityId: null,
      region: 'La Réunion', department: 'Reunion', level3: null, level4: null,
    });
    expect(toAddress({ depName: 'REUNION', regionName: 'La Réunion' })).to.deep.include({ region: 'La Réunion', department: 'Reunion', locality: null });
    // The levels, when present, win over the legacy names.
    expect(toAddress({ level3Name: 'Occitanie', regionName: 'Languedoc', level4Name: 'Hérault', depName: 'HERAULT' })).to.deep.include({ region: 'Occitanie', department: 'Hérault' });
  });

  it('shows upper-case place names in title case and leaves mixed-case ones as written', () => {
    const cases: [string, string][] = [
      ['ST LOUIS', 'St Louis'],
      ['SAINT-DENIS', 'Saint-Denis'],
      ['LA RIVIERE', 'La Riviere'],
      ["L'ETANG-SALE", "L'Etang-Sale"],
      ['ÉTANG-SALÉ LES HAUTS', 'Étang-Salé les Hauts'],
      ["SAINT-JEAN-D'ANGELY", "Saint-Jean-d'Angely"],
      ['BOURG-LA-REINE', 'Bourg-la-Reine'],
      ['LA PLAINE DES PALMISTES', 'La Plaine des Palmistes'],
      ['PARIS 15E ARRONDISSEMENT', 'Paris 15e Arrondissement'],
      ['Saint-Denis', 'Saint-Denis'],
      ['saint-pierre', 'saint-pierre'],
      ['McLEAN', 'McLEAN'],
      ['ZI', 'ZI'],
      ['Антананариву', 'Антананариву'],
    ];
    for (const [raw, shown] of cases) expect(toAddress({ addressLocality: raw })?.locality, raw).to.equal(shown);
    expect(toAddress({ level3Name: 'AUVERGNE-RHÔNE-ALPES', level4Name: 'LOIRE' })).to.deep.include({ region: 'Auvergne-Rhône-Alpes', department: 'Loire' });
    // Streets keep their capitals: "ZI", "RN2", "BP 12" would not survive title case.
    expect(toAddress({ streetAddress: 'ZI DU PORT, RN2' })?.street).to.equal('ZI DU PORT, RN2');
  });

  it('never takes level1Name for a country: the country is addressCountry or nothing', () => {
    expect(toAddress({ level1: '58be4af494ef47df1d0ddbcc', level1Name: 'Madagasikara', addressLocality: 'Antananarivo' })?.country).to.equal(null);
    expect(toAddress({ level1Name: 'France', level3Name: 'Réunion', addressCountry: 'RE' })?.country).to.equal('RE');
    expect(toAddress({ level1Name: 'Tanzanie', addressCountry: 'tz' })).to.deep.include({ country: 'TZ', region: null, department: null });
    expect(Object.values(toAddress({ level1Name: 'Madagasikara', addressLocality: 'Antananarivo' }) ?? {})).to.not.include('Madagasikara');
  });
});

describe('contract 15b, item 4: thumbnails named after the original file', () => {
  const dir = '/upload/communecter/organizations/5a1b2c3d4e5f60718293a4b5';

  it('resolves thumb/<original name> paths with timestamp prefixes, .webp, spaces, accents and cache-busting suffixes', () => {
    const cases: [string, string][] = [
      [`${dir}/thumb/1544000000_logo-tiers-lieu.webp`, `${BASE}${dir}/thumb/1544000000_logo-tiers-lieu.webp`],
      [`${dir}/thumb/20230412_143015_Mon logo (2).webp?t=1681300000`, `${BASE}${dir}/thumb/20230412_143015_Mon%20logo%20(2).webp?t=1681300000`],
      [`${dir}/thumb/café-été.WEBP`, `${BASE}${dir}/thumb/caf%C3%A9-%C3%A9t%C3%A9.WEBP`],
      [`${dir}/medium/1690000000-affiche.jpeg?_=1690000001`, `${BASE}${dir}/medium/1690000000-affiche.jpeg?_=1690000001`],
      [`https://www.communecter.org${dir}/thumb/logo.webp`, `https://www.communecter.org${dir}/thumb/logo.webp`],
    ];
    for (const [path, src] of cases) expect(toImageSrc(path, BASE, 'https:'), path).to.equal(src);
    const org = normalizeElement({ ...simpleOrganization, profilThumbImageUrl: `${dir}/thumb/1544000000_logo.webp`, profilMediumImageUrl: undefined }, context) as Organization;
    expect(org.images.thumb).to.equal(`${BASE}${dir}/thumb/1544000000_logo.webp`);
    expect(org.images.medium).to.equal(`${BASE}${dir}/logo.png`);
  });

  it('drops paths to a file without a name and keeps a "#" in a name from cutting the path', () => {
    // 2018 export: an upload saved without a name is ".jpg" in every size.
    const nameless = normalizeElement(
      { ...simpleOrganization, profilImageUrl: `${dir}/.jpg`, profilMediumImageUrl: `${dir}/medium/.jpg`, profilThumbImageUrl: `${dir}/thumb/`, profilBannerUrl: `${dir}/banner/.png?t=1` },
      context,
    ) as Organization;
    expect(nameless.images).to.deep.equal({ thumb: null, medium: null, full: null, banner: null });
    const hashed = normalizeElement({ ...simpleOrganization, profilThumbImageUrl: `${dir}/thumb/affiche #3.png?t=1` }, context) as Organization;
    expect(hashed.images.thumb).to.equal(`${BASE}${dir}/thumb/affiche%20%233.png?t=1`);
  });
});

describe('contract 15b, item 13: agenda rows of recurring events', () => {
  // The shape of a /co2/search/agenda row for a weekly event: no startDate/endDate, a 7-slot openingHours with ""
  // for days without hours, recurrency, startDateSort as a PHP DateTime, startDateSortFormat with the local offset.
  const row = {
    _id: { $id: '6b0f1e2d3c4b5a6978877601' },
    name: 'Permanence vélo',
    type: 'events',
    typeEvent: 'workshop',
    recurrency: true,
    openingHours: ['', '', { dayOfWeek: 'We', hours: [{ opens: '09:00', closes: '12:00' }] }, '', '', '', ''],
    startDateSort: { date: '2026-08-12 09:00:00.000000', timezone_type: 3, timezone: 'Europe/Paris' },
    startDateSortFormat: '2026-08-12T09:00:00+0200',
  };

  it('normalises to a weekly event in the row’s zone, with startDateSort kept as a sort key only', () => {
    const event = normalizeElement(row, context) as CivicEvent;
    expect(event.recurrence).to.deep.equal([{ day: 2, opens: '09:00', closes: '12:00' }]);
    expect(event.timeZone).to.equal('Europe/Paris');
    expect(event.start).to.equal(null);
    expect(event.end).to.equal(null);
    expect(event.sortDate?.toISOString()).to.equal('2026-08-12T07:00:00.000Z');
    // startDateSort is the occurrence the row stands for, not the series' start: nothing before it is hidden.
    const shown = occurrencesInWindow([event], { start: new Date('2026-08-01T00:00:00Z'), end: new Date('2026-09-01T00:00:00Z') }, 'UTC');
    expect(shown.map((item) => item.start.toISOString())).to.deep.equal([
      '2026-08-05T07:00:00.000Z',
      '2026-08-12T07:00:00.000Z',
      '2026-08-19T07:00:00.000Z',
      '2026-08-26T07:00:00.000Z',
    ]);
    // Without startDateSortFormat, the PHP object gives the same instant.
    const { startDateSortFormat: _format, ...phpOnly } = row;
    expect((normalizeElement(phpOnly, context) as CivicEvent).sortDate?.toISOString()).to.equal('2026-08-12T07:00:00.000Z');
  });

  it('reads PHP DateTime objects: the date is wall-clock time in their zone', () => {
    const php = (date: string, timezone?: unknown, timezone_type = 3) => toDate(timezone === undefined ? { date, timezone_type } : { date, timezone_type, timezone });
    expect(php('2026-08-14 09:00:00.000000', 'Europe/Paris')?.toISOString()).to.equal('2026-08-14T07:00:00.000Z');
    expect(php('2026-12-14 09:00:00.000000', 'Europe/Paris')?.toISOString()).to.equal('2026-12-14T08:00:00.000Z');
    expect(php('2026-12-14 09:00:00.250000', 'Indian/Reunion')?.toISOString()).to.equal('2026-12-14T05:00:00.250Z');
    expect(php('2026-08-14 09:00:00.000000', '+02:00', 1)?.toISOString()).to.equal('2026-08-14T07:00:00.000Z');
    expect(php('2026-08-14 09:00:00.000000', 'UTC', 2)?.toISOString()).to.equal('2026-08-14T09:00:00.000Z');
    // Without a zone, the server's own: a naive date is read as Europe/Paris (15b item 13).
    expect(php('2026-08-14 09:00:00.000000')?.toISOString()).to.equal('2026-08-14T07:00:00.000Z');
    // 02:30 does not exist in Paris on 2026-03-29: moved forward by the gap, as calendars do.
    expect(php('2026-03-29 02:30:00.000000', 'Europe/Paris')?.toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    for (const [date, zone] of [['2026-02-30 09:00:00.000000', 'Europe/Paris'], ['2026-08-14 09:00:00', 'Mars/Olympus'], ['2026-08-14T09:00:00+0200', 'Europe/Paris'], ['demain', 'Europe/Paris'], ['2026-08-14 09:00:00', 42]]) {
      expect(php(date as string, zone), `${String(date)} ${String(zone)}`).to.equal(null);
    }
    // Plain naive strings keep their documented reading (contract 5: search writes UTC without a zone).
    expect(toDate('2026-08-14 09:00:00')?.toISOString()).to.equal('2026-08-14T09:00:00.000Z');
    // Years before 1900 are refused, in both forms (Date.UTC would read 0050 as 1950).
    expect(toDate('0050-01-01')).to.equal(null);
    expect(php('0050-01-01 09:00:00.000000', 'Europe/Paris')).to.equal(null);
  });

  it('takes the zone from timeZone first, then from the PHP object when it is a zone the browser knows', () => {
    expect((normalizeElement({ ...row, timeZone: 'Indian/Reunion' }, context) as CivicEvent).timeZone).to.equal('Indian/Reunion');
    expect((normalizeElement({ ...row, startDateSort: { ...row.startDateSort, timezone: 'Mars/Olympus' } }, context) as CivicEvent).timeZone).to.equal(null);
    const oneOff = normalizeElement({ ...rawEvent, timeZone: undefined, startDate: { date: '2026-12-15 16:00:00.000000', timezone_type: 3, timezone: 'Indian/Reunion' } }, context) as CivicEvent;
    expect([oneOff.timeZone, oneOff.start?.toISOString()]).to.deep.equal(['Indian/Reunion', '2026-12-15T12:00:00.000Z']);
  });

  it('a row whose slots cannot be read, or a one-off row without startDate, starts at the occurrence it stands for', () => {
    const unreadable = normalizeElement({ ...row, openingHours: ['', '', '', '', '', '', ''] }, context) as CivicEvent;
    expect(unreadable.recurrence).to.deep.equal([]);
    expect(unreadable.start?.toISOString()).to.equal('2026-08-12T07:00:00.000Z');
    const oneOff = normalizeElement({ ...rawEvent, startDate: undefined, endDate: undefined, startDateSortFormat: '2026-12-15T16:00:00+0400' }, context) as CivicEvent;
    expect(oneOff.start?.toISOString()).to.equal('2026-12-15T12:00:00.000Z');
  });

  it('reads the day from dayOfWeek only, in any of its spellings, and the slots from an index-keyed object too', () => {
    // The platform's own form orders days Sunday first; the 15b sample is Monday first: the position says nothing.
    const sundayFirst = ['', '', '', { dayOfWeek: 'We', hours: [{ opens: '18:00', closes: '21:00:00' }] }, '', '', { hours: [{ opens: '10:00', closes: '11:00' }] }];
    expect(toWeeklySlots(sundayFirst)).to.deep.equal([{ day: 2, opens: '18:00', closes: '21:00' }]);
    expect(toWeeklySlots({ 2: { dayOfWeek: 'we', hours: [{ opens: '9:00', closes: '12:00' }] }, 6: { dayOfWeek: 'Sunday', hours: [{ opens: '10:00', closes: '12:00' }] } })).to.deep.equal([
      { day: 2, opens: '09:00', closes: '12:00' },
      { day: 6, opens: '10:00', closes: '12:00' },
    ]);
    expect(toWeeklySlots(['', null, 3, { dayOfWeek: 'Xx', hours: [{ opens: '09:00', closes: '10:00' }] }, { dayOfWeek: 'Mo', hours: '09:00-10:00' }])).to.deep.equal([]);
  });
});
