/**
 * The attributes every widget shares (city, postal-code, insee, zone, country, tags, tags-mode,
 * source-key, organization, api-base, link-base) → the scope of a query, validated.
 *
 * Values are pasted by webmasters: comma lists with stray spaces, empty items, duplicates, typos.
 * A scope fails closed: an attribute whose every value is invalid must not quietly vanish from the
 * query (`insee="9741"` would otherwise list every organisation of the platform on a town hall's
 * site). Such an attribute is a fatal configuration problem: the widget sends no request and says
 * which attribute and value are wrong. Invalid values beside valid ones are dropped with a warning.
 *
 * These patterns are the only ones: the query builders use them too.
 */
import { parseList } from '../lib/text.js';
import type { LocalityFilter, SearchQuery } from './search.js';

/** A French INSEE commune code: 2 digits (or 2A/2B, Corsica) and 3 digits; overseas 97x/98x included. */
export const INSEE = /^(?:\d{2}|2[AB])\d{3}$/i;
/** A postal code or a prefix of one (at least 2 characters: "9" alone would mean a tenth of France). */
export const POSTAL_CODE = /^[0-9A-Za-z]{2,10}$/;
/** ISO 3166-1 alpha-2. */
export const COUNTRY = /^[A-Za-z]{2}$/;
/** A network's source key (costum slug): letters of any script, digits, `_`, `.`, `-`. */
export const SOURCE_KEY = /^[\p{L}\p{N}_.-]{1,80}$/u;
/** A Mongo object id (cities, zones, elements). */
export const OBJECT_ID = /^[0-9a-f]{24}$/i;
/** An element's slug: no slash, no dot first (so never a path). */
export const SLUG = /^[\p{L}\p{N}_-][\p{L}\p{N}_.-]{0,99}$/u;

export { parseList };

export interface ScopeAttributes {
  readonly city?: string | null;
  readonly postalCode?: string | null;
  readonly insee?: string | null;
  readonly zone?: string | null;
  readonly country?: string | null;
  readonly tags?: string | null;
  readonly tagsMode?: string | null;
  readonly sourceKey?: string | null;
}

export type Scope = Pick<SearchQuery, 'locality' | 'tags' | 'tagsMode' | 'sourceKeys'>;

/** One attribute value the widget cannot use. */
export interface ConfigProblem {
  /** The attribute as written in HTML (`postal-code`, not `postalCode`). */
  readonly attribute: string;
  readonly value: string;
  /** True when the attribute has no usable value left: the widget must not load at all. */
  readonly fatal: boolean;
  /** For a non-fatal problem: what the element uses instead (said in the warning). */
  readonly fallback?: string;
}

export interface CheckedScope {
  readonly scope: Scope;
  readonly problems: readonly ConfigProblem[];
}

/** Valid items of a comma list, and a problem for each invalid one (all fatal when none is valid). */
export function checkList(
  attribute: string,
  raw: string | null | undefined,
  valid: (item: string) => boolean,
  transform: (item: string) => string = (item) => item,
): { values: string[]; problems: ConfigProblem[] } {
  const items = parseList(raw);
  const values = [...new Set(items.filter(valid).map(transform))];
  const fatal = items.length > 0 && values.length === 0;
  const problems = items.filter((item) => !valid(item)).map((value) => ({ attribute, value, fatal }));
  return { values, problems };
}

const test = (pattern: RegExp) => (item: string) => pattern.test(item);

export function checkScope(attributes: ScopeAttributes): CheckedScope {
  const city = checkList('city', attributes.city, test(OBJECT_ID), (item) => item.toLowerCase());
  const postal = checkList('postal-code', attributes.postalCode, test(POSTAL_CODE), (item) => item.toUpperCase());
  const insee = checkList('insee', attributes.insee, test(INSEE), (item) => item.toUpperCase());
  const zone = checkList('zone', attributes.zone, test(OBJECT_ID), (item) => item.toLowerCase());
  const country = checkList('country', attributes.country, test(COUNTRY), (item) => item.toUpperCase());
  const sourceKey = checkList('source-key', attributes.sourceKey, test(SOURCE_KEY));
  const locality: LocalityFilter = {
    cityIds: city.values,
    postalCodes: postal.values,
    insee: insee.values,
    zones: zone.values,
    countries: country.values,
  };
  const hasPlace = Object.values(locality).some((list: readonly string[]) => list.length > 0);
  return {
    scope: {
      ...(hasPlace ? { locality } : {}),
      tags: parseList(attributes.tags),
      tagsMode: attributes.tagsMode === 'all' ? 'all' : 'any',
      sourceKeys: sourceKey.values,
    },
    problems: [...city.problems, ...postal.problems, ...insee.problems, ...zone.problems, ...country.problems, ...sourceKey.problems],
  };
}

/** One element's slug or id (`organization="…"`): null with a fatal problem when unusable. */
export function checkElementRef(attribute: string, raw: string | null | undefined): { value: string | null; problems: ConfigProblem[] } {
  const value = (raw ?? '').trim();
  if (value === '') return { value: null, problems: [] };
  if (OBJECT_ID.test(value) || SLUG.test(value)) return { value, problems: [] };
  return { value: null, problems: [{ attribute, value, fatal: true }] };
}

/** An `api-base` or `link-base`: an http(s) URL, or empty for the default. */
export function checkBaseUrl(attribute: 'api-base' | 'link-base', raw: string | null | undefined): ConfigProblem[] {
  const value = (raw ?? '').trim();
  if (value === '') return [];
  try {
    // The data may come through a same-origin proxy ("/communecter"); links always go to a site.
    const base = attribute === 'api-base' && typeof document !== 'undefined' ? document.baseURI : undefined;
    const url = new URL(value, base);
    if (url.protocol === 'https:' || url.protocol === 'http:') return [];
  } catch {
    // Not a URL at all: the problem below.
  }
  return [{ attribute, value, fatal: true }];
}
