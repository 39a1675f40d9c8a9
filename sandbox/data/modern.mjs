// The 2026 forms of contract §15b, applied to a seeded share of the generated records after the
// 2018-era data is built. Each pass draws from its own PRNG fork, so the rest of the data (names, ids,
// dates, links) stays byte-identical to what the same seed gave before these forms existed.
import { MongoDate } from '../lib/php.mjs';
import { isoWithOffset, phpDateTimeObject } from '../lib/dates.mjs';
import { stableId } from '../lib/prng.mjs';

/** Share of the generated (non town-hall) organisations stored in the 2026 form. */
export const ORG_2026_SHARE = 0.15;
/** The Réunion third-places network was (re)built with the 2026 tools: more of it is in that form. */
export const NETWORK_2026_SHARE = 0.5;
/** Share of the generated recurring events stored in the 2026 agenda form (§15b item 13). */
export const RECURRING_2026_SHARE = 0.5;

/** The 7 slots of a 2026 `openingHours` array: Monday first (the contract's sample has "We" third). */
export const WEEK_SLOTS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/**
 * Places of the Indian Ocean network (§15b item 2): a third of the Réunion network's 2026 records sit
 * there. level1Name is the territory's own, inconsistent name (item 3); ids are stable placeholders.
 */
const ABROAD = [
  { country: 'MG', level1Names: ['Madagasikara', 'Madagascar'], locality: 'Antananarivo', postalCode: '101', lat: -18.8792, lng: 47.5079 },
  { country: 'MG', level1Names: ['Madagasikara'], locality: 'Toamasina', postalCode: '501', lat: -18.1443, lng: 49.3958 },
  { country: 'MU', level1Names: ['Mauritius', 'Maurice'], locality: 'Port Louis', postalCode: '11328', lat: -20.1609, lng: 57.5012 },
  { country: 'SC', level1Names: ['Seychelles'], locality: 'Victoria', lat: -4.6191, lng: 55.4513 },
  { country: 'KM', level1Names: ['Comores', 'Union des Comores'], locality: 'Moroni', lat: -11.7172, lng: 43.2473 },
  { country: 'TZ', level1Names: ['Tanzania', 'Tanzanie'], locality: 'Dar es Salaam', lat: -6.7924, lng: 39.2083 },
  { country: 'KE', level1Names: ['Kenya'], locality: 'Mombasa', postalCode: '80100', lat: -4.0435, lng: 39.6682 },
];

/** Original file names as people upload them; the platform prefixes a timestamp (§15b item 4). */
const UPLOAD_NAMES = ['logo', 'Logo-asso', 'photo_profil', 'IMG_20230412_101522', 'banniere', 'logo_couleur', 'Capture-d-ecran-2024-02-11'];
const UPLOAD_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'];

/** "-21.1151200": a coordinate rounded to 4–6 decimals, written with 7 (the trailing zeros stay). */
const coordinateText = (value, decimals) => (Math.round(value * 10 ** decimals) / 10 ** decimals).toFixed(7);

/** The coordinates an organisation already has, whichever form they were stored in. */
function positionOf(doc) {
  const coordinates = doc.geoPosition?.coordinates;
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number') return { lat: coordinates[1], lng: coordinates[0] };
  const lat = Number.parseFloat(String(doc.geo?.latitude ?? '').replace(',', '.'));
  const lng = Number.parseFloat(String(doc.geo?.longitude ?? '').replace(',', '.'));
  return Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
}

/**
 * A copy of `object` with `changes` applied, in the original key order (changed keys keep their place,
 * `undefined` removes, new keys go last). Copying instead of `delete` keeps the documents in V8's fast
 * mode, which the encoder of a 100,000-element search relies on.
 * @param {Record<string, any>} object
 * @param {Map<string, any>} changes
 */
