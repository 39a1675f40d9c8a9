// GET /api/{controller}/get — the documented open-data API (Api::getData + the Translate* mappings),
// and its legacy twin /co2/data/get/type/{collection}.
import { OBJECT_ID_PATTERN } from '../lib/prng.mjs';
import { phpInt } from '../lib/php.mjs';
import { PlatformError, errorPage, html, json } from '../lib/http.mjs';
import { bsonEquals } from '../lib/mongo.mjs';
import { simplePerson } from '../lib/shapes.mjs';
import { COMMUNECTER_BINDINGS, GEOJSON_BINDING, GOGOCARTO_BINDINGS, SCHEMA_BINDINGS, bindData } from '../lib/translate.mjs';

/** controller → collection, and back (Element::getControlerByCollection). */
export const API_CONTROLLERS = { organization: 'organizations', event: 'events', project: 'projects', person: 'citoyens', city: 'cities', news: 'news', poi: 'poi' };
const CONTROLLER_OF = { organizations: 'organization', events: 'event', projects: 'project', citoyens: 'person', cities: 'city', news: 'news' };
/** /co2/data/get/type/{type} accepts collection names. */
export const DATA_TYPES = { citoyens: 'citoyens', organizations: 'organizations', events: 'events', projects: 'projects', cities: 'cities', news: 'news', needs: 'needs' };
const BINDING_SUFFIX = { organizations: 'Organization', events: 'Event', projects: 'Project', citoyens: 'Person' };
/** Formats the platform implements but the sandbox does not (XML, CSV, Markdown…): answered 501. */
const UNSUPPORTED_FORMATS = new Set(['kml', 'rss', 'csv', 'md', 'tree', 'jsonfeed', 'plp', 'activityStream', 'valueflows']);

/** Document::getLastImageByKey: the uploaded profile image, if the element has one on this server. */
function uploadedImage(doc) {
  const path = doc.profilImageUrl;
  if (typeof path !== 'string' || !path.startsWith('/upload/communecter/') || path.includes('/null/')) return '';
  return path.split('?')[0];
}

/**
 * Api::getData.
 * @param {any} data the generated store
 * @param {string} collection
 * @param {Record<string, string>} params action parameters ($_GET + path pairs)
 * @param {string} origin
 * @param {string} controller
 */
