// The open-data API's output mappings (models/Translate*.php), reimplemented as data plus one small
// interpreter. The interpreter keeps the PHP rules that shape the wire: empty values are dropped,
// "url" values become absolute on the request's origin, link maps are resolved one record at a time,
// and a map whose keys are all numeric turns into a JSON list.
import { MongoId } from './php.mjs';

/**
 * A binding is either a constant (string/number/list of numbers: copied as is), a nested binding map,
 * or a field spec: { from: 'path' | BindingMap, type?, prefix?, suffix?, parentKey?, object?, collection?, outsite? }.
 * @typedef {Record<string, any> | any[]} BindingMap
 */

const isMap = (value) => value !== null && typeof value === 'object';
/** PHP isset(): present and not null. */
const isSet = (container, key) => isMap(container) && container[key] !== undefined && container[key] !== null;
/** PHP empty(). */
export function phpEmptyValue(value) {
  if (value === undefined || value === null || value === false || value === 0 || value === '' || value === '0') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof MongoId) return false;
  if (isMap(value) && value.constructor !== Object && Object.getPrototypeOf(value) !== null) return false;
  return isMap(value) && Object.keys(value).length === 0;
}

/** Translate::getValueByPath: follows "a.b.c", stops at a MongoId (its string), "" on a miss. */
function valueByPath(path, data) {
  let current = data;
  for (const part of path.split('.')) {
    const next = isMap(current) ? current[part] : undefined;
    if (!phpEmptyValue(next)) {
      if (next instanceof MongoId) return next.$id;
      current = next;
    } else {
      current = '';
    }
  }
  return current;
}

/**
 * @typedef {object} BindContext
 * @property {string} origin "http://host:port" of the request (the PHP code uses $_SERVER['HTTP_HOST'])
 * @property {(collection: string, id: string) => Record<string, any> | null} findOne raw document lookup
 */

/** Yii createUrl on a route: one leading slash, no trailing ones. */
function absoluteUrl(origin, route) {
  return `${origin}/${String(route).replace(/^\/+|\/+$/g, '')}`;
}

function formatValue(value, spec, context) {
  const prefix = spec.prefix ?? '';
  const suffix = spec.suffix ?? '';
  if (spec.type === 'url') {
    const text = `${prefix}${value}${suffix}`;
    return spec.outsite ? text : absoluteUrl(context.origin, text);
  }
  if (spec.type === 'Point') return geoJsonPoint(value);
  if (spec.type === 'properties') return geoJsonProperties(value);
  if (spec.prefix !== undefined || spec.suffix !== undefined) return `${prefix}${value}${suffix}`;
  return value;
}

/** TranslateGeoJson::getGeojsonCoor: {latitude, longitude} → [floatval(lng), floatval(lat)], else nothing. */
function geoJsonPoint(value) {
  const coordinates = value?.coordinates;
  if (!isSet(coordinates, 'latitude') || !isSet(coordinates, 'longitude')) return null;
  return { ...value, coordinates: [floatval(coordinates.longitude), floatval(coordinates.latitude)] };
}

function floatval(value) {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const match = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(String(value));
  return match ? Number(match[0]) : 0;
}

/** TranslateGeoJson::getGeojsonProperties: flattens the nested {0: {...}} block. */
function geoJsonProperties(value) {
  const inner = isMap(value) ? value[0] ?? value['0'] : undefined;
  const out = {};
  for (const key of ['name', 'username', 'email', 'img']) if (isSet(inner, key)) out[key] = inner[key];
  return Object.keys(out).length ? out : [];
}

function isFieldSpec(spec) {
  return isMap(spec) && !Array.isArray(spec) && Object.hasOwn(spec, 'from');
}

/**
 * Translate::bindData.
 * @param {any} data a raw document (or a part of it)
 * @param {BindingMap} map
 * @param {BindContext} context
 */
