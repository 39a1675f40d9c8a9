// The map's size knob: scopes of exactly N located places (N = 100 … 100,000), spread over communes the
// way a regional portal or an Indian Ocean network sees them, with every coordinate shape of contract
// §15b and issue 9. They live in their own store, built on the first search that names one of their
// source keys, so the main data (ids, counts, answers) is untouched whatever the knob is asked.
//
//   sourceKey[]=carte-{N}                 Hauts-de-France 35 %, La Réunion 30 %, Île-de-France 25 %,
//                                         Madagascar 7 %, Mauritius 3 %
//   sourceKey[]=carte-ocean-indien-{N}    La Réunion 60 %, Madagascar 30 %, Mauritius 10 %
//
// N ∈ MAP_SIZES. The scopes nest: the places of carte-1000 are the first 1,000 located places of
// carte-100000 (same ids, same documents). Besides its N located places, a scope holds one place
// without a usable position for every 49 located ones (missing, (0, 0), out of range, empty strings,
// null), so `located` is exactly N and `total` is N + floor(N / 49).
import { createIdFactory, createRandom, stableId } from '../lib/prng.mjs';
import { MongoDate, MongoId } from '../lib/php.mjs';
import { DAY } from '../lib/dates.mjs';
import { foldForSearch, slugify } from '../lib/text.mjs';
import { buildGeography } from './places.mjs';
import { withDe } from './french.mjs';
import * as W from './words.mjs';

export const MAP_SIZES = [100, 1000, 10000, 50000, 100000];

/** Region weights per family of scopes. */
export const MAP_FAMILIES = {
  carte: [['hdf', 35], ['reunion', 30], ['idf', 25], ['MG', 7], ['MU', 3]],
  'carte-ocean-indien': [['reunion', 60], ['MG', 30], ['MU', 10]],
};

/** One place in UNLOCATED_EVERY is generated without a usable position. */
export const UNLOCATED_EVERY = 50;

const KEY_PATTERN = /^(carte|carte-ocean-indien)-(\d+)$/;

/**
 * "carte-10000" → { family: "carte", size: 10000 }; null for anything else (sizes outside MAP_SIZES too).
 * @param {unknown} key
 */
export function parseMapKey(key) {
  const match = typeof key === 'string' ? KEY_PATTERN.exec(key) : null;
  if (!match) return null;
  const size = Number(match[2]);
  return MAP_SIZES.includes(size) ? { family: match[1], size } : null;
}

/** Places abroad (§15b items 2, 3): no localityId or INSEE, level1 a placeholder, level1Name the territory's own. */
const ABROAD = {
  MG: {
    centre: { lat: -19.2, lng: 46.8 },
    level1Names: ['Madagasikara', 'Madagascar'],
    towns: [
      ['Antananarivo', '101', -18.8792, 47.5079, 8], ['Toamasina', '501', -18.1443, 49.3958, 3], ['Antsirabe', '110', -19.8659, 47.0333, 3],
      ['Mahajanga', '401', -15.7167, 46.3167, 2], ['Fianarantsoa', '301', -21.4527, 47.0857, 2], ['Toliara', '601', -23.3568, 43.6917, 1],
      ['Antsiranana', '201', -12.2787, 49.2917, 1], ['Morondava', '619', -20.2833, 44.2833, 1],
    ],
  },
  MU: {
    centre: { lat: -20.28, lng: 57.57 },
    level1Names: ['Mauritius', 'Maurice'],
    towns: [
      ['Port Louis', '11328', -20.1609, 57.5012, 4], ['Curepipe', '74213', -20.3162, 57.5166, 2], ['Quatre Bornes', '72201', -20.2654, 57.4791, 2],
      ['Vacoas', '73304', -20.2981, 57.4783, 2], ['Mahébourg', '50802', -20.4081, 57.7, 1], ['Grand Baie', '30510', -20.0182, 57.5802, 1],
    ],
  },
};

/** Inland points coastal places are pushed towards, so that few places land in the sea. */
const INLAND = { reunion: { lat: -21.13, lng: 55.53 }, hdf: { lat: 50.2, lng: 2.8 } };
const COASTAL_HDF = new Set(['59183', '62193', '62160', '80001']);

