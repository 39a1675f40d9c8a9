/**
 * The map's pure parts: which types it shows, the category (icon, colour, words) of each place, the
 * accessible name of a cluster, the tile presets, the `center` attribute, and the geometry of the
 * keyboard's moves between markers. No DOM, no Leaflet.
 */
import { ORGANIZATION_TYPES, parseList, type CommunecterElement, type ConfigProblem, type SearchType } from '../../api/index.js';
import type { Translation } from '../../shared/i18n/types.js';
import { checkInteger, checkLang, checkListChoice, fallbackProblem } from '../../shared/attribute-checks.js';
import { sameKey } from '../../shared/memo.js';

export const DEFAULT_MAP_TYPES: readonly SearchType[] = ['organizations', 'projects', 'poi'];
const ALLOWED_TYPES: readonly string[] = [...ORGANIZATION_TYPES, 'organizations', 'projects', 'events', 'poi'];
export const isMapType = (type: string): type is SearchType => ALLOWED_TYPES.includes(type);

/**
 * Categories, in a fixed order (the index travels to the cluster index as one byte). Each has its own
 * colour token and marker shape, so colour is never the only carrier.
 */
export const CATEGORIES = ['NGO', 'LocalBusiness', 'GovernmentOrganization', 'Group', 'Cooperative', 'organization', 'project', 'event', 'poi'] as const;
export type Category = (typeof CATEGORIES)[number];

const CATEGORY_INDEX: Readonly<Record<string, number>> = Object.fromEntries(CATEGORIES.map((category, index) => [category, index]));

export function categoryOf(item: CommunecterElement): number {
  if (item.kind === 'organization') return CATEGORY_INDEX[item.organizationType ?? 'organization'] ?? CATEGORY_INDEX['organization']!;
  return CATEGORY_INDEX[item.kind] ?? CATEGORY_INDEX['poi']!;
}

/** The search type a category filter chip stands for. */
export function categoryType(category: Category): string {
  return category === 'project' ? 'projects' : category === 'event' ? 'events' : category === 'poi' ? 'poi' : category;
}

/** The places of the chosen types (chips), or all of them when none is chosen. */
export function ofTypes(items: readonly CommunecterElement[], types: readonly string[]): readonly CommunecterElement[] {
  return types.length === 0 ? items : items.filter((item) => types.includes(categoryType(CATEGORIES[categoryOf(item)]!)));
}

/** "Association" / "associations": a category's words, in the visitor's language. */
export function categoryLabel(t: Translation, category: Category, count = 1): string {
  const many = count !== 1;
  switch (category) {
    case 'organization':
      return many ? t.collectionsPlural.organizations : t.collections.organizations;
    case 'project':
      return many ? t.collectionsPlural.projects : t.collections.projects;
    case 'event':
      return many ? t.collectionsPlural.events : t.collections.events;
    case 'poi':
      return many ? t.collectionsPlural.poi : t.collections.poi;
    default:
      return many ? t.organizationTypesPlural[category] : t.organizationTypes[category];
  }
}

/** "Groupe de 42 lieux : 20 associations, 15 entreprises, 7 événements" (largest share first). */
export function clusterName(t: Translation, count: number, counts: readonly number[]): string {
  const parts = counts
    .map((value, index) => ({ value, index }))
    .filter((part) => part.value > 0)
    .sort((a, b) => b.value - a.value || a.index - b.index)
    .map((part) => `${part.value} ${categoryLabel(t, CATEGORIES[part.index]!, part.value).toLocaleLowerCase(t.intlLocale)}`);
  return t.map.clusterName(count, parts.join(', '));
}

/** The donut of a cluster: a conic gradient over the category colour tokens (the text says the same). */
export function donutGradient(counts: readonly number[], total: number): string {
  let start = 0;
  const stops: string[] = [];
  counts.forEach((value, index) => {
    if (value <= 0 || total <= 0) return;
    const end = start + (value / total) * 100;
    stops.push(`var(--_c${index}) ${start.toFixed(1)}% ${end.toFixed(1)}%`);
    start = end;
  });
  return stops.length > 0 ? `conic-gradient(${stops.join(', ')})` : 'none';
}

