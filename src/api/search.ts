/**
 * Search (`POST /co2/search/globalautocomplete`): domain query → PHP form fields → domain page.
 *
 * What the 2018 server cannot express is also applied on the answer, so a widget always gets what
 * it asked for: several organisation sub-types at once, tags in "all" mode (modern servers read
 * `options[tags][verb]=$all`, older ones ignore it), and a country combined with other places.
 * In those cases the per-type counts are the server's and may count a few items more.
 */
import type { CommunecterClient, RequestOptions } from './client.js';
import type { FormFields } from './form.js';
import { isOrganizationType, type NormalizeContext } from './normalize/elements.js';
import { toId, toTags } from './normalize/primitives.js';
import { isEnvelope, normalizeSearchResponse } from './normalize/responses.js';
import { COUNTRY, INSEE, POSTAL_CODE, SOURCE_KEY } from './scope.js';
import { COLLECTIONS, type Collection, type OrganizationType, type SearchPage } from './types.js';
import { foldForSearch, toText } from '../lib/text.js';

export const SEARCH_PATH = '/co2/search/globalautocomplete';

/** A collection, or an organisation sub-type meaning "organisations of that type". */
export type SearchType = Collection | OrganizationType;

/** Places; the kinds of place are OR-ed with each other by the platform. */
export interface LocalityFilter {
  /** Communecter city document ids (`address.localityId`). */
  readonly cityIds?: readonly string[];
  /** Postal codes or prefixes ("974" = all of La Réunion). */
  readonly postalCodes?: readonly string[];
  /** INSEE commune codes (`address.codeInsee`). */
  readonly insee?: readonly string[];
  /** Zone ids: a region (level3) or a département (level4). */
  readonly zones?: readonly string[];
  /** ISO 3166-1 alpha-2 codes; combined with other places as an AND. */
  readonly countries?: readonly string[];
}

export interface MarketFilter {
  readonly section?: string;
  readonly category?: string;
  readonly subCategory?: string;
  readonly priceMin?: number;
  readonly priceMax?: number;
  readonly currency?: string;
}

export interface SearchQuery {
  readonly types: readonly SearchType[];
  readonly text?: string;
  readonly tags?: readonly string[];
  readonly tagsMode?: 'any' | 'all';
  readonly locality?: LocalityFilter;
  /** Network / costum scope (`source.keys`). */
  readonly sourceKeys?: readonly string[];
  /** Events only. The server keeps events starting at/after `start` and ending at/before `end`. */
  readonly eventWindow?: { readonly start?: Date | null; readonly end?: Date | null };
  /** Event / classified / ressource sub-type (`searchSType`). */
  readonly subType?: string;
  readonly market?: MarketFilter;
  /** Offset and page size, applied by the server to each collection separately. */
  readonly indexMin?: number;
  readonly indexStep?: number;
  /** Ask for per-type totals (`count=true&countType[]=…`). */
  readonly count?: boolean;
  /** Extra `countType[]` values (e.g. every organisation sub-type, for facet counts). */
  readonly countTypes?: readonly SearchType[];
  /** Modern servers only (`sortBy[field]=±1`); 2018 servers sort by type (see the contract). */
  readonly sortBy?: Readonly<Record<string, 1 | -1>>;
  /** Modern servers only (`fields[]`, contract section 14): the fields each result needs; older ones send every field. */
  readonly fields?: readonly string[];
}

const SORT_FIELD = /^[A-Za-z][\w.]{0,40}$/;

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function clean(values: readonly string[] | undefined, pattern: RegExp, transform: (value: string) => string = (v) => v): string[] {
  return unique((values ?? []).map((value) => value.trim()).filter((value) => pattern.test(value)).map(transform));
}

function isCollection(value: string): value is Collection {
  return (COLLECTIONS as readonly string[]).includes(value);
}

/** The sub-types and collections a query asks for, after validation. */
export function splitTypes(types: readonly string[]): { organizationTypes: OrganizationType[]; collections: Collection[] } {
  const organizationTypes = unique(types.filter(isOrganizationType));
  const collections = unique(types.filter(isCollection));
  return { organizationTypes, collections };
}

function searchTypes(types: readonly string[]): string[] {
  const { organizationTypes, collections } = splitTypes(types);
  // The 2018 server reads a lone sub-type as "organisations of that type"; several sub-types need
  // the whole collection and a filter on the answer.
  if (organizationTypes.length === 1 && collections.length === 0) return organizationTypes;
  if (organizationTypes.length > 0 && !collections.includes('organizations')) collections.unshift('organizations');
  return collections;
}

/** The `countType[]` values whose counts add up to the total this query means. */
export function countedTypes(types: readonly string[]): string[] {
  const { organizationTypes, collections } = splitTypes(types);
  if (organizationTypes.length === 0) return collections;
  return [...organizationTypes, ...collections.filter((collection) => collection !== 'organizations')];
}