export function bindData(data, map, context) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [key, spec] of Object.entries(map)) {
    if (isFieldSpec(spec)) {
      if (isMap(spec.from)) {
        if (spec.object) {
          const links = spec.object.indexOf('.') > 0 ? valueByPath(spec.object, data) : isMap(data) && !phpEmptyValue(data[spec.object]) ? data[spec.object] : '';
          if (!phpEmptyValue(links) && isMap(links)) {
            const list = [];
            for (const [linkKey, linkValue] of Object.entries(links)) {
              const target = spec.collection ? context.findOne(spec.collection, spec.refId ?? linkKey) : linkValue;
              const bound = bindData(target, spec.from, context);
              if (!phpEmptyValue(bound)) list.push(bound);
            }
            out[key] = list;
          }
        } else if (spec.parentKey && isSet(data, spec.parentKey)) {
          const bound = bindData(data[spec.parentKey], spec.from, context);
          if (!phpEmptyValue(bound)) out[key] = bound;
        } else {
          // PHP falls back to the whole document when parentKey is absent from it; the "only @type"
          // rule then drops the result, which is how a missing address or geo disappears.
          const bound = bindData(data, spec.from, context);
          const size = Array.isArray(bound) ? bound.length : Object.keys(bound).length;
          const onlyType = size === 1 && !Array.isArray(bound) && !phpEmptyValue(bound['@type']);
          if (size > 0 && !onlyType) out[key] = bound;
        }
      } else if (spec.from.indexOf('.') > 0) {
        const value = valueByPath(spec.from, data);
        if (!phpEmptyValue(value)) out[key] = value;
      } else if (isSet(data, spec.from)) {
        const value = data[spec.from];
        if (!phpEmptyValue(value)) out[key] = value;
      }
    } else if (isMap(spec)) {
      const bound = bindData(data, spec, context);
      if (!phpEmptyValue(bound)) out[key] = bound;
    } else {
      out[key] = spec;
    }
    if (out[key] !== undefined && out[key] !== null && isMap(spec) && !Array.isArray(spec) && (spec.type !== undefined || spec.prefix !== undefined || spec.suffix !== undefined)) {
      out[key] = formatValue(out[key], spec, context);
    }
  }
  const keys = Object.keys(out);
  return keys.every((key) => /^\d+$/.test(key)) ? keys.map((key) => out[key]) : out;
}

// ---- binding tables -----------------------------------------------------------------------------------
const f = (from, extra = {}) => ({ from, ...extra });
const url = (from, prefix, extra = {}) => ({ from, type: 'url', prefix, suffix: '', ...extra });

const POSTAL_ADDRESS = f({
  '@type': 'PostalAddress', streetAddress: f('streetAddress'), postalCode: f('postalCode'), addressLocality: f('addressLocality'),
  codeInsee: f('codeInsee'), addressRegion: f('addressRegion'), addressCountry: f('addressCountry'),
}, { parentKey: 'address' });
const GEO = f({ '@type': 'GeoCoordinates', latitude: f('latitude'), longitude: f('longitude') }, { parentKey: 'geo' });
const GEO_POSITION = f({ '@type': 'Point', coordinates: f('coordinates') }, { parentKey: 'geoPosition' });
const PHONE = f({ fixe: f('fixe', { parentKey: 'fixe' }), mobile: f('mobile', { parentKey: 'mobile' }), fax: f('fax', { parentKey: 'fax' }) }, { parentKey: 'telephone' });
const SOCIAL = f({
  github: f('github'), twitter: f('twitter'), facebook: f('facebook'), googleplus: f('googleplus'), linkedin: f('linkedin'), skype: f('skype'),
}, { parentKey: 'socialNetwork' });
const IMAGE = f('image', { type: 'url' });
const linkList = (object, collection, label, labelKey, detailPrefix, apiPrefix) => f({
  [labelKey]: label,
  name: f('name'),
  url: f({ communecter: url('_id.$id', detailPrefix), api: url('_id.$id', apiPrefix) }),
}, { object, collection });
const PERSON_LINK = (object, labelKey = '@type') => linkList(object, 'citoyens', 'Person', labelKey, '/#person.detail.id.', '/api/person/get/id/');

