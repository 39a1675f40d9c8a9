/**
 * How the marketplace shows an item: its card (or list row), and its detail dialog with the
 * gallery, the poster, the contact rules and the needs that meet offers. Pure functions of the item
 * and the element's settings; platform text goes through `localizeMask` and is isolated.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { elementPageUrl, type MarketItem } from '../../api/index.js';
import { formatRelativeTime } from '../../lib/format.js';
import { isolate } from '../../lib/text.js';
import type { Translation } from '../../shared/i18n/types.js';
import type { FacetValue } from '../../shared/facets.js';
import type { FilterController } from '../../shared/filter-controller.js';
import { renderFacetGroup, renderFilterPanel } from '../../shared/templates.js';
import { renderDetailDialog, type ActiveFilter, type DetailController } from '../../shared/ui.js';
import type { MarketStrings } from './market-i18n.js';
import { categoryPath, isStale, localizeMask, priceText, type MarketFacet } from './market-model.js';

export interface ItemContext {
  readonly t: Translation;
  readonly m: MarketStrings;
  readonly locale: string;
  readonly linkBase: string;
  readonly layout: 'cards' | 'list';
  readonly headingLevel: number;
  readonly now: Date;
  readonly staleAfter: number;
  readonly failedImages: ReadonlySet<string>;
  readonly onImageError: (id: string) => void;
  readonly select: (event: Event, item: MarketItem) => void;
  readonly keydown: (event: KeyboardEvent, item: MarketItem) => void;
}

/** The ad's page on the platform: where a visitor answers, and where the platform's own report action is. */
export function adUrl(linkBase: string, item: MarketItem): string {
  return elementPageUrl(linkBase, item);
}

function posterUrl(linkBase: string, item: MarketItem): string | null {
  const p = item.poster;
  if ((p.kind !== 'organization' && p.kind !== 'project') || (!p.id && !p.slug) || !p.collection) return null;
  return elementPageUrl(linkBase, { id: p.id ?? '', slug: p.slug, collection: p.collection as 'organizations' });
}

/** An organisation by name (linked), a private person never by name. */
function renderPoster(c: ItemContext, item: MarketItem): TemplateResult {
  const p = item.poster;
  if ((p.kind === 'organization' || p.kind === 'project') && p.name) {
    const url = posterUrl(c.linkBase, item);
    return url ? html`<a href=${url} dir="auto">${localizeMask(c.m, p.name)}</a>` : html`<bdi>${localizeMask(c.m, p.name)}</bdi>`;
  }
  return html`${p.kind === 'person' ? c.m.privatePerson : c.m.unknownPoster}`;
}

function published(c: ItemContext, item: MarketItem): string {
  const relative = formatRelativeTime(c.locale, item.published, c.now);
  return relative ? c.m.published(relative) : '';
}

/** One item: image or category initial, linked title, section badge, path, price, commune, age, poster. */
export function renderItem(c: ItemContext, item: MarketItem): TemplateResult {
  const m = c.m;
  const image = c.layout === 'list' ? item.images.thumb : item.images.medium;
  const shown = image && !c.failedImages.has(item.id) ? image : null;
  const path = categoryPath(m, item);
  const price = priceText(m, c.locale, item);
  const stale = isStale(item, c.now, c.staleAfter);
  const where = [item.locality, published(c, item)].filter(Boolean).join(' · ');
  // Few lines and hidden elements rather than conditional templates: each text run is a DOM node, and
  // the element keeps under 1,400 of them (see the directory's cards).
  return html`<li part="item" class="item kind-${item.marketKind}"><div part="item-image" class="media">${shown
    ? html`<img src=${shown} alt="" loading="lazy" decoding="async" width="64" height="64" @error=${() => c.onImageError(item.id)}>`
    : html`<span class="icon" aria-hidden="true">${path.charAt(0)}</span>`}</div><div class="body"><div part="item-title" class="title" role="heading" aria-level=${c.headingLevel}><a href=${adUrl(c.linkBase, item)} dir="auto" @click=${(event: Event) => c.select(event, item)} @keydown=${(event: KeyboardEvent) => c.keydown(event, item)}>${localizeMask(m, item.name)}</a></div><p class="meta"><span part="item-badge" class="badge section-${item.section}">${item.section === 'other' && item.sectionRaw ? m.otherNamed(item.sectionRaw) : m.sections[item.section]}</span> <span part="item-stale" class="badge aged" ?hidden=${!stale}>${m.stale}</span> <span class="path" dir="auto">${path}</span></p><p part="item-price" class="price" ?hidden=${!price}>${price}</p><p class="where" dir="auto">${where}</p><p class="poster">${renderPoster(c, item)}</p></div></li>`;
}

