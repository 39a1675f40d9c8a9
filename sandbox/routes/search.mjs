// POST /co2/search/globalautocomplete — Search::globalAutoComplete (2018) plus the 2025-26 knobs
// (filters, sortBy, fields, notSourceKey, costumSlug, contextId). One query object is built from
// $_POST, then each wanted collection is scanned in its server sort order and paged on its own.
import { MongoDate, MongoId, phpEmpty, phpFloat, phpInt, phpJsonEncode, phpValues, urldecode } from '../lib/php.mjs';
import { bsonCompare, bsonEquals, getPath, valuesAtPath } from '../lib/mongo.mjs';
import { fold, foldForSearch, escapeHtml } from '../lib/text.mjs';
import { pastTimeFr } from '../lib/dates.mjs';
import * as shapes from '../lib/shapes.mjs';

const ORG_SUBTYPES = ['NGO', 'LocalBusiness', 'Group', 'GovernmentOrganization', 'Cooperative'];
/** Collections in the order globalAutoComplete merges them (the order of keys in "results"). */
const COLLECTION_ORDER = ['citoyens', 'organizations', 'events', 'projects', 'classifieds', 'poi', 'ressources'];

/** @typedef {import('../data/generate.mjs').Entry} Entry */
/** @typedef {(entry: Entry) => boolean} Predicate */

