/**
 * Wire records → domain elements. One function per platform shape, all funnelled through
 * `normalizeElement`, which never throws: a record it cannot use returns null and the list goes on.
 */
import { toText } from '../../lib/text.js';
import { toImageSrc, toMailtoHref, toSafeUrl } from '../../lib/url.js';
import {
  COLLECTIONS,
  ORGANIZATION_TYPES,
  type Address,
  type Classified,
  type CivicEvent,
  type Collection,
  type CommunecterElement,
  type ElementBase,
  type ElementImages,
  type ElementRef,
  type GeoPoint,
  type MarketSection,
  type Organization,
  type OrganizationType,
  type Poi,
  type Project,
} from '../types.js';
import {
  field,
  isRecord,
  readPosition,
  subRecord,
  toAddress,
  toCount,
  toDate,
  toHttpUrls,
  toId,
  toPhones,
  toPhpTimeZone,
  toPrice,
  toRichText,
  toSlug,
  toSocialLinks,
  toTags,
  toTimeZone,
  toWeeklySlots,
  type WireRecord,
} from './primitives.js';

export interface NormalizeContext {
  /** The api-base the data came from: relative image paths are resolved against it. */
  readonly base: string;
}

function isCollection(value: unknown): value is Collection {
  return typeof value === 'string' && (COLLECTIONS as readonly string[]).includes(value);
}

export function isOrganizationType(value: unknown): value is OrganizationType {
  return typeof value === 'string' && (ORGANIZATION_TYPES as readonly string[]).includes(value);
}

/**
 * Which collection a record belongs to. Search results overwrite `type` with the collection and
 * keep the sub-type in `typeOrga`/`typeEvent`/`typePoi`/`typeClassified`; raw documents have the
 * sub-type in `type`; modern payloads add `collection`.
 */
export function detectCollection(record: WireRecord): Collection | null {
  for (const key of ['collection', 'type', 'typeSig']) {
    const value = field(record, key);
    if (isCollection(value)) return value;
  }
  const type = field(record, 'type');
  if (isOrganizationType(type) || field(record, 'typeOrga') !== undefined) return 'organizations';
  if (field(record, 'typeEvent') !== undefined) return 'events';
  if (field(record, 'typePoi') !== undefined) return 'poi';
  if (field(record, 'typeClassified') !== undefined) return 'classifieds';
  if (type === 'jobs') return 'classifieds';
  return null;
}

function text(record: WireRecord, key: string, maxLength = 300): string | null {
  return toText(field(record, key), { maxLength });
}