function localityFields(locality: LocalityFilter | undefined): FormFields | undefined {
  if (!locality) return undefined;
  const entries: Record<string, FormFields> = {};
  const countries = clean(locality.countries, COUNTRY, (value) => value.toUpperCase());
  const singleCountry = countries.length === 1 ? countries[0] : undefined;
  for (const id of unique((locality.cityIds ?? []).map(toId).filter((value): value is string => value !== null))) {
    entries[`${id}cities`] = { id, type: 'cities' };
  }
  for (const code of clean(locality.postalCodes, POSTAL_CODE)) {
    entries[`${code}cp`] = { name: code, type: 'cp', countryCode: singleCountry };
  }
  // The platform's generic locality branch compares `address.{type}` with `id`, which is the
  // one route in the search API that matches an INSEE code without a lookup.
  for (const code of clean(locality.insee, INSEE, (value) => value.toUpperCase())) {
    entries[`${code}codeInsee`] = { id: code, type: 'codeInsee' };
  }
  // A zone id does not say its level: ask for both, the platform ORs them.
  for (const id of unique((locality.zones ?? []).map(toId).filter((value): value is string => value !== null))) {
    entries[`${id}level3`] = { id, type: 'level3' };
    entries[`${id}level4`] = { id, type: 'level4' };
  }
  if (Object.keys(entries).length === 0) {
    for (const code of countries) entries[`${code}country`] = { countryCode: code, type: 'country' };
  }
  return Object.keys(entries).length > 0 ? entries : undefined;
}

function seconds(date: Date | null | undefined): number | undefined {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return undefined;
  return Math.floor(date.getTime() / 1000);
}

function finiteNonNegative(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

/** The exact form fields of a search; exported so tests can pin the wire format. */
export function buildSearchForm(query: SearchQuery): FormFields {
  const types = searchTypes(query.types);
  const tags = toTags(query.tags ?? []);
  const text = query.text === undefined ? null : toText(query.text, { maxLength: 200 });
  const sourceKeys = clean(query.sourceKeys, SOURCE_KEY);
  const market = query.market ?? {};
  const sortBy: Record<string, 1 | -1> = {};
  for (const [name, direction] of Object.entries(query.sortBy ?? {})) {
    if (SORT_FIELD.test(name) && (direction === 1 || direction === -1)) sortBy[name] = direction;
  }
  const subType = query.subType === undefined ? null : toText(query.subType, { maxLength: 60 });
  return {
    name: text ?? undefined,
    searchType: types,
    searchTags: tags.length > 0 ? tags : undefined,
    options: tags.length > 1 && query.tagsMode === 'all' ? { tags: { verb: '$all' } } : undefined,
    locality: localityFields(query.locality),
    sourceKey: sourceKeys.length > 0 ? sourceKeys : undefined,
    startDate: seconds(query.eventWindow?.start),
    endDate: seconds(query.eventWindow?.end),
    searchSType: subType ?? undefined,
    section: market.section ? toText(market.section, { maxLength: 30 }) ?? undefined : undefined,
    category: market.category ? toText(market.category, { maxLength: 60 }) ?? undefined : undefined,
    subType: market.subCategory ? toText(market.subCategory, { maxLength: 60 }) ?? undefined : undefined,
    priceMin: finiteNonNegative(market.priceMin),
    priceMax: finiteNonNegative(market.priceMax),
    devise: market.currency ? toText(market.currency, { maxLength: 8 }) ?? undefined : undefined,
    indexMin: finiteNonNegative(query.indexMin),
    indexStep: finiteNonNegative(query.indexStep),
    count: query.count ? 'true' : undefined,
    countType: query.count ? unique([...countedTypes(query.types), ...(query.countTypes ?? [])]) : undefined,
    sortBy: Object.keys(sortBy).length > 0 ? sortBy : undefined,
    fields: query.fields && query.fields.length > 0 ? unique(query.fields.filter((name) => SORT_FIELD.test(name))) : undefined,
  };
}

/** Filters the answer for what the server may not have applied (see the module comment). */
function applyClientFilters(page: SearchPage, query: SearchQuery): SearchPage {
  const { organizationTypes, collections } = splitTypes(query.types);
  const wantedTags = query.tagsMode === 'all' ? toTags(query.tags ?? []).map(foldForSearch) : [];
  const locality = query.locality;
  const countries = clean(locality?.countries, COUNTRY, (value) => value.toUpperCase());
  const hasOtherPlaces = Boolean(
    locality && [locality.cityIds, locality.postalCodes, locality.insee, locality.zones].some((list) => (list?.length ?? 0) > 0),
  );
  const needsTypeFilter = organizationTypes.length > 0 && !(organizationTypes.length === 1 && collections.length === 0);
  if (!needsTypeFilter && wantedTags.length < 2 && !(hasOtherPlaces && countries.length > 0)) return page;
  const items = page.items.filter((item) => {
    // Several sub-types asked: the server answered with every organisation, so one whose sub-type is
    // unknown (no or an unknown `type`, contract 15b item 1) cannot be shown as matching them.
    if (needsTypeFilter && item.kind === 'organization' && !collections.includes('organizations')) {
      if (item.organizationType === null || !organizationTypes.includes(item.organizationType)) return false;
    }
    if (wantedTags.length > 1) {
      const have = new Set(item.tags.map(foldForSearch));
      if (!wantedTags.every((tag) => have.has(tag))) return false;
    }
    if (hasOtherPlaces && countries.length > 0 && item.address?.country && !countries.includes(item.address.country)) return false;
    return true;
  });
  return { ...page, items };
}

/** Runs a search and returns the normalised page. */
export async function searchElements(
  client: CommunecterClient,
  query: SearchQuery,
  options: RequestOptions = {},
): Promise<SearchPage> {
  const raw = await client.postForm(SEARCH_PATH, buildSearchForm(query), { ...options, accept: isEnvelope });
  const context: NormalizeContext = { base: client.baseUrl };
  const page = normalizeSearchResponse(raw, context, query.count ? countedTypes(query.types) : [], query.types);
  return applyClientFilters(page, query);
}