const all = (predicates) => {
  const list = predicates.filter(Boolean);
  if (list.length === 0) return () => true;
  if (list.length === 1) return list[0];
  return (entry) => {
    for (const predicate of list) if (!predicate(entry)) return false;
    return true;
  };
};
const any = (predicates) => (entry) => predicates.some((predicate) => predicate(entry));
const asStringList = (value) => {
  const values = phpValues(value);
  if (values) return values.filter((item) => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
};

/** Search::searchTags: each tag anchored, accent- and case-insensitive; "$in" (any) or "$all". */
function tagsPredicate(tags, verb) {
  const wanted = tags
    .filter((tag) => typeof tag === 'string' && tag.trim() !== '')
    .map((tag) => foldForSearch(tag.replace(/[\s,]+$/, '')));
  if (wanted.length === 0) return null;
  if (verb === '$all') return (entry) => wanted.every((tag) => entry.tags.includes(tag));
  return (entry) => wanted.some((tag) => entry.tags.includes(tag));
}

/**
 * Search::searchString: a "#" anywhere means tags (the first character is dropped, the rest split on
 * "#"); otherwise a substring of name, slug or shortDescription, or every word in the name. An empty
 * query still requires one of those three fields to be a string, as /.*.*\/ does.
 */
function textPredicate(search) {
  if (search.includes('#')) return tagsPredicate(search.slice(1).split('#'), '$in') ?? (() => true);
  const phrase = foldForSearch(search);
  const words = phrase.split(' ').filter(Boolean);
  const phraseMatch = (entry) =>
    (entry.name !== null && entry.name.includes(phrase)) ||
    (entry.slug !== null && entry.slug.includes(phrase)) ||
    (entry.short !== null && entry.short.includes(phrase));
  if (words.length < 2) return phraseMatch;
  return (entry) => phraseMatch(entry) || (entry.name !== null && words.every((word) => entry.name.includes(word)));
}

/** Mongo equality, where a null target also matches a missing field. */
function pathEquals(path, target) {
  const parts = path.split('.');
  if (target === null || target === undefined) {
    return (entry) => {
      const values = valuesAtPath(entry.doc, parts);
      return values.length === 0 || values.some((value) => value === null);
    };
  }
  return (entry) => valuesAtPath(entry.doc, parts).some((value) => bsonEquals(value, target));
}

/** Search::searchLocality: entries OR-ed; "cities", "cp", "country", or any other type as address.{type}. */
function localityPredicate(localities) {
  const entries = phpValues(localities);
  if (!entries) return null;
  const clauses = [];
  for (const locality of entries) {
    if (phpEmpty(locality) || typeof locality !== 'object') continue;
    const type = locality.type;
    if (type === 'cities') {
      const byCity = pathEquals('address.localityId', locality.id ?? null);
      if (!phpEmpty(locality.postalCode)) {
        const prefix = String(locality.postalCode).toLowerCase();
        clauses.push((entry) => byCity(entry) && postalCodeStartsWith(entry, prefix));
      } else clauses.push(byCity);
    } else if (type === 'cp') {
      const prefix = String(locality.name ?? '').toLowerCase();
      const country = phpEmpty(locality.countryCode) ? null : pathEquals('address.addressCountry', locality.countryCode);
      clauses.push((entry) => postalCodeStartsWith(entry, prefix) && (!country || country(entry)));
    } else if (type === 'country') {
      clauses.push(pathEquals('address.addressCountry', locality.countryCode ?? null));
    } else {
      // The generic branch: "address." . $type = id (level1…level4, or anything the caller sends).
      clauses.push(pathEquals(`address.${typeof type === 'string' ? type : ''}`, locality.id ?? null));
    }
  }
  if (clauses.length === 0) return null;
  return clauses.length === 1 ? clauses[0] : any(clauses);
}

function postalCodeStartsWith(entry, prefix) {
  const postalCode = entry.doc.address?.postalCode;
  return typeof postalCode === 'string' && postalCode.toLowerCase().startsWith(prefix);
}

/** SIG::getGeoQuery, axes swapped as in the platform: coordinates[0] (longitude) against the latitude bounds. */
function geoPredicate(geo) {
  const latMin = phpFloat(geo.latMinScope);
  const latMax = phpFloat(geo.latMaxScope);
  const lngMin = phpFloat(geo.lngMinScope);
  const lngMax = phpFloat(geo.lngMaxScope);
  return (entry) => {
    const coordinates = entry.doc.geoPosition?.coordinates;
    if (!Array.isArray(coordinates)) return false;
    const [first, second] = coordinates;
    return typeof first === 'number' && typeof second === 'number' && first > latMin && first < latMax && second > lngMin && second < lngMax;
  };
}

/** Source scope: source.keys $in, and (modern reading) reference.costum $in. */
function sourceKeyPredicate(keys) {
  if (keys.length === 0) return null;
  return (entry) => {
    const sourceKeys = entry.doc.source?.keys;
    if (Array.isArray(sourceKeys) && sourceKeys.some((key) => keys.includes(key))) return true;
    const costums = entry.doc.reference?.costum;
    return Array.isArray(costums) && costums.some((key) => keys.includes(key));
  };
}

/** A form string compared with stored values: also as a boolean or a number when it reads as one. */
function candidatesOf(value) {
  if (typeof value !== 'string') return [value];
  const out = [value];
  if (value === 'true') out.push(true);
  if (value === 'false') out.push(false);
  if (/^-?\d+(\.\d+)?$/.test(value)) out.push(Number(value));
  return out;
}

const RANGE_OPERATORS = { $gt: (c) => c > 0, $gte: (c) => c >= 0, $lt: (c) => c < 0, $lte: (c) => c <= 0 };

/** One key of the modern `filters` DSL (SearchNew::searchFilters as Open Atlas documents it). */
function filterClause(path, condition) {
  if (path === '$or' || path === '$and') {
    const nested = condition && typeof condition === 'object' ? Object.entries(condition).map(([key, value]) => filterClause(key, value)) : [];
    if (nested.length === 0) return null;
    return path === '$or' ? any(nested) : all(nested);
  }
  const parts = path.split('.');
  if (Array.isArray(condition)) {
    if (path === 'tags') {
      // Documented quirk: a plain array on tags is an unanchored, case-insensitive substring match.
      const needles = condition.map((item) => fold(String(item)));
      return (entry) => entry.tags.some((tag) => needles.some((needle) => tag.includes(needle)));
    }
    const wanted = condition.flatMap(candidatesOf);
    return (entry) => valuesAtPath(entry.doc, parts).some((value) => wanted.some((target) => bsonEquals(value, target)));
  }
  if (condition && typeof condition === 'object') {
    const clauses = [];
    const operators = { ...condition };
    // Documented quirk: $in and $nin on the same key keep only $nin.
    if ('$in' in operators && '$nin' in operators) delete operators.$in;
    for (const [operator, operand] of Object.entries(operators)) {
      if (operator === '$in' || operator === '$nin') {
        const wanted = (phpValues(operand) ?? [operand]).flatMap(candidatesOf);
        const test = (entry) => valuesAtPath(entry.doc, parts).some((value) => wanted.some((target) => bsonEquals(value, target)));
        clauses.push(operator === '$in' ? test : (entry) => !test(entry));
      } else if (operator === '$exists') {
        const shouldExist = !(operand === false || operand === 'false' || operand === '0' || operand === 0);
        clauses.push((entry) => (valuesAtPath(entry.doc, parts).length > 0) === shouldExist);
      } else if (operator === '$ne') {
        const targets = candidatesOf(operand);
        clauses.push((entry) => !valuesAtPath(entry.doc, parts).some((value) => targets.some((target) => bsonEquals(value, target))));
      } else if (operator in RANGE_OPERATORS) {
        const accept = RANGE_OPERATORS[operator];
        const target = typeof operand === 'string' && /^-?\d+(\.\d+)?$/.test(operand) ? Number(operand) : operand;
        clauses.push((entry) => valuesAtPath(entry.doc, parts).some((value) => typeof value === typeof target && accept(bsonCompare(value, target))));
      } else {
        // A sub-document written with brackets: filters[address][codeInsee]=… means address.codeInsee.
        clauses.push(filterClause(`${path}.${operator}`, operand));
      }
    }
    return all(clauses);
  }
  const targets = candidatesOf(condition);
  return (entry) => valuesAtPath(entry.doc, parts).some((value) => targets.some((target) => bsonEquals(value, target)));
}

/** contextId/contextType [I]: elements attached to one element (parent, organiser, or any link to it). */
function contextPredicate(contextId) {
  return (entry) => {
    const doc = entry.doc;
    if (doc.parentId === contextId || doc.organizerId === contextId) return true;
    if (doc.organizer && typeof doc.organizer === 'object' && Object.hasOwn(doc.organizer, contextId)) return true;
    if (doc.parent && typeof doc.parent === 'object' && Object.hasOwn(doc.parent, contextId)) return true;
    const links = doc.links;
    if (links && typeof links === 'object') {
      for (const map of Object.values(links)) if (map && typeof map === 'object' && Object.hasOwn(map, contextId)) return true;
    }
    return false;
  };
}

/**
 * Mongo comparisons only match values of the same BSON type: a date window never selects an event
 * whose startDate is a string, a number or a plain {sec} object.
 */
const dateSec = (value) => (value instanceof MongoDate ? value.sec : null);

/** Search::getQueryEvents. */
function eventsPredicate(post) {
  const clauses = [];
  const hasStart = post.startDate !== undefined && post.startDate !== null && post.startDate !== '';
  const hasEnd = post.endDate !== undefined && post.endDate !== null && post.endDate !== '';
  if (hasStart) {
    const start = phpFloat(post.startDate);
    if (!phpEmpty(post.endDate)) {
      clauses.push((entry) => { const sec = dateSec(entry.doc.startDate); return sec !== null && sec >= start; });
    } else {
      clauses.push((entry) => {
        const startSec = dateSec(entry.doc.startDate);
        const endSec = dateSec(entry.doc.endDate);
        return (startSec !== null && startSec >= start) || (endSec !== null && endSec >= start);
      });
    }
  }
  if (hasEnd) {
    const end = phpFloat(post.endDate);
    clauses.push((entry) => { const sec = dateSec(entry.doc.endDate); return sec !== null && sec <= end; });
  }
  if (!phpEmpty(post.searchSType)) clauses.push(pathEquals('type', post.searchSType));
  return all(clauses);
}

/** Search::getQueryClassifieds: prices compared as ints, numbers only (a "150" string never matches). */
function classifiedsPredicate(post) {
  const clauses = [];
  if (!phpEmpty(post.priceMax)) {
    const max = phpInt(post.priceMax);
    clauses.push((entry) => typeof entry.doc.price === 'number' && entry.doc.price <= max);
  }
  if (!phpEmpty(post.priceMin)) {
    const min = phpInt(post.priceMin);
    clauses.push((entry) => typeof entry.doc.price === 'number' && entry.doc.price >= min);
  }
  if (!phpEmpty(post.devise)) clauses.push(pathEquals('devise', post.devise));
  if (!phpEmpty(post.searchSType)) clauses.push(pathEquals('type', post.searchSType));
  if (!phpEmpty(post.subType)) clauses.push(pathEquals('subtype', post.subType));
  if (!phpEmpty(post.category)) clauses.push(pathEquals('category', post.category));
  if (!phpEmpty(post.section)) clauses.push(pathEquals('section', post.section));
  return all(clauses);
}

/** Search::getQueryRessources (category is not read: a ressource's category is its type, searchSType). */
function ressourcesPredicate(post) {
  const clauses = [];
  if (!phpEmpty(post.searchSType)) clauses.push(pathEquals('type', post.searchSType));
  if (!phpEmpty(post.subType)) clauses.push(pathEquals('subtype', post.subType));
  if (!phpEmpty(post.section)) clauses.push(pathEquals('section', post.section));
  return all(clauses);
}

/** typeWanted(): "all" first, or the collection listed. A scalar searchType selects nothing. */
function typeWanted(type, searchType) {
  if (!Array.isArray(searchType)) return false;
  if (searchType[0] === 'all') return true;
  return searchType.includes(type);
}

const NOT_TO_BE_ACTIVATED = (entry) => !entry.doc.roles?.tobeactivated;
const NOT_DISABLED = (entry) => !Object.hasOwn(entry.doc, 'disabled');

/**
 * Builds everything a search needs from the form fields.
 * @param {Record<string, any>} post the parsed form body ($_POST)
 */
export function planSearch(post) {
  const search = typeof post.name === 'string' && !phpEmpty(post.name) ? urldecode(post.name).trim() : '';
  let searchType = post.searchType === undefined ? null : phpValues(post.searchType) ?? post.searchType;
  let orgSubtype = '';
  // PHP precedence bug kept: (count == 1 && [0] == NGO) || [0] == LocalBusiness || [0] == Group || [0] == Gov.
  const first = Array.isArray(searchType) ? searchType[0] : undefined;
  if ((Array.isArray(searchType) && searchType.length === 1 && (first === 'NGO' || first === 'Cooperative')) || ['LocalBusiness', 'Group', 'GovernmentOrganization'].includes(first)) {
    orgSubtype = first;
    searchType = ['organizations'];
  }

  /** Clauses shared by every collection (Search.php's $query). */
  const base = [(entry) => entry.visible];
  base.push(textPredicate(search));
  if (post.latest !== undefined && !phpEmpty(post.latest)) base.push((entry) => Object.hasOwn(entry.doc, 'updated'));
  if (!phpEmpty(post.lastTimes)) {
    const since = phpFloat(post.lastTimes);
    base.push((entry) => typeof entry.doc.updated === 'number' && entry.doc.updated > since);
  }
  const notSourceKey = !phpEmpty(post.notSourceKey);
  if (!notSourceKey) {
    let keys = phpEmpty(post.sourceKey) ? [] : asStringList(post.sourceKey);
    if (keys.length === 0 && typeof post.costumSlug === 'string' && post.costumSlug !== '') keys = [post.costumSlug];
    base.push(sourceKeyPredicate(keys));
  }
  const searchTags = post.searchTags === undefined ? [] : asStringList(post.searchTags);
  if (searchTags.length > 1 || (searchTags.length === 1 && searchTags[0] !== '')) {
    const verb = post.options?.tags?.verb === '$all' ? '$all' : '$in';
    base.push(tagsPredicate(searchTags, verb));
  }
  let personsLocality = false;
  if (!phpEmpty(post.geoSearch) && typeof post.geoSearch === 'object') {
    base.push(geoPredicate(post.geoSearch));
    personsLocality = true;
  } else if (post.locality !== undefined && !phpEmpty(post.locality)) {
    const locality = localityPredicate(post.locality);
    if (locality) {
      base.push(locality);
      personsLocality = true;
    }
  }
  if (post.filters && typeof post.filters === 'object') {
    for (const [path, condition] of Object.entries(post.filters)) base.push(filterClause(path, condition));
  }
  if (typeof post.contextId === 'string' && post.contextId !== '') base.push(contextPredicate(post.contextId));

  const query = all(base);
  const publicLocality = (entry) => Array.isArray(entry.doc.preferences?.publicFields) && entry.doc.preferences.publicFields.includes('locality');
  const queries = {
    query,
    persons: personsLocality ? all([query, publicLocality]) : query,
    events: all([query, eventsPredicate(post)]),
    classifieds: all([query, classifiedsPredicate(post)]),
    ressources: all([query, ressourcesPredicate(post)]),
  };
  /** What each collection's result scan uses (extra clauses the counts do not share). */
  const scans = {
    citoyens: all([queries.persons, NOT_TO_BE_ACTIVATED]),
    organizations: all([query, NOT_DISABLED, orgSubtype && searchType.length === 1 ? pathEquals('type', orgSubtype) : null]),
    events: queries.events,
    projects: query,
    classifieds: queries.classifieds,
    poi: query,
    ressources: queries.ressources,
  };
  return { search, searchType, orgSubtype, queries, scans };
}

/** Sort orders of Search.php, or the modern sortBy. */
function sortSpec(collection, plan, post) {
  if (post.sortBy && typeof post.sortBy === 'object' && !Array.isArray(post.sortBy)) {
    const spec = Object.entries(post.sortBy).map(([field, direction]) => [field, String(direction).trim() === '-1' ? -1 : 1]);
    if (spec.length) return spec;
  }
  if (collection === 'events') {
    if (post.initType === 'all') return [['updated', -1]];
    return plan.search !== '' ? [['startDate', -1]] : [['startDate', 1]];
  }
  return [['updated', -1]];
}

/** Sorted views are cached per collection and spec: the data never changes after generation. */
const SORT_CACHE_LIMIT = 64;
function sortedEntries(data, collection, spec) {
  const key = `${collection}:${JSON.stringify(spec)}`;
  let sorted = data.sortCache.get(key);
  if (!sorted) {
    // Arbitrary sortBy fields would otherwise grow the cache without bound.
    if (data.sortCache.size >= SORT_CACHE_LIMIT) data.sortCache.clear();
    sorted = data.collections[collection].slice().sort((a, b) => {
      for (const [field, direction] of spec) {
        const order = bsonCompare(getPath(a.doc, field), getPath(b.doc, field));
        if (order !== 0) return order * direction;
      }
      return a.order - b.order;
    });
    data.sortCache.set(key, sorted);
  }
  return sorted;
}

/** indexMin/indexStep, or the per-type ranges window (a type missing from ranges gets no limit). */
function windowFor(collection, post) {
  if (post.ranges && typeof post.ranges === 'object' && !phpEmpty(post.ranges)) {
    const range = post.ranges[collection] ?? {};
    const min = phpInt(range.indexMin ?? 0);
    const max = phpInt(range.indexMax ?? 0);
    return { skip: Math.max(0, min), limit: Math.abs(max - min) };
  }
  const skip = post.indexMin === undefined ? 0 : phpInt(post.indexMin);
  const limit = post.indexStep === undefined ? 30 : phpInt(post.indexStep);
  return { skip: Math.max(0, skip), limit: Math.abs(limit) };
}

const SHAPERS = {
  citoyens: (entry) => shapes.searchPerson(entry),
  organizations: (entry, context) => shapes.searchOrganization(entry, context),
  events: (entry, context) => shapes.searchEvent(entry, context),
  projects: (entry) => shapes.searchProject(entry),
  classifieds: (entry, context) => shapes.searchClassified(entry, context),
  poi: (entry, context) => shapes.searchPoi(entry, context),
  ressources: (entry, context) => shapes.searchAny(entry, 'ressources', context),
};

/** A stored value that is a leaf for projections: BSON dates and ids are not sub-documents. */
const isSubDocument = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof MongoDate) && !(value instanceof MongoId);