/** Three grey cards while the first answer is awaited. */
export function renderSkeleton(): TemplateResult {
  return html`<ul class="list skeleton" aria-hidden="true">
    ${[0, 1, 2].map(() => html`<li class="item"><div class="media"></div><div class="body"><div class="bar"></div><div class="bar short"></div></div></li>`)}
  </ul>`;
}

export interface DetailContext extends ItemContext {
  readonly matches: readonly MarketItem[];
  readonly showContact: boolean;
  readonly contactShown: boolean;
  readonly copied: boolean;
  readonly onShowContact: () => void;
  readonly onShare: (url: string) => void;
  readonly onOpenMatch: (event: Event, item: MarketItem) => void;
}

function renderGallery(c: DetailContext, item: MarketItem): TemplateResult | typeof nothing {
  const images = [...new Set([item.images.full ?? item.images.medium, ...item.gallery].filter((src): src is string => Boolean(src)))].filter((src) => !c.failedImages.has(src));
  if (images.length === 0) return nothing;
  const title = isolate(localizeMask(c.m, item.name));
  return html`<h3>${c.m.gallery}</h3><ul class="gallery">${images.slice(0, 6).map(
    (src, index) => html`<li><img src=${src} alt=${`${c.m.imageOf(title)}${images.length > 1 ? ` (${index + 1}/${Math.min(6, images.length)})` : ''}`} width="160" height="120" loading="lazy" @error=${() => c.onImageError(src)}></li>`,
  )}</ul>`;
}

function renderContact(c: DetailContext, item: MarketItem): TemplateResult | typeof nothing {
  // With show-contact, an organisation's contact, behind a button; a person's never reaches here (the normaliser keeps it).
  if (!c.showContact || item.poster.kind !== 'organization' || !item.contact) return nothing;
  return html`<h3>${c.m.contactTitle}</h3>${c.contactShown
    ? html`<p class="contact" dir="auto">${item.contact}</p>`
    : html`<p><button type="button" class="button" @click=${c.onShowContact}>${c.m.showContact}</button></p>`}`;
}

function renderMatches(c: DetailContext, item: MarketItem): TemplateResult | typeof nothing {
  if (c.matches.length === 0) return nothing;
  return html`<h3>${item.section === 'need' ? c.m.matchesForNeed : c.m.matchesForOffer}</h3><ul class="plain matches">${c.matches.map(
    (match) => html`<li><a href=${adUrl(c.linkBase, match)} dir="auto" @click=${(event: Event) => c.onOpenMatch(event, match)}>${localizeMask(c.m, match.name)}</a> <span class="muted">${[match.locality, priceText(c.m, c.locale, match)].filter(Boolean).join(' · ')}</span></li>`,
  )}</ul>`;
}