/** @type {Record<string, BindingMap>} */
export const COMMUNECTER_BINDINGS = {
  allOrganization: {
    '@type': 'Organization', name: f('name'), typeCommunecter: f('type'), image: IMAGE,
    url: f({ communecter: url('slug', '/#@'), api: url('_id.$id', '/api/organization/get/id/'), website: f('url') }),
    email: f('email'), address: POSTAL_ADDRESS, geo: GEO, shortDescription: f('shortDescription'), description: f('description'),
    tags: f('tags'), slug: f('slug'),
  },
  organization: {
    '@type': 'Organization', name: f('name'), typeCommunecter: f('type'), image: IMAGE,
    url: f({ website: f('url'), communecter: url('slug', '/#@'), api: url('_id.$id', '/api/organization/get/id/') }),
    address: POSTAL_ADDRESS, geo: GEO, geoPosition: GEO_POSITION, shortDescription: f('shortDescription'), description: f('description'),
    email: f('email'), phone: PHONE, socialNetwork: SOCIAL, tags: f('tags'),
    links: f({
      followers: PERSON_LINK('followers'),
      members: PERSON_LINK('members', 'type'),
      projects: linkList('projects', 'projects', 'Project', 'type', '/#project.detail.id.', '/api/project/get/id/'),
      events: linkList('events', 'events', 'Event', 'type', '/#event.detail.id.', '/api/event/get/id/'),
      needs: linkList('needs', 'needs', 'Need', 'type', '/#need.detail.id.', '/api/need/get/id/'),
    }, { parentKey: 'links' }),
  },
  allEvent: {
    '@type': 'Event', name: f('name'), typeCommunecter: f('type'), image: IMAGE,
    url: f({ communecter: url('slug', '/#@'), api: url('_id.$id', '/api/event/get/id/'), website: f('url') }),
    address: POSTAL_ADDRESS, startDate: f('startDate'), endDate: f('endDate'), geo: GEO,
  },
  event: {
    '@type': 'Event', name: f('name'), typeCommunecter: f('type'), image: IMAGE,
    url: f({ website: f('url'), communecter: url('_id.$id', '/#event.detail.id.'), api: url('_id.$id', '/api/event/get/id/') }),
    address: POSTAL_ADDRESS, geo: GEO, geoPosition: GEO_POSITION, shortDescription: f('shortDescription'), description: f('description'),
    allDay: f('allDay'), startDate: f('startDate'), endDate: f('endDate'), email: f('email'), phone: PHONE, socialNetwork: SOCIAL, tags: f('tags'),
    links: f({
      attendees: PERSON_LINK('attendees'),
      needs: linkList('needs', 'events', 'Need', 'type', '/#need.detail.id.', '/api/need/get/id/'),
    }, { parentKey: 'links' }),
  },
  allProject: {
    '@type': 'Project', name: f('name'), image: IMAGE, maturity: f('maturity'),
    url: f({ communecter: url('_id.$id', '/#project.detail.id.'), api: url('_id.$id', '/api/project/get/id/'), website: f('url') }),
    address: POSTAL_ADDRESS, startDate: f('startDate'), endDate: f('endDate'), geo: GEO,
  },
  project: {
    '@type': 'Project', name: f('name'), maturity: f('maturity'), image: IMAGE,
    url: f({ website: f('url'), communecter: url('_id.$id', '/#project.detail.id.'), api: url('_id.$id', '/api/project/get/id/') }),
    address: POSTAL_ADDRESS, geo: GEO, geoPosition: GEO_POSITION, shortDescription: f('shortDescription'), description: f('description'),
    allDay: f('allDay'), startDate: f('startDate'), endDate: f('endDate'), email: f('email'), phone: PHONE, socialNetwork: SOCIAL, tags: f('tags'),
    links: f({ contributors: PERSON_LINK('contributors') }, { parentKey: 'links' }),
  },
  allPerson: {
    '@type': 'Person', name: f('name'),
    url: f({ website: f('url'), communecter: url('slug', '/#@'), api: url('_id.$id', '/api/person/get/id/') }),
  },
  person: {
    '@type': 'Person', name: f('name'), image: IMAGE,
    url: f({ website: f('url'), communecter: url('slug', '/#@'), api: url('_id.$id', '/api/person/get/id/') }),
    address: POSTAL_ADDRESS, geo: GEO, geoPosition: GEO_POSITION, shortDescription: f('shortDescription'), description: f('description'),
    email: f('email'), phone: PHONE, socialNetwork: SOCIAL, tags: f('tags'),
    links: f({
      memberOf: linkList('memberOf', 'organizations', 'Organization', 'type', '/#organization.detail.id.', '/api/organization/get/id/'),
      projects: linkList('projects', 'projects', 'Project', 'type', '/#project.detail.id.', '/api/project/get/id/'),
      events: f({ type: 'Event', name: f('name'), url: f({ communecter: url('slug', '/#@'), api: url('_id.$id', '/api/event/get/id/') }) }, { object: 'events', collection: 'events' }),
    }, { parentKey: 'links' }),
  },
  city: {
    '@type': 'City', '@id': url('insee', '/api/data/get/type/cities/insee/'), name: f('name'), alternateName: f('alternateName'), insee: f('insee'),
    level1: f('level1'), level1Name: f('level1Name'), level2: f('level2'), level2Name: f('level2Name'), level3: f('level3'), level3Name: f('level3Name'),
    level4: f('level4'), level4Name: f('level4Name'), country: f('country'),
    url: f({
      communecter: url('insee', '/#city.detail.insee.'), wikidata: url('wikidataID', 'http://www.wikidata.org/entity/', { outsite: true }),
      citoyens: url('insee', '/api/person/get/insee/'), organizations: url('insee', '/api/organization/get/insee/'),
      projects: url('insee', '/api/project/get/insee/'), events: url('insee', '/api/event/get/insee/'),
    }),
    postalCodes: f('postalCodes'), geo: GEO, geoPosition: GEO_POSITION, geoShape: f('geoShape'),
  },
};