export interface TilePreset {
  readonly url: string;
  readonly subdomains: string;
  readonly maxZoom: number;
  /** Attribution: text, with the link the provider asks for. */
  readonly attribution: readonly { readonly text: string; readonly href?: string }[];
}

/** The tile presets; the README lists the origins each one contacts and the provider's terms. */
export const TILE_PRESETS: Readonly<Record<'osm' | 'osmfr' | 'ign-plan', TilePreset>> = {
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    subdomains: 'abc',
    maxZoom: 19,
    attribution: [{ text: '© OpenStreetMap', href: 'https://www.openstreetmap.org/copyright' }],
  },
  osmfr: {
    url: 'https://{s}.tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png',
    subdomains: 'abc',
    maxZoom: 20,
    attribution: [{ text: '© OpenStreetMap France', href: 'https://www.openstreetmap.fr/' }, { text: '© OpenStreetMap', href: 'https://www.openstreetmap.org/copyright' }],
  },
  'ign-plan': {
    url: 'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&FORMAT=image/png&TILEMATRIXSET=PM&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}',
    subdomains: 'abc',
    maxZoom: 19,
    attribution: [{ text: '© IGN – Plan IGN', href: 'https://geoservices.ign.fr/cgu-licences' }],
  },
};

export type TilesChoice = { readonly kind: 'none' } | { readonly kind: 'tiles'; readonly preset: TilePreset };

const TEMPLATE = /^https:\/\/[^\s"'<>]+$/;

/**
 * What the `tiles`, `tiles-attribution` and `tiles-max-zoom` attributes mean. A template needs an
 * attribution (the providers' terms ask for one): without it, no tiles at all (fail closed), and the
 * element says which attribute is missing.
 */
export function resolveTiles(tiles: string, attribution: string, maxZoom: number | null): { choice: TilesChoice; problems: ConfigProblem[] } {
  const value = tiles.trim() || 'osm';
  if (value === 'none') return { choice: { kind: 'none' }, problems: [] };
  const preset = TILE_PRESETS[value as keyof typeof TILE_PRESETS];
  const zoom = maxZoom !== null && Number.isInteger(maxZoom) && maxZoom >= 1 && maxZoom <= 22 ? maxZoom : null;
  if (preset) return { choice: { kind: 'tiles', preset: zoom ? { ...preset, maxZoom: zoom } : preset }, problems: [] };
  const isLocal = /^http:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\//.test(value);
  if (!(TEMPLATE.test(value) || isLocal) || !value.includes('{z}') || !value.includes('{x}') || !value.includes('{y}')) {
    return { choice: { kind: 'none' }, problems: [{ attribute: 'tiles', value, fatal: true }] };
  }
  if (!attribution.trim()) return { choice: { kind: 'none' }, problems: [{ attribute: 'tiles-attribution', value: '', fatal: true }] };
  return { choice: { kind: 'tiles', preset: { url: value, subdomains: 'abc', maxZoom: zoom ?? 19, attribution: [{ text: attribution.trim().slice(0, 200) }] } }, problems: [] };
}

/** `center="lat,lng"` (a dot decimal separator); null when absent or not a position. */
export function parseCenter(value: string | null | undefined): { lat: number; lng: number } | null {
  const match = /^\s*([+-]?\d{1,2}(?:\.\d+)?)\s*,\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/.exec(value ?? '');
  if (!match) return null;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
}

export type ListPlacement = 'side' | 'below' | 'toggle';
export const LIST_PLACEMENTS: readonly ListPlacement[] = ['side', 'below', 'toggle'];

/** The problems of the map's own attributes (each with the value used instead). */
export function mapProblems(element: Element & { readonly types: string; readonly center: string; readonly list: string }, locale: string): ConfigProblem[] {
  const center = element.center.trim();
  return [
    ...checkListChoice('types', parseList(element.types), isMapType, `"${DEFAULT_MAP_TYPES.join(',')}"`),
    ...(center && !parseCenter(center) ? [fallbackProblem('center', center, 'the places\' extent')] : []),
    ...(element.list && !(LIST_PLACEMENTS as readonly string[]).includes(element.list) ? [fallbackProblem('list', element.list, '"below"')] : []),
    ...checkInteger(element, 'zoom', 1, 20, 'the places\' extent'),
    ...checkLang(element, `"${locale}"`),
  ];
}

export interface ScreenPoint {
  readonly x: number;
  readonly y: number;
}

/**
 * The marker an arrow key leads to: the nearest one in that direction (within a 45° cone either
 * side, distance weighted against drifting off-axis), or null.
 */
export function nearestInDirection(points: readonly ScreenPoint[], from: number, key: string): number | null {
  const origin = points[from];
  if (!origin) return null;
  const axis = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key];
  if (!axis) return null;
  let best: number | null = null;
  let bestScore = Infinity;
  points.forEach((point, index) => {
    if (index === from) return;
    const dx = point.x - origin.x;
    const dy = point.y - origin.y;
    const along = dx * axis[0]! + dy * axis[1]!;
    const across = Math.abs(dx * axis[1]! - dy * axis[0]!);
    if (along <= 0 || across > along) return;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = index;
    }
  });
  return best;
}

