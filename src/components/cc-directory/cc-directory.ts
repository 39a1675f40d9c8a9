import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { deepEquals as deepEqual } from '@lit/task/deep-equals.js';
import {
  ORGANIZATION_TYPES,
  checkBaseUrl,
  checkScope,
  clientFor,
  elementPageUrl,
  loadScope,
  normalizeLinkBase,
  parseList,
  type CommunecterElement,
  type ConfigProblem,
  type Counts,
  type Scope,
  type ScopeSet,
  type ServerFilters,
  type SearchQuery,
  type SearchType,
} from '../../api/index.js';
import { facetCount, facetLabel, topValues, type FacetValue } from '../../shared/facets.js';
import { COMMON_PROPERTIES, SCOPE_KEYS, initCommonAttributes, type CommonAttributes } from '../../shared/common-attributes.js';
import { FilterController } from '../../shared/filter-controller.js';
import { sameKey } from '../../shared/memo.js';
import { elementTypeLabel, itemTypeLabel } from '../../shared/i18n/labels.js';
import { LocaleController } from '../../shared/i18n/locale-controller.js';
import { ResultsController, type LoadContext } from '../../shared/results-controller.js';
import { SelectionController } from '../../shared/selection-controller.js';
import { baseStyles } from '../../shared/styles.js';
import { headingLevel, renderEmpty, renderFilterPanel, renderSkipLink, renderSkipTarget } from '../../shared/templates.js';
import { focusResults, renderErrorState, renderPager, renderStaleNotice } from '../../shared/ui.js';
import { uiStyles } from '../../shared/ui.styles.js';
import { directoryStyles } from './cc-directory.styles.js';
import { renderEntry, renderEntryDetail, renderSkeleton, type EntryContext } from './directory-views.js';
import { DEFAULT_TYPES, MAX_PAGE_SIZE, SORTS, buildIndex, directoryProblems, isAllowedType, searchDirectory, type DirectoryIndex, type DirectorySearch, type DirectorySort } from './directory-model.js';

/**
 * Up to this many results the whole set is loaded once and searched in the browser; above it, text,
 * facets, sort and pages go to the server (see `loadScope`).
 */
export const LOCAL_LIMIT = 10_000;
const MAX_TAG_CHIPS = 12;
const ANNOUNCE_DELAY_MS = 600;

interface ResultSet {
  readonly mode: ScopeSet['mode'];
  readonly index: DirectoryIndex;
  readonly total: number | null;
  readonly counts: Counts;
}

type Args = readonly [apiBase: string, scope: Scope, types: SearchType[], server: ServerFilters];
type Status = { count: number; total: number | null; page?: { page: number; pages: number } };

