// The seeded generator: builds every collection the platform exposes as raw Mongo-shaped documents,
// with the real network's mess (string coordinates, missing fields, odd tags, legacy records), plus the
// search indexes (folded names, slugs, descriptions and tags) that keep a 100,000-element search fast.
import { createIdFactory, createRandom } from '../lib/prng.mjs';
import { MongoDate, MongoId } from '../lib/php.mjs';
import { DAY, zonedParts, zonedToUnix } from '../lib/dates.mjs';
import { foldForSearch, slugify } from '../lib/text.mjs';
import { buildGeography, REGION_INFO } from './places.mjs';
import * as W from './words.mjs';
import { buildHostileRecords } from './hostile.mjs';
import { capitalize, frenchArticles, withA, withArticle, withDe } from './french.mjs';
import { NETWORK_2026_SHARE, ORG_2026_SHARE, RECURRING_2026_SHARE, organizationTo2026, recurringEventTo2026 } from './modern.mjs';
import { generateMarket } from './market.mjs';

/** Share of `size` per collection; ressources take the remainder. */
const PROPORTIONS = { organizations: 0.4, events: 0.25, projects: 0.08, poi: 0.1, classifieds: 0.12 };
const REGION_WEIGHTS = [['reunion', 50], ['hdf', 25], ['idf', 25]];
const ORG_TYPE_WEIGHTS = [['NGO', 55], ['LocalBusiness', 16], ['Group', 12], ['GovernmentOrganization', 7], ['Cooperative', 10]];
const DAY_CODES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/**
 * Maps keyed by element ids (links, organizer) start in dictionary mode: as ordinary literals every
 * distinct set of random keys would mint a new hidden class, which made generation GC-bound.
 */
const idMap = () => Object.create(null);

/** Network / costum source keys seeded in the data (note the platform's keys are case-sensitive). */
export const SOURCE_KEYS = { thirdPlacesHdf: 'tierslieuxhdf', bulkShopsIdf: 'reseauvracidf', reunionThirdPlaces: 'LaReunionDesTiersLieux' };

/**
 * @typedef {object} Entry an element plus what the search engine precomputes about it
 * @property {string} id
 * @property {string} col collection name
 * @property {Record<string, any>} doc the raw document, as the database holds it
 * @property {string | null} name name folded for search (null when the name is not a string)
 * @property {string | null} slug slug folded for search
 * @property {string | null} short shortDescription folded for search
 * @property {string[]} tags tags folded for search (strings only, whitespace kept: "^tag$" must still fail on " tag ")
 * @property {boolean} visible not uncomplete/deleted, not private
 * @property {number} order insertion order (Mongo's natural order)
 * @property {boolean} modern stored in the 2026 form of contract §15b (see data/modern.mjs)
 */

/**
 * @param {{ seed: string, size: number, now: Date, hostile: boolean }} options
 */