const TYPE_WEIGHTS = [['organizations', 72], ['poi', 12], ['projects', 10], ['events', 6]];
const ORG_TYPES = [['NGO', 50], ['LocalBusiness', 16], ['Cooperative', 9], ['Group', 8], ['GovernmentOrganization', 4], [null, 13]];
const NAME_HEADS = {
  NGO: ['Association', 'Collectif', 'Les Amis', 'Amicale', 'Compagnie'],
  LocalBusiness: ['Atelier', 'Épicerie', 'Café', 'Librairie', 'Boutique'],
  Cooperative: ['Coopérative', 'SCIC', 'SCOP'],
  Group: ['Groupe', 'Club', 'Réseau'],
  GovernmentOrganization: ['Médiathèque', 'Centre social', 'Maison France Services'],
  null: ['Tiers-lieu', 'Fablab', 'Repair café'],
  projects: ['Projet', 'Chantier participatif', 'Programme'],
  events: ['Rencontre', 'Atelier', 'Marché', 'Fête'],
};

/** Located shapes (weights), then the unlocated ones, cycled through in order. */
const LOCATED_SHAPES = [
  ['trailingZeros', 34], ['strings', 22], ['numbers', 8], ['comma', 6], ['positionOnly', 8], ['geoPoint', 8], ['untyped', 6], ['stringsOnly', 8],
];
export const UNLOCATED_SHAPES = ['missing', 'zero', 'latitudeOutOfRange', 'longitudeOutOfRange', 'emptyStrings', 'zeroPosition', 'nullGeo'];

/** "-21.1151200": rounded to 4–6 decimals, written with 7 (§15b item 2). */
const trailingZeros = (value, decimals) => (Math.round(value * 10 ** decimals) / 10 ** decimals).toFixed(7);

/**
 * Writes a position in one of the shapes (or a non-position) onto a document.
 * @param {Record<string, any>} doc
 * @param {string} shape
 */
export function writePosition(doc, shape, lat, lng, rng) {
  const digits = rng.int(4, 7);
  const latText = lat.toFixed(digits);
  const lngText = lng.toFixed(digits);
  const point = (a, b) => ({ type: 'Point', coordinates: [a, b] });
  switch (shape) {
    case 'trailingZeros': {
      const decimals = rng.int(4, 6);
      doc.geo = { '@type': 'GeoCoordinates', latitude: trailingZeros(lat, decimals), longitude: trailingZeros(lng, decimals) };
      doc.geoPosition = point(Number(doc.geo.longitude), Number(doc.geo.latitude));
      break;
    }
    case 'strings': doc.geo = { '@type': 'GeoCoordinates', latitude: latText, longitude: lngText }; doc.geoPosition = { ...point(Number(lngText), Number(latText)), float: true }; break;
    case 'numbers': doc.geo = { '@type': 'GeoCoordinates', latitude: Number(latText), longitude: Number(lngText) }; doc.geoPosition = point(Number(lngText), Number(latText)); break;
    case 'comma': doc.geo = { '@type': 'GeoCoordinates', latitude: latText.replace('.', ','), longitude: lngText.replace('.', ',') }; break;
    case 'positionOnly': doc.geoPosition = point(Number(lngText), Number(latText)); break;
    // §15b item 11: `geo` as a GeoJSON point with string coordinates, [lng, lat].
    case 'geoPoint': doc.geo = point(lngText, latText); break;
    case 'untyped': doc.geo = { latitude: latText, longitude: lngText }; doc.geoPosition = point(Number(lngText), Number(latText)); break;
    case 'stringsOnly': doc.geo = { '@type': 'GeoCoordinates', latitude: latText, longitude: lngText }; break;
    case 'zero': doc.geo = { '@type': 'GeoCoordinates', latitude: '0', longitude: '0' }; doc.geoPosition = point(0, 0); break;
    case 'latitudeOutOfRange': doc.geo = { '@type': 'GeoCoordinates', latitude: (lat + Math.sign(lat) * 90).toFixed(5), longitude: lngText }; doc.geoPosition = point(Number(lngText), Number((lat + Math.sign(lat) * 90).toFixed(5))); break;
    case 'longitudeOutOfRange': doc.geo = { '@type': 'GeoCoordinates', latitude: latText, longitude: (lng + 180).toFixed(5) }; break;
    case 'emptyStrings': doc.geo = { '@type': 'GeoCoordinates', latitude: '', longitude: '' }; break;
    case 'zeroPosition': doc.geoPosition = point(0, 0); break;
    case 'nullGeo': doc.geo = null; break;
    default: break; // missing: no geo, no geoPosition
  }
}