// A path to a file without a name: "…/medium/.jpg" (an upload saved without a name, 2018 export)
// or "…/thumb/". It can only 404; null shows the placeholder at once.
const NAMELESS_FILE = /\/(?:\.[A-Za-z0-9]{1,5})?(?:\?[^#]*)?$/;

/**
 * An image field → a safe src. Thumbnails are often `thumb/<original file name>` with timestamp
 * prefixes, spaces or `.webp` (contract 15b item 4), which `toImageSrc` resolves as they are; a "#"
 * in a file name is encoded, since image paths have no fragment and it would cut the path.
 */
function imageSrc(value: unknown, base: string): string | null {
  if (typeof value !== 'string' || NAMELESS_FILE.test(value.trim())) return null;
  return toImageSrc(value.includes('#') ? value.replaceAll('#', '%23') : value, base);
}

function readImages(record: WireRecord, base: string): ElementImages {
  const image = (key: string) => imageSrc(field(record, key), base);
  const full = image('profilImageUrl') ?? image('image');
  const medium = image('profilMediumImageUrl') ?? full;
  return {
    thumb: image('profilThumbImageUrl') ?? medium,
    medium,
    full: full ?? medium,
    banner: image('profilRealBannerUrl') ?? image('profilBannerUrl'),
  };
}

/** The element's own web addresses: the first is its website, the others extra links. */
function readWebsites(record: WireRecord): string[] {
  const url = field(record, 'url');
  // The open-data API nests links: url: {communecter, api, website}.
  return toHttpUrls(isRecord(url) ? field(url, 'website') : url);
}

function readEmail(record: WireRecord): string | null {
  const email = text(record, 'email', 254);
  return email !== null && toMailtoHref(email) !== null ? email : null;
}

function readSourceKeys(record: WireRecord): string[] {
  const source = subRecord(record, 'source');
  if (!source) return [];
  const keys = toTags(field(source, 'keys'));
  const key = toText(field(source, 'key'), { maxLength: 60 });
  if (key !== null && !keys.includes(key)) keys.push(key);
  return keys;
}

/**
 * A link to another element, from whichever form the record uses: an embedded object
 * (`organizerObj`, `parent`), a `{id: {type, name}}` map (`organizer`, `links.organizer`), or the
 * legacy `xxxId`/`xxxType` pair.
 */
function readRef(record: WireRecord, objectKey: string | null, mapKeys: readonly string[], idKey: string, typeKey: string): ElementRef | null {
  let id = toId(field(record, idKey));
  let collection = text(record, typeKey, 40);
  let name: string | null = null;
  let slug: string | null = null;
  const embedded = objectKey ? subRecord(record, objectKey) : null;
  if (embedded) {
    name = text(embedded, 'name');
    slug = toSlug(field(embedded, 'slug'));
    id ??= toId(field(embedded, 'id')) ?? toId(field(embedded, '_id'));
    collection ??= text(embedded, 'collection', 40) ?? text(embedded, 'type', 40);
  }
  for (const mapKey of mapKeys) {
    const map = mapKey === 'links.organizer' ? subRecord(subRecord(record, 'links') ?? {}, 'organizer') : subRecord(record, mapKey);
    if (!map) continue;
    const firstKey = Object.keys(map).find((key) => toId(key) !== null);
    if (firstKey === undefined) continue;
    const entry = subRecord(map, firstKey);
    id ??= toId(firstKey);
    if (entry) {
      name ??= text(entry, 'name');
      slug ??= toSlug(field(entry, 'slug'));
      collection ??= text(entry, 'type', 40);
    }
    break;
  }
  if (id === null && name === null && slug === null) return null;
  return { id, collection, name, slug };
}

const MAX_SECONDARY_ADDRESSES = 10;

/**
 * The first usable position and address among the secondary addresses (`addresses: [{address, geo,
 * geoPosition}]`), for elements that have none of their own: a place where the element also is is a
 * better marker than none.
 */
function readSecondaryPlace(record: WireRecord): { position: GeoPoint | null; address: Address | null } {
  const list = field(record, 'addresses');
  let position: GeoPoint | null = null;
  let address: Address | null = null;
  if (!Array.isArray(list)) return { position, address };
  for (const entry of list.slice(0, MAX_SECONDARY_ADDRESSES)) {
    if (!isRecord(entry)) continue;
    position ??= readPosition(entry);
    address ??= toAddress(field(entry, 'address'));
    if (position && address) break;
  }
  return { position, address };
}

function buildBase(record: WireRecord, key: string | null, collection: Collection, context: NormalizeContext): Omit<ElementBase, 'kind'> | null {
  const id = toId(field(record, '_id')) ?? toId(field(record, 'id')) ?? (key === null ? null : toId(key));
  // Without an id there is no stable key and no link; without a name there is nothing to show
  // (objects impersonating Lit templates land here too).
  const name = text(record, 'name');
  if (id === null || name === null) return null;
  let address = toAddress(field(record, 'address'));
  let position = readPosition(record);
  if (address === null || position === null) {
    const secondary = readSecondaryPlace(record);
    address ??= secondary.address;
    position ??= secondary.position;
  }
  const [website = null, ...links] = readWebsites(record);
  return {
    id,
    collection,
    name,
    slug: toSlug(field(record, 'slug')),
    subType: null,
    shortDescription: text(record, 'shortDescription', 600),
    description: toRichText(field(record, 'description'), field(record, 'descriptionHTML')),
    tags: toTags(field(record, 'tags')),
    address,
    position,
    images: readImages(record, context.base),
    email: readEmail(record),
    website,
    links,
    phones: toPhones(field(record, 'telephone') ?? field(record, 'phone')),
    social: toSocialLinks(field(record, 'socialNetwork')),
    created: toDate(field(record, 'created')),
    updated: toDate(field(record, 'updated')),
    sourceKeys: readSourceKeys(record),
  };
}

function subTypeOf(record: WireRecord, specificKey: string, collection: Collection): string | null {
  const specific = text(record, specificKey, 60);
  if (specific !== null) return specific;
  const type = text(record, 'type', 60);
  if (type !== null && type !== collection) return type;
  return text(record, 'typeCommunecter', 60);
}

function toOrganization(record: WireRecord, base: Omit<ElementBase, 'kind'>): Organization {
  const subType = subTypeOf(record, 'typeOrga', 'organizations');
  const counts = subRecord(record, 'counts');
  // Object.assign onto the fresh base instead of a spread: one object per record, not two
  // (normalising 10,000 records is allocation-bound).
  return Object.assign(base, {
    kind: 'organization' as const,
    subType,
    organizationType: isOrganizationType(subType) ? subType : null,
    memberCount: counts ? toCount(field(counts, 'members')) : null,
    followerCount: counts ? toCount(field(counts, 'followers')) : null,
  });
}

function toProject(record: WireRecord, base: Omit<ElementBase, 'kind'>): Project {
  return Object.assign(base, {
    kind: 'project' as const,
    subType: null,
    start: toDate(field(record, 'startDate')),
    end: toDate(field(record, 'endDate')),
    maturity: text(record, 'maturity', 60),
    parent: readRef(record, 'parent', ['parent'], 'parentId', 'parentType'),
  });
}

function toEvent(record: WireRecord, base: Omit<ElementBase, 'kind'>): CivicEvent {
  const eventType = subTypeOf(record, 'typeEvent', 'events');
  const recurrence = toWeeklySlots(field(record, 'openingHours'));
  // `startDateSort` (a PHP DateTime in agenda rows) and `startDateSortFormat` (ISO with the event's
  // local offset) are the row's sort key. The contract does not say they are the series' first day;
  // the 2026 client that documents them (contract 15b item 13) reads them as the occurrence a row
  // stands for. The agenda hides every occurrence before `start`, so the sort key never becomes the
  // start of a recurring event; it is kept as `sortDate`. A row without `startDate` and without
  // readable slots starts there: it is the one occurrence known.
  const sortDate = toDate(field(record, 'startDateSortFormat')) ?? toDate(field(record, 'startDateSort'));
  let start =
    toDate(field(record, 'startDate')) ?? toDate(field(record, 'startDateTime')) ?? toDate(field(record, 'startDateSec'));
  if (start === null && recurrence.length === 0) start = sortDate;
  const end = toDate(field(record, 'endDate')) ?? toDate(field(record, 'endDateTime')) ?? toDate(field(record, 'endDateSec'));
  const allDay = field(record, 'allDay');
  const counts = subRecord(record, 'counts');
  return Object.assign(base, {
    kind: 'event' as const,
    subType: eventType,
    eventType,
    start,
    end,
    allDay: allDay === true || allDay === 'true' || allDay === 1,
    // The event's own zone, else the zone of its PHP DateTime dates (the weekly slots' hours are
    // wall-clock times in it).
    timeZone:
      toTimeZone(field(record, 'timeZone')) ?? toPhpTimeZone(field(record, 'startDateSort')) ?? toPhpTimeZone(field(record, 'startDate')),
    organizer: readRef(record, 'organizerObj', ['organizer', 'links.organizer'], 'organizerId', 'organizerType'),
    parent: readRef(record, null, ['parent'], 'parentId', 'parentType'),
    recurrence,
    sortDate,
    attendeeCount: counts ? toCount(field(counts, 'attendees')) : null,
  });
}

function toPoi(record: WireRecord, base: Omit<ElementBase, 'kind'>): Poi {
  const poiType = subTypeOf(record, 'typePoi', 'poi');
  const urls = field(record, 'urls');
  const links: string[] = [];
  // Its own `urls` first, then the extra addresses of its `url`; the website is not repeated.
  for (const url of Array.isArray(urls) ? urls.slice(0, 10) : []) {
    const link = toSafeUrl(url, { protocols: ['http:', 'https:'] });
    if (link !== null && link !== base.website && !links.includes(link)) links.push(link);
  }
  for (const link of base.links) if (!links.includes(link)) links.push(link);
  return Object.assign(base, {
    kind: 'poi' as const,
    subType: poiType,
    poiType,
    parent: readRef(record, 'parent', [], 'parentId', 'parentType'),
    links,
  });
}

const SECTIONS: readonly MarketSection[] = ['forsale', 'forrent', 'need', 'offer'];
const MARKET_TYPES = ['classifieds', 'ressources', 'jobs'] as const;

function toClassified(record: WireRecord, base: Omit<ElementBase, 'kind'>, collection: Collection): Classified {
  const declared = text(record, 'typeClassified', 40) ?? text(record, 'type', 40);
  const marketType =
    collection === 'ressources'
      ? 'ressources'
      : (MARKET_TYPES.find((type) => type === declared) ?? 'classifieds');
  const section = text(record, 'section', 20);
  const { price, priceText } = toPrice(field(record, 'price'));
  const currency = text(record, 'devise', 8);
  return Object.assign(base, {
    kind: collection === 'ressources' ? ('ressource' as const) : ('classified' as const),
    subType: marketType,
    marketType,
    section: SECTIONS.find((value) => value === section) ?? null,
    category: text(record, 'category', 60),
    subCategory: text(record, 'subtype', 60) ?? text(record, 'subType', 60),
    price,
    priceText,
    currency: price === null ? null : currency,
    contactInfo: text(record, 'contactInfo', 200),
    parent: readRef(record, 'parent', ['parent'], 'parentId', 'parentType'),
  });
}

/**
 * One record → one domain element, or null when it is unusable. `key` is the record's key in an
 * id-keyed `results` map (the fallback id); `collection` forces the collection when the route says
 * it (an element's events, the open-data API); `fallback` is the collection of a record that says
 * nothing about its own (see `fallbackCollection` in responses.ts).
 */
export function normalizeElement(
  value: unknown,
  context: NormalizeContext,
  key: string | null = null,
  collection: Collection | null = null,
  fallback: Collection | null = null,
): CommunecterElement | null {
  if (!isRecord(value)) return null;
  try {
    const resolved = collection ?? detectCollection(value) ?? fallback;
    if (resolved === null) return null;
    const base = buildBase(value, key, resolved, context);
    if (base === null) return null;
    switch (resolved) {
      case 'organizations':
        return toOrganization(value, base);
      case 'projects':
        return toProject(value, base);
      case 'events':
        return toEvent(value, base);
      case 'poi':
        return toPoi(value, base);
      case 'classifieds':
      case 'ressources':
        return toClassified(value, base, resolved);
    }
  } catch {
    // A getter that throws, a proxy, a frozen oddity: the record is skipped, the list goes on.
    return null;
  }
}

/**
 * The same element met twice (in one answer or across pages): the first occurrence wins, and
 * fields it lacks are filled from the second.
 */
export function mergeElements<T extends CommunecterElement>(first: T, second: T): T {
  const merged: Record<string, unknown> = { ...first };
  for (const [name, value] of Object.entries(second)) {
    const current = merged[name];
    const empty = current === null || current === undefined || (Array.isArray(current) && current.length === 0);
    if (empty && value !== null && value !== undefined) merged[name] = value;
  }
  return merged as T;
}