export function getData(data, collection, params, origin, controller) {
  const format = params.format ?? null;
  if (format && UNSUPPORTED_FORMATS.has(format)) throw new PlatformError(501, `Le format « ${format} » n'est pas servi par le bac à sable.`);
  const id = params.id || null;
  if (id && !OBJECT_ID_PATTERN.test(id)) throw new PlatformError(500, 'Invalid object ID');

  const clauses = [];
  if (id) clauses.push((doc) => doc._id.$id === id.toLowerCase());
  if (params.insee) {
    const insee = params.insee;
    clauses.push(collection === 'cities' ? (doc) => doc.insee === insee : (doc) => doc.address?.codeInsee === insee);
  }
  if (collection === 'organizations') {
    if (params.namecity) {
      const patterns = params.namecity.split(',').map((source) => {
        try {
          return new RegExp(source, 'i');
        } catch {
          throw new PlatformError(500, `Regular expression is invalid: ${source}`);
        }
      });
      clauses.push((doc) => typeof doc.address?.addressLocality === 'string' && patterns.some((pattern) => pattern.test(doc.address.addressLocality)));
    }
    if (params.level3) clauses.push((doc) => doc.address?.level3 === params.level3);
    if (params.level4) clauses.push((doc) => doc.address?.level4 === params.level4);
  }
  if (params.tags) {
    const tags = params.tags.split(',');
    if (params.multiTags === 'true') clauses.push((doc) => bsonEquals(doc.tags, tags) || (Array.isArray(doc.tags) && doc.tags.some((tag) => bsonEquals(tag, tags))));
    else clauses.push((doc) => Array.isArray(doc.tags) ? doc.tags.some((tag) => tags.includes(tag)) : tags.includes(doc.tags));
  }
  if (params.key) clauses.push((doc) => doc.source?.key === params.key);
  if (format === 'gogocarto') clauses.push((doc) => doc.geoPosition !== undefined);

  let limit = params.limit === undefined ? 50 : phpInt(params.limit);
  if (limit > 500) limit = 500;
  else if (limit < 1) limit = 50;
  let index = params.index === undefined ? 0 : phpInt(params.index);
  if (index < 0) index = 0;

  // Natural order (no sort), skip then limit: PHDB::findAndLimitAndIndex.
  const found = [];
  let skipped = 0;
  for (const entry of data.collections[collection] ?? []) {
    if (!clauses.every((clause) => clause(entry.doc))) continue;
    if (skipped++ < index) continue;
    found.push(entry);
    if (found.length >= limit) break;
  }

  const rows = found.map((entry) => {
    if (collection === 'citoyens') return [entry.id, simplePerson(entry)];
    return [entry.id, { ...entry.doc, image: uploadedImage(entry.doc) }];
  });

  const meta = {};
  if (!id) {
    meta.limit = rows.length;
    let next = `${origin}/api/${CONTROLLER_OF[collection] ?? controller}/get/limit/${limit}/index/${index + limit}`;
    if (format) next += `/format/${format}`;
    if (params.tags) next += `/tags/${params.tags}`;
    if (params.namecity) next += `/namecity/${params.namecity}`;
    meta.next = next;
    if (index !== 0) meta.previous = `${origin}/api/${CONTROLLER_OF[collection] ?? controller}/get/limit/${limit}/index/${Math.max(0, index - limit)}`;
  } else {
    meta.limit = 1;
  }

  const context = {
    origin,
    findOne: (wanted, linkedId) => {
      const entry = data.byId.get(linkedId);
      return entry && entry.col === wanted ? entry.doc : null;
    },
  };
  const single = Boolean(id);
  const bindMap = pickBinding(collection, format, single, params);
  const convert = () => Object.fromEntries(rows.map(([key, row]) => [key, bindData(row, bindMap, context)]));

  if (format === 'geojson') {
    if (collection === 'events' && !single) {
      // event/GetAction.php calls "ranslateGeoJson::…" for lists: a PHP fatal error, rendered as HTML.
      throw new PlatformError(500, "Class 'ranslateGeoJson' not found");
    }
    return json({ type: 'FeatureCollection', features: rows.map(([, row]) => bindData(row, bindMap, context)) });
  }
  if (format === 'gogocarto') {
    return json({ data: rows.map(([, row]) => bindData(row, bindMap, context)), fullRepresentation: true, allElementsSends: true });
  }
  return json({ meta, entities: rows.length ? convert() : [] });
}

function pickBinding(collection, format, single, params) {
  if (collection === 'cities') return COMMUNECTER_BINDINGS.city;
  if (format === 'geojson') return GEOJSON_BINDING;
  if (format === 'gogocarto' && collection === 'organizations') return params.fullRepresentation === 'true' ? GOGOCARTO_BINDINGS.full : GOGOCARTO_BINDINGS.simple;
  const suffix = BINDING_SUFFIX[collection];
  if (!suffix) return {};
  const name = single ? suffix.toLowerCase() : `all${suffix}`;
  return format === 'schema' ? SCHEMA_BINDINGS[name] : COMMUNECTER_BINDINGS[name];
}

/**
 * /api/{controller}/get handler.
 * @param {any} data
 * @param {string} controller lower-cased controller name
 * @param {Record<string, string>} params
 * @param {string} origin
 */
export function apiGet(data, controller, params, origin) {
  const collection = API_CONTROLLERS[controller];
  if (controller === 'poi') {
    // poi/GetAction needs an AJAX call from a logged-in session, and otherwise prints nothing.
    return { status: 200, kind: 'empty' };
  }
  return getData(data, collection, params, origin, controller);
}

/** /co2/data/get/type/{type}: same engine, JSON with unescaped slashes. */
export function dataGet(data, params, origin) {
  const collection = DATA_TYPES[params.type];
  if (!collection) return html(404, errorPage(404, 'Type inconnu.'));
  return { ...getData(data, collection, params, origin, params.type), unescapedSlashes: true };
}

