/**
 * What the map draws with Lit: the cluster and marker buttons of the overlay, the popup, an entry of
 * the list, and the detail dialog. Pure functions of their data; platform text is always text
 * (escaped by Lit) and isolated (`dir="auto"`, `<bdi>`).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { styleProperties } from '../../shared/style-properties.js';
import { elementPageUrl, type CommunecterElement } from '../../api/index.js';
import { formatDate } from '../../lib/format.js';
import { isolate, truncateGraphemes } from '../../lib/text.js';
import type { FilterController } from '../../shared/filter-controller.js';
import type { Translation } from '../../shared/i18n/types.js';
import { renderAddress, renderContacts, renderDetailFooter, renderDetailImage, renderFilterPanel, renderTagList } from '../../shared/templates.js';
import { renderDetailDialog, type DetailController } from '../../shared/ui.js';
import type { PlacedCluster } from './map-engine.js';
import { CATEGORIES, categoryLabel, categoryOf, categoryType, clusterName, countCategories, donutGradient, type TilesChoice } from './map-model.js';

export interface OverlayContext {
  readonly t: Translation;
  readonly clusters: readonly PlacedCluster[];
  readonly pointItems: readonly CommunecterElement[];
  /** The roving tab stop. */
  readonly active: number;
  readonly selectedKey: string | null;
  readonly typeLabel: (item: CommunecterElement) => string;
  readonly onActivate: (index: number, event: Event) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onFocus: (index: number) => void;
}

/** The clusters (count and donut) and single places (a shape per category) of the view. */
export function renderOverlay(c: OverlayContext, popup: TemplateResult | typeof nothing): TemplateResult {
  return html`<div class="markers" role="group" aria-label=${c.t.map.label} @keydown=${c.onKeydown}>${c.clusters.map((cluster, index) => {
    const position = { transform: `translate(${cluster.x}px, ${cluster.y}px)` };
    const tabindex = index === c.active ? '0' : '-1';
    if (cluster.point < 0) {
      const style = { ...position, '--_donut': donutGradient(cluster.counts, cluster.count) };
      return html`<button type="button" part="cluster" class="cluster" data-key=${cluster.ref} style=${styleProperties(style)} tabindex=${tabindex} aria-label=${clusterName(c.t, cluster.count, cluster.counts)} @click=${(event: Event) => c.onActivate(index, event)} @focus=${() => c.onFocus(index)}>${cluster.count.toLocaleString(c.t.intlLocale)}</button>`;
    }
    const item = c.pointItems[cluster.point];
    if (!item) return nothing;
    const key = `${item.collection}:${item.id}`;
    return html`<button type="button" part="marker" class="marker c${categoryOf(item)}" data-key=${key} style=${styleProperties(position)} tabindex=${tabindex} aria-label=${c.t.map.markerName(isolate(item.name), c.typeLabel(item))} aria-pressed=${key === c.selectedKey ? 'true' : 'false'} @click=${(event: Event) => c.onActivate(index, event)} @focus=${() => c.onFocus(index)}></button>`;
  })}${popup}</div>`;
}

export interface PopupContext {
  readonly t: Translation;
  readonly linkBase: string;
  readonly headingLevel: number;
  readonly typeLabel: (item: CommunecterElement) => string;
  readonly onClose: () => void;
  readonly onMore: (item: CommunecterElement, event: Event) => void;
  readonly onPick: (item: CommunecterElement) => void;
}

function eventDates(t: Translation, item: CommunecterElement): string {
  if (item.kind !== 'event') return '';
  const options: Intl.DateTimeFormatOptions = item.allDay ? { dateStyle: 'long' } : { dateStyle: 'long', timeStyle: 'short' };
  const zone = item.timeZone ? { ...options, timeZone: item.timeZone } : options;
  const start = formatDate(t.intlLocale, item.start, zone);
  const end = formatDate(t.intlLocale, item.end, zone);
  if (!start) return t.unknownDate;
  return end && end !== start ? t.agenda.range(start, end) : start;
}

/**
 * A place's popup: image, name, type, commune, short description, dates of an event, keywords, the
 * platform link and "Plus d'infos"; or, for a cluster that cannot split further, the list of its places.
 */
