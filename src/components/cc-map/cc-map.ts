import { LitElement, html, nothing, render, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { checkBaseUrl, checkScope, clientFor, elementPageUrl, loadPlaces, normalizeLinkBase, parseList, type CommunecterElement, type ConfigProblem, type Scope, type SearchType } from '../../api/index.js';
import { COMMON_PROPERTIES, initCommonAttributes, type CommonAttributes } from '../../shared/common-attributes.js';
import { emit } from '../../shared/events.js';
import { FilterController } from '../../shared/filter-controller.js';
import { itemTypeLabel } from '../../shared/i18n/labels.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { ResultsController, type LoadContext } from '../../shared/results-controller.js';
import { RovingFocusController } from '../../shared/roving-focus-controller.js';
import { baseStyles } from '../../shared/styles.js';
import { headingLevel, renderEmpty, renderSkipLink, renderSkipTarget } from '../../shared/templates.js';
import { DetailController, renderErrorState, renderPager, renderStaleNotice } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { mapStyles } from './cc-map.styles.js';
import { MapController } from './map-controller.js';
import type { EngineView } from './map-engine.js';
import { CATEGORIES, DEFAULT_MAP_TYPES, boundsOf, categoryType, isMapType, mapProblems, ofTypes, memoLast, nearestInDirection, parseCenter, resolveTiles, splitPlaces } from './map-model.js';
import { renderListBox, renderMapBox, renderOverlay, renderPlaceDetail, renderPopup, renderTypeFilters } from './map-views.js';

const PAGE_SIZE = 1000;
const LIST_PAGE = 20;
const NARROW = 600;

interface PlaceSet {
  readonly items: readonly CommunecterElement[];
  readonly total: number | null;
}
type Popup = { readonly item: CommunecterElement } | { readonly members: readonly CommunecterElement[]; readonly lat: number; readonly lng: number };

/**
 * The map of a commune's, a network's or a territory's places, fast at 100,000 places: clusters that
 * say what they hold, a marker per place with a shape and colour per category, popups, and the list
 * of the places in view as its accessible alternative. Leaflet and the clustering load only when shown.
 *
 * @summary Map of Communecter organisations, projects, events and places, with a list.
 *
 * @fires cc-load - Every page of the scope is loaded, indexed and drawn: `{count, total, located}` (located = places with a usable position).
 * @fires cc-error - Loading failed, or the configuration is invalid (nothing is then requested): `{error}`.
 * @fires cc-select - The visitor picked a place (a marker or a list entry): `{item, kind, url}`. Cancelable: `preventDefault()` keeps its popup closed.
 * @fires cc-filter-change - The visitor changed the type filter: `{query, types, tags}`.
 * @fires cc-view-change - The visitor moved the map (debounced): `{view: 'map', center, zoom, bounds}`.
 *
 * @slot - Fallback content (e.g. a link to the map on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart map - The map box (a labelled region).
 * @csspart controls - The zoom, pan, fit and locate buttons.
 * @csspart zoom-in - The zoom-in button.
 * @csspart zoom-out - The zoom-out button.
 * @csspart cluster - A cluster button (count and category donut).
 * @csspart marker - A place's marker button.
 * @csspart popup - A place's popup.
 * @csspart attribution - The map data and tiles attribution.
 * @csspart tiles-notice - The notice shown when tiles cannot be loaded.
 * @csspart status - The progress and "places in this area" line (a polite live region).
 * @csspart list - The list of the places in view.
 * @csspart item - One entry of the list.
 * @csspart chip - A type filter button.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart dialog - The detail dialog.
 *
 * @cssprop --cc-map-height - Height of the map box (default: a 4/3 aspect ratio of its width, at least 240px).
 * @cssprop --cc-map-aspect-ratio - Aspect ratio of the map box when no height is set (default 4 / 3).
 * @cssprop --cc-map-cluster-size - Diameter of a cluster button (default 40px).
 * @cssprop --cc-map-marker-size - Size of a place's marker (default 24px, the smallest target WCAG 2.5.8 allows).
 * @cssprop --cc-map-tiles-background - Background under the tiles, and of `tiles="none"` (default #dfe9ee).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CcMap extends LitElement {
  static override properties = COMMON_PROPERTIES;
  static override styles = [baseStyles, uiStyles, mapStyles];

  /** Comma list of organizations (or NGO, LocalBusiness, Group, GovernmentOrganization, Cooperative), projects, events, poi; default organizations, projects and poi. */
  @property() types = '';
  /** Tiles: `osm` (default), `osmfr`, `ign-plan`, `none`, or an https URL template with {z}, {x}, {y} (and {s}); a template needs `tiles-attribution`. */
  @property() tiles = 'osm';
  /** Attribution of a tiles template (required with one; shown as text). */
  @property({ attribute: 'tiles-attribution' }) tilesAttribution = '';
  /** Deepest zoom the tiles offer (1–22). */
  @property({ type: Number, attribute: 'tiles-max-zoom' }) tilesMaxZoom: number | null = null;
  /** Initial centre, "lat,lng"; without it (and `zoom`) the view fits the places. */
  @property() center = '';
  /** Initial zoom (1–20), with `center`. */
  @property({ type: Number }) zoom: number | null = null;
  /** Where the list of places goes: `below` (default), `side`, or `toggle` (a Carte/Liste switch; always on narrow containers). */
  @property() list = 'below';
  /** Id of a place whose popup opens once loaded. */
  @property() selected = '';
  /** Hide the type filter. */
  @property({ type: Boolean, attribute: 'no-filters' }) noFilters = false;
  /** Offer a "Près de moi" button (the browser asks for the position only when it is pressed). */
  @property({ type: Boolean }) locate = false;
  /** `lazy`: load the map's code only when the element nears the viewport. */
  @property() loading: 'eager' | 'lazy' = 'eager';

  @state() private popup: Popup | null = null;
  @state() private viewBounds: readonly [number, number, number, number] | null = null;
  @state() private announced = '';
  @state() private listPage = 1;
  @state() private narrow = false;
  @state() private shown: 'map' | 'list' = 'map';
  @state() private failedImages: ReadonlySet<string> = new Set();
  private active = 0;
  private readonly byType = memoLast((items: readonly CommunecterElement[], _count: number, types: readonly string[]) => ofTypes(items, types));
  private readonly split = memoLast((items: readonly CommunecterElement[], _count: number, bounds: readonly [number, number, number, number] | null) => splitPlaces(items, bounds));
  private userMoved = false;
  private loadCount = 0;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  // Applied in the next frame: the layout it switches changes the element's own size.
  private readonly resize = new ResizeObserver(([entry]) => requestAnimationFrame(() => (this.narrow = (entry?.contentRect.width ?? NARROW) < NARROW)));

  private readonly localize = new LocaleController(this);
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-map',
    validType: (type) => CATEGORIES.some((category) => categoryType(category) === type),
    tagLabel: (key) => key,
    extraState: (): Record<string, string> => (this.popup && 'item' in this.popup ? { selected: this.popup.item.id } : {}),
    restoreExtra: (state) => (this.selected = state['selected'] ?? this.selected),
    onChange: () => this.redraw(),
  });
  private readonly results = new ResultsController<readonly [string, Scope, SearchType[]], PlaceSet>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => [this.apiBase, checkScope(this).scope, this.scopeTypes()],
    load: (args, context) => this.load(args[1], args[2], context),
    isEmpty: (set) => set.items.length === 0, store: () => false, // up to 150 pages a scope would churn the browser's store
    counts: (set) => ({ count: set.items.length, total: set.total, located: set.items.filter((item) => item.position).length }),
  });
  private readonly map = new MapController(this, {
    container: () => this.renderRoot.querySelector<HTMLElement>('.map'),
    tiles: () => this.tileChoice(),
    lazy: () => this.loading === 'lazy',
    wanted: () => this.results.phase !== 'config',
    onReady: () => this.fitInitial(),
    onView: (view) => this.handleView(view),
  });
  private readonly roving = new RovingFocusController<number>(this, {
    current: () => this.active,
    move: (current, event) => nearestInDirection(this.map.clusters, current, event.key),
    onMove: (next) => (this.active = next),
    focusTarget: () => this.map.button(this.active),
  });
  private readonly detail = new DetailController<CommunecterElement>(this, () => this.linkBase);

  constructor() {
    super();
    initCommonAttributes(this);
  }

  /** Every place loaded so far (read-only). */
  get items(): readonly CommunecterElement[] {
    return this.results.value?.items ?? [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    clearTimeout(this.announceTimer);
    clearTimeout(this.viewTimer);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.localize.beforeFirstUpdate()?.then(() => super.scheduleUpdate()) ?? super.scheduleUpdate();
  }

  protected override updated(): void {
    const engine = this.map.engine;
    if (!engine) return;
    const t = this.localize.t;
    const typeLabel = (item: CommunecterElement): string => itemTypeLabel(t, item);
    const popup = this.popup;
    const at = popup ? ('item' in popup ? popup.item.position : popup) : null;
    const popupView = popup && at ? renderPopup({ t, linkBase: this.linkBase, headingLevel: headingLevel(this.headingLevel), typeLabel, onClose: () => this.closePopup(), onMore: (item, event) => this.detail.open(item, event.currentTarget as HTMLElement), onPick: (item) => this.select(item, null) }, engine.project(at.lat, at.lng), popup) : nothing;
    this.active = Math.min(this.active, Math.max(0, this.map.clusters.length - 1));
    render(renderOverlay({ t, clusters: this.map.clusters, pointItems: this.map.pointItems, active: this.active, selectedKey: this.selectedKey(), typeLabel, onActivate: (index, event) => void this.handleActivate(index, event), onKeydown: (event) => this.handleOverlayKeydown(event), onFocus: (index) => (this.active = index) }, popupView), engine.overlay, { host: this });
  }

  /** Shows a place: centres the map on it and opens its popup (its detail when it has no position). */
  focusItem(id: string): void {
    const item = this.items.find((each) => each.id === id);
    if (!item) return;
    if (item.position && this.map.engine) this.map.engine.setView(item.position.lat, item.position.lng, Math.max(this.map.engine.zoom, 15));
    this.openPlace(item, true);
  }

  /** Fits the view to every place shown. */
  fitAll(): void {
    this.fitPlaces(false);
  }

  private fitPlaces(user: boolean): void {
    const bounds = boundsOf(this.filtered());
    if (bounds) this.map.engine?.fit(bounds, user);
  }

  private tileChoice(): ReturnType<typeof resolveTiles>['choice'] {
    return resolveTiles(this.tiles, this.tilesAttribution, this.tilesMaxZoom).choice;
  }

  private problems(): ConfigProblem[] {
    return [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase), ...checkScope(this).problems, ...mapProblems(this, this.localize.locale), ...resolveTiles(this.tiles, this.tilesAttribution, this.tilesMaxZoom).problems];
  }

  private scopeTypes(): SearchType[] {
    const types = parseList(this.types).filter(isMapType);
    return types.length > 0 ? types : [...DEFAULT_MAP_TYPES];
  }

  private async load(scope: Scope, types: SearchType[], context: LoadContext<PlaceSet>): Promise<PlaceSet> {
    const load = ++this.loadCount;
    this.userMoved = false;
    const done = await loadPlaces(context.client, { ...scope, types }, {
      signal: context.signal,
      pageSize: PAGE_SIZE,
      onPage: (progress) => {
        if (progress.done) return;
        context.preview({ items: progress.items, total: progress.total });
        if (this.map.clusters.length === 0) this.fitInitial(progress.items); // the first page drawn; the rest at the end
        void this.map.setItems(this.filtered(progress.items), this.itemsKey(load), true);
      },
    });
    const set: PlaceSet = { items: done.items, total: done.total };
    // cc-load waits for the map (the places indexed and their clusters drawn); the list shows them meanwhile.
    context.preview(set);
    await this.map.settled;
    this.fitInitial(set.items);
    await this.map.setItems(this.filtered(set.items), this.itemsKey(load));
    const selected = set.items.find((each) => each.id === this.selected);
    if (selected) this.openPlace(selected, false);
    return set;
  }

  private filtered(items: readonly CommunecterElement[] = this.items): readonly CommunecterElement[] {
    return this.byType(items, items.length, this.filters.types);
  }

  /** Places of one load under one filter: pages that arrive extend them. */
  private itemsKey(load: number): string {
    return `${load}|${this.filters.types.join()}`;
  }

  private redraw(): void {
    void this.map.setItems(this.filtered(), this.itemsKey(this.loadCount));
    this.listPage = 1;
  }

  private fitInitial(items: readonly CommunecterElement[] = this.items): void {
    const engine = this.map.engine;
    const center = parseCenter(this.center);
    if (!engine || this.userMoved) return;
    if (center) return engine.setView(center.lat, center.lng, this.zoom ?? 12);
    const bounds = boundsOf(this.filtered(items));
    if (bounds) engine.fit(bounds);
  }

  private handleView(view: EngineView): void {
    this.viewBounds = view.bounds;
    this.listPage = 1;
    this.scheduleAnnouncement();
    if (!view.user) return;
    this.userMoved = true;
    clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => emit(this, 'cc-view-change', { view: 'map', center: view.center, zoom: view.zoom, bounds: view.bounds }), 300);
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => (this.announced = this.localize.t.map.inView(this.places().inView.length)), 500);
  }

  private async handleActivate(index: number, event: Event): Promise<void> {
    const cluster = this.map.clusters[index];
    const engine = this.map.engine;
    if (!cluster || !engine) return;
    this.active = index;
    if (cluster.point >= 0) {
      const item = this.map.pointItems[cluster.point];
      if (item) this.select(item, event.currentTarget as HTMLElement);
      return;
    }
    const zoom = await engine.expansionZoom(cluster.ref);
    if (zoom > engine.maxZoom || zoom > 17) {
      const members = (await engine.leaves(cluster.ref)).map((i) => this.map.pointItems[i]).filter((item): item is CommunecterElement => Boolean(item));
      this.popup = { members, lat: cluster.lat, lng: cluster.lng };
      return this.map.focusIn('.popup-title');
    }
    engine.setView(cluster.lat, cluster.lng, zoom, true);
    await this.map.focusNearCentre((index) => (this.active = index));
  }

  private handleOverlayKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape' && this.popup) {
      event.preventDefault();
      return this.closePopup();
    }
    if (!target.matches('.cluster, .marker')) return;
    if (event.key === '+' || event.key === '-') {
      event.preventDefault();
      this.map.engine?.zoomBy(event.key === '+' ? 1 : -1);
      return void this.map.focusNearCentre((index) => (this.active = index));
    }
    this.roving.handleKeydown(event);
  }

  /** A marker or a list entry: `cc-select`, then (unless prevented) its popup, or its detail without a position. */
  private select(item: CommunecterElement, opener: HTMLElement | null): void {
    if (!emit(this, 'cc-select', { item, kind: item.kind, url: elementPageUrl(this.linkBase, item) }, { cancelable: true })) return;
    if (!item.position || !this.map.engine) return this.detail.open(item, opener);
    this.openPlace(item, true);
  }

  private openPlace(item: CommunecterElement, focus: boolean): void {
    if (!item.position) return;
    this.popup = { item };
    this.map.engine?.reveal(item.position.lat, item.position.lng, false);
    this.filters.write(true);
    if (focus) void this.map.focusIn('.popup-title');
  }

  private closePopup(): void {
    const key = this.selectedKey();
    this.popup = null;
    this.filters.write(true);
    void this.updateComplete.then(() => {
      const marker = key ? this.map.engine?.overlay.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`) : null;
      (marker ?? this.map.button(this.active))?.focus();
    });
  }

  /** The places the list shows: those in view (all of them without a map), then those without a position. */
  private places(): ReturnType<typeof splitPlaces> {
    const items = this.filtered();
    const count = this.results.phase === 'loading' ? Math.floor(items.length / 10_000) : items.length; // steps of 10,000 while pages arrive
    return this.split(items, count, this.map.engine && !this.map.failed ? this.viewBounds : null);
  }

  override render(): TemplateResult {
    const t = this.localize.t;
    const phase = this.results.phase;
    const failed = phase === 'failed' || phase === 'config';
    const set = this.results.value;
    const toggle = this.list === 'toggle' || this.narrow;
    const layout = toggle ? 'toggle' : this.list === 'side' ? 'side' : 'below';
    return html`<section part="base" class="base layout-${layout}" aria-label=${t.map.label}>
      ${renderSkipLink(t.map.skip, this)}
      ${failed ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#search`, () => this.results.retry()) : html`
      ${this.noFilters || !set ? nothing : renderTypeFilters(t, this.filters, set.items)}
      ${toggle ? html`<div class="view-switch" role="group" aria-label=${t.map.viewLabel}>${(['map', 'list'] as const).map((view) => html`<button type="button" class="button" aria-pressed=${this.shown === view ? 'true' : 'false'} @click=${() => (this.shown = view)}>${view === 'map' ? t.map.showMap : t.map.showList}</button>`)}</div>` : nothing}
      ${renderStaleNotice(t, this.results.stale, () => this.results.retry())}<p part="status" class="status" role="status">${!set ? (phase === 'loading' ? t.common.loading : '') : phase === 'loading' ? t.map.progress(set.items.length, set.total) : this.announced || t.map.inView(this.places().inView.length)}</p>
      <div class="panes">${this.renderMap(toggle && this.shown === 'list')}${this.renderList(set, toggle && this.shown === 'map')}</div>`}
      ${this.detail.item ? renderPlaceDetail(t, this.linkBase, this.detail, this.detail.item, itemTypeLabel(t, this.detail.item), this.failedImages.has(this.detail.item.id), () => (this.failedImages = new Set([...this.failedImages, this.detail.item!.id]))) : nothing}
      ${renderSkipTarget()}
    </section>`;
  }

  private renderMap(hidden: boolean): TemplateResult {
    const engine = this.map.engine;
    return renderMapBox({
      t: this.localize.t,
      hidden,
      failed: this.map.failed, tilesFailed: this.map.tilesFailed,
      located: this.places().located,
      tiles: this.tileChoice(),
      locate: this.locate,
      zoomBy: (delta) => engine?.zoomBy(delta),
      panBy: (x, y) => engine?.panBy(x, y),
      fitAll: () => this.fitPlaces(true),
      onLocate: () => this.map.locate(() => (this.announced = this.localize.t.map.locateFailed)),
    });
  }

  private renderList(set: PlaceSet | null, hidden: boolean): TemplateResult | typeof nothing {
    if (!set) return nothing;
    const t = this.localize.t;
    const { inView, unlocated } = this.places();
    const entries = [...inView, ...unlocated];
    if (entries.length === 0) return html`<div class="list-box" ?hidden=${hidden}>${renderEmpty(t, this.filters.active, t.map, () => this.filters.clearAll())}</div>`;
    const pages = Math.max(1, Math.ceil(entries.length / LIST_PAGE));
    const page = Math.min(this.listPage, pages);
    const context = { t, headingLevel: headingLevel(this.headingLevel), selectedKey: this.selectedKey(), typeLabel: (item: CommunecterElement) => itemTypeLabel(t, item), onPick: (item: CommunecterElement, event: Event) => this.select(item, event.currentTarget as HTMLElement) };
    return renderListBox(context, { hidden, unlocated: unlocated.length, entries: entries.slice((page - 1) * LIST_PAGE, page * LIST_PAGE), pager: pages > 1 ? renderPager(t, page, pages, (next) => (this.listPage = next)) : nothing });
  }

  private selectedKey(): string | null {
    return this.popup && 'item' in this.popup ? `${this.popup.item.collection}:${this.popup.item.id}` : null;
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface CcMap extends CommonAttributes {}
