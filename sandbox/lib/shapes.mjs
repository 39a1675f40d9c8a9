// Result shapes: what the platform's PHP turns raw documents into before json_encode. Key order
// follows PHP's arrays (an overwritten key keeps its place, new keys go last), which JS objects share.
import { MongoDate, MongoId, isoPhp, ymdHis, strtotime } from './php.mjs';
import { pastTimeFr } from './dates.mjs';
import { stableId } from './prng.mjs';

/**
 * @typedef {import('../data/generate.mjs').Entry} Entry
 * @typedef {{ byId: Map<string, Entry>, nowSec: number }} ShapeContext
 */

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const countOf = (map) => (isObject(map) ? Object.keys(map).length : Array.isArray(map) ? map.length : 0);
/** PHP truthiness of `@$x`: missing, null, false, 0, "", "0" and [] are false. */
const truthy = (value) => !(value === undefined || value === null || value === false || value === 0 || value === '' || value === '0' || (Array.isArray(value) && value.length === 0));

/**
 * Document::retrieveAllImagesUrl: the stored URLs, the medium one with a "?_=" cache-buster; or four
 * empty strings when the element never had a profile image.
 */
export function imageUrls(doc, nowSec) {
  if (doc.profilImageUrl === undefined || doc.profilImageUrl === null) {
    return { profilImageUrl: '', profilThumbImageUrl: '', profilMarkerImageUrl: '', profilMediumImageUrl: '' };
  }
  const out = {};
  for (const key of ['profilImageUrl', 'profilThumbImageUrl', 'profilMarkerImageUrl', 'profilBannerUrl', 'profilRealBannerUrl']) {
    if (truthy(doc[key])) out[key] = doc[key];
  }
  if (truthy(doc.profilMediumImageUrl)) out.profilMediumImageUrl = `${doc.profilMediumImageUrl}?_=${nowSec}`;
  return out;
}

/** Organization::getSimpleOrganizationById: missing fields come out as null, never omitted. */
export function simpleOrganization(entry, context) {
  const doc = entry.doc;
  const field = (key) => (doc[key] === undefined ? null : doc[key]);
  const simple = {
    id: entry.id,
    name: field('name'),
    type: field('type'),
    email: field('email'),
    url: field('url'),
    telephone: field('telephone'),
    pending: field('pending'),
    tags: field('tags'),
    geo: field('geo'),
    shortDescription: field('shortDescription'),
    description: field('description'),
    updated: field('updated'),
    addresses: field('addresses'),
    slug: field('slug'),
    typeSig: 'organizations',
  };
  const links = doc.links;
  if (truthy(links) && isObject(links)) {
    for (const key of ['members', 'followers']) {
      if (truthy(links[key]) && countOf(links[key]) > 0) (simple.counts ??= {})[key] = countOf(links[key]);
    }
  }
  Object.assign(simple, imageUrls(doc, context.nowSec));
  simple.logoImageUrl = '';
  simple.address = isEmptyPhp(doc.address) ? { addressLocality: 'Unknown Locality' } : doc.address;
  return simple;
}