/** fields[] → a tree of wanted paths: {name: true, address: {addressLocality: true}}. A whole field wins over its sub-paths. */
function projectionTree(fields) {
  const tree = Object.create(null);
  for (const field of fields) {
    const parts = field.split('.');
    if (parts.some((part) => part === '' || part.startsWith('$'))) continue;
    let node = tree;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      if (node[part] === true) break;
      if (index === parts.length - 1) node[part] = true;
      else node = node[part] ??= Object.create(null);
    }
  }
  return tree;
}

/**
 * Mongo's inclusion projection below the top level: a sub-document keeps the wanted keys in its own
 * order; an array projects each sub-document it holds and drops its scalars; a scalar under a dotted
 * path is left out. A sub-document left with nothing comes out as PHP's empty array, `[]`.
 */
function projectValue(value, tree) {
  if (Array.isArray(value)) {
    const out = [];
    for (const item of value) {
      if (Array.isArray(item) || isSubDocument(item)) out.push(projectValue(item, tree));
    }
    return out;
  }
  if (!isSubDocument(value)) return undefined;
  const out = {};
  for (const key of Object.keys(value)) {
    const node = tree[key];
    if (node === undefined) continue;
    const projected = node === true ? value[key] : projectValue(value[key], node);
    if (projected !== undefined) out[key] = projected;
  }
  return Object.keys(out).length ? out : [];
}

