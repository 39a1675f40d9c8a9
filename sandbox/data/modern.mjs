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
 * Rewrites one organisation into the 2026 form. Only fields change; the record keeps its id, name,
 * slug, tags, texts, links and lifecycle, so every search that reads those still finds it.
 * @param {Record<string, any>} doc the stored document (modified in place)
 * @param {import('../lib/prng.mjs').Random} rng the 2026 fork
 * @param {{ city: any, region: string, network: boolean }} context
 */
export function organizationTo2026(doc, rng, context) {
  const id = doc._id.$id;
  // Item 1: the raw sub-type stays in `type` (it always was stored there), one in six has none;
  // nothing stores `collection` or `typeSig`.
  if (rng.chance(1 / 6)) delete doc.type;
  delete doc.collection;
  delete doc.typeSig;

  // Item 2 (abroad): part of the Réunion network lives elsewhere in the Indian Ocean.
  const abroad = context.network && doc.address && rng.chance(1 / 3) ? rng.pick(ABROAD) : null;
  let position = positionOf(doc);
  if (abroad) {
    const address = { '@type': 'PostalAddress' };
    if (abroad.postalCode) address.postalCode = abroad.postalCode;
    address.addressLocality = abroad.locality;
    address.addressCountry = abroad.country;
    address.level1 = stableId(`zone:${abroad.country}`, 1488866000);
    address.level1Name = rng.pick(abroad.level1Names);
    doc.address = address;
    delete doc.addresses;
    position = { lat: abroad.lat + (rng.next() - 0.5) * 0.05, lng: abroad.lng + (rng.next() - 0.5) * 0.05 };
  }

  // Item 2: string coordinates with their trailing zeros; one in six without any position.
  delete doc.geo;
  delete doc.geoPosition;
  if (position && !rng.chance(1 / 6)) {
    const decimals = rng.int(4, 6);
    doc.geo = { '@type': 'GeoCoordinates', latitude: coordinateText(position.lat, decimals), longitude: coordinateText(position.lng, decimals) };
    doc.geoPosition = { type: 'Point', coordinates: [Number(doc.geo.longitude), Number(doc.geo.latitude)] };
  }

  const address = doc.address;
  if (address && !abroad) {
    // Item 12: the legacy {depName, regionName} form, without localityId or levels.
    if (rng.chance(1 / 8) && address.level4Name) {
      const { level3Name, level4Name } = address;
      for (const key of ['localityId', 'level1', 'level1Name', 'level3', 'level3Name', 'level4', 'level4Name']) delete address[key];
      address.depName = level4Name;
      address.regionName = level3Name;
    } else if (address.level1Name && context.region === 'reunion') {
      // Item 3: the territory's own name where the older records say "France".
      address.level1Name = 'Réunion';
    }
    // Item 12: "undefined" as an INSEE code, and La Poste's upper-case locality ("ST LOUIS").
    if (rng.chance(1 / 8)) address.codeInsee = 'undefined';
    if (rng.chance(1 / 8)) {
      const postal = context.city.seed.postalCodes.find((item) => item.postalCode === address.postalCode);
      address.addressLocality = postal?.name ?? address.addressLocality.toUpperCase();
    }
  }
  // Item 2: one in six without addressCountry.
  if (address && rng.chance(1 / 6)) delete address.addressCountry;

  // Item 5: several addresses in one `url` string.
  if (typeof doc.url === 'string' && rng.chance(1 / 4)) {
    const others = [`https://www.facebook.com/${doc.slug ?? id.slice(-8)}`];
    if (rng.chance(0.3)) others.push(`https://www.helloasso.com/associations/${(doc.slug ?? id.slice(-8)).toLowerCase()}`);
    doc.url = [doc.url, ...others].join(' ; ');
  }

  // Item 4: a timestamped original file name, thumbnails in .webp; one in four without any image.
  for (const key of ['profilImageUrl', 'profilMediumImageUrl', 'profilThumbImageUrl', 'profilMarkerImageUrl', 'profilBannerUrl']) delete doc[key];
  if (!rng.chance(1 / 4)) {
    const stamp = (doc.updated ?? doc.created ?? 1600000000) - rng.int(0, 86400 * 30);
    const original = `${stamp}_${rng.pick(UPLOAD_NAMES)}`;
    const file = `${original}${rng.pick(UPLOAD_EXTENSIONS)}`;
    const base = `/upload/communecter/organizations/${id}`;
    doc.profilImageUrl = `${base}/${file}`;
    doc.profilMediumImageUrl = `${base}/medium/${file}`;
    doc.profilThumbImageUrl = `${base}/thumb/${original}.webp`;
  }
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
