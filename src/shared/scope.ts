/**
 * The attributes every widget shares (city, postal-code, insee, zone, country, tags, tags-mode,
 * source-key) → the scope part of a search query. Attribute values are pasted by webmasters:
 * comma lists with stray spaces, empty items, duplicates; invalid items are dropped here.
 */
import type { LocalityFilter, SearchQuery } from '../api/search.js';

/** "a, b,,c " → ["a", "b", "c"]; null or empty → []. */
export function parseList(value: string | null | undefined): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((item) => item.trim()).filter((item) => item !== ''))];
}

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

export function scopeFromAttributes(attributes: ScopeAttributes): Scope {
  const locality: LocalityFilter = {
    cityIds: parseList(attributes.city),
    postalCodes: parseList(attributes.postalCode),
    insee: parseList(attributes.insee),
    zones: parseList(attributes.zone),
    countries: parseList(attributes.country),
  };
  const hasPlace = Object.values(locality).some((list: readonly string[]) => list.length > 0);
  return {
    ...(hasPlace ? { locality } : {}),
    tags: parseList(attributes.tags),
    tagsMode: attributes.tagsMode === 'all' ? 'all' : 'any',
    sourceKeys: parseList(attributes.sourceKey),
  };
}

/** A stable string for a scope, to compare task arguments by value. */
export function scopeKey(scope: Scope): string {
  return JSON.stringify(scope);
}
