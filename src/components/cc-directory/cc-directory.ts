import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task, TaskStatus } from '@lit/task';
import {
  ApiError,
  COLLECTIONS,
  DEFAULT_API_BASE,
  DEFAULT_LINK_BASE,
  ORGANIZATION_TYPES,
  createClient,
  elementPageUrl,
  isAbortError,
  normalizeLinkBase,
  searchElements,
  type CommunecterElement,
  type Counts,
  type SearchQuery,
  type SearchType,
} from '../../api/index.js';
import { plainExcerpt } from '../../api/normalize/primitives.js';
import { emit } from '../../shared/events.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { parseList, scopeFromAttributes, scopeKey } from '../../shared/scope.js';
import { baseStyles } from '../../shared/styles.js';
import { DetailController, SlowLoadingController, renderActiveFilters, renderChip, renderDetailDialog, renderErrorState, renderPager } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { foldForSearch, truncateGraphemes } from '../../shared/text.js';
import { displayHost, toMailtoHref } from '../../shared/url.js';
import { UrlSyncController } from '../../shared/url-state.js';
import { directoryStyles } from './cc-directory.styles.js';
import {
  buildIndex,
  searchEntries,
  sortedEntries,
  type DirectoryEntry,
  type DirectoryFilter,
  type DirectoryIndex,
  type DirectorySort,
  type FacetCount,
} from './directory-model.js';

/**
 * Up to this many results the whole set is loaded once and searched in the browser (instant
 * keystrokes, exact facet counts, reliable name sort, no dependence on the platform's paging,
 * which the contract calls uncertain). Above it, text, facets, sort and pages go to the server.
 */
export const LOCAL_LIMIT = 10_000;
const MAX_PAGE_SIZE = 24;
const MAX_TAG_CHIPS = 12;
const SEARCH_DEBOUNCE_MS = 300;
const ANNOUNCE_DELAY_MS = 600;
const SLOW_AFTER_MS = 6000;

const DEFAULT_TYPES: readonly SearchType[] = ['organizations'];
const ALLOWED_TYPES: readonly string[] = [...ORGANIZATION_TYPES, 'organizations', 'projects', 'poi'];

interface ResultSet {
  readonly mode: 'local' | 'server';
  readonly index: DirectoryIndex;
  /** Matches of the whole scope (local) or of the current server query. */
  readonly total: number | null;
  readonly counts: Counts;
}

interface ServerState {
  readonly text: string;
  readonly types: readonly string[];
  readonly tags: readonly string[];
  readonly page: number;
  readonly sort: DirectorySort;
}

/**
 * A searchable directory of the local actors of a commune, a network or a territory, read from
 * Communecter: search as you type, type and keyword facets with counts, sort, pages, and an
 * accessible detail dialog.
 *
 * @summary Directory of Communecter organisations, projects and places.
 *
 * @fires cc-load - Results were loaded and shown: `{count, total}`.
 * @fires cc-error - Loading failed: `{error}` (an `ApiError`).
 * @fires cc-select - The user picked an entry: `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail dialog closed so the host can handle it.
 * @fires cc-filter-change - The user changed the search, types or keywords: `{query, types, tags}`.
 *
 * @slot - Fallback content (e.g. a link to the directory on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart facets - The facet groups.
 * @csspart chip - A facet or active-filter button.
 * @csspart active-filters - The row of active filters.
 * @csspart status - The results count line.
 * @csspart list - The results list.
 * @csspart item - One entry.
 * @csspart item-image - An entry's image box.
 * @csspart item-title - An entry's name.
 * @csspart item-badge - An entry's type badge.
 * @csspart item-tags - An entry's keywords.
 * @csspart pager - The pagination.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart dialog - The detail dialog.
 *
 * @cssprop --cc-directory-card-min-width - Smallest card width in the cards layout (default 260px).
 * @cssprop --cc-directory-card-background - Card background (default: the surface colour).
 * @cssprop --cc-directory-image-size - Image box size in the list layout (default 64px).
 * @cssprop --cc-directory-badge-background - Type badge background (default: the alternate surface).
 * @cssprop --cc-directory-chip-selected-background - Background of a selected chip (default: the accent).
 */
export class CcDirectory extends LitElement {
  static override styles = [baseStyles, uiStyles, directoryStyles];