export function renderPopup(c: PopupContext, at: { x: number; y: number }, content: { item: CommunecterElement } | { members: readonly CommunecterElement[] }): TemplateResult {
  const style = styleProperties({ transform: `translate(${at.x}px, ${at.y}px)` });
  const close = html`<button type="button" class="close popup-close" aria-label=${c.t.common.close} @click=${c.onClose}>×</button>`;
  if ('members' in content) {
    const title = c.t.map.clusterMembers(content.members.length);
    return html`<div part="popup" class="popup" role="dialog" aria-label=${title} style=${style}><div class="popup-body"><div class="popup-head"><p class="popup-title" role="heading" aria-level=${c.headingLevel} tabindex="-1">${title}</p>${close}</div><ul class="plain members">${content.members.slice(0, 50).map((item) => html`<li><button type="button" class="link-button" dir="auto" @click=${() => c.onPick(item)}>${item.name}</button></li>`)}</ul></div></div>`;
  }
  const item = content.item;
  const dates = eventDates(c.t, item);
  const place = [item.address?.postalCode, item.address?.locality].filter(Boolean).join(' ');
  const url = elementPageUrl(c.linkBase, item);
  return html`<div part="popup" class="popup" role="dialog" aria-label=${item.name} style=${style}><div class="popup-body"><div class="popup-head">${item.images.thumb ? html`<img class="popup-image" src=${item.images.thumb} alt="" width="48" height="48" loading="lazy">` : nothing}<p class="popup-title" role="heading" aria-level=${c.headingLevel} tabindex="-1" dir="auto">${item.name}</p>${close}</div><p class="meta"><span class="badge">${c.typeLabel(item)}</span> <span dir="auto">${place}</span></p>${dates ? html`<p class="dates">${dates}</p>` : nothing}${item.shortDescription ? html`<p class="excerpt" dir="auto">${truncateGraphemes(item.shortDescription, 200)}</p>` : nothing}${item.tags.length > 0 ? html`<p class="tags" dir="auto">${item.tags.slice(0, 6).map((tag) => `#${isolate(tag)}`).join(' ')}</p>` : nothing}<p class="popup-actions"><a href=${url} target="_blank" rel="noopener noreferrer">${c.t.common.seeOnCommunecterNamed(isolate(item.name))}</a> <button type="button" class="button" @click=${(event: Event) => c.onMore(item, event)}>${c.t.map.moreInfo}</button></p></div></div>`;
}

export interface ListContext {
  readonly t: Translation;
  readonly headingLevel: number;
  readonly selectedKey: string | null;
  readonly typeLabel: (item: CommunecterElement) => string;
  readonly onPick: (item: CommunecterElement, event: Event) => void;
}

/** One place of the list: its name (a button that shows it on the map), type, commune, or "no position". */
export function renderListEntry(c: ListContext, item: CommunecterElement): TemplateResult {
  const key = `${item.collection}:${item.id}`;
  const where = item.position ? (item.address?.locality ?? '') : c.t.map.noPosition;
  return html`<li part="item" class=${key === c.selectedKey ? 'entry selected' : 'entry'}><span class="swatch c${categoryOf(item)}" aria-hidden="true"></span><button type="button" class="link-button entry-name" dir="auto" aria-current=${key === c.selectedKey ? 'true' : 'false'} @click=${(event: Event) => c.onPick(item, event)}>${item.name}</button> <span class="entry-meta">${c.typeLabel(item)}${where ? html` · <span dir="auto" class=${item.position ? '' : 'unlocated'}>${where}</span>` : nothing}</span></li>`;
}

/** The legend: each category's marker shape and colour with its name. */
export function renderLegend(t: Translation, present: readonly number[], label: (category: number) => string): TemplateResult | typeof nothing {
  if (present.length === 0) return nothing;
  return html`<ul class="legend plain" aria-label=${t.map.typeFacet}>${present.map((index) => html`<li><span class="swatch c${index}" aria-hidden="true"></span>${label(index)}</li>`)}</ul>`;
}

/** The shared detail dialog ("Plus d'infos"). */
export function renderPlaceDetail(t: Translation, linkBase: string, detail: DetailController<CommunecterElement>, item: CommunecterElement, typeLabel: string, failed: boolean, onImageError: () => void): TemplateResult {
  const common = t.common;
  return renderDetailDialog(detail, {
    title: item.name,
    closeLabel: common.close,
    loadingLabel: common.descriptionLoading,
    errorLabel: common.descriptionError,
    head: html`<p class="meta"><span class="badge">${typeLabel}</span></p>${renderDetailImage(item.images.medium, '', failed, onImageError)}${item.shortDescription ? html`<p class="lead"><bdi>${item.shortDescription}</bdi></p>` : nothing}`,
    body: html`${renderAddress(common.address, item.address)} ${item.position ? nothing : html`<p class="muted">${t.map.noPosition}</p>`} ${renderContacts(t, item)} ${renderTagList(common.tags, item.tags)}`,
    footer: renderDetailFooter(t, elementPageUrl(linkBase, item), item.name),
  });
}