/** Offset around a town: most places close (Rayleigh radius), some in the countryside; coastal towns keep them inland. */
function spread(rng, town, inland, rural) {
  const sigma = rng.chance(0.2) ? rural : 0.018;
  const radius = sigma * Math.sqrt(-2 * Math.log(1 - rng.next()));
  const angle = rng.next() * 2 * Math.PI;
  // Longitude degrees shrink with latitude: keep the cloud round on the ground.
  let dLat = radius * Math.sin(angle);
  let dLng = (radius * Math.cos(angle)) / Math.cos((town.lat * Math.PI) / 180);
  if (inland) {
    const uLat = inland.lat - town.lat;
    const uLng = inland.lng - town.lng;
    const norm = Math.hypot(uLat, uLng) || 1;
    const along = (dLat * uLat + dLng * uLng) / norm;
    // Mirror the seaward half onto the land side.
    if (along < 0) {
      dLat -= (2 * along * uLat) / norm;
      dLng -= (2 * along * uLng) / norm;
    }
  }
  return { lat: town.lat + dLat, lng: town.lng + dLng };
}

/**
 * Builds the store of one family, large enough for `size`: the same shape as generateData()'s answer
 * (collections, byId, nowSec…), so the search route runs on it unchanged.
 * @param {{ seed: string, now: Date, family: keyof typeof MAP_FAMILIES, size: number }} options
 */