export function generateData(options) {
  const nowSec = Math.floor(options.now.getTime() / 1000);
  const random = createRandom(`sandbox:${options.seed}`);
  const newId = createIdFactory(random.fork('ids'));
  const geography = buildGeography();
  const usedSlugs = new Set();

  /** @type {Record<string, Entry[]>} */
  const collections = { organizations: [], events: [], projects: [], poi: [], classifieds: [], ressources: [], citoyens: [], cities: [], zones: [] };
  /** @type {Map<string, Entry>} */
  const byId = new Map();
  /** @type {Map<string, { id: string, type: string }>} */
  const slugs = new Map();
  let order = 0;

  /** Tags and short descriptions repeat a lot: fold each distinct one once. */
  const foldCache = new Map();
  const foldRepeated = (value) => {
    if (typeof value !== 'string') return null;
    let folded = foldCache.get(value);
    if (folded === undefined) foldCache.set(value, (folded = foldForSearch(value)));
    return folded;
  };

  const addEntry = (col, doc) => {
    const id = doc._id.$id;
    const tags = Array.isArray(doc.tags) ? doc.tags.filter((tag) => typeof tag === 'string').map(foldRepeated) : [];
    /** @type {Entry} */
    const entry = {
      id,
      col,
      doc,
      name: foldForSearch(doc.name),
      slug: foldForSearch(doc.slug),
      short: foldRepeated(doc.shortDescription),
      tags,
      visible: doc.state !== 'uncomplete' && doc.state !== 'deleted' && doc.preferences?.private !== true,
      order: order++,
      modern: false,
    };
    collections[col].push(entry);
    byId.set(id, entry);
    if (typeof doc.slug === 'string' && !slugs.has(doc.slug)) slugs.set(doc.slug, { id, type: col });
    return entry;
  };

  /** Slugs are unique across collections; repeats get a numeric suffix, like the platform's. */
  const nextSuffix = new Map();
  const uniqueSlug = (name) => {
    const base = slugify(name);
    let slug = base;
    let suffix = nextSuffix.get(base) ?? 2;
    while (usedSlugs.has(slug)) slug = `${base}${suffix++}`;
    nextSuffix.set(base, suffix);
    usedSlugs.add(slug);
    return slug;
  };

  // ---- reference data: zones and cities -------------------------------------------------------
  for (const zone of geography.zones) {
    const doc = { _id: new MongoId(zone.id), name: zone.name, level: [zone.level], countryCode: zone.countryCode };
    const parent = zone.parent && geography.zonesByKey.get(zone.parent);
    if (zone.level !== '1') {
      const country = geography.zonesByKey.get('FR');
      doc.level1 = country.id;
      doc.level1Name = country.name;
    }
    if (zone.level === '4' && parent) {
      doc.level3 = parent.id;
      doc.level3Name = parent.name;
    }
    addEntry('zones', doc);
  }
  for (const city of geography.cities) {
    const { seed } = city;
    const geoOf = (lat, lng) => ({ '@type': 'GeoCoordinates', latitude: String(lat), longitude: String(lng) });
    const doc = {
      _id: new MongoId(city.id),
      name: seed.name,
      alternateName: seed.name.toUpperCase(),
      insee: seed.insee,
      country: city.country,
      geo: geoOf(seed.lat, seed.lng),
      geoPosition: { type: 'Point', float: true, coordinates: [seed.lng, seed.lat] },
      postalCodes: seed.postalCodes.map((postal) => ({
        postalCode: postal.postalCode,
        name: postal.name,
        geo: geoOf(postal.lat ?? seed.lat, postal.lng ?? seed.lng),
        geoPosition: { type: 'Point', float: true, coordinates: [postal.lng ?? seed.lng, postal.lat ?? seed.lat] },
      })),
      level1: city.level1.id,
      level1Name: city.level1.name,
      level3: city.level3.id,
      level3Name: city.level3.name,
      level4: city.level4.id,
      level4Name: city.level4.name,
    };
    addEntry('cities', doc);
  }

  // ---- shared helpers ---------------------------------------------------------------------------
  /**
   * Patterns are split into literal and {placeholder} parts once; "de {city}" and "à {city}" get French
   * elision. fill() then applies elision and contraction to the whole text (french.mjs), so a quarter or a
   * theme that starts with a vowel or an article reads right wherever a pattern puts it.
   */
  const templates = new Map();
  const templateOf = (pattern) => {
    let parts = templates.get(pattern);
    if (!parts) {
      const prepared = pattern.replace(/\b(de|à) \{city\}/g, (_, word) => (word === 'de' ? '{deCity}' : '{aCity}'));
      parts = prepared.split(/\{(\w+)\}/).map((part, index) => (index % 2 ? { key: part } : part));
      templates.set(pattern, parts);
    }
    return parts;
  };
  const placeholder = (key, context, rng) => {
    switch (key) {
      case 'deCity': return withDe(context.city.seed.name);
      case 'aCity': return withA(context.city.seed.name);
      case 'word': return context.word ?? rng.pick(context.region === 'reunion' ? W.REUNION_WORDS : W.GENERIC_WORDS);
      case 'word2': return rng.pick(W.GENERIC_WORDS);
      case 'city': return context.city.seed.name;
      case 'quarter': return context.quarter ?? rng.pick(context.city.seed.quarters);
      case 'theme': return context.theme.label;
      case 'Theme': return capitalize(context.theme.label);
      case 'leTheme': return withArticle(context.theme.label, W.FEMININE_THEMES.has(context.theme.label) ? 'f' : 'm');
      case 'sport': return rng.pick(W.SPORTS);
      case 'surname': return rng.pick(W.LAST_NAMES);
      case 'org': return context.orgName ?? rng.pick(W.GENERIC_WORDS);
      case 'project': return context.projectName ?? `projet ${rng.pick(W.GENERIC_WORDS)}`;
      case 'month': return W.MONTHS_FR[context.month ?? rng.int(0, 11)];
      case 'year': return String(context.year ?? rng.int(2008, 2022));
      default: return key;
    }
  };
  const fill = (pattern, context, rng) => {
    let out = '';
    for (const part of templateOf(pattern)) out += typeof part === 'string' ? part : placeholder(part.key, context, rng);
    return frenchArticles(out);
  };

  const pickCity = (rng, region) => rng.pick(geography.citiesByRegion[region]);

  /** created/updated timestamps: old records exist, most were touched in the last two years. */
  const makeTimes = (rng) => {
    const created = nowSec - rng.int(2 * DAY, 7 * 365 * DAY);
    const recent = rng.chance(0.7);
    const span = nowSec - created;
    const updated = recent ? nowSec - rng.int(3600, Math.min(span, 120 * DAY)) : created + rng.int(0, span);
    return { created, updated: Math.max(created, updated) };
  };

  const makeAddress = (rng, city, { legacy = false } = {}) => {
    const postal = rng.chance(0.75) ? city.seed.postalCodes[0] : rng.pick(city.seed.postalCodes);
    const address = { '@type': 'PostalAddress', codeInsee: city.seed.insee, addressCountry: city.country, postalCode: postal.postalCode, addressLocality: city.seed.name };
    if (rng.chance(0.9)) address.streetAddress = `${rng.int(1, 180)} ${rng.pick(W.STREETS)}`;
    if (!legacy) {
      Object.assign(address, {
        localityId: city.id,
        level1: city.level1.id,
        level1Name: city.level1.name,
        level3: city.level3.id,
        level3Name: city.level3.name,
        level4: city.level4.id,
        level4Name: city.level4.name,
      });
    }
    return { address, postal };
  };

  /** The real data's coordinate mess: strings mostly, numbers sometimes, a French comma, or nothing. */
  const addPosition = (doc, rng, city, postal) => {
    const lat = (postal?.lat ?? city.seed.lat) + (rng.next() - 0.5) * 0.03;
    const lng = (postal?.lng ?? city.seed.lng) + (rng.next() - 0.5) * 0.03;
    const digits = rng.int(4, 7);
    const latText = lat.toFixed(digits);
    const lngText = lng.toFixed(digits);
    const geoPosition = { type: 'Point', coordinates: [Number(lngText), Number(latText)] };
    if (rng.chance(0.3)) geoPosition.float = true;
    const kind = rng.weighted([['strings', 80], ['numbers', 5], ['stringsOnly', 3], ['comma', 2], ['none', 5], ['positionOnly', 2], ['untyped', 3]]);
    switch (kind) {
      case 'strings': doc.geo = { '@type': 'GeoCoordinates', latitude: latText, longitude: lngText }; doc.geoPosition = geoPosition; break;
      case 'numbers': doc.geo = { '@type': 'GeoCoordinates', latitude: Number(latText), longitude: Number(lngText) }; doc.geoPosition = geoPosition; break;
      case 'stringsOnly': doc.geo = { '@type': 'GeoCoordinates', latitude: latText, longitude: lngText }; break;
      case 'comma': doc.geo = { '@type': 'GeoCoordinates', latitude: latText.replace('.', ','), longitude: lngText.replace('.', ',') }; break;
      case 'positionOnly': doc.geoPosition = geoPosition; break;
      case 'untyped': doc.geo = { latitude: latText, longitude: lngText }; doc.geoPosition = geoPosition; break;
      default: break;
    }
  };

  /** Tags with the folksonomy's noise: stray spaces, case variants, duplicates, zero-width characters. */
  const messTags = (rng, tags) => {
    const out = [...new Set(tags)];
    if (out.length === 0) return out;
    const index = rng.int(0, out.length - 1);
    const roll = rng.next();
    if (roll < 0.04) out[index] = ` ${out[index]} `;
    else if (roll < 0.1) out[index] = out[index].replace(/(^|lieux|dechet|cafe|lab)(\w)/g, (_, a, b) => a + b.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase());
    else if (roll < 0.13) out.push(out[index]);
    else if (roll < 0.14) out[index] = `${out[index].slice(0, 3)}\u200b${out[index].slice(3)}`;
    return out;
  };

  const IMAGE_FILES = ['logo.png', 'photo.jpg', 'affiche.jpg', 'IMG_2034.JPG', 'logo-asso.png', 'Capture d’écran 2019-03-02 à 10.15.32.png', 'banniere.jpeg', 'image.webp'];
  const addImages = (doc, rng, col, id, updated) => {
    const kind = rng.weighted([['relative', 62], ['absolute', 5], ['broken', 2], ['none', 31]]);
    if (kind === 'none') return;
    const file = rng.pick(IMAGE_FILES);
    if (kind === 'absolute') {
      const base = rng.chance(0.5) ? `https://www.communecter.org/upload/communecter/${col}/${id}` : `https://images.example.org/${col}/${id}`;
      doc.profilImageUrl = `${base}/${encodeURI(file)}`;
      doc.profilMediumImageUrl = `${base}/medium/${encodeURI(file)}`;
      doc.profilThumbImageUrl = `${base}/thumb/profil-resized.png`;
      return;
    }
    if (kind === 'broken') {
      doc.profilImageUrl = `/upload/communecter/${col}/null/${file}`;
      doc.profilThumbImageUrl = `/upload/communecter/${col}/null/thumb/profil-resized.png`;
      doc.profilMarkerImageUrl = `/upload/communecter/${col}/null/thumb/profil-marker.png`;
      return;
    }
    const base = `/upload/communecter/${col}/${id}`;
    doc.profilImageUrl = `${base}/${file}`;
    doc.profilThumbImageUrl = `${base}/thumb/profil-resized.png${rng.chance(0.5) ? `?t=${updated}` : ''}`;
    doc.profilMarkerImageUrl = `${base}/thumb/profil-marker.png`;
    doc.profilMediumImageUrl = `${base}/medium/${file}`;
    if (rng.chance(0.15)) doc.profilBannerUrl = `${base}/banner/banniere.jpeg`;
  };

  /** "collectifReemploiSaintLeu" → "collectif-reemploi-saint.re": the first words of the slug, kebab-cased. */
  const domainOf = (slug, region) => {
    const words = slug.replace(/\d+$/, '').split(/(?=[A-Z])/).map((word) => word.toLowerCase()).filter((word) => !['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'a'].includes(word));
    const tld = REGION_INFO[region].tld === 're' && slug.length % 3 === 0 ? 'org' : REGION_INFO[region].tld;
    return `${words.slice(0, 3).join('-') || 'asso'}.${tld}`;
  };

  const phoneNumber = (rng, prefix) => {
    const digits = `${prefix}${String(rng.int(0, 10 ** (10 - prefix.length) - 1)).padStart(10 - prefix.length, '0')}`;
    return digits.replace(/(\d{2})(?=\d)/g, '$1 ').trim();
  };

  const makeContact = (rng, slug, region) => {
    const contact = {};
    const domain = domainOf(slug, region);
    if (rng.chance(0.7)) contact.email = rng.chance(0.8) ? `contact@${domain}` : `${slug.toLowerCase().slice(0, 12)}@gmail.com`;
    const urlKind = rng.weighted([['https', 45], ['http', 8], ['bare', 8], ['facebook', 5], ['none', 34]]);
    if (urlKind === 'https') contact.url = `https://www.${domain}`;
    else if (urlKind === 'http') contact.url = `http://${domain}/`;
    else if (urlKind === 'bare') contact.url = `www.${domain}`;
    else if (urlKind === 'facebook') contact.url = `https://www.facebook.com/${slug}`;
    if (rng.chance(0.55)) {
      const info = REGION_INFO[region];
      const telephone = {};
      if (rng.chance(0.7)) telephone.fixe = [phoneNumber(rng, info.phonePrefix)];
      if (rng.chance(0.6)) telephone.mobile = [phoneNumber(rng, rng.pick(info.mobilePrefix))];
      if (rng.chance(0.05)) telephone.fax = [phoneNumber(rng, info.phonePrefix)];
      if (Object.keys(telephone).length) contact.telephone = telephone;
    }
    if (rng.chance(0.3)) {
      const network = {};
      if (rng.chance(0.8)) network.facebook = `https://www.facebook.com/${slug}`;
      if (rng.chance(0.4)) network.instagram = `https://www.instagram.com/${slug.toLowerCase()}`;
      if (rng.chance(0.2)) network.twitter = `https://twitter.com/${slug.slice(0, 15)}`;
      if (rng.chance(0.08)) network.mastodon = `https://mastodon.social/@${slug.slice(0, 15)}`;
      contact.socialNetwork = network;
    }
    return contact;
  };

  /**
   * Markdown by default; legacy HTML (descriptionHTML: true) and entity-laden text on some records.
   * Bodies are pooled per kind, city and theme (a few variants each): at 100,000 elements, writing
   * every one afresh cost a second and tens of megabytes for text nobody compares.
   */
  const descriptionPool = new Map();
  const POOL_VARIANTS = 4;
  const addDescription = (doc, rng, context, url) => {
    const kind = rng.weighted([['markdown', 68], ['html', 14], ['plain', 12], ['none', 6]]);
    if (kind === 'none') return;
    // Nested maps keyed by the city and theme objects: no key string to build on this hot path.
    let byTheme = descriptionPool.get(context.city);
    if (!byTheme) descriptionPool.set(context.city, (byTheme = new Map()));
    let byKind = byTheme.get(context.theme);
    if (!byKind) byTheme.set(context.theme, (byKind = { markdown: [], html: [], plain: [] }));
    const variants = byKind[kind];
    let body;
    if (variants.length < POOL_VARIANTS) {
      const sentences = () => rng.sample(W.SENTENCES, rng.int(2, 4)).map((sentence) => fill(sentence, context, rng)).join(' ');
      const items = () => rng.sample(W.LIST_ITEMS, rng.int(2, 4));
      if (kind === 'plain') body = sentences().replace(/’/g, '&#039;');
      else if (kind === 'html') body = `<p>${sentences().replace(/é/g, '&eacute;').replace(/’/g, '&#039;')}</p><ul>${items().map((item) => `<li>${item}</li>`).join('')}</ul>`;
      else body = `## ${rng.pick(W.HEADINGS)}\n${sentences()}\n\n${items().map((item) => `- ${item}`).join('\n')}\n\n${rng.chance(0.5) ? `### ${rng.pick(W.HEADINGS)}\n${sentences()}\n\n` : ''}`;
      variants.push(body);
    } else {
      body = rng.pick(variants);
    }
    if (kind === 'plain') {
      doc.description = body;
    } else if (kind === 'html') {
      doc.description = url ? `${body}<p><a href="${url}" target="_blank">Notre site</a> &amp; nos réseaux</p>` : body;
      doc.descriptionHTML = true;
    } else {
      doc.description = body + (url ? `Plus d'infos : [notre site](${url.startsWith('http') ? url : `https://${url}`})` : '**Entrée libre**, bienvenue à toutes et à tous.');
    }
  };

  const makePreferences = (rng) => {
    const preferences = { isOpenData: rng.chance(0.7), isOpenEdition: rng.chance(0.4) };
    if (rng.chance(0.015)) preferences.private = true;
    return preferences;
  };

  const lifecycle = (rng, doc, { canDisable = false } = {}) => {
    const roll = rng.next();
    if (roll < 0.01) doc.state = 'uncomplete';
    else if (roll < 0.015) doc.state = 'deleted';
    else if (canDisable && roll < 0.025) doc.disabled = true;
  };

  // Link values are shared frozen objects: at 100,000 elements the link maps dominate memory otherwise.
  const PERSON_LINK = Object.freeze({ type: 'citoyens' });
  const EVENT_LINK = Object.freeze({ type: 'events' });
  const ADMIN_LINK = Object.freeze({ type: 'citoyens', isAdmin: true });
  const linkMap = (persons, count, rng, extra) => {
    const map = idMap();
    for (const person of rng.sample(persons, count)) map[person.id] = extra && rng.chance(0.15) ? ADMIN_LINK : PERSON_LINK;
    return map;
  };

  // ---- persons (citoyens): members, followers, attendees, ad posters ------------------------------
  const personRandom = random.fork('persons');
  const personCount = Math.max(60, Math.round(options.size * 0.05));
  for (let index = 0; index < personCount; index++) {
    const rng = personRandom;
    const region = rng.weighted(REGION_WEIGHTS);
    const city = pickCity(rng, region);
    const times = makeTimes(rng);
    const first = rng.pick(W.FIRST_NAMES);
    const last = rng.pick(W.LAST_NAMES);
    const name = `${first} ${last}`;
    const id = newId(times.created);
    const slug = uniqueSlug(name);
    const { address, postal } = makeAddress(rng, city);
    const doc = { _id: new MongoId(id), name, username: slug.toLowerCase(), slug };
    addPosition(doc, rng, city, postal);
    doc.address = address;
    doc.created = times.created;
    doc.updated = times.updated;
    doc.preferences = { isOpenData: rng.chance(0.3), publicFields: rng.chance(0.4) ? ['locality'] : [] };
    if (rng.chance(0.05)) doc.roles = { tobeactivated: true };
    addImages(doc, rng, 'citoyens', id, times.updated);
    addEntry('citoyens', doc);
  }
  const persons = collections.citoyens;

  // ---- organizations -------------------------------------------------------------------------------
  const counts = {
    organizations: Math.round(options.size * PROPORTIONS.organizations),
    events: Math.round(options.size * PROPORTIONS.events),
    projects: Math.round(options.size * PROPORTIONS.projects),
    poi: Math.round(options.size * PROPORTIONS.poi),
    classifieds: Math.round(options.size * PROPORTIONS.classifieds),
  };
  counts.ressources = Math.max(0, options.size - Object.values(counts).reduce((sum, value) => sum + value, 0));

  const orgRandom = random.fork('organizations');
  const orgPlan = [];
  // One town hall per commune first, when the size leaves room for them: they anchor the demo.
  if (counts.organizations >= geography.cities.length * 3) {
    for (const city of geography.cities) orgPlan.push({ region: city.region, city, kind: 'townHall' });
  }
  while (orgPlan.length < counts.organizations) {
    const region = orgRandom.weighted(REGION_WEIGHTS);
    const network = (region === 'hdf' || region === 'idf') && orgRandom.chance(0.4);
    const kind = network ? (region === 'hdf' ? 'thirdPlace' : 'bulkShop') : region === 'reunion' && orgRandom.chance(0.08) ? 'reunionThirdPlace' : 'general';
    orgPlan.push({ region, city: pickCity(orgRandom, region), kind });
  }

  const organizations = [];
  for (const plan of orgPlan) {
    const rng = orgRandom;
    const { region, city, kind } = plan;
    const theme = rng.pick(W.THEMES);
    const context = { region, city, theme };
    let type;
    let namePattern;
    let tags;
    let source;
    if (kind === 'townHall') {
      type = 'GovernmentOrganization';
      namePattern = `Mairie ${withDe(city.seed.name)}`;
      tags = ['mairie', 'collectivite', 'servicepublic'];
    } else if (kind === 'thirdPlace' || kind === 'reunionThirdPlace') {
      type = rng.weighted([['NGO', 50], ['Cooperative', 30], ['LocalBusiness', 20]]);
      namePattern = rng.pick(W.THIRD_PLACE_NAMES);
      tags = ['tierslieux', ...rng.sample(W.THIRD_PLACE_TAGS.slice(1), rng.int(1, 3))];
      const key = kind === 'thirdPlace' ? SOURCE_KEYS.thirdPlacesHdf : SOURCE_KEYS.reunionThirdPlaces;
      source = { insertOrign: 'network', key, keys: [key] };
    } else if (kind === 'bulkShop') {
      type = rng.chance(0.75) ? 'LocalBusiness' : 'Cooperative';
      namePattern = rng.pick(W.BULK_SHOP_NAMES);
      tags = ['vrac', ...rng.sample(W.BULK_SHOP_TAGS.slice(1), rng.int(1, 3))];
      source = { insertOrign: 'network', key: SOURCE_KEYS.bulkShopsIdf, keys: [SOURCE_KEYS.bulkShopsIdf] };
    } else {
      type = rng.weighted(ORG_TYPE_WEIGHTS);
      namePattern = rng.pick(W.ORG_NAME_PATTERNS[type]);
      tags = [...theme.tags.slice(0, rng.int(1, theme.tags.length)), ...rng.sample(W.TAG_POOL, rng.int(0, 2))];
      if (rng.chance(0.12)) source = { insertOrign: 'import', key: 'communecter', keys: ['communecter'] };
    }
    if (region === 'reunion' && rng.chance(0.3)) tags.push(rng.pick(['974', 'lareunion', 'reunion', 'péi']));
    const times = makeTimes(rng);
    const id = newId(times.created);
    const name = fill(namePattern, context, rng);
    const slug = uniqueSlug(name);
    const doc = { _id: new MongoId(id), name, type };
    const contact = makeContact(rng, slug, region);
    if (contact.email) doc.email = contact.email;
    if (contact.url) doc.url = contact.url;
    if (contact.telephone) doc.telephone = contact.telephone;
    if (contact.socialNetwork) doc.socialNetwork = contact.socialNetwork;
    doc.tags = messTags(rng, tags);
    if (rng.chance(0.85)) doc.shortDescription = fill(rng.pick(W.SHORT_DESCRIPTIONS), context, rng);
    addDescription(doc, rng, context, contact.url);
    if (!rng.chance(0.03)) {
      const { address, postal } = makeAddress(rng, city, { legacy: rng.chance(0.03) });
      doc.address = address;
      addPosition(doc, rng, city, postal);
      if (rng.chance(0.03)) doc.addresses = [{ address: makeAddress(rng, pickCity(rng, region)).address }];
    }
    if (!rng.chance(0.02)) doc.slug = slug;
    doc.created = times.created;
    doc.updated = times.updated;
    doc.creator = rng.pick(persons).id;
    doc.preferences = makePreferences(rng);
    if (doc.preferences.isOpenData && rng.chance(0.5)) doc.badges = [{ name: 'opendata' }];
    if (source) doc.source = source;
    if (source?.key === SOURCE_KEYS.thirdPlacesHdf && rng.chance(0.08)) doc.source.toBeValidated = { [SOURCE_KEYS.thirdPlacesHdf]: true };
    if (!source && region === 'hdf' && tags.includes('numerique') === false && rng.chance(0.05)) doc.reference = { costum: [SOURCE_KEYS.thirdPlacesHdf] };
    doc.links = rng.chance(0.9)
      ? { members: linkMap(persons, rng.int(0, 7), rng, true), followers: linkMap(persons, rng.int(0, 9), rng) }
      : { members: linkMap(persons, rng.int(0, 7), rng, true) };
    addImages(doc, rng, 'organizations', id, times.updated);
    if (kind !== 'townHall') lifecycle(rng, doc, { canDisable: true });
    if (times.created > nowSec - 4 * 365 * DAY) doc.collection = 'organizations';
    organizations.push({ entry: addEntry('organizations', doc), region, city, theme, kind });
  }

  const liveOrganizations = organizations.filter((org) => org.entry.visible && !org.entry.doc.disabled);

  // ---- projects --------------------------------------------------------------------------------------
  const projectRandom = random.fork('projects');
  const projects = [];
  for (let index = 0; index < counts.projects; index++) {
    const rng = projectRandom;
    const owner = liveOrganizations.length ? rng.pick(liveOrganizations) : null;
    const region = owner?.region ?? rng.weighted(REGION_WEIGHTS);
    const city = owner && rng.chance(0.8) ? owner.city : pickCity(rng, region);
    const theme = owner?.theme ?? rng.pick(W.THEMES);
    const context = { region, city, theme };
    const times = makeTimes(rng);
    const id = newId(times.created);
    const name = fill(rng.pick(W.PROJECT_NAMES), context, rng);
    const slug = uniqueSlug(name);
    const doc = { _id: new MongoId(id), name, slug };
    if (rng.chance(0.7)) doc.shortDescription = fill(rng.pick(W.SHORT_DESCRIPTIONS), context, rng);
    addDescription(doc, rng, context);
    doc.tags = messTags(rng, theme.tags.slice(0, rng.int(1, theme.tags.length)));
    const { address, postal } = makeAddress(rng, city);
    doc.address = address;
    addPosition(doc, rng, city, postal);
    if (rng.chance(0.6)) doc.startDate = new MongoDate(times.created + rng.int(0, 60) * DAY);
    if (doc.startDate && rng.chance(0.5)) doc.endDate = new MongoDate(doc.startDate.sec + rng.int(30, 900) * DAY);
    if (rng.chance(0.6)) doc.maturity = rng.pick(W.MATURITIES);
    if (owner) {
      doc.parentId = owner.entry.id;
      doc.parentType = 'organizations';
      owner.entry.doc.links.projects ??= idMap();
      owner.entry.doc.links.projects[id] = { type: 'projects' };
    }
    doc.links = { contributors: linkMap(persons, rng.int(0, 8), rng, true) };
    if (rng.chance(0.6)) doc.links.followers = linkMap(persons, rng.int(1, 10), rng);
    doc.created = times.created;
    doc.updated = times.updated;
    doc.creator = rng.pick(persons).id;
    doc.preferences = makePreferences(rng);
    if (owner?.entry.doc.source) doc.source = owner.entry.doc.source;
    addImages(doc, rng, 'projects', id, times.updated);
    lifecycle(rng, doc);
    projects.push({ entry: addEntry('projects', doc), region, city, theme });
  }

  // ---- events ------------------------------------------------------------------------------------------
  const eventRandom = random.fork('events');
  const nowParts = new Date(nowSec * 1000);
  /** DST change days of Europe/Paris inside the generated window: some events must straddle them. */
  const dstDays = [];
  for (let year = nowParts.getUTCFullYear() - 1; year <= nowParts.getUTCFullYear() + 1; year++) {
    for (const monthIndex of [2, 9]) {
      const last = new Date(Date.UTC(year, monthIndex + 1, 0));
      const sunday = Date.UTC(year, monthIndex, last.getUTCDate() - last.getUTCDay()) / 1000;
      if (sunday > nowSec - 90 * DAY && sunday < nowSec + 270 * DAY) dstDays.push(sunday);
    }
  }
  const eventEntries = [];
  const eventOrganizers = [];
  for (let index = 0; index < counts.events; index++) {
    const rng = eventRandom;
    const organizerKind = rng.weighted([['organizations', 82], ['projects', 8], ['citoyens', 10]]);
    let organizer = null;
    if (organizerKind === 'organizations' && liveOrganizations.length) organizer = rng.pick(liveOrganizations);
    else if (organizerKind === 'projects' && projects.length) organizer = rng.pick(projects);
    const region = organizer?.region ?? rng.weighted(REGION_WEIGHTS);
    const city = organizer && rng.chance(0.8) ? organizer.city : pickCity(rng, region);
    const theme = organizer?.theme ?? rng.pick(W.THEMES);
    const zone = REGION_INFO[region].timeZone;
    const type = rng.pick(W.EVENT_TYPES);
    const kind = rng.weighted([['single', 55], ['multiDay', 10], ['allDay', 12], ['recurring', 8], ['straddle', 6], ['dst', zone === 'Europe/Paris' && dstDays.length ? 4 : 0], ['longRun', 5]]);

    // Pick a local day, then build the instants in the event's zone.
    const dayOffset = kind === 'straddle' ? -rng.int(1, 4) : Math.round(-90 + Math.pow(rng.next(), 1.4) * 360);
    let base = zonedParts(zone, nowSec + dayOffset * DAY);
    if (kind === 'dst') base = zonedParts('UTC', rng.pick(dstDays) - rng.int(1, 2) * DAY);
    const hour = rng.pick([9, 10, 14, 15, 17, 18, 19, 20]);
    const minute = rng.pick([0, 0, 0, 30, 15]);
    const start = zonedToUnix(zone, base.year, base.monthIndex, base.day, hour, minute);
    let end;
    let allDay = false;
    switch (kind) {
      case 'multiDay': end = zonedToUnix(zone, base.year, base.monthIndex, base.day + rng.int(1, 4), rng.pick([17, 18, 22]), 0); break;
      case 'allDay':
        allDay = true;
        break;
      case 'straddle': end = zonedToUnix(zone, base.year, base.monthIndex, base.day + rng.int(5, 14), 18, 0); break;
      case 'dst': end = zonedToUnix(zone, base.year, base.monthIndex, base.day + rng.int(2, 3), 18, 0); break;
      case 'longRun': end = zonedToUnix(zone, base.year, base.monthIndex, base.day + rng.int(20, 60), 18, 0); break;
      default: end = start + rng.pick([1, 2, 2, 3, 4]) * 3600;
    }
    const month = base.monthIndex;
    const context = { region, city, theme, month, orgName: organizer?.entry.doc.name, projectName: organizer?.entry.col === 'projects' ? organizer.entry.doc.name : undefined };
    const times = makeTimes(rng);
    const created = Math.min(times.created, start - rng.int(1, 60) * DAY);
    const id = newId(created);
    const name = fill(rng.pick(W.EVENT_NAME_PATTERNS[type]), context, rng);
    const doc = { _id: new MongoId(id), name, type };
    const slug = uniqueSlug(name);
    if (!rng.chance(0.02)) doc.slug = slug;
    if (rng.chance(0.75)) doc.shortDescription = fill(rng.pick(W.SHORT_DESCRIPTIONS), context, rng);
    addDescription(doc, rng, context);
    doc.tags = messTags(rng, [...theme.tags.slice(0, rng.int(1, 2)), ...(rng.chance(0.3) ? [rng.pick(W.TAG_POOL)] : [])]);
    if (type === 'workshop' && rng.chance(0.4)) doc.tags.push('repaircafe');
    const { address, postal } = makeAddress(rng, city);
    doc.address = address;
    addPosition(doc, rng, city, postal);
    const legacy = rng.chance(0.2);
    if (kind === 'recurring') {
      const slots = rng.sample([1, 2, 3, 4, 5, 6], rng.int(1, 2)).sort();
      const opens = rng.pick(['09:00', '14:00', '17:30', '18:00']);
      const closes = { '09:00': '12:00', '14:00': '17:00', '17:30': '19:30', '18:00': '21:00' }[opens];
      doc.recurrency = true;
      doc.openingHours = slots.map((day) => ({ dayOfWeek: DAY_CODES[day], hours: [{ opens, closes }] }));
      const firstDay = zonedParts(zone, nowSec - rng.int(10, 80) * DAY);
      let first = zonedToUnix(zone, firstDay.year, firstDay.monthIndex, firstDay.day, Number(opens.slice(0, 2)), Number(opens.slice(3)));
      while (!slots.includes(zonedParts(zone, first).weekday)) first += DAY;
      doc.startDateSort = new MongoDate(first);
      doc.allDay = false;
      doc.timeZone = zone;
    } else {
      if (allDay) {
        doc.startDate = new MongoDate(zonedToUnix(zone, base.year, base.monthIndex, base.day, 0, 0));
        doc.endDate = new MongoDate(zonedToUnix(zone, base.year, base.monthIndex, base.day + (rng.chance(0.3) ? 1 : 0), 23, 59));
      } else {
        doc.startDate = new MongoDate(start);
        doc.endDate = new MongoDate(end);
      }
      doc.allDay = allDay;
      if (!legacy) doc.timeZone = zone;
    }
    doc.public = true;
    if (organizer) {
      doc.organizerId = organizer.entry.id;
      doc.organizerType = organizer.entry.col;
      if (!legacy) (doc.organizer = idMap())[organizer.entry.id] = { type: organizer.entry.col, name: organizer.entry.doc.name };
    } else {
      const person = rng.pick(persons);
      doc.organizerId = person.id;
      doc.organizerType = 'citoyens';
      if (!legacy) (doc.organizer = idMap())[person.id] = { type: 'citoyens', name: person.doc.name };
    }
    doc.links = { organizer: idMap() };
    doc.links.organizer[doc.organizerId] = { type: doc.organizerType };
    if (rng.chance(0.8)) doc.links.attendees = linkMap(persons, rng.int(0, 14), rng, true);
    doc.creator = rng.pick(persons).id;
    doc.created = created;
    doc.updated = Math.max(created, Math.min(nowSec - 600, times.updated));
    doc.preferences = makePreferences(rng);
    if (organizer?.entry.doc.source?.keys) doc.source = { insertOrign: 'network', key: organizer.entry.doc.source.key, keys: organizer.entry.doc.source.keys };
    addImages(doc, rng, 'events', id, doc.updated);
    lifecycle(rng, doc);
    if (!legacy && created > nowSec - 3 * 365 * DAY) doc.collection = 'events';
    const entry = addEntry('events', doc);
    eventEntries.push({ entry, region, city, theme });
    eventOrganizers.push(organizer?.entry ?? byId.get(doc.organizerId));
  }
  // The organiser side of the link, in creation order so "newest link first" means something.
  const byCreation = eventEntries.map((event, index) => ({ event, organizer: eventOrganizers[index] })).sort((a, b) => a.event.entry.doc.created - b.event.entry.doc.created);
  for (const { event, organizer } of byCreation) {
    if (!organizer) continue;
    organizer.doc.links ??= {};
    organizer.doc.links.events ??= idMap();
    organizer.doc.links.events[event.entry.id] = EVENT_LINK;
  }
  // A few festivals get sub-events (parentId/parentType on the child, links.subEvents on the parent).
  const festivals = eventEntries.filter((event) => event.entry.doc.type === 'festival' && event.entry.doc.startDate);
  const datedEventsByCity = new Map();
  for (const event of eventEntries) {
    if (!event.entry.doc.startDate || event.entry.doc.type === 'festival') continue;
    if (!datedEventsByCity.has(event.city)) datedEventsByCity.set(event.city, []);
    datedEventsByCity.get(event.city).push(event);
  }
  for (const festival of festivals.slice(0, Math.ceil(festivals.length / 4))) {
    const children = (datedEventsByCity.get(festival.city) ?? []).filter((event) => !event.entry.doc.parentId).slice(0, 2);
    for (const child of children) {
      child.entry.doc.parentId = festival.entry.id;
      child.entry.doc.parentType = 'events';
      festival.entry.doc.links.subEvents ??= idMap();
      festival.entry.doc.links.subEvents[child.entry.id] = EVENT_LINK;
    }
  }

  // ---- points of interest --------------------------------------------------------------------------
  const poiRandom = random.fork('poi');
  const parents = [...liveOrganizations, ...projects];
  for (let index = 0; index < counts.poi; index++) {
    const rng = poiRandom;
    const parent = parents.length && rng.chance(0.85) ? rng.pick(parents) : null;
    const region = parent?.region ?? rng.weighted(REGION_WEIGHTS);
    const city = parent && rng.chance(0.7) ? parent.city : pickCity(rng, region);
    const theme = parent?.theme ?? rng.pick(W.THEMES);
    const type = rng.pick(W.POI_TYPES);
    const context = { region, city, theme };
    const times = makeTimes(rng);
    const id = newId(times.created);
    const name = fill(rng.pick(W.POI_NAME_PATTERNS[type]), context, rng);
    const doc = { _id: new MongoId(id), name, type };
    if (rng.chance(0.8)) doc.slug = uniqueSlug(name);
    addDescription(doc, rng, context);
    doc.tags = messTags(rng, theme.tags.slice(0, rng.int(0, 2)));
    const { address, postal } = makeAddress(rng, city);
    doc.address = address;
    addPosition(doc, rng, city, postal);
    if (parent) {
      doc.parentId = parent.entry.id;
      doc.parentType = parent.entry.col;
    }
    if (type === 'video' || rng.chance(0.2)) doc.urls = [type === 'video' ? `https://peertube.example.org/w/${id.slice(-8)}` : `https://www.${domainOf(slugify(name), region)}`];
    doc.created = times.created;
    doc.updated = times.updated;
    doc.creator = rng.pick(persons).id;
    doc.preferences = makePreferences(rng);
    if (parent?.entry.doc.source) doc.source = parent.entry.doc.source;
    addImages(doc, rng, 'poi', id, times.updated);
    lifecycle(rng, doc);
    addEntry('poi', doc);
  }

  // ---- classifieds (ads, plus ressources/jobs typed inside the same collection) ------------------------
  const classifiedRandom = random.fork('classifieds');
  const priceRanges = { technology: [20, 900], property: [40000, 420000], vehicles: [60, 26000], home: [5, 700], leisure: [2, 350], fashion: [2, 160] };
  const rentRanges = { property: [350, 1600], vehicles: [20, 90] };
  // The second half of the collection comes from the marketplace module (data/market.mjs). This loop still
  // draws every record as before (the shared id stream and description pool stay as they were, so every
  // other collection is unchanged) and hands the ids of the second half over to it.
  const marketCount = Math.floor(counts.classifieds / 2);
  const marketIds = [];
  for (let index = 0; index < counts.classifieds; index++) {
    const rng = classifiedRandom;
    const owner = rng.chance(0.3) && liveOrganizations.length ? rng.pick(liveOrganizations) : null;
    const person = owner ? null : rng.pick(persons);
    const region = owner?.region ?? rng.weighted(REGION_WEIGHTS);
    const city = owner && rng.chance(0.8) ? owner.city : pickCity(rng, region);
    const type = rng.weighted([['classifieds', 70], ['ressources', 15], ['jobs', 15]]);
    const times = makeTimes(rng);
    const id = newId(times.created);
    let name;
    let section;
    let category;
    let subtype;
    if (type === 'classifieds') {
      section = rng.chance(0.8) ? 'forsale' : 'forrent';
      category = section === 'forrent' ? rng.pick(['property', 'property', 'vehicles', 'leisure', 'home']) : rng.pick(Object.keys(W.CLASSIFIED_CATEGORIES));
      subtype = rng.pick(W.CLASSIFIED_CATEGORIES[category]);
      const item = rng.pick(W.CLASSIFIED_ITEMS[subtype] ?? ['Objet divers']);
      name = section === 'forrent' ? `${item} à louer` : `${item}${rng.chance(0.5) ? rng.pick([" d'occasion", ' en bon état', ' comme neuf', ' à donner', '']) : ''}`;
    } else if (type === 'ressources') {
      section = rng.chance(0.5) ? 'need' : 'offer';
      category = rng.pick(Object.keys(W.RESSOURCE_CATEGORIES));
      subtype = rng.pick(W.RESSOURCE_CATEGORIES[category]);
      name = frenchArticles(rng.pick(W.RESSOURCE_PHRASES[section]).replace('{thing}', rng.pick(W.RESSOURCE_THINGS[subtype])));
    } else {
      section = rng.chance(0.8) ? 'offer' : 'need';
      category = rng.pick(Object.keys(W.JOB_CATEGORIES));
      subtype = rng.pick(W.JOB_CATEGORIES[category]);
      name = rng.pick(W.JOB_TITLES[category]);
    }
    const doc = { _id: new MongoId(id), name, type, section, category, subtype };
    if (type === 'classifieds') {
      const roll = rng.next();
      const [low, high] = section === 'forrent' ? rentRanges[category] ?? [5, 60] : priceRanges[category];
      const price = name.endsWith('à donner') ? 0 : Math.round(low + Math.pow(rng.next(), 2) * (high - low));
      if (roll < 0.05) {
        // no price at all
      } else if (roll < 0.13) doc.price = String(price);
      else if (roll < 0.14) doc.price = 'gratuit';
      else doc.price = price;
      if (doc.price !== undefined) {
        doc.devise = region === 'reunion'
          ? rng.weighted([['€', 82], ['Ğ1', 10], ['CFP', 4], ['$', 2], ['£', 2]])
          : rng.weighted([['€', 88], ['Ğ1', 8], ['£', 2], ['$', 2]]);
      }
    } else if (type === 'jobs' && rng.chance(0.3)) {
      doc.price = rng.int(1400, 2600);
      doc.devise = '€';
    }
    if (rng.chance(0.6)) doc.contactInfo = phoneNumber(rng, rng.pick(REGION_INFO[region].mobilePrefix));
    addDescription(doc, rng, { region, city, theme: rng.pick(W.THEMES) });
    doc.tags = messTags(rng, [section, category, subtype, ...(rng.chance(0.3) ? [rng.pick(W.TAG_POOL)] : [])]);
    const { address, postal } = makeAddress(rng, city);
    doc.address = address;
    addPosition(doc, rng, city, postal);
    doc.parentId = owner ? owner.entry.id : person.id;
    doc.parentType = owner ? 'organizations' : 'citoyens';
    doc.creator = person?.id ?? rng.pick(persons).id;
    doc.created = times.created;
    doc.updated = times.updated;
    doc.preferences = makePreferences(rng);
    addImages(doc, rng, 'classifieds', id, times.updated);
    lifecycle(rng, doc);
    if (times.created > nowSec - 3 * 365 * DAY) doc.collection = 'classifieds';
    if (index < counts.classifieds - marketCount) addEntry('classifieds', doc);
    else marketIds.push(id);
  }
  generateMarket({
    count: marketCount, random: random.fork('market'), newId: () => marketIds.shift(), nowSec, persons, organizations: liveOrganizations,
    pickCity, pickRegion: (rng) => rng.weighted(REGION_WEIGHTS), makeAddress, addPosition, addImages,
    phone: (rng, region) => phoneNumber(rng, rng.pick(REGION_INFO[region].mobilePrefix)), addEntry, mongoId: (id) => new MongoId(id),
  });

  // ---- ressources (the separate collection: type = service | competence | material) -----------------------
  const ressourceRandom = random.fork('ressources');
  for (let index = 0; index < counts.ressources; index++) {
    const rng = ressourceRandom;
    const owner = liveOrganizations.length && rng.chance(0.5) ? rng.pick(liveOrganizations) : null;
    const person = owner ? null : rng.pick(persons);
    const region = owner?.region ?? rng.weighted(REGION_WEIGHTS);
    const city = owner?.city ?? pickCity(rng, region);
    const type = rng.pick(Object.keys(W.RESSOURCE_CATEGORIES));
    const subtype = rng.pick(W.RESSOURCE_CATEGORIES[type]);
    const section = rng.chance(0.5) ? 'need' : 'offer';
    const times = makeTimes(rng);
    const id = newId(times.created);
    const name = frenchArticles(rng.pick(W.RESSOURCE_PHRASES[section]).replace('{thing}', rng.pick(W.RESSOURCE_THINGS[subtype])));
    const doc = { _id: new MongoId(id), name, type, subtype, section };
    addDescription(doc, rng, { region, city, theme: rng.pick(W.THEMES) });
    doc.tags = messTags(rng, [section, type, ...(rng.chance(0.4) ? [rng.pick(W.TAG_POOL)] : [])]);
    const { address, postal } = makeAddress(rng, city);
    doc.address = address;
    addPosition(doc, rng, city, postal);
    doc.parentId = owner ? owner.entry.id : person.id;
    doc.parentType = owner ? 'organizations' : 'citoyens';
    doc.creator = person?.id ?? rng.pick(persons).id;
    doc.created = times.created;
    doc.updated = times.updated;
    doc.preferences = makePreferences(rng);
    if (owner?.entry.doc.source) doc.source = owner.entry.doc.source;
    lifecycle(rng, doc);
    addEntry('ressources', doc);
  }

  // ---- the 2026 forms of contract §15b, on a share of the generated records (own PRNG forks) ------------
  const modernOrgRandom = random.fork('organizations-2026');
  for (const { entry, region, city, kind } of organizations) {
    if (kind === 'townHall') continue;
    const network = kind === 'reunionThirdPlace';
    if (!modernOrgRandom.chance(network ? NETWORK_2026_SHARE : ORG_2026_SHARE)) continue;
    // A new document object: links, tags and texts are shared with the old one, which nothing else holds.
    entry.doc = organizationTo2026(entry.doc, modernOrgRandom, { city, region, network });
    entry.modern = true;
  }
  const modernEventRandom = random.fork('events-2026');
  for (const { entry } of eventEntries) {
    if (entry.doc.recurrency !== true || !modernEventRandom.chance(RECURRING_2026_SHARE)) continue;
    recurringEventTo2026(entry.doc);
    entry.modern = true;
  }

  // ---- hostile records (opt-in) -------------------------------------------------------------------------
  let hostileCases = [];
  if (options.hostile) {
    const saintDenis = geography.cities.find((city) => city.seed.insee === '97411');
    const organizer = liveOrganizations.find((org) => org.city === saintDenis) ?? liveOrganizations[0];
    const built = buildHostileRecords({ newId, nowSec, city: saintDenis, persons, organizer: organizer?.entry });
    for (const { col, doc } of built.records) {
      addEntry(col, doc);
      if (col === 'events' && organizer) {
        organizer.entry.doc.links.events ??= idMap();
        organizer.entry.doc.links.events[doc._id.$id] = { type: 'events' };
      }
    }
    hostileCases = built.cases;
  }

  return { collections, byId, slugs, hostileCases, nowSec, geography };
}