export const CATEGORY_COUNT = CATEGORIES.length;

/** What the map box shows (`located`: the places drawn; `locate`: offer "Près de moi") and what its buttons do. */
export type MapBoxContext = { readonly t: Translation; readonly hidden: boolean; readonly failed: boolean; readonly tilesFailed: boolean; readonly located: number; readonly tiles: TilesChoice; readonly locate: boolean } & {
  readonly [action in 'fitAll' | 'onLocate']: () => void;
} & { readonly zoomBy: (delta: number) => void; readonly panBy: (x: number, y: number) => void };

const PAN = 120;

/**
 * The map box: the Leaflet container (a labelled region), the zoom, pan, fit and locate buttons (so
 * nothing needs a drag or a pinch), the attribution (always visible, as text and links), the keys help.
 */
export function renderMapBox(c: MapBoxContext): TemplateResult {
  const m = c.t.map;
  const button = (part: string, label: string, glyph: string, run: () => void): TemplateResult => html`<button type="button" part=${part} class="control" aria-label=${label} title=${label} @click=${run}><span aria-hidden="true">${glyph}</span></button>`;
  const attribution = c.tiles.kind === 'tiles' ? c.tiles.preset.attribution : [];
  return html`<div class="map-box" ?hidden=${c.hidden || c.failed}>
      <div part="map" class="map" role="region" aria-label=${m.region(c.located)} aria-describedby="keys-help"></div>
      <div part="controls" class="controls-bar" role="group" aria-label=${m.controls}>${button('zoom-in', m.zoomIn, '+', () => c.zoomBy(1))}${button('zoom-out', m.zoomOut, '−', () => c.zoomBy(-1))}${button('pan', m.panNorth, '↑', () => c.panBy(0, -PAN))}${button('pan', m.panWest, '←', () => c.panBy(-PAN, 0))}${button('pan', m.panEast, '→', () => c.panBy(PAN, 0))}${button('pan', m.panSouth, '↓', () => c.panBy(0, PAN))}${button('fit', m.fitAll, '⤢', c.fitAll)}${c.locate ? button('locate', m.locate, '◎', c.onLocate) : nothing}</div>
      <p part="attribution" class="attribution" aria-label=${m.attribution}>${attribution.map((entry) => html`${entry.href ? html`<a href=${entry.href} target="_blank" rel="noopener noreferrer">${entry.text}</a>` : entry.text} | `)}<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a></p>
      ${c.tilesFailed ? html`<p part="tiles-notice" class="tiles-notice" role="status">${m.tilesUnavailable}</p>` : nothing}
      <details class="keys"><summary>${m.keysHelp}</summary><ul id="keys-help" class="plain">${m.keys.map((line) => html`<li>${line}</li>`)}</ul></details>
    </div>${c.failed ? html`<p class="notice" role="alert">${m.unavailable}</p>` : nothing}`;
}

/** The list of the places in view (one page of it), with those that have no position counted. */
export function renderListBox(c: ListContext, list: { hidden: boolean; unlocated: number; entries: readonly CommunecterElement[]; pager: TemplateResult | typeof nothing }): TemplateResult {
  return html`<section class="list-box" aria-labelledby="list-title" ?hidden=${list.hidden}>
      <p id="list-title" class="list-title" role="heading" aria-level=${c.headingLevel}>${c.t.map.listLabel}</p>
      ${list.unlocated > 0 ? html`<p class="muted">${c.t.map.unlocated(list.unlocated)}</p>` : nothing}
      <ul part="list" class="list plain">${repeat(list.entries, (item) => `${item.collection}:${item.id}`, (item) => renderListEntry(c, item))}</ul>
      ${list.pager}
    </section>`;
}

/** The type filter (a chip per category present, with counts) and the legend of the marker shapes. */
export function renderTypeFilters(t: Translation, filters: FilterController, items: readonly CommunecterElement[]): TemplateResult {
  const counts = countCategories(items);
  const present = CATEGORIES.map((category, index) => ({ category, index })).filter((entry) => counts[entry.index]! > 0);
  const label = (index: number): string => categoryLabel(t, CATEGORIES[index]!, 2);
  return renderFilterPanel({
    t,
    filters,
    search: null,
    facets: [{ facet: 'types', legend: t.map.typeFacet, values: present.length > 1 ? present.map(({ category, index }) => ({ key: categoryType(category), label: label(index), count: counts[index]! })) : [] }],
    typeLabel: (type) => label(CATEGORIES.findIndex((category) => categoryType(category) === type)),
    after: renderLegend(t, present.map((entry) => entry.index), label),
  });
}