/**
 * A searchable directory of the local actors of a commune, a network or a territory, read from
 * Communecter: search as you type, type and keyword facets with counts, sort, pages, and an
 * accessible detail dialog.
 *
 * @summary Directory of Communecter organisations, projects and places.
 *
 * @fires cc-load - Results were loaded and shown: `{count, total}`.
 * @fires cc-error - Loading failed, or the configuration is invalid (nothing is then requested): `{error}` (an `ApiError` with a `kind`).
 * @fires cc-select - The user picked an entry (click, Enter or Space on its name): `{item, kind, url}`. Cancelable: `preventDefault()` keeps the detail dialog closed so the host can handle it.
 * @fires cc-filter-change - The user changed the search (once typing pauses), a chip, or cleared the filters: `{query, types, tags}`.
 *
 * @slot - Fallback content (e.g. a link to the directory on Communecter), shown before the element upgrades and in the error state.
 *
 * @csspart base - The outer wrapper.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart filters-toggle - The button that unfolds the filters on narrow containers ("Filtres (2)").
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
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class CcDirectory extends LitElement {
  static override properties = COMMON_PROPERTIES;
  static override styles = [baseStyles, uiStyles, directoryStyles];

  /** Comma list of NGO, LocalBusiness, Group, GovernmentOrganization, Cooperative, projects, poi; default: all organisations. */
  @property() types = '';
  /** Initial search text. */
  @property() query = '';
  /** Order of the entries: `name`, or `recent` (last updated first). */
  @property() sort: DirectorySort = 'name';
  /** Entries per page (1–24: the element stays under 1,400 DOM nodes). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 12;
  /** `cards` (a grid) or `list` (compact rows). */
  @property() layout: 'cards' | 'list' = 'cards';
  /** Hide the search field. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;
  /** Hide the facets. */
  @property({ type: Boolean, attribute: 'no-facets' }) noFacets = false;
  /** Largest result set searched in the browser; above it the server filters (property only). */
  @property({ attribute: false }) localLimit = LOCAL_LIMIT;

  /** What the status region says; updated once typing pauses, so screen readers are not flooded. */
  @state() private announced: Status | null = null;
  @state() private failedImages: ReadonlySet<string> = new Set();

  /** The scope proved too large to hold: text, facets, sort and page go to the server. */
  private serverMode = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private searched: DirectorySearch | null = null;
  private searchedKey: readonly unknown[] = [];

  private readonly localize = new LocaleController(this);
  private readonly filters = new FilterController(this, {
    syncUrl: () => this.syncUrl,
    namespace: () => this.id || 'cc-directory',
    validType: isAllowedType,
    sorts: SORTS,
    defaultSort: () => this.sort,
    tagLabel: (key) => this.tagLabel(key),
    onChange: (change) => (change === 'page' ? undefined : this.scheduleAnnouncement()),
  });
  private readonly results = new ResultsController<Args, ResultSet>(this, {
    client: () => clientFor(this.apiBase),
    problems: () => this.problems(),
    args: () => [this.apiBase, checkScope(this).scope, this.scopeTypes(), this.serverFilters()],
    // Text, chips, sort and page only matter to the server for sets too large to hold; otherwise
    // they filter the loaded set and must not send a request.
    argsEqual: (a, b) => a[0] === b[0] && deepEqual([a[1], a[2]], [b[1], b[2]]) && (!this.serverMode || deepEqual(a[3], b[3])),
    load: (args, context) => this.load(args[2], args[1], context),
    isEmpty: (set) => set.index.facets.items.length === 0 && set.mode === 'local' && !this.filters.active,
    counts: (set) => ({ count: this.matchCount(set), total: set.total }),
    onLoaded: (set) => (this.announced = this.statusFor(set)),
  });
  private readonly selection = new SelectionController<CommunecterElement, CommunecterElement>(this, {
    itemOf: (item) => item,
    kindOf: (item) => item.kind,
    urlOf: (item) => elementPageUrl(this.linkBase, item),
    linkBase: () => this.linkBase,
  });

  constructor() {
    super();
    initCommonAttributes(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // The first render waits for the page's language table (English is loaded on demand).
    const wait = this.localize.beforeFirstUpdate();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const first = !this.hasUpdated;
    this.filters.fromAttributes({ query: changed.has('query') ? this.query : undefined, sort: changed.has('sort') ? this.sort : undefined }, first);
    const scopeChanged = [...SCOPE_KEYS, 'types'].some((name) => changed.has(name as keyof CcDirectory));
    if (scopeChanged && !first) {
      // A new scope may be small enough to hold again.
      this.serverMode = false;
      this.filters.page = 1;
    }
  }

  // ---------------------------------------------------------------- data

  private problems(): ConfigProblem[] {
    return [...checkBaseUrl('api-base', this.apiBase), ...checkBaseUrl('link-base', this.linkBase), ...checkScope(this).problems, ...directoryProblems(this, this.pageSizeValue(), this.localize.locale)];
  }

  private scopeTypes(): SearchType[] {
    const types = parseList(this.types).filter(isAllowedType);
    return types.length > 0 ? types : [...DEFAULT_TYPES];
  }

  /** Type keys the facet offers: the sub-types of organisations, and the other collections asked. */
  private facetTypes(): SearchType[] {
    return [...new Set(this.scopeTypes().flatMap((type): SearchType[] => (type === 'organizations' ? [...ORGANIZATION_TYPES] : [type])))];
  }

  private pageSizeValue(): number {
    return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(Number(this.pageSize)) || 12));
  }

  private serverFilters(): ServerFilters {
    const f = this.filters;
    return { text: f.committedText, types: f.types.filter(isAllowedType), tags: f.tags, page: f.page, sortBy: f.sort === 'name' ? { name: 1 } : { updated: -1 } };
  }

  private async load(types: SearchType[], scope: Scope, context: LoadContext<ResultSet>): Promise<ResultSet> {
    const base: SearchQuery = { ...scope, types, count: true, countTypes: this.facetTypes() };
    const toSet = (set: ScopeSet): ResultSet => ({ mode: set.mode, index: buildIndex(set.items), total: set.total, counts: set.counts });
    const set = await loadScope(context.client, base, {
      signal: context.signal,
      pageSize: this.pageSizeValue(),
      localLimit: this.localLimit,
      serverMode: this.serverMode,
      server: this.serverFilters(),
      onPreview: (preview) => context.preview(toSet(preview)),
    });
    if (set.mode === 'server') this.serverMode = true;
    return toSet(set);
  }

  /** The visible matches and facet counts, recomputed only when the set or the filters changed. */
  private search(set: ResultSet): DirectorySearch {
    const f = this.filters;
    const server = set.mode === 'server';
    // The server already applied text, types, keywords and page: show its page, count its keywords.
    const filter = server ? { text: '', types: [], tags: [] } : { text: f.text, types: f.types, tags: f.tags };
    const key = [set, filter.text, filter.types, filter.tags, f.sort];
    if (!this.searched || !sameKey(key, this.searchedKey)) {
      this.searched = searchDirectory(set.index, filter, f.sort as DirectorySort);
      this.searchedKey = key;
    }
    return this.searched;
  }

  private matchCount(set: ResultSet): number {
    return set.mode === 'server' ? (set.total ?? set.index.facets.items.length) : this.search(set).matches.length;
  }

  private pageCount(set: ResultSet): number {
    return Math.max(1, Math.ceil(this.matchCount(set) / this.pageSizeValue()));
  }

  private typeCount(set: ResultSet, type: string): number {
    return set.mode === 'server' ? (set.counts[type as keyof Counts] ?? 0) : facetCount(set.index.facets, this.search(set).result, 'types', type);
  }

  private tagChips(set: ResultSet): FacetValue[] {
    const selected = this.filters.tags.map((key) => ({ key, label: this.tagLabel(key), count: this.matchCount(set) }));
    return [...selected, ...topValues(set.index.facets, this.search(set).result, 'tags', MAX_TAG_CHIPS, this.filters.tags)];
  }

  // ---------------------------------------------------------------- status

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    // The count is announced once typing pauses, not at every keystroke.
    this.announceTimer = setTimeout(() => {
      const set = this.results.value;
      if (set) this.announced = this.statusFor(set);
    }, ANNOUNCE_DELAY_MS);
  }

  /** The numbers the status line reports for a set under the current filters. */
  private statusFor(set: ResultSet): Status {
    if (set.mode === 'server') return { count: this.matchCount(set), total: null };
    const count = this.matchCount(set);
    const all = set.index.facets.items.length;
    return { count, total: count === all ? null : all };
  }

  private statusText(status: Status): string {
    const text = this.localize.t.directory.results(status.count, status.total);
    return status.page ? `${text} — ${this.localize.t.common.pageOf(status.page.page, status.page.pages)}` : text;
  }

  private goToPage(page: number, pages: number): void {
    const next = Math.min(pages, Math.max(1, page));
    if (next === this.filters.page) return;
    this.filters.setPage(next);
    const set = this.results.value;
    if (set) this.announced = { ...this.statusFor(set), page: { page: next, pages } };
    void this.updateComplete.then(() => focusResults(this.renderRoot));
  }

  private handleImageError(id: string): void {
    this.failedImages = new Set([...this.failedImages, id]);
  }

  // ---------------------------------------------------------------- labels

  private tagLabel(key: string): string {
    return this.results.value ? facetLabel(this.results.value.index.facets, 'tags', key) : key;
  }

  // ---------------------------------------------------------------- render

  override render(): TemplateResult {
    const t = this.localize.t;
    const phase = this.results.phase;
    const set = this.results.value;
    const failed = phase === 'failed' || phase === 'config';
    return html`
      <section part="base" class="base layout-${this.layout === 'list' ? 'list' : 'cards'}" aria-label=${t.directory.label}>
        ${renderSkipLink(t.directory.skip, this)}
        ${(this.noSearch && this.noFacets) || failed ? nothing : this.renderControls(set)}
        ${failed ? renderErrorState(t, this.results.error, `${normalizeLinkBase(this.linkBase)}/#search`, () => this.results.retry()) : nothing}
        ${renderStaleNotice(t, this.results.stale, () => this.results.retry())}
        <div class="results" aria-busy=${phase === 'loading' ? 'true' : 'false'}>
          <p part="status" class="status" role="status">${this.renderStatus(set, phase === 'loading', failed)}</p>
          ${set && !failed ? this.renderResults(set) : phase === 'loading' ? renderSkeleton() : nothing}
        </div>
        ${this.selection.open ? this.renderDetail(this.selection.open) : nothing}
        ${renderSkipTarget()}
      </section>
    `;
  }

  private renderStatus(set: ResultSet | null, loading: boolean, failed: boolean): string {
    const c = this.localize.t.common;
    if (failed) return '';
    if (!set || (loading && !this.results.isPreview)) return loading ? (this.results.slow ? c.loadingSlow : c.loading) : '';
    if (this.results.isPreview) return `${this.statusText(this.statusFor(set))} — ${this.localize.t.directory.loadingAll}`;
    return this.statusText(this.announced ?? this.statusFor(set));
  }

  private renderControls(set: ResultSet | null): TemplateResult {
    const t = this.localize.t;
    const d = t.directory;
    const f = this.filters;
    const types = set ? this.facetTypes().filter((type) => this.typeCount(set, type) > 0 || f.types.includes(type)) : [];
    return renderFilterPanel({
      t,
      filters: f,
      search: this.noSearch ? null : { label: d.searchLabel, placeholder: d.searchPlaceholder },
      facets: this.noFacets || !set
        ? []
        : [
            { facet: 'types', legend: d.typeFacet, values: types.length > 1 || f.types.length > 0 ? types.map((type) => ({ key: type, label: elementTypeLabel(this.localize.t, type, true), count: this.typeCount(set, type) })) : [] },
            { facet: 'tags', legend: d.tagFacet, values: set.index.facets.items.length > 0 ? this.tagChips(set) : [] },
          ],
      typeLabel: (type) => elementTypeLabel(this.localize.t, type, true),
      after: html`<div class="sort">
        <label for="sort">${d.sortLabel}</label>
        <select id="sort" .value=${f.sort} @change=${(event: Event) => f.setSort((event.target as HTMLSelectElement).value)}>
          ${SORTS.map((sort) => html`<option value=${sort} ?selected=${f.sort === sort}>${sort === 'name' ? d.sortName : d.sortRecent}</option>`)}
        </select>
      </div>`,
    });
  }

  private renderResults(set: ResultSet): TemplateResult {
    const pages = this.pageCount(set);
    const page = Math.min(this.filters.page, pages);
    const size = this.pageSizeValue();
    const matches = this.search(set).matches;
    const visible = set.mode === 'server' ? matches.slice(0, size) : matches.slice((page - 1) * size, page * size);
    if (visible.length === 0) return renderEmpty(this.localize.t, this.filters.active, this.localize.t.directory, () => this.filters.clearAll());
    return html`
      <ul part="list" class="list">
        ${repeat(visible, (item) => `${item.collection}:${item.id}`, (item) => this.renderItem(item))}
      </ul>
      ${pages > 1 ? renderPager(this.localize.t, page, pages, (next) => this.goToPage(next, pages)) : nothing}
    `;
  }

  private renderItem(item: CommunecterElement): TemplateResult {
    return renderEntry(this.entryContext(), item);
  }

  private renderDetail(item: CommunecterElement): TemplateResult {
    return renderEntryDetail(this.entryContext(), this.selection.detail, item);
  }

  private entryContext(): EntryContext {
    return {
      t: this.localize.t,
      linkBase: this.linkBase,
      layout: this.layout === 'list' ? 'list' : 'cards',
      headingLevel: headingLevel(this.headingLevel),
      failedImages: this.failedImages,
      typeLabel: (item) => itemTypeLabel(this.localize.t, item),
      onImageError: (id) => this.handleImageError(id),
      select: (event, item) => this.selection.activate(event, item),
      keydown: (event, item) => this.selection.keydown(event, item),
    };
  }
}

// The common attributes' types: COMMON_PROPERTIES declares them at run time (see common-attributes.ts).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface CcDirectory extends CommonAttributes {}
