/**
 * Events for an agenda window. The platform's date filter keeps, with both bounds, only events that
 * start after the window's start and end before its end: a festival that started yesterday, or one
 * that ends after the window, would vanish, and recurring events (no dates at all) never match. So:
 *
 * 1. ask with the window's start only, which the platform reads as "starts or ends after it", sorted
 *    by start: every event still running at the window's start or starting later; pages of 500
 *    until one starts after the window's end (at most `maxEvents`);
 * 2. ask once, without dates, for events that have weekly slots (`filters[openingHours][$exists]`
 *    on modern servers; older ones ignore it, and their start-ascending sort puts dateless events
 *    first anyway);
 * 3. let the caller keep what truly overlaps the window, and expand the slots.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { ApiError } from './errors.js';
import { fetchElementEvents, resolveSlug } from './elements.js';
import { toId } from './normalize/primitives.js';
import { isEnvelope, normalizeSearchResponse } from './normalize/responses.js';
import { buildSearchForm, SEARCH_PATH, type SearchQuery } from './search.js';
import type { CivicEvent } from './types.js';

export interface EventWindowQuery {
  readonly scope: Omit<SearchQuery, 'types'>;
  readonly start: Date;
  readonly end: Date;
  /** One event type can be filtered by the server (`searchSType`); several are filtered by the caller. */
  readonly eventType?: string;
  /** Upper bound on events read (4 pages of 500 by default). */
  readonly maxEvents?: number;
}

const PAGE = 500;

function eventsOf(raw: unknown, base: string): CivicEvent[] {
  // Only events were asked: a row that does not say its collection is an event.
  return normalizeSearchResponse(raw, { base }, [], ['events']).items.filter((item): item is CivicEvent => item.kind === 'event');
}

export async function fetchEventsInWindow(client: CommunecterClient, query: EventWindowQuery, requestOptions: RequestOptions = {}): Promise<CivicEvent[]> {
  const options: RequestOptions = { ...requestOptions, accept: isEnvelope };
  const maxEvents = Math.max(PAGE, query.maxEvents ?? 4 * PAGE);
  const byId = new Map<string, CivicEvent>();
  const base: SearchQuery = { ...query.scope, types: ['events'], subType: query.eventType };

  const recurring = client
    .postForm(SEARCH_PATH, { ...buildSearchForm({ ...base, indexMin: 0, indexStep: 200 }), filters: { openingHours: { $exists: 'true' } } }, options)
    .then((raw) => eventsOf(raw, client.baseUrl).filter((event) => event.recurrence.length > 0));
  // Awaited after the dated pages; if those fail first, this one must not surface as unhandled.
  recurring.catch(() => undefined);

  for (let index = 0; index < maxEvents; index += PAGE) {
    const raw = await client.postForm(SEARCH_PATH, buildSearchForm({ ...base, eventWindow: { start: query.start }, indexMin: index, indexStep: PAGE }), options);
    const page = eventsOf(raw, client.baseUrl);
    let fresh = 0;
    for (const event of page) {
      if (!byId.has(event.id)) fresh++;
      byId.set(event.id, event);
    }
    const last = page[page.length - 1];
    // Stop on a short page, on a page past the window, or when paging is ignored (nothing new).
    if (page.length < PAGE || fresh === 0 || (last?.start && last.start >= query.end)) break;
  }
  for (const event of await recurring) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()];
}

/**
 * One organisation's (or project's) events, from a slug or an id. The platform route has no date
 * filter or paging: the caller filters by window.
 */
export async function fetchOrganizationEvents(client: CommunecterClient, slugOrId: string, options: RequestOptions = {}): Promise<CivicEvent[]> {
  const value = slugOrId.trim();
  // A 24-hex value is a Mongo id; anything else is a slug to resolve first.
  if (/^[0-9a-f]{24}$/i.test(value)) {
    return fetchElementEvents(client, { collection: 'organizations', id: value }, options);
  }
  const info = await resolveSlug(client, value, options);
  if (!info || toId(info.id) === null) throw new ApiError('config', `No element has the slug "${value}"`, { attribute: 'organization', value });
  const collection = ['organizations', 'projects', 'events', 'citoyens'].includes(info.collection) ? info.collection : 'organizations';
  return fetchElementEvents(client, { collection, id: info.id }, options);
}
