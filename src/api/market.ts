/**
 * The marketplace's reads: a scope's ads, needs, offers and jobs through the search route, or one
 * element's board through `getdatadetail`, each normalised by `normalize/market.ts` (which drops the
 * hidden records and keeps contacts out).
 *
 * Attributes fail closed like the scope (`scope.ts`): a value the platform does not know in `kinds`,
 * `section`, `category`, `currency`, `price-min` or `price-max` is a fatal problem and nothing is
 * sent, since dropping it would widen the board ("section=besion" must not show every section).
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import { ApiError } from './errors.js';
import { resolveSlug } from './elements.js';
import { isEnvelope } from './normalize/responses.js';
import { field, isRecord, toId } from './normalize/primitives.js';
import {
  MARKET_CATEGORIES,
  MARKET_KINDS,
  canonicalCurrency,
  normalizeMarketRecords,
  type MarketItem,
  type MarketKind,
  type MarketSection,
} from './normalize/market.js';
import { checkElementRef, checkList, OBJECT_ID, type ConfigProblem, type Scope } from './scope.js';
import { SEARCH_PATH, buildSearchForm, type SearchQuery } from './search.js';

/** Sections an attribute may ask for (the old ones are read, never asked). */
export const ASKABLE_SECTIONS: readonly MarketSection[] = ['need', 'offer', 'forsale', 'forrent', 'donation', 'sharing'];
/** Currencies an attribute may ask for, as the platform stores them. */
export const ASKABLE_CURRENCIES: readonly string[] = ['€', 'Ğ1', 'CFP', 'FC', '$', '£'];
/** How many records one scope load reads at most (the most recently updated first). */
export const MARKET_LOAD_LIMIT = 3000;

export interface MarketAttributes {
  readonly kinds?: string | null;
  readonly section?: string | null;
  readonly category?: string | null;
  readonly priceMin?: string | number | null;
  readonly priceMax?: string | number | null;
  readonly currency?: string | null;
  readonly organization?: string | null;
}

/** What the attributes ask, validated. */
export interface MarketFilters {
  readonly kinds: readonly MarketKind[];
  readonly section: MarketSection | null;
  readonly category: string | null;
  readonly priceMin: number | null;
  readonly priceMax: number | null;
  readonly currency: string | null;
  readonly organization: string | null;
}

const isKind = (value: string): value is MarketKind => (MARKET_KINDS as readonly string[]).includes(value);

/** Every category key of the trees (jobs' sectors are sub-types, not categories). */
export function isMarketCategory(value: string, kinds: readonly MarketKind[] = MARKET_KINDS): boolean {
  return kinds.some((kind) => Object.prototype.hasOwnProperty.call(MARKET_CATEGORIES[kind], value));
}

function checkPrice(attribute: string, raw: string | number | null | undefined): { value: number | null; problems: ConfigProblem[] } {
  if (raw === null || raw === undefined || String(raw).trim() === '') return { value: null, problems: [] };
  const text = String(raw).trim();
  return /^\d{1,12}$/.test(text) ? { value: Number(text), problems: [] } : { value: null, problems: [{ attribute, value: text, fatal: true }] };
}

/** The marketplace's own attributes → filters, and a fatal problem for each unusable value. */
export function checkMarket(attributes: MarketAttributes): { filters: MarketFilters; problems: ConfigProblem[] } {
  const kinds = checkList('kinds', attributes.kinds, isKind);
  const chosenKinds = kinds.values.length > 0 ? (kinds.values as MarketKind[]) : [...MARKET_KINDS];
  const problems: ConfigProblem[] = [...kinds.problems];
  const one = (attribute: string, raw: string | null | undefined, valid: (value: string) => boolean): string | null => {
    const value = (raw ?? '').trim();
    if (value === '') return null;
    if (valid(value)) return value;
    problems.push({ attribute, value, fatal: true });
    return null;
  };
  const section = one('section', attributes.section, (value) => (ASKABLE_SECTIONS as readonly string[]).includes(value)) as MarketSection | null;
  const category = one('category', attributes.category, (value) => isMarketCategory(value, chosenKinds));
  const currency = one('currency', attributes.currency, (value) => ASKABLE_CURRENCIES.includes(canonicalCurrency(value) ?? ''));
  const priceMin = checkPrice('price-min', attributes.priceMin);
  const priceMax = checkPrice('price-max', attributes.priceMax);
  const organization = checkElementRef('organization', attributes.organization);
  problems.push(...priceMin.problems, ...priceMax.problems, ...organization.problems);
  return {
    filters: {
      kinds: chosenKinds,
      section,
      category,
      priceMin: priceMin.value,
      priceMax: priceMax.value,
      currency: currency === null ? null : canonicalCurrency(currency),
      organization: organization.value,
    },
    problems,
  };
}

