import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { checkBaseUrl, checkMarket, checkScope, clientFor, fetchOrganizationMarket, MARKET_KINDS, normalizeLinkBase, searchMarket, type ConfigProblem, type MarketFilters, type MarketItem, type MarketSet, type Scope } from '../../api/index.js';
import { checkChoice, checkInteger, checkLang } from '../../shared/attribute-checks.js';
import { COMMON_PROPERTIES, initCommonAttributes, type CommonAttributes } from '../../shared/common-attributes.js';
import { emit } from '../../shared/events.js';
import { facetCount, type FacetValue } from '../../shared/facets.js';
import { FilterController } from '../../shared/filter-controller.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { JsonLdController } from '../../shared/jsonld.js';
import { sameKey } from '../../shared/memo.js';
import { ResultsController } from '../../shared/results-controller.js';
import { SelectionController } from '../../shared/selection-controller.js';
import { baseStyles } from '../../shared/styles.js';
import { headingLevel, renderEmpty, renderSkipLink, renderSkipTarget } from '../../shared/templates.js';
import { focusResults, renderErrorState, renderPager, renderStaleNotice, type ActiveFilter } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { parseList } from '../../lib/text.js';
import { formatPrice } from '../../lib/format.js';
import { marketplaceStyles } from './cc-marketplace.styles.js';
import { loadMarketStrings, marketStrings, type MarketStrings } from './market-i18n.js';
import { marketJsonLd } from './market-jsonld.js';
import { MARKET_FACETS, MAX_PAGE_SIZE, buildMarketIndex, pageSizeOf, staleDaysOf, facetValueLabel, matchingItems, searchMarketIndex, type MarketFacet, type MarketIndex, type MarketSearch } from './market-model.js';
import { adUrl, renderControls, renderItem, renderItemDetail, renderSkeleton, type ItemContext } from './market-views.js';

type Args = readonly [apiBase: string, scope: Scope, filters: MarketFilters, contacts: boolean];
type OwnFacet = Exclude<MarketFacet, 'kinds'>;
const OWN_FACETS: readonly OwnFacet[] = ['sections', 'categories', 'subCategories', 'currencies'];
const URL_KEYS: Readonly<Record<OwnFacet, string>> = { sections: 'section', categories: 'cat', subCategories: 'sub', currencies: 'cur' };
const JSONLD_MAX = 50;
const price = (value: string): number | null => (/^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null);

