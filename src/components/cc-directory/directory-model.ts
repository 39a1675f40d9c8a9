/**
 * The directory's local search: pure functions over a loaded result set. Everything a keystroke
 * needs is precomputed once per result set (folded search text, type key, folded tags, sort
 * orders), so filtering 10,000 entries is a few string scans and no allocation per item.
 */
import type { CommunecterElement } from '../../api/types.js';
import { foldForSearch } from '../../shared/text.js';

export type DirectorySort = 'name' | 'recent';

export interface DirectoryEntry {
  readonly item: CommunecterElement;
  /** Folded name, locality, postal code, tags and short description. */
  readonly haystack: string;
  /** The facet the entry counts under: its organisation type, else its collection. */
  readonly typeKey: string;
  readonly tagKeys: readonly string[];
  /** Folded name: sorting 10,000 names by plain comparison of these is ~10× faster than Intl.Collator. */
  readonly sortKey: string;
}

export interface DirectoryIndex {
  readonly entries: readonly DirectoryEntry[];
  /** Entries in each sort order, computed lazily and kept. */
  readonly sorted: Map<DirectorySort, readonly DirectoryEntry[]>;
  /** First spelling seen for each folded tag ("Vrac" for "vrac"). */
  readonly tagLabels: ReadonlyMap<string, string>;
}

export interface DirectoryFilter {
  /** Words typed by the user; all must appear (in any order). */
  readonly text: string;
  /** Selected type keys; an entry matches any of them (empty = all). */
  readonly types: ReadonlySet<string>;
  /** Selected folded tags; an entry must have all of them. */
  readonly tags: readonly string[];
}

export function typeKeyOf(item: CommunecterElement): string {
  return item.kind === 'organization' && item.organizationType ? item.organizationType : item.collection;
}

export function buildIndex(items: readonly CommunecterElement[]): DirectoryIndex {
  const tagLabels = new Map<string, string>();
  const entries = items.map((item): DirectoryEntry => {
    const tagKeys = item.tags.map((tag) => {
      const key = foldForSearch(tag);
      if (!tagLabels.has(key)) tagLabels.set(key, tag);
      return key;
    });
    const parts = [item.name, item.address?.locality, item.address?.postalCode, item.shortDescription, ...item.tags];
    const sortKey = foldForSearch(item.name).replace(/^[^\p{L}\p{N}]+/u, '');
    return { item, haystack: foldForSearch(parts.filter(Boolean).join(' ')), typeKey: typeKeyOf(item), tagKeys, sortKey };
  });
  return { entries, sorted: new Map(), tagLabels };
}

export function sortedEntries(index: DirectoryIndex, sort: DirectorySort): readonly DirectoryEntry[] {
  let sorted = index.sorted.get(sort);
  if (!sorted) {
    const copy = [...index.entries];
    if (sort === 'name') {
      copy.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    } else {
      // Most recently updated first; undated entries last, in server order.
      copy.sort((a, b) => (b.item.updated?.getTime() ?? -Infinity) - (a.item.updated?.getTime() ?? -Infinity));
    }
    sorted = copy;
    index.sorted.set(sort, sorted);
  }
  return sorted;
}

function words(text: string): string[] {
  return foldForSearch(text).split(/\s+/).filter((word) => word !== '');
}

function matchesText(entry: DirectoryEntry, needles: readonly string[]): boolean {
  for (const needle of needles) if (!entry.haystack.includes(needle)) return false;
  return true;
}

function matchesTags(entry: DirectoryEntry, tags: readonly string[]): boolean {
  for (const tag of tags) if (!entry.tagKeys.includes(tag)) return false;
  return true;
}

/** Entries matching every part of the filter, in the given order. */
export function filterEntries(entries: readonly DirectoryEntry[], filter: DirectoryFilter): DirectoryEntry[] {
  const needles = words(filter.text);
  const anyType = filter.types.size === 0;
  const result: DirectoryEntry[] = [];
  for (const entry of entries) {
    if (!anyType && !filter.types.has(entry.typeKey)) continue;
    if (filter.tags.length > 0 && !matchesTags(entry, filter.tags)) continue;
    if (needles.length > 0 && !matchesText(entry, needles)) continue;
    result.push(entry);
  }
  return result;
}

export interface FacetCount {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

/**
 * Facet counts as faceted search usually shows them: each facet counted over the entries that
 * match every *other* active filter, so a type chip says how many results choosing it would give.
 */
export function facetCounts(
  index: DirectoryIndex,
  filter: DirectoryFilter,
  maxTags: number,
): { types: Map<string, number>; tags: FacetCount[] } {
  const needles = words(filter.text);
  const types = new Map<string, number>();
  const tagCounts = new Map<string, number>();
  const anyType = filter.types.size === 0;
  for (const entry of index.entries) {
    if (needles.length > 0 && !matchesText(entry, needles)) continue;
    const tagsMatch = filter.tags.length === 0 || matchesTags(entry, filter.tags);
    if (tagsMatch) types.set(entry.typeKey, (types.get(entry.typeKey) ?? 0) + 1);
    if (tagsMatch && (anyType || filter.types.has(entry.typeKey))) {
      for (const tag of entry.tagKeys) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
    }
  }
  const tags = [...tagCounts.entries()]
    .filter(([key]) => !filter.tags.includes(key))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxTags)
    .map(([key, count]) => ({ key, label: index.tagLabels.get(key) ?? key, count }));
  return { types, tags };
}
