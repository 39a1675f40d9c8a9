/**
 * The marketplace's local search and wording rules, pure functions of the loaded items: the shared
 * faceted search (kinds, sections, categories, sub-categories and currencies OR-ed within a facet,
 * a price range beside), prices as the issue words them, the "ancienne" mark, and which offers
 * might answer a need (and the reverse).
 */
import { CONTACT_MASK, type MarketItem } from '../../api/index.js';
import { foldForSearch } from '../../lib/text.js';
import { formatPrice } from '../../lib/format.js';
import { buildFacetIndex, searchFacets, type FacetIndex, type FacetResult } from '../../shared/facets.js';
import type { MarketStrings } from './market-i18n.js';

export type MarketFacet = 'kinds' | 'sections' | 'categories' | 'subCategories' | 'currencies';
export const MARKET_FACETS: readonly MarketFacet[] = ['kinds', 'sections', 'categories', 'subCategories', 'currencies'];
export const MAX_PAGE_SIZE = 24;
const DAY_MS = 86_400_000;

export type MarketIndex = FacetIndex<MarketItem, MarketFacet>;

/** `page-size` as used: 1–24 (the element stays under 1,400 DOM nodes), 12 when unusable. */
export function pageSizeOf(value: unknown): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(value)) || 12));
}

/** `stale-after` as used: 1–3650 days, 90 when unusable. */
export function staleDaysOf(value: unknown): number {
  const days = Math.floor(Number(value));
  return days >= 1 && days <= 3650 ? days : 90;
}

/** A sub-category's key is its category's too ("vehicles/bikes"): "animals" is under home and leisure. */
export function subCategoryKey(item: MarketItem): string | null {
  return item.subCategory === null ? null : `${item.category}/${item.subCategory === 'other' ? `other:${item.subCategoryRaw ?? ''}` : item.subCategory}`;
}

/** Unknown categories each count apart under "Autre (…)", so none disappears into another. */
export function categoryKey(item: MarketItem): string {
  return item.category === 'other' ? `other:${item.categoryRaw ?? ''}` : item.category;
}

export function buildMarketIndex(items: readonly MarketItem[]): MarketIndex {
  return buildFacetIndex(items, {
    text: (item) => [item.name, item.locality, item.postalCode, item.poster.name, item.categoryRaw, item.subCategoryRaw, ...item.tags].filter(Boolean).join(' '),
    facets: {
      kinds: { mode: 'any', values: (item) => [item.marketKind] },
      sections: { mode: 'any', values: (item) => [item.section] },
      categories: { mode: 'any', values: (item) => [categoryKey(item)] },
      subCategories: { mode: 'any', values: (item) => [subCategoryKey(item) ?? ''].filter(Boolean) },
      currencies: { mode: 'any', values: (item) => (item.currency && item.price !== null ? [item.currency] : []) },
    },
  });
}

export interface MarketQuery {
  readonly text: string;
  readonly selected: Readonly<Partial<Record<MarketFacet, readonly string[]>>>;
  readonly priceMin: number | null;
  readonly priceMax: number | null;
}

export interface MarketSearch {
  readonly matches: readonly MarketItem[];
  readonly result: FacetResult<MarketFacet>;
}

export function searchMarketIndex(index: MarketIndex, query: MarketQuery): MarketSearch {
  const { priceMin, priceMax } = query;
  const ranged = priceMin !== null || priceMax !== null;
  const result = searchFacets(index, {
    text: query.text,
    selected: query.selected,
    // A price range keeps priced items in it; an item without a price does not match a range.
    where: ranged
      ? (position) => {
          const price = index.items[position]!.price;
          return price !== null && (priceMin === null || price >= priceMin) && (priceMax === null || price <= priceMax);
        }
      : undefined,
  });
  return { matches: result.matches.map((position) => index.items[position]!), result };
}