/**
 * The needs and offers, classified ads and jobs of a commune, a network or an association, read from
 * Communecter: kinds, sections, a category tree with counts, price range and currency, search, an
 * accessible detail with the offers that might answer a need (and the reverse), and schema.org JSON-LD.
 * Private by default: no contact, e-mail or phone number is shown unless `show-contact` is set, and then
 * only an organisation's; a private person is never named.
 *
 * @summary Needs and offers, classifieds and jobs from Communecter.
 *
 * @fires cc-load - Items were loaded and shown: `{count, total}`.
 * @fires cc-error - Loading failed, or the configuration is invalid (nothing is then requested): `{error}`.
 * @fires cc-select - The user opened an item: `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail closed.
 * @fires cc-filter-change - The user changed the search or a filter: `{query, types, tags, facets}` (`types` are the kinds).
 *
 * @slot - Fallback content (e.g. a link to the board on Communecter), shown before upgrade and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart search-input - The search field.
 * @csspart facets - The filters.
 * @csspart chip - A filter or active-filter button.
 * @csspart active-filters - The row of active filters.
 * @csspart status - The count line.
 * @csspart publish - The "Publier une annonce" link.
 * @csspart list - The items.
 * @csspart item - One item.
 * @csspart item-image - An item's image or category initial.
 * @csspart item-title - An item's title.
 * @csspart item-badge - An item's section badge.
 * @csspart item-stale - The "ancienne" badge.
 * @csspart item-price - An item's price.
 * @csspart pager - The pagination.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart stale - The notice above items kept after a failed refresh (with a retry).
 * @csspart dialog - The detail dialog.
 *
 * @cssprop --cc-marketplace-card-min-width - Smallest card width (default 250px).
 * @cssprop --cc-marketplace-card-background - Card background (default: the surface colour).
 * @cssprop --cc-marketplace-image-size - Image box size in the list layout and on narrow containers (default 72px).
 * @cssprop --cc-marketplace-badge-background - Section badge background (default: the alternate surface).
 * @cssprop --cc-marketplace-stale-background - Background of the "ancienne" badge.
 * @cssprop --cc-marketplace-stale-color - Text colour of the "ancienne" badge.
 * @cssprop --cc-marketplace-price-color - Colour of prices (default: the text colour).
 * @cssprop --cc-marketplace-chip-selected-background - Background of a selected chip (default: the accent).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CcMarketplace extends LitElement {
  static override properties = COMMON_PROPERTIES;
  static override styles = [baseStyles, uiStyles, marketplaceStyles];

  /** Comma list of `ressources`, `classifieds`, `jobs`; default all three. */
  @property() kinds = '';
  /** Only one section: `need`, `offer`, `forsale`, `forrent`, `donation` or `sharing`. */
  @property() section = '';
  /** Only one category key of the platform's trees (`service`, `vehicles`, `joboffer`…). */
  @property() category = '';
  /** One organisation's board: its slug or id. Overrides the place and network scope. */
  @property() organization = '';
  /** Lowest price (a whole number). */
  @property({ attribute: 'price-min' }) priceMin = '';
  /** Highest price (a whole number). */
  @property({ attribute: 'price-max' }) priceMax = '';
  /** Only one currency: `€`, `Ğ1`, `CFP`, `FC`, `$` or `£`. */
  @property() currency = '';
  /** `cards` (a grid) or `list` (compact rows). */
  @property() layout: 'cards' | 'list' = 'cards';
  /** Items per page (1–24: the element stays under 1,400 DOM nodes). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;
  /** Hide the search and filters. */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;
  /** Days after which an item is marked "ancienne" (the platform has no expiry). */
  @property({ type: Number, attribute: 'stale-after' }) staleAfter = 90;
  /** Show organisations' contacts behind a button ("Afficher le contact"); private persons' never. */
  @property({ type: Boolean, attribute: 'show-contact' }) showContact = false;
  /** Where "Publier une annonce" leads (default: the platform's classifieds page). */
  @property({ attribute: 'publish-href' }) publishHref = '';
  /** Do not write schema.org JSON-LD into the page. */
  @property({ type: Boolean, attribute: 'no-jsonld' }) noJsonld = false;
  /** "Now" for ages and the "ancienne" mark (tests pin it). @internal */
  @property({ attribute: false }) now: Date | null = null;

  @state() private selected: Readonly<Record<OwnFacet, readonly string[]>> = { sections: [], categories: [], subCategories: [], currencies: [] };
  @state() private range: { readonly min: number | null; readonly max: number | null } = { min: null, max: null };
  @state() private failedImages: ReadonlySet<string> = new Set();
  @state() private contactShown = false;
  @state() private copied = false;
  @state() private pageAnnouncement = '';

  private index: MarketIndex | null = null;
  private indexed: MarketSet | null = null;
  private searched: MarketSearch | null = null;
  private searchedKey: readonly unknown[] = [];

  private readonly localize = new LocaleController(this);
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-marketplace',
    validType: (type) => (MARKET_KINDS as readonly string[]).includes(type),
    tagLabel: (key) => key,
    extraState: () => ({
      ...Object.fromEntries(OWN_FACETS.map((facet) => [URL_KEYS[facet], this.selected[facet].join(',')])),
      pmin: this.range.min === null ? '' : String(this.range.min),
      pmax: this.range.max === null ? '' : String(this.range.max),
    }),
    restoreExtra: (values) => {
      this.selected = Object.fromEntries(OWN_FACETS.map((facet) => [facet, parseList(values[URL_KEYS[facet]]).slice(0, 20)])) as Record<OwnFacet, string[]>;
      this.range = { min: price(values.pmin ?? ''), max: price(values.pmax ?? '') };
    },
    onChange: (change) => {
      if (change !== 'page') this.pageAnnouncement = '';
    },
  });
  private readonly results = new ResultsController<Args, MarketSet>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => [this.apiBase, this.organization.trim() ? {} : checkScope(this).scope, checkMarket(this).filters, this.showContact],
    load: async ([, scope, filters, contacts], { client, signal, preview }) => {
      if (filters.organization) return fetchOrganizationMarket(client, filters.organization, filters, { signal, contacts });
      // A first page on screen at once, then the whole scope (searched, counted and paged here).
      const first = await searchMarket(client, scope, filters, { signal, contacts, limit: pageSizeOf(this.pageSize) });
      if (first.complete) return first;
      preview(first);
      return searchMarket(client, scope, filters, { signal, contacts });
    },
    isEmpty: (set) => set.items.length === 0, store: () => false, // raw answers carry posters' raw contacts: none kept in the browser
    counts: (set) => ({ count: this.search(set).matches.length, total: set.total }),
  });
  private readonly selection = new SelectionController<MarketItem, MarketItem>(this, {
    itemOf: (item) => item,
    kindOf: (item) => item.marketKind,
    urlOf: (item) => adUrl(this.linkBase, item),
    linkBase: () => this.linkBase,
  });

  constructor() {
    super();
    initCommonAttributes(this);
    new JsonLdController(this, () => (this.noJsonld ? [] : this.visible().slice(0, JSONLD_MAX).map((item) => marketJsonLd(item, adUrl(this.linkBase, item)))), 'ccMarketplace');
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // The first render waits for the page's language tables (English is loaded on demand).
    const wait = this.localize.beforeFirstUpdate();
    const own = loadMarketStrings(this.localize.locale);
    if (own && this.hasUpdated) void own.then(() => this.requestUpdate());
    const waits = [wait, this.hasUpdated ? null : own].filter(Boolean);
    return waits.length > 0 ? Promise.all(waits).then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  private get m(): MarketStrings {
    return marketStrings(this.localize.locale);
  }

  // ---------------------------------------------------------------- data

  private problems(): ConfigProblem[] {
    // One organisation's board ignores the place and network scope.
    return [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase), ...(this.organization.trim() ? [] : checkScope(this).problems), ...checkMarket(this).problems,
      ...checkInteger(this, 'page-size', 1, MAX_PAGE_SIZE, `${pageSizeOf(this.pageSize)}`), ...checkInteger(this, 'stale-after', 1, 3650, `${staleDaysOf(this.staleAfter)}`),
      ...checkChoice(this, 'layout', ['cards', 'list'], '"cards"'), ...checkLang(this, `"${this.localize.locale}"`)];
  }

  private search(set: MarketSet): MarketSearch {
    if (this.indexed !== set) {
      this.index = buildMarketIndex(set.items);
      this.indexed = set;
    }
    const f = this.filters;
    const key = [set, f.text, f.types, this.selected, this.range];
    if (!this.searched || !sameKey(key, this.searchedKey)) {
      this.searched = searchMarketIndex(this.index!, { text: f.text, selected: { kinds: f.types, ...this.selected }, priceMin: this.range.min, priceMax: this.range.max });
      this.searchedKey = key;
    }
    return this.searched;
  }

  private visible(): MarketItem[] {
    const set = this.results.value;
    if (!set || this.results.phase !== 'loaded') return [];
    const size = pageSizeOf(this.pageSize);
    return this.search(set).matches.slice((this.page(set) - 1) * size, this.page(set) * size);
  }

  private page(set: MarketSet): number {
    return Math.min(Math.max(1, this.filters.page), Math.max(1, Math.ceil(this.search(set).matches.length / pageSizeOf(this.pageSize))));
  }

  // ---------------------------------------------------------------- handlers

  private changeFilters(): void {
    this.filters.setPage(1);
    this.filters.write(true);
    emit(this, 'cc-filter-change', {
      query: this.filters.text,
      types: [...this.filters.types],
      tags: [],
      facets: { ...this.selected, price: [this.range.min === null ? '' : String(this.range.min), this.range.max === null ? '' : String(this.range.max)] },
    });
  }

  private toggle(facet: OwnFacet, key: string): void {
    const list = this.selected[facet];
    const next = list.includes(key) ? list.filter((each) => each !== key) : [...list, key];
    // A category unchosen takes its sub-categories with it.
    const subCategories = facet === 'categories' ? this.selected.subCategories.filter((sub) => next.includes(sub.slice(0, sub.indexOf('/')))) : this.selected.subCategories;
    this.selected = { ...this.selected, subCategories, [facet]: next };
    this.changeFilters();
  }

  private handlePrice(event: Event, bound: 'min' | 'max'): void {
    this.range = { ...this.range, [bound]: price((event.target as HTMLInputElement).value) };
    this.changeFilters();
  }

  private clearOwn(): void {
    this.selected = { sections: [], categories: [], subCategories: [], currencies: [] };
    this.range = { min: null, max: null };
  }

  private clearAll(): void {
    this.clearOwn();
    this.filters.clearAll();
  }

  private openItem(event: Event, item: MarketItem): void {
    this.contactShown = false;
    this.copied = false;
    this.selection.activate(event, item);
  }

  private handleShare(url: string): void {
    void navigator.clipboard?.writeText(url).then(() => (this.copied = true), () => undefined);
  }

  private goToPage(next: number, pages: number): void {
    this.filters.setPage(next);
    this.pageAnnouncement = this.localize.t.common.pageOf(next, pages);
    void this.updateComplete.then(() => focusResults(this.renderRoot));
  }

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    const t = this.localize.t;
    const phase = this.results.phase;
    const set = this.results.value;
    const failed = phase === 'failed' || phase === 'config';
    return html`<section part="base" class="base layout-${this.layout === 'list' ? 'list' : 'cards'}" aria-label=${this.m.label} lang=${this.localize.locale}>
      ${renderSkipLink(this.m.skip, this)}
      ${this.renderToolbar()}
      ${this.noFilters || failed || !set || phase === 'empty' ? nothing : this.renderControls(set)}
      ${failed ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#annonces`, () => this.results.retry()) : renderStaleNotice(t, this.results.stale, () => this.results.retry())}
      <div class="results" aria-busy=${phase === 'loading' ? 'true' : 'false'}>
        <p part="status" class="status" role="status">${this.statusText(set, phase === 'loading', failed)}</p>
        ${set && !failed ? this.renderResults(set) : phase === 'loading' ? renderSkeleton() : nothing}
      </div>
      ${this.selection.open ? this.renderDetail(this.selection.open) : nothing}
      ${renderSkipTarget()}
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    const href = this.publishHref.trim() || `${normalizeLinkBase(this.linkBase)}/#annonces`;
    return html`<div class="toolbar"><a part="publish" class="button" href=${href}>${this.m.publish}</a></div>`;
  }

  private statusText(set: MarketSet | null, loading: boolean, failed: boolean): string {
    const c = this.localize.t.common;
    if (failed) return '';
    if (!set || (loading && !this.results.isPreview)) return loading ? (this.results.slow ? c.loadingSlow : c.loading) : '';
    const count = this.search(set).matches.length;
    const text = this.m.results(count, count === set.items.length ? null : set.items.length);
    if (this.results.isPreview) return `${text} — ${this.m.loadingAll}`;
    return this.pageAnnouncement ? `${text} — ${this.pageAnnouncement}` : text;
  }

  private facetValues(set: MarketSet, facet: MarketFacet): FacetValue[] {
    const result = this.search(set).result;
    const index = this.index!;
    const chosen = facet === 'kinds' ? this.filters.types : this.selected[facet];
    const column = index.columns[facet];
    return column.keys
      .filter((key) => facetCount(index, result, facet, key) > 0 || chosen.includes(key))
      .filter((key) => facet !== 'subCategories' || this.selected.categories.includes(key.slice(0, key.indexOf('/'))))
      .map((key) => ({ key, label: facetValueLabel(this.m, facet, key), count: facetCount(index, result, facet, key) }));
  }

  private renderControls(set: MarketSet): TemplateResult {
    const f = this.filters;
    const groups = MARKET_FACETS.map((facet) => ({
      facet,
      values: this.facetValues(set, facet),
      chosen: facet === 'kinds' ? f.types : this.selected[facet],
      toggle: (key: string) => (facet === 'kinds' ? f.toggle('types', key) : this.toggle(facet, key)),
    }));
    const chosen = OWN_FACETS.reduce((sum, facet) => sum + this.selected[facet].length, 0) + (this.range.min !== null || this.range.max !== null ? 1 : 0);
    return renderControls({ t: this.localize.t, m: this.m, filters: f, groups, range: this.range, onPrice: (event, bound) => this.handlePrice(event, bound), own: { active: this.activeFilters(), chosen, clear: () => this.clearOwn() } });
  }

  /** The active filters beyond text and kinds (the shared panel shows those). */
  private activeFilters(): ActiveFilter[] {
    const m = this.m;
    const format = (value: number | null): string => (value === null ? '' : formatPrice(this.localize.t.intlLocale, value, null));
    return [
      ...OWN_FACETS.flatMap((facet) => this.selected[facet].map((key) => ({ label: facetValueLabel(m, facet, key), onRemove: () => this.toggle(facet, key) }))),
      ...(this.range.min !== null || this.range.max !== null ? [{ label: m.priceFilter(format(this.range.min), format(this.range.max)), onRemove: () => ((this.range = { min: null, max: null }), this.changeFilters()) }] : []),
    ];
  }

  private renderResults(set: MarketSet): TemplateResult {
    const matches = this.search(set).matches;
    const size = pageSizeOf(this.pageSize);
    const pages = Math.max(1, Math.ceil(matches.length / size));
    const page = this.page(set);
    const shown = matches.slice((page - 1) * size, page * size);
    const filtered = this.filters.active || OWN_FACETS.some((facet) => this.selected[facet].length > 0) || this.range.min !== null || this.range.max !== null;
    if (shown.length === 0) return renderEmpty(this.localize.t, filtered, { empty: this.m.empty, emptyScope: this.m.emptyScope }, () => this.clearAll());
    const context = this.itemContext();
    return html`<ul part="list" class="list">${repeat(shown, (item) => item.id, (item) => renderItem(context, item))}</ul>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.goToPage(next, pages)) : nothing}`;
  }

  private renderDetail(item: MarketItem): TemplateResult {
    return renderItemDetail(
      {
        ...this.itemContext(),
        matches: matchingItems(this.results.value?.items ?? [], item),
        showContact: this.showContact,
        contactShown: this.contactShown,
        copied: this.copied,
        onShowContact: () => (this.contactShown = true),
        onShare: (url) => this.handleShare(url),
        onOpenMatch: (event, match) => {
          // The dialog shows the other item; focus goes back to the first opener when it closes.
          event.preventDefault();
          this.contactShown = false;
          this.selection.select(match, null);
        },
      },
      this.selection.detail,
      item,
    );
  }

  private itemContext(): ItemContext {
    return {
      t: this.localize.t,
      m: this.m,
      locale: this.localize.t.intlLocale,
      linkBase: this.linkBase,
      layout: this.layout === 'list' ? 'list' : 'cards',
      headingLevel: headingLevel(this.headingLevel),
      now: this.now ?? new Date(),
      staleAfter: staleDaysOf(this.staleAfter),
      failedImages: this.failedImages,
      onImageError: (id) => (this.failedImages = new Set([...this.failedImages, id])),
      select: (event, item) => this.openItem(event, item),
      keydown: (event, item) => {
        if (event.key === ' ') this.openItem(event, item);
      },
    };
  }
}

// The common attributes' types: COMMON_PROPERTIES declares them at run time (see common-attributes.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface CcMarketplace extends CommonAttributes {}
