/**
 * Whole answers → domain results. Each route's envelope is checked here; an envelope of the wrong
 * kind is an `ApiError('bad-shape')`, a bad record inside a good envelope is only skipped.
 */
import { ApiError } from '../errors.js';
import { COLLECTIONS, ORGANIZATION_TYPES, type Collection, type CommunecterElement, type Counts, type SearchPage } from '../types.js';
import { isOrganizationType, mergeElements, normalizeElement, type NormalizeContext } from './elements.js';
import { field, isRecord, toCount, toId } from './primitives.js';

interface Entry {
  readonly key: string | null;
  readonly value: unknown;
}

/**
 * The entries of a collection the platform may send as an id-keyed object (PHP's
 * iterator_to_array), as an array, or — PHP's json_encode of an empty array — as `[]`.
 * Only own keys are read, so `__proto__` or `constructor` keys cannot reach a prototype.
 */
function entriesOf(value: unknown): Entry[] {
  if (Array.isArray(value)) return value.map((item) => ({ key: null, value: item }));
  if (isRecord(value)) return Object.keys(value).map((key) => ({ key, value: value[key] }));
  return [];
}

/**
 * Normalises, drops the unusable, and merges duplicate ids (first occurrence first). `fallback` is
 * the collection of records that do not say their own.
 */
export function normalizeEntries(
  entries: readonly Entry[],
  context: NormalizeContext,
  collection: Collection | null = null,
  fallback: Collection | null = null,
): { items: CommunecterElement[]; dropped: number } {
  const byKey = new Map<string, CommunecterElement>();
  let dropped = 0;
  for (const entry of entries) {
    const element = normalizeElement(entry.value, context, entry.key, collection, fallback);
    if (element === null) {
      dropped++;
      continue;
    }
    const identity = `${element.collection}:${element.id}`;
    const existing = byKey.get(identity);
    byKey.set(identity, existing ? mergeElements(existing, element) : element);
  }
  return { items: [...byKey.values()], dropped };
}

const COUNT_KEYS: readonly string[] = [...COLLECTIONS, ...ORGANIZATION_TYPES];

function readCounts(value: unknown): Counts {
  const counts: Partial<Record<string, number>> = {};
  if (!isRecord(value)) return counts;
  for (const key of COUNT_KEYS) {
    const count = toCount(field(value, key));
    if (count !== null) counts[key] = count;
  }
  return counts;
}

/** The envelope check of the search and getdatadetail routes (an object or a list). */
export function isEnvelope(raw: unknown): boolean {
  return isRecord(raw) || Array.isArray(raw);
}

function requireEnvelope(raw: unknown, route: string): void {
  if (!isEnvelope(raw)) {
    throw new ApiError('bad-shape', `Unexpected answer from ${route}: ${raw === null ? 'null' : typeof raw}`);
  }
}

function isCollection(value: string): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value);
}

/**
 * The collection of a search result that says nothing about its own (no `collection`, no `typeSig`,
 * and a `type` that is neither a collection nor a known organisation sub-type), from the types the
 * query asked (collections or organisation sub-types):
 *
 * - organisations, or organisation sub-types, among them → an organisation. Contract 15b item 1: in
 *   a `fields[]` search about one organisation in six has no `type` at all and others a raw or unknown
 *   sub-type, while every other collection has `type` overwritten with its collection name in search
 *   results (contract 4.1); so when organisations were asked, an untyped record is, on the evidence,
 *   one of them, even if other collections were asked too.
 * - exactly one other collection → that collection: the server searched nothing else.
 * - several other collections → unknown: no evidence to choose, the record is dropped (and counted in
 *   `dropped`).
 *
 * The server's per-type totals are left as they are: such a record was counted under the
 * organisations (or the asked sub-type) by the server already.
 */
export function fallbackCollection(askedTypes: readonly string[]): Collection | null {
  const collections = new Set<Collection>();
  for (const type of askedTypes) {
    if (isOrganizationType(type)) collections.add('organizations');
    else if (isCollection(type)) collections.add(type);
  }
  if (collections.has('organizations')) return 'organizations';
  return collections.size === 1 ? [...collections][0]! : null;
}

/**
 * `POST /co2/search/globalautocomplete` → a page. `results` may be keyed by id or a list, and an
 * empty `results` (missing, null, [] or {}) is an empty page. `countedTypes` are the types whose
 * counts make the total (the `countType[]` that were asked); `askedTypes` are the query's types
 * (`searchType[]`), which tell the collection of records that do not say it (`fallbackCollection`).
 */
export function normalizeSearchResponse(
  raw: unknown,
  context: NormalizeContext,
  countedTypes: readonly string[] = [],
  askedTypes: readonly string[] = [],
): SearchPage {
  requireEnvelope(raw, 'search');
  // A bare list is read as the results themselves (seen from proxies that unwrap the envelope).
  const results = Array.isArray(raw) ? raw : field(raw as Record<string, unknown>, 'results');
  const { items, dropped } = normalizeEntries(entriesOf(results), context, null, fallbackCollection(askedTypes));
  const counts = Array.isArray(raw) ? {} : readCounts(field(raw as Record<string, unknown>, 'count'));
  let total: number | null = null;
  if (countedTypes.length > 0 && countedTypes.every((type) => counts[type as keyof Counts] !== undefined)) {
    total = countedTypes.reduce((sum, type) => sum + (counts[type as keyof Counts] ?? 0), 0);
  }
  return { items, counts, total, dropped };
}

/** `{id: doc}` maps (an element's events, POIs, ads…) → elements of the given collection. */
export function normalizeElementMap(raw: unknown, context: NormalizeContext, collection: Collection): { items: CommunecterElement[]; dropped: number } {
  requireEnvelope(raw, 'getdatadetail');
  return normalizeEntries(entriesOf(raw), context, collection);
}

export interface OpenDataPage {
  readonly items: readonly CommunecterElement[];
  readonly dropped: number;
  /** What `meta.limit` says: the number of entities returned (not the limit asked). */
  readonly returned: number;
}

/** `GET /api/{type}/get` → `{meta, entities}`; the entity id is only the map key. */
export function normalizeOpenDataResponse(raw: unknown, context: NormalizeContext, collection: Collection): OpenDataPage {
  if (!isRecord(raw)) throw new ApiError('bad-shape', 'Unexpected answer from the open-data API');
  const { items, dropped } = normalizeEntries(entriesOf(field(raw, 'entities')), context, collection);
  const meta = field(raw, 'meta');
  const returned = (isRecord(meta) ? toCount(field(meta, 'limit')) : null) ?? items.length + dropped;
  return { items, dropped, returned };
}

export interface SlugInfo {
  readonly id: string;
  readonly collection: string;
}

/** `GET /co2/slug/getinfo/key/{slug}` → the element's id and collection, or null when unknown. */
export function normalizeSlugInfo(raw: unknown): SlugInfo | null {
  if (!isRecord(raw)) throw new ApiError('bad-shape', 'Unexpected answer from the slug lookup');
  if (field(raw, 'result') !== true && field(raw, 'result') !== 'true') return null;
  const id = toId(field(raw, 'contextId'));
  const collection = field(raw, 'contextType');
  if (id === null || typeof collection !== 'string' || !/^[a-z]{2,30}$/i.test(collection)) return null;
  return { id, collection };
}