/** The detail dialog: badges, path, price, gallery, description, place and poster, contact, matches, actions. */
export function renderItemDetail(c: DetailContext, detail: DetailController<MarketItem>, item: MarketItem): TemplateResult {
  const m = c.m;
  const common = c.t.common;
  const url = adUrl(c.linkBase, item);
  const price = priceText(m, c.locale, item);
  const newWindow = html`<span class="visually-hidden"> ${m.opensInNewWindow}</span>`;
  return renderDetailDialog(detail, {
    title: localizeMask(m, item.name),
    closeLabel: common.close,
    loadingLabel: common.descriptionLoading,
    errorLabel: common.descriptionError,
    head: html`<p class="meta"><span class="badge">${m.kinds[item.marketKind]}</span> <span class="badge">${item.section === 'other' && item.sectionRaw ? m.otherNamed(item.sectionRaw) : m.sections[item.section]}</span>${isStale(item, c.now, c.staleAfter) ? html` <span class="badge aged">${m.stale}</span>` : nothing}</p>
      <p class="path" dir="auto">${categoryPath(m, item)}</p>
      ${price ? html`<p class="price">${price}</p>` : nothing}
      ${renderGallery(c, item)}`,
    body: html`<p class="where" dir="auto">${[item.locality, published(c, item)].filter(Boolean).join(' · ')}</p>
      <p class="poster">${m.postedBy} : ${renderPoster(c, item)}</p>
      ${renderContact(c, item)} ${renderMatches(c, item)}`,
    footer: html`<p class="dialog-footer actions">
        <a class="button primary" href=${url} target="_blank" rel="noopener">${m.answer}${newWindow}</a>
        <a class="button" href=${url} target="_blank" rel="noopener">${m.report}${newWindow}</a>
        <button type="button" class="button" @click=${() => c.onShare(url)}>${c.copied ? m.copied : m.share}</button>
      </p>
      <p class="muted source">${common.sourceAttribution}</p>`,
  });
}

export interface ControlsOptions {
  readonly t: Translation;
  readonly m: MarketStrings;
  readonly filters: FilterController;
  readonly groups: readonly { readonly facet: MarketFacet; readonly values: readonly FacetValue[]; readonly chosen: readonly string[]; readonly toggle: (key: string) => void }[];
  readonly range: { readonly min: number | null; readonly max: number | null };
  readonly onPrice: (event: Event, bound: 'min' | 'max') => void;
  /** The marketplace's own active filters (sections, categories, currencies, price), and clearing them. */
  readonly own: { readonly active: readonly ActiveFilter[]; readonly chosen: number; readonly clear: () => void };
}

/**
 * The shared filter panel (search, folding on narrow containers, active filters, "Tout effacer"): the
 * kinds as its type facet, the marketplace's own facet groups and the price range after it.
 */
export function renderControls(o: ControlsOptions): TemplateResult {
  const { m } = o;
  const c = o.t.common;
  const legends: Record<MarketFacet, string> = { kinds: m.kindFacet, sections: m.sectionFacet, categories: m.categoryFacet, subCategories: m.subCategoryFacet, currencies: m.currencyFacet };
  // A facet with one value and nothing chosen offers no choice.
  const offered = o.groups.filter((group) => group.values.length > 1 || group.chosen.length > 0);
  const kinds = offered.find((group) => group.facet === 'kinds');
  const own = offered.filter((group) => group.facet !== 'kinds').map((group) =>
    renderFacetGroup(legends[group.facet], group.values.map((value) => ({ ...value, pressed: group.chosen.includes(value.key), name: c.chipLabel(isolate(value.label), value.count), onToggle: () => group.toggle(value.key) }))),
  );
  const bound = (which: 'min' | 'max', label: string) => {
    const value = o.range[which];
    return html`<label>${label}<input type="number" inputmode="numeric" min="0" step="1" .value=${value === null ? '' : String(value)} @change=${(event: Event) => o.onPrice(event, which)}></label>`;
  };
  return renderFilterPanel({
    t: o.t,
    filters: o.filters,
    search: { label: m.searchLabel, placeholder: m.searchPlaceholder },
    facets: [{ facet: 'types', legend: m.kindFacet, values: kinds?.values ?? [] }],
    typeLabel: (kind) => m.kinds[kind] ?? kind,
    extra: html`${own}<fieldset class="facet price-range"><legend>${m.priceLegend}</legend>${bound('min', m.priceMin)}${bound('max', m.priceMax)}</fieldset>`,
    own: o.own,
  });
}