export function generateMapPlaces({ seed, now, family, size }) {
  const nowSec = Math.floor(now.getTime() / 1000);
  const random = createRandom(`sandbox:${seed}/map:${family}`);
  const newId = createIdFactory(random.fork('ids'));
  const rng = random.fork('places');
  const geography = buildGeography();
  if (!MAP_SIZES.includes(size)) throw new RangeError(`size must be one of ${MAP_SIZES.join(', ')} (got ${size})`);
  const regionWeights = MAP_FAMILIES[family];
  const townWeights = Object.fromEntries(Object.entries(geography.citiesByRegion).map(([region, cities]) => [
    region,
    cities.map((city) => [city, 1 + city.seed.postalCodes.length * 2 + city.seed.quarters.length]),
  ]));
  const abroadTowns = Object.fromEntries(Object.entries(ABROAD).map(([country, info]) => [
    country,
    info.towns.map(([name, postalCode, lat, lng, weight]) => [{ name, postalCode, lat, lng }, weight]),
  ]));
  const level1Ids = Object.fromEntries(Object.keys(ABROAD).map((country) => [country, stableId(`map-level1:${country}`, 1488866000)]));

  /** @type {Record<string, import('./generate.mjs').Entry[]>} */
  const collections = { organizations: [], events: [], projects: [], poi: [], classifieds: [], ressources: [], citoyens: [], cities: [], zones: [] };
  const byId = new Map();
  const organizations = [];
  let order = 0;
  let located = 0;
  const largest = size;

  for (let index = 0; located < largest; index++) {
    const unlocated = index % UNLOCATED_EVERY === UNLOCATED_EVERY - 1;
    // A scope holds its located places and the unlocated ones generated among them. Every size is
    // listed whatever size is being built, so a place is the same document in every build.
    const keys = [family, ...MAP_SIZES.filter((candidate) => located < candidate).map((candidate) => `${family}-${candidate}`)];
    const region = rng.weighted(regionWeights);
    const col = rng.weighted(TYPE_WEIGHTS);
    const theme = rng.pick(W.THEMES);
    const created = nowSec - rng.int(2 * DAY, 6 * 365 * DAY);
    const updated = Math.min(nowSec - 600, created + rng.int(0, nowSec - created));
    const id = newId(created);
    let subtype = null;
    let head;
    if (col === 'organizations') {
      subtype = rng.weighted(ORG_TYPES);
      head = rng.pick(NAME_HEADS[String(subtype)]);
    } else if (col === 'poi') {
      subtype = rng.pick(W.POI_TYPES);
    } else {
      head = rng.pick(NAME_HEADS[col]);
    }

    let town;
    let address;
    let inland = null;
    let rural = 0.06;
    if (region === 'MG' || region === 'MU') {
      const place = rng.weighted(abroadTowns[region]);
      town = place;
      inland = ABROAD[region].centre;
      rural = region === 'MU' ? 0.04 : 0.1;
      address = { '@type': 'PostalAddress', addressLocality: place.name, level1: level1Ids[region], level1Name: rng.pick(ABROAD[region].level1Names) };
      if (rng.chance(0.8)) address.addressCountry = region;
      if (rng.chance(0.6)) address.postalCode = place.postalCode;
    } else {
      const city = rng.weighted(townWeights[region]);
      town = { name: city.seed.name, lat: city.seed.lat, lng: city.seed.lng };
      if (region === 'reunion') { inland = INLAND.reunion; rural = 0.035; }
      if (region === 'hdf' && COASTAL_HDF.has(city.seed.insee)) inland = INLAND.hdf;
      const postal = rng.chance(0.75) ? city.seed.postalCodes[0] : rng.pick(city.seed.postalCodes);
      address = {
        '@type': 'PostalAddress', codeInsee: city.seed.insee, addressCountry: city.country, postalCode: postal.postalCode, addressLocality: city.seed.name,
        localityId: city.id, level1: city.level1.id, level1Name: city.level1.name, level3: city.level3.id, level3Name: city.level3.name,
        level4: city.level4.id, level4Name: city.level4.name,
      };
      if (rng.chance(0.85)) address.streetAddress = `${rng.int(1, 180)} ${rng.pick(W.STREETS)}`;
    }
    const word = rng.pick(region === 'reunion' ? W.REUNION_WORDS : W.GENERIC_WORDS);
    const name = col === 'poi'
      ? `${rng.pick(W.POI_NAME_PATTERNS[subtype]).replace(/ ?(de |à )?\{\w+\}/g, '')} ${word} ${withDe(town.name)}`.replace(/\s+/g, ' ').trim()
      : `${head} ${word} ${withDe(town.name)}`;
    const slug = `${slugify(name)}${index.toString(36)}`;
    const doc = { _id: new MongoId(id), name };
    if (subtype !== null) doc.type = subtype;
    doc.slug = slug;
    if (rng.chance(0.7)) doc.shortDescription = `${theme.label[0].toUpperCase()}${theme.label.slice(1)} ${withDe(town.name)}.`;
    doc.tags = theme.tags.slice(0, rng.int(1, theme.tags.length));
    doc.address = address;
    const position = spread(rng, town, inland, rural);
    const shape = unlocated ? UNLOCATED_SHAPES[Math.floor(index / UNLOCATED_EVERY) % UNLOCATED_SHAPES.length] : rng.weighted(LOCATED_SHAPES);
    writePosition(doc, shape, position.lat, position.lng, rng);
    if (col === 'events') {
      const start = nowSec + rng.int(-20, 120) * DAY + rng.pick([9, 14, 18]) * 3600;
      doc.startDate = new MongoDate(start);
      doc.endDate = new MongoDate(start + rng.pick([2, 3, 4]) * 3600);
      doc.timeZone = region === 'hdf' || region === 'idf' ? 'Europe/Paris' : region === 'reunion' ? 'Indian/Reunion' : region === 'MG' ? 'Indian/Antananarivo' : 'Indian/Mauritius';
      doc.public = true;
      const organizer = organizations.length ? rng.pick(organizations) : null;
      if (organizer) {
        doc.organizerId = organizer.id;
        doc.organizerType = 'organizations';
      }
    }
    if (col === 'poi' && organizations.length && rng.chance(0.6)) {
      doc.parentId = rng.pick(organizations).id;
      doc.parentType = 'organizations';
    }
    if (rng.chance(0.6)) {
      const base = `/upload/communecter/${col}/${id}`;
      doc.profilImageUrl = `${base}/logo.png`;
      doc.profilThumbImageUrl = `${base}/thumb/profil-resized.png`;
      doc.profilMediumImageUrl = `${base}/medium/logo.png`;
    }
    doc.source = { insertOrign: 'network', key: family, keys };
    doc.preferences = { isOpenData: true, isOpenEdition: false };
    doc.created = created;
    doc.updated = updated;
    if (col !== 'organizations') doc.collection = col;
    /** @type {import('./generate.mjs').Entry} */
    const entry = {
      id, col, doc, name: foldForSearch(name), slug: foldForSearch(slug), short: foldForSearch(doc.shortDescription ?? null),
      tags: doc.tags, visible: true, order: order++,
      // Organisations of the knob are stored and answered in the 2026 form (raw document, §15b).
      modern: col === 'organizations',
    };
    collections[col].push(entry);
    byId.set(id, entry);
    if (col === 'organizations') organizations.push(entry);
    if (!unlocated) located++;
  }
  const counts = Object.fromEntries(Object.entries(collections).map(([name, entries]) => [name, entries.length]));
  // scanCache and fragmentLimit: the search route keeps each scan's matches and every encoded answer
  // (fields[] ones included) for this store, so paging 100,000 places stays linear (routes/search.mjs).
  return { collections, byId, slugs: new Map(), hostileCases: [], nowSec, geography, counts, sortCache: new Map(), scanCache: new Map(), fragmentLimit: 450_000, family, size: largest };
}
