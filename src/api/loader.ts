/**
 * "Hold the whole scope when it is small, else let the server filter": the loading strategy of every
 * list-like widget (directory, the map's list, the marketplace).
 *
 * Up to `localLimit` results, the whole scope is read once and searched in the browser: instant
 * keystrokes, exact facet counts, a reliable sort, and no dependence on the platform's paging
 * (`indexMin` may be ignored in 2026, contract section 10). Above it, text, facets, sort and pages
 * go to the server, one page at a time.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { searchElements, type SearchQuery, type SearchType } from './search.js';
import type { CommunecterElement, Counts } from './types.js';

export interface ScopeSet<T = CommunecterElement> {
  /** `local`: every result of the scope; `server`: one page of a server-filtered query. */
  readonly mode: 'local' | 'server';
  readonly items: readonly T[];
  /** Matches of the whole scope (local) or of the server query (null when the server did not say). */
  readonly total: number | null;
  readonly counts: Counts;
}

/** What the server applies in server mode. */
export interface ServerFilters {
  readonly text: string;
  readonly types: readonly SearchType[];
  readonly tags: readonly string[];
  /** 1-based. */
  readonly page: number;
  readonly sortBy?: Readonly<Record<string, 1 | -1>>;
}

export interface ScopeLoadOptions extends RequestOptions {
  readonly pageSize: number;
  readonly localLimit: number;
  /** Already known to be too large to hold (a previous load said so). */
  readonly serverMode: boolean;
  readonly server: ServerFilters;
  /** The first page, while the whole set loads. */
  readonly onPreview?: (set: ScopeSet) => void;
}

/** One server-filtered page. */
export async function loadServerPage(client: CommunecterClient, base: SearchQuery, options: ScopeLoadOptions): Promise<ScopeSet> {
  const { pageSize, server } = options;
  const page = await searchElements(
    client,
    {
      ...base,
      types: server.types.length > 0 ? server.types : base.types,
      text: server.text || undefined,
      tags: [...(base.tags ?? []), ...server.tags],
      tagsMode: server.tags.length > 0 ? 'all' : base.tagsMode,
      indexMin: (Math.max(1, server.page) - 1) * pageSize,
      indexStep: pageSize,
      ...(server.sortBy ? { sortBy: server.sortBy } : {}),
    },
    { signal: options.signal },
  );
  // The platform may ignore indexStep: a page is never more than a page.
  return { mode: 'server', items: page.items.slice(0, pageSize), total: page.total, counts: page.counts };
}

/**
 * The scope's results: all of them when the scope holds at most `localLimit`, else the server's
 * page for `server`. The returned mode tells the caller which; once `server`, pass `serverMode`.
 */
export async function loadScope(client: CommunecterClient, base: SearchQuery, options: ScopeLoadOptions): Promise<ScopeSet> {
  const { pageSize, localLimit, signal } = options;
  if (options.serverMode) return loadServerPage(client, base, options);
  const first = await searchElements(client, { ...base, indexMin: 0, indexStep: pageSize }, { signal });
  const received = first.items.length + first.dropped;
  if (first.total !== null ? first.total <= received : received < pageSize) {
    return { mode: 'local', items: first.items, total: first.items.length, counts: first.counts };
  }
  if (first.total !== null && first.total > localLimit) return loadServerPage(client, base, options);
  options.onPreview?.({ mode: 'local', items: first.items, total: first.total, counts: first.counts });
  const all = await searchElements(client, { ...base, indexMin: 0, indexStep: Math.min(localLimit, (first.total ?? localLimit) + pageSize) }, { signal });
  if (first.total === null && all.items.length + all.dropped >= localLimit) return loadServerPage(client, base, options);
  return { mode: 'local', items: all.items, total: all.items.length, counts: all.counts };
}
