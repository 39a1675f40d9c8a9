// /co2/element/getdatadetail/type/{collection}/id/{id}/dataName/{dataName} — GetDataDetailAction:
// what one element links to (its events, POIs, ads, members…), no paging, no date filter.
import { OBJECT_ID_PATTERN } from '../lib/prng.mjs';
import { PlatformError, json } from '../lib/http.mjs';
import * as shapes from '../lib/shapes.mjs';

const MEMBER_LIKE = new Set(['follows', 'followers', 'members', 'attendees', 'contributors', 'guests']);
const CONNECT_TYPES = { organizations: 'members', projects: 'contributors', events: 'attendees', citoyens: 'followers' };
const isPublic = (doc) => doc?.preferences?.private !== true;

/** Element::getByTypeAndId: the raw element (organisations get their image URLs merged in), or null. */
function elementById(data, collection, id, context) {
  const entry = data.byId.get(id);
  if (!entry || entry.col !== collection) return null;
  if (collection === 'organizations') {
    return { ...entry.doc, ...shapes.imageUrls(entry.doc, context.nowSec), typeSig: 'organizations', typeOrganization: entry.doc.type ?? null };
  }
  return { ...entry.doc };
}

/**
 * @param {any} data
 * @param {Record<string, string>} params type, id, dataName
 */
export function getDataDetail(data, params) {
  const { type, dataName } = params;
  if (type === undefined || params.id === undefined || dataName === undefined) throw new PlatformError(400, 'Votre requête est invalide.');
  const context = { byId: data.byId, nowSec: data.nowSec };
  // new MongoId() accepts upper-case hex and stores it lower-cased.
  const id = String(params.id).toLowerCase();
  let element = null;
  if (type !== '0') {
    if (!OBJECT_ID_PATTERN.test(id)) throw new PlatformError(500, 'Invalid object ID');
    element = data.byId.get(id)?.col === type ? data.byId.get(id).doc : null;
  }
  const links = element?.links ?? {};
  /** @type {Record<string, any>} */
  const map = {};

  if (MEMBER_LIKE.has(dataName)) {
    const connector = dataName === 'guests' ? CONNECT_TYPES[type] : dataName;
    for (const [linkId, link] of Object.entries(links[connector] ?? {})) {
      const linked = elementById(data, link.type, linkId, context);
      if (!linked) continue;
      if (Array.isArray(link.roles) && link.roles.length) linked.rolesLink = link.roles;
      if (dataName === 'guests') {
        if (!link.isInviting) continue;
        linked.type = link.type;
        linked.isInviting = link.isInviting;
      } else {
        if (link.isInviting) continue;
        if (link.type === 'citoyens') {
          const status = {};
          if (link.toBeValidated) status.toBeValidated = true;
          if (link.isAdmin) status.isAdmin = true;
          if (link.isAdminPending) status.isAdminPending = true;
          if (link.isAdminInviting) status.isAdminInviting = true;
          linked.statusLink = Object.keys(status).length ? status : [];
        }
        linked.type = link.type;
      }
      map[linkId] = linked;
    }
  }

  if (dataName === 'events') {
    // Newest link first: the PHP reverses the insertion order of links.events, then of links.subEvents.
    for (const key of ['events', 'subEvents']) {
      for (const eventId of Object.keys(links[key] ?? {}).reverse()) {
        const entry = data.byId.get(eventId);
        if (!entry || entry.col !== 'events' || !isPublic(entry.doc)) continue;
        map[eventId] = shapes.simpleEvent(entry, context);
      }
    }
  }

  if (dataName === 'projects') {
    for (const projectId of Object.keys(links.projects ?? {})) {
      const entry = data.byId.get(projectId);
      if (!entry || entry.col !== 'projects' || !isPublic(entry.doc)) continue;
      map[projectId] = { ...entry.doc, type: 'projects', typeSig: 'projects' };
    }
  }

  if (dataName === 'organizations') {
    for (const orgId of Object.keys(links.memberOf ?? {})) {
      const entry = data.byId.get(orgId);
      if (!entry || entry.col !== 'organizations') continue;
      map[orgId] = { ...entry.doc, typeOrga: entry.doc.type ?? null, type: 'organization', typeSig: 'organizations' };
    }
  }

  if (dataName === 'classifieds' || dataName === 'ressources' || dataName === 'jobs') {
    // Ads, ressources and jobs all live in the classifieds collection, told apart by their type.
    for (const entry of byUpdatedDesc(data.collections.classifieds.filter((item) => item.doc.parentId === id && item.doc.parentType === type && item.doc.type === dataName))) {
      map[entry.id] = { ...entry.doc, type: 'classifieds', typeClassified: dataName, typeSig: 'classifieds' };
    }
  }

  if (dataName === 'poi') {
    for (const entry of byUpdatedDesc(data.collections.poi.filter((item) => item.doc.parentId === id && item.doc.parentType === type))) {
      map[entry.id] = { ...entry.doc, typePoi: entry.doc.type ?? null, typeSig: 'poi' };
    }
  }

  for (const item of Object.values(map)) {
    item.updatedLbl = item.type === 'events' ? shapes.pastTimeFromDate(item.startDate, data.nowSec) : shapes.pastTimeFromTimestamp(item.updated, data.nowSec);
  }
  return json(Object.keys(map).length ? map : []);
}

function byUpdatedDesc(entries) {
  return entries.sort((a, b) => (typeof b.doc.updated === 'number' ? b.doc.updated : -Infinity) - (typeof a.doc.updated === 'number' ? a.doc.updated : -Infinity) || a.order - b.order);
}