/**
 * fields[] as the modern search applies it (§3.2.2, §15b): only the listed paths, in the record's own
 * key order, plus `_id`, which a Mongo projection always keeps. Nothing else is forced in: no `type`,
 * `typeSig` or `collection` unless listed (and stored).
 */
function project(result, id, tree) {
  const out = { _id: id };
  for (const key of Object.keys(result)) {
    if (key === '_id') continue;
    const node = tree[key];
    if (node === undefined) continue;
    const projected = node === true ? result[key] : projectValue(result[key], node);
    if (projected !== undefined) out[key] = projected;
  }
  return out;
}

/** Shaped results are cached as encoded JSON: the data never changes, and re-encoding dominated the cost. */
const FRAGMENT_CACHE_LIMIT = 30000;

function cachedFragment(data, key, build) {
  data.fragmentCache ??= new Map();
  let fragment = data.fragmentCache.get(key);
  if (fragment === undefined) {
    if (data.fragmentCache.size >= (data.fragmentLimit ?? FRAGMENT_CACHE_LIMIT)) data.fragmentCache.clear();
    fragment = phpJsonEncode(build());
    data.fragmentCache.set(key, fragment);
  }
  return fragment;
}

/**
 * @typedef {object} SearchResult
 * @property {{ id: string, json: string }[]} items each result already json_encode'd, in response order
 * @property {Record<string, number> | [] | undefined} count
 */