  /** Platform origin or same-origin proxy the data is read from. */
  @property({ attribute: 'api-base' }) apiBase = DEFAULT_API_BASE;
  /** Origin of the "see on Communecter" links (a costum domain works). */
  @property({ attribute: 'link-base' }) linkBase = DEFAULT_LINK_BASE;
  /** Network scope: comma list of source keys. */
  @property({ attribute: 'source-key' }) sourceKey = '';
  /** Communecter city ids (comma list). */
  @property() city = '';
  /** Postal codes or prefixes (comma list). */
  @property({ attribute: 'postal-code' }) postalCode = '';
  /** INSEE commune codes (comma list). */
  @property() insee = '';
  /** Region (level3) or département (level4) zone ids (comma list). */
  @property() zone = '';
  /** ISO 3166-1 alpha-2 country codes (comma list). */
  @property() country = '';
  /** Keywords that scope the directory (comma list). */
  @property() tags = '';
  /** Whether entries need any (`any`) or all (`all`) of `tags`. */
  @property({ attribute: 'tags-mode' }) tagsMode: 'any' | 'all' = 'any';
  /** Comma list of NGO, LocalBusiness, Group, GovernmentOrganization, Cooperative, projects, poi; default: all organisations. */
  @property() types = '';
  /** Initial search text. */
  @property() query = '';
  /** Order of the entries. */
  @property() sort: DirectorySort = 'name';
  /** Entries per page (1–24). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;
  /** Cards in a grid, or a compact list. */
  @property() layout: 'cards' | 'list' = 'cards';
  /** Mirror the filters in the page URL: `query` (default) or `hash`; namespaced by the element id. */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;
  /** Hide the search field. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;
  /** Hide the facets. */
  @property({ type: Boolean, attribute: 'no-facets' }) noFacets = false;
  /** Heading level of the entries' names (2–6), to fit the host page outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;
  /** Largest result set searched in the browser; above it the server filters (property only). */
  @property({ attribute: false }) localLimit = LOCAL_LIMIT;

  @state() private text = '';
  @state() private selectedTypes: readonly string[] = [];
  @state() private selectedTags: readonly string[] = [];
  @state() private currentSort: DirectorySort = 'name';
  @state() private page = 1;
  @state() private serverText = '';
  @state() private serverMode = false;
  @state() private preview: ResultSet | null = null;
  /** What the status region says; updated once typing pauses, so screen readers are not flooded. */
  @state() private announced: { count: number; total: number | null; page?: { page: number; pages: number } } | null = null;
  @state() private failedImages: ReadonlySet<string> = new Set();

  private readonly localize = new LocaleController(this);
  private readonly loadingTimer = new SlowLoadingController(this, SLOW_AFTER_MS);
  private readonly urlSync = new UrlSyncController(this, {
    mode: () => this.syncUrl,
    namespace: () => this.id || 'cc-directory',
    restore: (state, initial) => this.restoreUrlState(state, initial),
  });
  private readonly detail = new DetailController<CommunecterElement>(this, () => this.linkBase);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private filtered: DirectoryEntry[] = [];
  private facets: { types: Map<string, number>; tags: FacetCount[] } = { types: new Map(), tags: [] };
  private filterKey = '';
  private filteredSet: ResultSet | null = null;