/** The search query of a scope's board: one `classifieds` search, `searchSType` when one kind is asked. */
export function marketSearchQuery(scope: Scope, filters: MarketFilters, indexStep = MARKET_LOAD_LIMIT): SearchQuery {
  return {
    ...scope,
    types: ['classifieds'],
    ...(filters.kinds.length === 1 ? { subType: filters.kinds[0] } : {}),
    market: {
      ...(filters.section ? { section: filters.section } : {}),
      ...(filters.category ? { category: filters.category } : {}),
      // The platform reads 0 as "no bound" (PHP empty()): a 0 minimum is not sent.
      ...(filters.priceMin ? { priceMin: filters.priceMin } : {}),
      ...(filters.priceMax !== null ? { priceMax: filters.priceMax } : {}),
      ...(filters.currency ? { currency: filters.currency } : {}),
    },
    indexMin: 0,
    indexStep,
    count: true,
  };
}

/**
 * What the attributes ask, applied again on the answer: an older server may ignore a field, and an
 * element's board (getdatadetail) has no filter at all.
 */
export function matchesFilters(item: MarketItem, filters: MarketFilters): boolean {
  if (!filters.kinds.includes(item.marketKind)) return false;
  if (filters.section && item.section !== filters.section) return false;
  if (filters.category && item.category !== filters.category) return false;
  if (filters.currency && item.currency !== filters.currency) return false;
  if (filters.priceMin !== null && filters.priceMin > 0 && (item.price === null || item.price < filters.priceMin)) return false;
  if (filters.priceMax !== null && (item.price === null || item.price > filters.priceMax)) return false;
  return true;
}

export interface MarketLoadOptions extends RequestOptions {
  /** Return organisations' contacts (the element's `show-contact`). */
  readonly contacts?: boolean;
  /** Read at most this many (a first page); default MARKET_LOAD_LIMIT. */
  readonly limit?: number;
}

export interface MarketSet {
  readonly items: readonly MarketItem[];
  /** The server's count of the scope, when it gave one. */
  readonly total: number | null;
  /** Whether this is the whole scope (not a first page of it). */
  readonly complete: boolean;
}

/** A scope's board through the search route. */
export async function searchMarket(client: CommunecterClient, scope: Scope, filters: MarketFilters, options: MarketLoadOptions = {}): Promise<MarketSet> {
  const limit = options.limit ?? MARKET_LOAD_LIMIT;
  const raw = await client.postForm(SEARCH_PATH, buildSearchForm(marketSearchQuery(scope, filters, limit)), { signal: options.signal, accept: isEnvelope });
  const results = Array.isArray(raw) ? raw : isRecord(raw) ? field(raw, 'results') : null;
  const counts = isRecord(raw) ? field(raw, 'count') : null;
  const total = isRecord(counts) && typeof field(counts, 'classifieds') === 'number' ? (field(counts, 'classifieds') as number) : null;
  const { items, dropped } = normalizeMarketRecords(results, { base: client.baseUrl, contacts: options.contacts });
  const received = items.length + dropped;
  // The platform may ignore indexStep: never more than asked.
  const kept = items.filter((item) => matchesFilters(item, filters)).slice(0, limit);
  return { items: kept, total, complete: limit >= MARKET_LOAD_LIMIT || (total !== null ? total <= received : received < limit) };
}

/** One organisation's board (`organization="slug or id"`): its ads, needs and offers and jobs. */
export async function fetchOrganizationMarket(client: CommunecterClient, slugOrId: string, filters: MarketFilters, options: MarketLoadOptions = {}): Promise<MarketSet> {
  const value = slugOrId.trim();
  let id: string | null = OBJECT_ID.test(value) ? value.toLowerCase() : null;
  let collection = 'organizations';
  if (id === null) {
    const info = await resolveSlug(client, value, options);
    if (!info || toId(info.id) === null) throw new ApiError('config', `No element has the slug "${value}"`, { attribute: 'organization', value });
    id = info.id;
    collection = ['organizations', 'projects', 'citoyens'].includes(info.collection) ? info.collection : 'organizations';
  }
  const maps = await Promise.all(
    filters.kinds.map((kind) =>
      client.getJson(`/co2/element/getdatadetail/type/${collection}/id/${encodeURIComponent(id!)}/dataName/${kind}`, undefined, { signal: options.signal, accept: isEnvelope }),
    ),
  );
  const seen = new Set<string>();
  const items: MarketItem[] = [];
  for (const map of maps) {
    for (const item of normalizeMarketRecords(map, { base: client.baseUrl, contacts: options.contacts }).items) {
      if (seen.has(item.id) || !matchesFilters(item, filters)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  // Newest first, as the search route sorts.
  items.sort((a, b) => (b.updated?.getTime() ?? 0) - (a.updated?.getTime() ?? 0));
  return { items, total: items.length, complete: true };
}