/** The response body, assembled from the encoded results. */
export function searchResponseText(result) {
  const results = result.items.length ? `{${result.items.map((item) => `${phpJsonEncode(item.id)}:${item.json}`).join(',')}}` : '[]';
  return `{"results":${results}${result.count === undefined ? '' : `,"count":${phpJsonEncode(result.count)}`}}`;
}

/** The response as a value (for the HTML template and the faults that rewrite it). */
export function searchResponseValue(result) {
  return JSON.parse(searchResponseText(result));
}

/**
 * Runs a search.
 * @param {any} data
 * @param {Record<string, any>} post
 * @param {Record<string, any>} get
 * @returns {SearchResult}
 */
export function runSearch(data, post, get) {
  const plan = planSearch(post);
  const context = { byId: data.byId, nowSec: data.nowSec };
  const excluded = typeof get.filter === 'string' ? get.filter : null;
  const wanted = (collection) => {
    if (collection === excluded) return false;
    if (collection === 'citoyens') return typeWanted('citoyens', plan.searchType) || typeWanted('persons', plan.searchType);
    return typeWanted(collection, plan.searchType);
  };
  const fields = post.fields === undefined ? [] : asStringList(post.fields);
  const tree = fields.length ? projectionTree(fields) : null;
  const initType = post.initType === 'all' || post.initType === 'agenda' ? post.initType : '';
  const shape = (collection, entry) => {
    // §15b: a fields[] search answers organisations from the stored document (raw `type`), not
    // Organization::getSimpleOrganizationById; other collections keep their post-processing.
    let result = tree && collection === 'organizations' ? shapes.rawOrganization(entry) : SHAPERS[collection](entry, context);
    if (initType === 'all') result.sorting = result.updated instanceof MongoDate ? result.updated.sec : result.updated ?? null;
    if (result.updated !== undefined && result.updated !== null && result.updated !== 0 && result.updated !== '') {
      result.updatedLbl = initType === 'agenda'
        ? shapes.pastTimeFromDate(result.startDate, data.nowSec)
        : pastTimeFr(typeof result.updated === 'number' ? result.updated : 0, data.nowSec);
    }
    if (tree) result = project(result, entry.doc._id, tree);
    return result;
  };
  // Stores that ask for it (the map's size knob) keep each scan's matches, so that page 200 of a
  // 100,000-place scope does not test 100,000 records again, and cache fields[] answers too.
  const signature = data.scanCache ? JSON.stringify(Object.entries(post).filter(([key]) => key !== 'indexMin' && key !== 'indexStep')) : '';
  const fieldsKey = tree && data.scanCache ? `${JSON.stringify(fields)}|` : null;
  /** Result order follows PHP's array_merge: a repeated id keeps its first place, takes the last value. */
  const items = new Map();
  if (post.onlyCount === undefined) {
    for (const collection of COLLECTION_ORDER) {
      if (!wanted(collection)) continue;
      const { skip, limit } = windowFor(collection, post);
      let scan = plan.scans[collection];
      let sorted = sortedEntries(data, collection, sortSpec(collection, plan, post));
      if (data.scanCache) {
        const key = `${collection}:${signature}`;
        let matches = data.scanCache.get(key);
        if (!matches) {
          if (data.scanCache.size >= 64) data.scanCache.clear();
          data.scanCache.set(key, (matches = sorted.filter(scan)));
        }
        sorted = matches.slice(skip, limit > 0 ? skip + limit : undefined);
        scan = () => true;
      }
      let skipped = data.scanCache ? skip : 0;
      let taken = 0;
      for (const entry of sorted) {
        if (!scan(entry)) continue;
        if (skipped < skip) {
          skipped++;
          continue;
        }
        const json = tree && !fieldsKey
          ? phpJsonEncode(shape(collection, entry))
          : cachedFragment(data, `${fieldsKey ?? ''}${collection}:${initType}:${entry.id}`, () => shape(collection, entry));
        items.set(entry.id, json);
        if (limit > 0 && ++taken >= limit) break;
      }
    }
  }
  const count = !phpEmpty(post.count) && !phpEmpty(post.countType) ? countByType(data, plan, post.countType) : undefined;
  return { items: [...items].map(([id, json]) => ({ id, json })), count };
}