/** Where a 0 price reads "Gratuit": what is offered, lent or given; a 0 on a need or a job is "no price". */
const FREE_SECTIONS = new Set(['offer', 'donation', 'sharing', 'forsale', 'forrent']);

/**
 * The price line: "Gratuit" for a 0 on an offer or a donation, nothing without a price (never "0 €"),
 * the number with "(devise non précisée)" without a currency, else the formatted price.
 */
export function priceText(m: MarketStrings, locale: string, item: Pick<MarketItem, 'price' | 'currency' | 'section' | 'marketKind'>): string {
  if (item.price === null) return '';
  if (item.price === 0) return FREE_SECTIONS.has(item.section) && item.marketKind !== 'jobs' ? m.free : '';
  if (item.currency === null) return m.currencyUnknown(formatPrice(locale, item.price, null));
  return formatPrice(locale, item.price, item.currency);
}

/** Past `staleAfterDays` (the platform has no expiry): the "ancienne" badge. */
export function isStale(item: Pick<MarketItem, 'published'>, now: Date, staleAfterDays: number): boolean {
  return item.published !== null && now.getTime() - item.published.getTime() > staleAfterDays * DAY_MS;
}

/** Platform text with the contact mask in the page's language. */
export function localizeMask(m: MarketStrings, text: string): string {
  return m.contactMasked === CONTACT_MASK || !text.includes(CONTACT_MASK) ? text : text.split(CONTACT_MASK).join(m.contactMasked);
}

/** "Catégorie › Sous-catégorie", unknown values shown as written under "Autre". */
export function categoryPath(m: MarketStrings, item: MarketItem): string {
  const label = (key: string, raw: string | null): string => (key === 'other' ? (raw ? m.otherNamed(raw) : m.other) : (m.categories[key] ?? key));
  const first = label(item.category, item.categoryRaw);
  return item.subCategory === null ? first : `${first} › ${label(item.subCategory, item.subCategoryRaw)}`;
}

/** The label of a facet value's key. */
export function facetValueLabel(m: MarketStrings, facet: MarketFacet, key: string): string {
  if (key.startsWith('other:') || key.includes('/other:')) {
    const raw = key.slice(key.indexOf('other:') + 6);
    return raw ? m.otherNamed(raw) : m.other;
  }
  if (facet === 'kinds') return m.kinds[key] ?? key;
  if (facet === 'sections') return m.sections[key] ?? key;
  if (facet === 'subCategories') return m.categories[key.slice(key.indexOf('/') + 1)] ?? key;
  if (facet === 'categories') return m.categories[key] ?? key;
  return key;
}

const NEED_SIDE = new Set(['need']);
const OFFER_SIDE = new Set(['offer', 'donation', 'sharing', 'forsale', 'forrent']);

function sameTerritory(a: MarketItem, b: MarketItem): boolean {
  if (a.insee && b.insee) return a.insee === b.insee;
  if (a.cityId && b.cityId) return a.cityId === b.cityId;
  if (a.locality && b.locality) return foldForSearch(a.locality) === foldForSearch(b.locality);
  // Without a commune on either side, the same département (two first digits of the postal code).
  return Boolean(a.postalCode && b.postalCode && a.postalCode.slice(0, 3) === b.postalCode.slice(0, 3));
}

/**
 * Needs meet offers: for a need, the offers of the same category and territory; for an offer, the
 * needs. Known categories only ("Autre" says nothing about what is wanted), newest first.
 */
export function matchingItems(items: readonly MarketItem[], item: MarketItem, max = 5): MarketItem[] {
  const wanted = NEED_SIDE.has(item.section) ? OFFER_SIDE : OFFER_SIDE.has(item.section) ? NEED_SIDE : null;
  if (!wanted || item.category === 'other') return [];
  const found: MarketItem[] = [];
  for (const other of items) {
    if (other.id === item.id || !wanted.has(other.section) || other.category !== item.category || !sameTerritory(item, other)) continue;
    found.push(other);
    if (found.length >= max) break;
  }
  return found;
}
