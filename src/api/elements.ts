/**
 * Lookups around one element: slug → id, an element's events, and the documented open-data API
 * (`/api/{organization|event}/get`) used as a fallback where the search route is unavailable.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { ApiError } from './errors.js';
import { isEnvelope, normalizeElementMap, normalizeOpenDataResponse, normalizeSlugInfo, type OpenDataPage, type SlugInfo } from './normalize/responses.js';
import { isRecord, toId, toSlug, toTags } from './normalize/primitives.js';
import { INSEE, SOURCE_KEY } from './scope.js';
import type { CivicEvent, Collection } from './types.js';

/** `GET /co2/slug/getinfo/key/{slug}`: the id and collection behind a slug, or null. */
export async function resolveSlug(client: CommunecterClient, slug: string, options: RequestOptions = {}): Promise<SlugInfo | null> {
  const clean = toSlug(slug);
  if (clean === null) return null;
  const raw = await client.getJson(`/co2/slug/getinfo/key/${encodeURIComponent(clean)}`, undefined, { ...options, accept: isRecord });
  return normalizeSlugInfo(raw);
}

export interface ElementRefInput {
  readonly collection: string;
  readonly id: string;
}

const ELEMENT_COLLECTIONS = new Set(['organizations', 'projects', 'events', 'citoyens', 'poi']);

/**
 * `GET /co2/element/getdatadetail/type/{collection}/id/{id}/dataName/events`: the events an element
 * organises (links.events and links.subEvents). No date filter or paging on the server: the caller
 * filters and sorts.
 */
export async function fetchElementEvents(client: CommunecterClient, element: ElementRefInput, options: RequestOptions = {}): Promise<CivicEvent[]> {
  const id = toId(element.id);
  if (id === null || !ELEMENT_COLLECTIONS.has(element.collection)) {
    throw new ApiError('config', `Not an element reference: ${element.collection}/${element.id}`);
  }
  const raw = await client.getJson(`/co2/element/getdatadetail/type/${element.collection}/id/${id}/dataName/events`, undefined, { ...options, accept: isEnvelope });
  return normalizeElementMap(raw, { base: client.baseUrl }, 'events').items.filter((item): item is CivicEvent => item.kind === 'event');
}

export interface OpenDataQuery {
  readonly collection: Extract<Collection, 'organizations' | 'events' | 'projects'>;
  readonly id?: string;
  /** Exact, case-sensitive tags (any of them). */
  readonly tags?: readonly string[];
  readonly insee?: string;
  /** Network source key (`source.key`, exact). */
  readonly sourceKey?: string;
  /** Page size (the server clamps to 500) and offset. */
  readonly limit?: number;
  readonly index?: number;
}

const OPEN_DATA_PATH: Readonly<Record<OpenDataQuery['collection'], string>> = {
  organizations: '/api/organization/get',
  events: '/api/event/get',
  projects: '/api/project/get',
};

/**
 * The open-data API. Weak but documented, and in the 2018 code `/api/organization/get` is the one
 * route that sends a CORS header: no text search, no dates, no totals, natural order.
 */
export async function fetchOpenData(client: CommunecterClient, query: OpenDataQuery, options: RequestOptions = {}): Promise<OpenDataPage> {
  const tags = toTags(query.tags ?? []);
  const id = query.id === undefined ? undefined : toId(query.id);
  if (id === null) throw new ApiError('config', 'Not an element id');
  const limit = typeof query.limit === 'number' && Number.isFinite(query.limit) ? Math.min(500, Math.max(1, Math.floor(query.limit))) : undefined;
  const index = typeof query.index === 'number' && Number.isFinite(query.index) ? Math.max(0, Math.floor(query.index)) : undefined;
  const raw = await client.getJson(
    OPEN_DATA_PATH[query.collection],
    {
      id,
      tags: tags.length > 0 ? tags.join(',') : undefined,
      insee: query.insee && INSEE.test(query.insee) ? query.insee : undefined,
      key: query.sourceKey && SOURCE_KEY.test(query.sourceKey) ? query.sourceKey : undefined,
      limit,
      index,
    },
    { ...options, accept: isRecord },
  );
  return normalizeOpenDataResponse(raw, { base: client.baseUrl }, query.collection);
}