function withChanges(object, changes) {
  const out = {};
  for (const key of Object.keys(object)) {
    const value = changes.has(key) ? changes.get(key) : object[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [key, value] of changes) if (value !== undefined && !Object.hasOwn(object, key)) out[key] = value;
  return out;
}

/**
 * One organisation in the 2026 form. Only fields change; the record keeps its id, name, slug, tags,
 * texts, links and lifecycle, so every search that reads those still finds it.
 * @param {Record<string, any>} doc the stored document (not modified)
 * @param {import('../lib/prng.mjs').Random} rng the 2026 fork
 * @param {{ city: any, region: string, network: boolean }} context
 * @returns {Record<string, any>} the new stored document
 */
export function organizationTo2026(doc, rng, context) {
  const id = doc._id.$id;
  const changes = new Map();
  // Item 1: the raw sub-type stays in `type` (it always was stored there), one in six has none;
  // nothing stores `collection` or `typeSig`.
  if (rng.chance(1 / 6)) changes.set('type', undefined);
  changes.set('collection', undefined);
  changes.set('typeSig', undefined);

  // Item 2 (abroad): part of the Réunion network lives elsewhere in the Indian Ocean.
  const abroad = context.network && doc.address && rng.chance(1 / 3) ? rng.pick(ABROAD) : null;
  let position = positionOf(doc);
  let address = doc.address;
  if (abroad) {
    address = { '@type': 'PostalAddress' };
    if (abroad.postalCode) address.postalCode = abroad.postalCode;
    address.addressLocality = abroad.locality;
    address.addressCountry = abroad.country;
    address.level1 = stableId(`zone:${abroad.country}`, 1488866000);
    address.level1Name = rng.pick(abroad.level1Names);
    changes.set('addresses', undefined);
    position = { lat: abroad.lat + (rng.next() - 0.5) * 0.05, lng: abroad.lng + (rng.next() - 0.5) * 0.05 };
  }

  // Item 2: string coordinates with their trailing zeros; one in six without any position.
  changes.set('geo', undefined);
  changes.set('geoPosition', undefined);
  if (position && !rng.chance(1 / 6)) {
    const decimals = rng.int(4, 6);
    const geo = { '@type': 'GeoCoordinates', latitude: coordinateText(position.lat, decimals), longitude: coordinateText(position.lng, decimals) };
    changes.set('geo', geo);
    changes.set('geoPosition', { type: 'Point', coordinates: [Number(geo.longitude), Number(geo.latitude)] });
  }

  if (address) {
    const fields = new Map();
    if (!abroad) {
      // Item 12: the legacy {depName, regionName} form, without localityId or levels.
      if (rng.chance(1 / 8) && address.level4Name) {
        for (const key of ['localityId', 'level1', 'level1Name', 'level3', 'level3Name', 'level4', 'level4Name']) fields.set(key, undefined);
        fields.set('depName', address.level4Name);
        fields.set('regionName', address.level3Name);
      } else if (address.level1Name && context.region === 'reunion') {
        // Item 3: the territory's own name where the older records say "France".
        fields.set('level1Name', 'Réunion');
      }
      // Item 12: "undefined" as an INSEE code, and La Poste's upper-case locality ("ST LOUIS").
      if (rng.chance(1 / 8)) fields.set('codeInsee', 'undefined');
      if (rng.chance(1 / 8)) {
        const postal = context.city.seed.postalCodes.find((item) => item.postalCode === address.postalCode);
        fields.set('addressLocality', postal?.name ?? String(address.addressLocality).toUpperCase());
      }
    }
    // Item 2: one in six without addressCountry.
    if (rng.chance(1 / 6)) fields.set('addressCountry', undefined);
    changes.set('address', withChanges(address, fields));
  }

  // Item 5: several addresses in one `url` string.
  if (typeof doc.url === 'string' && rng.chance(1 / 4)) {
    const others = [`https://www.facebook.com/${doc.slug ?? id.slice(-8)}`];
    if (rng.chance(0.3)) others.push(`https://www.helloasso.com/associations/${(doc.slug ?? id.slice(-8)).toLowerCase()}`);
    changes.set('url', [doc.url, ...others].join(' ; '));
  }

  // Item 4: a timestamped original file name, thumbnails in .webp; one in four without any image.
  for (const key of ['profilImageUrl', 'profilMediumImageUrl', 'profilThumbImageUrl', 'profilMarkerImageUrl', 'profilBannerUrl']) changes.set(key, undefined);
  if (!rng.chance(1 / 4)) {
    const stamp = (doc.updated ?? doc.created ?? 1600000000) - rng.int(0, 86400 * 30);
    const original = `${stamp}_${rng.pick(UPLOAD_NAMES)}`;
    const file = `${original}${rng.pick(UPLOAD_EXTENSIONS)}`;
    const base = `/upload/communecter/organizations/${id}`;
    changes.set('profilImageUrl', `${base}/${file}`);
    changes.set('profilMediumImageUrl', `${base}/medium/${file}`);
    changes.set('profilThumbImageUrl', `${base}/thumb/${original}.webp`);
  }
  return withChanges(doc, changes);
}

/**
 * Rewrites a generated recurring event into the 2026 agenda form (§15b item 13): `openingHours` as
 * seven Monday-first slots with "" for days without hours, `startDateSort` as a PHP DateTime object
 * in the event's zone, `startDateSortFormat` with that zone's offset. Still no startDate/endDate.
 * @param {Record<string, any>} doc the stored document (modified in place)
 */
export function recurringEventTo2026(doc) {
  const zone = typeof doc.timeZone === 'string' ? doc.timeZone : 'Europe/Paris';
  const slots = WEEK_SLOTS.map(() => '');
  for (const slot of doc.openingHours) {
    const index = WEEK_SLOTS.indexOf(slot.dayOfWeek);
    if (index >= 0) slots[index] = slot;
  }
  doc.openingHours = slots;
  const first = doc.startDateSort instanceof MongoDate ? doc.startDateSort.sec : null;
  if (first !== null) {
    doc.startDateSort = phpDateTimeObject(zone, first);
    doc.startDateSortFormat = isoWithOffset(zone, first);
  }
}