/** Search::countResultsByCollection (organizations are counted without the `disabled` exclusion, as in PHP). */
function countByType(data, plan, countType) {
  const types = phpValues(countType);
  if (!types) return [];
  const count = {};
  for (const type of types) {
    if (typeof type !== 'string') continue;
    let collection = type;
    let predicate = plan.queries.query;
    if (type === 'citoyens') predicate = plan.queries.persons;
    else if (type === 'events') predicate = plan.queries.events;
    else if (type === 'classifieds') predicate = plan.queries.classifieds;
    else if (type === 'ressources') predicate = plan.queries.ressources;
    else if (ORG_SUBTYPES.includes(type)) {
      collection = 'organizations';
      predicate = all([plan.queries.query, pathEquals('type', type)]);
    }
    const entries = data.collections[collection];
    let total = 0;
    if (entries && collection !== 'cities' && collection !== 'zones') for (const entry of entries) if (predicate(entry)) total++;
    count[type] = total;
  }
  return count;
}

/** The `tpl` answer: renderPartial of a results template, i.e. an HTML fragment. */
export function renderSearchFragment(result, template) {
  const results = result.items.map((item) => [item.id, JSON.parse(item.json)]);
  const items = results.map(([id, item]) => {
    const name = typeof item.name === 'string' ? item.name : '';
    const place = item.address?.addressLocality ?? '';
    return `<div class="searchEntityContainer ${escapeHtml(item.type ?? '')}" data-id="${escapeHtml(id)}">\n  <a href="#page.type.${escapeHtml(item.type ?? '')}.id.${escapeHtml(id)}" class="lbh">${escapeHtml(name)}</a>\n  <span class="entityLocality">${escapeHtml(place)}</span>\n</div>`;
  });
  return `<!-- ${escapeHtml(template)} -->\n<div class="col-xs-12 searchResults">\n${items.join('\n') || '<div class="noResult">Aucun résultat</div>'}\n</div>\n`;
}