/** The index of the point nearest to `to` (0 when there is none). */
export function nearestTo(points: readonly ScreenPoint[], to: ScreenPoint): number {
  let best = 0;
  let bestDistance = Infinity;
  points.forEach((point, index) => {
    const distance = Math.hypot(point.x - to.x, point.y - to.y);
    if (distance < bestDistance) [best, bestDistance] = [index, distance];
  });
  return best;
}

/** The bounds of located places as [south, west, north, east], or null when none is located. */
export function boundsOf(items: readonly CommunecterElement[]): [number, number, number, number] | null {
  let south = 90, west = 180, north = -90, east = -180;
  let any = false;
  for (const item of items) {
    const p = item.position;
    if (!p) continue;
    any = true;
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, p.lng);
    east = Math.max(east, p.lng);
  }
  return any ? [south, west, north, east] : null;
}

export function inBounds(item: CommunecterElement, bounds: readonly [number, number, number, number]): boolean {
  const p = item.position;
  return p !== null && p.lat >= bounds[0] && p.lat <= bounds[2] && p.lng >= bounds[1] && p.lng <= bounds[3];
}

/**
 * The last result of `compute`, kept while its arguments stay the same (the first by identity, the
 * others by value): at 100,000 places the element must not filter them again at every render.
 */
export function memoLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { key: readonly unknown[]; value: R } | null = null;
  return (...args) => {
    if (!last || !sameKey(args, last.key)) last = { key: args, value: compute(...args) };
    return last.value;
  };
}

/** The places the list shows: those in `bounds` (all located ones without bounds), and those without a position. */
export function splitPlaces(items: readonly CommunecterElement[], bounds: readonly [number, number, number, number] | null): { inView: CommunecterElement[]; unlocated: CommunecterElement[]; located: number } {
  const inView: CommunecterElement[] = [];
  const unlocated: CommunecterElement[] = [];
  let located = 0;
  for (const item of items) {
    if (!item.position) unlocated.push(item);
    else {
      located++;
      if (!bounds || inBounds(item, bounds)) inView.push(item);
    }
  }
  return { inView, unlocated, located };
}

/**
 * Places per category. The set grows page after page (the same array, longer): only the new places
 * are counted, so 100 pages of 1,000 cost 100,000 steps, not five million.
 */
export function categoryCounter(): (items: readonly CommunecterElement[]) => readonly number[] {
  let last: { items: readonly CommunecterElement[]; count: number; counts: number[] } | null = null;
  return (items) => {
    if (!last || last.items !== items || items.length < last.count) last = { items, count: 0, counts: new Array<number>(CATEGORIES.length).fill(0) };
    for (let i = last.count; i < items.length; i++) last.counts[categoryOf(items[i]!)]!++;
    if (last.count !== items.length) last = { ...last, count: items.length, counts: [...last.counts] };
    return last.counts;
  };
}

export const countCategories = categoryCounter();