function isEmptyPhp(value) {
  return value === undefined || value === null || value === '' || (isObject(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0);
}

/** Element::getElementSimpleById: {_id, name} only, or [] (an empty PHP array) when not found. */
export function elementSimple(id, collection, context) {
  const entry = typeof id === 'string' ? context.byId.get(id) : undefined;
  if (!entry || entry.col !== collection) return [];
  const out = { _id: entry.doc._id };
  if (entry.doc.name !== undefined) out.name = entry.doc.name;
  return out;
}

/**
 * An organisation as the 2026 search answers it (§15b item 1): the stored document itself, so `type`
 * is the raw sub-type or absent, there is no `typeOrga`, `typeSig` or `id`, and `_id` is the MongoId.
 */
export function rawOrganization(entry) {
  return { ...entry.doc };
}

/**
 * organizations in search results: the 2018 simple shape, with type/typeOrga swapped; records stored
 * in the 2026 form come out in the 2026 form instead.
 */
export function searchOrganization(entry, context) {
  if (entry.modern) return rawOrganization(entry);
  const orga = simpleOrganization(entry, context);
  if (orga.type !== null && orga.type !== '') orga.typeOrga = orga.type;
  orga.type = 'organizations';
  orga.typeSig = 'organizations';
  return orga;
}

/** events in search results: raw + typeEvent, ISO dates with "+0000", organizerObj, counts. */
export function searchEvent(entry, context) {
  const event = { ...entry.doc };
  event.typeEvent = entry.doc.type === undefined ? null : entry.doc.type;
  event.type = 'events';
  event.typeSig = 'events';
  if (event.startDate instanceof MongoDate && event.startDate.sec) {
    event.startDateTime = isoPhp(event.startDate.sec);
    event.startDate = isoPhp(event.startDate.sec);
  }
  if (event.endDate instanceof MongoDate && event.endDate.sec) {
    event.endDateTime = isoPhp(event.endDate.sec);
    event.endDate = isoPhp(event.endDate.sec);
  }
  if (truthy(event.organizerId) && truthy(event.organizerType) && event.organizerId !== 'dontKnow') {
    const organizer = context.byId.get(event.organizerId);
    // Element::getElementById returns the whole raw organiser, then "type" is overwritten.
    event.organizerObj = organizer && organizer.col === event.organizerType ? { ...organizer.doc, type: event.organizerType } : { type: event.organizerType };
  }
  const attendees = entry.doc.links?.attendees;
  if (truthy(entry.doc.links) && truthy(attendees) && countOf(attendees) > 0) event.counts = { attendees: countOf(attendees) };
  return event;
}

/** projects in search results: raw, dates as 'Y-m-d H:i:s' in UTC (no zone!). */
export function searchProject(entry) {
  const project = { ...entry.doc };
  project.type = 'projects';
  project.typeSig = 'projects';
  for (const key of ['startDate', 'endDate']) {
    if (truthy(project[key])) project[key] = project[key] instanceof MongoDate ? ymdHis(project[key].sec) : ymdHis(0);
  }
  const links = entry.doc.links;
  if (truthy(links) && isObject(links)) {
    for (const key of ['contributors', 'followers']) {
      if (truthy(links[key]) && countOf(links[key]) > 0) (project.counts ??= {})[key] = countOf(links[key]);
    }
  }
  return project;
}

/** poi in search results: raw + parent {_id, name} + typePoi. */
export function searchPoi(entry, context) {
  const doc = entry.doc;
  const poi = { ...doc };
  poi.parent = truthy(doc.parentId) && truthy(doc.parentType) ? elementSimple(doc.parentId, doc.parentType, context) : [];
  poi.typeSig = 'poi';
  poi.typePoi = doc.type === undefined ? null : doc.type;
  poi.type = 'poi';
  return poi;
}

/** classifieds in search results: raw + parent + typeClassified + gallery. */
export function searchClassified(entry, context) {
  const doc = entry.doc;
  const classified = { ...doc };
  classified.parent = truthy(doc.parentId) && truthy(doc.parentType) ? elementSimple(doc.parentId, doc.parentType, context) : [];
  classified.typeClassified = doc.type === undefined ? null : doc.type;
  classified.type = 'classifieds';
  classified.gallery = galleryOf(entry);
  classified.typeSig = 'classifieds';
  return classified;
}

/**
 * Document::listMyDocumentByIdAndType: the uploaded images of an ad, keyed by document id, each with
 * its "path"; an empty PHP array ([]) when there are none.
 */
export function galleryOf(entry) {
  const doc = entry.doc;
  if (typeof doc.profilImageUrl !== 'string' || !doc.profilImageUrl.startsWith('/upload/communecter/classifieds/')) return [];
  const name = doc.profilImageUrl.split('/').pop();
  const documentId = stableId(`gallery:${entry.id}`, doc.created ?? 0);
  return {
    [documentId]: {
      _id: new MongoId(documentId),
      id: entry.id,
      type: 'classifieds',
      folder: `classifieds/${entry.id}`,
      moduleId: 'communecter',
      doctype: 'image',
      contentKey: 'slider',
      name,
      size: 48213 + (documentId.charCodeAt(10) % 50) * 1000,
      author: doc.creator ?? null,
      created: doc.created ?? null,
      path: `/upload/communecter/classifieds/${entry.id}/${name}`,
    },
  };
}

/** ressources (and places) in search results: Search::searchAny. */
export function searchAny(entry, collection, context) {
  const doc = entry.doc;
  const item = { ...doc };
  item.parent = truthy(doc.parentId) && truthy(doc.parentType) ? elementSimple(doc.parentId, doc.parentType, context) : [];
  if (collection === 'ressources') item.category = doc.type === undefined ? null : doc.type;
  if (truthy(doc.type)) item.typeComplet = `${collection}.${doc.type}`;
  item.type = collection;
  item.typeSig = collection;
  return item;
}

/** Person::getSimpleUserById, then the search's type/typeSig. */
export function simplePerson(entry) {
  const doc = entry.doc;
  const person = { id: entry.id, name: doc.name === undefined ? null : doc.name };
  for (const key of ['username', 'email', 'tags', 'links']) if (truthy(doc[key])) person[key] = doc[key];
  if (doc.roles?.tobeactivated) person.tobeactivated = doc.roles.tobeactivated;
  for (const key of ['shortDescription', 'description', 'pending', 'updated', 'slug']) if (truthy(doc[key])) person[key] = doc[key];
  if (doc.links?.follows && doc.links?.followers) person.counts = { follows: countOf(doc.links.follows), followers: countOf(doc.links.followers) };
  person.address = doc.address === undefined ? null : doc.address;
  person.geo = doc.geo === undefined ? null : doc.geo;
  person.typeSig = 'people';
  return person;
}

export function searchPerson(entry) {
  const person = simplePerson(entry);
  person.type = 'citoyens';
  person.typeSig = 'citoyens';
  return person;
}

/**
 * Event::getSimpleEventById (used by getdatadetail): id and _id, ISO dates plus *Sec seconds, no slug.
 * Null-valued keys are kept, as PHP writes them.
 */
export function simpleEvent(entry, context) {
  const doc = entry.doc;
  const field = (key) => (doc[key] === undefined ? null : doc[key]);
  const event = { id: entry.id, _id: doc._id, name: field('name') };
  if (doc.startDate !== null && typeof doc.startDate === 'object' && doc.startDate instanceof MongoDate) {
    event.startDate = isoPhp(doc.startDate.sec);
    event.startDateSec = doc.startDate.sec;
  }
  if (doc.endDate !== null && typeof doc.endDate === 'object' && doc.endDate instanceof MongoDate) {
    event.endDate = isoPhp(doc.endDate.sec);
    event.endDateSec = doc.endDate.sec;
  }
  event.typeEvent = field('type');
  event.geo = field('geo');
  event.tags = field('tags');
  event.preferences = field('preferences');
  event.shortDescription = field('shortDescription');
  event.description = field('description');
  event.addresses = field('addresses');
  event.allDay = field('allDay');
  event.creator = field('creator');
  Object.assign(event, imageUrls(doc, context.nowSec));
  event.address = isEmptyPhp(doc.address) ? { addressLocality: 'Unknown Locality' } : doc.address;
  event.type = 'events';
  event.typeSig = 'events';
  const links = doc.links;
  if (truthy(links) && isObject(links)) {
    for (const key of ['attendees', 'followers']) {
      if (truthy(links[key]) && countOf(links[key]) > 0) (event.counts ??= {})[key] = countOf(links[key]);
    }
  }
  return event;
}

/** Translate::pastTime on a date string ("date" mode): strtotime, false → 0. */
export function pastTimeFromDate(value, nowSec) {
  return pastTimeFr(strtotime(value) ?? 0, nowSec);
}

/** Translate::pastTime on a timestamp ("timestamp" mode): MongoDate → sec, anything else as a number. */
export function pastTimeFromTimestamp(value, nowSec) {
  if (value instanceof MongoDate) return pastTimeFr(value.sec, nowSec);
  const number = typeof value === 'number' ? value : Number.parseInt(String(value ?? 0), 10);
  return pastTimeFr(Number.isFinite(number) ? number : 0, nowSec);
}
