/**
 * The places of a scope for a map: every page of the search route, with `fields[]` limited to what a
 * map shows (contract section 14), each page handed over as it arrives so the map is usable from the
 * first one. A server that ignores `fields[]` answers with whole records, which normalise the same.
 * A server that ignores `indexMin` (contract section 10) answers the same page again: paging stops
 * when a page brings nothing new, so it never loops.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { searchElements, type SearchQuery } from './search.js';
import type { CommunecterElement } from './types.js';

/** What a marker, its popup and the list entry show; nothing else travels. */
export const PLACE_FIELDS = [
  'name', 'slug', 'collection', 'typeSig', 'type', 'typeOrga', 'typeEvent', 'typePoi',
  'geo', 'geoPosition', 'addresses', 'address', 'profilThumbImageUrl', 'profilMediumImageUrl',
  'shortDescription', 'tags', 'startDate', 'endDate', 'allDay', 'timeZone',
] as const;

/** Hard ceiling of one map: beyond it the scope is cut (and the element says so). */
export const MAX_PLACES = 100_000;

export interface PlacesProgress {
  /** Every place received so far, in server order, without duplicates. */
  readonly items: readonly CommunecterElement[];
  /** The scope's size when the server said (first page), else null. */
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

/** Loads every page of `query`; resolves with the last progress (`done: true`). */
export async function loadPlaces(client: CommunecterClient, query: SearchQuery, options: PlacesOptions): Promise<PlacesProgress> {
  const pageSize = Math.max(1, Math.floor(options.pageSize));
  const max = options.maxItems ?? MAX_PLACES;
  const seen = new Set<string>();
  const items: CommunecterElement[] = [];
  let total: number | null = null;
  for (let indexMin = 0; ; indexMin += pageSize) {
    const page = await searchElements(
      client,
      { ...query, fields: query.fields ?? PLACE_FIELDS, count: indexMin === 0 ? true : query.count, indexMin, indexStep: pageSize },
      { signal: options.signal },
    );
    if (indexMin === 0) total = page.total;
    let added = 0;
    for (const item of page.items) {
      const key = `${item.collection}:${item.id}`;
      if (seen.has(key) || items.length >= max) continue;
      seen.add(key);
      items.push(item);
      added++;
    }
    const received = page.items.length + page.dropped;
    // The platform pages each collection separately: a page is full when any collection filled it.
    const done = added === 0 || received < pageSize || items.length >= max || (total !== null && items.length >= total);
    const progress: PlacesProgress = { items, total, done };
    options.onPage?.(progress);
    if (done) return progress;
  }
}