  private readonly results = new Task(this, {
    task: ([apiBase, scope, types, server], { signal }) => this.load(apiBase, JSON.parse(scope), JSON.parse(types), JSON.parse(server), signal),
    args: () => [this.apiBase, scopeKey(this.scope()), JSON.stringify(this.scopeTypes()), JSON.stringify(this.serverState())] as const,
    // Search text, chips, sort and page only matter to the server for sets too large to hold;
    // otherwise they filter the loaded set and must not trigger a request.
    argsEqual: (previous, next) =>
      previous[0] === next[0] && previous[1] === next[1] && previous[2] === next[2] && (!this.serverMode || previous[3] === next[3]),
    onComplete: (result) => {
      this.loadingTimer.stop();
      this.preview = null;
      this.announced = this.statusFor(result);
      emit(this, 'cc-load', { count: this.matchCount(result), total: result.total });
    },
    onError: (error) => {
      this.loadingTimer.stop();
      this.preview = null;
      if (!isAbortError(error)) {
        emit(this, 'cc-error', { error: error instanceof ApiError ? error : new ApiError('bad-shape', String(error)) });
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal that aborted the load: load again.
    if (this.hasUpdated && this.results.status === TaskStatus.ERROR && isAbortError(this.results.error)) void this.results.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.results.abort();
    clearTimeout(this.searchTimer);
    clearTimeout(this.announceTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Attributes set the starting point; the user's choices live in private state. On the first
    // update a state restored from the URL wins over the attributes.
    const first = !this.hasUpdated;
    if (changed.has('query') && !(first && this.urlSync.restored)) {
      this.text = this.query;
      this.serverText = this.query;
      this.page = 1;
    }
    if (changed.has('sort') && !(first && this.urlSync.restored)) this.currentSort = this.sort === 'recent' ? 'recent' : 'name';
    const scopeChanged = (['apiBase', 'sourceKey', 'city', 'postalCode', 'insee', 'zone', 'country', 'tags', 'tagsMode', 'types'] as const).some((name) =>
      changed.has(name),
    );
    if (scopeChanged && !first) {
      // A new scope may be small enough to hold again.
      this.serverMode = false;
      this.page = 1;
    }
    this.computeMatches();
  }

  // ---------------------------------------------------------------- data

  private scope() {
    return scopeFromAttributes(this);
  }

  private scopeTypes(): SearchType[] {
    const types = parseList(this.types).filter((type): type is SearchType => ALLOWED_TYPES.includes(type));
    return types.length > 0 ? types : [...DEFAULT_TYPES];
  }

  /** Type keys the facet offers: the sub-types of organisations, and the other collections asked. */
  private facetTypes(): string[] {
    const types = this.scopeTypes();
    const keys: string[] = [];
    for (const type of types) {
      if (type === 'organizations') keys.push(...ORGANIZATION_TYPES);
      else keys.push(type);
    }
    return [...new Set(keys)];
  }

  private clampedPageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) ? Math.min(MAX_PAGE_SIZE, Math.max(1, size)) : 12;
  }

  private serverState(): ServerState {
    return { text: this.serverText, types: this.selectedTypes, tags: this.selectedTags, page: this.page, sort: this.currentSort };
  }

  private async load(apiBase: string, scope: ReturnType<CcDirectory['scope']>, types: SearchType[], server: ServerState, signal: AbortSignal): Promise<ResultSet> {
    this.loadingTimer.start();
    const client = createClient({ baseUrl: apiBase });
    const facetTypes = this.facetTypes() as SearchType[];
    const base: SearchQuery = { ...scope, types, count: true, countTypes: facetTypes };
    if (this.serverMode) return this.loadServerPage(client, base, server, signal);

    const pageSize = this.clampedPageSize();
    const first = await searchElements(client, { ...base, indexMin: 0, indexStep: pageSize }, { signal });
    const received = first.items.length + first.dropped;
    if (first.total !== null ? first.total <= received : received < pageSize) {
      return { mode: 'local', index: buildIndex(first.items), total: first.items.length, counts: first.counts };
    }
    if (first.total !== null && first.total > this.localLimit) {
      // Too many to hold: from now on the server filters, sorts and pages.
      this.serverMode = true;
      return this.loadServerPage(client, base, server, signal);
    }
    // Show the first page at once while the whole set loads.
    this.preview = { mode: 'local', index: buildIndex(first.items), total: first.total, counts: first.counts };
    const all = await searchElements(client, { ...base, indexMin: 0, indexStep: Math.min(this.localLimit, (first.total ?? this.localLimit) + pageSize) }, { signal });
    if (first.total === null && all.items.length + all.dropped >= this.localLimit) {
      this.serverMode = true;
      return this.loadServerPage(client, base, server, signal);
    }
    return { mode: 'local', index: buildIndex(all.items), total: all.items.length, counts: all.counts };
  }

  private async loadServerPage(client: ReturnType<typeof createClient>, base: SearchQuery, server: ServerState, signal: AbortSignal): Promise<ResultSet> {
    const pageSize = this.clampedPageSize();
    const selected = server.types.filter((type): type is SearchType => ALLOWED_TYPES.includes(type));
    const page = await searchElements(
      client,
      {
        ...base,
        types: selected.length > 0 ? selected : base.types,
        text: server.text || undefined,
        tags: [...(base.tags ?? []), ...server.tags],
        tagsMode: server.tags.length > 0 ? 'all' : base.tagsMode,
        indexMin: (server.page - 1) * pageSize,
        indexStep: pageSize,
        sortBy: server.sort === 'name' ? { name: 1 } : { updated: -1 },
      },
      { signal },
    );
    return { mode: 'server', index: buildIndex(page.items), total: page.total, counts: page.counts };
  }

  private currentSet(): ResultSet | null {
    if (this.results.status === TaskStatus.COMPLETE) return this.results.value ?? null;
    return this.preview ?? (this.results.status === TaskStatus.PENDING ? (this.results.value ?? null) : null);
  }

  private filter(): DirectoryFilter {
    return { text: this.text, types: new Set(this.selectedTypes), tags: this.selectedTags };
  }

  /** Recomputes the visible matches and facet counts when their inputs changed. */
  private computeMatches(): void {
    const set = this.currentSet();
    if (!set) {
      this.filtered = [];
      this.facets = { types: new Map(), tags: [] };
      this.filterKey = '';
      this.filteredSet = null;
      return;
    }
    const key = JSON.stringify([this.text, this.selectedTypes, this.selectedTags, this.currentSort]);
    if (key === this.filterKey && this.filteredSet === set) return;
    this.filterKey = key;
    this.filteredSet = set;
    if (set.mode === 'server') {
      // The server already applied text, types, keywords and page: show its page, count its tags.
      const outcome = searchEntries(sortedEntries(set.index, this.currentSort), { text: '', types: new Set(), tags: [] }, MAX_TAG_CHIPS, set.index);
      this.filtered = outcome.matches;
      this.facets = {
        types: new Map(this.facetTypes().map((type) => [type, set.counts[type as keyof Counts] ?? 0])),
        tags: outcome.tags.filter((tag) => !this.selectedTags.includes(tag.key)),
      };
      return;
    }
    const outcome = searchEntries(sortedEntries(set.index, this.currentSort), this.filter(), MAX_TAG_CHIPS, set.index);
    this.filtered = outcome.matches;
    this.facets = { types: outcome.types, tags: outcome.tags };
  }

  /** How many entries of `set` match the current filters (the cached result when it is current). */
  private matchCount(set: ResultSet): number {
    if (set.mode === 'server') return set.total ?? set.index.entries.length;
    const key = JSON.stringify([this.text, this.selectedTypes, this.selectedTags, this.currentSort]);
    if (set === this.filteredSet && key === this.filterKey) return this.filtered.length;
    return searchEntries(set.index.entries, this.filter(), 0).matches.length;
  }

  private pageCount(set: ResultSet): number {
    const count = set.mode === 'server' ? (set.total ?? set.index.entries.length) : this.filtered.length;
    return Math.max(1, Math.ceil(count / this.clampedPageSize()));
  }

  // ---------------------------------------------------------------- timers

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    // The count is announced once typing pauses, not at every keystroke.
    this.announceTimer = setTimeout(() => {
      const set = this.currentSet();
      if (set) this.announced = this.statusFor(set);
    }, ANNOUNCE_DELAY_MS);
  }

  // ---------------------------------------------------------------- URL

  /** A state from the URL: on connection it wins over the attributes; on back/forward it replaces the user's choices. */
  private restoreUrlState(state: Readonly<Record<string, string>>, initial: boolean): void {
    if (!initial || state.q !== undefined) {
      this.text = state.q ?? '';
      this.serverText = this.text;
    }
    this.selectedTypes = parseList(state.types).filter((type) => ALLOWED_TYPES.includes(type));
    this.selectedTags = parseList(state.tags).map(foldForSearch);
    this.currentSort = state.sort === 'name' || state.sort === 'recent' ? state.sort : this.sort === 'recent' ? 'recent' : 'name';
    const page = Number(state.page);
    this.page = Number.isInteger(page) && page > 0 ? page : 1;
  }

  private writeUrl(push: boolean): void {
    this.urlSync.write(
      {
        q: this.text,
        types: this.selectedTypes.join(','),
        tags: this.selectedTags.join(','),
        sort: this.currentSort === this.sort ? '' : this.currentSort,
        page: this.page > 1 ? String(this.page) : '',
      },
      push,
    );
  }

  // ---------------------------------------------------------------- handlers

  private filterChanged(push: boolean): void {
    this.page = 1;
    this.writeUrl(push);
    this.scheduleAnnouncement();
    emit(this, 'cc-filter-change', {
      query: this.text,
      types: [...this.selectedTypes],
      tags: this.selectedTags.map((key) => this.tagLabel(key)),
    });
  }

  private handleSearchInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.page = 1;
    this.writeUrl(false);
    this.scheduleAnnouncement();
    clearTimeout(this.searchTimer);
    // Local filtering is immediate; the server (large sets only) and listeners hear of it once
    // typing pauses.
    this.searchTimer = setTimeout(() => {
      this.serverText = this.text.trim();
      emit(this, 'cc-filter-change', {
        query: this.text,
        types: [...this.selectedTypes],
        tags: this.selectedTags.map((key) => this.tagLabel(key)),
      });
    }, SEARCH_DEBOUNCE_MS);
  }

