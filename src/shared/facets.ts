/**
 * Faceted search over any kind of item (actors, occurrences of events, ads…) and any set of facets
 * (types, keywords, categories, sections, price bands…). Pure functions.
 *
 * Everything a keystroke needs is computed once per item set: the folded search text of each item,
 * and each facet value as a small integer, so a search over 10,000 items is one scan of strings and
 * integer arrays, with no allocation per item.
 *
 * Counts say what choosing a value would give, which is what a visitor reads a count as:
 * - an `any` facet (OR within the facet: types, sections) counts each value over the items that
 *   match everything *but that facet's own selection*;
 * - an `all` facet (AND within the facet: keywords) counts each value over the current matches,
 *   since choosing it narrows them.
 */
import { foldForSearch } from '../lib/text.js';

export type FacetMode = 'any' | 'all';

export interface FacetSpec<T> {
  readonly mode: FacetMode;
  /** The item's values as shown (labels); an item may have none. */
  readonly values: (item: T) => readonly string[];
  /** The value's key for selection and counting (default: the label itself). */
  readonly key?: (label: string) => string;
}

export interface FacetIndexSpec<T, F extends string> {
  /** What free text is searched in (folded here). */
  readonly text: (item: T) => string;
  readonly facets: Readonly<Record<F, FacetSpec<T>>>;
}

interface FacetColumn {
  readonly mode: FacetMode;
  /** Every distinct key; an item's ids index into it. */
  readonly keys: readonly string[];
  readonly idOf: ReadonlyMap<string, number>;
  /** First label seen for each key ("Vrac" for "vrac"). */
  readonly labels: ReadonlyMap<string, string>;
  /** Per item, its value ids. */
  readonly itemIds: readonly (readonly number[])[];
}

export interface FacetIndex<T, F extends string> {
  readonly items: readonly T[];
  readonly haystacks: readonly string[];
  readonly columns: Readonly<Record<F, FacetColumn>>;
}

export interface FacetQuery<F extends string> {
  /** Words typed by the visitor; all must appear, in any order. */
  readonly text: string;
  /** Selected keys per facet (missing or empty: no constraint). */
  readonly selected: Readonly<Partial<Record<F, readonly string[]>>>;
  /** A constraint that is not a facet (e.g. "not already over"); by item position. */
  readonly where?: (position: number) => boolean;
}

export interface FacetValue {
  readonly key: string;
  readonly label: string;
  readonly count: number;
}

export interface FacetResult<F extends string> {
  /** Positions of the matching items, in the order searched. */
  readonly matches: number[];
  /** Per facet, the count of each value id (see the module comment for what it counts). */
  readonly counts: Readonly<Record<F, Int32Array>>;
}

export function buildFacetIndex<T, F extends string>(items: readonly T[], spec: FacetIndexSpec<T, F>): FacetIndex<T, F> {
  const columns = {} as Record<F, FacetColumn>;
  for (const name of Object.keys(spec.facets) as F[]) {
    const facet = spec.facets[name];
    const keyOf = facet.key ?? ((label: string) => label);
    const keys: string[] = [];
    const idOf = new Map<string, number>();
    const labels = new Map<string, string>();
    const itemIds = items.map((item) => {
      const ids: number[] = [];
      for (const label of facet.values(item)) {
        const key = keyOf(label);
        let id = idOf.get(key);
        if (id === undefined) {
          id = keys.length;
          idOf.set(key, id);
          keys.push(key);
          labels.set(key, label);
        }
        if (!ids.includes(id)) ids.push(id);
      }
      return ids;
    });
    columns[name] = { mode: facet.mode, keys, idOf, labels, itemIds };
  }
  return { items, haystacks: items.map((item) => foldForSearch(spec.text(item))), columns };
}

function words(text: string): string[] {
  return foldForSearch(text).split(/\s+/).filter((word) => word !== '');
}

interface Selection {
  readonly column: FacetColumn;
  readonly counts: Int32Array;
  /** Selected ids; a selected key that no item has makes an impossible id (-1). */
  readonly ids: readonly number[];
}

function passes(selection: Selection, ids: readonly number[]): boolean {
  if (selection.ids.length === 0) return true;
  if (selection.column.mode === 'any') {
    for (const id of selection.ids) if (ids.includes(id)) return true;
    return false;
  }
  for (const id of selection.ids) if (!ids.includes(id)) return false;
  return true;
}

/**
 * The items matching `query`, visited in `order` (positions; default: index order), with the counts
 * of every facet in the same pass.
 */
export function searchFacets<T, F extends string>(index: FacetIndex<T, F>, query: FacetQuery<F>, order?: readonly number[]): FacetResult<F> {
  const needles = words(query.text);
  const names = Object.keys(index.columns) as F[];
  const counts = {} as Record<F, Int32Array>;
  const selections: Selection[] = names.map((name) => {
    const column = index.columns[name];
    const wanted = query.selected[name] ?? [];
    counts[name] = new Int32Array(column.keys.length);
    return { column, counts: counts[name], ids: wanted.map((key) => column.idOf.get(key) ?? -1) };
  });
  const matches: number[] = [];
  const total = order ? order.length : index.items.length;
  for (let n = 0; n < total; n++) {
    const position = order ? order[n]! : n;
    if (needles.length > 0) {
      const haystack = index.haystacks[position]!;
      let found = true;
      for (const needle of needles) {
        if (!haystack.includes(needle)) {
          found = false;
          break;
        }
      }
      if (!found) continue;
    }
    if (query.where && !query.where(position)) continue;
    let failing = 0;
    let failed: Selection | null = null;
    for (const selection of selections) {
      if (!passes(selection, selection.column.itemIds[position]!)) {
        failing++;
        failed = selection;
        if (failing > 1) break;
      }
    }
    if (failing === 0) {
      matches.push(position);
      for (const selection of selections) for (const id of selection.column.itemIds[position]!) selection.counts[id]!++;
    } else if (failing === 1 && failed!.column.mode === 'any') {
      // Fails only its own `any` facet: choosing one of its values would bring it in.
      for (const id of failed!.column.itemIds[position]!) failed!.counts[id]!++;
    }
  }
  return { matches, counts };
}

/** A facet's count for one key (0 when no item has it). */
export function facetCount<T, F extends string>(index: FacetIndex<T, F>, result: FacetResult<F>, facet: F, key: string): number {
  const id = index.columns[facet].idOf.get(key);
  return id === undefined ? 0 : result.counts[facet][id]!;
}

/** The label first seen for a key, or the key itself. */
export function facetLabel<T, F extends string>(index: FacetIndex<T, F>, facet: F, key: string): string {
  return index.columns[facet].labels.get(key) ?? key;
}

/** The `max` most frequent values with a count above 0, ties by key, `exclude`d keys left out. */
export function topValues<T, F extends string>(
  index: FacetIndex<T, F>,
  result: FacetResult<F>,
  facet: F,
  max: number,
  exclude: readonly string[] = [],
): FacetValue[] {
  const column = index.columns[facet];
  const counts = result.counts[facet];
  const candidates: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0 && !exclude.includes(column.keys[id]!)) candidates.push(id);
  candidates.sort((a, b) => counts[b]! - counts[a]! || (column.keys[a]! < column.keys[b]! ? -1 : 1));
  return candidates.slice(0, max).map((id) => ({ key: column.keys[id]!, label: column.labels.get(column.keys[id]!) ?? column.keys[id]!, count: counts[id]! }));
}