const schemaId = (collection, key = '@id') => ({ [key]: url('_id.$id', `/data/get/type/${collection}/id/`, { suffix: '/format/schema' }) });
const SCHEMA_ADDRESS = f({
  '@type': 'PostalAddress', '@id': url('codeInsee', '/data/get/type/city/insee/', { suffix: '/format/schema' }), addressLocality: f('addressLocality'),
  addressRegion: f('region'), postalCode: f('postalCode'), streetAddress: f('streetAddress'),
}, { parentKey: 'address' });
const schemaDetail = (type, collection, imagePrefix, idKey = '@id') => ({
  '@context': 'http://schema.org', '@type': type, ...schemaId(collection, idKey), name: f('name'), address: SCHEMA_ADDRESS, email: f('email'),
  image: f('img', { type: 'url', prefix: imagePrefix }), telephone: f('phoneNumber'), url: f('url'),
});

/**
 * TranslateSchema (format=schema), including its quirks: organisations are identified by "id" (not
 * "@id"), and the event list is typed CreativeWork with project @ids.
 */
export const SCHEMA_BINDINGS = {
  allOrganization: { '@context': 'http://schema.org', '@type': 'Organization', ...schemaId('organizations', 'id'), name: f('name'), url: f('url') },
  organization: schemaDetail('Organization', 'organizations', '/communecter/', 'id'),
  allProject: { '@context': 'http://schema.org', '@type': 'CreativeWork', ...schemaId('projects'), name: f('name'), url: f('url') },
  project: schemaDetail('CreativeWork', 'projects', '/communecter/'),
  allEvent: { '@context': 'http://schema.org', '@type': 'CreativeWork', ...schemaId('projects'), name: f('name'), url: f('url') },
  event: {
    ...schemaDetail('Event', 'events', '/communecter/'), startDate: f('startDate'), endDate: f('endDate'), eventStatus: f('eventStatus'),
    organizers: f({ '@type': 'Organization', '@id': url('_id.$id', '/data/get/type/organizations/id/', { suffix: '/format/schema' }), name: f('name') }, { object: 'links.organizer', collection: 'organizations' }),
    attendees: f({ '@type': 'Person', '@id': url('_id.$id', '/data/get/type/citoyens/id/', { suffix: '/format/schema' }), name: f('name') }, { object: 'links.attendees', collection: 'citoyens' }),
  },
  allPerson: { '@context': 'http://schema.org', '@type': 'Person', ...schemaId('citoyens'), name: f('name'), url: f('url') },
  person: { ...schemaDetail('Person', 'citoyens', '/'), jobTitle: f('positions') },
};

const GEOJSON_FEATURE = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: f('geo') },
  properties: { type: 'properties', 0: { email: f('email'), name: f('name'), username: f('username'), img: f('profilImageUrl', { type: 'url', prefix: '/' }) } },
};
/** TranslateGeoJson: every element type uses the same feature mapping (no id, no slug). */
export const GEOJSON_BINDING = GEOJSON_FEATURE;

/** TranslateGogoCarto "symply" (default) and full representations. */
export const GOGOCARTO_BINDINGS = {
  simple: [f('_id.$id'), f('name'), f('geoPosition.coordinates.1'), f('geoPosition.coordinates.0'), [10507, 10513, 10512]],
  full: {
    id: f('_id.$id'), name: f('name'),
    geo: f({ latitude: f('coordinates.1'), longitude: f('coordinates.0') }, { parentKey: 'geoPosition' }),
    address: f({ streetAddress: f('streetAddress'), postalCode: f('postalCode'), addressLocality: f('addressLocality'), addressCountry: f('addressCountry') }, { parentKey: 'address' }),
    description: f('shortDescription'), descriptionMore: f('description'), website: f('url'),
    openHours: null, openHoursMoreInfos: '', sourceKey: 'Communecter', optionValues: [10507, 10513, 10512], image: IMAGE,
  },
};