  private handleSearchSubmit(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.serverText = this.text.trim();
    this.filterChanged(true);
  }

  private toggleType(type: string): void {
    this.selectedTypes = this.selectedTypes.includes(type) ? this.selectedTypes.filter((t) => t !== type) : [...this.selectedTypes, type];
    this.filterChanged(true);
  }

  private toggleTag(key: string): void {
    this.selectedTags = this.selectedTags.includes(key) ? this.selectedTags.filter((t) => t !== key) : [...this.selectedTags, key];
    this.filterChanged(true);
  }

  private clearText(): void {
    this.text = '';
    this.serverText = '';
    this.filterChanged(true);
  }

  private clearAll(): void {
    this.text = '';
    this.serverText = '';
    this.selectedTypes = [];
    this.selectedTags = [];
    this.filterChanged(true);
    (this.renderRoot.querySelector('input[type=search]') as HTMLInputElement | null)?.focus();
  }

  private handleSortChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.currentSort = value === 'recent' ? 'recent' : 'name';
    this.page = 1;
    this.writeUrl(true);
  }

  private goToPage(page: number, pages: number): void {
    const next = Math.min(pages, Math.max(1, page));
    if (next === this.page) return;
    this.page = next;
    this.writeUrl(true);
    const set = this.currentSet();
    if (set) this.announced = { ...this.statusFor(set), page: { page: next, pages } };
    // Focus stays on the pager button the user pressed (it is never disabled, only aria-disabled).
    this.renderRoot.querySelector('[part~="list"]')?.scrollIntoView?.({ block: 'nearest' });
  }

  private handleItemActivate(event: Event, item: CommunecterElement): void {
    const mouse = event as MouseEvent;
    // New tab, new window, download: the browser's business, not a selection.
    if (mouse.button > 0 || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.altKey) return;
    event.preventDefault();
    const url = elementPageUrl(this.linkBase, item);
    const allowed = emit(this, 'cc-select', { item, kind: item.kind, url }, { cancelable: true });
    if (!allowed) return;
    this.detail.open(item, event.currentTarget as HTMLElement);
  }

  private handleItemKeydown(event: KeyboardEvent, item: CommunecterElement): void {
    // Links answer Enter natively; Space selects too, as on a button.
    if (event.key === ' ') this.handleItemActivate(event, item);
  }

  private handleImageError(id: string): void {
    this.failedImages = new Set([...this.failedImages, id]);
  }

  private retry(): void {
    void this.results.run();
  }

  // ---------------------------------------------------------------- labels

  private tagLabel(key: string): string {
    return this.currentSet()?.index.tagLabels.get(key) ?? key;
  }

  private typeLabel(type: string, plural = false): string {
    const t = this.localize.t;
    if ((ORGANIZATION_TYPES as readonly string[]).includes(type)) {
      return plural ? t.organizationTypesPlural[type as keyof typeof t.organizationTypes] : t.organizationTypes[type as keyof typeof t.organizationTypes];
    }
    if ((COLLECTIONS as readonly string[]).includes(type)) {
      return plural ? t.collectionsPlural[type as keyof typeof t.collections] : t.collections[type as keyof typeof t.collections];
    }
    return type;
  }

  private itemTypeLabel(item: CommunecterElement): string {
    if (item.kind === 'organization') return item.organizationType ? this.typeLabel(item.organizationType) : this.typeLabel('organizations');
    return this.typeLabel(item.collection);
  }

  /** The numbers the status line reports for a set under the current filters. */
  private statusFor(set: ResultSet): { count: number; total: number | null } {
    if (set.mode === 'server') return { count: set.total ?? set.index.entries.length, total: null };
    const count = this.matchCount(set);
    return { count, total: count === set.index.entries.length ? null : set.index.entries.length };
  }

  private statusText(status: { count: number; total: number | null; page?: { page: number; pages: number } }): string {
    const d = this.localize.t.directory;
    const text = d.results(status.count, status.total);
    return status.page ? `${text} — ${d.pageOf(status.page.page, status.page.pages)}` : text;
  }

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.results.status;
    const set = this.currentSet();
    const loading = status === TaskStatus.PENDING || status === TaskStatus.INITIAL || (status === TaskStatus.ERROR && isAbortError(this.results.error));
    const failed = status === TaskStatus.ERROR && !isAbortError(this.results.error);
    return html`
      <section part="base" class="base layout-${this.layout === 'list' ? 'list' : 'cards'}" aria-label=${t.directory.label}>
        ${this.noSearch && this.noFacets ? nothing : this.renderControls(set)}
        ${failed ? renderErrorState(this.localize.t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#search`, () => this.retry()) : nothing}
        <div class="results" aria-busy=${loading ? 'true' : 'false'}>
          <p part="status" class="status" role="status">${this.renderStatus(set, loading, failed)}</p>
          ${set ? this.renderResults(set) : loading ? this.renderSkeleton() : nothing}
        </div>
        ${this.detail.item ? this.renderDetail(this.detail.item) : nothing}
      </section>
    `;
  }

  private renderStatus(set: ResultSet | null, loading: boolean, failed: boolean): string {
    const t = this.localize.t;
    if (failed) return '';
    if (!set) return loading ? (this.loadingTimer.slow ? t.loadingSlow : t.loading) : '';
    if (this.preview === set) return `${this.statusText(this.statusFor(set))} — ${t.directory.loadingAll}`;
    if (loading) return this.loadingTimer.slow ? t.loadingSlow : t.loading;
    return this.statusText(this.announced ?? this.statusFor(set));
  }

  private renderControls(set: ResultSet | null): TemplateResult {
    const t = this.localize.t.directory;
    return html`
      <div class="controls">
        ${this.noSearch
          ? nothing
          : html`<form part="search" class="search" role="search" @submit=${this.handleSearchSubmit}>
              <label for="search">${t.searchLabel}</label>
              <input
                id="search"
                part="search-input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder=${t.searchPlaceholder}
                .value=${this.text}
                @input=${this.handleSearchInput}
              />
            </form>`}
        ${this.noFacets || !set ? nothing : this.renderFacets(set)}
        ${this.renderActiveFilters()}
        <div class="sort">
          <label for="sort">${t.sortLabel}</label>
          <select id="sort" .value=${this.currentSort} @change=${this.handleSortChange}>
            <option value="name" ?selected=${this.currentSort === 'name'}>${t.sortName}</option>
            <option value="recent" ?selected=${this.currentSort === 'recent'}>${t.sortRecent}</option>
          </select>
        </div>
      </div>
    `;
  }

  private renderFacets(set: ResultSet): TemplateResult {
    const t = this.localize.t.directory;
    const types = this.facetTypes().filter((type) => (this.facets.types.get(type) ?? 0) > 0 || this.selectedTypes.includes(type));
    const selectedTags = this.selectedTags.map((key) => ({ key, label: this.tagLabel(key), count: this.filtered.length }));
    const tags = [...selectedTags, ...this.facets.tags];
    return html`
      <div part="facets" class="facets" role="group" aria-label=${t.filtersLabel}>
        ${types.length > 1 || this.selectedTypes.length > 0
          ? html`<fieldset class="facet">
              <legend>${t.typeFacet}</legend>
              <ul class="chips">
                ${types.map((type) => this.renderChip(type, this.typeLabel(type, true), this.facets.types.get(type) ?? 0, this.selectedTypes.includes(type), () => this.toggleType(type)))}
              </ul>
            </fieldset>`
          : nothing}
        ${tags.length > 0 && set.index.entries.length > 0
          ? html`<fieldset class="facet">
              <legend>${t.tagFacet}</legend>
              <ul class="chips">
                ${tags.map((tag) => this.renderChip(tag.key, tag.label, tag.count, this.selectedTags.includes(tag.key), () => this.toggleTag(tag.key)))}
              </ul>
            </fieldset>`
          : nothing}
      </div>
    `;
  }

  private renderChip(key: string, label: string, count: number, pressed: boolean, onToggle: () => void): TemplateResult {
    return renderChip({ key, label, count, pressed, name: this.localize.t.directory.chipLabel(label, count), onToggle });
  }

  private renderActiveFilters(): TemplateResult | typeof nothing {
    const d = this.localize.t.directory;
    const text = this.text.trim();
    return renderActiveFilters(
      this.localize.t,
      [
        ...(text ? [{ label: d.textFilter(text), onRemove: () => this.clearText() }] : []),
        ...this.selectedTypes.map((type) => ({ label: this.typeLabel(type, true), onRemove: () => this.toggleType(type) })),
        ...this.selectedTags.map((key) => ({ label: `#${this.tagLabel(key)}`, onRemove: () => this.toggleTag(key) })),
      ],
      () => this.clearAll(),
    );
  }

  private renderResults(set: ResultSet): TemplateResult {
    const t = this.localize.t.directory;
    const pages = this.pageCount(set);
    const page = Math.min(this.page, pages);
    const size = this.clampedPageSize();
    const visible = set.mode === 'server' ? this.filtered : this.filtered.slice((page - 1) * size, page * size);
    if (visible.length === 0) {
      const filtered = this.text.trim() !== '' || this.selectedTypes.length > 0 || this.selectedTags.length > 0;
      return html`<div part="empty" class="empty">
        <p>${filtered ? t.empty : t.emptyScope}</p>
        ${filtered ? html`<button type="button" class="button" @click=${this.clearAll}>${t.clearAll}</button>` : nothing}
      </div>`;
    }
    return html`
      <ul part="list" class="list">
        ${repeat(visible, (entry) => `${entry.item.collection}:${entry.item.id}`, (entry) => this.renderItem(entry.item))}
      </ul>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.goToPage(next, pages)) : nothing}
    `;
  }

  private renderItem(item: CommunecterElement): TemplateResult {
    const t = this.localize.t;
    const d = t.directory;
    const url = elementPageUrl(this.linkBase, item);
    const image = this.layout === 'list' ? item.images.thumb : item.images.medium;
    const excerpt = item.shortDescription ?? (item.description ? plainExcerpt(item.description.source) : '');
    const locality = item.address?.locality ?? null;
    const tags = item.tags.length > 0 ? item.tags.slice(0, 4).map((tag) => `#${tag}`).join(' ') + (item.tags.length > 4 ? ` ${d.moreTags(item.tags.length - 4)}` : '') : '';
    const mailto = item.email ? toMailtoHref(item.email) : null;
    const contacts = [
      item.website ? { href: item.website, text: displayHost(item.website) } : null,
      mailto ? { href: mailto, text: item.email! } : null,
      item.phones[0]?.href ? { href: item.phones[0].href, text: item.phones[0].number } : null,
    ].filter((contact): contact is { href: string; text: string } => contact !== null);
    const level = Math.min(6, Math.max(2, Math.floor(Number(this.headingLevel)) || 3));
    // Written on few lines, with hidden elements instead of conditional templates, on purpose:
    // every whitespace run, binding marker and nested template adds DOM nodes, and the element
    // promises to stay under 1,400 of them. `dir="auto"` isolates platform text like <bdi> does.
    return html`<li part="item" class="item"><div part="item-image" class="media">${image && !this.failedImages.has(item.id)
      ? html`<img src=${image} alt=${d.logoOf(item.name)} loading="lazy" decoding="async" width="64" height="64" @error=${() => this.handleImageError(item.id)}>`
      : html`<span class="placeholder" aria-hidden="true">${[...item.name][0]?.toUpperCase() ?? '?'}</span>`}</div><div class="body"><div part="item-title" class="title" role="heading" aria-level=${level}><a href=${url} dir="auto" @click=${(event: Event) => this.handleItemActivate(event, item)} @keydown=${(event: KeyboardEvent) => this.handleItemKeydown(event, item)}>${item.name}</a></div><p class="meta"><span part="item-badge" class="badge">${this.itemTypeLabel(item)}</span> <span class="locality" dir="auto">${locality ?? ''}</span></p><p class="excerpt" dir="auto" ?hidden=${!excerpt}>${excerpt ? truncateGraphemes(excerpt, 160) : ''}</p><p part="item-tags" class="tags" dir="auto" ?hidden=${!tags}>${tags}</p><p class="contacts" ?hidden=${contacts.length === 0}>${this.renderContact(contacts[0])}${this.renderContact(contacts[1])}${this.renderContact(contacts[2])}</p></div></li>`;
  }

  private renderContact(contact: { href: string; text: string } | undefined): TemplateResult | typeof nothing {
    return contact ? html`<a href=${contact.href} rel="noopener noreferrer nofollow ugc" dir="auto">${contact.text}</a>` : nothing;
  }

  private renderSkeleton(): TemplateResult {
    return html`<ul class="list skeleton" aria-hidden="true">
      ${[0, 1, 2].map(() => html`<li class="item"><div class="media"></div><div class="body"><div class="bar"></div><div class="bar short"></div></div></li>`)}
    </ul>`;
  }

  private renderDetail(item: CommunecterElement): TemplateResult {
    const t = this.localize.t;
    const d = t.directory;
    const url = elementPageUrl(this.linkBase, item);
    const address = item.address;
    const addressLines = address ? [address.street, [address.postalCode, address.locality].filter(Boolean).join(' ')].filter((line) => line) : [];
    const mailto = item.email ? toMailtoHref(item.email) : null;
    const image = item.images.medium;
    return renderDetailDialog(this.detail, {
      title: item.name,
      closeLabel: t.close,
      loadingLabel: d.descriptionLoading,
      errorLabel: d.descriptionError,
      head: html`<p class="meta"><span class="badge">${this.itemTypeLabel(item)}</span>${item.kind === 'organization' && item.memberCount ? html` ${d.members(item.memberCount)}` : nothing}</p>
        ${image && !this.failedImages.has(item.id) ? html`<img class="detail-image" src=${image} alt=${d.logoOf(item.name)} width="160" height="160" @error=${() => this.handleImageError(item.id)} />` : nothing}
        ${item.shortDescription ? html`<p class="lead"><bdi>${item.shortDescription}</bdi></p>` : nothing}`,
      body: html`${addressLines.length > 0 ? html`<h3>${d.address}</h3><address>${addressLines.map((line, i) => html`${i > 0 ? html`<br />` : nothing}<bdi>${line}</bdi>`)}</address>` : nothing}
        ${item.website || mailto || item.phones.length > 0
          ? html`<h3>${d.contacts}</h3>
              <ul class="plain">
                ${item.website ? html`<li>${d.website} : <a href=${item.website} rel="noopener noreferrer nofollow ugc" target="_blank">${displayHost(item.website)}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a></li>` : nothing}
                ${mailto ? html`<li>${d.email} : <a href=${mailto}><bdi>${item.email}</bdi></a></li>` : nothing}
                ${item.phones.map((phone) => html`<li>${t.phoneKinds[phone.kind]} : ${phone.href ? html`<a href=${phone.href}>${phone.number}</a>` : phone.number}</li>`)}
              </ul>`
          : nothing}
        ${item.social.length > 0
          ? html`<h3>${d.social}</h3>
              <ul class="plain">
                ${item.social.map((link) => html`<li><a href=${link.url} rel="noopener noreferrer nofollow ugc" target="_blank">${link.network}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a></li>`)}
              </ul>`
          : nothing}
        ${item.tags.length > 0 ? html`<h3>${d.tags}</h3><ul class="tags">${item.tags.map((tag) => html`<li><bdi>#${tag}</bdi></li>`)}</ul>` : nothing}`,
      footer: html`<p class="dialog-footer">
          <a class="button" href=${url} target="_blank" rel="noopener">${t.seeOnCommunecterNamed(item.name)}<span class="visually-hidden"> ${t.opensInNewWindow}</span></a>
        </p>
        <p class="muted source">${t.sourceAttribution}</p>`,
    });
  }
}
