/**
 * The places of a scope for a map: every page of the search route, with `fields[]` limited to what a
 * map shows (contract section 14), each page handed over as it arrives so the map is usable from the
 * first one. A server that ignores `fields[]` answers with whole records, which normalise the same.
 *
 * Each collection is paged on its own (organisations, then projects, events, POI): the platform pages
 * every collection of a request separately, so one request for four collections could bring four pages
 * at once, and the browser normalises an answer in one task; one collection per request keeps that task
 * short. The first request asks every collection's count, so the total is known from the start.
 * A server that ignores `indexMin` (contract section 10) answers the same page again: paging stops
 * when a page brings nothing new, so it never loops.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { countedTypes, searchElements, splitTypes, type SearchQuery, type SearchType } from './search.js';
import type { CommunecterElement, Counts } from './types.js';

/** What a marker, its popup and the list entry show; nothing else travels. */
export const PLACE_FIELDS = [
  'name', 'slug', 'collection', 'typeSig', 'type', 'typeOrga', 'typeEvent', 'typePoi',
  'geo', 'geoPosition', 'addresses', 'address', 'profilThumbImageUrl', 'profilMediumImageUrl',
  'shortDescription', 'tags', 'startDate', 'endDate', 'allDay', 'timeZone',
] as const;

/** Hard ceiling of one map (a scope of 100,000 located places is 102,040 records with the unlocated ones). */
export const MAX_PLACES = 150_000;

export interface PlacesProgress {
  /** Every place received so far, in server order, without duplicates. */
  readonly items: readonly CommunecterElement[];
  /** The scope's size when the server said (first answer), else null. */
  readonly total: number | null;
  /** No page follows. */
  readonly done: boolean;
}

export interface PlacesOptions extends RequestOptions {
  readonly pageSize: number;
  /** Called after each page (the last one too, with `done: true`). */
  readonly onPage?: (progress: PlacesProgress) => void;
  readonly maxItems?: number;
}

/** The queries of a scope, one per collection (organisation sub-types stay together). */
function groups(types: readonly SearchType[]): SearchType[][] {
  const { organizationTypes, collections } = splitTypes(types);
  const list: SearchType[][] = organizationTypes.length > 0 && !collections.includes('organizations') ? [organizationTypes] : [];
  return [...list, ...collections.map((collection) => [collection])];
}

/** Loads every page of `query`; resolves with the last progress (`done: true`). */
export async function loadPlaces(client: CommunecterClient, query: SearchQuery, options: PlacesOptions): Promise<PlacesProgress> {
  const pageSize = Math.max(1, Math.floor(options.pageSize));
  const max = options.maxItems ?? MAX_PLACES;
  const seen = new Set<string>();
  const items: CommunecterElement[] = [];
  const counted = countedTypes(query.types);
  let total: number | null = null;
  const parts = groups(query.types);
  for (const [g, types] of parts.entries()) {
    for (let indexMin = 0; ; indexMin += pageSize) {
      const first = g === 0 && indexMin === 0;
      const page = await searchElements(
        client,
        { ...query, types, fields: query.fields ?? PLACE_FIELDS, count: first, countTypes: first ? counted as SearchType[] : undefined, indexMin, indexStep: pageSize },
        { signal: options.signal },
      );
      if (first && Object.keys(page.counts).length > 0) total = counted.reduce((sum, type) => sum + (page.counts[type as keyof Counts] ?? 0), 0);
      let added = 0;
      for (const item of page.items) {
        const key = `${item.collection}:${item.id}`;
        if (seen.has(key) || items.length >= max) continue;
        seen.add(key);
        items.push(item);
        added++;
      }
      const full = items.length >= max;
      const groupDone = added === 0 || page.items.length + page.dropped < pageSize || full;
      const done = full || (groupDone && g === parts.length - 1);
      // Every page read: the total is what came (the server's counts may include records it does not send).
      if (done && !full) total = items.length;
      options.onPage?.({ items, total, done });
      if (done) return { items, total, done };
      if (groupDone) break;
    }
  }
  return { items, total, done: true };
}
